/*
 * The select(2) provider of pollsets and pollcbs. Members live in an
 * apr__fdtable_t (O(1) add and remove) plus master fd_sets; a descriptor
 * at or above FD_SETSIZE is refused with APR_EBADF instead of writing
 * past an fd_set. select() reports no hang-up: a closed peer shows as
 * readable. The except set is reported as APR_POLLPRI.
 *
 * A THREADSAFE pollset selects on copies of the sets taken under its
 * lock; add/remove during a select nudge it through the wakeup pipe and
 * it selects again with the new sets.
 */
#include "apr_arch_poll_private.h"
#include "apr_time.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>

typedef struct sel_sets_t {
    fd_set rd, wr, ex;
} sel_sets_t;

typedef struct select_state_t {
    apr__fdtable_t t;
    sel_sets_t master;
    int maxfd;              /* highest member or wakeup descriptor, or -1 */
    int wakeup_fd;
    int polling;
    void *out;              /* pollset: apr_pollfd_t[], pollcb: ready[] */
} select_state_t;

typedef struct cb_ready_t {
    apr_pollfd_t *pfd;
    int fd;
    apr_int16_t ev;
} cb_ready_t;

static void state_free(select_state_t *st)
{
    apr__fdtable_free(&st->t);
    free(st->out);
    free(st);
}

static apr_status_t state_create(select_state_t **out, apr_uint32_t size,
                                 int nocopy, int wakeup_fd, apr_size_t elt)
{
    select_state_t *st = calloc(1, sizeof *st);

    if (!st)
        return APR_ENOMEM;
    if (wakeup_fd >= FD_SETSIZE) {
        free(st);
        return APR_EBADF;
    }
    FD_ZERO(&st->master.rd);
    FD_ZERO(&st->master.wr);
    FD_ZERO(&st->master.ex);
    st->wakeup_fd = wakeup_fd;
    st->maxfd = wakeup_fd;
    if (wakeup_fd >= 0)
        FD_SET(wakeup_fd, &st->master.rd);
    st->out = calloc(size ? size : 1, elt);
    if (!st->out || apr__fdtable_init(&st->t, size, nocopy) != APR_SUCCESS) {
        free(st->out);
        free(st);
        return APR_ENOMEM;
    }
    *out = st;
    return APR_SUCCESS;
}

static apr_status_t st_add(select_state_t *st, const apr_pollfd_t *pfd)
{
    int fd = apr__pollfd_os(pfd);
    apr_uint32_t slot;
    apr_status_t rv;

    if (fd < 0 || fd >= FD_SETSIZE)
        return APR_EBADF;
    rv = apr__fdtable_add(&st->t, pfd, fd, &slot);
    if (rv != APR_SUCCESS)
        return rv;
    if (pfd->reqevents & APR_POLLIN)
        FD_SET(fd, &st->master.rd);
    if (pfd->reqevents & APR_POLLOUT)
        FD_SET(fd, &st->master.wr);
    if (pfd->reqevents & APR_POLLPRI)
        FD_SET(fd, &st->master.ex);
    if (fd > st->maxfd)
        st->maxfd = fd;
    return APR_SUCCESS;
}

static apr_status_t st_remove(select_state_t *st, const apr_pollfd_t *pfd)
{
    int fd = apr__pollfd_os(pfd);
    int slot = apr__fdtable_find(&st->t, fd);
    apr_uint32_t i;

    if (slot < 0)
        return APR_NOTFOUND;
    apr__fdtable_remove(&st->t, (apr_uint32_t)slot);
    FD_CLR(fd, &st->master.rd);
    FD_CLR(fd, &st->master.wr);
    FD_CLR(fd, &st->master.ex);
    if (fd == st->maxfd) {
        st->maxfd = st->wakeup_fd;
        for (i = 0; i < st->t.n; i++)
            if (st->t.fds[i] > st->maxfd)
                st->maxfd = st->t.fds[i];
    }
    return APR_SUCCESS;
}

/* select() on a copy of the master sets (into *res); 0 on timeout. */
static int st_wait(const select_state_t *st, sel_sets_t *res,
                   apr_interval_time_t timeout)
{
    struct timeval tv, *tvp = NULL;

    *res = st->master;
    if (timeout >= 0) {
        tv.tv_sec = (time_t)apr_time_sec(timeout);
        tv.tv_usec = (suseconds_t)apr_time_usec(timeout);
        tvp = &tv;
    }
    return select(st->maxfd + 1, &res->rd, &res->wr, &res->ex, tvp);
}

static apr_int16_t st_events(const sel_sets_t *res, int fd)
{
    apr_int16_t ev = 0;

    if (FD_ISSET(fd, &res->rd))
        ev |= APR_POLLIN;
    if (FD_ISSET(fd, &res->wr))
        ev |= APR_POLLOUT;
    if (FD_ISSET(fd, &res->ex))
        ev |= APR_POLLPRI;
    return ev;
}

/* ------------------------------------------------------------------ */
/* Pollset                                                             */

static apr_status_t ps_create(apr_pollset_t *ps, apr_uint32_t size)
{
    select_state_t *st;
    apr_status_t rv;

    if ((ps->flags & APR_POLLSET_THREADSAFE) && ps->wakeup.fd[0] < 0) {
        rv = apr__wakeup_create(&ps->wakeup);
        if (rv != APR_SUCCESS)
            return rv;
    }
    rv = state_create(&st, size, (ps->flags & APR_POLLSET_NOCOPY) != 0,
                      ps->wakeup.fd[0], sizeof(apr_pollfd_t));
    if (rv == APR_SUCCESS)
        ps->priv = st;
    return rv;
}

static void ps_cleanup(apr_pollset_t *ps)
{
    state_free(ps->priv);
    ps->priv = NULL;
}

static apr_status_t ps_change(apr_pollset_t *ps, const apr_pollfd_t *pfd,
                              int add)
{
    select_state_t *st = ps->priv;
    apr_status_t rv;

    if (!ps->lock)
        return add ? st_add(st, pfd) : st_remove(st, pfd);
    apr_thread_mutex_lock(ps->lock);
    rv = add ? st_add(st, pfd) : st_remove(st, pfd);
    if (rv == APR_SUCCESS && st->polling)
        apr__wakeup_send(&ps->wakeup, 0);
    apr_thread_mutex_unlock(ps->lock);
    return rv;
}

static apr_status_t ps_add(apr_pollset_t *ps, const apr_pollfd_t *pfd)
{
    return ps_change(ps, pfd, 1);
}

static apr_status_t ps_remove(apr_pollset_t *ps, const apr_pollfd_t *pfd)
{
    return ps_change(ps, pfd, 0);
}

/* The results of one select; *woken: 1 user wakeup, 2 internal nudge.
 * Current members only: the result sets hold no bit for a descriptor
 * added after the copy, and removed ones are no longer iterated. */
static apr_int32_t ps_collect(apr_pollset_t *ps, const sel_sets_t *res,
                              int *woken)
{
    select_state_t *st = ps->priv;
    apr_pollfd_t *out = st->out;
    apr_int32_t j = 0;
    apr_uint32_t i;

    *woken = 0;
    if (st->wakeup_fd >= 0 && FD_ISSET(st->wakeup_fd, &res->rd))
        *woken = apr__wakeup_drain(&ps->wakeup) ? 1 : 2;
    for (i = 0; i < st->t.n; i++) {
        apr_int16_t ev = st_events(res, st->t.fds[i]);
        if (ev) {
            out[j] = *st->t.ref[i];
            out[j].rtnevents = ev;
            j++;
        }
    }
    return j;
}

static apr_status_t ps_poll(apr_pollset_t *ps, apr_interval_time_t timeout,
                            apr_int32_t *num, const apr_pollfd_t **out)
{
    select_state_t *st = ps->priv;
    apr_time_t deadline = timeout >= 0 ? apr_time_now() + timeout : -1;
    apr_status_t rv = APR_SUCCESS;
    int woken = 0;

    if (ps->lock)
        apr_thread_mutex_lock(ps->lock);
    for (;;) {
        sel_sets_t copy = st->master;
        int maxfd = st->maxfd, rc;
        struct timeval tv, *tvp = NULL;

        if (timeout >= 0) {
            tv.tv_sec = (time_t)apr_time_sec(timeout);
            tv.tv_usec = (suseconds_t)apr_time_usec(timeout);
            tvp = &tv;
        }
        if (ps->lock) {
            st->polling = 1;
            apr_thread_mutex_unlock(ps->lock);
        }
        rc = select(maxfd + 1, &copy.rd, &copy.wr, &copy.ex, tvp);
        if (rc < 0)
            rv = errno;
        if (ps->lock) {
            apr_thread_mutex_lock(ps->lock);
            st->polling = 0;
        }
        if (rc <= 0) {
            if (rc == 0)
                rv = APR_TIMEUP;
            break;
        }
        *num = ps_collect(ps, &copy, &woken);
        if (*num > 0 || woken == 1)
            break;
        if (deadline >= 0) {
            timeout = deadline - apr_time_now();
            if (timeout < 0)
                timeout = 0;
        }
    }
    if (ps->lock)
        apr_thread_mutex_unlock(ps->lock);
    if (rv != APR_SUCCESS)
        return rv;
    if (*num == 0)
        return APR_EINTR;
    *out = st->out;
    return APR_SUCCESS;
}

const apr__pollset_provider_t apr__pollset_select = {
    ps_create, ps_add, ps_remove, ps_poll, ps_cleanup, "select"
};

/* ------------------------------------------------------------------ */
/* Pollcb                                                              */

static apr_status_t cb_create(apr_pollcb_t *pc, apr_uint32_t size)
{
    select_state_t *st;
    apr_status_t rv = state_create(&st, size, 1, pc->wakeup.fd[0],
                                   sizeof(cb_ready_t));

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
    return st_add(pc->priv, pfd);
}

static apr_status_t cb_remove(apr_pollcb_t *pc, apr_pollfd_t *pfd)
{
    return st_remove(pc->priv, pfd);
}

static apr_status_t cb_poll(apr_pollcb_t *pc, apr_interval_time_t timeout,
                            apr_pollcb_cb_t func, void *baton)
{
    select_state_t *st = pc->priv;
    cb_ready_t *ready = st->out;
    sel_sets_t res;
    apr_uint32_t i, n = 0;
    int woken = 0;
    int rc = st_wait(st, &res, timeout);

    if (rc < 0)
        return errno;
    if (rc == 0)
        return APR_TIMEUP;
    if (st->wakeup_fd >= 0 && FD_ISSET(st->wakeup_fd, &res.rd))
        woken = apr__wakeup_drain(&pc->wakeup);
    /* Gather first: callbacks may add or remove members. */
    for (i = 0; i < st->t.n; i++) {
        apr_int16_t ev = st_events(&res, st->t.fds[i]);
        if (ev) {
            ready[n].pfd = (apr_pollfd_t *)st->t.ref[i];
            ready[n].fd = st->t.fds[i];
            ready[n].ev = ev;
            n++;
        }
    }
    for (i = 0; i < n; i++) {
        int slot = apr__fdtable_find(&st->t, ready[i].fd);
        apr_status_t rv;

        if (slot < 0 || st->t.ref[slot] != ready[i].pfd)
            continue;   /* removed by an earlier callback */
        ready[i].pfd->rtnevents = ready[i].ev;
        rv = func(baton, ready[i].pfd);
        if (rv != APR_SUCCESS)
            return rv;
    }
    return woken ? APR_EINTR : APR_SUCCESS;
}

const apr__pollcb_provider_t apr__pollcb_select = {
    cb_create, cb_add, cb_remove, cb_poll, cb_cleanup, "select"
};
