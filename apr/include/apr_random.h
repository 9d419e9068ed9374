/*
 * apr_random.h: a pool-based pseudo-random generator fed by the caller's
 * entropy (Fortuna-like, after Ben Laurie's design), and the SHA-256 hash
 * object it is built on.
 *
 * The generator never gathers entropy itself: the caller feeds it with
 * apr_random_add_entropy() (for example from apr_generate_random_bytes()).
 * Given the same sequence of entropy bytes it produces the same output.
 * A generator is owned by the pool it was created from, and is not safe to
 * use from several threads at once.
 */
#ifndef APR_RANDOM_H
#define APR_RANDOM_H

#include "apr_pools.h"
#include "apr_thread_proc.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_random PRNG Routines
 * @ingroup APR
 * @{
 */

/** A hash function object (see struct apr_crypto_hash_t). */
typedef struct apr_crypto_hash_t apr_crypto_hash_t;

/** Reset @a hash to start a new digest. */
typedef void apr_crypto_hash_init_t(apr_crypto_hash_t *hash);
/** Feed @a bytes bytes of @a data into the digest in progress. */
typedef void apr_crypto_hash_add_t(apr_crypto_hash_t *hash, const void *data,
                                   apr_size_t bytes);
/** Write the digest (hash->size bytes) to @a result. */
typedef void apr_crypto_hash_finish_t(apr_crypto_hash_t *hash,
                                      unsigned char *result);

/**
 * A hash function: its three operations, its digest size in bytes and its
 * private state. The layout is public in APR 1.7 and kept as is.
 */
struct apr_crypto_hash_t {
    apr_crypto_hash_init_t *init;     /**< start a digest */
    apr_crypto_hash_add_t *add;       /**< add data */
    apr_crypto_hash_finish_t *finish; /**< write the digest */
    apr_size_t size;                  /**< digest size in bytes */
    void *data;                       /**< the function's own state */
};

/**
 * A new SHA-256 hash object (size 32), allocated from @a p.
 */
APR_DECLARE(apr_crypto_hash_t *) apr_crypto_sha256_new(apr_pool_t *p);

/** A generator's state (opaque). */
typedef struct apr_random_t apr_random_t;

/**
 * Set up the generator @a g, which must have been allocated by
 * apr_random_standard_new() (the type is opaque), with the given hash
 * objects. It starts with no entropy: nothing can be drawn from it yet.
 * @param g The generator
 * @param p Pool for the generator's buffers; @a g lives no longer than it
 * @param pool_hash Compresses the entropy pools
 * @param key_hash Derives a new key at each reseed
 * @param prng_hash Produces the output stream
 */
APR_DECLARE(void) apr_random_init(apr_random_t *g, apr_pool_t *p,
                                  apr_crypto_hash_t *pool_hash,
                                  apr_crypto_hash_t *key_hash,
                                  apr_crypto_hash_t *prng_hash);

/**
 * A new generator using SHA-256 for its three hashes, from @a p.
 */
APR_DECLARE(apr_random_t *) apr_random_standard_new(apr_pool_t *p);

/**
 * Mix @a bytes bytes of @a entropy_ into the generator's pools. The
 * generator reseeds itself each time its first pool is full; after enough
 * reseeds it becomes ready (see apr_random_insecure_ready(),
 * apr_random_secure_ready()).
 */
APR_DECLARE(void) apr_random_add_entropy(apr_random_t *g,
                                         const void *entropy_,
                                         apr_size_t bytes);

/**
 * Fill @a random with @a bytes bytes of output suitable for
 * non-cryptographic use.
 * @return APR_SUCCESS, or APR_ENOTENOUGHENTROPY (nothing written) before
 * the generator has had enough entropy
 */
APR_DECLARE(apr_status_t) apr_random_insecure_bytes(apr_random_t *g,
                                                    void *random,
                                                    apr_size_t bytes);

/**
 * Fill @a random with @a bytes bytes of cryptographically strong output.
 * @return APR_SUCCESS, or APR_ENOTENOUGHENTROPY (nothing written) until the
 * generator has been fed much more entropy than insecure output needs, and
 * again after apr_random_barrier()
 */
APR_DECLARE(apr_status_t) apr_random_secure_bytes(apr_random_t *g,
                                                  void *random,
                                                  apr_size_t bytes);

/**
 * Require fresh entropy, enough for secure output again, before the next
 * apr_random_secure_bytes() succeeds.
 */
APR_DECLARE(void) apr_random_barrier(apr_random_t *g);

/**
 * @return APR_SUCCESS when apr_random_secure_bytes() would succeed,
 * APR_ENOTENOUGHENTROPY otherwise
 */
APR_DECLARE(apr_status_t) apr_random_secure_ready(apr_random_t *r);

/**
 * @return APR_SUCCESS when apr_random_insecure_bytes() would succeed,
 * APR_ENOTENOUGHENTROPY otherwise
 */
APR_DECLARE(apr_status_t) apr_random_insecure_ready(apr_random_t *r);

/**
 * Call in a child process after a fork: mixes the child's pid (from
 * @a proc, as filled in by apr_proc_fork()) into every live generator of
 * the process and drops any buffered output, so parent and child stop
 * producing the same bytes. Feeding fresh entropy afterwards is still
 * advised. apr_proc_fork() calls it itself.
 */
APR_DECLARE(void) apr_random_after_fork(apr_proc_t *proc);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_RANDOM_H */
