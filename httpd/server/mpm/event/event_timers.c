/*
 * event_timers.c: ap_mpm_register_timed_callback for the event MPM.
 *
 * Timers wait in a binary min-heap ordered by due time; the listener
 * bounds its poll by the earliest and, once a timer is due, hands it to a
 * worker as a job, so that a callback may take its time without holding
 * up the listener. Registration is allowed from any thread of a child.
 */
#include <string.h>

#include "apr_atomic.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_log.h"
#include "ap_mpm.h"

#include "event_private.h"

struct ap__event_timer {
    apr_time_t when;
    ap_mpm_callback_fn_t *cbfn;
    void *baton;
    ap__event_timer_t *next;    /* in the free list */
};

static void swap(ap__event_timer_t **heap, int a, int b)
{
    ap__event_timer_t *t = heap[a];

    heap[a] = heap[b];
    heap[b] = t;
}

static void sift_up(ap__event_timer_t **heap, int i)
{
    while (i > 0 && heap[(i - 1) / 2]->when > heap[i]->when) {
        swap(heap, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

static void sift_down(ap__event_timer_t **heap, int n, int i)
{
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;

        if (l < n && heap[l]->when < heap[m]->when) {
            m = l;
        }
        if (r < n && heap[r]->when < heap[m]->when) {
            m = r;
        }
        if (m == i) {
            return;
        }
        swap(heap, i, m);
        i = m;
    }
}

/* Room for one more timer (caller holds tq_mutex). */
static void reserve(ap__event_child_t *ch)
{
    if (ch->n_timers == ch->timers_cap) {
        int cap = ch->timers_cap ? ch->timers_cap * 2 : 16;
        ap__event_timer_t **heap = apr_palloc(ch->pchild,
                                              sizeof(*heap) * (apr_size_t)cap);
        if (ch->n_timers) {
            memcpy(heap, ch->timers, sizeof(*heap) * (apr_size_t)ch->n_timers);
        }
        ch->timers = heap;
        ch->timers_cap = cap;
    }
}

apr_status_t ap__event_register_timed_callback(apr_time_t t,
                                               ap_mpm_callback_fn_t *cbfn,
                                               void *baton)
{
    ap__event_child_t *ch = ap__event_child;
    ap__event_timer_t *te;
    int first;

    if (!ch || !cbfn) {
        return APR_EINVAL;      /* only a running child has a listener */
    }
    apr_thread_mutex_lock(ch->tq_mutex);
    if (ch->listener_may_exit) {
        apr_thread_mutex_unlock(ch->tq_mutex);
        return APR_EINVAL;      /* stopping: it would never run */
    }
    te = ch->timer_free;
    if (te) {
        ch->timer_free = te->next;
    }
    else {
        te = apr_palloc(ch->pchild, sizeof(*te));
    }
    te->when = apr_time_now() + (t > 0 ? t : 0);
    te->cbfn = cbfn;
    te->baton = baton;
    reserve(ch);
    ch->timers[ch->n_timers] = te;
    sift_up(ch->timers, ch->n_timers++);
    apr_atomic_inc32(&ch->timers_pending);
    first = ch->timers[0] == te;
    apr_thread_mutex_unlock(ch->tq_mutex);
    if (first) {
        apr_pollset_wakeup(ch->pollset);   /* poll again with less time */
    }
    return APR_SUCCESS;
}

apr_interval_time_t ap__event_timers_due(ap__event_child_t *ch, apr_time_t now)
{
    apr_interval_time_t until = -1;

    if (!apr_atomic_read32(&ch->timers_pending)) {
        return -1;      /* the listener asks every turn: no lock for none */
    }
    apr_thread_mutex_lock(ch->tq_mutex);
    if (ch->n_timers) {
        until = ch->timers[0]->when - now;
        if (until < 0) {
            until = 0;
        }
    }
    apr_thread_mutex_unlock(ch->tq_mutex);
    return until;
}

void ap__event_timers_run(ap__event_child_t *ch, apr_time_t now)
{
    while (apr_atomic_read32(&ch->timers_pending)) {
        ap__event_job_t job = { NULL, NULL, NULL, NULL, NULL };

        apr_thread_mutex_lock(ch->tq_mutex);
        if (!ch->n_timers || ch->timers[0]->when > now) {
            apr_thread_mutex_unlock(ch->tq_mutex);
            return;
        }
        job.timer = ch->timers[0];
        ch->timers[0] = ch->timers[--ch->n_timers];
        sift_down(ch->timers, ch->n_timers, 0);
        apr_atomic_dec32(&ch->timers_pending);
        apr_thread_mutex_unlock(ch->tq_mutex);
        ap__event_jobq_push(ch->jobs, &job);
    }
}

void ap__event_timer_fire(ap__event_child_t *ch, ap__event_timer_t *te)
{
    te->cbfn(te->baton);
    apr_thread_mutex_lock(ch->tq_mutex);
    te->next = ch->timer_free;
    ch->timer_free = te;
    apr_thread_mutex_unlock(ch->tq_mutex);
}
