/* http_core_conn.c: the HTTP connection loops.
 *
 * Synchronous (a thread per connection): read a request, process it,
 * then wait for the next one with KeepAliveTimeout, until the client or
 * the server (KeepAlive, MaxKeepAliveRequests, errors, stopping) ends it.
 *
 * Asynchronous (the event MPM): process one request per call and return
 * the next state to the MPM: CONN_STATE_WRITE_COMPLETION once the
 * response is handed to the core output filter (the MPM finishes the
 * writing, then waits for the next request in CONN_STATE_KEEPALIVE, or
 * calls us at once when a pipelined request is already buffered), or
 * CONN_STATE_LINGER to close.
 */
#include "apr_buckets.h"

#include "httpd.h"
#include "http_config.h"
#include "http_connection.h"
#include "http_core.h"
#include "http_protocol.h"
#include "http_request.h"
#include "ap_mpm.h"
#include "scoreboard.h"
#include "request_private.h"

extern module AP_MODULE_DECLARE_DATA http_module;

apr_bucket_brigade *ap__http_conn_brigade(conn_rec *c)
{
    apr_bucket_brigade *bb = ap_get_module_config(c->conn_config,
                                                  &http_module);

    if (!bb) {
        bb = apr_brigade_create(c->pool, c->bucket_alloc);
        ap_set_module_config(c->conn_config, &http_module, bb);
    }
    return bb;
}

/* Should the connection wait for another request? */
static int keep_going(conn_rec *c)
{
    int mpm_state = 0;

    if (c->keepalive != AP_CONN_KEEPALIVE || c->aborted) {
        return 0;
    }
    if (ap_mpm_query(AP_MPMQ_MPM_STATE, &mpm_state) != APR_SUCCESS
        || mpm_state == AP_MPMQ_STOPPING) {
        return 0;
    }
    return 1;
}

/* KeepAliveTimeout of the request's vhost if it set one, otherwise of
 * the first vhost on the address (Apache's legacy behaviour). */
static apr_interval_time_t keepalive_timeout(const request_rec *r)
{
    if (r->server->keep_alive_timeout_set) {
        return r->server->keep_alive_timeout;
    }
    return r->connection->base_server->keep_alive_timeout;
}

int ap__http_sync_connection(conn_rec *c)
{
    apr_socket_t *csd = NULL;
    request_rec *r;
    conn_state_t *cs = c->cs;

    ap_update_child_status_from_conn(c->sbh, SERVER_BUSY_READ, c);
    while ((r = ap_read_request(c)) != NULL) {
        apr_interval_time_t ka_timeout = keepalive_timeout(r);

        if (r->status == HTTP_OK) {
            if (cs) {
                cs->state = CONN_STATE_HANDLER;
            }
            ap_update_child_status(c->sbh, SERVER_BUSY_WRITE, r);
            ap_process_request(r);
        }
        r = NULL;   /* its pool is gone */
        if (!keep_going(c)) {
            break;
        }
        ap_update_child_status(c->sbh, SERVER_BUSY_KEEPALIVE, NULL);
        if (!csd) {
            csd = ap_get_conn_socket(c);
        }
        /* Wait for the next request with the keep-alive timeout; the
         * request reader restores Timeout once a request starts. With a
         * pipelined request buffered there is no wait at all. */
        apr_socket_opt_set(csd, APR_INCOMPLETE_READ, 1);
        apr_socket_timeout_set(csd, ka_timeout);
    }
    return OK;
}

int ap__http_async_connection(conn_rec *c)
{
    conn_state_t *cs = c->cs;
    request_rec *r;

    if (cs->state != CONN_STATE_READ_REQUEST_LINE) {
        return OK;
    }
    ap_update_child_status_from_conn(c->sbh, SERVER_BUSY_READ, c);
    if (ap_extended_status) {
        ap_set_conn_count(c->sbh, NULL, c->keepalives);
    }
    r = ap_read_request(c);
    if (!r) {
        cs->state = CONN_STATE_LINGER;  /* the client went away */
        return OK;
    }
    c->keepalive = AP_CONN_UNKNOWN;
    if (r->status == HTTP_OK) {
        cs->state = CONN_STATE_HANDLER;
        if (ap_extended_status) {
            ap_set_conn_count(c->sbh, r, c->keepalives + 1);
        }
        ap_update_child_status(c->sbh, SERVER_BUSY_WRITE, r);
        ap_process_async_request(r);
    }
    r = NULL;
    if (cs->state != CONN_STATE_WRITE_COMPLETION
        && cs->state != CONN_STATE_SUSPENDED) {
        cs->state = CONN_STATE_LINGER;  /* something went wrong */
    }
    return OK;
}
