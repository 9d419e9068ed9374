/* core_cmds.c: the command table of core_module. The handlers live in
 * core_cmds_*.c, core_options.c, core_containers.c, and in the areas that
 * own the matching machinery (config, log, listen, MPM, mutex). */
#include <stddef.h>

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "ap_listen.h"
#include "mpm_common.h"
#include "scoreboard.h"
#include "util_mutex.h"
#include "http_vhost.h"

#include "core_private.h"
#include "config_private.h"
#include "log_private.h"

#define DIR_OFFSET(f) ((void *)APR_OFFSETOF(core_dir_config, f))

const command_rec ap__core_cmds[] = {
    /* Sections (core_containers.c). */
    AP_INIT_RAW_ARGS("<Directory", ap__core_dirsection, NULL, RSRC_CONF,
                     "Container for directives affecting resources located "
                     "in the specified directories"),
    AP_INIT_RAW_ARGS("<Location", ap__core_urlsection, NULL, RSRC_CONF,
                     "Container for directives affecting resources accessed "
                     "through the specified URL paths"),
    AP_INIT_RAW_ARGS("<VirtualHost", ap__core_virtualhost_section, NULL,
                     RSRC_CONF, "Container to map directives to a particular "
                     "virtual host, takes one or more host addresses"),
    AP_INIT_RAW_ARGS("<Files", ap__core_filesection, NULL, OR_ALL,
                     "Container for directives affecting files matching "
                     "specified patterns"),
    AP_INIT_RAW_ARGS("<Limit", ap_limit_section, NULL, OR_LIMIT | OR_AUTHCFG,
                     "Container for authentication directives when accessed "
                     "using specified HTTP methods"),
    AP_INIT_RAW_ARGS("<LimitExcept", ap_limit_section, (void *)1, OR_LIMIT | OR_AUTHCFG,
                     "Container for authentication directives to be applied "
                     "when any HTTP method other than those specified is "
                     "used to access the resource"),
    AP_INIT_RAW_ARGS("<IfModule", ap__cmd_ifmodule, NULL,
                     EXEC_ON_READ | OR_ALL,
                     "Container for directives based on existence of "
                     "specified modules"),
    AP_INIT_RAW_ARGS("<IfDefine", ap__cmd_ifdefine, NULL,
                     EXEC_ON_READ | OR_ALL,
                     "Container for directives based on existence of "
                     "command line defines"),
    AP_INIT_RAW_ARGS("<IfFile", ap__cmd_iffile, NULL, EXEC_ON_READ | OR_ALL,
                     "Container for directives based on existence of files "
                     "on disk"),
    AP_INIT_RAW_ARGS("<IfDirective", ap__cmd_ifdirective, NULL,
                     EXEC_ON_READ | OR_ALL,
                     "Container for directives based on existence of "
                     "named directive"),
    AP_INIT_RAW_ARGS("<DirectoryMatch", ap__core_dirsection, (void *)1,
                     RSRC_CONF, "Container for directives affecting "
                     "resources located in the specified directories"),
    AP_INIT_RAW_ARGS("<LocationMatch", ap__core_urlsection, (void *)1,
                     RSRC_CONF, "Container for directives affecting "
                     "resources accessed through the specified URL paths"),
    AP_INIT_RAW_ARGS("<FilesMatch", ap__core_filesection, (void *)1, OR_ALL,
                     "Container for directives affecting files matching "
                     "specified patterns"),
    AP_INIT_RAW_ARGS("<If", ap__core_ifsection, (void *)AP_CONDITION_IF,
                     OR_ALL, "Container for directives to be conditionally "
                     "applied"),
    AP_INIT_RAW_ARGS("<ElseIf", ap__core_ifsection,
                     (void *)AP_CONDITION_ELSEIF, OR_ALL,
                     "Container for directives to be conditionally applied"),
    AP_INIT_RAW_ARGS("<Else", ap__core_ifsection, (void *)AP_CONDITION_ELSE,
                     OR_ALL, "Container for directives to be conditionally "
                     "applied"),

    /* Configuration reading (config area). */
    AP_INIT_TAKE1("Include", ap__cmd_include, NULL,
                  RSRC_CONF | ACCESS_CONF | EXEC_ON_READ,
                  "Name(s) of the config file(s) to be included; fails if "
                  "the wildcard does not match at least one file"),
    AP_INIT_TAKE1("IncludeOptional", ap__cmd_include, (void *)1,
                  RSRC_CONF | ACCESS_CONF | EXEC_ON_READ,
                  "Name or pattern of the config file(s) to be included; "
                  "ignored if the file does not exist or the pattern does "
                  "not match any files"),
    AP_INIT_TAKE12("Define", ap__cmd_define, NULL,
                   EXEC_ON_READ | ACCESS_CONF | RSRC_CONF,
                   "Define a variable, optionally to a value.  Same as "
                   "passing -D to the command line."),
    AP_INIT_TAKE1("UnDefine", ap__cmd_undefine, NULL,
                  EXEC_ON_READ | ACCESS_CONF | RSRC_CONF,
                  "Undefine the existence of a variable. Undo a Define."),
    AP_INIT_TAKE1("Error", ap__core_set_error_directive, NULL, OR_ALL,
                  "Generate error message from within configuration"),

    /* Per-directory settings (core_options.c, core_cmds_dir.c). */
    AP_INIT_RAW_ARGS("Options", ap__core_set_options, NULL, OR_OPTIONS,
                     "Set a number of attributes for a given directory"),
    AP_INIT_RAW_ARGS("AllowOverride", ap__core_set_override, NULL,
                     ACCESS_CONF, "Controls what groups of directives can be "
                     "configured by per-directory config files"),
    AP_INIT_TAKE_ARGV("AllowOverrideList", ap__core_set_override_list, NULL,
                      ACCESS_CONF, "Controls what individual directives can "
                      "be configured by per-directory config files"),
    AP_INIT_TAKE1("AddDefaultCharset", ap__core_set_add_default_charset,
                  NULL, OR_FILEINFO, "The name of the default charset to add "
                  "to any Content-Type without one or 'Off' to disable"),
    AP_INIT_TAKE1("AcceptPathInfo", ap__core_set_accept_path_info, NULL,
                  OR_FILEINFO, "Set to on or off for PATH_INFO to be "
                  "accepted by handlers, or default for the per-handler "
                  "preference"),
    AP_INIT_TAKE2("ErrorDocument", ap__core_set_error_document, NULL,
                  OR_FILEINFO, "Change responses for HTTP errors"),
    AP_INIT_TAKE1("DefaultType", ap__core_set_default_type, NULL,
                  OR_FILEINFO, "the default media type for otherwise "
                  "untyped files (DEPRECATED)"),
    AP_INIT_RAW_ARGS("FileETag", ap__core_set_etag_bits, NULL, OR_FILEINFO,
                     "Specify components used to construct a file's ETag"),
    AP_INIT_TAKE1("EnableMMAP", ap__core_set_enable_mmap, NULL, OR_FILEINFO,
                 "Controls whether memory-mapping may be used to read "
                 "files"),
    AP_INIT_TAKE1("EnableSendfile", ap__core_set_enable_sendfile, NULL,
                 OR_FILEINFO, "Controls whether sendfile may be used to "
                 "transmit files"),
    AP_INIT_TAKE1("ReadBufferSize", ap__core_set_read_buf_size, NULL,
                  ACCESS_CONF | RSRC_CONF,
                  "Size (in bytes) of the memory buffers used to read data"),
    AP_INIT_TAKE1("HostnameLookups", ap__core_set_hostname_lookups, NULL,
                  ACCESS_CONF | RSRC_CONF,
                  "\"on\" to enable, \"off\" to disable reverse DNS lookups, "
                  "or \"double\" to enable double-reverse DNS lookups"),
    AP_INIT_TAKE1("ServerSignature", ap__core_set_signature, NULL, OR_ALL,
                  "En-/disable server signature (on|off|email)"),
    AP_INIT_FLAG("ContentDigest", ap__core_set_content_md5, NULL, OR_OPTIONS,
                 "whether or not to send a Content-MD5 header with each "
                 "request"),
    AP_INIT_TAKE1("UseCanonicalName", ap__core_set_canonical_name, NULL,
                  RSRC_CONF | ACCESS_CONF,
                  "How to work out the ServerName : Port when constructing "
                  "URLs"),
    AP_INIT_FLAG("UseCanonicalPhysicalPort",
                 ap__core_set_canonical_phys_port, NULL,
                 RSRC_CONF | ACCESS_CONF,
                 "Whether to use the physical Port when constructing URLs"),
    AP_INIT_TAKE1("LimitRequestBody", ap__core_set_limit_req_body, NULL,
                  OR_ALL, "Limit (in bytes) on maximum size of request "
                  "message body"),
    AP_INIT_TAKE1("LimitXMLRequestBody", ap__core_set_limit_xml_body, NULL,
                  OR_ALL, "Limit (in bytes) on maximum size of an XML-based "
                  "request body"),
    AP_INIT_TAKE1("MaxRanges", ap__core_set_max_ranges,
                  DIR_OFFSET(max_ranges), RSRC_CONF | ACCESS_CONF,
                  "Maximum number of Ranges in a request before returning "
                  "the entire resource, or 0 for unlimited"),
    AP_INIT_TAKE1("MaxRangeOverlaps", ap__core_set_max_ranges,
                  DIR_OFFSET(max_overlaps), RSRC_CONF | ACCESS_CONF,
                  "Maximum number of overlaps in Ranges in a request before "
                  "returning the entire resource, or 0 for unlimited"),
    AP_INIT_TAKE1("MaxRangeReversals", ap__core_set_max_ranges,
                  DIR_OFFSET(max_reversals), RSRC_CONF | ACCESS_CONF,
                  "Maximum number of reversals in Ranges in a request "
                  "before returning the entire resource, or 0 for "
                  "unlimited"),
    AP_INIT_TAKE12("RLimitCPU", ap__core_set_rlimit, "RLimitCPU", OR_ALL,
                   "Soft/hard limits for max CPU usage in seconds"),
    AP_INIT_TAKE12("RLimitMEM", ap__core_set_rlimit, "RLimitMEM", OR_ALL,
                   "Soft/hard limits for max memory usage per process"),
    AP_INIT_TAKE12("RLimitNPROC", ap__core_set_rlimit, "RLimitNPROC", OR_ALL,
                   "soft/hard limits for max number of processes per uid"),
    AP_INIT_FLAG("CGIPassAuth", ap__core_set_cgi_pass_auth, NULL,
                 OR_AUTHCFG, "Controls whether HTTP authorization headers, "
                 "normally hidden, will be passed to scripts"),
    AP_INIT_TAKE2("CGIVar", ap__core_set_cgi_var, NULL, OR_FILEINFO,
                  "Controls how some CGI variables are set"),
    AP_INIT_FLAG("QualifyRedirectURL", ap__core_set_qualify_redirect, NULL,
                 OR_FILEINFO, "Controls whether the REDIRECT_URL "
                 "environment variable is fully qualified"),
    AP_INIT_TAKE1("ForceType", ap__core_set_force_type, NULL, OR_FILEINFO,
                  "a mime type that overrides other configured type"),
    AP_INIT_TAKE1("SetHandler", ap__core_set_handler, NULL, OR_FILEINFO,
                  "a handler name that overrides any other configured "
                  "handler"),
    AP_INIT_TAKE1("SetOutputFilter", ap__core_set_filters, NULL,
                  OR_FILEINFO, "filter (or ; delimited list of filters) to "
                  "be run on the request content"),
    AP_INIT_TAKE1("SetInputFilter", ap__core_set_filters, (void *)1,
                  OR_FILEINFO, "filter (or ; delimited list of filters) to "
                  "be run on the request body"),
    AP_INIT_TAKE1("AllowEncodedSlashes", ap__core_set_encoded_slashes, NULL,
                  RSRC_CONF | ACCESS_CONF, "Allow URLs containing '/' "
                  "encoded as '%2F'"),

    /* Per-server settings (core_cmds_server.c). */
    AP_INIT_TAKE1("AccessFileName", ap__core_set_access_name, NULL,
                  RSRC_CONF, "Name(s) of per-directory config files "
                  "(default: .htaccess)"),
    AP_INIT_TAKE1("DocumentRoot", ap__core_set_document_root, NULL,
                  RSRC_CONF, "Root directory of the document tree"),
    AP_INIT_TAKE1("FlushMaxThreshold", ap__core_set_flush_max_threshold,
                  NULL, RSRC_CONF, "Maximum threshold above which pending "
                  "data are flushed to the network"),
    AP_INIT_TAKE1("FlushMaxPipelined", ap__core_set_flush_max_pipelined,
                  NULL, RSRC_CONF, "Maximum number of pipelined responses "
                  "(pending) above which they are flushed to the network"),
    AP_INIT_TAKE1("Protocol", ap__core_set_protocol, NULL, RSRC_CONF,
                  "Set the Protocol for httpd to use."),
    AP_INIT_TAKE2("AcceptFilter", ap__core_set_accept_filter, NULL,
                  RSRC_CONF, "Set the Accept Filter to use for a protocol"),
    AP_INIT_TAKE1("ServerAdmin", ap__core_set_server_admin, NULL, RSRC_CONF,
                  "The email address of the server administrator"),
    AP_INIT_TAKE1("ServerName", ap__core_set_server_name, NULL, RSRC_CONF,
                  "The hostname and port of the server"),
    AP_INIT_TAKE1("ServerRoot", ap__core_set_server_root, NULL,
                  RSRC_CONF | EXEC_ON_READ, "Common directory of "
                  "server-related files (logs, confs, etc.)"),
    AP_INIT_TAKE1("DefaultRuntimeDir", ap__core_set_runtime_dir, NULL,
                  RSRC_CONF | EXEC_ON_READ, "Common directory for run-time "
                  "files (shared memory, locks, etc.)"),
    AP_INIT_RAW_ARGS("ServerAlias", ap__core_set_server_alias, NULL,
                     RSRC_CONF, "A name or names alternately used to access "
                     "the server"),
    AP_INIT_TAKE1("ServerPath", ap__core_set_server_path, NULL, RSRC_CONF,
                  "The pathname the server can be reached at"),
    AP_INIT_TAKE1("Timeout", ap__core_set_timeout, NULL, RSRC_CONF,
                  "Timeout duration (sec)"),
    AP_INIT_TAKE1("NameVirtualHost", ap_set_name_virtual_host, NULL,
                  RSRC_CONF, "A numeric IP address:port, or the name of a "
                  "host"),
    AP_INIT_TAKE1("ServerTokens", ap__core_set_server_tokens, NULL,
                  RSRC_CONF, "Determine tokens displayed in the Server: "
                  "header - Min(imal), Major, Minor, Prod(uctOnly), OS, or "
                  "Full"),
    AP_INIT_TAKE1("LimitRequestLine", ap__core_set_limit_req_line, NULL,
                  RSRC_CONF, "Limit on maximum size of an HTTP request "
                  "line"),
    AP_INIT_TAKE1("LimitRequestFieldsize", ap__core_set_limit_req_fieldsize,
                  NULL, RSRC_CONF, "Limit on maximum size of an HTTP request "
                  "header field"),
    AP_INIT_TAKE1("LimitRequestFields", ap__core_set_limit_req_fields, NULL,
                  RSRC_CONF, "Limit (0 = unlimited) on max number of header "
                  "fields in a request message"),
    AP_INIT_TAKE12("LimitInternalRecursion", ap__core_set_recursion_limit,
                   NULL, RSRC_CONF, "maximum recursion depth of internal "
                   "redirects and subrequests"),
#if defined(AP_ENABLE_EXCEPTION_HOOK) && AP_ENABLE_EXCEPTION_HOOK
    /* Only with -Dexception_hook=true: otherwise, as in a server built
     * without --enable-exception-hook, the directive does not exist. */
    AP_INIT_TAKE1("EnableExceptionHook", ap_mpm_set_exception_hook, NULL,
                  RSRC_CONF, "Controls whether exception hook may be called "
                  "after a crash"),
#endif
    AP_INIT_TAKE1("TraceEnable", ap__core_set_trace_enable, NULL, RSRC_CONF,
                  "'on' (default), 'off' or 'extended' to trace request "
                  "body content"),
    AP_INIT_FLAG("MergeTrailers", ap__core_set_merge_trailers, NULL,
                 RSRC_CONF, "merge request trailers into request headers or "
                 "not"),
    AP_INIT_TAKE_ARGV("Protocols", ap__core_set_protocols, NULL, RSRC_CONF,
                      "Controls which protocols are allowed"),
    AP_INIT_FLAG("ProtocolsHonorOrder", ap__core_set_protocols_honor_order,
                 NULL, RSRC_CONF, "'off' (default) or 'on' to respect given "
                 "order of protocols, by default the client specified order "
                 "determines selection"),
    AP_INIT_RAW_ARGS("HttpProtocolOptions",
                     ap__core_set_http_protocol_options, NULL, RSRC_CONF,
                     "'Allow0.9' or 'Require1.0' (default); 'RegisteredMethods' "
                     "or 'LenientMethods' (default); 'Unsafe' or 'Strict' "
                     "(default). Sets HTTP acceptance rules"),
    AP_INIT_ITERATE("RegisterHttpMethod", ap__core_set_register_method, NULL,
                    RSRC_CONF, "Registers non-standard HTTP methods"),
    AP_INIT_FLAG("MergeSlashes", ap__core_set_merge_slashes, NULL, RSRC_CONF,
                 "Controls whether consecutive slashes in the URI path are "
                 "merged"),
    AP_INIT_FLAG("StrictHostCheck", ap__core_set_strict_host_check, NULL,
                 RSRC_CONF, "Controls whether a hostname match is required"),

    /* Logging (log area), mutexes, MPM-wide settings, listeners. */
    AP_INIT_TAKE1("ErrorLog", ap__cmd_errorlog, NULL, RSRC_CONF,
                  "The filename of the error log"),
    AP_INIT_TAKE12("ErrorLogFormat", ap__cmd_errorlogformat, NULL, RSRC_CONF,
                   "Format string for the ErrorLog"),
    AP_INIT_TAKE_ARGV("LogLevel", ap__cmd_loglevel, NULL,
                      RSRC_CONF | ACCESS_CONF, "Level of verbosity in error "
                      "logging"),
    AP_INIT_RAW_ARGS("Mutex", ap_set_mutex, NULL, RSRC_CONF,
                     "mutex (or \"default\") and mechanism"),
    AP_INIT_TAKE1("PidFile", ap_mpm_set_pidfile, NULL, RSRC_CONF,
                  "A file for logging the server process ID"),
    AP_INIT_TAKE1("ScoreBoardFile", ap_set_scoreboard, NULL, RSRC_CONF,
                  "A file for Apache to maintain runtime process management "
                  "information"),
    AP_INIT_FLAG("ExtendedStatus", ap_set_extended_status, NULL, RSRC_CONF,
                 "\"On\" to track extended status information, \"Off\" to "
                 "disable"),
    AP_INIT_FLAG("SeeRequestTail", ap_set_reqtail, NULL, RSRC_CONF,
                 "For extended status, \"On\" to see the last 63 chars of "
                 "the request line, \"Off\" (default) to see the first 63"),
    AP_INIT_TAKE1("MaxRequestsPerChild", ap_mpm_set_max_requests, NULL,
                  RSRC_CONF, "Maximum number of connections a particular "
                  "child serves before dying."),
    AP_INIT_TAKE1("MaxConnectionsPerChild", ap_mpm_set_max_requests, NULL,
                  RSRC_CONF, "Maximum number of connections a particular "
                  "child serves before dying."),
    AP_INIT_TAKE1("CoreDumpDirectory", ap_mpm_set_coredumpdir, NULL,
                  RSRC_CONF, "The location of the directory Apache changes "
                  "to before dumping core"),
    AP_INIT_TAKE1("MaxMemFree", ap_mpm_set_max_mem_free, NULL, RSRC_CONF,
                  "Maximum number of 1k blocks a particular child's "
                  "allocator may hold."),
    AP_INIT_TAKE1("ThreadStackSize", ap_mpm_set_thread_stacksize, NULL,
                  RSRC_CONF, "Size in bytes of stack used by threads "
                  "handling client connections"),
    LISTEN_COMMANDS,
    { NULL }
};
