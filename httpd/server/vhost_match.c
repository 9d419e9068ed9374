/* vhost_match.c: run-time virtual host selection. A connection first
 * gets the server(s) of its local address (ap_update_vhost_given_ip);
 * each request then picks among them by Host, or by ServerPath when it
 * names no host (ap_update_vhost_from_headers). */
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_vhost.h"

#include "core_private.h"

APLOG_USE_MODULE(core);

static int in_list(const apr_array_header_t *list, const char *host,
                   int wild)
{
    char **names;
    int i;

    if (!list) {
        return 0;
    }
    names = (char **)list->elts;
    for (i = 0; i < list->nelts; i++) {
        if (!names[i]) {
            continue;
        }
        if (wild ? !ap_strcasecmp_match(host, names[i])
                 : !strcasecmp(host, names[i])) {
            return 1;
        }
    }
    return 0;
}

static int matches_aliases(server_rec *s, const char *host)
{
    if (s->server_hostname && !strcasecmp(host, s->server_hostname)) {
        return 1;
    }
    return in_list(s->names, host, 0) || in_list(s->wild_names, host, 1);
}

AP_DECLARE(int) ap_matches_request_vhost(request_rec *r, const char *host,
                                         apr_port_t port)
{
    server_rec *s = r->server;
    server_addr_rec *sar;

    for (sar = s->addrs; sar; sar = sar->next) {
        if ((!sar->host_port || sar->host_port == port)
            && !strcasecmp(host, sar->virthost)) {
            return 1;
        }
    }
    /* Names carry no port: the server's own port must match. */
    if (port != s->port) {
        return 0;
    }
    return matches_aliases(s, host);
}

AP_DECLARE(void) ap_update_vhost_given_ip(conn_rec *c)
{
    ap__vhost_addr *a = c->local_addr ? ap__vhost_lookup(c->local_addr)
                                      : NULL;

    if (!a) { /* only the main server serves this address */
        c->vhost_lookup_data = NULL;
        return;
    }
    c->vhost_lookup_data = a->names;
    c->base_server = a->server;
}

static int port_applies(const ap__vhost_name *n, apr_port_t port)
{
    return !n->sar->host_port || n->sar->host_port == port;
}

/* First the ServerName/ServerAlias of each candidate in file order, then
 * the address words of the <VirtualHost> lines. */
static int match_host(request_rec *r)
{
    apr_port_t port = r->connection->local_addr->port;
    server_rec *by_addr = NULL, *last = NULL;
    ap__vhost_name *n;

    for (n = r->connection->vhost_lookup_data; n; n = n->next) {
        if (!port_applies(n, port)) {
            continue;
        }
        if (n->server != last
            && matches_aliases(n->server, r->hostname)) {
            r->server = n->server;
            return 1;
        }
        last = n->server;
        if (!by_addr && !strcasecmp(r->hostname, n->sar->virthost)) {
            by_addr = n->server;
        }
    }
    if (by_addr) {
        r->server = by_addr;
        return 1;
    }
    return 0;
}

/* HTTP/1.0 clients without Host: ServerPath prefixes pick the vhost. */
static void match_server_path(request_rec *r)
{
    apr_port_t port = r->connection->local_addr->port;
    server_rec *last = NULL;
    ap__vhost_name *n;

    if (!r->uri) {
        return;
    }
    for (n = r->connection->vhost_lookup_data; n; n = n->next) {
        server_rec *s = n->server;

        if (!port_applies(n, port) || s == last) {
            continue;
        }
        last = s;
        if (s->path && s->pathlen > 0
            && !strncmp(r->uri, s->path, s->pathlen)
            && (s->path[s->pathlen - 1] == '/' || r->uri[s->pathlen] == '/'
                || r->uri[s->pathlen] == '\0')) {
            r->server = s;
            return;
        }
    }
}

/* An absolute request URI wins over Host (RFC 9112 3.2.2): the Host
 * header is rewritten to say so. */
static void replace_host_header(request_rec *r, const char *old, int v6)
{
    const char *host = apr_pstrcat(r->pool, v6 ? "[" : "", r->hostname,
                                   v6 ? "]" : "",
                                   r->parsed_uri.port_str ? ":" : "",
                                   r->parsed_uri.port_str
                                   ? r->parsed_uri.port_str : "", NULL);

    apr_table_setn(r->headers_in, "Host", host);
    ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, APLOGNO(02417)
                  "Replacing host header '%s' with host '%s' given in the "
                  "request uri", old, host);
}

AP_DECLARE(int) ap_update_vhost_from_headers_ex(request_rec *r,
                                                int require_match)
{
    core_server_config *conf = ap_get_core_module_config(
        r->server->module_config);
    const char *host_header = apr_table_get(r->headers_in, "Host");
    int strict = conf->http_conformance != AP_HTTP_CONFORMANCE_UNSAFE;
    int from_url = r->hostname != NULL;
    int v6 = 0;

    if (from_url) {
        v6 = ap__vhost_fix_hostname(r, NULL, strict);
    }
    else if (host_header) {
        v6 = ap__vhost_fix_hostname(r, host_header, strict);
    }
    if (r->status != HTTP_OK) { /* malformed: the caller answers 400 */
        return HTTP_OK;
    }
    if (strict && from_url && host_header) {
        replace_host_header(r, host_header, v6);
    }
    if (r->connection->vhost_lookup_data) {
        if (!r->hostname) {
            match_server_path(r);
            return HTTP_OK;
        }
        if (match_host(r) || !require_match) {
            return HTTP_OK;
        }
        return HTTP_BAD_REQUEST;
    }
    if (require_match && r->hostname
        && !matches_aliases(r->server, r->hostname)) {
        return HTTP_BAD_REQUEST;
    }
    return HTTP_OK;
}

AP_DECLARE(void) ap_update_vhost_from_headers(request_rec *r)
{
    ap_update_vhost_from_headers_ex(r, 0);
}

AP_DECLARE(int) ap_vhost_iterate_given_conn(conn_rec *c,
                                            ap_vhost_iterate_conn_cb func_cb,
                                            void *baton)
{
    apr_port_t port;
    server_rec *last = NULL;
    ap__vhost_name *n;
    int rv = 0;

    if (!c->vhost_lookup_data) {
        return func_cb(baton, c, c->base_server);
    }
    port = c->local_addr->port;
    for (n = c->vhost_lookup_data; n; n = n->next) {
        if (!port_applies(n, port) || n->server == last) {
            continue;
        }
        last = n->server;
        if ((rv = func_cb(baton, c, n->server)) != 0) {
            break;
        }
    }
    return rv;
}
