/*
 * apr_file_mktemp and apr_temp_dir_get.
 */
#include "testutil.h"

#include "apr_env.h"
#include "apr_file_io.h"
#include "apr_file_info.h"
#include "apr_portable.h"
#include "apr_strings.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static void dir_setup(void)
{
    strcpy(dir, "/tmp/apr-test-temp-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void dir_teardown(void)
{
    rmdir(dir);
}

START_TEST(mktemp_defaults)
{
    apr_file_t *f;
    char *templ = apr_pstrcat(p, dir, "/tmpXXXXXX", NULL);
    const char *fname;
    struct stat st;
    apr_os_file_t fd;
    apr_size_t n = 4;
    char buf[8];
    apr_off_t off = 0;

    ck_assert_int_eq(apr_file_mktemp(&f, templ, 0, p), APR_SUCCESS);
    /* The template is replaced by the name chosen. */
    ck_assert_ptr_null(strstr(templ, "XXXXXX"));
    ck_assert_int_eq(strncmp(templ, dir, strlen(dir)), 0);
    ck_assert_int_eq(apr_file_name_get(&fname, f), APR_SUCCESS);
    ck_assert_str_eq(fname, templ);
    ck_assert_int_eq(apr_file_flags_get(f),
                     APR_FOPEN_CREATE | APR_FOPEN_READ | APR_FOPEN_WRITE |
                     APR_FOPEN_EXCL | APR_FOPEN_DELONCLOSE);
    ck_assert_int_eq(stat(templ, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    apr_os_file_get(&fd, f);
    ck_assert_int_eq(fcntl(fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);

    /* Read and write. */
    ck_assert_int_eq(apr_file_write(f, "temp", &n), APR_SUCCESS);
    ck_assert_int_eq(apr_file_seek(f, APR_SET, &off), APR_SUCCESS);
    n = sizeof(buf);
    ck_assert_int_eq(apr_file_read(f, buf, &n), APR_SUCCESS);
    ck_assert_uint_eq(n, 4);

    /* DELONCLOSE: gone when closed. */
    ck_assert_int_eq(apr_file_close(f), APR_SUCCESS);
    ck_assert_int_ne(stat(templ, &st), 0);
}
END_TEST

START_TEST(mktemp_pool_cleanup_removes)
{
    apr_pool_t *sub;
    apr_file_t *f;
    char *templ = apr_pstrcat(p, dir, "/poolXXXXXX", NULL);
    struct stat st;

    apr_pool_create(&sub, p);
    ck_assert_int_eq(apr_file_mktemp(&f, templ, 0, sub), APR_SUCCESS);
    ck_assert_int_eq(stat(templ, &st), 0);
    apr_pool_destroy(sub);
    ck_assert_int_ne(stat(templ, &st), 0);
}
END_TEST

START_TEST(mktemp_own_flags)
{
    apr_file_t *f;
    char *templ = apr_pstrcat(p, dir, "/keepXXXXXX", NULL);
    struct stat st;

    ck_assert_int_eq(apr_file_mktemp(&f, templ, APR_FOPEN_CREATE |
                                     APR_FOPEN_READ | APR_FOPEN_WRITE |
                                     APR_FOPEN_EXCL | APR_FOPEN_BUFFERED, p),
                     APR_SUCCESS);
    ck_assert_uint_eq(apr_file_buffer_size_get(f), 4096);
    ck_assert_int_eq(apr_file_puts("kept", f), APR_SUCCESS);
    ck_assert_int_eq(apr_file_close(f), APR_SUCCESS);
    /* Without DELONCLOSE the file stays, with what was buffered. */
    ck_assert_int_eq(stat(templ, &st), 0);
    ck_assert_int_eq(st.st_size, 4);
    unlink(templ);
}
END_TEST

START_TEST(mktemp_bad_template)
{
    apr_file_t *f;
    char *templ = apr_pstrcat(p, dir, "/noxs", NULL);
    char *missing = apr_pstrdup(p, "/nonexistent-dir-apr/tXXXXXX");

    ck_assert_int_eq(apr_file_mktemp(&f, templ, 0, p), APR_EINVAL);
    ck_assert(APR_STATUS_IS_ENOENT(apr_file_mktemp(&f, missing, 0, p)));
}
END_TEST

START_TEST(temp_dir_from_env)
{
    const char *tmp;

    ck_assert_int_eq(apr_env_set("TMPDIR", dir, p), APR_SUCCESS);
    ck_assert_int_eq(apr_temp_dir_get(&tmp, p), APR_SUCCESS);
    ck_assert_str_eq(tmp, dir);
    /* The probe file it made is gone again. */
    ck_assert_int_eq(rmdir(dir), 0);
    ck_assert_int_eq(mkdir(dir, 0700), 0);

    /* An unusable TMPDIR is skipped: TMP is next. */
    ck_assert_int_eq(apr_env_set("TMPDIR", "/nonexistent-apr-dir", p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_env_set("TMP", dir, p), APR_SUCCESS);
    ck_assert_int_eq(apr_temp_dir_get(&tmp, p), APR_SUCCESS);
    ck_assert_str_eq(tmp, dir);

    /* Then TEMP, then /tmp. */
    ck_assert_int_eq(apr_env_delete("TMP", p), APR_SUCCESS);
    ck_assert_int_eq(apr_env_set("TEMP", dir, p), APR_SUCCESS);
    ck_assert_int_eq(apr_temp_dir_get(&tmp, p), APR_SUCCESS);
    ck_assert_str_eq(tmp, dir);
    ck_assert_int_eq(apr_env_delete("TEMP", p), APR_SUCCESS);
    ck_assert_int_eq(apr_env_delete("TMPDIR", p), APR_SUCCESS);
    ck_assert_int_eq(apr_temp_dir_get(&tmp, p), APR_SUCCESS);
    ck_assert_str_eq(tmp, "/tmp");
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("temp");
    TCase *tc = apr_test_tcase("temp");

    tcase_add_checked_fixture(tc, dir_setup, dir_teardown);
    tcase_add_test(tc, mktemp_defaults);
    tcase_add_test(tc, mktemp_pool_cleanup_removes);
    tcase_add_test(tc, mktemp_own_flags);
    tcase_add_test(tc, mktemp_bad_template);
    tcase_add_test(tc, temp_dir_from_env);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
