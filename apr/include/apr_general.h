/*
 * apr_general.h: start-up and shut-down of the library, and the small
 * macros every APR program uses.
 */
#ifndef APR_GENERAL_H
#define APR_GENERAL_H

#include "apr.h"
#include "apr_pools.h"
#include "apr_errno.h"

#if APR_HAVE_SIGNAL_H
#include <signal.h>
#endif
#if APR_HAVE_STDDEF_H
#include <stddef.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_general Miscellaneous library routines
 * @ingroup APR
 * @{
 */

#ifndef FALSE
#define FALSE 0
#endif
#ifndef TRUE
#define TRUE (!FALSE)
#endif

/** The ASCII space, carriage return, line feed and tab, whatever the
 * execution character set. */
#define APR_ASCII_BLANK  '\040'
#define APR_ASCII_CR     '\015'
#define APR_ASCII_LF     '\012'
#define APR_ASCII_TAB    '\011'

/** A signal number. */
typedef int apr_signum_t;

/**
 * The offset of `field` in the structure that `p_type` points to, as a
 * long. Prefer APR_OFFSETOF.
 */
#define APR_OFFSET(p_type, field) \
    ((long)(((char *)(&(((p_type)NULL)->field))) - ((char *)NULL)))

/** The offset of `field` in the structure type `s_type`. */
#if defined(offsetof) && !defined(__cplusplus)
#define APR_OFFSETOF(s_type, field) offsetof(s_type, field)
#else
#define APR_OFFSETOF(s_type, field) APR_OFFSET(s_type *, field)
#endif

#if !APR_HAVE_STRCASECMP && APR_HAVE_STRICMP
#define strcasecmp(s1, s2) stricmp(s1, s2)
#endif
#if !APR_HAVE_STRNCASECMP && APR_HAVE_STRNICMP
#define strncasecmp(s1, s2, n) strnicmp(s1, s2, n)
#endif

/** Round `size` up to a multiple of `boundary`, which must be a power of 2. */
#define APR_ALIGN(size, boundary) \
    (((size) + ((boundary) - 1)) & ~((boundary) - 1))

/** Round `size` up to APR's default alignment (8 bytes). */
#define APR_ALIGN_DEFAULT(size) APR_ALIGN(size, 8)

#ifndef APR_STRINGIFY
/** The argument, macro-expanded, as a string literal. */
#define APR_STRINGIFY(n) APR_STRINGIFY_HELPER(n)
#define APR_STRINGIFY_HELPER(n) #n
#endif

/**
 * Set up the library: call it once before any other APR function. It may
 * be called again; each call needs a matching apr_terminate().
 * @return APR_SUCCESS, or why the global pool could not be made.
 */
APR_DECLARE(apr_status_t) apr_initialize(void);

/**
 * apr_initialize() for a program's main(): on platforms whose arguments or
 * environment are not in the library's encoding it may replace *argc,
 * *argv and *env (here it leaves them as they are).
 * @param argc Pointer to main's argc.
 * @param argv Pointer to main's argv.
 * @param env Pointer to the environment, or NULL.
 */
APR_DECLARE(apr_status_t) apr_app_initialize(int *argc,
                                             char const *const **argv,
                                             char const *const **env);

/**
 * Shut the library down: the matching call of apr_initialize(). The last
 * one destroys the global pool and every pool below it. Suitable for
 * atexit().
 */
APR_DECLARE_NONSTD(void) apr_terminate(void);

/** apr_terminate() with the platform's normal calling convention. */
APR_DECLARE(void) apr_terminate2(void);

#if APR_HAS_RANDOM
/**
 * Fill a buffer with bytes from the system's cryptographically strong
 * random source.
 * @param buf Where the bytes go.
 * @param length How many.
 * @return APR_SUCCESS, or the error of the random source.
 */
APR_DECLARE(apr_status_t) apr_generate_random_bytes(unsigned char *buf,
                                                    apr_size_t length);
#endif

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_GENERAL_H */
