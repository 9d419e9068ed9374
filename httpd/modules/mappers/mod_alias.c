/*
 * mod_alias.c: the alias_module.  Alias, AliasMatch, ScriptAlias,
 * ScriptAliasMatch, Redirect, RedirectMatch, RedirectTemp and
 * RedirectPermanent: configuration here, request mapping in
 * mod_alias_map.c.
 */
#include <stdlib.h>
#include <string.h>

#include "apr_strings.h"
#include "apr_lib.h"

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_request.h"

#include "mod_alias_private.h"

APLOG_USE_MODULE(alias);

static void *create_server(apr_pool_t *p, server_rec *s)
{
    ap__alias_server_conf *c = apr_pcalloc(p, sizeof(*c));

    c->aliases = apr_array_make(p, 8, sizeof(ap__alias_entry));
    c->redirects = apr_array_make(p, 4, sizeof(ap__alias_entry));
    return c;
}

/* A virtual host's own entries are tried before the main server's. */
static void *merge_server(apr_pool_t *p, void *basev, void *addv)
{
    const ap__alias_server_conf *base = basev, *add = addv;
    ap__alias_server_conf *c = apr_pcalloc(p, sizeof(*c));

    c->aliases = apr_array_append(p, add->aliases, base->aliases);
    c->redirects = apr_array_append(p, add->redirects, base->redirects);
    return c;
}

static void *create_dir(apr_pool_t *p, char *d)
{
    ap__alias_dir_conf *c = apr_pcalloc(p, sizeof(*c));

    c->redirects = apr_array_make(p, 2, sizeof(ap__alias_entry));
    return c;
}

static void *merge_dir(apr_pool_t *p, void *basev, void *addv)
{
    const ap__alias_dir_conf *base = basev, *add = addv;
    ap__alias_dir_conf *c = apr_pcalloc(p, sizeof(*c));

    c->redirects = apr_array_append(p, add->redirects, base->redirects);
    c->alias = add->alias_set ? add->alias : base->alias;
    c->handler = add->alias_set ? add->handler : base->handler;
    c->alias_set = add->alias_set || base->alias_set;
    c->redirect = add->redirect_set ? add->redirect : base->redirect;
    c->redirect_status = add->redirect_set ? add->redirect_status
                                           : base->redirect_status;
    c->redirect_set = add->redirect_set || base->redirect_set;
    return c;
}

/* An alias listed after one that already covers its prefix is dead. */
static void warn_overlap(cmd_parms *cmd, const apr_array_header_t *list,
                         const char *fake)
{
    const ap__alias_entry *e = (const ap__alias_entry *)list->elts;
    int i;

    for (i = 0; i < list->nelts - 1; i++) {
        int hit = e[i].regexp ? !ap_regexec(e[i].regexp, fake, 0, NULL, 0)
                              : ap__alias_matches(fake, e[i].fake) > 0;
        if (hit) {
            ap_log_error(APLOG_MARK, APLOG_WARNING, 0, cmd->server,
                         APLOGNO(00671) "The %s directive in %s at line %d "
                         "will probably never match because it overlaps "
                         "an earlier %sAlias%s.", cmd->cmd->name,
                         cmd->directive ? cmd->directive->filename : "?",
                         cmd->directive ? cmd->directive->line_num : 0,
                         e[i].handler ? "Script" : "",
                         e[i].regexp ? "Match" : "");
            return;
        }
    }
}

/* "Alias /fake /real", or "Alias /real" inside <Location>. */
static const char *add_alias(cmd_parms *cmd, void *dv, const char *fake,
                             const char *real)
{
    ap__alias_dir_conf *dc = dv;
    ap__alias_server_conf *sc;
    ap__alias_entry *e;
    const char *err;

    if (real == NULL) {
        if (cmd->path == NULL) {
            return "Alias must have two arguments when used globally";
        }
        dc->alias = fake;
        dc->handler = cmd->info;
        dc->alias_set = 1;
        return NULL;
    }
    err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);
    if (err) {
        return err;
    }
    sc = ap_get_module_config(cmd->server->module_config, &alias_module);
    e = apr_array_push(sc->aliases);
    memset(e, 0, sizeof(*e));
    e->fake = fake;
    e->real = real;
    e->handler = cmd->info;
    warn_overlap(cmd, sc->aliases, fake);
    return NULL;
}

static const char *add_alias_regex(cmd_parms *cmd, void *dv,
                                   const char *fake, const char *real)
{
    ap__alias_server_conf *sc =
        ap_get_module_config(cmd->server->module_config, &alias_module);
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);
    ap__alias_entry *e;
    ap_regex_t *re;

    if (err) {
        return err;
    }
    re = ap_pregcomp(cmd->pool, fake, AP_REG_EXTENDED);
    if (re == NULL) {
        return "Regular expression could not be compiled.";
    }
    e = apr_array_push(sc->aliases);
    memset(e, 0, sizeof(*e));
    e->fake = fake;
    e->real = real;
    e->regexp = re;
    e->handler = cmd->info;
    return NULL;
}

/* The status word or number leading a Redirect: > 0 a redirect status,
 * < 0 a non-redirect status (gone, 4xx...), 0 not a status at all. */
static int grok_status(const char *arg, int *status)
{
    static const struct { const char *word; int status; } words[] = {
        { "permanent", HTTP_MOVED_PERMANENTLY },
        { "temp", HTTP_MOVED_TEMPORARILY },
        { "seeother", HTTP_SEE_OTHER },
        { "gone", HTTP_GONE },
    };
    apr_size_t i;

    for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        if (strcasecmp(arg, words[i].word) == 0) {
            *status = words[i].status;
            return ap_is_HTTP_REDIRECT(*status) ? 1 : -1;
        }
    }
    if (apr_isdigit(*arg)) {
        *status = atoi(arg);
        return ap_is_HTTP_REDIRECT(*status) ? 1 : -1;
    }
    return 0;
}

/* Redirect inside <Location>: "[status] URL" or a bare non-3xx status
 * applies to the whole location. Returns 1 if it was such a form. */
static int location_redirect(ap__alias_dir_conf *dc, int grok, int status,
                             const char *a1, const char *a2, const char *a3)
{
    if ((grok > 0 && a2 && !a3) || (!grok && !a2)) {
        dc->redirect = grok ? a2 : a1;
    }
    else if (!(grok < 0 && !a2)) {
        return 0;
    }
    dc->redirect_status = status;
    dc->redirect_set = 1;
    return 1;
}

static const char *add_redirect_internal(cmd_parms *cmd,
                                         ap__alias_dir_conf *dc,
                                         const char *a1, const char *a2,
                                         const char *a3, int use_regex)
{
    ap__alias_server_conf *sc =
        ap_get_module_config(cmd->server->module_config, &alias_module);
    int status = (int)(apr_uintptr_t)cmd->info;
    int grok = grok_status(a1, &status);
    const char *fake = a2, *url = a3;
    ap_regex_t *re = NULL;
    ap__alias_entry *e;

    if (a3 && !grok) {
        return "Redirect: invalid first argument (of three)";
    }
    if (cmd->path && !use_regex
        && location_redirect(dc, grok, status, a1, a2, a3)) {
        return NULL;
    }
    if (!a3 && !grok) {
        fake = a1;
        url = a2;
    }
    if (use_regex && fake
        && (re = ap_pregcomp(cmd->pool, fake, AP_REG_EXTENDED)) == NULL) {
        return "Regular expression could not be compiled.";
    }
    if (ap_is_HTTP_REDIRECT(status)) {
        if (url == NULL) {
            return "URL to redirect to is missing";
        }
        if (!use_regex && !ap_is_url(url) && url[0] != '/') {
            return "Redirect to non-URL";
        }
    }
    else if (url) {
        return "Redirect URL not valid for this status";
    }
    e = apr_array_push(cmd->path ? dc->redirects : sc->redirects);
    memset(e, 0, sizeof(*e));
    e->fake = fake;
    e->real = url;
    e->regexp = re;
    e->redir_status = status;
    return NULL;
}

static const char *add_redirect(cmd_parms *cmd, void *dv, const char *a1,
                                const char *a2, const char *a3)
{
    return add_redirect_internal(cmd, dv, a1, a2, a3, 0);
}

static const char *add_redirect2(cmd_parms *cmd, void *dv, const char *a1,
                                 const char *a2)
{
    return add_redirect_internal(cmd, dv, a1, a2, NULL, 0);
}

static const char *add_redirect_regex(cmd_parms *cmd, void *dv,
                                      const char *a1, const char *a2,
                                      const char *a3)
{
    return add_redirect_internal(cmd, dv, a1, a2, a3, 1);
}

#define STATUS(s) ((void *)(apr_uintptr_t)(s))

static const command_rec alias_cmds[] = {
    AP_INIT_TAKE12("Alias", add_alias, NULL, RSRC_CONF | ACCESS_CONF,
        "a fakename and a realname, or a realname in a Location"),
    AP_INIT_TAKE12("ScriptAlias", add_alias, "cgi-script",
        RSRC_CONF | ACCESS_CONF,
        "a fakename and a realname, or a realname in a Location"),
    AP_INIT_TAKE123("Redirect", add_redirect,
        STATUS(HTTP_MOVED_TEMPORARILY), OR_FILEINFO,
        "an optional status, then document to be redirected and "
        "destination URL"),
    AP_INIT_TAKE2("AliasMatch", add_alias_regex, NULL, RSRC_CONF,
        "a regular expression and a filename"),
    AP_INIT_TAKE2("ScriptAliasMatch", add_alias_regex, "cgi-script",
        RSRC_CONF, "a regular expression and a filename"),
    AP_INIT_TAKE23("RedirectMatch", add_redirect_regex,
        STATUS(HTTP_MOVED_TEMPORARILY), OR_FILEINFO,
        "an optional status, then a regular expression and "
        "destination URL"),
    AP_INIT_TAKE2("RedirectTemp", add_redirect2,
        STATUS(HTTP_MOVED_TEMPORARILY), OR_FILEINFO,
        "a document to be redirected, then the destination URL"),
    AP_INIT_TAKE2("RedirectPermanent", add_redirect2,
        STATUS(HTTP_MOVED_PERMANENTLY), OR_FILEINFO,
        "a document to be redirected, then the destination URL"),
    { NULL }
};

static void register_hooks(apr_pool_t *p)
{
    /* before core's translate_name (REALLY_LAST) and these two */
    static const char *const succ[] = { "mod_userdir.c",
                                        "mod_vhost_alias.c", NULL };

    ap_hook_translate_name(ap__alias_translate, NULL, succ, APR_HOOK_MIDDLE);
    ap_hook_fixups(ap__alias_fixup_redir, NULL, NULL, APR_HOOK_MIDDLE);
}

module AP_MODULE_DECLARE_DATA alias_module = {
    STANDARD20_MODULE_STUFF,
    create_dir,
    merge_dir,
    create_server,
    merge_server,
    alias_cmds,
    register_hooks
};
