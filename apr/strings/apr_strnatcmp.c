/*
 * Natural order comparison: "file9" < "file10". Runs of digits compare by
 * value; a run starting with '0' compares as a fraction, digit by digit
 * ("1.05" < "1.5"). Leading white space is ignored.
 */
#include "apr_strings.h"
#include "apr_lib.h"

/* Two integer runs: the longer one is larger, else the first difference. */
static int compare_right(const char *a, const char *b)
{
    int bias = 0;

    for (;; a++, b++) {
        int da = apr_isdigit(*a), db = apr_isdigit(*b);
        if (!da && !db)
            return bias;
        if (!da)
            return -1;
        if (!db)
            return +1;
        if (bias == 0 && *a != *b)
            bias = *a < *b ? -1 : +1;
    }
}

/* Two fractional runs: the first difference decides. */
static int compare_left(const char *a, const char *b)
{
    for (;; a++, b++) {
        int da = apr_isdigit(*a), db = apr_isdigit(*b);
        if (!da && !db)
            return 0;
        if (!da)
            return -1;
        if (!db)
            return +1;
        if (*a != *b)
            return *a < *b ? -1 : +1;
    }
}

static int strnatcmp0(const char *a, const char *b, int fold)
{
    for (;;) {
        char ca, cb;
        int r;

        while (apr_isspace(*a))
            a++;
        while (apr_isspace(*b))
            b++;
        ca = *a;
        cb = *b;
        if (apr_isdigit(ca) && apr_isdigit(cb)) {
            r = (ca == '0' || cb == '0') ? compare_left(a, b)
                                         : compare_right(a, b);
            if (r != 0)
                return r;
        }
        if (ca == '\0' && cb == '\0')
            return 0;
        if (fold) {
            ca = (char)apr_toupper(ca);
            cb = (char)apr_toupper(cb);
        }
        /* Plain char comparison, as APR does (signed on most ABIs). */
        if (ca != cb)
            return ca < cb ? -1 : +1;
        a++;
        b++;
    }
}

APR_DECLARE(int) apr_strnatcmp(char const *a, char const *b)
{
    return strnatcmp0(a, b, 0);
}

APR_DECLARE(int) apr_strnatcasecmp(char const *a, char const *b)
{
    return strnatcmp0(a, b, 1);
}
