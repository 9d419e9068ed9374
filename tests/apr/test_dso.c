/*
 * apr_dso: load the test library built beside this suite (its path comes
 * from the build as DSO_MODULE_PATH), call a function and read a variable
 * through apr_dso_sym(), unload, and the errors of a missing file and a
 * missing symbol.
 */
#include <dlfcn.h>
#include <string.h>

#include "apr_dso.h"
#include "apr_portable.h"
#include "testutil.h"

#ifndef DSO_MODULE_PATH
#error "the build passes DSO_MODULE_PATH"
#endif

typedef int (*add_fn)(int, int);

/* Whether the test library is in this process (without loading it). */
static int module_loaded(void)
{
    void *h = dlopen(DSO_MODULE_PATH, RTLD_NOW | RTLD_NOLOAD);

    if (h == NULL)
        return 0;
    dlclose(h);
    return 1;
}

START_TEST(load_call_unload)
{
    apr_dso_handle_t *h;
    apr_dso_handle_sym_t sym;
    add_fn add;
    int *value;
    char buf[256];

    ck_assert(!module_loaded());
    ck_assert_int_eq(apr_dso_load(&h, DSO_MODULE_PATH, p), APR_SUCCESS);
    ck_assert(module_loaded());
    ck_assert_int_eq(apr_dso_sym(&sym, h, "dso_module_add"), APR_SUCCESS);
    add = (add_fn)(apr_uintptr_t)sym;
    ck_assert_int_eq(add(1, 2), 45);
    ck_assert_int_eq(apr_dso_sym(&sym, h, "dso_module_value"), APR_SUCCESS);
    value = sym;
    ck_assert_int_eq(*value, 42);
    *value = 100;
    ck_assert_int_eq(add(1, 2), 103);
    ck_assert_str_eq(apr_dso_error(h, buf, sizeof(buf)), "No Error");
    ck_assert_int_eq(apr_dso_unload(h), APR_SUCCESS);
    ck_assert(!module_loaded());
    /* A second unload has nothing left to do. */
    ck_assert_int_eq(apr_dso_unload(h), APR_SUCCESS);
}
END_TEST

START_TEST(missing_file)
{
    apr_dso_handle_t *h = NULL;
    char buf[256];
    const char *why;

    ck_assert_int_eq(apr_dso_load(&h, "/nonexistent/libnothing.so", p),
                     APR_EDSOOPEN);
    /* The handle of a failed load carries the loader's explanation. */
    ck_assert_ptr_nonnull(h);
    why = apr_dso_error(h, buf, sizeof(buf));
    ck_assert_ptr_nonnull(strstr(why, "/nonexistent/libnothing.so"));
    ck_assert_ptr_nonnull(strstr(why, "No such file"));
    ck_assert_str_eq(buf, why);
    /* A short buffer gets a truncated, terminated copy. */
    ck_assert_ptr_eq(apr_dso_error(h, buf, 5), why);
    ck_assert_str_eq(buf, "/non");
}
END_TEST

START_TEST(missing_symbol)
{
    apr_dso_handle_t *h;
    apr_dso_handle_sym_t sym = NULL;
    char buf[256];

    ck_assert_int_eq(apr_dso_load(&h, DSO_MODULE_PATH, p), APR_SUCCESS);
    ck_assert_int_eq(apr_dso_sym(&sym, h, "dso_module_nothing"),
                     APR_ESYMNOTFOUND);
    ck_assert(APR_STATUS_IS_ESYMNOTFOUND(APR_ESYMNOTFOUND));
    ck_assert_ptr_null(sym);
    ck_assert_ptr_nonnull(strstr(apr_dso_error(h, buf, sizeof(buf)),
                                 "dso_module_nothing"));
    ck_assert_ptr_nonnull(strstr(buf, "undefined symbol"));
    /* The handle still works after a failed lookup. */
    ck_assert_int_eq(apr_dso_sym(&sym, h, "dso_module_add"), APR_SUCCESS);
    ck_assert_ptr_nonnull(sym);
}
END_TEST

START_TEST(pool_cleanup_unloads)
{
    apr_pool_t *sub;
    apr_dso_handle_t *h;

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    ck_assert_int_eq(apr_dso_load(&h, DSO_MODULE_PATH, sub), APR_SUCCESS);
    ck_assert(module_loaded());
    apr_pool_destroy(sub);
    ck_assert(!module_loaded());
}
END_TEST

START_TEST(native_handles)
{
    apr_dso_handle_t *h, *w;
    apr_os_dso_handle_t os;
    apr_dso_handle_sym_t sym;
    void *native;

    ck_assert_int_eq(apr_dso_load(&h, DSO_MODULE_PATH, p), APR_SUCCESS);
    ck_assert_int_eq(apr_os_dso_handle_get(&os, h), APR_SUCCESS);
    ck_assert_ptr_nonnull(os);
    ck_assert_ptr_nonnull(dlsym(os, "dso_module_value"));

    /* Wrap a handle of our own; apr_dso_unload closes it. */
    native = dlopen(DSO_MODULE_PATH, RTLD_NOW);
    ck_assert_ptr_nonnull(native);
    ck_assert_int_eq(apr_os_dso_handle_put(&w, native, p), APR_SUCCESS);
    ck_assert_int_eq(apr_os_dso_handle_get(&os, w), APR_SUCCESS);
    ck_assert_ptr_eq(os, native);
    ck_assert_int_eq(apr_dso_sym(&sym, w, "dso_module_add"), APR_SUCCESS);
    ck_assert_int_eq(apr_dso_unload(w), APR_SUCCESS);
    ck_assert_int_eq(apr_dso_unload(h), APR_SUCCESS);
    ck_assert(!module_loaded());
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("dso");
    TCase *tc = apr_test_tcase("dso");

    tcase_add_test(tc, load_call_unload);
    tcase_add_test(tc, missing_file);
    tcase_add_test(tc, missing_symbol);
    tcase_add_test(tc, pool_cleanup_unloads);
    tcase_add_test(tc, native_handles);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
