/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* log_level.c: level names and the LogLevel, ErrorLog and ErrorLogFormat
 * directives. */

#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"

#include "log_private.h"

APLOG_USE_MODULE(core);

const char *const ap__log_level_names[APLOG_TRACE8 + 1] = {
    "emerg", "alert", "crit", "error", "warn", "notice", "info", "debug",
    "trace1", "trace2", "trace3", "trace4",
    "trace5", "trace6", "trace7", "trace8"
};

static const char bad_level_msg[] =
    "Log level keyword must be one of emerg/alert/crit/error/warn/notice/"
    "info/debug/trace1/.../trace8";

int ap__log_level_by_name(const char *name)
{
    int i;

    for (i = 0; i <= APLOG_TRACE8; i++) {
        if (!strcasecmp(name, ap__log_level_names[i])) {
            return i;
        }
    }
    return -1;
}

AP_DECLARE(const char *) ap_parse_log_level(const char *str, int *val)
{
    int level = str ? ap__log_level_by_name(str) : -1;

    if (level < 0) {
        return bad_level_msg;
    }
    *val = level;
    return NULL;
}

/* A module given by any of the names an administrator may use:
 * "ssl", "ssl_module" or "mod_ssl.c". */
static module *find_module(const char *name)
{
    module *m;
    apr_size_t nlen = strlen(name);

    for (m = ap_top_module; m; m = m->next) {
        const char *shortn = ap_find_module_short_name(m->module_index);

        if (m->name && !strcmp(m->name, name)) {
            return m;
        }
        if (!shortn || strncmp(shortn, name, strlen(shortn))) {
            continue;
        }
        if (nlen == strlen(shortn)
            || !strcmp(name + strlen(shortn), "_module")) {
            return m;
        }
    }
    return NULL;
}

/* "module:level": sets one module's level in @a log. */
static const char *set_module_level(cmd_parms *cmd, struct ap_logconf *log,
                                    const char *arg, const char *colon)
{
    const char *modname = apr_pstrmemdup(cmd->temp_pool, arg,
                                         (apr_size_t)(colon - arg));
    module *m;
    int level;

    if (colon[1] == '\0') {
        return apr_psprintf(cmd->pool, "Module specifier '%s' must be "
                            "followed by a log level keyword", modname);
    }
    m = find_module(modname);
    if (!m) {
        return apr_psprintf(cmd->pool, "Cannot find module %s", modname);
    }
    level = ap__log_level_by_name(colon + 1);
    if (level < 0) {
        return apr_psprintf(cmd->pool, "%s: %s", arg, bad_level_msg);
    }
    ap_set_module_loglevel(cmd->pool, log, m->module_index, level);
    return NULL;
}

const char *ap__cmd_loglevel(cmd_parms *cmd, void *dummy, int argc,
                             char *const argv[])
{
    struct ap_logconf *log;
    int i;

    if (argc < 1) {
        return "LogLevel requires at least one argument";
    }
    if (cmd->path == NULL) {
        log = &cmd->server->log;
    }
    else {
        core_dir_config *dconf = dummy;
        dconf->log = ap_new_log_config(cmd->pool, dconf->log);
        log = dconf->log;
    }

    for (i = 0; i < argc; i++) {
        const char *colon = strchr(argv[i], ':');
        const char *err;
        int level;

        if (colon) {
            err = set_module_level(cmd, log, argv[i], colon);
            if (err) {
                return err;
            }
            continue;
        }
        level = ap__log_level_by_name(argv[i]);
        if (level < 0) {
            return bad_level_msg;
        }
        /* a plain level applies to every module, earlier ones included */
        log->level = level;
        ap_reset_module_loglevels(log, -1);
    }
    return NULL;
}

const char *ap__cmd_errorlog(cmd_parms *cmd, void *dummy, const char *arg)
{
    if (!*arg) {
        return "ErrorLog requires a file name, a |program or syslog";
    }
    cmd->server->error_fname = apr_pstrdup(cmd->pool, arg);
    return NULL;
}

/* Appends (or with an empty string, clears) one once-per-connection or
 * once-per-request format. */
static const char *add_once_format(cmd_parms *cmd,
                                   apr_array_header_t **list,
                                   const char *fmt)
{
    apr_array_header_t *items;
    const char *err;

    if (!*fmt) {
        *list = NULL;
        return NULL;
    }
    items = apr_array_make(cmd->pool, 8, sizeof(ap_errorlog_format_item));
    err = ap__log_parse_format(cmd->pool, fmt, items, 0);
    if (err) {
        return err;
    }
    if (!*list) {
        *list = apr_array_make(cmd->pool, 4, sizeof(apr_array_header_t *));
    }
    *(apr_array_header_t **)apr_array_push(*list) = items;
    return NULL;
}

const char *ap__cmd_errorlogformat(cmd_parms *cmd, void *dummy,
                                   const char *arg1, const char *arg2)
{
    core_server_config *conf =
        ap_get_core_module_config(cmd->server->module_config);
    apr_array_header_t *items;
    const char *err;

    if (arg2 == NULL) {
        items = apr_array_make(cmd->pool, 16,
                               sizeof(ap_errorlog_format_item));
        err = ap__log_parse_format(cmd->pool, arg1, items, 1);
        if (err) {
            return err;
        }
        conf->error_log_format = items;
        return NULL;
    }
    if (!strcasecmp(arg1, "connection")) {
        return add_once_format(cmd, &conf->error_log_conn, arg2);
    }
    if (!strcasecmp(arg1, "request")) {
        return add_once_format(cmd, &conf->error_log_req, arg2);
    }
    return "ErrorLogFormat type must be one of request, connection";
}
