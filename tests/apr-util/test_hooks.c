/*
 * apr_hooks.h: the hook macros (declare, implement VOID / RUN_ALL /
 * RUN_FIRST, probes), apr_hook_sort_all's order, the debug output and
 * apr_hook_deregister_all.
 *
 * The expected orders were checked against Debian's libaprutil1 (1.6.3),
 * and a differential run of 400 random constraint sets gave the same order
 * and the same debug output from both libraries. Each test runs in its own
 * process, so the hooks start empty in each.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* This file's hooks call these probes (APR_HOOK_PROBES_ENABLED must come
 * before apr_hooks.h). They log to a string. */
#define APR_HOOK_PROBES_ENABLED 1
static char probe_log[512];
#define PROBE_ADD(...)                                                      \
    snprintf(probe_log + strlen(probe_log),                                 \
             sizeof probe_log - strlen(probe_log), __VA_ARGS__)
#define APR_HOOK_PROBE_ENTRY(ud, ns, name, args)                            \
    do {                                                                    \
        ud = (void *)probe_log;                                             \
        PROBE_ADD("entry(%s_%s)", #ns, #name);                              \
    } while (0)
#define APR_HOOK_PROBE_INVOKE(ud, ns, name, src, args)                      \
    PROBE_ADD(" invoke(%s,%d)", src ? src : "-", ud == probe_log)
#define APR_HOOK_PROBE_COMPLETE(ud, ns, name, src, rv, args)                \
    PROBE_ADD(" complete(%s,%d)", src ? src : "-", (int)(rv))
#define APR_HOOK_PROBE_RETURN(ud, ns, name, rv, args)                       \
    PROBE_ADD(" return(%s,%d)", #name, (int)(rv))

#include "apr_hooks.h"
#include "apr_strings.h"
#include "testutil.h"

#define TEST_DECLARE(type) type

/* Three hooks, one of each kind. Each function appends its id to `log`. */
APR_DECLARE_EXTERNAL_HOOK(test, TEST, int, all, (char *log))
APR_DECLARE_EXTERNAL_HOOK(test, TEST, int, first, (char *log))
APR_DECLARE_EXTERNAL_HOOK(test, TEST, void, each, (char *log))

APR_HOOK_STRUCT(APR_HOOK_LINK(all) APR_HOOK_LINK(first) APR_HOOK_LINK(each))

#define OK 0
#define DECLINED (-1)

APR_IMPLEMENT_EXTERNAL_HOOK_RUN_ALL(test, TEST, int, all, (char *log),
                                    (log), OK, DECLINED)
APR_IMPLEMENT_EXTERNAL_HOOK_RUN_FIRST(test, TEST, int, first, (char *log),
                                      (log), DECLINED)
APR_IMPLEMENT_EXTERNAL_HOOK_VOID(test, TEST, each, (char *log), (log))

/* f<id>_<result>: logs its id, returns the result. */
#define HOOK_FN(id, res)                                                    \
    static int f##id(char *log)                                             \
    {                                                                       \
        strcat(log, #id);                                                   \
        return res;                                                         \
    }
HOOK_FN(0, OK) HOOK_FN(1, OK) HOOK_FN(2, OK) HOOK_FN(3, OK) HOOK_FN(4, OK)
HOOK_FN(5, OK) HOOK_FN(6, OK) HOOK_FN(7, OK) HOOK_FN(8, OK) HOOK_FN(9, OK)
HOOK_FN(d, DECLINED) HOOK_FN(e, 500) HOOK_FN(x, 42)

static test_HOOK_all_t *const numbered[] = {f0, f1, f2, f3, f4,
                                            f5, f6, f7, f8, f9};

static void each_a(char *log) { strcat(log, "a"); }
static void each_b(char *log) { strcat(log, "b"); }

static void use_test_pool(void)
{
    apr_hook_global_pool = p;
}

/* One registration: module name, order, comma-separated predecessors and
 * successors ("" for none: a NULL array). */
typedef struct {
    const char *module;
    int order;
    const char *pre;
    const char *succ;
} reg;

static const char *const *names(const char *csv)
{
    const char **v = apr_pcalloc(p, 8 * sizeof *v);
    char *last, *s;
    int n = 0;

    if (!*csv)
        return NULL;
    for (s = apr_strtok(apr_pstrdup(p, csv), ",", &last); s;
         s = apr_strtok(NULL, ",", &last))
        v[n++] = s;
    return v;
}

/* Registers regs[i] as f<i> on the "all" hook, sorts, runs, returns the
 * order of the ids. */
static const char *sorted_order(const reg *regs, int n)
{
    char *log = apr_pcalloc(p, 64);
    int i;

    use_test_pool();
    for (i = 0; i < n; i++) {
        apr_hook_debug_current = regs[i].module;
        test_hook_all(numbered[i], names(regs[i].pre), names(regs[i].succ),
                      regs[i].order);
    }
    apr_hook_sort_all();
    ck_assert_int_eq(test_run_all(log), OK);
    return log;
}

START_TEST(order_by_norder_stable)
{
    static const reg regs[] = {
        {"m0", APR_HOOK_MIDDLE, "", ""},  {"m1", APR_HOOK_LAST, "", ""},
        {"m2", APR_HOOK_FIRST, "", ""},   {"m3", APR_HOOK_MIDDLE, "", ""},
        {"m4", APR_HOOK_REALLY_LAST, "", ""},
        {"m5", APR_HOOK_REALLY_FIRST, "", ""},
        {"m6", APR_HOOK_FIRST, "", ""},   {"m7", APR_HOOK_MIDDLE, "", ""},
        {"m8", APR_HOOK_LAST, "", ""},    {"m9", 11, "", ""},
    };

    /* equal orders keep their registration order */
    ck_assert_str_eq(sorted_order(regs, 10), "5260379184");
}
END_TEST

START_TEST(unsorted_runs_in_registration_order)
{
    char log[16] = "";

    use_test_pool();
    test_hook_all(f3, NULL, NULL, APR_HOOK_LAST);
    test_hook_all(f1, NULL, NULL, APR_HOOK_FIRST);
    test_hook_all(f2, NULL, NULL, APR_HOOK_MIDDLE);
    ck_assert_int_eq(test_run_all(log), OK);
    ck_assert_str_eq(log, "312");
}
END_TEST

/* A successor constraint beats nOrder; predecessors pull an entry after
 * theirs. */
START_TEST(order_with_constraints)
{
    static const reg regs[] = {
        {"a", APR_HOOK_MIDDLE, "", ""},
        {"b", APR_HOOK_FIRST, "", ""},
        {"c", APR_HOOK_MIDDLE, "a", ""},
        {"d", APR_HOOK_MIDDLE, "", "a"},
        {"e", APR_HOOK_LAST, "", "b"},
    };

    ck_assert_str_eq(sorted_order(regs, 5), "41302");
}
END_TEST

/* Several registrations per module (a constraint binds to the module's
 * first entry in nOrder order), names nobody registered, mixed orders. */
START_TEST(order_with_constraints_many)
{
    static const reg regs[] = {
        {"m2", -10, "nosuch,m0", "nosuch"},
        {"m0", 20, "", "m2"},
        {"m1", 20, "", "m2,nosuch"},
        {"m1", 0, "m0,nosuch", ""},
        {"m0", -10, "nosuch", ""},
        {"m0", 10, "nosuch", ""},
        {"m1", 20, "m0,nosuch", ""},
        {"m1", 10, "m0,nosuch", "m2"},
        {"m1", -10, "", "nosuch"},
        {"m2", 5, "m0,m1", "nosuch"},
    };

    ck_assert_str_eq(sorted_order(regs, 10), "4712083956");
}
END_TEST

START_TEST(order_chain_pulls_forward)
{
    /* z must precede y, which must precede x: registered the other way. */
    static const reg regs[] = {
        {"x", APR_HOOK_FIRST, "y", ""},
        {"y", APR_HOOK_FIRST, "z", ""},
        {"w", APR_HOOK_FIRST, "", ""},
        {"z", APR_HOOK_LAST, "", ""},
    };

    ck_assert_str_eq(sorted_order(regs, 4), "3102");
}
END_TEST

/* APR-util loops forever on a cycle of constraints (and on a module that
 * names itself); here the cycle is broken: the walk outputs the entry it
 * came back to. Not run against the system library, which hangs. */
START_TEST(cycle_is_broken)
{
#if APR_TEST_AGAINST_SYSTEM
    return;
#else
    static const reg two[] = {
        {"a", APR_HOOK_MIDDLE, "b", ""},
        {"b", APR_HOOK_MIDDLE, "a", ""},
        {"c", APR_HOOK_FIRST, "", ""},
    };
    static const reg self[] = {
        {"a", APR_HOOK_MIDDLE, "", ""},
        {"s", APR_HOOK_MIDDLE, "s", "a"},
    };
    static const reg three[] = {
        {"x", APR_HOOK_FIRST, "", ""},
        {"a", APR_HOOK_MIDDLE, "c", ""},
        {"b", APR_HOOK_MIDDLE, "a", ""},
        {"c", APR_HOOK_MIDDLE, "b", "x"},
    };

    ck_assert_str_eq(sorted_order(two, 3), "201");
    apr_hook_deregister_all();
    ck_assert_str_eq(sorted_order(self, 2), "10");
    apr_hook_deregister_all();
    /* x waits for c (c's successor): the walk x -> c -> b -> a -> c comes
     * back to c, which goes first; then x, a, b follow their constraints */
    ck_assert_str_eq(sorted_order(three, 4), "3012");
#endif
}
END_TEST

START_TEST(run_all_semantics)
{
    char log[16] = "";

    use_test_pool();
    ck_assert_ptr_null(test_hook_get_all());
    ck_assert_int_eq(test_run_all(log), OK); /* nothing registered */
    test_hook_all(f1, NULL, NULL, APR_HOOK_MIDDLE);
    test_hook_all(fd, NULL, NULL, APR_HOOK_MIDDLE);
    test_hook_all(f2, NULL, NULL, APR_HOOK_MIDDLE);
    /* ok and declined go on; the result is ok even if the last declined */
    ck_assert_int_eq(test_run_all(log), OK);
    ck_assert_str_eq(log, "1d2");
    test_hook_all(fd, NULL, NULL, APR_HOOK_MIDDLE);
    log[0] = '\0';
    ck_assert_int_eq(test_run_all(log), OK);
    ck_assert_str_eq(log, "1d2d");
    /* any other value stops the run and is returned */
    test_hook_all(fe, NULL, NULL, APR_HOOK_MIDDLE);
    test_hook_all(f3, NULL, NULL, APR_HOOK_MIDDLE);
    log[0] = '\0';
    ck_assert_int_eq(test_run_all(log), 500);
    ck_assert_str_eq(log, "1d2de");
    ck_assert_int_eq(test_hook_get_all()->nelts, 6);
}
END_TEST

START_TEST(run_first_semantics)
{
    char log[16] = "";

    use_test_pool();
    ck_assert_int_eq(test_run_first(log), DECLINED); /* nothing registered */
    test_hook_first(fd, NULL, NULL, APR_HOOK_MIDDLE);
    test_hook_first(fd, NULL, NULL, APR_HOOK_MIDDLE);
    ck_assert_int_eq(test_run_first(log), DECLINED);
    ck_assert_str_eq(log, "dd");
    /* OK is a result too: it stops the run */
    test_hook_first(f1, NULL, NULL, APR_HOOK_MIDDLE);
    test_hook_first(fx, NULL, NULL, APR_HOOK_MIDDLE);
    log[0] = '\0';
    ck_assert_int_eq(test_run_first(log), OK);
    ck_assert_str_eq(log, "dd1");
    test_hook_first(fx, NULL, NULL, APR_HOOK_FIRST);
    apr_hook_sort_all();
    log[0] = '\0';
    ck_assert_int_eq(test_run_first(log), 42);
    ck_assert_str_eq(log, "x");
}
END_TEST

START_TEST(void_runs_all)
{
    char log[16] = "";

    use_test_pool();
    test_run_each(log); /* nothing registered */
    ck_assert_str_eq(log, "");
    test_hook_each(each_b, NULL, NULL, APR_HOOK_LAST);
    test_hook_each(each_a, NULL, NULL, APR_HOOK_MIDDLE);
    test_hook_each(each_b, NULL, NULL, APR_HOOK_FIRST);
    test_run_each(log);
    ck_assert_str_eq(log, "bab");
    apr_hook_sort_all();
    log[0] = '\0';
    test_run_each(log);
    ck_assert_str_eq(log, "bab");
}
END_TEST

START_TEST(link_records_registration)
{
    static const char *const pre[] = {"mod_a.c", NULL};
    static const char *const succ[] = {"mod_z.c", NULL};
    test_LINK_all_t *links;
    apr_array_header_t *a;

    use_test_pool();
    apr_hook_debug_current = "mod_me.c";
    test_hook_all(f7, pre, succ, APR_HOOK_LAST);
    a = test_hook_get_all();
    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(a->nelts, 1);
    ck_assert_int_eq(a->elt_size, (int)sizeof(test_LINK_all_t));
    links = (test_LINK_all_t *)(void *)a->elts;
    ck_assert(links[0].pFunc == f7);
    ck_assert_str_eq(links[0].szName, "mod_me.c");
    ck_assert_ptr_eq(links[0].aszPredecessors, pre);
    ck_assert_ptr_eq(links[0].aszSuccessors, succ);
    ck_assert_int_eq(links[0].nOrder, APR_HOOK_LAST);
}
END_TEST

START_TEST(link_layout)
{
    /* APR-util's ns_LINK_name_t: 5 members in this order, no padding but
     * the tail's. */
    ck_assert_uint_eq(offsetof(test_LINK_all_t, pFunc), 0);
    ck_assert_uint_eq(offsetof(test_LINK_all_t, szName), sizeof(void *));
    ck_assert_uint_eq(offsetof(test_LINK_all_t, aszPredecessors),
                      2 * sizeof(void *));
    ck_assert_uint_eq(offsetof(test_LINK_all_t, aszSuccessors),
                      3 * sizeof(void *));
    ck_assert_uint_eq(offsetof(test_LINK_all_t, nOrder), 4 * sizeof(void *));
    ck_assert_int_eq(APR_HOOK_REALLY_FIRST, -10);
    ck_assert_int_eq(APR_HOOK_FIRST, 0);
    ck_assert_int_eq(APR_HOOK_MIDDLE, 10);
    ck_assert_int_eq(APR_HOOK_LAST, 20);
    ck_assert_int_eq(APR_HOOK_REALLY_LAST, 30);
}
END_TEST

START_TEST(probes_are_called)
{
    char log[16] = "";

    use_test_pool();
    probe_log[0] = '\0';
    ck_assert_int_eq(test_run_all(log), OK);
    ck_assert_str_eq(probe_log, "entry(test_all) return(all,0)");

    apr_hook_debug_current = "m1";
    test_hook_all(fd, NULL, NULL, APR_HOOK_MIDDLE);
    apr_hook_debug_current = "m2";
    test_hook_all(fe, NULL, NULL, APR_HOOK_MIDDLE);
    probe_log[0] = '\0';
    ck_assert_int_eq(test_run_all(log), 500);
    ck_assert_str_eq(probe_log, "entry(test_all) invoke(m1,1) "
                                "complete(m1,-1) invoke(m2,1) "
                                "complete(m2,500) return(all,500)");

    apr_hook_debug_current = NULL;
    test_hook_each(each_a, NULL, NULL, APR_HOOK_MIDDLE);
    probe_log[0] = '\0';
    test_run_each(log);
    ck_assert_str_eq(probe_log, "entry(test_each) invoke(-,1) "
                                "complete(-,0) return(each,0)");
}
END_TEST

/* Runs fn with stdout sent to a temporary file (plain POSIX dup2), and
 * returns what it printed. */
static const char *capture_stdout(void (*fn)(void))
{
    FILE *tmp = tmpfile();
    int saved;
    char *buf = apr_pcalloc(p, 1024);

    ck_assert_ptr_nonnull(tmp);
    fflush(stdout);
    saved = dup(STDOUT_FILENO);
    ck_assert_int_ge(saved, 0);
    ck_assert_int_ge(dup2(fileno(tmp), STDOUT_FILENO), 0);
    fn();
    fflush(stdout);
    ck_assert_int_ge(dup2(saved, STDOUT_FILENO), 0);
    close(saved);
    rewind(tmp);
    ck_assert_int_ge((int)fread(buf, 1, 1023, tmp), 0);
    fclose(tmp);
    return buf;
}

static void show_some(void)
{
    static const char *const pre[] = {"a.c", "b.c", NULL};
    static const char *const succ[] = {"z.c", NULL};
    static const char *const none[] = {NULL};

    apr_hook_debug_show("post_config", pre, succ);
    apr_hook_debug_show("handler", NULL, NULL);
    apr_hook_debug_show("fixups", none, pre);
}

static void register_and_sort_verbosely(void)
{
    static const char *const pre[] = {"m1", NULL};

    apr_hook_debug_enabled = 1;
    apr_hook_debug_current = "m1";
    test_hook_all(f1, NULL, NULL, APR_HOOK_LAST);
    apr_hook_debug_current = "m2";
    test_hook_all(f2, pre, NULL, APR_HOOK_FIRST);
    apr_hook_debug_current = "m3";
    test_hook_all(f3, NULL, pre, APR_HOOK_LAST);
    apr_hook_sort_all();
    apr_hook_debug_enabled = 0;
}

START_TEST(debug_output)
{
    use_test_pool();
    ck_assert_str_eq(capture_stdout(show_some),
                     "  Hooked post_config pre(a.c,b.c) succ(z.c)\n"
                     "  Hooked handler\n"
                     "  Hooked fixups pre() succ(a.c,b.c)\n");
    ck_assert_str_eq(capture_stdout(register_and_sort_verbosely),
                     "  Hooked all\n"
                     "  Hooked all pre(m1)\n"
                     "  Hooked all succ(m1)\n"
                     "Sorting all: m3 m1 m2\n");
}
END_TEST

START_TEST(deregister_all)
{
    char log[16] = "";

    use_test_pool();
    apr_hook_deregister_all(); /* with nothing registered */
    test_hook_all(fe, NULL, NULL, APR_HOOK_MIDDLE);
    test_hook_first(fx, NULL, NULL, APR_HOOK_MIDDLE);
    test_hook_each(each_a, NULL, NULL, APR_HOOK_MIDDLE);
    apr_hook_deregister_all();
    ck_assert_ptr_null(test_hook_get_all());
    ck_assert_ptr_null(test_hook_get_first());
    ck_assert_ptr_null(test_hook_get_each());
    ck_assert_int_eq(test_run_all(log), OK);
    ck_assert_int_eq(test_run_first(log), DECLINED);
    test_run_each(log);
    ck_assert_str_eq(log, "");
    apr_hook_sort_all(); /* nothing left to sort */

    /* registering again starts new lists, sorted again */
    test_hook_all(f2, NULL, NULL, APR_HOOK_LAST);
    test_hook_all(f1, NULL, NULL, APR_HOOK_FIRST);
    apr_hook_sort_all();
    ck_assert_int_eq(test_run_all(log), OK);
    ck_assert_str_eq(log, "12");
}
END_TEST

/* A hook registered with apr_hook_sort_register by hand. */
START_TEST(sort_register_by_hand)
{
    apr_array_header_t *list;
    test_LINK_all_t *l;

    use_test_pool();
    list = apr_array_make(p, 2, sizeof(test_LINK_all_t));
    l = apr_array_push(list);
    memset(l, 0, sizeof *l);
    l->pFunc = f1;
    l->szName = "one";
    l->nOrder = APR_HOOK_LAST;
    l = apr_array_push(list);
    memset(l, 0, sizeof *l);
    l->pFunc = f2;
    l->szName = "two";
    l->nOrder = APR_HOOK_FIRST;
    apr_hook_sort_register("by_hand", &list);
    apr_hook_sort_all();
    ck_assert_int_eq(list->nelts, 2);
    l = (test_LINK_all_t *)(void *)list->elts;
    ck_assert_str_eq(l[0].szName, "two");
    ck_assert_str_eq(l[1].szName, "one");
    apr_hook_deregister_all();
    ck_assert_ptr_null(list);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("hooks");
    TCase *tc = apr_test_tcase("sort");

    tcase_add_test(tc, order_by_norder_stable);
    tcase_add_test(tc, unsorted_runs_in_registration_order);
    tcase_add_test(tc, order_with_constraints);
    tcase_add_test(tc, order_with_constraints_many);
    tcase_add_test(tc, order_chain_pulls_forward);
    tcase_add_test(tc, cycle_is_broken);
    tcase_add_test(tc, sort_register_by_hand);
    suite_add_tcase(s, tc);

    tc = apr_test_tcase("run");
    tcase_add_test(tc, run_all_semantics);
    tcase_add_test(tc, run_first_semantics);
    tcase_add_test(tc, void_runs_all);
    tcase_add_test(tc, link_records_registration);
    tcase_add_test(tc, link_layout);
    tcase_add_test(tc, probes_are_called);
    tcase_add_test(tc, debug_output);
    tcase_add_test(tc, deregister_all);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
