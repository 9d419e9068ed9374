/*
 * mod_alias_map.c: applying mod_alias's configuration to a request:
 * translate_name for server-wide entries, fixups for directory ones.
 */
#include <string.h>

#include "apr_strings.h"
#include "apr_uri.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_request.h"

#include "mod_alias_private.h"

APLOG_USE_MODULE(alias);

/* Returned by the lookups when a regex substitution failed. */
static char pregsub_error[] = "";
#define PREGSUB_ERROR pregsub_error

int ap__alias_matches(const char *uri, const char *fake)
{
    const char *a = fake, *u = uri;

    if (*a == '\0') {
        return 0;
    }
    while (*a) {
        if (*a == '/') {
            if (*u != '/') {
                return 0;
            }
            while (*a == '/') {
                a++;
            }
            while (*u == '/') {
                u++;
            }
        }
        else if (*u++ != *a++) {
            return 0;
        }
    }
    /* "/icons" must not match "/iconsfoo"; "/icons/" needs the slash */
    if (a[-1] != '/' && *u != '\0' && *u != '/') {
        return 0;
    }
    return (int)(u - uri);
}

/* A redirect target from a regex substitution: escape the path, keep
 * the query and fragment as written. */
static char *escape_target(request_rec *r, char *found)
{
    apr_uri_t uri;
    char *out;

    if (apr_uri_parse(r->pool, found, &uri) != APR_SUCCESS) {
        return ap_escape_uri(r->pool, found);
    }
    out = ap_escape_uri(r->pool,
                        apr_uri_unparse(r->pool, &uri,
                                        APR_URI_UNP_OMITQUERY));
    if (uri.query) {
        out = apr_pstrcat(r->pool, out, "?", uri.query, NULL);
    }
    if (uri.fragment) {
        out = apr_pstrcat(r->pool, out, "#", uri.fragment, NULL);
    }
    return out;
}

static char *match_regex(request_rec *r, const ap__alias_entry *e,
                         int is_redir)
{
    ap_regmatch_t regm[AP_MAX_REG_MATCH];
    char *found;

    if (ap_regexec(e->regexp, r->uri, AP_MAX_REG_MATCH, regm, 0) != 0) {
        return NULL;
    }
    if (e->real == NULL) {
        return (char *)"";  /* "RedirectMatch gone": a non-NULL hit */
    }
    found = ap_pregsub(r->pool, e->real, r->uri, AP_MAX_REG_MATCH, regm);
    if (found == NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(00672)
                      "Regex substitution in '%s' failed. "
                      "Replacement too long?", e->real);
        return PREGSUB_ERROR;
    }
    return is_redir ? escape_target(r, found) : found;
}

static char *match_prefix(request_rec *r, const ap__alias_entry *e,
                          int is_redir)
{
    /* "Redirect gone" with no path is accepted, as Apache does, and
     * matches nothing */
    int l = e->fake ? ap__alias_matches(r->uri, e->fake) : 0;
    const char *real = e->real ? e->real : "";

    if (l <= 0) {
        return NULL;
    }
    ap_set_context_info(r, e->fake, e->real);
    if (is_redir) {
        return apr_pstrcat(r->pool, real,
                           ap_os_escape_path(r->pool, r->uri + l, 1), NULL);
    }
    return apr_pstrcat(r->pool, real, r->uri + l, NULL);
}

/* First entry of @a list matching r->uri: its target, and its status. */
static char *try_list(request_rec *r, const apr_array_header_t *list,
                      int is_redir, int *status)
{
    const ap__alias_entry *e = (const ap__alias_entry *)list->elts;
    int i;

    for (i = 0; i < list->nelts; i++) {
        char *found = e[i].regexp ? match_regex(r, &e[i], is_redir)
                                  : match_prefix(r, &e[i], is_redir);
        if (found == NULL) {
            continue;
        }
        if (found == PREGSUB_ERROR) {
            return found;
        }
        if (e[i].handler) {     /* mod_cgi reads the note */
            r->handler = e[i].handler;
            apr_table_setn(r->notes, "alias-forced-type", r->handler);
        }
        if (!is_redir) {
            found = ap_server_root_relative(r->pool, found);
        }
        if (found) {
            *status = e[i].redir_status;
        }
        return found;
    }
    return NULL;
}

/* The one-argument Alias inside <Location>. */
static char *try_location_alias(request_rec *r, const ap__alias_dir_conf *d)
{
    if (d->alias == NULL) {
        return NULL;
    }
    if (d->handler) {
        r->handler = d->handler;
        apr_table_setn(r->notes, "alias-forced-type", r->handler);
    }
    return ap_server_root_relative(r->pool, d->alias);
}

/* The one-argument Redirect inside <Location>. */
static char *try_location_redirect(request_rec *r,
                                   const ap__alias_dir_conf *d, int *status)
{
    if (!d->redirect_set) {
        return NULL;
    }
    *status = d->redirect_status;
    return d->redirect ? escape_target(r, apr_pstrdup(r->pool, d->redirect))
                       : (char *)"";
}

/* Turn a redirect target into the response: Location, with the request's
 * query string appended unless the target brings its own. */
static int finish_redirect(request_rec *r, char *target, int status)
{
    if (target == PREGSUB_ERROR) {
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    if (!ap_is_HTTP_REDIRECT(status)) {
        return status;
    }
    if (target[0] == '/') {
        char *orig = target;
        target = ap_construct_url(r->pool, target, r);
        ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, APLOGNO(00673)
                      "incomplete redirection target of '%s' for "
                      "URI '%s' modified to '%s'", orig, r->uri, target);
    }
    if (!ap_is_url(target)) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(00674)
                      "cannot redirect '%s' to '%s'; "
                      "target is not a valid absoluteURI or abs_path",
                      r->uri, target);
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    if (r->args && strchr(target, '?') == NULL) {
        target = apr_pstrcat(r->pool, target, "?", r->args, NULL);
    }
    apr_table_setn(r->headers_out, "Location", target);
    return status;
}

int ap__alias_translate(request_rec *r)
{
    const ap__alias_server_conf *sc =
        ap_get_module_config(r->server->module_config, &alias_module);
    const ap__alias_dir_conf *dc =
        ap_get_module_config(r->per_dir_config, &alias_module);
    char *ret;
    int status = 0;

    if (r->uri[0] != '/' && r->uri[0] != '\0') {
        return DECLINED;    /* "*" and proxy requests */
    }
    if ((ret = try_location_redirect(r, dc, &status)) != NULL
        || (ret = try_list(r, sc->redirects, 1, &status)) != NULL) {
        return finish_redirect(r, ret, status);
    }
    if ((ret = try_location_alias(r, dc)) != NULL
        || (ret = try_list(r, sc->aliases, 0, &status)) != NULL) {
        if (ret == PREGSUB_ERROR) {
            return HTTP_INTERNAL_SERVER_ERROR;
        }
        r->filename = ret;
        return OK;
    }
    return DECLINED;
}

int ap__alias_fixup_redir(request_rec *r)
{
    const ap__alias_dir_conf *dc =
        ap_get_module_config(r->per_dir_config, &alias_module);
    char *ret;
    int status = 0;

    /* the directory walk may have brought new redirects: try again */
    if ((ret = try_location_redirect(r, dc, &status)) != NULL
        || (ret = try_list(r, dc->redirects, 1, &status)) != NULL) {
        return finish_redirect(r, ret, status);
    }
    return DECLINED;
}
