/*
 * apr_poll(): one wait over a caller's array of apr_pollfd_t.
 * Sockets are socketpair() wrapped with apr_os_sock_put(); pipes come
 * from apr_file_pipe_create().
 */
#include "testutil.h"

#include "apr_poll.h"
#include "apr_portable.h"
#include "apr_file_io.h"
#include "apr_time.h"

#include <unistd.h>
#include <sys/socket.h>

typedef struct {
    int fd[2];
    apr_socket_t *s[2];
} sockpair_t;

static void make_pair(sockpair_t *sp)
{
    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sp->fd), 0);
    sp->s[0] = sp->s[1] = NULL;
    ck_assert_int_eq(apr_os_sock_put(&sp->s[0], &sp->fd[0], p), APR_SUCCESS);
    ck_assert_int_eq(apr_os_sock_put(&sp->s[1], &sp->fd[1], p), APR_SUCCESS);
}

static apr_pollfd_t sock_pfd(apr_socket_t *s, apr_int16_t ev)
{
    apr_pollfd_t pfd = { p, APR_POLL_SOCKET, ev, 0, { NULL }, NULL };
    pfd.desc.s = s;
    return pfd;
}

START_TEST(small_array)
{
    sockpair_t sp;
    apr_pollfd_t set[3];
    apr_int32_t n = -1;

    make_pair(&sp);
    set[0] = sock_pfd(sp.s[0], APR_POLLIN);
    set[1] = sock_pfd(sp.s[1], APR_POLLOUT);
    set[2] = sock_pfd(sp.s[1], APR_POLLIN);
    ck_assert_int_eq(apr_poll(set, 3, &n, 1000000), APR_SUCCESS);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(set[0].rtnevents, 0);
    ck_assert_int_eq(set[1].rtnevents, APR_POLLOUT);
    ck_assert_int_eq(set[2].rtnevents, 0);

    ck_assert_int_eq(write(sp.fd[1], "x", 1), 1);
    ck_assert_int_eq(apr_poll(set, 3, &n, -1), APR_SUCCESS);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(set[0].rtnevents, APR_POLLIN);
    ck_assert_int_eq(set[1].rtnevents, APR_POLLOUT);
    ck_assert_int_eq(set[2].rtnevents, 0);

    close(sp.fd[1]);
    ck_assert_int_eq(apr_poll(set, 1, &n, 0), APR_SUCCESS);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(set[0].rtnevents & APR_POLLHUP, APR_POLLHUP);
    close(sp.fd[0]);
}
END_TEST

START_TEST(timeout_not_before)
{
    sockpair_t sp;
    apr_pollfd_t set[2];
    apr_int32_t n = -1;
    apr_time_t start, took;

    make_pair(&sp);
    set[0] = sock_pfd(sp.s[0], APR_POLLIN);
    set[1] = sock_pfd(sp.s[1], APR_POLLIN);
    start = apr_time_now();
    ck_assert_int_eq(apr_poll(set, 2, &n, 50000), APR_TIMEUP);
    took = apr_time_now() - start;
    ck_assert_int_eq(n, 0);
    ck_assert_int_ge(took, 50000);
    ck_assert_int_lt(took, 5000000);

    /* An empty array just waits. */
    start = apr_time_now();
    ck_assert_int_eq(apr_poll(set, 0, &n, 20000), APR_TIMEUP);
    ck_assert_int_ge(apr_time_now() - start, 20000);
    ck_assert_int_eq(n, 0);
    close(sp.fd[0]);
    close(sp.fd[1]);
}
END_TEST

START_TEST(no_desc_and_lastdesc)
{
    sockpair_t sp;
    apr_pollfd_t set[3];
    apr_int32_t n = -1;

    make_pair(&sp);
    set[0] = sock_pfd(sp.s[0], APR_POLLIN);
    set[1] = sock_pfd(sp.s[1], APR_POLLOUT);
    set[2] = sock_pfd(sp.s[0], APR_POLLOUT);
    ck_assert_int_eq(apr_poll(set, 3, &n, 0), APR_SUCCESS);
    ck_assert_int_eq(n, 2);
    /* An entry that is neither socket nor file ends the array, whether
     * APR_POLL_LASTDESC (its old use) or APR_NO_DESC. */
    set[1].desc_type = APR_POLL_LASTDESC;
    ck_assert_int_eq(apr_poll(set, 3, &n, 0), APR_TIMEUP);
    ck_assert_int_eq(n, 0);
    set[1].desc_type = APR_NO_DESC;
    ck_assert_int_eq(apr_poll(set, 3, &n, 0), APR_TIMEUP);
    ck_assert_int_eq(n, 0);
    close(sp.fd[0]);
    close(sp.fd[1]);
}
END_TEST

START_TEST(pipe_files)
{
    apr_file_t *r, *w;
    apr_pollfd_t set[2] = { { 0 }, { 0 } };
    apr_int32_t n;
    apr_size_t len = 1;

    ck_assert_int_eq(apr_file_pipe_create(&r, &w, p), APR_SUCCESS);
    set[0].p = set[1].p = p;
    set[0].desc_type = set[1].desc_type = APR_POLL_FILE;
    set[0].desc.f = r;
    set[0].reqevents = APR_POLLIN;
    set[1].desc.f = w;
    set[1].reqevents = APR_POLLOUT;
    ck_assert_int_eq(apr_poll(set, 2, &n, 0), APR_SUCCESS);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(set[0].rtnevents, 0);
    ck_assert_int_eq(set[1].rtnevents, APR_POLLOUT);
    ck_assert_int_eq(apr_file_write(w, "z", &len), APR_SUCCESS);
    ck_assert_int_eq(apr_poll(set, 1, &n, 0), APR_SUCCESS);
    ck_assert_int_eq(set[0].rtnevents, APR_POLLIN);
}
END_TEST

START_TEST(large_array)
{
    enum { PAIRS = 100 };
    sockpair_t *sp = apr_palloc(p, PAIRS * sizeof *sp);
    apr_pollfd_t *set = apr_palloc(p, PAIRS * sizeof *set);
    apr_int32_t n;
    int j;

    for (j = 0; j < PAIRS; j++) {
        make_pair(&sp[j]);
        set[j] = sock_pfd(sp[j].s[0], APR_POLLIN);
        if (j % 10 == 3)
            ck_assert_int_eq(write(sp[j].fd[1], "x", 1), 1);
    }
    ck_assert_int_eq(apr_poll(set, PAIRS, &n, 1000000), APR_SUCCESS);
    ck_assert_int_eq(n, PAIRS / 10);
    for (j = 0; j < PAIRS; j++) {
        ck_assert_int_eq(set[j].rtnevents, j % 10 == 3 ? APR_POLLIN : 0);
        close(sp[j].fd[0]);
        close(sp[j].fd[1]);
    }
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("poll");
    TCase *tc = apr_test_tcase("apr_poll");

    tcase_add_test(tc, small_array);
    tcase_add_test(tc, timeout_not_before);
    tcase_add_test(tc, no_desc_and_lastdesc);
    tcase_add_test(tc, pipe_files);
    tcase_add_test(tc, large_array);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
