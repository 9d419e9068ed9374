/*
 * Helpers shared by the MD4, MD5 and SHA-1 implementations: word loads and
 * stores in either byte order, rotation, and the buffering of input into
 * 64-byte blocks.
 *
 * The loads are written byte by byte; compilers turn them into one (maybe
 * byte-swapped) unaligned load, so they cost nothing on x86 or ARM and
 * need no alignment nor byte-order configuration.
 */
#ifndef APU_DIGEST_INTERNAL_H
#define APU_DIGEST_INTERNAL_H

#include <string.h>

#include "apr.h"

static inline apr_uint32_t apu__load_le32(const unsigned char *p)
{
    return (apr_uint32_t)p[0] | (apr_uint32_t)p[1] << 8
           | (apr_uint32_t)p[2] << 16 | (apr_uint32_t)p[3] << 24;
}

static inline apr_uint32_t apu__load_be32(const unsigned char *p)
{
    return (apr_uint32_t)p[0] << 24 | (apr_uint32_t)p[1] << 16
           | (apr_uint32_t)p[2] << 8 | (apr_uint32_t)p[3];
}

static inline void apu__store_le32(unsigned char *p, apr_uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static inline void apu__store_be32(unsigned char *p, apr_uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

static inline apr_uint32_t apu__rotl32(apr_uint32_t x, unsigned int n)
{
    return (x << n) | (x >> (32 - n));
}

/* Digests `nblocks` 64-byte blocks at `p` into `state`. */
typedef void apu__blocks_fn(apr_uint32_t *state, const unsigned char *p,
                            apr_size_t nblocks);

/*
 * Feeds `len` bytes to a digest whose partial block of `have` bytes sits
 * in `buffer`: completes and digests that block, digests the whole blocks
 * straight from the input, and keeps the tail in `buffer`. Inlined into
 * each digest so that `blocks` is a direct call.
 */
static inline void apu__digest_feed(apr_uint32_t *state,
                                    unsigned char *buffer, apr_size_t have,
                                    const unsigned char *in, apr_size_t len,
                                    apu__blocks_fn *blocks)
{
    if (have > 0) {
        apr_size_t take = 64 - have;

        if (len < take) {
            memcpy(buffer + have, in, len);
            return;
        }
        memcpy(buffer + have, in, take);
        blocks(state, buffer, 1);
        in += take;
        len -= take;
    }
    if (len >= 64) {
        blocks(state, in, len / 64);
        in += len / 64 * 64;
        len %= 64;
    }
    if (len > 0)
        memcpy(buffer, in, len);
}

#endif
