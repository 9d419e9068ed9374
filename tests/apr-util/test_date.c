/*
 * apr_date.h: apr_date_checkmask, apr_date_parse_http, apr_date_parse_rfc.
 *
 * The expectations of the date table were produced by Debian's
 * libaprutil-1 (1.6.3), and this suite passes against it
 * (-Dtest_against=system).
 */
#include <string.h>

#include "testutil.h"
#include "apr_date.h"
#include "apr_time.h"

#define BAD APR_DATE_BAD

typedef struct {
    const char *date;
    apr_time_t http;    /* apr_date_parse_http() */
    apr_time_t rfc;     /* apr_date_parse_rfc() */
} date_case;

static const date_case dates[] = {
    {"Sun, 06 Nov 1994 08:49:37 GMT",
     APR_INT64_C(784111777000000), APR_INT64_C(784111777000000)},
    {"Sunday, 06-Nov-94 08:49:37 GMT",
     APR_INT64_C(784111777000000), APR_INT64_C(784111777000000)},
    {"Sun Nov  6 08:49:37 1994",
     APR_INT64_C(784111777000000), APR_INT64_C(784111777000000)},
    {"Sun, 6 Nov 1994 08:49:37 GMT",
     APR_INT64_C(784111777000000), APR_INT64_C(784111777000000)},
    {"Sun, 06 Nov 1994 08:49:37 ",
     APR_INT64_C(784111777000000), APR_INT64_C(784111777000000)},
    {"Sun, 06 Nov 1994 08:49:37",
     BAD, BAD},
    {"Sun, 06 Nov 1994 08:49:37 +0100",
     APR_INT64_C(784111777000000), APR_INT64_C(784108177000000)},
    {"Sun Nov  6 08:49:37 1994 +0100",
     APR_INT64_C(784111777000000), APR_INT64_C(784111777000000)},
    {"Sunday, 06-Nov-94 08:49:37 -0130",
     APR_INT64_C(784111777000000), APR_INT64_C(784117177000000)},
    {"Thu, 01 Jan 1970 00:00:01 GMT",
     APR_INT64_C(1000000), APR_INT64_C(1000000)},
    {"Thu, 01 Jan 1970 00:00:00 GMT",
     BAD, BAD},
    {"Wed, 31 Dec 1969 23:59:59 GMT",
     BAD, BAD},
    {"Tuesday, 19-Jan-38 03:14:08 GMT",
     APR_INT64_C(2147483648000000), APR_INT64_C(2147483648000000)},
    {"Monday, 01-Jan-69 00:00:00 GMT",
     APR_INT64_C(3124224000000000), APR_INT64_C(3124224000000000)},
    {"Thursday, 01-Jan-70 00:00:01 GMT",
     APR_INT64_C(1000000), APR_INT64_C(1000000)},
    {"Fri, 31 Dec 9999 23:59:59 GMT",
     APR_INT64_C(253402300799000000), APR_INT64_C(253402300799000000)},
    {"Sun Nov 16 08:49:37 2094",
     APR_INT64_C(3940735777000000), APR_INT64_C(3940735777000000)},
    {"Sun Nov 6 08:49:37 1994",
     BAD, BAD},
    {"Sun Nov 06 08:49:37 1994",
     APR_INT64_C(784111777000000), APR_INT64_C(784111777000000)},
    {"  \tSun, 06 Nov 1994 08:49:37 GMT",
     APR_INT64_C(784111777000000), APR_INT64_C(784111777000000)},
    {"X 06 Nov 1994 08:49:37 GMT",
     APR_INT64_C(784111777000000), APR_INT64_C(784111777000000)},
    {"06 Nov 1994 08:49:37 GMT",
     BAD, APR_INT64_C(784111777000000)},
    {"Sun, 06 Nov 94 08:49:37 GMT",
     BAD, APR_INT64_C(784111777000000)},
    {"Sun, 6 Nov 94 08:49:37 GMT",
     BAD, APR_INT64_C(784111777000000)},
    {"Sun, 06 Nov 94 08:49 GMT",
     BAD, APR_INT64_C(784111740000000)},
    {"Sun, 6 Nov 94 08:49 GMT",
     BAD, APR_INT64_C(784111740000000)},
    {"Sun, 06 Nov 94 8:49:37 GMT",
     BAD, APR_INT64_C(784111777000000)},
    {"Sun, 6 Nov 94 8:49:37 GMT",
     BAD, APR_INT64_C(784111777000000)},
    {"Sun,  6 Nov 1994 08:49:37 GMT",
     BAD, APR_INT64_C(784111777000000)},
    {"Sun,  6 Nov 94 08:49:37 GMT",
     BAD, APR_INT64_C(784111777000000)},
    {"Sun, 06-Nov-1994 08:49:37 GMT",
     BAD, APR_INT64_C(784111777000000)},
    {"6 Nov 94 08:49:37 +0100",
     BAD, APR_INT64_C(784108177000000)},
    {"Sun, 06 Nov 94 08:49 +0100",
     BAD, APR_INT64_C(784111740000000)},
    {"Sun, 06 Nov 94 8:49 GMT",
     BAD, BAD},
    {"Sun, 06 Nov 1994 08:49 GMT",
     BAD, BAD},
    {"Sun, 6-Nov-94 08:49:37 GMT",
     BAD, BAD},
    {"Sun, 06 Nov 1994 08:49:37 -0800",
     APR_INT64_C(784111777000000), APR_INT64_C(784140577000000)},
    {"Sun, 06 Nov 1994 08:49:37 +0530",
     APR_INT64_C(784111777000000), APR_INT64_C(784091977000000)},
    {"Sun, 06 Nov 1994 08:49:37 +1",
     APR_INT64_C(784111777000000), APR_INT64_C(784111717000000)},
    {"Sun, 06 Nov 1994 08:49:37 +05:30",
     APR_INT64_C(784111777000000), APR_INT64_C(784111477000000)},
    {"Sun, 06 Nov 1994 08:49:37 EST",
     APR_INT64_C(784111777000000), APR_INT64_C(784111777000000)},
    {"Sun, 06 Nov 1994 08:49:37  +0100",
     APR_INT64_C(784111777000000), APR_INT64_C(784111777000000)},
    {"Thu, 01 Jan 1970 00:00:00 -0001",
     BAD, APR_INT64_C(60000000)},
    {"Thu, 01 Jan 1970 00:00:30 +0001",
     APR_INT64_C(30000000), APR_INT64_C(-30000000)},
    {"Tue, 29 Feb 2000 12:00:00 GMT",
     APR_INT64_C(951825600000000), APR_INT64_C(951825600000000)},
    {"Thu, 29 Feb 1996 12:00:00 GMT",
     APR_INT64_C(825595200000000), APR_INT64_C(825595200000000)},
    {"Mon, 29 Feb 2100 12:00:00 GMT",
     BAD, BAD},
    {"Sat, 29 Feb 1997 12:00:00 GMT",
     BAD, BAD},
    {"Sun, 30 Apr 1995 12:00:00 GMT",
     APR_INT64_C(799243200000000), APR_INT64_C(799243200000000)},
    {"Mon, 31 Apr 1995 12:00:00 GMT",
     BAD, BAD},
    {"Fri, 31 Jun 1995 12:00:00 GMT",
     BAD, BAD},
    {"Sun, 31 Sep 1995 12:00:00 GMT",
     BAD, BAD},
    {"Fri, 31 Nov 1995 12:00:00 GMT",
     BAD, BAD},
    {"Sun, 31 Dec 1995 12:00:00 GMT",
     APR_INT64_C(820411200000000), APR_INT64_C(820411200000000)},
    {"Sun, 32 Dec 1995 12:00:00 GMT",
     BAD, BAD},
    {"Sun, 00 Dec 1995 12:00:00 GMT",
     BAD, BAD},
    {"Sun Dec  0 12:00:00 1995",
     BAD, BAD},
    {"Sun, 06 Nov 1994 23:59:59 GMT",
     APR_INT64_C(784166399000000), APR_INT64_C(784166399000000)},
    {"Sun, 06 Nov 1994 24:00:00 GMT",
     BAD, BAD},
    {"Sun, 06 Nov 1994 25:49:37 GMT",
     BAD, BAD},
    {"Sun, 06 Nov 1994 08:60:37 GMT",
     BAD, BAD},
    {"Sun, 06 Nov 1994 08:49:60 GMT",
     APR_INT64_C(784111800000000), APR_INT64_C(784111800000000)},
    {"Sun, 06 Nov 1994 08:49:61 GMT",
     APR_INT64_C(784111801000000), APR_INT64_C(784111801000000)},
    {"Sun, 06 Nov 1994 08:49:62 GMT",
     BAD, BAD},
    {"Sun, 06 Nov 1899 08:49:37 GMT",
     BAD, BAD},
    {"Sun, 06 Nov 1900 08:49:37 GMT",
     BAD, BAD},
    {"",
     BAD, BAD},
    {" ",
     BAD, BAD},
    {"Sun,",
     BAD, BAD},
    {"Sun, ",
     BAD, BAD},
    {"Sun, 06",
     BAD, BAD},
    {"Sun, 06 Nov",
     BAD, BAD},
    {"Sun, 06 Nov 1994",
     BAD, BAD},
    {"Sun, 06 Nov 1994 08:49",
     BAD, BAD},
    {"Sun, 06 Nov 1994 08:49:3",
     BAD, BAD},
    {"Sun, 06 Nox 1994 08:49:37 GMT",
     BAD, BAD},
    {"Sun, 06 nov 1994 08:49:37 GMT",
     BAD, BAD},
    {"Sun, 06 NOV 1994 08:49:37 GMT",
     BAD, BAD},
    {"Sun, 06 Nov 19a4 08:49:37 GMT",
     BAD, BAD},
    {"Sun, 06 Nov 1994 08-49-37 GMT",
     BAD, BAD},
    {"Sun,06 Nov 1994 08:49:37 GMT",
     BAD, BAD},
    {"Sun,\t06 Nov 1994 08:49:37 GMT",
     BAD, BAD},
    {"garbage",
     BAD, BAD},
    {"Sun, 06 Nov 1994 08:49:37 GMT\xff",
     APR_INT64_C(784111777000000), APR_INT64_C(784111777000000)},
    {"Sun, 6  Nov 1994 08:49:37 GMT",
     BAD, BAD},
    {"Sun, 006 Nov 1994 08:49:37 GMT",
     BAD, BAD},
    {"Sun Nov  6 08:49:37 94",
     BAD, BAD},
    {"Sun Nov  6 8:49:37 1994",
     BAD, BAD},
};

START_TEST(test_date_table)
{
    size_t i;

    for (i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        apr_time_t h = apr_date_parse_http(dates[i].date);
        apr_time_t r = apr_date_parse_rfc(dates[i].date);

        ck_assert_msg(h == dates[i].http,
                      "parse_http(\"%s\") = %" APR_TIME_T_FMT
                      ", expected %" APR_TIME_T_FMT, dates[i].date, h,
                      dates[i].http);
        ck_assert_msg(r == dates[i].rfc,
                      "parse_rfc(\"%s\") = %" APR_TIME_T_FMT
                      ", expected %" APR_TIME_T_FMT, dates[i].date, r,
                      dates[i].rfc);
    }
}
END_TEST

/* The three HTTP layouts of one moment agree with apr_time_exp_gmt. */
START_TEST(test_http_layouts_agree)
{
    static const char *const forms[] = {
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
    };
    apr_time_exp_t tm;
    apr_time_t t;
    size_t i;

    for (i = 0; i < 3; i++) {
        t = apr_date_parse_http(forms[i]);
        ck_assert_int_eq(apr_time_exp_gmt(&tm, t), APR_SUCCESS);
        ck_assert_int_eq(tm.tm_year, 94);
        ck_assert_int_eq(tm.tm_mon, 10);
        ck_assert_int_eq(tm.tm_mday, 6);
        ck_assert_int_eq(tm.tm_hour, 8);
        ck_assert_int_eq(tm.tm_min, 49);
        ck_assert_int_eq(tm.tm_sec, 37);
        ck_assert_int_eq(tm.tm_wday, 0);
        ck_assert_int_eq(apr_time_usec(t), 0);
    }
}
END_TEST

/* apr_rfc822_date's output parses back to the same second. */
START_TEST(test_rfc822_round_trip)
{
    static const apr_time_t moments[] = {
        APR_INT64_C(1), APR_INT64_C(784111777), APR_INT64_C(951782400),
        APR_INT64_C(2147483648), APR_INT64_C(4102444799),
    };
    char buf[APR_RFC822_DATE_LEN];
    size_t i;

    for (i = 0; i < sizeof moments / sizeof moments[0]; i++) {
        apr_time_t t = apr_time_from_sec(moments[i]);

        ck_assert_int_eq(apr_rfc822_date(buf, t), APR_SUCCESS);
        ck_assert_int_eq(apr_date_parse_http(buf), t);
        ck_assert_int_eq(apr_date_parse_rfc(buf), t);
    }
}
END_TEST

START_TEST(test_null)
{
    ck_assert_int_eq(apr_date_parse_http(NULL), APR_DATE_BAD);
    ck_assert_int_eq(apr_date_parse_rfc(NULL), APR_DATE_BAD);
}
END_TEST

/* Two-digit years: 70-99 are 19xx, 00-69 are 20xx. */
START_TEST(test_two_digit_years)
{
    apr_time_exp_t tm;

    apr_time_exp_gmt(&tm, apr_date_parse_http("Fri, 01-Jan-99 00:00:00 GMT"));
    ck_assert_int_eq(tm.tm_year + 1900, 1999);
    apr_time_exp_gmt(&tm, apr_date_parse_http("Sat, 01-Jan-00 00:00:00 GMT"));
    ck_assert_int_eq(tm.tm_year + 1900, 2000);
    apr_time_exp_gmt(&tm, apr_date_parse_rfc("Wed, 31 Dec 69 12:00:00 GMT"));
    ck_assert_int_eq(tm.tm_year + 1900, 2069);
    apr_time_exp_gmt(&tm, apr_date_parse_rfc("Thu, 01 Jan 70 12:00:00 GMT"));
    ck_assert_int_eq(tm.tm_year + 1900, 1970);
}
END_TEST

/* Zones: only apr_date_parse_rfc applies them, "+hhmm" east of GMT. */
START_TEST(test_zones)
{
    apr_time_t gmt = apr_date_parse_rfc("Sun, 06 Nov 1994 08:49:37 GMT");

    ck_assert_int_eq(apr_date_parse_rfc("Sun, 06 Nov 1994 09:49:37 +0100"),
                     gmt);
    ck_assert_int_eq(apr_date_parse_rfc("Sun, 06 Nov 1994 00:49:37 -0800"),
                     gmt);
    ck_assert_int_eq(apr_date_parse_rfc("Sun, 06 Nov 1994 14:19:37 +0530"),
                     gmt);
    ck_assert_int_eq(apr_date_parse_http("Sun, 06 Nov 1994 08:49:37 -0800"),
                     gmt);
    /* The layouts without seconds ignore the zone. */
    ck_assert_int_eq(apr_date_parse_rfc("Sun, 06 Nov 94 08:49 -0800"),
                     gmt - apr_time_from_sec(37));
}
END_TEST

typedef struct {
    const char *data, *mask;
    int match;
} mask_case;

START_TEST(test_checkmask)
{
    static const mask_case cases[] = {
        {"", "", 1},
        {"a", "", 0},
        {"", "a", 0},
        {"abc", "abc", 1},
        {"abc", "abd", 0},
        {"abc", "ab", 0},
        {"ab", "abc", 0},
        {"A", "@", 1},
        {"a", "@", 0},
        {"1", "@", 0},
        {"a", "$", 1},
        {"A", "$", 0},
        {"7", "#", 1},
        {"x", "#", 0},
        {"f", "&", 1},
        {"F", "&", 1},
        {"9", "&", 1},
        {"g", "&", 0},
        {" ", "~", 1},
        {"5", "~", 1},
        {"x", "~", 0},
        {"", "~", 0},
        {"", "*", 1},
        {"anything at all", "*", 1},
        {"ab", "ab*", 1},
        {"a", "ab*", 0},
        {"Nov 06", "@$$ ##", 1},
        {"Nov  6", "@$$ ~#", 1},
        {"Nov 6", "@$$ ~#", 0},
        {"nov 06", "@$$ ##", 0},
        {"12:34:56 GMT", "##:##:## *", 1},
        {"12:34:56", "##:##:## *", 0},
        {"@$#", "@$#", 0},      /* mask characters are never literals */
        {"\xc4", "@", 0},       /* ASCII letters only */
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_msg(apr_date_checkmask(cases[i].data, cases[i].mask) ==
                      cases[i].match, "checkmask(\"%s\", \"%s\") != %d",
                      cases[i].data, cases[i].mask, cases[i].match);
}
END_TEST

/* A mask is looked at for 256 characters at most: past that, no match. */
START_TEST(test_checkmask_limit)
{
    char data[300], mask[300];

    memset(data, 'x', sizeof data);
    memcpy(mask, data, sizeof mask);
    data[255] = mask[255] = '\0';
    ck_assert_int_eq(apr_date_checkmask(data, mask), 1);
    data[255] = mask[255] = 'x';
    data[256] = mask[256] = '\0';
    ck_assert_int_eq(apr_date_checkmask(data, mask), 0);
    mask[255] = '*';
    ck_assert_int_eq(apr_date_checkmask(data, mask), 1);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("date");
    TCase *tc = apr_test_tcase("date");

    tcase_add_test(tc, test_date_table);
    tcase_add_test(tc, test_http_layouts_agree);
    tcase_add_test(tc, test_rfc822_round_trip);
    tcase_add_test(tc, test_null);
    tcase_add_test(tc, test_two_digit_years);
    tcase_add_test(tc, test_zones);
    tcase_add_test(tc, test_checkmask);
    tcase_add_test(tc, test_checkmask_limit);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
