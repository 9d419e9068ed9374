/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * Shell-style wildcard matching ('*' and '?') of host names and the like.
 * The matcher backtracks only to the last '*', so it runs in
 * O(len(str) * len(pattern)) at worst, whatever the input.
 */
#include "util_private.h"

AP_DECLARE(int) ap_is_matchexp(const char *str)
{
    for (; *str; ++str)
        if (*str == '*' || *str == '?')
            return 1;
    return 0;
}

static int same_char(unsigned char a, unsigned char b, int nocase)
{
    return nocase ? apr_tolower(a) == apr_tolower(b) : a == b;
}

/* 0 on a match; -1 if str ran out first, 1 for any other mismatch. */
static int wildcard_match(const char *str, const char *pat, int nocase)
{
    const char *star = NULL; /* pattern after the last '*' seen */
    const char *resume = NULL; /* where in str that '*' retries from */

    for (;;) {
        if (*pat == '*') {
            while (*pat == '*')
                ++pat;
            if (!*pat)
                return 0; /* a trailing '*' matches the rest */
            star = pat;
            resume = str;
            continue;
        }
        if (!*str)
            return *pat ? -1 : 0;
        if (*pat && (*pat == '?'
                     || same_char((unsigned char)*pat, (unsigned char)*str,
                                  nocase))) {
            ++pat;
            ++str;
            continue;
        }
        if (!star)
            return 1;
        /* let the last '*' absorb one more character */
        pat = star;
        str = ++resume;
    }
}

AP_DECLARE(int) ap_strcmp_match(const char *str, const char *expected)
{
    return wildcard_match(str, expected, 0);
}

AP_DECLARE(int) ap_strcasecmp_match(const char *str, const char *expected)
{
    return wildcard_match(str, expected, 1);
}
