/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file util_md5.h
 * @brief MD5 digests as hex or base64 strings (Content-MD5, ETags).
 */
#ifndef APACHE_UTIL_MD5_H
#define APACHE_UTIL_MD5_H

#include "httpd.h"
#include "apr_md5.h"
#include "apr_file_io.h"

#ifdef __cplusplus
extern "C" {
#endif

/** MD5 of a NUL-terminated string, as 32 lower-case hex digits. */
AP_DECLARE(char *) ap_md5(apr_pool_t *a, const unsigned char *string);

/** MD5 of @a len bytes, as 32 lower-case hex digits. */
AP_DECLARE(char *) ap_md5_binary(apr_pool_t *a, const unsigned char *buf,
                                 int len);

/** Finish @a context and return the digest in base64 (24 characters). */
AP_DECLARE(char *) ap_md5contextTo64(apr_pool_t *p, apr_md5_ctx_t *context);

/** MD5 of a file's content, in base64 (Content-MD5); reads from the
 * current offset to the end and rewinds. */
AP_DECLARE(char *) ap_md5digest(apr_pool_t *p, apr_file_t *infile);

#ifdef __cplusplus
}
#endif

#endif /* APACHE_UTIL_MD5_H */
