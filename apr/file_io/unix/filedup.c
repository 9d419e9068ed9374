/*
 * Duplicating files (dup, dup2) and moving them to another pool
 * (setaside).
 */
#include "apr_arch_file_io.h"
#include "apr_strings.h"

#include <errno.h>
#include <string.h>

/* What a duplicate takes over from the original besides the descriptor:
 * its name, buffering (an empty buffer of its own), the char given back,
 * and whether it is a pipe with a timeout. */
static apr_status_t copy_state(apr_file_t *nf, apr_file_t *of, apr_pool_t *p)
{
    nf->fname = of->fname ? apr_pstrdup(p, of->fname) : NULL;
    nf->ungetchar = of->ungetchar;
    /* Deliberately unlike APR, which forgets that a duplicate of a pipe
     * is a pipe (its timeout calls then fail with APR_EINVAL). The
     * descriptors share O_NONBLOCK, so the timeout goes along. */
    nf->is_pipe = of->is_pipe;
    nf->timeout = of->timeout;
    nf->blocking = of->blocking;
    nf->buffered = of->buffered;
#if APR_HAS_THREADS
    if (nf->buffered && !nf->thlock && of->thlock) {
        apr_status_t rv = apr_thread_mutex_create(&nf->thlock,
                                                  APR_THREAD_MUTEX_DEFAULT, p);
        if (rv != APR_SUCCESS)
            return rv;
    }
#endif
    if (nf->buffered && !nf->buffer) {
        nf->buffer = apr_palloc(p, of->bufsize);
        nf->bufsize = of->bufsize;
    }
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_file_dup(apr_file_t **new_file,
                                       apr_file_t *old_file,
                                       apr_pool_t *p)
{
    apr_file_t *nf;
    apr_status_t rv;
    /* Deliberately close-on-exec, as the flags say (APR's plain dup()
     * leaves the copy inheritable while its flags claim it is not). */
    int fd = fcntl(old_file->filedes, F_DUPFD_CLOEXEC, 0);

    if (fd == -1)
        return errno;
    nf = apr_pcalloc(p, sizeof(*nf));
    nf->pool = p;
    nf->filedes = fd;
    nf->direction = APR__FILE_READ;
    rv = copy_state(nf, old_file, p);
    if (rv != APR_SUCCESS) {
        close(fd);
        return rv;
    }
    /* Not inherited and closed by the pool, whatever the original was. */
    nf->flags = old_file->flags & ~(APR__FILE_INHERIT | APR_FOPEN_NOCLEANUP);
    apr_pool_cleanup_register(p, nf, apr__file_cleanup,
                              apr__file_child_cleanup);
    *new_file = nf;
    return APR_SUCCESS;
}

/* dup2() that sets close-on-exec on the new descriptor atomically where the
 * system has dup3() (Linux, the BSDs), and right after it elsewhere. */
#if HAVE_DUP3
static int dup_onto(int oldfd, int newfd, int cloexec)
{
    return dup3(oldfd, newfd, cloexec ? O_CLOEXEC : 0);
}
#else
static int dup_onto(int oldfd, int newfd, int cloexec)
{
    if (dup2(oldfd, newfd) == -1)
        return -1;
    return cloexec ? fcntl(newfd, F_SETFD, FD_CLOEXEC) : 0;
}
#endif

APR_DECLARE(apr_status_t) apr_file_dup2(apr_file_t *new_file,
                                        apr_file_t *old_file,
                                        apr_pool_t *p)
{
    int cloexec, rv;

    if (new_file == NULL)
        return APR_EINVAL;
    /* new_file keeps its cleanups, so its descriptor keeps what they
     * imply: inherited, or not closed by the pool, or close-on-exec. */
    cloexec = !(new_file->flags & (APR_FOPEN_NOCLEANUP | APR__FILE_INHERIT));
    if (new_file->filedes == old_file->filedes)
        return APR_SUCCESS;
    do {
        rv = dup_onto(old_file->filedes, new_file->filedes, cloexec);
    } while (rv == -1 && errno == EINTR);
    if (rv == -1)
        return errno;
    return copy_state(new_file, old_file, p);
}

APR_DECLARE(apr_status_t) apr_file_setaside(apr_file_t **new_file,
                                            apr_file_t *old_file,
                                            apr_pool_t *p)
{
    apr_file_t *nf = apr_pmemdup(p, old_file, sizeof(*nf));

    nf->pool = p;
    if (old_file->buffered) {
        /* The buffer moves along with its content. */
        nf->buffer = apr_palloc(p, old_file->bufsize);
        memcpy(nf->buffer, old_file->buffer,
               old_file->direction == APR__FILE_WRITE ? old_file->bufpos
                                                      : old_file->dataRead);
#if APR_HAS_THREADS
        if (old_file->thlock) {
            apr_status_t rv = apr_thread_mutex_create(
                &nf->thlock, APR_THREAD_MUTEX_DEFAULT, p);
            if (rv != APR_SUCCESS)
                return rv;
            apr_thread_mutex_destroy(old_file->thlock);
            old_file->thlock = NULL;
        }
#endif
    }
    if (old_file->fname)
        nf->fname = apr_pstrdup(p, old_file->fname);
    if (!(old_file->flags & APR_FOPEN_NOCLEANUP))
        apr_pool_cleanup_register(p, nf, apr__file_cleanup,
                                  (nf->flags & APR__FILE_INHERIT)
                                      ? apr_pool_cleanup_null
                                      : apr__file_child_cleanup);
    old_file->filedes = -1;
    apr_pool_cleanup_kill(old_file->pool, old_file, apr__file_cleanup);
    *new_file = nf;
    return APR_SUCCESS;
}
