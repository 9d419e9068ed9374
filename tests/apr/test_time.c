/*
 * apr_time.h: the clock, calendar conversion both ways (UTC, fixed offsets,
 * local time under several TZ values) and the date formats.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"
#include "apr_time.h"

#define SEC(s) apr_time_from_sec(APR_INT64_C(s))

/* 2000-01-08T18:07:13Z, APR's own example date. */
#define Y2K_SAT SEC(947354833)

static void use_tz(const char *tz)
{
    ck_assert_int_eq(setenv("TZ", tz, 1), 0);
    tzset();
}

static void check_exp(const apr_time_exp_t *x, int year, int mon, int mday,
                      int hour, int min, int sec, int usec)
{
    ck_assert_int_eq(x->tm_year + 1900, year);
    ck_assert_int_eq(x->tm_mon + 1, mon);
    ck_assert_int_eq(x->tm_mday, mday);
    ck_assert_int_eq(x->tm_hour, hour);
    ck_assert_int_eq(x->tm_min, min);
    ck_assert_int_eq(x->tm_sec, sec);
    ck_assert_int_eq(x->tm_usec, usec);
}

START_TEST(macros)
{
    char buf[64];
    apr_time_t t = apr_time_make(12, 345678);

    ck_assert_int_eq(APR_USEC_PER_SEC, 1000000);
    ck_assert_uint_eq(sizeof(apr_time_t), 8);
    ck_assert_uint_eq(sizeof(apr_interval_time_t), 8);
    ck_assert_uint_eq(sizeof(apr_short_interval_time_t), 4);
    ck_assert_int_eq(t, APR_TIME_C(12345678));
    ck_assert_int_eq(apr_time_sec(t), 12);
    ck_assert_int_eq(apr_time_usec(t), 345678);
    ck_assert_int_eq(apr_time_msec(t), 345);
    ck_assert_int_eq(apr_time_as_msec(t), 12345);
    ck_assert_int_eq(apr_time_from_msec(1500), 1500000);
    ck_assert_int_eq(apr_time_from_sec(3), 3000000);
    /* Large values do not overflow: the macros widen first. */
    ck_assert_int_eq(apr_time_from_sec(4000000000),
                     APR_TIME_C(4000000000000000));
    ck_assert_int_eq(apr_time_from_msec(3000000000), APR_TIME_C(3000000000000));
    /* Toward zero for negative times. */
    ck_assert_int_eq(apr_time_sec(APR_TIME_C(-1500000)), -1);
    ck_assert_int_eq(apr_time_usec(APR_TIME_C(-1500000)), -500000);
    snprintf(buf, sizeof buf, "%" APR_TIME_T_FMT, APR_TIME_C(-9000000000000));
    ck_assert_str_eq(buf, "-9000000000000");
}
END_TEST

START_TEST(names)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr",
                                         "May", "Jun", "Jul", "Aug",
                                         "Sep", "Oct", "Nov", "Dec"};
    static const char *const days[] = {"Sun", "Mon", "Tue", "Wed",
                                       "Thu", "Fri", "Sat"};
    int i;

    for (i = 0; i < 12; i++)
        ck_assert_str_eq(apr_month_snames[i], months[i]);
    for (i = 0; i < 7; i++)
        ck_assert_str_eq(apr_day_snames[i], days[i]);
    ck_assert_uint_eq(sizeof apr_month_snames, 48);
    ck_assert_uint_eq(sizeof apr_day_snames, 28);
}
END_TEST

START_TEST(now_and_sleep)
{
    apr_time_t before = apr_time_now();
    apr_time_t sys = apr_time_from_sec(time(NULL));
    apr_time_t after;

    ck_assert_int_lt(llabs((long long)(before - sys)), 2 * APR_USEC_PER_SEC);
    apr_time_clock_hires(p); /* no effect on Unix, must not disturb */
    apr_sleep(20000);
    after = apr_time_now();
    ck_assert_int_ge(after - before, 20000);
    /* Zero and negative intervals return at once. */
    apr_sleep(0);
    apr_sleep(-5000000);
    ck_assert_int_lt(apr_time_now() - after, 2 * APR_USEC_PER_SEC);
}
END_TEST

START_TEST(ansi_put)
{
    apr_time_t t = 42;

    ck_assert_int_eq(apr_time_ansi_put(&t, 0), APR_SUCCESS);
    ck_assert_int_eq(t, 0);
    ck_assert_int_eq(apr_time_ansi_put(&t, 947354833), APR_SUCCESS);
    ck_assert_int_eq(t, Y2K_SAT);
    ck_assert_int_eq(apr_time_ansi_put(&t, -86400), APR_SUCCESS);
    ck_assert_int_eq(t, SEC(-86400));
}
END_TEST

START_TEST(exp_gmt_known)
{
    apr_time_exp_t x;

    ck_assert_int_eq(apr_time_exp_gmt(&x, 0), APR_SUCCESS);
    check_exp(&x, 1970, 1, 1, 0, 0, 0, 0);
    ck_assert_int_eq(x.tm_wday, 4);
    ck_assert_int_eq(x.tm_yday, 0);
    ck_assert_int_eq(x.tm_isdst, 0);
    ck_assert_int_eq(x.tm_gmtoff, 0);

    apr_time_exp_gmt(&x, Y2K_SAT + 123456);
    check_exp(&x, 2000, 1, 8, 18, 7, 13, 123456);
    ck_assert_int_eq(x.tm_wday, 6);
    ck_assert_int_eq(x.tm_yday, 7);

    /* Leap days: 2000 is a leap year, 2100 is not. */
    apr_time_exp_gmt(&x, SEC(951782400));
    check_exp(&x, 2000, 2, 29, 0, 0, 0, 0);
    ck_assert_int_eq(x.tm_wday, 2);
    ck_assert_int_eq(x.tm_yday, 59);
    apr_time_exp_gmt(&x, SEC(951868800));
    check_exp(&x, 2000, 3, 1, 0, 0, 0, 0);
    ck_assert_int_eq(x.tm_yday, 60);
    apr_time_exp_gmt(&x, SEC(4107456000) + SEC(86399));
    check_exp(&x, 2100, 2, 28, 23, 59, 59, 0);
    ck_assert_int_eq(x.tm_wday, 0);
    apr_time_exp_gmt(&x, SEC(4107542400));
    check_exp(&x, 2100, 3, 1, 0, 0, 0, 0);
    ck_assert_int_eq(x.tm_wday, 1);
    ck_assert_int_eq(x.tm_yday, 59);
    apr_time_exp_gmt(&x, SEC(978220800)); /* 2000-12-31 */
    ck_assert_int_eq(x.tm_yday, 365);

    /* Far future: 9999-12-31T23:59:59Z and past Y2038. */
    apr_time_exp_gmt(&x, SEC(253402300799));
    check_exp(&x, 9999, 12, 31, 23, 59, 59, 0);
    ck_assert_int_eq(x.tm_wday, 5);
    apr_time_exp_gmt(&x, SEC(2147483648));
    check_exp(&x, 2038, 1, 19, 3, 14, 8, 0);
}
END_TEST

START_TEST(exp_gmt_negative)
{
    apr_time_exp_t x;

    /* Whole seconds before the epoch. */
    apr_time_exp_gmt(&x, SEC(-1));
    check_exp(&x, 1969, 12, 31, 23, 59, 59, 0);
    ck_assert_int_eq(x.tm_wday, 3);
    ck_assert_int_eq(x.tm_yday, 364);
    apr_time_exp_gmt(&x, SEC(-2208988800));
    check_exp(&x, 1900, 1, 1, 0, 0, 0, 0);
    ck_assert_int_eq(x.tm_wday, 1);
    apr_time_exp_gmt(&x, SEC(-11670912000)); /* 1600-03-01 */
    check_exp(&x, 1600, 3, 1, 0, 0, 0, 0);
    ck_assert_int_eq(x.tm_yday, 60);
    ck_assert_int_eq(x.tm_wday, 3);

    /* 1969-12-31T23:59:59.999999 is -1 microsecond. APR truncates the
     * seconds toward zero and keeps the sign in tm_usec, so it explodes to
     * 1970-01-01 00:00:00 with tm_usec -1 (the real library does this). */
    apr_time_exp_gmt(&x, -1);
    check_exp(&x, 1970, 1, 1, 0, 0, 0, -1);
    apr_time_exp_gmt(&x, APR_TIME_C(-1000001));
    check_exp(&x, 1969, 12, 31, 23, 59, 59, -1);
    apr_time_exp_gmt(&x, APR_TIME_C(-1500000));
    check_exp(&x, 1969, 12, 31, 23, 59, 59, -500000);
}
END_TEST

/* Every instant in a stride agrees with the C library's gmtime_r, and
 * implodes back to itself. */
START_TEST(exp_gmt_vs_libc)
{
    apr_int64_t s;

    for (s = APR_INT64_C(-12000000000); s < APR_INT64_C(13000000000);
         s += 86400 * 3 + 3607) {
        time_t tt = (time_t)s;
        struct tm tm;
        apr_time_exp_t x;
        apr_time_t back = -42;
        apr_time_t t = apr_time_from_sec(s) + (s > 0 ? 999999 : 0);

        ck_assert_ptr_nonnull(gmtime_r(&tt, &tm));
        apr_time_exp_gmt(&x, t);
        ck_assert_int_eq(x.tm_year, tm.tm_year);
        ck_assert_int_eq(x.tm_mon, tm.tm_mon);
        ck_assert_int_eq(x.tm_mday, tm.tm_mday);
        ck_assert_int_eq(x.tm_hour, tm.tm_hour);
        ck_assert_int_eq(x.tm_min, tm.tm_min);
        ck_assert_int_eq(x.tm_sec, tm.tm_sec);
        ck_assert_int_eq(x.tm_wday, tm.tm_wday);
        ck_assert_int_eq(x.tm_yday, tm.tm_yday);
        if (s >= 0) {
            ck_assert_int_eq(apr_time_exp_get(&back, &x), APR_SUCCESS);
            ck_assert_int_eq(back, t);
        }
        else {
            ck_assert_int_eq(apr_time_exp_get(&back, &x), APR_EBADDATE);
            ck_assert_int_eq(back, -42);
        }
    }
}
END_TEST

START_TEST(exp_get_rules)
{
    apr_time_exp_t x;
    apr_time_t t = 7;

    apr_time_exp_gmt(&x, SEC(951782400)); /* 2000-02-29 */
    ck_assert_int_eq(apr_time_exp_get(&t, &x), APR_SUCCESS);
    ck_assert_int_eq(t, SEC(951782400));

    /* tm_gmtoff, tm_wday, tm_yday and tm_isdst are ignored. */
    x.tm_gmtoff = 3600;
    x.tm_wday = 6;
    x.tm_yday = 300;
    x.tm_isdst = 1;
    ck_assert_int_eq(apr_time_exp_get(&t, &x), APR_SUCCESS);
    ck_assert_int_eq(t, SEC(951782400));
    /* ...but apr_time_exp_gmt_get() subtracts the offset. */
    ck_assert_int_eq(apr_time_exp_gmt_get(&t, &x), APR_SUCCESS);
    ck_assert_int_eq(t, SEC(951782400 - 3600));

    /* Out-of-range days carry into the next month or back. */
    x.tm_mday = 40; /* Feb 40 = Mar 11 */
    ck_assert_int_eq(apr_time_exp_get(&t, &x), APR_SUCCESS);
    ck_assert_int_eq(t, SEC(952732800));
    x.tm_mday = 0; /* Feb 0 = Jan 31 */
    ck_assert_int_eq(apr_time_exp_get(&t, &x), APR_SUCCESS);
    ck_assert_int_eq(t, SEC(949276800));
    x.tm_mday = 1;
    x.tm_hour = 48;
    x.tm_min = -60;
    x.tm_usec = 5;
    ck_assert_int_eq(apr_time_exp_get(&t, &x), APR_SUCCESS);
    ck_assert_int_eq(t, SEC(949363200 + 47 * 3600) + 5);

    /* A bad month is refused and leaves the result alone. */
    t = 7;
    x.tm_mon = 12;
    ck_assert_int_eq(apr_time_exp_get(&t, &x), APR_EBADDATE);
    x.tm_mon = -1;
    ck_assert_int_eq(apr_time_exp_get(&t, &x), APR_EBADDATE);
    ck_assert_int_eq(apr_time_exp_gmt_get(&t, &x), APR_EBADDATE);
    ck_assert_int_eq(t, 7);

    /* So is any instant before the epoch (whole seconds decide: a negative
     * tm_usec on the epoch itself still passes). */
    memset(&x, 0, sizeof x);
    x.tm_year = 69;
    x.tm_mon = 11;
    x.tm_mday = 31;
    x.tm_hour = 23;
    x.tm_min = 59;
    x.tm_sec = 59;
    ck_assert_int_eq(apr_time_exp_get(&t, &x), APR_EBADDATE);
    ck_assert_int_eq(t, 7);
    x.tm_sec = 60;
    ck_assert_int_eq(apr_time_exp_get(&t, &x), APR_SUCCESS);
    ck_assert_int_eq(t, 0);
    x.tm_usec = -5;
    ck_assert_int_eq(apr_time_exp_get(&t, &x), APR_SUCCESS);
    ck_assert_int_eq(t, -5);

    /* apr_time_exp_gmt_get() may go below the epoch through the offset. */
    memset(&x, 0, sizeof x);
    x.tm_year = 70;
    x.tm_mday = 1;
    x.tm_gmtoff = 3600;
    ck_assert_int_eq(apr_time_exp_gmt_get(&t, &x), APR_SUCCESS);
    ck_assert_int_eq(t, SEC(-3600));

    /* Far future. */
    memset(&x, 0, sizeof x);
    x.tm_year = 9999 - 1900;
    x.tm_mon = 11;
    x.tm_mday = 31;
    x.tm_hour = 23;
    x.tm_min = 59;
    x.tm_sec = 59;
    ck_assert_int_eq(apr_time_exp_get(&t, &x), APR_SUCCESS);
    ck_assert_int_eq(t, SEC(253402300799));
}
END_TEST

START_TEST(exp_tz_offsets)
{
    apr_time_exp_t x;
    apr_time_t back;

    /* India, +05:30: the epoch is 05:30 there. */
    ck_assert_int_eq(apr_time_exp_tz(&x, 0, 19800), APR_SUCCESS);
    check_exp(&x, 1970, 1, 1, 5, 30, 0, 0);
    ck_assert_int_eq(x.tm_gmtoff, 19800);
    ck_assert_int_eq(x.tm_isdst, 0);
    ck_assert_int_eq(apr_time_exp_gmt_get(&back, &x), APR_SUCCESS);
    ck_assert_int_eq(back, 0);

    /* Offsets move across day, month and year boundaries. */
    apr_time_exp_tz(&x, 0, -19800);
    check_exp(&x, 1969, 12, 31, 18, 30, 0, 0);
    ck_assert_int_eq(x.tm_wday, 3);
    ck_assert_int_eq(x.tm_gmtoff, -19800);
    apr_time_exp_tz(&x, SEC(951868807), -5 * 3600); /* 2000-03-01Z */
    check_exp(&x, 2000, 2, 29, 19, 0, 7, 0);
    apr_time_exp_tz(&x, SEC(978307199) + 250000, 14 * 3600);
    check_exp(&x, 2001, 1, 1, 13, 59, 59, 250000);
    ck_assert_int_eq(x.tm_yday, 0);
    ck_assert_int_eq(apr_time_exp_gmt_get(&back, &x), APR_SUCCESS);
    ck_assert_int_eq(back, SEC(978307199) + 250000);

    /* The sub-second part keeps its sign here too. */
    apr_time_exp_tz(&x, -1, 3600);
    check_exp(&x, 1970, 1, 1, 1, 0, 0, -1);
    ck_assert_int_eq(x.tm_gmtoff, 3600);
}
END_TEST

/* apr_time_exp_lt in zone `tz` for instant t: the expected fields, and the
 * round trip through apr_time_exp_gmt_get. */
static void check_lt(const char *tz, apr_time_t t, int year, int mon,
                     int mday, int hour, int min, int isdst, int gmtoff)
{
    apr_time_exp_t x;
    apr_time_t back = 0;

    use_tz(tz);
    ck_assert_int_eq(apr_time_exp_lt(&x, t), APR_SUCCESS);
    check_exp(&x, year, mon, mday, hour, min, (int)(apr_time_sec(t) % 60),
              (int)apr_time_usec(t));
    ck_assert_int_eq(x.tm_isdst, isdst);
    ck_assert_int_eq(x.tm_gmtoff, gmtoff);
    if (t >= SEC(86400)) {
        ck_assert_int_eq(apr_time_exp_gmt_get(&back, &x), APR_SUCCESS);
        ck_assert_int_eq(back, t);
    }
}

START_TEST(exp_lt_zones)
{
    apr_time_t summer = SEC(963000000) + 42; /* 2000-07-07T20:00:00Z */
    apr_time_exp_t x;

    check_lt("UTC", summer, 2000, 7, 7, 20, 0, 0, 0);
    check_lt("EST5EDT", summer, 2000, 7, 7, 16, 0, 1, -4 * 3600);
    check_lt("EST5EDT", Y2K_SAT, 2000, 1, 8, 13, 7, 0, -5 * 3600);
    /* The second before a DST change in the US, 2000-04-02 (2am EST). */
    check_lt("EST5EDT", SEC(954658799), 2000, 4, 2, 1, 59, 0, -5 * 3600);
    check_lt("EST5EDT", SEC(954658800), 2000, 4, 2, 3, 0, 1, -4 * 3600);
    /* A POSIX rule string needs no time-zone database: 5:30 east. */
    check_lt("XXX-5:30", summer, 2000, 7, 8, 1, 30, 0, 19800);
    check_lt("XXX-5:30", 0, 1970, 1, 1, 5, 30, 0, 19800);
    check_lt("EST5EDT", -1, 1969, 12, 31, 19, 0, 0, -5 * 3600);
    check_lt("EST5EDT", SEC(-86400 * 365), 1968, 12, 31, 19, 0, 0,
             -5 * 3600);
    if (access("/usr/share/zoneinfo/Asia/Kolkata", R_OK) == 0)
        check_lt("Asia/Kolkata", summer, 2000, 7, 8, 1, 30, 0, 19800);

    use_tz("UTC");
    apr_time_exp_lt(&x, SEC(253402300799));
    check_exp(&x, 9999, 12, 31, 23, 59, 59, 0);
    ck_assert_int_eq(x.tm_wday, 5);
    ck_assert_int_eq(x.tm_yday, 364);
}
END_TEST

START_TEST(rfc822)
{
    char buf[APR_RFC822_DATE_LEN + 8];

    memset(buf, 'x', sizeof buf);
    ck_assert_int_eq(apr_rfc822_date(buf, Y2K_SAT), APR_SUCCESS);
    ck_assert_str_eq(buf, "Sat, 08 Jan 2000 18:07:13 GMT");
    ck_assert_uint_eq(strlen(buf) + 1, APR_RFC822_DATE_LEN);
    ck_assert_int_eq(buf[APR_RFC822_DATE_LEN], 'x');

    apr_rfc822_date(buf, 0);
    ck_assert_str_eq(buf, "Thu, 01 Jan 1970 00:00:00 GMT");
    /* Microseconds are dropped, not rounded. */
    apr_rfc822_date(buf, SEC(951782399) + 999999);
    ck_assert_str_eq(buf, "Mon, 28 Feb 2000 23:59:59 GMT");
    apr_rfc822_date(buf, SEC(951782400));
    ck_assert_str_eq(buf, "Tue, 29 Feb 2000 00:00:00 GMT");
    apr_rfc822_date(buf, SEC(4107542399));
    ck_assert_str_eq(buf, "Sun, 28 Feb 2100 23:59:59 GMT");
    apr_rfc822_date(buf, SEC(4107542400));
    ck_assert_str_eq(buf, "Mon, 01 Mar 2100 00:00:00 GMT");
    apr_rfc822_date(buf, SEC(-86400));
    ck_assert_str_eq(buf, "Wed, 31 Dec 1969 00:00:00 GMT");
    apr_rfc822_date(buf, SEC(253402300799));
    ck_assert_str_eq(buf, "Fri, 31 Dec 9999 23:59:59 GMT");
    apr_rfc822_date(buf, SEC(1700000000));
    ck_assert_str_eq(buf, "Tue, 14 Nov 2023 22:13:20 GMT");
    /* As APR does: -1 us truncates to the epoch second. */
    apr_rfc822_date(buf, -1);
    ck_assert_str_eq(buf, "Thu, 01 Jan 1970 00:00:00 GMT");

    /* Independent of the local zone. */
    use_tz("XXX-5:30");
    apr_rfc822_date(buf, Y2K_SAT);
    ck_assert_str_eq(buf, "Sat, 08 Jan 2000 18:07:13 GMT");
}
END_TEST

START_TEST(ctime_format)
{
    char buf[APR_CTIME_LEN + 8];

    memset(buf, 'x', sizeof buf);
    use_tz("UTC");
    ck_assert_int_eq(apr_ctime(buf, Y2K_SAT), APR_SUCCESS);
    /* Unlike ctime(): a two-digit day and no newline. */
    ck_assert_str_eq(buf, "Sat Jan 08 18:07:13 2000");
    ck_assert_uint_eq(strlen(buf) + 1, APR_CTIME_LEN);
    ck_assert_int_eq(buf[APR_CTIME_LEN], 'x');
    apr_ctime(buf, SEC(978307199));
    ck_assert_str_eq(buf, "Sun Dec 31 23:59:59 2000");

    /* Local time. */
    use_tz("EST5EDT");
    apr_ctime(buf, SEC(963000000));
    ck_assert_str_eq(buf, "Fri Jul 07 16:00:00 2000");
    apr_ctime(buf, 0);
    ck_assert_str_eq(buf, "Wed Dec 31 19:00:00 1969");
    use_tz("XXX-5:30");
    apr_ctime(buf, 0);
    ck_assert_str_eq(buf, "Thu Jan 01 05:30:00 1970");
}
END_TEST

START_TEST(strftime_format)
{
    apr_time_exp_t x;
    apr_size_t len = 99;
    char buf[128];

    use_tz("UTC");
    apr_time_exp_gmt(&x, Y2K_SAT);
    ck_assert_int_eq(apr_strftime(buf, &len, sizeof buf,
                                  "%Y-%m-%d %H:%M:%S %a %b %j", &x),
                     APR_SUCCESS);
    ck_assert_str_eq(buf, "2000-01-08 18:07:13 Sat Jan 008");
    ck_assert_uint_eq(len, strlen(buf));

    /* %z prints the exploded time's own offset. */
    apr_time_exp_tz(&x, 0, 19800);
    apr_strftime(buf, &len, sizeof buf, "%H:%M %z", &x);
    ck_assert_str_eq(buf, "05:30 +0530");
    apr_time_exp_tz(&x, 0, -18000);
    apr_strftime(buf, &len, sizeof buf, "%d %H %z", &x);
    ck_assert_str_eq(buf, "31 19 -0500");

    /* Empty format: an empty string. */
    len = 99;
    ck_assert_int_eq(apr_strftime(buf, &len, sizeof buf, "", &x),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 0);
    /* Too small: still APR_SUCCESS, with a length of 0. */
    len = 99;
    ck_assert_int_eq(apr_strftime(buf, &len, 5, "%Y-%m-%d", &x), APR_SUCCESS);
    ck_assert_uint_eq(len, 0);
    /* Exactly enough room for the text and its NUL. */
    apr_time_exp_gmt(&x, Y2K_SAT);
    apr_strftime(buf, &len, 11, "%Y-%m-%d", &x);
    ck_assert_uint_eq(len, 10);
    ck_assert_str_eq(buf, "2000-01-08");
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("time");
    TCase *tc = apr_test_tcase("time");

    tcase_add_test(tc, macros);
    tcase_add_test(tc, names);
    tcase_add_test(tc, now_and_sleep);
    tcase_add_test(tc, ansi_put);
    tcase_add_test(tc, exp_gmt_known);
    tcase_add_test(tc, exp_gmt_negative);
    tcase_add_test(tc, exp_gmt_vs_libc);
    tcase_add_test(tc, exp_get_rules);
    tcase_add_test(tc, exp_tz_offsets);
    tcase_add_test(tc, exp_lt_zones);
    tcase_add_test(tc, rfc822);
    tcase_add_test(tc, ctime_format);
    tcase_add_test(tc, strftime_format);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
