/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* mod_log_config_format.c: the %-directive registry and the LogFormat
 * compiler:  text  %%  %[!][status,...][<>]{arg}X  and "%^XY" two-letter
 * directives. */

#include <string.h>

#include "apr_strings.h"
#include "apr_lib.h"
#include "apr_hash.h"

#include "httpd.h"
#include "http_config.h"

#include "mod_log_config_private.h"

/* tag ("X" or "^XY") -> ap_log_handler */
static apr_hash_t *handlers;

static apr_status_t forget_handlers(void *unused)
{
    handlers = NULL;
    return APR_SUCCESS;
}

void ap__lc_reset_handlers(apr_pool_t *p)
{
    handlers = apr_hash_make(p);
    apr_pool_cleanup_register(p, NULL, forget_handlers,
                              apr_pool_cleanup_null);
}

void ap__lc_register_handler(apr_pool_t *p, char *tag,
                             ap_log_handler_fn_t *func, int def)
{
    ap_log_handler *h;

    if (!handlers) {
        ap__lc_reset_handlers(p);
    }
    h = apr_palloc(p, sizeof(*h));
    h->func = func;
    h->want_orig_default = def;
    apr_hash_set(handlers, apr_pstrdup(p, tag), APR_HASH_KEY_STRING, h);
}

static const ap_log_handler *find_handler(const char *tag, apr_size_t len)
{
    return handlers ? apr_hash_get(handlers, tag, (apr_ssize_t)len) : NULL;
}

static const char *literal(request_rec *r, char *a)
{
    return a;
}

static ap__lc_item *push_item(apr_array_header_t *a)
{
    ap__lc_item *it = apr_array_push(a);

    memset(it, 0, sizeof(*it));
    return it;
}

/* Literal text up to the next '%', with \n \r \t \\ escapes. */
static const char *parse_text(apr_pool_t *p, apr_array_header_t *a,
                              const char *s)
{
    char *d = apr_palloc(p, strlen(s) + 1), *start = d;
    ap__lc_item *it;

    while (*s && *s != '%') {
        if (*s != '\\' || !s[1]) {
            *d++ = *s++;
            continue;
        }
        switch (s[1]) {
        case '\\': *d++ = '\\'; s += 2; break;
        case 'n':  *d++ = '\n'; s += 2; break;
        case 'r':  *d++ = '\r'; s += 2; break;
        case 't':  *d++ = '\t'; s += 2; break;
        default:   *d++ = *s++; break;   /* keep the backslash */
        }
    }
    *d = '\0';
    it = push_item(a);
    it->func = literal;
    it->arg = start;
    return s;
}

static const char ran_off[] =
    "Ran off end of LogFormat parsing args to some directive";

/* "400,501": status codes an item is restricted to */
static const char *parse_status_list(apr_pool_t *p, ap__lc_item *it,
                                     const char *s)
{
    int v = 0;

    while (apr_isdigit(*s)) {
        v = v * 10 + (*s++ - '0');
        if (v > 999999) {
            v = 999999;   /* no status is that big: just never matches */
        }
    }
    if (!it->conditions) {
        it->conditions = apr_array_make(p, 4, sizeof(int));
    }
    *(int *)apr_array_push(it->conditions) = v;
    return s;
}

/* One item after '%'; returns an error or NULL, *ps moved past it. */
static const char *parse_item(apr_pool_t *p, apr_array_header_t *a,
                              const char **ps)
{
    const char *s = *ps;
    const ap_log_handler *h = NULL;
    ap__lc_item *it;

    if (*s == '%') {
        it = push_item(a);
        it->func = literal;
        it->arg = "%";
        *ps = s + 1;
        return NULL;
    }
    it = push_item(a);
    it->want_orig = -1;
    it->arg = "";
    for (;;) {
        if (!*s) {
            return ran_off;
        }
        if (*s == '!') {
            it->condition_sense = !it->condition_sense;
            s++;
        }
        else if (*s == '<') {
            it->want_orig = 1;
            s++;
        }
        else if (*s == '>') {
            it->want_orig = 0;
            s++;
        }
        else if (*s == ',') {
            s++;
        }
        else if (apr_isdigit(*s)) {
            s = parse_status_list(p, it, s);
        }
        else if (*s == '{') {
            const char *end = strchr(++s, '}');
            if (!end) {
                return ran_off;
            }
            it->arg = apr_pstrmemdup(p, s, (apr_size_t)(end - s));
            s = end + 1;
        }
        else {
            break;
        }
    }
    if (*s == '^' && s[1] && s[2]) {
        h = find_handler(s, 3);
        if (h) {
            s += 3;
        }
    }
    if (!h) {
        h = find_handler(s, 1);
        if (!h) {
            return apr_psprintf(p, "Unrecognized LogFormat directive %%%c",
                                *s);
        }
        s++;
    }
    it->func = h->func;
    if (it->want_orig == -1) {
        it->want_orig = h->want_orig_default;
    }
    *ps = s;
    return NULL;
}

apr_array_header_t *ap__lc_parse_format(apr_pool_t *p, const char *fmt,
                                        const char **err)
{
    apr_array_header_t *a = apr_array_make(p, 16, sizeof(ap__lc_item));
    const char *s = fmt;
    ap__lc_item *nl;

    *err = NULL;
    while (*s) {
        if (*s != '%') {
            s = parse_text(p, a, s);
            continue;
        }
        s++;
        if ((*err = parse_item(p, a, &s)) != NULL) {
            return NULL;
        }
    }
    nl = push_item(a);
    nl->func = literal;
    nl->arg = APR_EOL_STR;
    return a;
}

static int status_listed(const request_rec *r, const ap__lc_item *it)
{
    const int *st = (const int *)it->conditions->elts;
    int i;

    for (i = 0; i < it->conditions->nelts; i++) {
        if (r->status == st[i]) {
            return 1;
        }
    }
    return 0;
}

const char *ap__lc_run_item(request_rec *r, request_rec *orig,
                            const ap__lc_item *it)
{
    const char *v;

    if (it->conditions && it->conditions->nelts) {
        int listed = status_listed(r, it);
        if (listed == it->condition_sense) {
            return "-";
        }
    }
    v = it->func(it->want_orig ? orig : r, it->arg);
    return v ? v : "-";
}
