/*
 * Condition variables on pthreads.
 *
 * Timed waits measure their deadline on CLOCK_MONOTONIC where the system
 * can tell pthread_cond_timedwait to (pthread_condattr_setclock), so that
 * setting the date neither cuts a wait short nor stretches it.
 */
#include "apr_arch_thread_mutex.h"
#include "apr_thread_cond.h"
#include "apr_private_config.h"

#include <errno.h>
#include <time.h>

#if APR_HAS_THREADS

struct apr_thread_cond_t {
    pthread_cond_t cond;
    apr_pool_t *pool;
};

#if HAVE_PTHREAD_CONDATTR_SETCLOCK && defined(CLOCK_MONOTONIC)
#define COND_CLOCK CLOCK_MONOTONIC
#else
#define COND_CLOCK CLOCK_REALTIME
#endif

static apr_status_t cond_init(pthread_cond_t *cond)
{
#if HAVE_PTHREAD_CONDATTR_SETCLOCK && defined(CLOCK_MONOTONIC)
    pthread_condattr_t attr;
    int rv;

    rv = pthread_condattr_init(&attr);
    if (rv != 0)
        return rv;
    rv = pthread_condattr_setclock(&attr, COND_CLOCK);
    if (rv == 0)
        rv = pthread_cond_init(cond, &attr);
    pthread_condattr_destroy(&attr);
    return rv;
#else
    return pthread_cond_init(cond, NULL);
#endif
}

static apr_status_t thread_cond_cleanup(void *data)
{
    apr_thread_cond_t *cond = data;

    return pthread_cond_destroy(&cond->cond);
}

APR_DECLARE(apr_status_t) apr_thread_cond_create(apr_thread_cond_t **cond,
                                                 apr_pool_t *pool)
{
    apr_thread_cond_t *c = apr_palloc(pool, sizeof(*c));
    apr_status_t rv;

    if (c == NULL)
        return APR_ENOMEM;
    c->pool = pool;
    rv = cond_init(&c->cond);
    if (rv != 0)
        return rv;
    apr_pool_cleanup_register(pool, c, thread_cond_cleanup,
                              apr_pool_cleanup_null);
    *cond = c;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_thread_cond_wait(apr_thread_cond_t *cond,
                                               apr_thread_mutex_t *mutex)
{
    return pthread_cond_wait(&cond->cond, &mutex->mutex);
}

/* The absolute deadline, on the condition's clock, `timeout` (>= 0)
 * microseconds from now. */
static struct timespec deadline_after(apr_interval_time_t timeout)
{
    struct timespec ts;

    clock_gettime(COND_CLOCK, &ts);
    ts.tv_sec += (time_t)(timeout / APR_USEC_PER_SEC);
    ts.tv_nsec += (long)(timeout % APR_USEC_PER_SEC) * 1000;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    return ts;
}

APR_DECLARE(apr_status_t) apr_thread_cond_timedwait(apr_thread_cond_t *cond,
                                                    apr_thread_mutex_t *mutex,
                                                    apr_interval_time_t timeout)
{
    struct timespec abstime;
    int rv;

    /* As APR 1.7: a negative timeout waits without limit. */
    if (timeout < 0)
        return pthread_cond_wait(&cond->cond, &mutex->mutex);
    abstime = deadline_after(timeout);
    rv = pthread_cond_timedwait(&cond->cond, &mutex->mutex, &abstime);
    return rv == ETIMEDOUT ? APR_TIMEUP : rv;
}

APR_DECLARE(apr_status_t) apr_thread_cond_signal(apr_thread_cond_t *cond)
{
    return pthread_cond_signal(&cond->cond);
}

APR_DECLARE(apr_status_t) apr_thread_cond_broadcast(apr_thread_cond_t *cond)
{
    return pthread_cond_broadcast(&cond->cond);
}

APR_DECLARE(apr_status_t) apr_thread_cond_destroy(apr_thread_cond_t *cond)
{
    return apr_pool_cleanup_run(cond->pool, cond, thread_cond_cleanup);
}

APR_POOL_IMPLEMENT_ACCESSOR(thread_cond)

#endif /* APR_HAS_THREADS */
