/*
 * Numbers as text and back: apr_itoa and friends, the strtol wrappers with
 * APR's errno contract, and apr_strfsize's four-character sizes.
 */
#include "apr_strings.h"
#include "apr_lib.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Decimal text of a signed value into pool memory. */
static char *int64_toa(apr_pool_t *p, apr_int64_t n)
{
    char tmp[24];
    char *end = tmp + sizeof tmp, *s = end;
    apr_uint64_t v = n < 0 ? (apr_uint64_t)0 - (apr_uint64_t)n
                           : (apr_uint64_t)n;

    *--s = '\0';
    do {
        *--s = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (n < 0)
        *--s = '-';
    return apr_pmemdup(p, s, (apr_size_t)(end - s));
}

APR_DECLARE(char *) apr_itoa(apr_pool_t *p, int n)
{
    return int64_toa(p, n);
}

APR_DECLARE(char *) apr_ltoa(apr_pool_t *p, long n)
{
    return int64_toa(p, n);
}

APR_DECLARE(char *) apr_off_t_toa(apr_pool_t *p, apr_off_t n)
{
    return int64_toa(p, n);
}

APR_DECLARE(apr_status_t) apr_strtoff(apr_off_t *offset, const char *buf,
                                      char **end, int base)
{
    errno = 0;
    *offset = (apr_off_t)strtoll(buf, end, base);
    return errno;
}

APR_DECLARE(apr_int64_t) apr_strtoi64(const char *buf, char **end, int base)
{
    errno = 0;
    return (apr_int64_t)strtoll(buf, end, base);
}

APR_DECLARE(apr_int64_t) apr_atoi64(const char *buf)
{
    return apr_strtoi64(buf, NULL, 10);
}

/*
 * Sizes below 973 are shown in bytes ("972 "); above, the value is divided
 * by 1024 until it is below 973 and shown with one decimal below 9.5
 * ("9.4K"), rounded to an integer otherwise (" 10K").
 */
APR_DECLARE(char *) apr_strfsize(apr_off_t size, char *buf)
{
    static const char units[] = "KMGTPE";
    const char *unit = units;
    int remain;

    if (size < 0) {
        memcpy(buf, "  - ", 5);
        return buf;
    }
    if (size < 973) {
        apr_snprintf(buf, 5, "%3d ", (int)size);
        return buf;
    }
    for (;;) {
        remain = (int)(size & 1023);
        size >>= 10;
        if (size < 973)
            break;
        unit++;
    }
    if (size < 9 || (size == 9 && remain < 973)) {
        remain = (remain * 5 + 256) / 512;
        if (remain >= 10) {
            size++;
            remain = 0;
        }
        apr_snprintf(buf, 5, "%d.%d%c", (int)size, remain, *unit);
        return buf;
    }
    if (remain >= 512)
        size++;
    apr_snprintf(buf, 5, "%3d%c", (int)size, *unit);
    return buf;
}
