/* protocol_output.c: response metadata setters (ap_set_content_length,
 * ap_set_content_type(_ex), ap_set_accept_ranges), the end of a response
 * (ap_finalize_request_protocol), 1xx interim responses, the
 * CONTENT_LENGTH filter, and ap_send_fd/ap_send_mmap.
 */
#include <string.h>

#include "apr_strings.h"
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "util_filter.h"
#include "protocol_private.h"

APLOG_USE_MODULE(core);

AP_DECLARE(void) ap_set_content_length(request_rec *r, apr_off_t length)
{
    r->clength = length;
    apr_table_setn(r->headers_out, "Content-Length",
                   apr_off_t_toa(r->pool, length));
}

AP_DECLARE(void) ap_set_content_type_ex(request_rec *r, const char *ct,
                                        int trusted)
{
    if (ct == NULL) {
        r->content_type = NULL;
    }
    else if (r->content_type == NULL || strcmp(r->content_type, ct) != 0) {
        r->content_type = ct;
        /* AddOutputFilterByType reacts to the new type */
        ap_add_output_filters_by_type(r);
    }
    AP_REQUEST_SET_BNOTE(r, AP_REQUEST_TRUSTED_CT,
                         trusted ? AP_REQUEST_TRUSTED_CT : 0);
}

AP_DECLARE(void) ap_set_content_type(request_rec *r, const char *ct)
{
    ap_set_content_type_ex(r, ct, 0);
}

AP_DECLARE(void) ap_set_accept_ranges(request_rec *r)
{
    core_dir_config *d = ap_get_core_module_config(r->per_dir_config);

    apr_table_setn(r->headers_out, "Accept-Ranges",
                   d->max_ranges == AP_MAXRANGES_NORANGES ? "none"
                                                          : "bytes");
}

AP_DECLARE(void) ap_finalize_request_protocol(request_rec *r)
{
    apr_bucket_brigade *bb;
    conn_rec *c = r->connection;

    /* an unread body would be taken for the next request */
    (void)ap_discard_request_body(r);
    if (r->eos_sent) {
        return;
    }
    bb = apr_brigade_create(r->pool, c->bucket_alloc);
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_eos_create(c->bucket_alloc));
    ap_pass_brigade(r->output_filters, bb);
    r->eos_sent = 1;
    apr_brigade_destroy(bb);
}

static int put_header(void *data, const char *key, const char *val)
{
    apr_bucket_brigade *bb = data;

    apr_brigade_puts(bb, NULL, NULL, key);
    apr_brigade_write(bb, NULL, NULL, ": ", 2);
    apr_brigade_puts(bb, NULL, NULL, val);
    apr_brigade_write(bb, NULL, NULL, CRLF_ASCII, 2);
    return 1;
}

AP_DECLARE(void) ap_send_interim_response(request_rec *r, int send_headers)
{
    conn_rec *c = r->connection;
    apr_bucket_brigade *bb;
    const char *sl;
    request_rec *rr;

    if (r->proto_num < HTTP_VERSION(1, 1)) {
        return; /* 1.0 clients do not know 1xx */
    }
    if (!ap_is_HTTP_INFO(r->status)) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(10511)
                      "Status is %d - not sending interim response",
                      r->status);
        return;
    }
    if (r->status == HTTP_CONTINUE) {
        if (!r->expecting_100) {
            return; /* only in answer to Expect: 100-continue */
        }
        for (rr = r; rr; rr = rr->main) {
            rr->expecting_100 = 0; /* once per request */
        }
    }
    sl = r->status_line ? r->status_line
                        : ap_get_status_line_ex(r->pool, r->status);
    bb = apr_brigade_create(r->pool, c->bucket_alloc);
    apr_brigade_putstrs(bb, NULL, NULL, AP_SERVER_PROTOCOL " ", sl, CRLF_ASCII,
                        NULL);
    if (send_headers) {
        apr_table_do(put_header, bb, r->headers_out, NULL);
        apr_table_clear(r->headers_out);
    }
    apr_brigade_write(bb, NULL, NULL, CRLF_ASCII, 2);
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_flush_create(c->bucket_alloc));
    ap_pass_brigade(c->output_filters, bb);
    apr_brigade_destroy(bb);
}

/* CONTENT_LENGTH ------------------------------------------------------- */

typedef struct {
    int data_sent;  /* something already went down: too late for C-L */
} clength_ctx;

/* A bucket of unknown length (pipe, socket): read it without blocking;
 * if it would block, send what we have first so the client is not kept
 * waiting, then read blocking. Returns the bucket's length. */
static apr_status_t measure(ap_filter_t *f, apr_bucket_brigade *b,
                            apr_bucket *e, clength_ctx *ctx,
                            apr_size_t *len)
{
    const char *ignored;
    apr_status_t rv;

    rv = apr_bucket_read(e, &ignored, len, APR_NONBLOCK_READ);
    if (!APR_STATUS_IS_EAGAIN(rv)) {
        return rv;
    }
    if (e != APR_BRIGADE_FIRST(b)) {
        apr_bucket_brigade *rest = apr_brigade_split(b, e);

        APR_BRIGADE_INSERT_TAIL(b,
            apr_bucket_flush_create(f->c->bucket_alloc));
        rv = ap_pass_brigade(f->next, b);
        APR_BRIGADE_CONCAT(b, rest);
        apr_brigade_destroy(rest);
        if (rv != APR_SUCCESS) {
            return rv;
        }
        ctx->data_sent = 1;
    }
    return apr_bucket_read(e, &ignored, len, APR_BLOCK_READ);
}

AP_DECLARE_NONSTD(apr_status_t) ap_content_length_filter(
    ap_filter_t *f, apr_bucket_brigade *b)
{
    request_rec *r = f->r;
    clength_ctx *ctx = f->ctx;
    apr_bucket *e;
    int eos = 0;

    if (ctx == NULL) {
        f->ctx = ctx = apr_pcalloc(r->pool, sizeof(*ctx));
    }
    for (e = APR_BRIGADE_FIRST(b); e != APR_BRIGADE_SENTINEL(b);
         e = APR_BUCKET_NEXT(e)) {
        apr_size_t len = e->length;

        if (APR_BUCKET_IS_EOS(e)) {
            eos = 1;
            break;
        }
        if (len == (apr_size_t)-1) {
            apr_status_t rv = measure(f, b, e, ctx, &len);

            if (rv != APR_SUCCESS) {
                ap_log_rerror(APLOG_MARK, APLOG_ERR, rv, r, APLOGNO(10512)
                              "CONTENT_LENGTH: reading a bucket failed");
                return rv;
            }
        }
        r->bytes_sent += (apr_off_t)len;
    }
    /* the whole body is here: announce its length unless a HEAD handler
     * already set one without producing the body */
    if (!ctx->data_sent && eos
        && !(r->header_only && r->bytes_sent == 0
             && apr_table_get(r->headers_out, "Content-Length"))) {
        ap_set_content_length(r, r->bytes_sent);
    }
    ctx->data_sent = 1;
    return ap_pass_brigade(f->next, b);
}

/* ap_send_fd / ap_send_mmap -------------------------------------------- */

AP_DECLARE(apr_status_t) ap_send_fd(apr_file_t *fd, request_rec *r,
                                    apr_off_t offset, apr_size_t len,
                                    apr_size_t *nbytes)
{
    apr_bucket_brigade *bb;
    apr_status_t rv;

    bb = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    apr_brigade_insert_file(bb, fd, offset, (apr_off_t)len, r->pool);
    rv = ap_pass_brigade(r->output_filters, bb);
    *nbytes = rv == APR_SUCCESS ? len : 0;
    apr_brigade_destroy(bb);
    return rv;
}

#if APR_HAS_MMAP
AP_DECLARE(apr_size_t) ap_send_mmap(apr_mmap_t *mm, request_rec *r,
                                    apr_size_t offset, apr_size_t length)
{
    apr_bucket_brigade *bb;
    apr_status_t rv;

    bb = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_mmap_create(mm, offset, length,
                            r->connection->bucket_alloc));
    rv = ap_pass_brigade(r->output_filters, bb);
    apr_brigade_destroy(bb);
    return rv == APR_SUCCESS ? length : 0;
}
#endif
