/*
 * libFuzzer target for apr_base64.h.
 *
 * The input is used twice: as a NUL-terminated string to decode, and as
 * raw bytes to encode. Every output buffer is allocated at exactly the
 * size the API promises to be enough, so one byte written too far is an
 * ASan error.
 *
 * Checked on every input:
 *  - apr_base64_decode_len() bounds the decoded length (decoded + 1 <=
 *    decode_len) and decoding never writes past it; decode and
 *    decode_binary agree; decode NUL-terminates;
 *  - encoding writes exactly apr_base64_encode_len() bytes, a string of
 *    the base64 alphabet and '=' only;
 *  - encode then decode gives the input back, and decoding is stable:
 *    decode(encode(decode(s))) == decode(s).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "apr_base64.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

/* malloc(n), never NULL, and never 0 bytes (so a 0-byte output still has
 * an address); `n` is what may be written. */
static unsigned char *alloc_exact(size_t n)
{
    unsigned char *p = malloc(n ? n : 1);

    CHECK(p != NULL);
    return p;
}

static int is_coded_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
           || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
}

/* Encodes `len` bytes, checks the output, returns it (malloc'ed). */
static char *encode_checked(const unsigned char *in, int len)
{
    int enc_len = apr_base64_encode_len(len), i;
    char *coded = (char *)alloc_exact((size_t)enc_len);

    CHECK(apr_base64_encode_binary(coded, in, len) == enc_len);
    CHECK(coded[enc_len - 1] == '\0');
    for (i = 0; i < enc_len - 1; i++)
        CHECK(is_coded_char(coded[i]));
    CHECK((enc_len - 1) % 4 == 0);
    return coded;
}

/* Decodes `coded` into exact-size buffers; returns the bytes (malloc'ed)
 * and their count in *len. */
static unsigned char *decode_checked(const char *coded, int *len)
{
    int dec_len = apr_base64_decode_len(coded), n;
    unsigned char *text = alloc_exact((size_t)dec_len);
    unsigned char *bin = alloc_exact((size_t)dec_len - 1);

    CHECK(dec_len >= 1);
    n = apr_base64_decode((char *)text, coded);
    CHECK(n >= 0 && n + 1 <= dec_len);
    CHECK(text[n] == '\0');
    CHECK(apr_base64_decode_binary(bin, coded) == n);
    CHECK(memcmp(text, bin, (size_t)n) == 0);
    free(text);
    *len = n;
    return bin;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *str, *coded, *recoded;
    unsigned char *plain, *again;
    int len, len2, size_i;

    if (size > 1 << 16)
        return 0;
    size_i = (int)size;

    /* Decode the input as a string. */
    str = (char *)alloc_exact(size + 1);
    memcpy(str, data, size);
    str[size] = '\0';
    plain = decode_checked(str, &len);

    /* Stable: re-encoding the decoded bytes decodes to them again. */
    recoded = encode_checked(plain, len);
    again = decode_checked(recoded, &len2);
    CHECK(len2 == len && memcmp(again, plain, (size_t)len) == 0);
    free(again);
    free(recoded);
    free(plain);
    free(str);

    /* Encode the input bytes, decode them back. */
    coded = encode_checked(data, size_i);
    plain = decode_checked(coded, &len);
    CHECK(len == size_i && memcmp(plain, data, size) == 0);
    CHECK(apr_base64_decode_len(coded) - 1 - size_i <= 2);
    free(plain);
    free(coded);
    return 0;
}
