/*
 * Pollsets, the part common to every mechanism: choosing the provider
 * (falling back to the default one), the lock of THREADSAFE sets, the
 * wakeup pipe and the pool cleanup. The providers do the rest.
 */
#include "apr_arch_poll_private.h"

/* The provider of each method compiled in; the others are NULL. */
static const apr__pollset_provider_t *const providers[] = {
    [APR_POLLSET_SELECT] = &apr__pollset_select,
#if HAVE_KQUEUE
    [APR_POLLSET_KQUEUE] = &apr__pollset_kqueue,
#endif
#if HAVE_PORT_CREATE
    [APR_POLLSET_PORT] = &apr__pollset_port,
#endif
#if HAVE_EPOLL_CREATE1
    [APR_POLLSET_EPOLL] = &apr__pollset_epoll,
#endif
#if HAVE_POLL_H
    [APR_POLLSET_POLL] = &apr__pollset_poll,
#endif
    [APR_POLLSET_AIO_MSGQ] = NULL,
};

/* The default: the best mechanism the system has. */
#if HAVE_EPOLL_CREATE1
#define DEFAULT_PROVIDER (&apr__pollset_epoll)
#elif HAVE_KQUEUE
#define DEFAULT_PROVIDER (&apr__pollset_kqueue)
#elif HAVE_PORT_CREATE
#define DEFAULT_PROVIDER (&apr__pollset_port)
#elif HAVE_POLL_H
#define DEFAULT_PROVIDER (&apr__pollset_poll)
#else
#define DEFAULT_PROVIDER (&apr__pollset_select)
#endif

static const apr__pollset_provider_t *provider_of(apr_pollset_method_e m)
{
    if (m == APR_POLLSET_DEFAULT)
        return DEFAULT_PROVIDER;
    if ((unsigned)m >= sizeof providers / sizeof providers[0])
        return NULL;
    return providers[m];
}

static apr_status_t pollset_cleanup(void *data)
{
    apr_pollset_t *ps = data;

    if (ps->priv)
        ps->provider->cleanup(ps);
    apr__wakeup_close(&ps->wakeup);
    return APR_SUCCESS;
}

static apr_status_t try_create(apr_pollset_t **ret, apr_uint32_t size,
                               apr_pool_t *p, apr_uint32_t flags,
                               const apr__pollset_provider_t *prov)
{
    apr_pollset_t *ps = apr_pcalloc(p, sizeof *ps);
    apr_status_t rv = APR_SUCCESS;

    ps->pool = p;
    ps->flags = flags;
    ps->provider = prov;
    ps->wakeup.fd[0] = ps->wakeup.fd[1] = -1;
    if (flags & APR_POLLSET_THREADSAFE) {
#if APR_HAS_THREADS
        rv = apr_thread_mutex_create(&ps->lock, APR_THREAD_MUTEX_DEFAULT, p);
#else
        rv = APR_ENOTIMPL;
#endif
        if (rv != APR_SUCCESS)
            return rv;
    }
    if (flags & APR_POLLSET_WAKEABLE)
        rv = apr__wakeup_create(&ps->wakeup);
    if (rv == APR_SUCCESS)
        rv = prov->create(ps, size);
    if (rv != APR_SUCCESS) {
        apr__wakeup_close(&ps->wakeup);
        if (ps->lock)
            apr_thread_mutex_destroy(ps->lock);
        return rv;
    }
    apr_pool_cleanup_register(p, ps, pollset_cleanup, apr_pool_cleanup_null);
    *ret = ps;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_pollset_create_ex(apr_pollset_t **ret,
                                                apr_uint32_t size,
                                                apr_pool_t *p,
                                                apr_uint32_t flags,
                                                apr_pollset_method_e method)
{
    const apr__pollset_provider_t *prov = provider_of(method);
    apr_status_t rv;

    *ret = NULL;
    if (!prov) {
        if (flags & APR_POLLSET_NODEFAULT)
            return APR_ENOTIMPL;
        prov = DEFAULT_PROVIDER;
    }
    rv = try_create(ret, size, p, flags, prov);
    if (rv == APR_ENOTIMPL && prov != DEFAULT_PROVIDER
        && !(flags & APR_POLLSET_NODEFAULT))
        rv = try_create(ret, size, p, flags, DEFAULT_PROVIDER);
    return rv;
}

APR_DECLARE(apr_status_t) apr_pollset_create(apr_pollset_t **ret,
                                             apr_uint32_t size,
                                             apr_pool_t *p,
                                             apr_uint32_t flags)
{
    return apr_pollset_create_ex(ret, size, p, flags, APR_POLLSET_DEFAULT);
}

APR_DECLARE(apr_status_t) apr_pollset_destroy(apr_pollset_t *ps)
{
    return apr_pool_cleanup_run(ps->pool, ps, pollset_cleanup);
}

APR_DECLARE(apr_status_t) apr_pollset_add(apr_pollset_t *ps,
                                          const apr_pollfd_t *descriptor)
{
    return ps->provider->add(ps, descriptor);
}

APR_DECLARE(apr_status_t) apr_pollset_remove(apr_pollset_t *ps,
                                             const apr_pollfd_t *descriptor)
{
    return ps->provider->remove(ps, descriptor);
}

APR_DECLARE(apr_status_t) apr_pollset_poll(apr_pollset_t *ps,
                                           apr_interval_time_t timeout,
                                           apr_int32_t *num,
                                           const apr_pollfd_t **descriptors)
{
    *num = 0;
    return ps->provider->poll(ps, timeout, num, descriptors);
}

APR_DECLARE(apr_status_t) apr_pollset_wakeup(apr_pollset_t *ps)
{
    if (!(ps->flags & APR_POLLSET_WAKEABLE))
        return APR_EINIT;
    return apr__wakeup_send(&ps->wakeup, 1);
}

APR_DECLARE(const char *) apr_pollset_method_name(apr_pollset_t *ps)
{
    return ps->provider->name;
}

APR_DECLARE(const char *) apr_poll_method_defname(void)
{
    return DEFAULT_PROVIDER->name;
}
