/* request_util.c: small request helpers of http_request.h. */
#include <stdarg.h>

#include "apr_optional.h"

#include "httpd.h"
#include "http_core.h"
#include "http_protocol.h"
#include "http_request.h"

AP_DECLARE(int) ap_is_initial_req(request_rec *r)
{
    return r->main == NULL && r->prev == NULL;
}

AP_DECLARE(void) ap_update_mtime(request_rec *r, apr_time_t dependency_mtime)
{
    if (r->mtime < dependency_mtime) {
        r->mtime = dependency_mtime;
    }
}

AP_DECLARE(void) ap_allow_standard_methods(request_rec *r, int reset, ...)
{
    apr_int64_t mask = 0;
    va_list methods;
    int m;

    if (reset) {
        ap_clear_method_list(r->allowed_methods);
    }
    va_start(methods, reset);
    while ((m = va_arg(methods, int)) != -1) {
        if (m >= 0 && m < METHODS) {
            mask |= AP_METHOD_BIT << m;
        }
    }
    va_end(methods);
    r->allowed_methods->method_mask |= mask;
}

AP_DECLARE(int) ap_some_auth_required(request_rec *r)
{
    /* mod_authz_core knows whether a Require applies; looked up on use
     * because modules can be loaded after us. */
    APR_OPTIONAL_FN_TYPE(authz_some_auth_required) *fn =
        APR_RETRIEVE_OPTIONAL_FN(authz_some_auth_required);

    return fn ? fn(r) : 0;
}
