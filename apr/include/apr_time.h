/*
 * apr_time.h: instants, intervals and calendar ("exploded") time.
 *
 * An apr_time_t counts microseconds since 1970-01-01T00:00:00 UTC. The
 * conversions between instants and calendar fields are pure arithmetic
 * (apr_time_exp_gmt, apr_time_exp_tz, apr_time_exp_get) except the one to
 * local time, which asks the C library about the current time zone (TZ).
 */
#ifndef APR_TIME_H
#define APR_TIME_H

/**
 * @file apr_time.h
 * @brief APR time: the clock, calendar conversion and date formatting.
 * @defgroup apr_time Time Routines
 * @ingroup APR
 * @{
 */

#include "apr.h"
#include "apr_errno.h"

#ifdef __cplusplus
extern "C" {
#endif

/** English month abbreviations, "Jan" to "Dec", indexed by tm_mon. */
APR_DECLARE_DATA extern const char apr_month_snames[12][4];
/** English weekday abbreviations, "Sun" to "Sat", indexed by tm_wday. */
APR_DECLARE_DATA extern const char apr_day_snames[7][4];

/** An instant: microseconds since the Unix epoch (negative before it). */
typedef apr_int64_t apr_time_t;

/** An apr_time_t constant of the right width. */
#define APR_TIME_C(val) APR_INT64_C(val)

/** printf format of an apr_time_t: "%" APR_TIME_T_FMT. */
#define APR_TIME_T_FMT APR_INT64_T_FMT

/** A duration in microseconds. */
typedef apr_int64_t apr_interval_time_t;
/** A short duration in microseconds (about 35 minutes at most). */
typedef apr_int32_t apr_short_interval_time_t;

/** Microseconds in one second. */
#define APR_USEC_PER_SEC APR_TIME_C(1000000)

/** Whole seconds in @a time (truncated toward zero). */
#define apr_time_sec(time) ((time) / APR_USEC_PER_SEC)
/** The microseconds part of @a time (same sign as @a time). */
#define apr_time_usec(time) ((time) % APR_USEC_PER_SEC)
/** The milliseconds part of @a time, 0 to 999 for non-negative times. */
#define apr_time_msec(time) (((time) / 1000) % 1000)
/** @a time expressed in whole milliseconds. */
#define apr_time_as_msec(time) ((time) / 1000)
/** An apr_time_t from a count of milliseconds. */
#define apr_time_from_msec(msec) ((apr_time_t)(msec) * 1000)
/** An apr_time_t from a count of seconds. */
#define apr_time_from_sec(sec) ((apr_time_t)(sec) * APR_USEC_PER_SEC)
/** An apr_time_t from seconds plus microseconds. */
#define apr_time_make(sec, usec)                                              \
    ((apr_time_t)(sec) * APR_USEC_PER_SEC + (apr_time_t)(usec))

/** The current wall-clock time. */
APR_DECLARE(apr_time_t) apr_time_now(void);

/** @see apr_time_exp_t */
typedef struct apr_time_exp_t apr_time_exp_t;

/**
 * A calendar time, like ANSI struct tm plus microseconds and the offset
 * from UTC. Field ranges are those of struct tm.
 */
struct apr_time_exp_t {
    /** Microseconds past tm_sec. */
    apr_int32_t tm_usec;
    /** Seconds past the minute, 0-61. */
    apr_int32_t tm_sec;
    /** Minutes past the hour, 0-59. */
    apr_int32_t tm_min;
    /** Hours past midnight, 0-23. */
    apr_int32_t tm_hour;
    /** Day of the month, 1-31. */
    apr_int32_t tm_mday;
    /** Month, 0-11. */
    apr_int32_t tm_mon;
    /** Years since 1900. */
    apr_int32_t tm_year;
    /** Days since Sunday, 0-6. */
    apr_int32_t tm_wday;
    /** Days since January 1, 0-365. */
    apr_int32_t tm_yday;
    /** Non-zero while daylight saving time is in effect. */
    apr_int32_t tm_isdst;
    /** Offset of this calendar time east of UTC, in seconds. */
    apr_int32_t tm_gmtoff;
};

#ifdef __cplusplus
}
#endif

/* Included only here: apr_pools.h may itself need the types above. */
#include "apr_pools.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Sets @a *result to the ANSI time_t @a input (seconds) as an apr_time_t. */
APR_DECLARE(apr_status_t) apr_time_ansi_put(apr_time_t *result,
                                            time_t input);

/**
 * Explodes @a input as seen @a offs seconds east of UTC; tm_gmtoff is set to
 * @a offs and tm_isdst to 0. Like APR, the seconds are truncated toward
 * zero, so an instant before the epoch that is not a whole second gets a
 * negative tm_usec.
 */
APR_DECLARE(apr_status_t) apr_time_exp_tz(apr_time_exp_t *result,
                                          apr_time_t input,
                                          apr_int32_t offs);

/** Explodes @a input in UTC (as apr_time_exp_tz with offset 0). */
APR_DECLARE(apr_status_t) apr_time_exp_gmt(apr_time_exp_t *result,
                                           apr_time_t input);

/**
 * Explodes @a input in the local time zone (the TZ the C library has
 * loaded), setting tm_isdst and tm_gmtoff accordingly.
 */
APR_DECLARE(apr_status_t) apr_time_exp_lt(apr_time_exp_t *result,
                                          apr_time_t input);

/**
 * Implodes the calendar fields of @a input, read as UTC (tm_gmtoff,
 * tm_wday, tm_yday and tm_isdst are ignored; out-of-range days, hours,
 * minutes and seconds carry over). Returns APR_EBADDATE, leaving @a *result
 * untouched, if tm_mon is not 0-11 or the instant is before the epoch (or
 * too far past year 9999 to count in microseconds).
 */
APR_DECLARE(apr_status_t) apr_time_exp_get(apr_time_t *result,
                                           apr_time_exp_t *input);

/**
 * Like apr_time_exp_get(), then subtracts tm_gmtoff: the fields are local
 * to the offset they carry and the result is the true UTC instant.
 */
APR_DECLARE(apr_status_t) apr_time_exp_gmt_get(apr_time_t *result,
                                               apr_time_exp_t *input);

/** Sleeps about @a t microseconds (longer, or shorter if a signal comes). */
APR_DECLARE(void) apr_sleep(apr_interval_time_t t);

/** Bytes apr_rfc822_date() writes, the terminating NUL included. */
#define APR_RFC822_DATE_LEN (30)

/**
 * Writes @a t in UTC as an RFC 822 / HTTP date, "Sat, 08 Jan 2000 18:07:13
 * GMT", into @a date_str (APR_RFC822_DATE_LEN bytes). No locale is used.
 */
APR_DECLARE(apr_status_t) apr_rfc822_date(char *date_str, apr_time_t t);

/** Bytes apr_ctime() writes, the terminating NUL included. */
#define APR_CTIME_LEN (25)

/**
 * Writes @a t in local time as "Sat Jan 08 18:07:13 2000" into @a date_str
 * (APR_CTIME_LEN bytes): like ctime() but with a two-digit day and no
 * newline. No locale is used.
 */
APR_DECLARE(apr_status_t) apr_ctime(char *date_str, apr_time_t t);

/**
 * Formats @a tm with the C library's strftime() and @a format into @a s of
 * @a max bytes; @a *retsize receives the length written, or 0 if it did
 * not fit (the status is APR_SUCCESS either way).
 */
APR_DECLARE(apr_status_t) apr_strftime(char *s, apr_size_t *retsize,
                                       apr_size_t max, const char *format,
                                       apr_time_exp_t *tm);

/**
 * Asks for a finer system clock for the lifetime of pool @a p, where the
 * platform needs asking (it does nothing on Unix).
 */
APR_DECLARE(void) apr_time_clock_hires(apr_pool_t *p);

#ifdef __cplusplus
}
#endif

/** @} */

#endif /* APR_TIME_H */
