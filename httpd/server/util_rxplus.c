/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * Sed/Perl-like expressions: "s/pattern/substitution/flags", "m/pattern/",
 * "/pattern/flags" (any non-alphanumeric delimiter), or a bare pattern.
 * Flags: i (ignore case), m (multi-line), s (dot matches newline),
 * g (replace every match), n (keep no groups), ^ and $ (NOTBOL/NOTEOL).
 */
#include "util_private.h"
#include "util_varbuf.h"
#include "apr_strings.h"

static apr_status_t rxplus_cleanup(void *preg)
{
    ap_regfree(preg);
    return APR_SUCCESS;
}

static apr_uint32_t rxplus_flag(char c)
{
    switch (c) {
    case 'i': return AP_REG_ICASE;
    case 'm': return AP_REG_NEWLINE;
    case 'n': return AP_REG_NOMEM;
    case 'g': return AP_REG_MULTI;
    case 's': return AP_REG_DOTALL;
    case '^': return AP_REG_NOTBOL;
    case '$': return AP_REG_NOTEOL;
    default:  return 0; /* unknown flags are ignored */
    }
}

static ap_rxplus_t *rxplus_finish(apr_pool_t *pool, ap_rxplus_t *rx,
                                  const char *pattern)
{
    int cflags = (int)(rx->flags & (AP_REG_ICASE | AP_REG_NEWLINE
                                    | AP_REG_DOTALL));

    if (ap_regcomp(&rx->rx, pattern, cflags) != 0)
        return NULL;
    apr_pool_cleanup_register(pool, &rx->rx, rxplus_cleanup,
                              apr_pool_cleanup_null);
    /* with "n" only the whole match is kept */
    rx->nmatch = (rx->flags & AP_REG_NOMEM) ? 1
                 : (apr_size_t)rx->rx.re_nsub + 1;
    if (rx->nmatch > AP_MAX_REG_MATCH)
        rx->nmatch = AP_MAX_REG_MATCH; /* what ap_pregsub can substitute */
    rx->pmatch = apr_pcalloc(pool, rx->nmatch * sizeof(ap_regmatch_t));
    return rx;
}

AP_DECLARE(ap_rxplus_t *) ap_rxplus_compile(apr_pool_t *pool,
                                            const char *pattern)
{
    ap_rxplus_t *rx = apr_pcalloc(pool, sizeof(*rx));
    const char *str = pattern, *endp = NULL;
    char *rxstr;
    char delim = 0;
    int subst = 0;

    if (!*pattern)
        return rxplus_finish(pool, rx, pattern);
    if (!apr_isalnum(pattern[0])) {
        delim = *str++;
    }
    else if ((pattern[0] == 's' || pattern[0] == 'm') && pattern[1]
             && !apr_isalnum(pattern[1])) {
        subst = pattern[0] == 's';
        delim = pattern[1];
        str += 2;
    }
    if (delim)
        endp = strchr(str, delim);
    if (endp == NULL) /* no delimiters: the whole text is the pattern */
        return rxplus_finish(pool, rx, pattern);
    rxstr = apr_pstrmemdup(pool, str, (apr_size_t)(endp - str));
    if (subst) {
        str = endp + 1;
        if (!*str || (endp = strchr(str, delim)) == NULL)
            return NULL; /* a substitution needs its replacement */
        rx->subs = apr_pstrmemdup(pool, str, (apr_size_t)(endp - str));
    }
    while (*++endp)
        rx->flags |= rxplus_flag(*endp);
    return rxplus_finish(pool, rx, rxstr);
}

/* Run the substitution over subject; returns the number of matches. */
static int rxplus_subst(apr_pool_t *pool, ap_rxplus_t *rx,
                        const char *subject, char **out)
{
    int eflags = (int)(rx->flags & (AP_REG_NOTBOL | AP_REG_NOTEOL));
    const char *cur = subject;
    struct ap_varbuf vb;
    int count = 0;

    ap_varbuf_init(pool, &vb, strlen(subject) + 1);
    while (*cur || count == 0) {
        ap_regmatch_t *m = rx->pmatch;

        if (ap_regexec(&rx->rx, cur, rx->nmatch, rx->pmatch, eflags) != 0)
            break;
        rx->match = cur;
        count++;
        ap_varbuf_strmemcat(&vb, cur, m[0].rm_so);
        if (ap_varbuf_regsub(&vb, rx->subs, cur, rx->nmatch, rx->pmatch,
                             0) != APR_SUCCESS) {
            ap_varbuf_free(&vb);
            return 0;
        }
        cur += m[0].rm_eo;
        if (m[0].rm_eo == m[0].rm_so && *cur) /* empty match: step over */
            ap_varbuf_strmemcat(&vb, cur++, 1);
        if (!(rx->flags & AP_REG_MULTI) || !*cur)
            break;
        eflags |= AP_REG_NOTBOL; /* later matches are not at the start */
    }
    if (count) {
        ap_varbuf_strmemcat(&vb, cur, (int)strlen(cur));
        *out = ap_varbuf_pdup(pool, &vb, NULL, 0, NULL, 0, NULL);
    }
    ap_varbuf_free(&vb);
    return count;
}

AP_DECLARE(int) ap_rxplus_exec(apr_pool_t *pool, ap_rxplus_t *rx,
                               const char *pattern, char **newpattern)
{
    int eflags = (int)(rx->flags & (AP_REG_NOTBOL | AP_REG_NOTEOL));

    rx->match = NULL;
    if (rx->subs == NULL) {
        if (ap_regexec(&rx->rx, pattern, rx->nmatch, rx->pmatch, eflags) != 0)
            return 0;
        rx->match = pattern;
        return 1;
    }
    return rxplus_subst(pool, rx, pattern, newpattern);
}

AP_DECLARE(void) ap_rxplus_match(ap_rxplus_t *rx, int n, int *len,
                                 const char **match)
{
    if (n >= 0 && (apr_size_t)n < ap_rxplus_nmatch(rx)
        && rx->pmatch[n].rm_so >= 0) {
        *match = rx->match + rx->pmatch[n].rm_so;
        *len = rx->pmatch[n].rm_eo - rx->pmatch[n].rm_so;
        return;
    }
    *len = -1;
    *match = NULL;
}

AP_DECLARE(char *) ap_rxplus_pmatch(apr_pool_t *pool, ap_rxplus_t *rx, int n)
{
    const char *match;
    int len;

    ap_rxplus_match(rx, n, &len, &match);
    return match ? apr_pstrmemdup(pool, match, (apr_size_t)len) : NULL;
}
