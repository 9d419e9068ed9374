/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  http_request.h
 * @brief Request processing: the phases and their hooks, the walks,
 *        subrequests, internal redirects and ap_die.
 */

#ifndef APACHE_HTTP_REQUEST_H
#define APACHE_HTTP_REQUEST_H

#include "apr_optional.h"
#include "httpd.h"
#include "http_config.h"
#include "util_filter.h"

#ifdef __cplusplus
extern "C" {
#endif

/** ap_sub_req_lookup_dirent subtype: don't pass the parent's args */
#define AP_SUBREQ_NO_ARGS    0
/** ap_sub_req_lookup_dirent subtype: keep the parent's query string */
#define AP_SUBREQ_MERGE_ARGS 1

/** Run every phase before the handler (translate, walks, auth, type,
 *  fixups); OK or an HTTP status. */
AP_DECLARE(int) ap_process_request_internal(request_rec *r);

/** Subrequest for @a new_uri (relative to r's URI); output goes to
 *  @a next_filter (NULL: discarded). */
AP_DECLARE(request_rec *) ap_sub_req_lookup_uri(const char *new_uri,
                                                const request_rec *r,
                                                ap_filter_t *next_filter);

/** Subrequest for file @a new_file (relative to r's directory). */
AP_DECLARE(request_rec *) ap_sub_req_lookup_file(const char *new_file,
                                                 const request_rec *r,
                                                 ap_filter_t *next_filter);

/** Subrequest for a directory entry found while reading r's directory;
 *  @a subtype is AP_SUBREQ_*. */
AP_DECLARE(request_rec *) ap_sub_req_lookup_dirent(const apr_finfo_t *finfo,
                                                   const request_rec *r,
                                                   int subtype,
                                                   ap_filter_t *next_filter);

/** Subrequest for @a new_uri with another @a method. */
AP_DECLARE(request_rec *) ap_sub_req_method_uri(const char *method,
                                                const char *new_uri,
                                                const request_rec *r,
                                                ap_filter_t *next_filter);

/** Output filter at the end of a subrequest's chain (drops its EOS). */
AP_CORE_DECLARE_NONSTD(apr_status_t) ap_sub_req_output_filter(ap_filter_t *f,
                                                  apr_bucket_brigade *bb);

/** Run the handler of subrequest @a r; returns its status. */
AP_DECLARE(int) ap_run_sub_req(request_rec *r);

/** Free subrequest @a r (its pool). */
AP_DECLARE(void) ap_destroy_sub_req(request_rec *r);

/** Restart processing of @a r for @a new_uri (GET keeps the method). */
AP_DECLARE(void) ap_internal_redirect(const char *new_uri, request_rec *r);

/** As ap_internal_redirect, keeping r's handler/content type. */
AP_DECLARE(void) ap_internal_redirect_handler(const char *new_uri,
                                              request_rec *r);

/** Make @a r become the already-processed @a sub_req. */
AP_DECLARE(void) ap_internal_fast_redirect(request_rec *sub_req,
                                           request_rec *r);

/** Does @a r need authentication/authorization? */
AP_DECLARE(int) ap_some_auth_required(request_rec *r);

/** auth hook type: run once per URI */
#define AP_AUTH_INTERNAL_PER_URI  0
/** auth hook type: run once per distinct configuration */
#define AP_AUTH_INTERNAL_PER_CONF 1
/** mask of the type bits */
#define AP_AUTH_INTERNAL_MASK     0x000F

/** Forget the per-conf auth hook count (config reload). */
AP_DECLARE(void) ap_clear_auth_internal(void);

/** Decide whether auth hooks may be skipped for subrequests. */
AP_DECLARE(void) ap_setup_auth_internal(apr_pool_t *ptemp);

/** Register an auth provider and count it for the PER_CONF decision. */
AP_DECLARE(apr_status_t) ap_register_auth_provider(apr_pool_t *pool,
                                                   const char *provider_group,
                                                   const char *provider_name,
                                                   const char *provider_version,
                                                   const void *provider,
                                                   int type);

/** mod_authn_core: names of the authn providers */
APR_DECLARE_OPTIONAL_FN(apr_array_header_t *, authn_ap_list_provider_names,
                        (apr_pool_t *ptemp));

/** mod_authz_core: names of the authz providers */
APR_DECLARE_OPTIONAL_FN(apr_array_header_t *, authz_ap_list_provider_names,
                        (apr_pool_t *ptemp));

/** Is @a r the initial request (no redirect, no subrequest)? */
AP_DECLARE(int) ap_is_initial_req(request_rec *r);

/** Raise r->mtime to @a dependency_mtime if that is newer. */
AP_DECLARE(void) ap_update_mtime(request_rec *r, apr_time_t dependency_mtime);

/** Add (or with @a reset, set) allowed methods by name; NULL-terminated. */
AP_DECLARE(void) ap_allow_methods(request_rec *r, int reset, ...)
                 AP_FN_ATTR_SENTINEL;

/** As ap_allow_methods with method numbers; terminated by -1. */
AP_DECLARE(void) ap_allow_standard_methods(request_rec *r, int reset, ...);

/** ap_allow_methods reset value: add to the list */
#define MERGE_ALLOW   0
/** ap_allow_methods reset value: replace the list */
#define REPLACE_ALLOW 1

/** Process a request completely (all phases, handler, logging). */
AP_DECLARE(void) ap_process_request(request_rec *r);

/** Everything after the handler: EOR bucket, logging, pool cleanup. */
AP_DECLARE(void) ap_process_request_after_handler(request_rec *r);

/** Process a request for an async MPM. */
void ap_process_async_request(request_rec *r);

/** Finish @a r with status @a type (ErrorDocument, error response). */
AP_DECLARE(void) ap_die(int type, request_rec *r);

/** Is another request already waiting on @a c?  Skips up to
 *  @a max_blank_lines empty lines. */
AP_DECLARE(apr_status_t) ap_check_pipeline(conn_rec *c,
                                           apr_bucket_brigade *bb,
                                           unsigned int max_blank_lines);

/* ---- request hooks (in the order they run) ---------------------------- */

/** Hook: a request_rec was created. */
AP_DECLARE_HOOK(int, create_request, (request_rec *r))

/** Hook: before translate_name, on the unmodified URI. */
AP_DECLARE_HOOK(int, pre_translate_name, (request_rec *r))

/** Hook: map the URI to a file name. */
AP_DECLARE_HOOK(int, translate_name, (request_rec *r))

/** Hook: map the file name to its configuration (directory walk). */
AP_DECLARE_HOOK(int, map_to_storage, (request_rec *r))

/** Hook: authenticate the user (use ap_hook_check_authn). */
AP_DECLARE_HOOK(int, check_user_id, (request_rec *r))

/** Hook: last chance to change the request before the handler. */
AP_DECLARE_HOOK(int, fixups, (request_rec *r))

/** Hook: set the content type / handler. */
AP_DECLARE_HOOK(int, type_checker, (request_rec *r))

/** Hook: access control by non-user criteria (use ap_hook_check_access). */
AP_DECLARE_HOOK(int, access_checker, (request_rec *r))

/** Hook: access control that may waive authentication. */
AP_DECLARE_HOOK(int, access_checker_ex, (request_rec *r))

/** Hook: authorization (use ap_hook_check_authz). */
AP_DECLARE_HOOK(int, auth_checker, (request_rec *r))

/** Register an access_checker with its AP_AUTH_INTERNAL_* @a type. */
AP_DECLARE(void) ap_hook_check_access(ap_HOOK_access_checker_t *pf,
                                      const char * const *aszPre,
                                      const char * const *aszSucc,
                                      int nOrder, int type);

/** Register an access_checker_ex with its AP_AUTH_INTERNAL_* @a type. */
AP_DECLARE(void) ap_hook_check_access_ex(ap_HOOK_access_checker_ex_t *pf,
                                         const char * const *aszPre,
                                         const char * const *aszSucc,
                                         int nOrder, int type);

/** Register a check_user_id with its AP_AUTH_INTERNAL_* @a type. */
AP_DECLARE(void) ap_hook_check_authn(ap_HOOK_check_user_id_t *pf,
                                     const char * const *aszPre,
                                     const char * const *aszSucc,
                                     int nOrder, int type);

/** Register an auth_checker with its AP_AUTH_INTERNAL_* @a type. */
AP_DECLARE(void) ap_hook_check_authz(ap_HOOK_auth_checker_t *pf,
                                     const char * const *aszPre,
                                     const char * const *aszSucc,
                                     int nOrder, int type);

/** Hook: add request filters before the handler runs. */
AP_DECLARE_HOOK(void, insert_filter, (request_rec *r))

/** Hook: right after the per-dir configuration is merged. */
AP_DECLARE_HOOK(int, post_perdir_config, (request_rec *r))

/** Hook: force authentication even without Require lines. */
AP_DECLARE_HOOK(int, force_authn, (request_rec *r))

/** Hook: the stat() used by the directory walk. */
AP_DECLARE_HOOK(apr_status_t, dirwalk_stat,
                (apr_finfo_t *finfo, request_rec *r, apr_int32_t wanted))

/** Merge the <Location> sections matching r->uri. */
AP_DECLARE(int) ap_location_walk(request_rec *r);

/** Merge the <Directory> sections and .htaccess files for r->filename. */
AP_DECLARE(int) ap_directory_walk(request_rec *r);

/** Merge the <Files> sections matching r->filename. */
AP_DECLARE(int) ap_file_walk(request_rec *r);

/** Merge the <If> sections whose condition holds. */
AP_DECLARE(int) ap_if_walk(request_rec *r);

/** the End-Of-Request bucket type */
AP_DECLARE_DATA extern const apr_bucket_type_t ap_bucket_type_eor;

/** Is @a e an EOR bucket? */
#define AP_BUCKET_IS_EOR(e) ((e)->type == &ap_bucket_type_eor)

/** Turn @a b into an EOR bucket for @a r (destroying it frees r). */
AP_DECLARE(apr_bucket *) ap_bucket_eor_make(apr_bucket *b, request_rec *r);

/** Create an EOR bucket for @a r. */
AP_DECLARE(apr_bucket *) ap_bucket_eor_create(apr_bucket_alloc_t *list,
                                              request_rec *r);

/** Does @a r need authentication (Require lines need a user)? */
AP_DECLARE(int) ap_some_authn_required(request_rec *r);

#ifdef __cplusplus
}
#endif

#endif /* APACHE_HTTP_REQUEST_H */
