/* vhost.c: reading <VirtualHost> addresses and building, once the
 * configuration is read, the tables that map a connection's local
 * address to its candidate servers (vhost_match.c uses them). */
#include "apr_strings.h"
#include "apr_network_io.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_vhost.h"

#include "core_private.h"

APLOG_USE_MODULE(core);

ap__vhost_addr *ap__vhost_hash[AP__VHOST_HASH_SIZE];
ap__vhost_addr *ap__vhost_wildcards;

AP_DECLARE(void) ap_init_vhost_config(apr_pool_t *p)
{
    memset(ap__vhost_hash, 0, sizeof(ap__vhost_hash));
    ap__vhost_wildcards = NULL;
}

/* One word of <VirtualHost>: "addr", "addr:port", "addr:*", "*:80",
 * "_default_:443", "[v6]:port". Appends one record per address the name
 * resolves to at *tail. */
static const char *add_address(apr_pool_t *p, const char *word,
                               server_addr_rec ***tail,
                               apr_port_t default_port)
{
    apr_size_t len = strlen(word);
    char *w = apr_pstrmemdup(p, word, len);
    char *host, *scope;
    apr_port_t port;
    apr_sockaddr_t *sa;
    int wild_port = 0;

    if (!len) {
        return NULL;
    }
    /* apr_parse_addr_port knows no "*" port. */
    if (w[len - 1] == '*') {
        if (len == 1) {
            wild_port = 1;
        }
        else if (w[len - 2] == ':') {
            w[len - 2] = '\0';
            wild_port = 1;
        }
    }
    if (apr_parse_addr_port(&host, &scope, &port, w, p) != APR_SUCCESS) {
        return "The address or port is invalid";
    }
    if (!host) {
        return "Missing address for VirtualHost";
    }
    if (scope) {
        return "Scope ids are not supported";
    }
    if (!port && !wild_port) {
        port = default_port;
    }
    if (!strcmp(host, "*") || !strcasecmp(host, "_default_")) {
        if (apr_sockaddr_info_get(&sa, NULL, APR_UNSPEC, port, 0, p)) {
            return "Could not determine a wildcard address ('0.0.0.0') -- "
                   "check resolver configuration.";
        }
    }
    else {
        apr_status_t rv = apr_sockaddr_info_get(&sa, host, APR_UNSPEC, port,
                                                0, p);
        if (rv != APR_SUCCESS) {
            ap_log_error(APLOG_MARK, APLOG_ERR, rv, NULL, APLOGNO(00547)
                         "Could not resolve host name %s -- ignoring!", host);
            return NULL;
        }
    }
    for (; sa; sa = sa->next) {
        server_addr_rec *sar = apr_pcalloc(p, sizeof(*sar));
        sar->host_addr = sa;
        sar->host_port = port;
        sar->virthost = host;
        **tail = sar;
        *tail = &sar->next;
    }
    return NULL;
}

const char *ap_parse_vhost_addrs(apr_pool_t *p, const char *hostname,
                                 server_rec *s)
{
    server_addr_rec **tail = &s->addrs;
    const char *err;

    while (*hostname) {
        err = add_address(p, ap_getword_conf(p, &hostname), &tail, s->port);
        if (err) {
            *tail = NULL;
            return err;
        }
    }
    *tail = NULL;
    /* The vhost's own port, not the main server's, for redirects. */
    if (s->addrs && s->addrs->host_port) {
        s->port = s->addrs->host_port;
    }
    return NULL;
}

AP_DECLARE_NONSTD(const char *) ap_set_name_virtual_host(cmd_parms *cmd,
                                                         void *dummy,
                                                         const char *arg)
{
    static int warned = 0;

    if (!warned++) {
        ap_log_error(APLOG_MARK, APLOG_NOTICE | APLOG_STARTUP, 0, NULL,
                     APLOGNO(00548) "NameVirtualHost has no effect and will "
                     "be removed in the next release %s:%d",
                     cmd->directive->filename, cmd->directive->line_num);
    }
    return NULL;
}

static int is_any_addr(const apr_sockaddr_t *sa)
{
    static const char zeros[16];
    int len = sa->ipaddr_len;

    return len > 0 && len <= 16 && !memcmp(sa->ipaddr_ptr, zeros, len);
}

/* The low four bytes of the address folded into a bucket: spreads whole
 * /24 networks of IP-based vhosts, byte order does not matter. */
static unsigned hash_addr(const apr_sockaddr_t *sa)
{
    const unsigned char *b = (const unsigned char *)sa->ipaddr_ptr
                             + sa->ipaddr_len - 4;
    unsigned key = b[0] ^ b[1] ^ b[2] ^ b[3];

    return key % AP__VHOST_HASH_SIZE;
}

static ap__vhost_addr *find_specific(const apr_sockaddr_t *sa,
                                     apr_port_t port)
{
    ap__vhost_addr *a, *wild = NULL;

    for (a = ap__vhost_hash[hash_addr(sa)]; a; a = a->next) {
        apr_sockaddr_t *cur = a->sar->host_addr;

        if (!apr_sockaddr_equal(cur, sa)) {
            continue;
        }
        if (a->sar->host_port == port) {
            return a;
        }
        if (!wild && (!a->sar->host_port || !port)) {
            wild = a; /* keep looking for an exact port */
        }
    }
    return wild;
}

static ap__vhost_addr *find_wildcard(apr_port_t port)
{
    ap__vhost_addr *a, *wild = NULL;

    for (a = ap__vhost_wildcards; a; a = a->next) {
        if (a->sar->host_port == port) {
            return a;
        }
        if (!wild && !a->sar->host_port) {
            wild = a;
        }
    }
    return wild;
}

/* Servers come last-defined first; each one seen becomes the default, so
 * the first in the file ends up the default of its address. A chain gets
 * a name list only once a second server shares it. */
static void add_name(apr_pool_t *p, server_rec *s, server_addr_rec *sar,
                     ap__vhost_addr *a)
{
    ap__vhost_name *n = apr_pcalloc(p, sizeof(*n));

    n->server = s;
    n->sar = sar;
    a->server = s;
    if (a->names) {
        n->next = a->names;
        a->names = n;
    }
    else if (!a->first) {
        a->first = n;
    }
    else {
        n->next = a->first;
        a->names = n;
        a->first = NULL;
    }
}

static ap__vhost_addr *new_addr(apr_pool_t *p, server_rec *s,
                                server_addr_rec *sar)
{
    ap__vhost_addr *a = apr_pcalloc(p, sizeof(*a));

    a->server = s;
    a->sar = sar;
    return a;
}

/* Returns 1 when the address is a wildcard one. */
static int index_address(apr_pool_t *p, server_rec *s, server_addr_rec *sar,
                         server_addr_rec *prev)
{
    ap__vhost_addr *a;

    if (is_any_addr(sar->host_addr)) {
        a = find_wildcard(sar->host_port);
        if (a && a->sar->host_port == sar->host_port) {
            /* "*:80 *:80" on one line counts once. */
            if (!prev || !is_any_addr(prev->host_addr)
                || prev->host_port != sar->host_port) {
                add_name(p, s, sar, a);
            }
        }
        else {
            a = new_addr(p, s, sar);
            a->next = ap__vhost_wildcards;
            ap__vhost_wildcards = a;
            add_name(p, s, sar, a);
        }
        return 1;
    }
    a = find_specific(sar->host_addr, sar->host_port);
    if (!a || a->sar->host_port != sar->host_port) {
        unsigned bucket = hash_addr(sar->host_addr);
        a = new_addr(p, s, sar);
        a->next = ap__vhost_hash[bucket];
        ap__vhost_hash[bucket] = a;
    }
    add_name(p, s, sar, a);
    return 0;
}

/* A vhost without ServerName: the main server's name for wildcard ones,
 * else the reverse DNS of its first address. */
static void default_hostname(apr_pool_t *p, server_rec *main_s,
                             server_rec *s, int wildcard)
{
    char *name;
    apr_status_t rv;

    if (wildcard) {
        s->server_hostname = main_s->server_hostname;
        return;
    }
    if (!s->addrs) {
        s->server_hostname = apr_pstrdup(p, "bogus_host_without_forward_dns");
        return;
    }
    rv = apr_getnameinfo(&name, s->addrs->host_addr, 0);
    if (rv == APR_SUCCESS) {
        s->server_hostname = apr_pstrdup(p, name);
        return;
    }
    apr_sockaddr_ip_get(&name, s->addrs->host_addr);
    ap_log_error(APLOG_MARK, APLOG_ERR, rv, main_s, APLOGNO(00549)
                 "Failed to resolve server name for %s (check DNS) -- or "
                 "specify an explicit ServerName", name);
    s->server_hostname = apr_pstrdup(p, "bogus_host_without_reverse_dns");
}

AP_DECLARE(void) ap_fini_vhost_config(apr_pool_t *p, server_rec *main_s)
{
    server_rec *s;

    if (!main_s->server_hostname) {
        main_s->server_hostname = ap_get_local_host(p);
    }
    for (s = main_s->next; s; s = s->next) {
        server_addr_rec *sar, *prev = NULL;
        int wildcard = 0;

        for (sar = s->addrs; sar; prev = sar, sar = sar->next) {
            wildcard |= index_address(p, s, sar, prev);
        }
        if (!s->server_hostname) {
            default_hostname(p, main_s, s, wildcard);
        }
    }
}

/* Used by vhost_match.c: the chain for a connection's local address. */
ap__vhost_addr *ap__vhost_lookup(const apr_sockaddr_t *local)
{
    ap__vhost_addr *a = find_specific(local, local->port);

    return a ? a : find_wildcard(local->port);
}
