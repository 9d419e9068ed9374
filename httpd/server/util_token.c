/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * Comma-separated lists and tokens of HTTP header values: items may
 * contain quoted strings ("a, b") and comments ((a, b)) in which commas
 * do not separate.
 */
#include "util_private.h"
#include "apr_strings.h"

/* Quote/comment state while walking a list item. */
typedef struct {
    int qpair;   /* the previous byte was a backslash */
    int qstr;    /* inside "..." */
    int com;     /* comment nesting depth */
} list_state;

/* Update the state with byte c; true if c is literal (quoted/comment). */
static int list_step(list_state *st, unsigned char c)
{
    int literal = st->qstr || st->com;

    if (st->qpair) {
        st->qpair = 0;
        return 1;
    }
    switch (c) {
    case '\\':
        st->qpair = 1;
        break;
    case '"':
        if (!st->com)
            st->qstr = !st->qstr;
        break;
    case '(':
        if (!st->qstr)
            ++st->com;
        break;
    case ')':
        if (st->com)
            --st->com;
        break;
    default:
        break;
    }
    return literal;
}

static const char *skip_separators(const char *s)
{
    while (*s == ',' || apr_isspace(*s))
        ++s;
    return s;
}

AP_DECLARE(const char *) ap_size_list_item(const char **field, int *len)
{
    const char *ptr = skip_separators(*field);
    const char *token = ptr;
    list_state st = { 0, 0, 0 };

    for (; *ptr; ++ptr) {
        if (*ptr == ',' && !st.qpair && !st.qstr && !st.com)
            break;
        list_step(&st, (unsigned char)*ptr);
    }
    *len = (int)(ptr - token);
    *field = *len ? skip_separators(ptr) : ptr;
    return *len ? token : NULL;
}

/* Write the canonical form of the item [s, e) to out (room for e - s + 1):
 * lower case outside quotes and comments, white space runs squeezed to
 * one space and dropped after '=', '/' and ';'. Returns the length. */
static apr_size_t canon_item(char *out, const char *s, const char *e)
{
    list_state st = { 0, 0, 0 };
    char *o = out;
    int space = 0; /* 1: a space is pending, -1: spaces are dropped */

    for (; s < e; ++s) {
        unsigned char c = (unsigned char)*s;
        int lit = st.qstr || st.com || st.qpair;

        if ((c == ' ' || c == '\t') && !lit) {
            if (!space)
                space = 1;
            continue;
        }
        list_step(&st, c);
        if (!lit && (c == '=' || c == '/' || c == ';')) {
            space = -1; /* no space on either side of these */
        }
        else {
            if (space == 1 && c != ')')
                *o++ = ' ';
            space = 0;
        }
        *o++ = lit ? (char)c : (char)apr_tolower(c);
    }
    *o = '\0';
    return (apr_size_t)(o - out);
}

/* The item [s, s + len) without trailing white space: its end. */
static const char *item_end(const char *s, int len)
{
    const char *e = s + len;

    while (e > s && apr_isspace(e[-1]))
        --e;
    return e;
}

AP_DECLARE(char *) ap_get_list_item(apr_pool_t *p, const char **field)
{
    int len;
    const char *s = ap_size_list_item(field, &len);
    const char *e;
    char *out;

    if (s == NULL)
        return NULL;
    e = item_end(s, len);
    out = apr_palloc(p, (apr_size_t)(e - s) + 1);
    canon_item(out, s, e);
    return out;
}

AP_DECLARE(int) ap_find_list_item(apr_pool_t *p, const char *line,
                                  const char *tok)
{
    char buf[256];
    const char *field = line;
    const char *s;
    int len;

    if (line == NULL || tok == NULL)
        return 0;
    while ((s = ap_size_list_item(&field, &len)) != NULL) {
        const char *e = item_end(s, len);
        apr_size_t n = (apr_size_t)(e - s);
        char *out = n < sizeof(buf) ? buf : apr_palloc(p, n + 1);

        canon_item(out, s, e);
        if (ap_cstr_casecmp(out, tok) == 0)
            return 1;
    }
    return 0;
}

/* Is the ETag [s, e) equal to tok, with the weak or strong comparison? */
static int etag_matches(const char *s, const char *e, const char *tok,
                        int strong)
{
    apr_size_t n;

    if (e - s >= 2 && s[0] == 'W' && s[1] == '/') {
        if (strong)
            return 0;
        s += 2;
    }
    if (tok[0] == 'W' && tok[1] == '/')
        tok += 2;
    n = (apr_size_t)(e - s);
    return strlen(tok) == n && memcmp(s, tok, n) == 0;
}

static int find_etag(const char *line, const char *tok, int strong)
{
    const char *field = line;
    const char *s;
    int len;

    if (line == NULL || tok == NULL)
        return 0;
    /* a weak validator never matches strongly */
    if (strong && tok[0] == 'W' && tok[1] == '/')
        return 0;
    while ((s = ap_size_list_item(&field, &len)) != NULL)
        if (etag_matches(s, item_end(s, len), tok, strong))
            return 1;
    return 0;
}

AP_DECLARE(int) ap_find_etag_weak(apr_pool_t *p, const char *line,
                                  const char *tok)
{
    return find_etag(line, tok, 0);
}

AP_DECLARE(int) ap_find_etag_strong(apr_pool_t *p, const char *line,
                                    const char *tok)
{
    return find_etag(line, tok, 1);
}

AP_DECLARE(const char *) ap_scan_http_field_content(const char *ptr)
{
    while (AP__TEST_CHAR(*ptr, AP__T_FIELD))
        ++ptr;
    return ptr;
}

AP_DECLARE(const char *) ap_scan_http_token(const char *ptr)
{
    while (AP__TEST_CHAR(*ptr, AP__T_TOKEN))
        ++ptr;
    return ptr;
}

AP_DECLARE(const char *) ap_scan_vchar_obstext(const char *ptr)
{
    while (AP__TEST_CHAR(*ptr, AP__T_VCHAR_OBS))
        ++ptr;
    return ptr;
}

static void push_token(apr_pool_t *p, apr_array_header_t **tokens,
                       const char *s, const char *e)
{
    if (*tokens == NULL)
        *tokens = apr_array_make(p, 4, sizeof(char *));
    APR_ARRAY_PUSH(*tokens, char *) =
        apr_pstrmemdup((*tokens)->pool, s, (apr_size_t)(e - s));
}

AP_DECLARE(const char *) ap_parse_token_list_strict(apr_pool_t *p,
                                                    const char *str_in,
                                                    apr_array_header_t **tokens,
                                                    int skip_invalid)
{
    const char *cur = str_in;

    if (str_in == NULL)
        return NULL;
    for (;;) {
        const char *s, *e;

        while (*cur == ' ' || *cur == '\t')
            ++cur;
        s = cur;
        e = cur = ap_scan_http_token(cur);
        while (*cur == ' ' || *cur == '\t')
            ++cur;
        if (*cur != ',' && *cur != '\0') {
            if (AP__TEST_CHAR(*cur, AP__T_TOKEN))
                return "Encountered illegal whitespace in token";
            if (!skip_invalid)
                return apr_psprintf(p, "Encountered illegal separator "
                                    "'\\x%.2x'", (unsigned)(unsigned char)*cur);
            /* drop the whole bad element */
            cur = strchr(cur, ',');
            if (cur == NULL)
                return NULL;
        }
        else if (e > s) {
            push_token(p, tokens, s, e); /* empty elements are allowed */
        }
        if (*cur == '\0')
            return NULL;
        ++cur;
    }
}

AP_DECLARE(char *) ap_get_token(apr_pool_t *p, const char **accept_line,
                                int accept_white)
{
    const char *ptr = *accept_line;
    const char *start;
    char *token;

    while (apr_isspace(*ptr))
        ++ptr;
    start = ptr;
    while (*ptr && (accept_white || !apr_isspace(*ptr))
           && *ptr != ';' && *ptr != ',') {
        if (*ptr++ == '"') /* a quoted string is part of the token */
            while (*ptr)
                if (*ptr++ == '"')
                    break;
    }
    token = apr_pstrmemdup(p, start, (apr_size_t)(ptr - start));
    while (apr_isspace(*ptr))
        ++ptr;
    *accept_line = ptr;
    return token;
}

AP_DECLARE(int) ap_find_token(apr_pool_t *p, const char *line,
                              const char *tok)
{
    apr_size_t tlen;
    const char *s = line;

    if (line == NULL || tok == NULL)
        return 0;
    tlen = strlen(tok);
    for (;;) {
        const char *start;

        while (*s && !AP__TEST_CHAR(*s, AP__T_TOKEN))
            ++s;
        if (!*s)
            return 0;
        start = s;
        s = ap_scan_http_token(s);
        if ((apr_size_t)(s - start) == tlen
            && ap_cstr_casecmpn(start, tok, tlen) == 0)
            return 1;
    }
}

AP_DECLARE(int) ap_find_last_token(apr_pool_t *p, const char *line,
                                   const char *tok)
{
    apr_size_t llen, tlen;

    if (line == NULL || tok == NULL)
        return 0;
    llen = strlen(line);
    tlen = strlen(tok);
    while (llen && apr_isspace(line[llen - 1]))
        --llen;
    if (tlen == 0 || llen < tlen)
        return 0;
    if (llen > tlen && !(apr_isspace(line[llen - tlen - 1])
                         || line[llen - tlen - 1] == ','))
        return 0;
    return ap_cstr_casecmpn(line + llen - tlen, tok, tlen) == 0;
}

AP_DECLARE(int) ap_is_chunked(apr_pool_t *p, const char *line)
{
    const char *field = line;
    const char *s;
    int len, chunked = 0;

    if (line == NULL)
        return 0;
    /* "chunked" must be the final coding, and appear only once */
    while ((s = ap_size_list_item(&field, &len)) != NULL) {
        const char *e = item_end(s, len);
        int is = (e - s == 7 && ap_cstr_casecmpn(s, "chunked", 7) == 0);

        if (is && chunked)
            return 0;
        chunked = is;
    }
    return chunked;
}
