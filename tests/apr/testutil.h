/*
 * Helpers shared by the apr Check suites.
 *
 * Each suite file defines `static Suite *make_suite(void)` and ends with
 * APR_TEST_MAIN(make_suite). The runner initialises APR once in the parent,
 * runs every test in its own forked process (Check's default), and returns
 * non-zero if any test failed.
 */
#ifndef APR_TESTUTIL_H
#define APR_TESTUTIL_H

#include <check.h>
#include <stdlib.h>
#include "apr_general.h"
#include "apr_pools.h"

/* A pool per test: created in the fixture, destroyed after the test. */
static apr_pool_t *p __attribute__((unused));

static inline void apr_test_setup(void)
{
    ck_assert_int_eq(apr_pool_create(&p, NULL), APR_SUCCESS);
}

static inline void apr_test_teardown(void)
{
    apr_pool_destroy(p);
    p = NULL;
}

/* A TCase named `name` with the per-test pool fixture. */
static inline TCase *apr_test_tcase(const char *name)
{
    TCase *tc = tcase_create(name);
    tcase_add_checked_fixture(tc, apr_test_setup, apr_test_teardown);
    return tc;
}

#define APR_TEST_MAIN(make)                                                  \
    int main(void)                                                           \
    {                                                                        \
        int failed;                                                          \
        SRunner *sr;                                                         \
        if (apr_initialize() != APR_SUCCESS)                                 \
            return 2;                                                        \
        atexit(apr_terminate);                                               \
        sr = srunner_create(make());                                         \
        srunner_run_all(sr, CK_NORMAL);                                      \
        failed = srunner_ntests_failed(sr);                                  \
        srunner_free(sr);                                                    \
        return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;                    \
    }

#endif
