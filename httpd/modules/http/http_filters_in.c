/* http_filters_in.c: HTTP_IN, the request body decoder (ap_http_filter).
 *
 * Delimits the body by Content-Length or decodes "Transfer-Encoding:
 * chunked" (RFC 9112 section 7.1: chunk extensions are skipped, trailer
 * fields go to r->trailers_in), applies LimitRequestBody (413), and sends
 * "100 Continue" before the first read when the client asked for it and
 * the response is still going to be a success. Malformed framing answers
 * 400 through an error bucket and closes the connection afterwards, since
 * the rest of the stream can no longer be trusted.
 *
 * Chunk-size lines and trailers are assembled in a small per-request
 * buffer so that non-blocking reads may stop anywhere.
 */
#include <string.h>

#include "apr_lib.h"
#include "apr_strings.h"
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "mod_core.h"
#include "util_filter.h"
#include "protocol_private.h"

APLOG_USE_MODULE(http);

/* Longest chunk-size line (with extensions) we accept. */
#define CHUNK_LINE_MAX 8192

typedef enum {
    BODY_NONE,          /* no body: EOS at once                      */
    BODY_LENGTH,        /* Content-Length bytes                      */
    BODY_UNTIL_CLOSE,   /* a proxied response without length         */
    CHUNK_SIZE,         /* expecting a chunk-size line               */
    CHUNK_DATA,         /* inside chunk data                         */
    CHUNK_CRLF,         /* expecting the CRLF after chunk data       */
    CHUNK_TRAILER       /* trailer section after the last chunk      */
} body_state;

typedef struct {
    body_state state;
    apr_off_t remaining;        /* in the body or the current chunk */
    apr_off_t limit;            /* LimitRequestBody, 0 = none       */
    apr_off_t used;             /* body bytes delivered so far      */
    int eos_sent;
    int trailers;               /* trailer fields seen              */
    apr_bucket_brigade *bb;     /* scratch for line reads           */
    char *line;                 /* partial line being assembled     */
    apr_size_t line_len;
} http_in_ctx;

apr_status_t ap__parse_chunk_size(const char *line, apr_size_t len,
                                  apr_off_t *size)
{
    const char *p = line, *end = line + len;
    apr_off_t v = 0;

    if (p == end || !apr_isxdigit(*p)) {
        return APR_EINVAL;
    }
    for (; p < end && apr_isxdigit(*p); p++) {
        int d = apr_isdigit(*p) ? *p - '0' : apr_tolower(*p) - 'a' + 10;

        if (v > (APR_INT64_MAX >> 4)) {
            return APR_ENOSPC;
        }
        v = (v << 4) | d;
    }
    while (p < end && (*p == ' ' || *p == '\t')) {
        p++; /* BWS before an extension */
    }
    if (p < end && *p != ';') {
        return APR_EINVAL;
    }
    for (; p < end; p++) {
        /* extensions are ignored, but must not hide control bytes */
        if (apr_iscntrl(*p) && *p != '\t') {
            return APR_EINVAL;
        }
    }
    *size = v;
    return APR_SUCCESS;
}

/* Answer the request with @a status through the output filters and stop
 * reading; the connection will close. */
static apr_status_t bail_out(ap_filter_t *f, http_in_ctx *ctx, int status)
{
    request_rec *r = f->r;
    apr_bucket_brigade *bb = ctx->bb;

    apr_brigade_cleanup(bb);
    r->connection->keepalive = AP_CONN_CLOSE;
    ctx->eos_sent = 1;
    if (r->proxyreq == PROXYREQ_RESPONSE) {
        return status == HTTP_REQUEST_ENTITY_TOO_LARGE ? APR_ENOSPC
                                                       : APR_EGENERAL;
    }
    APR_BRIGADE_INSERT_TAIL(bb, ap_bucket_error_create(status, NULL, r->pool,
                                                       f->c->bucket_alloc));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_eos_create(f->c->bucket_alloc));
    ap_pass_brigade(r->output_filters, bb);
    apr_brigade_cleanup(bb);
    return AP_FILTER_ERROR;
}

static void send_eos(ap_filter_t *f, http_in_ctx *ctx, apr_bucket_brigade *b)
{
    APR_BRIGADE_INSERT_TAIL(b, apr_bucket_eos_create(f->c->bucket_alloc));
    ctx->eos_sent = 1;
}

/* Decide the framing from the request headers. Returns an HTTP status on
 * error, OK otherwise. */
static int init_ctx(ap_filter_t *f, http_in_ctx *ctx)
{
    request_rec *r = f->r;
    const char *tenc = apr_table_get(r->headers_in, "Transfer-Encoding");
    const char *lenp = apr_table_get(r->headers_in, "Content-Length");

    ctx->bb = apr_brigade_create(r->pool, f->c->bucket_alloc);
    ctx->limit = r->proxyreq == PROXYREQ_RESPONSE ? 0
                                                  : ap_get_limit_req_body(r);
    ctx->state = BODY_NONE;
    if (tenc) {
        if (!ap_is_chunked(r->pool, tenc)) {
            if (r->proxyreq == PROXYREQ_RESPONSE) {
                ctx->state = BODY_UNTIL_CLOSE;
                return OK;
            }
            ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10540)
                          "Unknown Transfer-Encoding: %s", tenc);
            return HTTP_BAD_REQUEST;
        }
        ctx->state = CHUNK_SIZE;
        return OK;
    }
    if (lenp) {
        if (!ap_parse_strict_length(&ctx->remaining, lenp)) {
            ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10541)
                          "Invalid Content-Length '%s'", lenp);
            return HTTP_BAD_REQUEST;
        }
        if (ctx->limit && ctx->remaining > ctx->limit) {
            ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10542)
                          "Requested content-length of %" APR_OFF_T_FMT
                          " is larger than the configured limit of %"
                          APR_OFF_T_FMT, ctx->remaining, ctx->limit);
            return HTTP_REQUEST_ENTITY_TOO_LARGE;
        }
        ctx->state = ctx->remaining ? BODY_LENGTH : BODY_NONE;
        return OK;
    }
    if (r->proxyreq == PROXYREQ_RESPONSE) {
        ctx->state = BODY_UNTIL_CLOSE;
    }
    return OK;
}

/* "100 Continue" before the first body read, unless the response is
 * already decided to be an error (then the body is not wanted at all). */
static void maybe_continue(ap_filter_t *f, http_in_ctx *ctx)
{
    request_rec *r = f->r;
    int status;
    const char *line;

    if (!r->expecting_100 || r->proto_num < HTTP_VERSION(1, 1)
        || r->eos_sent || r->bytes_sent || ctx->state == BODY_NONE) {
        return;
    }
    if (!ap_is_HTTP_SUCCESS(r->status)) {
        ctx->state = BODY_NONE;
        r->connection->keepalive = AP_CONN_CLOSE; /* body left unread */
        return;
    }
    status = r->status;
    line = r->status_line;
    r->status = HTTP_CONTINUE;
    r->status_line = NULL;
    ap_send_interim_response(r, 0);
    r->status = status;
    r->status_line = line;
}

/* Assemble one CRLF-terminated line into ctx->line (terminator removed,
 * NUL-terminated). APR_EAGAIN when a non-blocking read stops midway. */
static apr_status_t read_line(ap_filter_t *f, http_in_ctx *ctx,
                              apr_read_type_e block, apr_size_t max)
{
    for (;;) {
        apr_bucket *e;
        apr_status_t rv;
        int eol = 0;

        apr_brigade_cleanup(ctx->bb);
        rv = ap_get_brigade(f->next, ctx->bb, AP_MODE_GETLINE, block, 0);
        if (rv != APR_SUCCESS) {
            return rv;
        }
        if (APR_BRIGADE_EMPTY(ctx->bb)) {
            return block == APR_NONBLOCK_READ ? APR_EAGAIN : APR_EOF;
        }
        for (e = APR_BRIGADE_FIRST(ctx->bb);
             e != APR_BRIGADE_SENTINEL(ctx->bb); e = APR_BUCKET_NEXT(e)) {
            const char *data;
            apr_size_t n;

            if (APR_BUCKET_IS_EOS(e)) {
                return APR_EOF;
            }
            rv = apr_bucket_read(e, &data, &n, APR_BLOCK_READ);
            if (rv != APR_SUCCESS) {
                return rv;
            }
            if (ctx->line_len + n > max) {
                return APR_ENOSPC;
            }
            memcpy(ctx->line + ctx->line_len, data, n);
            ctx->line_len += n;
            if (n && data[n - 1] == APR_ASCII_LF) {
                eol = 1;
            }
        }
        apr_brigade_cleanup(ctx->bb);
        if (eol) {
            break;
        }
    }
    /* RFC 9112 7.1: CRLF, a bare LF is refused (request smuggling) */
    if (ctx->line_len < 2 || ctx->line[ctx->line_len - 2] != APR_ASCII_CR) {
        return APR_EINVAL;
    }
    ctx->line_len -= 2;
    ctx->line[ctx->line_len] = '\0';
    return APR_SUCCESS;
}

/* One trailer field (ctx->line, len bytes); returns an HTTP status on
 * error, OK otherwise. */
static int add_trailer(request_rec *r, http_in_ctx *ctx, apr_size_t len)
{
    char *name = ctx->line, *colon, *value, *end;

    if (r->server->limit_req_fields
        && ++ctx->trailers > r->server->limit_req_fields) {
        return HTTP_BAD_REQUEST;
    }
    colon = (char *)ap_scan_http_token(name);
    if (colon == name || *colon != ':') {
        return HTTP_BAD_REQUEST;
    }
    *colon = '\0';
    value = colon + 1;
    while (*value == ' ' || *value == '\t') {
        value++;
    }
    end = name + len;
    while (end > value && (end[-1] == ' ' || end[-1] == '\t')) {
        end--;
    }
    *end = '\0';
    if (*ap_scan_http_field_content(value) != '\0') {
        return HTTP_BAD_REQUEST;
    }
    apr_table_add(r->trailers_in, name, value);
    return OK;
}

static void trailers_done(request_rec *r)
{
    core_server_config *conf =
        ap_get_core_module_config(r->server->module_config);

    if (conf->merge_trailers == AP_MERGE_TRAILERS_ENABLE) {
        apr_table_overlap(r->headers_in, r->trailers_in,
                          APR_OVERLAP_TABLES_MERGE);
    }
}

/* Run the non-data states until data may be read, EOS, or an error.
 * Returns APR_SUCCESS with ctx->state at CHUNK_DATA or after EOS. */
static apr_status_t chunk_framing(ap_filter_t *f, http_in_ctx *ctx,
                                  apr_bucket_brigade *b,
                                  apr_read_type_e block)
{
    request_rec *r = f->r;
    apr_size_t max = CHUNK_LINE_MAX, len;
    apr_status_t rv;

    while (ctx->state != CHUNK_DATA && !ctx->eos_sent) {
        if (ctx->state == CHUNK_TRAILER) {
            max = (apr_size_t)r->server->limit_req_fieldsize + 2;
        }
        rv = read_line(f, ctx, block, max);
        if (rv == APR_EAGAIN) {
            return rv;
        }
        if (rv != APR_SUCCESS) {
            ap_log_rerror(APLOG_MARK, APLOG_INFO, rv, r, APLOGNO(10543)
                          "Error reading chunk %s",
                          rv == APR_ENOSPC ? "(line too long)" : "");
            return APR_STATUS_IS_TIMEUP(rv) ? rv
                   : bail_out(f, ctx, HTTP_BAD_REQUEST);
        }
        len = ctx->line_len;
        ctx->line_len = 0;
        if (memchr(ctx->line, '\0', len)) {
            return bail_out(f, ctx, HTTP_BAD_REQUEST); /* NUL in framing */
        }
        if (ctx->state == CHUNK_CRLF) {
            if (len != 0) {
                return bail_out(f, ctx, HTTP_BAD_REQUEST);
            }
            ctx->state = CHUNK_SIZE;
        }
        else if (ctx->state == CHUNK_SIZE) {
            rv = ap__parse_chunk_size(ctx->line, len, &ctx->remaining);
            if (rv != APR_SUCCESS) {
                ap_log_rerror(APLOG_MARK, APLOG_INFO, rv, r, APLOGNO(10544)
                              "Error parsing chunk size");
                return bail_out(f, ctx, rv == APR_ENOSPC
                                        ? HTTP_REQUEST_ENTITY_TOO_LARGE
                                        : HTTP_BAD_REQUEST);
            }
            ctx->state = ctx->remaining ? CHUNK_DATA : CHUNK_TRAILER;
        }
        else if (len == 0) {
            trailers_done(r);
            send_eos(f, ctx, b);
        }
        else if (add_trailer(r, ctx, len) != OK) {
            return bail_out(f, ctx, HTTP_BAD_REQUEST);
        }
    }
    return APR_SUCCESS;
}

/* Read up to readbytes of the current body part into b. */
static apr_status_t read_data(ap_filter_t *f, http_in_ctx *ctx,
                              apr_bucket_brigade *b, apr_read_type_e block,
                              apr_off_t readbytes)
{
    apr_off_t got = 0;
    apr_status_t rv;

    if (readbytes > ctx->remaining) {
        readbytes = ctx->remaining;
    }
    rv = ap_get_brigade(f->next, b, AP_MODE_READBYTES, block, readbytes);
    if (rv != APR_SUCCESS) {
        return rv;
    }
    if (!APR_BRIGADE_EMPTY(b) && APR_BUCKET_IS_EOS(APR_BRIGADE_LAST(b))) {
        /* the client closed in the middle of the body */
        apr_bucket_delete(APR_BRIGADE_LAST(b));
        ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, f->r, APLOGNO(10545)
                      "client closed the connection before the end of the "
                      "request body");
        f->c->keepalive = AP_CONN_CLOSE;
        return APR_INCOMPLETE;
    }
    apr_brigade_length(b, 0, &got);
    ctx->remaining -= got;
    ctx->used += got;
    if (ctx->limit && ctx->used > ctx->limit) {
        apr_brigade_cleanup(b);
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, f->r, APLOGNO(10546)
                      "Read content length of %" APR_OFF_T_FMT " is larger "
                      "than the configured limit of %" APR_OFF_T_FMT,
                      ctx->used, ctx->limit);
        return bail_out(f, ctx, HTTP_REQUEST_ENTITY_TOO_LARGE);
    }
    if (ctx->remaining == 0) {
        if (ctx->state == CHUNK_DATA) {
            ctx->state = CHUNK_CRLF;
        }
        else {
            send_eos(f, ctx, b);
        }
    }
    return APR_SUCCESS;
}

static http_in_ctx *get_ctx(ap_filter_t *f, apr_status_t *rv)
{
    http_in_ctx *ctx = f->ctx;
    int status;

    *rv = APR_SUCCESS;
    if (ctx) {
        return ctx;
    }
    f->ctx = ctx = apr_pcalloc(f->r->pool, sizeof(*ctx));
    status = init_ctx(f, ctx);
    if (status != OK) {
        *rv = bail_out(f, ctx, status);
        return ctx;
    }
    if (ctx->state == CHUNK_SIZE) {
        ctx->line = apr_palloc(f->r->pool,
            (apr_size_t)f->r->server->limit_req_fieldsize + CHUNK_LINE_MAX);
    }
    maybe_continue(f, ctx);
    return ctx;
}

apr_status_t ap_http_filter(ap_filter_t *f, apr_bucket_brigade *b,
                            ap_input_mode_t mode, apr_read_type_e block,
                            apr_off_t readbytes)
{
    http_in_ctx *ctx;
    apr_status_t rv;

    if (mode != AP_MODE_READBYTES && mode != AP_MODE_GETLINE) {
        return ap_get_brigade(f->next, b, mode, block, readbytes);
    }
    ctx = get_ctx(f, &rv);
    if (rv != APR_SUCCESS) {
        return rv;
    }
    if (ctx->eos_sent || ctx->state == BODY_NONE) {
        send_eos(f, ctx, b); /* every read after the end sees EOS again */
        return APR_SUCCESS;
    }
    if (readbytes <= 0) {
        readbytes = AP_IOBUFSIZE;
    }
    if (ctx->state == BODY_UNTIL_CLOSE) {
        return ap_get_brigade(f->next, b, AP_MODE_READBYTES, block,
                              readbytes);
    }
    if (ctx->state == BODY_LENGTH) {
        return read_data(f, ctx, b, block, readbytes);
    }
    rv = chunk_framing(f, ctx, b, block);
    if (rv != APR_SUCCESS || ctx->eos_sent) {
        return rv;
    }
    return read_data(f, ctx, b, block, readbytes);
}
