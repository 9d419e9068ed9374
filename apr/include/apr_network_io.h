/*
 * apr_network_io.h: sockets and socket addresses.
 *
 * For now this holds only the types and constants of APR 1.7 that other
 * headers and the %pI/%pA formats of apr_vformatter() need; the functions
 * (apr_socket_*, apr_sockaddr_*) arrive with the network_io module.
 */
#ifndef APR_NETWORK_IO_H
#define APR_NETWORK_IO_H

/**
 * @file apr_network_io.h
 * @brief APR Network library (types only, so far)
 */

#include "apr.h"
#include "apr_pools.h"
#include "apr_errno.h"

#if APR_HAVE_NETINET_IN_H
#include <netinet/in.h>
#endif
#if APR_HAVE_SYS_UN_H
#include <sys/un.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_network_io Network Routines
 * @ingroup APR
 * @{
 */

#ifndef APR_MAX_SECS_TO_LINGER
/** Seconds a closing socket lingers at most. */
#define APR_MAX_SECS_TO_LINGER 30
#endif

#ifndef APRMAXHOSTLEN
/** The longest host name APR handles. */
#define APRMAXHOSTLEN 256
#endif

#ifndef APR_ANYADDR
/** The IPv4 wildcard address. */
#define APR_ANYADDR "0.0.0.0"
#endif

#if !APR_HAVE_IN_ADDR
/** An IPv4 address, where the system has no struct in_addr. */
struct in_addr {
    /** The address, in network byte order */
    apr_uint32_t s_addr;
};
#endif

/** The "no address" value of inet_addr(). */
#ifdef INADDR_NONE
#define APR_INADDR_NONE INADDR_NONE
#else
#define APR_INADDR_NONE ((unsigned int)0xffffffff)
#endif

/** IPv4 address family. */
#define APR_INET AF_INET
/** Unspecified address family: let the resolver choose. */
#ifdef AF_UNSPEC
#define APR_UNSPEC AF_UNSPEC
#else
#define APR_UNSPEC 0
#endif
#if APR_HAVE_IPV6
/** IPv6 address family. */
#define APR_INET6 AF_INET6
#endif
/** Unix domain socket family. */
#if defined(AF_UNIX)
#define APR_UNIX AF_UNIX
#elif defined(AF_LOCAL)
#define APR_UNIX AF_LOCAL
#else
#define APR_UNIX 1234
#endif

/** A socket (opaque). */
typedef struct apr_socket_t apr_socket_t;
/** Headers and trailers for apr_socket_sendfile(). */
typedef struct apr_hdtr_t apr_hdtr_t;
/** An IPv4 address. */
typedef struct in_addr apr_in_addr_t;
/** An IP subnet (opaque). */
typedef struct apr_ipsubnet_t apr_ipsubnet_t;
/** A port number, in host byte order. */
typedef apr_uint16_t apr_port_t;

/** A socket address with its host name and service. */
typedef struct apr_sockaddr_t apr_sockaddr_t;

/** The members and their order are those of APR 1.7. */
struct apr_sockaddr_t {
    /** The pool the address lives in */
    apr_pool_t *pool;
    /** The host name it was looked up by, or NULL */
    char *hostname;
    /** The port as text or the service name, or NULL */
    char *servname;
    /** The port */
    apr_port_t port;
    /** The address family (APR_INET, APR_INET6, APR_UNIX) */
    apr_int32_t family;
    /** The size of the sockaddr in use */
    apr_socklen_t salen;
    /** The size of the address that ipaddr_ptr points to */
    int ipaddr_len;
    /** The buffer size the address needs as text (16 for IPv4, 46 for
     *  IPv6) */
    int addr_str_len;
    /** The address inside sa (sin_addr, sin6_addr or sun_path) */
    void *ipaddr_ptr;
    /** The next address found by a lookup, or NULL */
    apr_sockaddr_t *next;
    /** The system socket address */
    union {
        /** IPv4 */
        struct sockaddr_in sin;
#if APR_HAVE_IPV6
        /** IPv6 */
        struct sockaddr_in6 sin6;
#endif
#if APR_HAVE_SA_STORAGE
        /** Room for any family, so the size does not depend on IPv6 */
        struct sockaddr_storage sas;
#endif
#if APR_HAVE_SOCKADDR_UN
        /** Unix domain */
        struct sockaddr_un unx;
#endif
    } sa;
};

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_NETWORK_IO_H */
