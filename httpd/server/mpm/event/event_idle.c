/*
 * event_idle.c: keep-alive connections that stay idle shrink to a record
 * of about a hundred bytes.
 *
 * A plain HTTP connection (no connection filter of a module on it but
 * mod_reqtimeout's, nothing buffered either way) that waits for its next
 * request is parked in the "dry" queue first. If no request comes within
 * DRY_AFTER, the listener keeps only its descriptor, address family and
 * request count in a small record, and clears the connection's pool
 * (conn_rec, filters, bucket allocator: everything goes back for reuse).
 * When the client sends again, a worker builds a fresh conn_rec on the
 * same descriptor, as for a new connection (its addresses are asked from
 * the system again), and carries the request count over. Clients that
 * send their next request at once (benchmarks, pipelines of
 * sub-resources) never pay for this.
 */
#include <string.h>

#include "apr_atomic.h"
#include "apr_portable.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "util_filter.h"

#include "event_private.h"
#include "os_sys.h"

APLOG_USE_MODULE(mpm_event);

/* ---- records (caller holds tq_mutex) ----------------------------------- */

static ap__event_idle_t *rec_get(ap__event_child_t *ch)
{
    ap__event_idle_t *rec = ch->idle_free;

    if (rec) {
        ch->idle_free = rec->next;
        rec->next = NULL;
        return rec;
    }
    rec = apr_pcalloc(ch->idle_pool, sizeof(*rec));
    rec->kind = AP__EVENT_KIND_IDLE;
    return rec;
}

static void rec_put(ap__event_child_t *ch, ap__event_idle_t *rec)
{
    rec->next = ch->idle_free;
    rec->prev = NULL;
    ch->idle_free = rec;
}

static void dq_append(ap__event_child_t *ch, ap__event_idle_t *rec)
{
    rec->next = NULL;
    rec->prev = ch->dq_tail;
    if (ch->dq_tail) {
        ch->dq_tail->next = rec;
    }
    else {
        ch->dq_head = rec;
    }
    ch->dq_tail = rec;
    ch->dq_count++;
}

void ap__event_dq_remove(ap__event_child_t *ch, ap__event_idle_t *rec)
{
    if (rec->prev) {
        rec->prev->next = rec->next;
    }
    else {
        ch->dq_head = rec->next;
    }
    if (rec->next) {
        rec->next->prev = rec->prev;
    }
    else {
        ch->dq_tail = rec->prev;
    }
    rec->next = rec->prev = NULL;
    ch->dq_count--;
}

/* ---- drying (the listener) --------------------------------------------- */

int ap__event_dryable(ap__event_child_t *ch, ap__event_conn_t *cs)
{
    conn_rec *c = cs->c;
    ap_filter_t *out = c->output_filters;

    if (c->aborted || c->data_in_output_filters || c->data_in_input_filters
        || cs->head.buf) {
        return 0;
    }
    if (c->base_server->keep_alive_timeout != ch->ka_q->timeout
        || ch->ka_q->timeout <= AP__EVENT_DRY_AFTER) {
        return 0;
    }
    /* Only the core's filters (and mod_reqtimeout's, whose state starts
     * anew with each request anyway): no module keeps state on the
     * connection that a fresh conn_rec would lose. */
    return ap__mpm_head_ours(&cs->head) && out && !out->next
           && ap_cstr_casecmp(out->frec->name, "core") == 0;
}

/* The shell polling descriptor @a fd: one per descriptor number, made
 * the first time the number is dried and reused by every connection that
 * has it later, so that records stay small and nothing leaks (caller
 * holds tq_mutex). */
static apr_file_t *shell_for(ap__event_child_t *ch, apr_os_sock_t fd)
{
    if (fd >= ch->n_shells) {
        int n = ch->n_shells ? ch->n_shells : 256;
        apr_file_t **shells;

        while (n <= fd) {
            n *= 2;
        }
        shells = apr_pcalloc(ch->idle_pool, sizeof(*shells) * (apr_size_t)n);
        if (ch->n_shells) {
            memcpy(shells, ch->shells,
                   sizeof(*shells) * (apr_size_t)ch->n_shells);
        }
        ch->shells = shells;
        ch->n_shells = n;
    }
    if (!ch->shells[fd]) {
        apr_os_file_t ofd = fd;
        apr_os_file_put(&ch->shells[fd], &ofd, 0, ch->idle_pool);
    }
    return ch->shells[fd];
}

static apr_os_sock_t rec_fd(const ap__event_idle_t *rec)
{
    apr_os_file_t fd;

    apr_os_file_get(&fd, rec->pfd.desc.f);
    return fd;
}

/* Close a dried connection (not in the pollset any more). */
void ap__event_idle_close(ap__event_child_t *ch, ap__event_idle_t *rec)
{
    apr_os_sock_t fd = rec_fd(rec);

    apr_thread_mutex_lock(ch->tq_mutex);
    apr_os_sock_put(&ch->closer, &fd, ch->idle_pool);
    apr_socket_close(ch->closer);
    rec_put(ch, rec);
    apr_thread_mutex_unlock(ch->tq_mutex);
    apr_atomic_dec32(&ch->connections);
}

void ap__event_dry(ap__event_child_t *ch, ap__event_conn_t *cs)
{
    ap__event_idle_t *rec;
    apr_sockaddr_t *local;
    apr_os_sock_t fd, none = -1;
    apr_status_t rv;

    apr_thread_mutex_lock(ch->tq_mutex);
    rec = rec_get(ch);
    apr_thread_mutex_unlock(ch->tq_mutex);
    /* The addresses are not kept: a woken connection asks the system for
     * them again (rare: only after AP__EVENT_DRY_AFTER of silence). */
    if (apr_socket_addr_get(&local, APR_LOCAL, cs->sd) != APR_SUCCESS
        || apr_socket_type_get(cs->sd, &rec->type) != APR_SUCCESS
        || apr_socket_protocol_get(cs->sd, &rec->protocol) != APR_SUCCESS) {
        apr_thread_mutex_lock(ch->tq_mutex);
        rec_put(ch, rec);
        apr_thread_mutex_unlock(ch->tq_mutex);
        ap__event_close(ch, cs);
        return;
    }
    rec->family = local->family;
    apr_os_sock_get(&fd, cs->sd);
    rec->keepalives = cs->c->keepalives;
    rec->expiry = cs->expiry - AP__EVENT_DRY_AFTER + ch->ka_q->timeout;
    /* The descriptor outlives the pool: the socket's cleanup must find
     * nothing to close. */
    apr_os_sock_put(&cs->sd, &none, cs->p);
    ap__event_pool_put(ch->jobs, cs->p);

    apr_thread_mutex_lock(ch->tq_mutex);
    rec->pfd.p = ch->idle_pool;
    rec->pfd.desc_type = APR_POLL_FILE;
    rec->pfd.desc.f = shell_for(ch, fd);
    rec->pfd.reqevents = APR_POLLIN | APR_POLLHUP | APR_POLLERR;
    rec->pfd.client_data = rec;
    dq_append(ch, rec);
    rv = apr_pollset_add(ch->pollset, &rec->pfd);
    if (rv != APR_SUCCESS) {
        ap__event_dq_remove(ch, rec);
    }
    else if (ch->next_expiry == 0 || rec->expiry < ch->next_expiry) {
        ch->next_expiry = rec->expiry;
    }
    ch->dried_since_trim++;
    ch->last_dry = apr_time_now();
    apr_thread_mutex_unlock(ch->tq_mutex);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, ap_server_conf,
                     APLOGNO(03094) "apr_pollset_add failed; closing an "
                     "idle connection");
        ap__event_idle_close(ch, rec);
    }
}

/* ---- waking up (a worker) ---------------------------------------------- */

apr_socket_t *ap__event_wake(ap__event_child_t *ch, ap__event_idle_t *rec,
                             apr_pool_t *p, long *keepalives)
{
    apr_socket_t *sd = NULL;
    apr_os_sock_info_t info;
    apr_os_sock_t fd = rec_fd(rec);

    memset(&info, 0, sizeof(info));
    info.os_sock = &fd;
    info.family = rec->family;
    info.type = rec->type;
    info.protocol = rec->protocol;
    *keepalives = rec->keepalives;
    if (apr_os_sock_make(&sd, &info, p) != APR_SUCCESS) {
        sd = NULL;
    }
    apr_thread_mutex_lock(ch->tq_mutex);
    rec_put(ch, rec);
    apr_thread_mutex_unlock(ch->tq_mutex);
    return sd;
}

/* After a burst of connections has gone idle, the memory their pools
 * used is free but still counted against the process: give it back to
 * the system once TRIM_AFTER connections dried since the last time and
 * drying has paused for TRIM_QUIET (the burst is over), or every
 * TRIM_EVERY while it goes on. */
#define TRIM_AFTER 256
#define TRIM_QUIET apr_time_from_msec(250)
#define TRIM_EVERY apr_time_from_sec(2)

void ap__event_trim(ap__event_child_t *ch, apr_time_t now)
{
    if (ch->dried_since_trim < TRIM_AFTER
        || (now - ch->last_dry < TRIM_QUIET
            && now - ch->last_trim < TRIM_EVERY)) {
        return;
    }
    ch->dried_since_trim = 0;
    ch->last_trim = now;
    ap__os_heap_trim();
}
