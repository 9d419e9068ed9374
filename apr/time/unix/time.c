/*
 * The Unix clock and the C library's view of local time.
 *
 * Local time needs the time-zone rules, so it goes through localtime_r();
 * everything in UTC or at a fixed offset is arithmetic (../exptime.c).
 */
#include <string.h>
#include <time.h>

#include "apr_private_config.h"
#include "apr_time.h"

APR_DECLARE(apr_time_t) apr_time_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (apr_time_t)ts.tv_sec * APR_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* The offset east of UTC that localtime_r() applied to `secs`. Without a
 * tm_gmtoff member it is recomputed from the fields: imploded as if UTC,
 * minus the instant (both moved 4000 years, a whole number of Gregorian
 * eras, on so that apr_time_exp_get() accepts dates before 1970). */
static apr_int32_t local_offset(const struct tm *tm, time_t secs)
{
#if HAVE_TM_GMTOFF
    (void)secs;
    return (apr_int32_t)tm->tm_gmtoff;
#else
    const apr_int64_t shift = APR_INT64_C(146097) * 10 * 86400;
    apr_time_exp_t xt;
    apr_time_t as_utc;

    memset(&xt, 0, sizeof xt);
    xt.tm_year = tm->tm_year + 4000;
    xt.tm_mon = tm->tm_mon;
    xt.tm_mday = tm->tm_mday;
    xt.tm_hour = tm->tm_hour;
    xt.tm_min = tm->tm_min;
    xt.tm_sec = tm->tm_sec;
    if (apr_time_exp_get(&as_utc, &xt) != APR_SUCCESS)
        return 0;
    return (apr_int32_t)(as_utc / APR_USEC_PER_SEC -
                         ((apr_int64_t)secs + shift));
#endif
}

/* Like the gmt and tz variants, seconds truncate toward zero and tm_usec
 * keeps the sign of the instant. */
APR_DECLARE(apr_status_t) apr_time_exp_lt(apr_time_exp_t *result,
                                          apr_time_t input)
{
    time_t secs = (time_t)(input / APR_USEC_PER_SEC);
    struct tm tm;

    if (localtime_r(&secs, &tm) == NULL) {
        /* Out of the C library's range: UTC is the best we can say. */
        return apr_time_exp_gmt(result, input);
    }
    result->tm_usec = (apr_int32_t)(input % APR_USEC_PER_SEC);
    result->tm_sec = tm.tm_sec;
    result->tm_min = tm.tm_min;
    result->tm_hour = tm.tm_hour;
    result->tm_mday = tm.tm_mday;
    result->tm_mon = tm.tm_mon;
    result->tm_year = tm.tm_year;
    result->tm_wday = tm.tm_wday;
    result->tm_yday = tm.tm_yday;
    result->tm_isdst = tm.tm_isdst;
    result->tm_gmtoff = local_offset(&tm, secs);
    return APR_SUCCESS;
}

/* One nanosleep(): a signal ends the sleep early, as APR's select()-based
 * sleep always allowed (servers count on it to notice signals). */
APR_DECLARE(void) apr_sleep(apr_interval_time_t t)
{
    struct timespec ts;

    if (t <= 0)
        return;
    ts.tv_sec = (time_t)(t / APR_USEC_PER_SEC);
    ts.tv_nsec = (long)(t % APR_USEC_PER_SEC) * 1000;
    nanosleep(&ts, NULL);
}

APR_DECLARE(apr_status_t) apr_strftime(char *s, apr_size_t *retsize,
                                       apr_size_t max, const char *format,
                                       apr_time_exp_t *xt)
{
    struct tm tm;

    memset(&tm, 0, sizeof tm);
    tm.tm_sec = xt->tm_sec;
    tm.tm_min = xt->tm_min;
    tm.tm_hour = xt->tm_hour;
    tm.tm_mday = xt->tm_mday;
    tm.tm_mon = xt->tm_mon;
    tm.tm_year = xt->tm_year;
    tm.tm_wday = xt->tm_wday;
    tm.tm_yday = xt->tm_yday;
    tm.tm_isdst = xt->tm_isdst;
#if HAVE_TM_GMTOFF
    /* %z prints it. */
    tm.tm_gmtoff = xt->tm_gmtoff;
#endif
    *retsize = strftime(s, max, format, &tm);
    return APR_SUCCESS;
}

/* Unix clocks already have microsecond resolution. */
APR_DECLARE(void) apr_time_clock_hires(apr_pool_t *p)
{
    (void)p;
}
