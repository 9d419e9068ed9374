/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* log_open.c: opening the error logs: stderr at startup, then each
 * server's ErrorLog (a file, a "|program" or syslog), and pointing the
 * process's stderr at the main error log so stray output lands there. */

#include <string.h>

#include "apr_strings.h"
#include "apr_file_info.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_main.h"

#include "log_private.h"

APLOG_USE_MODULE(core);

static apr_file_t *stderr_log;
static apr_pool_t *stderr_pool;

apr_file_t *ap__log_stderr(void)
{
    /* logging may start before main() calls ap_open_stderr_log */
    if (!stderr_log && ap_pglobal) {
        apr_file_open_stderr(&stderr_log, ap_pglobal);
    }
    return stderr_log;
}

AP_DECLARE(void) ap_open_stderr_log(apr_pool_t *p)
{
    stderr_pool = p;
    apr_file_open_stderr(&stderr_log, p);
}

AP_DECLARE(apr_status_t) ap_replace_stderr_log(apr_pool_t *p,
                                               const char *fname)
{
    apr_file_t *f;
    apr_status_t rv;
    const char *path = ap_server_root_relative(p, fname);

    if (!path) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_CRIT, APR_EBADPATH,
                     NULL, APLOGNO(00085) "Invalid -E error log file %s",
                     fname);
        return APR_EBADPATH;
    }
    rv = apr_file_open(&f, path, APR_FOPEN_APPEND | APR_FOPEN_WRITE
                       | APR_FOPEN_CREATE | APR_FOPEN_LARGEFILE,
                       APR_OS_DEFAULT, p);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP, rv, NULL, APLOGNO(00086)
                     "%s: could not open error log file %s.",
                     ap_server_argv0, path);
        return rv;
    }
    if (!stderr_pool) {
        stderr_pool = ap_pglobal ? ap_pglobal : p;
    }
    if (!ap__log_stderr()) {
        return APR_EGENERAL;
    }
    rv = apr_file_dup2(stderr_log, f, stderr_pool);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, rv, NULL, APLOGNO(00087)
                     "unable to replace stderr with error log file");
    }
    apr_file_close(f);
    return rv;
}

int ap__log_is_syslog(const char *fname)
{
    return fname && !strncasecmp(fname, "syslog", 6)
           && (fname[6] == ':' || fname[6] == '\0');
}

/* "|prog" (run directly), "||prog" (the same, 2.2 syntax), "|$cmd" (run
 * through the shell). */
static int open_piped_error_log(server_rec *s, apr_pool_t *p)
{
    piped_log *pl = ap_open_piped_log(p, s->error_fname + 1);

    if (!pl) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP, 0, NULL, APLOGNO(00089)
                     "Couldn't start ErrorLog process '%s'.",
                     s->error_fname + 1);
        return DONE;
    }
    s->error_log = ap_piped_log_write_fd(pl);
    return OK;
}

static int open_file_error_log(server_rec *s, apr_pool_t *p)
{
    const char *fname = ap_server_root_relative(p, s->error_fname);
    apr_status_t rv;

    if (!fname) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP, APR_EBADPATH, NULL,
                     APLOGNO(00090) "%s: Invalid error log path %s.",
                     ap_server_argv0, s->error_fname);
        return DONE;
    }
    rv = apr_file_open(&s->error_log, fname, APR_FOPEN_APPEND
                       | APR_FOPEN_WRITE | APR_FOPEN_CREATE
                       | APR_FOPEN_LARGEFILE, APR_OS_DEFAULT, p);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP, rv, NULL, APLOGNO(00091)
                     "%s: could not open error log file %s.",
                     ap_server_argv0, fname);
        return DONE;
    }
    /* piped loggers and CGI scripts write their stderr here too */
    apr_file_inherit_set(s->error_log);
    return OK;
}

static int open_error_log(server_rec *s, apr_pool_t *p)
{
    if (s->error_fname[0] == '|') {
        return open_piped_error_log(s, p);
    }
    if (ap__log_is_syslog(s->error_fname)) {
        const char *err = ap__log_syslog_open(p, s->error_fname);
        if (err) {
            ap_log_error(APLOG_MARK, APLOG_STARTUP, 0, NULL, APLOGNO(00092)
                         "%s", err);
            return DONE;
        }
        s->error_log = NULL;
        return OK;
    }
    return open_file_error_log(s, p);
}

/* Point fd 2 at the main error log (files and pipes only). */
static void redirect_stderr(server_rec *s_main, apr_pool_t *p)
{
    apr_status_t rv;

    if (!s_main->error_log || !ap__log_stderr()) {
        return;
    }
    rv = apr_file_dup2(stderr_log, s_main->error_log,
                       stderr_pool ? stderr_pool : p);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, rv, s_main, APLOGNO(00093)
                     "unable to replace stderr with error_log");
    }
}

/* Virtual hosts share the file of an earlier server with the same
 * ErrorLog, or inherit the main server's. */
static int open_vhost_logs(server_rec *s_main, apr_pool_t *p)
{
    server_rec *v, *q;

    for (v = s_main->next; v; v = v->next) {
        if (!v->error_fname) {
            v->error_log = s_main->error_log;
            continue;
        }
        for (q = s_main; q != v; q = q->next) {
            if (q->error_fname && !strcmp(q->error_fname, v->error_fname)) {
                break;
            }
        }
        if (q != v) {
            v->error_log = q->error_log;
        }
        else if (open_error_log(v, p) != OK) {
            return DONE;
        }
    }
    return OK;
}

int ap_open_logs(apr_pool_t *pconf, apr_pool_t *plog, apr_pool_t *ptemp,
                 server_rec *s_main)
{
    if (s_main->error_fname) {
        if (open_error_log(s_main, plog) != OK) {
            return DONE;
        }
        redirect_stderr(s_main, plog);
    }
    return open_vhost_logs(s_main, plog);
}

void ap_logs_child_init(apr_pool_t *p, server_rec *s)
{
    /* nothing per child: pids and thread ids are looked up per line, and
     * the error log descriptors are inherited */
}

AP_DECLARE(void) ap_error_log2stderr(server_rec *s)
{
    apr_file_t *errfile = NULL;

    apr_file_open_stderr(&errfile, s->process->pool);
    if (s->error_log != NULL && errfile) {
        apr_file_dup2(s->error_log, errfile, s->process->pool);
    }
}
