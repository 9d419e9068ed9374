/*
 * apr_network_io.h: sockets and socket addresses.
 *
 * An apr_socket_t belongs to the pool it was created (or accepted) in: the
 * pool's cleanup closes it, and a Unix-domain socket that was bound is
 * unlinked then. Descriptors are created close-on-exec (see
 * apr_socket_inherit_set()). An apr_sockaddr_t lives in the pool given to
 * the call that made it; functions that need memory for it (host names,
 * address text) take it from that pool.
 *
 * Blocking: a new socket blocks (timeout < 0). apr_socket_timeout_set()
 * with 0 makes every call return APR_EAGAIN instead of waiting; with a
 * positive value, calls wait at most that long and return APR_TIMEUP.
 */
#ifndef APR_NETWORK_IO_H
#define APR_NETWORK_IO_H

/**
 * @file apr_network_io.h
 * @brief APR Network library
 */

#include "apr.h"
#include "apr_pools.h"
#include "apr_file_io.h"
#include "apr_errno.h"
#include "apr_inherit.h"
#include "apr_perms_set.h"

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
/** Seconds a closing socket lingers at most (APR_SO_LINGER). */
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

/**
 * @defgroup apr_sockopt Socket options
 * Bits for apr_socket_opt_set() and apr_socket_opt_get().
 * @{
 */
#define APR_SO_LINGER        1    /**< Linger on close while data is unsent */
#define APR_SO_KEEPALIVE     2    /**< Send TCP keep-alive probes */
#define APR_SO_DEBUG         4    /**< SO_DEBUG */
#define APR_SO_NONBLOCK      8    /**< The descriptor is non-blocking */
#define APR_SO_REUSEADDR     16   /**< Allow bind() to reuse a local address */
#define APR_SO_SNDBUF        64   /**< Send buffer size (set only) */
#define APR_SO_RCVBUF        128  /**< Receive buffer size (set only) */
#define APR_SO_DISCONNECTED  256  /**< Disconnected (Windows only) */
#define APR_TCP_NODELAY      512  /**< Disable Nagle (SCTP_NODELAY for SCTP) */
#define APR_TCP_NOPUSH       1024 /**< Cork: send only full segments */
#define APR_RESET_NODELAY    2048 /**< Internal: APR_TCP_NODELAY goes back
                                   *   on when APR_TCP_NOPUSH is cleared */
#define APR_INCOMPLETE_READ  4096 /**< The last read with a timeout did not
                                   *   fill the buffer: the next one waits
                                   *   for data before reading */
#define APR_INCOMPLETE_WRITE 8192 /**< The same for writes */
#define APR_IPV6_V6ONLY      16384 /**< An IPv6 socket takes no IPv4 traffic */
#define APR_TCP_DEFER_ACCEPT 32768 /**< accept() only once data has arrived */
#define APR_SO_BROADCAST     65536 /**< Allow sending to broadcast addresses */
#define APR_SO_FREEBIND      131072 /**< Allow binding to an address that no
                                     *   interface has (yet) */
/** @} */

/** What apr_socket_shutdown() stops. */
typedef enum {
    APR_SHUTDOWN_READ,          /**< receiving */
    APR_SHUTDOWN_WRITE,         /**< sending */
    APR_SHUTDOWN_READWRITE      /**< both */
} apr_shutdown_how_e;

/** apr_sockaddr_info_get(): look up IPv4 first, IPv6 only if that fails. */
#define APR_IPV4_ADDR_OK  0x01
/** apr_sockaddr_info_get(): look up IPv6 first, IPv4 only if that fails. */
#define APR_IPV6_ADDR_OK  0x02

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

/**
 * @defgroup IP_Proto Protocols for apr_socket_create()
 * @{
 */
#define APR_PROTO_TCP       6   /**< TCP */
#define APR_PROTO_UDP      17   /**< UDP */
#define APR_PROTO_SCTP    132   /**< SCTP */
/** @} */

/** Which end of a connection apr_socket_addr_get() reports. */
typedef enum {
    APR_LOCAL,   /**< our end */
    APR_REMOTE   /**< the peer's end */
} apr_interface_e;

#if APR_HAVE_INET_ADDR
/** inet_addr(), or the nearest the system has. */
#define apr_inet_addr inet_addr
#elif APR_HAVE_INET_NETWORK
/** inet_network(): not quite inet_addr(), the only one there is. */
#define apr_inet_addr inet_network
#endif

/** A socket (opaque). */
typedef struct apr_socket_t apr_socket_t;
/** Headers and trailers for apr_socket_sendfile(). */
typedef struct apr_hdtr_t apr_hdtr_t;
/** An IPv4 address. */
typedef struct in_addr apr_in_addr_t;
/** An IP subnet (opaque), made by apr_ipsubnet_create(). */
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

#if APR_HAS_SENDFILE
/** apr_socket_sendfile() flag: reuse the socket after the send (Windows;
 *  accepted and ignored elsewhere). */
#define APR_SENDFILE_DISCONNECT_SOCKET 1
#endif

/** What apr_socket_sendfile() sends before and after the file. */
struct apr_hdtr_t {
    /** Sent before the file */
    struct iovec *headers;
    /** Number of entries in headers */
    int numheaders;
    /** Sent after the file */
    struct iovec *trailers;
    /** Number of entries in trailers */
    int numtrailers;
};

/* ------------------------------------------------------------------ */
/* Sockets                                                            */

/**
 * Create a socket of @a family (APR_INET, APR_INET6, APR_UNIX, or
 * APR_UNSPEC: IPv6 where the system can, else IPv4), @a type (SOCK_STREAM,
 * SOCK_DGRAM) and @a protocol (APR_PROTO_TCP, APR_PROTO_UDP, 0), in blocking
 * mode and close-on-exec. The pool's cleanup closes it; the pool must not be
 * used by other threads while the socket is in use.
 */
APR_DECLARE(apr_status_t) apr_socket_create(apr_socket_t **new_sock,
                                            int family, int type,
                                            int protocol, apr_pool_t *cont);

/**
 * Stop receiving, sending or both (shutdown(2)); the descriptor stays open.
 */
APR_DECLARE(apr_status_t) apr_socket_shutdown(apr_socket_t *thesocket,
                                              apr_shutdown_how_e how);

/** Close the socket now (and unlink the path of a bound Unix socket). */
APR_DECLARE(apr_status_t) apr_socket_close(apr_socket_t *thesocket);

/**
 * Bind the socket to @a sa, which becomes the socket's local address
 * (kept by reference). With port 0 the kernel picks one;
 * apr_socket_addr_get(APR_LOCAL) reports it.
 */
APR_DECLARE(apr_status_t) apr_socket_bind(apr_socket_t *sock,
                                          apr_sockaddr_t *sa);

/** Listen for connections, with @a backlog pending ones at most. */
APR_DECLARE(apr_status_t) apr_socket_listen(apr_socket_t *sock,
                                            apr_int32_t backlog);

/**
 * Accept a connection on the listening socket @a sock. The new socket is
 * allocated in @a connection_pool, blocks (timeout -1) and keeps the
 * options the system passes on (APR_TCP_NODELAY_INHERITED,
 * APR_O_NONBLOCK_INHERITED). With a timeout on @a sock this returns
 * APR_EAGAIN when no connection is pending.
 */
APR_DECLARE(apr_status_t) apr_socket_accept(apr_socket_t **new_sock,
                                            apr_socket_t *sock,
                                            apr_pool_t *connection_pool);

/**
 * Connect to @a sa. With a positive timeout, waits that long for the
 * connection (APR_TIMEUP); with timeout 0, returns APR_EINPROGRESS at once.
 */
APR_DECLARE(apr_status_t) apr_socket_connect(apr_socket_t *sock,
                                             apr_sockaddr_t *sa);

/**
 * Whether the peer closed its end and nothing is left to read: sets
 * *atreadeof to non-zero when the next read would return APR_EOF. Never
 * waits. On error *atreadeof is left alone.
 */
APR_DECLARE(apr_status_t) apr_socket_atreadeof(apr_socket_t *sock,
                                               int *atreadeof);

/* ------------------------------------------------------------------ */
/* Socket addresses                                                   */

/**
 * Look up @a hostname (a name or a numeric address; NULL for the wildcard
 * address; an absolute path for APR_UNIX, which an APR_UNSPEC lookup of a
 * path starting with '/' also chooses) and build a list of addresses with
 * @a port, in @a p. @a flags: APR_IPV4_ADDR_OK or APR_IPV6_ADDR_OK look up
 * that family first and the other only if it finds nothing (only with
 * APR_UNSPEC and a host name; not both: APR_EINVAL). Resolver errors are
 * APR_OS_START_EAIERR + the EAI_ code.
 */
APR_DECLARE(apr_status_t) apr_sockaddr_info_get(apr_sockaddr_t **sa,
                                                const char *hostname,
                                                apr_int32_t family,
                                                apr_port_t port,
                                                apr_int32_t flags,
                                                apr_pool_t *p);

/** Copy the address list @a src (with its strings) into @a p. */
APR_DECLARE(apr_status_t) apr_sockaddr_info_copy(apr_sockaddr_t **dst,
                                                 const apr_sockaddr_t *src,
                                                 apr_pool_t *p);

/**
 * Set the zone (scope id) of an IPv6 link-local address, by interface name
 * ("eth0") or number ("3"). APR_EBADIP if @a sa is not IPv6 link-local.
 */
APR_DECLARE(apr_status_t) apr_sockaddr_zone_set(apr_sockaddr_t *sa,
                                                const char *zone_id);

/**
 * Get the zone of an IPv6 address: its interface name (allocated in @a p)
 * into *name and its number into *id, each if not NULL. APR_EBADIP if @a sa
 * is not IPv6 or has no zone; nothing is written on error.
 */
APR_DECLARE(apr_status_t) apr_sockaddr_zone_get(const apr_sockaddr_t *sa,
                                                const char **name,
                                                apr_uint32_t *id,
                                                apr_pool_t *p);

/**
 * Reverse-resolve @a sa into *hostname (also stored in sa->hostname).
 * @a flags are getnameinfo()'s NI_* flags; 0 means NI_NAMEREQD, so a name
 * that cannot be found is an error, not a numeric string.
 */
APR_DECLARE(apr_status_t) apr_getnameinfo(char **hostname,
                                          apr_sockaddr_t *sa,
                                          apr_int32_t flags);

/**
 * Split "host", "host:port", "port", "[v6addr]", "[v6addr]:port" or
 * "[v6addr%scope]:port" into its parts, allocated in @a p. Parts that are
 * absent come back as NULL (*addr, *scope_id) or 0 (*port). APR_EINVAL for
 * an empty string, a port outside 1..65535, a string starting with ':', or
 * a bracketed part that is not an IPv6 address; nothing else is checked.
 */
APR_DECLARE(apr_status_t) apr_parse_addr_port(char **addr,
                                              char **scope_id,
                                              apr_port_t *port,
                                              const char *str,
                                              apr_pool_t *p);

/**
 * The name of this machine into @a buf of @a len bytes (APRMAXHOSTLEN + 1
 * is enough). An error, with buf empty, if it does not fit.
 */
APR_DECLARE(apr_status_t) apr_gethostname(char *buf, int len,
                                          apr_pool_t *cont);

/** The data set under @a key by apr_socket_data_set(), or NULL. */
APR_DECLARE(apr_status_t) apr_socket_data_get(void **data, const char *key,
                                              apr_socket_t *sock);

/**
 * Attach @a data to the socket under @a key (copied); @a cleanup, if not
 * NULL, runs on @a data when the socket's pool is cleared.
 */
APR_DECLARE(apr_status_t) apr_socket_data_set(apr_socket_t *sock, void *data,
                                              const char *key,
                                              apr_status_t (*cleanup)(void *));

/* ------------------------------------------------------------------ */
/* Sending and receiving                                              */

/**
 * Send up to *len bytes; *len becomes the number sent, which may be less
 * (partial sends happen with timeouts and non-blocking sockets). Blocks
 * unless a timeout is set (APR_TIMEUP) or the socket is non-blocking
 * (APR_EAGAIN). Never returns APR_EINTR.
 */
APR_DECLARE(apr_status_t) apr_socket_send(apr_socket_t *sock,
                                          const char *buf, apr_size_t *len);

/** apr_socket_send() of @a nvec buffers at once (writev(2)). */
APR_DECLARE(apr_status_t) apr_socket_sendv(apr_socket_t *sock,
                                           const struct iovec *vec,
                                           apr_int32_t nvec, apr_size_t *len);

/** Send a datagram of *len bytes to @a where; *len becomes the count sent. */
APR_DECLARE(apr_status_t) apr_socket_sendto(apr_socket_t *sock,
                                            apr_sockaddr_t *where,
                                            apr_int32_t flags,
                                            const char *buf, apr_size_t *len);

/**
 * Receive up to *len bytes and the sender's address (into @a from, whose
 * pool is not used); *len becomes the count received. A stream socket at
 * end of file returns APR_EOF.
 */
APR_DECLARE(apr_status_t) apr_socket_recvfrom(apr_sockaddr_t *from,
                                              apr_socket_t *sock,
                                              apr_int32_t flags, char *buf,
                                              apr_size_t *len);

#if APR_HAS_SENDFILE
/**
 * Send the headers of @a hdtr (may be NULL), *len bytes of @a file from
 * *offset (which is not changed), then the trailers. *len becomes the total
 * number of bytes sent, headers and trailers included; on a non-blocking
 * socket or with a timeout, that may be a partial count with APR_SUCCESS.
 * APR_EOF if the file ended before *len bytes. @a flags:
 * APR_SENDFILE_DISCONNECT_SOCKET or 0.
 */
APR_DECLARE(apr_status_t) apr_socket_sendfile(apr_socket_t *sock,
                                              apr_file_t *file,
                                              apr_hdtr_t *hdtr,
                                              apr_off_t *offset,
                                              apr_size_t *len,
                                              apr_int32_t flags);
#endif

/**
 * Receive up to *len bytes; *len becomes the count received. At end of
 * file: APR_EOF with *len 0. Blocks unless a timeout is set (APR_TIMEUP) or
 * the socket is non-blocking (APR_EAGAIN). Never returns APR_EINTR.
 */
APR_DECLARE(apr_status_t) apr_socket_recv(apr_socket_t *sock, char *buf,
                                          apr_size_t *len);

/* ------------------------------------------------------------------ */
/* Options                                                            */

/**
 * Set option @a opt (one APR_SO_* / APR_TCP_* / APR_IPV6_V6ONLY bit) to
 * @a on. APR_SO_SNDBUF and APR_SO_RCVBUF take a size in @a on. Setting
 * APR_SO_NONBLOCK changes the descriptor, not the timeout. APR_ENOTIMPL
 * where the system lacks the option, APR_EINVAL for an unknown one.
 */
APR_DECLARE(apr_status_t) apr_socket_opt_set(apr_socket_t *sock,
                                             apr_int32_t opt, apr_int32_t on);

/**
 * Set the timeout: t > 0 waits at most t microseconds (APR_TIMEUP), t == 0
 * never waits (APR_EAGAIN), t < 0 blocks. Any t >= 0 makes the descriptor
 * non-blocking (APR_SO_NONBLOCK), t < 0 makes it blocking again.
 */
APR_DECLARE(apr_status_t) apr_socket_timeout_set(apr_socket_t *sock,
                                                 apr_interval_time_t t);

/**
 * Whether option @a opt is on, as far as APR knows it: the value set
 * through APR (or inherited on accept), never asked of the system, so
 * APR_SO_SNDBUF/APR_SO_RCVBUF read 0.
 */
APR_DECLARE(apr_status_t) apr_socket_opt_get(apr_socket_t *sock,
                                             apr_int32_t opt, apr_int32_t *on);

/** The socket's timeout (see apr_socket_timeout_set()). */
APR_DECLARE(apr_status_t) apr_socket_timeout_get(apr_socket_t *sock,
                                                 apr_interval_time_t *t);

/** Whether the socket is at the out-of-band (urgent) data mark. */
APR_DECLARE(apr_status_t) apr_socket_atmark(apr_socket_t *sock,
                                            int *atmark);

/**
 * The socket's local or remote address. It belongs to the socket (and is
 * the apr_sockaddr_t given to apr_socket_bind() for a bound socket); what
 * APR does not know yet (a kernel-chosen port or interface, an accepted
 * peer) is asked of the system once.
 */
APR_DECLARE(apr_status_t) apr_socket_addr_get(apr_sockaddr_t **sa,
                                              apr_interface_e which,
                                              apr_socket_t *sock);

/**
 * The address as text ("127.0.0.1", "::1", "fe80::1%eth0"; an IPv4-mapped
 * IPv6 address as IPv4; a Unix socket's path), allocated in sa's pool.
 */
APR_DECLARE(apr_status_t) apr_sockaddr_ip_get(char **addr,
                                              apr_sockaddr_t *sockaddr);

/** apr_sockaddr_ip_get() into @a buf of @a buflen bytes (APR_ENOSPC). */
APR_DECLARE(apr_status_t) apr_sockaddr_ip_getbuf(char *buf, apr_size_t buflen,
                                                 apr_sockaddr_t *sockaddr);

/**
 * Non-zero if the two addresses are the same IP address (ports are not
 * compared); an IPv4 address equals its IPv4-mapped IPv6 form.
 */
APR_DECLARE(int) apr_sockaddr_equal(const apr_sockaddr_t *addr1,
                                    const apr_sockaddr_t *addr2);

/**
 * Non-zero if the address is set and is its family's wildcard (0.0.0.0,
 * ::, or ::ffff:0.0.0.0).
 */
APR_DECLARE(int) apr_sockaddr_is_wildcard(const apr_sockaddr_t *addr);

/** The socket's type (SOCK_STREAM, SOCK_DGRAM, ...). */
APR_DECLARE(apr_status_t) apr_socket_type_get(apr_socket_t *sock, int *type);

/**
 * Set the port of @a sockaddr from the service @a servname ("http");
 * APR_ENOENT if the system does not know it, APR_EINVAL for NULL.
 */
APR_DECLARE(apr_status_t) apr_getservbyname(apr_sockaddr_t *sockaddr,
                                            const char *servname);

/**
 * Build a subnet from an address ("10.1.2.3", "fe80::", or with no mask
 * also a network prefix such as "10.1") and an optional mask: a bit count
 * ("24") or an IPv4 netmask ("255.255.0.0"). APR_EINVAL if @a ipstr does
 * not look like an address at all (so the caller may try it as a host
 * name), APR_EBADIP if it is a bad address, APR_EBADMASK for a bad mask.
 */
APR_DECLARE(apr_status_t) apr_ipsubnet_create(apr_ipsubnet_t **ipsub,
                                              const char *ipstr,
                                              const char *mask_or_numbits,
                                              apr_pool_t *p);

/**
 * Non-zero if the address of @a sa is inside the subnet (an IPv4-mapped
 * IPv6 address is tested as IPv4).
 */
APR_DECLARE(int) apr_ipsubnet_test(apr_ipsubnet_t *ipsub, apr_sockaddr_t *sa);

#if APR_HAS_SO_ACCEPTFILTER
/**
 * Set the accept filter @a name with @a args on a listening socket
 * (SO_ACCEPTFILTER, BSD). Not const for compatibility with APR 1.x.
 */
apr_status_t apr_socket_accept_filter(apr_socket_t *sock, char *name,
                                      char *args);
#endif

/** The socket's protocol (APR_PROTO_TCP, ...), as given at creation. */
APR_DECLARE(apr_status_t) apr_socket_protocol_get(apr_socket_t *sock,
                                                  int *protocol);

/** The pool the socket belongs to. */
APR_POOL_DECLARE_ACCESSOR(socket);

/** Let child processes inherit the socket (clears close-on-exec). */
APR_DECLARE_INHERIT_SET(socket);

/** Undo apr_socket_inherit_set(). */
APR_DECLARE_INHERIT_UNSET(socket);

/**
 * Set the owner of a Unix-domain socket (fchown of its descriptor, as APR
 * does: the file a bound socket made is not changed) to @a uid, and the
 * group to @a gid only if @a perms has APR_FPROT_GSETID. APR_EINVAL for
 * sockets of other families.
 */
APR_PERMS_SET_IMPLEMENT(socket);

/**
 * @defgroup apr_mcast IP Multicast
 * @{
 */

/**
 * Join the multicast group @a join on interface @a iface (NULL: the
 * system's default), receiving only from @a source if not NULL
 * (source-specific multicast).
 */
APR_DECLARE(apr_status_t) apr_mcast_join(apr_socket_t *sock,
                                         apr_sockaddr_t *join,
                                         apr_sockaddr_t *iface,
                                         apr_sockaddr_t *source);

/** Leave a group joined with apr_mcast_join() (same arguments). */
APR_DECLARE(apr_status_t) apr_mcast_leave(apr_socket_t *sock,
                                          apr_sockaddr_t *addr,
                                          apr_sockaddr_t *iface,
                                          apr_sockaddr_t *source);

/**
 * Set the time to live (hop limit) of outgoing multicast packets, 0..255
 * (default 1; 0 keeps them on this host).
 */
APR_DECLARE(apr_status_t) apr_mcast_hops(apr_socket_t *sock,
                                         apr_byte_t ttl);

/** Whether this host receives its own multicast packets (1) or not (0). */
APR_DECLARE(apr_status_t) apr_mcast_loopback(apr_socket_t *sock,
                                             apr_byte_t opt);

/** The interface that outgoing multicast packets leave by. */
APR_DECLARE(apr_status_t) apr_mcast_interface(apr_socket_t *sock,
                                              apr_sockaddr_t *iface);

/** @} */

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_NETWORK_IO_H */
