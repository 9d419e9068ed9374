/*
 * mod_authz_core_providers.c: the providers mod_authz_core brings:
 * "Require all granted|denied", "Require env VAR...", "Require method M...",
 * "Require expr <expression>".
 */
#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "ap_expr.h"

#include "mod_authz_core_private.h"

APLOG_USE_MODULE(authz_core);

/* Sentinels for the parsed argument of "Require all". */
static const char all_granted = 1, all_denied = 0;

static authz_status all_check(request_rec *r, const char *line,
                              const void *parsed)
{
    return parsed == &all_granted ? AUTHZ_GRANTED : AUTHZ_DENIED;
}

static const char *all_parse(cmd_parms *cmd, const char *line,
                             const void **parsed)
{
    if (strcasecmp(line, "granted") == 0) {
        *parsed = &all_granted;
        return NULL;
    }
    if (strcasecmp(line, "denied") == 0) {
        *parsed = &all_denied;
        return NULL;
    }
    return "Argument for 'Require all' must be 'granted' or 'denied'";
}

static authz_status env_check(request_rec *r, const char *line,
                              const void *parsed)
{
    const char *t = line;
    const char *w;

    while ((w = ap_getword_conf(r->pool, &t)) && w[0]) {
        if (apr_table_get(r->subprocess_env, w)) {
            return AUTHZ_GRANTED;
        }
    }
    ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, APLOGNO(01599)
                  "access to %s failed, reason: env variable list does not "
                  "meet 'require'ments for user '%s' to be allowed access",
                  r->uri, r->user ? r->user : "-");
    return AUTHZ_DENIED;
}

static authz_status method_check(request_rec *r, const char *line,
                                 const void *parsed)
{
    const apr_int64_t *allowed = parsed;

    if (*allowed & (AP_METHOD_BIT << r->method_number)) {
        return AUTHZ_GRANTED;
    }
    ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, APLOGNO(01600)
                  "access to %s failed, reason: method '%s' not allowed",
                  r->uri, r->method);
    return AUTHZ_DENIED;
}

/* The method list becomes a bit mask once, at configuration time. */
static const char *method_parse(cmd_parms *cmd, const char *line,
                                const void **parsed)
{
    apr_int64_t *allowed = apr_pcalloc(cmd->pool, sizeof(*allowed));
    const char *t = line;
    const char *w;

    while ((w = ap_getword_conf(cmd->temp_pool, &t)) && w[0]) {
        int m = ap_method_number_of(w);
        if (m == M_INVALID) {
            return apr_pstrcat(cmd->pool, "Invalid Method '", w, "'", NULL);
        }
        *allowed |= AP_METHOD_BIT << m;
    }
    *parsed = allowed;
    return NULL;
}

/* "Require expr": the expression is parsed once here; a request is
 * granted when it holds. */
static const char *expr_parse(cmd_parms *cmd, const char *line,
                              const void **parsed)
{
    const char *err = NULL;
    apr_size_t len = strlen(line);
    ap_expr_info_t *expr;

    /* The whole expression may be quoted on the Require line. */
    if (len >= 2 && line[0] == '"' && line[len - 1] == '"') {
        line = apr_pstrmemdup(cmd->temp_pool, line + 1, len - 2);
    }
    expr = ap_expr_parse_cmd(cmd, line, 0, &err, NULL);
    if (err) {
        return apr_pstrcat(cmd->temp_pool,
                           "Cannot parse expression in require line: ",
                           err, NULL);
    }
    *parsed = expr;
    return NULL;
}

static authz_status expr_check(request_rec *r, const char *line,
                               const void *parsed)
{
    const char *err = NULL;
    int rc = ap_expr_exec(r, parsed, &err);

    if (rc < 0) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(01636)
                      "Error evaluating expression in 'Require expr': %s",
                      err);
        return AUTHZ_GENERAL_ERROR;
    }
    return rc ? AUTHZ_GRANTED : AUTHZ_DENIED;
}

static const authz_provider all_provider = { all_check, all_parse };
static const authz_provider expr_provider = { expr_check, expr_parse };
static const authz_provider env_provider = { env_check, NULL };
static const authz_provider method_provider = { method_check, method_parse };

void ap__authz_register_builtin(apr_pool_t *p)
{
    static const struct {
        const char *name;
        const authz_provider *provider;
    } list[] = {
        { "all", &all_provider },
        { "env", &env_provider },
        { "method", &method_provider },
        { "expr", &expr_provider },
    };
    apr_size_t i;

    for (i = 0; i < sizeof(list) / sizeof(list[0]); i++) {
        ap_register_auth_provider(p, AUTHZ_PROVIDER_GROUP, list[i].name,
                                  AUTHZ_PROVIDER_VERSION, list[i].provider,
                                  AP_AUTH_INTERNAL_PER_CONF);
    }
}
