/*
 * apr_env.h: setting, reading and deleting environment variables.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "apr_env.h"

#define NAME "APR_TEST_ENV_VARIABLE"

START_TEST(set_get_delete)
{
    char *value = NULL;

    unsetenv(NAME);
    ck_assert_int_eq(apr_env_set(NAME, "first", p), APR_SUCCESS);
    ck_assert_str_eq(getenv(NAME), "first");
    ck_assert_int_eq(apr_env_get(&value, NAME, p), APR_SUCCESS);
    ck_assert_str_eq(value, "first");

    /* Setting again replaces the value. */
    ck_assert_int_eq(apr_env_set(NAME, "second value", p), APR_SUCCESS);
    ck_assert_int_eq(apr_env_get(&value, NAME, p), APR_SUCCESS);
    ck_assert_str_eq(value, "second value");

    ck_assert_int_eq(apr_env_delete(NAME, p), APR_SUCCESS);
    ck_assert_ptr_null(getenv(NAME));
    value = "untouched";
    ck_assert_int_eq(apr_env_get(&value, NAME, p), APR_ENOENT);
    ck_assert_str_eq(value, "untouched");
}
END_TEST

START_TEST(unset_and_empty)
{
    char *value = "untouched";

    /* Never set. */
    ck_assert_int_eq(apr_env_get(&value, "APR_TEST_NEVER_SET_XYZZY", p),
                     APR_ENOENT);
    ck_assert_str_eq(value, "untouched");
    /* Deleting what is not set is fine. */
    ck_assert_int_eq(apr_env_delete("APR_TEST_NEVER_SET_XYZZY", p),
                     APR_SUCCESS);

    /* An empty value is set, not deleted. */
    ck_assert_int_eq(apr_env_set(NAME, "", p), APR_SUCCESS);
    ck_assert_int_eq(apr_env_get(&value, NAME, p), APR_SUCCESS);
    ck_assert_str_eq(value, "");
}
END_TEST

START_TEST(seen_by_libc)
{
    char *value = NULL;

    /* Values set behind APR's back are read, and APR's are visible. */
    ck_assert_int_eq(setenv(NAME, "from libc", 1), 0);
    ck_assert_int_eq(apr_env_get(&value, NAME, p), APR_SUCCESS);
    ck_assert_str_eq(value, "from libc");
    ck_assert_int_eq(apr_env_get(&value, "PATH", p), APR_SUCCESS);
    ck_assert_str_eq(value, getenv("PATH"));
}
END_TEST

START_TEST(long_value_and_bad_names)
{
    apr_size_t n = 100000;
    char *big = apr_palloc(p, n + 1);
    char *value = NULL;

    memset(big, 'v', n);
    big[n] = '\0';
    ck_assert_int_eq(apr_env_set(NAME, big, p), APR_SUCCESS);
    ck_assert_int_eq(apr_env_get(&value, NAME, p), APR_SUCCESS);
    ck_assert_uint_eq(strlen(value), n);
    ck_assert_str_eq(value, big);

    /* An invalid name (empty, or with '=') is refused; APR reports every
     * setenv() failure as APR_ENOMEM (the real library does). */
    ck_assert_int_eq(apr_env_set("A=B", "x", p), APR_ENOMEM);
    ck_assert_int_eq(apr_env_set("", "x", p), APR_ENOMEM);
    ck_assert_ptr_null(getenv("A"));
    /* Deleting never fails. */
    ck_assert_int_eq(apr_env_delete("A=B", p), APR_SUCCESS);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("env");
    TCase *tc = apr_test_tcase("env");

    tcase_add_test(tc, set_get_delete);
    tcase_add_test(tc, unset_and_empty);
    tcase_add_test(tc, seen_by_libc);
    tcase_add_test(tc, long_value_and_bad_names);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
