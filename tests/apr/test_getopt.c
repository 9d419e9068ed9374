/*
 * apr_getopt.h: short options (clusters, attached and separate arguments,
 * errors and their messages), long options, interleaving and "--".
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "apr_getopt.h"
#include "apr_strings.h"

/* Error messages collected through errfn. */
static char errors[1024];

static void collect(void *arg, const char *fmt, ...)
{
    va_list ap;
    size_t used = strlen(errors);

    ck_assert_ptr_eq(arg, errors);
    va_start(ap, fmt);
    vsnprintf(errors + used, sizeof errors - used, fmt, ap);
    va_end(ap);
}

static apr_getopt_t *start(int argc, const char *const *argv)
{
    apr_getopt_t *os = NULL;

    ck_assert_int_eq(apr_getopt_init(&os, p, argc, argv), APR_SUCCESS);
    ck_assert_ptr_nonnull(os);
    errors[0] = '\0';
    os->errfn = collect;
    os->errarg = errors;
    return os;
}

/* Runs apr_getopt to the end and records "<ch>[=<arg>] " per option, or
 * "!<ch> " / "?<ch> " for APR_BADCH / APR_BADARG. */
static const char *trace_short(apr_getopt_t *os, const char *opts)
{
    char *out = "";
    apr_status_t rv;
    char ch;
    const char *arg;

    while ((rv = apr_getopt(os, opts, &ch, &arg)) != APR_EOF) {
        if (rv == APR_SUCCESS)
            out = apr_psprintf(p, "%s%c%s%s ", out, ch, arg ? "=" : "",
                               arg ? arg : "");
        else if (rv == APR_BADCH)
            out = apr_psprintf(p, "%s!%c ", out, ch);
        else if (rv == APR_BADARG)
            out = apr_psprintf(p, "%s?%c ", out, ch);
        else
            ck_abort_msg("unexpected status %d", rv);
    }
    return out;
}

START_TEST(init_state)
{
    const char *argv[] = {"/usr/bin/prog", "-a", "x"};
    apr_getopt_t *os = NULL;

    ck_assert_int_eq(apr_getopt_init(&os, p, 3, argv), APR_SUCCESS);
    ck_assert_ptr_eq(os->cont, p);
    ck_assert(os->errfn != NULL);
    ck_assert_ptr_eq(os->errarg, stderr);
    ck_assert_int_eq(os->ind, 1);
    ck_assert_int_eq(os->reset, 0);
    ck_assert_int_eq(os->argc, 3);
    ck_assert_int_eq(os->interleave, 0);
    ck_assert_int_eq(os->skip_start, 1);
    ck_assert_int_eq(os->skip_end, 1);
    ck_assert_str_eq(os->place, "");
    /* A copy of argv, NULL-terminated, with the same strings. */
    ck_assert_ptr_ne(os->argv, argv);
    ck_assert_ptr_eq(os->argv[0], argv[0]);
    ck_assert_ptr_eq(os->argv[2], argv[2]);
    ck_assert_ptr_null(os->argv[3]);

    /* Just the program name. */
    ck_assert_int_eq(apr_getopt_init(&os, p, 1, argv), APR_SUCCESS);
    ck_assert_ptr_null(os->argv[1]);
}
END_TEST

START_TEST(short_options)
{
    const char *argv[] = {"prog", "-abc", "-ovalue", "-o", "val2", "-b",
                          "file", "-a"};
    apr_getopt_t *os = start(8, argv);

    ck_assert_str_eq(trace_short(os, "abco:"),
                     "a b c o=value o=val2 b ");
    /* Stopped at the first operand. */
    ck_assert_int_eq(os->ind, 6);
    ck_assert_str_eq(os->argv[os->ind], "file");
    ck_assert_str_eq(errors, "");
}
END_TEST

START_TEST(short_cluster_with_argument)
{
    const char *argv[] = {"prog", "-abofile", "-bo", "-a", "rest"};
    apr_getopt_t *os = start(5, argv);
    char ch = 0;
    const char *arg = "unset";

    ck_assert_int_eq(apr_getopt(os, "abo:", &ch, &arg), APR_SUCCESS);
    ck_assert_int_eq(ch, 'a');
    ck_assert_ptr_null(arg);
    ck_assert_int_eq(os->ind, 1); /* still inside "-abofile" */
    ck_assert_int_eq(apr_getopt(os, "abo:", &ch, &arg), APR_SUCCESS);
    ck_assert_int_eq(ch, 'b');
    ck_assert_int_eq(apr_getopt(os, "abo:", &ch, &arg), APR_SUCCESS);
    ck_assert_int_eq(ch, 'o');
    ck_assert_str_eq(arg, "file");
    ck_assert_int_eq(os->ind, 2);
    /* "-bo" then the next argument, even one that starts with '-'. */
    ck_assert_str_eq(trace_short(os, "abo:"), "b o=-a ");
    ck_assert_int_eq(os->ind, 4);
}
END_TEST

START_TEST(short_errors)
{
    const char *argv[] = {"/bin/prog", "-x", "-ay", "-o"};
    apr_getopt_t *os = start(4, argv);
    const char *arg = "unset";
    char ch = 0;

    /* Unknown letters are APR_BADCH, reported with the program's base
     * name; a missing argument is APR_BADCH too, by default. */
    ck_assert_int_eq(apr_getopt(os, "ao:", &ch, &arg), APR_BADCH);
    ck_assert_int_eq(ch, 'x');
    ck_assert_str_eq(arg, "unset");
    ck_assert_int_eq(os->ind, 2);
    ck_assert_str_eq(trace_short(os, "ao:"), "a !y !o ");
    ck_assert_str_eq(errors, "prog: illegal option -- x\n"
                             "prog: illegal option -- y\n"
                             "prog: option requires an argument -- o\n");
    ck_assert_int_eq(os->ind, 4);
}
END_TEST

START_TEST(short_errors_colon)
{
    const char *argv[] = {"prog", "-x", "-o"};
    apr_getopt_t *os = start(3, argv);

    /* A leading ':' silences the messages and makes a missing argument
     * APR_BADARG. */
    ck_assert_str_eq(trace_short(os, ":ao:"), "!x ?o ");
    ck_assert_str_eq(errors, "");

    /* A NULL errfn silences too. */
    os = start(3, argv);
    os->errfn = NULL;
    ck_assert_str_eq(trace_short(os, "ao:"), "!x !o ");
    ck_assert_str_eq(errors, "");
}
END_TEST

START_TEST(short_end_markers)
{
    const char *argv[] = {"prog", "-a", "--", "-b"};
    const char *dash[] = {"prog", "-a", "-", "-b"};
    apr_getopt_t *os = start(4, argv);
    char ch = 0;
    const char *arg;

    /* "--" ends the options and is consumed. */
    ck_assert_str_eq(trace_short(os, "ab"), "a ");
    ck_assert_int_eq(os->ind, 3);
    ck_assert_str_eq(os->argv[os->ind], "-b");

    /* A lone "-" ends them too, and is left as the first operand. */
    os = start(4, dash);
    ck_assert_str_eq(trace_short(os, "ab"), "a ");
    ck_assert_int_eq(os->ind, 2);
    ck_assert_int_eq(apr_getopt(os, "ab", &ch, &arg), APR_EOF);

    /* No arguments at all. */
    os = start(1, argv);
    ck_assert_int_eq(apr_getopt(os, "ab", &ch, &arg), APR_EOF);
    ck_assert_int_eq(os->ind, 1);

    /* reset rescans from os->ind. */
    os = start(4, argv);
    ck_assert_int_eq(apr_getopt(os, "ab", &ch, &arg), APR_SUCCESS);
    os->ind = 3;
    os->reset = 1;
    ck_assert_int_eq(apr_getopt(os, "ab", &ch, &arg), APR_SUCCESS);
    ck_assert_int_eq(ch, 'b');
    ck_assert_int_eq(os->reset, 0);
}
END_TEST

static const apr_getopt_option_t table[] = {
    {"alpha", 'a', 0, "no argument"},
    {"output", 'o', 1, "takes an argument"},
    {"long-only", 300, 1, "no letter"},
    {NULL, 'v', 0, "no long name"},
    {NULL, 0, 0, NULL},
};

/* Runs apr_getopt_long to the end, recording as trace_short does (long-only
 * options as their number). */
static const char *trace_long(apr_getopt_t *os)
{
    char *out = "";
    apr_status_t rv;
    int ch;
    const char *arg;

    while ((rv = apr_getopt_long(os, table, &ch, &arg)) != APR_EOF) {
        const char *name = ch < 256 ? apr_psprintf(p, "%c", ch)
                                    : apr_psprintf(p, "%d", ch);
        if (rv == APR_SUCCESS)
            out = apr_psprintf(p, "%s%s%s%s ", out, name, arg ? "=" : "",
                               arg ? arg : "");
        else
            ck_abort_msg("unexpected status %d", rv);
    }
    return out;
}

static const char *joined(const apr_getopt_t *os)
{
    const char *out = os->argv[0];
    int i;

    for (i = 1; i < os->argc; i++)
        out = apr_pstrcat(p, out, " ", os->argv[i], NULL);
    return out;
}

START_TEST(long_options)
{
    const char *argv[] = {"prog", "--alpha", "-vo", "x", "--output=y",
                          "--output", "z", "--long-only=", "-voq",
                          "--", "-a", "tail"};
    apr_getopt_t *os = start(12, argv);

    ck_assert_str_eq(trace_long(os),
                     "a v o=x o=y o=z 300= v o=q ");
    ck_assert_int_eq(os->ind, 10);
    ck_assert_str_eq(os->argv[os->ind], "-a");
    /* Without interleaving nothing moves. */
    ck_assert_str_eq(joined(os), "prog --alpha -vo x --output=y --output z "
                                 "--long-only= -voq -- -a tail");
    ck_assert_str_eq(errors, "");
}
END_TEST

START_TEST(long_no_interleave)
{
    const char *argv[] = {"prog", "-a", "in1", "--alpha", "in2"};
    apr_getopt_t *os = start(5, argv);

    /* The first operand ends the options. */
    ck_assert_str_eq(trace_long(os), "a ");
    ck_assert_int_eq(os->ind, 2);
    ck_assert_str_eq(joined(os), "prog -a in1 --alpha in2");
}
END_TEST

START_TEST(long_interleave)
{
    const char *argv[] = {"prog", "in1", "--alpha", "-vo", "x", "in2",
                          "--output=y", "--long-only", "z", "-v", "--",
                          "-a", "tail"};
    apr_getopt_t *os = start(13, argv);

    os->interleave = 1;
    ck_assert_str_eq(trace_long(os), "a v o=x o=y 300=z v ");
    /* The operands were moved after the options, keeping their order;
     * "--" stays in front of what follows it. The caller's array is
     * untouched. */
    ck_assert_str_eq(joined(os), "prog --alpha -vo x --output=y "
                                 "--long-only z -v -- in1 in2 -a tail");
    ck_assert_int_eq(os->ind, 9);
    ck_assert_str_eq(os->argv[os->ind], "in1");
    ck_assert_str_eq(argv[1], "in1");
    ck_assert_str_eq(argv[10], "--");

    /* Operands only, or none after the options. */
    {
        const char *ops[] = {"prog", "a", "b"};
        const char *opts[] = {"prog", "x", "-v"};

        os = start(3, ops);
        os->interleave = 1;
        ck_assert_str_eq(trace_long(os), "");
        ck_assert_int_eq(os->ind, 1);
        os = start(3, opts);
        os->interleave = 1;
        ck_assert_str_eq(trace_long(os), "v ");
        ck_assert_str_eq(joined(os), "prog -v x");
        ck_assert_int_eq(os->ind, 2);
    }
}
END_TEST

/* One call of apr_getopt_long on `arg`: its status, option and message. */
static void check_long_error(const char *arg, apr_status_t want, int want_ch,
                             const char *message)
{
    const char *argv[] = {"/usr/local/bin/tool", arg};
    apr_getopt_t *os = start(2, argv);
    int ch = -7;
    const char *optarg = "unset";

    ck_assert_int_eq(apr_getopt_long(os, table, &ch, &optarg), want);
    ck_assert_int_eq(ch, want_ch);
    ck_assert_str_eq(errors, message);
    ck_assert_int_eq(os->ind, 2);
    /* The bad argument was consumed: the next call ends the parse. */
    ck_assert_int_eq(apr_getopt_long(os, table, &ch, &optarg), APR_EOF);
}

START_TEST(long_errors)
{
    check_long_error("--beta", APR_BADCH, -7,
                     "tool: invalid option: --beta\n");
    /* Names match whole, never as prefixes or with a longer tail. */
    check_long_error("--alp", APR_BADCH, -7, "tool: invalid option: --alp\n");
    check_long_error("--alphabet", APR_BADCH, -7,
                     "tool: invalid option: --alphabet\n");
    check_long_error("--alpha=3", APR_BADARG, 'a',
                     "tool: erroneous argument: --alpha=3\n");
    check_long_error("--output", APR_BADARG, 'o',
                     "tool: missing argument: --output\n");
    check_long_error("-z", APR_BADCH, -7,
                     "tool: invalid option character: z\n");
    check_long_error("-o", APR_BADARG, 'o', "tool: missing argument: o\n");
    check_long_error("-", APR_BADCH, -7, "tool: invalid option: \n");
}
END_TEST

START_TEST(long_reset)
{
    const char *argv[] = {"prog", "-a", "-v"};
    apr_getopt_t *os = start(3, argv);

    ck_assert_str_eq(trace_long(os), "a v ");
    ck_assert_int_eq(os->ind, 3);
    os->reset = 1;
    ck_assert_str_eq(trace_long(os), "a v ");
    ck_assert_int_eq(os->reset, 0);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("getopt");
    TCase *tc = apr_test_tcase("getopt");

    tcase_add_test(tc, init_state);
    tcase_add_test(tc, short_options);
    tcase_add_test(tc, short_cluster_with_argument);
    tcase_add_test(tc, short_errors);
    tcase_add_test(tc, short_errors_colon);
    tcase_add_test(tc, short_end_markers);
    tcase_add_test(tc, long_options);
    tcase_add_test(tc, long_no_interleave);
    tcase_add_test(tc, long_interleave);
    tcase_add_test(tc, long_errors);
    tcase_add_test(tc, long_reset);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
