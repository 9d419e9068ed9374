/*
 * The epoll provider of pollsets and pollcbs (Linux), the default there.
 *
 * The kernel keeps the interest set, so add and remove are one
 * epoll_ctl each. Each registration's data.ptr is NULL for the wakeup
 * pipe, the caller's pollfd (NOCOPY pollsets, pollcbs) or an element
 * holding our copy. Elements are recycled through a free list; a
 * THREADSAFE set parks removed ones on a dead list until the next poll,
 * since a poll running meanwhile may already hold their address. The
 * event and result arrays are allocated once: a poll allocates nothing.
 */
#include "apr_arch_poll_private.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

typedef struct elem_t {
    struct elem_t *next;    /* on the free or dead list */
    int fd;                 /* -1 once removed */
    apr_pollfd_t pfd;
} elem_t;

typedef struct epoll_state_t {
    int epfd;
    int maxev;
    struct epoll_event *events;
    apr_pollfd_t *result;
    elem_t **by_fd;         /* copies: OS descriptor -> element */
    apr_size_t by_fd_len;
    elem_t *free_list, *dead_list;
} epoll_state_t;

static apr_uint32_t to_epoll(apr_int16_t ev)
{
    apr_uint32_t r = 0;

    if (ev & APR_POLLIN)
        r |= EPOLLIN;
    if (ev & APR_POLLPRI)
        r |= EPOLLPRI;
    if (ev & APR_POLLOUT)
        r |= EPOLLOUT;
    return r;
}

static apr_int16_t from_epoll(apr_uint32_t ev)
{
    apr_int16_t r = 0;

    if (ev & EPOLLIN)
        r |= APR_POLLIN;
    if (ev & EPOLLPRI)
        r |= APR_POLLPRI;
    if (ev & EPOLLOUT)
        r |= APR_POLLOUT;
    if (ev & EPOLLERR)
        r |= APR_POLLERR;
    if (ev & EPOLLHUP)
        r |= APR_POLLHUP;
    return r;
}

static void free_list(elem_t *e)
{
    while (e) {
        elem_t *next = e->next;
        free(e);
        e = next;
    }
}

static void state_free(epoll_state_t *st)
{
    apr_size_t i;

    if (st->epfd >= 0)
        close(st->epfd);
    for (i = 0; i < st->by_fd_len; i++)
        free(st->by_fd[i]);
    free(st->by_fd);
    free_list(st->free_list);
    free_list(st->dead_list);
    free(st->events);
    free(st->result);
    free(st);
}

/* The epoll instance, its event array and (for pollsets) results; the
 * wakeup pipe, when there is one, registered with data.ptr NULL. */
static apr_status_t state_create(epoll_state_t **out, apr_uint32_t size,
                                 int wakeup_fd, int results)
{
    epoll_state_t *st = calloc(1, sizeof *st);
    apr_status_t rv = APR_ENOMEM;

    if (!st)
        return APR_ENOMEM;
    st->maxev = (int)(size ? size : 1) + (wakeup_fd >= 0);
    st->epfd = epoll_create1(EPOLL_CLOEXEC);
    if (st->epfd < 0) {
        rv = errno;
        goto fail;
    }
    st->events = calloc((apr_size_t)st->maxev, sizeof *st->events);
    if (results)
        st->result = calloc((apr_size_t)st->maxev, sizeof *st->result);
    if (!st->events || (results && !st->result))
        goto fail;
    if (wakeup_fd >= 0) {
        struct epoll_event ev = { .events = EPOLLIN, .data.ptr = NULL };
        if (epoll_ctl(st->epfd, EPOLL_CTL_ADD, wakeup_fd, &ev) != 0) {
            rv = errno;
            goto fail;
        }
    }
    *out = st;
    return APR_SUCCESS;
fail:
    state_free(st);
    return rv;
}

static apr_status_t ctl(epoll_state_t *st, int op, int fd, apr_int16_t reqev,
                        void *ptr)
{
    struct epoll_event ev = { .events = to_epoll(reqev), .data.ptr = ptr };

    if (epoll_ctl(st->epfd, op, fd, &ev) == 0)
        return APR_SUCCESS;
    if (op == EPOLL_CTL_DEL && errno == ENOENT)
        return APR_NOTFOUND;
    return errno;
}

/* ------------------------------------------------------------------ */
/* Pollset                                                             */

static apr_status_t ps_create(apr_pollset_t *ps, apr_uint32_t size)
{
    epoll_state_t *st;
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

/* Make by_fd cover descriptor fd. */
static apr_status_t grow_index(epoll_state_t *st, int fd)
{
    apr_size_t len = st->by_fd_len ? st->by_fd_len : 64;
    elem_t **n;

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

/* Add a copy of pfd; the caller holds the lock of a THREADSAFE set. */
static apr_status_t add_copy(epoll_state_t *st, const apr_pollfd_t *pfd,
                             int fd)
{
    elem_t *e;
    apr_status_t rv;

    if ((apr_size_t)fd >= st->by_fd_len
        && (rv = grow_index(st, fd)) != APR_SUCCESS)
        return rv;
    if (st->by_fd[fd])
        return APR_EEXIST;
    e = st->free_list;
    if (e)
        st->free_list = e->next;
    else if (!(e = malloc(sizeof *e)))
        return APR_ENOMEM;
    e->pfd = *pfd;
    e->fd = fd;
    rv = ctl(st, EPOLL_CTL_ADD, fd, pfd->reqevents, e);
    if (rv != APR_SUCCESS) {
        e->next = st->free_list;
        st->free_list = e;
        return rv;
    }
    st->by_fd[fd] = e;
    return APR_SUCCESS;
}

static apr_status_t remove_copy(apr_pollset_t *ps, epoll_state_t *st, int fd)
{
    elem_t *e = (fd >= 0 && (apr_size_t)fd < st->by_fd_len) ? st->by_fd[fd]
                                                           : NULL;

    if (!e)
        return APR_NOTFOUND;
    /* The descriptor may be closed already: forget it all the same. */
    ctl(st, EPOLL_CTL_DEL, fd, 0, e);
    st->by_fd[fd] = NULL;
    e->fd = -1;
    if (ps->lock) {
        e->next = st->dead_list;
        st->dead_list = e;
    }
    else {
        e->next = st->free_list;
        st->free_list = e;
    }
    return APR_SUCCESS;
}

static apr_status_t ps_add(apr_pollset_t *ps, const apr_pollfd_t *pfd)
{
    epoll_state_t *st = ps->priv;
    int fd = apr__pollfd_os(pfd);
    apr_status_t rv;

    if (fd < 0)
        return APR_EBADF;
    if (ps->flags & APR_POLLSET_NOCOPY)
        return ctl(st, EPOLL_CTL_ADD, fd, pfd->reqevents, (void *)pfd);
    if (ps->lock)
        apr_thread_mutex_lock(ps->lock);
    rv = add_copy(st, pfd, fd);
    if (ps->lock)
        apr_thread_mutex_unlock(ps->lock);
    return rv;
}

static apr_status_t ps_remove(apr_pollset_t *ps, const apr_pollfd_t *pfd)
{
    epoll_state_t *st = ps->priv;
    int fd = apr__pollfd_os(pfd);
    apr_status_t rv;

    if (ps->flags & APR_POLLSET_NOCOPY)
        return ctl(st, EPOLL_CTL_DEL, fd, 0, (void *)pfd);
    if (ps->lock)
        apr_thread_mutex_lock(ps->lock);
    rv = remove_copy(ps, st, fd);
    if (ps->lock)
        apr_thread_mutex_unlock(ps->lock);
    return rv;
}

static apr_status_t ps_poll(apr_pollset_t *ps, apr_interval_time_t timeout,
                            apr_int32_t *num, const apr_pollfd_t **out)
{
    epoll_state_t *st = ps->priv;
    int copies = !(ps->flags & APR_POLLSET_NOCOPY);
    int n, i, j = 0;

    if (ps->lock && copies) {
        elem_t *e;
        apr_thread_mutex_lock(ps->lock);
        while ((e = st->dead_list)) {
            st->dead_list = e->next;
            e->next = st->free_list;
            st->free_list = e;
        }
        apr_thread_mutex_unlock(ps->lock);
    }
    n = epoll_wait(st->epfd, st->events, st->maxev, apr__poll_ms(timeout));
    if (n < 0)
        return errno;
    if (n == 0)
        return APR_TIMEUP;
    if (ps->lock && copies)
        apr_thread_mutex_lock(ps->lock);
    for (i = 0; i < n; i++) {
        void *ptr = st->events[i].data.ptr;
        const apr_pollfd_t *pfd;

        if (!ptr) {
            apr__wakeup_drain(&ps->wakeup);
            continue;
        }
        if (copies) {
            elem_t *e = ptr;
            if (e->fd < 0)
                continue;       /* removed while we waited */
            pfd = &e->pfd;
        }
        else {
            pfd = ptr;
        }
        st->result[j] = *pfd;
        st->result[j].rtnevents = from_epoll(st->events[i].events);
        j++;
    }
    if (ps->lock && copies)
        apr_thread_mutex_unlock(ps->lock);
    *num = j;
    if (j == 0)
        return APR_EINTR;   /* a wakeup, or only members removed meanwhile */
    *out = st->result;
    return APR_SUCCESS;
}

const apr__pollset_provider_t apr__pollset_epoll = {
    ps_create, ps_add, ps_remove, ps_poll, ps_cleanup, "epoll"
};

/* ------------------------------------------------------------------ */
/* Pollcb                                                              */

static apr_status_t cb_create(apr_pollcb_t *pc, apr_uint32_t size)
{
    epoll_state_t *st;
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
    int fd = apr__pollfd_os(pfd);

    if (fd < 0)
        return APR_EBADF;
    return ctl(pc->priv, EPOLL_CTL_ADD, fd, pfd->reqevents, pfd);
}

static apr_status_t cb_remove(apr_pollcb_t *pc, apr_pollfd_t *pfd)
{
    return ctl(pc->priv, EPOLL_CTL_DEL, apr__pollfd_os(pfd), 0, pfd);
}

static apr_status_t cb_poll(apr_pollcb_t *pc, apr_interval_time_t timeout,
                            apr_pollcb_cb_t func, void *baton)
{
    epoll_state_t *st = pc->priv;
    int n, i, woken = 0;

    n = epoll_wait(st->epfd, st->events, st->maxev, apr__poll_ms(timeout));
    if (n < 0)
        return errno;
    if (n == 0)
        return APR_TIMEUP;
    for (i = 0; i < n; i++) {
        apr_pollfd_t *pfd = st->events[i].data.ptr;
        apr_status_t rv;

        if (!pfd) {
            apr__wakeup_drain(&pc->wakeup);
            woken = 1;
            continue;
        }
        pfd->rtnevents = from_epoll(st->events[i].events);
        rv = func(baton, pfd);
        if (rv != APR_SUCCESS)
            return rv;
    }
    return woken ? APR_EINTR : APR_SUCCESS;
}

const apr__pollcb_provider_t apr__pollcb_epoll = {
    cb_create, cb_add, cb_remove, cb_poll, cb_cleanup, "epoll"
};
