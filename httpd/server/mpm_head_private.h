/*
 * mpm_head_private.h: reading a request head without holding a thread,
 * for the asynchronous MPMs (event, simple), written once (mpm_head.c).
 *
 * When a connection waits for a request, a thread of the MPM reads
 * whatever the socket has without blocking into a small per-connection
 * buffer (ap__mpm_head_t, embedded in the MPM's connection state) and
 * looks for the end of the head. While it is incomplete the MPM puts the
 * connection back in its pollset until h->deadline (mod_reqtimeout's
 * header rule) or Timeout; once complete, the MPM_HEAD input filter,
 * just above CORE_IN, serves it before anything else is read from the
 * socket, so ap_read_request parses it without waiting.
 *
 * The MPMs are loadable modules, so the functions are exported from the
 * executable (AP_DECLARE), but they are no module API.
 */
#ifndef AP_MPM_HEAD_PRIVATE_H
#define AP_MPM_HEAD_PRIVATE_H

#include "apr.h"
#include "apr_buckets.h"
#include "apr_network_io.h"
#include "apr_time.h"

#include "httpd.h"

#ifdef __cplusplus
extern "C" {
#endif

#define AP__MPM_HEAD_DONE 0     /* a complete head (or not ours to read) */
#define AP__MPM_HEAD_MORE 1     /* incomplete: wait in the pollset */
#define AP__MPM_HEAD_GONE 2     /* the client closed before a byte */

/** One connection's request head; zeroed with its owner (pcalloc). */
typedef struct {
    conn_rec *c;                /* NULL until attached */
    apr_socket_t *sd;
    char *buf;                  /* the head read so far */
    apr_size_t len;
    apr_size_t cap;
    apr_bucket_brigade *bb;     /* complete head served by MPM_HEAD */
    apr_time_t deadline;        /* mod_reqtimeout's for the head waiting
                                 * in the pollset; 0: none (Timeout) */
} ap__mpm_head_t;

/** Register the MPM_HEAD input filter (the MPM's register_hooks). */
AP_DECLARE(void) ap__mpm_head_register(void);

/** Put MPM_HEAD on a new connection (after pre_connection). */
AP_DECLARE(void) ap__mpm_head_attach(ap__mpm_head_t *h, conn_rec *c,
                                     apr_socket_t *sd);

/** Read what the socket has without waiting; AP__MPM_HEAD_*. Sets
 *  h->deadline when mod_reqtimeout's rule times the head. */
AP_DECLARE(int) ap__mpm_head_read(ap__mpm_head_t *h);

/** Is MPM_HEAD the top of the input chain, holding nothing? */
AP_DECLARE(int) ap__mpm_head_plain(ap__mpm_head_t *h);

/** Are heads read here: plain, or under mod_reqtimeout's filter alone
 *  (whose state a fresh conn_rec gets anew in pre_connection)? */
AP_DECLARE(int) ap__mpm_head_ours(ap__mpm_head_t *h);

/** Has the head waiting in the pollset outlived its mod_reqtimeout
 *  deadline (still reading the request line)? Then a thread, not a plain
 *  close, must end it: ap__mpm_head_read hands over what came in time
 *  and mod_reqtimeout's filter fails the request with a 408. */
AP_DECLARE(int) ap__mpm_head_expired(const ap__mpm_head_t *h,
                                     apr_time_t now);

#ifdef __cplusplus
}
#endif

#endif /* AP_MPM_HEAD_PRIVATE_H */
