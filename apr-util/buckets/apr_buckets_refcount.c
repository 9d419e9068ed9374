/*
 * Shared data for bucket types whose buckets refer to one block (heap,
 * pool, mmap, file): the private data starts with an apr_bucket_refcount
 * counting the buckets; split and copy add one, destroy drops one and
 * tells the type when the last is gone.
 */
#include "apr_buckets.h"

APU_DECLARE_NONSTD(apr_status_t) apr_bucket_shared_split(apr_bucket *a,
                                                         apr_size_t point)
{
    apr_bucket_refcount *r = a->data;
    apr_status_t rv = apr_bucket_simple_split(a, point);

    if (rv == APR_SUCCESS)
        r->refcount++;
    return rv;
}

APU_DECLARE_NONSTD(apr_status_t) apr_bucket_shared_copy(apr_bucket *a,
                                                        apr_bucket **b)
{
    apr_bucket_refcount *r = a->data;
    apr_status_t rv = apr_bucket_simple_copy(a, b);

    if (rv == APR_SUCCESS)
        r->refcount++;
    return rv;
}

APU_DECLARE(int) apr_bucket_shared_destroy(void *data)
{
    apr_bucket_refcount *r = data;

    return --r->refcount == 0;
}

APU_DECLARE(apr_bucket *) apr_bucket_shared_make(apr_bucket *b, void *data,
                                                 apr_off_t start,
                                                 apr_size_t length)
{
    apr_bucket_refcount *r = data;

    r->refcount = 1;
    b->data = r;
    b->start = start;
    b->length = length;
    return b;   /* the caller sets the type */
}
