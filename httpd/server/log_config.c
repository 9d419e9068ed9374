/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* log_config.c: struct ap_logconf, the per-module log levels of a server,
 * a connection or a directory (http_config.h's ap_*_loglevel API). */

#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"

#include "config_private.h"
#include "log_private.h"

/* The accessors are macros in http_config.h for speed; the functions
 * exist for modules built with AP_DEBUG and for callers taking their
 * address. */
#undef ap_get_server_module_loglevel
#undef ap_get_conn_module_loglevel
#undef ap_get_conn_server_module_loglevel
#undef ap_get_request_module_loglevel

static int level_of(const struct ap_logconf *l, int index)
{
    if (index < 0 || l->module_levels == NULL
        || l->module_levels[index] < 0) {
        return l->level;
    }
    return l->module_levels[index];
}

static const struct ap_logconf *conn_logconf(const conn_rec *c)
{
    return c->log ? c->log : &c->base_server->log;
}

AP_DECLARE(int) ap_get_server_module_loglevel(const server_rec *s, int index)
{
    return s ? level_of(&s->log, index) : ap_default_loglevel;
}

AP_DECLARE(int) ap_get_conn_module_loglevel(const conn_rec *c, int index)
{
    return level_of(conn_logconf(c), index);
}

AP_DECLARE(int) ap_get_conn_server_module_loglevel(const conn_rec *c,
                                                   const server_rec *s,
                                                   int index)
{
    /* a connection-specific setting wins over the server's */
    if (c->log && c->log != &c->base_server->log) {
        return level_of(c->log, index);
    }
    return level_of(&s->log, index);
}

AP_DECLARE(int) ap_get_request_module_loglevel(const request_rec *r,
                                               int index)
{
    const struct ap_logconf *l = r->log ? r->log
                                 : r->connection->log ? r->connection->log
                                 : &r->server->log;
    return level_of(l, index);
}

static int vector_length(void)
{
    return ap__conf_vector_length > 0 ? ap__conf_vector_length
                                      : DYNAMIC_MODULE_LIMIT;
}

AP_DECLARE(void) ap_reset_module_loglevels(struct ap_logconf *l, int val)
{
    if (l->module_levels) {
        memset(l->module_levels, val, (apr_size_t)vector_length());
    }
}

AP_DECLARE(void) ap_set_module_loglevel(apr_pool_t *p, struct ap_logconf *l,
                                        int index, int level)
{
    if (index < 0 || index >= vector_length()) {
        return;
    }
    if (!l->module_levels) {
        l->module_levels = apr_palloc(p, (apr_size_t)vector_length());
        memset(l->module_levels, -1, (apr_size_t)vector_length());
    }
    l->module_levels[index] = (signed char)level;
}

AP_DECLARE(struct ap_logconf *) ap_new_log_config(apr_pool_t *p,
                                                  const struct ap_logconf *old)
{
    struct ap_logconf *l = apr_pcalloc(p, sizeof(*l));

    if (!old) {
        l->level = -1;
        return l;
    }
    l->level = old->level;
    if (old->module_levels) {
        l->module_levels = apr_pmemdup(p, old->module_levels,
                                       (apr_size_t)vector_length());
    }
    return l;
}

AP_DECLARE(void) ap_merge_log_config(const struct ap_logconf *old_conf,
                                     struct ap_logconf *new_conf)
{
    int i, n = vector_length();

    if (new_conf->level != -1) {
        /* a level set here replaces every inherited module level */
        return;
    }
    new_conf->level = old_conf->level;
    if (new_conf->module_levels == NULL) {
        new_conf->module_levels = old_conf->module_levels;
        return;
    }
    if (old_conf->module_levels == NULL) {
        return;
    }
    for (i = 0; i < n; i++) {
        if (new_conf->module_levels[i] == -1) {
            new_conf->module_levels[i] = old_conf->module_levels[i];
        }
    }
}
