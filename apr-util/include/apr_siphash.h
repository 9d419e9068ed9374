/*
 * apr_siphash.h: SipHash-c-d (Aumasson and Bernstein, 2012), a keyed hash
 * of a message into 64 bits, fast on short inputs: for hash tables fed
 * with untrusted keys, and as a short MAC.
 *
 * c is the number of compression rounds per 8-byte word of message, d the
 * number of finalisation rounds; the authors recommend SipHash-2-4, and
 * SipHash-4-8 for a wider margin. The 64-bit result is the little-endian
 * reading of the 8 bytes the _auth variants write.
 */
#ifndef APR_SIPHASH_H
#define APR_SIPHASH_H

#include "apr.h"
#include "apu.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @file apr_siphash.h
 * @brief APR-UTIL siphash library
 */

/** The size of a SipHash digest, in bytes. */
#define APR_SIPHASH_DSIZE 8

/** The size of a SipHash key, in bytes. */
#define APR_SIPHASH_KSIZE 16

/**
 * SipHash-c-d of a message.
 * @param src The message
 * @param len The length of the message
 * @param key The 16-byte secret key
 * @param c The number of compression rounds
 * @param d The number of finalisation rounds
 * @return The 64-bit hash
 */
APU_DECLARE(apr_uint64_t) apr_siphash(const void *src, apr_size_t len,
                                const unsigned char key[APR_SIPHASH_KSIZE],
                                      unsigned int c, unsigned int d);

/**
 * SipHash-c-d of a message, written as 8 little-endian bytes (the MAC
 * form of the reference implementation); @a out needs no alignment.
 * @param out The 8-byte output
 * @param src The message
 * @param len The length of the message
 * @param key The 16-byte secret key
 * @param c The number of compression rounds
 * @param d The number of finalisation rounds
 */
APU_DECLARE(void) apr_siphash_auth(unsigned char out[APR_SIPHASH_DSIZE],
                                   const void *src, apr_size_t len,
                                const unsigned char key[APR_SIPHASH_KSIZE],
                                   unsigned int c, unsigned int d);

/**
 * SipHash-2-4 of a message.
 * @param src The message
 * @param len The length of the message
 * @param key The 16-byte secret key
 * @return The 64-bit hash
 */
APU_DECLARE(apr_uint64_t) apr_siphash24(const void *src, apr_size_t len,
                                const unsigned char key[APR_SIPHASH_KSIZE]);

/**
 * SipHash-2-4 of a message, written as 8 little-endian bytes.
 * @param out The 8-byte output
 * @param src The message
 * @param len The length of the message
 * @param key The 16-byte secret key
 */
APU_DECLARE(void) apr_siphash24_auth(unsigned char out[APR_SIPHASH_DSIZE],
                                     const void *src, apr_size_t len,
                                const unsigned char key[APR_SIPHASH_KSIZE]);

/**
 * SipHash-4-8 of a message.
 * @param src The message
 * @param len The length of the message
 * @param key The 16-byte secret key
 * @return The 64-bit hash
 */
APU_DECLARE(apr_uint64_t) apr_siphash48(const void *src, apr_size_t len,
                                const unsigned char key[APR_SIPHASH_KSIZE]);

/**
 * SipHash-4-8 of a message, written as 8 little-endian bytes.
 * @param out The 8-byte output
 * @param src The message
 * @param len The length of the message
 * @param key The 16-byte secret key
 */
APU_DECLARE(void) apr_siphash48_auth(unsigned char out[APR_SIPHASH_DSIZE],
                                     const void *src, apr_size_t len,
                                const unsigned char key[APR_SIPHASH_KSIZE]);

#ifdef __cplusplus
}
#endif

#endif /* !APR_SIPHASH_H */
