/* A third-party module written against the httpd 2.4 module API, built
 * by check_install.sh against the installed headers only (the way apxs
 * users build theirs) and loaded with LoadModule by `httpd -t`. */
#include "httpd.h"
#include "http_config.h"
#include "http_protocol.h"
#include "http_request.h"
#include "http_log.h"
#include "ap_config.h"

#include "apr_strings.h"

#include <string.h>

module AP_MODULE_DECLARE_DATA hello_module;

typedef struct {
    const char *greeting;
} hello_dir_conf;

static void *create_dir_conf(apr_pool_t *p, char *dir)
{
    hello_dir_conf *c = apr_pcalloc(p, sizeof(*c));

    c->greeting = "hello";
    return c;
}

static const command_rec hello_cmds[] = {
    AP_INIT_TAKE1("HelloGreeting", ap_set_string_slot,
                  (void *)APR_OFFSETOF(hello_dir_conf, greeting), OR_ALL,
                  "the text the hello handler answers with"),
    {NULL}
};

static int hello_handler(request_rec *r)
{
    hello_dir_conf *c;

    if (!r->handler || strcmp(r->handler, "hello")) {
        return DECLINED;
    }
    c = ap_get_module_config(r->per_dir_config, &hello_module);
    ap_set_content_type(r, "text/plain");
    if (!r->header_only) {
        ap_rprintf(r, "%s from %s\n", c->greeting, r->uri);
    }
    return OK;
}

static void register_hooks(apr_pool_t *p)
{
    ap_hook_handler(hello_handler, NULL, NULL, APR_HOOK_MIDDLE);
}

AP_DECLARE_MODULE(hello) = {
    STANDARD20_MODULE_STUFF,
    create_dir_conf,
    NULL,
    NULL,
    NULL,
    hello_cmds,
    register_hooks
};
