/*
 * worker.c: the worker MPM as a module (mpm_worker_module): its
 * directives, their start-up checks, the accept mutex, and the hooks
 * through which the core drives it. The parent process is the core's
 * (mpm_parent*.c), told here what a worker child is; the child is in
 * worker_child.c, worker_listener.c, worker_thread.c and worker_queue.c.
 */
#include <stdlib.h>

#include "apr_strings.h"
#include "apr_thread_proc.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"
#include "ap_listen.h"
#include "mpm_common.h"
#include "util_mutex.h"
#include "mpm_parent_private.h"

#include "worker_private.h"

module AP_MODULE_DECLARE_DATA mpm_worker_module;

ap__worker_conf_t ap__worker_conf;
ap__worker_retained_t *ap__worker_retained = NULL;
ap_pod_t *ap__worker_pod = NULL;
apr_proc_mutex_t *ap__worker_accept_mutex = NULL;
const char *ap__worker_accept_mutex_file = NULL;

static const char retained_key[] = "mpm_worker_retained";

/* The worker MPM as the shared parent sees it; conf is set by
 * check_config. The tags, in ap__mpm_parent_msg_e order, are Apache's. */
static ap__mpm_parent_t worker_parent = {
    .mpm = &mpm_worker_module,
    .child_main = ap__worker_child_main,
    .podx = &ap__worker_pod,
    .is_threaded = AP_MPMQ_STATIC,
    .is_forked = AP_MPMQ_DYNAMIC,
    .fork_pause = 10,
    /* A crashed child is replaced at once while below MinSpareThreads. */
    .reap_maintains = 1,
    .tag = { APLOGNO(00292), APLOGNO(00293), APLOGNO(00295), APLOGNO(00296),
             APLOGNO(00297), APLOGNO(00298), APLOGNO(00283), APLOGNO(00289),
             APLOGNO(00286), APLOGNO(00287), APLOGNO(00288), APLOGNO(00291),
             APLOGNO(00299), "", APLOGNO(00479) },
};

/* MaxClients seen in this configuration: warn once it is read. */
static int maxclients_used;

/* ---- directives ------------------------------------------------------- */

static const char *set_int(cmd_parms *cmd, void *dummy, const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    char *end;
    long v;

    if (err) {
        return err;
    }
    v = strtol(arg, &end, 10);
    /* Apache reads these with atoi: negative values are accepted here and
     * corrected (with a warning) by the checks below. */
    if (*arg == '\0' || *end != '\0' || v < -1000000 || v > 1000000) {
        return apr_pstrcat(cmd->pool, cmd->cmd->name,
                           " requires an integer", NULL);
    }
    *(int *)((char *)&ap__worker_conf + (apr_uintptr_t)cmd->info) = (int)v;
    return NULL;
}

static const char *set_max_clients(cmd_parms *cmd, void *dummy,
                                   const char *arg)
{
    maxclients_used = 1;
    return set_int(cmd, dummy, arg);
}

#define CONF_INT(name, field, help) \
    AP_INIT_TAKE1(name, set_int, \
                  (void *)APR_OFFSETOF(ap__worker_conf_t, field), \
                  RSRC_CONF, help)

static const command_rec worker_cmds[] = {
    CONF_INT("StartServers", start_servers,
             "Number of child processes launched at server startup"),
    CONF_INT("MinSpareThreads", min_spare_threads,
             "Minimum number of idle threads, to handle request spikes"),
    CONF_INT("MaxSpareThreads", max_spare_threads,
             "Maximum number of idle threads"),
    CONF_INT("MaxRequestWorkers", max_workers,
             "Maximum number of threads alive at the same time"),
    AP_INIT_TAKE1("MaxClients", set_max_clients,
                  (void *)APR_OFFSETOF(ap__worker_conf_t, max_workers),
                  RSRC_CONF, "Deprecated name of MaxRequestWorkers"),
    CONF_INT("ThreadsPerChild", threads_per_child,
             "Number of threads each child creates"),
    CONF_INT("ServerLimit", server_limit,
             "Maximum number of child processes for this run of Apache"),
    CONF_INT("ThreadLimit", thread_limit,
             "Maximum number of worker threads per child process for this "
             "run of Apache - Upper limit for ThreadsPerChild"),
    AP_GRACEFUL_SHUTDOWN_TIMEOUT_COMMAND,
    { NULL }
};

/* ---- configuration phases -------------------------------------------- */

static void conf_defaults(void)
{
    ap__worker_conf_t *c = &ap__worker_conf;

    c->start_servers = AP__WORKER_DEFAULT_START;
    c->min_spare_threads = AP__WORKER_DEFAULT_MIN_SPARE;
    c->max_spare_threads = AP__WORKER_DEFAULT_MAX_SPARE;
    c->server_limit = AP__WORKER_DEFAULT_SERVER_LIMIT;
    c->thread_limit = AP__WORKER_DEFAULT_THREAD_LIMIT;
    c->threads_per_child = AP__WORKER_DEFAULT_THREADS;
    c->max_workers = AP__WORKER_DEFAULT_SERVER_LIMIT
                     * AP__WORKER_DEFAULT_THREADS;
    maxclients_used = 0;
}

static int worker_pre_config(apr_pool_t *pconf, apr_pool_t *plog,
                             apr_pool_t *ptemp)
{
    apr_status_t rv;
    int rc;

    ap__worker_retained = ap_retained_data_get(retained_key);
    if (!ap__worker_retained) {
        ap__worker_retained = ap_retained_data_create(
            retained_key, sizeof(*ap__worker_retained));
    }
    ap__worker_retained->mpm = ap_unixd_mpm_get_retained_data();
    rc = ap__mpm_parent_pre_config(&worker_parent, pconf,
                                   &ap__worker_conf.one_process);
    if (rc != OK) {
        return rc;
    }
    conf_defaults();
    ap__worker_accept_mutex = NULL;
    ap__worker_accept_mutex_file = NULL;
    rv = ap_mutex_register(pconf, AP_ACCEPT_MUTEX_TYPE, NULL,
                           APR_LOCK_DEFAULT, 0);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT | APLOG_STARTUP, rv, NULL,
                     "could not register the %s mutex",
                     AP_ACCEPT_MUTEX_TYPE);
        return !OK;
    }
    return OK;
}

/* A warning at first start-up goes to the terminal (with the "WARNING:"
 * wording); on a restart to the error log. */
#define WARN_LIMIT(startup, s, ...) \
    ap_log_error(APLOG_MARK, \
                 (startup) ? (APLOG_WARNING | APLOG_STARTUP) : APLOG_WARNING, \
                 0, (startup) ? NULL : (s), __VA_ARGS__)

static void check_server_limit(server_rec *s, int startup)
{
    ap__worker_conf_t *c = &ap__worker_conf;
    ap__worker_retained_t *r = ap__worker_retained;

    if (c->server_limit > AP__WORKER_MAX_SERVER_LIMIT) {
        if (startup) {
            WARN_LIMIT(1, s, APLOGNO(00300) "WARNING: ServerLimit of %d "
                       "exceeds compile-time limit of %d servers, "
                       "decreasing to %d.", c->server_limit,
                       AP__WORKER_MAX_SERVER_LIMIT,
                       AP__WORKER_MAX_SERVER_LIMIT);
        }
        else {
            WARN_LIMIT(0, s, APLOGNO(00301) "ServerLimit of %d exceeds "
                       "compile-time limit of %d, decreasing to match",
                       c->server_limit, AP__WORKER_MAX_SERVER_LIMIT);
        }
        c->server_limit = AP__WORKER_MAX_SERVER_LIMIT;
    }
    else if (c->server_limit < 1) {
        WARN_LIMIT(startup, s, startup
                   ? APLOGNO(00302) "WARNING: ServerLimit of %d not "
                     "allowed, increasing to 1."
                   : APLOGNO(00303) "ServerLimit of %d not allowed, "
                     "increasing to 1", c->server_limit);
        c->server_limit = 1;
    }
    /* The scoreboard was sized at the first start: keep its size. */
    if (!r->first_server_limit) {
        r->first_server_limit = c->server_limit;
    }
    else if (c->server_limit != r->first_server_limit) {
        WARN_LIMIT(0, s, APLOGNO(00304) "changing ServerLimit to %d from "
                   "original value of %d not allowed during restart",
                   c->server_limit, r->first_server_limit);
        c->server_limit = r->first_server_limit;
    }
}

static void check_thread_limit(server_rec *s, int startup)
{
    ap__worker_conf_t *c = &ap__worker_conf;
    ap__worker_retained_t *r = ap__worker_retained;

    if (c->thread_limit > AP__WORKER_MAX_THREAD_LIMIT) {
        if (startup) {
            WARN_LIMIT(1, s, APLOGNO(00305) "WARNING: ThreadLimit of %d "
                       "exceeds compile-time limit of %d threads, "
                       "decreasing to %d.", c->thread_limit,
                       AP__WORKER_MAX_THREAD_LIMIT,
                       AP__WORKER_MAX_THREAD_LIMIT);
        }
        else {
            WARN_LIMIT(0, s, APLOGNO(00306) "ThreadLimit of %d exceeds "
                       "compile-time limit of %d, decreasing to match",
                       c->thread_limit, AP__WORKER_MAX_THREAD_LIMIT);
        }
        c->thread_limit = AP__WORKER_MAX_THREAD_LIMIT;
    }
    else if (c->thread_limit < 1) {
        WARN_LIMIT(startup, s, startup
                   ? APLOGNO(00307) "WARNING: ThreadLimit of %d not "
                     "allowed, increasing to 1."
                   : APLOGNO(00308) "ThreadLimit of %d not allowed, "
                     "increasing to 1", c->thread_limit);
        c->thread_limit = 1;
    }
    if (!r->first_thread_limit) {
        r->first_thread_limit = c->thread_limit;
    }
    else if (c->thread_limit != r->first_thread_limit) {
        WARN_LIMIT(0, s, APLOGNO(00309) "changing ThreadLimit to %d from "
                   "original value of %d not allowed during restart",
                   c->thread_limit, r->first_thread_limit);
        c->thread_limit = r->first_thread_limit;
    }
}

static void check_threads(server_rec *s, int startup)
{
    ap__worker_conf_t *c = &ap__worker_conf;

    if (c->threads_per_child > c->thread_limit) {
        if (startup) {
            WARN_LIMIT(1, s, APLOGNO(00310) "WARNING: ThreadsPerChild of %d "
                       "exceeds ThreadLimit of %d threads, decreasing to %d. "
                       "To increase, please see the ThreadLimit directive.",
                       c->threads_per_child, c->thread_limit,
                       c->thread_limit);
        }
        else {
            WARN_LIMIT(0, s, APLOGNO(00311) "ThreadsPerChild of %d exceeds "
                       "ThreadLimit of %d, decreasing to match",
                       c->threads_per_child, c->thread_limit);
        }
        c->threads_per_child = c->thread_limit;
    }
    else if (c->threads_per_child < 1) {
        WARN_LIMIT(startup, s, startup
                   ? APLOGNO(00312) "WARNING: ThreadsPerChild of %d not "
                     "allowed, increasing to 1."
                   : APLOGNO(00313) "ThreadsPerChild of %d not allowed, "
                     "increasing to 1", c->threads_per_child);
        c->threads_per_child = 1;
    }
}

static void check_max_workers_min(server_rec *s, int startup)
{
    ap__worker_conf_t *c = &ap__worker_conf;

    if (c->max_workers >= c->threads_per_child) {
        return;
    }
    if (startup) {
        WARN_LIMIT(1, s, APLOGNO(00314) "WARNING: MaxRequestWorkers of %d is "
                   "less than ThreadsPerChild of %d, increasing to %d. "
                   "MaxRequestWorkers must be at least as large as the "
                   "number of threads in a single server.", c->max_workers,
                   c->threads_per_child, c->threads_per_child);
    }
    else {
        WARN_LIMIT(0, s, APLOGNO(00315) "MaxRequestWorkers of %d is less "
                   "than ThreadsPerChild of %d, increasing to match",
                   c->max_workers, c->threads_per_child);
    }
    c->max_workers = c->threads_per_child;
}

static void check_max_workers_multiple(server_rec *s, int startup)
{
    ap__worker_conf_t *c = &ap__worker_conf;
    int rounded;

    c->active_daemons_limit = c->max_workers / c->threads_per_child;
    if (c->max_workers % c->threads_per_child == 0) {
        return;
    }
    rounded = c->active_daemons_limit * c->threads_per_child;
    if (startup) {
        WARN_LIMIT(1, s, APLOGNO(00316) "WARNING: MaxRequestWorkers of %d is "
                   "not an integer multiple of ThreadsPerChild of %d, "
                   "decreasing to nearest multiple %d, for a maximum of %d "
                   "servers.", c->max_workers, c->threads_per_child,
                   rounded, c->active_daemons_limit);
    }
    else {
        WARN_LIMIT(0, s, APLOGNO(00317) "MaxRequestWorkers of %d is not an "
                   "integer multiple of ThreadsPerChild of %d, decreasing "
                   "to nearest multiple %d", c->max_workers,
                   c->threads_per_child, rounded);
    }
    c->max_workers = rounded;
}

static void check_max_workers_servers(server_rec *s, int startup)
{
    ap__worker_conf_t *c = &ap__worker_conf;
    int capped = c->server_limit * c->threads_per_child;

    if (c->active_daemons_limit <= c->server_limit) {
        return;
    }
    if (startup) {
        WARN_LIMIT(1, s, APLOGNO(00318) "WARNING: MaxRequestWorkers of %d "
                   "would require %d servers and would exceed ServerLimit "
                   "of %d, decreasing to %d. To increase, please see the "
                   "ServerLimit directive.", c->max_workers,
                   c->active_daemons_limit, c->server_limit, capped);
    }
    else {
        WARN_LIMIT(0, s, APLOGNO(00319) "MaxRequestWorkers of %d would "
                   "require %d servers and exceed ServerLimit of %d, "
                   "decreasing to %d", c->max_workers,
                   c->active_daemons_limit, c->server_limit, capped);
    }
    c->max_workers = capped;
    c->active_daemons_limit = c->server_limit;
}

static void check_spares(server_rec *s, int startup)
{
    ap__worker_conf_t *c = &ap__worker_conf;

    if (c->start_servers < 1) {
        WARN_LIMIT(startup, s, startup
                   ? APLOGNO(00320) "WARNING: StartServers of %d not "
                     "allowed, increasing to 1."
                   : APLOGNO(00321) "StartServers of %d not allowed, "
                     "increasing to 1", c->start_servers);
        c->start_servers = 1;
    }
    if (c->min_spare_threads < 1) {
        WARN_LIMIT(startup, s, startup
                   ? APLOGNO(00322) "WARNING: MinSpareThreads of %d not "
                     "allowed, increasing to 1 to avoid almost certain "
                     "server failure. Please read the documentation."
                   : APLOGNO(00323) "MinSpareThreads of %d not allowed, "
                     "increasing to 1", c->min_spare_threads);
        c->min_spare_threads = 1;
    }
    /* Room for a whole child between the two, or processes would be
     * started and stopped in turn. */
    if (c->max_spare_threads < c->min_spare_threads + c->threads_per_child) {
        c->max_spare_threads = c->min_spare_threads + c->threads_per_child;
    }
}

static int worker_check_config(apr_pool_t *pconf, apr_pool_t *plog,
                               apr_pool_t *ptemp, server_rec *s)
{
    const ap__worker_conf_t *c = &ap__worker_conf;
    int startup = ap__worker_retained->mpm->module_loads == 1;

    if (maxclients_used && startup) {
        ap_log_error(APLOG_MARK, APLOG_WARNING | APLOG_STARTUP, 0, NULL,
                     APLOGNO(00324) "MaxClients is deprecated, use "
                     "MaxRequestWorkers instead.");
    }
    check_server_limit(s, startup);
    check_thread_limit(s, startup);
    check_threads(s, startup);
    check_max_workers_min(s, startup);
    check_max_workers_multiple(s, startup);
    check_max_workers_servers(s, startup);
    check_spares(s, startup);
    worker_parent.conf = (ap__mpm_limits_t) {
        .one_process = c->one_process, .server_limit = c->server_limit,
        .slot_limit = c->server_limit, .thread_limit = c->thread_limit,
        .threads_per_child = c->threads_per_child, .start = c->start_servers,
        .active_limit = c->active_daemons_limit,
        .min_spare = c->min_spare_threads, .max_spare = c->max_spare_threads
    };
    return OK;
}

/* Several listening sockets shared by several processes: only one
 * process at a time may wait in poll+accept on them. */
static int open_accept_mutex(apr_pool_t *pconf, server_rec *s)
{
    apr_status_t rv;

    if (ap__worker_conf.one_process || !ap_listeners || !ap_listeners->next) {
        return OK;
    }
    rv = ap_proc_mutex_create(&ap__worker_accept_mutex,
                              &ap__worker_accept_mutex_file,
                              AP_ACCEPT_MUTEX_TYPE, NULL, s, pconf, 0);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT | APLOG_STARTUP, rv, NULL,
                     APLOGNO(00280) "could not create the accept mutex");
        return !OK;
    }
    if (ap__worker_accept_mutex) {
        ap_log_error(APLOG_MARK, APLOG_DEBUG, 0, s, APLOGNO(00294)
                     "Accept mutex: %s (default: %s)",
                     apr_proc_mutex_name(ap__worker_accept_mutex),
                     apr_proc_mutex_defname());
    }
    return OK;
}

static int worker_open_logs(apr_pool_t *pconf, apr_pool_t *plog,
                            apr_pool_t *ptemp, server_rec *s)
{
    int rc = ap__mpm_parent_open_logs(&worker_parent, pconf, s);

    return rc != OK ? rc : open_accept_mutex(pconf, s);
}

static int worker_query(int query_code, int *result, apr_status_t *rv)
{
    return ap__mpm_parent_query(&worker_parent, query_code, result, rv);
}

static const char *worker_get_name(void)
{
    return "worker";
}

static int worker_run(apr_pool_t *pconf, apr_pool_t *plog, server_rec *s)
{
    return ap__mpm_parent_run(&worker_parent, pconf, plog, s);
}

static void worker_hooks(apr_pool_t *p)
{
    /* Bind before the core opens the error log, so that "could not bind"
     * reaches the terminal, as in Apache. */
    static const char *const before_core[] = { "core_module.c", "core.c",
                                                NULL };

    ap_hook_pre_config(worker_pre_config, NULL, NULL, APR_HOOK_REALLY_FIRST);
    ap_hook_check_config(worker_check_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_open_logs(worker_open_logs, NULL, before_core,
                      APR_HOOK_REALLY_FIRST);
    ap_hook_mpm(worker_run, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_mpm_query(worker_query, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_mpm_get_name(worker_get_name, NULL, NULL, APR_HOOK_MIDDLE);
}

AP_DECLARE_MODULE(mpm_worker) = {
    MPM20_MODULE_STUFF,
    NULL,           /* rewrite_args: core does -k (ap_mpm_rewrite_args) */
    NULL,           /* create per-directory config */
    NULL,           /* merge per-directory config */
    NULL,           /* create per-server config */
    NULL,           /* merge per-server config */
    worker_cmds,    /* command table */
    worker_hooks    /* register hooks */
};
