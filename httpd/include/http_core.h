/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  http_core.h
 * @brief The core module: its per-dir/per-server configuration records,
 *        the accessors other modules use, the error-log format machinery
 *        and the core hooks.
 */

#ifndef APACHE_HTTP_CORE_H
#define APACHE_HTTP_CORE_H

#include "apr.h"
#include "apr_hash.h"
#include "apr_optional.h"
#include "util_filter.h"
#include "ap_expr.h"
#include "apr_poll.h"
#include "apr_tables.h"
#include "http_config.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Options bits (allow_options_t) ---------------------------------- */

/** no options */
#define OPT_NONE          0
/** Indexes: directory listings */
#define OPT_INDEXES       1
/** Includes: server-side includes */
#define OPT_INCLUDES      2
/** FollowSymLinks */
#define OPT_SYM_LINKS     4
/** ExecCGI */
#define OPT_EXECCGI       8
/** internal: options not yet set */
#define OPT_UNSET         16
/** Includes with #exec allowed */
#define OPT_INC_WITH_EXEC 32
/** SymLinksIfOwnerMatch */
#define OPT_SYM_OWNER     64
/** MultiViews */
#define OPT_MULTI         128
/** "Options All" (everything but MultiViews and SymLinksIfOwnerMatch) */
#define OPT_ALL (OPT_INDEXES | OPT_INCLUDES | OPT_INC_WITH_EXEC \
                 | OPT_SYM_LINKS | OPT_EXECCGI)

/* ---- ap_get_remote_host lookup types ---------------------------------- */

/** reverse lookup if HostnameLookups allows, else NULL */
#define REMOTE_HOST       (0)
/** reverse lookup if allowed, else the IP string */
#define REMOTE_NAME       (1)
/** never look up: the IP string */
#define REMOTE_NOLOOKUP   (2)
/** force a double-reverse lookup */
#define REMOTE_DOUBLE_REV (3)

/* ---- Satisfy ---------------------------------------------------------- */

/** all requirements must be met */
#define SATISFY_ALL    0
/** any requirement suffices */
#define SATISFY_ANY    1
/** not specified */
#define SATISFY_NOSPEC 2

/** below this many buffered bytes the core output filter holds data back */
#define AP_MIN_BYTES_TO_WRITE 8000

/** default LimitInternalRecursion (redirects) */
#define AP_DEFAULT_MAX_INTERNAL_REDIRECTS 10

/** default LimitInternalRecursion (nested subrequests) */
#define AP_DEFAULT_MAX_SUBREQ_DEPTH 10

/** Options in effect for @a r (OPT_* bits). */
AP_DECLARE(int) ap_allow_options(request_rec *r);

/** AllowOverride in effect for @a r (OR_* bits). */
AP_DECLARE(int) ap_allow_overrides(request_rec *r);

/** DocumentRoot for @a r (possibly overridden per request). */
AP_DECLARE(const char *) ap_document_root(request_rec *r);

/** The user agent's host (honours mod_remoteip's useragent_ip);
 *  @a type is REMOTE_*, @a str_is_ip (may be NULL) tells if the result
 *  is an address. */
AP_DECLARE(const char *) ap_get_useragent_host(request_rec *req, int type,
                                               int *str_is_ip);

/** The peer's host name, per HostnameLookups and @a type (REMOTE_*). */
AP_DECLARE(const char *) ap_get_remote_host(conn_rec *conn, void *dir_config,
                                            int type, int *str_is_ip);

/** The remote log name (identd, if enabled), or NULL. */
AP_DECLARE(const char *) ap_get_remote_logname(request_rec *r);

/** Absolute URL for @a uri on the current server (per UseCanonicalName). */
AP_DECLARE(char *) ap_construct_url(apr_pool_t *p, const char *uri,
                                    request_rec *r);

/** Server name for @a r per UseCanonicalName. */
AP_DECLARE(const char *) ap_get_server_name(request_rec *r);

/** As ap_get_server_name, with IPv6 literals in brackets (for URLs). */
AP_DECLARE(const char *) ap_get_server_name_for_url(request_rec *r);

/** Port for @a r per UseCanonicalName / UseCanonicalPhysicalPort. */
AP_DECLARE(apr_port_t) ap_get_server_port(const request_rec *r);

/** ReadBufferSize in effect for @a r. */
AP_DECLARE(apr_size_t) ap_get_read_buf_size(const request_rec *r);

/** LimitRequestBody in effect for @a r (0: unlimited). */
AP_DECLARE(apr_off_t) ap_get_limit_req_body(const request_rec *r);

/** LimitXMLRequestBody in effect for @a r. */
AP_DECLARE(apr_size_t) ap_get_limit_xml_body(const request_rec *r);

/** Install a per-request ErrorDocument for @a status (text, URL or
 *  local path, as the directive takes). */
AP_DECLARE(void) ap_custom_response(request_rec *r, int status,
                                    const char *string);

/** True (and logs) when redirect or subrequest nesting is too deep. */
AP_DECLARE(int) ap_is_recursion_limit_exceeded(const request_rec *r);

/** True if -D name or Define name is in effect. */
AP_DECLARE(int) ap_exists_config_define(const char *name);

/** The core's translate_name: URI -> DocumentRoot-relative file name. */
AP_DECLARE_NONSTD(int) ap_core_translate(request_rec *r);

/** One Require line (legacy representation). */
typedef struct require_line require_line;

/** A Require line with the methods it applies to. */
struct require_line {
    /** methods (bit per method number) the line applies to */
    apr_int64_t method_mask;
    /** the argument text */
    char *requirement;
};

/** AuthType in effect for @a r (NULL if none). */
AP_DECLARE(const char *) ap_auth_type(request_rec *r);

/** AuthName in effect for @a r (NULL if none). */
AP_DECLARE(const char *) ap_auth_name(request_rec *r);

/** Satisfy in effect for @a r (SATISFY_*). */
AP_DECLARE(int) ap_satisfies(request_rec *r);

/** The core module itself (always module index 0). */
AP_DECLARE_DATA extern module core_module;

/** The core's entry of a config vector. */
AP_DECLARE(void *) ap_get_core_module_config(const ap_conf_vector_t *cv);

/** Set the core's entry of a config vector. */
AP_DECLARE(void) ap_set_core_module_config(ap_conf_vector_t *cv, void *val);

/** The client socket of connection @a c. */
AP_DECLARE(apr_socket_t *) ap_get_conn_socket(conn_rec *c);

#if !defined(AP_DEBUG)
/** the core is always the first module: index 0 */
#define AP_CORE_MODULE_INDEX 0
#define ap_get_core_module_config(v) \
    (((void **)(v))[AP_CORE_MODULE_INDEX])
#define ap_set_core_module_config(v, val) \
    ((((void **)(v))[AP_CORE_MODULE_INDEX]) = (val))
#else
#define AP_CORE_MODULE_INDEX \
    (AP_DEBUG_ASSERT(core_module.module_index == 0), 0)
#endif

/** Per-request core data (request_config vector of the core). */
typedef struct {
    /** brigade kept for ap_rputs and friends */
    struct apr_bucket_brigade *bb;
    /** notes registered with ap_register_request_note */
    void **notes;
    /** ErrorDocuments set with ap_custom_response */
    char **response_code_strings;
    /** per-request DocumentRoot override */
    const char *document_root;
    /** root of the context that matched (e.g. an Alias target) */
    const char *context_document_root;
    /** URL prefix of that context */
    const char *context_prefix;
    /** serve a CGI script as its source text */
    int deliver_script;
    /** don't add AddDefaultCharset's charset */
    int suppress_charset;
} core_request_config;

/** standard request note slots (walk caches) */
#define AP_NOTE_DIRECTORY_WALK 0
#define AP_NOTE_LOCATION_WALK  1
#define AP_NOTE_FILE_WALK      2
#define AP_NOTE_IF_WALK        3
#define AP_NUM_STD_NOTES       4

/** Reserve a request-note slot; call before requests are served.
 *  Returns the slot number for ap_get_request_note. */
AP_DECLARE(apr_size_t) ap_register_request_note(void);

/** Address of note @a note_num of @a r (NULL if not registered). */
AP_DECLARE(void **) ap_get_request_note(request_rec *r, apr_size_t note_num);

/** Options bits holder */
typedef unsigned char allow_options_t;
/** AllowOverride bits holder */
typedef unsigned int overrides_t;
/** FileETag bits holder */
typedef unsigned long etag_components_t;

/* ---- FileETag components ---------------------------------------------- */
#define ETAG_UNSET    0
#define ETAG_NONE     (1 << 0)
#define ETAG_MTIME    (1 << 1)
#define ETAG_INODE    (1 << 2)
#define ETAG_SIZE     (1 << 3)
#define ETAG_DIGEST   (1 << 4)
#define ETAG_ALL      (ETAG_MTIME | ETAG_INODE | ETAG_SIZE)
/** the 2.4 default: MTime Size */
#define ETAG_BACKWARD (ETAG_MTIME | ETAG_SIZE)

/* ---- tri-state flags --------------------------------------------------- */
#define AP_CORE_CONFIG_OFF   (0)
#define AP_CORE_CONFIG_ON    (1)
#define AP_CORE_CONFIG_UNSET (2)

/** Merge one tri-state field: the override wins unless unset. */
#define AP_CORE_MERGE_FLAG(field, to, base, over) to->field = \
    over->field != AP_CORE_CONFIG_UNSET ? over->field : base->field

/** ServerSignature */
typedef enum {
    srv_sig_unset,
    srv_sig_off,
    srv_sig_on,
    srv_sig_withmail
} server_signature_e;

#if APR_HAVE_STRUCT_RLIMIT
/* only pointers are kept here; users include <sys/resource.h> themselves */
struct rlimit;
#endif

/** The core's per-directory configuration. */
typedef struct {
    /** path of the section (NULL for the server default) */
    char *d;
    /** number of '/'-separated components in d */
    unsigned d_components;

    /** Options in effect */
    allow_options_t opts;
    /** Options +X pending merge */
    allow_options_t opts_add;
    /** Options -X pending merge */
    allow_options_t opts_remove;
    /** AllowOverride */
    overrides_t override;
    /** AllowOverride Options=... */
    allow_options_t override_opts;

    /** ErrorDocument strings, indexed by ap_index_of_response */
    char **response_code_strings;

#define HOSTNAME_LOOKUP_OFF    0
#define HOSTNAME_LOOKUP_ON     1
#define HOSTNAME_LOOKUP_DOUBLE 2
#define HOSTNAME_LOOKUP_UNSET  3
    /** HostnameLookups */
    unsigned int hostname_lookups : 4;

    /** ContentDigest (obsolete) */
    unsigned int content_md5 : 2;

#define USE_CANONICAL_NAME_OFF   (0)
#define USE_CANONICAL_NAME_ON    (1)
#define USE_CANONICAL_NAME_DNS   (2)
#define USE_CANONICAL_NAME_UNSET (3)
    /** UseCanonicalName */
    unsigned use_canonical_name : 2;

    /** the section path is a wildcard pattern */
    unsigned d_is_fnmatch : 1;

#define ADD_DEFAULT_CHARSET_OFF   (0)
#define ADD_DEFAULT_CHARSET_ON    (1)
#define ADD_DEFAULT_CHARSET_UNSET (2)
    /** AddDefaultCharset on/off */
    unsigned add_default_charset : 2;
    /** AddDefaultCharset's charset */
    const char *add_default_charset_name;

#if APR_HAVE_STRUCT_RLIMIT
    /** RLimitCPU */
    struct rlimit *limit_cpu;
    /** RLimitMEM */
    struct rlimit *limit_mem;
    /** RLimitNPROC */
    struct rlimit *limit_nproc;
#endif
    /** LimitRequestBody */
    apr_off_t limit_req_body;
    /** LimitXMLRequestBody */
    long limit_xml_body;

    /** ServerSignature */
    server_signature_e server_signature;

    /** nested <Files> sections */
    apr_array_header_t *sec_file;
    /** nested <If> sections */
    apr_array_header_t *sec_if;
    /** compiled regex of a *Match section */
    ap_regex_t *r;

    /** ForceType */
    const char *mime_type;
    /** SetHandler */
    const char *handler;
    /** SetOutputFilter */
    const char *output_filters;
    /** SetInputFilter */
    const char *input_filters;
    /** AcceptPathInfo (AP_REQ_*) */
    int accept_path_info;

    /** FileETag */
    etag_components_t etag_bits;
    etag_components_t etag_add;
    etag_components_t etag_remove;

#define ENABLE_MMAP_OFF   (0)
#define ENABLE_MMAP_ON    (1)
#define ENABLE_MMAP_UNSET (2)
    /** EnableMMAP */
    unsigned int enable_mmap : 2;

#define ENABLE_SENDFILE_OFF   (0)
#define ENABLE_SENDFILE_ON    (1)
#define ENABLE_SENDFILE_UNSET (2)
    /** EnableSendfile */
    unsigned int enable_sendfile : 2;

#define USE_CANONICAL_PHYS_PORT_OFF   (0)
#define USE_CANONICAL_PHYS_PORT_ON    (1)
#define USE_CANONICAL_PHYS_PORT_UNSET (2)
    /** UseCanonicalPhysicalPort */
    unsigned int use_canonical_phys_port : 2;

    /** AllowEncodedSlashes On/NoDecode */
    unsigned int allow_encoded_slashes : 1;
    unsigned int decode_encoded_slashes : 1;

#define AP_CONDITION_IF     1
#define AP_CONDITION_ELSE   2
#define AP_CONDITION_ELSEIF (AP_CONDITION_ELSE | AP_CONDITION_IF)
    /** kind of <If>/<Else>/<ElseIf> section */
    unsigned int condition_ifelse : 2;
    /** the <If> expression */
    ap_expr_info_t *condition;

    /** per-directory LogLevel */
    struct ap_logconf *log;

    /** AllowOverrideList */
    apr_table_t *override_list;

#define AP_MAXRANGES_UNSET     -1
#define AP_MAXRANGES_DEFAULT   -2
#define AP_MAXRANGES_UNLIMITED -3
#define AP_MAXRANGES_NORANGES   0
    /** MaxRanges */
    int max_ranges;
    /** MaxRangeOverlaps */
    int max_overlaps;
    /** MaxRangeReversals */
    int max_reversals;

    /** named back-references of a *Match section */
    apr_array_header_t *refs;

    /** ErrorDocument values that are expressions, by status */
    apr_hash_t *response_code_exprs;

#define AP_CGI_PASS_AUTH_OFF   (0)
#define AP_CGI_PASS_AUTH_ON    (1)
#define AP_CGI_PASS_AUTH_UNSET (2)
    /** CGIPassAuth */
    unsigned int cgi_pass_auth : 2;
    /** QualifyRedirectURL */
    unsigned int qualify_redirect_url : 2;
    /** SetHandler given as an expression */
    ap_expr_info_t *expr_handler;

    /** CGIVar rules */
    apr_hash_t *cgi_var_rules;
    /** ReadBufferSize */
    apr_size_t read_buf_size;
} core_dir_config;

/** APR flag value for apr_file_open from an enable_sendfile setting */
#define AP_SENDFILE_ENABLED(x) \
    ((x) == ENABLE_SENDFILE_ON ? APR_SENDFILE_ENABLED : 0)

/** The core's per-server configuration. */
typedef struct {
    /** GprofDir */
    char *gprof_dir;
    /** DocumentRoot */
    const char *ap_document_root;
    /** AccessFileName */
    char *access_name;
    /** <Directory> sections */
    apr_array_header_t *sec_dir;
    /** <Location> sections */
    apr_array_header_t *sec_url;
    /** LimitInternalRecursion */
    int redirect_limit;
    int subreq_limit;
    /** Protocol */
    const char *protocol;
    /** AcceptFilter by protocol */
    apr_table_t *accf_map;
    /** ErrorLogFormat (ap_errorlog_format_item arrays) */
    apr_array_header_t *error_log_format;
    apr_array_header_t *error_log_conn;
    apr_array_header_t *error_log_req;

#define AP_TRACE_UNSET    -1
#define AP_TRACE_DISABLE   0
#define AP_TRACE_ENABLE    1
#define AP_TRACE_EXTENDED  2
    /** TraceEnable */
    int trace_enable;

#define AP_MERGE_TRAILERS_UNSET   0
#define AP_MERGE_TRAILERS_ENABLE  1
#define AP_MERGE_TRAILERS_DISABLE 2
    /** MergeTrailers */
    int merge_trailers;

    /** Protocols */
    apr_array_header_t *protocols;
    /** ProtocolsHonorOrder */
    int protocols_honor_order;

#define AP_HTTP09_UNSET   0
#define AP_HTTP09_ENABLE  1
#define AP_HTTP09_DISABLE 2
    /** HttpProtocolOptions Allow0.9 / Require1.0 */
    char http09_enable;

#define AP_HTTP_CONFORMANCE_UNSET  0
#define AP_HTTP_CONFORMANCE_UNSAFE 1
#define AP_HTTP_CONFORMANCE_STRICT 2
    /** HttpProtocolOptions Strict / Unsafe */
    char http_conformance;

#define AP_HTTP_METHODS_UNSET      0
#define AP_HTTP_METHODS_LENIENT    1
#define AP_HTTP_METHODS_REGISTERED 2
    /** HttpProtocolOptions RegisteredMethods / LenientMethods */
    char http_methods;
    /** MergeSlashes */
    unsigned int merge_slashes;

    /** FlushMaxThreshold */
    apr_size_t flush_max_threshold;
    /** FlushMaxPipelined */
    apr_int32_t flush_max_pipelined;
    /** StrictHostCheck */
    unsigned int strict_host_check;
} core_server_config;

/** Add the output filters configured with AddOutputFilterByType. */
void ap_add_output_filters_by_type(request_rec *r);

/** Sort <Directory> sections so the walk sees them in match order. */
void ap_core_reorder_directories(apr_pool_t *, server_rec *);

/** Append a <Directory> section to server @a s. */
AP_CORE_DECLARE(void) ap_add_per_dir_conf(server_rec *s, void *dir_config);

/** Append a <Location> section to server @a s. */
AP_CORE_DECLARE(void) ap_add_per_url_conf(server_rec *s, void *url_config);

/** Append a <Files> section to directory config @a conf. */
AP_CORE_DECLARE(void) ap_add_file_conf(apr_pool_t *p, core_dir_config *conf,
                                       void *url_config);

/** Append an <If> section to @a conf; returns an error string or NULL. */
AP_CORE_DECLARE(const char *) ap_add_if_conf(apr_pool_t *p,
                                             core_dir_config *conf,
                                             void *url_config);

/** Handler of <Limit> / <LimitExcept>. */
AP_CORE_DECLARE_NONSTD(const char *) ap_limit_section(cmd_parms *cmd,
                                                      void *dummy,
                                                      const char *arg);

/** The network input filter (CORE_IN): reads from the client socket. */
apr_status_t ap_core_input_filter(ap_filter_t *f, apr_bucket_brigade *b,
                                  ap_input_mode_t mode, apr_read_type_e block,
                                  apr_off_t readbytes);

/** The network output filter (CORE): writes to the client socket. */
apr_status_t ap_core_output_filter(ap_filter_t *f, apr_bucket_brigade *b);

/** Protocol (from the Protocol directive) of server @a s. */
AP_DECLARE(const char *) ap_get_server_protocol(server_rec *s);

/** Set the protocol of server @a s. */
AP_DECLARE(void) ap_set_server_protocol(server_rec *s, const char *proto);

/** State of the core output filter (opaque). */
typedef struct core_output_filter_ctx core_output_filter_ctx_t;
/** State of the core input filter. */
typedef struct core_filter_ctx core_ctx_t;

/** Core input filter state: brigades kept between calls. */
struct core_filter_ctx {
    apr_bucket_brigade *b;
    apr_bucket_brigade *tmpbb;
};

/** Connection-level network state shared by the core filters. */
typedef struct core_net_rec {
    /** the client socket */
    apr_socket_t *client_socket;
    /** the connection */
    conn_rec *c;
    /** output filter state */
    core_output_filter_ctx_t *out_ctx;
    /** input filter state */
    core_ctx_t *in_ctx;
} core_net_rec;

/** Hook: put the bucket(s) that read from @a socket into @a bb. */
AP_DECLARE_HOOK(apr_status_t, insert_network_bucket,
                (conn_rec *c, apr_bucket_brigade *bb, apr_socket_t *socket))

/* ---- management items (get_mgmt_items hook) --------------------------- */

/** type of an ap_mgmt_item_t value */
typedef enum {
    ap_mgmt_type_string,
    ap_mgmt_type_long,
    ap_mgmt_type_hash
} ap_mgmt_type_e;

/** value of a management item */
typedef union {
    const char *s_value;
    long i_value;
    apr_hash_t *h_value;
} ap_mgmt_value;

/** one management item */
typedef struct {
    const char *description;
    const char *name;
    ap_mgmt_type_e vtype;
    ap_mgmt_value v;
} ap_mgmt_item_t;

/** filter handles registered by the core */
AP_DECLARE_DATA extern ap_filter_rec_t *ap_subreq_core_filter_handle;
AP_DECLARE_DATA extern ap_filter_rec_t *ap_core_output_filter_handle;
AP_DECLARE_DATA extern ap_filter_rec_t *ap_content_length_filter_handle;
AP_DECLARE_DATA extern ap_filter_rec_t *ap_core_input_filter_handle;

/** Hook: add management items matching @a val to @a ht. */
AP_DECLARE_HOOK(int, get_mgmt_items,
                (apr_pool_t *p, const char *val, apr_hash_t *ht))

/** mod_logio: count bytes sent on @a c */
APR_DECLARE_OPTIONAL_FN(void, ap_logio_add_bytes_out,
                        (conn_rec *c, apr_off_t bytes));

/** mod_logio: count bytes received on @a c */
APR_DECLARE_OPTIONAL_FN(void, ap_logio_add_bytes_in,
                        (conn_rec *c, apr_off_t bytes));

/** mod_logio: bytes of the last request/response on @a c */
APR_DECLARE_OPTIONAL_FN(apr_off_t, ap_logio_get_last_bytes, (conn_rec *c));

/* ---- error log formatting --------------------------------------------- */

/** Everything an error-log line is built from. */
typedef struct ap_errorlog_info {
    /** server (may be NULL at startup) */
    const server_rec *s;
    /** connection or NULL */
    const conn_rec *c;
    /** request or NULL */
    const request_rec *r;
    /** the main request of r, or NULL */
    const request_rec *rmain;
    /** pool for temporary allocations (may be NULL) */
    apr_pool_t *pool;
    /** source file of the call */
    const char *file;
    /** source line of the call */
    int line;
    /** module index of the caller */
    int module_index;
    /** message level (APLOG_*) */
    int level;
    /** APR status passed by the caller */
    apr_status_t status;
    /** the line goes to syslog (no time/level prefix needed) */
    int using_syslog;
    /** APLOG_STARTUP message */
    int startup;
    /** the caller's printf format */
    const char *format;
} ap_errorlog_info;

/**
 * Formats one ErrorLogFormat item into @a buf (size @a buflen) and
 * returns the number of bytes written (0: nothing, the item is "empty").
 */
typedef int ap_errorlog_handler_fn_t(const ap_errorlog_info *info,
                                     const char *arg, char *buf, int buflen);

/** Register the ErrorLogFormat item %{arg}@a tag (a one-letter tag). */
AP_DECLARE(void) ap_register_errorlog_handler(apr_pool_t *p, char *tag,
                                              ap_errorlog_handler_fn_t *handler,
                                              int flags);

/** a registered ErrorLogFormat item */
typedef struct ap_errorlog_handler {
    ap_errorlog_handler_fn_t *func;
    int flags;
} ap_errorlog_handler;

/** item flags: "% " field separator */
#define AP_ERRORLOG_FLAG_FIELD_SEP       1
/** the message itself (%M) */
#define AP_ERRORLOG_FLAG_MESSAGE         2
/** drop the whole line if this item is empty ('+' modifier) */
#define AP_ERRORLOG_FLAG_REQUIRED        4
/** print "-" for an empty item ('-' modifier) */
#define AP_ERRORLOG_FLAG_NULL_AS_HYPHEN  8

/** one compiled ErrorLogFormat item */
typedef struct {
    /** formatter (NULL for literal text in arg) */
    ap_errorlog_handler_fn_t *func;
    /** %{arg} or the literal text */
    const char *arg;
    /** AP_ERRORLOG_FLAG_* */
    unsigned int flags;
    /** only printed for messages at least this verbose */
    unsigned int min_loglevel;
} ap_errorlog_format_item;

/** Hook: called with each finished error-log line. */
AP_DECLARE_HOOK(void, error_log, (const ap_errorlog_info *info,
                                  const char *errstr))

/** Register the core's logging hooks. */
AP_CORE_DECLARE(void) ap_register_log_hooks(apr_pool_t *p);

/** Register the core's configuration hooks. */
AP_CORE_DECLARE(void) ap_register_config_hooks(apr_pool_t *p);

/** mod_ident: RFC 1413 lookup */
APR_DECLARE_OPTIONAL_FN(const char *, ap_ident_lookup,
                        (request_rec *r));

/** mod_authz_core: does @a r need authorization */
APR_DECLARE_OPTIONAL_FN(int, authz_some_auth_required, (request_rec *r));

/** mod_authn_core: AuthType of @a r */
APR_DECLARE_OPTIONAL_FN(const char *, authn_ap_auth_type, (request_rec *r));

/** mod_authn_core: AuthName of @a r */
APR_DECLARE_OPTIONAL_FN(const char *, authn_ap_auth_name, (request_rec *r));

/** mod_access_compat: Satisfy of @a r */
APR_DECLARE_OPTIONAL_FN(int, access_compat_ap_satisfies, (request_rec *r));

/** Ask the server about its state: @a query_code is AP_SQ_*; returns an
 *  AP_SQ_MS_* / AP_SQ_RM_* value, a generation, or AP_SQ_NOT_SUPPORTED. */
AP_DECLARE(int) ap_state_query(int query_code);

/* query codes */
#define AP_SQ_MAIN_STATE        0
#define AP_SQ_RUN_MODE          1
#define AP_SQ_CONFIG_GEN        2
/* answer for an unknown code */
#define AP_SQ_NOT_SUPPORTED    -1
/* main states */
#define AP_SQ_MS_INITIAL_STARTUP    1
#define AP_SQ_MS_CREATE_PRE_CONFIG  2
#define AP_SQ_MS_DESTROY_CONFIG     3
#define AP_SQ_MS_CREATE_CONFIG      4
#define AP_SQ_MS_RUN_MPM            5
#define AP_SQ_MS_EXITING            6
/* run modes */
#define AP_SQ_RM_UNKNOWN        1
#define AP_SQ_RM_NORMAL         2
#define AP_SQ_RM_CONFIG_TEST    3
#define AP_SQ_RM_CONFIG_DUMP    4

/** Hook: the pollfd (and timeout) an MPM should wait on for @a c. */
AP_DECLARE_HOOK(apr_status_t, get_pollfd_from_conn,
                (conn_rec *c, struct apr_pollfd_t *pfd,
                 apr_interval_time_t *ptimeout))

/** Run get_pollfd_from_conn for @a c. */
AP_CORE_DECLARE(apr_status_t) ap_get_pollfd_from_conn(conn_rec *c,
                                                 struct apr_pollfd_t *pfd,
                                                 apr_interval_time_t *ptimeout);

#ifdef __cplusplus
}
#endif

#endif /* APACHE_HTTP_CORE_H */
