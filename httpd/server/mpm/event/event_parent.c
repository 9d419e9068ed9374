/*
 * event_parent.c: the parent process. It starts the children, replaces
 * those that die, keeps the number of idle threads between
 * MinSpareThreads and MaxSpareThreads, and turns signals into stop,
 * restart and graceful restart. It never serves a connection.
 */
#include <stdlib.h>

#include "apr_signal.h"
#include "apr_thread_proc.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"

#include "event_private.h"

APLOG_USE_MODULE(mpm_event);

#define MAX_SPAWN_RATE 32

static apr_pool_t *pconf;
static int child_fatal;

static void slot_gone(int slot, pid_t pid)
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
    for (i = 0; i < ap__event_conf.thread_limit; i++) {
        ap_update_child_status_from_indexes(slot, i, SERVER_DEAD, NULL);
    }
}

static void note_child_killed(int slot, pid_t pid, ap_generation_t gen)
{
    if (slot >= 0) {
        slot_gone(slot, pid);
    }
}

static int make_child(int slot)
{
    ap_unixd_mpm_retained_data *mpm = ap__event_retained->mpm;
    process_score *ps = ap_get_scoreboard_process(slot);
    apr_proc_t proc;
    apr_status_t rv;

    if (!ps) {
        return -1;
    }
    if (slot + 1 > ap__event_retained->max_daemons_limit) {
        ap__event_retained->max_daemons_limit = slot + 1;
    }
    rv = apr_proc_fork(&proc, pconf);
    if (rv == APR_INCHILD) {
        int code = ap__event_child_main(pconf, slot);
        /* No atexit handlers or parent-pool cleanups in a child: they
         * belong to the parent (pid file, shared memory files). */
        _Exit(code);
    }
    if (rv != APR_INPARENT) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, ap_server_conf, APLOGNO(00481)
                     "fork: Unable to fork new process");
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

static int free_slot_after(int from)
{
    int i;

    for (i = from; i < ap__event_conf.server_limit; i++) {
        process_score *ps = ap_get_scoreboard_process(i);
        if (ps && ps->pid == 0) {
            return i;
        }
    }
    return -1;
}

static void startup_children(int number)
{
    int slot = 0;

    while (number > 0 && (slot = free_slot_after(slot)) >= 0) {
        if (make_child(slot) < 0) {
            break;
        }
        number--;
        slot++;
    }
}

/* Idle threads of this generation's live children, and how many. */
static int count_idle(int *active, int *last_used)
{
    ap_generation_t gen = ap__event_retained->mpm->my_generation;
    int i, j, idle = 0;

    *active = 0;
    *last_used = -1;
    for (i = 0; i < ap__event_conf.server_limit; i++) {
        process_score *ps = ap_get_scoreboard_process(i);

        if (!ps || ps->pid == 0) {
            continue;
        }
        *last_used = i;
        if (ps->quiescing || ps->generation != gen) {
            continue;
        }
        (*active)++;
        for (j = 0; j < ap__event_conf.threads_per_child; j++) {
            worker_score *ws = ap_get_scoreboard_worker_from_indexes(i, j);
            /* Dead or starting threads of a live child count as idle:
             * they will be ready in a moment. */
            if (ws && ws->status <= SERVER_READY) {
                idle++;
            }
        }
    }
    return idle;
}

static void spawn_more(int active)
{
    static int reported = 0;
    ap__event_retained_t *r = ap__event_retained;
    int n = r->spawn_rate;
    int slot = 0;

    while (n > 0 && active < ap__event_conf.active_daemons_limit) {
        slot = free_slot_after(slot);
        if (slot < 0) {
            if (!reported) {
                ap_log_error(APLOG_MARK, APLOG_ERR, 0, ap_server_conf,
                             APLOGNO(00485) "scoreboard is full, not at "
                             "MaxRequestWorkers");
                reported = 1;
            }
            return;
        }
        if (make_child(slot) < 0) {
            return;
        }
        active++;
        n--;
        slot++;
    }
    if (r->spawn_rate >= 8) {
        ap_log_error(APLOG_MARK, APLOG_INFO, 0, ap_server_conf, APLOGNO(00486)
                     "server seems busy, (you may need to increase "
                     "StartServers, ThreadsPerChild or Min/MaxSpareThreads)");
    }
    if (r->spawn_rate < MAX_SPAWN_RATE) {
        r->spawn_rate *= 2;
    }
}

static void idle_maintenance(void)
{
    ap__event_retained_t *r = ap__event_retained;
    int active, last_used;
    int idle = count_idle(&active, &last_used);

    if (last_used + 1 > r->max_daemons_limit) {
        r->max_daemons_limit = last_used + 1;
    }
    if (idle > ap__event_conf.max_spare_threads && active > 1) {
        /* One child at a time leaves gracefully. */
        ap_mpm_podx_signal(ap__event_pod, AP_MPM_PODX_GRACEFUL);
        r->spawn_rate = 1;
    }
    else if (active == 0 || (idle < ap__event_conf.min_spare_threads
             && active < ap__event_conf.active_daemons_limit)) {
        spawn_more(active);
    }
    else {
        r->spawn_rate = 1;
    }
}

static void reap_one(apr_proc_t *pid, apr_exit_why_e why, int status)
{
    ap_generation_t old_gen;
    int slot;

    if (ap_process_child_status(pid, why, status) == APEXIT_CHILDFATAL) {
        ap__event_retained->mpm->shutdown_pending = 1;
        ap__event_retained->mpm->is_ungraceful = 1;
        child_fatal = 1;
    }
    slot = ap_find_child_by_pid(pid);
    if (slot >= 0) {
        slot_gone(slot, pid->pid);
    }
    else {
        ap_unregister_extra_mpm_process(pid->pid, &old_gen);
    }
}

static void server_main_loop(void)
{
    ap_unixd_mpm_retained_data *mpm = ap__event_retained->mpm;

    while (!mpm->restart_pending && !mpm->shutdown_pending) {
        apr_exit_why_e why;
        int status;
        apr_proc_t pid;

        ap_wait_or_timeout(&why, &status, &pid, pconf, ap_server_conf);
        if (pid.pid != -1) {
            reap_one(&pid, why, status);
            continue;
        }
        idle_maintenance();
    }
}

static int live_children(void)
{
    int i, n = 0;

    for (i = 0; i < ap__event_retained->max_daemons_limit; i++) {
        process_score *ps = ap_get_scoreboard_process(i);
        if (ps && ps->pid > 0) {
            n++;
        }
    }
    return n;
}

static int stop_now(void)
{
    ap_mpm_podx_killpg(ap__event_pod, ap__event_retained->max_daemons_limit,
                       AP_MPM_PODX_RESTART);
    ap_reclaim_child_processes(1, note_child_killed);
    if (!child_fatal) {
        ap_remove_pid(pconf, ap_pid_fname);
        ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf,
                     APLOGNO(00491) "caught SIGTERM, shutting down");
    }
    return DONE;
}

static int stop_gracefully(void)
{
    ap_unixd_mpm_retained_data *mpm = ap__event_retained->mpm;
    apr_time_t cutoff = 0;

    /* Refuse new connections at once; children finish theirs. */
    ap_close_listeners();
    ap_mpm_podx_killpg(ap__event_pod, ap__event_retained->max_daemons_limit,
                       AP_MPM_PODX_GRACEFUL);
    ap_relieve_child_processes(note_child_killed);
    ap_remove_pid(pconf, ap_pid_fname);
    ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf, APLOGNO(00492)
                 "caught " AP_SIG_GRACEFUL_STOP_STRING
                 ", shutting down gracefully");
    if (ap_graceful_shutdown_timeout) {
        cutoff = apr_time_now()
                 + apr_time_from_sec(ap_graceful_shutdown_timeout);
    }
    mpm->shutdown_pending = 0;
    while (live_children() > 0 && !mpm->shutdown_pending
           && (!cutoff || apr_time_now() < cutoff)) {
        apr_sleep(apr_time_from_msec(100));
        ap_relieve_child_processes(note_child_killed);
    }
    /* Time is up, or a second signal came: the rest go now. */
    ap_reclaim_child_processes(1, note_child_killed);
    return DONE;
}

static int restart(void)
{
    ap_unixd_mpm_retained_data *mpm = ap__event_retained->mpm;

    ++mpm->my_generation;
    ap_scoreboard_image->global->running_generation = mpm->my_generation;
    if (!mpm->is_ungraceful) {
        ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf,
                     APLOGNO(00493) AP_SIG_GRACEFUL_STRING " received.  "
                     "Doing graceful restart");
        ap_mpm_podx_killpg(ap__event_pod,
                           ap__event_retained->max_daemons_limit,
                           AP_MPM_PODX_GRACEFUL);
        mpm->was_graceful = 1;
        return OK;
    }
    ap_mpm_podx_killpg(ap__event_pod, ap__event_retained->max_daemons_limit,
                       AP_MPM_PODX_RESTART);
    ap_reclaim_child_processes(1, note_child_killed);
    ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf, APLOGNO(00494)
                 "SIGHUP received.  Attempting to restart");
    mpm->was_graceful = 0;
    return OK;
}

static int one_process_run(void)
{
    ap_unixd_mpm_retained_data *mpm = ap__event_retained->mpm;

    ap__event_child_main(pconf, 0);
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
    ap_unixd_mpm_retained_data *mpm = ap__event_retained->mpm;

    if (!mpm->was_graceful || !ap_scoreboard_image) {
        if (ap_run_pre_mpm(s->process->pool, SB_SHARED) != OK) {
            return !OK;
        }
        if (!ap_scoreboard_image
            && ap_create_scoreboard(s->process->pool, SB_SHARED) != OK) {
            return !OK;
        }
        ap__event_retained->max_daemons_limit = 0;
    }
    ap_scoreboard_image->global->running_generation = mpm->my_generation;
    return OK;
}

int ap__event_run(apr_pool_t *p, apr_pool_t *plog, server_rec *s)
{
    ap_unixd_mpm_retained_data *mpm = ap__event_retained->mpm;

    pconf = p;
    child_fatal = 0;
    if (prepare_scoreboard(s) != OK) {
        mpm->mpm_state = AP_MPMQ_STOPPING;
        return !OK;
    }
    mpm->restart_pending = mpm->shutdown_pending = 0;
    mpm->is_ungraceful = 0;
    /* Children inherit this state: it must say RUNNING before a fork. */
    mpm->mpm_state = AP_MPMQ_RUNNING;
    ap_unixd_mpm_set_signals(pconf, ap__event_conf.one_process);
    /* The pid file last: whoever reads it (apachectl, -k, a test) may
     * signal us at once, and the handlers must be in place by then. */
    ap_log_pid(pconf, ap_pid_fname);
    ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, s, APLOGNO(00489)
                 "%s configured -- resuming normal operations",
                 ap_get_server_description());
    ap_log_error(APLOG_MARK, APLOG_INFO, 0, s, APLOGNO(00490)
                 "Server built: %s", ap_get_server_built());
    ap_log_command_line(plog, s);
    if (ap__event_conf.one_process) {
        return one_process_run();
    }
    ap__event_retained->spawn_rate = 1;
    {
        /* After a graceful restart the old generation is still around,
         * quiescing: only this generation's children count. */
        int active, last_used;
        count_idle(&active, &last_used);
        startup_children(ap__event_conf.start_servers - active);
    }
    server_main_loop();
    mpm->mpm_state = AP_MPMQ_STOPPING;
    if (mpm->shutdown_pending) {
        return mpm->is_ungraceful ? stop_now() : stop_gracefully();
    }
    return restart();
}
