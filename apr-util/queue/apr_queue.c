/*
 * apr_queue.c: a bounded FIFO of pointers, shared by threads.
 *
 * A ring buffer of `bounds` slots under one mutex, with two condition
 * variables: producers wait on not_full, consumers on not_empty. Waiter
 * counts let push/pop skip the signal when nobody waits. A blocked caller
 * that wakes without being able to proceed was interrupted (APR_EINTR) or
 * the queue was terminated (APR_EOF).
 */
#include "apr_queue.h"
#include "apr_thread_mutex.h"
#include "apr_thread_cond.h"

#if APR_HAS_THREADS

struct apr_queue_t {
    void **data;
    unsigned int nelts;     /* items in the queue */
    unsigned int in;        /* next slot to fill */
    unsigned int out;       /* next slot to empty */
    unsigned int bounds;    /* capacity */
    unsigned int full_waiters;
    unsigned int empty_waiters;
    apr_thread_mutex_t *mutex;
    apr_thread_cond_t *not_empty;
    apr_thread_cond_t *not_full;
    int terminated;         /* written under mutex, read under it too */
};

static apr_status_t queue_destroy(void *data)
{
    apr_queue_t *q = data;

    apr_thread_cond_destroy(q->not_empty);
    apr_thread_cond_destroy(q->not_full);
    apr_thread_mutex_destroy(q->mutex);
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_queue_create(apr_queue_t **queue,
                                           unsigned int queue_capacity,
                                           apr_pool_t *a)
{
    apr_queue_t *q = apr_pcalloc(a, sizeof(*q));
    apr_status_t rv;

    rv = apr_thread_mutex_create(&q->mutex, APR_THREAD_MUTEX_UNNESTED, a);
    if (rv != APR_SUCCESS)
        return rv;
    rv = apr_thread_cond_create(&q->not_empty, a);
    if (rv != APR_SUCCESS)
        return rv;
    rv = apr_thread_cond_create(&q->not_full, a);
    if (rv != APR_SUCCESS)
        return rv;
    /* A zero capacity still gets one slot of storage; it is never used
     * because the queue is always full. */
    q->data = apr_pcalloc(a, (queue_capacity ? queue_capacity : 1)
                             * sizeof(void *));
    q->bounds = queue_capacity;
    apr_pool_cleanup_register(a, q, queue_destroy, apr_pool_cleanup_null);
    *queue = q;
    return APR_SUCCESS;
}

/* Called with the mutex held: whether the caller may not proceed. */
static apr_status_t blocked_status(apr_queue_t *q)
{
    apr_thread_mutex_unlock(q->mutex);
    return q->terminated ? APR_EOF : APR_EINTR;
}

static void put_item(apr_queue_t *q, void *data)
{
    q->data[q->in] = data;
    q->in = (q->in + 1) % q->bounds;
    q->nelts++;
    if (q->empty_waiters)
        apr_thread_cond_signal(q->not_empty);
}

static void *take_item(apr_queue_t *q)
{
    void *data = q->data[q->out];

    q->out = (q->out + 1) % q->bounds;
    q->nelts--;
    if (q->full_waiters)
        apr_thread_cond_signal(q->not_full);
    return data;
}

static apr_status_t queue_push(apr_queue_t *q, void *data, int block)
{
    apr_status_t rv = apr_thread_mutex_lock(q->mutex);

    if (rv != APR_SUCCESS)
        return rv;
    if (q->terminated) {
        apr_thread_mutex_unlock(q->mutex);
        return APR_EOF;
    }
    if (q->nelts >= q->bounds) {
        if (!block) {
            apr_thread_mutex_unlock(q->mutex);
            return APR_EAGAIN;
        }
        /* One wait only: a wake-up that leaves the queue full is an
         * interruption (or termination), reported to the caller. */
        q->full_waiters++;
        rv = apr_thread_cond_wait(q->not_full, q->mutex);
        q->full_waiters--;
        if (rv != APR_SUCCESS) {
            apr_thread_mutex_unlock(q->mutex);
            return rv;
        }
        if (q->terminated || q->nelts >= q->bounds)
            return blocked_status(q);
    }
    put_item(q, data);
    return apr_thread_mutex_unlock(q->mutex);
}

static apr_status_t queue_pop(apr_queue_t *q, void **data, int block)
{
    apr_status_t rv = apr_thread_mutex_lock(q->mutex);

    if (rv != APR_SUCCESS)
        return rv;
    if (q->terminated) {
        apr_thread_mutex_unlock(q->mutex);
        return APR_EOF;
    }
    if (q->nelts == 0) {
        if (!block) {
            apr_thread_mutex_unlock(q->mutex);
            return APR_EAGAIN;
        }
        q->empty_waiters++;
        rv = apr_thread_cond_wait(q->not_empty, q->mutex);
        q->empty_waiters--;
        if (rv != APR_SUCCESS) {
            apr_thread_mutex_unlock(q->mutex);
            return rv;
        }
        if (q->terminated || q->nelts == 0)
            return blocked_status(q);
    }
    *data = take_item(q);
    return apr_thread_mutex_unlock(q->mutex);
}

APU_DECLARE(apr_status_t) apr_queue_push(apr_queue_t *queue, void *data)
{
    return queue_push(queue, data, 1);
}

APU_DECLARE(apr_status_t) apr_queue_trypush(apr_queue_t *queue, void *data)
{
    return queue_push(queue, data, 0);
}

APU_DECLARE(apr_status_t) apr_queue_pop(apr_queue_t *queue, void **data)
{
    return queue_pop(queue, data, 1);
}

APU_DECLARE(apr_status_t) apr_queue_trypop(apr_queue_t *queue, void **data)
{
    return queue_pop(queue, data, 0);
}

APU_DECLARE(unsigned int) apr_queue_size(apr_queue_t *queue)
{
    unsigned int n;

    /* Documented as unlocked; a short lock keeps thread sanitizers quiet
     * and costs nothing a monitor would notice. */
    apr_thread_mutex_lock(queue->mutex);
    n = queue->nelts;
    apr_thread_mutex_unlock(queue->mutex);
    return n;
}

APU_DECLARE(apr_status_t) apr_queue_interrupt_all(apr_queue_t *queue)
{
    apr_status_t rv = apr_thread_mutex_lock(queue->mutex);

    if (rv != APR_SUCCESS)
        return rv;
    apr_thread_cond_broadcast(queue->not_empty);
    apr_thread_cond_broadcast(queue->not_full);
    return apr_thread_mutex_unlock(queue->mutex);
}

APU_DECLARE(apr_status_t) apr_queue_term(apr_queue_t *queue)
{
    apr_status_t rv = apr_thread_mutex_lock(queue->mutex);

    if (rv != APR_SUCCESS)
        return rv;
    queue->terminated = 1;
    rv = apr_thread_mutex_unlock(queue->mutex);
    if (rv != APR_SUCCESS)
        return rv;
    return apr_queue_interrupt_all(queue);
}

#endif /* APR_HAS_THREADS */
