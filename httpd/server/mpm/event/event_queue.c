/*
 * event_queue.c: the FIFO timeout queues of connections waiting in the
 * listener's pollset (keep-alive, write completion, lingering close,
 * partial request heads). All but head_q share one timeout per queue, so
 * appending keeps them sorted; heads timed by mod_reqtimeout have their
 * own deadlines and are inserted in order.
 */
#include "event_private.h"

void ap__event_tq_append(ap__event_tq_t *q, ap__event_conn_t *cs,
                         apr_time_t now)
{
    cs->expiry = now + q->timeout;
    cs->q = q;
    cs->next = NULL;
    cs->prev = q->tail;
    if (q->tail) {
        q->tail->next = cs;
    }
    else {
        q->head = cs;
    }
    q->tail = cs;
    q->count++;
}

void ap__event_tq_remove(ap__event_conn_t *cs)
{
    ap__event_tq_t *q = cs->q;

    if (!q) {
        return;
    }
    if (cs->prev) {
        cs->prev->next = cs->next;
    }
    else {
        q->head = cs->next;
    }
    if (cs->next) {
        cs->next->prev = cs->prev;
    }
    else {
        q->tail = cs->prev;
    }
    cs->next = cs->prev = NULL;
    cs->q = NULL;
    q->count--;
}

void ap__event_tq_insert(ap__event_tq_t *q, ap__event_conn_t *cs,
                         apr_time_t expiry)
{
    ap__event_conn_t *after = q->tail;

    /* From the tail: a new deadline is usually the latest one. */
    while (after && after->expiry > expiry) {
        after = after->prev;
    }
    cs->expiry = expiry;
    cs->q = q;
    cs->prev = after;
    cs->next = after ? after->next : q->head;
    if (cs->next) {
        cs->next->prev = cs;
    }
    else {
        q->tail = cs;
    }
    if (after) {
        after->next = cs;
    }
    else {
        q->head = cs;
    }
    q->count++;
}
