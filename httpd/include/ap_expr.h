/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file ap_expr.h
 * @brief The expression language of <If>, Require expr, SetEnvIfExpr,
 * mod_rewrite's expr= and friends: parsing at configuration time,
 * evaluation per request, and the lookup hook for variables and functions.
 */
#ifndef AP_EXPR_H
#define AP_EXPR_H

#include "httpd.h"
#include "http_config.h"
#include "ap_regex.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A parsed expression (opaque). */
typedef struct ap_expr_node ap_expr_t;

/** A parsed expression and where it came from. */
typedef struct {
    ap_expr_t *root_node;     /**< the tree */
    const char *filename;     /**< config file, for messages */
    unsigned int line_number; /**< and line */
    unsigned int flags;       /**< AP_EXPR_FLAG_* */
    int module_index;         /**< module whose LogLevel applies */
} ap_expr_info_t;

/** Accept the old SSLRequire syntax. */
#define AP_EXPR_FLAG_SSL_EXPR_COMPAT       1
/** Do not add the headers used to the Vary header. */
#define AP_EXPR_FLAG_DONT_VARY             2
/** Refuse functions unsafe in .htaccess (file reading...). */
#define AP_EXPR_FLAG_RESTRICTED            4
/** The expression is a string, not a condition. */
#define AP_EXPR_FLAG_STRING_RESULT         8
/** Refuse the file functions only. */
#define AP_EXPR_FLAG_RESTRICTED_FILE_FUNC  16

/** Evaluate a condition. @return 1 true, 0 false, -1 error (*err set) */
AP_DECLARE(int) ap_expr_exec(request_rec *r, const ap_expr_info_t *expr,
                             const char **err);

/**
 * Evaluate a condition, keeping the groups of the last regex match in
 * @a pmatch and its subject in *@a source (for later $1 substitution).
 */
AP_DECLARE(int) ap_expr_exec_re(request_rec *r, const ap_expr_info_t *expr,
                                apr_size_t nmatch, ap_regmatch_t *pmatch,
                                const char **source, const char **err);

/** Everything an evaluation needs and produces. */
typedef struct {
    request_rec *r;             /**< request, or NULL */
    conn_rec *c;                /**< connection, or NULL */
    server_rec *s;              /**< server, or NULL */
    apr_pool_t *p;              /**< pool for results */
    const char **err;           /**< error message out */
    const ap_expr_info_t *info; /**< the expression */
    ap_regmatch_t *re_pmatch;   /**< groups of the last match (in/out) */
    apr_size_t re_nmatch;       /**< size of re_pmatch */
    const char **re_source;     /**< subject of the last match (in/out) */
    const char **vary_this;     /**< headers to add to Vary (out) */
    const char **result_string; /**< result of a string expression (out) */
    void *data;                 /**< for lookup functions */
    int reclvl;                 /**< recursion depth */
} ap_expr_eval_ctx_t;

/** Evaluate with a prepared context. */
AP_DECLARE(int) ap_expr_exec_ctx(ap_expr_eval_ctx_t *ctx);

/** Evaluate a string expression; NULL on error (*err set). */
AP_DECLARE(const char *) ap_expr_str_exec(request_rec *r,
                                          const ap_expr_info_t *expr,
                                          const char **err);

/** Evaluate a string expression, with regex groups as ap_expr_exec_re(). */
AP_DECLARE(const char *) ap_expr_str_exec_re(request_rec *r,
                                             const ap_expr_info_t *expr,
                                             apr_size_t nmatch,
                                             ap_regmatch_t *pmatch,
                                             const char **source,
                                             const char **err);

/** A unary operator ("-f file"). */
typedef int ap_expr_op_unary_t(ap_expr_eval_ctx_t *ctx, const void *data,
                               const char *arg);

/** A binary operator ("a -ipmatch b"). */
typedef int ap_expr_op_binary_t(ap_expr_eval_ctx_t *ctx, const void *data,
                                const char *arg1, const char *arg2);

/** A function returning a string ("tolower(x)"). */
typedef const char *(ap_expr_string_func_t)(ap_expr_eval_ctx_t *ctx,
                                            const void *data,
                                            const char *arg);

/** A function returning a list. */
typedef apr_array_header_t *(ap_expr_list_func_t)(ap_expr_eval_ctx_t *ctx,
                                                  const void *data,
                                                  const char *arg);

/** A variable ("%{REQUEST_URI}"). */
typedef const char *(ap_expr_var_func_t)(ap_expr_eval_ctx_t *ctx,
                                         const void *data);

/** A lookup of a variable, function or operator by name at parse time. */
typedef struct {
    int type;                   /**< AP_EXPR_FUNC_* */
#define AP_EXPR_FUNC_VAR        0
#define AP_EXPR_FUNC_STRING     1
#define AP_EXPR_FUNC_LIST       2
#define AP_EXPR_FUNC_OP_UNARY   3
#define AP_EXPR_FUNC_OP_BINARY  4
    const char *name;           /**< name looked up */
    int flags;                  /**< AP_EXPR_FLAG_* of the expression */
    apr_pool_t *pool;           /**< for the data */
    apr_pool_t *ptemp;          /**< scratch */
    const void **func;          /**< out: the implementation */
    const void **data;          /**< out: its data */
    const char **err;           /**< out: error message */
    const char *arg;            /**< constant argument, if any */
} ap_expr_lookup_parms;

/** A lookup function. @return OK, DECLINED, or an error */
typedef int (ap_expr_lookup_fn_t)(ap_expr_lookup_parms *parms);

/** The standard lookup: the built-in names, then the expr_lookup hook. */
AP_DECLARE_NONSTD(int) ap_expr_lookup_default(ap_expr_lookup_parms *parms);

/** Modules add variables, functions and operators here. */
AP_DECLARE_HOOK(int, expr_lookup, (ap_expr_lookup_parms *parms))

/** Parse @a expr into @a info. @return NULL or an error message */
AP_DECLARE(const char *) ap_expr_parse(apr_pool_t *pool, apr_pool_t *ptemp,
                                       ap_expr_info_t *info, const char *expr,
                                       ap_expr_lookup_fn_t *lookup_fn);

/** Parse a directive's expression argument (NULL and *err on error). */
AP_DECLARE(ap_expr_info_t *) ap_expr_parse_cmd_mi(const cmd_parms *cmd,
                                                  const char *expr,
                                                  unsigned int flags,
                                                  const char **err,
                                                  ap_expr_lookup_fn_t *lookup_fn,
                                                  int module_index);

/** ap_expr_parse_cmd_mi() for the calling module. */
#define ap_expr_parse_cmd(cmd, expr, flags, err, lookup_fn) \
    ap_expr_parse_cmd_mi(cmd, expr, flags, err, lookup_fn, APLOG_MODULE_INDEX)

/** Set up the expression machinery (server-internal). */
void ap_expr_init(apr_pool_t *pool);

#ifdef __cplusplus
}
#endif

#endif /* AP_EXPR_H */
