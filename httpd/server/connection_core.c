/* connection_core.c: the core's own connection hooks: building the
 * conn_rec for an accepted socket, and preparing that socket (no Nagle,
 * the Timeout, the CORE_IN and CORE filters at the network end). */
#include "apr_network_io.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_connection.h"
#include "http_core.h"
#include "http_log.h"
#include "scoreboard.h"
#include "request_private.h"

APLOG_USE_MODULE(core);

conn_rec *ap__core_create_conn(apr_pool_t *ptrans, server_rec *s,
                               apr_socket_t *csd, long id, void *sbh,
                               apr_bucket_alloc_t *alloc)
{
    conn_rec *c = apr_pcalloc(ptrans, sizeof(*c));
    apr_status_t rv;

    c->sbh = sbh;
    ap_update_child_status(sbh, SERVER_BUSY_READ, NULL);
    c->pool = ptrans;
    c->base_server = s;
    c->id = id;
    c->bucket_alloc = alloc;
    c->log = &s->log;
    c->conn_config = ap_create_conn_config(ptrans);
    c->notes = apr_table_make(ptrans, 5);

    rv = apr_socket_addr_get(&c->local_addr, APR_LOCAL, csd);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_INFO, rv, s, APLOGNO(20105)
                     "apr_socket_addr_get(APR_LOCAL) on a new connection");
        apr_socket_close(csd);
        return NULL;
    }
    apr_sockaddr_ip_get(&c->local_ip, c->local_addr);
    rv = apr_socket_addr_get(&c->client_addr, APR_REMOTE, csd);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_INFO, rv, s, APLOGNO(20106)
                     "apr_socket_addr_get(APR_REMOTE) on a new connection");
        apr_socket_close(csd);
        return NULL;
    }
    apr_sockaddr_ip_get(&c->client_ip, c->client_addr);
    return c;
}

int ap__core_pre_connection(conn_rec *c, void *csd)
{
    core_net_rec *net;
    apr_status_t rv;

    /* Secondary connections (HTTP/2 streams) do not own the socket. */
    if (c->master) {
        return DONE;
    }
    /* Nagle would hold back the last small segment of each response
     * until the client ACKs: a pure loss for request/response traffic. */
    rv = apr_socket_opt_set(csd, APR_TCP_NODELAY, 1);
    if (rv != APR_SUCCESS && rv != APR_ENOTIMPL) {
        /* usually the client has gone already */
        ap_log_cerror(APLOG_MARK, APLOG_DEBUG, rv, c, APLOGNO(20107)
                      "apr_socket_opt_set(APR_TCP_NODELAY)");
    }
    /* The core filters rely on timeout mode (non-blocking underneath). */
    rv = apr_socket_timeout_set(csd, c->base_server->timeout);
    if (rv != APR_SUCCESS) {
        ap_log_cerror(APLOG_MARK, APLOG_DEBUG, rv, c, APLOGNO(20108)
                      "apr_socket_timeout_set");
    }
    net = apr_pcalloc(c->pool, sizeof(*net));
    net->c = c;
    net->client_socket = csd;
    ap_set_core_module_config(c->conn_config, csd);
    ap_add_input_filter_handle(ap_core_input_filter_handle, net, NULL, c);
    ap_add_output_filter_handle(ap_core_output_filter_handle, net, NULL, c);
    return DONE;
}
