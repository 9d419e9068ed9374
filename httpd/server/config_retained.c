/* config_retained.c: data that survives restarts (kept in ap_pglobal,
 * looked up by key), for MPMs and modules that must remember state. */
#include "apr_pools.h"

#include "httpd.h"
#include "http_config.h"
#include "http_main.h"

AP_DECLARE(void *) ap_retained_data_create(const char *key, apr_size_t size)
{
    void *data = apr_pcalloc(ap_pglobal, size);

    apr_pool_userdata_set(data, key, apr_pool_cleanup_null, ap_pglobal);
    return data;
}

AP_DECLARE(void *) ap_retained_data_get(const char *key)
{
    void *data = NULL;

    apr_pool_userdata_get(&data, key, ap_pglobal);
    return data;
}
