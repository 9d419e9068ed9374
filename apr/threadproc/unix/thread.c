/*
 * Threads (pthreads), their attributes, apr_thread_once, and the native
 * thread conversions of apr_portable.h.
 *
 * As in APR 1.7, each thread gets a pool of its own, a child of the pool
 * it was created from: apr_thread_exit() destroys it; a thread whose
 * function simply returns leaves it to its parent pool.
 */
#include "apr_arch_threadproc.h"
#include "apr_portable.h"

#include <errno.h>
#include <sched.h>

#if APR_HAS_THREADS

static apr_status_t threadattr_cleanup(void *data)
{
    apr_threadattr_t *attr = data;

    return pthread_attr_destroy(&attr->attr);
}

APR_DECLARE(apr_status_t) apr_threadattr_create(apr_threadattr_t **new_attr,
                                                apr_pool_t *pool)
{
    apr_threadattr_t *attr = apr_palloc(pool, sizeof(*attr));
    int rv;

    attr->pool = pool;
    rv = pthread_attr_init(&attr->attr);
    if (rv != 0)
        return rv;
    apr_pool_cleanup_register(pool, attr, threadattr_cleanup,
                              apr_pool_cleanup_null);
    *new_attr = attr;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_threadattr_detach_set(apr_threadattr_t *attr,
                                                    apr_int32_t on)
{
    return pthread_attr_setdetachstate(&attr->attr,
                                       on ? PTHREAD_CREATE_DETACHED
                                          : PTHREAD_CREATE_JOINABLE);
}

APR_DECLARE(apr_status_t) apr_threadattr_detach_get(apr_threadattr_t *attr)
{
    int state = PTHREAD_CREATE_JOINABLE;

    pthread_attr_getdetachstate(&attr->attr, &state);
    return state == PTHREAD_CREATE_DETACHED ? APR_DETACH : APR_NOTDETACH;
}

APR_DECLARE(apr_status_t) apr_threadattr_stacksize_set(apr_threadattr_t *attr,
                                                       apr_size_t stacksize)
{
    return pthread_attr_setstacksize(&attr->attr, stacksize);
}

APR_DECLARE(apr_status_t) apr_threadattr_guardsize_set(apr_threadattr_t *attr,
                                                       apr_size_t guardsize)
{
    return pthread_attr_setguardsize(&attr->attr, guardsize);
}

static void *thread_main(void *opaque)
{
    apr_thread_t *thd = opaque;

    return thd->func(thd, thd->data);
}

APR_DECLARE(apr_status_t) apr_thread_create(apr_thread_t **new_thread,
                                            apr_threadattr_t *attr,
                                            apr_thread_start_t func,
                                            void *data, apr_pool_t *pool)
{
    apr_thread_t *thd = apr_pcalloc(pool, sizeof(*thd));
    apr_status_t rv;

    thd->td = apr_pcalloc(pool, sizeof(*thd->td));
    thd->data = data;
    thd->func = func;
    rv = apr_pool_create(&thd->pool, pool);
    if (rv != APR_SUCCESS)
        return rv;
    /* Set before the thread starts: it may run (and exit) before
     * pthread_create returns. */
    *new_thread = thd;
    rv = pthread_create(thd->td, attr ? &attr->attr : NULL, thread_main, thd);
    if (rv != 0) {
        apr_pool_destroy(thd->pool);
        return rv;
    }
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_thread_exit(apr_thread_t *thd,
                                          apr_status_t retval)
{
    thd->exitval = retval;
    apr_pool_destroy(thd->pool);
    pthread_exit(NULL);
    /* not reached */
}

APR_DECLARE(apr_status_t) apr_thread_join(apr_status_t *retval,
                                          apr_thread_t *thd)
{
    void *ignored;
    int rv = pthread_join(*thd->td, &ignored);

    if (rv != 0)
        return rv;
    *retval = thd->exitval;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_thread_detach(apr_thread_t *thd)
{
    return pthread_detach(*thd->td);
}

APR_DECLARE(void) apr_thread_yield(void)
{
    sched_yield();
}

APR_DECLARE(apr_status_t) apr_thread_data_get(void **data, const char *key,
                                              apr_thread_t *thread)
{
    return apr_pool_userdata_get(data, key, thread->pool);
}

APR_DECLARE(apr_status_t) apr_thread_data_set(void *data, const char *key,
                                              apr_status_t (*cleanup)(void *),
                                              apr_thread_t *thread)
{
    return apr_pool_userdata_set(data, key, cleanup, thread->pool);
}

APR_POOL_IMPLEMENT_ACCESSOR(thread)

APR_DECLARE(apr_status_t) apr_thread_once_init(apr_thread_once_t **control,
                                               apr_pool_t *p)
{
    static const pthread_once_t once_init = PTHREAD_ONCE_INIT;

    *control = apr_palloc(p, sizeof(**control));
    (*control)->once = once_init;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_thread_once(apr_thread_once_t *control,
                                          void (*func)(void))
{
    return pthread_once(&control->once, func);
}

APR_DECLARE(apr_status_t) apr_os_thread_get(apr_os_thread_t **thethd,
                                            apr_thread_t *thd)
{
    *thethd = thd->td;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_os_thread_put(apr_thread_t **thd,
                                            apr_os_thread_t *thethd,
                                            apr_pool_t *pool)
{
    if (pool == NULL)
        return APR_ENOPOOL;
    if (*thd == NULL) {
        *thd = apr_pcalloc(pool, sizeof(**thd));
        (*thd)->pool = pool;
    }
    if ((*thd)->td == NULL)
        (*thd)->td = apr_palloc(pool, sizeof(*(*thd)->td));
    *(*thd)->td = *thethd;
    return APR_SUCCESS;
}

APR_DECLARE(apr_os_thread_t) apr_os_thread_current(void)
{
    return pthread_self();
}

APR_DECLARE(int) apr_os_thread_equal(apr_os_thread_t tid1,
                                     apr_os_thread_t tid2)
{
    return pthread_equal(tid1, tid2);
}

#endif /* APR_HAS_THREADS */
