/* request_walk_cache.c: what the location, directory and file walks share.
 *
 * A walk lists the sections that matched, each with the merge of it and
 * everything before it. The list is kept per request and per call (the
 * location walk runs three times per request); a sub-request or internal
 * redirect starts from its parent's list for the same call, so when it
 * matches the same sections no merge is done again.
 */
#include <string.h>

#include "apr_strings.h"
#include "apr_file_info.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_request.h"
#include "ap_regex.h"
#include "request_private.h"

/* The parent request's cache for the call numbered @a count. */
static ap__walk_cache_t *inherited(apr_size_t note, request_rec *r,
                                   int count)
{
    request_rec *parent = r->prev ? r->prev : r->main;
    void **pnote;
    ap__walk_cache_t *c;

    if (!parent || !(pnote = ap_get_request_note(parent, note))
        || !*pnote) {
        return NULL;
    }
    for (c = *pnote; c && c->count > count; c = c->prev) {
    }
    return (c && c->count == count) ? c : NULL;
}

ap__walk_cache_t *ap__walk_cache_prep(apr_size_t note, request_rec *r)
{
    void **mine = ap_get_request_note(r, note);
    ap__walk_cache_t *prev = mine ? *mine : NULL;
    int count = prev ? prev->count + 1 : 0;
    ap__walk_cache_t *from = inherited(note, r, count);
    ap__walk_cache_t *cache;

    if (!from) {
        from = prev;
    }
    if (from) {
        cache = apr_pmemdup(r->pool, from, sizeof(*cache));
        cache->walked = apr_array_copy(r->pool, from->walked);
    }
    else {
        cache = apr_pcalloc(r->pool, sizeof(*cache));
        cache->walked = apr_array_make(r->pool, 4, sizeof(ap__walked_t));
    }
    cache->prev = prev;
    cache->count = count;
    /* Without a core request config (should not happen) nothing is
     * remembered, which is slower but still right. */
    if (mine) {
        *mine = cache;
    }
    return cache;
}

void ap__walk_begin(ap__walk_state_t *ws, request_rec *r,
                    ap__walk_cache_t *cache)
{
    ws->r = r;
    ws->cache = cache;
    ws->last = (ap__walked_t *)cache->walked->elts;
    ws->matches = cache->walked->nelts;
    ws->now_merged = NULL;
}

void ap__walk_add(ap__walk_state_t *ws, ap_conf_vector_t *sec)
{
    ap__walked_t *w;

    if (ws->matches) {
        if (ws->last->matched == sec) {
            ws->now_merged = ws->last->merged;
            ws->last++;
            ws->matches--;
            return;
        }
        /* Out of step with the old walk: forget the rest of it. */
        ws->cache->walked->nelts -= ws->matches;
        ws->matches = 0;
    }
    ws->now_merged = ws->now_merged
        ? ap_merge_per_dir_configs(ws->r->pool, ws->now_merged, sec)
        : sec;
    w = (ap__walked_t *)apr_array_push(ws->cache->walked);
    w->matched = sec;
    w->merged = ws->now_merged;
}

void ap__walk_end(ap__walk_state_t *ws)
{
    if (ws->matches) {
        ws->cache->walked->nelts -= ws->matches;
        ws->matches = 0;
    }
}

ap_conf_vector_t *ap__walk_last_merged(const ap__walk_cache_t *cache)
{
    const apr_array_header_t *w = cache->walked;

    if (!w->nelts) {
        return NULL;
    }
    return ((ap__walked_t *)w->elts)[w->nelts - 1].merged;
}

void ap__walk_finish(request_rec *r, ap__walk_cache_t *cache,
                     ap_conf_vector_t **sec_ent,
                     ap_conf_vector_t *now_merged)
{
    cache->dir_conf_tested = sec_ent;
    cache->dir_conf_merged = r->per_dir_config;
    if (now_merged) {
        r->per_dir_config = ap_merge_per_dir_configs(r->pool,
                                                     r->per_dir_config,
                                                     now_merged);
    }
    cache->per_dir_result = r->per_dir_config;
}

#define SMALL_NMATCH 10

int ap__walk_regex_match(request_rec *r, const core_dir_config *core,
                         const char *subject)
{
    ap_regmatch_t small[SMALL_NMATCH], *pmatch = NULL;
    int nmatch = 0, i;
    const char **names;

    if (core->refs && core->refs->nelts) {
        nmatch = core->refs->nelts;
        pmatch = nmatch <= SMALL_NMATCH
                 ? small : apr_palloc(r->pool, nmatch * sizeof(*pmatch));
    }
    if (ap_regexec(core->r, subject, (apr_size_t)nmatch, pmatch, 0)) {
        return 0;
    }
    names = nmatch ? (const char **)core->refs->elts : NULL;
    for (i = 0; i < nmatch; i++) {
        if (names[i] && pmatch[i].rm_so >= 0 && pmatch[i].rm_eo >= 0) {
            apr_table_setn(r->subprocess_env, names[i],
                           apr_pstrndup(r->pool, subject + pmatch[i].rm_so,
                                        pmatch[i].rm_eo - pmatch[i].rm_so));
        }
    }
    return 1;
}

/* Replace the link's info by its target's, keeping the link's name. */
static void give_target(apr_finfo_t *lfi, const apr_finfo_t *fi)
{
    const char *name = (lfi->valid & APR_FINFO_NAME) ? lfi->name : NULL;

    *lfi = *fi;
    if (name) {
        lfi->name = name;
        lfi->valid |= APR_FINFO_NAME;
    }
}

int ap__resolve_symlink(char *d, apr_finfo_t *lfi, int opts, apr_pool_t *p)
{
    apr_finfo_t fi;

    if (!(opts & (OPT_SYM_OWNER | OPT_SYM_LINKS))) {
        return HTTP_FORBIDDEN;
    }
    if (!(opts & OPT_SYM_OWNER)) {
        /* FollowSymLinks: the target only needs to exist. */
        if (apr_stat(&fi, d, lfi->valid & ~(APR_FINFO_NAME | APR_FINFO_LINK),
                     p) != APR_SUCCESS) {
            return HTTP_FORBIDDEN;
        }
        give_target(lfi, &fi);
        return OK;
    }
    /* SymLinksIfOwnerMatch: the link and its target have one owner. */
    if (!(lfi->valid & APR_FINFO_OWNER)
        && apr_stat(lfi, d, lfi->valid | APR_FINFO_LINK | APR_FINFO_OWNER, p)
           != APR_SUCCESS) {
        return HTTP_FORBIDDEN;
    }
    if (apr_stat(&fi, d, lfi->valid & ~(APR_FINFO_NAME | APR_FINFO_LINK), p)
        != APR_SUCCESS) {
        return HTTP_FORBIDDEN;
    }
    if (apr_uid_compare(fi.user, lfi->user) != APR_SUCCESS) {
        return HTTP_FORBIDDEN;
    }
    give_target(lfi, &fi);
    return OK;
}
