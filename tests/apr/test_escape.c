/*
 * apr_escape.h: every escaper and unescaper, with outputs, lengths and
 * return codes as Debian's libapr 1.7 produces them (each table row was
 * checked against it; the suite also builds with -Dtest_against=system).
 */
#include <string.h>

#include "testutil.h"
#include "apr_escape.h"

/* Fill from a NULL-dest measurement, then a real write; both must agree. */
typedef apr_status_t (*esc_fn)(char *, const char *, apr_ssize_t,
                               apr_size_t *);

static void check_esc(esc_fn fn, const char *in, const char *want,
                      apr_status_t want_rv)
{
    char buf[512];
    apr_size_t len = 0, len2 = 0;

    ck_assert_int_eq(fn(NULL, in, APR_ESCAPE_STRING, &len), want_rv);
    ck_assert_int_eq(fn(buf, in, APR_ESCAPE_STRING, &len2), want_rv);
    ck_assert_str_eq(buf, want);
    ck_assert_uint_eq(len, strlen(want) + 1);   /* counts the NUL */
    ck_assert_uint_eq(len2, len);
}

/* ------------------------------------------------------------------ shell */

START_TEST(shell_table)
{
    check_esc(apr_escape_shell, "ls -l", "ls -l", APR_NOTFOUND);
    check_esc(apr_escape_shell, "", "", APR_NOTFOUND);
    check_esc(apr_escape_shell, "a;b&c", "a\\;b\\&c", APR_SUCCESS);
    check_esc(apr_escape_shell, "&;`'\"|*?~<>^()[]{}$\\\n",
              "\\&\\;\\`\\'\\\"\\|\\*\\?\\~\\<\\>\\^\\(\\)\\[\\]\\{\\}\\$\\\\"
              "\\\n", APR_SUCCESS);
    /* '%', '#', '!', space and tab are left alone on Unix. */
    check_esc(apr_escape_shell, "%#! \t", "%#! \t", APR_NOTFOUND);
}
END_TEST

START_TEST(shell_slen_and_null)
{
    char buf[32];
    apr_size_t len = 99;

    ck_assert_int_eq(apr_escape_shell(buf, "a;b", 1, &len), APR_NOTFOUND);
    ck_assert_str_eq(buf, "a");
    ck_assert_uint_eq(len, 2);
    ck_assert_int_eq(apr_escape_shell(buf, "a;b", 2, &len), APR_SUCCESS);
    ck_assert_str_eq(buf, "a\\;");
    ck_assert_int_eq(apr_escape_shell(buf, "a;b", 0, &len), APR_NOTFOUND);
    ck_assert_str_eq(buf, "");
    ck_assert_uint_eq(len, 1);
    /* Input ends at the NUL even when slen is larger. */
    ck_assert_int_eq(apr_escape_shell(buf, "a;", 10, &len), APR_SUCCESS);
    ck_assert_str_eq(buf, "a\\;");
    /* Any negative length means NUL-terminated. */
    ck_assert_int_eq(apr_escape_shell(buf, "a;b", -5, &len), APR_SUCCESS);
    ck_assert_str_eq(buf, "a\\;b");
    ck_assert_int_eq(apr_escape_shell(NULL, NULL, -1, &len), APR_NOTFOUND);
    ck_assert_uint_eq(len, 1);
    ck_assert_int_eq(apr_escape_shell(buf, "x", -1, NULL), APR_NOTFOUND);
}
END_TEST

START_TEST(pescape_shell)
{
    const char *in = "plain";

    ck_assert_ptr_eq(apr_pescape_shell(p, in), in);
    ck_assert_ptr_null(apr_pescape_shell(p, NULL));
    ck_assert_str_eq(apr_pescape_shell(p, "rm *"), "rm \\*");
}
END_TEST

/* ------------------------------------------------------------ unescape_url */

static void check_unurl(const char *in, const char *forbid,
                        const char *reserved, int plus, const char *want,
                        apr_size_t want_len, apr_status_t want_rv)
{
    char buf[256];
    apr_size_t len = 0, len2 = 0;

    ck_assert_int_eq(apr_unescape_url(NULL, in, APR_ESCAPE_STRING, forbid,
                                      reserved, plus, &len), want_rv);
    ck_assert_int_eq(apr_unescape_url(buf, in, APR_ESCAPE_STRING, forbid,
                                      reserved, plus, &len2), want_rv);
    ck_assert_str_eq(buf, want);
    ck_assert_uint_eq(len, want_len);
    ck_assert_uint_eq(len2, want_len);
}

START_TEST(unescape_url_table)
{
    check_unurl("abc", NULL, NULL, 0, "abc", 4, APR_NOTFOUND);
    check_unurl("", NULL, NULL, 0, "", 1, APR_NOTFOUND);
    check_unurl("%41%42c", NULL, NULL, 0, "ABc", 4, APR_SUCCESS);
    check_unurl("%e9t%C3%A9", NULL, NULL, 0, "\xe9t\xc3\xa9", 5,
                APR_SUCCESS);
    check_unurl("a+b", NULL, NULL, 0, "a+b", 4, APR_NOTFOUND);
    check_unurl("a+b", NULL, NULL, 1, "a b", 4, APR_SUCCESS);
    check_unurl("%2B+", NULL, NULL, 1, "+ ", 3, APR_SUCCESS);
    /* Bad sequences are copied and reported as APR_EINVAL. */
    check_unurl("%zz", NULL, NULL, 0, "%zz", 4, APR_EINVAL);
    check_unurl("%4", NULL, NULL, 0, "%4", 3, APR_EINVAL);
    check_unurl("100%", NULL, NULL, 0, "100%", 5, APR_EINVAL);
    check_unurl("%41%2f%zz+", NULL, NULL, 1, "A/%zz ", 7, APR_EINVAL);
    /* Forbidden and NUL bytes: still decoded into the output, APR_BADCH. */
    check_unurl("%41%2f+", "/", NULL, 1, "A/ ", 4, APR_BADCH);
    check_unurl("a%00b", NULL, NULL, 0, "a", 4, APR_BADCH);
    check_unurl("%00", NULL, "/", 0, "", 2, APR_BADCH);
    /* A bad escape wins over a forbidden byte. */
    check_unurl("%2f%q", "/", NULL, 0, "/%q", 4, APR_EINVAL);
    /* Reserved bytes stay encoded, with their original case. */
    check_unurl("%41%2f+", NULL, "/", 0, "A%2f+", 6, APR_SUCCESS);
    check_unurl("%2F", NULL, "/", 0, "%2F", 4, APR_NOTFOUND);
    check_unurl("%2F%3f", NULL, "/?", 0, "%2F%3f", 7, APR_NOTFOUND);
    /* A forbidden list overrides a reserved one. */
    check_unurl("%2F", "/", "/", 0, "/", 2, APR_BADCH);
}
END_TEST

START_TEST(unescape_url_slen_null)
{
    char buf[32];
    apr_size_t len = 77;

    ck_assert_int_eq(apr_unescape_url(buf, "%41BC", 3, NULL, NULL, 0, &len),
                     APR_SUCCESS);
    ck_assert_str_eq(buf, "A");
    ck_assert_uint_eq(len, 2);
    /* A NULL url leaves len alone. */
    len = 77;
    ck_assert_int_eq(apr_unescape_url(NULL, NULL, -1, NULL, NULL, 1, &len),
                     APR_NOTFOUND);
    ck_assert_uint_eq(len, 77);
}
END_TEST

START_TEST(punescape_url)
{
    const char *in = "no-escapes";

    ck_assert_ptr_eq(apr_punescape_url(p, in, NULL, NULL, 1), in);
    ck_assert_str_eq(apr_punescape_url(p, "a%20b+c", NULL, NULL, 1),
                     "a b c");
    ck_assert_ptr_null(apr_punescape_url(p, "%zz", NULL, NULL, 0));
    ck_assert_ptr_null(apr_punescape_url(p, "%2f", "/", NULL, 0));
    ck_assert_ptr_null(apr_punescape_url(p, NULL, NULL, NULL, 0));
}
END_TEST

/* ------------------------------------------------------ path and urlencode */

START_TEST(path_segment_table)
{
    const char *seg = "abc";

    check_esc(apr_escape_path_segment, "azAZ09$-_.+!*'(),:@&=~",
              "azAZ09$-_.+!*'(),:@&=~", APR_NOTFOUND);
    check_esc(apr_escape_path_segment, "a b/c?d#e%f", "a%20b%2fc%3fd%23e%25f",
              APR_SUCCESS);
    check_esc(apr_escape_path_segment, "\x01\x7f\x80\xff;<>\"[\\]^`{|}",
              "%01%7f%80%ff%3b%3c%3e%22%5b%5c%5d%5e%60%7b%7c%7d",
              APR_SUCCESS);
    ck_assert_ptr_eq(apr_pescape_path_segment(p, seg), seg);
    ck_assert_str_eq(apr_pescape_path_segment(p, "a/b"), "a%2fb");
    ck_assert_ptr_null(apr_pescape_path_segment(p, NULL));
}
END_TEST

START_TEST(path_table)
{
    char buf[64];
    apr_size_t len;
    const char *in = "/usr/local/x";

    ck_assert_int_eq(apr_escape_path(buf, "a:b/c", -1, 0, &len), APR_SUCCESS);
    ck_assert_str_eq(buf, "./a:b/c");
    ck_assert_uint_eq(len, 8);
    ck_assert_int_eq(apr_escape_path(NULL, "a:b/c", -1, 0, &len),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 8);
    ck_assert_int_eq(apr_escape_path(buf, "a:b/c", -1, 1, &len),
                     APR_NOTFOUND);
    ck_assert_str_eq(buf, "a:b/c");
    ck_assert_uint_eq(len, 6);
    /* Only a colon before the first slash matters. */
    ck_assert_int_eq(apr_escape_path(buf, "ab/c:", -1, 0, &len),
                     APR_NOTFOUND);
    ck_assert_str_eq(buf, "ab/c:");
    ck_assert_int_eq(apr_escape_path(buf, "my file/%", -1, 0, &len),
                     APR_SUCCESS);
    ck_assert_str_eq(buf, "my%20file/%25");
    ck_assert_uint_eq(len, 14);
    ck_assert_int_eq(apr_escape_path(buf, "c:\x80", -1, 0, &len),
                     APR_SUCCESS);
    ck_assert_str_eq(buf, "./c:%80");
    len = 5;
    ck_assert_int_eq(apr_escape_path(NULL, NULL, -1, 0, &len), APR_NOTFOUND);
    ck_assert_uint_eq(len, 5);

    ck_assert_ptr_eq(apr_pescape_path(p, in, 0), in);
    ck_assert_str_eq(apr_pescape_path(p, "x:y", 0), "./x:y");
    ck_assert_str_eq(apr_pescape_path(p, "x:y z", 1), "x:y%20z");
    ck_assert_ptr_null(apr_pescape_path(p, NULL, 0));
}
END_TEST

START_TEST(urlencoded_table)
{
    const char *in = "Az09.-*_";

    check_esc(apr_escape_urlencoded, "Az09.-*_", "Az09.-*_", APR_NOTFOUND);
    check_esc(apr_escape_urlencoded, "a b", "a+b", APR_SUCCESS);
    check_esc(apr_escape_urlencoded, "k=v&x=1+2/3~",
              "k%3dv%26x%3d1%2b2%2f3%7e", APR_SUCCESS);
    check_esc(apr_escape_urlencoded, "\xc3\xa9!", "%c3%a9%21", APR_SUCCESS);
    ck_assert_ptr_eq(apr_pescape_urlencoded(p, in), in);
    ck_assert_str_eq(apr_pescape_urlencoded(p, "1 + 1"), "1+%2b+1");
    ck_assert_ptr_null(apr_pescape_urlencoded(p, NULL));
}
END_TEST

/* ----------------------------------------------------------------- entity */

START_TEST(escape_entity_table)
{
    char buf[128];
    apr_size_t len;
    const char *in = "it's fine";

    ck_assert_int_eq(apr_escape_entity(buf, "<a href=\"x\">&</a>", -1, 0,
                                       &len), APR_SUCCESS);
    ck_assert_str_eq(buf, "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    ck_assert_uint_eq(len, strlen(buf) + 1);
    /* Real APR leaves the single quote alone (its docs say &apos;). */
    ck_assert_int_eq(apr_escape_entity(buf, in, -1, 1, &len), APR_NOTFOUND);
    ck_assert_str_eq(buf, in);
    /* Non-ASCII stays raw without toasc... */
    ck_assert_int_eq(apr_escape_entity(buf, "caf\xe9", -1, 0, &len),
                     APR_NOTFOUND);
    ck_assert_str_eq(buf, "caf\xe9");
    /* ...and with it becomes "&#ddd" - with no ';', exactly as APR 1.7
     * writes it (its buffer is one byte short). */
    ck_assert_int_eq(apr_escape_entity(buf, "\xe9<", -1, 1, &len),
                     APR_SUCCESS);
    ck_assert_str_eq(buf, "&#233&lt;");
    ck_assert_uint_eq(len, 10);
    ck_assert_int_eq(apr_escape_entity(NULL, "\x80\xff", -1, 1, &len),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 11);
    ck_assert_int_eq(apr_escape_entity(buf, "\x01\t", -1, 1, &len),
                     APR_NOTFOUND);
    ck_assert_int_eq(apr_escape_entity(NULL, NULL, -1, 1, &len),
                     APR_NOTFOUND);
    ck_assert_uint_eq(len, 1);

    ck_assert_ptr_eq(apr_pescape_entity(p, in, 1), in);
    ck_assert_str_eq(apr_pescape_entity(p, "a&b", 0), "a&amp;b");
    ck_assert_ptr_null(apr_pescape_entity(p, NULL, 0));
}
END_TEST

static void check_unent(const char *in, const char *want, apr_size_t want_len,
                        apr_status_t want_rv)
{
    char buf[256];
    apr_size_t len = 0, len2 = 0;

    ck_assert_int_eq(apr_unescape_entity(NULL, in, -1, &len), want_rv);
    ck_assert_int_eq(apr_unescape_entity(buf, in, -1, &len2), want_rv);
    ck_assert_str_eq(buf, want);
    ck_assert_uint_eq(len, want_len);
    ck_assert_uint_eq(len2, want_len);
}

START_TEST(unescape_entity_table)
{
    check_unent("plain", "plain", 6, APR_NOTFOUND);
    check_unent("&lt;&gt;&amp;&quot;", "<>&\"", 5, APR_SUCCESS);
    check_unent("&#65;", "A", 2, APR_SUCCESS);
    check_unent("&#065;&#9;&#10;&#126;", "A\t\n~", 5, APR_SUCCESS);
    check_unent("&#161;&#255;", "\xa1\xff", 3, APR_SUCCESS);
    /* ISO-8859-1 letters. */
    check_unent("&eacute;&Auml;&szlig;&THORN;&ETH;&eth;&yuml;&AElig;",
                "\xe9\xc4\xdf\xde\xd0\xf0\xff\xc6", 9, APR_SUCCESS);
    /* Not known to APR 1.7: kept as text. */
    check_unent("&apos;&nbsp;&copy;&foo;&LT;", "&apos;&nbsp;&copy;&foo;&LT;",
                28, APR_NOTFOUND);
    /* Unterminated or empty: plain text. */
    check_unent("&lt", "&lt", 4, APR_NOTFOUND);
    check_unent("&", "&", 2, APR_NOTFOUND);
    check_unent("&;", "&;", 3, APR_NOTFOUND);
    check_unent("AT&T; x", "AT&T; x", 8, APR_NOTFOUND);
    /* Out-of-range or malformed numeric references are deleted, and a
     * deletion alone is reported as "no change" (APR 1.7). Hexadecimal
     * references are not understood: deleted too. */
    check_unent("&#1;", "", 1, APR_NOTFOUND);
    check_unent("a&#00;b", "ab", 3, APR_NOTFOUND);
    check_unent("&#x41;", "", 1, APR_NOTFOUND);
    check_unent("&#;", "", 1, APR_NOTFOUND);
    check_unent("&#11;&#31;&#127;&#160;&#256;", "", 1, APR_NOTFOUND);
    check_unent("&#9;&#10;&#11;&#127;&#160;&#161;&#255;&#256;",
                "\t\n\xa1\xff", 5, APR_SUCCESS);
    /* The value wraps modulo 2^32 as in APR 1.7: 4294967361 is 65. */
    check_unent("&#4294967361;", "A", 2, APR_SUCCESS);
    check_unent("&#99999999999;", "", 1, APR_NOTFOUND);
    /* Round trip through the escaper. */
    check_unent("x &lt;&amp;&gt;&quot; y", "x <&>\" y", 9, APR_SUCCESS);
}
END_TEST

START_TEST(unescape_entity_slen)
{
    char buf[32];
    apr_size_t len;

    ck_assert_int_eq(apr_unescape_entity(buf, "&lt;BCDEF", 4, &len),
                     APR_SUCCESS);
    ck_assert_str_eq(buf, "<");
    ck_assert_uint_eq(len, 2);
    ck_assert_int_eq(apr_unescape_entity(buf, "&lt;BCDEF", 6, &len),
                     APR_SUCCESS);
    ck_assert_str_eq(buf, "<BC");
    /* An entity cut by slen is plain text. */
    ck_assert_int_eq(apr_unescape_entity(buf, "x&lt;BCDEF", 4, &len),
                     APR_NOTFOUND);
    ck_assert_str_eq(buf, "x&lt");
    ck_assert_int_eq(apr_unescape_entity(NULL, NULL, -1, &len), APR_NOTFOUND);
    ck_assert_uint_eq(len, 1);
}
END_TEST

START_TEST(punescape_entity)
{
    const char *in = "&unknown;";
    const char *del = "a&#1;";

    ck_assert_ptr_eq(apr_punescape_entity(p, in), in);
    /* Only a deletion: the original comes back (APR 1.7). */
    ck_assert_ptr_eq(apr_punescape_entity(p, del), del);
    ck_assert_str_eq(apr_punescape_entity(p, "&#65;&#1;b"), "Ab");
    ck_assert_ptr_null(apr_punescape_entity(p, NULL));
}
END_TEST

START_TEST(entity_round_trip)
{
    static const char *const samples[] = {
        "", "abc", "<>&\"", "a<b>c&d\"e", "&amp;", "&lt;tag&gt;",
        "\"quoted\" & <bracketed>", "x&#65;y",
    };
    size_t i;

    for (i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
        const char *esc = apr_pescape_entity(p, samples[i], 0);
        const char *back = apr_punescape_entity(p, esc);

        ck_assert_str_eq(back, samples[i]);
    }
}
END_TEST

/* ------------------------------------------------------------------- echo */

START_TEST(echo_table)
{
    char buf[128];
    apr_size_t len;
    const char *in = "say \"hi\"";

    ck_assert_int_eq(apr_escape_echo(buf, "\a\b\f\n\r\t\v\\", -1, 0, &len),
                     APR_SUCCESS);
    ck_assert_str_eq(buf, "\\a\\b\\f\\n\\r\\t\\v\\\\");
    ck_assert_uint_eq(len, 17);
    ck_assert_int_eq(apr_escape_echo(buf, "\x01\x1b\x7f\x80\xff", -1, 0,
                                     &len), APR_SUCCESS);
    ck_assert_str_eq(buf, "\\x01\\x1b\\x7f\\x80\\xff");
    ck_assert_uint_eq(len, 21);
    ck_assert_int_eq(apr_escape_echo(buf, in, -1, 0, &len), APR_NOTFOUND);
    ck_assert_str_eq(buf, in);
    ck_assert_int_eq(apr_escape_echo(buf, in, -1, 1, &len), APR_SUCCESS);
    ck_assert_str_eq(buf, "say \\\"hi\\\"");
    ck_assert_int_eq(apr_escape_echo(NULL, in, -1, 1, &len), APR_SUCCESS);
    ck_assert_uint_eq(len, 11);
    ck_assert_int_eq(apr_escape_echo(NULL, NULL, -1, 1, &len), APR_NOTFOUND);
    ck_assert_uint_eq(len, 1);

    ck_assert_ptr_eq(apr_pescape_echo(p, in, 0), in);
    ck_assert_str_eq(apr_pescape_echo(p, "a\tb", 0), "a\\tb");
    ck_assert_ptr_null(apr_pescape_echo(p, NULL, 0));
}
END_TEST

/* -------------------------------------------------------------------- hex */

START_TEST(escape_hex)
{
    static const unsigned char bin[] = {0xab, 0x01, 0x00, 0xff};
    char buf[64];
    apr_size_t len;

    ck_assert_int_eq(apr_escape_hex(buf, bin, 4, 0, &len), APR_SUCCESS);
    ck_assert_str_eq(buf, "ab0100ff");
    ck_assert_uint_eq(len, 9);
    ck_assert_int_eq(apr_escape_hex(buf, bin, 4, 1, &len), APR_SUCCESS);
    ck_assert_str_eq(buf, "ab:01:00:ff");
    ck_assert_uint_eq(len, 12);
    ck_assert_int_eq(apr_escape_hex(NULL, bin, 1, 1, &len), APR_SUCCESS);
    ck_assert_uint_eq(len, 3);
    ck_assert_int_eq(apr_escape_hex(buf, bin, 0, 1, &len), APR_SUCCESS);
    ck_assert_str_eq(buf, "");
    ck_assert_uint_eq(len, 1);
    len = 42;
    ck_assert_int_eq(apr_escape_hex(NULL, NULL, 3, 0, &len), APR_NOTFOUND);
    ck_assert_uint_eq(len, 42);

    ck_assert_str_eq(apr_pescape_hex(p, bin, 2, 1), "ab:01");
    ck_assert_str_eq(apr_pescape_hex(p, bin, 0, 0), "");
    ck_assert_ptr_null(apr_pescape_hex(p, NULL, 2, 0));
}
END_TEST

START_TEST(unescape_hex)
{
    unsigned char buf[64];
    apr_size_t len;

    ck_assert_int_eq(apr_unescape_hex(buf, "aB01fF", -1, 0, &len),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 3);
    ck_assert_int_eq(buf[0], 0xab);
    ck_assert_int_eq(buf[1], 0x01);
    ck_assert_int_eq(buf[2], 0xff);
    ck_assert_int_eq(apr_unescape_hex(NULL, "AbCdEf", -1, 1, &len),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 3);
    /* Colons only when asked, anywhere between byte pairs. */
    ck_assert_int_eq(apr_unescape_hex(buf, "ab:c1", -1, 0, &len), APR_BADCH);
    ck_assert_int_eq(apr_unescape_hex(buf, "::ab::c1:", -1, 1, &len),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 2);
    ck_assert_int_eq(buf[1], 0xc1);
    ck_assert_int_eq(apr_unescape_hex(buf, "a:b", -1, 1, &len), APR_BADCH);
    /* Odd length: the lone last digit is not counted (APR 1.7 does not
     * report an error either). */
    ck_assert_int_eq(apr_unescape_hex(buf, "abc", -1, 0, &len), APR_SUCCESS);
    ck_assert_uint_eq(len, 1);
    ck_assert_int_eq(buf[0], 0xab);
    ck_assert_int_eq(apr_unescape_hex(buf, "abcdef", 3, 0, &len),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 1);
    /* Empty input; bad characters leave len alone. */
    ck_assert_int_eq(apr_unescape_hex(buf, "", -1, 1, &len), APR_SUCCESS);
    ck_assert_uint_eq(len, 0);
    len = 77;
    ck_assert_int_eq(apr_unescape_hex(NULL, "abzz", -1, 0, &len), APR_BADCH);
    ck_assert_uint_eq(len, 77);
    ck_assert_int_eq(apr_unescape_hex(buf, "0x12", -1, 0, &len), APR_BADCH);
    ck_assert_uint_eq(len, 77);
    /* A NULL string measures as empty. */
    ck_assert_int_eq(apr_unescape_hex(NULL, NULL, -1, 0, &len),
                     APR_NOTFOUND);
    ck_assert_uint_eq(len, 0);
}
END_TEST

START_TEST(punescape_hex)
{
    const unsigned char *out;
    apr_size_t len = 0;

    out = apr_punescape_hex(p, "de:ad:BE:EF", 1, &len);
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_eq(len, 4);
    ck_assert_int_eq(out[0], 0xde);
    ck_assert_int_eq(out[3], 0xef);
    ck_assert_ptr_null(apr_punescape_hex(p, "de:ad", 0, &len));
    ck_assert_ptr_null(apr_punescape_hex(p, "xyz", 1, &len));
    ck_assert_ptr_null(apr_punescape_hex(p, NULL, 1, &len));
    out = apr_punescape_hex(p, "", 0, &len);
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_eq(len, 0);
    ck_assert_ptr_nonnull(apr_punescape_hex(p, "00", 0, NULL));
}
END_TEST

START_TEST(hex_round_trip)
{
    unsigned char bin[256];
    const unsigned char *back;
    apr_size_t len, i;
    int colon;

    for (i = 0; i < sizeof(bin); i++)
        bin[i] = (unsigned char)(i * 37 + 11);
    for (colon = 0; colon < 2; colon++) {
        const char *hex = apr_pescape_hex(p, bin, sizeof(bin), colon);

        ck_assert_uint_eq(strlen(hex), colon ? 767 : 512);
        back = apr_punescape_hex(p, hex, colon, &len);
        ck_assert_uint_eq(len, sizeof(bin));
        ck_assert_int_eq(memcmp(back, bin, sizeof(bin)), 0);
    }
}
END_TEST

/* ------------------------------------------------------------------- ldap */

START_TEST(ldap_flags)
{
    char buf[128];
    apr_size_t len;
    const char *in = "cn=Doe, John+x=\"<y>\";\\ (a*b) #sp";

    ck_assert_int_eq(apr_escape_ldap(buf, in, -1, APR_ESCAPE_LDAP_DN, &len),
                     APR_SUCCESS);
    ck_assert_str_eq(buf,
        "cn=Doe\\2c John\\2bx=\\22\\3cy\\3e\\22\\3b\\5c (a*b) #sp");
    ck_assert_uint_eq(len, strlen(buf) + 1);
    ck_assert_int_eq(apr_escape_ldap(buf, in, -1, APR_ESCAPE_LDAP_FILTER,
                                     &len), APR_SUCCESS);
    ck_assert_str_eq(buf, "cn=Doe, John+x=\"<y>\";\\5c \\28a\\2ab\\29 #sp");
    ck_assert_int_eq(apr_escape_ldap(buf, in, -1, APR_ESCAPE_LDAP_ALL, &len),
                     APR_SUCCESS);
    ck_assert_str_eq(buf, "cn=Doe\\2c John\\2bx=\\22\\3cy\\3e\\22\\3b\\5c "
                          "\\28a\\2ab\\29 #sp");
    ck_assert_int_eq(apr_escape_ldap(NULL, in, -1, APR_ESCAPE_LDAP_ALL, &len),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, strlen(buf) + 1);
    /* No flags: nothing escaped. */
    ck_assert_int_eq(apr_escape_ldap(buf, in, -1, 0, &len), APR_NOTFOUND);
    ck_assert_str_eq(buf, in);
    /* Controls and non-ASCII in both modes. */
    ck_assert_int_eq(apr_escape_ldap(buf, "\x01\x7f\xe9", -1,
                                     APR_ESCAPE_LDAP_DN, &len), APR_SUCCESS);
    ck_assert_str_eq(buf, "\\01\\7f\\e9");
}
END_TEST

START_TEST(ldap_binary)
{
    static const char bin[] = {'\0', '(', '\0', 'a'};
    const char *plain = "plain";
    char buf[64];
    apr_size_t len;

    /* With a length, NUL bytes are data and escaped. */
    ck_assert_int_eq(apr_escape_ldap(buf, bin, 4, APR_ESCAPE_LDAP_DN, &len),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 9);
    ck_assert_str_eq(buf, "\\00(\\00a");
    ck_assert_int_eq(apr_escape_ldap(buf, bin, 3, APR_ESCAPE_LDAP_FILTER,
                                     &len), APR_SUCCESS);
    ck_assert_str_eq(buf, "\\00\\28\\00");
    ck_assert_uint_eq(len, 10);
    /* Without, the first NUL ends the input. */
    ck_assert_int_eq(apr_escape_ldap(buf, bin, -1, APR_ESCAPE_LDAP_ALL, &len),
                     APR_NOTFOUND);
    ck_assert_uint_eq(len, 1);
    ck_assert_int_eq(apr_escape_ldap(buf, "a(b", 2, APR_ESCAPE_LDAP_FILTER,
                                     &len), APR_SUCCESS);
    ck_assert_str_eq(buf, "a\\28");
    ck_assert_int_eq(apr_escape_ldap(buf, "", 0, APR_ESCAPE_LDAP_ALL, &len),
                     APR_NOTFOUND);
    ck_assert_int_eq(apr_escape_ldap(NULL, NULL, 3, APR_ESCAPE_LDAP_ALL,
                                     &len), APR_NOTFOUND);
    ck_assert_uint_eq(len, 1);

    ck_assert_str_eq(apr_pescape_ldap(p, bin, 4, APR_ESCAPE_LDAP_ALL),
                     "\\00\\28\\00a");
    ck_assert_ptr_eq(apr_pescape_ldap(p, plain, -1, APR_ESCAPE_LDAP_ALL),
                     plain);
    ck_assert_ptr_null(apr_pescape_ldap(p, NULL, -1, APR_ESCAPE_LDAP_ALL));
}
END_TEST

/* --------------------------------------------------- every byte, each class */

START_TEST(every_byte)
{
    int c, changed_shell = 0, changed_seg = 0, changed_url = 0,
           changed_echo = 0;

    for (c = 1; c < 256; c++) {
        char in[2] = {(char)c, 0};
        char buf[16];
        const char *back;

        if (apr_escape_shell(buf, in, -1, NULL) == APR_SUCCESS)
            changed_shell++;
        if (apr_escape_path_segment(buf, in, -1, NULL) == APR_SUCCESS) {
            changed_seg++;
            /* Escaped path segments decode back. */
            back = apr_punescape_url(p, buf, NULL, NULL, 0);
            ck_assert_ptr_nonnull(back);
            ck_assert_int_eq((unsigned char)back[0], c);
        }
        if (apr_escape_urlencoded(buf, in, -1, NULL) == APR_SUCCESS) {
            changed_url++;
            back = apr_punescape_url(p, buf, NULL, NULL, 1);
            ck_assert_ptr_nonnull(back);
            ck_assert_int_eq((unsigned char)back[0], c);
        }
        if (apr_escape_echo(buf, in, -1, 1, NULL) == APR_SUCCESS)
            changed_echo++;
    }
    /* Class sizes of the reference library's table. */
    ck_assert_int_eq(changed_shell, 21);
    ck_assert_int_eq(changed_seg, 255 - 62 - 16);
    ck_assert_int_eq(changed_url, 255 - 62 - 4);
    ck_assert_int_eq(changed_echo, 255 - 95 + 2);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("escape");
    TCase *tc = apr_test_tcase("escape");

    tcase_add_test(tc, shell_table);
    tcase_add_test(tc, shell_slen_and_null);
    tcase_add_test(tc, pescape_shell);
    tcase_add_test(tc, unescape_url_table);
    tcase_add_test(tc, unescape_url_slen_null);
    tcase_add_test(tc, punescape_url);
    tcase_add_test(tc, path_segment_table);
    tcase_add_test(tc, path_table);
    tcase_add_test(tc, urlencoded_table);
    tcase_add_test(tc, escape_entity_table);
    tcase_add_test(tc, unescape_entity_table);
    tcase_add_test(tc, unescape_entity_slen);
    tcase_add_test(tc, punescape_entity);
    tcase_add_test(tc, entity_round_trip);
    tcase_add_test(tc, echo_table);
    tcase_add_test(tc, escape_hex);
    tcase_add_test(tc, unescape_hex);
    tcase_add_test(tc, punescape_hex);
    tcase_add_test(tc, hex_round_trip);
    tcase_add_test(tc, ldap_flags);
    tcase_add_test(tc, ldap_binary);
    tcase_add_test(tc, every_byte);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
