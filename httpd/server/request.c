/* request.c: the request hooks and ap_process_request_internal, which
 * runs them in Apache's order: location walk, pre_translate_name, URL
 * unescaping, location walk, translate_name, map_to_storage (directory
 * and file walks), location walk again (so <Location> overrides
 * <Directory>), post_perdir_config, header_parser, the access/authn/authz
 * phases per Satisfy and Require, type_checker and fixups. */
#include "apr_strings.h"

#include "httpd.h"
#include "ap_provider.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "mod_auth.h"
#include "request_private.h"

APLOG_USE_MODULE(core);

APR_HOOK_STRUCT(
    APR_HOOK_LINK(pre_translate_name)
    APR_HOOK_LINK(translate_name)
    APR_HOOK_LINK(map_to_storage)
    APR_HOOK_LINK(check_user_id)
    APR_HOOK_LINK(fixups)
    APR_HOOK_LINK(type_checker)
    APR_HOOK_LINK(access_checker)
    APR_HOOK_LINK(access_checker_ex)
    APR_HOOK_LINK(auth_checker)
    APR_HOOK_LINK(insert_filter)
    APR_HOOK_LINK(create_request)
    APR_HOOK_LINK(post_perdir_config)
    APR_HOOK_LINK(dirwalk_stat)
    APR_HOOK_LINK(force_authn)
)

AP_IMPLEMENT_HOOK_RUN_FIRST(int, pre_translate_name, (request_rec *r), (r),
                            DECLINED)
AP_IMPLEMENT_HOOK_RUN_FIRST(int, translate_name, (request_rec *r), (r),
                            DECLINED)
AP_IMPLEMENT_HOOK_RUN_FIRST(int, map_to_storage, (request_rec *r), (r),
                            DECLINED)
AP_IMPLEMENT_HOOK_RUN_FIRST(int, check_user_id, (request_rec *r), (r),
                            DECLINED)
AP_IMPLEMENT_HOOK_RUN_ALL(int, fixups, (request_rec *r), (r), OK, DECLINED)
AP_IMPLEMENT_HOOK_RUN_FIRST(int, type_checker, (request_rec *r), (r),
                            DECLINED)
AP_IMPLEMENT_HOOK_RUN_ALL(int, access_checker, (request_rec *r), (r), OK,
                          DECLINED)
AP_IMPLEMENT_HOOK_RUN_FIRST(int, access_checker_ex, (request_rec *r), (r),
                            DECLINED)
AP_IMPLEMENT_HOOK_RUN_FIRST(int, auth_checker, (request_rec *r), (r),
                            DECLINED)
AP_IMPLEMENT_HOOK_VOID(insert_filter, (request_rec *r), (r))
AP_IMPLEMENT_HOOK_RUN_ALL(int, create_request, (request_rec *r), (r), OK,
                          DECLINED)
AP_IMPLEMENT_HOOK_RUN_ALL(int, post_perdir_config, (request_rec *r), (r),
                          OK, DECLINED)
AP_IMPLEMENT_HOOK_RUN_FIRST(apr_status_t, dirwalk_stat,
                            (apr_finfo_t *finfo, request_rec *r,
                             apr_int32_t wanted),
                            (finfo, r, wanted), AP_DECLINED)
AP_IMPLEMENT_HOOK_RUN_FIRST(int, force_authn, (request_rec *r), (r),
                            DECLINED)

/* Whether every access/auth hook and provider said it only depends on
 * the configuration (AP_AUTH_INTERNAL_PER_CONF): then an internal
 * request with the same per-dir config as its parent inherits the
 * parent's authentication instead of redoing it. */
static int auth_internal_per_conf;
static int auth_internal_per_conf_hooks;
static int auth_internal_per_conf_providers;

static void count_per_conf_hook(int type)
{
    if ((type & AP_AUTH_INTERNAL_MASK) == AP_AUTH_INTERNAL_PER_CONF) {
        ++auth_internal_per_conf_hooks;
    }
}

AP_DECLARE(void) ap_hook_check_access(ap_HOOK_access_checker_t *pf,
                                      const char *const *aszPre,
                                      const char *const *aszSucc,
                                      int nOrder, int type)
{
    count_per_conf_hook(type);
    ap_hook_access_checker(pf, aszPre, aszSucc, nOrder);
}

AP_DECLARE(void) ap_hook_check_access_ex(ap_HOOK_access_checker_ex_t *pf,
                                         const char *const *aszPre,
                                         const char *const *aszSucc,
                                         int nOrder, int type)
{
    count_per_conf_hook(type);
    ap_hook_access_checker_ex(pf, aszPre, aszSucc, nOrder);
}

AP_DECLARE(void) ap_hook_check_authn(ap_HOOK_check_user_id_t *pf,
                                     const char *const *aszPre,
                                     const char *const *aszSucc,
                                     int nOrder, int type)
{
    count_per_conf_hook(type);
    ap_hook_check_user_id(pf, aszPre, aszSucc, nOrder);
}

AP_DECLARE(void) ap_hook_check_authz(ap_HOOK_auth_checker_t *pf,
                                     const char *const *aszPre,
                                     const char *const *aszSucc,
                                     int nOrder, int type)
{
    count_per_conf_hook(type);
    ap_hook_auth_checker(pf, aszPre, aszSucc, nOrder);
}

AP_DECLARE(apr_status_t) ap_register_auth_provider(apr_pool_t *pool,
                                                   const char *provider_group,
                                                   const char *provider_name,
                                                   const char *provider_version,
                                                   const void *provider,
                                                   int type)
{
    if ((type & AP_AUTH_INTERNAL_MASK) == AP_AUTH_INTERNAL_PER_CONF) {
        ++auth_internal_per_conf_providers;
    }
    return ap_register_provider(pool, provider_group, provider_name,
                                provider_version, provider);
}

AP_DECLARE(void) ap_clear_auth_internal(void)
{
    auth_internal_per_conf_hooks = 0;
    auth_internal_per_conf_providers = 0;
}

static int nhooks(const apr_array_header_t *a)
{
    return a ? a->nelts : 0;
}

AP_DECLARE(void) ap_setup_auth_internal(apr_pool_t *ptemp)
{
    int hooks = nhooks(_hooks.link_access_checker)
                + nhooks(_hooks.link_access_checker_ex)
                + nhooks(_hooks.link_check_user_id)
                + nhooks(_hooks.link_auth_checker);
    int providers;

    auth_internal_per_conf = 0;
    if (hooks > auth_internal_per_conf_hooks) {
        return;
    }
    providers = ap_list_provider_names(ptemp, AUTHN_PROVIDER_GROUP,
                                       AUTHN_PROVIDER_VERSION)->nelts
                + ap_list_provider_names(ptemp, AUTHZ_PROVIDER_GROUP,
                                         AUTHZ_PROVIDER_VERSION)->nelts;
    if (providers > auth_internal_per_conf_providers) {
        return;
    }
    auth_internal_per_conf = 1;
}

/* DECLINED from a phase that must decide is a configuration error. */
static int decl_die(int status, const char *phase, request_rec *r)
{
    if (status == DECLINED) {
        ap_log_rerror(APLOG_MARK, APLOG_CRIT, 0, r, APLOGNO(20120)
                      "configuration error:  couldn't %s: %s", phase, r->uri);
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    ap_log_rerror(APLOG_MARK, APLOG_TRACE3, 0, r,
                  "auth phase '%s' gave status %d: %s", phase, status, r->uri);
    return status;
}

AP_DECLARE(int) ap_some_authn_required(request_rec *r)
{
    char *olduser = r->user;
    int rv = FALSE;
    int any = ap_satisfies(r) == SATISFY_ANY;
    int st = ap_run_access_checker(r);

    if ((any && st != OK) || (!any && st == OK)) {
        rv = ap_run_access_checker_ex(r) == DECLINED;
    }
    r->user = olduser;
    return rv;
}

/* authn then authz, once access_checker_ex asked for them. */
static int authenticate(request_rec *r)
{
    int st = ap_run_access_checker_ex(r);

    if (st == OK && ap_run_force_authn(r) != OK) {
        ap_log_rerror(APLOG_MARK, APLOG_TRACE3, 0, r,
                      "request authorized without authentication by "
                      "access_checker_ex hook: %s", r->uri);
        return OK;
    }
    if (st != OK && st != DECLINED) {
        return decl_die(st, "check access", r);
    }
    if ((st = ap_run_check_user_id(r)) != OK) {
        return decl_die(st, "check user", r);
    }
    if (r->user == NULL) {
        /* a buggy authn module must not crash authz */
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(20121)
                      "No authentication done but request not allowed "
                      "without authentication for %s. Authentication not "
                      "configured?", r->uri);
        return decl_die(HTTP_INTERNAL_SERVER_ERROR, "check user", r);
    }
    if ((st = ap_run_auth_checker(r)) != OK) {
        return decl_die(st, "check authorization", r);
    }
    return OK;
}

static int check_access(request_rec *r)
{
    int st;

    /* ap_get_basic_auth_pw before authn fills r->user by accident */
    if (r->user && apr_table_get(r->notes, AP_GET_BASIC_AUTH_PW_NOTE)) {
        r->user = NULL;
    }
    st = ap_run_access_checker(r);
    if (ap_satisfies(r) == SATISFY_ANY) {
        if (st == OK) {
            ap_log_rerror(APLOG_MARK, APLOG_TRACE3, 0, r,
                          "request authorized without authentication by "
                          "access_checker hook and 'Satisfy any': %s",
                          r->uri);
            return OK;
        }
    }
    else if (st != OK) {
        return decl_die(st, "check access (with Satisfy All)", r);
    }
    return authenticate(r);
}

/* Sub-requests and redirects with the parent's configuration inherit
 * its authentication (when the auth modules allow it). */
static int inherit_auth(request_rec *r)
{
    request_rec *from = NULL;

    if (!auth_internal_per_conf) {
        return 0;
    }
    if (r->prev && r->prev->per_dir_config == r->per_dir_config) {
        from = r->prev;
    }
    else if (r->main && r->main->per_dir_config == r->per_dir_config) {
        from = r->main;
    }
    if (!from) {
        return 0;
    }
    r->user = from->user;
    r->ap_auth_type = from->ap_auth_type;
    return 1;
}

static int walk_location_and_if(request_rec *r)
{
    core_dir_config *d;
    int st;

    if ((st = ap_location_walk(r)) != OK || (st = ap_if_walk(r)) != OK) {
        return st;
    }
    d = ap_get_core_module_config(r->per_dir_config);
    if (d->log) {
        r->log = d->log;
    }
    return OK;
}

static unsigned int normalize_flags(request_rec *r, int file_req)
{
    core_server_config *sconf =
        ap_get_core_module_config(r->server->module_config);
    unsigned int flags = AP_NORMALIZE_NOT_ABOVE_ROOT;

    if (sconf->merge_slashes != AP_CORE_CONFIG_OFF) {
        flags |= AP_NORMALIZE_MERGE_SLASHES;
    }
    if (file_req) {
        flags |= AP_NORMALIZE_ALLOW_RELATIVE;   /* relative file lookups */
    }
    return flags;
}

/* %-decoding of the path per AllowEncodedSlashes. */
static int unescape_path(request_rec *r, unsigned int nflags)
{
    core_dir_config *d = ap_get_core_module_config(r->per_dir_config);
    unsigned int flags = AP_UNESCAPE_URL_KEEP_UNRESERVED;
    int st;

    if (!d->allow_encoded_slashes) {
        flags |= AP_UNESCAPE_URL_FORBID_SLASHES;
    }
    else if (!d->decode_encoded_slashes) {
        flags |= AP_UNESCAPE_URL_KEEP_SLASHES;
    }
    st = ap_unescape_url_ex(r->parsed_uri.path, flags);
    if (st) {
        if (st == HTTP_NOT_FOUND && !d->allow_encoded_slashes) {
            ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(20122)
                          "found %%2f (encoded '/') in URI path (%s), "
                          "returning 404", r->unparsed_uri);
        }
        return st;
    }
    if (d->allow_encoded_slashes && d->decode_encoded_slashes) {
        /* decoded slashes may form new "//" or "/../" */
        ap_normalize_path(r->parsed_uri.path, nflags);
    }
    return OK;
}

/* Everything up to and including translate_name. */
static int translate(request_rec *r, int file_req)
{
    unsigned int nflags = normalize_flags(r, file_req);
    int st = DECLINED;

    if (r->parsed_uri.path
        && !ap_normalize_path(r->parsed_uri.path,
                              nflags | AP_NORMALIZE_DECODE_UNRESERVED)) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(20123)
                      "invalid URI path (%s)", r->unparsed_uri);
        return HTTP_BAD_REQUEST;
    }
    if (!file_req) {
        ap_conf_vector_t *saved = r->per_dir_config;

        if ((st = walk_location_and_if(r)) != OK) {
            return st;
        }
        st = ap_run_pre_translate_name(r);
        if (ap_is_HTTP_ERROR(st)) {
            return st;
        }
        r->per_dir_config = saved;  /* that merge was for pre_trans only */
    }
    if (st != DONE && r->parsed_uri.path
        && (st = unescape_path(r, nflags)) != OK) {
        return st;
    }
    if (!file_req) {
        if ((st = walk_location_and_if(r)) != OK) {
            return st;
        }
        if ((st = ap_run_translate_name(r)) != OK) {
            return decl_die(st, "translate", r);
        }
    }
    return OK;
}

AP_DECLARE(int) ap_process_request_internal(request_rec *r)
{
    int file_req = (r->main && r->filename);
    int st;

    if ((st = translate(r, file_req)) != OK) {
        return st;
    }
    /* map_to_storage starts from the server's defaults */
    r->per_dir_config = r->server->lookup_defaults;
    if ((st = ap_run_map_to_storage(r)) != OK) {
        return st;      /* not in storage, e.g. TRACE */
    }
    if ((st = walk_location_and_if(r)) != OK
        || (st = ap_run_post_perdir_config(r)) != OK) {
        return st;
    }
    if (r->main == NULL && (st = ap_run_header_parser(r)) != OK) {
        return st;
    }
    if (!inherit_auth(r) && (st = check_access(r)) != OK) {
        return st;
    }
    if ((st = ap_run_type_checker(r)) != OK) {
        return decl_die(st, "find types", r);
    }
    if ((st = ap_run_fixups(r)) != OK) {
        ap_log_rerror(APLOG_MARK, APLOG_TRACE3, 0, r,
                      "fixups hook gave %d: %s", st, r->uri);
        return st;
    }
    return OK;
}
