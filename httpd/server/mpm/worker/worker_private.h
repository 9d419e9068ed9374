/*
 * worker_private.h: what the files of the worker MPM share.
 *
 * Shape (Apache 2.4's worker): a parent process supervises children; each
 * child runs ThreadsPerChild worker threads and one listener thread. The
 * listener accepts a connection only once a worker is idle and hands it
 * over through a small queue; the worker then owns the connection for its
 * whole life (synchronous keep-alive loop in ap_process_connection).
 */
#ifndef WORKER_PRIVATE_H
#define WORKER_PRIVATE_H

#include "apr.h"
#include "apr_pools.h"
#include "apr_poll.h"
#include "apr_network_io.h"
#include "apr_thread_proc.h"
#include "apr_proc_mutex.h"

#include "httpd.h"
#include "http_config.h"
#include "ap_listen.h"
#include "mpm_common.h"
#include "scoreboard.h"
#include "unixd.h"

/* ---- configuration (worker.c) ----------------------------------------- */

#define AP__WORKER_DEFAULT_SERVER_LIMIT  16
#define AP__WORKER_MAX_SERVER_LIMIT      20000
#define AP__WORKER_DEFAULT_THREAD_LIMIT  64
#define AP__WORKER_MAX_THREAD_LIMIT      20000
#define AP__WORKER_DEFAULT_THREADS       25
#define AP__WORKER_DEFAULT_START         3
#define AP__WORKER_DEFAULT_MIN_SPARE     75
#define AP__WORKER_DEFAULT_MAX_SPARE     250

/** The MPM's directives, reset by pre_config, checked by check_config. */
typedef struct {
    int start_servers;
    int min_spare_threads;
    int max_spare_threads;
    int max_workers;            /* MaxRequestWorkers */
    int server_limit;
    int thread_limit;
    int threads_per_child;
    int active_daemons_limit;   /* max_workers / threads_per_child */
    int one_process;            /* -X / -DONE_PROCESS */
} ap__worker_conf_t;

extern ap__worker_conf_t ap__worker_conf;

/** What survives restarts (kept in ap_retained_data). */
typedef struct {
    ap_unixd_mpm_retained_data *mpm;
    int first_server_limit;     /* ServerLimit cannot change on restart */
    int first_thread_limit;
} ap__worker_retained_t;

extern ap__worker_retained_t *ap__worker_retained;

/** This generation's pipe of death (NULL with -X). */
extern ap_pod_t *ap__worker_pod;

/** The accept mutex (Mutex mpm-accept), NULL when there is only one
 *  listening socket or one process: accept then needs no serialising. */
extern apr_proc_mutex_t *ap__worker_accept_mutex;

/** The accept mutex's lock file, if its mechanism has one. */
extern const char *ap__worker_accept_mutex_file;

/* ---- the socket queue (worker_queue.c) -------------------------------- */

typedef struct ap__worker_queue ap__worker_queue_t;

apr_status_t ap__worker_queue_create(ap__worker_queue_t **q, int capacity,
                                     apr_pool_t *p);

/**
 * The listener reserves an idle worker; blocks until one is idle or the
 * queue is terminated (APR_EOF). *pool gets a recycled connection pool,
 * or a new one.
 */
apr_status_t ap__worker_queue_reserve(ap__worker_queue_t *q,
                                      apr_pool_t **pool);

/** Hand an accepted socket (and its pool) to the reserved worker. */
void ap__worker_queue_push(ap__worker_queue_t *q, apr_socket_t *sd,
                           apr_pool_t *p);

/**
 * A worker becomes idle (recycling @a done, its last connection's pool,
 * if not NULL) and waits for a socket; APR_EOF once the queue is
 * terminated and empty.
 */
apr_status_t ap__worker_queue_pop(ap__worker_queue_t *q, apr_pool_t *done,
                                  apr_socket_t **sd, apr_pool_t **p);

/** No more sockets will come (the listener is gone): wake every waiting
 *  worker for good; sockets already queued are still handed out. */
void ap__worker_queue_term(ap__worker_queue_t *q);

/** Make ap__worker_queue_reserve return APR_EOF from now on (wakes the
 *  listener when the child stops). */
void ap__worker_queue_stop_reserving(ap__worker_queue_t *q);

/* ---- a child process (worker_child.c, _listener.c, _thread.c) --------- */

/** Per-child state shared by its threads. */
typedef struct {
    apr_pool_t *pchild;
    int child_num;
    ap__worker_queue_t *queue;
    apr_pollset_t *pollset;           /* listening sockets, wakeable */
    apr_pollfd_t *listen_pfds;
    int n_listen;
    volatile int listener_may_exit;   /* stop accepting */
    volatile int workers_may_exit;    /* ungraceful: stop at once */
    volatile int listener_done;
    volatile apr_uint32_t workers_done; /* worker threads that ended */
} ap__worker_child_t;

extern ap__worker_child_t *ap__worker_child;

/** Run a child until it is told to stop; returns its exit code. With -X
 *  it runs in the calling process and returns. */
int ap__worker_child_main(apr_pool_t *pconf, int child_num);

/** Ask the child's threads to stop (graceful or not). */
void ap__worker_child_stop(ap__worker_child_t *ch, int graceful);

/** The listener thread's body. */
void *APR_THREAD_FUNC ap__worker_listener(apr_thread_t *thd, void *data);

/** A worker thread's body (data: its thread number, as apr_uintptr_t). */
void *APR_THREAD_FUNC ap__worker_thread(apr_thread_t *thd, void *data);

#endif /* WORKER_PRIVATE_H */
