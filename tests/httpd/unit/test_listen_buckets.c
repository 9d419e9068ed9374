/*
 * ListenCoresBucketsRatio: Apache's bucket arithmetic (online CPUs /
 * ratio, 1 without a ratio, without SO_REUSEPORT or when the ratio
 * exceeds the CPUs), and the buckets ap_setup_listeners makes: one
 * socket per address and bucket, bucket 0 being ap_listeners, the copies
 * taken back by a restart and closed when the ratio goes away,
 * ap_duplicate_listeners with a given count, ap_close_listeners closing
 * them all, a child's bucket by slot, and the limits the shared parent
 * raises with the buckets (Apache's rules).
 */
#include "testutil.h"

#include "apr_strings.h"
#include "apr_network_io.h"

#include "httpd.h"
#include "http_config.h"
#include "ap_listen.h"
#include "mpm_common.h"
#include "mpm_private.h"
#include "listen_private.h"
#include "os_sys.h"

#define PORT_A 18395
#define PORT_B 18396

static process_rec proc;
static server_rec serv;
static command_rec cmdrec;
static ap_directive_t directive;

static cmd_parms *make_cmd(const char *name)
{
    cmd_parms *cmd = apr_pcalloc(p, sizeof(*cmd));
    apr_pool_t *ptemp;

    proc.pool = p;
    proc.pconf = p;
    serv.process = &proc;
    cmdrec.name = name;
    cmd->cmd = &cmdrec;
    cmd->pool = p;
    apr_pool_create(&ptemp, p);
    cmd->temp_pool = ptemp;
    cmd->server = &serv;
    cmd->limited = -1;
    directive.directive = name;
    cmd->directive = &directive;
    return cmd;
}

/* One generation's configuration: Listen A and B, and the ratio (NULL:
 * none). */
static void configure(const char *ratio)
{
    char *a[1];

    ap_listen_pre_config();
    a[0] = apr_pstrdup(p, "127.0.0.1:" APR_STRINGIFY(PORT_A));
    ck_assert_ptr_null(ap_set_listener(make_cmd("Listen"), NULL, 1, a));
    a[0] = apr_pstrdup(p, "127.0.0.1:" APR_STRINGIFY(PORT_B));
    ck_assert_ptr_null(ap_set_listener(make_cmd("Listen"), NULL, 1, a));
    if (ratio) {
        ck_assert_ptr_null(ap_set_listencbratio(
            make_cmd("ListenCoresBucketsRatio"), NULL, ratio));
    }
    ck_assert_int_eq(ap_setup_listeners(&serv), 2);
}

static int length(const ap_listen_rec *lr)
{
    int n = 0;

    for (; lr; lr = lr->next) {
        n += lr->sd != NULL;
    }
    return n;
}

START_TEST(test_bucket_count)
{
    ck_assert_int_eq(ap__listen_bucket_count(2, 1, 1), 2);
    ck_assert_int_eq(ap__listen_bucket_count(2, 2, 1), 1);
    ck_assert_int_eq(ap__listen_bucket_count(2, 3, 1), 1);  /* ratio > CPUs */
    ck_assert_int_eq(ap__listen_bucket_count(8, 3, 1), 2);  /* rounded down */
    ck_assert_int_eq(ap__listen_bucket_count(16, 4, 1), 4);
    ck_assert_int_eq(ap__listen_bucket_count(64, 1, 1), 64);
    ck_assert_int_eq(ap__listen_bucket_count(2, 0, 1), 1);  /* unset */
    ck_assert_int_eq(ap__listen_bucket_count(2, -1, 1), 1);
    ck_assert_int_eq(ap__listen_bucket_count(8, 1, 0), 1);  /* no reuseport */
    ck_assert_int_eq(ap__listen_bucket_count(1, 1, 1), 1);
}
END_TEST

START_TEST(test_no_ratio_one_bucket)
{
    ap_listen_rec **b;
    int n = 0;

    configure(NULL);
    ck_assert_int_eq(ap_num_listen_buckets, 1);
    ck_assert_int_eq(ap_duplicate_listeners(p, &serv, &b, &n), APR_SUCCESS);
    ck_assert_int_eq(n, 1);
    ck_assert_ptr_eq(b[0], ap_listeners);
    ck_assert_ptr_eq(ap__listen_child_bucket(3), ap_listeners);
    ck_assert_int_eq(ap__listen_orphan_slot(16), -1);
    ap_close_listeners();
}
END_TEST

START_TEST(test_buckets_made_kept_and_dropped)
{
    int cpus = ap__os_online_cpus();
    ap_listen_rec **b, **again;
    apr_socket_t *copy_sd;
    int n = 0, i;

    configure("1");
    if (!ap_have_so_reuseport || cpus < 2) {
        ck_assert_int_eq(ap_num_listen_buckets, 1);
        ap_close_listeners();
        return;
    }
    ck_assert_int_eq(ap_num_listen_buckets, cpus);
    ck_assert_int_eq(ap_duplicate_listeners(p, &serv, &b, &n), APR_SUCCESS);
    ck_assert_int_eq(n, cpus);
    ck_assert_ptr_eq(b[0], ap_listeners);
    for (i = 1; i < n; i++) {
        /* Its own sockets, at the same addresses in the same order. */
        ck_assert_int_eq(length(b[i]), 2);
        ck_assert_ptr_ne(b[i]->sd, ap_listeners->sd);
        ck_assert_int_eq(b[i]->bind_addr->port, ap_listeners->bind_addr->port);
        ck_assert_int_eq(b[i]->next->bind_addr->port,
                         ap_listeners->next->bind_addr->port);
    }
    copy_sd = b[1]->sd;

    /* A restart with the same ratio takes the copies back. */
    configure("1");
    n = 0;
    ck_assert_int_eq(ap_duplicate_listeners(p, &serv, &again, &n),
                     APR_SUCCESS);
    ck_assert_int_eq(n, cpus);
    ck_assert_ptr_eq(again[1]->sd, copy_sd);

    /* A count given by the caller is kept: one more bucket. */
    n = cpus + 1;
    ck_assert_int_eq(ap_duplicate_listeners(p, &serv, &again, &n),
                     APR_SUCCESS);
    ck_assert_int_eq(n, cpus + 1);
    ck_assert_int_eq(ap_num_listen_buckets, cpus + 1);
    ck_assert_ptr_eq(again[1]->sd, copy_sd);
    ck_assert_int_eq(length(again[cpus]), 2);

    /* Without the ratio the copies are closed. */
    configure(NULL);
    ck_assert_int_eq(ap_num_listen_buckets, 1);
    ck_assert_ptr_null(again[1]->sd);
    ck_assert_ptr_null(again[cpus]->sd);
    ck_assert_ptr_nonnull(ap_listeners->sd);
    ap_close_listeners();
}
END_TEST

START_TEST(test_close_and_child_bucket)
{
    int cpus = ap__os_online_cpus();
    ap_listen_rec **b, *first;
    int n = 0;

    configure("1");
    if (ap_num_listen_buckets < 2) {
        ap_close_listeners();
        return;
    }
    ap_duplicate_listeners(p, &serv, &b, &n);
    ck_assert_int_eq(n, cpus);
    /* Every bucket's sockets close with ap_close_listeners(). */
    ap_close_listeners();
    ck_assert_ptr_null(b[0]->sd);
    ck_assert_ptr_null(b[1]->sd);

    /* A child of slot 1 keeps bucket 1 only, which becomes its
     * ap_listeners (done last: it changes this process's list). */
    configure("1");
    ap_duplicate_listeners(p, &serv, &b, &n);
    first = ap_listeners;
    ck_assert_ptr_eq(ap__listen_child_bucket(n + 1), b[1]);
    ck_assert_ptr_eq(ap_listeners, b[1]);
    ck_assert_int_eq(length(b[1]), 2);
    ck_assert_int_eq(length(first), 0);
    ap_close_listeners();
    ck_assert_int_eq(length(b[1]), 0);
}
END_TEST

START_TEST(test_parent_limits)
{
    ap__mpm_limits_t prefork = { .server_limit = 256, .slot_limit = 1,
                                 .thread_limit = 1, .threads_per_child = 1,
                                 .active_limit = 1, .start = 1,
                                 .min_spare = 1, .max_spare = 1 };
    ap__mpm_limits_t event = { .server_limit = 16, .slot_limit = 16,
                               .thread_limit = 64, .threads_per_child = 25,
                               .active_limit = 16, .start = 3,
                               .min_spare = 75, .max_spare = 250 };
    ap__mpm_limits_t one = prefork;

    ap_num_listen_buckets = 1;
    ap__listen_buckets_limits(&one, 1);
    ck_assert_int_eq(one.start, 1);
    ck_assert_int_eq(one.max_spare, 1);

    /* Apache's rules for 2 buckets: prefork min 2, max min + 2. */
    ap_num_listen_buckets = 2;
    ap__listen_buckets_limits(&prefork, 1);
    ck_assert_int_eq(prefork.start, 2);
    ck_assert_int_eq(prefork.active_limit, 2);
    ck_assert_int_eq(prefork.slot_limit, 2);
    ck_assert_int_eq(prefork.min_spare, 2);
    ck_assert_int_eq(prefork.max_spare, 4);
    /* Threads: min 25 * 1 + 2 = 27 (75 already), max 75 + 26 * 2. */
    ap__listen_buckets_limits(&event, 0);
    ck_assert_int_eq(event.start, 3);
    ck_assert_int_eq(event.min_spare, 75);
    ck_assert_int_eq(event.max_spare, 250);
    event.max_spare = 80;
    ap__listen_buckets_limits(&event, 0);
    ck_assert_int_eq(event.max_spare, 75 + 26 * 2);
    /* -X serves bucket 0 alone: nothing to raise. */
    one.one_process = 1;
    ap__listen_buckets_limits(&one, 1);
    ck_assert_int_eq(one.start, 1);
    ap_num_listen_buckets = 1;
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("listen_buckets");
    TCase *tc = apr_test_tcase("listen_buckets");

    tcase_add_test(tc, test_bucket_count);
    tcase_add_test(tc, test_parent_limits);
    tcase_add_test(tc, test_no_ratio_one_bucket);
    tcase_add_test(tc, test_buckets_made_kept_and_dropped);
    tcase_add_test(tc, test_close_and_child_bucket);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
