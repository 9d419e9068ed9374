/*
 * event_jobq.c: the job queue between the listener and the workers, and
 * the recycling of connection pools.
 *
 * Waking a sleeping thread costs two context switches, more than serving
 * a small request. So a job goes straight to a sleeping worker only while
 * fewer workers run than the machine has processors; otherwise it waits
 * in the ring for the first running worker to finish, which takes it
 * without sleeping in between. A worker blocked in a slow handler would
 * leave such a job waiting: the listener's tick hands the jobs that
 * waited for AP__EVENT_JOB_LAG to sleeping workers whatever the count
 * (each goes back to sleep once the ring is empty). That all workers are
 * then busy does not make them stuck: only when no job left the ring for
 * AP__EVENT_JOB_LAG either are they (ap__event_jobq_stalled()).
 *
 * Sleeping workers form a stack: the one that slept last, whose stack
 * and data are still in the caches, is woken first. Each has its own
 * mutex and condition, so a woken worker never contends for the queue's
 * mutex with the listener that woke it.
 */
#include "apr_thread_cond.h"
#include "apr_allocator.h"
#include "apr_atomic.h"

#include "event_private.h"
#include "os_sys.h"


typedef struct waiter waiter_t;
struct waiter {
    apr_thread_mutex_t *m;
    apr_thread_cond_t *c;
    int ready;                  /* under m: job (or termination) given */
    int active;                 /* under the queue mutex: holds a job */
    ap__event_job_t job;
    waiter_t *next;             /* in the stack of sleepers */
};

typedef struct {
    ap__event_job_t job;
    apr_time_t queued;
} slot_t;

struct ap__event_jobq {
    apr_thread_mutex_t *mutex;
    apr_pool_t *p;              /* grows the ring; used under the mutex */
    slot_t *ring;
    int capacity;
    int head;                   /* next to pop */
    int count;
    waiter_t *waiters;          /* one per worker thread */
    int nwaiters;
    waiter_t *sleepers;         /* stack, most recent first */
    volatile apr_uint32_t idlers;
    int running;                /* workers holding a job */
    int max_running;
    int terminated;
    int ring_used;              /* the listener's own: a job went to the
                                 * ring since the ring was last empty */
    apr_time_t progress;        /* last time a job left a longer ring */
    apr_thread_mutex_t *pool_mutex;
    apr_pool_t **pools;         /* recycled connection pools */
    int npools;
    int pools_cap;
};

static apr_status_t make_waiters(ap__event_jobq_t *q, int n, apr_pool_t *p)
{
    int i;

    q->waiters = apr_pcalloc(p, sizeof(*q->waiters) * (apr_size_t)n);
    q->nwaiters = n;
    for (i = 0; i < n; i++) {
        apr_status_t rv = apr_thread_mutex_create(&q->waiters[i].m,
                                                  APR_THREAD_MUTEX_DEFAULT, p);
        if (rv == APR_SUCCESS) {
            rv = apr_thread_cond_create(&q->waiters[i].c, p);
        }
        if (rv != APR_SUCCESS) {
            return rv;
        }
    }
    return APR_SUCCESS;
}

apr_status_t ap__event_jobq_create(ap__event_jobq_t **qp, int workers,
                                   apr_pool_t *p)
{
    ap__event_jobq_t *q = apr_pcalloc(p, sizeof(*q));
    apr_status_t rv;

    rv = apr_thread_mutex_create(&q->mutex, APR_THREAD_MUTEX_DEFAULT, p);
    if (rv == APR_SUCCESS) {
        rv = apr_thread_mutex_create(&q->pool_mutex, APR_THREAD_MUTEX_DEFAULT,
                                     p);
    }
    if (rv == APR_SUCCESS) {
        rv = make_waiters(q, workers, p);
    }
    if (rv != APR_SUCCESS) {
        return rv;
    }
    q->p = p;
    q->capacity = workers * 4 > 16 ? workers * 4 : 16;
    q->ring = apr_palloc(p, sizeof(*q->ring) * (apr_size_t)q->capacity);
    q->pools_cap = workers;     /* one per worker; more were a burst */
    q->pools = apr_palloc(p, sizeof(*q->pools) * (apr_size_t)q->pools_cap);
    q->max_running = ap__os_online_cpus();
    *qp = q;
    return APR_SUCCESS;
}

/* Double the ring, unrolled so that head is 0 again. */
static void grow(ap__event_jobq_t *q)
{
    int cap = q->capacity * 2;
    slot_t *ring = apr_palloc(q->p, sizeof(*ring) * (apr_size_t)cap);
    int i;

    for (i = 0; i < q->count; i++) {
        ring[i] = q->ring[(q->head + i) % q->capacity];
    }
    q->ring = ring;
    q->capacity = cap;
    q->head = 0;
}

/* Take the most recent sleeper off the stack and give it @a job (caller
 * holds the mutex; the sleeper is woken by wake() after unlocking). */
static waiter_t *hand_over(ap__event_jobq_t *q, const ap__event_job_t *job)
{
    waiter_t *w = q->sleepers;

    q->sleepers = w->next;
    apr_atomic_dec32(&q->idlers);
    w->job = *job;
    w->active = 1;
    q->running++;
    return w;
}

static void wake(waiter_t *w)
{
    apr_thread_mutex_lock(w->m);
    w->ready = 1;
    apr_thread_mutex_unlock(w->m);
    apr_thread_cond_signal(w->c);
}

apr_status_t ap__event_jobq_push(ap__event_jobq_t *q,
                                 const ap__event_job_t *job)
{
    waiter_t *w = NULL;

    apr_thread_mutex_lock(q->mutex);
    if (q->sleepers && q->running < q->max_running) {
        w = hand_over(q, job);
    }
    else {
        if (q->count == q->capacity) {
            grow(q);
        }
        q->ring[(q->head + q->count) % q->capacity].job = *job;
        q->ring[(q->head + q->count) % q->capacity].queued = apr_time_now();
        q->count++;
        q->ring_used = 1;
    }
    apr_thread_mutex_unlock(q->mutex);
    if (w) {
        wake(w);
    }
    return APR_SUCCESS;
}

static void take(ap__event_jobq_t *q, ap__event_job_t *job)
{
    if (q->count > 1) {
        q->progress = apr_time_now();   /* others still wait: measure */
    }
    *job = q->ring[q->head].job;
    q->head = (q->head + 1) % q->capacity;
    q->count--;
}

apr_status_t ap__event_jobq_pop(ap__event_jobq_t *q, int worker,
                                ap__event_job_t *job)
{
    waiter_t *w = &q->waiters[worker];
    int term;

    apr_thread_mutex_lock(q->mutex);
    if (q->count > 0 && !q->terminated) {
        take(q, job);
        if (!w->active) {
            w->active = 1;
            q->running++;
        }
        apr_thread_mutex_unlock(q->mutex);
        return APR_SUCCESS;
    }
    if (w->active) {
        w->active = 0;
        q->running--;
    }
    if (q->terminated) {
        apr_thread_mutex_unlock(q->mutex);
        return APR_EOF;
    }
    w->next = q->sleepers;
    q->sleepers = w;
    apr_atomic_inc32(&q->idlers);
    apr_thread_mutex_unlock(q->mutex);

    apr_thread_mutex_lock(w->m);
    while (!w->ready) {
        apr_thread_cond_wait(w->c, w->m);
    }
    w->ready = 0;
    apr_thread_mutex_unlock(w->m);

    /* What the waker stored before setting ready is visible here. */
    term = !w->active;          /* woken without a job: terminated */
    if (!term) {
        *job = w->job;
    }
    return term ? APR_EOF : APR_SUCCESS;
}

apr_interval_time_t ap__event_jobq_tick(ap__event_jobq_t *q, apr_time_t now)
{
    waiter_t *woken[16];
    apr_interval_time_t next = -1;
    int n = 0, i;

    if (!q->ring_used) {
        return -1;              /* nothing queued: no lock taken */
    }
    apr_thread_mutex_lock(q->mutex);
    while (q->count > 0 && q->sleepers && n < (int)(sizeof(woken) / sizeof(*woken))
           && q->ring[q->head].queued + AP__EVENT_JOB_LAG <= now) {
        ap__event_job_t job;

        take(q, &job);
        woken[n++] = hand_over(q, &job);
    }
    if (q->count == 0) {
        q->ring_used = 0;
    }
    else {
        next = q->ring[q->head].queued + AP__EVENT_JOB_LAG - now;
        if (next < 0) {
            next = 0;
        }
    }
    apr_thread_mutex_unlock(q->mutex);
    for (i = 0; i < n; i++) {
        wake(woken[i]);
    }
    return next;
}

void ap__event_jobq_term(ap__event_jobq_t *q)
{
    waiter_t *w;

    apr_thread_mutex_lock(q->mutex);
    q->terminated = 1;
    w = q->sleepers;
    q->sleepers = NULL;
    apr_thread_mutex_unlock(q->mutex);
    while (w) {
        waiter_t *next = w->next;   /* read before it may wake and leave */
        apr_atomic_dec32(&q->idlers);
        wake(w);
        w = next;
    }
}

int ap__event_jobq_idlers(ap__event_jobq_t *q)
{
    return (int)apr_atomic_read32(&q->idlers);
}

int ap__event_jobq_stalled(ap__event_jobq_t *q, apr_time_t now)
{
    int stalled = 0;

    apr_thread_mutex_lock(q->mutex);
    if (!q->sleepers && q->count > 0) {
        apr_time_t since = q->ring[q->head].queued > q->progress
                           ? q->ring[q->head].queued : q->progress;
        stalled = since + AP__EVENT_JOB_LAG <= now;
    }
    apr_thread_mutex_unlock(q->mutex);
    return stalled;
}

int ap__event_jobq_running(ap__event_jobq_t *q)
{
    int n;

    apr_thread_mutex_lock(q->mutex);
    n = q->running;
    apr_thread_mutex_unlock(q->mutex);
    return n;
}

apr_pool_t *ap__event_pool_get(ap__event_jobq_t *q)
{
    apr_allocator_t *allocator;
    apr_pool_t *p = NULL;

    apr_thread_mutex_lock(q->pool_mutex);
    if (q->npools > 0) {
        p = q->pools[--q->npools];
    }
    apr_thread_mutex_unlock(q->pool_mutex);
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
    apr_thread_mutex_lock(q->pool_mutex);
    if (q->npools < q->pools_cap) {
        q->pools[q->npools++] = p;
        p = NULL;
    }
    apr_thread_mutex_unlock(q->pool_mutex);
    if (p) {
        apr_pool_destroy(p);   /* more spare pools than we ever need */
    }
}
