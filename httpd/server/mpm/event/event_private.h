/*
 * event_private.h: what the files of the event MPM share.
 *
 * Shape (Apache 2.4's): a parent process supervises children; each child
 * has one listener thread owning an apr_pollset (listening sockets,
 * connections waiting for their next request, connections whose output is
 * still draining, connections in lingering close, each kind in a FIFO
 * timeout queue) and ThreadsPerChild workers fed through a job queue. A
 * worker only holds a connection while a request is processed.
 */
#ifndef EVENT_PRIVATE_H
#define EVENT_PRIVATE_H

#include "apr.h"
#include "apr_pools.h"
#include "apr_poll.h"
#include "apr_network_io.h"
#include "apr_thread_proc.h"
#include "apr_thread_mutex.h"
#include "apr_buckets.h"
#include "apr_portable.h"

#include "httpd.h"
#include "http_config.h"
#include "ap_listen.h"
#include "mpm_common.h"
#include "scoreboard.h"
#include "unixd.h"
#include "mpm_head_private.h"

/* ---- configuration (event.c) ------------------------------------------ */

#define AP__EVENT_DEFAULT_SERVER_LIMIT   16
#define AP__EVENT_MAX_SERVER_LIMIT       20000
#define AP__EVENT_DEFAULT_THREAD_LIMIT   64
#define AP__EVENT_MAX_THREAD_LIMIT       100000
#define AP__EVENT_DEFAULT_THREADS        25
#define AP__EVENT_DEFAULT_START          3
#define AP__EVENT_DEFAULT_MIN_SPARE      75
#define AP__EVENT_DEFAULT_MAX_SPARE      250
#define AP__EVENT_DEFAULT_WORKER_FACTOR  2

/** The MPM's directives, reset by pre_config, checked by check_config. */
typedef struct {
    int start_servers;
    int min_spare_threads;
    int max_spare_threads;
    int max_workers;            /* MaxRequestWorkers */
    int server_limit;
    int thread_limit;
    int threads_per_child;
    double worker_factor;       /* AsyncRequestWorkerFactor */
    int active_daemons_limit;   /* max_workers / threads_per_child */
    int one_process;            /* -X / -DONE_PROCESS */
} ap__event_conf_t;

extern ap__event_conf_t ap__event_conf;

/** What survives restarts (kept in ap_retained_data). */
typedef struct {
    ap_unixd_mpm_retained_data *mpm;
    int first_server_limit;     /* ServerLimit cannot change on restart */
    int first_thread_limit;
} ap__event_retained_t;

extern ap__event_retained_t *ap__event_retained;

/** This generation's pipe of death (NULL with -X). */
extern ap_pod_t *ap__event_pod;

/* ---- connections and timeout queues (event_queue.c) ------------------- */

typedef struct ap__event_tq ap__event_tq_t;
typedef struct ap__event_conn ap__event_conn_t;

/** What a pollfd's client_data points to starts with one of these. */
#define AP__EVENT_KIND_CONN     0
#define AP__EVENT_KIND_LISTENER 1
#define AP__EVENT_KIND_IDLE     2

/** client_data of a listening socket's pollfd. */
typedef struct {
    int kind;                   /* AP__EVENT_KIND_LISTENER */
    ap_listen_rec *lr;
} ap__event_ltag_t;

/** The MPM's state of one connection; lives in the connection's pool. */
struct ap__event_conn {
    int kind;                   /* AP__EVENT_KIND_CONN (pcalloc'ed: 0) */
    conn_state_t pub;           /* c->cs points here */
    conn_rec *c;
    apr_pool_t *p;
    apr_socket_t *sd;
    apr_bucket_alloc_t *ba;
    ap_sb_handle_t *sbh;
    apr_bucket_brigade *wc_bb;  /* empty brigade to flush set-aside data */
    apr_pollfd_t pfd;           /* registered as is (NOCOPY pollset) */
    apr_time_t expiry;          /* when its queue times it out */
    ap__event_conn_t *next;     /* timeout queue links */
    ap__event_conn_t *prev;
    ap__event_tq_t *q;          /* the queue it is in, or NULL */
    ap__mpm_head_t head;        /* request head read so far, and its
                                 * deadline in head_q (mpm_head.c) */
    int pipelined;              /* next request already buffered */
};

typedef struct ap__event_idle ap__event_idle_t;

/** What remains of a dried idle keep-alive connection (event_idle.c):
 *  about a hundred bytes, plus the descriptor's shell, which belongs to
 *  the descriptor number and is reused by whichever connection has it. */
struct ap__event_idle {
    int kind;                   /* AP__EVENT_KIND_IDLE */
    apr_int32_t family;
    apr_pollfd_t pfd;           /* desc.f: the shell of its descriptor */
    apr_time_t expiry;          /* end of its KeepAliveTimeout */
    ap__event_idle_t *next;
    ap__event_idle_t *prev;
    int keepalives;
    int type;
    int protocol;
};

/** A FIFO of connections sharing one timeout: sorted by expiry. */
struct ap__event_tq {
    ap__event_conn_t *head;
    ap__event_conn_t *tail;
    apr_interval_time_t timeout;
    int count;
};

/** Append @a cs (expiry = now + q->timeout). Caller holds the mutex. */
void ap__event_tq_append(ap__event_tq_t *q, ap__event_conn_t *cs,
                         apr_time_t now);

/** Unlink @a cs from its queue, if any. Caller holds the mutex. */
void ap__event_tq_remove(ap__event_conn_t *cs);

/** Insert @a cs at its place by @a expiry (for queues whose members have
 *  their own deadlines: head_q). Caller holds the mutex. */
void ap__event_tq_insert(ap__event_tq_t *q, ap__event_conn_t *cs,
                         apr_time_t expiry);

typedef struct ap__event_timer ap__event_timer_t;

/** One job for a worker: a new socket, a connection ready again, or a
 *  timed callback that is due. */
typedef struct {
    ap__event_conn_t *cs;       /* NULL for a new connection */
    ap__event_idle_t *idle;     /* a dried connection that woke up */
    apr_socket_t *sd;           /* new connection's socket */
    apr_pool_t *p;              /* new connection's pool */
    ap__event_timer_t *timer;   /* a due timed callback */
} ap__event_job_t;

typedef struct ap__event_jobq ap__event_jobq_t;

/** How long a job may wait for a running worker before the listener
 *  wakes a sleeping one (the running ones may be blocked). */
#define AP__EVENT_JOB_LAG apr_time_from_msec(1)

/** A queue for @a workers worker threads (numbered 0 .. workers-1). */
apr_status_t ap__event_jobq_create(ap__event_jobq_t **q, int workers,
                                   apr_pool_t *p);
/** Queue a job: to a sleeping worker while fewer workers run than there
 *  are processors, else for the next worker to finish (the ring grows).
 *  Only the listener thread pushes (and ticks). */
apr_status_t ap__event_jobq_push(ap__event_jobq_t *q,
                                 const ap__event_job_t *job);
/** Worker @a worker waits for a job; APR_EOF once the queue is
 *  terminated (jobs still queued then are dropped). */
apr_status_t ap__event_jobq_pop(ap__event_jobq_t *q, int worker,
                                ap__event_job_t *job);
/** Listener: hand jobs that waited for AP__EVENT_JOB_LAG to sleeping
 *  workers (the running ones may be blocked); returns the time until the
 *  next job would be late, -1 if no job waits. */
apr_interval_time_t ap__event_jobq_tick(ap__event_jobq_t *q, apr_time_t now);
/** Wake every waiting worker for good. */
void ap__event_jobq_term(ap__event_jobq_t *q);
/** Workers currently waiting in pop (read without the lock). */
int ap__event_jobq_idlers(ap__event_jobq_t *q);
/** Every worker holds a job, jobs wait, and none left the queue for
 *  AP__EVENT_JOB_LAG: the workers are stuck, not just busy. */
int ap__event_jobq_stalled(ap__event_jobq_t *q, apr_time_t now);
/** Workers holding a job now. */
int ap__event_jobq_running(ap__event_jobq_t *q);

/** A recycled connection pool (own allocator), or a new one. */
apr_pool_t *ap__event_pool_get(ap__event_jobq_t *q);
/** Clear a connection pool and keep it for the next connection. */
void ap__event_pool_put(ap__event_jobq_t *q, apr_pool_t *p);

/* ---- a child process (event_child.c, _listener.c, _worker.c) ---------- */

/** Per-child state shared by its threads. */
typedef struct {
    apr_pool_t *pchild;
    int child_num;
    apr_pollset_t *pollset;
    ap__event_jobq_t *jobs;
    apr_thread_mutex_t *tq_mutex;     /* guards the timeout queues */
    ap__event_tq_t *ka_q;             /* default KeepAliveTimeout */
    ap__event_tq_t *wc_q;             /* write completion (Timeout) */
    ap__event_tq_t *linger_q;         /* lingering close */
    ap__event_tq_t *head_q;           /* partial request heads (Timeout or
                                       * mod_reqtimeout's deadline) */
    ap__event_tq_t *dry_q;            /* keep-alive, to dry if still idle */
    apr_pool_t *idle_pool;            /* records and their shells */
    apr_file_t **shells;              /* by descriptor number */
    int n_shells;
    apr_socket_t *closer;             /* closes a dried descriptor */
    int dried_since_trim;             /* see ap__event_trim() */
    apr_time_t last_trim;
    apr_time_t last_dry;
    ap__event_idle_t *dq_head;        /* dried, by expiry */
    ap__event_idle_t *dq_tail;
    int dq_count;
    ap__event_idle_t *idle_free;      /* spare records */
    ap__event_timer_t **timers;       /* min-heap by due time */
    int n_timers;
    int timers_cap;
    ap__event_timer_t *timer_free;    /* spare timers */
    volatile apr_uint32_t timers_pending; /* n_timers, readable unlocked */
    ap__event_tq_t extra_q[8];        /* other KeepAliveTimeouts */
    int n_extra_q;
    apr_time_t next_expiry;           /* earliest head expiry, 0: none */
    volatile apr_uint32_t connections;/* open connections of this child */
    volatile apr_uint32_t accepted;   /* for MaxConnectionsPerChild */
    volatile apr_uint32_t lingering;  /* of them, in lingering close */
    volatile apr_uint32_t suspended;  /* of them, owned by a module */
    volatile int listener_may_exit;   /* graceful: stop accepting */
    volatile int workers_may_exit;    /* ungraceful: stop at once */
    volatile int listeners_off;       /* listeners out of the pollset */
    volatile int listener_done;
    apr_pollfd_t *listen_pfds;
    ap__event_ltag_t *listen_tags;
    int n_listen;
} ap__event_child_t;

extern ap__event_child_t *ap__event_child;

/** Run a child until it is told to stop; returns its exit code. With -X
 *  it runs in the calling process and returns. */
int ap__event_child_main(apr_pool_t *pconf, int child_num);

/** Ask the child's threads to stop (graceful or not). */
void ap__event_child_stop(ap__event_child_t *ch, int graceful);

/** The listener thread's body. */
void *APR_THREAD_FUNC ap__event_listener(apr_thread_t *thd, void *data);

/** A worker thread's body (data: its thread number, as apr_uintptr_t). */
void *APR_THREAD_FUNC ap__event_worker(apr_thread_t *thd, void *data);

/** Park a connection for the listener (it is in @a q afterwards; NULL
 *  means the keep-alive queue of its server's KeepAliveTimeout). */
void ap__event_park(ap__event_child_t *ch, ap__event_conn_t *cs,
                    ap__event_tq_t *q, apr_int16_t events);

/** The keep-alive queue for @a timeout (caller holds tq_mutex). */
ap__event_tq_t *ap__event_ka_queue(ap__event_child_t *ch,
                                   apr_interval_time_t timeout);

/** Close a connection now and recycle its pool. */
void ap__event_close(ap__event_child_t *ch, ap__event_conn_t *cs);

/** Begin lingering close: flush, shut down writing, then let the
 *  listener read what the client still sends for a short while. */
void ap__event_linger(ap__event_child_t *ch, ap__event_conn_t *cs);

/* ---- request heads read without blocking ----------------------------- */

/* The core's server/mpm_head.c (mpm_head_private.h), on cs->head: read
 * by a worker, parked in head_q until cs->head.deadline or Timeout; an
 * expired one (ap__mpm_head_expired) is finished by a worker, as
 * event_listener.c's head_timed_out says. */

/* ---- idle keep-alive connections reduced to a record (event_idle.c) -- */

/** Idle this long in keep-alive before drying. */
#define AP__EVENT_DRY_AFTER apr_time_from_msec(200)

/** Listener: return free heap memory to the system after many
 *  connections dried (rate-limited). */
void ap__event_trim(ap__event_child_t *ch, apr_time_t now);

/** May @a cs be dried while it waits (worker, before parking)? */
int ap__event_dryable(ap__event_child_t *ch, ap__event_conn_t *cs);

/** Reduce @a cs (out of every queue and the pollset) to a record and
 *  park that (listener). */
void ap__event_dry(ap__event_child_t *ch, ap__event_conn_t *cs);

/** Unlink a record from the dried list (caller holds tq_mutex). */
void ap__event_dq_remove(ap__event_child_t *ch, ap__event_idle_t *rec);

/** Close a dried connection that is out of the pollset and list. */
void ap__event_idle_close(ap__event_child_t *ch, ap__event_idle_t *rec);

/** A socket in @a p for a dried connection that woke up (the record is
 *  recycled); its request count in *keepalives. */
apr_socket_t *ap__event_wake(ap__event_child_t *ch, ap__event_idle_t *rec,
                             apr_pool_t *p, long *keepalives);

/* ---- timed callbacks (event_timers.c) -------------------------------- */

/** The mpm_register_timed_callback hook: run @a cbfn(@a baton) on a
 *  worker after @a t microseconds. */
apr_status_t ap__event_register_timed_callback(apr_time_t t,
                                               ap_mpm_callback_fn_t *cbfn,
                                               void *baton);

/** Listener: time until the earliest timer is due, -1 if none. */
apr_interval_time_t ap__event_timers_due(ap__event_child_t *ch, apr_time_t now);

/** Listener: hand every due timer to the workers. */
void ap__event_timers_run(ap__event_child_t *ch, apr_time_t now);

/** Worker: run a due timer's callback and recycle it. */
void ap__event_timer_fire(ap__event_child_t *ch, ap__event_timer_t *te);

#endif /* EVENT_PRIVATE_H */
