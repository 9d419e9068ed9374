/* fuzz_httpd_request.c: a request (line, header section, body) through
 * the real parsing code over a fake connection: ap_rgetline_core,
 * ap_parse_request_line, ap_get_mime_headers_core, ap_check_request_header
 * and the HTTP_IN body decoder (Content-Length or chunked, with a
 * LimitRequestBody). The first input byte picks HttpProtocolOptions
 * (Strict/Unsafe, Require1.0, RegisteredMethods) and the read size, so
 * that lines split across reads are covered. Nothing may crash, hang or
 * leak past the per-input pool. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "mod_core.h"
#include "../httpd/unit/test_protocol_fake.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void read_body(fake_env *env)
{
    ap_filter_rec_t rec;
    ap_filter_t f;
    apr_bucket_brigade *bb = apr_brigade_create(env->pool,
                                                env->c->bucket_alloc);
    int i;

    memset(&rec, 0, sizeof(rec));
    memset(&f, 0, sizeof(f));
    rec.name = "HTTP_IN";
    rec.filter_func.in_func = ap_http_filter;
    f.frec = &rec;
    f.r = env->r;
    f.c = env->c;
    f.next = &env->in_f;
    env->r->input_filters = &f;
    for (i = 0; i < 10000; i++) {
        apr_status_t rv = ap_get_brigade(&f, bb, AP_MODE_READBYTES,
                                         APR_BLOCK_READ, 7);
        int eos = !APR_BRIGADE_EMPTY(bb)
                  && APR_BUCKET_IS_EOS(APR_BRIGADE_LAST(bb));

        apr_brigade_cleanup(bb);
        if (rv != APR_SUCCESS || eos) {
            break;
        }
    }
}

static void one_request(fake_env *env, uint8_t knobs)
{
    apr_bucket_brigade *bb = apr_brigade_create(env->pool,
                                                env->c->bucket_alloc);
    request_rec *r = env->r;
    apr_size_t len;

    r->method = NULL;
    r->protocol = NULL;
    r->the_request = NULL;
    if (ap_rgetline_core(&r->the_request, 256, &len, r,
                         (knobs & 1) ? 0 : AP_GETLINE_CRLF, bb)
        != APR_SUCCESS) {
        return;
    }
    if (!ap_parse_request_line(r) || r->assbackwards) {
        return;
    }
    ap_get_mime_headers_core(r, bb);
    if (r->status != HTTP_OK) {
        return;
    }
    r->hostname = "localhost"; /* no vhost machinery in this harness */
    if (!ap_check_request_header(r)) {
        return;
    }
    read_body(env);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int initialized;
    apr_pool_t *pool;
    fake_env env;
    char *input;
    uint8_t knobs;

    if (!initialized) {
        apr_initialize();
        initialized = 1;
    }
    if (size < 1) {
        return 0;
    }
    knobs = data[0];
    apr_pool_create(&pool, NULL);
    fake_env_init(&env, pool);
    env.csc->http_conformance = (knobs & 1) ? AP_HTTP_CONFORMANCE_UNSAFE
                                            : AP_HTTP_CONFORMANCE_STRICT;
    env.csc->http09_enable = (knobs & 2) ? AP_HTTP09_DISABLE
                                         : AP_HTTP09_ENABLE;
    env.csc->http_methods = (knobs & 4) ? AP_HTTP_METHODS_REGISTERED
                                        : AP_HTTP_METHODS_LENIENT;
    env.s->limit_req_fieldsize = 128;
    env.s->limit_req_fields = 16;
    env.cdc->limit_req_body = (knobs & 8) ? 64 : 4096;
    env.r->method_number = M_INVALID;
    /* the fake network hands out NUL-terminated text; keep NULs inside */
    input = apr_pmemdup(pool, data + 1, size - 1);
    env.in.data = input;
    env.in.len = size - 1;
    env.in.pos = 0;
    env.in.max_chunk = (knobs >> 4) ? (apr_size_t)(knobs >> 4) : 0;
    one_request(&env, knobs);
    apr_pool_destroy(pool);
    return 0;
}
