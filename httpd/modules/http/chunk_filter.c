/* chunk_filter.c: CHUNK, the HTTP/1.1 chunked transfer-coding of response
 * bodies of unknown length (RFC 9112 section 7.1).
 *
 * Each brigade (up to a FLUSH) becomes one chunk: size line in front,
 * CRLF behind, so that a stream of small writes costs two tiny buckets
 * per pass and no copy of the data. The EOS is preceded by the last-chunk,
 * r->trailers_out and the final CRLF, except after a 502 error bucket: a
 * backend that broke mid-response must look broken to the client too.
 */
#include <string.h>

#include "apr_strings.h"
#include "httpd.h"
#include "http_connection.h"
#include "http_protocol.h"
#include "mod_core.h"
#include "util_filter.h"

/* f->ctx is set to this once a 502 error bucket went by. */
static int bad_gateway_seen;

static int put_trailer(void *data, const char *key, const char *val)
{
    apr_bucket_brigade *bb = data;

    apr_brigade_putstrs(bb, NULL, NULL, key, ": ", val, CRLF_ASCII, NULL);
    return 1;
}

/* "0" CRLF [trailers] CRLF before the EOS. */
static void last_chunk(ap_filter_t *f, apr_bucket *eos)
{
    request_rec *r = f->r;
    apr_bucket_alloc_t *ba = f->c->bucket_alloc;
    apr_bucket_brigade *tb;

    if (r == NULL || apr_is_empty_table(r->trailers_out)) {
        APR_BUCKET_INSERT_BEFORE(eos,
            apr_bucket_immortal_create("0" CRLF_ASCII CRLF_ASCII, 5, ba));
        return;
    }
    tb = apr_brigade_create(r->pool, ba);
    apr_brigade_write(tb, NULL, NULL, "0" CRLF_ASCII, 3);
    apr_table_do(put_trailer, tb, r->trailers_out, NULL);
    apr_brigade_write(tb, NULL, NULL, CRLF_ASCII, 2);
    while (!APR_BRIGADE_EMPTY(tb)) {
        apr_bucket *e = APR_BRIGADE_FIRST(tb);

        APR_BUCKET_REMOVE(e);
        APR_BUCKET_INSERT_BEFORE(eos, e);
    }
    apr_brigade_destroy(tb);
}

/* Count the data of b up to EOS/FLUSH/an unknown-length bucket; the rest
 * (if any) is split off into *more. */
static apr_status_t scan(ap_filter_t *f, apr_bucket_brigade *b,
                         apr_bucket_brigade **more, apr_bucket **eos,
                         apr_bucket **flush, apr_off_t *bytes)
{
    apr_bucket *e;

    for (e = APR_BRIGADE_FIRST(b); e != APR_BRIGADE_SENTINEL(b);
         e = APR_BUCKET_NEXT(e)) {
        if (APR_BUCKET_IS_EOS(e)) {
            *eos = e;
            break;
        }
        if (AP_BUCKET_IS_ERROR(e)) {
            if (((ap_bucket_error *)e->data)->status == HTTP_BAD_GATEWAY) {
                f->ctx = &bad_gateway_seen;
            }
            continue;
        }
        if (APR_BUCKET_IS_FLUSH(e)) {
            *flush = e;
            if (e != APR_BRIGADE_LAST(b)) {
                *more = apr_brigade_split(b, APR_BUCKET_NEXT(e));
            }
            break;
        }
        if (e->length == (apr_size_t)-1) {
            const char *data;
            apr_size_t len;
            apr_status_t rv = apr_bucket_read(e, &data, &len,
                                              APR_BLOCK_READ);

            if (rv != APR_SUCCESS) {
                return rv;
            }
            if (len == 0) {
                continue;
            }
            /* send what we have before a read that may block again */
            *bytes += (apr_off_t)len;
            if (e != APR_BRIGADE_LAST(b)) {
                *more = apr_brigade_split(b, APR_BUCKET_NEXT(e));
            }
            break;
        }
        *bytes += (apr_off_t)e->length;
    }
    return APR_SUCCESS;
}

apr_status_t ap_http_chunk_filter(ap_filter_t *f, apr_bucket_brigade *b)
{
    apr_bucket_alloc_t *ba = f->c->bucket_alloc;
    apr_bucket_brigade *more;
    apr_status_t rv;

    for (more = NULL; b; b = more, more = NULL) {
        apr_bucket *eos = NULL, *flush = NULL, *e;
        apr_off_t bytes = 0;

        rv = scan(f, b, &more, &eos, &flush, &bytes);
        if (rv != APR_SUCCESS) {
            return rv;
        }
        if (bytes > 0) {
            char hdr[24];
            int n = apr_snprintf(hdr, sizeof(hdr),
                                 "%" APR_UINT64_T_HEX_FMT CRLF_ASCII,
                                 (apr_uint64_t)bytes);

            APR_BRIGADE_INSERT_HEAD(b,
                apr_bucket_heap_create(hdr, (apr_size_t)n, NULL, ba));
            e = apr_bucket_immortal_create(CRLF_ASCII, 2, ba);
            if (eos) {
                APR_BUCKET_INSERT_BEFORE(eos, e);
            }
            else if (flush) {
                APR_BUCKET_INSERT_BEFORE(flush, e);
            }
            else {
                APR_BRIGADE_INSERT_TAIL(b, e);
            }
        }
        if (eos) {
            if (f->ctx == NULL) {
                last_chunk(f, eos);
            }
            ap_remove_output_filter(f);
        }
        rv = ap_pass_brigade(f->next, b);
        if (rv != APR_SUCCESS || eos) {
            if (more) {
                apr_brigade_cleanup(more);
            }
            return rv;
        }
    }
    return APR_SUCCESS;
}
