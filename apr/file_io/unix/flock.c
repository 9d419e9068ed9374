/*
 * Whole-file advisory locks.
 *
 * Like Debian's libapr (APR prefers flock() where the system has it),
 * the lock belongs to the open file: another apr_file_t opened on the
 * same path, even in the same process, conflicts with it; the mode the
 * file was opened in does not matter; closing another descriptor of the
 * file does not release it. Systems without flock() get fcntl() record
 * locks, which belong to the process instead.
 */
#include "apr_arch_file_io.h"

#include <errno.h>
#include <string.h>

#if HAVE_FLOCK
#include <sys/file.h>

static apr_status_t do_lock(int fd, int op)
{
    int rc;

    do {
        rc = flock(fd, op);
    } while (rc == -1 && errno == EINTR);
    return rc == 0 ? APR_SUCCESS : errno;
}

APR_DECLARE(apr_status_t) apr_file_lock(apr_file_t *thefile, int type)
{
    int op = (type & APR_FLOCK_TYPEMASK) == APR_FLOCK_SHARED ? LOCK_SH
                                                            : LOCK_EX;

    if (type & APR_FLOCK_NONBLOCK)
        op |= LOCK_NB;
    return do_lock(thefile->filedes, op);
}

APR_DECLARE(apr_status_t) apr_file_unlock(apr_file_t *thefile)
{
    return do_lock(thefile->filedes, LOCK_UN);
}

#else /* fcntl() record locks */

static apr_status_t do_lock(int fd, short type, int wait)
{
    struct flock l;
    int rc;

    memset(&l, 0, sizeof(l));
    l.l_type = type;
    l.l_whence = SEEK_SET;
    l.l_start = 0;
    l.l_len = 0; /* to the end, however far the file grows */
    do {
        rc = fcntl(fd, wait ? F_SETLKW : F_SETLK, &l);
    } while (rc == -1 && errno == EINTR);
    if (rc == 0)
        return APR_SUCCESS;
    /* Some systems say EACCES for a lock held elsewhere: callers test
     * APR_STATUS_IS_EAGAIN, which must not match EACCES in general. */
    return errno == EACCES ? APR_EAGAIN : errno;
}

APR_DECLARE(apr_status_t) apr_file_lock(apr_file_t *thefile, int type)
{
    short lt = (type & APR_FLOCK_TYPEMASK) == APR_FLOCK_SHARED ? F_RDLCK
                                                              : F_WRLCK;

    return do_lock(thefile->filedes, lt, !(type & APR_FLOCK_NONBLOCK));
}

APR_DECLARE(apr_status_t) apr_file_unlock(apr_file_t *thefile)
{
    return do_lock(thefile->filedes, F_UNLCK, 1);
}

#endif
