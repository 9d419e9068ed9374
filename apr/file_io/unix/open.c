/*
 * Opening and closing files, the standard streams, and the operations on
 * paths (remove, rename, link).
 */
#include "apr_arch_file_io.h"
#include "apr_strings.h"

#include <errno.h>
#include <stdio.h>

/* Close the descriptor; a file that fails to close keeps it so the caller
 * can see the error and try again. Only the parent unlinks a DELONCLOSE
 * file: a child closing its copy of the descriptor must not. */
static apr_status_t file_close_fd(apr_file_t *file, int is_child)
{
    int fd = file->filedes;
    apr_status_t rv = APR_SUCCESS;

    /* -1 first, so apr_os_file_get never returns a closed descriptor. */
    file->filedes = -1;
    if (close(fd) != 0) {
        file->filedes = fd;
        return errno;
    }
    if (!is_child && (file->flags & APR_FOPEN_DELONCLOSE) && file->fname)
        unlink(file->fname);
#if APR_HAS_THREADS
    if (file->thlock) {
        rv = apr_thread_mutex_destroy(file->thlock);
        file->thlock = NULL;
    }
#endif
    return rv;
}

apr_status_t apr__file_cleanup(void *thefile)
{
    apr_file_t *file = thefile;
    apr_status_t flush_rv = APR_SUCCESS, rv;

    if (file->buffered)
        flush_rv = apr_file_flush(file);
    rv = file_close_fd(file, 0);
    return rv != APR_SUCCESS ? rv : flush_rv;
}

apr_status_t apr__file_child_cleanup(void *thefile)
{
    return file_close_fd(thefile, 1);
}

apr_status_t apr__file_buffer_init(apr_file_t *file, apr_pool_t *pool)
{
    file->buffer = apr_palloc(pool, APR_FILE_DEFAULT_BUFSIZE);
    file->bufsize = APR_FILE_DEFAULT_BUFSIZE;
#if APR_HAS_THREADS
    if (file->flags & APR_FOPEN_XTHREAD)
        return apr_thread_mutex_create(&file->thlock,
                                       APR_THREAD_MUTEX_DEFAULT, pool);
#endif
    return APR_SUCCESS;
}

/* A new apr_file_t in its initial state (unbuffered, blocking, no
 * character given back). */
static apr_file_t *file_new(int fd, apr_int32_t flags, apr_pool_t *pool)
{
    apr_file_t *f = apr_pcalloc(pool, sizeof(*f));

    f->pool = pool;
    f->filedes = fd;
    f->flags = flags;
    f->timeout = -1;
    f->ungetchar = -1;
    f->blocking = APR__BLK_UNKNOWN;
    f->direction = APR__FILE_READ;
    f->buffered = (flags & APR_FOPEN_BUFFERED) != 0;
    return f;
}

apr_status_t apr__file_wrap(apr_file_t **file, int fd, apr_int32_t flags,
                            apr_pool_t *pool)
{
    apr_file_t *f = file_new(fd, flags | APR_FOPEN_NOCLEANUP, pool);

    *file = f;
    if (f->buffered)
        return apr__file_buffer_init(f, pool);
    return APR_SUCCESS;
}

/* The open(2) flags for APR_FOPEN_* flags, or -1 when they make no sense
 * (neither READ nor WRITE, or EXCL without CREATE: APR_EACCES). */
static int open_flags(apr_int32_t flag)
{
    int oflags;

    if ((flag & APR_FOPEN_READ) && (flag & APR_FOPEN_WRITE))
        oflags = O_RDWR;
    else if (flag & APR_FOPEN_READ)
        oflags = O_RDONLY;
    else if (flag & APR_FOPEN_WRITE)
        oflags = O_WRONLY;
    else
        return -1;

    if (flag & APR_FOPEN_EXCL) {
        if (!(flag & APR_FOPEN_CREATE))
            return -1;
        oflags |= O_EXCL;
    }
    if (flag & APR_FOPEN_CREATE)
        oflags |= O_CREAT;
    if (flag & APR_FOPEN_APPEND)
        oflags |= O_APPEND;
    if (flag & APR_FOPEN_TRUNCATE)
        oflags |= O_TRUNC;
    if (flag & APR_FOPEN_NONBLOCK)
        oflags |= O_NONBLOCK;
#ifdef O_LARGEFILE
    if (flag & APR_FOPEN_LARGEFILE)
        oflags |= O_LARGEFILE;
#endif
    /* As in APR, a file whose pool does not close it is not closed on
     * exec either: such files are meant to outlive the pool. */
    if (!(flag & APR_FOPEN_NOCLEANUP))
        oflags |= O_CLOEXEC;
    return oflags;
}

APR_DECLARE(apr_status_t) apr_file_open(apr_file_t **newf, const char *fname,
                                        apr_int32_t flag, apr_fileperms_t perm,
                                        apr_pool_t *pool)
{
    apr_status_t rv;
    apr_file_t *f;
    mode_t mode;
    int fd;
    int oflags = open_flags(flag);

    if (oflags == -1)
        return APR_EACCES;
    mode = perm == APR_FPROT_OS_DEFAULT ? 0666 : apr__perms_to_mode(perm);
    do {
        fd = open(fname, oflags, mode);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return errno;

    f = file_new(fd, flag, pool);
    f->fname = apr_pstrdup(pool, fname);
    f->blocking = (flag & APR_FOPEN_NONBLOCK) ? APR__BLK_OFF : APR__BLK_ON;
    if (f->buffered) {
        /* Only a buffered file needs the XTHREAD mutex: unbuffered
         * operations are single system calls. */
        rv = apr__file_buffer_init(f, pool);
        if (rv != APR_SUCCESS) {
            close(fd);
            return rv;
        }
    }
    if (!(flag & APR_FOPEN_NOCLEANUP))
        apr_pool_cleanup_register(pool, f, apr__file_cleanup,
                                  apr__file_child_cleanup);
    *newf = f;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_file_close(apr_file_t *file)
{
    /* Runs the cleanup even when none was registered (NOCLEANUP). */
    return apr_pool_cleanup_run(file->pool, file, apr__file_cleanup);
}

APR_DECLARE(apr_status_t) apr_file_remove(const char *path, apr_pool_t *pool)
{
    (void)pool;
    return unlink(path) == 0 ? APR_SUCCESS : errno;
}

APR_DECLARE(apr_status_t) apr_file_rename(const char *from_path,
                                          const char *to_path,
                                          apr_pool_t *pool)
{
    (void)pool;
    return rename(from_path, to_path) == 0 ? APR_SUCCESS : errno;
}

APR_DECLARE(apr_status_t) apr_file_link(const char *from_path,
                                        const char *to_path)
{
    return link(from_path, to_path) == 0 ? APR_SUCCESS : errno;
}

APR_DECLARE(apr_status_t) apr_file_eof(apr_file_t *fptr)
{
    return fptr->eof_hit ? APR_EOF : APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_file_open_flags_stderr(apr_file_t **thefile,
                                                     apr_int32_t flags,
                                                     apr_pool_t *pool)
{
    return apr__file_wrap(thefile, STDERR_FILENO, flags | APR_FOPEN_WRITE,
                          pool);
}

APR_DECLARE(apr_status_t) apr_file_open_flags_stdout(apr_file_t **thefile,
                                                     apr_int32_t flags,
                                                     apr_pool_t *pool)
{
    return apr__file_wrap(thefile, STDOUT_FILENO, flags | APR_FOPEN_WRITE,
                          pool);
}

APR_DECLARE(apr_status_t) apr_file_open_flags_stdin(apr_file_t **thefile,
                                                    apr_int32_t flags,
                                                    apr_pool_t *pool)
{
    return apr__file_wrap(thefile, STDIN_FILENO, flags | APR_FOPEN_READ,
                          pool);
}

APR_DECLARE(apr_status_t) apr_file_open_stderr(apr_file_t **thefile,
                                               apr_pool_t *pool)
{
    return apr_file_open_flags_stderr(thefile, 0, pool);
}

APR_DECLARE(apr_status_t) apr_file_open_stdout(apr_file_t **thefile,
                                               apr_pool_t *pool)
{
    return apr_file_open_flags_stdout(thefile, 0, pool);
}

APR_DECLARE(apr_status_t) apr_file_open_stdin(apr_file_t **thefile,
                                              apr_pool_t *pool)
{
    return apr_file_open_flags_stdin(thefile, 0, pool);
}

APR_DECLARE(apr_status_t) apr_file_name_get(const char **new_path,
                                            apr_file_t *thefile)
{
    *new_path = thefile->fname;
    return APR_SUCCESS;
}

APR_DECLARE(apr_int32_t) apr_file_flags_get(apr_file_t *f)
{
    return f->flags;
}

APR_DECLARE(apr_status_t) apr_file_data_get(void **data, const char *key,
                                            apr_file_t *file)
{
    return apr_pool_userdata_get(data, key, file->pool);
}

APR_DECLARE(apr_status_t) apr_file_data_set(apr_file_t *file, void *data,
                                            const char *key,
                                            apr_status_t (*cleanup)(void *))
{
    return apr_pool_userdata_set(data, key, cleanup, file->pool);
}

APR_POOL_IMPLEMENT_ACCESSOR(file)

/* Inheritance: FD_CLOEXEC on the descriptor, and which cleanup the pool
 * runs in a child process (closing an inherited descriptor there would
 * defeat the purpose). */
static apr_status_t set_cloexec(int fd, int on)
{
    int fl = fcntl(fd, F_GETFD);

    if (fl == -1)
        return errno;
    fl = on ? (fl | FD_CLOEXEC) : (fl & ~FD_CLOEXEC);
    return fcntl(fd, F_SETFD, fl) == -1 ? errno : APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_file_inherit_set(apr_file_t *thefile)
{
    apr_status_t rv;

    if (thefile->flags & APR_FOPEN_NOCLEANUP)
        return APR_EINVAL;
    if (thefile->flags & APR__FILE_INHERIT)
        return APR_SUCCESS;
    rv = set_cloexec(thefile->filedes, 0);
    if (rv != APR_SUCCESS)
        return rv;
    apr_pool_child_cleanup_set(thefile->pool, thefile, apr__file_cleanup,
                               apr_pool_cleanup_null);
    thefile->flags |= APR__FILE_INHERIT;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_file_inherit_unset(apr_file_t *thefile)
{
    apr_status_t rv;

    if (thefile->flags & APR_FOPEN_NOCLEANUP)
        return APR_EINVAL;
    if (!(thefile->flags & APR__FILE_INHERIT))
        return APR_SUCCESS;
    rv = set_cloexec(thefile->filedes, 1);
    if (rv != APR_SUCCESS)
        return rv;
    apr_pool_child_cleanup_set(thefile->pool, thefile, apr__file_cleanup,
                               apr__file_child_cleanup);
    thefile->flags &= ~APR__FILE_INHERIT;
    return APR_SUCCESS;
}
