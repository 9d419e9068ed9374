/*
 * apr_file_copy and apr_file_append: the same on every platform, on top
 * of apr_file_open, apr_file_read and apr_file_write_full.
 */
#include "apr_file_io.h"

/* Copy from_path's content to to_path opened with flags. */
static apr_status_t transfer(const char *from_path, const char *to_path,
                             apr_int32_t flags, apr_fileperms_t to_perms,
                             apr_pool_t *pool)
{
    apr_file_t *s, *d;
    apr_status_t status;
    apr_finfo_t finfo;
    apr_fileperms_t perms;

    status = apr_file_open(&s, from_path, APR_FOPEN_READ,
                           APR_FPROT_OS_DEFAULT, pool);
    if (status != APR_SUCCESS)
        return status;
    if (to_perms == APR_FPROT_FILE_SOURCE_PERMS) {
        status = apr_file_info_get(&finfo, APR_FINFO_PROT, s);
        if (status != APR_SUCCESS && status != APR_INCOMPLETE) {
            apr_file_close(s);
            return status;
        }
        perms = finfo.protection;
        /* An existing destination gets them too (as APR; errors are
         * ignored: the open below reports what matters). */
        apr_file_perms_set(to_path, perms);
    }
    else {
        perms = to_perms;
    }
    status = apr_file_open(&d, to_path, flags, perms, pool);
    if (status != APR_SUCCESS) {
        apr_file_close(s);
        return status;
    }
    for (;;) {
        char buf[BUFSIZ];
        apr_size_t n = sizeof(buf);

        status = apr_file_read(s, buf, &n);
        if (status == APR_EOF) {
            status = APR_SUCCESS;
            break;
        }
        if (status != APR_SUCCESS)
            break;
        status = apr_file_write_full(d, buf, n, NULL);
        if (status != APR_SUCCESS)
            break;
    }
    {
        apr_status_t rv = apr_file_close(s);
        apr_status_t rv2 = apr_file_close(d);
        if (status == APR_SUCCESS)
            status = rv != APR_SUCCESS ? rv : rv2;
    }
    return status;
}

APR_DECLARE(apr_status_t) apr_file_copy(const char *from_path,
                                        const char *to_path,
                                        apr_fileperms_t perms,
                                        apr_pool_t *pool)
{
    return transfer(from_path, to_path,
                    APR_FOPEN_WRITE | APR_FOPEN_CREATE | APR_FOPEN_TRUNCATE,
                    perms, pool);
}

APR_DECLARE(apr_status_t) apr_file_append(const char *from_path,
                                          const char *to_path,
                                          apr_fileperms_t perms,
                                          apr_pool_t *pool)
{
    return transfer(from_path, to_path,
                    APR_FOPEN_WRITE | APR_FOPEN_CREATE | APR_FOPEN_APPEND,
                    perms, pool);
}
