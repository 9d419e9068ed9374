/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * os_times.c: CPU times for the scoreboard (mod_status's "CPU Usage").
 * APR has no call for them, so they come from times() here, the one
 * place allowed to use the operating system directly.
 */
#include <string.h>
#include <sys/times.h>
#include <unistd.h>

#include "os.h"

AP_DECLARE(void) ap_os_get_times(ap_os_tms_t *t)
{
    struct tms now;

    /* times() fails only for a bad pointer; the caller still gets
     * defined values. */
    if (times(&now) == (clock_t)-1) {
        memset(t, 0, sizeof(*t));
        return;
    }
    t->tms_utime = now.tms_utime;
    t->tms_stime = now.tms_stime;
    t->tms_cutime = now.tms_cutime;
    t->tms_cstime = now.tms_cstime;
}

AP_DECLARE(long) ap_os_clock_ticks(void)
{
    long n = sysconf(_SC_CLK_TCK);

    /* POSIX's historical value if the system will not say. */
    return n > 0 ? n : 100;
}
