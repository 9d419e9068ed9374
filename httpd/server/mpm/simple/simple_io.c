/*
 * simple_io.c: the thread-pool task that serves a connection. It makes
 * the conn_rec on the first run, drives the process_connection hooks
 * through the conn_state_t states http_core's async processing expects,
 * and stops as soon as the connection would have to wait:
 *   READ_REQUEST_LINE, head incomplete  the rest of the head (its deadline:
 *                                       mod_reqtimeout's or Timeout)
 *   CHECK_REQUEST_LINE_READABLE  wait for the next request (KeepAliveTimeout)
 *   WRITE_COMPLETION + pending   output drains from the pollset (Timeout)
 *   LINGER                       FIN sent; the loop reads the rest
 * It then hands the connection back to the loop thread, which alone
 * touches the pollset and the timers.
 */
#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "http_core.h"
#include "http_connection.h"
#include "http_vhost.h"
#include "util_filter.h"

#include "simple_private.h"

APLOG_USE_MODULE(mpm_simple);

/* Connection ids are unique per scoreboard slot, as in Apache. */
static long conn_id(int child_num, int slot)
{
    return (long)child_num * ap__simple_retained->thread_limit + slot;
}

static int make_conn(ap__simple_conn_t *cs, apr_thread_t *thd, int slot)
{
    ap__simple_child_t *ch = cs->ch;
    conn_rec *c;
    int rc;

    cs->ba = apr_bucket_alloc_create(cs->p);
    ap_create_sb_handle(&cs->sbh, cs->p, ch->child_num, slot);
    c = ap_run_create_connection(cs->p, ap_server_conf, cs->sd,
                                 conn_id(ch->child_num, slot), cs->sbh,
                                 cs->ba);
    if (!c) {
        return -1;
    }
    cs->c = c;
    c->cs = &cs->pub;
    c->current_thread = thd;
    ap_update_vhost_given_ip(c);
    rc = ap_pre_connection(c, cs->sd);
    if (rc != OK && rc != DONE) {
        ap_log_cerror(APLOG_MARK, APLOG_DEBUG, 0, c, APLOGNO(10201)
                      "simple: pre_connection hooks refused the "
                      "connection");
        c->aborted = 1;
    }
    else {
        ap__mpm_head_attach(&cs->head, c, cs->sd);
    }
    cs->pub.state = CONN_STATE_READ_REQUEST_LINE;
    cs->pub.sense = CONN_SENSE_DEFAULT;
    return 0;
}

static int valid_after_processing(conn_state_e st)
{
    return st == CONN_STATE_WRITE_COMPLETION
        || st == CONN_STATE_CHECK_REQUEST_LINE_READABLE
        || st == CONN_STATE_SUSPENDED || st == CONN_STATE_LINGER
        || st == CONN_STATE_LINGER_NORMAL || st == CONN_STATE_LINGER_SHORT;
}

/* Push out what the core output filter set aside; 1 when some is still
 * pending. */
static int flush_pending(ap__simple_conn_t *cs)
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
        ap_log_cerror(APLOG_MARK, APLOG_DEBUG, rv, c, APLOGNO(10202)
                      "simple: network write failure in core output "
                      "filter");
        c->aborted = 1;
        return 0;
    }
    return c->data_in_output_filters != 0;
}

/* After a response went to the output filters: 1 to read a pipelined
 * request at once, 0 when cs->next says what to do. */
static int after_write(ap__simple_conn_t *cs)
{
    conn_rec *c = cs->c;

    ap_update_child_status(cs->sbh, SERVER_BUSY_WRITE, NULL);
    if (flush_pending(cs)) {
        cs->next = AP__SIMPLE_NEXT_WRITE;
        return 0;
    }
    if (c->keepalive != AP_CONN_KEEPALIVE || c->aborted
        || cs->ch->stopping) {
        cs->pub.state = CONN_STATE_LINGER;
    }
    else if (c->data_in_input_filters) {
        cs->pub.state = CONN_STATE_READ_REQUEST_LINE;   /* pipelined */
        cs->pipelined = 1;
        return 1;
    }
    else {
        cs->pub.state = CONN_STATE_CHECK_REQUEST_LINE_READABLE;
    }
    cs->next = AP__SIMPLE_NEXT_READ;    /* refined by finish() */
    return 0;
}

static void finish(ap__simple_conn_t *cs)
{
    conn_rec *c = cs->c;

    switch (cs->pub.state) {
    case CONN_STATE_CHECK_REQUEST_LINE_READABLE:
        ap_update_child_status(cs->sbh, SERVER_BUSY_KEEPALIVE, NULL);
        cs->next = AP__SIMPLE_NEXT_READ;
        return;
    case CONN_STATE_SUSPENDED:
        cs->next = AP__SIMPLE_NEXT_GONE;
        return;
    default:
        break;
    }
    /* Our FIN goes out now; the loop reads (and drops) what the client
     * still sends for a moment so that it sees the response, not a
     * reset. */
    if (ap_start_lingering_close(c)) {
        cs->next = AP__SIMPLE_NEXT_CLOSE;
        return;
    }
    apr_socket_timeout_set(cs->sd, 0);
    cs->pub.state = CONN_STATE_LINGER_NORMAL;
    cs->next = AP__SIMPLE_NEXT_LINGER;
}

/* Collect the request head without blocking (unless the next request
 * is already buffered); 0 when the loop must wait for the rest. */
static int read_head(ap__simple_conn_t *cs)
{
    if (cs->pipelined) {
        cs->pipelined = 0;
        return 1;
    }
    switch (ap__mpm_head_read(&cs->head)) {
    case AP__MPM_HEAD_MORE:
        cs->next = AP__SIMPLE_NEXT_HEAD;
        return 0;
    case AP__MPM_HEAD_GONE:
        cs->pub.state = CONN_STATE_LINGER;
        return 1;
    default:
        return 1;
    }
}

static void run_hooks(ap__simple_conn_t *cs)
{
    ap_run_process_connection(cs->c);
    if (!valid_after_processing(cs->pub.state)) {
        /* A synchronous protocol module served it all. */
        cs->pub.state = CONN_STATE_LINGER;
    }
}

static void serve(ap__simple_conn_t *cs)
{
    conn_rec *c = cs->c;

    for (;;) {
        if (c->aborted) {
            cs->pub.state = CONN_STATE_LINGER;
        }
        else if (cs->pub.state == CONN_STATE_READ_REQUEST_LINE) {
            if (!read_head(cs)) {
                return;     /* the loop waits for the rest of the head */
            }
            if (cs->pub.state == CONN_STATE_READ_REQUEST_LINE) {
                run_hooks(cs);
            }
        }
        if (cs->pub.state != CONN_STATE_WRITE_COMPLETION) {
            break;
        }
        if (after_write(cs)) {
            continue;
        }
        if (cs->next == AP__SIMPLE_NEXT_WRITE) {
            return;
        }
        break;
    }
    finish(cs);
}

void *APR_THREAD_FUNC ap__simple_conn_task(apr_thread_t *thd, void *data)
{
    ap__simple_conn_t *cs = data;
    ap__simple_child_t *ch = cs->ch;
    int slot = ap__simple_slot_get(ch);

    if (!cs->c) {
        if (make_conn(cs, thd, slot) != 0) {
            cs->next = AP__SIMPLE_NEXT_CLOSE;
            ap__simple_slot_put(ch, slot);
            ap__simple_hand_back(ch, cs);
            return NULL;
        }
    }
    else {
        ap_update_sb_handle(cs->sbh, ch->child_num, slot);
        cs->c->current_thread = thd;
        if (cs->pub.state == CONN_STATE_CHECK_REQUEST_LINE_READABLE) {
            cs->pub.state = CONN_STATE_READ_REQUEST_LINE;
        }
    }
    serve(cs);
    cs->c->current_thread = NULL;
    ap__simple_slot_put(ch, slot);
    if (cs->next != AP__SIMPLE_NEXT_GONE) {
        ap__simple_hand_back(ch, cs);
    }
    return NULL;
}
