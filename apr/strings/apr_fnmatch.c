/*
 * apr_fnmatch: shell wildcard matching.
 *
 * One pass over pattern and string with a single backtracking point: the
 * last '*' seen. With APR_FNM_PATHNAME a '*' cannot run over a '/', and
 * since a '/' is then matched only by a '/', the latest '*' is the only one
 * worth extending, which keeps the match linear in practice.
 */
#include "apr_fnmatch.h"
#include "apr_lib.h"

#include <string.h>

/* Class results. */
#define CLASS_NOMATCH 0
#define CLASS_MATCH   1

static int fold(int c, int flags)
{
    return (flags & APR_FNM_CASE_BLIND) ? apr_tolower(c) : (unsigned char)c;
}

/* One (possibly escaped) class member at *pp; 0 at the end of pattern. */
static int class_char(const char **pp, int flags)
{
    const char *p = *pp;

    if (*p == '\\' && !(flags & APR_FNM_NOESCAPE) && p[1])
        p++;
    *pp = p + 1;
    return (unsigned char)*p;
}

/*
 * Match @c against the class starting after '[' at *pp; on return *pp is
 * past the closing ']'. Returns -1 for a class without ']'.
 */
static int match_class(const char **pp, char c, int flags)
{
    const char *p = *pp;
    const char *first;
    int negate = 0, found = 0;
    int fc = fold(c, flags);

    if (*p == '!' || *p == '^') {
        negate = 1;
        p++;
    }
    /* A ']' right after the '[' (or the negation) is a member. */
    first = p;
    while (*p && (*p != ']' || p == first)) {
        /* With APR_FNM_PATHNAME a '/' cannot be in a class: the '['
         * is then an ordinary character. */
        if (*p == '/' && (flags & APR_FNM_PATHNAME))
            return -1;
        int lo = class_char(&p, flags), hi = lo;
        if (*p == '-' && p[1] && p[1] != ']') {
            p++;
            hi = class_char(&p, flags);
        }
        if (lo == 0 || hi == 0)
            break;
        if (fold(lo, flags) <= fc && fc <= fold(hi, flags))
            found = 1;
        else if (lo <= (unsigned char)c && (unsigned char)c <= hi)
            found = 1;
    }
    if (*p != ']')
        return -1;
    *pp = p + 1;
    return found != negate ? CLASS_MATCH : CLASS_NOMATCH;
}

/* Whether position @s of @str starts a name (for APR_FNM_PERIOD). */
static int leading(const char *str, const char *s, int flags)
{
    return s == str || ((flags & APR_FNM_PATHNAME) && s[-1] == '/');
}

/*
 * Match one pattern element (not '*') at *pp against *s. Returns 1 and
 * advances the pointers on a match, 0 otherwise, -1 when nothing can match.
 */
static int match_one(const char **pp, const char **sp, const char *str,
                     int flags)
{
    const char *p = *pp, *s = *sp;
    int r;

    if (*s == '\0')
        return 0;
    if (*s == '/' && (flags & APR_FNM_PATHNAME) && *p != '/'
        && !(*p == '\\' && p[1] == '/' && !(flags & APR_FNM_NOESCAPE)))
        return 0;
    switch (*p) {
    case '?':
        if ((flags & APR_FNM_PERIOD) && *s == '.' && leading(str, s, flags))
            return 0;
        *pp = p + 1;
        *sp = s + 1;
        return 1;
    case '[':
        if ((flags & APR_FNM_PERIOD) && *s == '.' && leading(str, s, flags))
            return 0;
        p++;
        r = match_class(&p, *s, flags);
        if (r < 0) {
            /* No closing ']': the '[' is an ordinary character. */
            if (*s != '[')
                return 0;
            *pp = *pp + 1;
            *sp = s + 1;
            return 1;
        }
        if (r == CLASS_NOMATCH)
            return 0;
        *pp = p;
        *sp = s + 1;
        return 1;
    case '\\':
        if (!(flags & APR_FNM_NOESCAPE) && p[1])
            p++;
        /* fall through */
    default:
        if (fold(*p, flags) != fold(*s, flags))
            return 0;
        *pp = p + 1;
        *sp = s + 1;
        return 1;
    }
}

APR_DECLARE(apr_status_t) apr_fnmatch(const char *pattern,
                                      const char *strings, int flags)
{
    const char *p = pattern, *s = strings;
    const char *star_p = NULL, *star_s = NULL;

    for (;;) {
        int r;

        if (*p == '*') {
            if (!((flags & APR_FNM_PERIOD) && *s == '.'
                  && leading(strings, s, flags))) {
                while (*p == '*')
                    p++;
                star_p = p;
                star_s = s;
                continue;
            }
            /* A leading period is never matched by a '*'. */
            r = 0;
        }
        else if (*p == '\0' && *s == '\0') {
            return APR_SUCCESS;
        }
        else {
            r = *p ? match_one(&p, &s, strings, flags) : 0;
            if (r > 0)
                continue;
        }
        if (star_p == NULL || *star_s == '\0')
            return APR_FNM_NOMATCH;
        /* Let the last '*' take one more character. */
        if (*star_s == '/' && (flags & APR_FNM_PATHNAME))
            return APR_FNM_NOMATCH;
        p = star_p;
        s = ++star_s;
    }
}

APR_DECLARE(int) apr_fnmatch_test(const char *pattern)
{
    int open = 0;

    for (; *pattern; pattern++) {
        switch (*pattern) {
        case '?':
        case '*':
            return 1;
        case '\\':
            if (*++pattern == '\0')
                return 0;
            break;
        case '[':
            open++;
            break;
        case ']':
            if (open)
                return 1;
            break;
        default:
            break;
        }
    }
    return 0;
}
