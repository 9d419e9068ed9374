/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * mod_status_collect.c: one pass over the scoreboard that gathers
 * everything the reports show, so that the ?auto text and the HTML page
 * of one request agree with each other. Workers keep writing while we
 * read: every value is read once and treated as a hint, not a fact
 * (states are range-checked before being used as an index).
 */
#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "ap_mpm.h"
#include "scoreboard.h"
#include "mod_status_private.h"

APLOG_USE_MODULE(status);

/* Indexed by SERVER_* state. */
static const char state_flags[SERVER_NUM_STATUS] = {
    '.',    /* SERVER_DEAD */
    'S',    /* SERVER_STARTING */
    '_',    /* SERVER_READY */
    'R',    /* SERVER_BUSY_READ */
    'W',    /* SERVER_BUSY_WRITE */
    'K',    /* SERVER_BUSY_KEEPALIVE */
    'L',    /* SERVER_BUSY_LOG */
    'D',    /* SERVER_BUSY_DNS */
    'C',    /* SERVER_CLOSING */
    'G',    /* SERVER_GRACEFUL */
    'I',    /* SERVER_IDLE_KILL */
};

char ap__status_flag(int state)
{
    if (state < 0 || state >= SERVER_NUM_STATUS) {
        return '?';
    }
    return state_flags[state];
}

static int mpm_int(int query, int fallback)
{
    int v = 0;

    if (ap_mpm_query(query, &v) != APR_SUCCESS) {
        return fallback;
    }
    return v;
}

/* Busy/graceful/idle counts only mean something for a running process;
 * idle workers of an older generation are about to go away. */
static void count_worker(ap__status_t *st, const process_score *ps,
                         ap__status_proc_t *pt, int state)
{
    if (!ps->pid || ps->quiescing) {
        return;
    }
    if (state == SERVER_READY) {
        pt->idle++;
        if (ps->generation == st->mpm_generation) {
            st->idle++;
        }
    }
    else if (state == SERVER_GRACEFUL) {
        pt->graceful++;
        st->graceful++;
    }
    else if (state != SERVER_DEAD && state != SERVER_STARTING
             && state != SERVER_IDLE_KILL) {
        pt->busy++;
        st->busy++;
    }
}

/* A slot that never served and is not serving now says nothing; 1 when
 * it was counted. */
static int add_traffic(ap__status_t *st, const worker_score *ws, int state)
{
    if (ws->access_count == 0
        && (state == SERVER_READY || state == SERVER_DEAD)) {
        return 0;
    }
    st->count += ws->access_count;
    st->bytes += ws->bytes_served;
    st->duration += ws->duration;
    return 1;
}

static void collect_process(ap__status_t *st, int i, int max_servers,
                            int threads_per_child)
{
    process_score *ps = ap_get_scoreboard_process(i);
    int j;
#ifdef HAVE_TIMES
    ap_os_tms_t cpu = { 0 };
#endif

    for (j = 0; j < st->thread_limit; j++) {
        worker_score *ws = ap_get_scoreboard_worker_from_indexes(i, j);
        char *flag = &st->flags[i * st->thread_limit + j];
        int state;

        if (!ps || !ws) {
            *flag = AP__STATUS_DISABLED;
            continue;
        }
        state = ws->status;
        if (state == SERVER_DEAD
            && (i >= max_servers || j >= threads_per_child)) {
            *flag = AP__STATUS_DISABLED;
        }
        else {
            *flag = ap__status_flag(state);
        }
        count_worker(st, ps, &st->procs[i], state);
        if (ap_extended_status && add_traffic(st, ws, state)) {
#ifdef HAVE_TIMES
            ap__status_cpu_fold(&cpu, ws);
#endif
        }
    }
#ifdef HAVE_TIMES
    ap__status_cpu_add(st, &cpu);
#endif
}

static void collect_connections(ap__status_t *st)
{
    int i;

    for (i = 0; i < st->server_limit; i++) {
        process_score *ps = ap_get_scoreboard_process(i);

        if (!ps || !ps->pid) {
            continue;
        }
        st->nprocs++;
        if (ps->quiescing) {
            st->stopping++;
        }
        st->conns += ps->connections;
        st->wait_io += ps->wait_io;
        st->writing += ps->write_completion;
        st->keep_alive += ps->keep_alive;
        st->closing += ps->lingering_close;
    }
}

void ap__status_collect(request_rec *r, ap__status_t *st)
{
    global_score *g = ap_get_scoreboard_global();
    int max_servers, threads_per_child, i;
    apr_size_t nslots;

    memset(st, 0, sizeof(*st));
    st->now = apr_time_now();
    st->server_limit = mpm_int(AP_MPMQ_HARD_LIMIT_DAEMONS, 1);
    st->thread_limit = mpm_int(AP_MPMQ_HARD_LIMIT_THREADS, 1);
    if (g) {
        /* The scoreboard's own size is what we may index. */
        st->server_limit = g->server_limit;
        st->thread_limit = g->thread_limit;
        st->restart_time = g->restart_time;
#ifdef HAVE_TIMES
        ap__status_cpu_add(st, &g->times);
#endif
    }
    max_servers = mpm_int(AP_MPMQ_MAX_DAEMONS, st->server_limit);
    threads_per_child = mpm_int(AP_MPMQ_MAX_THREADS, st->thread_limit);
    if (threads_per_child < 1) {
        threads_per_child = 1;
    }
    st->mpm_generation = mpm_int(AP_MPMQ_GENERATION, 0);
    st->config_generation = ap_state_query(AP_SQ_CONFIG_GEN);
    st->is_async = mpm_int(AP_MPMQ_IS_ASYNC, 0);
    st->uptime = (long)apr_time_sec(st->now - st->restart_time);
    if (st->uptime < 0) {
        st->uptime = 0;
    }
    ap_get_loadavg(&st->load);
    nslots = (apr_size_t)st->server_limit * (apr_size_t)st->thread_limit;
    st->flags = apr_palloc(r->pool, nslots + 1);
    st->flags[nslots] = '\0';
    st->procs = apr_pcalloc(r->pool, sizeof(*st->procs)
                                     * (apr_size_t)st->server_limit);
    for (i = 0; i < st->server_limit; i++) {
        collect_process(st, i, max_servers, threads_per_child);
    }
    collect_connections(st);
}
