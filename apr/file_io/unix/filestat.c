/*
 * apr_stat and the calls that change a file's metadata by name
 * (apr_file_perms_set, apr_file_attrs_set, apr_file_mtime_set), plus
 * apr__finfo_from_stat, shared with apr_file_info_get.
 */
#include "apr_arch_file_io.h"
#include "apr_strings.h"
#include "apr_time.h"

#include <errno.h>
#include <sys/param.h>

/* st_blocks counts units of DEV_BSIZE (512 where it is not defined). */
#ifndef DEV_BSIZE
#define DEV_BSIZE 512
#endif

static apr_filetype_e filetype_from_mode(mode_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFREG:
        return APR_REG;
    case S_IFDIR:
        return APR_DIR;
    case S_IFLNK:
        return APR_LNK;
    case S_IFCHR:
        return APR_CHR;
    case S_IFBLK:
        return APR_BLK;
    case S_IFIFO:
        return APR_PIPE;
    case S_IFSOCK:
        return APR_SOCK;
    default:
        return APR_UNKFILE;
    }
}

static apr_time_t time_from_timespec(const struct timespec *ts)
{
    return apr_time_from_sec(ts->tv_sec) + ts->tv_nsec / 1000;
}

/*
 * One stat() gives every field but ICASE and NAME, so the valid bits do
 * not depend on `wanted` (APR fills them all too). pool and fname are the
 * caller's business.
 */
void apr__finfo_from_stat(apr_finfo_t *finfo, const struct stat *st,
                          apr_int32_t wanted)
{
    (void)wanted;
    finfo->valid = APR_FINFO_MIN | APR_FINFO_IDENT | APR_FINFO_NLINK |
                   APR_FINFO_OWNER | APR_FINFO_PROT | APR_FINFO_CSIZE;
    finfo->protection = apr__mode_to_perms(st->st_mode);
    finfo->filetype = filetype_from_mode(st->st_mode);
    finfo->user = st->st_uid;
    finfo->group = st->st_gid;
    finfo->size = st->st_size;
    finfo->csize = (apr_off_t)st->st_blocks * DEV_BSIZE;
    finfo->device = st->st_dev;
    finfo->nlink = (apr_int32_t)st->st_nlink;
    finfo->inode = st->st_ino;
    finfo->atime = time_from_timespec(&st->st_atim);
    finfo->mtime = time_from_timespec(&st->st_mtim);
    finfo->ctime = time_from_timespec(&st->st_ctim);
}

APR_DECLARE(apr_status_t) apr_stat(apr_finfo_t *finfo, const char *fname,
                                   apr_int32_t wanted, apr_pool_t *pool)
{
    struct stat st;
    int rc;

    if (wanted & APR_FINFO_LINK)
        rc = lstat(fname, &st);
    else
        rc = stat(fname, &st);
    if (rc != 0)
        return errno;

    finfo->pool = pool;
    finfo->fname = fname;
    apr__finfo_from_stat(finfo, &st, wanted);
    wanted &= ~APR_FINFO_LINK;
    /* ICASE and NAME stay missing: unix cannot tell whether a file system
     * ignores case, and (as in APR on Linux) the name is not looked up. */
    return (wanted & ~finfo->valid) ? APR_INCOMPLETE : APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_file_perms_set(const char *fname,
                                             apr_fileperms_t perms)
{
    if (chmod(fname, apr__perms_to_mode(perms)) != 0)
        return errno;
    return APR_SUCCESS;
}

#define WRITE_BITS (APR_FPROT_UWRITE | APR_FPROT_GWRITE | APR_FPROT_WWRITE)
#define EXEC_BITS                                                             \
    (APR_FPROT_UEXECUTE | APR_FPROT_GEXECUTE | APR_FPROT_WEXECUTE)

/*
 * READONLY clears every write bit; clearing it sets them all (APR does
 * not apply the umask here). EXECUTABLE works the same way on the execute
 * bits. HIDDEN has no unix meaning and is ignored.
 */
APR_DECLARE(apr_status_t) apr_file_attrs_set(const char *fname,
                                             apr_fileattrs_t attributes,
                                             apr_fileattrs_t attr_mask,
                                             apr_pool_t *pool)
{
    apr_finfo_t finfo;
    apr_status_t rv;

    if (!(attr_mask & (APR_FILE_ATTR_READONLY | APR_FILE_ATTR_EXECUTABLE)))
        return APR_SUCCESS;

    rv = apr_stat(&finfo, fname, APR_FINFO_PROT, pool);
    if (rv != APR_SUCCESS)
        return rv;

    if (attr_mask & APR_FILE_ATTR_READONLY) {
        if (attributes & APR_FILE_ATTR_READONLY)
            finfo.protection &= ~WRITE_BITS;
        else
            finfo.protection |= WRITE_BITS;
    }
    if (attr_mask & APR_FILE_ATTR_EXECUTABLE) {
        if (attributes & APR_FILE_ATTR_EXECUTABLE)
            finfo.protection |= EXEC_BITS;
        else
            finfo.protection &= ~EXEC_BITS;
    }
    return apr_file_perms_set(fname, finfo.protection);
}

static void timespec_from_time(struct timespec *ts, apr_time_t t)
{
    ts->tv_sec = apr_time_sec(t);
    ts->tv_nsec = (long)apr_time_usec(t) * 1000;
}

/* The access time is kept, at APR's microsecond precision. */
APR_DECLARE(apr_status_t) apr_file_mtime_set(const char *fname,
                                             apr_time_t mtime,
                                             apr_pool_t *pool)
{
    struct timespec ts[2];
    apr_finfo_t finfo;
    apr_status_t rv;

    rv = apr_stat(&finfo, fname, APR_FINFO_ATIME, pool);
    if (rv != APR_SUCCESS)
        return rv;
    timespec_from_time(&ts[0], finfo.atime);
    timespec_from_time(&ts[1], mtime);
    if (utimensat(AT_FDCWD, fname, ts, 0) != 0)
        return errno;
    return APR_SUCCESS;
}
