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

struct apr_socket_t {
    apr_pool_t *pool;
    int socketdes;
    int type;
    int protocol;
    apr_sockaddr_t *local_addr;
    apr_sockaddr_t *remote_addr;
    apr_interval_time_t timeout;  /* < 0 blocks, 0 never waits */
    int local_port_unknown;
    int local_interface_unknown;
    int remote_addr_unknown;
    apr_int32_t options;          /* APR_SO_* / APR_TCP_* set on it */
    apr_int32_t inherit;
    apr__sock_userdata_t *userdata;
};

#endif /* APR_ARCH_NETWORKIO_H */
