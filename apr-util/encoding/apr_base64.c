/*
 * Base64 (RFC 4648 section 4) for apr_base64.h.
 *
 * Decoding is table driven: each input byte maps to its 6-bit value, or to
 * 64 for a byte outside the alphabet, which ends the input. Both the
 * measurement and the decoder scan to that byte, so the length
 * apr_base64_decode_len() reports always bounds what the decoder writes.
 *
 * Lengths are ints in this interface. As APR does since 1.6.3, a length
 * whose result would not fit an int aborts the program rather than
 * overflowing a caller's buffer computation.
 */
#include <limits.h>
#include <stdlib.h>

#include "apr_base64.h"

/* The largest input whose encoded size (with the NUL) fits an int. */
#define ENCODE_MAX ((INT_MAX - 1) / 4 * 3)
/* The largest count of base64 characters whose decoded size fits an int. */
#define DECODE_MAX ((apr_size_t)(INT_MAX - 1) / 3 * 4)

#define BAD 64
#define ROW_BAD16 BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, \
                  BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD

static const unsigned char six_of[256] = {
    ROW_BAD16, ROW_BAD16,
    /* ' ' .. '/': '+' = 62, '/' = 63 */
    BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, 62, BAD, BAD, BAD,
    63,
    /* '0' .. '?' */
    52, 53, 54, 55, 56, 57, 58, 59, 60, 61, BAD, BAD, BAD, BAD, BAD, BAD,
    /* '@' .. 'O' */
    BAD, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
    /* 'P' .. '_' */
    15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, BAD, BAD, BAD, BAD, BAD,
    /* '`' .. 'o' */
    BAD, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
    /* 'p' .. DEL */
    41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, BAD, BAD, BAD, BAD, BAD,
    ROW_BAD16, ROW_BAD16, ROW_BAD16, ROW_BAD16,
    ROW_BAD16, ROW_BAD16, ROW_BAD16, ROW_BAD16,
};

static const char alphabet[64] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* The number of leading characters of `s` in the base64 alphabet. */
static apr_size_t coded_length(const unsigned char *s)
{
    const unsigned char *e = s;

    while (six_of[*e] != BAD)
        e++;
    return (apr_size_t)(e - s);
}

/* The bytes `n` base64 characters carry: 3 per 4, 1 for a trailing 2,
 * 2 for a trailing 3; a trailing single character carries none. */
static int decoded_size(apr_size_t n)
{
    static const int tail[4] = { 0, 0, 1, 2 };

    if (n > DECODE_MAX)
        abort();
    return (int)(n / 4 * 3) + tail[n % 4];
}

APU_DECLARE(int) apr_base64_encode_len(int len)
{
    if (len < 0 || len > ENCODE_MAX)
        abort();
    return (len + 2) / 3 * 4 + 1;
}

APU_DECLARE(int) apr_base64_encode(char *coded_dst, const char *plain_src,
                                   int len_plain_src)
{
    return apr_base64_encode_binary(coded_dst,
                                    (const unsigned char *)plain_src,
                                    len_plain_src);
}

APU_DECLARE(int) apr_base64_encode_binary(char *coded_dst,
                                          const unsigned char *plain_src,
                                          int len_plain_src)
{
    const unsigned char *in = plain_src;
    char *out = coded_dst;
    int left = len_plain_src;

    if (left < 0 || left > ENCODE_MAX)
        abort();
    for (; left >= 3; left -= 3, in += 3) {
        apr_uint32_t w = (apr_uint32_t)in[0] << 16
                         | (apr_uint32_t)in[1] << 8 | in[2];
        out[0] = alphabet[w >> 18];
        out[1] = alphabet[(w >> 12) & 63];
        out[2] = alphabet[(w >> 6) & 63];
        out[3] = alphabet[w & 63];
        out += 4;
    }
    if (left > 0) {
        apr_uint32_t w = (apr_uint32_t)in[0] << 16
                         | (left == 2 ? (apr_uint32_t)in[1] << 8 : 0);
        out[0] = alphabet[w >> 18];
        out[1] = alphabet[(w >> 12) & 63];
        out[2] = left == 2 ? alphabet[(w >> 6) & 63] : '=';
        out[3] = '=';
        out += 4;
    }
    *out++ = '\0';
    return (int)(out - coded_dst);
}

APU_DECLARE(int) apr_base64_decode_len(const char *coded_src)
{
    apr_size_t n = coded_length((const unsigned char *)coded_src);

    if (n > DECODE_MAX)
        abort();
    /* Whole groups of three per started group of four, and the NUL. */
    return (int)((n + 3) / 4 * 3) + 1;
}

APU_DECLARE(int) apr_base64_decode(char *plain_dst, const char *coded_src)
{
    int len = apr_base64_decode_binary((unsigned char *)plain_dst,
                                       coded_src);

    plain_dst[len] = '\0';
    return len;
}

APU_DECLARE(int) apr_base64_decode_binary(unsigned char *plain_dst,
                                          const char *coded_src)
{
    const unsigned char *in = (const unsigned char *)coded_src;
    unsigned char *out = plain_dst;
    apr_size_t n = coded_length(in);
    int len = decoded_size(n);

    for (; n >= 4; n -= 4, in += 4) {
        apr_uint32_t w = (apr_uint32_t)six_of[in[0]] << 18
                         | (apr_uint32_t)six_of[in[1]] << 12
                         | (apr_uint32_t)six_of[in[2]] << 6
                         | six_of[in[3]];
        out[0] = (unsigned char)(w >> 16);
        out[1] = (unsigned char)(w >> 8);
        out[2] = (unsigned char)w;
        out += 3;
    }
    if (n >= 2) {
        apr_uint32_t w = (apr_uint32_t)six_of[in[0]] << 18
                         | (apr_uint32_t)six_of[in[1]] << 12
                         | (n == 3 ? (apr_uint32_t)six_of[in[2]] << 6 : 0);
        out[0] = (unsigned char)(w >> 16);
        if (n == 3)
            out[1] = (unsigned char)(w >> 8);
    }
    return len;
}
