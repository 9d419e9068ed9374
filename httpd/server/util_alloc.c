/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * Allocation outside pools. Running out of memory is not something a
 * server process can recover from in the middle of a request, so these
 * never return NULL: they report on stderr and abort.
 */
#include "util_private.h"
#include "apr_file_io.h"

AP_DECLARE(void) ap_abort_on_oom(void)
{
    static const char msg[] =
        "[crit] Memory allocation failed, aborting process." APR_EOL_STR;
    apr_pool_t *pool;
    apr_file_t *err;

    /* a tiny unmanaged pool may still be possible; if not, abort silently */
    if (apr_pool_create_unmanaged_ex(&pool, NULL, NULL) == APR_SUCCESS
        && apr_file_open_stderr(&err, pool) == APR_SUCCESS)
        apr_file_write_full(err, msg, sizeof(msg) - 1, NULL);
    abort();
}

AP_DECLARE(void *) ap_malloc(size_t size)
{
    void *p = malloc(size);

    if (p == NULL && size != 0)
        ap_abort_on_oom();
    return p;
}

AP_DECLARE(void *) ap_calloc(size_t nelem, size_t size)
{
    void *p = calloc(nelem, size);

    if (p == NULL && nelem != 0 && size != 0)
        ap_abort_on_oom();
    return p;
}

AP_DECLARE(void *) ap_realloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size);

    if (p == NULL && size != 0)
        ap_abort_on_oom();
    return p;
}
