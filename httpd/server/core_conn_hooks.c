/* core_conn_hooks.c: the hooks http_core.h declares (insert_network_bucket,
 * get_pollfd_from_conn, get_mgmt_items), the core's last-resort
 * implementations of the first two, and the connection's socket. */
#include "apr_buckets.h"
#include "apr_hash.h"
#include "apr_poll.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"

#include "core_private.h"

APR_HOOK_STRUCT(
    APR_HOOK_LINK(get_mgmt_items)
    APR_HOOK_LINK(insert_network_bucket)
    APR_HOOK_LINK(get_pollfd_from_conn)
)

AP_IMPLEMENT_HOOK_RUN_ALL(int, get_mgmt_items,
                          (apr_pool_t *p, const char *val, apr_hash_t *ht),
                          (p, val, ht), OK, DECLINED)

AP_IMPLEMENT_HOOK_RUN_FIRST(apr_status_t, insert_network_bucket,
                            (conn_rec *c, apr_bucket_brigade *bb,
                             apr_socket_t *socket),
                            (c, bb, socket), AP_DECLINED)

AP_IMPLEMENT_HOOK_RUN_FIRST(apr_status_t, get_pollfd_from_conn,
                            (conn_rec *c, struct apr_pollfd_t *pfd,
                             apr_interval_time_t *ptimeout),
                            (c, pfd, ptimeout), APR_ENOTIMPL)

/* The core's connection config slot holds the client socket (set by the
 * core's create_connection). */
AP_DECLARE(apr_socket_t *) ap_get_conn_socket(conn_rec *c)
{
    return ap_get_core_module_config(c->conn_config);
}

AP_CORE_DECLARE(apr_status_t) ap_get_pollfd_from_conn(conn_rec *c,
                                      struct apr_pollfd_t *pfd,
                                      apr_interval_time_t *ptimeout)
{
    return ap_run_get_pollfd_from_conn(c, pfd, ptimeout);
}

/* AddOutputFilterByType lives in mod_filter since 2.4: nothing is
 * configured in the core, so there is nothing to add here. */
void ap_add_output_filters_by_type(request_rec *r)
{
}

static apr_status_t core_insert_network_bucket(conn_rec *c,
                                               apr_bucket_brigade *bb,
                                               apr_socket_t *socket)
{
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_socket_create(socket,
                                                         c->bucket_alloc));
    return APR_SUCCESS;
}

/* A plain connection polls on its socket; secondary connections (h2
 * streams) must be answered by the module that made them. */
static apr_status_t core_get_pollfd_from_conn(conn_rec *c,
                                              struct apr_pollfd_t *pfd,
                                              apr_interval_time_t *ptimeout)
{
    if (!c || c->master) {
        return APR_ENOTIMPL;
    }
    pfd->desc_type = APR_POLL_SOCKET;
    pfd->desc.s = ap_get_conn_socket(c);
    if (ptimeout) {
        apr_socket_timeout_get(pfd->desc.s, ptimeout);
    }
    return APR_SUCCESS;
}

void ap__core_conn_hooks_register(apr_pool_t *p)
{
    ap_hook_insert_network_bucket(core_insert_network_bucket, NULL, NULL,
                                  APR_HOOK_REALLY_LAST);
    ap_hook_get_pollfd_from_conn(core_get_pollfd_from_conn, NULL, NULL,
                                 APR_HOOK_REALLY_LAST);
}
