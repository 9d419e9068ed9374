/* http_protocol_error.c: the server's own error and redirect pages
 * (ap_send_error_response), with ErrorDocument strings honoured.
 *
 * The page layout and texts are what clients of Apache httpd 2.4 see, so
 * that scripts and monitoring matching on them keep working. Anything
 * coming from the request (method, URL, Location, Expect) is HTML-escaped.
 */
#include <stdlib.h>
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
#include "protocol_private.h"

APLOG_USE_MODULE(http);

#define PAGE_HEAD "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" " \
    "\"http://www.w3.org/TR/html4/strict.dtd\">\n<html><head>\n<title>"

/* prefix + r->notes[key] (trusted: set by the server) + suffix */
static const char *with_notes(request_rec *r, const char *prefix,
                              const char *key, const char *suffix)
{
    const char *notes = apr_table_get(r->notes, key);

    return apr_pstrcat(r->pool, prefix, notes ? notes : "", suffix, NULL);
}

static const char *esc(request_rec *r, const char *s)
{
    return ap_escape_html(r->pool, s ? s : "");
}

static const char *redirect_text(request_rec *r, int status,
                                 const char *location)
{
    const char *loc = esc(r, location);

    if (status == HTTP_SEE_OTHER) {
        return apr_pstrcat(r->pool,
            "<p>The answer to your request is located <a href=\"", loc,
            "\">here</a>.</p>\n", NULL);
    }
    if (status == HTTP_USE_PROXY) {
        return apr_pstrcat(r->pool,
            "<p>This resource is only accessible through the proxy\n", loc,
            "<br />\nYou will need to configure your client to use that "
            "proxy.</p>\n", NULL);
    }
    return apr_pstrcat(r->pool, "<p>The document has moved <a href=\"", loc,
                       "\">here</a>.</p>\n", NULL);
}

static const char *expect_text(request_rec *r)
{
    const char *expect = apr_table_get(r->headers_in, "Expect");

    if (expect == NULL) {
        return "<p>No expectation was seen, the Expect request-header \n"
               "field was not presented by the client.</p>\n";
    }
    return apr_pstrcat(r->pool,
        "<p>The expectation given in the Expect request-header\n"
        "field could not be met by this server.\n"
        "The client sent<pre>\n    Expect: ", esc(r, expect),
        "\n</pre>\n"
        "</p><p>Only the 100-continue expectation is supported.</p>\n",
        NULL);
}

static const char *server_error_text(request_rec *r)
{
    return apr_pstrcat(r->pool,
        "<p>The server encountered an internal error or\n"
        "misconfiguration and was unable to complete\n"
        "your request.</p>\n"
        "<p>Please contact the server administrator at \n ",
        esc(r, r->server->server_admin),
        " to inform them of the time this error occurred,\n"
        " and the actions you performed just before this error.</p>\n"
        "<p>More information about this error may be available\n"
        "in the server error log.</p>\n", NULL);
}

/* Texts that depend on nothing from the request. */
static const char *fixed_text(int status)
{
    switch (status) {
    case HTTP_UNAUTHORIZED:
    case HTTP_PROXY_AUTHENTICATION_REQUIRED:
        return "<p>This server could not verify that you\n"
               "are authorized to access the document\n"
               "requested.  Either you supplied the wrong\n"
               "credentials (e.g., bad password), or your\n"
               "browser doesn't understand how to supply\n"
               "the credentials required.</p>\n";
    case HTTP_NOT_FOUND:
        return "<p>The requested URL was not found on this server.</p>\n";
    case HTTP_PRECONDITION_FAILED:
        return "<p>The precondition on the request "
               "for this URL evaluated to false.</p>\n";
    case HTTP_REQUEST_TIME_OUT:
        return "<p>Server timeout waiting for the HTTP request from the "
               "client.</p>\n";
    case HTTP_GONE:
        return "<p>The requested resource is no longer available on this "
               "server and there is no forwarding address.\n"
               "Please remove all references to this resource.</p>\n";
    case HTTP_UNSUPPORTED_MEDIA_TYPE:
        return "<p>The supplied request data is not in a format\n"
               "acceptable for processing by this resource.</p>\n";
    case HTTP_RANGE_NOT_SATISFIABLE:
        return "<p>None of the range-specifier values in the Range\n"
               "request-header field overlap the current extent\n"
               "of the selected resource.</p>\n";
    case HTTP_UNPROCESSABLE_ENTITY:
        return "<p>The server understands the media type of the\n"
               "request entity, but was unable to process the\n"
               "contained instructions.</p>\n";
    case HTTP_LOCKED:
        return "<p>The requested resource is currently locked.\n"
               "The lock must be released or proper identification\n"
               "given before the method can be applied.</p>\n";
    case HTTP_FAILED_DEPENDENCY:
        return "<p>The method could not be performed on the resource\n"
               "because the requested action depended on another\n"
               "action and that other action failed.</p>\n";
    case HTTP_UPGRADE_REQUIRED:
        return "<p>The requested resource can only be retrieved\n"
               "using SSL.  The server is willing to upgrade the current\n"
               "connection to SSL, but your client doesn't support it.\n"
               "Either upgrade your client, or try requesting the page\n"
               "using https://\n";
    case HTTP_PRECONDITION_REQUIRED:
        return "<p>The request is required to be conditional.</p>\n";
    case HTTP_TOO_MANY_REQUESTS:
        return "<p>The user has sent too many requests\n"
               "in a given amount of time.</p>\n";
    case HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE:
        return "<p>The server refused this request because\n"
               "the request header fields are too large.</p>\n";
    case HTTP_INSUFFICIENT_STORAGE:
        return "<p>The method could not be performed on the resource\n"
               "because the server is unable to store the\n"
               "representation needed to successfully complete the\n"
               "request.  There is insufficient free space left in\n"
               "your storage allocation.</p>\n";
    case HTTP_SERVICE_UNAVAILABLE:
        return "<p>The server is temporarily unable to service your\n"
               "request due to maintenance downtime or capacity\n"
               "problems. Please try again later.</p>\n";
    case HTTP_GATEWAY_TIME_OUT:
        return "<p>The gateway did not receive a timely response\n"
               "from the upstream server or application.</p>\n";
    case HTTP_LOOP_DETECTED:
        return "<p>The server terminated an operation because\n"
               "it encountered an infinite loop.</p>\n";
    case HTTP_NOT_EXTENDED:
        return "<p>A mandatory extension policy in the request is not\n"
               "accepted by the server for this resource.</p>\n";
    case HTTP_NETWORK_AUTHENTICATION_REQUIRED:
        return "<p>The client needs to authenticate to gain\n"
               "network access.</p>\n";
    case HTTP_MISDIRECTED_REQUEST:
        return "<p>The client needs a new connection for this\n"
               "request as the requested host name does not match\n"
               "the Server Name Indication (SNI) in use for this\n"
               "connection.</p>\n";
    default:
        return NULL;
    }
}

/* Texts that quote the request or carry error-notes. */
static const char *request_text(request_rec *r, int status)
{
    const char *m = esc(r, r->method);

    switch (status) {
    case HTTP_BAD_REQUEST:
        return with_notes(r, "<p>Your browser sent a request that this "
                          "server could not understand.<br />\n",
                          "error-notes", "</p>\n");
    case HTTP_FORBIDDEN:
        return with_notes(r, "<p>You don't have permission to access this "
                          "resource.", "error-notes", "</p>\n");
    case HTTP_METHOD_NOT_ALLOWED:
        return apr_pstrcat(r->pool, "<p>The requested method ", m,
                           " is not allowed for this URL.</p>\n", NULL);
    case HTTP_NOT_ACCEPTABLE:
        return with_notes(r, "<p>An appropriate representation of the "
                          "requested resource could not be found on this "
                          "server.</p>\n", "variant-list", "");
    case HTTP_MULTIPLE_CHOICES:
        return with_notes(r, "", "variant-list", "");
    case HTTP_LENGTH_REQUIRED:
        return with_notes(r, apr_pstrcat(r->pool,
                          "<p>A request of the requested method ", m,
                          " requires a valid Content-length.<br />\n",
                          NULL), "error-notes", "</p>\n");
    case HTTP_NOT_IMPLEMENTED:
        return with_notes(r, apr_pstrcat(r->pool, "<p>", m,
                          " not supported for current URL.<br />\n", NULL),
                          "error-notes", "</p>\n");
    case HTTP_BAD_GATEWAY:
        return with_notes(r, "<p>The proxy server received an invalid\n"
                          "response from an upstream server.<br />\n",
                          "error-notes", "</p>\n");
    case HTTP_VARIANT_ALSO_VARIES:
        return apr_pstrcat(r->pool,
            "<p>A variant for the requested resource\n<pre>\n",
            esc(r, r->uri), "\n</pre>\nis itself a negotiable resource. "
            "This indicates a configuration error.</p>\n", NULL);
    case HTTP_REQUEST_ENTITY_TOO_LARGE:
        return apr_pstrcat(r->pool, "The requested resource does not allow "
            "request data with ", m, " requests, or the amount of data "
            "provided in\nthe request exceeds the capacity limit.\n", NULL);
    case HTTP_REQUEST_URI_TOO_LARGE:
        return with_notes(r, "<p>The requested URL's length exceeds the "
                          "capacity\nlimit for this server.<br />\n",
                          "error-notes", "</p>\n");
    case HTTP_EXPECTATION_FAILED:
        return expect_text(r);
    case HTTP_UNAVAILABLE_FOR_LEGAL_REASONS:
        return with_notes(r, "<p>Access to this URL has been denied for "
                          "legal reasons.<br />\n", "error-notes",
                          "</p>\n");
    default:
        return NULL;
    }
}

const char *ap__canned_error_string(request_rec *r, int status,
                                    const char *location)
{
    const char *s;

    if (ap_is_HTTP_REDIRECT(status) && status != HTTP_MULTIPLE_CHOICES
        && status != HTTP_NOT_MODIFIED) {
        return redirect_text(r, status, location);
    }
    if ((s = fixed_text(status)) != NULL) {
        return s;
    }
    if ((s = request_text(r, status)) != NULL) {
        return s;
    }
    return server_error_text(r);
}

/* A module's status_line is used as the title only when it starts with
 * the right three digits followed by a space and a reason. */
static const char *page_title(request_rec *r, int idx)
{
    const char *sl = r->status_line;
    apr_size_t len;

    if (sl == NULL) {
        return ap_get_status_line(r->status);
    }
    len = strlen(sl);
    if (len < 3 || !apr_isdigit(sl[0]) || !apr_isdigit(sl[1])
        || !apr_isdigit(sl[2]) || atoi(sl) != r->status
        || (len > 3 && !apr_isspace(sl[3]))
        || (len > 4 && !apr_isalnum(sl[4]))) {
        return ap_get_status_line(r->status);
    }
    if (len == 3) {
        return apr_pstrcat(r->pool, sl, " Unknown Reason", NULL);
    }
    if (len == 4) {
        return apr_pstrcat(r->pool, sl, "Unknown Reason", NULL);
    }
    return sl;
}

/* Replace the handler's response headers by the error ones and set the
 * page's type. Returns 0 when no body must be sent (HEAD). */
static int reset_headers(request_rec *r, int status, const char *location)
{
    apr_table_t *tmp = r->headers_out;

    r->headers_out = r->err_headers_out;
    r->err_headers_out = tmp;
    apr_table_clear(r->err_headers_out);
    if ((ap_is_HTTP_REDIRECT(status) || status == HTTP_CREATED)
        && location && *location) {
        apr_table_setn(r->headers_out, "Location", location);
    }
    r->content_languages = NULL;
    r->content_encoding = NULL;
    r->clength = 0;
    if (apr_table_get(r->subprocess_env, "suppress-error-charset")) {
        core_request_config *rc =
            ap_get_core_module_config(r->request_config);

        rc->suppress_charset = 1;
        ap_set_content_type(r, "text/html");
    }
    else {
        ap_set_content_type(r, "text/html; charset=iso-8859-1");
    }
    if (status == HTTP_METHOD_NOT_ALLOWED || status == HTTP_NOT_IMPLEMENTED) {
        apr_table_setn(r->headers_out, "Allow", ap__make_allow(r));
    }
    return !r->header_only;
}

AP_DECLARE(void) ap_send_error_response(request_rec *r, int recursive_error)
{
    int status = r->status;
    int idx = ap_index_of_response(status);
    const char *location = apr_table_get(r->headers_out, "Location");
    const char *custom, *title;

    r->eos_sent = 0;
    /* resource filters of the failed response must not see the page */
    r->output_filters = r->proto_output_filters;
    ap_run_insert_error_filter(r);

    if (AP_STATUS_IS_HEADER_ONLY(status)) {
        ap_finalize_request_protocol(r);
        return;
    }
    if (location == NULL) {
        location = apr_table_get(r->err_headers_out, "Location");
    }
    if (!r->assbackwards && !reset_headers(r, status, location)) {
        ap_finalize_request_protocol(r);
        return;
    }
    /* ErrorDocument "text": anything else is a URL ap_die already tried */
    custom = ap_response_code_string(r, idx);
    if (custom && custom[0] == '"') {
        ap_rputs(custom + 1, r);
        ap_finalize_request_protocol(r);
        return;
    }
    title = page_title(r, idx);
    ap_rvputs(r, PAGE_HEAD, title, "</title>\n</head><body>\n<h1>",
              title + 4, "</h1>\n",
              ap__canned_error_string(r, status, location), NULL);
    if (recursive_error) {
        ap_rvputs(r, "<p>Additionally, a ",
                  ap_get_status_line(recursive_error),
                  "\nerror was encountered while trying to use an "
                  "ErrorDocument to handle the request.</p>\n", NULL);
    }
    ap_rvputs(r, ap_psignature("<hr>\n", r), "</body></html>\n", NULL);
    ap_finalize_request_protocol(r);
}
