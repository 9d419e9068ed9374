/*
 * Directories: reading (apr_dir_open/read/rewind/close), creating and
 * removing, and the apr_portable.h conversions of apr_dir_t.
 *
 * apr_dir_read gives what the dirent itself holds (name, and type and
 * inode where the file system reports them) without a stat() call; only
 * when more is wanted does it lstat() the entry.
 */
#include "apr_arch_file_io.h"
#include "apr_portable.h"
#include "apr_strings.h"

#include <errno.h>
#include <string.h>

static apr_status_t dir_cleanup(void *data)
{
    apr_dir_t *dir = data;

    if (closedir(dir->dirstruct) != 0)
        return errno;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_dir_open(apr_dir_t **new_dir,
                                       const char *dirname, apr_pool_t *pool)
{
    DIR *ds = opendir(dirname);
    apr_dir_t *dir;

    if (ds == NULL)
        return errno;
    dir = apr_pcalloc(pool, sizeof *dir);
    dir->pool = pool;
    dir->dirname = apr_pstrdup(pool, dirname);
    dir->dirstruct = ds;
    apr_pool_cleanup_register(pool, dir, dir_cleanup, apr_pool_cleanup_null);
    *new_dir = dir;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_dir_close(apr_dir_t *thedir)
{
    return apr_pool_cleanup_run(thedir->pool, thedir, dir_cleanup);
}

/* The file type a dirent reports (APR_UNKFILE when it does not know). */
static apr_filetype_e filetype_from_dirent(const struct dirent *ent)
{
    switch (ent->d_type) {
    case DT_REG:
        return APR_REG;
    case DT_DIR:
        return APR_DIR;
    case DT_LNK:
        return APR_LNK;
    case DT_CHR:
        return APR_CHR;
    case DT_BLK:
        return APR_BLK;
    case DT_FIFO:
        return APR_PIPE;
    case DT_SOCK:
        return APR_SOCK;
    default:
        return APR_UNKFILE;
    }
}

/* lstat() the entry `name` of `dir`, as apr_dir_read does for the fields
 * a dirent cannot give. */
static apr_status_t stat_entry(apr_finfo_t *finfo, apr_dir_t *dir,
                               const char *name, apr_int32_t wanted)
{
    char spec[APR_PATH_MAX];
    size_t len = dir->dirname ? strlen(dir->dirname) : 0;
    apr_status_t rv;

    if (len >= sizeof spec)
        len = sizeof spec - 1;
    if (len > 0)
        memcpy(spec, dir->dirname, len);
    if (len > 0 && spec[len - 1] != '/' && len < sizeof spec - 1)
        spec[len++] = '/';
    apr_cpystrn(spec + len, name, sizeof spec - len);

    rv = apr_stat(finfo, spec, APR_FINFO_LINK | wanted, dir->pool);
    finfo->fname = NULL; /* it pointed into spec */
    return rv;
}

APR_DECLARE(apr_status_t) apr_dir_read(apr_finfo_t *finfo, apr_int32_t wanted,
                                       apr_dir_t *thedir)
{
    struct dirent *ent;
    apr_filetype_e type;
    apr_status_t rv = APR_SUCCESS;

    errno = 0;
    ent = readdir(thedir->dirstruct);
    thedir->entry = ent;
    finfo->fname = NULL;
    if (ent == NULL) {
        finfo->valid = 0;
        return errno ? errno : APR_ENOENT;
    }

    type = filetype_from_dirent(ent);
    if (type != APR_UNKFILE)
        wanted &= ~APR_FINFO_TYPE;
    if (ent->d_ino != 0)
        wanted &= ~APR_FINFO_INODE;
    wanted &= ~APR_FINFO_NAME;

    if (wanted)
        rv = stat_entry(finfo, thedir, ent->d_name, wanted);

    if (wanted && (rv == APR_SUCCESS || rv == APR_INCOMPLETE)) {
        wanted &= ~finfo->valid;
    }
    else {
        /* Nothing more was wanted, or the stat failed (the entry may be
         * gone): give what the dirent says; a failed stat shows only as
         * APR_INCOMPLETE, as in APR. */
        finfo->pool = thedir->pool;
        finfo->valid = 0;
        if (type != APR_UNKFILE) {
            finfo->filetype = type;
            finfo->valid |= APR_FINFO_TYPE;
        }
        if (ent->d_ino != 0) {
            finfo->inode = ent->d_ino;
            finfo->valid |= APR_FINFO_INODE;
        }
    }

    finfo->name = apr_pstrdup(thedir->pool, ent->d_name);
    finfo->valid |= APR_FINFO_NAME;
    return wanted ? APR_INCOMPLETE : APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_dir_rewind(apr_dir_t *thedir)
{
    rewinddir(thedir->dirstruct);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_dir_make(const char *path, apr_fileperms_t perm,
                                       apr_pool_t *pool)
{
    (void)pool;
    if (mkdir(path, apr__perms_to_mode(perm)) != 0)
        return errno;
    return APR_SUCCESS;
}

/* `path` without its last component (one trailing slash is ignored);
 * "" when there is no slash left. */
static char *parent_of(const char *path, apr_pool_t *pool)
{
    size_t len = strlen(path);

    if (len > 1 && path[len - 1] == '/')
        len--;
    while (len > 0 && path[len - 1] != '/')
        len--;
    if (len > 0)
        len--; /* drop the slash itself */
    return apr_pstrmemdup(pool, path, len);
}

/*
 * Like mkdir -p. As in APR, an existing path is success whatever it is
 * (a regular file included): only mkdir's EEXIST is looked at.
 */
APR_DECLARE(apr_status_t) apr_dir_make_recursive(const char *path,
                                                 apr_fileperms_t perm,
                                                 apr_pool_t *pool)
{
    apr_status_t rv = apr_dir_make(path, perm, pool);

    if (APR_STATUS_IS_ENOENT(rv)) {
        char *parent = parent_of(path, pool);

        if (parent[0] == '\0')
            return rv;
        rv = apr_dir_make_recursive(parent, perm, pool);
        if (rv == APR_SUCCESS)
            rv = apr_dir_make(path, perm, pool);
    }
    /* Last, so that a racing creator of `path` is no failure either. */
    if (APR_STATUS_IS_EEXIST(rv))
        return APR_SUCCESS;
    return rv;
}

APR_DECLARE(apr_status_t) apr_dir_remove(const char *path, apr_pool_t *pool)
{
    (void)pool;
    if (rmdir(path) != 0)
        return errno;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_os_dir_get(apr_os_dir_t **thedir,
                                         apr_dir_t *dir)
{
    if (dir == NULL)
        return APR_ENODIR;
    *thedir = dir->dirstruct;
    return APR_SUCCESS;
}

/*
 * Wraps an open DIR. A new apr_dir_t has no name and no cleanup: the
 * caller keeps owning the DIR (as in APR). Reading with more than
 * name/type/inode wanted stats names relative to the current directory.
 */
APR_DECLARE(apr_status_t) apr_os_dir_put(apr_dir_t **dir,
                                         apr_os_dir_t *thedir,
                                         apr_pool_t *pool)
{
    if (*dir == NULL) {
        *dir = apr_pcalloc(pool, sizeof **dir);
        (*dir)->pool = pool;
    }
    (*dir)->dirstruct = thedir;
    return APR_SUCCESS;
}
