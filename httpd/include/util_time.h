/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file util_time.h
 * @brief Fast time formatting for logs and headers: explosions of recent
 * times are cached per second.
 */
#ifndef APACHE_UTIL_TIME_H
#define APACHE_UTIL_TIME_H

#include "apr.h"
#include "apr_time.h"
#include "httpd.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How many recent seconds the explosion cache holds. */
#define AP_TIME_RECENT_THRESHOLD 15

/* ap_recent_ctime_ex() options. */
#define AP_CTIME_OPTION_NONE    0x0 /**< "Mon Jan 02 15:04:05 2006" */
#define AP_CTIME_OPTION_USEC    0x1 /**< add ".uuuuuu" to the seconds */
#define AP_CTIME_OPTION_COMPACT 0x2 /**< "2006-01-02 15:04:05" */
#define AP_CTIME_OPTION_GMTOFF  0x4 /**< add " +hhmm" */
#define AP_CTIME_OPTION_MSEC    0x8 /**< add ".mmm" to the seconds */

/** apr_time_exp_lt(), cached for recent times. */
AP_DECLARE(apr_status_t) ap_explode_recent_localtime(apr_time_exp_t *tm,
                                                     apr_time_t t);

/** apr_time_exp_gmt(), cached for recent times. */
AP_DECLARE(apr_status_t) ap_explode_recent_gmt(apr_time_exp_t *tm,
                                               apr_time_t t);

/** Local time as "Sun Sep 16 01:03:52 1973" into @a date_str
 * (APR_CTIME_LEN bytes). */
AP_DECLARE(apr_status_t) ap_recent_ctime(char *date_str, apr_time_t t);

/**
 * ap_recent_ctime() with AP_CTIME_OPTION_* @a option. On entry *@a len is
 * the size of @a date_str, on return the length written with its NUL.
 */
AP_DECLARE(apr_status_t) ap_recent_ctime_ex(char *date_str, apr_time_t t,
                                            int option, int *len);

/** "Sun, 16 Sep 1973 01:03:52 GMT" into @a date_str (APR_RFC822_DATE_LEN bytes). */
AP_DECLARE(apr_status_t) ap_recent_rfc822_date(char *date_str, apr_time_t t);

#ifdef __cplusplus
}
#endif

#endif /* APACHE_UTIL_TIME_H */
