/*
 * apr_strmatch.h: apr_strmatch_precompile and apr_strmatch.
 */
#include <string.h>

#include "testutil.h"
#include "apr_lib.h"
#include "apr_strmatch.h"

/* The offset of the first match of `pat` in `text` (its first `n` bytes),
 * or -1. */
static long find(const char *pat, int case_sensitive, const char *text,
                 apr_size_t n)
{
    const apr_strmatch_pattern *m = apr_strmatch_precompile(p, pat,
                                                            case_sensitive);
    const char *r;

    ck_assert_ptr_nonnull(m);
    r = apr_strmatch(m, text, n);
    return r ? (long)(r - text) : -1;
}

static long find_str(const char *pat, int case_sensitive, const char *text)
{
    return find(pat, case_sensitive, text, strlen(text));
}

START_TEST(test_found)
{
    ck_assert_int_eq(find_str("hello", 1, "hello"), 0);
    ck_assert_int_eq(find_str("hello", 1, "say hello world"), 4);
    ck_assert_int_eq(find_str("world", 1, "say hello world"), 10);
    ck_assert_int_eq(find_str("o", 1, "say hello world"), 8);
    ck_assert_int_eq(find_str("abab", 1, "abaabababab"), 3);
    ck_assert_int_eq(find_str("aaa", 1, "aaaaaa"), 0);
    ck_assert_int_eq(find_str("needle", 1, "haystack haystack needle"), 18);
    /* The first of several matches. */
    ck_assert_int_eq(find_str("ab", 1, "xxabxxab"), 2);
}
END_TEST

START_TEST(test_not_found)
{
    ck_assert_int_eq(find_str("hello", 1, "say hell0 world"), -1);
    ck_assert_int_eq(find_str("hello", 1, ""), -1);
    ck_assert_int_eq(find_str("xyz", 1, "xyxyxy"), -1);
    /* Case matters when asked to. */
    ck_assert_int_eq(find_str("Hello", 1, "hello HELLO"), -1);
}
END_TEST

START_TEST(test_case_insensitive)
{
    ck_assert_int_eq(find_str("HeLLo", 0, "xx hello world"), 3);
    ck_assert_int_eq(find_str("hello", 0, "xx HELLO world"), 3);
    ck_assert_int_eq(find_str("Content-Type", 0, "content-type: x"), 0);
    ck_assert_int_eq(find_str("[A]", 0, "x[a]"), 1);
    ck_assert_int_eq(find_str("hello", 0, "xx hellp world"), -1);
    /* Only ASCII letters fold. */
    ck_assert_int_eq(find_str("a\xc4", 0, "xA\xe4"), -1);
    ck_assert_int_eq(find_str("@", 0, "`"), -1);
}
END_TEST

START_TEST(test_empty_pattern)
{
    const char *text = "abc";

    /* An empty pattern matches at the start, even of an empty buffer. */
    ck_assert_int_eq(find("", 1, text, 3), 0);
    ck_assert_int_eq(find("", 0, text, 3), 0);
    ck_assert_int_eq(find("", 1, text, 0), 0);
}
END_TEST

START_TEST(test_pattern_longer_than_text)
{
    ck_assert_int_eq(find_str("abcdef", 1, "abc"), -1);
    ck_assert_int_eq(find_str("abcdef", 0, "ABCDE"), -1);
    /* The length bounds the search, not the NUL. */
    ck_assert_int_eq(find("def", 1, "abcdef", 5), -1);
    ck_assert_int_eq(find("def", 1, "abcdef", 6), 3);
}
END_TEST

START_TEST(test_binary_text)
{
    static const char text[] = "ab\0cd\0lo world";

    /* NULs in the text are ordinary bytes. */
    ck_assert_int_eq(find("lo w", 1, text, sizeof text - 1), 6);
    ck_assert_int_eq(find("cd", 0, text, sizeof text - 1), 3);
}
END_TEST

START_TEST(test_fields)
{
    const char *pat = "HeLLo";
    const apr_strmatch_pattern *m = apr_strmatch_precompile(p, pat, 0);

    ck_assert_ptr_nonnull(m);
    /* The pattern is not copied. */
    ck_assert_ptr_eq(m->pattern, pat);
    ck_assert_uint_eq(m->length, 5);
    ck_assert(m->compare != NULL);
    ck_assert_ptr_eq(m->compare(m, "hello", 5), apr_strmatch(m, "hello", 5));
}
END_TEST

/* Every position, against a naive search: the shift table never skips a
 * match. */
START_TEST(test_against_naive)
{
    static const char alphabet[] = "abAB";
    char text[64], pat[6];
    unsigned seed = 12345;
    int round, i;

    for (round = 0; round < 2000; round++) {
        int tl = (int)((seed = seed * 1103515245 + 12345) >> 16) % 40;
        int pl = 1 + (int)((seed = seed * 1103515245 + 12345) >> 16) % 5;
        int cs = round & 1;
        const apr_strmatch_pattern *m;
        const char *expect = NULL, *got;

        for (i = 0; i < tl; i++)
            text[i] = alphabet[((seed = seed * 1103515245 + 12345) >> 16) % 4];
        for (i = 0; i < pl; i++)
            pat[i] = alphabet[((seed = seed * 1103515245 + 12345) >> 16) % 4];
        pat[pl] = '\0';
        for (i = 0; i + pl <= tl && !expect; i++) {
            int k = 0;

            while (k < pl && (cs ? text[i + k] == pat[k]
                                 : apr_tolower(text[i + k]) ==
                                   apr_tolower(pat[k])))
                k++;
            if (k == pl)
                expect = text + i;
        }
        m = apr_strmatch_precompile(p, pat, cs);
        got = apr_strmatch(m, text, (apr_size_t)tl);
        ck_assert_ptr_eq(got, expect);
    }
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("strmatch");
    TCase *tc = apr_test_tcase("strmatch");

    tcase_add_test(tc, test_found);
    tcase_add_test(tc, test_not_found);
    tcase_add_test(tc, test_case_insensitive);
    tcase_add_test(tc, test_empty_pattern);
    tcase_add_test(tc, test_pattern_longer_than_text);
    tcase_add_test(tc, test_binary_text);
    tcase_add_test(tc, test_fields);
    tcase_add_test(tc, test_against_naive);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
