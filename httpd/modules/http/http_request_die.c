/* http_request_die.c: ap_die, answering a request with an error status.
 * ErrorDocument decides the form: a local URL is an internal redirect
 * (a GET, with the REDIRECT_* environment), a full URL a 302 to it, a
 * quoted string the body; otherwise the canned error page. An error while
 * producing an error document reports the first error, canned. */
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "mod_core.h"
#include "util_filter.h"
#include "request_private.h"

APLOG_USE_MODULE(http);

/* A status that is no HTTP status (e.g. AP_FILTER_ERROR): if nothing was
 * sent yet (HTTP_HEADER is still in the chain) it becomes a 500, else
 * there is nothing left to do (-1). */
static int check_status(int type, request_rec *r)
{
    ap_filter_t *f;

    if (ap_is_HTTP_VALID_RESPONSE(type)) {
        return type;
    }
    for (f = r->output_filters; f; f = f->next) {
        if (f->frec == ap_http_header_filter_handle) {
            break;
        }
    }
    if (!f) {
        return -1;
    }
    if (type != AP_FILTER_ERROR) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(20132)
                      "Invalid response status %i", type);
    }
    else {
        ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, APLOGNO(20133)
                      "Response from AP_FILTER_ERROR");
    }
    return HTTP_INTERNAL_SERVER_ERROR;
}

/* The request whose error the client should hear about: back up to the
 * first failing one, giving it back the filters the ErrorDocument
 * redirect took over. */
static request_rec *first_error(request_rec *r)
{
    request_rec *first = r;

    while (first->prev && first->prev->status != HTTP_OK) {
        first = first->prev;
    }
    if (first != r) {
        ap__update_r_in_filters(first->proto_output_filters, r, first);
        ap__update_r_in_filters(first->input_filters, r, first);
    }
    return first;
}

/* ErrorDocument /local/path: serve it by internal redirect, as GET. */
static void redirect_to_error_document(request_rec *r, const char *uri)
{
    const char *notes = apr_table_get(r->notes, "error-notes");
    const char *method = r->method;
    int method_number = r->method_number;

    r->no_local_copy = 1;   /* never a 304 for an error document */
    apr_table_setn(r->subprocess_env, "REQUEST_METHOD", r->method);
    if (notes) {
        apr_table_setn(r->subprocess_env, "ERROR_NOTES", notes);
    }
    r->method = "GET";
    r->method_number = M_GET;
    ap_internal_redirect(uri, r);
    /* %r in the access log still shows the original method */
    r->method = method;
    r->method_number = method_number;
}

/* @return 1 when the custom response was taken care of. */
static int custom_response(request_rec *r, const char *custom,
                           int *recursive_error)
{
    if (!custom || custom[0] == '"') {
        return 0;   /* none, or a string the error page will carry */
    }
    if (ap_is_url(custom)) {
        /* the client sees a redirect, not the original status */
        r->status = HTTP_MOVED_TEMPORARILY;
        apr_table_setn(r->headers_out, "Location", custom);
        return 0;
    }
    if (custom[0] == '/') {
        redirect_to_error_document(r, custom);
        return 1;
    }
    *recursive_error = HTTP_INTERNAL_SERVER_ERROR;
    ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(20134)
                  "Invalid error redirection directive: %s", custom);
    return 0;
}

static void die_r(int type, request_rec *r, int recursive_error)
{
    request_rec *r_1st_err = r;
    const char *custom = NULL;

    if (type == OK || type == DONE) {
        ap_finalize_request_protocol(r);
        return;
    }
    if ((type = check_status(type, r)) < 0) {
        return;
    }
    if (recursive_error != HTTP_OK) {
        r_1st_err = first_error(r);     /* and no custom retry */
    }
    else {
        custom = ap_response_code_string(r, ap_index_of_response(type));
        recursive_error = 0;
    }
    r->status = type;
    /* auth modules need not know about proxy authentication */
    if (r->status == HTTP_UNAUTHORIZED && r->proxyreq == PROXYREQ_PROXY) {
        r->status = HTTP_PROXY_AUTHENTICATION_REQUIRED;
    }
    if (ap_status_drops_connection(r->status)) {
        r->connection->keepalive = AP_CONN_CLOSE;
    }
    if (custom_response(r, custom, &recursive_error)) {
        return;
    }
    ap_send_error_response(r_1st_err, recursive_error);
}

AP_DECLARE(void) ap_die(int type, request_rec *r)
{
    die_r(type, r, r->status);
}
