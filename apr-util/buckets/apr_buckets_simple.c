/*
 * Buckets whose data is not reference-counted: IMMORTAL (bytes that live
 * forever) and TRANSIENT (bytes valid until the creator returns), plus the
 * split and copy that every unshared type can use.
 */
#include <string.h>

#include "apr_buckets.h"

APU_DECLARE_NONSTD(apr_status_t) apr_bucket_simple_copy(apr_bucket *a,
                                                        apr_bucket **b)
{
    apr_bucket *c = apr_bucket_alloc(sizeof(*c), a->list);

    if (c == NULL)
        return APR_ENOMEM;
    *c = *a;
    *b = c;
    return APR_SUCCESS;
}

APU_DECLARE_NONSTD(apr_status_t) apr_bucket_simple_split(apr_bucket *a,
                                                         apr_size_t point)
{
    apr_bucket *b;
    apr_status_t rv;

    if (point > a->length)
        return APR_EINVAL;
    rv = apr_bucket_simple_copy(a, &b);
    if (rv != APR_SUCCESS)
        return rv;
    a->length = point;
    b->length -= point;
    b->start += (apr_off_t)point;
    APR_BUCKET_INSERT_AFTER(a, b);
    return APR_SUCCESS;
}

static apr_status_t simple_bucket_read(apr_bucket *b, const char **str,
                                       apr_size_t *len, apr_read_type_e block)
{
    (void)block;
    *str = (const char *)b->data + b->start;
    *len = b->length;
    return APR_SUCCESS;
}

/* Setting a transient bucket aside is the one place its bytes are copied:
 * it becomes a heap bucket holding a copy. */
static apr_status_t transient_bucket_setaside(apr_bucket *b, apr_pool_t *pool)
{
    (void)pool;
    if (apr_bucket_heap_make(b, (const char *)b->data + b->start, b->length,
                             NULL) == NULL)
        return APR_ENOMEM;
    return APR_SUCCESS;
}

static apr_bucket *simple_make(apr_bucket *b, const apr_bucket_type_t *type,
                               const char *buf, apr_size_t length)
{
    b->data = (void *)(apr_uintptr_t)buf;   /* the API drops const here */
    b->length = length;
    b->start = 0;
    b->type = type;
    return b;
}

static apr_bucket *simple_create(const apr_bucket_type_t *type,
                                 const char *buf, apr_size_t length,
                                 apr_bucket_alloc_t *list)
{
    apr_bucket *b = apr_bucket_alloc(sizeof(*b), list);

    if (b == NULL)
        return NULL;
    APR_BUCKET_INIT(b);
    b->free = apr_bucket_free;
    b->list = list;
    return simple_make(b, type, buf, length);
}

APU_DECLARE(apr_bucket *) apr_bucket_immortal_make(apr_bucket *b,
                                                   const char *buf,
                                                   apr_size_t length)
{
    return simple_make(b, &apr_bucket_type_immortal, buf, length);
}

APU_DECLARE(apr_bucket *) apr_bucket_immortal_create(const char *buf,
                                                     apr_size_t length,
                                                     apr_bucket_alloc_t *list)
{
    return simple_create(&apr_bucket_type_immortal, buf, length, list);
}

APU_DECLARE(apr_bucket *) apr_bucket_transient_make(apr_bucket *b,
                                                    const char *buf,
                                                    apr_size_t length)
{
    return simple_make(b, &apr_bucket_type_transient, buf, length);
}

APU_DECLARE(apr_bucket *) apr_bucket_transient_create(const char *buf,
                                                      apr_size_t length,
                                                      apr_bucket_alloc_t *list)
{
    return simple_create(&apr_bucket_type_transient, buf, length, list);
}

APU_DECLARE_DATA const apr_bucket_type_t apr_bucket_type_immortal = {
    "IMMORTAL", 5, APR_BUCKET_DATA,
    apr_bucket_destroy_noop,
    simple_bucket_read,
    apr_bucket_setaside_noop,
    apr_bucket_simple_split,
    apr_bucket_simple_copy
};

APU_DECLARE_DATA const apr_bucket_type_t apr_bucket_type_transient = {
    "TRANSIENT", 5, APR_BUCKET_DATA,
    apr_bucket_destroy_noop,
    simple_bucket_read,
    transient_bucket_setaside,
    apr_bucket_simple_split,
    apr_bucket_simple_copy
};
