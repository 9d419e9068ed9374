/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* log_format.c: ErrorLogFormat: compiling a format string into items and
 * building one log line from them.
 *
 * A format is cut into fields at every space-to-non-space transition (and
 * at "% ").  When an item produces nothing, its whole field is dropped,
 * so "[client %a] " disappears when there is no client. */

#include <string.h>

#include "apr_strings.h"
#include "apr_lib.h"

#include "httpd.h"
#include "http_core.h"
#include "http_log.h"
#include "http_main.h"

#include "log_private.h"

/* What Apache 2.4 writes without ErrorLogFormat (threaded MPMs); the
 * documented equivalent lacks the colon after "referer" that the real
 * output has. */
static const char default_format[] =
    "[%{u}t] [%-m:%l] [pid %P:tid %T] %7F: %E: [client\\ %a] %M"
    "% ,\\ referer:\\ %{Referer}i";

/* Startup messages (APLOG_STARTUP) are bare: only the status, if any. */
static const char startup_format[] = "%E: %M";

static apr_array_header_t *default_items, *startup_items;

/* ---- compiling -------------------------------------------------------- */

static int literal_item(const ap_errorlog_info *info, const char *arg,
                        char *buf, int buflen)
{
    int len = (int)strlen(arg);

    if (len >= buflen) {
        len = buflen - 1;
    }
    memcpy(buf, arg, (apr_size_t)len);
    return len;
}

/* Parser state while walking a format string. */
typedef struct {
    apr_pool_t *p;
    apr_array_header_t *items;
    char *lit;          /* literal text being collected */
    apr_size_t lit_len;
    int sep_next;       /* next item starts a field */
    int after_space;    /* last literal char was an unescaped space */
    int is_main;
} fmt_parser;

static ap_errorlog_format_item *new_item(fmt_parser *fp)
{
    ap_errorlog_format_item *it = apr_array_push(fp->items);

    memset(it, 0, sizeof(*it));
    if (fp->sep_next) {
        it->flags |= AP_ERRORLOG_FLAG_FIELD_SEP;
        fp->sep_next = 0;
    }
    return it;
}

static void flush_literal(fmt_parser *fp)
{
    ap_errorlog_format_item *it;

    if (fp->lit_len == 0) {
        return;
    }
    it = new_item(fp);
    it->func = literal_item;
    it->arg = apr_pstrmemdup(fp->p, fp->lit, fp->lit_len);
    fp->lit_len = 0;
}

/* Before anything that is not a plain space: start a new field if the
 * previous character was a separating space. */
static void start_token(fmt_parser *fp)
{
    if (fp->after_space) {
        flush_literal(fp);
        fp->sep_next = 1;
        fp->after_space = 0;
    }
}

static void add_char(fmt_parser *fp, char c)
{
    fp->lit[fp->lit_len++] = c;
}

static char unescape(char c)
{
    switch (c) {
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default:  return c;
    }
}

static const char ran_off[] =
    "Ran off end of error log format parsing args to some directive";

/* Modifiers between '%' and the tag: '-', '+', a level number. */
static const char *parse_modifiers(fmt_parser *fp, const char **ps,
                                   ap_errorlog_format_item *it)
{
    const char *s = *ps;
    int level = -1;

    for (;; s++) {
        if (*s == '-') {
            it->flags |= AP_ERRORLOG_FLAG_NULL_AS_HYPHEN;
        }
        else if (*s == '+') {
            if (fp->is_main) {
                return "The '+' flag cannot be used in the main error log "
                       "format";
            }
            it->flags |= AP_ERRORLOG_FLAG_REQUIRED;
        }
        else if (apr_isdigit(*s)) {
            level = (level < 0 ? 0 : level * 10) + (*s - '0');
            if (level > APLOG_TRACE8) {
                return "The specified loglevel modifier is out of range";
            }
        }
        else {
            break;
        }
    }
    if (level >= 0) {
        it->min_loglevel = (unsigned int)level;
    }
    *ps = s;
    return NULL;
}

/* One "%..." item; *ps points after the '%'. */
static const char *parse_item(fmt_parser *fp, const char **ps)
{
    const char *s = *ps, *err;
    const ap_errorlog_handler *h;
    ap_errorlog_format_item *it;

    if (*s == '%') {
        start_token(fp);
        add_char(fp, '%');
        *ps = s + 1;
        return NULL;
    }
    if (*s == ' ') {
        /* zero-width field delimiter */
        flush_literal(fp);
        fp->sep_next = 1;
        fp->after_space = 0;
        *ps = s + 1;
        return NULL;
    }
    start_token(fp);
    flush_literal(fp);
    it = new_item(fp);
    if ((err = parse_modifiers(fp, &s, it)) != NULL) {
        return err;
    }
    if (*s == '{') {
        const char *end = strchr(++s, '}');
        if (!end) {
            return ran_off;
        }
        it->arg = apr_pstrmemdup(fp->p, s, (apr_size_t)(end - s));
        s = end + 1;
    }
    if (!*s) {
        return ran_off;
    }
    if (*s == 'M') {
        if (!fp->is_main) {
            return "%M cannot be used in once-per-request or "
                   "once-per-connection formats";
        }
        it->flags |= AP_ERRORLOG_FLAG_MESSAGE;
    }
    else if ((h = ap__log_find_handler(*s)) != NULL) {
        it->func = h->func;
        it->flags |= (unsigned int)h->flags;
    }
    else {
        return apr_psprintf(fp->p, "Unrecognized error log format "
                            "directive %%%c", *s);
    }
    *ps = s + 1;
    return NULL;
}

const char *ap__log_parse_format(apr_pool_t *p, const char *fmt,
                                 apr_array_header_t *items, int is_main)
{
    fmt_parser fp;
    const char *s = fmt, *err;

    memset(&fp, 0, sizeof(fp));
    fp.p = p;
    fp.items = items;
    fp.is_main = is_main;
    fp.sep_next = 1;
    fp.lit = apr_palloc(p, strlen(fmt) + 1);

    while (*s) {
        if (*s == '%') {
            s++;
            if ((err = parse_item(&fp, &s)) != NULL) {
                return err;
            }
        }
        else if (*s == ' ') {
            add_char(&fp, *s++);
            fp.after_space = 1;
        }
        else {
            start_token(&fp);
            if (*s == '\\' && s[1]) {
                s++;
                add_char(&fp, unescape(*s++));
            }
            else {
                add_char(&fp, *s++);
            }
        }
    }
    flush_literal(&fp);
    return NULL;
}

static apr_array_header_t *compile_builtin(const char *fmt)
{
    apr_pool_t *p = ap_pglobal;
    apr_array_header_t *items;

    if (!p) {
        return NULL;
    }
    items = apr_array_make(p, 16, sizeof(ap_errorlog_format_item));
    return ap__log_parse_format(p, fmt, items, 1) ? NULL : items;
}

/* Both are built once, during the single-threaded startup. */
const apr_array_header_t *ap__log_default_format(void)
{
    if (!default_items) {
        default_items = compile_builtin(default_format);
    }
    return default_items;
}

const apr_array_header_t *ap__log_startup_format(void)
{
    if (!startup_items) {
        startup_items = compile_builtin(startup_format);
    }
    return startup_items;
}

/* ---- formatting ------------------------------------------------------- */

static int format_message(char *buf, int buflen, const char *fmt,
                          va_list *args)
{
    char scratch[AP__LOG_LINE_MAX];

    if (!fmt || !args) {
        return 0;
    }
    apr_vsnprintf(scratch, sizeof(scratch), fmt, *args);
    return ap__log_escape(buf, buflen, scratch);
}

int ap__log_format_line(const ap_errorlog_info *info,
                        const apr_array_header_t *items, char *buf,
                        int buflen, int *msg_start, int *msg_end,
                        const char *fmt, va_list *args)
{
    const ap_errorlog_format_item *it =
        (const ap_errorlog_format_item *)items->elts;
    int i, len = 0, field_start = 0, skipping = 0, msg_done = 0;

    *msg_start = *msg_end = 0;
    for (i = 0; i < items->nelts && len < buflen - 1; i++, it++) {
        int n;

        if (it->flags & AP_ERRORLOG_FLAG_FIELD_SEP) {
            if (skipping) {
                skipping = 0;
            }
            else {
                field_start = len;
            }
        }
        if (it->flags & AP_ERRORLOG_FLAG_MESSAGE) {
            /* the message is never dropped with its field; a va_list can
             * be walked once only, so a second %M is ignored */
            if (!msg_done) {
                *msg_start = len;
                len += format_message(buf + len, buflen - len, fmt, args);
                *msg_end = len;
                msg_done = 1;
            }
            continue;
        }
        if (skipping) {
            continue;
        }
        if (info->level >= 0 && (int)it->min_loglevel > info->level) {
            len = field_start;
            skipping = 1;
            continue;
        }
        n = it->func ? it->func(info, it->arg, buf + len, buflen - len) : 0;
        if (n > 0) {
            len += n;
        }
        else if (it->flags & AP_ERRORLOG_FLAG_REQUIRED) {
            return 0;
        }
        else if (it->flags & AP_ERRORLOG_FLAG_NULL_AS_HYPHEN) {
            buf[len++] = '-';
        }
        else {
            len = field_start;
            skipping = 1;
        }
    }
    if (len > buflen - 1) {
        len = buflen - 1;
    }
    buf[len] = '\0';
    return len;
}
