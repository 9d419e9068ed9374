/*
 * prefork.c: the prefork MPM as a module (mpm_prefork_module): its
 * directives, their checks, the start-up work of each generation
 * (listeners, pipe of death, accept mutex) and the hooks through which
 * the core drives it. The parent process is the core's (mpm_parent*.c),
 * told here what a prefork child is; the child is in prefork_child.c,
 * waiting for connections in prefork_accept.c.
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
#include "util_mutex.h"
#include "mpm_parent_private.h"

#include "prefork_private.h"

module AP_MODULE_DECLARE_DATA mpm_prefork_module;

ap__prefork_conf_t ap__prefork_conf;
ap__prefork_retained_t *ap__prefork_retained = NULL;
ap_pod_t *ap__prefork_pod = NULL;
apr_proc_mutex_t *ap__prefork_accept_mutex = NULL;

static const char retained_key[] = "mpm_prefork_retained";

/* The prefork MPM as the shared parent sees it: its idle workers are
 * whole children; conf is set by check_config. The tags, in
 * ap__mpm_parent_msg_e order, are Apache's. */
static ap__mpm_parent_t prefork_parent = {
    .mpm = &mpm_prefork_module,
    .child_main = ap__prefork_child_main,
    .pod = &ap__prefork_pod,
    .is_threaded = AP_MPMQ_NOT_SUPPORTED,
    .is_forked = AP_MPMQ_DYNAMIC,
    .prefork_fork = 1,
    .fork_pause = 10,
    .hold_off = 10,
    .graceful_words = "Graceful restart requested, doing restart",
    .tag = { APLOGNO(00163), APLOGNO(00164), APLOGNO(00169), APLOGNO(00170),
             APLOGNO(00171), APLOGNO(00172), APLOGNO(00159), APLOGNO(00162),
             APLOGNO(00161), NULL, NULL, APLOGNO(00167), APLOGNO(00160),
             APLOGNO(10304), APLOGNO(00016) },
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
    /* Negative values are clamped (with a warning) by check_config, as
     * Apache does; only garbage is refused here. */
    if (*arg == '\0' || *end != '\0' || v < -1000000 || v > 1000000) {
        return apr_pstrcat(cmd->pool, cmd->cmd->name,
                           " requires an integer argument", NULL);
    }
    *(int *)((char *)&ap__prefork_conf + (apr_uintptr_t)cmd->info) = (int)v;
    return NULL;
}

static const char *set_max_clients(cmd_parms *cmd, void *dummy,
                                   const char *arg)
{
    if (!strcasecmp(cmd->cmd->name, "MaxClients")) {
        ap_log_error(APLOG_MARK, APLOG_INFO, 0, NULL, APLOGNO(00173)
                     "MaxClients is deprecated, use MaxRequestWorkers "
                     "instead.");
    }
    return set_int(cmd, dummy, arg);
}

#define CONF_INT(name, fn, field, help) \
    AP_INIT_TAKE1(name, fn, \
                  (void *)APR_OFFSETOF(ap__prefork_conf_t, field), \
                  RSRC_CONF, help)

static const command_rec prefork_cmds[] = {
    CONF_INT("StartServers", set_int, daemons_to_start,
             "Number of child processes launched at server startup"),
    CONF_INT("MinSpareServers", set_int, min_free,
             "Minimum number of idle children, to handle request spikes"),
    CONF_INT("MaxSpareServers", set_int, max_free,
             "Maximum number of idle children"),
    CONF_INT("MaxRequestWorkers", set_max_clients, daemons_limit,
             "Maximum number of children alive at the same time"),
    CONF_INT("MaxClients", set_max_clients, daemons_limit,
             "Deprecated name of MaxRequestWorkers"),
    CONF_INT("ServerLimit", set_int, server_limit,
             "Maximum value of MaxRequestWorkers for this run of Apache"),
    AP_GRACEFUL_SHUTDOWN_TIMEOUT_COMMAND,
    { NULL }
};

/* ---- configuration phases -------------------------------------------- */

static void conf_defaults(void)
{
    ap__prefork_conf.daemons_to_start = AP__PREFORK_DEFAULT_START;
    ap__prefork_conf.min_free = AP__PREFORK_DEFAULT_MIN_FREE;
    ap__prefork_conf.max_free = AP__PREFORK_DEFAULT_MAX_FREE;
    ap__prefork_conf.daemons_limit = AP__PREFORK_DEFAULT_SERVER_LIMIT;
    ap__prefork_conf.server_limit = AP__PREFORK_DEFAULT_SERVER_LIMIT;
}

static void get_retained(void)
{
    ap__prefork_retained = ap_retained_data_get(retained_key);
    if (!ap__prefork_retained) {
        ap__prefork_retained =
            ap_retained_data_create(retained_key,
                                    sizeof(*ap__prefork_retained));
    }
    ap__prefork_retained->mpm = ap_unixd_mpm_get_retained_data();
}

static int prefork_pre_config(apr_pool_t *pconf, apr_pool_t *plog,
                              apr_pool_t *ptemp)
{
    apr_status_t rv;
    int rc;

    get_retained();
    rc = ap__mpm_parent_pre_config(&prefork_parent, pconf,
                                   &ap__prefork_conf.one_process);
    if (rc != OK) {
        return rc;
    }
    conf_defaults();
    ap__prefork_accept_mutex = NULL;
    /* Registered before the configuration is read, so that a
     * "Mutex ... mpm-accept" line is accepted. */
    rv = ap_mutex_register(pconf, AP_ACCEPT_MUTEX_TYPE, NULL,
                           APR_LOCK_DEFAULT, 0);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT | APLOG_STARTUP, rv, NULL,
                     APLOGNO(10303) "could not register the %s mutex type",
                     AP_ACCEPT_MUTEX_TYPE);
        return !OK;
    }
    return OK;
}

/* Warnings about the limits go to the terminal at start-up only, and to
 * the error log on restarts. */
static void limit_warning(int startup, server_rec *s, const char *msg)
{
    if (startup) {
        ap_log_error(APLOG_MARK, APLOG_WARNING | APLOG_STARTUP, 0, NULL,
                     "%s", msg);
    }
    else {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, s, "%s", msg);
    }
}

static void clamp_server_limit(apr_pool_t *p, server_rec *s, int startup)
{
    ap__prefork_conf_t *c = &ap__prefork_conf;
    ap__prefork_retained_t *r = ap__prefork_retained;

    if (c->server_limit > AP__PREFORK_MAX_SERVER_LIMIT) {
        limit_warning(startup, s, apr_psprintf(p,
                      APLOGNO(10310)
                      "WARNING: ServerLimit of %d exceeds the "
                      "compile-time limit of %d servers, decreasing to %d.",
                      c->server_limit, AP__PREFORK_MAX_SERVER_LIMIT,
                      AP__PREFORK_MAX_SERVER_LIMIT));
        c->server_limit = AP__PREFORK_MAX_SERVER_LIMIT;
    }
    else if (c->server_limit < 1) {
        limit_warning(startup, s, apr_psprintf(p,
                      APLOGNO(10311)
                      "WARNING: ServerLimit of %d not allowed, "
                      "increasing to 1.", c->server_limit));
        c->server_limit = 1;
    }
    /* The scoreboard was sized at the first start: keep its size. */
    if (!r->first_server_limit) {
        r->first_server_limit = c->server_limit;
    }
    else if (c->server_limit != r->first_server_limit) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, s, APLOGNO(00165)
                     "changing ServerLimit to %d from original value of %d "
                     "not allowed during restart", c->server_limit,
                     r->first_server_limit);
        c->server_limit = r->first_server_limit;
    }
}

static void clamp_counts(apr_pool_t *p, server_rec *s, int startup)
{
    ap__prefork_conf_t *c = &ap__prefork_conf;

    if (c->daemons_limit > c->server_limit) {
        limit_warning(startup, s, apr_psprintf(p,
                      APLOGNO(10312)
                      "WARNING: MaxRequestWorkers of %d exceeds "
                      "ServerLimit value of %d servers, decreasing "
                      "MaxRequestWorkers to %d. To increase, please see the "
                      "ServerLimit directive.", c->daemons_limit,
                      c->server_limit, c->server_limit));
        c->daemons_limit = c->server_limit;
    }
    else if (c->daemons_limit < 1) {
        limit_warning(startup, s, apr_psprintf(p,
                      APLOGNO(10313)
                      "WARNING: MaxRequestWorkers of %d not "
                      "allowed, increasing to 1.", c->daemons_limit));
        c->daemons_limit = 1;
    }
    if (c->daemons_to_start < 1) {
        limit_warning(startup, s, apr_psprintf(p,
                      APLOGNO(10314)
                      "WARNING: StartServers of %d not allowed, "
                      "increasing to 1.", c->daemons_to_start));
        c->daemons_to_start = 1;
    }
    if (c->daemons_to_start > c->daemons_limit) {
        c->daemons_to_start = c->daemons_limit;
    }
    if (c->min_free < 1) {
        limit_warning(startup, s, apr_psprintf(p,
                      APLOGNO(10315)
                      "WARNING: MinSpareServers of %d not allowed, "
                      "increasing to 1 to avoid almost certain server "
                      "failure.", c->min_free));
        c->min_free = 1;
    }
    /* Room for one child between the two, or children would be started
     * and stopped in turn. */
    if (c->max_free < c->min_free + 1) {
        c->max_free = c->min_free + 1;
    }
}

static int prefork_check_config(apr_pool_t *pconf, apr_pool_t *plog,
                                apr_pool_t *ptemp, server_rec *s)
{
    const ap__prefork_conf_t *c = &ap__prefork_conf;
    int startup = ap__prefork_retained->mpm->module_loads == 1;

    clamp_server_limit(ptemp, s, startup);
    clamp_counts(ptemp, s, startup);
    /* Each child is one worker, and no more children than
     * MaxRequestWorkers take slots, whatever their generation. */
    prefork_parent.conf = (ap__mpm_limits_t) {
        .one_process = c->one_process, .server_limit = c->server_limit,
        .slot_limit = c->daemons_limit, .thread_limit = 1,
        .threads_per_child = 1, .active_limit = c->daemons_limit,
        .start = c->daemons_to_start, .min_spare = c->min_free,
        .max_spare = c->max_free
    };
    return OK;
}

static int count_listeners(void)
{
    ap_listen_rec *lr;
    int n = 0;

    for (lr = ap_listeners; lr; lr = lr->next) {
        n++;
    }
    return n;
}

/* The accept mutex of this generation, as the Mutex directive says
 * (ap_proc_mutex_create also gives it to User, for the children). With
 * one listener it is not needed: the kernel gives each connection to one
 * of the children waiting in accept. */
static int make_accept_mutex(apr_pool_t *pconf, server_rec *s)
{
    apr_status_t rv;

    if (count_listeners() < 2) {
        return OK;
    }
    rv = ap_proc_mutex_create(&ap__prefork_accept_mutex, NULL,
                              AP_ACCEPT_MUTEX_TYPE, NULL, s, pconf, 0);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT | APLOG_STARTUP, rv, NULL,
                     APLOGNO(00155) "could not create the accept mutex");
        return !OK;
    }
    return OK;
}

static int prefork_open_logs(apr_pool_t *pconf, apr_pool_t *plog,
                             apr_pool_t *ptemp, server_rec *s)
{
    int rc = ap__mpm_parent_open_logs(&prefork_parent, pconf, s);

    if (rc != OK || ap__prefork_conf.one_process) {
        return rc;
    }
    return make_accept_mutex(pconf, s);
}

static int prefork_query(int query_code, int *result, apr_status_t *rv)
{
    return ap__mpm_parent_query(&prefork_parent, query_code, result, rv);
}

static const char *prefork_get_name(void)
{
    return "prefork";
}

static int prefork_mpm(apr_pool_t *pconf, apr_pool_t *plog, server_rec *s)
{
    return ap__mpm_parent_run(&prefork_parent, pconf, plog, s);
}

static void prefork_hooks(apr_pool_t *p)
{
    /* Bind before the core opens the error log, so that "could not bind"
     * reaches the terminal, as in Apache. */
    static const char *const before_core[] = { "core_module.c", "core.c",
                                                NULL };

    ap_hook_pre_config(prefork_pre_config, NULL, NULL, APR_HOOK_REALLY_FIRST);
    ap_hook_check_config(prefork_check_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_open_logs(prefork_open_logs, NULL, before_core,
                      APR_HOOK_REALLY_FIRST);
    ap_hook_mpm(prefork_mpm, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_mpm_query(prefork_query, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_mpm_get_name(prefork_get_name, NULL, NULL, APR_HOOK_MIDDLE);
}

AP_DECLARE_MODULE(mpm_prefork) = {
    MPM20_MODULE_STUFF,
    NULL,           /* rewrite_args: core does -k (ap_mpm_rewrite_args) */
    NULL,           /* create per-directory config */
    NULL,           /* merge per-directory config */
    NULL,           /* create per-server config */
    NULL,           /* merge per-server config */
    prefork_cmds,   /* command table */
    prefork_hooks   /* register hooks */
};
