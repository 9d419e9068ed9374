/*
 * event_worker.c: a worker thread. It takes a job (a new socket or a
 * connection that became readable/writable again), runs the connection's
 * process_connection hooks against c->cs, and hands the connection back
 * to the listener according to the state they left:
 *   CHECK_REQUEST_LINE_READABLE  wait for the next request (KeepAliveTimeout)
 *   WRITE_COMPLETION             output set aside by the core output
 *                                filter drains from the pollset (Timeout)
 *   LINGER                       lingering close
 */
#include "apr_atomic.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "http_core.h"
#include "http_connection.h"
#include "http_vhost.h"
#include "util_filter.h"

#include "event_private.h"

APLOG_USE_MODULE(mpm_event);

/* Connection ids are unique per scoreboard slot, as in Apache. */
static long conn_id(int child_num, int thread_num)
{
    return (long)child_num * ap__event_conf.thread_limit + thread_num;
}

static ap__event_conn_t *new_conn(ap__event_child_t *ch, apr_thread_t *thd,
                                  const ap__event_job_t *job, int thread_num)
{
    ap__event_conn_t *cs = apr_pcalloc(job->p, sizeof(*cs));
    conn_rec *c;
    int rc;

    cs->p = job->p;
    cs->sd = job->sd;
    cs->ba = apr_bucket_alloc_create(job->p);
    ap_create_sb_handle(&cs->sbh, job->p, ch->child_num, thread_num);
    c = ap_run_create_connection(job->p, ap_server_conf, job->sd,
                                 conn_id(ch->child_num, thread_num),
                                 cs->sbh, cs->ba);
    if (!c) {
        return NULL;
    }
    cs->c = c;
    c->cs = &cs->pub;
    c->current_thread = thd;
    cs->pfd.p = job->p;
    cs->pfd.desc_type = APR_POLL_SOCKET;
    cs->pfd.desc.s = job->sd;
    cs->pfd.client_data = cs;
    ap_update_vhost_given_ip(c);
    rc = ap_pre_connection(c, job->sd);
    if (rc != OK && rc != DONE) {
        ap_log_cerror(APLOG_MARK, APLOG_DEBUG, 0, c, APLOGNO(00469)
                      "process_socket: connection aborted");
        c->aborted = 1;
    }
    else {
        ap__mpm_head_attach(&cs->head, c, job->sd);
    }
    cs->pub.state = CONN_STATE_READ_REQUEST_LINE;
    cs->pub.sense = CONN_SENSE_DEFAULT;
    return cs;
}

static int valid_after_processing(conn_state_e st)
{
    return st == CONN_STATE_WRITE_COMPLETION
        || st == CONN_STATE_CHECK_REQUEST_LINE_READABLE
        || st == CONN_STATE_SUSPENDED || st == CONN_STATE_LINGER
        || st == CONN_STATE_LINGER_NORMAL || st == CONN_STATE_LINGER_SHORT;
}

static void run_hooks(ap__event_conn_t *cs)
{
    conn_rec *c = cs->c;

    ap_run_process_connection(c);
    if (!valid_after_processing(cs->pub.state)) {
        /* A synchronous protocol module served the whole connection. */
        cs->pub.state = CONN_STATE_LINGER;
    }
}

/* Push out what the core output filter set aside; 1 when some is still
 * pending (the connection then waits in the pollset for POLLOUT). */
static int flush_pending(ap__event_conn_t *cs)
{
    conn_rec *c = cs->c;
    ap_filter_t *last = c->output_filters;
    apr_status_t rv;

    if (!c->data_in_output_filters || !last) {
        return 0;
    }
    while (last->next) {
        last = last->next;
    }
    if (!cs->wc_bb) {
        cs->wc_bb = apr_brigade_create(c->pool, c->bucket_alloc);
    }
    rv = last->frec->filter_func.out_func(last, cs->wc_bb);
    if (rv != APR_SUCCESS) {
        ap_log_cerror(APLOG_MARK, APLOG_DEBUG, rv, c, APLOGNO(00470)
                      "network write failure in core output filter");
        c->aborted = 1;
        return 0;
    }
    return c->data_in_output_filters != 0;
}

/* What after_write() decided. */
enum {
    AW_PARKED,      /* in the pollset: another thread may own it already */
    AW_AGAIN,       /* pipelined request: read it now */
    AW_STATE        /* act on cs->pub.state */
};

/* After a request: drain, then wait for the next one or close. */
static int after_write(ap__event_child_t *ch, ap__event_conn_t *cs)
{
    conn_rec *c = cs->c;

    ap_update_child_status(cs->sbh, SERVER_BUSY_WRITE, NULL);
    if (flush_pending(cs)) {
        apr_int16_t ev = cs->pub.sense == CONN_SENSE_WANT_READ
                         ? APR_POLLIN : APR_POLLOUT;
        cs->pub.sense = CONN_SENSE_DEFAULT;
        ap__event_park(ch, cs, ch->wc_q, ev);
        return AW_PARKED;
    }
    if (c->keepalive != AP_CONN_KEEPALIVE || c->aborted
        || ch->listener_may_exit) {
        cs->pub.state = CONN_STATE_LINGER;
    }
    else if (c->data_in_input_filters) {
        cs->pub.state = CONN_STATE_READ_REQUEST_LINE;   /* pipelined */
        cs->pipelined = 1;
        return AW_AGAIN;
    }
    else {
        cs->pub.state = CONN_STATE_CHECK_REQUEST_LINE_READABLE;
    }
    return AW_STATE;
}

/* Collect the request head without blocking (unless the next request
 * is already buffered); 0 when the connection went back to the pollset
 * to wait for the rest. */
static int read_head(ap__event_child_t *ch, ap__event_conn_t *cs)
{
    if (cs->pipelined) {
        cs->pipelined = 0;
        return 1;
    }
    switch (ap__mpm_head_read(&cs->head)) {
    case AP__MPM_HEAD_MORE:
        ap__event_park(ch, cs, ch->head_q, APR_POLLIN);
        return 0;
    case AP__MPM_HEAD_GONE:
        cs->pub.state = CONN_STATE_LINGER;
        return 1;
    default:
        return 1;
    }
}

static void serve(ap__event_child_t *ch, ap__event_conn_t *cs)
{
    conn_rec *c = cs->c;

    for (;;) {
        if (c->aborted) {
            cs->pub.state = CONN_STATE_LINGER;
        }
        else if (cs->pub.state == CONN_STATE_READ_REQUEST_LINE) {
            if (!read_head(ch, cs)) {
                return;     /* parked until more of the head comes */
            }
            if (cs->pub.state == CONN_STATE_READ_REQUEST_LINE) {
                run_hooks(cs);
            }
        }
        if (cs->pub.state != CONN_STATE_WRITE_COMPLETION) {
            break;
        }
        switch (after_write(ch, cs)) {
        case AW_PARKED:
            return;     /* never touch cs again here */
        case AW_AGAIN:
            continue;
        default:
            break;
        }
        break;
    }
    switch (cs->pub.state) {
    case CONN_STATE_CHECK_REQUEST_LINE_READABLE:
        ap_update_child_status(cs->sbh, SERVER_BUSY_KEEPALIVE, NULL);
        ap__event_park(ch, cs, ap__event_dryable(ch, cs) ? ch->dry_q : NULL,
                       APR_POLLIN);
        return;
    case CONN_STATE_SUSPENDED:
        apr_atomic_inc32(&ch->suspended);
        return;     /* a module owns it until it resumes it */
    default:
        ap__event_linger(ch, cs);
        return;
    }
}

/* A dried keep-alive connection has data: a fresh conn_rec on its
 * descriptor, with its request count. */
static ap__event_conn_t *wake(ap__event_child_t *ch, apr_thread_t *thd,
                              const ap__event_job_t *job, int thread_num)
{
    ap__event_job_t fresh = { NULL, NULL, NULL, NULL };
    ap__event_conn_t *cs;
    long keepalives = 0;

    fresh.p = ap__event_pool_get(ch->jobs);
    if (!fresh.p) {
        ap__event_idle_close(ch, job->idle);
        return NULL;
    }
    fresh.sd = ap__event_wake(ch, job->idle, fresh.p, &keepalives);
    cs = fresh.sd ? new_conn(ch, thd, &fresh, thread_num) : NULL;
    if (!cs) {
        ap__event_pool_put(ch->jobs, fresh.p);
        apr_atomic_dec32(&ch->connections);
        return NULL;
    }
    cs->c->keepalives = (int)keepalives;
    return cs;
}

static void process_job(ap__event_child_t *ch, apr_thread_t *thd,
                        const ap__event_job_t *job, int thread_num)
{
    ap__event_conn_t *cs = job->cs;

    if (job->timer) {
        ap__event_timer_fire(ch, job->timer);
        return;
    }
    if (job->idle) {
        cs = wake(ch, thd, job, thread_num);
        if (!cs) {
            return;
        }
    }
    else if (!cs) {
        cs = new_conn(ch, thd, job, thread_num);
        if (!cs) {
            ap__event_pool_put(ch->jobs, job->p);
            apr_atomic_dec32(&ch->connections);
            return;
        }
    }
    else {
        ap_update_sb_handle(cs->sbh, ch->child_num, thread_num);
        cs->c->current_thread = thd;
        if (cs->pub.state == CONN_STATE_CHECK_REQUEST_LINE_READABLE) {
            cs->pub.state = CONN_STATE_READ_REQUEST_LINE;
        }
    }
    serve(ch, cs);
}

void *APR_THREAD_FUNC ap__event_worker(apr_thread_t *thd, void *data)
{
    ap__event_child_t *ch = ap__event_child;
    int thread_num = (int)(apr_uintptr_t)data;
    ap__event_job_t job;

    ap_update_child_status_from_indexes(ch->child_num, thread_num,
                                        SERVER_STARTING, NULL);
    for (;;) {
        ap_update_child_status_from_indexes(ch->child_num, thread_num,
                                            SERVER_READY, NULL);
        if (ch->listeners_off) {
            /* We are about to be idle: let the listener accept again. */
            apr_pollset_wakeup(ch->pollset);
        }
        if (ap__event_jobq_pop(ch->jobs, thread_num, &job) != APR_SUCCESS
            || ch->workers_may_exit) {
            break;
        }
        process_job(ch, thd, &job, thread_num);
    }
    ap_update_child_status_from_indexes(ch->child_num, thread_num,
                                        SERVER_DEAD, NULL);
    apr_thread_exit(thd, APR_SUCCESS);
    return NULL;
}
