/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  util_filter.h
 * @brief Input and output filters: registration, chains, passing
 *        brigades and the ap_f* writing helpers.
 */

#ifndef AP_FILTER_H
#define AP_FILTER_H

#include <stdarg.h>

#include "apr.h"
#include "apr_buckets.h"
#include "httpd.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What an input filter is asked to return. */
typedef enum {
    /** up to readbytes bytes */
    AP_MODE_READBYTES,
    /** one line (up to and including LF) */
    AP_MODE_GETLINE,
    /** skip a CRLF if one is next */
    AP_MODE_EATCRLF,
    /** peek: return data without consuming it */
    AP_MODE_SPECULATIVE,
    /** everything until EOF */
    AP_MODE_EXHAUSTIVE,
    /** initialise (e.g. start a TLS handshake), return nothing */
    AP_MODE_INIT
} ap_input_mode_t;

/** an instance of a filter in a chain */
typedef struct ap_filter_t ap_filter_t;

/** Output filter function: process @a b and pass it on. */
typedef apr_status_t (*ap_out_filter_func)(ap_filter_t *f,
                                           apr_bucket_brigade *b);

/** Input filter function: fill @a b per @a mode, @a block, @a readbytes. */
typedef apr_status_t (*ap_in_filter_func)(ap_filter_t *f,
                                          apr_bucket_brigade *b,
                                          ap_input_mode_t mode,
                                          apr_read_type_e block,
                                          apr_off_t readbytes);

/** Called once per request before the handler for filters that need it. */
typedef int (*ap_init_filter_func)(ap_filter_t *f);

/** either kind of filter function */
typedef union ap_filter_func {
    ap_out_filter_func out_func;
    ap_in_filter_func in_func;
} ap_filter_func;

/** Filter types: the order of a chain, from the handler to the network. */
typedef enum {
    /** changes the content (SSI, PHP output) */
    AP_FTYPE_RESOURCE     = 10,
    /** changes the content's set (deflate) */
    AP_FTYPE_CONTENT_SET  = 20,
    /** HTTP protocol (headers, chunking, ranges) */
    AP_FTYPE_PROTOCOL     = 30,
    /** transfer encodings */
    AP_FTYPE_TRANSCODE    = 40,
    /** per-connection (TLS) */
    AP_FTYPE_CONNECTION   = 50,
    /** the network itself (core) */
    AP_FTYPE_NETWORK      = 60
} ap_filter_type;

/** a registered filter */
typedef struct ap_filter_rec_t ap_filter_rec_t;
/** provider list of mod_filter's smart filters */
typedef struct ap_filter_provider_t ap_filter_provider_t;

/** A registered filter (one per name). */
struct ap_filter_rec_t {
    /** registered name (case-insensitive) */
    const char *name;
    /** the function */
    ap_filter_func filter_func;
    /** optional init function */
    ap_init_filter_func filter_init_func;
    /** next in the registry (internal) */
    struct ap_filter_rec_t *next;
    /** mod_filter providers */
    ap_filter_provider_t *providers;
    /** position class in the chain */
    ap_filter_type ftype;
    /** mod_filter debug level */
    int debug;
    /** AP_FILTER_PROTO_* */
    unsigned int proto_flags;
};

/** A filter in a chain. */
struct ap_filter_t {
    /** what this filter is */
    ap_filter_rec_t *frec;
    /** its private state */
    void *ctx;
    /** the next filter (towards the network for output) */
    ap_filter_t *next;
    /** the request (NULL for connection filters) */
    request_rec *r;
    /** the connection */
    conn_rec *c;
};

/** Read from input chain @a filter into @a bucket. */
AP_DECLARE(apr_status_t) ap_get_brigade(ap_filter_t *filter,
                                        apr_bucket_brigade *bucket,
                                        ap_input_mode_t mode,
                                        apr_read_type_e block,
                                        apr_off_t readbytes);

/** Pass @a bucket down output chain @a filter. */
AP_DECLARE(apr_status_t) ap_pass_brigade(ap_filter_t *filter,
                                         apr_bucket_brigade *bucket);

/** Pass @a bucket down r's chain, log @a fmt on failure and map the
 *  failure to an HTTP status (OK, or e.g. HTTP_INTERNAL_SERVER_ERROR). */
AP_DECLARE(apr_status_t) ap_pass_brigade_fchk(request_rec *r,
                                              apr_bucket_brigade *bucket,
                                              const char *fmt, ...)
                                    __attribute__((format(printf, 3, 4)));

/** Register an input filter by @a name. */
AP_DECLARE(ap_filter_rec_t *) ap_register_input_filter(const char *name,
                                          ap_in_filter_func filter_func,
                                          ap_init_filter_func filter_init,
                                          ap_filter_type ftype);

/** Register an output filter by @a name. */
AP_DECLARE(ap_filter_rec_t *) ap_register_output_filter(const char *name,
                                          ap_out_filter_func filter_func,
                                          ap_init_filter_func filter_init,
                                          ap_filter_type ftype);

/** Register an output filter with its AP_FILTER_PROTO_* flags. */
AP_DECLARE(ap_filter_rec_t *) ap_register_output_filter_protocol(
                                          const char *name,
                                          ap_out_filter_func filter_func,
                                          ap_init_filter_func filter_init,
                                          ap_filter_type ftype,
                                          unsigned int proto_flags);

/** Add input filter @a name to @a r (or connection @a c). */
AP_DECLARE(ap_filter_t *) ap_add_input_filter(const char *name, void *ctx,
                                              request_rec *r, conn_rec *c);

/** Add input filter @a f (a handle, no name lookup). */
AP_DECLARE(ap_filter_t *) ap_add_input_filter_handle(ap_filter_rec_t *f,
                                                     void *ctx,
                                                     request_rec *r,
                                                     conn_rec *c);

/** Handle of input filter @a name, or NULL. */
AP_DECLARE(ap_filter_rec_t *) ap_get_input_filter_handle(const char *name);

/** Add output filter @a name to @a r (or connection @a c). */
AP_DECLARE(ap_filter_t *) ap_add_output_filter(const char *name, void *ctx,
                                               request_rec *r, conn_rec *c);

/** Add output filter @a f (a handle, no name lookup). */
AP_DECLARE(ap_filter_t *) ap_add_output_filter_handle(ap_filter_rec_t *f,
                                                      void *ctx,
                                                      request_rec *r,
                                                      conn_rec *c);

/** Handle of output filter @a name, or NULL. */
AP_DECLARE(ap_filter_rec_t *) ap_get_output_filter_handle(const char *name);

/** Remove input filter @a f from its chain. */
AP_DECLARE(void) ap_remove_input_filter(ap_filter_t *f);

/** Remove output filter @a f from its chain. */
AP_DECLARE(void) ap_remove_output_filter(ap_filter_t *f);

/** Remove the first input filter named @a handle from @a next on. */
AP_DECLARE(apr_status_t) ap_remove_input_filter_byhandle(ap_filter_t *next,
                                                         const char *handle);

/** Remove the first output filter named @a handle from @a next on. */
AP_DECLARE(apr_status_t) ap_remove_output_filter_byhandle(ap_filter_t *next,
                                                          const char *handle);

/** Move the buckets of @a b into @a save_to (created in @a p if NULL),
 *  setting them aside so they outlive the call. */
AP_DECLARE(apr_status_t) ap_save_brigade(ap_filter_t *f,
                                         apr_bucket_brigade **save_to,
                                         apr_bucket_brigade **b,
                                         apr_pool_t *p);

/** apr_brigade_write flush callback: pass @a bb to filter @a ctx. */
AP_DECLARE_NONSTD(apr_status_t) ap_filter_flush(apr_bucket_brigade *bb,
                                                void *ctx);

/** Append a FLUSH bucket to @a bb and pass it to @a f. */
AP_DECLARE(apr_status_t) ap_fflush(ap_filter_t *f, apr_bucket_brigade *bb);

/** Write @a nbyte bytes into @a bb, passing to @a f when it fills. */
#define ap_fwrite(f, bb, data, nbyte) \
    apr_brigade_write(bb, ap_filter_flush, f, data, nbyte)

/** Write a string into @a bb, passing to @a f when it fills. */
#define ap_fputs(f, bb, str) \
    apr_brigade_write(bb, ap_filter_flush, f, str, strlen(str))

/** Write a character into @a bb, passing to @a f when it fills. */
#define ap_fputc(f, bb, c) \
    apr_brigade_putc(bb, ap_filter_flush, f, c)

/** Write a NULL-terminated list of strings into @a bb. */
AP_DECLARE_NONSTD(apr_status_t) ap_fputstrs(ap_filter_t *f,
                                            apr_bucket_brigade *bb, ...)
                                AP_FN_ATTR_SENTINEL;

/** printf into @a bb. */
AP_DECLARE_NONSTD(apr_status_t) ap_fprintf(ap_filter_t *f,
                                           apr_bucket_brigade *bb,
                                           const char *fmt, ...)
                                __attribute__((format(printf, 3, 4)));

/** Apply the AP_FILTER_PROTO_* effects of @a f to its request. */
AP_DECLARE(void) ap_filter_protocol(ap_filter_t *f, unsigned int proto_flags);

/** the filter changes the content (drop ETag etc.) */
#define AP_FILTER_PROTO_CHANGE        0x1
/** the filter changes the length (drop Content-Length) */
#define AP_FILTER_PROTO_CHANGE_LENGTH 0x2
/** the filter can't handle byte ranges */
#define AP_FILTER_PROTO_NO_BYTERANGE  0x4
/** the filter must not run on proxied responses */
#define AP_FILTER_PROTO_NO_PROXY      0x8
/** the output must not be cached */
#define AP_FILTER_PROTO_NO_CACHE      0x10
/** the filter is a transform (Cache-Control: no-transform applies) */
#define AP_FILTER_PROTO_TRANSFORM     0x20

#ifdef __cplusplus
}
#endif

#endif /* AP_FILTER_H */
