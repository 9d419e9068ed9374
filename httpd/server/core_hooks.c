/* core_hooks.c: the hooks core_module registers: the configuration
 * phases (banner, error log directory checks, the -S run-settings dump)
 * and the request phases that belong to the core (URI to file name,
 * ForceType/SetHandler, SetInputFilter/SetOutputFilter). */
#include "apr_strings.h"
#include "apr_file_io.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_main.h"
#include "http_protocol.h"
#include "http_request.h"
#include "ap_mpm.h"
#include "mpm_common.h"
#include "scoreboard.h"
#include "util_filter.h"
#include "util_mutex.h"

#include "core_private.h"
#include "config_private.h"
#include "log_private.h"
#include "protocol_private.h"
#include "request_private.h"

APLOG_USE_MODULE(core);

static int core_pre_config(apr_pool_t *pconf, apr_pool_t *plog,
                           apr_pool_t *ptemp)
{
    ap__core_info_init(pconf);
    ap_regcomp_set_default_cflags(AP_REG_DEFAULT);
    return OK;
}

static int core_post_config(apr_pool_t *pconf, apr_pool_t *plog,
                            apr_pool_t *ptemp, server_rec *s)
{
    ap__core_retrieve_optional_fns();
    ap__core_info_seal(pconf);
    ap_setup_make_content_type(pconf);
    ap_setup_auth_internal(ptemp);
    return OK;
}

/* Refuse to start when an error log's directory is missing: the failure
 * would otherwise only show once the server is detached. */
static int check_errorlog_dir(apr_pool_t *p, server_rec *s)
{
    const char *fname = s->error_fname;
    char *path, *dir, *slash;
    apr_finfo_t fi;
    apr_status_t rv;

    if (!fname || fname[0] == '|' || ap__log_is_syslog(fname)) {
        return OK;
    }
    path = ap_server_root_relative(p, fname);
    if (!path) {
        return OK;
    }
    dir = apr_pstrdup(p, path);
    slash = strrchr(dir, '/');
    if (!slash || slash == dir) {
        return OK;
    }
    *slash = '\0';
    rv = apr_stat(&fi, dir, APR_FINFO_TYPE, p);
    if (rv == APR_SUCCESS && fi.filetype == APR_DIR) {
        return OK;
    }
    ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_EMERG, rv, NULL,
                 APLOGNO(02291) "Cannot access directory '%s' for %s error "
                 "log of vhost defined at %s:%d", dir,
                 s->is_virtual ? "" : "main", s->defn_name ? s->defn_name
                                                           : "(main)",
                 s->defn_line_number);
    return !OK;
}

static int core_check_config(apr_pool_t *pconf, apr_pool_t *plog,
                             apr_pool_t *ptemp, server_rec *s)
{
    server_rec *v;

    for (v = s; v; v = v->next) {
        if (check_errorlog_dir(ptemp, v) != OK) {
            return !OK;
        }
    }
    return OK;
}

static void dump_defines(apr_file_t *out)
{
    const char **defs = (const char **)ap_server_config_defines->elts;
    int i;

    for (i = 0; i < ap_server_config_defines->nelts; i++) {
        const char *val = ap__config_defined_vars
                          ? apr_table_get(ap__config_defined_vars, defs[i])
                          : NULL;
        if (val) {
            apr_file_printf(out, "Define: %s=%s\n", defs[i], val);
        }
        else {
            apr_file_printf(out, "Define: %s\n", defs[i]);
        }
    }
}

/* -S / -t -D DUMP_RUN_CFG: the run-time settings, in Apache's layout. */
static void core_dump_config(apr_pool_t *p, server_rec *s)
{
    core_server_config *sc = ap_get_core_module_config(s->module_config);
    const char *elog = s->error_fname ? s->error_fname : DEFAULT_ERRORLOG;
    apr_file_t *out;

    if (ap_exists_config_define("DUMP_VHOSTS")) {
        if (apr_file_open_stdout(&out, p) == APR_SUCCESS) {
            ap__vhost_dump(out);
        }
    }
    if (!ap_exists_config_define("DUMP_RUN_CFG")
        || apr_file_open_stdout(&out, p) != APR_SUCCESS) {
        return;
    }
    apr_file_printf(out, "ServerRoot: \"%s\"\n", ap_server_root);
    apr_file_printf(out, "Main DocumentRoot: \"%s\"\n",
                    ap_server_root_relative(p, sc->ap_document_root));
    if (elog[0] != '|' && !ap__log_is_syslog(elog)) {
        elog = ap_server_root_relative(p, elog);
    }
    apr_file_printf(out, "Main ErrorLog: \"%s\"\n", elog);
    if (ap_scoreboard_fname) {
        apr_file_printf(out, "ScoreBoardFile: \"%s\"\n",
                        ap_runtime_dir_relative(p, ap_scoreboard_fname));
    }
    ap_dump_mutexes(p, s, out);
    ap_mpm_dump_pidfile(p, out);
    dump_defines(out);
}

/* translate_name, last resort: DocumentRoot + URI. The merge with
 * SECUREROOT refuses any path that would climb out of the root. */
AP_DECLARE_NONSTD(int) ap_core_translate(request_rec *r)
{
    const char *path = r->uri;
    apr_status_t rv;

    if (r->proxyreq) {
        return HTTP_FORBIDDEN;
    }
    if (!r->uri || (r->uri[0] != '/' && strcmp(r->uri, "*"))) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(00126)
                      "Invalid URI in request '%s' '%s'",
                      r->uri ? r->uri : "", r->the_request);
        return HTTP_BAD_REQUEST;
    }
    if (r->server->path && r->server->pathlen > 0
        && !strncmp(path, r->server->path, r->server->pathlen)
        && (r->server->path[r->server->pathlen - 1] == '/'
            || path[r->server->pathlen] == '/'
            || path[r->server->pathlen] == '\0')) {
        path += r->server->pathlen;
    }
    while (*path == '/') {
        path++;
    }
    rv = apr_filepath_merge(&r->filename, ap_document_root(r), path,
                            APR_FILEPATH_TRUENAME | APR_FILEPATH_SECUREROOT,
                            r->pool);
    if (rv != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, rv, r, APLOGNO(00127)
                      "Cannot map %s to file", r->the_request);
        return HTTP_FORBIDDEN;
    }
    r->canonical_filename = r->filename;
    return OK;
}

/* fixups, first: ForceType and SetHandler beat whatever mod_mime chose;
 * AcceptPathInfo applies unless a module already decided. */
static int core_override_type(request_rec *r)
{
    core_dir_config *d = ap_get_core_module_config(r->per_dir_config);

    if (d->mime_type && strcmp(d->mime_type, "none")) {
        ap_set_content_type(r, d->mime_type);
    }
    if (d->handler && strcmp(d->handler, "none")) {
        r->handler = d->handler;
    }
    if (r->used_path_info == AP_REQ_DEFAULT_PATH_INFO
        && d->accept_path_info != AP__ACCEPT_PATHINFO_UNSET) {
        r->used_path_info = d->accept_path_info;
    }
    return OK;
}

/* type_checker, last: a request no module typed is still fine. */
static int core_type_checker(request_rec *r)
{
    return OK;
}

static void add_filters(request_rec *r, const char *list, int input)
{
    while (list && *list) {
        const char *name = ap_getword(r->pool, &list, ';');
        if (!*name) {
            continue;
        }
        if (input) {
            ap_add_input_filter(name, NULL, r, r->connection);
        }
        else {
            ap_add_output_filter(name, NULL, r, r->connection);
        }
    }
}

static void core_insert_filter(request_rec *r)
{
    core_dir_config *d = ap_get_core_module_config(r->per_dir_config);

    add_filters(r, d->output_filters, 0);
    add_filters(r, d->input_filters, 1);
}

static void core_optional_fn_retrieve(void)
{
    ap__core_retrieve_optional_fns();
}

void ap__core_hooks_register(apr_pool_t *p)
{
    ap__log_register_hooks(p);
    ap__core_request_register_hooks(p);
    ap__core_conn_hooks_register(p);

    ap_hook_pre_config(core_pre_config, NULL, NULL, APR_HOOK_REALLY_FIRST);
    ap_hook_post_config(core_post_config, NULL, NULL, APR_HOOK_REALLY_FIRST);
    ap_hook_check_config(core_check_config, NULL, NULL, APR_HOOK_FIRST);
    ap_hook_test_config(core_dump_config, NULL, NULL, APR_HOOK_FIRST);
    ap_hook_optional_fn_retrieve(core_optional_fn_retrieve, NULL, NULL,
                                 APR_HOOK_MIDDLE);

    ap_hook_create_request(ap__core_create_req, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_translate_name(ap_core_translate, NULL, NULL,
                           APR_HOOK_REALLY_LAST);
    ap_hook_open_htaccess(ap_open_htaccess, NULL, NULL, APR_HOOK_REALLY_LAST);
    ap_hook_type_checker(core_type_checker, NULL, NULL, APR_HOOK_REALLY_LAST);
    ap_hook_fixups(core_override_type, NULL, NULL, APR_HOOK_REALLY_FIRST);
    ap_hook_insert_filter(core_insert_filter, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_handler(ap__default_handler, NULL, NULL, APR_HOOK_REALLY_LAST);

    /* As in Apache, the core creates the scoreboard before the MPM runs. */
    ap_hook_pre_mpm(ap_create_scoreboard, NULL, NULL, APR_HOOK_MIDDLE);
}
