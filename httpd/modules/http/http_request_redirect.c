/* http_request_redirect.c: internal redirects. The new request shares
 * the old one's pool and connection, keeps its protocol state (method,
 * headers_in, what was read of the body), and sees the old environment
 * as REDIRECT_* variables. Resource filters of the old request are
 * dropped; protocol filters stay. */
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "util_filter.h"
#include "request_private.h"

APLOG_USE_MODULE(http);

void ap__update_r_in_filters(ap_filter_t *f, request_rec *from,
                             request_rec *to)
{
    for (; f; f = f->next) {
        if (f->r == from) {
            f->r = to;
        }
    }
}

static apr_table_t *rename_original_env(apr_pool_t *p, apr_table_t *t)
{
    const apr_array_header_t *arr = apr_table_elts(t);
    const apr_table_entry_t *elts = (const apr_table_entry_t *)arr->elts;
    apr_table_t *renamed = apr_table_make(p, arr->nalloc);
    int i;

    for (i = 0; i < arr->nelts; i++) {
        if (elts[i].key) {
            apr_table_setn(renamed,
                           apr_pstrcat(p, "REDIRECT_", elts[i].key, NULL),
                           elts[i].val);
        }
    }
    return renamed;
}

/* A sub-request's chain mixes its own filters with its parent's: keep
 * the parent's (and SUBREQ_CORE), drop those of the old request. */
static void drop_old_filters(request_rec *rnew, request_rec *r,
                             const char *new_uri)
{
    ap_filter_t *f = r->output_filters, *next;

    rnew->output_filters = r->output_filters;
    while (f && f != rnew->proto_output_filters) {
        next = f->next;
        if (f->r == r && f->frec != ap_subreq_core_filter_handle) {
            ap_log_rerror(APLOG_MARK, APLOG_TRACE4, 0, r,
                          "dropping filter '%s' in internal redirect from "
                          "%s to %s", f->frec->name, r->unparsed_uri,
                          new_uri);
            f->r = rnew;    /* so that removal updates rnew's heads */
            ap_remove_output_filter(f);
        }
        f = next;
    }
}

static void copy_protocol_state(request_rec *rnew, request_rec *r)
{
    rnew->the_request = r->the_request;
    rnew->allowed = r->allowed;
    rnew->status = r->status;
    rnew->assbackwards = r->assbackwards;
    rnew->header_only = r->header_only;
    rnew->protocol = r->protocol;
    rnew->proto_num = r->proto_num;
    rnew->hostname = r->hostname;
    rnew->request_time = r->request_time;
    rnew->main = r->main;
    rnew->headers_in = r->headers_in;
    rnew->trailers_in = r->trailers_in;
    rnew->err_headers_out = r->err_headers_out;
    rnew->htaccess = r->htaccess;
    rnew->no_cache = r->no_cache;
    rnew->expecting_100 = r->expecting_100;
    rnew->no_local_copy = r->no_local_copy;
    rnew->read_length = r->read_length;     /* the body is read once */
    rnew->vlist_validator = r->vlist_validator;
    rnew->proto_output_filters = r->proto_output_filters;
    rnew->proto_input_filters = r->proto_input_filters;
    rnew->input_filters = r->proto_input_filters;
}

static void new_output_tables(request_rec *rnew, request_rec *r)
{
    const char *v;

    rnew->headers_out = apr_table_make(r->pool, 12);
    if (ap_is_HTTP_REDIRECT(rnew->status)
        && (v = apr_table_get(r->headers_out, "Location"))) {
        apr_table_setn(rnew->headers_out, "Location", v);
    }
    /* e.g. mod_rewrite asks the Vary it computed to survive */
    if (apr_table_get(r->notes, "redirect-keeps-vary")
        && (v = apr_table_get(r->headers_out, "Vary"))) {
        apr_table_setn(rnew->headers_out, "Vary", v);
    }
    rnew->trailers_out = apr_table_make(r->pool, 5);
    rnew->subprocess_env = rename_original_env(r->pool, r->subprocess_env);
    rnew->notes = apr_table_make(r->pool, 5);
    apr_table_setn(rnew->subprocess_env, "REDIRECT_STATUS",
                   apr_itoa(r->pool, r->status));
}

static request_rec *internal_internal_redirect(const char *new_uri,
                                               request_rec *r)
{
    request_rec *rnew;
    int st;

    if (ap_is_recursion_limit_exceeded(r)) {
        ap_die(HTTP_INTERNAL_SERVER_ERROR, r);
        return NULL;
    }
    rnew = apr_pcalloc(r->pool, sizeof(*rnew));
    rnew->connection = r->connection;
    rnew->server = r->server;
    rnew->pool = r->pool;
    rnew->method = r->method;
    rnew->method_number = r->method_number;
    rnew->allowed_methods = ap_make_method_list(rnew->pool, 2);
    ap_parse_uri(rnew, new_uri);
    rnew->parsed_uri.port_str = r->parsed_uri.port_str;
    rnew->parsed_uri.port = r->parsed_uri.port;
    rnew->request_config = ap_create_request_config(r->pool);
    rnew->per_dir_config = r->server->lookup_defaults;
    rnew->prev = r;
    r->next = rnew;
    rnew->useragent_addr = r->useragent_addr;
    rnew->useragent_ip = r->useragent_ip;
    ap_run_create_request(rnew);        /* prev/next must be set */
    copy_protocol_state(rnew, r);
    new_output_tables(rnew, r);
    if (rnew->main) {
        drop_old_filters(rnew, r, new_uri);
    }
    else {
        rnew->output_filters = rnew->proto_output_filters;
    }
    ap__update_r_in_filters(rnew->input_filters, r, rnew);
    ap__update_r_in_filters(rnew->output_filters, r, rnew);
    rnew->used_path_info = AP_REQ_DEFAULT_PATH_INFO;
#if APR_HAS_THREADS
    rnew->invoke_mtx = r->invoke_mtx;
#endif
    /* mod_setenvif & co. must see redirects too */
    if ((st = ap_post_read_request(rnew)) != OK) {
        ap_die(st, rnew);
        return NULL;
    }
    return rnew;
}

AP_DECLARE(void) ap_internal_redirect(const char *new_uri, request_rec *r)
{
    request_rec *rnew = internal_internal_redirect(new_uri, r);
    int st;

    if (!rnew) {
        return;         /* ap_die was called */
    }
    st = ap_run_quick_handler(rnew, 0);
    if (st == DECLINED) {
        st = ap_process_request_internal(rnew);
        if (st == OK) {
            st = ap_invoke_handler(rnew);
        }
    }
    ap_die(st, rnew);
}

AP_DECLARE(void) ap_internal_redirect_handler(const char *new_uri,
                                              request_rec *r)
{
    request_rec *rnew = internal_internal_redirect(new_uri, r);
    int st;

    if (!rnew) {
        return;
    }
    /* the handler (e.g. an Action) keeps the original content type */
    if (r->handler) {
        ap_set_content_type_ex(rnew, r->content_type,
                               AP_REQUEST_IS_TRUSTED_CT(r));
    }
    st = ap_process_request_internal(rnew);
    if (st == OK) {
        st = ap_invoke_handler(rnew);
    }
    ap_die(st, rnew);
}

static void merge_fast_tables(request_rec *rr, request_rec *r)
{
    r->notes = apr_table_overlay(r->pool, rr->notes, r->notes);
    r->headers_out = apr_table_overlay(r->pool, rr->headers_out,
                                       r->headers_out);
    r->err_headers_out = apr_table_overlay(r->pool, rr->err_headers_out,
                                           r->err_headers_out);
    r->trailers_out = apr_table_overlay(r->pool, rr->trailers_out,
                                        r->trailers_out);
    r->subprocess_env = apr_table_overlay(r->pool, rr->subprocess_env,
                                          r->subprocess_env);
}

/* SUBREQ_CORE belongs in a sub-request's chain and nowhere else. */
static void fix_subreq_filter(request_rec *r)
{
    ap_filter_t *f = r->output_filters;

    while (f && f != r->proto_output_filters
           && f->frec != ap_subreq_core_filter_handle) {
        f = f->next;
    }
    if (r->main && (!f || f == r->proto_output_filters)) {
        ap_add_output_filter_handle(ap_subreq_core_filter_handle, NULL, r,
                                    r->connection);
    }
    else if (!r->main && f && f != r->proto_output_filters) {
        ap_remove_output_filter(f);
    }
}

AP_DECLARE(void) ap_internal_fast_redirect(request_rec *rr, request_rec *r)
{
    /* rr's data now lives as long as r's */
    apr_pool_join(r->pool, rr->pool);
    r->proxyreq = rr->proxyreq;
    r->no_cache = (r->no_cache && rr->no_cache);
    r->no_local_copy = (r->no_local_copy && rr->no_local_copy);
    r->mtime = rr->mtime;
    r->uri = rr->uri;
    r->filename = rr->filename;
    r->canonical_filename = rr->canonical_filename;
    r->path_info = rr->path_info;
    r->args = rr->args;
    r->finfo = rr->finfo;
    r->handler = rr->handler;
    ap_set_content_type_ex(r, rr->content_type, AP_REQUEST_IS_TRUSTED_CT(rr));
    r->content_encoding = rr->content_encoding;
    r->content_languages = rr->content_languages;
    r->per_dir_config = rr->per_dir_config;
    merge_fast_tables(rr, r);
    r->output_filters = rr->output_filters;
    r->input_filters = rr->input_filters;
    /* filters pointing at the defunct rr now serve r */
    ap__update_r_in_filters(r->input_filters, rr, r);
    ap__update_r_in_filters(r->output_filters, rr, r);
    fix_subreq_filter(r);
}
