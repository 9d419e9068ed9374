/*
 * mod_dir.c: the dir_module.  For a directory: redirect "/dir" to
 * "/dir/" (DirectorySlash), then serve the first DirectoryIndex file that
 * exists, found with a sub-request and entered with a fast internal
 * redirect.  For a URL matching nothing: FallbackResource.  Runs as a
 * fixup, after access checking, like Apache's.
 */
#include <stdlib.h>
#include <string.h>

#include "apr_strings.h"
#include "apr_lib.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"

APLOG_USE_MODULE(dir);

#define DIR_UNSET (-1)
#define DIR_OFF 0
#define DIR_ON 1

/** Per-directory configuration. */
typedef struct {
    apr_array_header_t *index_names;    /* NULL: the default index.html */
    int do_slash;                       /* DirectorySlash */
    int checkhandler;                   /* DirectoryCheckHandler */
    int redirect_index;                 /* DirectoryIndexRedirect: 0 off */
    const char *dflt;                   /* FallbackResource */
} dir_conf;

static void *create_dir(apr_pool_t *p, char *dummy)
{
    dir_conf *c = apr_pcalloc(p, sizeof(*c));

    c->do_slash = DIR_UNSET;
    c->checkhandler = DIR_UNSET;
    c->redirect_index = DIR_UNSET;
    return c;
}

static void *merge_dir(apr_pool_t *p, void *basev, void *addv)
{
    const dir_conf *base = basev, *add = addv;
    dir_conf *c = apr_pcalloc(p, sizeof(*c));

    c->index_names = add->index_names ? add->index_names : base->index_names;
    c->do_slash = add->do_slash == DIR_UNSET ? base->do_slash : add->do_slash;
    c->checkhandler = add->checkhandler == DIR_UNSET ? base->checkhandler
                                                     : add->checkhandler;
    c->redirect_index = add->redirect_index == DIR_UNSET
                        ? base->redirect_index : add->redirect_index;
    c->dflt = add->dflt ? add->dflt : base->dflt;
    return c;
}

/* DirectoryIndex: names accumulate within one context; "disabled" alone
 * turns index files off. */
static const char *add_index(cmd_parms *cmd, void *dv, const char *arg)
{
    dir_conf *d = dv;
    const char *t = arg;
    const char *w;
    int count = 0;

    if (d->index_names == NULL) {
        d->index_names = apr_array_make(cmd->pool, 2, sizeof(char *));
    }
    while ((w = ap_getword_conf(cmd->pool, &t)) && w[0]) {
        if (count == 0 && strcasecmp(w, "disabled") == 0) {
            const char *tt = t;
            if (*ap_getword_conf(cmd->temp_pool, &tt) == '\0') {
                apr_array_clear(d->index_names);
                break;
            }
        }
        *(const char **)apr_array_push(d->index_names) = w;
        count++;
    }
    return NULL;
}

static const char *set_redirect_index(cmd_parms *cmd, void *dv,
                                      const char *arg)
{
    static const struct { const char *word; int status; } words[] = {
        { "on", HTTP_MOVED_TEMPORARILY },
        { "off", 0 },
        { "permanent", HTTP_MOVED_PERMANENTLY },
        { "temp", HTTP_MOVED_TEMPORARILY },
        { "seeother", HTTP_SEE_OTHER },
    };
    dir_conf *d = dv;
    apr_size_t i;

    for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        if (strcasecmp(arg, words[i].word) == 0) {
            d->redirect_index = words[i].status;
            return NULL;
        }
    }
    if (apr_isdigit(*arg)) {
        int status = atoi(arg);
        if (!ap_is_HTTP_REDIRECT(status)) {
            return "DirectoryIndexRedirect only accepts values between 300 "
                   "and 399";
        }
        d->redirect_index = status;
        return NULL;
    }
    return "DirectoryIndexRedirect ON|OFF|permanent|temp|seeother|3xx";
}

#define DIR_CMD_PERMS OR_INDEXES

static const command_rec dir_cmds[] = {
    AP_INIT_TAKE1("FallbackResource", ap_set_string_slot,
        (void *)APR_OFFSETOF(dir_conf, dflt), DIR_CMD_PERMS,
        "Set a default handler"),
    AP_INIT_RAW_ARGS("DirectoryIndex", add_index, NULL, DIR_CMD_PERMS,
        "a list of file names"),
    AP_INIT_FLAG("DirectorySlash", ap_set_flag_slot,
        (void *)APR_OFFSETOF(dir_conf, do_slash), DIR_CMD_PERMS,
        "On or Off"),
    AP_INIT_FLAG("DirectoryCheckHandler", ap_set_flag_slot,
        (void *)APR_OFFSETOF(dir_conf, checkhandler), DIR_CMD_PERMS,
        "On or Off"),
    AP_INIT_TAKE1("DirectoryIndexRedirect", set_redirect_index, NULL,
        DIR_CMD_PERMS, "On, Off, or a 3xx status code."),
    { NULL }
};

/* A candidate found by the sub-request is usable if it is a regular file
 * (map_to_storage turns almost anything into 200 with path_info) or is
 * handled by the proxy. */
static int usable(const request_rec *rr)
{
    return rr->status == HTTP_OK
           && ((rr->handler && strcmp(rr->handler, "proxy-server") == 0)
               || rr->finfo.filetype == APR_REG);
}

/* A sub-request status the client must see instead of a listing. */
static int propagate(request_rec *r, request_rec *rr)
{
    r->notes = apr_table_overlay(r->pool, r->notes, rr->notes);
    r->headers_out = apr_table_overlay(r->pool, r->headers_out,
                                       rr->headers_out);
    r->err_headers_out = apr_table_overlay(r->pool, r->err_headers_out,
                                           rr->err_headers_out);
    return rr->status;
}

static request_rec *lookup(request_rec *r, const char *name)
{
    if (r->args) {   /* the index sees the query, as after the redirect */
        name = apr_pstrcat(r->pool, name, "?", r->args, NULL);
    }
    return ap_sub_req_lookup_uri(name, r, r->output_filters);
}

static int fixup_dflt(request_rec *r)
{
    dir_conf *d = ap_get_module_config(r->per_dir_config, &dir_module);
    request_rec *rr;
    int status;

    if (d->dflt == NULL || strcasecmp(d->dflt, "disabled") == 0) {
        return DECLINED;
    }
    rr = lookup(r, d->dflt);
    if (usable(rr)) {
        ap_internal_fast_redirect(rr, r);
        return OK;
    }
    if (ap_is_HTTP_REDIRECT(rr->status)) {
        return propagate(r, rr);
    }
    status = rr->status;
    ap_destroy_sub_req(rr);
    return (status && status != HTTP_OK) ? status : DECLINED;
}

/* "/dir" -> 301 "/dir/", keeping the query string. */
static int slash_redirect(request_rec *r, const dir_conf *d)
{
    char *target;

    if (d->do_slash == DIR_OFF) {
        return DECLINED;
    }
    /* some clients (WebFolders) cannot follow redirects of non-GETs */
    if (r->method_number != M_GET
        && apr_table_get(r->subprocess_env, "redirect-carefully")) {
        return DECLINED;
    }
    target = r->args
        ? apr_pstrcat(r->pool, ap_escape_uri(r->pool, r->uri), "/?",
                      r->args, NULL)
        : apr_pstrcat(r->pool, ap_escape_uri(r->pool, r->uri), "/", NULL);
    apr_table_setn(r->headers_out, "Location",
                   ap_construct_url(r->pool, target, r));
    return HTTP_MOVED_PERMANENTLY;
}

/* Someone else took the request over: do not leak the directory type. */
static int step_aside(request_rec *r)
{
    if (r->content_type && strcmp(r->content_type, DIR_MAGIC_TYPE) == 0) {
        r->content_type = NULL;
    }
    return DECLINED;
}

/* Try each index name; the first usable one wins.  Other errors are kept
 * so that a denied index never degrades into a listing. */
static int try_indexes(request_rec *r, const dir_conf *d)
{
    static const char *const dflt[] = { AP_DEFAULT_INDEX };
    const char *const *names = d->index_names
        ? (const char *const *)d->index_names->elts : dflt;
    int n = d->index_names ? d->index_names->nelts : 1;
    int error = 0;

    for (; n > 0; names++, n--) {
        request_rec *rr = lookup(r, *names);

        if (usable(rr)) {
            if (ap_is_HTTP_REDIRECT(d->redirect_index)) {
                apr_table_setn(r->headers_out, "Location",
                               ap_construct_url(r->pool, rr->uri, r));
                return d->redirect_index;
            }
            ap_internal_fast_redirect(rr, r);
            return OK;
        }
        if (ap_is_HTTP_REDIRECT(rr->status)
            || (n == 1 && (rr->status == HTTP_NOT_ACCEPTABLE
                           || rr->status == HTTP_UNAUTHORIZED))) {
            return propagate(r, rr);
        }
        if (rr->status && rr->status != HTTP_NOT_FOUND
            && rr->status != HTTP_OK) {
            error = rr->status;
        }
        ap_destroy_sub_req(rr);
    }
    return error;
}

static int fixup_dir(request_rec *r)
{
    dir_conf *d;
    apr_size_t len = strlen(r->uri);
    int status;

    if (r->handler == NULL) {   /* mod_mime absent or silent */
        r->handler = DIR_MAGIC_TYPE;
    }
    if (r->path_info && *r->path_info) {
        return DECLINED;
    }
    d = ap_get_module_config(r->per_dir_config, &dir_module);
    if (len == 0 || r->uri[len - 1] != '/') {
        return slash_redirect(r, d);
    }
    /* between mod_rewrite's fixup and its redirect handler */
    if (strcmp(r->handler, "redirect-handler") == 0) {
        return step_aside(r);
    }
    if (d->checkhandler == DIR_ON && strcmp(r->handler, DIR_MAGIC_TYPE)) {
        return step_aside(r);
    }
    status = try_indexes(r, d);
    if (status) {
        return status;
    }
    /* what we tried, for mod_autoindex's benefit */
    apr_table_setn(r->notes, "dir-index-names",
                   d->index_names ? apr_array_pstrcat(r->pool,
                                                      d->index_names, ',')
                                  : AP_DEFAULT_INDEX);
    return DECLINED;
}

static int dir_fixups(request_rec *r)
{
    if (r->finfo.filetype == APR_DIR) {
        return fixup_dir(r);
    }
    if (r->finfo.filetype == APR_NOFILE && r->handler == NULL) {
        return fixup_dflt(r);
    }
    return DECLINED;
}

static void register_hooks(apr_pool_t *p)
{
    ap_hook_fixups(dir_fixups, NULL, NULL, APR_HOOK_LAST);
}

module AP_MODULE_DECLARE_DATA dir_module = {
    STANDARD20_MODULE_STUFF,
    create_dir,
    merge_dir,
    NULL,
    NULL,
    dir_cmds,
    register_hooks
};
