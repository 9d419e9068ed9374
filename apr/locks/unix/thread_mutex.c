/*
 * Thread mutexes on pthreads.
 *
 * DEFAULT and UNNESTED are plain (fast) pthread mutexes, NESTED a
 * recursive one. Timed locking uses pthread_mutex_timedlock, which works
 * on every kind of pthread mutex, so TIMED needs nothing special.
 */
#include "apr_arch_thread_mutex.h"
#include "apr_private_config.h"

#include <errno.h>
#include <time.h>

#if APR_HAS_THREADS

static apr_status_t thread_mutex_cleanup(void *data)
{
    apr_thread_mutex_t *mutex = data;

    return pthread_mutex_destroy(&mutex->mutex);
}

static apr_status_t init_recursive(pthread_mutex_t *m)
{
    pthread_mutexattr_t attr;
    apr_status_t rv;

    rv = pthread_mutexattr_init(&attr);
    if (rv != 0)
        return rv;
    rv = pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    if (rv == 0)
        rv = pthread_mutex_init(m, &attr);
    pthread_mutexattr_destroy(&attr);
    return rv;
}

APR_DECLARE(apr_status_t) apr_thread_mutex_create(apr_thread_mutex_t **mutex,
                                                  unsigned int flags,
                                                  apr_pool_t *pool)
{
    apr_thread_mutex_t *m = apr_palloc(pool, sizeof(*m));
    apr_status_t rv;

    if (m == NULL)
        return APR_ENOMEM;
    m->pool = pool;
    if (flags & APR_THREAD_MUTEX_NESTED)
        rv = init_recursive(&m->mutex);
    else
        rv = pthread_mutex_init(&m->mutex, NULL);
    if (rv != 0)
        return rv;

    apr_pool_cleanup_register(pool, m, thread_mutex_cleanup,
                              apr_pool_cleanup_null);
    *mutex = m;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_thread_mutex_lock(apr_thread_mutex_t *mutex)
{
    return pthread_mutex_lock(&mutex->mutex);
}

APR_DECLARE(apr_status_t) apr_thread_mutex_trylock(apr_thread_mutex_t *mutex)
{
    int rv = pthread_mutex_trylock(&mutex->mutex);

    return rv == EBUSY ? APR_EBUSY : rv;
}

/* The absolute CLOCK_REALTIME deadline `timeout` microseconds from now. */
static struct timespec deadline_after(apr_interval_time_t timeout)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += (time_t)(timeout / APR_USEC_PER_SEC);
    ts.tv_nsec += (long)(timeout % APR_USEC_PER_SEC) * 1000;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    return ts;
}

APR_DECLARE(apr_status_t) apr_thread_mutex_timedlock(apr_thread_mutex_t *mutex,
                                                     apr_interval_time_t timeout)
{
#if HAVE_PTHREAD_MUTEX_TIMEDLOCK
    struct timespec abstime;
    int rv;

    if (timeout <= 0) {
        rv = pthread_mutex_trylock(&mutex->mutex);
        return rv == EBUSY ? APR_TIMEUP : rv;
    }
    abstime = deadline_after(timeout);
    rv = pthread_mutex_timedlock(&mutex->mutex, &abstime);
    return rv == ETIMEDOUT ? APR_TIMEUP : rv;
#else
    (void)deadline_after;
    return APR_ENOTIMPL;
#endif
}

APR_DECLARE(apr_status_t) apr_thread_mutex_unlock(apr_thread_mutex_t *mutex)
{
    return pthread_mutex_unlock(&mutex->mutex);
}

APR_DECLARE(apr_status_t) apr_thread_mutex_destroy(apr_thread_mutex_t *mutex)
{
    return apr_pool_cleanup_run(mutex->pool, mutex, thread_mutex_cleanup);
}

APR_POOL_IMPLEMENT_ACCESSOR(thread_mutex)

#endif /* APR_HAS_THREADS */
