/*
 * IP multicast: joining and leaving groups (also source-specific), hop
 * limit, loopback and the outgoing interface, for IPv4 and IPv6 sockets.
 */
#include "apr_arch_networkio.h"

#include <errno.h>
#include <net/if.h>
#include <string.h>
#if HAVE_GETIFADDRS
#include <ifaddrs.h>
#endif

/* The index of the interface that has the IPv6 address of iface; 0 (the
 * default interface) for NULL or when none has it. */
static unsigned int if_index_of(const apr_sockaddr_t *iface)
{
    unsigned int index = 0;
#if HAVE_GETIFADDRS && APR_HAVE_IPV6
    struct ifaddrs *ifs, *ifp;

    if (iface == NULL || iface->family != AF_INET6 || getifaddrs(&ifs) != 0)
        return 0;
    for (ifp = ifs; ifp; ifp = ifp->ifa_next) {
        const struct sockaddr_in6 *a = (const void *)ifp->ifa_addr;

        if (a && a->sin6_family == AF_INET6
            && memcmp(&a->sin6_addr, &iface->sa.sin6.sin6_addr,
                      sizeof a->sin6_addr) == 0) {
            index = if_nametoindex(ifp->ifa_name);
            break;
        }
    }
    freeifaddrs(ifs);
#else
    (void)iface;
#endif
    return index;
}

static int sock_family(const apr_socket_t *sock)
{
    return sock->local_addr->family;
}

static apr_status_t set_opt(apr_socket_t *sock, int level, int name,
                            const void *v, socklen_t len)
{
    return setsockopt(sock->socketdes, level, name, v, len) == -1
               ? errno : APR_SUCCESS;
}

#if defined(MCAST_JOIN_SOURCE_GROUP)
static apr_status_t source_group(apr_socket_t *sock, int join,
                                 apr_sockaddr_t *group,
                                 apr_sockaddr_t *iface,
                                 apr_sockaddr_t *source)
{
    struct group_source_req req;
    int level;

    if (sock_family(sock) == AF_INET)
        level = IPPROTO_IP;
#if APR_HAVE_IPV6
    else if (sock_family(sock) == AF_INET6)
        level = IPPROTO_IPV6;
#endif
    else
        return APR_ENOTIMPL;
    memset(&req, 0, sizeof req);
    req.gsr_interface = if_index_of(iface);
    /* Whole socket addresses (APR copies the bare IP address into the
     * sockaddr, which the kernel then misreads). */
    memcpy(&req.gsr_group, &group->sa, group->salen);
    memcpy(&req.gsr_source, &source->sa, source->salen);
    return set_opt(sock, level,
                   join ? MCAST_JOIN_SOURCE_GROUP : MCAST_LEAVE_SOURCE_GROUP,
                   &req, sizeof req);
}
#else
static apr_status_t source_group(apr_socket_t *sock, int join,
                                 apr_sockaddr_t *group,
                                 apr_sockaddr_t *iface,
                                 apr_sockaddr_t *source)
{
    (void)sock, (void)join, (void)group, (void)iface, (void)source;
    return APR_ENOTIMPL;
}
#endif

static apr_status_t do_mcast(int join, apr_socket_t *sock,
                             apr_sockaddr_t *group, apr_sockaddr_t *iface,
                             apr_sockaddr_t *source)
{
    if (source)
        return source_group(sock, join, group, iface, source);
    if (sock_family(sock) == AF_INET) {
        struct ip_mreq mreq;

        mreq.imr_multiaddr = group->sa.sin.sin_addr;
        mreq.imr_interface.s_addr =
            iface ? iface->sa.sin.sin_addr.s_addr : htonl(INADDR_ANY);
        return set_opt(sock, IPPROTO_IP,
                       join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, &mreq,
                       sizeof mreq);
    }
#if APR_HAVE_IPV6
    if (sock_family(sock) == AF_INET6) {
        struct ipv6_mreq mreq;

        memcpy(&mreq.ipv6mr_multiaddr, group->ipaddr_ptr,
               sizeof mreq.ipv6mr_multiaddr);
        mreq.ipv6mr_interface = if_index_of(iface);
        return set_opt(sock, IPPROTO_IPV6,
                       join ? IPV6_JOIN_GROUP : IPV6_LEAVE_GROUP, &mreq,
                       sizeof mreq);
    }
#endif
    return APR_ENOTIMPL;
}

APR_DECLARE(apr_status_t) apr_mcast_join(apr_socket_t *sock,
                                         apr_sockaddr_t *join,
                                         apr_sockaddr_t *iface,
                                         apr_sockaddr_t *source)
{
    return do_mcast(1, sock, join, iface, source);
}

APR_DECLARE(apr_status_t) apr_mcast_leave(apr_socket_t *sock,
                                          apr_sockaddr_t *addr,
                                          apr_sockaddr_t *iface,
                                          apr_sockaddr_t *source)
{
    return do_mcast(0, sock, addr, iface, source);
}

/* IPv4 takes a byte for these options, IPv6 an int. */
static apr_status_t byte_opt(apr_socket_t *sock, int v4name, int v6name,
                             apr_byte_t value)
{
    if (sock_family(sock) == AF_INET)
        return set_opt(sock, IPPROTO_IP, v4name, &value, sizeof value);
#if APR_HAVE_IPV6
    if (sock_family(sock) == AF_INET6) {
        int v = value;

        return set_opt(sock, IPPROTO_IPV6, v6name, &v, sizeof v);
    }
#else
    (void)v6name;
#endif
    return APR_ENOTIMPL;
}

APR_DECLARE(apr_status_t) apr_mcast_hops(apr_socket_t *sock, apr_byte_t ttl)
{
    return byte_opt(sock, IP_MULTICAST_TTL, IPV6_MULTICAST_HOPS, ttl);
}

APR_DECLARE(apr_status_t) apr_mcast_loopback(apr_socket_t *sock,
                                             apr_byte_t opt)
{
    return byte_opt(sock, IP_MULTICAST_LOOP, IPV6_MULTICAST_LOOP, opt);
}

APR_DECLARE(apr_status_t) apr_mcast_interface(apr_socket_t *sock,
                                              apr_sockaddr_t *iface)
{
    if (sock_family(sock) == AF_INET)
        return set_opt(sock, IPPROTO_IP, IP_MULTICAST_IF,
                       &iface->sa.sin.sin_addr, sizeof iface->sa.sin.sin_addr);
#if APR_HAVE_IPV6
    if (sock_family(sock) == AF_INET6) {
        unsigned int idx = if_index_of(iface);

        return set_opt(sock, IPPROTO_IPV6, IPV6_MULTICAST_IF, &idx,
                       sizeof idx);
    }
#endif
    return APR_ENOTIMPL;
}
