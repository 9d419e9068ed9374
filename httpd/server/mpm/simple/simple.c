/*
 * simple.c: the simple MPM as a module (mpm_simple_module): its
 * directives (SimpleProcCount, SimpleThreadCount and the common ones),
 * their checks, and the hooks through which the core drives it. The
 * parent is in simple_run.c and simple_children.c, a child in
 * simple_child.c, simple_event.c, simple_io.c and simple_timers.c.
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

#include "simple_private.h"

module AP_MODULE_DECLARE_DATA mpm_simple_module;

ap__simple_conf_t ap__simple_conf;
ap__simple_retained_t *ap__simple_retained = NULL;
ap_pod_t *ap__simple_pod = NULL;

static const char retained_key[] = "mpm_simple_retained";

/* ---- directives --------------------------------------------------------- */

static const char *set_count(cmd_parms *cmd, void *dummy, const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    char *end;
    long v;

    if (err) {
        return err;
    }
    v = strtol(arg, &end, 10);
    if (*arg == '\0' || *end != '\0' || v < 1 || v > 1000000) {
        return apr_pstrcat(cmd->pool, cmd->cmd->name,
                           " requires a positive integer", NULL);
    }
    *(int *)((char *)&ap__simple_conf + (apr_uintptr_t)cmd->info) = (int)v;
    return NULL;
}

#define CONF_COUNT(name, field, help) \
    AP_INIT_TAKE1(name, set_count, \
                  (void *)APR_OFFSETOF(ap__simple_conf_t, field), \
                  RSRC_CONF, help)

static const command_rec simple_cmds[] = {
    CONF_COUNT("SimpleProcCount", procs,
               "Number of child processes launched at server startup"),
    CONF_COUNT("SimpleThreadCount", threads,
               "Number of threads in each child's thread pool"),
    AP_GRACEFUL_SHUTDOWN_TIMEOUT_COMMAND,
    { NULL }
};

/* ---- configuration phases ------------------------------------------------ */

static void read_defines(void)
{
    if (ap_exists_config_define("DEBUG")) {
        ap__simple_conf.one_process = 1;
        ap__simple_conf.foreground = 1;
        ap__simple_conf.no_detach = 0;
        return;
    }
    ap__simple_conf.one_process = ap_exists_config_define("ONE_PROCESS");
    ap__simple_conf.no_detach = ap_exists_config_define("NO_DETACH");
    ap__simple_conf.foreground = ap_exists_config_define("FOREGROUND");
}

static int detach(void)
{
    apr_status_t rv;

    if (ap__simple_conf.one_process || ap__simple_conf.foreground
        || ap__simple_retained->detached) {
        return OK;
    }
    rv = apr_proc_detach(ap__simple_conf.no_detach
                         ? APR_PROC_DETACH_FOREGROUND
                         : APR_PROC_DETACH_DAEMONIZE);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, rv, NULL, APLOGNO(10217)
                     "simple: apr_proc_detach failed");
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    ap__simple_retained->detached = 1;
    return OK;
}

static int simple_pre_config(apr_pool_t *pconf, apr_pool_t *plog,
                             apr_pool_t *ptemp)
{
    ap__simple_retained = ap_retained_data_get(retained_key);
    if (!ap__simple_retained) {
        ap__simple_retained = ap_retained_data_create(
            retained_key, sizeof(*ap__simple_retained));
    }
    ap__simple_retained->mpm = ap_unixd_mpm_get_retained_data();
    ap__simple_retained->mpm->module_loads++;
    read_defines();
    /* The first load only checks the configuration; the server proper
     * starts (detached) from the second, as in Apache. */
    if (ap__simple_retained->mpm->module_loads == 2) {
        int rc = detach();
        if (rc != OK) {
            return rc;
        }
    }
    ap__simple_conf.procs = AP__SIMPLE_DEFAULT_PROCS;
    ap__simple_conf.threads = AP__SIMPLE_DEFAULT_THREADS;
    mpm_common_pre_config(pconf);
    ap_listen_pre_config();
    ap__simple_pod = NULL;
    return OK;
}

/* Clamp @a *v to [1, max], saying so at start-up. */
static void clamp(int *v, int max, const char *name, int startup)
{
    if (*v <= max) {
        return;
    }
    if (startup) {
        ap_log_error(APLOG_MARK, APLOG_WARNING | APLOG_STARTUP, 0, NULL,
                     APLOGNO(10218) "WARNING: %s of %d exceeds the limit "
                     "of %d, decreasing to %d", name, *v, max, max);
    }
    *v = max;
}

static int simple_check_config(apr_pool_t *pconf, apr_pool_t *plog,
                               apr_pool_t *ptemp, server_rec *s)
{
    ap__simple_retained_t *r = ap__simple_retained;
    int startup = r->mpm->module_loads == 1;

    clamp(&ap__simple_conf.procs, AP__SIMPLE_MAX_PROCS, "SimpleProcCount",
          startup);
    clamp(&ap__simple_conf.threads, AP__SIMPLE_MAX_THREADS,
          "SimpleThreadCount", startup);
    /* The scoreboard is sized once; room for a second generation of
     * children while the old one finishes after a graceful restart. */
    if (!r->server_limit) {
        r->server_limit = ap__simple_conf.procs * 2;
        if (r->server_limit < 16) {
            r->server_limit = 16;
        }
        r->thread_limit = ap__simple_conf.threads;
    }
    if (ap__simple_conf.procs > r->server_limit / 2
        || ap__simple_conf.threads > r->thread_limit) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, s, APLOGNO(10219)
                     "simple: raising SimpleProcCount or SimpleThreadCount "
                     "needs a full stop and start of the server; keeping "
                     "the previous limits");
        clamp(&ap__simple_conf.procs, r->server_limit / 2,
              "SimpleProcCount", 0);
        clamp(&ap__simple_conf.threads, r->thread_limit,
              "SimpleThreadCount", 0);
    }
    return OK;
}

static int simple_open_logs(apr_pool_t *pconf, apr_pool_t *plog,
                            apr_pool_t *ptemp, server_rec *s)
{
    int exit_status = 0;
    apr_status_t rv;

    /* "-k stop" and friends, unless main.c did it already. */
    if (ap_signal_server(&exit_status, pconf) != 0) {
        exit(exit_status);
    }
    if (ap_setup_listeners(s) < 1) {
        ap_log_error(APLOG_MARK, APLOG_ALERT | APLOG_STARTUP, 0, NULL,
                     APLOGNO(10220) "no listening sockets available, "
                     "shutting down");
        return !OK;
    }
    if (!ap__simple_conf.one_process) {
        rv = ap_mpm_podx_open(pconf, &ap__simple_pod);
        if (rv != APR_SUCCESS) {
            ap_log_error(APLOG_MARK, APLOG_CRIT | APLOG_STARTUP, rv, NULL,
                         APLOGNO(10221) "simple: could not open the pipe of "
                         "death");
            return !OK;
        }
    }
    return OK;
}

/* ---- queries ------------------------------------------------------------ */

static int query_value(int code, int *result)
{
    const ap__simple_conf_t *c = &ap__simple_conf;
    const ap__simple_retained_t *r = ap__simple_retained;

    switch (code) {
    case AP_MPMQ_MAX_DAEMON_USED:   *result = r->max_daemons_limit; break;
    case AP_MPMQ_IS_THREADED:       *result = AP_MPMQ_STATIC; break;
    case AP_MPMQ_IS_FORKED:         *result = AP_MPMQ_STATIC; break;
    case AP_MPMQ_IS_ASYNC:          *result = 1; break;
    case AP_MPMQ_HARD_LIMIT_DAEMONS: *result = r->server_limit; break;
    case AP_MPMQ_HARD_LIMIT_THREADS: *result = r->thread_limit; break;
    case AP_MPMQ_MAX_THREADS:       *result = c->threads; break;
    case AP_MPMQ_MAX_DAEMONS:       *result = c->procs; break;
    case AP_MPMQ_MIN_SPARE_DAEMONS: *result = 0; break;
    case AP_MPMQ_MIN_SPARE_THREADS: *result = 0; break;
    case AP_MPMQ_MAX_SPARE_DAEMONS: *result = 0; break;
    case AP_MPMQ_MAX_SPARE_THREADS: *result = 0; break;
    case AP_MPMQ_MAX_REQUESTS_DAEMON: *result = ap_max_requests_per_child;
                                    break;
    case AP_MPMQ_MPM_STATE:         *result = r->mpm->mpm_state; break;
    case AP_MPMQ_GENERATION:        *result = r->mpm->my_generation; break;
    default:
        return 0;
    }
    return 1;
}

static int simple_query(int query_code, int *result, apr_status_t *rv)
{
    if (!ap__simple_retained) {
        *rv = APR_EGENERAL;
        return DECLINED;
    }
    *rv = query_value(query_code, result) ? APR_SUCCESS : APR_ENOTIMPL;
    return OK;
}

static const char *simple_get_name(void)
{
    return "simple";
}

static int simple_mpm(apr_pool_t *pconf, apr_pool_t *plog, server_rec *s)
{
    return ap__simple_run(pconf, plog, s);
}

static void simple_hooks(apr_pool_t *p)
{
    /* Bind before the core opens the error log, so that "could not bind"
     * reaches the terminal, as in Apache. */
    static const char *const before_core[] = { "core_module.c", "core.c",
                                                NULL };

    ap_hook_pre_config(simple_pre_config, NULL, NULL, APR_HOOK_REALLY_FIRST);
    ap_hook_check_config(simple_check_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_open_logs(simple_open_logs, NULL, before_core,
                      APR_HOOK_REALLY_FIRST);
    ap_hook_mpm(simple_mpm, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_mpm_query(simple_query, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_mpm_get_name(simple_get_name, NULL, NULL, APR_HOOK_MIDDLE);
}

AP_DECLARE_MODULE(mpm_simple) = {
    MPM20_MODULE_STUFF,
    NULL,           /* rewrite_args: core does -k (ap_mpm_rewrite_args) */
    NULL,           /* create per-directory config */
    NULL,           /* merge per-directory config */
    NULL,           /* create per-server config */
    NULL,           /* merge per-server config */
    simple_cmds,    /* command table */
    simple_hooks    /* register hooks */
};
