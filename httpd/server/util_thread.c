/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * ap_thread_current(): every thread the server starts (ap_thread_create)
 * or adopts (ap_thread_current_create) records its apr_thread_t in
 * thread-local storage, so code deep in a request can find it without
 * passing it around. APR 1.7 does not do this itself.
 */
#include "util_private.h"
#include "apr_portable.h"

#if APR_HAS_THREADS && AP_HAS_THREAD_LOCAL && !APR_VERSION_AT_LEAST(1,8,0)

static AP_THREAD_LOCAL apr_thread_t *current_thread;

typedef struct {
    apr_thread_start_t func;
    void *data;
} thread_start_ctx;

static void *APR_THREAD_FUNC thread_start(apr_thread_t *thread, void *data)
{
    thread_start_ctx *ctx = data;

    current_thread = thread;
    return ctx->func(thread, ctx->data);
}

AP_DECLARE(apr_status_t) ap_thread_create(apr_thread_t **thread,
                                          apr_threadattr_t *attr,
                                          apr_thread_start_t func,
                                          void *data, apr_pool_t *pool)
{
    thread_start_ctx *ctx = apr_palloc(pool, sizeof(*ctx));

    ctx->func = func;
    ctx->data = data;
    return apr_thread_create(thread, attr, thread_start, ctx, pool);
}

AP_DECLARE(apr_status_t) ap_thread_current_create(apr_thread_t **current,
                                                  apr_threadattr_t *attr,
                                                  apr_pool_t *pool)
{
    apr_abortfunc_t abort_fn = apr_pool_abort_get(pool);
    apr_allocator_t *allocator;
    apr_os_thread_t osthd;
    apr_pool_t *p;
    apr_status_t rv;

    *current = current_thread;
    if (*current)
        return APR_EEXIST;
    /* the thread's pool is unmanaged: it must outlive any pool the
     * caller could give (its owner destroys it, see ap_thread_main_create) */
    rv = apr_allocator_create(&allocator);
    if (rv != APR_SUCCESS) {
        if (abort_fn)
            abort_fn(rv);
        return rv;
    }
    rv = apr_pool_create_unmanaged_ex(&p, abort_fn, allocator);
    if (rv != APR_SUCCESS) {
        apr_allocator_destroy(allocator);
        return rv;
    }
    apr_allocator_owner_set(allocator, p);
    osthd = apr_os_thread_current();
    rv = apr_os_thread_put(current, &osthd, p);
    if (rv != APR_SUCCESS) {
        apr_pool_destroy(p);
        return rv;
    }
    current_thread = *current;
    return APR_SUCCESS;
}

AP_DECLARE(void) ap_thread_current_after_fork(void)
{
    current_thread = NULL;
}

AP_DECLARE(apr_thread_t *) ap_thread_current(void)
{
    return current_thread;
}

#endif

#if APR_HAS_THREADS

static apr_status_t main_thread_cleanup(void *arg)
{
    apr_pool_destroy(apr_thread_pool_get((apr_thread_t *)arg));
    return APR_SUCCESS;
}

AP_DECLARE(apr_status_t) ap_thread_main_create(apr_thread_t **thread,
                                               apr_pool_t *pool)
{
    apr_threadattr_t *attr = NULL;
    apr_status_t rv;

    /* the main thread never calls apr_thread_exit(): its pool goes with
     * the given pool */
    if ((rv = apr_threadattr_create(&attr, pool)) != APR_SUCCESS
        || (rv = apr_threadattr_detach_set(attr, 1)) != APR_SUCCESS
        || (rv = ap_thread_current_create(thread, attr, pool)) != APR_SUCCESS) {
        *thread = NULL;
        return rv;
    }
    apr_pool_cleanup_register(pool, *thread, main_thread_cleanup,
                              apr_pool_cleanup_null);
    return APR_SUCCESS;
}

#endif
