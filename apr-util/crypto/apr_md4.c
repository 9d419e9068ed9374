/*
 * The MD4 message digest, as specified by RFC 1320, for apr_md4.h.
 *
 * Same structure as apr_md5.c: the block function digests whole blocks
 * straight from the input, only a partial block is copied.
 */
#include <string.h>

#include "apr_md4.h"
#include "digest_internal.h"

#define F(x, y, z) ((z) ^ ((x) & ((y) ^ (z))))
#define G(x, y, z) (((x) & (y)) | ((z) & ((x) | (y))))
#define H(x, y, z) ((x) ^ (y) ^ (z))

/* Round 1: a = (a + F(b,c,d) + X[k]) <<< s */
#define R1(a, b, c, d, k, s) \
    (a) = apu__rotl32((a) + F((b), (c), (d)) + X[k], (s))
/* Round 2 adds sqrt(2) * 2^30, round 3 sqrt(3) * 2^30. */
#define R2(a, b, c, d, k, s) \
    (a) = apu__rotl32((a) + G((b), (c), (d)) + X[k] + 0x5a827999, (s))
#define R3(a, b, c, d, k, s) \
    (a) = apu__rotl32((a) + H((b), (c), (d)) + X[k] + 0x6ed9eba1, (s))

static void md4_blocks(apr_uint32_t *state, const unsigned char *p,
                       apr_size_t nblocks)
{
    apr_uint32_t a = state[0], b = state[1], c = state[2], d = state[3];

    for (; nblocks > 0; nblocks--, p += 64) {
        apr_uint32_t X[16];
        apr_uint32_t aa = a, bb = b, cc = c, dd = d;
        int i;

        for (i = 0; i < 16; i++)
            X[i] = apu__load_le32(p + 4 * i);

        for (i = 0; i < 16; i += 4) {
            R1(a, b, c, d, i, 3);
            R1(d, a, b, c, i + 1, 7);
            R1(c, d, a, b, i + 2, 11);
            R1(b, c, d, a, i + 3, 19);
        }
        for (i = 0; i < 4; i++) {
            R2(a, b, c, d, i, 3);
            R2(d, a, b, c, i + 4, 5);
            R2(c, d, a, b, i + 8, 9);
            R2(b, c, d, a, i + 12, 13);
        }
        /* Round 3 takes the words in bit-reversed order of their index. */
        R3(a, b, c, d, 0, 3);
        R3(d, a, b, c, 8, 9);
        R3(c, d, a, b, 4, 11);
        R3(b, c, d, a, 12, 15);
        R3(a, b, c, d, 2, 3);
        R3(d, a, b, c, 10, 9);
        R3(c, d, a, b, 6, 11);
        R3(b, c, d, a, 14, 15);
        R3(a, b, c, d, 1, 3);
        R3(d, a, b, c, 9, 9);
        R3(c, d, a, b, 5, 11);
        R3(b, c, d, a, 13, 15);
        R3(a, b, c, d, 3, 3);
        R3(d, a, b, c, 11, 9);
        R3(c, d, a, b, 7, 11);
        R3(b, c, d, a, 15, 15);

        a += aa;
        b += bb;
        c += cc;
        d += dd;
    }
    state[0] = a;
    state[1] = b;
    state[2] = c;
    state[3] = d;
}

APU_DECLARE(apr_status_t) apr_md4_init(apr_md4_ctx_t *context)
{
    context->state[0] = 0x67452301;
    context->state[1] = 0xefcdab89;
    context->state[2] = 0x98badcfe;
    context->state[3] = 0x10325476;
    context->count[0] = 0;
    context->count[1] = 0;
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_md4_update(apr_md4_ctx_t *context,
                                         const unsigned char *input,
                                         apr_size_t inputLen)
{
    apr_size_t have = (context->count[0] >> 3) & 63;
    apr_uint64_t bits = ((apr_uint64_t)context->count[1] << 32
                         | context->count[0])
                        + ((apr_uint64_t)inputLen << 3);

    context->count[0] = (apr_uint32_t)bits;
    context->count[1] = (apr_uint32_t)(bits >> 32);
    apu__digest_feed(context->state, context->buffer, have, input, inputLen,
                     md4_blocks);
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_md4_final(
                                    unsigned char digest[APR_MD4_DIGESTSIZE],
                                    apr_md4_ctx_t *context)
{
    apr_size_t have = (context->count[0] >> 3) & 63;
    unsigned char *buf = context->buffer;
    int i;

    /* Padded as MD5: a 1 bit, zeros to 56 mod 64, the bit length LSB first. */
    buf[have++] = 0x80;
    if (have > 56) {
        memset(buf + have, 0, 64 - have);
        md4_blocks(context->state, buf, 1);
        have = 0;
    }
    memset(buf + have, 0, 56 - have);
    apu__store_le32(buf + 56, context->count[0]);
    apu__store_le32(buf + 60, context->count[1]);
    md4_blocks(context->state, buf, 1);

    for (i = 0; i < 4; i++)
        apu__store_le32(digest + 4 * i, context->state[i]);
    memset(context, 0, sizeof(*context));
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_md4(unsigned char digest[APR_MD4_DIGESTSIZE],
                                  const unsigned char *input,
                                  apr_size_t inputLen)
{
    apr_md4_ctx_t ctx;

    apr_md4_init(&ctx);
    apr_md4_update(&ctx, input, inputLen);
    return apr_md4_final(digest, &ctx);
}
