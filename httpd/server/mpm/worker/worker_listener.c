/*
 * worker_listener.c: the listener thread of a child. For each connection
 * it first reserves an idle worker, then (holding the accept mutex when
 * several listening sockets are shared between processes) waits for a
 * listening socket to become readable, accepts, and queues the socket for
 * the reserved worker.
 */
#include "apr_atomic.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"

#include "worker_private.h"

APLOG_USE_MODULE(mpm_worker);

/* Wake now and then to look at the stop flags even without a wakeup. */
#define POLL_CAP  apr_time_from_msec(1000)
/* A child waiting for the accept mutex looks at its flags this often. */
#define LOCK_WAIT apr_time_from_msec(200)

/* Take the accept mutex unless told to stop first. */
static apr_status_t lock_accept(ap__worker_child_t *ch)
{
    apr_proc_mutex_t *m = ap__worker_accept_mutex;
    apr_status_t rv;

    while (!ch->listener_may_exit) {
        rv = apr_proc_mutex_timedlock(m, LOCK_WAIT);
        if (rv == APR_ENOTIMPL) {
            return apr_proc_mutex_lock(m);
        }
        if (!APR_STATUS_IS_TIMEUP(rv) && !APR_STATUS_IS_EINTR(rv)) {
            return rv;
        }
    }
    return APR_EINTR;
}

/* Wait for a readable listening socket; NULL when told to stop. Several
 * ready at once are served in turn, so none starves. */
static ap_listen_rec *wait_readable(ap__worker_child_t *ch)
{
    static apr_uint32_t turn = 0;

    while (!ch->listener_may_exit) {
        const apr_pollfd_t *out;
        apr_int32_t num = 0;
        apr_status_t rv = apr_pollset_poll(ch->pollset, POLL_CAP, &num, &out);

        if (rv == APR_SUCCESS && num > 0) {
            return out[turn++ % (apr_uint32_t)num].client_data;
        }
        if (rv != APR_SUCCESS && !APR_STATUS_IS_EINTR(rv)
            && !APR_STATUS_IS_TIMEUP(rv)) {
            ap_log_error(APLOG_MARK, APLOG_ERR, rv, ap_server_conf,
                         APLOGNO(03137) "apr_pollset_poll: (listen)");
            apr_sleep(apr_time_from_msec(100));
        }
    }
    return NULL;
}

/* One accept attempt: a socket, or NULL (another process was quicker,
 * the client gave up, or we are stopping). */
static apr_socket_t *accept_one(ap__worker_child_t *ch, apr_pool_t *p)
{
    apr_socket_t *sd = NULL;
    ap_listen_rec *lr = wait_readable(ch);
    apr_status_t rv;

    if (!lr) {
        return NULL;
    }
    rv = apr_socket_accept(&sd, lr->sd, p);
    if (rv == APR_SUCCESS) {
        return sd;
    }
    if (!APR_STATUS_IS_EAGAIN(rv) && !APR_STATUS_IS_EINTR(rv)
        && !APR_STATUS_IS_ECONNABORTED(rv)) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, ap_server_conf,
                     APLOGNO(00475) "apr_socket_accept: (client socket)");
        /* Out of descriptors and the like: do not spin. */
        apr_sleep(apr_time_from_msec(10));
    }
    return NULL;
}

/* Accept under the mutex, if there is one. */
static apr_socket_t *serialized_accept(ap__worker_child_t *ch, apr_pool_t *p)
{
    apr_socket_t *sd;
    apr_status_t rv;

    if (!ap__worker_accept_mutex) {
        return accept_one(ch, p);
    }
    rv = lock_accept(ch);
    if (rv != APR_SUCCESS) {
        if (!ch->listener_may_exit) {
            ap_log_error(APLOG_MARK, APLOG_EMERG, rv, ap_server_conf,
                         APLOGNO(00273) "apr_proc_mutex_lock failed. "
                         "Attempting to shutdown process gracefully.");
            ch->listener_may_exit = 1;
        }
        return NULL;
    }
    sd = accept_one(ch, p);
    rv = apr_proc_mutex_unlock(ap__worker_accept_mutex);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_EMERG, rv, ap_server_conf,
                     APLOGNO(00274) "apr_proc_mutex_unlock failed. "
                     "Attempting to shutdown process gracefully.");
        ch->listener_may_exit = 1;
    }
    return sd;
}

/* MaxConnectionsPerChild reached: stop accepting, finish, exit; the
 * parent starts a fresh child. */
static void recycle_child(ap__worker_child_t *ch)
{
    process_score *ps = ap_get_scoreboard_process(ch->child_num);

    if (ps) {
        ps->quiescing = 1;
    }
    ch->listener_may_exit = 1;
}

void *APR_THREAD_FUNC ap__worker_listener(apr_thread_t *thd, void *data)
{
    ap__worker_child_t *ch = ap__worker_child;
    apr_pool_t *p = NULL;
    int accepted = 0;

    while (!ch->listener_may_exit) {
        apr_socket_t *sd;

        if (!p) {
            apr_status_t rv = ap__worker_queue_reserve(ch->queue, &p);
            if (rv == APR_ENOMEM) {
                apr_sleep(apr_time_from_msec(10));
                continue;
            }
            if (rv != APR_SUCCESS) {
                break;
            }
        }
        /* The reserved worker and the pool stay ours until a socket is
         * accepted. */
        sd = serialized_accept(ch, p);
        if (!sd) {
            continue;
        }
        ap__worker_queue_push(ch->queue, sd, p);
        p = NULL;
        if (ap_max_requests_per_child > 0
            && ++accepted >= ap_max_requests_per_child) {
            recycle_child(ch);
        }
    }
    if (p) {
        apr_pool_destroy(p);
    }
    if (!ap__worker_conf.one_process) {
        /* This process takes no more connections: let the kernel stop
         * queueing them for it (matters once the parent closed its
         * copies for a graceful stop). */
        ap_close_listeners_ex(ap_listeners);
    }
    /* No socket comes after this: idle workers may leave. */
    ap__worker_queue_term(ch->queue);
    ch->listener_done = 1;
    apr_thread_exit(thd, APR_SUCCESS);
    return NULL;
}
