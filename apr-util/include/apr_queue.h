/*
 * apr_queue.h: a bounded, thread-safe FIFO of pointers.
 *
 * Producers block in apr_queue_push() while the queue is full, consumers in
 * apr_queue_pop() while it is empty. apr_queue_interrupt_all() wakes every
 * blocked caller with APR_EINTR; apr_queue_term() does the same and makes
 * every later call fail with APR_EOF. The queue, its mutex and condition
 * variables belong to the pool given to apr_queue_create(); the items are
 * the caller's.
 */
#ifndef APR_QUEUE_H
#define APR_QUEUE_H

/**
 * @file apr_queue.h
 * @brief Thread Safe FIFO bounded queue
 * @note Needs thread support (APR_HAS_THREADS): it is built on
 *       apr_thread_cond_t.
 */

#include "apu.h"
#include "apr_errno.h"
#include "apr_pools.h"

#if APR_HAS_THREADS

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_Util_FIFO Thread Safe FIFO bounded queue
 * @ingroup APR_Util
 * @{
 */

/** A bounded FIFO queue (opaque). */
typedef struct apr_queue_t apr_queue_t;

/**
 * Create an empty queue.
 * @param queue Receives the new queue
 * @param queue_capacity The most items it holds at once
 * @param a The pool it lives in; its cleanup destroys the queue's locks
 */
APU_DECLARE(apr_status_t) apr_queue_create(apr_queue_t **queue,
                                           unsigned int queue_capacity,
                                           apr_pool_t *a);

/**
 * Append an item, waiting while the queue is full.
 * @return APR_SUCCESS; APR_EINTR if apr_queue_interrupt_all() woke the
 *         caller (nothing was added: try again); APR_EOF once the queue
 *         is terminated
 */
APU_DECLARE(apr_status_t) apr_queue_push(apr_queue_t *queue, void *data);

/**
 * Take the oldest item, waiting while the queue is empty.
 * @return APR_SUCCESS (*data set); APR_EINTR if woken by
 *         apr_queue_interrupt_all() (nothing taken); APR_EOF once the
 *         queue is terminated
 */
APU_DECLARE(apr_status_t) apr_queue_pop(apr_queue_t *queue, void **data);

/**
 * Append an item if there is room, without waiting.
 * @return APR_SUCCESS; APR_EAGAIN if the queue is full; APR_EOF once the
 *         queue is terminated
 */
APU_DECLARE(apr_status_t) apr_queue_trypush(apr_queue_t *queue, void *data);

/**
 * Take the oldest item if there is one, without waiting.
 * @return APR_SUCCESS (*data set); APR_EAGAIN if the queue is empty;
 *         APR_EOF once the queue is terminated
 */
APU_DECLARE(apr_status_t) apr_queue_trypop(apr_queue_t *queue, void **data);

/**
 * The number of items in the queue, read without locking: a snapshot for
 * monitoring, possibly stale by the time it is used.
 */
APU_DECLARE(unsigned int) apr_queue_size(apr_queue_t *queue);

/**
 * Wake every thread blocked in apr_queue_push() or apr_queue_pop(); each
 * returns APR_EINTR. The queue stays usable.
 */
APU_DECLARE(apr_status_t) apr_queue_interrupt_all(apr_queue_t *queue);

/**
 * Terminate the queue: blocked callers are woken, and every later push or
 * pop (blocking or not) returns APR_EOF. Items still queued are not
 * returned to anyone.
 */
APU_DECLARE(apr_status_t) apr_queue_term(apr_queue_t *queue);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_HAS_THREADS */

#endif /* APR_QUEUE_H */
