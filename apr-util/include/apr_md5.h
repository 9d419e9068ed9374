/*
 * apr_md5.h: the MD5 message digest (RFC 1321) and password hashing:
 * the "$apr1$" MD5-based crypt of Apache's htpasswd, bcrypt, and
 * apr_password_validate(), which checks a password against a hash of any
 * scheme APR knows.
 *
 * An MD5 context is initialised with apr_md5_init(), fed with
 * apr_md5_update() any number of times, and closed by apr_md5_final(),
 * which writes the 16-byte digest and wipes the context; apr_md5() does
 * the three in one call.
 */
#ifndef APR_MD5_H
#define APR_MD5_H

#include "apu.h"
#include "apr_xlate.h"
#include "apr.h"
#include "apr_errno.h"
#include "apr_pools.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @file apr_md5.h
 * @brief APR MD5 Routines
 */

/**
 * @defgroup APR_MD5 MD5 Routines
 * @ingroup APR
 * @{
 */

/** The size of an MD5 digest, in bytes. */
#define APR_MD5_DIGESTSIZE 16

/** The state of an MD5 computation in progress. */
typedef struct apr_md5_ctx_t apr_md5_ctx_t;


/** The state of an MD5 computation in progress; the fields are APR's. */
struct apr_md5_ctx_t {
    /** The chaining variables A, B, C, D. */
    apr_uint32_t state[4];
    /** The message length so far in bits, low word first. */
    apr_uint32_t count[2];
    /** Input bytes not yet digested (count / 8 % 64 of them). */
    unsigned char buffer[64];
    /** Translation applied to the input: always NULL without APR_HAS_XLATE
     *  (the field is there in every build). */
    apr_xlate_t *xlate;
};

/**
 * Start an MD5 computation.
 * @param context The context to (re)initialise
 * @return APR_SUCCESS
 */
APU_DECLARE(apr_status_t) apr_md5_init(apr_md5_ctx_t *context);

/**
 * Translate the input through @a xlate (a single-byte conversion) before
 * digesting it.
 * @param context The context
 * @param xlate The translation handle
 * @return APR_SUCCESS; APR_EINVAL for a multi-byte translation;
 * APR_ENOTIMPL in a build without APR_HAS_XLATE (this one)
 */
APU_DECLARE(apr_status_t) apr_md5_set_xlate(apr_md5_ctx_t *context,
                                            apr_xlate_t *xlate);

/**
 * Digest @a inputLen more bytes of the message.
 * @param context The context
 * @param input The bytes
 * @param inputLen The number of bytes
 * @return APR_SUCCESS
 */
APU_DECLARE(apr_status_t) apr_md5_update(apr_md5_ctx_t *context,
                                         const void *input,
                                         apr_size_t inputLen);

/**
 * Finish the computation: write the digest, then zero @a context.
 * @param digest The 16-byte digest
 * @param context The context
 * @return APR_SUCCESS
 */
APU_DECLARE(apr_status_t) apr_md5_final(
                                    unsigned char digest[APR_MD5_DIGESTSIZE],
                                    apr_md5_ctx_t *context);

/**
 * The MD5 digest of one buffer.
 * @param digest The 16-byte digest
 * @param input The bytes
 * @param inputLen The number of bytes
 * @return APR_SUCCESS
 */
APU_DECLARE(apr_status_t) apr_md5(unsigned char digest[APR_MD5_DIGESTSIZE],
                                  const void *input,
                                  apr_size_t inputLen);

/**
 * Hash a password with the "$apr1$" scheme (MD5-crypt with Apache's magic
 * string): the result is "$apr1$", the salt, "$" and 22 characters, 37 in
 * all for a full 8-character salt.
 *
 * The salt is read from @a salt after an optional "$apr1$" prefix, up to
 * 8 characters, a '$' or the NUL, whichever comes first; so a whole
 * "$apr1$" hash may be passed as the salt to hash another password the
 * same way.
 * @param password The password
 * @param salt The salt, or an "$apr1$" hash to take the salt from
 * @param result The output buffer
 * @param nbytes The size of @a result: at most @a nbytes - 2 characters of
 * the hash are written, then a NUL (as APR does: give 39 bytes or more for
 * the whole hash); nothing is written when @a nbytes is below 2
 * @return APR_SUCCESS (a short buffer truncates; it is not an error)
 */
APU_DECLARE(apr_status_t) apr_md5_encode(const char *password,
                                         const char *salt,
                                         char *result, apr_size_t nbytes);

/**
 * Hash a password with bcrypt, as "$2y$NN$" followed by 22 characters of
 * salt and 31 of hash (60 characters). Only the first 72 bytes of the
 * password count.
 * @param pw The password
 * @param count The cost, 4 to 31 (2^count rounds), or 0 for the default 5
 * @param salt Random bytes for the salt: the first 16 are used
 * @param salt_len The number of bytes at @a salt: at least 16
 * @param out The output buffer
 * @param out_len The size of @a out: at least 61
 * @return APR_SUCCESS; APR_EINVAL for a bad cost or a short salt;
 * APR_FROM_OS_ERROR(ERANGE) when @a out_len is below 61 (then @a out
 * holds "*0" if it has room for it)
 */
APU_DECLARE(apr_status_t) apr_bcrypt_encode(const char *pw,
                                            unsigned int count,
                                            const unsigned char *salt,
                                            apr_size_t salt_len,
                                            char *out, apr_size_t out_len);

/**
 * Check a password against a hash. Understood: "$apr1$" hashes, bcrypt
 * ("$2y$", "$2a$", "$2b$"), "{SHA}" followed by the base64 SHA-1 of the
 * password, and, where the system has crypt(3) (Linux: DES, "$1$", "$5$",
 * "$6$" and whatever else its crypt knows), any other hash crypt(3)
 * accepts. Only on systems without crypt(3) is any other @a hash compared
 * with the password as clear text.
 * @param passwd The password
 * @param hash The stored hash
 * @return APR_SUCCESS when they match, APR_EMISMATCH when not;
 * APR_EINVAL for a malformed "$2y$" or "$2a$" bcrypt hash
 */
APU_DECLARE(apr_status_t) apr_password_validate(const char *passwd,
                                                const char *hash);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* !APR_MD5_H */
