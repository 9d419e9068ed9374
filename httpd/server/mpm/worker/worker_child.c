/*
 * worker_child.c: one child process: its set-up (privileges, child_init
 * hooks, accept mutex, queue), its threads, and how it stops. The main
 * thread waits on the pipe of death; SIGTERM from the parent means "stop
 * now".
 */
#include "apr_signal.h"
#include "apr_atomic.h"
#include "apr_thread_proc.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"

#include "worker_private.h"
#include "listen_private.h"

APLOG_USE_MODULE(mpm_worker);

ap__worker_child_t *ap__worker_child = NULL;

static volatile int child_sigterm = 0;

static void child_sig_term(int sig)
{
    child_sigterm = 1;
}

/* The listeners of this child's bucket (ListenCoresBucketsRatio). One
 * accept mutex across buckets would let its holder wait on its own
 * bucket while another's connections queue up unserved: with several
 * buckets accept is not serialised (the sockets are non-blocking, a
 * child that loses the race polls again), as with a single listener. */
static apr_status_t make_pollset(ap__worker_child_t *ch)
{
    ap_listen_rec *mine = ap__listen_child_bucket(ch->child_num);
    ap_listen_rec *lr;
    apr_status_t rv;
    int n = 0;

    if (ap_num_listen_buckets > 1) {
        ap__worker_accept_mutex = NULL;     /* in this process only */
    }
    for (lr = mine; lr; lr = lr->next) {
        n++;
    }
    rv = apr_pollset_create(&ch->pollset, (apr_uint32_t)n + 1, ch->pchild,
                            APR_POLLSET_WAKEABLE | APR_POLLSET_NOCOPY);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_EMERG, rv, ap_server_conf,
                     APLOGNO(03285) "Couldn't create pollset in thread; "
                     "check system or user limits");
        return rv;
    }
    ch->listen_pfds = apr_pcalloc(ch->pchild, sizeof(apr_pollfd_t)
                                              * (apr_size_t)(n + 1));
    for (lr = mine; lr; lr = lr->next) {
        apr_pollfd_t *pfd = &ch->listen_pfds[ch->n_listen];

        if (!lr->sd) {
            continue;
        }
        pfd->p = ch->pchild;
        pfd->desc_type = APR_POLL_SOCKET;
        pfd->desc.s = lr->sd;
        pfd->reqevents = APR_POLLIN;
        pfd->client_data = lr;
        rv = apr_pollset_add(ch->pollset, pfd);
        if (rv != APR_SUCCESS) {
            ap_log_error(APLOG_MARK, APLOG_EMERG, rv, ap_server_conf,
                         APLOGNO(03286) "Couldn't create add listener to "
                         "pollset; check system or user limits");
            return rv;
        }
        ch->n_listen++;
    }
    return APR_SUCCESS;
}

static apr_status_t setup(ap__worker_child_t *ch)
{
    apr_status_t rv;

    if (ap__worker_accept_mutex) {
        rv = apr_proc_mutex_child_init(&ap__worker_accept_mutex,
                 apr_proc_mutex_lockfile(ap__worker_accept_mutex),
                 ch->pchild);
        if (rv != APR_SUCCESS) {
            ap_log_error(APLOG_MARK, APLOG_EMERG, rv, ap_server_conf,
                         APLOGNO(00280) "Couldn't initialize cross-process "
                         "lock in child");
            return rv;
        }
    }
    rv = ap__worker_queue_create(&ch->queue, ap__worker_conf.threads_per_child,
                                 ch->pchild);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ALERT, rv, ap_server_conf,
                     APLOGNO(03140) "ap_queue_create() failed");
        return rv;
    }
    return make_pollset(ch);
}

static apr_threadattr_t *thread_attr(apr_pool_t *p)
{
    apr_threadattr_t *attr;

    apr_threadattr_create(&attr, p);
    /* Joinable: a graceful stop waits for every thread. */
    apr_threadattr_detach_set(attr, 0);
    if (ap_thread_stacksize
        && apr_threadattr_stacksize_set(attr, ap_thread_stacksize)
           != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, ap_server_conf,
                     APLOGNO(02435) "WARNING: ThreadStackSize of %"
                     APR_SIZE_T_FMT " is inappropriate, using default",
                     ap_thread_stacksize);
    }
    return attr;
}

static apr_status_t start_threads(ap__worker_child_t *ch, apr_thread_t **th)
{
    apr_threadattr_t *attr = thread_attr(ch->pchild);
    apr_status_t rv;
    int i;

    for (i = 0; i < ap__worker_conf.threads_per_child; i++) {
        rv = apr_thread_create(&th[i + 1], attr, ap__worker_thread,
                               (void *)(apr_uintptr_t)i, ch->pchild);
        if (rv != APR_SUCCESS) {
            ap_log_error(APLOG_MARK, APLOG_ALERT, rv, ap_server_conf,
                         APLOGNO(03142) "apr_thread_create: unable to "
                         "create worker thread");
            return rv;
        }
    }
    rv = apr_thread_create(&th[0], attr, ap__worker_listener, NULL,
                           ch->pchild);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ALERT, rv, ap_server_conf,
                     APLOGNO(00275) "apr_thread_create: unable to create "
                     "listener thread");
    }
    return rv;
}

void ap__worker_child_stop(ap__worker_child_t *ch, int graceful)
{
    process_score *ps = ap_get_scoreboard_process(ch->child_num);

    if (ps) {
        ps->quiescing = 1;
    }
    /* The keep-alive loops ask this to stop after their request. */
    ap__worker_retained->mpm->mpm_state = AP_MPMQ_STOPPING;
    ch->listener_may_exit = 1;
    if (!graceful) {
        ch->workers_may_exit = 1;
        ap__worker_queue_term(ch->queue);
    }
    ap__worker_queue_stop_reserving(ch->queue);
    apr_pollset_wakeup(ch->pollset);
}

/* What the main thread waits for; returns 1 for graceful, 0 otherwise. */
static int wait_for_stop(ap__worker_child_t *ch)
{
    ap_unixd_mpm_retained_data *mpm = ap__worker_retained->mpm;

    for (;;) {
        if (ch->listener_done) {
            return 1;   /* it stopped itself (MaxConnectionsPerChild) */
        }
        if (ap__worker_conf.one_process) {
            if (mpm->shutdown_pending || mpm->restart_pending) {
                return !mpm->is_ungraceful;
            }
            apr_sleep(apr_time_from_msec(100));
            continue;
        }
        if (child_sigterm) {
            return 0;
        }
        switch (ap_mpm_podx_check(ap__worker_pod)) {
        case AP_MPM_PODX_GRACEFUL:
            return 1;
        case AP_MPM_PODX_RESTART:
            return 0;
        default:
            break;
        }
    }
}

/* Wait until every thread has ended (graceful stop); 0 when the parent
 * lost patience (SIGTERM) first. */
static int drain(ap__worker_child_t *ch)
{
    apr_uint32_t all = (apr_uint32_t)ap__worker_conf.threads_per_child;

    while (!ch->listener_done
           || apr_atomic_read32(&ch->workers_done) < all) {
        if (child_sigterm && !ap__worker_conf.one_process) {
            return 0;
        }
        apr_sleep(apr_time_from_msec(50));
    }
    return 1;
}

static void child_signals(void)
{
    if (ap__worker_conf.one_process) {
        return;   /* the parent's handlers stay: we are the parent */
    }
    apr_signal(SIGHUP, SIG_IGN);
    apr_signal(SIGINT, SIG_IGN);
    apr_signal(AP_SIG_GRACEFUL, SIG_IGN);
    apr_signal(AP_SIG_GRACEFUL_STOP, SIG_IGN);
    apr_signal(SIGTERM, child_sig_term);
    ap_fatal_signal_child_setup(ap_server_conf);
    /* Wake from the pod read now and then to look at child_sigterm. */
    apr_file_pipe_timeout_set(ap__worker_pod->pod_in,
                              apr_time_from_msec(200));
}

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

static ap__worker_child_t *new_child(apr_pool_t *pconf, int child_num)
{
    ap__worker_child_t *ch;
    apr_pool_t *pchild;

    apr_pool_create(&pchild, pconf);
    apr_pool_tag(pchild, "pchild");
    ch = apr_pcalloc(pchild, sizeof(*ch));
    ch->pchild = pchild;
    ch->child_num = child_num;
    return ch;
}

int ap__worker_child_main(apr_pool_t *pconf, int child_num)
{
    ap__worker_child_t *ch = new_child(pconf, child_num);
    apr_thread_t **th;
    int graceful;

    child_sigterm = 0;
    ap__worker_child = ch;
    child_signals();
    if (ap_run_drop_privileges(ch->pchild, ap_server_conf)) {
        return APEXIT_CHILDFATAL;
    }
    ap_run_child_init(ch->pchild, ap_server_conf);
    if (setup(ch) != APR_SUCCESS) {
        return APEXIT_CHILDSICK;
    }
    th = apr_pcalloc(ch->pchild,
                     sizeof(*th) * (apr_size_t)(ap__worker_conf.threads_per_child
                                                + 1));
    /* Only the main thread takes SIGTERM: the others inherit the mask. */
    if (!ap__worker_conf.one_process) {
        apr_signal_block(SIGTERM);
    }
    if (start_threads(ch, th) != APR_SUCCESS) {
        ap__worker_child_stop(ch, 0);
        return APEXIT_CHILDSICK;
    }
    if (!ap__worker_conf.one_process) {
        apr_signal_unblock(SIGTERM);
    }
    graceful = wait_for_stop(ch);
    ap_run_child_stopping(ch->pchild, graceful);
    ap__worker_child_stop(ch, graceful);
    if (graceful && !drain(ch)) {
        graceful = 0;   /* SIGTERM while draining: leave now */
    }
    if (!graceful && !ap__worker_conf.one_process) {
        /* Workers may be deep in a request: do not wait for them. */
        return 0;
    }
    if (!graceful) {
        /* -X: pchild dies with pconf when the configuration is read
         * again, so the workers must be gone first; they end after
         * their current request. */
        drain(ch);
    }
    join_all(th, ap__worker_conf.threads_per_child + 1);
    apr_pool_destroy(ch->pchild);
    ap__worker_child = NULL;
    return 0;
}
