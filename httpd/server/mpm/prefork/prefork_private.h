/*
 * prefork_private.h: what the files of the prefork MPM share.
 *
 * Shape (Apache 2.4's prefork): a parent process that never serves keeps
 * a pool of single-threaded children. Each child accepts one connection
 * at a time and runs it to the end with ap_process_connection(). With
 * several listeners the children take turns to wait for a connection,
 * serialised by the "mpm-accept" mutex; with one listener they all wait
 * (the kernel hands each connection to one of them).
 *
 * How the parent talks to its children:
 *   pipe of death   one byte asks one idle child to leave after its
 *                   current connection (spare reduction, graceful
 *                   restart/stop); end-of-file means the same.
 *   AP_SIG_GRACEFUL tells a busy child to stop keeping its connection
 *                   alive and to leave once it is done with it.
 *   SIGTERM         leave at once (stop, plain restart).
 */
#ifndef PREFORK_PRIVATE_H
#define PREFORK_PRIVATE_H

#include "apr.h"
#include "apr_pools.h"
#include "apr_proc_mutex.h"

#include "httpd.h"
#include "http_config.h"
#include "ap_listen.h"
#include "mpm_common.h"
#include "scoreboard.h"
#include "unixd.h"

/* ---- configuration (prefork.c) ----------------------------------------- */

#define AP__PREFORK_DEFAULT_START        5
#define AP__PREFORK_DEFAULT_MIN_FREE     5
#define AP__PREFORK_DEFAULT_MAX_FREE     10
#define AP__PREFORK_DEFAULT_SERVER_LIMIT 256
#define AP__PREFORK_MAX_SERVER_LIMIT     200000
/** Children started per maintenance pass at most (the rate doubles up to
 *  this while idle children stay short). */
#define AP__PREFORK_MAX_SPAWN_RATE       32

/** The MPM's directives, reset by pre_config, checked by check_config. */
typedef struct {
    int daemons_to_start;       /* StartServers */
    int min_free;               /* MinSpareServers */
    int max_free;               /* MaxSpareServers */
    int daemons_limit;          /* MaxRequestWorkers (MaxClients) */
    int server_limit;           /* ServerLimit */
    int one_process;            /* -X / -DONE_PROCESS / -DDEBUG */
} ap__prefork_conf_t;

extern ap__prefork_conf_t ap__prefork_conf;

/** What survives restarts (kept in ap_retained_data). */
typedef struct {
    ap_unixd_mpm_retained_data *mpm;
    int first_server_limit;     /* ServerLimit cannot change on restart */
} ap__prefork_retained_t;

extern ap__prefork_retained_t *ap__prefork_retained;

/** This generation's pipe of death (NULL with -X). */
extern ap_pod_t *ap__prefork_pod;

/** This generation's accept mutex; NULL when accept is not serialised
 *  (one listener, "Mutex none", or -X). */
extern apr_proc_mutex_t *ap__prefork_accept_mutex;

/* ---- a child (prefork_child.c) ----------------------------------------- */

/**
 * Run a child in scoreboard slot @a slot until it has to leave.
 * @return its exit code. With -X it runs in the calling process and
 *         returns when a signal asks the server to stop or restart.
 */
int ap__prefork_child_main(apr_pool_t *pconf, int slot);

/* ---- waiting for a connection (prefork_accept.c) ----------------------- */

/** A child's view of the listeners and the pipe of death. */
typedef struct ap__prefork_accept ap__prefork_accept_t;

/** What ap__prefork_accept_next() found. */
typedef enum {
    AP__PREFORK_ACCEPTED,       /* *csd is a new connection */
    AP__PREFORK_AGAIN,          /* nothing (lost a race, EINTR): loop */
    AP__PREFORK_LEAVE,          /* the pipe of death spoke: the child
                                 * must go */
    AP__PREFORK_FATAL           /* the accept mutex is unusable: every
                                 * child would fail alike, so the server
                                 * must stop */
} ap__prefork_accept_e;

/** Set up a child's pollset over the listeners (and the pipe of death)
 *  and join the accept mutex. */
apr_status_t ap__prefork_accept_init(ap__prefork_accept_t **ac,
                                     apr_pool_t *pchild);

/**
 * Wait for the next connection (holding the accept mutex while waiting,
 * when accept is serialised) and accept it into @a ptrans.
 * @param die_now checked whenever a signal interrupts the wait
 */
ap__prefork_accept_e ap__prefork_accept_next(ap__prefork_accept_t *ac,
                                             apr_pool_t *ptrans,
                                             apr_socket_t **csd,
                                             volatile int *die_now);

/** Non-zero when the pipe of death asks this child to leave (a byte was
 *  read, or the parent closed its end). */
int ap__prefork_pod_says_die(void);

#endif /* PREFORK_PRIVATE_H */
