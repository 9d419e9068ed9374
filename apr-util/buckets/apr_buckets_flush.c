/*
 * FLUSH buckets: metadata asking every filter to pass on what it holds now.
 * No data, nothing to free; copies are plain copies, splits impossible.
 */
#include "apr_buckets.h"

static apr_status_t flush_bucket_read(apr_bucket *b, const char **str,
                                      apr_size_t *len, apr_read_type_e block)
{
    (void)b;
    (void)block;
    *str = NULL;
    *len = 0;
    return APR_SUCCESS;
}

APU_DECLARE(apr_bucket *) apr_bucket_flush_make(apr_bucket *b)
{
    b->length = 0;
    b->start = 0;
    b->data = NULL;
    b->type = &apr_bucket_type_flush;
    return b;
}

APU_DECLARE(apr_bucket *) apr_bucket_flush_create(apr_bucket_alloc_t *list)
{
    apr_bucket *b = apr_bucket_alloc(sizeof(*b), list);

    if (b == NULL)
        return NULL;
    APR_BUCKET_INIT(b);
    b->free = apr_bucket_free;
    b->list = list;
    return apr_bucket_flush_make(b);
}

APU_DECLARE_DATA const apr_bucket_type_t apr_bucket_type_flush = {
    "FLUSH", 5, APR_BUCKET_METADATA,
    apr_bucket_destroy_noop,
    flush_bucket_read,
    apr_bucket_setaside_noop,
    apr_bucket_split_notimpl,
    apr_bucket_simple_copy
};
