/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  unixd.h
 * @brief Unix process identity (User/Group, chroot, suexec) and the MPM
 *        helpers shared by the Unix MPMs.
 */

#ifndef UNIXD_H
#define UNIXD_H

#include "httpd.h"
#include "http_config.h"
#include "scoreboard.h"
#include "ap_listen.h"
#include "apr_hooks.h"
#include "apr_thread_proc.h"
#include "apr_proc_mutex.h"
#include "apr_global_mutex.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An identity a request may run as (suexec). */
typedef struct {
    uid_t uid;
    gid_t gid;
    /** ~user request */
    int userdir;
} ap_unix_identity_t;

/** Hook: the identity to run a script of @a r as (NULL: the server's). */
AP_DECLARE_HOOK(ap_unix_identity_t *, get_suexec_identity,
                (const request_rec *r))

#ifndef DEFAULT_USER
/** User when none is configured */
#define DEFAULT_USER "#-1"
#endif
#ifndef DEFAULT_GROUP
/** Group when none is configured */
#define DEFAULT_GROUP "#-1"
#endif

/** Configuration of mod_unixd. */
typedef struct {
    /** User */
    const char *user_name;
    /** Group */
    const char *group_name;
    /** resolved uid */
    uid_t user_id;
    /** resolved gid */
    gid_t group_id;
    /** suexec wrapper usable */
    int suexec_enabled;
    /** ChrootDir */
    const char *chroot_dir;
    /** why suexec is off */
    const char *suexec_disabled_reason;
} unixd_config_rec;

/** the process identity configuration */
AP_DECLARE_DATA extern unixd_config_rec ap_unixd_config;

#if APR_HAVE_STRUCT_RLIMIT
struct rlimit;
/** Parse RLimit* arguments (soft [hard], "max") into *plimit for
 *  resource @a type. */
AP_DECLARE(void) ap_unixd_set_rlimit(cmd_parms *cmd, struct rlimit **plimit,
                                     const char *arg, const char *arg2,
                                     int type);
#endif

/** Give the child user access to @a pmutex (SysV semaphores). */
AP_DECLARE(apr_status_t) ap_unixd_set_proc_mutex_perms(
                                             apr_proc_mutex_t *pmutex);

/** Give the child user access to @a gmutex. */
AP_DECLARE(apr_status_t) ap_unixd_set_global_mutex_perms(
                                             apr_global_mutex_t *gmutex);

/** accept() for a listener, mapping transient errors. */
AP_DECLARE(apr_status_t) ap_unixd_accept(void **accepted, ap_listen_rec *lr,
                                         apr_pool_t *ptrans);

/** signal a process group */
#define ap_unixd_killpg(x, y) (killpg((x), (y)))
#define ap_os_killpg(x, y)    (killpg((x), (y)))

/** State the Unix MPMs keep across restarts. */
typedef struct {
    /** the MPM's own retained data */
    void *baton;
    /** AP_MPMQ_STARTING/RUNNING/STOPPING */
    int volatile mpm_state;
    /** a stop was requested */
    int volatile shutdown_pending;
    /** a restart was requested */
    int volatile restart_pending;
    /** the stop/restart is not graceful */
    int volatile is_ungraceful;
    /** current generation */
    ap_generation_t my_generation;
    /** times the module was loaded (startup is 1) */
    int module_loads;
    /** the last restart was graceful */
    int was_graceful;
    /** listener buckets in use / allocated */
    int num_buckets, max_buckets;
} ap_unixd_mpm_retained_data;

/** The retained data (created on first call). */
AP_DECLARE(ap_unixd_mpm_retained_data *) ap_unixd_mpm_get_retained_data(void);

/** Install the parent's signal handlers (stop, restart, graceful). */
AP_DECLARE(void) ap_unixd_mpm_set_signals(apr_pool_t *pconf,
                                          int once_process);

#ifdef __cplusplus
}
#endif

#endif /* UNIXD_H */
