/* util_cfg_word.c: splitting a directive's arguments into words.
 *
 * Words are separated by white space.  A word may be quoted with " or ';
 * inside quotes \" (or \') and \\ stand for the quote and the backslash.
 * Outside quotes only \\ is special.  An unterminated quote runs to the end
 * of the line.  ap_getword_conf2 also accepts { ... } with nesting, for
 * expressions. */
#include <string.h>

#include "apr_lib.h"
#include "apr_strings.h"

#include "httpd.h"

/* Copies len bytes of a word, undoing the escapes described above. */
static char *unescape_word(apr_pool_t *p, const char *s, apr_size_t len,
                           char quote)
{
    char *res = apr_palloc(p, len + 1);
    char *out = res;
    apr_size_t i;

    for (i = 0; i < len; ++i) {
        if (s[i] == '\\' && i + 1 < len
            && (s[i + 1] == '\\' || (quote && s[i + 1] == quote))) {
            ++i;
        }
        *out++ = s[i];
    }
    *out = '\0';
    return res;
}

/* Scans a quoted word starting after the opening quote; returns where
 * the scan stopped (on the closing quote or the end of the line). */
static const char *scan_quoted(const char *s, char quote)
{
    while (*s && *s != quote) {
        if (s[0] == '\\' && (s[1] == quote || s[1] == '\\')) {
            s += 2;
        }
        else {
            ++s;
        }
    }
    return s;
}

static const char *skip_space(const char *s)
{
    while (apr_isspace(*s)) {
        ++s;
    }
    return s;
}

AP_DECLARE(char *) ap_getword_conf(apr_pool_t *p, const char **line)
{
    const char *str = skip_space(*line);
    const char *end;
    char *res;
    char quote = *str;

    if (quote == '\0') {
        *line = str;
        return apr_pstrdup(p, "");
    }
    if (quote == '"' || quote == '\'') {
        end = scan_quoted(str + 1, quote);
        res = unescape_word(p, str + 1, (apr_size_t)(end - str - 1), quote);
        if (*end == quote) {
            ++end;
        }
    }
    else {
        end = str;
        while (*end && !apr_isspace(*end)) {
            ++end;
        }
        res = unescape_word(p, str, (apr_size_t)(end - str), 0);
    }
    *line = skip_space(end);
    return res;
}

AP_DECLARE(char *) ap_getword_conf_nc(apr_pool_t *p, char **line)
{
    return ap_getword_conf(p, (const char **)line);
}

/* End of a { ... } word, braces nesting; stops on the matching } or at
 * the end of the line.  \\ is skipped so that "\\}" is not a brace. */
static const char *scan_braces(const char *s)
{
    int depth = 1;

    for (; *s; ++s) {
        if (*s == '}' && --depth == 0) {
            break;
        }
        if (*s == '{') {
            ++depth;
        }
        if (s[0] == '\\' && s[1] == '\\') {
            ++s;
        }
    }
    return s;
}

AP_DECLARE(char *) ap_getword_conf2(apr_pool_t *p, const char **line)
{
    const char *str = skip_space(*line);
    const char *end;
    char *res;

    if (*str != '{') {
        return ap_getword_conf(p, line);
    }
    end = scan_braces(str + 1);
    res = unescape_word(p, str + 1, (apr_size_t)(end - str - 1), 0);
    if (*end == '}') {
        ++end;
    }
    *line = skip_space(end);
    return res;
}

AP_DECLARE(char *) ap_getword_conf2_nc(apr_pool_t *p, char **line)
{
    return ap_getword_conf2(p, (const char **)line);
}
