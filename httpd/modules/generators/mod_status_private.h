/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * mod_status_private.h: what the files of mod_status share. One status
 * request takes a snapshot of the scoreboard (mod_status_collect.c) and
 * renders it as ?auto text (mod_status_auto.c) or as the HTML page
 * (mod_status_html.c for the summary, mod_status_workers.c for the
 * ExtendedStatus per-worker detail).
 */
#ifndef MOD_STATUS_PRIVATE_H
#define MOD_STATUS_PRIVATE_H

#include "httpd.h"
#include "http_config.h"
#include "scoreboard.h"

/** the module record (mod_status.c) */
extern module AP_MODULE_DECLARE_DATA status_module;

/** how Current/Restart Time are shown (local time) */
#define AP__STATUS_TIME_FORMAT "%A, %d-%b-%Y %H:%M:%S %Z"

/** flag character of a slot that the MPM will never use */
#define AP__STATUS_DISABLED ' '

/** Totals for one child process (the event MPM's connection table). */
typedef struct {
    int busy;           /**< workers serving something */
    int graceful;       /**< workers finishing before a restart */
    int idle;           /**< workers waiting for a connection */
} ap__status_proc_t;

/** The scoreboard as one status request sees it. */
typedef struct {
    apr_time_t now;              /**< when the snapshot was taken */
    apr_time_t restart_time;     /**< last (re)start of the server */
    long uptime;                 /**< seconds since restart_time */
    int server_limit;            /**< process slots */
    int thread_limit;            /**< worker slots per process */
    int mpm_generation;          /**< AP_MPMQ_GENERATION */
    int config_generation;       /**< AP_SQ_CONFIG_GEN */
    int is_async;                /**< the MPM reports per-process conns */
    int busy, graceful, idle;    /**< workers of live processes */
    unsigned long count;         /**< requests served (ExtendedStatus) */
    apr_off_t bytes;             /**< bytes served (ExtendedStatus) */
    apr_time_t duration;         /**< time spent serving (ExtendedStatus) */
    char *flags;                 /**< server_limit * thread_limit chars */
    ap__status_proc_t *procs;    /**< server_limit entries */
    int nprocs;                  /**< live processes */
    int stopping;                /**< of which are stopping */
    apr_uint32_t conns;          /**< sum of process_score.connections */
    apr_uint32_t wait_io;        /**< ... wait_io */
    apr_uint32_t writing;        /**< ... write_completion */
    apr_uint32_t keep_alive;     /**< ... keep_alive */
    apr_uint32_t closing;        /**< ... lingering_close */
    ap_loadavg_t load;           /**< system load averages */
#ifdef HAVE_TIMES
    ap_os_tms_t cpu;              /**< CPU ticks: parent + each process */
#endif
} ap__status_t;

#ifdef HAVE_TIMES
/** Fold a counted worker's times into its process's @a proc: threads of
 *  one process all see the process's clock, so the largest one wins. */
void ap__status_cpu_fold(ap_os_tms_t *proc, const worker_score *ws);

/** Add @a t to the totals of @a st. */
void ap__status_cpu_add(ap__status_t *st, const ap_os_tms_t *t);
#endif

/** A worker's CPU seconds as its slot last recorded them (0 without
 *  HAVE_TIMES). */
double ap__status_worker_cpu(const worker_score *ws);

/** Write the CPU figures of the ?auto report (ExtendedStatus). */
void ap__status_auto_cpu(request_rec *r, const ap__status_t *st);

/** Write the "CPU Usage" line of the HTML page (ExtendedStatus). */
void ap__status_html_cpu(request_rec *r, const ap__status_t *st);

/** Take the snapshot (allocated from r->pool). */
void ap__status_collect(request_rec *r, ap__status_t *st);

/** Flag character of a SERVER_* state ('?' when out of range). */
char ap__status_flag(int state);

/** Write " 1 day 2 hours 3 seconds" (nothing for zero). */
void ap__status_put_uptime(request_rec *r, long secs);

/** Write the ?auto report. */
void ap__status_auto(request_rec *r, const ap__status_t *st);

/** Write the HTML page up to (and including) the scoreboard key and,
 *  without ExtendedStatus, the PID key. */
void ap__status_html_summary(request_rec *r, const ap__status_t *st);

/** Write the ExtendedStatus part: the worker table, or with @a notable
 *  the same details without a table. */
void ap__status_html_workers(request_rec *r, const ap__status_t *st,
                             int notable);

#endif /* MOD_STATUS_PRIVATE_H */
