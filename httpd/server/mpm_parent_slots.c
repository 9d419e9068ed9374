/*
 * mpm_parent_slots.c: the parent's table of children, which is the
 * scoreboard's process slots: a look at who is alive and idle, forking a
 * child into a free slot, and clearing the slot of one that exited.
 */
#include <stdlib.h>

#include "apr_signal.h"
#include "apr_thread_proc.h"
#include "apr_time.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"
#include "mpm_common.h"
#include "scoreboard.h"
#include "unixd.h"
#include "mpm_parent_private.h"

/* Highest slot used + 1. In the executable, not in the MPM module: it
 * must survive the module's unloading at a restart, since after a
 * graceful one the old children still sit in their slots. */
static int max_daemons;

AP_DECLARE(int) ap__mpm_parent_max_daemons(void)
{
    return max_daemons;
}

AP_DECLARE(void) ap__mpm_parent_set_max_daemons(int n)
{
    max_daemons = n;
}

AP_DECLARE(int) ap__mpm_parent_live(void)
{
    int i, n = 0;

    for (i = 0; i < max_daemons; i++) {
        process_score *ps = ap_get_scoreboard_process(i);
        if (ps && ps->pid > 0) {
            n++;
        }
    }
    return n;
}

/* Workers of slot @a i that are idle; dead or starting ones of a live
 * child count too: they will be ready in a moment, and forking more
 * because a child has not finished starting would only make it worse. */
static int idle_workers(const ap__mpm_parent_t *pp, int i)
{
    int j, idle = 0;

    for (j = 0; j < pp->conf.threads_per_child; j++) {
        worker_score *ws = ap_get_scoreboard_worker_from_indexes(i, j);
        if (ws && ws->status <= SERVER_READY) {
            idle++;
        }
    }
    return idle;
}

AP_DECLARE(void) ap__mpm_parent_census(const ap__mpm_parent_t *pp,
                                       ap__mpm_census_t *cs)
{
    ap_generation_t gen = ap_unixd_mpm_get_retained_data()->my_generation;
    int i;

    cs->idle = cs->active = cs->used_slots = cs->n_free = 0;
    for (i = 0; i < pp->conf.slot_limit; i++) {
        process_score *ps = ap_get_scoreboard_process(i);

        if (!ps) {
            break;
        }
        if (ps->pid == 0) {
            if (cs->n_free < AP__MPM_MAX_SPAWN_RATE) {
                cs->free[cs->n_free++] = i;
            }
            continue;
        }
        cs->used_slots = i + 1;
        if (ps->quiescing || ps->generation != gen) {
            continue;   /* an old child on its way out */
        }
        cs->active++;
        cs->idle += idle_workers(pp, i);
    }
}

/* The stop signals the parent sends a prefork child stay blocked across
 * the fork until the child has its own handlers: one arriving earlier
 * would run the parent's handler in the child and be lost. */
static void block_stop_signals(int block)
{
    static const int sigs[] = { SIGTERM, SIGHUP, AP_SIG_GRACEFUL,
                                AP_SIG_GRACEFUL_STOP };
    apr_size_t i;

    for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        if (block) {
            apr_signal_block(sigs[i]);
        }
        else {
            apr_signal_unblock(sigs[i]);
        }
    }
}

static apr_status_t fork_child(ap__mpm_parent_t *pp, int slot,
                               apr_proc_t *proc, apr_pool_t *pconf)
{
    apr_status_t rv;

    if (pp->prefork_fork) {
        /* STARTING before the fork: the next maintenance pass must count
         * the child as (nearly) idle, not its slot as free. */
        ap_update_child_status_from_indexes(slot, 0, SERVER_STARTING, NULL);
        block_stop_signals(1);
    }
    rv = apr_proc_fork(proc, pconf);
    if (rv == APR_INCHILD) {
        /* No atexit handlers or parent-pool cleanups in a child: they
         * belong to the parent (pid file, shared memory, lock files). */
        _Exit(pp->child_main(pconf, slot));
    }
    if (pp->prefork_fork) {
        block_stop_signals(0);
        if (rv != APR_INPARENT) {
            ap_update_child_status_from_indexes(slot, 0, SERVER_DEAD, NULL);
        }
    }
    return rv;
}

AP_DECLARE(int) ap__mpm_parent_make_child(ap__mpm_parent_t *pp, int slot)
{
    ap_generation_t gen = ap_unixd_mpm_get_retained_data()->my_generation;
    process_score *ps = ap_get_scoreboard_process(slot);
    apr_proc_t proc;
    apr_status_t rv;

    if (!ps) {
        return -1;
    }
    if (slot + 1 > max_daemons) {
        max_daemons = slot + 1;
    }
    rv = fork_child(pp, slot, &proc, pp->pconf);
    if (rv != APR_INPARENT) {
        ap_log_error(AP__MPMP_MARK(pp), APLOG_ERR, rv, ap_server_conf,
                     "%sfork: Unable to fork new process (slot %d)",
                     AP__MPMP_TAG(pp, AP__MPMP_FORK_FAILED), slot);
        /* Do not turn a fork failure into a fork storm. */
        apr_sleep(apr_time_from_sec(pp->fork_pause));
        return -1;
    }
    ps->pid = proc.pid;
    ps->generation = gen;
    ps->quiescing = 0;
    ps->not_accepting = 0;
    ap_run_child_status(ap_server_conf, proc.pid, gen, slot,
                        MPM_CHILD_STARTED);
    return 0;
}

AP_DECLARE(int) ap__mpm_parent_start(ap__mpm_parent_t *pp, int n)
{
    int slot, started = 0;

    for (slot = 0; started < n && slot < pp->conf.slot_limit; slot++) {
        process_score *ps = ap_get_scoreboard_process(slot);

        if (!ps) {
            break;
        }
        if (ps->pid != 0) {
            continue;
        }
        if (ap__mpm_parent_make_child(pp, slot) < 0) {
            break;
        }
        started++;
    }
    return started;
}

AP_DECLARE(void) ap__mpm_parent_slot_gone(int slot, pid_t pid,
                                          ap_generation_t gen)
{
    process_score *ps = ap_get_scoreboard_process(slot);
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
    /* Every thread the scoreboard has room for, not only this
     * generation's ThreadsPerChild. */
    for (i = 0; ap_get_scoreboard_worker_from_indexes(slot, i); i++) {
        ap_update_child_status_from_indexes(slot, i, SERVER_DEAD, NULL);
    }
}
