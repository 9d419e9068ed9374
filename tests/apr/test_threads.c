/*
 * apr_thread_proc.h threads: create/join/exit status, the thread's pool
 * and data, detached threads, apr_thread_once, thread-private keys, the
 * native conversions, and many threads under one mutex.
 */
#include "testutil.h"

#include "apr_thread_proc.h"
#include "apr_thread_mutex.h"
#include "apr_portable.h"
#include "apr_strings.h"
#include "apr_time.h"

#include <errno.h>
#include <stdatomic.h>
#include <string.h>

/* Wait (generously) until *flag becomes non-zero. */
static int wait_flag(atomic_int *flag)
{
    int i;

    for (i = 0; i < 10000 && !atomic_load(flag); i++)
        apr_sleep(1000);
    return atomic_load(flag);
}

/* ---- create, exit, join ---------------------------------------------- */

static void *APR_THREAD_FUNC exit_with(apr_thread_t *thd, void *data)
{
    apr_thread_exit(thd, (apr_status_t)(apr_uintptr_t)data);
    return NULL;
}

static void *APR_THREAD_FUNC just_return(apr_thread_t *thd, void *data)
{
    (void)thd;
    (void)data;
    return NULL;
}

START_TEST(join_gets_exit_status)
{
    apr_thread_t *t;
    apr_status_t st = 0;

    ck_assert_int_eq(apr_thread_create(&t, NULL, exit_with, (void *)42, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_thread_join(&st, t), APR_SUCCESS);
    ck_assert_int_eq(st, 42);

    /* A thread that just returns has status 0. */
    st = 99;
    ck_assert_int_eq(apr_thread_create(&t, NULL, just_return, NULL, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_thread_join(&st, t), APR_SUCCESS);
    ck_assert_int_eq(st, 0);
}
END_TEST

START_TEST(many_joins)
{
    apr_thread_t *t[16];
    apr_status_t st;
    apr_uintptr_t i;

    for (i = 0; i < 16; i++)
        ck_assert_int_eq(apr_thread_create(&t[i], NULL, exit_with,
                                           (void *)(i + 100), p),
                         APR_SUCCESS);
    for (i = 0; i < 16; i++) {
        ck_assert_int_eq(apr_thread_join(&st, t[i]), APR_SUCCESS);
        ck_assert_int_eq(st, (apr_status_t)(i + 100));
    }
}
END_TEST

/* ---- the thread's pool and data --------------------------------------- */

struct pool_probe {
    apr_pool_t *parent;      /* the pool the thread was created from */
    int pool_is_child;
    int data_seen;
    atomic_int cleaned;
};

static apr_status_t note_cleanup(void *data)
{
    struct pool_probe *pp = data;

    atomic_store(&pp->cleaned, 1);
    return APR_SUCCESS;
}

static void *APR_THREAD_FUNC use_thread_pool(apr_thread_t *thd, void *data)
{
    struct pool_probe *pp = data;
    apr_pool_t *tp = apr_thread_pool_get(thd);
    void *got = NULL;

    pp->pool_is_child = tp != NULL && tp != pp->parent
                        && apr_pool_parent_get(tp) == pp->parent;
    apr_pstrdup(tp, "memory of the thread");
    apr_thread_data_set(pp, "probe", note_cleanup, thd);
    apr_thread_data_get(&got, "probe", thd);
    pp->data_seen = got == pp;
    apr_thread_exit(thd, 7);
    return NULL;
}

START_TEST(thread_pool_and_data)
{
    struct pool_probe pp = { p, 0, 0, 0 };
    apr_thread_t *t;
    apr_status_t st;

    ck_assert_int_eq(apr_thread_create(&t, NULL, use_thread_pool, &pp, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_thread_join(&st, t), APR_SUCCESS);
    ck_assert_int_eq(st, 7);
    ck_assert_int_eq(pp.pool_is_child, 1);
    ck_assert_int_eq(pp.data_seen, 1);
    /* apr_thread_exit destroyed the thread's pool, running its cleanups. */
    ck_assert_int_eq(atomic_load(&pp.cleaned), 1);
}
END_TEST

static void *APR_THREAD_FUNC set_data_and_return(apr_thread_t *thd,
                                                 void *data)
{
    apr_thread_data_set(data, "probe", note_cleanup, thd);
    return NULL;
}

START_TEST(returning_thread_keeps_pool_until_parent_goes)
{
    struct pool_probe pp = { NULL, 0, 0, 0 };
    apr_pool_t *sub;
    apr_thread_t *t;
    apr_status_t st;

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_create(&t, NULL, set_data_and_return, &pp,
                                       sub), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_join(&st, t), APR_SUCCESS);
    ck_assert_int_eq(atomic_load(&pp.cleaned), 0);
    apr_pool_destroy(sub);
    ck_assert_int_eq(atomic_load(&pp.cleaned), 1);
}
END_TEST

/* ---- attributes and detached threads ----------------------------------- */

START_TEST(threadattr_settings)
{
    apr_threadattr_t *attr;

    ck_assert_int_eq(apr_threadattr_create(&attr, p), APR_SUCCESS);
    ck_assert_int_eq(apr_threadattr_detach_get(attr), APR_NOTDETACH);
    ck_assert_int_eq(apr_threadattr_detach_set(attr, 1), APR_SUCCESS);
    ck_assert_int_eq(apr_threadattr_detach_get(attr), APR_DETACH);
    ck_assert_int_eq(apr_threadattr_detach_set(attr, 0), APR_SUCCESS);
    ck_assert_int_eq(apr_threadattr_detach_get(attr), APR_NOTDETACH);
    /* Below the system's minimum stack. */
    ck_assert_int_eq(apr_threadattr_stacksize_set(attr, 1), EINVAL);
    ck_assert_int_eq(apr_threadattr_stacksize_set(attr, 1024 * 1024),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_threadattr_guardsize_set(attr, 8192), APR_SUCCESS);
}
END_TEST

static void *APR_THREAD_FUNC exit_fast(apr_thread_t *thd, void *data)
{
    apr_thread_exit(thd, (apr_status_t)(apr_uintptr_t)data);
    return NULL;
}

START_TEST(thread_with_stacksize)
{
    apr_threadattr_t *attr;
    apr_thread_t *t;
    apr_status_t st;

    ck_assert_int_eq(apr_threadattr_create(&attr, p), APR_SUCCESS);
    ck_assert_int_eq(apr_threadattr_stacksize_set(attr, 512 * 1024),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_thread_create(&t, attr, exit_fast, (void *)5, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_thread_join(&st, t), APR_SUCCESS);
    ck_assert_int_eq(st, 5);
}
END_TEST

static void *APR_THREAD_FUNC raise_flag(apr_thread_t *thd, void *data)
{
    (void)thd;
    atomic_store((atomic_int *)data, 1);
    return NULL;
}

START_TEST(detached_thread_runs)
{
    apr_threadattr_t *attr;
    apr_thread_t *t;
    atomic_int flag = 0;

    ck_assert_int_eq(apr_threadattr_create(&attr, p), APR_SUCCESS);
    ck_assert_int_eq(apr_threadattr_detach_set(attr, 1), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_create(&t, attr, raise_flag, &flag, p),
                     APR_SUCCESS);
    ck_assert_int_eq(wait_flag(&flag), 1);
}
END_TEST

static void *APR_THREAD_FUNC wait_for_go(apr_thread_t *thd, void *data)
{
    atomic_int *go = data;

    while (!atomic_load(&go[0]))
        apr_sleep(1000);
    atomic_store(&go[1], 1);
    (void)thd;
    return NULL;
}

START_TEST(thread_detach_after_create)
{
    atomic_int go[2] = { 0, 0 };
    apr_thread_t *t;

    ck_assert_int_eq(apr_thread_create(&t, NULL, wait_for_go, go, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_thread_detach(t), APR_SUCCESS);
    atomic_store(&go[0], 1);
    ck_assert_int_eq(wait_flag(&go[1]), 1);
}
END_TEST

/* ---- apr_thread_once --------------------------------------------------- */

static atomic_int once_calls;
static apr_thread_once_t *once_control;

static void once_fn(void)
{
    atomic_fetch_add(&once_calls, 1);
}

static void *APR_THREAD_FUNC call_once(apr_thread_t *thd, void *data)
{
    apr_status_t rv = apr_thread_once(once_control, once_fn);

    (void)data;
    /* Whoever returns sees the function done. */
    apr_thread_exit(thd, rv == APR_SUCCESS && atomic_load(&once_calls) == 1
                             ? APR_SUCCESS : APR_EGENERAL);
    return NULL;
}

START_TEST(once_from_eight_threads)
{
    apr_thread_t *t[8];
    apr_status_t st;
    int i;

    ck_assert_int_eq(apr_thread_once_init(&once_control, p), APR_SUCCESS);
    for (i = 0; i < 8; i++)
        ck_assert_int_eq(apr_thread_create(&t[i], NULL, call_once, NULL, p),
                         APR_SUCCESS);
    for (i = 0; i < 8; i++) {
        ck_assert_int_eq(apr_thread_join(&st, t[i]), APR_SUCCESS);
        ck_assert_int_eq(st, APR_SUCCESS);
    }
    ck_assert_int_eq(apr_thread_once(once_control, once_fn), APR_SUCCESS);
    ck_assert_int_eq(atomic_load(&once_calls), 1);
}
END_TEST

/* ---- thread-private keys ----------------------------------------------- */

static atomic_int destructed;
static void *destructed_value;

static void key_destructor(void *v)
{
    destructed_value = v;
    atomic_fetch_add(&destructed, 1);
}

struct key_probe {
    apr_threadkey_t *key;
    void *seen_before;
    void *seen_after;
};

static void *APR_THREAD_FUNC use_key(apr_thread_t *thd, void *data)
{
    struct key_probe *kp = data;
    static int value = 5;

    apr_threadkey_private_get(&kp->seen_before, kp->key);
    apr_threadkey_private_set(&value, kp->key);
    apr_threadkey_private_get(&kp->seen_after, kp->key);
    apr_thread_exit(thd, APR_SUCCESS);
    return NULL;
}

START_TEST(threadkey_private_and_destructor)
{
    struct key_probe kp = { NULL, (void *)1, NULL };
    apr_thread_t *t;
    apr_status_t st;
    int mine = 1;
    void *v = NULL;

    ck_assert_int_eq(apr_threadkey_private_create(&kp.key, key_destructor, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_threadkey_private_set(&mine, kp.key), APR_SUCCESS);
    ck_assert_int_eq(apr_thread_create(&t, NULL, use_key, &kp, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_thread_join(&st, t), APR_SUCCESS);
    /* The other thread started with no value, and its own one. */
    ck_assert_ptr_null(kp.seen_before);
    ck_assert_ptr_nonnull(kp.seen_after);
    ck_assert_ptr_ne(kp.seen_after, &mine);
    /* Its value was given to the destructor when it exited. */
    ck_assert_int_eq(atomic_load(&destructed), 1);
    ck_assert_ptr_eq(destructed_value, kp.seen_after);
    /* Ours is untouched. */
    ck_assert_int_eq(apr_threadkey_private_get(&v, kp.key), APR_SUCCESS);
    ck_assert_ptr_eq(v, &mine);
    ck_assert_int_eq(apr_threadkey_private_delete(kp.key), APR_SUCCESS);
}
END_TEST

START_TEST(threadkey_data_and_native)
{
    apr_threadkey_t *key, *key2 = NULL;
    apr_os_threadkey_t native;
    void *v = NULL;
    int x = 3;

    ck_assert_int_eq(apr_threadkey_private_create(&key, NULL, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_threadkey_data_set(&x, "k", NULL, key), APR_SUCCESS);
    ck_assert_int_eq(apr_threadkey_data_get(&v, "k", key), APR_SUCCESS);
    ck_assert_ptr_eq(v, &x);
    ck_assert_int_eq(apr_threadkey_data_get(&v, "other", key), APR_SUCCESS);
    ck_assert_ptr_null(v);

    ck_assert_int_eq(apr_os_threadkey_get(&native, key), APR_SUCCESS);
    ck_assert_int_eq(apr_os_threadkey_put(&key2, &native, p), APR_SUCCESS);
    ck_assert_int_eq(apr_threadkey_private_set(&x, key2), APR_SUCCESS);
    ck_assert_int_eq(apr_threadkey_private_get(&v, key), APR_SUCCESS);
    ck_assert_ptr_eq(v, &x);
    ck_assert_int_eq(apr_os_threadkey_put(&key2, &native, NULL), APR_ENOPOOL);
    ck_assert_int_eq(apr_threadkey_private_delete(key), APR_SUCCESS);
}
END_TEST

/* ---- native threads ------------------------------------------------------ */

struct native_probe {
    apr_os_thread_t self;
};

static void *APR_THREAD_FUNC record_self(apr_thread_t *thd, void *data)
{
    ((struct native_probe *)data)->self = apr_os_thread_current();
    apr_thread_yield();
    apr_thread_exit(thd, APR_SUCCESS);
    return NULL;
}

START_TEST(os_thread_conversions)
{
    struct native_probe np;
    apr_thread_t *t, *wrapped = NULL;
    apr_os_thread_t *native, me = apr_os_thread_current(), *back;
    apr_status_t st;

    ck_assert(apr_os_thread_equal(me, apr_os_thread_current()));
    ck_assert_int_eq(apr_thread_create(&t, NULL, record_self, &np, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_thread_join(&st, t), APR_SUCCESS);
    ck_assert_int_eq(apr_os_thread_get(&native, t), APR_SUCCESS);
    ck_assert(apr_os_thread_equal(*native, np.self));
    ck_assert(!apr_os_thread_equal(me, np.self));

    ck_assert_int_eq(apr_os_thread_put(&wrapped, &me, p), APR_SUCCESS);
    ck_assert_ptr_nonnull(wrapped);
    ck_assert_int_eq(apr_os_thread_get(&back, wrapped), APR_SUCCESS);
    ck_assert(apr_os_thread_equal(*back, me));
    ck_assert_int_eq(apr_os_thread_put(&wrapped, &me, NULL), APR_ENOPOOL);
}
END_TEST

/* ---- contention ---------------------------------------------------------- */

#define N_THREADS 50
#define N_INCREMENTS 10000

struct counter {
    apr_thread_mutex_t *mutex;
    long value;
};

static void *APR_THREAD_FUNC increment(apr_thread_t *thd, void *data)
{
    struct counter *c = data;
    int i;

    for (i = 0; i < N_INCREMENTS; i++) {
        apr_thread_mutex_lock(c->mutex);
        c->value++;
        apr_thread_mutex_unlock(c->mutex);
        if (i % 1000 == 0)
            apr_thread_yield();
    }
    apr_thread_exit(thd, APR_SUCCESS);
    return NULL;
}

START_TEST(fifty_threads_one_mutex)
{
    struct counter c = { NULL, 0 };
    apr_thread_t *t[N_THREADS];
    apr_status_t st;
    int i;

    ck_assert_int_eq(apr_thread_mutex_create(&c.mutex,
                                             APR_THREAD_MUTEX_DEFAULT, p),
                     APR_SUCCESS);
    for (i = 0; i < N_THREADS; i++)
        ck_assert_int_eq(apr_thread_create(&t[i], NULL, increment, &c, p),
                         APR_SUCCESS);
    for (i = 0; i < N_THREADS; i++) {
        ck_assert_int_eq(apr_thread_join(&st, t[i]), APR_SUCCESS);
        ck_assert_int_eq(st, APR_SUCCESS);
    }
    ck_assert_int_eq(c.value, (long)N_THREADS * N_INCREMENTS);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = apr_test_tcase("threads");

    tcase_add_test(tc, join_gets_exit_status);
    tcase_add_test(tc, many_joins);
    tcase_add_test(tc, thread_pool_and_data);
    tcase_add_test(tc, returning_thread_keeps_pool_until_parent_goes);
    tcase_add_test(tc, threadattr_settings);
    tcase_add_test(tc, thread_with_stacksize);
    tcase_add_test(tc, detached_thread_runs);
    tcase_add_test(tc, thread_detach_after_create);
    tcase_add_test(tc, once_from_eight_threads);
    tcase_add_test(tc, threadkey_private_and_destructor);
    tcase_add_test(tc, threadkey_data_and_native);
    tcase_add_test(tc, os_thread_conversions);
    tcase_add_test(tc, fifty_threads_one_mutex);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
