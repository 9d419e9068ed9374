/*
 * mpm_parent_spare.c: keeping idle workers between MinSpare and MaxSpare
 * (threads, or prefork's children). Too many: one child a pass leaves
 * gracefully through the pipe of death. Too few: 1 child is started,
 * then 2, 4 ... up to AP__MPM_MAX_SPAWN_RATE a pass (one pass a second)
 * while they stay too few; the rate drops back to 1 once they are not.
 */
#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"
#include "mpm_common.h"
#include "mpm_parent_private.h"
#include "listen_private.h"

/* In the executable, so that a restart (which unloads the MPM module)
 * does not lose them; ap__mpm_parent_spare_reset() starts afresh. */
static int spawn_rate = 1;
static int hold_off;
static int reported[AP__MPMP_N];

AP_DECLARE(ap__mpm_spare_e) ap__mpm_spare_decide(const ap__mpm_spare_in_t *in,
                                                 int *rate, int *hold,
                                                 int *spawn)
{
    int room;

    *spawn = 0;
    if (in->idle > in->max_spare && in->active > 1) {
        *rate = 1;
        return AP__MPM_SPARE_KILL_ONE;
    }
    if (in->active > 0 && in->idle >= in->min_spare) {
        *rate = 1;
        return AP__MPM_SPARE_KEEP;
    }
    room = in->active_limit - in->active;
    if (room > in->n_free) {
        room = in->n_free;
    }
    if (room <= 0) {
        *rate = 1;
        return AP__MPM_SPARE_FULL;
    }
    *spawn = *rate < room ? *rate : room;
    /* Twice as many next time if that was not enough, except just after
     * a graceful restart, when the old children are still leaving. */
    if (*hold > 0) {
        (*hold)--;
    }
    else if (*rate < AP__MPM_MAX_SPAWN_RATE) {
        *rate *= 2;
    }
    return AP__MPM_SPARE_SPAWN;
}

AP_DECLARE(void) ap__mpm_parent_spare_reset(int passes)
{
    int i;

    spawn_rate = 1;
    hold_off = passes;
    for (i = 0; i < AP__MPMP_N; i++) {
        reported[i] = 0;
    }
}

/* Say once per generation that no child could be started, and why. */
static void report_full(ap__mpm_parent_t *pp, const ap__mpm_census_t *cs)
{
    ap__mpm_parent_msg_e m = AP__MPMP_MAXCLIENTS;

    if (cs->active < pp->conf.active_limit && pp->tag[AP__MPMP_SB_FULL]) {
        m = AP__MPMP_SB_FULL;
    }
    else if (cs->idle > 0 && pp->tag[AP__MPMP_NEAR_MAXCLIENTS]) {
        m = AP__MPMP_NEAR_MAXCLIENTS;
    }
    if (reported[m] || !pp->tag[m]) {
        return;
    }
    reported[m] = 1;
    if (m == AP__MPMP_SB_FULL) {
        ap_log_error(AP__MPMP_MARK(pp), APLOG_ERR, 0, ap_server_conf,
                     "%sscoreboard is full, not at MaxRequestWorkers "
                     "(%d children of %d)", pp->tag[m], cs->active,
                     pp->conf.active_limit);
    }
    else if (m == AP__MPMP_NEAR_MAXCLIENTS) {
        ap_log_error(AP__MPMP_MARK(pp), APLOG_ERR, 0, ap_server_conf,
                     "%sserver is within MinSpareThreads of "
                     "MaxRequestWorkers, consider raising the "
                     "MaxRequestWorkers setting", pp->tag[m]);
    }
    else {
        ap_log_error(AP__MPMP_MARK(pp), APLOG_ERR, 0, ap_server_conf,
                     "%sserver reached MaxRequestWorkers setting, consider "
                     "raising the MaxRequestWorkers setting", pp->tag[m]);
    }
}

static void report_busy(ap__mpm_parent_t *pp, const ap__mpm_census_t *cs,
                        int spawn)
{
    int threaded = pp->is_threaded != AP_MPMQ_NOT_SUPPORTED;

    ap_log_error(AP__MPMP_MARK(pp), APLOG_INFO, 0, ap_server_conf,
                 "%sserver seems busy, (you may need to increase %s), "
                 "spawning %d children, there are %d idle%s, and %d total "
                 "children", AP__MPMP_TAG(pp, AP__MPMP_BUSY),
                 threaded ? "StartServers, ThreadsPerChild or "
                            "Min/MaxSpareThreads"
                          : "StartServers, or Min/MaxSpareServers",
                 spawn, cs->idle, threaded ? " threads" : "", cs->active);
}

static void kill_one(ap__mpm_parent_t *pp)
{
    /* Through the pipe, so that a child which just took a connection
     * finishes it first. */
    if (pp->podx) {
        ap_mpm_podx_signal(*pp->podx, AP_MPM_PODX_GRACEFUL);
    }
    else {
        ap_mpm_pod_signal(*pp->pod);
    }
}

AP_DECLARE(void) ap__mpm_parent_spare(ap__mpm_parent_t *pp)
{
    ap__mpm_census_t cs;
    ap__mpm_spare_in_t in;
    int rate = spawn_rate, spawn, i;

    ap__mpm_parent_census(pp, &cs);
    if (cs.used_slots > ap__mpm_parent_max_daemons()) {
        ap__mpm_parent_set_max_daemons(cs.used_slots);
    }
    in.idle = cs.idle;
    in.active = cs.active;
    in.n_free = cs.n_free;
    in.min_spare = pp->conf.min_spare;
    in.max_spare = pp->conf.max_spare;
    in.active_limit = pp->conf.active_limit;
    switch (ap__mpm_spare_decide(&in, &spawn_rate, &hold_off, &spawn)) {
    case AP__MPM_SPARE_KILL_ONE:
        kill_one(pp);
        break;
    case AP__MPM_SPARE_FULL:
        report_full(pp, &cs);
        break;
    case AP__MPM_SPARE_SPAWN:
        if (rate >= 8) {
            report_busy(pp, &cs, spawn);
        }
        for (i = 0; i < spawn; i++) {
            if (ap__mpm_parent_make_child(pp, cs.free[i]) < 0) {
                break;
            }
        }
        break;
    case AP__MPM_SPARE_KEEP:
        break;
    }
    /* A listener bucket left without a child (a spare one stopped was its
     * last): the connections the kernel gives it would wait. */
    if (cs.active < pp->conf.active_limit) {
        int slot = ap__listen_orphan_slot(pp->conf.slot_limit);
        if (slot >= 0) {
            ap__mpm_parent_make_child(pp, slot);
        }
    }
}
