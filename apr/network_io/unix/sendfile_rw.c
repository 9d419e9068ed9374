/*
 * apr_socket_sendfile for systems without a sendfile(2) that APR knows:
 * headers with writev, the file read in chunks and sent with
 * apr_socket_send, then the trailers. Same contract as the real one: a
 * partial count with APR_SUCCESS when the socket would block.
 */
#include "apr_arch_networkio.h"
#include "apr_arch_file_io.h"

#include <errno.h>
#include <unistd.h>

#define CHUNK 65536

static apr_size_t iov_total(const struct iovec *vec, int n)
{
    apr_size_t total = 0;
    int i;

    for (i = 0; i < n; i++)
        total += vec[i].iov_len;
    return total;
}

/* Send vec fully or report how far it got; *done says whether it did. */
static apr_status_t send_vec(apr_socket_t *sock, struct iovec *vec, int n,
                             apr_size_t *nbytes, int *done)
{
    apr_size_t part = 0;
    apr_status_t rv;

    *done = 1;
    if (n <= 0)
        return APR_SUCCESS;
    rv = apr_socket_sendv(sock, vec, n, &part);
    *nbytes += part;
    if (rv == APR_SUCCESS && part < iov_total(vec, n))
        *done = 0;
    return rv;
}

/* The file, CHUNK bytes at a time; stops early on a partial send. */
static apr_status_t send_file(apr_socket_t *sock, apr_file_t *file,
                              apr_off_t off, apr_size_t len,
                              apr_size_t *nbytes, int *done)
{
    char *buf = apr_palloc(sock->pool, CHUNK);
    apr_size_t left = len;

    *done = 1;
    while (left > 0) {
        apr_size_t want = left < CHUNK ? left : CHUNK, n;
        ssize_t got;
        apr_status_t rv;

        do {
            got = pread(file->filedes, buf, want, (off_t)off);
        } while (got == -1 && errno == EINTR);
        if (got == -1)
            return errno;
        if (got == 0)
            return APR_EOF;
        n = (apr_size_t)got;
        rv = apr_socket_send(sock, buf, &n);
        *nbytes += n;
        if (rv != APR_SUCCESS)
            return rv;
        left -= n;
        off += (apr_off_t)n;
        if (n < (apr_size_t)got) {
            *done = 0;
            return APR_SUCCESS;
        }
    }
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_sendfile(apr_socket_t *sock,
                                              apr_file_t *file,
                                              apr_hdtr_t *hdtr,
                                              apr_off_t *offset,
                                              apr_size_t *len,
                                              apr_int32_t flags)
{
    static apr_hdtr_t no_hdtr;
    apr_size_t nbytes = 0;
    apr_status_t rv;
    int done;

    (void)flags;
    if (hdtr == NULL)
        hdtr = &no_hdtr;
    rv = send_vec(sock, hdtr->headers, hdtr->numheaders, &nbytes, &done);
    if (rv == APR_SUCCESS && done)
        rv = send_file(sock, file, *offset, *len, &nbytes, &done);
    if (rv == APR_SUCCESS && done)
        rv = send_vec(sock, hdtr->trailers, hdtr->numtrailers, &nbytes,
                      &done);
    *len = nbytes;
    return rv;
}
