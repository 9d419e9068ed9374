/*
 * event.c: the event MPM as a module (mpm_event_module): its directives,
 * their checks, and the hooks through which the core drives it. The
 * parent process is the core's (mpm_parent*.c), told here what an event
 * child is; the child is in event_child.c, event_listener.c,
 * event_worker.c, event_conn.c and event_queue.c.
 */
#include <stdlib.h>
#include <string.h>

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
#include "mpm_parent_private.h"

#include "event_private.h"

module AP_MODULE_DECLARE_DATA mpm_event_module;

ap__event_conf_t ap__event_conf;
ap__event_retained_t *ap__event_retained = NULL;
ap_pod_t *ap__event_pod = NULL;

static const char retained_key[] = "mpm_event_retained";

/* The event MPM as the shared parent sees it; conf is set by
 * check_config. The tags, in ap__mpm_parent_msg_e order, are Apache's. */
static ap__mpm_parent_t event_parent = {
    .mpm = &mpm_event_module,
    .child_main = ap__event_child_main,
    .podx = &ap__event_pod,
    .is_threaded = AP_MPMQ_STATIC,
    .is_forked = AP_MPMQ_DYNAMIC,
    .is_async = 1,
    .fork_pause = 1,
    .tag = { APLOGNO(00489), APLOGNO(00490), APLOGNO(00491), APLOGNO(00492),
             APLOGNO(00493), APLOGNO(00494), APLOGNO(00481), APLOGNO(00486),
             NULL, NULL, APLOGNO(00485), NULL, APLOGNO(00299), "",
             APLOGNO(00479) },
};

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
    if (*arg == '\0' || *end != '\0' || v < 0 || v > 1000000) {
        return apr_pstrcat(cmd->pool, cmd->cmd->name,
                           " requires a non-negative integer", NULL);
    }
    *(int *)((char *)&ap__event_conf + (apr_uintptr_t)cmd->info) = (int)v;
    return NULL;
}

static const char *set_worker_factor(cmd_parms *cmd, void *dummy,
                                     const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    char *end;
    double v;

    if (err) {
        return err;
    }
    v = strtod(arg, &end);
    if (*arg == '\0' || *end != '\0' || !(v > 0) || v > 1000000) {
        return "AsyncRequestWorkerFactor argument must be a positive "
               "number";
    }
    ap__event_conf.worker_factor = v;
    return NULL;
}

#define CONF_INT(name, field, help) \
    AP_INIT_TAKE1(name, set_int, \
                  (void *)APR_OFFSETOF(ap__event_conf_t, field), \
                  RSRC_CONF, help)

static const command_rec event_cmds[] = {
    CONF_INT("StartServers", start_servers,
             "Number of child processes launched at server startup"),
    CONF_INT("ServerLimit", server_limit,
             "Maximum number of child processes for this run of Apache"),
    CONF_INT("MinSpareThreads", min_spare_threads,
             "Minimum number of idle threads, to handle request spikes"),
    CONF_INT("MaxSpareThreads", max_spare_threads,
             "Maximum number of idle threads"),
    CONF_INT("MaxRequestWorkers", max_workers,
             "Maximum number of threads alive at the same time"),
    CONF_INT("MaxClients", max_workers,
             "Deprecated name of MaxRequestWorkers"),
    CONF_INT("ThreadsPerChild", threads_per_child,
             "Number of threads each child creates"),
    CONF_INT("ThreadLimit", thread_limit,
             "Maximum number of worker threads per child process for this "
             "run of Apache - Upper limit for ThreadsPerChild"),
    AP_INIT_TAKE1("AsyncRequestWorkerFactor", set_worker_factor, NULL,
                  RSRC_CONF, "How many additional connects will be "
                  "accepted per idle worker thread"),
    AP_GRACEFUL_SHUTDOWN_TIMEOUT_COMMAND,
    { NULL }
};

/* ---- configuration phases -------------------------------------------- */

static void conf_defaults(void)
{
    ap__event_conf.start_servers = AP__EVENT_DEFAULT_START;
    ap__event_conf.min_spare_threads = AP__EVENT_DEFAULT_MIN_SPARE;
    ap__event_conf.max_spare_threads = AP__EVENT_DEFAULT_MAX_SPARE;
    ap__event_conf.server_limit = AP__EVENT_DEFAULT_SERVER_LIMIT;
    ap__event_conf.thread_limit = AP__EVENT_DEFAULT_THREAD_LIMIT;
    ap__event_conf.threads_per_child = AP__EVENT_DEFAULT_THREADS;
    ap__event_conf.max_workers = AP__EVENT_DEFAULT_SERVER_LIMIT
                                 * AP__EVENT_DEFAULT_THREADS;
    ap__event_conf.worker_factor = AP__EVENT_DEFAULT_WORKER_FACTOR;
}

static int event_pre_config(apr_pool_t *pconf, apr_pool_t *plog,
                            apr_pool_t *ptemp)
{
    int rc;

    ap__event_retained = ap_retained_data_get(retained_key);
    if (!ap__event_retained) {
        ap__event_retained = ap_retained_data_create(retained_key,
                                                     sizeof(*ap__event_retained));
    }
    ap__event_retained->mpm = ap_unixd_mpm_get_retained_data();
    rc = ap__mpm_parent_pre_config(&event_parent, pconf,
                                   &ap__event_conf.one_process);
    if (rc != OK) {
        return rc;
    }
    conf_defaults();
    return OK;
}

static void clamp_limits(server_rec *s, int startup)
{
    ap__event_conf_t *c = &ap__event_conf;
    ap__event_retained_t *r = ap__event_retained;

    if (c->server_limit > AP__EVENT_MAX_SERVER_LIMIT) {
        c->server_limit = AP__EVENT_MAX_SERVER_LIMIT;
    }
    if (c->server_limit < 1) {
        c->server_limit = 1;
    }
    if (c->thread_limit > AP__EVENT_MAX_THREAD_LIMIT) {
        c->thread_limit = AP__EVENT_MAX_THREAD_LIMIT;
    }
    if (c->thread_limit < 1) {
        c->thread_limit = 1;
    }
    /* The scoreboard was sized at the first start: keep its limits. */
    if (!r->first_server_limit) {
        r->first_server_limit = c->server_limit;
        r->first_thread_limit = c->thread_limit;
    }
    else if (c->server_limit != r->first_server_limit
             || c->thread_limit != r->first_thread_limit) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, s, APLOGNO(00504)
                     "changing ServerLimit or ThreadLimit requires a full "
                     "stop and start of the server; ignored on restart");
        c->server_limit = r->first_server_limit;
        c->thread_limit = r->first_thread_limit;
    }
}

static void clamp_threads(server_rec *s, int startup)
{
    ap__event_conf_t *c = &ap__event_conf;

    if (c->threads_per_child > c->thread_limit) {
        if (startup) {
            ap_log_error(APLOG_MARK, APLOG_WARNING | APLOG_STARTUP, 0, NULL,
                         APLOGNO(00505) "WARNING: ThreadsPerChild of %d "
                         "exceeds ThreadLimit of %d threads, decreasing to "
                         "%d.", c->threads_per_child, c->thread_limit,
                         c->thread_limit);
        }
        c->threads_per_child = c->thread_limit;
    }
    if (c->threads_per_child < 1) {
        c->threads_per_child = 1;
    }
    if (c->max_workers < c->threads_per_child) {
        c->max_workers = c->threads_per_child;
    }
    c->max_workers -= c->max_workers % c->threads_per_child;
    c->active_daemons_limit = c->max_workers / c->threads_per_child;
    if (c->active_daemons_limit > c->server_limit) {
        if (startup) {
            ap_log_error(APLOG_MARK, APLOG_WARNING | APLOG_STARTUP, 0, NULL,
                         APLOGNO(00515) "WARNING: MaxRequestWorkers of %d "
                         "would require %d servers and would exceed "
                         "ServerLimit of %d, decreasing to %d. To increase, "
                         "please see the ServerLimit directive.",
                         c->max_workers, c->active_daemons_limit,
                         c->server_limit,
                         c->server_limit * c->threads_per_child);
        }
        c->active_daemons_limit = c->server_limit;
        c->max_workers = c->server_limit * c->threads_per_child;
    }
}

static void clamp_spares(void)
{
    ap__event_conf_t *c = &ap__event_conf;

    if (c->start_servers > c->active_daemons_limit) {
        c->start_servers = c->active_daemons_limit;
    }
    if (c->start_servers < 1) {
        c->start_servers = 1;
    }
    if (c->min_spare_threads < 1) {
        c->min_spare_threads = 1;
    }
    /* Room for a whole child between the two, or processes would be
     * started and stopped in turn. */
    if (c->max_spare_threads < c->min_spare_threads + c->threads_per_child) {
        c->max_spare_threads = c->min_spare_threads + c->threads_per_child;
    }
}

static int event_check_config(apr_pool_t *pconf, apr_pool_t *plog,
                              apr_pool_t *ptemp, server_rec *s)
{
    const ap__event_conf_t *c = &ap__event_conf;
    int startup = ap__event_retained->mpm->module_loads == 1;

    clamp_limits(s, startup);
    clamp_threads(s, startup);
    clamp_spares();
    event_parent.conf = (ap__mpm_limits_t) {
        .one_process = c->one_process, .server_limit = c->server_limit,
        .slot_limit = c->server_limit, .thread_limit = c->thread_limit,
        .threads_per_child = c->threads_per_child, .start = c->start_servers,
        .active_limit = c->active_daemons_limit,
        .min_spare = c->min_spare_threads, .max_spare = c->max_spare_threads
    };
    return OK;
}

static int event_open_logs(apr_pool_t *pconf, apr_pool_t *plog,
                           apr_pool_t *ptemp, server_rec *s)
{
    return ap__mpm_parent_open_logs(&event_parent, pconf, s);
}

static int event_query(int query_code, int *result, apr_status_t *rv)
{
    return ap__mpm_parent_query(&event_parent, query_code, result, rv);
}

static const char *event_get_name(void)
{
    return "event";
}

static int event_run(apr_pool_t *pconf, apr_pool_t *plog, server_rec *s)
{
    return ap__mpm_parent_run(&event_parent, pconf, plog, s);
}

static void event_hooks(apr_pool_t *p)
{
    /* Bind before the core opens the error log, so that "could not bind"
     * reaches the terminal, as in Apache. */
    static const char *const before_core[] = { "core_module.c", "core.c",
                                                NULL };

    ap_hook_pre_config(event_pre_config, NULL, NULL, APR_HOOK_REALLY_FIRST);
    ap_hook_check_config(event_check_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_open_logs(event_open_logs, NULL, before_core,
                      APR_HOOK_REALLY_FIRST);
    ap_hook_mpm(event_run, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_mpm_query(event_query, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_mpm_get_name(event_get_name, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_mpm_register_timed_callback(ap__event_register_timed_callback,
                                        NULL, NULL, APR_HOOK_MIDDLE);
    ap__mpm_head_register();
}

AP_DECLARE_MODULE(mpm_event) = {
    MPM20_MODULE_STUFF,
    NULL,           /* rewrite_args: core does -k (ap_mpm_rewrite_args) */
    NULL,           /* create per-directory config */
    NULL,           /* merge per-directory config */
    NULL,           /* create per-server config */
    NULL,           /* merge per-server config */
    event_cmds,     /* command table */
    event_hooks     /* register hooks */
};
