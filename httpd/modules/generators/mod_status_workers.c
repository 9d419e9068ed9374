/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * mod_status_workers.c: the ExtendedStatus part of the HTML page, one
 * entry per worker slot that has served something or is busy: a table,
 * or with ?notable the same facts as plain paragraphs. Slot contents
 * are copied first (ap_copy_scoreboard_worker) so that a worker writing
 * its slot meanwhile cannot hand us an unterminated string; everything
 * client-supplied is HTML-escaped.
 */
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_protocol.h"
#include "scoreboard.h"
#include "mod_status_private.h"

APLOG_USE_MODULE(status);

#define KBYTE 1024.0
#define MBYTE (1024.0 * 1024.0)

/* One slot, with the figures both layouts print. */
typedef struct {
    int srv, gen;
    const char *pid;            /* "-" for a dead slot */
    worker_score ws;
    long since_used;            /* seconds */
    long req_ms;                /* last request */
    long dur_ms;                /* all requests */
} slot_view;

static const char *table_mode(int state)
{
    static const char *const modes[SERVER_NUM_STATUS] = {
        ".", "S", "_", "<b>R</b>", "<b>W</b>", "<b>K</b>", "<b>L</b>",
        "<b>D</b>", "<b>C</b>", "G", "I"
    };

    return (state >= 0 && state < SERVER_NUM_STATUS) ? modes[state] : "?";
}

static const char *notable_mode(int state)
{
    static const char *const modes[SERVER_NUM_STATUS] = {
        "Dead", "Starting", "Ready", "<b>Read</b>", "<b>Write</b>",
        "<b>Keepalive</b>", "<b>Logging</b>", "<b>DNS lookup</b>",
        "<b>Closing</b>", "Graceful", "Dying"
    };

    return (state >= 0 && state < SERVER_NUM_STATUS) ? modes[state]
                                                     : "?STATE?";
}

/* Fill @a v from slot (i, j); 0 when the slot has nothing to show. */
static int view_slot(request_rec *r, const ap__status_t *st, int i, int j,
                     slot_view *v)
{
    process_score *ps = ap_get_scoreboard_process(i);
    apr_time_t req;

    ap_copy_scoreboard_worker(&v->ws, i, j);
    if (!ps || (v->ws.access_count == 0
                && (v->ws.status == SERVER_READY
                    || v->ws.status == SERVER_DEAD))) {
        return 0;
    }
    v->srv = i;
    v->gen = ps->generation;
    v->pid = v->ws.status == SERVER_DEAD
             ? "-" : apr_psprintf(r->pool, "%" APR_PID_T_FMT, ps->pid);
    v->since_used = v->ws.last_used
                    ? (long)apr_time_sec(st->now - v->ws.last_used) : 0;
    req = v->ws.start_time ? v->ws.stop_time - v->ws.start_time : 0;
    v->req_ms = req > 0 ? (long)apr_time_as_msec(req) : 0;
    v->dur_ms = (long)apr_time_as_msec(v->ws.duration);
    return 1;
}

static const char *esc(request_rec *r, const char *s)
{
    return ap_escape_html(r->pool, s);
}

static void table_row(request_rec *r, const slot_view *v)
{
    ap_rprintf(r, "<tr><td><b>%d-%d</b></td><td>%s</td><td>%u/%lu/%lu</td>"
                  "<td>%s\n</td>",
               v->srv, v->gen, v->pid, (unsigned)v->ws.conn_count,
               v->ws.my_access_count, v->ws.access_count,
               table_mode(v->ws.status));
#ifdef HAVE_TIMES
    ap_rprintf(r, "<td>%.2f</td>", ap__status_worker_cpu(&v->ws));
#endif
    ap_rprintf(r, "<td>%ld</td><td>%ld</td><td>%ld</td>"
                  "<td>%-1.1f</td><td>%-2.2f</td><td>%-2.2f\n</td>",
               v->since_used, v->req_ms, v->dur_ms,
               (double)v->ws.conn_bytes / KBYTE,
               (double)v->ws.my_bytes_served / MBYTE,
               (double)v->ws.bytes_served / MBYTE);
    ap_rvputs(r, "<td>", esc(r, v->ws.client64), "</td><td>",
              esc(r, v->ws.protocol), "</td><td nowrap>",
              esc(r, v->ws.vhost), "</td><td nowrap>",
              esc(r, ap_escape_logitem(r->pool, v->ws.request)),
              "</td></tr>\n\n", NULL);
}

static void put_bytes(request_rec *r, apr_off_t n)
{
    double b = (double)n;

    if (b < 5 * KBYTE) {
        ap_rprintf(r, "%d B", (int)b);
    }
    else if (b < 5 * MBYTE) {
        ap_rprintf(r, "%.1f kB", b / KBYTE);
    }
    else {
        ap_rprintf(r, "%.1f MB", b / MBYTE);
    }
}

/* " u0.01 s0 cu0 cs0": the process's clock, in seconds. */
static void notable_cpu(request_rec *r, const worker_score *ws)
{
#ifdef HAVE_TIMES
    double tick = (double)ap_os_clock_ticks();

    ap_rprintf(r, " u%g s%g cu%g cs%g",
               (double)ws->times.tms_utime / tick,
               (double)ws->times.tms_stime / tick,
               (double)ws->times.tms_cutime / tick,
               (double)ws->times.tms_cstime / tick);
#endif
}

static void notable_entry(request_rec *r, const slot_view *v)
{
    ap_rprintf(r, "<b>Server %d-%d</b> (%s): %u|%lu|%lu [%s]",
               v->srv, v->gen, v->pid, (unsigned)v->ws.conn_count,
               v->ws.my_access_count, v->ws.access_count,
               notable_mode(v->ws.status));
    notable_cpu(r, &v->ws);
    ap_rprintf(r, "\n %ld %ld %ld(", v->since_used, v->req_ms, v->dur_ms);
    put_bytes(r, v->ws.conn_bytes);
    ap_rputs("|", r);
    put_bytes(r, v->ws.my_bytes_served);
    ap_rputs("|", r);
    put_bytes(r, v->ws.bytes_served);
    ap_rvputs(r, ")\n <i>", esc(r, v->ws.client64), " {",
              esc(r, ap_escape_logitem(r->pool, v->ws.request)),
              "}</i> <i>(", esc(r, v->ws.protocol), ")</i> <b>[",
              esc(r, v->ws.vhost), "]</b><br />\n\n", NULL);
}

#ifdef HAVE_TIMES
#define CPU_HEAD "<th>CPU\n</th>"
#define CPU_LEGEND "<tr><th>CPU</th><td>CPU usage, number of seconds</td>" \
                   "</tr>\n"
#else
#define CPU_HEAD ""
#define CPU_LEGEND ""
#endif

static const char table_head[] =
    "\n\n<table border=\"0\"><tr><th>Srv</th><th>PID</th><th>Acc</th>"
    "<th>M</th>" CPU_HEAD "<th>SS</th><th>Req</th><th>Dur</th><th>Conn</th>"
    "<th>Child</th><th>Slot</th><th>Client</th><th>Protocol</th>"
    "<th>VHost</th><th>Request</th></tr>\n\n";

static const char table_legend[] =
    "</table>\n <hr /> <table>\n"
    " <tr><th>Srv</th><td>Child Server number - generation</td></tr>\n"
    " <tr><th>PID</th><td>OS process ID</td></tr>\n"
    " <tr><th>Acc</th><td>Number of accesses this connection / this child"
    " / this slot</td></tr>\n"
    " <tr><th>M</th><td>Mode of operation</td></tr>\n"
    CPU_LEGEND
    "<tr><th>SS</th><td>Seconds since beginning of most recent request"
    "</td></tr>\n"
    " <tr><th>Req</th><td>Milliseconds required to process most recent"
    " request</td></tr>\n"
    " <tr><th>Dur</th><td>Sum of milliseconds required to process all"
    " requests</td></tr>\n"
    " <tr><th>Conn</th><td>Kilobytes transferred this connection</td>"
    "</tr>\n"
    " <tr><th>Child</th><td>Megabytes transferred this child</td></tr>\n"
    " <tr><th>Slot</th><td>Total megabytes transferred this slot</td>"
    "</tr>\n"
    " </table>\n";

void ap__status_html_workers(request_rec *r, const ap__status_t *st,
                             int notable)
{
    slot_view v;
    int i, j;

    ap_rputs(notable ? "<hr /><h2>Server Details</h2>\n\n" : table_head, r);
    for (i = 0; i < st->server_limit; i++) {
        for (j = 0; j < st->thread_limit; j++) {
            if (!view_slot(r, st, i, j, &v)) {
                continue;
            }
            if (notable) {
                notable_entry(r, &v);
            }
            else {
                table_row(r, &v);
            }
        }
    }
    if (!notable) {
        ap_rputs(table_legend, r);
    }
}
