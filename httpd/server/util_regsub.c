/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * Pool-managed patterns and $N substitution (RewriteRule, AliasMatch,
 * RedirectMatch, Header edit...).
 */
#include "util_private.h"
#include "apr_strings.h"

/* Longest result ap_pregsub() produces. */
#define AP_PREGSUB_MAXLEN (HUGE_STRING_LEN * 8)

static apr_status_t regex_cleanup(void *preg)
{
    ap_regfree(preg);
    return APR_SUCCESS;
}

AP_DECLARE(ap_regex_t *) ap_pregcomp(apr_pool_t *p, const char *pattern,
                                     int cflags)
{
    ap_regex_t *preg = apr_palloc(p, sizeof(*preg));

    if (ap_regcomp(preg, pattern, cflags) != 0)
        return NULL;
    apr_pool_cleanup_register(p, preg, regex_cleanup,
                              apr_pool_cleanup_null);
    return preg;
}

AP_DECLARE(void) ap_pregfree(apr_pool_t *p, ap_regex_t *reg)
{
    ap_regfree(reg);
    apr_pool_cleanup_kill(p, reg, regex_cleanup);
}

/* The group number of "$N" at src (src[0] == '$'), or -1. */
static int group_ref(const char *src)
{
    return (src[0] == '$' && apr_isdigit(src[1])) ? src[1] - '0' : -1;
}

apr_status_t ap__regsub(char *dst, apr_size_t *len, const char *input,
                        const char *source, apr_size_t nmatch,
                        ap_regmatch_t pmatch[], apr_size_t maxlen)
{
    const char *src = input;
    apr_size_t n = 0;

    if (source == NULL || nmatch > AP_MAX_REG_MATCH)
        return APR_EINVAL;
    if (nmatch == 0) { /* nothing to substitute: the input as is */
        n = strlen(input);
        if (maxlen > 0 && n >= maxlen)
            return APR_ENOMEM;
        if (dst)
            memcpy(dst, input, n + 1);
        *len = n;
        return APR_SUCCESS;
    }
    while (*src) {
        int no = group_ref(src);

        if (no < 0) {
            /* a backslash makes the next character literal ("\$1") */
            if (*src == '\\' && src[1])
                src++;
            if (dst)
                dst[n] = *src;
            n++;
            src++;
            continue;
        }
        src += 2;
        if ((apr_size_t)no < nmatch && pmatch[no].rm_so >= 0
            && pmatch[no].rm_so < pmatch[no].rm_eo) {
            apr_size_t glen = (apr_size_t)(pmatch[no].rm_eo - pmatch[no].rm_so);

            if (APR_SIZE_MAX - n <= glen)
                return APR_ENOMEM;
            if (dst)
                memcpy(dst + n, source + pmatch[no].rm_so, glen);
            n += glen;
        }
    }
    if (maxlen > 0 && n >= maxlen)
        return APR_ENOMEM;
    if (dst)
        dst[n] = '\0';
    *len = n;
    return APR_SUCCESS;
}

AP_DECLARE(apr_status_t) ap_pregsub_ex(apr_pool_t *p, char **result,
                                       const char *input, const char *source,
                                       apr_size_t nmatch,
                                       ap_regmatch_t pmatch[],
                                       apr_size_t maxlen)
{
    apr_size_t len;
    apr_status_t rv;

    *result = NULL;
    rv = ap__regsub(NULL, &len, input, source, nmatch, pmatch, maxlen);
    if (rv != APR_SUCCESS)
        return rv;
    *result = apr_palloc(p, len + 1);
    return ap__regsub(*result, &len, input, source, nmatch, pmatch, maxlen);
}

AP_DECLARE(char *) ap_pregsub(apr_pool_t *p, const char *input,
                              const char *source, apr_size_t nmatch,
                              ap_regmatch_t pmatch[])
{
    char *result;

    if (ap_pregsub_ex(p, &result, input, source, nmatch, pmatch,
                      AP_PREGSUB_MAXLEN) != APR_SUCCESS)
        return NULL;
    return result;
}
