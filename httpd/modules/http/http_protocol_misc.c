/* http_protocol_misc.c: the keep-alive decision (ap_set_keepalive),
 * AddDefaultCharset (ap_make_content_type), OPTIONS and TRACE.
 */
#include <string.h>

#include "apr_lib.h"
#include "apr_strings.h"
#include "ap_mpm.h"
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "mod_core.h"
#include "protocol_private.h"

APLOG_USE_MODULE(http);

/* Case-insensitive search of a token in a comma/space separated list,
 * without the allocation ap_find_token would make. */
static int has_token(const char *list, const char *tok)
{
    apr_size_t n = strlen(tok);
    const char *p = list;

    if (list == NULL) {
        return 0;
    }
    while (*p) {
        while (*p == ',' || *p == ' ' || *p == '\t') {
            p++;
        }
        if (ap_cstr_casecmpn(p, tok, n) == 0
            && (p[n] == '\0' || p[n] == ',' || p[n] == ' ' || p[n] == '\t'
                || p[n] == ';')) {
            return 1;
        }
        while (*p && *p != ',') {
            p++;
        }
    }
    return 0;
}

static int mpm_running(void)
{
    int state;

    if (ap_mpm_query(AP_MPMQ_MPM_STATE, &state) != APR_SUCCESS) {
        return 1;
    }
    return state != AP_MPMQ_STOPPING;
}

/* Will the response length be known to the client (so the connection can
 * stay open)? Sets r->chunked when HTTP/1.1 chunking will delimit it. */
static int body_delimited(request_rec *r)
{
    if (r->header_only || AP_STATUS_IS_HEADER_ONLY(r->status)
        || apr_table_get(r->headers_out, "Content-Length")) {
        return 1;
    }
    if (ap_is_chunked(r->pool,
                      apr_table_get(r->headers_out, "Transfer-Encoding"))) {
        return 1;
    }
    if (r->proto_num >= HTTP_VERSION(1, 1)) {
        r->chunked = 1;
        return 1;
    }
    return 0;
}

static void announce_keepalive(request_rec *r, int left)
{
    int timeout = (int)apr_time_sec(r->server->keep_alive_timeout);

    if (r->server->keep_alive_max) {
        apr_table_setn(r->headers_out, "Keep-Alive",
                       apr_psprintf(r->pool, "timeout=%d, max=%d", timeout,
                                    left));
    }
    else {
        apr_table_setn(r->headers_out, "Keep-Alive",
                       apr_psprintf(r->pool, "timeout=%d", timeout));
    }
    apr_table_mergen(r->headers_out, "Connection", "Keep-Alive");
}

AP_DECLARE(int) ap_set_keepalive(request_rec *r)
{
    conn_rec *c = r->connection;
    server_rec *s = r->server;
    int left = s->keep_alive_max - c->keepalives;
    const char *conn_in = apr_table_get(r->headers_in, "Connection");
    int wimpy = has_token(apr_table_get(r->headers_out, "Connection"),
                          "close");
    int ka_sent = 0;

    if (c->keepalive != AP_CONN_CLOSE
        && !r->expecting_100
        && body_delimited(r)
        && s->keep_alive && s->keep_alive_timeout > 0
        && (s->keep_alive_max == 0 || left > 0)
        && !ap_status_drops_connection(r->status)
        && !wimpy
        && !has_token(conn_in, "close")
        && (!apr_table_get(r->subprocess_env, "nokeepalive")
            || apr_table_get(r->headers_in, "Via"))
        && ((ka_sent = has_token(conn_in, "keep-alive"))
            || r->proto_num >= HTTP_VERSION(1, 1))
        && mpm_running()) {
        c->keepalive = AP_CONN_KEEPALIVE;
        c->keepalives++;
        if (ka_sent) {
            announce_keepalive(r, left);
        }
        return 1;
    }
    if (!wimpy) {
        apr_table_mergen(r->headers_out, "Connection", "close");
    }
    if (c->keepalive != AP_CONN_CLOSE && s->keep_alive_max && !left) {
        c->keepalives++;
    }
    c->keepalive = AP_CONN_CLOSE;
    return 0;
}

AP_DECLARE(void) ap_setup_make_content_type(apr_pool_t *pool)
{
    /* nothing to precompute: the two prefixes are tested directly */
}

static int needs_charset(const char *type)
{
    return ap_cstr_casecmpn(type, "text/plain", 10) == 0
           || ap_cstr_casecmpn(type, "text/html", 9) == 0;
}

static int has_charset(const char *type)
{
    const char *p;

    for (p = strchr(type, ';'); p; p = strchr(p + 1, ';')) {
        const char *q = p + 1;

        while (*q == ' ' || *q == '\t') {
            q++;
        }
        if (ap_cstr_casecmpn(q, "charset=", 8) == 0) {
            return 1;
        }
    }
    return 0;
}

AP_DECLARE(const char *) ap_make_content_type(request_rec *r,
                                              const char *type)
{
    core_dir_config *conf = ap_get_core_module_config(r->per_dir_config);
    core_request_config *rc = ap_get_core_module_config(r->request_config);

    if (type == NULL || rc->suppress_charset
        || conf->add_default_charset != ADD_DEFAULT_CHARSET_ON) {
        return type;
    }
    if (!needs_charset(type) || has_charset(type)) {
        return type;
    }
    return apr_pstrcat(r->pool, type, "; charset=",
                       conf->add_default_charset_name, NULL);
}

AP_DECLARE(int) ap_send_http_options(request_rec *r)
{
    if (r->assbackwards) {
        return DECLINED;
    }
    /* the EOS of ap_finalize_request_protocol sends it out */
    apr_table_setn(r->headers_out, "Allow", ap__make_allow(r));
    return OK;
}

/* TRACE ----------------------------------------------------------------- */

#define TRACE_MAX_BODY 65536

static int put_field(void *data, const char *key, const char *val)
{
    apr_bucket_brigade *bb = data;

    apr_brigade_putstrs(bb, NULL, NULL, key, ": ", val, CRLF_ASCII, NULL);
    return 1;
}

/* Read the body of an extended TRACE (at most 64 KB) into the pool. */
static int read_trace_body(request_rec *r, char **body, apr_size_t *len)
{
    apr_size_t cap = TRACE_MAX_BODY + 1;
    char *buf = apr_palloc(r->pool, cap);
    long n;

    *len = 0;
    while ((n = ap_get_client_block(r, buf + *len, cap - *len)) > 0) {
        *len += (apr_size_t)n;
        if (*len > TRACE_MAX_BODY) {
            apr_table_setn(r->notes, "error-notes",
                           "Extended TRACE request bodies cannot exceed "
                           "64k\n");
            return HTTP_REQUEST_ENTITY_TOO_LARGE;
        }
    }
    if (n < 0) {
        return HTTP_BAD_REQUEST;
    }
    *body = buf;
    return OK;
}

AP_DECLARE_NONSTD(int) ap_send_http_trace(request_rec *r)
{
    core_server_config *conf;
    apr_bucket_brigade *bb;
    char *body = NULL;
    apr_size_t body_len = 0;
    int rv;

    if (r->method_number != M_TRACE) {
        return DECLINED;
    }
    while (r->prev) {
        r = r->prev; /* echo what the client sent, not a redirect */
    }
    conf = ap_get_core_module_config(r->server->module_config);
    if (conf->trace_enable == AP_TRACE_DISABLE) {
        apr_table_setn(r->notes, "error-notes",
                       "TRACE denied by server configuration");
        return HTTP_METHOD_NOT_ALLOWED;
    }
    rv = ap_setup_client_block(r, conf->trace_enable == AP_TRACE_EXTENDED
                                  ? REQUEST_CHUNKED_DECHUNK
                                  : REQUEST_NO_BODY);
    if (rv != OK) {
        if (rv == HTTP_REQUEST_ENTITY_TOO_LARGE) {
            apr_table_setn(r->notes, "error-notes",
                           "TRACE with a request body is not allowed");
        }
        return rv;
    }
    if (ap_should_client_block(r)) {
        if (r->remaining > TRACE_MAX_BODY) {
            apr_table_setn(r->notes, "error-notes",
                           "Extended TRACE request bodies cannot exceed "
                           "64k\n");
            return HTTP_REQUEST_ENTITY_TOO_LARGE;
        }
        rv = read_trace_body(r, &body, &body_len);
        if (rv != OK) {
            return rv;
        }
    }
    ap_set_content_type(r, "message/http");
    bb = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    apr_brigade_putstrs(bb, NULL, NULL, r->the_request, CRLF_ASCII, NULL);
    apr_table_do(put_field, bb, r->headers_in, NULL);
    apr_brigade_write(bb, NULL, NULL, CRLF_ASCII, 2);
    if (body_len) {
        APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_pool_create(body, body_len,
                                r->pool, bb->bucket_alloc));
    }
    ap_pass_brigade(r->output_filters, bb);
    return DONE;
}
