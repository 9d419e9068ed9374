/*
 * apr_optional.h (optional functions) and apr_optional_hooks.h (optional
 * hooks). Each test runs in its own process, so the registries start
 * empty in each.
 */
#include <string.h>

#include "apr_hooks.h"
#include "apr_optional.h"
#include "apr_optional_hooks.h"
#include "testutil.h"

#define OK 0
#define DECLINED (-1)
#define TEST_DECLARE(type) type

/* Optional functions, as a module would declare them in its header. */
APR_DECLARE_OPTIONAL_FN(int, opt_add, (int a, int b));
APR_DECLARE_OPTIONAL_FN(const char *, opt_name, (void));
APR_DECLARE_OPTIONAL_FN(void, opt_never_registered, (void));

/* Static, as the header allows. */
static int opt_add(int a, int b)
{
    return a + b;
}

static int opt_add_other(int a, int b)
{
    return a * b;
}

static const char *opt_name(void)
{
    return "provider";
}

START_TEST(register_and_retrieve)
{
    APR_OPTIONAL_FN_TYPE(opt_add) *add;
    APR_OPTIONAL_FN_TYPE(opt_name) *name;

    apr_hook_global_pool = p;
    ck_assert(APR_RETRIEVE_OPTIONAL_FN(opt_add) == NULL);
    APR_REGISTER_OPTIONAL_FN(opt_add);
    APR_REGISTER_OPTIONAL_FN(opt_name);
    add = APR_RETRIEVE_OPTIONAL_FN(opt_add);
    name = APR_RETRIEVE_OPTIONAL_FN(opt_name);
    ck_assert(add == opt_add);
    ck_assert_int_eq(add(2, 3), 5);
    ck_assert_str_eq(name(), "provider");
    ck_assert(APR_RETRIEVE_OPTIONAL_FN(opt_never_registered) == NULL);
    ck_assert(apr_dynamic_fn_retrieve("opt_add") == (apr_opt_fn_t *)opt_add);
    ck_assert(apr_dynamic_fn_retrieve("opt_ad") == NULL);
    ck_assert(apr_dynamic_fn_retrieve("") == NULL);
}
END_TEST

START_TEST(register_again_replaces)
{
    APR_OPTIONAL_FN_TYPE(opt_add) *add;

    apr_hook_global_pool = p;
    APR_REGISTER_OPTIONAL_FN(opt_add);
    apr_dynamic_fn_register("opt_add", (apr_opt_fn_t *)opt_add_other);
    add = APR_RETRIEVE_OPTIONAL_FN(opt_add);
    ck_assert_int_eq(add(2, 3), 6);
}
END_TEST

START_TEST(deregister_forgets_functions)
{
    static const char *const none[] = {NULL};

    apr_hook_global_pool = p;
    APR_REGISTER_OPTIONAL_FN(opt_add);
    /* APR-util forgets optional functions only when some hook exists */
    apr_optional_hook_add("some_hook", (void (*)(void))opt_name, none, none,
                          APR_HOOK_MIDDLE);
    apr_hook_deregister_all();
    ck_assert(APR_RETRIEVE_OPTIONAL_FN(opt_add) == NULL);
    APR_REGISTER_OPTIONAL_FN(opt_add);
    ck_assert(APR_RETRIEVE_OPTIONAL_FN(opt_add) == opt_add);
}
END_TEST

/* APR-util keeps the optional functions when no hook was ever registered
 * (they then point into a pool the caller may clear); ours always forgets
 * them, as apr_hook_deregister_all's documentation says. */
START_TEST(deregister_forgets_functions_without_hooks)
{
#if APR_TEST_AGAINST_SYSTEM
    return;
#else
    apr_hook_global_pool = p;
    APR_REGISTER_OPTIONAL_FN(opt_add);
    apr_hook_deregister_all();
    ck_assert(APR_RETRIEVE_OPTIONAL_FN(opt_add) == NULL);
#endif
}
END_TEST

/* An optional hook: the types from APR_DECLARE_EXTERNAL_HOOK, the runner
 * from APR_IMPLEMENT_OPTIONAL_HOOK_RUN_ALL. */
APR_DECLARE_EXTERNAL_HOOK(test, TEST, int, ohook, (char *log))
APR_IMPLEMENT_OPTIONAL_HOOK_RUN_ALL(test, TEST, int, ohook, (char *log),
                                    (log), OK, DECLINED)

#define HOOK_FN(id, res)                                                    \
    static int o##id(char *log)                                             \
    {                                                                       \
        strcat(log, #id);                                                   \
        return res;                                                         \
    }
HOOK_FN(1, OK) HOOK_FN(2, OK) HOOK_FN(3, OK) HOOK_FN(d, DECLINED)
HOOK_FN(e, 500)

START_TEST(optional_hook_runs)
{
    char log[16] = "";

    apr_hook_global_pool = p;
    ck_assert_ptr_null(apr_optional_hook_get("ohook"));
    ck_assert_int_eq(test_run_ohook(log), OK); /* nothing registered */
    APR_OPTIONAL_HOOK(test, ohook, o1, NULL, NULL, APR_HOOK_MIDDLE);
    APR_OPTIONAL_HOOK(test, ohook, od, NULL, NULL, APR_HOOK_MIDDLE);
    ck_assert_int_eq(test_run_ohook(log), OK);
    ck_assert_str_eq(log, "1d");
    APR_OPTIONAL_HOOK(test, ohook, oe, NULL, NULL, APR_HOOK_MIDDLE);
    APR_OPTIONAL_HOOK(test, ohook, o2, NULL, NULL, APR_HOOK_MIDDLE);
    log[0] = '\0';
    ck_assert_int_eq(test_run_ohook(log), 500);
    ck_assert_str_eq(log, "1de");
    ck_assert_int_eq(apr_optional_hook_get("ohook")->nelts, 4);
    ck_assert_ptr_null(apr_optional_hook_get("ohoo"));
}
END_TEST

START_TEST(optional_hook_sorted)
{
    static const char *const after_b[] = {"mod_b.c", NULL};
    char log[16] = "";
    test_LINK_ohook_t *links;

    apr_hook_global_pool = p;
    apr_hook_debug_current = "mod_a.c";
    APR_OPTIONAL_HOOK(test, ohook, o1, after_b, NULL, APR_HOOK_FIRST);
    apr_hook_debug_current = "mod_b.c";
    APR_OPTIONAL_HOOK(test, ohook, o2, NULL, NULL, APR_HOOK_LAST);
    apr_hook_debug_current = "mod_c.c";
    APR_OPTIONAL_HOOK(test, ohook, o3, NULL, NULL, APR_HOOK_REALLY_FIRST);
    ck_assert_int_eq(test_run_ohook(log), OK);
    ck_assert_str_eq(log, "123"); /* registration order until sorted */
    apr_hook_sort_all();
    log[0] = '\0';
    ck_assert_int_eq(test_run_ohook(log), OK);
    ck_assert_str_eq(log, "321");

    links = (test_LINK_ohook_t *)(void *)apr_optional_hook_get("ohook")->elts;
    ck_assert_str_eq(links[2].szName, "mod_a.c");
    ck_assert_ptr_eq(links[2].aszPredecessors, after_b);
    ck_assert_ptr_null(links[2].aszSuccessors);
    ck_assert_int_eq(links[2].nOrder, APR_HOOK_FIRST);
    ck_assert(links[2].pFunc == o1);
}
END_TEST

START_TEST(optional_hook_deregistered)
{
    char log[16] = "";

    apr_hook_global_pool = p;
    APR_OPTIONAL_HOOK(test, ohook, oe, NULL, NULL, APR_HOOK_MIDDLE);
    apr_hook_deregister_all();
    ck_assert_ptr_null(apr_optional_hook_get("ohook"));
    ck_assert_int_eq(test_run_ohook(log), OK);
    ck_assert_str_eq(log, "");
    APR_OPTIONAL_HOOK(test, ohook, o3, NULL, NULL, APR_HOOK_MIDDLE);
    ck_assert_int_eq(test_run_ohook(log), OK);
    ck_assert_str_eq(log, "3");
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("optional");
    TCase *tc = apr_test_tcase("functions");

    tcase_add_test(tc, register_and_retrieve);
    tcase_add_test(tc, register_again_replaces);
    tcase_add_test(tc, deregister_forgets_functions);
    tcase_add_test(tc, deregister_forgets_functions_without_hooks);
    suite_add_tcase(s, tc);

    tc = apr_test_tcase("hooks");
    tcase_add_test(tc, optional_hook_runs);
    tcase_add_test(tc, optional_hook_sorted);
    tcase_add_test(tc, optional_hook_deregistered);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
