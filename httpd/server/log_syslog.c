/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* log_syslog.c: "ErrorLog syslog[:facility[:tag]]".  Lines are sent as
 * datagrams to the local syslog socket in the traditional
 * "<PRI>Mmm dd hh:mm:ss tag[pid]: message" form, so no libc syslog()
 * (and no global openlog() state) is needed. */

#include <string.h>

#include "apr_strings.h"
#include "apr_network_io.h"

#include "httpd.h"
#include "http_log.h"
#include "http_main.h"
#include "util_time.h"

#include "log_private.h"

#define SYSLOG_PATH "/dev/log"
#define FACILITY_LOCAL7 23

static apr_socket_t *syslog_sock;
static int syslog_facility = FACILITY_LOCAL7;
static const char *syslog_tag = "httpd";

static const struct {
    const char *name;
    int code;
} facilities[] = {
    { "kern", 0 },    { "user", 1 },     { "mail", 2 },    { "daemon", 3 },
    { "auth", 4 },    { "syslog", 5 },   { "lpr", 6 },     { "news", 7 },
    { "uucp", 8 },    { "cron", 9 },     { "authpriv", 10 }, { "ftp", 11 },
    { "local0", 16 }, { "local1", 17 },  { "local2", 18 }, { "local3", 19 },
    { "local4", 20 }, { "local5", 21 },  { "local6", 22 }, { "local7", 23 },
};

static int facility_by_name(const char *name)
{
    apr_size_t i;

    for (i = 0; i < sizeof(facilities) / sizeof(facilities[0]); i++) {
        if (!strcasecmp(name, facilities[i].name)) {
            return facilities[i].code;
        }
    }
    return -1;
}

static apr_status_t syslog_cleanup(void *unused)
{
    syslog_sock = NULL;
    return APR_SUCCESS;
}

static apr_status_t connect_syslog(apr_pool_t *p)
{
    apr_sockaddr_t *sa;
    apr_socket_t *sock;
    apr_status_t rv;

    rv = apr_sockaddr_info_get(&sa, SYSLOG_PATH, APR_UNIX, 0, 0, p);
    if (rv == APR_SUCCESS) {
        rv = apr_socket_create(&sock, APR_UNIX, SOCK_DGRAM, 0, p);
    }
    if (rv == APR_SUCCESS) {
        rv = apr_socket_connect(sock, sa);
    }
    if (rv == APR_SUCCESS) {
        syslog_sock = sock;
        apr_pool_cleanup_register(p, NULL, syslog_cleanup,
                                  apr_pool_cleanup_null);
    }
    return rv;
}

const char *ap__log_syslog_open(apr_pool_t *p, const char *spec)
{
    const char *fac = spec[6] == ':' ? spec + 7 : "";
    const char *colon = strchr(fac, ':');
    apr_status_t rv;

    syslog_tag = ap_server_argv0 ? ap_server_argv0 : "httpd";
    if (colon) {
        syslog_tag = apr_pstrdup(p, colon + 1);
        fac = apr_pstrmemdup(p, fac, (apr_size_t)(colon - fac));
    }
    syslog_facility = FACILITY_LOCAL7;
    if (*fac) {
        syslog_facility = facility_by_name(fac);
        if (syslog_facility < 0) {
            syslog_facility = FACILITY_LOCAL7;
            return apr_psprintf(p, "Unknown syslog facility '%s' in "
                                "ErrorLog %s", fac, spec);
        }
    }
    rv = connect_syslog(p);
    if (rv != APR_SUCCESS) {
        char err[120];
        return apr_psprintf(p, "(%d)%s: cannot connect to %s for ErrorLog "
                            "%s", rv, apr_strerror(rv, err, sizeof(err)),
                            SYSLOG_PATH, spec);
    }
    return NULL;
}

int ap__log_syslog_active(void)
{
    return syslog_sock != NULL;
}

void ap__log_syslog_write(int level, const char *line, apr_size_t len)
{
    char msg[AP__LOG_LINE_MAX + 128];
    apr_time_exp_t xt;
    apr_size_t n = 0, hlen;
    int sev = level > APLOG_DEBUG ? APLOG_DEBUG : level;

    if (!syslog_sock) {
        return;
    }
    ap_explode_recent_localtime(&xt, apr_time_now());
    hlen = (apr_size_t)apr_snprintf(msg, sizeof(msg), "<%d>",
                                    syslog_facility * 8 + sev);
    apr_strftime(msg + hlen, &n, sizeof(msg) - hlen, "%b %e %H:%M:%S ", &xt);
    hlen += n;
    hlen += (apr_size_t)apr_snprintf(msg + hlen, sizeof(msg) - hlen,
                                     "%s[%lu]: ", syslog_tag,
                                     ap__log_pid());
    if (len > sizeof(msg) - hlen) {
        len = sizeof(msg) - hlen;
    }
    memcpy(msg + hlen, line, len);
    n = hlen + len;
    /* a failed send is ignored: logging must not fail the caller */
    apr_socket_send(syslog_sock, msg, &n);
}
