/**
 * @file os_reuseport.h
 * @brief SO_REUSEPORT for the listener buckets (private to httpd): APR
 *        has no socket option for it.
 */
#ifndef AP_OS_REUSEPORT_H
#define AP_OS_REUSEPORT_H

#include "apr_pools.h"
#include "apr_network_io.h"

/**
 * Whether this system spreads the connections of one address between
 * several sockets bound to it with SO_REUSEPORT (Linux 3.9 and later:
 * elsewhere the option exists but one socket takes every connection,
 * which would starve the other buckets). Probes with a scratch socket
 * from @a p.
 * @return 1 when it does, 0 otherwise.
 */
int ap__os_reuseport_supported(apr_pool_t *p);

/**
 * Set SO_REUSEPORT on @a s, before it is bound.
 * @return APR_SUCCESS, APR_ENOTIMPL where unsupported, or the errno.
 */
apr_status_t ap__os_reuseport(apr_socket_t *s);

#endif /* AP_OS_REUSEPORT_H */
