/*
 * apr_pollcb_*: every method the library offers runs the same bodies; a
 * method is skipped when it answers APR_ENOTIMPL with
 * APR_POLLSET_NODEFAULT (Debian's APR has only epoll pollcbs on Linux;
 * ours also has poll and select). Sockets are socketpair() wrapped with
 * apr_os_sock_put(); the waking thread is a pthread (apr_thread_create
 * comes later).
 */
#include "testutil.h"

#include "apr_poll.h"
#include "apr_portable.h"
#include "apr_time.h"

#include <pthread.h>
#include <unistd.h>
#include <sys/socket.h>

static const struct {
    apr_pollset_method_e method;
    const char *name;
} methods[] = {
    { APR_POLLSET_EPOLL, "epoll" },
    { APR_POLLSET_POLL, "poll" },
    { APR_POLLSET_SELECT, "select" },
    { APR_POLLSET_KQUEUE, "kqueue" },
    { APR_POLLSET_PORT, "port" },
};
#define NMETHODS ((int)(sizeof methods / sizeof methods[0]))

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

static apr_pollfd_t sock_pfd(apr_socket_t *s, apr_int16_t ev, void *data)
{
    apr_pollfd_t pfd = { p, APR_POLL_SOCKET, ev, 0, { NULL }, data };
    pfd.desc.s = s;
    return pfd;
}

static int make_cb(apr_pollcb_t **pc, int i, apr_uint32_t size,
                   apr_uint32_t flags)
{
    apr_status_t rv = apr_pollcb_create_ex(pc, size, p,
                                           flags | APR_POLLSET_NODEFAULT,
                                           methods[i].method);
    if (rv == APR_ENOTIMPL)
        return 0;
    ck_assert_int_eq(rv, APR_SUCCESS);
    ck_assert_str_eq(apr_pollcb_method_name(*pc), methods[i].name);
    return 1;
}

/* What the callback saw. */
typedef struct {
    int calls;
    apr_pollfd_t *seen[8];
    apr_int16_t ev[8];
    apr_status_t ret;       /* what the callback returns */
    apr_pollcb_t *pc;       /* remove each reported descriptor if set */
} record_t;

static apr_status_t record(void *baton, apr_pollfd_t *pfd)
{
    record_t *r = baton;

    if (r->calls < 8) {
        r->seen[r->calls] = pfd;
        r->ev[r->calls] = pfd->rtnevents;
    }
    r->calls++;
    if (r->pc)
        ck_assert_int_eq(apr_pollcb_remove(r->pc, pfd), APR_SUCCESS);
    return r->ret;
}

START_TEST(default_method)
{
    apr_pollcb_t *pc;

    ck_assert_int_eq(apr_pollcb_create(&pc, 4, p, 0), APR_SUCCESS);
    ck_assert_str_eq(apr_pollcb_method_name(pc), apr_poll_method_defname());
    ck_assert_int_eq(apr_pollcb_create_ex(&pc, 4, p, APR_POLLSET_NODEFAULT,
                                          APR_POLLSET_AIO_MSGQ), APR_ENOTIMPL);
    ck_assert_int_eq(apr_pollcb_create_ex(&pc, 4, p, 0, APR_POLLSET_AIO_MSGQ),
                     APR_SUCCESS);
    ck_assert_str_eq(apr_pollcb_method_name(pc), apr_poll_method_defname());
}
END_TEST

START_TEST(callbacks)
{
    int i;

    for (i = 0; i < NMETHODS; i++) {
        apr_pollcb_t *pc;
        sockpair_t sp;
        apr_pollfd_t in, out;
        record_t r = { 0 };

        if (!make_cb(&pc, i, 4, 0))
            continue;
        make_pair(&sp);
        in = sock_pfd(sp.s[0], APR_POLLIN, "in");
        out = sock_pfd(sp.s[1], APR_POLLOUT, "out");
        ck_assert_int_eq(apr_pollcb_add(pc, &in), APR_SUCCESS);
        ck_assert_int_eq(apr_pollcb_poll(pc, 0, record, &r), APR_TIMEUP);
        ck_assert_int_eq(r.calls, 0);

        ck_assert_int_eq(apr_pollcb_add(pc, &out), APR_SUCCESS);
        ck_assert_int_eq(write(sp.fd[1], "x", 1), 1);
        ck_assert_int_eq(apr_pollcb_poll(pc, -1, record, &r), APR_SUCCESS);
        ck_assert_int_eq(r.calls, 2);
        /* The very structures added, never copies. */
        for (int k = 0; k < 2; k++) {
            if (r.seen[k] == &in) {
                ck_assert_int_eq(r.ev[k], APR_POLLIN);
            }
            else {
                ck_assert_ptr_eq(r.seen[k], &out);
                ck_assert_int_eq(r.ev[k], APR_POLLOUT);
            }
        }
        ck_assert_int_eq(in.rtnevents, APR_POLLIN);
        ck_assert_str_eq(in.client_data, "in");

        /* A callback's failure stops the poll and is returned. */
        r.calls = 0;
        r.ret = APR_EGENERAL;
        ck_assert_int_eq(apr_pollcb_poll(pc, 1000000, record, &r),
                         APR_EGENERAL);
        ck_assert_int_eq(r.calls, 1);
        close(sp.fd[0]);
        close(sp.fd[1]);
    }
}
END_TEST

START_TEST(remove_semantics)
{
    int i;

    for (i = 0; i < NMETHODS; i++) {
        apr_pollcb_t *pc;
        sockpair_t sp;
        apr_pollfd_t a, b;
        record_t r = { 0 };

        if (!make_cb(&pc, i, 4, 0))
            continue;
        make_pair(&sp);
        a = sock_pfd(sp.s[0], APR_POLLOUT, NULL);
        b = sock_pfd(sp.s[1], APR_POLLOUT, NULL);
        ck_assert_int_eq(apr_pollcb_remove(pc, &a), APR_NOTFOUND);
        ck_assert_int_eq(apr_pollcb_add(pc, &a), APR_SUCCESS);
        ck_assert_int_eq(apr_pollcb_add(pc, &b), APR_SUCCESS);
        /* Removing from within the callback. */
        r.pc = pc;
        ck_assert_int_eq(apr_pollcb_poll(pc, 0, record, &r), APR_SUCCESS);
        ck_assert_int_eq(r.calls, 2);
        ck_assert_int_eq(apr_pollcb_remove(pc, &a), APR_NOTFOUND);
        ck_assert_int_eq(apr_pollcb_remove(pc, &b), APR_NOTFOUND);
        r.calls = 0;
        ck_assert_int_eq(apr_pollcb_poll(pc, 0, record, &r), APR_TIMEUP);
        ck_assert_int_eq(r.calls, 0);
        close(sp.fd[0]);
        close(sp.fd[1]);
    }
}
END_TEST

START_TEST(timeout_not_before)
{
    int i;

    for (i = 0; i < NMETHODS; i++) {
        apr_pollcb_t *pc;
        sockpair_t sp;
        apr_pollfd_t a;
        record_t r = { 0 };
        apr_time_t start, took;

        if (!make_cb(&pc, i, 4, 0))
            continue;
        make_pair(&sp);
        a = sock_pfd(sp.s[0], APR_POLLIN, NULL);
        ck_assert_int_eq(apr_pollcb_add(pc, &a), APR_SUCCESS);
        start = apr_time_now();
        ck_assert_int_eq(apr_pollcb_poll(pc, 50000, record, &r), APR_TIMEUP);
        took = apr_time_now() - start;
        ck_assert_int_ge(took, 50000);
        ck_assert_int_lt(took, 5000000);
        ck_assert_int_eq(r.calls, 0);
        close(sp.fd[0]);
        close(sp.fd[1]);
    }
}
END_TEST

static void *waker(void *arg)
{
    apr_sleep(50000);
    ck_assert_int_eq(apr_pollcb_wakeup(arg), APR_SUCCESS);
    return NULL;
}

START_TEST(wakeup)
{
    int i;

    for (i = 0; i < NMETHODS; i++) {
        apr_pollcb_t *pc, *plain;
        sockpair_t sp;
        apr_pollfd_t a;
        record_t r = { 0 };
        pthread_t t;
        apr_time_t start;

        if (!make_cb(&pc, i, 2, APR_POLLSET_WAKEABLE))
            continue;
        make_pair(&sp);
        a = sock_pfd(sp.s[0], APR_POLLIN, NULL);
        ck_assert_int_eq(apr_pollcb_add(pc, &a), APR_SUCCESS);
        start = apr_time_now();
        ck_assert_int_eq(pthread_create(&t, NULL, waker, pc), 0);
        ck_assert_int_eq(apr_pollcb_poll(pc, -1, record, &r), APR_EINTR);
        ck_assert_int_ge(apr_time_now() - start, 40000);
        pthread_join(t, NULL);
        ck_assert_int_eq(r.calls, 0);   /* the pipe is never reported */

        ck_assert_int_eq(apr_pollcb_wakeup(pc), APR_SUCCESS);
        ck_assert_int_eq(apr_pollcb_wakeup(pc), APR_SUCCESS);
        ck_assert_int_eq(apr_pollcb_poll(pc, 1000000, record, &r), APR_EINTR);
        ck_assert_int_eq(apr_pollcb_poll(pc, 0, record, &r), APR_TIMEUP);

        ck_assert(make_cb(&plain, i, 2, 0));
        ck_assert_int_eq(apr_pollcb_wakeup(plain), APR_EINIT);
        close(sp.fd[0]);
        close(sp.fd[1]);
    }
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("pollcb");
    TCase *tc = apr_test_tcase("pollcb");

    tcase_add_test(tc, default_method);
    tcase_add_test(tc, callbacks);
    tcase_add_test(tc, remove_semantics);
    tcase_add_test(tc, timeout_not_before);
    tcase_add_test(tc, wakeup);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
