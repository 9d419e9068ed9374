/*
 * Loading shared libraries with dlopen().
 *
 * Libraries are loaded RTLD_NOW | RTLD_GLOBAL, as APR 1.7 does: a missing
 * symbol fails the load rather than a later call, and the symbols of a
 * module are visible to the modules loaded after it (httpd modules depend
 * on that).
 *
 * dlerror()'s text lives in a buffer the next dl call may overwrite, so
 * the text of a failure is copied into the handle's pool at once (APR
 * keeps the pointer). The handle of a failed load keeps its pool too, so
 * apr_dso_unload() on it is harmless (APR crashes).
 */
#include <dlfcn.h>

#include "apr_dso.h"
#include "apr_portable.h"
#include "apr_strings.h"

struct apr_dso_handle_t {
    apr_pool_t *pool;
    void *handle;         /* NULL once unloaded or when the load failed */
    const char *errormsg; /* the last failure's text, or NULL */
};

static apr_status_t dso_cleanup(void *data)
{
    apr_dso_handle_t *dso = data;
    void *handle = dso->handle;

    if (handle == NULL)
        return APR_SUCCESS;
    dso->handle = NULL;
    if (dlclose(handle) != 0) {
        const char *why = dlerror();

        dso->errormsg = apr_pstrdup(dso->pool, why ? why : "dlclose failed");
        return APR_EINIT;
    }
    return APR_SUCCESS;
}

static const char *failure_text(apr_pool_t *pool)
{
    const char *why = dlerror();

    return apr_pstrdup(pool, why ? why : "unknown dynamic loader error");
}

APR_DECLARE(apr_status_t) apr_dso_load(apr_dso_handle_t **res_handle,
                                       const char *path, apr_pool_t *ctx)
{
    apr_dso_handle_t *dso = apr_pcalloc(ctx, sizeof(*dso));

    dso->pool = ctx;
    *res_handle = dso;
    dso->handle = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
    if (dso->handle == NULL) {
        dso->errormsg = failure_text(ctx);
        return APR_EDSOOPEN;
    }
    apr_pool_cleanup_register(ctx, dso, dso_cleanup, apr_pool_cleanup_null);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_dso_unload(apr_dso_handle_t *handle)
{
    return apr_pool_cleanup_run(handle->pool, handle, dso_cleanup);
}

APR_DECLARE(apr_status_t) apr_dso_sym(apr_dso_handle_sym_t *ressym,
                                      apr_dso_handle_t *handle,
                                      const char *symname)
{
    void *sym;

    if (handle->handle == NULL)
        return APR_EINIT;
    /* A symbol may legitimately have the address NULL: dlerror() tells a
     * failure apart, once cleared. */
    dlerror();
    sym = dlsym(handle->handle, symname);
    if (sym == NULL) {
        const char *why = dlerror();

        if (why != NULL) {
            handle->errormsg = apr_pstrdup(handle->pool, why);
            return APR_ESYMNOTFOUND;
        }
    }
    *ressym = sym;
    return APR_SUCCESS;
}

APR_DECLARE(const char *) apr_dso_error(apr_dso_handle_t *dso, char *buf,
                                        apr_size_t bufsize)
{
    if (dso->errormsg == NULL)
        return "No Error";
    if (buf != NULL && bufsize > 0)
        apr_cpystrn(buf, dso->errormsg, bufsize);
    return dso->errormsg;
}

/* The wrapped handle is not closed by a pool cleanup (as in APR), but
 * apr_dso_unload() closes it. */
APR_DECLARE(apr_status_t) apr_os_dso_handle_put(apr_dso_handle_t **aprdso,
                                                apr_os_dso_handle_t osdso,
                                                apr_pool_t *pool)
{
    apr_dso_handle_t *dso = apr_pcalloc(pool, sizeof(*dso));

    dso->pool = pool;
    dso->handle = osdso;
    *aprdso = dso;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_os_dso_handle_get(apr_os_dso_handle_t *osdso,
                                                apr_dso_handle_t *aprdso)
{
    *osdso = aprdso->handle;
    return APR_SUCCESS;
}
