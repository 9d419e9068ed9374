/* util_filter.c: the filter registry (names looked up case-insensitively)
 * and the add/remove operations on a request's or connection's chains.
 *
 * A chain is one singly linked list shared by three heads: resource
 * filters (r->output_filters) lead into protocol filters
 * (r->proto_output_filters) which lead into connection filters
 * (c->output_filters). Inside one list filters are ordered by ftype, a new
 * filter going after those of the same type.
 */
#include <string.h>


#include "apr_hash.h"
#include "apr_lib.h"
#include "apr_hooks.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_log.h"
#include "util_filter.h"

APLOG_USE_MODULE(core);

/* The registries live in the hook pool, which is cleared at every restart
 * along with all registrations, so the pool cleanup resets them. */
static apr_hash_t *input_registry;
static apr_hash_t *output_registry;

static apr_status_t registry_reset(void *unused)
{
    input_registry = NULL;
    output_registry = NULL;
    return APR_SUCCESS;
}

static apr_pool_t *registry_pool(void)
{
    return apr_hook_global_pool;
}

/* Lower-case copy of @a name in @a p (names are case-insensitive). */
static char *normalize_name(apr_pool_t *p, const char *name)
{
    char *n = apr_pstrdup(p, name);
    char *s;

    for (s = n; *s; s++) {
        *s = (char)apr_tolower((unsigned char)*s);
    }
    return n;
}

static ap_filter_rec_t *register_filter(apr_hash_t **reg, const char *name,
                                        ap_filter_func func,
                                        ap_init_filter_func init,
                                        ap_filter_type ftype)
{
    apr_pool_t *p = registry_pool();
    ap_filter_rec_t *frec;
    char *key;

    if (!*reg) {
        *reg = apr_hash_make(p);
        apr_pool_cleanup_register(p, NULL, registry_reset,
                                  apr_pool_cleanup_null);
    }
    key = normalize_name(p, name);
    frec = apr_hash_get(*reg, key, APR_HASH_KEY_STRING);
    if (!frec) {
        frec = apr_pcalloc(p, sizeof(*frec));
        frec->name = key;
        apr_hash_set(*reg, key, APR_HASH_KEY_STRING, frec);
    }
    frec->filter_func = func;
    frec->filter_init_func = init;
    frec->ftype = ftype;
    return frec;
}

/* Lookup without allocating for the common short names. */
static ap_filter_rec_t *lookup_filter(apr_hash_t *reg, const char *name)
{
    char buf[64];
    apr_size_t len, i;

    if (!reg || !name) {
        return NULL;
    }
    len = strlen(name);
    if (len >= sizeof(buf)) {
        char *key = normalize_name(registry_pool(), name);
        return apr_hash_get(reg, key, APR_HASH_KEY_STRING);
    }
    for (i = 0; i < len; i++) {
        buf[i] = (char)apr_tolower((unsigned char)name[i]);
    }
    buf[len] = '\0';
    return apr_hash_get(reg, buf, (apr_ssize_t)len);
}

AP_DECLARE(ap_filter_rec_t *) ap_register_input_filter(const char *name,
        ap_in_filter_func filter_func, ap_init_filter_func filter_init,
        ap_filter_type ftype)
{
    ap_filter_func f;

    f.in_func = filter_func;
    return register_filter(&input_registry, name, f, filter_init, ftype);
}

AP_DECLARE(ap_filter_rec_t *) ap_register_output_filter(const char *name,
        ap_out_filter_func filter_func, ap_init_filter_func filter_init,
        ap_filter_type ftype)
{
    return ap_register_output_filter_protocol(name, filter_func,
                                              filter_init, ftype, 0);
}

AP_DECLARE(ap_filter_rec_t *) ap_register_output_filter_protocol(
        const char *name, ap_out_filter_func filter_func,
        ap_init_filter_func filter_init, ap_filter_type ftype,
        unsigned int proto_flags)
{
    ap_filter_rec_t *frec;
    ap_filter_func f;

    f.out_func = filter_func;
    frec = register_filter(&output_registry, name, f, filter_init, ftype);
    frec->proto_flags = proto_flags;
    return frec;
}

AP_DECLARE(ap_filter_rec_t *) ap_get_input_filter_handle(const char *name)
{
    return lookup_filter(input_registry, name);
}

AP_DECLARE(ap_filter_rec_t *) ap_get_output_filter_handle(const char *name)
{
    return lookup_filter(output_registry, name);
}

/* The three heads of one direction's chain. */
typedef struct {
    ap_filter_t **r_head;
    ap_filter_t **p_head;
    ap_filter_t **c_head;
} chain_heads;

/* @a f goes before @a next when next is of a later type, or belongs to
 * another request (filters of an earlier request, e.g. the main request
 * of a sub-request, always come after ours). */
static int goes_before(const ap_filter_t *f, const ap_filter_t *next)
{
    return next == NULL || next->frec->ftype > f->frec->ftype
           || next->r != f->r;
}

/* The filter of the resource chain whose next is @a target, when the
 * resource chain flows into it; NULL otherwise. */
static ap_filter_t *find_predecessor(const chain_heads *h,
                                     ap_filter_t *target)
{
    ap_filter_t *scan;

    if (!h->r_head || *h->r_head == *h->c_head) {
        return NULL;
    }
    for (scan = *h->r_head; scan; scan = scan->next) {
        if (scan->next == target) {
            return scan;
        }
    }
    return NULL;
}

static void insert_filter(ap_filter_t *f, ap_filter_t **head,
                          const chain_heads *h)
{
    ap_filter_t *scan;

    if (goes_before(f, *head)) {
        ap_filter_t *pred = *head ? find_predecessor(h, *head) : NULL;

        f->next = *head;
        if (pred && pred != f) {
            pred->next = f;
        }
        *head = f;
        return;
    }
    scan = *head;
    while (!goes_before(f, scan->next)) {
        scan = scan->next;
    }
    f->next = scan->next;
    scan->next = f;
}

static ap_filter_t *add_filter(ap_filter_rec_t *frec, void *ctx,
                               request_rec *r, conn_rec *c,
                               const chain_heads *h)
{
    apr_pool_t *p = (frec->ftype < AP_FTYPE_CONNECTION && r) ? r->pool
                                                             : c->pool;
    ap_filter_t *f = apr_pcalloc(p, sizeof(*f));
    ap_filter_t **head;

    f->frec = frec;
    f->ctx = ctx;
    f->r = frec->ftype < AP_FTYPE_CONNECTION ? r : NULL;
    f->c = c;

    if (r && frec->ftype < AP_FTYPE_PROTOCOL) {
        head = h->r_head;
    }
    else if (r && frec->ftype < AP_FTYPE_CONNECTION) {
        head = h->p_head;
    }
    else {
        head = h->c_head;
    }
    insert_filter(f, head, h);

    /* The first request filter added to a request whose chain was still
     * the bare connection chain: the resource head now starts at the
     * protocol head. */
    if (r && frec->ftype < AP_FTYPE_CONNECTION
        && *h->r_head == *h->c_head) {
        *h->r_head = *h->p_head;
    }
    return f;
}

static ap_filter_t *add_output(ap_filter_rec_t *frec, void *ctx,
                               request_rec *r, conn_rec *c)
{
    chain_heads h;

    h.r_head = r ? &r->output_filters : NULL;
    h.p_head = r ? &r->proto_output_filters : NULL;
    h.c_head = &c->output_filters;
    return add_filter(frec, ctx, r, c, &h);
}

static ap_filter_t *add_input(ap_filter_rec_t *frec, void *ctx,
                              request_rec *r, conn_rec *c)
{
    chain_heads h;

    h.r_head = r ? &r->input_filters : NULL;
    h.p_head = r ? &r->proto_input_filters : NULL;
    h.c_head = &c->input_filters;
    return add_filter(frec, ctx, r, c, &h);
}

static void log_unknown(const char *kind, const char *name, request_rec *r,
                        conn_rec *c)
{
    if (r) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(20100)
                      "a nonexistent %s filter was requested: %s",
                      kind, name);
    }
    else {
        ap_log_cerror(APLOG_MARK, APLOG_ERR, 0, c, APLOGNO(20101)
                      "a nonexistent %s filter was requested: %s",
                      kind, name);
    }
}

AP_DECLARE(ap_filter_t *) ap_add_input_filter(const char *name, void *ctx,
                                              request_rec *r, conn_rec *c)
{
    ap_filter_rec_t *frec = ap_get_input_filter_handle(name);

    if (!frec) {
        log_unknown("input", name, r, c);
        return NULL;
    }
    return add_input(frec, ctx, r, c);
}

AP_DECLARE(ap_filter_t *) ap_add_input_filter_handle(ap_filter_rec_t *f,
                                                     void *ctx,
                                                     request_rec *r,
                                                     conn_rec *c)
{
    return add_input(f, ctx, r, c);
}

AP_DECLARE(ap_filter_t *) ap_add_output_filter(const char *name, void *ctx,
                                               request_rec *r, conn_rec *c)
{
    ap_filter_rec_t *frec = ap_get_output_filter_handle(name);

    if (!frec) {
        log_unknown("output", name, r, c);
        return NULL;
    }
    return add_output(frec, ctx, r, c);
}

AP_DECLARE(ap_filter_t *) ap_add_output_filter_handle(ap_filter_rec_t *f,
                                                      void *ctx,
                                                      request_rec *r,
                                                      conn_rec *c)
{
    return add_output(f, ctx, r, c);
}

static void remove_filter(ap_filter_t *f, ap_filter_t **r_head,
                          ap_filter_t **p_head, ap_filter_t **c_head)
{
    ap_filter_t **head = r_head ? r_head : c_head;
    ap_filter_t *scan;

    if (p_head && *p_head == f) {
        *p_head = f->next;
    }
    if (*head == f) {
        *head = f->next;
        return;
    }
    for (scan = *head; scan && scan->next != f; scan = scan->next) {
    }
    if (scan) {
        scan->next = f->next;
    }
}

AP_DECLARE(void) ap_remove_input_filter(ap_filter_t *f)
{
    remove_filter(f, f->r ? &f->r->input_filters : NULL,
                  f->r ? &f->r->proto_input_filters : NULL,
                  &f->c->input_filters);
}

AP_DECLARE(void) ap_remove_output_filter(ap_filter_t *f)
{
    remove_filter(f, f->r ? &f->r->output_filters : NULL,
                  f->r ? &f->r->proto_output_filters : NULL,
                  &f->c->output_filters);
}

/* First filter from @a next on whose registered name is @a handle. */
static ap_filter_t *find_by_handle(ap_filter_t *next, const char *handle,
                                   int input)
{
    ap_filter_rec_t *frec = input ? ap_get_input_filter_handle(handle)
                                  : ap_get_output_filter_handle(handle);

    if (!frec) {
        return NULL;
    }
    for (; next; next = next->next) {
        if (next->frec == frec) {
            return next;
        }
    }
    return NULL;
}

AP_DECLARE(apr_status_t) ap_remove_input_filter_byhandle(ap_filter_t *next,
                                                         const char *handle)
{
    ap_filter_t *f = find_by_handle(next, handle, 1);

    if (!f) {
        return APR_NOTFOUND;
    }
    ap_remove_input_filter(f);
    return APR_SUCCESS;
}

AP_DECLARE(apr_status_t) ap_remove_output_filter_byhandle(ap_filter_t *next,
                                                          const char *handle)
{
    ap_filter_t *f = find_by_handle(next, handle, 0);

    if (!f) {
        return APR_NOTFOUND;
    }
    ap_remove_output_filter(f);
    return APR_SUCCESS;
}
