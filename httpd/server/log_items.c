/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* log_items.c: the ErrorLogFormat items (%a, %t, %M's neighbours...) and
 * their registry.  Every handler writes at most buflen - 1 bytes and
 * returns the count; 0 means "nothing to log" (the field is dropped). */

#include <string.h>

#include "apr_strings.h"
#include "apr_portable.h"

#include "httpd.h"
#include "http_core.h"
#include "http_log.h"
#include "util_time.h"

#include "log_private.h"

/* one slot per possible tag character: lookups are a single index */
static ap_errorlog_handler handlers[256];

int ap__log_escape(char *dst, int dstlen, const char *src)
{
    static const char hex[] = "0123456789abcdef";
    int n = 0;

    for (; *src && n < dstlen - 1; src++) {
        unsigned char c = (unsigned char)*src;
        char esc = 0;

        switch (c) {
        case '\\': esc = '\\'; break;
        case '\b': esc = 'b'; break;
        case '\n': esc = 'n'; break;
        case '\r': esc = 'r'; break;
        case '\t': esc = 't'; break;
        case '\v': esc = 'v'; break;
        default: break;
        }
        if (!esc && c >= 0x20 && c < 0x7f) {
            dst[n++] = (char)c;
            continue;
        }
        if (n + (esc ? 2 : 4) > dstlen - 1) {
            break;
        }
        dst[n++] = '\\';
        if (esc) {
            dst[n++] = esc;
            continue;
        }
        dst[n++] = 'x';
        dst[n++] = hex[c >> 4];
        dst[n++] = hex[c & 0xf];
    }
    return n;
}

static int copy_str(char *buf, int buflen, const char *s)
{
    int len;

    if (!s || buflen <= 1) {
        return 0;
    }
    len = (int)strlen(s);
    if (len > buflen - 1) {
        len = buflen - 1;
    }
    memcpy(buf, s, (apr_size_t)len);
    return len;
}

static int fmt_int(char *buf, int buflen, const char *fmt, long v)
{
    int n = apr_snprintf(buf, (apr_size_t)buflen, fmt, v);
    return n < buflen ? n : buflen - 1;
}

static int ip_port(char *buf, int buflen, const char *ip,
                   const apr_sockaddr_t *sa)
{
    int n;

    if (!ip) {
        return 0;
    }
    n = apr_snprintf(buf, (apr_size_t)buflen, "%s:%d", ip,
                     sa ? (int)sa->port : 0);
    return n < buflen ? n : buflen - 1;
}

static int item_client(const ap_errorlog_info *info, const char *arg,
                       char *buf, int buflen)
{
    int peer = arg && *arg == 'c';

    if (info->r && !peer) {
        return ip_port(buf, buflen, info->r->useragent_ip,
                       info->r->useragent_addr);
    }
    if (info->c) {
        return ip_port(buf, buflen, info->c->client_ip,
                       info->c->client_addr);
    }
    return 0;
}

static int item_local(const ap_errorlog_info *info, const char *arg,
                      char *buf, int buflen)
{
    if (!info->c) {
        return 0;
    }
    return ip_port(buf, buflen, info->c->local_ip, info->c->local_addr);
}

static int table_item(apr_table_t *t, const char *arg, char *buf,
                      int buflen)
{
    const char *v;

    if (!t || !arg || !(v = apr_table_get(t, arg))) {
        return 0;
    }
    return ap__log_escape(buf, buflen, v);
}

static int item_env(const ap_errorlog_info *info, const char *arg,
                    char *buf, int buflen)
{
    return info->r ? table_item(info->r->subprocess_env, arg, buf, buflen)
                   : 0;
}

static int item_header(const ap_errorlog_info *info, const char *arg,
                       char *buf, int buflen)
{
    return info->r ? table_item(info->r->headers_in, arg, buf, buflen) : 0;
}

static int item_note(const ap_errorlog_info *info, const char *arg,
                     char *buf, int buflen)
{
    return info->r ? table_item(info->r->notes, arg, buf, buflen) : 0;
}

/* "(2)No such file or directory"; the prefix tells which error space the
 * code comes from, as apr_strerror() does. */
static int item_status(const ap_errorlog_info *info, const char *arg,
                       char *buf, int buflen)
{
    apr_status_t st = info->status;
    int n;

    if (st == 0) {
        return 0;
    }
    if (st < APR_OS_START_EAIERR) {
        n = apr_snprintf(buf, (apr_size_t)buflen, "(%d)", st);
    }
    else if (st < APR_OS_START_SYSERR) {
        n = apr_snprintf(buf, (apr_size_t)buflen, "(EAI %d)",
                         st - APR_OS_START_EAIERR);
    }
    else {
        n = apr_snprintf(buf, (apr_size_t)buflen, "(OS %d)",
                         st - APR_OS_START_SYSERR);
    }
    if (n >= buflen - 1) {
        return buflen - 1;
    }
    apr_strerror(st, buf + n, (apr_size_t)(buflen - n));
    return n + (int)strlen(buf + n);
}

/* "file.c(123)"; %{/}F keeps the directory part. */
static int item_file_line(const ap_errorlog_info *info, const char *arg,
                          char *buf, int buflen)
{
    const char *file = info->file;
    int n;

    if (!file) {
        return 0;
    }
    if (!(arg && *arg == '/')) {
        const char *slash = strrchr(file, '/');
        if (slash) {
            file = slash + 1;
        }
    }
    n = apr_snprintf(buf, (apr_size_t)buflen, "%s(%d)", file, info->line);
    return n < buflen ? n : buflen - 1;
}

static int item_keepalives(const ap_errorlog_info *info, const char *arg,
                           char *buf, int buflen)
{
    return info->c ? fmt_int(buf, buflen, "%ld", info->c->keepalives) : 0;
}

static int item_level(const ap_errorlog_info *info, const char *arg,
                      char *buf, int buflen)
{
    if (info->level < 0 || info->level > APLOG_TRACE8) {
        return 0;
    }
    return copy_str(buf, buflen, ap__log_level_names[info->level]);
}

/* %L request id, %{c}L connection id, %{C}L connection id outside a
 * request. */
static int item_log_id(const ap_errorlog_info *info, const char *arg,
                       char *buf, int buflen)
{
    const request_rec *r = info->rmain ? info->rmain : info->r;

    if (arg && *arg == 'c') {
        r = NULL;
    }
    else if (arg && *arg == 'C' && r) {
        return 0;
    }
    if (!r && !info->c) {
        return 0;
    }
    return copy_str(buf, buflen, ap__log_get_id(info->c, r));
}

static int item_module(const ap_errorlog_info *info, const char *arg,
                       char *buf, int buflen)
{
    if (info->module_index == APLOG_NO_MODULE) {
        return 0;
    }
    return copy_str(buf, buflen,
                    ap_find_module_short_name(info->module_index));
}

static int item_pid(const ap_errorlog_info *info, const char *arg,
                    char *buf, int buflen)
{
    return fmt_int(buf, buflen, "%ld", (long)ap__log_pid());
}

static int item_tid(const ap_errorlog_info *info, const char *arg,
                    char *buf, int buflen)
{
    int n = apr_snprintf(buf, (apr_size_t)buflen, "%lu", ap__log_thread_id());
    return n < buflen ? n : buflen - 1;
}

static int strftime_item(const char *fmt, char *buf, int buflen)
{
    apr_time_exp_t xt;
    apr_size_t len = 0;

    ap_explode_recent_localtime(&xt, apr_time_now());
    if (apr_strftime(buf, &len, (apr_size_t)buflen, fmt, &xt)
        != APR_SUCCESS) {
        return 0;
    }
    return (int)len;
}

/* %t, %{u}t (microseconds), %{m}t, %{c}t (compact), %{z}t (offset) in
 * any combination, or %{%strftime}t.  Syslog stamps lines itself. */
static int item_time(const ap_errorlog_info *info, const char *arg,
                     char *buf, int buflen)
{
    int option = AP_CTIME_OPTION_NONE, len = buflen;

    if (info->using_syslog) {
        return 0;
    }
    if (arg && strchr(arg, '%')) {
        return strftime_item(arg, buf, buflen);
    }
    for (; arg && *arg; arg++) {
        switch (*arg) {
        case 'u': option |= AP_CTIME_OPTION_USEC; break;
        case 'm': option |= AP_CTIME_OPTION_MSEC; break;
        case 'c': option |= AP_CTIME_OPTION_COMPACT; break;
        case 'z': option |= AP_CTIME_OPTION_GMTOFF; break;
        default: break;
        }
    }
    if (buflen < 40
        || ap_recent_ctime_ex(buf, apr_time_now(), option, &len)
           != APR_SUCCESS) {
        return 0;
    }
    return len > 0 ? len - 1 : 0;
}

static int item_vhost(const ap_errorlog_info *info, const char *arg,
                      char *buf, int buflen)
{
    const server_rec *s = info->r ? info->r->server : info->s;

    return s ? copy_str(buf, buflen, s->server_hostname) : 0;
}

static int item_server_name(const ap_errorlog_info *info, const char *arg,
                            char *buf, int buflen)
{
    if (!info->r) {
        return 0;
    }
    return copy_str(buf, buflen,
                    ap_get_server_name((request_rec *)info->r));
}

AP_DECLARE(void) ap_register_errorlog_handler(apr_pool_t *p, char *tag,
                                              ap_errorlog_handler_fn_t *handler,
                                              int flags)
{
    if (!tag || !tag[0] || tag[1]) {
        ap_log_perror(APLOG_MARK, APLOG_ERR, 0, p, APLOGNO(00109)
                      "Invalid ErrorLogFormat tag '%s' (must be one "
                      "character)", tag ? tag : "");
        return;
    }
    handlers[(unsigned char)tag[0]].func = handler;
    handlers[(unsigned char)tag[0]].flags = flags;
}

const ap_errorlog_handler *ap__log_find_handler(char tag)
{
    const ap_errorlog_handler *h = &handlers[(unsigned char)tag];

    return h->func ? h : NULL;
}

void ap__log_register_builtin_items(apr_pool_t *p)
{
    static const struct {
        char tag[2];
        ap_errorlog_handler_fn_t *func;
    } builtin[] = {
        { "a", item_client },     { "A", item_local },
        { "e", item_env },        { "E", item_status },
        { "F", item_file_line },  { "i", item_header },
        { "k", item_keepalives }, { "l", item_level },
        { "L", item_log_id },     { "m", item_module },
        { "n", item_note },       { "P", item_pid },
        { "T", item_tid },        { "t", item_time },
        { "v", item_vhost },      { "V", item_server_name },
    };
    apr_size_t i;

    for (i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++) {
        handlers[(unsigned char)builtin[i].tag[0]].func = builtin[i].func;
        handlers[(unsigned char)builtin[i].tag[0]].flags = 0;
    }
}
