/*
 * The unix thread, thread attribute, key, once-control and process
 * attribute structures, shared by apr/threadproc/unix/ (which owns them)
 * and the portable conversions. Not installed.
 */
#ifndef APR_ARCH_THREADPROC_H
#define APR_ARCH_THREADPROC_H

#include "apr.h"
#include "apr_private_config.h"
#include "apr_thread_proc.h"
#include "apr_file_io.h"
#include "apr_perms_set.h"

#include <sys/types.h>
#include <sys/resource.h>
#if APR_HAS_THREADS
#include <pthread.h>
#endif

#if APR_HAS_THREADS

struct apr_thread_t {
    apr_pool_t *pool;      /* the thread's own pool (child of the creator's) */
    pthread_t *td;         /* a pointer, as apr_os_thread_get hands it out */
    void *data;
    apr_thread_start_t func;
    apr_status_t exitval;  /* what apr_thread_exit recorded (0 otherwise) */
};

struct apr_threadattr_t {
    apr_pool_t *pool;
    pthread_attr_t attr;
};

struct apr_threadkey_t {
    apr_pool_t *pool;
    pthread_key_t key;
};

struct apr_thread_once_t {
    pthread_once_t once;
};

#endif /* APR_HAS_THREADS */

/* A function registered with apr_procattr_perms_set_register. */
typedef struct apr__procattr_pscb_t {
    struct apr__procattr_pscb_t *next;
    apr_perms_setfn_t *perms_set_fn;
    apr_fileperms_t perms;
    const void *data;
} apr__procattr_pscb_t;

struct apr_procattr_t {
    apr_pool_t *pool;
    /* The pipes' or files' ends: parent_* go to apr_proc_t, child_* become
     * the child's 0, 1, 2 (a file whose filedes is -1: closed there). */
    apr_file_t *parent_in, *child_in;
    apr_file_t *parent_out, *child_out;
    apr_file_t *parent_err, *child_err;
    char *currdir;
    apr_cmdtype_e cmdtype;
    apr_int32_t detached;
    apr_int32_t errchk;
    apr_child_errfn_t *errfn;
    uid_t uid;             /* (uid_t)-1: unchanged */
    gid_t gid;             /* (gid_t)-1: unchanged */
    apr__procattr_pscb_t *perms_set_callbacks;
    /* Resource limits, or NULL: copies of the caller's. */
    struct rlimit *limit_cpu, *limit_mem, *limit_nproc, *limit_nofile;
};

#endif /* APR_ARCH_THREADPROC_H */
