/*
 * The process environment, through the C library's setenv()/unsetenv().
 */
#include <stdlib.h>

#include "apr_env.h"
#include "apr_strings.h"

APR_DECLARE(apr_status_t) apr_env_get(char **value, const char *envvar,
                                      apr_pool_t *pool)
{
    const char *v = getenv(envvar);

    if (v == NULL)
        return APR_ENOENT;
    /* A copy: the environment's own storage may change under the caller. */
    *value = apr_pstrdup(pool, v);
    return APR_SUCCESS;
}

/* APR has always reported every setenv() failure, EINVAL for a bad name
 * included, as APR_ENOMEM; callers compare against it. */
APR_DECLARE(apr_status_t) apr_env_set(const char *envvar, const char *value,
                                      apr_pool_t *pool)
{
    (void)pool;
    if (setenv(envvar, value, 1) != 0)
        return APR_ENOMEM;
    return APR_SUCCESS;
}

/* Removing what is not there, or an invalid name, is no error (as APR). */
APR_DECLARE(apr_status_t) apr_env_delete(const char *envvar, apr_pool_t *pool)
{
    (void)pool;
    (void)unsetenv(envvar);
    return APR_SUCCESS;
}
