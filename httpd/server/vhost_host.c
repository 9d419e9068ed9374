/* vhost_host.c: validation of the host name a request names (Host header
 * or absolute request URI). The name may end up in file names (mass
 * virtual hosting), so directory separators and ".." are refused, and by
 * default (HttpProtocolOptions Strict) so is anything RFC 3986/1123 does
 * not allow. */
#include "apr_strings.h"
#include "apr_lib.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"

#include "core_private.h"

APLOG_USE_MODULE(core);

static apr_status_t fix_v6_literal(char *host)
{
    int double_colon = 0;
    char *c;

    for (c = host; *c; c++) {
        if (apr_isxdigit(*c)) {
            *c = apr_tolower(*c);
        }
        else if (*c == ':') {
            if (c[1] == ':') {
                if (double_colon++) {
                    return APR_EINVAL;
                }
            }
            else if (c[1] == '.') {
                return APR_EINVAL;
            }
        }
        else if (*c == '.') { /* IPv4-mapped tail */
            if (c[1] == ':' || c[1] == '.') {
                return APR_EINVAL;
            }
        }
        else {
            return APR_EINVAL;
        }
    }
    return APR_SUCCESS;
}

static apr_status_t fix_name(char *host)
{
    char *c;

    for (c = host; *c; c++) {
        if (*c == '.' && c[1] == '.') {
            return APR_EINVAL;
        }
        if (*c == '/' || *c == '\\') {
            return APR_EINVAL;
        }
        *c = apr_tolower(*c);
    }
    if (c > host && c[-1] == '.') { /* "example.com." is example.com */
        c[-1] = '\0';
    }
    return APR_SUCCESS;
}

static apr_status_t strict_check(request_rec *r, const char *host)
{
    int dotted = 1, zeros = 0, dots = 0;
    const char *c, *tld;

    for (c = host; *c; c++) {
        if (apr_isalpha(*c) || *c == '-' || *c == '_') {
            dotted = 0;
        }
        else if (*c == '.') {
            dots++;
            if (c[1] == '0' && apr_isdigit(c[2])) {
                zeros = 1;
            }
        }
        else if (!apr_isdigit(*c)) { /* also refuses "a,b" (two Hosts) */
            goto bad;
        }
    }
    if (dotted) {
        if (host[0] == '.' || (host[0] == '0' && apr_isdigit(host[1]))) {
            zeros = 1;
        }
        if (zeros || dots != 3) {
            goto bad;
        }
        return APR_SUCCESS;
    }
    tld = strrchr(host, '.');
    if (tld && tld[1] && !apr_isalpha(tld[1])) {
        c = tld;
        goto bad;
    }
    return APR_SUCCESS;
bad:
    ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, APLOGNO(02415)
                  "[strict] Invalid host name '%s'%s%.6s", host,
                  *c ? ", problem near: " : "", c);
    return APR_EINVAL;
}

static int all_digits(const char *s)
{
    for (; *s; s++) {
        if (!apr_isdigit(*s)) {
            return 0;
        }
    }
    return 1;
}

int ap__vhost_fix_hostname(request_rec *r, const char *host_header,
                           int strict)
{
    const char *src = host_header ? host_header : r->hostname;
    char *host, *scope;
    apr_port_t port;
    int v6 = 0;
    apr_status_t rv;

    if (!*src) { /* an empty Host is allowed */
        return 0;
    }
    /* apr_parse_addr_port would take a bare number for a port. */
    if (all_digits(src)) {
        if (strict) {
            ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, APLOGNO(02416)
                          "[strict] purely numeric host names not allowed: "
                          "%s", src);
            r->status = HTTP_BAD_REQUEST;
            return 0;
        }
        r->hostname = src;
        return 0;
    }
    if (host_header) {
        if (apr_parse_addr_port(&host, &scope, &port, host_header, r->pool)
                != APR_SUCCESS
            || scope || !host) {
            goto bad;
        }
        if (port) { /* ap_get_server_port reads it from parsed_uri */
            r->parsed_uri.port = port;
            r->parsed_uri.port_str = apr_itoa(r->pool, port);
        }
        v6 = host_header[0] == '[';
    }
    else {
        host = apr_pstrdup(r->pool, r->hostname);
        v6 = strchr(host, ':') != NULL;
    }
    rv = v6 ? fix_v6_literal(host) : fix_name(host);
    if (rv == APR_SUCCESS && !v6 && strict) {
        rv = strict_check(r, host);
    }
    if (rv != APR_SUCCESS) {
        goto bad;
    }
    r->hostname = host;
    return v6;
bad:
    ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, APLOGNO(00550)
                  "Client sent malformed Host header: %s", src);
    r->status = HTTP_BAD_REQUEST;
    return v6;
}
