/* apr_version.h: the interface version is APR 1.7. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"
#include "apr_version.h"

START_TEST(test_numbers)
{
    apr_version_t v;

    apr_version(&v);
    ck_assert_int_eq(v.major, 1);
    ck_assert_int_eq(v.minor, 7);
    ck_assert_int_ge(v.patch, 0);
    ck_assert_int_eq(v.is_dev, 0);
    ck_assert_int_eq(v.major, APR_MAJOR_VERSION);
    ck_assert_int_eq(v.minor, APR_MINOR_VERSION);
    ck_assert_int_eq(v.patch, APR_PATCH_VERSION);
}
END_TEST

START_TEST(test_string)
{
    apr_version_t v;
    char expect[32];

    apr_version(&v);
    snprintf(expect, sizeof expect, "%d.%d.%d", v.major, v.minor, v.patch);
    ck_assert_str_eq(apr_version_string(), expect);
    ck_assert_str_eq(APR_VERSION_STRING, expect);
    ck_assert_str_eq(APR_IS_DEV_STRING, "");
}
END_TEST

START_TEST(test_at_least)
{
    ck_assert(APR_VERSION_AT_LEAST(1, 0, 0));
    ck_assert(APR_VERSION_AT_LEAST(1, 7, 0));
    ck_assert(APR_VERSION_AT_LEAST(0, 9, 99));
    ck_assert(!APR_VERSION_AT_LEAST(1, 8, 0));
    ck_assert(!APR_VERSION_AT_LEAST(2, 0, 0));
    ck_assert(!APR_VERSION_AT_LEAST(1, 7, 999));
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("version");
    TCase *tc = tcase_create("version");

    tcase_add_test(tc, test_numbers);
    tcase_add_test(tc, test_string);
    tcase_add_test(tc, test_at_least);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
