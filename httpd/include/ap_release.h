/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file ap_release.h
 * @brief The server's name and version, as reported in the Server header
 * (per ServerTokens) and by -v.
 */
#ifndef AP_RELEASE_H
#define AP_RELEASE_H

#include "apr_general.h" /* APR_STRINGIFY */

/** Copyright line printed by -v. */
#define AP_SERVER_COPYRIGHT \
    "Copyright 2026 The Apache Software Foundation."

/** Vendor, project and product names. The product is the first word of
 * the Server header: keep it as is, clients and tools look for it. */
#define AP_SERVER_BASEVENDOR  "Apache Software Foundation"
#define AP_SERVER_BASEPROJECT "Apache HTTP Server"
#define AP_SERVER_BASEPRODUCT "Apache"

/** The version, as numbers. */
#define AP_SERVER_MAJORVERSION_NUMBER 2
#define AP_SERVER_MINORVERSION_NUMBER 4
#define AP_SERVER_PATCHLEVEL_NUMBER   71
/** 1 in a development build: the version then ends in AP_SERVER_ADD_STRING. */
#define AP_SERVER_DEVBUILD_BOOLEAN    0

#if !AP_SERVER_DEVBUILD_BOOLEAN
#define AP_SERVER_ADD_STRING ""
#elif !defined(AP_SERVER_ADD_STRING)
#define AP_SERVER_ADD_STRING "-dev"
#endif

#ifndef APR_STRINGIFY
#define APR_STRINGIFY(n) APR_STRINGIFY_HELPER(n)
#define APR_STRINGIFY_HELPER(n) #n
#endif

/** The version, as strings ("2", "4", "71", "2.4", "2.4.71"). */
#define AP_SERVER_MAJORVERSION  APR_STRINGIFY(AP_SERVER_MAJORVERSION_NUMBER)
#define AP_SERVER_MINORVERSION  APR_STRINGIFY(AP_SERVER_MINORVERSION_NUMBER)
#define AP_SERVER_PATCHLEVEL    APR_STRINGIFY(AP_SERVER_PATCHLEVEL_NUMBER) \
                                AP_SERVER_ADD_STRING
#define AP_SERVER_MINORREVISION AP_SERVER_MAJORVERSION "." AP_SERVER_MINORVERSION
#define AP_SERVER_BASEREVISION  AP_SERVER_MINORREVISION "." AP_SERVER_PATCHLEVEL
/** "Apache/2.4.71" */
#define AP_SERVER_BASEVERSION   AP_SERVER_BASEPRODUCT "/" AP_SERVER_BASEREVISION
#define AP_SERVER_VERSION       AP_SERVER_BASEVERSION

/** The version as a comma-separated list of numbers (resource files). */
#define AP_SERVER_PATCHLEVEL_CSV AP_SERVER_MAJORVERSION_NUMBER, \
                                 AP_SERVER_MINORVERSION_NUMBER, \
                                 AP_SERVER_PATCHLEVEL_NUMBER

#endif /* AP_RELEASE_H */
