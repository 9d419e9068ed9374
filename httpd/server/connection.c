/* connection.c: the connection hooks and the end of a connection: flush
 * with an EOC bucket, then a lingering close, reading (and dropping) what
 * the client still sends so that its TCP stack does not reset the
 * connection before it has read our last response. */
#include "apr_network_io.h"
#include "apr_time.h"

#include "httpd.h"
#include "http_config.h"
#include "http_connection.h"
#include "http_core.h"
#include "http_log.h"
#include "http_vhost.h"
#include "scoreboard.h"

APLOG_USE_MODULE(core);

/* How long to wait for the client's next bytes while lingering, and the
 * most time spent lingering on a client that keeps sending. */
#define SECONDS_TO_LINGER   2
#define MAX_SECS_TO_LINGER  30

APR_HOOK_STRUCT(
    APR_HOOK_LINK(create_connection)
    APR_HOOK_LINK(process_connection)
    APR_HOOK_LINK(pre_connection)
    APR_HOOK_LINK(pre_close_connection)
)

AP_IMPLEMENT_HOOK_RUN_FIRST(conn_rec *, create_connection,
                            (apr_pool_t *p, server_rec *server,
                             apr_socket_t *csd, long conn_id, void *sbh,
                             apr_bucket_alloc_t *alloc),
                            (p, server, csd, conn_id, sbh, alloc), NULL)
AP_IMPLEMENT_HOOK_RUN_FIRST(int, process_connection, (conn_rec *c), (c),
                            DECLINED)
AP_IMPLEMENT_HOOK_RUN_ALL(int, pre_connection, (conn_rec *c, void *csd),
                          (c, csd), OK, DECLINED)
AP_IMPLEMENT_HOOK_RUN_ALL(int, pre_close_connection, (conn_rec *c), (c),
                          OK, DECLINED)

AP_CORE_DECLARE(apr_status_t) ap_shutdown_conn(conn_rec *c, int flush)
{
    apr_bucket_brigade *bb = apr_brigade_create(c->pool, c->bucket_alloc);
    apr_status_t rv;

    if (flush) {
        APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_flush_create(c->bucket_alloc));
    }
    APR_BRIGADE_INSERT_TAIL(bb, ap_bucket_eoc_create(c->bucket_alloc));
    rv = ap_pass_brigade(c->output_filters, bb);
    apr_brigade_destroy(bb);
    return rv;
}

AP_CORE_DECLARE(void) ap_flush_conn(conn_rec *c)
{
    (void)ap_shutdown_conn(c, 1);
}

AP_DECLARE(int) ap_prep_lingering_close(conn_rec *c)
{
    /* the protocol's last word (e.g. an HTTP/2 GOAWAY) */
    ap_run_pre_close_connection(c);
    if (c->sbh) {
        ap_update_child_status(c->sbh, SERVER_CLOSING, NULL);
    }
    return 0;
}

AP_DECLARE(int) ap_start_lingering_close(conn_rec *c)
{
    apr_socket_t *csd = ap_get_conn_socket(c);

    if (!csd || ap_prep_lingering_close(c)) {
        return 1;
    }
    ap_flush_conn(c);
    if (c->aborted) {
        apr_socket_close(csd);
        return 1;
    }
    /* Our FIN tells the client we are done; it may still be sending. */
    if (apr_socket_shutdown(csd, APR_SHUTDOWN_WRITE) != APR_SUCCESS
        || c->aborted) {
        apr_socket_close(csd);
        return 1;
    }
    return 0;
}

AP_DECLARE(void) ap_lingering_close(conn_rec *c)
{
    char buf[512];
    apr_time_t timeup = 0;
    apr_socket_t *csd = ap_get_conn_socket(c);

    if (ap_start_lingering_close(c)) {
        return;
    }
    apr_socket_timeout_set(csd, apr_time_from_sec(SECONDS_TO_LINGER));
    apr_socket_opt_set(csd, APR_INCOMPLETE_READ, 1);
    for (;;) {
        apr_size_t n = sizeof(buf);
        apr_time_t now;

        /* The usual case: EOF at once, without reading the clock. */
        if (apr_socket_recv(csd, buf, &n) != APR_SUCCESS || n == 0) {
            break;
        }
        now = apr_time_now();
        if (timeup == 0) {
            int secs = apr_table_get(c->notes, "short-lingering-close")
                       ? SECONDS_TO_LINGER : MAX_SECS_TO_LINGER;
            timeup = now + apr_time_from_sec(secs);
        }
        else if (now >= timeup) {
            break;
        }
    }
    apr_socket_close(csd);
}

AP_DECLARE(int) ap_pre_connection(conn_rec *c, void *csd)
{
    int rc = ap_run_pre_connection(c, csd);

    if (rc != OK && rc != DONE) {
        c->aborted = 1;
        ap_log_cerror(APLOG_MARK, APLOG_DEBUG, 0, c, APLOGNO(20109)
                      "pre_connection hook failed with %d: closing", rc);
    }
    return rc;
}

AP_CORE_DECLARE(void) ap_process_connection(conn_rec *c, void *csd)
{
    ap_update_vhost_given_ip(c);
    ap_pre_connection(c, csd);
    if (!c->aborted) {
        ap_run_process_connection(c);
    }
}
