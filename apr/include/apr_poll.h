/*
 * apr_poll.h: waiting for I/O readiness on sockets and files.
 *
 * Three interfaces: apr_poll() over a caller's array, apr_pollset_*
 * (a set that returns the signalled descriptors as an array) and
 * apr_pollcb_* (a set that calls a function for each signalled one).
 * Pollsets and pollcbs pick a kernel mechanism (epoll, kqueue, event
 * ports, poll, select) at creation time.
 */
#ifndef APR_POLL_H
#define APR_POLL_H

/**
 * @file apr_poll.h
 * @brief APR Poll interface
 */

#include "apr.h"
#include "apr_pools.h"
#include "apr_errno.h"
#include "apr_inherit.h"
#include "apr_file_io.h"
#include "apr_network_io.h"

#if APR_HAVE_NETINET_IN_H
#include <netinet/in.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_poll Poll Routines
 * @ingroup APR
 * @{
 */

/**
 * @defgroup apr_poll_opt Poll options
 * Bits of apr_pollfd_t.reqevents and .rtnevents.
 * @{
 */
#define APR_POLLIN    0x001 /**< Reading will not block */
#define APR_POLLPRI   0x002 /**< Urgent (priority) data can be read */
#define APR_POLLOUT   0x004 /**< Writing will not block */
#define APR_POLLERR   0x010 /**< An error is pending (returned only) */
#define APR_POLLHUP   0x020 /**< The peer hung up (returned only) */
#define APR_POLLNVAL  0x040 /**< The descriptor is not open (returned only) */
/** @} */

/**
 * @defgroup pollflags Pollset flags
 * Flags of apr_pollset_create() and apr_pollcb_create().
 * @{
 */
/** apr_pollset_add/remove may run in other threads while one polls. */
#define APR_POLLSET_THREADSAFE 0x001
/** apr_pollset_add keeps the caller's apr_pollfd_t instead of a copy. */
#define APR_POLLSET_NOCOPY     0x002
/** The set can be woken with apr_pollset_wakeup()/apr_pollcb_wakeup(). */
#define APR_POLLSET_WAKEABLE   0x004
/** Fail rather than fall back to the default method. */
#define APR_POLLSET_NODEFAULT  0x010
/** @} */

/** The kernel mechanism behind a pollset or pollcb. */
typedef enum {
    APR_POLLSET_DEFAULT,  /**< The platform's best method */
    APR_POLLSET_SELECT,   /**< select() */
    APR_POLLSET_KQUEUE,   /**< kqueue (BSD, macOS) */
    APR_POLLSET_PORT,     /**< event ports (Solaris) */
    APR_POLLSET_EPOLL,    /**< epoll (Linux) */
    APR_POLLSET_POLL,     /**< poll() */
    APR_POLLSET_AIO_MSGQ  /**< z/OS asynchronous I/O (never available here) */
} apr_pollset_method_e;

/** What apr_pollfd_t.desc holds. */
typedef enum {
    APR_NO_DESC,       /**< Nothing */
    APR_POLL_SOCKET,   /**< desc.s, an apr_socket_t */
    APR_POLL_FILE,     /**< desc.f, an apr_file_t */
    APR_POLL_LASTDESC  /**< @deprecated Ended old apr_poll() arrays */
} apr_datatype_e;

/** A file or a socket. */
typedef union {
    apr_file_t *f;    /**< The file, for APR_POLL_FILE */
    apr_socket_t *s;  /**< The socket, for APR_POLL_SOCKET */
} apr_descriptor;

/** @see apr_pollfd_t */
typedef struct apr_pollfd_t apr_pollfd_t;

/** One descriptor to watch, and what happened to it. */
struct apr_pollfd_t {
    apr_pool_t *p;             /**< The pool it belongs to */
    apr_datatype_e desc_type;  /**< Which member of desc is set */
    apr_int16_t reqevents;     /**< APR_POLL* events wanted */
    apr_int16_t rtnevents;     /**< APR_POLL* events that occurred */
    apr_descriptor desc;       /**< The file or socket */
    void *client_data;         /**< The caller's data, returned as given */
};

/** A set of descriptors returned as an array (opaque). */
typedef struct apr_pollset_t apr_pollset_t;

/**
 * Create a pollset with the default method.
 * @param pollset Receives the new pollset
 * @param size The most descriptors it holds (select, poll), or the most
 *        one apr_pollset_poll() returns (epoll, kqueue, port)
 * @param p The pool it lives in; its cleanup closes the kernel objects
 * @param flags APR_POLLSET_THREADSAFE, NOCOPY, WAKEABLE, NODEFAULT
 * @return APR_SUCCESS, or an error (APR_ENOTIMPL when a flag cannot be
 *         honoured by any method)
 */
APR_DECLARE(apr_status_t) apr_pollset_create(apr_pollset_t **pollset,
                                             apr_uint32_t size,
                                             apr_pool_t *p,
                                             apr_uint32_t flags);

/**
 * Create a pollset with a chosen method.
 * @param pollset Receives the new pollset
 * @param size As for apr_pollset_create()
 * @param p The pool it lives in
 * @param flags As for apr_pollset_create()
 * @param method The mechanism; when it is unavailable the default is used,
 *        unless flags has APR_POLLSET_NODEFAULT (then APR_ENOTIMPL)
 */
APR_DECLARE(apr_status_t) apr_pollset_create_ex(apr_pollset_t **pollset,
                                                apr_uint32_t size,
                                                apr_pool_t *p,
                                                apr_uint32_t flags,
                                                apr_pollset_method_e method);

/**
 * Destroy a pollset now rather than with its pool.
 * @param pollset The pollset; it must not be used afterwards
 */
APR_DECLARE(apr_status_t) apr_pollset_destroy(apr_pollset_t *pollset);

/**
 * Start watching a descriptor.
 * @param pollset The pollset
 * @param descriptor What to watch; copied unless APR_POLLSET_NOCOPY.
 *        Its client_data comes back with each event.
 * @remark Add a descriptor once only; to change its events remove it and
 *         add it again. With APR_POLLSET_THREADSAFE a poll running in
 *         another thread sees the new descriptor.
 * @return APR_SUCCESS; APR_ENOMEM when a fixed-size set is full
 */
APR_DECLARE(apr_status_t) apr_pollset_add(apr_pollset_t *pollset,
                                          const apr_pollfd_t *descriptor);

/**
 * Stop watching a descriptor.
 * @param pollset The pollset
 * @param descriptor Names the descriptor (its desc and desc_type matter)
 * @return APR_SUCCESS, or APR_NOTFOUND when it was not in the set
 */
APR_DECLARE(apr_status_t) apr_pollset_remove(apr_pollset_t *pollset,
                                             const apr_pollfd_t *descriptor);

/**
 * Wait for events.
 * @param pollset The pollset
 * @param timeout The longest wait in microseconds; negative waits forever
 * @param num Receives the number of signalled descriptors
 * @param descriptors Receives an array of them, with rtnevents set; it
 *        stays valid until the next poll on this pollset
 * @return APR_SUCCESS; APR_TIMEUP (num 0) when nothing happened in time;
 *         APR_EINTR when woken by apr_pollset_wakeup() with nothing else
 *         signalled, or interrupted by a signal
 */
APR_DECLARE(apr_status_t) apr_pollset_poll(apr_pollset_t *pollset,
                                           apr_interval_time_t timeout,
                                           apr_int32_t *num,
                                           const apr_pollfd_t **descriptors);

/**
 * Make a blocked (or the next) apr_pollset_poll() return; safe from any
 * thread.
 * @param pollset The pollset
 * @return APR_SUCCESS, or APR_EINIT when it was not made
 *         APR_POLLSET_WAKEABLE
 */
APR_DECLARE(apr_status_t) apr_pollset_wakeup(apr_pollset_t *pollset);

/**
 * Wait for events on an array of descriptors.
 * @param aprset The array; each rtnevents is set on APR_SUCCESS
 * @param numsock The number of entries
 * @param nsds Receives the number of entries with events
 * @param timeout The longest wait in microseconds; negative waits forever
 * @return APR_SUCCESS, APR_TIMEUP when nothing happened in time, or an
 *         error (APR_EINTR on a signal)
 */
APR_DECLARE(apr_status_t) apr_poll(apr_pollfd_t *aprset, apr_int32_t numsock,
                                   apr_int32_t *nsds,
                                   apr_interval_time_t timeout);

/**
 * The name of a pollset's method ("epoll", "poll", "select", ...).
 * @param pollset The pollset
 */
APR_DECLARE(const char *) apr_pollset_method_name(apr_pollset_t *pollset);

/** The name of the method APR_POLLSET_DEFAULT stands for. */
APR_DECLARE(const char *) apr_poll_method_defname(void);

/** A set of descriptors reported through a callback (opaque). */
typedef struct apr_pollcb_t apr_pollcb_t;

/**
 * Create a pollcb with the default method.
 * @param pollcb Receives the new pollcb
 * @param size The most descriptors one apr_pollcb_poll() reports (and,
 *        for poll and select, the most it holds)
 * @param p The pool it lives in
 * @param flags APR_POLLSET_WAKEABLE, APR_POLLSET_NODEFAULT (others ignored)
 */
APR_DECLARE(apr_status_t) apr_pollcb_create(apr_pollcb_t **pollcb,
                                            apr_uint32_t size,
                                            apr_pool_t *p,
                                            apr_uint32_t flags);

/**
 * Create a pollcb with a chosen method.
 * @param pollcb Receives the new pollcb
 * @param size As for apr_pollcb_create()
 * @param p The pool it lives in
 * @param flags As for apr_pollcb_create()
 * @param method The mechanism; when unavailable the default is used unless
 *        flags has APR_POLLSET_NODEFAULT (then APR_ENOTIMPL)
 */
APR_DECLARE(apr_status_t) apr_pollcb_create_ex(apr_pollcb_t **pollcb,
                                               apr_uint32_t size,
                                               apr_pool_t *p,
                                               apr_uint32_t flags,
                                               apr_pollset_method_e method);

/**
 * Start watching a descriptor.
 * @param pollcb The pollcb
 * @param descriptor What to watch; never copied: the same pointer is
 *        handed to the callback, so it must outlive its membership
 * @remark Add a descriptor once only.
 */
APR_DECLARE(apr_status_t) apr_pollcb_add(apr_pollcb_t *pollcb,
                                         apr_pollfd_t *descriptor);

/**
 * Stop watching a descriptor.
 * @param pollcb The pollcb
 * @param descriptor Names the descriptor
 * @return APR_SUCCESS, or APR_NOTFOUND when it was not in the set
 */
APR_DECLARE(apr_status_t) apr_pollcb_remove(apr_pollcb_t *pollcb,
                                            apr_pollfd_t *descriptor);

/**
 * The callback of apr_pollcb_poll().
 * @param baton The baton given to apr_pollcb_poll()
 * @param descriptor The signalled descriptor (the pointer that was added),
 *        with rtnevents set
 * @return APR_SUCCESS to go on; anything else ends apr_pollcb_poll(),
 *         which returns it
 */
typedef apr_status_t (*apr_pollcb_cb_t)(void *baton, apr_pollfd_t *descriptor);

/**
 * Wait for events and call func for each signalled descriptor.
 * @param pollcb The pollcb
 * @param timeout The longest wait in microseconds; negative waits forever
 * @param func Called once per signalled descriptor
 * @param baton Passed to func
 * @return APR_SUCCESS; APR_TIMEUP when nothing happened in time; APR_EINTR
 *         when woken by apr_pollcb_wakeup(); or func's first non-success
 */
APR_DECLARE(apr_status_t) apr_pollcb_poll(apr_pollcb_t *pollcb,
                                          apr_interval_time_t timeout,
                                          apr_pollcb_cb_t func,
                                          void *baton);

/**
 * Make a blocked (or the next) apr_pollcb_poll() return APR_EINTR.
 * @param pollcb The pollcb
 * @return APR_SUCCESS, or APR_EINIT when it was not made
 *         APR_POLLSET_WAKEABLE
 */
APR_DECLARE(apr_status_t) apr_pollcb_wakeup(apr_pollcb_t *pollcb);

/**
 * The name of a pollcb's method ("epoll", "poll", "select", ...).
 * @param pollcb The pollcb
 */
APR_DECLARE(const char *) apr_pollcb_method_name(apr_pollcb_t *pollcb);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_POLL_H */
