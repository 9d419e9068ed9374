/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * Tokenizer of the expression language. The parser drives it: plain
 * tokens come from ap__expr_next(); the contents of quoted strings,
 * %{...} and regexes are read by the dedicated functions below, because
 * their lexical rules differ from the rest of a condition.
 */
#include <string.h>

#include "apr_strings.h"
#include "httpd.h"

#include "util_expr_private.h"

#define UNTERMINATED "Unterminated string or variable"

void ap__expr_scan_init(ap__expr_scanner_t *sc, apr_pool_t *pool,
                        const char *input)
{
    memset(sc, 0, sizeof(*sc));
    sc->input = input;
    sc->pos = input;
    sc->pool = pool;
    sc->tok_start = input;
}

/* Fixed punctuation, longest first so "==" wins over "=". */
static const struct {
    const char *text;
    ap__expr_tok_e tok;
} punct[] = {
    { "&&", AP__TOK_AND },    { "||", AP__TOK_OR },
    { "==", AP__TOK_STR_EQ }, { "!=", AP__TOK_STR_NE },
    { "<=", AP__TOK_STR_LE }, { ">=", AP__TOK_STR_GE },
    { "=~", AP__TOK_REG },    { "!~", AP__TOK_NREG },
    { "=", AP__TOK_STR_EQ },  { "<", AP__TOK_STR_LT },
    { ">", AP__TOK_STR_GT },  { "!", AP__TOK_NOT },
    { "(", AP__TOK_LPAREN },  { ")", AP__TOK_RPAREN },
    { "{", AP__TOK_LBRACE },  { "}", AP__TOK_RBRACE },
    { ",", AP__TOK_COMMA },   { ".", AP__TOK_CONCAT },
};

/* Words that are operators, with or without a leading '-'. */
static const struct {
    const char *name;
    ap__expr_tok_e tok;
} wordops[] = {
    { "eq", AP__TOK_INT_EQ }, { "ne", AP__TOK_INT_NE },
    { "lt", AP__TOK_INT_LT }, { "le", AP__TOK_INT_LE },
    { "gt", AP__TOK_INT_GT }, { "ge", AP__TOK_INT_GE },
    { "in", AP__TOK_IN },
};

static int is_idstart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_idchar(char c)
{
    return is_idstart(c) || (c >= '0' && c <= '9');
}

static int scan_punct(ap__expr_scanner_t *sc)
{
    apr_size_t i;

    for (i = 0; i < sizeof(punct) / sizeof(punct[0]); i++) {
        apr_size_t n = strlen(punct[i].text);
        if (strncmp(sc->pos, punct[i].text, n) == 0) {
            sc->tok = punct[i].tok;
            sc->text = punct[i].text;
            sc->pos += n;
            return 1;
        }
    }
    return 0;
}

static ap__expr_tok_e word_op(const char *s, apr_size_t n)
{
    apr_size_t i;

    for (i = 0; i < sizeof(wordops) / sizeof(wordops[0]); i++) {
        if (n == 2 && strncmp(s, wordops[i].name, 2) == 0) {
            return wordops[i].tok;
        }
    }
    return AP__TOK_ID;
}

/* "-x" (unary), "-name" (binary or one of the word operators). */
static void scan_dash(ap__expr_scanner_t *sc)
{
    const char *end = sc->pos + 2;
    ap__expr_tok_e tok;

    while (is_idchar(*end)) {
        end++;
    }
    sc->text = apr_pstrmemdup(sc->pool, sc->pos, end - sc->pos);
    tok = word_op(sc->pos + 1, end - sc->pos - 1);
    if (tok != AP__TOK_ID) {
        sc->tok = tok;
    }
    else {
        sc->tok = (end - sc->pos == 2) ? AP__TOK_UNARY : AP__TOK_BINARY;
    }
    sc->pos = end;
}

static void scan_id(ap__expr_scanner_t *sc)
{
    const char *end = sc->pos;
    apr_size_t n;

    while (is_idchar(*end)) {
        end++;
    }
    n = end - sc->pos;
    sc->text = apr_pstrmemdup(sc->pool, sc->pos, n);
    sc->pos = end;
    if (strcmp(sc->text, "true") == 0) {
        sc->tok = AP__TOK_TRUE;
    }
    else if (strcmp(sc->text, "false") == 0) {
        sc->tok = AP__TOK_FALSE;
    }
    else if (sc->ssl_compat && strcmp(sc->text, "and") == 0) {
        sc->tok = AP__TOK_AND;
    }
    else if (sc->ssl_compat && strcmp(sc->text, "or") == 0) {
        sc->tok = AP__TOK_OR;
    }
    else {
        sc->tok = word_op(sc->text, n);
    }
}

static void scan_digits(ap__expr_scanner_t *sc)
{
    const char *end = sc->pos;

    while (*end >= '0' && *end <= '9') {
        end++;
    }
    sc->tok = AP__TOK_DIGIT;
    sc->text = apr_pstrmemdup(sc->pool, sc->pos, end - sc->pos);
    sc->pos = end;
}

void ap__expr_next(ap__expr_scanner_t *sc)
{
    const char *p;

    while (*sc->pos == ' ' || *sc->pos == '\t' || *sc->pos == '\n'
           || *sc->pos == '\r') {
        sc->pos++;
    }
    p = sc->pos;
    sc->tok_start = p;
    sc->text = NULL;
    if (*p == '\0') {
        sc->tok = AP__TOK_END;
    }
    else if (*p == '\'' || *p == '"') {
        sc->tok = AP__TOK_QUOTE;
        sc->quote = *p;
        sc->pos++;
    }
    else if (p[0] == '%' && p[1] == '{') {
        sc->tok = AP__TOK_VAR_BEGIN;
        sc->pos += 2;
    }
    else if (p[0] == '$' && p[1] >= '0' && p[1] <= '9') {
        sc->tok = AP__TOK_BACKREF;
        sc->num = p[1] - '0';
        sc->pos += 2;
    }
    else if (p[0] == '-' && is_idstart(p[1])) {
        scan_dash(sc);
    }
    else if (is_idstart(*p)) {
        scan_id(sc);
    }
    else if (*p >= '0' && *p <= '9') {
        scan_digits(sc);
    }
    else if (!scan_punct(sc)) {
        sc->tok = AP__TOK_UNKNOWN;
    }
}

int ap__expr_scan_regex(ap__expr_scanner_t *sc, const char **pattern,
                        int *icase)
{
    const char *p = sc->pos, *start, *end;
    char delim;

    while (*p == ' ' || *p == '\t') {
        p++;
    }
    sc->tok_start = p;
    if (*p == '/') {
        delim = '/';
        p++;
    }
    else if (*p == 'm' && p[1] != '\0' && strchr("#$%^,;/", p[1])) {
        delim = p[1];
        p += 2;
    }
    else {
        sc->error = NULL;
        return -1;
    }
    start = p;
    end = strchr(start, delim);
    if (end == NULL) {
        sc->error = "Unterminated regexp";
        return -1;
    }
    *pattern = apr_pstrmemdup(sc->pool, start, end - start);
    p = end + 1;
    *icase = 0;
    if (*p == 'i') {
        *icase = 1;
        p++;
    }
    sc->pos = p;
    return 0;
}

/* One backslash escape at *pp (just after the '\'); -1 if invalid. */
static int scan_escape(const char **pp)
{
    const char *p = *pp;
    int v = 0, i;

    switch (*p) {
    case 'n': *pp = p + 1; return '\n';
    case 'r': *pp = p + 1; return '\r';
    case 't': *pp = p + 1; return '\t';
    case 'b': *pp = p + 1; return '\b';
    case 'f': *pp = p + 1; return '\f';
    case '\0': return -1;
    case '8': case '9': return -1;
    default: break;
    }
    if (*p < '0' || *p > '7') {
        *pp = p + 1;
        return (unsigned char)*p;
    }
    for (i = 0; i < 3 && *p >= '0' && *p <= '7'; i++, p++) {
        v = v * 8 + (*p - '0');
    }
    *pp = p;
    return (v == 0 || v > 0xff) ? -1 : v;
}

static int at_part_end(const char *p, char quote)
{
    if (*p == '\0' || (quote && *p == quote)) {
        return 1;
    }
    if (p[0] == '%' && p[1] == '{') {
        return 1;
    }
    return p[0] == '$' && p[1] >= '0' && p[1] <= '9';
}

const char *ap__expr_scan_cstring(ap__expr_scanner_t *sc, char quote)
{
    const char *p = sc->pos;
    char *out, *o;

    sc->error = NULL;
    if (at_part_end(p, quote)) {
        return NULL;
    }
    /* Escapes only shrink the text, so the input length is enough. */
    out = o = apr_palloc(sc->pool, strlen(p) + 1);
    while (!at_part_end(p, quote)) {
        if (*p == '\\') {
            int c;
            p++;
            c = scan_escape(&p);
            if (c < 0) {
                sc->error = "Bad escape sequence";
                sc->pos = p;
                return NULL;
            }
            *o++ = (char)c;
        }
        else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    sc->pos = p;
    return out;
}

int ap__expr_scan_varname(ap__expr_scanner_t *sc, const char **name,
                          const char **arg)
{
    const char *p = sc->pos, *start = p, *close;

    if (!is_idstart(*p)) {
        sc->error = (*p == '\0') ? UNTERMINATED : "Bad variable name";
        return -1;
    }
    while (is_idchar(*p)) {
        p++;
    }
    *name = apr_pstrmemdup(sc->pool, start, p - start);
    *arg = NULL;
    if (*p == '}') {
        sc->pos = p + 1;
        return 0;
    }
    if (*p != ':') {
        sc->error = (*p == '\0') ? UNTERMINATED : "Bad variable name";
        return -1;
    }
    p++;
    close = strchr(p, '}');
    if (close == NULL) {
        sc->error = UNTERMINATED;
        return -1;
    }
    if (close == p || memchr(p, '{', close - p) != NULL) {
        sc->error = "Bad variable argument";
        return -1;
    }
    *arg = apr_pstrmemdup(sc->pool, p, close - p);
    sc->pos = close + 1;
    return 0;
}

const char *ap__expr_tok_name(ap__expr_tok_e tok)
{
    static const char *const names[] = {
        "$end", "T_ERROR", "T_TRUE", "T_FALSE", "T_OP_NOT", "T_OP_AND",
        "T_OP_OR", "'('", "')'", "'{'", "'}'", "','", "T_OP_CONCAT",
        "T_OP_STR_EQ", "T_OP_STR_NE", "T_OP_STR_LT", "T_OP_STR_LE",
        "T_OP_STR_GT", "T_OP_STR_GE", "T_OP_EQ", "T_OP_NE", "T_OP_LT",
        "T_OP_LE", "T_OP_GT", "T_OP_GE", "T_OP_REG", "T_OP_NRE",
        "T_OP_IN", "T_OP_UNARY", "T_OP_BINARY", "T_ID", "T_DIGIT",
        "T_STR_BEGIN", "T_VAR_BEGIN", "T_REGEX_BACKREF", "T_ERROR"
    };

    if ((unsigned)tok < sizeof(names) / sizeof(names[0])) {
        return names[tok];
    }
    return "T_ERROR";
}
