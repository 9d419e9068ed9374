/*
 * mpm_common_proc.c: the parent's dealings with its child processes:
 * waiting for them, judging how they ended, reclaiming them at shutdown.
 */
#include <string.h>

#include "apr_thread_proc.h"
#include "apr_signal.h"
#include "apr_time.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"
#include "mpm_common.h"
#include "scoreboard.h"
#include "mpm_private.h"

APLOG_USE_MODULE(core);

/* Processes an MPM started besides its scoreboard children (e.g. one
 * lingering from an older generation); few, so a small fixed table. */
#define MAX_EXTRA 64
static struct {
    pid_t pid;
    ap_generation_t gen;
} extras[MAX_EXTRA];

AP_DECLARE(void) ap_register_extra_mpm_process(pid_t pid, ap_generation_t gen)
{
    int i;

    for (i = 0; i < MAX_EXTRA; i++) {
        if (extras[i].pid == 0) {
            extras[i].pid = pid;
            extras[i].gen = gen;
            return;
        }
    }
}

AP_DECLARE(int) ap_unregister_extra_mpm_process(pid_t pid,
                                                ap_generation_t *old_gen)
{
    int i;

    for (i = 0; i < MAX_EXTRA; i++) {
        if (pid > 0 && extras[i].pid == pid) {
            *old_gen = extras[i].gen;
            extras[i].pid = 0;
            return 1;
        }
    }
    return 0;
}

AP_DECLARE(apr_status_t) ap_mpm_safe_kill(pid_t pid, int sig)
{
    apr_proc_t proc;

    /* Never signal "every process" or a process group by accident, e.g.
     * because of a zeroed scoreboard slot. */
    if (pid <= 0) {
        return APR_EINVAL;
    }
    proc.pid = pid;
    return apr_proc_kill(&proc, sig);
}

AP_DECLARE(int) ap_process_child_status(apr_proc_t *pid, apr_exit_why_e why,
                                        int status)
{
    int signum = status;
    const char *sigdesc;

    if (APR_PROC_CHECK_EXIT(why) && status == APEXIT_CHILDFATAL) {
        ap_log_error(APLOG_MARK, APLOG_ALERT, 0, ap_server_conf, APLOGNO(00546)
                     "Child %" APR_PID_T_FMT " returned a Fatal error... "
                     "Apache is exiting!", pid->pid);
        return APEXIT_CHILDFATAL;
    }
    if (!APR_PROC_CHECK_SIGNALED(why)) {
        return 0;
    }
    if (signum == SIGTERM || signum == SIGHUP || signum == AP_SIG_GRACEFUL
        || signum == SIGKILL) {
        return 0;   /* we sent those */
    }
    sigdesc = apr_signal_description_get(signum);
    if (APR_PROC_CHECK_CORE_DUMP(why)) {
        ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf,
                     APLOGNO(00547) "child pid %" APR_PID_T_FMT
                     " exit signal %s (%d), possible coredump in %s",
                     pid->pid, sigdesc, signum, ap_coredump_dir);
    }
    else {
        ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf,
                     APLOGNO(00548) "child pid %" APR_PID_T_FMT
                     " exit signal %s (%d)", pid->pid, sigdesc, signum);
    }
    return 0;
}

AP_DECLARE(void) ap_wait_or_timeout(apr_exit_why_e *status, int *exitcode,
                                    apr_proc_t *ret, apr_pool_t *p,
                                    server_rec *s)
{
    static int monitor_count = 0;
    apr_status_t rv;

    /* The monitor hook runs about every 10 seconds. */
    if (++monitor_count >= 10) {
        monitor_count = 0;
        ap_run_monitor(p, s);
    }
    rv = apr_proc_wait_all_procs(ret, exitcode, status, APR_NOWAIT, p);
    ap_update_global_status();      /* the parent's CPU times, for status */
    if (APR_STATUS_IS_CHILD_DONE(rv)) {
        return;
    }
    if (!APR_STATUS_IS_EINTR(rv)) {
        /* A signal (restart, stop) ends this nap early. */
        apr_sleep(apr_time_from_sec(1));
    }
    ret->pid = -1;
}

/* Reap one scoreboard slot if its child is gone; 1 when it was. */
static int reap_slot(int i, ap_reclaim_callback_fn_t *cb)
{
    process_score *ps = ap_get_scoreboard_process(i);
    apr_proc_t proc;
    apr_exit_why_e why;
    int status;
    apr_status_t rv;

    if (!ps || ps->pid <= 0) {
        return 1;
    }
    proc.pid = ps->pid;
    rv = apr_proc_wait(&proc, &status, &why, APR_NOWAIT);
    if (rv == APR_CHILD_DONE || (rv != APR_CHILD_NOTDONE
                                 && !APR_STATUS_IS_EINTR(rv))) {
        if (rv == APR_CHILD_DONE) {
            ap_process_child_status(&proc, why, status);
        }
        if (cb) {
            cb(i, proc.pid, ps->generation);
        }
        else {
            ps->pid = 0;
        }
        return 1;
    }
    return 0;
}

static int reap_extras(ap_reclaim_callback_fn_t *cb, int sig)
{
    int i, left = 0;

    for (i = 0; i < MAX_EXTRA; i++) {
        apr_proc_t proc;
        apr_exit_why_e why;
        int status;
        ap_generation_t gen;

        if (extras[i].pid <= 0) {
            continue;
        }
        proc.pid = extras[i].pid;
        if (apr_proc_wait(&proc, &status, &why, APR_NOWAIT)
            == APR_CHILD_NOTDONE) {
            if (sig) {
                apr_proc_kill(&proc, sig);
            }
            left++;
            continue;
        }
        ap_unregister_extra_mpm_process(proc.pid, &gen);
        if (cb) {
            cb(-1, proc.pid, gen);
        }
    }
    return left;
}

static int max_daemons(void)
{
    int n = 0;

    if (ap_mpm_query(AP_MPMQ_MAX_DAEMON_USED, &n) != APR_SUCCESS) {
        n = 0;
    }
    return n;
}

/* One pass: reap who has gone, signal who has not. */
static int reclaim_pass(int n, int sig, int last, ap_reclaim_callback_fn_t *cb)
{
    int i, left = 0;

    for (i = 0; i < n; i++) {
        process_score *ps = ap_get_scoreboard_process(i);

        if (reap_slot(i, cb)) {
            continue;
        }
        left++;
        if (last) {
            ap_log_error(APLOG_MARK, APLOG_ERR, 0, ap_server_conf,
                         APLOGNO(00553) "could not make child process %"
                         APR_PID_T_FMT " exit, attempting to continue "
                         "anyway", ps->pid);
        }
        else if (sig) {
            if (sig == SIGKILL) {
                ap_log_error(APLOG_MARK, APLOG_ERR, 0, ap_server_conf,
                             APLOGNO(00552) "child process %" APR_PID_T_FMT
                             " still did not exit, sending a SIGKILL",
                             ps->pid);
            }
            ap_mpm_safe_kill(ps->pid, sig);
        }
    }
    return left + reap_extras(cb, last ? 0 : sig);
}

AP_DECLARE(void) ap_reclaim_child_processes(int terminate,
                                            ap_reclaim_callback_fn_t *cb)
{
    apr_time_t start = apr_time_now();
    apr_interval_time_t nap = apr_time_from_msec(16);
    int n = max_daemons();
    int sig = terminate ? SIGTERM : 0;
    int killed = 0;

    /* SIGTERM at once (when asked), SIGKILL after 3 s, give up at 4 s:
     * stopping must free the ports within seconds whatever children do. */
    while (reclaim_pass(n, sig, 0, cb) > 0) {
        apr_interval_time_t waited = apr_time_now() - start;

        if (waited > apr_time_from_sec(4)) {
            reclaim_pass(n, 0, 1, cb);
            return;
        }
        sig = 0;
        if (!killed && waited > apr_time_from_sec(3)) {
            sig = SIGKILL;
            killed = 1;
        }
        apr_sleep(nap);
        if (nap < apr_time_from_msec(256)) {
            nap *= 2;
        }
    }
}

AP_DECLARE(void) ap_relieve_child_processes(ap_reclaim_callback_fn_t *cb)
{
    int i, n = max_daemons();

    for (i = 0; i < n; i++) {
        reap_slot(i, cb);
    }
    reap_extras(cb, 0);
}

AP_DECLARE(apr_status_t) ap_fatal_signal_setup(server_rec *s,
                                               apr_pool_t *in_pconf)
{
    ap__unixd_fatal_signals(ap_coredump_dir);
    return APR_SUCCESS;
}

AP_DECLARE(apr_status_t) ap_fatal_signal_child_setup(server_rec *s)
{
    ap__unixd_fatal_signals(ap_coredump_dir);
    return APR_SUCCESS;
}
