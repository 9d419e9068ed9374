/*
 * apr_base64.h: base64 (RFC 4648, the standard alphabet with '=' padding)
 * encoding and decoding of byte strings.
 *
 * Encoding always writes '=' padding and a terminating NUL. Decoding reads
 * characters of the base64 alphabet until the first one that is not (a
 * '=', whitespace, the NUL, anything else), so it never fails: it decodes
 * what it could read. A trailing group of a single character carries no
 * whole byte and is dropped.
 *
 * The _binary variants take and give raw bytes; the others take and give
 * `char` strings. On an ASCII machine both pairs produce the same bytes
 * (APR translates the text variants on EBCDIC machines only).
 */
#ifndef APR_BASE64_H
#define APR_BASE64_H

#include "apu.h"
#include "apr_general.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_Util_Base64 Base64 Encoding
 * @ingroup APR_Util
 * @{
 */

/**
 * The buffer size apr_base64_encode() needs for @a len input bytes: four
 * characters per started group of three bytes, plus one for the NUL.
 * @param len The length of the input, 0 or more
 * @return The encoded length including the trailing NUL
 */
APU_DECLARE(int) apr_base64_encode_len(int len);

/**
 * Encode @a len_plain_src bytes of @a plain_src into @a coded_dst, which
 * must hold apr_base64_encode_len(len_plain_src) bytes.
 * @param coded_dst The output: padded base64, NUL-terminated
 * @param plain_src The bytes to encode (need not be NUL-terminated)
 * @param len_plain_src The number of bytes to encode
 * @return The number of bytes written, counting the trailing NUL (equal to
 * apr_base64_encode_len(len_plain_src))
 */
APU_DECLARE(int) apr_base64_encode(char *coded_dst, const char *plain_src,
                                   int len_plain_src);

/**
 * apr_base64_encode() on raw bytes.
 * @param coded_dst The output: padded base64, NUL-terminated
 * @param plain_src The bytes to encode
 * @param len_plain_src The number of bytes to encode
 * @return The number of bytes written, counting the trailing NUL
 */
APU_DECLARE(int) apr_base64_encode_binary(char *coded_dst,
                                          const unsigned char *plain_src,
                                          int len_plain_src);

/**
 * An upper bound of the buffer size apr_base64_decode() needs for
 * @a coded_src: three bytes per started group of four base64 characters
 * (counted up to the first character outside the alphabet), plus one for
 * the NUL apr_base64_decode() appends.
 * @param coded_src The encoded string, NUL-terminated
 * @return The buffer size to allocate for decoding it
 */
APU_DECLARE(int) apr_base64_decode_len(const char *coded_src);

/**
 * Decode @a coded_src, up to its first character outside the base64
 * alphabet, into @a plain_dst and NUL-terminate the result. @a plain_dst
 * must hold apr_base64_decode_len(coded_src) bytes.
 * @param plain_dst The output: the decoded bytes, then a NUL
 * @param coded_src The encoded string, NUL-terminated
 * @return The number of decoded bytes, not counting the NUL
 */
APU_DECLARE(int) apr_base64_decode(char *plain_dst, const char *coded_src);

/**
 * apr_base64_decode() into raw bytes: no NUL is appended.
 * @param plain_dst The output: the decoded bytes
 * @param coded_src The encoded string, NUL-terminated
 * @return The number of decoded bytes
 */
APU_DECLARE(int) apr_base64_decode_binary(unsigned char *plain_dst,
                                          const char *coded_src);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* !APR_BASE64_H */
