/*
 * apr_snprintf / apr_vsnprintf / apr_vformatter: every conversion, APR's
 * extensions and the truncation contract. Expected strings are what
 * Debian's libapr 1.7 prints (checked with -Dtest_against=system).
 */
#include "testutil.h"

#include <arpa/inet.h>
#include <math.h>
#include <string.h>

#include "apr_lib.h"
#include "apr_network_io.h"
#include "apr_strings.h"

/* Format into a 512-byte buffer; check the result and the return value. */
#define CHECK_FMT(expect, ...)                                               \
    do {                                                                     \
        char buf_[512];                                                      \
        int r_ = apr_snprintf(buf_, sizeof buf_, __VA_ARGS__);               \
        ck_assert_str_eq(buf_, expect);                                      \
        ck_assert_int_eq(r_, (int)strlen(expect));                           \
    } while (0)

/* -Wformat knows the C formats only: the APR extensions and deliberately
 * odd formats are exercised without it. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
#pragma GCC diagnostic ignored "-Wformat-zero-length"
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wformat-pedantic"
#pragma clang diagnostic ignored "-Wformat-invalid-specifier"
#else
#pragma GCC diagnostic ignored "-Wformat-overflow"
#endif

START_TEST(test_integers)
{
    CHECK_FMT("42", "%d", 42);
    CHECK_FMT("-42", "%i", -42);
    CHECK_FMT("   42|42   |", "%5d|%-5d|", 42, 42);
    CHECK_FMT("-0003", "%05d", -3);
    CHECK_FMT("+3  3", "%+d % d", 3, 3);
    CHECK_FMT("+0003| 0003", "%+05d|% 05d", 3, 3);
    CHECK_FMT("  003|00003|-003", "%5.3d|%05.3d|%.3d", 3, 3, -3);
    /* APR prints 0 even with precision 0. */
    CHECK_FMT("0|0", "%.0d|%.0x", 0, 0);
    /* '-' with '0' pads with zeros on the right in APR. */
    CHECK_FMT("30000|", "%-05d|", 3);
    CHECK_FMT("4294967295", "%u", -1);
    CHECK_FMT("3 3", "%+u % u", 3, 3);
    CHECK_FMT("ff FF 377", "%x %X %o", 255, 255, 255);
    CHECK_FMT("0xff 0XFF 010", "%#x %#X %#o", 255, 255, 8);
    CHECK_FMT("0 0", "%#x %#o", 0, 0);
    CHECK_FMT("0x008|010", "%#.3x|%#.3o", 8, 8);
    CHECK_FMT("00000xff", "%#08x", 255);
    CHECK_FMT("ffffffff", "%x", -1);
    CHECK_FMT("4464 4464", "%hd %hu", 70000, 70000);
    CHECK_FMT("-2147483648 2147483647", "%d %d", INT_MIN, INT_MAX);
    CHECK_FMT("-9223372036854775808", "%" APR_INT64_T_FMT, APR_INT64_MIN);
    CHECK_FMT("9223372036854775807", "%" APR_INT64_T_FMT, APR_INT64_MAX);
    CHECK_FMT("18446744073709551615", "%" APR_UINT64_T_FMT, APR_UINT64_MAX);
    CHECK_FMT("ffffffffffffffff", "%" APR_UINT64_T_HEX_FMT, APR_UINT64_MAX);
    CHECK_FMT("-5|5", "%ld|%qd", -5L, (apr_int64_t)5);
    CHECK_FMT("18446744073709551615 -1 -1",
              "%" APR_SIZE_T_FMT " %" APR_OFF_T_FMT " %" APR_SSIZE_T_FMT,
              (apr_size_t)-1, (apr_off_t)-1, (apr_ssize_t)-1);
}
END_TEST

START_TEST(test_star_and_precision_limits)
{
    char buf[1024];
    int r;

    CHECK_FMT("3    |", "%*d|", -5, 3);
    CHECK_FMT("    3|", "%*d|", 5, 3);
    /* A negative '*' precision counts as 0. */
    CHECK_FMT("3||", "%.*d|%.*s|", -5, 3, -1, "abc");
    CHECK_FMT("    3.14", "%*.*f", 8, 2, 3.14159);
    /* Integer precision is capped at 511 digits. */
    r = apr_snprintf(buf, sizeof buf, "%.600d", 3);
    ck_assert_int_eq(r, 511);
    ck_assert_int_eq(buf[0], '0');
    ck_assert_int_eq(buf[510], '3');
    /* A huge width fills the buffer and stops there. */
    r = apr_snprintf(buf, 5, "%2147483647d", 1);
    ck_assert_int_eq(r, 4);
    ck_assert_str_eq(buf, "    ");
    r = apr_snprintf(buf, 10, "%.2147483647d", 1);
    ck_assert_int_eq(r, 9);
    ck_assert_str_eq(buf, "000000000");
    r = apr_snprintf(buf, 10, "%99999999999d", 1);
    ck_assert_int_eq(r, 9);
    ck_assert_str_eq(buf, "         ");
}
END_TEST

START_TEST(test_strings_chars)
{
    CHECK_FMT("hello|   ab|ab   |he||       abc|", "%s|%5s|%-5s|%.2s|%.0s|%10.3s|",
              "hello", "ab", "ab", "hello", "x", "abcdef");
    CHECK_FMT("(null)", "%s", (char *)NULL);
    /* The precision does not cut "(null)". */
    CHECK_FMT("(null)|    (null)|", "%.2s|%10s|", (char *)NULL, (char *)NULL);
    CHECK_FMT("    x|x    |", "%05s|%-05s|", "x", "x");
    CHECK_FMT("A|    A|A  |    A", "%c|%5c|%-3c|%05c", 'A', 'A', 'A', 'A');
    CHECK_FMT("x", "%+s", "x");
    {
        char big[700];
        char out[800];
        memset(big, 'b', sizeof big - 1);
        big[sizeof big - 1] = '\0';
        ck_assert_int_eq(apr_snprintf(out, sizeof out, "%s!", big), 700);
        ck_assert_int_eq(out[699], '!');
        ck_assert_int_eq(apr_snprintf(out, sizeof out, "%.600s", big), 600);
    }
}
END_TEST

START_TEST(test_percent_and_unknown)
{
    CHECK_FMT("%|    %|%    |%|", "%%|%5%|%-5%|%.3%|");
    /* Unknown conversions print themselves, padded. */
    CHECK_FMT("%y|   %y|%S|%F", "%y|%5y|%S|%F");
    CHECK_FMT("%hd", "%hhd", 300);
    CHECK_FMT("%Lf", "%Lf", (long double)1.5);
    /* A '%' (with flags) ending the format prints nothing. */
    CHECK_FMT("abc", "abc%");
    CHECK_FMT("", "%");
    CHECK_FMT("", "%5");
    CHECK_FMT("1 (null)", "%d %s", 1, (char *)NULL);
}
END_TEST

START_TEST(test_count_n)
{
    char buf[64];
    int n = -1;
    long ln = -1;

    apr_snprintf(buf, sizeof buf, "abc%n%ld%ln", &n, 12345L, &ln);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(ln, 8);
    ck_assert_str_eq(buf, "abc12345");
}
END_TEST

START_TEST(test_floats_f)
{
    CHECK_FMT("1.500000 0.000000 -1.000000", "%f %f %f", 1.5, 0.0, -1.0);
    CHECK_FMT("0.000000", "%f", -0.0);
    CHECK_FMT("3.142 3.1415926500", "%.3f %.10f", 3.14159265, 3.14159265);
    /* APR rounds the decimal digits it generated, half up. */
    CHECK_FMT("1 2 3 0", "%.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, 0.49);
    CHECK_FMT("2.67 1.00 0.1 0.01", "%.2f %.2f %.1f %.2f", 2.675, 1.005, 0.05,
              0.005);
    CHECK_FMT("0.3 0.4 10.00 0.00", "%.1f %.1f %.2f %.2f", 0.25, 0.35, 9.999,
              0.001);
    CHECK_FMT("0|0.|0.0|3.", "%.0f|%#.0f|%.1f|%#.0f", 0.0, 0.0, 0.0, 3.0);
    CHECK_FMT("     3.142|3.142     |-00003.142", "%10.3f|%-10.3f|%010.3f",
              3.14159, 3.14159, -3.14159);
    CHECK_FMT("+02.3|+1.000000| 1.000000", "%+05.1f|%+f|% f", 2.25, 1.0, 1.0);
    CHECK_FMT("100000000000000000000.000000", "%f", 1e20);
    CHECK_FMT("0.10000000000000000000", "%.20f", 0.1);
    CHECK_FMT("0.000010|0.000|0.000000", "%f|%.3f|%f", 1e-5, 1e-5, 1e-7);
    CHECK_FMT("1.500000", "%lf", 1.5);
    /* Precision is capped at 78 digits. */
    {
        char buf[200];
        ck_assert_int_eq(apr_snprintf(buf, sizeof buf, "%.400f", 1.0), 80);
        ck_assert_int_eq(apr_snprintf(NULL, 0, "%.300f", 1.0), 80);
    }
}
END_TEST

START_TEST(test_floats_e)
{
    CHECK_FMT("1.500000e+00 1.500000E+00", "%e %E", 1.5, 1.5);
    CHECK_FMT("1.234560e+05 1.230000e-04 1.000000e+01", "%e %e %e", 123456.0,
              0.000123, 9.9999999);
    /* APR writes the exponent of zero as -01. */
    CHECK_FMT("0.000000e-01|0e-01", "%e|%.0e", 0.0, 0.0);
    CHECK_FMT("2e+00 2.e+00", "%.0e %#.0e", 1.5, 1.5);
    CHECK_FMT("1.000e+01", "%.3e", 9.9996);
    CHECK_FMT("1.000000E-100 1.000000e-310", "%E %e", 1e-100, 1e-310);
    CHECK_FMT("3.333333333333333037273860099958e-01", "%.30e", 1.0 / 3);
}
END_TEST

START_TEST(test_floats_g)
{
    /* APR's %g: no leading 0 before the point, exponent not padded,
     * trailing zeros always dropped. */
    CHECK_FMT("1.5 0 .5 .0001 1.e-5", "%g %g %g %g %g", 1.5, 0.0, 0.5, 0.0001,
              1e-5);
    CHECK_FMT("1.e+6 123457000 1.e+5 100001", "%g %g %g %g", 1000000.0,
              123456789.0, 100000.0, 1e5 + 1);
    CHECK_FMT("100 100 120 1.", "%.0g %.1g %.2g %#g", 123.0, 123.0, 123.0, 1.0);
    CHECK_FMT("10 99999.9 1.e+6", "%g %g %g", 9.9999999, 99999.95, 999999.5);
    CHECK_FMT("1.e-100 1.E-100", "%g %G", 1e-100, 1e-100);
    CHECK_FMT("     3.142|3.142     |-00003.142|+3", "%10.4g|%-10.4g|%010.4g|%+g",
              3.14159, 3.14159, -3.14159, 3.0);
    CHECK_FMT(".1 .3333333333333333", "%.17g %.17g", 0.1, 1.0 / 3);
    CHECK_FMT("12345 123456 1234570", "%g %g %g", 12345.0, 123456.0, 1234567.0);
}
END_TEST

START_TEST(test_floats_inf_nan)
{
    /* APR prints "inf" and "nan" without a sign for %f and %e. Its %g of
     * these prints digits garbage ("0.e+79"), so it is not tested here;
     * ours prints "inf"/"nan" there too. */
    CHECK_FMT("inf inf inf inf", "%f %e %f %E", INFINITY, INFINITY, -INFINITY,
              -INFINITY);
    CHECK_FMT("nan nan nan", "%f %e %E", NAN, NAN, NAN);
    CHECK_FMT("  inf|nan   |000inf|inf", "%5f|%-6f|%06f|%+f", INFINITY, NAN,
              INFINITY, INFINITY);
}
END_TEST

START_TEST(test_truncation)
{
    char b[10];

    /* len 0: nothing written, the full length returned; buf may be NULL. */
    ck_assert_int_eq(apr_snprintf(NULL, 0, "hello %d", 42), 8);
    memset(b, 'x', sizeof b);
    ck_assert_int_eq(apr_snprintf(b, 0, "hello"), 5);
    ck_assert_int_eq(b[0], 'x');
    /* len 1: only the NUL. */
    memset(b, 'x', sizeof b);
    ck_assert_int_eq(apr_snprintf(b, 1, "hello"), 0);
    ck_assert_int_eq(b[0], '\0');
    ck_assert_int_eq(apr_snprintf(b, 1, ""), 0);
    /* Truncated: the number of characters stored, len - 1. */
    memset(b, 'x', sizeof b);
    ck_assert_int_eq(apr_snprintf(b, 5, "hello"), 4);
    ck_assert_str_eq(b, "hell");
    ck_assert_int_eq(b[5], 'x');
    ck_assert_int_eq(apr_snprintf(b, 6, "hello"), 5);
    ck_assert_str_eq(b, "hello");
    ck_assert_int_eq(apr_snprintf(b, 4, "%s", "abcdef"), 3);
    ck_assert_str_eq(b, "abc");
    ck_assert_int_eq(apr_snprintf(b, 4, "%d", -12345), 3);
    ck_assert_str_eq(b, "-12");
    ck_assert_int_eq(apr_snprintf(NULL, 0, "%.600d", 1), 511);
}
END_TEST

/* A flush function that collects everything into a larger buffer through
 * a 4-byte window, to exercise repeated flushes. */
struct collector {
    apr_vformatter_buff_t vbuff;
    char window[4];
    char out[256];
    apr_size_t used;
    int flushes;
    int limit;
};

static int collect_flush(apr_vformatter_buff_t *vb)
{
    struct collector *c = (struct collector *)vb;
    apr_size_t n = (apr_size_t)(vb->curpos - c->window);

    if (c->flushes++ == c->limit)
        return -1;
    memcpy(c->out + c->used, c->window, n);
    c->used += n;
    vb->curpos = c->window;
    vb->endpos = c->window + sizeof c->window;
    return 0;
}

static int run_formatter(struct collector *c, const char *fmt, ...)
{
    va_list ap;
    int r;

    c->vbuff.curpos = c->window;
    c->vbuff.endpos = c->window + sizeof c->window;
    c->used = 0;
    c->flushes = 0;
    va_start(ap, fmt);
    r = apr_vformatter(collect_flush, &c->vbuff, fmt, ap);
    va_end(ap);
    return r;
}

START_TEST(test_vformatter_flush)
{
    struct collector c;
    int r;

    c.limit = -1;
    r = run_formatter(&c, "%s-%05d-%x", "abcdefghij", 42, 0xbeef);
    ck_assert_int_eq(r, 21);
    /* The tail is still in the window: the caller flushes it. */
    memcpy(c.out + c.used, c.window, (apr_size_t)(c.vbuff.curpos - c.window));
    c.used += (apr_size_t)(c.vbuff.curpos - c.window);
    c.out[c.used] = '\0';
    ck_assert_str_eq(c.out, "abcdefghij-00042-beef");
    ck_assert_int_eq(c.flushes, 5);

    /* A flush that gives up stops the formatter with -1. */
    c.limit = 1;
    ck_assert_int_eq(run_formatter(&c, "%s", "0123456789"), -1);
    ck_assert_int_eq(c.used, 4);

    /* Output that exactly fills the window needs no flush. */
    c.limit = -1;
    ck_assert_int_eq(run_formatter(&c, "abcd"), 4);
    ck_assert_int_eq(c.flushes, 0);
    ck_assert_ptr_eq(c.vbuff.curpos, c.vbuff.endpos);
}
END_TEST

START_TEST(test_ext_pointer)
{
    CHECK_FMT("1234|      abc|def      |       12|1", "%pp|%9pp|%-9pp|%09pp|%#pp",
              (void *)0x1234, (void *)0xabc, (void *)0xdef, (void *)0x12,
              (void *)0x1);
    CHECK_FMT("0", "%pp", (void *)0);
    /* An unknown %p<c> eats its character and one argument. */
    CHECK_FMT("bogus %p|5", "%pz|%d", (void *)1, 5);
    CHECK_FMT("bogus %p5", "%p|%d", (void *)1, 5);
    CHECK_FMT("", "%p");
}
END_TEST

START_TEST(test_ext_in_addr)
{
    struct in_addr a;

    a.s_addr = htonl(0x7f000001);
    CHECK_FMT("127.0.0.1|   127.0.0.1|", "%pA|%12pA|", &a, &a);
    a.s_addr = htonl(0xffffffff);
    CHECK_FMT("255.255.255.255", "%pA", &a);
    CHECK_FMT("(null)", "%pA", NULL);
}
END_TEST

START_TEST(test_ext_sockaddr)
{
    apr_sockaddr_t sa;

    memset(&sa, 0, sizeof sa);
    sa.family = APR_INET;
    sa.port = 8080;
    sa.sa.sin.sin_family = AF_INET;
    sa.sa.sin.sin_addr.s_addr = htonl(0xc0a80001);
    sa.ipaddr_ptr = &sa.sa.sin.sin_addr;
    sa.ipaddr_len = sizeof(struct in_addr);
    sa.addr_str_len = 16;
    CHECK_FMT("192.168.0.1:8080|  192.168.0.1:8080", "%pI|%18pI", &sa, &sa);

    sa.family = APR_INET6;
    sa.port = 443;
    sa.sa.sin6.sin6_family = AF_INET6;
    inet_pton(AF_INET6, "2001:db8::1", &sa.sa.sin6.sin6_addr);
    sa.ipaddr_ptr = &sa.sa.sin6.sin6_addr;
    sa.addr_str_len = 46;
    CHECK_FMT("[2001:db8::1]:443", "%pI", &sa);
    /* IPv4-mapped addresses print as IPv4. */
    inet_pton(AF_INET6, "::ffff:1.2.3.4", &sa.sa.sin6.sin6_addr);
    CHECK_FMT("1.2.3.4:443", "%pI", &sa);
    CHECK_FMT("(null)", "%pI", NULL);
}
END_TEST

START_TEST(test_ext_thread)
{
    pthread_t t = (pthread_t)0x12345;

    /* apr_os_thread_t is pthread_t on unix. */
    CHECK_FMT("74565 12345", "%pT %pt", &t, &t);
    CHECK_FMT("(null)|(null)", "%pT|%pt", NULL, NULL);
}
END_TEST

START_TEST(test_ext_status)
{
    apr_status_t s = APR_ENOENT;
    char expect[256];

    CHECK_FMT("No such file or directory", "%pm", &s);
    s = APR_EOF;
    apr_strerror(s, expect, sizeof expect);
    CHECK_FMT(expect, "%pm", &s);
    CHECK_FMT("(null)", "%pm", NULL);
}
END_TEST

START_TEST(test_ext_sizes)
{
    apr_uint32_t u = 1024;
    apr_off_t o = 1536;
    apr_size_t z = 999;

    CHECK_FMT("1.0K 1.5K 1.0K", "%pB %pF %pS", &u, &o, &z);
    u = 5;
    o = (apr_off_t)5 << 30;
    z = 972;
    CHECK_FMT("  5 |5.0G|972 |", "%pB|%pF|%pS|", &u, &o, &z);
    CHECK_FMT("  0 |  0 |  0 ", "%pB|%pF|%pS", NULL, NULL, NULL);
    o = -1;
    CHECK_FMT("  - |   - ", "%pF|%5pF", &o, &o);
}
END_TEST

static char *vsn(char *buf, apr_size_t len, int *r, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    *r = apr_vsnprintf(buf, len, fmt, ap);
    va_end(ap);
    return buf;
}

START_TEST(test_vsnprintf)
{
    char buf[8];
    int r;

    ck_assert_str_eq(vsn(buf, sizeof buf, &r, "%d-%s", 7, "ab"), "7-ab");
    ck_assert_int_eq(r, 4);
    ck_assert_str_eq(vsn(buf, sizeof buf, &r, "%s", "0123456789"), "0123456");
    ck_assert_int_eq(r, 7);
    vsn(NULL, 0, &r, "%s", "0123456789");
    ck_assert_int_eq(r, 10);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("snprintf");
    TCase *tc = apr_test_tcase("snprintf");

    tcase_add_test(tc, test_integers);
    tcase_add_test(tc, test_star_and_precision_limits);
    tcase_add_test(tc, test_strings_chars);
    tcase_add_test(tc, test_percent_and_unknown);
    tcase_add_test(tc, test_count_n);
    tcase_add_test(tc, test_floats_f);
    tcase_add_test(tc, test_floats_e);
    tcase_add_test(tc, test_floats_g);
    tcase_add_test(tc, test_floats_inf_nan);
    tcase_add_test(tc, test_truncation);
    tcase_add_test(tc, test_vformatter_flush);
    tcase_add_test(tc, test_ext_pointer);
    tcase_add_test(tc, test_ext_in_addr);
    tcase_add_test(tc, test_ext_sockaddr);
    tcase_add_test(tc, test_ext_thread);
    tcase_add_test(tc, test_ext_status);
    tcase_add_test(tc, test_ext_sizes);
    tcase_add_test(tc, test_vsnprintf);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
