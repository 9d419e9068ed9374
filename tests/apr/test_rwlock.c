/*
 * Read/write locks (apr_thread_rwlock.h): 50 threads of readers and
 * writers with an exact final count, exclusion checked from inside the
 * lock, and the try-lock variants returning APR_EBUSY while it is held.
 *
 * The threads are plain pthreads: apr_thread_create belongs to the
 * threads suite.
 */
#include "testutil.h"

#include <pthread.h>
#include <sched.h>

#include "apr_thread_rwlock.h"

#define NTHREADS 50
#define ROUNDS 2000

START_TEST(create_destroy_pool)
{
    apr_thread_rwlock_t *l;
    apr_pool_t *sub;

    ck_assert_int_eq(apr_thread_rwlock_create(&l, p), APR_SUCCESS);
    ck_assert_ptr_eq(apr_thread_rwlock_pool_get(l), p);
    ck_assert_int_eq(apr_thread_rwlock_rdlock(l), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_rwlock_unlock(l), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_rwlock_wrlock(l), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_rwlock_unlock(l), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_rwlock_destroy(l), APR_SUCCESS);

    /* Left to its pool's cleanup. */
    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_rwlock_create(&l, sub), APR_SUCCESS);
    apr_pool_destroy(sub);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Contention                                                          */

static struct {
    apr_thread_rwlock_t *lock;
    long counter;            /* written under the write lock only */
    int readers, writers;    /* inside the lock now (atomics) */
    int violations;          /* exclusion broken (atomic) */
    int max_readers;         /* most readers seen inside at once */
} rw;

static void enter(int *who)
{
    __atomic_add_fetch(who, 1, __ATOMIC_SEQ_CST);
}

static void leave(int *who)
{
    __atomic_sub_fetch(who, 1, __ATOMIC_SEQ_CST);
}

static int now(int *who)
{
    return __atomic_load_n(who, __ATOMIC_SEQ_CST);
}

static void violation(void)
{
    __atomic_add_fetch(&rw.violations, 1, __ATOMIC_SEQ_CST);
}

static void *writer(void *arg)
{
    int i;

    (void)arg;
    for (i = 0; i < ROUNDS; i++) {
        long c;

        if (apr_thread_rwlock_wrlock(rw.lock) != APR_SUCCESS)
            violation();
        enter(&rw.writers);
        if (now(&rw.writers) != 1 || now(&rw.readers) != 0)
            violation();
        /* A deliberately non-atomic increment with a yield inside. */
        c = rw.counter;
        if (i % 64 == 0)
            sched_yield();
        rw.counter = c + 1;
        leave(&rw.writers);
        apr_thread_rwlock_unlock(rw.lock);
    }
    return NULL;
}

static void *reader(void *arg)
{
    int i;

    (void)arg;
    for (i = 0; i < ROUNDS; i++) {
        long before, after;
        int r;

        if (apr_thread_rwlock_rdlock(rw.lock) != APR_SUCCESS)
            violation();
        enter(&rw.readers);
        if (now(&rw.writers) != 0)
            violation();
        before = rw.counter;
        r = now(&rw.readers);
        if (r > __atomic_load_n(&rw.max_readers, __ATOMIC_RELAXED))
            __atomic_store_n(&rw.max_readers, r, __ATOMIC_RELAXED);
        if (i % 64 == 0)
            sched_yield();
        after = rw.counter;
        if (before != after)
            violation();
        leave(&rw.readers);
        apr_thread_rwlock_unlock(rw.lock);
    }
    return NULL;
}

START_TEST(readers_and_writers_exact)
{
    pthread_t th[NTHREADS];
    int i, nwriters = 0;

    ck_assert_int_eq(apr_thread_rwlock_create(&rw.lock, p), APR_SUCCESS);
    rw.counter = 0;
    rw.readers = rw.writers = rw.violations = rw.max_readers = 0;
    for (i = 0; i < NTHREADS; i++) {
        int is_writer = i % 5 == 0; /* 10 writers, 40 readers */

        nwriters += is_writer;
        ck_assert_int_eq(pthread_create(&th[i], NULL,
                                        is_writer ? writer : reader, NULL), 0);
    }
    for (i = 0; i < NTHREADS; i++)
        ck_assert_int_eq(pthread_join(th[i], NULL), 0);
    ck_assert_int_eq(rw.violations, 0);
    ck_assert_int_eq(rw.counter, (long)nwriters * ROUNDS);
    ck_assert_int_ge(rw.max_readers, 1);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Try-locks from another thread while this one holds the lock          */

static apr_thread_rwlock_t *held;

struct tries {
    apr_status_t rd, wr;
};

static void *try_both(void *arg)
{
    struct tries *t = arg;

    t->rd = apr_thread_rwlock_tryrdlock(held);
    if (t->rd == APR_SUCCESS)
        apr_thread_rwlock_unlock(held);
    t->wr = apr_thread_rwlock_trywrlock(held);
    if (t->wr == APR_SUCCESS)
        apr_thread_rwlock_unlock(held);
    return NULL;
}

static struct tries tries_from_other_thread(void)
{
    struct tries t = {-1, -1};
    pthread_t th;

    ck_assert_int_eq(pthread_create(&th, NULL, try_both, &t), 0);
    ck_assert_int_eq(pthread_join(th, NULL), 0);
    return t;
}

START_TEST(trylocks_busy_while_held)
{
    struct tries t;

    ck_assert_int_eq(apr_thread_rwlock_create(&held, p), APR_SUCCESS);

    /* Free: both succeed. */
    t = tries_from_other_thread();
    ck_assert_int_eq(t.rd, APR_SUCCESS);
    ck_assert_int_eq(t.wr, APR_SUCCESS);

    /* Write-locked here: both fail with EBUSY. */
    ck_assert_int_eq(apr_thread_rwlock_wrlock(held), APR_SUCCESS);
    t = tries_from_other_thread();
    ck_assert_int_eq(t.rd, APR_EBUSY);
    ck_assert(APR_STATUS_IS_EBUSY(t.rd));
    ck_assert_int_eq(t.wr, APR_EBUSY);
    ck_assert(APR_STATUS_IS_EBUSY(t.wr));
    ck_assert_int_eq(apr_thread_rwlock_unlock(held), APR_SUCCESS);

    /* Read-locked here: another reader gets in, a writer does not. */
    ck_assert_int_eq(apr_thread_rwlock_rdlock(held), APR_SUCCESS);
    t = tries_from_other_thread();
    ck_assert_int_eq(t.rd, APR_SUCCESS);
    ck_assert_int_eq(t.wr, APR_EBUSY);
    ck_assert_int_eq(apr_thread_rwlock_unlock(held), APR_SUCCESS);

    /* Released: free again. */
    t = tries_from_other_thread();
    ck_assert_int_eq(t.rd, APR_SUCCESS);
    ck_assert_int_eq(t.wr, APR_SUCCESS);
    ck_assert_int_eq(apr_thread_rwlock_destroy(held), APR_SUCCESS);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("rwlock");
    TCase *tc = apr_test_tcase("rwlock");

    tcase_add_test(tc, create_destroy_pool);
    tcase_add_test(tc, readers_and_writers_exact);
    tcase_add_test(tc, trylocks_busy_while_held);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
