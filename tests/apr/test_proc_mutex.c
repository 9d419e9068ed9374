/*
 * apr_proc_mutex: every mechanism, contended by real processes.
 *
 * Each test is a Check loop test over the mechanisms (index = the
 * apr_lockmech_e value); a mechanism this platform lacks (APR_ENOTIMPL) is
 * skipped with a message. The processes are made with fork() and the
 * shared counter is an anonymous shared mapping: apr_proc_fork and apr_shm
 * were being written alongside this module.
 */
#include "testutil.h"

#include "apr_proc_mutex.h"
#include "apr_portable.h"
#include "apr_strings.h"
#include "apr_time.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/sem.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define N_MECHS 7
#define N_CHILDREN 4
#define N_LOOPS 1000

static const char *const mech_names[N_MECHS] = {
    "fcntl", "flock", "sysvsem", "pthread", "posixsem", "default",
    "default_timed",
};

static char lockname[64];

static void name_setup(void)
{
    snprintf(lockname, sizeof(lockname), "/tmp/apr-test-pmutex-%ld",
             (long)getpid());
    unlink(lockname);
}

static void name_teardown(void)
{
    unlink(lockname);
}

/* Create a mutex of mechanism `mech`; 0 (with a message) when the
 * platform lacks it. */
static int create(apr_proc_mutex_t **m, const char *fname, int mech)
{
    apr_status_t rv = apr_proc_mutex_create(m, fname, (apr_lockmech_e)mech, p);

    if (rv == APR_ENOTIMPL) {
        fprintf(stderr, "skipped: mechanism %s is not implemented here\n",
                mech_names[mech]);
        return 0;
    }
    ck_assert_int_eq(rv, APR_SUCCESS);
    return 1;
}

static apr_lockmech_e actual_mech(apr_proc_mutex_t *m)
{
    return apr_proc_mutex_mech(m);
}

static void *shared_page(void)
{
    void *mem = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    ck_assert_ptr_ne(mem, MAP_FAILED);
    return mem;
}

static int wait_child(pid_t pid)
{
    int status;

    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
}

/* In a forked child: a child pool, child_init, as a server's child does.
 * Returns the mutex to use, or NULL on failure. */
static apr_proc_mutex_t *child_mutex(apr_proc_mutex_t *m, const char *fname,
                                     apr_pool_t **cp)
{
    if (apr_pool_create(cp, p) != APR_SUCCESS)
        return NULL;
    if (apr_proc_mutex_child_init(&m, fname, *cp) != APR_SUCCESS)
        return NULL;
    return m;
}

static void bump(volatile long *counter, int j)
{
    long v = *counter;

    if (j % 64 == 0)
        sched_yield(); /* widen the window a lost update would need */
    *counter = v + 1;
}

static int count_in_child(apr_proc_mutex_t *m, const char *fname,
                          volatile long *counter, int style)
{
    apr_pool_t *cp;
    apr_status_t rv;
    int j;

    m = child_mutex(m, fname, &cp);
    if (m == NULL)
        return 1;
    for (j = 0; j < N_LOOPS; j++) {
        if (style == 0) {
            rv = apr_proc_mutex_lock(m);
        }
        else if (style == 1) {
            while ((rv = apr_proc_mutex_trylock(m)) == APR_EBUSY)
                sched_yield();
        }
        else {
            rv = apr_proc_mutex_timedlock(m, apr_time_from_sec(30));
        }
        if (rv != APR_SUCCESS)
            return 2;
        bump(counter, j);
        if (apr_proc_mutex_unlock(m) != APR_SUCCESS)
            return 3;
    }
    apr_pool_destroy(cp);
    return 0;
}

/* N_CHILDREN processes each add N_LOOPS under the lock, taken with
 * lock (style 0), trylock (1) or timedlock (2): the total is exact. */
static void contend(int mech, const char *fname, int style)
{
    volatile long *counter = shared_page();
    apr_proc_mutex_t *m;
    pid_t pids[N_CHILDREN];
    int i;

    if (!create(&m, fname, mech))
        return;
    for (i = 0; i < N_CHILDREN; i++) {
        pids[i] = fork();
        ck_assert_int_ge(pids[i], 0);
        if (pids[i] == 0)
            _exit(count_in_child(m, fname, counter, style));
    }
    for (i = 0; i < N_CHILDREN; i++)
        ck_assert_int_eq(wait_child(pids[i]), 0);
    ck_assert_int_eq(*counter, N_CHILDREN * N_LOOPS);
    ck_assert_int_eq(apr_proc_mutex_destroy(m), APR_SUCCESS);
    munmap((void *)counter, 4096);
}

START_TEST(contended_lock_anonymous)
{
    contend(_i, NULL, 0);
}
END_TEST

START_TEST(contended_lock_named)
{
    contend(_i, lockname, 0);
}
END_TEST

START_TEST(contended_trylock)
{
    contend(_i, NULL, 1);
}
END_TEST

START_TEST(contended_timedlock)
{
    contend(_i, lockname, 2);
}
END_TEST

/* A child that takes the lock, says so on `ready`, and unlocks after a
 * byte arrives on `go` (or, with die, exits still holding it). */
static pid_t holder(apr_proc_mutex_t *m, const char *fname, int *ready_rd,
                    int *go_wr, int die)
{
    int ready[2], go[2];
    pid_t pid;

    ck_assert_int_eq(pipe(ready), 0);
    ck_assert_int_eq(pipe(go), 0);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        apr_pool_t *cp;
        char c = 'x';

        close(ready[0]);
        close(go[1]);
        m = child_mutex(m, fname, &cp);
        if (m == NULL || apr_proc_mutex_lock(m) != APR_SUCCESS)
            _exit(1);
        if (write(ready[1], &c, 1) != 1)
            _exit(2);
        if (die)
            _exit(0); /* still holding it */
        if (read(go[0], &c, 1) != 1)
            _exit(3);
        if (apr_proc_mutex_unlock(m) != APR_SUCCESS)
            _exit(4);
        _exit(0);
    }
    close(ready[1]);
    close(go[0]);
    *ready_rd = ready[0];
    *go_wr = go[1];
    return pid;
}

static void wait_ready(int fd)
{
    char c;
    ck_assert_int_eq(read(fd, &c, 1), 1);
}

START_TEST(busy_while_held_elsewhere)
{
    apr_proc_mutex_t *m;
    apr_interval_time_t timeout = apr_time_from_msec(200);
    apr_time_t start, took;
    apr_status_t rv;
    int rd, wr;
    pid_t pid;

    if (!create(&m, lockname, _i))
        return;
    pid = holder(m, lockname, &rd, &wr, 0);
    wait_ready(rd);

    rv = apr_proc_mutex_trylock(m);
    ck_assert_int_eq(rv, APR_EBUSY);
    ck_assert(APR_STATUS_IS_EBUSY(rv));

    rv = apr_proc_mutex_timedlock(m, 0);
    ck_assert_int_eq(rv, APR_TIMEUP);
    rv = apr_proc_mutex_timedlock(m, -1);
    ck_assert_int_eq(rv, APR_TIMEUP);

    start = apr_time_now();
    rv = apr_proc_mutex_timedlock(m, timeout);
    took = apr_time_now() - start;
    ck_assert_int_eq(rv, APR_TIMEUP);
    ck_assert(APR_STATUS_IS_TIMEUP(rv));
    /* Not before the timeout (1 ms of slack for the kernel's relative
     * clock against the wall clock), and not absurdly after. */
    ck_assert_int_ge(took, timeout - apr_time_from_msec(1));
    ck_assert_int_lt(took, timeout + apr_time_from_sec(10));

    ck_assert_int_eq(write(wr, "g", 1), 1);
    ck_assert_int_eq(wait_child(pid), 0);
    ck_assert_int_eq(apr_proc_mutex_trylock(m), APR_SUCCESS);
    ck_assert_int_eq(apr_proc_mutex_unlock(m), APR_SUCCESS);
    close(rd);
    close(wr);
}
END_TEST

/* A timed lock waits for a holder that lets go in time. */
START_TEST(timedlock_gets_it_when_released)
{
    apr_proc_mutex_t *m;
    apr_time_t start, took;
    int rd, wr;
    pid_t pid, helper;

    if (!create(&m, NULL, _i))
        return;
    pid = holder(m, NULL, &rd, &wr, 0);
    wait_ready(rd);
    start = apr_time_now();
    /* The holder is released from a second child 100 ms from now. */
    helper = fork();
    ck_assert_int_ge(helper, 0);
    if (helper == 0) {
        apr_sleep(apr_time_from_msec(100));
        _exit(write(wr, "g", 1) == 1 ? 0 : 1);
    }
    ck_assert_int_eq(apr_proc_mutex_timedlock(m, apr_time_from_sec(20)),
                     APR_SUCCESS);
    took = apr_time_now() - start;
    ck_assert_int_ge(took, apr_time_from_msec(90));
    ck_assert_int_lt(took, apr_time_from_sec(20));
    ck_assert_int_eq(apr_proc_mutex_unlock(m), APR_SUCCESS);
    ck_assert_int_eq(wait_child(pid), 0);
    ck_assert_int_eq(wait_child(helper), 0);
    close(rd);
    close(wr);
}
END_TEST

/* A holder that dies without unlocking: pthread (robust), sysvsem
 * (SEM_UNDO), fcntl and flock (the kernel drops the dead process's locks)
 * all let the next locker in; a POSIX semaphore stays taken. */
START_TEST(holder_dies)
{
    apr_proc_mutex_t *m;
    int rd, wr;
    pid_t pid;

    if (!create(&m, NULL, _i))
        return;
    if (actual_mech(m) == APR_LOCK_POSIXSEM) {
        fprintf(stderr, "skipped: a POSIX semaphore is not recovered\n");
        return;
    }
    pid = holder(m, NULL, &rd, &wr, 1);
    wait_ready(rd);
    ck_assert_int_eq(wait_child(pid), 0);
    ck_assert_int_eq(apr_proc_mutex_timedlock(m, apr_time_from_sec(20)),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_proc_mutex_unlock(m), APR_SUCCESS);
    /* ...and it is a working mutex afterwards. */
    ck_assert_int_eq(apr_proc_mutex_lock(m), APR_SUCCESS);
    ck_assert_int_eq(apr_proc_mutex_unlock(m), APR_SUCCESS);
    pid = holder(m, NULL, &rd, &wr, 0);
    wait_ready(rd);
    ck_assert_int_eq(apr_proc_mutex_trylock(m), APR_EBUSY);
    ck_assert_int_eq(write(wr, "g", 1), 1);
    ck_assert_int_eq(wait_child(pid), 0);
    ck_assert_int_eq(apr_proc_mutex_destroy(m), APR_SUCCESS);
    close(rd);
    close(wr);
}
END_TEST

/* The robust pthread mutex, with a blocking lock already waiting when the
 * holder dies. */
START_TEST(pthread_owner_dies_while_waiting)
{
    apr_proc_mutex_t *m;
    int rd, wr;
    pid_t pid, killer;

    if (!create(&m, NULL, APR_LOCK_PROC_PTHREAD))
        return;
    pid = holder(m, NULL, &rd, &wr, 0);
    wait_ready(rd);
    /* A killer child ends the holder 100 ms from now, lock held. */
    killer = fork();
    ck_assert_int_ge(killer, 0);
    if (killer == 0) {
        apr_sleep(apr_time_from_msec(100));
        _exit(kill(pid, SIGKILL) == 0 ? 0 : 1);
    }
    ck_assert_int_eq(apr_proc_mutex_lock(m), APR_SUCCESS);
    ck_assert_int_eq(apr_proc_mutex_unlock(m), APR_SUCCESS);
    ck_assert_int_eq(wait_child(pid), 100 + SIGKILL);
    ck_assert_int_eq(wait_child(killer), 0);
    ck_assert_int_eq(apr_proc_mutex_trylock(m), APR_SUCCESS);
    ck_assert_int_eq(apr_proc_mutex_unlock(m), APR_SUCCESS);
    close(rd);
    close(wr);
}
END_TEST

START_TEST(names_and_mechs)
{
    static const apr_lockmech_e real[N_MECHS] = {
        APR_LOCK_FCNTL, APR_LOCK_FLOCK, APR_LOCK_SYSVSEM,
        APR_LOCK_PROC_PTHREAD, APR_LOCK_POSIXSEM,
    };
    apr_proc_mutex_t *m;
    const char *defname = apr_proc_mutex_defname();

    if (!create(&m, lockname, _i))
        return;
    ck_assert_ptr_eq(apr_proc_mutex_pool_get(m), p);
    if (_i < APR_LOCK_DEFAULT) {
        ck_assert_int_eq(apr_proc_mutex_mech(m), real[_i]);
        ck_assert_str_eq(apr_proc_mutex_name(m), mech_names[_i]);
    }
    else if (_i == APR_LOCK_DEFAULT) {
        ck_assert_str_eq(apr_proc_mutex_name(m), defname);
    }
    else {
        /* A mechanism that times out natively; pthread on Linux. */
#if APR_HAS_PROC_PTHREAD_SERIALIZE
        ck_assert_int_eq(apr_proc_mutex_mech(m), APR_LOCK_PROC_PTHREAD);
#endif
    }
    ck_assert_int_ne(apr_proc_mutex_mech(m), APR_LOCK_DEFAULT);
    ck_assert_int_ne(apr_proc_mutex_mech(m), APR_LOCK_DEFAULT_TIMED);
    ck_assert_int_eq(apr_proc_mutex_destroy(m), APR_SUCCESS);
}
END_TEST

START_TEST(default_name)
{
    apr_proc_mutex_t *m;

#if APR_USE_PROC_PTHREAD_SERIALIZE
    ck_assert_str_eq(apr_proc_mutex_defname(), "pthread");
#endif
    ck_assert_int_eq(apr_proc_mutex_create(&m, NULL, APR_LOCK_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_str_eq(apr_proc_mutex_name(m), apr_proc_mutex_defname());
    ck_assert_int_eq(apr_proc_mutex_create(&m, NULL, (apr_lockmech_e)42, p),
                     APR_ENOTIMPL);
}
END_TEST

/* Lock files: fcntl unlinks its file at once, flock keeps it until the
 * mutex is destroyed; the others have none. */
START_TEST(lock_files)
{
    apr_proc_mutex_t *m, *anon;
    const char *lf;
    struct stat st;

    if (!create(&m, lockname, _i))
        return;
    ck_assert(create(&anon, NULL, _i));
    switch (apr_proc_mutex_mech(m)) {
    case APR_LOCK_FCNTL:
        ck_assert_str_eq(apr_proc_mutex_lockfile(m), lockname);
        ck_assert_int_ne(stat(lockname, &st), 0);
        lf = apr_proc_mutex_lockfile(anon);
        ck_assert_ptr_nonnull(lf);
        ck_assert_int_eq(strncmp(lf, "/tmp/apr", 8), 0);
        ck_assert_int_ne(stat(lf, &st), 0);
        break;
    case APR_LOCK_FLOCK:
        ck_assert_str_eq(apr_proc_mutex_lockfile(m), lockname);
        ck_assert_int_eq(stat(lockname, &st), 0);
        ck_assert_int_eq(st.st_mode & 0777 & ~0600, 0);
        lf = apr_proc_mutex_lockfile(anon);
        ck_assert_ptr_nonnull(lf);
        ck_assert_int_eq(strncmp(lf, "/tmp/apr", 8), 0);
        ck_assert_int_eq(stat(lf, &st), 0);
        ck_assert_int_eq(apr_proc_mutex_destroy(anon), APR_SUCCESS);
        ck_assert_int_ne(stat(lf, &st), 0);
        break;
    default:
        ck_assert_ptr_null(apr_proc_mutex_lockfile(m));
        ck_assert_ptr_null(apr_proc_mutex_lockfile(anon));
        break;
    }
    ck_assert_int_eq(apr_proc_mutex_destroy(m), APR_SUCCESS);
    ck_assert_int_ne(stat(lockname, &st), 0);
}
END_TEST

/* The lock file is created exclusively. */
START_TEST(lock_file_exists)
{
    apr_proc_mutex_t *m;
    apr_status_t rv;
    int fd = open(lockname, O_CREAT | O_WRONLY, 0600);

    ck_assert_int_ge(fd, 0);
    close(fd);
    rv = apr_proc_mutex_create(&m, lockname, (apr_lockmech_e)_i, p);
    ck_assert_int_eq(rv, APR_EEXIST);
    ck_assert(APR_STATUS_IS_EEXIST(rv));
}
END_TEST

/* child_init: flock opens the file again (a new structure that excludes
 * the first even in one process); the others keep the inherited one. */
START_TEST(child_init_per_mech)
{
    apr_proc_mutex_t *m, *c;
    apr_pool_t *cp;

    if (!create(&m, lockname, _i))
        return;
    ck_assert_int_eq(apr_pool_create(&cp, p), APR_SUCCESS);
    c = m;
    ck_assert_int_eq(apr_proc_mutex_child_init(&c, lockname, cp),
                     APR_SUCCESS);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(apr_proc_mutex_mech(c), apr_proc_mutex_mech(m));
    if (apr_proc_mutex_mech(m) == APR_LOCK_FLOCK) {
        ck_assert_ptr_ne(c, m);
        ck_assert_str_eq(apr_proc_mutex_lockfile(c), lockname);
        ck_assert_int_eq(apr_proc_mutex_lock(m), APR_SUCCESS);
        ck_assert_int_eq(apr_proc_mutex_trylock(c), APR_EBUSY);
        ck_assert_int_eq(apr_proc_mutex_unlock(m), APR_SUCCESS);
        ck_assert_int_eq(apr_proc_mutex_trylock(c), APR_SUCCESS);
        ck_assert_int_eq(apr_proc_mutex_unlock(c), APR_SUCCESS);
        /* NULL: the name the mutex already has */
        c = m;
        ck_assert_int_eq(apr_proc_mutex_child_init(&c, NULL, cp),
                         APR_SUCCESS);
        ck_assert_str_eq(apr_proc_mutex_lockfile(c), lockname);
        /* a file that is not there */
        c = m;
        ck_assert_int_eq(apr_proc_mutex_child_init(&c, "/nonexistent/x", cp),
                         APR_ENOENT);
    }
    else {
        ck_assert_ptr_eq(c, m);
        c = m;
        ck_assert_int_eq(apr_proc_mutex_child_init(&c, NULL, cp),
                         APR_SUCCESS);
        ck_assert_ptr_eq(c, m);
    }
    apr_pool_destroy(cp);
    /* The creator's mutex still works after the child pool is gone. */
    ck_assert_int_eq(apr_proc_mutex_lock(m), APR_SUCCESS);
    ck_assert_int_eq(apr_proc_mutex_unlock(m), APR_SUCCESS);
}
END_TEST

START_TEST(perms_set)
{
    apr_proc_mutex_t *m;
    apr_os_proc_mutex_t os;
    apr_status_t rv;

    if (!create(&m, lockname, _i))
        return;
    rv = apr_proc_mutex_perms_set(m, APR_FPROT_UREAD | APR_FPROT_UWRITE,
                                  getuid(), getgid());
    switch (apr_proc_mutex_mech(m)) {
    case APR_LOCK_FCNTL:
    case APR_LOCK_FLOCK:
        ck_assert_int_eq(rv, APR_SUCCESS);
        if (geteuid() == 0) {
            struct stat st;
            ck_assert_int_eq(apr_os_proc_mutex_get(&os, m), APR_SUCCESS);
            ck_assert_int_eq(apr_proc_mutex_perms_set(m, 0x0600, 1, 1),
                             APR_SUCCESS);
            ck_assert_int_eq(fstat(os.crossproc, &st), 0);
            ck_assert_int_eq(st.st_uid, 1);
            /* without APR_FPROT_GSETID the group is left alone */
            ck_assert_int_eq(st.st_gid, getgid());
        }
        break;
    case APR_LOCK_SYSVSEM: {
        struct semid_ds ds;
        union { int val; struct semid_ds *buf; } arg;

        ck_assert_int_eq(rv, APR_SUCCESS);
        ck_assert_int_eq(apr_os_proc_mutex_get(&os, m), APR_SUCCESS);
        arg.buf = &ds;
        ck_assert_int_eq(semctl(os.crossproc, 0, IPC_STAT, arg), 0);
        ck_assert_int_eq(ds.sem_perm.mode & 0777, 0600);
        ck_assert_int_eq(ds.sem_perm.uid, getuid());
        break;
    }
    default:
        ck_assert_int_eq(rv, APR_ENOTIMPL);
        break;
    }
}
END_TEST

/* Native pieces out and back in: the wrapped mutex is the same lock. */
START_TEST(os_get_put)
{
    apr_proc_mutex_t *m, *w = NULL;
    apr_os_proc_mutex_t os, empty;
    apr_lockmech_e mech = APR_LOCK_DEFAULT;

    if (!create(&m, NULL, _i))
        return;
    ck_assert_int_eq(apr_os_proc_mutex_get_ex(&os, m, &mech), APR_SUCCESS);
    ck_assert_int_eq(mech, apr_proc_mutex_mech(m));
    ck_assert_int_eq(apr_os_proc_mutex_get_ex(&os, m, NULL), APR_SUCCESS);

    /* Nothing to wrap: APR_EINVAL. */
    memset(&empty, 0, sizeof(empty));
#if APR_HAS_SYSVSEM_SERIALIZE || APR_HAS_FCNTL_SERIALIZE || \
    APR_HAS_FLOCK_SERIALIZE
    empty.crossproc = -1;
#endif
    ck_assert_int_eq(apr_os_proc_mutex_put_ex(&w, &empty, mech, 0, p),
                     APR_EINVAL);

    w = NULL;
    ck_assert_int_eq(apr_os_proc_mutex_put_ex(&w, &os, mech, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_proc_mutex_mech(w), mech);
    /* Locks of one process do not exclude each other with fcntl/flock on
     * one descriptor; the semaphores and the pthread mutex do. */
    if (mech != APR_LOCK_FCNTL && mech != APR_LOCK_FLOCK) {
        ck_assert_int_eq(apr_proc_mutex_lock(w), APR_SUCCESS);
        ck_assert_int_eq(apr_proc_mutex_trylock(m), APR_EBUSY);
        ck_assert_int_eq(apr_proc_mutex_unlock(w), APR_SUCCESS);
        ck_assert_int_eq(apr_proc_mutex_trylock(m), APR_SUCCESS);
        ck_assert_int_eq(apr_proc_mutex_unlock(m), APR_SUCCESS);
    }
    if (_i == APR_LOCK_DEFAULT) {
        w = NULL;
        ck_assert_int_eq(apr_os_proc_mutex_put(&w, &os, p), APR_SUCCESS);
        ck_assert_str_eq(apr_proc_mutex_name(w), apr_proc_mutex_defname());
    }
    ck_assert_int_eq(apr_os_proc_mutex_put_ex(&w, &os, mech, 0, NULL),
                     APR_ENOPOOL);
}
END_TEST

/* Destroy releases the mutex once; the pool's cleanup then has nothing
 * left to do. A pool destroyed while its mutex is held releases it. */
START_TEST(destroy_and_cleanup)
{
    apr_proc_mutex_t *m;
    apr_pool_t *sub;

    if (!create(&m, NULL, _i))
        return;
    ck_assert_int_eq(apr_proc_mutex_destroy(m), APR_SUCCESS);

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    ck_assert_int_eq(apr_proc_mutex_create(&m, NULL, (apr_lockmech_e)_i, sub),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_proc_mutex_lock(m), APR_SUCCESS);
    ck_assert_int_eq(apr_proc_mutex_unlock(m), APR_SUCCESS);
    ck_assert_int_eq(apr_proc_mutex_lock(m), APR_SUCCESS);
    apr_pool_destroy(sub);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("proc_mutex");
    TCase *tc = apr_test_tcase("proc_mutex");

    tcase_add_checked_fixture(tc, name_setup, name_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, contended_lock_anonymous, 0, N_MECHS);
    tcase_add_loop_test(tc, contended_lock_named, 0, N_MECHS);
    tcase_add_loop_test(tc, contended_trylock, 0, N_MECHS);
    tcase_add_loop_test(tc, contended_timedlock, 0, N_MECHS);
    tcase_add_loop_test(tc, busy_while_held_elsewhere, 0, N_MECHS);
    tcase_add_loop_test(tc, timedlock_gets_it_when_released, 0, N_MECHS);
    tcase_add_loop_test(tc, holder_dies, 0, N_MECHS);
    tcase_add_test(tc, pthread_owner_dies_while_waiting);
    tcase_add_loop_test(tc, names_and_mechs, 0, N_MECHS);
    tcase_add_test(tc, default_name);
    tcase_add_loop_test(tc, lock_files, 0, N_MECHS);
    tcase_add_loop_test(tc, lock_file_exists, APR_LOCK_FCNTL,
                        APR_LOCK_FLOCK + 1);
    tcase_add_loop_test(tc, child_init_per_mech, 0, N_MECHS);
    tcase_add_loop_test(tc, perms_set, 0, N_MECHS);
    tcase_add_loop_test(tc, os_get_put, 0, N_MECHS);
    tcase_add_loop_test(tc, destroy_and_cleanup, 0, N_MECHS);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
