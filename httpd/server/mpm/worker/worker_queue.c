/*
 * worker_queue.c: the hand-over between the listener and the workers.
 *
 * The listener first reserves an idle worker, then accepts: a child never
 * accepts a connection it has no thread for (the connection then waits in
 * the kernel's backlog where another child may take it). One mutex guards
 * the socket ring, the idle count and the recycled connection pools; it is
 * held for a few stores only.
 */
#include "apr_thread_mutex.h"
#include "apr_thread_cond.h"
#include "apr_allocator.h"

#include "worker_private.h"

typedef struct {
    apr_socket_t *sd;
    apr_pool_t *p;
} queue_item_t;

struct ap__worker_queue {
    apr_thread_mutex_t *mutex;
    apr_thread_cond_t *not_empty;   /* workers wait here for a socket */
    apr_thread_cond_t *idle;        /* the listener waits for an idler */
    queue_item_t *ring;
    int capacity;
    int head;                       /* next to pop */
    int count;
    int idlers;                     /* idle workers not reserved yet */
    int terminated;                 /* no more sockets will come */
    int no_reserve;                 /* the listener is told to stop */
    apr_pool_t **pools;             /* recycled connection pools */
    int npools;
    int pools_cap;
};

apr_status_t ap__worker_queue_create(ap__worker_queue_t **qp, int capacity,
                                     apr_pool_t *p)
{
    ap__worker_queue_t *q = apr_pcalloc(p, sizeof(*q));
    apr_status_t rv;

    rv = apr_thread_mutex_create(&q->mutex, APR_THREAD_MUTEX_DEFAULT, p);
    if (rv == APR_SUCCESS) {
        rv = apr_thread_cond_create(&q->not_empty, p);
    }
    if (rv == APR_SUCCESS) {
        rv = apr_thread_cond_create(&q->idle, p);
    }
    if (rv != APR_SUCCESS) {
        return rv;
    }
    /* A socket is only queued for a reserved idle worker: never more
     * than one per thread. */
    q->capacity = capacity > 0 ? capacity : 1;
    q->ring = apr_palloc(p, sizeof(*q->ring) * (apr_size_t)q->capacity);
    q->pools_cap = q->capacity + 1;
    q->pools = apr_palloc(p, sizeof(*q->pools) * (apr_size_t)q->pools_cap);
    *qp = q;
    return APR_SUCCESS;
}

/* A connection pool with its own allocator: connections in different
 * threads never share an allocator lock. */
static apr_pool_t *new_pool(void)
{
    apr_allocator_t *allocator;
    apr_pool_t *p;

    if (apr_allocator_create(&allocator) != APR_SUCCESS) {
        return NULL;
    }
    apr_allocator_max_free_set(allocator, ap_max_mem_free);
    if (apr_pool_create_unmanaged_ex(&p, NULL, allocator) != APR_SUCCESS) {
        apr_allocator_destroy(allocator);
        return NULL;
    }
    apr_allocator_owner_set(allocator, p);
    apr_pool_tag(p, "transaction");
    return p;
}

apr_status_t ap__worker_queue_reserve(ap__worker_queue_t *q,
                                      apr_pool_t **pool)
{
    apr_pool_t *p = NULL;

    apr_thread_mutex_lock(q->mutex);
    while (q->idlers <= 0 && !q->terminated && !q->no_reserve) {
        apr_thread_cond_wait(q->idle, q->mutex);
    }
    if (q->terminated || q->no_reserve) {
        apr_thread_mutex_unlock(q->mutex);
        return APR_EOF;
    }
    q->idlers--;
    if (q->npools > 0) {
        p = q->pools[--q->npools];
    }
    apr_thread_mutex_unlock(q->mutex);
    *pool = p ? p : new_pool();
    return *pool ? APR_SUCCESS : APR_ENOMEM;
}

void ap__worker_queue_push(ap__worker_queue_t *q, apr_socket_t *sd,
                           apr_pool_t *p)
{
    queue_item_t *it;

    apr_thread_mutex_lock(q->mutex);
    /* Cannot overflow: one item per reservation, one reservation per
     * idle worker. */
    it = &q->ring[(q->head + q->count) % q->capacity];
    it->sd = sd;
    it->p = p;
    q->count++;
    apr_thread_cond_signal(q->not_empty);
    apr_thread_mutex_unlock(q->mutex);
}

apr_status_t ap__worker_queue_pop(ap__worker_queue_t *q, apr_pool_t *done,
                                  apr_socket_t **sd, apr_pool_t **p)
{
    if (done) {
        /* Closes the socket and frees the connection, outside the lock. */
        apr_pool_clear(done);
    }
    apr_thread_mutex_lock(q->mutex);
    if (done && q->npools < q->pools_cap) {
        q->pools[q->npools++] = done;
        done = NULL;
    }
    q->idlers++;
    apr_thread_cond_signal(q->idle);
    while (q->count == 0 && !q->terminated) {
        apr_thread_cond_wait(q->not_empty, q->mutex);
    }
    if (q->count == 0) {
        apr_thread_mutex_unlock(q->mutex);
        if (done) {
            apr_pool_destroy(done);
        }
        return APR_EOF;
    }
    *sd = q->ring[q->head].sd;
    *p = q->ring[q->head].p;
    q->head = (q->head + 1) % q->capacity;
    q->count--;
    apr_thread_mutex_unlock(q->mutex);
    if (done) {
        apr_pool_destroy(done);   /* more spare pools than we need */
    }
    return APR_SUCCESS;
}

void ap__worker_queue_term(ap__worker_queue_t *q)
{
    apr_thread_mutex_lock(q->mutex);
    q->terminated = 1;
    apr_thread_cond_broadcast(q->not_empty);
    apr_thread_cond_broadcast(q->idle);
    apr_thread_mutex_unlock(q->mutex);
}

void ap__worker_queue_stop_reserving(ap__worker_queue_t *q)
{
    apr_thread_mutex_lock(q->mutex);
    q->no_reserve = 1;
    apr_thread_cond_broadcast(q->idle);
    apr_thread_mutex_unlock(q->mutex);
}
