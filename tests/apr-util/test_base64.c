/* apr_base64.h: RFC 4648 vectors, round trips of every length 0..64,
 * where decoding stops, and the bounds decode_len gives. */
#include <signal.h>
#include <string.h>
#include "testutil.h"
#include "apr_base64.h"

/* RFC 4648 section 10. */
static const char *const rfc_plain[] = {
    "", "f", "fo", "foo", "foob", "fooba", "foobar"
};
static const char *const rfc_coded[] = {
    "", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"
};

START_TEST(test_rfc4648_encode)
{
    int i;

    for (i = 0; i < 7; i++) {
        char out[16];
        int len = (int)strlen(rfc_plain[i]);

        memset(out, '#', sizeof out);
        /* The return value counts the NUL, as encode_len does. */
        ck_assert_int_eq(apr_base64_encode(out, rfc_plain[i], len),
                         (int)strlen(rfc_coded[i]) + 1);
        ck_assert_str_eq(out, rfc_coded[i]);
        ck_assert_int_eq(apr_base64_encode_len(len),
                         (int)strlen(rfc_coded[i]) + 1);
        memset(out, '#', sizeof out);
        ck_assert_int_eq(apr_base64_encode_binary(out,
                             (const unsigned char *)rfc_plain[i], len),
                         (int)strlen(rfc_coded[i]) + 1);
        ck_assert_str_eq(out, rfc_coded[i]);
    }
}
END_TEST

START_TEST(test_rfc4648_decode)
{
    int i;

    for (i = 0; i < 7; i++) {
        char out[16];
        int len = (int)strlen(rfc_plain[i]);

        memset(out, '#', sizeof out);
        ck_assert_int_eq(apr_base64_decode(out, rfc_coded[i]), len);
        ck_assert_str_eq(out, rfc_plain[i]);
        /* Unpadded input decodes the same. */
        {
            char unpadded[16];
            const char *eq = strchr(rfc_coded[i], '=');
            size_t n = eq ? (size_t)(eq - rfc_coded[i])
                          : strlen(rfc_coded[i]);

            memcpy(unpadded, rfc_coded[i], n);
            unpadded[n] = '\0';
            memset(out, '#', sizeof out);
            ck_assert_int_eq(apr_base64_decode(out, unpadded), len);
            ck_assert_str_eq(out, rfc_plain[i]);
        }
    }
}
END_TEST

START_TEST(test_lengths)
{
    ck_assert_int_eq(apr_base64_encode_len(0), 1);
    ck_assert_int_eq(apr_base64_encode_len(1), 5);
    ck_assert_int_eq(apr_base64_encode_len(3), 5);
    ck_assert_int_eq(apr_base64_encode_len(4), 9);
    ck_assert_int_eq(apr_base64_encode_len(1000), 1337);
    /* The largest input whose encoding fits an int. */
    ck_assert_int_eq(apr_base64_encode_len(1610612733), 2147483645);

    /* Three bytes per started group of four characters, plus the NUL. */
    ck_assert_int_eq(apr_base64_decode_len(""), 1);
    ck_assert_int_eq(apr_base64_decode_len("Z"), 4);
    ck_assert_int_eq(apr_base64_decode_len("Zg=="), 4);
    ck_assert_int_eq(apr_base64_decode_len("Zm9v"), 4);
    ck_assert_int_eq(apr_base64_decode_len("Zm9vY"), 7);
    ck_assert_int_eq(apr_base64_decode_len("Zm9v YmFy"), 4);
}
END_TEST

/* As APR 1.6.3 does: a length whose encoding would not fit an int is a
 * programming error and aborts. */
START_TEST(test_encode_len_negative)
{
    apr_base64_encode_len(-1);
}
END_TEST

START_TEST(test_encode_len_too_big)
{
    apr_base64_encode_len(1610612734);
}
END_TEST

START_TEST(test_round_trip_all_lengths)
{
    unsigned char plain[64], back[64 + 8];
    char coded[100];
    int len, i;

    for (i = 0; i < 64; i++)
        plain[i] = (unsigned char)(i * 37 + 250); /* includes 0x00, 0xff */

    for (len = 0; len <= 64; len++) {
        int enc_len = apr_base64_encode_len(len), dec_len, got;

        memset(coded, '#', sizeof coded);
        ck_assert_int_eq(apr_base64_encode_binary(coded, plain, len),
                         enc_len);
        ck_assert_int_eq((int)strlen(coded), enc_len - 1);
        ck_assert_int_eq(coded[enc_len], '#');

        dec_len = apr_base64_decode_len(coded);
        ck_assert_int_ge(dec_len, len + 1);
        ck_assert_int_le(dec_len, len + 3);
        memset(back, '#', sizeof back);
        got = apr_base64_decode_binary(back, coded);
        ck_assert_int_eq(got, len);
        ck_assert(memcmp(back, plain, (size_t)len) == 0);
        /* Nothing written past the decoded bytes. */
        for (i = len; i < (int)sizeof back; i++)
            ck_assert_int_eq(back[i], '#');

        memset(back, '#', sizeof back);
        ck_assert_int_eq(apr_base64_decode((char *)back, coded), len);
        ck_assert_int_eq(back[len], '\0');
        ck_assert_int_eq(back[len + 1], '#');
    }
}
END_TEST

/* Decoding stops at the first character outside the alphabet. */
START_TEST(test_decode_stops)
{
    char out[32];

    memset(out, '#', sizeof out);
    ck_assert_int_eq(apr_base64_decode(out, "Zm9v YmFy"), 3);
    ck_assert_str_eq(out, "foo");
    ck_assert_int_eq(apr_base64_decode(out, "Zm9vYmFy\n"), 6);
    ck_assert_str_eq(out, "foobar");
    ck_assert_int_eq(apr_base64_decode(out, "Zm=9v"), 1);
    ck_assert_str_eq(out, "f");
    ck_assert_int_eq(apr_base64_decode(out, "YQ==YQ=="), 1);
    ck_assert_str_eq(out, "a");
    ck_assert_int_eq(apr_base64_decode(out, "!abc"), 0);
    ck_assert_str_eq(out, "");
    /* The URL-safe alphabet is not base64 here. */
    ck_assert_int_eq(apr_base64_decode(out, "-_"), 0);
    ck_assert_int_eq(apr_base64_decode(out, "\x80YWJj"), 0);
    /* A lone trailing character carries no whole byte. */
    ck_assert_int_eq(apr_base64_decode(out, "Z"), 0);
    ck_assert_int_eq(apr_base64_decode(out, "Zm9vY"), 3);
    ck_assert_str_eq(out, "foo");
}
END_TEST

START_TEST(test_decode_binary_no_nul)
{
    unsigned char out[8];

    memset(out, '#', sizeof out);
    ck_assert_int_eq(apr_base64_decode_binary(out, "Zm9v"), 3);
    ck_assert(memcmp(out, "foo#", 4) == 0);
    ck_assert_int_eq(apr_base64_decode_binary(out, "+/+/"), 3);
    ck_assert_int_eq(out[0], 0xfb);
    ck_assert_int_eq(out[1], 0xff);
    ck_assert_int_eq(out[2], 0xbf);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("base64");
    TCase *tc = apr_test_tcase("base64");

    tcase_add_test(tc, test_rfc4648_encode);
    tcase_add_test(tc, test_rfc4648_decode);
    tcase_add_test(tc, test_lengths);
    tcase_add_test_raise_signal(tc, test_encode_len_negative, SIGABRT);
    tcase_add_test_raise_signal(tc, test_encode_len_too_big, SIGABRT);
    tcase_add_test(tc, test_round_trip_all_lengths);
    tcase_add_test(tc, test_decode_stops);
    tcase_add_test(tc, test_decode_binary_no_nul);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
