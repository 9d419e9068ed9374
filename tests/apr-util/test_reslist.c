/*
 * apr_reslist.h: min resources made up front, hmax blocking then timing
 * out, ttl expiry above smax, invalidate, LIFO reuse, cleanup order and
 * many threads sharing a list.
 */
#include "testutil.h"
#include "apr_atomic.h"
#include "apr_reslist.h"
#include "apr_thread_proc.h"
#include "apr_time.h"

typedef struct {
    volatile apr_uint32_t made, destroyed, in_use, max_in_use;
    int fail_at;        /* the constructor's call number that fails (1-) */
    apr_pool_t *seen_pool;
} counters;

typedef struct {
    int id;
    apr_pool_t *sub;    /* a child of the list's pool (cleanup order) */
    int *sub_gone;      /* set by the child pool's cleanup */
} resource;

static apr_status_t sub_gone(void *data)
{
    *(int *)data = 1;
    return APR_SUCCESS;
}

static apr_status_t con(void **r, void *params, apr_pool_t *pool)
{
    counters *c = params;
    apr_uint32_t n = apr_atomic_inc32(&c->made) + 1;
    resource *res;

    if (c->fail_at && (int)n == c->fail_at)
        return APR_ENOSPC;
    res = apr_pcalloc(pool, sizeof(*res));
    res->id = (int)n;
    res->sub_gone = apr_pcalloc(pool, sizeof(int));
    apr_pool_create(&res->sub, pool);
    apr_pool_cleanup_register(res->sub, res->sub_gone, sub_gone,
                              apr_pool_cleanup_null);
    c->seen_pool = pool;
    *r = res;
    return APR_SUCCESS;
}

/* Records, in the resource, whether its child pool was already gone. */
static int gone_at_destroy[16];

static apr_status_t de(void *r, void *params, apr_pool_t *pool)
{
    counters *c = params;
    resource *res = r;

    (void)pool;
    if (res->id < 16)
        gone_at_destroy[res->id] = *res->sub_gone ? 1 : 2;
    apr_atomic_inc32(&c->destroyed);
    return APR_SUCCESS;
}

START_TEST(test_bad_args)
{
    apr_reslist_t *rl;
    counters c = { 0 };

    ck_assert_int_eq(apr_reslist_create(&rl, 2, 1, 3, 0, con, de, &c, p),
                     APR_EINVAL);
    ck_assert_int_eq(apr_reslist_create(&rl, 0, 0, 0, 0, con, de, &c, p),
                     APR_EINVAL);
    ck_assert_int_eq(apr_reslist_create(&rl, 0, 2, 1, 0, con, de, &c, p),
                     APR_EINVAL);
    ck_assert_int_eq(apr_reslist_create(&rl, -1, 0, 1, 0, con, de, &c, p),
                     APR_EINVAL);
    ck_assert_int_eq(apr_reslist_create(&rl, 0, 0, 1, -1, con, de, &c, p),
                     APR_EINVAL);
    ck_assert_uint_eq(c.made, 0);
}
END_TEST

START_TEST(test_min_made_up_front)
{
    apr_reslist_t *rl;
    counters c = { 0 };

    ck_assert_int_eq(apr_reslist_create(&rl, 3, 4, 6, 0, con, de, &c, p),
                     APR_SUCCESS);
    ck_assert_uint_eq(c.made, 3);
    ck_assert_ptr_eq(c.seen_pool, p);   /* the constructor gets `pool` */
    ck_assert_uint_eq(apr_reslist_acquired_count(rl), 0);
    ck_assert_int_eq(apr_reslist_destroy(rl), APR_SUCCESS);
    ck_assert_uint_eq(c.destroyed, 3);
}
END_TEST

START_TEST(test_constructor_fails)
{
    apr_reslist_t *rl;
    counters c = { 0 };

    c.fail_at = 2;
    ck_assert_int_eq(apr_reslist_create(&rl, 3, 3, 5, 0, con, de, &c, p),
                     APR_ENOSPC);
    ck_assert_uint_eq(c.made, 2);
    ck_assert_uint_eq(c.destroyed, 1);  /* the one made is undone */
}
END_TEST

START_TEST(test_hmax_times_out)
{
    apr_reslist_t *rl;
    counters c = { 0 };
    void *r[3], *x = NULL;
    apr_time_t t0;
    int i;

    ck_assert_int_eq(apr_reslist_create(&rl, 1, 2, 3, 0, con, de, &c, p),
                     APR_SUCCESS);
    for (i = 0; i < 3; i++)
        ck_assert_int_eq(apr_reslist_acquire(rl, &r[i]), APR_SUCCESS);
    ck_assert_uint_eq(c.made, 3);
    ck_assert_uint_eq(apr_reslist_acquired_count(rl), 3);
    apr_reslist_timeout_set(rl, apr_time_from_msec(100));
    t0 = apr_time_now();
    /* APR-util returns the condition variable's APR_TIMEUP here. */
    ck_assert_int_eq(apr_reslist_acquire(rl, &x), APR_TIMEUP);
    ck_assert_int_ge(apr_time_now() - t0, apr_time_from_msec(95));
    ck_assert_int_lt(apr_time_now() - t0, apr_time_from_sec(10));
    ck_assert_uint_eq(c.made, 3);
    /* LIFO: the last released is the next acquired */
    ck_assert_int_eq(apr_reslist_release(rl, r[0]), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_release(rl, r[2]), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_acquire(rl, &x), APR_SUCCESS);
    ck_assert_ptr_eq(x, r[2]);
    ck_assert_int_eq(apr_reslist_release(rl, x), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_release(rl, r[1]), APR_SUCCESS);
    ck_assert_uint_eq(apr_reslist_acquired_count(rl), 0);
    /* (destroyed here: the destructor's counters live on this stack) */
    ck_assert_int_eq(apr_reslist_destroy(rl), APR_SUCCESS);
    ck_assert_uint_eq(c.destroyed, 3);
}
END_TEST

typedef struct {
    apr_reslist_t *rl;
    void *got;
    apr_status_t rv;
} acq_arg;

static void *APR_THREAD_FUNC acquirer(apr_thread_t *t, void *data)
{
    acq_arg *a = data;

    a->rv = apr_reslist_acquire(a->rl, &a->got);
    apr_thread_exit(t, APR_SUCCESS);
    return NULL;
}

/* With no timeout an acquirer waits until a release (or invalidate). */
START_TEST(test_blocked_acquire_woken)
{
    apr_reslist_t *rl;
    counters c = { 0 };
    void *r1, *r2;
    acq_arg a = { 0 };
    apr_thread_t *t;
    apr_status_t rv;

    ck_assert_int_eq(apr_reslist_create(&rl, 0, 1, 1, 0, con, de, &c, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_acquire(rl, &r1), APR_SUCCESS);
    a.rl = rl;
    ck_assert_int_eq(apr_thread_create(&t, NULL, acquirer, &a, p),
                     APR_SUCCESS);
    apr_sleep(apr_time_from_msec(50));
    ck_assert_int_eq(apr_reslist_release(rl, r1), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_join(&rv, t), APR_SUCCESS);
    ck_assert_int_eq(a.rv, APR_SUCCESS);
    ck_assert_ptr_eq(a.got, r1);

    /* invalidate frees the slot: a waiter gets a new resource */
    a.got = NULL;
    ck_assert_int_eq(apr_thread_create(&t, NULL, acquirer, &a, p),
                     APR_SUCCESS);
    apr_sleep(apr_time_from_msec(50));
    ck_assert_int_eq(apr_reslist_invalidate(rl, r1), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_join(&rv, t), APR_SUCCESS);
    ck_assert_int_eq(a.rv, APR_SUCCESS);
    r2 = a.got;
    ck_assert_ptr_ne(r2, r1);
    ck_assert_uint_eq(c.made, 2);
    ck_assert_uint_eq(c.destroyed, 1);
    ck_assert_int_eq(apr_reslist_release(rl, r2), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_destroy(rl), APR_SUCCESS);
    ck_assert_uint_eq(c.destroyed, 2);
}
END_TEST

START_TEST(test_invalidate)
{
    apr_reslist_t *rl;
    counters c = { 0 };
    void *r1, *r2;

    ck_assert_int_eq(apr_reslist_create(&rl, 0, 2, 2, 0, con, de, &c, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_acquire(rl, &r1), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_acquire(rl, &r2), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_invalidate(rl, r1), APR_SUCCESS);
    ck_assert_uint_eq(c.destroyed, 1);
    ck_assert_uint_eq(apr_reslist_acquired_count(rl), 1);
    ck_assert_int_eq(apr_reslist_acquire(rl, &r1), APR_SUCCESS);
    ck_assert_uint_eq(c.made, 3);
    ck_assert_int_eq(apr_reslist_release(rl, r1), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_release(rl, r2), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_destroy(rl), APR_SUCCESS);
    ck_assert_uint_eq(c.destroyed, 3);
}
END_TEST

START_TEST(test_ttl_expiry)
{
    apr_reslist_t *rl;
    counters c = { 0 };
    void *r[4], *x;
    int i;

    ck_assert_int_eq(apr_reslist_create(&rl, 0, 1, 5, apr_time_from_msec(50),
                                        con, de, &c, p), APR_SUCCESS);
    for (i = 0; i < 4; i++)
        ck_assert_int_eq(apr_reslist_acquire(rl, &r[i]), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_release(rl, r[0]), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_release(rl, r[1]), APR_SUCCESS);
    ck_assert_uint_eq(c.destroyed, 0);      /* young: nothing expires */
    ck_assert_int_eq(apr_reslist_maintain(rl), APR_SUCCESS);
    ck_assert_uint_eq(c.destroyed, 0);
    apr_sleep(apr_time_from_msec(100));
    /* Two idle, smax 1: the oldest idle one goes (smax counts idle ones). */
    ck_assert_int_eq(apr_reslist_maintain(rl), APR_SUCCESS);
    ck_assert_uint_eq(c.destroyed, 1);
    ck_assert_uint_eq(apr_reslist_acquired_count(rl), 2);
    /* acquire destroys an expired idle one even within smax */
    ck_assert_int_eq(apr_reslist_acquire(rl, &x), APR_SUCCESS);
    ck_assert_uint_eq(c.destroyed, 2);
    ck_assert_uint_eq(c.made, 5);
    ck_assert_int_eq(apr_reslist_release(rl, x), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_release(rl, r[2]), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_release(rl, r[3]), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_destroy(rl), APR_SUCCESS);
    ck_assert_uint_eq(c.destroyed, c.made);
}
END_TEST

START_TEST(test_min_restored_by_maintain)
{
    apr_reslist_t *rl;
    counters c = { 0 };
    void *r1, *r2;

    ck_assert_int_eq(apr_reslist_create(&rl, 2, 2, 3, 0, con, de, &c, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_acquire(rl, &r1), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_acquire(rl, &r2), APR_SUCCESS);
    ck_assert_uint_eq(c.made, 2);
    ck_assert_int_eq(apr_reslist_maintain(rl), APR_SUCCESS);
    ck_assert_uint_eq(c.made, 3);       /* up to min idle, within hmax */
    ck_assert_int_eq(apr_reslist_release(rl, r1), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_release(rl, r2), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_destroy(rl), APR_SUCCESS);
    ck_assert_uint_eq(c.destroyed, 3);
}
END_TEST

/* The pool's destruction destroys the resources, before (FIRST) or after
 * (DEFAULT) the child pools of the list's pool. */
static void cleanup_order(apr_uint32_t mode, int expect)
{
    apr_pool_t *sub;
    apr_reslist_t *rl;
    counters c = { 0 };
    int i;

    for (i = 0; i < 16; i++)
        gone_at_destroy[i] = 0;
    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_create(&rl, 2, 2, 2, 0, con, de, &c, sub),
                     APR_SUCCESS);
    apr_reslist_cleanup_order_set(rl, mode);
    apr_pool_destroy(sub);
    ck_assert_uint_eq(c.destroyed, 2);
    ck_assert_int_eq(gone_at_destroy[1], expect);
    ck_assert_int_eq(gone_at_destroy[2], expect);
}

START_TEST(test_cleanup_first)
{
    cleanup_order(APR_RESLIST_CLEANUP_FIRST, 2);
}
END_TEST

START_TEST(test_cleanup_default)
{
    cleanup_order(APR_RESLIST_CLEANUP_DEFAULT, 1);
}
END_TEST

/* Many threads share a list of hmax 3: never more than 3 in use or made. */
typedef struct {
    apr_reslist_t *rl;
    counters *c;
    int errors;
} hammer_arg;

static void *APR_THREAD_FUNC hammer(apr_thread_t *t, void *data)
{
    hammer_arg *a = data;
    int i;

    for (i = 0; i < 1000; i++) {
        void *r;
        apr_uint32_t n, m;

        if (apr_reslist_acquire(a->rl, &r) != APR_SUCCESS) {
            a->errors++;
            continue;
        }
        n = apr_atomic_inc32(&a->c->in_use) + 1;
        while ((m = apr_atomic_read32(&a->c->max_in_use)) < n
               && apr_atomic_cas32(&a->c->max_in_use, n, m) != m)
            ;
        apr_atomic_dec32(&a->c->in_use);
        if (apr_reslist_release(a->rl, r) != APR_SUCCESS)
            a->errors++;
    }
    apr_thread_exit(t, APR_SUCCESS);
    return NULL;
}

START_TEST(test_threads_share)
{
    apr_reslist_t *rl;
    apr_pool_t *tpool;
    counters c = { 0 };
    hammer_arg a[6];
    apr_thread_t *t[6];
    apr_status_t rv;
    int i;

    /* The constructor allocates from the list's pool while threads run:
     * the threads come from another pool (pools are not thread-safe). */
    ck_assert_int_eq(apr_pool_create(&tpool, NULL), APR_SUCCESS);
    ck_assert_int_eq(apr_reslist_create(&rl, 0, 3, 3, 0, con, de, &c, p),
                     APR_SUCCESS);
    for (i = 0; i < 6; i++) {
        a[i] = (hammer_arg){ rl, &c, 0 };
        ck_assert_int_eq(apr_thread_create(&t[i], NULL, hammer, &a[i],
                                           tpool), APR_SUCCESS);
    }
    for (i = 0; i < 6; i++) {
        ck_assert_int_eq(apr_thread_join(&rv, t[i]), APR_SUCCESS);
        ck_assert_int_eq(a[i].errors, 0);
    }
    ck_assert_uint_le(c.made, 3);
    ck_assert_uint_le(c.max_in_use, 3);
    ck_assert_uint_ge(c.max_in_use, 1);
    ck_assert_uint_eq(apr_reslist_acquired_count(rl), 0);
    ck_assert_int_eq(apr_reslist_destroy(rl), APR_SUCCESS);
    ck_assert_uint_eq(c.destroyed, c.made);
    apr_pool_destroy(tpool);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("reslist");
    TCase *tc = apr_test_tcase("reslist");

    tcase_add_test(tc, test_bad_args);
    tcase_add_test(tc, test_min_made_up_front);
    tcase_add_test(tc, test_constructor_fails);
    tcase_add_test(tc, test_hmax_times_out);
    tcase_add_test(tc, test_blocked_acquire_woken);
    tcase_add_test(tc, test_invalidate);
    tcase_add_test(tc, test_ttl_expiry);
    tcase_add_test(tc, test_min_restored_by_maintain);
    tcase_add_test(tc, test_cleanup_first);
    tcase_add_test(tc, test_cleanup_default);
    tcase_add_test(tc, test_threads_share);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
