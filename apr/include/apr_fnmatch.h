/*
 * apr_fnmatch.h: shell-style wildcard matching of strings and file names.
 */
#ifndef APR_FNMATCH_H
#define APR_FNMATCH_H

/**
 * @file apr_fnmatch.h
 * @brief APR FNMatch Functions
 */

#include "apr_errno.h"
#include "apr_tables.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_fnmatch Filename Matching Functions
 * @ingroup APR
 * @{
 */

/** apr_fnmatch() result: the string does not match. */
#define APR_FNM_NOMATCH     1

/** A backslash is an ordinary character, not an escape. */
#define APR_FNM_NOESCAPE    0x01
/** A '/' in the string is matched only by a '/' in the pattern. */
#define APR_FNM_PATHNAME    0x02
/** A leading '.' (after a '/' too with APR_FNM_PATHNAME) is matched only
 *  by a '.' in the pattern. */
#define APR_FNM_PERIOD      0x04
/** Letters match regardless of case. */
#define APR_FNM_CASE_BLIND  0x08

/**
 * Match a whole string against a shell wildcard pattern. Every pattern is
 * valid. '?' matches one character, '*' any run (several in a row act as
 * one), "[...]" one character of a class: single characters and ranges
 * "a-z", negated by a leading '!' or '^'; a ']' right after the '[' (or
 * after the negation) is a member. A backslash escapes the next character
 * (also inside classes) unless APR_FNM_NOESCAPE is set; one ending the
 * pattern matches itself. A '[' without a closing ']' (with
 * APR_FNM_PATHNAME: without one before the next '/') is an ordinary
 * character; a range whose first end is greater than its second matches
 * nothing. These are APR 1.7's results, which differ from its own
 * documentation on the "[]", "[!]" and unclosed-class corners.
 * @param pattern The pattern
 * @param strings The string to test
 * @param flags APR_FNM_NOESCAPE, APR_FNM_PATHNAME, APR_FNM_PERIOD and
 * APR_FNM_CASE_BLIND, or-ed
 * @return APR_SUCCESS on a match, APR_FNM_NOMATCH otherwise
 */
APR_DECLARE(apr_status_t) apr_fnmatch(const char *pattern,
                                      const char *strings, int flags);

/**
 * Whether @a pattern contains wildcards: '?', '*', or a '[' closed by a
 * later ']' (escaped characters do not count).
 * @return non-zero if it does
 */
APR_DECLARE(int) apr_fnmatch_test(const char *pattern);

/**
 * The names of the files of a directory that match a pattern.
 * @param dir_pattern A directory and a pattern for the names in it
 * ("conf/ *.conf", without the space): everything after the last '/' (or
 * '\' when there is no '/') is the pattern; without a separator the
 * current directory is searched.
 * @param result Receives an array of char * file names (without the
 * directory), allocated from @a p; it may be empty
 * @param p The pool
 * @return APR_SUCCESS, or the error opening the directory
 */
APR_DECLARE(apr_status_t) apr_match_glob(const char *dir_pattern,
                                         apr_array_header_t **result,
                                         apr_pool_t *p);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_FNMATCH_H */
