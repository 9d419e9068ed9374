/*
 * SipHash-c-d (Aumasson and Bernstein, "SipHash: a fast short-input PRF",
 * 2012) for apr_siphash.h.
 *
 * The key and the message are read as little-endian 64-bit words; the last
 * word holds the remaining 0..7 bytes with the message length (mod 256) in
 * its top byte. The 2-4 and 4-8 variants call the generic function with
 * constant round counts, which the compiler specialises.
 */
#include "apr_siphash.h"

static inline apr_uint64_t load_le64(const unsigned char *p)
{
    return (apr_uint64_t)p[0] | (apr_uint64_t)p[1] << 8
           | (apr_uint64_t)p[2] << 16 | (apr_uint64_t)p[3] << 24
           | (apr_uint64_t)p[4] << 32 | (apr_uint64_t)p[5] << 40
           | (apr_uint64_t)p[6] << 48 | (apr_uint64_t)p[7] << 56;
}

#define ROTL64(x, n) (((x) << (n)) | ((x) >> (64 - (n))))

#define SIPROUND()                                                        \
    do {                                                                  \
        v0 += v1; v1 = ROTL64(v1, 13); v1 ^= v0; v0 = ROTL64(v0, 32);     \
        v2 += v3; v3 = ROTL64(v3, 16); v3 ^= v2;                          \
        v0 += v3; v3 = ROTL64(v3, 21); v3 ^= v0;                          \
        v2 += v1; v1 = ROTL64(v1, 17); v1 ^= v2; v2 = ROTL64(v2, 32);     \
    } while (0)

static inline apr_uint64_t siphash(const unsigned char *in, apr_size_t len,
                                   const unsigned char key[16],
                                   unsigned int c, unsigned int d)
{
    apr_uint64_t k0 = load_le64(key), k1 = load_le64(key + 8);
    /* "somepseudorandomlygeneratedbytes" as four big-endian words. */
    apr_uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    apr_uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    apr_uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    apr_uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    apr_uint64_t m, last = (apr_uint64_t)(len & 0xff) << 56;
    apr_size_t left = len & 7;
    const unsigned char *end = in + (len - left);
    unsigned int i;

    for (; in != end; in += 8) {
        m = load_le64(in);
        v3 ^= m;
        for (i = 0; i < c; i++)
            SIPROUND();
        v0 ^= m;
    }
    switch (left) {
    case 7: last |= (apr_uint64_t)in[6] << 48; /* fall through */
    case 6: last |= (apr_uint64_t)in[5] << 40; /* fall through */
    case 5: last |= (apr_uint64_t)in[4] << 32; /* fall through */
    case 4: last |= (apr_uint64_t)in[3] << 24; /* fall through */
    case 3: last |= (apr_uint64_t)in[2] << 16; /* fall through */
    case 2: last |= (apr_uint64_t)in[1] << 8;  /* fall through */
    case 1: last |= (apr_uint64_t)in[0];       /* fall through */
    default: break;
    }
    v3 ^= last;
    for (i = 0; i < c; i++)
        SIPROUND();
    v0 ^= last;

    v2 ^= 0xff;
    for (i = 0; i < d; i++)
        SIPROUND();
    return v0 ^ v1 ^ v2 ^ v3;
}

static void store_le64(unsigned char *out, apr_uint64_t h)
{
    int i;

    for (i = 0; i < 8; i++)
        out[i] = (unsigned char)(h >> (8 * i));
}

APU_DECLARE(apr_uint64_t) apr_siphash(const void *src, apr_size_t len,
                                const unsigned char key[APR_SIPHASH_KSIZE],
                                      unsigned int c, unsigned int d)
{
    return siphash(src, len, key, c, d);
}

APU_DECLARE(void) apr_siphash_auth(unsigned char out[APR_SIPHASH_DSIZE],
                                   const void *src, apr_size_t len,
                                const unsigned char key[APR_SIPHASH_KSIZE],
                                   unsigned int c, unsigned int d)
{
    store_le64(out, siphash(src, len, key, c, d));
}

APU_DECLARE(apr_uint64_t) apr_siphash24(const void *src, apr_size_t len,
                                const unsigned char key[APR_SIPHASH_KSIZE])
{
    return siphash(src, len, key, 2, 4);
}

APU_DECLARE(void) apr_siphash24_auth(unsigned char out[APR_SIPHASH_DSIZE],
                                     const void *src, apr_size_t len,
                                const unsigned char key[APR_SIPHASH_KSIZE])
{
    store_le64(out, siphash(src, len, key, 2, 4));
}

APU_DECLARE(apr_uint64_t) apr_siphash48(const void *src, apr_size_t len,
                                const unsigned char key[APR_SIPHASH_KSIZE])
{
    return siphash(src, len, key, 4, 8);
}

APU_DECLARE(void) apr_siphash48_auth(unsigned char out[APR_SIPHASH_DSIZE],
                                     const void *src, apr_size_t len,
                                const unsigned char key[APR_SIPHASH_KSIZE])
{
    store_le64(out, siphash(src, len, key, 4, 8));
}
