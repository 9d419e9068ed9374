/*
 * The node allocator (apr_allocator.h) and thread mutexes
 * (apr_thread_mutex.h), which the allocator uses to be shared by threads.
 *
 * The contention tests use plain pthreads: APR threads are not part of
 * this suite's module.
 */
#include "testutil.h"

#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <string.h>
#include <sys/time.h>

#include "apr_allocator.h"
#include "apr_thread_mutex.h"
#include "apr_time.h"

#define PAGE 4096

/* ------------------------------------------------------------------ */
/* Allocator                                                          */

START_TEST(align_rounds_to_pages)
{
    apr_allocator_t *a;

    ck_assert_int_eq(apr_allocator_create(&a), APR_SUCCESS);
    /* Header included, 4 KiB pages, two pages at least. */
    ck_assert_uint_eq(apr_allocator_align(a, 0), 2 * PAGE);
    ck_assert_uint_eq(apr_allocator_align(a, 1), 2 * PAGE);
    ck_assert_uint_eq(apr_allocator_align(a, 2 * PAGE - APR_MEMNODE_T_SIZE),
                      2 * PAGE);
    ck_assert_uint_eq(apr_allocator_align(a, 2 * PAGE - APR_MEMNODE_T_SIZE + 1),
                      3 * PAGE);
    ck_assert_uint_eq(apr_allocator_align(a, 2 * PAGE), 3 * PAGE);
    ck_assert_uint_eq(apr_allocator_align(a, 100000), 25 * PAGE);
    /* Overflow gives 0. */
    ck_assert_uint_eq(apr_allocator_align(a, (apr_size_t)-1), 0);
    ck_assert_uint_eq(apr_allocator_align(a, (apr_size_t)-PAGE), 0);
    ck_assert_uint_eq(APR_MEMNODE_T_SIZE % 8, 0);
    ck_assert_uint_ge(APR_MEMNODE_T_SIZE, sizeof(apr_memnode_t));
    apr_allocator_destroy(a);
}
END_TEST

static void check_node(apr_allocator_t *a, apr_memnode_t *n, apr_size_t size)
{
    apr_size_t total = apr_allocator_align(a, size);

    ck_assert_ptr_nonnull(n);
    ck_assert_ptr_eq(n->first_avail, (char *)n + APR_MEMNODE_T_SIZE);
    ck_assert_uint_ge((apr_size_t)(n->endp - n->first_avail), size);
    ck_assert_uint_eq((apr_size_t)(n->endp - (char *)n), total);
    ck_assert_uint_eq(n->index, total / PAGE - 1);
    ck_assert_ptr_null(n->next);
    ck_assert_uint_eq((uintptr_t)n->first_avail % 8, 0);
    memset(n->first_avail, 0x5a, (apr_size_t)(n->endp - n->first_avail));
}

START_TEST(alloc_gives_described_nodes)
{
    static const apr_size_t sizes[] = {0, 1, 100, 8000, 8152, 8153, 20000,
                                       81920, 200000, 1 << 22};
    apr_allocator_t *a;
    size_t i;

    ck_assert_int_eq(apr_allocator_create(&a), APR_SUCCESS);
    for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        apr_memnode_t *n = apr_allocator_alloc(a, sizes[i]);
        check_node(a, n, sizes[i]);
        apr_allocator_free(a, n);
    }
    apr_allocator_destroy(a);
}
END_TEST

static apr_size_t opaque_size(apr_size_t v)
{
    volatile apr_size_t x = v;
    return x;
}

START_TEST(alloc_too_big_fails)
{
    apr_allocator_t *a;

    ck_assert_int_eq(apr_allocator_create(&a), APR_SUCCESS);
    ck_assert_ptr_null(apr_allocator_alloc(a, opaque_size((apr_size_t)-1)));
    ck_assert_ptr_null(apr_allocator_alloc(a, opaque_size((apr_size_t)-1 / 2)));
    apr_allocator_destroy(a);
}
END_TEST

START_TEST(freed_nodes_are_reused_last_first)
{
    apr_allocator_t *a;
    apr_memnode_t *n1, *n2, *big, *again;

    ck_assert_int_eq(apr_allocator_create(&a), APR_SUCCESS);
    n1 = apr_allocator_alloc(a, 100);
    n2 = apr_allocator_alloc(a, 100);
    ck_assert_ptr_ne(n1, n2);
    apr_allocator_free(a, n1);
    apr_allocator_free(a, n2);
    again = apr_allocator_alloc(a, 100);
    ck_assert_ptr_eq(again, n2);
    check_node(a, again, 100);
    ck_assert_ptr_eq(apr_allocator_alloc(a, 100), n1);

    /* A list of nodes goes back in one call. */
    n1->next = n2;
    n2->next = NULL;
    apr_allocator_free(a, n1);
    ck_assert_ptr_eq(apr_allocator_alloc(a, 100), n2);
    ck_assert_ptr_eq(apr_allocator_alloc(a, 100), n1);
    apr_allocator_free(a, n1);
    apr_allocator_free(a, n2);

    /* Big nodes (beyond the sized lists) are reused too. */
    big = apr_allocator_alloc(a, 500000);
    check_node(a, big, 500000);
    apr_allocator_free(a, big);
    again = apr_allocator_alloc(a, 500000);
    ck_assert_ptr_eq(again, big);
    check_node(a, again, 500000);
    apr_allocator_free(a, again);

    /* Destroy releases what sits in the free lists (ASan/valgrind). */
    apr_allocator_destroy(a);
}
END_TEST

START_TEST(max_free_releases_beyond_threshold)
{
    apr_allocator_t *a;
    apr_memnode_t *n1, *n2, *again;

    ck_assert_int_eq(apr_allocator_create(&a), APR_SUCCESS);
    /* Room for one 8 KiB node: the second one freed goes to the system,
     * so the next allocation gets the first one back. */
    apr_allocator_max_free_set(a, 2 * PAGE);
    n1 = apr_allocator_alloc(a, 100);
    n2 = apr_allocator_alloc(a, 100);
    apr_allocator_free(a, n1);
    apr_allocator_free(a, n2);
    again = apr_allocator_alloc(a, 100);
    ck_assert_ptr_eq(again, n1);
    apr_allocator_free(a, again);

    /* A node bigger than the threshold is never kept... */
    n2 = apr_allocator_alloc(a, 300000);
    apr_allocator_free(a, n2);
    /* ...and the kept 8 KiB node is still there. */
    ck_assert_ptr_eq(apr_allocator_alloc(a, 100), n1);
    apr_allocator_free(a, n1);

    /* Back to unlimited: both are kept, the last freed comes first. */
    apr_allocator_max_free_set(a, APR_ALLOCATOR_MAX_FREE_UNLIMITED);
    n1 = apr_allocator_alloc(a, 100);
    n2 = apr_allocator_alloc(a, 100);
    apr_allocator_free(a, n1);
    apr_allocator_free(a, n2);
    ck_assert_ptr_eq(apr_allocator_alloc(a, 100), n2);
    ck_assert_ptr_eq(apr_allocator_alloc(a, 100), n1);
    apr_allocator_free(a, n1);
    apr_allocator_free(a, n2);
    apr_allocator_destroy(a);
}
END_TEST

START_TEST(owner_and_mutex)
{
    apr_allocator_t *a;
    apr_thread_mutex_t *m;
    apr_pool_t *owner;
    apr_memnode_t *n;

    ck_assert_int_eq(apr_allocator_create(&a), APR_SUCCESS);
    ck_assert_ptr_null(apr_allocator_owner_get(a));
    ck_assert_ptr_null(apr_allocator_mutex_get(a));

    ck_assert_int_eq(apr_thread_mutex_create(&m, APR_THREAD_MUTEX_DEFAULT, p),
                     APR_SUCCESS);
    apr_allocator_mutex_set(a, m);
    ck_assert_ptr_eq(apr_allocator_mutex_get(a), m);
    n = apr_allocator_alloc(a, 10);
    ck_assert_ptr_nonnull(n);
    apr_allocator_free(a, n);
    apr_allocator_mutex_set(a, NULL);
    ck_assert_ptr_null(apr_allocator_mutex_get(a));

    /* The owning pool destroys the allocator (no leak under ASan). */
    ck_assert_int_eq(apr_pool_create_unmanaged_ex(&owner, NULL, a),
                     APR_SUCCESS);
    apr_allocator_owner_set(a, owner);
    ck_assert_ptr_eq(apr_allocator_owner_get(a), owner);
    memset(apr_palloc(owner, 100000), 0, 100000);
    apr_pool_destroy(owner);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Thread mutex                                                       */

START_TEST(mutex_lock_unlock_trylock)
{
    static const unsigned int kinds[] = {
        APR_THREAD_MUTEX_DEFAULT, APR_THREAD_MUTEX_NESTED,
        APR_THREAD_MUTEX_UNNESTED, APR_THREAD_MUTEX_TIMED,
    };
    size_t i;

    for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        apr_thread_mutex_t *m;

        ck_assert_int_eq(apr_thread_mutex_create(&m, kinds[i], p),
                         APR_SUCCESS);
        ck_assert_ptr_eq(apr_thread_mutex_pool_get(m), p);
        ck_assert_int_eq(apr_thread_mutex_lock(m), APR_SUCCESS);
        ck_assert_int_eq(apr_thread_mutex_unlock(m), APR_SUCCESS);
        ck_assert_int_eq(apr_thread_mutex_trylock(m), APR_SUCCESS);
        ck_assert_int_eq(apr_thread_mutex_unlock(m), APR_SUCCESS);
        ck_assert_int_eq(apr_thread_mutex_destroy(m), APR_SUCCESS);
    }
}
END_TEST

START_TEST(nested_mutex_relocks)
{
    apr_thread_mutex_t *m;

    ck_assert_int_eq(apr_thread_mutex_create(&m, APR_THREAD_MUTEX_NESTED, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_thread_mutex_lock(m), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_mutex_lock(m), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_mutex_trylock(m), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_mutex_timedlock(m, 1000), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_mutex_unlock(m), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_mutex_unlock(m), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_mutex_unlock(m), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_mutex_unlock(m), APR_SUCCESS);
    /* Unlocking once too often is an error for a recursive mutex (which
     * ThreadSanitizer reports as the misuse it is: not checked there). */
#if !defined(__SANITIZE_THREAD__)
    ck_assert_int_ne(apr_thread_mutex_unlock(m), APR_SUCCESS);
#endif
}
END_TEST

struct holder {
    apr_thread_mutex_t *m;
    sem_t gate;             /* posted when the holder may let go */
    int locked;             /* atomic: set once the holder has the lock */
    apr_status_t rv;
};

static void *hold_mutex(void *arg)
{
    struct holder *h = arg;

    h->rv = apr_thread_mutex_lock(h->m);
    __atomic_store_n(&h->locked, 1, __ATOMIC_RELEASE);
    while (sem_wait(&h->gate) != 0)
        ;
    apr_thread_mutex_unlock(h->m);
    return NULL;
}

/* Starts a thread that holds h->m until release_holder(). */
static pthread_t start_holder(struct holder *h)
{
    pthread_t t;

    sem_init(&h->gate, 0, 0);
    __atomic_store_n(&h->locked, 0, __ATOMIC_RELAXED);
    ck_assert_int_eq(pthread_create(&t, NULL, hold_mutex, h), 0);
    while (!__atomic_load_n(&h->locked, __ATOMIC_ACQUIRE))
        sched_yield();
    return t;
}

static void release_holder(struct holder *h, pthread_t t)
{
    sem_post(&h->gate);
    pthread_join(t, NULL);
    sem_destroy(&h->gate);
    ck_assert_int_eq(h->rv, APR_SUCCESS);
}

static apr_time_t now_usec(void)
{
    struct timeval tv;

    gettimeofday(&tv, NULL);
    return (apr_time_t)tv.tv_sec * 1000000 + tv.tv_usec;
}

START_TEST(trylock_and_timedlock_when_held)
{
    struct holder h;
    apr_time_t start, waited;
    apr_status_t rv;
    pthread_t t;

    ck_assert_int_eq(apr_thread_mutex_create(&h.m, APR_THREAD_MUTEX_TIMED, p),
                     APR_SUCCESS);
    t = start_holder(&h);

    rv = apr_thread_mutex_trylock(h.m);
    ck_assert_int_eq(rv, APR_EBUSY);
    ck_assert(APR_STATUS_IS_EBUSY(rv));

    start = now_usec();
    rv = apr_thread_mutex_timedlock(h.m, 100000);   /* 0.1 s */
    waited = now_usec() - start;
    ck_assert_int_eq(rv, APR_TIMEUP);
    ck_assert(APR_STATUS_IS_TIMEUP(rv));
    ck_assert_int_ge(waited, 90000);

    /* A timeout of zero or less only tries. */
    ck_assert_int_eq(apr_thread_mutex_timedlock(h.m, 0), APR_TIMEUP);
    ck_assert_int_eq(apr_thread_mutex_timedlock(h.m, -5), APR_TIMEUP);

    release_holder(&h, t);
    ck_assert_int_eq(apr_thread_mutex_timedlock(h.m, 100000), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_mutex_unlock(h.m), APR_SUCCESS);
}
END_TEST

/* timedlock gets the mutex when its holder lets it go in time. */
static void *release_later(void *arg)
{
    struct holder *h = arg;
    struct timespec ts = {0, 50 * 1000 * 1000};

    nanosleep(&ts, NULL);
    sem_post(&h->gate);
    return NULL;
}

START_TEST(timedlock_succeeds_when_released)
{
    struct holder h;
    pthread_t t, r;

    ck_assert_int_eq(apr_thread_mutex_create(&h.m, APR_THREAD_MUTEX_TIMED, p),
                     APR_SUCCESS);
    t = start_holder(&h);
    ck_assert_int_eq(pthread_create(&r, NULL, release_later, &h), 0);
    ck_assert_int_eq(apr_thread_mutex_timedlock(h.m, 5 * 1000000),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_thread_mutex_unlock(h.m), APR_SUCCESS);
    pthread_join(r, NULL);
    pthread_join(t, NULL);
    sem_destroy(&h.gate);
}
END_TEST

#define CONTENDERS 4
#define ROUNDS 100000

static apr_thread_mutex_t *shared_mutex;
static long counter;

static void *contend(void *arg)
{
    int i;

    (void)arg;
    for (i = 0; i < ROUNDS; i++) {
        if (i % 2) {
            while (apr_thread_mutex_trylock(shared_mutex) != APR_SUCCESS)
                sched_yield();
        }
        else if (apr_thread_mutex_lock(shared_mutex) != APR_SUCCESS) {
            return (void *)1;
        }
        counter++;
        if (apr_thread_mutex_unlock(shared_mutex) != APR_SUCCESS)
            return (void *)1;
    }
    return NULL;
}

static void run_contention(unsigned int flags)
{
    pthread_t t[CONTENDERS];
    void *res;
    int i;

    ck_assert_int_eq(apr_thread_mutex_create(&shared_mutex, flags, p),
                     APR_SUCCESS);
    counter = 0;
    for (i = 0; i < CONTENDERS; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, contend, NULL), 0);
    for (i = 0; i < CONTENDERS; i++) {
        ck_assert_int_eq(pthread_join(t[i], &res), 0);
        ck_assert_ptr_null(res);
    }
    ck_assert_int_eq(counter, (long)CONTENDERS * ROUNDS);
}

START_TEST(contention_default)
{
    run_contention(APR_THREAD_MUTEX_DEFAULT);
}
END_TEST

START_TEST(contention_nested)
{
    run_contention(APR_THREAD_MUTEX_NESTED);
}
END_TEST

static apr_status_t mark_cleanup(void *data)
{
    *(int *)data = 1;
    return APR_SUCCESS;
}

START_TEST(mutex_lives_in_its_pool)
{
    apr_pool_t *sub;
    apr_thread_mutex_t *m;
    static int marker;

    /* The pool cleanup destroys the mutex; destroying it first
     * unregisters that cleanup (ASan/valgrind see no double destroy). */
    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_mutex_create(&m, APR_THREAD_MUTEX_NESTED, sub),
                     APR_SUCCESS);
    ck_assert_ptr_eq(apr_thread_mutex_pool_get(m), sub);
    apr_pool_cleanup_register(sub, &marker, mark_cleanup,
                              apr_pool_cleanup_null);
    apr_pool_clear(sub);
    ck_assert_int_eq(marker, 1);
    ck_assert_int_eq(apr_thread_mutex_create(&m, 0, sub), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_mutex_destroy(m), APR_SUCCESS);
    apr_pool_destroy(sub);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("allocator");
    TCase *tc = apr_test_tcase("allocator");

    tcase_add_test(tc, align_rounds_to_pages);
    tcase_add_test(tc, alloc_gives_described_nodes);
    tcase_add_test(tc, alloc_too_big_fails);
    tcase_add_test(tc, freed_nodes_are_reused_last_first);
    tcase_add_test(tc, max_free_releases_beyond_threshold);
    tcase_add_test(tc, owner_and_mutex);
    suite_add_tcase(s, tc);

    tc = apr_test_tcase("thread_mutex");
    tcase_add_test(tc, mutex_lock_unlock_trylock);
    tcase_add_test(tc, nested_mutex_relocks);
    tcase_add_test(tc, trylock_and_timedlock_when_held);
    tcase_add_test(tc, timedlock_succeeds_when_released);
    tcase_add_test(tc, contention_default);
    tcase_add_test(tc, contention_nested);
    tcase_add_test(tc, mutex_lives_in_its_pool);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
