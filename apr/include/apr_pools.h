/*
 * apr_pools.h: memory pools.
 *
 * A pool is an arena: allocations are never freed one by one, everything
 * goes at once when the pool is cleared or destroyed. Pools form a tree:
 * clearing or destroying a pool destroys its subpools first. A pool also
 * carries cleanups (functions run when it is cleared or destroyed, last
 * registered first) and user data keyed by strings.
 *
 * A pool is not thread-safe: one thread at a time may allocate from it.
 * Creating subpools of one parent from several threads is safe when the
 * parent's allocator has a mutex (the global pool's has).
 */
#ifndef APR_POOLS_H
#define APR_POOLS_H

/**
 * @file apr_pools.h
 * @brief APR memory pools
 */

#include "apr.h"
#include "apr_errno.h"
#include "apr_general.h"
#define APR_WANT_MEMFUNC
#include "apr_want.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_pools Memory Pool Functions
 * @ingroup APR
 * @{
 */

/** A memory pool (opaque). */
typedef struct apr_pool_t apr_pool_t;

/**
 * Declares the accessor `apr_<type>_pool_get(const apr_<type>_t *)` that
 * returns the pool an opaque object of that type lives in.
 */
#define APR_POOL_DECLARE_ACCESSOR(type) \
    APR_DECLARE(apr_pool_t *) apr_##type##_pool_get \
        (const apr_##type##_t *the##type)

/**
 * Defines the accessor declared by APR_POOL_DECLARE_ACCESSOR(type); the
 * structure must have a member named `pool`.
 */
#define APR_POOL_IMPLEMENT_ACCESSOR(type) \
    APR_DECLARE(apr_pool_t *) apr_##type##_pool_get \
        (const apr_##type##_t *the##type) \
    { return the##type->pool; }

/*
 * APR_POOL_DEBUG: 0 (the default) is the release API this library
 * implements. Defining it empty means 1. With a non-zero value the
 * allocation calls become the *_debug variants carrying the caller's
 * file and line, and the debug-only functions are declared; this library
 * provides the *_debug entry points but not a debugging implementation.
 */
#if defined(APR_POOL_DEBUG)
/* Empty: "0 - - 1" is 1. A level N >= 0: -N - 1 is negative. */
#if (0 - APR_POOL_DEBUG - 1 == 1)
#undef APR_POOL_DEBUG
#define APR_POOL_DEBUG 1
#endif
#else
#define APR_POOL_DEBUG 0
#endif

/** "file:line" of the place that expands it, for the *_debug calls. */
#define APR_POOL__FILE_LINE__ __FILE__ ":" APR_STRINGIFY(__LINE__)

/**
 * Called when a pool cannot get memory, with APR_ENOMEM; its return value
 * is ignored. It may exit the program.
 */
typedef int (*apr_abortfunc_t)(int retcode);

/**
 * Set up the global pool and its allocator. apr_initialize() calls it;
 * calls nest (each needs a matching apr_pool_terminate()).
 * @return APR_SUCCESS or an error.
 */
APR_DECLARE(apr_status_t) apr_pool_initialize(void);

/**
 * Undo apr_pool_initialize(): the last call destroys the global pool and
 * every pool under it. apr_terminate() calls it.
 */
APR_DECLARE(void) apr_pool_terminate(void);

#include "apr_allocator.h"

/**
 * Create a pool.
 * @param newpool Receives the pool.
 * @param parent The parent, or NULL for a child of the global pool.
 * @param abort_fn Called on allocation failure; NULL inherits the
 *        parent's.
 * @param allocator Where blocks come from; NULL uses the parent's.
 * @return APR_SUCCESS, or APR_ENOMEM (after calling abort_fn).
 */
APR_DECLARE(apr_status_t) apr_pool_create_ex(apr_pool_t **newpool,
                                             apr_pool_t *parent,
                                             apr_abortfunc_t abort_fn,
                                             apr_allocator_t *allocator)
                          __attribute__((nonnull(1)));

/**
 * Deprecated name of apr_pool_create_unmanaged_ex().
 */
APR_DECLARE(apr_status_t) apr_pool_create_core_ex(apr_pool_t **newpool,
                                                  apr_abortfunc_t abort_fn,
                                                  apr_allocator_t *allocator);

/**
 * Create a pool with no parent, outside the tree of the global pool: only
 * an explicit apr_pool_destroy() frees it (apr_terminate() does not).
 * @param newpool Receives the pool.
 * @param abort_fn Called on allocation failure (not inherited).
 * @param allocator Where blocks come from; NULL gives the pool an
 *        allocator of its own, owned by it.
 * @return APR_SUCCESS, or APR_ENOMEM (after calling abort_fn).
 */
APR_DECLARE(apr_status_t) apr_pool_create_unmanaged_ex(apr_pool_t **newpool,
                                                       apr_abortfunc_t abort_fn,
                                                       apr_allocator_t *allocator)
                          __attribute__((nonnull(1)));

/**
 * apr_pool_create_ex() with the caller's "file:line" (for APR_POOL_DEBUG
 * builds; here it ignores file_line).
 */
APR_DECLARE(apr_status_t) apr_pool_create_ex_debug(apr_pool_t **newpool,
                                                   apr_pool_t *parent,
                                                   apr_abortfunc_t abort_fn,
                                                   apr_allocator_t *allocator,
                                                   const char *file_line)
                          __attribute__((nonnull(1)));

/** apr_pool_create_core_ex() with the caller's "file:line". */
APR_DECLARE(apr_status_t) apr_pool_create_core_ex_debug(apr_pool_t **newpool,
                                                   apr_abortfunc_t abort_fn,
                                                   apr_allocator_t *allocator,
                                                   const char *file_line);

/** apr_pool_create_unmanaged_ex() with the caller's "file:line". */
APR_DECLARE(apr_status_t) apr_pool_create_unmanaged_ex_debug(
                                                   apr_pool_t **newpool,
                                                   apr_abortfunc_t abort_fn,
                                                   apr_allocator_t *allocator,
                                                   const char *file_line)
                          __attribute__((nonnull(1)));

#if APR_POOL_DEBUG
#define apr_pool_create_ex(newpool, parent, abort_fn, allocator) \
    apr_pool_create_ex_debug(newpool, parent, abort_fn, allocator, \
                             APR_POOL__FILE_LINE__)
#define apr_pool_create_core_ex(newpool, abort_fn, allocator) \
    apr_pool_create_unmanaged_ex_debug(newpool, abort_fn, allocator, \
                                       APR_POOL__FILE_LINE__)
#define apr_pool_create_unmanaged_ex(newpool, abort_fn, allocator) \
    apr_pool_create_unmanaged_ex_debug(newpool, abort_fn, allocator, \
                                       APR_POOL__FILE_LINE__)
/** Create a pool under @a parent (NULL: the global pool). */
#define apr_pool_create(newpool, parent) \
    apr_pool_create_ex_debug(newpool, parent, NULL, NULL, \
                             APR_POOL__FILE_LINE__)
/** Create an unmanaged pool with its own allocator. */
#define apr_pool_create_core(newpool) \
    apr_pool_create_unmanaged_ex_debug(newpool, NULL, NULL, \
                                       APR_POOL__FILE_LINE__)
/** Create an unmanaged pool with its own allocator. */
#define apr_pool_create_unmanaged(newpool) \
    apr_pool_create_unmanaged_ex_debug(newpool, NULL, NULL, \
                                       APR_POOL__FILE_LINE__)
#else
/** Create a pool under @a parent (NULL: the global pool). */
#define apr_pool_create(newpool, parent) \
    apr_pool_create_ex(newpool, parent, NULL, NULL)
/** Create an unmanaged pool with its own allocator. */
#define apr_pool_create_core(newpool) \
    apr_pool_create_unmanaged_ex(newpool, NULL, NULL)
/** Create an unmanaged pool with its own allocator. */
#define apr_pool_create_unmanaged(newpool) \
    apr_pool_create_unmanaged_ex(newpool, NULL, NULL)
#endif

/**
 * The allocator the pool draws its blocks from.
 * @param pool The pool.
 */
APR_DECLARE(apr_allocator_t *) apr_pool_allocator_get(apr_pool_t *pool)
                               __attribute__((nonnull(1)));

/**
 * Empty a pool for reuse: run its pre-cleanups, destroy its subpools, run
 * its cleanups, forget its user data and make all its memory available
 * again (the pool keeps its first block; the others go back to the
 * allocator).
 * @param p The pool.
 */
APR_DECLARE(void) apr_pool_clear(apr_pool_t *p) __attribute__((nonnull(1)));

/** apr_pool_clear() with the caller's "file:line". */
APR_DECLARE(void) apr_pool_clear_debug(apr_pool_t *p, const char *file_line)
                  __attribute__((nonnull(1)));

/**
 * Destroy a pool: what apr_pool_clear() does, then detach it from its
 * parent and give all its memory back (and destroy its allocator if the
 * pool owns it).
 * @param p The pool; it must not be used afterwards.
 */
APR_DECLARE(void) apr_pool_destroy(apr_pool_t *p) __attribute__((nonnull(1)));

/** apr_pool_destroy() with the caller's "file:line". */
APR_DECLARE(void) apr_pool_destroy_debug(apr_pool_t *p, const char *file_line)
                  __attribute__((nonnull(1)));

#if APR_POOL_DEBUG
#define apr_pool_clear(p) apr_pool_clear_debug(p, APR_POOL__FILE_LINE__)
#define apr_pool_destroy(p) apr_pool_destroy_debug(p, APR_POOL__FILE_LINE__)
#endif

/**
 * Allocate @a size bytes from a pool, aligned for any type
 * (APR_ALIGN_DEFAULT); the memory is not initialised.
 * @param p The pool.
 * @param size Bytes wanted (0 is allowed).
 * @return The memory, or NULL on failure (after the abort function ran).
 */
APR_DECLARE(void *) apr_palloc(apr_pool_t *p, apr_size_t size)
#if defined(__GNUC__) && (__GNUC__ > 4 || (__GNUC__ == 4 && __GNUC_MINOR__ >= 4))
                    __attribute__((alloc_size(2)))
#endif
                    __attribute__((nonnull(1)));

/** apr_palloc() with the caller's "file:line". */
APR_DECLARE(void *) apr_palloc_debug(apr_pool_t *p, apr_size_t size,
                                     const char *file_line)
#if defined(__GNUC__) && (__GNUC__ > 4 || (__GNUC__ == 4 && __GNUC_MINOR__ >= 4))
                    __attribute__((alloc_size(2)))
#endif
                    __attribute__((nonnull(1)));

/**
 * apr_palloc() then zero the memory. Also a function of the same name,
 * for callers that take its address.
 * @param p The pool.
 * @param size Bytes wanted.
 * @return The zeroed memory.
 */
APR_DECLARE(void *) apr_pcalloc(apr_pool_t *p, apr_size_t size)
                    __attribute__((nonnull(1)));

/** apr_pcalloc() with the caller's "file:line". */
APR_DECLARE(void *) apr_pcalloc_debug(apr_pool_t *p, apr_size_t size,
                                      const char *file_line)
                    __attribute__((nonnull(1)));

#if APR_POOL_DEBUG
#define apr_palloc(p, size) apr_palloc_debug(p, size, APR_POOL__FILE_LINE__)
#define apr_pcalloc(p, size) apr_pcalloc_debug(p, size, APR_POOL__FILE_LINE__)
#else
#define apr_pcalloc(p, size) memset(apr_palloc(p, size), 0, size)
#endif

/**
 * Set the function a pool calls when it cannot get memory.
 * @param abortfunc The function, or NULL (the failing call then returns
 *        NULL or APR_ENOMEM).
 * @param pool The pool.
 */
APR_DECLARE(void) apr_pool_abort_set(apr_abortfunc_t abortfunc,
                                     apr_pool_t *pool)
                  __attribute__((nonnull(2)));

/**
 * The pool's abort function, or NULL.
 * @param pool The pool.
 */
APR_DECLARE(apr_abortfunc_t) apr_pool_abort_get(apr_pool_t *pool)
                             __attribute__((nonnull(1)));

/**
 * The pool's parent: NULL for the global pool and unmanaged pools.
 * @param pool The pool.
 */
APR_DECLARE(apr_pool_t *) apr_pool_parent_get(apr_pool_t *pool)
                          __attribute__((nonnull(1)));

/**
 * Whether @a a is @a b or one of its ancestors; NULL is the ancestor of
 * every pool.
 * @param a The presumed ancestor.
 * @param b The pool whose ancestry is searched.
 * @return Non-zero if so, 0 if not.
 */
APR_DECLARE(int) apr_pool_is_ancestor(apr_pool_t *a, apr_pool_t *b);

/**
 * Name a pool (for debugging). The string is not copied.
 * @param pool The pool.
 * @param tag The name.
 */
APR_DECLARE(void) apr_pool_tag(apr_pool_t *pool, const char *tag)
                  __attribute__((nonnull(1)));

/**
 * Attach @a data to the pool under @a key, replacing any previous value;
 * a copy of the key is kept (in the pool), so a key from a buffer is fine.
 * Setting NULL removes the key. Keys are shared by everyone using the
 * pool: prefix them.
 * @param data The value (must live as long as the pool).
 * @param key The key string.
 * @param cleanup If not NULL, registered as a cleanup of @a data (both
 *        plain and child) on the pool.
 * @param pool The pool.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_pool_userdata_set(const void *data,
                                                const char *key,
                                                apr_status_t (*cleanup)(void *),
                                                apr_pool_t *pool)
                          __attribute__((nonnull(2, 4)));

/**
 * Like apr_pool_userdata_set() but the key is not copied: it must stay at
 * the same address, with the same content, as long as the pool lives
 * (a string literal of the program, not of an unloadable module).
 */
APR_DECLARE(apr_status_t) apr_pool_userdata_setn(const void *data,
                                                 const char *key,
                                                 apr_status_t (*cleanup)(void *),
                                                 apr_pool_t *pool)
                          __attribute__((nonnull(2, 4)));

/**
 * Get the data attached under @a key.
 * @param data Receives the value, or NULL if the key is not set.
 * @param key The key string.
 * @param pool The pool.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_pool_userdata_get(void **data, const char *key,
                                                apr_pool_t *pool)
                          __attribute__((nonnull(1, 2, 3)));

/**
 * @defgroup PoolCleanup Pool Cleanup Functions
 *
 * Cleanups run last registered, first run, when the pool is cleared or
 * destroyed, after its subpools are gone. A cleanup may allocate from the
 * pool and register further cleanups (they run next); subpools it creates
 * are not cleaned up for it.
 * @{
 */

/**
 * Register a cleanup.
 * @param p The pool (NULL: nothing is registered).
 * @param data The argument of both functions.
 * @param plain_cleanup Run when the pool is cleared or destroyed.
 * @param child_cleanup Run by apr_pool_cleanup_for_exec() in a forked
 *        child before exec (apr_pool_cleanup_null for nothing).
 */
APR_DECLARE(void) apr_pool_cleanup_register(apr_pool_t *p, const void *data,
                                            apr_status_t (*plain_cleanup)(void *),
                                            apr_status_t (*child_cleanup)(void *))
                  __attribute__((nonnull(3, 4)));

/**
 * Register a cleanup that runs before the subpools are destroyed (and
 * before the ordinary cleanups); pre-cleanups run last registered first
 * and are not run for exec.
 * @param p The pool (NULL: nothing is registered).
 * @param data The argument of the function.
 * @param plain_cleanup The function.
 */
APR_DECLARE(void) apr_pool_pre_cleanup_register(apr_pool_t *p,
                                                const void *data,
                                                apr_status_t (*plain_cleanup)(void *))
                  __attribute__((nonnull(3)));

/**
 * Unregister, without running it, the most recently registered cleanup of
 * @a p with this data and plain cleanup function (a pre-cleanup too).
 * @param p The pool (NULL: nothing happens).
 * @param data The data it was registered with.
 * @param cleanup Its plain cleanup function.
 */
APR_DECLARE(void) apr_pool_cleanup_kill(apr_pool_t *p, const void *data,
                                        apr_status_t (*cleanup)(void *))
                  __attribute__((nonnull(3)));

/**
 * Replace the child cleanup of the most recently registered cleanup of
 * @a p with this data and plain cleanup function.
 * @param p The pool (NULL: nothing happens).
 * @param data The data it was registered with.
 * @param plain_cleanup Its plain cleanup function.
 * @param child_cleanup The new child cleanup.
 */
APR_DECLARE(void) apr_pool_child_cleanup_set(apr_pool_t *p, const void *data,
                                             apr_status_t (*plain_cleanup)(void *),
                                             apr_status_t (*child_cleanup)(void *))
                  __attribute__((nonnull(3, 4)));

/**
 * Unregister a cleanup as apr_pool_cleanup_kill() does, then call
 * @a cleanup with @a data (whether or not it was registered).
 * @param p The pool.
 * @param data The data.
 * @param cleanup The function.
 * @return What @a cleanup returned.
 */
APR_DECLARE(apr_status_t) apr_pool_cleanup_run(apr_pool_t *p, void *data,
                                               apr_status_t (*cleanup)(void *))
                          __attribute__((nonnull(3)));

/**
 * A cleanup that does nothing, for registrations that need none.
 * @param data Ignored.
 * @return APR_SUCCESS.
 */
APR_DECLARE_NONSTD(apr_status_t) apr_pool_cleanup_null(void *data);

/**
 * In a forked child about to exec: run (and unregister) the child cleanup
 * of every cleanup of every pool under the global pool, so that
 * descriptors get closed. Frees no memory, waits for nothing.
 */
APR_DECLARE(void) apr_pool_cleanup_for_exec(void);

/** @} */

/**
 * @defgroup PoolDebug Pool Debugging functions
 * Only APR_POOL_DEBUG builds have them as functions; in a release build
 * apr_pool_join() and apr_pool_lock() expand to nothing.
 * @{
 */
#if APR_POOL_DEBUG
/** Declare that @a sub lives as long as @a p (for lifetime checks). */
APR_DECLARE(void) apr_pool_join(apr_pool_t *p, apr_pool_t *sub)
                  __attribute__((nonnull(2)));

/** The pool @a mem was allocated from, or NULL. */
APR_DECLARE(apr_pool_t *) apr_pool_find(const void *mem);

/** Bytes allocated in @a p (and its subpools if @a recurse). */
APR_DECLARE(apr_size_t) apr_pool_num_bytes(apr_pool_t *p, int recurse)
                        __attribute__((nonnull(1)));

/** Forbid (flag non-zero) or allow further allocations from @a pool. */
APR_DECLARE(void) apr_pool_lock(apr_pool_t *pool, int flag);
#else
#ifdef apr_pool_join
#undef apr_pool_join
#endif
/** Nothing in a release build. */
#define apr_pool_join(a, b)
#ifdef apr_pool_lock
#undef apr_pool_lock
#endif
/** Nothing in a release build. */
#define apr_pool_lock(pool, lock)
#endif

/** @} */
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* !APR_POOLS_H */
