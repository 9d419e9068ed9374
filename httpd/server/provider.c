/* provider.c: named implementations of an interface (authn, authz,
 * socache, slotmem...), registered by modules and looked up by name.
 *
 * Two indexes over the same registrations: group -> name -> version, for
 * lookups, and group -> version -> name, for listing a group.  They live
 * in the pool given to the first registration (pconf) and vanish with it,
 * so that a restart starts from an empty registry. */
#include "apr_hash.h"
#include "apr_tables.h"

#include "httpd.h"
#include "ap_provider.h"

static apr_hash_t *by_name;     /* group -> name -> version -> provider */
static apr_hash_t *by_version;  /* group -> version -> name -> provider */

static apr_status_t registry_cleanup(void *unused)
{
    by_name = NULL;
    by_version = NULL;
    return APR_SUCCESS;
}

/* Stores value under k1/k2/k3, creating the intermediate hashes. */
static void hash3_set(apr_pool_t *p, apr_hash_t *h, const char *k1,
                      const char *k2, const char *k3, const void *value)
{
    apr_hash_t *h2 = apr_hash_get(h, k1, APR_HASH_KEY_STRING);
    apr_hash_t *h3;

    if (h2 == NULL) {
        h2 = apr_hash_make(p);
        apr_hash_set(h, k1, APR_HASH_KEY_STRING, h2);
    }
    h3 = apr_hash_get(h2, k2, APR_HASH_KEY_STRING);
    if (h3 == NULL) {
        h3 = apr_hash_make(p);
        apr_hash_set(h2, k2, APR_HASH_KEY_STRING, h3);
    }
    apr_hash_set(h3, k3, APR_HASH_KEY_STRING, value);
}

AP_DECLARE(apr_status_t) ap_register_provider(apr_pool_t *pool,
                                              const char *provider_group,
                                              const char *provider_name,
                                              const char *provider_version,
                                              const void *provider)
{
    if (by_name == NULL) {
        by_name = apr_hash_make(pool);
        by_version = apr_hash_make(pool);
        apr_pool_cleanup_register(pool, NULL, registry_cleanup,
                                  apr_pool_cleanup_null);
    }
    hash3_set(pool, by_name, provider_group, provider_name,
              provider_version, provider);
    hash3_set(pool, by_version, provider_group, provider_version,
              provider_name, provider);
    return APR_SUCCESS;
}

AP_DECLARE(void *) ap_lookup_provider(const char *provider_group,
                                      const char *provider_name,
                                      const char *provider_version)
{
    apr_hash_t *names, *versions;

    if (by_name == NULL) {
        return NULL;
    }
    names = apr_hash_get(by_name, provider_group, APR_HASH_KEY_STRING);
    if (names == NULL) {
        return NULL;
    }
    versions = apr_hash_get(names, provider_name, APR_HASH_KEY_STRING);
    if (versions == NULL) {
        return NULL;
    }
    return apr_hash_get(versions, provider_version, APR_HASH_KEY_STRING);
}

AP_DECLARE(apr_array_header_t *) ap_list_provider_names(apr_pool_t *pool,
                                              const char *provider_group,
                                              const char *provider_version)
{
    apr_array_header_t *ret = apr_array_make(pool, 10,
                                             sizeof(ap_list_provider_names_t));
    apr_hash_t *versions, *names;
    apr_hash_index_t *hi;

    if (by_version == NULL) {
        return ret;
    }
    versions = apr_hash_get(by_version, provider_group, APR_HASH_KEY_STRING);
    if (versions == NULL) {
        return ret;
    }
    names = apr_hash_get(versions, provider_version, APR_HASH_KEY_STRING);
    if (names == NULL) {
        return ret;
    }
    for (hi = apr_hash_first(pool, names); hi; hi = apr_hash_next(hi)) {
        ap_list_provider_names_t *entry = apr_array_push(ret);
        const void *key;

        apr_hash_this(hi, &key, NULL, NULL);
        entry->provider_name = key;
    }
    return ret;
}

AP_DECLARE(apr_array_header_t *) ap_list_provider_groups(apr_pool_t *pool)
{
    apr_array_header_t *ret = apr_array_make(pool, 10,
                                           sizeof(ap_list_provider_groups_t));
    apr_hash_index_t *gi, *vi;

    if (by_version == NULL) {
        return ret;
    }
    for (gi = apr_hash_first(pool, by_version); gi; gi = apr_hash_next(gi)) {
        const void *group;
        void *versions;

        apr_hash_this(gi, &group, NULL, &versions);
        for (vi = apr_hash_first(pool, versions); vi; vi = apr_hash_next(vi)) {
            ap_list_provider_groups_t *entry = apr_array_push(ret);
            const void *version;

            apr_hash_this(vi, &version, NULL, NULL);
            entry->provider_group = group;
            entry->provider_version = version;
        }
    }
    return ret;
}
