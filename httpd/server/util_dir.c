/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * Walking the files a configuration path names (Include, IncludeOptional):
 * wildcards in any path segment, directories expanded recursively, every
 * level visited in sorted order so the result does not depend on the file
 * system's listing order.
 */
#include "util_private.h"
#include "apr_file_info.h"
#include "apr_fnmatch.h"
#include "apr_strings.h"

/* Deeper than this is almost surely a directory loop (symbolic links). */
#define MAX_DIR_DEPTH 128

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char * const *)a, *(const char * const *)b);
}

static const char *prefix_of(const ap_dir_match_t *w)
{
    return w->prefix ? w->prefix : "";
}

/*
 * List the entries of dir (full paths, sorted) into *out. With pattern,
 * only matching names; with dirs_only, only directories.
 */
static apr_status_t list_dir(ap_dir_match_t *w, const char *dir,
                             const char *pattern, int dirs_only,
                             apr_array_header_t **out)
{
    apr_array_header_t *names = apr_array_make(w->ptemp, 8, sizeof(char *));
    apr_int32_t wanted = APR_FINFO_DIRENT | (dirs_only ? APR_FINFO_TYPE : 0);
    apr_finfo_t dirent;
    apr_dir_t *dirp;
    apr_status_t rv;

    rv = apr_dir_open(&dirp, dir, w->ptemp);
    if (rv != APR_SUCCESS)
        return rv;
    while (apr_dir_read(&dirent, wanted, dirp) == APR_SUCCESS) {
        if (strcmp(dirent.name, ".") == 0 || strcmp(dirent.name, "..") == 0)
            continue;
        if (pattern && apr_fnmatch(pattern, dirent.name, APR_FNM_PERIOD)
                           != APR_SUCCESS)
            continue;
        if (dirs_only && dirent.filetype != APR_DIR)
            continue;
        APR_ARRAY_PUSH(names, const char *) =
            ap_make_full_path(w->ptemp, dir, dirent.name);
    }
    apr_dir_close(dirp);
    if (names->nelts > 1)
        qsort(names->elts, (size_t)names->nelts, sizeof(char *),
              compare_names);
    *out = names;
    return APR_SUCCESS;
}

static const char *walk_directory(ap_dir_match_t *w, const char *path)
{
    apr_array_header_t *names;
    apr_status_t rv;
    int i;

    if (++w->depth > MAX_DIR_DEPTH)
        return apr_psprintf(w->p, "%sDirectory '%s' exceeds the maximum "
                            "include directory nesting level of %u; there "
                            "is probably a loop", prefix_of(w), path,
                            MAX_DIR_DEPTH);
    rv = list_dir(w, path, NULL, 0, &names);
    if (rv != APR_SUCCESS)
        return apr_psprintf(w->p, "%sCould not open directory %s: %pm",
                            prefix_of(w), path, (void *)&rv);
    for (i = 0; i < names->nelts; i++) {
        const char *err = ap_dir_nofnmatch(w, APR_ARRAY_IDX(names, i,
                                                            const char *));
        if (err)
            return err;
    }
    w->depth--;
    return NULL;
}

AP_DECLARE(const char *) ap_dir_nofnmatch(ap_dir_match_t *w,
                                          const char *fname)
{
    if ((w->flags & AP_DIR_FLAG_RECURSIVE) && ap_is_directory(w->ptemp, fname))
        return walk_directory(w, apr_pstrdup(w->ptemp, fname));
    if (w->flags & AP_DIR_FLAG_OPTIONAL) {
        apr_finfo_t finfo;

        /* an optional path that does not exist is not an error */
        if (apr_stat(&finfo, fname, APR_FINFO_TYPE, w->ptemp) != APR_SUCCESS
            || finfo.filetype == APR_NOFILE)
            return NULL;
    }
    return w->cb(w, fname);
}

AP_DECLARE(const char *) ap_dir_fnmatch(ap_dir_match_t *w, const char *path,
                                       const char *fname)
{
    const char *rest = strchr(fname, '/');
    apr_array_header_t *names;
    apr_status_t rv;
    int i;

    /* work on the first segment; rest is what follows its '/' */
    if (rest) {
        fname = apr_pstrmemdup(w->ptemp, fname, (apr_size_t)(rest - fname));
        rest++;
    }
    if (!apr_fnmatch_test(fname)) { /* no wildcard in this segment */
        const char *full = path ? ap_make_full_path(w->ptemp, path, fname)
                                : fname;

        return rest ? ap_dir_fnmatch(w, full, rest)
                    : ap_dir_nofnmatch(w, full);
    }
    rv = list_dir(w, path, fname, rest != NULL, &names);
    if (rv != APR_SUCCESS) {
        if (APR_STATUS_IS_ENOENT(rv) && (w->flags & AP_DIR_FLAG_OPTIONAL))
            return NULL;
        return apr_psprintf(w->p, "%sCould not open directory %s: %pm",
                            prefix_of(w), path, (void *)&rv);
    }
    if (names->nelts == 0) {
        if (w->flags & AP_DIR_FLAG_OPTIONAL)
            return NULL;
        return apr_psprintf(w->p, "%sNo matches for the wildcard '%s' in "
                            "'%s', failing", prefix_of(w), fname, path);
    }
    for (i = 0; i < names->nelts; i++) {
        const char *next = APR_ARRAY_IDX(names, i, const char *);
        const char *err = rest ? ap_dir_fnmatch(w, next, rest)
                               : ap_dir_nofnmatch(w, next);
        if (err)
            return err;
    }
    return NULL;
}
