/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file http_vhost.h
 * @brief Virtual hosts: mapping a connection's local address and a
 * request's Host to a server_rec.
 */
#ifndef APACHE_HTTP_VHOST_H
#define APACHE_HTTP_VHOST_H

#include "httpd.h"
#include "http_config.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Set up the vhost tables before the configuration is read. */
AP_DECLARE(void) ap_init_vhost_config(apr_pool_t *p);

/** Build the lookup tables once every <VirtualHost> is read. */
AP_DECLARE(void) ap_fini_vhost_config(apr_pool_t *p, server_rec *main_server);

/** Parse the addresses of a <VirtualHost> into s->addrs; NULL or an error. */
const char *ap_parse_vhost_addrs(apr_pool_t *p, const char *hostname,
                                 server_rec *s);

/** Handler of the obsolete NameVirtualHost directive. */
AP_DECLARE_NONSTD(const char *) ap_set_name_virtual_host(cmd_parms *cmd,
                                                         void *dummy,
                                                         const char *arg);

/** Called for each candidate vhost; non-zero stops the iteration. */
typedef int(*ap_vhost_iterate_conn_cb)(void *baton, conn_rec *conn,
                                       server_rec *s);

/** Call @a func_cb for each virtual host the connection may reach.
 * @return the last non-zero result, or 0 */
AP_DECLARE(int) ap_vhost_iterate_given_conn(conn_rec *conn,
                                            ap_vhost_iterate_conn_cb func_cb,
                                            void *baton);

/** Choose the connection's base server from its local address. */
AP_DECLARE(void) ap_update_vhost_given_ip(conn_rec *conn);

/** Choose the request's server from its Host. */
AP_DECLARE(void) ap_update_vhost_from_headers(request_rec *r);

/** As ap_update_vhost_from_headers(); with @a require_match, returns
 * HTTP_MISDIRECTED_REQUEST if no name-based vhost matches, else OK. */
AP_DECLARE(int) ap_update_vhost_from_headers_ex(request_rec *r,
                                                int require_match);

/** Does the request's server answer to @a host and @a port? */
AP_DECLARE(int) ap_matches_request_vhost(request_rec *r, const char *host,
                                         apr_port_t port);

#ifdef __cplusplus
}
#endif

#endif /* APACHE_HTTP_VHOST_H */
