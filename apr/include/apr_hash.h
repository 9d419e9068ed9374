/*
 * apr_hash.h: hash tables mapping keys (byte strings of a given length, or
 * NUL-terminated strings) to pointers.
 *
 * Ownership: a hash table and its entries belong to the pool given at
 * creation. Keys and values are stored by reference, never copied: they
 * must live as long as the table uses them. Not thread-safe. Iteration
 * order is unspecified and may differ between runs and between tables.
 */
#ifndef APR_HASH_H
#define APR_HASH_H

#include "apr.h"
#include "apr_pools.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Pass as a key length to mean "key is a NUL-terminated string". */
#define APR_HASH_KEY_STRING (-1)

/** A hash table (opaque). */
typedef struct apr_hash_t apr_hash_t;

/** An iteration position in a hash table (opaque). */
typedef struct apr_hash_index_t apr_hash_index_t;

/**
 * A hash function: returns the hash of key; when *klen is
 * APR_HASH_KEY_STRING it must also store the key's string length there.
 */
typedef unsigned int (*apr_hashfunc_t)(const char *key, apr_ssize_t *klen);

/**
 * The default hash function ("times 33" over the key's bytes, unseeded);
 * sets *klen to strlen(key) when it is APR_HASH_KEY_STRING.
 */
APR_DECLARE_NONSTD(unsigned int) apr_hashfunc_default(const char *key,
                                                      apr_ssize_t *klen);

/** A new empty hash table in pool, using a seeded default hash. */
APR_DECLARE(apr_hash_t *) apr_hash_make(apr_pool_t *pool);

/** A new empty hash table in pool that hashes keys with hash_func. */
APR_DECLARE(apr_hash_t *) apr_hash_make_custom(apr_pool_t *pool,
                                               apr_hashfunc_t hash_func);

/**
 * A copy of h in pool with the same entries (keys and values shared) and
 * the same hash function.
 */
APR_DECLARE(apr_hash_t *) apr_hash_copy(apr_pool_t *pool,
                                        const apr_hash_t *h);

/**
 * Maps key (klen bytes, or a string if klen is APR_HASH_KEY_STRING) to
 * val; a NULL val removes the key. When the key is present, only its value
 * is replaced (the stored key pointer stays).
 */
APR_DECLARE(void) apr_hash_set(apr_hash_t *ht, const void *key,
                               apr_ssize_t klen, const void *val);

/** The value stored for key, or NULL. */
APR_DECLARE(void *) apr_hash_get(apr_hash_t *ht, const void *key,
                                 apr_ssize_t klen);

/**
 * Starts an iteration: the first position, or NULL when ht is empty. With
 * p NULL the position lives inside ht (one such iteration at a time);
 * otherwise it is allocated from p. Removing the entry at the current
 * position (apr_hash_set with NULL) during iteration is safe.
 */
APR_DECLARE(apr_hash_index_t *) apr_hash_first(apr_pool_t *p, apr_hash_t *ht);

/** The next position, or NULL at the end. */
APR_DECLARE(apr_hash_index_t *) apr_hash_next(apr_hash_index_t *hi);

/** Reads the entry at hi; each output pointer may be NULL. */
APR_DECLARE(void) apr_hash_this(apr_hash_index_t *hi, const void **key,
                                apr_ssize_t *klen, void **val);

/** The key of the entry at hi. */
APR_DECLARE(const void *) apr_hash_this_key(apr_hash_index_t *hi);

/** The key length of the entry at hi (the string length for string keys). */
APR_DECLARE(apr_ssize_t) apr_hash_this_key_len(apr_hash_index_t *hi);

/** The value of the entry at hi. */
APR_DECLARE(void *) apr_hash_this_val(apr_hash_index_t *hi);

/** The number of entries. */
APR_DECLARE(unsigned int) apr_hash_count(apr_hash_t *ht);

/** Removes every entry. */
APR_DECLARE(void) apr_hash_clear(apr_hash_t *ht);

/**
 * A new table in p with the entries of both; where both have a key, the
 * value from overlay wins.
 */
APR_DECLARE(apr_hash_t *) apr_hash_overlay(apr_pool_t *p,
                                           const apr_hash_t *overlay,
                                           const apr_hash_t *base);

/**
 * A new table in p with the entries of h1 and h2. For keys in both, the
 * value is merger(p, key, klen, h1_val, h2_val, data), or h1's value when
 * merger is NULL.
 */
APR_DECLARE(apr_hash_t *) apr_hash_merge(apr_pool_t *p,
                                         const apr_hash_t *h1,
                                         const apr_hash_t *h2,
                                         void * (*merger)(apr_pool_t *p,
                                                     const void *key,
                                                     apr_ssize_t klen,
                                                     const void *h1_val,
                                                     const void *h2_val,
                                                     const void *data),
                                         const void *data);

/**
 * Callback of apr_hash_do(): return non-zero to go on, zero to stop.
 */
typedef int (apr_hash_do_callback_fn_t)(void *rec, const void *key,
                                        apr_ssize_t klen, const void *value);

/**
 * Calls comp for every entry of ht until it returns zero. Returns 1 when
 * every call returned non-zero, 0 otherwise. Do not modify ht meanwhile.
 */
APR_DECLARE(int) apr_hash_do(apr_hash_do_callback_fn_t *comp,
                             void *rec, const apr_hash_t *ht);

/** The pool the hash table was made in. */
APR_DECLARE(apr_pool_t *) apr_hash_pool_get(const apr_hash_t *thehash);

#ifdef __cplusplus
}
#endif

#endif /* APR_HASH_H */
