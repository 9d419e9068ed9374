/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file os/unix/os.h
 * @brief What the unix build of the server knows about its platform.
 * Every server source includes it (through ap_config.h).
 */
#ifndef APACHE_OS_H
#define APACHE_OS_H

#include "apr.h"
#include "ap_config.h"

/** The platform name shown by -V. */
#ifndef PLATFORM
#define PLATFORM "Unix"
#endif

/** Mutexes created by the root parent must be made usable by the
 * unprivileged children (ap_unixd_set_*_mutex_perms). */
#define AP_NEED_SET_MUTEX_PERMS 1

/** The core's rewrite_args hook handles -k through this function. */
#define AP_PLATFORM_REWRITE_ARGS_HOOK ap_mpm_rewrite_args

#endif /* APACHE_OS_H */
