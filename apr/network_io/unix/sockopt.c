/*
 * Socket options and timeouts, atmark/atreadeof, apr_gethostname.
 *
 * The options set through APR are cached in sock->options, so that
 * apr_socket_opt_get() and the send/receive paths never ask the system.
 */
#include "apr_arch_networkio.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

apr_status_t apr__sock_set_nonblock(int fd, int on)
{
    int fl = fcntl(fd, F_GETFL, 0);

    if (fl == -1)
        return errno;
    fl = on ? (fl | O_NONBLOCK) : (fl & ~O_NONBLOCK);
    return fcntl(fd, F_SETFL, fl) == -1 ? errno : APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_timeout_set(apr_socket_t *sock,
                                                 apr_interval_time_t t)
{
    apr_status_t rv;

    /* Waiting is done with poll() on a non-blocking descriptor, so any
     * t >= 0 needs O_NONBLOCK; only going back to t < 0 clears it. The
     * descriptor is touched only when that changes. */
    if (t >= 0 && sock->timeout < 0
        && !apr__is_option_set(sock, APR_SO_NONBLOCK)) {
        rv = apr__sock_set_nonblock(sock->socketdes, 1);
        if (rv != APR_SUCCESS)
            return rv;
        apr__set_option(sock, APR_SO_NONBLOCK, 1);
    }
    else if (t < 0 && sock->timeout >= 0
             && apr__is_option_set(sock, APR_SO_NONBLOCK)) {
        rv = apr__sock_set_nonblock(sock->socketdes, 0);
        if (rv != APR_SUCCESS)
            return rv;
        apr__set_option(sock, APR_SO_NONBLOCK, 0);
    }
    /* Without a positive timeout there is no waiting before a read. */
    if (t <= 0)
        sock->options &= ~APR_INCOMPLETE_READ;
    sock->timeout = t;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_timeout_get(apr_socket_t *sock,
                                                 apr_interval_time_t *t)
{
    *t = sock->timeout;
    return APR_SUCCESS;
}

static apr_status_t set_int(apr_socket_t *sock, int level, int name, int v)
{
    if (setsockopt(sock->socketdes, level, name, &v, sizeof v) == -1)
        return errno;
    return APR_SUCCESS;
}

/* A boolean option: setsockopt() only when the cached bit changes. */
static apr_status_t set_flag(apr_socket_t *sock, apr_int32_t opt,
                             int level, int name, apr_int32_t on)
{
    apr_status_t rv;

    if (on == apr__is_option_set(sock, opt))
        return APR_SUCCESS;
    rv = set_int(sock, level, name, on ? 1 : 0);
    if (rv == APR_SUCCESS)
        apr__set_option(sock, opt, on);
    return rv;
}

static int nodelay_level(const apr_socket_t *sock, int *name)
{
#if APR_HAVE_SCTP
    if (sock->protocol == IPPROTO_SCTP) {
        *name = SCTP_NODELAY;
        return IPPROTO_SCTP;
    }
#else
    (void)sock;
#endif
    *name = TCP_NODELAY;
    return IPPROTO_TCP;
}

static apr_status_t set_linger(apr_socket_t *sock, apr_int32_t on)
{
    struct linger li;

    if (on == apr__is_option_set(sock, APR_SO_LINGER))
        return APR_SUCCESS;
    li.l_onoff = on ? 1 : 0;
    li.l_linger = APR_MAX_SECS_TO_LINGER;
    if (setsockopt(sock->socketdes, SOL_SOCKET, SO_LINGER, &li, sizeof li)
        == -1)
        return errno;
    apr__set_option(sock, APR_SO_LINGER, on);
    return APR_SUCCESS;
}

static apr_status_t set_nonblock_opt(apr_socket_t *sock, apr_int32_t on)
{
    apr_status_t rv;

    if (on == apr__is_option_set(sock, APR_SO_NONBLOCK))
        return APR_SUCCESS;
    rv = apr__sock_set_nonblock(sock->socketdes, on != 0);
    if (rv == APR_SUCCESS)
        apr__set_option(sock, APR_SO_NONBLOCK, on);
    return rv;
}

/* Cork. Linux lets TCP_CORK and TCP_NODELAY be on together (the cork
 * wins while it is on), which is what APR on Linux relies on: APR_TCP_NODELAY
 * is left as it is and APR_RESET_NODELAY is never set. */
static apr_status_t set_nopush(apr_socket_t *sock, apr_int32_t on)
{
#if APR_HAVE_CORKABLE_TCP
    apr_status_t rv;

    if (on == apr__is_option_set(sock, APR_TCP_NOPUSH))
        return APR_SUCCESS;
    rv = set_int(sock, IPPROTO_TCP, APR_TCP_NOPUSH_FLAG, on ? 1 : 0);
    if (rv == APR_SUCCESS)
        apr__set_option(sock, APR_TCP_NOPUSH, on);
    return rv;
#else
    (void)sock;
    (void)on;
    return APR_ENOTIMPL;
#endif
}

static apr_status_t set_v6only(apr_socket_t *sock, apr_int32_t on)
{
#if APR_HAVE_IPV6 && defined(IPV6_V6ONLY)
    /* The system default is unknown, so the cache cannot skip the call. */
    apr_status_t rv = set_int(sock, IPPROTO_IPV6, IPV6_V6ONLY, on ? 1 : 0);

    if (rv == APR_SUCCESS)
        apr__set_option(sock, APR_IPV6_V6ONLY, on);
    return rv;
#else
    (void)sock;
    (void)on;
    return APR_ENOTIMPL;
#endif
}

static apr_status_t set_freebind(apr_socket_t *sock, apr_int32_t on)
{
#if defined(IP_FREEBIND)
    apr_status_t rv = set_int(sock, IPPROTO_IP, IP_FREEBIND, on ? 1 : 0);

    if (rv == APR_SUCCESS)
        apr__set_option(sock, APR_SO_FREEBIND, on);
    return rv;
#else
    (void)sock;
    (void)on;
    return APR_ENOTIMPL;
#endif
}

static apr_status_t set_defer_accept(apr_socket_t *sock, apr_int32_t on)
{
#if defined(TCP_DEFER_ACCEPT)
    apr_status_t rv;

    if (on == apr__is_option_set(sock, APR_TCP_DEFER_ACCEPT))
        return APR_SUCCESS;
    /* The value is the number of seconds to wait for data. */
    rv = set_int(sock, IPPROTO_TCP, TCP_DEFER_ACCEPT, on);
    if (rv == APR_SUCCESS)
        apr__set_option(sock, APR_TCP_DEFER_ACCEPT, on);
    return rv;
#else
    (void)sock;
    (void)on;
    return APR_ENOTIMPL;
#endif
}

APR_DECLARE(apr_status_t) apr_socket_opt_set(apr_socket_t *sock,
                                             apr_int32_t opt, apr_int32_t on)
{
    int name, level;

    switch (opt) {
    case APR_SO_KEEPALIVE:
        return set_flag(sock, opt, SOL_SOCKET, SO_KEEPALIVE, on);
    case APR_SO_DEBUG:
        return set_flag(sock, opt, SOL_SOCKET, SO_DEBUG, on);
    case APR_SO_BROADCAST:
        return set_flag(sock, opt, SOL_SOCKET, SO_BROADCAST, on);
    case APR_SO_REUSEADDR:
        return set_flag(sock, opt, SOL_SOCKET, SO_REUSEADDR, on);
    case APR_SO_SNDBUF:
        /* A size, not a flag: not cached (opt_get reads 0, as in APR). */
        return set_int(sock, SOL_SOCKET, SO_SNDBUF, on);
    case APR_SO_RCVBUF:
        return set_int(sock, SOL_SOCKET, SO_RCVBUF, on);
    case APR_SO_NONBLOCK:
        return set_nonblock_opt(sock, on);
    case APR_SO_LINGER:
        return set_linger(sock, on);
    case APR_TCP_DEFER_ACCEPT:
        return set_defer_accept(sock, on);
    case APR_TCP_NODELAY:
        level = nodelay_level(sock, &name);
        return set_flag(sock, opt, level, name, on);
    case APR_TCP_NOPUSH:
        return set_nopush(sock, on);
    case APR_INCOMPLETE_READ:
        apr__set_option(sock, APR_INCOMPLETE_READ, on);
        return APR_SUCCESS;
    case APR_IPV6_V6ONLY:
        return set_v6only(sock, on);
    case APR_SO_FREEBIND:
        return set_freebind(sock, on);
    default:
        return APR_EINVAL;
    }
}

APR_DECLARE(apr_status_t) apr_socket_opt_get(apr_socket_t *sock,
                                             apr_int32_t opt, apr_int32_t *on)
{
    *on = apr__is_option_set(sock, opt);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_atmark(apr_socket_t *sock, int *atmark)
{
    int mark;

    if (ioctl(sock->socketdes, SIOCATMARK, &mark) < 0)
        return errno;
    *atmark = mark != 0;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_atreadeof(apr_socket_t *sock,
                                               int *atreadeof)
{
    struct pollfd pfd;
    apr_sockaddr_t unused;
    apr_size_t len = 1;
    apr_status_t rv;
    char c;
    int n;

    pfd.fd = sock->socketdes;
    pfd.events = POLLIN;
    do {
        pfd.revents = 0;
        n = poll(&pfd, 1, 0);
    } while (n == -1 && errno == EINTR);
    if (n == -1)
        return errno;
    if (n == 0) {
        /* Nothing to read: a read would block, so not at EOF. */
        *atreadeof = 0;
        return APR_SUCCESS;
    }
    if (!(pfd.revents & (POLLIN | POLLHUP | POLLERR)))
        return APR_EGENERAL;
    /* Readable: peek at one byte without taking it. */
    rv = apr_socket_recvfrom(&unused, sock, MSG_PEEK, &c, &len);
    if (rv == APR_EOF) {
        *atreadeof = 1;
        return APR_SUCCESS;
    }
    if (rv != APR_SUCCESS)
        return rv;
    *atreadeof = 0;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_gethostname(char *buf, int len,
                                          apr_pool_t *cont)
{
    (void)cont;
    if (gethostname(buf, (size_t)len) != 0) {
        buf[0] = '\0';
        return errno;
    }
    if (!memchr(buf, '\0', (size_t)len)) {
        /* Truncated without a terminator (some systems do not fail). */
        buf[0] = '\0';
        return APR_ENAMETOOLONG;
    }
    return APR_SUCCESS;
}
