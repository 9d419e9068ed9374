/*
 * simple_children.c: the parent's view of its children: forking one into
 * a scoreboard slot, keeping SimpleProcCount of the current generation
 * alive (a crashed child is replaced at the next pass), and accounting
 * for the ones that exit.
 */
#include <stdlib.h>

#include "apr_thread_proc.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"

#include "simple_private.h"

APLOG_USE_MODULE(mpm_simple);

void ap__simple_slot_gone(int slot, pid_t pid, ap_generation_t gen)
{
    process_score *ps = slot >= 0 ? ap_get_scoreboard_process(slot) : NULL;
    int i;

    if (!ps) {
        return;
    }
    ap_run_child_status(ap_server_conf, pid, ps->generation, slot,
                        MPM_CHILD_EXITED);
    ps->pid = 0;
    ps->quiescing = 0;
    ps->not_accepting = 0;
    ps->connections = 0;
    for (i = 0; i < ap__simple_retained->thread_limit; i++) {
        ap_update_child_status_from_indexes(slot, i, SERVER_DEAD, NULL);
    }
}

int ap__simple_make_child(apr_pool_t *pconf, int slot)
{
    ap_unixd_mpm_retained_data *mpm = ap__simple_retained->mpm;
    process_score *ps = ap_get_scoreboard_process(slot);
    apr_proc_t proc;
    apr_status_t rv;

    if (!ps) {
        return -1;
    }
    if (slot + 1 > ap__simple_retained->max_daemons_limit) {
        ap__simple_retained->max_daemons_limit = slot + 1;
    }
    rv = apr_proc_fork(&proc, pconf);
    if (rv == APR_INCHILD) {
        /* No atexit handlers or pool cleanups of the parent's here: the
         * pid file and the shared memory are the parent's. */
        _Exit(ap__simple_child_main(pconf, slot));
    }
    if (rv != APR_INPARENT) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, ap_server_conf,
                     APLOGNO(10209) "simple: unable to fork a child for "
                     "slot %d", slot);
        /* Do not turn a fork failure into a fork storm. */
        apr_sleep(apr_time_from_sec(1));
        return -1;
    }
    ps->pid = proc.pid;
    ps->generation = mpm->my_generation;
    ps->quiescing = 0;
    ps->not_accepting = 0;
    ap_run_child_status(ap_server_conf, proc.pid, mpm->my_generation, slot,
                        MPM_CHILD_STARTED);
    return 0;
}

static int current_children(void)
{
    ap_generation_t gen = ap__simple_retained->mpm->my_generation;
    int i, n = 0;

    for (i = 0; i < ap__simple_retained->server_limit; i++) {
        process_score *ps = ap_get_scoreboard_process(i);
        if (ps && ps->pid > 0 && ps->generation == gen && !ps->quiescing) {
            n++;
        }
    }
    return n;
}

int ap__simple_live_children(void)
{
    int i, n = 0;

    for (i = 0; i < ap__simple_retained->max_daemons_limit; i++) {
        process_score *ps = ap_get_scoreboard_process(i);
        if (ps && ps->pid > 0) {
            n++;
        }
    }
    return n;
}

void ap__simple_fill_children(apr_pool_t *pconf)
{
    static int reported = 0;
    int missing = ap__simple_conf.procs - current_children();
    int slot = 0;

    while (missing > 0) {
        process_score *ps;

        for (; slot < ap__simple_retained->server_limit; slot++) {
            ps = ap_get_scoreboard_process(slot);
            if (ps && ps->pid == 0) {
                break;
            }
        }
        if (slot >= ap__simple_retained->server_limit) {
            if (!reported) {
                ap_log_error(APLOG_MARK, APLOG_ERR, 0, ap_server_conf,
                             APLOGNO(10210) "simple: scoreboard is full; "
                             "waiting for old children to exit");
                reported = 1;
            }
            return;
        }
        if (ap__simple_make_child(pconf, slot) < 0) {
            return;
        }
        missing--;
        slot++;
    }
    reported = 0;
}

void ap__simple_reap(apr_proc_t *pid, apr_exit_why_e why, int status)
{
    ap_unixd_mpm_retained_data *mpm = ap__simple_retained->mpm;
    ap_generation_t old_gen;
    int slot;

    if (ap_process_child_status(pid, why, status) == APEXIT_CHILDFATAL) {
        /* A child that cannot run (e.g. no such User) never will. */
        mpm->shutdown_pending = 1;
        mpm->is_ungraceful = 1;
    }
    slot = ap_find_child_by_pid(pid);
    if (slot >= 0) {
        ap__simple_slot_gone(slot, pid->pid, 0);
    }
    else {
        ap_unregister_extra_mpm_process(pid->pid, &old_gen);
    }
}
