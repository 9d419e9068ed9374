/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* log_piped.c: piped loggers ("|program").  The parent keeps both ends of
 * the pipe, so when the logger dies it is restarted on the same pipe and
 * nothing written meanwhile is lost (it waits in the pipe). */

#include <string.h>

#include "apr_strings.h"
#include "apr_thread_proc.h"

#include "httpd.h"
#include "http_log.h"
#include "http_main.h"
#include "ap_mpm.h"

#include "log_private.h"

APLOG_USE_MODULE(core);

struct piped_log {
    /** pool the logger lives in */
    apr_pool_t *p;
    /** the logger's stdin */
    apr_file_t *read_fd;
    /** where log lines are written */
    apr_file_t *write_fd;
    /** command line; NULL once closed (no more restarts) */
    char *program;
    /** the running logger, NULL while none runs */
    apr_proc_t *pid;
    /** APR_PROGRAM_ENV or APR_SHELLCMD_ENV */
    apr_cmdtype_e cmdtype;
};

static void spawn_error(apr_pool_t *p, apr_status_t err,
                        const char *description)
{
    ap_log_error(APLOG_MARK, APLOG_ERR, err, NULL, APLOGNO(00103)
                 "piped log program '%s' failed unexpectedly", description);
}

static void maintenance(int reason, void *data, int status);

static apr_status_t spawn_logger(piped_log *pl)
{
    apr_procattr_t *attr;
    apr_proc_t *proc;
    char **args;
    apr_status_t rv;

    if ((rv = apr_procattr_create(&attr, pl->p)) != APR_SUCCESS
        || (rv = apr_procattr_cmdtype_set(attr, pl->cmdtype)) != APR_SUCCESS
        || (rv = apr_procattr_child_in_set(attr, pl->read_fd,
                                           pl->write_fd)) != APR_SUCCESS
        || (rv = apr_procattr_child_errfn_set(attr, spawn_error))
           != APR_SUCCESS
        || (rv = apr_procattr_error_check_set(attr, 1)) != APR_SUCCESS
        || (rv = apr_tokenize_to_argv(pl->program, &args, pl->p))
           != APR_SUCCESS) {
        return rv;
    }
    if (!args[0]) {
        return APR_BADARG;
    }
    proc = apr_pcalloc(pl->p, sizeof(*proc));
    rv = apr_proc_create(proc, args[0], (const char * const *)args, NULL,
                         attr, pl->p);
    if (rv != APR_SUCCESS) {
        return rv;
    }
    pl->pid = proc;
    /* the logger must get the chance to drain the pipe on shutdown */
    apr_pool_note_subprocess(pl->p, proc, APR_KILL_AFTER_TIMEOUT);
    apr_proc_other_child_register(proc, maintenance, pl, pl->write_fd,
                                  pl->p);
    return APR_SUCCESS;
}

static int server_stopping(void)
{
    int state;

    return ap_mpm_query(AP_MPMQ_MPM_STATE, &state) == APR_SUCCESS
           && state == AP_MPMQ_STOPPING;
}

static void maintenance(int reason, void *data, int status)
{
    piped_log *pl = data;
    apr_status_t rv;

    switch (reason) {
    case APR_OC_REASON_DEATH:
    case APR_OC_REASON_LOST:
        pl->pid = NULL;
        apr_proc_other_child_unregister(pl);
        if (!pl->program || server_stopping()) {
            break;
        }
        rv = spawn_logger(pl);
        if (rv != APR_SUCCESS) {
            ap_log_error(APLOG_MARK, APLOG_STARTUP, rv, NULL, APLOGNO(00104)
                         "piped_log_maintenance: unable to respawn '%s'",
                         pl->program);
        }
        break;
    default:
        /* a full pipe is not a dead logger; restarts clean up through the
         * pool (apr_pool_note_subprocess) */
        break;
    }
}

static apr_status_t piped_log_cleanup(void *data)
{
    piped_log *pl = data;

    pl->program = NULL;
    if (pl->pid) {
        apr_proc_other_child_unregister(pl);
        pl->pid = NULL;
    }
    return APR_SUCCESS;
}

AP_DECLARE(piped_log *) ap_open_piped_log_ex(apr_pool_t *p,
                                             const char *program,
                                             apr_cmdtype_e cmdtype)
{
    piped_log *pl = apr_pcalloc(p, sizeof(*pl));
    apr_status_t rv;

    pl->p = p;
    pl->program = apr_pstrdup(p, program);
    pl->cmdtype = cmdtype;
    rv = apr_file_pipe_create_ex(&pl->read_fd, &pl->write_fd,
                                 APR_FULL_BLOCK, p);
    if (rv != APR_SUCCESS) {
        return NULL;
    }
    /* only the logger gets the read end, and only as its stdin */
    apr_file_inherit_unset(pl->read_fd);
    apr_file_inherit_unset(pl->write_fd);
    apr_pool_cleanup_register(p, pl, piped_log_cleanup, piped_log_cleanup);
    rv = spawn_logger(pl);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP, rv, NULL, APLOGNO(00105)
                     "Couldn't start piped log process '%s'.", program);
        apr_pool_cleanup_run(p, pl, piped_log_cleanup);
        return NULL;
    }
    return pl;
}

AP_DECLARE(piped_log *) ap_open_piped_log(apr_pool_t *p, const char *program)
{
    apr_cmdtype_e cmdtype = APR_PROGRAM_ENV;

    /* 2.4 runs the program directly; "||prog" is accepted for 2.2
     * configurations and "|$cmd" asks for the shell */
    if (*program == '|') {
        program++;
    }
    if (*program == '$') {
        cmdtype = APR_SHELLCMD_ENV;
        program++;
    }
    return ap_open_piped_log_ex(p, program, cmdtype);
}

AP_DECLARE(void) ap_close_piped_log(piped_log *pl)
{
    apr_pool_cleanup_run(pl->p, pl, piped_log_cleanup);
    apr_file_close(pl->write_fd);
    apr_file_close(pl->read_fd);
}

AP_DECLARE(apr_file_t *) ap_piped_log_read_fd(piped_log *pl)
{
    return pl->read_fd;
}

AP_DECLARE(apr_file_t *) ap_piped_log_write_fd(piped_log *pl)
{
    return pl->write_fd;
}
