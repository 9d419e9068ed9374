/*
 * Sockets: creation, bind/listen/accept/connect, closing, and the small
 * accessors (type, protocol, user data, inheritance, permissions, the
 * native descriptor).
 */
#include "apr_arch_networkio.h"
#include "apr_arch_waitio.h"
#include "apr_portable.h"
#include "apr_strings.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* The pool cleanup: unlink a bound Unix socket's path, then close. The
 * descriptor is -1 before close() so that apr_os_sock_get() never hands
 * out one that is closed. */
static apr_status_t socket_cleanup(void *data)
{
    apr_socket_t *sock = data;
    int sd = sock->socketdes;

    if (sock->bound && sock->local_addr->family == APR_UNIX)
        unlink(sock->local_addr->hostname);
    sock->socketdes = -1;
    if (close(sd) == 0)
        return APR_SUCCESS;
    sock->socketdes = sd;
    return errno;
}

/* In a child process (before exec) the socket is closed but its path,
 * which belongs to the parent, stays. */
static apr_status_t socket_child_cleanup(void *data)
{
    apr_socket_t *sock = data;

    if (close(sock->socketdes) == -1)
        return errno;
    sock->socketdes = -1;
    return APR_SUCCESS;
}

static apr_socket_t *alloc_socket(apr_pool_t *p)
{
    apr_socket_t *sock = apr_pcalloc(p, sizeof *sock);

    sock->pool = p;
    sock->socketdes = -1;
    sock->local_addr = apr_pcalloc(p, sizeof(apr_sockaddr_t));
    sock->local_addr->pool = p;
    sock->remote_addr = apr_pcalloc(p, sizeof(apr_sockaddr_t));
    sock->remote_addr->pool = p;
    sock->timeout = -1;
    return sock;
}

static void set_socket_vars(apr_socket_t *sock, int family, int type,
                            int protocol)
{
    sock->type = type;
    sock->protocol = protocol;
    apr__sockaddr_vars_set(sock->local_addr, family, 0);
    apr__sockaddr_vars_set(sock->remote_addr, family, 0);
    sock->options = 0;
}

static int open_socket(int family, int type, int protocol)
{
#ifdef SOCK_CLOEXEC
    return socket(family, type | SOCK_CLOEXEC, protocol);
#else
    int fd = socket(family, type, protocol);

    if (fd >= 0)
        fcntl(fd, F_SETFD, FD_CLOEXEC);
    return fd;
#endif
}

APR_DECLARE(apr_status_t) apr_socket_create(apr_socket_t **new_sock,
                                            int family, int type,
                                            int protocol, apr_pool_t *cont)
{
    int fam = family, sysproto = protocol;
    apr_socket_t *sock;

    if (fam == APR_UNSPEC)
        fam = APR_HAVE_IPV6 ? AF_INET6 : AF_INET;
    if (fam == APR_UNIX)
        sysproto = 0;
    sock = alloc_socket(cont);
    sock->socketdes = open_socket(fam, type, sysproto);
    if (sock->socketdes < 0 && family == APR_UNSPEC && fam != AF_INET) {
        fam = AF_INET;
        sock->socketdes = open_socket(fam, type, sysproto);
    }
    if (sock->socketdes < 0)
        return errno;
    /* The protocol asked for is what apr_socket_protocol_get() reports. */
    set_socket_vars(sock, fam, type, protocol);
    *new_sock = sock;
    apr_pool_cleanup_register(sock->pool, sock, socket_cleanup,
                              socket_child_cleanup);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_shutdown(apr_socket_t *thesocket,
                                              apr_shutdown_how_e how)
{
    int sys_how = how == APR_SHUTDOWN_READ    ? SHUT_RD
                  : how == APR_SHUTDOWN_WRITE ? SHUT_WR
                                              : SHUT_RDWR;

    return shutdown(thesocket->socketdes, sys_how) == -1 ? errno
                                                         : APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_close(apr_socket_t *thesocket)
{
    return apr_pool_cleanup_run(thesocket->pool, thesocket, socket_cleanup);
}

APR_DECLARE(apr_status_t) apr_socket_bind(apr_socket_t *sock,
                                          apr_sockaddr_t *sa)
{
    if (bind(sock->socketdes, (struct sockaddr *)&sa->sa, sa->salen) == -1)
        return errno;
    sock->local_addr = sa;
    if (sa->family == APR_UNIX) {
        sock->bound = 1;
        sock->local_port_unknown = 1;
    }
    else if (sa->sa.sin.sin_port == 0) {
        /* sin_port and sin6_port share their offset. */
        sock->local_port_unknown = 1;
    }
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_listen(apr_socket_t *sock,
                                            apr_int32_t backlog)
{
    return listen(sock->socketdes, backlog < 0 ? 0 : backlog) == -1
               ? errno : APR_SUCCESS;
}

static int accept_fd(apr_socket_t *sock, apr_sockaddr_t *peer)
{
    peer->salen = sizeof peer->sa;
#if HAVE_ACCEPT4
    {
        int flags = SOCK_CLOEXEC;

        /* Where accept() would pass O_NONBLOCK on, accept4() does not. */
        if (APR_O_NONBLOCK_INHERITED
            && apr__is_option_set(sock, APR_SO_NONBLOCK))
            flags |= SOCK_NONBLOCK;
        return accept4(sock->socketdes, (struct sockaddr *)&peer->sa,
                       &peer->salen, flags);
    }
#else
    {
        int fd = accept(sock->socketdes, (struct sockaddr *)&peer->sa,
                        &peer->salen);

        if (fd >= 0)
            fcntl(fd, F_SETFD, FD_CLOEXEC);
        return fd;
    }
#endif
}

/* The accepted socket's local address starts as a copy of the listener's;
 * when the listener is bound to the wildcard the interface is unknown. */
static void accepted_addresses(apr_socket_t *new_sock, apr_socket_t *sock,
                               const apr_sockaddr_t *peer)
{
    apr_sockaddr_t *local = new_sock->local_addr;
    int family = sock->local_addr->family;

    new_sock->remote_addr->sa = peer->sa;
    new_sock->remote_addr->salen = peer->salen;

    *local = *sock->local_addr;
    local->pool = new_sock->pool;
    local->next = NULL;
    apr__sockaddr_vars_set(local, family, local->port);
    if (family == APR_UNIX) {
        /* The peer of a path socket is known by the listener's path. */
        *new_sock->remote_addr = *local;
    }
    else {
        new_sock->remote_addr->port = ntohs(peer->sa.sin.sin_port);
    }
    new_sock->local_port_unknown = sock->local_port_unknown;
    if (sock->local_interface_unknown || apr__sockaddr_is_unspecified(local))
        new_sock->local_interface_unknown = 1;
}

APR_DECLARE(apr_status_t) apr_socket_accept(apr_socket_t **new_sock,
                                            apr_socket_t *sock,
                                            apr_pool_t *connection_pool)
{
    apr_sockaddr_t peer;
    apr_socket_t *ns;
    int fd;

    /* EINTR is returned, not retried: servers rely on it to notice
     * signals while they wait in accept. */
    fd = accept_fd(sock, &peer);
    if (fd == -1)
        return errno;

    ns = alloc_socket(connection_pool);
    /* A dual-stack listener may hand out an IPv4 connection: the family is
     * the peer's. */
    set_socket_vars(ns, peer.sa.sin.sin_family, SOCK_STREAM, sock->protocol);
    ns->socketdes = fd;
    accepted_addresses(ns, sock, &peer);

    if (APR_TCP_NODELAY_INHERITED && apr__is_option_set(sock, APR_TCP_NODELAY))
        apr__set_option(ns, APR_TCP_NODELAY, 1);
    if (APR_O_NONBLOCK_INHERITED && apr__is_option_set(sock, APR_SO_NONBLOCK))
        apr__set_option(ns, APR_SO_NONBLOCK, 1);

    *new_sock = ns;
    apr_pool_cleanup_register(ns->pool, ns, socket_cleanup,
                              socket_child_cleanup);
    return APR_SUCCESS;
}

/* A connect() in progress: wait until the socket is writable, then ask
 * it how the connection went. */
static apr_status_t finish_connect(apr_socket_t *sock)
{
    int error = 0;
    socklen_t len = sizeof error;
    apr_status_t rv = apr__wait_for_io(sock->socketdes, sock->timeout, 0);

    if (rv != APR_SUCCESS)
        return rv;
    if (getsockopt(sock->socketdes, SOL_SOCKET, SO_ERROR, &error, &len) < 0)
        return errno;
    return error;
}

APR_DECLARE(apr_status_t) apr_socket_connect(apr_socket_t *sock,
                                             apr_sockaddr_t *sa)
{
    apr_status_t rv = APR_SUCCESS;
    int rc;

    do {
        rc = connect(sock->socketdes, (const struct sockaddr *)&sa->sa,
                     sa->salen);
    } while (rc == -1 && errno == EINTR);
    if (rc == -1) {
        rv = errno == EISCONN ? APR_SUCCESS : errno;
        if ((rv == EINPROGRESS || rv == EALREADY) && sock->timeout > 0) {
            rv = finish_connect(sock);
            if (rv != APR_SUCCESS)
                return rv;
        }
    }

    /* As in APR, the addresses are noted even when the connection is
     * still in progress (timeout 0) or failed. */
    if (!apr__sockaddr_is_unspecified(sa)) {
        /* A real peer address: no need to ask getpeername() later. */
        sock->remote_addr_unknown = 0;
        sock->remote_addr->sa = sa->sa;
        sock->remote_addr->salen = sa->salen;
        apr__sockaddr_vars_set(sock->remote_addr, sa->family, sa->port);
    }
    if (sa->family == APR_UNIX) {
        /* APR reports the path connected to as the local address too (by
         * copy here: APR shares the caller's apr_sockaddr_t, which a later
         * apr_socket_addr_get() then overwrites). */
        *sock->local_addr = *sa;
        sock->local_addr->pool = sock->pool;
        sock->local_addr->next = NULL;
        apr__sockaddr_vars_set(sock->local_addr, APR_UNIX, 0);
    }
    if (sock->local_addr->port == 0)
        sock->local_port_unknown = 1;
    if (apr__sockaddr_is_unspecified(sock->local_addr))
        sock->local_interface_unknown = 1;
    return rv;
}

APR_DECLARE(apr_status_t) apr_socket_type_get(apr_socket_t *sock, int *type)
{
    *type = sock->type;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_protocol_get(apr_socket_t *sock,
                                                  int *protocol)
{
    *protocol = sock->protocol;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_data_get(void **data, const char *key,
                                              apr_socket_t *sock)
{
    apr__sock_userdata_t *cur;

    *data = NULL;
    for (cur = sock->userdata; cur; cur = cur->next) {
        if (strcmp(cur->key, key) == 0) {
            *data = cur->data;
            break;
        }
    }
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_data_set(apr_socket_t *sock, void *data,
                                              const char *key,
                                              apr_status_t (*cleanup)(void *))
{
    apr__sock_userdata_t *ud = apr_palloc(sock->pool, sizeof *ud);

    ud->key = apr_pstrdup(sock->pool, key);
    ud->data = data;
    ud->next = sock->userdata;
    sock->userdata = ud;
    if (cleanup)
        apr_pool_cleanup_register(sock->pool, data, cleanup, cleanup);
    return APR_SUCCESS;
}

APR_POOL_IMPLEMENT_ACCESSOR(socket)

static apr_status_t set_cloexec(int fd, int on)
{
    int fl = fcntl(fd, F_GETFD);

    if (fl == -1)
        return errno;
    fl = on ? (fl | FD_CLOEXEC) : (fl & ~FD_CLOEXEC);
    return fcntl(fd, F_SETFD, fl) == -1 ? errno : APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_inherit_set(apr_socket_t *thesocket)
{
    apr_status_t rv;

    if (thesocket->inherit)
        return APR_SUCCESS;
    rv = set_cloexec(thesocket->socketdes, 0);
    if (rv != APR_SUCCESS)
        return rv;
    thesocket->inherit = 1;
    apr_pool_child_cleanup_set(thesocket->pool, thesocket, socket_cleanup,
                               apr_pool_cleanup_null);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_inherit_unset(apr_socket_t *thesocket)
{
    apr_status_t rv;

    if (!thesocket->inherit)
        return APR_SUCCESS;
    rv = set_cloexec(thesocket->socketdes, 1);
    if (rv != APR_SUCCESS)
        return rv;
    thesocket->inherit = 0;
    apr_pool_child_cleanup_set(thesocket->pool, thesocket, socket_cleanup,
                               socket_child_cleanup);
    return APR_SUCCESS;
}

/* As APR does: the owner of the socket's descriptor (fchown), the group
 * only with APR_FPROT_GSETID; sockets of other families: APR_EINVAL. */
APR_PERMS_SET_IMPLEMENT(socket)
{
    apr_socket_t *sock = thesocket;

    if (sock->local_addr->family != APR_UNIX)
        return APR_EINVAL;
    if (!(perms & APR_FPROT_GSETID))
        gid = (apr_gid_t)-1;
    return fchown(sock->socketdes, uid, gid) == -1 ? errno : APR_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* Native descriptors (apr_portable.h)                                */

APR_DECLARE(apr_status_t) apr_os_sock_get(apr_os_sock_t *thesock,
                                          apr_socket_t *sock)
{
    *thesock = sock->socketdes;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_os_sock_make(apr_socket_t **apr_sock,
                                           apr_os_sock_info_t *os_sock_info,
                                           apr_pool_t *cont)
{
    apr_socket_t *sock = alloc_socket(cont);

    set_socket_vars(sock, os_sock_info->family, os_sock_info->type,
                    os_sock_info->protocol);
    sock->socketdes = *os_sock_info->os_sock;
    if (os_sock_info->local) {
        memcpy(&sock->local_addr->sa, os_sock_info->local,
               sock->local_addr->salen);
        sock->local_addr->port = ntohs(sock->local_addr->sa.sin.sin_port);
    }
    else {
        sock->local_port_unknown = sock->local_interface_unknown = 1;
    }
    if (os_sock_info->remote) {
        memcpy(&sock->remote_addr->sa, os_sock_info->remote,
               sock->remote_addr->salen);
        sock->remote_addr->port = ntohs(sock->remote_addr->sa.sin.sin_port);
    }
    else {
        sock->remote_addr_unknown = 1;
    }
    *apr_sock = sock;
    apr_pool_cleanup_register(sock->pool, sock, socket_cleanup,
                              socket_child_cleanup);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_os_sock_put(apr_socket_t **sock,
                                          apr_os_sock_t *thesock,
                                          apr_pool_t *cont)
{
    /* No cleanup: the caller still owns the descriptor. */
    if (*sock == NULL) {
        *sock = alloc_socket(cont);
        set_socket_vars(*sock, APR_INET, SOCK_STREAM, 0);
    }
    (*sock)->local_port_unknown = (*sock)->local_interface_unknown = 1;
    (*sock)->remote_addr_unknown = 1;
    (*sock)->socketdes = *thesock;
    return APR_SUCCESS;
}
