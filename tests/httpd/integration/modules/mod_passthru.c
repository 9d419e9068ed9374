/*
 * mod_passthru.c: a test module that puts a connection-level input and
 * output filter on every connection, the way TLS or a protocol module
 * does, without changing a byte: the MPM must then fall back to reading
 * with a worker (its non-blocking head read only works on plain
 * connections). It counts the bytes it saw in the X-Passthru response
 * header of each request: "in=<n> out=<n>" so far on the connection.
 */
#include <stdio.h>

#include "apr_buckets.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_connection.h"
#include "http_protocol.h"
#include "http_request.h"
#include "util_filter.h"

module AP_MODULE_DECLARE_DATA passthru_module;

typedef struct {
    apr_off_t in;
    apr_off_t out;
} counts_t;

static apr_status_t in_filter(ap_filter_t *f, apr_bucket_brigade *bb,
                              ap_input_mode_t mode, apr_read_type_e block,
                              apr_off_t readbytes)
{
    counts_t *n = f->ctx;
    apr_status_t rv = ap_get_brigade(f->next, bb, mode, block, readbytes);
    apr_off_t len = 0;

    if (rv == APR_SUCCESS && mode != AP_MODE_SPECULATIVE
        && apr_brigade_length(bb, 0, &len) == APR_SUCCESS && len > 0) {
        n->in += len;
    }
    return rv;
}

static apr_status_t out_filter(ap_filter_t *f, apr_bucket_brigade *bb)
{
    counts_t *n = f->ctx;
    apr_off_t len = 0;

    if (apr_brigade_length(bb, 0, &len) == APR_SUCCESS && len > 0) {
        n->out += len;
    }
    return ap_pass_brigade(f->next, bb);
}

static int pre_connection(conn_rec *c, void *csd)
{
    counts_t *n = apr_pcalloc(c->pool, sizeof(*n));

    ap_set_module_config(c->conn_config, &passthru_module, n);
    ap_add_input_filter("PASSTHRU_IN", n, NULL, c);
    ap_add_output_filter("PASSTHRU_OUT", n, NULL, c);
    return OK;
}

static int fixups(request_rec *r)
{
    counts_t *n = ap_get_module_config(r->connection->conn_config,
                                       &passthru_module);

    if (n) {
        apr_table_setn(r->headers_out, "X-Passthru",
                       apr_psprintf(r->pool, "in=%" APR_OFF_T_FMT
                                    " out=%" APR_OFF_T_FMT, n->in, n->out));
    }
    return DECLINED;
}

static void register_hooks(apr_pool_t *p)
{
    ap_register_input_filter("PASSTHRU_IN", in_filter, NULL,
                             AP_FTYPE_CONNECTION);
    ap_register_output_filter("PASSTHRU_OUT", out_filter, NULL,
                              AP_FTYPE_CONNECTION);
    ap_hook_pre_connection(pre_connection, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_fixups(fixups, NULL, NULL, APR_HOOK_MIDDLE);
}

AP_DECLARE_MODULE(passthru) = {
    STANDARD20_MODULE_STUFF,
    NULL, NULL, NULL, NULL, NULL,
    register_hooks
};
