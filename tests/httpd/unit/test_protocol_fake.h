/* test_protocol_fake.h: a fake connection for the PROTOCOL unit tests.
 *
 * A server_rec/conn_rec/request_rec with the core's configuration at
 * index 0, an input "network" filter serving bytes from memory (at most
 * max_chunk bytes per read, to exercise lines split across reads), and an
 * output filter capturing everything passed to it. No socket, no MPM.
 */
#ifndef TEST_PROTOCOL_FAKE_H
#define TEST_PROTOCOL_FAKE_H

#include <string.h>

#include "apr_buckets.h"
#include "apr_strings.h"
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_protocol.h"
#include "util_filter.h"

typedef struct {
    const char *data;
    apr_size_t len, pos;
    apr_size_t max_chunk;
} fake_input;

typedef struct {
    apr_bucket_brigade *out;    /* data buckets copied here */
    int eos;                    /* EOS seen */
    int error_status;           /* status of the first error bucket */
} fake_output;

typedef struct {
    apr_pool_t *pool;
    server_rec *s;
    conn_rec *c;
    request_rec *r;
    core_server_config *csc;
    core_dir_config *cdc;
    core_request_config *crc;
    fake_input in;
    fake_output outc;
    ap_filter_rec_t in_rec, out_rec;
    ap_filter_t in_f, out_f;
} fake_env;

static APR_INLINE apr_status_t fake_in_func(ap_filter_t *f, apr_bucket_brigade *bb,
                                 ap_input_mode_t mode,
                                 apr_read_type_e block, apr_off_t readbytes)
{
    fake_input *in = f->ctx;
    apr_size_t n = in->len - in->pos;
    const char *p = in->data + in->pos;

    if (n == 0) {
        return APR_EOF;
    }
    if (mode == AP_MODE_GETLINE) {
        const char *lf = memchr(p, '\n', n);

        if (lf) {
            n = (apr_size_t)(lf - p) + 1;
        }
    }
    else if (readbytes > 0 && (apr_size_t)readbytes < n) {
        n = (apr_size_t)readbytes;
    }
    if (in->max_chunk && n > in->max_chunk) {
        n = in->max_chunk;
    }
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_heap_create(p, n, NULL,
                                                       bb->bucket_alloc));
    in->pos += n;
    return APR_SUCCESS;
}

static APR_INLINE apr_status_t fake_out_func(ap_filter_t *f, apr_bucket_brigade *bb)
{
    fake_output *o = f->ctx;
    apr_bucket *e;

    for (e = APR_BRIGADE_FIRST(bb); e != APR_BRIGADE_SENTINEL(bb);
         e = APR_BUCKET_NEXT(e)) {
        const char *d;
        apr_size_t n;

        if (APR_BUCKET_IS_EOS(e)) {
            o->eos = 1;
            continue;
        }
        if (AP_BUCKET_IS_ERROR(e)) {
            if (!o->error_status) {
                o->error_status = ((ap_bucket_error *)e->data)->status;
            }
            continue;
        }
        if (APR_BUCKET_IS_METADATA(e)) {
            continue;
        }
        if (apr_bucket_read(e, &d, &n, APR_BLOCK_READ) == APR_SUCCESS) {
            apr_brigade_write(o->out, NULL, NULL, d, n);
        }
    }
    apr_brigade_cleanup(bb);
    return APR_SUCCESS;
}

/* Everything captured so far, NUL-terminated. */
static APR_INLINE char *fake_output_str(fake_env *env)
{
    char *s;
    apr_size_t len;

    apr_brigade_pflatten(env->outc.out, &s, &len, env->pool);
    s = apr_pstrmemdup(env->pool, s, len);
    return s;
}

static APR_INLINE void fake_set_input(fake_env *env, const char *data,
                           apr_size_t max_chunk)
{
    env->in.data = data;
    env->in.len = strlen(data);
    env->in.pos = 0;
    env->in.max_chunk = max_chunk;
}

static APR_INLINE void fake_env_init(fake_env *env, apr_pool_t *p)
{
    void **sconf, **dconf, **rconf;
    apr_bucket_alloc_t *ba = apr_bucket_alloc_create(p);

    memset(env, 0, sizeof(*env));
    env->pool = p;
    env->csc = apr_pcalloc(p, sizeof(*env->csc));
    env->cdc = apr_pcalloc(p, sizeof(*env->cdc));
    env->crc = apr_pcalloc(p, sizeof(*env->crc));
    env->cdc->max_ranges = AP_MAXRANGES_DEFAULT;
    env->cdc->max_overlaps = AP_MAXRANGES_DEFAULT;
    env->cdc->max_reversals = AP_MAXRANGES_DEFAULT;
    env->cdc->add_default_charset = ADD_DEFAULT_CHARSET_OFF;
    env->csc->trace_enable = AP_TRACE_UNSET;
    sconf = apr_pcalloc(p, sizeof(void *) * 64);
    dconf = apr_pcalloc(p, sizeof(void *) * 64);
    rconf = apr_pcalloc(p, sizeof(void *) * 64);
    sconf[0] = env->csc;
    dconf[0] = env->cdc;
    rconf[0] = env->crc;

    env->s = apr_pcalloc(p, sizeof(*env->s));
    env->s->module_config = (ap_conf_vector_t *)sconf;
    env->s->lookup_defaults = (ap_conf_vector_t *)dconf;
    env->s->limit_req_line = DEFAULT_LIMIT_REQUEST_LINE;
    env->s->limit_req_fieldsize = DEFAULT_LIMIT_REQUEST_FIELDSIZE;
    env->s->limit_req_fields = DEFAULT_LIMIT_REQUEST_FIELDS;
    env->s->keep_alive = 1;
    env->s->keep_alive_max = 100;
    env->s->keep_alive_timeout = apr_time_from_sec(5);
    env->s->server_hostname = (char *)"localhost";

    env->c = apr_pcalloc(p, sizeof(*env->c));
    env->c->pool = p;
    env->c->base_server = env->s;
    env->c->bucket_alloc = ba;
    env->c->client_ip = (char *)"127.0.0.1";

    env->in_rec.name = "FAKE_IN";
    env->in_rec.ftype = AP_FTYPE_NETWORK;
    env->out_rec.ftype = AP_FTYPE_NETWORK;
    env->in_rec.filter_func.in_func = fake_in_func;
    env->in_f.frec = &env->in_rec;
    env->in_f.ctx = &env->in;
    env->in_f.c = env->c;
    env->out_rec.name = "FAKE_OUT";
    env->out_rec.filter_func.out_func = fake_out_func;
    env->out_f.frec = &env->out_rec;
    env->out_f.ctx = &env->outc;
    env->out_f.c = env->c;
    env->outc.out = apr_brigade_create(p, ba);
    env->c->input_filters = &env->in_f;
    env->c->output_filters = &env->out_f;

    env->r = apr_pcalloc(p, sizeof(*env->r));
    env->r->pool = p;
    env->r->connection = env->c;
    env->r->server = env->s;
    env->r->per_dir_config = (ap_conf_vector_t *)dconf;
    env->r->request_config = (ap_conf_vector_t *)rconf;
    env->r->headers_in = apr_table_make(p, 10);
    env->r->headers_out = apr_table_make(p, 10);
    env->r->err_headers_out = apr_table_make(p, 4);
    env->r->trailers_in = apr_table_make(p, 4);
    env->r->trailers_out = apr_table_make(p, 4);
    env->r->subprocess_env = apr_table_make(p, 4);
    env->r->notes = apr_table_make(p, 4);
    env->r->allowed_methods = ap_make_method_list(p, 2);
    env->r->status = HTTP_OK;
    env->r->request_time = apr_time_now();
    env->r->proto_input_filters = &env->in_f;
    env->r->input_filters = &env->in_f;
    env->r->proto_output_filters = &env->out_f;
    env->r->output_filters = &env->out_f;
    env->r->proto_num = HTTP_VERSION(1, 1);
    env->r->protocol = (char *)"HTTP/1.1";
    env->r->method = "GET";
    env->r->method_number = M_GET;
}

#endif /* TEST_PROTOCOL_FAKE_H */
