/*
 * apr_queue.h: FIFO order, non-blocking statuses, many producers and
 * consumers, interrupt_all and term waking blocked threads.
 */
#include "testutil.h"
#include "apr_atomic.h"
#include "apr_queue.h"
#include "apr_thread_proc.h"
#include "apr_time.h"

#define ITEM(n) ((void *)(apr_uintptr_t)(n))

START_TEST(test_fifo_and_try)
{
    apr_queue_t *q;
    void *d = NULL;
    int i;

    ck_assert_int_eq(apr_queue_create(&q, 3, p), APR_SUCCESS);
    ck_assert_uint_eq(apr_queue_size(q), 0);
    ck_assert_int_eq(apr_queue_trypop(q, &d), APR_EAGAIN);
    ck_assert_int_eq(apr_queue_push(q, ITEM(1)), APR_SUCCESS);
    ck_assert_int_eq(apr_queue_trypush(q, ITEM(2)), APR_SUCCESS);
    ck_assert_int_eq(apr_queue_push(q, ITEM(3)), APR_SUCCESS);
    ck_assert_uint_eq(apr_queue_size(q), 3);
    ck_assert_int_eq(apr_queue_trypush(q, ITEM(4)), APR_EAGAIN);
    ck_assert_uint_eq(apr_queue_size(q), 3);
    for (i = 1; i <= 3; i++) {
        ck_assert_int_eq(i == 2 ? apr_queue_trypop(q, &d)
                                : apr_queue_pop(q, &d), APR_SUCCESS);
        ck_assert_ptr_eq(d, ITEM(i));
    }
    ck_assert_int_eq(apr_queue_trypop(q, &d), APR_EAGAIN);
    /* wrap round the ring a few times */
    for (i = 0; i < 10; i++) {
        ck_assert_int_eq(apr_queue_push(q, ITEM(100 + i)), APR_SUCCESS);
        ck_assert_int_eq(apr_queue_pop(q, &d), APR_SUCCESS);
        ck_assert_ptr_eq(d, ITEM(100 + i));
    }
}
END_TEST

START_TEST(test_term_statuses)
{
    apr_queue_t *q;
    void *d = NULL;

    ck_assert_int_eq(apr_queue_create(&q, 2, p), APR_SUCCESS);
    ck_assert_int_eq(apr_queue_push(q, ITEM(1)), APR_SUCCESS);
    ck_assert_int_eq(apr_queue_interrupt_all(q), APR_SUCCESS);
    ck_assert_int_eq(apr_queue_term(q), APR_SUCCESS);
    /* Everything is APR_EOF after term, even with an item still queued. */
    ck_assert_int_eq(apr_queue_pop(q, &d), APR_EOF);
    ck_assert_int_eq(apr_queue_trypop(q, &d), APR_EOF);
    ck_assert_int_eq(apr_queue_push(q, ITEM(2)), APR_EOF);
    ck_assert_int_eq(apr_queue_trypush(q, ITEM(2)), APR_EOF);
    ck_assert_uint_eq(apr_queue_size(q), 1);
    ck_assert_int_eq(apr_queue_term(q), APR_SUCCESS);
}
END_TEST

/* Many producers and consumers: every item arrives exactly once. */
#define NPROD 4
#define NCONS 4
#define NITEMS 100000

typedef struct {
    apr_queue_t *q;
    int first, count;           /* producer: items first..first+count-1 */
    apr_uint64_t sum, sumsq;    /* consumer: what it got */
    int got;
} mpmc_arg;

static void *APR_THREAD_FUNC producer(apr_thread_t *t, void *data)
{
    mpmc_arg *a = data;
    int i;

    for (i = 0; i < a->count; i++) {
        apr_status_t rv;

        while ((rv = apr_queue_push(a->q, ITEM(a->first + i))) == APR_EINTR)
            ;
        if (rv != APR_SUCCESS)
            break;
    }
    apr_thread_exit(t, APR_SUCCESS);
    return NULL;
}

static void *APR_THREAD_FUNC consumer(apr_thread_t *t, void *data)
{
    mpmc_arg *a = data;

    for (;;) {
        void *d;
        apr_status_t rv = apr_queue_pop(a->q, &d);
        apr_uint64_t v;

        if (rv == APR_EINTR)
            continue;
        if (rv != APR_SUCCESS || d == NULL)
            break;
        v = (apr_uintptr_t)d;
        a->sum += v;
        a->sumsq += v * v;
        a->got++;
    }
    apr_thread_exit(t, APR_SUCCESS);
    return NULL;
}

START_TEST(test_many_producers_consumers)
{
    apr_queue_t *q;
    apr_thread_t *pt[NPROD], *ct[NCONS];
    mpmc_arg pa[NPROD], ca[NCONS];
    apr_uint64_t sum = 0, sumsq = 0, n = NITEMS;
    apr_status_t rv;
    int i, got = 0;

    ck_assert_int_eq(apr_queue_create(&q, 64, p), APR_SUCCESS);
    for (i = 0; i < NCONS; i++) {
        ca[i] = (mpmc_arg){ .q = q };
        ck_assert_int_eq(apr_thread_create(&ct[i], NULL, consumer, &ca[i], p),
                         APR_SUCCESS);
    }
    for (i = 0; i < NPROD; i++) {
        pa[i] = (mpmc_arg){ .q = q, .first = 1 + i * (NITEMS / NPROD),
                            .count = NITEMS / NPROD };
        ck_assert_int_eq(apr_thread_create(&pt[i], NULL, producer, &pa[i], p),
                         APR_SUCCESS);
    }
    for (i = 0; i < NPROD; i++)
        ck_assert_int_eq(apr_thread_join(&rv, pt[i]), APR_SUCCESS);
    for (i = 0; i < NCONS; i++)     /* one stop marker each */
        ck_assert_int_eq(apr_queue_push(q, NULL), APR_SUCCESS);
    for (i = 0; i < NCONS; i++) {
        ck_assert_int_eq(apr_thread_join(&rv, ct[i]), APR_SUCCESS);
        sum += ca[i].sum;
        sumsq += ca[i].sumsq;
        got += ca[i].got;
    }
    ck_assert_int_eq(got, NITEMS);
    ck_assert_uint_eq(sum, n * (n + 1) / 2);
    ck_assert_uint_eq(sumsq, n * (n + 1) * (2 * n + 1) / 6);
    ck_assert_uint_eq(apr_queue_size(q), 0);
}
END_TEST

/* A thread blocked in pop (empty queue) or push (full queue). */
typedef struct {
    apr_queue_t *q;
    int push;
    volatile apr_uint32_t done;
    apr_status_t rv;
} blocked_arg;

static void *APR_THREAD_FUNC blocker(apr_thread_t *t, void *data)
{
    blocked_arg *a = data;
    void *d;

    a->rv = a->push ? apr_queue_push(a->q, ITEM(9)) : apr_queue_pop(a->q, &d);
    apr_atomic_set32(&a->done, 1);
    apr_thread_exit(t, APR_SUCCESS);
    return NULL;
}

/* Start a blocked thread, then wake it with `term` or interrupts; we cannot
 * know when it is asleep, so interrupts are repeated until it returns. */
static apr_status_t wake_blocked(int push, int term)
{
    apr_queue_t *q;
    apr_thread_t *t;
    blocked_arg a = { 0 };
    apr_status_t rv;
    int i;

    ck_assert_int_eq(apr_queue_create(&q, 1, p), APR_SUCCESS);
    if (push)
        ck_assert_int_eq(apr_queue_push(q, ITEM(1)), APR_SUCCESS);
    a.q = q;
    a.push = push;
    ck_assert_int_eq(apr_thread_create(&t, NULL, blocker, &a, p),
                     APR_SUCCESS);
    apr_sleep(apr_time_from_msec(50));
    ck_assert_uint_eq(apr_atomic_read32(&a.done), 0);   /* it is blocked */
    if (term)
        ck_assert_int_eq(apr_queue_term(q), APR_SUCCESS);
    for (i = 0; i < 500 && !apr_atomic_read32(&a.done); i++) {
        if (!term)
            ck_assert_int_eq(apr_queue_interrupt_all(q), APR_SUCCESS);
        apr_sleep(apr_time_from_msec(10));
    }
    ck_assert_int_eq(apr_thread_join(&rv, t), APR_SUCCESS);
    if (!term)  /* still usable: the queue holds what it held */
        ck_assert_uint_eq(apr_queue_size(q), push ? 1 : 0);
    return a.rv;
}

START_TEST(test_interrupt_pop)
{
    ck_assert_int_eq(wake_blocked(0, 0), APR_EINTR);
}
END_TEST

START_TEST(test_interrupt_push)
{
    ck_assert_int_eq(wake_blocked(1, 0), APR_EINTR);
}
END_TEST

START_TEST(test_term_pop)
{
    ck_assert_int_eq(wake_blocked(0, 1), APR_EOF);
}
END_TEST

START_TEST(test_term_push)
{
    ck_assert_int_eq(wake_blocked(1, 1), APR_EOF);
}
END_TEST

/* A blocked consumer receives an item pushed by another thread. */
START_TEST(test_blocked_pop_gets_item)
{
    apr_queue_t *q;
    apr_thread_t *t;
    blocked_arg a = { 0 };
    apr_status_t rv;

    ck_assert_int_eq(apr_queue_create(&q, 1, p), APR_SUCCESS);
    a.q = q;
    ck_assert_int_eq(apr_thread_create(&t, NULL, blocker, &a, p),
                     APR_SUCCESS);
    apr_sleep(apr_time_from_msec(20));
    ck_assert_int_eq(apr_queue_push(q, ITEM(5)), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_join(&rv, t), APR_SUCCESS);
    ck_assert_int_eq(a.rv, APR_SUCCESS);
    ck_assert_uint_eq(apr_queue_size(q), 0);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("queue");
    TCase *tc = apr_test_tcase("queue");

    tcase_add_test(tc, test_fifo_and_try);
    tcase_add_test(tc, test_term_statuses);
    tcase_add_test(tc, test_many_producers_consumers);
    tcase_add_test(tc, test_interrupt_pop);
    tcase_add_test(tc, test_interrupt_push);
    tcase_add_test(tc, test_term_pop);
    tcase_add_test(tc, test_term_push);
    tcase_add_test(tc, test_blocked_pop_gets_item);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
