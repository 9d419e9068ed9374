/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * The built-in functions and operators of the expression language, and
 * the lookup that resolves their names at parse time.
 */
#include <string.h>

#include "apr_strings.h"
#include "httpd.h"
#include "apr_cstr.h"
#include "apr_env.h"
#include "apr_escape.h"
#include "apr_file_io.h"
#include "apr_fnmatch.h"
#include "apr_network_io.h"
#include "apr_sha1.h"
#include "http_request.h"
#include "util_md5.h"

#include "util_expr_private.h"

/* Where a function or operator may be used. */
#define F_FILE 1        /* reads the file system: refused if restricted */

/* ---- string functions ------------------------------------------------ */

static const char *req_func(ap_expr_eval_ctx_t *ctx, const void *data,
                            const char *arg)
{
    if (ctx->r == NULL) {
        return "";
    }
    if (data == NULL) {       /* req/http, not req_novary */
        ap__expr_add_vary(ctx, arg);
    }
    return apr_table_get(ctx->r->headers_in, arg);
}

static const char *resp_func(ap_expr_eval_ctx_t *ctx, const void *data,
                             const char *arg)
{
    return ctx->r ? apr_table_get(ctx->r->headers_out, arg) : "";
}

static const char *reqenv_func(ap_expr_eval_ctx_t *ctx, const void *data,
                               const char *arg)
{
    return ctx->r ? apr_table_get(ctx->r->subprocess_env, arg) : "";
}

static const char *note_func(ap_expr_eval_ctx_t *ctx, const void *data,
                             const char *arg)
{
    return ctx->r ? apr_table_get(ctx->r->notes, arg) : "";
}

static const char *osenv_func(ap_expr_eval_ctx_t *ctx, const void *data,
                              const char *arg)
{
    char *value = NULL;

    return apr_env_get(&value, arg, ctx->p) == APR_SUCCESS ? value : "";
}

static const char *env_func(ap_expr_eval_ctx_t *ctx, const void *data,
                            const char *arg)
{
    const char *v = NULL;

    if (ctx->r) {
        v = apr_table_get(ctx->r->notes, arg);
        if (v == NULL) {
            v = apr_table_get(ctx->r->subprocess_env, arg);
        }
    }
    return v ? v : osenv_func(ctx, data, arg);
}

static const char *tolower_func(ap_expr_eval_ctx_t *ctx, const void *data,
                                const char *arg)
{
    char *s = apr_pstrdup(ctx->p, arg);

    ap_str_tolower(s);
    return s;
}

static const char *toupper_func(ap_expr_eval_ctx_t *ctx, const void *data,
                                const char *arg)
{
    char *s = apr_pstrdup(ctx->p, arg);

    ap_str_toupper(s);
    return s;
}

static const char *escape_func(ap_expr_eval_ctx_t *ctx, const void *data,
                               const char *arg)
{
    return ap_escape_uri(ctx->p, arg);
}

static const char *unescape_func(ap_expr_eval_ctx_t *ctx, const void *data,
                                 const char *arg)
{
    char *s = apr_pstrdup(ctx->p, arg);

    /* %2F stays encoded; %00 or a bad escape yields "" */
    return ap_unescape_url_keep2f(s, 0) == OK ? s : "";
}

static const char *base64_func(ap_expr_eval_ctx_t *ctx, const void *data,
                               const char *arg)
{
    return ap_pbase64encode(ctx->p, (char *)arg);
}

static const char *unbase64_func(ap_expr_eval_ctx_t *ctx, const void *data,
                                 const char *arg)
{
    /* The decoded bytes are a C string: any NUL truncates them. */
    return ap_pbase64decode(ctx->p, arg);
}

static const char *md5_func(ap_expr_eval_ctx_t *ctx, const void *data,
                            const char *arg)
{
    return ap_md5(ctx->p, (const unsigned char *)arg);
}

static const char *sha1_func(ap_expr_eval_ctx_t *ctx, const void *data,
                             const char *arg)
{
    apr_sha1_ctx_t sha;
    unsigned char digest[APR_SHA1_DIGESTSIZE];

    apr_sha1_init(&sha);
    apr_sha1_update_binary(&sha, (const unsigned char *)arg, strlen(arg));
    apr_sha1_final(digest, &sha);
    return apr_pescape_hex(ctx->p, digest, sizeof(digest), 0);
}

static const char *ldap_func(ap_expr_eval_ctx_t *ctx, const void *data,
                             const char *arg)
{
    return apr_pescape_ldap(ctx->p, arg, APR_ESCAPE_STRING,
                            APR_ESCAPE_LDAP_ALL);
}

static const char *file_func(ap_expr_eval_ctx_t *ctx, const void *data,
                             const char *arg)
{
    apr_file_t *fp;
    apr_finfo_t fi;
    apr_size_t len;
    char *buf;
    apr_status_t rv;

    rv = apr_file_open(&fp, arg, APR_FOPEN_READ | APR_FOPEN_BUFFERED,
                       APR_OS_DEFAULT, ctx->p);
    if (rv != APR_SUCCESS) {
        *ctx->err = apr_psprintf(ctx->p, "Unable to open file %s", arg);
        return "";
    }
    rv = apr_file_info_get(&fi, APR_FINFO_SIZE, fp);
    if (rv != APR_SUCCESS || fi.size < 0
        || (apr_uint64_t)fi.size > APR_SIZE_MAX / 2) {
        apr_file_close(fp);
        *ctx->err = apr_psprintf(ctx->p, "Unable to get size of %s", arg);
        return "";
    }
    len = (apr_size_t)fi.size;
    buf = apr_palloc(ctx->p, len + 1);
    rv = len ? apr_file_read_full(fp, buf, len, &len) : APR_SUCCESS;
    apr_file_close(fp);
    if (rv != APR_SUCCESS) {
        *ctx->err = apr_psprintf(ctx->p, "Unable to read %s", arg);
        return "";
    }
    buf[len] = '\0';
    return buf;
}

static const char *filesize_func(ap_expr_eval_ctx_t *ctx, const void *data,
                                 const char *arg)
{
    apr_finfo_t fi;

    if (apr_stat(&fi, arg, APR_FINFO_SIZE | APR_FINFO_TYPE, ctx->p)
            == APR_SUCCESS && fi.filetype == APR_REG) {
        return apr_off_t_toa(ctx->p, fi.size);
    }
    return "0";
}

/* ---- unary operators -------------------------------------------------- */

static int file_op(ap_expr_eval_ctx_t *ctx, const void *data,
                   const char *arg)
{
    apr_finfo_t fi;
    char op = *(const char *)data;
    apr_int32_t wanted = APR_FINFO_TYPE | APR_FINFO_SIZE;

    if (op == 'L' || op == 'h') {
        wanted |= APR_FINFO_LINK;
    }
    if (*arg == '\0' || apr_stat(&fi, arg, wanted, ctx->p) != APR_SUCCESS) {
        return 0;
    }
    switch (op) {
    case 'd': return fi.filetype == APR_DIR;
    case 'e': return 1;
    case 'f': return fi.filetype == APR_REG;
    case 's': return fi.filetype == APR_REG && fi.size > 0;
    default:  return fi.filetype == APR_LNK;
    }
}

/* -F: a sub-request for the file must succeed. */
static int file_subreq_op(ap_expr_eval_ctx_t *ctx, const void *data,
                          const char *arg)
{
    request_rec *r = ctx->r, *rr;
    int ok;

    if (r == NULL) {
        return 0;
    }
    /* The sub-request evaluates this same expression: stop there. */
    if (r->main && r->main->filename && r->filename
        && strcmp(r->main->filename, r->filename) == 0) {
        return 0;
    }
    rr = ap_sub_req_lookup_file(arg, r, NULL);
    ok = rr->status < 300 && rr->finfo.filetype != APR_NOFILE;
    ap_destroy_sub_req(rr);
    return ok;
}

/* -U, -A: a sub-request for the URL must succeed. */
static int url_subreq_op(ap_expr_eval_ctx_t *ctx, const void *data,
                         const char *arg)
{
    request_rec *r = ctx->r, *rr;
    int ok;

    if (r == NULL) {
        return 0;
    }
    if (r->main && r->main->uri && r->uri
        && strcmp(r->main->uri, r->uri) == 0) {
        return 0;
    }
    rr = ap_sub_req_lookup_uri(arg, r, NULL);
    ok = rr->status < 400;
    ap_destroy_sub_req(rr);
    return ok;
}

static int string_op(ap_expr_eval_ctx_t *ctx, const void *data,
                     const char *arg)
{
    switch (*(const char *)data) {
    case 'n':
        return *arg != '\0';
    case 'z':
        return *arg == '\0';
    default: /* T */
        return !(*arg == '\0' || strcmp(arg, "0") == 0
                 || apr_cstr_casecmp(arg, "off") == 0
                 || apr_cstr_casecmp(arg, "false") == 0
                 || apr_cstr_casecmp(arg, "no") == 0);
    }
}

/* ---- IP matching ------------------------------------------------------ */

static apr_ipsubnet_t *parse_subnet(const char *spec, apr_pool_t *p)
{
    apr_ipsubnet_t *sub;
    char *addr = apr_pstrdup(p, spec), *mask = strchr(addr, '/');

    if (mask) {
        *mask++ = '\0';
    }
    if (apr_ipsubnet_create(&sub, addr, mask, p) != APR_SUCCESS) {
        return NULL;
    }
    return sub;
}

/* Only numeric addresses: an expression must never trigger DNS. */
static int ip_in_subnet(ap_expr_eval_ctx_t *ctx, const char *ip,
                        const apr_ipsubnet_t *sub)
{
    apr_sockaddr_t *sa;

    if (*ip == '\0' || ip[strspn(ip, "0123456789abcdefABCDEF:.")] != '\0') {
        return 0;
    }
    if (apr_sockaddr_info_get(&sa, ip, APR_UNSPEC, 0, 0, ctx->p)
            != APR_SUCCESS) {
        return 0;
    }
    return apr_ipsubnet_test((apr_ipsubnet_t *)sub, sa);
}

static const apr_ipsubnet_t *runtime_subnet(ap_expr_eval_ctx_t *ctx,
                                            const void *data,
                                            const char *spec)
{
    const apr_ipsubnet_t *sub = data ? data : parse_subnet(spec, ctx->p);

    if (sub == NULL) {
        *ctx->err = apr_psprintf(ctx->p, "Invalid subnet '%s'", spec);
    }
    return sub;
}

static int remote_ip_op(ap_expr_eval_ctx_t *ctx, const void *data,
                        const char *arg)
{
    const apr_ipsubnet_t *sub;

    if (ctx->r == NULL || ctx->r->useragent_addr == NULL) {
        return 0;
    }
    if ((sub = runtime_subnet(ctx, data, arg)) == NULL) {
        return 0;
    }
    return apr_ipsubnet_test((apr_ipsubnet_t *)sub, ctx->r->useragent_addr);
}

static int ipmatch_op(ap_expr_eval_ctx_t *ctx, const void *data,
                      const char *arg1, const char *arg2)
{
    const apr_ipsubnet_t *sub = runtime_subnet(ctx, data, arg2);

    return sub ? ip_in_subnet(ctx, arg1, sub) : 0;
}

/* ---- other binary operators ------------------------------------------- */

static int strmatch_op(ap_expr_eval_ctx_t *ctx, const void *data,
                       const char *arg1, const char *arg2)
{
    return ap_strcmp_match(arg1, arg2) == 0;
}

static int strcmatch_op(ap_expr_eval_ctx_t *ctx, const void *data,
                        const char *arg1, const char *arg2)
{
    return ap_strcasecmp_match(arg1, arg2) == 0;
}

static int fnmatch_op(ap_expr_eval_ctx_t *ctx, const void *data,
                      const char *arg1, const char *arg2)
{
    return apr_fnmatch(arg2, arg1, APR_FNM_PATHNAME) == APR_SUCCESS;
}

/* ---- name tables and lookup ------------------------------------------- */

typedef struct {
    const char *name;
    ap_expr_string_func_t *func;
    const void *data;
    int flags;
} str_func_entry;

static const str_func_entry str_funcs[] = {
    { "req", req_func, NULL, 0 },
    { "http", req_func, NULL, 0 },
    { "req_novary", req_func, "novary", 0 },
    { "resp", resp_func, NULL, 0 },
    { "reqenv", reqenv_func, NULL, 0 },
    { "v", reqenv_func, NULL, 0 },
    { "osenv", osenv_func, NULL, 0 },
    { "note", note_func, NULL, 0 },
    { "env", env_func, NULL, 0 },
    { "tolower", tolower_func, NULL, 0 },
    { "toupper", toupper_func, NULL, 0 },
    { "escape", escape_func, NULL, 0 },
    { "unescape", unescape_func, NULL, 0 },
    { "base64", base64_func, NULL, 0 },
    { "unbase64", unbase64_func, NULL, 0 },
    { "md5", md5_func, NULL, 0 },
    { "sha1", sha1_func, NULL, 0 },
    { "ldap", ldap_func, NULL, 0 },
    { "file", file_func, NULL, F_FILE },
    { "filesize", filesize_func, NULL, F_FILE },
};

typedef struct {
    const char *name;       /* without the '-' */
    ap_expr_op_unary_t *func;
    int flags;
} unary_entry;

/* The name doubles as the data: its first byte selects the test. */
static const unary_entry unary_ops[] = {
    { "d", file_op, F_FILE }, { "e", file_op, F_FILE },
    { "f", file_op, F_FILE }, { "s", file_op, F_FILE },
    { "L", file_op, F_FILE }, { "h", file_op, F_FILE },
    { "F", file_subreq_op, 0 }, { "U", url_subreq_op, 0 },
    { "A", url_subreq_op, 0 }, { "n", string_op, 0 },
    { "z", string_op, 0 }, { "T", string_op, 0 },
    { "R", remote_ip_op, 0 },
};

static const struct {
    const char *name;
    ap_expr_op_binary_t *func;
} binary_ops[] = {
    { "ipmatch", ipmatch_op },
    { "strmatch", strmatch_op },
    { "strcmatch", strcmatch_op },
    { "fnmatch", fnmatch_op },
};

static int refuse(ap_expr_lookup_parms *parms, const char *kind,
                  const char *dash)
{
    *parms->err = apr_psprintf(parms->ptemp,
                               "%s '%s%s' is not available in restricted "
                               "context", kind, dash, parms->name);
    return !OK;
}

static int lookup_string_func(ap_expr_lookup_parms *parms)
{
    apr_size_t i;
    ap__expr_fn_u fn;

    for (i = 0; i < sizeof(str_funcs) / sizeof(str_funcs[0]); i++) {
        const str_func_entry *e = &str_funcs[i];
        if (apr_cstr_casecmp(parms->name, e->name) != 0) {
            continue;
        }
        if ((e->flags & F_FILE)
            && (parms->flags & (AP_EXPR_FLAG_RESTRICTED
                                | AP_EXPR_FLAG_RESTRICTED_FILE_FUNC))) {
            return refuse(parms, "Function", "");
        }
        fn.str = e->func;
        *parms->func = fn.p;
        *parms->data = e->data;
        return OK;
    }
    return DECLINED;
}

/* -R with a constant: parse the subnet once, now. */
static int lookup_subnet_data(ap_expr_lookup_parms *parms)
{
    if (parms->arg == NULL) {
        *parms->data = NULL;
        return OK;
    }
    if ((*parms->data = parse_subnet(parms->arg, parms->pool)) == NULL) {
        *parms->err = "parsing of subnet/netmask failed";
        return !OK;
    }
    return OK;
}

static int lookup_unary(ap_expr_lookup_parms *parms)
{
    apr_size_t i;
    ap__expr_fn_u fn;

    for (i = 0; i < sizeof(unary_ops) / sizeof(unary_ops[0]); i++) {
        const unary_entry *e = &unary_ops[i];
        if (strcmp(parms->name, e->name) != 0) {
            continue;
        }
        if ((e->flags & F_FILE) && (parms->flags & AP_EXPR_FLAG_RESTRICTED)) {
            return refuse(parms, "Unary operator", "-");
        }
        fn.unary = e->func;
        *parms->func = fn.p;
        *parms->data = e->name;
        return e->func == remote_ip_op ? lookup_subnet_data(parms) : OK;
    }
    return DECLINED;
}

static int lookup_binary(ap_expr_lookup_parms *parms)
{
    apr_size_t i;
    ap__expr_fn_u fn;

    for (i = 0; i < sizeof(binary_ops) / sizeof(binary_ops[0]); i++) {
        if (apr_cstr_casecmp(parms->name, binary_ops[i].name) != 0) {
            continue;
        }
        fn.binary = binary_ops[i].func;
        *parms->func = fn.p;
        *parms->data = NULL;
        return binary_ops[i].func == ipmatch_op ? lookup_subnet_data(parms)
                                                : OK;
    }
    return DECLINED;
}

int ap__expr_builtin_lookup(ap_expr_lookup_parms *parms)
{
    switch (parms->type) {
    case AP_EXPR_FUNC_VAR:
        return ap__expr_var_lookup(parms);
    case AP_EXPR_FUNC_STRING:
        return lookup_string_func(parms);
    case AP_EXPR_FUNC_OP_UNARY:
        return lookup_unary(parms);
    case AP_EXPR_FUNC_OP_BINARY:
        return lookup_binary(parms);
    default:
        return DECLINED;    /* no built-in list functions */
    }
}
