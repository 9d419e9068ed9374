/* request_subreq.c: sub-requests. A sub-request has its own pool (a
 * child of its parent's), starts from its vhost's default configuration
 * and goes through ap_process_request_internal; the walk caches make a
 * lookup in the parent's directory nearly free. Its output, when run,
 * goes to the parent's filters through SUBREQ_CORE, which drops the EOS.
 */
#include <string.h>

#include "apr_strings.h"
#include "apr_file_info.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "util_filter.h"
#include "util_script.h"
#include "request_private.h"

APLOG_USE_MODULE(core);

/* Is SUBREQ_CORE already in the resource part of @a f's chain? */
static int has_subreq_filter(ap_filter_t *f, ap_filter_t *stop)
{
    for (; f && f != stop; f = f->next) {
        if (f->frec == ap_subreq_core_filter_handle) {
            return 1;
        }
    }
    return 0;
}

static void setup_filters(request_rec *rnew, const request_rec *r,
                          ap_filter_t *next_filter)
{
    rnew->proto_input_filters = r->proto_input_filters;
    rnew->proto_output_filters = r->proto_output_filters;
    if (!next_filter) {
        /* Only looked up (or to be fast-redirected to): start at the
         * protocol filters, ignoring the parent's resource filters. */
        rnew->input_filters = r->proto_input_filters;
        rnew->output_filters = r->proto_output_filters;
        return;
    }
    rnew->input_filters = r->input_filters;
    rnew->output_filters = next_filter;
    if (!has_subreq_filter(next_filter, r->proto_output_filters)) {
        ap_add_output_filter_handle(ap_subreq_core_filter_handle, NULL, rnew,
                                    rnew->connection);
    }
}

static request_rec *make_sub_request(const request_rec *r,
                                     ap_filter_t *next_filter)
{
    apr_pool_t *rrp;
    request_rec *rnew;

    apr_pool_create(&rrp, r->pool);
    apr_pool_tag(rrp, "subrequest");
    rnew = apr_pcalloc(rrp, sizeof(*rnew));
    rnew->pool = rrp;
    rnew->hostname = r->hostname;
    rnew->request_time = r->request_time;
    rnew->connection = r->connection;
    rnew->server = r->server;
    rnew->log = r->log;
    rnew->request_config = ap_create_request_config(rrp);
    rnew->per_dir_config = r->server->lookup_defaults;
    rnew->htaccess = r->htaccess;
    rnew->allowed_methods = ap_make_method_list(rrp, 2);
    ap_copy_method_list(rnew->allowed_methods, r->allowed_methods);
    setup_filters(rnew, r, next_filter);
    rnew->useragent_addr = r->useragent_addr;
    rnew->useragent_ip = r->useragent_ip;
    ap_set_sub_req_protocol(rnew, r);   /* sets rnew->main */
    ap_run_create_request(rnew);
    rnew->used_path_info = AP_REQ_DEFAULT_PATH_INFO;
    rnew->kept_body = r->kept_body;
    return rnew;
}

AP_CORE_DECLARE_NONSTD(apr_status_t) ap_sub_req_output_filter(ap_filter_t *f,
                                                        apr_bucket_brigade *bb)
{
    if (!APR_BRIGADE_EMPTY(bb) && APR_BUCKET_IS_EOS(APR_BRIGADE_LAST(bb))) {
        /* the parent's response goes on */
        apr_bucket_delete(APR_BRIGADE_LAST(bb));
    }
    if (APR_BRIGADE_EMPTY(bb)) {
        return APR_SUCCESS;
    }
    return ap_pass_brigade(f->next, bb);
}

/* Common end of every lookup: recursion guard, then the phases. */
static request_rec *process_lookup(request_rec *rnew, const request_rec *r,
                                   int quick)
{
    int res = DECLINED;

    if (ap_is_HTTP_ERROR(rnew->status)) {
        return rnew;
    }
    if (ap_is_recursion_limit_exceeded(r)) {
        rnew->status = HTTP_INTERNAL_SERVER_ERROR;
        return rnew;
    }
    if (quick) {
        res = ap_run_quick_handler(rnew, 1);
    }
    if (!quick || res != OK) {
        if ((res = ap_process_request_internal(rnew)) != OK) {
            rnew->status = res;
        }
    }
    return rnew;
}

AP_DECLARE(request_rec *) ap_sub_req_method_uri(const char *method,
                                                const char *new_uri,
                                                const request_rec *r,
                                                ap_filter_t *next_filter)
{
    request_rec *rnew = make_sub_request(r, next_filter);

    rnew->method = method;
    rnew->method_number = ap_method_number_of(method);
    if (new_uri[0] == '/') {
        ap_parse_uri(rnew, new_uri);
    }
    else {
        char *udir = ap_make_dirstr_parent(rnew->pool, r->uri);

        udir = ap_escape_uri(rnew->pool, udir);
        ap_parse_uri(rnew, ap_make_full_path(rnew->pool, udir, new_uri));
    }
    /* A quick handler cannot serve a lookup that will be fast-redirected
     * to: that happens too late for it. */
    return process_lookup(rnew, r, next_filter != NULL);
}

AP_DECLARE(request_rec *) ap_sub_req_lookup_uri(const char *new_uri,
                                                const request_rec *r,
                                                ap_filter_t *next_filter)
{
    return ap_sub_req_method_uri("GET", new_uri, r, next_filter);
}

/* stat @a rnew->filename, following links only if Options allow. */
static void stat_new_file(request_rec *rnew)
{
    apr_int32_t wanted = APR_FINFO_MIN;
    apr_status_t rv;

    if (!(ap_allow_options(rnew) & OPT_SYM_LINKS)) {
        wanted |= APR_FINFO_LINK;
    }
    rv = apr_stat(&rnew->finfo, rnew->filename, wanted, rnew->pool);
    if (rv != APR_SUCCESS && rv != APR_INCOMPLETE) {
        rnew->finfo.filetype = APR_NOFILE;
    }
}

AP_DECLARE(request_rec *) ap_sub_req_lookup_file(const char *new_file,
                                                 const request_rec *r,
                                                 ap_filter_t *next_filter)
{
    request_rec *rnew = make_sub_request(r, next_filter);
    char *fdir = ap_make_dirstr_parent(rnew->pool, r->filename);
    apr_size_t fdirlen = strlen(fdir);
    int canonical = (r->canonical_filename == r->filename);

    if (apr_filepath_merge(&rnew->filename, fdir, new_file,
                           APR_FILEPATH_TRUENAME, rnew->pool)
        != APR_SUCCESS) {
        rnew->status = HTTP_FORBIDDEN;
        return rnew;
    }
    if (canonical) {
        rnew->canonical_filename = rnew->filename;
    }
    /* A plain name in the parent's directory: the URI can follow. */
    if (strncmp(rnew->filename, fdir, fdirlen) == 0
        && rnew->filename[fdirlen]
        && strchr(rnew->filename + fdirlen, '/') == NULL) {
        stat_new_file(rnew);
        if (r->uri && *r->uri) {
            char *udir = ap_make_dirstr_parent(rnew->pool, r->uri);

            rnew->uri = ap_make_full_path(rnew->pool, udir,
                                          rnew->filename + fdirlen);
            ap_parse_uri(rnew, rnew->uri);
            return process_lookup(rnew, r, 0);
        }
    }
    /* Elsewhere: no URI can be derived. */
    ap_parse_uri(rnew, new_file);
    rnew->uri = apr_pstrdup(rnew->pool, "");
    return process_lookup(rnew, r, 0);
}

/* URI of directory entry @a name seen from the parent's URI, keeping
 * (with AP_SUBREQ_MERGE_ARGS) the parent's path_info. */
static void dirent_uri(request_rec *rnew, const request_rec *r,
                       const char *name, int subtype)
{
    char *udir;

    if (r->path_info && *r->path_info) {
        udir = apr_pstrdup(rnew->pool, r->uri);
        udir[ap_find_path_info(udir, r->path_info)] = '\0';
        udir = ap_make_dirstr_parent(rnew->pool, udir);
        rnew->uri = ap_make_full_path(rnew->pool, udir, name);
        if (subtype == AP_SUBREQ_MERGE_ARGS) {
            rnew->uri = ap_make_full_path(rnew->pool, rnew->uri,
                                          r->path_info + 1);
            rnew->path_info = apr_pstrdup(rnew->pool, r->path_info);
        }
    }
    else {
        udir = ap_make_dirstr_parent(rnew->pool, r->uri);
        rnew->uri = ap_make_full_path(rnew->pool, udir, name);
    }
    rnew->uri = ap_escape_uri(rnew->pool, rnew->uri);
}

AP_DECLARE(request_rec *) ap_sub_req_lookup_dirent(const apr_finfo_t *dirent,
                                                   const request_rec *r,
                                                   int subtype,
                                                   ap_filter_t *next_filter)
{
    request_rec *rnew = make_sub_request(r, next_filter);
    char *fdir;
    int res;

    dirent_uri(rnew, r, dirent->name, subtype);
    fdir = ap_make_dirstr_parent(rnew->pool, r->filename);
    rnew->filename = ap_make_full_path(rnew->pool, fdir, dirent->name);
    if (r->canonical_filename == r->filename) {
        rnew->canonical_filename = rnew->filename;
    }
    if ((dirent->valid & APR_FINFO_MIN) != APR_FINFO_MIN) {
        stat_new_file(rnew);    /* apr_dir_read told us too little */
    }
    else {
        rnew->finfo = *dirent;
    }
    if (rnew->finfo.filetype == APR_LNK
        && (res = ap__resolve_symlink(rnew->filename, &rnew->finfo,
                                      ap_allow_options(rnew), rnew->pool))
           != OK) {
        rnew->status = res;
        return rnew;
    }
    if (rnew->finfo.filetype == APR_DIR) {
        rnew->filename = apr_pstrcat(rnew->pool, rnew->filename, "/", NULL);
        if (!rnew->path_info || !*rnew->path_info) {
            rnew->uri = apr_pstrcat(rnew->pool, rnew->uri, "/", NULL);
        }
    }
    if (r->args && *r->args && subtype == AP_SUBREQ_MERGE_ARGS) {
        ap_parse_uri(rnew, apr_pstrcat(r->pool, rnew->uri, "?", r->args,
                                       NULL));
    }
    else {
        ap_parse_uri(rnew, rnew->uri);
    }
    return process_lookup(rnew, r, 0);
}

AP_DECLARE(int) ap_run_sub_req(request_rec *r)
{
    int retval = DECLINED;

    /* file and dirent lookups bypass the quick handler */
    if (!(r->filename && r->finfo.filetype != APR_NOFILE)) {
        retval = ap_run_quick_handler(r, 0);
    }
    if (retval != OK) {
        retval = ap_invoke_handler(r);
        if (retval == DONE) {
            retval = OK;
        }
    }
    ap_finalize_sub_req_protocol(r);
    return retval;
}

AP_DECLARE(void) ap_destroy_sub_req(request_rec *r)
{
    apr_pool_destroy(r->pool);
}
