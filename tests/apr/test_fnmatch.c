/*
 * apr_fnmatch.h: wildcard matching with each flag, apr_fnmatch_test and
 * apr_match_glob over a scratch directory.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "apr_fnmatch.h"
#include "apr_strings.h"
#include "apr_tables.h"

#define MATCH(pat, str, flags) \
    ck_assert_int_eq(apr_fnmatch(pat, str, flags), APR_SUCCESS)
#define NOMATCH(pat, str, flags) \
    ck_assert_int_eq(apr_fnmatch(pat, str, flags), APR_FNM_NOMATCH)

START_TEST(test_constants)
{
    ck_assert_int_eq(APR_FNM_NOMATCH, 1);
    ck_assert_int_eq(APR_FNM_NOESCAPE, 0x01);
    ck_assert_int_eq(APR_FNM_PATHNAME, 0x02);
    ck_assert_int_eq(APR_FNM_PERIOD, 0x04);
    ck_assert_int_eq(APR_FNM_CASE_BLIND, 0x08);
}
END_TEST

START_TEST(test_basic)
{
    MATCH("", "", 0);
    NOMATCH("", "a", 0);
    NOMATCH("a", "", 0);
    MATCH("abc", "abc", 0);
    NOMATCH("abc", "abd", 0);
    NOMATCH("abc", "ABC", 0);
    MATCH("a?c", "abc", 0);
    NOMATCH("a?c", "ac", 0);
    MATCH("*", "", 0);
    MATCH("*", "anything", 0);
    MATCH("a*", "a", 0);
    MATCH("*c", "abc", 0);
    MATCH("a*b*c", "axxbyyc", 0);
    MATCH("a**c", "abc", 0);
    NOMATCH("a*b*c", "axxbyy", 0);
    MATCH("*a*a*a*", "aaa", 0);
    NOMATCH("*a*a*a*a", "aaa", 0);
    MATCH("*.txt", "notes.txt", 0);
    NOMATCH("*.txt", "notes.txt.bak", 0);
    /* Without APR_FNM_PATHNAME '*' and '?' match '/'. */
    MATCH("a*c", "a/b/c", 0);
    MATCH("a?b", "a/b", 0);
    /* Without APR_FNM_PERIOD a leading '.' is ordinary. */
    MATCH("*", ".hidden", 0);
    MATCH("?h*", ".hidden", 0);
}
END_TEST

START_TEST(test_classes)
{
    MATCH("[abc]", "b", 0);
    NOMATCH("[abc]", "d", 0);
    MATCH("[a-z]x", "qx", 0);
    NOMATCH("[a-z]", "Q", 0);
    MATCH("[!a-z]", "Q", 0);
    MATCH("[^a-z]", "Q", 0);
    NOMATCH("[!a-z]", "q", 0);
    MATCH("[0-9a-f][0-9a-f]", "7e", 0);
    /* Escapes inside a class make ']' and '-' members. */
    MATCH("[\\]]", "]", 0);
    MATCH("[a\\-z]", "-", 0);
    NOMATCH("[a\\-z]", "b", 0);
    /* A reversed range matches nothing. */
    NOMATCH("[z-a]", "m", 0);
    /* A '[' without ']' is an ordinary character (APR 1.7 does this,
     * although its documentation says such a class never matches). */
    NOMATCH("[abc", "a", 0);
    MATCH("[abc", "[abc", 0);
    MATCH("x[", "x[", 0);
    /* A ']' first in the class is a member (APR's documentation says "[]"
     * never matches and "[!]" matches without consuming: not so). */
    NOMATCH("[]", "a", 0);
    MATCH("[]", "[]", 0);
    MATCH("[]]", "]", 0);
    MATCH("[]a]", "a", 0);
    MATCH("[!]]", "x", 0);
    NOMATCH("[!]]", "]", 0);
    NOMATCH("[!]a", "a", 0);
    MATCH("[^]", "[^]", 0);
    MATCH("x*[ab]", "xyzb", 0);
}
END_TEST

START_TEST(test_escape)
{
    MATCH("\\*", "*", 0);
    NOMATCH("\\*", "x", 0);
    MATCH("a\\?c", "a?c", 0);
    NOMATCH("a\\?c", "abc", 0);
    MATCH("\\\\", "\\", 0);
    /* A backslash ending the pattern matches itself. */
    MATCH("a\\", "a\\", 0);
    /* APR_FNM_NOESCAPE: the backslash is literal and '*' stays a
     * wildcard. */
    MATCH("\\*", "\\anything", APR_FNM_NOESCAPE);
    NOMATCH("\\*", "*", APR_FNM_NOESCAPE);
    MATCH("a\\b", "a\\b", APR_FNM_NOESCAPE);
    NOMATCH("a\\b", "ab", APR_FNM_NOESCAPE);
    MATCH("a\\b", "ab", 0);
}
END_TEST

START_TEST(test_pathname)
{
    MATCH("a/b", "a/b", APR_FNM_PATHNAME);
    NOMATCH("a*c", "a/c", APR_FNM_PATHNAME);
    NOMATCH("a?c", "a/c", APR_FNM_PATHNAME);
    NOMATCH("a[/]c", "a/c", APR_FNM_PATHNAME);
    MATCH("*/*", "dir/file", APR_FNM_PATHNAME);
    NOMATCH("*", "dir/file", APR_FNM_PATHNAME);
    NOMATCH("*/*", "a/b/c", APR_FNM_PATHNAME);
    MATCH("*/*/*", "a/b/c", APR_FNM_PATHNAME);
    MATCH("/usr/*/bin", "/usr/local/bin", APR_FNM_PATHNAME);
    NOMATCH("/usr/*/bin", "/usr/local/x/bin", APR_FNM_PATHNAME);
    MATCH("a*/b*", "ax/by", APR_FNM_PATHNAME);
    /* A '/' inside brackets ends the class: "[!/]" is then literal. */
    NOMATCH("[!/]", "a", APR_FNM_PATHNAME);
    MATCH("[!/]", "a", 0);
    MATCH("[!/]", "[!/]", APR_FNM_PATHNAME | APR_FNM_NOESCAPE);
}
END_TEST

START_TEST(test_period)
{
    NOMATCH("*", ".hidden", APR_FNM_PERIOD);
    NOMATCH("?hidden", ".hidden", APR_FNM_PERIOD);
    NOMATCH("[.]hidden", ".hidden", APR_FNM_PERIOD);
    MATCH(".*", ".hidden", APR_FNM_PERIOD);
    /* Not even an empty '*' may stand before the leading period. */
    NOMATCH("*.*", ".x", APR_FNM_PERIOD);
    MATCH("*.*", ".x", 0);
    MATCH("*", "not.hidden", APR_FNM_PERIOD);
    MATCH("a*", "a.b", APR_FNM_PERIOD);
    /* After a '/' only with APR_FNM_PATHNAME. */
    MATCH("dir/*", "dir/.x", APR_FNM_PERIOD);
    NOMATCH("dir/*", "dir/.x", APR_FNM_PERIOD | APR_FNM_PATHNAME);
    MATCH("dir/.*", "dir/.x", APR_FNM_PERIOD | APR_FNM_PATHNAME);
    MATCH("dir/*", "dir/x.y", APR_FNM_PERIOD | APR_FNM_PATHNAME);
}
END_TEST

START_TEST(test_case_blind)
{
    MATCH("abc", "ABC", APR_FNM_CASE_BLIND);
    MATCH("A*C", "abxc", APR_FNM_CASE_BLIND);
    MATCH("[a-c]", "B", APR_FNM_CASE_BLIND);
    MATCH("[A-C]", "b", APR_FNM_CASE_BLIND);
    NOMATCH("[a-c]", "D", APR_FNM_CASE_BLIND);
    NOMATCH("abc", "abd", APR_FNM_CASE_BLIND);
}
END_TEST

START_TEST(test_fnmatch_test)
{
    ck_assert_int_ne(apr_fnmatch_test("*.c"), 0);
    ck_assert_int_ne(apr_fnmatch_test("a?"), 0);
    ck_assert_int_ne(apr_fnmatch_test("[ab]"), 0);
    ck_assert_int_eq(apr_fnmatch_test("plain"), 0);
    ck_assert_int_eq(apr_fnmatch_test(""), 0);
    ck_assert_int_eq(apr_fnmatch_test("[ab"), 0);
    ck_assert_int_eq(apr_fnmatch_test("ab]"), 0);
    ck_assert_int_eq(apr_fnmatch_test("\\*"), 0);
    ck_assert_int_eq(apr_fnmatch_test("\\[a]"), 0);
    ck_assert_int_eq(apr_fnmatch_test("a\\"), 0);
}
END_TEST

static int has_name(apr_array_header_t *a, const char *name)
{
    int i;

    for (i = 0; i < a->nelts; i++) {
        if (strcmp(((char **)a->elts)[i], name) == 0)
            return 1;
    }
    return 0;
}

static void touch(const char *dir, const char *name)
{
    char path[512];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fclose(f);
}

START_TEST(test_match_glob)
{
    char tmpl[] = "/tmp/apr-fnmatch-XXXXXX";
    char *dir = mkdtemp(tmpl);
    apr_array_header_t *res = NULL;
    char cwd[512];

    ck_assert_ptr_nonnull(dir);
    touch(dir, "a.conf");
    touch(dir, "b.conf");
    touch(dir, "c.txt");

    ck_assert_int_eq(apr_match_glob(apr_pstrcat(p, dir, "/*.conf", NULL),
                                    &res, p), APR_SUCCESS);
    ck_assert_int_eq(res->nelts, 2);
    ck_assert(has_name(res, "a.conf"));
    ck_assert(has_name(res, "b.conf"));

    ck_assert_int_eq(apr_match_glob(apr_pstrcat(p, dir, "/*.none", NULL),
                                    &res, p), APR_SUCCESS);
    ck_assert_int_eq(res->nelts, 0);

    /* No separator: the current directory. */
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    ck_assert_int_eq(chdir(dir), 0);
    ck_assert_int_eq(apr_match_glob("c.*", &res, p), APR_SUCCESS);
    ck_assert_int_eq(res->nelts, 1);
    ck_assert_str_eq(((char **)res->elts)[0], "c.txt");
    ck_assert_int_eq(chdir(cwd), 0);

    ck_assert_int_ne(apr_match_glob(apr_pstrcat(p, dir, "/nodir/*", NULL),
                                    &res, p), APR_SUCCESS);

    unlink(apr_pstrcat(p, dir, "/a.conf", NULL));
    unlink(apr_pstrcat(p, dir, "/b.conf", NULL));
    unlink(apr_pstrcat(p, dir, "/c.txt", NULL));
    rmdir(dir);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("fnmatch");
    TCase *tc = apr_test_tcase("fnmatch");

    tcase_add_test(tc, test_constants);
    tcase_add_test(tc, test_basic);
    tcase_add_test(tc, test_classes);
    tcase_add_test(tc, test_escape);
    tcase_add_test(tc, test_pathname);
    tcase_add_test(tc, test_period);
    tcase_add_test(tc, test_case_blind);
    tcase_add_test(tc, test_fnmatch_test);
    tcase_add_test(tc, test_match_glob);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
