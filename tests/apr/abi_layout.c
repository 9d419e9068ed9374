/*
 * The public structures, constants and type sizes of apr, printed one per
 * line. Built against our headers and against the reference APR, and the
 * two outputs compared (test abi_layout): a program compiled against
 * either sees the same layout. Later headers add their lines here.
 */
#include <stdio.h>
#include <stddef.h>
#include "apr_general.h"
#include "apr_pools.h"
#include "apr_allocator.h"
#include "apr_tables.h"
#include "apr_time.h"
#include "apr_getopt.h"
#include "apr_lib.h"
#include "apr_strings.h"
#include "apr_random.h"
#include "apr_version.h"
#include "apr_skiplist.h"
#include "apr_ring.h"
#include "apr_hash.h"
#include "apr_escape.h"
#include "apr_fnmatch.h"
#include "apr_cstr.h"
#include "apr_env.h"
#include "apr_user.h"
#include "apr_thread_mutex.h"
#include "apr_network_io.h"
#define S(t) printf("sizeof %s %zu\n", #t, sizeof(t))
#define V(c) printf("value %s %lld\n", #c, (long long)(c))
#define O(t, f) printf("offsetof %s.%s %zu\n", #t, #f, offsetof(t, f))
int main(void)
{
    S(apr_time_exp_t);
    O(apr_time_exp_t, tm_usec);
    O(apr_time_exp_t, tm_sec);
    O(apr_time_exp_t, tm_gmtoff);
    O(apr_time_exp_t, tm_isdst);

    S(apr_getopt_t);
    O(apr_getopt_t, cont);
    O(apr_getopt_t, errfn);
    O(apr_getopt_t, errarg);
    O(apr_getopt_t, ind);
    O(apr_getopt_t, opt);
    O(apr_getopt_t, reset);
    O(apr_getopt_t, argc);
    O(apr_getopt_t, argv);
    O(apr_getopt_t, place);
    O(apr_getopt_t, interleave);
    O(apr_getopt_t, skip_start);
    O(apr_getopt_t, skip_end);

    S(apr_getopt_option_t);
    O(apr_getopt_option_t, name);
    O(apr_getopt_option_t, optch);
    O(apr_getopt_option_t, has_arg);
    O(apr_getopt_option_t, description);

    S(apr_array_header_t);
    O(apr_array_header_t, pool);
    O(apr_array_header_t, elt_size);
    O(apr_array_header_t, nelts);
    O(apr_array_header_t, nalloc);
    O(apr_array_header_t, elts);

    S(apr_table_entry_t);
    O(apr_table_entry_t, key);
    O(apr_table_entry_t, val);
    O(apr_table_entry_t, key_checksum);

    S(apr_memnode_t);
    O(apr_memnode_t, next);
    O(apr_memnode_t, ref);
    O(apr_memnode_t, index);
    O(apr_memnode_t, free_index);
    O(apr_memnode_t, first_avail);
    O(apr_memnode_t, endp);

    S(apr_vformatter_buff_t);
    O(apr_vformatter_buff_t, curpos);
    O(apr_vformatter_buff_t, endpos);

    S(apr_crypto_hash_t);
    O(apr_crypto_hash_t, init);
    O(apr_crypto_hash_t, add);
    O(apr_crypto_hash_t, finish);
    O(apr_crypto_hash_t, size);
    O(apr_crypto_hash_t, data);

    S(apr_version_t);

    S(apr_sockaddr_t);
    O(apr_sockaddr_t, pool);
    O(apr_sockaddr_t, hostname);
    O(apr_sockaddr_t, servname);
    O(apr_sockaddr_t, port);
    O(apr_sockaddr_t, family);
    O(apr_sockaddr_t, salen);
    O(apr_sockaddr_t, ipaddr_len);
    O(apr_sockaddr_t, addr_str_len);
    O(apr_sockaddr_t, ipaddr_ptr);
    O(apr_sockaddr_t, next);
    O(apr_sockaddr_t, sa);
    V(APR_ALLOCATOR_MAX_FREE_UNLIMITED);
    V(APR_FNM_NOMATCH);
    V(APR_FNM_NOESCAPE);
    V(APR_FNM_PATHNAME);
    V(APR_FNM_PERIOD);
    V(APR_FNM_CASE_BLIND);
    V(APR_ESCAPE_STRING);
    V(APR_ESCAPE_LDAP_DN);
    V(APR_ESCAPE_LDAP_FILTER);
    V(APR_ESCAPE_LDAP_ALL);
    V(APR_RFC822_DATE_LEN);
    V(APR_CTIME_LEN);
    V(APR_USEC_PER_SEC);
    V(HUGE_STRING_LEN);
    V(APR_OVERLAP_TABLES_SET);
    V(APR_OVERLAP_TABLES_MERGE);
    V(APR_OVERLAP_TABLES_ADD);
    V(APR_INET);
    V(APR_INET6);
    V(APR_UNSPEC);
    V(APR_UNIX);
    V(APR_HASH_KEY_STRING);
    V(APR_THREAD_MUTEX_DEFAULT);
    V(APR_THREAD_MUTEX_NESTED);
    V(APR_THREAD_MUTEX_UNNESTED);
    V(APR_THREAD_MUTEX_TIMED);
    V(APR_MAX_SECS_TO_LINGER);
    V(APRMAXHOSTLEN);
    printf("value APR_ANYADDR %s\n", APR_ANYADDR);
    V(APR_SIZE_MAX);
    V(APR_INT64_MAX);
    V(APR_UINT32_MAX);
    V(APR_PATH_MAX);
    V(APR_OS_START_ERROR);
    V(APR_OS_START_STATUS);
    V(APR_OS_START_USERERR);
    V(APR_OS_START_CANONERR);
    V(APR_OS_START_EAIERR);
    V(APR_OS_START_SYSERR);
    V(APR_EBUSY);
    V(APR_ENOTENOUGHENTROPY);
    V(APR_TIMEUP);
    V(APR_EOF);
    V(APR_BADCH);
    V(APR_BADARG);
    V(APR_NOTFOUND);
    V(APR_EGENERAL);
    V(APR_ENOTIMPL);
    V(APR_EMISMATCH);
    S(apr_time_t);
    S(apr_interval_time_t);
    S(apr_short_interval_time_t);
    S(apr_off_t);
    S(apr_ssize_t);
    S(apr_socklen_t);
    S(apr_uid_t);
    S(apr_gid_t);
    return 0;
}
