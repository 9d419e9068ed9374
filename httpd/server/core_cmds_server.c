/* core_cmds_server.c: handlers of the core directives that configure a
 * whole server (main server or <VirtualHost>). */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "apr_strings.h"
#include "apr_fnmatch.h"
#include "apr_lib.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_main.h"
#include "http_protocol.h"

#include "core_private.h"

APLOG_USE_MODULE(core);

static core_server_config *sconf(cmd_parms *cmd)
{
    return ap_get_core_module_config(cmd->server->module_config);
}

const char *ap__core_set_server_root(cmd_parms *cmd, void *d, const char *a)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    char *root;

    if (err) {
        return err;
    }
    if (apr_filepath_merge(&root, NULL, ap_server_root_relative(cmd->temp_pool,
                                                                a),
                           APR_FILEPATH_TRUENAME, cmd->pool) != APR_SUCCESS
        || !ap_is_directory(cmd->temp_pool, root)) {
        return "ServerRoot must be a valid directory";
    }
    ap_server_root = root;
    return NULL;
}

const char *ap__core_set_runtime_dir(cmd_parms *cmd, void *d, const char *a)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    char *dir;

    if (err) {
        return err;
    }
    if (apr_filepath_merge(&dir, NULL, ap_server_root_relative(cmd->temp_pool,
                                                               a),
                           APR_FILEPATH_TRUENAME, cmd->pool) != APR_SUCCESS
        || !ap_is_directory(cmd->temp_pool, dir)) {
        return "DefaultRuntimeDir must be a valid directory, absolute or "
               "relative to ServerRoot";
    }
    ap_runtime_dir = dir;
    return NULL;
}

const char *ap__core_set_document_root(cmd_parms *cmd, void *d,
                                       const char *a)
{
    core_server_config *conf = sconf(cmd);
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);
    char *path, *root;

    if (err) {
        return err;
    }
    if (!ap_document_root_check) { /* -T: trust the configuration */
        conf->ap_document_root = a;
        return NULL;
    }
    path = ap_server_root_relative(cmd->pool, a);
    if (!path) {
        return "DocumentRoot must be a directory";
    }
    if (apr_filepath_merge(&root, NULL, path, APR_FILEPATH_TRUENAME,
                           cmd->pool) == APR_SUCCESS
        && ap_is_directory(cmd->temp_pool, path)) {
        conf->ap_document_root = root;
        return NULL;
    }
    if (!cmd->server->is_virtual) {
        return apr_psprintf(cmd->pool, "DocumentRoot '%s' is not a directory, "
                            "or is not readable", path);
    }
    /* A vhost may point at a directory mounted later: warn only. */
    ap_log_perror(APLOG_MARK, APLOG_STARTUP, 0, cmd->pool, APLOGNO(00112)
                  "Warning: DocumentRoot [%s] does not exist", path);
    conf->ap_document_root = path;
    return NULL;
}

/* "host", "host:port", "scheme://host:port", "[v6]:port". */
const char *ap__core_set_server_name(cmd_parms *cmd, void *d, const char *a)
{
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);
    const char *part, *portstr, *bracket;
    long port = 0;

    if (err) {
        return err;
    }
    if (apr_fnmatch_test(a)) {
        return apr_pstrcat(cmd->temp_pool, "Invalid ServerName \"", a,
                           "\" use ServerAlias to set multiple server names.",
                           NULL);
    }
    part = strstr(a, "://");
    if (part) {
        char *scheme = apr_pstrmemdup(cmd->pool, a, part - a);
        ap_str_tolower(scheme);
        cmd->server->server_scheme = scheme;
        part += 3;
    }
    else {
        part = a;
    }
    bracket = (*part == '[') ? strchr(part, ']') : NULL;
    portstr = strchr(bracket ? bracket : part, ':');
    if (!portstr) {
        cmd->server->server_hostname = apr_pstrdup(cmd->pool, part);
        cmd->server->port = 0;
        return NULL;
    }
    cmd->server->server_hostname = apr_pstrmemdup(cmd->pool, part,
                                                  portstr - part);
    port = strtol(portstr + 1, NULL, 10);
    if (port <= 0 || port >= 65536) {
        return apr_pstrcat(cmd->temp_pool, "The port number \"", a,
                           "\" is outside the appropriate range "
                           "(i.e., 1..65535).", NULL);
    }
    cmd->server->port = (apr_port_t)port;
    return NULL;
}

const char *ap__core_set_server_alias(cmd_parms *cmd, void *d, const char *a)
{
    if (!cmd->server->names) {
        return "ServerAlias only used in <VirtualHost>";
    }
    while (*a) {
        char *name = ap_getword_conf(cmd->pool, &a);
        apr_array_header_t *list = ap_is_matchexp(name)
                                   ? cmd->server->wild_names
                                   : cmd->server->names;
        if (*name) {
            *(char **)apr_array_push(list) = name;
        }
    }
    return NULL;
}

const char *ap__core_set_server_admin(cmd_parms *cmd, void *d, const char *a)
{
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);

    if (err) {
        return err;
    }
    cmd->server->server_admin = apr_pstrdup(cmd->pool, a);
    return NULL;
}

const char *ap__core_set_server_path(cmd_parms *cmd, void *d, const char *a)
{
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);

    if (err) {
        return err;
    }
    cmd->server->path = a;
    cmd->server->pathlen = (int)strlen(a);
    return NULL;
}

const char *ap__core_set_timeout(cmd_parms *cmd, void *d, const char *a)
{
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);
    apr_interval_time_t t;

    if (err) {
        return err;
    }
    /* Units (ms, s, mi, h) are accepted; anything else is read as Apache
     * 2.4 reads it: leading digits as seconds. */
    if (ap_timeout_parameter_parse(a, &t, "s") != APR_SUCCESS || t < 0) {
        long secs = strtol(a, NULL, 10);

        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, cmd->server,
                     APLOGNO(10600) "Timeout '%s' at %s:%d is not a valid "
                     "time, using %ld seconds", a, cmd->directive->filename,
                     cmd->directive->line_num, secs > 0 ? secs : 0L);
        t = apr_time_from_sec(secs > 0 ? secs : 0);
    }
    cmd->server->timeout = t;
    return NULL;
}

const char *ap__core_set_access_name(cmd_parms *cmd, void *d, const char *a)
{
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);

    if (err) {
        return err;
    }
    /* Kept as one string: ap_parse_htaccess splits it word by word. */
    sconf(cmd)->access_name = apr_pstrdup(cmd->pool, a);
    return NULL;
}

static const char *parse_positive(cmd_parms *cmd, const char *a, long max,
                                  long *out)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(a, &end, 10);
    if (errno || end == a || *end || v < 0 || v > max) {
        return apr_psprintf(cmd->pool, "%s: \"%s\" is not a valid number "
                            "(0..%ld)", cmd->cmd->name, a, max);
    }
    *out = v;
    return NULL;
}

const char *ap__core_set_recursion_limit(cmd_parms *cmd, void *d,
                                         const char *a1, const char *a2)
{
    core_server_config *conf = sconf(cmd);
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);
    long redirects, subreqs;

    if (err) {
        return err;
    }
    if (parse_positive(cmd, a1, INT_MAX, &redirects) || redirects <= 0) {
        return "The recursion limit must be greater than zero.";
    }
    if (redirects < 4) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, cmd->server, APLOGNO(00119)
                     "Limiting internal redirects to very low numbers may "
                     "cause normal requests to fail.");
    }
    subreqs = redirects;
    if (a2 && (parse_positive(cmd, a2, INT_MAX, &subreqs) || subreqs <= 0)) {
        return "The recursion limit must be greater than zero.";
    }
    if (a2 && subreqs < 4) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, cmd->server, APLOGNO(00120)
                     "Limiting the subrequest depth to a very low level may "
                     "cause normal requests to fail.");
    }
    conf->redirect_limit = (int)redirects;
    conf->subreq_limit = (int)subreqs;
    return NULL;
}

static const char *set_request_limit(cmd_parms *cmd, const char *a,
                                     const char *what, int *field)
{
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);
    long v;

    if (err) {
        return err;
    }
    if (parse_positive(cmd, a, INT_MAX, &v)) {
        return apr_psprintf(cmd->pool, "%s \"%s\" must be a non-negative "
                            "integer", what, a);
    }
    *field = (int)v;
    return NULL;
}

const char *ap__core_set_limit_req_line(cmd_parms *cmd, void *d,
                                        const char *a)
{
    return set_request_limit(cmd, a, "LimitRequestLine",
                             &cmd->server->limit_req_line);
}

const char *ap__core_set_limit_req_fieldsize(cmd_parms *cmd, void *d,
                                             const char *a)
{
    return set_request_limit(cmd, a, "LimitRequestFieldsize",
                             &cmd->server->limit_req_fieldsize);
}

const char *ap__core_set_limit_req_fields(cmd_parms *cmd, void *d,
                                          const char *a)
{
    return set_request_limit(cmd, a, "LimitRequestFields",
                             &cmd->server->limit_req_fields);
}

const char *ap__core_set_trace_enable(cmd_parms *cmd, void *d, const char *a)
{
    core_server_config *conf = sconf(cmd);
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);

    if (err) {
        return err;
    }
    if (!strcasecmp(a, "on")) {
        conf->trace_enable = AP_TRACE_ENABLE;
    }
    else if (!strcasecmp(a, "off")) {
        conf->trace_enable = AP_TRACE_DISABLE;
    }
    else if (!strcasecmp(a, "extended")) {
        conf->trace_enable = AP_TRACE_EXTENDED;
    }
    else {
        return "TraceEnable must be one of 'on', 'off', or 'extended'";
    }
    return NULL;
}

const char *ap__core_set_merge_trailers(cmd_parms *cmd, void *d, int on)
{
    sconf(cmd)->merge_trailers = on ? AP_MERGE_TRAILERS_ENABLE
                                    : AP_MERGE_TRAILERS_DISABLE;
    return NULL;
}

const char *ap__core_set_merge_slashes(cmd_parms *cmd, void *d, int on)
{
    sconf(cmd)->merge_slashes = on ? AP_CORE_CONFIG_ON : AP_CORE_CONFIG_OFF;
    return NULL;
}

const char *ap__core_set_strict_host_check(cmd_parms *cmd, void *d, int on)
{
    sconf(cmd)->strict_host_check = on ? AP_CORE_CONFIG_ON
                                       : AP_CORE_CONFIG_OFF;
    return NULL;
}

const char *ap__core_set_http_protocol_options(cmd_parms *cmd, void *d,
                                               const char *a)
{
    core_server_config *conf = sconf(cmd);

    while (*a) {
        char *w = ap_getword_conf(cmd->temp_pool, &a);

        if (!strcasecmp(w, "Allow0.9")) {
            conf->http09_enable = AP_HTTP09_ENABLE;
        }
        else if (!strcasecmp(w, "Require1.0")) {
            conf->http09_enable = AP_HTTP09_DISABLE;
        }
        else if (!strcasecmp(w, "Strict")) {
            conf->http_conformance = AP_HTTP_CONFORMANCE_STRICT;
        }
        else if (!strcasecmp(w, "Unsafe")) {
            conf->http_conformance = AP_HTTP_CONFORMANCE_UNSAFE;
        }
        else if (!strcasecmp(w, "RegisteredMethods")) {
            conf->http_methods = AP_HTTP_METHODS_REGISTERED;
        }
        else if (!strcasecmp(w, "LenientMethods")) {
            conf->http_methods = AP_HTTP_METHODS_LENIENT;
        }
        else {
            return "HttpProtocolOptions accepts 'Unsafe' or 'Strict' "
                   "(default), 'RegisteredMethods' or 'LenientMethods' "
                   "(default), and 'Require1.0' or 'Allow0.9' (default)";
        }
    }
    if (conf->http09_enable == AP_HTTP09_UNSET) {
        conf->http09_enable = AP_HTTP09_ENABLE;
    }
    return NULL;
}

const char *ap__core_set_protocols(cmd_parms *cmd, void *d, int argc,
                                   char *const argv[])
{
    core_server_config *conf = sconf(cmd);
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);
    int i;

    if (err) {
        return err;
    }
    for (i = 0; i < argc; i++) {
        char *proto = apr_pstrdup(cmd->pool, argv[i]);
        ap_str_tolower(proto);
        *(const char **)apr_array_push(conf->protocols) = proto;
    }
    return NULL;
}

const char *ap__core_set_protocols_honor_order(cmd_parms *cmd, void *d,
                                               int on)
{
    sconf(cmd)->protocols_honor_order = on ? 1 : 0;
    return NULL;
}

const char *ap__core_set_register_method(cmd_parms *cmd, void *d,
                                         const char *a)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    const char *c;

    if (err) {
        return err;
    }
    for (c = a; *c; c++) {
        if (!apr_isupper(*c) && *c != '-' && *c != '_') {
            return apr_pstrcat(cmd->pool, "Invalid method name '", a,
                               "': use upper case letters, '-' or '_'",
                               NULL);
        }
    }
    ap_method_register(cmd->pool, apr_pstrdup(cmd->pool, a));
    return NULL;
}

const char *ap__core_set_server_tokens(cmd_parms *cmd, void *d,
                                       const char *a)
{
    static const struct { const char *name; int v; } names[] = {
        { "OS", AP__SRV_TOKENS_OS }, { "Min", AP__SRV_TOKENS_MIN },
        { "Minimal", AP__SRV_TOKENS_MIN }, { "Major", AP__SRV_TOKENS_MAJOR },
        { "Minor", AP__SRV_TOKENS_MINOR }, { "Prod", AP__SRV_TOKENS_PROD },
        { "ProductOnly", AP__SRV_TOKENS_PROD }, { "Full", AP__SRV_TOKENS_FULL }
    };
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    size_t i;

    if (err) {
        return err;
    }
    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (!strcasecmp(a, names[i].name)) {
            ap__core_info_set_tokens(names[i].v);
            return NULL;
        }
    }
    /* Unknown words mean Full, as Apache does. */
    ap__core_info_set_tokens(AP__SRV_TOKENS_FULL);
    return NULL;
}

const char *ap__core_set_error_directive(cmd_parms *cmd, void *d,
                                         const char *a)
{
    /* The message is written by the caller with the file and line. */
    return apr_pstrdup(cmd->pool, a);
}

const char *ap__core_set_flush_max_threshold(cmd_parms *cmd, void *d,
                                             const char *a)
{
    apr_off_t v;

    if (apr_strtoff(&v, a, NULL, 10) != APR_SUCCESS || v <= 0
        || (apr_uint64_t)v > APR_SIZE_MAX) {
        return "FlushMaxThreshold must be a positive number of bytes";
    }
    sconf(cmd)->flush_max_threshold = (apr_size_t)v;
    return NULL;
}

const char *ap__core_set_flush_max_pipelined(cmd_parms *cmd, void *d,
                                             const char *a)
{
    long v;

    if (parse_positive(cmd, a, APR_INT32_MAX, &v)) {
        return "FlushMaxPipelined must be a non-negative number";
    }
    sconf(cmd)->flush_max_pipelined = (apr_int32_t)v;
    return NULL;
}

const char *ap__core_set_accept_filter(cmd_parms *cmd, void *d,
                                       const char *a1, const char *a2)
{
    core_server_config *conf = sconf(cmd);
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    char *proto;

    if (err) {
        return err;
    }
    proto = apr_pstrdup(cmd->pool, a1);
    ap_str_tolower(proto);
    apr_table_setn(conf->accf_map, proto, apr_pstrdup(cmd->pool, a2));
    return NULL;
}

/* RLimitCPU/MEM/NPROC are accepted and kept for the process launchers
 * (mod_cgi etc.) which apply them through apr_procattr_limit_set. */
const char *ap__core_set_rlimit(cmd_parms *cmd, void *d, const char *a1,
                                const char *a2)
{
    const char *err = ap_check_cmd_context(cmd, NOT_IN_HTACCESS);
    const char *what = cmd->info;
    long v;

    if (err) {
        return err;
    }
    if (strcasecmp(a1, "max") && parse_positive(cmd, a1, LONG_MAX, &v)) {
        return apr_pstrcat(cmd->pool, what, ": invalid soft limit '", a1,
                           "'", NULL);
    }
    if (a2 && strcasecmp(a2, "max") && parse_positive(cmd, a2, LONG_MAX, &v)) {
        return apr_pstrcat(cmd->pool, what, ": invalid hard limit '", a2,
                           "'", NULL);
    }
    return NULL;
}

/* Protocol: what a Listen without its own protocol serves (http/https). */
const char *ap__core_set_protocol(cmd_parms *cmd, void *d, const char *a)
{
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);
    char *proto;

    if (err) {
        return err;
    }
    proto = apr_pstrdup(cmd->pool, a);
    ap_str_tolower(proto);
    ap_set_server_protocol(cmd->server, proto);
    return NULL;
}

AP_DECLARE(const char *) ap_get_server_protocol(server_rec *s)
{
    core_server_config *conf = ap_get_core_module_config(s->module_config);

    return conf->protocol;
}

AP_DECLARE(void) ap_set_server_protocol(server_rec *s, const char *proto)
{
    core_server_config *conf = ap_get_core_module_config(s->module_config);

    conf->protocol = proto;
}
