/*
 * apr_encode.h: base64, base64url, base32, base32hex and base16 (RFC 4648,
 * and RFC 7515's unpadded base64url).
 *
 * Every family has the same eight functions: apr_encode_X (text input),
 * apr_encode_X_binary, apr_pencode_X, apr_pencode_X_binary, and the same
 * for apr_decode/apr_pdecode.
 *
 * The buffer functions follow one convention. With a NULL @a dest they only
 * measure: @a len receives the output size, counting a terminating NUL for
 * text output (encoders and the text decoders; the _binary decoders count
 * none, and write none). For decoding the size is an upper bound. With a
 * @a dest they write, and @a len receives the number of bytes written, not
 * counting the NUL added after text output. @a slen is the input length;
 * APR_ENCODE_STRING (-1) means "NUL-terminated, measure it" (the _binary
 * encoders reject it like any negative length). Statuses: APR_EINVAL for a
 * negative @a slen, APR_NOTFOUND for a @a dest with a NULL @a src (and for a
 * NULL @a src with a negative @a slen), APR_ENOSPC for an input too long for
 * the output size to be represented, APR_EINCOMPLETE for a decoder input
 * whose length no encoder produces, APR_BADCH for a character outside the
 * alphabet.
 *
 * Decoders stop at the first character outside the alphabet (for base64 and
 * base32 that includes the '=' padding). Without APR_ENCODE_RELAXED this is
 * APR_BADCH, unless what is left is a short run of '=' (up to 2 for
 * base64, 6 for base32); the bytes before it are still decoded. With
 * APR_ENCODE_RELAXED decoding stops there silently. An incomplete length
 * found afterwards (APR_EINCOMPLETE) takes precedence over APR_BADCH.
 * (APR's own header promises a decoding of the whole input in constant
 * time: APR 1.7.2 does not do that, and neither do we.) Base64 decoders
 * accept both the standard and the URL alphabet, whatever the flags;
 * base32 decoders accept upper-case letters only.
 *
 * The measuring pass of a decoder judges the length alone: for base16 with
 * APR_ENCODE_COLON it expects exactly "xx:xx:xx", so "0102" measures as
 * APR_EINCOMPLETE while writing it succeeds.
 *
 * The pool functions return the output, NUL-terminated (bytes too),
 * allocated from the pool, or NULL when @a src is NULL or the measuring
 * pass fails; the status of the writing pass is not looked at.
 */
#ifndef APR_ENCODE_H
#define APR_ENCODE_H

/**
 * @file apr_encode.h
 * @brief APR-UTIL Encoding
 */

#include "apr.h"
#include "apr_general.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_Util_Encode Base64/Base64Url/Base32/Base32Hex/Base16 Encoding
 * @ingroup APR_Util
 * @{
 */

/** An @a slen meaning: the input is NUL-terminated, measure it. */
#define APR_ENCODE_STRING      (-1)

/** No flag: standard RFC 4648 encoding, with padding. */
#define APR_ENCODE_NONE 0

/** Decoders: stop at the first character outside the alphabet. */
#define APR_ENCODE_RELAXED 1

/** Encoders: leave out the '=' padding. */
#define APR_ENCODE_NOPADDING 2

/** Base64: the URL and file name safe alphabet ('-' and '_'). The base64
 *  encoders use it when either bit of APR_ENCODE_BASE64URL is set, so
 *  APR_ENCODE_NOPADDING alone selects it too (as APR 1.7.2 does). */
#define APR_ENCODE_URL 4

/** Base64: RFC 7515 base64url (URL alphabet, no padding). */
#define APR_ENCODE_BASE64URL (APR_ENCODE_NOPADDING | APR_ENCODE_URL)

/** Base32: the extended hex alphabet (base32hex). */
#define APR_ENCODE_BASE32HEX 8

/** Base16: a ':' between bytes (encoders write it, decoders accept it). */
#define APR_ENCODE_COLON 16

/** Base16 encoders: lower-case hex digits (base32 ignores it). */
#define APR_ENCODE_LOWER 32

/**
 * Encode text as base64.
 * @param dest Output buffer, or NULL to measure
 * @param src The input (may be NULL when measuring)
 * @param slen Input length, or APR_ENCODE_STRING
 * @param flags APR_ENCODE_NONE, APR_ENCODE_NOPADDING, APR_ENCODE_URL,
 *        APR_ENCODE_BASE64URL
 * @param len If not NULL: the size needed with the NUL (@a dest NULL), or
 *        the length written without it
 * @return APR_SUCCESS, APR_EINVAL, APR_NOTFOUND or APR_ENOSPC
 */
APR_DECLARE(apr_status_t) apr_encode_base64(char *dest, const char *src,
        apr_ssize_t slen, int flags, apr_size_t *len);

/**
 * Encode bytes as base64 (as apr_encode_base64(); APR_ENCODE_STRING is not
 * meaningful for bytes and is rejected like any negative length).
 */
APR_DECLARE(apr_status_t) apr_encode_base64_binary(char *dest,
        const unsigned char *src, apr_ssize_t slen, int flags,
        apr_size_t *len);

/**
 * Encode text as base64 into a string from @a p.
 * @param len If not NULL, receives the string's length
 * @return The string, or NULL (@a src NULL, or apr_encode_base64() fails)
 */
APR_DECLARE(const char *) apr_pencode_base64(apr_pool_t *p, const char *src,
        apr_ssize_t slen, int flags, apr_size_t *len)
        __attribute__((nonnull(1)));

/** Encode bytes as base64 into a string from @a p (or NULL). */
APR_DECLARE(const char *) apr_pencode_base64_binary(apr_pool_t *p,
        const unsigned char *src, apr_ssize_t slen, int flags,
        apr_size_t *len)
        __attribute__((nonnull(1)));

/**
 * Decode base64 or base64url, padded or not, as text.
 * @param dest Output buffer, or NULL to measure
 * @param src The input (may be NULL when measuring)
 * @param slen Input length, or APR_ENCODE_STRING
 * @param flags APR_ENCODE_NONE or APR_ENCODE_RELAXED
 * @param len If not NULL: an upper bound of the size needed with the NUL
 *        (@a dest NULL; the _binary decoders count no NUL), or the length
 *        written without it
 * @return APR_SUCCESS, APR_EINVAL, APR_NOTFOUND, APR_ENOSPC,
 *         APR_EINCOMPLETE or APR_BADCH
 */
APR_DECLARE(apr_status_t) apr_decode_base64(char *dest, const char *src,
        apr_ssize_t slen, int flags, apr_size_t *len);

/** Decode base64 or base64url as bytes (as apr_decode_base64(), but no
 *  NUL is counted or written). */
APR_DECLARE(apr_status_t) apr_decode_base64_binary(unsigned char *dest,
        const char *src, apr_ssize_t slen, int flags, apr_size_t *len);

/** Decode base64 or base64url into a string from @a p (or NULL). */
APR_DECLARE(const char *) apr_pdecode_base64(apr_pool_t *p, const char *src,
        apr_ssize_t slen, int flags, apr_size_t *len)
        __attribute__((nonnull(1)));

/** Decode base64 or base64url into bytes from @a p, NUL-terminated (or
 *  NULL). */
APR_DECLARE(const unsigned char *) apr_pdecode_base64_binary(apr_pool_t *p,
        const char *src, apr_ssize_t slen, int flags, apr_size_t *len)
        __attribute__((nonnull(1)));

/**
 * Encode text as base32 (arguments as apr_encode_base64()), upper-case.
 * @param flags APR_ENCODE_NONE, APR_ENCODE_NOPADDING, APR_ENCODE_BASE32HEX
 */
APR_DECLARE(apr_status_t) apr_encode_base32(char *dest, const char *src,
        apr_ssize_t slen, int flags, apr_size_t *len);

/** Encode bytes as base32. */
APR_DECLARE(apr_status_t) apr_encode_base32_binary(char *dest,
        const unsigned char *src, apr_ssize_t slen, int flags,
        apr_size_t *len);

/** Encode text as base32 into a string from @a p (or NULL). */
APR_DECLARE(const char *) apr_pencode_base32(apr_pool_t *p, const char *src,
        apr_ssize_t slen, int flags, apr_size_t *len)
        __attribute__((nonnull(1)));

/** Encode bytes as base32 into a string from @a p (or NULL). */
APR_DECLARE(const char *) apr_pencode_base32_binary(apr_pool_t *p,
        const unsigned char *src, apr_ssize_t slen, int flags,
        apr_size_t *len)
        __attribute__((nonnull(1)));

/**
 * Decode base32 or (with APR_ENCODE_BASE32HEX) base32hex, padded or not,
 * as text (arguments as apr_decode_base64()). Upper-case letters only.
 */
APR_DECLARE(apr_status_t) apr_decode_base32(char *dest, const char *src,
        apr_ssize_t slen, int flags, apr_size_t *len);

/** Decode base32 or base32hex as bytes. */
APR_DECLARE(apr_status_t) apr_decode_base32_binary(unsigned char *dest,
        const char *src, apr_ssize_t slen, int flags, apr_size_t *len);

/** Decode base32 or base32hex into a string from @a p (or NULL). */
APR_DECLARE(const char *) apr_pdecode_base32(apr_pool_t *p, const char *src,
        apr_ssize_t slen, int flags, apr_size_t *len)
        __attribute__((nonnull(1)));

/** Decode base32 or base32hex into bytes from @a p (or NULL). */
APR_DECLARE(const unsigned char *) apr_pdecode_base32_binary(apr_pool_t *p,
        const char *src, apr_ssize_t slen, int flags, apr_size_t *len)
        __attribute__((nonnull(1)));

/**
 * Encode text as base16, upper-case unless APR_ENCODE_LOWER (arguments as
 * apr_encode_base64()).
 * @param flags APR_ENCODE_NONE, APR_ENCODE_COLON, APR_ENCODE_LOWER
 */
APR_DECLARE(apr_status_t) apr_encode_base16(char *dest, const char *src,
        apr_ssize_t slen, int flags, apr_size_t *len);

/** Encode bytes as base16. */
APR_DECLARE(apr_status_t) apr_encode_base16_binary(char *dest,
        const unsigned char *src, apr_ssize_t slen, int flags,
        apr_size_t *len);

/** Encode text as base16 into a string from @a p (or NULL). */
APR_DECLARE(const char *) apr_pencode_base16(apr_pool_t *p, const char *src,
        apr_ssize_t slen, int flags, apr_size_t *len)
        __attribute__((nonnull(1)));

/** Encode bytes as base16 into a string from @a p (or NULL). */
APR_DECLARE(const char *) apr_pencode_base16_binary(apr_pool_t *p,
        const unsigned char *src, apr_ssize_t slen, int flags,
        apr_size_t *len)
        __attribute__((nonnull(1)));

/**
 * Decode base16 (hex digits of either case; with APR_ENCODE_COLON, a ':'
 * between bytes) as text (arguments as apr_decode_base64()).
 */
APR_DECLARE(apr_status_t) apr_decode_base16(char *dest, const char *src,
        apr_ssize_t slen, int flags, apr_size_t *len);

/** Decode base16 as bytes. */
APR_DECLARE(apr_status_t) apr_decode_base16_binary(unsigned char *dest,
        const char *src, apr_ssize_t slen, int flags, apr_size_t *len);

/** Decode base16 into a string from @a p (or NULL). */
APR_DECLARE(const char *) apr_pdecode_base16(apr_pool_t *p, const char *src,
        apr_ssize_t slen, int flags, apr_size_t *len)
        __attribute__((nonnull(1)));

/** Decode base16 into bytes from @a p (or NULL). */
APR_DECLARE(const unsigned char *) apr_pdecode_base16_binary(apr_pool_t *p,
        const char *src, apr_ssize_t slen, int flags, apr_size_t *len)
        __attribute__((nonnull(1)));

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_ENCODE_H */
