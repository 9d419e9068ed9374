/*
 * apr_sha1.h: the SHA-1 message digest (FIPS 180-4, RFC 3174) and the
 * "{SHA}" password format (the base64 SHA-1 of the password, unsalted, as
 * Netscape servers and LDAP directories store it).
 *
 * A context is initialised with apr_sha1_init(), fed with
 * apr_sha1_update() or apr_sha1_update_binary() any number of times, and
 * closed by apr_sha1_final(), which writes the 20-byte digest and wipes
 * the context.
 */
#ifndef APR_SHA1_H
#define APR_SHA1_H

#include "apu.h"
#include "apr_general.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @file apr_sha1.h
 * @brief APR-UTIL SHA1 library
 */

/** The size of a SHA-1 digest, in bytes. */
#define APR_SHA1_DIGESTSIZE 20

/** The prefix of a password hash in the "{SHA}" format. */
#define APR_SHA1PW_ID "{SHA}"

/** The length of APR_SHA1PW_ID. */
#define APR_SHA1PW_IDLEN 5

/** The state of a SHA-1 computation in progress. */
typedef struct apr_sha1_ctx_t apr_sha1_ctx_t;

/** The state of a SHA-1 computation in progress; the fields are APR's. */
struct apr_sha1_ctx_t {
    /** The chaining variables H0..H4. */
    apr_uint32_t digest[5];
    /** The message length so far in bits: low and high words. */
    apr_uint32_t count_lo, count_hi;
    /** Input bytes not yet digested, in message order. */
    apr_uint32_t data[16];
    /** The number of bytes in @a data. */
    int local;
};

/**
 * Hash a password in the "{SHA}" format: APR_SHA1PW_ID followed by the
 * base64 of its SHA-1 digest, NUL-terminated: 34 bytes with the NUL.
 * (APR's own implementation writes a second NUL after that one, so code
 * meant for both should give 35.)
 * @param clear The password (a "{SHA}" prefix in it is hashed like the rest)
 * @param len The length of the password
 * @param out The output buffer: at least 34 bytes
 */
APU_DECLARE(void) apr_sha1_base64(const char *clear, int len, char *out);

/**
 * Start a SHA-1 computation.
 * @param context The context to (re)initialise
 */
APU_DECLARE(void) apr_sha1_init(apr_sha1_ctx_t *context);

/**
 * Digest @a inputLen more bytes of the message, given as text.
 * @param context The context
 * @param input The bytes
 * @param inputLen The number of bytes
 */
APU_DECLARE(void) apr_sha1_update(apr_sha1_ctx_t *context, const char *input,
                                  unsigned int inputLen);

/**
 * Digest @a inputLen more bytes of the message.
 * @param context The context
 * @param input The bytes
 * @param inputLen The number of bytes
 */
APU_DECLARE(void) apr_sha1_update_binary(apr_sha1_ctx_t *context,
                                         const unsigned char *input,
                                         unsigned int inputLen);

/**
 * Finish the computation: write the digest, then zero @a context.
 * @param digest The 20-byte digest
 * @param context The context
 */
APU_DECLARE(void) apr_sha1_final(unsigned char digest[APR_SHA1_DIGESTSIZE],
                                 apr_sha1_ctx_t *context);

#ifdef __cplusplus
}
#endif

#endif /* !APR_SHA1_H */
