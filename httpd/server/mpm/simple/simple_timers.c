/*
 * simple_timers.c: the child's timers, a binary min-heap keyed on the
 * deadline. Each timer remembers its heap position so that cancelling
 * one (a keep-alive connection that became readable) is O(log n) rather
 * than a scan. Used by the loop thread only: no locking.
 */
#include <stdlib.h>

#include "simple_private.h"

#define HEAP_FIRST_CAP 64

static apr_status_t heap_free(void *data)
{
    ap__simple_heap_t *h = data;

    free(h->v);
    h->v = NULL;
    h->n = h->cap = 0;
    return APR_SUCCESS;
}

apr_status_t ap__simple_heap_init(ap__simple_heap_t *h, apr_pool_t *p)
{
    h->n = 0;
    h->cap = HEAP_FIRST_CAP;
    h->v = malloc(sizeof(*h->v) * h->cap);
    if (!h->v) {
        return APR_ENOMEM;
    }
    apr_pool_cleanup_register(p, h, heap_free, apr_pool_cleanup_null);
    return APR_SUCCESS;
}

void ap__simple_timer_init(ap__simple_timer_t *t, ap__simple_timer_fn *fn,
                           void *baton)
{
    t->when = 0;
    t->idx = AP__SIMPLE_TIMER_IDLE;
    t->fn = fn;
    t->baton = baton;
}

static void place(ap__simple_heap_t *h, apr_size_t i, ap__simple_timer_t *t)
{
    h->v[i] = t;
    t->idx = i;
}

static void sift_up(ap__simple_heap_t *h, apr_size_t i)
{
    ap__simple_timer_t *t = h->v[i];

    while (i > 0) {
        apr_size_t parent = (i - 1) / 2;
        if (h->v[parent]->when <= t->when) {
            break;
        }
        place(h, i, h->v[parent]);
        i = parent;
    }
    place(h, i, t);
}

static void sift_down(ap__simple_heap_t *h, apr_size_t i)
{
    ap__simple_timer_t *t = h->v[i];

    for (;;) {
        apr_size_t kid = 2 * i + 1;
        if (kid >= h->n) {
            break;
        }
        if (kid + 1 < h->n && h->v[kid + 1]->when < h->v[kid]->when) {
            kid++;
        }
        if (t->when <= h->v[kid]->when) {
            break;
        }
        place(h, i, h->v[kid]);
        i = kid;
    }
    place(h, i, t);
}

static apr_status_t grow(ap__simple_heap_t *h)
{
    apr_size_t cap = h->cap * 2;
    ap__simple_timer_t **v;

    if (cap < h->cap || cap > (apr_size_t)-1 / sizeof(*v)) {
        return APR_ENOMEM;
    }
    v = realloc(h->v, sizeof(*v) * cap);
    if (!v) {
        return APR_ENOMEM;
    }
    h->v = v;
    h->cap = cap;
    return APR_SUCCESS;
}

void ap__simple_timer_cancel(ap__simple_heap_t *h, ap__simple_timer_t *t)
{
    apr_size_t i = t->idx;
    ap__simple_timer_t *last;

    if (i == AP__SIMPLE_TIMER_IDLE || i >= h->n || h->v[i] != t) {
        return;
    }
    t->idx = AP__SIMPLE_TIMER_IDLE;
    last = h->v[--h->n];
    if (i == h->n) {
        return;     /* it was the last one */
    }
    place(h, i, last);
    /* The moved timer may belong above or below its new place. */
    sift_up(h, i);
    sift_down(h, last->idx);
}

apr_status_t ap__simple_timer_arm(ap__simple_heap_t *h, ap__simple_timer_t *t,
                                  apr_time_t when)
{
    ap__simple_timer_cancel(h, t);
    if (h->n == h->cap) {
        apr_status_t rv = grow(h);
        if (rv != APR_SUCCESS) {
            return rv;
        }
    }
    t->when = when;
    place(h, h->n++, t);
    sift_up(h, t->idx);
    return APR_SUCCESS;
}

ap__simple_timer_t *ap__simple_timer_due(ap__simple_heap_t *h,
                                         apr_time_t now)
{
    ap__simple_timer_t *t;

    if (h->n == 0 || h->v[0]->when > now) {
        return NULL;
    }
    t = h->v[0];
    ap__simple_timer_cancel(h, t);
    return t;
}

apr_interval_time_t ap__simple_timer_wait(const ap__simple_heap_t *h,
                                          apr_time_t now,
                                          apr_interval_time_t cap)
{
    apr_interval_time_t left;

    if (h->n == 0) {
        return cap;
    }
    left = h->v[0]->when - now;
    if (left < 0) {
        return 0;
    }
    return left < cap ? left : cap;
}
