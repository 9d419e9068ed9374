/*
 * Reading and writing all of a request: loops over apr_file_read,
 * apr_file_write and apr_file_writev, the same on every platform.
 */
#include "apr_file_io.h"

APR_DECLARE(apr_status_t) apr_file_read_full(apr_file_t *thefile, void *buf,
                                             apr_size_t nbytes,
                                             apr_size_t *bytes_read)
{
    apr_status_t rv = APR_SUCCESS;
    apr_size_t total = 0;

    while (total < nbytes) {
        apr_size_t n = nbytes - total;
        rv = apr_file_read(thefile, (char *)buf + total, &n);
        total += n;
        if (rv != APR_SUCCESS)
            break;
    }
    if (bytes_read)
        *bytes_read = total;
    return rv;
}

APR_DECLARE(apr_status_t) apr_file_write_full(apr_file_t *thefile,
                                              const void *buf,
                                              apr_size_t nbytes,
                                              apr_size_t *bytes_written)
{
    apr_status_t rv = APR_SUCCESS;
    apr_size_t total = 0;

    while (total < nbytes) {
        apr_size_t n = nbytes - total;
        rv = apr_file_write(thefile, (const char *)buf + total, &n);
        total += n;
        if (rv != APR_SUCCESS)
            break;
    }
    if (bytes_written)
        *bytes_written = total;
    return rv;
}

APR_DECLARE(apr_status_t) apr_file_writev_full(apr_file_t *thefile,
                                               const struct iovec *vec,
                                               apr_size_t nvec,
                                               apr_size_t *nbytes)
{
    apr_status_t rv = APR_SUCCESS;
    apr_size_t i, total = 0, amt = 0, written = 0;

    for (i = 0; i < nvec; i++)
        total += vec[i].iov_len;

    /* One writev, then whatever it left over, buffer by buffer. */
    rv = apr_file_writev(thefile, vec, nvec, &written);
    amt = written;
    if (rv == APR_SUCCESS && amt < total) {
        apr_size_t skip = amt;
        for (i = 0; i < nvec && rv == APR_SUCCESS; i++) {
            const char *base = vec[i].iov_base;
            apr_size_t len = vec[i].iov_len;
            if (skip >= len) {
                skip -= len;
                continue;
            }
            rv = apr_file_write_full(thefile, base + skip, len - skip,
                                     &written);
            amt += written;
            skip = 0;
        }
    }
    if (nbytes)
        *nbytes = amt;
    return rv;
}
