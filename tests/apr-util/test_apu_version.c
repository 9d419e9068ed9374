/* apu_version.h, apu.h and apu_errno.h: the interface is APR-util 1.6. */
#include <stdio.h>
#include "testutil.h"
#include "apu.h"
#include "apu_version.h"
#include "apu_errno.h"

START_TEST(test_numbers)
{
    apr_version_t v;
    char expect[32];

    apu_version(&v);
    ck_assert_int_eq(v.major, 1);
    ck_assert_int_eq(v.minor, 6);
    ck_assert_int_eq(v.major, APU_MAJOR_VERSION);
    ck_assert_int_eq(v.minor, APU_MINOR_VERSION);
    ck_assert_int_eq(v.patch, APU_PATCH_VERSION);
    ck_assert_int_eq(v.is_dev, 0);
    snprintf(expect, sizeof expect, "%d.%d.%d", v.major, v.minor, v.patch);
    ck_assert_str_eq(apu_version_string(), expect);
    ck_assert_str_eq(APU_VERSION_STRING, expect);
}
END_TEST

START_TEST(test_features)
{
    /* Always there; the rest depends on the build but is always 0 or 1. */
    ck_assert_int_eq(APU_HAVE_SDBM, 1);
    ck_assert(APU_HAVE_GDBM == 0 || APU_HAVE_GDBM == 1);
    ck_assert(APU_HAVE_DB == 0 || APU_HAVE_DB == 1);
    ck_assert(APR_HAS_XLATE == 0 || APR_HAS_XLATE == 1);
}
END_TEST

START_TEST(test_errors)
{
    char buf[128];

    ck_assert_int_eq(APR_ENOKEY, APR_UTIL_START_STATUS + 1);
    ck_assert_int_eq(APR_EREINIT, APR_UTIL_START_STATUS + 12);
    ck_assert(APR_STATUS_IS_ENOSPACE(APR_ENOSPACE));
    ck_assert(!APR_STATUS_IS_ENOSPACE(APR_ENOKEY));
    /* apr_strerror has no words for APR-util's codes. */
    ck_assert_str_eq(apr_strerror(APR_ENOKEY, buf, sizeof buf),
                     "Error string not specified yet");
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("apu_version");
    TCase *tc = tcase_create("apu_version");

    tcase_add_test(tc, test_numbers);
    tcase_add_test(tc, test_features);
    tcase_add_test(tc, test_errors);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
