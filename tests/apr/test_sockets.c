/*
 * apr_network_io.h sockets: TCP over 127.0.0.1 and ::1, UDP, Unix-domain
 * stream sockets, timeouts, EOF, partial sends, addresses, the native
 * descriptor. Everything stays on loopback with kernel-chosen ports.
 */
#include "testutil.h"

#include "apr_network_io.h"
#include "apr_portable.h"
#include "apr_strings.h"
#include "apr_time.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A connected TCP pair on the loopback address of family. */
struct tcp_pair {
    apr_socket_t *listener, *client, *server;
};

static int fd_of(apr_socket_t *s)
{
    apr_os_sock_t fd;

    ck_assert_int_eq(apr_os_sock_get(&fd, s), APR_SUCCESS);
    return fd;
}

/* A bound, listening socket on host (port 0), or NULL when the address
 * family is not usable here (no IPv6 loopback). */
static apr_socket_t *listen_on(const char *host, int family)
{
    apr_sockaddr_t *sa;
    apr_socket_t *l;

    ck_assert_int_eq(apr_sockaddr_info_get(&sa, host, family, 0, 0, p),
                     APR_SUCCESS);
    if (apr_socket_create(&l, family, SOCK_STREAM, APR_PROTO_TCP, p)
        != APR_SUCCESS)
        return NULL;
    if (apr_socket_bind(l, sa) != APR_SUCCESS)
        return NULL;
    ck_assert_int_eq(apr_socket_listen(l, 5), APR_SUCCESS);
    return l;
}

static int tcp_pair(struct tcp_pair *tp, const char *host, int family)
{
    apr_sockaddr_t *la;

    tp->listener = listen_on(host, family);
    if (tp->listener == NULL)
        return 0;
    ck_assert_int_eq(apr_socket_addr_get(&la, APR_LOCAL, tp->listener),
                     APR_SUCCESS);
    ck_assert_int_ne(la->port, 0);
    ck_assert_int_eq(apr_socket_create(&tp->client, family, SOCK_STREAM,
                                       APR_PROTO_TCP, p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_connect(tp->client, la), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_accept(&tp->server, tp->listener, p),
                     APR_SUCCESS);
    return 1;
}

static void send_all(apr_socket_t *s, const char *data, apr_size_t len)
{
    apr_size_t n = len;

    ck_assert_int_eq(apr_socket_send(s, data, &n), APR_SUCCESS);
    ck_assert_uint_eq(n, len);
}

static void recv_exactly(apr_socket_t *s, char *buf, apr_size_t len)
{
    apr_size_t got = 0;

    while (got < len) {
        apr_size_t n = len - got;

        ck_assert_int_eq(apr_socket_recv(s, buf + got, &n), APR_SUCCESS);
        ck_assert_uint_gt(n, 0);
        got += n;
    }
}

static void exchange(struct tcp_pair *tp)
{
    char buf[32];

    send_all(tp->client, "hello", 5);
    recv_exactly(tp->server, buf, 5);
    ck_assert(memcmp(buf, "hello", 5) == 0);
    send_all(tp->server, "world!", 6);
    recv_exactly(tp->client, buf, 6);
    ck_assert(memcmp(buf, "world!", 6) == 0);
}

START_TEST(tcp_ipv4)
{
    struct tcp_pair tp;
    apr_sockaddr_t *cl, *cr, *sl, *sr;
    int type = 0, proto = 0;

    ck_assert(tcp_pair(&tp, "127.0.0.1", APR_INET));
    exchange(&tp);

    /* The two ends agree on who is who. */
    ck_assert_int_eq(apr_socket_addr_get(&cl, APR_LOCAL, tp.client),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_addr_get(&cr, APR_REMOTE, tp.client),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_addr_get(&sl, APR_LOCAL, tp.server),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_addr_get(&sr, APR_REMOTE, tp.server),
                     APR_SUCCESS);
    ck_assert_int_ne(cl->port, 0);
    ck_assert_int_eq(cl->port, sr->port);
    ck_assert_int_eq(cr->port, sl->port);
    ck_assert(apr_sockaddr_equal(cl, sr));
    ck_assert_int_eq(sr->family, APR_INET);
    ck_assert_ptr_eq(sl->pool, p);
    {
        char *ip;
        ck_assert_int_eq(apr_sockaddr_ip_get(&ip, sr), APR_SUCCESS);
        ck_assert_str_eq(ip, "127.0.0.1");
    }
    ck_assert_int_eq(apr_socket_addr_get(&cl, 7, tp.client), APR_EINVAL);

    ck_assert_int_eq(apr_socket_type_get(tp.server, &type), APR_SUCCESS);
    ck_assert_int_eq(type, SOCK_STREAM);
    ck_assert_int_eq(apr_socket_protocol_get(tp.server, &proto), APR_SUCCESS);
    ck_assert_int_eq(proto, APR_PROTO_TCP);
    ck_assert_ptr_eq(apr_socket_pool_get(tp.server), p);
}
END_TEST

START_TEST(tcp_ipv6)
{
    struct tcp_pair tp;
    apr_sockaddr_t *sr;
    char *ip;

#if APR_HAVE_IPV6
    if (!tcp_pair(&tp, "::1", APR_INET6))
        return; /* no IPv6 loopback on this machine */
    exchange(&tp);
    ck_assert_int_eq(apr_socket_addr_get(&sr, APR_REMOTE, tp.server),
                     APR_SUCCESS);
    ck_assert_int_eq(sr->family, APR_INET6);
    ck_assert_int_eq(apr_sockaddr_ip_get(&ip, sr), APR_SUCCESS);
    ck_assert_str_eq(ip, "::1");
#else
    (void)tp, (void)sr, (void)ip;
#endif
}
END_TEST

START_TEST(bind_keeps_address)
{
    apr_sockaddr_t *sa, *la;
    apr_socket_t *l;

    ck_assert_int_eq(apr_sockaddr_info_get(&sa, NULL, APR_INET, 0, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_create(&l, APR_INET, SOCK_STREAM, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_bind(l, sa), APR_SUCCESS);
    /* The bound address is the socket's local address, with the port the
     * kernel chose filled in on demand. */
    ck_assert_int_eq(apr_socket_addr_get(&la, APR_LOCAL, l), APR_SUCCESS);
    ck_assert_ptr_eq(la, sa);
    ck_assert_int_ne(la->port, 0);
    ck_assert(apr_sockaddr_is_wildcard(la));
}
END_TEST

START_TEST(eof_and_atreadeof)
{
    struct tcp_pair tp;
    char buf[8];
    apr_size_t n;
    int eof = 42;

    ck_assert(tcp_pair(&tp, "127.0.0.1", APR_INET));
    ck_assert_int_eq(apr_socket_atreadeof(tp.server, &eof), APR_SUCCESS);
    ck_assert_int_eq(eof, 0);
    send_all(tp.client, "x", 1);
    ck_assert_int_eq(apr_socket_shutdown(tp.client, APR_SHUTDOWN_WRITE),
                     APR_SUCCESS);
    /* Data is still there: not at EOF yet. */
    ck_assert_int_eq(apr_socket_atreadeof(tp.server, &eof), APR_SUCCESS);
    ck_assert_int_eq(eof, 0);
    n = sizeof buf;
    ck_assert_int_eq(apr_socket_recv(tp.server, buf, &n), APR_SUCCESS);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(apr_socket_atreadeof(tp.server, &eof), APR_SUCCESS);
    ck_assert_int_eq(eof, 1);
    n = sizeof buf;
    ck_assert_int_eq(apr_socket_recv(tp.server, buf, &n), APR_EOF);
    ck_assert_uint_eq(n, 0);
    n = sizeof buf;
    ck_assert_int_eq(apr_socket_recv(tp.server, buf, &n), APR_EOF);
    ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(recv_timeouts)
{
    struct tcp_pair tp;
    char buf[8];
    apr_size_t n = sizeof buf;
    apr_time_t start, took;
    apr_int32_t on;

    ck_assert(tcp_pair(&tp, "127.0.0.1", APR_INET));
    /* 0: never waits. */
    ck_assert_int_eq(apr_socket_timeout_set(tp.server, 0), APR_SUCCESS);
    ck_assert(APR_STATUS_IS_EAGAIN(apr_socket_recv(tp.server, buf, &n)));
    ck_assert_uint_eq(n, 0);

    /* > 0: waits that long, not less. */
    ck_assert_int_eq(apr_socket_timeout_set(tp.server, 150000), APR_SUCCESS);
    n = sizeof buf;
    start = apr_time_now();
    ck_assert(APR_STATUS_IS_TIMEUP(apr_socket_recv(tp.server, buf, &n)));
    took = apr_time_now() - start;
    ck_assert_uint_eq(n, 0);
    ck_assert_int_ge(took, 150000 - 1000);
    ck_assert_int_lt(took, 10 * APR_USEC_PER_SEC);

    /* A short read with a timeout makes the next read wait first. */
    send_all(tp.client, "abc", 3);
    n = sizeof buf;
    ck_assert_int_eq(apr_socket_recv(tp.server, buf, &n), APR_SUCCESS);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(apr_socket_opt_get(tp.server, APR_INCOMPLETE_READ, &on),
                     APR_SUCCESS);
    ck_assert_int_eq(on, 1);
    send_all(tp.client, "de", 2);
    n = sizeof buf;
    ck_assert_int_eq(apr_socket_recv(tp.server, buf, &n), APR_SUCCESS);
    ck_assert_uint_eq(n, 2);
    ck_assert(memcmp(buf, "de", 2) == 0);
}
END_TEST

START_TEST(nonblocking_partial_sends)
{
    struct tcp_pair tp;
    static char chunk[65536];
    apr_size_t total = 0, n;
    apr_status_t rv = APR_SUCCESS;
    apr_time_t start, took;
    int rounds;

    ck_assert(tcp_pair(&tp, "127.0.0.1", APR_INET));
    memset(chunk, 'z', sizeof chunk);
    ck_assert_int_eq(apr_socket_opt_set(tp.client, APR_SO_SNDBUF, 8192),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_timeout_set(tp.client, 0), APR_SUCCESS);
    /* Fill the socket (nobody reads) until the kernel says no. */
    for (rounds = 0; rounds < 10000; rounds++) {
        n = sizeof chunk;
        rv = apr_socket_send(tp.client, chunk, &n);
        if (rv != APR_SUCCESS)
            break;
        ck_assert_uint_gt(n, 0);
        ck_assert_uint_le(n, sizeof chunk);
        total += n;
    }
    ck_assert_msg(APR_STATUS_IS_EAGAIN(rv), "rv %d", rv);
    ck_assert_uint_eq(n, 0);
    ck_assert_uint_gt(total, 0);

    /* Full, with a timeout: APR_TIMEUP, not before the time. */
    ck_assert_int_eq(apr_socket_timeout_set(tp.client, 100000), APR_SUCCESS);
    /* Room may open up as the receiver's buffer grows: keep sending until
     * a send times out. */
    for (rounds = 0; rounds < 1000; rounds++) {
        n = sizeof chunk;
        start = apr_time_now();
        rv = apr_socket_send(tp.client, chunk, &n);
        took = apr_time_now() - start;
        if (rv != APR_SUCCESS)
            break;
    }
    ck_assert_msg(APR_STATUS_IS_TIMEUP(rv), "rv %d", rv);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_ge(took, 100000 - 1000);
}
END_TEST

START_TEST(sendv_gathers)
{
    struct tcp_pair tp;
    struct iovec vec[3];
    char buf[32];
    apr_size_t n = 0;

    ck_assert(tcp_pair(&tp, "127.0.0.1", APR_INET));
    vec[0].iov_base = (void *)"GET ";
    vec[0].iov_len = 4;
    vec[1].iov_base = (void *)"/index.html";
    vec[1].iov_len = 11;
    vec[2].iov_base = (void *)" HTTP/1.1";
    vec[2].iov_len = 9;
    ck_assert_int_eq(apr_socket_sendv(tp.client, vec, 3, &n), APR_SUCCESS);
    ck_assert_uint_eq(n, 24);
    recv_exactly(tp.server, buf, 24);
    ck_assert(memcmp(buf, "GET /index.html HTTP/1.1", 24) == 0);
}
END_TEST

START_TEST(accept_inherits)
{
    apr_socket_t *l, *c, *s;
    apr_sockaddr_t *la;
    apr_interval_time_t t = 0;
    apr_int32_t on = -1;

    l = listen_on("127.0.0.1", APR_INET);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(apr_socket_opt_set(l, APR_TCP_NODELAY, 1), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_timeout_set(l, 0), APR_SUCCESS);
    /* A listener with a timeout does not wait in accept. */
    ck_assert(APR_STATUS_IS_EAGAIN(apr_socket_accept(&s, l, p)));
    ck_assert_int_eq(apr_socket_timeout_set(l, 200000), APR_SUCCESS);
    ck_assert(APR_STATUS_IS_EAGAIN(apr_socket_accept(&s, l, p)));

    ck_assert_int_eq(apr_socket_addr_get(&la, APR_LOCAL, l), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_create(&c, APR_INET, SOCK_STREAM, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_connect(c, la), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_accept(&s, l, p), APR_SUCCESS);

    /* The timeout is not inherited; the options the system passes on are
     * reflected in the option bits. */
    ck_assert_int_eq(apr_socket_timeout_get(s, &t), APR_SUCCESS);
    ck_assert_int_eq(t, -1);
    ck_assert_int_eq(apr_socket_opt_get(s, APR_TCP_NODELAY, &on),
                     APR_SUCCESS);
    ck_assert_int_eq(on, APR_TCP_NODELAY_INHERITED);
    ck_assert_int_eq(apr_socket_opt_get(s, APR_SO_NONBLOCK, &on),
                     APR_SUCCESS);
    ck_assert_int_eq(on, APR_O_NONBLOCK_INHERITED);
    ck_assert_int_eq((fcntl(fd_of(s), F_GETFL) & O_NONBLOCK) != 0,
                     APR_O_NONBLOCK_INHERITED);
    ck_assert_int_eq(fcntl(fd_of(s), F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
}
END_TEST

START_TEST(connect_with_timeouts)
{
    apr_socket_t *l, *c;
    apr_sockaddr_t *la, *dead;
    apr_status_t rv;

    l = listen_on("127.0.0.1", APR_INET);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(apr_socket_addr_get(&la, APR_LOCAL, l), APR_SUCCESS);

    /* Positive timeout: in progress, waited for, done. */
    ck_assert_int_eq(apr_socket_create(&c, APR_INET, SOCK_STREAM, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_timeout_set(c, 2 * APR_USEC_PER_SEC),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_connect(c, la), APR_SUCCESS);

    /* Zero: returns at once, in progress or done; a second call finishes. */
    ck_assert_int_eq(apr_socket_create(&c, APR_INET, SOCK_STREAM, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_timeout_set(c, 0), APR_SUCCESS);
    rv = apr_socket_connect(c, la);
    ck_assert_msg(rv == APR_SUCCESS || APR_STATUS_IS_EINPROGRESS(rv),
                  "rv %d", rv);
    if (rv != APR_SUCCESS) {
        apr_sleep(50000);
        ck_assert_int_eq(apr_socket_connect(c, la), APR_SUCCESS);
    }

    /* Nobody listening: refused, with or without a timeout. */
    ck_assert_int_eq(apr_socket_close(l), APR_SUCCESS);
    ck_assert_int_eq(apr_sockaddr_info_get(&dead, "127.0.0.1", APR_INET,
                                           la->port, 0, p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_create(&c, APR_INET, SOCK_STREAM, 0, p),
                     APR_SUCCESS);
    ck_assert(APR_STATUS_IS_ECONNREFUSED(apr_socket_connect(c, dead)));
    ck_assert_int_eq(apr_socket_create(&c, APR_INET, SOCK_STREAM, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_timeout_set(c, APR_USEC_PER_SEC),
                     APR_SUCCESS);
    ck_assert(APR_STATUS_IS_ECONNREFUSED(apr_socket_connect(c, dead)));
}
END_TEST

START_TEST(udp_sendto_recvfrom)
{
    apr_socket_t *a, *b;
    apr_sockaddr_t *sa, *aaddr, *baddr, *from;
    char buf[16];
    apr_size_t n;

    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "127.0.0.1", APR_INET, 0, 0,
                                           p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_create(&a, APR_INET, SOCK_DGRAM,
                                       APR_PROTO_UDP, p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_bind(a, sa), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_addr_get(&aaddr, APR_LOCAL, a), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_create(&b, APR_INET, SOCK_DGRAM,
                                       APR_PROTO_UDP, p), APR_SUCCESS);

    n = 5;
    ck_assert_int_eq(apr_socket_sendto(b, aaddr, 0, "hello", &n),
                     APR_SUCCESS);
    ck_assert_uint_eq(n, 5);
    ck_assert_int_eq(apr_sockaddr_info_get(&from, "0.0.0.0", APR_INET, 0, 0,
                                           p), APR_SUCCESS);
    n = sizeof buf;
    ck_assert_int_eq(apr_socket_recvfrom(from, a, 0, buf, &n), APR_SUCCESS);
    ck_assert_uint_eq(n, 5);
    ck_assert(memcmp(buf, "hello", 5) == 0);
    /* b was never bound: APR does not know its port, the system does. */
    ck_assert_int_eq(apr_socket_addr_get(&baddr, APR_LOCAL, b), APR_SUCCESS);
    ck_assert_int_eq(baddr->port, 0);
    ck_assert_int_eq(from->family, APR_INET);
    ck_assert_int_ne(from->port, 0);
    ck_assert(apr_sockaddr_equal(from, aaddr));

    /* An empty datagram is not EOF. */
    n = 0;
    ck_assert_int_eq(apr_socket_sendto(b, aaddr, 0, "", &n), APR_SUCCESS);
    n = sizeof buf;
    ck_assert_int_eq(apr_socket_recvfrom(from, a, 0, buf, &n), APR_SUCCESS);
    ck_assert_uint_eq(n, 0);

    ck_assert_int_eq(apr_socket_timeout_set(a, 0), APR_SUCCESS);
    n = sizeof buf;
    ck_assert(APR_STATUS_IS_EAGAIN(apr_socket_recvfrom(from, a, 0, buf, &n)));
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(apr_socket_timeout_set(a, 50000), APR_SUCCESS);
    n = sizeof buf;
    ck_assert(APR_STATUS_IS_TIMEUP(apr_socket_recvfrom(from, a, 0, buf, &n)));
}
END_TEST

START_TEST(unix_stream)
{
    char dir[] = "/tmp/apr-test-sockXXXXXX";
    char *path;
    apr_sockaddr_t *sa, *la, *ra;
    apr_socket_t *l, *c, *s;
    char buf[8];
    struct stat st;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    path = apr_pstrcat(p, dir, "/s", NULL);
    ck_assert_int_eq(apr_sockaddr_info_get(&sa, path, APR_UNIX, 0, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_create(&l, APR_UNIX, SOCK_STREAM, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_bind(l, sa), APR_SUCCESS);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert(S_ISSOCK(st.st_mode));
    ck_assert_int_eq(apr_socket_listen(l, 5), APR_SUCCESS);

    ck_assert_int_eq(apr_socket_create(&c, APR_UNIX, SOCK_STREAM, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_connect(c, sa), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_accept(&s, l, p), APR_SUCCESS);
    send_all(c, "ping", 4);
    recv_exactly(s, buf, 4);
    ck_assert(memcmp(buf, "ping", 4) == 0);

    /* Both ends of an accepted connection are known by the path. */
    ck_assert_int_eq(apr_socket_addr_get(&la, APR_LOCAL, s), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_addr_get(&ra, APR_REMOTE, s), APR_SUCCESS);
    ck_assert_int_eq(la->family, APR_UNIX);
    ck_assert_int_eq(ra->family, APR_UNIX);
    ck_assert_str_eq(la->hostname, path);
    ck_assert_str_eq(ra->hostname, path);
    ck_assert_int_eq(apr_socket_addr_get(&ra, APR_REMOTE, c), APR_SUCCESS);
    ck_assert_str_eq(ra->sa.unx.sun_path, path);

    /* Only Unix sockets have an owner to set; the group needs GSETID. */
    ck_assert_int_eq(apr_socket_perms_set(l, APR_FPROT_GSETID, getuid(),
                                          getgid()), APR_SUCCESS);

    /* Closing the listener removes its path. */
    ck_assert_int_eq(apr_socket_close(l), APR_SUCCESS);
    ck_assert_int_ne(access(path, F_OK), 0);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(close_runs_once)
{
    apr_socket_t *s;
    apr_pool_t *q;
    int fd;

    ck_assert_int_eq(apr_socket_create(&s, APR_INET, SOCK_STREAM, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_close(s), APR_SUCCESS);
    ck_assert_int_ne(apr_socket_close(s), APR_SUCCESS);

    /* The pool closes what it owns. */
    ck_assert_int_eq(apr_pool_create(&q, p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_create(&s, APR_UNSPEC, SOCK_STREAM, 0, q),
                     APR_SUCCESS);
    fd = fd_of(s);
    ck_assert_int_ne(fcntl(fd, F_GETFD), -1);
    apr_pool_destroy(q);
    ck_assert_int_eq(fcntl(fd, F_GETFD), -1);
}
END_TEST

START_TEST(create_and_errors)
{
    apr_socket_t *s;
    apr_sockaddr_t *la;
    int proto;

    /* APR_UNSPEC: IPv6 where the system has it. */
    ck_assert_int_eq(apr_socket_create(&s, APR_UNSPEC, SOCK_STREAM, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_addr_get(&la, APR_LOCAL, s), APR_SUCCESS);
    ck_assert(la->family == APR_INET || la->family == AF_INET6);
    /* A Unix socket ignores the protocol but reports it. */
    ck_assert_int_eq(apr_socket_create(&s, APR_UNIX, SOCK_STREAM,
                                       APR_PROTO_TCP, p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_protocol_get(s, &proto), APR_SUCCESS);
    ck_assert_int_eq(proto, APR_PROTO_TCP);
    ck_assert(APR_STATUS_IS_EAFNOSUPPORT(
        apr_socket_create(&s, 9999, SOCK_STREAM, 0, p)));
    /* Listening on a datagram socket. */
    ck_assert_int_eq(apr_socket_create(&s, APR_INET, SOCK_DGRAM, 0, p),
                     APR_SUCCESS);
    ck_assert_int_ne(apr_socket_listen(s, 5), APR_SUCCESS);
}
END_TEST

START_TEST(userdata_and_inherit)
{
    apr_socket_t *s;
    void *d = (void *)1;
    int fd;

    ck_assert_int_eq(apr_socket_create(&s, APR_INET, SOCK_STREAM, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_data_get(&d, "k", s), APR_SUCCESS);
    ck_assert_ptr_null(d);
    ck_assert_int_eq(apr_socket_data_set(s, (void *)"v1", "k", NULL),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_data_set(s, (void *)"v2", "k", NULL),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_data_get(&d, "k", s), APR_SUCCESS);
    ck_assert_str_eq(d, "v2");

    fd = fd_of(s);
    ck_assert_int_eq(fcntl(fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    ck_assert_int_eq(apr_socket_inherit_set(s), APR_SUCCESS);
    ck_assert_int_eq(fcntl(fd, F_GETFD) & FD_CLOEXEC, 0);
    ck_assert_int_eq(apr_socket_inherit_unset(s), APR_SUCCESS);
    ck_assert_int_eq(fcntl(fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
}
END_TEST

START_TEST(os_sock_put_and_make)
{
    int fds[2];
    apr_socket_t *s = NULL, *m;
    apr_os_sock_info_t info;
    apr_interval_time_t t;
    apr_pool_t *q;
    char buf[4];
    int type;

    /* socketpair(): there is no APR call for it. */
    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    ck_assert_int_eq(apr_pool_create(&q, p), APR_SUCCESS);
    ck_assert_int_eq(apr_os_sock_put(&s, &fds[0], q), APR_SUCCESS);
    ck_assert_int_eq(fd_of(s), fds[0]);
    ck_assert_int_eq(apr_socket_type_get(s, &type), APR_SUCCESS);
    ck_assert_int_eq(type, SOCK_STREAM);
    ck_assert_int_eq(apr_socket_timeout_get(s, &t), APR_SUCCESS);
    ck_assert_int_eq(t, -1);
    send_all(s, "ab", 2);
    ck_assert_int_eq(read(fds[1], buf, 2), 2);
    /* put: the descriptor stays the caller's. */
    apr_pool_destroy(q);
    ck_assert_int_ne(fcntl(fds[0], F_GETFD), -1);

    memset(&info, 0, sizeof info);
    info.os_sock = &fds[1];
    info.family = APR_UNIX;
    info.type = SOCK_STREAM;
    ck_assert_int_eq(apr_pool_create(&q, p), APR_SUCCESS);
    ck_assert_int_eq(apr_os_sock_make(&m, &info, q), APR_SUCCESS);
    ck_assert_int_eq(write(fds[0], "cd", 2), 2);
    recv_exactly(m, buf, 2);
    ck_assert(memcmp(buf, "cd", 2) == 0);
    /* make: the new socket owns it. */
    apr_pool_destroy(q);
    ck_assert_int_eq(fcntl(fds[1], F_GETFD), -1);
    close(fds[0]);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("sockets");
    TCase *tc = apr_test_tcase("sockets");

    tcase_add_test(tc, tcp_ipv4);
    tcase_add_test(tc, tcp_ipv6);
    tcase_add_test(tc, bind_keeps_address);
    tcase_add_test(tc, eof_and_atreadeof);
    tcase_add_test(tc, recv_timeouts);
    tcase_add_test(tc, nonblocking_partial_sends);
    tcase_add_test(tc, sendv_gathers);
    tcase_add_test(tc, accept_inherits);
    tcase_add_test(tc, connect_with_timeouts);
    tcase_add_test(tc, udp_sendto_recvfrom);
    tcase_add_test(tc, unix_stream);
    tcase_add_test(tc, close_runs_once);
    tcase_add_test(tc, create_and_errors);
    tcase_add_test(tc, userdata_and_inherit);
    tcase_add_test(tc, os_sock_put_and_make);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
