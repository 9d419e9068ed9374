/* protocol_write.c: the stdio-like response API (ap_rputc, ap_rwrite,
 * ap_rvputs, ap_vrprintf, ap_rprintf, ap_rflush) and the OLD_WRITE filter
 * that buffers it.
 *
 * Small writes are collected in one brigade held by the OLD_WRITE filter
 * (inserted first in the chain on the first write) and only pass down the
 * chain when APR's bucket buffer fills (~8 KB), on ap_rflush, or in front
 * of the next brigade a handler passes (usually the final EOS), so a page
 * made of many ap_rputs() calls reaches the network in one write together
 * with its headers.
 */
#include <limits.h>
#include <stdarg.h>
#include <string.h>

#include "apr_strings.h"
#include "httpd.h"
#include "http_config.h"
#include "http_protocol.h"
#include "util_filter.h"
#include "protocol_private.h"

AP_DECLARE_DATA ap_filter_rec_t *ap_old_write_func = NULL;

typedef struct {
    apr_bucket_brigade *bb;     /* buffered output, NULL until written */
    apr_bucket_brigade *tmpbb;  /* scratch for flushes / bypass writes */
} old_write_ctx;

AP_DECLARE_NONSTD(apr_status_t) ap_old_write_filter(ap_filter_t *f,
                                                    apr_bucket_brigade *bb)
{
    old_write_ctx *ctx = f->ctx;

    if (ctx && ctx->bb && !APR_BRIGADE_EMPTY(ctx->bb)) {
        APR_BRIGADE_PREPEND(bb, ctx->bb);
    }
    return ap_pass_brigade(f->next, bb);
}

/* Our filter, inserted on first use; NULL if OLD_WRITE is not registered
 * (writes then go straight down the chain). */
static ap_filter_t *old_write(request_rec *r, old_write_ctx **pctx)
{
    ap_filter_t *f;
    old_write_ctx *ctx;

    for (f = r->output_filters; f; f = f->next) {
        if (f->frec == ap_old_write_func && ap_old_write_func) {
            *pctx = f->ctx;
            return f;
        }
    }
    ctx = apr_pcalloc(r->pool, sizeof(*ctx));
    ctx->tmpbb = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    *pctx = ctx;
    if (ap_old_write_func == NULL) {
        return NULL;
    }
    return ap_add_output_filter_handle(ap_old_write_func, ctx, r,
                                       r->connection);
}

static apr_status_t pass_transient(request_rec *r, old_write_ctx *ctx,
                                   const char *str, apr_size_t len)
{
    apr_status_t rv;

    APR_BRIGADE_INSERT_TAIL(ctx->tmpbb,
        apr_bucket_transient_create(str, len, r->connection->bucket_alloc));
    rv = ap_pass_brigade(r->output_filters, ctx->tmpbb);
    apr_brigade_cleanup(ctx->tmpbb);
    return rv;
}

static apr_status_t buffer_output(request_rec *r, const char *str,
                                  apr_size_t len)
{
    old_write_ctx *ctx;
    ap_filter_t *f;

    if (len == 0) {
        return APR_SUCCESS;
    }
    f = old_write(r, &ctx);
    /* someone inserted a filter in front of ours: do not reorder data */
    if (f == NULL || f != r->output_filters) {
        return pass_transient(r, ctx, str, len);
    }
    if (ctx->bb == NULL) {
        ctx->bb = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    }
    return ap_fwrite(f->next, ctx->bb, str, len);
}

static int write_result(request_rec *r, apr_status_t rv, int n)
{
    if (rv != APR_SUCCESS) {
        return -1;
    }
    return r->connection->aborted ? -1 : n;
}

AP_DECLARE(int) ap_rputc(int c, request_rec *r)
{
    char ch = (char)c;

    if (r->connection->aborted) {
        return -1;
    }
    return write_result(r, buffer_output(r, &ch, 1), c);
}

AP_DECLARE(int) ap_rwrite(const void *buf, int nbyte, request_rec *r)
{
    if (r->connection->aborted || nbyte < 0) {
        return -1;
    }
    return write_result(r, buffer_output(r, buf, (apr_size_t)nbyte), nbyte);
}

AP_DECLARE_NONSTD(int) ap_rvputs(request_rec *r, ...)
{
    va_list va;
    const char *s;
    apr_size_t total = 0;

    if (r->connection->aborted) {
        return -1;
    }
    va_start(va, r);
    while ((s = va_arg(va, const char *)) != NULL) {
        apr_size_t len = strlen(s);

        if (buffer_output(r, s, len) != APR_SUCCESS) {
            va_end(va);
            return -1;
        }
        total += len;
    }
    va_end(va);
    return total > INT_MAX ? INT_MAX : (int)total;
}

AP_DECLARE(int) ap_vrprintf(request_rec *r, const char *fmt, va_list vlist)
{
    char buf[512];
    va_list cp;
    int n;

    if (r->connection->aborted) {
        return -1;
    }
    va_copy(cp, vlist);
    n = apr_vsnprintf(buf, sizeof(buf), fmt, cp);
    va_end(cp);
    if ((apr_size_t)n < sizeof(buf) - 1) {
        return write_result(r, buffer_output(r, buf, (apr_size_t)n), n);
    }
    /* apr_vsnprintf truncates silently: redo long output in the pool */
    {
        char *s = apr_pvsprintf(r->pool, fmt, vlist);

        n = (int)strlen(s);
        return write_result(r, buffer_output(r, s, (apr_size_t)n), n);
    }
}

AP_DECLARE_NONSTD(int) ap_rprintf(request_rec *r, const char *fmt, ...)
{
    va_list va;
    int n;

    va_start(va, fmt);
    n = ap_vrprintf(r, fmt, va);
    va_end(va);
    return n;
}

AP_DECLARE(int) ap_rflush(request_rec *r)
{
    old_write_ctx *ctx;
    apr_status_t rv;

    old_write(r, &ctx);
    APR_BRIGADE_INSERT_TAIL(ctx->tmpbb,
        apr_bucket_flush_create(r->connection->bucket_alloc));
    rv = ap_pass_brigade(r->output_filters, ctx->tmpbb);
    apr_brigade_cleanup(ctx->tmpbb);
    return rv == APR_SUCCESS ? 0 : -1;
}

apr_size_t ap__rwrite_pending(request_rec *r)
{
    ap_filter_t *f;
    apr_off_t len = 0;

    for (f = r->output_filters; f; f = f->next) {
        old_write_ctx *ctx = f->ctx;

        if (ap_old_write_func && f->frec == ap_old_write_func && ctx->bb) {
            apr_brigade_length(ctx->bb, 0, &len);
            break;
        }
    }
    return (apr_size_t)len;
}
