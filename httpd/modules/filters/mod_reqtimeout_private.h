/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * mod_reqtimeout_private.h: shared by mod_reqtimeout.c (configuration,
 * hooks) and mod_reqtimeout_filter.c (the connection input filter).
 */
#ifndef MOD_REQTIMEOUT_PRIVATE_H
#define MOD_REQTIMEOUT_PRIVATE_H

#include "apr_network_io.h"
#include "apr_buckets.h"

#include "httpd.h"
#include "http_config.h"
#include "util_filter.h"

/** the module record (mod_reqtimeout.c) */
extern module AP_MODULE_DECLARE_DATA reqtimeout_module;

/** "not configured here" in a stage's timeout */
#define AP__RT_UNSET (-1)

/** One stage (handshake, header or body) as configured. */
typedef struct {
    int timeout;            /**< seconds; 0 disables; AP__RT_UNSET */
    int max_timeout;        /**< seconds; 0 for no cap */
    int min_rate;           /**< bytes/second; 0 for no extension */
    apr_time_t rate_factor; /**< microseconds granted per byte received */
} ap__rt_stage_t;

/** Per-server configuration. */
typedef struct {
    ap__rt_stage_t handshake;
    ap__rt_stage_t header;
    ap__rt_stage_t body;
} ap__rt_server_t;

/** Per-connection state of the filter. */
typedef struct {
    ap__rt_stage_t cur;         /**< stage being timed (timeout 0: none) */
    const char *type;           /**< its name for the log */
    apr_time_t timeout_at;      /**< deadline; 0 until the first read */
    apr_time_t max_timeout_at;  /**< cap of MinRate extensions; 0: none */
    apr_interval_time_t first_byte_wait; /**< >0: keep-alive wait first */
    apr_socket_t *socket;       /**< whose timeout the filter adjusts */
    apr_bucket_brigade *tmpbb;  /**< scratch for line reads */
} ap__rt_conn_t;

/** The "reqtimeout" connection input filter. */
apr_status_t ap__rt_filter(ap_filter_t *f, apr_bucket_brigade *bb,
                           ap_input_mode_t mode, apr_read_type_e block,
                           apr_off_t readbytes);

/** Start timing @a stage (named @a type) at the next read. */
void ap__rt_set_stage(ap__rt_conn_t *ctx, const ap__rt_stage_t *stage,
                      const char *type);

#endif /* MOD_REQTIMEOUT_PRIVATE_H */
