/* apr_general.h: initialise/terminate nesting, macros. */
#include <stdio.h>
#include <string.h>
#include <stddef.h>
#include "testutil.h"
#include "apr_general.h"

START_TEST(test_nested_init)
{
    apr_pool_t *sub;

    /* The runner already initialised once: these nest. */
    ck_assert_int_eq(apr_initialize(), APR_SUCCESS);
    ck_assert_int_eq(apr_initialize(), APR_SUCCESS);
    apr_terminate();
    apr_terminate();
    /* The library is still usable after the inner pairs. */
    ck_assert_int_eq(apr_pool_create(&sub, NULL), APR_SUCCESS);
    ck_assert_ptr_nonnull(apr_palloc(sub, 100));
    apr_pool_destroy(sub);
}
END_TEST

START_TEST(test_app_initialize)
{
    int argc = 2;
    const char *args[] = {"prog", "arg", NULL};
    const char *const *argv = args;
    const char *const *orig = argv;

    ck_assert_int_eq(apr_app_initialize(&argc, &argv, NULL), APR_SUCCESS);
    ck_assert_int_eq(argc, 2);
    ck_assert_ptr_eq(argv, orig);
    ck_assert_str_eq(argv[1], "arg");
    apr_terminate2();
}
END_TEST

struct sample { char a; double b; int c[3]; };

START_TEST(test_macros)
{
    ck_assert_int_eq(APR_ALIGN(13, 16), 16);
    ck_assert_int_eq(APR_ALIGN(32, 16), 32);
    ck_assert_int_eq(APR_ALIGN_DEFAULT(1), 8);
    ck_assert_int_eq(APR_ALIGN_DEFAULT(0), 0);
    ck_assert_int_eq(APR_ALIGN_DEFAULT(17), 24);
    ck_assert_int_eq(APR_OFFSETOF(struct sample, c), offsetof(struct sample, c));
    ck_assert_str_eq(APR_STRINGIFY(APR_ASCII_TAB), "'\\011'");
    ck_assert_int_eq(APR_ASCII_BLANK, ' ');
    ck_assert_int_eq(APR_ASCII_CR, '\r');
    ck_assert_int_eq(APR_ASCII_LF, '\n');
    ck_assert_int_eq(APR_ASCII_TAB, '\t');
    ck_assert(TRUE);
    ck_assert(!FALSE);
}
END_TEST

START_TEST(test_types)
{
    char buf[64];

    ck_assert_int_eq(sizeof(apr_int16_t), 2);
    ck_assert_int_eq(sizeof(apr_uint16_t), 2);
    ck_assert_int_eq(sizeof(apr_int32_t), 4);
    ck_assert_int_eq(sizeof(apr_uint32_t), 4);
    ck_assert_int_eq(sizeof(apr_int64_t), 8);
    ck_assert_int_eq(sizeof(apr_uint64_t), 8);
    ck_assert_int_eq(sizeof(apr_size_t), sizeof(size_t));
    ck_assert_int_eq(sizeof(apr_uintptr_t), sizeof(void *));
    ck_assert_int_eq(APR_SIZEOF_VOIDP, sizeof(void *));
    ck_assert(APR_INT64_MAX == INT64_MAX);
    ck_assert(APR_UINT32_MAX == UINT32_MAX);
    ck_assert(APR_SIZE_MAX == SIZE_MAX);
    /* The format macros must match the types (the compiler checks them). */
    snprintf(buf, sizeof buf, "%" APR_INT64_T_FMT " %" APR_UINT64_T_FMT
             " %" APR_UINT64_T_HEX_FMT " %" APR_SIZE_T_FMT " %"
             APR_SSIZE_T_FMT " %" APR_OFF_T_FMT,
             (apr_int64_t)APR_INT64_MIN, (apr_uint64_t)APR_UINT64_MAX,
             (apr_uint64_t)255, (apr_size_t)7, (apr_ssize_t)-7, (apr_off_t)-1);
    ck_assert_str_eq(buf, "-9223372036854775808 18446744073709551615 ff 7 -7 -1");
    ck_assert(APR_INT64_C(1) << 40 == 1099511627776LL);
    ck_assert_int_eq(APR_IS_BIGENDIAN, 0);
    ck_assert_int_eq(APR_HAS_THREADS, 1);
    ck_assert_str_eq(APR_EOL_STR, "\n");
    ck_assert_int_ge(APR_PATH_MAX, 256);
}
END_TEST

START_TEST(test_random_bytes)
{
    unsigned char a[64], b[64];

    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    ck_assert_int_eq(apr_generate_random_bytes(a, sizeof a), APR_SUCCESS);
    ck_assert_int_eq(apr_generate_random_bytes(b, sizeof b), APR_SUCCESS);
    ck_assert(memcmp(a, b, sizeof a) != 0);
    ck_assert_int_eq(apr_generate_random_bytes(a, 0), APR_SUCCESS);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("general");
    TCase *tc = tcase_create("general");

    tcase_add_test(tc, test_nested_init);
    tcase_add_test(tc, test_app_initialize);
    tcase_add_test(tc, test_macros);
    tcase_add_test(tc, test_types);
    tcase_add_test(tc, test_random_bytes);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
