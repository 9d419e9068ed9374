/*
 * Read/write locks on pthread rwlocks (glibc's default kind: readers are
 * not held back by a waiting writer, as in Debian's APR).
 */
#include "apr.h"
#include "apr_thread_rwlock.h"

#include <errno.h>

#if APR_HAS_THREADS
#include <pthread.h>

struct apr_thread_rwlock_t {
    pthread_rwlock_t rwlock;
    apr_pool_t *pool;
};

static apr_status_t thread_rwlock_cleanup(void *data)
{
    apr_thread_rwlock_t *rwlock = data;

    return pthread_rwlock_destroy(&rwlock->rwlock);
}

APR_DECLARE(apr_status_t) apr_thread_rwlock_create(apr_thread_rwlock_t **rwlock,
                                                   apr_pool_t *pool)
{
    apr_thread_rwlock_t *l = apr_palloc(pool, sizeof(*l));
    apr_status_t rv;

    if (l == NULL)
        return APR_ENOMEM;
    l->pool = pool;
    rv = pthread_rwlock_init(&l->rwlock, NULL);
    if (rv != 0)
        return rv;
    apr_pool_cleanup_register(pool, l, thread_rwlock_cleanup,
                              apr_pool_cleanup_null);
    *rwlock = l;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_thread_rwlock_rdlock(apr_thread_rwlock_t *rwlock)
{
    return pthread_rwlock_rdlock(&rwlock->rwlock);
}

APR_DECLARE(apr_status_t) apr_thread_rwlock_tryrdlock(apr_thread_rwlock_t *rwlock)
{
    int rv = pthread_rwlock_tryrdlock(&rwlock->rwlock);

    return rv == EBUSY ? APR_EBUSY : rv;
}

APR_DECLARE(apr_status_t) apr_thread_rwlock_wrlock(apr_thread_rwlock_t *rwlock)
{
    return pthread_rwlock_wrlock(&rwlock->rwlock);
}

APR_DECLARE(apr_status_t) apr_thread_rwlock_trywrlock(apr_thread_rwlock_t *rwlock)
{
    int rv = pthread_rwlock_trywrlock(&rwlock->rwlock);

    return rv == EBUSY ? APR_EBUSY : rv;
}

APR_DECLARE(apr_status_t) apr_thread_rwlock_unlock(apr_thread_rwlock_t *rwlock)
{
    return pthread_rwlock_unlock(&rwlock->rwlock);
}

APR_DECLARE(apr_status_t) apr_thread_rwlock_destroy(apr_thread_rwlock_t *rwlock)
{
    return apr_pool_cleanup_run(rwlock->pool, rwlock, thread_rwlock_cleanup);
}

APR_POOL_IMPLEMENT_ACCESSOR(thread_rwlock)

#endif /* APR_HAS_THREADS */
