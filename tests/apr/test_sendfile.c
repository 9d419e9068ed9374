/*
 * apr_socket_sendfile over a loopback TCP connection: a 5 MB file with
 * header and trailer iovecs, compared byte for byte by a reader in a
 * child process (fork(): apr_proc_create arrives with the processes
 * issue), offsets, a file shorter than asked for, and a non-blocking loop
 * with partial sends.
 */
#include "testutil.h"

#include "apr_file_io.h"
#include "apr_network_io.h"
#include "apr_portable.h"
#include "apr_strings.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define BIG (5 * 1024 * 1024 + 123)

static char tmpdir[] = "/tmp/apr-test-sendfileXXXXXX";

/* The content of the test file at offset i. */
static unsigned char byte_at(apr_size_t i)
{
    return (unsigned char)((i * 131u + (i >> 12)) & 0xFF);
}

static apr_file_t *make_file(apr_size_t size)
{
    char *path;
    apr_file_t *f;
    unsigned char *data = malloc(size ? size : 1);
    apr_size_t i, n = size;

    ck_assert_ptr_nonnull(data);
    for (i = 0; i < size; i++)
        data[i] = byte_at(i);
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    path = apr_pstrcat(p, tmpdir, "/data", NULL);
    ck_assert_int_eq(apr_file_open(&f, path,
                                   APR_FOPEN_CREATE | APR_FOPEN_READ
                                       | APR_FOPEN_WRITE | APR_FOPEN_TRUNCATE,
                                   APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_write(f, data, &n), APR_SUCCESS);
    ck_assert_uint_eq(n, size);
    free(data);
    unlink(path);
    rmdir(tmpdir);
    return f;
}

/* A listener on 127.0.0.1; *port is where it listens. */
static apr_socket_t *listener(apr_sockaddr_t **where)
{
    apr_sockaddr_t *sa;
    apr_socket_t *l;

    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "127.0.0.1", APR_INET, 0, 0,
                                           p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_create(&l, APR_INET, SOCK_STREAM,
                                       APR_PROTO_TCP, p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_bind(l, sa), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_listen(l, 5), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_addr_get(where, APR_LOCAL, l), APR_SUCCESS);
    return l;
}

/* In a child: connect, read until EOF, and exit 0 only if what came is
 * hdr, then file bytes [off, off + len), then trl. */
static pid_t start_reader(apr_sockaddr_t *where, const char *hdr,
                          apr_size_t off, apr_size_t len, const char *trl)
{
    pid_t pid = fork();

    ck_assert_int_ne(pid, -1);
    if (pid == 0) {
        apr_pool_t *cp;
        apr_socket_t *c;
        apr_size_t hl = strlen(hdr), tl = strlen(trl), total = hl + len + tl;
        apr_size_t got = 0, i;
        char *buf = malloc(total + 1);
        apr_status_t rv = APR_SUCCESS;

        if (buf == NULL || apr_pool_create(&cp, NULL) != APR_SUCCESS
            || apr_socket_create(&c, APR_INET, SOCK_STREAM, 0, cp)
            || apr_socket_connect(c, where) != APR_SUCCESS)
            _exit(2);
        while (rv == APR_SUCCESS && got <= total) {
            apr_size_t n = total + 1 - got;

            rv = apr_socket_recv(c, buf + got, &n);
            got += n;
        }
        if (rv != APR_EOF || got != total)
            _exit(3);
        if (memcmp(buf, hdr, hl) != 0 || memcmp(buf + hl + len, trl, tl) != 0)
            _exit(4);
        for (i = 0; i < len; i++) {
            if ((unsigned char)buf[hl + i] != byte_at(off + i))
                _exit(5);
        }
        _exit(0);
    }
    return pid;
}

static void expect_reader_ok(pid_t pid)
{
    int status = 0;

    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);
}

static struct iovec iov_of(const char *s)
{
    struct iovec v;

    v.iov_base = (void *)s;
    v.iov_len = strlen(s);
    return v;
}

START_TEST(big_file_with_headers)
{
    static const char h1[] = "HTTP/1.1 200 OK\r\n", h2[] = "X: y\r\n\r\n";
    static const char t1[] = "--trailer--", t2[] = "end\n";
    apr_file_t *f = make_file(BIG);
    apr_sockaddr_t *where;
    apr_socket_t *l = listener(&where), *s;
    struct iovec hv[2], tv[2];
    apr_hdtr_t hdtr;
    apr_off_t off = 0;
    apr_size_t len = BIG;
    apr_int32_t on;
    pid_t pid;

    hv[0] = iov_of(h1);
    hv[1] = iov_of(h2);
    tv[0] = iov_of(t1);
    tv[1] = iov_of(t2);
    hdtr.headers = hv;
    hdtr.numheaders = 2;
    hdtr.trailers = tv;
    hdtr.numtrailers = 2;

    pid = start_reader(where, "HTTP/1.1 200 OK\r\nX: y\r\n\r\n", 0, BIG,
                       "--trailer--end\n");
    ck_assert_int_eq(apr_socket_accept(&s, l, p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_sendfile(s, f, &hdtr, &off, &len, 0),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, strlen(h1) + strlen(h2) + BIG + strlen(t1)
                               + strlen(t2));
    ck_assert_int_eq(off, 0); /* never changed */
    /* The cork is off again. */
    ck_assert_int_eq(apr_socket_opt_get(s, APR_TCP_NOPUSH, &on), APR_SUCCESS);
    ck_assert_int_eq(on, 0);
    ck_assert_int_eq(apr_socket_close(s), APR_SUCCESS);
    expect_reader_ok(pid);
}
END_TEST

START_TEST(offset_without_hdtr)
{
    apr_file_t *f = make_file(100000);
    apr_sockaddr_t *where;
    apr_socket_t *l = listener(&where), *s;
    apr_off_t off = 1000;
    apr_size_t len = 5000;
    pid_t pid;

    pid = start_reader(where, "", 1000, 5000, "");
    ck_assert_int_eq(apr_socket_accept(&s, l, p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_sendfile(s, f, NULL, &off, &len,
                                         APR_SENDFILE_DISCONNECT_SOCKET),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 5000);
    ck_assert_int_eq(off, 1000);
    ck_assert_int_eq(apr_socket_close(s), APR_SUCCESS);
    expect_reader_ok(pid);
}
END_TEST

START_TEST(short_file)
{
    apr_file_t *f = make_file(100);
    apr_sockaddr_t *where;
    apr_socket_t *l = listener(&where), *s;
    apr_off_t off = 0;
    apr_size_t len = 200;
    pid_t pid;

    pid = start_reader(where, "", 0, 100, "");
    ck_assert_int_eq(apr_socket_accept(&s, l, p), APR_SUCCESS);
    /* Less than asked for: the count sent. */
    ck_assert_int_eq(apr_socket_sendfile(s, f, NULL, &off, &len, 0),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 100);
    /* Nothing left at all: APR_EOF. */
    off = 100;
    len = 100;
    ck_assert_int_eq(apr_socket_sendfile(s, f, NULL, &off, &len, 0), APR_EOF);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(apr_socket_close(s), APR_SUCCESS);
    expect_reader_ok(pid);
}
END_TEST

/* Non-blocking: partial sends, with the caller moving on by what was
 * sent and waiting (poll) whenever the socket is full. */
START_TEST(nonblocking_loop)
{
    static const char hdr[] = "header-bytes|", trl[] = "|trailer";
    apr_file_t *f = make_file(BIG);
    apr_sockaddr_t *where;
    apr_socket_t *l = listener(&where), *s;
    apr_size_t sent = 0, total = strlen(hdr) + BIG + strlen(trl);
    int partial = 0, rounds = 0;
    apr_os_sock_t fd;
    pid_t pid;

    pid = start_reader(where, hdr, 0, BIG, trl);
    ck_assert_int_eq(apr_socket_accept(&s, l, p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_opt_set(s, APR_SO_SNDBUF, 16384), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_timeout_set(s, 0), APR_SUCCESS);
    ck_assert_int_eq(apr_os_sock_get(&fd, s), APR_SUCCESS);
    while (sent < total && rounds++ < 100000) {
        struct iovec hv, tv;
        apr_hdtr_t hdtr = {NULL, 0, NULL, 0};
        apr_size_t hl = strlen(hdr), fstart, len;
        apr_off_t off;
        apr_status_t rv;

        /* What remains: part of the header, the file, the trailer. */
        if (sent < hl) {
            hv.iov_base = (void *)(hdr + sent);
            hv.iov_len = hl - sent;
            hdtr.headers = &hv;
            hdtr.numheaders = 1;
        }
        fstart = sent > hl ? sent - hl : 0;
        if (fstart < BIG) {
            tv = iov_of(trl);
            hdtr.trailers = &tv;
            hdtr.numtrailers = 1;
            off = (apr_off_t)fstart;
            len = BIG - fstart;
            rv = apr_socket_sendfile(s, f, &hdtr, &off, &len, 0);
        }
        else {
            tv.iov_base = (void *)(trl + (sent - hl - BIG));
            tv.iov_len = total - sent;
            rv = apr_socket_sendv(s, &tv, 1, &len);
        }
        if (rv == APR_SUCCESS) {
            ck_assert_uint_le(len, total - sent);
            sent += len;
            if (sent < total)
                partial = 1;
        }
        else {
            struct pollfd pfd = {fd, POLLOUT, 0};

            ck_assert_msg(APR_STATUS_IS_EAGAIN(rv), "rv %d", rv);
            ck_assert_uint_eq(len, 0);
            partial = 1;
            ck_assert_int_ge(poll(&pfd, 1, 5000), 0);
        }
    }
    ck_assert_uint_eq(sent, total);
    ck_assert(partial); /* 5 MB does not fit a 16 KB buffer at once */
    ck_assert_int_eq(apr_socket_close(s), APR_SUCCESS);
    expect_reader_ok(pid);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("sendfile");
    TCase *tc = apr_test_tcase("sendfile");

    tcase_add_test(tc, big_file_with_headers);
    tcase_add_test(tc, offset_without_hdtr);
    tcase_add_test(tc, short_file);
    tcase_add_test(tc, nonblocking_loop);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
