/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  mpm_common.h
 * @brief Code shared by the MPMs: child reaping, pipe of death, common
 *        directives (PidFile, MaxConnectionsPerChild, ...) and MPM hooks.
 */

#ifndef APACHE_MPM_COMMON_H
#define APACHE_MPM_COMMON_H

#include "ap_config.h"
#include "ap_mpm.h"
#include "scoreboard.h"
#include "apr_proc_mutex.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef DEFAULT_LISTENBACKLOG
/** default ListenBacklog */
#define DEFAULT_LISTENBACKLOG 511
#endif

#ifndef DEFAULT_TCP_DEFER_ACCEPT
/** default ListenTCPDeferAccept (seconds) */
#define DEFAULT_TCP_DEFER_ACCEPT 30
#endif

/** signal for a graceful restart, and its names */
#define AP_SIG_GRACEFUL              SIGUSR1
#define AP_SIG_GRACEFUL_SHORT        USR1
#define AP_SIG_GRACEFUL_STRING       "SIGUSR1"

/** signal for a graceful stop, and its names */
#define AP_SIG_GRACEFUL_STOP         SIGWINCH
#define AP_SIG_GRACEFUL_STOP_SHORT   WINCH
#define AP_SIG_GRACEFUL_STOP_STRING  "SIGWINCH"

/** called for each child reaped by ap_reclaim_child_processes */
typedef void ap_reclaim_callback_fn_t(int childnum, pid_t pid,
                                      ap_generation_t gen);

/** Wait for (with @a terminate, signal) all children to exit, escalating
 *  signals over a few seconds. */
AP_DECLARE(void) ap_reclaim_child_processes(int terminate,
                                       ap_reclaim_callback_fn_t *mpm_callback);

/** Reap children that already exited, without waiting. */
AP_DECLARE(void) ap_relieve_child_processes(
                                       ap_reclaim_callback_fn_t *mpm_callback);

/** Remember a process that is not in the scoreboard (e.g. a gracefully
 *  stopping child) so it is reaped too. */
AP_DECLARE(void) ap_register_extra_mpm_process(pid_t pid, ap_generation_t gen);

/** Forget an extra process; 1 if it was known (its generation in
 *  @a old_gen). */
AP_DECLARE(int) ap_unregister_extra_mpm_process(pid_t pid,
                                                ap_generation_t *old_gen);

/** Send @a sig to @a pid only if it is one of our children. */
AP_DECLARE(apr_status_t) ap_mpm_safe_kill(pid_t pid, int sig);

/** Log how a child exited; returns APEXIT_CHILDFATAL if the server
 *  should stop, 0 otherwise. */
AP_DECLARE(int) ap_process_child_status(apr_proc_t *pid, apr_exit_why_e why,
                                        int status);

/** Install fatal-signal handlers in the parent (core dumps). */
AP_DECLARE(apr_status_t) ap_fatal_signal_setup(server_rec *s,
                                               apr_pool_t *in_pconf);

/** Install fatal-signal handlers in a child. */
AP_DECLARE(apr_status_t) ap_fatal_signal_child_setup(server_rec *s);

/** Pool cleanup that runs the end_generation hook. */
apr_status_t ap_mpm_end_gen_helper(void *unused);

/** Wait for a child to exit or for about a second to pass; runs the
 *  monitor hook. */
AP_DECLARE(void) ap_wait_or_timeout(apr_exit_why_e *status, int *exitcode,
                                    apr_proc_t *ret, apr_pool_t *p,
                                    server_rec *s);

/** Turn off Nagle's algorithm on @a s. */
void ap_sock_disable_nagle(apr_socket_t *s);

/** uid of user @a name ("#123" for a number). */
AP_DECLARE(uid_t) ap_uname2id(const char *name);

/** gid of group @a name ("#123" for a number). */
AP_DECLARE(gid_t) ap_gname2id(const char *name);

/** The pipe of death: the parent writes into it to ask a child to exit. */
typedef struct ap_pod_t ap_pod_t;

/** A pipe of death. */
struct ap_pod_t {
    /** read end (children) */
    apr_file_t *pod_in;
    /** write end (parent) */
    apr_file_t *pod_out;
    /** pool of the pipe */
    apr_pool_t *p;
};

/** Create a pipe of death. */
AP_DECLARE(apr_status_t) ap_mpm_pod_open(apr_pool_t *p, ap_pod_t **pod);

/** APR_SUCCESS if a byte was waiting (the child should exit). */
AP_DECLARE(apr_status_t) ap_mpm_pod_check(ap_pod_t *pod);

/** Close both ends. */
AP_DECLARE(apr_status_t) ap_mpm_pod_close(ap_pod_t *pod);

/** Ask one child to exit. */
AP_DECLARE(apr_status_t) ap_mpm_pod_signal(ap_pod_t *pod);

/** Ask @a num children to exit. */
AP_DECLARE(void) ap_mpm_pod_killpg(ap_pod_t *pod, int num);

/** byte of the extended pod: restart */
#define AP_MPM_PODX_RESTART_CHAR  '$'
/** byte of the extended pod: graceful restart */
#define AP_MPM_PODX_GRACEFUL_CHAR '!'

/** Extended pod message. */
typedef enum {
    AP_MPM_PODX_NORESTART,
    AP_MPM_PODX_RESTART,
    AP_MPM_PODX_GRACEFUL
} ap_podx_restart_t;

/** Create an extended pipe of death. */
AP_DECLARE(apr_status_t) ap_mpm_podx_open(apr_pool_t *p, ap_pod_t **pod);

/** Read an extended pod message (an ap_podx_restart_t), -1 if none. */
AP_DECLARE(int) ap_mpm_podx_check(ap_pod_t *pod);

/** Close an extended pod. */
AP_DECLARE(apr_status_t) ap_mpm_podx_close(ap_pod_t *pod);

/** Send one extended pod message. */
AP_DECLARE(apr_status_t) ap_mpm_podx_signal(ap_pod_t *pod,
                                            ap_podx_restart_t graceful);

/** Send @a num extended pod messages. */
AP_DECLARE(void) ap_mpm_podx_killpg(ap_pod_t *pod, int num,
                                    ap_podx_restart_t graceful);

/** Error text if no MPM module is loaded, else NULL. */
AP_DECLARE(const char *) ap_check_mpm(void);

/** MaxConnectionsPerChild */
AP_DECLARE_DATA extern int ap_max_requests_per_child;
/** MaxConnectionsPerChild / MaxRequestsPerChild handler */
const char *ap_mpm_set_max_requests(cmd_parms *cmd, void *dummy,
                                    const char *arg);

/** PidFile */
AP_DECLARE_DATA extern const char *ap_pid_fname;
/** PidFile handler */
const char *ap_mpm_set_pidfile(cmd_parms *cmd, void *dummy, const char *arg);
/** Print the pid file path (-t -D DUMP_RUN_CFG). */
void ap_mpm_dump_pidfile(apr_pool_t *p, apr_file_t *out);

/** CoreDumpDirectory */
AP_DECLARE_DATA extern char ap_coredump_dir[MAX_STRING_LEN];
AP_DECLARE_DATA extern int ap_coredumpdir_configured;
/** CoreDumpDirectory handler */
const char *ap_mpm_set_coredumpdir(cmd_parms *cmd, void *dummy,
                                   const char *arg);

/** GracefulShutdownTimeout (seconds) */
AP_DECLARE_DATA extern int ap_graceful_shutdown_timeout;
/** GracefulShutdownTimeout handler */
AP_DECLARE(const char *) ap_mpm_set_graceful_shutdown(cmd_parms *cmd,
                                                      void *dummy,
                                                      const char *arg);

/** The GracefulShutdownTimeout entry for an MPM's command table. */
#define AP_GRACEFUL_SHUTDOWN_TIMEOUT_COMMAND \
AP_INIT_TAKE1("GracefulShutdownTimeout", ap_mpm_set_graceful_shutdown, \
              NULL, RSRC_CONF, "Maximum time in seconds to wait for child " \
              "processes to complete transactions during shutdown")

/** Act on -k (signal the running server via the pid file); returns 1
 *  when the process should exit with *exit_status. */
int ap_signal_server(int *exit_status, apr_pool_t *pconf);

/** rewrite_args hook of the MPMs: take -k and -X. */
void ap_mpm_rewrite_args(process_rec *process);

/** MaxMemFree (bytes) */
AP_DECLARE_DATA extern apr_uint32_t ap_max_mem_free;
/** MaxMemFree handler */
extern const char *ap_mpm_set_max_mem_free(cmd_parms *cmd, void *dummy,
                                           const char *arg);

/** ThreadStackSize */
AP_DECLARE_DATA extern apr_size_t ap_thread_stacksize;
/** ThreadStackSize handler */
extern const char *ap_mpm_set_thread_stacksize(cmd_parms *cmd, void *dummy,
                                               const char *arg);

/** The core's child_status hook (tracks generations). */
extern void ap_core_child_status(server_rec *s, pid_t pid,
                                 ap_generation_t gen, int slot,
                                 mpm_child_status status);

#if defined(AP_ENABLE_EXCEPTION_HOOK) && AP_ENABLE_EXCEPTION_HOOK
/** EnableExceptionHook handler */
extern const char *ap_mpm_set_exception_hook(cmd_parms *cmd, void *dummy,
                                             const char *arg);
#endif

/** Hook: run about once a second in the parent. */
AP_DECLARE_HOOK(int, monitor, (apr_pool_t *p, server_rec *s))

/** Count (inc > 0) or query modules that need root in the child. */
AP_DECLARE(int) ap_sys_privileges_handlers(int inc);

/** Hook: drop root privileges in a new child. */
AP_DECLARE_HOOK(int, drop_privileges, (apr_pool_t *pchild, server_rec *s))

/** Hook: answer ap_mpm_query (implemented by the MPM). */
AP_DECLARE_HOOK(int, mpm_query,
                (int query_code, int *result, apr_status_t *rv))

/** Hook: implement ap_mpm_register_timed_callback. */
AP_DECLARE_HOOK(apr_status_t, mpm_register_timed_callback,
                (apr_time_t t, ap_mpm_callback_fn_t *cbfn, void *baton))

/** Hook: the MPM's name ("event"). */
AP_DECLARE_HOOK(const char *, mpm_get_name, (void))

/** Hook: a connection was suspended (async MPMs). */
AP_DECLARE_HOOK(void, suspend_connection, (conn_rec *c, request_rec *r))

/** Hook: a suspended connection resumed. */
AP_DECLARE_HOOK(void, resume_connection, (conn_rec *c, request_rec *r))

/** Hook: a child is about to stop. */
AP_DECLARE_HOOK(void, child_stopping, (apr_pool_t *pchild, int graceful))

/** Mutex type name of the accept mutex */
#define AP_ACCEPT_MUTEX_TYPE "mpm-accept"

/** Reset the common MPM settings before reading the configuration. */
void mpm_common_pre_config(apr_pool_t *pconf);

#ifdef __cplusplus
}
#endif

#endif /* APACHE_MPM_COMMON_H */
