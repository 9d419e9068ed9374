/*
 * The unix process mutex: a generic front (locks/unix/proc_mutex.c) over
 * one mechanism per file (proc_mutex_<mech>.c), each a const table of
 * methods. meson builds the mechanism files apr.h says this system has.
 */
#ifndef APR_ARCH_PROC_MUTEX_H
#define APR_ARCH_PROC_MUTEX_H

#include "apr.h"
#include "apr_pools.h"
#include "apr_file_io.h"
#include "apr_proc_mutex.h"
#include "apr_portable.h"

/* Method flags. */
/* The mechanism also excludes the other threads of this process, so a
 * global mutex needs no thread mutex on top of it. */
#define APR__PROC_MUTEX_IS_GLOBAL   0x1
/* The mechanism has a lock file (apr_proc_mutex_lockfile returns it). */
#define APR__PROC_MUTEX_HAS_FILE    0x2
/* The mechanism times out natively (a candidate for DEFAULT_TIMED). */
#define APR__PROC_MUTEX_TIMED       0x4

typedef struct apr__proc_mutex_methods_t {
    unsigned int flags;
    /* Create the native object; fname as given to apr_proc_mutex_create.
     * Registers apr_proc_mutex_cleanup on mutex->pool on success. */
    apr_status_t (*create)(apr_proc_mutex_t *mutex, const char *fname);
    apr_status_t (*acquire)(apr_proc_mutex_t *mutex);
    /* APR_EBUSY when held. */
    apr_status_t (*tryacquire)(apr_proc_mutex_t *mutex);
    /* APR_TIMEUP when still held after timeout (<= 0: one try). */
    apr_status_t (*timedacquire)(apr_proc_mutex_t *mutex,
                                 apr_interval_time_t timeout);
    apr_status_t (*release)(apr_proc_mutex_t *mutex);
    /* Release the native object (argument: the apr_proc_mutex_t). */
    apr_status_t (*cleanup)(void *mutex);
    apr_status_t (*child_init)(apr_proc_mutex_t **mutex, apr_pool_t *pool,
                               const char *fname);
    apr_status_t (*perms_set)(apr_proc_mutex_t *mutex, apr_fileperms_t perms,
                              apr_uid_t uid, apr_gid_t gid);
    /* Adopt native pieces (apr_os_proc_mutex_put_ex): APR_EINVAL when the
     * piece this mechanism needs is missing. */
    apr_status_t (*put)(apr_proc_mutex_t *mutex,
                        const apr_os_proc_mutex_t *ospmutex);
    apr_lockmech_e mech;
    const char *name;
} apr__proc_mutex_methods_t;

struct apr_proc_mutex_t {
    apr_pool_t *pool;
    const apr__proc_mutex_methods_t *meth;
    /* 1 while this structure's owner holds the lock (the cleanup releases
     * it); -1 while a pthread mutex is not initialised yet. */
    int curr_locked;
    /* Lock file (fcntl, flock) or semaphore name (posixsem), or NULL. */
    char *fname;
    /* The native pieces; unused members are -1 / NULL. */
    apr_os_proc_mutex_t os;
    /* fcntl, flock: the lock file, whose descriptor is os.crossproc. */
    apr_file_t *interproc;
    /* Non-zero when closing interproc also closes os.crossproc. */
    int interproc_closing;
    /* pthread: this structure holds a reference on the shared mutex. */
    int pthread_refcounting;
};

#if APR_HAS_FCNTL_SERIALIZE
extern const apr__proc_mutex_methods_t apr__proc_mutex_fcntl_methods;
#endif
#if APR_HAS_FLOCK_SERIALIZE
extern const apr__proc_mutex_methods_t apr__proc_mutex_flock_methods;
#endif
#if APR_HAS_SYSVSEM_SERIALIZE
extern const apr__proc_mutex_methods_t apr__proc_mutex_sysvsem_methods;
#endif
#if APR_HAS_POSIXSEM_SERIALIZE
extern const apr__proc_mutex_methods_t apr__proc_mutex_posixsem_methods;
#endif
#if APR_HAS_PROC_PTHREAD_SERIALIZE
extern const apr__proc_mutex_methods_t apr__proc_mutex_pthread_methods;
#endif

/* Timed locking for mechanisms without it: trylock every 10 ms until
 * the timeout has passed (as APR 1.7 does). */
apr_status_t apr__proc_mutex_spinsleep_timedacquire(
    apr_proc_mutex_t *mutex, apr_interval_time_t timeout);

/* child_init for mechanisms whose inherited state is enough. */
apr_status_t apr__proc_mutex_no_child_init(apr_proc_mutex_t **mutex,
                                           apr_pool_t *pool,
                                           const char *fname);

/* perms_set for mechanisms without a file or id: APR_ENOTIMPL. */
apr_status_t apr__proc_mutex_no_perms_set(apr_proc_mutex_t *mutex,
                                          apr_fileperms_t perms,
                                          apr_uid_t uid, apr_gid_t gid);

/* Lock-file mechanisms (fcntl, flock). Create the lock file: fname
 * exclusively (EEXIST if it is there), or a fresh /tmp/aprXXXXXX when
 * fname is NULL; fills mutex->fname, interproc and os.crossproc. */
apr_status_t apr__proc_mutex_file_create(apr_proc_mutex_t *mutex,
                                         const char *fname,
                                         apr_fileperms_t perms);
/* Give the lock file to uid (and gid, with APR_FPROT_GSETID). */
apr_status_t apr__proc_mutex_file_perms_set(apr_proc_mutex_t *mutex,
                                            apr_fileperms_t perms,
                                            apr_uid_t uid, apr_gid_t gid);
/* Adopt a lock-file descriptor. */
apr_status_t apr__proc_mutex_file_put(apr_proc_mutex_t *mutex,
                                      const apr_os_proc_mutex_t *ospmutex);
/* Release a held lock, close the file: the common part of the cleanup. */
apr_status_t apr__proc_mutex_file_close(apr_proc_mutex_t *mutex);

#endif /* !APR_ARCH_PROC_MUTEX_H */
