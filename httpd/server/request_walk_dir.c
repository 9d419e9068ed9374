/* request_walk_dir.c: the <Directory> walk.
 *
 * r->filename is rebuilt one path segment at a time from the root. At
 * each level the non-regex <Directory> sections with that many segments
 * are matched (they are sorted by segment count at startup), then the
 * level's .htaccess is read if AllowOverride allows any. A segment that
 * is a file ends the walk: what follows is path_info. Symlinks are
 * checked per Options FollowSymLinks / SymLinksIfOwnerMatch, with lstat
 * saved when FollowSymLinks makes it pointless. <DirectoryMatch> sections
 * are matched last, against the whole path. A per-request cache lets a
 * second walk of the same directory (a sub-request for an index file, an
 * internal redirect) reuse the merged result.
 */
#include <string.h>

#include "apr_file_info.h"
#include "apr_fnmatch.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_request.h"
#include "request_private.h"

APLOG_USE_MODULE(core);

/* The few core settings the walk itself needs, merged as it goes. */
typedef struct {
    allow_options_t opts;
    allow_options_t add;
    allow_options_t remove;
    overrides_t override;
    allow_options_t override_opts;
    apr_table_t *override_list;
} walk_opts;

typedef struct {
    request_rec *r;
    core_server_config *sconf;
    ap_conf_vector_t **sec_ent;
    int num_sec;
    int sec_idx;
    walk_opts opts;
    ap__walk_state_t ws;
    apr_size_t filename_len;   /* == strlen(r->filename) */
    unsigned int seg;
    unsigned int startseg;
    apr_finfo_t thisinfo;
} dir_walk;

static void opts_init(walk_opts *o, const core_dir_config *d)
{
    o->opts = d->opts;
    o->add = d->opts_add;
    o->remove = d->opts_remove;
    o->override = d->override;
    o->override_opts = d->override_opts;
    o->override_list = d->override_list;
}

/* Options +X/-X accumulate; a plain Options resets. */
static void opts_merge(walk_opts *o, const ap_conf_vector_t *sec)
{
    const core_dir_config *d = ap_get_core_module_config(sec);

    if (!d) {
        return;
    }
    if (d->opts & OPT_UNSET) {
        o->add = (allow_options_t)((o->add & ~d->opts_remove) | d->opts_add);
        o->remove = (allow_options_t)((o->remove & ~d->opts_add)
                                      | d->opts_remove);
        o->opts = (allow_options_t)((o->opts & ~o->remove) | o->add);
    }
    else {
        o->opts = d->opts;
        o->add = d->opts_add;
        o->remove = d->opts_remove;
    }
    if (!(d->override & OR_UNSET)) {
        o->override = d->override;
        o->override_opts = d->override_opts;
    }
    if (d->override_list) {
        o->override_list = d->override_list;
    }
}

static void take_section(dir_walk *dw, ap_conf_vector_t *sec)
{
    opts_merge(&dw->opts, sec);
    ap__walk_add(&dw->ws, sec);
}

/* The non-regex sections for the current level (dw->seg segments). */
static void match_level(dir_walk *dw)
{
    const char *fn = dw->r->filename;

    for (; dw->sec_idx < dw->num_sec; dw->sec_idx++) {
        ap_conf_vector_t *sec = dw->sec_ent[dw->sec_idx];
        core_dir_config *core = ap_get_core_module_config(sec);

        if (core->r || core->d_components > dw->seg) {
            break;      /* the rest are for deeper levels, or regexes */
        }
        /* d_components 0 is <Directory "/">: it always applies */
        if (core->d_components
            && (core->d_components < dw->seg
                || (core->d_is_fnmatch
                    ? apr_fnmatch(core->d, fn, APR_FNM_PATHNAME)
                      != APR_SUCCESS
                    : strcmp(fn, core->d) != 0))) {
            continue;
        }
        take_section(dw, sec);
    }
}

static int read_htaccess(dir_walk *dw)
{
    ap_conf_vector_t *conf = NULL;
    int res;

    if (dw->seg < dw->startseg
        || (!dw->opts.override
            && (!dw->opts.override_list
                || apr_is_empty_table(dw->opts.override_list)))) {
        return OK;
    }
    res = ap_parse_htaccess(&conf, dw->r, dw->opts.override,
                            dw->opts.override_opts, dw->opts.override_list,
                            dw->r->filename, dw->sconf->access_name);
    if (res != OK) {
        return res;
    }
    if (conf) {
        /* .htaccess configs are cached per request, so the pointer is
         * stable and the walk cache can recognise it. */
        take_section(dw, conf);
    }
    return OK;
}

/* Move the next segment of r->path_info onto r->filename.
 * @return 0 when there is no further segment. */
static int next_segment(dir_walk *dw, char **seg_name)
{
    request_rec *r = dw->r;
    char *name = r->filename + dw->filename_len;
    const char *delim = strchr(r->path_info + (*r->path_info == '/'), '/');
    apr_size_t len = delim ? (apr_size_t)(delim - r->path_info)
                           : strlen(r->path_info);

    memcpy(name, r->path_info, len);
    name[len] = '\0';
    dw->filename_len += len;
    r->path_info += len;
    if (*name == '/') {
        name++;
    }
    *seg_name = name;
    return *name != '\0';
}

static int deny(request_rec *r, apr_status_t rv, const char *why)
{
    ap_log_rerror(APLOG_MARK, APLOG_ERR, rv, r, APLOGNO(20111)
                  "access to %s %s (filesystem path '%s')",
                  r->uri, why, r->filename);
    return r->status = HTTP_FORBIDDEN;
}

/* lstat the segment just added and follow it if it is a link.
 * @return OK, or an HTTP error; dw->thisinfo holds the target. */
static int stat_segment(dir_walk *dw, char *seg_name)
{
    request_rec *r = dw->r;
    apr_finfo_t *fi = &dw->thisinfo;
    apr_status_t rv = ap_run_dirwalk_stat(fi, r, APR_FINFO_MIN
                                          | APR_FINFO_NAME | APR_FINFO_LINK);
    int res;

    if (APR_STATUS_IS_ENOENT(rv)) {
        fi->filetype = APR_NOFILE;
        return OK;
    }
    if (APR_STATUS_IS_EACCES(rv)) {
        return deny(r, rv, "denied because search permissions are missing "
                    "on a component of the path");
    }
    if ((rv != APR_SUCCESS && rv != APR_INCOMPLETE)
        || !(fi->valid & APR_FINFO_TYPE)) {
        return deny(r, rv, "failed");
    }
    /* Case-insensitive file systems: use the name on disk. */
    if ((fi->valid & APR_FINFO_NAME) && fi->name
        && strcmp(seg_name, fi->name) != 0
        && strlen(fi->name) == strlen(seg_name)) {
        memcpy(seg_name, fi->name, strlen(seg_name));
    }
    if (fi->filetype == APR_LNK
        && (res = ap__resolve_symlink(r->filename, fi, dw->opts.opts,
                                      r->pool)) != OK) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(20112)
                      "Symbolic link not allowed or link target not "
                      "accessible: %s", r->filename);
        return r->status = res;
    }
    if (fi->filetype != APR_REG && fi->filetype != APR_NOFILE
        && fi->filetype != APR_DIR) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(20113)
                      "Forbidden: %s doesn't point to a file or directory",
                      r->filename);
        return r->status = HTTP_FORBIDDEN;
    }
    return OK;
}

/* One level: sections, .htaccess, then descend.
 * @return OK to go on, DONE when the walk is over, or an HTTP error. */
static int walk_level(dir_walk *dw)
{
    request_rec *r = dw->r;
    int temp_slash = 0, res;
    char *seg_name;

    if (dw->seg > dw->startseg && r->filename[dw->filename_len - 1] != '/') {
        r->filename[dw->filename_len++] = '/';
        r->filename[dw->filename_len] = '\0';
        temp_slash = 1;
    }
    match_level(dw);
    if ((res = read_htaccess(dw)) != OK) {
        return res;
    }
    if (temp_slash) {
        r->filename[--dw->filename_len] = '\0';
    }
    if (!r->path_info || !*r->path_info || !next_segment(dw, &seg_name)) {
        return DONE;
    }
    /* The whole path stat'ed fine and symlinks are simply followed: the
     * intermediate segments need no lstat. */
    if (r->finfo.filetype != APR_NOFILE
        && (dw->opts.opts & (OPT_SYM_OWNER | OPT_SYM_LINKS)) == OPT_SYM_LINKS) {
        dw->thisinfo.filetype = APR_DIR;
        dw->seg++;
        return OK;
    }
    if ((res = stat_segment(dw, seg_name)) != OK) {
        return res;
    }
    if (dw->thisinfo.filetype != APR_DIR) {
        return DONE;
    }
    dw->seg++;
    return OK;
}

static void match_regex_sections(dir_walk *dw)
{
    for (; dw->sec_idx < dw->num_sec; dw->sec_idx++) {
        ap_conf_vector_t *sec = dw->sec_ent[dw->sec_idx];
        core_dir_config *core = ap_get_core_module_config(sec);

        if (core->r && ap__walk_regex_match(dw->r, core, dw->r->filename)) {
            take_section(dw, sec);
        }
    }
}

/* Make r->path_info the whole path to walk and r->filename its root, in
 * a buffer big enough for the rebuilt path. *saved gets the original
 * path_info to splice back at the end. */
static int prepare_paths(dir_walk *dw, char **saved)
{
    request_rec *r = dw->r;
    const char *root, *rest;
    apr_size_t buflen;
    apr_status_t rv;
    char *buf;

    *saved = NULL;
    if (r->finfo.filetype == APR_DIR && r->path_info && *r->path_info) {
        rv = apr_filepath_merge(&r->path_info, r->filename, r->path_info,
                                APR_FILEPATH_NOTABOVEROOT, r->pool);
        if (rv != APR_SUCCESS) {
            ap_log_rerror(APLOG_MARK, APLOG_ERR, rv, r, APLOGNO(20114)
                          "dir_walk error, path_info %s is not relative to "
                          "the filename path %s for uri %s",
                          r->path_info, r->filename, r->uri);
            return HTTP_INTERNAL_SERVER_ERROR;
        }
    }
    else {
        *saved = r->path_info;
        r->path_info = r->filename;
    }
    rest = r->path_info;
    rv = apr_filepath_root(&root, &rest, APR_FILEPATH_TRUENAME, r->pool);
    if (rv != APR_SUCCESS && rv != APR_EINCOMPLETE) {
        return deny(r, rv, "failed: no root");
    }
    dw->filename_len = strlen(root);
    buflen = dw->filename_len + strlen(rest) + 2;
    buf = apr_palloc(r->pool, buflen);
    memcpy(buf, root, dw->filename_len + 1);
    r->filename = buf;
    r->path_info = (char *)rest;    /* the rest of a string of ours */
    dw->thisinfo.valid = APR_FINFO_TYPE;
    dw->thisinfo.filetype = APR_DIR;
    dw->startseg = dw->seg = (unsigned int)ap_count_dirs(r->filename);
    return OK;
}

static void splice_path_info(request_rec *r, char *saved)
{
    if (!saved) {
        return;
    }
    if (r->path_info && *r->path_info) {
        r->path_info = ap_make_full_path(r->pool, r->path_info, saved);
    }
    else {
        r->path_info = saved;
    }
}

static int full_walk(dir_walk *dw, ap__walk_cache_t *cache,
                     ap_conf_vector_t **now_merged)
{
    request_rec *r = dw->r;
    char *saved;
    int res;

    opts_init(&dw->opts, ap_get_core_module_config(r->per_dir_config));
    if ((res = prepare_paths(dw, &saved)) != OK) {
        return res;
    }
    dw->sec_idx = 0;
    ap__walk_begin(&dw->ws, r, cache);
    while ((res = walk_level(dw)) == OK) {
    }
    if (res != DONE) {
        return res;
    }
    if (r->finfo.filetype == APR_NOFILE || r->finfo.filetype == APR_LNK) {
        r->finfo = dw->thisinfo;
    }
    splice_path_info(r, saved);
    match_regex_sections(dw);
    ap__walk_end(&dw->ws);
    r->canonical_filename = r->filename;
    cache->cached = r->finfo.filetype == APR_DIR
                    ? apr_pstrdup(r->pool, r->filename)
                    : ap_make_dirstr_parent(r->pool, r->filename);
    *now_merged = dw->ws.now_merged;
    return OK;
}

/* The walk result is cached: only the final symlink needs checking. */
static int familiar_symlink_check(request_rec *r)
{
    core_dir_config *d = ap_get_core_module_config(r->per_dir_config);
    apr_finfo_t fi;
    apr_status_t rv;
    int res;

    if (d->opts & OPT_SYM_LINKS) {
        return OK;
    }
    rv = ap_run_dirwalk_stat(&fi, r, APR_FINFO_MIN | APR_FINFO_NAME
                                     | APR_FINFO_LINK);
    if (rv != APR_SUCCESS && rv != APR_INCOMPLETE) {
        return deny(r, rv, "failed; stat failed");
    }
    if (fi.filetype == APR_LNK
        && (res = ap__resolve_symlink(r->filename, &fi, d->opts, r->pool))
           != OK) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(20115)
                      "Symbolic link not allowed or link target not "
                      "accessible: %s", r->filename);
        return r->status = res;
    }
    return OK;
}

/* Stat the whole filename once: when it exists, most per-segment stats
 * can be skipped. A non-directory with a trailing slash counts as not
 * found everywhere. */
static void initial_stat(request_rec *r)
{
    apr_status_t rv;
    apr_size_t len = strlen(r->filename);

    if (r->finfo.filetype != APR_NOFILE && r->finfo.filetype != APR_LNK) {
        return;
    }
    rv = ap_run_dirwalk_stat(&r->finfo, r, APR_FINFO_MIN);
    if (rv != APR_SUCCESS
        || (r->finfo.filetype != APR_NOFILE && r->finfo.filetype != APR_DIR
            && len && r->filename[len - 1] == '/')) {
        r->finfo.filetype = APR_NOFILE;
    }
}

/* The directory this request's configuration depends on. */
static const char *entry_dir_of(request_rec *r)
{
    apr_size_t len = strlen(r->filename);

    if (r->finfo.filetype == APR_REG) {
        return ap_make_dirstr_parent(r->pool, r->filename);
    }
    if (len && r->filename[len - 1] != '/') {
        return apr_pstrcat(r->pool, r->filename, "/", NULL);
    }
    return r->filename;
}

/* -1 when the cache does not apply; otherwise the walk's status, with
 * *finish set when the cached merge must still be applied. */
static int try_cache(request_rec *r, ap__walk_cache_t *cache,
                     ap_conf_vector_t **sec_ent, const char *entry_dir,
                     ap_conf_vector_t **now_merged, int *finish)
{
    if (!cache->cached || cache->dir_conf_tested != sec_ent
        || !(r->finfo.filetype == APR_REG
             || (r->finfo.filetype == APR_DIR
                 && (!r->path_info || !*r->path_info)))
        || strcmp(entry_dir, cache->cached) != 0) {
        return -1;
    }
    if (r->per_dir_config == cache->dir_conf_merged) {
        r->per_dir_config = cache->per_dir_result;
    }
    if (r->per_dir_config == cache->per_dir_result) {
        return familiar_symlink_check(r);
    }
    *now_merged = ap__walk_last_merged(cache);
    *finish = 1;
    return OK;
}

AP_DECLARE(int) ap_directory_walk(request_rec *r)
{
    dir_walk dw;
    ap__walk_cache_t *cache;
    ap_conf_vector_t *now_merged = NULL;
    char *canon;
    const char *entry_dir;
    int res, finish = 0;

    if (r->filename == NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(20116)
                      "Module bug?  Request filename is missing for URI %s",
                      r->uri);
        return OK;
    }
    if (apr_filepath_merge(&canon, NULL, r->filename,
                           APR_FILEPATH_NOTRELATIVE, r->pool)
        != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(20117)
                      "Module bug?  Request filename path %s is invalid or "
                      "not absolute for uri %s", r->filename, r->uri);
        return OK;
    }
    r->filename = canon;
    memset(&dw, 0, sizeof(dw));
    dw.r = r;
    dw.sconf = ap_get_core_module_config(r->server->module_config);
    dw.sec_ent = (ap_conf_vector_t **)dw.sconf->sec_dir->elts;
    dw.num_sec = dw.sconf->sec_dir->nelts;
    cache = ap__walk_cache_prep(AP_NOTE_DIRECTORY_WALK, r);
    initial_stat(r);
    entry_dir = entry_dir_of(r);
    res = try_cache(r, cache, dw.sec_ent, entry_dir, &now_merged, &finish);
    if (res < 0) {
        res = full_walk(&dw, cache, &now_merged);
        finish = 1;
    }
    if (res != OK) {
        return res;
    }
    if (finish) {
        ap__walk_finish(r, cache, dw.sec_ent, now_merged);
    }
    return OK;
}
