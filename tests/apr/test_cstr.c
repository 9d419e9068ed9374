/*
 * apr_cstr.h: splitting, list matching, tokenizing, newline counting,
 * ASCII case-insensitive comparison and strict number parsing.
 */
#include "testutil.h"

#include <string.h>

#include "apr_cstr.h"
#include "apr_tables.h"

#define ELT(a, i) (((const char **)(a)->elts)[i])

START_TEST(test_split)
{
    apr_array_header_t *a;

    a = apr_cstr_split(" a, b ,,c d ,", ",", 1, p);
    ck_assert_int_eq(a->nelts, 3);
    ck_assert_str_eq(ELT(a, 0), "a");
    ck_assert_str_eq(ELT(a, 1), "b");
    ck_assert_str_eq(ELT(a, 2), "c d");

    a = apr_cstr_split(" a, b ,,c d ,", ",", 0, p);
    ck_assert_int_eq(a->nelts, 3);
    ck_assert_str_eq(ELT(a, 0), " a");
    ck_assert_str_eq(ELT(a, 1), " b ");
    ck_assert_str_eq(ELT(a, 2), "c d ");
    a = apr_cstr_split("a, ,b", ",", 0, p);
    ck_assert_int_eq(a->nelts, 3);
    ck_assert_str_eq(ELT(a, 1), " ");

    a = apr_cstr_split("x;y z", "; ", 0, p);
    ck_assert_int_eq(a->nelts, 3);
    ck_assert_str_eq(ELT(a, 2), "z");

    a = apr_cstr_split("", ",", 1, p);
    ck_assert_int_eq(a->nelts, 0);
    a = apr_cstr_split(" , ,", ",", 1, p);
    ck_assert_int_eq(a->nelts, 0);

    apr_cstr_split_append(a, "p:q", ":", 0, p);
    apr_cstr_split_append(a, "r", ":", 0, p);
    ck_assert_int_eq(a->nelts, 3);
    ck_assert_str_eq(ELT(a, 0), "p");
    ck_assert_str_eq(ELT(a, 2), "r");
}
END_TEST

START_TEST(test_match_lists)
{
    apr_array_header_t *globs = apr_cstr_split("*.c *.h Make*", " ", 0, p);
    apr_array_header_t *words = apr_cstr_split("alpha beta", " ", 0, p);
    apr_array_header_t *none = apr_array_make(p, 1, sizeof(char *));

    ck_assert(apr_cstr_match_glob_list("main.c", globs));
    ck_assert(apr_cstr_match_glob_list("Makefile", globs));
    ck_assert(!apr_cstr_match_glob_list("main.o", globs));
    ck_assert(!apr_cstr_match_glob_list("x", none));
    ck_assert(apr_cstr_match_list("beta", words));
    ck_assert(!apr_cstr_match_list("bet", words));
    ck_assert(!apr_cstr_match_list("Beta", words));
    ck_assert(!apr_cstr_match_list("beta", none));
}
END_TEST

START_TEST(test_tokenize)
{
    char buf[32];
    char *str = buf;

    strcpy(buf, "::a:bc::d");
    ck_assert_str_eq(apr_cstr_tokenize(":", &str), "a");
    ck_assert_str_eq(apr_cstr_tokenize(":", &str), "bc");
    ck_assert_str_eq(apr_cstr_tokenize(":", &str), "d");
    ck_assert_ptr_null(apr_cstr_tokenize(":", &str));

    strcpy(buf, " a,b ;c");
    str = buf;
    ck_assert_str_eq(apr_cstr_tokenize(" ,;", &str), "a");
    ck_assert_str_eq(apr_cstr_tokenize(" ,;", &str), "b");
    ck_assert_str_eq(apr_cstr_tokenize(" ,;", &str), "c");
    ck_assert_ptr_null(apr_cstr_tokenize(" ,;", &str));

    ck_assert_ptr_null(apr_cstr_tokenize(NULL, &str));
    ck_assert_ptr_null(apr_cstr_tokenize(":", NULL));
    str = NULL;
    ck_assert_ptr_null(apr_cstr_tokenize(":", &str));
}
END_TEST

START_TEST(test_count_newlines)
{
    ck_assert_int_eq(apr_cstr_count_newlines(""), 0);
    ck_assert_int_eq(apr_cstr_count_newlines("no breaks"), 0);
    ck_assert_int_eq(apr_cstr_count_newlines("a\nb\rc\r\nd\n\re"), 4);
    ck_assert_int_eq(apr_cstr_count_newlines("\n\n"), 2);
    ck_assert_int_eq(apr_cstr_count_newlines("\r\r"), 2);
    ck_assert_int_eq(apr_cstr_count_newlines("\r\n\r\n"), 2);
    ck_assert_int_eq(apr_cstr_count_newlines("\n\r\n"), 2);
}
END_TEST

START_TEST(test_casecmp)
{
    ck_assert_int_eq(apr_cstr_casecmp("HeLLo", "hello"), 0);
    ck_assert_int_lt(apr_cstr_casecmp("abc", "ABD"), 0);
    ck_assert_int_gt(apr_cstr_casecmp("abd", "ABC"), 0);
    ck_assert_int_lt(apr_cstr_casecmp("ab", "abc"), 0);
    ck_assert_int_gt(apr_cstr_casecmp("abc", "AB"), 0);
    ck_assert_int_eq(apr_cstr_casecmp("", ""), 0);
    /* Only ASCII letters fold: 0xC9 and 0xE9 stay different. */
    ck_assert_int_ne(apr_cstr_casecmp("\xc9", "\xe9"), 0);
    /* '[' sorts after 'Z' but before 'a': folding makes 'z' > '['. */
    ck_assert_int_gt(apr_cstr_casecmp("Z", "["), 0);

    ck_assert_int_eq(apr_cstr_casecmpn("HELLO world", "hello WORLD!", 11), 0);
    ck_assert_int_ne(apr_cstr_casecmpn("HELLO world", "hello WORLD!", 12), 0);
    ck_assert_int_eq(apr_cstr_casecmpn("abc", "xyz", 0), 0);
    ck_assert_int_eq(apr_cstr_casecmpn("ab", "AB", 10), 0);
    ck_assert_int_lt(apr_cstr_casecmpn("ab", "ABC", 10), 0);
}
END_TEST

START_TEST(test_strtoi64)
{
    apr_int64_t n = 0;

    ck_assert_int_eq(apr_cstr_strtoi64(&n, "  -42", -100, 100, 10),
                     APR_SUCCESS);
    ck_assert_int_eq(n, -42);
    ck_assert_int_eq(apr_cstr_strtoi64(&n, "0x1f", 0, 100, 0), APR_SUCCESS);
    ck_assert_int_eq(n, 31);
    ck_assert_int_eq(apr_cstr_strtoi64(&n, "017", 0, 100, 0), APR_SUCCESS);
    ck_assert_int_eq(n, 15);
    n = 7;
    ck_assert_int_eq(apr_cstr_strtoi64(&n, "101", -100, 100, 10), APR_ERANGE);
    ck_assert_int_eq(apr_cstr_strtoi64(&n, "-101", -100, 100, 10),
                     APR_ERANGE);
    ck_assert_int_eq(apr_cstr_strtoi64(&n, "12x", -100, 100, 10), APR_EINVAL);
    ck_assert_int_eq(apr_cstr_strtoi64(&n, "", -100, 100, 10), APR_EINVAL);
    ck_assert_int_eq(apr_cstr_strtoi64(&n, "abc", -100, 100, 10), APR_EINVAL);
    ck_assert_int_eq(apr_cstr_strtoi64(&n, "5 ", -100, 100, 10), APR_EINVAL);
    ck_assert_int_eq(n, 7);  /* untouched on error */

    ck_assert_int_eq(apr_cstr_atoi64(&n, "-9223372036854775808"), APR_SUCCESS);
    ck_assert(n == APR_INT64_MIN);
    ck_assert_int_eq(apr_cstr_atoi64(&n, "9223372036854775807"), APR_SUCCESS);
    ck_assert(n == APR_INT64_MAX);
    ck_assert_int_eq(apr_cstr_atoi64(&n, "9223372036854775808"), APR_ERANGE);
}
END_TEST

START_TEST(test_atoi)
{
    int i = 0;
    unsigned int u = 0;

    ck_assert_int_eq(apr_cstr_atoi(&i, "-2147483648"), APR_SUCCESS);
    ck_assert_int_eq(i, INT_MIN);
    ck_assert_int_eq(apr_cstr_atoi(&i, "2147483647"), APR_SUCCESS);
    ck_assert_int_eq(i, INT_MAX);
    ck_assert_int_eq(apr_cstr_atoi(&i, "2147483648"), APR_ERANGE);
    ck_assert_int_eq(apr_cstr_atoi(&i, "0x10"), APR_EINVAL);

    ck_assert_int_eq(apr_cstr_atoui(&u, "4294967295"), APR_SUCCESS);
    ck_assert_uint_eq(u, 4294967295U);
    ck_assert_int_eq(apr_cstr_atoui(&u, "4294967296"), APR_ERANGE);
    ck_assert_int_eq(apr_cstr_atoui(&u, "-1"), APR_ERANGE);
}
END_TEST

START_TEST(test_strtoui64)
{
    apr_uint64_t n = 0;

    ck_assert_int_eq(apr_cstr_strtoui64(&n, "ff", 0, 1000, 16), APR_SUCCESS);
    ck_assert_uint_eq(n, 255);
    ck_assert_int_eq(apr_cstr_strtoui64(&n, "5", 10, 1000, 10), APR_ERANGE);
    ck_assert_int_eq(apr_cstr_strtoui64(&n, "-5", 0, 1000, 10), APR_ERANGE);
    ck_assert_int_eq(apr_cstr_atoui64(&n, "9223372036854775807"), APR_SUCCESS);
    ck_assert(n == (apr_uint64_t)APR_INT64_MAX);
    /* As documented: above APR_INT64_MAX is out of range. */
    ck_assert_int_eq(apr_cstr_atoui64(&n, "9223372036854775808"), APR_ERANGE);
    ck_assert_int_eq(apr_cstr_atoui64(&n, "18446744073709551615"), APR_ERANGE);
    ck_assert_int_eq(apr_cstr_atoui64(&n, "1e3"), APR_EINVAL);
}
END_TEST

START_TEST(test_skip_prefix)
{
    const char *s = "prefix-rest";

    ck_assert_ptr_eq(apr_cstr_skip_prefix(s, "prefix-"), s + 7);
    ck_assert_ptr_eq(apr_cstr_skip_prefix(s, ""), s);
    ck_assert_ptr_eq(apr_cstr_skip_prefix(s, s), s + strlen(s));
    ck_assert_ptr_null(apr_cstr_skip_prefix(s, "pre-"));
    ck_assert_ptr_null(apr_cstr_skip_prefix("pre", "prefix"));
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("cstr");
    TCase *tc = apr_test_tcase("cstr");

    tcase_add_test(tc, test_split);
    tcase_add_test(tc, test_match_lists);
    tcase_add_test(tc, test_tokenize);
    tcase_add_test(tc, test_count_newlines);
    tcase_add_test(tc, test_casecmp);
    tcase_add_test(tc, test_strtoi64);
    tcase_add_test(tc, test_atoi);
    tcase_add_test(tc, test_strtoui64);
    tcase_add_test(tc, test_skip_prefix);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
