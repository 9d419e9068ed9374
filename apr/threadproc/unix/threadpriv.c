/*
 * Thread-private data keys (pthread keys) and their native conversions.
 */
#include "apr_arch_threadproc.h"
#include "apr_portable.h"

#if APR_HAS_THREADS

APR_DECLARE(apr_status_t) apr_threadkey_private_create(apr_threadkey_t **key,
                                                       void (*dest)(void *),
                                                       apr_pool_t *pool)
{
    apr_threadkey_t *k = apr_pcalloc(pool, sizeof(*k));
    int rv;

    k->pool = pool;
    rv = pthread_key_create(&k->key, dest);
    if (rv != 0)
        return rv;
    *key = k;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_threadkey_private_get(void **new_mem,
                                                    apr_threadkey_t *key)
{
    *new_mem = pthread_getspecific(key->key);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_threadkey_private_set(void *priv,
                                                    apr_threadkey_t *key)
{
    return pthread_setspecific(key->key, priv);
}

APR_DECLARE(apr_status_t) apr_threadkey_private_delete(apr_threadkey_t *key)
{
    return pthread_key_delete(key->key);
}

APR_DECLARE(apr_status_t) apr_threadkey_data_get(void **data, const char *key,
                                                 apr_threadkey_t *threadkey)
{
    return apr_pool_userdata_get(data, key, threadkey->pool);
}

APR_DECLARE(apr_status_t) apr_threadkey_data_set(void *data, const char *key,
                                                apr_status_t (*cleanup)(void *),
                                                apr_threadkey_t *threadkey)
{
    return apr_pool_userdata_set(data, key, cleanup, threadkey->pool);
}

APR_DECLARE(apr_status_t) apr_os_threadkey_get(apr_os_threadkey_t *thekey,
                                               apr_threadkey_t *key)
{
    *thekey = key->key;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_os_threadkey_put(apr_threadkey_t **key,
                                               apr_os_threadkey_t *thekey,
                                               apr_pool_t *pool)
{
    if (pool == NULL)
        return APR_ENOPOOL;
    if (*key == NULL) {
        *key = apr_pcalloc(pool, sizeof(**key));
        (*key)->pool = pool;
    }
    (*key)->key = *thekey;
    return APR_SUCCESS;
}

#endif /* APR_HAS_THREADS */
