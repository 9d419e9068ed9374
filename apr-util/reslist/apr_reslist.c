/*
 * apr_reslist.c: a pool of reusable resources.
 *
 * Idle resources sit in a ring, most recently released first: acquire takes
 * from the head (the warmest resource), maintenance expires from the tail
 * (the oldest). ntotal counts every resource in existence, nidle the idle
 * ones; ntotal - nidle are out with callers. One mutex guards all of it and
 * a condition variable wakes acquirers waiting for a free slot. Containers
 * of released resources are recycled through a free ring so that a long
 * run does not grow the pool.
 */
#include <assert.h>

#include "apr_reslist.h"
#include "apr_ring.h"
#include "apr_thread_mutex.h"
#include "apr_thread_cond.h"

typedef struct res_t res_t;
struct res_t {
    APR_RING_ENTRY(res_t) link;
    apr_time_t freed;       /* when it was last made idle */
    void *opaque;
};

APR_RING_HEAD(res_ring, res_t);

struct apr_reslist_t {
    apr_pool_t *pool;
    int ntotal;
    int nidle;
    int min;
    int smax;
    int hmax;
    apr_interval_time_t ttl;
    apr_interval_time_t timeout;
    apr_reslist_constructor constructor;
    apr_reslist_destructor destructor;
    void *params;
    struct res_ring avail;
    struct res_ring spare;  /* unused containers */
#if APR_HAS_THREADS
    apr_thread_mutex_t *lock;
    apr_thread_cond_t *freed;
#endif
};

#if APR_HAS_THREADS
#define LOCK(rl)   apr_thread_mutex_lock((rl)->lock)
#define UNLOCK(rl) apr_thread_mutex_unlock((rl)->lock)
#define SIGNAL(rl) apr_thread_cond_signal((rl)->freed)
#else
#define LOCK(rl)   ((void)(rl))
#define UNLOCK(rl) ((void)(rl))
#define SIGNAL(rl) ((void)(rl))
#endif

static res_t *get_container(apr_reslist_t *rl)
{
    res_t *res;

    if (!APR_RING_EMPTY(&rl->spare, res_t, link)) {
        res = APR_RING_FIRST(&rl->spare);
        APR_RING_REMOVE(res, link);
        return res;
    }
    return apr_pcalloc(rl->pool, sizeof(*res));
}

static void put_container(apr_reslist_t *rl, res_t *res)
{
    APR_RING_INSERT_TAIL(&rl->spare, res, res_t, link);
}

/* Make a resource idle (at the head) and stamp it. */
static void push_idle(apr_reslist_t *rl, res_t *res)
{
    APR_RING_INSERT_HEAD(&rl->avail, res, res_t, link);
    res->freed = apr_time_now();
    rl->nidle++;
}

static res_t *pop_idle(apr_reslist_t *rl)
{
    res_t *res = APR_RING_FIRST(&rl->avail);

    APR_RING_REMOVE(res, link);
    rl->nidle--;
    return res;
}

/* Destroy an idle resource already taken off the ring; ntotal drops. */
static apr_status_t destroy_one(apr_reslist_t *rl, res_t *res)
{
    apr_status_t rv = rl->destructor(res->opaque, rl->params, rl->pool);

    rl->ntotal--;
    put_container(rl, res);
    return rv;
}

/* Create idle resources up to min, then expire old idle ones above smax.
 * Called with the lock held. */
static apr_status_t maintain_locked(apr_reslist_t *rl)
{
    apr_time_t now;
    int created = 0;

    while (rl->nidle < rl->min && rl->ntotal < rl->hmax) {
        res_t *res = get_container(rl);
        apr_status_t rv = rl->constructor(&res->opaque, rl->params, rl->pool);

        if (rv != APR_SUCCESS) {
            put_container(rl, res);
            return rv;
        }
        push_idle(rl, res);
        rl->ntotal++;
        SIGNAL(rl);
        created = 1;
    }
    /* Having been below min, we cannot be above smax. */
    if (created || !rl->ttl)
        return APR_SUCCESS;

    now = apr_time_now();
    while (rl->nidle > rl->smax && rl->nidle > 0) {
        res_t *res = APR_RING_LAST(&rl->avail);
        apr_status_t rv;

        if (now - res->freed < rl->ttl)
            break;      /* the oldest is young: so are the rest */
        APR_RING_REMOVE(res, link);
        rl->nidle--;
        rv = destroy_one(rl, res);
        if (rv != APR_SUCCESS)
            return rv;
    }
    return APR_SUCCESS;
}

static apr_status_t reslist_cleanup(void *data)
{
    apr_reslist_t *rl = data;
    apr_status_t rv = APR_SUCCESS;

    LOCK(rl);
    while (rl->nidle > 0) {
        apr_status_t rv1 = destroy_one(rl, pop_idle(rl));

        if (rv1 != APR_SUCCESS)
            rv = rv1;
    }
    /* As APR-util: destroying a list with resources still out is a bug in
     * the caller, caught here. */
    assert(rl->ntotal == 0);
    UNLOCK(rl);
#if APR_HAS_THREADS
    apr_thread_cond_destroy(rl->freed);
    apr_thread_mutex_destroy(rl->lock);
#endif
    return rv;
}

APU_DECLARE(apr_status_t) apr_reslist_create(apr_reslist_t **reslist,
                                             int min, int smax, int hmax,
                                             apr_interval_time_t ttl,
                                             apr_reslist_constructor con,
                                             apr_reslist_destructor de,
                                             void *params,
                                             apr_pool_t *pool)
{
    apr_reslist_t *rl;
    apr_status_t rv;

    if (min < 0 || min > smax || min > hmax || smax > hmax || hmax == 0
        || ttl < 0)
        return APR_EINVAL;
#if !APR_HAS_THREADS
    min = min ? 1 : 0;
    smax = smax ? 1 : 0;
    hmax = 1;
#endif
    rl = apr_pcalloc(pool, sizeof(*rl));
    rl->pool = pool;
    rl->min = min;
    rl->smax = smax;
    rl->hmax = hmax;
    rl->ttl = ttl;
    rl->constructor = con;
    rl->destructor = de;
    rl->params = params;
    APR_RING_INIT(&rl->avail, res_t, link);
    APR_RING_INIT(&rl->spare, res_t, link);
#if APR_HAS_THREADS
    rv = apr_thread_mutex_create(&rl->lock, APR_THREAD_MUTEX_DEFAULT, pool);
    if (rv != APR_SUCCESS)
        return rv;
    rv = apr_thread_cond_create(&rl->freed, pool);
    if (rv != APR_SUCCESS) {
        apr_thread_mutex_destroy(rl->lock);
        return rv;
    }
#endif
    LOCK(rl);
    rv = maintain_locked(rl);
    UNLOCK(rl);
    if (rv != APR_SUCCESS) {
        reslist_cleanup(rl);    /* what was made so far */
        return rv;
    }
    apr_pool_cleanup_register(pool, rl, reslist_cleanup,
                              apr_pool_cleanup_null);
    *reslist = rl;
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_reslist_destroy(apr_reslist_t *reslist)
{
    return apr_pool_cleanup_run(reslist->pool, reslist, reslist_cleanup);
}

/* Wait until a resource is idle or a new one may be made; lock held.
 * The timeout is a total for this acquire, not per wake-up. */
static apr_status_t wait_for_slot(apr_reslist_t *rl)
{
#if APR_HAS_THREADS
    apr_time_t deadline = rl->timeout ? apr_time_now() + rl->timeout : 0;

    while (rl->ntotal >= rl->hmax && rl->nidle <= 0) {
        apr_status_t rv;

        if (rl->timeout) {
            apr_interval_time_t left = deadline - apr_time_now();

            if (left <= 0)
                return APR_TIMEUP;
            rv = apr_thread_cond_timedwait(rl->freed, rl->lock, left);
            if (rv != APR_SUCCESS && !APR_STATUS_IS_TIMEUP(rv))
                return rv;
        }
        else {
            rv = apr_thread_cond_wait(rl->freed, rl->lock);
            if (rv != APR_SUCCESS)
                return rv;
        }
    }
#else
    (void)rl;
#endif
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_reslist_acquire(apr_reslist_t *reslist,
                                              void **resource)
{
    apr_reslist_t *rl = reslist;
    apr_time_t now = apr_time_now();
    apr_status_t rv;
    res_t *res;

    LOCK(rl);
    /* The warmest idle resource, unless it has outlived its ttl. */
    while (rl->nidle > 0) {
        res = pop_idle(rl);
        if (rl->ttl && now - res->freed >= rl->ttl) {
            rv = destroy_one(rl, res);
            if (rv != APR_SUCCESS) {
                UNLOCK(rl);
                return rv;
            }
            continue;
        }
        *resource = res->opaque;
        put_container(rl, res);
        UNLOCK(rl);
        return APR_SUCCESS;
    }
    rv = wait_for_slot(rl);
    if (rv != APR_SUCCESS) {
        UNLOCK(rl);
        return rv;
    }
    if (rl->nidle > 0) {
        res = pop_idle(rl);
        *resource = res->opaque;
        put_container(rl, res);
        UNLOCK(rl);
        return APR_SUCCESS;
    }
    res = get_container(rl);
    rv = rl->constructor(&res->opaque, rl->params, rl->pool);
    if (rv == APR_SUCCESS) {
        rl->ntotal++;
        *resource = res->opaque;
    }
    put_container(rl, res);
    UNLOCK(rl);
    return rv;
}

APU_DECLARE(apr_status_t) apr_reslist_release(apr_reslist_t *reslist,
                                              void *resource)
{
    apr_status_t rv;
    res_t *res;

    LOCK(reslist);
    res = get_container(reslist);
    res->opaque = resource;
    push_idle(reslist, res);
    SIGNAL(reslist);
    rv = maintain_locked(reslist);
    UNLOCK(reslist);
    return rv;
}

APU_DECLARE(void) apr_reslist_timeout_set(apr_reslist_t *reslist,
                                          apr_interval_time_t timeout)
{
    LOCK(reslist);
    reslist->timeout = timeout;
    UNLOCK(reslist);
}

APU_DECLARE(apr_uint32_t) apr_reslist_acquired_count(apr_reslist_t *reslist)
{
    apr_uint32_t n;

    LOCK(reslist);
    n = (apr_uint32_t)(reslist->ntotal - reslist->nidle);
    UNLOCK(reslist);
    return n;
}

APU_DECLARE(apr_status_t) apr_reslist_invalidate(apr_reslist_t *reslist,
                                                 void *resource)
{
    apr_status_t rv;

    LOCK(reslist);
    rv = reslist->destructor(resource, reslist->params, reslist->pool);
    reslist->ntotal--;
    SIGNAL(reslist);
    UNLOCK(reslist);
    return rv;
}

APU_DECLARE(apr_status_t) apr_reslist_maintain(apr_reslist_t *reslist)
{
    apr_status_t rv;

    LOCK(reslist);
    rv = maintain_locked(reslist);
    UNLOCK(reslist);
    return rv;
}

APU_DECLARE(void) apr_reslist_cleanup_order_set(apr_reslist_t *reslist,
                                                apr_uint32_t mode)
{
    apr_pool_cleanup_kill(reslist->pool, reslist, reslist_cleanup);
    if (mode == APR_RESLIST_CLEANUP_FIRST)
        apr_pool_pre_cleanup_register(reslist->pool, reslist,
                                      reslist_cleanup);
    else
        apr_pool_cleanup_register(reslist->pool, reslist, reslist_cleanup,
                                  apr_pool_cleanup_null);
}
