/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * The built-in %{NAME} variables of the expression language. The name
 * is resolved at parse time to a small id passed as the variable's
 * data; evaluation is a switch on that id.
 */
#include <string.h>

#include "apr_strings.h"
#include "httpd.h"
#include "apr_lib.h"
#include "apr_cstr.h"
#include "apr_user.h"
#include "ap_mmn.h"
#include "http_core.h"
#include "http_protocol.h"

#include "util_expr_private.h"

typedef enum {
    V_REQUEST_METHOD, V_REQUEST_SCHEME, V_REQUEST_URI, V_REQUEST_FILENAME,
    V_LAST_MODIFIED, V_SCRIPT_USER, V_SCRIPT_GROUP, V_PATH_INFO,
    V_QUERY_STRING, V_IS_SUBREQ, V_THE_REQUEST, V_REMOTE_ADDR,
    V_REMOTE_PORT, V_REMOTE_HOST, V_REMOTE_USER, V_REMOTE_IDENT,
    V_SERVER_NAME, V_SERVER_PORT, V_SERVER_ADMIN, V_SERVER_PROTOCOL,
    V_DOCUMENT_ROOT, V_AUTH_TYPE, V_CONTENT_TYPE, V_HANDLER, V_HTTP2,
    V_REQUEST_STATUS, V_REQUEST_LOG_ID, V_CONTEXT_PREFIX,
    V_CONTEXT_DOCUMENT_ROOT,
    /* need only the connection */
    V_HTTPS, V_IPV6, V_CONN_LOG_ID, V_CONN_REMOTE_ADDR,
    /* need nothing */
    V_TIME_YEAR, V_TIME_MON, V_TIME_DAY, V_TIME_HOUR, V_TIME_MIN,
    V_TIME_SEC, V_TIME_WDAY, V_TIME, V_SERVER_SOFTWARE, V_API_VERSION
} var_id_e;

static const struct {
    const char *name;
    var_id_e id;
} vars[] = {
    { "REQUEST_METHOD", V_REQUEST_METHOD },
    { "REQUEST_SCHEME", V_REQUEST_SCHEME },
    { "REQUEST_URI", V_REQUEST_URI },
    { "DOCUMENT_URI", V_REQUEST_URI },
    { "REQUEST_FILENAME", V_REQUEST_FILENAME },
    { "SCRIPT_FILENAME", V_REQUEST_FILENAME },
    { "LAST_MODIFIED", V_LAST_MODIFIED },
    { "SCRIPT_USER", V_SCRIPT_USER },
    { "SCRIPT_GROUP", V_SCRIPT_GROUP },
    { "PATH_INFO", V_PATH_INFO },
    { "QUERY_STRING", V_QUERY_STRING },
    { "IS_SUBREQ", V_IS_SUBREQ },
    { "THE_REQUEST", V_THE_REQUEST },
    { "REMOTE_ADDR", V_REMOTE_ADDR },
    { "REMOTE_PORT", V_REMOTE_PORT },
    { "REMOTE_HOST", V_REMOTE_HOST },
    { "REMOTE_USER", V_REMOTE_USER },
    { "REMOTE_IDENT", V_REMOTE_IDENT },
    { "SERVER_NAME", V_SERVER_NAME },
    { "SERVER_PORT", V_SERVER_PORT },
    { "SERVER_ADMIN", V_SERVER_ADMIN },
    { "SERVER_PROTOCOL", V_SERVER_PROTOCOL },
    { "DOCUMENT_ROOT", V_DOCUMENT_ROOT },
    { "AUTH_TYPE", V_AUTH_TYPE },
    { "CONTENT_TYPE", V_CONTENT_TYPE },
    { "HANDLER", V_HANDLER },
    { "HTTP2", V_HTTP2 },
    { "REQUEST_STATUS", V_REQUEST_STATUS },
    { "REQUEST_LOG_ID", V_REQUEST_LOG_ID },
    { "CONTEXT_PREFIX", V_CONTEXT_PREFIX },
    { "CONTEXT_DOCUMENT_ROOT", V_CONTEXT_DOCUMENT_ROOT },
    { "HTTPS", V_HTTPS },
    { "IPV6", V_IPV6 },
    { "CONN_LOG_ID", V_CONN_LOG_ID },
    { "CONN_REMOTE_ADDR", V_CONN_REMOTE_ADDR },
    { "TIME_YEAR", V_TIME_YEAR },
    { "TIME_MON", V_TIME_MON },
    { "TIME_DAY", V_TIME_DAY },
    { "TIME_HOUR", V_TIME_HOUR },
    { "TIME_MIN", V_TIME_MIN },
    { "TIME_SEC", V_TIME_SEC },
    { "TIME_WDAY", V_TIME_WDAY },
    { "TIME", V_TIME },
    { "SERVER_SOFTWARE", V_SERVER_SOFTWARE },
    { "API_VERSION", V_API_VERSION },
};

/* The request headers the manual lists as variables. */
static const struct {
    const char *name;
    const char *header;
} header_vars[] = {
    { "HTTP_ACCEPT", "Accept" },
    { "HTTP_COOKIE", "Cookie" },
    { "HTTP_FORWARDED", "Forwarded" },
    { "HTTP_HOST", "Host" },
    { "HTTP_PROXY_CONNECTION", "Proxy-Connection" },
    { "HTTP_REFERER", "Referer" },
    { "HTTP_USER_AGENT", "User-Agent" },
};

static const char *header_var(ap_expr_eval_ctx_t *ctx, const void *data)
{
    const char *name = data;

    if (ctx->r == NULL) {
        return "";
    }
    ap__expr_add_vary(ctx, name);
    return apr_table_get(ctx->r->headers_in, name);
}

static const char *two_digits(apr_pool_t *p, int v)
{
    return apr_psprintf(p, "%02d", v);
}

static const char *timestamp(apr_pool_t *p, apr_time_t t)
{
    apr_time_exp_t tm;

    apr_time_exp_lt(&tm, t);
    return apr_psprintf(p, "%04d%02d%02d%02d%02d%02d", tm.tm_year + 1900,
                        tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                        tm.tm_sec);
}

static const char *time_var(ap_expr_eval_ctx_t *ctx, var_id_e id)
{
    apr_time_exp_t tm;

    if (id == V_TIME) {
        return timestamp(ctx->p, apr_time_now());
    }
    apr_time_exp_lt(&tm, apr_time_now());
    switch (id) {
    case V_TIME_YEAR: return apr_itoa(ctx->p, tm.tm_year + 1900);
    case V_TIME_MON:  return two_digits(ctx->p, tm.tm_mon + 1);
    case V_TIME_DAY:  return two_digits(ctx->p, tm.tm_mday);
    case V_TIME_HOUR: return two_digits(ctx->p, tm.tm_hour);
    case V_TIME_MIN:  return two_digits(ctx->p, tm.tm_min);
    case V_TIME_SEC:  return two_digits(ctx->p, tm.tm_sec);
    default:          return apr_itoa(ctx->p, tm.tm_wday);
    }
}

/* An IPv4-mapped IPv6 address counts as IPv4, as for the client. */
static int is_ipv6(const conn_rec *c)
{
    if (c->client_addr == NULL || c->client_addr->family != APR_INET6) {
        return 0;
    }
    return !(c->client_ip && strncmp(c->client_ip, "::ffff:", 7) == 0
             && strchr(c->client_ip, '.') != NULL);
}

static const char *conn_var(ap_expr_eval_ctx_t *ctx, var_id_e id)
{
    conn_rec *c = ctx->c ? ctx->c : (ctx->r ? ctx->r->connection : NULL);

    if (id == V_HTTPS && ctx->r) {
        const char *scheme = ap_http_scheme(ctx->r);
        return scheme && strcmp(scheme, "https") == 0 ? "on" : "off";
    }
    if (c == NULL) {
        return (id == V_HTTPS || id == V_IPV6) ? "off" : "";
    }
    switch (id) {
    case V_HTTPS:       return "off";
    case V_IPV6:        return is_ipv6(c) ? "on" : "off";
    case V_CONN_LOG_ID: return c->log_id;
    default:            return c->client_ip;
    }
}

static const char *finfo_var(ap_expr_eval_ctx_t *ctx, var_id_e id)
{
    request_rec *r = ctx->r;
    char *name = NULL;

    if (id == V_LAST_MODIFIED) {
        if (r->finfo.filetype == APR_NOFILE) {
            return "";
        }
        return timestamp(ctx->p, r->finfo.mtime);
    }
    if (id == V_SCRIPT_USER && (r->finfo.valid & APR_FINFO_USER)) {
        apr_uid_name_get(&name, r->finfo.user, ctx->p);
    }
    else if (id == V_SCRIPT_GROUP && (r->finfo.valid & APR_FINFO_GROUP)) {
        apr_gid_name_get(&name, r->finfo.group, ctx->p);
    }
    return name ? name : "<unknown>";
}

static const char *remote_port(ap_expr_eval_ctx_t *ctx)
{
    const apr_sockaddr_t *sa = ctx->r->useragent_addr;

    if (sa == NULL && ctx->r->connection) {
        sa = ctx->r->connection->client_addr;
    }
    return sa ? apr_itoa(ctx->p, sa->port) : "";
}

static const char *request_var(ap_expr_eval_ctx_t *ctx, var_id_e id)
{
    request_rec *r = ctx->r;

    switch (id) {
    case V_REQUEST_METHOD:  return r->method;
    case V_REQUEST_SCHEME:  return ap_http_scheme(r);
    case V_REQUEST_URI:     return r->uri;
    case V_REQUEST_FILENAME: return r->filename ? r->filename : r->uri;
    case V_PATH_INFO:       return r->path_info;
    case V_QUERY_STRING:    return r->args;
    case V_IS_SUBREQ:       return r->main ? "true" : "false";
    case V_THE_REQUEST:     return r->the_request;
    case V_REMOTE_ADDR:     return r->useragent_ip;
    case V_REMOTE_PORT:     return remote_port(ctx);
    case V_REMOTE_HOST:
        return ap_get_remote_host(r->connection, r->per_dir_config,
                                  REMOTE_NAME, NULL);
    case V_REMOTE_USER:     return r->user;
    case V_REMOTE_IDENT:    return ap_get_remote_logname(r);
    case V_SERVER_NAME:     return ap_get_server_name(r);
    case V_SERVER_PORT:     return apr_itoa(ctx->p, ap_get_server_port(r));
    case V_SERVER_ADMIN:    return r->server ? r->server->server_admin : "";
    case V_SERVER_PROTOCOL: return r->protocol;
    case V_DOCUMENT_ROOT:   return ap_document_root(r);
    case V_AUTH_TYPE:       return r->ap_auth_type;
    case V_CONTENT_TYPE:    return r->content_type;
    case V_HANDLER:         return r->handler;
    case V_HTTP2:           return r->proto_num >= 2000 ? "on" : "off";
    case V_REQUEST_STATUS:  return apr_itoa(ctx->p, r->status);
    case V_REQUEST_LOG_ID:  return r->log_id;
    case V_CONTEXT_PREFIX:  return ap_context_prefix(r);
    case V_CONTEXT_DOCUMENT_ROOT: return ap_context_document_root(r);
    default:                return finfo_var(ctx, id);
    }
}

static const char *builtin_var(ap_expr_eval_ctx_t *ctx, const void *data)
{
    var_id_e id = (var_id_e)(apr_uintptr_t)data;

    if (id >= V_TIME_YEAR) {
        switch (id) {
        case V_SERVER_SOFTWARE:
            return ap_get_server_banner();
        case V_API_VERSION:
            return APR_STRINGIFY(MODULE_MAGIC_NUMBER_MAJOR) ":"
                   APR_STRINGIFY(MODULE_MAGIC_NUMBER_MINOR);
        default:
            return time_var(ctx, id);
        }
    }
    if (id >= V_HTTPS) {
        return conn_var(ctx, id);
    }
    return ctx->r ? request_var(ctx, id) : "";
}

int ap__expr_var_lookup(ap_expr_lookup_parms *parms)
{
    apr_size_t i;
    ap__expr_fn_u fn;

    for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
        if (apr_cstr_casecmp(parms->name, vars[i].name) == 0) {
            fn.var = builtin_var;
            *parms->func = fn.p;
            *parms->data = (const void *)(apr_uintptr_t)vars[i].id;
            return OK;
        }
    }
    for (i = 0; i < sizeof(header_vars) / sizeof(header_vars[0]); i++) {
        if (apr_cstr_casecmp(parms->name, header_vars[i].name) == 0) {
            fn.var = header_var;
            *parms->func = fn.p;
            *parms->data = header_vars[i].header;
            return OK;
        }
    }
    return DECLINED;
}
