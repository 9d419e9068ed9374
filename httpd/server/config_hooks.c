/* config_hooks.c: the hooks declared in http_config.h, and running the
 * content handler. */
#include <string.h>

#include "apr_hooks.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "util_filter.h"

#include "config_private.h"

APLOG_USE_MODULE(core);

APR_HOOK_STRUCT(
    APR_HOOK_LINK(header_parser)
    APR_HOOK_LINK(pre_config)
    APR_HOOK_LINK(check_config)
    APR_HOOK_LINK(test_config)
    APR_HOOK_LINK(post_config)
    APR_HOOK_LINK(open_logs)
    APR_HOOK_LINK(child_init)
    APR_HOOK_LINK(handler)
    APR_HOOK_LINK(quick_handler)
    APR_HOOK_LINK(optional_fn_retrieve)
    APR_HOOK_LINK(open_htaccess)
)

AP_IMPLEMENT_HOOK_RUN_ALL(int, header_parser, (request_rec *r), (r),
                          OK, DECLINED)
AP_IMPLEMENT_HOOK_RUN_ALL(int, pre_config,
                          (apr_pool_t *pconf, apr_pool_t *plog,
                           apr_pool_t *ptemp),
                          (pconf, plog, ptemp), OK, DECLINED)
AP_IMPLEMENT_HOOK_RUN_ALL(int, check_config,
                          (apr_pool_t *pconf, apr_pool_t *plog,
                           apr_pool_t *ptemp, server_rec *s),
                          (pconf, plog, ptemp, s), OK, DECLINED)
AP_IMPLEMENT_HOOK_VOID(test_config, (apr_pool_t *pconf, server_rec *s),
                       (pconf, s))
AP_IMPLEMENT_HOOK_RUN_ALL(int, post_config,
                          (apr_pool_t *pconf, apr_pool_t *plog,
                           apr_pool_t *ptemp, server_rec *s),
                          (pconf, plog, ptemp, s), OK, DECLINED)
AP_IMPLEMENT_HOOK_RUN_ALL(int, open_logs,
                          (apr_pool_t *pconf, apr_pool_t *plog,
                           apr_pool_t *ptemp, server_rec *s),
                          (pconf, plog, ptemp, s), OK, DECLINED)
AP_IMPLEMENT_HOOK_VOID(child_init, (apr_pool_t *pchild, server_rec *s),
                       (pchild, s))
AP_IMPLEMENT_HOOK_RUN_FIRST(int, handler, (request_rec *r), (r), DECLINED)
AP_IMPLEMENT_HOOK_RUN_FIRST(int, quick_handler, (request_rec *r, int lookup),
                            (r, lookup), DECLINED)
AP_IMPLEMENT_HOOK_VOID(optional_fn_retrieve, (void), ())
AP_IMPLEMENT_HOOK_RUN_FIRST(apr_status_t, open_htaccess,
                            (request_rec *r, const char *dir_name,
                             const char *access_name,
                             ap_configfile_t **conffile,
                             const char **full_name),
                            (r, dir_name, access_name, conffile, full_name),
                            AP_DECLINED)

/* The default open_htaccess: a file in the directory.  CORE registers it
 * with APR_HOOK_REALLY_LAST. */
apr_status_t ap_open_htaccess(request_rec *r, const char *dir_name,
                              const char *access_name,
                              ap_configfile_t **conffile,
                              const char **full_name)
{
    *full_name = ap_make_full_path(r->pool, dir_name, access_name);
    return ap_pcfg_openfile(conffile, r->pool, *full_name);
}

static int run_filter_inits(request_rec *r, ap_filter_t *f)
{
    for (; f; f = f->next) {
        if (f->frec->filter_init_func) {
            int rv = f->frec->filter_init_func(f);

            if (rv != OK) {
                return rv;
            }
        }
    }
    return OK;
}

/* "text/html; charset=x" -> "text/html" */
static const char *handler_from_type(request_rec *r, const char *type)
{
    const char *semi = strchr(type, ';');
    apr_size_t len;

    if (semi == NULL) {
        return type;
    }
    len = (apr_size_t)(semi - type);
    while (len > 0 && type[len - 1] == ' ') {
        --len;
    }
    return apr_pstrmemdup(r->pool, type, len);
}

static int valid_result(int result)
{
    return result == OK || result == DONE || result == DECLINED
           || result == SUSPENDED || result == AP_FILTER_ERROR
           || ap_is_HTTP_VALID_RESPONSE(result);
}

AP_CORE_DECLARE(int) ap_invoke_handler(request_rec *r)
{
    const char *old_handler = r->handler;
    const char *handler;
    int result;

    ap_run_insert_filter(r);
    result = run_filter_inits(r, r->input_filters);
    if (result == OK) {
        result = run_filter_inits(r, r->output_filters);
    }
    if (result != OK) {
        return result;
    }
    if (r->handler == NULL) {
        r->handler = r->content_type
                     ? handler_from_type(r, r->content_type)
                     : AP_DEFAULT_HANDLER_NAME;
    }
    result = ap_run_handler(r);
    handler = r->handler;
    r->handler = old_handler;
    /* only a handler asked for (SetHandler, AddHandler) is worth a warning */
    if (result == DECLINED && old_handler && r->filename) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r, APLOGNO(00523)
                      "handler \"%s\" not found for: %s", old_handler,
                      r->filename);
    }
    if (!valid_result(result)) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r, APLOGNO(00524)
                      "Handler for %s returned invalid result code %d",
                      handler, result);
        result = HTTP_INTERNAL_SERVER_ERROR;
    }
    return result == DECLINED ? HTTP_INTERNAL_SERVER_ERROR : result;
}
