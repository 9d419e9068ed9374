/* config_include.c: Include and IncludeOptional.
 *
 * The name may be a file, a directory (every entry in it, recursively, in
 * byte order) or a pattern with wildcards in any path segment, such as
 * /etc/x/ * /conf.d/ *.conf without the spaces.  Segments before the last
 * only match directories.  IncludeOptional is silent when nothing exists or matches;
 * Include fails.  Messages are those of Apache 2.4. */
#include <stdlib.h>
#include <string.h>

#include "apr_file_info.h"
#include "apr_fnmatch.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"

#include "config_private.h"

#define PREFIX "Include/IncludeOptional: "

typedef struct {
    server_rec *s;
    ap_directive_t **conftree;
    apr_pool_t *p;
    apr_pool_t *ptemp;
    int optional;
    unsigned int depth;         /* directories entered */
} include_walk;

static unsigned int include_depth = 0;  /* Include inside included files */
static unsigned int include_line = 0;   /* line of the running Include */

/* httpd -t -D DUMP_INCLUDES: each included file, indented by depth, with
 * the line of the Include that brought it in. */
static void dump_include(apr_pool_t *p, const char *fname)
{
    apr_file_t *out = NULL;

    if (!ap_exists_config_define("DUMP_INCLUDES")) {
        return;
    }
    apr_file_open_stdout(&out, p);
    apr_file_printf(out, "%*s(%u) %s\n", (int)(include_depth + 1) * 2, "",
                    include_line, fname);
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Entries of dir (not . and ..) matching pattern (NULL: all), sorted. If
 * dirs_only, other entries are left out. */
static apr_status_t list_dir(include_walk *w, const char *dir,
                             const char *pattern, int dirs_only,
                             apr_array_header_t **out)
{
    apr_array_header_t *names = apr_array_make(w->ptemp, 8, sizeof(char *));
    apr_int32_t wanted = APR_FINFO_DIRENT | (dirs_only ? APR_FINFO_TYPE : 0);
    apr_finfo_t ent;
    apr_dir_t *d;
    apr_status_t rv = apr_dir_open(&d, dir, w->ptemp);

    if (rv != APR_SUCCESS) {
        return rv;
    }
    while (apr_dir_read(&ent, wanted, d) == APR_SUCCESS) {
        if (strcmp(ent.name, ".") == 0 || strcmp(ent.name, "..") == 0) {
            continue;
        }
        if (pattern && apr_fnmatch(pattern, ent.name, APR_FNM_PERIOD)) {
            continue;
        }
        if (dirs_only && ent.filetype != APR_DIR) {
            continue;
        }
        *(char **)apr_array_push(names) =
            apr_pstrcat(w->ptemp, dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
                        ent.name, NULL);
    }
    apr_dir_close(d);
    qsort(names->elts, (size_t)names->nelts, sizeof(char *), name_cmp);
    *out = names;
    return APR_SUCCESS;
}

static const char *dir_error(include_walk *w, const char *dir,
                             apr_status_t rv)
{
    char ebuf[120];

    return apr_psprintf(w->p, PREFIX "Could not open directory %s: %s", dir,
                        apr_strerror(rv, ebuf, sizeof(ebuf)));
}

static int is_directory(apr_pool_t *p, const char *path)
{
    apr_finfo_t fi;

    return apr_stat(&fi, path, APR_FINFO_TYPE, p) == APR_SUCCESS
           && fi.filetype == APR_DIR;
}

/* A name without wildcards: a file, or a directory read recursively. */
static const char *include_plain(include_walk *w, const char *fname)
{
    apr_array_header_t *names;
    apr_status_t rv;
    const char *err = NULL;
    int i;

    if (!is_directory(w->ptemp, fname)) {
        apr_finfo_t fi;

        if (w->optional
            && apr_stat(&fi, fname, APR_FINFO_TYPE, w->ptemp) != APR_SUCCESS) {
            return NULL;
        }
        dump_include(w->ptemp, fname);
        return ap_process_resource_config(w->s, fname, w->conftree, w->p,
                                          w->ptemp);
    }
    if (++w->depth > AP__MAX_INCLUDE_DIR_DEPTH) {
        return apr_psprintf(w->p, PREFIX "Directory '%s' exceeds the maximum "
                            "include directory nesting level of %u. You have "
                            "probably a recursion somewhere.", fname,
                            AP__MAX_INCLUDE_DIR_DEPTH);
    }
    rv = list_dir(w, fname, NULL, 0, &names);
    if (rv != APR_SUCCESS) {
        return dir_error(w, fname, rv);
    }
    for (i = 0; i < names->nelts && err == NULL; i++) {
        err = include_plain(w, ((char **)names->elts)[i]);
    }
    w->depth--;
    return err;
}

/* path: a directory already resolved; rest: the remaining segments. */
static const char *include_match(include_walk *w, const char *path,
                                 const char *rest)
{
    const char *slash = strchr(rest, '/');
    const char *seg = slash ? apr_pstrmemdup(w->ptemp, rest,
                                             (apr_size_t)(slash - rest))
                            : rest;
    const char *next = slash ? slash + 1 : NULL;
    apr_array_header_t *names;
    apr_status_t rv;
    const char *err = NULL;
    int i;

    if (!apr_fnmatch_test(seg)) {
        const char *full = apr_pstrcat(w->ptemp, path,
                                       path[strlen(path) - 1] == '/' ? "" : "/",
                                       seg, NULL);
        return next ? include_match(w, full, next) : include_plain(w, full);
    }
    rv = list_dir(w, path, seg, next != NULL, &names);
    if (rv != APR_SUCCESS) {
        if (APR_STATUS_IS_ENOENT(rv) && w->optional) {
            return NULL;
        }
        return dir_error(w, path, rv);
    }
    if (names->nelts == 0 && !w->optional) {
        return apr_psprintf(w->p, PREFIX "No matches for the wildcard '%s' "
                            "in '%s', failing", seg, path);
    }
    for (i = 0; i < names->nelts && err == NULL; i++) {
        const char *name = ((char **)names->elts)[i];

        err = next ? include_match(w, name, next) : include_plain(w, name);
    }
    return err;
}

AP_DECLARE(const char *) ap_process_fnmatch_configs(server_rec *s,
                                                    const char *fname,
                                                    ap_directive_t **conftree,
                                                    apr_pool_t *p,
                                                    apr_pool_t *ptemp,
                                                    int optional)
{
    include_walk w;
    const char *root, *rest = fname;
    apr_status_t rv;

    w.s = s;
    w.conftree = conftree;
    w.p = p;
    w.ptemp = ptemp;
    w.optional = optional;
    w.depth = 0;
    if (!apr_fnmatch_test(fname)) {
        return include_plain(&w, fname);
    }
    rv = apr_filepath_root(&root, &rest, APR_FILEPATH_TRUENAME, ptemp);
    if (rv == APR_ERELATIVE) {
        return apr_pstrcat(p, "Include must have an absolute path, ", fname,
                           NULL);
    }
    if (rv == APR_EBADPATH) {
        return apr_pstrcat(p, "Include has a bad path, ", fname, NULL);
    }
    if (*rest == '\0') {
        return include_plain(&w, root);
    }
    return include_match(&w, root, rest);
}

const char *ap__cmd_include(cmd_parms *cmd, void *mconfig, const char *name)
{
    ap_directive_t *tree = NULL;
    const char *file, *err;
    unsigned int outer_line = include_line;

    if (++include_depth > AP__MAX_INCLUDE_DEPTH) {
        include_depth = 0;
        return apr_psprintf(cmd->pool, "Exceeded maximum include depth of %u, "
                            "There appears to be a recursion.",
                            AP__MAX_INCLUDE_DEPTH);
    }
    file = ap_server_root_relative(cmd->pool, name);
    if (file == NULL) {
        include_depth = 0;
        return apr_pstrcat(cmd->pool, "Invalid Include path ", name, NULL);
    }
    include_line = cmd->config_file ? cmd->config_file->line_number : 0;
    err = ap_process_fnmatch_configs(cmd->server, file, &tree, cmd->pool,
                                     cmd->temp_pool, cmd->info != NULL);
    include_line = outer_line;
    if (err) {
        include_depth = 0;
        return err;
    }
    *(ap_directive_t **)mconfig = tree;
    if (include_depth) {
        --include_depth;
    }
    return NULL;
}

AP_DECLARE(ap_dir_match_t *) ap_dir_cfgmatch(cmd_parms *cmd, int flags,
        const char *(*cb)(ap_dir_match_t *w, const char *fname), void *ctx)
{
    ap_dir_match_t *w = apr_palloc(cmd->temp_pool, sizeof(*w));

    w->prefix = apr_pstrcat(cmd->pool, cmd->cmd->name, ": ", NULL);
    w->p = cmd->pool;
    w->ptemp = cmd->temp_pool;
    w->flags = flags;
    w->cb = cb;
    w->ctx = ctx;
    w->depth = 0;
    return w;
}
