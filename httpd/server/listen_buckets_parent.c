/*
 * listen_buckets_parent.c: what the shared MPM parent must do so that
 * every listener bucket (ListenCoresBucketsRatio, listen_buckets.c) keeps
 * a child: the kernel gives each bucket its share of the connections
 * whether or not a child serves it, and one without a child leaves them
 * waiting. Apache manages its spare children per bucket; ours counts them
 * for the whole server, so it raises the limits as Apache does (children
 * are then not stopped down to fewer than the buckets) and starts a child
 * for a bucket that lost its last one all the same.
 */
#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_main.h"
#include "ap_listen.h"
#include "scoreboard.h"
#include "unixd.h"
#include "mpm_parent_private.h"
#include "listen_private.h"

static void at_least(int *v, int min)
{
    if (*v < min) {
        *v = min;
    }
}

AP_DECLARE(void) ap__listen_buckets_limits(ap__mpm_limits_t *conf,
                                           int by_child)
{
    int n = ap_num_listen_buckets;
    int tpc = conf->threads_per_child;

    if (n <= 1 || conf->one_process) {
        return;
    }
    /* Apache's rules (its *_run): a child per bucket from the start, and
     * room for one more per bucket before a spare one is stopped. */
    at_least(&conf->start, n);
    at_least(&conf->active_limit, n);
    if (by_child) {
        at_least(&conf->min_spare, n);
        at_least(&conf->max_spare, conf->min_spare + n);
        at_least(&conf->slot_limit, n);
    }
    else {
        at_least(&conf->min_spare, tpc * (n - 1) + n);
        at_least(&conf->max_spare, conf->min_spare + (tpc + 1) * n);
    }
    if (conf->server_limit < n) {
        /* Buckets beyond the slots get no child: refuse to run that way
         * silently. */
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, ap_server_conf,
                     APLOGNO(10490) "ListenCoresBucketsRatio gives %d "
                     "listener buckets but ServerLimit allows only %d "
                     "children: connections given to the other buckets "
                     "will wait; raise ServerLimit or the ratio", n,
                     conf->server_limit);
    }
    if (conf->active_limit > conf->server_limit) {
        conf->active_limit = conf->server_limit;
    }
    if (conf->slot_limit > conf->server_limit) {
        conf->slot_limit = conf->server_limit;
    }
}

/* Whether a live child of this generation serves bucket @a b of @a n;
 * the first free slot of that bucket in *free_slot (-1: none). */
static int bucket_served(int b, int n, int slot_limit, ap_generation_t gen,
                         int *free_slot)
{
    int i;

    *free_slot = -1;
    for (i = b; i < slot_limit; i += n) {
        process_score *ps = ap_get_scoreboard_process(i);

        if (!ps) {
            break;
        }
        if (ps->pid == 0) {
            if (*free_slot < 0) {
                *free_slot = i;
            }
            continue;
        }
        if (!ps->quiescing && ps->generation == gen) {
            return 1;
        }
    }
    return 0;
}

AP_DECLARE(int) ap__listen_orphan_slot(int slot_limit)
{
    int n = ap_num_listen_buckets;
    ap_generation_t gen;
    int b, free_slot;

    if (n <= 1) {
        return -1;
    }
    gen = ap_unixd_mpm_get_retained_data()->my_generation;
    for (b = 0; b < n; b++) {
        if (!bucket_served(b, n, slot_limit, gen, &free_slot)
            && free_slot >= 0) {
            return free_slot;
        }
    }
    return -1;
}
