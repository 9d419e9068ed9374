/*
 * The pool-based generator of apr_random.h (Ben Laurie's design, as in
 * APR 1.7, so that equal entropy gives equal output in both libraries).
 *
 * Entropy bytes are dealt round-robin into POOL_COUNT pools. Each time pool
 * 0 holds reseed_size bytes, the key H is rehashed with the pools chosen by
 * the generation counter: pool 0 always, pool n when bit n-1 of the
 * generation is set, so pool n feeds the key every 2^n reseeds and an
 * attacker who knows some of the entropy cannot follow the key for long.
 *
 * Insecure output is allowed after G_FOR_INSECURE reseeds. From then on
 * reseeds go to a second key, H_waiting, which replaces H after
 * G_FOR_SECURE further reseeds: only then is secure output allowed.
 * apr_random_barrier() restarts that wait.
 *
 * Output is drawn in blocks: the head of H becomes hash(H), and the block
 * is the hash of that head.
 *
 * Nothing here depends on the platform: entropy comes from the caller.
 */
#include <string.h>
#include <sys/types.h>

#include "apr_random.h"
#include "apr_errno.h"
#include "apr_pools.h"
#include "sha256.h"

#define POOL_COUNT 32
#define REHASH_SIZE 1024
#define RESEED_SIZE 32
#define G_FOR_INSECURE 32
#define G_FOR_SECURE 320

typedef struct {
    unsigned char *buf;
    apr_size_t used;
    apr_size_t cap;
} entropy_pool_t;

struct apr_random_t {
    apr_pool_t *apr_pool;
    apr_crypto_hash_t *pool_hash;
    apr_crypto_hash_t *key_hash;
    apr_crypto_hash_t *prng_hash;

    entropy_pool_t pools[POOL_COUNT];
    unsigned int next_pool;
    unsigned int generation;
    apr_size_t rehash_size;
    apr_size_t reseed_size;

    unsigned char *H;          /* the key output is drawn from */
    unsigned char *H_waiting;  /* the key reseeds go to while waiting */
    unsigned char *block;      /* current output block */
    apr_size_t block_left;     /* unread bytes at the end of block */

    unsigned int g_for_insecure;
    unsigned int g_for_secure;
    unsigned int secure_base;  /* generation the secure wait started at */
    int insecure_started;
    int secure_started;

    apr_random_t *next;        /* every live generator, for after_fork */
};

static apr_random_t *all_random;

/* A key H is an output-hash-sized part followed by a key-hash digest:
 * reseeding rewrites only the digest (the tail), output hashing reads and
 * rewrites from the start. */
#define K_SIZE(g) ((g)->key_hash->size)
#define B_SIZE(g) ((g)->prng_hash->size)
#define H_SIZE(g) (K_SIZE(g) + B_SIZE(g))

/* The key that reseeds change now. */
static unsigned char *current_key(apr_random_t *g)
{
    return (g->insecure_started && !g->secure_started) ? g->H_waiting : g->H;
}

/* result = h(data[0..n)); result may overlap data. */
static void hash_once(apr_crypto_hash_t *h, unsigned char *result,
                      const void *data, apr_size_t n)
{
    h->init(h);
    h->add(h, data, n);
    h->finish(h, result);
}

static apr_status_t unlink_random(void *data)
{
    apr_random_t **pp;

    for (pp = &all_random; *pp; pp = &(*pp)->next) {
        if (*pp == data) {
            *pp = (*pp)->next;
            break;
        }
    }
    return APR_SUCCESS;
}

APR_DECLARE(void) apr_random_init(apr_random_t *g, apr_pool_t *p,
                                  apr_crypto_hash_t *pool_hash,
                                  apr_crypto_hash_t *key_hash,
                                  apr_crypto_hash_t *prng_hash)
{
    apr_size_t hs = pool_hash->size;

    memset(g, 0, sizeof(*g));
    g->apr_pool = p;
    g->pool_hash = pool_hash;
    g->key_hash = key_hash;
    g->prng_hash = prng_hash;
    /* A pool is halved by hashing pairs of digests: keep its limit a
     * multiple of two digests. */
    g->rehash_size = (REHASH_SIZE + 2 * hs - 1) / hs / 2 * hs * 2;
    g->reseed_size = RESEED_SIZE;
    g->H = apr_pcalloc(p, H_SIZE(g));
    g->H_waiting = apr_pcalloc(p, H_SIZE(g));
    g->block = apr_palloc(p, B_SIZE(g));
    g->g_for_insecure = G_FOR_INSECURE;
    g->g_for_secure = G_FOR_SECURE;

    g->next = all_random;
    all_random = g;
    /* Unlike APR 1.7, forget the generator when its pool goes, so a later
     * apr_random_after_fork() never touches freed memory. */
    apr_pool_cleanup_register(p, g, unlink_random, apr_pool_cleanup_null);
}

APR_DECLARE(apr_random_t *) apr_random_standard_new(apr_pool_t *p)
{
    apr_random_t *g = apr_palloc(p, sizeof(*g));

    apr_random_init(g, p, apr_crypto_sha256_new(p), apr_crypto_sha256_new(p),
                    apr_crypto_sha256_new(p));
    return g;
}

/* Derive a new key from the current one and the pools due this
 * generation, then advance the generation and the readiness state. */
static void reseed(apr_random_t *g)
{
    unsigned char *key = current_key(g);
    unsigned int n;

    g->key_hash->init(g->key_hash);
    g->key_hash->add(g->key_hash, key, H_SIZE(g));
    for (n = 0; n < POOL_COUNT && (n == 0 || (g->generation >> (n - 1)) & 1);
         n++) {
        if (g->pools[n].used)
            g->key_hash->add(g->key_hash, g->pools[n].buf, g->pools[n].used);
        g->pools[n].used = 0;
    }
    g->key_hash->finish(g->key_hash, key + B_SIZE(g));
    g->generation++;

    if (!g->insecure_started && g->generation > g->g_for_insecure) {
        g->insecure_started = 1;
        if (!g->secure_started) {
            memcpy(g->H_waiting, g->H, H_SIZE(g));
            g->secure_base = g->generation;
        }
    }
    if (!g->secure_started &&
        g->generation > g->secure_base + g->g_for_secure) {
        g->secure_started = 1;
        memcpy(g->H, g->H_waiting, H_SIZE(g));
    }
}

/* Append one byte to a pool, growing it, and halve the pool by hashing
 * when it reaches the rehash size. */
static void pool_add(apr_random_t *g, entropy_pool_t *ep, unsigned char c)
{
    apr_size_t hs = g->pool_hash->size, r;

    if (ep->used + 1 > ep->cap) {
        apr_size_t cap = (ep->used + 1) * 2;
        unsigned char *buf = apr_palloc(g->apr_pool, cap);

        if (ep->used)
            memcpy(buf, ep->buf, ep->used);
        ep->buf = buf;
        ep->cap = cap;
    }
    ep->buf[ep->used++] = c;
    if (ep->used == g->rehash_size) {
        /* Digest i replaces the pair of digests 2i, 2i+1 in place. */
        for (r = 0; r < ep->used / 2; r += hs)
            hash_once(g->pool_hash, ep->buf + r, ep->buf + 2 * r, 2 * hs);
        ep->used /= 2;
    }
}

APR_DECLARE(void) apr_random_add_entropy(apr_random_t *g,
                                         const void *entropy_,
                                         apr_size_t bytes)
{
    const unsigned char *e = entropy_;
    apr_size_t i;

    for (i = 0; i < bytes; i++) {
        pool_add(g, &g->pools[g->next_pool], e[i]);
        if (++g->next_pool == POOL_COUNT)
            g->next_pool = 0;
    }
    /* At most one reseed per call, as in APR 1.7. */
    if (g->pools[0].used >= g->reseed_size)
        reseed(g);
}

static void draw(apr_random_t *g, unsigned char *out, apr_size_t bytes)
{
    while (bytes > 0) {
        apr_size_t take;

        if (g->block_left == 0) {
            hash_once(g->prng_hash, g->H, g->H, H_SIZE(g));
            hash_once(g->prng_hash, g->block, g->H, B_SIZE(g));
            g->block_left = B_SIZE(g);
        }
        take = bytes < g->block_left ? bytes : g->block_left;
        memcpy(out, g->block + B_SIZE(g) - g->block_left, take);
        g->block_left -= take;
        out += take;
        bytes -= take;
    }
}

APR_DECLARE(apr_status_t) apr_random_secure_bytes(apr_random_t *g,
                                                  void *random,
                                                  apr_size_t bytes)
{
    if (!g->secure_started)
        return APR_ENOTENOUGHENTROPY;
    draw(g, random, bytes);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_random_insecure_bytes(apr_random_t *g,
                                                    void *random,
                                                    apr_size_t bytes)
{
    if (!g->insecure_started)
        return APR_ENOTENOUGHENTROPY;
    draw(g, random, bytes);
    return APR_SUCCESS;
}

APR_DECLARE(void) apr_random_barrier(apr_random_t *g)
{
    g->secure_started = 0;
    g->secure_base = g->generation;
}

APR_DECLARE(apr_status_t) apr_random_secure_ready(apr_random_t *r)
{
    return r->secure_started ? APR_SUCCESS : APR_ENOTENOUGHENTROPY;
}

APR_DECLARE(apr_status_t) apr_random_insecure_ready(apr_random_t *r)
{
    return r->insecure_started ? APR_SUCCESS : APR_ENOTENOUGHENTROPY;
}

/* key = key_hash(key || pid) */
static void mix_pid(apr_random_t *g, unsigned char *key, pid_t pid)
{
    g->key_hash->init(g->key_hash);
    g->key_hash->add(g->key_hash, key, H_SIZE(g));
    g->key_hash->add(g->key_hash, &pid, sizeof(pid));
    g->key_hash->finish(g->key_hash, key);
}

APR_DECLARE(void) apr_random_after_fork(apr_proc_t *proc)
{
    pid_t pid = proc->pid;
    apr_random_t *g;

    /* The pid alone is little entropy; it only makes parent and child
     * diverge. Both keys move if the generator is between them. */
    for (g = all_random; g; g = g->next) {
        unsigned char *key = current_key(g);

        mix_pid(g, key, pid);
        if (key != g->H)
            mix_pid(g, g->H, pid);
        /* Walk the pools in a different order from the parent's. */
        g->generation--;
        g->block_left = 0;
    }
}

/* ------------------------------------------------------------------------
 * SHA-256 as an apr_crypto_hash_t
 */

static void sha256_init(apr_crypto_hash_t *h)
{
    apr__sha256_init(h->data);
}

static void sha256_add(apr_crypto_hash_t *h, const void *data,
                       apr_size_t bytes)
{
    apr__sha256_update(h->data, data, bytes);
}

static void sha256_finish(apr_crypto_hash_t *h, unsigned char *result)
{
    apr__sha256_final(h->data, result);
}

APR_DECLARE(apr_crypto_hash_t *) apr_crypto_sha256_new(apr_pool_t *p)
{
    apr_crypto_hash_t *h = apr_palloc(p, sizeof(*h));

    h->data = apr_palloc(p, sizeof(apr__sha256_ctx_t));
    h->init = sha256_init;
    h->add = sha256_add;
    h->finish = sha256_finish;
    h->size = APR__SHA256_DIGEST_LENGTH;
    apr__sha256_init(h->data);
    return h;
}
