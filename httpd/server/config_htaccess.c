/* config_htaccess.c: reading .htaccess files for a request.
 *
 * The file is parsed in the request pool with the overrides of the
 * directory (AllowOverride bits in parms.override, AllowOverrideList names
 * in parms.override_list), so a directive outside them fails as "not
 * allowed here".  Results, including "no file", are cached in r->htaccess
 * so that sub-requests and redirects of the same chain read a directory's
 * file once. */
#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_request.h"

#include "config_private.h"

APLOG_USE_MODULE(core);

static const struct htaccess_result *cached(request_rec *r, const char *d,
                                            int override, int override_opts,
                                            apr_table_t *override_list)
{
    const struct htaccess_result *c;

    for (c = r->htaccess; c != NULL; c = c->next) {
        if (c->override == override && c->override_opts == override_opts
            && c->override_list == override_list && strcmp(c->dir, d) == 0) {
            return c;
        }
    }
    return NULL;
}

static apr_status_t open_one(request_rec *r, const char *d,
                             const char *name, ap_configfile_t **f,
                             const char **filename)
{
    apr_status_t rv = ap_run_open_htaccess(r, d, name, f, filename);

    if (rv == AP_DECLINED) {
        /* nobody registered the default: do what it does */
        rv = ap_open_htaccess(r, d, name, f, filename);
    }
    return rv;
}

/* Builds and runs one file's directives into a fresh vector. */
static int parse_one(request_rec *r, cmd_parms *parms, ap_configfile_t *f,
                     const char *filename, ap_conf_vector_t **dc)
{
    ap_directive_t *tree = NULL;
    const char *err;

    *dc = ap_create_per_dir_config(r->pool);
    parms->config_file = f;
    err = ap_build_config(parms, r->pool, r->pool, &tree);
    if (err == NULL) {
        parms->err_directive = NULL;
        err = ap_walk_config(tree, parms, *dc);
    }
    ap_cfg_closefile(f);
    if (err) {
        ap_log_rerror(APLOG_MARK, APLOG_ALERT, 0, r, "%s: %s", filename, err);
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    return OK;
}

static void remember(request_rec *r, const char *d, int override,
                     int override_opts, apr_table_t *override_list,
                     ap_conf_vector_t *dc)
{
    struct htaccess_result *c = apr_palloc(r->pool, sizeof(*c));

    c->dir = d;
    c->override = override;
    c->override_opts = override_opts;
    c->override_list = override_list;
    c->htaccess = dc;
    c->next = r->htaccess;
    r->htaccess = c;
}

AP_CORE_DECLARE(int) ap_parse_htaccess(ap_conf_vector_t **result,
                                       request_rec *r, int override,
                                       int override_opts,
                                       apr_table_t *override_list,
                                       const char *d,
                                       const char *access_name)
{
    const struct htaccess_result *c;
    ap_conf_vector_t *dc = NULL;
    cmd_parms parms;

    c = cached(r, d, override, override_opts, override_list);
    if (c) {
        *result = c->htaccess;
        return OK;
    }
    memset(&parms, 0, sizeof(parms));
    parms.override = override;
    parms.override_opts = override_opts;
    parms.override_list = override_list;
    parms.limited = -1;
    parms.pool = r->pool;
    parms.temp_pool = r->pool;      /* pool == temp_pool: .htaccess mode */
    parms.server = r->server;
    parms.path = apr_pstrdup(r->pool, d);
    /* AccessFileName may list several names: the first one found wins.
     * The usual single plain name needs no splitting (this runs for every
     * directory level of every request). */
    while (*access_name) {
        const char *name;
        const char *filename = NULL;
        ap_configfile_t *f = NULL;
        apr_status_t rv;

        if (!access_name[strcspn(access_name, " \t\"'\\")]) {
            name = access_name;
            access_name = "";
        }
        else {
            name = ap_getword_conf(r->pool, &access_name);
        }
        if (*name == '\0') {
            break;
        }
        rv = open_one(r, d, name, &f, &filename);
        if (rv == APR_SUCCESS) {
            int status = parse_one(r, &parms, f, filename, &dc);

            if (status != OK) {
                return status;
            }
            *result = dc;
            break;
        }
        if (!APR_STATUS_IS_ENOENT(rv) && !APR_STATUS_IS_ENOTDIR(rv)) {
            ap_log_rerror(APLOG_MARK, APLOG_CRIT, rv, r, APLOGNO(00529)
                          "%s pcfg_openfile: unable to check htaccess file, "
                          "ensure it is readable and that '%s' is "
                          "executable", filename ? filename : name, d);
            apr_table_setn(r->notes, "error-notes", "Server unable to read "
                           "htaccess file, denying access to be safe");
            return HTTP_FORBIDDEN;
        }
    }
    remember(r, parms.path, override, override_opts, override_list, dc);
    return OK;
}
