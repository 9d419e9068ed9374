/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * Recursive-descent parser of the expression language, run once at
 * configuration time. Names are resolved through the lookup function
 * and regexes compiled here, so evaluation only walks the tree.
 *
 * Grammar (precedence low to high: ||, &&, !):
 *   expr  := and ("||" and)*
 *   and   := not ("&&" not)*
 *   not   := "!" not | "true" | "false" | "(" expr ")" | comp
 *   comp  := UNARY word | word (cmp word | ("=~"|"!~") regex
 *            | "in" ("{" word ("," word)* "}" | ID "(" word ")")
 *            | BINARY word)
 *   word  := term ("." term)*
 *   term  := DIGIT | quoted string | %{...} | $N | ID "(" word ")"
 * Chains of &&, || and "." are built right-deep so that evaluation can
 * iterate along them instead of recursing once per element.
 */
#include <string.h>

#include "apr_strings.h"
#include "httpd.h"
#include "http_config.h"

#include "util_expr_private.h"

typedef struct {
    ap__expr_scanner_t sc;
    apr_pool_t *pool;
    apr_pool_t *ptemp;
    ap_expr_info_t *info;
    ap_expr_lookup_fn_t *lookup;
    const char *error;
    int depth;
} parser_t;

static const ap_expr_t *parse_or(parser_t *p);
static const ap_expr_t *parse_word(parser_t *p);

static ap_expr_t *mknode(parser_t *p, ap__expr_op_e op)
{
    ap_expr_t *n = apr_pcalloc(p->pool, sizeof(*n));
    n->op = op;
    return n;
}

static void set_error(parser_t *p, const char *msg)
{
    if (p->error == NULL) {
        p->error = msg;
    }
}

/* The message for the current (unexpected) token. */
static void syntax_error(parser_t *p, const char *expecting)
{
    ap__expr_scanner_t *sc = &p->sc;

    if (sc->tok == AP__TOK_UNKNOWN) {
        set_error(p, apr_psprintf(p->ptemp, "Parse error near '%c'",
                                  *sc->tok_start));
        return;
    }
    set_error(p, apr_psprintf(p->ptemp, "syntax error, unexpected %s%s%s",
                              ap__expr_tok_name(sc->tok),
                              expecting ? ", expecting " : "",
                              expecting ? expecting : ""));
}

static int enter(parser_t *p)
{
    if (++p->depth > AP__EXPR_MAX_DEPTH) {
        set_error(p, "Expression nested too deeply");
        return 0;
    }
    return 1;
}

static int lookup(parser_t *p, int type, const char *name, const char *arg,
                  ap_expr_t *node)
{
    static const char *const kinds[] = {
        "Variable", "Function", "List function", "Unary operator",
        "Binary operator"
    };
    ap_expr_lookup_parms parms;
    const char *err = NULL;
    int rc;

    parms.type = type;
    parms.name = name;
    parms.flags = (int)p->info->flags;
    parms.pool = p->pool;
    parms.ptemp = p->ptemp;
    parms.func = &node->func;
    parms.data = &node->data;
    parms.err = &err;
    parms.arg = arg;
    rc = p->lookup(&parms);
    if (rc == OK && node->func != NULL) {
        return 1;
    }
    if (err == NULL) {
        err = apr_psprintf(p->ptemp, "%s '%s%s' does not exist", kinds[type],
                           type >= AP_EXPR_FUNC_OP_UNARY ? "-" : "", name);
    }
    set_error(p, err);
    return 0;
}

static const char *const_arg(const ap_expr_t *word)
{
    return (word && word->op == AP__EXPR_STRING) ? word->str : NULL;
}

/* %{NAME} or %{func:arg}, the cursor just after "%{". */
static const ap_expr_t *parse_var(parser_t *p)
{
    const char *name, *arg;
    ap_expr_t *n, *a;

    if (ap__expr_scan_varname(&p->sc, &name, &arg) != 0) {
        set_error(p, p->sc.error);
        return NULL;
    }
    if (arg == NULL) {
        n = mknode(p, AP__EXPR_VAR);
        n->str = name;
        return lookup(p, AP_EXPR_FUNC_VAR, name, NULL, n) ? n : NULL;
    }
    a = mknode(p, AP__EXPR_STRING);
    a->str = apr_pstrdup(p->pool, arg);
    n = mknode(p, AP__EXPR_STRFUNC);
    n->str = name;
    n->left = a;
    return lookup(p, AP_EXPR_FUNC_STRING, name, arg, n) ? n : NULL;
}

static const ap_expr_t *backref(parser_t *p, int num)
{
    ap_expr_t *n = mknode(p, AP__EXPR_BACKREF);
    n->num = num;
    return n;
}

/* Append @a part to the right-deep concatenation ending at *slot. */
static const ap_expr_t **append(parser_t *p, const ap_expr_t **slot,
                                const ap_expr_t *part)
{
    ap_expr_t *c;

    if (*slot == NULL) {
        *slot = part;
        return slot;
    }
    c = mknode(p, AP__EXPR_CONCAT);
    c->left = *slot;
    c->right = part;
    *slot = c;
    return &c->right;
}

/* Text up to @a quote (0: the end of the input), cursor inside it. */
static const ap_expr_t *parse_string_body(parser_t *p, char quote)
{
    ap__expr_scanner_t *sc = &p->sc;
    const ap_expr_t *head = NULL, **slot = &head, *part;

    for (;;) {
        const char *text = ap__expr_scan_cstring(sc, quote);
        if (sc->error) {
            set_error(p, sc->error);
            return NULL;
        }
        if (text) {
            ap_expr_t *s = mknode(p, AP__EXPR_STRING);
            s->str = text;
            part = s;
        }
        else if (*sc->pos == '\0' || *sc->pos == quote) {
            break;
        }
        else if (*sc->pos == '%') {
            sc->pos += 2;
            if ((part = parse_var(p)) == NULL) {
                return NULL;
            }
        }
        else {
            part = backref(p, sc->pos[1] - '0');
            sc->pos += 2;
        }
        slot = append(p, slot, part);
    }
    if (quote && *sc->pos != quote) {
        set_error(p, "Unterminated string or variable");
        return NULL;
    }
    if (head == NULL) {
        ap_expr_t *s = mknode(p, AP__EXPR_STRING);
        s->str = "";
        head = s;
    }
    if (quote) {
        sc->pos++;
    }
    return head;
}

/* ID "(" word ")" with the ID current. */
static const ap_expr_t *parse_call(parser_t *p, ap__expr_op_e op)
{
    ap_expr_t *n = mknode(p, op);
    const ap_expr_t *arg;

    n->str = p->sc.text;
    ap__expr_next(&p->sc);
    if (p->sc.tok != AP__TOK_LPAREN) {
        syntax_error(p, "'('");
        return NULL;
    }
    if (!enter(p)) {
        return NULL;
    }
    ap__expr_next(&p->sc);
    if ((arg = parse_word(p)) == NULL) {
        return NULL;
    }
    if (p->sc.tok != AP__TOK_RPAREN) {
        syntax_error(p, "T_OP_CONCAT or ')'");
        return NULL;
    }
    p->depth--;
    n->left = arg;
    if (!lookup(p, op == AP__EXPR_STRFUNC ? AP_EXPR_FUNC_STRING
                                          : AP_EXPR_FUNC_LIST,
                n->str, const_arg(arg), n)) {
        return NULL;
    }
    ap__expr_next(&p->sc);
    return n;
}

static const ap_expr_t *parse_term(parser_t *p)
{
    ap__expr_scanner_t *sc = &p->sc;
    const ap_expr_t *t;
    ap_expr_t *s;

    switch (sc->tok) {
    case AP__TOK_DIGIT:
        s = mknode(p, AP__EXPR_STRING);
        s->str = sc->text;
        t = s;
        break;
    case AP__TOK_QUOTE:
        t = parse_string_body(p, sc->quote);
        break;
    case AP__TOK_VAR_BEGIN:
        t = parse_var(p);
        break;
    case AP__TOK_BACKREF:
        t = backref(p, sc->num);
        break;
    case AP__TOK_ID:
        return parse_call(p, AP__EXPR_STRFUNC);
    default:
        syntax_error(p, NULL);
        return NULL;
    }
    if (t) {
        ap__expr_next(sc);
    }
    return t;
}

static const ap_expr_t *parse_word(parser_t *p)
{
    const ap_expr_t *head, **slot, *t;

    if ((head = parse_term(p)) == NULL) {
        return NULL;
    }
    slot = &head;
    while (p->sc.tok == AP__TOK_CONCAT) {
        ap__expr_next(&p->sc);
        if ((t = parse_term(p)) == NULL) {
            return NULL;
        }
        slot = append(p, slot, t);
    }
    return head;
}

/* "{" word ("," word)* "}" with "{" current. */
static const ap_expr_t *parse_list(parser_t *p)
{
    const ap_expr_t *head = NULL, **slot = &head, *w;

    do {
        ap_expr_t *item;
        ap__expr_next(&p->sc);
        if ((w = parse_word(p)) == NULL) {
            return NULL;
        }
        item = mknode(p, AP__EXPR_LIST);
        item->left = w;
        *slot = item;
        slot = &item->right;
    } while (p->sc.tok == AP__TOK_COMMA);
    if (p->sc.tok != AP__TOK_RBRACE) {
        syntax_error(p, "T_OP_CONCAT or ',' or '}'");
        return NULL;
    }
    ap__expr_next(&p->sc);
    return head;
}

static const ap_expr_t *parse_regex(parser_t *p, ap__expr_op_e op,
                                    const ap_expr_t *word)
{
    ap_expr_t *n = mknode(p, op);
    const char *pattern;
    int icase;

    if (ap__expr_scan_regex(&p->sc, &pattern, &icase) != 0) {
        if (p->sc.error) {
            set_error(p, p->sc.error);
        }
        else {
            ap__expr_next(&p->sc);
            syntax_error(p, "T_REGEX or T_REGEX_I");
        }
        return NULL;
    }
    n->re = ap_pregcomp(p->pool, pattern, icase ? AP_REG_ICASE : 0);
    if (n->re == NULL) {
        set_error(p, "Failed to compile regular expression");
        return NULL;
    }
    n->left = word;
    ap__expr_next(&p->sc);
    return n;
}

static const ap_expr_t *parse_in(parser_t *p, const ap_expr_t *word)
{
    ap_expr_t *n = mknode(p, AP__EXPR_IN);

    ap__expr_next(&p->sc);
    if (p->sc.tok == AP__TOK_LBRACE) {
        n->right = parse_list(p);
    }
    else if (p->sc.tok == AP__TOK_ID) {
        n->right = parse_call(p, AP__EXPR_LISTFUNC);
    }
    else {
        syntax_error(p, "'{' or T_ID");
        return NULL;
    }
    n->left = word;
    return n->right ? n : NULL;
}

static const ap_expr_t *parse_binary(parser_t *p, ap__expr_op_e op,
                                     const ap_expr_t *word)
{
    ap_expr_t *n = mknode(p, op);
    const char *name = p->sc.text;

    ap__expr_next(&p->sc);
    n->left = word;
    if ((n->right = parse_word(p)) == NULL) {
        return NULL;
    }
    if (op == AP__EXPR_BINARY
        && !lookup(p, AP_EXPR_FUNC_OP_BINARY, name + 1, const_arg(n->right),
                   n)) {
        return NULL;
    }
    n->str = name;
    return n;
}

/* SSLRequire knew one set of comparisons: "lt" meant "<", and ordering
 * compared lengths first. Keep that meaning for such expressions. */
static const ap_expr_t *parse_compare(parser_t *p, ap__expr_tok_e tok,
                                      const ap_expr_t *word)
{
    ap__expr_op_e op = AP__EXPR_STR_EQ + (tok - AP__TOK_STR_EQ);
    const ap_expr_t *n;

    if (!(p->info->flags & AP_EXPR_FLAG_SSL_EXPR_COMPAT)) {
        return parse_binary(p, op, word);
    }
    if (op >= AP__EXPR_INT_EQ) {
        op = AP__EXPR_STR_EQ + (op - AP__EXPR_INT_EQ);
    }
    if ((n = parse_binary(p, op, word)) != NULL) {
        ((ap_expr_t *)n)->num = 1;
    }
    return n;
}

static const ap_expr_t *parse_comp(parser_t *p)
{
    const ap_expr_t *w = parse_word(p);
    ap__expr_tok_e tok = p->sc.tok;

    if (w == NULL) {
        return NULL;
    }
    if (tok >= AP__TOK_STR_EQ && tok <= AP__TOK_INT_GE) {
        return parse_compare(p, tok, w);
    }
    switch (tok) {
    case AP__TOK_REG:
        return parse_regex(p, AP__EXPR_REG, w);
    case AP__TOK_NREG:
        return parse_regex(p, AP__EXPR_NREG, w);
    case AP__TOK_IN:
        return parse_in(p, w);
    case AP__TOK_BINARY:
        return parse_binary(p, AP__EXPR_BINARY, w);
    default:
        syntax_error(p, NULL);
        return NULL;
    }
}

static const ap_expr_t *parse_unary(parser_t *p)
{
    ap_expr_t *n = mknode(p, AP__EXPR_UNARY);
    const char *name = p->sc.text;

    ap__expr_next(&p->sc);
    if ((n->left = parse_word(p)) == NULL) {
        return NULL;
    }
    n->str = name;
    return lookup(p, AP_EXPR_FUNC_OP_UNARY, name + 1, const_arg(n->left), n)
           ? n : NULL;
}

static const ap_expr_t *parse_not(parser_t *p)
{
    const ap_expr_t *inner;
    ap_expr_t *n;

    switch (p->sc.tok) {
    case AP__TOK_NOT:
        if (!enter(p)) {
            return NULL;
        }
        ap__expr_next(&p->sc);
        if ((inner = parse_not(p)) == NULL) {
            return NULL;
        }
        p->depth--;
        n = mknode(p, AP__EXPR_NOT);
        n->left = inner;
        return n;
    case AP__TOK_TRUE:
    case AP__TOK_FALSE:
        n = mknode(p, p->sc.tok == AP__TOK_TRUE ? AP__EXPR_TRUE
                                                : AP__EXPR_FALSE);
        ap__expr_next(&p->sc);
        return n;
    case AP__TOK_LPAREN:
        if (!enter(p)) {
            return NULL;
        }
        ap__expr_next(&p->sc);
        if ((inner = parse_or(p)) == NULL) {
            return NULL;
        }
        if (p->sc.tok != AP__TOK_RPAREN) {
            syntax_error(p, "T_OP_OR or T_OP_AND or ')'");
            return NULL;
        }
        p->depth--;
        ap__expr_next(&p->sc);
        return inner;
    case AP__TOK_UNARY:
        return parse_unary(p);
    default:
        return parse_comp(p);
    }
}

/* One level of && or ||, built right-deep. */
static const ap_expr_t *parse_chain(parser_t *p, ap__expr_tok_e tok,
                                    ap__expr_op_e op,
                                    const ap_expr_t *(*sub)(parser_t *))
{
    const ap_expr_t *head, **slot, *rhs;

    if ((head = sub(p)) == NULL) {
        return NULL;
    }
    slot = &head;
    while (p->sc.tok == tok) {
        ap_expr_t *n;
        ap__expr_next(&p->sc);
        if ((rhs = sub(p)) == NULL) {
            return NULL;
        }
        n = mknode(p, op);
        n->left = *slot;
        n->right = rhs;
        *slot = n;
        slot = &n->right;
    }
    return head;
}

static const ap_expr_t *parse_and(parser_t *p)
{
    return parse_chain(p, AP__TOK_AND, AP__EXPR_AND, parse_not);
}

static const ap_expr_t *parse_or(parser_t *p)
{
    return parse_chain(p, AP__TOK_OR, AP__EXPR_OR, parse_and);
}

static const ap_expr_t *parse_root(parser_t *p)
{
    const ap_expr_t *root;

    if (p->info->flags & AP_EXPR_FLAG_STRING_RESULT) {
        return parse_string_body(p, 0);
    }
    ap__expr_next(&p->sc);
    root = parse_or(p);
    if (root && p->sc.tok != AP__TOK_END) {
        syntax_error(p, "$end");
        return NULL;
    }
    return root;
}

AP_DECLARE(const char *) ap_expr_parse(apr_pool_t *pool, apr_pool_t *ptemp,
                                       ap_expr_info_t *info, const char *expr,
                                       ap_expr_lookup_fn_t *lookup_fn)
{
    parser_t p;
    const ap_expr_t *root;

    memset(&p, 0, sizeof(p));
    p.pool = pool;
    p.ptemp = ptemp ? ptemp : pool;
    p.info = info;
    p.lookup = lookup_fn ? lookup_fn : ap_expr_lookup_default;
    ap__expr_scan_init(&p.sc, pool, expr ? expr : "");
    p.sc.ssl_compat = (info->flags & AP_EXPR_FLAG_SSL_EXPR_COMPAT) != 0;
    root = parse_root(&p);
    if (root == NULL) {
        info->root_node = NULL;
        return p.error ? p.error : "Internal error in expression parser";
    }
    /* The tree is never modified after this point. */
    info->root_node = (ap_expr_t *)root;
    return NULL;
}

AP_DECLARE(ap_expr_info_t *) ap_expr_parse_cmd_mi(const cmd_parms *cmd,
                                                  const char *expr,
                                                  unsigned int flags,
                                                  const char **err,
                                                  ap_expr_lookup_fn_t *lookup_fn,
                                                  int module_index)
{
    ap_expr_info_t *info = apr_pcalloc(cmd->pool, sizeof(*info));

    info->filename = cmd->directive ? cmd->directive->filename : NULL;
    info->line_number = cmd->directive ? (unsigned)cmd->directive->line_num
                                       : 0;
    info->flags = flags;
    info->module_index = module_index;
    *err = ap_expr_parse(cmd->pool, cmd->temp_pool, info, expr, lookup_fn);
    return *err ? NULL : info;
}
