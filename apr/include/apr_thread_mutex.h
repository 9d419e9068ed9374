/*
 * apr_thread_mutex.h: mutexes between the threads of one process.
 *
 * A mutex lives in the pool it was created from: a cleanup destroys it
 * when that pool is cleared or destroyed.
 */
#ifndef APR_THREAD_MUTEX_H
#define APR_THREAD_MUTEX_H

/**
 * @file apr_thread_mutex.h
 * @brief APR thread mutex routines
 */

#include "apr.h"
#include "apr_errno.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_thread_mutex Thread Mutex Routines
 * @ingroup APR
 * @{
 */

#if APR_HAS_THREADS

/** A thread mutex (opaque). */
typedef struct apr_thread_mutex_t apr_thread_mutex_t;

/** The platform's fastest kind of mutex; relocking it is undefined. */
#define APR_THREAD_MUTEX_DEFAULT  0x0
/** A recursive mutex: its holder may lock it again (and unlocks as often). */
#define APR_THREAD_MUTEX_NESTED   0x1
/** A mutex that is not recursive. */
#define APR_THREAD_MUTEX_UNNESTED 0x2
/** A mutex that supports apr_thread_mutex_timedlock(). */
#define APR_THREAD_MUTEX_TIMED    0x4

/* After the type, because apr_pools.h uses it (through apr_allocator.h). */
#include "apr_pools.h"
#include "apr_time.h"

/**
 * Create a mutex.
 * @param mutex Receives the mutex.
 * @param flags APR_THREAD_MUTEX_DEFAULT, _NESTED, _UNNESTED or _TIMED.
 * @param pool The pool it lives in (its cleanup destroys it).
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_mutex_create(apr_thread_mutex_t **mutex,
                                                  unsigned int flags,
                                                  apr_pool_t *pool);

/**
 * Lock, waiting as long as needed.
 * @param mutex The mutex.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_mutex_lock(apr_thread_mutex_t *mutex);

/**
 * Lock if nobody holds the mutex, without waiting.
 * @param mutex The mutex.
 * @return APR_SUCCESS, or APR_EBUSY if it is held (test with
 *         APR_STATUS_IS_EBUSY).
 */
APR_DECLARE(apr_status_t) apr_thread_mutex_trylock(apr_thread_mutex_t *mutex);

/**
 * Lock, waiting at most @a timeout.
 * @param mutex The mutex.
 * @param timeout Microseconds to wait; 0 or less only tries once.
 * @return APR_SUCCESS, APR_TIMEUP if it is still held when the time is up
 *         (test with APR_STATUS_IS_TIMEUP), or APR_ENOTIMPL where the
 *         platform cannot do it.
 */
APR_DECLARE(apr_status_t) apr_thread_mutex_timedlock(apr_thread_mutex_t *mutex,
                                                     apr_interval_time_t timeout);

/**
 * Unlock (the caller must hold the mutex).
 * @param mutex The mutex.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_mutex_unlock(apr_thread_mutex_t *mutex);

/**
 * Destroy the mutex now (and unregister its pool cleanup).
 * @param mutex The mutex; it must not be held.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_mutex_destroy(apr_thread_mutex_t *mutex);

/** The pool the mutex lives in. */
APR_POOL_DECLARE_ACCESSOR(thread_mutex);

#endif /* APR_HAS_THREADS */

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* !APR_THREAD_MUTEX_H */
