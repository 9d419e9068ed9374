/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * Evaluation of parsed expressions. Runs per request (<If>, Require
 * expr, expr=...): no parsing or regex compilation here, and words that
 * are literals or variables are used in place without copying.
 */
#include <string.h>

#include "apr_strings.h"
#include "httpd.h"
#include "http_log.h"
#include "http_request.h"

#include "util_expr_private.h"

APLOG_USE_MODULE(core);

APR_HOOK_STRUCT(
    APR_HOOK_LINK(expr_lookup)
)

AP_IMPLEMENT_HOOK_RUN_FIRST(int, expr_lookup, (ap_expr_lookup_parms *parms),
                            (parms), DECLINED)

AP_DECLARE_NONSTD(int) ap_expr_lookup_default(ap_expr_lookup_parms *parms)
{
    int rc = ap__expr_builtin_lookup(parms);

    if (rc != DECLINED) {
        return rc;
    }
    return ap_run_expr_lookup(parms);
}

void ap_expr_init(apr_pool_t *pool)
{
    /* The built-in names need no registration: ap_expr_lookup_default()
     * consults them before the hook. Kept for Apache's start-up order. */
    (void)pool;
}

void ap__expr_add_vary(ap_expr_eval_ctx_t *ctx, const char *name)
{
    if (ctx->vary_this == NULL || ctx->info == NULL
        || (ctx->info->flags & AP_EXPR_FLAG_DONT_VARY)) {
        return;
    }
    if (*ctx->vary_this == NULL) {
        *ctx->vary_this = name;
    }
    else if (!ap_find_token(ctx->p, *ctx->vary_this, name)) {
        *ctx->vary_this = apr_pstrcat(ctx->p, *ctx->vary_this, ", ", name,
                                      NULL);
    }
}

static const char *eval_backref(ap_expr_eval_ctx_t *ctx, int n)
{
    const char *src;
    const ap_regmatch_t *m;

    if (ctx->re_pmatch == NULL || ctx->re_source == NULL
        || *ctx->re_source == NULL || (apr_size_t)n >= ctx->re_nmatch) {
        return "";
    }
    src = *ctx->re_source;
    m = &ctx->re_pmatch[n];
    if (m->rm_so < 0 || m->rm_eo < m->rm_so) {
        return "";
    }
    return apr_pstrmemdup(ctx->p, src + m->rm_so, m->rm_eo - m->rm_so);
}

static const char *eval_leaf(ap_expr_eval_ctx_t *ctx, const ap_expr_t *node)
{
    const char *s = NULL;
    ap__expr_fn_u fn;

    fn.p = node->func;
    switch (node->op) {
    case AP__EXPR_STRING:
        return node->str;
    case AP__EXPR_VAR:
        s = fn.var(ctx, node->data);
        break;
    case AP__EXPR_STRFUNC:
        s = fn.str(ctx, node->data, ap__expr_eval_word(ctx, node->left));
        break;
    case AP__EXPR_BACKREF:
        return eval_backref(ctx, node->num);
    default:
        *ctx->err = "Internal error: not a word";
        break;
    }
    return s ? s : "";
}

const char *ap__expr_eval_word(ap_expr_eval_ctx_t *ctx,
                               const ap_expr_t *node)
{
    const char *result;

    if (node->op != AP__EXPR_CONCAT) {
        return eval_leaf(ctx, node);
    }
    /* Right-deep chain: walk it, appending each left part. */
    result = eval_leaf(ctx, node->left);
    node = node->right;
    while (node->op == AP__EXPR_CONCAT) {
        result = apr_pstrcat(ctx->p, result, eval_leaf(ctx, node->left),
                             NULL);
        node = node->right;
    }
    return apr_pstrcat(ctx->p, result, eval_leaf(ctx, node), NULL);
}

/* SSLRequire's order: shorter strings first, then lexical. */
static int ssl_compat_cmp(const char *a, const char *b)
{
    apr_size_t la = strlen(a), lb = strlen(b);

    if (la != lb) {
        return la < lb ? -1 : 1;
    }
    return strcmp(a, b);
}

static int str_comp(const ap_expr_t *node, const char *a, const char *b)
{
    ap__expr_op_e op = node->op;
    int c = node->num ? ssl_compat_cmp(a, b) : strcmp(a, b);

    switch (op) {
    case AP__EXPR_STR_EQ: return c == 0;
    case AP__EXPR_STR_NE: return c != 0;
    case AP__EXPR_STR_LT: return c < 0;
    case AP__EXPR_STR_LE: return c <= 0;
    case AP__EXPR_STR_GT: return c > 0;
    default:              return c >= 0;
    }
}

static int int_comp(ap__expr_op_e op, const char *a, const char *b)
{
    apr_int64_t x = apr_atoi64(a), y = apr_atoi64(b);

    switch (op) {
    case AP__EXPR_INT_EQ: return x == y;
    case AP__EXPR_INT_NE: return x != y;
    case AP__EXPR_INT_LT: return x < y;
    case AP__EXPR_INT_LE: return x <= y;
    case AP__EXPR_INT_GT: return x > y;
    default:              return x >= y;
    }
}

static int eval_regex(ap_expr_eval_ctx_t *ctx, const ap_expr_t *node)
{
    const char *word = ap__expr_eval_word(ctx, node->left);
    int matched;

    if (ctx->re_pmatch && ctx->re_nmatch && ctx->re_source) {
        matched = ap_regexec(node->re, word, ctx->re_nmatch,
                             ctx->re_pmatch, 0) == 0;
        /* Later $N refer to this subject; a failed match keeps the
         * groups of the previous one, as a non-match sets none. */
        if (matched) {
            *ctx->re_source = word;
        }
    }
    else {
        matched = ap_regexec(node->re, word, 0, NULL, 0) == 0;
    }
    return node->op == AP__EXPR_REG ? matched : !matched;
}

static int eval_in(ap_expr_eval_ctx_t *ctx, const ap_expr_t *node)
{
    const char *word = ap__expr_eval_word(ctx, node->left);
    const ap_expr_t *item = node->right;

    if (item->op == AP__EXPR_LISTFUNC) {
        ap__expr_fn_u fn;
        apr_array_header_t *list;
        int i;

        fn.p = item->func;
        list = fn.list(ctx, item->data, ap__expr_eval_word(ctx, item->left));
        for (i = 0; list && i < list->nelts; i++) {
            const char *s = APR_ARRAY_IDX(list, i, const char *);
            if (s && strcmp(s, word) == 0) {
                return 1;
            }
        }
        return 0;
    }
    for (; item; item = item->right) {
        if (strcmp(word, ap__expr_eval_word(ctx, item->left)) == 0) {
            return 1;
        }
    }
    return 0;
}

int ap__expr_eval_cond(ap_expr_eval_ctx_t *ctx, const ap_expr_t *node)
{
    ap__expr_fn_u fn;

    for (;;) {
        fn.p = node->func;
        switch (node->op) {
        case AP__EXPR_TRUE:
            return 1;
        case AP__EXPR_FALSE:
            return 0;
        case AP__EXPR_NOT:
            return !ap__expr_eval_cond(ctx, node->left);
        case AP__EXPR_AND:
            if (!ap__expr_eval_cond(ctx, node->left)) {
                return 0;
            }
            node = node->right;
            continue;
        case AP__EXPR_OR:
            if (ap__expr_eval_cond(ctx, node->left)) {
                return 1;
            }
            node = node->right;
            continue;
        case AP__EXPR_REG:
        case AP__EXPR_NREG:
            return eval_regex(ctx, node);
        case AP__EXPR_IN:
            return eval_in(ctx, node);
        case AP__EXPR_UNARY:
            return fn.unary(ctx, node->data,
                            ap__expr_eval_word(ctx, node->left));
        case AP__EXPR_BINARY:
            return fn.binary(ctx, node->data,
                             ap__expr_eval_word(ctx, node->left),
                             ap__expr_eval_word(ctx, node->right));
        default:
            break;
        }
        if (node->op >= AP__EXPR_STR_EQ && node->op <= AP__EXPR_STR_GE) {
            return str_comp(node, ap__expr_eval_word(ctx, node->left),
                            ap__expr_eval_word(ctx, node->right));
        }
        if (node->op >= AP__EXPR_INT_EQ && node->op <= AP__EXPR_INT_GE) {
            return int_comp(node->op, ap__expr_eval_word(ctx, node->left),
                            ap__expr_eval_word(ctx, node->right));
        }
        *ctx->err = "Internal error: not a condition";
        return 0;
    }
}

static void log_failure(ap_expr_eval_ctx_t *ctx)
{
    const ap_expr_info_t *info = ctx->info;

    if (ctx->r) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, ctx->r, APLOGNO(03301)
                      "Evaluation of expression from %s:%u failed: %s",
                      info->filename ? info->filename : "(unknown)",
                      info->line_number, *ctx->err);
    }
    else if (ctx->c) {
        ap_log_cerror(APLOG_MARK, APLOG_ERR, 0, ctx->c, APLOGNO(03302)
                      "Evaluation of expression from %s:%u failed: %s",
                      info->filename ? info->filename : "(unknown)",
                      info->line_number, *ctx->err);
    }
}

static int exec_ctx(ap_expr_eval_ctx_t *ctx);

AP_DECLARE(int) ap_expr_exec_ctx(ap_expr_eval_ctx_t *ctx)
{
    /* A caller that wants no error text still gets the failure logged:
     * evaluate with a private error slot, on a copy so that no pointer to
     * it outlives this call. */
    if (ctx->err == NULL) {
        const char *tmp_err = NULL;
        ap_expr_eval_ctx_t copy = *ctx;

        copy.err = &tmp_err;
        return exec_ctx(&copy);
    }
    return exec_ctx(ctx);
}

static int exec_ctx(ap_expr_eval_ctx_t *ctx)
{
    int rc;

    *ctx->err = NULL;
    if (ctx->info == NULL || ctx->info->root_node == NULL) {
        *ctx->err = "Expression was not parsed";
        return -1;
    }
    if (ctx->info->flags & AP_EXPR_FLAG_STRING_RESULT) {
        const char *s = ap__expr_eval_word(ctx, ctx->info->root_node);
        if (ctx->result_string) {
            *ctx->result_string = s;
        }
        rc = 1;
    }
    else {
        rc = ap__expr_eval_cond(ctx, ctx->info->root_node) ? 1 : 0;
    }
    if (*ctx->err != NULL) {
        log_failure(ctx);
        rc = -1;
    }
    return rc;
}

/* The context for a request, then the Vary header from what was used. */
static int exec_request(request_rec *r, const ap_expr_info_t *expr,
                        apr_size_t nmatch, ap_regmatch_t *pmatch,
                        const char **source, const char **err,
                        const char **result)
{
    ap_expr_eval_ctx_t ctx;
    const char *vary = NULL, *src = NULL;
    const char *dummy_err = NULL;
    int rc;

    memset(&ctx, 0, sizeof(ctx));
    ctx.r = r;
    ctx.c = r->connection;
    ctx.s = r->server;
    ctx.p = r->pool;
    ctx.err = err ? err : &dummy_err;
    ctx.info = expr;
    ctx.re_nmatch = nmatch;
    ctx.re_pmatch = pmatch;
    ctx.re_source = source ? source : &src;
    ctx.vary_this = &vary;
    ctx.result_string = result;
    rc = ap_expr_exec_ctx(&ctx);
    if (vary != NULL) {
        apr_table_merge(r->headers_out, "Vary", vary);
    }
    return rc;
}

AP_DECLARE(int) ap_expr_exec_re(request_rec *r, const ap_expr_info_t *expr,
                                apr_size_t nmatch, ap_regmatch_t *pmatch,
                                const char **source, const char **err)
{
    return exec_request(r, expr, nmatch, pmatch, source, err, NULL);
}

AP_DECLARE(int) ap_expr_exec(request_rec *r, const ap_expr_info_t *expr,
                             const char **err)
{
    /* Groups of a match live only during this evaluation, for $N. */
    ap_regmatch_t pmatch[AP_MAX_REG_MATCH];

    return exec_request(r, expr, AP_MAX_REG_MATCH, pmatch, NULL, err, NULL);
}

AP_DECLARE(const char *) ap_expr_str_exec_re(request_rec *r,
                                             const ap_expr_info_t *expr,
                                             apr_size_t nmatch,
                                             ap_regmatch_t *pmatch,
                                             const char **source,
                                             const char **err)
{
    const char *result = NULL;

    if (exec_request(r, expr, nmatch, pmatch, source, err, &result) != 1) {
        return NULL;
    }
    return result;
}

AP_DECLARE(const char *) ap_expr_str_exec(request_rec *r,
                                          const ap_expr_info_t *expr,
                                          const char **err)
{
    ap_regmatch_t pmatch[AP_MAX_REG_MATCH];
    const char *src = NULL;

    return ap_expr_str_exec_re(r, expr, AP_MAX_REG_MATCH, pmatch, &src, err);
}
