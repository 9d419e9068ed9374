/*
 * apr_memcache.h: a client for memcached servers (text protocol).
 *
 * A client object (apr_memcache_t) holds a fixed-size table of servers; a
 * key is hashed (CRC32 by default) and the hash picks the server that owns
 * it. A server that fails is marked dead and skipped; a dead server is
 * probed again (a "version" command) at most every five seconds when a key
 * hashes to it, and used again once it answers.
 *
 * Each server keeps its own set of connections, reused between calls;
 * calls on one client may come from several threads. Adding servers is
 * not thread safe: do it once at start-up.
 */
#ifndef APR_MEMCACHE_H
#define APR_MEMCACHE_H

/**
 * @file apr_memcache.h
 * @brief Client interface for memcached
 */

#include "apu.h"
#include "apr.h"
#include "apr_pools.h"
#include "apr_time.h"
#include "apr_strings.h"
#include "apr_network_io.h"
#include "apr_ring.h"
#include "apr_buckets.h"
#include "apr_reslist.h"
#include "apr_hash.h"
#if APR_HAS_THREADS
#include "apr_thread_mutex.h"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_Util_MC Memcached Client Routines
 * @ingroup APR_Util
 * @{
 */

/** Whether a server is in use (LIVE) or skipped after a failure (DEAD). */
typedef enum {
    APR_MC_SERVER_LIVE, /**< answering: keys hashed to it go to it */
    APR_MC_SERVER_DEAD  /**< failed: skipped until it answers again */
} apr_memcache_server_status_t;

/** A connection to one server (private to the library). */
typedef struct apr_memcache_conn_t apr_memcache_conn_t;

/** One memcached server, made by apr_memcache_server_create(). */
typedef struct apr_memcache_server_t apr_memcache_server_t;

/** One memcached server: its address, state and connections. */
struct apr_memcache_server_t {
    const char *host; /**< host name, address, or socket path ("/...") */
    apr_port_t port;  /**< TCP port */
    apr_memcache_server_status_t status; /**< LIVE or DEAD */
#if APR_HAS_THREADS || defined(DOXYGEN)
    apr_reslist_t *conns; /**< the connections kept open to the server */
#else
    apr_memcache_conn_t *conn; /**< the one connection (no threads) */
#endif
    apr_pool_t *p;    /**< pool of the server's own allocations */
#if APR_HAS_THREADS
    apr_thread_mutex_t *lock; /**< guards status and btime */
#endif
    apr_time_t btime; /**< when the server was last marked dead or probed */
};

/**
 * A hash function for keys (see apr_memcache_t.hash_func).
 * @param baton The client's hash_baton
 * @param data The key
 * @param data_len Its length in bytes
 * @return The key's hash
 */
typedef apr_uint32_t (*apr_memcache_hash_func)(void *baton,
                                               const char *data,
                                               const apr_size_t data_len);

/** A set of memcached servers. */
typedef struct apr_memcache_t apr_memcache_t;

/**
 * A server chooser (see apr_memcache_t.server_func).
 * @param baton The client's server_baton
 * @param mc The client: its live_servers[0 .. ntotal-1] are the servers
 * @param hash The key's hash
 * @return The server for that key, or NULL when none can take it
 */
typedef apr_memcache_server_t *(*apr_memcache_server_func)(
    void *baton, apr_memcache_t *mc, const apr_uint32_t hash);

/** A set of memcached servers, and how keys are spread over them. */
struct apr_memcache_t {
    apr_uint32_t flags;  /**< unused */
    apr_uint16_t nalloc; /**< room in live_servers */
    apr_uint16_t ntotal; /**< servers added so far */
    apr_memcache_server_t **live_servers; /**< the servers, in added order */
    apr_pool_t *p;       /**< the client's pool */
    void *hash_baton;    /**< passed to hash_func */
    apr_memcache_hash_func hash_func; /**< NULL: apr_memcache_hash_default */
    void *server_baton;  /**< passed to server_func */
    apr_memcache_server_func server_func; /**< NULL: the default chooser */
};

/** One key's result in apr_memcache_multgetp(). */
typedef struct {
    apr_status_t status; /**< APR_SUCCESS, or APR_NOTFOUND, or an error */
    const char *key;     /**< the key */
    apr_size_t len;      /**< length of data */
    char *data;          /**< the value (NUL-terminated too), or NULL */
    apr_uint16_t flags;  /**< the flags stored with the value */
} apr_memcache_value_t;

/**
 * Hash a key with the client's hash function (apr_memcache_hash_default()
 * when the client has none).
 * @param mc The client
 * @param data The key
 * @param data_len Its length in bytes
 * @return The hash that chooses the key's server
 */
APU_DECLARE(apr_uint32_t) apr_memcache_hash(apr_memcache_t *mc,
                                            const char *data,
                                            const apr_size_t data_len);

/**
 * The CRC-32 (IEEE 802.3, as zlib computes it) of some bytes.
 * @param baton Unused
 * @param data The bytes
 * @param data_len Their number
 * @return The CRC-32
 */
APU_DECLARE(apr_uint32_t) apr_memcache_hash_crc32(void *baton,
                                                  const char *data,
                                                  const apr_size_t data_len);

/**
 * The default key hash, as the Perl client computes it: bits 16 to 30 of
 * the CRC-32, (crc32 >> 16) & 0x7fff.
 * @param baton Unused
 * @param data The key
 * @param data_len Its length in bytes
 * @return The hash
 */
APU_DECLARE(apr_uint32_t) apr_memcache_hash_default(void *baton,
                                                    const char *data,
                                                    const apr_size_t data_len);

/**
 * Choose the server for a hash with the client's server_func
 * (apr_memcache_find_server_hash_default() when it has none).
 * @param mc The client
 * @param hash The key's hash (apr_memcache_hash())
 * @return The server, or NULL when none can take the key
 */
APU_DECLARE(apr_memcache_server_t *)
apr_memcache_find_server_hash(apr_memcache_t *mc, const apr_uint32_t hash);

/**
 * The default chooser: server number hash % ntotal (a hash of 0 counts as
 * 1); when that one is dead, the next ones in turn. A dead server whose
 * last failure or probe is more than 5 seconds old is probed first (with
 * a "version" command) and made live again if it answers.
 * @param baton Unused
 * @param mc The client
 * @param hash The key's hash
 * @return The server, or NULL when every server is dead
 */
APU_DECLARE(apr_memcache_server_t *)
apr_memcache_find_server_hash_default(void *baton, apr_memcache_t *mc,
                                      const apr_uint32_t hash);

/**
 * Add a server to the client; it starts live.
 * @param mc The client
 * @param server The server (apr_memcache_server_create())
 * @return APR_SUCCESS; APR_ENOMEM when the client is full (a second
 *         server with the same host and port is not refused)
 * @remark Not thread safe. Adding servers later moves keys.
 */
APU_DECLARE(apr_status_t) apr_memcache_add_server(apr_memcache_t *mc,
                                                  apr_memcache_server_t *server);

/**
 * Look a server up by host and port.
 * @param mc The client
 * @param host The host, as given to apr_memcache_server_create()
 * @param port The port
 * @return The server, or NULL when the client has no such server
 */
APU_DECLARE(apr_memcache_server_t *) apr_memcache_find_server(
    apr_memcache_t *mc, const char *host, apr_port_t port);

/**
 * Mark a server live: keys hashed to it go to it again.
 * @param mc The client
 * @param ms The server
 * @return APR_SUCCESS
 */
APU_DECLARE(apr_status_t) apr_memcache_enable_server(apr_memcache_t *mc,
                                                     apr_memcache_server_t *ms);

/**
 * Mark a server dead (and note the time: it is probed again 5 seconds
 * later at the earliest).
 * @param mc The client
 * @param ms The server
 * @return APR_SUCCESS
 */
APU_DECLARE(apr_status_t) apr_memcache_disable_server(apr_memcache_t *mc,
                                                      apr_memcache_server_t *ms);

/**
 * Make a server object (no connection is opened unless @a min > 0). It
 * is APR_MC_SERVER_DEAD until added to a client.
 * @param p The pool the server and its connections live in
 * @param host Host name or address, or the path of a Unix socket
 * @param port The TCP port
 * @param min Connections to keep open at least
 * @param smax Idle connections kept beyond which extra ones expire
 * @param max Most connections open at once
 * @param ttl How long (microseconds) an idle extra connection lives
 * @param ns Where the new server is returned
 * @return APR_SUCCESS, or why the server could not be made (a failed
 *         connection when @a min > 0)
 */
APU_DECLARE(apr_status_t) apr_memcache_server_create(apr_pool_t *p,
                                                     const char *host,
                                                     apr_port_t port,
                                                     apr_uint32_t min,
                                                     apr_uint32_t smax,
                                                     apr_uint32_t max,
                                                     apr_uint32_t ttl,
                                                     apr_memcache_server_t **ns);

/**
 * Make a client with room for @a max_servers servers.
 * @param p The pool the client lives in
 * @param max_servers How many servers may be added
 * @param flags Unused: pass 0
 * @param mc Where the new client is returned
 * @return APR_SUCCESS
 */
APU_DECLARE(apr_status_t) apr_memcache_create(apr_pool_t *p,
                                              apr_uint16_t max_servers,
                                              apr_uint32_t flags,
                                              apr_memcache_t **mc);

/**
 * Fetch the value of a key.
 * @param mc The client
 * @param p The pool the value is allocated from
 * @param key The key (NUL-terminated)
 * @param baton Where the value is returned (NUL-terminated too)
 * @param len Where its length is returned
 * @param flags Where its flags are returned (may be NULL)
 * @return APR_SUCCESS; APR_NOTFOUND when the key is not stored, or no
 *         server is live; an error status when the server failed
 */
APU_DECLARE(apr_status_t) apr_memcache_getp(apr_memcache_t *mc,
                                            apr_pool_t *p,
                                            const char *key,
                                            char **baton,
                                            apr_size_t *len,
                                            apr_uint16_t *flags);

/**
 * Add a key to a set for apr_memcache_multgetp().
 * @param data_pool The pool the set (when *values is NULL) and its
 *        entries are made in
 * @param key The key (NUL-terminated; copied)
 * @param values The set: a hash of apr_memcache_value_t by key, made
 *        here when *values is NULL
 */
APU_DECLARE(void) apr_memcache_add_multget_key(apr_pool_t *data_pool,
                                               const char *key,
                                               apr_hash_t **values);

/**
 * Fetch several keys at once (one "get" per server). Each value's status
 * says whether its key was found.
 * @param mc The client
 * @param temp_pool A pool for temporary allocations (may be cleared here)
 * @param data_pool The pool the values are allocated from
 * @param values The keys (apr_memcache_add_multget_key()), filled in
 * @return APR_SUCCESS, or an error status (each value holds its own)
 */
APU_DECLARE(apr_status_t) apr_memcache_multgetp(apr_memcache_t *mc,
                                                apr_pool_t *temp_pool,
                                                apr_pool_t *data_pool,
                                                apr_hash_t *values);

/**
 * Store a value, whether the key exists or not ("set").
 * @param mc The client
 * @param key The key (NUL-terminated)
 * @param baton The value
 * @param data_size Its length in bytes
 * @param timeout Lifetime in seconds (0: until evicted)
 * @param flags Opaque flags stored with the value
 * @return APR_SUCCESS; APR_NOTFOUND when no server is live; an error
 *         status when the server refused or failed
 */
APU_DECLARE(apr_status_t) apr_memcache_set(apr_memcache_t *mc,
                                           const char *key,
                                           char *baton,
                                           const apr_size_t data_size,
                                           apr_uint32_t timeout,
                                           apr_uint16_t flags);

/**
 * Store a value only if the key does not exist ("add").
 * @param mc The client
 * @param key The key (NUL-terminated)
 * @param baton The value
 * @param data_size Its length in bytes
 * @param timeout Lifetime in seconds (0: until evicted)
 * @param flags Opaque flags stored with the value
 * @return APR_SUCCESS; APR_EEXIST when the key exists already
 */
APU_DECLARE(apr_status_t) apr_memcache_add(apr_memcache_t *mc,
                                           const char *key,
                                           char *baton,
                                           const apr_size_t data_size,
                                           apr_uint32_t timeout,
                                           apr_uint16_t flags);

/**
 * Store a value only if the key exists ("replace").
 * @param mc The client
 * @param key The key (NUL-terminated)
 * @param baton The value
 * @param data_size Its length in bytes
 * @param timeout Lifetime in seconds (0: until evicted)
 * @param flags Opaque flags stored with the value
 * @return APR_SUCCESS; APR_EEXIST when the key does not exist (the
 *         server's NOT_STORED)
 */
APU_DECLARE(apr_status_t) apr_memcache_replace(apr_memcache_t *mc,
                                               const char *key,
                                               char *baton,
                                               const apr_size_t data_size,
                                               apr_uint32_t timeout,
                                               apr_uint16_t flags);

/**
 * Remove a key.
 * @param mc The client
 * @param key The key (NUL-terminated)
 * @param timeout Sent to the server after the key when non-zero (old
 *        servers held the key back that long; current ones refuse it)
 * @return APR_SUCCESS; APR_NOTFOUND when the key was not stored
 */
APU_DECLARE(apr_status_t) apr_memcache_delete(apr_memcache_t *mc,
                                              const char *key,
                                              apr_uint32_t timeout);

/**
 * Add @a n to a value stored as a decimal number.
 * @param mc The client
 * @param key The key (NUL-terminated)
 * @param n The amount
 * @param nv Where the new value is returned (may be NULL)
 * @return APR_SUCCESS; APR_NOTFOUND when the key is not stored
 */
APU_DECLARE(apr_status_t) apr_memcache_incr(apr_memcache_t *mc,
                                            const char *key,
                                            apr_int32_t n,
                                            apr_uint32_t *nv);

/**
 * Subtract @a n from a value stored as a decimal number (memcached stops
 * at 0).
 * @param mc The client
 * @param key The key (NUL-terminated)
 * @param n The amount
 * @param new_value Where the new value is returned (may be NULL)
 * @return APR_SUCCESS; APR_NOTFOUND when the key is not stored
 */
APU_DECLARE(apr_status_t) apr_memcache_decr(apr_memcache_t *mc,
                                            const char *key,
                                            apr_int32_t n,
                                            apr_uint32_t *new_value);

/**
 * Ask a server its version.
 * @param ms The server
 * @param p The pool the answer is allocated from
 * @param baton Where the version string ("1.6.21") is returned
 * @return APR_SUCCESS, or an error status
 * @remark APR-util 1.6 leaves the reply's CR at the end of the string;
 *         this one does not.
 */
APU_DECLARE(apr_status_t) apr_memcache_version(apr_memcache_server_t *ms,
                                               apr_pool_t *p,
                                               char **baton);

/** A server's statistics, as its "stats" command reports them. */
typedef struct {
    const char *version;        /**< server version */
    apr_uint32_t pid;           /**< server process id */
    apr_uint32_t uptime;        /**< seconds since the server started */
    apr_time_t time;            /**< the server's clock */
    apr_uint32_t pointer_size;  /**< pointer size of the server, in bits */
    apr_time_t rusage_user;     /**< user CPU time of the server */
    apr_time_t rusage_system;   /**< system CPU time of the server */
    apr_uint32_t curr_items;    /**< items stored now */
    apr_uint32_t total_items;   /**< items ever stored */
    apr_uint64_t bytes;         /**< bytes used by the items stored now */
    apr_uint32_t curr_connections;      /**< open connections */
    apr_uint32_t total_connections;     /**< connections ever opened */
    apr_uint32_t connection_structures; /**< connection structures made */
    apr_uint32_t cmd_get;       /**< retrieval requests */
    apr_uint32_t cmd_set;       /**< storage requests */
    apr_uint32_t get_hits;      /**< keys requested and found */
    apr_uint32_t get_misses;    /**< keys requested and not found */
    apr_uint64_t evictions;     /**< items evicted to make room */
    apr_uint64_t bytes_read;    /**< bytes the server read */
    apr_uint64_t bytes_written; /**< bytes the server sent */
    apr_uint32_t limit_maxbytes; /**< storage limit, in bytes */
    apr_uint32_t threads;       /**< server worker threads */
} apr_memcache_stats_t;

/**
 * Ask a server for its statistics.
 * @param ms The server
 * @param p The pool the statistics are allocated from
 * @param stats Where they are returned (fields the server did not report
 *        are 0)
 * @return APR_SUCCESS, or an error status
 */
APU_DECLARE(apr_status_t) apr_memcache_stats(apr_memcache_server_t *ms,
                                             apr_pool_t *p,
                                             apr_memcache_stats_t **stats);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_MEMCACHE_H */
