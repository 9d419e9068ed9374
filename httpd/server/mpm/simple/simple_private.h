/*
 * simple_private.h: what the files of the simple MPM share.
 *
 * Shape (the design of httpd 2.3's Simple MPM): one parent process keeps
 * SimpleProcCount children alive and turns signals into stop, restart and
 * graceful restart. Each child has a single event loop (its main thread)
 * owning an apr_pollset and a min-heap of timers; the listening sockets,
 * idle keep-alive connections, connections draining their output and
 * connections in lingering close all wait there. Ready work (reading and
 * serving a request, flushing output) runs as a task in an apr_thread_pool
 * of SimpleThreadCount threads; a task hands its connection back to the
 * loop when it would have to wait. Only the loop thread touches the
 * pollset, the timers and the connection count, so they need no lock.
 */
#ifndef SIMPLE_PRIVATE_H
#define SIMPLE_PRIVATE_H

#include "apr.h"
#include "apr_pools.h"
#include "apr_poll.h"
#include "apr_network_io.h"
#include "apr_thread_proc.h"
#include "apr_thread_mutex.h"
#include "apr_thread_pool.h"
#include "apr_buckets.h"

#include "httpd.h"
#include "http_config.h"
#include "ap_listen.h"
#include "ap_mpm.h"
#include "mpm_common.h"
#include "scoreboard.h"
#include "unixd.h"
#include "mpm_head_private.h"

/* ---- configuration (simple.c) ----------------------------------------- */

#define AP__SIMPLE_DEFAULT_PROCS    1
#define AP__SIMPLE_DEFAULT_THREADS  10
#define AP__SIMPLE_MAX_PROCS        1000
#define AP__SIMPLE_MAX_THREADS      10000

/** The MPM's directives, reset by pre_config, checked by check_config. */
typedef struct {
    int procs;                  /* SimpleProcCount */
    int threads;                /* SimpleThreadCount */
    int one_process;            /* -X / -DONE_PROCESS */
} ap__simple_conf_t;

extern ap__simple_conf_t ap__simple_conf;

/** What survives restarts (kept in ap_retained_data). */
typedef struct {
    ap_unixd_mpm_retained_data *mpm;
    int server_limit;           /* scoreboard processes, fixed at start */
    int thread_limit;           /* scoreboard threads, fixed at start */
} ap__simple_retained_t;

extern ap__simple_retained_t *ap__simple_retained;

/** This generation's pipe of death (NULL with -X). */
extern ap_pod_t *ap__simple_pod;

/* ---- timers (simple_timers.c) ----------------------------------------- */

typedef struct ap__simple_child ap__simple_child_t;
typedef struct ap__simple_timer ap__simple_timer_t;

/** What runs when a timer is due (in the loop thread). */
typedef void ap__simple_timer_fn(ap__simple_child_t *ch, void *baton);

/** Not in the heap. */
#define AP__SIMPLE_TIMER_IDLE ((apr_size_t)-1)

/** A timer; embedded in its owner, so arming one never allocates. */
struct ap__simple_timer {
    apr_time_t when;
    apr_size_t idx;             /* heap position or AP__SIMPLE_TIMER_IDLE */
    ap__simple_timer_fn *fn;
    void *baton;
};

/** A binary min-heap of timers ordered by deadline. */
typedef struct {
    ap__simple_timer_t **v;
    apr_size_t n;
    apr_size_t cap;
} ap__simple_heap_t;

/** Set up @a h; its storage is freed with @a p. */
apr_status_t ap__simple_heap_init(ap__simple_heap_t *h, apr_pool_t *p);

/** A timer that is not armed. */
void ap__simple_timer_init(ap__simple_timer_t *t, ap__simple_timer_fn *fn,
                           void *baton);

/** Arm @a t for @a when (re-arming an armed timer moves it). */
apr_status_t ap__simple_timer_arm(ap__simple_heap_t *h, ap__simple_timer_t *t,
                                  apr_time_t when);

/** Disarm @a t if it is armed. */
void ap__simple_timer_cancel(ap__simple_heap_t *h, ap__simple_timer_t *t);

/** The earliest timer due at @a now, removed from the heap, or NULL. */
ap__simple_timer_t *ap__simple_timer_due(ap__simple_heap_t *h,
                                         apr_time_t now);

/** How long a poll may sleep: until the first deadline, at most @a cap. */
apr_interval_time_t ap__simple_timer_wait(const ap__simple_heap_t *h,
                                          apr_time_t now,
                                          apr_interval_time_t cap);

/* ---- timed callbacks (simple_timed.c) --------------------------------- */

typedef struct ap__simple_timed ap__simple_timed_t;

/** The mpm_register_timed_callback hook: run @a cbfn(@a baton) on a pool
 *  thread @a t from now (any thread of a child, including child_init). */
apr_status_t ap__simple_register_timed(apr_time_t t,
                                       ap_mpm_callback_fn_t *cbfn,
                                       void *baton);

/** Loop: put the callbacks registered since the last call on the timer
 *  heap. */
void ap__simple_timed_take(ap__simple_child_t *ch);

/* ---- connections (simple_io.c) ---------------------------------------- */

/* A task reads a request head without blocking (server/mpm_head.c); while
 * it is incomplete the connection waits in the loop's pollset, not in a
 * pool thread, so slow clients cost a buffer each, not a thread. */

/** What a pollfd's client_data points to starts with one of these. */
#define AP__SIMPLE_KIND_CONN     0
#define AP__SIMPLE_KIND_LISTENER 1
#define AP__SIMPLE_KIND_POD      2

/** client_data of a listening socket's (or the pod's) pollfd. */
typedef struct {
    int kind;
    ap_listen_rec *lr;
} ap__simple_tag_t;

/** Where a task leaves its connection for the loop. */
typedef enum {
    AP__SIMPLE_NEXT_READ,       /* wait for the next request */
    AP__SIMPLE_NEXT_HEAD,       /* head incomplete: wait for the rest until
                                 * its deadline (mpm_head.c) */
    AP__SIMPLE_NEXT_WRITE,      /* output pending: wait for POLLOUT */
    AP__SIMPLE_NEXT_LINGER,     /* read what the client still sends */
    AP__SIMPLE_NEXT_CLOSE,      /* close now */
    AP__SIMPLE_NEXT_GONE        /* a module suspended it: not ours */
} ap__simple_next_e;

/** What a connection parked in the loop waits for; the loop counts each
 *  kind for mod_status (process_score's keep_alive, write_completion and
 *  lingering_close). */
typedef enum {
    AP__SIMPLE_PARK_NONE,       /* not parked, or new and not yet read */
    AP__SIMPLE_PARK_KEEPALIVE,  /* idle between requests */
    AP__SIMPLE_PARK_WRITE,      /* output pending */
    AP__SIMPLE_PARK_LINGER,     /* lingering close */
    AP__SIMPLE_PARK_KINDS
} ap__simple_park_e;

typedef struct ap__simple_conn ap__simple_conn_t;

/** The MPM's state of one connection; lives in the connection's pool. */
struct ap__simple_conn {
    int kind;                   /* AP__SIMPLE_KIND_CONN */
    conn_state_t pub;           /* c->cs points here */
    conn_rec *c;                /* NULL until the first task made it */
    apr_pool_t *p;              /* own allocator: used by one thread */
    apr_socket_t *sd;
    apr_bucket_alloc_t *ba;
    ap_sb_handle_t *sbh;
    apr_bucket_brigade *wc_bb;  /* empty brigade to flush set-aside data */
    apr_pollfd_t pfd;
    ap__simple_timer_t timer;
    ap__simple_next_e next;
    ap__simple_park_e parked;   /* loop: counted in ch->parked[] as */
    ap__simple_conn_t *link;    /* in the child's hand-back list */
    ap__simple_child_t *ch;
    ap__mpm_head_t head;        /* request head read so far (task), and
                                 * mod_reqtimeout's deadline for it */
    int pipelined;              /* next request already buffered */
};

/** A thread-pool task: serve @a data (an ap__simple_conn_t) until it has
 *  to wait, then hand it back to the loop. */
void *APR_THREAD_FUNC ap__simple_conn_task(apr_thread_t *thd, void *data);

/* ---- a child (simple_child.c, simple_event.c) ------------------------- */

/** Per-child state. Fields marked "loop" belong to the loop thread. */
struct ap__simple_child {
    apr_pool_t *pchild;
    int child_num;
    apr_pollset_t *pollset;           /* loop */
    ap__simple_heap_t timers;         /* loop */
    apr_thread_pool_t *workers;
    apr_thread_mutex_t *mutex;        /* guards back, the slots, timed */
    ap__simple_conn_t *back;          /* handed back by tasks */
    apr_pool_t *timed_pool;           /* mutex: timed callback records */
    ap__simple_timed_t *timed_new;    /* mutex: registered, not armed */
    ap__simple_timed_t *timed_free;   /* mutex: records to reuse */
    int *free_slots;                  /* scoreboard thread slots */
    int n_free;
    int connections;                  /* loop */
    int parked[AP__SIMPLE_PARK_KINDS]; /* loop: parked connections */
    int accepted;                     /* loop: MaxConnectionsPerChild */
    int listening;                    /* loop: listeners in the pollset */
    volatile int stopping;            /* graceful: finish, then exit */
    volatile int stop_now;            /* ungraceful: exit at once */
    apr_pollfd_t *listen_pfds;
    ap__simple_tag_t *listen_tags;
    int n_listen;
    apr_pollfd_t pod_pfd;
    ap__simple_tag_t pod_tag;
    ap__simple_timer_t graceful_timer;
};

/** Run a child until it is told to stop; returns its exit code. With -X
 *  it runs in the calling process and returns. */
int ap__simple_child_main(apr_pool_t *pconf, int child_num);

/** The child this process runs (NULL in the parent). */
ap__simple_child_t *ap__simple_running_child(void);

/** The event loop; returns when the child should exit. */
void ap__simple_event_loop(ap__simple_child_t *ch);

/** Begin a graceful stop of the child (loop thread). */
void ap__simple_begin_stop(ap__simple_child_t *ch);

/** A task is done with @a cs: give it back to the loop (any thread). */
void ap__simple_hand_back(ap__simple_child_t *ch, ap__simple_conn_t *cs);

/** Take a free scoreboard thread slot (any thread; never fails while no
 *  more tasks run than there are threads). */
int ap__simple_slot_get(ap__simple_child_t *ch);

/** Return a scoreboard thread slot. */
void ap__simple_slot_put(ap__simple_child_t *ch, int slot);

/* The parent is the shared one (server/mpm_parent_*.c), set up in
 * simple.c. */

#endif /* SIMPLE_PRIVATE_H */
