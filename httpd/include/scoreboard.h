/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  scoreboard.h
 * @brief The scoreboard: shared memory where every process and worker
 *        publishes its state (read by mod_status and the MPM).
 */

#ifndef APACHE_SCOREBOARD_H
#define APACHE_SCOREBOARD_H

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "apr_thread_proc.h"
#include "apr_portable.h"
#include "apr_shm.h"
#include "apr_optional.h"

/* worker_score.times and global_score.times exist when HAVE_TIMES is
 * defined (os.h); their type ap_os_tms_t has the fields and layout of
 * struct tms, which Apache uses there. */

#ifdef __cplusplus
extern "C" {
#endif

#ifndef DEFAULT_SCOREBOARD
/** file name used when the scoreboard can't be anonymous shared memory */
#define DEFAULT_SCOREBOARD "logs/apache_runtime_status"
#endif

/* worker states (worker_score.status) */
#define SERVER_DEAD            0
#define SERVER_STARTING        1
#define SERVER_READY           2
#define SERVER_BUSY_READ       3
#define SERVER_BUSY_WRITE      4
#define SERVER_BUSY_KEEPALIVE  5
#define SERVER_BUSY_LOG        6
#define SERVER_BUSY_DNS        7
#define SERVER_CLOSING         8
#define SERVER_GRACEFUL        9
#define SERVER_IDLE_KILL      10
/** number of states */
#define SERVER_NUM_STATUS     11

/** restart generation counter */
typedef int ap_generation_t;

/** where the scoreboard lives */
typedef enum {
    SB_NOT_SHARED = 1,
    SB_SHARED = 2
} ap_scoreboard_e;

/** one worker (thread) slot */
typedef struct worker_score worker_score;

/** State of one worker. */
struct worker_score {
#if APR_HAS_THREADS
    /** OS thread id */
    apr_os_thread_t tid;
#endif
    /** thread number within its process */
    int thread_num;
    /** owning process (SB_NOT_SHARED only) */
    pid_t pid;
    /** generation of the process */
    ap_generation_t generation;
    /** SERVER_* state */
    unsigned char status;
    /** requests on the current connection */
    unsigned short conn_count;
    /** bytes on the current connection */
    apr_off_t conn_bytes;
    /** requests served in total */
    unsigned long access_count;
    /** bytes served in total */
    apr_off_t bytes_served;
    /** requests served by this worker since its process started */
    unsigned long my_access_count;
    /** bytes served since its process started */
    apr_off_t my_bytes_served;
    /** when the current request started */
    apr_time_t start_time;
    /** when the last request ended */
    apr_time_t stop_time;
    /** last activity */
    apr_time_t last_used;
#if defined(HAVE_TIMES)
    /** CPU times */
    ap_os_tms_t times;
#endif
    /** client address (truncated) */
    char client[32];
    /** request line (truncated) */
    char request[64];
    /** virtual host (truncated) */
    char vhost[32];
    /** protocol name */
    char protocol[16];
    /** total time spent in requests */
    apr_time_t duration;
    /** client address (longer copy) */
    char client64[64];
};

/** Server-wide scoreboard data. */
typedef struct {
    /** ServerLimit */
    int server_limit;
    /** ThreadLimit */
    int thread_limit;
    /** current generation */
    ap_generation_t running_generation;
    /** time of the last restart */
    apr_time_t restart_time;
#if defined(HAVE_TIMES)
    /** CPU times of the parent */
    ap_os_tms_t times;
#endif
} global_score;

/** one process slot */
typedef struct process_score process_score;

/** State of one child process. */
struct process_score {
    /** its pid */
    pid_t pid;
    /** its generation */
    ap_generation_t generation;
    /** the process is stopping */
    char quiescing;
    /** the process stopped accepting (too many connections) */
    char not_accepting;
    /** open connections (event MPM) */
    apr_uint32_t connections;
    /** connections in write completion */
    apr_uint32_t write_completion;
    /** connections in lingering close */
    apr_uint32_t lingering_close;
    /** connections in keep-alive */
    apr_uint32_t keep_alive;
    /** suspended connections */
    apr_uint32_t suspended;
    /** listener bucket of the process */
    int bucket;
    /** connections waiting for I/O */
    apr_uint32_t wait_io;
};

/** The scoreboard image. */
typedef struct {
    global_score *global;
    process_score *parent;
    worker_score **servers;
} scoreboard;

/** a worker's handle on its scoreboard slot */
typedef struct ap_sb_handle_t ap_sb_handle_t;

/** Create (or on restart reuse) the scoreboard; OK or DONE. */
int ap_create_scoreboard(apr_pool_t *p, ap_scoreboard_e t);

/** Pool cleanup that frees the scoreboard. */
apr_status_t ap_cleanup_scoreboard(void *d);

/** Does a scoreboard exist? */
AP_DECLARE(int) ap_exists_scoreboard_image(void);

/** Count a finished request in @a sbh's slot. */
AP_DECLARE(void) ap_increment_counts(ap_sb_handle_t *sbh, request_rec *r);

/** Record the request count of the current connection. */
AP_DECLARE(void) ap_set_conn_count(ap_sb_handle_t *sb, request_rec *r,
                                   unsigned short conn_count);

/** Attach a child to the scoreboard's shared memory. */
AP_DECLARE(apr_status_t) ap_reopen_scoreboard(apr_pool_t *p, apr_shm_t **shm,
                                              int detached);

/** Lay out the scoreboard in @a shared_score. */
AP_DECLARE(void) ap_init_scoreboard(void *shared_score);

/** Bytes needed for the scoreboard. */
AP_DECLARE(int) ap_calc_scoreboard_size(void);

/** Create a handle for slot (@a child_num, @a thread_num). */
AP_DECLARE(void) ap_create_sb_handle(ap_sb_handle_t **new_sbh, apr_pool_t *p,
                                     int child_num, int thread_num);

/** Point @a sbh at another slot. */
AP_DECLARE(void) ap_update_sb_handle(ap_sb_handle_t *sbh,
                                     int child_num, int thread_num);

/** Slot number of process @a pid, or -1. */
AP_DECLARE(int) ap_find_child_by_pid(apr_proc_t *pid);

/** Set the state of @a sbh's slot (and the request details); returns the
 *  previous state. */
AP_DECLARE(int) ap_update_child_status(ap_sb_handle_t *sbh, int status,
                                       request_rec *r);

/** As ap_update_child_status for explicit slot numbers. */
AP_DECLARE(int) ap_update_child_status_from_indexes(int child_num,
                                                    int thread_num,
                                                    int status,
                                                    request_rec *r);

/** As ap_update_child_status with connection details. */
AP_DECLARE(int) ap_update_child_status_from_conn(ap_sb_handle_t *sbh,
                                                 int status, conn_rec *c);

/** As ap_update_child_status with connection and vhost details. */
AP_DECLARE(int) ap_update_child_status_from_server(ap_sb_handle_t *sbh,
                                                   int status, conn_rec *c,
                                                   server_rec *s);

/** As ap_update_child_status with a free-text description. */
AP_DECLARE(int) ap_update_child_status_descr(ap_sb_handle_t *sbh,
                                             int status, const char *descr);

/** Record request start/stop (START_PREQUEST / STOP_PREQUEST). */
AP_DECLARE(void) ap_time_process_request(ap_sb_handle_t *sbh, int status);

/** Record a request's start and end times explicitly. */
AP_DECLARE(void) ap_set_time_process_request(ap_sb_handle_t * const sbh,
                                             const apr_time_t timebeg,
                                             const apr_time_t timeend);

/** Refresh the global CPU times. */
AP_DECLARE(int) ap_update_global_status(void);

/** The worker slot of @a sbh. */
AP_DECLARE(worker_score *) ap_get_scoreboard_worker(ap_sb_handle_t *sbh);

/** The worker slot (@a child_num, @a thread_num), NULL if out of range. */
AP_DECLARE(worker_score *) ap_get_scoreboard_worker_from_indexes(
                                            int child_num, int thread_num);

/** Copy a worker slot (consistent snapshot for mod_status). */
AP_DECLARE(void) ap_copy_scoreboard_worker(worker_score *dest,
                                           int child_num, int thread_num);

/** Process slot @a x, NULL if out of range. */
AP_DECLARE(process_score *) ap_get_scoreboard_process(int x);

/** The global section. */
AP_DECLARE(global_score *) ap_get_scoreboard_global(void);

/** the scoreboard (NULL before it is created) */
AP_DECLARE_DATA extern scoreboard *ap_scoreboard_image;
/** ScoreBoardFile */
AP_DECLARE_DATA extern const char *ap_scoreboard_fname;
/** ExtendedStatus */
AP_DECLARE_DATA extern int ap_extended_status;
/** SeeRequestTail */
AP_DECLARE_DATA extern int ap_mod_status_reqtail;

/** ScoreBoardFile handler */
const char *ap_set_scoreboard(cmd_parms *cmd, void *dummy, const char *arg);
/** ExtendedStatus handler */
const char *ap_set_extended_status(cmd_parms *cmd, void *dummy, int arg);
/** SeeRequestTail handler */
const char *ap_set_reqtail(cmd_parms *cmd, void *dummy, int arg);

/** Hook: create the scoreboard before the MPM runs. */
AP_DECLARE_HOOK(int, pre_mpm, (apr_pool_t *p, ap_scoreboard_e sb_type))

/** ap_time_process_request: a request starts */
#define START_PREQUEST 1
/** ap_time_process_request: a request ends */
#define STOP_PREQUEST  2

#ifdef __cplusplus
}
#endif

#endif /* APACHE_SCOREBOARD_H */
