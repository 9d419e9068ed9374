/*
 * Dates as text: the fixed RFC 822 and ctime layouts, written digit by
 * digit: no locale, no strftime (the Date header of every response goes
 * through apr_rfc822_date). apr_strftime is in the per-OS time.c.
 */
#include <string.h>

#include "apr_time.h"

APR_DECLARE_DATA const char apr_month_snames[12][4] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
APR_DECLARE_DATA const char apr_day_snames[7][4] = {
    "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

static char *put3(char *d, const char *s)
{
    d[0] = s[0];
    d[1] = s[1];
    d[2] = s[2];
    return d + 3;
}

static char *put2(char *d, int v)
{
    d[0] = (char)('0' + v / 10);
    d[1] = (char)('0' + v % 10);
    return d + 2;
}

/* Four year digits; like APR, a year past 9999 yields a non-digit first
 * character rather than a longer string, so the length stays fixed. */
static char *put_year(char *d, int year)
{
    d[0] = (char)('0' + year / 1000);
    d[1] = (char)('0' + year % 1000 / 100);
    d[2] = (char)('0' + year % 100 / 10);
    d[3] = (char)('0' + year % 10);
    return d + 4;
}

/* "HH:MM:SS" */
static char *put_hms(char *d, const apr_time_exp_t *xt)
{
    d = put2(d, xt->tm_hour);
    *d++ = ':';
    d = put2(d, xt->tm_min);
    *d++ = ':';
    return put2(d, xt->tm_sec);
}

/* "Sat, 08 Jan 2000 18:07:13 GMT" */
APR_DECLARE(apr_status_t) apr_rfc822_date(char *date_str, apr_time_t t)
{
    apr_time_exp_t xt;
    char *d = date_str;

    apr_time_exp_gmt(&xt, t);
    d = put3(d, apr_day_snames[xt.tm_wday]);
    *d++ = ',';
    *d++ = ' ';
    d = put2(d, xt.tm_mday);
    *d++ = ' ';
    d = put3(d, apr_month_snames[xt.tm_mon]);
    *d++ = ' ';
    d = put_year(d, xt.tm_year + 1900);
    *d++ = ' ';
    d = put_hms(d, &xt);
    memcpy(d, " GMT", 5);
    return APR_SUCCESS;
}

/* "Sat Jan 08 18:07:13 2000", in local time */
APR_DECLARE(apr_status_t) apr_ctime(char *date_str, apr_time_t t)
{
    apr_time_exp_t xt;
    char *d = date_str;

    apr_time_exp_lt(&xt, t);
    d = put3(d, apr_day_snames[xt.tm_wday]);
    *d++ = ' ';
    d = put3(d, apr_month_snames[xt.tm_mon]);
    *d++ = ' ';
    d = put2(d, xt.tm_mday);
    *d++ = ' ';
    d = put_hms(d, &xt);
    *d++ = ' ';
    d = put_year(d, xt.tm_year + 1900);
    *d = '\0';
    return APR_SUCCESS;
}
