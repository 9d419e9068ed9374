/*
 * event_conn.c: handing connections between workers and the listener:
 * parking one in the pollset with its timeout, closing, lingering close.
 */
#include "apr_atomic.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "http_connection.h"

#include "event_private.h"

APLOG_USE_MODULE(mpm_event);

ap__event_tq_t *ap__event_ka_queue(ap__event_child_t *ch,
                                   apr_interval_time_t timeout)
{
    int i;

    if (timeout == ch->ka_q->timeout) {
        return ch->ka_q;
    }
    for (i = 0; i < ch->n_extra_q; i++) {
        if (ch->extra_q[i].timeout == timeout) {
            return &ch->extra_q[i];
        }
    }
    if (ch->n_extra_q < (int)(sizeof(ch->extra_q) / sizeof(ch->extra_q[0]))) {
        ap__event_tq_t *q = &ch->extra_q[ch->n_extra_q++];
        q->timeout = timeout;
        return q;
    }
    /* More distinct KeepAliveTimeouts than queues: the default queue
     * still expires them, just in FIFO rather than exact order. */
    return ch->ka_q;
}

void ap__event_park(ap__event_child_t *ch, ap__event_conn_t *cs,
                    ap__event_tq_t *q, apr_int16_t events)
{
    apr_time_t now = apr_time_now();
    apr_status_t rv;
    int wake = 0;

    cs->pfd.reqevents = events | APR_POLLHUP | APR_POLLERR;
    apr_thread_mutex_lock(ch->tq_mutex);
    if (!q) {
        q = ap__event_ka_queue(ch, cs->c->base_server->keep_alive_timeout);
    }
    if (q == ch->head_q) {
        /* A head's deadline is its own (mod_reqtimeout) or Timeout's. */
        ap__event_tq_insert(q, cs, cs->head.deadline ? cs->head.deadline
                                                     : now + q->timeout);
    }
    else {
        ap__event_tq_append(q, cs, now);
    }
    if (ch->next_expiry == 0 || cs->expiry < ch->next_expiry) {
        ch->next_expiry = cs->expiry;
        wake = 1;
    }
    /* Added under the lock: the listener may see an event for it at once
     * and must find it in its queue. */
    rv = apr_pollset_add(ch->pollset, &cs->pfd);
    if (rv != APR_SUCCESS) {
        ap__event_tq_remove(cs);
    }
    apr_thread_mutex_unlock(ch->tq_mutex);
    /* From here on the connection belongs to the listener: do not touch
     * cs again. */
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, ap_server_conf,
                     APLOGNO(03093) "apr_pollset_add failed; closing the "
                     "connection");
        ap__event_close(ch, cs);
        return;
    }
    if (wake) {
        apr_pollset_wakeup(ch->pollset);
    }
}

void ap__event_close(ap__event_child_t *ch, ap__event_conn_t *cs)
{
    int lingered = cs->pub.state == CONN_STATE_LINGER_NORMAL
                   || cs->pub.state == CONN_STATE_LINGER_SHORT;

    /* Clearing the pool closes the socket and frees the connection. */
    ap__event_pool_put(ch->jobs, cs->p);
    if (lingered) {
        apr_atomic_dec32(&ch->lingering);
    }
    apr_atomic_dec32(&ch->connections);
    if (ch->listeners_off) {
        /* Below the AsyncRequestWorkerFactor limit again, maybe. */
        apr_pollset_wakeup(ch->pollset);
    }
}

void ap__event_linger(ap__event_child_t *ch, ap__event_conn_t *cs)
{
    if (ap_start_lingering_close(cs->c)) {
        ap__event_close(ch, cs);   /* already closed (aborted, error) */
        return;
    }
    /* Our FIN is out; read (and drop) what the client still sends for a
     * short while so that it sees our response rather than a reset. */
    apr_socket_timeout_set(cs->sd, 0);
    cs->pub.state = CONN_STATE_LINGER_NORMAL;
    apr_atomic_inc32(&ch->lingering);
    ap__event_park(ch, cs, ch->linger_q, APR_POLLIN);
}
