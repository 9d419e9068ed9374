/* config_walk.c: running the directives of a configuration tree.
 *
 * Every node is handed to each module implementing its name, newest module
 * first, until one does not answer DECLINE_CMD.  EXEC_ON_READ directives
 * already ran while the tree was built and are skipped.  Sections such as
 * <Directory> are ordinary directives whose handlers walk their children
 * with their own config vector. */
#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"

#include "config_private.h"

APLOG_USE_MODULE(core);

AP_CORE_DECLARE(void *) ap_set_config_vectors(server_rec *server,
                                              ap_conf_vector_t *section_vector,
                                              const char *section,
                                              module *mod, apr_pool_t *pconf)
{
    void *section_config = ap_get_module_config(section_vector, mod);
    void *server_config = ap_get_module_config(server->module_config, mod);

    /* modules loaded after the vectors were made get their slots now */
    if (!section_config && mod->create_dir_config) {
        section_config = mod->create_dir_config(pconf, (char *)section);
        ap_set_module_config(section_vector, mod, section_config);
    }
    if (!server_config && mod->create_server_config) {
        server_config = mod->create_server_config(pconf, server);
        ap_set_module_config(server->module_config, mod, server_config);
    }
    return section_config;
}

static const char *unknown_directive(const ap_directive_t *current,
                                     cmd_parms *parms)
{
    parms->err_directive = current;
    if (parms->override & NONFATAL_UNKNOWN) {
        ap_log_perror(APLOG_MARK, APLOG_WARNING, 0, parms->temp_pool,
                      APLOGNO(02296) "Unknown directive %s perhaps "
                      "misspelled or defined by a module not included in "
                      "the server configuration", current->directive);
        return NULL;
    }
    return ap__invalid_command(parms->pool, current->directive);
}

static const char *walk_one(const ap_directive_t *current, cmd_parms *parms,
                            ap_conf_vector_t *section_vector)
{
    const ap__mod_list *ml = ap__find_directive(parms->temp_pool,
                                                current->directive);

    if (ml == NULL) {
        return unknown_directive(current, parms);
    }
    for (; ml != NULL; ml = ml->next) {
        void *dir_config;
        const char *err;

        if (ml->cmd->req_override & EXEC_ON_READ) {
            continue;               /* ran while reading */
        }
        dir_config = ap_set_config_vectors(parms->server, section_vector,
                                           parms->path, ml->m, parms->pool);
        err = ap__invoke_cmd(ml->cmd, parms, dir_config, current->args);
        if (err != NULL && strcmp(err, DECLINE_CMD) != 0) {
            /* a nested walk already named the culprit: keep it */
            if (parms->err_directive == NULL) {
                parms->err_directive = current;
            }
            return err;
        }
    }
    return NULL;
}

AP_DECLARE(const char *) ap_walk_config(ap_directive_t *current,
                                        cmd_parms *parms,
                                        ap_conf_vector_t *section_vector)
{
    ap_conf_vector_t *oldconfig = parms->context;
    const char *err = NULL;

    parms->context = section_vector;
    for (; current != NULL && err == NULL; current = current->next) {
        parms->directive = current;
        err = walk_one(current, parms, section_vector);
    }
    parms->context = oldconfig;
    return err;
}

AP_DECLARE(int) ap_process_config_tree(server_rec *s,
                                       ap_directive_t *conftree,
                                       apr_pool_t *p,
                                       apr_pool_t *ptemp)
{
    const char *err;
    cmd_parms parms;

    ap__init_cmd_parms(&parms, s, p, ptemp);
    parms.limited = -1;
    err = ap_walk_config(conftree, &parms, s->lookup_defaults);
    if (err == NULL) {
        return OK;
    }
    if (parms.err_directive) {
        ap_log_perror(APLOG_MARK, APLOG_STARTUP, 0, p, APLOGNO(00526)
                      "Syntax error on line %d of %s:",
                      parms.err_directive->line_num,
                      parms.err_directive->filename);
    }
    ap_log_perror(APLOG_MARK, APLOG_STARTUP, 0, p, "%s", err);
    return HTTP_INTERNAL_SERVER_ERROR;
}
