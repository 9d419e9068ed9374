/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  ap_mpm.h
 * @brief The interface between the server and its Multi-Processing Module.
 */

#ifndef AP_MPM_H
#define AP_MPM_H

#include "apr_thread_proc.h"
#include "httpd.h"
#include "scoreboard.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Hook: run the server (the MPM's main loop); returns OK to exit,
 *  DONE on error. */
AP_DECLARE_HOOK(int, mpm,
                (apr_pool_t *pconf, apr_pool_t *plog, server_rec *server_conf))

/** Start a program as apr_proc_create does, with the privileges the
 *  platform grants to @a r (e.g. suexec). */
AP_DECLARE(apr_status_t) ap_os_create_privileged_process(
    const request_rec *r,
    apr_proc_t *newproc,
    const char *progname,
    const char * const *args,
    const char * const *env,
    apr_procattr_t *attr,
    apr_pool_t *p);

/* answers for AP_MPMQ_IS_THREADED / AP_MPMQ_IS_FORKED */
/** not threaded / not forked */
#define AP_MPMQ_NOT_SUPPORTED 0
/** a fixed number of threads/processes */
#define AP_MPMQ_STATIC        1
/** a varying number of threads/processes */
#define AP_MPMQ_DYNAMIC       2

/* answers for AP_MPMQ_MPM_STATE */
#define AP_MPMQ_STARTING      0
#define AP_MPMQ_RUNNING       1
#define AP_MPMQ_STOPPING      2

/* query codes for ap_mpm_query */
#define AP_MPMQ_MAX_DAEMON_USED      1
#define AP_MPMQ_IS_THREADED          2
#define AP_MPMQ_IS_FORKED            3
#define AP_MPMQ_HARD_LIMIT_DAEMONS   4
#define AP_MPMQ_HARD_LIMIT_THREADS   5
#define AP_MPMQ_MAX_THREADS          6
#define AP_MPMQ_MIN_SPARE_DAEMONS    7
#define AP_MPMQ_MIN_SPARE_THREADS    8
#define AP_MPMQ_MAX_SPARE_DAEMONS    9
#define AP_MPMQ_MAX_SPARE_THREADS   10
#define AP_MPMQ_MAX_REQUESTS_DAEMON 11
#define AP_MPMQ_MAX_DAEMONS         12
#define AP_MPMQ_MPM_STATE           13
#define AP_MPMQ_IS_ASYNC            14
#define AP_MPMQ_GENERATION          15
#define AP_MPMQ_HAS_SERF            16
#define AP_MPMQ_CAN_WAITIO          19

/** Ask the MPM about @a query_code (AP_MPMQ_*); APR_ENOTIMPL if unknown. */
AP_DECLARE(apr_status_t) ap_mpm_query(int query_code, int *result);

/** callback run by the MPM at a given time */
typedef void (ap_mpm_callback_fn_t)(void *baton);

/** Run @a cbfn(@a baton) after @a t (async MPMs); APR_ENOTIMPL otherwise. */
AP_DECLARE(apr_status_t) ap_mpm_register_timed_callback(apr_time_t t,
                                                ap_mpm_callback_fn_t *cbfn,
                                                void *baton);

/** What happened to a child process (child_status hook). */
typedef enum mpm_child_status {
    MPM_CHILD_STARTED,
    MPM_CHILD_EXITED,
    MPM_CHILD_LOST_SLOT
} mpm_child_status;

/** Hook: a child process started or exited. */
AP_DECLARE_HOOK(void, child_status,
                (server_rec *s, pid_t pid, ap_generation_t gen, int slot,
                 mpm_child_status state))

/** Hook: every child of generation @a gen is gone. */
AP_DECLARE_HOOK(void, end_generation, (server_rec *s, ap_generation_t gen))

/* profiling control (GPROF builds only) */
#if defined(GPROF)
extern void moncontrol(int);
#define AP_MONCONTROL(x) moncontrol(x)
#else
#define AP_MONCONTROL(x)
#endif

#if defined(AP_ENABLE_EXCEPTION_HOOK) && AP_ENABLE_EXCEPTION_HOOK
/** What the fatal_exception hook is told. */
typedef struct ap_exception_info_t {
    /** the signal */
    int sig;
    /** the crashing process */
    pid_t pid;
} ap_exception_info_t;

/** Hook: a child crashed (EnableExceptionHook). */
AP_DECLARE_HOOK(int, fatal_exception, (ap_exception_info_t *ei))
#endif

#ifdef __cplusplus
}
#endif

#endif /* AP_MPM_H */
