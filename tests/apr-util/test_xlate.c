/*
 * apr_xlate.h. What a build does depends on APR_HAS_XLATE (apu.h): with
 * conversion (Debian's build, iconv) the conversions are checked; without
 * it (ours for now) every call must say APR_ENOTIMPL and the byte call -1.
 */
#include <string.h>
#include "testutil.h"
#include "apu.h"
#include "apr_xlate.h"

#if APR_HAS_XLATE

START_TEST(latin1_to_utf8)
{
    apr_xlate_t *x;
    const char in[] = "caf\xe9";
    char out[16];
    apr_size_t inleft = 4, outleft = sizeof out;
    int sb = -1;

    ck_assert_int_eq(apr_xlate_open(&x, "UTF-8", "ISO-8859-1", p), APR_SUCCESS);
    ck_assert_int_eq(apr_xlate_sb_get(x, &sb), APR_SUCCESS);
    ck_assert_int_eq(sb, 0);
    ck_assert_int_eq(apr_xlate_conv_buffer(x, in, &inleft, out, &outleft),
                     APR_SUCCESS);
    ck_assert_uint_eq(inleft, 0);
    ck_assert_uint_eq(sizeof out - outleft, 5);
    ck_assert_int_eq(memcmp(out, "caf\xc3\xa9", 5), 0);
    ck_assert_int_eq(apr_xlate_close(x), APR_SUCCESS);
}
END_TEST

START_TEST(single_byte)
{
    apr_xlate_t *x;
    int sb = -1;

    ck_assert_int_eq(apr_xlate_open(&x, "ISO-8859-1", "ISO-8859-1", p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_xlate_sb_get(x, &sb), APR_SUCCESS);
    ck_assert_int_eq(sb, 1);
    ck_assert_int_eq(apr_xlate_conv_byte(x, 'A'), 'A');
    ck_assert_int_eq(apr_xlate_close(x), APR_SUCCESS);
}
END_TEST

START_TEST(unknown_charset)
{
    apr_xlate_t *x;

    ck_assert_int_ne(apr_xlate_open(&x, "UTF-8", "no-such-charset", p),
                     APR_SUCCESS);
}
END_TEST

#else

START_TEST(not_implemented)
{
    apr_xlate_t *x = (apr_xlate_t *)&x;
    char out[8];
    apr_size_t inleft = 3, outleft = sizeof out;
    int sb = 7;

    ck_assert_int_eq(apr_xlate_open(&x, "UTF-8", "ISO-8859-1", p),
                     APR_ENOTIMPL);
    ck_assert_ptr_null(x);
    ck_assert_int_eq(apr_xlate_sb_get(NULL, &sb), APR_ENOTIMPL);
    ck_assert_int_eq(apr_xlate_conv_buffer(NULL, "abc", &inleft, out, &outleft),
                     APR_ENOTIMPL);
    ck_assert_uint_eq(inleft, 3);
    ck_assert_uint_eq(outleft, sizeof out);
    ck_assert_int_eq(apr_xlate_conv_byte(NULL, 'A'), -1);
    ck_assert_int_eq(apr_xlate_close(NULL), APR_ENOTIMPL);
}
END_TEST

#endif

static Suite *make_suite(void)
{
    Suite *s = suite_create("xlate");
    TCase *tc = apr_test_tcase("xlate");

#if APR_HAS_XLATE
    tcase_add_test(tc, latin1_to_utf8);
    tcase_add_test(tc, single_byte);
    tcase_add_test(tc, unknown_charset);
#else
    tcase_add_test(tc, not_implemented);
#endif
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
