/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * mod_reqtimeout.c: RequestReadTimeout, limits on how long a client may
 * take to send the TLS handshake, the request head and the body, each
 * optionally extended while data keeps arriving at MinRate bytes/second
 * (up to a maximum). Defaults when loaded, as Apache's:
 *   handshake=0 header=20-40,MinRate=500 body=20,MinRate=500
 * The stages are switched by hooks (pre_connection: handshake,
 * pre_read_request: header, post_read_request: body); the timing itself
 * is the connection input filter in mod_reqtimeout_filter.c.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "apr_lib.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_connection.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "ap_mpm.h"
#include "util_filter.h"
#include "mod_reqtimeout_private.h"

APLOG_USE_MODULE(reqtimeout);

/* Runs after the modules that transform the raw bytes (TLS) would. */
#define RT_FILTER_TYPE (AP_FTYPE_CONNECTION + 8)

static const ap__rt_stage_t default_handshake = { 0, 0, 0, 0 };
static const ap__rt_stage_t default_header = { 20, 40, 500, 0 };
static const ap__rt_stage_t default_body = { 20, 0, 500, 0 };

static ap_filter_rec_t *rt_filter_handle;

/* An async MPM waits for keep-alive connections itself and hands them
 * back readable; a sync one blocks in our first read. */
static int mpm_is_async;

static void *create_server_config(apr_pool_t *p, server_rec *s)
{
    ap__rt_server_t *cfg = apr_pcalloc(p, sizeof(*cfg));

    cfg->handshake.timeout = AP__RT_UNSET;
    cfg->header.timeout = AP__RT_UNSET;
    cfg->body.timeout = AP__RT_UNSET;
    return cfg;
}

static void merge_stage(ap__rt_stage_t *out, const ap__rt_stage_t *base,
                        const ap__rt_stage_t *add)
{
    *out = (add->timeout != AP__RT_UNSET) ? *add : *base;
}

static void *merge_server_config(apr_pool_t *p, void *basev, void *addv)
{
    const ap__rt_server_t *base = basev, *add = addv;
    ap__rt_server_t *cfg = apr_palloc(p, sizeof(*cfg));

    merge_stage(&cfg->handshake, &base->handshake, &add->handshake);
    merge_stage(&cfg->header, &base->header, &add->header);
    merge_stage(&cfg->body, &base->body, &add->body);
    return cfg;
}

/* A stage never configured anywhere takes the documented default. */
static void finish_stage(ap__rt_stage_t *st, const ap__rt_stage_t *dflt)
{
    if (st->timeout == AP__RT_UNSET) {
        *st = *dflt;
    }
    st->rate_factor = st->min_rate > 0
                      ? apr_time_from_sec(1) / st->min_rate : 0;
}

static int rt_post_config(apr_pool_t *pconf, apr_pool_t *plog,
                          apr_pool_t *ptemp, server_rec *main_s)
{
    server_rec *s;

    if (ap_mpm_query(AP_MPMQ_IS_ASYNC, &mpm_is_async) != APR_SUCCESS) {
        mpm_is_async = 0;
    }
    for (s = main_s; s; s = s->next) {
        ap__rt_server_t *cfg = ap_get_module_config(s->module_config,
                                                    &reqtimeout_module);
        finish_stage(&cfg->handshake, &default_handshake);
        finish_stage(&cfg->header, &default_header);
        finish_stage(&cfg->body, &default_body);
    }
    return OK;
}

/* "20" -> 20; the whole string must be a number. */
static const char *parse_int(apr_pool_t *p, const char *s, int *out)
{
    char *end;
    long v;

    if (!apr_isdigit(*s)) {
        return apr_psprintf(p, "Value '%s' not numerical", s);
    }
    v = strtol(s, &end, 10);
    if (*end) {
        return apr_psprintf(p, "Cannot parse '%s'", end);
    }
    if (v > INT_MAX / 2) {
        return apr_psprintf(p, "Value '%s' is too large", s);
    }
    *out = (int)v;
    return NULL;
}

/* "timeout[-maxtimeout][,MinRate=rate]" into @a st. */
static const char *parse_stage(apr_pool_t *p, const char *val,
                               ap__rt_stage_t *st)
{
    char *initial = apr_pstrdup(p, val), *rate, *max;
    const char *err;

    st->max_timeout = 0;
    st->min_rate = 0;
    rate = ap_strcasestr(initial, ",MinRate=");
    if (rate) {
        *rate = '\0';
        rate += sizeof(",MinRate=") - 1;
    }
    max = strchr(initial, '-');
    if (max) {
        *max++ = '\0';
        if (!rate) {
            return "Must set MinRate option if using timeout range";
        }
    }
    if ((err = parse_int(p, initial, &st->timeout)) != NULL) {
        return err;
    }
    if (max) {
        if ((err = parse_int(p, max, &st->max_timeout)) != NULL) {
            return err;
        }
        if (st->max_timeout <= st->timeout) {
            return "Maximum timeout must be larger than initial timeout";
        }
    }
    if (rate) {
        if ((err = parse_int(p, rate, &st->min_rate)) != NULL) {
            return err;
        }
        if (st->min_rate <= 0) {
            return "Minimum data rate must be larger than 0";
        }
    }
    return NULL;
}

static const char *set_timeouts(cmd_parms *cmd, void *dummy, const char *arg)
{
    ap__rt_server_t *cfg = ap_get_module_config(cmd->server->module_config,
                                                &reqtimeout_module);
    const char *eq = strchr(arg, '='), *err;
    ap__rt_stage_t *st;
    apr_size_t klen;

    if (!eq) {
        return "Invalid RequestReadTimeout parameter. Parameter must be "
               "in the form 'key=value'";
    }
    klen = (apr_size_t)(eq - arg);
    if (klen == 9 && !ap_cstr_casecmpn(arg, "handshake", klen)) {
        st = &cfg->handshake;
    }
    else if (klen == 6 && !ap_cstr_casecmpn(arg, "header", klen)) {
        st = &cfg->header;
    }
    else if (klen == 4 && !ap_cstr_casecmpn(arg, "body", klen)) {
        st = &cfg->body;
    }
    else {
        return apr_psprintf(cmd->pool, "RequestReadTimeout: %s: Unknown "
                            "RequestReadTimeout parameter", arg);
    }
    err = parse_stage(cmd->pool, eq + 1, st);
    if (err) {
        st->timeout = AP__RT_UNSET;
        return apr_psprintf(cmd->pool, "RequestReadTimeout: %s: %s", arg,
                            err);
    }
    return NULL;
}

static const command_rec rt_cmds[] = {
    AP_INIT_ITERATE("RequestReadTimeout", set_timeouts, NULL, RSRC_CONF,
                    "Set various timeout parameters for TLS handshake and "
                    "reading request headers and body"),
    { NULL }
};

static ap__rt_conn_t *conn_ctx(conn_rec *c)
{
    return ap_get_module_config(c->conn_config, &reqtimeout_module);
}

static int rt_pre_connection(conn_rec *c, void *csd)
{
    ap__rt_server_t *cfg = ap_get_module_config(c->base_server->module_config,
                                                &reqtimeout_module);
    ap__rt_conn_t *ctx;

    if (c->master || (cfg->handshake.timeout <= 0
                      && cfg->header.timeout <= 0
                      && cfg->body.timeout <= 0)) {
        return DECLINED;        /* nothing to time on this address */
    }
    ctx = apr_pcalloc(c->pool, sizeof(*ctx));
    ctx->socket = csd;
    ap__rt_set_stage(ctx, &cfg->handshake, "handshake");
    ap_set_module_config(c->conn_config, &reqtimeout_module, ctx);
    ap_add_input_filter_handle(rt_filter_handle, ctx, NULL, c);
    return DECLINED;
}

/* A new request head: the header stage of the connection's server. A
 * keep-alive connection may first idle for KeepAliveTimeout. */
static void rt_pre_read_request(request_rec *r, conn_rec *c)
{
    ap__rt_conn_t *ctx = conn_ctx(c);
    ap__rt_server_t *cfg;

    if (!ctx) {
        return;
    }
    if (ctx->mpm_head) {
        /* The MPM read this head and started the header clock at its
         * first byte: keep that deadline (the next head starts anew). */
        ctx->mpm_head = 0;
        return;
    }
    cfg = ap_get_module_config(c->base_server->module_config,
                               &reqtimeout_module);
    ap__rt_set_stage(ctx, &cfg->header, "header");
    if (c->keepalives > 0 && !mpm_is_async) {
        ctx->first_byte_wait = c->base_server->keep_alive_timeout;
    }
}

/* The head is in: the body stage of the request's (virtual) server. */
static int rt_post_read_request(request_rec *r)
{
    ap__rt_conn_t *ctx = conn_ctx(r->connection);
    ap__rt_server_t *cfg;

    if (!ctx || r->main) {
        return DECLINED;
    }
    cfg = ap_get_module_config(r->server->module_config, &reqtimeout_module);
    if (r->method_number == M_CONNECT) {
        /* a tunnel: its bytes are not a request body */
        static const ap__rt_stage_t none = { 0, 0, 0, 0 };
        ap__rt_set_stage(ctx, &none, "body");
    }
    else {
        ap__rt_set_stage(ctx, &cfg->body, "body");
    }
    return DECLINED;
}

static void register_hooks(apr_pool_t *p)
{
    APR_OPTIONAL_FN_TYPE(ap_reqtimeout_head_deadline) *head_deadline =
        ap__rt_head_deadline;

    apr_dynamic_fn_register("ap_reqtimeout_head_deadline",
                            (apr_opt_fn_t *)head_deadline);
    rt_filter_handle = ap_register_input_filter("reqtimeout", ap__rt_filter,
                                                NULL, RT_FILTER_TYPE);
    ap_hook_pre_connection(rt_pre_connection, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_pre_read_request(rt_pre_read_request, NULL, NULL,
                             APR_HOOK_MIDDLE);
    ap_hook_post_read_request(rt_post_read_request, NULL, NULL,
                              APR_HOOK_MIDDLE);
    ap_hook_post_config(rt_post_config, NULL, NULL, APR_HOOK_MIDDLE);
}

module AP_MODULE_DECLARE_DATA reqtimeout_module = {
    STANDARD20_MODULE_STUFF,
    NULL,                   /* per-directory config */
    NULL,                   /* merge per-directory */
    create_server_config,
    merge_server_config,
    rt_cmds,
    register_hooks,
    0                       /* flags */
};
