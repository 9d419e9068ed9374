/*
 * apr_thread_rwlock.h: read/write locks between the threads of one
 * process: many readers at once, or one writer.
 *
 * A lock lives in the pool it was created from: a cleanup destroys it when
 * that pool is cleared or destroyed. Undefined: unlocking a lock the
 * calling thread does not hold, write-locking a lock the caller already
 * holds, destroying a lock twice, destroying (or clearing the pool of) a
 * lock that is held.
 */
#ifndef APR_THREAD_RWLOCK_H
#define APR_THREAD_RWLOCK_H

/**
 * @file apr_thread_rwlock.h
 * @brief APR reader/writer locks
 */

#include "apr.h"
#include "apr_pools.h"
#include "apr_errno.h"

#ifdef __cplusplus
extern "C" {
#endif

#if APR_HAS_THREADS

/**
 * @defgroup apr_thread_rwlock Reader/Writer Lock Routines
 * @ingroup APR
 * @{
 */

/** A read/write lock (opaque). */
typedef struct apr_thread_rwlock_t apr_thread_rwlock_t;

/**
 * Create a read/write lock.
 * @param rwlock Receives the lock.
 * @param pool The pool it lives in (its cleanup destroys it).
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_rwlock_create(apr_thread_rwlock_t **rwlock,
                                                   apr_pool_t *pool);

/**
 * Take a shared (read) lock, waiting while a writer holds the lock.
 * @param rwlock The lock.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_rwlock_rdlock(apr_thread_rwlock_t *rwlock);

/**
 * Take a shared (read) lock without waiting.
 * @param rwlock The lock.
 * @return APR_SUCCESS, or APR_EBUSY if a writer holds it (test with
 *         APR_STATUS_IS_EBUSY).
 */
APR_DECLARE(apr_status_t) apr_thread_rwlock_tryrdlock(apr_thread_rwlock_t *rwlock);

/**
 * Take the exclusive (write) lock, waiting until no thread holds the lock.
 * @param rwlock The lock.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_rwlock_wrlock(apr_thread_rwlock_t *rwlock);

/**
 * Take the exclusive (write) lock without waiting.
 * @param rwlock The lock.
 * @return APR_SUCCESS, or APR_EBUSY if any thread holds it for reading or
 *         writing (test with APR_STATUS_IS_EBUSY).
 */
APR_DECLARE(apr_status_t) apr_thread_rwlock_trywrlock(apr_thread_rwlock_t *rwlock);

/**
 * Release the read or write lock the calling thread holds.
 * @param rwlock The lock.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_rwlock_unlock(apr_thread_rwlock_t *rwlock);

/**
 * Destroy the lock now (and unregister its pool cleanup).
 * @param rwlock The lock; no thread may hold it.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_rwlock_destroy(apr_thread_rwlock_t *rwlock);

/** The pool the lock lives in. */
APR_POOL_DECLARE_ACCESSOR(thread_rwlock);

/** @} */

#endif /* APR_HAS_THREADS */

#ifdef __cplusplus
}
#endif

#endif /* !APR_THREAD_RWLOCK_H */
