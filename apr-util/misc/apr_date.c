/*
 * Parsing HTTP and mail dates (apr_date.h).
 *
 * A date is recognised by matching its text against the masks of the known
 * layouts (apr_date_checkmask), in a fixed order; the first layout that
 * matches says where each field is. The fields are then checked (day of
 * the month for that month and year, hour, minute, second) and converted
 * with apr_time_exp_get(). Every mask character matches only a non-NUL
 * character (or '*', which stops), so no read goes past the string's end.
 */
#include <stdlib.h>
#include <string.h>

#include "apr_date.h"
#include "apr_lib.h"

/* The longest mask apr_date_checkmask() looks at. */
#define MASK_MAX 256

APU_DECLARE(int) apr_date_checkmask(const char *data, const char *mask)
{
    int i;

    for (i = 0; i < MASK_MAX; i++) {
        unsigned char d = (unsigned char)data[i];

        switch (mask[i]) {
        case '\0':
            return d == '\0';
        case '*':
            return 1;
        case '@':
            if (d < 'A' || d > 'Z')
                return 0;
            break;
        case '$':
            if (d < 'a' || d > 'z')
                return 0;
            break;
        case '#':
            if (d < '0' || d > '9')
                return 0;
            break;
        case '&':
            if (!apr_isxdigit(d))
                return 0;
            break;
        case '~':
            if (d != ' ' && (d < '0' || d > '9'))
                return 0;
            break;
        default:
            if ((unsigned char)mask[i] != d)
                return 0;
            break;
        }
    }
    return 0;
}

/*
 * Where a layout keeps its fields: offsets into the text (after the day
 * name), and the width of the day, year and hour fields. NO_FIELD marks a
 * field the layout lacks (seconds are then 0, the zone GMT).
 */
#define NO_FIELD 0xff

typedef struct {
    const char *mask;
    unsigned char mday, mday_width;
    unsigned char mon;
    unsigned char year, year_width;
    unsigned char hour, hour_width;
    unsigned char min, sec;
    unsigned char zone;
} layout_t;

/* apr_date_parse_http() tries the first four, apr_date_parse_rfc() all.
 * As in APR-util, the layouts without seconds ignore any zone. */
static const layout_t layouts[] = {
    /* Sun, 06 Nov 1994 08:49:37 GMT (RFC 1123) */
    {"## @$$ #### ##:##:## *", 0, 2, 3, 7, 4, 12, 2, 15, 18, 21},
    /* Sunday, 06-Nov-94 08:49:37 GMT (RFC 850) */
    {"##-@$$-## ##:##:## *", 0, 2, 3, 7, 2, 10, 2, 13, 16, 19},
    /* Sun Nov  6 08:49:37 1994 (asctime) */
    {"@$$ ~# ##:##:## ####*", 4, 2, 0, 16, 4, 7, 2, 10, 13, NO_FIELD},
    /* Sun, 6 Nov 1994 08:49:37 GMT */
    {"# @$$ #### ##:##:## *", 0, 1, 2, 6, 4, 11, 2, 14, 17, 20},
    /* Sun, 06 Nov 94 08:49:37 GMT */
    {"## @$$ ## ##:##:## *", 0, 2, 3, 7, 2, 10, 2, 13, 16, 19},
    /* Sun, 6 Nov 94 08:49:37 GMT */
    {"# @$$ ## ##:##:## *", 0, 1, 2, 6, 2, 9, 2, 12, 15, 18},
    /* Sun, 06 Nov 94 08:49 GMT */
    {"## @$$ ## ##:## *", 0, 2, 3, 7, 2, 10, 2, 13, NO_FIELD, NO_FIELD},
    /* Sun, 6 Nov 94 08:49 GMT */
    {"# @$$ ## ##:## *", 0, 1, 2, 6, 2, 9, 2, 12, NO_FIELD, NO_FIELD},
    /* Sun, 06 Nov 94 8:49:37 GMT */
    {"## @$$ ## #:##:## *", 0, 2, 3, 7, 2, 10, 1, 12, 15, 18},
    /* Sun, 6 Nov 94 8:49:37 GMT */
    {"# @$$ ## #:##:## *", 0, 1, 2, 6, 2, 9, 1, 11, 14, 17},
    /* Sun,  6 Nov 1994 08:49:37 GMT (a space for the day's leading 0) */
    {" # @$$ #### ##:##:## *", 1, 1, 3, 7, 4, 12, 2, 15, 18, 21},
    /* Sun, 06-Nov-1994 08:49:37 GMT (RFC 850 with a 4-digit year) */
    {"##-@$$-#### ##:##:## *", 0, 2, 3, 7, 4, 12, 2, 15, 18, 21},
    /* Sun,  6 Nov 94 08:49:37 GMT */
    {" # @$$ ## ##:##:## *", 1, 1, 3, 7, 2, 10, 2, 13, 16, 19},
};

#define HTTP_LAYOUTS 4
#define RFC_LAYOUTS (sizeof(layouts) / sizeof(layouts[0]))

/* The value of `width` (1, 2 or 4) digits or spaces at `s` (a space
 * counts as 0: asctime pads the day with one). */
static int number(const char *s, int width)
{
    int v = 0;

    while (width--) {
        v = v * 10 + (*s == ' ' ? 0 : *s - '0');
        s++;
    }
    return v;
}

/* The month's index (0-11) from its three-letter name, or -1. */
static int month(const char *s)
{
    static const char names[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    int m;

    for (m = 0; m < 12; m++) {
        if (memcmp(s, names + 3 * m, 3) == 0)
            return m;
    }
    return -1;
}

/* Years since 1900 from the year field: a 2-digit year is 1970-2069, a
 * 4-digit one before 1900 is refused. */
static int year(const char *s, int width)
{
    int y = number(s, width);

    if (width == 2)
        return y < 70 ? y + 100 : y;
    return y < 1900 ? -1 : y - 1900;
}

static int is_leap(int tm_year)
{
    int y = tm_year + 1900;

    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

/* Whether the day exists in that month (0-11) of that year. */
static int valid_day(int mday, int mon, int tm_year)
{
    static const unsigned char days[12] = {31, 29, 31, 30, 31, 30,
                                           31, 31, 30, 31, 30, 31};

    if (mday < 1 || mday > days[mon])
        return 0;
    return !(mon == 1 && mday == 29 && !is_leap(tm_year));
}

/* The offset in seconds east of GMT a zone field gives: "+hhmm" and
 * "-hhmm" (read as a number, as APR does: "+1" is one minute); names
 * count as GMT. */
static apr_int32_t zone_offset(const char *z)
{
    long v, secs;

    if (*z != '+' && *z != '-')
        return 0;
    /* atoi() semantics, without its undefined overflow. */
    v = (int)strtol(z + 1, NULL, 10);
    secs = (v / 100) * 3600 + (v % 100) * 60;
    return (apr_int32_t)(*z == '-' ? -secs : secs);
}

/* Fill `tm` from a date whose layout is `l`; 0 if a field is invalid. */
static int fields(const char *d, const layout_t *l, apr_time_exp_t *tm)
{
    memset(tm, 0, sizeof *tm);
    tm->tm_mday = number(d + l->mday, l->mday_width);
    tm->tm_year = year(d + l->year, l->year_width);
    if (tm->tm_year < 0)
        return 0;
    tm->tm_hour = number(d + l->hour, l->hour_width);
    tm->tm_min = number(d + l->min, 2);
    tm->tm_sec = l->sec == NO_FIELD ? 0 : number(d + l->sec, 2);
    /* Leap seconds (60, and the 61 some old documents allow) pass. */
    if (tm->tm_hour > 23 || tm->tm_min > 59 || tm->tm_sec > 61)
        return 0;
    tm->tm_mon = month(d + l->mon);
    if (tm->tm_mon < 0)
        return 0;
    return valid_day(tm->tm_mday, tm->tm_mon, tm->tm_year);
}

/* Parse `date` with the first `n` layouts. The day name before the first
 * space is skipped unless the date starts with a digit and `day_optional`. */
static apr_time_t parse(const char *date, size_t n, int day_optional)
{
    apr_time_exp_t tm;
    apr_time_t t;
    size_t i;

    if (!date)
        return APR_DATE_BAD;
    if (!day_optional || !apr_isdigit(*date)) {
        while (*date && apr_isspace(*date))
            date++;
        date = strchr(date, ' ');
        if (!date)
            return APR_DATE_BAD;
        date++;
    }
    for (i = 0; i < n; i++) {
        if (apr_date_checkmask(date, layouts[i].mask))
            break;
    }
    if (i == n || !fields(date, &layouts[i], &tm))
        return APR_DATE_BAD;
    if (day_optional && layouts[i].zone != NO_FIELD)
        tm.tm_gmtoff = zone_offset(date + layouts[i].zone);
    if (apr_time_exp_gmt_get(&t, &tm) != APR_SUCCESS)
        return APR_DATE_BAD;
    return t;
}

APU_DECLARE(apr_time_t) apr_date_parse_http(const char *date)
{
    return parse(date, HTTP_LAYOUTS, 0);
}

APU_DECLARE(apr_time_t) apr_date_parse_rfc(const char *date)
{
    return parse(date, RFC_LAYOUTS, 1);
}
