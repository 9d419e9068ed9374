/*
 * apr_cstr: C-locale string helpers (splitting, glob lists, ASCII case
 * folding, strict number parsing).
 */
#include "apr_cstr.h"
#include "apr_fnmatch.h"
#include "apr_lib.h"
#include "apr_strings.h"
#include "apr_tables.h"

#include <errno.h>
#include <string.h>

/* Remove leading and trailing white space in place. */
static char *chop(char *s)
{
    char *e;

    while (apr_isspace(*s))
        s++;
    e = s + strlen(s);
    while (e > s && apr_isspace(e[-1]))
        e--;
    *e = '\0';
    return s;
}

APR_DECLARE(void) apr_cstr_split_append(apr_array_header_t *array,
                                        const char *input,
                                        const char *sep_chars,
                                        int chop_whitespace,
                                        apr_pool_t *pool)
{
    char *rest = apr_pstrdup(pool, input);
    char *tok;

    while ((tok = apr_cstr_tokenize(sep_chars, &rest)) != NULL) {
        if (chop_whitespace)
            tok = chop(tok);
        if (*tok)
            *(const char **)apr_array_push(array) = tok;
    }
}

APR_DECLARE(apr_array_header_t *) apr_cstr_split(const char *input,
                                                 const char *sep_chars,
                                                 int chop_whitespace,
                                                 apr_pool_t *pool)
{
    apr_array_header_t *a = apr_array_make(pool, 5, sizeof(const char *));

    apr_cstr_split_append(a, input, sep_chars, chop_whitespace, pool);
    return a;
}

APR_DECLARE(int) apr_cstr_match_glob_list(const char *str,
                                          const apr_array_header_t *list)
{
    int i;

    for (i = 0; i < list->nelts; i++) {
        const char *pat = ((const char *const *)list->elts)[i];
        if (apr_fnmatch(pat, str, 0) == APR_SUCCESS)
            return 1;
    }
    return 0;
}

APR_DECLARE(int) apr_cstr_match_list(const char *str,
                                     const apr_array_header_t *list)
{
    int i;

    for (i = 0; i < list->nelts; i++) {
        if (strcmp(((const char *const *)list->elts)[i], str) == 0)
            return 1;
    }
    return 0;
}

APR_DECLARE(char *) apr_cstr_tokenize(const char *sep, char **str)
{
    char *token, *next;

    if (sep == NULL || str == NULL || *str == NULL)
        return NULL;
    token = *str + strspn(*str, sep);
    if (*token == '\0') {
        *str = token;
        return NULL;
    }
    next = token + strcspn(token, sep);
    if (*next) {
        *next = '\0';
        *str = next + 1;
    }
    else {
        *str = next;
    }
    return token;
}

APR_DECLARE(int) apr_cstr_count_newlines(const char *msg)
{
    int count = 0;

    for (; *msg; msg++) {
        if (*msg == '\n' || *msg == '\r') {
            /* CRLF and LFCR count once. */
            if ((msg[1] == '\n' || msg[1] == '\r') && msg[1] != *msg)
                msg++;
            count++;
        }
    }
    return count;
}

/* ASCII-only lower case, whatever the locale. */
static int ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

APR_DECLARE(int) apr_cstr_casecmp(const char *str1, const char *str2)
{
    const unsigned char *a = (const unsigned char *)str1;
    const unsigned char *b = (const unsigned char *)str2;

    for (;; a++, b++) {
        int d = ascii_lower(*a) - ascii_lower(*b);
        if (d || !*a)
            return d;
    }
}

APR_DECLARE(int) apr_cstr_casecmpn(const char *str1, const char *str2,
                                   apr_size_t n)
{
    const unsigned char *a = (const unsigned char *)str1;
    const unsigned char *b = (const unsigned char *)str2;

    for (; n; n--, a++, b++) {
        int d = ascii_lower(*a) - ascii_lower(*b);
        if (d || !*a)
            return d;
    }
    return 0;
}

/* apr_strtoi64 with the whole string consumed; ERANGE on overflow. */
static apr_status_t parse_i64(apr_int64_t *val, const char *str, int base)
{
    char *end;

    *val = apr_strtoi64(str, &end, base);
    if (errno == EINVAL || end == str || str[0] == '\0' || *end != '\0')
        return APR_EINVAL;
    if (errno == ERANGE)
        return APR_ERANGE;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_cstr_strtoi64(apr_int64_t *n, const char *str,
                                            apr_int64_t minval,
                                            apr_int64_t maxval, int base)
{
    apr_int64_t val;
    apr_status_t rv = parse_i64(&val, str, base);

    if (rv != APR_SUCCESS)
        return rv;
    if (val < minval || val > maxval)
        return APR_ERANGE;
    *n = val;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_cstr_atoi64(apr_int64_t *n, const char *str)
{
    return apr_cstr_strtoi64(n, str, APR_INT64_MIN, APR_INT64_MAX, 10);
}

APR_DECLARE(apr_status_t) apr_cstr_atoi(int *n, const char *str)
{
    apr_int64_t val;
    apr_status_t rv = apr_cstr_strtoi64(&val, str, APR_INT32_MIN,
                                        APR_INT32_MAX, 10);

    if (rv == APR_SUCCESS)
        *n = (int)val;
    return rv;
}

APR_DECLARE(apr_status_t) apr_cstr_strtoui64(apr_uint64_t *n, const char *str,
                                             apr_uint64_t minval,
                                             apr_uint64_t maxval, int base)
{
    apr_int64_t val;
    apr_status_t rv = parse_i64(&val, str, base);

    /* Parsed as signed: values above APR_INT64_MAX are out of range, as
     * APR documents. */
    if (rv != APR_SUCCESS)
        return rv;
    if (val < 0 || (apr_uint64_t)val < minval || (apr_uint64_t)val > maxval)
        return APR_ERANGE;
    *n = (apr_uint64_t)val;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_cstr_atoui64(apr_uint64_t *n, const char *str)
{
    return apr_cstr_strtoui64(n, str, 0, APR_UINT64_MAX, 10);
}

APR_DECLARE(apr_status_t) apr_cstr_atoui(unsigned int *n, const char *str)
{
    apr_uint64_t val;
    apr_status_t rv = apr_cstr_strtoui64(&val, str, 0, APR_UINT32_MAX, 10);

    if (rv == APR_SUCCESS)
        *n = (unsigned int)val;
    return rv;
}

APR_DECLARE(const char *) apr_cstr_skip_prefix(const char *str,
                                               const char *prefix)
{
    apr_size_t len = strlen(prefix);

    return strncmp(str, prefix, len) == 0 ? str + len : NULL;
}
