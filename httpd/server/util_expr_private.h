/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * Internals of the expression language (ap_expr.h), shared by
 * util_expr_scan.c (tokens), util_expr_parse.c (tree), util_expr_eval.c
 * (evaluation) and util_expr_funcs.c (built-in variables and functions).
 */
#ifndef UTIL_EXPR_PRIVATE_H
#define UTIL_EXPR_PRIVATE_H

#include "ap_expr.h"

/* ---- tree ------------------------------------------------------------ */

/* Node kinds. Conditions first, then words (string-valued nodes). */
typedef enum {
    AP__EXPR_TRUE,
    AP__EXPR_FALSE,
    AP__EXPR_NOT,       /* left */
    AP__EXPR_AND,       /* left, right */
    AP__EXPR_OR,        /* left, right */
    AP__EXPR_STR_EQ,    /* left, right (words) */
    AP__EXPR_STR_NE,
    AP__EXPR_STR_LT,
    AP__EXPR_STR_LE,
    AP__EXPR_STR_GT,
    AP__EXPR_STR_GE,
    AP__EXPR_INT_EQ,
    AP__EXPR_INT_NE,
    AP__EXPR_INT_LT,
    AP__EXPR_INT_LE,
    AP__EXPR_INT_GT,
    AP__EXPR_INT_GE,
    AP__EXPR_REG,       /* left word, regex */
    AP__EXPR_NREG,
    AP__EXPR_IN,        /* left word, right LIST or LISTFUNC */
    AP__EXPR_UNARY,     /* func/data, left word */
    AP__EXPR_BINARY,    /* func/data, left, right words */
    /* words */
    AP__EXPR_STRING,    /* str */
    AP__EXPR_CONCAT,    /* left, right */
    AP__EXPR_VAR,       /* func/data, str = name */
    AP__EXPR_STRFUNC,   /* func/data, left = argument, str = name */
    AP__EXPR_BACKREF,   /* num */
    AP__EXPR_LISTFUNC,  /* func/data, left = argument, str = name */
    AP__EXPR_LIST       /* left = word, right = next LIST node or NULL */
} ap__expr_op_e;

/* One node of a parsed expression (ap_expr_t is this struct). */
struct ap_expr_node {
    ap__expr_op_e op;
    const struct ap_expr_node *left;
    const struct ap_expr_node *right;
    const char *str;        /* literal text or name looked up */
    const void *func;       /* implementation from the lookup */
    const void *data;       /* its data */
    ap_regex_t *re;         /* compiled at parse time */
    int num;                /* back-reference number; for the string
                               comparisons: 1 = SSLRequire semantics */
};

/* The lookup API passes implementations as "const void *"; ISO C has no
 * conversion between function and object pointers, so go via a union
 * (both have the same representation on every platform APR supports). */
typedef union {
    const void *p;
    ap_expr_var_func_t *var;
    ap_expr_string_func_t *str;
    ap_expr_list_func_t *list;
    ap_expr_op_unary_t *unary;
    ap_expr_op_binary_t *binary;
} ap__expr_fn_u;

/* ---- tokens ---------------------------------------------------------- */

typedef enum {
    AP__TOK_END,        /* end of input */
    AP__TOK_ERROR,      /* lexical error, message in scanner */
    AP__TOK_TRUE,
    AP__TOK_FALSE,
    AP__TOK_NOT,        /* ! */
    AP__TOK_AND,        /* && */
    AP__TOK_OR,         /* || */
    AP__TOK_LPAREN,
    AP__TOK_RPAREN,
    AP__TOK_LBRACE,
    AP__TOK_RBRACE,
    AP__TOK_COMMA,
    AP__TOK_CONCAT,     /* . */
    AP__TOK_STR_EQ,     /* == or = */
    AP__TOK_STR_NE,
    AP__TOK_STR_LT,
    AP__TOK_STR_LE,
    AP__TOK_STR_GT,
    AP__TOK_STR_GE,
    AP__TOK_INT_EQ,     /* -eq or eq */
    AP__TOK_INT_NE,
    AP__TOK_INT_LT,
    AP__TOK_INT_LE,
    AP__TOK_INT_GT,
    AP__TOK_INT_GE,
    AP__TOK_REG,        /* =~ */
    AP__TOK_NREG,       /* !~ */
    AP__TOK_IN,         /* -in or in */
    AP__TOK_UNARY,      /* -x: text = "-x" */
    AP__TOK_BINARY,     /* -name: text = "-name" */
    AP__TOK_ID,         /* function name */
    AP__TOK_DIGIT,      /* [0-9]+ */
    AP__TOK_QUOTE,      /* ' or " opening a string */
    AP__TOK_VAR_BEGIN,  /* %{ */
    AP__TOK_BACKREF,    /* $0..$9: num */
    AP__TOK_UNKNOWN     /* anything else: "Parse error near" */
} ap__expr_tok_e;

/* Scanner state: a cursor over the (NUL-terminated) input. */
typedef struct {
    const char *input;      /* whole expression */
    const char *pos;        /* next byte to scan */
    apr_pool_t *pool;       /* for token texts */
    ap__expr_tok_e tok;     /* current token */
    const char *tok_start;  /* where it starts in input */
    const char *text;       /* its text (ID, DIGIT, operators) */
    int num;                /* back-reference number */
    char quote;             /* quote character of TOK_QUOTE */
    const char *error;      /* message of TOK_ERROR */
    int ssl_compat;         /* "and"/"or" are operators (SSLRequire) */
} ap__expr_scanner_t;

/** Start scanning @a input (call ap__expr_next() for the first token). */
void ap__expr_scan_init(ap__expr_scanner_t *sc, apr_pool_t *pool,
                        const char *input);

/** Advance to the next token of a condition. */
void ap__expr_next(ap__expr_scanner_t *sc);

/** Read a regex literal (/re/ or m#re#, optional i) at the cursor.
 *  @return 0, or -1 with sc->error set */
int ap__expr_scan_regex(ap__expr_scanner_t *sc, const char **pattern,
                        int *icase);

/** Read literal text of a string up to @a quote (0: end of input), "%{"
 *  or "$N", resolving backslash escapes. @return the text, or NULL when
 *  empty or on error (sc->error set) */
const char *ap__expr_scan_cstring(ap__expr_scanner_t *sc, char quote);

/** After "%{": read NAME} or NAME:arg}. *arg is NULL without ':'.
 *  @return 0, or -1 with sc->error set */
int ap__expr_scan_varname(ap__expr_scanner_t *sc, const char **name,
                          const char **arg);

/** Bison-like name of a token kind, for "unexpected X" messages. */
const char *ap__expr_tok_name(ap__expr_tok_e tok);

/* ---- evaluation ------------------------------------------------------ */

/** Evaluate a condition node: 1 true, 0 false (errors set *ctx->err). */
int ap__expr_eval_cond(ap_expr_eval_ctx_t *ctx, const ap_expr_t *node);

/** Evaluate a word node; never NULL (errors set *ctx->err). */
const char *ap__expr_eval_word(ap_expr_eval_ctx_t *ctx,
                               const ap_expr_t *node);

/** Lookup of the built-in names (DECLINED if @a parms names none). */
int ap__expr_builtin_lookup(ap_expr_lookup_parms *parms);

/** Lookup of the built-in variables (DECLINED if none is named). */
int ap__expr_var_lookup(ap_expr_lookup_parms *parms);

/** Add header @a name to the Vary list of @a ctx unless DONT_VARY. */
void ap__expr_add_vary(ap_expr_eval_ctx_t *ctx, const char *name);

/** Maximum nesting of the parser (parentheses, '!', function calls). */
#define AP__EXPR_MAX_DEPTH 64

#endif /* UTIL_EXPR_PRIVATE_H */
