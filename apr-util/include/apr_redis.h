/*
 * apr_redis.h: a client for redis servers (RESP protocol).
 *
 * The same shape as apr_memcache.h: a client object (apr_redis_t) holds a
 * fixed-size table of servers, a key's CRC32-based hash picks its server,
 * a failing server is marked dead and probed again (PING) at most every
 * five seconds. Each server keeps its own set of connections, reused
 * between calls; every read and write on them has a timeout (rwto).
 * Adding servers is not thread safe: do it once at start-up.
 */
#ifndef APR_REDIS_H
#define APR_REDIS_H

/**
 * @file apr_redis.h
 * @brief Client interface for redis
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

#ifndef RC_DEFAULT_SERVER_PORT
/** The usual redis port. */
#define RC_DEFAULT_SERVER_PORT 6379
#endif

#ifndef RC_DEFAULT_SERVER_MIN
/** A default for apr_redis_server_create()'s min. */
#define RC_DEFAULT_SERVER_MIN 0
#endif

#ifndef RC_DEFAULT_SERVER_SMAX
/** A default for apr_redis_server_create()'s smax. */
#define RC_DEFAULT_SERVER_SMAX 1
#endif

#ifndef RC_DEFAULT_SERVER_TTL
/** A default for apr_redis_server_create()'s ttl. */
#define RC_DEFAULT_SERVER_TTL 600
#endif

/**
 * @defgroup APR_Util_RC Redis Client Routines
 * @ingroup APR_Util
 * @{
 */

/** Whether a server is in use (LIVE) or skipped after a failure (DEAD). */
typedef enum {
    APR_RC_SERVER_LIVE, /**< answering: keys hashed to it go to it */
    APR_RC_SERVER_DEAD  /**< failed: skipped until it answers again */
} apr_redis_server_status_t;

/** A connection to one server (private to the library). */
typedef struct apr_redis_conn_t apr_redis_conn_t;

/** One redis server, made by apr_redis_server_create(). */
typedef struct apr_redis_server_t apr_redis_server_t;

/** One redis server: its address, state, connections and version. */
struct apr_redis_server_t {
    const char *host; /**< host name, address, or socket path ("/...") */
    apr_port_t port;  /**< TCP port */
    apr_redis_server_status_t status; /**< LIVE or DEAD */
#if APR_HAS_THREADS || defined(DOXYGEN)
    apr_reslist_t *conns; /**< the connections kept open to the server */
#else
    apr_redis_conn_t *conn; /**< the one connection (no threads) */
#endif
    apr_pool_t *p;    /**< pool of the server's own allocations */
#if APR_HAS_THREADS
    apr_thread_mutex_t *lock; /**< guards status and btime */
#endif
    apr_time_t btime; /**< when the server was last marked dead or probed */
    apr_uint32_t rwto; /**< read/write timeout of connections, seconds */
    /** The server's version, once apr_redis_version() has asked it. */
    struct {
        int major;    /**< major number (0: not known yet) */
        int minor;    /**< minor number */
        int patch;    /**< patch number */
        char *number; /**< the whole version string */
    } version;
};

/** A set of redis servers. */
typedef struct apr_redis_t apr_redis_t;

/**
 * A hash function for keys (see apr_redis_t.hash_func).
 * @param baton The client's hash_baton
 * @param data The key
 * @param data_len Its length in bytes
 * @return The key's hash
 */
typedef apr_uint32_t (*apr_redis_hash_func)(void *baton,
                                            const char *data,
                                            const apr_size_t data_len);

/**
 * A server chooser (see apr_redis_t.server_func).
 * @param baton The client's server_baton
 * @param rc The client: its live_servers[0 .. ntotal-1] are the servers
 * @param hash The key's hash
 * @return The server for that key, or NULL when none can take it
 */
typedef apr_redis_server_t *(*apr_redis_server_func)(
    void *baton, apr_redis_t *rc, const apr_uint32_t hash);

/** A set of redis servers, and how keys are spread over them. */
struct apr_redis_t {
    apr_uint32_t flags;  /**< unused */
    apr_uint16_t nalloc; /**< room in live_servers */
    apr_uint16_t ntotal; /**< servers added so far */
    apr_redis_server_t **live_servers; /**< the servers, in added order */
    apr_pool_t *p;       /**< the client's pool */
    void *hash_baton;    /**< passed to hash_func */
    apr_redis_hash_func hash_func; /**< NULL: apr_redis_hash_default */
    void *server_baton;  /**< passed to server_func */
    apr_redis_server_func server_func; /**< NULL: the default chooser */
};

/**
 * Hash a key with the client's hash function (apr_redis_hash_default()
 * when the client has none).
 * @param rc The client
 * @param data The key
 * @param data_len Its length in bytes
 * @return The hash that chooses the key's server
 */
APU_DECLARE(apr_uint32_t) apr_redis_hash(apr_redis_t *rc,
                                         const char *data,
                                         const apr_size_t data_len);

/**
 * The CRC-32 (IEEE 802.3, as zlib computes it) of some bytes.
 * @param baton Unused
 * @param data The bytes
 * @param data_len Their number
 * @return The CRC-32
 */
APU_DECLARE(apr_uint32_t) apr_redis_hash_crc32(void *baton,
                                               const char *data,
                                               const apr_size_t data_len);

/**
 * The default key hash: (crc32 >> 16) & 0x7fff, as the Perl memcached
 * client computes it.
 * @param baton Unused
 * @param data The key
 * @param data_len Its length in bytes
 * @return The hash
 */
APU_DECLARE(apr_uint32_t) apr_redis_hash_default(void *baton,
                                                 const char *data,
                                                 const apr_size_t data_len);

/**
 * Choose the server for a hash with the client's server_func
 * (apr_redis_find_server_hash_default() when it has none).
 * @param rc The client
 * @param hash The key's hash (apr_redis_hash())
 * @return The server, or NULL when none can take the key
 */
APU_DECLARE(apr_redis_server_t *) apr_redis_find_server_hash(
    apr_redis_t *rc, const apr_uint32_t hash);

/**
 * The default chooser: server number hash % ntotal (a hash of 0 counts as
 * 1); when that one is dead, the next ones in turn. A dead server whose
 * last failure or probe is more than 5 seconds old is probed (PING) and
 * made live again if it answers.
 * @param baton Unused
 * @param rc The client
 * @param hash The key's hash
 * @return The server, or NULL when every server is dead
 */
APU_DECLARE(apr_redis_server_t *) apr_redis_find_server_hash_default(
    void *baton, apr_redis_t *rc, const apr_uint32_t hash);

/**
 * Add a server to the client; it starts live.
 * @param rc The client
 * @param server The server (apr_redis_server_create())
 * @return APR_SUCCESS; APR_ENOMEM when the client is full (a second
 *         server with the same host and port is not refused)
 * @remark Not thread safe. Adding servers later moves keys.
 */
APU_DECLARE(apr_status_t) apr_redis_add_server(apr_redis_t *rc,
                                               apr_redis_server_t *server);

/**
 * Look a server up by host and port.
 * @param rc The client
 * @param host The host, as given to apr_redis_server_create()
 * @param port The port
 * @return The server, or NULL when the client has no such server
 */
APU_DECLARE(apr_redis_server_t *) apr_redis_find_server(apr_redis_t *rc,
                                                        const char *host,
                                                        apr_port_t port);

/**
 * Mark a server live: keys hashed to it go to it again.
 * @param rc The client
 * @param rs The server
 * @return APR_SUCCESS
 */
APU_DECLARE(apr_status_t) apr_redis_enable_server(apr_redis_t *rc,
                                                  apr_redis_server_t *rs);

/**
 * Mark a server dead (and note the time: it is probed again 5 seconds
 * later at the earliest).
 * @param rc The client
 * @param rs The server
 * @return APR_SUCCESS
 */
APU_DECLARE(apr_status_t) apr_redis_disable_server(apr_redis_t *rc,
                                                   apr_redis_server_t *rs);

/**
 * Make a server object (no connection is opened unless @a min > 0). It
 * is APR_RC_SERVER_DEAD until added to a client.
 * @param p The pool the server and its connections live in
 * @param host Host name or address, or the path of a Unix socket
 * @param port The TCP port
 * @param min Connections to keep open at least
 * @param smax Idle connections kept beyond which extra ones expire
 * @param max Most connections open at once
 * @param ttl How long (microseconds) an idle extra connection lives
 * @param rwto Timeout, in seconds, of each read and write
 * @param ns Where the new server is returned
 * @return APR_SUCCESS, or why the server could not be made
 */
APU_DECLARE(apr_status_t) apr_redis_server_create(apr_pool_t *p,
                                                  const char *host,
                                                  apr_port_t port,
                                                  apr_uint32_t min,
                                                  apr_uint32_t smax,
                                                  apr_uint32_t max,
                                                  apr_uint32_t ttl,
                                                  apr_uint32_t rwto,
                                                  apr_redis_server_t **ns);

/**
 * Make a client with room for @a max_servers servers.
 * @param p The pool the client lives in
 * @param max_servers How many servers may be added
 * @param flags Unused: pass 0
 * @param rc Where the new client is returned
 * @return APR_SUCCESS
 */
APU_DECLARE(apr_status_t) apr_redis_create(apr_pool_t *p,
                                           apr_uint16_t max_servers,
                                           apr_uint32_t flags,
                                           apr_redis_t **rc);

/**
 * Fetch the value of a key (GET).
 * @param rc The client
 * @param p The pool the value is allocated from
 * @param key The key (NUL-terminated)
 * @param baton Where the value is returned (NUL-terminated too)
 * @param len Where its length is returned
 * @param flags Unused: redis stores no flags
 * @return APR_SUCCESS; APR_NOTFOUND when the key is not stored, or no
 *         server is live; an error status when the server failed
 */
APU_DECLARE(apr_status_t) apr_redis_getp(apr_redis_t *rc,
                                         apr_pool_t *p,
                                         const char *key,
                                         char **baton,
                                         apr_size_t *len,
                                         apr_uint16_t *flags);

/**
 * Store a value (SET).
 * @param rc The client
 * @param key The key (NUL-terminated)
 * @param baton The value
 * @param data_size Its length in bytes
 * @param flags Unused: redis stores no flags
 * @return APR_SUCCESS; APR_NOTFOUND when no server is live; an error
 *         status when the server refused or failed
 */
APU_DECLARE(apr_status_t) apr_redis_set(apr_redis_t *rc,
                                        const char *key,
                                        char *baton,
                                        const apr_size_t data_size,
                                        apr_uint16_t flags);

/**
 * Store a value that expires (SETEX).
 * @param rc The client
 * @param key The key (NUL-terminated)
 * @param baton The value
 * @param data_size Its length in bytes
 * @param timeout Lifetime in seconds (must be > 0)
 * @param flags Unused: redis stores no flags
 * @return APR_SUCCESS, or an error status
 */
APU_DECLARE(apr_status_t) apr_redis_setex(apr_redis_t *rc,
                                          const char *key,
                                          char *baton,
                                          const apr_size_t data_size,
                                          apr_uint32_t timeout,
                                          apr_uint16_t flags);

/**
 * Remove a key (DEL).
 * @param rc The client
 * @param key The key (NUL-terminated)
 * @param timeout Unused
 * @return APR_SUCCESS; APR_NOTFOUND when the key was not stored
 */
APU_DECLARE(apr_status_t) apr_redis_delete(apr_redis_t *rc,
                                           const char *key,
                                           apr_uint32_t timeout);

/**
 * The server's version string ("7.0.15"), asked with INFO the first time
 * and remembered in @a rs->version.
 * @param rs The server
 * @param p The pool the answer is allocated from
 * @param baton Where the version string is returned
 * @return APR_SUCCESS, or an error status
 */
APU_DECLARE(apr_status_t) apr_redis_version(apr_redis_server_t *rs,
                                            apr_pool_t *p,
                                            char **baton);

/**
 * The server's whole INFO report (lines of "field:value").
 * @param rs The server
 * @param p The pool the answer is allocated from
 * @param baton Where the report is returned (NUL-terminated)
 * @return APR_SUCCESS, or an error status
 */
APU_DECLARE(apr_status_t) apr_redis_info(apr_redis_server_t *rs,
                                         apr_pool_t *p,
                                         char **baton);

/**
 * Add @a inc to a value stored as a decimal number (INCRBY; a missing key
 * counts as 0).
 * @param rc The client
 * @param key The key (NUL-terminated)
 * @param inc The amount
 * @param new_value Where the new value is returned (may be NULL)
 * @return APR_SUCCESS, or an error status (the value is no number...)
 */
APU_DECLARE(apr_status_t) apr_redis_incr(apr_redis_t *rc,
                                         const char *key,
                                         apr_int32_t inc,
                                         apr_uint32_t *new_value);

/**
 * Subtract @a inc from a value stored as a decimal number (DECRBY; a
 * missing key counts as 0).
 * @param rc The client
 * @param key The key (NUL-terminated)
 * @param inc The amount
 * @param new_value Where the new value is returned (may be NULL)
 * @return APR_SUCCESS, or an error status
 */
APU_DECLARE(apr_status_t) apr_redis_decr(apr_redis_t *rc,
                                         const char *key,
                                         apr_int32_t inc,
                                         apr_uint32_t *new_value);

/**
 * Check that a server answers (PING).
 * @param rs The server
 * @return APR_SUCCESS when it answered PONG, or an error status
 */
APU_DECLARE(apr_status_t) apr_redis_ping(apr_redis_server_t *rs);

/**
 * Fetch several keys at once: not implemented (as in APR-util 1.6).
 * @param rc The client
 * @param temp_pool A pool for temporary allocations
 * @param data_pool The pool values would be allocated from
 * @param values The keys
 * @return APR_ENOTIMPL
 */
APU_DECLARE(apr_status_t) apr_redis_multgetp(apr_redis_t *rc,
                                             apr_pool_t *temp_pool,
                                             apr_pool_t *data_pool,
                                             apr_hash_t *values);

/** A server's role in replication (INFO's "role" field). */
typedef enum {
    APR_RS_SERVER_MASTER, /**< a master */
    APR_RS_SERVER_SLAVE,  /**< a replica */
    APR_RS_SERVER_UNKNOWN /**< not reported */
} apr_redis_server_role_t;

/** A server's statistics, from its INFO report (0 where not reported). */
typedef struct {
    /* Server */
    apr_uint32_t major;             /**< version: major number */
    apr_uint32_t minor;             /**< version: minor number */
    apr_uint32_t patch;             /**< version: patch number */
    apr_uint32_t process_id;        /**< server process id */
    apr_uint32_t uptime_in_seconds; /**< seconds since the server started */
    apr_uint32_t arch_bits;         /**< 32 or 64 */

    /* Clients */
    apr_uint32_t connected_clients; /**< clients connected now */
    apr_uint32_t blocked_clients;   /**< clients in blocking calls */

    /* Memory */
    apr_uint64_t maxmemory;         /**< memory limit (0: none) */
    apr_uint64_t used_memory;       /**< memory in use */
    apr_uint64_t total_system_memory; /**< memory of the machine */

    /* Stats */
    apr_uint64_t total_connections_received; /**< connections accepted */
    apr_uint64_t total_commands_processed;   /**< commands run */
    apr_uint64_t rejected_connections;       /**< connections refused */
    apr_uint64_t total_net_input_bytes;      /**< bytes received */
    apr_uint64_t total_net_output_bytes;     /**< bytes sent */
    apr_uint64_t keyspace_hits;     /**< lookups that found their key */
    apr_uint64_t keyspace_misses;   /**< lookups that did not */

    /* Replication */
    apr_redis_server_role_t role;   /**< master or replica */
    apr_uint32_t connected_slaves;  /**< replicas connected */

    /* CPU */
    apr_uint32_t used_cpu_sys;      /**< system CPU seconds (whole part) */
    apr_uint32_t used_cpu_user;     /**< user CPU seconds (whole part) */

    /* Cluster */
    apr_uint32_t cluster_enabled;   /**< 1 in cluster mode */
} apr_redis_stats_t;

/**
 * Ask a server for its statistics (INFO, parsed).
 * @param rs The server
 * @param p The pool the statistics are allocated from
 * @param stats Where they are returned
 * @return APR_SUCCESS, or an error status
 */
APU_DECLARE(apr_status_t) apr_redis_stats(apr_redis_server_t *rs,
                                          apr_pool_t *p,
                                          apr_redis_stats_t **stats);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_REDIS_H */
