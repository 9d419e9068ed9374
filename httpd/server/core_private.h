/* core_private.h: symbols shared between the core_*.c, vhost*.c and
 * main*.c files of the server (area CORE). Nothing here is module API. */
#ifndef AP_CORE_PRIVATE_H
#define AP_CORE_PRIVATE_H

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"

/* Private values of core_dir_config fields whose meaning is internal. */
/* accept_path_info holds AP_REQ_*_PATH_INFO (0..2) or this. */
#define AP__ACCEPT_PATHINFO_UNSET   3
#define AP__LIMIT_REQ_BODY_UNSET    ((apr_off_t)-1)
#define AP__LIMIT_UNSET             ((long)-1)
#define AP__CONTENT_MD5_UNSET       2
#define AP__DEFAULT_LIMIT_XML_BODY  ((apr_size_t)1000000)
#define AP__DEFAULT_READ_BUF_SIZE   ((apr_size_t)8192)
#define AP__DEFAULT_FLUSH_MAX_THRESHOLD ((apr_size_t)65536)
#define AP__DEFAULT_FLUSH_MAX_PIPELINED 5

/* core_cmds.c: the command table of core_module. */
extern const command_rec ap__core_cmds[];

/* core_module.c: create/merge functions (exposed for the unit tests). */
void *ap__core_create_dir_config(apr_pool_t *p, char *dir);
void *ap__core_merge_dir_config(apr_pool_t *p, void *basev, void *newv);
void *ap__core_create_server_config(apr_pool_t *p, server_rec *s);
void *ap__core_merge_server_config(apr_pool_t *p, void *basev, void *newv);

/* core_options.c: Options / AllowOverride / AllowOverrideList. */
const char *ap__core_set_options(cmd_parms *cmd, void *d_, const char *l);
const char *ap__core_set_override(cmd_parms *cmd, void *d_, const char *l);
const char *ap__core_set_override_list(cmd_parms *cmd, void *d_, int argc,
                                       char *const argv[]);

/* core_cmds_server.c: per-server directives. */
const char *ap__core_set_server_root(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_set_runtime_dir(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_set_document_root(cmd_parms *cmd, void *d,
                                       const char *a);
const char *ap__core_set_server_name(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_set_server_alias(cmd_parms *cmd, void *d,
                                      const char *a);
const char *ap__core_set_server_admin(cmd_parms *cmd, void *d,
                                      const char *a);
const char *ap__core_set_server_path(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_set_timeout(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_set_access_name(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_set_recursion_limit(cmd_parms *cmd, void *d,
                                         const char *a1, const char *a2);
const char *ap__core_set_limit_req_line(cmd_parms *cmd, void *d,
                                        const char *a);
const char *ap__core_set_limit_req_fieldsize(cmd_parms *cmd, void *d,
                                             const char *a);
const char *ap__core_set_limit_req_fields(cmd_parms *cmd, void *d,
                                          const char *a);
const char *ap__core_set_trace_enable(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_set_merge_trailers(cmd_parms *cmd, void *d, int on);
const char *ap__core_set_merge_slashes(cmd_parms *cmd, void *d, int on);
const char *ap__core_set_strict_host_check(cmd_parms *cmd, void *d, int on);
const char *ap__core_set_http_protocol_options(cmd_parms *cmd, void *d,
                                               const char *a);
const char *ap__core_set_protocols(cmd_parms *cmd, void *d, int argc,
                                   char *const argv[]);
const char *ap__core_set_protocols_honor_order(cmd_parms *cmd, void *d,
                                               int on);
const char *ap__core_set_register_method(cmd_parms *cmd, void *d,
                                         const char *a);
const char *ap__core_set_server_tokens(cmd_parms *cmd, void *d,
                                       const char *a);
const char *ap__core_set_error_directive(cmd_parms *cmd, void *d,
                                         const char *a);
const char *ap__core_set_flush_max_threshold(cmd_parms *cmd, void *d,
                                             const char *a);
const char *ap__core_set_flush_max_pipelined(cmd_parms *cmd, void *d,
                                             const char *a);
const char *ap__core_set_accept_filter(cmd_parms *cmd, void *d,
                                       const char *a1, const char *a2);
const char *ap__core_set_protocol(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_set_rlimit(cmd_parms *cmd, void *d, const char *a1,
                                const char *a2);

/* core_cmds_dir.c: per-directory directives. */
const char *ap__core_set_error_document(cmd_parms *cmd, void *d,
                                        const char *a1, const char *a2);
const char *ap__core_set_add_default_charset(cmd_parms *cmd, void *d,
                                             const char *a);
const char *ap__core_set_handler(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_set_force_type(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_set_filters(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_set_accept_path_info(cmd_parms *cmd, void *d,
                                          const char *a);
const char *ap__core_set_etag_bits(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_set_enable_mmap(cmd_parms *cmd, void *d, const char *arg);
const char *ap__core_set_enable_sendfile(cmd_parms *cmd, void *d,
                                         const char *arg);
const char *ap__core_set_max_ranges(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_set_limit_req_body(cmd_parms *cmd, void *d,
                                        const char *a);
const char *ap__core_set_limit_xml_body(cmd_parms *cmd, void *d,
                                        const char *a);
const char *ap__core_set_hostname_lookups(cmd_parms *cmd, void *d,
                                          const char *a);
const char *ap__core_set_canonical_name(cmd_parms *cmd, void *d,
                                        const char *a);
const char *ap__core_set_canonical_phys_port(cmd_parms *cmd, void *d,
                                             int on);
const char *ap__core_set_signature(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_set_cgi_pass_auth(cmd_parms *cmd, void *d, int on);
const char *ap__core_set_cgi_var(cmd_parms *cmd, void *d, const char *a1,
                                 const char *a2);
const char *ap__core_set_qualify_redirect(cmd_parms *cmd, void *d, int on);
const char *ap__core_set_encoded_slashes(cmd_parms *cmd, void *d,
                                         const char *a);
const char *ap__core_set_default_type(cmd_parms *cmd, void *d,
                                      const char *a);
/* Stored for "ErrorDocument nnn default": restores the canned text. */
extern const char ap__core_errdoc_default[];
const char *ap__core_set_read_buf_size(cmd_parms *cmd, void *d,
                                       const char *a);
const char *ap__core_set_content_md5(cmd_parms *cmd, void *d, int on);

/* core_containers.c: the sections. */
const char *ap__core_dirsection(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_urlsection(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_filesection(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_ifsection(cmd_parms *cmd, void *d, const char *a);
const char *ap__core_virtualhost_section(cmd_parms *cmd, void *d,
                                         const char *a);

/* core_info.c: version banner (ServerTokens), reset on restart. */
void ap__core_info_init(apr_pool_t *pconf);
void ap__core_info_seal(apr_pool_t *pconf);
void ap__core_info_set_tokens(int tokens);
/* ServerTokens values, ordered from the least to the most verbose. */
enum ap__server_tokens {
    AP__SRV_TOKENS_PROD,
    AP__SRV_TOKENS_MAJOR,
    AP__SRV_TOKENS_MINOR,
    AP__SRV_TOKENS_MIN,
    AP__SRV_TOKENS_OS,
    AP__SRV_TOKENS_FULL
};

/* core_hooks.c: registers every hook of core_module (and, through
 * their private entry points, the log and request areas' core hooks). */
void ap__core_hooks_register(apr_pool_t *p);

/* core_conn_hooks.c: insert_network_bucket/get_pollfd_from_conn last
 * resorts. */
void ap__core_conn_hooks_register(apr_pool_t *p);

/* core_request.c: the create_request hook making core_request_config
 * (with room for every registered request note). */
int ap__core_create_req(request_rec *r);

/* core_names.c: fetches the auth/ident optional functions. */
void ap__core_retrieve_optional_fns(void);

/* vhost*.c: the tables built by ap_fini_vhost_config.
 * An address chain is one distinct address:port from <VirtualHost>
 * lines; when several vhosts share it, names lists them (name-based). */
typedef struct ap__vhost_name ap__vhost_name;
struct ap__vhost_name {
    ap__vhost_name *next;
    server_addr_rec *sar;   /* the address that put the server here */
    server_rec *server;
};

typedef struct ap__vhost_addr ap__vhost_addr;
struct ap__vhost_addr {
    ap__vhost_addr *next;
    server_addr_rec *sar;
    server_rec *server;        /* default: first vhost listed for it */
    ap__vhost_name *names;     /* NULL while only one vhost uses it */
    ap__vhost_name *first;     /* the single vhost's names, set aside */
};

#define AP__VHOST_HASH_SIZE 256
/* Specific addresses by hash, and wildcard (*, _default_) addresses. */
extern ap__vhost_addr *ap__vhost_hash[AP__VHOST_HASH_SIZE];
extern ap__vhost_addr *ap__vhost_wildcards;

/* vhost.c: the chain for a connection's local address, or NULL. */
ap__vhost_addr *ap__vhost_lookup(const apr_sockaddr_t *local);
/* vhost_host.c: validates and normalizes r->hostname (or the Host header
 * when given); sets r->status to 400 when it is malformed. Returns 1 for
 * an IPv6 literal. */
int ap__vhost_fix_hostname(request_rec *r, const char *host_header,
                           int strict);

/* vhost_dump.c: the -S "VirtualHost configuration:" block. */
void ap__vhost_dump(apr_file_t *out);

/* main_args.c: the command line (AP_SERVER_BASEARGS). */
typedef struct {
    const char *confname;        /* -f */
    const char *server_root;     /* -d */
    const char *temp_error_log;  /* -E */
    int show_compile;            /* -V once an MPM is loaded */
    int show_directives;         /* -L once the DSOs are loaded */
} ap__main_opts;

/* What main must do after parsing. */
enum ap__main_action {
    AP__MAIN_RUN,       /* read the configuration */
    AP__MAIN_USAGE,     /* bad option or -h: usage, exit 1 */
    AP__MAIN_VERSION,   /* -v: print, exit 0 */
    AP__MAIN_MODULES,   /* -l: print, exit 0 */
    AP__MAIN_COMPILE    /* -V with a built-in MPM: print, exit 0 */
};

/* Sets ap_run_mode, the -C/-c/-D arrays and *opts from the arguments. */
enum ap__main_action ap__main_parse_args(process_rec *process,
                                         apr_pool_t *pcommands,
                                         ap__main_opts *opts);

/* main_info.c: pieces of the command line front end. */
void ap__main_show_version(void);
void ap__main_show_compile_settings(void);
void ap__main_usage(process_rec *process);

#endif /* AP_CORE_PRIVATE_H */
