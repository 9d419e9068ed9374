/*
 * listen_buckets.c: ListenCoresBucketsRatio. With a ratio N > 0 and a
 * kernel that balances SO_REUSEPORT groups, the listeners are opened
 * (online CPUs / N) times: bucket 0 is ap_listeners itself, every other
 * bucket has its own sockets bound to the same addresses. The kernel
 * spreads each address's connections over the buckets, and the child in
 * scoreboard slot i serves bucket i % buckets only, so that the children
 * of one bucket do not all wake for a connection of another.
 *
 * The parent makes the copies before it forks (a bucket's children share
 * its sockets, and may no longer have the right to bind). Like
 * ap_listeners, they live in the process pool and a restart takes them
 * back by address: a graceful restart loses none of the connections
 * queued on them.
 */
#include <string.h>

#include "apr_strings.h"
#include "apr_network_io.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "ap_listen.h"
#include "mpm_common.h"
#include "mpm_private.h"
#include "listen_private.h"

APLOG_USE_MODULE(core);

/* This generation's buckets: lists[0] is ap_listeners as it was at the
 * set-up, lists[1..n-1] the copies. In the executable's memory, so that
 * the MPM module's unloading at a restart does not lose them. */
static ap_listen_rec **lists;
static int n_lists;
static int cap_lists;
/* The previous generation's copies not taken back yet. */
static ap_listen_rec *old_copies;

int ap__listen_bucket_count(int online_cpus, int ratio, int have_reuseport)
{
    if (ratio <= 0 || !have_reuseport || online_cpus < ratio) {
        return 1;
    }
    return online_cpus / ratio;
}

static void close_list(ap_listen_rec *lr)
{
    ap_close_listeners_ex(lr);
}

/* Move this generation's copies aside for the next one to take back. */
static void retire_copies(void)
{
    ap_listen_rec **tail = &old_copies;
    int i;

    while (*tail) {
        tail = &(*tail)->next;
    }
    for (i = 1; i < n_lists; i++) {
        *tail = lists[i];
        while (*tail) {
            tail = &(*tail)->next;
        }
        lists[i] = NULL;
    }
    n_lists = 0;
}

void ap__listen_buckets_drop_old(void)
{
    retire_copies();
    close_list(old_copies);
    old_copies = NULL;
}

void ap__listen_buckets_close(void)
{
    int i;

    for (i = 1; i < n_lists; i++) {
        close_list(lists[i]);
    }
    close_list(old_copies);
}

static int same_addr(const apr_sockaddr_t *a, const apr_sockaddr_t *b)
{
    return a->family == b->family && a->port == b->port
           && a->ipaddr_len == b->ipaddr_len
           && memcmp(a->ipaddr_ptr, b->ipaddr_ptr, (size_t)a->ipaddr_len) == 0;
}

/* An open copy of the previous generation bound where @a lr is. */
static ap_listen_rec *take_back(const ap_listen_rec *lr)
{
    ap_listen_rec **walk;

    for (walk = &old_copies; *walk; walk = &(*walk)->next) {
        ap_listen_rec *c = *walk;
        if (c->sd && same_addr(c->bind_addr, lr->bind_addr)) {
            *walk = c->next;
            c->next = NULL;
            return c;
        }
    }
    return NULL;
}

static apr_status_t copy_listener(apr_pool_t *p, const ap_listen_rec *lr,
                                  ap_listen_rec **out)
{
    ap_listen_rec *c = take_back(lr);

    if (!c) {
        apr_status_t rv;

        c = apr_pcalloc(p, sizeof(*c));
        c->bind_addr = lr->bind_addr;
        rv = ap__listen_open(p, c, 1);
        if (rv != APR_SUCCESS) {
            return rv;
        }
    }
    c->protocol = lr->protocol;
    c->accept_func = lr->accept_func;
    c->slave = NULL;
    *out = c;
    return APR_SUCCESS;
}

/* One bucket's copies of the open listeners, in ap_listeners' order. */
static apr_status_t make_bucket(apr_pool_t *p, ap_listen_rec **list)
{
    ap_listen_rec **tail = list;
    const ap_listen_rec *lr;

    *list = NULL;
    for (lr = ap_listeners; lr; lr = lr->next) {
        apr_status_t rv;

        if (!lr->sd) {
            continue;
        }
        rv = copy_listener(p, lr, tail);
        if (rv != APR_SUCCESS) {
            return rv;
        }
        tail = &(*tail)->next;
    }
    return APR_SUCCESS;
}

static void grow_lists(apr_pool_t *p, int n)
{
    ap_listen_rec **bigger;

    if (n <= cap_lists) {
        return;
    }
    /* Process memory, but only when a configuration asks for more
     * buckets than any before it. */
    bigger = apr_pcalloc(p, sizeof(*bigger) * (apr_size_t)n);
    if (lists) {
        memcpy(bigger, lists, sizeof(*bigger) * (apr_size_t)cap_lists);
    }
    lists = bigger;
    cap_lists = n;
}

/* Make @a n buckets, or none beyond ap_listeners when that fails. */
static apr_status_t make_buckets(server_rec *s, int n)
{
    apr_pool_t *p = s->process->pool;
    apr_status_t rv = APR_SUCCESS;
    int i;

    retire_copies();
    grow_lists(p, n);
    lists[0] = ap_listeners;
    n_lists = 1;
    for (i = 1; i < n && rv == APR_SUCCESS; i++) {
        rv = make_bucket(p, &lists[i]);
        n_lists = i + 1;    /* a partial bucket is closed below too */
    }
    if (rv != APR_SUCCESS) {
        retire_copies();
        lists[0] = ap_listeners;
        n_lists = 1;
    }
    /* What the new configuration did not take back. */
    close_list(old_copies);
    old_copies = NULL;
    ap_num_listen_buckets = n_lists;
    return rv;
}

int ap__listen_buckets_setup(server_rec *s, int n)
{
    if (make_buckets(s, n) != APR_SUCCESS) {
        /* Typically a listener kept from a generation without the ratio,
         * opened without SO_REUSEPORT: a full stop and start applies it. */
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, s,
                     "ListenCoresBucketsRatio: could not open %d listeners "
                     "buckets (see above), using a single one", n);
    }
    return n_lists;
}

AP_DECLARE(apr_status_t) ap_duplicate_listeners(apr_pool_t *p, server_rec *s,
                                                ap_listen_rec ***buckets,
                                                int *num_buckets)
{
    apr_status_t rv = APR_SUCCESS;

    /* 0 asks for this generation's buckets, which ap_setup_listeners
     * made; another count makes that many (as Apache's MPMs do to keep
     * the count across a graceful restart). */
    if (*num_buckets < 1) {
        *num_buckets = n_lists > 0 ? n_lists : 1;
    }
    if (*num_buckets != n_lists || lists[0] != ap_listeners) {
        rv = make_buckets(s, *num_buckets);
        if (rv != APR_SUCCESS) {
            *num_buckets = n_lists;
        }
    }
    *buckets = apr_pmemdup(p, lists, sizeof(*lists) * (apr_size_t)n_lists);
    return rv;
}

AP_DECLARE(ap_listen_rec *) ap__listen_child_bucket(int slot)
{
    int mine, i;

    if (n_lists <= 1 || slot < 0) {
        return ap_listeners;
    }
    mine = slot % n_lists;
    for (i = 0; i < n_lists; i++) {
        if (i != mine) {
            close_list(lists[i]);
        }
    }
    close_list(old_copies);
    ap_listeners = lists[mine];
    return ap_listeners;
}
