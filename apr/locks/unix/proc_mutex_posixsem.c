/*
 * APR_LOCK_POSIXSEM: a named POSIX semaphore of value 1. The name is
 * unlinked right after sem_open(): the semaphore lives on in the mapping
 * that forked children inherit, and nothing is left behind in /dev/shm.
 * A holder that dies does not give it back (unlike sysvsem).
 */
#include "apr_arch_proc_mutex.h"
#include "apr_hash.h"
#include "apr_private_config.h"
#include "apr_strings.h"

#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <string.h>
#include <time.h>

/* APR's names are "/ApR." and two hashes of the file name (or the time),
 * cut to 13 characters where the system allows no more. */
#define NAME_MIN_LEN 13

/* Robert Sedgewick's hash, APR's second one (char as the compiler has it,
 * as APR does). */
static unsigned int rshash(const char *p)
{
    unsigned int b = 378551, a = 63689, h = 0;

    for (; *p; p++) {
        h = h * a + (unsigned int)*p;
        a *= b;
    }
    return h;
}

static void sem_name(char *buf, size_t len, const char *fname,
                     apr_time_t now)
{
    if (fname) {
        apr_ssize_t flen = (apr_ssize_t)strlen(fname);

        apr_snprintf(buf, len, "/ApR.%xH%x",
                     apr_hashfunc_default(fname, &flen), rshash(fname));
    }
    else {
        apr_snprintf(buf, len, "/ApR.%lxZ%lx",
                     (unsigned long)apr_time_sec(now),
                     (unsigned long)apr_time_usec(now));
    }
}

static sem_t *open_excl(const char *name)
{
    sem_t *s;

    do {
        s = sem_open(name, O_CREAT | O_EXCL, 0644, 1);
    } while (s == SEM_FAILED && errno == EINTR);
    return s;
}

static apr_status_t posix_cleanup(void *data)
{
    apr_proc_mutex_t *mutex = data;

    if (mutex->os.psem_interproc && sem_close(mutex->os.psem_interproc) < 0)
        return errno;
    mutex->os.psem_interproc = NULL;
    return APR_SUCCESS;
}

static apr_status_t posix_create(apr_proc_mutex_t *mutex, const char *fname)
{
    apr_time_t now = apr_time_now();
    char name[64];
    sem_t *s;
    int tries = 0;

    for (;;) {
        sem_name(name, sizeof(name), fname, now);
        s = open_excl(name);
        if (s == SEM_FAILED && errno == ENAMETOOLONG) {
            name[NAME_MIN_LEN] = '\0';
            s = open_excl(name);
        }
        /* Another process picked the same time-based name in the same
         * microsecond: take the next one. */
        if (s == SEM_FAILED && errno == EEXIST && !fname && ++tries < 100) {
            now++;
            continue;
        }
        break;
    }
    if (s == SEM_FAILED)
        return errno;
    sem_unlink(name);
    mutex->os.psem_interproc = s;
    mutex->fname = apr_pstrdup(mutex->pool, name);
    apr_pool_cleanup_register(mutex->pool, mutex, apr_proc_mutex_cleanup,
                              apr_pool_cleanup_null);
    return APR_SUCCESS;
}

static apr_status_t posix_acquire(apr_proc_mutex_t *mutex)
{
    int rc;

    do {
        rc = sem_wait(mutex->os.psem_interproc);
    } while (rc < 0 && errno == EINTR);
    return rc < 0 ? errno : APR_SUCCESS;
}

static apr_status_t posix_tryacquire(apr_proc_mutex_t *mutex)
{
    int rc;

    do {
        rc = sem_trywait(mutex->os.psem_interproc);
    } while (rc < 0 && errno == EINTR);
    if (rc < 0)
        return errno == EAGAIN ? APR_EBUSY : errno;
    return APR_SUCCESS;
}

#if HAVE_SEM_TIMEDWAIT
static apr_status_t posix_timedacquire(apr_proc_mutex_t *mutex,
                                       apr_interval_time_t timeout)
{
    struct timespec abstime;
    apr_time_t deadline;
    apr_status_t rv;
    int rc;

    if (timeout <= 0) {
        rv = posix_tryacquire(mutex);
        return rv == APR_EBUSY ? APR_TIMEUP : rv;
    }
    /* sem_timedwait measures against CLOCK_REALTIME, as apr_time_now. */
    deadline = apr_time_now() + timeout;
    abstime.tv_sec = (time_t)apr_time_sec(deadline);
    abstime.tv_nsec = (long)apr_time_usec(deadline) * 1000;
    do {
        rc = sem_timedwait(mutex->os.psem_interproc, &abstime);
    } while (rc < 0 && errno == EINTR);
    if (rc < 0)
        return errno == ETIMEDOUT ? APR_TIMEUP : errno;
    return APR_SUCCESS;
}
#endif

static apr_status_t posix_release(apr_proc_mutex_t *mutex)
{
    return sem_post(mutex->os.psem_interproc) < 0 ? errno : APR_SUCCESS;
}

static apr_status_t posix_put(apr_proc_mutex_t *mutex,
                              const apr_os_proc_mutex_t *ospmutex)
{
    if (ospmutex->psem_interproc == NULL)
        return APR_EINVAL;
    mutex->os.psem_interproc = ospmutex->psem_interproc;
    return APR_SUCCESS;
}

const apr__proc_mutex_methods_t apr__proc_mutex_posixsem_methods = {
#if HAVE_SEM_TIMEDWAIT
    APR__PROC_MUTEX_TIMED,
#else
    0,
#endif
    posix_create,
    posix_acquire,
    posix_tryacquire,
#if HAVE_SEM_TIMEDWAIT
    posix_timedacquire,
#else
    apr__proc_mutex_spinsleep_timedacquire,
#endif
    posix_release,
    posix_cleanup,
    apr__proc_mutex_no_child_init,
    apr__proc_mutex_no_perms_set,
    posix_put,
    APR_LOCK_POSIXSEM,
    "posixsem",
};
