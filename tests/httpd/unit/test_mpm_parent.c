/*
 * The MPMs' shared parent (server/mpm_parent*.c) without running a
 * server: Apache's idle-maintenance rule as a pure decision (spawn rate
 * 1, 2, 4 ... 32, the hold-off after a graceful restart, MaxSpare, no
 * room), the census of a real scoreboard (idle workers of this
 * generation, old and quiescing children, free slots), forking children
 * into free slots and clearing their slots, and the AP_MPMQ_* answers.
 * A fake mpm_query hook sizes the scoreboard: 4 processes of 3 threads.
 */
#include "testutil.h"

#include <string.h>

#include "apr_hooks.h"
#include "apr_thread_proc.h"

#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "ap_mpm.h"
#include "mpm_common.h"
#include "scoreboard.h"
#include "unixd.h"
#include "mpm_parent_private.h"

#define SLIMIT 4
#define TLIMIT 3

static int fake_query(int code, int *result, apr_status_t *rv)
{
    *rv = APR_SUCCESS;
    if (code == AP_MPMQ_HARD_LIMIT_DAEMONS
        || code == AP_MPMQ_MAX_DAEMON_USED) {
        *result = SLIMIT;
    }
    else if (code == AP_MPMQ_HARD_LIMIT_THREADS) {
        *result = TLIMIT;
    }
    else {
        *rv = APR_ENOTIMPL;
    }
    return OK;
}

static int child_body(apr_pool_t *pconf, int slot)
{
    return 40 + slot;
}

static module fake_mpm;
static ap__mpm_parent_t pp;

static void setup(void)
{
    apr_test_setup();
    apr_hook_global_pool = p;
    ap_pglobal = p;             /* where the retained data lives */
    ap_hook_mpm_query(fake_query, NULL, NULL, APR_HOOK_MIDDLE);
    ck_assert_int_eq(ap_create_scoreboard(p, SB_SHARED), OK);
    memset(&pp, 0, sizeof(pp));
    pp.mpm = &fake_mpm;
    pp.child_main = child_body;
    pp.is_threaded = AP_MPMQ_STATIC;
    pp.pconf = p;
    pp.conf.server_limit = pp.conf.slot_limit = SLIMIT;
    pp.conf.thread_limit = pp.conf.threads_per_child = TLIMIT;
    pp.conf.active_limit = SLIMIT;
    ap__mpm_parent_set_max_daemons(0);
    ap_unixd_mpm_get_retained_data()->my_generation = 7;
}

static void teardown(void)
{
    ap_cleanup_scoreboard(NULL);
    apr_test_teardown();
}

/* ---- the decision ----------------------------------------------------- */

static ap__mpm_spare_in_t in_of(int idle, int active, int n_free)
{
    ap__mpm_spare_in_t in = { idle, active, n_free, 10, 30, 8 };
    return in;
}

START_TEST(test_decide_keep_and_kill)
{
    ap__mpm_spare_in_t in = in_of(20, 2, 6);
    int rate = 8, hold = 0, spawn = -1;

    ck_assert_int_eq(ap__mpm_spare_decide(&in, &rate, &hold, &spawn),
                     AP__MPM_SPARE_KEEP);
    ck_assert_int_eq(rate, 1);
    ck_assert_int_eq(spawn, 0);
    in.idle = 31;
    rate = 4;
    ck_assert_int_eq(ap__mpm_spare_decide(&in, &rate, &hold, &spawn),
                     AP__MPM_SPARE_KILL_ONE);
    ck_assert_int_eq(rate, 1);
    /* The last child stays, however idle. */
    in.active = 1;
    ck_assert_int_eq(ap__mpm_spare_decide(&in, &rate, &hold, &spawn),
                     AP__MPM_SPARE_KEEP);
}
END_TEST

START_TEST(test_decide_rate_doubles_to_32)
{
    ap__mpm_spare_in_t in = in_of(0, 1, 32);
    int expect[] = { 1, 2, 4, 8, 16, 32, 32 };
    int rate = 1, hold = 0, spawn, i;

    in.active_limit = 1000;
    for (i = 0; i < (int)(sizeof(expect) / sizeof(expect[0])); i++) {
        ck_assert_int_eq(ap__mpm_spare_decide(&in, &rate, &hold, &spawn),
                         AP__MPM_SPARE_SPAWN);
        ck_assert_int_eq(spawn, expect[i]);
    }
    ck_assert_int_eq(rate, AP__MPM_MAX_SPAWN_RATE);
    /* Enough idle workers again: back to one at a time. */
    in.idle = 10;
    ap__mpm_spare_decide(&in, &rate, &hold, &spawn);
    ck_assert_int_eq(rate, 1);
}
END_TEST

START_TEST(test_decide_room_and_full)
{
    ap__mpm_spare_in_t in = in_of(3, 6, 5);
    int rate = 16, hold = 0, spawn;

    /* MaxRequestWorkers leaves room for 2 children. */
    ck_assert_int_eq(ap__mpm_spare_decide(&in, &rate, &hold, &spawn),
                     AP__MPM_SPARE_SPAWN);
    ck_assert_int_eq(spawn, 2);
    ck_assert_int_eq(rate, 32);
    /* Only one free slot (old children hold the others). */
    in.n_free = 1;
    ap__mpm_spare_decide(&in, &rate, &hold, &spawn);
    ck_assert_int_eq(spawn, 1);
    in.n_free = 0;
    ck_assert_int_eq(ap__mpm_spare_decide(&in, &rate, &hold, &spawn),
                     AP__MPM_SPARE_FULL);
    ck_assert_int_eq(rate, 1);
    in.n_free = 5;
    in.active = 8;
    ck_assert_int_eq(ap__mpm_spare_decide(&in, &rate, &hold, &spawn),
                     AP__MPM_SPARE_FULL);
    /* No child at all: start one even when MinSpare says nothing. */
    in = in_of(0, 0, 4);
    in.min_spare = 0;
    ck_assert_int_eq(ap__mpm_spare_decide(&in, &rate, &hold, &spawn),
                     AP__MPM_SPARE_SPAWN);
    ck_assert_int_eq(spawn, 1);
}
END_TEST

START_TEST(test_decide_hold_off)
{
    ap__mpm_spare_in_t in = in_of(0, 1, 32);
    int rate = 1, hold = 2, spawn;

    ap__mpm_spare_decide(&in, &rate, &hold, &spawn);
    ap__mpm_spare_decide(&in, &rate, &hold, &spawn);
    ck_assert_int_eq(rate, 1);
    ck_assert_int_eq(hold, 0);
    ap__mpm_spare_decide(&in, &rate, &hold, &spawn);
    ck_assert_int_eq(rate, 2);
}
END_TEST

/* ---- the scoreboard ---------------------------------------------------- */

static void put_child(int slot, pid_t pid, int gen, int quiescing,
                      const int status[TLIMIT])
{
    process_score *ps = ap_get_scoreboard_process(slot);
    int i;

    ps->pid = pid;
    ps->generation = gen;
    ps->quiescing = (char)quiescing;
    for (i = 0; i < TLIMIT; i++) {
        ap_update_child_status_from_indexes(slot, i, status[i], NULL);
    }
}

START_TEST(test_census)
{
    static const int busy1[TLIMIT] = { SERVER_BUSY_READ, SERVER_READY,
                                       SERVER_STARTING };
    static const int idle3[TLIMIT] = { SERVER_READY, SERVER_READY,
                                       SERVER_DEAD };
    ap__mpm_census_t cs;

    put_child(0, 1001, 7, 0, busy1);
    put_child(2, 1002, 6, 0, idle3);    /* old generation */
    put_child(3, 1003, 7, 1, idle3);    /* leaving */
    ap__mpm_parent_census(&pp, &cs);
    ck_assert_int_eq(cs.active, 1);
    ck_assert_int_eq(cs.idle, 2);
    ck_assert_int_eq(cs.used_slots, 4);
    ck_assert_int_eq(cs.n_free, 1);
    ck_assert_int_eq(cs.free[0], 1);
    /* Prefork: one worker a child, slots only up to MaxRequestWorkers. */
    pp.conf.threads_per_child = 1;
    pp.conf.slot_limit = 2;
    ap__mpm_parent_census(&pp, &cs);
    ck_assert_int_eq(cs.idle, 0);
    ck_assert_int_eq(cs.used_slots, 1);
}
END_TEST

START_TEST(test_fork_and_slot_gone)
{
    static const int busy[TLIMIT] = { SERVER_BUSY_WRITE, SERVER_BUSY_READ,
                                      SERVER_READY };
    process_score *ps;
    apr_proc_t proc;
    apr_exit_why_e why;
    int code, slot;

    put_child(1, 1001, 7, 0, busy);
    ck_assert_int_eq(ap__mpm_parent_start(&pp, 5), 3);
    ck_assert_int_eq(ap__mpm_parent_max_daemons(), SLIMIT);
    ck_assert_int_eq(ap__mpm_parent_live(), SLIMIT);
    ps = ap_get_scoreboard_process(2);
    ck_assert_int_gt(ps->pid, 0);
    ck_assert_int_eq(ps->generation, 7);
    /* The child ran child_main(pconf, 2) and exited with what it said. */
    proc.pid = ps->pid;
    ck_assert_int_eq(apr_proc_wait(&proc, &code, &why, APR_WAIT),
                     APR_CHILD_DONE);
    ck_assert_int_eq(code, 42);
    slot = ap_find_child_by_pid(&proc);
    ck_assert_int_eq(slot, 2);
    ap__mpm_parent_slot_gone(slot, proc.pid, 0);
    ck_assert_int_eq(ps->pid, 0);
    ap__mpm_parent_slot_gone(1, 1001, 0);
    ck_assert_int_eq(ap_get_scoreboard_worker_from_indexes(1, 1)->status,
                     SERVER_DEAD);
    ck_assert_int_eq(ap__mpm_parent_live(), 2);
    for (slot = 0; slot < SLIMIT; slot += 3) {
        proc.pid = ap_get_scoreboard_process(slot)->pid;
        apr_proc_wait(&proc, &code, &why, APR_WAIT);
        ck_assert_int_eq(code, 40 + slot);
    }
}
END_TEST

/* A maintenance pass with no child at all starts one (rate 1), the next
 * two, while the rate doubles. */
START_TEST(test_spare_pass_spawns)
{
    apr_proc_t proc;
    apr_exit_why_e why;
    int code, i;

    pp.conf.min_spare = 10;
    pp.conf.max_spare = 20;
    ap__mpm_parent_spare_reset(0);
    ap__mpm_parent_spare(&pp);
    ck_assert_int_eq(ap__mpm_parent_live(), 1);
    ap__mpm_parent_spare(&pp);
    ck_assert_int_eq(ap__mpm_parent_live(), 3);
    for (i = 0; i < 3; i++) {
        proc.pid = ap_get_scoreboard_process(i)->pid;
        apr_proc_wait(&proc, &code, &why, APR_WAIT);
    }
}
END_TEST

START_TEST(test_query)
{
    apr_status_t rv;
    int v;

    pp.conf.min_spare = 5;
    pp.conf.max_spare = 9;
    ap__mpm_parent_set_max_daemons(3);
    ap__mpm_parent_query(&pp, AP_MPMQ_MAX_DAEMON_USED, &v, &rv);
    ck_assert_int_eq(rv, APR_SUCCESS);
    ck_assert_int_eq(v, 3);
    ap__mpm_parent_query(&pp, AP_MPMQ_MIN_SPARE_THREADS, &v, &rv);
    ck_assert_int_eq(v, 5);
    ap__mpm_parent_query(&pp, AP_MPMQ_MAX_SPARE_DAEMONS, &v, &rv);
    ck_assert_int_eq(v, 0);
    ap__mpm_parent_query(&pp, AP_MPMQ_GENERATION, &v, &rv);
    ck_assert_int_eq(v, 7);
    /* prefork: the spare workers are children */
    pp.is_threaded = AP_MPMQ_NOT_SUPPORTED;
    ap__mpm_parent_query(&pp, AP_MPMQ_MAX_SPARE_DAEMONS, &v, &rv);
    ck_assert_int_eq(v, 9);
    ap__mpm_parent_query(&pp, AP_MPMQ_MIN_SPARE_THREADS, &v, &rv);
    ck_assert_int_eq(v, 0);
    ap__mpm_parent_query(&pp, 9999, &v, &rv);
    ck_assert_int_eq(rv, APR_ENOTIMPL);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("mpm_parent");
    TCase *tc = tcase_create("mpm_parent");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_decide_keep_and_kill);
    tcase_add_test(tc, test_decide_rate_doubles_to_32);
    tcase_add_test(tc, test_decide_room_and_full);
    tcase_add_test(tc, test_decide_hold_off);
    tcase_add_test(tc, test_census);
    tcase_add_test(tc, test_fork_and_slot_gone);
    tcase_add_test(tc, test_spare_pass_spawns);
    tcase_add_test(tc, test_query);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
