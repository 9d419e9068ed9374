/* request_core.c: the hooks and filters the core registers for the
 * REQUEST area: conn_rec creation and socket setup, the default
 * map_to_storage (directory then file walk), the default dirwalk_stat,
 * and the network, sub-request and protocol-length filters. */
#include "apr_file_info.h"

#include "httpd.h"
#include "http_config.h"
#include "http_connection.h"
#include "http_core.h"
#include "http_protocol.h"
#include "http_request.h"
#include "util_filter.h"
#include "request_private.h"

AP_DECLARE_DATA ap_filter_rec_t *ap_core_input_filter_handle;
AP_DECLARE_DATA ap_filter_rec_t *ap_core_output_filter_handle;
AP_DECLARE_DATA ap_filter_rec_t *ap_subreq_core_filter_handle;
AP_DECLARE_DATA ap_filter_rec_t *ap_content_length_filter_handle;

/* Resources are files: walk the <Directory> tree (and .htaccess), then
 * the <Files> sections that apply there. */
static int core_map_to_storage(request_rec *r)
{
    int status = ap_directory_walk(r);

    if (status != OK) {
        return status;
    }
    return ap_file_walk(r);
}

static apr_status_t core_dirwalk_stat(apr_finfo_t *finfo, request_rec *r,
                                      apr_int32_t wanted)
{
    return apr_stat(finfo, r->filename, wanted, r->pool);
}

static void register_filters(void)
{
    ap_core_input_filter_handle =
        ap_register_input_filter("CORE_IN", ap_core_input_filter, NULL,
                                 AP_FTYPE_NETWORK);
    ap_core_output_filter_handle =
        ap_register_output_filter("CORE", ap_core_output_filter, NULL,
                                  AP_FTYPE_NETWORK);
    ap_subreq_core_filter_handle =
        ap_register_output_filter("SUBREQ_CORE", ap_sub_req_output_filter,
                                  NULL, AP_FTYPE_CONTENT_SET);
    ap_content_length_filter_handle =
        ap_register_output_filter("CONTENT_LENGTH", ap_content_length_filter,
                                  NULL, AP_FTYPE_PROTOCOL);
    ap_old_write_func =
        ap_register_output_filter("OLD_WRITE", ap_old_write_filter, NULL,
                                  AP_FTYPE_RESOURCE - 10);
}

void ap__core_request_register_hooks(apr_pool_t *p)
{
    ap_hook_create_connection(ap__core_create_conn, NULL, NULL,
                              APR_HOOK_REALLY_LAST);
    ap_hook_pre_connection(ap__core_pre_connection, NULL, NULL,
                           APR_HOOK_REALLY_LAST);
    ap_hook_map_to_storage(core_map_to_storage, NULL, NULL,
                           APR_HOOK_REALLY_LAST);
    ap_hook_dirwalk_stat(core_dirwalk_stat, NULL, NULL, APR_HOOK_REALLY_LAST);
    register_filters();
}
