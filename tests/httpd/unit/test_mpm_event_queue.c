/*
 * The event MPM's timeout queues: appending keeps a queue with one
 * timeout in order; inserting by deadline (request heads timed by
 * mod_reqtimeout each have their own) keeps any mix in order, equal
 * deadlines first come first out; removing from the head, middle and
 * tail keeps the links whole.
 */
#include "testutil.h"

#include "apr_time.h"

#include "mpm/event/event_private.h"

#define MANY 500

/* Walk the queue both ways: sorted by expiry, links and count agree. */
static void check_queue(const ap__event_tq_t *q)
{
    const ap__event_conn_t *cs, *prev = NULL;
    int n = 0;

    for (cs = q->head; cs; cs = cs->next) {
        ck_assert_ptr_eq(cs->prev, prev);
        ck_assert_ptr_eq(cs->q, q);
        if (prev) {
            ck_assert_int_le(prev->expiry, cs->expiry);
        }
        prev = cs;
        n++;
    }
    ck_assert_ptr_eq(q->tail, prev);
    ck_assert_int_eq(q->count, n);
}

START_TEST(test_insert_order)
{
    static const apr_time_t when[] = { 50, 10, 40, 30, 20, 60, 5, 40, 5 };
    ap__event_conn_t cs[9];
    ap__event_tq_t q;
    int i;

    memset(&q, 0, sizeof(q));
    memset(cs, 0, sizeof(cs));
    for (i = 0; i < 9; i++) {
        ap__event_tq_insert(&q, &cs[i], when[i]);
        check_queue(&q);
    }
    ck_assert_ptr_eq(q.head, &cs[6]);       /* the first 5 */
    ck_assert_ptr_eq(q.head->next, &cs[8]); /* then the second */
    ck_assert_ptr_eq(cs[2].next, &cs[7]);   /* 40 before the later 40 */
    ck_assert_ptr_eq(q.tail, &cs[5]);
}
END_TEST

START_TEST(test_append_then_insert)
{
    ap__event_conn_t cs[4];
    ap__event_tq_t q;

    memset(&q, 0, sizeof(q));
    memset(cs, 0, sizeof(cs));
    q.timeout = 300;
    ap__event_tq_append(&q, &cs[0], 1000);          /* 1300 */
    ap__event_tq_insert(&q, &cs[1], 1020);          /* a short deadline */
    ap__event_tq_append(&q, &cs[2], 1010);          /* 1310 */
    ap__event_tq_insert(&q, &cs[3], 5000);          /* a long one */
    check_queue(&q);
    ck_assert_ptr_eq(q.head, &cs[1]);
    ck_assert_ptr_eq(q.tail, &cs[3]);
    ck_assert_int_eq(cs[0].expiry, 1300);
}
END_TEST

START_TEST(test_remove_keeps_order)
{
    ap__event_conn_t *cs = apr_pcalloc(p, MANY * sizeof(*cs));
    ap__event_tq_t q;
    unsigned int seed = 7;
    int i;

    memset(&q, 0, sizeof(q));
    for (i = 0; i < MANY; i++) {
        seed = seed * 1103515245u + 12345u;
        ap__event_tq_insert(&q, &cs[i], (apr_time_t)(seed % 1000));
    }
    check_queue(&q);
    ap__event_tq_remove(q.head);
    ap__event_tq_remove(q.tail);
    for (i = 0; i < MANY; i += 3) {
        ap__event_tq_remove(&cs[i]);    /* twice for some: a no-op */
        ck_assert_ptr_null(cs[i].q);
    }
    check_queue(&q);
    while (q.head) {
        ap__event_tq_remove(q.head);
    }
    ck_assert_ptr_null(q.tail);
    ck_assert_int_eq(q.count, 0);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("mpm_event_queue");
    TCase *tc = apr_test_tcase("queue");

    tcase_add_test(tc, test_insert_order);
    tcase_add_test(tc, test_append_then_insert);
    tcase_add_test(tc, test_remove_keeps_order);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
