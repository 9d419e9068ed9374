/*
 * apr_atomic.h: atomic operations on 32-bit and 64-bit unsigned integers
 * and on pointers.
 *
 * Every operation is a full memory barrier (sequentially consistent), so
 * these calls may also publish or acquire data guarded by the value.
 * Arithmetic wraps around modulo 2^32 (or 2^64). The functions take
 * volatile pointers so that variables declared volatile by older code
 * may be passed as they are.
 */
#ifndef APR_ATOMIC_H
#define APR_ATOMIC_H

/**
 * @file apr_atomic.h
 * @brief APR atomic operations
 */

#include "apr.h"
#include "apr_pools.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_atomic Atomic Operations
 * @ingroup APR
 * @{
 */

/**
 * Set up whatever the platform's atomics need; apr_initialize() calls it,
 * programs need not.
 * @internal
 * @param p The pool for any state it needs.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_atomic_init(apr_pool_t *p);

/*
 * 32-bit operations.
 */

/** The value of @a *mem. */
APR_DECLARE(apr_uint32_t) apr_atomic_read32(volatile apr_uint32_t *mem);

/** Store @a val in @a *mem. */
APR_DECLARE(void) apr_atomic_set32(volatile apr_uint32_t *mem,
                                   apr_uint32_t val);

/**
 * Add @a val to @a *mem.
 * @return The value @a *mem had before.
 */
APR_DECLARE(apr_uint32_t) apr_atomic_add32(volatile apr_uint32_t *mem,
                                           apr_uint32_t val);

/** Subtract @a val from @a *mem. */
APR_DECLARE(void) apr_atomic_sub32(volatile apr_uint32_t *mem,
                                   apr_uint32_t val);

/**
 * Add 1 to @a *mem.
 * @return The value @a *mem had before.
 */
APR_DECLARE(apr_uint32_t) apr_atomic_inc32(volatile apr_uint32_t *mem);

/**
 * Subtract 1 from @a *mem.
 * @return Zero if @a *mem became zero, non-zero otherwise.
 */
APR_DECLARE(int) apr_atomic_dec32(volatile apr_uint32_t *mem);

/**
 * Store @a with in @a *mem if, and only if, @a *mem equals @a cmp.
 * @return The value @a *mem had before (equal to @a cmp on success).
 */
APR_DECLARE(apr_uint32_t) apr_atomic_cas32(volatile apr_uint32_t *mem,
                                           apr_uint32_t with,
                                           apr_uint32_t cmp);

/**
 * Store @a val in @a *mem.
 * @return The value @a *mem had before.
 */
APR_DECLARE(apr_uint32_t) apr_atomic_xchg32(volatile apr_uint32_t *mem,
                                            apr_uint32_t val);

/*
 * 64-bit operations: the same, on apr_uint64_t.
 */

/** The value of @a *mem. */
APR_DECLARE(apr_uint64_t) apr_atomic_read64(volatile apr_uint64_t *mem);

/** Store @a val in @a *mem. */
APR_DECLARE(void) apr_atomic_set64(volatile apr_uint64_t *mem,
                                   apr_uint64_t val);

/**
 * Add @a val to @a *mem.
 * @return The value @a *mem had before.
 */
APR_DECLARE(apr_uint64_t) apr_atomic_add64(volatile apr_uint64_t *mem,
                                           apr_uint64_t val);

/** Subtract @a val from @a *mem. */
APR_DECLARE(void) apr_atomic_sub64(volatile apr_uint64_t *mem,
                                   apr_uint64_t val);

/**
 * Add 1 to @a *mem.
 * @return The value @a *mem had before.
 */
APR_DECLARE(apr_uint64_t) apr_atomic_inc64(volatile apr_uint64_t *mem);

/**
 * Subtract 1 from @a *mem.
 * @return Zero if @a *mem became zero, non-zero otherwise.
 */
APR_DECLARE(int) apr_atomic_dec64(volatile apr_uint64_t *mem);

/**
 * Store @a with in @a *mem if, and only if, @a *mem equals @a cmp.
 * @return The value @a *mem had before (equal to @a cmp on success).
 */
APR_DECLARE(apr_uint64_t) apr_atomic_cas64(volatile apr_uint64_t *mem,
                                           apr_uint64_t with,
                                           apr_uint64_t cmp);

/**
 * Store @a val in @a *mem.
 * @return The value @a *mem had before.
 */
APR_DECLARE(apr_uint64_t) apr_atomic_xchg64(volatile apr_uint64_t *mem,
                                            apr_uint64_t val);

/*
 * Pointer operations.
 */

/**
 * Store @a with in the pointer @a *mem if, and only if, it equals @a cmp.
 * @return The pointer @a *mem held before (equal to @a cmp on success).
 */
APR_DECLARE(void *) apr_atomic_casptr(volatile void **mem, void *with,
                                      const void *cmp);

/**
 * Store @a with in the pointer @a *mem.
 * @return The pointer @a *mem held before.
 */
APR_DECLARE(void *) apr_atomic_xchgptr(volatile void **mem, void *with);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* !APR_ATOMIC_H */
