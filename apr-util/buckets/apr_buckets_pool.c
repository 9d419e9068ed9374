/*
 * POOL buckets: bytes allocated from a pool, referred to without a copy.
 *
 * The pool may be cleaned up while buckets still refer to its memory. A
 * cleanup registered on it then copies the bytes to the heap, into the
 * apr_bucket_heap that heads apr_bucket_pool, and clears pool. Each bucket
 * notices on its next read and turns itself into a HEAP bucket; the
 * buckets keep sharing one refcount, so nothing else has to be found and
 * updated. A bucket destroyed before its read hands over to the heap
 * type's destroy, which frees the copy and the whole apr_bucket_pool.
 */
#include <string.h>

#include "apr_buckets.h"

static apr_status_t pool_bucket_cleanup(void *data)
{
    apr_bucket_pool *p = data;

    p->heap.base = apr_bucket_alloc(p->heap.alloc_len, p->list);
    if (p->heap.base && p->heap.alloc_len)
        memcpy(p->heap.base, p->base, p->heap.alloc_len);
    p->base = NULL;
    p->pool = NULL;
    return APR_SUCCESS;
}

static apr_status_t pool_bucket_read(apr_bucket *b, const char **str,
                                     apr_size_t *len, apr_read_type_e block)
{
    apr_bucket_pool *p = b->data;
    const char *base = p->base;

    (void)block;
    if (p->pool == NULL) {
        /* The pool is gone: from now on this is a heap bucket. */
        b->type = &apr_bucket_type_heap;
        base = p->heap.base;
        if (base == NULL)
            return APR_ENOMEM;   /* the cleanup could not copy */
    }
    *str = base + b->start;
    *len = b->length;
    return APR_SUCCESS;
}

static void pool_bucket_destroy(void *data)
{
    apr_bucket_pool *p = data;

    if (p->pool == NULL) {
        apr_bucket_type_heap.destroy(p);
    }
    else if (apr_bucket_shared_destroy(p)) {
        apr_pool_cleanup_kill(p->pool, p, pool_bucket_cleanup);
        apr_bucket_free(p);
    }
}

APU_DECLARE(apr_bucket *) apr_bucket_pool_make(apr_bucket *b, const char *buf,
                                               apr_size_t length,
                                               apr_pool_t *pool)
{
    apr_bucket_pool *p = apr_bucket_alloc(sizeof(*p), b->list);

    if (p == NULL)
        return NULL;
    p->base = buf;
    p->pool = pool;
    p->list = b->list;
    /* The heap data it may become: the bytes' size and how to free them. */
    p->heap.base = NULL;
    p->heap.alloc_len = length;
    p->heap.free_func = apr_bucket_free;
    b = apr_bucket_shared_make(b, p, 0, length);
    b->type = &apr_bucket_type_pool;
    apr_pool_cleanup_register(pool, p, pool_bucket_cleanup,
                              apr_pool_cleanup_null);
    return b;
}

APU_DECLARE(apr_bucket *) apr_bucket_pool_create(const char *buf,
                                                 apr_size_t length,
                                                 apr_pool_t *pool,
                                                 apr_bucket_alloc_t *list)
{
    apr_bucket *b = apr_bucket_alloc(sizeof(*b), list);

    if (b == NULL)
        return NULL;
    APR_BUCKET_INIT(b);
    b->free = apr_bucket_free;
    b->list = list;
    if (apr_bucket_pool_make(b, buf, length, pool) == NULL) {
        apr_bucket_free(b);
        return NULL;
    }
    return b;
}

/* Setaside needs nothing: the pool cleanup moves the bytes in time. */
APU_DECLARE_DATA const apr_bucket_type_t apr_bucket_type_pool = {
    "POOL", 5, APR_BUCKET_DATA,
    pool_bucket_destroy,
    pool_bucket_read,
    apr_bucket_setaside_noop,
    apr_bucket_shared_split,
    apr_bucket_shared_copy
};
