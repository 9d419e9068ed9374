/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * mod_reqtimeout_filter.c: the "reqtimeout" connection input filter.
 *
 * A stage's clock starts at its first read. Before each blocking read
 * the socket timeout is lowered to the time left (restored afterwards),
 * so a silent client is cut when the stage's time is up; every byte
 * received moves the deadline by 1/MinRate second, never beyond the
 * stage's maximum. A blocking line read is done as "wait for a byte,
 * then take what is there without blocking", because a client sending
 * one byte at a time would otherwise keep a single blocking line read
 * alive for ever. Non-blocking reads pass through (and still count).
 * As in Apache, the bytes of a line still incomplete extend the deadline
 * only from the next wait on: a client that sends half a line and then
 * nothing is cut at the deadline it had before sending it.
 *
 * An async MPM may read the request head itself without blocking (the
 * event MPM): ap__rt_head_deadline gives it the header stage's deadline,
 * and the bytes it credited are not counted again when they pass here.
 */
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_connection.h"
#include "http_log.h"
#include "util_filter.h"
#include "mod_reqtimeout_private.h"

APLOG_USE_MODULE(reqtimeout);

/* Never ask the socket for less: timers are not that precise. */
#define RT_MIN_SOCKET_TIMEOUT apr_time_from_msec(100)

void ap__rt_set_stage(ap__rt_conn_t *ctx, const ap__rt_stage_t *stage,
                      const char *type)
{
    ctx->cur = *stage;
    ctx->type = type;
    ctx->timeout_at = 0;
    ctx->max_timeout_at = 0;
    ctx->first_byte_wait = 0;
    ctx->mpm_head = 0;
    ctx->prepaid = 0;
}

static void start_clock(ap__rt_conn_t *ctx, apr_time_t now)
{
    ctx->timeout_at = now + apr_time_from_sec(ctx->cur.timeout);
    ctx->max_timeout_at = ctx->cur.max_timeout > 0
                          ? now + apr_time_from_sec(ctx->cur.max_timeout)
                          : 0;
}

static void extend(ap__rt_conn_t *ctx, apr_off_t len)
{
    apr_time_t at;

    if (ctx->prepaid > 0) {
        apr_off_t paid = len < ctx->prepaid ? len : ctx->prepaid;

        ctx->prepaid -= paid;
        len -= paid;
    }
    if (!ctx->cur.rate_factor || len <= 0) {
        return;
    }
    at = ctx->timeout_at + (apr_time_t)len * ctx->cur.rate_factor;
    if (ctx->max_timeout_at && at > ctx->max_timeout_at) {
        at = ctx->max_timeout_at;
    }
    ctx->timeout_at = at;
}

static void extend_by_brigade(ap__rt_conn_t *ctx, apr_bucket_brigade *bb)
{
    apr_off_t len = 0;

    if (ctx->cur.rate_factor
        && apr_brigade_length(bb, 0, &len) == APR_SUCCESS) {
        extend(ctx, len);
    }
}

static apr_status_t timed_out(ap_filter_t *f, ap__rt_conn_t *ctx)
{
    ap_log_cerror(APLOG_MARK, APLOG_INFO, 0, f->c, APLOGNO(01382)
                  "Request %s read timeout", ctx->type);
    f->c->keepalive = AP_CONN_CLOSE;
    return APR_TIMEUP;
}

/* Lower the socket timeout to what is left of the stage; returns the
 * old value through @a saved. */
static apr_status_t arm_socket(ap__rt_conn_t *ctx, apr_interval_time_t left,
                               apr_interval_time_t *saved)
{
    apr_interval_time_t t = left;

    if (apr_socket_timeout_get(ctx->socket, saved) != APR_SUCCESS) {
        *saved = -1;
    }
    if (*saved > 0 && *saved < t) {
        t = *saved;
    }
    if (t < RT_MIN_SOCKET_TIMEOUT) {
        t = RT_MIN_SOCKET_TIMEOUT;
    }
    return apr_socket_timeout_set(ctx->socket, t);
}

/* Block until at least one byte is buffered below us, within the
 * stage's time (or, on keep-alive, within @a wait). */
static apr_status_t wait_for_data(ap_filter_t *f, ap__rt_conn_t *ctx,
                                  apr_interval_time_t wait)
{
    apr_interval_time_t saved;
    apr_status_t rv;

    if (!ctx->tmpbb) {
        ctx->tmpbb = apr_brigade_create(f->c->pool, f->c->bucket_alloc);
    }
    rv = arm_socket(ctx, wait, &saved);
    if (rv == APR_SUCCESS) {
        rv = ap_get_brigade(f->next, ctx->tmpbb, AP_MODE_SPECULATIVE,
                            APR_BLOCK_READ, 1);
        apr_socket_timeout_set(ctx->socket, saved);
    }
    apr_brigade_cleanup(ctx->tmpbb);
    return rv;
}

/* A blocking line read in non-blocking steps, extending the deadline as
 * pieces arrive. */
static apr_status_t read_line(ap_filter_t *f, ap__rt_conn_t *ctx,
                              apr_bucket_brigade *bb, apr_off_t readbytes)
{
    apr_off_t got = 0;

    if (readbytes <= 0) {
        readbytes = HUGE_STRING_LEN;
    }
    for (;;) {
        apr_off_t len = 0;
        apr_interval_time_t left;
        apr_time_t due = ctx->timeout_at;   /* before this round's bytes */
        apr_status_t rv = ap_get_brigade(f->next, bb, AP_MODE_GETLINE,
                                         APR_NONBLOCK_READ,
                                         readbytes - got);

        apr_brigade_length(bb, 0, &len);
        extend(ctx, len - got);
        got = len;
        if (rv == APR_SUCCESS) {
            return rv;          /* a whole line, or as much as allowed */
        }
        if (!APR_STATUS_IS_EAGAIN(rv)) {
            return rv;
        }
        if (got >= readbytes) {
            return APR_SUCCESS;
        }
        left = due - apr_time_now();
        if (left <= 0) {
            return APR_TIMEUP;
        }
        rv = wait_for_data(f, ctx, left);
        if (rv != APR_SUCCESS) {
            return rv;
        }
    }
}

static apr_status_t timed_read(ap_filter_t *f, ap__rt_conn_t *ctx,
                               apr_bucket_brigade *bb, ap_input_mode_t mode,
                               apr_off_t readbytes, apr_interval_time_t left)
{
    apr_interval_time_t saved;
    apr_status_t rv;

    if (mode == AP_MODE_GETLINE) {
        return read_line(f, ctx, bb, readbytes);
    }
    rv = arm_socket(ctx, left, &saved);
    if (rv != APR_SUCCESS) {
        return rv;
    }
    rv = ap_get_brigade(f->next, bb, mode, APR_BLOCK_READ, readbytes);
    apr_socket_timeout_set(ctx->socket, saved);
    if (rv == APR_SUCCESS && mode != AP_MODE_SPECULATIVE) {
        extend_by_brigade(ctx, bb);
    }
    return rv;
}

/* Keep-alive: the next request may be a while coming; that wait is
 * KeepAliveTimeout's business, the header clock starts with its data. */
static apr_status_t keepalive_wait(ap_filter_t *f, ap__rt_conn_t *ctx)
{
    apr_interval_time_t wait = ctx->first_byte_wait;

    ctx->first_byte_wait = 0;
    return wait_for_data(f, ctx, wait);
}

apr_status_t ap__rt_filter(ap_filter_t *f, apr_bucket_brigade *bb,
                           ap_input_mode_t mode, apr_read_type_e block,
                           apr_off_t readbytes)
{
    ap__rt_conn_t *ctx = f->ctx;
    int nonblocking = block == APR_NONBLOCK_READ || mode == AP_MODE_INIT
                      || mode == AP_MODE_EATCRLF;
    apr_time_t now;
    apr_status_t rv;

    if (ctx->cur.timeout <= 0) {
        return ap_get_brigade(f->next, bb, mode, block, readbytes);
    }
    if (ctx->first_byte_wait > 0) {
        if (nonblocking) {
            /* the MPM did the waiting: the data is there */
            ctx->first_byte_wait = 0;
        }
        else if ((rv = keepalive_wait(f, ctx)) != APR_SUCCESS) {
            return rv;          /* the keep-alive timeout: no log line */
        }
    }
    now = apr_time_now();
    if (!ctx->timeout_at) {
        start_clock(ctx, now);
    }
    if (ctx->timeout_at <= now
        && !(mode == AP_MODE_GETLINE && ctx->prepaid > 0)) {
        /* (Lines the MPM received in time are still served: once they
         * are used up, the line read fails as it would have.) */
        return timed_out(f, ctx);
    }
    if (nonblocking) {
        rv = ap_get_brigade(f->next, bb, mode, block, readbytes);
        if (rv == APR_SUCCESS && mode != AP_MODE_SPECULATIVE) {
            extend_by_brigade(ctx, bb);
        }
        return rv;
    }
    rv = timed_read(f, ctx, bb, mode, readbytes, ctx->timeout_at - now);
    if (APR_STATUS_IS_TIMEUP(rv)) {
        return timed_out(f, ctx);
    }
    return rv;
}

apr_time_t ap__rt_head_deadline(conn_rec *c, apr_off_t credited,
                                apr_off_t buffered)
{
    ap__rt_conn_t *ctx = ap_get_module_config(c->conn_config,
                                              &reqtimeout_module);
    apr_time_t at;

    if (!ctx) {
        return 0;
    }
    if (!ctx->mpm_head) {
        const ap__rt_server_t *cfg =
            ap_get_module_config(c->base_server->module_config,
                                 &reqtimeout_module);

        if (cfg->header.timeout <= 0) {
            return 0;
        }
        ap__rt_set_stage(ctx, &cfg->header, "header");
        start_clock(ctx, apr_time_now());
        ctx->head_base = ctx->timeout_at;
        ctx->mpm_head = 1;
    }
    at = ctx->head_base;
    if (ctx->cur.rate_factor && credited > 0) {
        at += (apr_time_t)credited * ctx->cur.rate_factor;
        if (ctx->max_timeout_at && at > ctx->max_timeout_at) {
            at = ctx->max_timeout_at;
        }
    }
    ctx->timeout_at = at;
    ctx->prepaid = buffered;
    return at;
}
