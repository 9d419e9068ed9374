/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* mod_log_config.c: the module: LogFormat, CustomLog, TransferLog,
 * GlobalLog and BufferedLogs, opening the logs and logging each request.
 *
 * Virtual hosts without a CustomLog of their own use the main server's
 * logs; GlobalLog logs apply to every virtual host in any case. */

#include <string.h>

#include "apr_strings.h"
#include "apr_file_info.h"
#include "apr_optional.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "ap_expr.h"
#include "mod_log_config.h"

#include "mod_log_config_private.h"

/* ---- configuration ---------------------------------------------------- */

static void *create_server(apr_pool_t *p, server_rec *s)
{
    ap__lc_server *mls = apr_pcalloc(p, sizeof(*mls));

    mls->config_logs = apr_array_make(p, 1, sizeof(ap__lc_log));
    mls->formats = apr_table_make(p, 4);
    apr_table_setn(mls->formats, "CLF", AP__LC_DEFAULT_FORMAT);
    return mls;
}

static void *merge_server(apr_pool_t *p, void *basev, void *addv)
{
    ap__lc_server *base = basev, *add = addv;

    add->server_config_logs = base->config_logs;
    if (!add->default_format) {
        add->default_format_string = base->default_format_string;
        add->default_format = base->default_format;
    }
    add->formats = apr_table_overlay(p, base->formats, add->formats);
    return add;
}

static ap__lc_server *server_conf(const server_rec *s)
{
    return ap_get_module_config(s->module_config, &log_config_module);
}

static const char *parse_condition(cmd_parms *cmd, ap__lc_log *cls,
                                   const char *clause)
{
    const char *err = NULL;

    if (!strncasecmp(clause, "env=", 4)) {
        if (!clause[4] || (clause[4] == '!' && !clause[5])) {
            return "missing environment variable name";
        }
        cls->condition_var = apr_pstrdup(cmd->pool, clause + 4);
        return NULL;
    }
    if (!strncasecmp(clause, "expr=", 5)) {
        if (!clause[5]) {
            return "missing condition";
        }
        cls->condition_expr = ap_expr_parse_cmd(cmd, clause + 5,
                                                AP_EXPR_FLAG_DONT_VARY,
                                                &err, NULL);
        return err;
    }
    return "error in condition clause";
}

static const char *add_log(cmd_parms *cmd, const char *fn, const char *fmt,
                           const char *clause, int inherit)
{
    ap__lc_server *mls = server_conf(cmd->server);
    ap__lc_log *cls = apr_array_push(mls->config_logs);
    const char *err = NULL;

    memset(cls, 0, sizeof(*cls));
    if (clause && (err = parse_condition(cmd, cls, clause)) != NULL) {
        return err;
    }
    cls->fname = fn;
    cls->format_string = fmt;
    cls->inherit = inherit;
    if (cmd->directive) {
        cls->defn_name = cmd->directive->filename;
        cls->defn_line = (unsigned)cmd->directive->line_num;
    }
    if (fmt) {
        /* a nickname parses as plain text; it is looked up when opened */
        cls->format = ap__lc_parse_format(cmd->pool, fmt, &err);
    }
    return err;
}

static const char *cmd_custom_log(cmd_parms *cmd, void *dummy,
                                  const char *fn, const char *fmt,
                                  const char *clause)
{
    return add_log(cmd, fn, fmt, clause, 0);
}

static const char *cmd_global_log(cmd_parms *cmd, void *dummy,
                                  const char *fn, const char *fmt,
                                  const char *clause)
{
    if (cmd->server->is_virtual) {
        return "GlobalLog cannot be used in virtual host context";
    }
    return add_log(cmd, fn, fmt, clause, 1);
}

static const char *cmd_transfer_log(cmd_parms *cmd, void *dummy,
                                    const char *fn)
{
    return add_log(cmd, fn, NULL, NULL, 0);
}

static const char *cmd_log_format(cmd_parms *cmd, void *dummy,
                                  const char *fmt, const char *name)
{
    ap__lc_server *mls = server_conf(cmd->server);
    const char *err = NULL;

    if (name) {
        /* only defines the nickname; checked now so errors have a line */
        ap__lc_parse_format(cmd->pool, fmt, &err);
        if (!err) {
            apr_table_setn(mls->formats, name, fmt);
        }
        return err;
    }
    mls->default_format_string = fmt;
    mls->default_format = ap__lc_parse_format(cmd->pool, fmt, &err);
    return err;
}

static const char *cmd_buffered_logs(cmd_parms *cmd, void *dummy, int flag)
{
    ap__lc_buffered_logs = flag;
    ap__lc_writer_init = flag ? ap__lc_buffered_writer_init
                              : ap__lc_default_writer_init;
    ap__lc_writer = flag ? ap__lc_buffered_writer : ap__lc_default_writer;
    return NULL;
}

static const command_rec log_config_cmds[] = {
    AP_INIT_TAKE23("CustomLog", cmd_custom_log, NULL, RSRC_CONF,
                   "a file name, a custom log format string or format "
                   "name, and an optional \"env=\" or \"expr=\" clause "
                   "(see docs)"),
    AP_INIT_TAKE23("GlobalLog", cmd_global_log, NULL, RSRC_CONF,
                   "Same as CustomLog, but forces virtualhosts to inherit "
                   "the log"),
    AP_INIT_TAKE1("TransferLog", cmd_transfer_log, NULL, RSRC_CONF,
                  "the filename of the access log"),
    AP_INIT_TAKE12("LogFormat", cmd_log_format, NULL, RSRC_CONF,
                   "a log format string (see docs) and an optional format "
                   "name"),
    AP_INIT_FLAG("BufferedLogs", cmd_buffered_logs, NULL, RSRC_CONF,
                 "Enable Buffered Logging (experimental)"),
    { NULL }
};

/* ---- logging a request ------------------------------------------------ */

static int condition_allows(request_rec *r, const ap__lc_log *cls)
{
    if (cls->condition_var) {
        const char *var = cls->condition_var;
        int negate = *var == '!';
        int set = apr_table_get(r->subprocess_env, var + negate) != NULL;
        return negate ? !set : set;
    }
    if (cls->condition_expr) {
        const char *err = NULL;
        int rc = ap_expr_exec(r, cls->condition_expr, &err);
        if (rc < 0) {
            ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r, APLOGNO(00644)
                          "Error evaluating log condition: %s", err);
        }
        return rc > 0;
    }
    return 1;
}

#define STACK_ITEMS 64

static int log_one(request_rec *r, const ap__lc_log *cls,
                   const apr_array_header_t *default_format)
{
    const char *stack_strs[STACK_ITEMS];
    int stack_lens[STACK_ITEMS];
    const apr_array_header_t *fmt = cls->format ? cls->format
                                                : default_format;
    const ap__lc_item *items;
    const char **strs;
    int *strl, i;
    apr_size_t len = 0;
    request_rec *orig = r, *last = r;

    if (!cls->fname || !cls->log_writer || !fmt
        || !condition_allows(r, cls)) {
        return DECLINED;
    }
    items = (const ap__lc_item *)fmt->elts;
    strs = fmt->nelts <= STACK_ITEMS ? stack_strs
           : apr_palloc(r->pool, sizeof(char *) * (apr_size_t)fmt->nelts);
    strl = fmt->nelts <= STACK_ITEMS ? stack_lens
           : apr_palloc(r->pool, sizeof(int) * (apr_size_t)fmt->nelts);
    /* %<x: the request as received, %>x: after internal redirects */
    while (orig->prev) {
        orig = orig->prev;
    }
    while (last->next) {
        last = last->next;
    }
    for (i = 0; i < fmt->nelts; i++) {
        strs[i] = ap__lc_run_item(last, orig, &items[i]);
        strl[i] = (int)strlen(strs[i]);
        len += (apr_size_t)strl[i];
    }
    ap__lc_writer(last, cls->log_writer, strs, strl, fmt->nelts, len);
    return OK;
}

static void log_all(request_rec *r, const apr_array_header_t *logs,
                    const apr_array_header_t *default_format,
                    int inherited_only)
{
    const ap__lc_log *cls = (const ap__lc_log *)logs->elts;
    int i;

    for (i = 0; i < logs->nelts; i++) {
        if (!inherited_only || cls[i].inherit) {
            log_one(r, &cls[i], default_format);
        }
    }
}

static int log_transaction(request_rec *r)
{
    const ap__lc_server *mls = server_conf(r->server);
    int own = mls->config_logs->nelts > 0;

    if (own) {
        log_all(r, mls->config_logs, mls->default_format, 0);
    }
    if (mls->server_config_logs) {
        log_all(r, mls->server_config_logs, mls->default_format, own);
    }
    return OK;
}

/* ---- opening ---------------------------------------------------------- */

static const char *resolve_nickname(const ap__lc_server *mls,
                                    const char *fmt_string)
{
    return fmt_string ? apr_table_get(mls->formats, fmt_string) : NULL;
}

static int open_log(server_rec *s, apr_pool_t *p, const ap__lc_server *mls,
                    ap__lc_log *cls)
{
    const char *nick = resolve_nickname(mls, cls->format_string), *err;

    if (nick) {
        cls->format = ap__lc_parse_format(p, nick, &err);
    }
    if (cls->log_writer || !cls->fname) {
        return OK;   /* shared with the main server, or disabled */
    }
    cls->log_writer = ap__lc_writer_init(p, s, cls->fname);
    return cls->log_writer ? OK : DONE;
}

static int open_server_logs(server_rec *s, apr_pool_t *p)
{
    ap__lc_server *mls = server_conf(s);
    const char *nick = resolve_nickname(mls, mls->default_format_string);
    apr_array_header_t *logs;
    const char *err;
    int i;

    if (nick) {
        mls->default_format = ap__lc_parse_format(p, nick, &err);
    }
    if (!mls->default_format) {
        mls->default_format = ap__lc_parse_format(p, AP__LC_DEFAULT_FORMAT,
                                                  &err);
    }
    logs = mls->config_logs->nelts ? mls->config_logs
                                   : mls->server_config_logs;
    for (i = 0; logs && i < logs->nelts; i++) {
        if (open_log(s, p, mls, &((ap__lc_log *)logs->elts)[i]) != OK) {
            return DONE;
        }
    }
    /* GlobalLogs of the main server also log this host's requests */
    if (mls->config_logs->nelts && mls->server_config_logs) {
        logs = mls->server_config_logs;
        for (i = 0; i < logs->nelts; i++) {
            ap__lc_log *cls = &((ap__lc_log *)logs->elts)[i];
            if (cls->inherit && open_log(s, p, mls, cls) != OK) {
                return DONE;
            }
        }
    }
    return OK;
}

static int lc_open_logs(apr_pool_t *pconf, apr_pool_t *plog,
                        apr_pool_t *ptemp, server_rec *s)
{
    int rc = OK;

    if (ap__lc_buffered_logs) {
        ap__lc_buffered_reset(plog);
    }
    for (; s && rc == OK; s = s->next) {
        rc = open_server_logs(s, plog);
    }
    return rc;
}

/* A log in a missing directory is reported by -t, with its directive. */
static int check_log_dir(apr_pool_t *p, server_rec *s, const ap__lc_log *l)
{
    apr_finfo_t finfo;
    const char *abs, *dir;
    apr_status_t rv;

    if (!l->fname || l->fname[0] == '|') {
        return OK;
    }
    abs = ap_server_root_relative(p, l->fname);
    if (!abs) {
        return OK;
    }
    dir = ap_make_dirstr_parent(p, abs);
    rv = apr_stat(&finfo, dir, APR_FINFO_TYPE, p);
    if (rv == APR_SUCCESS && finfo.filetype != APR_DIR) {
        rv = APR_ENOTDIR;
    }
    if (rv == APR_SUCCESS) {
        return OK;
    }
    ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_EMERG, rv, s,
                 APLOGNO(02297) "Cannot access directory '%s' for log file "
                 "'%s' defined at %s:%u", dir, l->fname,
                 l->defn_name ? l->defn_name : "?", l->defn_line);
    return DONE;
}

static int lc_check_config(apr_pool_t *pconf, apr_pool_t *plog,
                           apr_pool_t *ptemp, server_rec *s)
{
    int rc = OK, i;

    for (; s; s = s->next) {
        const apr_array_header_t *logs = server_conf(s)->config_logs;
        for (i = 0; i < logs->nelts; i++) {
            if (check_log_dir(ptemp, s,
                              &((const ap__lc_log *)logs->elts)[i]) != OK) {
                rc = DONE;
            }
        }
    }
    return rc;
}

/* ---- optional functions and hooks ------------------------------------- */

static void ap_register_log_handler(apr_pool_t *p, char *tag,
                                     ap_log_handler_fn_t *func, int def)
{
    ap__lc_register_handler(p, tag, func, def);
}

static ap_log_writer_init *ap_log_set_writer_init(ap_log_writer_init *func)
{
    ap_log_writer_init *old = ap__lc_writer_init;

    ap__lc_writer_init = func;
    return old;
}

static ap_log_writer *ap_log_set_writer(ap_log_writer *func)
{
    ap_log_writer *old = ap__lc_writer;

    ap__lc_writer = func;
    return old;
}

static int lc_pre_config(apr_pool_t *pconf, apr_pool_t *plog,
                         apr_pool_t *ptemp)
{
    /* a new configuration starts unbuffered and with the built-ins;
     * other modules add their %-directives in their own pre_config */
    if (ap__lc_writer == ap__lc_buffered_writer) {
        cmd_buffered_logs(NULL, NULL, 0);
    }
    ap__lc_reset_handlers(pconf);
    ap__lc_register_builtins(pconf);
    return OK;
}

static void lc_child_init(apr_pool_t *p, server_rec *s)
{
    if (ap__lc_buffered_logs) {
        ap__lc_buffered_child_init(p, s);
    }
}

static void register_hooks(apr_pool_t *p)
{
    ap_hook_pre_config(lc_pre_config, NULL, NULL, APR_HOOK_REALLY_FIRST);
    ap_hook_check_config(lc_check_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_open_logs(lc_open_logs, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_child_init(lc_child_init, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_log_transaction(log_transaction, NULL, NULL, APR_HOOK_MIDDLE);

    /* the optional functions are registered under their own names */
    APR_REGISTER_OPTIONAL_FN(ap_register_log_handler);
    APR_REGISTER_OPTIONAL_FN(ap_log_set_writer_init);
    APR_REGISTER_OPTIONAL_FN(ap_log_set_writer);
}

AP_DECLARE_MODULE(log_config) = {
    STANDARD20_MODULE_STUFF,
    NULL,                   /* create per-dir config */
    NULL,                   /* merge per-dir config */
    create_server,
    merge_server,
    log_config_cmds,
    register_hooks
};
