/*
 * APR_LOCK_FCNTL: a write lock on the whole of a lock file (fcntl
 * F_SETLKW). The file is unlinked as soon as it is open: the inherited
 * descriptor is all the children need. Record locks belong to a process,
 * so this does not exclude the threads of one process (a global mutex
 * adds a thread mutex), and timed locking is a trylock/sleep loop.
 */
#include "apr_arch_proc_mutex.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static int set_lock(apr_proc_mutex_t *mutex, int cmd, short type)
{
    struct flock fl = {0};
    int rc;

    fl.l_type = type;
    fl.l_whence = SEEK_SET; /* l_start = l_len = 0: the whole file */
    do {
        rc = fcntl(mutex->os.crossproc, cmd, &fl);
    } while (rc < 0 && errno == EINTR);
    return rc;
}

static apr_status_t fcntl_cleanup(void *data)
{
    return apr__proc_mutex_file_close(data);
}

static apr_status_t fcntl_create(apr_proc_mutex_t *mutex, const char *fname)
{
    apr_status_t rv;

    rv = apr__proc_mutex_file_create(mutex, fname,
                                     APR_FPROT_UREAD | APR_FPROT_UWRITE |
                                     APR_FPROT_GREAD | APR_FPROT_WREAD);
    if (rv != APR_SUCCESS)
        return rv;
    unlink(mutex->fname);
    apr_pool_cleanup_register(mutex->pool, mutex, apr_proc_mutex_cleanup,
                              apr_pool_cleanup_null);
    return APR_SUCCESS;
}

static apr_status_t fcntl_acquire(apr_proc_mutex_t *mutex)
{
    return set_lock(mutex, F_SETLKW, F_WRLCK) < 0 ? errno : APR_SUCCESS;
}

static apr_status_t fcntl_tryacquire(apr_proc_mutex_t *mutex)
{
    if (set_lock(mutex, F_SETLK, F_WRLCK) < 0) {
        /* POSIX allows either for "held by another process". */
        if (errno == EAGAIN || errno == EACCES)
            return APR_EBUSY;
        return errno;
    }
    return APR_SUCCESS;
}

static apr_status_t fcntl_release(apr_proc_mutex_t *mutex)
{
    return set_lock(mutex, F_SETLK, F_UNLCK) < 0 ? errno : APR_SUCCESS;
}

const apr__proc_mutex_methods_t apr__proc_mutex_fcntl_methods = {
    APR__PROC_MUTEX_HAS_FILE,
    fcntl_create,
    fcntl_acquire,
    fcntl_tryacquire,
    apr__proc_mutex_spinsleep_timedacquire,
    fcntl_release,
    fcntl_cleanup,
    apr__proc_mutex_no_child_init,
    apr__proc_mutex_file_perms_set,
    apr__proc_mutex_file_put,
    APR_LOCK_FCNTL,
    "fcntl",
};
