/*
 * simple_run.c: the mpm hook, run by the parent once per generation. It
 * writes the pid file, prepares the scoreboard, starts the children and
 * supervises them until a signal: SIGTERM stops everything now, SIGWINCH
 * lets the children finish (GracefulShutdownTimeout at most), SIGHUP and
 * SIGUSR1 return OK so that main re-reads the configuration and calls us
 * again; after SIGUSR1 the old children finish their connections while
 * the new generation already serves.
 */
#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"

#include "simple_private.h"

APLOG_USE_MODULE(mpm_simple);

static apr_pool_t *pconf;

static void note_gone(int slot, pid_t pid, ap_generation_t gen)
{
    ap__simple_slot_gone(slot, pid, gen);
}

static void supervise(void)
{
    ap_unixd_mpm_retained_data *mpm = ap__simple_retained->mpm;

    ap__simple_fill_children(pconf);
    while (!mpm->restart_pending && !mpm->shutdown_pending) {
        apr_exit_why_e why;
        int status;
        apr_proc_t pid;

        ap_wait_or_timeout(&why, &status, &pid, pconf, ap_server_conf);
        if (pid.pid != -1) {
            ap__simple_reap(&pid, why, status);
        }
        if (!mpm->restart_pending && !mpm->shutdown_pending) {
            ap__simple_fill_children(pconf);    /* replaces dead ones */
        }
    }
}

static int stop_now(void)
{
    ap_mpm_podx_killpg(ap__simple_pod, ap__simple_retained->max_daemons_limit,
                       AP_MPM_PODX_RESTART);
    ap_reclaim_child_processes(1, note_gone);
    ap_remove_pid(pconf, ap_pid_fname);
    ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf, APLOGNO(10211)
                 "caught SIGTERM, shutting down");
    return DONE;
}

static int stop_gracefully(void)
{
    ap_unixd_mpm_retained_data *mpm = ap__simple_retained->mpm;
    apr_time_t cutoff = 0;

    ap_close_listeners();
    ap_mpm_podx_killpg(ap__simple_pod, ap__simple_retained->max_daemons_limit,
                       AP_MPM_PODX_GRACEFUL);
    ap_relieve_child_processes(note_gone);
    ap_remove_pid(pconf, ap_pid_fname);
    ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf, APLOGNO(10212)
                 "caught " AP_SIG_GRACEFUL_STOP_STRING
                 ", shutting down gracefully");
    if (ap_graceful_shutdown_timeout) {
        cutoff = apr_time_now()
                 + apr_time_from_sec(ap_graceful_shutdown_timeout);
    }
    mpm->shutdown_pending = 0;
    while (ap__simple_live_children() > 0 && !mpm->shutdown_pending
           && (!cutoff || apr_time_now() < cutoff)) {
        apr_sleep(apr_time_from_msec(100));
        ap_relieve_child_processes(note_gone);
    }
    /* Time is up, or a second signal came: the rest go now. */
    ap_reclaim_child_processes(1, note_gone);
    return DONE;
}

static int restart(void)
{
    ap_unixd_mpm_retained_data *mpm = ap__simple_retained->mpm;

    ++mpm->my_generation;
    ap_scoreboard_image->global->running_generation = mpm->my_generation;
    if (!mpm->is_ungraceful) {
        ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf,
                     APLOGNO(10213) AP_SIG_GRACEFUL_STRING " received.  "
                     "Doing graceful restart");
        /* The old children finish their connections and exit; they are
         * reaped by the next generation's supervise(). */
        ap_mpm_podx_killpg(ap__simple_pod,
                           ap__simple_retained->max_daemons_limit,
                           AP_MPM_PODX_GRACEFUL);
        mpm->was_graceful = 1;
        return OK;
    }
    ap_mpm_podx_killpg(ap__simple_pod, ap__simple_retained->max_daemons_limit,
                       AP_MPM_PODX_RESTART);
    ap_reclaim_child_processes(1, note_gone);
    ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf, APLOGNO(10214)
                 "SIGHUP received.  Attempting to restart");
    mpm->was_graceful = 0;
    return OK;
}

static int one_process_run(void)
{
    ap_unixd_mpm_retained_data *mpm = ap__simple_retained->mpm;

    ap__simple_child_main(pconf, 0);
    mpm->mpm_state = AP_MPMQ_STOPPING;
    if (mpm->restart_pending && !mpm->shutdown_pending) {
        ++mpm->my_generation;
        ap_scoreboard_image->global->running_generation = mpm->my_generation;
        mpm->was_graceful = !mpm->is_ungraceful;
        return OK;
    }
    ap_remove_pid(pconf, ap_pid_fname);
    return DONE;
}

static int prepare_scoreboard(server_rec *s)
{
    ap_unixd_mpm_retained_data *mpm = ap__simple_retained->mpm;

    if (!mpm->was_graceful || !ap_scoreboard_image) {
        if (ap_run_pre_mpm(s->process->pool, SB_SHARED) != OK) {
            return !OK;
        }
        if (!ap_scoreboard_image
            && ap_create_scoreboard(s->process->pool, SB_SHARED) != OK) {
            return !OK;
        }
        ap__simple_retained->max_daemons_limit = 0;
    }
    ap_scoreboard_image->global->running_generation = mpm->my_generation;
    return OK;
}

int ap__simple_run(apr_pool_t *p, apr_pool_t *plog, server_rec *s)
{
    ap_unixd_mpm_retained_data *mpm = ap__simple_retained->mpm;

    pconf = p;
    if (prepare_scoreboard(s) != OK) {
        mpm->mpm_state = AP_MPMQ_STOPPING;
        return !OK;
    }
    mpm->restart_pending = mpm->shutdown_pending = 0;
    mpm->is_ungraceful = 0;
    /* Children inherit this: it must say RUNNING before a fork. */
    mpm->mpm_state = AP_MPMQ_RUNNING;
    ap_unixd_mpm_set_signals(pconf, ap__simple_conf.one_process);
    /* The pid file last: whoever reads it (apachectl, -k, a test) may
     * signal us at once, and the handlers must be in place by then. */
    ap_log_pid(pconf, ap_pid_fname);
    ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, s, APLOGNO(10215)
                 "%s configured -- resuming normal operations",
                 ap_get_server_description());
    ap_log_error(APLOG_MARK, APLOG_INFO, 0, s, APLOGNO(10216)
                 "Server built: %s", ap_get_server_built());
    ap_log_command_line(plog, s);
    if (ap__simple_conf.one_process) {
        return one_process_run();
    }
    supervise();
    mpm->mpm_state = AP_MPMQ_STOPPING;
    if (mpm->shutdown_pending) {
        return mpm->is_ungraceful ? stop_now() : stop_gracefully();
    }
    return restart();
}
