/*
 * Time in the platform's own formats: struct timeval for a point in time,
 * struct tm for a broken-down one (apr_portable.h).
 *
 * The caller owns the native structure: *ostime must point to one. Fields
 * one side has and the other lacks are left alone (tm_zone of a struct
 * tm) or zeroed (tm_usec of an apr_time_exp_t).
 */
#include <sys/time.h>
#include <time.h>

#include "apr_private_config.h"
#include "apr_portable.h"

APR_DECLARE(apr_status_t) apr_os_imp_time_get(apr_os_imp_time_t **ostime,
                                              apr_time_t *aprtime)
{
    (*ostime)->tv_sec = (time_t)apr_time_sec(*aprtime);
    (*ostime)->tv_usec = (suseconds_t)apr_time_usec(*aprtime);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_os_imp_time_put(apr_time_t *aprtime,
                                              apr_os_imp_time_t **ostime,
                                              apr_pool_t *cont)
{
    (void)cont;
    *aprtime = apr_time_from_sec((*ostime)->tv_sec) + (*ostime)->tv_usec;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_os_exp_time_get(apr_os_exp_time_t **ostime,
                                              apr_time_exp_t *aprtime)
{
    struct tm *tm = *ostime;

    tm->tm_sec = aprtime->tm_sec;
    tm->tm_min = aprtime->tm_min;
    tm->tm_hour = aprtime->tm_hour;
    tm->tm_mday = aprtime->tm_mday;
    tm->tm_mon = aprtime->tm_mon;
    tm->tm_year = aprtime->tm_year;
    tm->tm_wday = aprtime->tm_wday;
    tm->tm_yday = aprtime->tm_yday;
    tm->tm_isdst = aprtime->tm_isdst;
#if HAVE_TM_GMTOFF
    tm->tm_gmtoff = aprtime->tm_gmtoff;
#endif
    return APR_SUCCESS;
}

/* struct tm has no microseconds: tm_usec is set to 0 (APR 1.7 leaves
 * whatever the caller's structure held). */
APR_DECLARE(apr_status_t) apr_os_exp_time_put(apr_time_exp_t *aprtime,
                                              apr_os_exp_time_t **ostime,
                                              apr_pool_t *cont)
{
    const struct tm *tm = *ostime;

    (void)cont;
    aprtime->tm_usec = 0;
    aprtime->tm_sec = tm->tm_sec;
    aprtime->tm_min = tm->tm_min;
    aprtime->tm_hour = tm->tm_hour;
    aprtime->tm_mday = tm->tm_mday;
    aprtime->tm_mon = tm->tm_mon;
    aprtime->tm_year = tm->tm_year;
    aprtime->tm_wday = tm->tm_wday;
    aprtime->tm_yday = tm->tm_yday;
    aprtime->tm_isdst = tm->tm_isdst;
#if HAVE_TM_GMTOFF
    aprtime->tm_gmtoff = (apr_int32_t)tm->tm_gmtoff;
#endif
    return APR_SUCCESS;
}
