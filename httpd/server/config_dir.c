/* config_dir.c: configuration vectors, one slot per module index.
 *
 * A vector is a plain array of void * of ap__conf_vector_length slots;
 * ap_get_module_config() is normally the macro indexing it.  Merging
 * per-directory vectors is on the request path, so the merge functions are
 * taken from a cache by index instead of walking the module chain. */
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"

#include "config_private.h"

/* Slots in the vectors made from now on: room for every module that may
 * still be loaded while the configuration is read, then (once no module
 * can be added) just the modules there are, so that the vectors made for
 * every request stay small. */
int ap__conf_vector_slots = 0;

static apr_size_t vector_slots(void)
{
    return (apr_size_t)(ap__conf_vector_slots ? ap__conf_vector_slots
                                              : ap__conf_vector_length);
}

void ap__conf_vectors_open(void)
{
    ap__conf_vector_slots = 0;
}

void ap__conf_vectors_close(void)
{
    ap__conf_vector_slots = ap__total_modules + 1;
}

ap_conf_vector_t *ap__create_empty_config(apr_pool_t *p)
{
    return apr_pcalloc(p, sizeof(void *) * vector_slots());
}

ap_conf_vector_t *ap__create_server_config(apr_pool_t *p, server_rec *s)
{
    void **v = (void **)ap__create_empty_config(p);
    module *m;

    for (m = ap_top_module; m; m = m->next) {
        if (m->create_server_config) {
            v[m->module_index] = m->create_server_config(p, s);
        }
    }
    return (ap_conf_vector_t *)v;
}

ap_conf_vector_t *ap__create_default_per_dir_config(apr_pool_t *p)
{
    void **v = (void **)ap__create_empty_config(p);
    module *m;

    for (m = ap_top_module; m; m = m->next) {
        if (m->create_dir_config) {
            v[m->module_index] = m->create_dir_config(p, NULL);
        }
    }
    return (ap_conf_vector_t *)v;
}

AP_CORE_DECLARE(ap_conf_vector_t *) ap_create_per_dir_config(apr_pool_t *p)
{
    return ap__create_empty_config(p);
}

AP_DECLARE(ap_conf_vector_t *) ap_create_request_config(apr_pool_t *p)
{
    return ap__create_empty_config(p);
}

AP_CORE_DECLARE(ap_conf_vector_t *) ap_create_conn_config(apr_pool_t *p)
{
    return ap__create_empty_config(p);
}

AP_CORE_DECLARE(ap_conf_vector_t *) ap_merge_per_dir_configs(apr_pool_t *p,
                                           ap_conf_vector_t *base,
                                           ap_conf_vector_t *new_conf)
{
    apr_size_t slots = vector_slots();
    void **out = apr_palloc(p, sizeof(void *) * slots);
    void **bv = (void **)base;
    void **nv = (void **)new_conf;
    int i;

    for (i = 0; i < ap__total_modules; i++) {
        ap__merger_func merge = ap__merger_func_cache[i];

        if (nv[i] == NULL) {
            out[i] = bv[i];
        }
        else if (merge && bv[i]) {
            out[i] = merge(p, bv[i], nv[i]);
        }
        else {
            out[i] = nv[i];
        }
    }
    for (; (apr_size_t)i < slots; i++) {
        out[i] = NULL;
    }
    return (ap_conf_vector_t *)out;
}

AP_DECLARE(void) ap_single_module_configure(apr_pool_t *p, server_rec *s,
                                            module *m)
{
    /* a module added after the configuration was read: give it its
     * default configuration in every server */
    for (; s; s = s->next) {
        if (m->create_server_config) {
            ap_set_module_config(s->module_config, m,
                                 m->create_server_config(p, s));
        }
        if (m->create_dir_config) {
            ap_set_module_config(s->lookup_defaults, m,
                                 m->create_dir_config(p, NULL));
        }
    }
}

/* Function forms of the accessor macros, for modules built with
 * AP_DEBUG (the header then declares them instead of the macros). */
#undef ap_get_module_config
#undef ap_set_module_config
AP_DECLARE(void *) ap_get_module_config(const ap_conf_vector_t *cv,
                                        const module *m)
{
    return ((void **)cv)[m->module_index];
}

AP_DECLARE(void) ap_set_module_config(ap_conf_vector_t *cv, const module *m,
                                      void *val)
{
    ((void **)cv)[m->module_index] = val;
}
