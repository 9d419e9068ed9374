/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * Time formatting for logs and headers. Exploding a time (time zone
 * rules, calendar) costs far more than formatting it, and a busy server
 * formats the same second over and over: each thread keeps the last
 * AP_TIME_RECENT_THRESHOLD + 1 seconds it exploded, so there is no lock
 * and no shared cache line to fight over.
 */
#include "util_private.h"
#include "util_time.h"
#include "apr_strings.h"

#define CACHE_SIZE 16 /* power of two above AP_TIME_RECENT_THRESHOLD */
#define CACHE_MASK (CACHE_SIZE - 1)

/* Extra bytes of the ap_recent_ctime_ex() options. */
#define CTIME_COMPACT_LEN 20 /* "1993-06-30 21:49:08" and NUL */
#define CTIME_USEC_LEN    7  /* ".uuuuuu" */
#define CTIME_MSEC_LEN    4  /* ".mmm" */
#define CTIME_GMTOFF_LEN  6  /* " +hhmm" */

typedef struct {
    apr_int64_t sec;   /* the second exploded, -1 if none */
    apr_time_exp_t xt;
} cache_entry;

typedef struct {
    int ready;
    cache_entry e[CACHE_SIZE];
} explode_cache;

#if AP_HAS_THREAD_LOCAL
static AP_THREAD_LOCAL explode_cache cache_lt, cache_gmt;
#define CACHE(gmt) ((gmt) ? &cache_gmt : &cache_lt)
#else
#define CACHE(gmt) ((explode_cache *)NULL) /* no cache without TLS */
#endif

static apr_status_t explode(apr_time_exp_t *xt, apr_time_t t, int gmt)
{
    return gmt ? apr_time_exp_gmt(xt, t) : apr_time_exp_lt(xt, t);
}

static apr_status_t cached_explode(apr_time_exp_t *xt, apr_time_t t, int gmt)
{
    explode_cache *c = CACHE(gmt);
    apr_int64_t sec = apr_time_sec(t);
    cache_entry *e;
    apr_status_t rv;
    int i;

    if (c == NULL)
        return explode(xt, t, gmt);
    if (!c->ready) {
        for (i = 0; i < CACHE_SIZE; i++)
            c->e[i].sec = -1;
        c->ready = 1;
    }
    e = &c->e[sec & CACHE_MASK];
    if (e->sec == sec && sec >= 0) {
        *xt = e->xt;
        xt->tm_usec = (apr_int32_t)apr_time_usec(t);
        return APR_SUCCESS;
    }
    /* explode the whole second so the entry is valid for any usec */
    rv = explode(xt, apr_time_from_sec(sec), gmt);
    if (rv != APR_SUCCESS)
        return rv;
    e->xt = *xt;
    e->sec = sec;
    xt->tm_usec = (apr_int32_t)apr_time_usec(t);
    return APR_SUCCESS;
}

AP_DECLARE(apr_status_t) ap_explode_recent_localtime(apr_time_exp_t *tm,
                                                     apr_time_t t)
{
    return cached_explode(tm, t, 0);
}

AP_DECLARE(apr_status_t) ap_explode_recent_gmt(apr_time_exp_t *tm,
                                               apr_time_t t)
{
    return cached_explode(tm, t, 1);
}

/* Write value as exactly n decimal digits. */
static char *digits(char *d, long value, int n)
{
    int i;

    for (i = n - 1; i >= 0; i--) {
        d[i] = (char)('0' + value % 10);
        value /= 10;
    }
    return d + n;
}

static char *copy3(char *d, const char *s)
{
    d[0] = s[0];
    d[1] = s[1];
    d[2] = s[2];
    return d + 3;
}

static int ctime_needed(int option)
{
    int needed = (option & AP_CTIME_OPTION_COMPACT) ? CTIME_COMPACT_LEN
                                                   : APR_CTIME_LEN;

    if (option & AP_CTIME_OPTION_USEC)
        needed += CTIME_USEC_LEN;
    else if (option & AP_CTIME_OPTION_MSEC)
        needed += CTIME_MSEC_LEN;
    if (option & AP_CTIME_OPTION_GMTOFF)
        needed += CTIME_GMTOFF_LEN;
    return needed;
}

AP_DECLARE(apr_status_t) ap_recent_ctime_ex(char *date_str, apr_time_t t,
                                            int option, int *len)
{
    int needed = ctime_needed(option);
    apr_time_exp_t xt;
    char *d = date_str;

    if (len == NULL || *len < needed) {
        if (len)
            *len = 0;
        return APR_ENOMEM;
    }
    *len = needed;
    ap_explode_recent_localtime(&xt, t);
    if (option & AP_CTIME_OPTION_COMPACT) { /* "1993-06-30 21:49:08" */
        d = digits(d, (xt.tm_year + 1900) % 10000, 4);
        *d++ = '-';
        d = digits(d, xt.tm_mon + 1, 2);
        *d++ = '-';
        d = digits(d, xt.tm_mday, 2);
    }
    else { /* "Wed Jun 30 21:49:08 1993" */
        d = copy3(d, apr_day_snames[xt.tm_wday]);
        *d++ = ' ';
        d = copy3(d, apr_month_snames[xt.tm_mon]);
        *d++ = ' ';
        d = digits(d, xt.tm_mday, 2);
    }
    *d++ = ' ';
    d = digits(d, xt.tm_hour, 2);
    *d++ = ':';
    d = digits(d, xt.tm_min, 2);
    *d++ = ':';
    d = digits(d, xt.tm_sec, 2);
    if (option & AP_CTIME_OPTION_USEC) {
        *d++ = '.';
        d = digits(d, xt.tm_usec, 6);
    }
    else if (option & AP_CTIME_OPTION_MSEC) {
        *d++ = '.';
        d = digits(d, xt.tm_usec / 1000, 3);
    }
    if (!(option & AP_CTIME_OPTION_COMPACT)) {
        *d++ = ' ';
        d = digits(d, (xt.tm_year + 1900) % 10000, 4);
    }
    if (option & AP_CTIME_OPTION_GMTOFF) {
        long off = xt.tm_gmtoff < 0 ? -(long)xt.tm_gmtoff : xt.tm_gmtoff;

        *d++ = ' ';
        *d++ = xt.tm_gmtoff < 0 ? '-' : '+';
        d = digits(d, off / 3600, 2);
        d = digits(d, off % 3600 / 60, 2);
    }
    *d = '\0';
    return APR_SUCCESS;
}

AP_DECLARE(apr_status_t) ap_recent_ctime(char *date_str, apr_time_t t)
{
    int len = APR_CTIME_LEN;

    return ap_recent_ctime_ex(date_str, t, AP_CTIME_OPTION_NONE, &len);
}

AP_DECLARE(apr_status_t) ap_recent_rfc822_date(char *date_str, apr_time_t t)
{
    apr_time_exp_t xt;
    char *d = date_str;

    ap_explode_recent_gmt(&xt, t);
    /* "Sun, 06 Nov 1994 08:49:37 GMT" */
    d = copy3(d, apr_day_snames[xt.tm_wday]);
    *d++ = ',';
    *d++ = ' ';
    d = digits(d, xt.tm_mday, 2);
    *d++ = ' ';
    d = copy3(d, apr_month_snames[xt.tm_mon]);
    *d++ = ' ';
    d = digits(d, (xt.tm_year + 1900) % 10000, 4);
    *d++ = ' ';
    d = digits(d, xt.tm_hour, 2);
    *d++ = ':';
    d = digits(d, xt.tm_min, 2);
    *d++ = ':';
    d = digits(d, xt.tm_sec, 2);
    memcpy(d, " GMT", 5);
    return APR_SUCCESS;
}

/* Copy fmt to out (size n) with %Z replaced by "GMT" and %z by "+0000":
 * strftime would otherwise print the local zone for a GMT time. */
static void gmt_format(char *out, apr_size_t n, const char *fmt)
{
    char *o = out, *end = out + n - 6; /* room for the longest expansion */

    for (; *fmt && o < end; fmt++) {
        if (fmt[0] == '%' && fmt[1] == 'Z') {
            memcpy(o, "GMT", 3);
            o += 3;
            fmt++;
        }
        else if (fmt[0] == '%' && fmt[1] == 'z') {
            memcpy(o, "+0000", 5);
            o += 5;
            fmt++;
        }
        else if (fmt[0] == '%' && fmt[1] != '\0') {
            *o++ = *fmt++; /* keep "%%" and other directives whole */
            *o++ = *fmt;
        }
        else {
            *o++ = *fmt;
        }
    }
    *o = '\0';
}

AP_DECLARE(char *) ap_ht_time(apr_pool_t *p, apr_time_t t, const char *fmt,
                              int gmt)
{
    char ts[MAX_STRING_LEN];
    char tf[MAX_STRING_LEN];
    apr_size_t retcode = 0;
    apr_time_exp_t xt;

    if (gmt) {
        ap_explode_recent_gmt(&xt, t);
        gmt_format(tf, sizeof(tf), fmt);
        fmt = tf;
    }
    else {
        ap_explode_recent_localtime(&xt, t);
    }
    if (apr_strftime(ts, &retcode, sizeof(ts), fmt, &xt) != APR_SUCCESS)
        retcode = 0;
    ts[retcode < sizeof(ts) ? retcode : sizeof(ts) - 1] = '\0';
    return apr_pstrdup(p, ts);
}
