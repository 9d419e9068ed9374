/*
 * Strings allocated from pools: copies, concatenation and formatting.
 * These are on every server request's path, so each allocates exactly
 * once and copies with memcpy.
 */
#include "apr_strings.h"
#include "apr_lib.h"

#include <stdlib.h>
#include <string.h>

APR_DECLARE(char *) apr_pstrdup(apr_pool_t *p, const char *s)
{
    apr_size_t len;
    char *res;

    if (s == NULL)
        return NULL;
    len = strlen(s) + 1;
    res = apr_palloc(p, len);
    memcpy(res, s, len);
    return res;
}

APR_DECLARE(char *) apr_pstrmemdup(apr_pool_t *p, const char *s, apr_size_t n)
{
    char *res;

    if (s == NULL)
        return NULL;
    res = apr_palloc(p, n + 1);
    memcpy(res, s, n);
    res[n] = '\0';
    return res;
}

APR_DECLARE(char *) apr_pstrndup(apr_pool_t *p, const char *s, apr_size_t n)
{
    if (s == NULL)
        return NULL;
    return apr_pstrmemdup(p, s, strnlen(s, n));
}

APR_DECLARE(void *) apr_pmemdup(apr_pool_t *p, const void *m, apr_size_t n)
{
    void *res;

    if (m == NULL)
        return NULL;
    res = apr_palloc(p, n);
    memcpy(res, m, n);
    return res;
}

/* Lengths remembered from the measuring pass of apr_pstrcat. */
#define SAVED_LENGTHS 8

APR_DECLARE_NONSTD(char *) apr_pstrcat(apr_pool_t *p, ...)
{
    apr_size_t saved[SAVED_LENGTHS];
    apr_size_t total = 0, n, i = 0;
    const char *s;
    char *res, *d;
    va_list ap;

    va_start(ap, p);
    while ((s = va_arg(ap, const char *)) != NULL) {
        n = strlen(s);
        if (i < SAVED_LENGTHS)
            saved[i++] = n;
        total += n;
    }
    va_end(ap);

    res = d = apr_palloc(p, total + 1);
    i = 0;
    va_start(ap, p);
    while ((s = va_arg(ap, const char *)) != NULL) {
        n = i < SAVED_LENGTHS ? saved[i++] : strlen(s);
        memcpy(d, s, n);
        d += n;
    }
    va_end(ap);
    *d = '\0';
    return res;
}

APR_DECLARE(char *) apr_pstrcatv(apr_pool_t *p, const struct iovec *vec,
                                 apr_size_t nvec, apr_size_t *nbytes)
{
    apr_size_t total = 0, i;
    char *res, *d;

    for (i = 0; i < nvec; i++)
        total += vec[i].iov_len;
    if (nbytes)
        *nbytes = total;
    res = d = apr_palloc(p, total + 1);
    for (i = 0; i < nvec; i++) {
        memcpy(d, vec[i].iov_base, vec[i].iov_len);
        d += vec[i].iov_len;
    }
    *d = '\0';
    return res;
}

/*
 * apr_pvsprintf formats into a stack buffer first: most results are short
 * and then cost one pool allocation and one memcpy. Longer results move
 * to a growing heap buffer that is released once copied to the pool.
 */
#define PSPRINTF_STACK 512

struct psprintf_buf {
    apr_vformatter_buff_t vbuff;
    char *heap;
    apr_size_t size;
    char stack[PSPRINTF_STACK];
};

static int psprintf_flush(apr_vformatter_buff_t *vbuff)
{
    struct psprintf_buf *b = (struct psprintf_buf *)vbuff;
    apr_size_t used = (apr_size_t)(vbuff->curpos - (b->heap ? b->heap
                                                             : b->stack));
    apr_size_t size = b->size * 2;
    char *mem;

    if (b->heap) {
        mem = realloc(b->heap, size);
    }
    else {
        mem = malloc(size);
        if (mem)
            memcpy(mem, b->stack, used);
    }
    if (mem == NULL)
        return -1;
    b->heap = mem;
    b->size = size;
    vbuff->curpos = mem + used;
    vbuff->endpos = mem + size;
    return 0;
}

APR_DECLARE(char *) apr_pvsprintf(apr_pool_t *p, const char *fmt, va_list ap)
{
    struct psprintf_buf b;
    char *res = NULL;
    int len;

    b.heap = NULL;
    b.size = PSPRINTF_STACK;
    b.vbuff.curpos = b.stack;
    b.vbuff.endpos = b.stack + PSPRINTF_STACK;
    len = apr_vformatter(psprintf_flush, &b.vbuff, fmt, ap);
    if (len >= 0) {
        res = apr_palloc(p, (apr_size_t)len + 1);
        if (res) {
            memcpy(res, b.heap ? b.heap : b.stack, (apr_size_t)len);
            res[len] = '\0';
        }
    }
    free(b.heap);
    return res;
}

APR_DECLARE_NONSTD(char *) apr_psprintf(apr_pool_t *p, const char *fmt, ...)
{
    va_list ap;
    char *res;

    va_start(ap, fmt);
    res = apr_pvsprintf(p, fmt, ap);
    va_end(ap);
    return res;
}
