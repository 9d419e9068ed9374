/*
 * mpm_common.c: the MPM hooks (ap_run_mpm and friends), ap_mpm_query and
 * the helpers every MPM shares that do not touch processes.
 */
#include <string.h>

#include "apr_strings.h"
#include "apr_allocator.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"
#include "mpm_common.h"
#include "mpm_private.h"

APLOG_USE_MODULE(core);

/* A directive may not stand inside the macro's arguments. */
#if defined(AP_ENABLE_EXCEPTION_HOOK) && AP_ENABLE_EXCEPTION_HOOK
#define FATAL_EXCEPTION_LINK APR_HOOK_LINK(fatal_exception)
#else
#define FATAL_EXCEPTION_LINK
#endif

APR_HOOK_STRUCT(
    APR_HOOK_LINK(monitor)
    APR_HOOK_LINK(drop_privileges)
    APR_HOOK_LINK(mpm)
    APR_HOOK_LINK(mpm_query)
    APR_HOOK_LINK(mpm_register_timed_callback)
    APR_HOOK_LINK(mpm_get_name)
    APR_HOOK_LINK(suspend_connection)
    APR_HOOK_LINK(resume_connection)
    APR_HOOK_LINK(child_stopping)
    APR_HOOK_LINK(child_status)
    APR_HOOK_LINK(end_generation)
    FATAL_EXCEPTION_LINK
)

AP_IMPLEMENT_HOOK_RUN_ALL(int, monitor,
                          (apr_pool_t *p, server_rec *s), (p, s),
                          OK, DECLINED)
AP_IMPLEMENT_HOOK_RUN_ALL(int, drop_privileges,
                          (apr_pool_t *pchild, server_rec *s), (pchild, s),
                          OK, DECLINED)
AP_IMPLEMENT_HOOK_RUN_FIRST(int, mpm,
                            (apr_pool_t *pconf, apr_pool_t *plog,
                             server_rec *s),
                            (pconf, plog, s), DECLINED)
AP_IMPLEMENT_HOOK_RUN_FIRST(int, mpm_query,
                            (int query_code, int *result, apr_status_t *_rv),
                            (query_code, result, _rv), DECLINED)
AP_IMPLEMENT_HOOK_RUN_FIRST(apr_status_t, mpm_register_timed_callback,
                            (apr_time_t t, ap_mpm_callback_fn_t *cbfn,
                             void *baton),
                            (t, cbfn, baton), APR_ENOTIMPL)
AP_IMPLEMENT_HOOK_RUN_FIRST(const char *, mpm_get_name, (void), (), NULL)
AP_IMPLEMENT_HOOK_VOID(suspend_connection,
                       (conn_rec *c, request_rec *r), (c, r))
AP_IMPLEMENT_HOOK_VOID(resume_connection,
                       (conn_rec *c, request_rec *r), (c, r))
AP_IMPLEMENT_HOOK_VOID(child_stopping,
                       (apr_pool_t *pchild, int graceful), (pchild, graceful))
AP_IMPLEMENT_HOOK_VOID(child_status,
                       (server_rec *s, pid_t pid, ap_generation_t gen,
                        int slot, mpm_child_status state),
                       (s, pid, gen, slot, state))
AP_IMPLEMENT_HOOK_VOID(end_generation,
                       (server_rec *s, ap_generation_t gen), (s, gen))
#if defined(AP_ENABLE_EXCEPTION_HOOK) && AP_ENABLE_EXCEPTION_HOOK
/* Run from the fatal-signal handler of a crashing child (unixd_signals.c):
 * the hook array is only read there, never changed after start-up. */
AP_IMPLEMENT_HOOK_RUN_ALL(int, fatal_exception,
                          (ap_exception_info_t *ei), (ei), OK, DECLINED)
#endif

AP_DECLARE(apr_status_t) ap_mpm_query(int query_code, int *result)
{
    apr_status_t rv = APR_EGENERAL;

    if (ap_run_mpm_query(query_code, result, &rv) == DECLINED) {
        rv = APR_EGENERAL;
    }
    return rv;
}

AP_DECLARE(apr_status_t) ap_mpm_register_timed_callback(apr_time_t t,
                                                       ap_mpm_callback_fn_t *cbfn,
                                                       void *baton)
{
    return ap_run_mpm_register_timed_callback(t, cbfn, baton);
}

AP_DECLARE(const char *) ap_check_mpm(void)
{
    static const char *const no_mpm = "No MPM loaded.";
    static const char *const many = "More than one MPM loaded.";

    if (!_hooks.link_mpm || _hooks.link_mpm->nelts == 0) {
        return no_mpm;
    }
    if (_hooks.link_mpm->nelts > 1) {
        return many;
    }
    return NULL;
}

AP_DECLARE(const char *) ap_show_mpm(void)
{
    const char *name = ap_run_mpm_get_name();

    return name ? name : "";
}

/* Modules that need root at start-up (mod_unixd) count themselves here;
 * the MPM drops privileges in children only when someone asked. */
static int sys_privileges = 0;

AP_DECLARE(int) ap_sys_privileges_handlers(int inc)
{
    sys_privileges += inc;
    return sys_privileges;
}

/* Generation bookkeeping for end_generation: the MPM registers this as a
 * cleanup of pconf, so the hook runs when a generation's pool goes. */
apr_status_t ap_mpm_end_gen_helper(void *unused)
{
    int gen = 0;

    if (ap_mpm_query(AP_MPMQ_GENERATION, &gen) == APR_SUCCESS) {
        ap_run_end_generation(ap_server_conf, gen);
    }
    return APR_SUCCESS;
}

void mpm_common_pre_config(apr_pool_t *pconf)
{
    ap_pid_fname = DEFAULT_PIDLOG;
    ap_max_requests_per_child = 0;
    ap_max_mem_free = APR_ALLOCATOR_MAX_FREE_UNLIMITED;
    ap_thread_stacksize = 0;
    ap_graceful_shutdown_timeout = 0;
    ap_coredumpdir_configured = 0;
    apr_cpystrn(ap_coredump_dir, ap_server_root ? ap_server_root : "",
                sizeof(ap_coredump_dir));
}

void ap_sock_disable_nagle(apr_socket_t *s)
{
    apr_status_t rv = apr_socket_opt_set(s, APR_TCP_NODELAY, 1);

    /* Some transports (unix sockets) have no Nagle at all. */
    if (rv != APR_SUCCESS && !APR_STATUS_IS_ENOTIMPL(rv)) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, rv, ap_server_conf,
                     APLOGNO(00542)
                     "apr_socket_opt_set: (TCP_NODELAY)");
    }
}
