/*
 * apr_version.h: the APR interface version this library implements.
 *
 * The numbers name the APR release whose API and behaviour the library
 * follows (APR 1.7), not this project's own release number.
 */
#ifndef APR_VERSION_H
#define APR_VERSION_H

/**
 * @defgroup apr_version Version Checking
 * @ingroup APR
 * @{
 */

/** The copyright line programs may print with the version. */
#define APR_COPYRIGHT "Copyright (c) the apr-httpd authors; " \
                      "APR 1.7 interface"

/** Major version: incompatible API changes. */
#define APR_MAJOR_VERSION       1
/** Minor version: compatible additions. */
#define APR_MINOR_VERSION       7
/** Patch level: fixes only. */
#define APR_PATCH_VERSION       4

/**
 * True when the library's version is at least major.minor.patch, for
 * compile-time feature tests.
 */
#define APR_VERSION_AT_LEAST(major, minor, patch)                          \
    (((major) < APR_MAJOR_VERSION)                                         \
     || ((major) == APR_MAJOR_VERSION && (minor) < APR_MINOR_VERSION)      \
     || ((major) == APR_MAJOR_VERSION && (minor) == APR_MINOR_VERSION      \
         && (patch) <= APR_PATCH_VERSION))

/* APR_IS_DEV_VERSION is left undefined: this is a release interface. */
#if defined(APR_IS_DEV_VERSION)
#ifndef APR_IS_DEV_STRING
#define APR_IS_DEV_STRING "-dev"
#endif
#else
/** "-dev" in a development version, empty in a release. */
#define APR_IS_DEV_STRING ""
#endif

#ifndef APR_STRINGIFY
#define APR_STRINGIFY(n) APR_STRINGIFY_HELPER(n)
#define APR_STRINGIFY_HELPER(n) #n
#endif

/** The version as a string, e.g. "1.7.4". */
#define APR_VERSION_STRING                                                 \
    APR_STRINGIFY(APR_MAJOR_VERSION) "."                                   \
    APR_STRINGIFY(APR_MINOR_VERSION) "."                                   \
    APR_STRINGIFY(APR_PATCH_VERSION) APR_IS_DEV_STRING

/** The version as comma-separated numbers, for Windows resource files. */
#define APR_VERSION_STRING_CSV APR_MAJOR_VERSION ##, \
                             ##APR_MINOR_VERSION ##, \
                             ##APR_PATCH_VERSION

/** @} */

#ifndef APR_VERSION_ONLY

#include "apr.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A version as numbers. */
typedef struct {
    int major;      /**< incompatible API changes */
    int minor;      /**< compatible additions */
    int patch;      /**< fixes */
    int is_dev;     /**< 1 in a development version, else 0 */
} apr_version_t;

/**
 * The version of the library the program runs with (which may differ from
 * the headers it was compiled with).
 * @param pvsn Filled in.
 */
APR_DECLARE(void) apr_version(apr_version_t *pvsn);

/** The version of the library the program runs with, as a string. */
APR_DECLARE(const char *) apr_version_string(void);

#ifdef __cplusplus
}
#endif

#endif /* APR_VERSION_ONLY */

#endif /* APR_VERSION_H */
