/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* mod_log_config_time.c: %t and %{format}t.
 *
 * The Common Log Format stamp "[22/Nov/2026:00:37:07 +0000]" changes once
 * a second but is needed for every request, so each thread keeps the
 * last one it formatted: no lock, no shared cache line, one format per
 * thread and second. */

#include <string.h>

#include "apr_strings.h"
#include "apr_time.h"

#include "httpd.h"
#include "util_time.h"

#include "mod_log_config_private.h"

#define CLF_LEN 32

typedef struct {
    apr_int64_t sec;
    apr_size_t len;
    char str[CLF_LEN];
} clf_entry;

static _Thread_local clf_entry clf_cache = { -1, 0, "" };

enum {
    FMT_CLF, FMT_CUSTOM, FMT_SEC, FMT_MSEC, FMT_USEC, FMT_MSEC_FRAC,
    FMT_USEC_FRAC
};

static apr_size_t format_clf(char *out, apr_time_t t)
{
    apr_time_exp_t xt;
    int off;
    char sign = '+';

    ap_explode_recent_localtime(&xt, t);
    off = xt.tm_gmtoff;
    if (off < 0) {
        off = -off;
        sign = '-';
    }
    return apr_snprintf(out, CLF_LEN,
                 "[%02d/%s/%d:%02d:%02d:%02d %c%.2d%.2d]",
                 xt.tm_mday, apr_month_snames[xt.tm_mon],
                 xt.tm_year + 1900, xt.tm_hour, xt.tm_min, xt.tm_sec,
                 sign, off / 3600, (off % 3600) / 60);
}

static const char *clf_time(request_rec *r, apr_time_t t)
{
    apr_int64_t sec = apr_time_sec(t);

    if (clf_cache.sec != sec) {
        clf_cache.len = format_clf(clf_cache.str, t);
        clf_cache.sec = sec;
    }
    /* the request pool outlives this thread's next request */
    return apr_pstrmemdup(r->pool, clf_cache.str, clf_cache.len);
}

static const char *custom_time(request_rec *r, const char *fmt,
                               apr_time_t t)
{
    char buf[MAX_STRING_LEN];
    apr_time_exp_t xt;
    apr_size_t len = 0;

    ap_explode_recent_localtime(&xt, t);
    if (apr_strftime(buf, &len, sizeof(buf), fmt, &xt) != APR_SUCCESS) {
        return NULL;
    }
    return apr_pstrmemdup(r->pool, buf, len);
}

/* "sec", "msec", "usec", "msec_frac", "usec_frac", "" or a strftime
 * format. */
static int kind_of(const char *f)
{
    if (!*f) {
        return FMT_CLF;
    }
    if (!strcmp(f, "sec")) {
        return FMT_SEC;
    }
    if (!strcmp(f, "msec")) {
        return FMT_MSEC;
    }
    if (!strcmp(f, "usec")) {
        return FMT_USEC;
    }
    if (!strcmp(f, "msec_frac")) {
        return FMT_MSEC_FRAC;
    }
    if (!strcmp(f, "usec_frac")) {
        return FMT_USEC_FRAC;
    }
    return FMT_CUSTOM;
}

const char *ap__lc_request_time(request_rec *r, char *a)
{
    apr_time_t t = r->request_time;
    const char *f = a ? a : "";

    if (!strncmp(f, "begin", 5) && (f[5] == ':' || !f[5])) {
        f += f[5] ? 6 : 5;
    }
    else if (!strncmp(f, "end", 3) && (f[3] == ':' || !f[3])) {
        f += f[3] ? 4 : 3;
        t = ap__lc_request_end_time(r);
    }
    switch (kind_of(f)) {
    case FMT_CLF:
        return clf_time(r, t);
    case FMT_SEC:
        return apr_psprintf(r->pool, "%" APR_TIME_T_FMT, apr_time_sec(t));
    case FMT_MSEC:
        return apr_psprintf(r->pool, "%" APR_TIME_T_FMT,
                            apr_time_as_msec(t));
    case FMT_USEC:
        return apr_psprintf(r->pool, "%" APR_TIME_T_FMT, t);
    case FMT_MSEC_FRAC:
        return apr_psprintf(r->pool, "%03" APR_TIME_T_FMT, apr_time_msec(t));
    case FMT_USEC_FRAC:
        return apr_psprintf(r->pool, "%06" APR_TIME_T_FMT, apr_time_usec(t));
    default:
        return custom_time(r, f, t);
    }
}
