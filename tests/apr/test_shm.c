/*
 * apr_shm: anonymous and named segments, shared with forked children,
 * sizes, names, removal, destruction and pool cleanups.
 *
 * Children are made with fork() directly: apr_proc_fork is being written
 * at the same time as this suite (the process helper), and nothing here
 * depends on what it adds.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "apr_file_info.h"
#include "apr_portable.h"
#include "apr_shm.h"
#include "apr_strings.h"
#include "testutil.h"

#define SIZE 100

/* A name no other test (or run) uses; the file itself is never made. */
static const char *seg_name(const char *tag)
{
    return apr_psprintf(p, "/tmp/apr-test-shm-%ld-%s", (long)getpid(), tag);
}

/* Run child() in a forked process; return its exit status. */
static int in_child(int (*child)(void *), void *arg)
{
    int status;
    pid_t pid = fork();

    ck_assert_int_ge(pid, 0);
    if (pid == 0)
        _exit(child(arg));
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    return WEXITSTATUS(status);
}

START_TEST(anonymous_segment)
{
    apr_shm_t *m;
    char *base;

    ck_assert_int_eq(apr_shm_create(&m, SIZE, NULL, p), APR_SUCCESS);
    base = apr_shm_baseaddr_get(m);
    ck_assert_ptr_nonnull(base);
    ck_assert_uint_eq((uintptr_t)base % 8, 0);
    ck_assert_uint_eq(apr_shm_size_get(m), SIZE);
    memset(base, 0xa5, SIZE);
    ck_assert_ptr_eq(apr_shm_pool_get(m), p);
    /* Nothing to detach from or to delete without a name. */
    ck_assert_int_eq(apr_shm_detach(m), APR_EINVAL);
    ck_assert_int_eq(apr_shm_delete(m), APR_ENOTIMPL);
    ck_assert_int_eq((unsigned char)base[SIZE - 1], 0xa5);
    ck_assert_int_eq(apr_shm_destroy(m), APR_SUCCESS);

    ck_assert_int_eq(apr_shm_create(&m, 0, NULL, p), APR_SUCCESS);
    ck_assert_uint_eq(apr_shm_size_get(m), 0);
    ck_assert_int_eq(apr_shm_create_ex(&m, 1 << 20, NULL, p,
                                       APR_SHM_NS_GLOBAL), APR_SUCCESS);
    ck_assert_uint_eq(apr_shm_size_get(m), 1 << 20);
    ((char *)apr_shm_baseaddr_get(m))[(1 << 20) - 1] = 1;
}
END_TEST

static int child_writes(void *arg)
{
    apr_shm_t *m = arg;
    char *base = apr_shm_baseaddr_get(m);

    if (strcmp(base, "from parent") != 0)
        return 1;
    strcpy(base, "from child");
    return 0;
}

START_TEST(anonymous_shared_with_child)
{
    apr_shm_t *m;
    char *base;

    ck_assert_int_eq(apr_shm_create(&m, SIZE, NULL, p), APR_SUCCESS);
    base = apr_shm_baseaddr_get(m);
    strcpy(base, "from parent");
    ck_assert_int_eq(in_child(child_writes, m), 0);
    ck_assert_str_eq(base, "from child");
}
END_TEST

struct attach_arg {
    const char *name;
    apr_size_t size;
};

/* Attach by name in a fresh pool of the child, check what the parent
 * wrote, answer, detach. */
static int child_attaches(void *data)
{
    struct attach_arg *a = data;
    apr_pool_t *cp;
    apr_shm_t *m;
    char *base;

    if (apr_pool_create(&cp, NULL) != APR_SUCCESS)
        return 10;
    if (apr_shm_attach(&m, a->name, cp) != APR_SUCCESS)
        return 11;
    if (apr_shm_size_get(m) != a->size)
        return 12;
    base = apr_shm_baseaddr_get(m);
    if (strcmp(base, "parent") != 0 || base[a->size - 1] != 'z')
        return 13;
    strcpy(base, "child");
    if (apr_shm_detach(m) != APR_SUCCESS)
        return 14;
    apr_pool_destroy(cp);
    return 0;
}

START_TEST(named_attached_by_child)
{
    struct attach_arg a = {seg_name("child"), 5000};
    apr_shm_t *m;
    char *base;

    ck_assert_int_eq(apr_shm_create(&m, a.size, a.name, p), APR_SUCCESS);
    ck_assert_uint_eq(apr_shm_size_get(m), a.size);
    base = apr_shm_baseaddr_get(m);
    ck_assert_ptr_nonnull(base);
    ck_assert_uint_eq((uintptr_t)base % 8, 0);
    strcpy(base, "parent");
    base[a.size - 1] = 'z';
    ck_assert_int_eq(in_child(child_attaches, &a), 0);
    ck_assert_str_eq(base, "child");
    ck_assert_int_eq(apr_shm_destroy(m), APR_SUCCESS);
}
END_TEST

START_TEST(named_attached_in_same_process)
{
    const char *name = seg_name("same");
    apr_shm_t *m, *m2;
    char *base;

    ck_assert_int_eq(apr_shm_create_ex(&m, SIZE, name, p, APR_SHM_NS_LOCAL),
                     APR_SUCCESS);
    base = apr_shm_baseaddr_get(m);
    strcpy(base, "hello");
    ck_assert_int_eq(apr_shm_attach_ex(&m2, name, p, APR_SHM_NS_GLOBAL),
                     APR_SUCCESS);
    /* A second mapping of the same bytes. */
    ck_assert_ptr_ne(apr_shm_baseaddr_get(m2), base);
    ck_assert_uint_eq(apr_shm_size_get(m2), SIZE);
    ck_assert_str_eq(apr_shm_baseaddr_get(m2), "hello");
    strcpy(apr_shm_baseaddr_get(m2), "world");
    ck_assert_str_eq(base, "world");
    ck_assert_int_eq(apr_shm_detach(m2), APR_SUCCESS);
    ck_assert_str_eq(base, "world");
    ck_assert_int_eq(apr_shm_destroy(m), APR_SUCCESS);
}
END_TEST

START_TEST(name_in_use)
{
    const char *name = seg_name("twice");
    apr_shm_t *m, *m2;

    ck_assert_int_eq(apr_shm_create(&m, SIZE, name, p), APR_SUCCESS);
    ck_assert_int_eq(apr_shm_create(&m2, SIZE, name, p), APR_EEXIST);
    ck_assert_int_eq(apr_shm_destroy(m), APR_SUCCESS);
    /* Destroying the creator removed the name: it can be used again. */
    ck_assert_int_eq(apr_shm_create(&m2, SIZE, name, p), APR_SUCCESS);
}
END_TEST

/* The name is a key only (Linux APR uses a POSIX shared memory object):
 * an existing file of that name is neither refused nor touched, and its
 * directory need not exist. */
START_TEST(name_is_not_a_file)
{
    const char *name = seg_name("plain");
    apr_file_t *f;
    apr_finfo_t fi;
    apr_shm_t *m;

    ck_assert_int_eq(apr_file_open(&f, name, APR_FOPEN_CREATE |
                                   APR_FOPEN_WRITE, APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_puts("x", f), APR_SUCCESS);
    ck_assert_int_eq(apr_file_close(f), APR_SUCCESS);
    ck_assert_int_eq(apr_shm_create(&m, SIZE, name, p), APR_SUCCESS);
    ck_assert_int_eq(apr_stat(&fi, name, APR_FINFO_SIZE, p), APR_SUCCESS);
    ck_assert_int_eq(fi.size, 1);
    ck_assert_int_eq(apr_shm_destroy(m), APR_SUCCESS);
    ck_assert_int_eq(apr_stat(&fi, name, APR_FINFO_SIZE, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_remove(name, p), APR_SUCCESS);

    name = apr_psprintf(p, "/nonexistent-%ld/dir/seg", (long)getpid());
    ck_assert_int_eq(apr_shm_create(&m, SIZE, name, p), APR_SUCCESS);
    ck_assert_int_eq(apr_shm_destroy(m), APR_SUCCESS);
}
END_TEST

START_TEST(remove_while_attached)
{
    const char *name = seg_name("remove");
    apr_shm_t *m, *m2;
    char *base;

    ck_assert_int_eq(apr_shm_create(&m, SIZE, name, p), APR_SUCCESS);
    ck_assert_int_eq(apr_shm_attach(&m2, name, p), APR_SUCCESS);
    base = apr_shm_baseaddr_get(m);
    ck_assert_int_eq(apr_shm_remove(name, p), APR_SUCCESS);
    /* No new attachment, but the mappings stay and stay shared. */
    ck_assert(APR_STATUS_IS_ENOENT(apr_shm_attach(&m2, name, p)));
    strcpy(apr_shm_baseaddr_get(m2), "still shared");
    ck_assert_str_eq(base, "still shared");
    ck_assert(APR_STATUS_IS_ENOENT(apr_shm_remove(name, p)));
    ck_assert(APR_STATUS_IS_ENOENT(apr_shm_delete(m)));
    /* The name may be reused while the old segment lives. */
    ck_assert_int_eq(apr_shm_create(&m2, SIZE, name, p), APR_SUCCESS);
    ck_assert_str_eq(base, "still shared");
    ck_assert_int_eq(apr_shm_destroy(m2), APR_SUCCESS);
    /* Destroying a segment whose name is gone still succeeds. */
    ck_assert_int_eq(apr_shm_destroy(m), APR_SUCCESS);
}
END_TEST

START_TEST(delete_by_segment)
{
    const char *name = seg_name("delete");
    apr_shm_t *m, *m2;

    ck_assert_int_eq(apr_shm_create(&m, SIZE, name, p), APR_SUCCESS);
    ck_assert_int_eq(apr_shm_delete(m), APR_SUCCESS);
    ck_assert(APR_STATUS_IS_ENOENT(apr_shm_attach(&m2, name, p)));
    ck_assert(APR_STATUS_IS_ENOENT(apr_shm_delete(m)));
    ck_assert_int_eq(apr_shm_destroy(m), APR_SUCCESS);
}
END_TEST

/* As in APR, destroying an attached segment unmaps it and removes the
 * name (httpd's slotmem destroys segments it attached to). */
START_TEST(destroy_attached)
{
    const char *name = seg_name("destroyatt");
    apr_shm_t *m, *m2;

    ck_assert_int_eq(apr_shm_create(&m, SIZE, name, p), APR_SUCCESS);
    strcpy(apr_shm_baseaddr_get(m), "owner");
    ck_assert_int_eq(apr_shm_attach(&m2, name, p), APR_SUCCESS);
    ck_assert_int_eq(apr_shm_destroy(m2), APR_SUCCESS);
    ck_assert(APR_STATUS_IS_ENOENT(apr_shm_attach(&m2, name, p)));
    ck_assert_str_eq(apr_shm_baseaddr_get(m), "owner");
    ck_assert_int_eq(apr_shm_destroy(m), APR_SUCCESS);
}
END_TEST

START_TEST(pool_cleanup)
{
    const char *name = seg_name("cleanup");
    apr_pool_t *sub;
    apr_shm_t *m, *m2;

    /* An attachment's pool going away detaches only. */
    ck_assert_int_eq(apr_shm_create(&m, SIZE, name, p), APR_SUCCESS);
    strcpy(apr_shm_baseaddr_get(m), "kept");
    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    ck_assert_int_eq(apr_shm_attach(&m2, name, sub), APR_SUCCESS);
    ck_assert_ptr_eq(apr_shm_pool_get(m2), sub);
    apr_pool_destroy(sub);
    ck_assert_str_eq(apr_shm_baseaddr_get(m), "kept");
    ck_assert_int_eq(apr_shm_attach(&m2, name, p), APR_SUCCESS);
    ck_assert_str_eq(apr_shm_baseaddr_get(m2), "kept");
    ck_assert_int_eq(apr_shm_detach(m2), APR_SUCCESS);
    ck_assert_int_eq(apr_shm_destroy(m), APR_SUCCESS);

    /* The creator's pool going away removes the name. */
    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    ck_assert_int_eq(apr_shm_create(&m, SIZE, name, sub), APR_SUCCESS);
    ck_assert_int_eq(apr_shm_attach(&m2, name, p), APR_SUCCESS);
    apr_pool_destroy(sub);
    ck_assert(APR_STATUS_IS_ENOENT(apr_shm_attach(&m2, name, p)));
}
END_TEST

/* A creator may detach its own mapping; the name then lives until the
 * creator's pool is cleared (as in APR). */
START_TEST(creator_detaches)
{
    const char *name = seg_name("ownerdetach");
    apr_pool_t *sub;
    apr_shm_t *m, *m2;

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    ck_assert_int_eq(apr_shm_create(&m, SIZE, name, sub), APR_SUCCESS);
    strcpy(apr_shm_baseaddr_get(m), "left behind");
    ck_assert_int_eq(apr_shm_detach(m), APR_SUCCESS);
    ck_assert_int_eq(apr_shm_attach(&m2, name, p), APR_SUCCESS);
    ck_assert_str_eq(apr_shm_baseaddr_get(m2), "left behind");
    ck_assert_int_eq(apr_shm_detach(m2), APR_SUCCESS);
    apr_pool_destroy(sub);
    ck_assert(APR_STATUS_IS_ENOENT(apr_shm_attach(&m2, name, p)));
}
END_TEST

START_TEST(error_statuses)
{
    const char *name = seg_name("missing");
    apr_shm_t *m = NULL;

    ck_assert(APR_STATUS_IS_ENOENT(apr_shm_attach(&m, name, p)));
    ck_assert_ptr_null(m);
    ck_assert(APR_STATUS_IS_ENOENT(apr_shm_attach_ex(&m, name, p, 0)));
    ck_assert_int_eq(apr_shm_attach(&m, NULL, p), APR_EINVAL);
    ck_assert(APR_STATUS_IS_ENOENT(apr_shm_remove(name, p)));
}
END_TEST

#if !APR_TEST_AGAINST_SYSTEM
/* Find the shared memory object of a segment by its unusual size (the
 * object holds a header before the usable bytes). */
static int object_mode(apr_size_t size, mode_t *mode)
{
    DIR *d = opendir("/dev/shm");
    struct dirent *e;
    int found = 0;

    if (d == NULL)
        return 0;
    while (!found && (e = readdir(d)) != NULL) {
        struct stat st;
        char *path = apr_pstrcat(p, "/dev/shm/", e->d_name, NULL);

        if (strncmp(e->d_name, "ShM.", 4) == 0 && stat(path, &st) == 0 &&
            (apr_size_t)st.st_size > size && (apr_size_t)st.st_size <= size + 16) {
            *mode = st.st_mode & 07777;
            found = 1;
        }
    }
    closedir(d);
    return found;
}

/* Deliberate difference: APR 1.7 returns APR_ENOTIMPL from
 * apr_shm_perms_set and from both native conversions on unix. */
START_TEST(perms_and_native)
{
    apr_size_t odd = 77777 + (apr_size_t)(getpid() % 1000);
    apr_shm_t *m, *w = NULL;
    apr_os_shm_t os;
    mode_t mode;

    ck_assert_int_eq(apr_shm_create(&m, odd, seg_name("perms"), p),
                     APR_SUCCESS);
    ck_assert(object_mode(odd, &mode));
    ck_assert_int_eq(mode, 0600);
    ck_assert_int_eq(apr_shm_perms_set(m, APR_FPROT_UREAD | APR_FPROT_UWRITE |
                                       APR_FPROT_GREAD, (apr_uid_t)-1,
                                       (apr_gid_t)-1), APR_SUCCESS);
    ck_assert(object_mode(odd, &mode));
    ck_assert_int_eq(mode, 0640);

    ck_assert_int_eq(apr_os_shm_get(&os, m), APR_SUCCESS);
    ck_assert_ptr_eq(os, apr_shm_baseaddr_get(m));
    ck_assert_int_eq(apr_os_shm_put(&w, &os, p), APR_SUCCESS);
    ck_assert_ptr_eq(apr_shm_baseaddr_get(w), os);
    ck_assert_ptr_eq(apr_shm_pool_get(w), p);
    /* Not ours to unmap. */
    ck_assert_int_eq(apr_shm_destroy(w), APR_SUCCESS);
    strcpy(apr_shm_baseaddr_get(m), "mapped");
    ck_assert_int_eq(apr_shm_destroy(m), APR_SUCCESS);

    ck_assert_int_eq(apr_shm_create(&m, SIZE, NULL, p), APR_SUCCESS);
    ck_assert_int_eq(apr_shm_perms_set(m, APR_FPROT_UREAD, (apr_uid_t)-1,
                                       (apr_gid_t)-1), APR_ENOTIMPL);
}
END_TEST
#endif

static Suite *make_suite(void)
{
    Suite *s = suite_create("shm");
    TCase *tc = apr_test_tcase("shm");

    tcase_add_test(tc, anonymous_segment);
    tcase_add_test(tc, anonymous_shared_with_child);
    tcase_add_test(tc, named_attached_by_child);
    tcase_add_test(tc, named_attached_in_same_process);
    tcase_add_test(tc, name_in_use);
    tcase_add_test(tc, name_is_not_a_file);
    tcase_add_test(tc, remove_while_attached);
    tcase_add_test(tc, delete_by_segment);
    tcase_add_test(tc, destroy_attached);
    tcase_add_test(tc, pool_cleanup);
    tcase_add_test(tc, creator_detaches);
    tcase_add_test(tc, error_statuses);
#if !APR_TEST_AGAINST_SYSTEM
    tcase_add_test(tc, perms_and_native);
#endif
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
