/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file util_ebcdic.h
 * @brief Protocol text conversion on EBCDIC hosts; no-ops on ASCII hosts.
 */
#ifndef APACHE_UTIL_EBCDIC_H
#define APACHE_UTIL_EBCDIC_H

#include "apr_xlate.h"
#include "httpd.h"
#include "util_charset.h"

#ifdef __cplusplus
extern "C" {
#endif

#if APR_CHARSET_EBCDIC
/** Set up the converters. */
apr_status_t ap_init_ebcdic(apr_pool_t *pool);
/** Convert protocol text to ASCII, in place. */
void ap_xlate_proto_to_ascii(char *buffer, apr_size_t len);
/** Convert protocol text from ASCII, in place. */
void ap_xlate_proto_from_ascii(char *buffer, apr_size_t len);
/** ap_rvputs() writing ASCII. */
int ap_rvputs_proto_in_ascii(request_rec *r, ...);
#else
/** Nothing to convert on an ASCII host. */
#define ap_xlate_proto_to_ascii(x, y)
/** Nothing to convert on an ASCII host. */
#define ap_xlate_proto_from_ascii(x, y)
/** ap_rvputs() already writes ASCII. */
#define ap_rvputs_proto_in_ascii ap_rvputs
#endif

#ifdef __cplusplus
}
#endif

#endif /* APACHE_UTIL_EBCDIC_H */
