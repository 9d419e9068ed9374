/*
 * Bounded copying, white space removal and command line splitting.
 */
#include "apr_strings.h"
#include "apr_lib.h"

#include <string.h>

APR_DECLARE(char *) apr_cpystrn(char *dst, const char *src,
                                apr_size_t dst_size)
{
    char *d = dst, *end;

    if (dst_size == 0)
        return dst;
    for (end = dst + dst_size - 1; d < end; d++, src++) {
        if ((*d = *src) == '\0')
            return d;
    }
    *d = '\0';
    return d;
}

APR_DECLARE(char *) apr_collapse_spaces(char *dest, const char *src)
{
    for (; *src; src++) {
        if (!apr_isspace(*src))
            *dest++ = *src;
    }
    *dest = '\0';
    return dest;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/*
 * The end of the argument starting at @s: the first blank (unquoted), the
 * closing quote, or the NUL. A backslash before a blank or a quote keeps
 * that character in the argument.
 */
static const char *arg_end(const char *s, char quote)
{
    for (; *s; s++) {
        if (*s == '\\' && (is_blank(s[1]) || s[1] == '"' || s[1] == '\'')) {
            s++;
            continue;
        }
        if (quote ? *s == quote : is_blank(*s))
            break;
    }
    return s;
}

/* Where the next argument starts and whether it is quoted. */
static const char *arg_start(const char *s, char *quote)
{
    while (is_blank(*s))
        s++;
    *quote = 0;
    if (*s == '"' || *s == '\'')
        *quote = *s++;
    return s;
}

/* Copy [s, e) and drop the escaping backslashes ("\\\\" keeps one). */
static char *unescape(const char *s, const char *e, apr_pool_t *p)
{
    char *res = apr_palloc(p, (apr_size_t)(e - s) + 1), *d = res;
    int escaped = 0;

    for (; s < e; s++) {
        if (!escaped && *s == '\\') {
            escaped = 1;
            continue;
        }
        escaped = 0;
        *d++ = *s;
    }
    *d = '\0';
    return res;
}

APR_DECLARE(apr_status_t) apr_tokenize_to_argv(const char *arg_str,
                                               char ***argv_out,
                                               apr_pool_t *token_context)
{
    const char *s, *e;
    apr_size_t n = 0, i;
    char quote;
    char **argv;

    /* Count first, so that the vector is one allocation. */
    for (s = arg_str; *(s = arg_start(s, &quote)) || quote; n++) {
        e = arg_end(s, quote);
        s = *e ? e + 1 : e;
    }
    argv = apr_palloc(token_context, (n + 1) * sizeof(char *));
    for (s = arg_str, i = 0; i < n; i++) {
        s = arg_start(s, &quote);
        e = arg_end(s, quote);
        argv[i] = unescape(s, e, token_context);
        s = *e ? e + 1 : e;
    }
    argv[n] = NULL;
    *argv_out = argv;
    return APR_SUCCESS;
}
