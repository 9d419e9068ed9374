/* http_filters_out.c: HTTP_HEADER (ap_http_header_filter), the status
 * line + Date + Server block (ap_basic_http_header) and HTTP_OUTERROR.
 *
 * The header block is serialized into one contiguous buffer (one
 * allocation, one bucket) and, unless the body is chunked, sent down in
 * the same brigade as the first part of the body, so that the core writes
 * headers and a small body with a single writev. Response fields are
 * validated on the way (no CR/LF/CTL in values, token names): a handler
 * that sets a broken header gets a 500 rather than a split response.
 */
#include <string.h>

#include "apr_lib.h"
#include "apr_strings.h"
#include "httpd.h"
#include "http_config.h"
#include "http_connection.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "mod_core.h"
#include "util_filter.h"
#include "util_time.h"
#include "protocol_private.h"

APLOG_USE_MODULE(http);

#define NOTE_HEADER_ERROR "http-header-filter-failed"

typedef struct {
    int headers_sent;
} header_ctx;

/* Lengths of the fields of headers_out, measured once while validating. */
typedef struct {
    apr_size_t *klen, *vlen;
    apr_size_t total;
} field_sizes;

/* Status line, kept when a module set a valid one. */
static const char *status_line(request_rec *r)
{
    const char *sl = r->status_line;
    apr_size_t len;

    if (sl) {
        len = strlen(sl);
        if (len >= 3 && apr_isdigit(sl[0]) && apr_isdigit(sl[1])
            && apr_isdigit(sl[2]) && atoi(sl) == r->status
            && (len == 3 || sl[3] == ' ')) {
            return len == 3 ? apr_pstrcat(r->pool, sl, " ", NULL) : sl;
        }
    }
    return ap_get_status_line_ex(r->pool, r->status);
}

static const char *response_protocol(request_rec *r)
{
    if (r->proto_num > HTTP_VERSION(1, 0)
        && apr_table_get(r->subprocess_env, "downgrade-1.0")) {
        r->proto_num = HTTP_VERSION(1, 0);
    }
    if (r->proto_num == HTTP_VERSION(1, 0)
        && apr_table_get(r->subprocess_env, "force-response-1.0")) {
        r->connection->keepalive = AP_CONN_CLOSE;
        return "HTTP/1.0";
    }
    return AP_SERVER_PROTOCOL;
}

/* "Date" and "Server" values; a proxy keeps the origin's. */
static void date_and_server(request_rec *r, char *date,
                            const char **server)
{
    const char *pd = NULL;

    *server = NULL;
    if (r->proxyreq != PROXYREQ_NONE) {
        pd = apr_table_get(r->headers_out, "Date");
        *server = apr_table_get(r->headers_out, "Server");
    }
    if (pd && strlen(pd) < APR_RFC822_DATE_LEN) {
        strcpy(date, pd);
    }
    else {
        ap_recent_rfc822_date(date, r->request_time);
    }
    if (*server == NULL) {
        *server = ap_get_server_banner();
    }
    apr_table_unset(r->headers_out, "Date");
    apr_table_unset(r->headers_out, "Server");
}

AP_DECLARE(void) ap_basic_http_header(request_rec *r, apr_bucket_brigade *bb)
{
    char date[APR_RFC822_DATE_LEN];
    const char *server;

    if (r->assbackwards) {
        return;
    }
    date_and_server(r, date, &server);
    apr_brigade_putstrs(bb, NULL, NULL, response_protocol(r), " ",
                        status_line(r), CRLF_ASCII "Date: ", date,
                        CRLF_ASCII "Server: ", server, CRLF_ASCII, NULL);
}

/* Validate the fields and measure them; 0 when one is unsafe to send. */
static int measure_fields(request_rec *r, const apr_array_header_t *arr,
                          field_sizes *fs)
{
    const apr_table_entry_t *e = (const apr_table_entry_t *)arr->elts;
    int i;

    fs->klen = apr_palloc(r->pool, sizeof(apr_size_t) * 2
                                   * (apr_size_t)(arr->nelts + 1));
    fs->vlen = fs->klen + arr->nelts + 1;
    for (i = 0; i < arr->nelts; i++) {
        const char *k = e[i].key, *v = e[i].val, *p;

        if (k == NULL || v == NULL) {
            fs->klen[i] = 0;
            continue;
        }
        p = ap_scan_http_token(k);
        if (p == k || *p) {
            ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(10550)
                          "Response header name '%s' contains invalid "
                          "characters, aborting request", k);
            return 0;
        }
        for (p = v; *p; p++) {
            if (apr_iscntrl(*p) && *p != '\t') {
                ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(10551)
                              "Response header '%s' value of '%s' contains "
                              "invalid characters, aborting request", k, v);
                return 0;
            }
        }
        fs->klen[i] = strlen(k);
        fs->vlen[i] = (apr_size_t)(p - v);
        fs->total += fs->klen[i] + fs->vlen[i] + 4;
    }
    return 1;
}

static char *put(char *p, const char *s, apr_size_t n)
{
    memcpy(p, s, n);
    return p + n;
}

/* The whole header block in one pool buffer. */
static apr_bucket *serialize(request_rec *r, const apr_array_header_t *arr,
                             const field_sizes *fs, const char *protocol)
{
    const apr_table_entry_t *e = (const apr_table_entry_t *)arr->elts;
    char date[APR_RFC822_DATE_LEN];
    const char *server, *sl = status_line(r);
    apr_size_t plen = strlen(protocol), sllen = strlen(sl), srvlen;
    apr_size_t total;
    char *buf, *p;
    int i;

    date_and_server(r, date, &server);
    srvlen = strlen(server);
    total = plen + 1 + sllen + 2 + 6 + strlen(date) + 2 + 8 + srvlen + 2
            + fs->total + 2;
    p = buf = apr_palloc(r->pool, total);
    p = put(p, protocol, plen);
    *p++ = ' ';
    p = put(p, sl, sllen);
    p = put(p, CRLF_ASCII "Date: ", 8);
    p = put(p, date, strlen(date));
    p = put(p, CRLF_ASCII "Server: ", 10);
    p = put(p, server, srvlen);
    p = put(p, CRLF_ASCII, 2);
    for (i = 0; i < arr->nelts; i++) {
        if (fs->klen[i] == 0) {
            continue;
        }
        p = put(p, e[i].key, fs->klen[i]);
        p = put(p, ": ", 2);
        p = put(p, e[i].val, fs->vlen[i]);
        p = put(p, CRLF_ASCII, 2);
    }
    p = put(p, CRLF_ASCII, 2);
    return apr_bucket_pool_create(buf, (apr_size_t)(p - buf), r->pool,
                                  r->connection->bucket_alloc);
}

static void set_content_headers(request_rec *r)
{
    const char *ctype;

    if (r->status == HTTP_NOT_MODIFIED) {
        /* RFC 9110 15.4.5: no representation metadata about a body */
        apr_table_unset(r->headers_out, "Content-Length");
        apr_table_unset(r->headers_out, "Content-Type");
        apr_table_unset(r->headers_out, "Transfer-Encoding");
        return;
    }
    ctype = ap_make_content_type(r, r->content_type);
    if (ctype) {
        apr_table_setn(r->headers_out, "Content-Type", ctype);
    }
    if (r->content_encoding) {
        apr_table_setn(r->headers_out, "Content-Encoding",
                       r->content_encoding);
    }
    if (r->content_languages && r->content_languages->nelts) {
        apr_table_setn(r->headers_out, "Content-Language",
                       apr_array_pstrcat(r->pool, r->content_languages,
                                         ','));
    }
    if (r->no_cache && !apr_table_get(r->headers_out, "Expires")) {
        char *date = apr_palloc(r->pool, APR_RFC822_DATE_LEN);

        ap_recent_rfc822_date(date, r->request_time);
        apr_table_addn(r->headers_out, "Expires", date);
    }
}

/* Everything decided before serializing: merged tables, ETag removal,
 * keep-alive, framing. Returns the response protocol. */
static const char *prepare(request_rec *r)
{
    const char *protocol, *cl;

    if (!apr_is_empty_table(r->err_headers_out)) {
        r->headers_out = apr_table_overlay(r->pool, r->err_headers_out,
                                           r->headers_out);
        apr_table_clear(r->err_headers_out);
    }
    if (apr_table_get(r->subprocess_env, "force-no-vary")) {
        apr_table_unset(r->headers_out, "Vary");
        r->proto_num = HTTP_VERSION(1, 0);
        apr_table_setn(r->subprocess_env, "force-response-1.0", "1");
    }
    if (apr_table_get(r->notes, "no-etag")) {
        apr_table_unset(r->headers_out, "ETag");
    }
    protocol = response_protocol(r);
    ap_set_keepalive(r);
    if (AP_STATUS_IS_HEADER_ONLY(r->status)) {
        apr_table_unset(r->headers_out, "Transfer-Encoding");
        r->chunked = 0;
    }
    else if (r->chunked) {
        apr_table_mergen(r->headers_out, "Transfer-Encoding", "chunked");
        apr_table_unset(r->headers_out, "Content-Length");
    }
    set_content_headers(r);
    /* a handler that returned early on HEAD must not announce 0 bytes */
    cl = apr_table_get(r->headers_out, "Content-Length");
    if (r->header_only && cl && strcmp(cl, "0") == 0) {
        apr_table_unset(r->headers_out, "Content-Length");
    }
    return protocol;
}

/* Keep only a trailing EOS: the body of a HEAD/204/304 is not sent. */
static void drop_body(apr_bucket_brigade *b)
{
    apr_bucket *e = APR_BRIGADE_LAST(b);

    if (e != APR_BRIGADE_SENTINEL(b) && APR_BUCKET_IS_EOS(e)) {
        APR_BUCKET_REMOVE(e);
        apr_brigade_cleanup(b);
        APR_BRIGADE_INSERT_HEAD(b, e);
        return;
    }
    apr_brigade_cleanup(b);
}

static int no_body(request_rec *r)
{
    return r->header_only || AP_STATUS_IS_HEADER_ONLY(r->status);
}

/* Headers we cannot send: a 500 instead, or a bare one on recursion. */
static apr_status_t headers_failed(ap_filter_t *f, apr_bucket_brigade *b)
{
    request_rec *r = f->r;

    apr_table_clear(r->headers_out);
    apr_table_clear(r->err_headers_out);
    r->content_type = r->content_encoding = NULL;
    r->content_languages = NULL;
    r->clength = r->chunked = 0;
    apr_brigade_cleanup(b);
    if (!apr_table_get(r->notes, NOTE_HEADER_ERROR)) {
        apr_table_setn(r->notes, NOTE_HEADER_ERROR, "1");
        ap_die(HTTP_INTERNAL_SERVER_ERROR, r);
        return AP_FILTER_ERROR;
    }
    r->status = HTTP_INTERNAL_SERVER_ERROR;
    r->status_line = NULL;
    ap_set_content_length(r, 0);
    APR_BRIGADE_INSERT_TAIL(b, ap_bucket_eoc_create(f->c->bucket_alloc));
    APR_BRIGADE_INSERT_TAIL(b, apr_bucket_eos_create(f->c->bucket_alloc));
    return APR_SUCCESS;
}

/* Error or EOC buckets decide before anything is sent. Returns 1 when the
 * filter is done with this brigade (*rv set). */
static int special_buckets(ap_filter_t *f, apr_bucket_brigade *b,
                           apr_status_t *rv)
{
    apr_bucket *e;
    ap_bucket_error *eb = NULL;

    for (e = APR_BRIGADE_FIRST(b); e != APR_BRIGADE_SENTINEL(b);
         e = APR_BUCKET_NEXT(e)) {
        if (AP_BUCKET_IS_EOC(e)) {
            ap_remove_output_filter(f);
            *rv = ap_pass_brigade(f->next, b);
            return 1;
        }
        if (AP_BUCKET_IS_ERROR(e) && eb == NULL) {
            eb = e->data;
        }
    }
    if (eb) {
        int status = eb->status;

        apr_brigade_cleanup(b);
        ap_die(status, f->r);
        *rv = AP_FILTER_ERROR;
        return 1;
    }
    return 0;
}

AP_DECLARE_NONSTD(apr_status_t) ap_http_header_filter(ap_filter_t *f,
                                                      apr_bucket_brigade *b)
{
    request_rec *r = f->r;
    header_ctx *ctx = f->ctx;
    const apr_array_header_t *arr;
    field_sizes fs = { NULL, NULL, 0 };
    const char *protocol;
    apr_bucket *hb;
    apr_status_t rv = APR_SUCCESS;
    int failed = 0;

    if (ctx == NULL) {
        f->ctx = ctx = apr_pcalloc(r->pool, sizeof(*ctx));
    }
    else if (ctx->headers_sent) {
        /* only reached when the body is being dropped */
        drop_body(b);
        return APR_BRIGADE_EMPTY(b) ? APR_SUCCESS : ap_pass_brigade(f->next, b);
    }
    if (special_buckets(f, b, &rv)) {
        return rv;
    }
    if (r->assbackwards) {
        r->sent_bodyct = 1;
        ap_remove_output_filter(f);
        return ap_pass_brigade(f->next, b);
    }
    protocol = prepare(r);
    arr = apr_table_elts(r->headers_out);
    if (!measure_fields(r, arr, &fs)) {
        rv = headers_failed(f, b);
        if (rv != APR_SUCCESS) {
            return rv;
        }
        failed = 1;
        protocol = prepare(r);
        arr = apr_table_elts(r->headers_out);
        fs.total = 0;
        measure_fields(r, arr, &fs);
    }
    hb = serialize(r, arr, &fs, protocol);
    ctx->headers_sent = 1;
    if (no_body(r)) {
        drop_body(b);
        APR_BRIGADE_INSERT_HEAD(b, hb);
        rv = ap_pass_brigade(f->next, b);
        return failed ? AP_FILTER_ERROR : rv;
    }
    r->sent_bodyct = 1;
    if (r->chunked) {
        /* the CHUNK filter must frame the body only: headers go first */
        apr_bucket_brigade *hbb = apr_brigade_create(r->pool,
                                                     f->c->bucket_alloc);

        APR_BRIGADE_INSERT_TAIL(hbb, hb);
        rv = ap_pass_brigade(f->next, hbb);
        apr_brigade_destroy(hbb);
        if (rv != APR_SUCCESS) {
            return rv;
        }
        ap_add_output_filter_handle(ap_chunk_filter_handle, NULL, r,
                                    r->connection);
    }
    else {
        APR_BRIGADE_INSERT_HEAD(b, hb);
    }
    ap_remove_output_filter(f);
    rv = ap_pass_brigade(f->next, b);
    return failed ? AP_FILTER_ERROR : rv;
}

/* HTTP_OUTERROR ------------------------------------------------------- */

typedef struct {
    int seen_eoc;
} outerror_ctx;

apr_status_t ap_http_outerror_filter(ap_filter_t *f, apr_bucket_brigade *b)
{
    request_rec *r = f->r;
    outerror_ctx *ctx = f->ctx;
    apr_bucket *e, *next;

    if (ctx == NULL) {
        f->ctx = ctx = apr_pcalloc(r->pool, sizeof(*ctx));
    }
    for (e = APR_BRIGADE_FIRST(b); e != APR_BRIGADE_SENTINEL(b);
         e = APR_BUCKET_NEXT(e)) {
        if (AP_BUCKET_IS_ERROR(e)) {
            /* a proxied stream broke: the response cannot be completed */
            if (((ap_bucket_error *)e->data)->status == HTTP_BAD_GATEWAY) {
                r->connection->keepalive = AP_CONN_CLOSE;
            }
        }
        else if (AP_BUCKET_IS_EOC(e)) {
            r->connection->keepalive = AP_CONN_CLOSE;
            ctx->seen_eoc = 1;
        }
    }
    /* after an EOC no response data may reach the client; metadata
     * (flush, EOS, EOR) still must flow */
    if (ctx->seen_eoc) {
        for (e = APR_BRIGADE_FIRST(b); e != APR_BRIGADE_SENTINEL(b);
             e = next) {
            next = APR_BUCKET_NEXT(e);
            if (!APR_BUCKET_IS_METADATA(e)) {
                apr_bucket_delete(e);
            }
        }
    }
    return ap_pass_brigade(f->next, b);
}
