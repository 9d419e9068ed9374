/*
 * The wakeup pipe of pollsets and pollcbs: a byte written to it makes the
 * read end, which the provider watches, readable. Raw descriptors, not an
 * apr_file_t: the provider recognises the descriptor and never reports it.
 */
#include "apr_arch_poll_private.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#if HAVE_PIPE2
static int make_pipe(int fd[2])
{
    return pipe2(fd, O_NONBLOCK | O_CLOEXEC);
}
#else
static int make_pipe(int fd[2])
{
    int i;

    if (pipe(fd) != 0)
        return -1;
    for (i = 0; i < 2; i++) {
        int fl = fcntl(fd[i], F_GETFL);
        if (fl == -1 || fcntl(fd[i], F_SETFL, fl | O_NONBLOCK) == -1
            || fcntl(fd[i], F_SETFD, FD_CLOEXEC) == -1) {
            int e = errno;
            close(fd[0]);
            close(fd[1]);
            errno = e;
            return -1;
        }
    }
    return 0;
}
#endif

apr_status_t apr__wakeup_create(apr__wakeup_t *w)
{
    atomic_init(&w->pending, 0);
    atomic_init(&w->user, 0);
    if (make_pipe(w->fd) != 0) {
        w->fd[0] = w->fd[1] = -1;
        return errno;
    }
    return APR_SUCCESS;
}

void apr__wakeup_close(apr__wakeup_t *w)
{
    int i;

    for (i = 0; i < 2; i++) {
        if (w->fd[i] >= 0)
            close(w->fd[i]);
        w->fd[i] = -1;
    }
}

apr_status_t apr__wakeup_send(apr__wakeup_t *w, int user)
{
    ssize_t r;

    if (user)
        atomic_store(&w->user, 1);
    /* One byte in the pipe is enough; later senders ride on it. */
    if (atomic_exchange(&w->pending, 1) != 0)
        return APR_SUCCESS;
    do {
        r = write(w->fd[1], "", 1);
    } while (r == -1 && errno == EINTR);
    if (r == -1 && errno != EAGAIN) {
        atomic_store(&w->pending, 0);
        return errno;
    }
    return APR_SUCCESS;
}

int apr__wakeup_drain(apr__wakeup_t *w)
{
    char buf[64];
    ssize_t r;

    do {
        r = read(w->fd[0], buf, sizeof buf);
    } while (r > 0 || (r == -1 && errno == EINTR));
    /* Emptied first, cleared after: a sender in between sees pending and
     * writes nothing, its wakeup counting for this poll. */
    atomic_store(&w->pending, 0);
    return atomic_exchange(&w->user, 0) != 0;
}
