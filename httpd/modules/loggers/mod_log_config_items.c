/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* mod_log_config_items.c: the built-in %-directives.  Each returns a
 * string for the log line, or NULL for "-".  Values that come from the
 * client are escaped so a log line can't be forged or hide terminal
 * escapes. */

#include <string.h>

#include "apr_strings.h"
#include "apr_lib.h"
#include "apr_portable.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_protocol.h"

#include "mod_log_config_private.h"

/* ---- escaping --------------------------------------------------------- */

static int needs_escape(unsigned char c)
{
    return c < 0x20 || c >= 0x7f || c == '"' || c == '\\';
}

const char *ap__lc_escape(apr_pool_t *p, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const char *q;
    char *out, *d;

    if (!s) {
        return NULL;
    }
    for (q = s; *q && !needs_escape((unsigned char)*q); q++) {
        ;
    }
    if (!*q) {
        return s;   /* the common case: nothing to do, nothing copied */
    }
    d = out = apr_palloc(p, (apr_size_t)(q - s) + 4 * strlen(q) + 1);
    memcpy(d, s, (apr_size_t)(q - s));
    d += q - s;
    for (; *q; q++) {
        unsigned char c = (unsigned char)*q;
        if (!needs_escape(c)) {
            *d++ = (char)c;
            continue;
        }
        *d++ = '\\';
        switch (c) {
        case '\b': *d++ = 'b'; break;
        case '\n': *d++ = 'n'; break;
        case '\r': *d++ = 'r'; break;
        case '\t': *d++ = 't'; break;
        case '\v': *d++ = 'v'; break;
        case '\\': *d++ = '\\'; break;
        case '"':  *d++ = '"'; break;
        default:
            *d++ = 'x';
            *d++ = hex[c >> 4];
            *d++ = hex[c & 0xf];
        }
    }
    *d = '\0';
    return out;
}

/* ---- per-request state ------------------------------------------------ */

typedef struct {
    apr_time_t end_time;
} lc_request_state;

apr_time_t ap__lc_request_end_time(request_rec *r)
{
    lc_request_state *st = ap_get_module_config(r->request_config,
                                                &log_config_module);

    if (!st) {
        st = apr_pcalloc(r->pool, sizeof(*st));
        ap_set_module_config(r->request_config, &log_config_module, st);
    }
    if (st->end_time == 0) {
        st->end_time = apr_time_now();
    }
    return st->end_time;
}

/* ---- client and connection -------------------------------------------- */

static const char *item_remote_host(request_rec *r, char *a)
{
    const char *h;

    if (!strcmp(a, "c")) {
        h = ap_get_remote_host(r->connection, r->per_dir_config,
                               REMOTE_NAME, NULL);
    }
    else {
        h = ap_get_useragent_host(r, REMOTE_NAME, NULL);
    }
    return ap__lc_escape(r->pool, h);
}

static const char *item_remote_address(request_rec *r, char *a)
{
    return !strcmp(a, "c") ? r->connection->client_ip : r->useragent_ip;
}

static const char *item_local_address(request_rec *r, char *a)
{
    return r->connection->local_ip;
}

static const char *item_remote_logname(request_rec *r, char *a)
{
    return ap__lc_escape(r->pool, ap_get_remote_logname(r));
}

static const char *item_remote_user(request_rec *r, char *a)
{
    if (!r->user) {
        return NULL;
    }
    /* an empty user name must stay visible in the log */
    return *r->user ? ap__lc_escape(r->pool, r->user) : "\"\"";
}

static const char *item_connection_status(request_rec *r, char *a)
{
    const conn_rec *c = r->connection;

    if (c->aborted) {
        return "X";
    }
    if (c->keepalive == AP_CONN_KEEPALIVE
        && (!r->server->keep_alive_max
            || r->server->keep_alive_max - c->keepalives > 0)) {
        return "+";
    }
    return "-";
}

static const char *item_requests_on_connection(request_rec *r, char *a)
{
    int n = r->connection->keepalives;

    return apr_itoa(r->pool, n ? n - 1 : 0);
}

/* ---- the request ------------------------------------------------------ */

static const char *item_request_line(request_rec *r, char *a)
{
    /* never log a password given in the URL */
    if (r->parsed_uri.password) {
        return ap__lc_escape(r->pool, apr_pstrcat(r->pool, r->method, " ",
                             apr_uri_unparse(r->pool, &r->parsed_uri, 0),
                             r->assbackwards ? NULL : " ", r->protocol,
                             NULL));
    }
    return ap__lc_escape(r->pool, r->the_request);
}

static const char *item_request_file(request_rec *r, char *a)
{
    return ap__lc_escape(r->pool, r->filename);
}

static const char *item_request_uri(request_rec *r, char *a)
{
    return ap__lc_escape(r->pool, r->uri);
}

static const char *item_request_method(request_rec *r, char *a)
{
    return ap__lc_escape(r->pool, r->method);
}

static const char *item_request_protocol(request_rec *r, char *a)
{
    return ap__lc_escape(r->pool, r->protocol);
}

static const char *item_request_query(request_rec *r, char *a)
{
    if (!r->args) {
        return "";
    }
    return apr_pstrcat(r->pool, "?", ap__lc_escape(r->pool, r->args), NULL);
}

static const char *item_status(request_rec *r, char *a)
{
    return apr_itoa(r->pool, r->status);
}

static const char *item_handler(request_rec *r, char *a)
{
    return ap__lc_escape(r->pool, r->handler);
}

static const char *item_clf_bytes(request_rec *r, char *a)
{
    if (!r->sent_bodyct || !r->bytes_sent) {
        return NULL;
    }
    return apr_off_t_toa(r->pool, r->bytes_sent);
}

static const char *item_bytes(request_rec *r, char *a)
{
    if (!r->sent_bodyct || !r->bytes_sent) {
        return "0";
    }
    return apr_off_t_toa(r->pool, r->bytes_sent);
}

/* ---- tables ----------------------------------------------------------- */

static const char *item_header_in(request_rec *r, char *a)
{
    return ap__lc_escape(r->pool, apr_table_get(r->headers_in, a));
}

static const char *item_trailer_in(request_rec *r, char *a)
{
    return r->trailers_in
           ? ap__lc_escape(r->pool, apr_table_get(r->trailers_in, a)) : NULL;
}

static const char *item_trailer_out(request_rec *r, char *a)
{
    return r->trailers_out
           ? ap__lc_escape(r->pool, apr_table_get(r->trailers_out, a))
           : NULL;
}

typedef struct {
    apr_pool_t *p;
    const char *joined;
} join_ctx;

static int join_values(void *data, const char *key, const char *val)
{
    join_ctx *j = data;

    j->joined = j->joined ? apr_pstrcat(j->p, j->joined, ", ", val, NULL)
                          : val;
    return 1;
}

static const char *item_header_out(request_rec *r, char *a)
{
    join_ctx j;

    if (!strcasecmp(a, "Content-type") && r->content_type) {
        return ap__lc_escape(r->pool,
                             ap_field_noparam(r->pool, r->content_type));
    }
    if (strcasecmp(a, "Set-Cookie")) {
        return ap__lc_escape(r->pool, apr_table_get(r->headers_out, a));
    }
    /* every Set-Cookie (err_headers_out were merged in by the time the
     * request is logged) */
    j.p = r->pool;
    j.joined = NULL;
    apr_table_do(join_values, &j, r->headers_out, a, NULL);
    return ap__lc_escape(r->pool, j.joined);
}

static const char *item_note(request_rec *r, char *a)
{
    return ap__lc_escape(r->pool, apr_table_get(r->notes, a));
}

static const char *item_env(request_rec *r, char *a)
{
    return ap__lc_escape(r->pool, apr_table_get(r->subprocess_env, a));
}

/* Value of cookie @a a from the Cookie header(s). */
static const char *item_cookie(request_rec *r, char *a)
{
    const char *h = apr_table_get(r->headers_in, "Cookie");
    apr_size_t alen = strlen(a);

    while (h && *h) {
        const char *name, *eq, *end, *vend;

        h += strspn(h, " \t;");
        name = h;
        end = h + strcspn(h, ";");
        eq = memchr(name, '=', (apr_size_t)(end - name));
        h = end;
        if (!eq) {
            continue;
        }
        vend = eq;
        while (vend > name && apr_isspace(vend[-1])) {
            vend--;
        }
        if ((apr_size_t)(vend - name) != alen
            || strncasecmp(name, a, alen)) {
            continue;
        }
        eq++;
        eq += strspn(eq, " \t");
        while (end > eq && apr_isspace(end[-1])) {
            end--;
        }
        if (end == eq) {
            return NULL;
        }
        return ap__lc_escape(r->pool, apr_pstrmemdup(r->pool, eq,
                                                 (apr_size_t)(end - eq)));
    }
    return NULL;
}

/* ---- server ----------------------------------------------------------- */

static const char *item_virtual_host(request_rec *r, char *a)
{
    return ap__lc_escape(r->pool, r->server->server_hostname);
}

static const char *item_server_name(request_rec *r, char *a)
{
    return ap__lc_escape(r->pool, ap_get_server_name(r));
}

static const char *item_server_port(request_rec *r, char *a)
{
    apr_port_t port;

    if (!*a || !strcasecmp(a, "canonical")) {
        port = r->server->port ? r->server->port : ap_default_port(r);
    }
    else if (!strcasecmp(a, "remote")) {
        port = r->useragent_addr ? r->useragent_addr->port : 0;
    }
    else if (!strcasecmp(a, "local")) {
        port = r->connection->local_addr ? r->connection->local_addr->port
                                         : 0;
    }
    else {
        return a;   /* unknown argument: logged as given */
    }
    return apr_itoa(r->pool, (int)port);
}

static const char *item_pid_tid(request_rec *r, char *a)
{
    if (!*a || !strcasecmp(a, "pid")) {
        return ap_append_pid(r->pool, "", "");
    }
    if (!strcasecmp(a, "tid") || !strcasecmp(a, "hextid")) {
        unsigned long tid = (unsigned long)apr_os_thread_current();
        return apr_psprintf(r->pool, *a == 'h' ? "%lx" : "%lu", tid);
    }
    return a;
}

static const char *item_log_id(request_rec *r, char *a)
{
    if (!strcmp(a, "c")) {
        return r->connection->log_id;
    }
    return r->log_id;
}

/* ---- durations -------------------------------------------------------- */

static apr_time_t duration(request_rec *r)
{
    return ap__lc_request_end_time(r) - r->request_time;
}

static const char *item_duration_usec(request_rec *r, char *a)
{
    return apr_psprintf(r->pool, "%" APR_TIME_T_FMT, duration(r));
}

/* %T, %{s}T, %{ms}T, %{us}T */
static const char *item_duration_scaled(request_rec *r, char *a)
{
    apr_time_t d = duration(r);

    if (!strcasecmp(a, "ms")) {
        d = apr_time_as_msec(d);
    }
    else if (strcasecmp(a, "us")) {
        d = apr_time_sec(d);
    }
    return apr_psprintf(r->pool, "%" APR_TIME_T_FMT, d);
}

/* %I %O %S without mod_logio: the byte counts are not tracked. */
static const char *item_unavailable(request_rec *r, char *a)
{
    return NULL;
}

void ap__lc_register_builtins(apr_pool_t *p)
{
    static const struct {
        const char *tag;
        ap_log_handler_fn_t *func;
        int want_orig;
    } builtin[] = {
        { "h", item_remote_host, 0 },     { "a", item_remote_address, 0 },
        { "A", item_local_address, 0 },   { "l", item_remote_logname, 0 },
        { "u", item_remote_user, 0 },     { "t", ap__lc_request_time, 0 },
        { "f", item_request_file, 0 },    { "b", item_clf_bytes, 0 },
        { "B", item_bytes, 0 },           { "i", item_header_in, 0 },
        { "o", item_header_out, 0 },      { "n", item_note, 0 },
        { "L", item_log_id, 1 },          { "e", item_env, 0 },
        { "V", item_server_name, 0 },     { "v", item_virtual_host, 0 },
        { "p", item_server_port, 0 },     { "P", item_pid_tid, 0 },
        { "H", item_request_protocol, 0 }, { "m", item_request_method, 0 },
        { "q", item_request_query, 0 },   { "X", item_connection_status, 0 },
        { "C", item_cookie, 0 },      { "k", item_requests_on_connection, 0 },
        { "r", item_request_line, 1 },    { "D", item_duration_usec, 1 },
        { "T", item_duration_scaled, 1 }, { "U", item_request_uri, 1 },
        { "s", item_status, 1 },          { "R", item_handler, 1 },
        { "^ti", item_trailer_in, 0 },    { "^to", item_trailer_out, 0 },
        { "I", item_unavailable, 0 },     { "O", item_unavailable, 0 },
        { "S", item_unavailable, 0 },
    };
    apr_size_t i;

    for (i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++) {
        ap__lc_register_handler(p, (char *)builtin[i].tag, builtin[i].func,
                                builtin[i].want_orig);
    }
}
