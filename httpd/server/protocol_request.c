/* protocol_request.c: building a request_rec from the connection
 * (ap_create_request, ap_read_request, ap_post_read_request) and the
 * protocol side of sub-requests.
 *
 * ap_read_request returns NULL when there is no request to serve: the
 * client closed or timed out between requests (silently), or the request
 * was refused with an error response already sent (400, 408, 414, 417,
 * 501...), in which case the connection is marked to close.
 */
#include <string.h>

#include "apr_strings.h"
#include "httpd.h"
#include "http_config.h"
#include "http_connection.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "http_vhost.h"
#include "mod_core.h"
#include "scoreboard.h"
#include "protocol_private.h"

APLOG_USE_MODULE(core);

AP_DECLARE(request_rec *) ap_create_request(conn_rec *conn)
{
    request_rec *r;
    apr_pool_t *p;

    apr_pool_create(&p, conn->pool);
    apr_pool_tag(p, "request");
    r = apr_pcalloc(p, sizeof(*r));
    r->pool = p;
    r->connection = conn;
    r->server = conn->base_server;
    r->log = conn->log ? conn->log : &conn->base_server->log;
    r->allowed_methods = ap_make_method_list(p, 2);
    r->headers_in = apr_table_make(p, 25);
    r->trailers_in = apr_table_make(p, 5);
    r->subprocess_env = apr_table_make(p, 25);
    r->headers_out = apr_table_make(p, 12);
    r->err_headers_out = apr_table_make(p, 5);
    r->trailers_out = apr_table_make(p, 5);
    r->notes = apr_table_make(p, 5);
    r->request_config = ap_create_request_config(p);
    /* the create_request hooks add filters: they need these set first */
    r->proto_output_filters = conn->output_filters;
    r->output_filters = r->proto_output_filters;
    r->proto_input_filters = conn->input_filters;
    r->input_filters = r->proto_input_filters;
    ap_run_create_request(r);
    r->per_dir_config = r->server->lookup_defaults;
    r->read_body = REQUEST_NO_BODY;
    r->status = HTTP_OK;
    r->used_path_info = AP_REQ_DEFAULT_PATH_INFO;
    r->useragent_addr = conn->client_addr;
    r->useragent_ip = conn->client_ip;
    return r;
}

/* Read the request line, skipping a few blank lines left over from a
 * previous request (RFC 9112 section 2.2). */
static int read_request_line(request_rec *r, apr_bucket_brigade *bb)
{
    core_server_config *conf =
        ap_get_core_module_config(r->server->module_config);
    int strict = conf->http_conformance != AP_HTTP_CONFORMANCE_UNSAFE;
    apr_size_t limit = (apr_size_t)r->server->limit_req_line + 2;
    int blanks = DEFAULT_LIMIT_BLANK_LINES;
    apr_size_t len = 0;
    apr_status_t rv;

    do {
        r->the_request = NULL;
        rv = ap_rgetline_core(&r->the_request, limit, &len, r,
                              strict ? AP_GETLINE_CRLF : 0, bb);
        if (rv != APR_SUCCESS) {
            r->request_time = apr_time_now();
            if (rv == APR_ENOSPC) {
                r->status = HTTP_REQUEST_URI_TOO_LARGE;
            }
            else if (APR_STATUS_IS_TIMEUP(rv)) {
                r->status = HTTP_REQUEST_TIME_OUT;
            }
            else if (rv == APR_EINVAL) {
                r->status = HTTP_BAD_REQUEST;
            }
            r->proto_num = HTTP_VERSION(1, 0);
            r->protocol = (char *)"HTTP/1.0";
            return 0;
        }
    } while (len == 0 && --blanks >= 0);

    r->request_time = apr_time_now();
    if (len == 0 || strlen(r->the_request) != len) {
        r->status = HTTP_BAD_REQUEST;
        r->proto_num = HTTP_VERSION(1, 0);
        r->protocol = (char *)"HTTP/1.0";
        return 0;
    }
    return 1;
}

/* RFC 9112 section 6.1: chunked must be the final coding; with a
 * Content-Length as well, the length is dropped and the connection closed
 * after this request (request smuggling defence). */
static int check_body_headers(request_rec *r)
{
    const char *tenc = apr_table_get(r->headers_in, "Transfer-Encoding");
    const char *clen = apr_table_get(r->headers_in, "Content-Length");
    apr_off_t len;

    if (tenc) {
        if (!ap_is_chunked(r->pool, tenc)) {
            ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10505)
                          "client sent unknown Transfer-Encoding (%s): %s",
                          tenc, r->uri);
            r->status = HTTP_BAD_REQUEST;
            return 0;
        }
        if (clen) {
            apr_table_unset(r->headers_in, "Content-Length");
            r->connection->keepalive = AP_CONN_CLOSE;
        }
        return 1;
    }
    if (clen && !ap_parse_strict_length(&len, clen)) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10506)
                      "client sent invalid Content-Length (%s): %s",
                      clen, r->uri);
        r->status = HTTP_BAD_REQUEST;
        return 0;
    }
    return 1;
}

static void log_line_failure(request_rec *r)
{
    if (r->status == HTTP_REQUEST_URI_TOO_LARGE) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10507)
                      "request failed: client's request-line exceeds "
                      "LimitRequestLine (longer than %d)",
                      r->server->limit_req_line);
    }
    else if (r->method == NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10508)
                      "request failed: malformed request line");
    }
}

/* Send the error for a request we will not process, end it with an EOR
 * bucket (pipeline accounting, pool destruction) and close afterwards. */
static void die_request(request_rec *r, int status, int unusable)
{
    conn_rec *c = r->connection;
    apr_bucket_brigade *bb;

    if (unusable) {
        c->keepalive = AP_CONN_CLOSE;
    }
    r->status = HTTP_OK; /* ap_die would take a set status as recursive */
    ap_die(status, r);
    bb = apr_brigade_create(c->pool, c->bucket_alloc);
    APR_BRIGADE_INSERT_TAIL(bb, ap_bucket_eor_create(c->bucket_alloc, r));
    ap_pass_brigade(c->output_filters, bb);
    apr_brigade_destroy(bb);
}

/* A request line we could not use: answer it when the status is worth an
 * answer, otherwise drop it quietly. Always returns NULL. */
static request_rec *line_failed(request_rec *r, conn_rec *conn)
{
    switch (r->status) {
    case HTTP_REQUEST_URI_TOO_LARGE:
    case HTTP_BAD_REQUEST:
    case HTTP_VERSION_NOT_SUPPORTED:
    case HTTP_NOT_IMPLEMENTED:
        log_line_failure(r);
        die_request(r, r->status, 1);
        return NULL;
    case HTTP_REQUEST_TIME_OUT:
        if (conn->sbh) {
            ap_update_child_status(conn->sbh, SERVER_BUSY_LOG, NULL);
        }
        if (!conn->keepalives) {
            ap_run_log_transaction(r);
        }
        break;
    default:
        break;
    }
    conn->keepalive = AP_CONN_CLOSE;
    apr_pool_destroy(r->pool);
    return NULL;
}

AP_DECLARE(int) ap_post_read_request(request_rec *r)
{
    const char *scheme = r->parsed_uri.scheme;
    int status;

    status = ap_run_post_read_request(r);
    if (status != OK && status != DECLINED) {
        return status;
    }
    /* only http and https targets, unless a forward proxy took it */
    if (!r->proxyreq && scheme
        && ap_cstr_casecmp(scheme, "http") != 0
        && ap_cstr_casecmp(scheme, "https") != 0) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10509)
                      "invalid request-target scheme '%s'", scheme);
        return HTTP_BAD_REQUEST;
    }
    return OK;
}

AP_DECLARE(request_rec *) ap_read_request(conn_rec *conn)
{
    request_rec *r = ap_create_request(conn);
    apr_bucket_brigade *bb;
    int status;

    bb = apr_brigade_create(r->pool, conn->bucket_alloc);
    conn->keepalive = AP_CONN_UNKNOWN;
    ap_run_pre_read_request(r, conn);

    if (!read_request_line(r, bb) || !ap_parse_request_line(r)) {
        apr_brigade_cleanup(bb);
        return line_failed(r, conn);
    }
    if (!r->assbackwards) {
        ap_get_mime_headers_core(r, bb);
        if (r->status != HTTP_OK || !check_body_headers(r)) {
            ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, APLOGNO(10510)
                          "request failed: error reading the headers");
            apr_brigade_destroy(bb);
            die_request(r, r->status, 1);
            return NULL;
        }
    }
    apr_brigade_destroy(bb);

    ap_add_input_filter_handle(ap_http_input_filter_handle, NULL, r, conn);
    if (!ap_check_request_header(r)) {
        die_request(r, r->status, 0);
        return NULL;
    }
    /* the Host: header may have moved us to another virtual host */
    r->per_dir_config = r->server->lookup_defaults;

    status = ap_post_read_request(r);
    if (status != OK) {
        die_request(r, status, 0);
        return NULL;
    }
    return r;
}

/* Copy headers_in without the ones describing the parent's body. */
static void clone_without_body(request_rec *rnew, const request_rec *r)
{
    rnew->headers_in = apr_table_copy(rnew->pool, r->headers_in);
    apr_table_unset(rnew->headers_in, "Content-Encoding");
    apr_table_unset(rnew->headers_in, "Content-Language");
    apr_table_unset(rnew->headers_in, "Content-Length");
    apr_table_unset(rnew->headers_in, "Content-Location");
    apr_table_unset(rnew->headers_in, "Content-MD5");
    apr_table_unset(rnew->headers_in, "Content-Range");
    apr_table_unset(rnew->headers_in, "Content-Type");
    apr_table_unset(rnew->headers_in, "Expires");
    apr_table_unset(rnew->headers_in, "Last-Modified");
    apr_table_unset(rnew->headers_in, "Transfer-Encoding");
}

AP_DECLARE(void) ap_set_sub_req_protocol(request_rec *rnew,
                                         const request_rec *r)
{
    rnew->the_request = r->the_request;
    rnew->assbackwards = 1;     /* a sub-request sends no headers */
    rnew->no_local_copy = 1;    /* and never answers 304 itself */
    rnew->method = "GET";
    rnew->method_number = M_GET;
    rnew->protocol = (char *)"INCLUDED";
    rnew->status = HTTP_OK;
    if (!r->kept_body && (apr_table_get(r->headers_in, "Content-Length")
                          || apr_table_get(r->headers_in,
                                           "Transfer-Encoding"))) {
        clone_without_body(rnew, r);
    }
    else {
        rnew->headers_in = apr_table_copy(rnew->pool, r->headers_in);
    }
    rnew->trailers_in = apr_table_copy(rnew->pool, r->trailers_in);
    rnew->subprocess_env = apr_table_copy(rnew->pool, r->subprocess_env);
    rnew->headers_out = apr_table_make(rnew->pool, 5);
    rnew->err_headers_out = apr_table_make(rnew->pool, 5);
    rnew->trailers_out = apr_table_make(rnew->pool, 5);
    rnew->notes = apr_table_make(rnew->pool, 5);
    rnew->expecting_100 = r->expecting_100;
    rnew->read_length = r->read_length;
    rnew->read_body = REQUEST_NO_BODY;
    rnew->main = (request_rec *)r;
}

AP_DECLARE(void) ap_finalize_sub_req_protocol(request_rec *sub)
{
    apr_bucket_brigade *bb;

    if (sub->eos_sent) {
        return;
    }
    bb = apr_brigade_create(sub->pool, sub->connection->bucket_alloc);
    APR_BRIGADE_INSERT_TAIL(bb,
        apr_bucket_eos_create(sub->connection->bucket_alloc));
    ap_pass_brigade(sub->output_filters, bb);
    apr_brigade_destroy(bb);
}
