/*
 * Anonymous and named pipes, and their timeouts.
 *
 * A pipe's timeout decides how its descriptor is set: negative means a
 * blocking descriptor; 0 or more means O_NONBLOCK, with a positive value
 * being how long apr_file_read/write wait (apr__wait_for_io) before
 * APR_TIMEUP.
 */
#include "apr_arch_file_io.h"
#include "apr_portable.h"
#include "apr_thread_proc.h"

#include <errno.h>
#include <sys/stat.h>

apr_status_t apr__file_set_nonblock(apr_file_t *file, int on)
{
    int fl = fcntl(file->filedes, F_GETFL);

    if (fl == -1)
        return errno;
    fl = on ? (fl | O_NONBLOCK) : (fl & ~O_NONBLOCK);
    if (fcntl(file->filedes, F_SETFL, fl) == -1)
        return errno;
    file->blocking = on ? APR__BLK_OFF : APR__BLK_ON;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_file_pipe_timeout_set(apr_file_t *thepipe,
                                               apr_interval_time_t timeout)
{
    if (!thepipe->is_pipe)
        return APR_EINVAL;
    thepipe->timeout = timeout;
    if (timeout >= 0 && thepipe->blocking != APR__BLK_OFF)
        return apr__file_set_nonblock(thepipe, 1);
    if (timeout < 0 && thepipe->blocking != APR__BLK_ON)
        return apr__file_set_nonblock(thepipe, 0);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_file_pipe_timeout_get(apr_file_t *thepipe,
                                               apr_interval_time_t *timeout)
{
    if (!thepipe->is_pipe)
        return APR_EINVAL;
    *timeout = thepipe->timeout;
    return APR_SUCCESS;
}

/* A pipe end: unbuffered, blocking as far as is known. */
static apr_file_t *pipe_new(int fd, apr_int32_t flags, apr_pool_t *pool)
{
    apr_file_t *f = apr_pcalloc(pool, sizeof(*f));

    f->pool = pool;
    f->filedes = fd;
    f->flags = flags;
    f->is_pipe = 1;
    f->timeout = -1;
    f->ungetchar = -1;
    f->blocking = APR__BLK_UNKNOWN;
    f->direction = APR__FILE_READ;
    return f;
}

APR_DECLARE(apr_status_t) apr_os_pipe_put_ex(apr_file_t **file,
                                             apr_os_file_t *thefile,
                                             int register_cleanup,
                                             apr_pool_t *cont)
{
    *file = pipe_new(*thefile, register_cleanup ? 0 : APR_FOPEN_NOCLEANUP,
                     cont);
    if (register_cleanup)
        apr_pool_cleanup_register(cont, *file, apr__file_cleanup,
                                  apr_pool_cleanup_null);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_os_pipe_put(apr_file_t **file,
                                          apr_os_file_t *thefile,
                                          apr_pool_t *cont)
{
    return apr_os_pipe_put_ex(file, thefile, 0, cont);
}

/* As in APR, both ends start inheritable (no FD_CLOEXEC, and the child
 * cleanup leaves them open): pipes are made to be handed to children.
 * apr_file_inherit_unset() takes that back. */
static apr_status_t pipe_create(apr_file_t **in, apr_file_t **out,
                                apr_pool_t *pool_in, apr_pool_t *pool_out)
{
    int fds[2];

    if (pipe(fds) == -1)
        return errno;
    *in = pipe_new(fds[0], APR__FILE_INHERIT, pool_in);
    *out = pipe_new(fds[1], APR__FILE_INHERIT, pool_out);
    (*in)->blocking = (*out)->blocking = APR__BLK_ON;
    apr_pool_cleanup_register(pool_in, *in, apr__file_cleanup,
                              apr_pool_cleanup_null);
    apr_pool_cleanup_register(pool_out, *out, apr__file_cleanup,
                              apr_pool_cleanup_null);
    return APR_SUCCESS;
}

static apr_status_t set_blocking(apr_file_t *in, apr_file_t *out,
                                 apr_int32_t blocking)
{
    apr_status_t rv = APR_SUCCESS;

    switch (blocking) {
    case APR_FULL_BLOCK:
        break;
    case APR_READ_BLOCK:
        rv = apr_file_pipe_timeout_set(out, 0);
        break;
    case APR_WRITE_BLOCK:
        rv = apr_file_pipe_timeout_set(in, 0);
        break;
    default: /* FULL_NONBLOCK, and anything else, as APR does */
        rv = apr_file_pipe_timeout_set(out, 0);
        if (rv == APR_SUCCESS)
            rv = apr_file_pipe_timeout_set(in, 0);
        break;
    }
    return rv;
}

APR_DECLARE(apr_status_t) apr_file_pipe_create(apr_file_t **in,
                                               apr_file_t **out,
                                               apr_pool_t *pool)
{
    return pipe_create(in, out, pool, pool);
}

APR_DECLARE(apr_status_t) apr_file_pipe_create_ex(apr_file_t **in,
                                                  apr_file_t **out,
                                                  apr_int32_t blocking,
                                                  apr_pool_t *pool)
{
    return apr_file_pipe_create_pools(in, out, blocking, pool, pool);
}

APR_DECLARE(apr_status_t) apr_file_pipe_create_pools(apr_file_t **in,
                                                     apr_file_t **out,
                                                     apr_int32_t blocking,
                                                     apr_pool_t *pool_in,
                                                     apr_pool_t *pool_out)
{
    apr_status_t rv = pipe_create(in, out, pool_in, pool_out);

    if (rv != APR_SUCCESS)
        return rv;
    return set_blocking(*in, *out, blocking);
}

APR_DECLARE(apr_status_t) apr_file_namedpipe_create(const char *filename,
                                                    apr_fileperms_t perm,
                                                    apr_pool_t *pool)
{
    (void)pool;
    if (mkfifo(filename, apr__perms_to_mode(perm)) == -1)
        return errno;
    return APR_SUCCESS;
}
