/* protocol_private.h: symbols shared between the files of the PROTOCOL area
 * (server/protocol*.c, server/core_handler.c, modules/http/http_*.c,
 * chunk_filter.c, byterange_filter.c). Not part of the module API.
 */
#ifndef AP_PROTOCOL_PRIVATE_H
#define AP_PROTOCOL_PRIVATE_H

#include "apr_buckets.h"
#include "httpd.h"
#include "http_config.h"
#include "util_filter.h"

/** The default content handler for static files: GET/HEAD (and POST, as
 * Apache does) of r->filename, OPTIONS, 405 for other methods, 501 for
 * unknown ones. Registered by CORE with APR_HOOK_REALLY_LAST. */
int ap__default_handler(request_rec *r);

/** Parse one "Range: bytes=..." value against a representation of
 * @a clength bytes, applying the MaxRanges/MaxRangeOverlaps/
 * MaxRangeReversals limits given (AP_MAXRANGES_* values allowed).
 * On success fills @a *ranges with (start,end) pairs, inclusive.
 * @return number of ranges (>0), 0 when the header must be ignored (serve
 *   200), -1 when nothing is satisfiable (416). */
int ap__parse_byteranges(apr_pool_t *p, const char *range, apr_off_t clength,
                         int max_ranges, int max_overlaps, int max_reversals,
                         apr_array_header_t **ranges);

/** One parsed range; end is inclusive. */
typedef struct {
    apr_off_t start;
    apr_off_t end;
} ap__range_t;

/** Parse a chunk-size line ("1a;ext=v"): hex size, optional extensions.
 * @return APR_SUCCESS, APR_EINVAL on bad syntax, APR_ENOSPC on overflow. */
apr_status_t ap__parse_chunk_size(const char *line, apr_size_t len,
                                  apr_off_t *size);

/** The canned HTML fragment Apache puts inside error pages for @a status
 * (after the <h1>), escaped where it carries request data. */
const char *ap__canned_error_string(request_rec *r, int status,
                                    const char *location);

/** Fill r->allowed's "Allow:" value as Apache's make_allow does. */
const char *ap__make_allow(request_rec *r);

/** Method number of the @a len bytes at @a name (M_INVALID when not
 * registered); HEAD maps to M_GET. *canon receives the registry's own
 * NUL-terminated copy of the name (NULL when unknown) so that callers need
 * not allocate one. */
int ap__method_number_n(const char *name, apr_size_t len, const char **canon);

/** Number of bytes the caller has written through ap_rwrite & co. that are
 * still waiting in the per-request buffer (test hook). */
apr_size_t ap__rwrite_pending(request_rec *r);

#endif /* AP_PROTOCOL_PRIVATE_H */
