/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  mod_core.h
 * @brief The HTTP protocol filters and helpers of http_module.
 */

#ifndef MOD_CORE_H
#define MOD_CORE_H

#include "apr.h"
#include "apr_buckets.h"
#include "httpd.h"
#include "util_filter.h"

#ifdef __cplusplus
extern "C" {
#endif

/** handles of the HTTP filters (HTTP_IN, HTTP_HEADER, CHUNK,
 *  HTTP_OUTERROR, BYTERANGE) */
AP_DECLARE_DATA extern ap_filter_rec_t *ap_http_input_filter_handle;
AP_DECLARE_DATA extern ap_filter_rec_t *ap_http_header_filter_handle;
AP_DECLARE_DATA extern ap_filter_rec_t *ap_chunk_filter_handle;
AP_DECLARE_DATA extern ap_filter_rec_t *ap_http_outerror_filter_handle;
AP_DECLARE_DATA extern ap_filter_rec_t *ap_byterange_filter_handle;

/** HTTP_IN: request body framing (Content-Length, chunked, 100-continue). */
apr_status_t ap_http_filter(ap_filter_t *f, apr_bucket_brigade *b,
                            ap_input_mode_t mode, apr_read_type_e block,
                            apr_off_t readbytes);

/** CHUNK: chunked transfer encoding of the response. */
apr_status_t ap_http_chunk_filter(ap_filter_t *f, apr_bucket_brigade *b);

/** HTTP_OUTERROR: turns ERROR buckets into connection handling. */
apr_status_t ap_http_outerror_filter(ap_filter_t *f, apr_bucket_brigade *b);

/** ErrorDocument string for status index @a error_index, or NULL. */
char *ap_response_code_string(request_rec *r, int error_index);

/** Append the status line and Date/Server headers to @a bb. */
AP_DECLARE(void) ap_basic_http_header(request_rec *r, apr_bucket_brigade *bb);

/** Answer a TRACE request. */
AP_DECLARE_NONSTD(int) ap_send_http_trace(request_rec *r);

/** Answer an OPTIONS request. */
AP_DECLARE(int) ap_send_http_options(request_rec *r);

/** boundary string of multipart/byteranges responses */
AP_DECLARE_DATA extern const char *ap_multipart_boundary;

/** Seed the server's random number generator. */
AP_CORE_DECLARE(void) ap_init_rng(apr_pool_t *p);

/** Re-seed the generator in the parent after a fork. */
AP_CORE_DECLARE(void) ap_random_parent_after_fork(void);

#ifdef __cplusplus
}
#endif

#endif /* MOD_CORE_H */
