/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  ap_slotmem.h
 * @brief Slot memory providers: arrays of fixed-size slots, optionally in
 *        shared memory, used by mod_proxy balancers and others.
 */

#ifndef SLOTMEM_H
#define SLOTMEM_H

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "ap_provider.h"

#include "apr.h"
#include "apr_strings.h"
#include "apr_pools.h"
#include "apr_shm.h"
#include "apr_global_mutex.h"
#include "apr_file_io.h"
#include "apr_md5.h"

#ifdef __cplusplus
extern "C" {
#endif

/** provider group and version */
#define AP_SLOTMEM_PROVIDER_GROUP "slotmem"
#define AP_SLOTMEM_PROVIDER_VERSION "0"

/** AP_SLOTMEM_TYPE_* bits */
typedef unsigned int ap_slotmem_type_t;

/** keep the contents across restarts (saved to a file) */
#define AP_SLOTMEM_TYPE_PERSIST    (1 << 0)
/** not safe with threads without the caller's mutex */
#define AP_SLOTMEM_TYPE_NOTMPSAFE  (1 << 1)
/** slots start out grabbed (in use) */
#define AP_SLOTMEM_TYPE_PREGRAB    (1 << 2)
/** persist the in-use flags too */
#define AP_SLOTMEM_TYPE_CLEARINUSE (1 << 3)

/** one slot memory area (opaque) */
typedef struct ap_slotmem_instance_t ap_slotmem_instance_t;

/** Called for each slot by doall with its memory. */
typedef apr_status_t ap_slotmem_callback_fn_t(void *mem, void *data,
                                              apr_pool_t *pool);

/** A slot memory provider. */
struct ap_slotmem_provider_t {
    /** provider name */
    const char *name;
    /** run @a func on every slot in use */
    apr_status_t (*doall)(ap_slotmem_instance_t *s,
                          ap_slotmem_callback_fn_t *func, void *data,
                          apr_pool_t *pool);
    /** create area @a name with @a item_num slots of @a item_size */
    apr_status_t (*create)(ap_slotmem_instance_t **inst, const char *name,
                           apr_size_t item_size, unsigned int item_num,
                           ap_slotmem_type_t type, apr_pool_t *pool);
    /** attach to an existing area */
    apr_status_t (*attach)(ap_slotmem_instance_t **inst, const char *name,
                           apr_size_t *item_size, unsigned int *item_num,
                           apr_pool_t *pool);
    /** address of slot @a item_id */
    apr_status_t (*dptr)(ap_slotmem_instance_t *s, unsigned int item_id,
                         void **mem);
    /** copy slot @a item_id out */
    apr_status_t (*get)(ap_slotmem_instance_t *s, unsigned int item_id,
                        unsigned char *dest, apr_size_t dest_len);
    /** copy into slot @a item_id */
    apr_status_t (*put)(ap_slotmem_instance_t *slot, unsigned int item_id,
                        unsigned char *src, apr_size_t src_len);
    /** total slots */
    unsigned int (*num_slots)(ap_slotmem_instance_t *s);
    /** unused slots */
    unsigned int (*num_free_slots)(ap_slotmem_instance_t *s);
    /** size of a slot */
    apr_size_t (*slot_size)(ap_slotmem_instance_t *s);
    /** take a free slot */
    apr_status_t (*grab)(ap_slotmem_instance_t *s, unsigned int *item_id);
    /** give slot @a item_id back */
    apr_status_t (*release)(ap_slotmem_instance_t *s, unsigned int item_id);
    /** take slot @a item_id even if in use */
    apr_status_t (*fgrab)(ap_slotmem_instance_t *s, unsigned int item_id);
};

/** a slot memory provider */
typedef struct ap_slotmem_provider_t ap_slotmem_provider_t;

#ifdef __cplusplus
}
#endif

#endif /* SLOTMEM_H */
