/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file util_varbuf.h
 * @brief A growable string buffer in a pool. When the buffer grows, a
 * large old block is given back to the pool's allocator rather than
 * left in the pool until it is cleared.
 */
#ifndef AP_VARBUF_H
#define AP_VARBUF_H

#include "apr.h"
#include "apr_allocator.h"
#include "httpd.h"
#include "http_config.h"

#ifdef __cplusplus
extern "C" {
#endif

/** ap_varbuf_strmemcat() length for "up to the NUL". */
#define AP_VARBUF_UNKNOWN APR_SIZE_MAX

struct ap_varbuf_info;

/** A growable buffer. buf is NUL-terminated when strlen is known. */
struct ap_varbuf {
    char *buf;                   /**< the content */
    apr_size_t avail;            /**< usable size, NUL excluded */
    apr_size_t strlen;           /**< length, or AP_VARBUF_UNKNOWN */
    apr_pool_t *pool;            /**< pool it lives in */
    struct ap_varbuf_info *info; /**< allocator bookkeeping */
};

/** Initialise @a vb with room for @a init_size bytes (may be 0). */
AP_DECLARE(void) ap_varbuf_init(apr_pool_t *pool, struct ap_varbuf *vb,
                                apr_size_t init_size);

/** Make room for @a new_size bytes, keeping the content. */
AP_DECLARE(void) ap_varbuf_grow(struct ap_varbuf *vb, apr_size_t new_size);

/** Give the memory back now (vb may be initialised again). */
AP_DECLARE(void) ap_varbuf_free(struct ap_varbuf *vb);

/** Append @a len bytes of @a str (AP_VARBUF_UNKNOWN: up to its NUL). */
AP_DECLARE(void) ap_varbuf_strmemcat(struct ap_varbuf *vb, const char *str,
                                     int len);

/**
 * Copy the content into @a p, between @a prepend and @a append (either
 * may be NULL); *@a new_len (if not NULL) receives the length.
 */
AP_DECLARE(char *) ap_varbuf_pdup(apr_pool_t *p, struct ap_varbuf *vb,
                                  const char *prepend, apr_size_t prepend_len,
                                  const char *append, apr_size_t append_len,
                                  apr_size_t *new_len);

/** Append a NUL-terminated string. */
#define ap_varbuf_strcat(vb, str) ap_varbuf_strmemcat(vb, str, strlen(str))

/** ap_pregsub() appending to @a vb; APR_ENOMEM beyond @a maxlen. */
AP_DECLARE(apr_status_t) ap_varbuf_regsub(struct ap_varbuf *vb,
                                          const char *input,
                                          const char *source,
                                          apr_size_t nmatch,
                                          ap_regmatch_t pmatch[],
                                          apr_size_t maxlen);

/** ap_cfg_getline() into a growing buffer, up to @a max_len bytes
 * (APR_ENOSPC beyond). */
AP_DECLARE(apr_status_t) ap_varbuf_cfg_getline(struct ap_varbuf *vb,
                                               ap_configfile_t *cfp,
                                               apr_size_t max_len);

#ifdef __cplusplus
}
#endif

#endif /* AP_VARBUF_H */
