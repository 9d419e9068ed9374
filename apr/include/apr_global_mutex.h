/*
 * apr_global_mutex.h: mutexes that exclude both the other processes and
 * the other threads of this process.
 *
 * A global mutex is a process mutex plus, where threads exist, a thread
 * mutex taken first; it costs more than either alone. It lives in the
 * pool it was created from: a cleanup releases it when that pool is
 * cleared or destroyed.
 */
#ifndef APR_GLOBAL_MUTEX_H
#define APR_GLOBAL_MUTEX_H

/**
 * @file apr_global_mutex.h
 * @brief APR Global Locking Routines
 */

#include "apr.h"
#include "apr_proc_mutex.h"
#include "apr_pools.h"
#include "apr_errno.h"
#include "apr_time.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_GlobalMutex Global Locking Routines
 * @ingroup APR
 * @{
 */

#if !APR_PROC_MUTEX_IS_GLOBAL

/** A mutex across processes and threads (opaque). */
typedef struct apr_global_mutex_t apr_global_mutex_t;

/**
 * Create a global mutex.
 * @param mutex Receives the mutex.
 * @param fname The lock file for mechanisms that need one (see
 *        apr_proc_mutex_create()).
 * @param mech The process mutex mechanism; with APR_LOCK_DEFAULT_TIMED
 *        the thread mutex is a timed one too.
 * @param pool The pool it lives in (its cleanup releases the mutex).
 * @return APR_SUCCESS, APR_ENOTIMPL for a mechanism this platform lacks,
 *         or the system's error.
 */
APR_DECLARE(apr_status_t) apr_global_mutex_create(apr_global_mutex_t **mutex,
                                                  const char *fname,
                                                  apr_lockmech_e mech,
                                                  apr_pool_t *pool);

/**
 * Make a mutex inherited across fork() usable in the child; call it in
 * every child.
 * @param mutex In: the inherited mutex; out: the mutex to use.
 * @param fname The name given to apr_global_mutex_create(), or NULL.
 * @param pool The child's pool.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_global_mutex_child_init(
    apr_global_mutex_t **mutex, const char *fname, apr_pool_t *pool);

/**
 * Lock, waiting as long as needed.
 * @param mutex The mutex.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_global_mutex_lock(apr_global_mutex_t *mutex);

/**
 * Lock if no thread or process holds the mutex, without waiting.
 * @param mutex The mutex.
 * @return APR_SUCCESS, APR_EBUSY if it is held (test with
 *         APR_STATUS_IS_EBUSY), or the system's error.
 */
APR_DECLARE(apr_status_t) apr_global_mutex_trylock(apr_global_mutex_t *mutex);

/**
 * Lock, waiting at most @a timeout in all (thread and process parts).
 * @param mutex The mutex.
 * @param timeout Microseconds to wait; 0 or less only tries once.
 * @return APR_SUCCESS, APR_TIMEUP if it is still held when the time is up
 *         (test with APR_STATUS_IS_TIMEUP), APR_ENOTIMPL where the
 *         mechanism cannot time out, or the system's error.
 */
APR_DECLARE(apr_status_t) apr_global_mutex_timedlock(
    apr_global_mutex_t *mutex, apr_interval_time_t timeout);

/**
 * Unlock (the caller must hold the mutex).
 * @param mutex The mutex.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_global_mutex_unlock(apr_global_mutex_t *mutex);

/**
 * Release the mutex now (and unregister its pool cleanup).
 * @param mutex The mutex.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_global_mutex_destroy(apr_global_mutex_t *mutex);

/**
 * The lock file of the mutex.
 * @param mutex The mutex.
 * @return Its file name, or NULL for a mechanism without a lock file.
 */
APR_DECLARE(const char *) apr_global_mutex_lockfile(apr_global_mutex_t *mutex);

/**
 * The process mutex mechanism actually in use.
 * @param mutex The mutex.
 */
APR_DECLARE(apr_lockmech_e) apr_global_mutex_mech(apr_global_mutex_t *mutex);

/**
 * The name of the process mutex mechanism in use (see
 * apr_proc_mutex_name()).
 * @param mutex The mutex.
 */
APR_DECLARE(const char *) apr_global_mutex_name(apr_global_mutex_t *mutex);

/**
 * Give the lock file or semaphore of the process part the permissions
 * @a perms and the owner @a uid / @a gid.
 */
APR_PERMS_SET_IMPLEMENT(global_mutex);

/** The pool the mutex lives in. */
APR_POOL_DECLARE_ACCESSOR(global_mutex);

#else /* APR_PROC_MUTEX_IS_GLOBAL */

/* Where a process mutex already excludes threads, a global mutex is one. */
#define apr_global_mutex_t          apr_proc_mutex_t
#define apr_global_mutex_create     apr_proc_mutex_create
#define apr_global_mutex_child_init apr_proc_mutex_child_init
#define apr_global_mutex_lock       apr_proc_mutex_lock
#define apr_global_mutex_trylock    apr_proc_mutex_trylock
#define apr_global_mutex_timedlock  apr_proc_mutex_timedlock
#define apr_global_mutex_unlock     apr_proc_mutex_unlock
#define apr_global_mutex_destroy    apr_proc_mutex_destroy
#define apr_global_mutex_lockfile   apr_proc_mutex_lockfile
#define apr_global_mutex_mech       apr_proc_mutex_mech
#define apr_global_mutex_name       apr_proc_mutex_name
#define apr_global_mutex_perms_set  apr_proc_mutex_perms_set
#define apr_global_mutex_pool_get   apr_proc_mutex_pool_get

#endif /* APR_PROC_MUTEX_IS_GLOBAL */

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* !APR_GLOBAL_MUTEX_H */
