/*
 * The scoreboard: its size and layout from the MPM's limits, status
 * updates through handles and indexes (old status returned, bounds
 * checked), counters, ExtendedStatus copies (truncated, terminated),
 * sharing with a forked child, lookups by pid, and a reset on re-create.
 * A fake mpm_query hook plays the MPM: ServerLimit 4, ThreadLimit 3.
 */
#include "testutil.h"

#include <string.h>

#include "apr_strings.h"
#include "apr_thread_proc.h"
#include "apr_hooks.h"

#include "httpd.h"
#include "http_config.h"
#include "ap_mpm.h"
#include "mpm_common.h"
#include "scoreboard.h"

#define SLIMIT 4
#define TLIMIT 3

static int fake_query(int code, int *result, apr_status_t *rv)
{
    switch (code) {
    case AP_MPMQ_HARD_LIMIT_DAEMONS:
    case AP_MPMQ_MAX_DAEMON_USED:
        *result = SLIMIT;
        break;
    case AP_MPMQ_HARD_LIMIT_THREADS:
        *result = TLIMIT;
        break;
    default:
        *rv = APR_ENOTIMPL;
        return OK;
    }
    *rv = APR_SUCCESS;
    return OK;
}

static void sb_setup(void)
{
    apr_test_setup();
    apr_hook_global_pool = p;
    ap_hook_mpm_query(fake_query, NULL, NULL, APR_HOOK_MIDDLE);
    ap_extended_status = 0;
    ck_assert_int_eq(ap_create_scoreboard(p, SB_SHARED), OK);
}

static void sb_teardown(void)
{
    ap_cleanup_scoreboard(NULL);
    apr_test_teardown();
}

START_TEST(test_size_and_limits)
{
    global_score *g = ap_get_scoreboard_global();
    apr_size_t min = sizeof(global_score) + SLIMIT * sizeof(process_score)
                     + SLIMIT * TLIMIT * sizeof(worker_score);

    ck_assert(ap_exists_scoreboard_image());
    ck_assert_int_eq(g->server_limit, SLIMIT);
    ck_assert_int_eq(g->thread_limit, TLIMIT);
    ck_assert_int_ge(ap_calc_scoreboard_size(), (int)min);
    ck_assert_int_lt(ap_calc_scoreboard_size(), (int)min + 64);
    ck_assert(g->restart_time > 0);
    ck_assert_ptr_nonnull(ap_get_scoreboard_process(SLIMIT - 1));
    ck_assert_ptr_null(ap_get_scoreboard_process(SLIMIT));
    ck_assert_ptr_null(ap_get_scoreboard_process(-1));
    ck_assert_ptr_nonnull(ap_get_scoreboard_worker_from_indexes(SLIMIT - 1,
                                                                TLIMIT - 1));
    ck_assert_ptr_null(ap_get_scoreboard_worker_from_indexes(0, TLIMIT));
    ck_assert_ptr_null(ap_get_scoreboard_worker_from_indexes(SLIMIT, 0));
    /* Distinct slots do not overlap. */
    ck_assert_ptr_ne(ap_get_scoreboard_worker_from_indexes(1, 0),
                     ap_get_scoreboard_worker_from_indexes(0, TLIMIT - 1));
}
END_TEST

START_TEST(test_status_updates)
{
    ap_sb_handle_t *sbh;
    worker_score *ws;

    ap_get_scoreboard_global()->running_generation = 7;
    ap_create_sb_handle(&sbh, p, 2, 1);
    ws = ap_get_scoreboard_worker(sbh);
    ck_assert_ptr_eq(ws, ap_get_scoreboard_worker_from_indexes(2, 1));
    ck_assert_int_eq(ap_update_child_status(sbh, SERVER_STARTING, NULL),
                     SERVER_DEAD);
    ck_assert_int_eq(ap_update_child_status(sbh, SERVER_READY, NULL),
                     SERVER_STARTING);
    /* STARTING -> READY records the slot number and the generation. */
    ck_assert_int_eq(ws->thread_num, 2 * TLIMIT + 1);
    ck_assert_int_eq(ap_get_scoreboard_process(2)->generation, 7);
    ck_assert_int_eq(ap_update_child_status_from_indexes(2, 1,
                                                         SERVER_BUSY_READ,
                                                         NULL),
                     SERVER_READY);
    ck_assert_int_eq(ws->status, SERVER_BUSY_READ);
    ck_assert_int_eq(ap_update_child_status_from_indexes(9, 0, SERVER_READY,
                                                         NULL), -1);
    ck_assert_int_eq(ap_update_child_status(NULL, SERVER_READY, NULL), -1);
    ap_update_sb_handle(sbh, 3, 2);
    ck_assert_ptr_eq(ap_get_scoreboard_worker(sbh),
                     ap_get_scoreboard_worker_from_indexes(3, 2));
}
END_TEST

START_TEST(test_counts)
{
    ap_sb_handle_t *sbh;
    request_rec r;
    worker_score *ws;

    memset(&r, 0, sizeof(r));
    ap_create_sb_handle(&sbh, p, 0, 0);
    ws = ap_get_scoreboard_worker(sbh);
    r.bytes_sent = 100;
    ap_increment_counts(sbh, &r);
    ap_increment_counts(sbh, &r);
    r.header_only = 1;          /* HEAD: no body went out */
    ap_increment_counts(sbh, &r);
    ck_assert_int_eq(ws->access_count, 3);
    ck_assert_int_eq(ws->my_access_count, 3);
    ck_assert_int_eq(ws->conn_count, 3);
    ck_assert_int_eq(ws->bytes_served, 200);
    ck_assert_int_eq(ws->conn_bytes, 200);
    ap_set_conn_count(sbh, &r, 9);
    ck_assert_int_eq(ws->conn_count, 9);
    ap_increment_counts(NULL, &r);   /* no handle: nothing, no crash */

    ap_time_process_request(sbh, START_PREQUEST);
    ck_assert(ws->start_time > 0);
    ap_time_process_request(sbh, STOP_PREQUEST);
    ck_assert(ws->stop_time >= ws->start_time);
    ck_assert(ws->last_used == ws->stop_time);
    ap_set_time_process_request(sbh, 1000, 3000);
    ck_assert_int_eq(ws->start_time, 1000);
    ck_assert_int_eq(ws->stop_time, 3000);
}
END_TEST

START_TEST(test_extended_status)
{
    ap_sb_handle_t *sbh;
    request_rec r;
    conn_rec c;
    worker_score *ws, copy;
    char longline[200];

    memset(&r, 0, sizeof(r));
    memset(&c, 0, sizeof(c));
    memset(longline, 'x', sizeof(longline) - 1);
    longline[sizeof(longline) - 1] = '\0';
    memcpy(longline, "GET /", 5);
    c.client_ip = "192.0.2.7";
    r.connection = &c;
    r.the_request = longline;
    r.useragent_ip = "198.51.100.9";
    r.protocol = "HTTP/1.1";
    ap_create_sb_handle(&sbh, p, 1, 0);
    ws = ap_get_scoreboard_worker(sbh);

    /* Off: nothing but the status is written (the hot path). */
    ap_update_child_status(sbh, SERVER_BUSY_WRITE, &r);
    ck_assert_str_eq(ws->request, "");
    ck_assert_str_eq(ws->client, "");

    ap_extended_status = 1;
    ap_update_child_status(sbh, SERVER_BUSY_WRITE, &r);
    ck_assert_int_eq(strlen(ws->request), sizeof(ws->request) - 1);
    ck_assert(strncmp(ws->request, "GET /xxx", 8) == 0);
    ck_assert_str_eq(ws->client, "198.51.100.9");
    ck_assert_str_eq(ws->protocol, "HTTP/1.1");
    ap_update_child_status_from_conn(sbh, SERVER_BUSY_READ, &c);
    ck_assert_str_eq(ws->client, "192.0.2.7");
    ck_assert_str_eq(ws->request, "");
    ap_update_child_status_descr(sbh, SERVER_BUSY_DNS, "resolving");
    ck_assert_str_eq(ws->request, "resolving");
    ap_copy_scoreboard_worker(&copy, 1, 0);
    ck_assert_str_eq(copy.request, "resolving");
    ck_assert_int_eq(copy.status, SERVER_BUSY_DNS);
    ap_extended_status = 0;
}
END_TEST

START_TEST(test_shared_with_child)
{
    apr_proc_t proc;
    apr_exit_why_e why;
    int code;
    apr_status_t rv;

    rv = apr_proc_fork(&proc, p);
    if (rv == APR_INCHILD) {
        ap_update_child_status_from_indexes(3, 2, SERVER_GRACEFUL, NULL);
        ap_get_scoreboard_process(3)->quiescing = 1;
        _Exit(0);
    }
    ck_assert_int_eq(rv, APR_INPARENT);
    apr_proc_wait(&proc, &code, &why, APR_WAIT);
    ck_assert_int_eq(code, 0);
    ck_assert_int_eq(ap_get_scoreboard_worker_from_indexes(3, 2)->status,
                     SERVER_GRACEFUL);
    ck_assert_int_eq(ap_get_scoreboard_process(3)->quiescing, 1);
}
END_TEST

START_TEST(test_find_and_reset)
{
    apr_proc_t proc;

    ap_get_scoreboard_process(2)->pid = 4242;
    proc.pid = 4242;
    ck_assert_int_eq(ap_find_child_by_pid(&proc), 2);
    proc.pid = 4343;
    ck_assert_int_eq(ap_find_child_by_pid(&proc), -1);
    ap_update_child_status_from_indexes(0, 0, SERVER_BUSY_READ, NULL);
    /* Creating again (an ungraceful restart) clears every record. */
    ck_assert_int_eq(ap_create_scoreboard(p, SB_SHARED), OK);
    ck_assert_int_eq(ap_get_scoreboard_process(2)->pid, 0);
    ck_assert_int_eq(ap_get_scoreboard_worker_from_indexes(0, 0)->status,
                     SERVER_DEAD);
    ck_assert_int_eq(ap_get_scoreboard_global()->server_limit, SLIMIT);
    ap_cleanup_scoreboard(NULL);
    ck_assert(!ap_exists_scoreboard_image());
    ck_assert_ptr_null(ap_get_scoreboard_global());
    ck_assert_ptr_null(ap_get_scoreboard_process(0));
}
END_TEST

START_TEST(test_not_shared)
{
    ap_cleanup_scoreboard(NULL);
    ck_assert_int_eq(ap_create_scoreboard(p, SB_NOT_SHARED), OK);
    ck_assert(ap_exists_scoreboard_image());
    ck_assert_int_eq(ap_update_child_status_from_indexes(1, 1, SERVER_READY,
                                                         NULL), SERVER_DEAD);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("scoreboard");
    TCase *tc = tcase_create("scoreboard");

    tcase_add_checked_fixture(tc, sb_setup, sb_teardown);
    tcase_add_test(tc, test_size_and_limits);
    tcase_add_test(tc, test_status_updates);
    tcase_add_test(tc, test_counts);
    tcase_add_test(tc, test_extended_status);
    tcase_add_test(tc, test_shared_with_child);
    tcase_add_test(tc, test_find_and_reset);
    tcase_add_test(tc, test_not_shared);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
