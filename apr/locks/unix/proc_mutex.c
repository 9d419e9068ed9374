/*
 * Process mutexes: the generic part. The mechanism is chosen once, at
 * creation, and every call goes through its const table of methods
 * (proc_mutex_<mech>.c). The lock-file helpers shared by fcntl and flock
 * live here too.
 */
#include "apr_arch_proc_mutex.h"
#include "apr_arch_file_io.h"
#include "apr_strings.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

/* The mechanisms this build has, in APR's enum order. */
static const apr__proc_mutex_methods_t *const mechanisms[] = {
#if APR_HAS_FCNTL_SERIALIZE
    &apr__proc_mutex_fcntl_methods,
#endif
#if APR_HAS_FLOCK_SERIALIZE
    &apr__proc_mutex_flock_methods,
#endif
#if APR_HAS_SYSVSEM_SERIALIZE
    &apr__proc_mutex_sysvsem_methods,
#endif
#if APR_HAS_PROC_PTHREAD_SERIALIZE
    &apr__proc_mutex_pthread_methods,
#endif
#if APR_HAS_POSIXSEM_SERIALIZE
    &apr__proc_mutex_posixsem_methods,
#endif
};
#define N_MECHANISMS (sizeof(mechanisms) / sizeof(mechanisms[0]))

/* APR_LOCK_DEFAULT: the one apr.h marks APR_USE_*, in APR's order. */
#if APR_USE_FLOCK_SERIALIZE
#define DEFAULT_MECH APR_LOCK_FLOCK
#elif APR_USE_SYSVSEM_SERIALIZE
#define DEFAULT_MECH APR_LOCK_SYSVSEM
#elif APR_USE_FCNTL_SERIALIZE
#define DEFAULT_MECH APR_LOCK_FCNTL
#elif APR_USE_PROC_PTHREAD_SERIALIZE
#define DEFAULT_MECH APR_LOCK_PROC_PTHREAD
#elif APR_USE_POSIXSEM_SERIALIZE
#define DEFAULT_MECH APR_LOCK_POSIXSEM
#else
#error "apr.h marks no process mutex mechanism APR_USE_*_SERIALIZE"
#endif

static const apr__proc_mutex_methods_t *find_mech(apr_lockmech_e mech)
{
    size_t i;

    for (i = 0; i < N_MECHANISMS; i++)
        if (mechanisms[i]->mech == mech)
            return mechanisms[i];
    return NULL;
}

/* APR_LOCK_DEFAULT_TIMED: the first that times out natively, in APR's
 * order of preference; otherwise the default (its timedlock emulated). */
static const apr__proc_mutex_methods_t *find_default_timed(void)
{
    static const apr_lockmech_e order[] = {
        APR_LOCK_PROC_PTHREAD, APR_LOCK_SYSVSEM, APR_LOCK_POSIXSEM,
    };
    const apr__proc_mutex_methods_t *m;
    size_t i;

    for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
        m = find_mech(order[i]);
        if (m && (m->flags & APR__PROC_MUTEX_TIMED))
            return m;
    }
    return find_mech(DEFAULT_MECH);
}

static const apr__proc_mutex_methods_t *choose_method(apr_lockmech_e mech)
{
    if (mech == APR_LOCK_DEFAULT)
        return find_mech(DEFAULT_MECH);
    if (mech == APR_LOCK_DEFAULT_TIMED)
        return find_default_timed();
    return find_mech(mech);
}

static void init_mutex(apr_proc_mutex_t *m, apr_pool_t *pool,
                       const apr__proc_mutex_methods_t *meth)
{
    memset(m, 0, sizeof(*m));
    m->pool = pool;
    m->meth = meth;
#if APR_HAS_SYSVSEM_SERIALIZE || APR_HAS_FCNTL_SERIALIZE || \
    APR_HAS_FLOCK_SERIALIZE
    m->os.crossproc = -1;
#endif
}

APR_DECLARE(apr_status_t) apr_proc_mutex_create(apr_proc_mutex_t **mutex,
                                                const char *fname,
                                                apr_lockmech_e mech,
                                                apr_pool_t *pool)
{
    const apr__proc_mutex_methods_t *meth = choose_method(mech);
    apr_proc_mutex_t *m;
    apr_status_t rv;

    if (meth == NULL)
        return APR_ENOTIMPL;
    m = apr_palloc(pool, sizeof(*m));
    init_mutex(m, pool, meth);
    rv = meth->create(m, fname);
    if (rv != APR_SUCCESS)
        return rv;
    *mutex = m;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_proc_mutex_child_init(apr_proc_mutex_t **mutex,
                                                    const char *fname,
                                                    apr_pool_t *pool)
{
    return (*mutex)->meth->child_init(mutex, pool, fname);
}

APR_DECLARE(apr_status_t) apr_proc_mutex_lock(apr_proc_mutex_t *mutex)
{
    apr_status_t rv = mutex->meth->acquire(mutex);

    if (rv == APR_SUCCESS)
        mutex->curr_locked = 1;
    return rv;
}

APR_DECLARE(apr_status_t) apr_proc_mutex_trylock(apr_proc_mutex_t *mutex)
{
    apr_status_t rv = mutex->meth->tryacquire(mutex);

    if (rv == APR_SUCCESS)
        mutex->curr_locked = 1;
    return rv;
}

APR_DECLARE(apr_status_t) apr_proc_mutex_timedlock(apr_proc_mutex_t *mutex,
                                                   apr_interval_time_t timeout)
{
    apr_status_t rv = mutex->meth->timedacquire(mutex, timeout);

    if (rv == APR_SUCCESS)
        mutex->curr_locked = 1;
    return rv;
}

APR_DECLARE(apr_status_t) apr_proc_mutex_unlock(apr_proc_mutex_t *mutex)
{
    mutex->curr_locked = 0;
    return mutex->meth->release(mutex);
}

APR_DECLARE(apr_status_t) apr_proc_mutex_cleanup(void *mutex)
{
    apr_proc_mutex_t *m = mutex;

    return m->meth->cleanup(m);
}

APR_DECLARE(apr_status_t) apr_proc_mutex_destroy(apr_proc_mutex_t *mutex)
{
    return apr_pool_cleanup_run(mutex->pool, mutex, apr_proc_mutex_cleanup);
}

APR_DECLARE(const char *) apr_proc_mutex_lockfile(apr_proc_mutex_t *mutex)
{
    /* posixsem keeps its semaphore name in fname, but that is no file. */
    if (mutex->meth->flags & APR__PROC_MUTEX_HAS_FILE)
        return mutex->fname;
    return NULL;
}

APR_DECLARE(apr_lockmech_e) apr_proc_mutex_mech(apr_proc_mutex_t *mutex)
{
    return mutex->meth->mech;
}

APR_DECLARE(const char *) apr_proc_mutex_name(apr_proc_mutex_t *mutex)
{
    return mutex->meth->name;
}

APR_DECLARE(const char *) apr_proc_mutex_defname(void)
{
    const apr__proc_mutex_methods_t *meth = choose_method(APR_LOCK_DEFAULT);

    return meth ? meth->name : "unknown";
}

APR_PERMS_SET_IMPLEMENT(proc_mutex)
{
    apr_proc_mutex_t *mutex = theproc_mutex;

    return mutex->meth->perms_set(mutex, perms, uid, gid);
}

APR_POOL_IMPLEMENT_ACCESSOR(proc_mutex)

APR_DECLARE(apr_status_t) apr_os_proc_mutex_get_ex(
    apr_os_proc_mutex_t *ospmutex, apr_proc_mutex_t *pmutex,
    apr_lockmech_e *mech)
{
    *ospmutex = pmutex->os;
    if (mech)
        *mech = pmutex->meth->mech;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_os_proc_mutex_get(
    apr_os_proc_mutex_t *ospmutex, apr_proc_mutex_t *pmutex)
{
    return apr_os_proc_mutex_get_ex(ospmutex, pmutex, NULL);
}

APR_DECLARE(apr_status_t) apr_os_proc_mutex_put_ex(
    apr_proc_mutex_t **pmutex, apr_os_proc_mutex_t *ospmutex,
    apr_lockmech_e mech, int register_cleanup, apr_pool_t *cont)
{
    const apr__proc_mutex_methods_t *meth;
    apr_status_t rv;

    if (cont == NULL)
        return APR_ENOPOOL;
    meth = choose_method(mech);
    if (meth == NULL)
        return APR_ENOTIMPL;
    if (*pmutex == NULL)
        *pmutex = apr_palloc(cont, sizeof(**pmutex));
    init_mutex(*pmutex, cont, meth);
    rv = meth->put(*pmutex, ospmutex);
    if (rv == APR_SUCCESS && register_cleanup)
        apr_pool_cleanup_register(cont, *pmutex, apr_proc_mutex_cleanup,
                                  apr_pool_cleanup_null);
    return rv;
}

APR_DECLARE(apr_status_t) apr_os_proc_mutex_put(
    apr_proc_mutex_t **pmutex, apr_os_proc_mutex_t *ospmutex,
    apr_pool_t *cont)
{
    return apr_os_proc_mutex_put_ex(pmutex, ospmutex, APR_LOCK_DEFAULT, 0,
                                    cont);
}

/* ---- shared by the mechanisms ----------------------------------- */

apr_status_t apr__proc_mutex_spinsleep_timedacquire(
    apr_proc_mutex_t *mutex, apr_interval_time_t timeout)
{
    const apr_interval_time_t step = apr_time_from_msec(10);
    apr_status_t rv;

    for (;;) {
        rv = mutex->meth->tryacquire(mutex);
        if (!APR_STATUS_IS_EBUSY(rv))
            return rv;
        if (timeout <= 0)
            return APR_TIMEUP;
        if (timeout > step) {
            apr_sleep(step);
            timeout -= step;
        }
        else {
            apr_sleep(timeout);
            timeout = 0;
        }
    }
}

apr_status_t apr__proc_mutex_no_child_init(apr_proc_mutex_t **mutex,
                                           apr_pool_t *pool,
                                           const char *fname)
{
    (void)mutex;
    (void)pool;
    (void)fname;
    return APR_SUCCESS;
}

apr_status_t apr__proc_mutex_no_perms_set(apr_proc_mutex_t *mutex,
                                          apr_fileperms_t perms,
                                          apr_uid_t uid, apr_gid_t gid)
{
    (void)mutex;
    (void)perms;
    (void)uid;
    (void)gid;
    return APR_ENOTIMPL;
}

#if APR_HAS_FCNTL_SERIALIZE || APR_HAS_FLOCK_SERIALIZE

apr_status_t apr__proc_mutex_file_create(apr_proc_mutex_t *mutex,
                                         const char *fname,
                                         apr_fileperms_t perms)
{
    const apr_int32_t flags =
        APR_FOPEN_CREATE | APR_FOPEN_WRITE | APR_FOPEN_EXCL;
    apr_status_t rv;

    if (fname) {
        mutex->fname = apr_pstrdup(mutex->pool, fname);
        rv = apr_file_open(&mutex->interproc, mutex->fname, flags, perms,
                           mutex->pool);
    }
    else {
        mutex->fname = apr_pstrdup(mutex->pool, "/tmp/aprXXXXXX");
        rv = apr_file_mktemp(&mutex->interproc, mutex->fname, flags,
                             mutex->pool);
    }
    if (rv != APR_SUCCESS)
        return rv;
    mutex->os.crossproc = mutex->interproc->filedes;
    mutex->interproc_closing = 1;
    return APR_SUCCESS;
}

apr_status_t apr__proc_mutex_file_perms_set(apr_proc_mutex_t *mutex,
                                            apr_fileperms_t perms,
                                            apr_uid_t uid, apr_gid_t gid)
{
    if (mutex->fname == NULL)
        return APR_SUCCESS;
    if (!(perms & APR_FPROT_GSETID))
        gid = (apr_gid_t)-1;
    if (fchown(mutex->os.crossproc, uid, gid) < 0)
        return errno;
    return APR_SUCCESS;
}

apr_status_t apr__proc_mutex_file_put(apr_proc_mutex_t *mutex,
                                      const apr_os_proc_mutex_t *ospmutex)
{
    apr_os_file_t fd = ospmutex->crossproc;

    if (fd == -1)
        return APR_EINVAL;
    mutex->os.crossproc = fd;
    /* The wrapper does not close the descriptor on its own: only the
     * mutex cleanup does, when the caller asked for one. */
    mutex->interproc_closing = 1;
    return apr_os_file_put(&mutex->interproc, &fd, 0, mutex->pool);
}

apr_status_t apr__proc_mutex_file_close(apr_proc_mutex_t *mutex)
{
    apr_status_t rv = APR_SUCCESS;

    if (mutex->curr_locked == 1) {
        rv = apr_proc_mutex_unlock(mutex);
        if (rv != APR_SUCCESS)
            return rv;
    }
    if (mutex->interproc) {
        rv = apr_file_close(mutex->interproc);
        mutex->interproc = NULL;
    }
    else if (mutex->os.crossproc != -1 && close(mutex->os.crossproc) < 0) {
        rv = errno;
    }
    mutex->os.crossproc = -1;
    return rv;
}

#endif /* APR_HAS_FCNTL_SERIALIZE || APR_HAS_FLOCK_SERIALIZE */
