/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file ap_provider.h
 * @brief A registry of named implementations ("providers") of an
 * interface, grouped by interface name and version (authn, authz,
 * socache, ...).
 */
#ifndef AP_PROVIDER_H
#define AP_PROVIDER_H

#include "ap_config.h"
#include "apr_pools.h"
#include "apr_tables.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An element of the array ap_list_provider_names() returns. */
typedef struct {
    const char *provider_name;
} ap_list_provider_names_t;

/** An element of the array ap_list_provider_groups() returns. */
typedef struct {
    const char *provider_group;
    const char *provider_version;
} ap_list_provider_groups_t;

/** Register @a provider under group, name and version; it lives as long
 * as @a pool. */
AP_DECLARE(apr_status_t) ap_register_provider(apr_pool_t *pool,
                                              const char *provider_group,
                                              const char *provider_name,
                                              const char *provider_version,
                                              const void *provider);

/** The provider registered under group, name and version, or NULL. */
AP_DECLARE(void *) ap_lookup_provider(const char *provider_group,
                                      const char *provider_name,
                                      const char *provider_version);

/** Names of the providers of a group and version
 * (ap_list_provider_names_t elements). */
AP_DECLARE(apr_array_header_t *) ap_list_provider_names(apr_pool_t *pool,
                                              const char *provider_group,
                                              const char *provider_version);

/** Every group and version (ap_list_provider_groups_t elements). */
AP_DECLARE(apr_array_header_t *) ap_list_provider_groups(apr_pool_t *pool);

#ifdef __cplusplus
}
#endif

#endif /* AP_PROVIDER_H */
