/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  http_protocol.h
 * @brief HTTP/1.x: reading requests, response metadata, conditionals,
 *        writing the body (ap_r*), methods, request bodies, protocol
 *        switching and the protocol hooks.
 */

#ifndef APACHE_HTTP_PROTOCOL_H
#define APACHE_HTTP_PROTOCOL_H

#include <limits.h>
#include <string.h>

#include "httpd.h"
#include "apr_portable.h"
#include "apr_mmap.h"
#include "apr_buckets.h"
#include "util_filter.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Hook: insert filters that must also run on error responses. */
AP_DECLARE_HOOK(void, insert_error_filter, (request_rec *r))

/** the OLD_WRITE filter used by ap_rwrite and friends */
AP_DECLARE_DATA extern ap_filter_rec_t *ap_old_write_func;

/* ---- reading the request ---------------------------------------------- */

/** Create an empty request_rec on @a c (own pool, defaults filled in). */
AP_DECLARE(request_rec *) ap_create_request(conn_rec *c);

/** Read and parse the next request on @a c; NULL if there is none. */
request_rec *ap_read_request(conn_rec *c);

/** Parse r->the_request into method, URI and protocol; 0 on error (with
 *  r->status set). */
AP_DECLARE(int) ap_parse_request_line(request_rec *r);

/** Validate the Host header and protocol rules of @a r; 0 on error. */
AP_DECLARE(int) ap_check_request_header(request_rec *r);

/** Read the header fields of @a r into r->headers_in. */
AP_DECLARE(void) ap_get_mime_headers(request_rec *r);

/** As ap_get_mime_headers using brigade @a bb for reading. */
AP_DECLARE(void) ap_get_mime_headers_core(request_rec *r,
                                          apr_bucket_brigade *bb);

/** Run the post_read_request hook; returns OK or an HTTP status. */
AP_DECLARE(int) ap_post_read_request(request_rec *r);

/** Finish the response (terminating chunk, EOS). */
AP_DECLARE(void) ap_finalize_request_protocol(request_rec *r);

/** Send the error response for r->status (ErrorDocument or the built-in
 *  page); @a recursive_error is the status of a failed ErrorDocument. */
AP_DECLARE(void) ap_send_error_response(request_rec *r, int recursive_error);

/* ---- response metadata ------------------------------------------------ */

/** Set Content-Length of the response. */
AP_DECLARE(void) ap_set_content_length(request_rec *r, apr_off_t length);

/** Decide whether the connection is kept alive; sets the headers. */
AP_DECLARE(int) ap_set_keepalive(request_rec *r);

/** Clamp @a mtime to the request time (no future dates). */
AP_DECLARE(apr_time_t) ap_rationalize_mtime(request_rec *r, apr_time_t mtime);

/** Content type with AddDefaultCharset's charset added when needed. */
AP_DECLARE(const char *) ap_make_content_type(request_rec *r,
                                              const char *type);

/** Prepare the table used by ap_make_content_type. */
AP_DECLARE(void) ap_setup_make_content_type(apr_pool_t *pool);

/** Inputs to ap_make_etag_ex. */
typedef struct etag_rec etag_rec;

/** What an entity tag is computed from. */
struct etag_rec {
    /** variant list validator (mod_negotiation) or NULL */
    const char *vlist_validator;
    /** time of the request, to decide on weak tags */
    apr_time_t request_time;
    /** file information */
    apr_finfo_t *finfo;
    /** file path (for digest tags) */
    const char *pathname;
    /** open file (for digest tags) or NULL */
    apr_file_t *fd;
    /** make it weak */
    int force_weak;
};

/** Entity tag for r->finfo per FileETag. */
AP_DECLARE(char *) ap_make_etag(request_rec *r, int force_weak);

/** Entity tag from the fields of @a er. */
AP_DECLARE(char *) ap_make_etag_ex(request_rec *r, etag_rec *er);

/** Set the ETag response header. */
AP_DECLARE(void) ap_set_etag(request_rec *r);

/** Set the ETag response header, reading @a fd if a digest is needed. */
AP_DECLARE(void) ap_set_etag_fd(request_rec *r, apr_file_t *fd);

/** Set Last-Modified from r->mtime. */
AP_DECLARE(void) ap_set_last_modified(request_rec *r);

/** Result of a single conditional header check. */
typedef enum {
    AP_CONDITION_NONE,
    AP_CONDITION_NOMATCH,
    AP_CONDITION_WEAK,
    AP_CONDITION_STRONG
} ap_condition_e;

/** Evaluate If-Match of @a headers. */
AP_DECLARE(ap_condition_e) ap_condition_if_match(request_rec *r,
                                                 apr_table_t *headers);

/** Evaluate If-Unmodified-Since of @a headers. */
AP_DECLARE(ap_condition_e) ap_condition_if_unmodified_since(request_rec *r,
                                                 apr_table_t *headers);

/** Evaluate If-None-Match of @a headers. */
AP_DECLARE(ap_condition_e) ap_condition_if_none_match(request_rec *r,
                                                 apr_table_t *headers);

/** Evaluate If-Modified-Since of @a headers. */
AP_DECLARE(ap_condition_e) ap_condition_if_modified_since(request_rec *r,
                                                 apr_table_t *headers);

/** Evaluate If-Range of @a headers. */
AP_DECLARE(ap_condition_e) ap_condition_if_range(request_rec *r,
                                                 apr_table_t *headers);

/** Evaluate all preconditions: OK, HTTP_NOT_MODIFIED or
 *  HTTP_PRECONDITION_FAILED. */
AP_DECLARE(int) ap_meets_conditions(request_rec *r);

/* ---- sending ---------------------------------------------------------- */

/** Send @a length bytes of @a fd from @a offset; @a nbytes gets the count. */
AP_DECLARE(apr_status_t) ap_send_fd(apr_file_t *fd, request_rec *r,
                                    apr_off_t offset, apr_size_t length,
                                    apr_size_t *nbytes);

#if APR_HAS_MMAP
/** Send part of a memory-mapped file; returns the bytes sent. */
AP_DECLARE(apr_size_t) ap_send_mmap(apr_mmap_t *mm, request_rec *r,
                                    apr_size_t offset, apr_size_t length);
#endif

/* ---- methods ---------------------------------------------------------- */

/** Register an extension method; returns its number. */
AP_DECLARE(int) ap_method_register(apr_pool_t *p, const char *methname);

/** Create the method registry (with the standard methods). */
AP_DECLARE(void) ap_method_registry_init(apr_pool_t *p);

/** Is @a methname's bit set in @a mask? */
#define AP_METHOD_CHECK_ALLOWED(mask, methname) \
    ((mask) & (AP_METHOD_BIT << ap_method_number_of((methname))))

/** New method list with room for @a nelts extension methods. */
AP_DECLARE(ap_method_list_t *) ap_make_method_list(apr_pool_t *p, int nelts);

/** Copy method list @a src into @a dest. */
AP_DECLARE(void) ap_copy_method_list(ap_method_list_t *dest,
                                     ap_method_list_t *src);

/** Is @a method in @a l? */
AP_DECLARE(int) ap_method_in_list(ap_method_list_t *l, const char *method);

/** Add @a method to @a l. */
AP_DECLARE(void) ap_method_list_add(ap_method_list_t *l, const char *method);

/** Remove @a method from @a l. */
AP_DECLARE(void) ap_method_list_remove(ap_method_list_t *l,
                                       const char *method);

/** Empty @a l. */
AP_DECLARE(void) ap_clear_method_list(ap_method_list_t *l);

/** Set the response Content-Type (untrusted: may be checked). */
AP_DECLARE(void) ap_set_content_type(request_rec *r, const char *ct);

/** Set the response Content-Type; @a trusted skips checks. */
AP_DECLARE(void) ap_set_content_type_ex(request_rec *r, const char *ct,
                                        int trusted);

/** Add "Accept-Ranges" per MaxRanges. */
AP_DECLARE(void) ap_set_accept_ranges(request_rec *r);

/* ---- writing the body ------------------------------------------------- */

/** Write one character; returns it or -1. */
AP_DECLARE(int) ap_rputc(int c, request_rec *r);

/** Write @a nbyte bytes; returns @a nbyte or -1. */
AP_DECLARE(int) ap_rwrite(const void *buf, int nbyte, request_rec *r);

/** Write a NUL-terminated string; returns its length or -1. */
static APR_INLINE int ap_rputs(const char *str, request_rec *r)
{
    apr_size_t len = strlen(str);

    /* ap_rwrite takes an int: feed very long strings in pieces */
    while (len > INT_MAX) {
        int rc = ap_rwrite(str, INT_MAX, r);
        if (rc < 0) {
            return rc;
        }
        str += INT_MAX;
        len -= INT_MAX;
    }
    return ap_rwrite(str, (int)len, r);
}

/** Write a NULL-terminated list of strings; returns bytes or -1. */
AP_DECLARE_NONSTD(int) ap_rvputs(request_rec *r, ...) AP_FN_ATTR_SENTINEL;

/** vprintf to the response; returns bytes or -1. */
AP_DECLARE(int) ap_vrprintf(request_rec *r, const char *fmt, va_list vlist);

/** printf to the response; returns bytes or -1. */
AP_DECLARE_NONSTD(int) ap_rprintf(request_rec *r, const char *fmt, ...)
                                  __attribute__((format(printf, 2, 3)));

/** Flush what was written so far to the client; 0 or -1. */
AP_DECLARE(int) ap_rflush(request_rec *r);

/* ---- status lines ----------------------------------------------------- */

/** Index of @a status in the status-line table (for ErrorDocuments). */
AP_DECLARE(int) ap_index_of_response(int status);

/** "NNN Reason" for @a status (the 500 line for unknown codes). */
AP_DECLARE(const char *) ap_get_status_line(int status);

/** As ap_get_status_line, but unknown codes get "NNN " (allocated in p). */
AP_DECLARE(const char *) ap_get_status_line_ex(apr_pool_t *p, int status);

/* ---- request bodies --------------------------------------------------- */

/** Prepare to read the body with policy REQUEST_NO_BODY /
 *  REQUEST_CHUNKED_ERROR / REQUEST_CHUNKED_DECHUNK; OK or a status. */
AP_DECLARE(int) ap_setup_client_block(request_rec *r, int read_policy);

/** Is there a body to read?  (sends 100-continue when needed) */
AP_DECLARE(int) ap_should_client_block(request_rec *r);

/** Read up to @a bufsiz body bytes: count, 0 at end, -1 on error. */
AP_DECLARE(long) ap_get_client_block(request_rec *r, char *buffer,
                                     apr_size_t bufsiz);

/** HTTP status for a body-read failure @a rv (default @a status). */
AP_DECLARE(int) ap_map_http_request_error(apr_status_t rv, int status);

/** Read and drop the body; OK or an HTTP status. */
AP_DECLARE(int) ap_discard_request_body(request_rec *r);

/* ---- authentication challenges ---------------------------------------- */

/** Add the WWW-Authenticate challenge for the configured AuthType. */
AP_DECLARE(void) ap_note_auth_failure(request_rec *r);

/** Obsolete: same as ap_note_auth_failure. */
AP_DECLARE(void) ap_note_basic_auth_failure(request_rec *r);

/** Obsolete: same as ap_note_auth_failure. */
AP_DECLARE(void) ap_note_digest_auth_failure(request_rec *r);

/** Hook: add the challenge for @a auth_type; OK if handled. */
AP_DECLARE_HOOK(int, note_auth_failure,
                (request_rec *r, const char *auth_type))

/** Decode Basic credentials: password into @a pw, user into r->user. */
AP_DECLARE(int) ap_get_basic_auth_pw(request_rec *r, const char **pw);

/** note set once ap_get_basic_auth_pw has run */
#define AP_GET_BASIC_AUTH_PW_NOTE "AP_GET_BASIC_AUTH_PW_NOTE"

/** Decode Basic credentials without touching @a r. */
AP_DECLARE(apr_status_t) ap_get_basic_auth_components(const request_rec *r,
                                                      const char **username,
                                                      const char **password);

/** Parse @a uri into r->parsed_uri, r->uri and r->args. */
AP_CORE_DECLARE(void) ap_parse_uri(request_rec *r, const char *uri);

/* ---- line reading ----------------------------------------------------- */

/** ap_getline/ap_rgetline flag: join folded (continuation) lines */
#define AP_GETLINE_FOLD      1
/** require CRLF line endings */
#define AP_GETLINE_CRLF      2
/** refuse trailing whitespace before the end of line */
#define AP_GETLINE_NOSPC_EOL 4

/** Read one line into @a s (size @a n); returns its length, n on
 *  overflow, -1 on error. */
AP_DECLARE(int) ap_getline(char *s, int n, request_rec *r, int flags);

#if APR_CHARSET_EBCDIC
/** Read one line, allocating when *s is NULL. */
AP_DECLARE(apr_status_t) ap_rgetline(char **s, apr_size_t n,
                                     apr_size_t *read, request_rec *r,
                                     int flags, apr_bucket_brigade *bb);
#else
#define ap_rgetline(s, n, read, r, fold, bb) \
    ap_rgetline_core((s), (n), (read), (r), (fold), (bb))
#endif

/** Read one line (no charset translation); APR_ENOSPC if longer than n. */
AP_DECLARE(apr_status_t) ap_rgetline_core(char **s, apr_size_t n,
                                          apr_size_t *read, request_rec *r,
                                          int flags, apr_bucket_brigade *bb);

/** Method number of @a method (M_INVALID if unknown). */
AP_DECLARE(int) ap_method_number_of(const char *method);

/** Name of method number @a methnum (NULL if unknown). */
AP_DECLARE(const char *) ap_method_name_of(apr_pool_t *p, int methnum);

/* ---- protocol hooks --------------------------------------------------- */

/** Hook: before the request line is read. */
AP_DECLARE_HOOK(void, pre_read_request, (request_rec *r, conn_rec *c))

/** Hook: after the headers are read. */
AP_DECLARE_HOOK(int, post_read_request, (request_rec *r))

/** Hook: log the finished request. */
AP_DECLARE_HOOK(int, log_transaction, (request_rec *r))

/** Hook: scheme of the request ("http", "https"). */
AP_DECLARE_HOOK(const char *, http_scheme, (const request_rec *r))

/** Hook: default port for the request's scheme. */
AP_DECLARE_HOOK(apr_port_t, default_port, (const request_rec *r))

/** protocol name of HTTP/1.1 for Protocols */
#define AP_PROTOCOL_HTTP1 "http/1.1"

/** Hook: propose protocols (from @a offers) to switch to. */
AP_DECLARE_HOOK(int, protocol_propose,
                (conn_rec *c, request_rec *r, server_rec *s,
                 const apr_array_header_t *offers,
                 apr_array_header_t *proposals))

/** Hook: switch @a c to @a protocol; DECLINED if not ours. */
AP_DECLARE_HOOK(int, protocol_switch,
                (conn_rec *c, request_rec *r, server_rec *s,
                 const char *protocol))

/** Hook: the protocol running on @a c. */
AP_DECLARE_HOOK(const char *, protocol_get, (const conn_rec *c))

/** Protocols @a c could be upgraded to. */
AP_DECLARE(apr_status_t) ap_get_protocol_upgrades(conn_rec *c,
                                request_rec *r, server_rec *s,
                                int report_all,
                                const apr_array_header_t **pupgrades);

/** Pick the protocol to use among @a choices. */
AP_DECLARE(const char *) ap_select_protocol(conn_rec *c, request_rec *r,
                                            server_rec *s,
                                            const apr_array_header_t *choices);

/** Switch @a c to @a protocol. */
AP_DECLARE(apr_status_t) ap_switch_protocol(conn_rec *c, request_rec *r,
                                            server_rec *s,
                                            const char *protocol);

/** Protocol running on @a c ("http/1.1" by default). */
AP_DECLARE(const char *) ap_get_protocol(conn_rec *c);

/** Is @a protocol allowed by the Protocols directive? */
AP_DECLARE(int) ap_is_allowed_protocol(conn_rec *c, request_rec *r,
                                       server_rec *s, const char *protocol);

/* ---- the error bucket ------------------------------------------------- */

/** Data of an ERROR bucket. */
typedef struct ap_bucket_error ap_bucket_error;

/** An HTTP error travelling down the output filters. */
struct ap_bucket_error {
    /** the bucket refcount (must be first) */
    apr_bucket_refcount refcount;
    /** HTTP status */
    int status;
    /** optional text */
    const char *data;
};

/** the ERROR bucket type */
AP_DECLARE_DATA extern const apr_bucket_type_t ap_bucket_type_error;

/** Is @a e an ERROR bucket? */
#define AP_BUCKET_IS_ERROR(e) ((e)->type == &ap_bucket_type_error)

/** Turn @a b into an ERROR bucket. */
AP_DECLARE(apr_bucket *) ap_bucket_error_make(apr_bucket *b, int error,
                                              const char *buf, apr_pool_t *p);

/** Create an ERROR bucket. */
AP_DECLARE(apr_bucket *) ap_bucket_error_create(int error, const char *buf,
                                                apr_pool_t *p,
                                                apr_bucket_alloc_t *list);

/** the BYTERANGE output filter */
AP_DECLARE_NONSTD(apr_status_t) ap_byterange_filter(ap_filter_t *f,
                                                    apr_bucket_brigade *b);

/** the HTTP_HEADER output filter */
AP_DECLARE_NONSTD(apr_status_t) ap_http_header_filter(ap_filter_t *f,
                                                      apr_bucket_brigade *b);

/** the CONTENT_LENGTH output filter */
AP_DECLARE_NONSTD(apr_status_t) ap_content_length_filter(ap_filter_t *,
                                                         apr_bucket_brigade *);

/** the OLD_WRITE output filter (buffers ap_r* output) */
AP_DECLARE_NONSTD(apr_status_t) ap_old_write_filter(ap_filter_t *f,
                                                    apr_bucket_brigade *b);

/** Copy the protocol fields of @a r into subrequest @a rnew. */
AP_DECLARE(void) ap_set_sub_req_protocol(request_rec *rnew,
                                         const request_rec *r);

/** Finish a subrequest's output (pass its EOS). */
AP_DECLARE(void) ap_finalize_sub_req_protocol(request_rec *sub_r);

/** Send a 1xx response now; @a send_headers adds r->headers_out. */
AP_DECLARE(void) ap_send_interim_response(request_rec *r, int send_headers);

#ifdef __cplusplus
}
#endif

#endif /* APACHE_HTTP_PROTOCOL_H */
