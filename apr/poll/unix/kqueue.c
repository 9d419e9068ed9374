/*
 * The kqueue provider of pollsets and pollcbs (BSD, macOS), the default
 * there. Built only where the system has kqueue.
 *
 * A member registers one filter per requested direction (EVFILT_READ,
 * EVFILT_WRITE), so one descriptor may come back as two results, which
 * the API allows. udata is NULL for the wakeup pipe, the caller's pollfd
 * (NOCOPY pollsets, pollcbs) or an element holding our copy; elements
 * are found by descriptor for removal and recycled like epoll's.
 */
#include "apr_arch_poll_private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/event.h>
#include <sys/time.h>
#include <unistd.h>

typedef struct elem_t {
    struct elem_t *next;
    int fd;                 /* -1 once removed */
    apr_pollfd_t pfd;
} elem_t;

typedef struct kq_state_t {
    int kqfd;
    int maxev;
    struct kevent *events;
    apr_pollfd_t *result;
    elem_t **by_fd;
    apr_size_t by_fd_len;
    elem_t *free_list, *dead_list;
} kq_state_t;

static void free_list(elem_t *e)
{
    while (e) {
        elem_t *next = e->next;
        free(e);
        e = next;
    }
}

static void state_free(kq_state_t *st)
{
    apr_size_t i;

    if (st->kqfd >= 0)
        close(st->kqfd);
    for (i = 0; i < st->by_fd_len; i++)
        free(st->by_fd[i]);
    free(st->by_fd);
    free_list(st->free_list);
    free_list(st->dead_list);
    free(st->events);
    free(st->result);
    free(st);
}

/* Register (EV_ADD) or drop (EV_DELETE) the filters of reqevents. */
static apr_status_t kq_change(kq_state_t *st, int fd, apr_int16_t reqev,
                              unsigned short op, void *udata)
{
    struct kevent ch[2];
    int n = 0;

    if (reqev & (APR_POLLIN | APR_POLLPRI))
        EV_SET(&ch[n++], fd, EVFILT_READ, op, 0, 0, udata);
    if (reqev & APR_POLLOUT)
        EV_SET(&ch[n++], fd, EVFILT_WRITE, op, 0, 0, udata);
    if (n == 0)
        return APR_SUCCESS;
    if (kevent(st->kqfd, ch, n, NULL, 0, NULL) == 0)
        return APR_SUCCESS;
    if (op == EV_DELETE && errno == ENOENT)
        return APR_NOTFOUND;
    return errno;
}

static apr_status_t state_create(kq_state_t **out, apr_uint32_t size,
                                 int wakeup_fd, int results)
{
    kq_state_t *st = calloc(1, sizeof *st);
    apr_status_t rv = APR_ENOMEM;

    if (!st)
        return APR_ENOMEM;
    /* Two filters per member, one for the pipe. */
    st->maxev = 2 * (int)(size ? size : 1) + 1;
    st->kqfd = kqueue();
    if (st->kqfd < 0) {
        rv = errno;
        goto fail;
    }
    fcntl(st->kqfd, F_SETFD, FD_CLOEXEC);
    st->events = calloc((apr_size_t)st->maxev, sizeof *st->events);
    if (results)
        st->result = calloc((apr_size_t)st->maxev, sizeof *st->result);
    if (!st->events || (results && !st->result))
        goto fail;
    if (wakeup_fd >= 0
        && (rv = kq_change(st, wakeup_fd, APR_POLLIN, EV_ADD, NULL)))
        goto fail;
    *out = st;
    return APR_SUCCESS;
fail:
    state_free(st);
    return rv;
}

static apr_int16_t from_kevent(const struct kevent *ev)
{
    apr_int16_t r = ev->filter == EVFILT_WRITE ? APR_POLLOUT : APR_POLLIN;

    if (ev->flags & EV_EOF)
        r |= APR_POLLHUP;
    if (ev->flags & EV_ERROR)
        r |= APR_POLLERR;
    return r;
}

static struct timespec *to_timespec(apr_interval_time_t t,
                                    struct timespec *ts)
{
    if (t < 0)
        return NULL;
    ts->tv_sec = (time_t)apr_time_sec(t);
    ts->tv_nsec = (long)apr_time_usec(t) * 1000;
    return ts;
}

/* ------------------------------------------------------------------ */
/* Pollset                                                             */

static apr_status_t ps_create(apr_pollset_t *ps, apr_uint32_t size)
{
    kq_state_t *st;
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

static apr_status_t grow_index(kq_state_t *st, int fd)
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

static apr_status_t add_copy(kq_state_t *st, const apr_pollfd_t *pfd, int fd)
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
    rv = kq_change(st, fd, pfd->reqevents, EV_ADD, e);
    if (rv != APR_SUCCESS) {
        e->next = st->free_list;
        st->free_list = e;
        return rv;
    }
    st->by_fd[fd] = e;
    return APR_SUCCESS;
}

static apr_status_t remove_copy(apr_pollset_t *ps, kq_state_t *st, int fd)
{
    elem_t *e = (fd >= 0 && (apr_size_t)fd < st->by_fd_len) ? st->by_fd[fd]
                                                           : NULL;

    if (!e)
        return APR_NOTFOUND;
    kq_change(st, fd, e->pfd.reqevents, EV_DELETE, NULL);
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
    kq_state_t *st = ps->priv;
    int fd = apr__pollfd_os(pfd);
    apr_status_t rv;

    if (fd < 0)
        return APR_EBADF;
    if (ps->flags & APR_POLLSET_NOCOPY)
        return kq_change(st, fd, pfd->reqevents, EV_ADD, (void *)pfd);
    if (ps->lock)
        apr_thread_mutex_lock(ps->lock);
    rv = add_copy(st, pfd, fd);
    if (ps->lock)
        apr_thread_mutex_unlock(ps->lock);
    return rv;
}

static apr_status_t ps_remove(apr_pollset_t *ps, const apr_pollfd_t *pfd)
{
    kq_state_t *st = ps->priv;
    int fd = apr__pollfd_os(pfd);
    apr_status_t rv;

    if (ps->flags & APR_POLLSET_NOCOPY)
        return kq_change(st, fd, pfd->reqevents, EV_DELETE, NULL);
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
    kq_state_t *st = ps->priv;
    int copies = !(ps->flags & APR_POLLSET_NOCOPY);
    struct timespec ts;
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
    n = kevent(st->kqfd, NULL, 0, st->events, st->maxev,
               to_timespec(timeout, &ts));
    if (n < 0)
        return errno;
    if (n == 0)
        return APR_TIMEUP;
    if (ps->lock && copies)
        apr_thread_mutex_lock(ps->lock);
    for (i = 0; i < n; i++) {
        void *ptr = (void *)st->events[i].udata;
        const apr_pollfd_t *pfd;

        if (!ptr) {
            apr__wakeup_drain(&ps->wakeup);
            continue;
        }
        if (copies) {
            elem_t *e = ptr;
            if (e->fd < 0)
                continue;
            pfd = &e->pfd;
        }
        else {
            pfd = ptr;
        }
        st->result[j] = *pfd;
        st->result[j].rtnevents = from_kevent(&st->events[i]);
        j++;
    }
    if (ps->lock && copies)
        apr_thread_mutex_unlock(ps->lock);
    *num = j;
    if (j == 0)
        return APR_EINTR;
    *out = st->result;
    return APR_SUCCESS;
}

const apr__pollset_provider_t apr__pollset_kqueue = {
    ps_create, ps_add, ps_remove, ps_poll, ps_cleanup, "kqueue"
};

/* ------------------------------------------------------------------ */
/* Pollcb                                                              */

static apr_status_t cb_create(apr_pollcb_t *pc, apr_uint32_t size)
{
    kq_state_t *st;
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
    return kq_change(pc->priv, fd, pfd->reqevents, EV_ADD, pfd);
}

static apr_status_t cb_remove(apr_pollcb_t *pc, apr_pollfd_t *pfd)
{
    return kq_change(pc->priv, apr__pollfd_os(pfd), pfd->reqevents,
                     EV_DELETE, NULL);
}

static apr_status_t cb_poll(apr_pollcb_t *pc, apr_interval_time_t timeout,
                            apr_pollcb_cb_t func, void *baton)
{
    kq_state_t *st = pc->priv;
    struct timespec ts;
    int n, i, woken = 0;

    n = kevent(st->kqfd, NULL, 0, st->events, st->maxev,
               to_timespec(timeout, &ts));
    if (n < 0)
        return errno;
    if (n == 0)
        return APR_TIMEUP;
    for (i = 0; i < n; i++) {
        apr_pollfd_t *pfd = (void *)st->events[i].udata;
        apr_status_t rv;

        if (!pfd) {
            apr__wakeup_drain(&pc->wakeup);
            woken = 1;
            continue;
        }
        pfd->rtnevents = from_kevent(&st->events[i]);
        rv = func(baton, pfd);
        if (rv != APR_SUCCESS)
            return rv;
    }
    return woken ? APR_EINTR : APR_SUCCESS;
}

const apr__pollcb_provider_t apr__pollcb_kqueue = {
    cb_create, cb_add, cb_remove, cb_poll, cb_cleanup, "kqueue"
};
