/* util_cfg_env.c: ${NAME} substitution in configuration lines.
 *
 * A name is looked up among the variables given a value by Define, then
 * in the process environment.  An unknown ${NAME} stays in the text as it
 * is, with a warning, as in Apache 2.4.  Substituted values are not
 * scanned again, so a value containing "${" cannot recurse. */
#include <string.h>

#include "apr_env.h"
#include "apr_strings.h"
#include "apr_tables.h"

#include "httpd.h"
#include "http_log.h"

#include "config_private.h"

APLOG_USE_MODULE(core);

static const char *lookup_var(apr_pool_t *p, const char *name)
{
    const char *val = NULL;
    char *env;

    if (ap__config_defined_vars) {
        val = apr_table_get(ap__config_defined_vars, name);
    }
    if (val == NULL && apr_env_get(&env, name, p) == APR_SUCCESS) {
        val = env;
    }
    return val;
}

AP_DECLARE(const char *) ap_resolve_env(apr_pool_t *p, const char *word)
{
    const char *s = word;
    const char *ref;
    apr_array_header_t *parts;

    if (word == NULL || (ref = strstr(word, "${")) == NULL) {
        return word;                    /* the common case: no copy */
    }
    parts = apr_array_make(p, 8, sizeof(const char *));
    while ((ref = strstr(s, "${")) != NULL) {
        const char *close = strchr(ref + 2, '}');
        const char *name, *val;

        if (close == NULL) {
            break;
        }
        *(const char **)apr_array_push(parts) =
            apr_pstrmemdup(p, s, (apr_size_t)(ref - s));
        name = apr_pstrmemdup(p, ref + 2, (apr_size_t)(close - ref - 2));
        val = lookup_var(p, name);
        if (val == NULL) {
            ap_log_error(APLOG_MARK, APLOG_WARNING, 0, NULL, APLOGNO(00111)
                         "Config variable ${%s} is not defined", name);
            val = apr_pstrmemdup(p, ref, (apr_size_t)(close + 1 - ref));
        }
        *(const char **)apr_array_push(parts) = val;
        s = close + 1;
    }
    *(const char **)apr_array_push(parts) = s;
    return apr_array_pstrcat(p, parts, 0);
}
