/*
 * apu_srvconn: connections to, and the choice of, memcache and redis
 * servers (see apu_srvconn_internal.h).
 *
 * Each server keeps its connections in an apr_reslist. A connection that
 * failed is invalidated and the server marked dead; a dead server is
 * probed again at most every five seconds. Connections opened before a
 * server was last marked dead are dropped when taken (see
 * apu__conn_acquire): after a server restarts, idle sockets to the old
 * process would fail once each otherwise.
 */
#include <string.h>

#include "apr_strings.h"
#include "apu_srvconn_internal.h"

#define SRV_RETRY_PERIOD apr_time_from_sec(5)

/* ---------------------------------------------------------------- */
/* Connections                                                       */

static apr_status_t conn_connect(apu__conn_t *conn)
{
    const apu__srv_t *d = &conn->srv;
    const char *host = *d->host;
    apr_int32_t family = APR_INET;
    apr_sockaddr_t *sa;
    apr_status_t rv;

#if APR_HAVE_SOCKADDR_UN
    if (host[0] == '/')
        family = APR_UNIX;
#endif
    rv = apr_sockaddr_info_get(&sa, host, family, *d->port, 0, conn->p);
    if (rv != APR_SUCCESS)
        return rv;
    rv = apr_socket_create(&conn->sock, sa->family, SOCK_STREAM, 0, conn->p);
    if (rv != APR_SUCCESS)
        return rv;
    return d->connect(d->server, conn->sock, sa);
}

/* The reslist constructor: params is an apu__srv_t (copied). */
static apr_status_t conn_construct(void **resource, void *params,
                                   apr_pool_t *pool)
{
    apu__conn_t *conn;
    apr_pool_t *np;
    apr_status_t rv;

    rv = apr_pool_create(&np, pool);
    if (rv != APR_SUCCESS)
        return rv;
    conn = apr_pcalloc(np, sizeof(*conn));
    conn->p = np;
    conn->srv = *(const apu__srv_t *)params;
    conn->ctime = apr_time_now();
    rv = conn_connect(conn);
    if (rv != APR_SUCCESS) {
        apr_pool_destroy(np);
        return rv;
    }
    *resource = conn;
    return APR_SUCCESS;
}

static apr_status_t conn_destruct(void *resource, void *params,
                                  apr_pool_t *pool)
{
    apu__conn_t *conn = resource;
    (void)params;
    (void)pool;
    /* No "quit": the server may be gone (a write could raise SIGPIPE),
     * and closing tells it the same. */
    apr_socket_close(conn->sock);
    apr_pool_destroy(conn->p);
    return APR_SUCCESS;
}

apr_status_t apu__conn_acquire(const apu__srv_t *d, apu__conn_t **conn)
{
    apr_status_t rv;
    int tries;

#if APR_HAS_THREADS
    for (tries = 0; tries < 64; tries++) {
        void *res;
        rv = apr_reslist_acquire(*d->conns, &res);
        if (rv != APR_SUCCESS)
            return rv;
        *conn = res;
        if ((*conn)->ctime > *d->btime || *d->btime == 0)
            return APR_SUCCESS;
        apr_reslist_invalidate(*d->conns, res);
    }
    return APR_EGENERAL;
#else
    apu__conn_t *c = *d->conn;

    (void)tries;
    if (c && c->ctime <= *d->btime) {
        conn_destruct(c, NULL, *d->p);
        *d->conn = c = NULL;
    }
    if (!c) {
        void *res;
        rv = conn_construct(&res, (void *)d, *d->p);
        if (rv != APR_SUCCESS)
            return rv;
        *d->conn = c = res;
    }
    *conn = c;
    return APR_SUCCESS;
#endif
}

void apu__conn_release(apu__conn_t *conn)
{
#if APR_HAS_THREADS
    apr_reslist_release(*conn->srv.conns, conn);
#else
    (void)conn;
#endif
}

/* Drop a connection that failed or is out of step with the server. */
static void conn_invalidate(apu__conn_t *conn)
{
#if APR_HAS_THREADS
    apr_reslist_invalidate(*conn->srv.conns, conn);
#else
    void **slot = conn->srv.conn;
    conn_destruct(conn, NULL, NULL);
    *slot = NULL;
#endif
}

apr_status_t apu__conn_fail(apu__conn_t *conn, int mark_dead,
                            apr_status_t rv)
{
    apu__srv_t d = conn->srv;   /* conn is gone after the invalidation */

    conn_invalidate(conn);
    if (mark_dead)
        apu__srv_disable(&d);
    return rv == APR_SUCCESS ? APR_EGENERAL : rv;
}

/* Write every byte of vec[0 .. nvec) (sendv may write part of it). */
static apr_status_t conn_sendv(apu__conn_t *conn, struct iovec *vec,
                               int nvec)
{
    while (nvec > 0) {
        apr_size_t n = 0;
        apr_status_t rv = apr_socket_sendv(conn->sock, vec, nvec, &n);
        if (rv != APR_SUCCESS)
            return rv;
        while (nvec > 0 && n >= vec->iov_len) {
            n -= vec->iov_len;
            vec++;
            nvec--;
        }
        if (nvec > 0) {
            vec->iov_base = (char *)vec->iov_base + n;
            vec->iov_len -= n;
        }
    }
    return APR_SUCCESS;
}

apr_status_t apu__conn_exchange(const apu__srv_t *d, int mark_dead,
                                struct iovec *vec, int nvec,
                                apu__conn_t **conn)
{
    apr_status_t rv = apu__conn_acquire(d, conn);

    if (rv != APR_SUCCESS) {
        if (mark_dead)
            apu__srv_disable(d);
        return rv;
    }
    rv = conn_sendv(*conn, vec, nvec);
    if (rv == APR_SUCCESS)
        rv = apu__conn_read_line(*conn);
    if (rv != APR_SUCCESS)
        return apu__conn_fail(*conn, mark_dead, rv);
    return APR_SUCCESS;
}

static apr_status_t conn_fill(apu__conn_t *conn)
{
    apr_size_t len = sizeof(conn->rbuf);
    apr_status_t rv = apr_socket_recv(conn->sock, conn->rbuf, &len);

    conn->rpos = 0;
    conn->rlen = len;
    if (rv == APR_SUCCESS && len == 0)
        rv = APR_EOF;
    return len > 0 ? APR_SUCCESS : rv;
}

apr_status_t apu__conn_read_line(apu__conn_t *conn)
{
    conn->llen = 0;
    for (;;) {
        char *start = conn->rbuf + conn->rpos;
        apr_size_t avail = conn->rlen - conn->rpos;
        char *nl = memchr(start, '\n', avail);
        apr_size_t take = nl ? (apr_size_t)(nl - start) + 1 : avail;
        apr_status_t rv;

        if (conn->llen + take > APU__CONN_LINE_MAX)
            return APR_ENOSPC;
        memcpy(conn->line + conn->llen, start, take);
        conn->llen += take;
        conn->rpos += take;
        if (nl) {
            conn->llen--;
            if (conn->llen > 0 && conn->line[conn->llen - 1] == '\r')
                conn->llen--;
            conn->line[conn->llen] = '\0';
            return APR_SUCCESS;
        }
        rv = conn_fill(conn);
        if (rv != APR_SUCCESS)
            return rv;
    }
}

apr_status_t apu__conn_read_exact(apu__conn_t *conn, char *dst,
                                  apr_size_t n)
{
    apr_size_t have = conn->rlen - conn->rpos;

    if (have > n)
        have = n;
    memcpy(dst, conn->rbuf + conn->rpos, have);
    conn->rpos += have;
    dst += have;
    n -= have;
    while (n > 0) {
        /* Straight into dst: large values skip the read buffer. */
        apr_size_t len = n;
        apr_status_t rv = apr_socket_recv(conn->sock, dst, &len);
        if (len == 0)
            return rv == APR_SUCCESS ? APR_EOF : rv;
        dst += len;
        n -= len;
    }
    return APR_SUCCESS;
}

/* ---------------------------------------------------------------- */
/* Servers                                                           */

static void lock_server(const apu__srv_t *d)
{
#if APR_HAS_THREADS
    apr_thread_mutex_lock(*d->lock);
#else
    (void)d;
#endif
}

static void unlock_server(const apu__srv_t *d)
{
#if APR_HAS_THREADS
    apr_thread_mutex_unlock(*d->lock);
#else
    (void)d;
#endif
}

void apu__srv_enable(const apu__srv_t *d)
{
    lock_server(d);
    *d->status = APU__SRV_LIVE;
    unlock_server(d);
}

void apu__srv_disable(const apu__srv_t *d)
{
    lock_server(d);
    *d->btime = apr_time_now();
    *d->status = APU__SRV_DEAD;
    unlock_server(d);
}

apr_status_t apu__srv_init(const apu__srv_t *d, apr_pool_t *np,
                           const char *host, apr_port_t port,
                           apr_uint32_t min, apr_uint32_t smax,
                           apr_uint32_t max, apr_uint32_t ttl)
{
    *d->p = np;
    *d->host = apr_pstrdup(np, host);
    *d->port = port;
    *d->status = APU__SRV_DEAD;   /* until added to a client */
#if APR_HAS_THREADS
    {
        apr_status_t rv;

        rv = apr_thread_mutex_create(d->lock, APR_THREAD_MUTEX_DEFAULT, np);
        if (rv == APR_SUCCESS)
            rv = apr_reslist_create(d->conns, (int)min, (int)smax, (int)max,
                                    ttl, conn_construct, conn_destruct,
                                    apr_pmemdup(np, d, sizeof(*d)), np);
        if (rv != APR_SUCCESS)
            return rv;
        /* Close the connections before their sub-pools go. */
        apr_reslist_cleanup_order_set(*d->conns, APR_RESLIST_CLEANUP_FIRST);
    }
#else
    (void)min;
    (void)smax;
    (void)max;
    (void)ttl;
#endif
    return APR_SUCCESS;
}

/* A dead server: probe it if its last failure or probe is old enough. */
static int revive(const apu__srv_t *d, apr_time_t now)
{
    int live = 0;

    lock_server(d);
    if (*d->status == APU__SRV_LIVE) {
        live = 1;
    }
    else if (now - *d->btime > SRV_RETRY_PERIOD) {
        *d->btime = now;
        if (d->probe(d->server) == APR_SUCCESS) {
            *d->status = APU__SRV_LIVE;
            live = 1;
        }
    }
    unlock_server(d);
    return live;
}

int apu__srv_pick(int n, apr_uint32_t hash,
                  void (*describe)(void *client, int i, apu__srv_t *d),
                  void *client)
{
    apr_uint32_t h = hash ? hash : 1;
    apr_time_t now = 0;
    int i;

    for (i = 0; i < n; i++, h++) {
        int at = (int)(h % (apr_uint32_t)n);
        apu__srv_t d;

        describe(client, at, &d);
        if (*d.status == APU__SRV_LIVE)
            return at;
        if (now == 0)
            now = apr_time_now();
        if (revive(&d, now))
            return at;
    }
    return -1;
}
