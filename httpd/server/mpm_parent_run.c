/*
 * mpm_parent_run.c: the mpm hook of every Unix MPM, run by the parent
 * once per generation. It installs the signal handlers, then writes the
 * pid file, starts the children and supervises them until a signal:
 * SIGTERM stops everything now; SIGWINCH (graceful stop) closes the
 * listeners and lets the children finish, GracefulShutdownTimeout at
 * most; SIGHUP and SIGUSR1 return OK so that main reads the
 * configuration again and calls us back, after SIGUSR1 with the old
 * children finishing their connections while the new ones serve. A child
 * that dies is logged (ap_process_child_status) and replaced by the
 * maintenance pass. With -X the one "child" runs in this process.
 */
#include "apr_signal.h"
#include "apr_thread_proc.h"
#include "apr_time.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"
#include "ap_listen.h"
#include "mpm_common.h"
#include "scoreboard.h"
#include "unixd.h"
#include "mpm_parent_private.h"

/* ---- telling the children -------------------------------------------- */

/* AP_SIG_GRACEFUL to every live child (prefork): a busy one stops keeping
 * its connection alive and leaves when it is done; an idle one waiting
 * for the accept mutex leaves as soon as it gets it. */
static void signal_graceful(void)
{
    int i;

    for (i = 0; i < ap__mpm_parent_max_daemons(); i++) {
        process_score *ps = ap_get_scoreboard_process(i);

        if (ps && ps->pid > 0) {
            ps->quiescing = 1;
            ap_mpm_safe_kill(ps->pid, AP_SIG_GRACEFUL);
        }
    }
}

/* Ask every child to leave: after its connections (graceful) or now. A
 * prefork child is told "now" by the SIGTERM of the reclaim that
 * follows. */
static void tell_children(ap__mpm_parent_t *pp, int graceful)
{
    int n = ap__mpm_parent_max_daemons();

    if (pp->podx) {
        ap_mpm_podx_killpg(*pp->podx, n, graceful ? AP_MPM_PODX_GRACEFUL
                                                  : AP_MPM_PODX_RESTART);
    }
    else if (graceful) {
        /* One byte per child: the idle ones leave at once, the busy ones
         * after their connection. */
        ap_mpm_pod_killpg(*pp->pod, n);
        signal_graceful();
    }
}

/* ---- the main loop ----------------------------------------------------- */

static void reap_one(ap__mpm_parent_t *pp, apr_proc_t *pid,
                     apr_exit_why_e why, int status)
{
    ap_unixd_mpm_retained_data *mpm = ap_unixd_mpm_get_retained_data();
    ap_generation_t old_gen;
    int slot;

    /* Logs a crash (signal, core dump) with the child's pid. */
    if (ap_process_child_status(pid, why, status) == APEXIT_CHILDFATAL) {
        /* A child that cannot run (e.g. no such User) never will. */
        mpm->shutdown_pending = 1;
        mpm->is_ungraceful = 1;
        pp->child_fatal = 1;
    }
    slot = ap_find_child_by_pid(pid);
    if (slot >= 0) {
        ap__mpm_parent_slot_gone(slot, pid->pid, 0);
    }
    else if (!ap_unregister_extra_mpm_process(pid->pid, &old_gen)
             && pp->tag[AP__MPMP_LOST_CHILD]) {
        ap_log_error(AP__MPMP_MARK(pp), APLOG_WARNING, 0, ap_server_conf,
                     "%slong lost child came home! (pid %" APR_PID_T_FMT
                     ")", pp->tag[AP__MPMP_LOST_CHILD], pid->pid);
    }
}

static int pending(const ap_unixd_mpm_retained_data *mpm)
{
    return mpm->restart_pending || mpm->shutdown_pending;
}

static void maintain(ap__mpm_parent_t *pp)
{
    if (pp->maintain) {
        pp->maintain(pp);
    }
    else {
        ap__mpm_parent_spare(pp);
    }
}

static void main_loop(ap__mpm_parent_t *pp)
{
    ap_unixd_mpm_retained_data *mpm = ap_unixd_mpm_get_retained_data();

    while (!pending(mpm)) {
        apr_exit_why_e why;
        int status;
        apr_proc_t pid;

        ap_wait_or_timeout(&why, &status, &pid, pp->pconf, ap_server_conf);
        if (pid.pid != -1) {
            reap_one(pp, &pid, why, status);
            if (!pp->reap_maintains) {
                continue;   /* reap everything that is ready first */
            }
        }
        if (!pending(mpm)) {
            maintain(pp);   /* also fills the slots of dead children */
        }
    }
}

/* The first children of a generation. After a graceful restart the old
 * generation is still leaving: only this generation's children count. */
static void first_children(ap__mpm_parent_t *pp)
{
    ap__mpm_census_t cs;
    int n = pp->conf.start < pp->conf.active_limit ? pp->conf.start
                                                   : pp->conf.active_limit;

    ap__mpm_parent_spare_reset(ap_unixd_mpm_get_retained_data()->was_graceful
                               ? pp->hold_off : 0);
    ap__mpm_parent_census(pp, &cs);
    ap__mpm_parent_start(pp, n - cs.active);
}

/* ---- how a generation ends ------------------------------------------- */

static int stop_now(ap__mpm_parent_t *pp)
{
    tell_children(pp, 0);
    ap_reclaim_child_processes(1, ap__mpm_parent_slot_gone);
    if (!pp->child_fatal) {
        ap_remove_pid(pp->pconf, ap_pid_fname);
        ap_log_error(AP__MPMP_MARK(pp), APLOG_NOTICE, 0, ap_server_conf,
                     "%scaught SIGTERM, shutting down",
                     AP__MPMP_TAG(pp, AP__MPMP_SIGTERM));
    }
    return DONE;
}

static int stop_gracefully(ap__mpm_parent_t *pp)
{
    ap_unixd_mpm_retained_data *mpm = ap_unixd_mpm_get_retained_data();
    apr_time_t cutoff = 0;

    /* Refuse new connections at once; children finish theirs. */
    ap_close_listeners();
    tell_children(pp, 1);
    ap_relieve_child_processes(ap__mpm_parent_slot_gone);
    ap_remove_pid(pp->pconf, ap_pid_fname);
    ap_log_error(AP__MPMP_MARK(pp), APLOG_NOTICE, 0, ap_server_conf,
                 "%scaught " AP_SIG_GRACEFUL_STOP_STRING ", shutting down "
                 "gracefully", AP__MPMP_TAG(pp, AP__MPMP_GRACEFUL_STOP));
    if (ap_graceful_shutdown_timeout) {
        cutoff = apr_time_now()
                 + apr_time_from_sec(ap_graceful_shutdown_timeout);
    }
    mpm->shutdown_pending = 0;
    while (ap__mpm_parent_live() > 0 && !mpm->shutdown_pending
           && (!cutoff || apr_time_now() < cutoff)) {
        apr_sleep(apr_time_from_msec(100));
        ap_relieve_child_processes(ap__mpm_parent_slot_gone);
    }
    /* Time is up, or a second signal came: the rest go now. */
    ap_reclaim_child_processes(1, ap__mpm_parent_slot_gone);
    return DONE;
}

static void next_generation(ap_unixd_mpm_retained_data *mpm)
{
    ++mpm->my_generation;
    ap_scoreboard_image->global->running_generation = mpm->my_generation;
}

static int restart(ap__mpm_parent_t *pp)
{
    ap_unixd_mpm_retained_data *mpm = ap_unixd_mpm_get_retained_data();

    next_generation(mpm);
    if (!mpm->is_ungraceful) {
        ap_log_error(AP__MPMP_MARK(pp), APLOG_NOTICE, 0, ap_server_conf,
                     "%s%s", AP__MPMP_TAG(pp, AP__MPMP_GRACEFUL),
                     pp->graceful_words ? pp->graceful_words
                     : AP_SIG_GRACEFUL_STRING " received.  Doing graceful "
                       "restart");
        /* The old children finish their connections while the next
         * generation starts; both share the scoreboard meanwhile. */
        tell_children(pp, 1);
        mpm->was_graceful = 1;
        return OK;
    }
    tell_children(pp, 0);
    ap_reclaim_child_processes(1, ap__mpm_parent_slot_gone);
    ap_log_error(AP__MPMP_MARK(pp), APLOG_NOTICE, 0, ap_server_conf,
                 "%sSIGHUP received.  Attempting to restart",
                 AP__MPMP_TAG(pp, AP__MPMP_RESTART));
    mpm->was_graceful = 0;
    return OK;
}

/* -X: the child runs here, and returns when a signal asks for a stop or
 * a restart. */
static int one_process_run(ap__mpm_parent_t *pp)
{
    ap_unixd_mpm_retained_data *mpm = ap_unixd_mpm_get_retained_data();

    ap__mpm_parent_set_max_daemons(1);
    pp->child_main(pp->pconf, 0);
    mpm->mpm_state = AP_MPMQ_STOPPING;
    if (mpm->restart_pending && !mpm->shutdown_pending) {
        next_generation(mpm);
        mpm->was_graceful = !mpm->is_ungraceful;
        return OK;
    }
    ap_remove_pid(pp->pconf, ap_pid_fname);
    return DONE;
}

/* ---- the hook ---------------------------------------------------------- */

/* A new scoreboard unless a graceful restart keeps the old one (with the
 * old generation's children in it). */
static int prepare_scoreboard(server_rec *s)
{
    ap_unixd_mpm_retained_data *mpm = ap_unixd_mpm_get_retained_data();

    if (!mpm->was_graceful || !ap_scoreboard_image) {
        if (ap_run_pre_mpm(s->process->pool, SB_SHARED) != OK) {
            return !OK;
        }
        if (!ap_scoreboard_image
            && ap_create_scoreboard(s->process->pool, SB_SHARED) != OK) {
            return !OK;
        }
        ap__mpm_parent_set_max_daemons(0);
    }
    ap_scoreboard_image->global->running_generation = mpm->my_generation;
    return OK;
}

static void announce(ap__mpm_parent_t *pp, apr_pool_t *plog, server_rec *s)
{
    ap_log_error(AP__MPMP_MARK(pp), APLOG_NOTICE, 0, s,
                 "%s%s configured -- resuming normal operations",
                 AP__MPMP_TAG(pp, AP__MPMP_CONFIGURED),
                 ap_get_server_description());
    ap_log_error(AP__MPMP_MARK(pp), APLOG_INFO, 0, s, "%sServer built: %s",
                 AP__MPMP_TAG(pp, AP__MPMP_BUILT), ap_get_server_built());
    ap_log_command_line(plog, s);
    ap_log_mpm_common(s);
}

AP_DECLARE(int) ap__mpm_parent_run(ap__mpm_parent_t *pp, apr_pool_t *pconf,
                                   apr_pool_t *plog, server_rec *s)
{
    ap_unixd_mpm_retained_data *mpm = ap_unixd_mpm_get_retained_data();

    pp->pconf = pconf;
    pp->child_fatal = 0;
    if (prepare_scoreboard(s) != OK) {
        mpm->mpm_state = AP_MPMQ_STOPPING;
        return !OK;
    }
    mpm->restart_pending = mpm->shutdown_pending = 0;
    mpm->is_ungraceful = 0;
    /* Children inherit this state: it must say RUNNING before a fork. */
    mpm->mpm_state = AP_MPMQ_RUNNING;
    ap_unixd_mpm_set_signals(pconf, pp->conf.one_process);
    /* The pid file last: whoever reads it (apachectl, -k, a test) may
     * signal us at once, and the handlers must be in place by then. */
    ap_log_pid(pconf, ap_pid_fname);
    announce(pp, plog, s);
    if (pp->conf.one_process) {
        return one_process_run(pp);
    }
    first_children(pp);
    main_loop(pp);
    mpm->mpm_state = AP_MPMQ_STOPPING;
    if (mpm->shutdown_pending) {
        return mpm->is_ungraceful ? stop_now(pp) : stop_gracefully(pp);
    }
    return restart(pp);
}
