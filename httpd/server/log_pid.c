/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* log_pid.c: the PidFile: writing it (atomically, through a temporary
 * file and a rename), reading it back for -k, and removing it. */

#include <stdlib.h>

#include "apr_strings.h"
#include "apr_lib.h"
#include "apr_file_io.h"
#include "apr_file_info.h"

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_main.h"

#include "log_private.h"

APLOG_USE_MODULE(core);

/* pid written last, so a restart doesn't warn about its own file */
static unsigned long saved_pid;

static const char *pid_path(apr_pool_t *p, const char *fname)
{
    /* Relative to ServerRoot, as Apache 2.4 resolves PidFile. */
    const char *path = ap_server_root_relative(p, fname);

    if (!path) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP, APR_EBADPATH, NULL,
                     APLOGNO(00097) "Invalid PID file path %s, ignoring.",
                     fname);
    }
    return path;
}

AP_DECLARE(void) ap_log_pid(apr_pool_t *p, const char *filename)
{
    apr_file_t *pid_file;
    apr_finfo_t finfo;
    char *tmp;
    const char *fname;
    unsigned long mypid = ap__log_pid();
    apr_status_t rv;

    if (!filename || !(fname = pid_path(p, filename))) {
        return;
    }
    if (mypid != saved_pid
        && apr_stat(&finfo, fname, APR_FINFO_MTIME, p) == APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, NULL, APLOGNO(00098)
                     "pid file %s overwritten -- Unclean shutdown of "
                     "previous Apache run?", fname);
    }
    tmp = apr_pstrcat(p, fname, ".XXXXXX", NULL);
    rv = apr_file_mktemp(&pid_file, tmp, APR_FOPEN_WRITE | APR_FOPEN_CREATE
                         | APR_FOPEN_TRUNCATE, p);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, NULL, APLOGNO(00099)
                     "could not create %s", tmp);
        ap_log_error(APLOG_MARK, APLOG_ERR, 0, NULL, APLOGNO(00100)
                     "%s: could not log pid to file %s",
                     ap_server_argv0, fname);
        exit(1);
    }
    apr_file_perms_set(tmp, APR_FPROT_UREAD | APR_FPROT_UWRITE
                       | APR_FPROT_GREAD | APR_FPROT_WREAD);
    apr_file_printf(pid_file, "%lu" APR_EOL_STR, mypid);
    apr_file_close(pid_file);
    rv = apr_file_rename(tmp, fname, p);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, NULL, APLOGNO(10231)
                     "%s: Couldn't rename temporary file %s to %s; PID "
                     "file may be missing.", ap_server_argv0, tmp, fname);
        apr_file_remove(tmp, p);
    }
    saved_pid = mypid;
}

AP_DECLARE(void) ap_remove_pid(apr_pool_t *p, const char *rel_fname)
{
    const char *fname;
    apr_status_t rv;

    if (!rel_fname || !(fname = pid_path(p, rel_fname))) {
        return;
    }
    rv = apr_file_remove(fname, p);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, rv, NULL, APLOGNO(00095)
                     "failed to remove PID file %s", fname);
        return;
    }
    ap_log_error(APLOG_MARK, APLOG_INFO, 0, NULL, APLOGNO(00096)
                 "removed PID file %s (pid=%lu)", fname, ap__log_pid());
}

#define PID_BUF_SIZE 32

AP_DECLARE(apr_status_t) ap_read_pid(apr_pool_t *p, const char *filename,
                                     pid_t *mypid)
{
    apr_file_t *pid_file;
    char buf[PID_BUF_SIZE], *end;
    apr_size_t n = 0;
    const char *fname;
    apr_status_t rv;
    long v;

    if (!filename || !(fname = pid_path(p, filename))) {
        return APR_EGENERAL;
    }
    rv = apr_file_open(&pid_file, fname, APR_FOPEN_READ, APR_OS_DEFAULT, p);
    if (rv != APR_SUCCESS) {
        return rv;
    }
    rv = apr_file_read_full(pid_file, buf, sizeof(buf) - 1, &n);
    apr_file_close(pid_file);
    if (rv != APR_SUCCESS && !APR_STATUS_IS_EOF(rv)) {
        return rv;
    }
    /* a full buffer or a non-digit start means a corrupt file */
    if (n == 0 || n == sizeof(buf) - 1 || !apr_isdigit(buf[0])) {
        return APR_EGENERAL;
    }
    buf[n] = '\0';
    v = strtol(buf, &end, 10);
    if (v <= 0 || (*end && !apr_isspace(*end))) {
        return APR_EGENERAL;
    }
    *mypid = (pid_t)v;
    return APR_SUCCESS;
}
