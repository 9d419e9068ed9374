/* core_filters_in.c: CORE_IN, the network end of the input chain. It
 * keeps one brigade per connection holding the socket bucket and whatever
 * was read from it but not yet asked for, and answers the read modes of
 * util_filter.h from it. */
#include <string.h>

#include "apr_buckets.h"

#include "httpd.h"
#include "http_core.h"
#include "http_log.h"
#include "util_filter.h"

#include "request_private.h"

APLOG_USE_MODULE(core);

/* Lazily create the context, with the socket bucket (or whatever a
 * module's insert_network_bucket hook put there) in ctx->b. */
static core_ctx_t *get_ctx(ap_filter_t *f)
{
    core_net_rec *net = f->ctx;
    core_ctx_t *ctx = net->in_ctx;
    conn_rec *c = f->c;

    if (ctx) {
        return ctx;
    }
    ctx = apr_pcalloc(c->pool, sizeof(*ctx));
    ctx->b = apr_brigade_create(c->pool, c->bucket_alloc);
    ctx->tmpbb = apr_brigade_create(c->pool, c->bucket_alloc);
    if (ap_run_insert_network_bucket(c, ctx->b, net->client_socket)
        != APR_SUCCESS || APR_BRIGADE_EMPTY(ctx->b)) {
        apr_brigade_cleanup(ctx->b);
        APR_BRIGADE_INSERT_TAIL(ctx->b,
            apr_bucket_socket_create(net->client_socket, c->bucket_alloc));
    }
    net->in_ctx = ctx;
    return ctx;
}

apr_status_t ap__brigade_eat_crlf(apr_bucket_brigade *bb)
{
    while (!APR_BRIGADE_EMPTY(bb)) {
        apr_bucket *e = APR_BRIGADE_FIRST(bb);
        const char *str;
        apr_size_t len, i = 0;
        apr_status_t rv = apr_bucket_read(e, &str, &len, APR_NONBLOCK_READ);

        if (rv != APR_SUCCESS) {
            return rv;
        }
        while (i < len && (str[i] == APR_ASCII_CR || str[i] == APR_ASCII_LF)) {
            i++;
        }
        if (i < len) {
            if (i) {
                apr_bucket_split(e, i);
                apr_bucket_delete(e);
            }
            return APR_SUCCESS;
        }
        apr_bucket_delete(e);
    }
    return APR_EOF;
}

/* Drop leading CR/LF bytes (blank lines between pipelined requests);
 * nothing more to read now is no error. */
static apr_status_t eat_crlf(core_ctx_t *ctx)
{
    apr_status_t rv = ap__brigade_eat_crlf(ctx->b);

    return APR_STATUS_IS_EAGAIN(rv) ? APR_SUCCESS : rv;
}

/* Bytes available in ctx->b without waiting, starting with @a have
 * already read from the first bucket, up to @a want. */
static apr_off_t available(core_ctx_t *ctx, apr_size_t have, apr_off_t want)
{
    apr_bucket *e = APR_BUCKET_NEXT(APR_BRIGADE_FIRST(ctx->b));
    apr_off_t len = (apr_off_t)have;

    while (len < want && e != APR_BRIGADE_SENTINEL(ctx->b)) {
        const char *str;
        apr_size_t n;

        if (e->length != (apr_size_t)-1) {
            len += (apr_off_t)e->length;
        }
        else if (apr_bucket_read(e, &str, &n, APR_NONBLOCK_READ)
                 == APR_SUCCESS) {
            len += (apr_off_t)n;
        }
        else {
            break;
        }
        e = APR_BUCKET_NEXT(e);
    }
    return len;
}

/* Hand @a n bytes to @a b: moved for READBYTES, copied for SPECULATIVE
 * (they stay in ctx->b to be read again). */
static apr_status_t hand_over(core_ctx_t *ctx, apr_bucket_brigade *b,
                              ap_input_mode_t mode, apr_off_t n)
{
    apr_bucket *e;
    apr_status_t rv = apr_brigade_partition(ctx->b, n, &e);

    if (rv != APR_SUCCESS) {
        return rv;
    }
    ctx->tmpbb = apr_brigade_split_ex(ctx->b, e, ctx->tmpbb);
    if (mode == AP_MODE_READBYTES) {
        APR_BRIGADE_CONCAT(b, ctx->b);
    }
    else {
        for (e = APR_BRIGADE_FIRST(ctx->b); e != APR_BRIGADE_SENTINEL(ctx->b);
             e = APR_BUCKET_NEXT(e)) {
            apr_bucket *copy;

            rv = apr_bucket_copy(e, &copy);
            if (rv != APR_SUCCESS) {
                break;
            }
            APR_BRIGADE_INSERT_TAIL(b, copy);
        }
    }
    APR_BRIGADE_CONCAT(ctx->b, ctx->tmpbb);
    return rv;
}

static apr_status_t read_bytes(ap_filter_t *f, core_ctx_t *ctx,
                               apr_bucket_brigade *b, ap_input_mode_t mode,
                               apr_read_type_e block, apr_off_t readbytes)
{
    for (;;) {
        apr_bucket *e = APR_BRIGADE_FIRST(ctx->b);
        int from_socket = APR_BUCKET_IS_SOCKET(e);
        const char *str;
        apr_size_t len;
        apr_off_t have;
        apr_status_t rv = apr_bucket_read(e, &str, &len, block);

        if (APR_STATUS_IS_EAGAIN(rv) && block == APR_NONBLOCK_READ) {
            return APR_SUCCESS;     /* nothing yet: an empty brigade */
        }
        if (rv != APR_SUCCESS) {
            return rv;
        }
        if (len == 0) {
            /* An empty bucket left over from splitting a line is just
             * dropped; an empty read of the socket itself is the peer's
             * close (the socket bucket has turned into an empty one). */
            apr_bucket_delete(e);
            if (!from_socket && !APR_BRIGADE_EMPTY(ctx->b)) {
                continue;
            }
            if (mode == AP_MODE_READBYTES) {
                APR_BRIGADE_INSERT_TAIL(b,
                    apr_bucket_eos_create(f->c->bucket_alloc));
            }
            return APR_SUCCESS;
        }
        have = available(ctx, len, readbytes);
        return hand_over(ctx, b, mode, have < readbytes ? have : readbytes);
    }
}

apr_status_t ap_core_input_filter(ap_filter_t *f, apr_bucket_brigade *b,
                                  ap_input_mode_t mode, apr_read_type_e block,
                                  apr_off_t readbytes)
{
    core_ctx_t *ctx;

    if (mode == AP_MODE_INIT) {
        return APR_SUCCESS;     /* nothing to set up on a plain socket */
    }
    ctx = get_ctx(f);
    if (APR_BRIGADE_EMPTY(ctx->b)) {
        return APR_EOF;         /* the socket bucket is gone: EOF seen */
    }
    switch (mode) {
    case AP_MODE_GETLINE: {
        apr_status_t rv = apr_brigade_split_line(b, ctx->b, block,
                                                 HUGE_STRING_LEN);
        if (rv == APR_SUCCESS && APR_BRIGADE_EMPTY(b)) {
            return APR_EOF;
        }
        return rv;
    }
    case AP_MODE_EATCRLF:
        return eat_crlf(ctx);
    case AP_MODE_EXHAUSTIVE:
        APR_BRIGADE_CONCAT(b, ctx->b);
        APR_BRIGADE_INSERT_TAIL(b, apr_bucket_eos_create(f->c->bucket_alloc));
        return APR_SUCCESS;
    case AP_MODE_READBYTES:
    case AP_MODE_SPECULATIVE:
        if (readbytes <= 0) {
            return APR_SUCCESS;
        }
        return read_bytes(f, ctx, b, mode, block, readbytes);
    default:
        ap_log_cerror(APLOG_MARK, APLOG_ERR, 0, f->c, APLOGNO(20103)
                      "core input filter: invalid read mode %d", (int)mode);
        return APR_ENOTIMPL;
    }
}
