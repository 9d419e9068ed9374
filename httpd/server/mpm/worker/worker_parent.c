/*
 * worker_parent.c: the parent process. It starts the children, replaces
 * those that die, keeps the number of idle threads between
 * MinSpareThreads and MaxSpareThreads, and turns signals into stop,
 * restart and graceful restart. It never serves a connection.
 */
#include <stdlib.h>

#include "apr_thread_proc.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"

#include "worker_private.h"

APLOG_USE_MODULE(mpm_worker);

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
    for (i = 0; i < ap__worker_conf.thread_limit; i++) {
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
    ap_unixd_mpm_retained_data *mpm = ap__worker_retained->mpm;
    process_score *ps = ap_get_scoreboard_process(slot);
    apr_proc_t proc;
    apr_status_t rv;

    if (!ps) {
        return -1;
    }
    if (slot + 1 > ap__worker_retained->max_daemons_limit) {
        ap__worker_retained->max_daemons_limit = slot + 1;
    }
    rv = apr_proc_fork(&proc, pconf);
    if (rv == APR_INCHILD) {
        int code = ap__worker_child_main(pconf, slot);
        /* No atexit handlers or parent-pool cleanups in a child: they
         * belong to the parent (pid file, shared memory, lock files). */
        _Exit(code);
    }
    if (rv != APR_INPARENT) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, ap_server_conf, APLOGNO(00283)
                     "fork: Unable to fork new process");
        /* Do not turn a fork failure into a fork storm. */
        apr_sleep(apr_time_from_sec(10));
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

static int free_slot_from(int from)
{
    int i;

    /* Up to ServerLimit: after a graceful restart, children of the old
     * generation may still hold the first slots. */
    for (i = from; i < ap__worker_conf.server_limit; i++) {
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

    while (number > 0 && (slot = free_slot_from(slot)) >= 0) {
        if (make_child(slot) < 0) {
            break;
        }
        number--;
        slot++;
    }
}

/* Idle threads of this generation's live, accepting children; *active
 * gets how many such children there are, *used_slots the slots in use. */
static int count_idle(int *active, int *used_slots)
{
    ap_generation_t gen = ap__worker_retained->mpm->my_generation;
    int i, j, idle = 0;

    *active = 0;
    *used_slots = 0;
    for (i = 0; i < ap__worker_conf.server_limit; i++) {
        process_score *ps = ap_get_scoreboard_process(i);

        if (!ps || ps->pid == 0) {
            continue;
        }
        if (i + 1 > *used_slots) {
            *used_slots = i + 1;
        }
        if (ps->quiescing || ps->generation != gen) {
            continue;
        }
        (*active)++;
        for (j = 0; j < ap__worker_conf.threads_per_child; j++) {
            worker_score *ws = ap_get_scoreboard_worker_from_indexes(i, j);
            /* Threads of a live child still starting count as idle: they
             * will be ready in a moment. */
            if (ws && (ws->status == SERVER_READY
                       || ws->status == SERVER_STARTING
                       || ws->status == SERVER_DEAD)) {
                idle++;
            }
        }
    }
    return idle;
}

static void report_full(int idle)
{
    ap__worker_retained_t *r = ap__worker_retained;

    if (idle <= 0 && !r->maxclients_reported) {
        ap_log_error(APLOG_MARK, APLOG_ERR, 0, ap_server_conf, APLOGNO(00286)
                     "server reached MaxRequestWorkers setting, consider "
                     "raising the MaxRequestWorkers setting");
        r->maxclients_reported = 1;
    }
    else if (idle > 0 && !r->near_maxclients_reported) {
        ap_log_error(APLOG_MARK, APLOG_ERR, 0, ap_server_conf, APLOGNO(00287)
                     "server is within MinSpareThreads of "
                     "MaxRequestWorkers, consider raising the "
                     "MaxRequestWorkers setting");
        r->near_maxclients_reported = 1;
    }
}

static void spawn_more(int active, int idle)
{
    ap__worker_retained_t *r = ap__worker_retained;
    int n = r->spawn_rate, spawned = 0;
    int slot = 0;

    if (active >= ap__worker_conf.active_daemons_limit) {
        report_full(idle);
        r->spawn_rate = 1;
        return;
    }
    while (n > 0 && active < ap__worker_conf.active_daemons_limit) {
        slot = free_slot_from(slot);
        if (slot < 0) {
            /* Old-generation children still hold the slots. */
            break;
        }
        if (make_child(slot) < 0) {
            return;
        }
        active++;
        spawned++;
        n--;
        slot++;
    }
    if (r->spawn_rate >= 8) {
        ap_log_error(APLOG_MARK, APLOG_INFO, 0, ap_server_conf, APLOGNO(00289)
                     "server seems busy, (you may need to increase "
                     "StartServers, ThreadsPerChild or Min/MaxSpareThreads), "
                     "spawning %d children, there are around %d idle "
                     "threads, and %d total children", spawned, idle,
                     active);
    }
    if (r->spawn_rate < MAX_SPAWN_RATE) {
        r->spawn_rate *= 2;
    }
}

static void idle_maintenance(void)
{
    ap__worker_retained_t *r = ap__worker_retained;
    int active, used_slots;
    int idle = count_idle(&active, &used_slots);

    if (used_slots > r->max_daemons_limit) {
        r->max_daemons_limit = used_slots;
    }
    if (idle > ap__worker_conf.max_spare_threads && active > 1) {
        /* One child at a time leaves gracefully. */
        ap_mpm_podx_signal(ap__worker_pod, AP_MPM_PODX_GRACEFUL);
        r->spawn_rate = 1;
    }
    else if (active == 0 || idle < ap__worker_conf.min_spare_threads) {
        spawn_more(active, idle);
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
        ap__worker_retained->mpm->shutdown_pending = 1;
        ap__worker_retained->mpm->is_ungraceful = 1;
        child_fatal = 1;
    }
    slot = ap_find_child_by_pid(pid);
    if (slot >= 0) {
        slot_gone(slot, pid->pid);
    }
    else if (!ap_unregister_extra_mpm_process(pid->pid, &old_gen)) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, ap_server_conf,
                     APLOGNO(00291) "long lost child came home! (pid %ld)",
                     (long)pid->pid);
    }
}

static void server_main_loop(void)
{
    ap_unixd_mpm_retained_data *mpm = ap__worker_retained->mpm;

    while (!mpm->restart_pending && !mpm->shutdown_pending) {
        apr_exit_why_e why;
        int status;
        apr_proc_t pid;

        ap_wait_or_timeout(&why, &status, &pid, pconf, ap_server_conf);
        if (pid.pid != -1) {
            /* The slot is free now: idle_maintenance fills it again
             * (a crashed child is replaced at once below MinSpare). */
            reap_one(&pid, why, status);
            if (!mpm->shutdown_pending) {
                idle_maintenance();
            }
            continue;
        }
        idle_maintenance();
    }
}

static int live_children(void)
{
    int i, n = 0;

    for (i = 0; i < ap__worker_retained->max_daemons_limit; i++) {
        process_score *ps = ap_get_scoreboard_process(i);
        if (ps && ps->pid > 0) {
            n++;
        }
    }
    return n;
}

static int stop_now(void)
{
    ap_mpm_podx_killpg(ap__worker_pod, ap__worker_retained->max_daemons_limit,
                       AP_MPM_PODX_RESTART);
    ap_reclaim_child_processes(1, note_child_killed);
    if (!child_fatal) {
        ap_remove_pid(pconf, ap_pid_fname);
        ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf,
                     APLOGNO(00295) "caught SIGTERM, shutting down");
    }
    return DONE;
}

static int stop_gracefully(void)
{
    ap_unixd_mpm_retained_data *mpm = ap__worker_retained->mpm;
    apr_time_t cutoff = 0;

    /* Refuse new connections at once; children finish theirs. */
    ap_close_listeners();
    ap_mpm_podx_killpg(ap__worker_pod, ap__worker_retained->max_daemons_limit,
                       AP_MPM_PODX_GRACEFUL);
    ap_relieve_child_processes(note_child_killed);
    ap_remove_pid(pconf, ap_pid_fname);
    ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf, APLOGNO(00296)
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
    ap_unixd_mpm_retained_data *mpm = ap__worker_retained->mpm;

    ++mpm->my_generation;
    ap_scoreboard_image->global->running_generation = mpm->my_generation;
    if (!mpm->is_ungraceful) {
        ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf,
                     APLOGNO(00297) AP_SIG_GRACEFUL_STRING " received.  "
                     "Doing graceful restart");
        /* The old generation finishes its connections while the next
         * one starts: children of both share the scoreboard. */
        ap_mpm_podx_killpg(ap__worker_pod,
                           ap__worker_retained->max_daemons_limit,
                           AP_MPM_PODX_GRACEFUL);
        mpm->was_graceful = 1;
        return OK;
    }
    ap_mpm_podx_killpg(ap__worker_pod, ap__worker_retained->max_daemons_limit,
                       AP_MPM_PODX_RESTART);
    ap_reclaim_child_processes(1, note_child_killed);
    ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf, APLOGNO(00298)
                 "SIGHUP received.  Attempting to restart");
    mpm->was_graceful = 0;
    return OK;
}

static int one_process_run(void)
{
    ap_unixd_mpm_retained_data *mpm = ap__worker_retained->mpm;

    ap__worker_child_main(pconf, 0);
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
    ap_unixd_mpm_retained_data *mpm = ap__worker_retained->mpm;

    if (!mpm->was_graceful || !ap_scoreboard_image) {
        if (ap_run_pre_mpm(s->process->pool, SB_SHARED) != OK) {
            return !OK;
        }
        if (!ap_scoreboard_image
            && ap_create_scoreboard(s->process->pool, SB_SHARED) != OK) {
            return !OK;
        }
        ap__worker_retained->max_daemons_limit = 0;
    }
    ap_scoreboard_image->global->running_generation = mpm->my_generation;
    return OK;
}

int ap__worker_run(apr_pool_t *p, apr_pool_t *plog, server_rec *s)
{
    ap_unixd_mpm_retained_data *mpm = ap__worker_retained->mpm;
    int active, used_slots;

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
    ap_unixd_mpm_set_signals(pconf, ap__worker_conf.one_process);
    /* The pid file last: whoever reads it (apachectl, -k, a test) may
     * signal us at once, and the handlers must be in place by then. */
    ap_log_pid(pconf, ap_pid_fname);
    ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, s, APLOGNO(00292)
                 "%s configured -- resuming normal operations",
                 ap_get_server_description());
    ap_log_error(APLOG_MARK, APLOG_INFO, 0, s, APLOGNO(00293)
                 "Server built: %s", ap_get_server_built());
    ap_log_command_line(plog, s);
    if (ap__worker_conf.one_process) {
        return one_process_run();
    }
    ap__worker_retained->spawn_rate = 1;
    ap__worker_retained->maxclients_reported = 0;
    ap__worker_retained->near_maxclients_reported = 0;
    /* After a graceful restart the old generation is still around,
     * quiescing: only this generation's children count. */
    count_idle(&active, &used_slots);
    startup_children((ap__worker_conf.start_servers
                      < ap__worker_conf.active_daemons_limit
                      ? ap__worker_conf.start_servers
                      : ap__worker_conf.active_daemons_limit) - active);
    server_main_loop();
    mpm->mpm_state = AP_MPMQ_STOPPING;
    if (mpm->shutdown_pending) {
        return mpm->is_ungraceful ? stop_now() : stop_gracefully();
    }
    return restart();
}
