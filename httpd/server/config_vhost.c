/* config_vhost.c: server_recs of virtual hosts.
 *
 * A <VirtualHost> starts with an empty module vector and fields marked
 * unset; once the whole configuration is read, ap_fixup_virtual_hosts()
 * fills every unset thing from the main server (module server configs via
 * their merge functions, per-directory defaults, timeouts, log levels). */
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_vhost.h"

#include "config_private.h"

AP_CORE_DECLARE(const char *) ap_init_virtual_host(apr_pool_t *p,
                                                   const char *hostname,
                                                   server_rec *main_server,
                                                   server_rec **ps)
{
    server_rec *s = apr_pcalloc(p, sizeof(*s));

    s->process = main_server->process;
    s->error_log = main_server->error_log;
    s->log.level = AP__APLOG_UNSET;
    s->keep_alive = -1;
    s->keep_alive_max = -1;
    /* so that redirects do not say port 0 before ServerName is merged */
    s->port = main_server->port;
    s->is_virtual = 1;
    s->names = apr_array_make(p, 4, sizeof(char **));
    s->wild_names = apr_array_make(p, 4, sizeof(char **));
    s->module_config = ap__create_empty_config(p);
    s->lookup_defaults = ap_create_per_dir_config(p);
    s->limit_req_line = main_server->limit_req_line;
    s->limit_req_fieldsize = main_server->limit_req_fieldsize;
    s->limit_req_fields = main_server->limit_req_fields;
    *ps = s;
    return ap_parse_vhost_addrs(p, hostname, s);
}

static void merge_server_configs(apr_pool_t *p, ap_conf_vector_t *base,
                                 server_rec *virt)
{
    void **bv = (void **)base;
    void **vv = (void **)virt->module_config;
    module *m;

    for (m = ap_top_module; m; m = m->next) {
        int i = m->module_index;
        void *(*merge)(apr_pool_t *, void *, void *) = m->merge_server_config;

        if (vv[i] == NULL) {
            /* AP_MODULE_FLAG_ALWAYS_MERGE: the module wants its merge
             * called even when the vhost configured nothing */
            if (merge && m->create_server_config
                && (ap_get_module_flags(m) & AP_MODULE_FLAG_ALWAYS_MERGE)) {
                vv[i] = m->create_server_config(p, virt);
            }
            else {
                vv[i] = bv[i];
                merge = NULL;
            }
        }
        if (merge) {
            vv[i] = merge(p, bv[i], vv[i]);
        }
    }
}

static void inherit_fields(server_rec *main_server, server_rec *virt)
{
    if (virt->server_admin == NULL) {
        virt->server_admin = main_server->server_admin;
    }
    if (virt->timeout == 0) {
        virt->timeout = main_server->timeout;
    }
    if (virt->keep_alive_timeout == 0) {
        virt->keep_alive_timeout = main_server->keep_alive_timeout;
    }
    if (virt->keep_alive == -1) {
        virt->keep_alive = main_server->keep_alive;
    }
    if (virt->keep_alive_max == -1) {
        virt->keep_alive_max = main_server->keep_alive_max;
    }
}

AP_DECLARE(void) ap_fixup_virtual_hosts(apr_pool_t *p,
                                        server_rec *main_server)
{
    server_rec *virt;
    core_dir_config *dconf =
        ap_get_core_module_config(main_server->lookup_defaults);

    dconf->log = &main_server->log;
    for (virt = main_server->next; virt; virt = virt->next) {
        merge_server_configs(p, main_server->module_config, virt);
        virt->lookup_defaults =
            ap_merge_per_dir_configs(p, main_server->lookup_defaults,
                                     virt->lookup_defaults);
        inherit_fields(main_server, virt);
        ap_merge_log_config(&main_server->log, &virt->log);
        dconf = ap_get_core_module_config(virt->lookup_defaults);
        dconf->log = &virt->log;
        ap_core_reorder_directories(p, virt);
    }
    ap_core_reorder_directories(p, main_server);
}
