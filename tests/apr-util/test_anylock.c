/*
 * apr_anylock.h: the struct's layout and the three macros with each kind
 * of lock (busy locks seen from another thread or process).
 */
#include <stddef.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"
#include "apr_anylock.h"
#include "apr_thread_proc.h"

START_TEST(test_layout)
{
    /* an enum, then a union of pointers, as in APR-util */
    ck_assert_uint_eq(offsetof(apr_anylock_t, type), 0);
    ck_assert_uint_eq(offsetof(apr_anylock_t, lock), sizeof(void *));
    ck_assert_uint_eq(sizeof(apr_anylock_t), 2 * sizeof(void *));
    ck_assert_int_eq(apr_anylock_none, 0);
    ck_assert_int_eq(apr_anylock_procmutex, 1);
    ck_assert_int_eq(apr_anylock_threadmutex, 2);
    ck_assert_int_eq(apr_anylock_readlock, 3);
    ck_assert_int_eq(apr_anylock_writelock, 4);
}
END_TEST

START_TEST(test_none_and_invalid)
{
    apr_anylock_t l;

    l.type = apr_anylock_none;
    ck_assert_int_eq(APR_ANYLOCK_LOCK(&l), APR_SUCCESS);
    ck_assert_int_eq(APR_ANYLOCK_TRYLOCK(&l), APR_SUCCESS);
    ck_assert_int_eq(APR_ANYLOCK_UNLOCK(&l), APR_SUCCESS);
    l.type = (enum tm_lock)42;
    ck_assert_int_eq(APR_ANYLOCK_LOCK(&l), APR_EINVAL);
    ck_assert_int_eq(APR_ANYLOCK_TRYLOCK(&l), APR_EINVAL);
    ck_assert_int_eq(APR_ANYLOCK_UNLOCK(&l), APR_EINVAL);
}
END_TEST

/* TRYLOCK of `l` from another thread. */
static void *APR_THREAD_FUNC try_other(apr_thread_t *t, void *data)
{
    apr_anylock_t *l = data;
    apr_status_t rv = APR_ANYLOCK_TRYLOCK(l);

    if (rv == APR_SUCCESS)
        APR_ANYLOCK_UNLOCK(l);
    apr_thread_exit(t, rv);
    return NULL;
}

static apr_status_t trylock_elsewhere(apr_anylock_t *l)
{
    apr_thread_t *t;
    apr_status_t rv = APR_EGENERAL;

    ck_assert_int_eq(apr_thread_create(&t, NULL, try_other, l, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_thread_join(&rv, t), APR_SUCCESS);
    return rv;
}

START_TEST(test_threadmutex)
{
    apr_anylock_t l;

    l.type = apr_anylock_threadmutex;
    ck_assert_int_eq(apr_thread_mutex_create(&l.lock.tm,
                                             APR_THREAD_MUTEX_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(APR_ANYLOCK_LOCK(&l), APR_SUCCESS);
    ck_assert(APR_STATUS_IS_EBUSY(trylock_elsewhere(&l)));
    ck_assert_int_eq(APR_ANYLOCK_UNLOCK(&l), APR_SUCCESS);
    ck_assert_int_eq(trylock_elsewhere(&l), APR_SUCCESS);
    ck_assert_int_eq(APR_ANYLOCK_TRYLOCK(&l), APR_SUCCESS);
    ck_assert_int_eq(APR_ANYLOCK_UNLOCK(&l), APR_SUCCESS);
}
END_TEST

START_TEST(test_rwlock)
{
    apr_thread_rwlock_t *rw;
    apr_anylock_t rd, wr;

    ck_assert_int_eq(apr_thread_rwlock_create(&rw, p), APR_SUCCESS);
    rd.type = apr_anylock_readlock;
    rd.lock.rw = rw;
    wr.type = apr_anylock_writelock;
    wr.lock.rw = rw;
    /* readers share, a writer is kept out */
    ck_assert_int_eq(APR_ANYLOCK_LOCK(&rd), APR_SUCCESS);
    ck_assert_int_eq(trylock_elsewhere(&rd), APR_SUCCESS);
    ck_assert(APR_STATUS_IS_EBUSY(trylock_elsewhere(&wr)));
    ck_assert_int_eq(APR_ANYLOCK_UNLOCK(&rd), APR_SUCCESS);
    /* a writer keeps everyone out */
    ck_assert_int_eq(APR_ANYLOCK_LOCK(&wr), APR_SUCCESS);
    ck_assert(APR_STATUS_IS_EBUSY(trylock_elsewhere(&rd)));
    ck_assert(APR_STATUS_IS_EBUSY(trylock_elsewhere(&wr)));
    ck_assert_int_eq(APR_ANYLOCK_UNLOCK(&wr), APR_SUCCESS);
    ck_assert_int_eq(APR_ANYLOCK_TRYLOCK(&wr), APR_SUCCESS);
    ck_assert_int_eq(APR_ANYLOCK_UNLOCK(&wr), APR_SUCCESS);
    ck_assert_int_eq(APR_ANYLOCK_TRYLOCK(&rd), APR_SUCCESS);
    ck_assert_int_eq(APR_ANYLOCK_UNLOCK(&rd), APR_SUCCESS);
}
END_TEST

/* A process mutex held by the parent is busy for a child (apr_proc_fork;
 * waitpid for brevity). */
START_TEST(test_procmutex)
{
    apr_anylock_t l;
    apr_proc_t proc;
    apr_status_t rv;
    int status;

    l.type = apr_anylock_procmutex;
    ck_assert_int_eq(apr_proc_mutex_create(&l.lock.pm, NULL,
                                           APR_LOCK_DEFAULT, p), APR_SUCCESS);
    ck_assert_int_eq(APR_ANYLOCK_TRYLOCK(&l), APR_SUCCESS);
    ck_assert_int_eq(APR_ANYLOCK_UNLOCK(&l), APR_SUCCESS);
    ck_assert_int_eq(APR_ANYLOCK_LOCK(&l), APR_SUCCESS);
    rv = apr_proc_fork(&proc, p);
    if (rv == APR_INCHILD) {
        apr_proc_mutex_child_init(&l.lock.pm, NULL, p);
        _exit(APR_STATUS_IS_EBUSY(APR_ANYLOCK_TRYLOCK(&l)) ? 0 : 1);
    }
    ck_assert_int_eq(rv, APR_INPARENT);
    ck_assert_int_eq(waitpid(proc.pid, &status, 0), proc.pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);
    ck_assert_int_eq(APR_ANYLOCK_UNLOCK(&l), APR_SUCCESS);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("anylock");
    TCase *tc = apr_test_tcase("anylock");

    tcase_add_test(tc, test_layout);
    tcase_add_test(tc, test_none_and_invalid);
    tcase_add_test(tc, test_threadmutex);
    tcase_add_test(tc, test_rwlock);
    tcase_add_test(tc, test_procmutex);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
