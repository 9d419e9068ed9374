/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file httpd.h
 * @brief The server's central header: the records every module handles
 * (process_rec, server_rec, conn_rec, request_rec), status codes, method
 * numbers, defaults, and the string/path/URL utility functions.
 *
 * Layout of the records is part of the module binary interface: members
 * are only ever added at the end.
 */
#ifndef APACHE_HTTPD_H
#define APACHE_HTTPD_H

#include "ap_config.h"
#include "ap_mmn.h"
#include "ap_release.h"

#include "apr.h"
#include "apr_version.h"
#include "apr_general.h"
#include "apr_tables.h"
#include "apr_pools.h"
#include "apr_time.h"
#include "apr_network_io.h"
#include "apr_buckets.h"
#include "apr_poll.h"
#include "apr_thread_proc.h"

#include "os.h"
#include "ap_regex.h"

#if APR_HAVE_STDLIB_H
#include <stdlib.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Compiled-in defaults (the generated ap_config_auto.h sets most)     */

/** Default ServerRoot. */
#ifndef HTTPD_ROOT
#define HTTPD_ROOT "/usr/local/apache"
#endif

/** Default DocumentRoot. */
#ifndef DOCUMENT_LOCATION
#define DOCUMENT_LOCATION "/var/www/html"
#endif

/** How many modules LoadModule may add beyond the static ones. */
#ifndef DYNAMIC_MODULE_LIMIT
#define DYNAMIC_MODULE_LIMIT 256
#endif

/** ServerAdmin when none is configured. */
#define DEFAULT_ADMIN "[no address given]"

/** Default ErrorLog, relative to ServerRoot. */
#ifndef DEFAULT_ERRORLOG
#define DEFAULT_ERRORLOG "logs/error_log"
#endif

/** Default AccessFileName. */
#ifndef DEFAULT_ACCESS_FNAME
#define DEFAULT_ACCESS_FNAME ".htaccess"
#endif

/** Default configuration file, relative to ServerRoot. */
#ifndef SERVER_CONFIG_FILE
#define SERVER_CONFIG_FILE "conf/httpd.conf"
#endif

/** PATH given to CGI scripts when the environment has none. */
#ifndef DEFAULT_PATH
#define DEFAULT_PATH "/bin:/usr/bin:/usr/ucb:/usr/bsd:/usr/local/bin"
#endif

/** Path of the suexec wrapper. */
#ifndef SUEXEC_BIN
#define SUEXEC_BIN HTTPD_ROOT "/bin/suexec"
#endif

/** Default Timeout, in seconds. */
#ifndef DEFAULT_TIMEOUT
#define DEFAULT_TIMEOUT 60
#endif

/** Default KeepAliveTimeout, in seconds. */
#ifndef DEFAULT_KEEPALIVE_TIMEOUT
#define DEFAULT_KEEPALIVE_TIMEOUT 5
#endif

/** Default MaxKeepAliveRequests. */
#ifndef DEFAULT_KEEPALIVE
#define DEFAULT_KEEPALIVE 100
#endif

/** Default LimitRequestLine (bytes). */
#ifndef DEFAULT_LIMIT_REQUEST_LINE
#define DEFAULT_LIMIT_REQUEST_LINE 8190
#endif

/** Default LimitRequestFieldSize (bytes). */
#ifndef DEFAULT_LIMIT_REQUEST_FIELDSIZE
#define DEFAULT_LIMIT_REQUEST_FIELDSIZE 8190
#endif

/** Default LimitRequestFields. */
#ifndef DEFAULT_LIMIT_REQUEST_FIELDS
#define DEFAULT_LIMIT_REQUEST_FIELDS 100
#endif

/** Empty lines tolerated before a request line. */
#ifndef DEFAULT_LIMIT_BLANK_LINES
#define DEFAULT_LIMIT_BLANK_LINES 10
#endif

/** Charset of "AddDefaultCharset On". */
#define DEFAULT_ADD_DEFAULT_CHARSET_NAME "iso-8859-1"

/** The protocol the server speaks in its responses. */
#define AP_SERVER_PROTOCOL "HTTP/1.1"

/** Default DirectoryIndex. */
#ifndef AP_DEFAULT_INDEX
#define AP_DEFAULT_INDEX "index.html"
#endif

/** Default TypesConfig, relative to ServerRoot. */
#ifndef AP_TYPES_CONFIG_FILE
#define AP_TYPES_CONFIG_FILE "conf/mime.types"
#endif

/* Document type declarations for generated pages. */
/** HTML 2.0 */
#define DOCTYPE_HTML_2_0  "<!DOCTYPE HTML PUBLIC \"-//IETF//" \
                          "DTD HTML 2.0//EN\">\n"
/** HTML 3.2 */
#define DOCTYPE_HTML_3_2  "<!DOCTYPE HTML PUBLIC \"-//W3C//" \
                          "DTD HTML 3.2 Final//EN\">\n"
/** HTML 4.0 strict */
#define DOCTYPE_HTML_4_0S "<!DOCTYPE HTML PUBLIC \"-//W3C//" \
                          "DTD HTML 4.0//EN\"\n" \
                          "\"http://www.w3.org/TR/REC-html40/strict.dtd\">\n"
/** HTML 4.0 transitional */
#define DOCTYPE_HTML_4_0T "<!DOCTYPE HTML PUBLIC \"-//W3C//" \
                          "DTD HTML 4.0 Transitional//EN\"\n" \
                          "\"http://www.w3.org/TR/REC-html40/loose.dtd\">\n"
/** HTML 4.0 frameset */
#define DOCTYPE_HTML_4_0F "<!DOCTYPE HTML PUBLIC \"-//W3C//" \
                          "DTD HTML 4.0 Frameset//EN\"\n" \
                          "\"http://www.w3.org/TR/REC-html40/frameset.dtd\">\n"
/** HTML 4.01 */
#define DOCTYPE_HTML_4_01 "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" " \
                          "\"http://www.w3.org/TR/html4/strict.dtd\">\n"
/** HTML 5 */
#define DOCTYPE_HTML_5 "<!DOCTYPE html>\n"
/** XHTML 1.0 strict */
#define DOCTYPE_XHTML_1_0S "<!DOCTYPE html PUBLIC \"-//W3C//" \
                           "DTD XHTML 1.0 Strict//EN\"\n" \
                           "\"http://www.w3.org/TR/xhtml1/DTD/" \
                           "xhtml1-strict.dtd\">\n"
/** XHTML 1.0 transitional */
#define DOCTYPE_XHTML_1_0T "<!DOCTYPE html PUBLIC \"-//W3C//" \
                           "DTD XHTML 1.0 Transitional//EN\"\n" \
                           "\"http://www.w3.org/TR/xhtml1/DTD/" \
                           "xhtml1-transitional.dtd\">\n"
/** XHTML 1.0 frameset */
#define DOCTYPE_XHTML_1_0F "<!DOCTYPE html PUBLIC \"-//W3C//" \
                           "DTD XHTML 1.0 Frameset//EN\"\n" \
                           "\"http://www.w3.org/TR/xhtml1/DTD/" \
                           "xhtml1-frameset.dtd\">"

/** Encode an HTTP version as one number: HTTP/1.1 is 1001. */
#define HTTP_VERSION(major, minor) (1000*(major)+(minor))
/** Major part of an encoded version. */
#define HTTP_VERSION_MAJOR(number) ((number)/1000)
/** Minor part of an encoded version. */
#define HTTP_VERSION_MINOR(number) ((number)%1000)

/** Well-known ports. */
#define DEFAULT_HTTP_PORT  80
#define DEFAULT_HTTPS_PORT 443

/** True if @a port is the default port of the request's scheme. */
#define ap_is_default_port(port, r) ((port) == ap_default_port(r))
/** The default port of the request's scheme (default_port hook). */
#define ap_default_port(r)          ap_run_default_port(r)
/** The request's scheme, "http" or "https" (http_scheme hook). */
#define ap_http_scheme(r)           ap_run_http_scheme(r)

/** Size of the fixed string buffers used here and there. */
#define MAX_STRING_LEN HUGE_STRING_LEN
/** A large fixed buffer size. */
#define HUGE_STRING_LEN 8192
/** Size of I/O buffers. */
#define AP_IOBUFSIZE 8192
/** Number of regex groups the server keeps ($0..$9). */
#define AP_MAX_REG_MATCH 10
/** Largest chunk sent with one sendfile call (16 MiB). */
#define AP_MAX_SENDFILE 16777216

/* Exit codes of server processes. */
#define APEXIT_OK          0x0 /**< normal exit */
#define APEXIT_INIT        0x2 /**< start-up failed */
#define APEXIT_CHILDINIT   0x3 /**< a child failed to initialise */
#define APEXIT_CHILDSICK   0x7 /**< a child hit a temporary problem */
#define APEXIT_CHILDFATAL  0xf /**< a child hit a fatal problem: stop all */

/** Functions of the core (same linkage as AP_DECLARE). */
#ifndef AP_CORE_DECLARE
#define AP_CORE_DECLARE AP_DECLARE
#endif
/** Variadic functions of the core. */
#ifndef AP_CORE_DECLARE_NONSTD
#define AP_CORE_DECLARE_NONSTD AP_DECLARE_NONSTD
#endif

/** Start of the server's own apr_status_t values. */
#define AP_START_USERERR (APR_OS_START_USERERR + 2000)
/** Width of that range. */
#define AP_USERERR_LEN   1000
/** A filter or hook declined, as an apr_status_t. */
#define AP_DECLINED      (AP_START_USERERR + 0)

/** The server's version, as numbers. */
typedef struct {
    int major;              /**< 2 */
    int minor;              /**< 4 */
    int patch;              /**< patch level */
    const char *add_string; /**< "" or "-dev" */
} ap_version_t;

/** Fill @a version with the server's version. */
AP_DECLARE(void) ap_get_server_revision(ap_version_t *version);

/** The Server header value, as reduced by ServerTokens. */
AP_DECLARE(const char *) ap_get_server_banner(void);

/** The full server description (all version components). */
AP_DECLARE(const char *) ap_get_server_description(void);

/** Add a "product/version" component to the server description
 * (only during configuration). */
AP_DECLARE(void) ap_add_version_component(apr_pool_t *pconf,
                                          const char *component);

/** When the server was built. */
AP_DECLARE(const char *) ap_get_server_built(void);

/* ------------------------------------------------------------------ */
/* Return values of handlers and hooks                                 */

#define OK         0  /**< done, go on with the next phase */
#define DECLINED  -1  /**< not handled here, try the next module */
#define DONE      -2  /**< the request is complete, stop */
#define SUSPENDED -3  /**< the request is suspended, resumed later */

/** A handler returned without writing any output. */
#define AP_NOBODY_WROTE  -100
/** A filter was called with no data to read. */
#define AP_NOBODY_READ   -101
/** A filter has already sent the error response. */
#define AP_FILTER_ERROR  -102

/* ------------------------------------------------------------------ */
/* HTTP status codes                                                   */

/** Number of status codes the server knows. */
#define RESPONSE_CODES 104

#define HTTP_CONTINUE                        100
#define HTTP_SWITCHING_PROTOCOLS             101
#define HTTP_PROCESSING                      102
#define HTTP_EARLY_HINTS                     103
#define HTTP_OK                              200
#define HTTP_CREATED                         201
#define HTTP_ACCEPTED                        202
#define HTTP_NON_AUTHORITATIVE               203
#define HTTP_NO_CONTENT                      204
#define HTTP_RESET_CONTENT                   205
#define HTTP_PARTIAL_CONTENT                 206
#define HTTP_MULTI_STATUS                    207
#define HTTP_ALREADY_REPORTED                208
#define HTTP_IM_USED                         226
#define HTTP_MULTIPLE_CHOICES                300
#define HTTP_MOVED_PERMANENTLY               301
#define HTTP_MOVED_TEMPORARILY               302
#define HTTP_SEE_OTHER                       303
#define HTTP_NOT_MODIFIED                    304
#define HTTP_USE_PROXY                       305
#define HTTP_TEMPORARY_REDIRECT              307
#define HTTP_PERMANENT_REDIRECT              308
#define HTTP_BAD_REQUEST                     400
#define HTTP_UNAUTHORIZED                    401
#define HTTP_PAYMENT_REQUIRED                402
#define HTTP_FORBIDDEN                       403
#define HTTP_NOT_FOUND                       404
#define HTTP_METHOD_NOT_ALLOWED              405
#define HTTP_NOT_ACCEPTABLE                  406
#define HTTP_PROXY_AUTHENTICATION_REQUIRED   407
#define HTTP_REQUEST_TIME_OUT                408
#define HTTP_CONFLICT                        409
#define HTTP_GONE                            410
#define HTTP_LENGTH_REQUIRED                 411
#define HTTP_PRECONDITION_FAILED             412
#define HTTP_REQUEST_ENTITY_TOO_LARGE        413
#define HTTP_REQUEST_URI_TOO_LARGE           414
#define HTTP_UNSUPPORTED_MEDIA_TYPE          415
#define HTTP_RANGE_NOT_SATISFIABLE           416
#define HTTP_EXPECTATION_FAILED              417
#define HTTP_MISDIRECTED_REQUEST             421
#define HTTP_UNPROCESSABLE_ENTITY            422
#define HTTP_LOCKED                          423
#define HTTP_FAILED_DEPENDENCY               424
#define HTTP_UPGRADE_REQUIRED                426
#define HTTP_PRECONDITION_REQUIRED           428
#define HTTP_TOO_MANY_REQUESTS               429
#define HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE 431
#define HTTP_UNAVAILABLE_FOR_LEGAL_REASONS   451
#define HTTP_INTERNAL_SERVER_ERROR           500
#define HTTP_NOT_IMPLEMENTED                 501
#define HTTP_BAD_GATEWAY                     502
#define HTTP_SERVICE_UNAVAILABLE             503
#define HTTP_GATEWAY_TIME_OUT                504
#define HTTP_VERSION_NOT_SUPPORTED           505
#define HTTP_VARIANT_ALSO_VARIES             506
#define HTTP_INSUFFICIENT_STORAGE            507
#define HTTP_LOOP_DETECTED                   508
#define HTTP_NOT_EXTENDED                    510
#define HTTP_NETWORK_AUTHENTICATION_REQUIRED 511

/** Status classes. */
#define ap_is_HTTP_INFO(x)           (((x) >= 100) && ((x) < 200))
#define ap_is_HTTP_SUCCESS(x)        (((x) >= 200) && ((x) < 300))
#define ap_is_HTTP_REDIRECT(x)       (((x) >= 300) && ((x) < 400))
#define ap_is_HTTP_ERROR(x)          (((x) >= 400) && ((x) < 600))
#define ap_is_HTTP_CLIENT_ERROR(x)   (((x) >= 400) && ((x) < 500))
#define ap_is_HTTP_SERVER_ERROR(x)   (((x) >= 500) && ((x) < 600))
#define ap_is_HTTP_VALID_RESPONSE(x) (((x) >= 100) && ((x) < 600))

/** Statuses after which the connection is not kept alive. */
#define ap_status_drops_connection(x)             \
    (((x) == HTTP_BAD_REQUEST)                 || \
     ((x) == HTTP_REQUEST_TIME_OUT)            || \
     ((x) == HTTP_LENGTH_REQUIRED)             || \
     ((x) == HTTP_REQUEST_ENTITY_TOO_LARGE)    || \
     ((x) == HTTP_REQUEST_URI_TOO_LARGE)       || \
     ((x) == HTTP_INTERNAL_SERVER_ERROR)       || \
     ((x) == HTTP_SERVICE_UNAVAILABLE)         || \
     ((x) == HTTP_NOT_IMPLEMENTED))

/** Statuses whose responses never have a body. */
#define AP_STATUS_IS_HEADER_ONLY(x) ((x) == HTTP_NO_CONTENT || \
                                     (x) == HTTP_NOT_MODIFIED)

/* ------------------------------------------------------------------ */
/* Method numbers (bits of request_rec.allowed)                        */

#define M_GET              0  /**< GET, and HEAD */
#define M_PUT              1
#define M_POST             2
#define M_DELETE           3
#define M_CONNECT          4
#define M_OPTIONS          5
#define M_TRACE            6
#define M_PATCH            7
#define M_PROPFIND         8  /**< WebDAV */
#define M_PROPPATCH        9
#define M_MKCOL            10
#define M_COPY             11
#define M_MOVE             12
#define M_LOCK             13
#define M_UNLOCK           14
#define M_VERSION_CONTROL  15 /**< DeltaV */
#define M_CHECKOUT         16
#define M_UNCHECKOUT       17
#define M_CHECKIN          18
#define M_UPDATE           19
#define M_LABEL            20
#define M_REPORT           21
#define M_MKWORKSPACE      22
#define M_MKACTIVITY       23
#define M_BASELINE_CONTROL 24
#define M_MERGE            25
#define M_INVALID          26 /**< first number of registered extension methods */

/** Maximum number of method numbers (bits in a method mask). */
#define METHODS 64

/** The bit of method number 0: use as (AP_METHOD_BIT << M_xxx). */
#define AP_METHOD_BIT ((apr_int64_t)1)

/** A set of methods: known ones as bits, others by name. */
typedef struct ap_method_list_t ap_method_list_t;

struct ap_method_list_t {
    apr_int64_t method_mask;          /**< bits of method numbers */
    apr_array_header_t *method_list;  /**< names (char *) of the others */
};

/** Binary notes of a request (request_rec.bnotes). */
typedef apr_uint64_t ap_request_bnotes_t;

/** The ETag of the response must be strong. */
#define AP_REQUEST_STRONG_ETAG (1 >> 0)
/** The Content-Type was set by a trusted source. */
#define AP_REQUEST_TRUSTED_CT  (1 << 1)

/** Read the notes of @a mask. */
#define AP_REQUEST_GET_BNOTE(r, mask) \
    ((mask) & ((r)->bnotes))
/** Set the notes of @a mask to @a val. */
#define AP_REQUEST_SET_BNOTE(r, mask, val) \
    (r)->bnotes = (((r)->bnotes & ~(mask)) | (val))
/** Is a strong ETag required? */
#define AP_REQUEST_IS_STRONG_ETAG(r) \
    AP_REQUEST_GET_BNOTE((r), AP_REQUEST_STRONG_ETAG)
/** Was the Content-Type set by a trusted source? */
#define AP_REQUEST_IS_TRUSTED_CT(r) \
    (!!AP_REQUEST_GET_BNOTE((r), AP_REQUEST_TRUSTED_CT))

/* Special content types. */
#define CGI_MAGIC_TYPE       "application/x-httpd-cgi"
#define INCLUDES_MAGIC_TYPE  "text/x-server-parsed-html"
#define INCLUDES_MAGIC_TYPE3 "text/x-server-parsed-html3"
/** The content type given to directories. */
#define DIR_MAGIC_TYPE       "httpd/unix-directory"

/** The name of the default handler (no handler set). */
#define AP_DEFAULT_HANDLER_NAME ""
/** Is @a x the default handler's name? */
#define AP_IS_DEFAULT_HANDLER_NAME(x) (*x == '\0')

/* Line ends in the protocol (network ASCII). */
#if !APR_CHARSET_EBCDIC
#define LF 10
#define CR 13
#define CRLF "\015\012"
#else
#define CR '\r'
#define LF '\n'
#define CRLF "\r\n"
#endif
/** CRLF in ASCII whatever the platform's character set. */
#define CRLF_ASCII "\015\012"

/* ap_setup_client_block() policies for request bodies. */
#define REQUEST_NO_BODY          0 /**< a body is an error */
#define REQUEST_CHUNKED_ERROR    1 /**< a chunked body is an error */
#define REQUEST_CHUNKED_DECHUNK  2 /**< chunked bodies are decoded */

/* AcceptPathInfo settings (request_rec.used_path_info). */
#define AP_REQ_ACCEPT_PATH_INFO  0 /**< path info accepted */
#define AP_REQ_REJECT_PATH_INFO  1 /**< path info refused (404) */
#define AP_REQ_DEFAULT_PATH_INFO 2 /**< the handler decides */

/** A parsed .htaccess file, cached per request chain. */
struct htaccess_result {
    const char *dir;                     /**< directory of the file */
    int override;                        /**< AllowOverride in effect */
    int override_opts;                   /**< AllowOverride Options=... */
    apr_table_t *override_list;          /**< AllowOverrideList */
    struct ap_conf_vector_t *htaccess;   /**< the configuration read */
    const struct htaccess_result *next;  /**< the next cached one */
};

typedef struct process_rec process_rec;
typedef struct server_rec server_rec;
typedef struct conn_rec conn_rec;
typedef struct request_rec request_rec;
typedef struct conn_state_t conn_state_t;

#include "apr_uri.h"

/** The running server process. */
struct process_rec {
    apr_pool_t *pool;             /**< lives as long as the process */
    apr_pool_t *pconf;            /**< cleared at each restart */
    const char *short_name;       /**< program name (argv[0] basename) */
    const char * const *argv;     /**< command line */
    int argc;                     /**< its length */
};

/** One request (or sub-request / internal redirect) and its response. */
struct request_rec {
    apr_pool_t *pool;             /**< freed at the end of the request */
    conn_rec *connection;         /**< the connection it came in on */
    server_rec *server;           /**< the virtual host serving it */

    request_rec *next;            /**< internal redirect: the new request */
    request_rec *prev;            /**< internal redirect: the one before */
    request_rec *main;            /**< sub-request: its main request */

    char *the_request;            /**< the request line as received */
    int assbackwards;             /**< HTTP/0.9: no headers in or out */
    int proxyreq;                 /**< PROXYREQ_* */
    int header_only;              /**< HEAD: no body sent */
    int proto_num;                /**< HTTP_VERSION() of the request */
    char *protocol;               /**< "HTTP/1.1" etc. */
    const char *hostname;         /**< host from the URI or Host header */
    apr_time_t request_time;      /**< when the request started */
    const char *status_line;      /**< "200 OK" if set by the handler */
    int status;                   /**< response status */
    int method_number;            /**< M_* */
    const char *method;           /**< "GET" etc. */

    apr_int64_t allowed;          /**< methods allowed (bits) for Allow */
    apr_array_header_t *allowed_xmethods; /**< extension methods allowed */
    ap_method_list_t *allowed_methods;    /**< all methods allowed */

    apr_off_t sent_bodyct;        /**< body bytes sent (non-zero once started) */
    apr_off_t bytes_sent;         /**< body bytes sent */
    apr_time_t mtime;             /**< last-modified time of the resource */

    const char *range;            /**< the Range header */
    apr_off_t clength;            /**< the response's content length */
    int chunked;                  /**< response sent chunked */

    int read_body;                /**< REQUEST_* body policy */
    int read_chunked;             /**< request body is chunked */
    unsigned expecting_100;       /**< client sent Expect: 100-continue */
    apr_bucket_brigade *kept_body; /**< body kept for later use */
    apr_table_t *body_table;      /**< parsed form body (unused by core) */
    apr_off_t remaining;          /**< body bytes left to read */
    apr_off_t read_length;        /**< body bytes read */

    apr_table_t *headers_in;      /**< request headers */
    apr_table_t *headers_out;     /**< response headers (2xx/3xx) */
    apr_table_t *err_headers_out; /**< response headers, even on errors */
    apr_table_t *subprocess_env;  /**< environment for CGI, logging, ... */
    apr_table_t *notes;           /**< notes between modules */

    const char *content_type;     /**< response media type */
    const char *handler;          /**< handler name */
    const char *content_encoding; /**< response content coding */
    apr_array_header_t *content_languages; /**< response languages */

    char *vlist_validator;        /**< variant list validator */

    char *user;                   /**< authenticated user */
    char *ap_auth_type;           /**< authentication scheme */

    char *unparsed_uri;           /**< the URI as received */
    char *uri;                    /**< the path part, decoded */
    char *filename;               /**< file it maps to */
    char *canonical_filename;     /**< the same, canonical */
    char *path_info;              /**< what follows the file in the path */
    char *args;                   /**< the query string */

    int used_path_info;           /**< AP_REQ_*_PATH_INFO */
    int eos_sent;                 /**< end of stream has gone down the filters */

    struct ap_conf_vector_t *per_dir_config; /**< per-directory configuration */
    struct ap_conf_vector_t *request_config; /**< modules' per-request data */

    const struct ap_logconf *log; /**< log levels for this request */
    const char *log_id;           /**< request id in error logs */

    const struct htaccess_result *htaccess; /**< cached .htaccess files */

    struct ap_filter_t *output_filters;       /**< output filter chain */
    struct ap_filter_t *input_filters;        /**< input filter chain */
    struct ap_filter_t *proto_output_filters; /**< first protocol output filter */
    struct ap_filter_t *proto_input_filters;  /**< first protocol input filter */

    int no_cache;                 /**< the response must not be cached */
    int no_local_copy;            /**< never answer 304 */

    apr_thread_mutex_t *invoke_mtx; /**< serialises filter invocations */

    apr_uri_t parsed_uri;         /**< the URI, parsed */
    apr_finfo_t finfo;            /**< stat of filename */

    apr_sockaddr_t *useragent_addr; /**< client address (after proxies) */
    char *useragent_ip;           /**< the same, as text */

    apr_table_t *trailers_in;     /**< request trailers */
    apr_table_t *trailers_out;    /**< response trailers */

    char *useragent_host;         /**< client host name, if looked up */
    int double_reverse;           /**< 1 ok, -1 failed, 0 not tried */
    ap_request_bnotes_t bnotes;   /**< AP_REQUEST_* binary notes */
};

/* request_rec.proxyreq values. */
#define PROXYREQ_NONE     0 /**< not a proxy request */
#define PROXYREQ_PROXY    1 /**< forward proxy request */
#define PROXYREQ_REVERSE  2 /**< reverse proxy request */
#define PROXYREQ_RESPONSE 3 /**< a response from a backend */

/** Whether a connection is kept alive after the current request. */
typedef enum {
    AP_CONN_UNKNOWN,
    AP_CONN_CLOSE,
    AP_CONN_KEEPALIVE
} ap_conn_keepalive_e;

/** One client connection. */
struct conn_rec {
    apr_pool_t *pool;                /**< freed when the connection ends */
    server_rec *base_server;         /**< server for the local address */
    void *vhost_lookup_data;         /**< name-based vhost candidates */

    apr_sockaddr_t *local_addr;      /**< our end */
    apr_sockaddr_t *client_addr;     /**< the peer */
    char *client_ip;                 /**< the peer, as text */
    char *remote_host;               /**< the peer's name, if looked up */
    char *remote_logname;            /**< ident name, if looked up */
    char *local_ip;                  /**< our end, as text */
    char *local_host;                /**< our name */

    long id;                         /**< unique among live connections */
    struct ap_conf_vector_t *conn_config; /**< modules' per-connection data */
    apr_table_t *notes;              /**< notes between modules */
    struct ap_filter_t *input_filters;  /**< connection input filters */
    struct ap_filter_t *output_filters; /**< connection output filters */
    void *sbh;                       /**< scoreboard handle */
    struct apr_bucket_alloc_t *bucket_alloc; /**< bucket allocator */
    conn_state_t *cs;                /**< state for the async MPM */

    int data_in_input_filters;       /**< input is buffered in filters */
    int data_in_output_filters;      /**< output is buffered in filters */

    unsigned int clogging_input_filters:1; /**< input filters need sync I/O */
    signed int double_reverse:2;     /**< 1 ok, -1 failed, 0 not tried */

    unsigned aborted;                /**< the connection is broken */
    ap_conn_keepalive_e keepalive;   /**< keep-alive decision */
    int keepalives;                  /**< requests served so far */

    const struct ap_logconf *log;    /**< log levels for this connection */
    const char *log_id;              /**< connection id in error logs */

#if APR_HAS_THREADS
    apr_thread_t *current_thread;    /**< thread serving it now */
#endif

    conn_rec *master;                /**< parent connection (HTTP/2 streams) */
    int outgoing;                    /**< we opened it (a proxy connection) */
};

/** Where an asynchronous connection stands in the event MPM. */
typedef enum {
    CONN_STATE_KEEPALIVE,
    CONN_STATE_PROCESSING,
    CONN_STATE_HANDLER,
    CONN_STATE_WRITE_COMPLETION,
    CONN_STATE_SUSPENDED,
    CONN_STATE_LINGER,
    CONN_STATE_LINGER_NORMAL,
    CONN_STATE_LINGER_SHORT,
    CONN_STATE_ASYNC_WAITIO,
    CONN_STATE_NUM,
    /* older names */
    CONN_STATE_CHECK_REQUEST_LINE_READABLE = CONN_STATE_KEEPALIVE,
    CONN_STATE_READ_REQUEST_LINE           = CONN_STATE_PROCESSING
} conn_state_e;

/** What an asynchronous connection waits for. */
typedef enum {
    CONN_SENSE_DEFAULT,
    CONN_SENSE_WANT_READ,
    CONN_SENSE_WANT_WRITE
} conn_sense_e;

/** State of an asynchronous connection, shared with the MPM. */
struct conn_state_t {
    conn_state_e state; /**< current state */
    conn_sense_e sense; /**< I/O it waits for */
};

/** The "_default_" / "*" virtual host address. */
#define DEFAULT_VHOST_ADDR 0xfffffffful

/** An address a virtual host answers on. */
typedef struct server_addr_rec server_addr_rec;

struct server_addr_rec {
    server_addr_rec *next;     /**< next address of the same vhost */
    char *virthost;            /**< name as written in <VirtualHost> */
    apr_sockaddr_t *host_addr; /**< the address */
    apr_port_t host_port;      /**< the port (0 = any) */
};

/** Log levels: the default and per module. */
struct ap_logconf {
    signed char *module_levels; /**< per module index, -1 = use level */
    int level;                  /**< the default level */
};

/** A server: the main one or a virtual host. */
struct server_rec {
    process_rec *process;     /**< the process */
    server_rec *next;         /**< next virtual host */

    char *error_fname;        /**< ErrorLog value */
    apr_file_t *error_log;    /**< where errors go */
    struct ap_logconf log;    /**< log levels */

    struct ap_conf_vector_t *module_config;  /**< per-server configuration */
    struct ap_conf_vector_t *lookup_defaults; /**< default per-dir configuration */

    const char *defn_name;    /**< config file that defined it */
    unsigned defn_line_number; /**< and the line */
    char is_virtual;          /**< a <VirtualHost> */

    apr_port_t port;          /**< ServerName port, 0 if none */
    const char *server_scheme; /**< ServerName scheme, or NULL */
    char *server_admin;       /**< ServerAdmin */
    char *server_hostname;    /**< ServerName */

    server_addr_rec *addrs;   /**< addresses it answers on */
    apr_interval_time_t timeout;            /**< Timeout */
    apr_interval_time_t keep_alive_timeout; /**< KeepAliveTimeout */
    int keep_alive_max;       /**< MaxKeepAliveRequests */
    int keep_alive;           /**< KeepAlive */

    apr_array_header_t *names;      /**< ServerAlias names */
    apr_array_header_t *wild_names; /**< ServerAlias wildcard names */

    const char *path;         /**< ServerPath */
    int pathlen;              /**< its length */

    int limit_req_line;       /**< LimitRequestLine */
    int limit_req_fieldsize;  /**< LimitRequestFieldSize */
    int limit_req_fields;     /**< LimitRequestFields */

    void *context;            /**< opaque data for the server's owner */

    unsigned int keep_alive_timeout_set:1; /**< KeepAliveTimeout was set */
};

/** Server load from the scoreboard. */
typedef struct ap_sload_t ap_sload_t;

struct ap_sload_t {
    int idle;                    /**< idle workers, percent */
    int busy;                    /**< busy workers, percent */
    apr_off_t bytes_served;      /**< bytes served */
    unsigned long access_count;  /**< requests served */
};

/** System load averages. */
typedef struct ap_loadavg_t ap_loadavg_t;

struct ap_loadavg_t {
    float loadavg;   /**< over 1 minute */
    float loadavg5;  /**< over 5 minutes */
    float loadavg15; /**< over 15 minutes */
};

/* ------------------------------------------------------------------ */
/* Request context (implemented by the core)                           */

/** Document root of the request's context (an Alias target, or DocumentRoot). */
AP_DECLARE(const char *) ap_context_document_root(request_rec *r);

/** URL prefix of the request's context. */
AP_DECLARE(const char *) ap_context_prefix(request_rec *r);

/** Set the context prefix and document root (either may be NULL). */
AP_DECLARE(void) ap_set_context_info(request_rec *r, const char *prefix,
                                     const char *document_root);

/** Override the document root for this request. */
AP_DECLARE(void) ap_set_document_root(request_rec *r,
                                      const char *document_root);

/* ------------------------------------------------------------------ */
/* Strings and tokens                                                  */

/** The part of a header value before the first ';', without trailing space. */
AP_DECLARE(char *) ap_field_noparam(apr_pool_t *p, const char *intype);

/** Format @a t with strftime-like @a fmt, GMT or local time; %Z is "GMT"
 * or the zone abbreviation. */
AP_DECLARE(char *) ap_ht_time(apr_pool_t *p, apr_time_t t, const char *fmt,
                              int gmt);

/** Copy the text up to @a stop and advance *@a line past the stop
 * character(s) (repeated stops are skipped). */
AP_DECLARE(char *) ap_getword(apr_pool_t *p, const char **line, char stop);

/** ap_getword() for a non-const line. */
AP_DECLARE(char *) ap_getword_nc(apr_pool_t *p, char **line, char stop);

/** Copy the text up to white space and skip that space. */
AP_DECLARE(char *) ap_getword_white(apr_pool_t *p, const char **line);

/** ap_getword_white() for a non-const line. */
AP_DECLARE(char *) ap_getword_white_nc(apr_pool_t *p, char **line);

/** As ap_getword(), but only one stop character is consumed (so empty
 * fields come back as ""); without a stop, the rest of the line. */
AP_DECLARE(char *) ap_getword_nulls(apr_pool_t *p, const char **line,
                                    char stop);

/** ap_getword_nulls() for a non-const line. */
AP_DECLARE(char *) ap_getword_nulls_nc(apr_pool_t *p, char **line, char stop);

/** Next configuration word: white-space delimited or quoted, with
 * backslash-escaped quotes (implemented with the config reader). */
AP_DECLARE(char *) ap_getword_conf(apr_pool_t *p, const char **line);

/** ap_getword_conf() for a non-const line. */
AP_DECLARE(char *) ap_getword_conf_nc(apr_pool_t *p, char **line);

/** As ap_getword_conf(), and "{...}" is one word. */
AP_DECLARE(char *) ap_getword_conf2(apr_pool_t *p, const char **line);

/** ap_getword_conf2() for a non-const line. */
AP_DECLARE(char *) ap_getword_conf2_nc(apr_pool_t *p, char **line);

/** Replace ${VAR} by a Define'd or environment variable. */
AP_DECLARE(const char *) ap_resolve_env(apr_pool_t *p, const char *word);

/** Find the next item of a comma-separated list; *len is its length,
 * *field is moved past it. NULL at the end. */
AP_DECLARE(const char *) ap_size_list_item(const char **field, int *len);

/** Copy the next list item, lower-cased outside quotes, with linear
 * white space squeezed. NULL at the end. */
AP_DECLARE(char *) ap_get_list_item(apr_pool_t *p, const char **field);

/** Is @a tok (case-insensitively) an item of the list @a line? */
AP_DECLARE(int) ap_find_list_item(apr_pool_t *p, const char *line,
                                  const char *tok);

/** Does the ETag list @a line match @a tok with the weak comparison? */
AP_DECLARE(int) ap_find_etag_weak(apr_pool_t *p, const char *line,
                                  const char *tok);

/** Does the ETag list @a line match @a tok with the strong comparison? */
AP_DECLARE(int) ap_find_etag_strong(apr_pool_t *p, const char *line,
                                    const char *tok);

/** Skip HTTP field-content characters; returns the first other one. */
AP_DECLARE(const char *) ap_scan_http_field_content(const char *ptr);

/** Skip HTTP token characters; returns the first other one. */
AP_DECLARE(const char *) ap_scan_http_token(const char *ptr);

/** Skip visible and obs-text characters; returns the first other one. */
AP_DECLARE(const char *) ap_scan_vchar_obstext(const char *ptr);

/**
 * Parse a comma-separated list of tokens, appending them to *@a tokens
 * (created if NULL); empty elements are skipped.
 * @return NULL, or the reason the list is invalid (unless
 * @a skip_invalid, which ignores bad characters)
 */
AP_DECLARE(const char *) ap_parse_token_list_strict(apr_pool_t *p,
                                                    const char *tok,
                                                    apr_array_header_t **tokens,
                                                    int skip_invalid);

/** Copy the next token (a quoted string counts as one), stopping at ','
 * or ';' and, unless @a accept_white, at white space. */
AP_DECLARE(char *) ap_get_token(apr_pool_t *p, const char **accept_line,
                                int accept_white);

/** Is @a tok one of the tokens of @a line (case-insensitively)? */
AP_DECLARE(int) ap_find_token(apr_pool_t *p, const char *line,
                              const char *tok);

/** Is @a tok the last token of @a line (case-insensitively)? */
AP_DECLARE(int) ap_find_last_token(apr_pool_t *p, const char *line,
                                   const char *tok);

/** Does @a u start with a URL scheme ("scheme:")? */
AP_DECLARE(int) ap_is_url(const char *u);

/** Decode every %XX in place. @return OK or HTTP_BAD_REQUEST */
AP_DECLARE(int) ap_unescape_all(char *url);

/** Decode %XX in a URL path in place; %2F and %00 are refused.
 * @return OK, HTTP_BAD_REQUEST (bad %XX) or HTTP_NOT_FOUND (%2F/%00) */
AP_DECLARE(int) ap_unescape_url(char *url);

/** As ap_unescape_url(); %2F is decoded if @a decode_slashes, else kept. */
AP_DECLARE(int) ap_unescape_url_keep2f(char *url, int decode_slashes);

/* ap_unescape_url_ex() flags. */
#define AP_UNESCAPE_URL_KEEP_UNRESERVED (1u << 0) /**< keep %XX of unreserved */
#define AP_UNESCAPE_URL_FORBID_SLASHES  (1u << 1) /**< %2F is an error */
#define AP_UNESCAPE_URL_KEEP_SLASHES    (1u << 2) /**< %2F stays encoded */

/** Decode %XX in place per AP_UNESCAPE_URL_* @a flags. */
AP_DECLARE(int) ap_unescape_url_ex(char *url, unsigned int flags);

/** Decode an application/x-www-form-urlencoded value ('+' is a space). */
AP_DECLARE(int) ap_unescape_urlencoded(char *query);

/** Collapse runs of '/' into one, in place. */
AP_DECLARE(void) ap_no2slash(char *name);

/** As ap_no2slash(); for a file system path, a leading "//" is kept on
 * platforms where it means something. */
AP_DECLARE(void) ap_no2slash_ex(char *name, int is_fs_path);

/* ap_normalize_path() flags. */
#define AP_NORMALIZE_ALLOW_RELATIVE    (1u << 0) /**< path need not start with '/' */
#define AP_NORMALIZE_NOT_ABOVE_ROOT    (1u << 1) /**< ".." above root is an error */
#define AP_NORMALIZE_DECODE_UNRESERVED (1u << 2) /**< decode %XX of unreserved */
#define AP_NORMALIZE_MERGE_SLASHES     (1u << 3) /**< merge "//" */
#define AP_NORMALIZE_DROP_PARAMETERS   (0)       /**< unused */

/** Resolve "." and ".." segments in place. @return 1, or 0 on error */
AP_DECLARE(int) ap_normalize_path(char *path, unsigned int flags);

/** Resolve "./" and "../" in place, never going above the start. */
AP_DECLARE(void) ap_getparents(char *name);

/** Escape a path segment (also '/') for use in a URL. */
AP_DECLARE(char *) ap_escape_path_segment(apr_pool_t *p, const char *s);

/** ap_escape_path_segment() into @a c (3 * strlen(s) + 1 bytes). */
AP_DECLARE(char *) ap_escape_path_segment_buffer(char *c, const char *s);

/** Escape a file path for use as a URL path; unless @a partial, a "./"
 * is prefixed when the first segment contains ':'. */
AP_DECLARE(char *) ap_os_escape_path(apr_pool_t *p, const char *path,
                                     int partial);

/** Escape a path for use in a URL. */
#define ap_escape_uri(ppool, path) ap_os_escape_path(ppool, path, 1)

/** Escape for application/x-www-form-urlencoded (' ' becomes '+'). */
AP_DECLARE(char *) ap_escape_urlencoded(apr_pool_t *p, const char *s);

/** ap_escape_urlencoded() into @a c (3 * strlen(s) + 1 bytes). */
AP_DECLARE(char *) ap_escape_urlencoded_buffer(char *c, const char *s);

/** Escape &<>" for HTML. */
#define ap_escape_html(p, s) ap_escape_html2(p, s, 0)

/** Escape &<>" for HTML; with @a toasc also every non-ASCII byte as
 * &#NNN;. */
AP_DECLARE(char *) ap_escape_html2(apr_pool_t *p, const char *s, int toasc);

/** Escape control characters, '"' and '\\' for a log file
 * (\\n, \\t, \\xHH ...). Returns @a str itself if nothing changes. */
AP_DECLARE(char *) ap_escape_logitem(apr_pool_t *p, const char *str);

/** As ap_escape_logitem() into @a dest (of @a buflen bytes, truncating).
 * @return the length written */
AP_DECLARE(apr_size_t) ap_escape_errorlog_item(char *dest, const char *source,
                                               apr_size_t buflen);

/** "hostname", or "hostname:port" when @a port is not the default port
 * of @a r's scheme. */
AP_DECLARE(char *) ap_construct_server(apr_pool_t *p, const char *hostname,
                                       apr_port_t port, const request_rec *r);

/** Backslash-escape the shell's special characters. */
AP_DECLARE(char *) ap_escape_shell_cmd(apr_pool_t *p, const char *s);

/** Number of '/' in @a path. */
AP_DECLARE(int) ap_count_dirs(const char *path);

/** Copy into @a d the first @a n directories of @a s (with trailing '/');
 * @return the end of the copy in @a d. */
AP_DECLARE(char *) ap_make_dirstr_prefix(char *d, const char *s, int n);

/** The directory part of @a s, up to and including the last '/'. */
AP_DECLARE(char *) ap_make_dirstr_parent(apr_pool_t *p, const char *s);

/** @a dir, a '/' unless @a dir already ends with one, then @a f; the
 * result has room for one more byte (a trailing '/'). */
AP_DECLARE(char *) ap_make_full_path(apr_pool_t *a, const char *dir,
                                     const char *f);

/** Is @a dir an absolute path on this platform? */
AP_DECLARE(int) ap_os_is_path_absolute(apr_pool_t *p, const char *dir);

/** Does @a str contain '*' or '?' (a wildcard pattern)? */
AP_DECLARE(int) ap_is_matchexp(const char *str);

/** Match @a str against the wildcard pattern @a expected ('*', '?').
 * @return 0 on a match, 1 or -1 otherwise */
AP_DECLARE(int) ap_strcmp_match(const char *str, const char *expected);

/** ap_strcmp_match() ignoring case. */
AP_DECLARE(int) ap_strcasecmp_match(const char *str, const char *expected);

/** First occurrence of @a s2 in @a s1, ignoring case, or NULL. */
AP_DECLARE(char *) ap_strcasestr(const char *s1, const char *s2);

/** @a bigstring past @a prefix, or @a bigstring itself if it does not
 * start with @a prefix. */
AP_DECLARE(const char *) ap_stripprefix(const char *bigstring,
                                        const char *prefix);

/** Decode base64 into a NUL-terminated string. */
AP_DECLARE(char *) ap_pbase64decode(apr_pool_t *p, const char *bufcoded);

/** Encode a string as base64. */
AP_DECLARE(char *) ap_pbase64encode(apr_pool_t *p, char *string);

/** Compile a pattern, freed with @a p. NULL if it does not compile. */
AP_DECLARE(ap_regex_t *) ap_pregcomp(apr_pool_t *p, const char *pattern,
                                     int cflags);

/** Free a pattern from ap_pregcomp() now. */
AP_DECLARE(void) ap_pregfree(apr_pool_t *p, ap_regex_t *reg);

/** Replace $0-$9 in @a input with the groups of a match on @a source; a
 * backslash makes the next character literal. At most AP_MAX_REG_MATCH
 * groups; NULL on error or if the result exceeds 64 KiB. */
AP_DECLARE(char *) ap_pregsub(apr_pool_t *p, const char *input,
                              const char *source, apr_size_t nmatch,
                              ap_regmatch_t pmatch[]);

/** As ap_pregsub(), result in *@a result; APR_ENOMEM if the result would
 * reach @a maxlen bytes (0: no limit), APR_EINVAL for bad arguments. */
AP_DECLARE(apr_status_t) ap_pregsub_ex(apr_pool_t *p, char **result,
                                       const char *input, const char *source,
                                       apr_size_t nmatch,
                                       ap_regmatch_t pmatch[],
                                       apr_size_t maxlen);

/** Lower-case a media type in place, except quoted parameter values. */
AP_DECLARE(void) ap_content_type_tolower(char *s);

/** Lower-case in place. */
AP_DECLARE(void) ap_str_tolower(char *s);

/** Upper-case in place. */
AP_DECLARE(void) ap_str_toupper(char *s);

/** Index of the first @a c in @a str, or -1. */
AP_DECLARE(int) ap_ind(const char *str, char c);

/** Index of the last @a c in @a str, or -1. */
AP_DECLARE(int) ap_rind(const char *str, char c);

/** Compare @a n bytes in time independent of where they differ.
 * @return 1 if equal */
AP_DECLARE(int) ap_memeq_timingsafe(const void *buf1, const void *buf2,
                                    apr_size_t n);

/** Compare with the secret @a sec1 in time depending only on @a str2's
 * length. @return 1 if equal */
AP_DECLARE(int) ap_streq_timingsafe(const char *sec1, const char *str2);

/** As ap_streq_timingsafe() on at most @a n bytes. */
AP_DECLARE(int) ap_strneq_timingsafe(const char *sec1, const char *str2,
                                     apr_size_t n);

/** Backslash-escape the unescaped '"' of @a instring. */
AP_DECLARE(char *) ap_escape_quotes(apr_pool_t *p, const char *instring);

/** @a string, @a delim and the process id. */
AP_DECLARE(char *) ap_append_pid(apr_pool_t *p, const char *string,
                                 const char *delim);

/** Parse a decimal length (digits only, no sign, no overflow).
 * @return 1 if valid */
AP_DECLARE(int) ap_parse_strict_length(apr_off_t *len, const char *str);

/** Parse a time: a number with an optional unit (ms, s, mi, h),
 * @a default_time_unit if none. */
AP_DECLARE(apr_status_t) ap_timeout_parameter_parse(
                                            const char *timeout_parameter,
                                            apr_interval_time_t *timeout,
                                            const char *default_time_unit);

/** Does the request have a body (Content-Length > 0 or Transfer-Encoding)? */
AP_DECLARE(int) ap_request_has_body(request_rec *r);

/** Copy @a src keeping letters and digits, others replaced by '_'. */
AP_DECLARE(apr_status_t) ap_pstr2_alnum(apr_pool_t *p, const char *src,
                                        const char **dest);

/** ap_pstr2_alnum() into @a dest (strlen(src) + 1 bytes). */
AP_DECLARE(apr_status_t) ap_str2_alnum(const char *src, char *dest);

/** A name/value pair of a form body. */
typedef struct {
    const char *name;          /**< field name */
    apr_bucket_brigade *value; /**< field value */
} ap_form_pair_t;

/**
 * Read and parse an application/x-www-form-urlencoded request body
 * (or the query string for GET) into *@a ptr (ap_form_pair_t).
 * @param num maximum number of pairs ((apr_size_t)-1: no limit);
 *            more is HTTP_REQUEST_ENTITY_TOO_LARGE
 * @param size maximum body size (larger is HTTP_REQUEST_ENTITY_TOO_LARGE)
 * @return OK or an HTTP status
 */
AP_DECLARE(int) ap_parse_form_data(request_rec *r, struct ap_filter_t *f,
                                   apr_array_header_t **ptr,
                                   apr_size_t num, apr_size_t size);

/* ------------------------------------------------------------------ */
/* File system and system                                              */

/** Is @a name a directory, following symbolic links? */
AP_DECLARE(int) ap_is_rdirectory(apr_pool_t *p, const char *name);

/** Is @a name a directory (not following a final symbolic link)? */
AP_DECLARE(int) ap_is_directory(apr_pool_t *p, const char *name);

/** The fully qualified name of this host (server-internal). */
char *ap_get_local_host(apr_pool_t *p);

/** Log an assertion failure and abort (implemented with the logger). */
AP_DECLARE(void) ap_log_assert(const char *szExp, const char *szFile,
                               int nLine) __attribute__((noreturn));

/** Abort the process with a log line when @a exp is false. */
#define ap_assert(exp) ((exp) ? (void)0 : ap_log_assert(#exp, __FILE__, __LINE__))

/** ap_assert() in debug builds only. */
#ifdef AP_DEBUG
#define AP_DEBUG_ASSERT(exp) ap_assert(exp)
#else
#define AP_DEBUG_ASSERT(exp) ((void)0)
#endif

/* Points where a debug build may stop itself (for attaching a debugger). */
#define SIGSTOP_DETACH          1
#define SIGSTOP_MAKE_CHILD      2
#define SIGSTOP_SPAWN_CHILD     4
#define SIGSTOP_PIPED_LOG_SPAWN 8
#define SIGSTOP_CGI_CHILD       16

/** Stop at point x in debug builds (a no-op here). */
#define RAISE_SIGSTOP(x)

/** The server signature line (ServerSignature) after @a prefix. */
AP_DECLARE(const char *) ap_psignature(const char *prefix, request_rec *r);

#include <string.h>

/* Type-safe strchr/strrchr/strstr: in debug builds these functions catch
 * a const string passed where a modifiable one is returned. */
AP_DECLARE(char *) ap_strchr(char *s, int c);
AP_DECLARE(const char *) ap_strchr_c(const char *s, int c);
AP_DECLARE(char *) ap_strrchr(char *s, int c);
AP_DECLARE(const char *) ap_strrchr_c(const char *s, int c);
AP_DECLARE(char *) ap_strstr(char *s, const char *c);
AP_DECLARE(const char *) ap_strstr_c(const char *s, const char *c);

#ifdef AP_DEBUG
#undef strchr
#define strchr(s, c)  ap_strchr(s, c)
#undef strrchr
#define strrchr(s, c) ap_strrchr(s, c)
#undef strstr
#define strstr(s, c)  ap_strstr(s, c)
#else
#define ap_strchr(s, c)     strchr(s, c)
#define ap_strchr_c(s, c)   strchr(s, c)
#define ap_strrchr(s, c)    strrchr(s, c)
#define ap_strrchr_c(s, c)  strrchr(s, c)
#define ap_strstr(s, c)     strstr(s, c)
#define ap_strstr_c(s, c)   strstr(s, c)
#endif

/** Fill @a buf with non-cryptographic random bytes (fast, per thread). */
AP_DECLARE(void) ap_random_insecure_bytes(void *buf, apr_size_t size);

/** A non-cryptographic random number in [min, max]. */
AP_DECLARE(apr_uint32_t) ap_random_pick(apr_uint32_t min, apr_uint32_t max);

/** Log that memory is exhausted and abort. */
AP_DECLARE(void) ap_abort_on_oom(void) __attribute__((noreturn));

/** malloc() that aborts instead of returning NULL. */
AP_DECLARE(void *) ap_malloc(size_t size)
                   __attribute__((malloc))
                   AP_FN_ATTR_ALLOC_SIZE(1);

/** calloc() that aborts instead of returning NULL. */
AP_DECLARE(void *) ap_calloc(size_t nelem, size_t size)
                   __attribute__((malloc))
                   AP_FN_ATTR_ALLOC_SIZE2(1, 2);

/** realloc() that aborts instead of returning NULL. */
AP_DECLARE(void *) ap_realloc(void *ptr, size_t size)
                   AP_FN_ATTR_WARN_UNUSED_RESULT
                   AP_FN_ATTR_ALLOC_SIZE(2);

/* Threads that know their own apr_thread_t (ap_thread_current()). */
#if APR_HAS_THREADS
#if APR_VERSION_AT_LEAST(1,8,0) && !defined(AP_NO_THREAD_LOCAL)
#if APR_HAS_THREAD_LOCAL
#define AP_HAS_THREAD_LOCAL 1
#define AP_THREAD_LOCAL     APR_THREAD_LOCAL
#else
#define AP_HAS_THREAD_LOCAL 0
#endif
#define ap_thread_create             apr_thread_create
#define ap_thread_current            apr_thread_current
#define ap_thread_current_create     apr_thread_current_create
#define ap_thread_current_after_fork apr_thread_current_after_fork
#else /* APR 1.7: the server provides them */
#ifndef AP_NO_THREAD_LOCAL
#if defined(__cplusplus) && __cplusplus >= 201103L
#define AP_THREAD_LOCAL thread_local
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define AP_THREAD_LOCAL _Thread_local
#elif defined(__GNUC__)
#define AP_THREAD_LOCAL __thread
#endif
#endif
#ifndef AP_THREAD_LOCAL
#define AP_HAS_THREAD_LOCAL 0
#define ap_thread_create apr_thread_create
#else
#define AP_HAS_THREAD_LOCAL 1
/** apr_thread_create() whose new thread knows its apr_thread_t. */
AP_DECLARE(apr_status_t) ap_thread_create(apr_thread_t **thread,
                                          apr_threadattr_t *attr,
                                          apr_thread_start_t func,
                                          void *data, apr_pool_t *pool);
#endif
/** Make an apr_thread_t for the calling thread (not made by APR). */
AP_DECLARE(apr_status_t) ap_thread_current_create(apr_thread_t **current,
                                                  apr_threadattr_t *attr,
                                                  apr_pool_t *pool);
/** Forget the calling thread's apr_thread_t after fork(). */
AP_DECLARE(void) ap_thread_current_after_fork(void);
/** The calling thread's apr_thread_t, or NULL. */
AP_DECLARE(apr_thread_t *) ap_thread_current(void);
#endif
/** Make the apr_thread_t of the main thread. */
AP_DECLARE(apr_status_t) ap_thread_main_create(apr_thread_t **thread,
                                               apr_pool_t *pool);
#else
#define AP_HAS_THREAD_LOCAL 0
#endif

/** Server load from the scoreboard. */
AP_DECLARE(void) ap_get_sload(ap_sload_t *ld);

/** System load averages (-1 each if unknown). */
AP_DECLARE(void) ap_get_loadavg(ap_loadavg_t *ld);

/** Write @a srclen bytes as 2 * srclen lower-case hex digits and a NUL. */
AP_DECLARE(void) ap_bin2hex(const void *src, apr_size_t srclen, char *dest);

/** The first line a command prints on its standard output, or NULL. */
AP_DECLARE(char *) ap_get_exec_line(apr_pool_t *p,
                                    const char *cmd,
                                    const char * const *argv);

/** An MPM's run hook returns it when the server must not restart. */
#define AP_NORESTART (APR_OS_START_USERERR + 1)

/** Index of the string @a s in @a array from @a start, or -1. */
AP_DECLARE(int) ap_array_str_index(const apr_array_header_t *array,
                                   const char *s,
                                   int start);

/** Does @a array contain the string @a s? */
AP_DECLARE(int) ap_array_str_contains(const apr_array_header_t *array,
                                      const char *s);

/** Compare ignoring ASCII case (locale independent). */
AP_DECLARE(int) ap_cstr_casecmp(const char *s1, const char *s2);

/** Compare at most @a n bytes ignoring ASCII case. */
AP_DECLARE(int) ap_cstr_casecmpn(const char *s1, const char *s2,
                                 apr_size_t n);

/* ap_dir_match_t flags. */
#define AP_DIR_FLAG_NONE      0 /**< none */
#define AP_DIR_FLAG_OPTIONAL  1 /**< a wildcard matching nothing is fine */
#define AP_DIR_FLAG_RECURSIVE 2 /**< directories are walked recursively */

/** A walk over the files a (wildcard) path names. */
typedef struct ap_dir_match_t ap_dir_match_t;

struct ap_dir_match_t {
    apr_pool_t *p;       /**< results */
    apr_pool_t *ptemp;   /**< scratch */
    const char *prefix;  /**< prefix of error messages */
    const char *(*cb)(ap_dir_match_t *w, const char *fname); /**< per file */
    void *ctx;           /**< for the callback */
    int flags;           /**< AP_DIR_FLAG_* */
    unsigned int depth;  /**< recursion depth */
};

/** Call the callback for @a fname, or for every file in it if it is a
 * directory and the walk is recursive. @return NULL or an error */
AP_DECLARE(const char *) ap_dir_nofnmatch(ap_dir_match_t *w, const char *fname)
                         __attribute__((nonnull(1, 2)));

/** Call the callback for every entry of @a path matching the wildcard
 * path @a fname (wildcards allowed in any segment). */
AP_DECLARE(const char *) ap_dir_fnmatch(ap_dir_match_t *w, const char *path,
                                       const char *fname)
                         __attribute__((nonnull(1, 3)));

/** Is "chunked" the last coding of the Transfer-Encoding @a line? */
AP_DECLARE(int) ap_is_chunked(apr_pool_t *p, const char *line);

/** apr_filepath_merge() that also refuses names with reserved characters
 * on platforms that need it. */
AP_DECLARE(apr_status_t) ap_filepath_merge(char **newpath,
                                           const char *rootpath,
                                           const char *addpath,
                                           apr_int32_t flags,
                                           apr_pool_t *p);

/** Is @a s a path separator? */
#define AP_IS_SLASH(s) (s == '/')
/** The path separators. */
#define AP_SLASHES "/"

/** Check that @a path is safe to stat (Windows refuses UNC paths here;
 * always APR_SUCCESS on unix). */
AP_DECLARE(apr_status_t) ap_stat_check(const char *path, apr_pool_t *pool);

#ifdef __cplusplus
}
#endif

#endif /* APACHE_HTTPD_H */
