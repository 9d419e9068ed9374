/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/* Server load summarised from the scoreboard (ap_get_sload). */
#include "util_private.h"
#include "ap_mpm.h"
#include "scoreboard.h"

/* Count one worker slot of a live process of the current generation. */
static void count_worker(ap_sload_t *ld, const process_score *ps,
                         const worker_score *ws, ap_generation_t gen,
                         int *ready, int *busy)
{
    int res = ws->status;

    if (ps->quiescing || !ps->pid)
        return;
    if (ps->generation == gen) {
        if (res == SERVER_READY)
            (*ready)++;
        else if (res != SERVER_DEAD && res != SERVER_STARTING
                 && res != SERVER_IDLE_KILL)
            (*busy)++;
    }
    if (ap_extended_status
        && (ws->access_count != 0
            || (res != SERVER_READY && res != SERVER_DEAD))) {
        ld->access_count += ws->access_count;
        ld->bytes_served += (apr_off_t)ws->bytes_served;
    }
}

AP_DECLARE(void) ap_get_sload(ap_sload_t *ld)
{
    int server_limit = 0, thread_limit = 0, ready = 0, busy = 0, i, j;
    ap_generation_t gen = 0;

    ld->idle = -1;
    ld->busy = -1;
    ld->bytes_served = 0;
    ld->access_count = 0;
    if (ap_scoreboard_image == NULL)
        return;
    ap_mpm_query(AP_MPMQ_GENERATION, &gen);
    ap_mpm_query(AP_MPMQ_HARD_LIMIT_THREADS, &thread_limit);
    ap_mpm_query(AP_MPMQ_HARD_LIMIT_DAEMONS, &server_limit);
    for (i = 0; i < server_limit; i++) {
        process_score *ps = ap_get_scoreboard_process(i);

        for (j = 0; j < thread_limit; j++)
            count_worker(ld, ps, &ap_scoreboard_image->servers[i][j], gen,
                         &ready, &busy);
    }
    if (ready + busy) {
        ld->idle = ready * 100 / (ready + busy);
        ld->busy = busy * 100 / (ready + busy);
    }
}
