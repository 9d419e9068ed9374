/*
 * apr_strmatch.h: searching for one fixed substring many times.
 *
 * A pattern is compiled once (Boyer-Moore-Horspool: its shift table lives
 * in the pool) and then searched for with apr_strmatch() in any number of
 * buffers. The compiled pattern is read-only: threads may share it.
 */
#ifndef APR_STRMATCH_H
#define APR_STRMATCH_H

/**
 * @file apr_strmatch.h
 * @brief APR-UTIL string matching routines
 */

#include "apu.h"
#include "apr_pools.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_Util_StrMatch String matching routines
 * @ingroup APR_Util
 * @{
 */

/** A compiled pattern (see apr_strmatch_precompile()). */
typedef struct apr_strmatch_pattern apr_strmatch_pattern;

/** A compiled pattern: what apr_strmatch() needs to search for it. */
struct apr_strmatch_pattern {
    /** The search function apr_strmatch() calls. */
    const char *(*compare)(const apr_strmatch_pattern *this_pattern,
                           const char *s, apr_size_t slen);
    /** The pattern, as given to apr_strmatch_precompile(). */
    const char *pattern;
    /** Its length in bytes. */
    apr_size_t length;
    /** Data private to @a compare (the shift table). */
    void *context;
};

#if defined(DOXYGEN)
/**
 * Find the first occurrence of a compiled pattern in a buffer.
 * @param pattern The compiled pattern
 * @param s The buffer (NULs in it are ordinary bytes)
 * @param slen The number of bytes of @a s to search
 * @return The start of the first match in @a s, or NULL if there is none;
 *         an empty pattern matches at @a s
 */
APU_DECLARE(const char *) apr_strmatch(const apr_strmatch_pattern *pattern,
                                       const char *s, apr_size_t slen);
#else
#define apr_strmatch(pattern, s, slen) \
    (*((pattern)->compare))((pattern), (s), (slen))
#endif

/**
 * Compile a pattern for apr_strmatch().
 * @param p The pool the compiled pattern (and its table) live in
 * @param s The pattern, NUL-terminated; it must outlive the compiled
 *          pattern, which points to it
 * @param case_sensitive Zero to match ASCII letters regardless of case
 * @return The compiled pattern, or NULL if it cannot be compiled
 */
APU_DECLARE(const apr_strmatch_pattern *) apr_strmatch_precompile(
        apr_pool_t *p, const char *s, int case_sensitive);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_STRMATCH_H */
