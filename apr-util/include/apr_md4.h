/*
 * apr_md4.h: the MD4 message digest (RFC 1320).
 *
 * MD4 is broken as a cryptographic hash; it remains for protocols that
 * name it (NTLM, rsync, eDonkey). A context is initialised with
 * apr_md4_init(), fed with apr_md4_update() any number of times, and
 * closed by apr_md4_final(), which writes the 16-byte digest and wipes the
 * context; apr_md4() does the three in one call.
 */
#ifndef APR_MD4_H
#define APR_MD4_H

#include "apu.h"
#include "apr_xlate.h"
#include "apr.h"
#include "apr_errno.h"
#include "apr_pools.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_Util_MD4 MD4 Library
 * @ingroup APR_Util
 * @{
 */

/** The size of an MD4 digest, in bytes. */
#define APR_MD4_DIGESTSIZE 16

/** The state of an MD4 computation in progress. */
typedef struct apr_md4_ctx_t apr_md4_ctx_t;


/** The state of an MD4 computation in progress; the fields are APR's. */
struct apr_md4_ctx_t {
    /** The chaining variables A, B, C, D. */
    apr_uint32_t state[4];
    /** The message length so far in bits, low word first. */
    apr_uint32_t count[2];
    /** Input bytes not yet digested (count / 8 % 64 of them). */
    unsigned char buffer[64];
#if APR_HAS_XLATE
    /** Translation applied to the input, or NULL. */
    apr_xlate_t *xlate;
#endif
};

/**
 * Start an MD4 computation.
 * @param context The context to (re)initialise
 * @return APR_SUCCESS
 */
APU_DECLARE(apr_status_t) apr_md4_init(apr_md4_ctx_t *context);

#if APR_HAS_XLATE
/**
 * Translate the input through @a xlate (a single-byte conversion) before
 * digesting it.
 * @param context The context
 * @param xlate The translation handle
 * @return APR_SUCCESS, or APR_EINVAL for a multi-byte translation
 */
APU_DECLARE(apr_status_t) apr_md4_set_xlate(apr_md4_ctx_t *context,
                                            apr_xlate_t *xlate);
#else
/** This build has no character set translation: always APR_ENOTIMPL. */
#define apr_md4_set_xlate(context, xlate) APR_ENOTIMPL
#endif

/**
 * Digest @a inputLen more bytes of the message.
 * @param context The context
 * @param input The bytes
 * @param inputLen The number of bytes
 * @return APR_SUCCESS
 */
APU_DECLARE(apr_status_t) apr_md4_update(apr_md4_ctx_t *context,
                                         const unsigned char *input,
                                         apr_size_t inputLen);

/**
 * Finish the computation: write the digest, then zero @a context.
 * @param digest The 16-byte digest
 * @param context The context
 * @return APR_SUCCESS
 */
APU_DECLARE(apr_status_t) apr_md4_final(
                                    unsigned char digest[APR_MD4_DIGESTSIZE],
                                    apr_md4_ctx_t *context);

/**
 * The MD4 digest of one buffer.
 * @param digest The 16-byte digest
 * @param input The bytes
 * @param inputLen The number of bytes
 * @return APR_SUCCESS
 */
APU_DECLARE(apr_status_t) apr_md4(unsigned char digest[APR_MD4_DIGESTSIZE],
                                  const unsigned char *input,
                                  apr_size_t inputLen);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* !APR_MD4_H */
