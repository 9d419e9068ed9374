/*
 * The simple MPM's timer heap: due timers come out in deadline order,
 * cancelling (first, middle, last, twice) keeps the order, re-arming
 * moves a timer, the heap grows past its first size, and the poll wait
 * is capped and never negative.
 */
#include "testutil.h"

#include "apr_time.h"

#include "mpm/simple/simple_private.h"

#define MANY 1000

static void nop(ap__simple_child_t *ch, void *baton)
{
}

/* A heap in the test's pool: its cleanup runs when the pool goes, after
 * the test function has returned. */
static ap__simple_heap_t *new_heap(void)
{
    ap__simple_heap_t *h = apr_pcalloc(p, sizeof(*h));

    ck_assert_int_eq(ap__simple_heap_init(h, p), APR_SUCCESS);
    return h;
}

/* Pop everything due by @a now; check the order; return how many. */
static int drain_in_order(ap__simple_heap_t *h, apr_time_t now)
{
    apr_time_t last = 0;
    ap__simple_timer_t *t;
    int n = 0;

    while ((t = ap__simple_timer_due(h, now)) != NULL) {
        ck_assert_int_ge(t->when, last);
        ck_assert_uint_eq(t->idx, AP__SIMPLE_TIMER_IDLE);
        last = t->when;
        n++;
    }
    return n;
}

START_TEST(test_order)
{
    static const apr_time_t when[] = { 50, 10, 40, 30, 20, 60, 5 };
    ap__simple_timer_t t[7];
    ap__simple_heap_t *h = new_heap();
    int i;

    for (i = 0; i < 7; i++) {
        ap__simple_timer_init(&t[i], nop, NULL);
        ck_assert_int_eq(ap__simple_timer_arm(h, &t[i], when[i]),
                         APR_SUCCESS);
    }
    ck_assert_ptr_null(ap__simple_timer_due(h, 4));
    ck_assert_ptr_eq(ap__simple_timer_due(h, 5), &t[6]);
    ck_assert_ptr_eq(ap__simple_timer_due(h, 100), &t[1]);
    ck_assert_int_eq(drain_in_order(h, 45), 3);   /* 20, 30, 40 */
    ck_assert_int_eq(drain_in_order(h, 100), 2);  /* 50, 60 */
    ck_assert_uint_eq(h->n, 0);
}
END_TEST

START_TEST(test_cancel_and_rearm)
{
    ap__simple_timer_t t[5];
    ap__simple_heap_t *h = new_heap();
    int i;

    for (i = 0; i < 5; i++) {
        ap__simple_timer_init(&t[i], nop, NULL);
        ap__simple_timer_arm(h, &t[i], (apr_time_t)(i + 1) * 10);
    }
    ap__simple_timer_cancel(h, &t[0]);     /* the root */
    ap__simple_timer_cancel(h, &t[2]);     /* a middle one */
    ap__simple_timer_cancel(h, &t[4]);     /* the last one */
    ap__simple_timer_cancel(h, &t[4]);     /* twice: no effect */
    ck_assert_uint_eq(h->n, 2);
    ap__simple_timer_arm(h, &t[3], 5);     /* moves to the front */
    ap__simple_timer_arm(h, &t[0], 15);
    ck_assert_uint_eq(h->n, 3);
    ck_assert_ptr_eq(ap__simple_timer_due(h, 100), &t[3]);
    ck_assert_ptr_eq(ap__simple_timer_due(h, 100), &t[0]);
    ck_assert_ptr_eq(ap__simple_timer_due(h, 100), &t[1]);
    ck_assert_ptr_null(ap__simple_timer_due(h, 100));
}
END_TEST

START_TEST(test_grow_and_random_cancel)
{
    ap__simple_timer_t *t = apr_pcalloc(p, sizeof(*t) * MANY);
    ap__simple_heap_t *h = new_heap();
    int i;

    for (i = 0; i < MANY; i++) {
        ap__simple_timer_init(&t[i], nop, NULL);
        /* A scrambled but deterministic order of deadlines. */
        ck_assert_int_eq(ap__simple_timer_arm(h, &t[i],
                                              (apr_time_t)((i * 7919) % MANY)),
                         APR_SUCCESS);
    }
    ck_assert_uint_eq(h->n, MANY);
    for (i = 0; i < MANY; i += 3) {
        ap__simple_timer_cancel(h, &t[i]);
    }
    ck_assert_int_eq(drain_in_order(h, MANY), MANY - (MANY + 2) / 3);
}
END_TEST

START_TEST(test_wait)
{
    ap__simple_timer_t t;
    ap__simple_heap_t *h = new_heap();

    ck_assert_int_eq(ap__simple_timer_wait(h, 1000, 200), 200);
    ap__simple_timer_init(&t, nop, NULL);
    ap__simple_timer_arm(h, &t, 1050);
    ck_assert_int_eq(ap__simple_timer_wait(h, 1000, 200), 50);
    ck_assert_int_eq(ap__simple_timer_wait(h, 900, 20), 20);
    ck_assert_int_eq(ap__simple_timer_wait(h, 2000, 200), 0);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("mpm_simple_timers");
    TCase *tc = apr_test_tcase("timers");

    tcase_add_test(tc, test_order);
    tcase_add_test(tc, test_cancel_and_rearm);
    tcase_add_test(tc, test_grow_and_random_cancel);
    tcase_add_test(tc, test_wait);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
