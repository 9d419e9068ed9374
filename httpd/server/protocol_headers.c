/* protocol_headers.c: the request header section (RFC 9112 section 5):
 * ap_get_mime_headers(_core) with LimitRequestFields/LimitRequestFieldSize
 * and obs-fold, and ap_check_request_header (Host and Expect rules).
 *
 * Each line is read once into the request pool and split in place: the
 * name and value are NUL-terminated inside that one allocation. A folded
 * header (rare, deprecated) costs one extra concatenation.
 */
#include <string.h>

#include "apr_strings.h"
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_vhost.h"
#include "protocol_private.h"

APLOG_USE_MODULE(core);

#define NOTE_FIELD_SIZE "Size of a request header field exceeds server limit."
#define NOTE_FIELD_COUNT \
    "The number of request header fields exceeds this server's limit."

/* The header being assembled, kept until we know no fold line follows. */
typedef struct {
    char *line;
    apr_size_t len;
    int fields;
} pending_field;

static void fail(request_rec *r, int status, const char *note,
                 const char *why, const char *line)
{
    r->status = status;
    if (note) {
        apr_table_setn(r->notes, "error-notes", note);
    }
    ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, APLOGNO(10501)
                  "Request header: %s%s%.*s", why, line ? ": " : "",
                  80, line ? line : "");
}

static int is_ws(char c)
{
    return c == ' ' || c == '\t';
}

/* Split "name: value" in place and add it to headers_in. */
static int add_field(request_rec *r, char *line, apr_size_t len, int strict)
{
    char *colon, *value, *end;

    if (strict) {
        colon = (char *)ap_scan_http_token(line);
        if (colon == line || *colon != ':') {
            fail(r, HTTP_BAD_REQUEST, NULL, "malformed field name", line);
            return 0;
        }
    }
    else {
        colon = memchr(line, ':', len);
        if (colon == NULL || colon == line) {
            fail(r, HTTP_BAD_REQUEST, NULL, "missing ':' separator", line);
            return 0;
        }
        end = colon;
        while (end > line && is_ws(end[-1])) {
            end--;  /* "Name : v" is tolerated only by Unsafe */
        }
        *end = '\0';
    }
    *colon = '\0';
    value = colon + 1;
    while (is_ws(*value)) {
        value++;
    }
    end = line + len;
    while (end > value && is_ws(end[-1])) {
        end--;
    }
    *end = '\0';
    if (strict && *ap_scan_http_field_content(value) != '\0') {
        fail(r, HTTP_BAD_REQUEST, NULL, "malformed field value", line);
        return 0;
    }
    apr_table_addn(r->headers_in, line, value);
    return 1;
}

/* Append an obs-fold continuation (RFC 9112 section 5.2: replace the fold
 * with one SP) to the pending field, within LimitRequestFieldSize. */
static int fold_into(request_rec *r, pending_field *pf, const char *line,
                     apr_size_t len, apr_size_t limit)
{
    char *joined;

    while (len && is_ws(*line)) {
        line++;
        len--;
    }
    if (pf->len + 1 + len > limit) {
        fail(r, HTTP_BAD_REQUEST, NOTE_FIELD_SIZE, "folded field too long",
             NULL);
        return 0;
    }
    joined = apr_palloc(r->pool, pf->len + 1 + len + 1);
    memcpy(joined, pf->line, pf->len);
    joined[pf->len] = ' ';
    memcpy(joined + pf->len + 1, line, len);
    pf->len += 1 + len;
    joined[pf->len] = '\0';
    pf->line = joined;
    return 1;
}

static int commit(request_rec *r, pending_field *pf, int strict, int max)
{
    if (pf->line == NULL) {
        return 1;
    }
    if (max > 0 && ++pf->fields > max) {
        fail(r, HTTP_BAD_REQUEST, NOTE_FIELD_COUNT,
             "number of fields exceeds LimitRequestFields", NULL);
        return 0;
    }
    if (!add_field(r, pf->line, pf->len, strict)) {
        return 0;
    }
    pf->line = NULL;
    return 1;
}

static void read_failed(request_rec *r, apr_status_t rv, const char *field)
{
    if (APR_STATUS_IS_TIMEUP(rv)) {
        r->status = HTTP_REQUEST_TIME_OUT;
    }
    else if (rv == APR_ENOSPC) {
        fail(r, HTTP_BAD_REQUEST, NOTE_FIELD_SIZE,
             "field exceeds LimitRequestFieldSize", field);
    }
    else {
        fail(r, HTTP_BAD_REQUEST, NULL, "read failed or bad line ending",
             NULL);
    }
}

AP_DECLARE(void) ap_get_mime_headers_core(request_rec *r,
                                          apr_bucket_brigade *bb)
{
    core_server_config *conf =
        ap_get_core_module_config(r->server->module_config);
    int strict = conf->http_conformance != AP_HTTP_CONFORMANCE_UNSAFE;
    apr_size_t limit = (apr_size_t)r->server->limit_req_fieldsize;
    pending_field pf = { NULL, 0, 0 };

    for (;;) {
        char *line = NULL;
        apr_size_t len = 0;
        apr_status_t rv;

        rv = ap_rgetline_core(&line, limit + 2, &len, r,
                              strict ? AP_GETLINE_CRLF : 0, bb);
        if (rv != APR_SUCCESS) {
            read_failed(r, rv, line);
            return;
        }
        if (strlen(line) != len) {
            fail(r, HTTP_BAD_REQUEST, NULL, "NUL byte in field", NULL);
            return;
        }
        if (len > 0 && is_ws(line[0])) {
            if (pf.line == NULL) {
                fail(r, HTTP_BAD_REQUEST, NULL,
                     "line folding before the first field", line);
                return;
            }
            if (!fold_into(r, &pf, line, len, limit)) {
                return;
            }
            continue;
        }
        if (!commit(r, &pf, strict, r->server->limit_req_fields)) {
            return;
        }
        if (len == 0) {
            break;
        }
        pf.line = line;
        pf.len = len;
    }
    /* repeated fields become one comma-separated value (RFC 9110 5.3) */
    apr_table_compress(r->headers_in, APR_OVERLAP_TABLES_MERGE);
}

AP_DECLARE(void) ap_get_mime_headers(request_rec *r)
{
    apr_bucket_brigade *bb;

    bb = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    ap_get_mime_headers_core(r, bb);
    apr_brigade_destroy(bb);
}

static int check_host(request_rec *r)
{
    core_server_config *conf =
        ap_get_core_module_config(r->server->module_config);
    int strict_host = conf->strict_host_check == AP_CORE_CONFIG_ON;
    int rc;

    rc = ap_update_vhost_from_headers_ex(r, strict_host);
    if (strict_host && rc != HTTP_OK) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10502)
                      "Requested hostname '%s' did not match any "
                      "ServerName/ServerAlias (StrictHostCheck)",
                      r->hostname ? r->hostname : "");
        r->status = rc;
        return 0;
    }
    if (r->status != HTTP_OK) {
        return 0;
    }
    if ((!r->hostname && r->proto_num >= HTTP_VERSION(1, 1))
        || (r->proto_num == HTTP_VERSION(1, 1)
            && !apr_table_get(r->headers_in, "Host"))) {
        ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, APLOGNO(10503)
                      "client sent HTTP/1.1 request without hostname "
                      "(see RFC 9112 section 3.2): %s", r->uri);
        r->status = HTTP_BAD_REQUEST;
        return 0;
    }
    return 1;
}

AP_DECLARE(int) ap_check_request_header(request_rec *r)
{
    const char *expect;

    if (!check_host(r)) {
        return 0;
    }
    expect = apr_table_get(r->headers_in, "Expect");
    if (expect == NULL || *expect == '\0') {
        return 1;
    }
    if (ap_cstr_casecmp(expect, "100-continue") == 0) {
        /* HTTP/1.0 clients do not wait for the interim response */
        if (r->proto_num >= HTTP_VERSION(1, 1)) {
            r->expecting_100 = 1;
        }
        return 1;
    }
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, APLOGNO(10504)
                  "client sent an unrecognized expectation value of "
                  "Expect: %s", expect);
    r->status = HTTP_EXPECTATION_FAILED;
    return 0;
}
