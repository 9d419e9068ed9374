/*
 * scoreboard.c: the scoreboard's memory: one shared block holding the
 * global record, one process_score per possible child (ServerLimit) and
 * ThreadLimit worker_score records per child. Anonymous shared memory
 * unless ScoreBoardFile names a file. Updates are scoreboard_update.c.
 *
 * The block is created once by the parent (pre_mpm hook) and kept across
 * graceful restarts; children inherit it through fork().
 */
#include <string.h>
#include <stdlib.h>

#include "apr_strings.h"
#include "apr_shm.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"
#include "scoreboard.h"

APLOG_USE_MODULE(core);

AP_DECLARE_DATA scoreboard *ap_scoreboard_image = NULL;
AP_DECLARE_DATA const char *ap_scoreboard_fname = NULL;
AP_DECLARE_DATA int ap_extended_status = 0;
AP_DECLARE_DATA int ap_mod_status_reqtail = 0;

static apr_shm_t *scoreboard_shm = NULL;
static apr_size_t scoreboard_size = 0;
static int server_limit = 0;
static int thread_limit = 0;
static void *local_block = NULL;   /* SB_NOT_SHARED memory */

APR_HOOK_STRUCT(
    APR_HOOK_LINK(pre_mpm)
)

AP_IMPLEMENT_HOOK_RUN_ALL(int, pre_mpm,
                          (apr_pool_t *p, ap_scoreboard_e sb_type),
                          (p, sb_type), OK, DECLINED)

/* Keep every record aligned for the widest member (apr_time_t, off_t). */
#define SB_ALIGN(n) APR_ALIGN_DEFAULT(n)

AP_DECLARE(int) ap_calc_scoreboard_size(void)
{
    if (ap_mpm_query(AP_MPMQ_HARD_LIMIT_THREADS, &thread_limit)
        != APR_SUCCESS || thread_limit < 1) {
        thread_limit = 1;
    }
    if (ap_mpm_query(AP_MPMQ_HARD_LIMIT_DAEMONS, &server_limit)
        != APR_SUCCESS || server_limit < 1) {
        server_limit = 1;
    }
    scoreboard_size = SB_ALIGN(sizeof(global_score))
        + SB_ALIGN(sizeof(process_score) * (apr_size_t)server_limit)
        + SB_ALIGN(sizeof(worker_score) * (apr_size_t)server_limit
                   * (apr_size_t)thread_limit);
    return (int)scoreboard_size;
}

AP_DECLARE(void) ap_init_scoreboard(void *shared_score)
{
    char *more;
    int i;

    if (!shared_score) {
        return;
    }
    ap_calc_scoreboard_size();
    /* The index arrays live in this process; the records are shared. */
    ap_scoreboard_image = calloc(1, sizeof(scoreboard)
                                 + sizeof(worker_score *)
                                   * (apr_size_t)server_limit);
    if (!ap_scoreboard_image) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, APR_ENOMEM, NULL, APLOGNO(00093)
                     "calloc of scoreboard index failed");
        abort();
    }
    ap_scoreboard_image->servers = (worker_score **)(ap_scoreboard_image + 1);
    more = shared_score;
    ap_scoreboard_image->global = (global_score *)more;
    more += SB_ALIGN(sizeof(global_score));
    ap_scoreboard_image->parent = (process_score *)more;
    more += SB_ALIGN(sizeof(process_score) * (apr_size_t)server_limit);
    for (i = 0; i < server_limit; i++) {
        ap_scoreboard_image->servers[i] = (worker_score *)more;
        more += sizeof(worker_score) * (apr_size_t)thread_limit;
    }
    ap_scoreboard_image->global->server_limit = server_limit;
    ap_scoreboard_image->global->thread_limit = thread_limit;
}

static apr_status_t create_shm(apr_pool_t *p)
{
    const char *fname;
    apr_status_t rv;

    if (!ap_scoreboard_fname) {
        rv = apr_shm_create(&scoreboard_shm, scoreboard_size, NULL, p);
        if (rv == APR_SUCCESS || !APR_STATUS_IS_ENOTIMPL(rv)) {
            return rv;
        }
        /* No anonymous shared memory here: fall back to a file. */
        fname = ap_runtime_dir_relative(p, DEFAULT_SCOREBOARD);
    }
    else {
        fname = ap_runtime_dir_relative(p, ap_scoreboard_fname);
    }
    if (!fname) {
        return APR_EBADPATH;
    }
    apr_shm_remove(fname, p);   /* a stale one from a crashed server */
    return apr_shm_create(&scoreboard_shm, scoreboard_size, fname, p);
}

apr_status_t ap_cleanup_scoreboard(void *d)
{
    if (!ap_scoreboard_image) {
        return APR_SUCCESS;
    }
    if (scoreboard_shm) {
        apr_shm_destroy(scoreboard_shm);
        scoreboard_shm = NULL;
    }
    free(local_block);
    local_block = NULL;
    free(ap_scoreboard_image);
    ap_scoreboard_image = NULL;
    return APR_SUCCESS;
}

/* A scoreboard that exists already is cleared, not reallocated: its
 * limits were fixed at the first start (ServerLimit cannot grow). */
static void reset_scoreboard(void)
{
    int i;

    memset(ap_scoreboard_image->parent, 0,
           sizeof(process_score) * (apr_size_t)server_limit);
    for (i = 0; i < server_limit; i++) {
        memset(ap_scoreboard_image->servers[i], 0,
               sizeof(worker_score) * (apr_size_t)thread_limit);
    }
    ap_scoreboard_image->global->restart_time = apr_time_now();
}

int ap_create_scoreboard(apr_pool_t *p, ap_scoreboard_e sb_type)
{
    void *block;
    apr_status_t rv;

    if (ap_scoreboard_image) {
        reset_scoreboard();
        return OK;
    }
    ap_calc_scoreboard_size();
    if (sb_type == SB_SHARED) {
        rv = create_shm(p);
        if (rv != APR_SUCCESS) {
            ap_log_error(APLOG_MARK, APLOG_CRIT | APLOG_STARTUP, rv, NULL,
                         APLOGNO(00002) "Unable to create or access "
                         "scoreboard (anonymous shared memory failure)");
            return HTTP_INTERNAL_SERVER_ERROR;
        }
        block = apr_shm_baseaddr_get(scoreboard_shm);
    }
    else {
        block = local_block = calloc(1, scoreboard_size);
        if (!block) {
            return HTTP_INTERNAL_SERVER_ERROR;
        }
    }
    memset(block, 0, scoreboard_size);
    ap_init_scoreboard(block);
    ap_scoreboard_image->global->restart_time = apr_time_now();
    apr_pool_cleanup_register(p, NULL, ap_cleanup_scoreboard,
                              apr_pool_cleanup_null);
    return OK;
}

AP_DECLARE(apr_status_t) ap_reopen_scoreboard(apr_pool_t *p, apr_shm_t **shm,
                                              int detached)
{
    /* Children inherit the mapping through fork(): nothing to attach. */
    if (shm) {
        *shm = scoreboard_shm;
    }
    return APR_SUCCESS;
}

AP_DECLARE(int) ap_exists_scoreboard_image(void)
{
    return ap_scoreboard_image != NULL;
}

AP_DECLARE(worker_score *) ap_get_scoreboard_worker_from_indexes(int x, int y)
{
    if (!ap_scoreboard_image || x < 0 || x >= server_limit || y < 0
        || y >= thread_limit) {
        return NULL;
    }
    return &ap_scoreboard_image->servers[x][y];
}

AP_DECLARE(process_score *) ap_get_scoreboard_process(int x)
{
    if (!ap_scoreboard_image || x < 0 || x >= server_limit) {
        return NULL;
    }
    return &ap_scoreboard_image->parent[x];
}

AP_DECLARE(global_score *) ap_get_scoreboard_global(void)
{
    return ap_scoreboard_image ? ap_scoreboard_image->global : NULL;
}

AP_DECLARE(void) ap_copy_scoreboard_worker(worker_score *dest,
                                           int child_num, int thread_num)
{
    worker_score *ws = ap_get_scoreboard_worker_from_indexes(child_num,
                                                             thread_num);

    if (!ws) {
        memset(dest, 0, sizeof(*dest));
        return;
    }
    memcpy(dest, ws, sizeof(*dest));
    /* Another process may be writing these: make sure they end. */
    dest->client[sizeof(dest->client) - 1] = '\0';
    dest->client64[sizeof(dest->client64) - 1] = '\0';
    dest->request[sizeof(dest->request) - 1] = '\0';
    dest->vhost[sizeof(dest->vhost) - 1] = '\0';
    dest->protocol[sizeof(dest->protocol) - 1] = '\0';
}

AP_DECLARE(int) ap_find_child_by_pid(apr_proc_t *pid)
{
    int i, max = 0;

    if (!ap_scoreboard_image
        || ap_mpm_query(AP_MPMQ_MAX_DAEMON_USED, &max) != APR_SUCCESS) {
        return -1;
    }
    for (i = 0; i < max && i < server_limit; i++) {
        if (ap_scoreboard_image->parent[i].pid == pid->pid) {
            return i;
        }
    }
    return -1;
}

/* The parent's own CPU times and those of the children it reaped, for
 * mod_status; the MPM's parent calls this as it waits for children. */
AP_DECLARE(int) ap_update_global_status(void)
{
#ifdef HAVE_TIMES
    if (ap_scoreboard_image && ap_scoreboard_image->global) {
        ap_os_get_times(&ap_scoreboard_image->global->times);
    }
#endif
    return APR_SUCCESS;
}

const char *ap_set_scoreboard(cmd_parms *cmd, void *dummy, const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);

    if (err) {
        return err;
    }
    ap_scoreboard_fname = arg;
    return NULL;
}

const char *ap_set_extended_status(cmd_parms *cmd, void *dummy, int arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);

    if (err) {
        return err;
    }
    ap_extended_status = arg;
    return NULL;
}

const char *ap_set_reqtail(cmd_parms *cmd, void *dummy, int arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);

    if (err) {
        return err;
    }
    ap_mod_status_reqtail = arg;
    return NULL;
}
