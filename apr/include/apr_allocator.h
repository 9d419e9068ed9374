/*
 * apr_allocator.h: the block allocator under the pools.
 *
 * An allocator hands out memory nodes (apr_memnode_t followed by the
 * usable bytes) in multiples of 4 KiB, at least 8 KiB, and keeps the nodes
 * given back in free lists for reuse. Pools draw their blocks from one;
 * several pools may share an allocator, which then needs a mutex if they
 * are used from several threads (apr_allocator_mutex_set).
 *
 * Ownership: an allocator belongs to whoever created it, unless a pool is
 * made its owner (apr_allocator_owner_set): that pool destroys it when the
 * pool itself is destroyed.
 */
#ifndef APR_ALLOCATOR_H
#define APR_ALLOCATOR_H

/**
 * @file apr_allocator.h
 * @brief APR internal memory allocation: the node allocator of the pools
 */

#include "apr.h"
#include "apr_errno.h"
#define APR_WANT_MEMFUNC
#include "apr_want.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_allocator Internal Memory Allocation
 * @ingroup APR
 * @{
 */

/** An allocator: free lists of memory nodes (opaque). */
typedef struct apr_allocator_t apr_allocator_t;

/** A memory node: the header at the start of each block. */
typedef struct apr_memnode_t apr_memnode_t;

/**
 * The header of a block handed out by apr_allocator_alloc().
 * The caller may use next, ref and first_avail as it likes while it holds
 * the node (apr_allocator_free() follows next, so it must end the list or
 * link further nodes to give back); index and endp are read-only.
 */
struct apr_memnode_t {
    apr_memnode_t *next;        /**< next node in a list */
    apr_memnode_t **ref;        /**< the pointer that points to this node */
    apr_uint32_t index;         /**< size of the node in 4 KiB pages, minus one */
    apr_uint32_t free_index;    /**< free pages left, kept by the pool code */
    char *first_avail;          /**< first free byte */
    char *endp;                 /**< one past the last byte of the node */
};

/** Size of the node header, rounded up to the default alignment. */
#define APR_MEMNODE_T_SIZE APR_ALIGN_DEFAULT(sizeof(apr_memnode_t))

/** For apr_allocator_max_free_set(): keep every freed node. */
#define APR_ALLOCATOR_MAX_FREE_UNLIMITED 0

/**
 * Create an allocator with empty free lists, no owner, no mutex and an
 * unlimited free-memory threshold.
 * @param allocator Receives the new allocator.
 * @return APR_SUCCESS, or APR_ENOMEM.
 */
APR_DECLARE(apr_status_t) apr_allocator_create(apr_allocator_t **allocator)
                          __attribute__((nonnull(1)));

/**
 * Destroy an allocator and release the nodes in its free lists.
 * Nodes still held by callers are not released.
 * @param allocator The allocator.
 */
APR_DECLARE(void) apr_allocator_destroy(apr_allocator_t *allocator)
                  __attribute__((nonnull(1)));

/**
 * Get a node with at least @a size usable bytes after its header.
 * @param allocator The allocator.
 * @param size Usable bytes wanted (the header is not counted).
 * @return The node (first_avail just after the header, endp at its end,
 *         next NULL), or NULL when memory is exhausted or @a size too big.
 */
APR_DECLARE(apr_memnode_t *) apr_allocator_alloc(apr_allocator_t *allocator,
                                                 apr_size_t size)
                             __attribute__((nonnull(1)));

/**
 * Give back a list of nodes, linked by their next field and ended by NULL.
 * Nodes beyond the free-memory threshold go back to the system.
 * @param allocator The allocator the nodes came from.
 * @param memnode The first node of the list.
 */
APR_DECLARE(void) apr_allocator_free(apr_allocator_t *allocator,
                                     apr_memnode_t *memnode)
                  __attribute__((nonnull(1, 2)));

/**
 * The total node size apr_allocator_alloc() would use for @a size usable
 * bytes: header included, rounded to 4 KiB pages, at least 8 KiB.
 * @param allocator The allocator (unused: the rule is the same for all).
 * @param size Usable bytes.
 * @return The node size in bytes, or 0 if the computation overflows.
 */
APR_DECLARE(apr_size_t) apr_allocator_align(apr_allocator_t *allocator,
                                            apr_size_t size);

#include "apr_pools.h"

/**
 * Make @a pool the owner of the allocator: destroying the pool then
 * destroys the allocator too. Usually the top-most pool using it.
 * @param allocator The allocator.
 * @param pool The owning pool (NULL for none).
 */
APR_DECLARE(void) apr_allocator_owner_set(apr_allocator_t *allocator,
                                          apr_pool_t *pool)
                  __attribute__((nonnull(1)));

/**
 * The pool that owns the allocator, or NULL.
 * @param allocator The allocator.
 */
APR_DECLARE(apr_pool_t *) apr_allocator_owner_get(apr_allocator_t *allocator)
                          __attribute__((nonnull(1)));

/**
 * Set how much freed memory the allocator keeps for reuse; nodes given
 * back beyond that go to the system.
 * @param allocator The allocator.
 * @param size The threshold in bytes (rounded up to 4 KiB pages), or
 *        APR_ALLOCATOR_MAX_FREE_UNLIMITED.
 */
APR_DECLARE(void) apr_allocator_max_free_set(apr_allocator_t *allocator,
                                             apr_size_t size)
                  __attribute__((nonnull(1)));

#include "apr_thread_mutex.h"

#if APR_HAS_THREADS
/**
 * Serialise the allocator's operations with @a mutex (and the child lists
 * of the pools that use it), so that several threads may share it.
 * @param allocator The allocator.
 * @param mutex The mutex, or NULL for none.
 */
APR_DECLARE(void) apr_allocator_mutex_set(apr_allocator_t *allocator,
                                          apr_thread_mutex_t *mutex)
                  __attribute__((nonnull(1)));

/**
 * The mutex set on the allocator, or NULL.
 * @param allocator The allocator.
 */
APR_DECLARE(apr_thread_mutex_t *) apr_allocator_mutex_get(
                                      apr_allocator_t *allocator)
                                  __attribute__((nonnull(1)));
#endif

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* !APR_ALLOCATOR_H */
