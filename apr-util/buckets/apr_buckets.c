/*
 * The ready-made entries of bucket type tables: for types whose data needs
 * no setaside, and for operations a type does not support.
 */
#include "apr_buckets.h"

APU_DECLARE_NONSTD(apr_status_t) apr_bucket_setaside_noop(apr_bucket *data,
                                                          apr_pool_t *pool)
{
    (void)data;
    (void)pool;
    return APR_SUCCESS;
}

APU_DECLARE_NONSTD(apr_status_t) apr_bucket_setaside_notimpl(apr_bucket *data,
                                                             apr_pool_t *pool)
{
    (void)data;
    (void)pool;
    return APR_ENOTIMPL;
}

APU_DECLARE_NONSTD(apr_status_t) apr_bucket_split_notimpl(apr_bucket *data,
                                                          apr_size_t point)
{
    (void)data;
    (void)point;
    return APR_ENOTIMPL;
}

APU_DECLARE_NONSTD(apr_status_t) apr_bucket_copy_notimpl(apr_bucket *e,
                                                         apr_bucket **c)
{
    (void)e;
    (void)c;
    return APR_ENOTIMPL;
}

APU_DECLARE_NONSTD(void) apr_bucket_destroy_noop(void *data)
{
    (void)data;
}
