/*
 * Hash tables: separate chaining over a power-of-two bucket array that
 * doubles when the entry count passes the bucket count. Entries come from
 * the table's pool and are recycled through a free list when removed, so
 * a table whose size stays bounded stops allocating.
 *
 * Tables made without a hash function hash keys with seeded_hash(): eight
 * bytes per multiply, started from a per-table seed so that bucket
 * placement (and iteration order) cannot be predicted from the outside.
 * apr_hashfunc_default() keeps APR's "times 33" values, since callers may
 * store them; a byte-serial chain of multiply-adds is however the slowest
 * part of a lookup, so the tables do not use it themselves.
 */
#include <string.h>

#include "apr_hash.h"

#define INITIAL_MAX 15 /* bucket count minus one: always 2^n - 1 */

typedef struct hash_entry hash_entry;

struct hash_entry {
    hash_entry *next;
    unsigned int hash;
    const void *key;
    apr_ssize_t klen;
    const void *val;
};

struct apr_hash_index_t {
    apr_hash_t *ht;
    hash_entry *cur, *next; /* next is saved so cur may be removed */
    unsigned int index;
};

struct apr_hash_t {
    apr_pool_t *pool;
    hash_entry **array;
    apr_hash_index_t iterator; /* for apr_hash_first(NULL, ...) */
    unsigned int count, max, seed;
    apr_hashfunc_t hash_func;
    hash_entry *free; /* recycled entries */
};

/* APR's "times 33" hash, unseeded: its values are part of the API. */
APR_DECLARE_NONSTD(unsigned int) apr_hashfunc_default(const char *key,
                                                      apr_ssize_t *klen)
{
    const unsigned char *k = (const unsigned char *)key;
    unsigned int hash = 0;
    apr_ssize_t i;

    if (*klen == APR_HASH_KEY_STRING) {
        for (; *k; k++)
            hash = hash * 33 + *k;
        *klen = (apr_ssize_t)(k - (const unsigned char *)key);
        return hash;
    }
    for (i = 0; i < *klen; i++)
        hash = hash * 33 + k[i];
    return hash;
}

static APR_INLINE apr_uint64_t load64(const unsigned char *p)
{
    apr_uint64_t v;

    memcpy(&v, p, sizeof v);
    return v;
}

static APR_INLINE apr_uint64_t load32(const unsigned char *p)
{
    apr_uint32_t v;

    memcpy(&v, p, sizeof v);
    return v;
}

static APR_INLINE apr_uint64_t mix(apr_uint64_t h)
{
    h *= 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
}

/* The tables' own hash: whole words at a time, the tail read with
 * overlapping loads (never outside the key's len bytes). */
static APR_INLINE unsigned int seeded_hash(const void *key, apr_ssize_t *klen,
                                           unsigned int seed)
{
    const unsigned char *p = key;
    apr_size_t len;
    apr_uint64_t h, t;

    if (*klen == APR_HASH_KEY_STRING)
        *klen = (apr_ssize_t)strlen(key);
    len = (apr_size_t)*klen;
    h = seed ^ ((apr_uint64_t)len * 0xBF58476D1CE4E5B9ull);
    for (; len > 8; p += 8, len -= 8)
        h = mix(h ^ load64(p));
    if (len >= 4)
        t = load32(p) << 32 | load32(p + len - 4);
    else if (len > 0)
        t = (apr_uint64_t)p[0] << 16 | (apr_uint64_t)p[len >> 1] << 8
            | p[len - 1];
    else
        t = 0;
    h = mix(mix(h ^ t));
    return (unsigned int)(h ^ (h >> 32));
}

static APR_INLINE unsigned int hash_of(const apr_hash_t *ht, const void *key,
                                       apr_ssize_t *klen)
{
    if (ht->hash_func)
        return ht->hash_func(key, klen);
    return seeded_hash(key, klen, ht->seed);
}

static hash_entry **alloc_array(apr_hash_t *ht, unsigned int max)
{
    size_t bytes = sizeof(hash_entry *) * ((size_t)max + 1);
    hash_entry **a = apr_palloc(ht->pool, bytes);

    memset(a, 0, bytes);
    return a;
}

static unsigned int make_seed(apr_pool_t *pool, const void *ht)
{
    static unsigned int counter;
    apr_uintptr_t x = (apr_uintptr_t)pool ^ ((apr_uintptr_t)ht << 7)
                      ^ (apr_uintptr_t)&counter;
    apr_uint64_t v = (apr_uint64_t)x + ++counter * 0x9E3779B97F4A7C15ull;

    v ^= v >> 31;
    v *= 0xBF58476D1CE4E5B9ull;
    v ^= v >> 29;
    return (unsigned int)v;
}

APR_DECLARE(apr_hash_t *) apr_hash_make(apr_pool_t *pool)
{
    apr_hash_t *ht = apr_palloc(pool, sizeof(*ht));

    ht->pool = pool;
    ht->free = NULL;
    ht->count = 0;
    ht->max = INITIAL_MAX;
    ht->seed = make_seed(pool, ht);
    ht->hash_func = NULL;
    ht->array = alloc_array(ht, ht->max);
    return ht;
}

APR_DECLARE(apr_hash_t *) apr_hash_make_custom(apr_pool_t *pool,
                                               apr_hashfunc_t hash_func)
{
    apr_hash_t *ht = apr_hash_make(pool);

    ht->hash_func = hash_func;
    return ht;
}

APR_DECLARE(apr_hash_index_t *) apr_hash_next(apr_hash_index_t *hi)
{
    hi->cur = hi->next;
    while (!hi->cur) {
        if (hi->index > hi->ht->max)
            return NULL;
        hi->cur = hi->ht->array[hi->index++];
    }
    hi->next = hi->cur->next;
    return hi;
}

APR_DECLARE(apr_hash_index_t *) apr_hash_first(apr_pool_t *p, apr_hash_t *ht)
{
    apr_hash_index_t *hi = p ? apr_palloc(p, sizeof(*hi)) : &ht->iterator;

    hi->ht = ht;
    hi->index = 0;
    hi->cur = NULL;
    hi->next = NULL;
    return apr_hash_next(hi);
}

APR_DECLARE(void) apr_hash_this(apr_hash_index_t *hi, const void **key,
                                apr_ssize_t *klen, void **val)
{
    if (key)
        *key = hi->cur->key;
    if (klen)
        *klen = hi->cur->klen;
    if (val)
        *val = (void *)hi->cur->val;
}

APR_DECLARE(const void *) apr_hash_this_key(apr_hash_index_t *hi)
{
    return hi->cur->key;
}

APR_DECLARE(apr_ssize_t) apr_hash_this_key_len(apr_hash_index_t *hi)
{
    return hi->cur->klen;
}

APR_DECLARE(void *) apr_hash_this_val(apr_hash_index_t *hi)
{
    return (void *)hi->cur->val;
}

/* Doubles the bucket array, keeping each chain's relative order. */
static void expand_array(apr_hash_t *ht)
{
    unsigned int new_max = ht->max * 2 + 1, i;
    hash_entry **new_array = alloc_array(ht, new_max);
    hash_entry **tails[2];
    hash_entry *e, *next;

    for (i = 0; i <= ht->max; i++) {
        /* Bucket i splits into buckets i and i + max + 1. */
        tails[0] = &new_array[i];
        tails[1] = &new_array[i + ht->max + 1];
        for (e = ht->array[i]; e; e = next) {
            int hi = (e->hash & (ht->max + 1)) != 0;
            next = e->next;
            e->next = NULL;
            *tails[hi] = e;
            tails[hi] = &e->next;
        }
    }
    ht->array = new_array;
    ht->max = new_max;
}

/* The link that points (or would point) to the entry for key. */
static APR_INLINE hash_entry **find_entry(const apr_hash_t *ht,
                                          const void *key, apr_ssize_t *klen,
                                          unsigned int *hashp)
{
    unsigned int hash = hash_of(ht, key, klen);
    hash_entry **hep, *he;

    *hashp = hash;
    for (hep = &ht->array[hash & ht->max]; (he = *hep) != NULL;
         hep = &he->next) {
        if (he->hash == hash && he->klen == *klen
            && memcmp(he->key, key, (size_t)*klen) == 0)
            break;
    }
    return hep;
}

APR_DECLARE(void *) apr_hash_get(apr_hash_t *ht, const void *key,
                                 apr_ssize_t klen)
{
    unsigned int hash;
    hash_entry *he = *find_entry(ht, key, &klen, &hash);

    return he ? (void *)he->val : NULL;
}

static hash_entry *new_entry(apr_hash_t *ht)
{
    hash_entry *he = ht->free;

    if (he)
        ht->free = he->next;
    else
        he = apr_palloc(ht->pool, sizeof(*he));
    return he;
}

APR_DECLARE(void) apr_hash_set(apr_hash_t *ht, const void *key,
                               apr_ssize_t klen, const void *val)
{
    unsigned int hash;
    hash_entry **hep = find_entry(ht, key, &klen, &hash);
    hash_entry *he = *hep;

    if (he) {
        if (val) {
            he->val = val;
            return;
        }
        *hep = he->next;
        he->next = ht->free;
        ht->free = he;
        ht->count--;
        return;
    }
    if (!val)
        return;
    he = new_entry(ht);
    he->next = NULL;
    he->hash = hash;
    he->key = key;
    he->klen = klen;
    he->val = val;
    *hep = he;
    if (++ht->count > ht->max)
        expand_array(ht);
}

APR_DECLARE(unsigned int) apr_hash_count(apr_hash_t *ht)
{
    return ht->count;
}

APR_DECLARE(void) apr_hash_clear(apr_hash_t *ht)
{
    unsigned int i;
    hash_entry *e, *next;

    for (i = 0; i <= ht->max; i++) {
        for (e = ht->array[i]; e; e = next) {
            next = e->next;
            e->next = ht->free;
            ht->free = e;
        }
        ht->array[i] = NULL;
    }
    ht->count = 0;
}

/* A table in pool with the same hash settings as like and max buckets. */
static apr_hash_t *hash_like(apr_pool_t *pool, const apr_hash_t *like,
                             unsigned int max)
{
    apr_hash_t *ht = apr_palloc(pool, sizeof(*ht));

    ht->pool = pool;
    ht->free = NULL;
    ht->count = 0;
    ht->max = max;
    ht->seed = like->seed;
    ht->hash_func = like->hash_func;
    ht->array = alloc_array(ht, max);
    return ht;
}

APR_DECLARE(apr_hash_t *) apr_hash_copy(apr_pool_t *pool, const apr_hash_t *h)
{
    apr_hash_t *ht = hash_like(pool, h, h->max);
    hash_entry *block = NULL, **tail, *e;
    unsigned int i, j = 0;

    if (h->count)
        block = apr_palloc(pool, sizeof(*block) * h->count);
    for (i = 0; i <= h->max; i++) {
        tail = &ht->array[i];
        for (e = h->array[i]; e; e = e->next) {
            block[j] = *e;
            block[j].next = NULL;
            *tail = &block[j];
            tail = &block[j].next;
            j++;
        }
    }
    ht->count = h->count;
    return ht;
}

APR_DECLARE(apr_hash_t *) apr_hash_merge(apr_pool_t *p,
                                         const apr_hash_t *overlay,
                                         const apr_hash_t *base,
                                         void * (*merger)(apr_pool_t *p,
                                                     const void *key,
                                                     apr_ssize_t klen,
                                                     const void *h1_val,
                                                     const void *h2_val,
                                                     const void *data),
                                         const void *data)
{
    unsigned int max = overlay->max > base->max ? overlay->max : base->max;
    apr_hash_t *res;
    hash_entry *block = NULL, *e, *he, **hep;
    unsigned int i, j = 0, hash;
    int same_hash;

    while (base->count + overlay->count > max)
        max = max * 2 + 1;
    res = hash_like(p, base, max);
    if (base->count + overlay->count)
        block = apr_palloc(p, sizeof(*block) * (base->count + overlay->count));

    for (i = 0; i <= base->max; i++) {
        for (e = base->array[i]; e; e = e->next) {
            he = &block[j++];
            *he = *e;
            he->next = res->array[e->hash & res->max];
            res->array[e->hash & res->max] = he;
        }
    }
    res->count = j;

    same_hash = overlay->hash_func == res->hash_func
                && (res->hash_func || overlay->seed == res->seed);
    for (i = 0; i <= overlay->max; i++) {
        for (e = overlay->array[i]; e; e = e->next) {
            apr_ssize_t klen = e->klen;
            if (same_hash) {
                hash = e->hash;
                for (hep = &res->array[hash & res->max]; (he = *hep) != NULL;
                     hep = &he->next)
                    if (he->hash == hash && he->klen == klen
                        && memcmp(he->key, e->key, (size_t)klen) == 0)
                        break;
            }
            else {
                hep = find_entry(res, e->key, &klen, &hash);
                he = *hep;
            }
            if (he) {
                he->val = merger ? merger(p, e->key, e->klen, e->val, he->val,
                                          data)
                                 : e->val;
                continue;
            }
            he = &block[j++];
            he->next = NULL;
            he->hash = hash;
            he->key = e->key;
            he->klen = e->klen;
            he->val = e->val;
            *hep = he;
            res->count++;
        }
    }
    return res;
}

APR_DECLARE(apr_hash_t *) apr_hash_overlay(apr_pool_t *p,
                                           const apr_hash_t *overlay,
                                           const apr_hash_t *base)
{
    return apr_hash_merge(p, overlay, base, NULL, NULL);
}

APR_DECLARE(int) apr_hash_do(apr_hash_do_callback_fn_t *comp, void *rec,
                             const apr_hash_t *ht)
{
    apr_hash_index_t hi;

    hi.ht = (apr_hash_t *)ht;
    hi.index = 0;
    hi.cur = hi.next = NULL;
    while (apr_hash_next(&hi))
        if (!comp(rec, hi.cur->key, hi.cur->klen, hi.cur->val))
            return 0;
    return 1;
}

APR_DECLARE(apr_pool_t *) apr_hash_pool_get(const apr_hash_t *thehash)
{
    return thehash->pool;
}
