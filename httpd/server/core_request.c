/* core_request.c: the per-request core state (core_request_config and
 * its notes), and the accessors modules use to read the core's
 * per-directory settings for a request. */
#include "apr_strings.h"
#include "apr_buckets.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "mod_core.h"

#include "core_private.h"

APLOG_USE_MODULE(core);

/* Apache's default LimitRequestBody since 2.4.54: 1 GiB. */
#define DEFAULT_LIMIT_REQ_BODY ((apr_off_t)1 << 30)

static apr_size_t num_request_notes = AP_NUM_STD_NOTES;

static apr_status_t reset_request_notes(void *unused)
{
    num_request_notes = AP_NUM_STD_NOTES;
    return APR_SUCCESS;
}

AP_DECLARE(apr_size_t) ap_register_request_note(void)
{
    /* Notes are registered from register_hooks; restarts redo that. */
    apr_pool_cleanup_register(apr_hook_global_pool, NULL, reset_request_notes,
                              apr_pool_cleanup_null);
    return num_request_notes++;
}

AP_DECLARE(void **) ap_get_request_note(request_rec *r, apr_size_t note_num)
{
    core_request_config *rc;

    if (note_num >= num_request_notes || !r->request_config) {
        return NULL;
    }
    rc = ap_get_core_module_config(r->request_config);
    return rc ? &rc->notes[note_num] : NULL;
}

static core_request_config *rconf(request_rec *r)
{
    return ap_get_core_module_config(r->request_config);
}

AP_DECLARE(const char *) ap_document_root(request_rec *r)
{
    core_request_config *rc = rconf(r);
    core_server_config *sc;

    if (rc && rc->document_root) {
        return rc->document_root;
    }
    sc = ap_get_core_module_config(r->server->module_config);
    return sc->ap_document_root;
}

AP_DECLARE(const char *) ap_context_prefix(request_rec *r)
{
    core_request_config *rc = rconf(r);

    return (rc && rc->context_prefix) ? rc->context_prefix : "";
}

AP_DECLARE(const char *) ap_context_document_root(request_rec *r)
{
    core_request_config *rc = rconf(r);

    return (rc && rc->context_document_root) ? rc->context_document_root
                                             : ap_document_root(r);
}

AP_DECLARE(void) ap_set_context_info(request_rec *r, const char *prefix,
                                     const char *document_root)
{
    core_request_config *rc = rconf(r);

    if (prefix) {
        rc->context_prefix = prefix;
    }
    if (document_root) {
        rc->context_document_root = document_root;
    }
}

AP_DECLARE(void) ap_set_document_root(request_rec *r,
                                      const char *document_root)
{
    rconf(r)->document_root = document_root;
}

static core_dir_config *dconf(const request_rec *r)
{
    return ap_get_core_module_config(r->per_dir_config);
}

AP_DECLARE(int) ap_allow_options(request_rec *r)
{
    return dconf(r)->opts;
}

AP_DECLARE(int) ap_allow_overrides(request_rec *r)
{
    return dconf(r)->override;
}

AP_DECLARE(apr_off_t) ap_get_limit_req_body(const request_rec *r)
{
    core_dir_config *d = dconf(r);

    return d->limit_req_body == AP__LIMIT_REQ_BODY_UNSET
           ? DEFAULT_LIMIT_REQ_BODY : d->limit_req_body;
}

AP_DECLARE(apr_size_t) ap_get_limit_xml_body(const request_rec *r)
{
    core_dir_config *d;

    if (!r->per_dir_config) {
        return AP__DEFAULT_LIMIT_XML_BODY;
    }
    d = dconf(r);
    return d->limit_xml_body == AP__LIMIT_UNSET ? AP__DEFAULT_LIMIT_XML_BODY
                                                : (apr_size_t)d->limit_xml_body;
}

AP_DECLARE(apr_size_t) ap_get_read_buf_size(const request_rec *r)
{
    core_dir_config *d = dconf(r);

    return d->read_buf_size ? d->read_buf_size : AP__DEFAULT_READ_BUF_SIZE;
}

/* A leading '"' marks a message text, as ErrorDocument stores it. */
AP_DECLARE(void) ap_custom_response(request_rec *r, int status,
                                    const char *string)
{
    core_request_config *rc = rconf(r);
    int idx = ap_index_of_response(status);

    if (!rc->response_code_strings) {
        rc->response_code_strings =
            apr_pcalloc(r->pool, sizeof(char *) * RESPONSE_CODES);
    }
    if ((ap_is_url(string) || *string == '/') && *string != '"') {
        rc->response_code_strings[idx] = apr_pstrdup(r->pool, string);
    }
    else {
        rc->response_code_strings[idx] = apr_pstrcat(r->pool, "\"", string,
                                                     NULL);
    }
}

char *ap_response_code_string(request_rec *r, int error_index)
{
    core_request_config *rc = rconf(r);
    core_dir_config *d;
    char *s;

    if (error_index < 0 || error_index >= RESPONSE_CODES) {
        return NULL;
    }
    if (rc && rc->response_code_strings
        && rc->response_code_strings[error_index]) {
        return rc->response_code_strings[error_index];
    }
    d = dconf(r);
    if (!d->response_code_strings) {
        return NULL;
    }
    s = d->response_code_strings[error_index];
    return (s == ap__core_errdoc_default) ? NULL : s;
}

AP_DECLARE(int) ap_is_recursion_limit_exceeded(const request_rec *r)
{
    core_server_config *sc = ap_get_core_module_config(
        r->server->module_config);
    int rlimit = sc->redirect_limit ? sc->redirect_limit
                                    : AP_DEFAULT_MAX_INTERNAL_REDIRECTS;
    int slimit = sc->subreq_limit ? sc->subreq_limit
                                  : AP_DEFAULT_MAX_SUBREQ_DEPTH;
    int redirects = 0, subreqs = 0;
    const request_rec *top;

    for (top = r; top->main || top->prev;) {
        if (top->main) {
            if (++subreqs >= slimit) {
                ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(00124)
                              "Request exceeded the limit of %d subrequest "
                              "nesting levels due to probable configuration "
                              "error. Use 'LimitInternalRecursion' to "
                              "increase the limit if necessary. Use "
                              "'LogLevel debug' to get a backtrace.", slimit);
                return 1;
            }
            top = top->main;
        }
        else {
            if (++redirects >= rlimit) {
                ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(00125)
                              "Request exceeded the limit of %d internal "
                              "redirects due to probable configuration "
                              "error. Use 'LimitInternalRecursion' to "
                              "increase the limit if necessary. Use "
                              "'LogLevel debug' to get a backtrace.", rlimit);
                return 1;
            }
            top = top->prev;
        }
    }
    return 0;
}

/* create_request hook: the core's per-request state and its notes in one
 * allocation; a subrequest shares its parent's look-ahead brigade. */
int ap__core_create_req(request_rec *r)
{
    core_request_config *rc;

    rc = apr_pcalloc(r->pool, sizeof(*rc)
                              + sizeof(void *) * num_request_notes);
    rc->notes = (void **)(rc + 1);
    rc->deliver_script = 1;
    if (r->main) {
        core_request_config *main_rc = rconf(r->main);
        rc->bb = main_rc->bb;
    }
    else {
        rc->bb = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    }
    ap_set_core_module_config(r->request_config, rc);
    return OK;
}
