/*
 * apr_anylock.h: one handle for several kinds of APR lock.
 *
 * Code that must lock "whatever the caller gave it" (apr_rmm, for one)
 * takes an apr_anylock_t: a tag saying which kind of lock it holds and a
 * pointer to that lock. The lock itself is owned by whoever created it; the
 * apr_anylock_t only refers to it. Header only: the three macros expand to
 * the matching APR call.
 */
#ifndef APR_ANYLOCK_H
#define APR_ANYLOCK_H

/**
 * @file apr_anylock.h
 * @brief APR-Util transparent any-lock wrapper
 */

#include "apr_proc_mutex.h"
#include "apr_thread_mutex.h"
#include "apr_thread_rwlock.h"

/** A reference to a lock of any of the kinds below. */
typedef struct apr_anylock_t {
    /** Which kind of lock @a lock refers to. */
    enum tm_lock {
        apr_anylock_none,        /**< no lock: every operation succeeds */
        apr_anylock_procmutex,   /**< an apr_proc_mutex_t (lock.pm) */
        apr_anylock_threadmutex, /**< an apr_thread_mutex_t (lock.tm) */
        apr_anylock_readlock,    /**< an apr_thread_rwlock_t taken to read */
        apr_anylock_writelock    /**< an apr_thread_rwlock_t taken to write */
    } type;
    /** The lock, as selected by @a type. */
    union apr_anylock_u_t {
        apr_proc_mutex_t *pm;    /**< process mutex */
#if APR_HAS_THREADS
        apr_thread_mutex_t *tm;  /**< thread mutex */
        apr_thread_rwlock_t *rw; /**< reader/writer lock */
#endif
    } lock;
} apr_anylock_t;

#if APR_HAS_THREADS

/**
 * Take the lock (blocking); evaluates to the APR call's status, APR_SUCCESS
 * for apr_anylock_none and APR_EINVAL for an unknown type.
 */
#define APR_ANYLOCK_LOCK(lck)                                           \
    ((lck)->type == apr_anylock_none ? APR_SUCCESS                      \
     : (lck)->type == apr_anylock_threadmutex                           \
         ? apr_thread_mutex_lock((lck)->lock.tm)                        \
     : (lck)->type == apr_anylock_procmutex                             \
         ? apr_proc_mutex_lock((lck)->lock.pm)                          \
     : (lck)->type == apr_anylock_readlock                              \
         ? apr_thread_rwlock_rdlock((lck)->lock.rw)                     \
     : (lck)->type == apr_anylock_writelock                             \
         ? apr_thread_rwlock_wrlock((lck)->lock.rw)                     \
     : APR_EINVAL)

/**
 * Try to take the lock without blocking: APR_EBUSY (as the underlying call
 * reports it) when it is held, otherwise as APR_ANYLOCK_LOCK().
 */
#define APR_ANYLOCK_TRYLOCK(lck)                                        \
    ((lck)->type == apr_anylock_none ? APR_SUCCESS                      \
     : (lck)->type == apr_anylock_threadmutex                           \
         ? apr_thread_mutex_trylock((lck)->lock.tm)                     \
     : (lck)->type == apr_anylock_procmutex                             \
         ? apr_proc_mutex_trylock((lck)->lock.pm)                       \
     : (lck)->type == apr_anylock_readlock                              \
         ? apr_thread_rwlock_tryrdlock((lck)->lock.rw)                  \
     : (lck)->type == apr_anylock_writelock                             \
         ? apr_thread_rwlock_trywrlock((lck)->lock.rw)                  \
     : APR_EINVAL)

/** Release the lock taken by APR_ANYLOCK_LOCK() or APR_ANYLOCK_TRYLOCK(). */
#define APR_ANYLOCK_UNLOCK(lck)                                         \
    ((lck)->type == apr_anylock_none ? APR_SUCCESS                      \
     : (lck)->type == apr_anylock_threadmutex                           \
         ? apr_thread_mutex_unlock((lck)->lock.tm)                      \
     : (lck)->type == apr_anylock_procmutex                             \
         ? apr_proc_mutex_unlock((lck)->lock.pm)                        \
     : ((lck)->type == apr_anylock_readlock                             \
        || (lck)->type == apr_anylock_writelock)                        \
         ? apr_thread_rwlock_unlock((lck)->lock.rw)                     \
     : APR_EINVAL)

#else /* !APR_HAS_THREADS: only process mutexes exist */

#define APR_ANYLOCK_LOCK(lck)                                           \
    ((lck)->type == apr_anylock_none ? APR_SUCCESS                      \
     : (lck)->type == apr_anylock_procmutex                             \
         ? apr_proc_mutex_lock((lck)->lock.pm)                          \
     : APR_EINVAL)

#define APR_ANYLOCK_TRYLOCK(lck)                                        \
    ((lck)->type == apr_anylock_none ? APR_SUCCESS                      \
     : (lck)->type == apr_anylock_procmutex                             \
         ? apr_proc_mutex_trylock((lck)->lock.pm)                       \
     : APR_EINVAL)

#define APR_ANYLOCK_UNLOCK(lck)                                         \
    ((lck)->type == apr_anylock_none ? APR_SUCCESS                      \
     : (lck)->type == apr_anylock_procmutex                             \
         ? apr_proc_mutex_unlock((lck)->lock.pm)                        \
     : APR_EINVAL)

#endif /* APR_HAS_THREADS */

#endif /* APR_ANYLOCK_H */
