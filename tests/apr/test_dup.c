/*
 * apr_file_dup, apr_file_dup2 and apr_file_setaside.
 */
#include "testutil.h"

#include "apr_file_io.h"
#include "apr_portable.h"
#include "apr_strings.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char name[64], name2[64];

static void files_setup(void)
{
    int fd;
    strcpy(name, "/tmp/apr-test-dup-XXXXXX");
    strcpy(name2, "/tmp/apr-test-dup2-XXXXXX");
    fd = mkstemp(name);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, "0123456789", 10), 10);
    close(fd);
    fd = mkstemp(name2);
    ck_assert_int_ge(fd, 0);
    close(fd);
}

static void files_teardown(void)
{
    unlink(name);
    unlink(name2);
}

static int fd_of(apr_file_t *f)
{
    apr_os_file_t fd;
    ck_assert_int_eq(apr_os_file_get(&fd, f), APR_SUCCESS);
    return fd;
}

static char *content(const char *path)
{
    static char buf[256];
    FILE *fp = fopen(path, "r");
    size_t n;
    ck_assert_ptr_nonnull(fp);
    n = fread(buf, 1, sizeof(buf) - 1, fp);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

START_TEST(dup_shares_offset)
{
    apr_file_t *f, *d;
    apr_pool_t *sub;
    char c;
    const char *fname;

    apr_pool_create(&sub, p);
    ck_assert_int_eq(apr_file_open(&f, name, APR_FOPEN_READ,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_dup(&d, f, sub), APR_SUCCESS);
    ck_assert_int_ne(fd_of(d), fd_of(f));
    ck_assert_ptr_eq(apr_file_pool_get(d), sub);
    ck_assert_int_eq(apr_file_name_get(&fname, d), APR_SUCCESS);
    ck_assert_str_eq(fname, name);
    ck_assert_int_eq(apr_file_getc(&c, f), APR_SUCCESS);
    ck_assert_int_eq(c, '0');
    ck_assert_int_eq(apr_file_getc(&c, d), APR_SUCCESS);
    ck_assert_int_eq(c, '1');
    /* Closing the duplicate leaves the original open. */
    ck_assert_int_eq(apr_file_close(d), APR_SUCCESS);
    ck_assert_int_eq(apr_file_getc(&c, f), APR_SUCCESS);
    ck_assert_int_eq(c, '2');
    apr_pool_destroy(sub);
}
END_TEST

START_TEST(dup_flags_and_buffer)
{
    apr_file_t *f, *d;
    int fd;

    ck_assert_int_eq(apr_file_open(&f, name, APR_FOPEN_READ |
                                   APR_FOPEN_BUFFERED | APR_FOPEN_NOCLEANUP,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_dup(&d, f, p), APR_SUCCESS);
    /* The duplicate is the pool's, with a buffer of its own. */
    ck_assert_int_eq(apr_file_flags_get(d),
                     APR_FOPEN_READ | APR_FOPEN_BUFFERED);
    ck_assert_uint_eq(apr_file_buffer_size_get(d), 4096);
    fd = fd_of(d);
#if !APR_TEST_AGAINST_SYSTEM
    /* Deliberate difference: APR's dup() leaves the copy inheritable
     * although its flags (and apr_file_inherit_set) say it is not. */
    ck_assert_int_eq(fcntl(fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
#endif
    apr_pool_clear(p);
    ck_assert_int_eq(fcntl(fd, F_GETFD), -1);
    close(fd_of(f));
}
END_TEST

START_TEST(dup2_redirects)
{
    apr_file_t *a, *b;
    int afd;
    apr_size_t n = 5;

    ck_assert_int_eq(apr_file_open(&a, name, APR_FOPEN_WRITE,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_open(&b, name2, APR_FOPEN_WRITE,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    afd = fd_of(a);
    ck_assert_int_eq(apr_file_dup2(a, b, p), APR_SUCCESS);
    /* a keeps its descriptor number, which now writes to b's file, and
     * stays close-on-exec as a pool-owned file. */
    ck_assert_int_eq(fd_of(a), afd);
    ck_assert_int_eq(fcntl(afd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    ck_assert_int_eq(apr_file_write(a, "redir", &n), APR_SUCCESS);
    ck_assert_str_eq(content(name2), "redir");
    ck_assert_str_eq(content(name), "0123456789");
}
END_TEST

START_TEST(dup2_onto_stdout)
{
    apr_file_t *out, *f;
    int saved = dup(STDOUT_FILENO);

    ck_assert_int_eq(apr_file_open_stdout(&out, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_open(&f, name2, APR_FOPEN_WRITE,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_dup2(out, f, p), APR_SUCCESS);
    /* The standard stream stays inheritable. */
    ck_assert_int_eq(fcntl(STDOUT_FILENO, F_GETFD) & FD_CLOEXEC, 0);
    ck_assert_int_eq(write(STDOUT_FILENO, "via fd 1", 8), 8);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    ck_assert_str_eq(content(name2), "via fd 1");
}
END_TEST

START_TEST(setaside_moves_pool)
{
    apr_pool_t *from, *to;
    apr_file_t *f, *g;
    int fd;

    apr_pool_create(&from, p);
    apr_pool_create(&to, p);
    ck_assert_int_eq(apr_file_open(&f, name2, APR_FOPEN_WRITE |
                                   APR_FOPEN_BUFFERED, APR_FPROT_OS_DEFAULT,
                                   from),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_puts("pending", f), APR_SUCCESS);
    fd = fd_of(f);
    ck_assert_int_eq(apr_file_setaside(&g, f, to), APR_SUCCESS);
    ck_assert_ptr_eq(apr_file_pool_get(g), to);
    /* The old pool no longer closes (or flushes) it. */
    apr_pool_destroy(from);
    ck_assert_int_ge(fcntl(fd, F_GETFD), 0);
    ck_assert_int_eq(fd_of(g), fd);
    ck_assert_str_eq(content(name2), "");
    ck_assert_int_eq(apr_file_puts(" more", g), APR_SUCCESS);
    /* The new pool flushes and closes it. */
    apr_pool_destroy(to);
    ck_assert_int_eq(fcntl(fd, F_GETFD), -1);
    ck_assert_str_eq(content(name2), "pending more");
}
END_TEST

START_TEST(setaside_keeps_read_buffer)
{
    apr_file_t *f, *g;
    char buf[16];
    apr_size_t n = 3;

    ck_assert_int_eq(apr_file_open(&f, name, APR_FOPEN_READ |
                                   APR_FOPEN_BUFFERED, APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_read(f, buf, &n), APR_SUCCESS);
    ck_assert_int_eq(apr_file_setaside(&g, f, p), APR_SUCCESS);
    n = sizeof(buf);
    ck_assert_int_eq(apr_file_read(g, buf, &n), APR_SUCCESS);
    ck_assert_uint_eq(n, 7);
    ck_assert_int_eq(memcmp(buf, "3456789", 7), 0);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("dup");
    TCase *tc = apr_test_tcase("dup");

    tcase_add_checked_fixture(tc, files_setup, files_teardown);
    tcase_add_test(tc, dup_shares_offset);
    tcase_add_test(tc, dup_flags_and_buffer);
    tcase_add_test(tc, dup2_redirects);
    tcase_add_test(tc, dup2_onto_stdout);
    tcase_add_test(tc, setaside_moves_pool);
    tcase_add_test(tc, setaside_keeps_read_buffer);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
