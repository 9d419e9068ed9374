/*
 * prefork_parent.c: the parent process. It starts StartServers children,
 * reaps and replaces those that die, keeps the number of idle children
 * between MinSpareServers and MaxSpareServers (starting 1, 2, 4 ... up
 * to AP__PREFORK_MAX_SPAWN_RATE children per second while idle children
 * stay short), and turns signals into stop, restart, graceful restart
 * and graceful stop. It never serves a connection.
 */
#include <stdlib.h>

#include "apr_signal.h"
#include "apr_thread_proc.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"
#include "ap_listen.h"

#include "prefork_private.h"

APLOG_USE_MODULE(mpm_prefork);

static apr_pool_t *pconf;
static int child_fatal;

/* ---- children ---------------------------------------------------------- */

static void slot_gone(int slot, pid_t pid)
{
    process_score *ps = ap_get_scoreboard_process(slot);

    if (!ps) {
        return;
    }
    ap_run_child_status(ap_server_conf, pid, ps->generation, slot,
                        MPM_CHILD_EXITED);
    ps->pid = 0;
    ps->quiescing = 0;
    ap_update_child_status_from_indexes(slot, 0, SERVER_DEAD, NULL);
}

static void note_child_killed(int slot, pid_t pid, ap_generation_t gen)
{
    if (slot >= 0) {
        slot_gone(slot, pid);
    }
}

/* The signals the parent sends its children. They stay blocked across
 * the fork until the child has its own handlers: one arriving earlier
 * would run the parent's handler in the child and be lost. */
static const int child_sigs[] = { SIGTERM, SIGHUP, AP_SIG_GRACEFUL,
                                  AP_SIG_GRACEFUL_STOP };

static void block_child_sigs(int block)
{
    apr_size_t i;

    for (i = 0; i < sizeof(child_sigs) / sizeof(child_sigs[0]); i++) {
        if (block) {
            apr_signal_block(child_sigs[i]);
        }
        else {
            apr_signal_unblock(child_sigs[i]);
        }
    }
}

static int make_child(int slot)
{
    ap_unixd_mpm_retained_data *mpm = ap__prefork_retained->mpm;
    process_score *ps = ap_get_scoreboard_process(slot);
    apr_proc_t proc;
    apr_status_t rv;

    if (!ps) {
        return -1;
    }
    if (slot + 1 > ap__prefork_retained->max_daemons_limit) {
        ap__prefork_retained->max_daemons_limit = slot + 1;
    }
    /* STARTING before the fork: the next maintenance pass must count the
     * child as (nearly) idle, not as a free slot. */
    ap_update_child_status_from_indexes(slot, 0, SERVER_STARTING, NULL);
    block_child_sigs(1);
    rv = apr_proc_fork(&proc, pconf);
    if (rv == APR_INCHILD) {
        /* No atexit handlers or parent-pool cleanups in a child: they
         * belong to the parent (pid file, shared memory, lock files). */
        _Exit(ap__prefork_child_main(pconf, slot));
    }
    block_child_sigs(0);
    if (rv != APR_INPARENT) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, ap_server_conf, APLOGNO(00159)
                     "fork: Unable to fork new process");
        ap_update_child_status_from_indexes(slot, 0, SERVER_DEAD, NULL);
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

static int slot_free(int slot)
{
    process_score *ps = ap_get_scoreboard_process(slot);
    worker_score *ws = ap_get_scoreboard_worker_from_indexes(slot, 0);

    return ps && ws && ps->pid == 0 && ws->status == SERVER_DEAD;
}

static void startup_children(int number)
{
    int slot;

    for (slot = 0; number > 0 && slot < ap__prefork_conf.daemons_limit;
         slot++) {
        if (slot_free(slot)) {
            if (make_child(slot) < 0) {
                break;
            }
            number--;
        }
    }
}

/* ---- spare management ---------------------------------------------------- */

/* What one look at the scoreboard says. */
typedef struct {
    int idle;           /* this generation's idle (or starting) children */
    int active;         /* this generation's live children */
    int last_used;      /* highest slot with a live child, -1 if none */
    int free[AP__PREFORK_MAX_SPAWN_RATE];
    int n_free;         /* free slots, at most idle_spawn_rate of them */
} census_t;

static void take_census(census_t *cs)
{
    ap_generation_t gen = ap__prefork_retained->mpm->my_generation;
    int rate = ap__prefork_retained->idle_spawn_rate;
    int i;

    cs->idle = cs->active = cs->n_free = 0;
    cs->last_used = -1;
    for (i = 0; i < ap__prefork_conf.daemons_limit; i++) {
        process_score *ps = ap_get_scoreboard_process(i);
        worker_score *ws = ap_get_scoreboard_worker_from_indexes(i, 0);

        if (!ps || !ws) {
            break;
        }
        if (ps->pid == 0 && ws->status == SERVER_DEAD) {
            if (cs->n_free < rate) {
                cs->free[cs->n_free++] = i;
            }
            continue;
        }
        cs->last_used = i;
        if (ps->generation != gen || ps->quiescing) {
            continue;   /* an old child on its way out */
        }
        cs->active++;
        /* A starting child counts as idle: forking more because it has
         * not finished starting would only make things worse. */
        if (ws->status <= SERVER_READY) {
            cs->idle++;
        }
    }
}

static void spawn_more(const census_t *cs)
{
    ap__prefork_retained_t *r = ap__prefork_retained;
    int i;

    if (cs->n_free == 0) {
        if (!r->maxclients_reported) {
            ap_log_error(APLOG_MARK, APLOG_ERR, 0, ap_server_conf,
                         APLOGNO(00161) "server reached MaxRequestWorkers "
                         "setting, consider raising the MaxRequestWorkers "
                         "setting");
            r->maxclients_reported = 1;
        }
        r->idle_spawn_rate = 1;
        return;
    }
    if (r->idle_spawn_rate >= 8) {
        ap_log_error(APLOG_MARK, APLOG_INFO, 0, ap_server_conf, APLOGNO(00162)
                     "server seems busy, (you may need to increase "
                     "StartServers, or Min/MaxSpareServers), spawning %d "
                     "children, there are %d idle, and %d total children",
                     cs->n_free, cs->idle, cs->active);
    }
    for (i = 0; i < cs->n_free; i++) {
        if (make_child(cs->free[i]) < 0) {
            break;
        }
    }
    /* Twice as many next time if that was not enough, except just after
     * a graceful restart, when the old children are still leaving. */
    if (r->hold_off_spawning) {
        r->hold_off_spawning--;
    }
    else if (r->idle_spawn_rate < AP__PREFORK_MAX_SPAWN_RATE) {
        r->idle_spawn_rate *= 2;
    }
}

static void idle_maintenance(void)
{
    ap__prefork_retained_t *r = ap__prefork_retained;
    census_t cs;

    take_census(&cs);
    if (cs.last_used + 1 > r->max_daemons_limit) {
        r->max_daemons_limit = cs.last_used + 1;
    }
    if (cs.idle > ap__prefork_conf.max_free) {
        /* One idle child a pass leaves, through the pipe so that one
         * which just took a connection finishes it first. */
        ap_mpm_pod_signal(ap__prefork_pod);
        r->idle_spawn_rate = 1;
    }
    else if (cs.idle < ap__prefork_conf.min_free) {
        spawn_more(&cs);
    }
    else {
        r->idle_spawn_rate = 1;
    }
}

/* ---- the main loop ----------------------------------------------------- */

static void reap_one(apr_proc_t *pid, apr_exit_why_e why, int status)
{
    ap_generation_t old_gen;
    int slot;

    /* Logs a crash (signal, core dump) with the child's pid. */
    if (ap_process_child_status(pid, why, status) == APEXIT_CHILDFATAL) {
        ap__prefork_retained->mpm->shutdown_pending = 1;
        ap__prefork_retained->mpm->is_ungraceful = 1;
        child_fatal = 1;
    }
    slot = ap_find_child_by_pid(pid);
    if (slot >= 0) {
        slot_gone(slot, pid->pid);
    }
    else if (!ap_unregister_extra_mpm_process(pid->pid, &old_gen)) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, ap_server_conf,
                     APLOGNO(00167) "long lost child came home! "
                     "(pid %" APR_PID_T_FMT ")", pid->pid);
    }
}

static void server_main_loop(void)
{
    ap_unixd_mpm_retained_data *mpm = ap__prefork_retained->mpm;

    while (!mpm->restart_pending && !mpm->shutdown_pending) {
        apr_exit_why_e why;
        int status;
        apr_proc_t pid;

        ap_wait_or_timeout(&why, &status, &pid, pconf, ap_server_conf);
        if (pid.pid != -1) {
            reap_one(&pid, why, status);
            continue;   /* reap everything that is ready first */
        }
        idle_maintenance();
    }
}

/* ---- stop and restart ---------------------------------------------------- */

/* AP_SIG_GRACEFUL to every live child: a busy one stops keeping its
 * connection alive and leaves when it is done; an idle one that waits
 * for the accept mutex will leave as soon as it gets it. */
static void tell_children_graceful(void)
{
    int i;

    for (i = 0; i < ap__prefork_retained->max_daemons_limit; i++) {
        process_score *ps = ap_get_scoreboard_process(i);

        if (ps && ps->pid > 0) {
            ps->quiescing = 1;
            ap_mpm_safe_kill(ps->pid, AP_SIG_GRACEFUL);
        }
    }
}

static int live_children(void)
{
    int i, n = 0;

    for (i = 0; i < ap__prefork_retained->max_daemons_limit; i++) {
        process_score *ps = ap_get_scoreboard_process(i);
        if (ps && ps->pid > 0) {
            n++;
        }
    }
    return n;
}

static int stop_now(void)
{
    ap_reclaim_child_processes(1, note_child_killed);
    if (!child_fatal) {
        ap_remove_pid(pconf, ap_pid_fname);
        ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf,
                     APLOGNO(00169) "caught SIGTERM, shutting down");
    }
    return DONE;
}

static int stop_gracefully(void)
{
    ap_unixd_mpm_retained_data *mpm = ap__prefork_retained->mpm;
    apr_time_t cutoff = 0;

    /* Refuse new connections at once; children finish theirs. */
    ap_close_listeners();
    ap_mpm_pod_killpg(ap__prefork_pod,
                      ap__prefork_retained->max_daemons_limit);
    tell_children_graceful();
    ap_relieve_child_processes(note_child_killed);
    ap_remove_pid(pconf, ap_pid_fname);
    ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf, APLOGNO(00170)
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
    ap_unixd_mpm_retained_data *mpm = ap__prefork_retained->mpm;

    ++mpm->my_generation;
    ap_scoreboard_image->global->running_generation = mpm->my_generation;
    if (!mpm->is_ungraceful) {
        ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf,
                     APLOGNO(00171) "Graceful restart requested, doing "
                     "restart");
        /* One byte per child: the idle ones leave at once, the busy ones
         * after their connection. This generation's pipe closes with
         * pconf, which the old children read as end-of-file too. */
        ap_mpm_pod_killpg(ap__prefork_pod,
                          ap__prefork_retained->max_daemons_limit);
        tell_children_graceful();
        mpm->was_graceful = 1;
        return OK;
    }
    ap_reclaim_child_processes(1, note_child_killed);
    ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, ap_server_conf, APLOGNO(00172)
                 "SIGHUP received.  Attempting to restart");
    mpm->was_graceful = 0;
    return OK;
}

static int one_process_run(void)
{
    ap_unixd_mpm_retained_data *mpm = ap__prefork_retained->mpm;

    ap__prefork_retained->max_daemons_limit = 1;
    ap__prefork_child_main(pconf, 0);
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
    ap_unixd_mpm_retained_data *mpm = ap__prefork_retained->mpm;

    if (!mpm->was_graceful || !ap_scoreboard_image) {
        if (ap_run_pre_mpm(s->process->pool, SB_SHARED) != OK) {
            return !OK;
        }
        if (!ap_scoreboard_image
            && ap_create_scoreboard(s->process->pool, SB_SHARED) != OK) {
            return !OK;
        }
        ap__prefork_retained->max_daemons_limit = 0;
    }
    ap_scoreboard_image->global->running_generation = mpm->my_generation;
    return OK;
}

static void announce(apr_pool_t *plog, server_rec *s)
{
    ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, s, APLOGNO(00163)
                 "%s configured -- resuming normal operations",
                 ap_get_server_description());
    ap_log_error(APLOG_MARK, APLOG_INFO, 0, s, APLOGNO(00164)
                 "Server built: %s", ap_get_server_built());
    ap_log_command_line(plog, s);
    ap_log_mpm_common(s);
}

/* The first children of a generation. After a graceful restart the old
 * generation is still leaving: only this generation's children count,
 * and the spawn rate does not double for a while. */
static void first_children(void)
{
    ap__prefork_retained_t *r = ap__prefork_retained;
    census_t cs;

    r->idle_spawn_rate = 1;
    r->maxclients_reported = 0;
    if (r->mpm->was_graceful) {
        r->hold_off_spawning = 10;
    }
    take_census(&cs);
    startup_children(ap__prefork_conf.daemons_to_start - cs.active);
}

int ap__prefork_run(apr_pool_t *p, apr_pool_t *plog, server_rec *s)
{
    ap_unixd_mpm_retained_data *mpm = ap__prefork_retained->mpm;

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
    ap_unixd_mpm_set_signals(pconf, ap__prefork_conf.one_process);
    /* The pid file last: whoever reads it (apachectl, -k, a test) may
     * signal us at once, and the handlers must be in place by then. */
    ap_log_pid(pconf, ap_pid_fname);
    announce(plog, s);
    if (ap__prefork_conf.one_process) {
        return one_process_run();
    }
    first_children();
    server_main_loop();
    mpm->mpm_state = AP_MPMQ_STOPPING;
    if (mpm->shutdown_pending) {
        return mpm->is_ungraceful ? stop_now() : stop_gracefully();
    }
    return restart();
}
