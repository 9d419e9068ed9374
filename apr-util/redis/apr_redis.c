/*
 * apr_redis: a redis client speaking RESP.
 *
 * The same machinery as apr_memcache.c (shared: see
 * misc/apu_srvconn_internal.h): each server keeps its connections in an
 * apr_reslist; a call takes one, sends its command as a RESP array of bulk
 * strings, reads the reply through the connection's read buffer and gives
 * the connection back. A connection that failed (or whose reply could not
 * be understood) is invalidated instead and the server marked dead; a dead
 * server is probed again (PING) at most every five seconds. Connections
 * opened before a server was last marked dead are dropped when taken.
 * Every socket operation is bounded by the server's rwto.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "apr_memcache.h"   /* apr_memcache_hash_crc32() */
#include "apr_redis.h"
#include "apr_strings.h"
#include "apr_time.h"
#include "../misc/apu_srvconn_internal.h"

_Static_assert(sizeof(apr_redis_server_status_t) == sizeof(int)
                   && APR_RC_SERVER_LIVE == APU__SRV_LIVE
                   && APR_RC_SERVER_DEAD == APU__SRV_DEAD,
               "apu__srv_t.status points at an apr_redis_server_status_t");

/* ---------------------------------------------------------------- */
/* Servers                                                           */

static apr_status_t rc_connect(void *server, apr_socket_t *sock,
                               apr_sockaddr_t *sa)
{
    apr_redis_server_t *rs = server;
    apr_status_t rv;

    /* rwto bounds the connection and every read and write (0: none). */
    rv = apr_socket_timeout_set(sock, rs->rwto
                                    ? apr_time_from_sec(rs->rwto) : -1);
    if (rv == APR_SUCCESS)
        rv = apr_socket_connect(sock, sa);
    return rv;
}

/* The probe of a dead server. */
static apr_status_t rc_ping(void *server)
{
    return apr_redis_ping(server);
}

/* rs for the shared connection code. */
static void rc_describe(apr_redis_server_t *rs, apu__srv_t *d)
{
    d->server = rs;
    d->host = &rs->host;
    d->port = &rs->port;
    d->status = (int *)&rs->status;
#if APR_HAS_THREADS
    d->conns = &rs->conns;
    d->lock = &rs->lock;
#else
    d->conn = (void **)&rs->conn;
#endif
    d->p = &rs->p;
    d->btime = &rs->btime;
    d->connect = rc_connect;
    d->probe = rc_ping;
}

APU_DECLARE(apr_status_t) apr_redis_enable_server(apr_redis_t *rc,
                                                  apr_redis_server_t *rs)
{
    apu__srv_t d;

    (void)rc;
    rc_describe(rs, &d);
    apu__srv_enable(&d);
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_redis_disable_server(apr_redis_t *rc,
                                                   apr_redis_server_t *rs)
{
    apu__srv_t d;

    (void)rc;
    rc_describe(rs, &d);
    apu__srv_disable(&d);
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
    apu__srv_t d;
    apr_pool_t *np;
    apr_status_t rv;

    rv = apr_pool_create(&np, p);
    if (rv != APR_SUCCESS)
        return rv;
    rs = apr_pcalloc(np, sizeof(*rs));
    rs->rwto = rwto;
    rc_describe(rs, &d);
    rv = apu__srv_init(&d, np, host, port, min, smax, max, ttl);
    if (rv != APR_SUCCESS) {
        apr_pool_destroy(np);
        return rv;
    }
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

static void rc_nth(void *client, int i, apu__srv_t *d)
{
    rc_describe(((apr_redis_t *)client)->live_servers[i], d);
}

APU_DECLARE(apr_redis_server_t *) apr_redis_find_server_hash_default(
    void *baton, apr_redis_t *rc, const apr_uint32_t hash)
{
    int i;

    (void)baton;
    i = apu__srv_pick(rc->ntotal, hash, rc_nth, rc);
    return i < 0 ? NULL : rc->live_servers[i];
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
static apr_status_t rc_fail(apr_redis_t *rc, apu__conn_t *conn,
                            apr_status_t rv)
{
    return apu__conn_fail(conn, rc != NULL, rv);
}

/* Send vec on a connection to rs and read the first reply line into
 * (*conn)->line. On failure the connection is gone already. */
static apr_status_t rc_exchange(apr_redis_t *rc, apr_redis_server_t *rs,
                                struct iovec *vec, int nvec,
                                apu__conn_t **conn)
{
    apu__srv_t d;

    rc_describe(rs, &d);
    return apu__conn_exchange(&d, rc != NULL, vec, nvec, conn);
}

#define IOV(v, s, n) ((v).iov_base = (void *)(s), (v).iov_len = (n))
#define RC_MAX_ARGS 4

/* Send a command (a RESP array of bulk strings) to rs and read the first
 * reply line. rc may be NULL (server-level commands: no marking dead). */
static apr_status_t rc_command(apr_redis_t *rc, apr_redis_server_t *rs,
                               int argc, const char *const *argv,
                               const apr_size_t *lens,
                               apu__conn_t **conn)
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
static apr_status_t rc_read_bulk(apu__conn_t *conn, apr_pool_t *p,
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
    rv = apu__conn_read_exact(conn, *data, (apr_size_t)n);
    if (rv == APR_SUCCESS)
        rv = apu__conn_read_exact(conn, crlf, 2);
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
                                   apu__conn_t **conn)
{
    apr_redis_server_t *rs = server_for_key(rc, key);

    if (!rs)
        return APR_NOTFOUND;
    return rc_command(rc, rs, argc, argv, lens, conn);
}

/* "+OK" or not. */
static apr_status_t rc_expect_ok(apu__conn_t *conn)
{
    apr_status_t rv = strcmp(conn->line, "+OK") == 0 ? APR_SUCCESS
                                                      : APR_EGENERAL;
    apu__conn_release(conn);
    return rv;
}

APU_DECLARE(apr_status_t) apr_redis_set(apr_redis_t *rc, const char *key,
                                        char *baton,
                                        const apr_size_t data_size,
                                        apr_uint16_t flags)
{
    const char *argv[3] = { "SET", key, baton };
    apr_size_t lens[3] = { 3, strlen(key), data_size };
    apu__conn_t *conn;
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
    apu__conn_t *conn;
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
    apu__conn_t *conn;
    apr_status_t rv = rc_key_command(rc, key, 2, argv, NULL, &conn);

    (void)flags;    /* redis keeps no flags; left as they are */
    if (rv != APR_SUCCESS)
        return rv;
    if (conn->line[0] == '-') {           /* e.g. WRONGTYPE */
        apu__conn_release(conn);
        return APR_EGENERAL;
    }
    rv = rc_read_bulk(conn, p, baton, len);
    if (rv == APR_SUCCESS || rv == APR_NOTFOUND) {
        apu__conn_release(conn);
        return rv;
    }
    return rc_fail(rc, conn, rv);
}

APU_DECLARE(apr_status_t) apr_redis_delete(apr_redis_t *rc, const char *key,
                                           apr_uint32_t timeout)
{
    const char *argv[2] = { "DEL", key };
    apu__conn_t *conn;
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
    apu__conn_release(conn);
    return rv;
}

static apr_status_t rc_incr_decr(apr_redis_t *rc, const char *cmd,
                                 const char *key, apr_int32_t inc,
                                 apr_uint32_t *new_value)
{
    char amount[16];
    const char *argv[3] = { cmd, key, amount };
    apu__conn_t *conn;
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
    apu__conn_release(conn);
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
    apu__conn_t *conn;
    apr_status_t rv = rc_command(NULL, rs, 1, argv, NULL, &conn);

    if (rv != APR_SUCCESS)
        return rv;
    rv = strcmp(conn->line, "+PONG") == 0 ? APR_SUCCESS : APR_EGENERAL;
    apu__conn_release(conn);
    return rv;
}

APU_DECLARE(apr_status_t) apr_redis_info(apr_redis_server_t *rs,
                                         apr_pool_t *p, char **baton)
{
    static const char *const argv[1] = { "INFO" };
    apu__conn_t *conn;
    apr_size_t len;
    apr_status_t rv = rc_command(NULL, rs, 1, argv, NULL, &conn);

    if (rv != APR_SUCCESS)
        return rv;
    if (conn->line[0] == '-') {
        apu__conn_release(conn);
        return APR_EGENERAL;
    }
    rv = rc_read_bulk(conn, p, baton, &len);
    if (rv == APR_SUCCESS) {
        apu__conn_release(conn);
        return APR_SUCCESS;
    }
    if (rv == APR_NOTFOUND) {
        apu__conn_release(conn);
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
#if APR_HAS_THREADS
    apr_thread_mutex_lock(rs->lock);
#endif
    if (rs->version.major == 0) {
        rs->version.minor = 0;
        rs->version.patch = 0;
        rs->version.number = apr_pstrdup(rs->p, *baton);
        sscanf(*baton, "%d.%d.%d", &rs->version.major, &rs->version.minor,
               &rs->version.patch);
    }
#if APR_HAS_THREADS
    apr_thread_mutex_unlock(rs->lock);
#endif
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
