/*
 * Command-line option parsing: apr_getopt() for short options from a
 * letter list, apr_getopt_long() for an option table with long names and
 * optional interleaving of operands. Error messages and statuses are APR's,
 * word for word, since programs' output and tests depend on them.
 */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

#include "apr_getopt.h"

/* The default error function: errarg is the FILE * to print to, so a
 * caller that only changes errarg (to stdout, say) still gets messages. */
static void print_error(void *arg, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vfprintf((FILE *)arg, fmt, ap);
    va_end(ap);
}

/* The program name for messages: argv[0] without its directories. */
static const char *progname(const apr_getopt_t *os)
{
    const char *name = os->argv[0] ? os->argv[0] : "";
    const char *slash = strrchr(name, '/');

    return slash ? slash + 1 : name;
}

APR_DECLARE(apr_status_t) apr_getopt_init(apr_getopt_t **os, apr_pool_t *cont,
                                          int argc, const char *const *argv)
{
    apr_getopt_t *g = apr_palloc(cont, sizeof *g);
    const char **copy = apr_palloc(cont, (apr_size_t)(argc + 1) * sizeof *copy);

    if (argc > 0)
        memcpy(copy, argv, (apr_size_t)argc * sizeof *copy);
    copy[argc] = NULL;

    memset(g, 0, sizeof *g);
    g->cont = cont;
    g->errfn = print_error;
    g->errarg = stderr;
    g->place = "";
    g->argc = argc;
    g->argv = copy;
    g->ind = 1;
    g->skip_start = 1;
    g->skip_end = 1;
    *os = g;
    return APR_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* Short options                                                      */

/* Moves to the next argument when the current cluster is used up. */
static void next_if_done(apr_getopt_t *os)
{
    if (*os->place == '\0')
        os->ind++;
}

/* APR_EOF with *optch set to the last option seen, as APR does. */
static apr_status_t short_eof(apr_getopt_t *os, char *optch)
{
    *optch = (char)os->opt;
    return APR_EOF;
}

/* The option os->opt needs an argument: the rest of the cluster, or the
 * next argument. */
static apr_status_t short_argument(apr_getopt_t *os, const char *opts,
                                   char *optch, const char **optarg)
{
    *optch = (char)os->opt;
    if (*os->place != '\0') {
        *optarg = os->place;
    }
    else if (++os->ind >= os->argc) {
        os->place = "";
        if (*opts == ':')
            return APR_BADARG;
        if (os->errfn)
            os->errfn(os->errarg, "%s: option requires an argument -- %c\n",
                      progname(os), os->opt);
        return APR_BADCH;
    }
    else {
        *optarg = os->argv[os->ind];
    }
    os->place = "";
    os->ind++;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_getopt(apr_getopt_t *os, const char *opts,
                                     char *optch, const char **optarg)
{
    const char *spec;

    if (os->reset || *os->place == '\0') {
        os->reset = 0;
        if (os->ind >= os->argc || *os->argv[os->ind] != '-') {
            os->place = "";
            return short_eof(os, optch);
        }
        os->place = os->argv[os->ind];
        if (os->place[1] != '\0' && *++os->place == '-') { /* "--" */
            os->ind++;
            os->place = "";
            return short_eof(os, optch);
        }
    }

    os->opt = *os->place++;
    spec = os->opt == ':' ? NULL : strchr(opts, os->opt);
    if (spec == NULL) {
        /* A lone "-" (not an option letter) ends the options. */
        if (os->opt == '-')
            return short_eof(os, optch);
        next_if_done(os);
        if (os->errfn && *opts != ':')
            os->errfn(os->errarg, "%s: illegal option -- %c\n", progname(os),
                      os->opt);
        *optch = (char)os->opt;
        return APR_BADCH;
    }
    if (spec[1] == ':')
        return short_argument(os, opts, optch, optarg);
    *optarg = NULL;
    next_if_done(os);
    *optch = (char)os->opt;
    return APR_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* Long options and interleaving                                      */

/* Reverses argv[start .. start+len-1]. */
static void reverse(const char **argv, int start, int len)
{
    int lo = start, hi = start + len - 1;

    for (; lo < hi; lo++, hi--) {
        const char *tmp = argv[lo];
        argv[lo] = argv[hi];
        argv[hi] = tmp;
    }
}

/* Moves the operands skipped so far (argv[skip_start..skip_end-1]) after
 * the option arguments just consumed (argv[skip_end..ind-1]), by rotating
 * the range with three reversals, and records their new place. */
static void permute(apr_getopt_t *os)
{
    int skipped = os->skip_end - os->skip_start;
    int consumed = os->ind - os->skip_end;

    if (os->interleave) {
        reverse(os->argv, os->skip_start, skipped + consumed);
        reverse(os->argv, os->skip_start, consumed);
        reverse(os->argv, os->skip_start + consumed, skipped);
    }
    os->skip_start += consumed;
    os->skip_end += consumed;
}

/* Reports an error about the long option or argument `what`. */
static apr_status_t long_error(apr_getopt_t *os, const char *err,
                               const char *what, apr_status_t status)
{
    if (os->errfn)
        os->errfn(os->errarg, "%s: %s: %s\n", progname(os), err, what);
    return status;
}

/* Reports an error about the short option `ch`. */
static apr_status_t char_error(apr_getopt_t *os, const char *err, int ch,
                               apr_status_t status)
{
    if (os->errfn)
        os->errfn(os->errarg, "%s: %s: %c\n", progname(os), err, ch);
    return status;
}

/* The table entry whose name is the start of `arg` up to '=' or the end. */
static const apr_getopt_option_t *find_long(const apr_getopt_option_t *opts,
                                            const char *arg, apr_size_t *len)
{
    for (; opts->optch != 0; opts++) {
        if (opts->name == NULL)
            continue;
        *len = strlen(opts->name);
        if (strncmp(arg, opts->name, *len) == 0 &&
            (arg[*len] == '\0' || arg[*len] == '='))
            return opts;
    }
    return NULL;
}

/* `arg` is an argument "--name[=value]" (pointing after the "--"). */
static apr_status_t long_option(apr_getopt_t *os,
                                const apr_getopt_option_t *opts,
                                const char *arg, int *optch,
                                const char **optarg)
{
    apr_size_t len = 0;
    const apr_getopt_option_t *o = find_long(opts, arg, &len);

    if (o == NULL)
        return long_error(os, "invalid option", arg - 2, APR_BADCH);
    *optch = o->optch;
    if (o->has_arg) {
        if (arg[len] == '=')
            *optarg = arg + len + 1;
        else if (os->ind >= os->argc)
            return long_error(os, "missing argument", arg - 2, APR_BADARG);
        else
            *optarg = os->argv[os->ind++];
    }
    else {
        *optarg = NULL;
        if (arg[len] == '=')
            return long_error(os, "erroneous argument", arg - 2, APR_BADARG);
    }
    permute(os);
    return APR_SUCCESS;
}

/* `p` is the next letter of a run of short options. */
static apr_status_t short_in_table(apr_getopt_t *os,
                                   const apr_getopt_option_t *opts,
                                   const char *p, int *optch,
                                   const char **optarg)
{
    const apr_getopt_option_t *o = opts;

    while (o->optch != 0 && o->optch != *p)
        o++;
    if (o->optch == 0)
        return char_error(os, "invalid option character", *p, APR_BADCH);
    *optch = *p++;
    if (o->has_arg) {
        if (*p != '\0')
            *optarg = p;
        else if (os->ind >= os->argc)
            return char_error(os, "missing argument", *optch, APR_BADARG);
        else
            *optarg = os->argv[os->ind++];
        os->place = "";
    }
    else {
        *optarg = NULL;
        os->place = p;
    }
    permute(os);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_getopt_long(apr_getopt_t *os,
                                          const apr_getopt_option_t *opts,
                                          int *optch, const char **optarg)
{
    const char *p;

    if (os->reset) {
        os->place = "";
        os->ind = 1;
        os->reset = 0;
    }
    if (*os->place != '\0')
        return short_in_table(os, opts, os->place, optch, optarg);

    if (os->interleave) {
        while (os->ind < os->argc && *os->argv[os->ind] != '-')
            os->ind++;
        os->skip_end = os->ind;
    }
    if (os->ind >= os->argc || *os->argv[os->ind] != '-') {
        os->ind = os->skip_start;
        return APR_EOF;
    }

    p = os->argv[os->ind++] + 1;
    if (p[0] == '-' && p[1] != '\0')
        return long_option(os, opts, p + 1, optch, optarg);
    if (p[0] == '-') { /* "--": the rest are operands */
        permute(os);
        os->ind = os->skip_start;
        return APR_EOF;
    }
    if (p[0] == '\0') /* a lone "-" is not an option here */
        return long_error(os, "invalid option", p, APR_BADCH);
    return short_in_table(os, opts, p, optch, optarg);
}
