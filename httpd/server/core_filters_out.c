/* core_filters_out.c: CORE, the network end of the output chain.
 *
 * Every call first tries to send everything it holds without waiting, so
 * that the headers and a small body leave in one writev as soon as the
 * HTTP_HEADER filter passes them. A FLUSH or EOC bucket makes the data up
 * to it go out with blocking writes. What the socket would not take is
 * set aside in a per-connection pool and sent on the next call, or by the
 * event MPM's write completion (which calls this filter with a NULL
 * brigade). Too much buffered data, or too many finished requests
 * waiting (EOR buckets), also forces a blocking write: that is the flow
 * control for fast handlers and pipelining clients.
 */
#include "apr_buckets.h"

#include "httpd.h"
#include "http_core.h"
#include "http_connection.h"
#include "http_log.h"
#include "http_request.h"
#include "request_private.h"

APLOG_USE_MODULE(core);

#define DEFAULT_FLUSH_MAX_THRESHOLD 65536
#define DEFAULT_FLUSH_MAX_PIPELINED 5

struct core_output_filter_ctx {
    apr_bucket_brigade *buffered_bb;  /* everything not yet written */
    apr_bucket_brigade *tmp_bb;       /* scratch for splitting */
    apr_pool_t *deferred_write_pool;  /* owns what was set aside */
    apr_off_t bytes_written;
};

static core_output_filter_ctx_t *get_ctx(ap_filter_t *f)
{
    core_net_rec *net = f->ctx;
    core_output_filter_ctx_t *ctx = net->out_ctx;

    if (!ctx) {
        conn_rec *c = f->c;

        ctx = apr_pcalloc(c->pool, sizeof(*ctx));
        ctx->buffered_bb = apr_brigade_create(c->pool, c->bucket_alloc);
        ctx->tmp_bb = apr_brigade_create(c->pool, c->bucket_alloc);
        net->out_ctx = ctx;
    }
    return ctx;
}

/* What the brigade holds: the last FLUSH/EOC bucket, the bytes held in
 * memory (file buckets do not count) and the finished requests. */
typedef struct {
    apr_bucket *flush_upto;
    apr_size_t mem_bytes;
    int eor_count;
} scan_result;

static void scan(apr_bucket_brigade *bb, scan_result *s)
{
    apr_bucket *e;

    s->flush_upto = NULL;
    s->mem_bytes = 0;
    s->eor_count = 0;
    for (e = APR_BRIGADE_FIRST(bb); e != APR_BRIGADE_SENTINEL(bb);
         e = APR_BUCKET_NEXT(e)) {
        if (APR_BUCKET_IS_FLUSH(e) || AP_BUCKET_IS_EOC(e)) {
            s->flush_upto = e;
        }
        else if (AP_BUCKET_IS_EOR(e)) {
            s->eor_count++;
        }
        else if (!APR_BUCKET_IS_METADATA(e) && !APR_BUCKET_IS_FILE(e)
                 && e->length != (apr_size_t)-1) {
            s->mem_bytes += e->length;
        }
    }
}

static void limits(conn_rec *c, apr_size_t *threshold, int *pipelined)
{
    core_server_config *sconf =
        ap_get_core_module_config(c->base_server->module_config);

    *threshold = sconf->flush_max_threshold ? sconf->flush_max_threshold
                                            : DEFAULT_FLUSH_MAX_THRESHOLD;
    *pipelined = sconf->flush_max_pipelined ? sconf->flush_max_pipelined
                                            : DEFAULT_FLUSH_MAX_PIPELINED;
}

/* Send, with or without waiting, all of @a bb (timeout 0 means the
 * socket is never waited for). */
static apr_status_t send_bb(conn_rec *c, core_net_rec *net,
                            core_output_filter_ctx_t *ctx,
                            apr_bucket_brigade *bb, int nonblock)
{
    apr_socket_t *sock = net->client_socket;
    apr_interval_time_t orig = 0;
    apr_status_t rv;

    if (!nonblock) {
        return ap__core_send_brigade(c, sock, bb, 0, &ctx->bytes_written);
    }
    apr_socket_timeout_get(sock, &orig);
    apr_socket_timeout_set(sock, 0);
    rv = ap__core_send_brigade(c, sock, bb, 1, &ctx->bytes_written);
    apr_socket_timeout_set(sock, orig);
    return APR_STATUS_IS_EAGAIN(rv) ? APR_SUCCESS : rv;
}

/* Blocking write of everything up to and including @a upto. */
static apr_status_t send_upto(conn_rec *c, core_net_rec *net,
                              core_output_filter_ctx_t *ctx,
                              apr_bucket *upto)
{
    apr_bucket_brigade *bb = ctx->buffered_bb;
    apr_status_t rv;

    ctx->tmp_bb = apr_brigade_split_ex(bb, APR_BUCKET_NEXT(upto),
                                       ctx->tmp_bb);
    rv = send_bb(c, net, ctx, bb, 0);
    APR_BRIGADE_CONCAT(bb, ctx->tmp_bb);
    return rv;
}

/* Make what is left survive the caller's pools until it can be sent. */
static void setaside_rest(conn_rec *c, core_output_filter_ctx_t *ctx)
{
    apr_bucket_brigade *bb = ctx->buffered_bb;
    apr_bucket *e;

    if (APR_BRIGADE_EMPTY(bb)) {
        c->data_in_output_filters = 0;
        if (ctx->deferred_write_pool) {
            apr_pool_clear(ctx->deferred_write_pool);
        }
        return;
    }
    if (!ctx->deferred_write_pool) {
        apr_pool_create(&ctx->deferred_write_pool, c->pool);
        apr_pool_tag(ctx->deferred_write_pool, "deferred_write");
    }
    for (e = APR_BRIGADE_FIRST(bb); e != APR_BRIGADE_SENTINEL(bb);
         e = APR_BUCKET_NEXT(e)) {
        apr_status_t rv = apr_bucket_setaside(e, ctx->deferred_write_pool);

        if (rv == APR_ENOTIMPL) {
            const char *s;
            apr_size_t n;

            if (apr_bucket_read(e, &s, &n, APR_BLOCK_READ) == APR_SUCCESS) {
                apr_bucket_setaside(e, ctx->deferred_write_pool);
            }
        }
    }
    c->data_in_output_filters = 1;
}

static apr_status_t fail(conn_rec *c, core_output_filter_ctx_t *ctx,
                         apr_status_t rv)
{
    ap_log_cerror(APLOG_MARK, APLOG_DEBUG, rv, c, APLOGNO(20104)
                  "core_output_filter: writing data to the network");
    c->aborted = 1;
    /* Deleting the rest destroys any EOR still there: requests are still
     * logged and freed. */
    apr_brigade_cleanup(ctx->buffered_bb);
    c->data_in_output_filters = 0;
    return rv;
}

apr_status_t ap_core_output_filter(ap_filter_t *f, apr_bucket_brigade *bb)
{
    conn_rec *c = f->c;
    core_net_rec *net = f->ctx;
    core_output_filter_ctx_t *ctx = get_ctx(f);
    apr_size_t threshold;
    int pipelined;
    scan_result s;
    apr_status_t rv = APR_SUCCESS;
    /* Flow control is for handlers producing data; the MPM's write
     * completion (no new data) must never wait on the socket. */
    int may_block = bb && !APR_BRIGADE_EMPTY(bb);

    if (bb) {
        APR_BRIGADE_CONCAT(ctx->buffered_bb, bb);
    }
    if (c->aborted) {
        apr_brigade_cleanup(ctx->buffered_bb);
        c->data_in_output_filters = 0;
        return APR_ECONNABORTED;
    }
    scan(ctx->buffered_bb, &s);
    if (s.flush_upto) {
        rv = send_upto(c, net, ctx, s.flush_upto);
    }
    if (rv == APR_SUCCESS && !APR_BRIGADE_EMPTY(ctx->buffered_bb)) {
        rv = send_bb(c, net, ctx, ctx->buffered_bb, 1);
    }
    if (rv == APR_SUCCESS && may_block
        && !APR_BRIGADE_EMPTY(ctx->buffered_bb)) {
        limits(c, &threshold, &pipelined);
        scan(ctx->buffered_bb, &s);
        if (s.mem_bytes >= threshold
            || (pipelined > 0 && s.eor_count >= pipelined)) {
            rv = send_bb(c, net, ctx, ctx->buffered_bb, 0);
        }
    }
    if (rv != APR_SUCCESS) {
        return fail(c, ctx, rv);
    }
    setaside_rest(c, ctx);
    return APR_SUCCESS;
}
