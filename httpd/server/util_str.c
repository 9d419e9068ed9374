/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * Plain string helpers of httpd.h: word splitting, case conversion and
 * comparison, searching, and small conversions.
 */
#include "util_private.h"
#include "apr_strings.h"

/* Copy [start, end) and leave *line at @a next. */
static char *take_word(apr_pool_t *p, const char **line, const char *end,
                       const char *next)
{
    char *res = apr_pstrmemdup(p, *line, (apr_size_t)(end - *line));

    *line = next;
    return res;
}

AP_DECLARE(char *) ap_getword(apr_pool_t *p, const char **line, char stop)
{
    const char *pos = *line;
    const char *end;

    while (*pos && *pos != stop)
        ++pos;
    end = pos;
    /* a run of stop characters counts as one separator */
    if (stop)
        while (*pos == stop)
            ++pos;
    return take_word(p, line, end, pos);
}

AP_DECLARE(char *) ap_getword_nc(apr_pool_t *p, char **line, char stop)
{
    return ap_getword(p, (const char **)line, stop);
}

AP_DECLARE(char *) ap_getword_white(apr_pool_t *p, const char **line)
{
    const char *pos = *line;
    const char *end;

    while (*pos && !apr_isspace(*pos))
        ++pos;
    end = pos;
    while (apr_isspace(*pos))
        ++pos;
    return take_word(p, line, end, pos);
}

AP_DECLARE(char *) ap_getword_white_nc(apr_pool_t *p, char **line)
{
    return ap_getword_white(p, (const char **)line);
}

AP_DECLARE(char *) ap_getword_nulls(apr_pool_t *p, const char **line,
                                    char stop)
{
    const char *pos = strchr(*line, stop);

    if (pos == NULL || stop == '\0') {
        pos = *line + strlen(*line);
        return take_word(p, line, pos, pos);
    }
    /* unlike ap_getword(), only one stop is consumed: empty fields count */
    return take_word(p, line, pos, pos + 1);
}

AP_DECLARE(char *) ap_getword_nulls_nc(apr_pool_t *p, char **line, char stop)
{
    return ap_getword_nulls(p, (const char **)line, stop);
}

AP_DECLARE(char *) ap_field_noparam(apr_pool_t *p, const char *intype)
{
    const char *semi;

    if (intype == NULL)
        return NULL;
    semi = strchr(intype, ';');
    if (semi == NULL)
        return apr_pstrdup(p, intype);
    while (semi > intype && apr_isspace(semi[-1]))
        semi--;
    return apr_pstrmemdup(p, intype, (apr_size_t)(semi - intype));
}

AP_DECLARE(void) ap_str_tolower(char *s)
{
    for (; *s; ++s)
        *s = (char)apr_tolower(*s);
}

AP_DECLARE(void) ap_str_toupper(char *s)
{
    for (; *s; ++s)
        *s = (char)apr_toupper(*s);
}

AP_DECLARE(void) ap_content_type_tolower(char *s)
{
    /* only the media type: parameter values (charset, boundary) keep
     * their case */
    for (; *s && *s != ';'; ++s)
        *s = (char)apr_tolower(*s);
}

AP_DECLARE(int) ap_ind(const char *str, char c)
{
    const char *p = strchr(str, c);

    return (p && c) ? (int)(p - str) : -1;
}

AP_DECLARE(int) ap_rind(const char *str, char c)
{
    const char *p = strrchr(str, c);

    return (p && c) ? (int)(p - str) : -1;
}

AP_DECLARE(int) ap_cstr_casecmp(const char *s1, const char *s2)
{
    const unsigned char *a = (const unsigned char *)s1;
    const unsigned char *b = (const unsigned char *)s2;

    for (;; ++a, ++b) {
        int d = apr_tolower(*a) - apr_tolower(*b);

        if (d || !*a)
            return d;
    }
}

AP_DECLARE(int) ap_cstr_casecmpn(const char *s1, const char *s2,
                                 apr_size_t n)
{
    const unsigned char *a = (const unsigned char *)s1;
    const unsigned char *b = (const unsigned char *)s2;

    for (; n; --n, ++a, ++b) {
        int d = apr_tolower(*a) - apr_tolower(*b);

        if (d || !*a)
            return d;
    }
    return 0;
}

AP_DECLARE(char *) ap_strcasestr(const char *s1, const char *s2)
{
    apr_size_t n = strlen(s2);

    if (n == 0)
        return (char *)s1;
    for (; *s1; ++s1)
        if (apr_tolower(*s1) == apr_tolower(*s2)
            && ap_cstr_casecmpn(s1, s2, n) == 0)
            return (char *)s1;
    return NULL;
}

AP_DECLARE(const char *) ap_stripprefix(const char *bigstring,
                                        const char *prefix)
{
    apr_size_t n = strlen(prefix);

    if (n && strncmp(bigstring, prefix, n) == 0)
        return bigstring + n;
    return bigstring;
}

AP_DECLARE(int) ap_array_str_index(const apr_array_header_t *array,
                                   const char *s, int start)
{
    const char * const *elts;
    int i;

    if (array == NULL || start < 0)
        return -1;
    elts = (const char * const *)array->elts;
    for (i = start; i < array->nelts; i++) {
        const char *e = elts[i];

        if (e == s || (e && s && strcmp(e, s) == 0))
            return i;
    }
    return -1;
}

AP_DECLARE(int) ap_array_str_contains(const apr_array_header_t *array,
                                      const char *s)
{
    return ap_array_str_index(array, s, 0) >= 0;
}

AP_DECLARE(void) ap_bin2hex(const void *src, apr_size_t srclen, char *dest)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *in = src;
    apr_size_t i;

    for (i = 0; i < srclen; i++) {
        *dest++ = hex[in[i] >> 4];
        *dest++ = hex[in[i] & 0x0f];
    }
    *dest = '\0';
}

AP_DECLARE(apr_status_t) ap_str2_alnum(const char *src, char *dest)
{
    for (; *src; ++src, ++dest)
        *dest = apr_isalnum(*src) ? *src : '_';
    *dest = '\0';
    return APR_SUCCESS;
}

AP_DECLARE(apr_status_t) ap_pstr2_alnum(apr_pool_t *p, const char *src,
                                        const char **dest)
{
    char *out = apr_palloc(p, strlen(src) + 1);

    *dest = out;
    return ap_str2_alnum(src, out);
}

AP_DECLARE(int) ap_memeq_timingsafe(const void *buf1, const void *buf2,
                                    apr_size_t n)
{
    const volatile unsigned char *a = buf1;
    const volatile unsigned char *b = buf2;
    unsigned char diff = 0;
    apr_size_t i;

    for (i = 0; i < n; i++)
        diff |= a[i] ^ b[i];
    return diff == 0;
}

/* Compare the whole of str2 against sec1 (never reading sec1 past its NUL,
 * nor past n bytes), so the time depends on str2's length only. */
static int streq_ts(const char *sec1, const char *str2, apr_size_t n)
{
    const volatile unsigned char *s = (const unsigned char *)sec1;
    const volatile unsigned char *t = (const unsigned char *)str2;
    apr_size_t i = 0, j = 0;
    unsigned char diff = 0;

    for (; j < n; j++) {
        diff |= s[i] ^ t[j];
        if (!t[j])
            break;
        /* stay on sec1's NUL once reached */
        i += (s[i] != 0);
    }
    return diff == 0;
}

AP_DECLARE(int) ap_streq_timingsafe(const char *sec1, const char *str2)
{
    return streq_ts(sec1, str2, APR_SIZE_MAX);
}

AP_DECLARE(int) ap_strneq_timingsafe(const char *sec1, const char *str2,
                                     apr_size_t n)
{
    return streq_ts(sec1, str2, n);
}
