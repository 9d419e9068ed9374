/*
 * apu_srvconn: the connection and server-choice machinery shared by the
 * memcache and redis clients (private to libaprutil).
 *
 * The clients' public server structs differ (and must keep APR-util's
 * layouts), so this code works on a description of one: pointers to the
 * fields it needs, plus the two protocol-specific steps (how a new socket
 * connects, and the probe of a dead server). A client fills one on the
 * stack before each call; a connection keeps its own copy.
 */
#ifndef APU_SRVCONN_INTERNAL_H
#define APU_SRVCONN_INTERNAL_H

#include "apr.h"
#include "apr_network_io.h"
#include "apr_pools.h"
#include "apr_reslist.h"
#include "apr_thread_mutex.h"
#include "apr_time.h"

#define APU__CONN_LINE_MAX 1024   /* longest reply line we accept */
#define APU__CONN_RBUF_SIZE 8192  /* read buffer of a connection */

/* Values of *status: the clients' LIVE and DEAD enumerators equal these
 * (they check it). */
#define APU__SRV_LIVE 0
#define APU__SRV_DEAD 1

/* One server, as the fields of a client's server struct. */
typedef struct apu__srv_t {
    void *server;            /* the client's server struct */
    const char **host;
    apr_port_t *port;
    int *status;             /* the client's status enum (int-sized) */
#if APR_HAS_THREADS
    apr_reslist_t **conns;
    apr_thread_mutex_t **lock;
#else
    void **conn;             /* the one connection, an apu__conn_t */
#endif
    apr_pool_t **p;
    apr_time_t *btime;       /* last marked dead or probed */
    /* Connect sock to sa (with the client's timeouts). */
    apr_status_t (*connect)(void *server, apr_socket_t *sock,
                            apr_sockaddr_t *sa);
    /* Whether a server answers (called with its lock held). */
    apr_status_t (*probe)(void *server);
} apu__srv_t;

/* A connection to a server, with its read buffer. */
typedef struct apu__conn_t {
    apr_pool_t *p;                /* the connection's own pool */
    apr_socket_t *sock;
    apu__srv_t srv;               /* the server it leads to */
    apr_time_t ctime;             /* when it was opened */
    apr_size_t rpos, rlen;        /* unread bytes: rbuf[rpos .. rlen) */
    apr_size_t llen;              /* length of line */
    char line[APU__CONN_LINE_MAX + 1]; /* last reply line, CRLF removed */
    char rbuf[APU__CONN_RBUF_SIZE];
} apu__conn_t;

/* Fill a new server in its own pool np: host (copied), port, status DEAD,
 * and (with threads) its lock and a reslist of min/smax/max connections
 * kept ttl microseconds. On failure the caller destroys np. */
apr_status_t apu__srv_init(const apu__srv_t *d, apr_pool_t *np,
                           const char *host, apr_port_t port,
                           apr_uint32_t min, apr_uint32_t smax,
                           apr_uint32_t max, apr_uint32_t ttl);

/* Mark a server live, or dead as of now. */
void apu__srv_enable(const apu__srv_t *d);
void apu__srv_disable(const apu__srv_t *d);

/* Index of the server a hash chooses among n (walking on from h % n past
 * dead ones, probing one whose last failure is over 5 s old), or -1.
 * describe(client, i, d) fills d for server i. */
int apu__srv_pick(int n, apr_uint32_t hash,
                  void (*describe)(void *client, int i, apu__srv_t *d),
                  void *client);

/* Take a connection opened after the server last failed. */
apr_status_t apu__conn_acquire(const apu__srv_t *d, apu__conn_t **conn);

/* Give a connection back after a complete exchange. */
void apu__conn_release(apu__conn_t *conn);

/* Drop a failed connection; if mark_dead, mark its server dead. Returns
 * rv, or APR_EGENERAL for APR_SUCCESS. */
apr_status_t apu__conn_fail(apu__conn_t *conn, int mark_dead,
                            apr_status_t rv);

/* Take a connection, send vec[0 .. nvec) and read the first reply line
 * into (*conn)->line. On failure no connection is held, and if mark_dead
 * the server is marked dead. */
apr_status_t apu__conn_exchange(const apu__srv_t *d, int mark_dead,
                                struct iovec *vec, int nvec,
                                apu__conn_t **conn);

/* Read one line into conn->line, without its CR LF. */
apr_status_t apu__conn_read_line(apu__conn_t *conn);

/* Read exactly n bytes into dst. */
apr_status_t apu__conn_read_exact(apu__conn_t *conn, char *dst,
                                  apr_size_t n);

#endif /* APU_SRVCONN_INTERNAL_H */
