/*
 * event_listener.c: the listener thread. It owns the pollset: accepts new
 * connections while workers are free, hands readable keep-alive and
 * writable write-completion connections to the workers, reads lingering
 * connections to their end, and expires whatever waited too long.
 */
#include "apr_atomic.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"

#include "event_private.h"

APLOG_USE_MODULE(mpm_event);

#define MAX_ACCEPTS_PER_EVENT 32
#define POLL_CAP  apr_time_from_msec(500)    /* re-check flags this often */
#define POLL_IDLE apr_time_from_msec(50)     /* while not accepting */

static void set_listeners(ap__event_child_t *ch, int on)
{
    int i;

    if ((on && !ch->listeners_off) || (!on && ch->listeners_off)) {
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
    ch->listeners_off = !on;
}

/* Room for one more connection: a free worker, and not more connections
 * than AsyncRequestWorkerFactor allows for the idle workers we have. */
static int can_accept(ap__event_child_t *ch)
{
    int idle = ap__event_jobq_idlers(ch->jobs);
    /* Connections in lingering close do not count (they are closing). */
    apr_uint32_t conns = apr_atomic_read32(&ch->connections)
                         - apr_atomic_read32(&ch->lingering);
    apr_uint32_t limit = (apr_uint32_t)ap__event_conf.threads_per_child
                         + (apr_uint32_t)(idle * ap__event_conf.worker_factor);

    return idle > 0 && conns < limit;
}

static void max_connections_reached(ap__event_child_t *ch)
{
    process_score *ps = ap_get_scoreboard_process(ch->child_num);

    if (ps) {
        ps->quiescing = 1;
    }
    ch->listener_may_exit = 1;
}

static void accept_some(ap__event_child_t *ch, ap_listen_rec *lr)
{
    int n;

    for (n = 0; n < MAX_ACCEPTS_PER_EVENT; n++) {
        ap__event_job_t job = { NULL, NULL, NULL };
        apr_status_t rv;

        if (!can_accept(ch) || ch->listener_may_exit) {
            set_listeners(ch, 0);
            return;
        }
        job.p = ap__event_pool_get(ch->jobs);
        if (!job.p) {
            return;
        }
        rv = apr_socket_accept(&job.sd, lr->sd, job.p);
        if (rv != APR_SUCCESS) {
            ap__event_pool_put(ch->jobs, job.p);
            if (!APR_STATUS_IS_EAGAIN(rv) && !APR_STATUS_IS_EINTR(rv)
                && !APR_STATUS_IS_ECONNABORTED(rv)) {
                ap_log_error(APLOG_MARK, APLOG_ERR, rv, ap_server_conf,
                             APLOGNO(00475) "apr_socket_accept: (client "
                             "socket)");
            }
            return;
        }
        apr_atomic_inc32(&ch->connections);
        ap__event_jobq_push(ch->jobs, &job);
        if (ap_max_requests_per_child > 0
            && (int)apr_atomic_inc32(&ch->accepted) + 1
               >= ap_max_requests_per_child) {
            max_connections_reached(ch);
            return;
        }
    }
}

/* Read and drop what a lingering client sends; 1 once it is done. */
static int linger_read(ap__event_conn_t *cs)
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
    return 0;   /* a chatty client: read more at the next event */
}

static void unpark(ap__event_child_t *ch, ap__event_conn_t *cs)
{
    apr_thread_mutex_lock(ch->tq_mutex);
    ap__event_tq_remove(cs);
    apr_pollset_remove(ch->pollset, &cs->pfd);
    apr_thread_mutex_unlock(ch->tq_mutex);
}

static void conn_event(ap__event_child_t *ch, ap__event_conn_t *cs)
{
    ap__event_job_t job = { NULL, NULL, NULL };

    if (cs->pub.state == CONN_STATE_LINGER_NORMAL
        || cs->pub.state == CONN_STATE_LINGER_SHORT) {
        if (linger_read(cs)) {
            unpark(ch, cs);
            ap__event_close(ch, cs);
        }
        return;
    }
    unpark(ch, cs);
    job.cs = cs;
    ap__event_jobq_push(ch->jobs, &job);
}

/* A dried connection has something to say: a worker rebuilds it. */
static void idle_event(ap__event_child_t *ch, ap__event_idle_t *rec)
{
    ap__event_job_t job = { NULL, NULL, NULL, NULL };

    apr_thread_mutex_lock(ch->tq_mutex);
    ap__event_dq_remove(ch, rec);
    apr_pollset_remove(ch->pollset, &rec->pfd);
    apr_thread_mutex_unlock(ch->tq_mutex);
    job.idle = rec;
    ap__event_jobq_push(ch->jobs, &job);
}

static void handle_event(ap__event_child_t *ch, const apr_pollfd_t *pfd)
{
    const int *kind = pfd->client_data;

    if (*kind == AP__EVENT_KIND_LISTENER) {
        const ap__event_ltag_t *tag = pfd->client_data;
        if (!ch->listeners_off) {
            accept_some(ch, tag->lr);
        }
        return;
    }
    if (*kind == AP__EVENT_KIND_IDLE) {
        idle_event(ch, (ap__event_idle_t *)pfd->client_data);
        return;
    }
    conn_event(ch, (ap__event_conn_t *)pfd->client_data);
}

/* Move expired connections of @a q to *expired (caller holds the lock).
 * With @a all, every one goes (keep-alive queues at graceful stop). */
static void take_expired(ap__event_child_t *ch, ap__event_tq_t *q,
                         apr_time_t now, int all,
                         ap__event_conn_t **expired)
{
    while (q->head && (all || q->head->expiry <= now)) {
        ap__event_conn_t *cs = q->head;

        ap__event_tq_remove(cs);
        apr_pollset_remove(ch->pollset, &cs->pfd);
        cs->next = *expired;
        *expired = cs;
    }
}

/* Graceful stop: connections that have not sent a byte of their request
 * yet go like idle keep-alive ones (caller holds the lock). */
static void take_empty_heads(ap__event_child_t *ch,
                             ap__event_conn_t **expired)
{
    ap__event_conn_t *cs = ch->head_q->head;

    while (cs) {
        ap__event_conn_t *next = cs->next;

        if (cs->head.len == 0) {
            ap__event_tq_remove(cs);
            apr_pollset_remove(ch->pollset, &cs->pfd);
            cs->next = *expired;
            *expired = cs;
        }
        cs = next;
    }
}

/* Dried connections whose keep-alive ended (all of them with @a all). */
static void take_dried(ap__event_child_t *ch, apr_time_t now, int all,
                       ap__event_idle_t **expired)
{
    while (ch->dq_head && (all || ch->dq_head->expiry <= now)) {
        ap__event_idle_t *rec = ch->dq_head;

        ap__event_dq_remove(ch, rec);
        apr_pollset_remove(ch->pollset, &rec->pfd);
        rec->next = *expired;
        *expired = rec;
    }
}

static void next_expiry(ap__event_child_t *ch)
{
    ap__event_tq_t *qs[5];
    apr_time_t next = 0;
    int i;

    qs[0] = ch->ka_q;
    qs[1] = ch->wc_q;
    qs[2] = ch->linger_q;
    qs[3] = ch->head_q;
    qs[4] = ch->dry_q;
    if (ch->dq_head) {
        next = ch->dq_head->expiry;
    }
    for (i = 0; i < 5 + ch->n_extra_q; i++) {
        ap__event_tq_t *q = i < 5 ? qs[i] : &ch->extra_q[i - 5];
        if (q->head && (next == 0 || q->head->expiry < next)) {
            next = q->head->expiry;
        }
    }
    ch->next_expiry = next;
}

/* What mod_status shows per process (caller holds the lock). */
static void publish_counts(ap__event_child_t *ch)
{
    process_score *ps = ap_get_scoreboard_process(ch->child_num);
    apr_uint32_t ka;
    int i;

    if (!ps) {
        return;
    }
    ka = (apr_uint32_t)(ch->ka_q->count + ch->dry_q->count + ch->dq_count);
    for (i = 0; i < ch->n_extra_q; i++) {
        ka += (apr_uint32_t)ch->extra_q[i].count;
    }
    ps->keep_alive = ka;
    ps->write_completion = (apr_uint32_t)ch->wc_q->count;
    ps->lingering_close = (apr_uint32_t)ch->linger_q->count;
    ps->connections = apr_atomic_read32(&ch->connections);
    ps->suspended = apr_atomic_read32(&ch->suspended);
    ps->not_accepting = (char)ch->listeners_off;
}

/* Every worker busy and work waiting, not moving: AsyncRequestWorkerFactor
 * says to close idle keep-alive connections now, so that their clients
 * come back to a process with free workers. (Workers that just work
 * through a burst of jobs do not count: they are not stuck.) */
static int workers_busy(ap__event_child_t *ch, apr_time_t now)
{
    return ap__event_jobq_idlers(ch->jobs) == 0
           && ap__event_jobq_stalled(ch->jobs, now);
}

/* A request head that did not come in time. Under mod_reqtimeout's rule
 * it is not just closed: as in Apache, the client gets a 408 once its
 * request line is in (nothing before that) and AH01382 is logged, so a
 * worker finishes it: the head read hands over what came in time, and
 * mod_reqtimeout's filter, past its deadline, fails the read where the
 * rest would have to be waited for. Under Timeout it is closed. */
static void head_timed_out(ap__event_child_t *ch, ap__event_conn_t *cs,
                           apr_time_t now)
{
    ap__event_job_t job = { NULL, NULL, NULL, NULL, NULL };

    if (ch->workers_may_exit || !ap__mpm_head_expired(&cs->head, now)) {
        ap__event_close(ch, cs);
        return;
    }
    job.cs = cs;
    ap__event_jobq_push(ch->jobs, &job);
}

static void process_timeouts(ap__event_child_t *ch, int graceful)
{
    apr_time_t now = apr_time_now();
    ap__event_conn_t *expired = NULL;
    ap__event_conn_t *to_dry = NULL;
    ap__event_conn_t *heads = NULL;
    ap__event_idle_t *dried = NULL;
    int kill_ka = graceful || workers_busy(ch, now);
    int i;

    apr_thread_mutex_lock(ch->tq_mutex);
    publish_counts(ch);
    if (!kill_ka && (ch->next_expiry == 0 || now < ch->next_expiry)) {
        apr_thread_mutex_unlock(ch->tq_mutex);
        return;
    }
    take_expired(ch, ch->ka_q, now, kill_ka, &expired);
    for (i = 0; i < ch->n_extra_q; i++) {
        take_expired(ch, &ch->extra_q[i], now, kill_ka, &expired);
    }
    take_expired(ch, ch->wc_q, now, 0, &expired);
    take_expired(ch, ch->linger_q, now, 0, &expired);
    take_expired(ch, ch->head_q, now, 0, &heads);
    take_expired(ch, ch->dry_q, now, kill_ka, kill_ka ? &expired : &to_dry);
    take_dried(ch, now, kill_ka, &dried);
    if (graceful) {
        take_empty_heads(ch, &expired);
    }
    next_expiry(ch);
    apr_thread_mutex_unlock(ch->tq_mutex);
    while (heads) {
        ap__event_conn_t *cs = heads;
        heads = cs->next;
        head_timed_out(ch, cs, now);
    }
    while (expired) {
        ap__event_conn_t *cs = expired;
        expired = cs->next;
        ap__event_close(ch, cs);
    }
    while (dried) {
        ap__event_idle_t *rec = dried;
        dried = rec->next;
        ap__event_idle_close(ch, rec);
    }
    while (to_dry) {
        ap__event_conn_t *cs = to_dry;
        to_dry = cs->next;
        ap__event_dry(ch, cs);
    }
}

static apr_interval_time_t poll_timeout(ap__event_child_t *ch,
                                        apr_interval_time_t job_due)
{
    apr_interval_time_t t = ch->listeners_off ? POLL_IDLE : POLL_CAP;
    apr_time_t next;

    apr_interval_time_t timer_due = ap__event_timers_due(ch, apr_time_now());

    if (job_due >= 0 && job_due < t) {
        t = job_due;
    }
    if (timer_due >= 0 && timer_due < t) {
        t = timer_due;
    }

    apr_thread_mutex_lock(ch->tq_mutex);
    next = ch->next_expiry;
    apr_thread_mutex_unlock(ch->tq_mutex);
    if (next) {
        apr_interval_time_t until = next - apr_time_now();
        if (until < t) {
            t = until > 0 ? until : 0;
        }
    }
    return t;
}

/* Graceful stop: no new connections; idle keep-alive ones are closed by
 * process_timeouts; the loop ends when the last connection is gone. */
static void begin_graceful(ap__event_child_t *ch)
{
    set_listeners(ch, 0);
}

void *APR_THREAD_FUNC ap__event_listener(apr_thread_t *thd, void *data)
{
    ap__event_child_t *ch = ap__event_child;
    apr_interval_time_t job_due = -1;   /* until a queued job is late */
    apr_time_t now;
    int graceful = 0;

    ch->listeners_off = 1;
    set_listeners(ch, 1);
    while (!ch->workers_may_exit) {
        const apr_pollfd_t *out;
        apr_int32_t num = 0;
        apr_status_t rv;
        int i;

        if (ch->listener_may_exit && !graceful) {
            begin_graceful(ch);
            graceful = 1;
        }
        if (graceful && apr_atomic_read32(&ch->connections) == 0) {
            break;
        }
        if (!graceful && ch->listeners_off && can_accept(ch)) {
            set_listeners(ch, 1);
        }
        rv = apr_pollset_poll(ch->pollset, poll_timeout(ch, job_due), &num,
                              &out);
        if (rv != APR_SUCCESS && !APR_STATUS_IS_EINTR(rv)
            && !APR_STATUS_IS_TIMEUP(rv)) {
            ap_log_error(APLOG_MARK, APLOG_CRIT, rv, ap_server_conf,
                         APLOGNO(03267) "apr_pollset_poll failed.  "
                         "Attempting to shutdown process gracefully");
            ch->listener_may_exit = 1;
            apr_sleep(apr_time_from_msec(10));
            continue;
        }
        for (i = 0; i < num && !ch->workers_may_exit; i++) {
            handle_event(ch, &out[i]);
        }
        process_timeouts(ch, graceful);
        now = apr_time_now();
        ap__event_timers_run(ch, now);
        job_due = ap__event_jobq_tick(ch->jobs, now);
        ap__event_trim(ch, now);
    }
    ch->listener_done = 1;
    ap__event_jobq_term(ch->jobs);
    apr_thread_exit(thd, APR_SUCCESS);
    return NULL;
}
