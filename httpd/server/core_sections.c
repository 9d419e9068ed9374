/* core_sections.c: where the sections' config vectors are filed (the
 * lists the directory/location/file/if walks read), their sort order, and
 * <Limit>/<LimitExcept>. */
#include <stdlib.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_protocol.h"

#include "core_private.h"

AP_CORE_DECLARE(void) ap_add_per_dir_conf(server_rec *s, void *dir_config)
{
    core_server_config *sconf = ap_get_core_module_config(s->module_config);

    *(void **)apr_array_push(sconf->sec_dir) = dir_config;
}

AP_CORE_DECLARE(void) ap_add_per_url_conf(server_rec *s, void *url_config)
{
    core_server_config *sconf = ap_get_core_module_config(s->module_config);

    *(void **)apr_array_push(sconf->sec_url) = url_config;
}

AP_CORE_DECLARE(void) ap_add_file_conf(apr_pool_t *p, core_dir_config *conf,
                                       void *url_config)
{
    if (!conf->sec_file) {
        conf->sec_file = apr_array_make(p, 2, sizeof(ap_conf_vector_t *));
    }
    *(void **)apr_array_push(conf->sec_file) = url_config;
}

AP_CORE_DECLARE(const char *) ap_add_if_conf(apr_pool_t *p,
                                             core_dir_config *conf,
                                             void *if_config)
{
    core_dir_config *added = ap_get_core_module_config(if_config);

    if (!conf->sec_if) {
        conf->sec_if = apr_array_make(p, 2, sizeof(ap_conf_vector_t *));
    }
    /* <Else>/<ElseIf> attach to the <If>/<ElseIf> just before them. */
    if (added->condition_ifelse & AP_CONDITION_ELSE) {
        core_dir_config *last = NULL;

        if (conf->sec_if->nelts > 0) {
            last = ap_get_core_module_config(APR_ARRAY_IDX(
                conf->sec_if, conf->sec_if->nelts - 1, ap_conf_vector_t *));
        }
        if (!last || !(last->condition_ifelse & AP_CONDITION_IF)) {
            return "<Else> or <ElseIf> section without previous <If> or "
                   "<ElseIf> section in same scope";
        }
    }
    *(void **)apr_array_push(conf->sec_if) = if_config;
    return NULL;
}

typedef struct {
    ap_conf_vector_t *elt;
    int orig_index;
} reorder_rec;

/* Plain paths before regexes, shorter paths first, else file order. */
static int reorder_cmp(const void *va, const void *vb)
{
    const reorder_rec *a = va, *b = vb;
    core_dir_config *ca = ap_get_core_module_config(a->elt);
    core_dir_config *cb = ap_get_core_module_config(b->elt);

    if (!ca->r != !cb->r) {
        return ca->r ? 1 : -1;
    }
    if (ca->d_components != cb->d_components) {
        return ca->d_components < cb->d_components ? -1 : 1;
    }
    return a->orig_index - b->orig_index;
}

void ap_core_reorder_directories(apr_pool_t *p, server_rec *s)
{
    core_server_config *sconf = ap_get_core_module_config(s->module_config);
    apr_array_header_t *sec = sconf->sec_dir;
    ap_conf_vector_t **elts = (ap_conf_vector_t **)sec->elts;
    reorder_rec *recs;
    apr_pool_t *tmp;
    int i;

    if (sec->nelts < 2) {
        return;
    }
    apr_pool_create(&tmp, p);
    recs = apr_palloc(tmp, sizeof(*recs) * sec->nelts);
    for (i = 0; i < sec->nelts; i++) {
        recs[i].elt = elts[i];
        recs[i].orig_index = i;
    }
    qsort(recs, sec->nelts, sizeof(*recs), reorder_cmp);
    for (i = 0; i < sec->nelts; i++) {
        elts[i] = recs[i].elt;
    }
    apr_pool_destroy(tmp);
}

static const char *limit_method(cmd_parms *cmd, const char *method,
                                apr_int64_t *mask)
{
    int num = ap_method_number_of(method);

    if (num == M_TRACE && !cmd->cmd->cmd_data) {
        return "TRACE cannot be controlled by <Limit>, see TraceEnable";
    }
    if (num == M_INVALID) {
        /* Unknown methods are registered so that the limit can apply;
         * .htaccess cannot change the global registry. */
        if (cmd->pool == cmd->temp_pool) {
            return apr_psprintf(cmd->pool, "Could not register method '%s' "
                                "for %s from .htaccess configuration",
                                method, cmd->cmd->name);
        }
        num = ap_method_register(cmd->pool, apr_pstrdup(cmd->pool, method));
    }
    *mask |= (AP_METHOD_BIT << num);
    return NULL;
}

/* <Limit> (cmd_data NULL) and <LimitExcept> (cmd_data non-NULL). */
AP_CORE_DECLARE_NONSTD(const char *) ap_limit_section(cmd_parms *cmd,
                                                      void *dummy,
                                                      const char *arg)
{
    const char *end = strrchr(arg, '>');
    apr_int64_t old = cmd->limited;
    apr_int64_t limited = 0;
    const char *methods, *err;

    if (!end) {
        return apr_pstrcat(cmd->pool, cmd->cmd->name,
                           "> directive missing closing '>'", NULL);
    }
    methods = apr_pstrmemdup(cmd->temp_pool, arg, end - arg);
    if (!methods[0]) {
        return apr_pstrcat(cmd->pool, cmd->cmd->name,
                           "> directive requires additional arguments", NULL);
    }
    while (methods[0]) {
        char *m = ap_getword_conf(cmd->temp_pool, &methods);
        if ((err = limit_method(cmd, m, &limited))) {
            return err;
        }
    }
    if (cmd->cmd->cmd_data) {
        limited = ~limited;
    }
    if (!(old & limited)) {
        return apr_pstrcat(cmd->pool, cmd->cmd->name,
                           "> directive excludes all methods", NULL);
    }
    if ((old & limited) == old) {
        return apr_pstrcat(cmd->pool, cmd->cmd->name,
                           "> directive specifies methods already excluded",
                           NULL);
    }
    cmd->limited &= limited;
    err = ap_walk_config(cmd->directive->first_child, cmd, cmd->context);
    cmd->limited = old;
    return err;
}
