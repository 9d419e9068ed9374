/*
 * Calendar arithmetic: instants to calendar fields and back, in UTC or at a
 * fixed offset. The same on every platform, and no C library calls: this is
 * on the server's per-request path (the Date header).
 *
 * Days are converted with the proleptic Gregorian "civil from days"
 * algorithm: shifting the year to start on March 1 puts the leap day last,
 * so a 400-year era has a fixed layout.
 */
#include "apr_time.h"

#define SECS_PER_DAY 86400

/* apr_time_exp_get() limit: 2^63 us is about 9.22e12 s. */
#define MAX_SECS APR_INT64_C(9000000000000)

/* Floor division and modulo for a positive divisor. */
static apr_int64_t floor_div(apr_int64_t a, apr_int64_t b)
{
    return (a >= 0 ? a : a - (b - 1)) / b;
}

static int is_leap(apr_int64_t year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Fills the date fields of *xt from a count of days since 1970-01-01. */
static void civil_from_days(apr_time_exp_t *xt, apr_int64_t days)
{
    apr_int64_t z = days + 719468; /* days since 0000-03-01 */
    apr_int64_t era = floor_div(z, 146097);
    apr_int64_t doe = z - era * 146097; /* 0..146096 */
    apr_int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    apr_int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100); /* 0..365 */
    apr_int64_t mp = (5 * doy + 2) / 153; /* 0..11, from March */
    apr_int64_t year = yoe + era * 400 + (mp >= 10);

    xt->tm_mday = (apr_int32_t)(doy - (153 * mp + 2) / 5 + 1);
    xt->tm_mon = (apr_int32_t)(mp < 10 ? mp + 2 : mp - 10);
    xt->tm_year = (apr_int32_t)(year - 1900);
    xt->tm_yday =
        (apr_int32_t)(mp >= 10 ? doy - 306 : doy + 59 + is_leap(year));
    xt->tm_wday = (apr_int32_t)(days - floor_div(days + 4, 7) * 7 + 4);
}

APR_DECLARE(apr_status_t) apr_time_ansi_put(apr_time_t *result, time_t input)
{
    *result = (apr_time_t)input * APR_USEC_PER_SEC;
    return APR_SUCCESS;
}

/* As APR always did, whole seconds are truncated toward zero and the
 * microseconds keep the sign of the instant: -1 explodes to 1970-01-01
 * 00:00:00 with tm_usec -1. Programs and tests rely on that. */
APR_DECLARE(apr_status_t) apr_time_exp_tz(apr_time_exp_t *result,
                                          apr_time_t input, apr_int32_t offs)
{
    apr_int64_t secs = input / APR_USEC_PER_SEC + offs;
    apr_int64_t days = floor_div(secs, SECS_PER_DAY);
    apr_int64_t sod = secs - days * SECS_PER_DAY;

    result->tm_usec = (apr_int32_t)(input % APR_USEC_PER_SEC);
    result->tm_hour = (apr_int32_t)(sod / 3600);
    result->tm_min = (apr_int32_t)(sod / 60 % 60);
    result->tm_sec = (apr_int32_t)(sod % 60);
    civil_from_days(result, days);
    result->tm_isdst = 0;
    result->tm_gmtoff = offs;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_time_exp_gmt(apr_time_exp_t *result,
                                           apr_time_t input)
{
    return apr_time_exp_tz(result, input, 0);
}

/* Days from 1970-01-01 to the first of month `mon` (0-11, already in range)
 * of year 1900 + `year`. */
static apr_int64_t days_from_civil(apr_int64_t year, int mon)
{
    /* Days from March 1 to the first of each month, March-based. */
    static const int month_start[12] = {306, 337, 0,   31,  61,  92,
                                        122, 153, 184, 214, 245, 275};
    apr_int64_t y = year + 1900 - (mon < 2);
    apr_int64_t era = floor_div(y, 400);
    apr_int64_t yoe = y - era * 400;
    apr_int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + month_start[mon];

    return era * 146097 + doe - 719468;
}

/* Reads the fields as UTC, ignoring tm_gmtoff: APR's behaviour, which
 * apr_time_exp_gmt_get() builds on. */
APR_DECLARE(apr_status_t) apr_time_exp_get(apr_time_t *result,
                                           apr_time_exp_t *input)
{
    apr_int64_t secs;

    if (input->tm_mon < 0 || input->tm_mon > 11)
        return APR_EBADDATE;
    secs = days_from_civil(input->tm_year, input->tm_mon) + input->tm_mday - 1;
    secs = ((secs * 24 + input->tm_hour) * 60 + input->tm_min) * 60 +
           input->tm_sec;
    /* Before the epoch is refused (as APR does); so is past year ~287000,
     * where the microsecond count, with usec and an offset, could
     * overflow. */
    if (secs < 0 || secs > MAX_SECS)
        return APR_EBADDATE;
    *result = secs * APR_USEC_PER_SEC + input->tm_usec;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_time_exp_gmt_get(apr_time_t *result,
                                               apr_time_exp_t *input)
{
    apr_status_t rv = apr_time_exp_get(result, input);

    if (rv == APR_SUCCESS)
        *result -= (apr_time_t)input->tm_gmtoff * APR_USEC_PER_SEC;
    return rv;
}
