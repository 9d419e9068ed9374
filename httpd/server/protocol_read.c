/* protocol_read.c: reading CRLF-terminated protocol lines from the
 * request's protocol input filters (ap_rgetline_core, ap_getline).
 *
 * The core input filter in AP_MODE_GETLINE returns at most one line per
 * call (possibly split over several buckets when the line spans socket
 * reads), so one line costs one copy into the request pool and nothing
 * else. Lines longer than the caller's limit fail with APR_ENOSPC without
 * buffering the excess (the caller answers 414 or 400).
 */
#include <string.h>

#include "apr_strings.h"
#include "httpd.h"
#include "http_protocol.h"
#include "util_filter.h"
#include "protocol_private.h"

/* Per-call state kept on the stack while a line is assembled. */
typedef struct {
    char *buf;          /* destination (caller's or allocated)           */
    apr_size_t cap;     /* bytes available in buf                        */
    apr_size_t len;     /* bytes stored so far                           */
    apr_size_t limit;   /* caller's n: bytes of line + terminator + NUL  */
    int alloc;          /* buf is ours and may be grown                  */
    int overflow;       /* limit passed; remaining bytes are discarded   */
    apr_pool_t *pool;
} line_buf;

static void line_grow(line_buf *lb, apr_size_t need)
{
    apr_size_t cap = lb->cap ? lb->cap : 80;
    char *nb;

    while (cap < need) {
        cap *= 2;
    }
    if (cap > lb->limit + 1) {
        cap = lb->limit + 1;
    }
    nb = apr_palloc(lb->pool, cap);
    if (lb->len) {
        memcpy(nb, lb->buf, lb->len);
    }
    lb->buf = nb;
    lb->cap = cap;
}

/* Append bytes; a NUL byte keeps its place (callers reject it later via
 * strlen() != len checks). Returns 0 once the limit has been passed. */
static int line_append(line_buf *lb, const char *data, apr_size_t n)
{
    if (lb->overflow) {
        return 0;
    }
    if (lb->len + n > lb->limit) {
        /* keep what fits so that logs can show the start of the line */
        n = lb->limit - lb->len;
        lb->overflow = 1;
    }
    if (lb->alloc && lb->len + n + 1 > lb->cap) {
        line_grow(lb, lb->len + n + 1);
    }
    memcpy(lb->buf + lb->len, data, n);
    lb->len += n;
    return !lb->overflow;
}

/* Move one brigade's worth of data into lb. *eol is set once an LF has
 * been seen, *eos on an EOS bucket. */
static apr_status_t drain_brigade(apr_bucket_brigade *bb, line_buf *lb,
                                  int *eol, int *eos)
{
    apr_bucket *e;

    for (e = APR_BRIGADE_FIRST(bb); e != APR_BRIGADE_SENTINEL(bb);
         e = APR_BUCKET_NEXT(e)) {
        const char *str;
        apr_size_t n;
        apr_status_t rv;

        if (APR_BUCKET_IS_EOS(e)) {
            *eos = 1;
            break;
        }
        rv = apr_bucket_read(e, &str, &n, APR_BLOCK_READ);
        if (rv != APR_SUCCESS) {
            return rv;
        }
        if (n == 0) {
            continue;
        }
        line_append(lb, str, n);
        if (str[n - 1] == APR_ASCII_LF) {
            *eol = 1;
        }
    }
    return APR_SUCCESS;
}

/* Strip the line terminator; enforce CRLF when asked. */
static apr_status_t strip_eol(line_buf *lb, int flags)
{
    if (lb->len == 0 || lb->buf[lb->len - 1] != APR_ASCII_LF) {
        return APR_SUCCESS;
    }
    lb->len--;
    if (lb->len && lb->buf[lb->len - 1] == APR_ASCII_CR) {
        lb->len--;
    }
    else if (flags & AP_GETLINE_CRLF) {
        return APR_EINVAL;
    }
    return APR_SUCCESS;
}

AP_DECLARE(apr_status_t) ap_rgetline_core(char **s, apr_size_t n,
                                          apr_size_t *read, request_rec *r,
                                          int flags, apr_bucket_brigade *bb)
{
    line_buf lb;
    int eol = 0, eos = 0;
    apr_status_t rv = APR_SUCCESS;

    *read = 0;
    if (n < 2) {
        return APR_BADARG;
    }
    memset(&lb, 0, sizeof(lb));
    lb.limit = n;
    lb.pool = r->pool;
    lb.alloc = (*s == NULL);
    lb.buf = *s;
    lb.cap = lb.alloc ? 0 : n;

    while (!eol && !eos) {
        apr_brigade_cleanup(bb);
        rv = ap_get_brigade(r->proto_input_filters, bb, AP_MODE_GETLINE,
                            APR_BLOCK_READ, 0);
        if (rv != APR_SUCCESS) {
            break;
        }
        if (APR_BRIGADE_EMPTY(bb)) {
            rv = APR_EGENERAL;
            break;
        }
        rv = drain_brigade(bb, &lb, &eol, &eos);
        if (rv != APR_SUCCESS) {
            break;
        }
        /* without NOSPC_EOL we stop at once; the caller closes anyway */
        if (lb.overflow && !(flags & AP_GETLINE_NOSPC_EOL)) {
            break;
        }
    }
    apr_brigade_cleanup(bb);

    if (lb.buf == NULL) {
        line_grow(&lb, 1);
    }
    if (rv == APR_SUCCESS && eol && !lb.overflow) {
        rv = strip_eol(&lb, flags);
    }
    if (lb.len >= lb.cap) {
        lb.overflow = 1; /* no room left for the terminating NUL */
    }
    if (lb.overflow) {
        lb.buf[lb.cap - 1] = '\0';
        *s = lb.buf;
        *read = n;
        return APR_ENOSPC;
    }
    if (rv == APR_SUCCESS && !eol && eos && lb.len == 0) {
        rv = APR_EOF;
    }
    lb.buf[lb.len] = '\0';
    *s = lb.buf;
    *read = lb.len;
    return rv;
}

#if APR_CHARSET_EBCDIC
AP_DECLARE(apr_status_t) ap_rgetline(char **s, apr_size_t n,
                                     apr_size_t *read, request_rec *r,
                                     int flags, apr_bucket_brigade *bb)
{
    return ap_rgetline_core(s, n, read, r, flags, bb);
}
#endif

AP_DECLARE(int) ap_getline(char *s, int n, request_rec *r, int flags)
{
    apr_bucket_brigade *bb;
    apr_size_t len;
    apr_status_t rv;
    char *p = s;

    if (n < 2) {
        return -1;
    }
    bb = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    rv = ap_rgetline_core(&p, (apr_size_t)n, &len, r, flags, bb);
    apr_brigade_destroy(bb);
    if (rv == APR_ENOSPC) {
        return n;
    }
    if (rv != APR_SUCCESS) {
        return -1;
    }
    return (int)len;
}
