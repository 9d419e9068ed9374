/*
 * listen_private.h: what listen_setup.c and listen_buckets.c share, and
 * the listener buckets (ListenCoresBucketsRatio) as the MPM children and
 * the shared parent use them. Not part of the module API.
 */
#ifndef AP_LISTEN_PRIVATE_H
#define AP_LISTEN_PRIVATE_H

#include "apr.h"
#include "apr_pools.h"
#include "httpd.h"
#include "ap_listen.h"
#include "mpm_parent_private.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * How many listener buckets Apache's rule gives: online CPUs / ratio,
 * but 1 when the ratio is unset (0), when the kernel cannot spread
 * connections between sockets (no SO_REUSEPORT), or when the ratio
 * exceeds the CPU count. A pure function.
 */
int ap__listen_bucket_count(int online_cpus, int ratio, int have_reuseport);

/**
 * Open, bind and listen @a lr's socket at lr->bind_addr with the
 * generation's options (SO_REUSEPORT too when @a reuseport), logging
 * each failure; sets lr->sd and lr->active.
 */
apr_status_t ap__listen_open(apr_pool_t *p, ap_listen_rec *lr, int reuseport);

/**
 * The parent's part, from ap_setup_listeners once ap_listeners are open:
 * make this generation's @a n buckets (1: ap_listeners alone), taking
 * back the copies of the previous generation that match. When the copies
 * cannot be made, logs why and falls back to one bucket.
 * @return the number of buckets in use.
 */
int ap__listen_buckets_setup(server_rec *s, int n);

/** Close the previous generation's copies that were not taken back yet
 *  (before opening listeners that could not join their group). */
void ap__listen_buckets_drop_old(void);

/** Close every copy (buckets 1 and up), for ap_close_listeners(). */
void ap__listen_buckets_close(void);

/**
 * In a child process in scoreboard slot @a slot: the listeners it serves,
 * those of bucket slot % buckets. The other buckets' sockets are closed
 * in this process (the kernel must not count on it for them), and
 * ap_listeners becomes the bucket's list, so that whatever in the child
 * walks ap_listeners sees the sockets it serves. With one bucket (the
 * default, and always with -X) it is ap_listeners, unchanged.
 */
AP_DECLARE(ap_listen_rec *) ap__listen_child_bucket(int slot);

/* ---- for the shared parent (listen_buckets_parent.c) ----------------- */

/**
 * With several buckets, raise a generation's limits as Apache does:
 * StartServers and the active children to at least one per bucket, and
 * the spare counts so that stopping a spare child does not take a bucket
 * below one (@a by_child: prefork's spares are children; else threads).
 * Call once the listeners are set up (open_logs), before the first child.
 */
AP_DECLARE(void) ap__listen_buckets_limits(ap__mpm_limits_t *conf,
                                           int by_child);

/**
 * For the parent's maintenance: with several buckets, a free scoreboard
 * slot (below @a slot_limit) for a child of a bucket that no live child
 * of this generation serves, else -1. A bucket with no child would leave
 * the connections the kernel gives it waiting.
 */
AP_DECLARE(int) ap__listen_orphan_slot(int slot_limit);

#ifdef __cplusplus
}
#endif

#endif /* AP_LISTEN_PRIVATE_H */
