/*
 * apr_memcache: a memcached client speaking the text protocol.
 *
 * Each server keeps its connections in an apr_reslist; a call takes one,
 * sends its command, reads the reply through the connection's own read
 * buffer and gives the connection back. A connection that failed (or
 * whose reply could not be understood, so that it may be out of step) is
 * invalidated instead, and the server marked dead; a dead server is
 * probed again ("version") at most every five seconds. That machinery is
 * shared with apr_redis.c: see misc/apu_srvconn_internal.h.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "apr_memcache.h"
#include "apr_strings.h"
#include "apr_time.h"
#include "../misc/apu_srvconn_internal.h"

#define MC_CONNECT_TIMEOUT apr_time_from_sec(1)

_Static_assert(sizeof(apr_memcache_server_status_t) == sizeof(int)
                   && APR_MC_SERVER_LIVE == APU__SRV_LIVE
                   && APR_MC_SERVER_DEAD == APU__SRV_DEAD,
               "apu__srv_t.status points at an apr_memcache_server_status_t");

/* ---------------------------------------------------------------- */
/* Servers                                                           */

static apr_status_t mc_connect(void *server, apr_socket_t *sock,
                               apr_sockaddr_t *sa)
{
    apr_status_t rv;

    (void)server;
    /* A short timeout for the connection only; then blocking I/O, as in
     * APR-util (a value read may be large and the server slow). */
    rv = apr_socket_timeout_set(sock, MC_CONNECT_TIMEOUT);
    if (rv == APR_SUCCESS)
        rv = apr_socket_connect(sock, sa);
    if (rv == APR_SUCCESS)
        rv = apr_socket_timeout_set(sock, -1);
    return rv;
}

/* Whether a server answers "version" (the probe of a dead server). */
static apr_status_t mc_version_ping(void *server)
{
    apr_memcache_server_t *ms = server;
    apr_pool_t *tp;
    apr_status_t rv;
    char *v;

    rv = apr_pool_create(&tp, ms->p);
    if (rv != APR_SUCCESS)
        return rv;
    rv = apr_memcache_version(ms, tp, &v);
    apr_pool_destroy(tp);
    return rv;
}

/* ms for the shared connection code. */
static void mc_describe(apr_memcache_server_t *ms, apu__srv_t *d)
{
    d->server = ms;
    d->host = &ms->host;
    d->port = &ms->port;
    d->status = (int *)&ms->status;
#if APR_HAS_THREADS
    d->conns = &ms->conns;
    d->lock = &ms->lock;
#else
    d->conn = (void **)&ms->conn;
#endif
    d->p = &ms->p;
    d->btime = &ms->btime;
    d->connect = mc_connect;
    d->probe = mc_version_ping;
}

APU_DECLARE(apr_status_t) apr_memcache_enable_server(apr_memcache_t *mc,
                                                     apr_memcache_server_t *ms)
{
    apu__srv_t d;

    (void)mc;
    mc_describe(ms, &d);
    apu__srv_enable(&d);
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_memcache_disable_server(apr_memcache_t *mc,
                                                      apr_memcache_server_t *ms)
{
    apu__srv_t d;

    (void)mc;
    mc_describe(ms, &d);
    apu__srv_disable(&d);
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_memcache_server_create(apr_pool_t *p,
                                                     const char *host,
                                                     apr_port_t port,
                                                     apr_uint32_t min,
                                                     apr_uint32_t smax,
                                                     apr_uint32_t max,
                                                     apr_uint32_t ttl,
                                                     apr_memcache_server_t **ns)
{
    apr_memcache_server_t *ms;
    apu__srv_t d;
    apr_pool_t *np;
    apr_status_t rv;

    rv = apr_pool_create(&np, p);
    if (rv != APR_SUCCESS)
        return rv;
    ms = apr_pcalloc(np, sizeof(*ms));
    mc_describe(ms, &d);
    rv = apu__srv_init(&d, np, host, port, min, smax, max, ttl);
    if (rv != APR_SUCCESS) {
        apr_pool_destroy(np);
        return rv;
    }
    *ns = ms;
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_memcache_create(apr_pool_t *p,
                                              apr_uint16_t max_servers,
                                              apr_uint32_t flags,
                                              apr_memcache_t **mc)
{
    apr_memcache_t *m = apr_pcalloc(p, sizeof(*m));

    m->p = p;
    m->flags = flags;
    m->nalloc = max_servers;
    m->live_servers = apr_pcalloc(p, (max_servers ? max_servers : 1)
                                         * sizeof(*m->live_servers));
    *mc = m;
    return APR_SUCCESS;
}

APU_DECLARE(apr_memcache_server_t *) apr_memcache_find_server(
    apr_memcache_t *mc, const char *host, apr_port_t port)
{
    int i;

    for (i = 0; i < mc->ntotal; i++) {
        apr_memcache_server_t *ms = mc->live_servers[i];
        if (strcmp(ms->host, host) == 0 && ms->port == port)
            return ms;
    }
    return NULL;
}

APU_DECLARE(apr_status_t) apr_memcache_add_server(apr_memcache_t *mc,
                                                  apr_memcache_server_t *server)
{
    if (mc->ntotal >= mc->nalloc)
        return APR_ENOMEM;
    mc->live_servers[mc->ntotal++] = server;
    return apr_memcache_enable_server(mc, server);
}

/* ---------------------------------------------------------------- */
/* Hashing and server choice                                         */

/* CRC-32 (reflected polynomial 0xEDB88320), four bits at a time. */
static const apr_uint32_t crc_nibble[16] = {
    0x00000000, 0x1DB71064, 0x3B6E20C8, 0x26D930AC,
    0x76DC4190, 0x6B6B51F4, 0x4DB26158, 0x5005713C,
    0xEDB88320, 0xF00F9344, 0xD6D6A3E8, 0xCB61B38C,
    0x9B64C2B0, 0x86D3D2D4, 0xA00AE278, 0xBDBDF21C
};

APU_DECLARE(apr_uint32_t) apr_memcache_hash_crc32(void *baton,
                                                  const char *data,
                                                  const apr_size_t data_len)
{
    apr_uint32_t crc = 0xFFFFFFFF;
    apr_size_t i;

    (void)baton;
    for (i = 0; i < data_len; i++) {
        crc ^= (unsigned char)data[i];
        crc = (crc >> 4) ^ crc_nibble[crc & 0xF];
        crc = (crc >> 4) ^ crc_nibble[crc & 0xF];
    }
    return ~crc;
}

APU_DECLARE(apr_uint32_t) apr_memcache_hash_default(void *baton,
                                                    const char *data,
                                                    const apr_size_t data_len)
{
    return (apr_memcache_hash_crc32(baton, data, data_len) >> 16) & 0x7fff;
}

APU_DECLARE(apr_uint32_t) apr_memcache_hash(apr_memcache_t *mc,
                                            const char *data,
                                            const apr_size_t data_len)
{
    if (mc->hash_func)
        return mc->hash_func(mc->hash_baton, data, data_len);
    return apr_memcache_hash_default(NULL, data, data_len);
}

static void mc_nth(void *client, int i, apu__srv_t *d)
{
    mc_describe(((apr_memcache_t *)client)->live_servers[i], d);
}

APU_DECLARE(apr_memcache_server_t *) apr_memcache_find_server_hash_default(
    void *baton, apr_memcache_t *mc, const apr_uint32_t hash)
{
    int i;

    (void)baton;
    i = apu__srv_pick(mc->ntotal, hash, mc_nth, mc);
    return i < 0 ? NULL : mc->live_servers[i];
}

APU_DECLARE(apr_memcache_server_t *) apr_memcache_find_server_hash(
    apr_memcache_t *mc, const apr_uint32_t hash)
{
    if (mc->server_func)
        return mc->server_func(mc->server_baton, mc, hash);
    return apr_memcache_find_server_hash_default(NULL, mc, hash);
}

static apr_memcache_server_t *server_for_key(apr_memcache_t *mc,
                                             const char *key)
{
    return apr_memcache_find_server_hash(mc,
                                         apr_memcache_hash(mc, key,
                                                           strlen(key)));
}

/* ---------------------------------------------------------------- */
/* One command, one reply line                                       */

/* A failed exchange: the connection is dropped and (with a client) the
 * server marked dead. */
static apr_status_t mc_fail(apr_memcache_t *mc, apu__conn_t *conn,
                            apr_status_t rv)
{
    return apu__conn_fail(conn, mc != NULL, rv);
}

/* Send vec on a connection to ms and read the first reply line into
 * (*conn)->line. On failure the connection is gone already. */
static apr_status_t mc_exchange(apr_memcache_t *mc, apr_memcache_server_t *ms,
                                struct iovec *vec, int nvec,
                                apu__conn_t **conn)
{
    apu__srv_t d;

    mc_describe(ms, &d);
    return apu__conn_exchange(&d, mc != NULL, vec, nvec, conn);
}

#define IOV(v, s, n) ((v).iov_base = (void *)(s), (v).iov_len = (n))

/* set, add, replace: "<cmd> <key> <flags> <exptime> <bytes>" + data. */
static apr_status_t mc_store(apr_memcache_t *mc, const char *cmd,
                             const char *key, const char *data,
                             apr_size_t len, apr_uint32_t timeout,
                             apr_uint16_t flags)
{
    apr_memcache_server_t *ms = server_for_key(mc, key);
    apu__conn_t *conn;
    struct iovec vec[5];
    char head[80];
    apr_status_t rv;

    if (!ms)
        return APR_NOTFOUND;
    apr_snprintf(head, sizeof(head), " %u %u %" APR_SIZE_T_FMT "\r\n",
                 (unsigned)flags, (unsigned)timeout, len);
    IOV(vec[0], cmd, strlen(cmd));
    IOV(vec[1], key, strlen(key));
    IOV(vec[2], head, strlen(head));
    IOV(vec[3], data, len);
    IOV(vec[4], "\r\n", 2);
    rv = mc_exchange(mc, ms, vec, 5, &conn);
    if (rv != APR_SUCCESS)
        return rv;
    if (strcmp(conn->line, "STORED") == 0)
        rv = APR_SUCCESS;
    else if (strcmp(conn->line, "NOT_STORED") == 0)
        rv = APR_EEXIST;
    else
        rv = APR_EGENERAL;
    apu__conn_release(conn);
    return rv;
}

APU_DECLARE(apr_status_t) apr_memcache_set(apr_memcache_t *mc,
                                           const char *key, char *baton,
                                           const apr_size_t data_size,
                                           apr_uint32_t timeout,
                                           apr_uint16_t flags)
{
    return mc_store(mc, "set ", key, baton, data_size, timeout, flags);
}

APU_DECLARE(apr_status_t) apr_memcache_add(apr_memcache_t *mc,
                                           const char *key, char *baton,
                                           const apr_size_t data_size,
                                           apr_uint32_t timeout,
                                           apr_uint16_t flags)
{
    return mc_store(mc, "add ", key, baton, data_size, timeout, flags);
}

APU_DECLARE(apr_status_t) apr_memcache_replace(apr_memcache_t *mc,
                                               const char *key, char *baton,
                                               const apr_size_t data_size,
                                               apr_uint32_t timeout,
                                               apr_uint16_t flags)
{
    return mc_store(mc, "replace ", key, baton, data_size, timeout, flags);
}

APU_DECLARE(apr_status_t) apr_memcache_delete(apr_memcache_t *mc,
                                              const char *key,
                                              apr_uint32_t timeout)
{
    apr_memcache_server_t *ms = server_for_key(mc, key);
    apu__conn_t *conn;
    struct iovec vec[3];
    char tail[32];
    apr_status_t rv;

    if (!ms)
        return APR_NOTFOUND;
    /* Current servers refuse a non-zero hold time; send what we got. */
    if (timeout)
        apr_snprintf(tail, sizeof(tail), " %u\r\n", (unsigned)timeout);
    else
        strcpy(tail, "\r\n");
    IOV(vec[0], "delete ", 7);
    IOV(vec[1], key, strlen(key));
    IOV(vec[2], tail, strlen(tail));
    rv = mc_exchange(mc, ms, vec, 3, &conn);
    if (rv != APR_SUCCESS)
        return rv;
    if (strcmp(conn->line, "DELETED") == 0)
        rv = APR_SUCCESS;
    else if (strcmp(conn->line, "NOT_FOUND") == 0)
        rv = APR_NOTFOUND;
    else
        rv = APR_EGENERAL;
    apu__conn_release(conn);
    return rv;
}

static apr_status_t mc_incr_decr(apr_memcache_t *mc, const char *cmd,
                                 const char *key, apr_int32_t n,
                                 apr_uint32_t *nv)
{
    apr_memcache_server_t *ms = server_for_key(mc, key);
    apu__conn_t *conn;
    struct iovec vec[3];
    char tail[32];
    apr_status_t rv;

    if (!ms)
        return APR_NOTFOUND;
    apr_snprintf(tail, sizeof(tail), " %d\r\n", (int)n);
    IOV(vec[0], cmd, strlen(cmd));
    IOV(vec[1], key, strlen(key));
    IOV(vec[2], tail, strlen(tail));
    rv = mc_exchange(mc, ms, vec, 3, &conn);
    if (rv != APR_SUCCESS)
        return rv;
    if (strcmp(conn->line, "NOT_FOUND") == 0) {
        rv = APR_NOTFOUND;
    }
    else if (conn->line[0] >= '0' && conn->line[0] <= '9') {
        if (nv)
            *nv = (apr_uint32_t)strtoul(conn->line, NULL, 10);
        rv = APR_SUCCESS;
    }
    else {
        rv = APR_EGENERAL;
    }
    apu__conn_release(conn);
    return rv;
}

APU_DECLARE(apr_status_t) apr_memcache_incr(apr_memcache_t *mc,
                                            const char *key, apr_int32_t n,
                                            apr_uint32_t *nv)
{
    return mc_incr_decr(mc, "incr ", key, n, nv);
}

APU_DECLARE(apr_status_t) apr_memcache_decr(apr_memcache_t *mc,
                                            const char *key, apr_int32_t n,
                                            apr_uint32_t *new_value)
{
    return mc_incr_decr(mc, "decr ", key, n, new_value);
}

APU_DECLARE(apr_status_t) apr_memcache_version(apr_memcache_server_t *ms,
                                               apr_pool_t *p, char **baton)
{
    apu__conn_t *conn;
    struct iovec vec[1];
    apr_status_t rv;

    IOV(vec[0], "version\r\n", 9);
    rv = mc_exchange(NULL, ms, vec, 1, &conn);
    if (rv != APR_SUCCESS)
        return rv;
    if (strncmp(conn->line, "VERSION ", 8) == 0) {
        *baton = apr_pstrdup(p, conn->line + 8);
        rv = APR_SUCCESS;
    }
    else {
        rv = APR_EGENERAL;
    }
    apu__conn_release(conn);
    return rv;
}

/* ---------------------------------------------------------------- */
/* Retrieval                                                         */

/* Parse "VALUE <key> <flags> <bytes>" (the line's key is returned in
 * *key, pointing into the line). */
static int parse_value_line(char *line, char **key, apr_uint16_t *flags,
                            apr_size_t *len)
{
    char *last, *k, *f, *l, *end;

    if (strncmp(line, "VALUE ", 6) != 0)
        return 0;
    k = apr_strtok(line + 6, " ", &last);
    f = apr_strtok(NULL, " ", &last);
    l = apr_strtok(NULL, " ", &last);
    if (!k || !f || !l)
        return 0;
    *key = k;
    *flags = (apr_uint16_t)strtoul(f, NULL, 10);
    *len = (apr_size_t)strtoul(l, &end, 10);
    return *end == '\0';
}

/* Read a value's bytes and their CR LF into a NUL-terminated copy. */
static apr_status_t read_value(apu__conn_t *conn, apr_pool_t *p,
                               apr_size_t len, char **data)
{
    char crlf[2];
    apr_status_t rv;

    *data = apr_palloc(p, len + 1);
    rv = apu__conn_read_exact(conn, *data, len);
    if (rv == APR_SUCCESS)
        rv = apu__conn_read_exact(conn, crlf, 2);
    if (rv == APR_SUCCESS && (crlf[0] != '\r' || crlf[1] != '\n'))
        rv = APR_EGENERAL;
    (*data)[len] = '\0';
    return rv;
}

APU_DECLARE(apr_status_t) apr_memcache_getp(apr_memcache_t *mc,
                                            apr_pool_t *p, const char *key,
                                            char **baton, apr_size_t *len,
                                            apr_uint16_t *flags)
{
    apr_memcache_server_t *ms = server_for_key(mc, key);
    apu__conn_t *conn;
    struct iovec vec[3];
    apr_uint16_t f;
    apr_size_t n;
    char *k;
    apr_status_t rv;

    if (!ms)
        return APR_NOTFOUND;
    IOV(vec[0], "get ", 4);
    IOV(vec[1], key, strlen(key));
    IOV(vec[2], "\r\n", 2);
    rv = mc_exchange(mc, ms, vec, 3, &conn);
    if (rv != APR_SUCCESS)
        return rv;
    if (strcmp(conn->line, "END") == 0) {
        apu__conn_release(conn);
        return APR_NOTFOUND;
    }
    if (!parse_value_line(conn->line, &k, &f, &n))
        return mc_fail(mc, conn, APR_EGENERAL);
    rv = read_value(conn, p, n, baton);
    if (rv == APR_SUCCESS)
        rv = apu__conn_read_line(conn);
    if (rv != APR_SUCCESS || strcmp(conn->line, "END") != 0)
        return mc_fail(mc, conn, rv);
    apu__conn_release(conn);
    *len = n;
    if (flags)
        *flags = f;
    return APR_SUCCESS;
}

APU_DECLARE(void) apr_memcache_add_multget_key(apr_pool_t *data_pool,
                                               const char *key,
                                               apr_hash_t **values)
{
    apr_memcache_value_t *value;
    apr_size_t klen = strlen(key);

    if (*values == NULL)
        *values = apr_hash_make(data_pool);
    value = apr_pcalloc(data_pool, sizeof(*value));
    value->key = apr_pstrmemdup(data_pool, key, klen);
    value->status = APR_NOTFOUND;
    apr_hash_set(*values, value->key, klen, value);
}

/* One server's share of a multiget: "get k1 k2 ...", then VALUE blocks
 * until END. */
static apr_status_t multget_server(apr_memcache_t *mc,
                                   apr_memcache_server_t *ms,
                                   apr_array_header_t *keys,
                                   apr_pool_t *temp_pool,
                                   apr_pool_t *data_pool, apr_hash_t *values)
{
    struct iovec *vec = apr_palloc(temp_pool, sizeof(*vec) * 2
                                                  * (keys->nelts + 1));
    apu__conn_t *conn;
    apr_status_t rv;
    int i, nvec = 0;

    IOV(vec[nvec], "get", 3), nvec++;
    for (i = 0; i < keys->nelts; i++) {
        const char *k = APR_ARRAY_IDX(keys, i, const char *);
        IOV(vec[nvec], " ", 1), nvec++;
        IOV(vec[nvec], k, strlen(k)), nvec++;
    }
    IOV(vec[nvec], "\r\n", 2), nvec++;
    rv = mc_exchange(mc, ms, vec, nvec, &conn);
    while (rv == APR_SUCCESS && strcmp(conn->line, "END") != 0) {
        apr_memcache_value_t *value;
        apr_uint16_t f;
        apr_size_t n;
        char *k, *data;

        if (!parse_value_line(conn->line, &k, &f, &n))
            return mc_fail(mc, conn, APR_EGENERAL);
        /* k points into the line: look it up before the next one. */
        value = apr_hash_get(values, k, APR_HASH_KEY_STRING);
        rv = read_value(conn, data_pool, n, &data);
        if (rv == APR_SUCCESS)
            rv = apu__conn_read_line(conn);
        if (rv != APR_SUCCESS)
            return mc_fail(mc, conn, rv);
        if (value) {
            value->status = APR_SUCCESS;
            value->data = data;
            value->len = n;
            value->flags = f;
        }
    }
    if (rv == APR_SUCCESS)
        apu__conn_release(conn);
    return rv;
}

APU_DECLARE(apr_status_t) apr_memcache_multgetp(apr_memcache_t *mc,
                                                apr_pool_t *temp_pool,
                                                apr_pool_t *data_pool,
                                                apr_hash_t *values)
{
    apr_array_header_t **per_server;
    apr_hash_index_t *hi;
    int i;

    if (!values)
        return APR_SUCCESS;
    per_server = apr_pcalloc(temp_pool, sizeof(*per_server)
                                            * (mc->ntotal ? mc->ntotal : 1));
    /* Group the keys by server (a key no server takes stays NOTFOUND). */
    for (hi = apr_hash_first(temp_pool, values); hi; hi = apr_hash_next(hi)) {
        apr_memcache_value_t *value = apr_hash_this_val(hi);
        apr_memcache_server_t *ms = server_for_key(mc, value->key);
        value->status = APR_NOTFOUND;
        if (!ms)
            continue;
        for (i = 0; i < mc->ntotal && mc->live_servers[i] != ms; i++)
            ;
        if (i == mc->ntotal)
            continue;   /* a custom server_func's own server: skip */
        if (!per_server[i])
            per_server[i] = apr_array_make(temp_pool, 8, sizeof(char *));
        APR_ARRAY_PUSH(per_server[i], const char *) = value->key;
    }
    for (i = 0; i < mc->ntotal; i++) {
        apr_status_t rv;
        int j;

        if (!per_server[i])
            continue;
        rv = multget_server(mc, mc->live_servers[i], per_server[i],
                            temp_pool, data_pool, values);
        if (rv == APR_SUCCESS)
            continue;
        /* That server's keys carry its error. */
        for (j = 0; j < per_server[i]->nelts; j++) {
            apr_memcache_value_t *value = apr_hash_get(
                values, APR_ARRAY_IDX(per_server[i], j, const char *),
                APR_HASH_KEY_STRING);
            value->status = rv;
        }
    }
    return APR_SUCCESS;
}

/* ---------------------------------------------------------------- */
/* Statistics                                                        */

/* "seconds.microseconds" as apr_time_t. */
static apr_time_t parse_rusage(const char *v)
{
    char *end;
    apr_int64_t sec = apr_strtoi64(v, &end, 10);
    apr_int64_t usec = 0;
    int digits = 0;

    if (*end == '.' || *end == ':') {
        for (end++; *end >= '0' && *end <= '9' && digits < 6; end++, digits++)
            usec = usec * 10 + (*end - '0');
        for (; digits < 6; digits++)
            usec *= 10;
    }
    return apr_time_from_sec(sec) + usec;
}

#define STAT_U32(field) { #field, 0, offsetof(apr_memcache_stats_t, field) }
#define STAT_U64(field) { #field, 1, offsetof(apr_memcache_stats_t, field) }

static const struct {
    const char *name;
    int kind;     /* 0: u32, 1: u64 */
    apr_size_t offset;
} stat_fields[] = {
    STAT_U32(pid), STAT_U32(uptime), STAT_U32(pointer_size),
    STAT_U32(curr_items), STAT_U32(total_items), STAT_U64(bytes),
    STAT_U32(curr_connections), STAT_U32(total_connections),
    STAT_U32(connection_structures), STAT_U32(cmd_get), STAT_U32(cmd_set),
    STAT_U32(get_hits), STAT_U32(get_misses), STAT_U64(evictions),
    STAT_U64(bytes_read), STAT_U64(bytes_written),
    STAT_U32(limit_maxbytes), STAT_U32(threads),
};

static void stat_line(apr_pool_t *p, apr_memcache_stats_t *st, char *line)
{
    char *name = line + 5, *value = strchr(name, ' ');
    apr_size_t i;

    if (!value)
        return;
    *value++ = '\0';
    if (strcmp(name, "version") == 0) {
        st->version = apr_pstrdup(p, value);
        return;
    }
    if (strcmp(name, "time") == 0) {
        st->time = apr_time_from_sec(apr_atoi64(value));
        return;
    }
    if (strcmp(name, "rusage_user") == 0) {
        st->rusage_user = parse_rusage(value);
        return;
    }
    if (strcmp(name, "rusage_system") == 0) {
        st->rusage_system = parse_rusage(value);
        return;
    }
    for (i = 0; i < sizeof(stat_fields) / sizeof(stat_fields[0]); i++) {
        char *at = (char *)st + stat_fields[i].offset;
        apr_uint64_t v;
        if (strcmp(name, stat_fields[i].name) != 0)
            continue;
        v = (apr_uint64_t)apr_strtoi64(value, NULL, 10);
        if (stat_fields[i].kind) {
            memcpy(at, &v, sizeof(v));
        }
        else {
            apr_uint32_t v32 = (apr_uint32_t)v;
            memcpy(at, &v32, sizeof(v32));
        }
        return;
    }
}

APU_DECLARE(apr_status_t) apr_memcache_stats(apr_memcache_server_t *ms,
                                             apr_pool_t *p,
                                             apr_memcache_stats_t **stats)
{
    apr_memcache_stats_t *st = apr_pcalloc(p, sizeof(*st));
    apu__conn_t *conn;
    struct iovec vec[1];
    apr_status_t rv;

    IOV(vec[0], "stats\r\n", 7);
    rv = mc_exchange(NULL, ms, vec, 1, &conn);
    while (rv == APR_SUCCESS && strcmp(conn->line, "END") != 0) {
        if (strncmp(conn->line, "STAT ", 5) != 0) {
            apu__conn_release(conn);   /* an error line: nothing follows it */
            return APR_EGENERAL;
        }
        stat_line(p, st, conn->line);
        rv = apu__conn_read_line(conn);
        if (rv != APR_SUCCESS)
            return mc_fail(NULL, conn, rv);
    }
    if (rv != APR_SUCCESS)
        return rv;
    apu__conn_release(conn);
    *stats = st;
    return APR_SUCCESS;
}
