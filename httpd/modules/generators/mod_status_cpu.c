/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * mod_status_cpu.c: the CPU figures. Each worker's slot holds the CPU
 * times (ap_os_tms_t, in clock ticks) of its process as they were at the
 * end of its last request; the parent's global record holds its own and
 * those of the children it reaped. The server's total is the parent's
 * plus, per live process, the largest times any of its workers saw. The
 * formats (%g, no leading zero) are Apache's: scrapers parse them.
 */
#include "httpd.h"
#include "http_config.h"
#include "http_protocol.h"
#include "scoreboard.h"
#include "mod_status_private.h"

APLOG_USE_MODULE(status);

#ifdef HAVE_TIMES

void ap__status_cpu_fold(ap_os_tms_t *proc, const worker_score *ws)
{
    const ap_os_tms_t *t = &ws->times;

    if (t->tms_utime > proc->tms_utime || t->tms_stime > proc->tms_stime
        || t->tms_cutime > proc->tms_cutime
        || t->tms_cstime > proc->tms_cstime) {
        *proc = *t;
    }
}

void ap__status_cpu_add(ap__status_t *st, const ap_os_tms_t *t)
{
    st->cpu.tms_utime += t->tms_utime;
    st->cpu.tms_stime += t->tms_stime;
    st->cpu.tms_cutime += t->tms_cutime;
    st->cpu.tms_cstime += t->tms_cstime;
}

static double ticks(void)
{
    return (double)ap_os_clock_ticks();
}

static double seconds(clock_t c)
{
    return (double)c / ticks();
}

static double total(const ap__status_t *st)
{
    return seconds(st->cpu.tms_utime) + seconds(st->cpu.tms_stime)
           + seconds(st->cpu.tms_cutime) + seconds(st->cpu.tms_cstime);
}

/* Percent of one CPU used since the restart; negative when there is
 * nothing to say (no CPU counted yet, or no time elapsed). */
static double load(const ap__status_t *st)
{
    double used = total(st);

    if (used <= 0 || st->uptime <= 0) {
        return -1;
    }
    return used / (double)st->uptime * 100.0;
}

double ap__status_worker_cpu(const worker_score *ws)
{
    const ap_os_tms_t *t = &ws->times;

    return seconds(t->tms_utime) + seconds(t->tms_stime)
           + seconds(t->tms_cutime) + seconds(t->tms_cstime);
}

void ap__status_auto_cpu(request_rec *r, const ap__status_t *st)
{
    double pct = load(st);

    ap_rprintf(r, "CPUUser: %g\nCPUSystem: %g\nCPUChildrenUser: %g\n"
                  "CPUChildrenSystem: %g\n",
               seconds(st->cpu.tms_utime), seconds(st->cpu.tms_stime),
               seconds(st->cpu.tms_cutime), seconds(st->cpu.tms_cstime));
    if (pct >= 0) {
        ap_rprintf(r, "CPULoad: %g\n", pct);
    }
}

void ap__status_html_cpu(request_rec *r, const ap__status_t *st)
{
    double pct = load(st);

    ap_rprintf(r, "<dt>CPU Usage: u%g s%g cu%g cs%g",
               seconds(st->cpu.tms_utime), seconds(st->cpu.tms_stime),
               seconds(st->cpu.tms_cutime), seconds(st->cpu.tms_cstime));
    if (pct >= 0) {
        ap_rprintf(r, " - %.3g%% CPU load", pct);
    }
    ap_rputs("</dt>\n", r);
}

#else /* !HAVE_TIMES: the platform cannot tell; the lines are left out. */

double ap__status_worker_cpu(const worker_score *ws)
{
    return 0;
}

void ap__status_auto_cpu(request_rec *r, const ap__status_t *st)
{
}

void ap__status_html_cpu(request_rec *r, const ap__status_t *st)
{
}

#endif
