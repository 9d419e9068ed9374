/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* log_core.c: the ap_log_*error functions: level filtering, choosing the
 * destination (ErrorLog file or pipe, syslog, or stderr before ErrorLog is
 * open), the once-per-connection/request lines, and the error_log and
 * generate_log_id hooks. */

#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_main.h"

#include "log_private.h"

APR_HOOK_STRUCT(
    APR_HOOK_LINK(error_log)
    APR_HOOK_LINK(generate_log_id)
)

AP_IMPLEMENT_HOOK_VOID(error_log,
                       (const ap_errorlog_info *info, const char *errstr),
                       (info, errstr))

AP_IMPLEMENT_HOOK_RUN_FIRST(int, generate_log_id,
                            (const conn_rec *c, const request_rec *r,
                             const char **id),
                            (c, r, id), DECLINED)

AP_DECLARE_DATA int ap_default_loglevel = DEFAULT_LOGLEVEL;

/* Where a line goes. */
typedef struct {
    apr_file_t *file;   /* NULL: syslog */
    int syslog;
} log_dest;

static const core_server_config *core_sconf(const server_rec *s)
{
    if (!s || !s->module_config) {
        return NULL;
    }
    return ap_get_core_module_config(s->module_config);
}

/* Level filter and destination; returns 0 when nothing is to be logged. */
static int pick_destination(const ap_errorlog_info *info, log_dest *d)
{
    const server_rec *s = info->s;
    int lvl = info->level, configured;

    d->file = NULL;
    d->syslog = 0;
    if (!s) {
        /* startup: only what the default level allows, plus notices */
        if (lvl != APLOG_NOTICE && lvl > ap_default_loglevel) {
            return 0;
        }
        d->file = ap__log_stderr();
        return d->file != NULL;
    }
    configured = info->r ? ap_get_request_module_loglevel(info->r,
                                                          info->module_index)
               : info->c ? ap_get_conn_server_module_loglevel(info->c, s,
                                                          info->module_index)
               : ap_get_server_module_loglevel(s, info->module_index);
    /* Notices are always logged, whatever LogLevel says (as Apache: the
     * "resuming normal operations" lines and their kind). */
    if (lvl != APLOG_NOTICE && lvl > configured) {
        return 0;
    }
    if (s->error_log) {
        d->file = s->error_log;
    }
    else if (ap__log_is_syslog(s->error_fname) && ap__log_syslog_active()) {
        d->syslog = 1;
    }
    else {
        /* ErrorLog not open yet */
        d->file = ap__log_stderr();
    }
    return d->file != NULL || d->syslog;
}

static void emit(const log_dest *d, int level, char *line, int len)
{
    if (d->syslog) {
        ap__log_syslog_write(level, line, (apr_size_t)len);
        return;
    }
    line[len] = '\n';
    /* one write per line, so concurrent writers don't interleave */
    apr_file_write_full(d->file, line, (apr_size_t)len + 1, NULL);
}

/* Lines of the once-per-connection or once-per-request formats. */
static void emit_once_lines(const log_dest *d, const ap_errorlog_info *info,
                            const apr_array_header_t *formats)
{
    char line[AP__LOG_LINE_MAX];
    ap_errorlog_info once = *info;
    int i, ms, me;

    once.level = -1;
    once.status = 0;
    for (i = 0; i < formats->nelts; i++) {
        const apr_array_header_t *items =
            ((const apr_array_header_t **)formats->elts)[i];
        int len = ap__log_format_line(&once, items, line, sizeof(line) - 1,
                                      &ms, &me, NULL, NULL);
        if (len > 0) {
            emit(d, info->level, line, len);
        }
    }
}

static void log_once_lines(const log_dest *d, const ap_errorlog_info *info,
                           const core_server_config *sconf)
{
    if (!sconf) {
        return;
    }
    if (info->c && sconf->error_log_conn && !info->c->log_id) {
        ap__log_get_id(info->c, NULL);
        emit_once_lines(d, info, sconf->error_log_conn);
    }
    if (info->r && sconf->error_log_req && !info->r->log_id) {
        ap__log_get_id(info->c, info->r);
        emit_once_lines(d, info, sconf->error_log_req);
    }
}

static void log_error_core(ap_errorlog_info *info, const char *fmt,
                           va_list args)
{
    char line[AP__LOG_LINE_MAX];
    const core_server_config *sconf;
    const apr_array_header_t *items;
    log_dest d;
    va_list ap;
    int len, ms, me;

    if (!pick_destination(info, &d)) {
        return;
    }
    info->using_syslog = d.syslog;
    sconf = core_sconf(info->s ? info->s : ap_server_conf);
    if (!info->startup) {
        log_once_lines(&d, info, sconf);
    }

    items = info->startup ? ap__log_startup_format()
            : sconf && sconf->error_log_format ? sconf->error_log_format
            : ap__log_default_format();
    if (!items) {
        /* before ap_pglobal exists: the bare message */
        static const ap_errorlog_format_item msg_only = {
            NULL, NULL, AP_ERRORLOG_FLAG_MESSAGE, 0
        };
        static const apr_array_header_t msg_array = {
            NULL, (int)sizeof(ap_errorlog_format_item), 1, 1,
            (char *)&msg_only
        };
        items = &msg_array;
    }
    va_copy(ap, args);  /* a va_list parameter can't be pointed to */
    len = ap__log_format_line(info, items, line, sizeof(line) - 1, &ms, &me,
                              fmt, &ap);
    va_end(ap);
    if (len <= 0) {
        return;
    }
    emit(&d, info->level, line, len);
    line[me] = '\0';
    ap_run_error_log(info, line + ms);
}

static void fill_info(ap_errorlog_info *info, const char *file, int line,
                      int module_index, int level, apr_status_t status)
{
    memset(info, 0, sizeof(*info));
    info->file = file;
    info->line = line;
    info->module_index = module_index;
    info->level = level & APLOG_LEVELMASK;
    info->status = status;
    info->startup = (level & APLOG_STARTUP) == APLOG_STARTUP;
    info->format = NULL;
}

AP_DECLARE(void) ap_log_error_(const char *file, int line, int module_index,
                               int level, apr_status_t status,
                               const server_rec *s, const char *fmt, ...)
{
    ap_errorlog_info info;
    va_list args;

    fill_info(&info, file, line, module_index, level, status);
    info.s = s;
    info.pool = s && s->process ? s->process->pconf : NULL;
    info.format = fmt;
    va_start(args, fmt);
    log_error_core(&info, fmt, args);
    va_end(args);
}

AP_DECLARE(void) ap_log_perror_(const char *file, int line, int module_index,
                                int level, apr_status_t status,
                                apr_pool_t *p, const char *fmt, ...)
{
    ap_errorlog_info info;
    va_list args;

    fill_info(&info, file, line, module_index, level, status);
    info.pool = p;
    info.format = fmt;
    va_start(args, fmt);
    log_error_core(&info, fmt, args);
    va_end(args);
}

/* APLOG_TOCLIENT: keep the text for the error page (HTML-escaped). */
static void note_for_client(const request_rec *r, int level, const char *fmt,
                            va_list args)
{
    if (!(level & APLOG_TOCLIENT)
        || (level & APLOG_LEVELMASK) > APLOG_WARNING
        || apr_table_get(r->notes, "error-notes")) {
        return;
    }
    apr_table_setn(r->notes, "error-notes",
                   ap_escape_html(r->pool, apr_pvsprintf(r->pool, fmt,
                                                         args)));
}

AP_DECLARE(void) ap_log_rerror_(const char *file, int line, int module_index,
                                int level, apr_status_t status,
                                const request_rec *r, const char *fmt, ...)
{
    ap_errorlog_info info;
    va_list args;

    fill_info(&info, file, line, module_index, level, status);
    info.r = r;
    info.rmain = r->main;
    info.c = r->connection;
    info.s = r->server;
    info.pool = r->pool;
    info.format = fmt;
    /* the log line of a subrequest carries its main request's id */
    while (info.rmain && info.rmain->main) {
        info.rmain = info.rmain->main;
    }
    va_start(args, fmt);
    log_error_core(&info, fmt, args);
    va_end(args);
    va_start(args, fmt);
    note_for_client(r, level, fmt, args);
    va_end(args);
}

AP_DECLARE(void) ap_log_cserror_(const char *file, int line,
                                 int module_index, int level,
                                 apr_status_t status, const conn_rec *c,
                                 const server_rec *s, const char *fmt, ...)
{
    ap_errorlog_info info;
    va_list args;

    fill_info(&info, file, line, module_index, level, status);
    info.c = c;
    info.s = s;
    info.pool = c->pool;
    info.format = fmt;
    va_start(args, fmt);
    log_error_core(&info, fmt, args);
    va_end(args);
}

AP_DECLARE(void) ap_log_cerror_(const char *file, int line, int module_index,
                                int level, apr_status_t status,
                                const conn_rec *c, const char *fmt, ...)
{
    ap_errorlog_info info;
    va_list args;

    fill_info(&info, file, line, module_index, level, status);
    info.c = c;
    info.s = c->base_server;
    info.pool = c->pool;
    info.format = fmt;
    va_start(args, fmt);
    log_error_core(&info, fmt, args);
    va_end(args);
}

void ap__log_core(const char *file, int line, int module_index, int level,
                  apr_status_t status, const server_rec *s,
                  const conn_rec *c, const request_rec *r,
                  const char *fmt, ...)
{
    ap_errorlog_info info;
    va_list args;

    fill_info(&info, file, line, module_index, level, status);
    info.r = r;
    info.rmain = r ? r->main : NULL;
    info.c = r ? r->connection : c;
    info.s = r ? r->server : s ? s : c ? c->base_server : NULL;
    info.pool = r ? r->pool : c ? c->pool : NULL;
    info.format = fmt;
    va_start(args, fmt);
    log_error_core(&info, fmt, args);
    va_end(args);
}
