/* http_protocol_methods.c: the method registry (standard methods have
 * fixed numbers, extension methods registered at configuration time get
 * numbers up to METHODS-1), method lists and the Allow header value.
 *
 * Lookups happen for every request, so the standard names are matched by
 * length then bytes, without hashing or allocation; only extension methods
 * (rare) go through the hash.
 */
#include <stdarg.h>
#include <string.h>

#include "apr_hash.h"
#include "apr_strings.h"
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "protocol_private.h"

APLOG_USE_MODULE(http);

/* Names of the fixed method numbers, indexed by M_*. */
static const char *const std_methods[M_INVALID] = {
    "GET", "PUT", "POST", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH",
    "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK",
    "VERSION-CONTROL", "CHECKOUT", "UNCHECKOUT", "CHECKIN", "UPDATE",
    "LABEL", "REPORT", "MKWORKSPACE", "MKACTIVITY", "BASELINE-CONTROL",
    "MERGE"
};

/* An extension method; the hash maps its name to this record. */
typedef struct {
    int num;
    const char *name;
} ext_method;

/* Extension methods, written only at configuration time. */
static apr_hash_t *ext_methods;
static int next_method = M_INVALID + 1;

static apr_status_t registry_cleanup(void *unused)
{
    ext_methods = NULL;
    next_method = M_INVALID + 1;
    return APR_SUCCESS;
}

AP_DECLARE(void) ap_method_registry_init(apr_pool_t *p)
{
    ext_methods = apr_hash_make(p);
    next_method = M_INVALID + 1;
    apr_pool_cleanup_register(p, NULL, registry_cleanup,
                              apr_pool_cleanup_null);
}

static int std_number(const char *name, apr_size_t len)
{
    int i;

    if (len == 4 && memcmp(name, "HEAD", 4) == 0) {
        return M_GET;
    }
    if (len == 3 && memcmp(name, "GET", 3) == 0) {
        return M_GET; /* the common case first */
    }
    for (i = 0; i < M_INVALID; i++) {
        if (strlen(std_methods[i]) == len
            && memcmp(std_methods[i], name, len) == 0) {
            return i;
        }
    }
    return M_INVALID;
}

int ap__method_number_n(const char *name, apr_size_t len, const char **canon)
{
    int n = std_number(name, len);

    if (n != M_INVALID) {
        *canon = (n == M_GET && len == 4) ? "HEAD" : std_methods[n];
        return n;
    }
    *canon = NULL;
    if (ext_methods) {
        const ext_method *em = apr_hash_get(ext_methods, name,
                                            (apr_ssize_t)len);

        if (em) {
            *canon = em->name;
            return em->num;
        }
    }
    return M_INVALID;
}

AP_DECLARE(int) ap_method_number_of(const char *method)
{
    const char *canon;

    return ap__method_number_n(method, strlen(method), &canon);
}

AP_DECLARE(const char *) ap_method_name_of(apr_pool_t *p, int methnum)
{
    apr_hash_index_t *hi;

    if (methnum >= 0 && methnum < M_INVALID) {
        return std_methods[methnum];
    }
    if (ext_methods == NULL) {
        return NULL;
    }
    for (hi = apr_hash_first(p, ext_methods); hi; hi = apr_hash_next(hi)) {
        const void *key;
        void *val;

        apr_hash_this(hi, &key, NULL, &val);
        if (((ext_method *)val)->num == methnum) {
            return key;
        }
    }
    return NULL;
}

AP_DECLARE(int) ap_method_register(apr_pool_t *p, const char *methname)
{
    int n;
    ext_method *em;
    apr_pool_t *hp;

    if (methname == NULL) {
        return M_INVALID;
    }
    n = ap_method_number_of(methname);
    if (n != M_INVALID) {
        return n;
    }
    if (next_method >= METHODS) {
        ap_log_perror(APLOG_MARK, APLOG_ERR, 0, p, APLOGNO(10520)
                      "Maximum new request methods %d reached while "
                      "registering method %s.", METHODS, methname);
        return M_INVALID;
    }
    if (ext_methods == NULL) {
        ap_method_registry_init(p);
    }
    hp = apr_hash_pool_get(ext_methods);
    em = apr_palloc(hp, sizeof(*em));
    em->num = next_method++;
    em->name = apr_pstrdup(hp, methname);
    apr_hash_set(ext_methods, em->name, APR_HASH_KEY_STRING, em);
    return em->num;
}

AP_DECLARE(ap_method_list_t *) ap_make_method_list(apr_pool_t *p, int nelts)
{
    ap_method_list_t *ml = apr_palloc(p, sizeof(*ml));

    ml->method_mask = 0;
    ml->method_list = apr_array_make(p, nelts, sizeof(char *));
    return ml;
}

AP_DECLARE(void) ap_copy_method_list(ap_method_list_t *dest,
                                     ap_method_list_t *src)
{
    int i;

    dest->method_mask = src->method_mask;
    dest->method_list->nelts = 0;
    for (i = 0; i < src->method_list->nelts; i++) {
        APR_ARRAY_PUSH(dest->method_list, const char *) =
            APR_ARRAY_IDX(src->method_list, i, const char *);
    }
}

static int ext_index(const ap_method_list_t *l, const char *method)
{
    int i;

    for (i = 0; i < l->method_list->nelts; i++) {
        if (strcmp(method, APR_ARRAY_IDX(l->method_list, i, char *)) == 0) {
            return i;
        }
    }
    return -1;
}

AP_DECLARE(int) ap_method_in_list(ap_method_list_t *l, const char *method)
{
    int n = ap_method_number_of(method);

    if (n != M_INVALID) {
        return (l->method_mask & (AP_METHOD_BIT << n)) != 0;
    }
    return ext_index(l, method) >= 0;
}

AP_DECLARE(void) ap_method_list_add(ap_method_list_t *l, const char *method)
{
    int n = ap_method_number_of(method);

    if (n != M_INVALID) {
        l->method_mask |= (AP_METHOD_BIT << n);
        return;
    }
    if (ext_index(l, method) < 0) {
        APR_ARRAY_PUSH(l->method_list, const char *) = method;
    }
}

AP_DECLARE(void) ap_method_list_remove(ap_method_list_t *l,
                                       const char *method)
{
    int n = ap_method_number_of(method);
    int i;
    char **elts;

    if (n != M_INVALID) {
        l->method_mask &= ~(AP_METHOD_BIT << n);
        return;
    }
    i = ext_index(l, method);
    if (i < 0) {
        return;
    }
    elts = (char **)l->method_list->elts;
    memmove(elts + i, elts + i + 1,
            (size_t)(l->method_list->nelts - i - 1) * sizeof(char *));
    l->method_list->nelts--;
}

AP_DECLARE(void) ap_clear_method_list(ap_method_list_t *l)
{
    l->method_mask = 0;
    l->method_list->nelts = 0;
}

AP_DECLARE(void) ap_allow_methods(request_rec *r, int reset, ...)
{
    const char *method;
    va_list ap;

    if (reset) {
        ap_clear_method_list(r->allowed_methods);
    }
    va_start(ap, reset);
    while ((method = va_arg(ap, const char *)) != NULL) {
        ap_method_list_add(r->allowed_methods, method);
    }
    va_end(ap);
}

/* The Allow value: known methods in number order (HEAD with GET), the
 * registered extensions, TRACE when TraceEnable allows it, then the
 * request's own extension list. */
const char *ap__make_allow(request_rec *r)
{
    core_server_config *conf =
        ap_get_core_module_config(r->server->module_config);
    apr_int64_t mask = r->allowed_methods->method_mask | r->allowed;
    apr_array_header_t *list = apr_array_make(r->pool, 10, sizeof(char *));
    const char *name;
    int i;

    for (i = 0; i < METHODS; i++) {
        if (i == M_TRACE || !(mask & (AP_METHOD_BIT << i))) {
            continue;
        }
        if (i == M_INVALID || (i > M_INVALID && !ext_methods)) {
            continue;
        }
        name = ap_method_name_of(r->pool, i);
        if (name == NULL) {
            continue;
        }
        APR_ARRAY_PUSH(list, const char *) = name;
        if (i == M_OPTIONS && (mask & AP_METHOD_BIT)) {
            APR_ARRAY_PUSH(list, const char *) = "HEAD";
        }
    }
    if ((mask & AP_METHOD_BIT) && !(mask & (AP_METHOD_BIT << M_OPTIONS))) {
        APR_ARRAY_PUSH(list, const char *) = "HEAD";
    }
    if (conf->trace_enable != AP_TRACE_DISABLE) {
        APR_ARRAY_PUSH(list, const char *) = "TRACE";
    }
    if (r->allowed_methods->method_list->nelts) {
        apr_array_cat(list, r->allowed_methods->method_list);
    }
    return apr_array_pstrcat(r->pool, list, ',');
}
