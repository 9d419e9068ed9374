/*
 * apr_strings.h: strings allocated from pools, natural-order comparison,
 * tokenizing, number <-> text conversions and the snprintf family built on
 * apr_vformatter() (see apr_lib.h for the format extensions).
 */
#ifndef APR_STRINGS_H
#define APR_STRINGS_H

/**
 * @file apr_strings.h
 * @brief APR Strings library
 */

#include "apr.h"
#include "apr_errno.h"
#include "apr_pools.h"
#define APR_WANT_IOVEC
#include "apr_want.h"

#if APR_HAVE_STDARG_H
#include <stdarg.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_strings String routines
 * @ingroup APR
 * @{
 */

#if defined(__GNUC__) && (__GNUC__ > 4 || (__GNUC__ == 4 && __GNUC_MINOR__ >= 4))
#define APR__ALLOC_SIZE3 __attribute__((alloc_size(3)))
#else
#define APR__ALLOC_SIZE3
#endif

/**
 * Compare two strings in "natural" order: runs of digits compare by their
 * numeric value ("a2" < "a10"), leading spaces are ignored.
 * @return <0, 0 or >0 as @a a sorts before, with or after @a b
 */
APR_DECLARE(int) apr_strnatcmp(char const *a, char const *b);

/** apr_strnatcmp(), ignoring case. */
APR_DECLARE(int) apr_strnatcasecmp(char const *a, char const *b);

/**
 * Copy a string into pool memory.
 * @return The copy, or NULL when @a s is NULL
 */
APR_DECLARE(char *) apr_pstrdup(apr_pool_t *p, const char *s);

/**
 * Copy exactly @a n bytes of @a s into pool memory and add a NUL: faster
 * than apr_pstrndup() when @a s is known to hold at least @a n bytes.
 * (APR's header marks this alloc_size(3), which hides the NUL at [n]
 * from the compiler; we do not.)
 * @return The copy, or NULL when @a s is NULL
 */
APR_DECLARE(char *) apr_pstrmemdup(apr_pool_t *p, const char *s, apr_size_t n);

/**
 * Copy at most @a n characters of @a s (stopping at its NUL) into pool
 * memory, NUL-terminated; only the needed length is allocated.
 * @return The copy, or NULL when @a s is NULL
 */
APR_DECLARE(char *) apr_pstrndup(apr_pool_t *p, const char *s, apr_size_t n);

/**
 * Copy @a n bytes of memory into the pool.
 * @return The copy, or NULL when @a m is NULL
 */
APR_DECLARE(void *) apr_pmemdup(apr_pool_t *p, const void *m, apr_size_t n)
    APR__ALLOC_SIZE3;

/**
 * Concatenate strings into one pool allocation.
 * @param p The pool
 * @param ... The strings, ended by a NULL pointer
 * @return The new string ("" when there are none)
 */
APR_DECLARE_NONSTD(char *) apr_pstrcat(apr_pool_t *p, ...)
#if defined(__GNUC__) && __GNUC__ >= 4
    __attribute__((sentinel))
#endif
    ;

/**
 * Concatenate the @a nvec buffers of @a vec into one NUL-terminated pool
 * string.
 * @param nbytes If not NULL, receives the length of the result
 * @return The new string
 */
APR_DECLARE(char *) apr_pstrcatv(apr_pool_t *p, const struct iovec *vec,
                                 apr_size_t nvec, apr_size_t *nbytes);

/** Format into a new pool string (apr_vformatter() formats). */
APR_DECLARE(char *) apr_pvsprintf(apr_pool_t *p, const char *fmt, va_list ap);

/** Format into a new pool string (apr_vformatter() formats). */
APR_DECLARE_NONSTD(char *) apr_psprintf(apr_pool_t *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/**
 * Copy @a src into @a dst, writing at most @a dst_size bytes including the
 * NUL that always ends @a dst (unlike strncpy, no padding is written).
 * Nothing is written when @a dst_size is 0.
 * @return A pointer to the terminating NUL in @a dst (@a dst when
 * @a dst_size is 0), so that truncation can be detected
 */
APR_DECLARE(char *) apr_cpystrn(char *dst, const char *src,
                                apr_size_t dst_size);

/**
 * Copy @a src to @a dest without its white space; @a dest may be @a src.
 * @return A pointer to the NUL ending @a dest
 */
APR_DECLARE(char *) apr_collapse_spaces(char *dest, const char *src);

/**
 * Split a command line into a NULL-terminated argument vector. Arguments
 * are separated by spaces or tabs; an argument starting with a double or a
 * single quote runs to the matching quote; a backslash escapes the
 * following space, tab or quote, and backslashes are removed from the
 * results (a doubled backslash leaves one).
 * @param arg_str The command line
 * @param argv_out Receives the vector, allocated from @a token_context
 * @param token_context The pool
 * @return APR_SUCCESS
 */
APR_DECLARE(apr_status_t) apr_tokenize_to_argv(const char *arg_str,
                                               char ***argv_out,
                                               apr_pool_t *token_context);

/**
 * Reentrant strtok: return the next token of @a str delimited by any run
 * of the characters in @a sep, or NULL when there is none.
 * @param str The string on the first call, NULL on the following ones
 * @param sep The delimiters
 * @param last State between calls: after a call it points just past the
 * delimiter that ended the token, or at the NUL ending the last token
 */
APR_DECLARE(char *) apr_strtok(char *str, const char *sep, char **last);

/**
 * @defgroup APR_Strings_Snprintf snprintf implementations
 * snprintf on top of apr_vformatter(). Formatting stops as soon as the
 * buffer is full (later %n are not processed). The buffer is always
 * NUL-terminated when @a len > 0 and the result is the number of characters
 * stored, without the NUL: at most len - 1. When @a len is 0, @a buf may be
 * NULL and the result is the length the complete output would have. The
 * result is never negative.
 * @{
 */

/** snprintf with the apr_vformatter() formats. */
APR_DECLARE_NONSTD(int) apr_snprintf(char *buf, apr_size_t len,
                                     const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/** vsnprintf with the apr_vformatter() formats. */
APR_DECLARE(int) apr_vsnprintf(char *buf, apr_size_t len, const char *format,
                               va_list ap);
/** @} */

/** The decimal text of @a n, allocated from @a p. */
APR_DECLARE(char *) apr_itoa(apr_pool_t *p, int n);

/** The decimal text of @a n, allocated from @a p. */
APR_DECLARE(char *) apr_ltoa(apr_pool_t *p, long n);

/** The decimal text of @a n, allocated from @a p. */
APR_DECLARE(char *) apr_off_t_toa(apr_pool_t *p, apr_off_t n);

/**
 * Parse an apr_off_t as strtol() does: optional white space, sign, "0x"
 * when @a base is 0 or 16, digits of @a base (2..36, or 0 for automatic).
 * @param offset Receives the value
 * @param end If not NULL, receives a pointer to the first unparsed char
 * @return APR_SUCCESS, or the errno strtol set (ERANGE on overflow, EINVAL
 * for a bad base)
 */
APR_DECLARE(apr_status_t) apr_strtoff(apr_off_t *offset, const char *buf,
                                      char **end, int base);

/**
 * Parse a 64-bit integer as strtoll() does.
 * @return The value; errno is 0 on success and ERANGE on overflow (the
 * result is then APR_INT64_MIN or APR_INT64_MAX)
 */
APR_DECLARE(apr_int64_t) apr_strtoi64(const char *buf, char **end, int base);

/** apr_strtoi64(buf, NULL, 10). */
APR_DECLARE(apr_int64_t) apr_atoi64(const char *buf);

/**
 * Write @a size in binary units as four characters: "999 ", "1.0K",
 * "9.9M", " 10G"... (units K M G T P E); negative sizes give "  - ".
 * @param buf At least 5 bytes
 * @return @a buf
 */
APR_DECLARE(char *) apr_strfsize(apr_off_t size, char *buf);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_STRINGS_H */
