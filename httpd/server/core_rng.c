/* core_rng.c: the server's fast non-cryptographic random numbers
 * (multipart boundaries, load spreading), seeded from the system's
 * secure source at start-up and re-seeded after forks. */
#include "apr_general.h"
#include "apr_thread_mutex.h"
#include "apr_time.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "mod_core.h"

#include "core_private.h"

/* xoshiro256** state: fast, good enough for non-secret uses. */
static apr_uint64_t state[4];
static int seeded = 0;
#if APR_HAS_THREADS
static apr_thread_mutex_t *rng_mutex;
#endif

static apr_uint64_t rotl(apr_uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static apr_uint64_t next64(void)
{
    apr_uint64_t result = rotl(state[1] * 5, 7) * 9;
    apr_uint64_t t = state[1] << 17;

    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = rotl(state[3], 45);
    return result;
}

/* From the OS source; falls back on time mixing if that fails, since a
 * weak seed is still better than refusing to start. */
static void seed(void)
{
    apr_uint64_t t;
    int i;

    if (apr_generate_random_bytes((unsigned char *)state, sizeof(state))
        != APR_SUCCESS) {
        t = (apr_uint64_t)apr_time_now();
        for (i = 0; i < 4; i++) {
            t += 0x9e3779b97f4a7c15ULL;
            state[i] = (t ^ (t >> 30)) * 0xbf58476d1ce4e5b9ULL;
        }
    }
    if (!(state[0] | state[1] | state[2] | state[3])) {
        state[0] = 1; /* the all-zero state is a fixed point */
    }
    seeded = 1;
}

AP_CORE_DECLARE(void) ap_init_rng(apr_pool_t *p)
{
#if APR_HAS_THREADS
    if (!rng_mutex) {
        apr_thread_mutex_create(&rng_mutex, APR_THREAD_MUTEX_DEFAULT, p);
    }
#endif
    seed();
}

AP_CORE_DECLARE(void) ap_random_parent_after_fork(void)
{
    /* Children must not share the parent's future sequence. */
    next64();
    seed();
}

AP_DECLARE(void) ap_random_insecure_bytes(void *buf, apr_size_t size)
{
    unsigned char *out = buf;

#if APR_HAS_THREADS
    if (rng_mutex) {
        apr_thread_mutex_lock(rng_mutex);
    }
#endif
    if (!seeded) {
        seed();
    }
    while (size > 0) {
        apr_uint64_t v = next64();
        apr_size_t n = size < sizeof(v) ? size : sizeof(v);

        memcpy(out, &v, n);
        out += n;
        size -= n;
    }
#if APR_HAS_THREADS
    if (rng_mutex) {
        apr_thread_mutex_unlock(rng_mutex);
    }
#endif
}

AP_DECLARE(apr_uint32_t) ap_random_pick(apr_uint32_t min, apr_uint32_t max)
{
    apr_uint64_t span, v;

    if (max <= min) {
        return min;
    }
    span = (apr_uint64_t)max - min + 1;
    ap_random_insecure_bytes(&v, sizeof(v));
    /* 64 random bits over a <= 2^32 span: the bias is negligible. */
    return min + (apr_uint32_t)(v % span);
}
