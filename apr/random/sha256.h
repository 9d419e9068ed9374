/*
 * SHA-256 (FIPS 180-4), private to apr/random: the hash behind
 * apr_crypto_sha256_new().
 */
#ifndef APR_RANDOM_SHA256_H
#define APR_RANDOM_SHA256_H

#include "apr.h"

#define APR__SHA256_DIGEST_LENGTH 32

typedef struct {
    apr_uint32_t state[8];
    apr_uint64_t bits;          /* message length so far, in bits */
    unsigned char block[64];    /* partial input block */
    apr_size_t used;            /* bytes in block */
} apr__sha256_ctx_t;

void apr__sha256_init(apr__sha256_ctx_t *ctx);
void apr__sha256_update(apr__sha256_ctx_t *ctx, const void *data,
                        apr_size_t len);
void apr__sha256_final(apr__sha256_ctx_t *ctx,
                       unsigned char digest[APR__SHA256_DIGEST_LENGTH]);

#endif
