/*
 * apr_thread_pool.h: a pool of worker threads running queued tasks.
 *
 * A task is a function, an argument, a priority (0-255, higher runs first)
 * and an owner (any pointer, used to cancel a caller's tasks together).
 * Tasks wait in a priority queue; an idle thread takes the first one. When
 * every thread is busy and more than `threshold` tasks wait, a new thread
 * is started, up to the maximum. Threads idle beyond the idle maximum exit
 * (after the idle wait, if one is set). Scheduled tasks wait, ordered by
 * time, until their time comes and then run before queued ones.
 * The thread pool lives in a subpool of the pool given to
 * apr_thread_pool_create(); destroying that pool, or
 * apr_thread_pool_destroy(), stops and joins every thread.
 */
#ifndef APU_THREAD_POOL_H
#define APU_THREAD_POOL_H

#include "apu.h"
#include "apr_thread_proc.h"

/**
 * @file apr_thread_pool.h
 * @brief APR Thread Pool Library
 */

#if APR_HAS_THREADS

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_Util_TP Thread Pool routines
 * @ingroup APR_Util
 * @{
 */

/** A thread pool (opaque). */
typedef struct apr_thread_pool apr_thread_pool_t;

/** The lowest task priority. */
#define APR_THREAD_TASK_PRIORITY_LOWEST 0
/** A low task priority. */
#define APR_THREAD_TASK_PRIORITY_LOW 63
/** The usual task priority. */
#define APR_THREAD_TASK_PRIORITY_NORMAL 127
/** A high task priority. */
#define APR_THREAD_TASK_PRIORITY_HIGH 191
/** The highest task priority. */
#define APR_THREAD_TASK_PRIORITY_HIGHEST 255

/**
 * Create a thread pool and start its first threads.
 * @param me Receives the thread pool (NULL on failure)
 * @param init_threads Threads started now; also the initial idle maximum
 * @param max_threads The most threads started on demand (a thread is
 *        always started when there is none, even with 0)
 * @param pool The parent of the thread pool's own pool
 * @return APR_SUCCESS, or why a thread or lock could not be created
 */
APU_DECLARE(apr_status_t) apr_thread_pool_create(apr_thread_pool_t **me,
                                                 apr_size_t init_threads,
                                                 apr_size_t max_threads,
                                                 apr_pool_t *pool);

/**
 * Stop the thread pool: tasks not yet started are dropped, running ones
 * finish, every thread is joined and the thread pool's pool destroyed.
 * @return APR_SUCCESS once all threads have stopped
 */
APU_DECLARE(apr_status_t) apr_thread_pool_destroy(apr_thread_pool_t *me);

/**
 * Queue a task after the waiting tasks of the same priority.
 * @param me The thread pool
 * @param func The task, called as func(thread, param) in a pool thread
 * @param param Its argument
 * @param priority 0 (lowest) to 255 (highest)
 * @param owner Any value identifying the submitter (for tasks_cancel)
 * @return APR_SUCCESS, or APR_ENOMEM/a thread creation error
 */
APU_DECLARE(apr_status_t) apr_thread_pool_push(apr_thread_pool_t *me,
                                               apr_thread_start_t func,
                                               void *param,
                                               apr_byte_t priority,
                                               void *owner);

/**
 * Run a task once @a time microseconds have passed (never sooner).
 * @return APR_SUCCESS, or APR_ENOMEM/a thread creation error
 */
APU_DECLARE(apr_status_t) apr_thread_pool_schedule(apr_thread_pool_t *me,
                                                   apr_thread_start_t func,
                                                   void *param,
                                                   apr_interval_time_t time,
                                                   void *owner);

/**
 * Queue a task before the waiting tasks of the same priority.
 * @return As apr_thread_pool_push()
 */
APU_DECLARE(apr_status_t) apr_thread_pool_top(apr_thread_pool_t *me,
                                              apr_thread_start_t func,
                                              void *param,
                                              apr_byte_t priority,
                                              void *owner);

/**
 * Remove every queued and scheduled task of @a owner, then wait until
 * none of its tasks is running any more. A task must not cancel its own
 * owner's tasks (it would wait for itself).
 * @return APR_SUCCESS
 */
APU_DECLARE(apr_status_t) apr_thread_pool_tasks_cancel(apr_thread_pool_t *me,
                                                       void *owner);

/** The number of tasks queued and not yet started (scheduled ones aside). */
APU_DECLARE(apr_size_t) apr_thread_pool_tasks_count(apr_thread_pool_t *me);

/** The number of scheduled tasks whose time has not come yet. */
APU_DECLARE(apr_size_t)
    apr_thread_pool_scheduled_tasks_count(apr_thread_pool_t *me);

/** The number of threads, busy or idle. */
APU_DECLARE(apr_size_t) apr_thread_pool_threads_count(apr_thread_pool_t *me);

/** The number of threads running a task. */
APU_DECLARE(apr_size_t) apr_thread_pool_busy_count(apr_thread_pool_t *me);

/** The number of threads waiting for a task. */
APU_DECLARE(apr_size_t) apr_thread_pool_idle_count(apr_thread_pool_t *me);

/**
 * Set the most idle threads kept; extra idle threads are stopped.
 * @return The number of idle threads stopped by this call
 */
APU_DECLARE(apr_size_t) apr_thread_pool_idle_max_set(apr_thread_pool_t *me,
                                                     apr_size_t cnt);

/** The number of tasks that have been run so far. */
APU_DECLARE(apr_size_t)
    apr_thread_pool_tasks_run_count(apr_thread_pool_t *me);

/** The most tasks that were ever waiting in the queue at once. */
APU_DECLARE(apr_size_t)
    apr_thread_pool_tasks_high_count(apr_thread_pool_t *me);

/** The most threads that ever existed at once. */
APU_DECLARE(apr_size_t)
    apr_thread_pool_threads_high_count(apr_thread_pool_t *me);

/** The number of idle threads that exited after their idle wait. */
APU_DECLARE(apr_size_t)
    apr_thread_pool_threads_idle_timeout_count(apr_thread_pool_t *me);

/** The most idle threads kept. */
APU_DECLARE(apr_size_t) apr_thread_pool_idle_max_get(apr_thread_pool_t *me);

/**
 * Set the most threads; busy threads above it exit after their task,
 * idle ones at once.
 * @return The number of threads above the new maximum (0 if none or if
 *         @a cnt is 0), as APR-util returns (not the previous maximum)
 */
APU_DECLARE(apr_size_t) apr_thread_pool_thread_max_set(apr_thread_pool_t *me,
                                                       apr_size_t cnt);

/**
 * Set how long (microseconds) a thread beyond the idle maximum waits for
 * work before it exits; 0 makes it exit at once.
 * @return The previous value
 */
APU_DECLARE(apr_interval_time_t)
    apr_thread_pool_idle_wait_set(apr_thread_pool_t *me,
                                  apr_interval_time_t timeout);

/** The idle wait set by apr_thread_pool_idle_wait_set(). */
APU_DECLARE(apr_interval_time_t)
    apr_thread_pool_idle_wait_get(apr_thread_pool_t *me);

/** The most threads the pool may run. */
APU_DECLARE(apr_size_t) apr_thread_pool_thread_max_get(apr_thread_pool_t *me);

/**
 * Set how many tasks must be waiting, all threads busy, before a new thread
 * is started.
 * @return The previous threshold
 */
APU_DECLARE(apr_size_t) apr_thread_pool_threshold_set(apr_thread_pool_t *me,
                                                      apr_size_t val);

/** The threshold set by apr_thread_pool_threshold_set(). */
APU_DECLARE(apr_size_t) apr_thread_pool_threshold_get(apr_thread_pool_t *me);

/**
 * The owner of the task that thread @a thd is running (call it from the
 * task, with the thread the task was given).
 * @return APR_SUCCESS, or APR_BADARG if @a thd runs no pool task
 */
APU_DECLARE(apr_status_t) apr_thread_pool_task_owner_get(apr_thread_t *thd,
                                                         void **owner);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_HAS_THREADS */

#endif /* APU_THREAD_POOL_H */
