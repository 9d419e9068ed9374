/*
 * Unix file path arithmetic: apr_filepath_root, apr_filepath_merge and
 * the current directory.
 *
 * apr_filepath_merge is what keeps a request path inside a document root,
 * so it follows APR's results exactly, quirks included: the root path is
 * taken as given (never canonicalised), only the added path is cleaned,
 * and a relative result may start with "../" segments.
 */
#include "apr.h"
#include "apr_errno.h"
#include "apr_file_info.h"
#include "apr_pools.h"
#include "apr_strings.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

APR_DECLARE(apr_status_t) apr_filepath_root(const char **rootpath,
                                            const char **filepath,
                                            apr_int32_t flags, apr_pool_t *p)
{
    const char *path = *filepath;

    (void)flags;
    if (*path != '/')
        return APR_ERELATIVE;
    while (*path == '/')
        path++;
    *rootpath = apr_pstrdup(p, "/");
    *filepath = path;
    return APR_SUCCESS;
}

/* The result being built by apr_filepath_merge. */
struct merge {
    char *path;
    apr_size_t len;  /* bytes of path in use */
    apr_size_t kept; /* how much of the root path is still intact */
    int secure;      /* APR_FILEPATH_SECUREROOTTEST: never go above */
};

/*
 * Decides which root the merge starts from, or fails: an absolute addpath
 * replaces the root (which is then only needed for NOTABOVEROOT's final
 * comparison); NOTABSOLUTE forbids absolute inputs; a NULL root is the
 * current directory. Leaves *rootpath NULL when it must be fetched.
 */
static apr_status_t pick_root(const char **rootpath, const char *addpath,
                              apr_int32_t flags)
{
    if (addpath[0] == '/') {
        if (flags & APR_FILEPATH_SECUREROOTTEST)
            return APR_EABOVEROOT;
        if (flags & APR_FILEPATH_NOTABSOLUTE)
            return APR_EABSOLUTE;
        if (*rootpath == NULL && !(flags & APR_FILEPATH_NOTABOVEROOT))
            *rootpath = "";
    }
    else if (flags & APR_FILEPATH_NOTABSOLUTE) {
        if (*rootpath == NULL)
            *rootpath = "";
        else if ((*rootpath)[0] == '/')
            return APR_EABSOLUTE;
    }
    return APR_SUCCESS;
}

/* Does the result end in a ".." segment (or is it empty), so that one
 * more ".." must be appended rather than a segment removed? */
static int ends_in_backpath(const struct merge *m)
{
    if (m->len == 0)
        return 1;
    if (m->len == 3)
        return memcmp(m->path, "../", 3) == 0;
    return m->len > 3 && memcmp(m->path + m->len - 4, "/../", 4) == 0;
}

/* Applies one ".." segment; `last` when nothing follows it. */
static apr_status_t merge_backpath(struct merge *m, int last)
{
    if (m->len == 1 && m->path[0] == '/') {
        /* Above "/" is "/"; but the root given is no longer intact. */
        if (m->secure)
            return APR_EABOVEROOT;
        m->kept = 0;
    }
    else if (ends_in_backpath(m)) {
        if (m->secure)
            return APR_EABOVEROOT;
        memcpy(m->path + m->len, "../", last ? 2 : 3);
        m->len += last ? 2 : 3;
    }
    else {
        /* Drop the previous segment and its trailing slash. */
        do {
            m->len--;
        } while (m->len > 0 && m->path[m->len - 1] != '/');
    }

    if (m->len < m->kept) {
        if (m->secure)
            return APR_EABOVEROOT;
        m->kept = m->len;
    }
    return APR_SUCCESS;
}

/* Appends the segments of addpath, resolving "." ".." and empty ones. */
static apr_status_t merge_segments(struct merge *m, const char *addpath)
{
    while (*addpath) {
        const char *end = strchr(addpath, '/');
        apr_size_t seglen;
        int last;

        if (end == NULL)
            end = addpath + strlen(addpath);
        seglen = (apr_size_t)(end - addpath);
        last = (*end == '\0');

        if (seglen == 0 || (seglen == 1 && addpath[0] == '.')) {
            /* "//" or "./": nothing */
        }
        else if (seglen == 2 && addpath[0] == '.' && addpath[1] == '.') {
            apr_status_t rv = merge_backpath(m, last);
            if (rv != APR_SUCCESS)
                return rv;
        }
        else {
            if (!last)
                seglen++; /* keep the slash */
            memcpy(m->path + m->len, addpath, seglen);
            m->len += seglen;
        }
        addpath = last ? end : end + 1;
    }
    return APR_SUCCESS;
}

/*
 * With NOTABOVEROOT (and not SECUREROOTTEST, which failed earlier), a
 * result that climbed into the root must still begin with the whole root,
 * followed by a segment boundary.
 */
static int still_below_root(const char *root, apr_size_t rootlen,
                            const char *path)
{
    if (strncmp(root, path, rootlen) != 0)
        return 0;
    return root[rootlen - 1] == '/' || path[rootlen] == '\0' ||
           path[rootlen] == '/';
}

APR_DECLARE(apr_status_t) apr_filepath_merge(char **newpath,
                                             const char *rootpath,
                                             const char *addpath,
                                             apr_int32_t flags,
                                             apr_pool_t *p)
{
    struct merge m;
    apr_size_t rootlen, maxlen;
    apr_status_t rv;

    if (addpath == NULL)
        addpath = "";

    rv = pick_root(&rootpath, addpath, flags);
    if (rv != APR_SUCCESS)
        return rv;
    if (rootpath == NULL) {
        char *cwd;

        rv = apr_filepath_get(&cwd, flags, p);
        if (rv != APR_SUCCESS)
            return rv;
        rootpath = cwd;
    }

    /* Room for both, a slash after the root, one before a final "..",
     * and the NUL. */
    rootlen = strlen(rootpath);
    maxlen = rootlen + strlen(addpath) + 4;
    if (maxlen > APR_PATH_MAX)
        return APR_ENAMETOOLONG;
    m.path = apr_palloc(p, maxlen);
    m.secure = (flags & APR_FILEPATH_SECUREROOTTEST) != 0;

    if (addpath[0] == '/') {
        while (*addpath == '/')
            addpath++;
        m.path[0] = '/';
        m.len = 1;
        m.kept = 0;
    }
    else {
        if (rootpath[0] != '/' && (flags & APR_FILEPATH_NOTRELATIVE))
            return APR_ERELATIVE;
        memcpy(m.path, rootpath, rootlen);
        m.len = rootlen;
        if (m.len > 0 && m.path[m.len - 1] != '/')
            m.path[m.len++] = '/';
        m.kept = m.len;
    }

    rv = merge_segments(&m, addpath);
    if (rv != APR_SUCCESS)
        return rv;
    m.path[m.len] = '\0';

    if ((flags & APR_FILEPATH_NOTABOVEROOT) && m.kept < rootlen &&
        !still_below_root(rootpath, rootlen, m.path))
        return APR_EABOVEROOT;

    *newpath = m.path;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_filepath_get(char **path, apr_int32_t flags,
                                           apr_pool_t *p)
{
    char buf[APR_PATH_MAX];

    (void)flags;
    if (getcwd(buf, sizeof buf) == NULL)
        return errno == ERANGE ? APR_ENAMETOOLONG : errno;
    *path = apr_pstrdup(p, buf);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_filepath_set(const char *path, apr_pool_t *p)
{
    (void)p;
    if (chdir(path) != 0)
        return errno;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_filepath_encoding(int *style, apr_pool_t *p)
{
    (void)p;
    *style = APR_FILEPATH_ENCODING_LOCALE;
    return APR_SUCCESS;
}
