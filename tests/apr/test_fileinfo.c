/*
 * apr_stat, the permission conversions, apr_file_perms_set,
 * apr_file_attrs_set, apr_file_mtime_set and apr_perms_set.h.
 *
 * Files are made with plain POSIX calls (open, mkfifo, socket, symlink)
 * so that this suite depends on apr_file_info.h alone; apr_file_open and
 * apr_file_info_get have their own suite (test_file.c). The exact valid
 * bits and statuses asserted here are those of Debian's libapr-1 on
 * Linux.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "testutil.h"
#include "apr_file_info.h"
#include "apr_file_io.h"
#include "apr_perms_set.h"
#include "apr_strings.h"

/* What one stat() gives on Linux: everything but ICASE and NAME. */
#define ALL_FROM_STAT (APR_FINFO_NORM | APR_FINFO_NLINK | APR_FINFO_CSIZE)

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
    char *dir = apr_pstrcat(p, tmp && *tmp ? tmp : "/tmp", "/fi.XXXXXX",
                            NULL);

    ck_assert_ptr_nonnull(mkdtemp(dir));
    apr_pool_cleanup_register(p, dir, remove_tree, apr_pool_cleanup_null);
    return dir;
}

/* Creates `name` in `dir` holding `data`, with exactly mode `mode`. */
static const char *make_file(const char *dir, const char *name,
                             const char *data, mode_t mode)
{
    const char *path = apr_pstrcat(p, dir, "/", name, NULL);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);

    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, data, strlen(data)), (int)strlen(data));
    ck_assert_int_eq(close(fd), 0);
    ck_assert_int_eq(chmod(path, mode), 0);
    return path;
}

static apr_time_t time_of(const struct timespec *ts)
{
    return apr_time_from_sec(ts->tv_sec) + ts->tv_nsec / 1000;
}

START_TEST(stat_regular_file)
{
    const char *dir = temp_dir();
    const char *path = make_file(dir, "f", "hello\n", 0640);
    apr_finfo_t fi;
    struct stat st;

    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(apr_stat(&fi, path, APR_FINFO_NORM, p), APR_SUCCESS);
    ck_assert_int_eq(fi.valid, ALL_FROM_STAT);
    ck_assert_ptr_eq(fi.pool, p);
    ck_assert_ptr_eq(fi.fname, path);
    ck_assert_int_eq(fi.filetype, APR_REG);
    ck_assert_int_eq(fi.size, 6);
    ck_assert_int_eq(fi.csize, (apr_off_t)st.st_blocks * 512);
    ck_assert_int_eq(fi.protection,
                     APR_FPROT_UREAD | APR_FPROT_UWRITE | APR_FPROT_GREAD);
    ck_assert_int_eq(fi.user, st.st_uid);
    ck_assert_int_eq(fi.user, getuid());
    ck_assert_int_eq(fi.group, st.st_gid);
    ck_assert_uint_eq(fi.inode, st.st_ino);
    ck_assert_uint_eq(fi.device, st.st_dev);
    ck_assert_int_eq(fi.nlink, 1);
    ck_assert_int_eq(fi.mtime, time_of(&st.st_mtim));
    ck_assert_int_eq(fi.atime, time_of(&st.st_atim));
    ck_assert_int_eq(fi.ctime, time_of(&st.st_ctim));

    /* A second name for the same inode. */
    ck_assert_int_eq(link(path, apr_pstrcat(p, dir, "/g", NULL)), 0);
    ck_assert_int_eq(apr_stat(&fi, path, APR_FINFO_NLINK, p), APR_SUCCESS);
    ck_assert_int_eq(fi.nlink, 2);
}
END_TEST

/* Whatever is wanted, everything stat() gives is filled in. */
START_TEST(stat_fills_everything)
{
    const char *path = make_file(temp_dir(), "f", "x", 0600);
    static const apr_int32_t wanted[] = {0, APR_FINFO_TYPE, APR_FINFO_SIZE,
                                         APR_FINFO_CSIZE, APR_FINFO_MIN,
                                         APR_FINFO_LINK | APR_FINFO_NORM};
    size_t i;

    for (i = 0; i < sizeof wanted / sizeof wanted[0]; i++) {
        apr_finfo_t fi;

        ck_assert_int_eq(apr_stat(&fi, path, wanted[i], p), APR_SUCCESS);
        ck_assert_int_eq(fi.valid, ALL_FROM_STAT);
        ck_assert_int_eq(fi.size, 1);
    }
}
END_TEST

START_TEST(stat_directory)
{
    const char *dir = temp_dir();
    apr_finfo_t fi;

    ck_assert_int_eq(chmod(dir, 0750), 0);
    ck_assert_int_eq(apr_stat(&fi, dir, APR_FINFO_NORM, p), APR_SUCCESS);
    ck_assert_int_eq(fi.filetype, APR_DIR);
    ck_assert_int_eq(fi.protection, APR_FPROT_UREAD | APR_FPROT_UWRITE |
                                        APR_FPROT_UEXECUTE | APR_FPROT_GREAD |
                                        APR_FPROT_GEXECUTE);
    ck_assert_int_ge(fi.nlink, 2);
    /* A trailing slash is fine for a directory... */
    ck_assert_int_eq(apr_stat(&fi, apr_pstrcat(p, dir, "/", NULL),
                              APR_FINFO_TYPE, p),
                     APR_SUCCESS);
    ck_assert_int_eq(fi.filetype, APR_DIR);
}
END_TEST

START_TEST(stat_symlink)
{
    const char *dir = temp_dir();
    const char *link_path = apr_pstrcat(p, dir, "/l", NULL);
    const char *dangling = apr_pstrcat(p, dir, "/dangling", NULL);
    apr_finfo_t fi;

    make_file(dir, "target", "hello\n", 0600);
    ck_assert_int_eq(symlink("target", link_path), 0);
    ck_assert_int_eq(symlink("nowhere", dangling), 0);

    /* apr_stat follows the link... */
    ck_assert_int_eq(apr_stat(&fi, link_path, APR_FINFO_NORM, p),
                     APR_SUCCESS);
    ck_assert_int_eq(fi.filetype, APR_REG);
    ck_assert_int_eq(fi.size, 6);
    /* ...APR_FINFO_LINK describes the link itself (its size is the
     * length of the target name). APR_FINFO_LINK is not a valid bit. */
    ck_assert_int_eq(apr_stat(&fi, link_path,
                              APR_FINFO_NORM | APR_FINFO_LINK, p),
                     APR_SUCCESS);
    ck_assert_int_eq(fi.valid, ALL_FROM_STAT);
    ck_assert_int_eq(fi.filetype, APR_LNK);
    ck_assert_int_eq(fi.size, 6);
    ck_assert_int_eq(apr_stat(&fi, dangling, APR_FINFO_LINK, p),
                     APR_SUCCESS);
    ck_assert_int_eq(fi.filetype, APR_LNK);
    ck_assert_int_eq(fi.size, 7);

    ck_assert_int_eq(apr_stat(&fi, dangling, APR_FINFO_TYPE, p), APR_ENOENT);
}
END_TEST

START_TEST(stat_special_files)
{
    const char *dir = temp_dir();
    const char *fifo = apr_pstrcat(p, dir, "/fifo", NULL);
    const char *sock = apr_pstrcat(p, dir, "/sock", NULL);
    struct sockaddr_un sun;
    apr_finfo_t fi;
    int fd;

    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    ck_assert_int_eq(apr_stat(&fi, fifo, APR_FINFO_TYPE, p), APR_SUCCESS);
    ck_assert_int_eq(fi.filetype, APR_PIPE);
    ck_assert_int_eq(fi.size, 0);

    /* A bound unix-domain socket (apr_socket_t cannot bind AF_UNIX in
     * APR 1.7, hence the POSIX calls). */
    fd = socket(AF_UNIX, SOCK_STREAM, 0);
    ck_assert_int_ge(fd, 0);
    memset(&sun, 0, sizeof sun);
    sun.sun_family = AF_UNIX;
    ck_assert_uint_lt(strlen(sock), sizeof sun.sun_path);
    strcpy(sun.sun_path, sock);
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&sun, sizeof sun), 0);
    ck_assert_int_eq(apr_stat(&fi, sock, APR_FINFO_TYPE, p), APR_SUCCESS);
    ck_assert_int_eq(fi.filetype, APR_SOCK);
    close(fd);

    ck_assert_int_eq(apr_stat(&fi, "/dev/null", APR_FINFO_TYPE, p),
                     APR_SUCCESS);
    ck_assert_int_eq(fi.filetype, APR_CHR);
    ck_assert_int_eq(fi.valid, ALL_FROM_STAT);
}
END_TEST

/*
 * Unix cannot say whether a file system ignores case, and APR on Linux
 * does not fill in the name either: asking for ICASE or NAME gives
 * APR_INCOMPLETE, with everything else filled in.
 */
START_TEST(stat_incomplete)
{
    const char *path = make_file(temp_dir(), "f", "abc", 0600);
    apr_finfo_t fi;

    ck_assert_int_eq(apr_stat(&fi, path, APR_FINFO_ICASE, p), APR_INCOMPLETE);
    ck_assert_int_eq(fi.valid, ALL_FROM_STAT);
    ck_assert_int_eq(fi.filetype, APR_REG);
    ck_assert_int_eq(fi.size, 3);
    ck_assert_int_eq(apr_stat(&fi, path, APR_FINFO_NAME | APR_FINFO_MIN, p),
                     APR_INCOMPLETE);
    ck_assert_int_eq(fi.valid & APR_FINFO_NAME, 0);
    ck_assert_int_eq(fi.valid & APR_FINFO_MIN, APR_FINFO_MIN);
    ck_assert_int_eq(apr_stat(&fi, path, APR_FINFO_DIRENT, p),
                     APR_INCOMPLETE);
}
END_TEST

/* On failure the errno comes back and finfo is not touched. */
START_TEST(stat_failures)
{
    const char *dir = temp_dir();
    const char *file = make_file(dir, "f", "", 0600);
    apr_finfo_t fi, before;

    memset(&fi, 0x5a, sizeof fi);
    before = fi;
    ck_assert_int_eq(apr_stat(&fi, apr_pstrcat(p, dir, "/none", NULL),
                              APR_FINFO_NORM, p),
                     APR_ENOENT);
    ck_assert_int_eq(apr_stat(&fi, apr_pstrcat(p, file, "/x", NULL),
                              APR_FINFO_NORM, p),
                     APR_ENOTDIR);
    ck_assert_int_eq(apr_stat(&fi, "", APR_FINFO_NORM, p), APR_ENOENT);
    ck_assert_int_eq(apr_stat(&fi, apr_pstrcat(p, file, "/", NULL),
                              APR_FINFO_LINK, p),
                     APR_ENOTDIR);
    ck_assert_int_eq(memcmp(&fi, &before, sizeof fi), 0);
}
END_TEST

/* Every APR_FPROT_* bit survives apr_file_perms_set -> apr_stat. */
START_TEST(perms_round_trip)
{
    const char *path = make_file(temp_dir(), "f", "", 0600);
    static const apr_fileperms_t cases[] = {
        0,
        APR_FPROT_UREAD,
        APR_FPROT_UREAD | APR_FPROT_UWRITE | APR_FPROT_GREAD,
        APR_FPROT_UREAD | APR_FPROT_UWRITE | APR_FPROT_UEXECUTE |
            APR_FPROT_GREAD | APR_FPROT_GEXECUTE | APR_FPROT_WREAD |
            APR_FPROT_WEXECUTE,
        APR_FPROT_WWRITE | APR_FPROT_GWRITE,
        APR_FPROT_USETID | APR_FPROT_UREAD | APR_FPROT_UEXECUTE,
        APR_FPROT_GSETID | APR_FPROT_UREAD | APR_FPROT_GEXECUTE,
        APR_FPROT_WSTICKY | APR_FPROT_UREAD | APR_FPROT_UWRITE,
        APR_FPROT_USETID | APR_FPROT_GSETID | APR_FPROT_WSTICKY | 0x0777,
    };
    static const mode_t modes[] = {
        0, 0400, 0640, 0755, 0022, 04500, 02410, 01600, 07777,
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        apr_finfo_t fi;
        struct stat st;

        ck_assert_int_eq(apr_file_perms_set(path, cases[i]), APR_SUCCESS);
        ck_assert_int_eq(stat(path, &st), 0);
        ck_assert_int_eq(st.st_mode & 07777, modes[i]);
        ck_assert_int_eq(apr_stat(&fi, path, APR_FINFO_PROT, p), APR_SUCCESS);
        ck_assert_int_eq(fi.protection, cases[i]);
    }
}
END_TEST

/* APR_FPROT_OS_DEFAULT is every rwx bit; FILE_SOURCE_PERMS maps to none. */
START_TEST(perms_special_values)
{
    const char *path = make_file(temp_dir(), "f", "", 0600);
    struct stat st;

    ck_assert_int_eq(apr_file_perms_set(path, APR_FPROT_OS_DEFAULT),
                     APR_SUCCESS);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0777);
    ck_assert_int_eq(apr_file_perms_set(path, APR_FPROT_FILE_SOURCE_PERMS |
                                                  APR_FPROT_UREAD),
                     APR_SUCCESS);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0400);
    ck_assert_int_eq(apr_file_perms_set("/nonexistent/f", APR_FPROT_UREAD),
                     APR_ENOENT);
}
END_TEST

static mode_t mode_of(const char *path)
{
    struct stat st;

    ck_assert_int_eq(stat(path, &st), 0);
    return st.st_mode & 07777;
}

/*
 * READONLY clears every write bit and clearing it sets every write bit
 * (no umask: APR's behaviour); EXECUTABLE does the same with the execute
 * bits. HIDDEN means nothing on unix: with nothing else in the mask the
 * call succeeds without even looking at the file.
 */
START_TEST(attrs_set)
{
    const char *path = make_file(temp_dir(), "f", "", 0640);

    ck_assert_int_eq(apr_file_attrs_set(path, APR_FILE_ATTR_READONLY,
                                        APR_FILE_ATTR_READONLY, p),
                     APR_SUCCESS);
    ck_assert_int_eq(mode_of(path), 0440);
    ck_assert_int_eq(apr_file_attrs_set(path, 0, APR_FILE_ATTR_READONLY, p),
                     APR_SUCCESS);
    ck_assert_int_eq(mode_of(path), 0662);
    ck_assert_int_eq(apr_file_attrs_set(path, APR_FILE_ATTR_EXECUTABLE,
                                        APR_FILE_ATTR_EXECUTABLE, p),
                     APR_SUCCESS);
    ck_assert_int_eq(mode_of(path), 0773);
    ck_assert_int_eq(apr_file_attrs_set(path, 0, APR_FILE_ATTR_EXECUTABLE, p),
                     APR_SUCCESS);
    ck_assert_int_eq(mode_of(path), 0662);
    /* Both at once; attributes outside the mask are ignored. */
    ck_assert_int_eq(apr_file_attrs_set(path,
                                        APR_FILE_ATTR_READONLY |
                                            APR_FILE_ATTR_EXECUTABLE,
                                        APR_FILE_ATTR_READONLY |
                                            APR_FILE_ATTR_EXECUTABLE,
                                        p),
                     APR_SUCCESS);
    ck_assert_int_eq(mode_of(path), 0551);
    ck_assert_int_eq(apr_file_attrs_set(path, APR_FILE_ATTR_EXECUTABLE, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(mode_of(path), 0551);

    ck_assert_int_eq(apr_file_attrs_set(path, APR_FILE_ATTR_HIDDEN,
                                        APR_FILE_ATTR_HIDDEN, p),
                     APR_SUCCESS);
    ck_assert_int_eq(mode_of(path), 0551);
    ck_assert_int_eq(apr_file_attrs_set("/nonexistent/f", APR_FILE_ATTR_HIDDEN,
                                        APR_FILE_ATTR_HIDDEN, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_attrs_set("/nonexistent/f", 0,
                                        APR_FILE_ATTR_READONLY, p),
                     APR_ENOENT);
}
END_TEST

/* The access time is kept (to the microsecond); the mtime is exact. */
START_TEST(mtime_set)
{
    const char *path = make_file(temp_dir(), "f", "", 0600);
    struct timespec ts[2] = {{1234567890, 500000000}, {1, 0}};
    apr_time_t mtime = apr_time_from_sec(1000000000) + 123456;
    apr_finfo_t fi;
    struct stat st;

    ck_assert_int_eq(utimensat(AT_FDCWD, path, ts, 0), 0);
    ck_assert_int_eq(apr_file_mtime_set(path, mtime, p), APR_SUCCESS);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mtim.tv_sec, 1000000000);
    ck_assert_int_eq(st.st_mtim.tv_nsec, 123456000);
    ck_assert_int_eq(st.st_atim.tv_sec, 1234567890);
    ck_assert_int_eq(st.st_atim.tv_nsec, 500000000);
    ck_assert_int_eq(apr_stat(&fi, path, APR_FINFO_MTIME, p), APR_SUCCESS);
    ck_assert_int_eq(fi.mtime, mtime);

    ck_assert_int_eq(apr_file_mtime_set("/nonexistent/f", mtime, p),
                     APR_ENOENT);
}
END_TEST

/* The values of the composite and deprecated names. */
START_TEST(constants)
{
    ck_assert_int_eq(APR_FINFO_MIN, APR_FINFO_TYPE | APR_FINFO_MTIME |
                                        APR_FINFO_CTIME | APR_FINFO_ATIME |
                                        APR_FINFO_SIZE);
    ck_assert_int_eq(APR_FINFO_IDENT, APR_FINFO_DEV | APR_FINFO_INODE);
    ck_assert_int_eq(APR_FINFO_OWNER, APR_FINFO_USER | APR_FINFO_GROUP);
    ck_assert_int_eq(APR_FINFO_PROT,
                     APR_FINFO_UPROT | APR_FINFO_GPROT | APR_FINFO_WPROT);
    ck_assert_int_eq(APR_FINFO_NORM, APR_FINFO_MIN | APR_FINFO_IDENT |
                                         APR_FINFO_OWNER | APR_FINFO_PROT);
    ck_assert_int_eq(APR_FINFO_DIRENT, APR_FINFO_NAME);
    ck_assert_int_eq(APR_UREAD, APR_FPROT_UREAD);
    ck_assert_int_eq(APR_WSTICKY, APR_FPROT_WSTICKY);
    ck_assert_int_eq(APR_OS_DEFAULT, APR_FPROT_OS_DEFAULT);
    ck_assert_int_eq(APR_FILE_SOURCE_PERMS, APR_FPROT_FILE_SOURCE_PERMS);
    ck_assert_int_eq(APR_NOFILE, 0);
    ck_assert_int_eq(APR_SOCK, 7);
    ck_assert_int_eq(APR_UNKFILE, 127);
}
END_TEST

/* apr_perms_set.h: the macros define functions of one shape. */
struct thing {
    apr_fileperms_t perms;
    apr_uid_t uid;
    apr_gid_t gid;
};

APR_DECLARE(apr_status_t) apr_thing_perms_set(void *thething,
                                              apr_fileperms_t perms,
                                              apr_uid_t uid, apr_gid_t gid);
APR_DECLARE(apr_status_t) apr_nothing_perms_set(void *thenothing,
                                                apr_fileperms_t perms,
                                                apr_uid_t uid, apr_gid_t gid);

APR_PERMS_SET_IMPLEMENT(thing)
{
    struct thing *t = thething;

    t->perms = perms;
    t->uid = uid;
    t->gid = gid;
    return APR_SUCCESS;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
APR_PERMS_SET_ENOTIMPL(nothing)
#pragma GCC diagnostic pop

START_TEST(perms_set_macros)
{
    apr_perms_setfn_t *fn = APR_PERMS_SET_FN(thing);
    struct thing t = {0, 0, 0};

    ck_assert_int_eq(fn(&t, APR_FPROT_UREAD, 12, 34), APR_SUCCESS);
    ck_assert_int_eq(t.perms, APR_FPROT_UREAD);
    ck_assert_int_eq(t.uid, 12);
    ck_assert_int_eq(t.gid, 34);
    fn = APR_PERMS_SET_FN(nothing);
    ck_assert_int_eq(fn(&t, 0, 0, 0), APR_ENOTIMPL);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("fileinfo");
    TCase *tc = apr_test_tcase("stat");

    tcase_add_test(tc, stat_regular_file);
    tcase_add_test(tc, stat_fills_everything);
    tcase_add_test(tc, stat_directory);
    tcase_add_test(tc, stat_symlink);
    tcase_add_test(tc, stat_special_files);
    tcase_add_test(tc, stat_incomplete);
    tcase_add_test(tc, stat_failures);
    suite_add_tcase(s, tc);

    tc = apr_test_tcase("set");
    tcase_add_test(tc, perms_round_trip);
    tcase_add_test(tc, perms_special_values);
    tcase_add_test(tc, attrs_set);
    tcase_add_test(tc, mtime_set);
    suite_add_tcase(s, tc);

    tc = apr_test_tcase("api");
    tcase_add_test(tc, constants);
    tcase_add_test(tc, perms_set_macros);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
