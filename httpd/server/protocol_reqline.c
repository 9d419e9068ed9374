/* protocol_reqline.c: the request line (RFC 9112 section 3) and the
 * request-target (ap_parse_request_line, ap_parse_uri).
 *
 * HttpProtocolOptions decides how forgiving we are:
 *   Strict (default)   method SP request-target SP HTTP/d.d, nothing else;
 *   Unsafe             any run of SP/HT separates, case-insensitive "http/",
 *                      multi-digit versions, trailing junk ignored;
 *   RegisteredMethods  unknown methods get 501 here (LenientMethods lets
 *                      the handler decide);
 *   Require1.0         HTTP/0.9 simple requests get 400.
 * The line itself is never modified (it is r->the_request, used by logs):
 * the method and protocol point at static strings when they are the usual
 * ones, so a normal GET costs one allocation here (the target).
 */
#include <string.h>

#include "apr_lib.h"
#include "apr_strings.h"
#include "apr_uri.h"
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "protocol_private.h"

APLOG_USE_MODULE(core);

/* Why a request line was refused; logged once with the line. */
typedef enum {
    rl_ok,
    rl_badmethod,
    rl_badspace,
    rl_nouri,
    rl_baduri,
    rl_badprotocol,
    rl_trailing,
    rl_badmethod09,
    rl_reject09
} rl_error;

static const char *const rl_reason[] = {
    "",
    "Invalid method token",
    "Invalid whitespace",
    "Missing URI",
    "URI contains control or whitespace characters",
    "Unrecognized protocol",
    "Extra characters after the protocol",
    "Invalid HTTP/0.9 method (only GET is permitted)",
    "Rejected HTTP/0.9 request"
};

typedef struct {
    const char *method, *uri, *proto;
    apr_size_t method_len, uri_len, proto_len;
} rl_parts;

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* Skip the separator after a field; strict mode wants exactly one SP. */
static const char *skip_sep(const char *p, int strict, rl_error *err)
{
    const char *start = p;

    while (is_space(*p)) {
        p++;
    }
    if (strict && *err == rl_ok && (p - start != 1 || *start != ' ')
        && *p != '\0') {
        *err = rl_badspace;
    }
    return p;
}

static rl_error split_line(const char *line, int strict, rl_parts *pt)
{
    rl_error err = rl_ok;
    const char *p = line, *e;

    if (is_space(*p)) {
        if (strict) {
            err = rl_badspace;
        }
        while (is_space(*p)) {
            p++;
        }
    }
    e = ap_scan_http_token(p);
    pt->method = p;
    pt->method_len = (apr_size_t)(e - p);
    if (e == p || (*e && !is_space(*e))) {
        return rl_badmethod;
    }
    p = skip_sep(e, strict, &err);
    pt->uri = p;
    if (strict) {
        e = ap_scan_vchar_obstext(p);
    }
    else {
        for (e = p; *e && !is_space(*e); e++) {
        }
    }
    pt->uri_len = (apr_size_t)(e - p);
    if (pt->uri_len == 0) {
        return rl_nouri;
    }
    if (*e && !is_space(*e)) {
        return rl_baduri;
    }
    p = skip_sep(e, strict, &err);
    pt->proto = p;
    if (strict) {
        e = ap_scan_vchar_obstext(p);
    }
    else {
        for (e = p; *e && !is_space(*e); e++) {
        }
    }
    pt->proto_len = (apr_size_t)(e - p);
    if (*e && (strict || !is_space(*e))) {
        return err != rl_ok ? err : rl_trailing;
    }
    if (strict && pt->proto_len == 0 && e > pt->uri + pt->uri_len) {
        return rl_trailing; /* "GET / " */
    }
    return err;
}

static int parse_version(request_rec *r, const rl_parts *pt, int strict)
{
    const char *p = pt->proto;
    unsigned major = 0, minor = 0;
    apr_size_t i = 5;

    if (pt->proto_len == 8 && memcmp(p, "HTTP/1.1", 8) == 0) {
        r->protocol = (char *)"HTTP/1.1";
        r->proto_num = HTTP_VERSION(1, 1);
        return 1;
    }
    if (pt->proto_len == 8 && memcmp(p, "HTTP/1.0", 8) == 0) {
        r->protocol = (char *)"HTTP/1.0";
        r->proto_num = HTTP_VERSION(1, 0);
        return 1;
    }
    if (pt->proto_len < 8 || (strict ? memcmp(p, "HTTP/", 5) != 0
                              : ap_cstr_casecmpn(p, "HTTP/", 5) != 0)) {
        return 0;
    }
    for (; i < pt->proto_len && apr_isdigit(p[i]) && major < 100; i++) {
        major = major * 10 + (unsigned)(p[i] - '0');
    }
    if (i == 5 || i >= pt->proto_len || p[i] != '.' || (strict && i != 6)) {
        return 0;
    }
    for (i++; i < pt->proto_len && apr_isdigit(p[i]) && minor < 1000; i++) {
        minor = minor * 10 + (unsigned)(p[i] - '0');
    }
    if (i != pt->proto_len || (strict && pt->proto_len != 8) || major < 1
        || minor > 999) {
        return 0;
    }
    r->protocol = apr_pstrmemdup(r->pool, p, pt->proto_len);
    r->proto_num = HTTP_VERSION(major, minor);
    return 1;
}

static void set_method(request_rec *r, const rl_parts *pt)
{
    const char *canon;

    r->method_number = ap__method_number_n(pt->method, pt->method_len,
                                           &canon);
    if (canon) {
        r->method = canon;
    }
    else {
        r->method = apr_pstrmemdup(r->pool, pt->method, pt->method_len);
    }
    if (r->method_number == M_GET && pt->method_len == 4) {
        r->header_only = 1; /* HEAD is GET without a body */
    }
}

static int reject(request_rec *r, rl_error err, int status)
{
    if (r->method == NULL) {
        r->method = "GET";
        r->method_number = M_GET;
    }
    if (r->protocol == NULL || r->assbackwards) {
        r->protocol = (char *)"HTTP/1.0";
        r->proto_num = HTTP_VERSION(1, 0);
        r->assbackwards = 0;
    }
    r->status = status;
    ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, APLOGNO(10500)
                  "HTTP Request Line; %s: '%.*s'",
                  err != rl_ok ? rl_reason[err] : "Unrecognized method",
                  80, r->the_request ? r->the_request : "");
    return 0;
}

AP_DECLARE(int) ap_parse_request_line(request_rec *r)
{
    core_server_config *conf =
        ap_get_core_module_config(r->server->module_config);
    int strict = conf->http_conformance != AP_HTTP_CONFORMANCE_UNSAFE;
    rl_parts pt;
    rl_error err;

    memset(&pt, 0, sizeof(pt));
    if (r->the_request == NULL || *r->the_request == '\0') {
        return reject(r, rl_nouri, HTTP_BAD_REQUEST);
    }
    err = split_line(r->the_request, strict, &pt);
    if (err == rl_badmethod || err == rl_nouri) {
        return reject(r, err, HTTP_BAD_REQUEST);
    }
    set_method(r, &pt);

    if (pt.proto_len == 0) {
        r->assbackwards = 1;
        r->protocol = (char *)"HTTP/0.9";
        r->proto_num = HTTP_VERSION(0, 9);
        if (err == rl_ok && conf->http09_enable == AP_HTTP09_DISABLE) {
            err = rl_reject09;
        }
        else if (err == rl_ok && r->method_number != M_GET) {
            err = rl_badmethod09;
        }
    }
    else if (!parse_version(r, &pt, strict) && err == rl_ok) {
        err = rl_badprotocol;
    }
    else if (r->proto_num >= HTTP_VERSION(2, 0) && err == rl_ok) {
        err = rl_badprotocol; /* h2 never arrives as an HTTP/1 line */
    }

    ap_parse_uri(r, apr_pstrmemdup(r->pool, pt.uri, pt.uri_len));
    if (err != rl_ok) {
        return reject(r, err, HTTP_BAD_REQUEST);
    }
    if (r->status != HTTP_OK) {
        return reject(r, rl_baduri, r->status);
    }
    if (r->method_number == M_INVALID
        && conf->http_methods == AP_HTTP_METHODS_REGISTERED) {
        return reject(r, rl_ok, HTTP_NOT_IMPLEMENTED);
    }
    return 1;
}

AP_CORE_DECLARE(void) ap_parse_uri(request_rec *r, const char *uri)
{
    const char *scheme;
    apr_status_t rv;

    r->unparsed_uri = (char *)uri;
    if (r->method_number == M_CONNECT) {
        rv = apr_uri_parse_hostinfo(r->pool, uri, &r->parsed_uri);
    }
    else {
        rv = apr_uri_parse(r->pool, uri, &r->parsed_uri);
    }
    if (rv != APR_SUCCESS) {
        r->args = NULL;
        r->hostname = NULL;
        r->status = HTTP_BAD_REQUEST;
        r->uri = apr_pstrdup(r->pool, uri);
        return;
    }
    /* absolute-form: the host in the target wins over Host: (RFC 9112
     * section 3.2.2), but only for our own scheme or CONNECT */
    scheme = r->parsed_uri.scheme ? ap_http_scheme(r) : NULL;
    if (r->parsed_uri.scheme
        && ap_cstr_casecmp(r->parsed_uri.scheme, scheme ? scheme : "http")
           == 0) {
        r->hostname = r->parsed_uri.hostname;
    }
    else if (r->method_number == M_CONNECT) {
        r->hostname = r->parsed_uri.hostname;
    }
    r->args = r->parsed_uri.query;
    if (r->parsed_uri.path) {
        r->uri = r->parsed_uri.path;
    }
    else {
        r->uri = apr_pstrmemdup(r->pool, "/", 1); /* callers edit it */
    }
}
