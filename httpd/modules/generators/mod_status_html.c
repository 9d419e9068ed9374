/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * mod_status_html.c: the top of the HTML status page: server identity
 * and counters, the event MPM's per-process connection table, the
 * scoreboard grid with its key and, without ExtendedStatus, which
 * process owns which slot. The markup follows Apache's page so that
 * scrapers written for it keep working.
 */
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_protocol.h"
#include "scoreboard.h"
#include "mod_status_private.h"

APLOG_USE_MODULE(status);

/* Characters per line of the scoreboard grid. */
#define GRID_WIDTH 64

#define KBYTE 1024.0
#define MBYTE (1024.0 * 1024.0)
#define GBYTE (1024.0 * 1024.0 * 1024.0)

void ap__status_put_uptime(request_rec *r, long secs)
{
    static const struct { const char *unit; long size; } units[] = {
        { "day", 86400 }, { "hour", 3600 }, { "minute", 60 }, { "second", 1 }
    };
    apr_size_t i;

    for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        long n = secs / units[i].size;

        secs %= units[i].size;
        if (n) {
            ap_rprintf(r, " %ld %s%s", n, units[i].unit, n == 1 ? "" : "s");
        }
    }
}

/* A byte rate: whole bytes when small, then one decimal. */
static void put_bytes(request_rec *r, double bytes)
{
    if (bytes < 5 * KBYTE) {
        ap_rprintf(r, "%d B", (int)bytes);
    }
    else if (bytes < 5 * MBYTE) {
        ap_rprintf(r, "%.1f kB", bytes / KBYTE);
    }
    else if (bytes < 5 * GBYTE) {
        ap_rprintf(r, "%.1f MB", bytes / MBYTE);
    }
    else {
        ap_rprintf(r, "%.1f GB", bytes / GBYTE);
    }
}

static void put_kbytes(request_rec *r, apr_off_t kb)
{
    if (kb < 1024) {
        ap_rprintf(r, "%d kB", (int)kb);
    }
    else if (kb < 1024 * 1024) {
        ap_rprintf(r, "%.1f MB", (double)kb / KBYTE);
    }
    else {
        ap_rprintf(r, "%.1f GB", (double)kb / MBYTE);
    }
}

static void html_identity(request_rec *r, const ap__status_t *st)
{
    ap_rvputs(r, "<dl><dt>Server Version: ",
              ap_escape_html(r->pool, ap_get_server_description()),
              "</dt>\n<dt>Server MPM: ", ap_show_mpm(),
              "</dt>\n<dt>Server Built: ",
              ap_escape_html(r->pool, ap_get_server_built()),
              "\n</dt></dl><hr /><dl>\n<dt>Current Time: ",
              ap_ht_time(r->pool, st->now, AP__STATUS_TIME_FORMAT, 0),
              "</dt>\n<dt>Restart Time: ",
              ap_ht_time(r->pool, st->restart_time, AP__STATUS_TIME_FORMAT, 0),
              "</dt>\n", NULL);
    ap_rprintf(r, "<dt>Parent Server Config. Generation: %d</dt>\n"
                  "<dt>Parent Server MPM Generation: %d</dt>\n"
                  "<dt>Server uptime: ",
               st->config_generation, st->mpm_generation);
    ap__status_put_uptime(r, st->uptime);
    ap_rprintf(r, "</dt>\n<dt>Server load: %.2f %.2f %.2f</dt>\n",
               (double)st->load.loadavg, (double)st->load.loadavg5,
               (double)st->load.loadavg15);
}

static void html_traffic(request_rec *r, const ap__status_t *st)
{
    apr_off_t kbytes = st->bytes >> 10;
    double bytes = KBYTE * (double)kbytes;
    long dur_ms = (long)apr_time_as_msec(st->duration);

    ap_rprintf(r, "<dt>Total accesses: %lu - Total Traffic: ", st->count);
    put_kbytes(r, kbytes);
    ap_rprintf(r, " - Total Duration: %ld</dt>\n", dur_ms);
    ap__status_html_cpu(r, st);
    ap_rputs("<dt>", r);
    if (st->uptime > 0) {
        ap_rprintf(r, "%.3g requests/sec - ",
                   (double)st->count / (double)st->uptime);
        put_bytes(r, bytes / (double)st->uptime);
        ap_rputs("/second - ", r);
    }
    if (st->count > 0) {
        put_bytes(r, bytes / (double)st->count);
        ap_rprintf(r, "/request - %.3g ms/request",
                   (double)dur_ms / (double)st->count);
    }
    ap_rputs("</dt>\n", r);
}

static void html_process_row(request_rec *r, const ap__status_t *st, int i)
{
    process_score *ps = ap_get_scoreboard_process(i);
    const ap__status_proc_t *pt = &st->procs[i];

    if (!ps || !ps->pid) {
        return;
    }
    ap_rprintf(r, "<tr><td>%d</td><td>%" APR_PID_T_FMT "</td><td>%s%s</td>"
                  "<td>%u</td><td>%s</td><td>%d</td><td>%d</td><td>%d</td>"
                  "<td>%u</td><td>%u</td><td>%u</td><td>%u</td></tr>\n",
               i, ps->pid, ps->quiescing ? "yes" : "no",
               ps->generation != st->mpm_generation ? " (old gen)" : "",
               ps->connections, ps->not_accepting ? "no" : "yes",
               pt->busy, pt->graceful, pt->idle, ps->wait_io,
               ps->write_completion, ps->keep_alive, ps->lingering_close);
}

static void html_processes(request_rec *r, const ap__status_t *st)
{
    int i;

    ap_rputs("<table rules=\"all\" cellpadding=\"1%\">\n"
             "<tr><th rowspan=\"2\">Slot</th><th rowspan=\"2\">PID</th>"
             "<th rowspan=\"2\">Stopping</th>"
             "<th colspan=\"2\">Connections</th>\n"
             "<th colspan=\"3\">Threads</th>"
             "<th colspan=\"4\">Async connections</th></tr>\n"
             "<tr><th>total</th><th>accepting</th><th>busy</th>"
             "<th>graceful</th><th>idle</th><th>wait-io</th>"
             "<th>writing</th><th>keep-alive</th><th>closing</th></tr>\n",
             r);
    for (i = 0; i < st->server_limit; i++) {
        html_process_row(r, st, i);
    }
    ap_rprintf(r, "<tr><td>Sum</td><td>%d</td><td>%d</td><td>%u</td>"
                  "<td>&nbsp;</td><td>%d</td><td>%d</td><td>%d</td>"
                  "<td>%u</td><td>%u</td><td>%u</td><td>%u</td></tr>\n"
                  "</table>\n",
               st->nprocs, st->stopping, st->conns, st->busy, st->graceful,
               st->idle, st->wait_io, st->writing, st->keep_alive,
               st->closing);
}

static void html_grid(request_rec *r, const ap__status_t *st)
{
    char line[GRID_WIDTH + 2];
    apr_size_t i, n = 0;

    ap_rputs("<pre>", r);
    for (i = 0; st->flags[i]; i++) {
        if (st->flags[i] == AP__STATUS_DISABLED) {
            continue;
        }
        line[n++] = st->flags[i];
        if (n == GRID_WIDTH) {
            line[n++] = '\n';
            ap_rwrite(line, (int)n, r);
            n = 0;
        }
    }
    if (n) {
        ap_rwrite(line, (int)n, r);
    }
    ap_rputs("</pre>\n", r);
}

static const char grid_key[] =
    "<p>Scoreboard Key:<br />\n"
    "\"<b><code>_</code></b>\" Waiting for Connection, \n"
    "\"<b><code>S</code></b>\" Starting up, \n"
    "\"<b><code>R</code></b>\" Reading Request,<br />\n"
    "\"<b><code>W</code></b>\" Sending Reply, \n"
    "\"<b><code>K</code></b>\" Keepalive (read), \n"
    "\"<b><code>D</code></b>\" DNS Lookup,<br />\n"
    "\"<b><code>C</code></b>\" Closing connection, \n"
    "\"<b><code>L</code></b>\" Logging, \n"
    "\"<b><code>G</code></b>\" Gracefully finishing,<br /> \n"
    "\"<b><code>I</code></b>\" Idle cleanup of worker, \n"
    "\"<b><code>.</code></b>\" Open slot with no current process<br />\n"
    "</p>\n";

/* Without ExtendedStatus the worker table is missing, so at least say
 * which process each used slot belongs to, three to a line. */
static void html_pid_key(request_rec *r, const ap__status_t *st)
{
    int i, j, k = 0;

    ap_rputs("PID Key: <br />\n<pre>\n", r);
    for (i = 0; i < st->server_limit; i++) {
        process_score *ps = ap_get_scoreboard_process(i);
        apr_int64_t pid = ps ? (apr_int64_t)ps->pid : 0;

        for (j = 0; j < st->thread_limit; j++) {
            char flag = st->flags[i * st->thread_limit + j];

            if (flag == '.') {
                continue;
            }
            ap_rprintf(r, "   %" APR_INT64_T_FMT " in state: %c ", pid, flag);
            if (++k >= 3) {
                ap_rputs("\n", r);
                k = 0;
            }
            else {
                ap_rputs(",", r);
            }
        }
    }
    ap_rputs("\n</pre>\n", r);
}

void ap__status_html_summary(request_rec *r, const ap__status_t *st)
{
    html_identity(r, st);
    if (ap_extended_status) {
        html_traffic(r, st);
    }
    ap_rprintf(r, "<dt>%d requests currently being processed, "
                  "%d workers gracefully restarting, %d idle workers</dt>\n"
                  "</dl>\n\n",
               st->busy, st->graceful, st->idle);
    if (st->is_async) {
        html_processes(r, st);
    }
    html_grid(r, st);
    ap_rputs(grid_key, r);
    if (!ap_extended_status) {
        html_pid_key(r, st);
    }
}
