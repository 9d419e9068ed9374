/*
 * Global mutexes: a process mutex, plus a thread mutex taken first when
 * the mechanism does not exclude this process's own threads (fcntl,
 * flock, sysvsem and posixsem, as APR 1.7 decides on Linux; a pthread
 * process mutex needs none).
 */
#include "apr_arch_global_mutex.h"
#include "apr_arch_proc_mutex.h"
#include "apr_portable.h"

static apr_status_t global_mutex_cleanup(void *data)
{
    apr_global_mutex_t *m = data;
    apr_status_t rv = apr_proc_mutex_destroy(m->proc_mutex);
#if APR_HAS_THREADS
    apr_status_t rv2;

    if (m->thread_mutex) {
        rv2 = apr_thread_mutex_destroy(m->thread_mutex);
        if (rv == APR_SUCCESS)
            rv = rv2;
    }
#endif
    return rv;
}

APR_DECLARE(apr_status_t) apr_global_mutex_create(apr_global_mutex_t **mutex,
                                                  const char *fname,
                                                  apr_lockmech_e mech,
                                                  apr_pool_t *pool)
{
    apr_global_mutex_t *m = apr_palloc(pool, sizeof(*m));
    apr_status_t rv;

    m->pool = pool;
    rv = apr_proc_mutex_create(&m->proc_mutex, fname, mech, pool);
    if (rv != APR_SUCCESS)
        return rv;
#if APR_HAS_THREADS
    m->thread_mutex = NULL;
    if (!(m->proc_mutex->meth->flags & APR__PROC_MUTEX_IS_GLOBAL)) {
        rv = apr_thread_mutex_create(&m->thread_mutex,
                                     mech == APR_LOCK_DEFAULT_TIMED
                                         ? APR_THREAD_MUTEX_TIMED
                                         : APR_THREAD_MUTEX_DEFAULT,
                                     pool);
        if (rv != APR_SUCCESS) {
            apr_proc_mutex_destroy(m->proc_mutex);
            return rv;
        }
    }
#endif
    apr_pool_cleanup_register(pool, m, global_mutex_cleanup,
                              apr_pool_cleanup_null);
    *mutex = m;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_global_mutex_child_init(
    apr_global_mutex_t **mutex, const char *fname, apr_pool_t *pool)
{
    return apr_proc_mutex_child_init(&(*mutex)->proc_mutex, fname, pool);
}

APR_DECLARE(apr_status_t) apr_global_mutex_lock(apr_global_mutex_t *mutex)
{
    apr_status_t rv;

#if APR_HAS_THREADS
    if (mutex->thread_mutex) {
        rv = apr_thread_mutex_lock(mutex->thread_mutex);
        if (rv != APR_SUCCESS)
            return rv;
    }
#endif
    rv = apr_proc_mutex_lock(mutex->proc_mutex);
#if APR_HAS_THREADS
    if (rv != APR_SUCCESS && mutex->thread_mutex)
        apr_thread_mutex_unlock(mutex->thread_mutex);
#endif
    return rv;
}

APR_DECLARE(apr_status_t) apr_global_mutex_trylock(apr_global_mutex_t *mutex)
{
    apr_status_t rv;

#if APR_HAS_THREADS
    if (mutex->thread_mutex) {
        rv = apr_thread_mutex_trylock(mutex->thread_mutex);
        if (rv != APR_SUCCESS)
            return rv;
    }
#endif
    rv = apr_proc_mutex_trylock(mutex->proc_mutex);
#if APR_HAS_THREADS
    if (rv != APR_SUCCESS && mutex->thread_mutex)
        apr_thread_mutex_unlock(mutex->thread_mutex);
#endif
    return rv;
}

APR_DECLARE(apr_status_t) apr_global_mutex_timedlock(
    apr_global_mutex_t *mutex, apr_interval_time_t timeout)
{
    apr_status_t rv;
#if APR_HAS_THREADS
    apr_time_t deadline = 0;

    /* One budget for both parts: what the thread mutex took is gone. */
    if (mutex->thread_mutex) {
        if (timeout > 0)
            deadline = apr_time_now() + timeout;
        rv = apr_thread_mutex_timedlock(mutex->thread_mutex, timeout);
        if (rv != APR_SUCCESS)
            return rv;
        if (deadline) {
            timeout = deadline - apr_time_now();
            if (timeout < 0)
                timeout = 0;
        }
    }
#endif
    rv = apr_proc_mutex_timedlock(mutex->proc_mutex, timeout);
#if APR_HAS_THREADS
    if (rv != APR_SUCCESS && mutex->thread_mutex)
        apr_thread_mutex_unlock(mutex->thread_mutex);
#endif
    return rv;
}

APR_DECLARE(apr_status_t) apr_global_mutex_unlock(apr_global_mutex_t *mutex)
{
    apr_status_t rv = apr_proc_mutex_unlock(mutex->proc_mutex);
#if APR_HAS_THREADS
    apr_status_t rv2;

    if (mutex->thread_mutex) {
        rv2 = apr_thread_mutex_unlock(mutex->thread_mutex);
        if (rv == APR_SUCCESS)
            rv = rv2;
    }
#endif
    return rv;
}

APR_DECLARE(apr_status_t) apr_global_mutex_destroy(apr_global_mutex_t *mutex)
{
    return apr_pool_cleanup_run(mutex->pool, mutex, global_mutex_cleanup);
}

APR_DECLARE(const char *) apr_global_mutex_lockfile(apr_global_mutex_t *mutex)
{
    return apr_proc_mutex_lockfile(mutex->proc_mutex);
}

APR_DECLARE(apr_lockmech_e) apr_global_mutex_mech(apr_global_mutex_t *mutex)
{
    return apr_proc_mutex_mech(mutex->proc_mutex);
}

APR_DECLARE(const char *) apr_global_mutex_name(apr_global_mutex_t *mutex)
{
    return apr_proc_mutex_name(mutex->proc_mutex);
}

APR_PERMS_SET_IMPLEMENT(global_mutex)
{
    apr_global_mutex_t *mutex = theglobal_mutex;

    return apr_proc_mutex_perms_set(mutex->proc_mutex, perms, uid, gid);
}

APR_POOL_IMPLEMENT_ACCESSOR(global_mutex)

APR_DECLARE(apr_status_t) apr_os_global_mutex_get(
    apr_os_global_mutex_t *ospmutex, apr_global_mutex_t *pmutex)
{
    ospmutex->pool = pmutex->pool;
    ospmutex->proc_mutex = pmutex->proc_mutex;
#if APR_HAS_THREADS
    ospmutex->thread_mutex = pmutex->thread_mutex;
#endif
    return APR_SUCCESS;
}
