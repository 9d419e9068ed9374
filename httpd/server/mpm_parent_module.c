/*
 * mpm_parent_module.c: what the Unix MPM modules' pre_config, open_logs
 * and mpm_query hooks have in common: -X and the -D defines, detaching
 * from the terminal, the listeners and the pipe of death, and the
 * AP_MPMQ_* answers that come from the shared parent or from the
 * generation's limits.
 */
#include <stdlib.h>

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
#include "unixd.h"
#include "mpm_parent_private.h"
#include "listen_private.h"

/* Once per process: detaching again after a restart would fork a new
 * parent behind the back of whoever watches the pid. */
static int detached;

static int detach(ap__mpm_parent_t *pp, int foreground, int no_detach)
{
    apr_status_t rv;

    if (foreground || detached) {
        return OK;
    }
    rv = apr_proc_detach(no_detach ? APR_PROC_DETACH_FOREGROUND
                                   : APR_PROC_DETACH_DAEMONIZE);
    if (rv != APR_SUCCESS) {
        ap_log_error(AP__MPMP_MARK(pp), APLOG_CRIT, rv, NULL,
                     "%sapr_proc_detach failed",
                     AP__MPMP_TAG(pp, AP__MPMP_DETACH));
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    detached = 1;
    return OK;
}

AP_DECLARE(int) ap__mpm_parent_pre_config(ap__mpm_parent_t *pp,
                                          apr_pool_t *pconf,
                                          int *one_process)
{
    ap_unixd_mpm_retained_data *mpm = ap_unixd_mpm_get_retained_data();
    int foreground, no_detach;

    mpm->module_loads++;
    if (ap_exists_config_define("DEBUG")) {
        *one_process = foreground = 1;
        no_detach = 0;
    }
    else {
        *one_process = ap_exists_config_define("ONE_PROCESS");
        no_detach = ap_exists_config_define("NO_DETACH");
        foreground = ap_exists_config_define("FOREGROUND");
    }
    /* The first load only checks the configuration; the server proper
     * starts (detached) from the second, as in Apache. */
    if (mpm->module_loads == 2) {
        int rc = detach(pp, *one_process || foreground, no_detach);
        if (rc != OK) {
            return rc;
        }
    }
    mpm_common_pre_config(pconf);
    ap_listen_pre_config();
    if (pp->podx) {
        *pp->podx = NULL;
    }
    if (pp->pod) {
        *pp->pod = NULL;
    }
    return OK;
}

AP_DECLARE(int) ap__mpm_parent_open_logs(ap__mpm_parent_t *pp,
                                         apr_pool_t *pconf, server_rec *s)
{
    int exit_status = 0;
    apr_status_t rv;

    /* "-k stop" and friends, unless main.c did it already. */
    if (ap_signal_server(&exit_status, pconf) != 0) {
        exit(exit_status);
    }
    if (ap_setup_listeners(s) < 1) {
        ap_log_error(AP__MPMP_MARK(pp), APLOG_ALERT | APLOG_STARTUP, 0, NULL,
                     "%sno listening sockets available, shutting down",
                     AP__MPMP_TAG(pp, AP__MPMP_NO_LISTENERS));
        return !OK;
    }
    ap__listen_buckets_limits(&pp->conf,
                              pp->is_threaded == AP_MPMQ_NOT_SUPPORTED);
    if (pp->conf.one_process) {
        return OK;
    }
    rv = pp->podx ? ap_mpm_podx_open(pconf, pp->podx)
                  : ap_mpm_pod_open(pconf, pp->pod);
    if (rv != APR_SUCCESS) {
        ap_log_error(AP__MPMP_MARK(pp), APLOG_CRIT | APLOG_STARTUP, rv, NULL,
                     "%scould not open pipe-of-death",
                     AP__MPMP_TAG(pp, AP__MPMP_POD));
        return !OK;
    }
    return OK;
}

/* The answers that depend on what the idle workers are: threads, or
 * (prefork) whole children. */
static int spare_value(const ap__mpm_parent_t *pp, int code, int *result)
{
    int by_child = pp->is_threaded == AP_MPMQ_NOT_SUPPORTED;

    switch (code) {
    case AP_MPMQ_MIN_SPARE_DAEMONS:
        *result = by_child ? pp->conf.min_spare : 0;
        return 1;
    case AP_MPMQ_MAX_SPARE_DAEMONS:
        *result = by_child ? pp->conf.max_spare : 0;
        return 1;
    case AP_MPMQ_MIN_SPARE_THREADS:
        *result = by_child ? 0 : pp->conf.min_spare;
        return 1;
    case AP_MPMQ_MAX_SPARE_THREADS:
        *result = by_child ? 0 : pp->conf.max_spare;
        return 1;
    }
    return 0;
}

static int query_value(const ap__mpm_parent_t *pp, int code, int *result)
{
    const ap_unixd_mpm_retained_data *mpm = ap_unixd_mpm_get_retained_data();

    switch (code) {
    case AP_MPMQ_MAX_DAEMON_USED:   *result = ap__mpm_parent_max_daemons();
                                    break;
    case AP_MPMQ_IS_THREADED:       *result = pp->is_threaded; break;
    case AP_MPMQ_IS_FORKED:         *result = pp->is_forked; break;
    case AP_MPMQ_IS_ASYNC:          *result = pp->is_async; break;
    case AP_MPMQ_HARD_LIMIT_DAEMONS: *result = pp->conf.server_limit; break;
    case AP_MPMQ_HARD_LIMIT_THREADS: *result = pp->conf.thread_limit; break;
    case AP_MPMQ_MAX_THREADS:       *result = pp->conf.threads_per_child;
                                    break;
    case AP_MPMQ_MAX_REQUESTS_DAEMON: *result = ap_max_requests_per_child;
                                    break;
    case AP_MPMQ_MAX_DAEMONS:       *result = pp->conf.active_limit; break;
    case AP_MPMQ_MPM_STATE:         *result = mpm->mpm_state; break;
    case AP_MPMQ_GENERATION:        *result = mpm->my_generation; break;
    default:
        return spare_value(pp, code, result);
    }
    return 1;
}

AP_DECLARE(int) ap__mpm_parent_query(const ap__mpm_parent_t *pp, int code,
                                     int *result, apr_status_t *rv)
{
    *rv = query_value(pp, code, result) ? APR_SUCCESS : APR_ENOTIMPL;
    return OK;
}
