/*
 * apr_cstr.h: string helpers that work in the C (POSIX) locale whatever
 * the current one: ASCII case folding, splitting, strict number parsing.
 * Bytes outside ASCII are opaque octets, so UTF-8 text is safe.
 */
#ifndef APR_CSTR_H
#define APR_CSTR_H

/**
 * @file apr_cstr.h
 * @brief C string goodies.
 */

#include "apr.h"
#include "apr_pools.h"
#include "apr_tables.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_cstr C (POSIX) locale string functions
 * @ingroup apr_strings
 * @{
 */

/**
 * Split @a input at any of the characters of @a sep_chars.
 * @param chop_whitespace Non-zero to trim white space around each piece
 * @return A new array of const char * copies, allocated in @a pool; empty
 * pieces are left out, so the array may be empty
 * @since New in 1.6
 */
APR_DECLARE(apr_array_header_t *) apr_cstr_split(const char *input,
                                                 const char *sep_chars,
                                                 int chop_whitespace,
                                                 apr_pool_t *pool);

/**
 * apr_cstr_split() appending to an existing @a array; the pieces are
 * copied into @a pool.
 * @since New in 1.6
 */
APR_DECLARE(void) apr_cstr_split_append(apr_array_header_t *array,
                                        const char *input,
                                        const char *sep_chars,
                                        int chop_whitespace,
                                        apr_pool_t *pool);

/**
 * Whether @a str matches one of the apr_fnmatch() patterns (flags 0) of
 * @a list, an array of const char *.
 * @since New in 1.6
 */
APR_DECLARE(int) apr_cstr_match_glob_list(const char *str,
                                          const apr_array_header_t *list);

/**
 * Whether @a str equals one of the strings of @a list.
 * @since New in 1.6
 */
APR_DECLARE(int) apr_cstr_match_list(const char *str,
                                     const apr_array_header_t *list);

/**
 * The next token of @a *str, separated by any character of @a sep;
 * leading separators are skipped. The separator after the token is
 * overwritten with a NUL and @a *str advanced past it.
 * @return The token, or NULL when none is left
 * @since New in 1.6
 */
APR_DECLARE(char *) apr_cstr_tokenize(const char *sep, char **str);

/**
 * The number of line breaks in @a msg: LF, CR, CRLF and LFCR each count
 * once, mixed freely.
 * @since New in 1.6
 */
APR_DECLARE(int) apr_cstr_count_newlines(const char *msg);

/**
 * Compare two strings ignoring the case of the 26 ASCII letters only.
 * @return <0, 0 or >0 like strcmp
 * @since New in 1.6
 */
APR_DECLARE(int) apr_cstr_casecmp(const char *str1, const char *str2);

/**
 * apr_cstr_casecmp() on at most @a n characters.
 * @since New in 1.6
 */
APR_DECLARE(int) apr_cstr_casecmpn(const char *str1, const char *str2,
                                   apr_size_t n);

/**
 * Parse all of @a str as a 64-bit integer in @a base (0: "0x" hex, "0"
 * octal, else decimal), after optional white space and sign.
 * @return APR_SUCCESS with the value in @a *n, APR_EINVAL when @a str is
 * not entirely a number, APR_ERANGE on overflow or outside
 * [@a minval, @a maxval]
 * @since New in 1.6
 */
APR_DECLARE(apr_status_t) apr_cstr_strtoi64(apr_int64_t *n, const char *str,
                                            apr_int64_t minval,
                                            apr_int64_t maxval,
                                            int base);

/**
 * apr_cstr_strtoi64() in base 10 over the whole apr_int64_t range.
 * @since New in 1.6
 */
APR_DECLARE(apr_status_t) apr_cstr_atoi64(apr_int64_t *n, const char *str);

/**
 * apr_cstr_strtoi64() in base 10 over the 32-bit range.
 * @since New in 1.6
 */
APR_DECLARE(apr_status_t) apr_cstr_atoi(int *n, const char *str);

/**
 * apr_cstr_strtoi64() for an unsigned result. Negative numbers and, as in
 * APR, values above APR_INT64_MAX give APR_ERANGE.
 * @since New in 1.6
 */
APR_DECLARE(apr_status_t) apr_cstr_strtoui64(apr_uint64_t *n, const char *str,
                                             apr_uint64_t minval,
                                             apr_uint64_t maxval,
                                             int base);

/**
 * apr_cstr_strtoui64() in base 10 (values up to APR_INT64_MAX).
 * @since New in 1.6
 */
APR_DECLARE(apr_status_t) apr_cstr_atoui64(apr_uint64_t *n, const char *str);

/**
 * apr_cstr_strtoui64() in base 10 over the unsigned 32-bit range.
 * @since New in 1.6
 */
APR_DECLARE(apr_status_t) apr_cstr_atoui(unsigned int *n, const char *str);

/**
 * The rest of @a str after @a prefix, or NULL when @a str does not start
 * with @a prefix.
 * @since New in 1.6
 */
APR_DECLARE(const char *) apr_cstr_skip_prefix(const char *str,
                                               const char *prefix);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_CSTR_H */
