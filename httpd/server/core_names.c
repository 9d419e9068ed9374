/* core_names.c: names the server gives itself and its clients: the
 * server name and port for self-referencing URLs (UseCanonicalName,
 * UseCanonicalPhysicalPort), the client's host name (HostnameLookups)
 * and ident name, and the auth accessors that the auth modules supply. */
#include "apr_strings.h"
#include "apr_optional.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"

#include "core_private.h"

APLOG_USE_MODULE(core);

static core_dir_config *dconf(const request_rec *r)
{
    return ap_get_core_module_config(r->per_dir_config);
}

AP_DECLARE(const char *) ap_get_server_name(request_rec *r)
{
    conn_rec *c = r->connection;

    switch (dconf(r)->use_canonical_name) {
    case USE_CANONICAL_NAME_ON:
        return r->server->server_hostname;
    case USE_CANONICAL_NAME_DNS:
        if (!c->local_host) {
            if (apr_getnameinfo(&c->local_host, c->local_addr, 0)
                == APR_SUCCESS) {
                ap_str_tolower(c->local_host);
            }
            else {
                c->local_host = apr_pstrdup(c->pool,
                                            r->server->server_hostname);
            }
        }
        return c->local_host;
    default: /* Off or unset: trust the validated Host header */
        return r->hostname ? r->hostname : r->server->server_hostname;
    }
}

AP_DECLARE(const char *) ap_get_server_name_for_url(request_rec *r)
{
    const char *name = ap_get_server_name(r);

    /* An IPv6 literal needs its brackets back inside a URL. */
    if (name && strchr(name, ':')) {
        return apr_pstrcat(r->pool, "[", name, "]", NULL);
    }
    return name;
}

AP_DECLARE(apr_port_t) ap_get_server_port(const request_rec *r)
{
    core_dir_config *d = dconf(r);
    int physical = d->use_canonical_phys_port == USE_CANONICAL_PHYS_PORT_ON;
    apr_port_t local = r->connection->local_addr
                       ? r->connection->local_addr->port : 0;

    if (d->use_canonical_name == USE_CANONICAL_NAME_ON) {
        if (r->server->port) {
            return r->server->port;
        }
        return (physical && local) ? local : ap_default_port(r);
    }
    if (r->parsed_uri.port_str) {
        return r->parsed_uri.port;
    }
    if (physical && local) {
        return local;
    }
    return r->server->port ? r->server->port : ap_default_port(r);
}

AP_DECLARE(char *) ap_construct_url(apr_pool_t *p, const char *uri,
                                    request_rec *r)
{
    unsigned port = ap_get_server_port(r);
    const char *host = ap_get_server_name_for_url(r);

    if (ap_is_default_port(port, r)) {
        return apr_pstrcat(p, ap_http_scheme(r), "://", host, uri, NULL);
    }
    return apr_psprintf(p, "%s://%s:%u%s", ap_http_scheme(r), host, port,
                        uri);
}

/* 1: the name resolves back to the address; -1: it does not. */
static int double_reverse(int known, const char *host, apr_sockaddr_t *addr,
                          apr_pool_t *p)
{
    apr_sockaddr_t *sa;

    if (known) {
        return known;
    }
    if (!host || !*host) {
        return -1;
    }
    if (apr_sockaddr_info_get(&sa, host, APR_UNSPEC, 0, 0, p) != APR_SUCCESS) {
        return -1;
    }
    for (; sa; sa = sa->next) {
        if (apr_sockaddr_equal(sa, addr)) {
            return 1;
        }
    }
    return -1;
}

static int lookups_of(void *dir_config)
{
    core_dir_config *d;

    if (!dir_config) {
        return HOSTNAME_LOOKUP_OFF;
    }
    d = ap_get_core_module_config(dir_config);
    return d->hostname_lookups == HOSTNAME_LOOKUP_UNSET ? HOSTNAME_LOOKUP_OFF
                                                         : d->hostname_lookups;
}

AP_DECLARE(const char *) ap_get_remote_host(conn_rec *c, void *dir_config,
                                            int type, int *str_is_ip)
{
    int lookups = lookups_of(dir_config);
    int dummy;

    str_is_ip = str_is_ip ? str_is_ip : &dummy;
    *str_is_ip = 0;
    if (type != REMOTE_NOLOOKUP && !c->remote_host
        && (type == REMOTE_DOUBLE_REV || lookups != HOSTNAME_LOOKUP_OFF)) {
        if (apr_getnameinfo(&c->remote_host, c->client_addr, 0)
            == APR_SUCCESS) {
            ap_str_tolower(c->remote_host);
            if (lookups == HOSTNAME_LOOKUP_DOUBLE) {
                c->double_reverse = double_reverse(c->double_reverse,
                                                   c->remote_host,
                                                   c->client_addr, c->pool);
                if (c->double_reverse != 1) {
                    c->remote_host = NULL;
                }
            }
        }
        if (!c->remote_host) {
            c->remote_host = ""; /* looked up, nothing found */
        }
    }
    if (type == REMOTE_DOUBLE_REV) {
        c->double_reverse = double_reverse(c->double_reverse, c->remote_host,
                                           c->client_addr, c->pool);
        if (c->double_reverse == -1) {
            return NULL;
        }
    }
    if (c->remote_host && c->remote_host[0]) {
        return c->remote_host;
    }
    if (type == REMOTE_HOST || type == REMOTE_DOUBLE_REV) {
        return NULL;
    }
    *str_is_ip = 1;
    return c->client_ip;
}

AP_DECLARE(const char *) ap_get_useragent_host(request_rec *r, int type,
                                               int *str_is_ip)
{
    int lookups = lookups_of(r->per_dir_config);
    int dummy;

    /* Without a distinct user agent address (mod_remoteip), it is the
     * connection's peer. */
    if (!r->useragent_addr || r->useragent_addr == r->connection->client_addr) {
        return ap_get_remote_host(r->connection, r->per_dir_config, type,
                                  str_is_ip);
    }
    str_is_ip = str_is_ip ? str_is_ip : &dummy;
    *str_is_ip = 0;
    if (type != REMOTE_NOLOOKUP && !r->useragent_host
        && (type == REMOTE_DOUBLE_REV || lookups != HOSTNAME_LOOKUP_OFF)) {
        if (apr_getnameinfo(&r->useragent_host, r->useragent_addr, 0)
            == APR_SUCCESS) {
            ap_str_tolower(r->useragent_host);
            if (lookups == HOSTNAME_LOOKUP_DOUBLE
                && double_reverse(0, r->useragent_host, r->useragent_addr,
                                  r->pool) != 1) {
                r->useragent_host = NULL;
            }
        }
        if (!r->useragent_host) {
            r->useragent_host = "";
        }
    }
    if (type == REMOTE_DOUBLE_REV
        && double_reverse(0, r->useragent_host, r->useragent_addr, r->pool)
           == -1) {
        return NULL;
    }
    if (r->useragent_host && r->useragent_host[0]) {
        return r->useragent_host;
    }
    if (type == REMOTE_HOST || type == REMOTE_DOUBLE_REV) {
        return NULL;
    }
    *str_is_ip = 1;
    return r->useragent_ip;
}

/* Optional functions of the modules that know better (mod_ident,
 * mod_authn_core, mod_access_compat); retrieved after configuration. */
static APR_OPTIONAL_FN_TYPE(ap_ident_lookup) *ident_lookup;
static APR_OPTIONAL_FN_TYPE(authn_ap_auth_type) *authn_auth_type;
static APR_OPTIONAL_FN_TYPE(authn_ap_auth_name) *authn_auth_name;
static APR_OPTIONAL_FN_TYPE(access_compat_ap_satisfies) *compat_satisfies;

void ap__core_retrieve_optional_fns(void)
{
    ident_lookup = APR_RETRIEVE_OPTIONAL_FN(ap_ident_lookup);
    authn_auth_type = APR_RETRIEVE_OPTIONAL_FN(authn_ap_auth_type);
    authn_auth_name = APR_RETRIEVE_OPTIONAL_FN(authn_ap_auth_name);
    compat_satisfies = APR_RETRIEVE_OPTIONAL_FN(access_compat_ap_satisfies);
}

AP_DECLARE(const char *) ap_get_remote_logname(request_rec *r)
{
    if (r->connection->remote_logname) {
        return r->connection->remote_logname;
    }
    return ident_lookup ? ident_lookup(r) : NULL;
}

AP_DECLARE(const char *) ap_auth_type(request_rec *r)
{
    return authn_auth_type ? authn_auth_type(r) : NULL;
}

AP_DECLARE(const char *) ap_auth_name(request_rec *r)
{
    return authn_auth_name ? authn_auth_name(r) : NULL;
}

AP_DECLARE(int) ap_satisfies(request_rec *r)
{
    return compat_satisfies ? compat_satisfies(r) : SATISFY_NOSPEC;
}
