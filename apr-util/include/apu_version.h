/*
 * apu_version.h: the APR-util interface version this library implements
 * (APR-util 1.6), not this project's own release number.
 */
#ifndef APU_VERSION_H
#define APU_VERSION_H

/**
 * @defgroup APR_Util_Version Version Checking
 * @ingroup APR_Util
 * @{
 */

/** The copyright line programs may print with the version. */
#define APU_COPYRIGHT "Copyright (c) the apr-httpd authors; " \
                      "APR-util 1.6 interface"

/** Major version: incompatible API changes. */
#define APU_MAJOR_VERSION       1
/** Minor version: compatible additions. */
#define APU_MINOR_VERSION       6
/** Patch level: fixes only. */
#define APU_PATCH_VERSION       3

/* APU_IS_DEV_VERSION is left undefined: this is a release interface. */
#if defined(APU_IS_DEV_VERSION)
#ifndef APU_IS_DEV_STRING
#define APU_IS_DEV_STRING "-dev"
#endif
#else
/** "-dev" in a development version, empty in a release. */
#define APU_IS_DEV_STRING ""
#endif

#ifndef APU_STRINGIFY
/** The argument, macro-expanded, as a string literal. */
#define APU_STRINGIFY(n) APU_STRINGIFY_HELPER(n)
#define APU_STRINGIFY_HELPER(n) #n
#endif

/** The version as a string, e.g. "1.6.3". */
#define APU_VERSION_STRING                                                 \
    APU_STRINGIFY(APU_MAJOR_VERSION) "."                                   \
    APU_STRINGIFY(APU_MINOR_VERSION) "."                                   \
    APU_STRINGIFY(APU_PATCH_VERSION) APU_IS_DEV_STRING

/** The version as comma-separated numbers, for Windows resource files. */
#define APU_VERSION_STRING_CSV APU_MAJOR_VERSION ##, \
                             ##APU_MINOR_VERSION ##, \
                             ##APU_PATCH_VERSION

/** @} */

#ifndef APU_VERSION_ONLY

#include "apr_version.h"
#include "apu.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The version of the APR-util library the program runs with.
 * @param pvsn Filled in.
 */
APU_DECLARE(void) apu_version(apr_version_t *pvsn);

/** The version of the APR-util library the program runs with, as a string. */
APU_DECLARE(const char *) apu_version_string(void);

#ifdef __cplusplus
}
#endif

#endif /* APU_VERSION_ONLY */

#endif /* APU_VERSION_H */
