/*
 * SHA-1 (FIPS 180-4; RFC 3174) for apr_sha1.h, and the "{SHA}" password
 * format.
 *
 * The message schedule is kept as a rolling window of 16 words, so a block
 * needs 64 bytes of state; whole blocks are read straight from the input.
 * The context's data[] holds a partial block as bytes in message order.
 */
#include <string.h>

#include "apr_sha1.h"
#include "apr_base64.h"
#include "digest_internal.h"

#define ROL apu__rotl32

/* W[i] for i >= 16, computed in place over W[i mod 16]. */
#define SCHED(i)                                                          \
    (W[(i) & 15] = ROL(W[((i) + 13) & 15] ^ W[((i) + 8) & 15]              \
                       ^ W[((i) + 2) & 15] ^ W[(i) & 15], 1))

#define CH(x, y, z)     ((z) ^ ((x) & ((y) ^ (z))))
#define PARITY(x, y, z) ((x) ^ (y) ^ (z))
#define MAJ(x, y, z)    (((x) & (y)) | ((z) & ((x) | (y))))

/* One step with the five variables renamed instead of shifted. */
#define STEP(f, k, w, a, b, c, d, e)                                      \
    do {                                                                  \
        (e) += ROL((a), 5) + f((b), (c), (d)) + (w) + (k);                \
        (b) = ROL((b), 30);                                               \
    } while (0)

#define FIVE(f, k, wexpr, i)                                              \
    do {                                                                  \
        STEP(f, k, wexpr((i)), a, b, c, d, e);                            \
        STEP(f, k, wexpr((i) + 1), e, a, b, c, d);                        \
        STEP(f, k, wexpr((i) + 2), d, e, a, b, c);                        \
        STEP(f, k, wexpr((i) + 3), c, d, e, a, b);                        \
        STEP(f, k, wexpr((i) + 4), b, c, d, e, a);                        \
    } while (0)

#define WORD(i) W[(i)]

static void sha1_blocks(apr_uint32_t *state, const unsigned char *p,
                        apr_size_t nblocks)
{
    apr_uint32_t h0 = state[0], h1 = state[1], h2 = state[2],
                 h3 = state[3], h4 = state[4];

    for (; nblocks > 0; nblocks--, p += 64) {
        apr_uint32_t W[16];
        apr_uint32_t a = h0, b = h1, c = h2, d = h3, e = h4;
        int i;

        for (i = 0; i < 16; i++)
            W[i] = apu__load_be32(p + 4 * i);

        FIVE(CH, 0x5a827999, WORD, 0);
        FIVE(CH, 0x5a827999, WORD, 5);
        FIVE(CH, 0x5a827999, WORD, 10);
        STEP(CH, 0x5a827999, W[15], a, b, c, d, e);
        STEP(CH, 0x5a827999, SCHED(16), e, a, b, c, d);
        STEP(CH, 0x5a827999, SCHED(17), d, e, a, b, c);
        STEP(CH, 0x5a827999, SCHED(18), c, d, e, a, b);
        STEP(CH, 0x5a827999, SCHED(19), b, c, d, e, a);
        for (i = 20; i < 40; i += 5)
            FIVE(PARITY, 0x6ed9eba1, SCHED, i);
        for (i = 40; i < 60; i += 5)
            FIVE(MAJ, 0x8f1bbcdc, SCHED, i);
        for (i = 60; i < 80; i += 5)
            FIVE(PARITY, 0xca62c1d6, SCHED, i);

        h0 += a;
        h1 += b;
        h2 += c;
        h3 += d;
        h4 += e;
    }
    state[0] = h0;
    state[1] = h1;
    state[2] = h2;
    state[3] = h3;
    state[4] = h4;
}

APU_DECLARE(void) apr_sha1_init(apr_sha1_ctx_t *context)
{
    context->digest[0] = 0x67452301;
    context->digest[1] = 0xefcdab89;
    context->digest[2] = 0x98badcfe;
    context->digest[3] = 0x10325476;
    context->digest[4] = 0xc3d2e1f0;
    context->count_lo = 0;
    context->count_hi = 0;
    context->local = 0;
}

APU_DECLARE(void) apr_sha1_update_binary(apr_sha1_ctx_t *context,
                                         const unsigned char *input,
                                         unsigned int inputLen)
{
    apr_uint32_t add_lo = (apr_uint32_t)inputLen << 3;

    if (context->count_lo + add_lo < context->count_lo)
        context->count_hi++;
    context->count_lo += add_lo;
    context->count_hi += (apr_uint32_t)inputLen >> 29;

    apu__digest_feed(context->digest, (unsigned char *)context->data,
                     (apr_size_t)context->local, input, inputLen,
                     sha1_blocks);
    context->local = (int)((context->count_lo >> 3) & 63);
}

APU_DECLARE(void) apr_sha1_update(apr_sha1_ctx_t *context, const char *input,
                                  unsigned int inputLen)
{
    apr_sha1_update_binary(context, (const unsigned char *)input, inputLen);
}

APU_DECLARE(void) apr_sha1_final(unsigned char digest[APR_SHA1_DIGESTSIZE],
                                 apr_sha1_ctx_t *context)
{
    unsigned char *buf = (unsigned char *)context->data;
    apr_size_t have = (context->count_lo >> 3) & 63;
    int i;

    /* A 1 bit, zeros up to 56 mod 64, then the bit length, MSB first. */
    buf[have++] = 0x80;
    if (have > 56) {
        memset(buf + have, 0, 64 - have);
        sha1_blocks(context->digest, buf, 1);
        have = 0;
    }
    memset(buf + have, 0, 56 - have);
    apu__store_be32(buf + 56, context->count_hi);
    apu__store_be32(buf + 60, context->count_lo);
    sha1_blocks(context->digest, buf, 1);

    for (i = 0; i < 5; i++)
        apu__store_be32(digest + 4 * i, context->digest[i]);
    memset(context, 0, sizeof(*context));
}

APU_DECLARE(void) apr_sha1_base64(const char *clear, int len, char *out)
{
    apr_sha1_ctx_t ctx;
    unsigned char digest[APR_SHA1_DIGESTSIZE];

    apr_sha1_init(&ctx);
    apr_sha1_update(&ctx, clear, (unsigned int)len);
    apr_sha1_final(digest, &ctx);

    memcpy(out, APR_SHA1PW_ID, APR_SHA1PW_IDLEN);
    apr_base64_encode_binary(out + APR_SHA1PW_IDLEN, digest, sizeof(digest));
}
