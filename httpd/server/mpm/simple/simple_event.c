/*
 * simple_event.c: the child's event loop (its main thread). It owns the
 * pollset and the timers: accepts from the listening sockets, takes back
 * connections from the tasks and parks them with their timeout, hands
 * ready ones to the thread pool, reads lingering connections to their
 * end, runs due timers, and watches the pipe of death. A connection whose
 * request head is incomplete waits here too, until the head's deadline.
 */
#include <stdlib.h>

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "http_connection.h"
#include "ap_mpm.h"

#include "simple_private.h"

APLOG_USE_MODULE(mpm_simple);

#define MAX_ACCEPTS_PER_EVENT 32
#define POLL_CAP   apr_time_from_msec(200)  /* re-check signal flags */
#define LINGER_FOR apr_time_from_sec(2)

static void dispatch(ap__simple_child_t *ch, ap__simple_conn_t *cs);

/* ---- closing ------------------------------------------------------------ */

/* Move @a cs to another of the counts publish() shows. */
static void set_parked(ap__simple_child_t *ch, ap__simple_conn_t *cs,
                       ap__simple_park_e kind)
{
    ch->parked[cs->parked]--;
    cs->parked = kind;
    ch->parked[kind]++;
}

static void close_conn(ap__simple_child_t *ch, ap__simple_conn_t *cs)
{
    set_parked(ch, cs, AP__SIMPLE_PARK_NONE);
    ap__simple_timer_cancel(&ch->timers, &cs->timer);
    /* Destroying the pool closes the socket and frees everything. */
    apr_pool_destroy(cs->p);
    ch->connections--;
}

/* A parked connection's timer: it waited too long. A request head past
 * mod_reqtimeout's deadline is not just closed: as in Apache (and the
 * event MPM) the client gets a 408 once its request line is in, so a
 * task finishes it: the head read hands over what came in time and
 * mod_reqtimeout's filter, past its deadline, fails the request. A head
 * under Timeout is closed. */
static void conn_expired(ap__simple_child_t *ch, void *baton)
{
    ap__simple_conn_t *cs = baton;

    apr_pollset_remove(ch->pollset, &cs->pfd);
    if (cs->next == AP__SIMPLE_NEXT_HEAD && !ch->stop_now
        && ap__mpm_head_expired(&cs->head, apr_time_now())) {
        ap__simple_timer_cancel(&ch->timers, &cs->timer);
        set_parked(ch, cs, AP__SIMPLE_PARK_NONE);
        dispatch(ch, cs);
        return;
    }
    if (cs->c && cs->pub.state == CONN_STATE_CHECK_REQUEST_LINE_READABLE) {
        /* Idle keep-alive: pre_close hooks, nothing left to flush. */
        ap_prep_lingering_close(cs->c);
    }
    close_conn(ch, cs);
}

/* ---- parking --------------------------------------------------------------- */

static void park(ap__simple_child_t *ch, ap__simple_conn_t *cs,
                 ap__simple_park_e kind, apr_int16_t events,
                 apr_interval_time_t timeout)
{
    apr_status_t rv;

    cs->pfd.reqevents = events | APR_POLLHUP | APR_POLLERR;
    rv = apr_pollset_add(ch->pollset, &cs->pfd);
    if (rv == APR_SUCCESS) {
        rv = ap__simple_timer_arm(&ch->timers, &cs->timer,
                                  apr_time_now() + timeout);
        if (rv != APR_SUCCESS) {
            apr_pollset_remove(ch->pollset, &cs->pfd);
        }
    }
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, ap_server_conf,
                     APLOGNO(10203) "simple: cannot wait for a connection "
                     "in the pollset; closing it");
        close_conn(ch, cs);
        return;
    }
    set_parked(ch, cs, kind);
}

/* How long the rest of a head may take: to mod_reqtimeout's deadline,
 * else Timeout. */
static apr_interval_time_t head_wait(const ap__simple_conn_t *cs)
{
    apr_time_t now;

    if (!cs->head.deadline) {
        return cs->c->base_server->timeout;
    }
    now = apr_time_now();
    return cs->head.deadline > now ? cs->head.deadline - now : 0;
}

static void take_back(ap__simple_child_t *ch, ap__simple_conn_t *cs)
{
    switch (cs->next) {
    case AP__SIMPLE_NEXT_HEAD:
        if (ch->stopping && cs->head.len == 0) {
            close_conn(ch, cs);     /* nothing of a request yet */
            return;
        }
        park(ch, cs, AP__SIMPLE_PARK_NONE, APR_POLLIN, head_wait(cs));
        return;
    case AP__SIMPLE_NEXT_READ:
        if (ch->stopping) {
            ap_prep_lingering_close(cs->c);
            close_conn(ch, cs);
            return;
        }
        park(ch, cs, AP__SIMPLE_PARK_KEEPALIVE, APR_POLLIN,
             cs->c->base_server->keep_alive_timeout);
        return;
    case AP__SIMPLE_NEXT_WRITE:
        park(ch, cs, AP__SIMPLE_PARK_WRITE,
             cs->pub.sense == CONN_SENSE_WANT_READ ? APR_POLLIN
                                                   : APR_POLLOUT,
             cs->c->base_server->timeout);
        cs->pub.sense = CONN_SENSE_DEFAULT;
        return;
    case AP__SIMPLE_NEXT_LINGER:
        park(ch, cs, AP__SIMPLE_PARK_LINGER, APR_POLLIN, LINGER_FOR);
        return;
    default:
        close_conn(ch, cs);
        return;
    }
}

static void drain_back(ap__simple_child_t *ch)
{
    ap__simple_conn_t *list, *next;

    apr_thread_mutex_lock(ch->mutex);
    list = ch->back;
    ch->back = NULL;
    apr_thread_mutex_unlock(ch->mutex);
    for (; list; list = next) {
        next = list->link;
        list->link = NULL;
        take_back(ch, list);
    }
}

void ap__simple_hand_back(ap__simple_child_t *ch, ap__simple_conn_t *cs)
{
    apr_thread_mutex_lock(ch->mutex);
    cs->link = ch->back;
    ch->back = cs;
    apr_thread_mutex_unlock(ch->mutex);
    apr_pollset_wakeup(ch->pollset);
}

/* ---- dispatching -------------------------------------------------------- */

static void dispatch(ap__simple_child_t *ch, ap__simple_conn_t *cs)
{
    apr_status_t rv = apr_thread_pool_push(ch->workers, ap__simple_conn_task,
                                           cs, APR_THREAD_TASK_PRIORITY_NORMAL,
                                           ch);

    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, ap_server_conf,
                     APLOGNO(10204) "simple: cannot queue a connection for "
                     "the thread pool; closing it");
        close_conn(ch, cs);
    }
}

/* Read and drop what a lingering client sends; 1 once it is done. */
static int linger_read(ap__simple_conn_t *cs)
{
    char buf[4096];
    int i;

    for (i = 0; i < 8; i++) {
        apr_size_t len = sizeof(buf);
        apr_status_t rv = apr_socket_recv(cs->sd, buf, &len);

        if (rv == APR_SUCCESS && len > 0) {
            continue;
        }
        return !APR_STATUS_IS_EAGAIN(rv);
    }
    return 0;   /* a chatty client: more at the next event */
}

static void conn_event(ap__simple_child_t *ch, ap__simple_conn_t *cs)
{
    if (cs->pub.state == CONN_STATE_LINGER_NORMAL) {
        if (linger_read(cs)) {
            apr_pollset_remove(ch->pollset, &cs->pfd);
            close_conn(ch, cs);
        }
        return;
    }
    apr_pollset_remove(ch->pollset, &cs->pfd);
    ap__simple_timer_cancel(&ch->timers, &cs->timer);
    set_parked(ch, cs, AP__SIMPLE_PARK_NONE);
    dispatch(ch, cs);
}

/* ---- accepting ------------------------------------------------------------ */

static apr_pool_t *conn_pool(ap__simple_child_t *ch)
{
    apr_allocator_t *alloc;
    apr_pool_t *p;

    /* Its own allocator: tasks in any thread allocate from it (one at a
     * time) while the loop creates other connections' pools. */
    if (apr_allocator_create(&alloc) != APR_SUCCESS) {
        return NULL;
    }
    if (apr_pool_create_ex(&p, ch->pchild, NULL, alloc) != APR_SUCCESS) {
        apr_allocator_destroy(alloc);
        return NULL;
    }
    apr_allocator_owner_set(alloc, p);
    apr_pool_tag(p, "transaction");
    return p;
}

static ap__simple_conn_t *new_conn(ap__simple_child_t *ch, apr_pool_t *p,
                                   apr_socket_t *sd)
{
    ap__simple_conn_t *cs = apr_pcalloc(p, sizeof(*cs));

    cs->kind = AP__SIMPLE_KIND_CONN;
    cs->p = p;
    cs->sd = sd;
    cs->ch = ch;
    cs->pfd.p = p;
    cs->pfd.desc_type = APR_POLL_SOCKET;
    cs->pfd.desc.s = sd;
    cs->pfd.client_data = cs;
    ap__simple_timer_init(&cs->timer, conn_expired, cs);
    return cs;
}

static void set_listening(ap__simple_child_t *ch, int on)
{
    int i;

    if (on == ch->listening) {
        return;
    }
    for (i = 0; i < ch->n_listen; i++) {
        if (on) {
            apr_pollset_add(ch->pollset, &ch->listen_pfds[i]);
        }
        else {
            apr_pollset_remove(ch->pollset, &ch->listen_pfds[i]);
        }
    }
    ch->listening = on;
}

static void count_accept(ap__simple_child_t *ch)
{
    ch->connections++;
    ch->accepted++;
    if (ap_max_requests_per_child > 0
        && ch->accepted >= ap_max_requests_per_child) {
        /* Let the parent start a fresh child once this one is done. */
        ap__simple_begin_stop(ch);
    }
}

static void accept_some(ap__simple_child_t *ch, ap_listen_rec *lr)
{
    int n;

    for (n = 0; n < MAX_ACCEPTS_PER_EVENT && !ch->stopping; n++) {
        apr_pool_t *p = conn_pool(ch);
        apr_socket_t *sd;
        apr_status_t rv;

        if (!p) {
            return;
        }
        rv = apr_socket_accept(&sd, lr->sd, p);
        if (rv != APR_SUCCESS) {
            apr_pool_destroy(p);
            if (!APR_STATUS_IS_EAGAIN(rv) && !APR_STATUS_IS_EINTR(rv)
                && !APR_STATUS_IS_ECONNABORTED(rv)) {
                ap_log_error(APLOG_MARK, APLOG_ERR, rv, ap_server_conf,
                             APLOGNO(10205) "simple: apr_socket_accept "
                             "failed on port %u",
                             (unsigned)lr->bind_addr->port);
            }
            return;
        }
        count_accept(ch);
        /* No thread until the client has sent something: an idle new
         * connection costs a pollset entry and a timer (Timeout). */
        park(ch, new_conn(ch, p, sd), AP__SIMPLE_PARK_NONE, APR_POLLIN,
             ap_server_conf->timeout);
    }
}

/* ---- stopping ------------------------------------------------------------------ */

static void graceful_expired(ap__simple_child_t *ch, void *baton)
{
    ap_log_error(APLOG_MARK, APLOG_INFO, 0, ap_server_conf, APLOGNO(10206)
                 "simple: GracefulShutdownTimeout reached with %d "
                 "connection(s) open; exiting", ch->connections);
    ch->stop_now = 1;
}

/* Keep-alive connections parked in the loop, and new ones that have
 * sent nothing yet (nothing of their request, if they wait for a head),
 * go at once. */
static int is_idle(const ap__simple_timer_t *t)
{
    const ap__simple_conn_t *cs = t->baton;

    if (t->fn != conn_expired) {
        return 0;
    }
    if (cs->next == AP__SIMPLE_NEXT_HEAD) {
        return cs->head.len == 0;
    }
    return cs->pub.state == CONN_STATE_CHECK_REQUEST_LINE_READABLE;
}

static void close_idle(ap__simple_child_t *ch)
{
    apr_size_t i, n = 0;
    ap__simple_conn_t **idle;

    if (ch->timers.n == 0) {
        return;
    }
    /* Collected first: closing one reorders the heap under our feet. */
    idle = malloc(sizeof(*idle) * ch->timers.n);
    if (!idle) {
        return;     /* they expire on their own KeepAliveTimeout */
    }
    for (i = 0; i < ch->timers.n; i++) {
        if (is_idle(ch->timers.v[i])) {
            idle[n++] = ch->timers.v[i]->baton;
        }
    }
    for (i = 0; i < n; i++) {
        conn_expired(ch, idle[i]);
    }
    free(idle);
}

void ap__simple_begin_stop(ap__simple_child_t *ch)
{
    process_score *ps = ap_get_scoreboard_process(ch->child_num);

    if (ch->stopping) {
        return;
    }
    ch->stopping = 1;
    if (ps) {
        ps->quiescing = 1;
    }
    /* http_core asks this to decide whether to keep connections alive. */
    ap__simple_retained->mpm->mpm_state = AP_MPMQ_STOPPING;
    set_listening(ch, 0);
    close_idle(ch);
    if (ap_graceful_shutdown_timeout) {
        ap__simple_timer_init(&ch->graceful_timer, graceful_expired, NULL);
        ap__simple_timer_arm(&ch->timers, &ch->graceful_timer,
                             apr_time_now() + apr_time_from_sec(
                                 ap_graceful_shutdown_timeout));
    }
}

static void pod_event(ap__simple_child_t *ch)
{
    switch (ap_mpm_podx_check(ap__simple_pod)) {
    case AP_MPM_PODX_GRACEFUL:
        ap__simple_begin_stop(ch);
        break;
    case AP_MPM_PODX_RESTART:
        ch->stop_now = 1;
        break;
    default:
        break;      /* another child took the byte */
    }
    if (ch->stopping || ch->stop_now) {
        /* Leave the rest of the pipe to the other children. */
        apr_pollset_remove(ch->pollset, &ch->pod_pfd);
    }
}

/* -X: the parent's signal handlers set these flags in this process. */
static void check_one_process(ap__simple_child_t *ch)
{
    ap_unixd_mpm_retained_data *mpm = ap__simple_retained->mpm;

    if (!ap__simple_conf.one_process) {
        return;
    }
    if (mpm->shutdown_pending || mpm->restart_pending) {
        if (mpm->is_ungraceful) {
            ch->stop_now = 1;
        }
        else {
            ap__simple_begin_stop(ch);
        }
    }
}

/* ---- the loop -------------------------------------------------------------------- */

static void handle_event(ap__simple_child_t *ch, const apr_pollfd_t *pfd)
{
    const ap__simple_tag_t *tag = pfd->client_data;

    switch (tag->kind) {
    case AP__SIMPLE_KIND_LISTENER:
        if (ch->listening) {
            accept_some(ch, tag->lr);
        }
        return;
    case AP__SIMPLE_KIND_POD:
        pod_event(ch);
        return;
    default:
        conn_event(ch, (ap__simple_conn_t *)pfd->client_data);
        return;
    }
}

static void run_timers(ap__simple_child_t *ch)
{
    apr_time_t now = apr_time_now();
    ap__simple_timer_t *t;

    while ((t = ap__simple_timer_due(&ch->timers, now)) != NULL) {
        t->fn(ch, t->baton);
    }
}

static void publish(ap__simple_child_t *ch)
{
    process_score *ps = ap_get_scoreboard_process(ch->child_num);

    if (ps) {
        ps->connections = (apr_uint32_t)ch->connections;
        ps->keep_alive = (apr_uint32_t)ch->parked[AP__SIMPLE_PARK_KEEPALIVE];
        ps->write_completion = (apr_uint32_t)ch->parked[AP__SIMPLE_PARK_WRITE];
        ps->lingering_close = (apr_uint32_t)ch->parked[AP__SIMPLE_PARK_LINGER];
        ps->not_accepting = (char)!ch->listening;
    }
}

void ap__simple_event_loop(ap__simple_child_t *ch)
{
    set_listening(ch, 1);
    while (!ch->stop_now) {
        const apr_pollfd_t *out;
        apr_int32_t num = 0, i;
        apr_status_t rv;

        drain_back(ch);
        ap__simple_timed_take(ch);
        check_one_process(ch);
        if (ch->stopping && ch->connections == 0) {
            break;
        }
        publish(ch);
        rv = apr_pollset_poll(ch->pollset,
                              ap__simple_timer_wait(&ch->timers,
                                                    apr_time_now(), POLL_CAP),
                              &num, &out);
        if (rv != APR_SUCCESS && !APR_STATUS_IS_EINTR(rv)
            && !APR_STATUS_IS_TIMEUP(rv)) {
            ap_log_error(APLOG_MARK, APLOG_CRIT, rv, ap_server_conf,
                         APLOGNO(10207) "simple: apr_pollset_poll failed; "
                         "stopping the child gracefully");
            ap__simple_begin_stop(ch);
            apr_sleep(apr_time_from_msec(10));
            continue;
        }
        for (i = 0; i < num && !ch->stop_now; i++) {
            handle_event(ch, &out[i]);
        }
        run_timers(ch);
    }
}
