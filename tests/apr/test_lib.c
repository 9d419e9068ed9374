/*
 * apr_lib.h: ctype macros on every char value, apr_filepath_name_get,
 * HUGE_STRING_LEN, apr_vformatter's count-only mode and apr_password_get
 * without a terminal.
 */
#include "testutil.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "apr_lib.h"

START_TEST(test_ctype_all_chars)
{
    int c;

    /* Every char value, negative ones included, gives the <ctype.h>
     * answer for the same unsigned char. */
    for (c = CHAR_MIN; c <= CHAR_MAX; c++) {
        char ch = (char)c;
        int u = (unsigned char)ch;
        ck_assert_int_eq(!!apr_isalnum(ch), !!isalnum(u));
        ck_assert_int_eq(!!apr_isalpha(ch), !!isalpha(u));
        ck_assert_int_eq(!!apr_iscntrl(ch), !!iscntrl(u));
        ck_assert_int_eq(!!apr_isdigit(ch), !!isdigit(u));
        ck_assert_int_eq(!!apr_isgraph(ch), !!isgraph(u));
        ck_assert_int_eq(!!apr_islower(ch), !!islower(u));
        ck_assert_int_eq(!!apr_isprint(ch), !!isprint(u));
        ck_assert_int_eq(!!apr_ispunct(ch), !!ispunct(u));
        ck_assert_int_eq(!!apr_isspace(ch), !!isspace(u));
        ck_assert_int_eq(!!apr_isupper(ch), !!isupper(u));
        ck_assert_int_eq(!!apr_isxdigit(ch), !!isxdigit(u));
        ck_assert_int_eq(apr_tolower(ch), tolower(u));
        ck_assert_int_eq(apr_toupper(ch), toupper(u));
        ck_assert_int_eq(!!apr_isascii(ch), u < 128);
    }
    ck_assert(apr_isdigit('7') && !apr_isdigit('a'));
    ck_assert(apr_isxdigit('F') && !apr_isxdigit('g'));
    ck_assert_int_eq(apr_toupper('q'), 'Q');
    ck_assert_int_eq(apr_tolower('Q'), 'q');
    ck_assert(!apr_isalpha((char)0xe9));
}
END_TEST

START_TEST(test_huge_string_len)
{
    ck_assert_int_eq(HUGE_STRING_LEN, 8192);
}
END_TEST

START_TEST(test_filepath_name_get)
{
    ck_assert_str_eq(apr_filepath_name_get("/foo/bar/gum"), "gum");
    ck_assert_str_eq(apr_filepath_name_get("/foo/bar/gum/"), "");
    ck_assert_str_eq(apr_filepath_name_get("gum"), "gum");
    ck_assert_str_eq(apr_filepath_name_get(""), "");
    ck_assert_str_eq(apr_filepath_name_get("/"), "");
    {
        const char *path = "a/b";
        ck_assert_ptr_eq(apr_filepath_name_get(path), path + 2);
    }
}
END_TEST

static int no_flush(apr_vformatter_buff_t *b)
{
    (void)b;
    return -1;
}

static int count_only(const char *fmt, ...)
{
    apr_vformatter_buff_t vb;
    va_list ap;
    int r;

    vb.curpos = NULL;
    vb.endpos = NULL;
    va_start(ap, fmt);
    r = apr_vformatter(no_flush, &vb, fmt, ap);
    va_end(ap);
    return r;
}

START_TEST(test_vformatter_count_only)
{
    /* A NULL curpos counts without writing or flushing. */
    ck_assert_int_eq(count_only("%s-%d", "abc", 12345), 9);
    ck_assert_int_eq(count_only(""), 0);
    ck_assert_int_eq(count_only("%1000d", 1), 1000);
}
END_TEST

/* Feed apr_password_get from a pipe on stdin (no terminal in tests). */
static apr_status_t password_from(const char *input, char *buf,
                                  apr_size_t size)
{
    int fds[2];
    apr_size_t bufsize = size;
    apr_status_t rv;

    ck_assert_int_eq(pipe(fds), 0);
    ck_assert_int_eq(write(fds[1], input, strlen(input)),
                     (ssize_t)strlen(input));
    close(fds[1]);
    ck_assert_int_eq(dup2(fds[0], STDIN_FILENO), STDIN_FILENO);
    close(fds[0]);
    rv = apr_password_get("", buf, &bufsize);
    ck_assert_uint_eq(bufsize, size);
    return rv;
}

START_TEST(test_password_get_pipe)
{
    char buf[16];

    /* Only meaningful without a controlling terminal (as under meson). */
    if (access("/dev/tty", R_OK | W_OK) == 0) {
        FILE *tty = fopen("/dev/tty", "r+");
        if (tty != NULL) {
            fclose(tty);
            return;
        }
    }
    ck_assert_int_eq(password_from("secret\nmore", buf, sizeof buf),
                     APR_SUCCESS);
    ck_assert_str_eq(buf, "secret");
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("lib");
    TCase *tc = apr_test_tcase("lib");

    tcase_add_test(tc, test_ctype_all_chars);
    tcase_add_test(tc, test_huge_string_len);
    tcase_add_test(tc, test_filepath_name_get);
    tcase_add_test(tc, test_vformatter_count_only);
    tcase_add_test(tc, test_password_get_pipe);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
