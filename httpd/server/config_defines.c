/* config_defines.c: Define, UnDefine and the names <IfDefine> tests.
 *
 * -D names from the command line are in ap_server_config_defines.  The
 * first Define/UnDefine of a configuration pass works on a copy, and the
 * cleanup of the configuration pool puts the command-line list back, so
 * that a restart does not keep names defined by the old configuration. */
#include <string.h>

#include "apr_strings.h"
#include "apr_tables.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_main.h"

#include "config_private.h"

apr_table_t *ap__config_defined_vars = NULL;

static apr_array_header_t *saved_defines = NULL;
static int defines_copied = 0;

static apr_status_t reset_defines(void *unused)
{
    ap_server_config_defines = saved_defines;
    saved_defines = NULL;
    defines_copied = 0;
    ap__config_defined_vars = NULL;
    return APR_SUCCESS;
}

static void copy_defines(apr_pool_t *pconf)
{
    if (defines_copied) {
        return;
    }
    saved_defines = ap_server_config_defines;
    ap_server_config_defines = saved_defines
        ? apr_array_copy(pconf, saved_defines)
        : apr_array_make(pconf, 4, sizeof(char *));
    defines_copied = 1;
    apr_pool_cleanup_register(pconf, NULL, reset_defines,
                              apr_pool_cleanup_null);
}

AP_DECLARE(int) ap_exists_config_define(const char *name)
{
    const apr_array_header_t *a = ap_server_config_defines;
    int i;

    for (i = 0; a && i < a->nelts; i++) {
        if (strcmp(((const char **)a->elts)[i], name) == 0) {
            return 1;
        }
    }
    return 0;
}

const char *ap__cmd_define(cmd_parms *cmd, void *mconfig, const char *name,
                           const char *value)
{
    if (strchr(name, ':') != NULL) {
        return "Variable name must not contain ':'";
    }
    copy_defines(cmd->pool);
    if (!ap_exists_config_define(name)) {
        *(const char **)apr_array_push(ap_server_config_defines) = name;
    }
    if (value) {
        if (ap__config_defined_vars == NULL) {
            ap__config_defined_vars = apr_table_make(cmd->pool, 5);
        }
        apr_table_setn(ap__config_defined_vars, name, value);
    }
    return NULL;
}

const char *ap__cmd_undefine(cmd_parms *cmd, void *mconfig, const char *name)
{
    apr_array_header_t *a;
    int i;

    if (strchr(name, ':') != NULL) {
        return "Variable name must not contain ':'";
    }
    copy_defines(cmd->pool);
    a = ap_server_config_defines;
    for (i = 0; i < a->nelts; i++) {
        const char **elts = (const char **)a->elts;

        if (strcmp(elts[i], name) == 0) {
            /* order does not matter: move the last one here */
            elts[i] = *(const char **)apr_array_pop(a);
            break;
        }
    }
    if (ap__config_defined_vars) {
        apr_table_unset(ap__config_defined_vars, name);
    }
    return NULL;
}
