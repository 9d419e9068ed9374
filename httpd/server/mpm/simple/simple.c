/*
 * simple.c: the simple MPM as a module (mpm_simple_module): its
 * directives (SimpleProcCount, SimpleThreadCount and the common ones),
 * their checks, and the hooks through which the core drives it. The
 * parent process is the core's (mpm_parent*.c), told here what a simple
 * child is and that SimpleProcCount of them are kept alive; a child is in
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
#include "mpm_parent_private.h"

#include "simple_private.h"

module AP_MODULE_DECLARE_DATA mpm_simple_module;

ap__simple_conf_t ap__simple_conf;
ap__simple_retained_t *ap__simple_retained = NULL;
ap_pod_t *ap__simple_pod = NULL;

static const char retained_key[] = "mpm_simple_retained";

static void keep_children(ap__mpm_parent_t *pp);

/* The simple MPM as the shared parent sees it; conf is set by
 * check_config. Its log numbers, in ap__mpm_parent_msg_e order. */
static ap__mpm_parent_t simple_parent = {
    .mpm = &mpm_simple_module,
    .child_main = ap__simple_child_main,
    .maintain = keep_children,
    .podx = &ap__simple_pod,
    .is_threaded = AP_MPMQ_STATIC,
    .is_forked = AP_MPMQ_STATIC,
    .is_async = 1,
    .fork_pause = 1,
    .reap_maintains = 1,
    .tag = { APLOGNO(10215), APLOGNO(10216), APLOGNO(10211), APLOGNO(10212),
             APLOGNO(10213), APLOGNO(10214), APLOGNO(10209), "", NULL, NULL,
             NULL, NULL, APLOGNO(10217), APLOGNO(10220), APLOGNO(10221) },
};

/* The maintenance pass: SimpleProcCount children of this generation,
 * whatever they do (a crashed one is replaced at the next pass). */
static void keep_children(ap__mpm_parent_t *pp)
{
    static int reported = 0;
    ap__mpm_census_t cs;
    int missing;

    ap__mpm_parent_census(pp, &cs);
    /* conf.start: SimpleProcCount, raised to one child per listener
     * bucket (ListenCoresBucketsRatio). */
    missing = pp->conf.start - cs.active;
    if (missing <= 0 || ap__mpm_parent_start(pp, missing) == missing) {
        reported = 0;
        return;
    }
    ap__mpm_parent_census(pp, &cs);
    if (cs.n_free == 0 && !reported) {
        ap_log_error(APLOG_MARK, APLOG_ERR, 0, ap_server_conf,
                     APLOGNO(10210) "simple: scoreboard is full; waiting for "
                     "old children to exit");
        reported = 1;
    }
}

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

static int simple_pre_config(apr_pool_t *pconf, apr_pool_t *plog,
                             apr_pool_t *ptemp)
{
    int rc;

    ap__simple_retained = ap_retained_data_get(retained_key);
    if (!ap__simple_retained) {
        ap__simple_retained = ap_retained_data_create(
            retained_key, sizeof(*ap__simple_retained));
    }
    ap__simple_retained->mpm = ap_unixd_mpm_get_retained_data();
    rc = ap__mpm_parent_pre_config(&simple_parent, pconf,
                                   &ap__simple_conf.one_process);
    if (rc != OK) {
        return rc;
    }
    ap__simple_conf.procs = AP__SIMPLE_DEFAULT_PROCS;
    ap__simple_conf.threads = AP__SIMPLE_DEFAULT_THREADS;
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
    simple_parent.conf = (ap__mpm_limits_t) {
        .one_process = ap__simple_conf.one_process,
        .server_limit = r->server_limit, .slot_limit = r->server_limit,
        .thread_limit = r->thread_limit,
        .threads_per_child = ap__simple_conf.threads,
        .active_limit = ap__simple_conf.procs,
        .start = ap__simple_conf.procs
    };
    return OK;
}

static int simple_open_logs(apr_pool_t *pconf, apr_pool_t *plog,
                            apr_pool_t *ptemp, server_rec *s)
{
    return ap__mpm_parent_open_logs(&simple_parent, pconf, s);
}

static int simple_query(int query_code, int *result, apr_status_t *rv)
{
    return ap__mpm_parent_query(&simple_parent, query_code, result, rv);
}

static const char *simple_get_name(void)
{
    return "simple";
}

static int simple_mpm(apr_pool_t *pconf, apr_pool_t *plog, server_rec *s)
{
    return ap__mpm_parent_run(&simple_parent, pconf, plog, s);
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
    ap_hook_mpm_register_timed_callback(ap__simple_register_timed, NULL, NULL,
                                        APR_HOOK_MIDDLE);
    ap__mpm_head_register();
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
