/*
 * httpd.h escaping and unescaping: URL paths and segments (lower-case
 * hex, as Debian's apache2 writes them in mod_autoindex links), form
 * encoding, HTML, log items, shell commands, quotes, %XX decoding with
 * its error statuses, base64 and MD5 strings (util_md5.h).
 */
#include "testutil.h"

#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "util_md5.h"

START_TEST(test_escape_paths)
{
    char buf[64];

    /* what Debian's mod_autoindex links "a b;c@<e-acute>" as */
    ck_assert_str_eq(ap_os_escape_path(p, "a b;c@\xc3\xa9", 1),
                     "a%20b;c@%c3%a9");
    ck_assert_str_eq(ap_escape_uri(p, "/x/y z?#%"), "/x/y%20z%3f%23%25");
    ck_assert_str_eq(ap_os_escape_path(p, "a:b/c", 0), "./a:b/c");
    ck_assert_str_eq(ap_os_escape_path(p, "a:b/c", 1), "a:b/c");
    ck_assert_str_eq(ap_os_escape_path(p, "/a:b", 0), "/a:b");

    ck_assert_str_eq(ap_escape_path_segment(p, "a b/c;d~e"),
                     "a%20b%2fc%3bd~e");
    ck_assert_str_eq(ap_escape_path_segment_buffer(buf, "x/y"), "x%2fy");

    ck_assert_str_eq(ap_escape_urlencoded(p, "a b&c=d/\xc3\xa9*-._"),
                     "a+b%26c%3dd%2f%c3%a9*-._");
    ck_assert_str_eq(ap_escape_urlencoded_buffer(buf, "~"), "%7e");
}
END_TEST

START_TEST(test_escape_html)
{
    const char *plain = "nothing to do";

    ck_assert_str_eq(ap_escape_html(p, "<a href=\"x\">&'</a>"),
                     "&lt;a href=&quot;x&quot;&gt;&amp;'&lt;/a&gt;");
    ck_assert_str_eq(ap_escape_html(p, plain), plain);
    ck_assert_str_eq(ap_escape_html2(p, "\xc3\xa9<", 1), "&#195;&#169;&lt;");
    ck_assert_str_eq(ap_escape_html2(p, "\xc3\xa9", 0), "\xc3\xa9");
}
END_TEST

START_TEST(test_escape_log)
{
    const char *plain = "GET / HTTP/1.1";
    char buf[64];

    ck_assert_str_eq(ap_escape_logitem(p, "a\"b\\c\n\t\x01\xff"),
                     "a\\\"b\\\\c\\n\\t\\x01\\xff");
    ck_assert_ptr_eq(ap_escape_logitem(p, plain), plain);
    ck_assert_ptr_null(ap_escape_logitem(p, NULL));

    /* the error log keeps quotes as they are */
    ck_assert_uint_eq(ap_escape_errorlog_item(buf, "a\"b\n", sizeof(buf)), 5);
    ck_assert_str_eq(buf, "a\"b\\n");
    /* never half an escape when the buffer is short */
    ck_assert_uint_eq(ap_escape_errorlog_item(buf, "ab\n", 4), 2);
    ck_assert_str_eq(buf, "ab");
    ck_assert_uint_eq(ap_escape_errorlog_item(buf, "ab\n", 5), 4);
    ck_assert_str_eq(buf, "ab\\n");
    ck_assert_uint_eq(ap_escape_errorlog_item(buf, "ab\x01", 5), 2);
    ck_assert_uint_eq(ap_escape_errorlog_item(buf, "abcdef", 4), 3);
    ck_assert_str_eq(buf, "abc");
    ck_assert_uint_eq(ap_escape_errorlog_item(buf, NULL, 4), 0);
}
END_TEST

START_TEST(test_escape_shell_quotes)
{
    ck_assert_str_eq(ap_escape_shell_cmd(p, "ls; rm *`x`$HOME"),
                     "ls\\; rm \\*\\`x\\`\\$HOME");
    ck_assert_str_eq(ap_escape_shell_cmd(p, "plain-name_1"), "plain-name_1");
    ck_assert_str_eq(ap_escape_quotes(p, "say \"hi\""), "say \\\"hi\\\"");
    ck_assert_str_eq(ap_escape_quotes(p, "a\\\"b"), "a\\\"b"); /* already */
    ck_assert_str_eq(ap_escape_quotes(p, "end\\"), "end\\");
}
END_TEST

START_TEST(test_unescape)
{
    char a[] = "/a%20b%41";
    char b[] = "/a%2fb";
    char c[] = "/x%zz%4";
    char d[] = "/a%00b";
    char e[] = "/a%2Fb";
    char f[] = "/a%2fb";
    char g[] = "%41%2f%20%7E";
    char h[] = "a+b%2Bc";
    char i[] = "/a%2fb";

    ck_assert_int_eq(ap_unescape_url(a), OK);
    ck_assert_str_eq(a, "/a bA");
    ck_assert_int_eq(ap_unescape_url(b), HTTP_NOT_FOUND);
    ck_assert_int_eq(ap_unescape_url(c), HTTP_BAD_REQUEST);
    ck_assert_str_eq(c, "/x%zz%4");
    ck_assert_int_eq(ap_unescape_url(d), HTTP_NOT_FOUND);

    ck_assert_int_eq(ap_unescape_url_keep2f(e, 0), OK);
    ck_assert_str_eq(e, "/a%2Fb");
    ck_assert_int_eq(ap_unescape_url_keep2f(f, 1), OK);
    ck_assert_str_eq(f, "/a/b");

    ck_assert_int_eq(ap_unescape_url_ex(g, AP_UNESCAPE_URL_KEEP_UNRESERVED),
                     OK);
    ck_assert_str_eq(g, "%41/ %7E");
    ck_assert_int_eq(ap_unescape_url_ex(i, AP_UNESCAPE_URL_FORBID_SLASHES),
                     HTTP_NOT_FOUND);

    ck_assert_int_eq(ap_unescape_urlencoded(h), OK);
    ck_assert_str_eq(h, "a b+c");
    ck_assert_int_eq(ap_unescape_all(NULL), OK);
}
END_TEST

START_TEST(test_base64_md5)
{
    char s[] = "Aladdin:open sesame";
    apr_md5_ctx_t ctx;

    ck_assert_str_eq(ap_pbase64encode(p, s), "QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    ck_assert_str_eq(ap_pbase64decode(p, "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="), s);

    ck_assert_str_eq(ap_md5(p, (const unsigned char *)""),
                     "d41d8cd98f00b204e9800998ecf8427e");
    ck_assert_str_eq(ap_md5(p, (const unsigned char *)"abc"),
                     "900150983cd24fb0d6963f7d28e17f72");
    ck_assert_str_eq(ap_md5_binary(p, (const unsigned char *)"abcdef", 3),
                     "900150983cd24fb0d6963f7d28e17f72");
    apr_md5_init(&ctx);
    apr_md5_update(&ctx, "abc", 3);
    ck_assert_str_eq(ap_md5contextTo64(p, &ctx), "kAFQmDzST7DWlj99KOF/cg==");
}
END_TEST

START_TEST(test_md5digest_file)
{
    const char *dir = NULL;
    apr_file_t *f;
    char *name;
    apr_size_t n = 3;
    apr_off_t off = 0;

    ck_assert_int_eq(apr_temp_dir_get(&dir, p), APR_SUCCESS);
    name = apr_pstrcat(p, dir, "/test_util_escape_XXXXXX", NULL);
    ck_assert_int_eq(apr_file_mktemp(&f, name, 0, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_write(f, "abc", &n), APR_SUCCESS);
    ck_assert_int_eq(apr_file_seek(f, APR_SET, &off), APR_SUCCESS);
    ck_assert_str_eq(ap_md5digest(p, f), "kAFQmDzST7DWlj99KOF/cg==");
    apr_file_close(f);
    apr_file_remove(name, p);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("util_escape");
    TCase *tc = apr_test_tcase("util_escape");

    tcase_add_test(tc, test_escape_paths);
    tcase_add_test(tc, test_escape_html);
    tcase_add_test(tc, test_escape_log);
    tcase_add_test(tc, test_escape_shell_quotes);
    tcase_add_test(tc, test_unescape);
    tcase_add_test(tc, test_base64_md5);
    tcase_add_test(tc, test_md5digest_file);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
