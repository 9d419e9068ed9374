/*
 * apr_global_mutex: exclusion across processes and the threads of each.
 *
 * Loop tests over the mechanisms (index = apr_lockmech_e); a mechanism
 * this platform lacks (APR_ENOTIMPL) is skipped with a message. Processes
 * come from fork() and threads from pthread_create(), and the counter is
 * an anonymous shared mapping: apr_proc_fork, apr_thread_create and
 * apr_shm were being written alongside this module.
 */
#include "testutil.h"

#include "apr_global_mutex.h"
#include "apr_portable.h"
#include "apr_time.h"

#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define N_MECHS 7
#define N_PROCS 2
#define N_THREADS 4
#define N_LOOPS 1000

static const char *const mech_names[N_MECHS] = {
    "fcntl", "flock", "sysvsem", "pthread", "posixsem", "default",
    "default_timed",
};

static char lockname[64];

static void name_setup(void)
{
    snprintf(lockname, sizeof(lockname), "/tmp/apr-test-gmutex-%ld",
             (long)getpid());
    unlink(lockname);
}

static void name_teardown(void)
{
    unlink(lockname);
}

static int create(apr_global_mutex_t **m, const char *fname, int mech)
{
    apr_status_t rv;

    rv = apr_global_mutex_create(m, fname, (apr_lockmech_e)mech, p);
    if (rv == APR_ENOTIMPL) {
        fprintf(stderr, "skipped: mechanism %s is not implemented here\n",
                mech_names[mech]);
        return 0;
    }
    ck_assert_int_eq(rv, APR_SUCCESS);
    return 1;
}

static int wait_child(pid_t pid)
{
    int status;

    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
}

struct counting {
    apr_global_mutex_t *mutex;
    volatile long *counter;
    int style;      /* 0 lock, 1 trylock, 2 timedlock */
    int failures;   /* written by its own thread only, read after join */
};

static void *count_thread(void *arg)
{
    struct counting *c = arg;
    apr_status_t rv;
    long v;
    int j;

    for (j = 0; j < N_LOOPS; j++) {
        if (c->style == 0) {
            rv = apr_global_mutex_lock(c->mutex);
        }
        else if (c->style == 1) {
            while (APR_STATUS_IS_EBUSY(rv = apr_global_mutex_trylock(c->mutex)))
                sched_yield();
        }
        else {
            rv = apr_global_mutex_timedlock(c->mutex, apr_time_from_sec(30));
        }
        if (rv != APR_SUCCESS) {
            c->failures++;
            continue;
        }
        v = *c->counter;
        if (j % 64 == 0)
            sched_yield();
        *c->counter = v + 1;
        if (apr_global_mutex_unlock(c->mutex) != APR_SUCCESS)
            c->failures++;
    }
    return NULL;
}

/* One process's part: child_init, N_THREADS counting threads. */
static int count_in_child(apr_global_mutex_t *m, const char *fname,
                          volatile long *counter, int style)
{
    struct counting c[N_THREADS];
    pthread_t t[N_THREADS];
    apr_pool_t *cp;
    int i, failures = 0;

    if (apr_pool_create(&cp, p) != APR_SUCCESS)
        return 1;
    if (apr_global_mutex_child_init(&m, fname, cp) != APR_SUCCESS)
        return 2;
    for (i = 0; i < N_THREADS; i++) {
        c[i].mutex = m;
        c[i].counter = counter;
        c[i].style = style;
        c[i].failures = 0;
        if (pthread_create(&t[i], NULL, count_thread, &c[i]) != 0)
            return 3;
    }
    for (i = 0; i < N_THREADS; i++) {
        pthread_join(t[i], NULL);
        failures += c[i].failures;
    }
    apr_pool_destroy(cp);
    return failures ? 4 : 0;
}

static void contend(int mech, const char *fname, int style)
{
    volatile long *counter;
    apr_global_mutex_t *m;
    pid_t pids[N_PROCS];
    int i;

    counter = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    ck_assert_ptr_ne((void *)counter, MAP_FAILED);
    if (!create(&m, fname, mech))
        return;
    for (i = 0; i < N_PROCS; i++) {
        pids[i] = fork();
        ck_assert_int_ge(pids[i], 0);
        if (pids[i] == 0)
            _exit(count_in_child(m, fname, counter, style));
    }
    for (i = 0; i < N_PROCS; i++)
        ck_assert_int_eq(wait_child(pids[i]), 0);
    ck_assert_int_eq(*counter, N_PROCS * N_THREADS * N_LOOPS);
    ck_assert_int_eq(apr_global_mutex_destroy(m), APR_SUCCESS);
    munmap((void *)counter, 4096);
}

START_TEST(threads_in_two_processes)
{
    contend(_i, lockname, 0);
}
END_TEST

START_TEST(threads_in_two_processes_trylock)
{
    contend(_i, NULL, 1);
}
END_TEST

START_TEST(threads_in_two_processes_timedlock)
{
    contend(_i, lockname, 2);
}
END_TEST

struct probe {
    apr_global_mutex_t *mutex;
    apr_interval_time_t timeout;
    apr_status_t try_rv, timed_rv;
    apr_time_t took;
};

/* From another thread: trylock, then a timed lock of p->timeout. */
static void *probe_thread(void *arg)
{
    struct probe *pr = arg;
    apr_time_t start;

    pr->try_rv = apr_global_mutex_trylock(pr->mutex);
    if (pr->try_rv == APR_SUCCESS)
        apr_global_mutex_unlock(pr->mutex);
    start = apr_time_now();
    pr->timed_rv = apr_global_mutex_timedlock(pr->mutex, pr->timeout);
    pr->took = apr_time_now() - start;
    if (pr->timed_rv == APR_SUCCESS)
        apr_global_mutex_unlock(pr->mutex);
    return NULL;
}

/* Held by one thread: another thread of the same process is kept out. */
START_TEST(busy_for_another_thread)
{
    apr_global_mutex_t *m;
    struct probe pr;
    pthread_t t;

    if (!create(&m, lockname, _i))
        return;
    ck_assert_int_eq(apr_global_mutex_lock(m), APR_SUCCESS);
    pr.mutex = m;
    pr.timeout = apr_time_from_msec(200);
    ck_assert_int_eq(pthread_create(&t, NULL, probe_thread, &pr), 0);
    ck_assert_int_eq(pthread_join(t, NULL), 0);
    ck_assert_int_eq(pr.try_rv, APR_EBUSY);
    ck_assert(APR_STATUS_IS_EBUSY(pr.try_rv));
    ck_assert_int_eq(pr.timed_rv, APR_TIMEUP);
    ck_assert_int_ge(pr.took, pr.timeout - apr_time_from_msec(1));
    ck_assert_int_lt(pr.took, pr.timeout + apr_time_from_sec(10));
    ck_assert_int_eq(apr_global_mutex_unlock(m), APR_SUCCESS);

    /* Free again: the other thread gets it. */
    ck_assert_int_eq(pthread_create(&t, NULL, probe_thread, &pr), 0);
    ck_assert_int_eq(pthread_join(t, NULL), 0);
    ck_assert_int_eq(pr.try_rv, APR_SUCCESS);
    ck_assert_int_eq(pr.timed_rv, APR_SUCCESS);
}
END_TEST

/* Held by another process: trylock is busy, a timed lock times out. */
START_TEST(busy_for_another_process)
{
    apr_global_mutex_t *m;
    apr_interval_time_t timeout = apr_time_from_msec(200);
    apr_time_t start, took;
    int ready[2], go[2];
    char c = 'x';
    pid_t pid;

    if (!create(&m, lockname, _i))
        return;
    ck_assert_int_eq(pipe(ready), 0);
    ck_assert_int_eq(pipe(go), 0);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        apr_pool_t *cp;
        if (apr_pool_create(&cp, p) != APR_SUCCESS ||
            apr_global_mutex_child_init(&m, lockname, cp) != APR_SUCCESS ||
            apr_global_mutex_lock(m) != APR_SUCCESS)
            _exit(1);
        if (write(ready[1], &c, 1) != 1 || read(go[0], &c, 1) != 1)
            _exit(2);
        _exit(apr_global_mutex_unlock(m) == APR_SUCCESS ? 0 : 3);
    }
    ck_assert_int_eq(read(ready[0], &c, 1), 1);
    ck_assert_int_eq(apr_global_mutex_trylock(m), APR_EBUSY);
    ck_assert_int_eq(apr_global_mutex_timedlock(m, 0), APR_TIMEUP);
    start = apr_time_now();
    ck_assert_int_eq(apr_global_mutex_timedlock(m, timeout), APR_TIMEUP);
    took = apr_time_now() - start;
    ck_assert_int_ge(took, timeout - apr_time_from_msec(1));
    ck_assert_int_lt(took, timeout + apr_time_from_sec(10));
    ck_assert_int_eq(write(go[1], &c, 1), 1);
    ck_assert_int_eq(wait_child(pid), 0);
    ck_assert_int_eq(apr_global_mutex_trylock(m), APR_SUCCESS);
    ck_assert_int_eq(apr_global_mutex_unlock(m), APR_SUCCESS);
    close(ready[0]);
    close(ready[1]);
    close(go[0]);
    close(go[1]);
}
END_TEST

/* The accessors report the process mutex underneath. */
START_TEST(accessors)
{
    apr_global_mutex_t *m;
    apr_os_global_mutex_t os;
    apr_lockmech_e mech;
    apr_status_t rv;
    const char *lf;

    if (!create(&m, lockname, _i))
        return;
    mech = apr_global_mutex_mech(m);
    ck_assert_int_ne(mech, APR_LOCK_DEFAULT);
    ck_assert_int_ne(mech, APR_LOCK_DEFAULT_TIMED);
    if (_i < APR_LOCK_DEFAULT) {
        ck_assert_int_eq(mech, _i);
        ck_assert_str_eq(apr_global_mutex_name(m), mech_names[_i]);
    }
    if (_i == APR_LOCK_DEFAULT)
        ck_assert_str_eq(apr_global_mutex_name(m), apr_proc_mutex_defname());
    ck_assert_ptr_eq(apr_global_mutex_pool_get(m), p);

    ck_assert_int_eq(apr_os_global_mutex_get(&os, m), APR_SUCCESS);
    ck_assert_ptr_eq(os.pool, p);
    ck_assert_ptr_nonnull(os.proc_mutex);
    ck_assert_int_eq(apr_proc_mutex_mech(os.proc_mutex), mech);
    ck_assert_str_eq(apr_proc_mutex_name(os.proc_mutex),
                     apr_global_mutex_name(m));
#if APR_HAS_THREADS
    /* Only the pthread mechanism already excludes threads. */
    if (mech == APR_LOCK_PROC_PTHREAD)
        ck_assert_ptr_null(os.thread_mutex);
    else
        ck_assert_ptr_nonnull(os.thread_mutex);
#endif

    lf = apr_global_mutex_lockfile(m);
    if (mech == APR_LOCK_FCNTL || mech == APR_LOCK_FLOCK)
        ck_assert_str_eq(lf, lockname);
    else
        ck_assert_ptr_null(lf);

    rv = apr_global_mutex_perms_set(m, APR_FPROT_UREAD | APR_FPROT_UWRITE,
                                    getuid(), getgid());
    if (mech == APR_LOCK_PROC_PTHREAD || mech == APR_LOCK_POSIXSEM)
        ck_assert_int_eq(rv, APR_ENOTIMPL);
    else
        ck_assert_int_eq(rv, APR_SUCCESS);

    ck_assert_int_eq(apr_global_mutex_lock(m), APR_SUCCESS);
    ck_assert_int_eq(apr_global_mutex_unlock(m), APR_SUCCESS);
    ck_assert_int_eq(apr_global_mutex_destroy(m), APR_SUCCESS);
}
END_TEST

/* A global mutex in a pool that goes away is released with it. */
START_TEST(pool_cleanup)
{
    apr_global_mutex_t *m;
    apr_pool_t *sub;
    apr_status_t rv;

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    rv = apr_global_mutex_create(&m, NULL, (apr_lockmech_e)_i, sub);
    if (rv == APR_ENOTIMPL) {
        fprintf(stderr, "skipped: mechanism %s is not implemented here\n",
                mech_names[_i]);
        return;
    }
    ck_assert_int_eq(rv, APR_SUCCESS);
    ck_assert_int_eq(apr_global_mutex_timedlock(m, apr_time_from_sec(1)),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_global_mutex_unlock(m), APR_SUCCESS);
    apr_pool_destroy(sub);
}
END_TEST

START_TEST(unknown_mechanism)
{
    apr_global_mutex_t *m;

    ck_assert_int_eq(apr_global_mutex_create(&m, NULL, (apr_lockmech_e)42, p),
                     APR_ENOTIMPL);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("global_mutex");
    TCase *tc = apr_test_tcase("global_mutex");

    tcase_add_checked_fixture(tc, name_setup, name_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, threads_in_two_processes, 0, N_MECHS);
    tcase_add_loop_test(tc, threads_in_two_processes_trylock, 0, N_MECHS);
    tcase_add_loop_test(tc, threads_in_two_processes_timedlock, 0, N_MECHS);
    tcase_add_loop_test(tc, busy_for_another_thread, 0, N_MECHS);
    tcase_add_loop_test(tc, busy_for_another_process, 0, N_MECHS);
    tcase_add_loop_test(tc, accessors, 0, N_MECHS);
    tcase_add_loop_test(tc, pool_cleanup, 0, N_MECHS);
    tcase_add_test(tc, unknown_mechanism);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
