/*
 * apr_file_io.h pipes: blocking and non-blocking ends, timeouts, EOF,
 * named pipes. A child process writing into a pipe is made with fork():
 * apr_proc_create arrives with the processes issue.
 */
#include "testutil.h"

#include "apr_file_io.h"
#include "apr_portable.h"
#include "apr_strings.h"
#include "apr_time.h"

#include "apr_thread_proc.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int fd_of(apr_file_t *f)
{
    apr_os_file_t fd;
    ck_assert_int_eq(apr_os_file_get(&fd, f), APR_SUCCESS);
    return fd;
}

static int is_nonblocking(apr_file_t *f)
{
    return (fcntl(fd_of(f), F_GETFL) & O_NONBLOCK) != 0;
}

START_TEST(create_blocking_inheritable)
{
    apr_file_t *in, *out;
    apr_interval_time_t t = 0;
    apr_size_t n = 5;
    char buf[16];

    ck_assert_int_eq(apr_file_pipe_create(&in, &out, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_pipe_timeout_get(in, &t), APR_SUCCESS);
    ck_assert_int_eq(t, -1);
    ck_assert_int_eq(apr_file_pipe_timeout_get(out, &t), APR_SUCCESS);
    ck_assert_int_eq(t, -1);
    ck_assert(!is_nonblocking(in));
    ck_assert(!is_nonblocking(out));
    /* Pipes are made for children: inherited until told otherwise. */
    ck_assert_int_eq(fcntl(fd_of(in), F_GETFD) & FD_CLOEXEC, 0);
    ck_assert_int_eq(apr_file_inherit_unset(in), APR_SUCCESS);
    ck_assert_int_eq(fcntl(fd_of(in), F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);

    ck_assert_int_eq(apr_file_write(out, "hello", &n), APR_SUCCESS);
    ck_assert_uint_eq(n, 5);
    n = sizeof(buf);
    ck_assert_int_eq(apr_file_read(in, buf, &n), APR_SUCCESS);
    ck_assert_uint_eq(n, 5);
    ck_assert_int_eq(memcmp(buf, "hello", 5), 0);
    ck_assert_int_eq(apr_file_close(out), APR_SUCCESS);
    n = sizeof(buf);
    ck_assert_int_eq(apr_file_read(in, buf, &n), APR_EOF);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(apr_file_eof(in), APR_EOF);
}
END_TEST

START_TEST(timeout_on_file_is_einval)
{
    apr_file_t *f;
    apr_interval_time_t t;
    char name[] = "/tmp/apr-test-pipe-XXXXXX";

    ck_assert_int_eq(apr_file_mktemp(&f, name, 0, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_pipe_timeout_get(f, &t), APR_EINVAL);
    ck_assert_int_eq(apr_file_pipe_timeout_set(f, 10), APR_EINVAL);
}
END_TEST

START_TEST(create_ex_modes)
{
    apr_file_t *in, *out;
    apr_interval_time_t t;

    ck_assert_int_eq(apr_file_pipe_create_ex(&in, &out, APR_FULL_BLOCK, p),
                     APR_SUCCESS);
    ck_assert(!is_nonblocking(in) && !is_nonblocking(out));

    ck_assert_int_eq(apr_file_pipe_create_ex(&in, &out, APR_READ_BLOCK, p),
                     APR_SUCCESS);
    ck_assert(!is_nonblocking(in) && is_nonblocking(out));
    apr_file_pipe_timeout_get(in, &t);
    ck_assert_int_eq(t, -1);
    apr_file_pipe_timeout_get(out, &t);
    ck_assert_int_eq(t, 0);

    ck_assert_int_eq(apr_file_pipe_create_ex(&in, &out, APR_WRITE_BLOCK, p),
                     APR_SUCCESS);
    ck_assert(is_nonblocking(in) && !is_nonblocking(out));
    apr_file_pipe_timeout_get(in, &t);
    ck_assert_int_eq(t, 0);

    ck_assert_int_eq(apr_file_pipe_create_ex(&in, &out, APR_FULL_NONBLOCK, p),
                     APR_SUCCESS);
    ck_assert(is_nonblocking(in) && is_nonblocking(out));

    /* A negative timeout makes the end block again. */
    ck_assert_int_eq(apr_file_pipe_timeout_set(in, -1), APR_SUCCESS);
    ck_assert(!is_nonblocking(in));
    ck_assert_int_eq(apr_file_pipe_timeout_set(in, 1000), APR_SUCCESS);
    ck_assert(is_nonblocking(in));
    apr_file_pipe_timeout_get(in, &t);
    ck_assert_int_eq(t, 1000);
}
END_TEST

START_TEST(nonblocking_fill_and_drain)
{
    apr_file_t *in, *out;
    char chunk[1000], buf[4096];
    apr_size_t total_in = 0, total_out = 0, n;
    apr_status_t rv;
    int i;

    ck_assert_int_eq(apr_file_pipe_create_ex(&in, &out, APR_FULL_NONBLOCK, p),
                     APR_SUCCESS);
    /* Nothing to read yet. */
    n = sizeof(buf);
    rv = apr_file_read(in, buf, &n);
    ck_assert_int_eq(rv, APR_EAGAIN);
    ck_assert(APR_STATUS_IS_EAGAIN(rv));
    ck_assert_uint_eq(n, 0);

    for (i = 0; i < (int)sizeof(chunk); i++)
        chunk[i] = (char)(i * 7);
    for (i = 0; i < 100000; i++) {
        n = sizeof(chunk);
        rv = apr_file_write(out, chunk, &n);
        if (rv != APR_SUCCESS)
            break;
        ck_assert_uint_gt(n, 0);
        ck_assert_uint_le(n, sizeof(chunk));
        total_in += n;
    }
    ck_assert_int_eq(rv, APR_EAGAIN);
    ck_assert_uint_eq(n, 0);
    ck_assert_uint_gt(total_in, 0);

    for (;;) {
        apr_size_t k;
        n = sizeof(buf);
        rv = apr_file_read(in, buf, &n);
        if (rv != APR_SUCCESS)
            break;
        for (k = 0; k < n; k++)
            ck_assert_int_eq(buf[k], (char)(((total_out + k) % sizeof(chunk)) * 7));
        total_out += n;
    }
    ck_assert_int_eq(rv, APR_EAGAIN);
    ck_assert_uint_eq(total_out, total_in);
}
END_TEST

START_TEST(read_timeout_fires)
{
    apr_file_t *in, *out;
    char buf[8];
    apr_size_t n = sizeof(buf);
    apr_time_t start, elapsed;
    const apr_interval_time_t timeout = apr_time_from_msec(200);

    ck_assert_int_eq(apr_file_pipe_create(&in, &out, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_pipe_timeout_set(in, timeout), APR_SUCCESS);
    start = apr_time_now();
    ck_assert_int_eq(apr_file_read(in, buf, &n), APR_TIMEUP);
    elapsed = apr_time_now() - start;
    ck_assert_uint_eq(n, 0);
    ck_assert_int_ge(elapsed, timeout);
    ck_assert_int_lt(elapsed, apr_time_from_sec(10));
}
END_TEST

START_TEST(write_timeout_fires)
{
    apr_file_t *in, *out;
    char chunk[4096];
    apr_size_t n;
    apr_status_t rv;
    apr_time_t start, elapsed;
    const apr_interval_time_t timeout = apr_time_from_msec(150);
    int i;

    memset(chunk, 'w', sizeof(chunk));
    ck_assert_int_eq(apr_file_pipe_create(&in, &out, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_pipe_timeout_set(out, 0), APR_SUCCESS);
    for (i = 0; i < 100000; i++) {
        n = sizeof(chunk);
        if (apr_file_write(out, chunk, &n) != APR_SUCCESS)
            break;
    }
    ck_assert_int_eq(apr_file_pipe_timeout_set(out, timeout), APR_SUCCESS);
    start = apr_time_now();
    n = sizeof(chunk);
    rv = apr_file_write(out, chunk, &n);
    elapsed = apr_time_now() - start;
    ck_assert_int_eq(rv, APR_TIMEUP);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_ge(elapsed, timeout);
    ck_assert_int_lt(elapsed, apr_time_from_sec(10));
}
END_TEST

/* Fork a child that writes `total` bytes of a pattern to `out` in small
 * pieces with pauses, then exits. */
static pid_t feed_child(apr_file_t *out, apr_size_t total, int pause_ms)
{
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        int fd = fd_of(out);
        apr_size_t done = 0;
        while (done < total) {
            char piece[333];
            apr_size_t k, m = total - done < sizeof(piece) ? total - done
                                                           : sizeof(piece);
            for (k = 0; k < m; k++)
                piece[k] = (char)((done + k) % 251);
            if (write(fd, piece, m) != (ssize_t)m)
                _exit(1);
            done += m;
            if (pause_ms)
                usleep((useconds_t)pause_ms * 1000);
        }
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

START_TEST(read_full_from_child)
{
    enum { TOTAL = 20000 };
    apr_file_t *in, *out;
    char *buf = apr_palloc(p, TOTAL + 10);
    apr_size_t got = 0, k;
    pid_t pid;

    ck_assert_int_eq(apr_file_pipe_create(&in, &out, p), APR_SUCCESS);
    pid = feed_child(out, TOTAL, 1);
    apr_file_close(out);
    ck_assert_int_eq(apr_file_read_full(in, buf, TOTAL, &got), APR_SUCCESS);
    ck_assert_uint_eq(got, TOTAL);
    for (k = 0; k < TOTAL; k++)
        ck_assert_int_eq(buf[k], (char)(k % 251));
    /* The child is done: the end of the pipe. */
    ck_assert_int_eq(apr_file_read_full(in, buf, 10, &got), APR_EOF);
    ck_assert_uint_eq(got, 0);
    reap(pid);
}
END_TEST

START_TEST(timeout_read_gets_data_in_time)
{
    enum { TOTAL = 3000 };
    apr_file_t *in, *out;
    char *buf = apr_palloc(p, TOTAL);
    apr_size_t got = 0;
    pid_t pid;

    ck_assert_int_eq(apr_file_pipe_create(&in, &out, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_pipe_timeout_set(in, apr_time_from_sec(20)),
                     APR_SUCCESS);
    pid = feed_child(out, TOTAL, 5);
    apr_file_close(out);
    ck_assert_int_eq(apr_file_read_full(in, buf, TOTAL, &got), APR_SUCCESS);
    ck_assert_uint_eq(got, TOTAL);
    ck_assert_int_eq(buf[TOTAL - 1], (char)((TOTAL - 1) % 251));
    reap(pid);
}
END_TEST

START_TEST(gets_on_pipe)
{
    apr_file_t *in, *out;
    char buf[32];

    ck_assert_int_eq(apr_file_pipe_create(&in, &out, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_puts("first\nsecond\nrest", out), APR_SUCCESS);
    ck_assert_int_eq(apr_file_close(out), APR_SUCCESS);
    ck_assert_int_eq(apr_file_gets(buf, sizeof(buf), in), APR_SUCCESS);
    ck_assert_str_eq(buf, "first\n");
    ck_assert_int_eq(apr_file_gets(buf, sizeof(buf), in), APR_SUCCESS);
    ck_assert_str_eq(buf, "second\n");
    ck_assert_int_eq(apr_file_gets(buf, sizeof(buf), in), APR_SUCCESS);
    ck_assert_str_eq(buf, "rest");
    ck_assert_int_eq(apr_file_gets(buf, sizeof(buf), in), APR_EOF);
}
END_TEST

START_TEST(create_pools)
{
    apr_pool_t *pin, *pout;
    apr_file_t *in, *out;
    char buf[4];
    apr_size_t n = sizeof(buf);

    apr_pool_create(&pin, p);
    apr_pool_create(&pout, p);
    ck_assert_int_eq(apr_file_pipe_create_pools(&in, &out, APR_FULL_BLOCK,
                                                pin, pout),
                     APR_SUCCESS);
    ck_assert_ptr_eq(apr_file_pool_get(in), pin);
    ck_assert_ptr_eq(apr_file_pool_get(out), pout);
    /* Destroying the writer's pool closes it: the reader sees the end. */
    apr_pool_destroy(pout);
    ck_assert_int_eq(apr_file_read(in, buf, &n), APR_EOF);
}
END_TEST

START_TEST(os_pipe_put)
{
    int fds[2];
    apr_file_t *in, *out;
    apr_interval_time_t t;
    char buf[4];
    apr_size_t n = 2;

    ck_assert_int_eq(pipe(fds), 0);
    ck_assert_int_eq(apr_os_pipe_put(&in, &fds[0], p), APR_SUCCESS);
    ck_assert_int_eq(apr_os_pipe_put_ex(&out, &fds[1], 1, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_pipe_timeout_get(in, &t), APR_SUCCESS);
    ck_assert_int_eq(t, -1);
    ck_assert_int_eq(apr_file_pipe_timeout_set(in, 0), APR_SUCCESS);
    ck_assert(is_nonblocking(in));
    ck_assert_int_eq(apr_file_read(in, buf, &n), APR_EAGAIN);
    n = 2;
    ck_assert_int_eq(apr_file_write(out, "ok", &n), APR_SUCCESS);
    n = sizeof(buf);
    ck_assert_int_eq(apr_file_read(in, buf, &n), APR_SUCCESS);
    ck_assert_uint_eq(n, 2);
    /* The one put without a cleanup is not closed by the pool. */
    apr_pool_clear(p);
    ck_assert_int_ge(fcntl(fds[0], F_GETFD), 0);
    ck_assert_int_eq(fcntl(fds[1], F_GETFD), -1);
    close(fds[0]);
}
END_TEST

START_TEST(namedpipe)
{
    char dir[] = "/tmp/apr-test-fifo-XXXXXX";
    const char *name;
    struct stat st;
    mode_t old = umask(0);

    ck_assert_ptr_nonnull(mkdtemp(dir));
    name = apr_pstrcat(p, dir, "/fifo", NULL);
    ck_assert_int_eq(apr_file_namedpipe_create(name, APR_FPROT_UREAD |
                                               APR_FPROT_UWRITE, p),
                     APR_SUCCESS);
    ck_assert_int_eq(stat(name, &st), 0);
    ck_assert(S_ISFIFO(st.st_mode));
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    ck_assert_int_eq(apr_file_namedpipe_create(name, APR_FPROT_UREAD, p),
                     APR_EEXIST);
    unlink(name);
    rmdir(dir);
    umask(old);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("pipe");
    TCase *tc = apr_test_tcase("pipe");

    tcase_add_test(tc, create_blocking_inheritable);
    tcase_add_test(tc, timeout_on_file_is_einval);
    tcase_add_test(tc, create_ex_modes);
    tcase_add_test(tc, nonblocking_fill_and_drain);
    tcase_add_test(tc, read_timeout_fires);
    tcase_add_test(tc, write_timeout_fires);
    tcase_add_test(tc, read_full_from_child);
    tcase_add_test(tc, timeout_read_gets_data_in_time);
    tcase_add_test(tc, gets_on_pipe);
    tcase_add_test(tc, create_pools);
    tcase_add_test(tc, os_pipe_put);
    tcase_add_test(tc, namedpipe);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
