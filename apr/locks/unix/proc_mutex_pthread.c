/*
 * APR_LOCK_PROC_PTHREAD: a process-shared, robust pthread mutex in an
 * anonymous shared mapping that forked children inherit.
 *
 * Robust: when a holder dies, the next locker gets EOWNERDEAD, makes the
 * mutex consistent again and owns it (the caller sees APR_SUCCESS).
 *
 * Reference counted: destroying a pthread mutex that another process
 * still uses may break it for everyone, so the creator holds a reference,
 * each apr_proc_mutex_child_init() takes one (dropped by the child pool's
 * cleanup), and the last one to let go destroys the mutex. The mapping
 * itself is unmapped by the creator's cleanup only (children's mappings
 * go away when they exit).
 */
#include "apr_arch_proc_mutex.h"
#include "apr_private_config.h"

#include <errno.h>
#include <pthread.h>
#include <sys/mman.h>
#include <time.h>

typedef struct {
    pthread_mutex_t mutex;  /* first: os.pthread_interproc points here */
    apr_uint32_t refcount;  /* structures that hold a reference */
} shared_mutex_t;

static shared_mutex_t *shared(apr_proc_mutex_t *m)
{
    return (shared_mutex_t *)(void *)m->os.pthread_interproc;
}

static void ref(apr_proc_mutex_t *m)
{
    __atomic_add_fetch(&shared(m)->refcount, 1, __ATOMIC_ACQ_REL);
}

/* Drop a reference: non-zero while others still hold one. A mutex that
 * was adopted (apr_os_proc_mutex_put_ex) is not counted: it is ours. */
static int unref(apr_proc_mutex_t *m)
{
    if (!m->pthread_refcounting)
        return 0;
    return __atomic_sub_fetch(&shared(m)->refcount, 1, __ATOMIC_ACQ_REL) != 0;
}

/* The owner died holding it: its reference will never be dropped by its
 * own cleanup, so drop it here (but never the last one, which belongs to
 * a live structure), and make the mutex usable again. */
static apr_status_t recover(apr_proc_mutex_t *m)
{
    apr_uint32_t n = __atomic_load_n(&shared(m)->refcount, __ATOMIC_ACQUIRE);

    while (m->pthread_refcounting && n > 1 &&
           !__atomic_compare_exchange_n(&shared(m)->refcount, &n, n - 1, 0,
                                        __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        ;
    return pthread_mutex_consistent(&shared(m)->mutex);
}

static apr_status_t locked(apr_proc_mutex_t *m, int rc)
{
    if (rc == EOWNERDEAD)
        return recover(m);
    return rc;
}

static apr_status_t release_ref(apr_proc_mutex_t *m)
{
    apr_status_t rv;

    if (m->curr_locked == 1) {
        m->curr_locked = 0;
        rv = pthread_mutex_unlock(&shared(m)->mutex);
        if (rv != 0)
            return rv;
    }
    if (!unref(m))
        return pthread_mutex_destroy(&shared(m)->mutex);
    return APR_SUCCESS;
}

/* The child's cleanup: drop its reference, keep the mapping. */
static apr_status_t child_cleanup(void *data)
{
    return release_ref(data);
}

static apr_status_t proc_pthread_cleanup(void *data)
{
    apr_proc_mutex_t *m = data;
    apr_status_t rv;

    if (m->os.pthread_interproc == NULL)
        return APR_SUCCESS;
    rv = release_ref(m);
    if (rv != APR_SUCCESS)
        return rv;
    /* An adopted mutex lives in memory we did not map. */
    if (m->pthread_refcounting &&
        munmap(m->os.pthread_interproc, sizeof(shared_mutex_t)) < 0)
        return errno;
    m->os.pthread_interproc = NULL;
    return APR_SUCCESS;
}

static apr_status_t init_shared(pthread_mutex_t *mutex)
{
    pthread_mutexattr_t attr;
    apr_status_t rv;

    rv = pthread_mutexattr_init(&attr);
    if (rv != 0)
        return rv;
    rv = pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
    if (rv == 0)
        rv = pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
    if (rv == 0)
        rv = pthread_mutex_init(mutex, &attr);
    pthread_mutexattr_destroy(&attr);
    return rv;
}

static apr_status_t proc_pthread_create(apr_proc_mutex_t *m, const char *fname)
{
    shared_mutex_t *s;
    apr_status_t rv;

    (void)fname;
    s = mmap(NULL, sizeof(*s), PROT_READ | PROT_WRITE,
             MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (s == MAP_FAILED)
        return errno;
    rv = init_shared(&s->mutex);
    if (rv != 0) {
        munmap(s, sizeof(*s));
        return rv;
    }
    s->refcount = 1;
    m->os.pthread_interproc = &s->mutex;
    m->pthread_refcounting = 1;
    apr_pool_cleanup_register(m->pool, m, apr_proc_mutex_cleanup,
                              apr_pool_cleanup_null);
    return APR_SUCCESS;
}

static apr_status_t proc_pthread_acquire(apr_proc_mutex_t *m)
{
    return locked(m, pthread_mutex_lock(&shared(m)->mutex));
}

static apr_status_t proc_pthread_tryacquire(apr_proc_mutex_t *m)
{
    int rc = pthread_mutex_trylock(&shared(m)->mutex);

    return rc == EBUSY ? APR_EBUSY : locked(m, rc);
}

#if HAVE_PTHREAD_MUTEX_TIMEDLOCK
static apr_status_t proc_pthread_timedacquire(apr_proc_mutex_t *m,
                                         apr_interval_time_t timeout)
{
    struct timespec abstime;
    apr_time_t deadline;
    int rc;

    /* Try first: the common case costs no clock reading, and a dead
     * owner is then recovered through trylock, which ThreadSanitizer
     * understands (its timedlock interceptor ignores EOWNERDEAD). */
    rc = pthread_mutex_trylock(&shared(m)->mutex);
    if (rc != EBUSY)
        return locked(m, rc);
    if (timeout <= 0)
        return APR_TIMEUP;
    /* The deadline is on CLOCK_REALTIME, as apr_time_now. */
    deadline = apr_time_now() + timeout;
    abstime.tv_sec = (time_t)apr_time_sec(deadline);
    abstime.tv_nsec = (long)apr_time_usec(deadline) * 1000;
    rc = pthread_mutex_timedlock(&shared(m)->mutex, &abstime);
    return rc == ETIMEDOUT ? APR_TIMEUP : locked(m, rc);
}
#endif

static apr_status_t proc_pthread_release(apr_proc_mutex_t *m)
{
    return pthread_mutex_unlock(&shared(m)->mutex);
}

static apr_status_t proc_pthread_child_init(apr_proc_mutex_t **mutex,
                                       apr_pool_t *pool, const char *fname)
{
    apr_proc_mutex_t *m = *mutex;

    (void)fname;
    m->curr_locked = 0;
    if (m->pthread_refcounting) {
        ref(m);
        apr_pool_cleanup_register(pool, m, child_cleanup,
                                  apr_pool_cleanup_null);
    }
    return APR_SUCCESS;
}

static apr_status_t proc_pthread_put(apr_proc_mutex_t *m,
                                const apr_os_proc_mutex_t *ospmutex)
{
    if (ospmutex->pthread_interproc == NULL)
        return APR_EINVAL;
    m->os.pthread_interproc = ospmutex->pthread_interproc;
    m->pthread_refcounting = 0;
    return APR_SUCCESS;
}

const apr__proc_mutex_methods_t apr__proc_mutex_pthread_methods = {
#if HAVE_PTHREAD_MUTEX_TIMEDLOCK
    APR__PROC_MUTEX_IS_GLOBAL | APR__PROC_MUTEX_TIMED,
#else
    APR__PROC_MUTEX_IS_GLOBAL,
#endif
    proc_pthread_create,
    proc_pthread_acquire,
    proc_pthread_tryacquire,
#if HAVE_PTHREAD_MUTEX_TIMEDLOCK
    proc_pthread_timedacquire,
#else
    apr__proc_mutex_spinsleep_timedacquire,
#endif
    proc_pthread_release,
    proc_pthread_cleanup,
    proc_pthread_child_init,
    apr__proc_mutex_no_perms_set,
    proc_pthread_put,
    APR_LOCK_PROC_PTHREAD,
    "pthread",
};
