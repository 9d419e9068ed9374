/*
 * Socket addresses: lookups (getaddrinfo), copies, text forms, zones,
 * reverse lookups, services, comparisons, and the addresses of a socket.
 */
#include "apr_arch_networkio.h"
#include "apr_strings.h"

#include <errno.h>
#include <net/if.h>
#include <string.h>

#define V4MAPPED_PREFIX_LEN (sizeof "::ffff:" - 1)

void apr__sockaddr_vars_set(apr_sockaddr_t *addr, int family,
                            apr_port_t port)
{
    addr->family = family;
    addr->sa.sin.sin_family = (sa_family_t)family;
    if (port) {
        /* sin_port and sin6_port share their offset. */
        addr->sa.sin.sin_port = htons(port);
        addr->port = port;
    }
    if (family == APR_INET) {
        addr->salen = sizeof(struct sockaddr_in);
        addr->addr_str_len = 16;
        addr->ipaddr_ptr = &addr->sa.sin.sin_addr;
        addr->ipaddr_len = sizeof(struct in_addr);
    }
#if APR_HAVE_IPV6
    else if (family == APR_INET6) {
        addr->salen = sizeof(struct sockaddr_in6);
        addr->addr_str_len = 46;
        addr->ipaddr_ptr = &addr->sa.sin6.sin6_addr;
        addr->ipaddr_len = sizeof(struct in6_addr);
    }
#endif
#if APR_HAVE_SOCKADDR_UN
    else if (family == APR_UNIX) {
        addr->salen = sizeof(struct sockaddr_un);
        addr->addr_str_len = sizeof addr->sa.unx.sun_path;
        addr->ipaddr_ptr = &addr->sa.unx.sun_path;
        addr->ipaddr_len = addr->addr_str_len;
    }
#endif
}

int apr__sockaddr_is_unspecified(const apr_sockaddr_t *sa)
{
    const unsigned char *b = sa->ipaddr_ptr;
    int i;

    if (b == NULL)
        return 1;
    for (i = 0; i < sa->ipaddr_len; i++) {
        if (b[i])
            return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* Lookups                                                            */

static apr_status_t unix_address(apr_sockaddr_t **sa, const char *path,
                                 apr_pool_t *p)
{
#if APR_HAVE_SOCKADDR_UN
    apr_sockaddr_t *new_sa;

    if (path == NULL || *path != '/')
        return APR_ENOTIMPL;
    new_sa = apr_pcalloc(p, sizeof *new_sa);
    new_sa->pool = p;
    apr_cpystrn(new_sa->sa.unx.sun_path, path, sizeof new_sa->sa.unx.sun_path);
    new_sa->hostname = apr_pstrdup(p, path);
    apr__sockaddr_vars_set(new_sa, APR_UNIX, 0);
    *sa = new_sa;
    return APR_SUCCESS;
#else
    (void)sa;
    (void)path;
    (void)p;
    return APR_ENOTIMPL;
#endif
}

static apr_status_t resolver_error(int error)
{
    if (error == EAI_SYSTEM)
        return errno ? errno : APR_EGENERAL;
    /* glibc's EAI_* are negative, other systems' positive. */
    return APR_OS_START_EAIERR + (error < 0 ? -error : error);
}

static apr_status_t call_resolver(apr_sockaddr_t **sa, const char *hostname,
                                  int family, apr_port_t port, apr_pool_t *p)
{
    struct addrinfo hints, *ai, *list;
    apr_sockaddr_t *prev = NULL;
    const char *servname = NULL;
    int error;

    memset(&hints, 0, sizeof hints);
    hints.ai_family = family;
    hints.ai_socktype = SOCK_STREAM;
#ifdef AI_ADDRCONFIG
    /* Only families some interface has, for unspecified lookups. */
    if (family == APR_UNSPEC)
        hints.ai_flags = AI_ADDRCONFIG;
#endif
    if (hostname == NULL) {
        /* The wildcard address; getaddrinfo() needs a host or a service. */
        hints.ai_flags |= AI_PASSIVE;
        servname = apr_itoa(p, port);
    }
    error = getaddrinfo(hostname, servname, &hints, &list);
#ifdef AI_ADDRCONFIG
    /* AI_ADDRCONFIG ignores loopback interfaces: a loopback-only family
     * gets another chance without it. */
    if (family == APR_UNSPEC && (error == EAI_BADFLAGS
#ifdef EAI_ADDRFAMILY
                                 || error == EAI_ADDRFAMILY
#endif
                                 )) {
        hints.ai_flags &= ~AI_ADDRCONFIG;
        error = getaddrinfo(hostname, servname, &hints, &list);
    }
#endif
    if (error)
        return resolver_error(error);

    *sa = NULL;
    for (ai = list; ai; ai = ai->ai_next) {
        apr_sockaddr_t *new_sa;

        if (ai->ai_family != AF_INET
            && (!APR_HAVE_IPV6 || ai->ai_family != AF_INET6))
            continue;
        new_sa = apr_pcalloc(p, sizeof *new_sa);
        new_sa->pool = p;
        memcpy(&new_sa->sa, ai->ai_addr, ai->ai_addrlen);
        apr__sockaddr_vars_set(new_sa, ai->ai_family, port);
        if (prev == NULL) {
            if (hostname)
                new_sa->hostname = apr_pstrdup(p, hostname);
            *sa = new_sa;
        }
        else {
            new_sa->hostname = prev->hostname;
            prev->next = new_sa;
        }
        prev = new_sa;
    }
    freeaddrinfo(list);
    return prev ? APR_SUCCESS : APR_EGENERAL;
}

APR_DECLARE(apr_status_t) apr_sockaddr_info_get(apr_sockaddr_t **sa,
                                                const char *hostname,
                                                apr_int32_t family,
                                                apr_port_t port,
                                                apr_int32_t flags,
                                                apr_pool_t *p)
{
    apr_int32_t masked = flags & (APR_IPV4_ADDR_OK | APR_IPV6_ADDR_OK);
    apr_status_t rv;

    *sa = NULL;
    if (masked) {
        if (!hostname || family != APR_UNSPEC
            || masked == (APR_IPV4_ADDR_OK | APR_IPV6_ADDR_OK))
            return APR_EINVAL;
        if (!APR_HAVE_IPV6 && (flags & APR_IPV6_ADDR_OK))
            return APR_ENOTIMPL;
    }
    if (family == APR_UNSPEC && hostname && *hostname == '/')
        family = APR_UNIX;
    if (family == APR_UNIX)
        return unix_address(sa, hostname, p);
    if (!APR_HAVE_IPV6 && family == APR_UNSPEC)
        family = APR_INET;

    /* The preferred family first, the other one only if that fails. */
    if (flags & APR_IPV4_ADDR_OK) {
        rv = call_resolver(sa, hostname, AF_INET, port, p);
        if (rv == APR_SUCCESS || !APR_HAVE_IPV6)
            return rv;
        family = APR_HAVE_IPV6 ? AF_INET6 : AF_INET;
    }
    else if (flags & APR_IPV6_ADDR_OK) {
        rv = call_resolver(sa, hostname, APR_HAVE_IPV6 ? AF_INET6 : AF_INET,
                           port, p);
        if (rv == APR_SUCCESS)
            return rv;
        family = AF_INET;
    }
    return call_resolver(sa, hostname, family, port, p);
}

static char *copy_str(apr_pool_t *p, const char *s, const char *first_s,
                      char *first_copy)
{
    if (s == NULL)
        return NULL;
    /* A list shares its first entry's strings: keep sharing them. */
    if (first_copy && s == first_s)
        return first_copy;
    return apr_pstrdup(p, s);
}

APR_DECLARE(apr_status_t) apr_sockaddr_info_copy(apr_sockaddr_t **dst,
                                                 const apr_sockaddr_t *src,
                                                 apr_pool_t *p)
{
    apr_sockaddr_t *d = NULL;
    const apr_sockaddr_t *s;

    *dst = NULL;
    for (s = src; s; s = s->next) {
        apr_sockaddr_t *copy = apr_pmemdup(p, s, sizeof *s);

        if (d == NULL) {
            *dst = copy;
            copy->hostname = copy_str(p, s->hostname, NULL, NULL);
            copy->servname = copy_str(p, s->servname, NULL, NULL);
        }
        else {
            d->next = copy;
            copy->hostname = copy_str(p, s->hostname, src->hostname,
                                      (*dst)->hostname);
            copy->servname = copy_str(p, s->servname, src->servname,
                                      (*dst)->servname);
        }
        copy->pool = p;
        copy->next = NULL;
        apr__sockaddr_vars_set(copy, s->family, s->port);
        d = copy;
    }
    return APR_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* Text forms and zones                                               */

#if APR_HAVE_IPV6
static int is_linklocal(const apr_sockaddr_t *sa)
{
    return sa->family == AF_INET6
           && IN6_IS_ADDR_LINKLOCAL((const struct in6_addr *)sa->ipaddr_ptr);
}

/* Append "%zone" for a link-local address with a known interface. */
static apr_status_t append_zone(char *buf, apr_size_t buflen,
                                const apr_sockaddr_t *sa)
{
    char name[IF_NAMESIZE];
    apr_size_t used = strlen(buf), n;

    if (!is_linklocal(sa)
        || if_indextoname(sa->sa.sin6.sin6_scope_id, name) == NULL)
        return APR_SUCCESS;
    n = strlen(name);
    if (buflen < used + n + 2)
        return APR_ENOSPC;
    buf[used] = '%';
    memcpy(buf + used + 1, name, n + 1);
    return APR_SUCCESS;
}
#endif

APR_DECLARE(apr_status_t) apr_sockaddr_ip_getbuf(char *buf, apr_size_t buflen,
                                                 apr_sockaddr_t *sockaddr)
{
#if APR_HAVE_SOCKADDR_UN
    if (sockaddr->family == APR_UNIX) {
        /* Truncated to what fits, as APR does, but then an error. */
        apr_size_t n = strlen(sockaddr->ipaddr_ptr);

        if (buflen == 0)
            return APR_ENOSPC;
        apr_cpystrn(buf, sockaddr->ipaddr_ptr, buflen);
        return n < buflen ? APR_SUCCESS : APR_ENOSPC;
    }
#endif
    /* APR's own inet_ntop() wants room for any IPv4 address. */
    if (sockaddr->family == AF_INET && buflen < 16)
        return APR_ENOSPC;
    if (!inet_ntop(sockaddr->family, sockaddr->ipaddr_ptr, buf,
                   (socklen_t)(buflen > 4096 ? 4096 : buflen)))
        return APR_ENOSPC;
#if APR_HAVE_IPV6
    if (sockaddr->family == AF_INET6
        && IN6_IS_ADDR_V4MAPPED((const struct in6_addr *)sockaddr->ipaddr_ptr)) {
        /* The IPv4 address it carries, without the "::ffff:" prefix. */
        apr_size_t n = strlen(buf);
        apr_size_t i;

        for (i = V4MAPPED_PREFIX_LEN; i <= n; i++)
            buf[i - V4MAPPED_PREFIX_LEN] = buf[i];
    }
    return append_zone(buf, buflen, sockaddr);
#else
    return APR_SUCCESS;
#endif
}

APR_DECLARE(apr_status_t) apr_sockaddr_ip_get(char **addr,
                                              apr_sockaddr_t *sockaddr)
{
    apr_size_t size = (apr_size_t)sockaddr->addr_str_len;

#if APR_HAVE_IPV6
    if (is_linklocal(sockaddr))
        size += IF_NAMESIZE;
#endif
    *addr = apr_palloc(sockaddr->pool, size);
    return apr_sockaddr_ip_getbuf(*addr, size, sockaddr);
}

APR_DECLARE(apr_status_t) apr_sockaddr_zone_set(apr_sockaddr_t *sa,
                                                const char *zone_id)
{
#if APR_HAVE_IPV6
    unsigned int idx;
    apr_int64_t n;
    char *end;

    if (!is_linklocal(sa))
        return APR_EBADIP;
    idx = if_nametoindex(zone_id);
    if (idx) {
        sa->sa.sin6.sin6_scope_id = idx;
        return APR_SUCCESS;
    }
    if (errno != ENODEV && errno != ENXIO)
        return errno;
    /* Not an interface name: a number, 1 to 32767 as APR takes it. */
    errno = 0;
    n = apr_strtoi64(zone_id, &end, 10);
    if (end == zone_id || *end != '\0' || errno || n < 1
        || n > APR_INT16_MAX)
        return APR_EGENERAL;
    sa->sa.sin6.sin6_scope_id = (apr_uint32_t)n;
    return APR_SUCCESS;
#else
    (void)sa;
    (void)zone_id;
    return APR_ENOTIMPL;
#endif
}

APR_DECLARE(apr_status_t) apr_sockaddr_zone_get(const apr_sockaddr_t *sa,
                                                const char **name,
                                                apr_uint32_t *id,
                                                apr_pool_t *p)
{
#if APR_HAVE_IPV6
    if (sa->family != AF_INET6 || !sa->sa.sin6.sin6_scope_id)
        return APR_EBADIP;
    if (name) {
        char *buf = apr_palloc(p, IF_NAMESIZE);

        if (if_indextoname(sa->sa.sin6.sin6_scope_id, buf) == NULL)
            return errno;
        *name = buf;
    }
    if (id)
        *id = sa->sa.sin6.sin6_scope_id;
    return APR_SUCCESS;
#else
    (void)sa;
    (void)name;
    (void)id;
    (void)p;
    return APR_ENOTIMPL;
#endif
}

/* ------------------------------------------------------------------ */
/* Reverse lookups and services                                       */

APR_DECLARE(apr_status_t) apr_getnameinfo(char **hostname,
                                          apr_sockaddr_t *sa,
                                          apr_int32_t flags)
{
    char host[NI_MAXHOST];
    const struct sockaddr *addr = (const struct sockaddr *)&sa->sa;
    socklen_t addrlen = sa->salen;
    struct sockaddr_in v4;
    int rc;

#if APR_HAVE_SOCKADDR_UN
    if (sa->family == APR_UNIX) {
        *hostname = sa->hostname;
        return APR_SUCCESS;
    }
#endif
#if APR_HAVE_IPV6
    if (sa->family == AF_INET6
        && IN6_IS_ADDR_V4MAPPED(&sa->sa.sin6.sin6_addr)) {
        /* Looked up as the IPv4 address (some resolvers get mapped
         * addresses wrong). */
        memset(&v4, 0, sizeof v4);
        v4.sin_family = AF_INET;
        memcpy(&v4.sin_addr, &sa->sa.sin6.sin6_addr.s6_addr[12], 4);
        addr = (const struct sockaddr *)&v4;
        addrlen = sizeof v4;
    }
#endif
    /* Default NI_NAMEREQD: a numeric string is not a host name. */
    rc = getnameinfo(addr, addrlen, host, sizeof host, NULL, 0,
                     flags ? flags : NI_NAMEREQD);
    if (rc != 0) {
        *hostname = NULL;
        if (rc == EAI_SYSTEM)
            return APR_OS_START_SYSERR + errno;
        return APR_OS_START_EAIERR + (rc < 0 ? -rc : rc);
    }
    *hostname = sa->hostname = apr_pstrdup(sa->pool, host);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_getservbyname(apr_sockaddr_t *sockaddr,
                                            const char *servname)
{
    struct servent se, *res = NULL;
    char buf[1024];

    if (servname == NULL)
        return APR_EINVAL;
    if (getservbyname_r(servname, NULL, &se, buf, sizeof buf, &res) != 0
        || res == NULL)
        return APR_ENOENT;
    sockaddr->port = ntohs((apr_uint16_t)res->s_port);
    sockaddr->servname = apr_pstrdup(sockaddr->pool, servname);
    sockaddr->sa.sin.sin_port = (in_port_t)res->s_port;
    return APR_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* Comparisons                                                        */

#if APR_HAVE_IPV6
/* a is IPv4, b the same address mapped into IPv6. */
static int v4mapped_equal(const apr_sockaddr_t *a, const apr_sockaddr_t *b)
{
    return a->family == AF_INET && b->family == AF_INET6
           && IN6_IS_ADDR_V4MAPPED((const struct in6_addr *)b->ipaddr_ptr)
           && memcmp(a->ipaddr_ptr, (const char *)b->ipaddr_ptr + 12, 4) == 0;
}
#endif

static apr_uint32_t scope_of(const apr_sockaddr_t *sa)
{
#if APR_HAVE_IPV6
    if (sa->family == AF_INET6)
        return sa->sa.sin6.sin6_scope_id;
#else
    (void)sa;
#endif
    return 0;
}

APR_DECLARE(int) apr_sockaddr_equal(const apr_sockaddr_t *addr1,
                                    const apr_sockaddr_t *addr2)
{
    if (addr1->ipaddr_len == addr2->ipaddr_len
        && memcmp(addr1->ipaddr_ptr, addr2->ipaddr_ptr,
                  (size_t)addr1->ipaddr_len) == 0
        && scope_of(addr1) == scope_of(addr2))
        return 1;
#if APR_HAVE_IPV6
    if (v4mapped_equal(addr1, addr2) || v4mapped_equal(addr2, addr1))
        return 1;
#endif
    return 0;
}

APR_DECLARE(int) apr_sockaddr_is_wildcard(const apr_sockaddr_t *addr)
{
    static const unsigned char zeros[16];

    if (addr->ipaddr_ptr == NULL || addr->ipaddr_len <= 0
        || addr->ipaddr_len > (int)sizeof zeros)
        return 0;
    if (memcmp(zeros, addr->ipaddr_ptr, (size_t)addr->ipaddr_len) == 0)
        return 1;
#if APR_HAVE_IPV6
    if (addr->family == AF_INET6
        && IN6_IS_ADDR_V4MAPPED((const struct in6_addr *)addr->ipaddr_ptr)
        && memcmp(zeros, (const char *)addr->ipaddr_ptr + 12, 4) == 0)
        return 1;
#endif
    return 0;
}

/* ------------------------------------------------------------------ */
/* A socket's addresses                                               */

static apr_status_t get_local_addr(apr_socket_t *sock)
{
    apr_sockaddr_t *la = sock->local_addr;

    la->salen = sizeof la->sa;
    if (getsockname(sock->socketdes, (struct sockaddr *)&la->sa, &la->salen)
        < 0)
        return errno;
    sock->local_port_unknown = sock->local_interface_unknown = 0;
    la->port = ntohs(la->sa.sin.sin_port);
    return APR_SUCCESS;
}

static apr_status_t get_remote_addr(apr_socket_t *sock)
{
    apr_sockaddr_t *ra = sock->remote_addr;

    ra->salen = sizeof ra->sa;
    if (getpeername(sock->socketdes, (struct sockaddr *)&ra->sa, &ra->salen)
        < 0)
        return errno;
    sock->remote_addr_unknown = 0;
    ra->port = ntohs(ra->sa.sin.sin_port);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_addr_get(apr_sockaddr_t **sa,
                                              apr_interface_e which,
                                              apr_socket_t *sock)
{
    apr_status_t rv;

    if (which == APR_LOCAL) {
        if (sock->local_interface_unknown || sock->local_port_unknown) {
            rv = get_local_addr(sock);
            if (rv != APR_SUCCESS)
                return rv;
        }
        *sa = sock->local_addr;
        return APR_SUCCESS;
    }
    if (which == APR_REMOTE) {
        if (sock->remote_addr_unknown) {
            rv = get_remote_addr(sock);
            if (rv != APR_SUCCESS)
                return rv;
        }
        *sa = sock->remote_addr;
        return APR_SUCCESS;
    }
    *sa = NULL;
    return APR_EINVAL;
}
