/*
 * Base64, base32 and base16 (apr_encode.h).
 *
 * Each family is one encoder and one decoder working on bytes; the eight
 * public functions of a family are thin wrappers that check the arguments
 * the way APR 1.7 does and say whether the output is text (NUL-terminated,
 * the NUL counted when measuring) or bytes.
 *
 * The decoders follow APR 1.7.2's actual behaviour, which is not quite
 * what its header describes: decoding stops at the first character outside
 * the alphabet with or without APR_ENCODE_RELAXED (without it the status
 * is APR_BADCH, unless that character starts a short run of trailing '='
 * padding); an APR_EINCOMPLETE found afterwards (a length no encoder
 * produces) replaces APR_BADCH; the measuring pass (NULL dest) computes its
 * status from the length alone, so for base16 with APR_ENCODE_COLON it
 * expects "xx:xx" and may disagree with the writing pass. The binary
 * decoders measure without room for a NUL and write none; the pool ones
 * add it.
 */
#include <string.h>

#include "apr_encode.h"
#include "apr_pools.h"

static const char b64_std[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64_url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
static const char b32_std[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
static const char b32_hex[] = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
static const char b16_upper[] = "0123456789ABCDEF";
static const char b16_lower[] = "0123456789abcdef";

/* Values a decoder's symbol function returns besides the digit values. */
#define PAD 0x100       /* '=' */
#define BAD 0x200       /* anything else outside the alphabet */

/* ---- argument checks shared by every family ---- */

/* Text input: APR_ENCODE_STRING measures src (when there is one). */
static apr_status_t text_count(const void *dest, const char *src,
                               apr_ssize_t slen, apr_size_t *count)
{
    if (src && slen == APR_ENCODE_STRING) {
        *count = strlen(src);
        return APR_SUCCESS;
    }
    if (slen < 0 || (dest && !src))
        return src ? APR_EINVAL : APR_NOTFOUND;
    *count = (apr_size_t)slen;
    return APR_SUCCESS;
}

/* Byte input: any negative length is an error. */
static apr_status_t binary_count(const void *dest, const void *src,
                                 apr_ssize_t slen, apr_size_t *count)
{
    if (slen < 0 || (dest && !src))
        return src ? APR_EINVAL : APR_NOTFOUND;
    *count = (apr_size_t)slen;
    return APR_SUCCESS;
}

/* Finish an encoder's output: its length, then the NUL. */
static apr_status_t end_text(char *dest, char *end, apr_size_t *len)
{
    if (len)
        *len = (apr_size_t)(end - dest);
    *end = '\0';
    return APR_SUCCESS;
}

/* ---- base64 ---- */

static apr_status_t b64_encode(char *dest, const unsigned char *in,
                               apr_size_t n, int flags, apr_size_t *len)
{
    /* As in APR 1.7.2, either bit of APR_ENCODE_BASE64URL selects the URL
     * alphabet: APR_ENCODE_NOPADDING alone gives "-" and "_" too. */
    const char *abc = (flags & APR_ENCODE_BASE64URL) ? b64_url : b64_std;
    int pad = !(flags & APR_ENCODE_NOPADDING);
    char *out = dest;
    apr_size_t i;

    if (!dest) {
        if (len)
            *len = (n + 2) / 3 * 4 + 1;
        return APR_SUCCESS;
    }
    for (i = 0; i + 2 < n; i += 3) {
        *out++ = abc[in[i] >> 2];
        *out++ = abc[(in[i] & 0x03) << 4 | in[i + 1] >> 4];
        *out++ = abc[(in[i + 1] & 0x0f) << 2 | in[i + 2] >> 6];
        *out++ = abc[in[i + 2] & 0x3f];
    }
    if (n - i == 1) {
        *out++ = abc[in[i] >> 2];
        *out++ = abc[(in[i] & 0x03) << 4];
        if (pad) {
            *out++ = '=';
            *out++ = '=';
        }
    }
    else if (n - i == 2) {
        *out++ = abc[in[i] >> 2];
        *out++ = abc[(in[i] & 0x03) << 4 | in[i + 1] >> 4];
        *out++ = abc[(in[i + 1] & 0x0f) << 2];
        if (pad)
            *out++ = '=';
    }
    return end_text(dest, out, len);
}

/* Both alphabets decode, whatever the flags. */
static unsigned b64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return c == '=' ? PAD : BAD;
}

static unsigned b32_value(unsigned char c, int hex)
{
    if (hex) {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'A' && c <= 'V')
            return c - 'A' + 10;
    }
    else {
        if (c >= 'A' && c <= 'Z')
            return c - 'A';
        if (c >= '2' && c <= '7')
            return c - '2' + 26;
    }
    return c == '=' ? PAD : BAD;
}

/* ':' has the value 0x20, which APR 1.7 ORs into a byte when it follows a
 * lone digit ("6:6" decodes to 0x60); see b16_decode(). */
#define COLON 0x20

static unsigned b16_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c == ':' ? COLON : BAD;
}

/* A family's symbol value (`arg`: base32hex, or colons allowed). */
typedef unsigned (*value_fn)(unsigned char c, int arg);

static unsigned b64_value_fn(unsigned char c, int arg)
{
    (void)arg;
    return b64_value(c);
}

static unsigned b32_value_fn(unsigned char c, int hex)
{
    return b32_value(c, hex);
}

static unsigned b16_value_fn(unsigned char c, int colon)
{
    unsigned v = b16_value(c);

    return v == COLON && !colon ? BAD : v;
}

/*
 * The length of the decodable prefix of `src` (`n` bytes): up to the first
 * symbol for which `value` (family-specific, `arg` its option) returns
 * PAD or BAD. Sets *status to APR_BADCH when that stop is an error:
 * always without `relaxed`, except that a tail of at most `max_pad` '='
 * is fine.
 */
static apr_size_t valid_prefix(const unsigned char *src, apr_size_t n,
                               value_fn value, int arg, apr_size_t max_pad,
                               int relaxed, apr_status_t *status)
{
    apr_size_t i, k;

    for (i = 0; i < n; i++) {
        if (value(src[i], arg) < PAD)
            continue;
        if (relaxed)
            return i;
        k = n - i;
        if (k <= max_pad) {
            while (k > 0 && src[i + k - 1] == '=')
                k--;
        }
        if (k)
            *status = APR_BADCH;
        return i;
    }
    return i;
}

static apr_status_t b64_decode(unsigned char *dest, const char *src,
                               apr_size_t n, int flags, int text,
                               apr_size_t *len)
{
    const unsigned char *in = (const unsigned char *)src;
    apr_status_t status = APR_SUCCESS;
    unsigned char *out = dest;
    apr_size_t rem;

    if (src)            /* without one, measure by the length alone */
        n = valid_prefix(in, n, b64_value_fn, 0, 2,
                         flags & APR_ENCODE_RELAXED, &status);
    rem = n % 4;
    if (rem == 1)
        status = APR_EINCOMPLETE;
    if (!dest) {
        if (len)
            *len = n / 4 * 3 + (rem > 1 ? rem - 1 : 0) + (text ? 1 : 0);
        return status;
    }
    for (; n >= 4; n -= 4, in += 4) {
        unsigned a = b64_value(in[0]), b = b64_value(in[1]);
        unsigned c = b64_value(in[2]), d = b64_value(in[3]);

        *out++ = (unsigned char)(a << 2 | b >> 4);
        *out++ = (unsigned char)(b << 4 | c >> 2);
        *out++ = (unsigned char)(c << 6 | d);
    }
    if (n > 1)
        *out++ = (unsigned char)(b64_value(in[0]) << 2 | b64_value(in[1]) >> 4);
    if (n > 2)
        *out++ = (unsigned char)(b64_value(in[1]) << 4 | b64_value(in[2]) >> 2);
    if (len)
        *len = (apr_size_t)(out - dest);
    if (text)
        *out = '\0';
    return status;
}

/* ---- base32 ---- */

static apr_status_t b32_encode(char *dest, const unsigned char *in,
                               apr_size_t n, int flags, apr_size_t *len)
{
    const char *abc = (flags & APR_ENCODE_BASE32HEX) ? b32_hex : b32_std;
    /* Symbols used by a final group of 0..4 bytes. */
    static const unsigned char used[5] = {0, 2, 4, 5, 7};
    int pad = !(flags & APR_ENCODE_NOPADDING);
    char *out = dest;
    apr_size_t i;

    if (!dest) {
        if (len)
            *len = (n + 4) / 5 * 8 + 1;
        return APR_SUCCESS;
    }
    for (i = 0; i < n; i += 5) {
        unsigned char b[5] = {0, 0, 0, 0, 0};
        apr_size_t k, take = n - i < 5 ? n - i : 5;
        char sym[8];

        memcpy(b, in + i, take);
        sym[0] = abc[b[0] >> 3];
        sym[1] = abc[(b[0] & 0x07) << 2 | b[1] >> 6];
        sym[2] = abc[(b[1] >> 1) & 0x1f];
        sym[3] = abc[(b[1] & 0x01) << 4 | b[2] >> 4];
        sym[4] = abc[(b[2] & 0x0f) << 1 | b[3] >> 7];
        sym[5] = abc[(b[3] >> 2) & 0x1f];
        sym[6] = abc[(b[3] & 0x03) << 3 | b[4] >> 5];
        sym[7] = abc[b[4] & 0x1f];
        k = take == 5 ? 8 : used[take];
        memcpy(out, sym, k);
        out += k;
        for (; pad && k < 8; k++)
            *out++ = '=';
    }
    return end_text(dest, out, len);
}

static apr_status_t b32_decode(unsigned char *dest, const char *src,
                               apr_size_t n, int flags, int text,
                               apr_size_t *len)
{
    /* Bytes given by a final group of 0..7 symbols; 1, 3 and 6 symbols
     * are lengths no encoder produces. */
    static const unsigned char bytes[8] = {0, 0, 1, 1, 2, 3, 3, 4};
    const unsigned char *in = (const unsigned char *)src;
    int hex = (flags & APR_ENCODE_BASE32HEX) != 0;
    apr_status_t status = APR_SUCCESS;
    unsigned char *out = dest;
    apr_size_t rem;

    if (src)
        n = valid_prefix(in, n, b32_value_fn, hex, 6,
                         flags & APR_ENCODE_RELAXED, &status);
    rem = n % 8;
    if (rem == 1 || rem == 3 || rem == 6)
        status = APR_EINCOMPLETE;
    if (!dest) {
        if (len)
            *len = n / 8 * 5 + bytes[rem] + (text ? 1 : 0);
        return status;
    }
    for (; n > 0; ) {
        unsigned v[8] = {0, 0, 0, 0, 0, 0, 0, 0};
        apr_size_t k, take = n < 8 ? n : 8;
        unsigned char b[5];

        for (k = 0; k < take; k++)
            v[k] = b32_value(in[k], hex);
        b[0] = (unsigned char)(v[0] << 3 | v[1] >> 2);
        b[1] = (unsigned char)(v[1] << 6 | v[2] << 1 | v[3] >> 4);
        b[2] = (unsigned char)(v[3] << 4 | v[4] >> 1);
        b[3] = (unsigned char)(v[4] << 7 | v[5] << 2 | v[6] >> 3);
        b[4] = (unsigned char)(v[6] << 5 | v[7]);
        k = take == 8 ? 5 : bytes[take];
        memcpy(out, b, k);
        out += k;
        in += take;
        n -= take;
    }
    if (len)
        *len = (apr_size_t)(out - dest);
    if (text)
        *out = '\0';
    return status;
}

/* ---- base16 ---- */

static apr_status_t b16_encode(char *dest, const unsigned char *in,
                               apr_size_t n, int flags, apr_size_t *len)
{
    const char *abc = (flags & APR_ENCODE_LOWER) ? b16_lower : b16_upper;
    int colon = (flags & APR_ENCODE_COLON) != 0;
    char *out = dest;
    apr_size_t i;

    if (!dest) {
        apr_status_t rv = APR_SUCCESS;
        apr_size_t size = n * 2 + 1;

        if (colon) {
            /* "xx:" per byte, the last ':' making room for the NUL. */
            size = n ? n * 3 : 1;
            if (n > APR_SIZE_MAX / 3)
                rv = APR_ENOSPC;
        }
        if (len)
            *len = size;
        return rv;
    }
    for (i = 0; i < n; i++) {
        if (colon && i)
            *out++ = ':';
        *out++ = abc[in[i] >> 4];
        *out++ = abc[in[i] & 0x0f];
    }
    return end_text(dest, out, len);
}

static apr_status_t b16_decode(unsigned char *dest, const char *src,
                               apr_size_t n, int flags, int text,
                               apr_size_t *len)
{
    const unsigned char *in = (const unsigned char *)src;
    int colon = (flags & APR_ENCODE_COLON) != 0;
    apr_status_t status = APR_SUCCESS;
    unsigned char *out = dest;

    if (src)
        n = valid_prefix(in, n, b16_value_fn, colon, 0,
                         flags & APR_ENCODE_RELAXED, &status);
    if (!dest) {
        /* Measured as "xx:xx:xx" with a colon, "xxxxxx" without. */
        apr_size_t size = colon ? (n + 1) / 3 : n / 2;

        if (n && (colon ? (n + 1) % 3 != 0 : n % 2 != 0))
            status = APR_EINCOMPLETE;
        if (len)
            *len = size + (text ? 1 : 0);
        return status;
    }
    while (n >= 2) {
        unsigned hi = b16_value(in[0]);

        if (hi == COLON) {
            in++;
            n--;
            continue;
        }
        *out++ = (unsigned char)(hi << 4 | b16_value(in[1]));
        in += 2;
        n -= 2;
    }
    if (n == 1)
        status = APR_EINCOMPLETE;
    if (len)
        *len = (apr_size_t)(out - dest);
    if (text)
        *out = '\0';
    return status;
}

/* ---- the public functions ---- */

typedef apr_status_t (*encode_fn)(char *dest, const unsigned char *in,
                                  apr_size_t n, int flags, apr_size_t *len);
typedef apr_status_t (*decode_fn)(unsigned char *dest, const char *src,
                                  apr_size_t n, int flags, int text,
                                  apr_size_t *len);

static apr_status_t encode_text(encode_fn fn, char *dest, const char *src,
                                apr_ssize_t slen, int flags, apr_size_t *len)
{
    apr_size_t n;
    apr_status_t rv = text_count(dest, src, slen, &n);

    if (rv != APR_SUCCESS)
        return rv;
    return fn(dest, (const unsigned char *)src, n, flags, len);
}

static apr_status_t encode_bytes(encode_fn fn, char *dest,
                                 const unsigned char *src, apr_ssize_t slen,
                                 int flags, apr_size_t *len)
{
    apr_size_t n;
    apr_status_t rv = binary_count(dest, src, slen, &n);

    if (rv != APR_SUCCESS)
        return rv;
    return fn(dest, src, n, flags, len);
}

static apr_status_t decode(decode_fn fn, unsigned char *dest,
                           const char *src, apr_ssize_t slen, int flags,
                           int text, apr_size_t *len)
{
    apr_size_t n;
    apr_status_t rv = text_count(dest, src, slen, &n);

    if (rv != APR_SUCCESS)
        return rv;
    return fn(dest, src, n, flags, text, len);
}

/* Measure, allocate, write. */
static const char *pencode(apr_pool_t *p, encode_fn fn,
                           const unsigned char *src, apr_size_t n,
                           int flags, apr_size_t *len)
{
    apr_size_t size;
    char *out;

    if (!src || fn(NULL, src, n, flags, &size) != APR_SUCCESS)
        return NULL;
    out = apr_palloc(p, size);
    if (out)
        fn(out, src, n, flags, len);
    return out;
}

static const char *pencode_text(apr_pool_t *p, encode_fn fn, const char *src,
                                apr_ssize_t slen, int flags, apr_size_t *len)
{
    apr_size_t n;

    if (!src || text_count(NULL, src, slen, &n) != APR_SUCCESS)
        return NULL;
    return pencode(p, fn, (const unsigned char *)src, n, flags, len);
}

static const char *pencode_bytes(apr_pool_t *p, encode_fn fn,
                                 const unsigned char *src, apr_ssize_t slen,
                                 int flags, apr_size_t *len)
{
    apr_size_t n;

    if (!src || binary_count(NULL, src, slen, &n) != APR_SUCCESS)
        return NULL;
    return pencode(p, fn, src, n, flags, len);
}

/* The measuring pass decides (as in APR 1.7.2, the status of the writing
 * one is not looked at). With APR_ENCODE_COLON the base16 measurement
 * assumes "xx:xx" and can be too small ("0102" measures as one byte):
 * APR 1.7.2 then writes past its allocation; we allocate what the writing
 * pass may need, and the NUL goes after the bytes written. */
static void *pdecode(apr_pool_t *p, decode_fn fn, const char *src,
                     apr_ssize_t slen, int flags, int text, apr_size_t *len)
{
    apr_size_t n, size;
    unsigned char *out;

    if (!src || text_count(NULL, src, slen, &n) != APR_SUCCESS)
        return NULL;
    if (fn(NULL, src, n, flags, text, &size) != APR_SUCCESS)
        return NULL;
    if (text)
        size--;
    if (fn == b16_decode && size < n / 2)
        size = n / 2;
    out = apr_palloc(p, size + 1);
    if (!out)
        return NULL;
    fn(out, src, n, flags, text, &size);
    out[size] = '\0';
    if (len)
        *len = size;
    return out;
}

#define APR__ENCODE_FAMILY(name, enc, dec)                                   \
APR_DECLARE(apr_status_t) apr_encode_##name(char *dest, const char *src,     \
        apr_ssize_t slen, int flags, apr_size_t *len)                        \
{                                                                            \
    return encode_text(enc, dest, src, slen, flags, len);                    \
}                                                                            \
APR_DECLARE(apr_status_t) apr_encode_##name##_binary(char *dest,             \
        const unsigned char *src, apr_ssize_t slen, int flags,               \
        apr_size_t *len)                                                     \
{                                                                            \
    return encode_bytes(enc, dest, src, slen, flags, len);                   \
}                                                                            \
APR_DECLARE(const char *) apr_pencode_##name(apr_pool_t *p,                  \
        const char *src, apr_ssize_t slen, int flags, apr_size_t *len)       \
{                                                                            \
    return pencode_text(p, enc, src, slen, flags, len);                      \
}                                                                            \
APR_DECLARE(const char *) apr_pencode_##name##_binary(apr_pool_t *p,         \
        const unsigned char *src, apr_ssize_t slen, int flags,               \
        apr_size_t *len)                                                     \
{                                                                            \
    return pencode_bytes(p, enc, src, slen, flags, len);                     \
}                                                                            \
APR_DECLARE(apr_status_t) apr_decode_##name(char *dest, const char *src,     \
        apr_ssize_t slen, int flags, apr_size_t *len)                        \
{                                                                            \
    return decode(dec, (unsigned char *)dest, src, slen, flags, 1, len);     \
}                                                                            \
APR_DECLARE(apr_status_t) apr_decode_##name##_binary(unsigned char *dest,    \
        const char *src, apr_ssize_t slen, int flags, apr_size_t *len)       \
{                                                                            \
    return decode(dec, dest, src, slen, flags, 0, len);                      \
}                                                                            \
APR_DECLARE(const char *) apr_pdecode_##name(apr_pool_t *p,                  \
        const char *src, apr_ssize_t slen, int flags, apr_size_t *len)       \
{                                                                            \
    return pdecode(p, dec, src, slen, flags, 1, len);                        \
}                                                                            \
APR_DECLARE(const unsigned char *) apr_pdecode_##name##_binary(              \
        apr_pool_t *p, const char *src, apr_ssize_t slen, int flags,         \
        apr_size_t *len)                                                     \
{                                                                            \
    return pdecode(p, dec, src, slen, flags, 0, len);                        \
}

APR__ENCODE_FAMILY(base64, b64_encode, b64_decode)
APR__ENCODE_FAMILY(base32, b32_encode, b32_decode)
APR__ENCODE_FAMILY(base16, b16_encode, b16_decode)
