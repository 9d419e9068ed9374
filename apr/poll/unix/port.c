/*
 * The event-port provider of pollsets and pollcbs (Solaris, illumos),
 * the default there. Built only where the system has port_create().
 *
 * An association fires once and is then dissociated by the kernel, so
 * every delivered descriptor is associated again after its event is
 * collected, and membership is kept here (by descriptor), not asked of
 * the kernel. The user pointer is NULL for the wakeup pipe, else the
 * member's pollfd (the caller's for NOCOPY pollsets and pollcbs, our
 * copy otherwise).
 */
#include "apr_arch_poll_private.h"

#include <errno.h>
#include <fcntl.h>
#include <port.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct member_t {
    struct member_t *next;  /* on the free or dead list */
    int fd;                 /* -1 once removed */
    apr_pollfd_t *pfd;      /* &copy, or the caller's */
    apr_pollfd_t copy;
} member_t;

typedef struct port_state_t {
    int port;
    int wakeup_fd;
    unsigned maxev;
    port_event_t *events;
    apr_pollfd_t *result;
    member_t **by_fd;
    apr_size_t by_fd_len;
    member_t *free_list, *dead_list;
} port_state_t;

static void free_list(member_t *m)
{
    while (m) {
        member_t *next = m->next;
        free(m);
        m = next;
    }
}

static void state_free(port_state_t *st)
{
    apr_size_t i;

    if (st->port >= 0)
        close(st->port);
    for (i = 0; i < st->by_fd_len; i++)
        free(st->by_fd[i]);
    free(st->by_fd);
    free_list(st->free_list);
    free_list(st->dead_list);
    free(st->events);
    free(st->result);
    free(st);
}

static apr_status_t associate(port_state_t *st, int fd, apr_int16_t ev,
                              void *user)
{
    if (port_associate(st->port, PORT_SOURCE_FD, (uintptr_t)fd,
                       apr__poll_to_os(ev), user) == 0)
        return APR_SUCCESS;
    return errno;
}

static apr_status_t state_create(port_state_t **out, apr_uint32_t size,
                                 int wakeup_fd, int results)
{
    port_state_t *st = calloc(1, sizeof *st);
    apr_status_t rv = APR_ENOMEM;

    if (!st)
        return APR_ENOMEM;
    st->maxev = (size ? size : 1) + 1;
    st->wakeup_fd = wakeup_fd;
    st->port = port_create();
    if (st->port < 0) {
        rv = errno;
        goto fail;
    }
    fcntl(st->port, F_SETFD, FD_CLOEXEC);
    st->events = calloc(st->maxev, sizeof *st->events);
    if (results)
        st->result = calloc(st->maxev, sizeof *st->result);
    if (!st->events || (results && !st->result))
        goto fail;
    if (wakeup_fd >= 0 && (rv = associate(st, wakeup_fd, APR_POLLIN, NULL)))
        goto fail;
    *out = st;
    return APR_SUCCESS;
fail:
    state_free(st);
    return rv;
}

static apr_status_t grow_index(port_state_t *st, int fd)
{
    apr_size_t len = st->by_fd_len ? st->by_fd_len : 64;
    member_t **n;

    while (len <= (apr_size_t)fd)
        len *= 2;
    n = realloc(st->by_fd, len * sizeof *n);
    if (!n)
        return APR_ENOMEM;
    memset(n + st->by_fd_len, 0, (len - st->by_fd_len) * sizeof *n);
    st->by_fd = n;
    st->by_fd_len = len;
    return APR_SUCCESS;
}

static apr_status_t member_add(port_state_t *st, apr_pollfd_t *pfd, int copy)
{
    int fd = apr__pollfd_os(pfd);
    member_t *m;
    apr_status_t rv;

    if (fd < 0)
        return APR_EBADF;
    if ((apr_size_t)fd >= st->by_fd_len
        && (rv = grow_index(st, fd)) != APR_SUCCESS)
        return rv;
    if (st->by_fd[fd])
        return APR_EEXIST;
    m = st->free_list;
    if (m)
        st->free_list = m->next;
    else if (!(m = malloc(sizeof *m)))
        return APR_ENOMEM;
    m->fd = fd;
    if (copy) {
        m->copy = *pfd;
        m->pfd = &m->copy;
    }
    else {
        m->pfd = pfd;
    }
    rv = associate(st, fd, pfd->reqevents, m);
    if (rv != APR_SUCCESS) {
        m->next = st->free_list;
        st->free_list = m;
        return rv;
    }
    st->by_fd[fd] = m;
    return APR_SUCCESS;
}

static apr_status_t member_remove(port_state_t *st, int fd, int deferred)
{
    member_t *m = (fd >= 0 && (apr_size_t)fd < st->by_fd_len) ? st->by_fd[fd]
                                                             : NULL;

    if (!m)
        return APR_NOTFOUND;
    /* Fails harmlessly when the event already fired (dissociated). */
    port_dissociate(st->port, PORT_SOURCE_FD, (uintptr_t)fd);
    st->by_fd[fd] = NULL;
    m->fd = -1;
    if (deferred) {
        m->next = st->dead_list;
        st->dead_list = m;
    }
    else {
        m->next = st->free_list;
        st->free_list = m;
    }
    return APR_SUCCESS;
}

/* Wait; returns the number of events, 0 on timeout, -1 on error. */
static int port_wait(port_state_t *st, apr_interval_time_t timeout)
{
    struct timespec ts, *tsp = NULL;
    uint_t nget = 1;

    if (timeout >= 0) {
        ts.tv_sec = (time_t)apr_time_sec(timeout);
        ts.tv_nsec = (long)apr_time_usec(timeout) * 1000;
        tsp = &ts;
    }
    if (port_getn(st->port, st->events, st->maxev, &nget, tsp) == -1) {
        if (errno == ETIME && nget == 0)
            return 0;
        if (errno != ETIME)
            return -1;
    }
    return (int)nget;
}

/* Undo the kernel's one-shot dissociation of a delivered event. */
static void rearm(port_state_t *st, const port_event_t *ev)
{
    member_t *m = ev->portev_user;

    if (!m)
        associate(st, st->wakeup_fd, APR_POLLIN, NULL);
    else if (m->fd >= 0)
        associate(st, m->fd, m->pfd->reqevents, m);
}

/* ------------------------------------------------------------------ */
/* Pollset                                                             */

static apr_status_t ps_create(apr_pollset_t *ps, apr_uint32_t size)
{
    port_state_t *st;
    apr_status_t rv = state_create(&st, size, ps->wakeup.fd[0], 1);

    if (rv == APR_SUCCESS)
        ps->priv = st;
    return rv;
}

static void ps_cleanup(apr_pollset_t *ps)
{
    state_free(ps->priv);
    ps->priv = NULL;
}

static apr_status_t ps_add(apr_pollset_t *ps, const apr_pollfd_t *pfd)
{
    apr_status_t rv;

    if (ps->lock)
        apr_thread_mutex_lock(ps->lock);
    rv = member_add(ps->priv, (apr_pollfd_t *)pfd,
                    !(ps->flags & APR_POLLSET_NOCOPY));
    if (ps->lock)
        apr_thread_mutex_unlock(ps->lock);
    return rv;
}

static apr_status_t ps_remove(apr_pollset_t *ps, const apr_pollfd_t *pfd)
{
    apr_status_t rv;

    if (ps->lock)
        apr_thread_mutex_lock(ps->lock);
    rv = member_remove(ps->priv, apr__pollfd_os(pfd), ps->lock != NULL);
    if (ps->lock)
        apr_thread_mutex_unlock(ps->lock);
    return rv;
}

static apr_status_t ps_poll(apr_pollset_t *ps, apr_interval_time_t timeout,
                            apr_int32_t *num, const apr_pollfd_t **out)
{
    port_state_t *st = ps->priv;
    int n, i, j = 0;

    if (ps->lock) {
        member_t *m;
        apr_thread_mutex_lock(ps->lock);
        while ((m = st->dead_list)) {
            st->dead_list = m->next;
            m->next = st->free_list;
            st->free_list = m;
        }
        apr_thread_mutex_unlock(ps->lock);
    }
    n = port_wait(st, timeout);
    if (n < 0)
        return errno;
    if (n == 0)
        return APR_TIMEUP;
    if (ps->lock)
        apr_thread_mutex_lock(ps->lock);
    for (i = 0; i < n; i++) {
        member_t *m = st->events[i].portev_user;

        if (!m)
            apr__wakeup_drain(&ps->wakeup);
        else if (m->fd >= 0) {
            st->result[j] = *m->pfd;
            st->result[j].rtnevents =
                apr__poll_from_os((short)st->events[i].portev_events);
            j++;
        }
        rearm(st, &st->events[i]);
    }
    if (ps->lock)
        apr_thread_mutex_unlock(ps->lock);
    *num = j;
    if (j == 0)
        return APR_EINTR;
    *out = st->result;
    return APR_SUCCESS;
}

const apr__pollset_provider_t apr__pollset_port = {
    ps_create, ps_add, ps_remove, ps_poll, ps_cleanup, "port"
};

/* ------------------------------------------------------------------ */
/* Pollcb                                                              */

static apr_status_t cb_create(apr_pollcb_t *pc, apr_uint32_t size)
{
    port_state_t *st;
    apr_status_t rv = state_create(&st, size, pc->wakeup.fd[0], 0);

    if (rv == APR_SUCCESS)
        pc->priv = st;
    return rv;
}

static void cb_cleanup(apr_pollcb_t *pc)
{
    state_free(pc->priv);
    pc->priv = NULL;
}

static apr_status_t cb_add(apr_pollcb_t *pc, apr_pollfd_t *pfd)
{
    return member_add(pc->priv, pfd, 0);
}

static apr_status_t cb_remove(apr_pollcb_t *pc, apr_pollfd_t *pfd)
{
    /* Deferred: the callback loop may still hold the member. */
    return member_remove(pc->priv, apr__pollfd_os(pfd), 1);
}

static apr_status_t cb_poll(apr_pollcb_t *pc, apr_interval_time_t timeout,
                            apr_pollcb_cb_t func, void *baton)
{
    port_state_t *st = pc->priv;
    apr_status_t rv = APR_SUCCESS;
    member_t *m;
    int n, i, woken = 0;

    while ((m = st->dead_list)) {
        st->dead_list = m->next;
        m->next = st->free_list;
        st->free_list = m;
    }
    n = port_wait(st, timeout);
    if (n < 0)
        return errno;
    if (n == 0)
        return APR_TIMEUP;
    /* Re-arm everything first: a callback may remove members, and an
     * early return must not leave a descriptor dissociated. */
    for (i = 0; i < n; i++)
        rearm(st, &st->events[i]);
    for (i = 0; i < n && rv == APR_SUCCESS; i++) {
        m = st->events[i].portev_user;
        if (!m) {
            apr__wakeup_drain(&pc->wakeup);
            woken = 1;
        }
        else if (m->fd >= 0) {
            m->pfd->rtnevents =
                apr__poll_from_os((short)st->events[i].portev_events);
            rv = func(baton, m->pfd);
        }
    }
    if (rv != APR_SUCCESS)
        return rv;
    return woken ? APR_EINTR : APR_SUCCESS;
}

const apr__pollcb_provider_t apr__pollcb_port = {
    cb_create, cb_add, cb_remove, cb_poll, cb_cleanup, "port"
};
