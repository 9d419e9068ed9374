/*
 * apr_rmm.h: an allocator inside one caller-supplied block of memory,
 * typically shared memory mapped at different addresses in different
 * processes. Allocations are named by offsets from the block's start
 * (apr_rmm_off_t), which mean the same in every process; apr_rmm_addr_get()
 * turns one into a local pointer. Offset 0 means "no allocation".
 * All bookkeeping lives inside the block; the apr_rmm_t handle itself is
 * allocated from the pool given to init/attach and is per process.
 */
#ifndef APR_RMM_H
#define APR_RMM_H

/**
 * @file apr_rmm.h
 * @brief APR-UTIL Relocatable Memory Management Routines
 */

#include "apr.h"
#include "apr_pools.h"
#include "apr_errno.h"
#include "apu.h"
#include "apr_anylock.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_Util_RMM Relocatable Memory Management Routines
 * @ingroup APR_Util
 * @{
 */

/** A process's handle on a managed block (opaque). */
typedef struct apr_rmm_t apr_rmm_t;

/** An allocation, as an offset from the block's start (0: none). */
typedef apr_size_t apr_rmm_off_t;

/**
 * Start managing a block: all of it becomes free space.
 * @param rmm Receives the handle
 * @param lock The lock that serialises users of the block, or NULL for
 *             none; it is copied, the lock itself must outlive the handle
 * @param membuf The block, aligned with APR_ALIGN_DEFAULT
 * @param memsize Its size, a multiple of APR_ALIGN_DEFAULT
 * @param cont The pool the handle is allocated from
 * @return APR_SUCCESS, or the lock's error
 */
APU_DECLARE(apr_status_t) apr_rmm_init(apr_rmm_t **rmm, apr_anylock_t *lock,
                                       void *membuf, apr_size_t memsize,
                                       apr_pool_t *cont);

/** Stop managing the block (its contents become meaningless). */
APU_DECLARE(apr_status_t) apr_rmm_destroy(apr_rmm_t *rmm);

/**
 * Get a handle on a block that apr_rmm_init() set up (in this or another
 * process, possibly at another address).
 * @param lock As for apr_rmm_init()
 */
APU_DECLARE(apr_status_t) apr_rmm_attach(apr_rmm_t **rmm, apr_anylock_t *lock,
                                         void *membuf, apr_pool_t *cont);

/** Drop a handle from apr_rmm_attach(); the block is left as it is. */
APU_DECLARE(apr_status_t) apr_rmm_detach(apr_rmm_t *rmm);

/**
 * Allocate @a reqsize bytes, aligned with APR_ALIGN_DEFAULT.
 * @return The allocation's offset, or 0 if the block has no room
 */
APU_DECLARE(apr_rmm_off_t) apr_rmm_malloc(apr_rmm_t *rmm, apr_size_t reqsize);

/**
 * Resize an allocation: a new one is made, the old contents (up to the
 * smaller size) copied into it and the old one freed.
 * @param entity The old allocation's address (NULL: as apr_rmm_malloc())
 * @return The new offset, or 0 (the old allocation untouched) if there is
 *         no room
 */
APU_DECLARE(apr_rmm_off_t) apr_rmm_realloc(apr_rmm_t *rmm, void *entity,
                                           apr_size_t reqsize);

/** As apr_rmm_malloc(), with the memory set to zero. */
APU_DECLARE(apr_rmm_off_t) apr_rmm_calloc(apr_rmm_t *rmm, apr_size_t reqsize);

/**
 * Free an allocation.
 * @return APR_SUCCESS; APR_EINVAL if @a entity is not the offset of a
 *         live allocation (as far as can be told)
 */
APU_DECLARE(apr_status_t) apr_rmm_free(apr_rmm_t *rmm, apr_rmm_off_t entity);

/**
 * The address, in this process, of an allocation (the block's start plus
 * @a entity: offset 0 gives the block's start, not NULL, as in APR-util).
 * The address is aligned with APR_ALIGN_DEFAULT.
 */
APU_DECLARE(void *) apr_rmm_addr_get(apr_rmm_t *rmm, apr_rmm_off_t entity);

/** The offset of an address inside the block (not checked: pass only
 *  addresses inside it). */
APU_DECLARE(apr_rmm_off_t) apr_rmm_offset_get(apr_rmm_t *rmm, void *entity);

/**
 * How many bytes of bookkeeping to add to a block's size so that it can
 * hold @a n allocations (beside their own sizes, each rounded up with
 * APR_ALIGN_DEFAULT).
 */
APU_DECLARE(apr_size_t) apr_rmm_overhead_get(int n);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_RMM_H */
