/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* log_id.c: log ids (%L): short strings correlating the error-log lines
 * and the access-log entry of one connection or request.  mod_unique_id
 * may provide its own through the generate_log_id hook; this is the
 * fallback. */

#include <string.h>

#include "apr_base64.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_log.h"

#include "log_private.h"

int ap__log_default_log_id(const conn_rec *c, const request_rec *r,
                           const char **id)
{
    apr_pool_t *p = r ? r->pool : c ? c->pool : NULL;
    apr_uint64_t v;
    unsigned char raw[8];
    char *enc;
    int i;

    if (!p) {
        return DECLINED;
    }
    /* microseconds, the connection id and the request count make the id
     * unique within a process; the pid spreads processes apart */
    v = (apr_uint64_t)apr_time_now() << 8;
    v ^= (apr_uint64_t)(c ? c->id : 0) << 40;
    v ^= (apr_uint64_t)(r && c ? c->keepalives : 0);
    v ^= (apr_uint64_t)ap__log_pid() << 52;
    for (i = 0; i < 8; i++) {
        raw[i] = (unsigned char)(v >> (8 * (7 - i)));
    }
    enc = apr_palloc(p, (apr_size_t)apr_base64_encode_len(8));
    apr_base64_encode(enc, (const char *)raw, 8);
    enc[11] = '\0';   /* drop the '=' padding */
    *id = enc;
    return OK;
}

const char *ap__log_get_id(const conn_rec *c, const request_rec *r)
{
    const char *id = NULL;

    if (r) {
        if (!r->log_id && ap_run_generate_log_id(c, r, &id) == OK) {
            /* the id is a cache on an otherwise const request */
            ((request_rec *)r)->log_id = id;
        }
        return r->log_id;
    }
    if (c && !c->log_id && ap_run_generate_log_id(c, NULL, &id) == OK) {
        ((conn_rec *)c)->log_id = id;
    }
    return c ? c->log_id : NULL;
}
