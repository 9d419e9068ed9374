/* byterange_filter.c: BYTERANGE, partial responses (RFC 9110 section
 * 14): one range gives 206 with Content-Range, several give a
 * multipart/byteranges body, none satisfiable gives 416.
 *
 * Only complete responses of known length are ranged (the whole body with
 * its EOS in one brigade, as the default handler sends a file), so a range
 * costs bucket copies and splits, never a copy of the data. Ranges are
 * merged the way Apache httpd merges them (adjacent or overlapping ones
 * with the current set), and MaxRanges / MaxRangeOverlaps /
 * MaxRangeReversals turn an abusive header into a plain 200.
 */
#include <string.h>

#include "apr_lib.h"
#include "apr_strings.h"
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "mod_core.h"
#include "util_filter.h"
#include "protocol_private.h"

APLOG_USE_MODULE(http);

#define DEFAULT_MAX_RANGES 200
#define DEFAULT_MAX_OVERLAPS 20
#define DEFAULT_MAX_REVERSALS 20
#define PASS_EVERY 32  /* multipart parts sent per pass down the chain */

/* Parse a non-negative decimal of at most 18 digits. */
static int parse_num(const char *s, const char *end, apr_off_t *v)
{
    apr_off_t n = 0;

    if (s == end || end - s > 18) {
        return 0;
    }
    for (; s < end; s++) {
        if (!apr_isdigit(*s)) {
            return 0;
        }
        n = n * 10 + (*s - '0');
    }
    *v = n;
    return 1;
}

typedef struct {
    apr_off_t start, end;   /* current merged set */
    int open;               /* a set is being merged */
    int requested;          /* satisfiable ranges seen */
    int overlaps, reversals;
    int unsatisfiable;
    apr_off_t sum;
    apr_array_header_t *out;
} range_state;

static void push_set(range_state *st)
{
    ap__range_t *rg = apr_array_push(st->out);

    rg->start = st->start;
    rg->end = st->end;
    st->sum += st->end - st->start + 1;
}

/* Merge [start,end] into the current set or start a new one. */
static void add_range(range_state *st, apr_off_t start, apr_off_t end)
{
    int merged = 0;

    st->requested++;
    if (!st->open) {
        st->start = start;
        st->end = end;
        st->open = 1;
        return;
    }
    if (start >= st->start && end <= st->end) {
        merged = 1;
    }
    if (start < st->start && end >= st->start - 1) {
        st->start = start;
        st->reversals++;
        merged = 1;
    }
    if (end >= st->end && start <= st->end + 1) {
        st->end = end;
        merged = 1;
    }
    if (merged) {
        st->overlaps++;
        return;
    }
    if (start < st->start) {
        st->reversals++;
    }
    push_set(st);
    st->start = start;
    st->end = end;
}

/* One "first-last" / "first-" / "-suffix" spec. Returns 0 on a syntax
 * error (the whole header is then ignored), 2 for "0-" (whole body). */
static int parse_spec(range_state *st, const char *s, const char *end,
                      apr_off_t clength)
{
    const char *dash = memchr(s, '-', (size_t)(end - s));
    apr_off_t first, last;

    if (dash == NULL) {
        return 0;
    }
    if (dash == s) {
        if (!parse_num(dash + 1, end, &last) || last < 1) {
            return 0; /* "-0" is not a satisfiable suffix: ignored */
        }
        add_range(st, last >= clength ? 0 : clength - last, clength - 1);
        return 1;
    }
    if (!parse_num(s, dash, &first)) {
        return 0;
    }
    if (dash + 1 == end) {
        if (first == 0) {
            return 2;
        }
        last = clength - 1;
    }
    else if (!parse_num(dash + 1, end, &last) || first > last) {
        return 0;
    }
    if (first >= clength) {
        st->unsatisfiable = 1;
        return 1;
    }
    add_range(st, first, last >= clength ? clength - 1 : last);
    return 1;
}

/* Limits: a negative value (AP_MAXRANGES_UNLIMITED) means none. */
static int over_limit(int value, int max)
{
    return max >= 0 && value > max;
}

int ap__parse_byteranges(apr_pool_t *p, const char *range, apr_off_t clength,
                         int max_ranges, int max_overlaps, int max_reversals,
                         apr_array_header_t **ranges)
{
    range_state st;
    const char *s;

    if (range == NULL || clength <= 0
        || ap_cstr_casecmpn(range, "bytes=", 6) != 0) {
        return 0;
    }
    memset(&st, 0, sizeof(st));
    st.out = apr_array_make(p, 4, sizeof(ap__range_t));
    for (s = range + 6; *s; ) {
        const char *e = strchr(s, ',');
        int rc;

        if (e == NULL) {
            e = s + strlen(s);
        }
        if (e == s) { /* empty list element */
            s++;
            continue;
        }
        rc = parse_spec(&st, s, e, clength);
        if (rc == 0) {
            return 0;
        }
        if (rc == 2) {
            /* "0-" asks for everything: the other specs do not matter */
            apr_array_clear(st.out);
            st.start = 0;
            st.end = clength - 1;
            st.open = 1;
            st.requested = 1;
            st.overlaps = st.reversals = 0;
            st.sum = 0;
            break;
        }
        s = *e ? e + 1 : e;
    }
    if (st.open) {
        push_set(&st);
    }
    else {
        return st.unsatisfiable ? -1 : 0;
    }
    if (st.sum > clength || over_limit(st.requested, max_ranges)
        || over_limit(st.overlaps, max_overlaps)
        || over_limit(st.reversals, max_reversals)) {
        return 0;
    }
    *ranges = st.out;
    return st.out->nelts;
}

/* Length of a complete body; -1 when it is not complete or not known. */
static apr_off_t body_length(apr_bucket_brigade *bb)
{
    apr_bucket *e;
    apr_off_t len = 0;

    for (e = APR_BRIGADE_FIRST(bb); e != APR_BRIGADE_SENTINEL(bb);
         e = APR_BUCKET_NEXT(e)) {
        if (APR_BUCKET_IS_EOS(e)) {
            return len;
        }
        if (e->length == (apr_size_t)-1) {
            return -1;
        }
        len += (apr_off_t)e->length;
    }
    return -1;
}

static apr_status_t copy_bucket(apr_bucket *e, apr_bucket **c)
{
    apr_status_t rv = apr_bucket_copy(e, c);

    if (rv == APR_ENOTIMPL) {
        const char *data;
        apr_size_t n;

        rv = apr_bucket_read(e, &data, &n, APR_BLOCK_READ);
        if (rv == APR_SUCCESS) {
            rv = apr_bucket_copy(e, c);
        }
    }
    return rv;
}

/* Append copies of bytes [start,end] of bb to out. */
static apr_status_t copy_range(apr_bucket_brigade *bb,
                               apr_bucket_brigade *out, apr_off_t start,
                               apr_off_t end)
{
    apr_bucket *e;
    apr_off_t pos = 0;

    for (e = APR_BRIGADE_FIRST(bb);
         e != APR_BRIGADE_SENTINEL(bb) && !APR_BUCKET_IS_EOS(e) && pos <= end;
         e = APR_BUCKET_NEXT(e)) {
        apr_off_t len = (apr_off_t)e->length, from, keep;
        apr_bucket *c;
        apr_status_t rv;

        if (len == 0 || pos + len <= start) {
            pos += len;
            continue;
        }
        rv = copy_bucket(e, &c);
        if (rv != APR_SUCCESS) {
            return rv;
        }
        APR_BRIGADE_INSERT_TAIL(out, c);
        from = start > pos ? start - pos : 0;
        if (from) {
            apr_bucket_split(c, (apr_size_t)from);
            c = APR_BUCKET_NEXT(c);
            apr_bucket_delete(APR_BUCKET_PREV(c));
        }
        keep = (end < pos + len - 1 ? end : pos + len - 1) - (pos + from) + 1;
        if (keep < (apr_off_t)c->length) {
            apr_bucket_split(c, (apr_size_t)keep);
            apr_bucket_delete(APR_BUCKET_NEXT(c));
        }
        pos += len;
    }
    return APR_SUCCESS;
}

static apr_status_t send_416(ap_filter_t *f, apr_bucket_brigade *bb,
                             apr_off_t clength)
{
    request_rec *r = f->r;

    ap_remove_output_filter(f);
    apr_brigade_cleanup(bb);
    r->status = HTTP_OK;
    apr_table_setn(r->err_headers_out, "Content-Range",
                   apr_psprintf(r->pool, "bytes */%" APR_OFF_T_FMT,
                                clength));
    APR_BRIGADE_INSERT_TAIL(bb, ap_bucket_error_create(
        HTTP_RANGE_NOT_SATISFIABLE, NULL, r->pool, f->c->bucket_alloc));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_eos_create(f->c->bucket_alloc));
    return ap_pass_brigade(f->next, bb);
}

static void resolve_limits(request_rec *r, int *ranges, int *overlaps,
                           int *reversals)
{
    core_dir_config *d = ap_get_core_module_config(r->per_dir_config);

    *ranges = (d->max_ranges >= 0 || d->max_ranges == AP_MAXRANGES_UNLIMITED)
              ? d->max_ranges : DEFAULT_MAX_RANGES;
    *overlaps = (d->max_overlaps >= 0
                 || d->max_overlaps == AP_MAXRANGES_UNLIMITED)
                ? d->max_overlaps : DEFAULT_MAX_OVERLAPS;
    *reversals = (d->max_reversals >= 0
                  || d->max_reversals == AP_MAXRANGES_UNLIMITED)
                 ? d->max_reversals : DEFAULT_MAX_REVERSALS;
}

/* The Range header when this response may be ranged at all. */
static const char *wanted_range(request_rec *r, int *legacy)
{
    const char *range = apr_table_get(r->headers_in, "Range");
    const char *ct;

    *legacy = 0;
    if (range == NULL) {
        range = apr_table_get(r->headers_in, "Request-Range");
        *legacy = range != NULL;
    }
    if (range == NULL || r->assbackwards || r->status != HTTP_OK
        || apr_table_get(r->headers_out, "Content-Range")) {
        return NULL;
    }
    ct = r->content_type;
    if (ct && (ap_cstr_casecmpn(ct, "multipart/byteranges", 20) == 0
               || ap_cstr_casecmpn(ct, "multipart/x-byteranges", 22) == 0)) {
        return NULL;
    }
    if (ap_condition_if_range(r, r->headers_out) == AP_CONDITION_NOMATCH) {
        return NULL;
    }
    return range;
}

/* Declared by mod_core.h; a module may set a fixed boundary prefix. */
AP_DECLARE_DATA const char *ap_multipart_boundary = NULL;

static const char *make_boundary(request_rec *r)
{
    unsigned char rnd[8];
    apr_uint64_t v = 0;
    int i;

    if (apr_generate_random_bytes(rnd, sizeof(rnd)) == APR_SUCCESS) {
        for (i = 0; i < 8; i++) {
            v = (v << 8) | rnd[i];
        }
    }
    else {
        v = (apr_uint64_t)r->request_time ^ (apr_uint64_t)r->connection->id;
    }
    return apr_psprintf(r->pool, "%s%016" APR_UINT64_T_HEX_FMT,
                        ap_multipart_boundary ? ap_multipart_boundary : "",
                        v);
}

static apr_status_t send_parts(ap_filter_t *f, apr_bucket_brigade *bb,
                               apr_array_header_t *ranges,
                               apr_off_t clength, int legacy)
{
    request_rec *r = f->r;
    apr_bucket_alloc_t *ba = f->c->bucket_alloc;
    apr_bucket_brigade *out = apr_brigade_create(r->pool, ba);
    const char *ct = ap_make_content_type(r, r->content_type);
    const char *boundary = make_boundary(r);
    const char *head;
    int i;

    ap_set_content_type(r, apr_pstrcat(r->pool, "multipart",
                        legacy ? "/x-" : "/", "byteranges; boundary=",
                        boundary, NULL));
    head = apr_pstrcat(r->pool, CRLF_ASCII "--", boundary,
                       ct ? CRLF_ASCII "Content-type: " : "", ct ? ct : "",
                       CRLF_ASCII "Content-range: bytes ", NULL);
    for (i = 0; i < ranges->nelts; i++) {
        ap__range_t *rg = &APR_ARRAY_IDX(ranges, i, ap__range_t);
        apr_status_t rv;

        apr_brigade_putstrs(out, NULL, NULL, head, apr_psprintf(r->pool,
            "%" APR_OFF_T_FMT "-%" APR_OFF_T_FMT "/%" APR_OFF_T_FMT,
            rg->start, rg->end, clength), CRLF_ASCII CRLF_ASCII, NULL);
        rv = copy_range(bb, out, rg->start, rg->end);
        if (rv != APR_SUCCESS) {
            return rv;
        }
        if (i && (i % PASS_EVERY) == 0) {
            apr_table_unset(r->headers_out, "Content-Length");
            rv = ap_pass_brigade(f->next, out);
            apr_brigade_cleanup(out);
            if (rv != APR_SUCCESS) {
                return rv;
            }
        }
    }
    apr_brigade_putstrs(out, NULL, NULL, CRLF_ASCII "--", boundary,
                        "--" CRLF_ASCII, NULL);
    APR_BRIGADE_INSERT_TAIL(out, apr_bucket_eos_create(ba));
    apr_brigade_cleanup(bb);
    return ap_pass_brigade(f->next, out);
}

static apr_status_t send_single(ap_filter_t *f, apr_bucket_brigade *bb,
                                const ap__range_t *rg, apr_off_t clength)
{
    request_rec *r = f->r;
    apr_bucket_brigade *out = apr_brigade_create(r->pool,
                                                 f->c->bucket_alloc);
    apr_status_t rv;

    apr_table_setn(r->headers_out, "Content-Range", apr_psprintf(r->pool,
        "bytes %" APR_OFF_T_FMT "-%" APR_OFF_T_FMT "/%" APR_OFF_T_FMT,
        rg->start, rg->end, clength));
    rv = copy_range(bb, out, rg->start, rg->end);
    if (rv != APR_SUCCESS) {
        return rv;
    }
    APR_BRIGADE_INSERT_TAIL(out, apr_bucket_eos_create(f->c->bucket_alloc));
    apr_brigade_cleanup(bb);
    return ap_pass_brigade(f->next, out);
}

AP_DECLARE_NONSTD(apr_status_t) ap_byterange_filter(ap_filter_t *f,
                                                    apr_bucket_brigade *bb)
{
    request_rec *r = f->r;
    apr_array_header_t *ranges = NULL;
    const char *range;
    apr_off_t clength;
    int legacy, max_r, max_o, max_v, n;

    range = wanted_range(r, &legacy);
    clength = range ? body_length(bb) : -1;
    if (clength <= 0) {
        ap_remove_output_filter(f);
        return ap_pass_brigade(f->next, bb);
    }
    resolve_limits(r, &max_r, &max_o, &max_v);
    n = ap__parse_byteranges(r->pool, range, clength, max_r, max_o, max_v,
                             &ranges);
    ap_remove_output_filter(f);
    if (n == 0) {
        return ap_pass_brigade(f->next, bb);
    }
    if (n < 0) {
        return send_416(f, bb, clength);
    }
    r->status = HTTP_PARTIAL_CONTENT;
    r->range = range + 6;
    if (n == 1) {
        return send_single(f, bb, &APR_ARRAY_IDX(ranges, 0, ap__range_t),
                           clength);
    }
    return send_parts(f, bb, ranges, clength, legacy);
}
