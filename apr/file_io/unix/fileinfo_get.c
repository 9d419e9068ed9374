/*
 * apr_file_info_get: fstat() of an open file.
 */
#include "apr_arch_file_io.h"

#include <errno.h>

APR_DECLARE(apr_status_t) apr_file_info_get(apr_finfo_t *finfo,
                                            apr_int32_t wanted,
                                            apr_file_t *thefile)
{
    struct stat st;

    /* The size must count the bytes still in the buffer. */
    if (thefile->buffered) {
        apr_status_t rv = apr_file_flush(thefile);
        if (rv != APR_SUCCESS)
            return rv;
    }
    if (fstat(thefile->filedes, &st) != 0)
        return errno;
    finfo->pool = thefile->pool;
    finfo->fname = thefile->fname;
    apr__finfo_from_stat(finfo, &st, wanted);
    return (wanted & ~finfo->valid) ? APR_INCOMPLETE : APR_SUCCESS;
}
