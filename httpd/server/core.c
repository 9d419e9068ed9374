/* core.c: the core module record, the creation and merging of its
 * per-directory and per-server configurations, and the server state that
 * ap_state_query() reports. */
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_main.h"
#include "ap_config_layout.h"
#include "mpm_common.h"

#include "core_private.h"

AP_DECLARE_DATA int ap_main_state = AP_SQ_MS_INITIAL_STARTUP;
AP_DECLARE_DATA int ap_run_mode = AP_SQ_RM_UNKNOWN;
AP_DECLARE_DATA int ap_config_generation = 0;
AP_DECLARE_DATA int ap_document_root_check = 1;

#undef ap_get_core_module_config
#undef ap_set_core_module_config

AP_DECLARE(void *) ap_get_core_module_config(const ap_conf_vector_t *cv)
{
    return ((void **)cv)[AP_CORE_MODULE_INDEX];
}

AP_DECLARE(void) ap_set_core_module_config(ap_conf_vector_t *cv, void *val)
{
    ((void **)cv)[AP_CORE_MODULE_INDEX] = val;
}

AP_DECLARE(int) ap_state_query(int query)
{
    switch (query) {
    case AP_SQ_MAIN_STATE:
        return ap_main_state;
    case AP_SQ_RUN_MODE:
        return ap_run_mode;
    case AP_SQ_CONFIG_GEN:
        return ap_config_generation;
    default:
        return AP_SQ_NOT_SUPPORTED;
    }
}

void *ap__core_create_dir_config(apr_pool_t *p, char *dir)
{
    core_dir_config *c = apr_pcalloc(p, sizeof(*c));

    /* The server-wide default (dir == NULL) follows symlinks, as 2.4. */
    c->opts = dir ? OPT_UNSET : (OPT_UNSET | OPT_SYM_LINKS);
    c->opts_add = c->opts_remove = OPT_NONE;
    c->override = OR_UNSET | OR_NONE;
    c->override_opts = OPT_UNSET | OPT_ALL | OPT_SYM_OWNER | OPT_MULTI;
    c->content_md5 = AP__CONTENT_MD5_UNSET;
    c->accept_path_info = AP__ACCEPT_PATHINFO_UNSET;
    c->use_canonical_name = USE_CANONICAL_NAME_UNSET;
    c->use_canonical_phys_port = USE_CANONICAL_PHYS_PORT_UNSET;
    c->hostname_lookups = HOSTNAME_LOOKUP_UNSET;
    c->limit_req_body = AP__LIMIT_REQ_BODY_UNSET;
    c->limit_xml_body = AP__LIMIT_UNSET;
    c->server_signature = srv_sig_unset;
    c->add_default_charset = ADD_DEFAULT_CHARSET_UNSET;
    c->add_default_charset_name = DEFAULT_ADD_DEFAULT_CHARSET_NAME;
    c->etag_bits = c->etag_add = c->etag_remove = ETAG_UNSET;
    c->enable_mmap = ENABLE_MMAP_UNSET;
    c->enable_sendfile = ENABLE_SENDFILE_UNSET;
    c->max_ranges = AP_MAXRANGES_UNSET;
    c->max_overlaps = AP_MAXRANGES_UNSET;
    c->max_reversals = AP_MAXRANGES_UNSET;
    c->cgi_pass_auth = AP_CGI_PASS_AUTH_UNSET;
    c->qualify_redirect_url = AP_CORE_CONFIG_UNSET;
    return c;
}

/* Options: an absolute setting replaces everything inherited; a list of
 * +/- only edits it. opts_add and opts_remove never share a bit. */
static void merge_options(core_dir_config *c, const core_dir_config *base,
                          const core_dir_config *add)
{
    if (!(add->opts & OPT_UNSET)) {
        c->opts = add->opts;
        c->opts_add = add->opts_add;
        c->opts_remove = add->opts_remove;
        return;
    }
    c->opts_add = (c->opts_add & ~add->opts_remove) | add->opts_add;
    c->opts_remove = (c->opts_remove & ~add->opts_add) | add->opts_remove;
    c->opts = (c->opts & ~c->opts_remove) | c->opts_add;
    /* "+IncludesNOEXEC" below "Includes" drops the exec permission. */
    if ((base->opts & (OPT_INCLUDES | OPT_INC_WITH_EXEC))
            == (OPT_INCLUDES | OPT_INC_WITH_EXEC)
        && (add->opts & (OPT_INCLUDES | OPT_INC_WITH_EXEC)) == OPT_INCLUDES) {
        c->opts &= ~OPT_INC_WITH_EXEC;
    }
}

static void merge_etag(core_dir_config *c, const core_dir_config *add)
{
    if (add->etag_bits == ETAG_UNSET) {
        c->etag_add = (c->etag_add & ~add->etag_remove) | add->etag_add;
        c->etag_remove = (c->etag_remove & ~add->etag_add)
                         | add->etag_remove;
        c->etag_bits = (c->etag_bits & ~c->etag_remove) | c->etag_add;
    }
    else {
        c->etag_bits = add->etag_bits;
        c->etag_add = add->etag_add;
        c->etag_remove = add->etag_remove;
    }
    if (c->etag_bits != ETAG_NONE) {
        c->etag_bits &= ~ETAG_NONE;
    }
}

static void merge_error_documents(apr_pool_t *p, core_dir_config *c,
                                  const core_dir_config *add)
{
    int i;

    if (!add->response_code_strings) {
        return;
    }
    if (!c->response_code_strings) {
        c->response_code_strings = add->response_code_strings;
        return;
    }
    /* Copy before writing: the base array belongs to another section. */
    c->response_code_strings = apr_pmemdup(p, c->response_code_strings,
                                           sizeof(char *) * RESPONSE_CODES);
    for (i = 0; i < RESPONSE_CODES; i++) {
        if (add->response_code_strings[i]) {
            c->response_code_strings[i] = add->response_code_strings[i];
        }
    }
}

static apr_array_header_t *merge_sections(apr_pool_t *p,
                                          apr_array_header_t *base,
                                          apr_array_header_t *add)
{
    if (!base) {
        return add;
    }
    return add ? apr_array_append(p, base, add) : base;
}

static void merge_limits(core_dir_config *c, const core_dir_config *add)
{
#if defined(RLIMIT_CPU)
    if (add->limit_cpu) {
        c->limit_cpu = add->limit_cpu;
    }
#endif
#if defined(RLIMIT_DATA) || defined(RLIMIT_VMEM) || defined(RLIMIT_AS)
    if (add->limit_mem) {
        c->limit_mem = add->limit_mem;
    }
#endif
#if defined(RLIMIT_NPROC)
    if (add->limit_nproc) {
        c->limit_nproc = add->limit_nproc;
    }
#endif
    if (add->limit_req_body != AP__LIMIT_REQ_BODY_UNSET) {
        c->limit_req_body = add->limit_req_body;
    }
    if (add->limit_xml_body != AP__LIMIT_UNSET) {
        c->limit_xml_body = add->limit_xml_body;
    }
    if (add->max_ranges != AP_MAXRANGES_UNSET) {
        c->max_ranges = add->max_ranges;
    }
    if (add->max_overlaps != AP_MAXRANGES_UNSET) {
        c->max_overlaps = add->max_overlaps;
    }
    if (add->max_reversals != AP_MAXRANGES_UNSET) {
        c->max_reversals = add->max_reversals;
    }
    if (add->read_buf_size) {
        c->read_buf_size = add->read_buf_size;
    }
}

static void merge_flags(core_dir_config *c, const core_dir_config *base,
                        const core_dir_config *add)
{
    if (add->hostname_lookups != HOSTNAME_LOOKUP_UNSET) {
        c->hostname_lookups = add->hostname_lookups;
    }
    if (add->content_md5 != AP__CONTENT_MD5_UNSET) {
        c->content_md5 = add->content_md5;
    }
    if (add->accept_path_info != AP__ACCEPT_PATHINFO_UNSET) {
        c->accept_path_info = add->accept_path_info;
    }
    if (add->use_canonical_name != USE_CANONICAL_NAME_UNSET) {
        c->use_canonical_name = add->use_canonical_name;
    }
    if (add->use_canonical_phys_port != USE_CANONICAL_PHYS_PORT_UNSET) {
        c->use_canonical_phys_port = add->use_canonical_phys_port;
    }
    if (add->server_signature != srv_sig_unset) {
        c->server_signature = add->server_signature;
    }
    if (add->add_default_charset != ADD_DEFAULT_CHARSET_UNSET) {
        c->add_default_charset = add->add_default_charset;
        c->add_default_charset_name = add->add_default_charset_name;
    }
    if (add->enable_mmap != ENABLE_MMAP_UNSET) {
        c->enable_mmap = add->enable_mmap;
    }
    if (add->enable_sendfile != ENABLE_SENDFILE_UNSET) {
        c->enable_sendfile = add->enable_sendfile;
    }
    if (add->cgi_pass_auth != AP_CGI_PASS_AUTH_UNSET) {
        c->cgi_pass_auth = add->cgi_pass_auth;
    }
    AP_CORE_MERGE_FLAG(qualify_redirect_url, c, base, add);
    /* Not inherited: each section states its own encoded-slash rule. */
    c->allow_encoded_slashes = add->allow_encoded_slashes;
    c->decode_encoded_slashes = add->decode_encoded_slashes;
}

static void merge_handlers(core_dir_config *c, const core_dir_config *add)
{
    if (add->mime_type) {
        c->mime_type = add->mime_type;
    }
    if (add->handler) {
        c->handler = add->handler;
    }
    if (add->expr_handler) {
        c->expr_handler = add->expr_handler;
    }
    if (add->output_filters) {
        c->output_filters = add->output_filters;
    }
    if (add->input_filters) {
        c->input_filters = add->input_filters;
    }
}

static void merge_logconf(apr_pool_t *p, core_dir_config *c,
                          const core_dir_config *base,
                          const core_dir_config *add)
{
    if (!add->log) {
        return;
    }
    if (!base->log) {
        c->log = add->log;
        return;
    }
    c->log = ap_new_log_config(p, add->log);
    ap_merge_log_config(base->log, c->log);
}

static apr_hash_t *overlay(apr_pool_t *p, apr_hash_t *base, apr_hash_t *add)
{
    if (!add) {
        return base;
    }
    return base ? apr_hash_overlay(p, add, base) : add;
}

void *ap__core_merge_dir_config(apr_pool_t *p, void *basev, void *newv)
{
    core_dir_config *base = basev;
    core_dir_config *add = newv;
    core_dir_config *c = apr_pmemdup(p, base, sizeof(*c));

    /* What the section is (its path, regex, condition) is never inherited. */
    c->d = add->d;
    c->d_is_fnmatch = add->d_is_fnmatch;
    c->d_components = add->d_components;
    c->r = add->r;
    c->refs = add->refs;
    c->condition = add->condition;
    c->condition_ifelse = add->condition_ifelse;

    merge_options(c, base, add);
    if (!(add->override & OR_UNSET)) {
        c->override = add->override;
    }
    if (!(add->override_opts & OPT_UNSET)) {
        c->override_opts = add->override_opts;
    }
    if (add->override_list) {
        c->override_list = add->override_list;
    }
    merge_error_documents(p, c, add);
    c->response_code_exprs = overlay(p, base->response_code_exprs,
                                     add->response_code_exprs);
    c->cgi_var_rules = overlay(p, base->cgi_var_rules, add->cgi_var_rules);
    merge_flags(c, base, add);
    merge_limits(c, add);
    merge_handlers(c, add);
    merge_etag(c, add);
    merge_logconf(p, c, base, add);
    c->sec_file = merge_sections(p, base->sec_file, add->sec_file);
    c->sec_if = merge_sections(p, base->sec_if, add->sec_if);
    return c;
}

void *ap__core_create_server_config(apr_pool_t *p, server_rec *s)
{
    core_server_config *c = apr_pcalloc(p, sizeof(*c));

    if (!s->is_virtual) {
        c->ap_document_root = DOCUMENT_LOCATION;
        c->access_name = DEFAULT_ACCESS_FNAME;
        /* Accept filters are chosen per protocol, globally only. */
        c->accf_map = apr_table_make(p, 4);
        apr_table_setn(c->accf_map, "http", "data");
        apr_table_setn(c->accf_map, "https", "data");
        c->flush_max_threshold = AP__DEFAULT_FLUSH_MAX_THRESHOLD;
        c->flush_max_pipelined = AP__DEFAULT_FLUSH_MAX_PIPELINED;
    }
    else {
        c->flush_max_pipelined = -1;
    }
    c->sec_dir = apr_array_make(p, 16, sizeof(ap_conf_vector_t *));
    c->sec_url = apr_array_make(p, 16, sizeof(ap_conf_vector_t *));
    c->trace_enable = AP_TRACE_UNSET;
    c->protocols = apr_array_make(p, 4, sizeof(const char *));
    c->protocols_honor_order = -1;
    c->merge_slashes = AP_CORE_CONFIG_UNSET;
    c->strict_host_check = AP_CORE_CONFIG_UNSET;
    return c;
}

static void merge_server_protocol(core_server_config *c,
                                  const core_server_config *base,
                                  const core_server_config *add)
{
    if (add->trace_enable != AP_TRACE_UNSET) {
        c->trace_enable = add->trace_enable;
    }
    if (add->http09_enable != AP_HTTP09_UNSET) {
        c->http09_enable = add->http09_enable;
    }
    if (add->http_conformance != AP_HTTP_CONFORMANCE_UNSET) {
        c->http_conformance = add->http_conformance;
    }
    if (add->http_methods != AP_HTTP_METHODS_UNSET) {
        c->http_methods = add->http_methods;
    }
    if (add->merge_trailers != AP_MERGE_TRAILERS_UNSET) {
        c->merge_trailers = add->merge_trailers;
    }
    if (add->protocols->nelts > 0) {
        c->protocols = add->protocols;
    }
    if (add->protocols_honor_order >= 0) {
        c->protocols_honor_order = add->protocols_honor_order;
    }
    AP_CORE_MERGE_FLAG(merge_slashes, c, base, add);
    AP_CORE_MERGE_FLAG(strict_host_check, c, base, add);
}

void *ap__core_merge_server_config(apr_pool_t *p, void *basev, void *newv)
{
    core_server_config *base = basev;
    core_server_config *add = newv;
    core_server_config *c = apr_pmemdup(p, base, sizeof(*c));

    if (add->ap_document_root) {
        c->ap_document_root = add->ap_document_root;
    }
    if (add->access_name) {
        c->access_name = add->access_name;
    }
    /* The main server's sections come first; the vhost's apply after. */
    c->sec_dir = apr_array_append(p, base->sec_dir, add->sec_dir);
    c->sec_url = apr_array_append(p, base->sec_url, add->sec_url);
    if (add->redirect_limit) {
        c->redirect_limit = add->redirect_limit;
    }
    if (add->subreq_limit) {
        c->subreq_limit = add->subreq_limit;
    }
    if (add->protocol) {
        c->protocol = add->protocol;
    }
    if (add->gprof_dir) {
        c->gprof_dir = add->gprof_dir;
    }
    if (add->error_log_format) {
        c->error_log_format = add->error_log_format;
    }
    if (add->error_log_conn) {
        c->error_log_conn = add->error_log_conn;
    }
    if (add->error_log_req) {
        c->error_log_req = add->error_log_req;
    }
    merge_server_protocol(c, base, add);
    if (add->flush_max_threshold) {
        c->flush_max_threshold = add->flush_max_threshold;
    }
    if (add->flush_max_pipelined >= 0) {
        c->flush_max_pipelined = add->flush_max_pipelined;
    }
    return c;
}

static void core_register_hooks(apr_pool_t *p)
{
    ap__core_hooks_register(p);
}

AP_DECLARE_MODULE(core) = {
    MPM20_MODULE_STUFF,
    AP_PLATFORM_REWRITE_ARGS_HOOK, /* the MPM records -k from argv */
    ap__core_create_dir_config,
    ap__core_merge_dir_config,
    ap__core_create_server_config,
    ap__core_merge_server_config,
    ap__core_cmds,
    core_register_hooks
};
