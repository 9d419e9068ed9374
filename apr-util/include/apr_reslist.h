/*
 * apr_reslist.h: a pool of reusable resources (connections, handles...).
 *
 * The list creates resources with the caller's constructor, hands them out
 * with apr_reslist_acquire() and takes them back with apr_reslist_release().
 * It keeps at least `min` idle resources, lets idle ones above `smax` expire
 * after `ttl`, and never has more than `hmax` in existence: past that,
 * acquire waits (for at most the timeout of apr_reslist_timeout_set()).
 * The list belongs to the pool given at creation: that pool's cleanup (or
 * apr_reslist_destroy()) destroys every idle resource with the destructor.
 */
#ifndef APR_RESLIST_H
#define APR_RESLIST_H

/**
 * @file apr_reslist.h
 * @brief APR-UTIL Resource List Routines
 */

#include "apr.h"
#include "apu.h"
#include "apr_pools.h"
#include "apr_errno.h"
#include "apr_time.h"

/**
 * @defgroup APR_Util_RL Resource List Routines
 * @ingroup APR_Util
 * @{
 */

#ifdef __cplusplus
extern "C" {
#endif

/** A resource list (opaque). */
typedef struct apr_reslist_t apr_reslist_t;

/**
 * Makes one resource: stores it in *resource and returns APR_SUCCESS, or
 * returns an error (which apr_reslist_acquire()/create pass on).
 * @a params is the one given to apr_reslist_create(), @a pool its pool.
 */
typedef apr_status_t (*apr_reslist_constructor)(void **resource, void *params,
                                                apr_pool_t *pool);

/** Destroys one resource made by the constructor. */
typedef apr_status_t (*apr_reslist_destructor)(void *resource, void *params,
                                               apr_pool_t *pool);

/** apr_reslist_cleanup_order_set(): ordinary pool cleanup. */
#define APR_RESLIST_CLEANUP_DEFAULT  0
/** apr_reslist_cleanup_order_set(): pre-cleanup, before child pools die. */
#define APR_RESLIST_CLEANUP_FIRST    1

/**
 * Create a resource list and its first @a min resources.
 * @param reslist Receives the list
 * @param min The number of idle resources kept ready (0: create on demand)
 * @param smax Idle resources beyond this number are destroyed once they
 *             are older than @a ttl
 * @param hmax The most resources that may exist at once
 * @param ttl How long (microseconds) an idle resource stays valid; 0: for
 *            ever. Expired ones are destroyed by acquire or maintenance
 * @param con The constructor
 * @param de The destructor
 * @param params Passed to @a con and @a de
 * @param pool The list's pool, also passed to @a con and @a de
 * @return APR_SUCCESS; APR_EINVAL unless 0 <= min <= smax <= hmax,
 *         hmax > 0 and ttl >= 0; or the constructor's error (the resources
 *         made so far are then destroyed)
 * @remark Without thread support hmax becomes 1 and a non-zero min or
 *         smax becomes 1.
 */
APU_DECLARE(apr_status_t) apr_reslist_create(apr_reslist_t **reslist,
                                             int min, int smax, int hmax,
                                             apr_interval_time_t ttl,
                                             apr_reslist_constructor con,
                                             apr_reslist_destructor de,
                                             void *params,
                                             apr_pool_t *pool);

/**
 * Destroy the list and its idle resources (the pool cleanup is removed).
 * Every resource must have been released first: the call aborts the
 * process otherwise.
 */
APU_DECLARE(apr_status_t) apr_reslist_destroy(apr_reslist_t *reslist);

/**
 * Take a resource: an idle one (expired ones are destroyed on the way),
 * or a new one while fewer than hmax exist, or else wait for a release.
 * @return APR_SUCCESS; APR_TIMEUP when the timeout of
 *         apr_reslist_timeout_set() ran out; or the constructor's error
 */
APU_DECLARE(apr_status_t) apr_reslist_acquire(apr_reslist_t *reslist,
                                              void **resource);

/** Give back a resource obtained from apr_reslist_acquire(). */
APU_DECLARE(apr_status_t) apr_reslist_release(apr_reslist_t *reslist,
                                              void *resource);

/**
 * Set how long apr_reslist_acquire() waits when hmax resources are all
 * in use, in microseconds; 0 (the default) waits for ever.
 */
APU_DECLARE(void) apr_reslist_timeout_set(apr_reslist_t *reslist,
                                          apr_interval_time_t timeout);

/** The number of resources currently acquired and not yet given back. */
APU_DECLARE(apr_uint32_t) apr_reslist_acquired_count(apr_reslist_t *reslist);

/**
 * Destroy an acquired resource that turned out to be unusable, instead
 * of releasing it; a waiting acquirer may then create a new one.
 * @return The destructor's status
 */
APU_DECLARE(apr_status_t) apr_reslist_invalidate(apr_reslist_t *reslist,
                                                 void *resource);

/**
 * Bring the list back within its bounds: create resources up to min idle
 * (without passing hmax), and destroy expired idle ones above smax.
 * @return APR_SUCCESS, or the first constructor/destructor error
 */
APU_DECLARE(apr_status_t) apr_reslist_maintain(apr_reslist_t *reslist);

/**
 * Choose when the pool destroys the list: APR_RESLIST_CLEANUP_DEFAULT
 * (ordinary cleanup, after child pools are gone) or APR_RESLIST_CLEANUP_FIRST
 * (a pre-cleanup, so destructors may still use child pools).
 */
APU_DECLARE(void) apr_reslist_cleanup_order_set(apr_reslist_t *reslist,
                                                apr_uint32_t mode);

#ifdef __cplusplus
}
#endif

/** @} */

#endif /* APR_RESLIST_H */
