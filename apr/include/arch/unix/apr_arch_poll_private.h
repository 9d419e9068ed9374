/*
 * The unix pollset and pollcb: one provider (a const table of functions)
 * per kernel mechanism, each in its own file under poll/unix/, chosen by
 * meson. pollset.c and pollcb.c pick the provider and own the wakeup
 * pipe; the providers own their kernel objects. Not installed.
 *
 * Owner: poll.
 */
#ifndef APR_ARCH_POLL_PRIVATE_H
#define APR_ARCH_POLL_PRIVATE_H

#include "apr.h"
#include "apr_private_config.h"
#include "apr_poll.h"
#include "apr_errno.h"
#include "apr_pools.h"
#include "apr_thread_mutex.h"
#include "apr_arch_file_io.h"
#include "apr_arch_networkio.h"

#include <stdatomic.h>

/* ------------------------------------------------------------------ */
/* The wakeup pipe (wakeup.c)                                          */

/*
 * A non-blocking pipe whose read end the provider watches. `pending` is
 * set while a byte sits in the pipe, so a storm of wakeups writes one
 * byte; `user` records an apr_pollset_wakeup() as opposed to an internal
 * nudge (a THREADSAFE poll/select set changed under a running poll).
 */
typedef struct apr__wakeup_t {
    int fd[2];              /* read end, write end; -1 when unused */
    atomic_uint pending;
    atomic_uint user;
} apr__wakeup_t;

/* Make the pipe (both ends non-blocking and close-on-exec). */
apr_status_t apr__wakeup_create(apr__wakeup_t *w);
/* Close both ends (idempotent). */
void apr__wakeup_close(apr__wakeup_t *w);
/* Wake the poller; user != 0 for apr_pollset_wakeup/apr_pollcb_wakeup. */
apr_status_t apr__wakeup_send(apr__wakeup_t *w, int user);
/* Empty the pipe after its read end polled readable; returns non-zero
 * when a user wakeup was among what it consumed. */
int apr__wakeup_drain(apr__wakeup_t *w);

/* ------------------------------------------------------------------ */
/* Descriptors and events                                              */

/* The OS descriptor of a pollfd: the socket's, else the file's. */
static inline int apr__pollfd_os(const apr_pollfd_t *pfd)
{
    return pfd->desc_type == APR_POLL_SOCKET ? pfd->desc.s->socketdes
                                             : pfd->desc.f->filedes;
}

/* Microseconds to poll()/epoll_wait() milliseconds, rounded up so a
 * timeout never ends early; negative means forever (-1). */
static inline int apr__poll_ms(apr_interval_time_t timeout)
{
    if (timeout < 0)
        return -1;
    if (timeout > (apr_interval_time_t)2147483 * 1000)
        return 2147483647;
    return (int)((timeout + 999) / 1000);
}

#if HAVE_POLL_H
#include <poll.h>

/* APR_POLL* to poll(2) events and back (the bit values differ). */
static inline short apr__poll_to_os(apr_int16_t ev)
{
    short r = 0;

    if (ev & APR_POLLIN)
        r |= POLLIN;
    if (ev & APR_POLLPRI)
        r |= POLLPRI;
    if (ev & APR_POLLOUT)
        r |= POLLOUT;
    return r;
}

static inline apr_int16_t apr__poll_from_os(short ev)
{
    apr_int16_t r = 0;

    if (ev & POLLIN)
        r |= APR_POLLIN;
    if (ev & POLLPRI)
        r |= APR_POLLPRI;
    if (ev & POLLOUT)
        r |= APR_POLLOUT;
    if (ev & POLLERR)
        r |= APR_POLLERR;
    if (ev & POLLHUP)
        r |= APR_POLLHUP;
    if (ev & POLLNVAL)
        r |= APR_POLLNVAL;
    return r;
}
#endif

/* ------------------------------------------------------------------ */
/* Pollsets                                                            */

typedef struct apr__pollset_provider_t {
    /* Set up ps->priv; size is the caller's size (not counting wakeup). */
    apr_status_t (*create)(apr_pollset_t *ps, apr_uint32_t size);
    apr_status_t (*add)(apr_pollset_t *ps, const apr_pollfd_t *pfd);
    apr_status_t (*remove)(apr_pollset_t *ps, const apr_pollfd_t *pfd);
    apr_status_t (*poll)(apr_pollset_t *ps, apr_interval_time_t timeout,
                         apr_int32_t *num, const apr_pollfd_t **out);
    /* Release the kernel objects and memory; called once. */
    void (*cleanup)(apr_pollset_t *ps);
    const char *name;
} apr__pollset_provider_t;

struct apr_pollset_t {
    apr_pool_t *pool;
    apr_uint32_t flags;
    const apr__pollset_provider_t *provider;
    apr_thread_mutex_t *lock;   /* THREADSAFE (poll, select, epoll copies) */
    apr__wakeup_t wakeup;       /* fd[0] == -1 unless WAKEABLE/THREADSAFE */
    void *priv;                 /* the provider's state */
};

/* ------------------------------------------------------------------ */
/* Pollcbs                                                             */

typedef struct apr__pollcb_provider_t {
    apr_status_t (*create)(apr_pollcb_t *pc, apr_uint32_t size);
    apr_status_t (*add)(apr_pollcb_t *pc, apr_pollfd_t *pfd);
    apr_status_t (*remove)(apr_pollcb_t *pc, apr_pollfd_t *pfd);
    apr_status_t (*poll)(apr_pollcb_t *pc, apr_interval_time_t timeout,
                         apr_pollcb_cb_t func, void *baton);
    void (*cleanup)(apr_pollcb_t *pc);
    const char *name;
} apr__pollcb_provider_t;

struct apr_pollcb_t {
    apr_pool_t *pool;
    apr_uint32_t flags;
    const apr__pollcb_provider_t *provider;
    apr__wakeup_t wakeup;       /* fd[0] == -1 unless WAKEABLE */
    void *priv;
};

/* The providers; each exists where apr_private_config.h says so. */
#if HAVE_EPOLL_CREATE1
extern const apr__pollset_provider_t apr__pollset_epoll;
extern const apr__pollcb_provider_t apr__pollcb_epoll;
#endif
#if HAVE_KQUEUE
extern const apr__pollset_provider_t apr__pollset_kqueue;
extern const apr__pollcb_provider_t apr__pollcb_kqueue;
#endif
#if HAVE_PORT_CREATE
extern const apr__pollset_provider_t apr__pollset_port;
extern const apr__pollcb_provider_t apr__pollcb_port;
#endif
#if HAVE_POLL_H
extern const apr__pollset_provider_t apr__pollset_poll;
extern const apr__pollcb_provider_t apr__pollcb_poll;
#endif
extern const apr__pollset_provider_t apr__pollset_select;
extern const apr__pollcb_provider_t apr__pollcb_select;

/* ------------------------------------------------------------------ */
/* The descriptor table of the poll and select providers (fdtable.c)   */

/*
 * Members kept densely in slots 0..n-1 (removal moves the last one into
 * the hole), with an index from OS descriptor to slot, so add and remove
 * are O(1). ref[i] is the caller's pollfd (NOCOPY, pollcb) or copy[i].
 */
typedef struct apr__fdtable_t {
    apr_uint32_t n, nalloc;
    int nocopy;
    int *fds;                   /* slot -> OS descriptor */
    const apr_pollfd_t **ref;   /* slot -> pollfd */
    apr_pollfd_t *copy;         /* slot -> copy (NULL when nocopy) */
    int *slot_of;               /* OS descriptor -> slot, or -1 */
    apr_size_t slot_len;
} apr__fdtable_t;

apr_status_t apr__fdtable_init(apr__fdtable_t *t, apr_uint32_t nalloc,
                               int nocopy);
void apr__fdtable_free(apr__fdtable_t *t);
/* Add; *slot receives its slot. APR_EEXIST if the descriptor is there,
 * APR_ENOMEM when full. */
apr_status_t apr__fdtable_add(apr__fdtable_t *t, const apr_pollfd_t *pfd,
                              int fd, apr_uint32_t *slot);
/* The slot of an OS descriptor, or -1. */
static inline int apr__fdtable_find(const apr__fdtable_t *t, int fd)
{
    return (fd >= 0 && (apr_size_t)fd < t->slot_len) ? t->slot_of[fd] : -1;
}
/* Remove the member in `slot`; returns the slot the last member moved
 * from (== n after the call), for providers with parallel arrays. */
apr_uint32_t apr__fdtable_remove(apr__fdtable_t *t, apr_uint32_t slot);

#endif /* APR_ARCH_POLL_PRIVATE_H */
