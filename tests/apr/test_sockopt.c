/*
 * apr_network_io.h options and timeouts: what apr_socket_opt_set does to
 * the descriptor, what apr_socket_opt_get reports (APR's cached bits, not
 * the system's), and how timeouts and APR_SO_NONBLOCK interact.
 */
#include "testutil.h"

#include "apr_network_io.h"
#include "apr_portable.h"

#include <fcntl.h>
#include <netinet/tcp.h>
#include <string.h>
#include <unistd.h>

static int fd_of(apr_socket_t *s)
{
    apr_os_sock_t fd;

    ck_assert_int_eq(apr_os_sock_get(&fd, s), APR_SUCCESS);
    return fd;
}

static int sys_opt(apr_socket_t *s, int level, int name)
{
    int v = -1;
    socklen_t len = sizeof v;

    ck_assert_int_eq(getsockopt(fd_of(s), level, name, &v, &len), 0);
    return v;
}

static apr_int32_t opt(apr_socket_t *s, apr_int32_t o)
{
    apr_int32_t on = -1;

    ck_assert_int_eq(apr_socket_opt_get(s, o, &on), APR_SUCCESS);
    return on;
}

static int nonblocking(apr_socket_t *s)
{
    return (fcntl(fd_of(s), F_GETFL) & O_NONBLOCK) != 0;
}

static apr_socket_t *tcp_socket(void)
{
    apr_socket_t *s;

    ck_assert_int_eq(apr_socket_create(&s, APR_INET, SOCK_STREAM,
                                       APR_PROTO_TCP, p), APR_SUCCESS);
    return s;
}

START_TEST(flags_round_trip)
{
    apr_socket_t *s = tcp_socket();
    struct linger li;
    socklen_t len = sizeof li;

    ck_assert_int_eq(opt(s, APR_SO_KEEPALIVE), 0);
    ck_assert_int_eq(apr_socket_opt_set(s, APR_SO_KEEPALIVE, 1), APR_SUCCESS);
    ck_assert_int_eq(opt(s, APR_SO_KEEPALIVE), 1);
    ck_assert_int_ne(sys_opt(s, SOL_SOCKET, SO_KEEPALIVE), 0);
    ck_assert_int_eq(apr_socket_opt_set(s, APR_SO_KEEPALIVE, 0), APR_SUCCESS);
    ck_assert_int_eq(opt(s, APR_SO_KEEPALIVE), 0);
    ck_assert_int_eq(sys_opt(s, SOL_SOCKET, SO_KEEPALIVE), 0);

    ck_assert_int_eq(apr_socket_opt_set(s, APR_SO_REUSEADDR, 1), APR_SUCCESS);
    ck_assert_int_eq(opt(s, APR_SO_REUSEADDR), 1);
    ck_assert_int_ne(sys_opt(s, SOL_SOCKET, SO_REUSEADDR), 0);

    ck_assert_int_eq(apr_socket_opt_set(s, APR_TCP_NODELAY, 1), APR_SUCCESS);
    ck_assert_int_eq(opt(s, APR_TCP_NODELAY), 1);
    ck_assert_int_ne(sys_opt(s, IPPROTO_TCP, TCP_NODELAY), 0);

    ck_assert_int_eq(apr_socket_opt_set(s, APR_SO_LINGER, 1), APR_SUCCESS);
    ck_assert_int_eq(opt(s, APR_SO_LINGER), 1);
    ck_assert_int_eq(getsockopt(fd_of(s), SOL_SOCKET, SO_LINGER, &li, &len),
                     0);
    ck_assert_int_ne(li.l_onoff, 0);
    ck_assert_int_eq(li.l_linger, APR_MAX_SECS_TO_LINGER);

    /* Any non-zero value is "on"; several bits at once read as all on. */
    ck_assert_int_eq(apr_socket_opt_set(s, APR_SO_KEEPALIVE, 5), APR_SUCCESS);
    ck_assert_int_eq(opt(s, APR_SO_KEEPALIVE), 1);
    ck_assert_int_eq(opt(s, APR_SO_KEEPALIVE | APR_TCP_NODELAY), 1);
    ck_assert_int_eq(opt(s, APR_SO_KEEPALIVE | APR_SO_BROADCAST), 0);

    ck_assert_int_eq(apr_socket_opt_set(s, 1 << 20, 1), APR_EINVAL);
    ck_assert_int_eq(apr_socket_opt_set(s, 3, 1), APR_EINVAL);
}
END_TEST

START_TEST(buffer_sizes)
{
    apr_socket_t *s = tcp_socket();

    ck_assert_int_eq(apr_socket_opt_set(s, APR_SO_SNDBUF, 65536), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_opt_set(s, APR_SO_RCVBUF, 32768), APR_SUCCESS);
    /* Linux doubles the value for its bookkeeping. */
    ck_assert_int_ge(sys_opt(s, SOL_SOCKET, SO_SNDBUF), 65536);
    ck_assert_int_ge(sys_opt(s, SOL_SOCKET, SO_RCVBUF), 32768);
    /* Sizes are not cached: opt_get reads 0, as in APR. */
    ck_assert_int_eq(opt(s, APR_SO_SNDBUF), 0);
    ck_assert_int_eq(opt(s, APR_SO_RCVBUF), 0);
}
END_TEST

START_TEST(nopush_and_nodelay)
{
    apr_socket_t *s = tcp_socket();

    ck_assert_int_eq(apr_socket_opt_set(s, APR_TCP_NODELAY, 1), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_opt_set(s, APR_TCP_NOPUSH, 1), APR_SUCCESS);
    ck_assert_int_eq(opt(s, APR_TCP_NOPUSH), 1);
#if APR_HAVE_CORKABLE_TCP && defined(TCP_CORK)
    ck_assert_int_ne(sys_opt(s, IPPROTO_TCP, TCP_CORK), 0);
#endif
    /* On Linux the cork and NODELAY coexist: NODELAY is left on. */
    ck_assert_int_eq(opt(s, APR_TCP_NODELAY), 1);
    ck_assert_int_eq(opt(s, APR_RESET_NODELAY), 0);
    ck_assert_int_ne(sys_opt(s, IPPROTO_TCP, TCP_NODELAY), 0);
    ck_assert_int_eq(apr_socket_opt_set(s, APR_TCP_NOPUSH, 0), APR_SUCCESS);
    ck_assert_int_eq(opt(s, APR_TCP_NOPUSH), 0);
#if APR_HAVE_CORKABLE_TCP && defined(TCP_CORK)
    ck_assert_int_eq(sys_opt(s, IPPROTO_TCP, TCP_CORK), 0);
#endif
    ck_assert_int_eq(opt(s, APR_TCP_NODELAY), 1);
}
END_TEST

START_TEST(timeouts_and_nonblock)
{
    apr_socket_t *s = tcp_socket();
    apr_interval_time_t t = 0;

    ck_assert_int_eq(apr_socket_timeout_get(s, &t), APR_SUCCESS);
    ck_assert_int_eq(t, -1);
    ck_assert_int_eq(opt(s, APR_SO_NONBLOCK), 0);
    ck_assert(!nonblocking(s));

    /* t >= 0: a non-blocking descriptor. */
    ck_assert_int_eq(apr_socket_timeout_set(s, 0), APR_SUCCESS);
    ck_assert_int_eq(opt(s, APR_SO_NONBLOCK), 1);
    ck_assert(nonblocking(s));
    ck_assert_int_eq(apr_socket_timeout_set(s, 250000), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_timeout_get(s, &t), APR_SUCCESS);
    ck_assert_int_eq(t, 250000);
    ck_assert(nonblocking(s));

    /* t < 0: blocking again. */
    ck_assert_int_eq(apr_socket_timeout_set(s, -1), APR_SUCCESS);
    ck_assert_int_eq(opt(s, APR_SO_NONBLOCK), 0);
    ck_assert(!nonblocking(s));

    /* APR_SO_NONBLOCK changes the descriptor, not the timeout. */
    ck_assert_int_eq(apr_socket_opt_set(s, APR_SO_NONBLOCK, 1), APR_SUCCESS);
    ck_assert(nonblocking(s));
    ck_assert_int_eq(apr_socket_timeout_get(s, &t), APR_SUCCESS);
    ck_assert_int_eq(t, -1);
    ck_assert_int_eq(apr_socket_timeout_set(s, 1000), APR_SUCCESS);
    ck_assert(nonblocking(s));
    ck_assert_int_eq(apr_socket_timeout_set(s, -5), APR_SUCCESS);
    ck_assert_int_eq(opt(s, APR_SO_NONBLOCK), 0);
    ck_assert(!nonblocking(s));
    ck_assert_int_eq(apr_socket_timeout_get(s, &t), APR_SUCCESS);
    ck_assert_int_eq(t, -5);
    ck_assert_int_eq(apr_socket_opt_set(s, APR_SO_NONBLOCK, 1), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_opt_set(s, APR_SO_NONBLOCK, 0), APR_SUCCESS);
    ck_assert(!nonblocking(s));
}
END_TEST

START_TEST(incomplete_read_flag)
{
    apr_socket_t *s = tcp_socket();

    ck_assert_int_eq(apr_socket_opt_set(s, APR_INCOMPLETE_READ, 1),
                     APR_SUCCESS);
    ck_assert_int_eq(opt(s, APR_INCOMPLETE_READ), 1);
    ck_assert_int_eq(apr_socket_timeout_set(s, 1000), APR_SUCCESS);
    ck_assert_int_eq(opt(s, APR_INCOMPLETE_READ), 1);
    /* Without a positive timeout there is nothing to wait for. */
    ck_assert_int_eq(apr_socket_timeout_set(s, 0), APR_SUCCESS);
    ck_assert_int_eq(opt(s, APR_INCOMPLETE_READ), 0);
}
END_TEST

START_TEST(other_options)
{
    apr_socket_t *s = tcp_socket(), *u, *l;
    int atmark = 7;

    ck_assert_int_eq(apr_socket_opt_set(s, APR_SO_FREEBIND, 1), APR_SUCCESS);
    ck_assert_int_eq(opt(s, APR_SO_FREEBIND), 1);
    ck_assert_int_eq(apr_socket_opt_set(s, APR_TCP_DEFER_ACCEPT, 1),
                     APR_SUCCESS);
    ck_assert_int_eq(opt(s, APR_TCP_DEFER_ACCEPT), 1);
    ck_assert_int_ne(sys_opt(s, IPPROTO_TCP, TCP_DEFER_ACCEPT), 0);
    /* An IPv4 socket has no IPV6_V6ONLY. */
    ck_assert_int_ne(apr_socket_opt_set(s, APR_IPV6_V6ONLY, 1), APR_SUCCESS);
    ck_assert_int_eq(opt(s, APR_IPV6_V6ONLY), 0);
    ck_assert_int_eq(apr_socket_atmark(s, &atmark), APR_SUCCESS);
    ck_assert_int_eq(atmark, 0);

    ck_assert_int_eq(apr_socket_create(&u, APR_INET, SOCK_DGRAM,
                                       APR_PROTO_UDP, p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_opt_set(u, APR_SO_BROADCAST, 1), APR_SUCCESS);
    ck_assert_int_eq(opt(u, APR_SO_BROADCAST), 1);
    ck_assert_int_ne(sys_opt(u, SOL_SOCKET, SO_BROADCAST), 0);

#if APR_HAVE_IPV6
    if (apr_socket_create(&l, APR_INET6, SOCK_STREAM, 0, p) == APR_SUCCESS) {
        ck_assert_int_eq(apr_socket_opt_set(l, APR_IPV6_V6ONLY, 1),
                         APR_SUCCESS);
        ck_assert_int_eq(opt(l, APR_IPV6_V6ONLY), 1);
        ck_assert_int_ne(sys_opt(l, IPPROTO_IPV6, IPV6_V6ONLY), 0);
        ck_assert_int_eq(apr_socket_opt_set(l, APR_IPV6_V6ONLY, 0),
                         APR_SUCCESS);
        ck_assert_int_eq(sys_opt(l, IPPROTO_IPV6, IPV6_V6ONLY), 0);
    }
#else
    (void)l;
#endif
}
END_TEST

START_TEST(perms_set)
{
    apr_socket_t *s = tcp_socket(), *u;

    /* Only Unix-domain sockets. */
    ck_assert_int_eq(apr_socket_perms_set(s, 0, getuid(), getgid()),
                     APR_EINVAL);
    ck_assert_int_eq(apr_socket_create(&u, APR_UNIX, SOCK_STREAM, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_perms_set(u, 0, getuid(), getgid()),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_perms_set(u, APR_FPROT_GSETID, getuid(),
                                          getgid()), APR_SUCCESS);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("sockopt");
    TCase *tc = apr_test_tcase("sockopt");

    tcase_add_test(tc, flags_round_trip);
    tcase_add_test(tc, buffer_sizes);
    tcase_add_test(tc, nopush_and_nodelay);
    tcase_add_test(tc, timeouts_and_nonblock);
    tcase_add_test(tc, incomplete_read_flag);
    tcase_add_test(tc, other_options);
    tcase_add_test(tc, perms_set);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
