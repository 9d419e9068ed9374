/*
 * apr_file_lock / apr_file_unlock, contended by another process. The
 * other process is made with fork(): apr_proc_create arrives with the
 * processes issue.
 */
#include "testutil.h"

#include "apr_file_io.h"
#include "apr_strings.h"
#include "apr_time.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char name[64];

static void file_setup(void)
{
    int fd;
    strcpy(name, "/tmp/apr-test-flock-XXXXXX");
    fd = mkstemp(name);
    ck_assert_int_ge(fd, 0);
    close(fd);
}

static void file_teardown(void)
{
    unlink(name);
}

/* A child that takes a lock of `type` on the file, says so on `ready`,
 * waits for a byte on `release` (or hold_ms), unlocks and exits. */
static pid_t locking_child(int type, int ready, int release, int hold_ms)
{
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        apr_file_t *f;
        char c = 'L';
        if (apr_file_open(&f, name, APR_FOPEN_READ | APR_FOPEN_WRITE,
                          APR_FPROT_OS_DEFAULT, p) != APR_SUCCESS ||
            apr_file_lock(f, type) != APR_SUCCESS)
            _exit(1);
        if (write(ready, &c, 1) != 1)
            _exit(2);
        if (hold_ms)
            usleep((useconds_t)hold_ms * 1000);
        else if (read(release, &c, 1) != 1)
            _exit(3);
        if (apr_file_unlock(f) != APR_SUCCESS)
            _exit(4);
        _exit(0);
    }
    return pid;
}

static void reap(pid_t pid)
{
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);
}

static apr_file_t *open_rw(void)
{
    apr_file_t *f;
    ck_assert_int_eq(apr_file_open(&f, name, APR_FOPEN_READ | APR_FOPEN_WRITE,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    return f;
}

START_TEST(exclusive_contended)
{
    int ready[2], release[2];
    apr_file_t *f = open_rw();
    apr_status_t rv;
    pid_t pid;
    char c;

    ck_assert_int_eq(pipe(ready), 0);
    ck_assert_int_eq(pipe(release), 0);
    pid = locking_child(APR_FLOCK_EXCLUSIVE, ready[1], release[0], 0);
    ck_assert_int_eq(read(ready[0], &c, 1), 1);

    rv = apr_file_lock(f, APR_FLOCK_EXCLUSIVE | APR_FLOCK_NONBLOCK);
    ck_assert_int_ne(rv, APR_SUCCESS);
    ck_assert(APR_STATUS_IS_EAGAIN(rv));
    rv = apr_file_lock(f, APR_FLOCK_SHARED | APR_FLOCK_NONBLOCK);
    ck_assert(APR_STATUS_IS_EAGAIN(rv));

    ck_assert_int_eq(write(release[1], "x", 1), 1);
    reap(pid);
    ck_assert_int_eq(apr_file_lock(f, APR_FLOCK_EXCLUSIVE | APR_FLOCK_NONBLOCK),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_unlock(f), APR_SUCCESS);
}
END_TEST

START_TEST(shared_shares)
{
    int ready[2], release[2];
    apr_file_t *f = open_rw();
    pid_t pid;
    char c;

    ck_assert_int_eq(pipe(ready), 0);
    ck_assert_int_eq(pipe(release), 0);
    pid = locking_child(APR_FLOCK_SHARED, ready[1], release[0], 0);
    ck_assert_int_eq(read(ready[0], &c, 1), 1);
    ck_assert_int_eq(apr_file_lock(f, APR_FLOCK_SHARED | APR_FLOCK_NONBLOCK),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_unlock(f), APR_SUCCESS);
    ck_assert(APR_STATUS_IS_EAGAIN(
        apr_file_lock(f, APR_FLOCK_EXCLUSIVE | APR_FLOCK_NONBLOCK)));
    ck_assert_int_eq(write(release[1], "x", 1), 1);
    reap(pid);
}
END_TEST

START_TEST(blocking_lock_waits)
{
    int ready[2];
    apr_file_t *f = open_rw();
    apr_time_t start, elapsed;
    pid_t pid;
    char c;

    ck_assert_int_eq(pipe(ready), 0);
    pid = locking_child(APR_FLOCK_EXCLUSIVE, ready[1], -1, 300);
    ck_assert_int_eq(read(ready[0], &c, 1), 1);
    start = apr_time_now();
    ck_assert_int_eq(apr_file_lock(f, APR_FLOCK_EXCLUSIVE), APR_SUCCESS);
    elapsed = apr_time_now() - start;
    /* The child held it ~300ms after saying so; allow for scheduling. */
    ck_assert_int_ge(elapsed, apr_time_from_msec(100));
    ck_assert_int_lt(elapsed, apr_time_from_sec(30));
    ck_assert_int_eq(apr_file_unlock(f), APR_SUCCESS);
    reap(pid);
}
END_TEST

START_TEST(relock_converts)
{
    apr_file_t *f = open_rw();

    ck_assert_int_eq(apr_file_lock(f, APR_FLOCK_SHARED), APR_SUCCESS);
    ck_assert_int_eq(apr_file_lock(f, APR_FLOCK_EXCLUSIVE | APR_FLOCK_NONBLOCK),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_lock(f, APR_FLOCK_SHARED | APR_FLOCK_NONBLOCK),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_unlock(f), APR_SUCCESS);
    ck_assert_int_eq(apr_file_unlock(f), APR_SUCCESS);
}
END_TEST

START_TEST(lock_belongs_to_open_file)
{
    apr_file_t *f, *g = open_rw();

    /* As Debian's libapr (flock()): the open mode does not matter... */
    ck_assert_int_eq(apr_file_open(&f, name, APR_FOPEN_READ,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_lock(f, APR_FLOCK_EXCLUSIVE), APR_SUCCESS);
    /* ...and a second open of the file in this process conflicts. */
    ck_assert(APR_STATUS_IS_EAGAIN(
        apr_file_lock(g, APR_FLOCK_SHARED | APR_FLOCK_NONBLOCK)));
    ck_assert_int_eq(apr_file_unlock(f), APR_SUCCESS);
    ck_assert_int_eq(apr_file_lock(g, APR_FLOCK_SHARED | APR_FLOCK_NONBLOCK),
                     APR_SUCCESS);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("flock");
    TCase *tc = apr_test_tcase("flock");

    tcase_add_checked_fixture(tc, file_setup, file_teardown);
    tcase_add_test(tc, exclusive_contended);
    tcase_add_test(tc, shared_shares);
    tcase_add_test(tc, blocking_lock_waits);
    tcase_add_test(tc, relock_converts);
    tcase_add_test(tc, lock_belongs_to_open_file);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
