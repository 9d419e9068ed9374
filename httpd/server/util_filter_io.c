/* util_filter_io.c: moving brigades along filter chains, and the helpers
 * filters use to write into them (ap_fwrite & co. buffer in the brigade
 * and pass it on when it grows, through ap_filter_flush). */
#include <string.h>

#include "apr_buckets.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_log.h"
#include "http_request.h"
#include "util_filter.h"

APLOG_USE_MODULE(core);

AP_DECLARE(apr_status_t) ap_get_brigade(ap_filter_t *next,
                                        apr_bucket_brigade *bb,
                                        ap_input_mode_t mode,
                                        apr_read_type_e block,
                                        apr_off_t readbytes)
{
    if (!next) {
        return AP_NOBODY_READ;
    }
    return next->frec->filter_func.in_func(next, bb, mode, block, readbytes);
}

/* An EOS going down the chain of a request means the response is
 * complete, for it and for the requests it was redirected from. */
static void note_eos(ap_filter_t *next, apr_bucket_brigade *bb)
{
    request_rec *r;

    if (!next->r || APR_BRIGADE_EMPTY(bb)
        || !APR_BUCKET_IS_EOS(APR_BRIGADE_LAST(bb))) {
        return;
    }
    for (r = next->r; r; r = r->prev) {
        r->eos_sent = 1;
    }
}

AP_DECLARE(apr_status_t) ap_pass_brigade(ap_filter_t *next,
                                         apr_bucket_brigade *bb)
{
    if (!next) {
        return AP_NOBODY_WROTE;
    }
    note_eos(next, bb);
    return next->frec->filter_func.out_func(next, bb);
}

AP_DECLARE(apr_status_t) ap_pass_brigade_fchk(request_rec *r,
                                              apr_bucket_brigade *bb,
                                              const char *fmt, ...)
{
    apr_status_t rv = ap_pass_brigade(r->output_filters, bb);

    if (rv == APR_SUCCESS) {
        return OK;
    }
    if (rv == AP_FILTER_ERROR) {
        return AP_FILTER_ERROR;
    }
    if (!r->connection->aborted && fmt) {
        va_list ap;
        const char *what;

        va_start(ap, fmt);
        what = apr_pvsprintf(r->pool, fmt, ap);
        va_end(ap);
        ap_log_rerror(APLOG_MARK, APLOG_ERR, rv, r, APLOGNO(20102)
                      "%s", what);
    }
    return HTTP_INTERNAL_SERVER_ERROR;
}

/* Make one bucket survive until @a p is cleared; buckets that cannot be
 * set aside as they are (e.g. pipes) are read into memory first. */
static apr_status_t setaside_one(apr_bucket *e, apr_pool_t *p)
{
    apr_status_t rv = apr_bucket_setaside(e, p);

    if (rv == APR_ENOTIMPL) {
        const char *s;
        apr_size_t n;

        rv = apr_bucket_read(e, &s, &n, APR_BLOCK_READ);
        if (rv == APR_SUCCESS) {
            rv = apr_bucket_setaside(e, p);
        }
    }
    return rv;
}

AP_DECLARE(apr_status_t) ap_save_brigade(ap_filter_t *f,
                                         apr_bucket_brigade **saveto,
                                         apr_bucket_brigade **b,
                                         apr_pool_t *p)
{
    apr_bucket *e;
    apr_status_t rv, srv = APR_SUCCESS;

    if (!*saveto) {
        *saveto = apr_brigade_create(p, f->c->bucket_alloc);
    }
    for (e = APR_BRIGADE_FIRST(*b); e != APR_BRIGADE_SENTINEL(*b);
         e = APR_BUCKET_NEXT(e)) {
        rv = setaside_one(e, p);
        if (rv != APR_SUCCESS) {
            srv = rv;
            /* ENOTIMPL only means a metadata bucket kept as is. */
            if (rv != APR_ENOTIMPL) {
                return rv;
            }
        }
    }
    APR_BRIGADE_CONCAT(*saveto, *b);
    return srv;
}

AP_DECLARE_NONSTD(apr_status_t) ap_filter_flush(apr_bucket_brigade *bb,
                                                void *ctx)
{
    ap_filter_t *f = ctx;
    apr_status_t rv = ap_pass_brigade(f, bb);

    /* apr_brigade_write may have put transient buckets in bb that die
     * when it returns: never leave them behind, even after an error. */
    apr_brigade_cleanup(bb);
    return rv;
}

AP_DECLARE(apr_status_t) ap_fflush(ap_filter_t *f, apr_bucket_brigade *bb)
{
    apr_bucket *b = apr_bucket_flush_create(f->c->bucket_alloc);

    APR_BRIGADE_INSERT_TAIL(bb, b);
    return ap_pass_brigade(f, bb);
}

AP_DECLARE_NONSTD(apr_status_t) ap_fputstrs(ap_filter_t *f,
                                            apr_bucket_brigade *bb, ...)
{
    va_list args;
    apr_status_t rv;

    va_start(args, bb);
    rv = apr_brigade_vputstrs(bb, ap_filter_flush, f, args);
    va_end(args);
    return rv;
}

AP_DECLARE_NONSTD(apr_status_t) ap_fprintf(ap_filter_t *f,
                                           apr_bucket_brigade *bb,
                                           const char *fmt, ...)
{
    va_list args;
    apr_status_t rv;

    va_start(args, fmt);
    rv = apr_brigade_vprintf(bb, ap_filter_flush, f, fmt, args);
    va_end(args);
    return rv;
}

AP_DECLARE(void) ap_filter_protocol(ap_filter_t *f, unsigned int flags)
{
    f->frec->proto_flags = flags;
}
