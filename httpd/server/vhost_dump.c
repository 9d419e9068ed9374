/* vhost_dump.c: the "VirtualHost configuration:" block of -S and
 * -t -D DUMP_VHOSTS, in Apache's exact layout (scripts parse it). */
#include "apr_strings.h"
#include "apr_file_io.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"

#include "core_private.h"

static int is_any(const apr_sockaddr_t *sa)
{
    static const char zeros[16];

    return sa->ipaddr_len > 0 && sa->ipaddr_len <= 16
           && !memcmp(sa->ipaddr_ptr, zeros, sa->ipaddr_len);
}

/* "*:80", "127.0.0.1:8080", "[::1]:443"; a wildcard port prints "*". */
static const char *addr_label(apr_pool_t *p, const server_addr_rec *sar)
{
    const char *port = sar->host_port ? apr_itoa(p, sar->host_port) : "*";
    char *ip;

    if (is_any(sar->host_addr)) {
        return apr_pstrcat(p, "*:", port, NULL);
    }
    apr_sockaddr_ip_get(&ip, sar->host_addr);
    if (sar->host_addr->family != APR_INET) {
        return apr_pstrcat(p, "[", ip, "]:", port, NULL);
    }
    return apr_pstrcat(p, ip, ":", port, NULL);
}

static void dump_aliases(apr_file_t *out, const apr_array_header_t *list,
                         const char *kind)
{
    char **names;
    int i;

    if (!list) {
        return;
    }
    names = (char **)list->elts;
    for (i = 0; i < list->nelts; i++) {
        if (names[i]) {
            apr_file_printf(out, "%16s %s %s\n", "", kind, names[i]);
        }
    }
}

static void dump_names(apr_file_t *out, const ap__vhost_addr *a)
{
    const ap__vhost_name *n;

    for (n = a->names; n; n = n->next) {
        const server_rec *s = n->server;

        if (n->sar->host_port) {
            apr_file_printf(out, "%8s port %u ", "", n->sar->host_port);
        }
        else {
            apr_file_printf(out, "%8s port * ", "");
        }
        apr_file_printf(out, "namevhost %s (%s:%u)\n", s->server_hostname,
                        s->defn_name, s->defn_line_number);
        dump_aliases(out, s->names, "alias");
        dump_aliases(out, s->wild_names, "wild alias");
    }
}

static void dump_addr(apr_file_t *out, apr_pool_t *p, const ap__vhost_addr *a)
{
    const char *label = addr_label(p, a->sar);
    const server_rec *s = a->server;

    if (!a->names) {
        apr_file_printf(out, "%-22s %s (%s:%u)\n", label, s->server_hostname,
                        s->defn_name, s->defn_line_number);
        return;
    }
    apr_file_printf(out, "%-22s is a NameVirtualHost\n"
                    "%8s default server %s (%s:%u)\n", label, "",
                    s->server_hostname, s->defn_name, s->defn_line_number);
    dump_names(out, a);
}

void ap__vhost_dump(apr_file_t *out)
{
    apr_pool_t *p;
    const ap__vhost_addr *a;
    int i;

    if (apr_pool_create(&p, NULL) != APR_SUCCESS) {
        return;
    }
    apr_file_printf(out, "VirtualHost configuration:\n");
    for (i = 0; i < AP__VHOST_HASH_SIZE; i++) {
        for (a = ap__vhost_hash[i]; a; a = a->next) {
            dump_addr(out, p, a);
        }
    }
    for (a = ap__vhost_wildcards; a; a = a->next) {
        dump_addr(out, p, a);
    }
    apr_pool_destroy(p);
}
