/*
 * util_time.h and ap_ht_time: cached explosions (the microseconds always
 * follow the time asked for), the ctime formats with every option, the
 * RFC 822 date of HTTP headers, and %Z/%z in GMT formats. Local-time
 * formats run with TZ=UTC so the expectations are fixed.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "apr_env.h"

#include "httpd.h"
#include "util_time.h"

/* Sun, 06 Nov 1994 08:49:37 GMT (the RFC 9110 example) + 123456 us */
#define T0 (apr_time_from_sec(784111777) + 123456)

static void utc(void)
{
    ck_assert_int_eq(apr_env_set("TZ", "UTC", p), APR_SUCCESS);
    tzset();
}

START_TEST(test_explode_cached)
{
    apr_time_exp_t a, b;
    int i;

    ck_assert_int_eq(ap_explode_recent_gmt(&a, T0), APR_SUCCESS);
    ck_assert_int_eq(a.tm_year, 94);
    ck_assert_int_eq(a.tm_mon, 10);
    ck_assert_int_eq(a.tm_mday, 6);
    ck_assert_int_eq(a.tm_hour, 8);
    ck_assert_int_eq(a.tm_sec, 37);
    ck_assert_int_eq(a.tm_usec, 123456);
    /* same second from the cache, other microseconds */
    ck_assert_int_eq(ap_explode_recent_gmt(&b, T0 + 5), APR_SUCCESS);
    ck_assert_int_eq(b.tm_usec, 123461);
    ck_assert_int_eq(b.tm_sec, 37);
    /* every second of a range lands right whatever the cache holds */
    for (i = 0; i < 40; i++) {
        ap_explode_recent_gmt(&b, T0 + apr_time_from_sec(i));
        ck_assert_int_eq(b.tm_sec, (37 + i) % 60);
    }
    ap_explode_recent_gmt(&b, T0 - apr_time_from_sec(16));
    ck_assert_int_eq(b.tm_sec, 21);
}
END_TEST

START_TEST(test_rfc822)
{
    char buf[APR_RFC822_DATE_LEN];

    ck_assert_int_eq(ap_recent_rfc822_date(buf, T0), APR_SUCCESS);
    ck_assert_str_eq(buf, "Sun, 06 Nov 1994 08:49:37 GMT");
    ap_recent_rfc822_date(buf, apr_time_from_sec(0));
    ck_assert_str_eq(buf, "Thu, 01 Jan 1970 00:00:00 GMT");
}
END_TEST

START_TEST(test_ctime)
{
    char buf[64];
    int len;

    utc();
    ck_assert_int_eq(ap_recent_ctime(buf, T0), APR_SUCCESS);
    ck_assert_str_eq(buf, "Sun Nov 06 08:49:37 1994");

    len = sizeof(buf);
    ck_assert_int_eq(ap_recent_ctime_ex(buf, T0, AP_CTIME_OPTION_USEC, &len),
                     APR_SUCCESS);
    ck_assert_str_eq(buf, "Sun Nov 06 08:49:37.123456 1994");
    ck_assert_int_eq(len, APR_CTIME_LEN + 7);

    len = sizeof(buf);
    ap_recent_ctime_ex(buf, T0, AP_CTIME_OPTION_COMPACT | AP_CTIME_OPTION_MSEC,
                       &len);
    ck_assert_str_eq(buf, "1994-11-06 08:49:37.123");
    ck_assert_int_eq(len, 24);

    len = sizeof(buf);
    ap_recent_ctime_ex(buf, T0, AP_CTIME_OPTION_COMPACT
                                | AP_CTIME_OPTION_GMTOFF, &len);
    ck_assert_str_eq(buf, "1994-11-06 08:49:37 +0000");

    len = 10; /* too small: nothing written */
    ck_assert_int_eq(ap_recent_ctime_ex(buf, T0, AP_CTIME_OPTION_NONE, &len),
                     APR_ENOMEM);
    ck_assert_int_eq(len, 0);
}
END_TEST

START_TEST(test_ht_time)
{
    utc();
    ck_assert_str_eq(ap_ht_time(p, T0, "%Y-%m-%d %H:%M:%S %Z", 1),
                     "1994-11-06 08:49:37 GMT");
    ck_assert_str_eq(ap_ht_time(p, T0, "%a, %d %b %Y %T %z", 1),
                     "Sun, 06 Nov 1994 08:49:37 +0000");
    ck_assert_str_eq(ap_ht_time(p, T0, "100%% %%Z", 1), "100% %Z");
    ck_assert_str_eq(ap_ht_time(p, T0, "%H:%M", 0), "08:49");
    ck_assert_str_eq(ap_ht_time(p, T0, "", 1), "");
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("util_time");
    TCase *tc = apr_test_tcase("util_time");

    tcase_add_test(tc, test_explode_cached);
    tcase_add_test(tc, test_rfc822);
    tcase_add_test(tc, test_ctime);
    tcase_add_test(tc, test_ht_time);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
