/*
 * apr_strings.h: pool strings, concatenation, tokenizing, number
 * conversions, apr_strfsize and natural-order comparison.
 */
#include "testutil.h"

#include <errno.h>
#include <string.h>

#include "apr_strings.h"

START_TEST(test_pstrdup_family)
{
    const char *src = "hello world";
    char *s;
    void *m;

    s = apr_pstrdup(p, src);
    ck_assert_str_eq(s, src);
    ck_assert_ptr_ne(s, src);
    ck_assert_ptr_null(apr_pstrdup(p, NULL));
    ck_assert_str_eq(apr_pstrdup(p, ""), "");

    ck_assert_str_eq(apr_pstrmemdup(p, src, 5), "hello");
    ck_assert_str_eq(apr_pstrmemdup(p, src, 0), "");
    ck_assert_ptr_null(apr_pstrmemdup(p, NULL, 3));
    /* pstrmemdup copies NULs inside the block. */
    s = apr_pstrmemdup(p, "a\0b", 3);
    ck_assert_int_eq(s[2], 'b');
    {
        /* The NUL after the n bytes (hidden from alloc_size(3)). */
        const char *volatile q = s;
        ck_assert_int_eq(q[3], '\0');
    }

    ck_assert_str_eq(apr_pstrndup(p, src, 5), "hello");
    ck_assert_str_eq(apr_pstrndup(p, src, 100), src);
    ck_assert_str_eq(apr_pstrndup(p, "ab\0cd", 5), "ab");
    ck_assert_ptr_null(apr_pstrndup(p, NULL, 3));

    m = apr_pmemdup(p, "\1\2\0\3", 4);
    ck_assert_int_eq(memcmp(m, "\1\2\0\3", 4), 0);
    ck_assert_ptr_null(apr_pmemdup(p, NULL, 4));
}
END_TEST

START_TEST(test_pstrcat)
{
    char big[300];

    ck_assert_str_eq(apr_pstrcat(p, "a", "bc", "", "def", NULL), "abcdef");
    ck_assert_str_eq(apr_pstrcat(p, NULL), "");
    ck_assert_str_eq(apr_pstrcat(p, "x", NULL), "x");
    /* More pieces than the remembered lengths. */
    ck_assert_str_eq(apr_pstrcat(p, "1", "2", "3", "4", "5", "6", "7", "8",
                                 "9", "10", "11", NULL),
                     "1234567891011");
    memset(big, 'z', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    ck_assert_int_eq(strlen(apr_pstrcat(p, big, big, big, NULL)), 897);
}
END_TEST

START_TEST(test_pstrcatv)
{
    struct iovec v[3];
    apr_size_t n = 0;
    char *s;

    v[0].iov_base = (void *)"abc";
    v[0].iov_len = 3;
    v[1].iov_base = (void *)"XYZ";
    v[1].iov_len = 1;
    v[2].iov_base = (void *)"";
    v[2].iov_len = 0;
    s = apr_pstrcatv(p, v, 3, &n);
    ck_assert_str_eq(s, "abcX");
    ck_assert_uint_eq(n, 4);
    ck_assert_str_eq(apr_pstrcatv(p, v, 0, NULL), "");
    ck_assert_str_eq(apr_pstrcatv(p, v, 1, NULL), "abc");
}
END_TEST

START_TEST(test_psprintf)
{
    char *s;
    char big[2000];

    ck_assert_str_eq(apr_psprintf(p, "%s=%d", "x", 42), "x=42");
    ck_assert_str_eq(apr_psprintf(p, "%s", ""), "");
    /* Longer than any internal buffer. */
    memset(big, 'q', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    s = apr_psprintf(p, "<%s|%s>", big, big);
    ck_assert_uint_eq(strlen(s), 2 * 1999 + 3);
    ck_assert_int_eq(s[0], '<');
    ck_assert_int_eq(s[2000], '|');
    ck_assert_int_eq(s[2 * 1999 + 2], '>');
    s = apr_psprintf(p, "%5000d|", 7);
    ck_assert_uint_eq(strlen(s), 5001);
    ck_assert_int_eq(s[4999], '7');
}
END_TEST

START_TEST(test_cpystrn)
{
    char buf[8];
    char *end;

    memset(buf, 'x', sizeof buf);
    end = apr_cpystrn(buf, "abc", sizeof buf);
    ck_assert_str_eq(buf, "abc");
    ck_assert_ptr_eq(end, buf + 3);
    ck_assert_int_eq(buf[4], 'x');  /* no padding */
    end = apr_cpystrn(buf, "abcdefghijk", sizeof buf);
    ck_assert_str_eq(buf, "abcdefg");
    ck_assert_ptr_eq(end, buf + 7);
    end = apr_cpystrn(buf, "abc", 1);
    ck_assert_str_eq(buf, "");
    ck_assert_ptr_eq(end, buf);
    memset(buf, 'x', sizeof buf);
    end = apr_cpystrn(buf, "abc", 0);
    ck_assert_ptr_eq(end, buf);
    ck_assert_int_eq(buf[0], 'x');
}
END_TEST

START_TEST(test_collapse_spaces)
{
    char buf[64];
    char *end;

    strcpy(buf, " a b\tc\n d  \r\f\v");
    end = apr_collapse_spaces(buf, buf);
    ck_assert_str_eq(buf, "abcd");
    ck_assert_ptr_eq(end, buf + 4);
    end = apr_collapse_spaces(buf, "   ");
    ck_assert_str_eq(buf, "");
    ck_assert_ptr_eq(end, buf);
}
END_TEST

static void check_argv(const char *line, const char *const *expect)
{
    char **argv;
    int i;

    ck_assert_int_eq(apr_tokenize_to_argv(line, &argv, p), APR_SUCCESS);
    for (i = 0; expect[i]; i++) {
        ck_assert_ptr_nonnull(argv[i]);
        ck_assert_str_eq(argv[i], expect[i]);
    }
    ck_assert_ptr_null(argv[i]);
}

START_TEST(test_tokenize_to_argv)
{
    const char *e0[] = {NULL};
    const char *e1[] = {"a", "bc", "d", NULL};
    const char *e2[] = {"one two", "three", "four five", NULL};
    const char *e3[] = {"a b", "c\"d", "e'f", NULL};
    const char *e4[] = {"x\\y", "z", NULL};
    const char *e5[] = {"ab", "cd", NULL};
    const char *e6[] = {"it's", NULL};
    const char *e7[] = {"open end", NULL};
    const char *e8[] = {"", NULL};
    const char *e9[] = {"x\"", NULL};

    check_argv("", e0);
    check_argv("   \t ", e0);
    check_argv("  a  bc\td   ", e1);
    check_argv("\"one two\" three 'four five'", e2);
    /* A backslash keeps blanks and quotes; it is removed from the result. */
    check_argv("a\\ b c\\\"d e\\'f", e3);
    check_argv("x\\\\y z", e4);
    /* A closing quote ends the argument. */
    check_argv("\"ab\"cd", e5);
    check_argv("\"it's\"", e6);
    check_argv("\"open end", e7);
    check_argv("\"", e8);
    /* Inside double quotes, \\" keeps the quote: backslash removal then
     * leaves one backslash-less quote. */
    check_argv("\"x\\\"\"", e9);
}
END_TEST

START_TEST(test_strtok)
{
    char buf[64];
    char *last, *tok;

    strcpy(buf, ",,a,b;;c,");
    tok = apr_strtok(buf, ",;", &last);
    ck_assert_str_eq(tok, "a");
    tok = apr_strtok(NULL, ",;", &last);
    ck_assert_str_eq(tok, "b");
    tok = apr_strtok(NULL, ",;", &last);
    ck_assert_str_eq(tok, "c");
    ck_assert_ptr_null(apr_strtok(NULL, ",;", &last));
    ck_assert_ptr_null(apr_strtok(NULL, ",;", &last));

    strcpy(buf, "word");
    tok = apr_strtok(buf, " ", &last);
    ck_assert_str_eq(tok, "word");
    /* last points at the NUL ending the final token. */
    ck_assert_ptr_eq(last, buf + 4);
    strcpy(buf, ";;;");
    ck_assert_ptr_null(apr_strtok(buf, ";", &last));
    strcpy(buf, "");
    ck_assert_ptr_null(apr_strtok(buf, ";", &last));
}
END_TEST

START_TEST(test_itoa)
{
    ck_assert_str_eq(apr_itoa(p, 0), "0");
    ck_assert_str_eq(apr_itoa(p, -17), "-17");
    ck_assert_str_eq(apr_itoa(p, INT_MAX), "2147483647");
    ck_assert_str_eq(apr_itoa(p, INT_MIN), "-2147483648");
    ck_assert_str_eq(apr_ltoa(p, LONG_MAX), "9223372036854775807");
    ck_assert_str_eq(apr_ltoa(p, LONG_MIN), "-9223372036854775808");
    ck_assert_str_eq(apr_off_t_toa(p, (apr_off_t)1 << 40), "1099511627776");
    ck_assert_str_eq(apr_off_t_toa(p, -1), "-1");
}
END_TEST

START_TEST(test_strtoi64)
{
    char *end;
    apr_int64_t v;

    errno = EINVAL;
    v = apr_strtoi64("  -1234xyz", &end, 10);
    ck_assert_int_eq(v, -1234);
    ck_assert_str_eq(end, "xyz");
    ck_assert_int_eq(errno, 0);
    ck_assert_int_eq(apr_strtoi64("0x1F", NULL, 16), 31);
    ck_assert_int_eq(apr_strtoi64("0x1F", NULL, 0), 31);
    ck_assert_int_eq(apr_strtoi64("017", NULL, 0), 15);
    ck_assert_int_eq(apr_strtoi64("zz", NULL, 36), 35 * 36 + 35);
    ck_assert_int_eq(apr_strtoi64("+101", NULL, 2), 5);

    v = apr_strtoi64("9223372036854775807", NULL, 10);
    ck_assert_int_eq(errno, 0);
    ck_assert(v == APR_INT64_MAX);
    v = apr_strtoi64("9223372036854775808", NULL, 10);
    ck_assert_int_eq(errno, ERANGE);
    ck_assert(v == APR_INT64_MAX);
    v = apr_strtoi64("-9223372036854775808", NULL, 10);
    ck_assert_int_eq(errno, 0);
    ck_assert(v == APR_INT64_MIN);
    v = apr_strtoi64("-99999999999999999999", NULL, 10);
    ck_assert_int_eq(errno, ERANGE);
    ck_assert(v == APR_INT64_MIN);

    v = apr_strtoi64("abc", &end, 10);
    ck_assert_int_eq(v, 0);
    ck_assert_str_eq(end, "abc");

    errno = 5;
    ck_assert_int_eq(apr_atoi64("  42"), 42);
    ck_assert_int_eq(errno, 0);
    ck_assert(apr_atoi64("99999999999999999999") == APR_INT64_MAX);
    ck_assert_int_eq(errno, ERANGE);
}
END_TEST

START_TEST(test_strtoff)
{
    apr_off_t off = 0;
    char *end;

    ck_assert_int_eq(apr_strtoff(&off, "12345 rest", &end, 10), APR_SUCCESS);
    ck_assert_int_eq(off, 12345);
    ck_assert_str_eq(end, " rest");
    ck_assert_int_eq(apr_strtoff(&off, "-0x10", NULL, 16), APR_SUCCESS);
    ck_assert_int_eq(off, -16);
    ck_assert_int_eq(apr_strtoff(&off, "99999999999999999999", NULL, 10),
                     ERANGE);
    ck_assert(off == APR_INT64_MAX);
}
END_TEST

START_TEST(test_strfsize)
{
    static const struct {
        apr_off_t size;
        const char *text;
    } cases[] = {
        {-1, "  - "},
        {0, "  0 "},
        {1, "  1 "},
        {972, "972 "},
        {973, "1.0K"},
        {1023, "1.0K"},
        {1024, "1.0K"},
        {1536, "1.5K"},
        {9 * 1024, "9.0K"},
        {9 * 1024 + 972, "9.9K"},
        {9 * 1024 + 973, " 10K"},
        {10 * 1024, " 10K"},
        {10 * 1024 + 511, " 10K"},
        {10 * 1024 + 512, " 11K"},
        {972 * 1024 + 511, "972K"},
        {972 * 1024 + 1023, "973K"},
        {973 * 1024, "1.0M"},
        {(apr_off_t)1 << 30, "1.0G"},
        {(apr_off_t)5000000000LL, "4.7G"},
        {(apr_off_t)1 << 40, "1.0T"},
        {(apr_off_t)1 << 50, "1.0P"},
        {(apr_off_t)1 << 60, "1.0E"},
        {APR_INT64_MAX, "8.0E"},
    };
    char buf[5];
    apr_size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert_ptr_eq(apr_strfsize(cases[i].size, buf), buf);
        ck_assert_str_eq(buf, cases[i].text);
    }
}
END_TEST

START_TEST(test_strnatcmp)
{
    ck_assert_int_lt(apr_strnatcmp("a2", "a10"), 0);
    ck_assert_int_gt(apr_strnatcmp("a10", "a2"), 0);
    ck_assert_int_eq(apr_strnatcmp("abc", "abc"), 0);
    ck_assert_int_eq(apr_strnatcmp("", ""), 0);
    ck_assert_int_lt(apr_strnatcmp("", "a"), 0);
    ck_assert_int_lt(apr_strnatcmp("x2-g8", "x2-y7"), 0);
    ck_assert_int_lt(apr_strnatcmp("x8-y8", "x10-y7"), 0);
    /* Leading spaces are ignored. */
    ck_assert_int_eq(apr_strnatcmp("  abc", "abc"), 0);
    /* Leading zeros: compared as fractions. */
    ck_assert_int_lt(apr_strnatcmp("1.05", "1.5"), 0);
    ck_assert_int_lt(apr_strnatcmp("1.002", "1.01"), 0);
    ck_assert_int_lt(apr_strnatcmp("pic01", "pic2"), 0);
    ck_assert_int_lt(apr_strnatcmp("pic2", "pic3"), 0);
    ck_assert_int_lt(apr_strnatcmp("pic 7", "pic 9"), 0);
    ck_assert_int_gt(apr_strnatcmp("pic100", "pic99"), 0);
    ck_assert_int_lt(apr_strnatcmp("X", "a"), 0);
    ck_assert_int_gt(apr_strnatcasecmp("X", "a"), 0);
    ck_assert_int_eq(apr_strnatcasecmp("File10", "file10"), 0);
    ck_assert_int_lt(apr_strnatcasecmp("file9", "FILE10"), 0);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("strings");
    TCase *tc = apr_test_tcase("strings");

    tcase_add_test(tc, test_pstrdup_family);
    tcase_add_test(tc, test_pstrcat);
    tcase_add_test(tc, test_pstrcatv);
    tcase_add_test(tc, test_psprintf);
    tcase_add_test(tc, test_cpystrn);
    tcase_add_test(tc, test_collapse_spaces);
    tcase_add_test(tc, test_tokenize_to_argv);
    tcase_add_test(tc, test_strtok);
    tcase_add_test(tc, test_itoa);
    tcase_add_test(tc, test_strtoi64);
    tcase_add_test(tc, test_strtoff);
    tcase_add_test(tc, test_strfsize);
    tcase_add_test(tc, test_strnatcmp);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
