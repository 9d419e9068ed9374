/* request_walk_loc.c: the <Location>/<LocationMatch> walk over the URI,
 * the <Files>/<FilesMatch> walk over the last path segment, and the <If>
 * walk. Sections are applied in configuration order; the walk caches let
 * repeated walks of the same key skip matching and merging. */
#include <string.h>

#include "apr_fnmatch.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_request.h"
#include "ap_expr.h"
#include "request_private.h"

APLOG_USE_MODULE(core);

/* Does the non-regex <Location> path @a d match @a uri? A prefix match
 * that ends on a segment boundary ("/foo" matches "/foo/x", not
 * "/foobar"). */
static int location_matches(const core_dir_config *core, const char *uri)
{
    apr_size_t len;

    if (core->d_is_fnmatch) {
        return apr_fnmatch(core->d, uri, APR_FNM_PATHNAME) == APR_SUCCESS;
    }
    len = strlen(core->d);
    if (strncmp(core->d, uri, len) != 0) {
        return 0;
    }
    return len == 0 || core->d[len - 1] == '/' || uri[len] == '/'
           || uri[len] == '\0';
}

/* The URI a location walk matches: with MergeSlashes off the walk still
 * sees merged slashes, as <Location> authors expect. */
static const char *location_key(request_rec *r,
                                 const core_server_config *sconf)
{
    char *uri;

    if (sconf->merge_slashes != AP_CORE_CONFIG_OFF) {
        return r->uri;
    }
    uri = apr_pstrdup(r->pool, r->uri);
    ap_no2slash(uri);
    return uri;
}

/* When the cache describes this very key and section list, the result is
 * known: either nothing to do (*done) or the merged sections to apply. */
static int cache_hit(request_rec *r, ap__walk_cache_t *cache,
                     ap_conf_vector_t **sec_ent, const char *key,
                     ap_conf_vector_t **now_merged, int *done)
{
    *done = 0;
    if (!cache->cached || cache->dir_conf_tested != sec_ent
        || strcmp(key, cache->cached) != 0) {
        return 0;
    }
    if (r->per_dir_config == cache->per_dir_result) {
        *done = 1;
        return 1;
    }
    *now_merged = ap__walk_last_merged(cache);
    return 1;
}

AP_DECLARE(int) ap_location_walk(request_rec *r)
{
    core_server_config *sconf =
        ap_get_core_module_config(r->server->module_config);
    ap_conf_vector_t **sec_ent = (ap_conf_vector_t **)sconf->sec_url->elts;
    int num_sec = sconf->sec_url->nelts, i, done;
    ap_conf_vector_t *now_merged = NULL;
    ap__walk_cache_t *cache;
    ap__walk_state_t ws;
    const char *key;

    if (!num_sec || !r->uri) {
        return OK;  /* the cache is kept for a later redirect */
    }
    cache = ap__walk_cache_prep(AP_NOTE_LOCATION_WALK, r);
    key = location_key(r, sconf);
    if (cache_hit(r, cache, sec_ent, key, &now_merged, &done)) {
        if (done) {
            return OK;
        }
    }
    else {
        cache->cached = key;
        ap__walk_begin(&ws, r, cache);
        for (i = 0; i < num_sec; i++) {
            core_dir_config *core = ap_get_core_module_config(sec_ent[i]);
            int hit = core->r ? ap__walk_regex_match(r, core, r->uri)
                              : location_matches(core, key);
            if (hit) {
                ap__walk_add(&ws, sec_ent[i]);
            }
        }
        ap__walk_end(&ws);
        now_merged = ws.now_merged;
    }
    ap__walk_finish(r, cache, sec_ent, now_merged);
    return OK;
}

/* The last path segment of r->filename, copied (modules may change
 * r->filename in place later). */
static const char *file_key(request_rec *r)
{
    const char *slash = strrchr(r->filename, '/');

    return apr_pstrdup(r->pool, slash ? slash + 1 : r->filename);
}

static int file_matches(const core_dir_config *core, const char *name)
{
    if (core->d_is_fnmatch) {
        return apr_fnmatch(core->d, name, APR_FNM_PATHNAME) == APR_SUCCESS;
    }
    return strcmp(core->d, name) == 0;
}

AP_DECLARE(int) ap_file_walk(request_rec *r)
{
    core_dir_config *dconf = ap_get_core_module_config(r->per_dir_config);
    ap_conf_vector_t **sec_ent;
    ap_conf_vector_t *now_merged = NULL;
    ap__walk_cache_t *cache;
    ap__walk_state_t ws;
    const char *key;
    int num_sec, i, done;

    /* No filename: a module bug noted by the directory walk already. */
    if (!r->filename || !dconf->sec_file || !dconf->sec_file->nelts) {
        return OK;
    }
    sec_ent = (ap_conf_vector_t **)dconf->sec_file->elts;
    num_sec = dconf->sec_file->nelts;
    cache = ap__walk_cache_prep(AP_NOTE_FILE_WALK, r);
    key = file_key(r);
    if (cache_hit(r, cache, sec_ent, key, &now_merged, &done)) {
        if (done) {
            return OK;
        }
    }
    else {
        cache->cached = key;
        ap__walk_begin(&ws, r, cache);
        for (i = 0; i < num_sec; i++) {
            core_dir_config *core = ap_get_core_module_config(sec_ent[i]);
            int hit = core->r ? ap__walk_regex_match(r, core, key)
                              : file_matches(core, key);
            if (hit) {
                ap__walk_add(&ws, sec_ent[i]);
            }
        }
        ap__walk_end(&ws);
        now_merged = ws.now_merged;
    }
    ap__walk_finish(r, cache, sec_ent, now_merged);
    return OK;
}

/* <If>/<ElseIf>/<Else> in configuration order: an <If> applies when its
 * condition holds; an <ElseIf>/<Else> is skipped when the section before
 * it in the chain applied. A condition that fails to evaluate counts as
 * false and is logged. */
static int if_section_applies(request_rec *r, const core_dir_config *c,
                              int *prev)
{
    const char *err = NULL;
    int rc;

    if ((c->condition_ifelse & AP_CONDITION_ELSE) && *prev == 1) {
        return 0;
    }
    if (!(c->condition_ifelse & AP_CONDITION_IF)) {
        *prev = 1;          /* a plain <Else> */
        return 1;
    }
    rc = ap_expr_exec(r, c->condition, &err);
    if (rc < 0) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(00039)
                      "Failed to evaluate <If > condition: %s", err);
    }
    *prev = rc > 0;
    return rc > 0;
}

AP_DECLARE(int) ap_if_walk(request_rec *r)
{
    core_dir_config *dconf = ap_get_core_module_config(r->per_dir_config);
    ap_conf_vector_t **sec_ent;
    ap__walk_state_t ws;
    ap__walk_cache_t *cache;
    int num_sec, i, prev = -1;

    if (!dconf->sec_if || !dconf->sec_if->nelts) {
        return OK;
    }
    sec_ent = (ap_conf_vector_t **)dconf->sec_if->elts;
    num_sec = dconf->sec_if->nelts;
    /* Conditions depend on the request, not on a key: evaluate each time;
     * the cache only records what was merged. */
    cache = ap__walk_cache_prep(AP_NOTE_IF_WALK, r);
    cache->cached = NULL;
    ap__walk_begin(&ws, r, cache);
    for (i = 0; i < num_sec; i++) {
        core_dir_config *c = ap_get_core_module_config(sec_ent[i]);

        if (if_section_applies(r, c, &prev)) {
            ap__walk_add(&ws, sec_ent[i]);
        }
    }
    ap__walk_end(&ws);
    ap__walk_finish(r, cache, sec_ent, ws.now_merged);
    return OK;
}
