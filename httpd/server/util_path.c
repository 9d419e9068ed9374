/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * URL and file path manipulation: normalisation of "." and ".."
 * segments, slash merging, directory prefixes, joining, and the file
 * type tests.
 */
#include "util_private.h"
#include "apr_strings.h"
#include "apr_file_info.h"

#define IS_SLASH_OR_NUL(c) ((c) == '/' || (c) == '\0')

AP_DECLARE(void) ap_no2slash_ex(char *name, int is_fs_path)
{
    char *d = name, *s = name;

    /* (no platform here gives "//" at the start of a file path a meaning) */
    while (*s) {
        *d++ = *s;
        if (*s++ == '/')
            while (*s == '/')
                ++s;
    }
    *d = '\0';
}

AP_DECLARE(void) ap_no2slash(char *name)
{
    ap_no2slash_ex(name, 1);
}

/* At path + l, is there a "%XX" of an unreserved character? Then store
 * the character at path[l + 2] and return 2 (bytes to skip); -1 for a
 * bad escape, 0 for anything else. */
static int decode_unreserved_at(char *path, apr_size_t l)
{
    int hi = ap__hexval((unsigned char)path[l + 1]);
    int lo = hi < 0 ? -1 : ap__hexval((unsigned char)path[l + 2]);
    char c;

    if (lo < 0)
        return -1;
    c = (char)(hi << 4 | lo);
    if (!AP__TEST_CHAR(c, AP__T_URI_UNRES))
        return 0;
    path[l + 2] = c;
    return 2;
}

/* Length of a ".." segment at path + l ("..", or ".%2e" when decoding),
 * not counting the separator after it; 0 if there is none. */
static apr_size_t dotdot_at(const char *path, apr_size_t l, int decode)
{
    if (path[l] != '.')
        return 0;
    if (path[l + 1] == '.' && IS_SLASH_OR_NUL(path[l + 2]))
        return 2;
    if (decode && path[l + 1] == '%' && path[l + 2] == '2'
        && (path[l + 3] == 'e' || path[l + 3] == 'E')
        && IS_SLASH_OR_NUL(path[l + 4]))
        return 4;
    return 0;
}

AP_DECLARE(int) ap_normalize_path(char *path, unsigned int flags)
{
    const int decode = (flags & AP_NORMALIZE_DECODE_UNRESERVED) != 0;
    const int merge = (flags & AP_NORMALIZE_MERGE_SLASHES) != 0;
    apr_size_t l = 1, w = 1, n; /* read and write positions */
    int ret = 1;

    if (path[0] != '/') {
        if (path[0] == '*' && path[1] == '\0')
            return 1; /* "OPTIONS *" */
        if (!(flags & AP_NORMALIZE_ALLOW_RELATIVE) || path[0] == '\0')
            return 0;
        l = w = 0;
    }
    while (path[l] != '\0') {
        if (decode && path[l] == '%') {
            int skip = decode_unreserved_at(path, l);

            if (skip < 0)
                ret = 0; /* invalid escape: reported, copied as is */
            else
                l += (apr_size_t)skip;
        }
        /* at the start of a segment */
        if (w == 0 || path[w - 1] == '/') {
            if (merge && path[l] == '/') {
                while (path[l] == '/')
                    l++;
                continue;
            }
            if (path[l] == '.' && IS_SLASH_OR_NUL(path[l + 1])) {
                l += path[l + 1] ? 2 : 1; /* drop "./" */
                continue;
            }
            if ((n = dotdot_at(path, l, decode)) != 0) {
                if (w > 1) { /* drop the previous segment */
                    do {
                        w--;
                    } while (w && path[w - 1] != '/');
                }
                else if (flags & AP_NORMALIZE_NOT_ABOVE_ROOT) {
                    ret = 0;
                }
                l += n;
                if (path[l])
                    l++;
                continue;
            }
        }
        path[w++] = path[l++];
    }
    path[w] = '\0';
    return ret;
}

AP_DECLARE(void) ap_getparents(char *name)
{
    if (!ap_normalize_path(name, AP_NORMALIZE_ALLOW_RELATIVE))
        name[0] = '\0';
}

AP_DECLARE(int) ap_count_dirs(const char *path)
{
    int n = 0;

    for (; *path; ++path)
        if (*path == '/')
            n++;
    return n;
}

AP_DECLARE(char *) ap_make_dirstr_prefix(char *d, const char *s, int n)
{
    if (n < 1) {
        *d = '/';
        *++d = '\0';
        return d;
    }
    /* copy up to the n-th slash (or the end), always ending with '/' */
    while (*s && !(*s == '/' && --n == 0))
        *d++ = *s++;
    *d = '/';
    *++d = '\0';
    return d;
}

AP_DECLARE(char *) ap_make_dirstr_parent(apr_pool_t *p, const char *s)
{
    const char *last = strrchr(s, '/');

    if (last == NULL)
        return apr_pstrdup(p, "");
    return apr_pstrmemdup(p, s, (apr_size_t)(last - s) + 1);
}

AP_DECLARE(char *) ap_make_full_path(apr_pool_t *a, const char *src1,
                                     const char *src2)
{
    apr_size_t len1 = strlen(src1), len2 = strlen(src2);
    /* room for the '/', the NUL, and one more byte so that callers can
     * append a trailing '/' in place */
    char *path = apr_palloc(a, len1 + len2 + 3);
    char *next = path;

    memcpy(next, src1, len1);
    next += len1;
    if (len1 == 0 || next[-1] != '/')
        *next++ = '/';
    memcpy(next, src2, len2 + 1);
    return path;
}

AP_DECLARE(int) ap_os_is_path_absolute(apr_pool_t *p, const char *dir)
{
    const char *root = NULL;
    const char *rest = dir;

    if (apr_filepath_root(&root, &rest, 0, p) != APR_SUCCESS)
        return 0;
    return strncmp(root, dir, strlen(root)) == 0;
}

AP_DECLARE(int) ap_is_url(const char *u)
{
    const char *s = u;

    /* scheme = 1*( ALPHA / DIGIT / "+" / "-" / "." ) ":" */
    for (; *s != ':'; ++s)
        if (!*s || !(apr_isalnum(*s) || *s == '+' || *s == '-' || *s == '.'))
            return 0;
    return s != u;
}

AP_DECLARE(apr_status_t) ap_filepath_merge(char **newpath,
                                           const char *rootpath,
                                           const char *addpath,
                                           apr_int32_t flags,
                                           apr_pool_t *p)
{
    /* only Windows has reserved names (CON, NUL...) to refuse here */
    return apr_filepath_merge(newpath, rootpath, addpath, flags, p);
}

AP_DECLARE(apr_status_t) ap_stat_check(const char *path, apr_pool_t *pool)
{
    /* On Windows this refuses UNC paths that would make the system
     * contact another host; unix paths carry no such risk. */
    return APR_SUCCESS;
}

AP_DECLARE(int) ap_is_rdirectory(apr_pool_t *p, const char *path)
{
    apr_finfo_t finfo;

    return apr_stat(&finfo, path, APR_FINFO_TYPE, p) == APR_SUCCESS
           && finfo.filetype == APR_DIR;
}

AP_DECLARE(int) ap_is_directory(apr_pool_t *p, const char *path)
{
    apr_finfo_t finfo;

    return apr_stat(&finfo, path, APR_FINFO_LINK | APR_FINFO_TYPE, p)
               == APR_SUCCESS
           && finfo.filetype == APR_DIR;
}
