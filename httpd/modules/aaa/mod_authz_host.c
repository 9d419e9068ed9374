/*
 * mod_authz_host.c: the authz_host_module, the network-address authz
 * providers: "Require ip", "Require host", "Require forward-dns" and
 * "Require local".  Addresses are parsed once, at configuration time.
 */
#include <string.h>

#include "apr_strings.h"
#include "apr_network_io.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_request.h"
#include "mod_auth.h"

APLOG_USE_MODULE(authz_host);

/* The loopback networks, for "Require local"; made at register time. */
static apr_ipsubnet_t *localhost_v4;
static apr_ipsubnet_t *localhost_v6;

/* Count the words of a require line. */
static int count_words(apr_pool_t *p, const char *line)
{
    const char *t = line;
    int n = 0;

    while (*ap_getword_conf(p, &t)) {
        n++;
    }
    return n;
}

/* One "addr", "addr/bits" or "addr/netmask"; partial addresses such as
 * "10.1" are APR's business. */
static const char *parse_subnet(cmd_parms *cmd, const char *w,
                                apr_ipsubnet_t **out)
{
    char *addr = apr_pstrdup(cmd->temp_pool, w);
    char *mask = strchr(addr, '/');
    apr_status_t rv;

    if (mask) {
        *mask++ = '\0';
    }
    rv = apr_ipsubnet_create(out, addr, mask, cmd->pool);
    if (APR_STATUS_IS_EINVAL(rv)) {
        return apr_psprintf(cmd->pool, "ip address '%s' appears to be "
                            "invalid", w);
    }
    if (rv != APR_SUCCESS) {
        char buf[120];
        return apr_psprintf(cmd->pool, "ip address '%s' appears to be "
                            "invalid: %s", w,
                            apr_strerror(rv, buf, sizeof(buf)));
    }
    return NULL;
}

/* The parsed form of "Require ip": a NULL-terminated subnet array. */
static const char *ip_parse(cmd_parms *cmd, const char *line,
                            const void **parsed)
{
    int n = count_words(cmd->temp_pool, line);
    apr_ipsubnet_t **ip;
    const char *t = line;
    const char *w;

    if (n == 0) {
        return "'require ip' requires an argument";
    }
    ip = apr_pcalloc(cmd->pool, sizeof(*ip) * (apr_size_t)(n + 1));
    *parsed = ip;
    while ((w = ap_getword_conf(cmd->temp_pool, &t)) && w[0]) {
        const char *err = parse_subnet(cmd, w, ip++);
        if (err) {
            return err;
        }
    }
    return NULL;
}

static authz_status ip_check(request_rec *r, const char *line,
                             const void *parsed)
{
    apr_ipsubnet_t *const *ip = parsed;

    if (r->useragent_addr == NULL) {
        return AUTHZ_DENIED;
    }
    for (; *ip; ip++) {
        if (apr_ipsubnet_test(*ip, r->useragent_addr)) {
            return AUTHZ_GRANTED;
        }
    }
    return AUTHZ_DENIED;    /* authz_core logs the line at debug */
}

/* "good.com" matches "good.com" and "www.good.com", never "nogood.com". */
static int in_domain(const char *domain, const char *what)
{
    apr_size_t dl = strlen(domain), wl = strlen(what);

    if (dl == 0 || wl < dl || strcasecmp(domain, what + wl - dl) != 0) {
        return 0;
    }
    return wl == dl || domain[0] == '.' || what[wl - dl - 1] == '.';
}

static authz_status host_check(request_rec *r, const char *line,
                               const void *parsed)
{
    int is_ip = 0;
    const char *host = ap_get_useragent_host(r, REMOTE_DOUBLE_REV, &is_ip);
    const char *t = line;
    const char *w;

    if (host == NULL || is_ip) {
        ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, APLOGNO(01753)
                      "access check of '%s' to %s failed, reason: unable "
                      "to get the remote host name", line, r->uri);
        return AUTHZ_DENIED;
    }
    while ((w = ap_getword_conf(r->pool, &t)) && w[0]) {
        if (in_domain(w, host)) {
            return AUTHZ_GRANTED;
        }
    }
    ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, APLOGNO(01754)
                  "access check of '%s' to %s failed, reason: host name "
                  "list does not meet 'require'ments", line, r->uri);
    return AUTHZ_DENIED;
}

/* Does any address of @a name equal the client's? */
static int name_matches(request_rec *r, const char *name)
{
    apr_sockaddr_t *sa;
    apr_status_t rv = apr_sockaddr_info_get(&sa, name, APR_UNSPEC, 0, 0,
                                            r->pool);

    if (rv != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, rv, r, APLOGNO(03328)
                      "No sockaddr info for \"%s\"", name);
        return 0;
    }
    for (; sa; sa = sa->next) {
        int match = apr_sockaddr_equal(sa, r->useragent_addr);
        ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, APLOGNO(03327)
                      "access check for %s as '%s': %s",
                      r->useragent_ip, name, match ? "yes" : "no");
        if (match) {
            return 1;
        }
    }
    return 0;
}

static authz_status forward_dns_check(request_rec *r, const char *line,
                                      const void *parsed)
{
    const char *t = line;
    char *w;

    if (r->useragent_addr == NULL) {
        return AUTHZ_DENIED;
    }
    while ((w = ap_getword_conf(r->pool, &t)) && w[0]) {
        char *hash = strchr(w, '#');    /* a comment ends the list */

        if (hash == w) {
            break;
        }
        if (hash) {
            *hash = '\0';
        }
        if (name_matches(r, w)) {
            return AUTHZ_GRANTED;
        }
        if (hash) {
            break;
        }
    }
    return AUTHZ_DENIED;
}

static authz_status local_check(request_rec *r, const char *line,
                                const void *parsed)
{
    if (r->useragent_addr == NULL) {
        return AUTHZ_DENIED;
    }
    if ((r->connection->local_addr
         && apr_sockaddr_equal(r->connection->local_addr, r->useragent_addr))
        || (localhost_v4 && apr_ipsubnet_test(localhost_v4,
                                              r->useragent_addr))
        || (localhost_v6 && apr_ipsubnet_test(localhost_v6,
                                              r->useragent_addr))) {
        return AUTHZ_GRANTED;
    }
    return AUTHZ_DENIED;
}

static const authz_provider ip_provider = { ip_check, ip_parse };
static const authz_provider host_provider = { host_check, NULL };
static const authz_provider forward_dns_provider = {
    forward_dns_check, NULL
};
static const authz_provider local_provider = { local_check, NULL };

static void register_hooks(apr_pool_t *p)
{
    static const struct {
        const char *name;
        const authz_provider *provider;
    } list[] = {
        { "ip", &ip_provider },
        { "host", &host_provider },
        { "forward-dns", &forward_dns_provider },
        { "local", &local_provider },
    };
    apr_size_t i;

    if (apr_ipsubnet_create(&localhost_v4, "127.0.0.0", "8", p)
        != APR_SUCCESS) {
        localhost_v4 = NULL;
    }
    if (apr_ipsubnet_create(&localhost_v6, "::1", "128", p) != APR_SUCCESS) {
        localhost_v6 = NULL;    /* no IPv6 in this APR */
    }
    for (i = 0; i < sizeof(list) / sizeof(list[0]); i++) {
        ap_register_auth_provider(p, AUTHZ_PROVIDER_GROUP, list[i].name,
                                  AUTHZ_PROVIDER_VERSION, list[i].provider,
                                  AP_AUTH_INTERNAL_PER_CONF);
    }
}

module AP_MODULE_DECLARE_DATA authz_host_module = {
    STANDARD20_MODULE_STUFF,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
    register_hooks
};
