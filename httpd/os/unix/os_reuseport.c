/*
 * os_reuseport.c: SO_REUSEPORT, which APR does not offer, for the
 * listener buckets of ListenCoresBucketsRatio (server/listen_buckets.c).
 */
#include <errno.h>
#include <sys/types.h>
#include <sys/socket.h>

#include "apr_portable.h"

#include "os_reuseport.h"

/* Only Linux balances connections between the sockets of a reuseport
 * group; the BSDs hand them all to the last one bound. */
#if defined(__linux__) && defined(SO_REUSEPORT)
#define HAVE_BALANCED_REUSEPORT 1
#else
#define HAVE_BALANCED_REUSEPORT 0
#endif

apr_status_t ap__os_reuseport(apr_socket_t *s)
{
#if HAVE_BALANCED_REUSEPORT
    apr_os_sock_t fd;
    int on = 1;
    apr_status_t rv = apr_os_sock_get(&fd, s);

    if (rv != APR_SUCCESS) {
        return rv;
    }
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof(on)) != 0) {
        return APR_FROM_OS_ERROR(errno);
    }
    return APR_SUCCESS;
#else
    (void)s;
    return APR_ENOTIMPL;
#endif
}

int ap__os_reuseport_supported(apr_pool_t *p)
{
    apr_socket_t *s;
    apr_status_t rv;

    /* A kernel older than 3.9 knows the constant but refuses it. */
    if (apr_socket_create(&s, APR_INET, SOCK_STREAM, APR_PROTO_TCP, p)
        != APR_SUCCESS) {
        return 0;
    }
    rv = ap__os_reuseport(s);
    apr_socket_close(s);
    return rv == APR_SUCCESS;
}
