/*
 * httpd.h string and list helpers: ap_getword*, case handling, searching,
 * comma-separated lists and tokens (quoted strings and comments do not
 * split), ETag lists, wildcard matching, strict numbers and timeouts, and
 * the util_varbuf.h growable buffer. Expectations follow Apache 2.4's
 * util.c (checked against Debian's apache2 where observable).
 */
#include "testutil.h"

#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "util_varbuf.h"

START_TEST(test_getword)
{
    const char *line = "a&&b";
    char *nc = apr_pstrdup(p, "x y");

    ck_assert_str_eq(ap_getword(p, &line, '&'), "a");
    ck_assert_str_eq(line, "b");            /* runs of stops are skipped */
    ck_assert_str_eq(ap_getword(p, &line, '&'), "b");
    ck_assert_str_eq(line, "");
    ck_assert_str_eq(ap_getword(p, &line, '&'), "");

    line = "  foo \t bar";
    ck_assert_str_eq(ap_getword_white(p, &line), "");
    ck_assert_str_eq(line, "foo \t bar");
    ck_assert_str_eq(ap_getword_white(p, &line), "foo");
    ck_assert_str_eq(line, "bar");
    ck_assert_str_eq(ap_getword_white_nc(p, &nc), "x");
    ck_assert_str_eq(nc, "y");

    line = "a&&b";                          /* empty fields kept */
    ck_assert_str_eq(ap_getword_nulls(p, &line, '&'), "a");
    ck_assert_str_eq(line, "&b");
    ck_assert_str_eq(ap_getword_nulls(p, &line, '&'), "");
    ck_assert_str_eq(ap_getword_nulls(p, &line, '&'), "b");
    ck_assert_str_eq(line, "");
}
END_TEST

START_TEST(test_case_and_search)
{
    char s[] = "Text/HTML; Charset=UTF-8";
    char u[] = "abC1";

    ap_content_type_tolower(s);
    ck_assert_str_eq(s, "text/html; Charset=UTF-8");
    ap_str_toupper(u);
    ck_assert_str_eq(u, "ABC1");
    ap_str_tolower(u);
    ck_assert_str_eq(u, "abc1");

    ck_assert_str_eq(ap_field_noparam(p, "text/html ; charset=x"), "text/html");
    ck_assert_str_eq(ap_field_noparam(p, "text/plain"), "text/plain");
    ck_assert_ptr_null(ap_field_noparam(p, NULL));

    ck_assert_int_eq(ap_ind("abcb", 'b'), 1);
    ck_assert_int_eq(ap_rind("abcb", 'b'), 3);
    ck_assert_int_eq(ap_ind("abc", 'x'), -1);
    ck_assert_int_eq(ap_rind("abc", 'x'), -1);

    ck_assert_int_eq(ap_cstr_casecmp("ABC", "abc"), 0);
    ck_assert_int_lt(ap_cstr_casecmp("a", "B"), 0);
    ck_assert_int_gt(ap_cstr_casecmp("abc", "AB"), 0);
    ck_assert_int_eq(ap_cstr_casecmpn("abcX", "ABCy", 3), 0);
    ck_assert_int_ne(ap_cstr_casecmpn("abcX", "ABCy", 4), 0);

    ck_assert_str_eq(ap_strcasestr("Hello World", "WORLD"), "World");
    ck_assert_ptr_null(ap_strcasestr("Hello", "xyz"));
    ck_assert_str_eq(ap_strcasestr("abc", ""), "abc");

    ck_assert_str_eq(ap_stripprefix("foobar", "foo"), "bar");
    ck_assert_str_eq(ap_stripprefix("foobar", "bar"), "foobar");
    ck_assert_str_eq(ap_stripprefix("foo", "foobar"), "foo");
    ck_assert_str_eq(ap_stripprefix("foo", ""), "foo");
}
END_TEST

START_TEST(test_misc_strings)
{
    apr_array_header_t *a = apr_array_make(p, 2, sizeof(char *));
    char hex[9], alnum[8];
    const char *dup;

    APR_ARRAY_PUSH(a, const char *) = "one";
    APR_ARRAY_PUSH(a, const char *) = "two";
    APR_ARRAY_PUSH(a, const char *) = "one";
    ck_assert_int_eq(ap_array_str_index(a, "one", 0), 0);
    ck_assert_int_eq(ap_array_str_index(a, "one", 1), 2);
    ck_assert_int_eq(ap_array_str_index(a, "three", 0), -1);
    ck_assert(ap_array_str_contains(a, "two"));
    ck_assert(!ap_array_str_contains(a, "Two"));

    ap_bin2hex("\x01\xab\xff\x10", 4, hex);
    ck_assert_str_eq(hex, "01abff10");

    ck_assert_int_eq(ap_str2_alnum("a-b.c9", alnum), APR_SUCCESS);
    ck_assert_str_eq(alnum, "a_b_c9");
    ck_assert_int_eq(ap_pstr2_alnum(p, "x y", &dup), APR_SUCCESS);
    ck_assert_str_eq(dup, "x_y");

    ck_assert(ap_memeq_timingsafe("abcd", "abcd", 4));
    ck_assert(!ap_memeq_timingsafe("abcd", "abce", 4));
    ck_assert(ap_streq_timingsafe("secret", "secret"));
    ck_assert(!ap_streq_timingsafe("secret", "secre"));
    ck_assert(!ap_streq_timingsafe("secret", "secrets"));
    ck_assert(!ap_streq_timingsafe("", "x"));
    ck_assert(ap_strneq_timingsafe("secret", "secXXX", 3));
    ck_assert(!ap_strneq_timingsafe("secret", "seXXXX", 3));
}
END_TEST

START_TEST(test_list_items)
{
    const char *field = "  Foo , \"A, B\" ,, (x, y) z";
    int len;
    const char *item;

    item = ap_size_list_item(&field, &len);
    ck_assert_int_eq(len, 4); /* "Foo " : trailing space included */
    ck_assert_int_eq(strncmp(item, "Foo", 3), 0);

    field = "  Foo , \"A, B\" ,, (x, y) z";
    ck_assert_str_eq(ap_get_list_item(p, &field), "foo");
    ck_assert_str_eq(ap_get_list_item(p, &field), "\"A, B\"");
    ck_assert_str_eq(ap_get_list_item(p, &field), "(x, y) z");
    ck_assert_ptr_null(ap_get_list_item(p, &field));

    field = "Text/HTML ; Q=0.5";
    ck_assert_str_eq(ap_get_list_item(p, &field), "text/html;q=0.5");

    ck_assert(ap_find_list_item(p, "gzip, deflate", "DEFLATE"));
    ck_assert(!ap_find_list_item(p, "gzip;q=0, br", "gzip"));
    ck_assert(!ap_find_list_item(p, "\"a, b\"", "b"));
    ck_assert(!ap_find_list_item(p, NULL, "x"));
}
END_TEST

START_TEST(test_tokens)
{
    const char *line = "text/html; level=1, x";
    apr_array_header_t *toks = NULL;
    const char *err;

    ck_assert(ap_find_token(p, "keep-alive, Upgrade", "upgrade"));
    ck_assert(ap_find_token(p, "foo;close", "close"));
    ck_assert(!ap_find_token(p, "closed", "close"));
    ck_assert(!ap_find_token(p, "clo", "close"));
    ck_assert(!ap_find_token(p, NULL, "close"));

    ck_assert(ap_find_last_token(p, "gzip, chunked", "chunked"));
    ck_assert(ap_find_last_token(p, "Chunked", "chunked"));
    ck_assert(!ap_find_last_token(p, "chunked, gzip", "chunked"));
    ck_assert(!ap_find_last_token(p, "xchunked", "chunked"));

    ck_assert(ap_is_chunked(p, "gzip, chunked"));
    ck_assert(ap_is_chunked(p, "CHUNKED"));
    ck_assert(!ap_is_chunked(p, "chunked, gzip"));
    ck_assert(!ap_is_chunked(p, "chunked, chunked"));
    ck_assert(!ap_is_chunked(p, "xchunked"));
    ck_assert(!ap_is_chunked(p, NULL));

    ck_assert_str_eq(ap_get_token(p, &line, 0), "text/html");
    ck_assert_str_eq(line, "; level=1, x");
    line = "\"a b\" c";
    ck_assert_str_eq(ap_get_token(p, &line, 0), "\"a b\"");
    ck_assert_str_eq(line, "c");

    ck_assert_str_eq(ap_scan_http_token("abc def"), " def");
    ck_assert_str_eq(ap_scan_http_token("a(b"), "(b");
    ck_assert_str_eq(ap_scan_http_field_content("a b\tc\x01z"), "\x01z");
    ck_assert_str_eq(ap_scan_http_field_content("a\x7f"), "\x7f");
    ck_assert_str_eq(ap_scan_vchar_obstext("a\xe9z c"), " c");

    err = ap_parse_token_list_strict(p, "a, b,,c ", &toks, 0);
    ck_assert_ptr_null(err);
    ck_assert_int_eq(toks->nelts, 3);
    ck_assert_str_eq(APR_ARRAY_IDX(toks, 0, char *), "a");
    ck_assert_str_eq(APR_ARRAY_IDX(toks, 2, char *), "c");
    toks = NULL;
    ck_assert_str_eq(ap_parse_token_list_strict(p, "a b", &toks, 0),
                     "Encountered illegal whitespace in token");
    ck_assert_str_eq(ap_parse_token_list_strict(p, "a;b", &toks, 0),
                     "Encountered illegal separator '\\x3b'");
    toks = NULL;
    ck_assert_ptr_null(ap_parse_token_list_strict(p, "a;b, c", &toks, 1));
    ck_assert_int_eq(toks->nelts, 1);
    ck_assert_str_eq(APR_ARRAY_IDX(toks, 0, char *), "c");
}
END_TEST

START_TEST(test_etags)
{
    ck_assert(ap_find_etag_weak(p, "W/\"x\", \"y\"", "\"x\""));
    ck_assert(ap_find_etag_weak(p, "\"x\"", "W/\"x\""));
    ck_assert(!ap_find_etag_strong(p, "W/\"x\", \"y\"", "\"x\""));
    ck_assert(ap_find_etag_strong(p, "W/\"x\", \"y\"", "\"y\""));
    ck_assert(!ap_find_etag_strong(p, "\"y\"", "W/\"y\""));
    ck_assert(!ap_find_etag_weak(p, "\"X\"", "\"x\"")); /* case matters */
}
END_TEST

START_TEST(test_wildcards)
{
    ck_assert(ap_is_matchexp("*.example.com"));
    ck_assert(ap_is_matchexp("a?c"));
    ck_assert(!ap_is_matchexp("example.com"));

    ck_assert_int_eq(ap_strcmp_match("www.example.com", "*.example.com"), 0);
    ck_assert_int_ne(ap_strcmp_match("example.com", "*.example.com"), 0);
    ck_assert_int_ne(ap_strcmp_match("WWW.example.com", "www.*"), 0);
    ck_assert_int_eq(ap_strcasecmp_match("WWW.Example.COM", "*.example.com"), 0);
    ck_assert_int_eq(ap_strcmp_match("abc", "a?c"), 0);
    ck_assert_int_ne(ap_strcmp_match("abcd", "abc"), 0);
    ck_assert_int_ne(ap_strcmp_match("ab", "abc"), 0);
    ck_assert_int_eq(ap_strcmp_match("anything", "*"), 0);
    ck_assert_int_eq(ap_strcmp_match("a*b", "a*b"), 0);
    /* would take exponential time with naive backtracking */
    ck_assert_int_ne(ap_strcmp_match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
                                     "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c"), 0);
}
END_TEST

START_TEST(test_numbers)
{
    apr_off_t len = -1;
    apr_interval_time_t t = 0;

    ck_assert(ap_parse_strict_length(&len, "123"));
    ck_assert_int_eq(len, 123);
    ck_assert(ap_parse_strict_length(&len, "9223372036854775807"));
    ck_assert(!ap_parse_strict_length(&len, "9223372036854775808"));
    ck_assert(!ap_parse_strict_length(&len, ""));
    ck_assert(!ap_parse_strict_length(&len, "-1"));
    ck_assert(!ap_parse_strict_length(&len, "+1"));
    ck_assert(!ap_parse_strict_length(&len, " 1"));
    ck_assert(!ap_parse_strict_length(&len, "1 "));
    ck_assert(!ap_parse_strict_length(&len, "0x10"));

    ck_assert_int_eq(ap_timeout_parameter_parse("5", &t, "s"), APR_SUCCESS);
    ck_assert_int_eq(t, apr_time_from_sec(5));
    ck_assert_int_eq(ap_timeout_parameter_parse("300ms", &t, "s"), APR_SUCCESS);
    ck_assert_int_eq(t, 300000);
    ck_assert_int_eq(ap_timeout_parameter_parse("2mi", &t, "s"), APR_SUCCESS);
    ck_assert_int_eq(t, apr_time_from_sec(120));
    ck_assert_int_eq(ap_timeout_parameter_parse("1h", &t, "s"), APR_SUCCESS);
    ck_assert_int_eq(t, apr_time_from_sec(3600));
    ck_assert_int_eq(ap_timeout_parameter_parse("250", &t, "ms"), APR_SUCCESS);
    ck_assert_int_eq(t, 250000);
    ck_assert_int_ne(ap_timeout_parameter_parse("5x", &t, "s"), APR_SUCCESS);
    ck_assert_int_ne(ap_timeout_parameter_parse("-1", &t, "s"), APR_SUCCESS);
    ck_assert_int_ne(ap_timeout_parameter_parse("5m", &t, "s"), APR_SUCCESS);
    ck_assert_int_ne(ap_timeout_parameter_parse("99999999999999999999", &t,
                                                "s"), APR_SUCCESS);
}
END_TEST

START_TEST(test_varbuf)
{
    struct ap_varbuf vb;
    ap_regmatch_t m[2] = { { 0, 3 }, { 1, 2 } };
    apr_size_t len = 0;
    char *big = apr_palloc(p, 5001);
    char *out;

    ap_varbuf_init(p, &vb, 0);
    ap_varbuf_strcat(&vb, "abc");
    ap_varbuf_strmemcat(&vb, "defXX", 3);
    ck_assert_str_eq(vb.buf, "abcdef");
    ck_assert_uint_eq(vb.strlen, 6);
    out = ap_varbuf_pdup(p, &vb, "<", 1, ">", 1, &len);
    ck_assert_str_eq(out, "<abcdef>");
    ck_assert_uint_eq(len, 8);

    memset(big, 'x', 5000);
    big[5000] = '\0';
    ap_varbuf_strcat(&vb, big);         /* moves to a large block */
    ck_assert_uint_eq(vb.strlen, 5006);
    ck_assert(vb.avail >= 5006);
    ck_assert_int_eq(strncmp(vb.buf, "abcdefxxx", 9), 0);
    ap_varbuf_strcat(&vb, big);         /* and grows it again */
    ck_assert_uint_eq(strlen(vb.buf), 10006);

    ap_varbuf_free(&vb);
    ap_varbuf_init(p, &vb, 10);
    ck_assert_int_eq(ap_varbuf_regsub(&vb, "[$1]", "abc", 2, m, 0),
                     APR_SUCCESS);
    ck_assert_str_eq(vb.buf, "[b]");
    ck_assert_int_eq(ap_varbuf_regsub(&vb, "$0$0", "abc", 2, m, 3),
                     APR_ENOMEM);
    ck_assert_str_eq(vb.buf, "[b]");
    ap_varbuf_free(&vb);
}
END_TEST

/* An in-memory configuration source read through getstr. */
typedef struct {
    const char *data;
    apr_size_t pos;
} memsrc;

static apr_status_t mem_getstr(void *buf, apr_size_t bufsize, void *param)
{
    memsrc *m = param;
    char *out = buf;
    apr_size_t n = 0;

    if (!m->data[m->pos])
        return APR_EOF;
    while (n + 1 < bufsize && m->data[m->pos]) {
        char c = m->data[m->pos++];

        out[n++] = c;
        if (c == '\n')
            break;
    }
    out[n] = '\0';
    return APR_SUCCESS;
}

START_TEST(test_varbuf_cfg_getline)
{
    memsrc src = { "  first  line \r\nsplit \\\n  here\nlong "
                   "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                   "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                   "\nlast", 0 };
    ap_configfile_t cfg;
    struct ap_varbuf vb;

    memset(&cfg, 0, sizeof(cfg));
    cfg.getstr = mem_getstr;
    cfg.param = &src;
    cfg.name = "mem";
    ap_varbuf_init(p, &vb, 0);

    ck_assert_int_eq(ap_varbuf_cfg_getline(&vb, &cfg, 1000), APR_SUCCESS);
    ck_assert_str_eq(vb.buf, "first  line");
    ck_assert_uint_eq(cfg.line_number, 1);
    ck_assert_int_eq(ap_varbuf_cfg_getline(&vb, &cfg, 1000), APR_SUCCESS);
    ck_assert_str_eq(vb.buf, "split   here");
    ck_assert_uint_eq(cfg.line_number, 3);
    ck_assert_int_eq(ap_varbuf_cfg_getline(&vb, &cfg, 1000), APR_SUCCESS);
    ck_assert_uint_eq(strlen(vb.buf), 5 + 114);
    ck_assert_int_eq(ap_varbuf_cfg_getline(&vb, &cfg, 1000), APR_SUCCESS);
    ck_assert_str_eq(vb.buf, "last");
    ck_assert_int_eq(ap_varbuf_cfg_getline(&vb, &cfg, 1000), APR_EOF);

    src.data = "0123456789012345678901234567890123456789\n";
    src.pos = 0;
    ck_assert_int_eq(ap_varbuf_cfg_getline(&vb, &cfg, 20), APR_ENOSPC);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("util_str");
    TCase *tc = apr_test_tcase("util_str");

    tcase_add_test(tc, test_getword);
    tcase_add_test(tc, test_case_and_search);
    tcase_add_test(tc, test_misc_strings);
    tcase_add_test(tc, test_list_items);
    tcase_add_test(tc, test_tokens);
    tcase_add_test(tc, test_etags);
    tcase_add_test(tc, test_wildcards);
    tcase_add_test(tc, test_numbers);
    tcase_add_test(tc, test_varbuf);
    tcase_add_test(tc, test_varbuf_cfg_getline);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
