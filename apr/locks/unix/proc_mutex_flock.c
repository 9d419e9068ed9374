/*
 * APR_LOCK_FLOCK: an exclusive flock() on a lock file. flock locks belong
 * to the open file description, which a forked child shares with its
 * parent: apr_proc_mutex_child_init() therefore opens the file again, and
 * the file stays on disk until the creator's cleanup removes it. Timed
 * locking is a trylock/sleep loop.
 */
#include "apr_arch_proc_mutex.h"
#include "apr_strings.h"

#include <errno.h>
#include <sys/file.h>
#include <unistd.h>

static apr_status_t do_flock(apr_proc_mutex_t *mutex, int op)
{
    int rc;

    do {
        rc = flock(mutex->os.crossproc, op);
    } while (rc < 0 && errno == EINTR);
    return rc < 0 ? errno : APR_SUCCESS;
}

static apr_status_t flock_cleanup(void *data)
{
    apr_proc_mutex_t *mutex = data;
    apr_status_t rv = apr__proc_mutex_file_close(mutex);

    if (rv == APR_SUCCESS && mutex->fname)
        unlink(mutex->fname);
    return rv;
}

static apr_status_t flock_create(apr_proc_mutex_t *mutex, const char *fname)
{
    apr_status_t rv;

    rv = apr__proc_mutex_file_create(mutex, fname,
                                     APR_FPROT_UREAD | APR_FPROT_UWRITE);
    if (rv != APR_SUCCESS)
        return rv;
    apr_pool_cleanup_register(mutex->pool, mutex, apr_proc_mutex_cleanup,
                              apr_pool_cleanup_null);
    return APR_SUCCESS;
}

static apr_status_t flock_acquire(apr_proc_mutex_t *mutex)
{
    return do_flock(mutex, LOCK_EX);
}

static apr_status_t flock_tryacquire(apr_proc_mutex_t *mutex)
{
    apr_status_t rv = do_flock(mutex, LOCK_EX | LOCK_NB);

    return rv == EWOULDBLOCK ? APR_EBUSY : rv;
}

static apr_status_t flock_release(apr_proc_mutex_t *mutex)
{
    return do_flock(mutex, LOCK_UN);
}

/* A new structure in the child's pool, on a descriptor of its own; the
 * file's own pool cleanup closes it, and the file stays for the others. */
static apr_status_t flock_child_init(apr_proc_mutex_t **mutex,
                                     apr_pool_t *pool, const char *fname)
{
    apr_proc_mutex_t *m;
    apr_status_t rv;

    if (fname == NULL) {
        fname = (*mutex)->fname;
        if (fname == NULL)
            return APR_SUCCESS;
    }
    m = apr_pmemdup(pool, *mutex, sizeof(*m));
    m->pool = pool;
    m->fname = apr_pstrdup(pool, fname);
    rv = apr_file_open(&m->interproc, m->fname, APR_FOPEN_WRITE, 0, pool);
    if (rv != APR_SUCCESS)
        return rv;
    apr_os_file_get(&m->os.crossproc, m->interproc);
    m->interproc_closing = 1;
    m->curr_locked = 0;
    *mutex = m;
    return APR_SUCCESS;
}

const apr__proc_mutex_methods_t apr__proc_mutex_flock_methods = {
    APR__PROC_MUTEX_HAS_FILE,
    flock_create,
    flock_acquire,
    flock_tryacquire,
    apr__proc_mutex_spinsleep_timedacquire,
    flock_release,
    flock_cleanup,
    flock_child_init,
    apr__proc_mutex_file_perms_set,
    apr__proc_mutex_file_put,
    APR_LOCK_FLOCK,
    "flock",
};
