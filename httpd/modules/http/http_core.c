/* http_core.c: http_module. Its directives (KeepAlive, KeepAliveTimeout,
 * MaxKeepAliveRequests set server_rec fields), the HTTP filters'
 * registration, the per-request HTTP output filters, the http scheme and
 * default port, and the choice between the synchronous and asynchronous
 * connection loops depending on the MPM. */
#include <stdlib.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_connection.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "ap_mpm.h"
#include "mod_core.h"
#include "util_filter.h"
#include "request_private.h"

AP_DECLARE_DATA ap_filter_rec_t *ap_http_input_filter_handle;
AP_DECLARE_DATA ap_filter_rec_t *ap_http_header_filter_handle;
AP_DECLARE_DATA ap_filter_rec_t *ap_chunk_filter_handle;
AP_DECLARE_DATA ap_filter_rec_t *ap_http_outerror_filter_handle;
AP_DECLARE_DATA ap_filter_rec_t *ap_byterange_filter_handle;

/* Set at post_config from the MPM's answer to AP_MPMQ_IS_ASYNC. */
static int async_mpm;

static const char *set_keep_alive_timeout(cmd_parms *cmd, void *dummy,
                                          const char *arg)
{
    apr_interval_time_t timeout;
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_LOC_FILE);

    if (err) {
        return err;
    }
    /* seconds by default; "ms" and other units accepted as 2.4 does */
    if (ap_timeout_parameter_parse(arg, &timeout, "s") != APR_SUCCESS
        || timeout < 0) {
        return "KeepAliveTimeout has wrong format";
    }
    cmd->server->keep_alive_timeout = timeout;
    /* A vhost that sets its own value uses it; others keep the legacy
     * behaviour of using the first vhost's on the same address. */
    if (cmd->server->is_virtual) {
        cmd->server->keep_alive_timeout_set = 1;
    }
    return NULL;
}

static const char *set_keep_alive(cmd_parms *cmd, void *dummy, int arg)
{
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_LOC_FILE);

    if (err) {
        return err;
    }
    cmd->server->keep_alive = arg;
    return NULL;
}

static const char *set_keep_alive_max(cmd_parms *cmd, void *dummy,
                                      const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_LOC_FILE);

    if (err) {
        return err;
    }
    /* atoi as Apache: configurations it accepts must work here too */
    cmd->server->keep_alive_max = atoi(arg);
    return NULL;
}

static const command_rec http_cmds[] = {
    AP_INIT_TAKE1("KeepAliveTimeout", set_keep_alive_timeout, NULL,
                  RSRC_CONF, "Keep-Alive timeout duration (sec)"),
    AP_INIT_TAKE1("MaxKeepAliveRequests", set_keep_alive_max, NULL,
                  RSRC_CONF, "Maximum number of Keep-Alive requests per "
                  "connection, or 0 for infinite"),
    AP_INIT_FLAG("KeepAlive", set_keep_alive, NULL, RSRC_CONF,
                 "Whether persistent connections should be On or Off"),
    { NULL }
};

static const char *http_scheme(const request_rec *r)
{
    if (r->server->server_scheme
        && strcmp(r->server->server_scheme, "https") == 0) {
        return "https";
    }
    return "http";
}

static apr_port_t http_port(const request_rec *r)
{
    if (r->server->server_scheme
        && strcmp(r->server->server_scheme, "https") == 0) {
        return DEFAULT_HTTPS_PORT;
    }
    return DEFAULT_HTTP_PORT;
}

/* The HTTP output filters, once per initial request (sub-requests and
 * redirects share the main request's). */
static int http_create_request(request_rec *r)
{
    conn_rec *c = r->connection;

    if (r->main || r->prev) {
        return OK;
    }
    ap_add_output_filter_handle(ap_byterange_filter_handle, NULL, r, c);
    ap_add_output_filter_handle(ap_content_length_filter_handle, NULL, r, c);
    ap_add_output_filter_handle(ap_http_header_filter_handle, NULL, r, c);
    ap_add_output_filter_handle(ap_http_outerror_filter_handle, NULL, r, c);
    return OK;
}

/* OPTIONS * is about the server, not a resource: answered at once. */
static int http_send_options(request_rec *r)
{
    if (r->method_number == M_OPTIONS && r->uri && r->uri[0] == '*'
        && r->uri[1] == '\0') {
        return DONE;
    }
    return DECLINED;
}

static int http_process_connection(conn_rec *c)
{
    if (async_mpm && c->cs && !c->clogging_input_filters) {
        return ap__http_async_connection(c);
    }
    return ap__http_sync_connection(c);
}

static int http_post_config(apr_pool_t *p, apr_pool_t *plog,
                            apr_pool_t *ptemp, server_rec *s)
{
    if (ap_mpm_query(AP_MPMQ_IS_ASYNC, &async_mpm) != APR_SUCCESS) {
        async_mpm = 0;
    }
    return OK;
}

static void register_filters(void)
{
    ap_http_input_filter_handle =
        ap_register_input_filter("HTTP_IN", ap_http_filter, NULL,
                                 AP_FTYPE_PROTOCOL);
    ap_http_header_filter_handle =
        ap_register_output_filter("HTTP_HEADER", ap_http_header_filter,
                                  NULL, AP_FTYPE_PROTOCOL);
    ap_chunk_filter_handle =
        ap_register_output_filter("CHUNK", ap_http_chunk_filter, NULL,
                                  AP_FTYPE_TRANSCODE);
    ap_http_outerror_filter_handle =
        ap_register_output_filter("HTTP_OUTERROR", ap_http_outerror_filter,
                                  NULL, AP_FTYPE_PROTOCOL);
    ap_byterange_filter_handle =
        ap_register_output_filter("BYTERANGE", ap_byterange_filter, NULL,
                                  AP_FTYPE_PROTOCOL);
}

static void register_hooks(apr_pool_t *p)
{
    ap_hook_post_config(http_post_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_process_connection(http_process_connection, NULL, NULL,
                               APR_HOOK_REALLY_LAST);
    ap_hook_map_to_storage(ap_send_http_trace, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_map_to_storage(http_send_options, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_http_scheme(http_scheme, NULL, NULL, APR_HOOK_REALLY_LAST);
    ap_hook_default_port(http_port, NULL, NULL, APR_HOOK_REALLY_LAST);
    ap_hook_create_request(http_create_request, NULL, NULL,
                           APR_HOOK_REALLY_LAST);
    register_filters();
    ap_method_registry_init(p);
}

AP_DECLARE_MODULE(http) = {
    STANDARD20_MODULE_STUFF,
    NULL,           /* per-directory config */
    NULL,           /* merge per-directory */
    NULL,           /* per-server config */
    NULL,           /* merge per-server */
    http_cmds,
    register_hooks
};
