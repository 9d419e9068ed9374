/* main.c: the httpd program. Reads the command line, reads the
 * configuration once to let it settle (and to answer -t, -S, -M, -V, -L),
 * then loops: re-read the configuration, run the MPM, until the MPM says
 * the server is stopping rather than restarting. */
#include <stdlib.h>

#include "apr_general.h"
#include "apr_strings.h"
#include "apr_hooks.h"
#include "apr_optional.h"
#include "apr_lib.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_main.h"
#include "http_request.h"
#include "http_vhost.h"
#include "mod_core.h"
#include "ap_mpm.h"
#include "mpm_common.h"
#include "util_cfgtree.h"

#include "core_private.h"

APLOG_USE_MODULE(core);

/* Give piped loggers a moment to drain before an error exit. */
#define EXIT_DRAIN_SLEEP apr_time_from_msec(100)

static int abort_on_oom(int retcode)
{
    ap_abort_on_oom();
    return retcode; /* not reached */
}

static apr_status_t deregister_all_hooks(void *unused)
{
    ap_clear_auth_internal();
    apr_hook_deregister_all();
    return APR_SUCCESS;
}

/* A fresh pconf for each generation; clearing it unhooks every module
 * first, since hooks may point into unloaded DSOs. */
static void reset_process_pconf(process_rec *process)
{
    if (process->pconf) {
        apr_pool_clear(process->pconf);
        ap_server_conf = NULL;
    }
    else {
        apr_pool_create(&process->pconf, process->pool);
        apr_pool_tag(process->pconf, "pconf");
    }
    apr_pool_pre_cleanup_register(process->pconf, NULL, deregister_all_hooks);
}

static process_rec *init_process(int *argc, const char *const **argv)
{
    process_rec *process;
    apr_pool_t *pool;

    if (apr_app_initialize(argc, argv, NULL) != APR_SUCCESS
        || apr_pool_create(&pool, NULL) != APR_SUCCESS) {
        /* Nothing to report with yet: no pool, no log. */
        exit(1);
    }
    apr_pool_abort_set(abort_on_oom, pool);
    apr_pool_tag(pool, "process");
    ap_open_stderr_log(pool);

    process = apr_pcalloc(pool, sizeof(*process));
    process->pool = pool;
    reset_process_pconf(process);
    process->argv = *argv;
    process->argc = *argc;
    process->short_name = apr_filepath_name_get((*argv)[0]);
    return process;
}

static void destroy_and_exit_process(process_rec *process, int code)
{
    if (code) {
        apr_sleep(EXIT_DRAIN_SLEEP);
    }
    ap_main_state = AP_SQ_MS_EXITING;
    apr_pool_destroy(process->pool);
    apr_terminate();
    exit(code);
}

/* ap_read_config plus the check Apache makes right after reading: one
 * MPM must have been loaded by LoadModule. */
static server_rec *read_config(process_rec *process, apr_pool_t *ptemp,
                               const ap__main_opts *o)
{
    server_rec *s;
    const char *err;

    ap_server_root = o->server_root;
    ap_conftree = NULL;
    s = ap_read_config(process, ptemp, o->confname, &ap_conftree);
    if (!s) {
        return NULL;
    }
    if ((err = ap_check_mpm()) != NULL) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_EMERG, 0, NULL,
                     APLOGNO(00534) "%s: Configuration error: %s",
                     ap_server_argv0, err);
        return NULL;
    }
    apr_pool_cleanup_register(process->pconf, &ap_server_conf,
                              ap_pool_cleanup_set_null,
                              apr_pool_cleanup_null);
    return s;
}

/* From the tree to checked server configs; restart selects Apache's
 * messages for a re-read. Returns OK or !OK (already logged). */
static int configure(process_rec *process, apr_pool_t *plog,
                     apr_pool_t *ptemp, int restart)
{
    apr_pool_t *pconf = process->pconf;

    apr_hook_sort_all();
    if (ap_run_pre_config(pconf, plog, ptemp) != OK) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_ERR, 0, NULL,
                     restart ? APLOGNO(00017) "Pre-configuration failed, "
                               "exiting"
                             : APLOGNO(00013) "Pre-configuration failed");
        return !OK;
    }
    if (ap_process_config_tree(ap_server_conf, ap_conftree, pconf, ptemp)
        != OK) {
        return !OK;
    }
    ap_fixup_virtual_hosts(pconf, ap_server_conf);
    ap_fini_vhost_config(pconf, ap_server_conf);
    /* Modules may have added hooks while the tree was processed. */
    apr_hook_sort_all();
    if (ap_run_check_config(pconf, plog, ptemp, ap_server_conf) != OK) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_ERR, 0, NULL,
                     restart ? APLOGNO(00018) "Configuration check failed, "
                               "exiting"
                             : APLOGNO(00014) "Configuration check failed");
        return !OK;
    }
    return OK;
}

static int open_and_post(process_rec *process, apr_pool_t *plog,
                         apr_pool_t *ptemp, int restart)
{
    apr_pool_t *pconf = process->pconf;

    apr_pool_clear(plog);
    if (ap_run_open_logs(pconf, plog, ptemp, ap_server_conf) != OK) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_ERR, 0, NULL,
                     restart ? APLOGNO(00019) "Unable to open logs, exiting"
                             : APLOGNO(00015) "Unable to open logs");
        return !OK;
    }
    if (ap_run_post_config(pconf, plog, ptemp, ap_server_conf) != OK) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_ERR, 0, NULL,
                     restart ? APLOGNO(00020) "Configuration Failed, exiting"
                             : APLOGNO(00016) "Configuration Failed");
        return !OK;
    }
    return OK;
}

/* -t, -S, -M, -L, deferred -V: answer and exit. */
static void dump_and_exit(process_rec *process, const ap__main_opts *o)
{
    if (o->show_compile) {
        ap__main_show_compile_settings();
    }
    else if (o->show_directives) {
        ap_show_directives();
    }
    else {
        ap_run_test_config(process->pconf, ap_server_conf);
        if (ap_run_mode == AP_SQ_RM_CONFIG_TEST) {
            ap_log_error(APLOG_MARK, APLOG_STARTUP, 0, NULL, "Syntax OK");
        }
    }
    destroy_and_exit_process(process, 0);
}

/* The first reading: settles the logs, answers the dump options, and
 * lets -k signal a running server (the MPM's ap_signal_server). */
static void preflight(process_rec *process, apr_pool_t *plog,
                      const ap__main_opts *o)
{
    APR_OPTIONAL_FN_TYPE(ap_signal_server) *signal_server;
    apr_pool_t *ptemp;
    int status;

    ap_main_state = AP_SQ_MS_CREATE_PRE_CONFIG;
    apr_pool_create(&ptemp, process->pconf);
    apr_pool_tag(ptemp, "ptemp");
    if (o->temp_error_log) {
        ap_replace_stderr_log(process->pool, o->temp_error_log);
    }
    ap_server_conf = read_config(process, ptemp, o);
    if (!ap_server_conf) {
        if (o->show_compile) { /* -V still answers without an MPM */
            ap__main_show_compile_settings();
            destroy_and_exit_process(process, 0);
        }
        destroy_and_exit_process(process, 1);
    }
    if (configure(process, plog, ptemp, 0) != OK) {
        destroy_and_exit_process(process, 1);
    }
    if (ap_run_mode != AP_SQ_RM_NORMAL) {
        dump_and_exit(process, o);
    }
    signal_server = APR_RETRIEVE_OPTIONAL_FN(ap_signal_server);
    if (signal_server && signal_server(&status, process->pconf) != 0) {
        destroy_and_exit_process(process, status);
    }
    if (open_and_post(process, plog, ptemp, 0) != OK) {
        destroy_and_exit_process(process, 1);
    }
    apr_pool_destroy(ptemp);
}

/* One generation: fresh hooks and configuration, then the MPM. Returns
 * the MPM's answer: OK to restart, DONE to stop, else an error. */
static int generation(process_rec *process, apr_pool_t *plog,
                      const ap__main_opts *o)
{
    module **mod;
    apr_pool_t *ptemp;
    int rc;

    ap_main_state = AP_SQ_MS_DESTROY_CONFIG;
    reset_process_pconf(process);
    ap_main_state = AP_SQ_MS_CREATE_CONFIG;
    ap_config_generation++;
    for (mod = ap_prelinked_modules; *mod; mod++) {
        ap_register_hooks(*mod, process->pconf);
    }
    apr_pool_create(&ptemp, process->pconf);
    apr_pool_tag(ptemp, "ptemp");
    ap_server_conf = read_config(process, ptemp, o);
    if (!ap_server_conf || configure(process, plog, ptemp, 1) != OK
        || open_and_post(process, plog, ptemp, 1) != OK) {
        destroy_and_exit_process(process, 1);
    }
    apr_pool_destroy(ptemp);
    apr_pool_lock(process->pconf, 1);
    ap_run_optional_fn_retrieve();
    ap_main_state = AP_SQ_MS_RUN_MPM;
    rc = ap_run_mpm(process->pconf, plog, ap_server_conf);
    apr_pool_lock(process->pconf, 0);
    return rc;
}

static void setup_globals(process_rec *process, apr_pool_t **pcommands)
{
    ap_pglobal = process->pool;
    ap_server_argv0 = process->short_name;
    apr_pool_create(pcommands, ap_pglobal);
    apr_pool_tag(*pcommands, "pcommands");
    ap_server_pre_read_config = apr_array_make(*pcommands, 1,
                                               sizeof(char *));
    ap_server_post_read_config = apr_array_make(*pcommands, 1,
                                                sizeof(char *));
    ap_server_config_defines = apr_array_make(*pcommands, 1, sizeof(char *));
}

static void handle_action(process_rec *process, enum ap__main_action a)
{
    switch (a) {
    case AP__MAIN_RUN:
        return;
    case AP__MAIN_VERSION:
        ap__main_show_version();
        break;
    case AP__MAIN_MODULES:
        ap_show_modules();
        break;
    case AP__MAIN_COMPILE:
        ap__main_show_compile_settings();
        break;
    default:
        ap__main_usage(process);
        destroy_and_exit_process(process, 1);
    }
    destroy_and_exit_process(process, 0);
}

int main(int argc, const char *const argv[])
{
    ap__main_opts opts = { SERVER_CONFIG_FILE, HTTPD_ROOT, NULL, 0, 0 };
    process_rec *process = init_process(&argc, &argv);
    apr_pool_t *pcommands, *plog;
    const char *err;
    int rc;

    setup_globals(process, &pcommands);
    ap_init_rng(ap_pglobal);
    if ((err = ap_setup_prelinked_modules(process)) != NULL) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_EMERG, 0, NULL,
                     APLOGNO(00012) "%s: %s", ap_server_argv0, err);
        destroy_and_exit_process(process, 1);
    }
    ap_run_rewrite_args(process);
    handle_action(process, ap__main_parse_args(process, pcommands, &opts));

    apr_pool_create(&plog, ap_pglobal);
    apr_pool_tag(plog, "plog");
    preflight(process, plog, &opts);

    do {
        rc = generation(process, plog, &opts);
    } while (rc == OK);

    if (rc == DONE) {
        rc = OK;
    }
    else {
        ap_log_error(APLOG_MARK, APLOG_EMERG, 0, NULL, APLOGNO(02818)
                     "MPM run failed, exiting");
    }
    destroy_and_exit_process(process, rc);
    return rc; /* not reached */
}
