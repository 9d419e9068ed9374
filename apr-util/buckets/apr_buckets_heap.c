/*
 * HEAP buckets: bytes in a block of memory shared by the buckets split or
 * copied from one another, freed with the last of them. The block is
 * either a copy made from the bucket allocator or a caller's buffer taken
 * over together with the function that frees it.
 */
#include <string.h>

#include "apr_buckets.h"

static apr_status_t heap_bucket_read(apr_bucket *b, const char **str,
                                     apr_size_t *len, apr_read_type_e block)
{
    apr_bucket_heap *h = b->data;

    (void)block;
    *str = h->base + b->start;
    *len = b->length;
    return APR_SUCCESS;
}

static void heap_bucket_destroy(void *data)
{
    apr_bucket_heap *h = data;

    if (apr_bucket_shared_destroy(h)) {
        h->free_func(h->base);
        apr_bucket_free(h);
    }
}

APU_DECLARE(apr_bucket *) apr_bucket_heap_make(apr_bucket *b, const char *buf,
                                               apr_size_t length,
                                               void (*free_func)(void *data))
{
    apr_bucket_heap *h = apr_bucket_alloc(sizeof(*h), b->list);

    if (h == NULL)
        return NULL;
    if (free_func == NULL) {
        h->base = apr_bucket_alloc(length, b->list);
        if (h->base == NULL) {
            apr_bucket_free(h);
            return NULL;
        }
        if (length)
            memcpy(h->base, buf, length);
        h->free_func = apr_bucket_free;
    }
    else {
        h->base = (char *)(apr_uintptr_t)buf;   /* ownership passes to us */
        h->free_func = free_func;
    }
    h->alloc_len = length;
    b = apr_bucket_shared_make(b, h, 0, length);
    b->type = &apr_bucket_type_heap;
    return b;
}

APU_DECLARE(apr_bucket *) apr_bucket_heap_create(const char *buf,
                                                 apr_size_t length,
                                                 void (*free_func)(void *data),
                                                 apr_bucket_alloc_t *list)
{
    apr_bucket *b = apr_bucket_alloc(sizeof(*b), list);

    if (b == NULL)
        return NULL;
    APR_BUCKET_INIT(b);
    b->free = apr_bucket_free;
    b->list = list;
    if (apr_bucket_heap_make(b, buf, length, free_func) == NULL) {
        apr_bucket_free(b);
        return NULL;
    }
    return b;
}

APU_DECLARE_DATA const apr_bucket_type_t apr_bucket_type_heap = {
    "HEAP", 5, APR_BUCKET_DATA,
    heap_bucket_destroy,
    heap_bucket_read,
    apr_bucket_setaside_noop,
    apr_bucket_shared_split,
    apr_bucket_shared_copy
};
