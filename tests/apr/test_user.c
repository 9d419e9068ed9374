/*
 * apr_user.h: the current identity, users and groups by name and by id,
 * unknown names and ids, and the comparison macros. Expectations come from
 * the C library's own getpw*() and getgr*().
 */
#include <grp.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "apr_user.h"

/* An id no user (or group) has, or (uid_t)-1 if none is found. */
static uid_t unused_uid(void)
{
    uid_t u;

    for (u = 54321; u < 54421; u++)
        if (getpwuid(u) == NULL)
            return u;
    return (uid_t)-1;
}

static gid_t unused_gid(void)
{
    gid_t g;

    for (g = 54321; g < 54421; g++)
        if (getgrgid(g) == NULL)
            return g;
    return (gid_t)-1;
}

START_TEST(current)
{
    apr_uid_t uid = (apr_uid_t)-1;
    apr_gid_t gid = (apr_gid_t)-1;

    ck_assert_int_eq(apr_uid_current(&uid, &gid, p), APR_SUCCESS);
    ck_assert_uint_eq(uid, getuid());
    ck_assert_uint_eq(gid, getgid());
}
END_TEST

START_TEST(current_user_by_name)
{
    struct passwd *pw = getpwuid(getuid());
    char *name = NULL, *home = NULL;
    apr_uid_t uid = (apr_uid_t)-1;
    apr_gid_t gid = (apr_gid_t)-1;

    ck_assert_ptr_nonnull(pw);
    ck_assert_int_eq(apr_uid_name_get(&name, getuid(), p), APR_SUCCESS);
    ck_assert_str_eq(name, pw->pw_name);
    ck_assert_int_eq(apr_uid_get(&uid, &gid, name, p), APR_SUCCESS);
    ck_assert_uint_eq(uid, pw->pw_uid);
    ck_assert_uint_eq(gid, pw->pw_gid);
    ck_assert_int_eq(apr_uid_homepath_get(&home, name, p), APR_SUCCESS);
    ck_assert_str_eq(home, pw->pw_dir);
}
END_TEST

START_TEST(root)
{
    char *name = NULL, *home = NULL;
    apr_uid_t uid = (apr_uid_t)-1;
    apr_gid_t gid = (apr_gid_t)-1;

    ck_assert_int_eq(apr_uid_get(&uid, &gid, "root", p), APR_SUCCESS);
    ck_assert_uint_eq(uid, 0);
    ck_assert_uint_eq(gid, 0);
    ck_assert_int_eq(apr_uid_name_get(&name, 0, p), APR_SUCCESS);
    ck_assert_str_eq(name, "root");
    ck_assert_int_eq(apr_uid_homepath_get(&home, "root", p), APR_SUCCESS);
    ck_assert_str_eq(home, getpwnam("root")->pw_dir);

    ck_assert_int_eq(apr_gid_get(&gid, "root", p), APR_SUCCESS);
    ck_assert_uint_eq(gid, 0);
    ck_assert_int_eq(apr_gid_name_get(&name, 0, p), APR_SUCCESS);
    ck_assert_str_eq(name, "root");
}
END_TEST

START_TEST(current_group)
{
    struct group *gr = getgrgid(getgid());
    char *name = NULL;
    apr_gid_t gid = (apr_gid_t)-1;

    ck_assert_ptr_nonnull(gr);
    ck_assert_int_eq(apr_gid_name_get(&name, getgid(), p), APR_SUCCESS);
    ck_assert_str_eq(name, gr->gr_name);
    ck_assert_int_eq(apr_gid_get(&gid, name, p), APR_SUCCESS);
    ck_assert_uint_eq(gid, getgid());
}
END_TEST

START_TEST(unknown)
{
    const char *nobody = "apr-test-no-such-user";
    char *name = "untouched", *home = "untouched";
    apr_uid_t uid = 77, nouid = unused_uid();
    apr_gid_t gid = 77, nogid = unused_gid();

    /* Unknown users and groups are APR_ENOENT, outputs untouched. */
    ck_assert_int_eq(apr_uid_get(&uid, &gid, nobody, p), APR_ENOENT);
    ck_assert_int_eq(apr_uid_get(&uid, &gid, "", p), APR_ENOENT);
    ck_assert_uint_eq(uid, 77);
    ck_assert_uint_eq(gid, 77);
    ck_assert_int_eq(apr_uid_homepath_get(&home, nobody, p), APR_ENOENT);
    ck_assert_str_eq(home, "untouched");
    ck_assert_int_eq(apr_gid_get(&gid, "apr-test-no-such-group", p),
                     APR_ENOENT);
    ck_assert_uint_eq(gid, 77);

    ck_assert_uint_ne(nouid, (uid_t)-1);
    ck_assert_int_eq(apr_uid_name_get(&name, nouid, p), APR_ENOENT);
    ck_assert_uint_ne(nogid, (gid_t)-1);
    ck_assert_int_eq(apr_gid_name_get(&name, nogid, p), APR_ENOENT);
    ck_assert_str_eq(name, "untouched");
}
END_TEST

START_TEST(compare)
{
    apr_uid_t u0 = 0, u1 = 1;
    apr_gid_t g0 = 0, g1 = 1;

    ck_assert_int_eq(apr_uid_compare(u0, u0), APR_SUCCESS);
    ck_assert_int_eq(apr_uid_compare(u0, u1), APR_EMISMATCH);
    ck_assert_int_eq(apr_uid_compare(u1, u0), APR_EMISMATCH);
    ck_assert_int_eq(apr_gid_compare(g1, g1), APR_SUCCESS);
    ck_assert_int_eq(apr_gid_compare(g0, g1), APR_EMISMATCH);
    ck_assert_int_eq(APR_HAS_USER, 1);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("user");
    TCase *tc = apr_test_tcase("user");

    tcase_add_test(tc, current);
    tcase_add_test(tc, current_user_by_name);
    tcase_add_test(tc, root);
    tcase_add_test(tc, current_group);
    tcase_add_test(tc, unknown);
    tcase_add_test(tc, compare);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
