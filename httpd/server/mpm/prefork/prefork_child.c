/*
 * prefork_child.c: one child process. It drops privileges, runs the
 * child_init hooks, then serves one connection at a time until the
 * parent asks it to leave (pipe of death, AP_SIG_GRACEFUL, a new
 * generation), MaxConnectionsPerChild is reached, or SIGTERM ends it.
 */
#include <stdlib.h>

#include "apr_signal.h"
#include "apr_thread_proc.h"
#include "apr_buckets.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "http_connection.h"
#include "ap_mpm.h"

#include "prefork_private.h"
#include "listen_private.h"

APLOG_USE_MODULE(mpm_prefork);

/* Set by AP_SIG_GRACEFUL: finish the current connection, then leave. */
static volatile int die_now = 0;

/* SIGTERM from the parent (stop, plain restart, a graceful stop that
 * timed out): leave at once, whatever the connection is doing. Only
 * async-signal-safe calls here. */
static void just_die(int sig)
{
    _Exit(0);
}

static void stop_listening(int sig)
{
    die_now = 1;
    /* Connection processing reads this and stops keeping the connection
     * alive. */
    ap__prefork_retained->mpm->mpm_state = AP_MPMQ_STOPPING;
}

static void child_signals(void)
{
    if (ap__prefork_conf.one_process) {
        return;     /* the parent's handlers stay: we are the parent */
    }
    apr_signal(SIGTERM, just_die);
    apr_signal(SIGHUP, just_die);
    /* Ctrl-C reaches the whole process group: the parent decides. */
    apr_signal(SIGINT, SIG_IGN);
    apr_signal(AP_SIG_GRACEFUL, stop_listening);
    apr_signal(AP_SIG_GRACEFUL_STOP, stop_listening);
    ap_fatal_signal_child_setup(ap_server_conf);
    /* The parent blocked them across the fork (see make_child): what
     * came meanwhile is delivered to our handlers now. */
    apr_signal_unblock(SIGTERM);
    apr_signal_unblock(SIGHUP);
    apr_signal_unblock(AP_SIG_GRACEFUL);
    apr_signal_unblock(AP_SIG_GRACEFUL_STOP);
    /* Only the parent writes to the pipe of death; without our copy of
     * its writing end, the parent closing it reads as end-of-file here. */
    if (ap__prefork_pod) {
        apr_file_close(ap__prefork_pod->pod_out);
    }
}

/* Whether to take another connection. */
static int keep_serving(int served)
{
    ap_unixd_mpm_retained_data *mpm = ap__prefork_retained->mpm;

    if (die_now) {
        return 0;
    }
    if (ap_max_requests_per_child > 0 && served >= ap_max_requests_per_child) {
        return 0;
    }
    if (ap__prefork_conf.one_process) {
        return !mpm->shutdown_pending && !mpm->restart_pending;
    }
    /* A graceful restart bumps the generation: this child is old. */
    return ap_scoreboard_image->global->running_generation
           == mpm->my_generation;
}

static void serve(apr_pool_t *ptrans, apr_socket_t *csd, int slot,
                  ap_sb_handle_t *sbh)
{
    apr_bucket_alloc_t *ba = apr_bucket_alloc_create(ptrans);
    conn_rec *c;

    c = ap_run_create_connection(ptrans, ap_server_conf, csd, slot, sbh, ba);
    if (!c) {
        apr_socket_close(csd);
        return;
    }
    ap_process_connection(c, csd);
    ap_lingering_close(c);
}

/* Returns the child's exit code. */
static int serve_loop(apr_pool_t *pchild, ap__prefork_accept_t *ac,
                      int slot)
{
    ap_sb_handle_t *sbh;
    apr_pool_t *ptrans;
    apr_socket_t *csd;
    int served = 0;
    int code = 0;

    apr_pool_create(&ptrans, pchild);
    apr_pool_tag(ptrans, "transaction");
    ap_create_sb_handle(&sbh, pchild, slot, 0);
    while (keep_serving(served)) {
        ap__prefork_accept_e res;

        apr_pool_clear(ptrans);
        ap_update_child_status(sbh, SERVER_READY, NULL);
        res = ap__prefork_accept_next(ac, ptrans, &csd, &die_now);
        if (res == AP__PREFORK_FATAL) {
            code = APEXIT_CHILDFATAL;
            break;
        }
        if (res == AP__PREFORK_LEAVE) {
            break;
        }
        if (res != AP__PREFORK_ACCEPTED) {
            continue;
        }
        served++;
        serve(ptrans, csd, slot, sbh);
        if (ap__prefork_pod_says_die()) {
            break;
        }
    }
    ap_update_child_status(sbh, SERVER_GRACEFUL, NULL);
    apr_pool_destroy(ptrans);
    return code;
}

int ap__prefork_child_main(apr_pool_t *pconf, int slot)
{
    ap__prefork_accept_t *ac;
    apr_pool_t *pchild;
    int code;

    die_now = 0;
    apr_pool_create(&pchild, pconf);
    apr_pool_tag(pchild, "pchild");
    child_signals();
    /* From here ap_listeners is this child's bucket of listeners
     * (ListenCoresBucketsRatio; the only one by default). */
    ap__listen_child_bucket(slot);
    ap_update_child_status_from_indexes(slot, 0, SERVER_STARTING, NULL);
    if (ap_run_drop_privileges(pchild, ap_server_conf)) {
        return APEXIT_CHILDFATAL;
    }
    ap_run_child_init(pchild, ap_server_conf);
    if (ap__prefork_accept_init(&ac, pchild) != APR_SUCCESS) {
        /* Logged; a child that cannot accept must not be respawned in a
         * loop: the server stops, as Apache does. */
        return APEXIT_CHILDFATAL;
    }
    code = serve_loop(pchild, ac, slot);
    ap_run_child_stopping(pchild, !ap__prefork_retained->mpm->is_ungraceful);
    apr_pool_destroy(pchild);
    return code;
}
