/*
 * ap_regex.h on PCRE2 and the substitution helpers of httpd.h: groups and
 * unset groups, the default flags (DOTALL and DOLLAR_ENDONLY unless
 * AP_REG_NO_DEFAULT), ICASE/NEWLINE/NOTBOL, binary subjects, named groups
 * (ap_regname as <LocationMatch> uses it for MATCH_* variables),
 * ap_pregsub's $N and backslash rules and limits, and ap_rxplus ("s/a/b/g").
 */
#include "testutil.h"

#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "ap_regex.h"

START_TEST(test_groups)
{
    ap_regex_t re;
    ap_regmatch_t m[4];

    ck_assert_int_eq(ap_regcomp(&re, "^/a(b+)c$", 0), 0);
    ck_assert_int_eq(re.re_nsub, 1);
    ck_assert_int_eq(ap_regexec(&re, "/abbbc", 4, m, 0), 0);
    ck_assert_int_eq(m[0].rm_so, 0);
    ck_assert_int_eq(m[0].rm_eo, 6);
    ck_assert_int_eq(m[1].rm_so, 2);
    ck_assert_int_eq(m[1].rm_eo, 5);
    ck_assert_int_eq(m[2].rm_so, -1); /* beyond the groups */
    ck_assert_int_eq(ap_regexec(&re, "/ac", 0, NULL, 0), AP_REG_NOMATCH);
    ap_regfree(&re);

    ck_assert_int_eq(ap_regcomp(&re, "(a)|(b)", 0), 0);
    ck_assert_int_eq(ap_regexec(&re, "b", 3, m, 0), 0);
    ck_assert_int_eq(m[1].rm_so, -1); /* did not take part */
    ck_assert_int_eq(m[1].rm_eo, -1);
    ck_assert_int_eq(m[2].rm_so, 0);
    ck_assert_int_eq(m[2].rm_eo, 1);
    ap_regfree(&re);
}
END_TEST

START_TEST(test_flags)
{
    ap_regex_t re;

    ck_assert_int_eq(ap_regcomp_get_default_cflags(), AP_REG_DEFAULT);
    ck_assert_int_eq(ap_regcomp(&re, "a.b", 0), 0);
    ck_assert_int_eq(ap_regexec(&re, "a\nb", 0, NULL, 0), 0); /* DOTALL */
    ap_regfree(&re);
    ck_assert_int_eq(ap_regcomp(&re, "a.b", AP_REG_NO_DEFAULT), 0);
    ck_assert_int_eq(ap_regexec(&re, "a\nb", 0, NULL, 0), AP_REG_NOMATCH);
    ap_regfree(&re);

    ck_assert_int_eq(ap_regcomp(&re, "a$", 0), 0);
    ck_assert_int_eq(ap_regexec(&re, "a\n", 0, NULL, 0), AP_REG_NOMATCH);
    ap_regfree(&re);
    ck_assert_int_eq(ap_regcomp(&re, "a$", AP_REG_NO_DEFAULT), 0);
    ck_assert_int_eq(ap_regexec(&re, "a\n", 0, NULL, 0), 0);
    ap_regfree(&re);

    ck_assert_int_eq(ap_regcomp(&re, "^abc", AP_REG_ICASE), 0);
    ck_assert_int_eq(ap_regexec(&re, "ABC", 0, NULL, 0), 0);
    ck_assert_int_eq(ap_regexec(&re, "ABC", 0, NULL, AP_REG_NOTBOL),
                     AP_REG_NOMATCH);
    ap_regfree(&re);

    ck_assert_int_eq(ap_regcomp(&re, "^b", AP_REG_NEWLINE), 0);
    ck_assert_int_eq(ap_regexec(&re, "a\nb", 0, NULL, 0), 0);
    ap_regfree(&re);

    ap_regcomp_set_default_cflags(AP_REG_ICASE);
    ck_assert_int_eq(ap_regcomp(&re, "x", 0), 0);
    ck_assert_int_eq(ap_regexec(&re, "X", 0, NULL, 0), 0);
    ap_regfree(&re);
    ap_regcomp_set_default_cflags(AP_REG_DEFAULT);

    ck_assert_int_eq(ap_regcomp_default_cflag_by_name("icase"), AP_REG_ICASE);
    ck_assert_int_eq(ap_regcomp_default_cflag_by_name("DOTALL"),
                     AP_REG_DOTALL);
    ck_assert_int_eq(ap_regcomp_default_cflag_by_name("DOLLAR_ENDONLY"),
                     AP_REG_DOLLAR_ENDONLY);
    ck_assert_int_eq(ap_regcomp_default_cflag_by_name("bogus"), 0);
}
END_TEST

START_TEST(test_errors_and_binary)
{
    ap_regex_t re;
    ap_regmatch_t m[1];
    char err[128];
    apr_size_t need;

    ck_assert_int_eq(ap_regcomp(&re, "a(", 0), AP_REG_INVARG);
    ck_assert_uint_eq(re.re_erroffset, 2);
    need = ap_regerror(AP_REG_INVARG, &re, err, sizeof(err));
    ck_assert_uint_eq(need, strlen(err) + 1);
    ck_assert_ptr_nonnull(strstr(err, "offset 2"));
    need = ap_regerror(AP_REG_NOMATCH, NULL, err, 4);
    ck_assert_uint_eq(strlen(err), 3);   /* truncated, still terminated */
    ck_assert_uint_gt(need, 4);
    ck_assert_ptr_null(ap_pregcomp(p, "[", 0));

    ck_assert_int_eq(ap_regcomp(&re, "a.b", 0), 0);
    ck_assert_int_eq(ap_regexec_len(&re, "xa\0b", 4, 1, m, 0), 0);
    ck_assert_int_eq(m[0].rm_so, 1);
    ck_assert_int_eq(ap_regexec_len(&re, "xa\0b", 3, 1, m, 0),
                     AP_REG_NOMATCH);
    ap_regfree(&re);

    ck_assert_ptr_nonnull(ap_pcre_version_string(AP_REG_PCRE_COMPILED));
    ck_assert_int_eq(strncmp(ap_pcre_version_string(AP_REG_PCRE_COMPILED),
                             "10.", 3), 0);
    ck_assert_int_eq(strncmp(ap_pcre_version_string(AP_REG_PCRE_LOADED),
                             "10.", 3), 0);
}
END_TEST

START_TEST(test_regname)
{
    ap_regex_t *re = ap_pregcomp(p, "^/(?<year>\\d+)/(\\d+)/(?<Day>\\d+)", 0);
    apr_array_header_t *names = apr_array_make(p, 4, sizeof(char *));

    ck_assert_ptr_nonnull(re);
    ck_assert_int_eq(ap_regname(re, names, AP_REG_MATCH, 1), 2);
    ck_assert_int_eq(names->nelts, 4);
    ck_assert_ptr_null(APR_ARRAY_IDX(names, 0, char *));
    ck_assert_str_eq(APR_ARRAY_IDX(names, 1, char *), "MATCH_YEAR");
    ck_assert_ptr_null(APR_ARRAY_IDX(names, 2, char *));
    ck_assert_str_eq(APR_ARRAY_IDX(names, 3, char *), "MATCH_DAY");

    names = apr_array_make(p, 4, sizeof(char *));
    ck_assert_int_eq(ap_regname(re, names, NULL, 0), 2);
    ck_assert_str_eq(APR_ARRAY_IDX(names, 3, char *), "Day");
    ap_pregfree(p, re);
}
END_TEST

START_TEST(test_pregsub)
{
    ap_regmatch_t m[AP_MAX_REG_MATCH + 1];
    char *out = NULL;

    memset(m, -1, sizeof(m));
    m[0].rm_so = 0;
    m[0].rm_eo = 3;
    m[1].rm_so = 1;
    m[1].rm_eo = 2;
    ck_assert_str_eq(ap_pregsub(p, "x$1y\\$1$9&", "abc", 10, m), "xby$1&");
    ck_assert_str_eq(ap_pregsub(p, "[$0]", "abc", 1, m), "[abc]");
    ck_assert_str_eq(ap_pregsub(p, "a\\b$", "abc", 2, m), "ab$");
    /* no groups: the input is taken as is, backslashes included */
    ck_assert_str_eq(ap_pregsub(p, "a\\b$1", "abc", 0, m), "a\\b$1");
    ck_assert_ptr_null(ap_pregsub(p, "$1", "abc", AP_MAX_REG_MATCH + 1, m));
    ck_assert_ptr_null(ap_pregsub(p, "$1", NULL, 2, m));

    ck_assert_int_eq(ap_pregsub_ex(p, &out, "$0$0", "abc", 1, m, 6),
                     APR_ENOMEM);
    ck_assert_int_eq(ap_pregsub_ex(p, &out, "$0$0", "abc", 1, m, 7),
                     APR_SUCCESS);
    ck_assert_str_eq(out, "abcabc");
}
END_TEST

START_TEST(test_rxplus)
{
    ap_rxplus_t *rx;
    char *out = NULL;

    rx = ap_rxplus_compile(p, "s/(b+)/<$1>/g");
    ck_assert_ptr_nonnull(rx);
    ck_assert_int_eq(ap_rxplus_exec(p, rx, "abbcb", &out), 2);
    ck_assert_str_eq(out, "a<bb>c<b>");

    rx = ap_rxplus_compile(p, "s|a|b|");
    ck_assert_int_eq(ap_rxplus_exec(p, rx, "aaa", &out), 1);
    ck_assert_str_eq(out, "baa");
    out = NULL;
    ck_assert_int_eq(ap_rxplus_exec(p, rx, "xyz", &out), 0);
    ck_assert_ptr_null(out);

    rx = ap_rxplus_compile(p, "/(B)(c)/i");
    ck_assert_ptr_nonnull(rx);
    ck_assert_ptr_null(rx->subs);
    ck_assert_int_eq(ap_rxplus_exec(p, rx, "abcd", &out), 1);
    ck_assert_int_eq(ap_rxplus_nmatch(rx), 3);
    ck_assert_str_eq(ap_rxplus_pmatch(p, rx, 0), "bc");
    ck_assert_str_eq(ap_rxplus_pmatch(p, rx, 2), "c");
    ck_assert_ptr_null(ap_rxplus_pmatch(p, rx, 3));

    rx = ap_rxplus_compile(p, "m#^x#");
    ck_assert_int_eq(ap_rxplus_exec(p, rx, "xy", &out), 1);
    rx = ap_rxplus_compile(p, "plain(text)");  /* no delimiters */
    ck_assert_int_eq(ap_rxplus_exec(p, rx, "a plaintext", &out), 1);

    rx = ap_rxplus_compile(p, "s/x*/-/g");     /* empty matches end */
    ck_assert_int_ge(ap_rxplus_exec(p, rx, "abc", &out), 3);
    ck_assert_int_eq(strncmp(out, "-a-b-c", 6), 0);

    /* no closing delimiter: the whole text is a plain pattern */
    rx = ap_rxplus_compile(p, "s/a");
    ck_assert_ptr_nonnull(rx);
    ck_assert_ptr_null(rx->subs);
    ck_assert_int_eq(ap_rxplus_exec(p, rx, "xs/a", &out), 1);
    ck_assert_ptr_null(ap_rxplus_compile(p, "s/a/b"));
    ck_assert_ptr_null(ap_rxplus_compile(p, "/a(/"));
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("regex");
    TCase *tc = apr_test_tcase("regex");

    tcase_add_test(tc, test_groups);
    tcase_add_test(tc, test_flags);
    tcase_add_test(tc, test_errors_and_binary);
    tcase_add_test(tc, test_regname);
    tcase_add_test(tc, test_pregsub);
    tcase_add_test(tc, test_rxplus);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
