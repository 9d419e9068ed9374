/*
 * A tiny library for test_dso: one function and one variable, found with
 * apr_dso_sym().
 */
#define DSO_EXPORT __attribute__((visibility("default")))

DSO_EXPORT int dso_module_add(int a, int b);
DSO_EXPORT int dso_module_value;

int dso_module_value = 42;

int dso_module_add(int a, int b)
{
    return a + b + dso_module_value;
}
