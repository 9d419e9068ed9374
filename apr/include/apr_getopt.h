/*
 * apr_getopt.h: command-line option parsing, short ("-abc", "-ovalue",
 * "-o value") and long ("--name", "--name=value", "--name value").
 */
#ifndef APR_GETOPT_H
#define APR_GETOPT_H

/**
 * @file apr_getopt.h
 * @brief APR command-line argument parsing.
 * @defgroup apr_getopt Command Argument Parsing
 * @ingroup APR
 * @{
 */

#include "apr_pools.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Reports a parse error: @a arg is the parser's errarg, @a err a printf
 * format followed by its arguments. The message ends with a newline.
 */
typedef void(apr_getopt_err_fn_t)(void *arg, const char *err, ...);

/** @see apr_getopt_t */
typedef struct apr_getopt_t apr_getopt_t;

/**
 * The state of one parse. apr_getopt_init() fills it; callers may then set
 * errfn/errarg, interleave and reset, and read ind and argv.
 */
struct apr_getopt_t {
    /** The pool the parser allocates from. */
    apr_pool_t *cont;
    /** Prints error messages; NULL for silence (default: fprintf-like). */
    apr_getopt_err_fn_t *errfn;
    /** First argument given to errfn (default: stderr, the FILE * the
     *  default errfn prints to). */
    void *errarg;
    /** Index in argv of the next argument to look at. */
    int ind;
    /** The option character last looked at. */
    int opt;
    /** Set non-zero to start the parse over. */
    int reset;
    /** Number of arguments in argv. */
    int argc;
    /** The parser's own copy of the arguments (NULL-terminated). */
    const char **argv;
    /** What is left of the argument being scanned. */
    char const *place;
    /** Set non-zero to let options follow plain arguments (long parser). */
    int interleave;
    /** First of the plain arguments skipped so far (interleaving). */
    int skip_start;
    /** One past the last plain argument skipped so far (interleaving). */
    int skip_end;
};

/** @see apr_getopt_option_t */
typedef struct apr_getopt_option_t apr_getopt_option_t;

/**
 * One option of apr_getopt_long()'s table; a table ends with an entry whose
 * optch is 0.
 */
struct apr_getopt_option_t {
    /** Long name (without "--"), or NULL if there is none. */
    const char *name;
    /** Option letter, or a value above 255 for a long-only option. */
    int optch;
    /** Non-zero if the option takes an argument. */
    int has_arg;
    /** Help text for the option. */
    const char *description;
};

/**
 * Prepares parsing of @a argv[0..argc-1] (argv[0] being the program name):
 * allocates @a *os from @a cont with a copy of the argument vector, so the
 * caller's array is never changed; ind starts at 1 and errors go to stderr.
 */
APR_DECLARE(apr_status_t) apr_getopt_init(apr_getopt_t **os, apr_pool_t *cont,
                                          int argc, const char *const *argv);

/**
 * Returns the next short option in @a *option_ch. @a opts lists the option
 * letters; one followed by ':' takes an argument, set in @a *option_arg
 * (NULL otherwise). Returns APR_SUCCESS; APR_EOF at the first non-option
 * argument, after "--" or at the end (os->ind then indexes the first
 * operand); APR_BADCH for an unknown option, or a missing argument;
 * APR_BADARG instead for a missing argument when @a opts starts with ':'
 * (which also silences the messages).
 */
APR_DECLARE(apr_status_t) apr_getopt(apr_getopt_t *os, const char *opts,
                                     char *option_ch, const char **option_arg);

/**
 * Like apr_getopt() with a table of options @a opts that also accepts long
 * options "--name", "--name=value" and "--name value". Returns APR_SUCCESS
 * with the option's optch in @a *option_ch; APR_BADCH for an unknown option;
 * APR_BADARG for a missing argument, or one given to an option taking none;
 * APR_EOF at the end, where os->ind indexes the first operand. With
 * os->interleave set, options may follow operands: os->argv is permuted so
 * that the operands end up last, in their order.
 */
APR_DECLARE(apr_status_t) apr_getopt_long(apr_getopt_t *os,
                                          const apr_getopt_option_t *opts,
                                          int *option_ch,
                                          const char **option_arg);

#ifdef __cplusplus
}
#endif

/** @} */

#endif /* APR_GETOPT_H */
