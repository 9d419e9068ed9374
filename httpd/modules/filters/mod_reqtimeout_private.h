/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * mod_reqtimeout_private.h: shared by mod_reqtimeout.c (configuration,
 * hooks) and mod_reqtimeout_filter.c (the connection input filter).
 */
#ifndef MOD_REQTIMEOUT_PRIVATE_H
#define MOD_REQTIMEOUT_PRIVATE_H

#include "apr_network_io.h"
#include "apr_buckets.h"
#include "apr_optional.h"

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
    int mpm_head;               /**< the MPM is reading this head itself */
    apr_time_t head_base;       /**< its deadline before MinRate credit */
    apr_off_t prepaid;          /**< bytes already credited by the MPM */
} ap__rt_conn_t;

/** The "reqtimeout" connection input filter. */
apr_status_t ap__rt_filter(ap_filter_t *f, apr_bucket_brigade *bb,
                           ap_input_mode_t mode, apr_read_type_e block,
                           apr_off_t readbytes);

/** Start timing @a stage (named @a type) at the next read. */
void ap__rt_set_stage(ap__rt_conn_t *ctx, const ap__rt_stage_t *stage,
                      const char *type);

/**
 * For an MPM that reads request heads without blocking, below our filter
 * (the event MPM): the deadline of the head being read on @a c, whose
 * first @a credited bytes earn MinRate time, and @a buffered bytes of
 * which the MPM holds and will pass up through our filter (they are not
 * counted again). The first call for a head starts the header stage's
 * clock. Returns 0 when the header stage is not timed here (the MPM's
 * own Timeout applies). The MPM declares the same type: keep the two
 * declarations identical.
 */
APR_DECLARE_OPTIONAL_FN(apr_time_t, ap_reqtimeout_head_deadline,
                        (conn_rec *c, apr_off_t credited,
                         apr_off_t buffered));

/** The implementation of ap_reqtimeout_head_deadline (filter file). */
apr_time_t ap__rt_head_deadline(conn_rec *c, apr_off_t credited,
                                apr_off_t buffered);

#endif /* MOD_REQTIMEOUT_PRIVATE_H */
