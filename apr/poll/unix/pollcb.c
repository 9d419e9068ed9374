/*
 * Pollcbs, the part common to every mechanism: choosing the provider
 * (falling back to the default one), the wakeup pipe and the pool
 * cleanup. Members are the caller's pollfds, handed back to the callback.
 */
#include "apr_arch_poll_private.h"

/* The provider of each method compiled in; the others are NULL. */
static const apr__pollcb_provider_t *const providers[] = {
    [APR_POLLSET_SELECT] = &apr__pollcb_select,
#if HAVE_KQUEUE
    [APR_POLLSET_KQUEUE] = &apr__pollcb_kqueue,
#endif
#if HAVE_PORT_CREATE
    [APR_POLLSET_PORT] = &apr__pollcb_port,
#endif
#if HAVE_EPOLL_CREATE1
    [APR_POLLSET_EPOLL] = &apr__pollcb_epoll,
#endif
#if HAVE_POLL_H
    [APR_POLLSET_POLL] = &apr__pollcb_poll,
#endif
    [APR_POLLSET_AIO_MSGQ] = NULL,
};

/* The default: the best mechanism the system has. */
#if HAVE_EPOLL_CREATE1
#define DEFAULT_PROVIDER (&apr__pollcb_epoll)
#elif HAVE_KQUEUE
#define DEFAULT_PROVIDER (&apr__pollcb_kqueue)
#elif HAVE_PORT_CREATE
#define DEFAULT_PROVIDER (&apr__pollcb_port)
#elif HAVE_POLL_H
#define DEFAULT_PROVIDER (&apr__pollcb_poll)
#else
#define DEFAULT_PROVIDER (&apr__pollcb_select)
#endif

static const apr__pollcb_provider_t *provider_of(apr_pollset_method_e m)
{
    if (m == APR_POLLSET_DEFAULT)
        return DEFAULT_PROVIDER;
    if ((unsigned)m >= sizeof providers / sizeof providers[0])
        return NULL;
    return providers[m];
}

static apr_status_t pollcb_cleanup(void *data)
{
    apr_pollcb_t *pc = data;

    if (pc->priv)
        pc->provider->cleanup(pc);
    apr__wakeup_close(&pc->wakeup);
    return APR_SUCCESS;
}

static apr_status_t try_create(apr_pollcb_t **ret, apr_uint32_t size,
                               apr_pool_t *p, apr_uint32_t flags,
                               const apr__pollcb_provider_t *prov)
{
    apr_pollcb_t *pc = apr_pcalloc(p, sizeof *pc);
    apr_status_t rv = APR_SUCCESS;

    pc->pool = p;
    pc->flags = flags;
    pc->provider = prov;
    pc->wakeup.fd[0] = pc->wakeup.fd[1] = -1;
    if (flags & APR_POLLSET_WAKEABLE)
        rv = apr__wakeup_create(&pc->wakeup);
    if (rv == APR_SUCCESS)
        rv = prov->create(pc, size);
    if (rv != APR_SUCCESS) {
        apr__wakeup_close(&pc->wakeup);
        return rv;
    }
    apr_pool_cleanup_register(p, pc, pollcb_cleanup, apr_pool_cleanup_null);
    *ret = pc;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_pollcb_create_ex(apr_pollcb_t **ret,
                                               apr_uint32_t size,
                                               apr_pool_t *p,
                                               apr_uint32_t flags,
                                               apr_pollset_method_e method)
{
    const apr__pollcb_provider_t *prov = provider_of(method);
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

APR_DECLARE(apr_status_t) apr_pollcb_create(apr_pollcb_t **ret,
                                            apr_uint32_t size,
                                            apr_pool_t *p,
                                            apr_uint32_t flags)
{
    return apr_pollcb_create_ex(ret, size, p, flags, APR_POLLSET_DEFAULT);
}

APR_DECLARE(apr_status_t) apr_pollcb_add(apr_pollcb_t *pc,
                                         apr_pollfd_t *descriptor)
{
    return pc->provider->add(pc, descriptor);
}

APR_DECLARE(apr_status_t) apr_pollcb_remove(apr_pollcb_t *pc,
                                            apr_pollfd_t *descriptor)
{
    return pc->provider->remove(pc, descriptor);
}

APR_DECLARE(apr_status_t) apr_pollcb_poll(apr_pollcb_t *pc,
                                          apr_interval_time_t timeout,
                                          apr_pollcb_cb_t func, void *baton)
{
    return pc->provider->poll(pc, timeout, func, baton);
}

APR_DECLARE(apr_status_t) apr_pollcb_wakeup(apr_pollcb_t *pc)
{
    if (!(pc->flags & APR_POLLSET_WAKEABLE))
        return APR_EINIT;
    return apr__wakeup_send(&pc->wakeup, 1);
}

APR_DECLARE(const char *) apr_pollcb_method_name(apr_pollcb_t *pc)
{
    return pc->provider->name;
}
