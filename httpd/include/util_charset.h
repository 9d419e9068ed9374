/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file util_charset.h
 * @brief Translation of protocol text on EBCDIC hosts. On ASCII hosts
 * (APR_CHARSET_EBCDIC 0, the only kind this build targets) it declares
 * nothing.
 */
#ifndef APACHE_UTIL_CHARSET_H
#define APACHE_UTIL_CHARSET_H

#include "apr.h"

#ifdef __cplusplus
extern "C" {
#endif

#if APR_CHARSET_EBCDIC
#include "apr_xlate.h"

/** Converts header text from the host's charset to ASCII. */
extern apr_xlate_t *ap_hdrs_to_ascii;
/** Converts header text from ASCII to the host's charset. */
extern apr_xlate_t *ap_hdrs_from_ascii;
#endif

#ifdef __cplusplus
}
#endif

#endif /* APACHE_UTIL_CHARSET_H */
