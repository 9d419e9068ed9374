/* core_handler.c: the default handler, serving r->filename as a static
 * file when no module claimed the request.
 *
 * As Apache httpd 2.4: GET, HEAD and POST deliver the file, OPTIONS
 * answers with Allow, other known methods get 405 and unknown ones 501;
 * a missing file, a directory or unwanted path_info (AcceptPathInfo) is
 * 404, an unreadable file 403. The file goes down the chain as one file
 * bucket so that the core can sendfile() it (EnableSendfile) or mmap it
 * (EnableMMAP); validators (Last-Modified, ETag per FileETag) are set
 * before ap_meets_conditions decides between 200, 304 and 412.
 */
#include "apr_strings.h"
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "mod_core.h"
#include "util_filter.h"
#include "protocol_private.h"

APLOG_USE_MODULE(core);

/* GET (and HEAD), POST and OPTIONS, for Allow in 405/501/OPTIONS. */
static void allow_methods(request_rec *r)
{
    r->allowed |= (AP_METHOD_BIT << M_GET) | (AP_METHOD_BIT << M_OPTIONS)
                  | (AP_METHOD_BIT << M_POST);
    r->allowed_methods->method_mask |= r->allowed;
}

/* 0 when the method may fetch the file, else the status to answer
 * (OPTIONS is answered by the caller). */
static int check_method(request_rec *r)
{
    if (r->method_number == M_INVALID) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10560)
                      "Invalid method in request %s", r->the_request);
        return HTTP_NOT_IMPLEMENTED;
    }
    if (r->method_number != M_GET && r->method_number != M_POST) {
        return HTTP_METHOD_NOT_ALLOWED;
    }
    return 0;
}

/* 0 when r->filename names a file we may serve, else 404. */
static int check_target(request_rec *r)
{
    if (r->finfo.filetype == APR_NOFILE) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10561)
                      "File does not exist: %s",
                      apr_pstrcat(r->pool, r->filename ? r->filename : "",
                                  r->path_info, NULL));
        return HTTP_NOT_FOUND;
    }
    if (r->finfo.filetype == APR_DIR) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10562)
                      "Attempt to serve directory: %s", r->filename);
        return HTTP_NOT_FOUND;
    }
    if (r->used_path_info != AP_REQ_ACCEPT_PATH_INFO && r->path_info
        && *r->path_info) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10563)
                      "File does not exist: %s",
                      apr_pstrcat(r->pool, r->filename, r->path_info, NULL));
        return HTTP_NOT_FOUND;
    }
    return 0;
}

static void set_validators(request_rec *r, apr_file_t *fd)
{
    ap_update_mtime(r, r->finfo.mtime);
    ap_set_last_modified(r);
    ap_set_etag_fd(r, fd);
    ap_set_accept_ranges(r);
    ap_set_content_length(r, r->finfo.size);
}

int ap__default_handler(request_rec *r)
{
    core_dir_config *d = ap_get_core_module_config(r->per_dir_config);
    conn_rec *c = r->connection;
    apr_bucket_brigade *bb;
    apr_file_t *fd = NULL;
    apr_status_t rv;
    int status;

    status = ap_discard_request_body(r);
    if (status != OK) {
        return status;
    }
    allow_methods(r);
    if (r->method_number == M_OPTIONS) {
        return ap_send_http_options(r);
    }
    if ((status = check_method(r)) != 0 || (status = check_target(r)) != 0) {
        return status;
    }
    rv = apr_file_open(&fd, r->filename, APR_FOPEN_READ | APR_FOPEN_BINARY
                       | (d->enable_sendfile == ENABLE_SENDFILE_ON
                          ? APR_FOPEN_SENDFILE_ENABLED : 0), 0, r->pool);
    if (rv != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, rv, r, APLOGNO(10564)
                      "file permissions deny server access: %s",
                      r->filename);
        return HTTP_FORBIDDEN;
    }
    set_validators(r, fd);
    bb = apr_brigade_create(r->pool, c->bucket_alloc);
    status = ap_meets_conditions(r);
    if (status != OK) {
        apr_file_close(fd);
        r->status = status; /* 304/412: headers only, no ap_die page */
    }
    else if (r->finfo.size > 0) {
        apr_bucket *e = apr_brigade_insert_file(bb, fd, 0, r->finfo.size,
                                                r->pool);
#if APR_HAS_MMAP
        if (d->enable_mmap == ENABLE_MMAP_OFF) {
            (void)apr_bucket_file_enable_mmap(e, 0);
        }
#else
        (void)e;
#endif
    }
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_eos_create(c->bucket_alloc));
    rv = ap_pass_brigade(r->output_filters, bb);
    apr_brigade_cleanup(bb);
    if (rv == APR_SUCCESS || r->status != HTTP_OK || c->aborted) {
        return OK;
    }
    ap_log_rerror(APLOG_MARK, APLOG_DEBUG, rv, r, APLOGNO(10565)
                  "default_handler: ap_pass_brigade returned %i", rv);
    return AP_FILTER_ERROR;
}
