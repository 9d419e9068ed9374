/*
 * event_jobq.c: the job queue between the listener and the workers, and
 * the recycling of connection pools.
 *
 * One mutex guards the job ring and the recycled pools; it is held for a
 * few stores only. Connection pools are never destroyed while the child
 * runs: clearing and reusing them keeps malloc out of the steady state.
 */
#include <string.h>

#include "apr_thread_cond.h"
#include "apr_allocator.h"
#include "apr_atomic.h"

#include "event_private.h"

struct ap__event_jobq {
    apr_thread_mutex_t *mutex;
    apr_thread_cond_t *cond;
    apr_pool_t *p;              /* grows the ring; used under the mutex */
    ap__event_job_t *ring;
    int capacity;
    int head;                   /* next to pop */
    int count;
    volatile apr_uint32_t idlers;
    int terminated;
    apr_pool_t **pools;         /* recycled connection pools */
    int npools;
    int pools_cap;
};

apr_status_t ap__event_jobq_create(ap__event_jobq_t **qp, int capacity,
                                   apr_pool_t *p)
{
    ap__event_jobq_t *q = apr_pcalloc(p, sizeof(*q));
    apr_status_t rv;

    rv = apr_thread_mutex_create(&q->mutex, APR_THREAD_MUTEX_DEFAULT, p);
    if (rv == APR_SUCCESS) {
        rv = apr_thread_cond_create(&q->cond, p);
    }
    if (rv != APR_SUCCESS) {
        return rv;
    }
    q->p = p;
    q->capacity = capacity > 16 ? capacity : 16;
    q->ring = apr_palloc(p, sizeof(*q->ring) * (apr_size_t)q->capacity);
    q->pools_cap = q->capacity;
    q->pools = apr_palloc(p, sizeof(*q->pools) * (apr_size_t)q->pools_cap);
    *qp = q;
    return APR_SUCCESS;
}

/* Double the ring, unrolled so that head is 0 again. */
static void grow(ap__event_jobq_t *q)
{
    int cap = q->capacity * 2;
    ap__event_job_t *ring = apr_palloc(q->p, sizeof(*ring) * (apr_size_t)cap);
    int i;

    for (i = 0; i < q->count; i++) {
        ring[i] = q->ring[(q->head + i) % q->capacity];
    }
    q->ring = ring;
    q->capacity = cap;
    q->head = 0;
}

apr_status_t ap__event_jobq_push(ap__event_jobq_t *q,
                                 const ap__event_job_t *job)
{
    apr_thread_mutex_lock(q->mutex);
    if (q->count == q->capacity) {
        grow(q);
    }
    q->ring[(q->head + q->count) % q->capacity] = *job;
    q->count++;
    apr_thread_cond_signal(q->cond);
    apr_thread_mutex_unlock(q->mutex);
    return APR_SUCCESS;
}

apr_status_t ap__event_jobq_pop(ap__event_jobq_t *q, ap__event_job_t *job)
{
    apr_thread_mutex_lock(q->mutex);
    apr_atomic_inc32(&q->idlers);
    while (q->count == 0 && !q->terminated) {
        apr_thread_cond_wait(q->cond, q->mutex);
    }
    apr_atomic_dec32(&q->idlers);
    if (q->count == 0) {
        apr_thread_mutex_unlock(q->mutex);
        return APR_EOF;
    }
    *job = q->ring[q->head];
    q->head = (q->head + 1) % q->capacity;
    q->count--;
    apr_thread_mutex_unlock(q->mutex);
    return APR_SUCCESS;
}

void ap__event_jobq_term(ap__event_jobq_t *q)
{
    apr_thread_mutex_lock(q->mutex);
    q->terminated = 1;
    apr_thread_cond_broadcast(q->cond);
    apr_thread_mutex_unlock(q->mutex);
}

int ap__event_jobq_idlers(ap__event_jobq_t *q)
{
    return (int)apr_atomic_read32(&q->idlers);
}

int ap__event_jobq_backlog(ap__event_jobq_t *q)
{
    int n;

    apr_thread_mutex_lock(q->mutex);
    n = q->count;
    apr_thread_mutex_unlock(q->mutex);
    return n;
}

apr_pool_t *ap__event_pool_get(ap__event_jobq_t *q)
{
    apr_allocator_t *allocator;
    apr_pool_t *p = NULL;

    apr_thread_mutex_lock(q->mutex);
    if (q->npools > 0) {
        p = q->pools[--q->npools];
    }
    apr_thread_mutex_unlock(q->mutex);
    if (p) {
        return p;
    }
    /* Each connection pool has its own allocator: no lock is shared
     * between connections while they allocate. */
    if (apr_allocator_create(&allocator) != APR_SUCCESS) {
        return NULL;
    }
    /* Without a MaxMemFree, a connection keeps no free memory of its
     * own: what a request used goes back to malloc, where any connection
     * can reuse it, instead of staying with a connection that may then
     * sit idle in keep-alive for a long time. */
    apr_allocator_max_free_set(allocator,
                               ap_max_mem_free != APR_ALLOCATOR_MAX_FREE_UNLIMITED
                               ? ap_max_mem_free : 1);
    if (apr_pool_create_unmanaged_ex(&p, NULL, allocator) != APR_SUCCESS) {
        apr_allocator_destroy(allocator);
        return NULL;
    }
    apr_allocator_owner_set(allocator, p);
    apr_pool_tag(p, "transaction");
    return p;
}

void ap__event_pool_put(ap__event_jobq_t *q, apr_pool_t *p)
{
    apr_pool_clear(p);
    apr_thread_mutex_lock(q->mutex);
    if (q->npools < q->pools_cap) {
        q->pools[q->npools++] = p;
        p = NULL;
    }
    apr_thread_mutex_unlock(q->mutex);
    if (p) {
        apr_pool_destroy(p);   /* more spare pools than we ever need */
    }
}
