/*
 * APR_LOCK_SYSVSEM: a private System V semaphore of value 1. Operations
 * carry SEM_UNDO, so the kernel gives the semaphore back when a holder
 * dies. The semaphore is removed (IPC_RMID) by the creator's cleanup.
 * It excludes threads too, but APR 1.7 does not mark it "global" on
 * Linux: a global mutex still adds a thread mutex.
 */
#include "apr_arch_proc_mutex.h"
#include "apr_arch_file_io.h"
#include "apr_private_config.h"

#include <errno.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <time.h>

#if !APR_HAVE_UNION_SEMUN
/* The caller defines it (see semctl(2)). */
union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};
#endif

static apr_status_t semop_one(apr_proc_mutex_t *mutex, short delta,
                              short flags)
{
    struct sembuf op;
    int rc;

    op.sem_num = 0;
    op.sem_op = delta;
    op.sem_flg = (short)(flags | SEM_UNDO);
    do {
        rc = semop(mutex->os.crossproc, &op, 1);
    } while (rc < 0 && errno == EINTR);
    return rc < 0 ? errno : APR_SUCCESS;
}

static apr_status_t sysv_cleanup(void *data)
{
    apr_proc_mutex_t *mutex = data;
    union semun ick;

    if (mutex->os.crossproc != -1) {
        ick.val = 0;
        semctl(mutex->os.crossproc, 0, IPC_RMID, ick);
        mutex->os.crossproc = -1;
    }
    return APR_SUCCESS;
}

static apr_status_t sysv_create(apr_proc_mutex_t *mutex, const char *fname)
{
    union semun ick;
    apr_status_t rv;

    (void)fname; /* private semaphores need no name */
    mutex->os.crossproc = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
    if (mutex->os.crossproc == -1)
        return errno;
    ick.val = 1;
    if (semctl(mutex->os.crossproc, 0, SETVAL, ick) < 0) {
        rv = errno;
        sysv_cleanup(mutex);
        return rv;
    }
    apr_pool_cleanup_register(mutex->pool, mutex, apr_proc_mutex_cleanup,
                              apr_pool_cleanup_null);
    return APR_SUCCESS;
}

static apr_status_t sysv_acquire(apr_proc_mutex_t *mutex)
{
    return semop_one(mutex, -1, 0);
}

static apr_status_t sysv_tryacquire(apr_proc_mutex_t *mutex)
{
    apr_status_t rv = semop_one(mutex, -1, IPC_NOWAIT);

    return rv == EAGAIN ? APR_EBUSY : rv;
}

#if HAVE_SEMTIMEDOP
static apr_status_t sysv_timedacquire(apr_proc_mutex_t *mutex,
                                      apr_interval_time_t timeout)
{
    struct sembuf op = { 0, -1, SEM_UNDO };
    struct timespec left;
    apr_time_t deadline;
    apr_status_t rv;
    int rc;

    if (timeout <= 0) {
        rv = sysv_tryacquire(mutex);
        return rv == APR_EBUSY ? APR_TIMEUP : rv;
    }
    /* semtimedop takes a relative time: recompute it after a signal. */
    deadline = apr_time_now() + timeout;
    for (;;) {
        left.tv_sec = (time_t)apr_time_sec(timeout);
        left.tv_nsec = (long)apr_time_usec(timeout) * 1000;
        rc = semtimedop(mutex->os.crossproc, &op, 1, &left);
        if (rc == 0)
            return APR_SUCCESS;
        if (errno == EAGAIN)
            return APR_TIMEUP;
        if (errno != EINTR)
            return errno;
        timeout = deadline - apr_time_now();
        if (timeout <= 0)
            timeout = 0;
    }
}
#endif

static apr_status_t sysv_release(apr_proc_mutex_t *mutex)
{
    return semop_one(mutex, 1, 0);
}

static apr_status_t sysv_perms_set(apr_proc_mutex_t *mutex,
                                   apr_fileperms_t perms, apr_uid_t uid,
                                   apr_gid_t gid)
{
    struct semid_ds buf = {0};
    union semun ick;

    buf.sem_perm.uid = uid;
    buf.sem_perm.gid = gid;
    buf.sem_perm.mode = apr__perms_to_mode(perms);
    ick.buf = &buf;
    if (semctl(mutex->os.crossproc, 0, IPC_SET, ick) < 0)
        return errno;
    return APR_SUCCESS;
}

static apr_status_t sysv_put(apr_proc_mutex_t *mutex,
                             const apr_os_proc_mutex_t *ospmutex)
{
    if (ospmutex->crossproc == -1)
        return APR_EINVAL;
    mutex->os.crossproc = ospmutex->crossproc;
    return APR_SUCCESS;
}

const apr__proc_mutex_methods_t apr__proc_mutex_sysvsem_methods = {
#if HAVE_SEMTIMEDOP
    APR__PROC_MUTEX_TIMED,
#else
    0,
#endif
    sysv_create,
    sysv_acquire,
    sysv_tryacquire,
#if HAVE_SEMTIMEDOP
    sysv_timedacquire,
#else
    apr__proc_mutex_spinsleep_timedacquire,
#endif
    sysv_release,
    sysv_cleanup,
    apr__proc_mutex_no_child_init,
    sysv_perms_set,
    sysv_put,
    APR_LOCK_SYSVSEM,
    "sysvsem",
};
