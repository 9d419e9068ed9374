/*
 * apr_redis: a redis client speaking RESP.
 *
 * The same machinery as apr_memcache.c: each server keeps its connections
 * in an apr_reslist; a call takes one, sends its command as a RESP array
 * of bulk strings, reads the reply through the connection's read buffer
 * and gives the connection back. A connection that failed (or whose reply
 * could not be understood) is invalidated instead and the server marked
 * dead; a dead server is probed again (PING) at most every five seconds.
 * Connections opened before a server was last marked dead are dropped
 * when taken. Every socket operation is bounded by the server's rwto.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "apr_memcache.h"   /* apr_memcache_hash_crc32() */
#include "apr_redis.h"
#include "apr_strings.h"
#include "apr_time.h"

#define RC_LINE_MAX 1024          /* longest reply line we accept */
#define RC_RBUF_SIZE 8192         /* read buffer of a connection */
#define RC_RETRY_PERIOD apr_time_from_sec(5)

struct apr_redis_conn_t {
    apr_pool_t *p;                /* the connection's own pool */
    apr_socket_t *sock;
    apr_redis_server_t *rs;
    apr_time_t ctime;             /* when it was opened */
    apr_size_t rpos, rlen;        /* unread bytes: rbuf[rpos .. rlen) */
    apr_size_t llen;              /* length of line */
    char line[RC_LINE_MAX + 1];   /* the last reply line, CRLF removed */
    char rbuf[RC_RBUF_SIZE];
};

/* ---------------------------------------------------------------- */
/* Connections                                                       */

static apr_status_t conn_connect(apr_redis_conn_t *conn)
{
    apr_redis_server_t *rs = conn->rs;
    apr_int32_t family = APR_INET;
    apr_sockaddr_t *sa;
    apr_status_t rv;

#if APR_HAVE_SOCKADDR_UN
    if (rs->host[0] == '/')
        family = APR_UNIX;
#endif
    rv = apr_sockaddr_info_get(&sa, rs->host, family, rs->port, 0, conn->p);
    if (rv != APR_SUCCESS)
        return rv;
    rv = apr_socket_create(&conn->sock, sa->family, SOCK_STREAM, 0, conn->p);
    if (rv != APR_SUCCESS)
        return rv;
    /* rwto bounds the connection and every read and write (0: none). */
    rv = apr_socket_timeout_set(conn->sock, rs->rwto
                                    ? apr_time_from_sec(rs->rwto) : -1);
    if (rv == APR_SUCCESS)
        rv = apr_socket_connect(conn->sock, sa);
    return rv;
}

static apr_status_t rc_conn_construct(void **resource, void *params,
                                      apr_pool_t *pool)
{
    apr_redis_server_t *rs = params;
    apr_redis_conn_t *conn;
    apr_pool_t *np;
    apr_status_t rv;

    rv = apr_pool_create(&np, pool);
    if (rv != APR_SUCCESS)
        return rv;
    conn = apr_pcalloc(np, sizeof(*conn));
    conn->p = np;
    conn->rs = rs;
    conn->ctime = apr_time_now();
    rv = conn_connect(conn);
    if (rv != APR_SUCCESS) {
        apr_pool_destroy(np);
        return rv;
    }
    *resource = conn;
    return APR_SUCCESS;
}

static apr_status_t rc_conn_destruct(void *resource, void *params,
                                     apr_pool_t *pool)
{
    apr_redis_conn_t *conn = resource;
    (void)params;
    (void)pool;
    /* No "quit": the server may be gone (a write could raise SIGPIPE),
     * and closing tells it the same. */
    apr_socket_close(conn->sock);
    apr_pool_destroy(conn->p);
    return APR_SUCCESS;
}

/* A connection opened after the server last failed (older ones are
 * dropped: they lead to a process that may have died). */
static apr_status_t conn_acquire(apr_redis_server_t *rs,
                                 apr_redis_conn_t **conn)
{
    apr_status_t rv;
    int tries;

#if APR_HAS_THREADS
    for (tries = 0; tries < 64; tries++) {
        void *res;
        rv = apr_reslist_acquire(rs->conns, &res);
        if (rv != APR_SUCCESS)
            return rv;
        *conn = res;
        if ((*conn)->ctime > rs->btime || rs->btime == 0)
            return APR_SUCCESS;
        apr_reslist_invalidate(rs->conns, res);
    }
    return APR_EGENERAL;
#else
    (void)tries;
    if (rs->conn && rs->conn->ctime <= rs->btime) {
        rc_conn_destruct(rs->conn, rs, rs->p);
        rs->conn = NULL;
    }
    if (!rs->conn) {
        void *res;
        rv = rc_conn_construct(&res, rs, rs->p);
        if (rv != APR_SUCCESS)
            return rv;
        rs->conn = res;
    }
    *conn = rs->conn;
    return APR_SUCCESS;
#endif
}

static void conn_release(apr_redis_conn_t *conn)
{
#if APR_HAS_THREADS
    apr_reslist_release(conn->rs->conns, conn);
#else
    (void)conn;
#endif
}

/* Drop a connection that failed or is out of step with the server. */
static void conn_invalidate(apr_redis_conn_t *conn)
{
    apr_redis_server_t *rs = conn->rs;
#if APR_HAS_THREADS
    apr_reslist_invalidate(rs->conns, conn);
#else
    rc_conn_destruct(conn, rs, rs->p);
    rs->conn = NULL;
#endif
}

/* Write every byte of vec[0 .. nvec) (sendv may write part of it). */
static apr_status_t conn_sendv(apr_redis_conn_t *conn, struct iovec *vec,
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

static apr_status_t conn_fill(apr_redis_conn_t *conn)
{
    apr_size_t len = sizeof(conn->rbuf);
    apr_status_t rv = apr_socket_recv(conn->sock, conn->rbuf, &len);

    conn->rpos = 0;
    conn->rlen = len;
    if (rv == APR_SUCCESS && len == 0)
        rv = APR_EOF;
    return len > 0 ? APR_SUCCESS : rv;
}

/* Read one line into conn->line, without its CR LF. */
static apr_status_t conn_read_line(apr_redis_conn_t *conn)
{
    conn->llen = 0;
    for (;;) {
        char *start = conn->rbuf + conn->rpos;
        apr_size_t avail = conn->rlen - conn->rpos;
        char *nl = memchr(start, '\n', avail);
        apr_size_t take = nl ? (apr_size_t)(nl - start) + 1 : avail;
        apr_status_t rv;

        if (conn->llen + take > RC_LINE_MAX)
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

/* Read exactly n bytes into dst. */
static apr_status_t conn_read_exact(apr_redis_conn_t *conn, char *dst,
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

static void lock_server(apr_redis_server_t *rs)
{
#if APR_HAS_THREADS
    apr_thread_mutex_lock(rs->lock);
#else
    (void)rs;
#endif
}

static void unlock_server(apr_redis_server_t *rs)
{
#if APR_HAS_THREADS
    apr_thread_mutex_unlock(rs->lock);
#else
    (void)rs;
#endif
}

APU_DECLARE(apr_status_t) apr_redis_enable_server(apr_redis_t *rc,
                                                     apr_redis_server_t *rs)
{
    (void)rc;
    lock_server(rs);
    rs->status = APR_RC_SERVER_LIVE;
    unlock_server(rs);
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_redis_disable_server(apr_redis_t *rc,
                                                      apr_redis_server_t *rs)
{
    (void)rc;
    lock_server(rs);
    rs->btime = apr_time_now();
    rs->status = APR_RC_SERVER_DEAD;
    unlock_server(rs);
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_redis_server_create(apr_pool_t *p,
                                                     const char *host,
                                                     apr_port_t port,
                                                     apr_uint32_t min,
                                                     apr_uint32_t smax,
                                                     apr_uint32_t max,
                                                     apr_uint32_t ttl,
                                                     apr_uint32_t rwto,
                                                     apr_redis_server_t **ns)
{
    apr_redis_server_t *rs;
    apr_pool_t *np;
    apr_status_t rv;

    rv = apr_pool_create(&np, p);
    if (rv != APR_SUCCESS)
        return rv;
    rs = apr_pcalloc(np, sizeof(*rs));
    rs->p = np;
    rs->host = apr_pstrdup(np, host);
    rs->port = port;
    rs->rwto = rwto;
    rs->status = APR_RC_SERVER_DEAD;   /* until added to a client */
#if APR_HAS_THREADS
    rv = apr_thread_mutex_create(&rs->lock, APR_THREAD_MUTEX_DEFAULT, np);
    if (rv == APR_SUCCESS)
        rv = apr_reslist_create(&rs->conns, (int)min, (int)smax, (int)max,
                                ttl, rc_conn_construct, rc_conn_destruct,
                                rs, np);
    if (rv != APR_SUCCESS) {
        apr_pool_destroy(np);
        return rv;
    }
    /* Close the connections before their sub-pools go. */
    apr_reslist_cleanup_order_set(rs->conns, APR_RESLIST_CLEANUP_FIRST);
#else
    (void)min;
    (void)smax;
    (void)max;
    (void)ttl;
#endif
    *ns = rs;
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_redis_create(apr_pool_t *p,
                                              apr_uint16_t max_servers,
                                              apr_uint32_t flags,
                                              apr_redis_t **rc)
{
    apr_redis_t *m = apr_pcalloc(p, sizeof(*m));

    m->p = p;
    m->flags = flags;
    m->nalloc = max_servers;
    m->live_servers = apr_pcalloc(p, (max_servers ? max_servers : 1)
                                         * sizeof(*m->live_servers));
    *rc = m;
    return APR_SUCCESS;
}

APU_DECLARE(apr_redis_server_t *) apr_redis_find_server(
    apr_redis_t *rc, const char *host, apr_port_t port)
{
    int i;

    for (i = 0; i < rc->ntotal; i++) {
        apr_redis_server_t *rs = rc->live_servers[i];
        if (strcmp(rs->host, host) == 0 && rs->port == port)
            return rs;
    }
    return NULL;
}

APU_DECLARE(apr_status_t) apr_redis_add_server(apr_redis_t *rc,
                                                  apr_redis_server_t *server)
{
    if (rc->ntotal >= rc->nalloc)
        return APR_ENOMEM;
    rc->live_servers[rc->ntotal++] = server;
    return apr_redis_enable_server(rc, server);
}

/* ---------------------------------------------------------------- */
/* Hashing and server choice                                         */

APU_DECLARE(apr_uint32_t) apr_redis_hash_crc32(void *baton,
                                               const char *data,
                                               const apr_size_t data_len)
{
    /* The same CRC-32 as the memcache client's. */
    return apr_memcache_hash_crc32(baton, data, data_len);
}

APU_DECLARE(apr_uint32_t) apr_redis_hash_default(void *baton,
                                                 const char *data,
                                                 const apr_size_t data_len)
{
    return (apr_redis_hash_crc32(baton, data, data_len) >> 16) & 0x7fff;
}

APU_DECLARE(apr_uint32_t) apr_redis_hash(apr_redis_t *rc,
                                         const char *data,
                                         const apr_size_t data_len)
{
    if (rc->hash_func)
        return rc->hash_func(rc->hash_baton, data, data_len);
    return apr_redis_hash_default(NULL, data, data_len);
}

/* A dead server: probe it if its last failure or probe is old enough. */
static int revive(apr_redis_t *rc, apr_redis_server_t *rs,
                  apr_time_t now)
{
    int live = 0;

    lock_server(rs);
    if (rs->status == APR_RC_SERVER_LIVE) {
        live = 1;
    }
    else if (now - rs->btime > RC_RETRY_PERIOD) {
        rs->btime = now;
        if (apr_redis_ping(rs) == APR_SUCCESS) {
            rs->status = APR_RC_SERVER_LIVE;
            live = 1;
        }
    }
    unlock_server(rs);
    (void)rc;
    return live;
}

APU_DECLARE(apr_redis_server_t *) apr_redis_find_server_hash_default(
    void *baton, apr_redis_t *rc, const apr_uint32_t hash)
{
    apr_uint32_t h = hash ? hash : 1;
    apr_time_t now = 0;
    apr_uint32_t i;

    (void)baton;
    for (i = 0; i < rc->ntotal; i++, h++) {
        apr_redis_server_t *rs = rc->live_servers[h % rc->ntotal];
        if (rs->status == APR_RC_SERVER_LIVE)
            return rs;
        if (now == 0)
            now = apr_time_now();
        if (revive(rc, rs, now))
            return rs;
    }
    return NULL;
}

APU_DECLARE(apr_redis_server_t *) apr_redis_find_server_hash(
    apr_redis_t *rc, const apr_uint32_t hash)
{
    if (rc->server_func)
        return rc->server_func(rc->server_baton, rc, hash);
    return apr_redis_find_server_hash_default(NULL, rc, hash);
}

static apr_redis_server_t *server_for_key(apr_redis_t *rc,
                                             const char *key)
{
    return apr_redis_find_server_hash(rc,
                                         apr_redis_hash(rc, key,
                                                           strlen(key)));
}

/* ---------------------------------------------------------------- */
/* One command, one reply line                                       */

/* A failed exchange: the connection is dropped and (with a client) the
 * server marked dead. */
static apr_status_t rc_fail(apr_redis_t *rc, apr_redis_conn_t *conn,
                            apr_status_t rv)
{
    apr_redis_server_t *rs = conn->rs;

    conn_invalidate(conn);
    if (rc)
        apr_redis_disable_server(rc, rs);
    return rv == APR_SUCCESS ? APR_EGENERAL : rv;
}

/* Send vec on a connection to rs and read the first reply line into
 * (*conn)->line. On failure the connection is gone already. */
static apr_status_t rc_exchange(apr_redis_t *rc, apr_redis_server_t *rs,
                                struct iovec *vec, int nvec,
                                apr_redis_conn_t **conn)
{
    apr_status_t rv = conn_acquire(rs, conn);

    if (rv != APR_SUCCESS) {
        if (rc)
            apr_redis_disable_server(rc, rs);
        return rv;
    }
    rv = conn_sendv(*conn, vec, nvec);
    if (rv == APR_SUCCESS)
        rv = conn_read_line(*conn);
    if (rv != APR_SUCCESS)
        return rc_fail(rc, *conn, rv);
    return APR_SUCCESS;
}

#define IOV(v, s, n) ((v).iov_base = (void *)(s), (v).iov_len = (n))
#define RC_MAX_ARGS 4

/* Send a command (a RESP array of bulk strings) to rs and read the first
 * reply line. rc may be NULL (server-level commands: no marking dead). */
static apr_status_t rc_command(apr_redis_t *rc, apr_redis_server_t *rs,
                               int argc, const char *const *argv,
                               const apr_size_t *lens,
                               apr_redis_conn_t **conn)
{
    char heads[RC_MAX_ARGS + 1][32];
    struct iovec vec[1 + 3 * RC_MAX_ARGS];
    int i, nvec = 0;

    apr_snprintf(heads[0], sizeof(heads[0]), "*%d\r\n", argc);
    IOV(vec[nvec], heads[0], strlen(heads[0])), nvec++;
    for (i = 0; i < argc; i++) {
        apr_size_t len = lens ? lens[i] : strlen(argv[i]);
        apr_snprintf(heads[i + 1], sizeof(heads[i + 1]),
                     "$%" APR_SIZE_T_FMT "\r\n", len);
        IOV(vec[nvec], heads[i + 1], strlen(heads[i + 1])), nvec++;
        IOV(vec[nvec], argv[i], len), nvec++;
        IOV(vec[nvec], "\r\n", 2), nvec++;
    }
    return rc_exchange(rc, rs, vec, nvec, conn);
}

/* After a "$<n>" line: the n bytes and their CR LF, NUL-terminated, in
 * p; APR_NOTFOUND for "$-1" (nothing more to read). */
static apr_status_t rc_read_bulk(apr_redis_conn_t *conn, apr_pool_t *p,
                                 char **data, apr_size_t *len)
{
    char crlf[2], *end;
    long n;
    apr_status_t rv;

    if (conn->line[0] != '$')
        return APR_EGENERAL;
    n = strtol(conn->line + 1, &end, 10);
    if (*end != '\0' || n < -1)
        return APR_EGENERAL;
    if (n == -1)
        return APR_NOTFOUND;
    *data = apr_palloc(p, (apr_size_t)n + 1);
    rv = conn_read_exact(conn, *data, (apr_size_t)n);
    if (rv == APR_SUCCESS)
        rv = conn_read_exact(conn, crlf, 2);
    if (rv == APR_SUCCESS && (crlf[0] != '\r' || crlf[1] != '\n'))
        rv = APR_EGENERAL;
    (*data)[n] = '\0';
    *len = (apr_size_t)n;
    return rv;
}

/* A command on the key's server whose reply is one line; *conn is
 * returned for the caller to read that line and release. */
static apr_status_t rc_key_command(apr_redis_t *rc, const char *key,
                                   int argc, const char *const *argv,
                                   const apr_size_t *lens,
                                   apr_redis_conn_t **conn)
{
    apr_redis_server_t *rs = server_for_key(rc, key);

    if (!rs)
        return APR_NOTFOUND;
    return rc_command(rc, rs, argc, argv, lens, conn);
}

/* "+OK" or not. */
static apr_status_t rc_expect_ok(apr_redis_conn_t *conn)
{
    apr_status_t rv = strcmp(conn->line, "+OK") == 0 ? APR_SUCCESS
                                                      : APR_EGENERAL;
    conn_release(conn);
    return rv;
}

APU_DECLARE(apr_status_t) apr_redis_set(apr_redis_t *rc, const char *key,
                                        char *baton,
                                        const apr_size_t data_size,
                                        apr_uint16_t flags)
{
    const char *argv[3] = { "SET", key, baton };
    apr_size_t lens[3] = { 3, strlen(key), data_size };
    apr_redis_conn_t *conn;
    apr_status_t rv = rc_key_command(rc, key, 3, argv, lens, &conn);

    (void)flags;
    return rv == APR_SUCCESS ? rc_expect_ok(conn) : rv;
}

APU_DECLARE(apr_status_t) apr_redis_setex(apr_redis_t *rc, const char *key,
                                          char *baton,
                                          const apr_size_t data_size,
                                          apr_uint32_t timeout,
                                          apr_uint16_t flags)
{
    char secs[16];
    const char *argv[4] = { "SETEX", key, secs, baton };
    apr_size_t lens[4];
    apr_redis_conn_t *conn;
    apr_status_t rv;

    (void)flags;
    apr_snprintf(secs, sizeof(secs), "%u", (unsigned)timeout);
    lens[0] = 5;
    lens[1] = strlen(key);
    lens[2] = strlen(secs);
    lens[3] = data_size;
    rv = rc_key_command(rc, key, 4, argv, lens, &conn);
    return rv == APR_SUCCESS ? rc_expect_ok(conn) : rv;
}

APU_DECLARE(apr_status_t) apr_redis_getp(apr_redis_t *rc, apr_pool_t *p,
                                         const char *key, char **baton,
                                         apr_size_t *len,
                                         apr_uint16_t *flags)
{
    const char *argv[2] = { "GET", key };
    apr_redis_conn_t *conn;
    apr_status_t rv = rc_key_command(rc, key, 2, argv, NULL, &conn);

    (void)flags;    /* redis keeps no flags; left as they are */
    if (rv != APR_SUCCESS)
        return rv;
    if (conn->line[0] == '-') {           /* e.g. WRONGTYPE */
        conn_release(conn);
        return APR_EGENERAL;
    }
    rv = rc_read_bulk(conn, p, baton, len);
    if (rv == APR_SUCCESS || rv == APR_NOTFOUND) {
        conn_release(conn);
        return rv;
    }
    return rc_fail(rc, conn, rv);
}

APU_DECLARE(apr_status_t) apr_redis_delete(apr_redis_t *rc, const char *key,
                                           apr_uint32_t timeout)
{
    const char *argv[2] = { "DEL", key };
    apr_redis_conn_t *conn;
    apr_status_t rv = rc_key_command(rc, key, 2, argv, NULL, &conn);

    (void)timeout;
    if (rv != APR_SUCCESS)
        return rv;
    if (strcmp(conn->line, ":1") == 0)
        rv = APR_SUCCESS;
    else if (strcmp(conn->line, ":0") == 0)
        rv = APR_NOTFOUND;
    else
        rv = APR_EGENERAL;
    conn_release(conn);
    return rv;
}

static apr_status_t rc_incr_decr(apr_redis_t *rc, const char *cmd,
                                 const char *key, apr_int32_t inc,
                                 apr_uint32_t *new_value)
{
    char amount[16];
    const char *argv[3] = { cmd, key, amount };
    apr_redis_conn_t *conn;
    apr_status_t rv;

    apr_snprintf(amount, sizeof(amount), "%d", (int)inc);
    rv = rc_key_command(rc, key, 3, argv, NULL, &conn);
    if (rv != APR_SUCCESS)
        return rv;
    if (conn->line[0] == ':') {
        if (new_value)
            *new_value = (apr_uint32_t)apr_atoi64(conn->line + 1);
        rv = APR_SUCCESS;
    }
    else {
        rv = APR_EGENERAL;    /* "-ERR value is not an integer..." */
    }
    conn_release(conn);
    return rv;
}

APU_DECLARE(apr_status_t) apr_redis_incr(apr_redis_t *rc, const char *key,
                                         apr_int32_t inc,
                                         apr_uint32_t *new_value)
{
    return rc_incr_decr(rc, "INCRBY", key, inc, new_value);
}

APU_DECLARE(apr_status_t) apr_redis_decr(apr_redis_t *rc, const char *key,
                                         apr_int32_t inc,
                                         apr_uint32_t *new_value)
{
    return rc_incr_decr(rc, "DECRBY", key, inc, new_value);
}

APU_DECLARE(apr_status_t) apr_redis_ping(apr_redis_server_t *rs)
{
    static const char *const argv[1] = { "PING" };
    apr_redis_conn_t *conn;
    apr_status_t rv = rc_command(NULL, rs, 1, argv, NULL, &conn);

    if (rv != APR_SUCCESS)
        return rv;
    rv = strcmp(conn->line, "+PONG") == 0 ? APR_SUCCESS : APR_EGENERAL;
    conn_release(conn);
    return rv;
}

APU_DECLARE(apr_status_t) apr_redis_info(apr_redis_server_t *rs,
                                         apr_pool_t *p, char **baton)
{
    static const char *const argv[1] = { "INFO" };
    apr_redis_conn_t *conn;
    apr_size_t len;
    apr_status_t rv = rc_command(NULL, rs, 1, argv, NULL, &conn);

    if (rv != APR_SUCCESS)
        return rv;
    if (conn->line[0] == '-') {
        conn_release(conn);
        return APR_EGENERAL;
    }
    rv = rc_read_bulk(conn, p, baton, &len);
    if (rv == APR_SUCCESS) {
        conn_release(conn);
        return APR_SUCCESS;
    }
    if (rv == APR_NOTFOUND) {
        conn_release(conn);
        return APR_EGENERAL;
    }
    return rc_fail(NULL, conn, rv);
}

/* The value of "name:" in an INFO report, or NULL. */
static const char *info_field(const char *info, const char *name)
{
    apr_size_t n = strlen(name);
    const char *at = info;

    while ((at = strstr(at, name)) != NULL) {
        if ((at == info || at[-1] == '\n') && at[n] == ':')
            return at + n + 1;
        at += n;
    }
    return NULL;
}

APU_DECLARE(apr_status_t) apr_redis_version(apr_redis_server_t *rs,
                                            apr_pool_t *p, char **baton)
{
    const char *v;
    char *info, *end;
    apr_status_t rv;

    if (rs->version.major != 0) {
        *baton = apr_pstrdup(p, rs->version.number);
        return APR_SUCCESS;
    }
    rv = apr_redis_info(rs, p, &info);
    if (rv != APR_SUCCESS)
        return rv;
    v = info_field(info, "redis_version");
    if (!v)
        return APR_EGENERAL;
    end = (char *)v + strcspn(v, "\r\n");
    *baton = apr_pstrmemdup(p, v, (apr_size_t)(end - v));
    /* Kept in the server (its pool) for later calls. */
    lock_server(rs);
    if (rs->version.major == 0) {
        rs->version.minor = 0;
        rs->version.patch = 0;
        rs->version.number = apr_pstrdup(rs->p, *baton);
        sscanf(*baton, "%d.%d.%d", &rs->version.major, &rs->version.minor,
               &rs->version.patch);
    }
    unlock_server(rs);
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_redis_multgetp(apr_redis_t *rc,
                                             apr_pool_t *temp_pool,
                                             apr_pool_t *data_pool,
                                             apr_hash_t *values)
{
    /* Not implemented in APR-util 1.6 either: callers check for this. */
    (void)rc;
    (void)temp_pool;
    (void)data_pool;
    (void)values;
    return APR_ENOTIMPL;
}

#define INFO_U32(f) { #f, 0, offsetof(apr_redis_stats_t, f) }
#define INFO_U64(f) { #f, 1, offsetof(apr_redis_stats_t, f) }

static const struct {
    const char *name;
    int kind;      /* 0: u32, 1: u64 */
    apr_size_t offset;
} info_fields[] = {
    INFO_U32(process_id), INFO_U32(uptime_in_seconds), INFO_U32(arch_bits),
    INFO_U32(connected_clients), INFO_U32(blocked_clients),
    INFO_U64(maxmemory), INFO_U64(used_memory), INFO_U64(total_system_memory),
    INFO_U64(total_connections_received), INFO_U64(total_commands_processed),
    INFO_U64(rejected_connections), INFO_U64(total_net_input_bytes),
    INFO_U64(total_net_output_bytes), INFO_U64(keyspace_hits),
    INFO_U64(keyspace_misses), INFO_U32(connected_slaves),
    INFO_U32(used_cpu_sys), INFO_U32(used_cpu_user),
    INFO_U32(cluster_enabled),
};

APU_DECLARE(apr_status_t) apr_redis_stats(apr_redis_server_t *rs,
                                          apr_pool_t *p,
                                          apr_redis_stats_t **stats)
{
    apr_redis_stats_t *st;
    const char *v;
    char *info;
    apr_size_t i;
    apr_status_t rv = apr_redis_info(rs, p, &info);

    if (rv != APR_SUCCESS)
        return rv;
    st = apr_pcalloc(p, sizeof(*st));
    v = info_field(info, "redis_version");
    if (v)
        sscanf(v, "%u.%u.%u", &st->major, &st->minor, &st->patch);
    for (i = 0; i < sizeof(info_fields) / sizeof(info_fields[0]); i++) {
        char *at = (char *)st + info_fields[i].offset;
        apr_uint64_t n;
        v = info_field(info, info_fields[i].name);
        if (!v)
            continue;
        /* CPU seconds come as "1.234": the whole part is kept. */
        n = (apr_uint64_t)apr_strtoi64(v, NULL, 10);
        if (info_fields[i].kind) {
            memcpy(at, &n, sizeof(n));
        }
        else {
            apr_uint32_t n32 = (apr_uint32_t)n;
            memcpy(at, &n32, sizeof(n32));
        }
    }
    v = info_field(info, "role");
    if (v && strncmp(v, "master", 6) == 0)
        st->role = APR_RS_SERVER_MASTER;
    else if (v && strncmp(v, "slave", 5) == 0)
        st->role = APR_RS_SERVER_SLAVE;
    else
        st->role = APR_RS_SERVER_UNKNOWN;
    *stats = st;
    return APR_SUCCESS;
}
