/*
 * mod_timed_cb.c: a test module for ap_mpm_register_timed_callback.
 *   "SetHandler timed-cb", query "<ms>"      registers a callback due in
 *       <ms> milliseconds and answers with the apr_status_t the MPM gave
 *       ("rv=0" when it took it);
 *   "TimedCallbackAtStart <ms>"             each child registers one from
 *       child_init.
 * A callback that runs appends "<tag> <late_ms>\n" to TimedCallbackLog,
 * where late_ms is how long after its registration it ran.
 */
#include <stdlib.h>
#include <string.h>

#include "apr_file_io.h"
#include "apr_strings.h"
#include "apr_time.h"

#include "httpd.h"
#include "http_config.h"
#include "http_protocol.h"
#include "http_log.h"
#include "ap_mpm.h"

module AP_MODULE_DECLARE_DATA timed_cb_module;

static const char *log_path = NULL;
static long start_ms = -1;

typedef struct {
    char tag[64];
    apr_time_t registered;
} fired_t;

static void fired(void *baton)
{
    fired_t *f = baton;
    apr_pool_t *p;
    apr_file_t *out;

    if (log_path && apr_pool_create(&p, NULL) == APR_SUCCESS) {
        if (apr_file_open(&out, log_path, APR_FOPEN_WRITE | APR_FOPEN_CREATE
                          | APR_FOPEN_APPEND, APR_FPROT_OS_DEFAULT, p)
            == APR_SUCCESS) {
            apr_file_printf(out, "%s %ld\n", f->tag, (long)apr_time_as_msec(
                                apr_time_now() - f->registered));
            apr_file_close(out);
        }
        apr_pool_destroy(p);
    }
    free(f);
}

static apr_status_t register_one(const char *tag, long ms)
{
    fired_t *f = malloc(sizeof(*f));
    apr_status_t rv;

    if (!f) {
        return APR_ENOMEM;
    }
    apr_cpystrn(f->tag, tag, sizeof(f->tag));
    f->registered = apr_time_now();
    rv = ap_mpm_register_timed_callback(apr_time_from_msec(ms), fired, f);
    if (rv != APR_SUCCESS) {
        free(f);
    }
    return rv;
}

static int timed_handler(request_rec *r)
{
    long ms;
    apr_status_t rv;

    if (!r->handler || strcmp(r->handler, "timed-cb") != 0) {
        return DECLINED;
    }
    ms = r->args ? strtol(r->args, NULL, 10) : 0;
    if (ms < 0 || ms > 60000) {
        return HTTP_BAD_REQUEST;
    }
    rv = register_one(apr_psprintf(r->pool, "req%ld", ms), ms);
    ap_set_content_type(r, "text/plain");
    ap_rprintf(r, "rv=%d\n", rv);
    return OK;
}

static void timed_child_init(apr_pool_t *p, server_rec *s)
{
    apr_status_t rv;

    if (start_ms < 0) {
        return;
    }
    rv = register_one("start", start_ms);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_NOTICE, rv, s,
                     "timed_cb: child_init registration answered %d", rv);
    }
}

static const char *set_log(cmd_parms *cmd, void *d, const char *arg)
{
    log_path = ap_server_root_relative(cmd->pool, arg);
    return NULL;
}

static const char *set_start(cmd_parms *cmd, void *d, const char *arg)
{
    start_ms = strtol(arg, NULL, 10);
    return NULL;
}

static int timed_pre_config(apr_pool_t *p, apr_pool_t *plog,
                            apr_pool_t *ptemp)
{
    log_path = NULL;
    start_ms = -1;
    return OK;
}

static const command_rec timed_cmds[] = {
    AP_INIT_TAKE1("TimedCallbackLog", set_log, NULL, RSRC_CONF,
                  "file the callbacks append to"),
    AP_INIT_TAKE1("TimedCallbackAtStart", set_start, NULL, RSRC_CONF,
                  "register one from child_init, due in this many ms"),
    {NULL}
};

static void register_hooks(apr_pool_t *p)
{
    ap_hook_pre_config(timed_pre_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_handler(timed_handler, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_child_init(timed_child_init, NULL, NULL, APR_HOOK_MIDDLE);
}

AP_DECLARE_MODULE(timed_cb) = {
    STANDARD20_MODULE_STUFF,
    NULL, NULL, NULL, NULL,
    timed_cmds,
    register_hooks
};
