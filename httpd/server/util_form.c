/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * ap_parse_form_data(): an application/x-www-form-urlencoded request body
 * as name/value pairs. The body is read whole (it is bounded by the
 * caller's size limit) and then split, so a pair may span any number of
 * input buckets.
 */
#include "util_private.h"
#include "http_protocol.h"
#include "util_filter.h"
#include "util_varbuf.h"
#include "apr_buckets.h"
#include "apr_strings.h"

#include <limits.h>

#define FORM_TYPE "application/x-www-form-urlencoded"

/* Read the whole body into *body (NUL-terminated) unless it exceeds max. */
static int read_body(request_rec *r, ap_filter_t *f, apr_size_t max,
                     char **body, apr_size_t *len)
{
    apr_bucket_brigade *bb = apr_brigade_create(r->pool,
                                                r->connection->bucket_alloc);
    struct ap_varbuf vb;
    int seen_eos = 0;

    ap_varbuf_init(r->pool, &vb, 0);
    vb.strlen = 0;
    while (!seen_eos) {
        apr_bucket *b;
        apr_status_t rv = ap_get_brigade(f, bb, AP_MODE_READBYTES,
                                         APR_BLOCK_READ, HUGE_STRING_LEN);

        if (rv != APR_SUCCESS) {
            apr_brigade_destroy(bb);
            ap_varbuf_free(&vb);
            return ap_map_http_request_error(rv, HTTP_BAD_REQUEST);
        }
        for (b = APR_BRIGADE_FIRST(bb); b != APR_BRIGADE_SENTINEL(bb);
             b = APR_BUCKET_NEXT(b)) {
            const char *data;
            apr_size_t n;

            if (APR_BUCKET_IS_EOS(b)) {
                seen_eos = 1;
                break;
            }
            rv = apr_bucket_read(b, &data, &n, APR_BLOCK_READ);
            if (rv != APR_SUCCESS || n > max - vb.strlen || n > INT_MAX) {
                apr_brigade_destroy(bb);
                ap_varbuf_free(&vb);
                return rv != APR_SUCCESS ? HTTP_BAD_REQUEST
                                         : HTTP_REQUEST_ENTITY_TOO_LARGE;
            }
            ap_varbuf_strmemcat(&vb, data, (int)n);
        }
        apr_brigade_cleanup(bb);
    }
    apr_brigade_destroy(bb);
    *body = ap_varbuf_pdup(r->pool, &vb, NULL, 0, NULL, 0, len);
    ap_varbuf_free(&vb);
    return OK;
}

/* Decode a form-urlencoded name or value in place; returns its length.
 * A malformed %XX is kept literally. */
static apr_size_t form_decode(char *s)
{
    char *in = s, *out = s;

    for (; *in; ++in) {
        int hi, lo;

        if (*in == '+') {
            *out++ = ' ';
            continue;
        }
        if (*in == '%' && (hi = ap__hexval((unsigned char)in[1])) >= 0
            && (lo = ap__hexval((unsigned char)in[2])) >= 0) {
            *out++ = (char)(hi << 4 | lo);
            in += 2;
            continue;
        }
        *out++ = *in;
    }
    *out = '\0';
    return (apr_size_t)(out - s);
}

static void add_pair(request_rec *r, apr_array_header_t *pairs, char *item)
{
    char *eq = strchr(item, '=');
    ap_form_pair_t *pair;
    apr_size_t vlen;

    if (eq == NULL)
        return; /* a name without '=' carries nothing */
    *eq = '\0';
    form_decode(item);
    vlen = form_decode(eq + 1);
    pair = apr_array_push(pairs);
    pair->name = item;
    pair->value = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    if (vlen)
        APR_BRIGADE_INSERT_TAIL(pair->value,
            apr_bucket_pool_create(eq + 1, vlen, r->pool,
                                   r->connection->bucket_alloc));
}

AP_DECLARE(int) ap_parse_form_data(request_rec *r, ap_filter_t *f,
                                   apr_array_header_t **ptr,
                                   apr_size_t num, apr_size_t usize)
{
    apr_array_header_t *pairs = apr_array_make(r->pool, 4,
                                               sizeof(ap_form_pair_t));
    const char *ct = apr_table_get(r->headers_in, "Content-Type");
    apr_size_t max = usize > APR_SIZE_MAX / 2 ? APR_SIZE_MAX / 2 : usize;
    char *body = NULL, *item, *state;
    apr_size_t len;
    int rv;

    *ptr = pairs;
    if (!ct || ap_cstr_casecmpn(FORM_TYPE, ct, sizeof(FORM_TYPE) - 1) != 0)
        return ap_discard_request_body(r);
    rv = read_body(r, f ? f : r->input_filters, max, &body, &len);
    if (rv != OK)
        return rv;
    for (item = apr_strtok(body, "&", &state); item;
         item = apr_strtok(NULL, "&", &state)) {
        if (num == 0)
            return HTTP_REQUEST_ENTITY_TOO_LARGE;
        add_pair(r, pairs, item);
        num--;
    }
    return OK;
}
