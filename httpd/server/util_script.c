/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* util_script.c: what CGI-like handlers share: the environment a script
 * gets (CGI/1.1 variables plus HTTP_* from the request headers) and the
 * parsing of the header block a script prints before its body. */

#include <stdlib.h>
#include <string.h>

#include "apr_strings.h"
#include "apr_lib.h"
#include "apr_date.h"
#include "apr_file_info.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "util_script.h"

APLOG_USE_MODULE(core);

/* messages about a script are logged as the module running it */
#define SCRIPT_LOG_MARK __FILE__, __LINE__, module_index

/* no Status: header seen (any real status is positive) */
#define STATUS_UNSET (-1)

/* ---- the environment -------------------------------------------------- */

AP_DECLARE(char **) ap_create_environment(apr_pool_t *p, apr_table_t *t)
{
    const apr_array_header_t *arr = apr_table_elts(t);
    const apr_table_entry_t *elts = (const apr_table_entry_t *)arr->elts;
    char **env = apr_palloc(p, sizeof(char *) * (apr_size_t)(arr->nelts + 2));
    const char *tz;
    int i, j = 0;

    /* scripts see the server's time zone unless told otherwise */
    if (!apr_table_get(t, "TZ") && (tz = getenv("TZ")) != NULL) {
        env[j++] = apr_pstrcat(p, "TZ=", tz, NULL);
    }
    for (i = 0; i < arr->nelts; i++) {
        char *w;

        if (!elts[i].key) {
            continue;
        }
        w = env[j++] = apr_pstrcat(p, elts[i].key, "=", elts[i].val, NULL);
        /* shells only take [A-Za-z_][A-Za-z0-9_]* as names */
        if (apr_isdigit(*w)) {
            *w++ = '_';
        }
        for (; *w != '='; w++) {
            if (!apr_isalnum(*w)) {
                *w = '_';
            }
        }
    }
    env[j] = NULL;
    return env;
}

AP_DECLARE(int) ap_find_path_info(const char *uri, const char *path_info)
{
    int lu = (int)strlen(uri), lp = (int)strlen(path_info);

    /* walk back over the common suffix; runs of '/' in the URI count as
     * one, as they did when the path was mapped */
    while (lu-- && lp-- && uri[lu] == path_info[lp]) {
        if (path_info[lp] == '/') {
            while (lu && uri[lu - 1] == '/') {
                lu--;
            }
        }
    }
    if (lu < 0) {
        lu = 0;
    }
    while (uri[lu] != '\0' && uri[lu] != '/') {
        lu++;
    }
    return lu;
}

/* "User-Agent" -> "HTTP_USER_AGENT"; NULL for names a shell could not
 * take (such headers are not exported). */
static char *http2env(request_rec *r, const char *w)
{
    char *res = apr_palloc(r->pool, sizeof("HTTP_") + strlen(w));
    char *cp = res + 5;
    const char *s;

    memcpy(res, "HTTP_", 5);
    for (s = w; *s; s++) {
        if (apr_isalnum(*s)) {
            *cp++ = (char)apr_toupper(*s);
        }
        else if (*s == '-') {
            *cp++ = '_';
        }
        else {
            ap_log_rerror(APLOG_MARK, APLOG_TRACE1, 0, r, "Not exporting "
                          "header with invalid name as envvar: %s",
                          ap_escape_logitem(r->pool, w));
            return NULL;
        }
    }
    *cp = '\0';
    return res;
}

static void add_unless_null(apr_table_t *t, const char *name,
                            const char *val)
{
    if (name && val) {
        apr_table_addn(t, name, val);
    }
}

static void add_header_vars(request_rec *r, apr_table_t *e,
                            const core_dir_config *conf)
{
    const apr_array_header_t *arr = apr_table_elts(r->headers_in);
    const apr_table_entry_t *h = (const apr_table_entry_t *)arr->elts;
    int i;

    for (i = 0; i < arr->nelts; i++) {
        const char *k = h[i].key;

        if (!k) {
            continue;
        }
        if (!strcasecmp(k, "Content-type")) {
            apr_table_addn(e, "CONTENT_TYPE", h[i].val);
        }
        else if (!strcasecmp(k, "Content-length")) {
            apr_table_addn(e, "CONTENT_LENGTH", h[i].val);
        }
        else if (!strcasecmp(k, "Proxy")) {
            /* HTTP_PROXY would configure the script's own HTTP client */
            continue;
        }
        else if (!strcasecmp(k, "Authorization")
                 || !strcasecmp(k, "Proxy-Authorization")) {
            /* credentials reach scripts only with CGIPassAuth On */
            if (conf->cgi_pass_auth == AP_CGI_PASS_AUTH_ON) {
                add_unless_null(e, http2env(r, k), h[i].val);
            }
        }
        else {
            add_unless_null(e, http2env(r, k), h[i].val);
        }
    }
}

static void add_user_vars(request_rec *r, apr_table_t *e)
{
    const request_rec *back;
    const char *ident;

    if (r->user) {
        apr_table_addn(e, "REMOTE_USER", r->user);
    }
    else {
        for (back = r->prev; back; back = back->prev) {
            if (back->user) {
                apr_table_addn(e, "REDIRECT_REMOTE_USER", back->user);
                break;
            }
        }
    }
    add_unless_null(e, "AUTH_TYPE", r->ap_auth_type);
    ident = ap_get_remote_logname(r);
    if (ident) {
        apr_table_addn(e, "REMOTE_IDENT", apr_pstrdup(r->pool, ident));
    }
}

/* After an internal redirect (ErrorDocument...): where it came from. */
static void add_redirect_vars(request_rec *r, apr_table_t *e,
                              const core_dir_config *conf)
{
    request_rec *prev = r->prev;
    apr_uri_t *uri;

    if (!prev) {
        return;
    }
    if (conf->qualify_redirect_url != AP_CORE_CONFIG_ON) {
        add_unless_null(e, "REDIRECT_URL", prev->uri);
    }
    else {
        uri = &prev->parsed_uri;
        if (!uri->scheme) {
            uri->scheme = (char *)ap_http_scheme(prev);
        }
        if (!uri->port) {
            uri->port = ap_get_server_port(prev);
            uri->port_str = apr_psprintf(r->pool, "%u", uri->port);
        }
        if (!uri->hostname) {
            uri->hostname = (char *)ap_get_server_name_for_url(prev);
        }
        add_unless_null(e, "REDIRECT_URL", apr_uri_unparse(r->pool, uri, 0));
    }
    add_unless_null(e, "REDIRECT_QUERY_STRING", prev->args);
}

static void add_server_vars(request_rec *r, apr_table_t *e)
{
    const char *path = apr_table_get(r->subprocess_env, "PATH");
    char *q;

    if (!path && !(path = getenv("PATH"))) {
        path = DEFAULT_PATH;
    }
    apr_table_addn(e, "PATH", apr_pstrdup(r->pool, path));
    apr_table_addn(e, "SERVER_SIGNATURE", ap_psignature("", r));
    apr_table_addn(e, "SERVER_SOFTWARE", ap_get_server_banner());
    apr_table_addn(e, "SERVER_NAME",
                   ap_escape_html(r->pool, ap_get_server_name_for_url(r)));
    apr_table_addn(e, "SERVER_ADDR", r->connection->local_ip);
    apr_table_addn(e, "SERVER_PORT",
                   apr_psprintf(r->pool, "%u", ap_get_server_port(r)));
    add_unless_null(e, "REMOTE_HOST",
                    ap_get_useragent_host(r, REMOTE_HOST, NULL));
    apr_table_addn(e, "REMOTE_ADDR", r->useragent_ip);
    apr_table_addn(e, "DOCUMENT_ROOT", ap_document_root(r));
    apr_table_setn(e, "REQUEST_SCHEME", ap_http_scheme(r));
    apr_table_addn(e, "CONTEXT_PREFIX", ap_context_prefix(r));
    apr_table_addn(e, "CONTEXT_DOCUMENT_ROOT", ap_context_document_root(r));
    add_unless_null(e, "SERVER_ADMIN", r->server->server_admin);
    if (r->filename && apr_table_get(r->notes, "proxy-noquery")
        && (q = strchr(r->filename, '?')) != NULL) {
        apr_table_addn(e, "SCRIPT_FILENAME",
                       apr_pstrmemdup(r->pool, r->filename,
                                      (apr_size_t)(q - r->filename)));
    }
    else {
        add_unless_null(e, "SCRIPT_FILENAME", r->filename);
    }
    apr_table_addn(e, "REMOTE_PORT",
                   apr_itoa(r->pool, r->connection->client_addr
                                     ? r->connection->client_addr->port : 0));
}

AP_DECLARE(void) ap_add_common_vars(request_rec *r)
{
    const core_dir_config *conf =
        ap_get_core_module_config(r->per_dir_config);
    apr_table_t *e;

    /* build aside and overlay at the end, so what modules set wins;
     * an empty table is simply filled */
    e = apr_is_empty_table(r->subprocess_env)
        ? r->subprocess_env
        : apr_table_make(r->pool, 25 + apr_table_elts(r->headers_in)->nelts);
    add_header_vars(r, e, conf);
    add_server_vars(r, e);
    add_user_vars(r, e);
    add_redirect_vars(r, e, conf);
    if (e != r->subprocess_env) {
        apr_table_overlap(r->subprocess_env, e, APR_OVERLAP_TABLES_SET);
    }
}

/* The URI as the client sent it (with its query string). */
static char *original_uri(request_rec *r)
{
    const char *first, *last;

    if (!r->the_request) {
        return apr_pcalloc(r->pool, 1);
    }
    first = r->the_request;
    while (*first && !apr_isspace(*first)) {
        first++;                 /* the method */
    }
    while (apr_isspace(*first)) {
        first++;
    }
    for (last = first; *last && !apr_isspace(*last); last++) {
        ;
    }
    return apr_pstrmemdup(r->pool, first, (apr_size_t)(last - first));
}

static void add_path_translated(request_rec *r, apr_table_t *e)
{
    request_rec *pa;

    if (!r->path_info || !r->path_info[0]) {
        return;
    }
    /* PATH_INFO mapped as if it were a URI (re-escaped: it was decoded) */
    pa = ap_sub_req_lookup_uri(ap_escape_uri(r->pool, r->path_info), r,
                               NULL);
    if (pa->filename) {
        apr_table_setn(e, "PATH_TRANSLATED",
                       apr_pstrcat(r->pool, pa->filename, pa->path_info,
                                   NULL));
    }
    ap_destroy_sub_req(pa);
}

AP_DECLARE(void) ap_add_cgi_vars(request_rec *r)
{
    apr_table_t *e = r->subprocess_env;
    const core_dir_config *conf =
        ap_get_core_module_config(r->per_dir_config);
    const char *rule = NULL;
    int from_original = 1;

    apr_table_setn(e, "GATEWAY_INTERFACE", "CGI/1.1");
    apr_table_setn(e, "SERVER_PROTOCOL", r->protocol);
    apr_table_setn(e, "REQUEST_METHOD", r->method);
    apr_table_setn(e, "QUERY_STRING", r->args ? r->args : "");
    if (conf->cgi_var_rules) {
        rule = apr_hash_get(conf->cgi_var_rules, "REQUEST_URI",
                            APR_HASH_KEY_STRING);
        from_original = !(rule && !strcmp(rule, "current-uri"));
    }
    apr_table_setn(e, "REQUEST_URI", from_original ? original_uri(r)
                                                   : r->uri);
    if (!strcmp(r->protocol, "INCLUDED")) {
        /* an SSI #exec: the subrequest carries the including page's
         * path_info and args */
        apr_table_setn(e, "SCRIPT_NAME", r->uri);
        if (r->path_info && *r->path_info) {
            apr_table_setn(e, "PATH_INFO", r->path_info);
        }
    }
    else if (!r->path_info || !*r->path_info) {
        apr_table_setn(e, "SCRIPT_NAME", r->uri);
    }
    else {
        int n = ap_find_path_info(r->uri, r->path_info);
        apr_table_setn(e, "SCRIPT_NAME",
                       apr_pstrmemdup(r->pool, r->uri, (apr_size_t)n));
        apr_table_setn(e, "PATH_INFO", r->path_info);
    }
    add_path_translated(r, e);
}

/* ---- script headers --------------------------------------------------- */

static int keep_cookie(void *data, const char *key, const char *val)
{
    apr_table_addn(data, key, val);
    return 1;
}

static const char *script_name(const request_rec *r)
{
    return r->filename ? apr_filepath_name_get(r->filename) : "";
}

/* One header line that is not Status/Content-Type; returns nothing. */
static void take_header(request_rec *r, char *name, char *val,
                        apr_table_t *merge, apr_table_t *cookies)
{
    static const char *const passed[] = {
        "Location", "Content-Range", "Transfer-Encoding", "ETag", NULL
    };
    int i;

    for (i = 0; passed[i]; i++) {
        if (!strcasecmp(name, passed[i])) {
            apr_table_set(r->headers_out, name, val);
            return;
        }
    }
    if (!strcasecmp(name, "Content-Length")) {
        /* a script's length is only believed when the handler says so;
         * otherwise the body is framed by the server */
        if (apr_table_get(r->subprocess_env, AP_TRUST_CGILIKE_CL_ENVVAR)) {
            apr_table_set(r->headers_out, name, val);
        }
    }
    else if (!strcasecmp(name, "Last-Modified")) {
        /* not passed blindly: no future or unparsable dates */
        apr_time_t t = apr_date_parse_http(val);
        if (t != APR_DATE_BAD) {
            ap_update_mtime(r, t);
            ap_set_last_modified(r);
        }
    }
    else if (!strcasecmp(name, "Set-Cookie")) {
        apr_table_add(cookies, name, val);
    }
    else {
        apr_table_add(merge, name, val);
    }
}

static void take_content_type(request_rec *r, char *val)
{
    char *end = val + strlen(val);
    char *ct;

    while (end > val && apr_isspace(end[-1])) {
        *--end = '\0';
    }
    ct = apr_pstrdup(r->pool, val);
    ap_content_type_tolower(ct);
    ap_set_content_type_ex(r, ct, 1);
}

static void take_status(request_rec *r, const char *val, int module_index,
                        int *cgi_status)
{
    r->status = *cgi_status = atoi(val);
    if (!ap_is_HTTP_VALID_RESPONSE(*cgi_status)) {
        ap_log_rerror(SCRIPT_LOG_MARK, APLOG_ERR | APLOG_TOCLIENT, 0, r,
                      "Invalid status line from script '%s': %.30s",
                      script_name(r), val);
    }
    r->status_line = apr_pstrdup(r->pool, val);
}

/* The blank line: apply what was collected, check the conditions. */
static int end_of_headers(request_rec *r, int cgi_status,
                          apr_table_t *merge, apr_table_t *cookies)
{
    int cond = OK;

    if (cgi_status == STATUS_UNSET && r->method_number == M_GET) {
        cond = ap_meets_conditions(r);
    }
    apr_table_overlap(r->err_headers_out, merge, APR_OVERLAP_TABLES_MERGE);
    if (!apr_is_empty_table(cookies)) {
        /* Set-Cookie headers must never be merged into one */
        apr_table_unset(r->err_headers_out, "Set-Cookie");
        r->err_headers_out = apr_table_overlay(r->pool, r->err_headers_out,
                                               cookies);
    }
    return cond;
}

static void chop_eol(char *w)
{
    apr_size_t n = strlen(w);

    if (n > 0 && w[n - 1] == '\n') {
        w[--n] = '\0';
        if (n > 0 && w[n - 1] == '\r') {
            w[n - 1] = '\0';
        }
    }
}

AP_DECLARE(int) ap_scan_script_header_err_core_ex(request_rec *r,
                                   char *buffer,
                                   int (*getsfunc)(char *, int, void *),
                                   void *getsfunc_data, int module_index)
{
    char local[MAX_STRING_LEN];
    char *w = buffer ? buffer : local;
    apr_table_t *merge = apr_table_make(r->pool, 10);
    apr_table_t *cookies = apr_table_make(r->pool, 2);
    int cgi_status = STATUS_UNSET, first = 1;

    if (buffer) {
        *buffer = '\0';
    }
    /* cookies set before the script ran stay, each on its own */
    apr_table_do(keep_cookie, cookies, r->err_headers_out, "Set-Cookie",
                 NULL);
    for (;; first = 0) {
        int rv = getsfunc(w, MAX_STRING_LEN - 1, getsfunc_data);
        char *val;

        if (rv == 0) {
            ap_log_rerror(SCRIPT_LOG_MARK, APLOG_ERR | APLOG_TOCLIENT, 0, r,
                          "%s: %s", first ? "End of script output before "
                          "headers" : "Premature end of script headers",
                          script_name(r));
            return HTTP_INTERNAL_SERVER_ERROR;
        }
        if (rv == -1) {
            ap_log_rerror(SCRIPT_LOG_MARK, APLOG_ERR | APLOG_TOCLIENT, 0, r,
                          "Script timed out before returning headers: %s",
                          script_name(r));
            return HTTP_GATEWAY_TIME_OUT;
        }
        chop_eol(w);
        if (w[0] == '\0') {
            return end_of_headers(r, cgi_status, merge, cookies);
        }
        ap_log_rerror(SCRIPT_LOG_MARK, APLOG_TRACE4, 0, r,
                      "Header from script '%s': %s", script_name(r), w);
        if (!(val = strchr(w, ':'))) {
            if (!buffer) {
                /* drain the output: the script may block writing it */
                while (getsfunc(w, MAX_STRING_LEN - 1, getsfunc_data) > 0) {
                    ;
                }
            }
            ap_log_rerror(SCRIPT_LOG_MARK, APLOG_ERR | APLOG_TOCLIENT, 0, r,
                          "malformed header from script '%s': Bad header: "
                          "%.30s", script_name(r), w);
            return HTTP_INTERNAL_SERVER_ERROR;
        }
        *val++ = '\0';
        while (apr_isspace(*val)) {
            val++;
        }
        if (!strcasecmp(w, "Content-type")) {
            take_content_type(r, val);
        }
        else if (!strcasecmp(w, "Status")) {
            take_status(r, val, module_index, &cgi_status);
        }
        else {
            take_header(r, w, val, merge, cookies);
        }
    }
}

AP_DECLARE(int) ap_scan_script_header_err_core(request_rec *r, char *buffer,
                                   int (*getsfunc)(char *, int, void *),
                                   void *getsfunc_data)
{
    return ap_scan_script_header_err_core_ex(r, buffer, getsfunc,
                                             getsfunc_data,
                                             APLOG_MODULE_INDEX);
}

/* ---- line sources ----------------------------------------------------- */

static int gets_file(char *buf, int len, void *f)
{
    apr_status_t rv = apr_file_gets(buf, len, f);

    if (rv == APR_SUCCESS) {
        return 1;
    }
    return APR_STATUS_IS_TIMEUP(rv) ? -1 : 0;
}

AP_DECLARE(int) ap_scan_script_header_err_ex(request_rec *r, apr_file_t *f,
                                             char *buffer, int module_index)
{
    return ap_scan_script_header_err_core_ex(r, buffer, gets_file, f,
                                             module_index);
}

AP_DECLARE(int) ap_scan_script_header_err(request_rec *r, apr_file_t *f,
                                          char *buffer)
{
    return ap_scan_script_header_err_core_ex(r, buffer, gets_file, f,
                                             APLOG_MODULE_INDEX);
}

/* One line from the front of a brigade (CRs dropped, LF ends it); the
 * consumed buckets are deleted. */
static int gets_brigade(char *buf, int len, void *arg)
{
    apr_bucket_brigade *bb = arg;
    char *dst = buf, *end = buf + len - 1;
    int done = 0;

    while (dst < end && !done && !APR_BRIGADE_EMPTY(bb)) {
        apr_bucket *e = APR_BRIGADE_FIRST(bb);
        const char *data, *src, *src_end;
        apr_size_t n;
        apr_status_t rv;

        if (APR_BUCKET_IS_EOS(e)) {
            break;
        }
        rv = apr_bucket_read(e, &data, &n, APR_BLOCK_READ);
        if (rv != APR_SUCCESS || n == 0) {
            *dst = '\0';
            return APR_STATUS_IS_TIMEUP(rv) ? -1 : 0;
        }
        for (src = data, src_end = data + n;
             src < src_end && dst < end && !done; src++) {
            if (*src == '\n') {
                done = 1;
            }
            else if (*src != '\r') {
                *dst++ = *src;
            }
        }
        if (src < src_end) {
            apr_bucket_split(e, (apr_size_t)(src - data));
        }
        apr_bucket_delete(e);
    }
    *dst = '\0';
    return done;
}

AP_DECLARE(int) ap_scan_script_header_err_brigade_ex(request_rec *r,
                                                     apr_bucket_brigade *bb,
                                                     char *buffer,
                                                     int module_index)
{
    return ap_scan_script_header_err_core_ex(r, buffer, gets_brigade, bb,
                                             module_index);
}

AP_DECLARE(int) ap_scan_script_header_err_brigade(request_rec *r,
                                                  apr_bucket_brigade *bb,
                                                  char *buffer)
{
    return ap_scan_script_header_err_core_ex(r, buffer, gets_brigade, bb,
                                             APLOG_MODULE_INDEX);
}

/* Strings given as varargs, each holding one or more lines. */
typedef struct {
    va_list args;
    int arg;
    const char *curpos;
} vastrs;

static int gets_strings(char *w, int len, void *data)
{
    vastrs *s = data;
    const char *nl;
    int t;

    if (!s->curpos || !*s->curpos) {
        w[0] = '\0';
        return 0;
    }
    nl = strchr(s->curpos, '\n');
    t = nl ? (int)(nl + 1 - s->curpos) : (int)strlen(s->curpos);
    if (t > len - 1) {
        t = len - 1;
    }
    memcpy(w, s->curpos, (apr_size_t)t);
    w[t] = '\0';
    if (!s->curpos[t]) {
        s->arg++;
        s->curpos = va_arg(s->args, const char *);
    }
    else {
        s->curpos += t;
    }
    return t;
}

AP_DECLARE_NONSTD(int) ap_scan_script_header_err_strs_ex(request_rec *r,
                                                         char *buffer,
                                                         int module_index,
                                                         const char **termch,
                                                         int *termarg, ...)
{
    vastrs s;
    int res;

    va_start(s.args, termarg);
    s.arg = 0;
    s.curpos = va_arg(s.args, const char *);
    res = ap_scan_script_header_err_core_ex(r, buffer, gets_strings, &s,
                                            module_index);
    if (termch) {
        *termch = s.curpos;
    }
    if (termarg) {
        *termarg = s.arg;
    }
    va_end(s.args);
    return res;
}

AP_DECLARE_NONSTD(int) ap_scan_script_header_err_strs(request_rec *r,
                                                      char *buffer,
                                                      const char **termch,
                                                      int *termarg, ...)
{
    vastrs s;
    int res;

    va_start(s.args, termarg);
    s.arg = 0;
    s.curpos = va_arg(s.args, const char *);
    res = ap_scan_script_header_err_core_ex(r, buffer, gets_strings, &s,
                                            APLOG_MODULE_INDEX);
    if (termch) {
        *termch = s.curpos;
    }
    if (termarg) {
        *termarg = s.arg;
    }
    va_end(s.args);
    return res;
}

/* ---- query strings ---------------------------------------------------- */

AP_DECLARE(void) ap_args_to_table(request_rec *r, apr_table_t **table)
{
    apr_table_t *t = apr_table_make(r->pool, 10);
    char *str, *key, *state;

    *table = t;
    if (!r->args) {
        return;
    }
    str = apr_pstrdup(r->pool, r->args);
    for (key = apr_strtok(str, "&", &state); key;
         key = apr_strtok(NULL, "&", &state)) {
        char *val = strchr(key, '=');

        if (val) {
            *val++ = '\0';
        }
        else {
            val = "1";   /* "?flag" means flag=1 */
        }
        ap_unescape_url(key);
        ap_unescape_url(val);
        apr_table_set(t, key, val);
    }
}
