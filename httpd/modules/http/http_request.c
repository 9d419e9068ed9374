/* http_request.c: running one HTTP request from a connection: quick
 * handler or the full phases and the handler, then an EOR bucket (which
 * logs and frees the request once its response is written), and a look
 * at the input for a pipelined next request so that the response is only
 * flushed when no request is waiting. */
#include "apr_buckets.h"

#include "httpd.h"
#include "http_config.h"
#include "http_connection.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "scoreboard.h"
#include "util_filter.h"
#include "request_private.h"

APLOG_USE_MODULE(http);

/* Consume a blank line ([CR]LF) at the head of the input. */
static apr_status_t eat_blank(conn_rec *c, apr_bucket_brigade *bb,
                              apr_off_t n)
{
    apr_status_t rv = ap_get_brigade(c->input_filters, bb, AP_MODE_READBYTES,
                                     APR_NONBLOCK_READ, n);

    apr_brigade_cleanup(bb);
    if (rv != APR_SUCCESS) {
        ap_log_cerror(APLOG_MARK, APLOG_ERR, rv, c, APLOGNO(20130)
                      "Can't consume pipelined empty lines");
        c->keepalive = AP_CONN_CLOSE;
        return APR_EGENERAL;
    }
    return APR_SUCCESS;
}

AP_DECLARE(apr_status_t) ap_check_pipeline(conn_rec *c,
                                           apr_bucket_brigade *bb,
                                           unsigned int max_blank_lines)
{
    unsigned int blank = 0;

    while (c->keepalive != AP_CONN_CLOSE && !c->aborted) {
        char buf[2];
        apr_size_t len = sizeof(buf);
        apr_status_t rv;
        apr_off_t eat;

        apr_brigade_cleanup(bb);
        rv = ap_get_brigade(c->input_filters, bb, AP_MODE_SPECULATIVE,
                            APR_NONBLOCK_READ, 2);
        if (rv != APR_SUCCESS && !APR_STATUS_IS_EAGAIN(rv)) {
            apr_brigade_cleanup(bb);
            c->keepalive = AP_CONN_CLOSE;   /* the pipe is dead */
            return rv;
        }
        if (rv != APR_SUCCESS || APR_BRIGADE_EMPTY(bb)) {
            apr_brigade_cleanup(bb);
            return APR_EAGAIN;              /* up, and empty */
        }
        rv = apr_brigade_flatten(bb, buf, &len);
        apr_brigade_cleanup(bb);
        if (rv != APR_SUCCESS || len == 0) {
            /* let the next (blocking) read find out what this is */
            return len == 0 ? APR_EAGAIN : APR_SUCCESS;
        }
        if (buf[0] == '\n') {
            eat = 1;
        }
        else if (buf[0] == '\r' && len == 2 && buf[1] == '\n') {
            eat = 2;
        }
        else {
            return APR_SUCCESS;             /* a request is waiting */
        }
        if (blank++ >= max_blank_lines) {
            return APR_SUCCESS;             /* the reader will judge */
        }
        if ((rv = eat_blank(c, bb, eat)) != APR_SUCCESS) {
            return rv;
        }
    }
    return APR_EOF;
}

AP_DECLARE(void) ap_process_request_after_handler(request_rec *r)
{
    conn_rec *c = r->connection;
    apr_bucket_brigade *bb = ap__http_conn_brigade(c);
    apr_status_t rv;

    APR_BRIGADE_INSERT_HEAD(bb, ap_bucket_eor_create(c->bucket_alloc, r));
    ap_pass_brigade(c->output_filters, bb);
    /* Normally the filters took the EOR; after an error it is still here
     * and deleting it logs and frees the request now. */
    apr_brigade_cleanup(bb);
    /* From here on r may be gone. */
    rv = ap_check_pipeline(c, bb, DEFAULT_LIMIT_BLANK_LINES);
    c->data_in_input_filters = (rv == APR_SUCCESS);
    apr_brigade_cleanup(bb);
    if (c->cs) {
        c->cs->state = c->aborted ? CONN_STATE_LINGER
                                  : CONN_STATE_WRITE_COMPLETION;
    }
    if (ap_extended_status) {
        ap_time_process_request(c->sbh, STOP_PREQUEST);
    }
}

void ap_process_async_request(request_rec *r)
{
    conn_rec *c = r->connection;
    int status;

    if (ap_extended_status) {
        ap_time_process_request(c->sbh, START_PREQUEST);
    }
    /* The quick handler may serve it before any other phase (a cache). */
    status = ap_run_quick_handler(r, 0);
    if (status == DECLINED) {
        status = ap_process_request_internal(r);
        if (status == OK) {
            status = ap_invoke_handler(r);
        }
    }
    if (status == SUSPENDED) {
        /* a module owns the request now and will finish it */
        if (c->cs) {
            c->cs->state = CONN_STATE_SUSPENDED;
        }
        return;
    }
    if (status == DONE) {
        status = OK;    /* answered without storage, e.g. TRACE */
    }
    if (status == OK) {
        ap_finalize_request_protocol(r);
    }
    else {
        r->status = HTTP_OK;
        ap_die(status, r);
    }
    ap_process_request_after_handler(r);
}

AP_DECLARE(void) ap_process_request(request_rec *r)
{
    conn_rec *c = r->connection;

    ap_process_async_request(r);
    if (!c->data_in_input_filters) {
        /* No pipelined request waits: the response must leave now. */
        apr_bucket_brigade *bb = ap__http_conn_brigade(c);
        apr_status_t rv;

        APR_BRIGADE_INSERT_HEAD(bb, apr_bucket_flush_create(c->bucket_alloc));
        rv = ap_pass_brigade(c->output_filters, bb);
        apr_brigade_cleanup(bb);
        if (APR_STATUS_IS_TIMEUP(rv)) {
            ap_log_cerror(APLOG_MARK, APLOG_INFO, rv, c, APLOGNO(20131)
                          "flushing data to the client");
        }
    }
}
