/*
 * mod_authz_core.c: the authz_core_module, the authorization framework
 * of Apache 2.4: Require, <RequireAll>, <RequireAny>, <RequireNone>,
 * AuthMerging, AuthzSendForbiddenOnFailure and the access/authz hooks.
 * The tree logic lives in mod_authz_core_eval.c, the built-in providers
 * in mod_authz_core_providers.c.
 */
#include <string.h>

#include "apr_strings.h"
#include "apr_optional.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "ap_provider.h"

#include "mod_authz_core_private.h"

APLOG_USE_MODULE(authz_core);

static void *create_dir(apr_pool_t *p, char *dummy)
{
    ap__authz_dir_conf *c = apr_pcalloc(p, sizeof(*c));

    c->op = AP__AUTHZ_UNSET;
    c->forbidden_on_fail = -1;
    return c;
}

/* "Require [not] provider args..." */
static const char *add_require(cmd_parms *cmd, void *dv, const char *args)
{
    ap__authz_dir_conf *conf = dv;
    ap__authz_section *s = apr_pcalloc(cmd->pool, sizeof(*s));

    s->provider_name = ap_getword_conf(cmd->pool, &args);
    if (strcasecmp(s->provider_name, "not") == 0) {
        s->provider_name = ap_getword_conf(cmd->pool, &args);
        s->negate = 1;
    }
    s->provider_args = args;
    s->provider = ap_lookup_provider(AUTHZ_PROVIDER_GROUP, s->provider_name,
                                     AUTHZ_PROVIDER_VERSION);
    if (s->provider == NULL) {
        return apr_psprintf(cmd->pool, "Unknown Authz provider: %s",
                            s->provider_name);
    }
    if (s->provider->check_authorization == NULL) {
        return apr_psprintf(cmd->pool, "The '%s' Authz provider is not "
                            "supported by any of the loaded authorization "
                            "modules", s->provider_name);
    }
    s->limited = cmd->limited;
    if (s->provider->parse_require_line) {
        const char *err = s->provider->parse_require_line(
            cmd, args, &s->provider_parsed_args);
        if (err) {
            return err;
        }
    }
    return ap__authz_add_child(cmd->pool, &conf->section, s, cmd->cmd->name);
}

static ap__authz_section *new_container(apr_pool_t *p, const char *name)
{
    ap__authz_section *s = apr_pcalloc(p, sizeof(*s));

    /* name is "<RequireAll", "<RequireAny" or "<RequireNone" */
    s->op = strcasecmp(name, "<RequireAll") == 0 ? AP__AUTHZ_AND
                                                 : AP__AUTHZ_OR;
    s->negate = strcasecmp(name, "<RequireNone") == 0;
    return s;
}

/* <RequireAll>, <RequireAny>, <RequireNone>: the nested directives fill
 * a fresh section, which is then attached to the enclosing one. */
static const char *add_section(cmd_parms *cmd, void *dv, const char *args)
{
    ap__authz_dir_conf *conf = dv;
    ap__authz_section *outer = conf->section;
    ap__authz_section *s;
    const char *endp = strrchr(args, '>');
    apr_int64_t old_limited = cmd->limited;
    int old_override = cmd->override;
    const char *err;

    if (endp == NULL) {
        return apr_pstrcat(cmd->pool, cmd->cmd->name,
                           "> directive missing closing '>'", NULL);
    }
    if (endp != args) {
        return apr_pstrcat(cmd->pool, cmd->cmd->name,
                           "> directive doesn't take additional arguments",
                           NULL);
    }
    s = new_container(cmd->pool, cmd->cmd->name);
    conf->section = s;
    cmd->limited = -1;  /* <Limit> inside is an error, as in Apache */
    err = ap_walk_config(cmd->directive->first_child, cmd, cmd->context);
    cmd->limited = old_limited;
    cmd->override = old_override;
    conf->section = outer;
    if (err) {
        return err;
    }
    if (s->first == NULL) {
        return apr_pstrcat(cmd->pool, ap__authz_format(cmd->pool, s),
                           " directive contains no authorization directives",
                           NULL);
    }
    return ap__authz_add_child(cmd->pool, &conf->section, s, cmd->cmd->name);
}

static const char *set_merging(cmd_parms *cmd, void *dv, const char *arg)
{
    static const struct { const char *word; ap__authz_op op; } words[] = {
        { "Off", AP__AUTHZ_OFF }, { "And", AP__AUTHZ_AND },
        { "Or", AP__AUTHZ_OR },
    };
    ap__authz_dir_conf *conf = dv;
    apr_size_t i;

    for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        if (strcasecmp(arg, words[i].word) == 0) {
            conf->op = words[i].op;
            return NULL;
        }
    }
    return apr_pstrcat(cmd->pool, cmd->cmd->name,
                       " must be one of: Off | And | Or", NULL);
}

static const char *set_forbidden_on_fail(cmd_parms *cmd, void *dv, int on)
{
    ((ap__authz_dir_conf *)dv)->forbidden_on_fail = (signed char)on;
    return NULL;
}

static const command_rec authz_cmds[] = {
    AP_INIT_RAW_ARGS("Require", add_require, NULL, OR_AUTHCFG,
        "specifies authorization directives which one must pass (or not) "
        "for a request to suceeed"),
    AP_INIT_RAW_ARGS("<RequireAll", add_section, NULL, OR_AUTHCFG,
        "container for grouping authorization directives of which none "
        "must fail and at least one must pass for a request to succeed"),
    AP_INIT_RAW_ARGS("<RequireAny", add_section, NULL, OR_AUTHCFG,
        "container for grouping authorization directives of which one "
        "must pass for a request to succeed"),
    AP_INIT_RAW_ARGS("<RequireNone", add_section, NULL, OR_AUTHCFG,
        "container for grouping authorization directives of which none "
        "must pass for a request to succeed"),
    AP_INIT_TAKE1("AuthMerging", set_merging, NULL, OR_AUTHCFG,
        "controls how a <Directory>, <Location>, or similar directive's "
        "authorization directives are combined with those of its "
        "predecessor"),
    AP_INIT_FLAG("AuthzSendForbiddenOnFailure", set_forbidden_on_fail, NULL,
        OR_AUTHCFG, "Controls if an authorization failure should result "
        "in a '403 FORBIDDEN' response instead of the HTTP-conforming "
        "'401 UNAUTHORIZED'"),
    { NULL }
};

/* Denied with an authenticated user in play: 401 to let them retry,
 * or 403 with AuthzSendForbiddenOnFailure. */
static int deny_user(request_rec *r, const ap__authz_dir_conf *conf)
{
    ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(01631)
                  "user %s: authorization failure for \"%s\": ",
                  r->user ? r->user : "-", r->uri);
    if (conf->forbidden_on_fail > 0) {
        return HTTP_FORBIDDEN;
    }
    if (r->user) {
        ap_note_auth_failure(r);
    }
    return HTTP_UNAUTHORIZED;
}

static int no_user(request_rec *r, int after_authn)
{
    if (!after_authn) {
        return DECLINED;    /* authenticate first, then decide */
    }
    ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(01628)
                  "authorization failure (no authenticated user): %s",
                  r->uri);
    if (r->user) {
        ap_note_auth_failure(r);
    }
    return HTTP_UNAUTHORIZED;
}

/* Shared by the access hook (before authentication) and the authz hook
 * (after it): a result that needs a user defers to authentication. */
static int authorize(request_rec *r, int after_authn)
{
    const ap__authz_dir_conf *conf =
        ap_get_module_config(r->per_dir_config, &authz_core_module);
    authz_status st;

    if (conf->section == NULL) {
        if (ap_auth_type(r)) {
            ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(01626)
                          "AuthType configured with no corresponding "
                          "authorization directives");
            return HTTP_INTERNAL_SERVER_ERROR;
        }
        return OK;  /* 2.4: no Require at all means granted */
    }
    st = ap__authz_apply(r, conf->section, AP__AUTHZ_AND);
    switch (st) {
    case AUTHZ_GRANTED:
        return OK;
    case AUTHZ_DENIED_NO_USER:
        return no_user(r, after_authn);
    case AUTHZ_DENIED:
    case AUTHZ_NEUTRAL:
        if (after_authn && ap_auth_type(r)) {
            return deny_user(r, conf);
        }
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(01630)
                      "client denied by server configuration: %s%s",
                      r->filename ? "" : "uri ",
                      r->filename ? r->filename : r->uri);
        return HTTP_FORBIDDEN;
    default:
        return HTTP_INTERNAL_SERVER_ERROR;  /* the provider logged why */
    }
}

static int authorize_userless(request_rec *r)
{
    return authorize(r, 0);
}

static int authorize_user(request_rec *r)
{
    return authorize(r, 1);
}

/* Whether this request's method is subject to any Require. */
static int authz_some_auth_required(request_rec *r)
{
    const ap__authz_dir_conf *conf =
        ap_get_module_config(r->per_dir_config, &authz_core_module);

    return conf->section
           && (conf->section->limited & (AP_METHOD_BIT << r->method_number));
}

static void register_hooks(apr_pool_t *p)
{
    APR_REGISTER_OPTIONAL_FN(authz_some_auth_required);
    ap_hook_check_authz(authorize_user, NULL, NULL, APR_HOOK_LAST,
                        AP_AUTH_INTERNAL_PER_CONF);
    ap_hook_check_access_ex(authorize_userless, NULL, NULL, APR_HOOK_LAST,
                            AP_AUTH_INTERNAL_PER_CONF);
    ap__authz_register_builtin(p);
}

module AP_MODULE_DECLARE_DATA authz_core_module = {
    STANDARD20_MODULE_STUFF,
    create_dir,
    ap__authz_merge_dir,
    NULL,
    NULL,
    authz_cmds,
    register_hooks
};
