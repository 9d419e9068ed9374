/*
 * apr_env.h: reading and changing the process environment.
 */
#ifndef APR_ENV_H
#define APR_ENV_H

/**
 * @file apr_env.h
 * @brief APR environment variables.
 * @defgroup apr_env Functions for manipulating the environment
 * @ingroup APR
 * @{
 */

#include "apr_errno.h"
#include "apr_pools.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Sets @a *value to a copy, allocated from @a pool, of environment variable
 * @a envvar; returns APR_ENOENT if it is not set.
 */
APR_DECLARE(apr_status_t) apr_env_get(char **value, const char *envvar,
                                      apr_pool_t *pool);

/**
 * Sets environment variable @a envvar to @a value, replacing any value it
 * had. As APR does, any failure (such as an invalid name) is APR_ENOMEM.
 */
APR_DECLARE(apr_status_t) apr_env_set(const char *envvar, const char *value,
                                      apr_pool_t *pool);

/** Removes @a envvar from the environment; unset names are no error. */
APR_DECLARE(apr_status_t) apr_env_delete(const char *envvar, apr_pool_t *pool);

#ifdef __cplusplus
}
#endif

/** @} */

#endif /* APR_ENV_H */
