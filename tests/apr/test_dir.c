/*
 * Directories: apr_dir_open/read/rewind/close, apr_dir_make,
 * apr_dir_make_recursive, apr_dir_remove, apr_os_dir_get/put.
 *
 * The entries are made with plain POSIX calls (creat, mkfifo, symlink) so
 * that this suite needs only the directory functions. Valid bits and
 * statuses are those of Debian's libapr-1 on Linux.
 */
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "apr_file_info.h"
#include "apr_file_io.h"
#include "apr_portable.h"
#include "apr_strings.h"

static int remove_entry(const char *path, const struct stat *st, int type,
                        struct FTW *ftw)
{
    (void)st;
    (void)type;
    (void)ftw;
    remove(path);
    return 0;
}

static apr_status_t remove_tree(void *dir)
{
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    return APR_SUCCESS;
}

/* A fresh directory, removed with the test's pool. */
static const char *temp_dir(void)
{
    const char *tmp = getenv("TMPDIR");
    char *dir = apr_pstrcat(p, tmp && *tmp ? tmp : "/tmp", "/dir.XXXXXX",
                            NULL);

    ck_assert_ptr_nonnull(mkdtemp(dir));
    apr_pool_cleanup_register(p, dir, remove_tree, apr_pool_cleanup_null);
    return dir;
}

static const char *in(const char *dir, const char *name)
{
    return apr_pstrcat(p, dir, "/", name, NULL);
}

/* A directory holding one entry of each kind: f (4 bytes), sub/, l -> f,
 * fifo. */
static const char *populated_dir(void)
{
    const char *dir = temp_dir();
    int fd = open(in(dir, "f"), O_WRONLY | O_CREAT, 0600);

    ck_assert_int_eq(write(fd, "data", 4), 4);
    ck_assert_int_eq(close(fd), 0);
    ck_assert_int_eq(mkdir(in(dir, "sub"), 0700), 0);
    ck_assert_int_eq(symlink("f", in(dir, "l")), 0);
    ck_assert_int_eq(mkfifo(in(dir, "fifo"), 0600), 0);
    return dir;
}

struct expected_entry {
    const char *name;
    apr_filetype_e type;
    int seen;
};

/* Reads every entry with `wanted`, checking names and types against the
 * populated directory; every read must return `want_rv`. */
static void read_all(apr_dir_t *d, apr_int32_t wanted, apr_status_t want_rv,
                     apr_int32_t want_valid)
{
    struct expected_entry exp[] = {
        {".", APR_DIR, 0},  {"..", APR_DIR, 0},    {"f", APR_REG, 0},
        {"sub", APR_DIR, 0}, {"l", APR_LNK, 0},    {"fifo", APR_PIPE, 0},
    };
    const size_t n = sizeof exp / sizeof exp[0];
    apr_finfo_t fi;
    apr_status_t rv;
    size_t count = 0, i;

    while ((rv = apr_dir_read(&fi, wanted, d)) == want_rv) {
        ck_assert_ptr_null(fi.fname);
        ck_assert_int_eq(fi.valid, want_valid);
        for (i = 0; i < n; i++)
            if (strcmp(exp[i].name, fi.name) == 0)
                break;
        ck_assert_msg(i < n, "unexpected entry %s", fi.name);
        ck_assert_int_eq(exp[i].seen, 0);
        exp[i].seen = 1;
        ck_assert_int_eq(fi.filetype, exp[i].type);
        if (strcmp(fi.name, "f") == 0 && (fi.valid & APR_FINFO_SIZE))
            ck_assert_int_eq(fi.size, 4);
        count++;
    }
    ck_assert_int_eq(rv, APR_ENOENT);
    ck_assert_uint_eq(count, n);
    /* The end stays the end. */
    ck_assert_int_eq(apr_dir_read(&fi, wanted, d), APR_ENOENT);
}

/*
 * "." and ".." come back like any entry. Name, type and inode come from
 * the dirent (Linux file systems report the type); asking for them, or
 * for nothing, gives exactly those three.
 */
START_TEST(read_dirent_fields)
{
    const char *dir = populated_dir();
    const apr_int32_t from_dirent =
        APR_FINFO_NAME | APR_FINFO_TYPE | APR_FINFO_INODE;
    apr_dir_t *d;

    ck_assert_int_eq(apr_dir_open(&d, dir, p), APR_SUCCESS);
    read_all(d, APR_FINFO_DIRENT, APR_SUCCESS, from_dirent);
    ck_assert_int_eq(apr_dir_rewind(d), APR_SUCCESS);
    read_all(d, 0, APR_SUCCESS, from_dirent);
    ck_assert_int_eq(apr_dir_rewind(d), APR_SUCCESS);
    read_all(d, APR_FINFO_TYPE | APR_FINFO_INODE, APR_SUCCESS, from_dirent);
    ck_assert_int_eq(apr_dir_close(d), APR_SUCCESS);
}
END_TEST

/* More than the dirent holds: the entry is lstat()ed (so the link is a
 * link) and everything stat gives is valid. */
START_TEST(read_with_stat)
{
    const char *dir = populated_dir();
    const apr_int32_t all = APR_FINFO_NORM | APR_FINFO_NLINK |
                            APR_FINFO_CSIZE | APR_FINFO_NAME;
    apr_dir_t *d;

    ck_assert_int_eq(apr_dir_open(&d, dir, p), APR_SUCCESS);
    read_all(d, APR_FINFO_NORM, APR_SUCCESS, all);
    ck_assert_int_eq(apr_dir_rewind(d), APR_SUCCESS);
    read_all(d, APR_FINFO_SIZE, APR_SUCCESS, all);
    /* Wanting what unix cannot give (ICASE), or APR_FINFO_LINK, which is
     * never a valid bit: APR_INCOMPLETE for every entry. */
    ck_assert_int_eq(apr_dir_rewind(d), APR_SUCCESS);
    read_all(d, APR_FINFO_ICASE, APR_INCOMPLETE, all);
    ck_assert_int_eq(apr_dir_rewind(d), APR_SUCCESS);
    read_all(d, APR_FINFO_LINK, APR_INCOMPLETE, all);
    ck_assert_int_eq(apr_dir_close(d), APR_SUCCESS);
}
END_TEST

/* The directory name may end in a slash; the entries are stat()ed all
 * the same. */
START_TEST(read_trailing_slash)
{
    const char *dir = populated_dir();
    apr_dir_t *d;
    apr_finfo_t fi;
    int found = 0;

    ck_assert_int_eq(apr_dir_open(&d, apr_pstrcat(p, dir, "/", NULL), p),
                     APR_SUCCESS);
    while (apr_dir_read(&fi, APR_FINFO_SIZE, d) == APR_SUCCESS)
        if (strcmp(fi.name, "f") == 0) {
            ck_assert_int_eq(fi.size, 4);
            found = 1;
        }
    ck_assert_int_eq(found, 1);
}
END_TEST

START_TEST(rewind_twice)
{
    const char *dir = populated_dir();
    apr_dir_t *d;
    apr_finfo_t fi;
    int first = 0, second = 0;

    ck_assert_int_eq(apr_dir_open(&d, dir, p), APR_SUCCESS);
    while (apr_dir_read(&fi, APR_FINFO_DIRENT, d) == APR_SUCCESS)
        first++;
    ck_assert_int_eq(apr_dir_rewind(d), APR_SUCCESS);
    while (apr_dir_read(&fi, APR_FINFO_DIRENT, d) == APR_SUCCESS)
        second++;
    ck_assert_int_eq(first, 6);
    ck_assert_int_eq(second, first);
}
END_TEST

START_TEST(open_errors)
{
    const char *dir = populated_dir();
    apr_dir_t *d = NULL;

    ck_assert_int_eq(apr_dir_open(&d, in(dir, "none"), p), APR_ENOENT);
    ck_assert_int_eq(apr_dir_open(&d, in(dir, "f"), p), APR_ENOTDIR);
    ck_assert_int_eq(apr_dir_open(&d, "", p), APR_ENOENT);
    ck_assert_ptr_null(d);
    /* Through a link to a directory is fine. */
    ck_assert_int_eq(symlink("sub", in(dir, "lsub")), 0);
    ck_assert_int_eq(apr_dir_open(&d, in(dir, "lsub"), p), APR_SUCCESS);
}
END_TEST

/* An open directory is closed by its pool: no descriptor is left. */
START_TEST(pool_closes)
{
    const char *dir = temp_dir();
    apr_pool_t *sub;
    apr_dir_t *d;
    apr_os_dir_t *os;
    int fd;

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    ck_assert_int_eq(apr_dir_open(&d, dir, sub), APR_SUCCESS);
    ck_assert_int_eq(apr_os_dir_get(&os, d), APR_SUCCESS);
    fd = dirfd(os);
    ck_assert_int_ge(fd, 0);
    apr_pool_destroy(sub);
    ck_assert_int_eq(fcntl(fd, F_GETFD), -1);

    /* apr_dir_close runs the cleanup once: destroying the pool after it
     * does not close again. */
    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    ck_assert_int_eq(apr_dir_open(&d, dir, sub), APR_SUCCESS);
    ck_assert_int_eq(apr_dir_close(d), APR_SUCCESS);
    apr_pool_destroy(sub);
}
END_TEST

static mode_t mode_of(const char *path)
{
    struct stat st;

    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert(S_ISDIR(st.st_mode));
    return st.st_mode & 07777;
}

START_TEST(make)
{
    const char *dir = temp_dir();

    umask(022);
    ck_assert_int_eq(apr_dir_make(in(dir, "a"), APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(mode_of(in(dir, "a")), 0755);
    ck_assert_int_eq(apr_dir_make(in(dir, "b"),
                                  APR_FPROT_UREAD | APR_FPROT_UWRITE |
                                      APR_FPROT_UEXECUTE | APR_FPROT_GREAD,
                                  p),
                     APR_SUCCESS);
    ck_assert_int_eq(mode_of(in(dir, "b")), 0740);
    ck_assert_int_eq(apr_dir_make(in(dir, "a"), APR_FPROT_OS_DEFAULT, p),
                     APR_EEXIST);
    ck_assert_int_eq(apr_dir_make(in(dir, "x/y"), APR_FPROT_OS_DEFAULT, p),
                     APR_ENOENT);
}
END_TEST

START_TEST(make_recursive)
{
    const char *dir = temp_dir();
    const char *deep = in(dir, "a/b/c/d");
    int fd;

    umask(022);
    ck_assert_int_eq(apr_dir_make_recursive(deep, APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(mode_of(deep), 0755);
    ck_assert_int_eq(mode_of(in(dir, "a/b")), 0755);
    /* Existing paths, with or without a trailing slash, are success. */
    ck_assert_int_eq(apr_dir_make_recursive(deep, APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_dir_make_recursive(in(dir, "a/b/"),
                                            APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_dir_make_recursive(in(dir, "a/x/y/"),
                                            APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(mode_of(in(dir, "a/x/y")), 0755);
    ck_assert_int_eq(apr_dir_make_recursive(in(dir, "e//f"),
                                            APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(mode_of(in(dir, "e/f")), 0755);

    /* Relative paths. */
    ck_assert_int_eq(chdir(dir), 0);
    ck_assert_int_eq(apr_dir_make_recursive("r/s/t", APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(mode_of("r/s/t"), 0755);

    /* A file in the way below: ENOTDIR. The path itself being a file is
     * success, as in APR, which looks only at mkdir's EEXIST. */
    fd = open(in(dir, "file"), O_WRONLY | O_CREAT, 0600);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_int_eq(apr_dir_make_recursive(in(dir, "file/sub/x"),
                                            APR_FPROT_OS_DEFAULT, p),
                     APR_ENOTDIR);
    ck_assert_int_eq(apr_dir_make_recursive(in(dir, "file"),
                                            APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    /* Nothing left to create from. */
    ck_assert_int_eq(apr_dir_make_recursive("", APR_FPROT_OS_DEFAULT, p),
                     APR_ENOENT);
    /* A dangling link in the way. */
    ck_assert_int_eq(symlink("nowhere", in(dir, "dangling")), 0);
    ck_assert_int_eq(apr_dir_make_recursive(in(dir, "dangling/x"),
                                            APR_FPROT_OS_DEFAULT, p),
                     APR_ENOENT);
}
END_TEST

START_TEST(remove_dir)
{
    const char *dir = temp_dir();
    const char *a = in(dir, "a");
    apr_status_t rv;

    ck_assert_int_eq(apr_dir_make(a, APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    ck_assert_int_eq(apr_dir_make(in(dir, "a/b"), APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    rv = apr_dir_remove(a, p);
    ck_assert_msg(APR_STATUS_IS_ENOTEMPTY(rv), "status %d", rv);
    ck_assert_int_eq(apr_dir_remove(in(dir, "a/b"), p), APR_SUCCESS);
    ck_assert_int_eq(apr_dir_remove(a, p), APR_SUCCESS);
    ck_assert_int_eq(apr_dir_remove(a, p), APR_ENOENT);
    ck_assert_int_eq(close(creat(in(dir, "f"), 0600)), 0);
    ck_assert_int_eq(apr_dir_remove(in(dir, "f"), p), APR_ENOTDIR);
}
END_TEST

/* apr_portable.h: the DIR behind an apr_dir_t, and wrapping one. */
START_TEST(os_dir)
{
    const char *dir = populated_dir();
    apr_dir_t *d = NULL, *wrapped = NULL;
    apr_os_dir_t *os = NULL;
    apr_finfo_t fi;
    DIR *ds;
    int n = 0;

    ck_assert_int_eq(apr_os_dir_get(&os, NULL), APR_ENODIR);
    ck_assert_int_eq(apr_dir_open(&d, dir, p), APR_SUCCESS);
    ck_assert_int_eq(apr_os_dir_get(&os, d), APR_SUCCESS);
    ck_assert_ptr_nonnull(os);

    /* A new wrapper has no cleanup: the caller still owns the DIR. */
    ds = opendir(dir);
    ck_assert_ptr_nonnull(ds);
    ck_assert_int_eq(apr_os_dir_put(&wrapped, ds, p), APR_SUCCESS);
    ck_assert_ptr_nonnull(wrapped);
    ck_assert_int_eq(apr_os_dir_get(&os, wrapped), APR_SUCCESS);
    ck_assert_ptr_eq(os, ds);
    while (apr_dir_read(&fi, APR_FINFO_DIRENT, wrapped) == APR_SUCCESS)
        n++;
    ck_assert_int_eq(n, 6);
    ck_assert_int_eq(closedir(ds), 0);

    /* Putting into an existing apr_dir_t replaces its DIR. */
    ds = opendir(dir);
    ck_assert_int_eq(apr_os_dir_put(&wrapped, ds, p), APR_SUCCESS);
    ck_assert_int_eq(apr_os_dir_get(&os, wrapped), APR_SUCCESS);
    ck_assert_ptr_eq(os, ds);
    ck_assert_int_eq(closedir(ds), 0);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("dir");
    TCase *tc = apr_test_tcase("read");

    tcase_add_test(tc, read_dirent_fields);
    tcase_add_test(tc, read_with_stat);
    tcase_add_test(tc, read_trailing_slash);
    tcase_add_test(tc, rewind_twice);
    tcase_add_test(tc, open_errors);
    tcase_add_test(tc, pool_closes);
    tcase_add_test(tc, os_dir);
    suite_add_tcase(s, tc);

    tc = apr_test_tcase("make_remove");
    tcase_add_test(tc, make);
    tcase_add_test(tc, make_recursive);
    tcase_add_test(tc, remove_dir);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
