/*
 * The public structures and constants of apr-util, printed one per line.
 * Built against our headers and libraries and against Debian's APR-util,
 * and the two outputs compared (test abi_layout_apu): a program compiled
 * against either header sees the same layout. Later headers add their
 * lines here.
 *
 * Left out on purpose: apr_md4_ctx_t, whose xlate member exists only when
 * APR_HAS_XLATE is 1 (Debian's APR has it, ours is built without xlate),
 * and the APU_HAVE_* values of apu.h, which say what a build was
 * configured with, not how its structures are laid out.
 */
#include <stdio.h>
#include <stddef.h>
#include <string.h>
#include "apr_general.h"
#include "apu.h"
#include "apu_errno.h"
#include "apu_version.h"
#include "apr_buckets.h"
#include "apr_hooks.h"
#include "apr_optional.h"
#include "apr_uri.h"
#include "apr_md5.h"
#include "apr_sha1.h"
#include "apr_date.h"
#include "apr_strmatch.h"
#include "apr_uuid.h"
#include "apr_siphash.h"
#include "apr_dbm.h"
#include "apr_sdbm.h"
#include "apr_memcache.h"
#include "apr_redis.h"
#include "apr_queue.h"
#include "apr_reslist.h"
#include "apr_thread_pool.h"
#include "apr_rmm.h"
#include "apr_anylock.h"
#include "apr_xml.h"

#define S(t) printf("sizeof %s %zu\n", #t, sizeof(t))
#define V(c) printf("value %s %lld\n", #c, (long long)(c))
#define STR(c) printf("value %s \"%s\"\n", #c, c)
#define O(t, f) printf("offsetof %s.%s %zu\n", #t, #f, offsetof(t, f))

/* A hook as a module declares one: the macro makes the struct
 * abi_LINK_sample_t that the hook lists hold. */
#define ABI_DECLARE(type) type
APR_DECLARE_EXTERNAL_HOOK(abi, ABI, int, sample, (int x))
APR_HOOK_STRUCT(APR_HOOK_LINK(sample))

/* Where a bitfield of apr_uri_t lives: the one byte that setting it to 1
 * changes, and that byte's value. */
#define BITFIELD(f)                                                         \
    do {                                                                    \
        apr_uri_t u;                                                        \
        unsigned char raw[sizeof(u)];                                       \
        memset(&u, 0, sizeof(u));                                           \
        u.f = 1;                                                            \
        memcpy(raw, &u, sizeof(u));                                         \
        for (size_t i = 0; i < sizeof(raw); i++)                            \
            if (raw[i] != 0)                                                \
                printf("bitfield apr_uri_t.%s byte %zu value %u\n", #f, i,  \
                       (unsigned)raw[i]);                                   \
    } while (0)

int main(void)
{
    /* apu_version.h, apu_errno.h */
    V(APU_MAJOR_VERSION);
    V(APU_MINOR_VERSION);
    V(APR_UTIL_START_STATUS);
    V(APR_ENOKEY);
    V(APR_ENOIV);
    V(APR_EKEYTYPE);
    V(APR_ENOSPACE);
    V(APR_ECRYPT);
    V(APR_EPADDING);
    V(APR_EKEYLENGTH);
    V(APR_ENOCIPHER);
    V(APR_ENODIGEST);
    V(APR_ENOENGINE);
    V(APR_EINITENGINE);
    V(APR_EREINIT);

    /* apr_buckets.h */
    V(APR_BUCKET_BUFF_SIZE);
    V(APR_BUCKET_ALLOC_SIZE);
    S(apr_read_type_e);
    V(APR_BLOCK_READ);
    V(APR_NONBLOCK_READ);
    V(APR_BUCKET_DATA);
    V(APR_BUCKET_METADATA);
    S(apr_bucket_type_t);
    O(apr_bucket_type_t, name);
    O(apr_bucket_type_t, num_func);
    O(apr_bucket_type_t, is_metadata);
    O(apr_bucket_type_t, destroy);
    O(apr_bucket_type_t, read);
    O(apr_bucket_type_t, setaside);
    O(apr_bucket_type_t, split);
    O(apr_bucket_type_t, copy);
    S(apr_bucket);
    O(apr_bucket, link.next);
    O(apr_bucket, link.prev);
    O(apr_bucket, type);
    O(apr_bucket, length);
    O(apr_bucket, start);
    O(apr_bucket, data);
    O(apr_bucket, free);
    O(apr_bucket, list);
    S(apr_bucket_brigade);
    O(apr_bucket_brigade, p);
    O(apr_bucket_brigade, list.next);
    O(apr_bucket_brigade, list.prev);
    O(apr_bucket_brigade, bucket_alloc);
    S(apr_bucket_refcount);
    O(apr_bucket_refcount, refcount);
    S(apr_bucket_heap);
    O(apr_bucket_heap, refcount);
    O(apr_bucket_heap, base);
    O(apr_bucket_heap, alloc_len);
    O(apr_bucket_heap, free_func);
    S(apr_bucket_pool);
    O(apr_bucket_pool, heap);
    O(apr_bucket_pool, base);
    O(apr_bucket_pool, pool);
    O(apr_bucket_pool, list);
    V(APR_HAS_MMAP);
#if APR_HAS_MMAP
    S(apr_bucket_mmap);
    O(apr_bucket_mmap, refcount);
    O(apr_bucket_mmap, mmap);
#endif
    S(apr_bucket_file);
    O(apr_bucket_file, refcount);
    O(apr_bucket_file, fd);
    O(apr_bucket_file, readpool);
#if APR_HAS_MMAP
    O(apr_bucket_file, can_mmap);
#endif
    O(apr_bucket_file, read_size);
    S(apr_bucket_structs);

    /* apr_hooks.h */
    V(APR_HOOK_REALLY_FIRST);
    V(APR_HOOK_FIRST);
    V(APR_HOOK_MIDDLE);
    V(APR_HOOK_LAST);
    V(APR_HOOK_REALLY_LAST);
    S(abi_LINK_sample_t);
    O(abi_LINK_sample_t, pFunc);
    O(abi_LINK_sample_t, szName);
    O(abi_LINK_sample_t, aszPredecessors);
    O(abi_LINK_sample_t, aszSuccessors);
    O(abi_LINK_sample_t, nOrder);
    printf("sizeof _hooks %zu\n", sizeof(_hooks));
    V(_hooks.link_sample == NULL); /* used, not only measured (clang) */

    /* apr_uri.h */
    V(APR_URI_FTP_DEFAULT_PORT);
    V(APR_URI_SSH_DEFAULT_PORT);
    V(APR_URI_TELNET_DEFAULT_PORT);
    V(APR_URI_GOPHER_DEFAULT_PORT);
    V(APR_URI_HTTP_DEFAULT_PORT);
    V(APR_URI_POP_DEFAULT_PORT);
    V(APR_URI_NNTP_DEFAULT_PORT);
    V(APR_URI_IMAP_DEFAULT_PORT);
    V(APR_URI_PROSPERO_DEFAULT_PORT);
    V(APR_URI_WAIS_DEFAULT_PORT);
    V(APR_URI_LDAP_DEFAULT_PORT);
    V(APR_URI_HTTPS_DEFAULT_PORT);
    V(APR_URI_RTSP_DEFAULT_PORT);
    V(APR_URI_SNEWS_DEFAULT_PORT);
    V(APR_URI_ACAP_DEFAULT_PORT);
    V(APR_URI_NFS_DEFAULT_PORT);
    V(APR_URI_TIP_DEFAULT_PORT);
    V(APR_URI_SIP_DEFAULT_PORT);
    V(APR_URI_UNP_OMITSITEPART);
    V(APR_URI_UNP_OMITUSER);
    V(APR_URI_UNP_OMITPASSWORD);
    V(APR_URI_UNP_OMITUSERINFO);
    V(APR_URI_UNP_REVEALPASSWORD);
    V(APR_URI_UNP_OMITPATHINFO);
    V(APR_URI_UNP_OMITQUERY);
    S(apr_uri_t);
    O(apr_uri_t, scheme);
    O(apr_uri_t, hostinfo);
    O(apr_uri_t, user);
    O(apr_uri_t, password);
    O(apr_uri_t, hostname);
    O(apr_uri_t, port_str);
    O(apr_uri_t, path);
    O(apr_uri_t, query);
    O(apr_uri_t, fragment);
    O(apr_uri_t, hostent);
    O(apr_uri_t, port);
    BITFIELD(is_initialized);
    BITFIELD(dns_looked_up);
    BITFIELD(dns_resolved);

    /* apr_md5.h, apr_sha1.h, apr_siphash.h (apr_md4_ctx_t: see the top) */
    V(APR_MD5_DIGESTSIZE);
    S(apr_md5_ctx_t);
    O(apr_md5_ctx_t, state);
    O(apr_md5_ctx_t, count);
    O(apr_md5_ctx_t, buffer);
    O(apr_md5_ctx_t, xlate);
    V(APR_SHA1_DIGESTSIZE);
    STR(APR_SHA1PW_ID);
    V(APR_SHA1PW_IDLEN);
    S(apr_sha1_ctx_t);
    O(apr_sha1_ctx_t, digest);
    O(apr_sha1_ctx_t, count_lo);
    O(apr_sha1_ctx_t, count_hi);
    O(apr_sha1_ctx_t, data);
    O(apr_sha1_ctx_t, local);
    V(APR_SIPHASH_DSIZE);
    V(APR_SIPHASH_KSIZE);

    /* apr_date.h, apr_strmatch.h, apr_uuid.h */
    V(APR_DATE_BAD);
    S(apr_strmatch_pattern);
    O(apr_strmatch_pattern, compare);
    O(apr_strmatch_pattern, pattern);
    O(apr_strmatch_pattern, length);
    O(apr_strmatch_pattern, context);
    S(apr_uuid_t);
    O(apr_uuid_t, data);
    V(APR_UUID_FORMATTED_LENGTH);

    /* apr_dbm.h, apr_sdbm.h */
    S(apr_datum_t);
    O(apr_datum_t, dptr);
    O(apr_datum_t, dsize);
    V(APR_DBM_READONLY);
    V(APR_DBM_READWRITE);
    V(APR_DBM_RWCREATE);
    V(APR_DBM_RWTRUNC);
    S(apr_sdbm_datum_t);
    O(apr_sdbm_datum_t, dptr);
    O(apr_sdbm_datum_t, dsize);
    STR(APR_SDBM_DIRFEXT);
    STR(APR_SDBM_PAGFEXT);
    V(APR_SDBM_INSERT);
    V(APR_SDBM_REPLACE);
    V(APR_SDBM_INSERTDUP);

    /* apr_memcache.h */
    S(apr_memcache_server_status_t);
    V(APR_MC_SERVER_LIVE);
    V(APR_MC_SERVER_DEAD);
    S(apr_memcache_server_t);
    O(apr_memcache_server_t, host);
    O(apr_memcache_server_t, port);
    O(apr_memcache_server_t, status);
#if APR_HAS_THREADS
    O(apr_memcache_server_t, conns);
#else
    O(apr_memcache_server_t, conn);
#endif
    O(apr_memcache_server_t, p);
#if APR_HAS_THREADS
    O(apr_memcache_server_t, lock);
#endif
    O(apr_memcache_server_t, btime);
    S(apr_memcache_t);
    O(apr_memcache_t, flags);
    O(apr_memcache_t, nalloc);
    O(apr_memcache_t, ntotal);
    O(apr_memcache_t, live_servers);
    O(apr_memcache_t, p);
    O(apr_memcache_t, hash_baton);
    O(apr_memcache_t, hash_func);
    O(apr_memcache_t, server_baton);
    O(apr_memcache_t, server_func);
    S(apr_memcache_value_t);
    O(apr_memcache_value_t, status);
    O(apr_memcache_value_t, key);
    O(apr_memcache_value_t, len);
    O(apr_memcache_value_t, data);
    O(apr_memcache_value_t, flags);
    S(apr_memcache_stats_t);
    O(apr_memcache_stats_t, version);
    O(apr_memcache_stats_t, pid);
    O(apr_memcache_stats_t, uptime);
    O(apr_memcache_stats_t, time);
    O(apr_memcache_stats_t, pointer_size);
    O(apr_memcache_stats_t, rusage_user);
    O(apr_memcache_stats_t, rusage_system);
    O(apr_memcache_stats_t, curr_items);
    O(apr_memcache_stats_t, total_items);
    O(apr_memcache_stats_t, bytes);
    O(apr_memcache_stats_t, curr_connections);
    O(apr_memcache_stats_t, total_connections);
    O(apr_memcache_stats_t, connection_structures);
    O(apr_memcache_stats_t, cmd_get);
    O(apr_memcache_stats_t, cmd_set);
    O(apr_memcache_stats_t, get_hits);
    O(apr_memcache_stats_t, get_misses);
    O(apr_memcache_stats_t, evictions);
    O(apr_memcache_stats_t, bytes_read);
    O(apr_memcache_stats_t, bytes_written);
    O(apr_memcache_stats_t, limit_maxbytes);
    O(apr_memcache_stats_t, threads);

    /* apr_redis.h */
    V(RC_DEFAULT_SERVER_PORT);
    V(RC_DEFAULT_SERVER_MIN);
    V(RC_DEFAULT_SERVER_SMAX);
    V(RC_DEFAULT_SERVER_TTL);
    S(apr_redis_server_status_t);
    V(APR_RC_SERVER_LIVE);
    V(APR_RC_SERVER_DEAD);
    S(apr_redis_server_t);
    O(apr_redis_server_t, host);
    O(apr_redis_server_t, port);
    O(apr_redis_server_t, status);
#if APR_HAS_THREADS
    O(apr_redis_server_t, conns);
#else
    O(apr_redis_server_t, conn);
#endif
    O(apr_redis_server_t, p);
#if APR_HAS_THREADS
    O(apr_redis_server_t, lock);
#endif
    O(apr_redis_server_t, btime);
    O(apr_redis_server_t, rwto);
    O(apr_redis_server_t, version.major);
    O(apr_redis_server_t, version.minor);
    O(apr_redis_server_t, version.patch);
    O(apr_redis_server_t, version.number);
    S(apr_redis_t);
    O(apr_redis_t, flags);
    O(apr_redis_t, nalloc);
    O(apr_redis_t, ntotal);
    O(apr_redis_t, live_servers);
    O(apr_redis_t, p);
    O(apr_redis_t, hash_baton);
    O(apr_redis_t, hash_func);
    O(apr_redis_t, server_baton);
    O(apr_redis_t, server_func);
    S(apr_redis_server_role_t);
    V(APR_RS_SERVER_MASTER);
    V(APR_RS_SERVER_SLAVE);
    V(APR_RS_SERVER_UNKNOWN);
    S(apr_redis_stats_t);
    O(apr_redis_stats_t, major);
    O(apr_redis_stats_t, minor);
    O(apr_redis_stats_t, patch);
    O(apr_redis_stats_t, process_id);
    O(apr_redis_stats_t, uptime_in_seconds);
    O(apr_redis_stats_t, arch_bits);
    O(apr_redis_stats_t, connected_clients);
    O(apr_redis_stats_t, blocked_clients);
    O(apr_redis_stats_t, maxmemory);
    O(apr_redis_stats_t, used_memory);
    O(apr_redis_stats_t, total_system_memory);
    O(apr_redis_stats_t, total_connections_received);
    O(apr_redis_stats_t, total_commands_processed);
    O(apr_redis_stats_t, rejected_connections);
    O(apr_redis_stats_t, total_net_input_bytes);
    O(apr_redis_stats_t, total_net_output_bytes);
    O(apr_redis_stats_t, keyspace_hits);
    O(apr_redis_stats_t, keyspace_misses);
    O(apr_redis_stats_t, role);
    O(apr_redis_stats_t, connected_slaves);
    O(apr_redis_stats_t, used_cpu_sys);
    O(apr_redis_stats_t, used_cpu_user);
    O(apr_redis_stats_t, cluster_enabled);

    /* apr_reslist.h, apr_thread_pool.h, apr_rmm.h, apr_anylock.h
     * (apr_queue_t, apr_reslist_t, apr_thread_pool_t, apr_rmm_t are
     * opaque) */
    V(APR_RESLIST_CLEANUP_DEFAULT);
    V(APR_RESLIST_CLEANUP_FIRST);
    V(APR_THREAD_TASK_PRIORITY_LOWEST);
    V(APR_THREAD_TASK_PRIORITY_LOW);
    V(APR_THREAD_TASK_PRIORITY_NORMAL);
    V(APR_THREAD_TASK_PRIORITY_HIGH);
    V(APR_THREAD_TASK_PRIORITY_HIGHEST);
    S(apr_rmm_off_t);
    S(apr_anylock_t);
    O(apr_anylock_t, type);
    O(apr_anylock_t, lock);
    O(apr_anylock_t, lock.pm);
#if APR_HAS_THREADS
    O(apr_anylock_t, lock.tm);
    O(apr_anylock_t, lock.rw);
#endif
    V(apr_anylock_none);
    V(apr_anylock_procmutex);
    V(apr_anylock_threadmutex);
    V(apr_anylock_readlock);
    V(apr_anylock_writelock);

    /* apr_xml.h (apr_xml_parser is opaque) */
    S(apr_text);
    O(apr_text, text);
    O(apr_text, next);
    S(apr_text_header);
    O(apr_text_header, first);
    O(apr_text_header, last);
    V(APR_XML_NS_DAV_ID);
    V(APR_XML_NS_NONE);
    V(APR_XML_NS_ERROR_BASE);
    S(apr_xml_attr);
    O(apr_xml_attr, name);
    O(apr_xml_attr, ns);
    O(apr_xml_attr, value);
    O(apr_xml_attr, next);
    S(apr_xml_elem);
    O(apr_xml_elem, name);
    O(apr_xml_elem, ns);
    O(apr_xml_elem, lang);
    O(apr_xml_elem, first_cdata);
    O(apr_xml_elem, following_cdata);
    O(apr_xml_elem, parent);
    O(apr_xml_elem, next);
    O(apr_xml_elem, first_child);
    O(apr_xml_elem, attr);
    O(apr_xml_elem, last_child);
    O(apr_xml_elem, ns_scope);
    O(apr_xml_elem, priv);
    S(apr_xml_doc);
    O(apr_xml_doc, root);
    O(apr_xml_doc, namespaces);
    V(APR_XML_X2T_FULL);
    V(APR_XML_X2T_INNER);
    V(APR_XML_X2T_LANG_INNER);
    V(APR_XML_X2T_FULL_NS_LANG);
    V(APR_XML_X2T_PARSED);
    return 0;
}
