/* http_protocol_cond.c: conditional requests (RFC 9110 section 13):
 * the ap_condition_* evaluators, ap_meets_conditions in the RFC's order,
 * Last-Modified (ap_set_last_modified, ap_rationalize_mtime).
 *
 * Validators are read from the response headers given (normally
 * r->headers_out, where ap_set_etag / ap_set_last_modified put them), and
 * the modification time from r->mtime. Entity-tag lists are matched in
 * place: no copies, no allocation.
 */
#include <string.h>

#include "apr_date.h"
#include "apr_strings.h"
#include "httpd.h"
#include "http_protocol.h"
#include "http_request.h"

/* Compare an entity-tag from a request list with ours. Strong comparison
 * requires both to be strong; weak ignores the W/ prefixes. */
static int etag_equal(const char *tag, apr_size_t len, const char *ours,
                      int strong)
{
    int tag_weak = len > 2 && tag[0] == 'W' && tag[1] == '/';
    int our_weak = ours[0] == 'W' && ours[1] == '/';

    if (strong && (tag_weak || our_weak)) {
        return 0;
    }
    if (tag_weak) {
        tag += 2;
        len -= 2;
    }
    if (our_weak) {
        ours += 2;
    }
    return strlen(ours) == len && memcmp(tag, ours, len) == 0;
}

/* Does the comma-separated list of entity-tags contain ours? */
static int etag_list_match(const char *list, const char *ours, int strong)
{
    const char *p = list;

    while (*p) {
        const char *start, *end;

        while (*p == ' ' || *p == '\t' || *p == ',') {
            p++;
        }
        start = p;
        if (p[0] == 'W' && p[1] == '/') {
            p += 2;
        }
        if (*p != '"') {
            /* not an entity-tag: skip to the next element */
            while (*p && *p != ',') {
                p++;
            }
            continue;
        }
        end = strchr(p + 1, '"');
        if (end == NULL) {
            return 0;
        }
        p = end + 1;
        if (etag_equal(start, (apr_size_t)(p - start), ours, strong)) {
            return 1;
        }
    }
    return 0;
}

static int is_star(const char *v)
{
    while (*v == ' ' || *v == '\t') {
        v++;
    }
    return v[0] == '*' && (v[1] == '\0' || v[1] == ' ' || v[1] == '\t');
}

/* Modification time of the selected representation, in seconds. */
static apr_time_t resource_mtime_sec(request_rec *r, apr_table_t *headers)
{
    const char *lm;

    if (r->mtime) {
        return apr_time_sec(r->mtime);
    }
    lm = apr_table_get(headers, "Last-Modified");
    if (lm) {
        apr_time_t t = apr_date_parse_http(lm);

        if (t != APR_DATE_BAD) {
            return apr_time_sec(t);
        }
    }
    return apr_time_sec(apr_time_now());
}

/* Parse a request date; APR_DATE_BAD when invalid or in the future. */
static apr_time_t request_date_sec(request_rec *r, const char *value)
{
    apr_time_t t = apr_date_parse_http(value);

    if (t == APR_DATE_BAD) {
        return APR_DATE_BAD;
    }
    if (apr_time_sec(t) > apr_time_sec(r->request_time)) {
        return APR_DATE_BAD; /* RFC 9110 13.1.3: ignore future dates */
    }
    return apr_time_sec(t);
}

AP_DECLARE(ap_condition_e) ap_condition_if_match(request_rec *r,
                                                 apr_table_t *headers)
{
    const char *im = apr_table_get(r->headers_in, "If-Match");
    const char *etag;

    if (im == NULL) {
        return AP_CONDITION_NONE;
    }
    if (is_star(im)) {
        return AP_CONDITION_STRONG;
    }
    etag = apr_table_get(headers, "ETag");
    if (etag && etag_list_match(im, etag, 1)) {
        return AP_CONDITION_STRONG;
    }
    return AP_CONDITION_NOMATCH;
}

AP_DECLARE(ap_condition_e) ap_condition_if_unmodified_since(request_rec *r,
    apr_table_t *headers)
{
    const char *ius = apr_table_get(r->headers_in, "If-Unmodified-Since");
    apr_time_t t;

    if (ius == NULL) {
        return AP_CONDITION_NONE;
    }
    t = apr_date_parse_http(ius);
    if (t == APR_DATE_BAD) {
        return AP_CONDITION_NONE;
    }
    if (resource_mtime_sec(r, headers) > apr_time_sec(t)) {
        return AP_CONDITION_NOMATCH;
    }
    return AP_CONDITION_WEAK;
}

AP_DECLARE(ap_condition_e) ap_condition_if_none_match(request_rec *r,
    apr_table_t *headers)
{
    const char *inm = apr_table_get(r->headers_in, "If-None-Match");
    const char *etag;

    if (inm == NULL) {
        return AP_CONDITION_NONE;
    }
    if (is_star(inm)) {
        return AP_CONDITION_STRONG;
    }
    etag = apr_table_get(headers, "ETag");
    if (etag == NULL) {
        return AP_CONDITION_NOMATCH;
    }
    if (etag_list_match(inm, etag, 1)) {
        return AP_CONDITION_STRONG;
    }
    /* weak comparison is what If-None-Match uses (RFC 9110 13.1.2) */
    if (etag_list_match(inm, etag, 0)) {
        return AP_CONDITION_WEAK;
    }
    return AP_CONDITION_NOMATCH;
}

AP_DECLARE(ap_condition_e) ap_condition_if_modified_since(request_rec *r,
    apr_table_t *headers)
{
    const char *ims = apr_table_get(r->headers_in, "If-Modified-Since");
    apr_time_t t;

    if (ims == NULL) {
        return AP_CONDITION_NONE;
    }
    t = request_date_sec(r, ims);
    if (t == APR_DATE_BAD) {
        return AP_CONDITION_NONE;
    }
    if (resource_mtime_sec(r, headers) > t) {
        return AP_CONDITION_NOMATCH; /* modified: send it */
    }
    return AP_CONDITION_WEAK;
}

AP_DECLARE(ap_condition_e) ap_condition_if_range(request_rec *r,
                                                 apr_table_t *headers)
{
    const char *ir = apr_table_get(r->headers_in, "If-Range");
    const char *etag, *lm;
    apr_time_t t;

    if (ir == NULL || apr_table_get(r->headers_in, "Range") == NULL) {
        return AP_CONDITION_NONE;
    }
    if (ir[0] == '"' || (ir[0] == 'W' && ir[1] == '/')) {
        /* strong comparison only (RFC 9110 13.1.5) */
        etag = apr_table_get(headers, "ETag");
        if (etag && etag_equal(ir, strlen(ir), etag, 1)) {
            return AP_CONDITION_STRONG;
        }
        return AP_CONDITION_NOMATCH;
    }
    t = apr_date_parse_http(ir);
    lm = apr_table_get(headers, "Last-Modified");
    if (t != APR_DATE_BAD && lm && apr_date_parse_http(lm) == t) {
        return AP_CONDITION_STRONG;
    }
    if (t != APR_DATE_BAD && !lm && r->mtime
        && apr_time_sec(r->mtime) == apr_time_sec(t)) {
        return AP_CONDITION_STRONG;
    }
    return AP_CONDITION_NOMATCH;
}

AP_DECLARE(int) ap_meets_conditions(request_rec *r)
{
    int safe = r->method_number == M_GET; /* GET and HEAD */
    ap_condition_e c;

    /* only for a successful response of our own: not for sub-requests or
     * ErrorDocuments */
    if (!ap_is_HTTP_SUCCESS(r->status) || r->no_local_copy) {
        return OK;
    }
    /* 13.2.2 step 1, else step 2 */
    c = ap_condition_if_match(r, r->headers_out);
    if (c == AP_CONDITION_NOMATCH) {
        return HTTP_PRECONDITION_FAILED;
    }
    if (c == AP_CONDITION_NONE
        && ap_condition_if_unmodified_since(r, r->headers_out)
           == AP_CONDITION_NOMATCH) {
        return HTTP_PRECONDITION_FAILED;
    }
    /* step 3, else step 4 */
    c = ap_condition_if_none_match(r, r->headers_out);
    if (c >= AP_CONDITION_WEAK) {
        return safe ? HTTP_NOT_MODIFIED : HTTP_PRECONDITION_FAILED;
    }
    if (c == AP_CONDITION_NONE && safe
        && ap_condition_if_modified_since(r, r->headers_out)
           >= AP_CONDITION_WEAK) {
        return HTTP_NOT_MODIFIED;
    }
    /* step 5 (If-Range) belongs to the byterange filter */
    return OK;
}

AP_DECLARE(apr_time_t) ap_rationalize_mtime(request_rec *r, apr_time_t mtime)
{
    /* a static file predates the request: no need to ask the clock */
    apr_time_t now = mtime < r->request_time ? r->request_time
                                             : apr_time_now();

    return mtime > now ? now : mtime;
}

AP_DECLARE(void) ap_set_last_modified(request_rec *r)
{
    char *date;

    if (r->assbackwards) {
        return;
    }
    date = apr_palloc(r->pool, APR_RFC822_DATE_LEN);
    apr_rfc822_date(date, ap_rationalize_mtime(r, r->mtime));
    apr_table_setn(r->headers_out, "Last-Modified", date);
}
