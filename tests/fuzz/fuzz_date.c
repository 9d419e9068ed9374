/*
 * libFuzzer target for apr_date.h.
 *
 * The input, copied into a buffer of exactly its size plus the NUL, is
 * parsed by apr_date_parse_http() and apr_date_parse_rfc() (reading one
 * byte past the NUL is an ASan error). It is also split at its first
 * newline into a string and a mask for apr_date_checkmask().
 *
 * Checked on every input:
 *  - each result is APR_DATE_BAD or a time whose exploded form converts
 *    back to it (apr_time_exp_gmt, then apr_time_exp_gmt_get), in whole
 *    seconds, with every field in range;
 *  - a date apr_date_parse_http() accepts, printed again by
 *    apr_rfc822_date(), parses back to the same time with both parsers;
 *  - apr_date_checkmask() returns 0 or 1, and 1 for the string itself as
 *    its own mask when it has no mask character.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "apr_general.h"
#include "apr_time.h"
#include "apr_date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static void setup(void)
{
    static int done;

    if (!done) {
        CHECK(apr_initialize() == APR_SUCCESS);
        done = 1;
    }
}

/* A time a parser returned: its exploded form is sane and converts back.
 * Zone offsets (parse_rfc) may put it before the epoch; those are only
 * checked to be whole seconds. */
static void check_time(apr_time_t t)
{
    apr_time_exp_t tm;
    apr_time_t back;

    if (t == APR_DATE_BAD)
        return;
    CHECK(t % APR_USEC_PER_SEC == 0);
    if (t < 0)
        return;
    CHECK(apr_time_exp_gmt(&tm, t) == APR_SUCCESS);
    CHECK(tm.tm_sec >= 0 && tm.tm_sec <= 59);
    CHECK(tm.tm_min >= 0 && tm.tm_min <= 59);
    CHECK(tm.tm_hour >= 0 && tm.tm_hour <= 23);
    CHECK(tm.tm_mday >= 1 && tm.tm_mday <= 31);
    CHECK(tm.tm_mon >= 0 && tm.tm_mon <= 11);
    CHECK(tm.tm_year >= 70);
    CHECK(apr_time_exp_gmt_get(&back, &tm) == APR_SUCCESS);
    CHECK(back == t);
}

/* An accepted HTTP date, printed again in RFC 1123 form, reads back. */
static void check_reprint(apr_time_t t)
{
    char buf[APR_RFC822_DATE_LEN];
    apr_time_exp_t tm;

    if (t <= 0)
        return;
    CHECK(apr_time_exp_gmt(&tm, t) == APR_SUCCESS);
    if (tm.tm_year + 1900 > 9999)
        return;     /* 4-digit years only */
    CHECK(apr_rfc822_date(buf, t) == APR_SUCCESS);
    CHECK(apr_date_parse_http(buf) == t);
    CHECK(apr_date_parse_rfc(buf) == t);
}

static int has_mask_char(const char *s)
{
    return strpbrk(s, "@$&#~*") != NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    char *nl;
    apr_time_t h, r;
    int m;

    setup();
    CHECK(s != NULL);
    memcpy(s, data, size);
    s[size] = '\0';

    h = apr_date_parse_http(s);
    r = apr_date_parse_rfc(s);
    check_time(h);
    check_time(r);
    check_reprint(h);

    nl = strchr(s, '\n');
    if (nl) {
        *nl = '\0';
        m = apr_date_checkmask(s, nl + 1);
        CHECK(m == 0 || m == 1);
    }
    if (strlen(s) < 256 && !has_mask_char(s))
        CHECK(apr_date_checkmask(s, s) == 1);
    free(s);
    return 0;
}
