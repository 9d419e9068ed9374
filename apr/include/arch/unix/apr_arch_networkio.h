/*
 * The unix apr_socket_t, shared by network_io/unix/ (which owns it),
 * poll/ and the portable conversions. Not installed.
 *
 * Owner: network_io. Other modules read socketdes, timeout and pool only.
 */
#ifndef APR_ARCH_NETWORKIO_H
#define APR_ARCH_NETWORKIO_H

#include "apr.h"
#include "apr_private_config.h"
#include "apr_network_io.h"
#include "apr_errno.h"
#include "apr_general.h"
#include "apr_lib.h"

#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <netdb.h>

typedef struct apr__sock_userdata_t apr__sock_userdata_t;

/* One apr_socket_data_set() entry; a list, newest first. */
struct apr__sock_userdata_t {
    apr__sock_userdata_t *next;
    const char *key;
    void *data;
};

struct apr_socket_t {
    apr_pool_t *pool;
    int socketdes;
    int type;
    int protocol;
    apr_sockaddr_t *local_addr;
    apr_sockaddr_t *remote_addr;
    apr_interval_time_t timeout;  /* < 0 blocks, 0 never waits */
    int local_port_unknown;       /* the kernel chose the port */
    int local_interface_unknown;  /* bound to the wildcard (or not at all) */
    int remote_addr_unknown;      /* accepted/put: peer not asked yet */
    apr_int32_t options;          /* APR_SO_* / APR_TCP_* set on it */
    apr_int32_t inherit;          /* APR_INHERIT when inherit_set */
    apr__sock_userdata_t *userdata;
    int bound;                    /* a Unix socket bound to a path */
};

/* The option bits are a cache of what was set through APR: reading them
 * costs no system call (the hot paths test APR_SO_NONBLOCK and the
 * APR_INCOMPLETE_* bits on every call). */
static inline int apr__is_option_set(const apr_socket_t *sock,
                                     apr_int32_t option)
{
    return (sock->options & option) == option;
}

static inline void apr__set_option(apr_socket_t *sock, apr_int32_t option,
                                   int on)
{
    if (on)
        sock->options |= option;
    else
        sock->options &= ~option;
}

/* Set family, port (when non-zero), salen, ipaddr_ptr, ipaddr_len and
 * addr_str_len of an address whose sa is filled in (sockaddr.c). */
void apr__sockaddr_vars_set(apr_sockaddr_t *addr, int family,
                            apr_port_t port);

/* Make the descriptor blocking or not (sockopt.c); the option bit is the
 * caller's business. */
apr_status_t apr__sock_set_nonblock(int fd, int on);

/* Whether an address is all zeros over its ipaddr_len: the wildcard, or an
 * address not filled in (sockaddr.c). */
int apr__sockaddr_is_unspecified(const apr_sockaddr_t *sa);

#endif /* APR_ARCH_NETWORKIO_H */
