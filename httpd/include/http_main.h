/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file http_main.h
 * @brief State of the server process that main() sets up.
 */
#ifndef APACHE_HTTP_MAIN_H
#define APACHE_HTTP_MAIN_H

#include "httpd.h"
#include "apr_optional.h"

/** Command-line options the core understands (getopt syntax). */
#define AP_SERVER_BASEARGS "C:c:D:d:E:e:f:vVlLtTSMh?X"

#ifdef __cplusplus
extern "C" {
#endif

/** argv[0] of the server. */
AP_DECLARE_DATA extern const char *ap_server_argv0;
/** ServerRoot. */
AP_DECLARE_DATA extern const char *ap_server_root;
/** DefaultRuntimeDir. */
AP_DECLARE_DATA extern const char *ap_runtime_dir;
/** The main server (valid once the configuration is read). */
AP_DECLARE_DATA extern server_rec *ap_server_conf;
/** The process-wide pool. */
AP_DECLARE_DATA extern apr_pool_t *ap_pglobal;
/** AP_SQ_MS_* state of the main process (see ap_state_query()). */
AP_DECLARE_DATA extern int ap_main_state;
/** AP_SQ_RM_* run mode. */
AP_DECLARE_DATA extern int ap_run_mode;
/** Incremented at each configuration load. */
AP_DECLARE_DATA extern int ap_config_generation;

/** -C directives, processed before the configuration file. */
AP_DECLARE_DATA extern apr_array_header_t *ap_server_pre_read_config;
/** -c directives, processed after it. */
AP_DECLARE_DATA extern apr_array_header_t *ap_server_post_read_config;
/** -D and Define names. */
AP_DECLARE_DATA extern apr_array_header_t *ap_server_config_defines;
/** Whether DocumentRoot must exist (-T turns the check off). */
AP_DECLARE_DATA extern int ap_document_root_check;

/** Send a -k signal to the running server (provided by the MPM layer). */
APR_DECLARE_OPTIONAL_FN(int, ap_signal_server, (int *status, apr_pool_t *pool));

#ifdef __cplusplus
}
#endif

#endif /* APACHE_HTTP_MAIN_H */
