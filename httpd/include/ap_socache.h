/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  ap_socache.h
 * @brief Small-object cache providers (shmcb, dbm, memcache, ...): a
 *        key/value store shared between processes, with expiry.
 */

#ifndef AP_SOCACHE_H
#define AP_SOCACHE_H

#include "httpd.h"
#include "ap_provider.h"
#include "apr_pools.h"
#include "apr_time.h"

#ifdef __cplusplus
extern "C" {
#endif

/** provider flag: not safe with threads without the caller's mutex */
#define AP_SOCACHE_FLAG_NOTMPSAFE (0x0001)

/** one configured cache (opaque, provider-defined) */
typedef struct ap_socache_instance_t ap_socache_instance_t;

/** Sizing hints passed to init. */
struct ap_socache_hints {
    /** typical key length */
    apr_size_t avg_id_len;
    /** typical object size */
    apr_size_t avg_obj_size;
    /** how often expired entries are purged */
    apr_interval_time_t expiry_interval;
};

/** Called for each entry by iterate; non-APR_SUCCESS stops. */
typedef apr_status_t (ap_socache_iterator_t)(ap_socache_instance_t *instance,
                                             server_rec *s,
                                             void *userctx,
                                             const unsigned char *id,
                                             unsigned int idlen,
                                             const unsigned char *data,
                                             unsigned int datalen,
                                             apr_pool_t *pool);

/** A cache provider (registered in group "socache", version "0"). */
typedef struct ap_socache_provider_t {
    /** provider name */
    const char *name;
    /** AP_SOCACHE_FLAG_* */
    unsigned int flags;
    /** parse @a arg at config time; returns an error string or NULL */
    const char *(*create)(ap_socache_instance_t **instance, const char *arg,
                          apr_pool_t *tmp, apr_pool_t *p);
    /** open the cache in post_config (@a cname names its files) */
    apr_status_t (*init)(ap_socache_instance_t *instance, const char *cname,
                         const struct ap_socache_hints *hints,
                         server_rec *s, apr_pool_t *pool);
    /** release the cache */
    void (*destroy)(ap_socache_instance_t *instance, server_rec *s);
    /** store @a data under @a id until @a expiry */
    apr_status_t (*store)(ap_socache_instance_t *instance, server_rec *s,
                          const unsigned char *id, unsigned int idlen,
                          apr_time_t expiry,
                          unsigned char *data, unsigned int datalen,
                          apr_pool_t *pool);
    /** fetch @a id into @a data (capacity in, length out in *datalen) */
    apr_status_t (*retrieve)(ap_socache_instance_t *instance, server_rec *s,
                             const unsigned char *id, unsigned int idlen,
                             unsigned char *data, unsigned int *datalen,
                             apr_pool_t *pool);
    /** delete @a id */
    apr_status_t (*remove)(ap_socache_instance_t *instance, server_rec *s,
                           const unsigned char *id, unsigned int idlen,
                           apr_pool_t *pool);
    /** print status (mod_status), AP_STATUS_* @a flags */
    void (*status)(ap_socache_instance_t *instance, request_rec *r,
                   int flags);
    /** visit every entry */
    apr_status_t (*iterate)(ap_socache_instance_t *instance, server_rec *s,
                            void *userctx, ap_socache_iterator_t *iterator,
                            apr_pool_t *pool);
} ap_socache_provider_t;

/** provider group of socache providers */
#define AP_SOCACHE_PROVIDER_GROUP "socache"
/** interface version */
#define AP_SOCACHE_PROVIDER_VERSION "0"
/** name of the default provider */
#define AP_SOCACHE_DEFAULT_PROVIDER "default"

#ifdef __cplusplus
}
#endif

#endif /* AP_SOCACHE_H */
