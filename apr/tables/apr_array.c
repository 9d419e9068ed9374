/*
 * Growable arrays (apr_array_header_t): contiguous elements in a pool,
 * doubled when full. Storage never shrinks and is never freed before the
 * pool goes.
 */
#include <string.h>

#include "apr_tables.h"

#include "tables_internal.h"

void apr__array_init(apr_array_header_t *arr, apr_pool_t *p, int nelts,
                     int elt_size, int zero)
{
    size_t bytes;

    if (nelts < 1)
        nelts = 1;
    bytes = (size_t)nelts * (size_t)elt_size;
    arr->pool = p;
    arr->elt_size = elt_size;
    arr->nelts = 0;
    arr->nalloc = nelts;
    arr->elts = apr_palloc(p, bytes);
    if (zero)
        memset(arr->elts, 0, bytes);
}

/* Grows arr's storage so that it holds at least need elements; the part
 * past the old capacity is zero-filled, as callers of push may expect. */
void apr__array_grow(apr_array_header_t *arr, int need)
{
    size_t elt = (size_t)arr->elt_size;
    size_t size = arr->nalloc > 0 ? (size_t)arr->nalloc * 2 : 1;
    size_t old = arr->nalloc > 0 ? (size_t)arr->nalloc : 0;
    char *data;

    while (size < (size_t)need)
        size *= 2;
    data = apr_palloc(arr->pool, size * elt);
    if (old)
        memcpy(data, arr->elts, old * elt);
    memset(data + old * elt, 0, (size - old) * elt);
    arr->elts = data;
    arr->nalloc = (int)size;
}

APR_DECLARE(int) apr_is_empty_array(const apr_array_header_t *a)
{
    return a == NULL || a->nelts == 0;
}

APR_DECLARE(apr_array_header_t *) apr_array_make(apr_pool_t *p, int nelts,
                                                 int elt_size)
{
    apr_array_header_t *res = apr_palloc(p, sizeof(*res));

    apr__array_init(res, p, nelts, elt_size, 1);
    return res;
}

APR_DECLARE(void *) apr_array_push(apr_array_header_t *arr)
{
    if (arr->nelts == arr->nalloc)
        apr__array_grow(arr, arr->nelts + 1);
    return arr->elts + (size_t)arr->elt_size * (size_t)arr->nelts++;
}

APR_DECLARE(void *) apr_array_pop(apr_array_header_t *arr)
{
    if (arr->nelts <= 0)
        return NULL;
    return arr->elts + (size_t)arr->elt_size * (size_t)--arr->nelts;
}

APR_DECLARE(void) apr_array_clear(apr_array_header_t *arr)
{
    arr->nelts = 0;
}

APR_DECLARE(void) apr_array_cat(apr_array_header_t *dst,
                                const apr_array_header_t *src)
{
    size_t elt = (size_t)dst->elt_size;
    int n = src->nelts;

    if (n <= 0)
        return;
    if (dst->nelts + n > dst->nalloc)
        apr__array_grow(dst, dst->nelts + n);
    /* memmove: src may be dst itself. */
    memmove(dst->elts + elt * (size_t)dst->nelts, src->elts, elt * (size_t)n);
    dst->nelts += n;
}

APR_DECLARE(apr_array_header_t *) apr_array_copy(apr_pool_t *p,
                                      const apr_array_header_t *arr)
{
    apr_array_header_t *res = apr_palloc(p, sizeof(*res));
    size_t elt = (size_t)arr->elt_size;
    size_t used = elt * (size_t)arr->nelts;

    apr__array_init(res, p, arr->nalloc, arr->elt_size, 0);
    if (used)
        memcpy(res->elts, arr->elts, used);
    memset(res->elts + used, 0, elt * (size_t)res->nalloc - used);
    res->nelts = arr->nelts;
    return res;
}

APR_DECLARE(apr_array_header_t *) apr_array_copy_hdr(apr_pool_t *p,
                                      const apr_array_header_t *arr)
{
    apr_array_header_t *res = apr_palloc(p, sizeof(*res));

    res->pool = p;
    res->elt_size = arr->elt_size;
    res->nelts = arr->nelts;
    /* Full on purpose: the first push or cat copies the shared elements. */
    res->nalloc = arr->nelts;
    res->elts = arr->elts;
    return res;
}

APR_DECLARE(apr_array_header_t *) apr_array_append(apr_pool_t *p,
                                      const apr_array_header_t *first,
                                      const apr_array_header_t *second)
{
    apr_array_header_t *res = apr_array_copy_hdr(p, first);

    apr_array_cat(res, second);
    return res;
}

APR_DECLARE(char *) apr_array_pstrcat(apr_pool_t *p,
                                      const apr_array_header_t *arr,
                                      const char sep)
{
    const char *const *strs;
    size_t len = 0, n;
    char *res, *d;
    int i;

    if (arr == NULL || arr->nelts <= 0 || arr->elts == NULL) {
        res = apr_palloc(p, 1);
        *res = '\0';
        return res;
    }
    strs = (const char *const *)(const void *)arr->elts;
    for (i = 0; i < arr->nelts; i++)
        if (strs[i])
            len += strlen(strs[i]);
    if (sep)
        len += (size_t)arr->nelts - 1;

    d = res = apr_palloc(p, len + 1);
    for (i = 0; i < arr->nelts; i++) {
        if (i > 0 && sep)
            *d++ = sep;
        if (strs[i]) {
            n = strlen(strs[i]);
            memcpy(d, strs[i], n);
            d += n;
        }
    }
    *d = '\0';
    return res;
}
