/*
 * mpm_parent_private.h: the parent process of the Unix MPMs (event,
 * worker, prefork, simple), written once. An MPM describes itself in one
 * ap__mpm_parent_t (how a child runs, which pipe of death it reads, this
 * generation's limits, its log numbers) and hands it to:
 *   mpm_parent_slots.c   the scoreboard slot table: forking a child into
 *                        a free slot, accounting for one that exited;
 *   mpm_parent_spare.c   keeping idle workers between MinSpare and
 *                        MaxSpare (spawn rate 1, 2, 4 ... 32 per pass);
 *   mpm_parent_run.c     the mpm hook: pid file, children, the wait loop,
 *                        stop, graceful stop, restart, graceful restart,
 *                        and the one-process run (-X);
 *   mpm_parent_module.c  what the MPM modules' pre_config, open_logs and
 *                        mpm_query hooks have in common.
 * The MPMs are loadable modules, so the functions are exported from the
 * executable (AP_DECLARE), but they are no module API.
 */
#ifndef AP_MPM_PARENT_PRIVATE_H
#define AP_MPM_PARENT_PRIVATE_H

#include "apr.h"
#include "apr_pools.h"
#include "apr_thread_proc.h"

#include "httpd.h"
#include "http_config.h"
#include "mpm_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Children started per maintenance pass at most (Apache's MAX_SPAWN_RATE). */
#define AP__MPM_MAX_SPAWN_RATE 32

/** The log lines the shared code writes on an MPM's behalf; each MPM
 *  gives Apache's AH number of its own for them (ap__mpm_parent_t.tag). */
typedef enum {
    AP__MPMP_CONFIGURED,        /* "... configured -- resuming normal ..." */
    AP__MPMP_BUILT,             /* "Server built: ..." */
    AP__MPMP_SIGTERM,           /* "caught SIGTERM, shutting down" */
    AP__MPMP_GRACEFUL_STOP,     /* "caught SIGWINCH, shutting down ..." */
    AP__MPMP_GRACEFUL,          /* graceful restart */
    AP__MPMP_RESTART,           /* "SIGHUP received.  Attempting to ..." */
    AP__MPMP_FORK_FAILED,
    AP__MPMP_BUSY,              /* "server seems busy, ..." */
    AP__MPMP_MAXCLIENTS,        /* reached MaxRequestWorkers (NULL: quiet) */
    AP__MPMP_NEAR_MAXCLIENTS,   /* within MinSpare of it (NULL: MAXCLIENTS) */
    AP__MPMP_SB_FULL,           /* slots taken by old children (NULL:
                                 * MAXCLIENTS) */
    AP__MPMP_LOST_CHILD,        /* an unknown child exited (NULL: quiet) */
    AP__MPMP_DETACH,            /* apr_proc_detach failed */
    AP__MPMP_NO_LISTENERS,      /* "no listening sockets available" */
    AP__MPMP_POD,               /* "could not open pipe-of-death" */
    AP__MPMP_N
} ap__mpm_parent_msg_e;

/** One generation's configuration, as the MPM's check_config left it. */
typedef struct {
    int one_process;            /* -X / -DONE_PROCESS / -DDEBUG */
    int server_limit;           /* scoreboard processes (ServerLimit) */
    int slot_limit;             /* slots children may use (prefork: its
                                 * MaxRequestWorkers; else server_limit) */
    int thread_limit;           /* scoreboard threads per process */
    int threads_per_child;      /* workers of a child counted as idle */
    int active_limit;           /* children of this generation at most */
    int start;                  /* StartServers */
    int min_spare;              /* idle workers wanted at least (threads;
                                 * prefork: children) */
    int max_spare;              /* ... and at most */
} ap__mpm_limits_t;

typedef struct ap__mpm_parent ap__mpm_parent_t;

/** An MPM as the shared parent sees it (one static instance per MPM). */
struct ap__mpm_parent {
    module *mpm;                /* log lines carry its name and LogLevel */
    /** A child's life in scoreboard slot @a slot; returns its exit code
     *  (with -X: when the server has to stop or restart). */
    int (*child_main)(apr_pool_t *pconf, int slot);
    /** One maintenance pass; NULL: ap__mpm_parent_spare(). */
    void (*maintain)(ap__mpm_parent_t *pp);
    ap_pod_t **podx;            /* its extended pipe of death, or NULL */
    ap_pod_t **pod;             /* or its plain one (prefork), in which
                                 * case each child is also sent
                                 * AP_SIG_GRACEFUL on graceful stops */
    int is_threaded;            /* AP_MPMQ_IS_THREADED answer */
    int is_forked;              /* AP_MPMQ_IS_FORKED answer */
    int is_async;               /* AP_MPMQ_IS_ASYNC answer */
    int prefork_fork;           /* slot STARTING before the fork, and the
                                 * stop signals blocked across it */
    int fork_pause;             /* seconds to wait after a failed fork */
    int hold_off;               /* passes without doubling the spawn rate
                                 * after a graceful restart */
    int reap_maintains;         /* a maintenance pass after each reaped
                                 * child too, not only on quiet seconds */
    const char *graceful_words; /* NULL: "SIGUSR1 received.  Doing ..." */
    const char *tag[AP__MPMP_N];/* APLOGNO(n), "" or NULL (see above) */
    ap__mpm_limits_t conf;      /* this generation's; set by check_config */
    apr_pool_t *pconf;          /* this generation's; set by the run */
    int child_fatal;            /* a child said the server cannot run */
};

/** ap_log_error's first three arguments for a line written for @a pp: it
 *  is tagged with the MPM's module name and obeys its LogLevel. */
#define AP__MPMP_MARK(pp) __FILE__, __LINE__, (pp)->mpm->module_index

/** The AH tag of message @a m for @a pp ("" when it has none). */
#define AP__MPMP_TAG(pp, m) ((pp)->tag[m] ? (pp)->tag[m] : "")

/* ---- module hooks (mpm_parent_module.c) ------------------------------ */

/**
 * The common part of an MPM's pre_config: count the load, read -X and
 * the -D defines (ONE_PROCESS, FOREGROUND, NO_DETACH, DEBUG) into
 * @a one_process, detach from the terminal on the second load (the first
 * only checks the configuration), reset the mpm_common directives and
 * the listeners, and forget the pipe of death.
 * @return OK, or an error for the hook to return.
 */
AP_DECLARE(int) ap__mpm_parent_pre_config(ap__mpm_parent_t *pp,
                                          apr_pool_t *pconf,
                                          int *one_process);

/** The common part of open_logs: "-k" commands, the listeners, and the
 *  pipe of death (unless -X). @return OK or !OK. */
AP_DECLARE(int) ap__mpm_parent_open_logs(ap__mpm_parent_t *pp,
                                         apr_pool_t *pconf, server_rec *s);

/** The mpm_query hook's answers, from @a pp and the shared state. */
AP_DECLARE(int) ap__mpm_parent_query(const ap__mpm_parent_t *pp, int code,
                                     int *result, apr_status_t *rv);

/* ---- the run (mpm_parent_run.c) -------------------------------------- */

/** The mpm hook: run the server until restart (OK) or stop (DONE). */
AP_DECLARE(int) ap__mpm_parent_run(ap__mpm_parent_t *pp, apr_pool_t *pconf,
                                   apr_pool_t *plog, server_rec *s);

/* ---- slots (mpm_parent_slots.c) -------------------------------------- */

/** What one look at the scoreboard says. */
typedef struct {
    int idle;                   /* idle or starting workers of live,
                                 * current-generation, non-quiescing
                                 * children */
    int active;                 /* such children */
    int used_slots;             /* highest slot with a live child + 1 */
    int n_free;                 /* free slots found (at most
                                 * AP__MPM_MAX_SPAWN_RATE) ... */
    int free[AP__MPM_MAX_SPAWN_RATE];   /* ... lowest first */
} ap__mpm_census_t;

/** Count (over conf.slot_limit) what ap__mpm_census_t says. */
AP_DECLARE(void) ap__mpm_parent_census(const ap__mpm_parent_t *pp,
                                       ap__mpm_census_t *cs);

/** Fork a child into @a slot. @return 0, or -1 (logged) on failure. */
AP_DECLARE(int) ap__mpm_parent_make_child(ap__mpm_parent_t *pp, int slot);

/** Start up to @a n children in the lowest free slots.
 *  @return how many started; fewer when the slots or a fork ran out. */
AP_DECLARE(int) ap__mpm_parent_start(ap__mpm_parent_t *pp, int n);

/** Mark a slot's process and threads gone (reclaim callback shape). */
AP_DECLARE(void) ap__mpm_parent_slot_gone(int slot, pid_t pid,
                                          ap_generation_t gen);

/** Children alive in the slots used so far (any generation). */
AP_DECLARE(int) ap__mpm_parent_live(void);

/** Highest slot used + 1 (AP_MPMQ_MAX_DAEMON_USED); survives restarts
 *  (a graceful one keeps the old children in their slots). */
AP_DECLARE(int) ap__mpm_parent_max_daemons(void);

/** Set it (0 when the scoreboard is new, 1 with -X). */
AP_DECLARE(void) ap__mpm_parent_set_max_daemons(int n);

/* ---- spare workers (mpm_parent_spare.c) ------------------------------ */

/** What a maintenance pass decides. */
typedef enum {
    AP__MPM_SPARE_KEEP,         /* enough idle workers, not too many */
    AP__MPM_SPARE_KILL_ONE,     /* too many: one child leaves gracefully */
    AP__MPM_SPARE_SPAWN,        /* too few: start *spawn children */
    AP__MPM_SPARE_FULL          /* too few, but no child may be started */
} ap__mpm_spare_e;

/** The numbers the decision looks at. */
typedef struct {
    int idle;                   /* ap__mpm_census_t's */
    int active;
    int n_free;
    int min_spare;              /* ap__mpm_limits_t's */
    int max_spare;
    int active_limit;
} ap__mpm_spare_in_t;

/**
 * Apache's idle maintenance rule, without side effects: kill one child
 * when idle workers exceed max_spare (and more than one child runs);
 * start children when they are below min_spare (or none runs): *rate of
 * them, no more than the free slots and active_limit allow, and double
 * *rate (up to AP__MPM_MAX_SPAWN_RATE) for the next pass unless
 * *hold is still counting down; back to rate 1 otherwise.
 * @param rate     in/out: children per spawning pass (1 .. 32)
 * @param hold     in/out: passes left without doubling
 * @param spawn    out: children to start (SPAWN only)
 */
AP_DECLARE(ap__mpm_spare_e) ap__mpm_spare_decide(const ap__mpm_spare_in_t *in,
                                                 int *rate, int *hold,
                                                 int *spawn);

/** Forget the spawn rate and what was reported; @a hold_off passes
 *  without doubling (start of a generation). */
AP_DECLARE(void) ap__mpm_parent_spare_reset(int hold_off);

/** One pass of the MinSpare/MaxSpare policy for @a pp. */
AP_DECLARE(void) ap__mpm_parent_spare(ap__mpm_parent_t *pp);

#ifdef __cplusplus
}
#endif

#endif /* AP_MPM_PARENT_PRIVATE_H */
