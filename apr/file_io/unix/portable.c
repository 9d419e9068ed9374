/*
 * apr_os_file_get / apr_os_file_put: between apr_file_t and descriptors.
 * (The pipe ones, apr_os_pipe_put*, are in pipe.c.)
 */
#include "apr_arch_file_io.h"
#include "apr_portable.h"

APR_DECLARE(apr_status_t) apr_os_file_get(apr_os_file_t *thefile,
                                          apr_file_t *file)
{
    *thefile = file->filedes;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_os_file_put(apr_file_t **file,
                                          apr_os_file_t *thefile,
                                          apr_int32_t flags,
                                          apr_pool_t *cont)
{
    return apr__file_wrap(file, *thefile, flags, cont);
}
