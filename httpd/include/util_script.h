/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  util_script.h
 * @brief Helpers for CGI-like handlers: building the environment and
 *        parsing the header block a script prints.
 */

#ifndef APACHE_UTIL_SCRIPT_H
#define APACHE_UTIL_SCRIPT_H

#include "apr_buckets.h"
#include "ap_config.h"
#include "httpd.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef APACHE_ARG_MAX
/** most arguments passed to a script on its command line (POSIX's
 *  minimum ARG_MAX, as _POSIX_ARG_MAX gives on every POSIX system) */
#define APACHE_ARG_MAX 4096
#endif

/** Build a NULL-terminated "NAME=value" array from table @a t; names are
 *  sanitised (non-alphanumerics become '_'). */
AP_DECLARE(char **) ap_create_environment(apr_pool_t *p, apr_table_t *t);

/** Length of @a uri without its trailing @a path_info part. */
AP_DECLARE(int) ap_find_path_info(const char *uri, const char *path_info);

/** Add the CGI/1.1 variables (GATEWAY_INTERFACE, SCRIPT_NAME,
 *  PATH_INFO, QUERY_STRING, ...) to r->subprocess_env. */
AP_DECLARE(void) ap_add_cgi_vars(request_rec *r);

/** Add the variables every script gets (HTTP_*, SERVER_*, REMOTE_*,
 *  DOCUMENT_ROOT, ...) to r->subprocess_env. */
AP_DECLARE(void) ap_add_common_vars(request_rec *r);

/** Read and apply a script's headers from file @a f; @a buffer
 *  (MAX_STRING_LEN, may be NULL) gets the offending line on error.
 *  Returns OK, an HTTP status from a Status: header, or 500. */
AP_DECLARE(int) ap_scan_script_header_err(request_rec *r, apr_file_t *f,
                                          char *buffer);

/** As ap_scan_script_header_err, logging as module @a module_index. */
AP_DECLARE(int) ap_scan_script_header_err_ex(request_rec *r, apr_file_t *f,
                                             char *buffer, int module_index);

/** Read a script's headers from brigade @a bb. */
AP_DECLARE(int) ap_scan_script_header_err_brigade(request_rec *r,
                                                  apr_bucket_brigade *bb,
                                                  char *buffer);

/** As ap_scan_script_header_err_brigade, logging as @a module_index. */
AP_DECLARE(int) ap_scan_script_header_err_brigade_ex(request_rec *r,
                                                     apr_bucket_brigade *bb,
                                                     char *buffer,
                                                     int module_index);

/** Read headers from a NULL-terminated list of strings; @a termch and
 *  @a termarg tell where parsing stopped. */
AP_DECLARE_NONSTD(int) ap_scan_script_header_err_strs(request_rec *r,
                                                      char *buffer,
                                                      const char **termch,
                                                      int *termarg, ...)
                       AP_FN_ATTR_SENTINEL;

/** As ap_scan_script_header_err_strs, logging as @a module_index. */
AP_DECLARE_NONSTD(int) ap_scan_script_header_err_strs_ex(request_rec *r,
                                                         char *buffer,
                                                         int module_index,
                                                         const char **termch,
                                                         int *termarg, ...)
                       AP_FN_ATTR_SENTINEL;

/** Generic header parser: @a getsfunc fills one line (like fgets),
 *  returning 0 at the end. */
AP_DECLARE(int) ap_scan_script_header_err_core(request_rec *r, char *buffer,
                                   int (*getsfunc)(char *, int, void *),
                                   void *getsfunc_data);

/** As ap_scan_script_header_err_core, logging as @a module_index. */
AP_DECLARE(int) ap_scan_script_header_err_core_ex(request_rec *r,
                                   char *buffer,
                                   int (*getsfunc)(char *, int, void *),
                                   void *getsfunc_data, int module_index);

/** Parse r->args ("a=1&b=2", unescaped) into a new table. */
AP_DECLARE(void) ap_args_to_table(request_rec *r, apr_table_t **table);

/** subprocess_env note: trust a script's Content-Length */
#define AP_TRUST_CGILIKE_CL_ENVVAR "ap_trust_cgilike_cl"

#ifdef __cplusplus
}
#endif

#endif /* APACHE_UTIL_SCRIPT_H */
