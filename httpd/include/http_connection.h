/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  http_connection.h
 * @brief Connection processing, lingering close and the connection hooks.
 */

#ifndef APACHE_HTTP_CONNECTION_H
#define APACHE_HTTP_CONNECTION_H

#include "apr_network_io.h"
#include "apr_buckets.h"
#include "httpd.h"
#include "ap_hooks.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Serve connection @a c (socket @a csd) until it closes. */
AP_CORE_DECLARE(void) ap_process_connection(conn_rec *c, void *csd);

/** Send an EOC down the output filters (with @a flush, flush first). */
AP_CORE_DECLARE(apr_status_t) ap_shutdown_conn(conn_rec *c, int flush);

/** Flush pending output of @a c. */
AP_CORE_DECLARE(void) ap_flush_conn(conn_rec *c);

/** Close @a c gracefully: shut down writes, read and drop what the client
 *  still sends for a short while, then close. */
AP_DECLARE(void) ap_lingering_close(conn_rec *c);

/** Prepare a lingering close (pre_close hooks, flush); non-zero: close
 *  immediately. */
AP_DECLARE(int) ap_prep_lingering_close(conn_rec *c);

/** Start a lingering close (shutdown write); non-zero: close now. */
AP_DECLARE(int) ap_start_lingering_close(conn_rec *c);

/** Hook: create the conn_rec for a new socket. */
AP_DECLARE_HOOK(conn_rec *, create_connection,
                (apr_pool_t *p, server_rec *server, apr_socket_t *csd,
                 long conn_id, void *sbh, apr_bucket_alloc_t *alloc))

/** Hook: set up a new connection (add filters) before it is served. */
AP_DECLARE_HOOK(int, pre_connection, (conn_rec *c, void *csd))

/** Hook: serve the connection (the protocol module). */
AP_DECLARE_HOOK(int, process_connection, (conn_rec *c))

/** Hook: the connection is about to be closed. */
AP_DECLARE_HOOK(int, pre_close_connection, (conn_rec *c))

/** Run pre_connection and mark @a c aborted on failure. */
AP_DECLARE(int) ap_pre_connection(conn_rec *c, void *csd);

/** the End-Of-Connection bucket type */
AP_DECLARE_DATA extern const apr_bucket_type_t ap_bucket_type_eoc;

/** Is @a e an EOC bucket? */
#define AP_BUCKET_IS_EOC(e) ((e)->type == &ap_bucket_type_eoc)

/** Turn @a b into an EOC bucket. */
AP_DECLARE(apr_bucket *) ap_bucket_eoc_make(apr_bucket *b);

/** Create an EOC bucket. */
AP_DECLARE(apr_bucket *) ap_bucket_eoc_create(apr_bucket_alloc_t *list);

#ifdef __cplusplus
}
#endif

#endif /* APACHE_HTTP_CONNECTION_H */
