/*
 * apr_encode.h: base64, base64url, base32, base32hex and base16.
 *
 * RFC 4648's test vectors (section 10) for every family, each flag, the
 * measuring calls, the pool variants, and the decoders' handling of bad
 * input. Where APR 1.7.2 behaves differently from its own header, the
 * tests follow the library (and say so); this suite passes against
 * Debian's libapr-1 (-Dtest_against=system).
 */
#include <string.h>

#include "testutil.h"
#include "apr_encode.h"
#include "apr_strings.h"

/* RFC 4648, section 10: "", "f", "fo", "foo", "foob", "fooba", "foobar". */
static const char *const plain[] = {"", "f", "fo", "foo", "foob", "fooba",
                                    "foobar"};
static const char *const b64[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==",
                                  "Zm9vYmE=", "Zm9vYmFy"};
static const char *const b64_nopad[] = {"", "Zg", "Zm8", "Zm9v", "Zm9vYg",
                                        "Zm9vYmE", "Zm9vYmFy"};
static const char *const b32[] = {"", "MY======", "MZXQ====", "MZXW6===",
                                  "MZXW6YQ=", "MZXW6YTB",
                                  "MZXW6YTBOI======"};
static const char *const b32hex[] = {"", "CO======", "CPNG====", "CPNMU===",
                                     "CPNMUOG=", "CPNMUOJ1",
                                     "CPNMUOJ1E8======"};
static const char *const b16[] = {"", "66", "666F", "666F6F", "666F6F62",
                                  "666F6F6261", "666F6F626172"};

typedef apr_status_t (*text_fn)(char *dest, const char *src,
                                apr_ssize_t slen, int flags, apr_size_t *len);
typedef const char *(*pool_fn)(apr_pool_t *p, const char *src,
                               apr_ssize_t slen, int flags, apr_size_t *len);

/* Run `fn` on `in` both ways (measure, then write into a buffer of the
 * measured size) and check the output and both lengths. */
static void check_text(text_fn fn, const char *in, int flags,
                       const char *expect, const char *what)
{
    apr_size_t size = 0, len = 0;
    char *out;

    ck_assert_int_eq(fn(NULL, in, APR_ENCODE_STRING, flags, &size),
                     APR_SUCCESS);
    ck_assert_msg(size >= strlen(expect) + 1, "%s(\"%s\", %d): size %lu",
                  what, in, flags, (unsigned long)size);
    out = apr_palloc(p, size);
    ck_assert_int_eq(fn(out, in, APR_ENCODE_STRING, flags, &len),
                     APR_SUCCESS);
    ck_assert_msg(strcmp(out, expect) == 0, "%s(\"%s\", %d) = \"%s\", not "
                  "\"%s\"", what, in, flags, out, expect);
    ck_assert_uint_eq(len, strlen(expect));
    /* With an explicit length too. */
    ck_assert_int_eq(fn(out, in, (apr_ssize_t)strlen(in), flags, &len),
                     APR_SUCCESS);
    ck_assert_str_eq(out, expect);
}

static void check_pool(pool_fn fn, const char *in, int flags,
                       const char *expect)
{
    apr_size_t len = 0;
    const char *out = fn(p, in, APR_ENCODE_STRING, flags, &len);

    ck_assert_ptr_nonnull(out);
    ck_assert_str_eq(out, expect);
    ck_assert_uint_eq(len, strlen(expect));
}

START_TEST(test_base64_vectors)
{
    size_t i;

    for (i = 0; i < 7; i++) {
        check_text(apr_encode_base64, plain[i], APR_ENCODE_NONE, b64[i],
                   "encode_base64");
        check_text(apr_encode_base64, plain[i], APR_ENCODE_NOPADDING,
                   b64_nopad[i], "encode_base64");
        check_text(apr_decode_base64, b64[i], APR_ENCODE_NONE, plain[i],
                   "decode_base64");
        check_text(apr_decode_base64, b64_nopad[i], APR_ENCODE_NONE,
                   plain[i], "decode_base64");
        check_pool(apr_pencode_base64, plain[i], APR_ENCODE_NONE, b64[i]);
        check_pool(apr_pdecode_base64, b64[i], APR_ENCODE_NONE, plain[i]);
    }
}
END_TEST

/* Bytes 0xfb 0xff 0xfe use the two alphabet-specific symbols. */
START_TEST(test_base64url)
{
    static const unsigned char bin[] = {0xfb, 0xff, 0xfe, 0x3e};
    const char *s;

    s = apr_pencode_base64_binary(p, bin, 4, APR_ENCODE_NONE, NULL);
    ck_assert_str_eq(s, "+//+Pg==");
    s = apr_pencode_base64_binary(p, bin, 4, APR_ENCODE_URL, NULL);
    ck_assert_str_eq(s, "-__-Pg==");
    s = apr_pencode_base64_binary(p, bin, 4, APR_ENCODE_BASE64URL, NULL);
    ck_assert_str_eq(s, "-__-Pg");
    /* APR 1.7.2 tests either bit of APR_ENCODE_BASE64URL for the
     * alphabet: NOPADDING alone gives the URL alphabet too (its header
     * says it only drops the padding). */
    s = apr_pencode_base64_binary(p, bin, 4, APR_ENCODE_NOPADDING, NULL);
    ck_assert_str_eq(s, "-__-Pg");
    ck_assert_int_eq(APR_ENCODE_BASE64URL,
                     APR_ENCODE_NOPADDING | APR_ENCODE_URL);
}
END_TEST

/* Decoders take both alphabets, padded or not, whatever the flags. */
START_TEST(test_base64_decode_alphabets)
{
    static const unsigned char bin[] = {0xfb, 0xff, 0xfe, 0x3e};
    static const char *const forms[] = {"+//+Pg==", "-__-Pg==", "-__-Pg",
                                        "+/_-Pg"};
    const unsigned char *out;
    apr_size_t len;
    size_t i;

    for (i = 0; i < 4; i++) {
        out = apr_pdecode_base64_binary(p, forms[i], APR_ENCODE_STRING,
                                        APR_ENCODE_NONE, &len);
        ck_assert_ptr_nonnull(out);
        ck_assert_uint_eq(len, 4);
        ck_assert(memcmp(out, bin, 4) == 0);
    }
}
END_TEST

START_TEST(test_base32_vectors)
{
    size_t i;

    for (i = 0; i < 7; i++) {
        char nopad[20];

        check_text(apr_encode_base32, plain[i], APR_ENCODE_NONE, b32[i],
                   "encode_base32");
        check_text(apr_encode_base32, plain[i], APR_ENCODE_BASE32HEX,
                   b32hex[i], "encode_base32");
        check_text(apr_decode_base32, b32[i], APR_ENCODE_NONE, plain[i],
                   "decode_base32");
        check_text(apr_decode_base32, b32hex[i], APR_ENCODE_BASE32HEX,
                   plain[i], "decode_base32");
        apr_cpystrn(nopad, b32[i], sizeof nopad);
        *strchrnul(nopad, '=') = '\0';
        check_text(apr_encode_base32, plain[i], APR_ENCODE_NOPADDING, nopad,
                   "encode_base32");
        check_text(apr_decode_base32, nopad, APR_ENCODE_NONE, plain[i],
                   "decode_base32");
        check_pool(apr_pencode_base32, plain[i], APR_ENCODE_BASE32HEX,
                   b32hex[i]);
        check_pool(apr_pdecode_base32, b32[i], APR_ENCODE_NONE, plain[i]);
    }
    /* APR_ENCODE_LOWER is for base16 only. */
    check_text(apr_encode_base32, "foobar", APR_ENCODE_LOWER, b32[6],
               "encode_base32");
}
END_TEST

START_TEST(test_base16_vectors)
{
    size_t i;

    for (i = 0; i < 7; i++) {
        check_text(apr_encode_base16, plain[i], APR_ENCODE_NONE, b16[i],
                   "encode_base16");
        check_text(apr_decode_base16, b16[i], APR_ENCODE_NONE, plain[i],
                   "decode_base16");
        check_pool(apr_pdecode_base16, b16[i], APR_ENCODE_NONE, plain[i]);
    }
    check_text(apr_encode_base16, "foobar", APR_ENCODE_LOWER, "666f6f626172",
               "encode_base16");
    check_text(apr_encode_base16, "foobar", APR_ENCODE_COLON,
               "66:6F:6F:62:61:72", "encode_base16");
    check_text(apr_encode_base16, "foobar",
               APR_ENCODE_COLON | APR_ENCODE_LOWER, "66:6f:6f:62:61:72",
               "encode_base16");
    check_text(apr_encode_base16, "f", APR_ENCODE_COLON, "66",
               "encode_base16");
    /* Either case decodes; colons only with APR_ENCODE_COLON. */
    check_text(apr_decode_base16, "666f6F626172", APR_ENCODE_NONE, "foobar",
               "decode_base16");
    check_text(apr_decode_base16, "66:6f:6F:62:61:72", APR_ENCODE_COLON,
               "foobar", "decode_base16");
    check_pool(apr_pencode_base16, "foobar", APR_ENCODE_COLON,
               "66:6F:6F:62:61:72");
}
END_TEST

/* Binary input and output, NULs included. */
START_TEST(test_binary)
{
    static const unsigned char bin[] = {0x00, 0x01, 0xfe, 0xff, 0x00};
    unsigned char back[8];
    char text[32];
    apr_size_t len;
    int fam;

    for (fam = 0; fam < 3; fam++) {
        apr_status_t (*enc)(char *, const unsigned char *, apr_ssize_t, int,
                            apr_size_t *) =
            fam == 0 ? apr_encode_base64_binary :
            fam == 1 ? apr_encode_base32_binary : apr_encode_base16_binary;
        apr_status_t (*dec)(unsigned char *, const char *, apr_ssize_t, int,
                            apr_size_t *) =
            fam == 0 ? apr_decode_base64_binary :
            fam == 1 ? apr_decode_base32_binary : apr_decode_base16_binary;

        ck_assert_int_eq(enc(text, bin, sizeof bin, APR_ENCODE_NONE, &len),
                         APR_SUCCESS);
        ck_assert_uint_eq(strlen(text), len);
        memset(back, 0x55, sizeof back);
        ck_assert_int_eq(dec(back, text, APR_ENCODE_STRING, APR_ENCODE_NONE,
                             &len), APR_SUCCESS);
        ck_assert_uint_eq(len, sizeof bin);
        ck_assert(memcmp(back, bin, sizeof bin) == 0);
        /* The binary decoders write no NUL after the bytes. */
        ck_assert_int_eq(back[sizeof bin], 0x55);
    }
    ck_assert_str_eq(apr_pencode_base64_binary(p, bin, 5, 0, NULL),
                     "AAH+/wA=");
    ck_assert_str_eq(apr_pencode_base32_binary(p, bin, 5, 0, NULL),
                     "AAA757YA");
    ck_assert_str_eq(apr_pencode_base16_binary(p, bin, 5, 0, NULL),
                     "0001FEFF00");
}
END_TEST

/* The measuring calls: room for the output and the NUL, from the length
 * alone (src may be NULL). */
START_TEST(test_lengths)
{
    apr_size_t len;

    ck_assert_int_eq(apr_encode_base64(NULL, NULL, 0, 0, &len), APR_SUCCESS);
    ck_assert_uint_eq(len, 1);
    ck_assert_int_eq(apr_encode_base64(NULL, NULL, 4, 0, &len), APR_SUCCESS);
    ck_assert_uint_eq(len, 9);
    /* The padding is counted even when it will be left out. */
    ck_assert_int_eq(apr_encode_base64(NULL, "f", APR_ENCODE_STRING,
                                       APR_ENCODE_NOPADDING, &len),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 5);
    ck_assert_int_eq(apr_encode_base32(NULL, NULL, 6, 0, &len), APR_SUCCESS);
    ck_assert_uint_eq(len, 17);
    ck_assert_int_eq(apr_encode_base16(NULL, NULL, 6, 0, &len), APR_SUCCESS);
    ck_assert_uint_eq(len, 13);
    ck_assert_int_eq(apr_encode_base16(NULL, NULL, 6, APR_ENCODE_COLON, &len),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 18);
    ck_assert_int_eq(apr_encode_base16(NULL, NULL, 0, APR_ENCODE_COLON, &len),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 1);

    /* Decoders: the text ones count a NUL, the binary ones do not. */
    ck_assert_int_eq(apr_decode_base64(NULL, "Zm9vYmFy", APR_ENCODE_STRING,
                                       0, &len), APR_SUCCESS);
    ck_assert_uint_eq(len, 7);
    ck_assert_int_eq(apr_decode_base64_binary(NULL, "Zm9vYmFy",
                                              APR_ENCODE_STRING, 0, &len),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 6);
    ck_assert_int_eq(apr_decode_base64(NULL, "Zm9vYg==", APR_ENCODE_STRING,
                                       0, &len), APR_SUCCESS);
    ck_assert_uint_eq(len, 5);
    ck_assert_int_eq(apr_decode_base32(NULL, "MZXW6===", APR_ENCODE_STRING,
                                       0, &len), APR_SUCCESS);
    ck_assert_uint_eq(len, 4);
    ck_assert_int_eq(apr_decode_base16_binary(NULL, "666F", 4, 0, &len),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 2);
    /* A NULL len is allowed. */
    ck_assert_int_eq(apr_encode_base64(NULL, "abc", APR_ENCODE_STRING, 0,
                                       NULL), APR_SUCCESS);
}
END_TEST

/* Only base16 with colons can overflow apr_size_t (3 bytes per input
 * byte): APR_ENOSPC, len still set. */
START_TEST(test_enospc)
{
    apr_size_t len;
    apr_ssize_t big = (apr_ssize_t)(APR_SIZE_MAX / 3 + 1);

    ck_assert_int_eq(apr_encode_base16(NULL, NULL, big, APR_ENCODE_COLON,
                                       &len), APR_ENOSPC);
    ck_assert_int_eq(apr_encode_base16(NULL, NULL, big - 1, APR_ENCODE_COLON,
                                       &len), APR_SUCCESS);
    ck_assert_uint_eq(len, APR_SIZE_MAX);
    ck_assert_int_eq(apr_encode_base16(NULL, NULL, big, 0, &len),
                     APR_SUCCESS);
}
END_TEST

START_TEST(test_bad_arguments)
{
    char buf[16];
    apr_size_t len = 99;

    ck_assert_int_eq(apr_encode_base64(buf, "abc", -2, 0, &len), APR_EINVAL);
    ck_assert_int_eq(apr_encode_base64(NULL, "abc", -2, 0, &len),
                     APR_EINVAL);
    ck_assert_int_eq(apr_encode_base64_binary(buf, (const unsigned char *)
                                              "abc", -1, 0, &len),
                     APR_EINVAL);
    ck_assert_int_eq(apr_encode_base64(buf, NULL, 3, 0, &len),
                     APR_NOTFOUND);
    ck_assert_int_eq(apr_encode_base64(NULL, NULL, APR_ENCODE_STRING, 0,
                                       &len), APR_NOTFOUND);
    ck_assert_int_eq(apr_decode_base32(buf, NULL, 3, 0, &len), APR_NOTFOUND);
    ck_assert_int_eq(apr_decode_base16(buf, "66", -5, 0, &len), APR_EINVAL);
    ck_assert_uint_eq(len, 99);
    ck_assert_ptr_null(apr_pencode_base64(p, NULL, 3, 0, NULL));
    ck_assert_ptr_null(apr_pdecode_base64(p, NULL, 3, 0, NULL));
    ck_assert_ptr_null(apr_pencode_base16(p, "abc", -2, 0, NULL));
}
END_TEST

typedef struct {
    const char *in;
    int flags;
    apr_status_t status;
    const char *out;    /* what the writing pass produced */
} bad_case;

static void check_bad(text_fn fn, const bad_case *c, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        char out[64];
        apr_size_t len;
        apr_status_t rv = fn(out, c[i].in, APR_ENCODE_STRING, c[i].flags,
                             &len);

        ck_assert_msg(rv == c[i].status, "\"%s\" flags %d: status %d, not %d",
                      c[i].in, c[i].flags, rv, c[i].status);
        ck_assert_msg(strcmp(out, c[i].out) == 0, "\"%s\" gave \"%s\"",
                      c[i].in, out);
        ck_assert_uint_eq(len, strlen(c[i].out));
    }
}

/* Decoding stops at the first character outside the alphabet; without
 * APR_ENCODE_RELAXED that is APR_BADCH, unless only '=' padding is left.
 * (APR's header promises a full, constant-time decoding: 1.7.2 stops.)
 * A length no encoder produces is APR_EINCOMPLETE, which wins. */
START_TEST(test_decode_invalid)
{
    static const bad_case b64_cases[] = {
        {"Zm!v", 0, APR_BADCH, "f"},
        {"Zm!v", APR_ENCODE_RELAXED, APR_SUCCESS, "f"},
        {"Zm9v!", 0, APR_BADCH, "foo"},
        {"Zm9vYmFy\n", 0, APR_BADCH, "foobar"},
        {"Zm9vYmFy\n", APR_ENCODE_RELAXED, APR_SUCCESS, "foobar"},
        {" Zm9v", 0, APR_BADCH, ""},
        {"Zg=", 0, APR_SUCCESS, "f"},
        {"Zg===", 0, APR_BADCH, "f"},
        {"Zg==Zg==", 0, APR_BADCH, "f"},
        {"Zm=v", 0, APR_BADCH, "f"},
        {"==", 0, APR_SUCCESS, ""},
        {"Z", 0, APR_EINCOMPLETE, ""},
        {"Zm9vY", 0, APR_EINCOMPLETE, "foo"},
        {"Zm9vY", APR_ENCODE_RELAXED, APR_EINCOMPLETE, "foo"},
        {"Z!", 0, APR_EINCOMPLETE, ""},
    };
    static const bad_case b32_cases[] = {
        {"my", 0, APR_BADCH, ""},              /* upper case only */
        {"my", APR_ENCODE_RELAXED, APR_SUCCESS, ""},
        {"MZ!W6", 0, APR_BADCH, "f"},
        {"MY======", 0, APR_SUCCESS, "f"},
        {"MY=======", 0, APR_BADCH, "f"},
        {"MZX", 0, APR_EINCOMPLETE, "f"},
        {"M", 0, APR_EINCOMPLETE, ""},
        {"1", 0, APR_BADCH, ""},
        {"1", APR_ENCODE_BASE32HEX, APR_EINCOMPLETE, ""},
        {"MY", APR_ENCODE_BASE32HEX, APR_EINCOMPLETE, ""},  /* no 'Y' */
    };
    static const bad_case b16_cases[] = {
        {"6G", 0, APR_EINCOMPLETE, ""},
        {"666", 0, APR_EINCOMPLETE, "f"},
        {"66 6F", 0, APR_BADCH, "f"},
        {"66 6F", APR_ENCODE_RELAXED, APR_SUCCESS, "f"},
        {"66:6F", 0, APR_BADCH, "f"},
        {"66:6F", APR_ENCODE_COLON, APR_SUCCESS, "fo"},
        {"66::6F", APR_ENCODE_COLON, APR_SUCCESS, "fo"},
        {":66", APR_ENCODE_COLON, APR_SUCCESS, "f"},
        {"666F", APR_ENCODE_COLON, APR_SUCCESS, "fo"},
        {"66:6F:", APR_ENCODE_COLON, APR_EINCOMPLETE, "fo"},
        {"66:6", APR_ENCODE_COLON, APR_EINCOMPLETE, "f"},
    };

    check_bad(apr_decode_base64, b64_cases,
              sizeof b64_cases / sizeof b64_cases[0]);
    check_bad(apr_decode_base32, b32_cases,
              sizeof b32_cases / sizeof b32_cases[0]);
    check_bad(apr_decode_base16, b16_cases,
              sizeof b16_cases / sizeof b16_cases[0]);
}
END_TEST

/* The pool decoders return NULL when the measuring pass fails. */
START_TEST(test_pdecode_invalid)
{
    apr_size_t len = 99;

    ck_assert_ptr_null(apr_pdecode_base64(p, "Zm!v", APR_ENCODE_STRING, 0,
                                          &len));
    ck_assert_uint_eq(len, 99);
    ck_assert_str_eq(apr_pdecode_base64(p, "Zm!v", APR_ENCODE_STRING,
                                        APR_ENCODE_RELAXED, &len), "f");
    ck_assert_uint_eq(len, 1);
    ck_assert_ptr_null(apr_pdecode_base64(p, "Zm9vY", APR_ENCODE_STRING, 0,
                                          NULL));
    ck_assert_ptr_null(apr_pdecode_base32(p, "MZX", APR_ENCODE_STRING, 0,
                                          NULL));
    ck_assert_ptr_null(apr_pdecode_base16(p, "666", APR_ENCODE_STRING, 0,
                                          NULL));
    ck_assert_ptr_null(apr_pdecode_base16_binary(p, "6G", APR_ENCODE_STRING,
                                                 0, NULL));
}
END_TEST

/* With APR_ENCODE_COLON the measuring pass expects "xx:xx:xx" exactly and
 * judges the length alone, so it can disagree with the writing pass. */
START_TEST(test_base16_colon_measure)
{
    apr_size_t len;
    const char *s;

    ck_assert_int_eq(apr_decode_base16(NULL, "666F", 4, APR_ENCODE_COLON,
                                       &len), APR_EINCOMPLETE);
    ck_assert_uint_eq(len, 2);
    ck_assert_ptr_null(apr_pdecode_base16(p, "666F", 4, APR_ENCODE_COLON,
                                          NULL));
    ck_assert_int_eq(apr_decode_base16(NULL, "66:6F", 5, APR_ENCODE_COLON,
                                       &len), APR_SUCCESS);
    ck_assert_uint_eq(len, 3);
    /* "6:6" measures as incomplete; written, ':' (0x20) is ORed into the
     * byte after a lone digit, and the last digit is left over. */
    ck_assert_int_eq(apr_decode_base16(NULL, "6:6", 3, APR_ENCODE_COLON,
                                       &len), APR_EINCOMPLETE);
    {
        char out[4];

        ck_assert_int_eq(apr_decode_base16(out, "6:6", 3, APR_ENCODE_COLON,
                                           &len), APR_EINCOMPLETE);
        ck_assert_uint_eq(len, 1);
        ck_assert_int_eq((unsigned char)out[0], 0x60);
    }
    /* The pool variant looks at the measuring pass only: here it passes
     * and writing stops short ("F318b": the last digit is left over). */
    s = apr_pdecode_base16(p, "F318b", APR_ENCODE_STRING, APR_ENCODE_COLON,
                           &len);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(len, 2);
    ck_assert_int_eq((unsigned char)s[0], 0xf3);
    ck_assert_int_eq((unsigned char)s[1], 0x18);
#if !APR_TEST_AGAINST_SYSTEM
    /* APR 1.7.2 allocates the measured size (3 bytes here) and writes 4
     * bytes into it, then puts its NUL at the measured size: we allocate
     * enough and terminate after the bytes written. */
    s = apr_pdecode_base16(p, "90d62:Ce", APR_ENCODE_STRING,
                           APR_ENCODE_COLON, &len);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(len, 4);
    ck_assert(memcmp(s, "\x90\xd6\x20\xce", 5) == 0);
#endif
}
END_TEST

/* An explicit length: bytes past it are not read, NULs inside are data. */
START_TEST(test_explicit_length)
{
    char out[16];
    apr_size_t len;

    ck_assert_int_eq(apr_decode_base64(out, "Zm9vYmFy", 4, 0, &len),
                     APR_SUCCESS);
    ck_assert_str_eq(out, "foo");
    ck_assert_int_eq(apr_encode_base16(out, "a\0b", 3, 0, &len),
                     APR_SUCCESS);
    ck_assert_str_eq(out, "610062");
    ck_assert_int_eq(apr_decode_base16(out, "66\0" "6F", 5, 0, &len),
                     APR_BADCH);
    ck_assert_uint_eq(len, 1);
}
END_TEST

/* Round trips of every byte value through every family and flag. */
START_TEST(test_round_trips)
{
    static const int flags[] = {APR_ENCODE_NONE, APR_ENCODE_NOPADDING,
                                APR_ENCODE_URL, APR_ENCODE_BASE64URL,
                                APR_ENCODE_BASE32HEX, APR_ENCODE_COLON,
                                APR_ENCODE_LOWER};
    unsigned char bin[256];
    apr_size_t n, i, len;
    int f;

    for (i = 0; i < 256; i++)
        bin[i] = (unsigned char)(255 - i);
    for (n = 0; n <= 256; n += 37) {
        for (f = 0; f < 7; f++) {
            int fl = flags[f];
            const char *e64 = apr_pencode_base64_binary(p, bin, n, fl, NULL);
            const char *e32 = apr_pencode_base32_binary(p, bin, n, fl, NULL);
            const char *e16 = apr_pencode_base16_binary(p, bin, n, fl, NULL);
            /* The decoders take the flags that matter to them. */
            const unsigned char *d;

            d = apr_pdecode_base64_binary(p, e64, APR_ENCODE_STRING, 0, &len);
            ck_assert_uint_eq(len, n);
            ck_assert(memcmp(d, bin, n) == 0);
            d = apr_pdecode_base32_binary(p, e32, APR_ENCODE_STRING,
                                          fl & APR_ENCODE_BASE32HEX, &len);
            ck_assert_uint_eq(len, n);
            ck_assert(memcmp(d, bin, n) == 0);
            if ((fl & APR_ENCODE_COLON) && n == 0)
                continue;   /* "" measures as incomplete with colons */
            d = apr_pdecode_base16_binary(p, e16, APR_ENCODE_STRING,
                                          fl & APR_ENCODE_COLON, &len);
            ck_assert_ptr_nonnull(d);
            ck_assert_uint_eq(len, n);
            ck_assert(memcmp(d, bin, n) == 0);
        }
    }
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("encode");
    TCase *tc = apr_test_tcase("encode");

    tcase_add_test(tc, test_base64_vectors);
    tcase_add_test(tc, test_base64url);
    tcase_add_test(tc, test_base64_decode_alphabets);
    tcase_add_test(tc, test_base32_vectors);
    tcase_add_test(tc, test_base16_vectors);
    tcase_add_test(tc, test_binary);
    tcase_add_test(tc, test_lengths);
    tcase_add_test(tc, test_enospc);
    tcase_add_test(tc, test_bad_arguments);
    tcase_add_test(tc, test_decode_invalid);
    tcase_add_test(tc, test_pdecode_invalid);
    tcase_add_test(tc, test_base16_colon_measure);
    tcase_add_test(tc, test_explicit_length);
    tcase_add_test(tc, test_round_trips);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
