/* request_private.h: symbols shared between the files of the REQUEST area
 * (server/request*.c, connection*.c, util_filter*.c, core_filters*.c,
 * the eoc/eor/error buckets, modules/http/http_request*.c and
 * http_core*.c). Nothing here is module API.
 */
#ifndef AP_REQUEST_PRIVATE_H
#define AP_REQUEST_PRIVATE_H

#include "apr_buckets.h"
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "util_filter.h"

/** Register the core's connection and storage hooks: create_connection
 * (conn_rec creation), pre_connection (TCP_NODELAY, socket timeout,
 * CORE_IN and CORE filters), map_to_storage (directory then file walk),
 * dirwalk_stat (apr_stat), and the core filters CORE_IN, CORE,
 * SUBREQ_CORE, CONTENT_LENGTH and OLD_WRITE. Called once from the
 * register_hooks function of core_module. */
void ap__core_request_register_hooks(apr_pool_t *p);

/* ---- connection_core.c ---- */

/** The core's create_connection hook: a conn_rec for socket @a csd. */
conn_rec *ap__core_create_conn(apr_pool_t *ptrans, server_rec *s,
                               apr_socket_t *csd, long id, void *sbh,
                               apr_bucket_alloc_t *alloc);

/** The core's pre_connection hook: socket options and network filters. */
int ap__core_pre_connection(conn_rec *c, void *csd);

/** Drop the CR/LF bytes at the start of @a bb (blank lines before a
 *  request) without blocking: APR_SUCCESS when another byte comes next,
 *  APR_EOF when @a bb ran out, or what reading a bucket returned. */
apr_status_t ap__brigade_eat_crlf(apr_bucket_brigade *bb);

/* ---- walk cache (request_walk_cache.c) ---- */

/** One section matched during a walk, and the merge of it with all the
 * sections matched before it. */
typedef struct {
    ap_conf_vector_t *matched;
    ap_conf_vector_t *merged;
} ap__walked_t;

/** What a walk remembers so that the next walk of the same kind in this
 * request (or the same call in a sub-request or redirect) can skip work. */
typedef struct ap__walk_cache_t {
    const char *cached;                 /* the key we walked */
    ap_conf_vector_t **dir_conf_tested; /* the section array we tested */
    ap_conf_vector_t *dir_conf_merged;  /* per_dir_config before merging */
    ap_conf_vector_t *per_dir_result;   /* per_dir_config after merging */
    apr_array_header_t *walked;         /* of ap__walked_t */
    struct ap__walk_cache_t *prev;      /* earlier call in this request */
    int count;                          /* index of this call */
} ap__walk_cache_t;

/** State of one walk that merges matched sections in order, reusing the
 * merges of the previous walk while the matches stay the same. */
typedef struct {
    request_rec *r;
    ap__walk_cache_t *cache;
    ap__walked_t *last;        /* next entry of the old walk to compare */
    int matches;               /* entries of the old walk not yet compared */
    ap_conf_vector_t *now_merged;
} ap__walk_state_t;

/** The cache for the next walk of kind @a note (AP_NOTE_*_WALK) in @a r,
 * copied from the parent request's equivalent call when there is one. */
ap__walk_cache_t *ap__walk_cache_prep(apr_size_t note, request_rec *r);

/** Start a fresh walk over @a cache (the old results become hints). */
void ap__walk_begin(ap__walk_state_t *ws, request_rec *r,
                    ap__walk_cache_t *cache);

/** Record that section @a sec matched, merging it (or reusing the
 * previous walk's merge when the sequence is unchanged). */
void ap__walk_add(ap__walk_state_t *ws, ap_conf_vector_t *sec);

/** Close the walk: drop stale entries of the previous walk. */
void ap__walk_end(ap__walk_state_t *ws);

/** Last merged result of the cached walk, or NULL. */
ap_conf_vector_t *ap__walk_last_merged(const ap__walk_cache_t *cache);

/** Apply @a now_merged on r->per_dir_config and remember the result. */
void ap__walk_finish(request_rec *r, ap__walk_cache_t *cache,
                     ap_conf_vector_t **sec_ent,
                     ap_conf_vector_t *now_merged);

/** Match @a subject against the regex section @a core; on a match set the
 * MATCH_<name> environment variables of its named groups.
 * @return 1 on a match, 0 otherwise. */
int ap__walk_regex_match(request_rec *r, const core_dir_config *core,
                         const char *subject);

/** Follow a symlink at @a d per Options FollowSymLinks or
 * SymLinksIfOwnerMatch (@a opts); on success @a lfi describes the target
 * (keeping the link's name). @return OK or HTTP_FORBIDDEN. */
int ap__resolve_symlink(char *d, apr_finfo_t *lfi, int opts, apr_pool_t *p);

/* ---- sub-requests and redirects ---- */

/** Point every filter of chain @a f whose request is @a from at @a to. */
void ap__update_r_in_filters(ap_filter_t *f, request_rec *from,
                             request_rec *to);

/* ---- core output filter (core_filters_out*.c) ---- */

/** Send what can be sent of @a bb on @a sock; with @a nonblock the
 * socket is not waited for. Sent buckets (and metadata before them) are
 * deleted from @a bb. @return APR_SUCCESS when everything went,
 * APR_EAGAIN when the socket is full (nonblocking), or the error. */
apr_status_t ap__core_send_brigade(conn_rec *c, apr_socket_t *sock,
                                   apr_bucket_brigade *bb, int nonblock,
                                   apr_off_t *bytes_written);

/* ---- http_module (modules/http/http_core*.c) ---- */

/** process_connection for a thread-per-connection MPM. */
int ap__http_sync_connection(conn_rec *c);

/** process_connection for an MPM with CONN_STATE_* states (event). */
int ap__http_async_connection(conn_rec *c);

/** A brigade kept for the lifetime of connection @a c, empty on return. */
apr_bucket_brigade *ap__http_conn_brigade(conn_rec *c);

#endif /* AP_REQUEST_PRIVATE_H */
