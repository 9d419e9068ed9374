/*
 * mod_sleep.c: a test module whose handler blocks its thread, the way a
 * handler waiting on a slow backend does. "SetHandler sleep"; the query
 * string is the time to sleep in milliseconds (at most 10 s).
 */
#include <stdlib.h>
#include <string.h>

#include "apr_time.h"

#include "httpd.h"
#include "http_config.h"
#include "http_protocol.h"

static int sleep_handler(request_rec *r)
{
    long ms;

    if (!r->handler || strcmp(r->handler, "sleep") != 0) {
        return DECLINED;
    }
    ms = r->args ? strtol(r->args, NULL, 10) : 0;
    if (ms < 0 || ms > 10000) {
        return HTTP_BAD_REQUEST;
    }
    apr_sleep(apr_time_from_msec(ms));
    ap_set_content_type(r, "text/plain");
    ap_rprintf(r, "slept %ld ms\n", ms);
    return OK;
}

static void register_hooks(apr_pool_t *p)
{
    ap_hook_handler(sleep_handler, NULL, NULL, APR_HOOK_MIDDLE);
}

AP_DECLARE_MODULE(sleep) = {
    STANDARD20_MODULE_STUFF,
    NULL, NULL, NULL, NULL, NULL,
    register_hooks
};
