/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * Escaping for URLs, HTML, logs and shells. Each function sizes its output
 * first (worst case or exact count) so no result is ever truncated unless
 * the caller gave a fixed buffer.
 */
#include "util_private.h"
#include "apr_strings.h"

AP_DECLARE(char *) ap_escape_path_segment_buffer(char *c, const char *s)
{
    const unsigned char *in = (const unsigned char *)s;
    char *d = c;

    for (; *in; ++in) {
        if (AP__TEST_CHAR(*in, AP__T_SEGMENT_KEEP))
            *d++ = (char)*in;
        else
            d = ap__pct_encode(d, *in);
    }
    *d = '\0';
    return c;
}

AP_DECLARE(char *) ap_escape_path_segment(apr_pool_t *p, const char *s)
{
    return ap_escape_path_segment_buffer(apr_palloc(p, 3 * strlen(s) + 1), s);
}

AP_DECLARE(char *) ap_os_escape_path(apr_pool_t *p, const char *path,
                                     int partial)
{
    char *copy = apr_palloc(p, 3 * strlen(path) + 3);
    const unsigned char *in = (const unsigned char *)path;
    char *d = copy;

    if (!partial) {
        /* "a:b/c" would read as a URL with scheme "a": make it relative */
        const char *colon = strchr(path, ':');
        const char *slash = strchr(path, '/');

        if (colon && (!slash || colon < slash)) {
            *d++ = '.';
            *d++ = '/';
        }
    }
    for (; *in; ++in) {
        if (AP__TEST_CHAR(*in, AP__T_PATH_KEEP))
            *d++ = (char)*in;
        else
            d = ap__pct_encode(d, *in);
    }
    *d = '\0';
    return copy;
}

AP_DECLARE(char *) ap_escape_urlencoded_buffer(char *copy, const char *buffer)
{
    const unsigned char *in = (const unsigned char *)buffer;
    char *d = copy;

    for (; *in; ++in) {
        if (*in == ' ')
            *d++ = '+';
        else if (AP__TEST_CHAR(*in, AP__T_URLENC_KEEP))
            *d++ = (char)*in;
        else
            d = ap__pct_encode(d, *in);
    }
    *d = '\0';
    return copy;
}

AP_DECLARE(char *) ap_escape_urlencoded(apr_pool_t *p, const char *buffer)
{
    return ap_escape_urlencoded_buffer(apr_palloc(p, 3 * strlen(buffer) + 1),
                                       buffer);
}

/* The HTML entity of c, or NULL if c is written as is. */
static const char *html_entity(unsigned char c)
{
    switch (c) {
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '&': return "&amp;";
    case '"': return "&quot;";
    default:  return NULL;
    }
}

AP_DECLARE(char *) ap_escape_html2(apr_pool_t *p, const char *s, int toasc)
{
    const unsigned char *in;
    apr_size_t len = 0;
    char *out, *d;

    for (in = (const unsigned char *)s; *in; ++in) {
        const char *ent = html_entity(*in);

        if (ent)
            len += strlen(ent);
        else if (toasc && *in >= 0x80)
            len += 6; /* "&#NNN;" */
        else
            len++;
    }
    out = d = apr_palloc(p, len + 1);
    for (in = (const unsigned char *)s; *in; ++in) {
        const char *ent = html_entity(*in);

        if (ent) {
            apr_size_t n = strlen(ent);

            memcpy(d, ent, n);
            d += n;
        }
        else if (toasc && *in >= 0x80) {
            *d++ = '&';
            *d++ = '#';
            *d++ = (char)('0' + *in / 100);
            *d++ = (char)('0' + (*in / 10) % 10);
            *d++ = (char)('0' + *in % 10);
            *d++ = ';';
        }
        else {
            *d++ = (char)*in;
        }
    }
    *d = '\0';
    return out;
}

/* The letter of a C escape for c ('\n' -> 'n'), or 0. */
static char c_escape_letter(unsigned char c)
{
    switch (c) {
    case '\b': return 'b';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    case '\v': return 'v';
    case '\\': return '\\';
    case '"':  return '"';
    default:   return 0;
    }
}

/* Escape c (a byte of class AP__T_LOG_ESC) at d; returns the new end. */
static char *log_escape(char *d, unsigned char c)
{
    char letter = c_escape_letter(c);

    *d++ = '\\';
    if (letter) {
        *d++ = letter;
        return d;
    }
    ap__pct_encode(d, c);
    *d = 'x'; /* "\xhh" rather than "%hh" */
    return d + 3;
}

AP_DECLARE(char *) ap_escape_logitem(apr_pool_t *p, const char *str)
{
    const unsigned char *in;
    apr_size_t len = 0, esc = 0;
    char *out, *d;

    if (str == NULL)
        return NULL;
    for (in = (const unsigned char *)str; *in; ++in, ++len)
        if (AP__TEST_CHAR(*in, AP__T_LOG_ESC))
            esc++;
    if (esc == 0)
        return (char *)str;
    out = d = apr_palloc(p, len + 3 * esc + 1);
    for (in = (const unsigned char *)str; *in; ++in) {
        if (AP__TEST_CHAR(*in, AP__T_LOG_ESC))
            d = log_escape(d, *in);
        else
            *d++ = (char)*in;
    }
    *d = '\0';
    return out;
}

AP_DECLARE(apr_size_t) ap_escape_errorlog_item(char *dest, const char *source,
                                               apr_size_t buflen)
{
    const unsigned char *in = (const unsigned char *)source;
    char *d = dest;
    char *end;

    if (buflen == 0)
        return 0;
    end = dest + buflen - 1;
    if (source == NULL) {
        *d = '\0';
        return 0;
    }
    for (; *in && d < end; ++in) {
        char tmp[4];
        apr_size_t n;

        /* quotes need no escaping in the error log */
        if (!AP__TEST_CHAR(*in, AP__T_LOG_ESC) || *in == '"') {
            *d++ = (char)*in;
            continue;
        }
        n = (apr_size_t)(log_escape(tmp, *in) - tmp);
        if (n > (apr_size_t)(end - d))
            break; /* never write half an escape */
        memcpy(d, tmp, n);
        d += n;
    }
    *d = '\0';
    return (apr_size_t)(d - dest);
}

AP_DECLARE(char *) ap_escape_shell_cmd(apr_pool_t *p, const char *str)
{
    const unsigned char *in = (const unsigned char *)str;
    char *cmd = apr_palloc(p, 2 * strlen(str) + 1);
    char *d = cmd;

    for (; *in; ++in) {
        if (AP__TEST_CHAR(*in, AP__T_SHELL))
            *d++ = '\\';
        *d++ = (char)*in;
    }
    *d = '\0';
    return cmd;
}

AP_DECLARE(char *) ap_escape_quotes(apr_pool_t *p, const char *instring)
{
    const char *in;
    apr_size_t len = 0;
    char *out, *d;

    for (in = instring; *in; ++in, ++len)
        if (*in == '"')
            len++;
    out = d = apr_palloc(p, len + 1);
    for (in = instring; *in; ++in) {
        /* an escaped character (even a quote) stays as it is */
        if (*in == '\\' && in[1] != '\0') {
            *d++ = *in++;
            *d++ = *in;
            continue;
        }
        if (*in == '"')
            *d++ = '\\';
        *d++ = *in;
    }
    *d = '\0';
    return out;
}
