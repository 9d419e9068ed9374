/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file os/unix/os.h
 * @brief What the unix build of the server knows about its platform.
 * Every server source includes it (through ap_config.h).
 */
#ifndef APACHE_OS_H
#define APACHE_OS_H

#include <time.h>

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

/* CPU times: the scoreboard keeps them per worker and for the parent
 * (worker_score.times, global_score.times), as Apache does where times()
 * exists, so that mod_status can show CPU usage. */
#ifndef HAVE_TIMES
#define HAVE_TIMES 1
#endif

/** CPU times in clock ticks, with the fields and layout of POSIX's
 *  struct tms. Not struct tms itself: <sys/times.h> would then reach every
 *  source through scoreboard.h, and only os/ may include system headers
 *  (its times() declaration also takes a common name from everyone). */
typedef struct ap_os_tms {
    clock_t tms_utime;          /**< user CPU of the process */
    clock_t tms_stime;          /**< system CPU of the process */
    clock_t tms_cutime;         /**< user CPU of its reaped children */
    clock_t tms_cstime;         /**< system CPU of its reaped children */
} ap_os_tms_t;

/** Store this process's CPU times in @a t (zeroes on failure). */
AP_DECLARE(void) ap_os_get_times(ap_os_tms_t *t);

/** Clock ticks per second: the unit of ap_os_tms_t. */
AP_DECLARE(long) ap_os_clock_ticks(void);

#endif /* APACHE_OS_H */
