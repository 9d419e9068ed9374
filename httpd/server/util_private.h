/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file util_private.h
 * @brief Helpers shared by the server/util*.c files (not exported).
 */
#ifndef AP_UTIL_PRIVATE_H
#define AP_UTIL_PRIVATE_H

#include "httpd.h"
#include "apr_lib.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Character classes of the HTTP grammar (RFC 9110), one bit each. */
#define AP__T_TOKEN       0x01 /**< tchar */
#define AP__T_VCHAR_OBS   0x02 /**< VCHAR or obs-text */
#define AP__T_FIELD       0x04 /**< field-content: VCHAR, obs-text, SP, HTAB */
#define AP__T_URI_UNRES   0x08 /**< unreserved: ALPHA DIGIT - . _ ~ */
#define AP__T_PATH_KEEP   0x10 /**< kept as is by ap_os_escape_path */
#define AP__T_SEGMENT_KEEP 0x20 /**< kept as is by ap_escape_path_segment */
#define AP__T_SHELL       0x40 /**< escaped by ap_escape_shell_cmd */
#define AP__T_LOG_ESC     0x80 /**< escaped by ap_escape_logitem */
#define AP__T_URLENC_KEEP 0x100 /**< kept as is by ap_escape_urlencoded */

/** Class bits of every byte value, built once (see util_chars.c). */
extern const unsigned short ap__char_class[256];

/** Does byte @a c have any of the class bits @a t? */
#define AP__TEST_CHAR(c, t) (ap__char_class[(unsigned char)(c)] & (t))

/** Value of a hex digit, or -1. */
int ap__hexval(int c);

/** Encode byte @a c as "%xx" (lower-case hex, as Apache does) at @a where;
 * returns where + 3. */
char *ap__pct_encode(char *where, unsigned char c);

/**
 * The substitution engine of ap_pregsub_ex() and ap_varbuf_regsub():
 * computes the length of the expansion of @a input (into *@a len) and,
 * if @a dst is not NULL, writes it there (NUL-terminated; @a dst has room
 * for *len + 1 bytes).
 * @return APR_SUCCESS, or APR_ENOMEM if the result exceeds @a maxlen.
 */
apr_status_t ap__regsub(char *dst, apr_size_t *len, const char *input,
                        const char *source, apr_size_t nmatch,
                        ap_regmatch_t pmatch[], apr_size_t maxlen);

#ifdef __cplusplus
}
#endif

#endif /* AP_UTIL_PRIVATE_H */
