/*
 * Condition variables (apr_thread_cond.h): hand-off between a producer
 * and a consumer, timed waits, signal waking one waiter and broadcast
 * waking all.
 *
 * The threads are plain pthreads: apr_thread_create belongs to the
 * threads suite.
 */
#include "testutil.h"

#include <pthread.h>
#include <time.h>

#include "apr_thread_cond.h"
#include "apr_thread_mutex.h"
#include "apr_time.h"

/* Microseconds on a clock that setting the date does not move. */
static apr_interval_time_t mono_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (apr_interval_time_t)ts.tv_sec * APR_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

    nanosleep(&ts, NULL);
}

START_TEST(create_destroy_pool)
{
    apr_thread_cond_t *cond;
    apr_pool_t *sub;

    ck_assert_int_eq(apr_thread_cond_create(&cond, p), APR_SUCCESS);
    ck_assert_ptr_eq(apr_thread_cond_pool_get(cond), p);
    /* Nobody waits: signal and broadcast do nothing and succeed. */
    ck_assert_int_eq(apr_thread_cond_signal(cond), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_cond_broadcast(cond), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_cond_destroy(cond), APR_SUCCESS);

    /* Left to its pool's cleanup. */
    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_cond_create(&cond, sub), APR_SUCCESS);
    apr_pool_destroy(sub);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Producer / consumer through a one-slot box                          */

#define ITEMS 20000

static struct {
    apr_thread_mutex_t *lock;
    apr_thread_cond_t *not_empty, *not_full;
    int full, item;
} box;

static void *producer(void *arg)
{
    int i;

    (void)arg;
    for (i = 1; i <= ITEMS; i++) {
        apr_thread_mutex_lock(box.lock);
        while (box.full)
            apr_thread_cond_wait(box.not_full, box.lock);
        box.item = i;
        box.full = 1;
        apr_thread_cond_signal(box.not_empty);
        apr_thread_mutex_unlock(box.lock);
    }
    return NULL;
}

START_TEST(producer_consumer)
{
    pthread_t th;
    int i;

    ck_assert_int_eq(apr_thread_mutex_create(&box.lock, APR_THREAD_MUTEX_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_thread_cond_create(&box.not_empty, p), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_cond_create(&box.not_full, p), APR_SUCCESS);
    box.full = 0;
    ck_assert_int_eq(pthread_create(&th, NULL, producer, NULL), 0);
    for (i = 1; i <= ITEMS; i++) {
        int got;

        ck_assert_int_eq(apr_thread_mutex_lock(box.lock), APR_SUCCESS);
        while (!box.full)
            ck_assert_int_eq(apr_thread_cond_wait(box.not_empty, box.lock),
                             APR_SUCCESS);
        got = box.item;
        box.full = 0;
        ck_assert_int_eq(apr_thread_cond_signal(box.not_full), APR_SUCCESS);
        ck_assert_int_eq(apr_thread_mutex_unlock(box.lock), APR_SUCCESS);
        /* In order, none lost, none twice. */
        ck_assert_int_eq(got, i);
    }
    ck_assert_int_eq(pthread_join(th, NULL), 0);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Timed waits                                                         */

START_TEST(timedwait_times_out_not_early)
{
    apr_thread_mutex_t *lock;
    apr_thread_cond_t *cond;
    apr_interval_time_t start, elapsed;
    apr_status_t rv;

    ck_assert_int_eq(apr_thread_mutex_create(&lock, APR_THREAD_MUTEX_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_thread_cond_create(&cond, p), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_mutex_lock(lock), APR_SUCCESS);
    start = mono_now();
    rv = apr_thread_cond_timedwait(cond, lock, 200000);
    elapsed = mono_now() - start;
    ck_assert_int_eq(rv, APR_TIMEUP);
    ck_assert(APR_STATUS_IS_TIMEUP(rv));
    ck_assert_int_ge(elapsed, 200000);
    ck_assert_int_lt(elapsed, 10 * APR_USEC_PER_SEC);
    /* The mutex is held again on return. */
    ck_assert_int_eq(apr_thread_mutex_trylock(lock), APR_EBUSY);
    ck_assert_int_eq(apr_thread_mutex_unlock(lock), APR_SUCCESS);
}
END_TEST

START_TEST(timedwait_zero)
{
    apr_thread_mutex_t *lock;
    apr_thread_cond_t *cond;
    apr_interval_time_t start;

    ck_assert_int_eq(apr_thread_mutex_create(&lock, APR_THREAD_MUTEX_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_thread_cond_create(&cond, p), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_mutex_lock(lock), APR_SUCCESS);
    start = mono_now();
    ck_assert_int_eq(apr_thread_cond_timedwait(cond, lock, 0), APR_TIMEUP);
    ck_assert_int_eq(apr_thread_cond_timedwait(cond, lock, 0), APR_TIMEUP);
    ck_assert_int_lt(mono_now() - start, 5 * APR_USEC_PER_SEC);
    ck_assert_int_eq(apr_thread_mutex_unlock(lock), APR_SUCCESS);
}
END_TEST

static struct {
    apr_thread_mutex_t *lock;
    apr_thread_cond_t *cond;
    int flag;
} wake;

static void *set_flag_later(void *arg)
{
    (void)arg;
    sleep_ms(100);
    apr_thread_mutex_lock(wake.lock);
    wake.flag = 1;
    apr_thread_cond_signal(wake.cond);
    apr_thread_mutex_unlock(wake.lock);
    return NULL;
}

START_TEST(timedwait_woken_in_time)
{
    pthread_t th;
    apr_interval_time_t start;
    apr_status_t rv = APR_SUCCESS;

    ck_assert_int_eq(apr_thread_mutex_create(&wake.lock, APR_THREAD_MUTEX_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_thread_cond_create(&wake.cond, p), APR_SUCCESS);
    wake.flag = 0;
    ck_assert_int_eq(apr_thread_mutex_lock(wake.lock), APR_SUCCESS);
    ck_assert_int_eq(pthread_create(&th, NULL, set_flag_later, NULL), 0);
    start = mono_now();
    while (!wake.flag && rv == APR_SUCCESS)
        rv = apr_thread_cond_timedwait(wake.cond, wake.lock, 30 * APR_USEC_PER_SEC);
    ck_assert_int_eq(rv, APR_SUCCESS);
    ck_assert_int_eq(wake.flag, 1);
    ck_assert_int_lt(mono_now() - start, 20 * APR_USEC_PER_SEC);
    ck_assert_int_eq(apr_thread_mutex_unlock(wake.lock), APR_SUCCESS);
    ck_assert_int_eq(pthread_join(th, NULL), 0);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Signal wakes one, broadcast wakes all                               */

#define WAITERS 8

static struct {
    apr_thread_mutex_t *lock;
    apr_thread_cond_t *cond;
    int waiting;  /* threads that have started waiting */
    int tokens;   /* each wakes one waiter for good */
    int done;     /* waiters that took a token and left */
} crowd;

static void *waiter(void *arg)
{
    (void)arg;
    apr_thread_mutex_lock(crowd.lock);
    crowd.waiting++;
    while (crowd.tokens == 0)
        apr_thread_cond_wait(crowd.cond, crowd.lock);
    crowd.tokens--;
    crowd.done++;
    apr_thread_mutex_unlock(crowd.lock);
    return NULL;
}

static int crowd_get(const int *field)
{
    int v;

    apr_thread_mutex_lock(crowd.lock);
    v = *field;
    apr_thread_mutex_unlock(crowd.lock);
    return v;
}

START_TEST(signal_one_broadcast_all)
{
    pthread_t th[WAITERS];
    int i;

    ck_assert_int_eq(apr_thread_mutex_create(&crowd.lock, APR_THREAD_MUTEX_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_thread_cond_create(&crowd.cond, p), APR_SUCCESS);
    crowd.waiting = crowd.tokens = crowd.done = 0;
    for (i = 0; i < WAITERS; i++)
        ck_assert_int_eq(pthread_create(&th[i], NULL, waiter, NULL), 0);
    for (i = 0; i < 10000 && crowd_get(&crowd.waiting) < WAITERS; i++)
        sleep_ms(1);
    ck_assert_int_eq(crowd_get(&crowd.waiting), WAITERS);

    /* One token and one signal: one waiter leaves, the others stay. */
    apr_thread_mutex_lock(crowd.lock);
    crowd.tokens = 1;
    ck_assert_int_eq(apr_thread_cond_signal(crowd.cond), APR_SUCCESS);
    apr_thread_mutex_unlock(crowd.lock);
    for (i = 0; i < 10000 && crowd_get(&crowd.done) < 1; i++)
        sleep_ms(1);
    sleep_ms(50);
    ck_assert_int_eq(crowd_get(&crowd.done), 1);

    /* Tokens for all the rest and one broadcast: every waiter leaves. */
    apr_thread_mutex_lock(crowd.lock);
    crowd.tokens = WAITERS - 1;
    ck_assert_int_eq(apr_thread_cond_broadcast(crowd.cond), APR_SUCCESS);
    apr_thread_mutex_unlock(crowd.lock);
    for (i = 0; i < WAITERS; i++)
        ck_assert_int_eq(pthread_join(th[i], NULL), 0);
    ck_assert_int_eq(crowd.done, WAITERS);
    ck_assert_int_eq(crowd.tokens, 0);
}
END_TEST

/* A negative timeout is no timeout at all (APR 1.7): only the signal
 * ends the wait. */
START_TEST(timedwait_negative_waits_for_signal)
{
    pthread_t th;
    apr_interval_time_t start;
    apr_status_t rv = APR_SUCCESS;

    ck_assert_int_eq(apr_thread_mutex_create(&wake.lock, APR_THREAD_MUTEX_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_thread_cond_create(&wake.cond, p), APR_SUCCESS);
    wake.flag = 0;
    ck_assert_int_eq(apr_thread_mutex_lock(wake.lock), APR_SUCCESS);
    start = mono_now();
    ck_assert_int_eq(pthread_create(&th, NULL, set_flag_later, NULL), 0);
    while (!wake.flag && rv == APR_SUCCESS)
        rv = apr_thread_cond_timedwait(wake.cond, wake.lock, -1);
    ck_assert_int_eq(rv, APR_SUCCESS);
    ck_assert_int_eq(wake.flag, 1);
    /* set_flag_later signals after 100 ms: the wait lasted that long. */
    ck_assert_int_ge(mono_now() - start, 100000);
    ck_assert_int_eq(apr_thread_mutex_unlock(wake.lock), APR_SUCCESS);
    ck_assert_int_eq(pthread_join(th, NULL), 0);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("cond");
    TCase *tc = apr_test_tcase("cond");

    tcase_add_test(tc, create_destroy_pool);
    tcase_add_test(tc, producer_consumer);
    tcase_add_test(tc, timedwait_times_out_not_early);
    tcase_add_test(tc, timedwait_zero);
    tcase_add_test(tc, timedwait_negative_waits_for_signal);
    tcase_add_test(tc, timedwait_woken_in_time);
    tcase_add_test(tc, signal_one_broadcast_all);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
