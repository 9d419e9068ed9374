/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * mod_status_auto.c: the ?auto report, one "Key: value" per line. The
 * keys, their order and the number formats are Apache's: monitoring
 * tools parse them (collectd, munin, exporters).
 */
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_protocol.h"
#include "scoreboard.h"
#include "mod_status_private.h"

APLOG_USE_MODULE(status);

/* The header lines shared with the HTML page, as Key: value. */
static void auto_identity(request_rec *r, const ap__status_t *st)
{
    ap_rvputs(r, ap_get_server_name(r), "\n",
              "ServerVersion: ", ap_get_server_description(), "\n",
              "ServerMPM: ", ap_show_mpm(), "\n",
              "Server Built: ", ap_get_server_built(), "\n",
              "CurrentTime: ",
              ap_ht_time(r->pool, st->now, AP__STATUS_TIME_FORMAT, 0), "\n",
              "RestartTime: ",
              ap_ht_time(r->pool, st->restart_time, AP__STATUS_TIME_FORMAT, 0),
              "\n", NULL);
    ap_rprintf(r, "ParentServerConfigGeneration: %d\n"
                  "ParentServerMPMGeneration: %d\n"
                  "ServerUptimeSeconds: %ld\n"
                  "ServerUptime:",
               st->config_generation, st->mpm_generation, st->uptime);
    ap__status_put_uptime(r, st->uptime);
    ap_rprintf(r, "\nLoad1: %.2f\nLoad5: %.2f\nLoad15: %.2f\n",
               (double)st->load.loadavg, (double)st->load.loadavg5,
               (double)st->load.loadavg15);
}

/* Rates are computed on whole kilobytes, as Apache's are. */
static void auto_traffic(request_rec *r, const ap__status_t *st)
{
    apr_off_t kbytes = st->bytes >> 10;
    double bytes = 1024.0 * (double)kbytes;
    long dur_ms = (long)apr_time_as_msec(st->duration);

    ap_rprintf(r, "Total Accesses: %lu\nTotal kBytes: %" APR_OFF_T_FMT "\n"
                  "Total Duration: %ld\n",
               st->count, kbytes, dur_ms);
    ap__status_auto_cpu(r, st);
    ap_rprintf(r, "Uptime: %ld\n", st->uptime);
    if (st->uptime > 0) {
        ap_rprintf(r, "ReqPerSec: %g\nBytesPerSec: %g\n",
                   (double)st->count / (double)st->uptime,
                   bytes / (double)st->uptime);
    }
    if (st->count > 0) {
        ap_rprintf(r, "BytesPerReq: %g\nDurationPerReq: %g\n",
                   bytes / (double)st->count,
                   (double)dur_ms / (double)st->count);
    }
}

static void auto_workers(request_rec *r, const ap__status_t *st)
{
    apr_size_t i, n;
    char *line;

    ap_rprintf(r, "BusyWorkers: %d\nGracefulWorkers: %d\nIdleWorkers: %d\n",
               st->busy, st->graceful, st->idle);
    if (st->is_async) {
        ap_rprintf(r, "Processes: %d\nStopping: %d\nConnsTotal: %u\n"
                      "ConnsAsyncWaitIO: %u\nConnsAsyncWriting: %u\n"
                      "ConnsAsyncKeepAlive: %u\nConnsAsyncClosing: %u\n",
                   st->nprocs, st->stopping, st->conns, st->wait_io,
                   st->writing, st->keep_alive, st->closing);
    }
    /* Slots the MPM will never use are left out. */
    n = (apr_size_t)st->server_limit * (apr_size_t)st->thread_limit;
    line = apr_palloc(r->pool, n + 1);
    for (i = 0, n = 0; st->flags[i]; i++) {
        if (st->flags[i] != AP__STATUS_DISABLED) {
            line[n++] = st->flags[i];
        }
    }
    line[n] = '\0';
    ap_rvputs(r, "Scoreboard: ", line, "\n", NULL);
}

void ap__status_auto(request_rec *r, const ap__status_t *st)
{
    auto_identity(r, st);
    if (ap_extended_status) {
        auto_traffic(r, st);
    }
    auto_workers(r, st);
}
