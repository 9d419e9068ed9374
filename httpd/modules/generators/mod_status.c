/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * mod_status.c: the "server-status" handler. It reads the scoreboard
 * (never writes it) and shows it as an HTML page or, with ?auto, as
 * "Key: value" lines for monitoring tools. Query words, found anywhere
 * in the query string as Apache does: "auto", "notable", "refresh[=N]".
 *
 * Loading the module turns ExtendedStatus on by default: the request
 * counters and the per-worker details are what people load it for.
 */
#include <stdlib.h>
#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "apr_optional_hooks.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "scoreboard.h"
#include "mod_status.h"
#include "mod_status_private.h"

APLOG_USE_MODULE(status);

/* The handler name older configurations use as a "type". */
#define STATUS_MAGIC_TYPE "application/x-httpd-status"

/* Refresh interval when ?refresh has no usable number. */
#define STATUS_DEFAULT_REFRESH 10

APR_IMPLEMENT_OPTIONAL_HOOK_RUN_ALL(ap, STATUS, int, status_hook,
                                    (request_rec *r, int flags),
                                    (r, flags), OK, DECLINED)

/* "refresh" followed by '=' and a positive number sets that interval;
 * the word alone (or with anything else) sets the default. */
static void set_refresh(request_rec *r, const char *word)
{
    const char *p = word + sizeof("refresh") - 1;
    long secs = STATUS_DEFAULT_REFRESH;

    if (*p == '=') {
        long n = strtol(p + 1, NULL, 10);
        if (n > 0) {
            secs = n;
        }
    }
    apr_table_setn(r->headers_out, "Refresh", apr_ltoa(r->pool, secs));
}

/* AP_STATUS_* flags from the query string. */
static int parse_args(request_rec *r)
{
    int flags = 0;
    const char *word;

    if (!r->args) {
        return 0;
    }
    word = ap_strstr_c(r->args, "refresh");
    if (word) {
        set_refresh(r, word);
    }
    if (ap_strstr_c(r->args, "notable")) {
        flags |= AP_STATUS_NOTABLE;
    }
    if (ap_strstr_c(r->args, "auto")) {
        flags |= AP_STATUS_SHORT;
    }
    return flags;
}

static void html_head(request_rec *r)
{
    ap_rvputs(r, DOCTYPE_HTML_4_01, "<html><head>\n"
              "<title>Apache Status</title>\n</head><body>\n"
              "<h1>Apache Server Status for ",
              ap_escape_html(r->pool, ap_get_server_name(r)), " (via ",
              r->connection->local_ip, ")</h1>\n\n", NULL);
}

static int status_handler(request_rec *r)
{
    ap__status_t st;
    int flags;

    if (!r->handler || (strcmp(r->handler, "server-status") != 0
                        && strcmp(r->handler, STATUS_MAGIC_TYPE) != 0)) {
        return DECLINED;
    }
    r->allowed = (AP_METHOD_BIT << M_GET);
    if (r->method_number != M_GET) {
        return DECLINED;
    }
    if (!ap_exists_scoreboard_image()) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(01237)
                      "Server status unavailable in inetd mode");
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    flags = parse_args(r);
    if (ap_extended_status) {
        flags |= AP_STATUS_EXTENDED;
    }
    ap_set_content_type(r, (flags & AP_STATUS_SHORT)
                           ? "text/plain; charset=ISO-8859-1"
                           : "text/html; charset=ISO-8859-1");
    ap__status_collect(r, &st);
    if (flags & AP_STATUS_SHORT) {
        ap__status_auto(r, &st);
    }
    else {
        html_head(r);
        ap__status_html_summary(r, &st);
        if (ap_extended_status) {
            ap__status_html_workers(r, &st, flags & AP_STATUS_NOTABLE);
        }
        else {
            ap_rputs("<hr />To obtain a full report with current status "
                     "information you need to use the "
                     "<code>ExtendedStatus On</code> directive.\n", r);
        }
    }
    /* Other modules (TLS session caches, proxies...) add their part. */
    ap_run_status_hook(r, flags);
    if (!(flags & AP_STATUS_SHORT)) {
        ap_rputs(ap_psignature("<hr />\n", r), r);
        ap_rputs("</body></html>\n", r);
    }
    return OK;
}

/* Runs before the configuration is read, so an explicit
 * "ExtendedStatus Off" still wins. */
static int status_pre_config(apr_pool_t *p, apr_pool_t *plog,
                             apr_pool_t *ptemp)
{
    ap_extended_status = 1;
    return OK;
}

static void register_hooks(apr_pool_t *p)
{
    ap_hook_handler(status_handler, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_pre_config(status_pre_config, NULL, NULL, APR_HOOK_LAST);
}

module AP_MODULE_DECLARE_DATA status_module = {
    STANDARD20_MODULE_STUFF,
    NULL,           /* per-directory config */
    NULL,           /* merge per-directory */
    NULL,           /* per-server config */
    NULL,           /* merge per-server */
    NULL,           /* commands: ExtendedStatus belongs to the core */
    register_hooks,
    0               /* flags */
};
