/*
 * apr_initialize / apr_terminate: reference-counted set-up of the global
 * pool. Only the outermost pair does any work.
 */
#include "apr.h"
#include "apr_general.h"
#include "apr_pools.h"
#include "apr_signal.h"

static int initialized = 0;

APR_DECLARE(apr_status_t) apr_initialize(void)
{
    apr_status_t rv;

    if (initialized++)
        return APR_SUCCESS;
    rv = apr_pool_initialize();
    if (rv != APR_SUCCESS) {
        initialized = 0;
        return rv;
    }
    /* The description table of apr_signal_description_get(). */
    apr_signal_init(NULL);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_app_initialize(int *argc,
                                             char const *const **argv,
                                             char const *const **env)
{
    /* Unix passes arguments and environment in the native encoding, which
     * is the library's: nothing to convert. */
    (void)argc;
    (void)argv;
    (void)env;
    return apr_initialize();
}

APR_DECLARE_NONSTD(void) apr_terminate(void)
{
    if (initialized == 0 || --initialized)
        return;
    apr_pool_terminate();
}

APR_DECLARE(void) apr_terminate2(void)
{
    apr_terminate();
}
