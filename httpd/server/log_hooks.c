/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* log_hooks.c: wiring the error log into the server's start-up: the hooks
 * the core registers for it and the configuration check of the ErrorLog
 * directories. */

#include "apr_strings.h"
#include "apr_file_info.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_main.h"
#include "util_mutex.h"

#include "log_private.h"

APLOG_USE_MODULE(core);

/* A missing log directory is reported at -t time, with the vhost that
 * asked for it, rather than as an open() failure later. */
static int check_one_dir(apr_pool_t *p, server_rec *s)
{
    apr_finfo_t finfo;
    const char *abs, *dir, *what = "main error log";
    apr_status_t rv;

    if (!s->error_fname || s->error_fname[0] == '|'
        || ap__log_is_syslog(s->error_fname)) {
        return OK;
    }
    abs = ap_server_root_relative(p, s->error_fname);
    if (!abs) {
        return OK;  /* reported with its own message when opened */
    }
    dir = ap_make_dirstr_parent(p, abs);
    rv = apr_stat(&finfo, dir, APR_FINFO_TYPE, p);
    if (rv == APR_SUCCESS && finfo.filetype != APR_DIR) {
        rv = APR_ENOTDIR;
    }
    if (rv == APR_SUCCESS) {
        return OK;
    }
    if (s->is_virtual && s->defn_name) {
        what = apr_psprintf(p, "error log of vhost defined at %s:%u",
                            s->defn_name, s->defn_line_number);
    }
    ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_EMERG, rv, NULL,
                 APLOGNO(02291) "Cannot access directory '%s' for %s",
                 dir, what);
    return DONE;
}

static int log_check_config(apr_pool_t *pconf, apr_pool_t *plog,
                            apr_pool_t *ptemp, server_rec *s)
{
    int rc = OK;

    for (; s; s = s->next) {
        if (check_one_dir(ptemp, s) != OK) {
            rc = DONE;
        }
    }
    return rc;
}

static int log_pre_config(apr_pool_t *pconf, apr_pool_t *plog,
                          apr_pool_t *ptemp)
{
    /* modules register their mutex types in their own pre_config */
    ap_mutex_init(pconf);
    ap__log_default_format();
    return OK;
}

void ap__log_register_hooks(apr_pool_t *p)
{
    ap__log_register_builtin_items(p);
    ap_hook_pre_config(log_pre_config, NULL, NULL, APR_HOOK_REALLY_FIRST);
    ap_hook_check_config(log_check_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_open_logs(ap_open_logs, NULL, NULL, APR_HOOK_REALLY_FIRST);
    ap_hook_child_init(ap_logs_child_init, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_generate_log_id(ap__log_default_log_id, NULL, NULL,
                            APR_HOOK_REALLY_LAST);
}

AP_CORE_DECLARE(void) ap_register_log_hooks(apr_pool_t *p)
{
    ap__log_register_hooks(p);
}
