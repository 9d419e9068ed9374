/*
 * apr_thread_cond.h: condition variables between the threads of one
 * process.
 *
 * A condition variable lives in the pool it was created from: a cleanup
 * destroys it when that pool is cleared or destroyed. Destroying it (or
 * its pool) while threads wait on it is undefined.
 */
#ifndef APR_THREAD_COND_H
#define APR_THREAD_COND_H

/**
 * @file apr_thread_cond.h
 * @brief APR condition variables
 */

#include "apr.h"
#include "apr_pools.h"
#include "apr_errno.h"
#include "apr_time.h"
#include "apr_thread_mutex.h"

#ifdef __cplusplus
extern "C" {
#endif

#if APR_HAS_THREADS || defined(DOXYGEN)

/**
 * @defgroup apr_thread_cond Condition Variable Routines
 * @ingroup APR
 * @{
 */

/** A condition variable (opaque). */
typedef struct apr_thread_cond_t apr_thread_cond_t;

/**
 * Create a condition variable.
 * @param cond Receives the condition variable.
 * @param pool The pool it lives in (its cleanup destroys it).
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_cond_create(apr_thread_cond_t **cond,
                                                 apr_pool_t *pool);

/**
 * Release @a mutex, which the caller must hold, and sleep until the
 * condition is signalled; @a mutex is held again on return. Wake-ups may
 * be spurious: test the awaited state in a loop.
 * @param cond The condition variable.
 * @param mutex The mutex guarding the state.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_cond_wait(apr_thread_cond_t *cond,
                                               apr_thread_mutex_t *mutex);

/**
 * As apr_thread_cond_wait(), but give up after @a timeout microseconds
 * (a relative time, measured on a clock that setting the date does not
 * move where the system has one).
 * @param cond The condition variable.
 * @param mutex The mutex guarding the state; held again on return.
 * @param timeout Microseconds to wait at most: 0 does not sleep; a
 *        negative value waits without limit, as apr_thread_cond_wait().
 * @return APR_SUCCESS if woken, APR_TIMEUP if the time ran out (test with
 *         APR_STATUS_IS_TIMEUP), or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_cond_timedwait(apr_thread_cond_t *cond,
                                                    apr_thread_mutex_t *mutex,
                                                    apr_interval_time_t timeout);

/**
 * Wake one thread waiting on @a cond, if any. Holding the associated
 * mutex while calling is not required but gives predictable scheduling.
 * @param cond The condition variable.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_cond_signal(apr_thread_cond_t *cond);

/**
 * Wake every thread waiting on @a cond; they reacquire the mutex one at
 * a time.
 * @param cond The condition variable.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_cond_broadcast(apr_thread_cond_t *cond);

/**
 * Destroy the condition variable now (and unregister its pool cleanup).
 * @param cond The condition variable; no thread may be waiting on it.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_cond_destroy(apr_thread_cond_t *cond);

/** The pool the condition variable lives in. */
APR_POOL_DECLARE_ACCESSOR(thread_cond);

/** @} */

#endif /* APR_HAS_THREADS */

#ifdef __cplusplus
}
#endif

#endif /* !APR_THREAD_COND_H */
