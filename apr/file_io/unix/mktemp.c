/*
 * Unique temporary files, with mkstemp().
 */
#include "apr_arch_file_io.h"
#include "apr_strings.h"

#include <errno.h>
#include <stdlib.h>

APR_DECLARE(apr_status_t) apr_file_mktemp(apr_file_t **fp, char *templ,
                                          apr_int32_t flags, apr_pool_t *p)
{
    apr_file_t *f;
    apr_status_t rv;
    int fd;

    if (flags == 0)
        flags = APR_FOPEN_CREATE | APR_FOPEN_READ | APR_FOPEN_WRITE |
                APR_FOPEN_EXCL | APR_FOPEN_DELONCLOSE;
    /* mkstemp() creates the file 0600, exclusively, read-write; the
     * other flags (buffering, DELONCLOSE, ...) are applied here. */
    fd = mkostemp(templ, (flags & APR_FOPEN_NOCLEANUP) ? 0 : O_CLOEXEC);
    if (fd == -1)
        return errno;
    rv = apr__file_wrap(&f, fd, flags, p);
    if (rv != APR_SUCCESS) {
        close(fd);
        unlink(templ);
        return rv;
    }
    f->flags = flags; /* apr__file_wrap added NOCLEANUP */
    f->fname = apr_pstrdup(p, templ);
    f->blocking = APR__BLK_ON;
    if (!(flags & APR_FOPEN_NOCLEANUP))
        apr_pool_cleanup_register(p, f, apr__file_cleanup,
                                  apr__file_child_cleanup);
    *fp = f;
    return APR_SUCCESS;
}
