/*
 * event_child.c: one child process: its set-up (privileges, child_init
 * hooks, pollset, queues), its threads, and how it stops. The main thread
 * waits on the pipe of death; SIGTERM from the parent means "stop now".
 */
#include <stdlib.h>

#include "apr_signal.h"
#include "apr_atomic.h"
#include "apr_thread_proc.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"

#include "event_private.h"
#include "listen_private.h"

APLOG_USE_MODULE(mpm_event);

ap__event_child_t *ap__event_child = NULL;

static volatile int child_sigterm = 0;

static void child_sig_term(int sig)
{
    child_sigterm = 1;
}

/* The listeners of this child's bucket (ListenCoresBucketsRatio). */
static apr_status_t make_listen_pfds(ap__event_child_t *ch)
{
    ap_listen_rec *mine = ap__listen_child_bucket(ch->child_num);
    ap_listen_rec *lr;
    int n = 0;

    for (lr = mine; lr; lr = lr->next) {
        n++;
    }
    ch->n_listen = 0;
    ch->listen_pfds = apr_pcalloc(ch->pchild, sizeof(apr_pollfd_t)
                                              * (apr_size_t)(n + 1));
    ch->listen_tags = apr_pcalloc(ch->pchild, sizeof(ap__event_ltag_t)
                                              * (apr_size_t)(n + 1));
    for (lr = mine; lr; lr = lr->next) {
        apr_pollfd_t *pfd = &ch->listen_pfds[ch->n_listen];
        ap__event_ltag_t *tag = &ch->listen_tags[ch->n_listen];

        if (!lr->sd) {
            continue;
        }
        tag->kind = AP__EVENT_KIND_LISTENER;
        tag->lr = lr;
        pfd->p = ch->pchild;
        pfd->desc_type = APR_POLL_SOCKET;
        pfd->desc.s = lr->sd;
        pfd->reqevents = APR_POLLIN;
        pfd->client_data = tag;
        ch->n_listen++;
    }
    return APR_SUCCESS;
}

static ap__event_tq_t *new_tq(apr_pool_t *p, apr_interval_time_t timeout)
{
    ap__event_tq_t *q = apr_pcalloc(p, sizeof(*q));

    q->timeout = timeout;
    return q;
}

static apr_status_t setup(ap__event_child_t *ch)
{
    int threads = ap__event_conf.threads_per_child;
    apr_status_t rv;

    rv = ap__event_jobq_create(&ch->jobs, threads, ch->pchild);
    if (rv == APR_SUCCESS) {
        rv = apr_thread_mutex_create(&ch->tq_mutex, APR_THREAD_MUTEX_DEFAULT,
                                     ch->pchild);
    }
    if (rv == APR_SUCCESS) {
        rv = apr_pollset_create(&ch->pollset, (apr_uint32_t)threads * 4 + 64,
                                ch->pchild, APR_POLLSET_THREADSAFE
                                | APR_POLLSET_NOCOPY | APR_POLLSET_WAKEABLE);
    }
    if (rv != APR_SUCCESS) {
        return rv;
    }
    ch->ka_q = new_tq(ch->pchild, ap_server_conf->keep_alive_timeout);
    ch->wc_q = new_tq(ch->pchild, ap_server_conf->timeout);
    ch->linger_q = new_tq(ch->pchild, apr_time_from_sec(2));
    ch->head_q = new_tq(ch->pchild, ap_server_conf->timeout);
    ch->dry_q = new_tq(ch->pchild, AP__EVENT_DRY_AFTER);
    apr_pool_create(&ch->idle_pool, ch->pchild);
    return make_listen_pfds(ch);
}

static apr_status_t start_threads(ap__event_child_t *ch, apr_thread_t **th)
{
    apr_threadattr_t *attr;
    apr_status_t rv;
    int i;

    apr_threadattr_create(&attr, ch->pchild);
    if (ap_thread_stacksize) {
        apr_threadattr_stacksize_set(attr, ap_thread_stacksize);
    }
    for (i = 0; i < ap__event_conf.threads_per_child; i++) {
        rv = apr_thread_create(&th[i + 1], attr, ap__event_worker,
                               (void *)(apr_uintptr_t)i, ch->pchild);
        if (rv != APR_SUCCESS) {
            ap_log_error(APLOG_MARK, APLOG_ALERT, rv, ap_server_conf,
                         APLOGNO(03104) "apr_thread_create: unable to "
                         "create worker thread");
            return rv;
        }
    }
    rv = apr_thread_create(&th[0], attr, ap__event_listener, NULL,
                           ch->pchild);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ALERT, rv, ap_server_conf,
                     APLOGNO(00474) "apr_thread_create: unable to create "
                     "listener thread");
    }
    return rv;
}

void ap__event_child_stop(ap__event_child_t *ch, int graceful)
{
    process_score *ps = ap_get_scoreboard_process(ch->child_num);

    if (ps) {
        ps->quiescing = 1;
    }
    /* Connection processing asks this to stop keeping connections alive. */
    ap__event_retained->mpm->mpm_state = AP_MPMQ_STOPPING;
    ch->listener_may_exit = 1;
    if (!graceful) {
        ch->workers_may_exit = 1;
    }
    apr_pollset_wakeup(ch->pollset);
}

/* What the main thread waits for; returns 1 for graceful, 0 otherwise. */
static int wait_for_stop(ap__event_child_t *ch)
{
    ap_unixd_mpm_retained_data *mpm = ap__event_retained->mpm;

    for (;;) {
        if (ch->listener_done) {
            return 1;   /* it stopped itself (MaxConnectionsPerChild) */
        }
        if (ap__event_conf.one_process) {
            if (mpm->shutdown_pending || mpm->restart_pending) {
                return !mpm->is_ungraceful;
            }
            apr_sleep(apr_time_from_msec(100));
            continue;
        }
        if (child_sigterm) {
            return 0;
        }
        switch (ap_mpm_podx_check(ap__event_pod)) {
        case AP_MPM_PODX_GRACEFUL:
            return 1;
        case AP_MPM_PODX_RESTART:
            return 0;
        default:
            break;
        }
    }
}

/* Wait for the last connection of a graceful stop; 0 when the parent
 * lost patience (SIGTERM) first. */
static int drain(ap__event_child_t *ch)
{
    while (!ch->listener_done) {
        if (child_sigterm && !ap__event_conf.one_process) {
            return 0;
        }
        apr_sleep(apr_time_from_msec(50));
    }
    return 1;
}

static void child_signals(void)
{
    if (ap__event_conf.one_process) {
        return;   /* the parent's handlers stay: we are the parent */
    }
    apr_signal(SIGHUP, SIG_IGN);
    apr_signal(SIGINT, SIG_IGN);
    apr_signal(AP_SIG_GRACEFUL, SIG_IGN);
    apr_signal(AP_SIG_GRACEFUL_STOP, SIG_IGN);
    apr_signal(SIGTERM, child_sig_term);
    ap_fatal_signal_child_setup(ap_server_conf);
    /* Wake from the pod read now and then to look at child_sigterm. */
    apr_file_pipe_timeout_set(ap__event_pod->pod_in, apr_time_from_msec(200));
}

/* How long an ungraceful stop waits for the requests in hand. */
#define STOP_GRACE apr_time_from_msec(1500)

static void join_all(apr_thread_t **th, int n)
{
    apr_status_t rv;
    int i;

    for (i = 0; i < n; i++) {
        if (th[i]) {
            apr_thread_join(&rv, th[i]);
        }
    }
}

int ap__event_child_main(apr_pool_t *pconf, int child_num)
{
    ap__event_child_t *ch;
    apr_thread_t **th;
    apr_pool_t *pchild;
    int graceful;

    apr_pool_create(&pchild, pconf);
    apr_pool_tag(pchild, "pchild");
    ch = apr_pcalloc(pchild, sizeof(*ch));
    ch->pchild = pchild;
    ch->child_num = child_num;
    child_sigterm = 0;
    ap__event_child = ch;
    child_signals();
    if (ap_run_drop_privileges(pchild, ap_server_conf)) {
        return APEXIT_CHILDFATAL;
    }
    /* The queues and the pollset exist before child_init: a module may
     * register a timed callback there. */
    if (setup(ch) != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_EMERG, 0, ap_server_conf,
                     APLOGNO(03266) "failed to set up the child's pollset "
                     "and queues");
        return APEXIT_CHILDSICK;
    }
    ap_run_child_init(pchild, ap_server_conf);
    th = apr_pcalloc(pchild, sizeof(*th)
                             * (apr_size_t)(ap__event_conf.threads_per_child
                                            + 1));
    /* Only the main thread takes SIGTERM: the others inherit the mask. */
    if (!ap__event_conf.one_process) {
        apr_signal_block(SIGTERM);
    }
    if (start_threads(ch, th) != APR_SUCCESS) {
        ap__event_child_stop(ch, 0);
        ap__event_jobq_term(ch->jobs);
        return APEXIT_CHILDSICK;
    }
    if (!ap__event_conf.one_process) {
        apr_signal_unblock(SIGTERM);
    }
    graceful = wait_for_stop(ch);
    ap_run_child_stopping(pchild, graceful);
    ap__event_child_stop(ch, graceful);
    if (graceful && !drain(ch)) {
        graceful = 0;   /* SIGTERM while draining: leave now */
    }
    if (!graceful && !ap__event_conf.one_process) {
        /* Let requests in hand finish (their responses are often sent
         * already, their log lines not yet written), but not for long:
         * a worker may be deep in a slow request, and the parent's
         * patience is limited too. */
        apr_time_t until = apr_time_now() + STOP_GRACE;

        while (ap__event_jobq_running(ch->jobs) > 0 && apr_time_now() < until) {
            apr_sleep(apr_time_from_msec(5));
        }
        return 0;
    }
    apr_thread_join(&(apr_status_t){0}, th[0]);
    join_all(th + 1, ap__event_conf.threads_per_child);
    apr_pool_destroy(pchild);
    ap__event_child = NULL;
    return 0;
}
