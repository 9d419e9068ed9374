/*
 * The poll(2) provider of pollsets and pollcbs.
 *
 * Members live in an apr__fdtable_t (O(1) add and remove) with a parallel
 * struct pollfd array whose element 0 is the wakeup pipe. A THREADSAFE
 * pollset polls a snapshot taken under its lock; add/remove during a poll
 * nudge the poller through the pipe and it polls again with the new set,
 * so a descriptor added meanwhile is watched without an APR_EINTR.
 */
#include "apr_arch_poll_private.h"
#include "apr_time.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct poll_core_t {
    apr__fdtable_t t;
    struct pollfd *all;     /* [0]: wakeup pipe, [1 + slot]: members */
    struct pollfd *snap;    /* THREADSAFE: the set the running poll sees */
    void *out;              /* pollset: apr_pollfd_t[], pollcb: pointers */
    int polling;
} poll_core_t;

static void core_free(poll_core_t *c)
{
    apr__fdtable_free(&c->t);
    free(c->all);
    free(c->snap);
    free(c->out);
    free(c);
}

static apr_status_t core_create(poll_core_t **out, apr_uint32_t size,
                                int nocopy, int snapshot, int wakeup_fd,
                                apr_size_t out_elt)
{
    poll_core_t *c = calloc(1, sizeof *c);

    if (!c)
        return APR_ENOMEM;
    if (apr__fdtable_init(&c->t, size, nocopy) != APR_SUCCESS)
        goto nomem;
    c->all = calloc((apr_size_t)size + 1, sizeof *c->all);
    c->out = calloc(size ? size : 1, out_elt);
    if (!c->all || !c->out)
        goto nomem;
    if (snapshot) {
        c->snap = calloc((apr_size_t)size + 1, sizeof *c->snap);
        if (!c->snap)
            goto nomem;
    }
    c->all[0].fd = wakeup_fd;   /* -1 (ignored by poll) without a pipe */
    c->all[0].events = POLLIN;
    *out = c;
    return APR_SUCCESS;
nomem:
    core_free(c);
    return APR_ENOMEM;
}

static apr_status_t core_add(poll_core_t *c, const apr_pollfd_t *pfd)
{
    apr_uint32_t slot;
    int fd = apr__pollfd_os(pfd);
    apr_status_t rv = apr__fdtable_add(&c->t, pfd, fd, &slot);

    if (rv == APR_SUCCESS) {
        c->all[1 + slot].fd = fd;
        c->all[1 + slot].events = apr__poll_to_os(pfd->reqevents);
        c->all[1 + slot].revents = 0;
    }
    return rv;
}

static apr_status_t core_remove(poll_core_t *c, const apr_pollfd_t *pfd)
{
    int slot = apr__fdtable_find(&c->t, apr__pollfd_os(pfd));
    apr_uint32_t last;

    if (slot < 0)
        return APR_NOTFOUND;
    last = apr__fdtable_remove(&c->t, (apr_uint32_t)slot);
    c->all[1 + slot] = c->all[1 + last];
    return APR_SUCCESS;
}

/* One poll(2) over `set` (wakeup first); 0 on timeout, -1 on error. */
static int core_wait(struct pollfd *set, apr_uint32_t n,
                     apr_interval_time_t timeout)
{
    return poll(set, (nfds_t)n + 1, apr__poll_ms(timeout));
}

/* ------------------------------------------------------------------ */
/* Pollset                                                             */

static apr_status_t ps_create(apr_pollset_t *ps, apr_uint32_t size)
{
    poll_core_t *c;
    int ts = (ps->flags & APR_POLLSET_THREADSAFE) != 0;
    apr_status_t rv;

    if (ts && ps->wakeup.fd[0] < 0) {
        rv = apr__wakeup_create(&ps->wakeup);
        if (rv != APR_SUCCESS)
            return rv;
    }
    rv = core_create(&c, size, (ps->flags & APR_POLLSET_NOCOPY) != 0, ts,
                     ps->wakeup.fd[0], sizeof(apr_pollfd_t));
    if (rv == APR_SUCCESS)
        ps->priv = c;
    return rv;
}

static void ps_cleanup(apr_pollset_t *ps)
{
    core_free(ps->priv);
    ps->priv = NULL;
}

static apr_status_t ps_change(apr_pollset_t *ps, const apr_pollfd_t *pfd,
                              int add)
{
    poll_core_t *c = ps->priv;
    apr_status_t rv;

    if (!ps->lock)
        return add ? core_add(c, pfd) : core_remove(c, pfd);
    apr_thread_mutex_lock(ps->lock);
    rv = add ? core_add(c, pfd) : core_remove(c, pfd);
    if (rv == APR_SUCCESS && c->polling)
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

/*
 * Turn the revents of `set` (n members after the wakeup entry) into
 * results; members are found again by descriptor, as the table may have
 * changed while a THREADSAFE poll ran. *woken: 1 user wakeup, 2 nudge.
 */
static apr_int32_t ps_collect(apr_pollset_t *ps, const struct pollfd *set,
                              apr_uint32_t n, int *woken)
{
    poll_core_t *c = ps->priv;
    apr_pollfd_t *res = c->out;
    apr_int32_t j = 0;
    apr_uint32_t i;

    *woken = 0;
    if (set[0].fd >= 0 && set[0].revents)
        *woken = apr__wakeup_drain(&ps->wakeup) ? 1 : 2;
    for (i = 1; i <= n; i++) {
        int slot;

        if (!set[i].revents)
            continue;
        slot = apr__fdtable_find(&c->t, set[i].fd);
        if (slot < 0)
            continue;   /* removed while we were polling */
        res[j] = *c->t.ref[slot];
        res[j].rtnevents = apr__poll_from_os(set[i].revents);
        j++;
    }
    return j;
}

static apr_status_t ps_poll(apr_pollset_t *ps, apr_interval_time_t timeout,
                            apr_int32_t *num, const apr_pollfd_t **out)
{
    poll_core_t *c = ps->priv;
    apr_time_t deadline = timeout >= 0 ? apr_time_now() + timeout : -1;
    apr_status_t rv = APR_SUCCESS;
    int woken = 0;

    if (ps->lock)
        apr_thread_mutex_lock(ps->lock);
    for (;;) {
        struct pollfd *set = c->all;
        apr_uint32_t n = c->t.n;
        int rc;

        if (ps->lock) {
            memcpy(c->snap, c->all, ((apr_size_t)n + 1) * sizeof *set);
            set = c->snap;
            c->polling = 1;
            apr_thread_mutex_unlock(ps->lock);
        }
        rc = core_wait(set, n, timeout);
        if (rc < 0)
            rv = errno;
        if (ps->lock) {
            apr_thread_mutex_lock(ps->lock);
            c->polling = 0;
        }
        if (rc <= 0) {
            if (rc == 0)
                rv = APR_TIMEUP;
            break;
        }
        *num = ps_collect(ps, set, n, &woken);
        if (*num > 0 || woken == 1)
            break;
        /* Only a nudge, or events of members removed meanwhile. */
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
    *out = c->out;
    return APR_SUCCESS;
}

const apr__pollset_provider_t apr__pollset_poll = {
    ps_create, ps_add, ps_remove, ps_poll, ps_cleanup, "poll"
};

/* ------------------------------------------------------------------ */
/* Pollcb: members are the caller's pollfds, never copied              */

typedef struct cb_ready_t {
    apr_pollfd_t *pfd;
    int fd;
} cb_ready_t;

static apr_status_t cb_create(apr_pollcb_t *pc, apr_uint32_t size)
{
    poll_core_t *c;
    apr_status_t rv = core_create(&c, size, 1, 0, pc->wakeup.fd[0],
                                  sizeof(cb_ready_t));

    if (rv == APR_SUCCESS)
        pc->priv = c;
    return rv;
}

static void cb_cleanup(apr_pollcb_t *pc)
{
    core_free(pc->priv);
    pc->priv = NULL;
}

static apr_status_t cb_add(apr_pollcb_t *pc, apr_pollfd_t *pfd)
{
    return core_add(pc->priv, pfd);
}

static apr_status_t cb_remove(apr_pollcb_t *pc, apr_pollfd_t *pfd)
{
    return core_remove(pc->priv, pfd);
}

static apr_status_t cb_poll(apr_pollcb_t *pc, apr_interval_time_t timeout,
                            apr_pollcb_cb_t func, void *baton)
{
    poll_core_t *c = pc->priv;
    cb_ready_t *ready = c->out;
    apr_uint32_t i, n = 0;
    int woken = 0;
    int rc = core_wait(c->all, c->t.n, timeout);

    if (rc < 0)
        return errno;
    if (rc == 0)
        return APR_TIMEUP;
    if (c->all[0].fd >= 0 && c->all[0].revents)
        woken = apr__wakeup_drain(&pc->wakeup);
    /* Gather first: callbacks may add or remove members. */
    for (i = 1; i <= c->t.n; i++) {
        if (c->all[i].revents) {
            ready[n].pfd = (apr_pollfd_t *)c->t.ref[i - 1];
            ready[n].fd = c->all[i].fd;
            ready[n].pfd->rtnevents = apr__poll_from_os(c->all[i].revents);
            n++;
        }
    }
    for (i = 0; i < n; i++) {
        apr_status_t rv;
        int slot = apr__fdtable_find(&c->t, ready[i].fd);

        if (slot < 0 || c->t.ref[slot] != ready[i].pfd)
            continue;   /* removed by an earlier callback */
        rv = func(baton, ready[i].pfd);
        if (rv != APR_SUCCESS)
            return rv;
    }
    return woken ? APR_EINTR : APR_SUCCESS;
}

const apr__pollcb_provider_t apr__pollcb_poll = {
    cb_create, cb_add, cb_remove, cb_poll, cb_cleanup, "poll"
};
