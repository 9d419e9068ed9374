/* http_protocol_body.c: the request body API for handlers (the
 * ap_setup_client_block / ap_should_client_block / ap_get_client_block
 * trio), ap_discard_request_body and ap_map_http_request_error.
 *
 * The body itself is decoded by the HTTP_IN filter (http_filters_in.c);
 * these functions only pull from r->input_filters.
 */
#include "apr_strings.h"
#include "httpd.h"
#include "http_log.h"
#include "http_protocol.h"
#include "util_filter.h"

APLOG_USE_MODULE(http);

AP_DECLARE(int) ap_map_http_request_error(apr_status_t rv, int status)
{
    switch (rv) {
    case AP_FILTER_ERROR:
        return AP_FILTER_ERROR;
    case APR_ENOSPC:
        return HTTP_REQUEST_ENTITY_TOO_LARGE;
    case APR_ENOTIMPL:
        return HTTP_NOT_IMPLEMENTED;
    case APR_TIMEUP:
    case APR_ETIMEDOUT:
        return HTTP_REQUEST_TIME_OUT;
    default:
        return status;
    }
}

AP_DECLARE(int) ap_setup_client_block(request_rec *r, int read_policy)
{
    const char *tenc = apr_table_get(r->headers_in, "Transfer-Encoding");
    const char *lenp = apr_table_get(r->headers_in, "Content-Length");

    r->read_body = read_policy;
    r->read_chunked = 0;
    r->remaining = 0;
    if (tenc) {
        if (ap_cstr_casecmp(tenc, "chunked") != 0) {
            ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10530)
                          "Unknown Transfer-Encoding %s", tenc);
            return HTTP_NOT_IMPLEMENTED;
        }
        if (r->read_body == REQUEST_CHUNKED_ERROR) {
            ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10531)
                          "chunked Transfer-Encoding forbidden: %s", r->uri);
            return lenp ? HTTP_BAD_REQUEST : HTTP_LENGTH_REQUIRED;
        }
        r->read_chunked = 1;
    }
    else if (lenp && !ap_parse_strict_length(&r->remaining, lenp)) {
        r->remaining = 0;
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10532)
                      "Invalid Content-Length '%s'", lenp);
        return HTTP_BAD_REQUEST;
    }
    if (r->read_body == REQUEST_NO_BODY
        && (r->read_chunked || r->remaining > 0)) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10533)
                      "%s with body is not allowed for %s", r->method,
                      r->uri);
        return HTTP_REQUEST_ENTITY_TOO_LARGE;
    }
    return OK;
}

AP_DECLARE(int) ap_should_client_block(request_rec *r)
{
    /* called once, before the first read: nothing read yet */
    if (r->read_length || (!r->read_chunked && r->remaining <= 0)) {
        return 0;
    }
    return 1;
}

AP_DECLARE(long) ap_get_client_block(request_rec *r, char *buffer,
                                     apr_size_t bufsiz)
{
    apr_bucket_brigade *bb;
    apr_status_t rv;

    if (r->remaining < 0 || (!r->read_chunked && r->remaining == 0)) {
        return 0;
    }
    bb = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    rv = ap_get_brigade(r->input_filters, bb, AP_MODE_READBYTES,
                        APR_BLOCK_READ, (apr_off_t)bufsiz);
    if (rv != APR_SUCCESS) {
        /* the status is lost here: this API cannot report it */
        if (rv != AP_FILTER_ERROR) {
            r->connection->keepalive = AP_CONN_CLOSE;
        }
        apr_brigade_destroy(bb);
        return -1;
    }
    if (!APR_BRIGADE_EMPTY(bb) && APR_BUCKET_IS_EOS(APR_BRIGADE_LAST(bb))) {
        r->remaining = r->read_chunked ? -1 : 0;
    }
    rv = apr_brigade_flatten(bb, buffer, &bufsiz);
    apr_brigade_destroy(bb);
    if (rv != APR_SUCCESS) {
        return -1;
    }
    r->read_length += (apr_off_t)bufsiz;
    return (long)bufsiz;
}

/* Read and drop one brigade; *eos once the body is over. */
static apr_status_t drain(apr_bucket_brigade *bb, int *eos)
{
    apr_bucket *e;

    for (e = APR_BRIGADE_FIRST(bb); e != APR_BRIGADE_SENTINEL(bb);
         e = APR_BUCKET_NEXT(e)) {
        const char *data;
        apr_size_t len;
        apr_status_t rv;

        if (APR_BUCKET_IS_EOS(e)) {
            *eos = 1;
            break;
        }
        if (e->length == 0) {
            continue;
        }
        /* morphing buckets must be read to be consumed */
        rv = apr_bucket_read(e, &data, &len, APR_BLOCK_READ);
        if (rv != APR_SUCCESS) {
            return rv;
        }
    }
    apr_brigade_cleanup(bb);
    return APR_SUCCESS;
}

AP_DECLARE(int) ap_discard_request_body(request_rec *r)
{
    apr_bucket_brigade *bb;
    int eos = 0;

    /* sub-requests share the body; a connection about to close needs no
     * draining (and draining a hostile body is what we want to avoid) */
    if (r->main || r->connection->keepalive == AP_CONN_CLOSE) {
        return OK;
    }
    bb = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    while (!eos) {
        apr_status_t rv = ap_get_brigade(r->input_filters, bb,
                                         AP_MODE_READBYTES, APR_BLOCK_READ,
                                         HUGE_STRING_LEN);

        if (rv == APR_SUCCESS && APR_BRIGADE_EMPTY(bb)) {
            break; /* nothing more will come */
        }
        if (rv == APR_SUCCESS) {
            rv = drain(bb, &eos);
        }
        if (rv != APR_SUCCESS) {
            apr_brigade_destroy(bb);
            return ap_map_http_request_error(rv, HTTP_BAD_REQUEST);
        }
    }
    apr_brigade_destroy(bb);
    return OK;
}
