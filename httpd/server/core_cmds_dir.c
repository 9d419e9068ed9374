/* core_cmds_dir.c: handlers of the core directives allowed in
 * <Directory>, <Location>, <Files> and .htaccess (core_dir_config). */
#include <limits.h>
#include <stdlib.h>

#include "apr_strings.h"
#include "apr_hash.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"

#include "core_private.h"

APLOG_USE_MODULE(core);

const char ap__core_errdoc_default[] = "default";

/* ErrorDocument keeps Apache's convention: a message is stored with a
 * leading '"' so that it is told apart from a local path or a URL. */
const char *ap__core_set_error_document(cmd_parms *cmd, void *d_,
                                        const char *code, const char *msg)
{
    core_dir_config *d = d_;
    int status = atoi(code);
    int idx500 = ap_index_of_response(HTTP_INTERNAL_SERVER_ERROR);
    int idx = ap_index_of_response(status);
    int is_url = !strchr(msg, ' ') && msg[0] != '/' && ap_is_url(msg);

    if (status != HTTP_INTERNAL_SERVER_ERROR && idx == idx500) {
        return apr_pstrcat(cmd->pool, "Unsupported HTTP response code ",
                           code, NULL);
    }
    if (status == HTTP_UNAUTHORIZED && is_url) {
        ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, cmd->server, APLOGNO(00113)
                     "%s:%d cannot use a full URL in a 401 ErrorDocument "
                     "directive --- ignoring!", cmd->directive->filename,
                     cmd->directive->line_num);
        return NULL;
    }
    if (!d->response_code_strings) {
        d->response_code_strings = apr_pcalloc(cmd->pool,
                                               sizeof(char *) * RESPONSE_CODES);
    }
    if (!strcasecmp(msg, "default")) {
        d->response_code_strings[idx] = (char *)ap__core_errdoc_default;
    }
    else if (strchr(msg, ' ') || (msg[0] != '/' && !is_url)) {
        d->response_code_strings[idx] = apr_pstrcat(cmd->pool, "\"", msg,
                                                    NULL);
    }
    else {
        d->response_code_strings[idx] = apr_pstrdup(cmd->pool, msg);
    }
    return NULL;
}

const char *ap__core_set_add_default_charset(cmd_parms *cmd, void *d_,
                                             const char *a)
{
    core_dir_config *d = d_;

    if (!strcasecmp(a, "Off")) {
        d->add_default_charset = ADD_DEFAULT_CHARSET_OFF;
        return NULL;
    }
    d->add_default_charset = ADD_DEFAULT_CHARSET_ON;
    d->add_default_charset_name = strcasecmp(a, "On")
                                  ? apr_pstrdup(cmd->pool, a)
                                  : DEFAULT_ADD_DEFAULT_CHARSET_NAME;
    return NULL;
}

const char *ap__core_set_handler(cmd_parms *cmd, void *d_, const char *a)
{
    core_dir_config *d = d_;

    /* "none" is kept so that it overrides an inherited handler. */
    d->handler = strcasecmp(a, "none") ? apr_pstrdup(cmd->pool, a) : "none";
    return NULL;
}

const char *ap__core_set_force_type(cmd_parms *cmd, void *d_, const char *a)
{
    core_dir_config *d = d_;
    char *type;

    if (!strcasecmp(a, "none")) {
        d->mime_type = "none";
        return NULL;
    }
    type = apr_pstrdup(cmd->pool, a);
    ap_str_tolower(type);
    d->mime_type = type;
    return NULL;
}

/* SetOutputFilter / SetInputFilter: cmd->info says which field. */
const char *ap__core_set_filters(cmd_parms *cmd, void *d_, const char *a)
{
    core_dir_config *d = d_;

    if (cmd->info) {
        d->input_filters = apr_pstrdup(cmd->pool, a);
    }
    else {
        d->output_filters = apr_pstrdup(cmd->pool, a);
    }
    return NULL;
}

const char *ap__core_set_accept_path_info(cmd_parms *cmd, void *d_,
                                          const char *a)
{
    core_dir_config *d = d_;

    if (!strcasecmp(a, "on")) {
        d->accept_path_info = AP_REQ_ACCEPT_PATH_INFO;
    }
    else if (!strcasecmp(a, "off")) {
        d->accept_path_info = AP_REQ_REJECT_PATH_INFO;
    }
    else if (!strcasecmp(a, "default")) {
        d->accept_path_info = AP_REQ_DEFAULT_PATH_INFO;
    }
    else {
        return "AcceptPathInfo must be set to on, off or default";
    }
    return NULL;
}

static int etag_bit(const char *w, etag_components_t *bit)
{
    if (!strcasecmp(w, "Size")) {
        *bit = ETAG_SIZE;
    }
    else if (!strcasecmp(w, "MTime") || !strcasecmp(w, "LMTime")
             || !strcasecmp(w, "LastModified")) {
        *bit = ETAG_MTIME;
    }
    else if (!strcasecmp(w, "INode")) {
        *bit = ETAG_INODE;
    }
    else if (!strcasecmp(w, "Digest")) {
        *bit = ETAG_DIGEST;
    }
    else if (!strcasecmp(w, "All")) {
        *bit = ETAG_ALL;
    }
    else if (!strcasecmp(w, "None")) {
        *bit = ETAG_NONE;
    }
    else {
        return 0;
    }
    return 1;
}

/* FileETag: absolute keywords replace, +/- keywords edit the inherited
 * set (merged in merge_etag of core_module.c). */
const char *ap__core_set_etag_bits(cmd_parms *cmd, void *d_, const char *a)
{
    core_dir_config *d = d_;
    int first = 1;

    while (*a) {
        char *w = ap_getword_conf(cmd->temp_pool, &a);
        char action = (*w == '+' || *w == '-') ? *w++ : '\0';
        etag_components_t bit;

        if (!etag_bit(w, &bit)) {
            return apr_pstrcat(cmd->pool, "Unknown keyword '", w, "' for ",
                               cmd->cmd->name, " directive", NULL);
        }
        if (action && (bit == ETAG_ALL || bit == ETAG_NONE)) {
            return apr_pstrcat(cmd->pool, cmd->cmd->name, " keyword '", w,
                               "' cannot be used with '+' or '-'", NULL);
        }
        if (action == '+') {
            d->etag_add |= bit;
            d->etag_remove &= ~bit;
            continue;
        }
        if (action == '-') {
            d->etag_remove |= bit;
            d->etag_add &= ~bit;
            continue;
        }
        if (first) { /* the first absolute word forgets the inherited set */
            d->etag_bits = ETAG_UNSET;
            first = 0;
        }
        d->etag_bits = (bit == ETAG_NONE) ? ETAG_NONE
                                          : ((d->etag_bits & ~ETAG_NONE) | bit);
        d->etag_add = d->etag_remove = ETAG_UNSET;
    }
    return NULL;
}

/* EnableMMAP and EnableSendfile take one word, not a FLAG, so that a bad
 * value gets Apache's own message. */
static int on_off(const char *arg)
{
    if (!ap_cstr_casecmp(arg, "on")) {
        return 1;
    }
    return ap_cstr_casecmp(arg, "off") ? -1 : 0;
}

const char *ap__core_set_enable_mmap(cmd_parms *cmd, void *d_,
                                     const char *arg)
{
    int on = on_off(arg);

    if (on < 0) {
        return "parameter must be 'on' or 'off'";
    }
    ((core_dir_config *)d_)->enable_mmap = on ? ENABLE_MMAP_ON
                                              : ENABLE_MMAP_OFF;
    return NULL;
}

const char *ap__core_set_enable_sendfile(cmd_parms *cmd, void *d_,
                                         const char *arg)
{
    int on = on_off(arg);

    if (on < 0) {
        return "parameter must be 'on' or 'off'";
    }
    ((core_dir_config *)d_)->enable_sendfile = on ? ENABLE_SENDFILE_ON
                                                  : ENABLE_SENDFILE_OFF;
    return NULL;
}

/* MaxRanges, MaxRangeOverlaps, MaxRangeReversals: cmd->info is the
 * field offset. */
const char *ap__core_set_max_ranges(cmd_parms *cmd, void *d_, const char *a)
{
    int *field = (int *)((char *)d_ + (apr_size_t)cmd->info);
    char *end;
    long v;

    if (!strcasecmp(a, "none")) {
        *field = AP_MAXRANGES_NORANGES;
    }
    else if (!strcasecmp(a, "default")) {
        *field = AP_MAXRANGES_DEFAULT;
    }
    else if (!strcasecmp(a, "unlimited")) {
        *field = AP_MAXRANGES_UNLIMITED;
    }
    else {
        v = strtol(a, &end, 10);
        if (end == a || *end || v <= 0 || v > INT_MAX) {
            return apr_pstrcat(cmd->pool, cmd->cmd->name, " requires "
                               "'none', 'default', 'unlimited' or a positive "
                               "integer", NULL);
        }
        *field = (int)v;
    }
    return NULL;
}

const char *ap__core_set_limit_req_body(cmd_parms *cmd, void *d_,
                                        const char *a)
{
    core_dir_config *d = d_;
    char *end;

    if (apr_strtoff(&d->limit_req_body, a, &end, 10) != APR_SUCCESS
        || *end) {
        return "LimitRequestBody argument is not parsable.";
    }
    if (d->limit_req_body < 0) {
        return "LimitRequestBody requires a non-negative integer.";
    }
    return NULL;
}

const char *ap__core_set_limit_xml_body(cmd_parms *cmd, void *d_,
                                        const char *a)
{
    core_dir_config *d = d_;
    char *end;
    long v = strtol(a, &end, 10);

    if (end == a || *end || v < 0) {
        return "LimitXMLRequestBody requires a non-negative integer.";
    }
    d->limit_xml_body = v;
    return NULL;
}

const char *ap__core_set_hostname_lookups(cmd_parms *cmd, void *d_,
                                          const char *a)
{
    core_dir_config *d = d_;

    if (!strcasecmp(a, "on")) {
        d->hostname_lookups = HOSTNAME_LOOKUP_ON;
    }
    else if (!strcasecmp(a, "off")) {
        d->hostname_lookups = HOSTNAME_LOOKUP_OFF;
    }
    else if (!strcasecmp(a, "double")) {
        d->hostname_lookups = HOSTNAME_LOOKUP_DOUBLE;
    }
    else {
        return "parameter must be 'on', 'off', or 'double'";
    }
    return NULL;
}

const char *ap__core_set_canonical_name(cmd_parms *cmd, void *d_,
                                        const char *a)
{
    core_dir_config *d = d_;

    if (!strcasecmp(a, "on")) {
        d->use_canonical_name = USE_CANONICAL_NAME_ON;
    }
    else if (!strcasecmp(a, "off")) {
        d->use_canonical_name = USE_CANONICAL_NAME_OFF;
    }
    else if (!strcasecmp(a, "dns")) {
        d->use_canonical_name = USE_CANONICAL_NAME_DNS;
    }
    else {
        return "parameter must be 'on', 'off', or 'dns'";
    }
    return NULL;
}

const char *ap__core_set_canonical_phys_port(cmd_parms *cmd, void *d_,
                                             int on)
{
    ((core_dir_config *)d_)->use_canonical_phys_port =
        on ? USE_CANONICAL_PHYS_PORT_ON : USE_CANONICAL_PHYS_PORT_OFF;
    return NULL;
}

const char *ap__core_set_signature(cmd_parms *cmd, void *d_, const char *a)
{
    core_dir_config *d = d_;

    if (!strcasecmp(a, "On")) {
        d->server_signature = srv_sig_on;
    }
    else if (!strcasecmp(a, "Off")) {
        d->server_signature = srv_sig_off;
    }
    else if (!strcasecmp(a, "EMail")) {
        d->server_signature = srv_sig_withmail;
    }
    else {
        return "ServerSignature: use one of: off | on | email";
    }
    return NULL;
}

const char *ap__core_set_cgi_pass_auth(cmd_parms *cmd, void *d_, int on)
{
    ((core_dir_config *)d_)->cgi_pass_auth = on ? AP_CGI_PASS_AUTH_ON
                                                : AP_CGI_PASS_AUTH_OFF;
    return NULL;
}

const char *ap__core_set_cgi_var(cmd_parms *cmd, void *d_, const char *var,
                                 const char *rule)
{
    core_dir_config *d = d_;

    if (strcmp(var, "REQUEST_URI")) {
        return apr_pstrcat(cmd->pool, "Unrecognized CGI variable: \"", var,
                           "\"", NULL);
    }
    if (strcmp(rule, "original-uri") && strcmp(rule, "current-uri")) {
        return apr_pstrcat(cmd->pool, "Unrecognized value for CGIVar ",
                           var, ": \"", rule, "\"", NULL);
    }
    if (!d->cgi_var_rules) {
        d->cgi_var_rules = apr_hash_make(cmd->pool);
    }
    apr_hash_set(d->cgi_var_rules, var, APR_HASH_KEY_STRING,
                 apr_pstrdup(cmd->pool, rule));
    return NULL;
}

const char *ap__core_set_qualify_redirect(cmd_parms *cmd, void *d_, int on)
{
    ((core_dir_config *)d_)->qualify_redirect_url = on ? AP_CORE_CONFIG_ON
                                                       : AP_CORE_CONFIG_OFF;
    return NULL;
}

const char *ap__core_set_encoded_slashes(cmd_parms *cmd, void *d_,
                                         const char *a)
{
    core_dir_config *d = d_;

    if (!strcasecmp(a, "on")) {
        d->allow_encoded_slashes = 1;
        d->decode_encoded_slashes = 1;
    }
    else if (!strcasecmp(a, "off")) {
        d->allow_encoded_slashes = 0;
        d->decode_encoded_slashes = 0;
    }
    else if (!strcasecmp(a, "nodecode")) {
        d->allow_encoded_slashes = 1;
        d->decode_encoded_slashes = 0;
    }
    else {
        return apr_pstrcat(cmd->pool, cmd->cmd->name,
                           " must be On, Off, or NoDecode", NULL);
    }
    return NULL;
}

const char *ap__core_set_read_buf_size(cmd_parms *cmd, void *d_,
                                       const char *a)
{
    char *end;
    long v = strtol(a, &end, 10);

    if (end == a || *end || v <= 0) {
        return "ReadBufferSize must be > 0";
    }
    ((core_dir_config *)d_)->read_buf_size = (apr_size_t)v;
    return NULL;
}

const char *ap__core_set_content_md5(cmd_parms *cmd, void *d_, int on)
{
    ((core_dir_config *)d_)->content_md5 = on ? 1 : 0;
    return NULL;
}

/* DefaultType is gone since 2.3; "none" is silently accepted. */
const char *ap__core_set_default_type(cmd_parms *cmd, void *d_,
                                      const char *a)
{
    if (strcasecmp(a, "none")) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, cmd->server,
                     APLOGNO(00117) "Ignoring deprecated use of DefaultType "
                     "in line %d of %s.", cmd->directive->line_num,
                     cmd->directive->filename);
    }
    return NULL;
}
