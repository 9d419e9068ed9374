/*
 * apr_proc_mutex.h: mutexes between processes.
 *
 * A process mutex is created in one process (usually the parent, before it
 * forks) and used by its children after apr_proc_mutex_child_init(). It
 * lives in the pool it was created from: a cleanup releases it when that
 * pool is cleared or destroyed. Whether it also excludes the threads of one
 * process depends on the mechanism: use apr_global_mutex.h for that.
 */
#ifndef APR_PROC_MUTEX_H
#define APR_PROC_MUTEX_H

/**
 * @file apr_proc_mutex.h
 * @brief APR Process Locking Routines
 */

#include "apr.h"
#include "apr_pools.h"
#include "apr_errno.h"
#include "apr_perms_set.h"
#include "apr_time.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_proc_mutex Process Locking Routines
 * @ingroup APR
 * @{
 */

/**
 * The mechanisms a process mutex can be built on. Only APR_LOCK_DEFAULT
 * (and APR_LOCK_DEFAULT_TIMED) exist everywhere; for the others see the
 * APR_HAS_<MECH>_SERIALIZE macros of apr.h.
 */
typedef enum {
    APR_LOCK_FCNTL,         /**< a record lock on a lock file (fcntl) */
    APR_LOCK_FLOCK,         /**< a whole-file lock on a lock file (flock) */
    APR_LOCK_SYSVSEM,       /**< a System V semaphore */
    APR_LOCK_PROC_PTHREAD,  /**< a process-shared pthread mutex */
    APR_LOCK_POSIXSEM,      /**< a named POSIX semaphore */
    APR_LOCK_DEFAULT,       /**< the platform's preferred mechanism */
    APR_LOCK_DEFAULT_TIMED  /**< the preferred one that can time out */
} apr_lockmech_e;

/** A process mutex (opaque). */
typedef struct apr_proc_mutex_t apr_proc_mutex_t;

/**
 * Create a process mutex.
 * @param mutex Receives the mutex.
 * @param fname The lock file (or semaphore name) for mechanisms that need
 *        one; NULL lets the mechanism choose (a temporary file for fcntl
 *        and flock). Pass the same name to apr_proc_mutex_child_init().
 * @param mech The mechanism (apr_lockmech_e).
 * @param pool The pool it lives in (its cleanup releases the mutex).
 * @return APR_SUCCESS, APR_ENOTIMPL for a mechanism this platform lacks,
 *         or the system's error.
 */
APR_DECLARE(apr_status_t) apr_proc_mutex_create(apr_proc_mutex_t **mutex,
                                                const char *fname,
                                                apr_lockmech_e mech,
                                                apr_pool_t *pool);

/**
 * Make a mutex inherited across fork() usable in the child. Call it in
 * every child, whatever the mechanism (flock reopens its lock file; the
 * others need nothing).
 * @param mutex In: the inherited mutex; out: the mutex to use in the child.
 * @param fname The name given to apr_proc_mutex_create(), or NULL to reuse
 *        the name the mutex already has.
 * @param pool The child's pool.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_proc_mutex_child_init(apr_proc_mutex_t **mutex,
                                                    const char *fname,
                                                    apr_pool_t *pool);

/**
 * Lock, waiting as long as needed.
 * @param mutex The mutex.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_proc_mutex_lock(apr_proc_mutex_t *mutex);

/**
 * Lock if nobody holds the mutex, without waiting.
 * @param mutex The mutex.
 * @return APR_SUCCESS, APR_EBUSY if it is held (test with
 *         APR_STATUS_IS_EBUSY), or the system's error.
 */
APR_DECLARE(apr_status_t) apr_proc_mutex_trylock(apr_proc_mutex_t *mutex);

/**
 * Lock, waiting at most @a timeout.
 * @param mutex The mutex.
 * @param timeout Microseconds to wait; 0 or less only tries once.
 * @return APR_SUCCESS, APR_TIMEUP if it is still held when the time is up
 *         (test with APR_STATUS_IS_TIMEUP), APR_ENOTIMPL for a mechanism
 *         without timed locking, or the system's error.
 */
APR_DECLARE(apr_status_t) apr_proc_mutex_timedlock(apr_proc_mutex_t *mutex,
                                                   apr_interval_time_t timeout);

/**
 * Unlock (the caller must hold the mutex).
 * @param mutex The mutex.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_proc_mutex_unlock(apr_proc_mutex_t *mutex);

/**
 * Release the mutex now (and unregister its pool cleanup).
 * @param mutex The mutex.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_proc_mutex_destroy(apr_proc_mutex_t *mutex);

/**
 * The pool cleanup that releases a mutex (its argument is the
 * apr_proc_mutex_t); exposed so that a caller can kill it.
 * @param mutex The apr_proc_mutex_t.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_proc_mutex_cleanup(void *mutex);

/**
 * The lock file of the mutex.
 * @param mutex The mutex.
 * @return Its file name, or NULL for a mechanism without a lock file.
 */
APR_DECLARE(const char *) apr_proc_mutex_lockfile(apr_proc_mutex_t *mutex);

/**
 * The mechanism actually in use (never APR_LOCK_DEFAULT or _DEFAULT_TIMED).
 * @param mutex The mutex.
 */
APR_DECLARE(apr_lockmech_e) apr_proc_mutex_mech(apr_proc_mutex_t *mutex);

/**
 * The name of the mechanism in use: "fcntl", "flock", "sysvsem",
 * "posixsem" or "pthread".
 * @param mutex The mutex.
 */
APR_DECLARE(const char *) apr_proc_mutex_name(apr_proc_mutex_t *mutex);

/** The name of the mechanism APR_LOCK_DEFAULT chooses (see above). */
APR_DECLARE(const char *) apr_proc_mutex_defname(void);

/**
 * Give the lock file or semaphore the permissions @a perms and the owner
 * @a uid / @a gid (meaningful when running as root; a no-op for mechanisms
 * without such an object).
 */
APR_PERMS_SET_IMPLEMENT(proc_mutex);

/** The pool the mutex lives in. */
APR_POOL_DECLARE_ACCESSOR(proc_mutex);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* !APR_PROC_MUTEX_H */
