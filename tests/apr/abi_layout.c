/*
 * The public structures, constants and type sizes of apr, printed one per
 * line. Built against our headers and against the reference APR, and the
 * two outputs compared (test abi_layout): a program compiled against
 * either sees the same layout. Later headers add their lines here.
 */
#include <stdio.h>
#include <stddef.h>
#include <netinet/tcp.h>
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
#include "apr_mmap.h"
#include "apr_portable.h"
#include "apr_poll.h"
#include "apr_file_io.h"
#include "apr_file_info.h"
#include "apr_perms_set.h"
#include "apr_shm.h"
#include "apr_dso.h"
#include "apr_signal.h"
#include "apr_atomic.h"
#include "apr_thread_cond.h"
#include "apr_thread_rwlock.h"
#include "apr_proc_mutex.h"
#include "apr_global_mutex.h"
#include "apr_thread_proc.h"
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
    /* apr_mmap.h, apr_portable.h */
    S(apr_mmap_t);
    O(apr_mmap_t, cntxt);
    O(apr_mmap_t, mm);
    O(apr_mmap_t, size);
    O(apr_mmap_t, link);
    V(APR_MMAP_READ);
    V(APR_MMAP_WRITE);
    V(APR_MMAP_THRESHOLD);
    V(APR_MMAP_LIMIT);
    S(apr_os_sock_info_t);
    O(apr_os_sock_info_t, os_sock);
    O(apr_os_sock_info_t, local);
    O(apr_os_sock_info_t, remote);
    O(apr_os_sock_info_t, family);
    O(apr_os_sock_info_t, type);
    O(apr_os_sock_info_t, protocol);
    S(apr_os_proc_mutex_t);
    O(apr_os_proc_mutex_t, crossproc);
    O(apr_os_proc_mutex_t, pthread_interproc);
    O(apr_os_proc_mutex_t, intraproc);
    O(apr_os_proc_mutex_t, psem_interproc);
    S(apr_os_global_mutex_t);
    O(apr_os_global_mutex_t, pool);
    O(apr_os_global_mutex_t, proc_mutex);
    O(apr_os_global_mutex_t, thread_mutex);
    S(apr_os_file_t);
    S(apr_os_sock_t);
    S(apr_os_thread_t);
    S(apr_os_threadkey_t);
    S(apr_os_proc_t);
    S(apr_os_imp_time_t);
    S(apr_os_exp_time_t);
    S(apr_os_dso_handle_t);
    S(apr_os_shm_t);
    /* apr_poll.h */
    S(apr_pollfd_t);
    O(apr_pollfd_t, p);
    O(apr_pollfd_t, desc_type);
    O(apr_pollfd_t, reqevents);
    O(apr_pollfd_t, rtnevents);
    O(apr_pollfd_t, desc);
    O(apr_pollfd_t, client_data);
    S(apr_descriptor);
    S(apr_datatype_e);
    S(apr_pollset_method_e);
    S(apr_pollcb_cb_t);
    V(APR_POLLIN);
    V(APR_POLLPRI);
    V(APR_POLLOUT);
    V(APR_POLLERR);
    V(APR_POLLHUP);
    V(APR_POLLNVAL);
    V(APR_POLLSET_THREADSAFE);
    V(APR_POLLSET_NOCOPY);
    V(APR_POLLSET_WAKEABLE);
    V(APR_POLLSET_NODEFAULT);
    V(APR_POLLSET_DEFAULT);
    V(APR_POLLSET_SELECT);
    V(APR_POLLSET_KQUEUE);
    V(APR_POLLSET_PORT);
    V(APR_POLLSET_EPOLL);
    V(APR_POLLSET_POLL);
    V(APR_POLLSET_AIO_MSGQ);
    V(APR_NO_DESC);
    V(APR_POLL_SOCKET);
    V(APR_POLL_FILE);
    V(APR_POLL_LASTDESC);
    /* apr_network_io.h */
    S(apr_hdtr_t);
    O(apr_hdtr_t, headers);
    O(apr_hdtr_t, numheaders);
    O(apr_hdtr_t, trailers);
    O(apr_hdtr_t, numtrailers);
    S(apr_port_t);
    S(apr_in_addr_t);
    S(apr_shutdown_how_e);
    S(apr_interface_e);
    V(APR_SO_LINGER);
    V(APR_SO_KEEPALIVE);
    V(APR_SO_DEBUG);
    V(APR_SO_NONBLOCK);
    V(APR_SO_REUSEADDR);
    V(APR_SO_SNDBUF);
    V(APR_SO_RCVBUF);
    V(APR_SO_DISCONNECTED);
    V(APR_TCP_NODELAY);
    V(APR_TCP_NOPUSH);
    V(APR_RESET_NODELAY);
    V(APR_INCOMPLETE_READ);
    V(APR_INCOMPLETE_WRITE);
    V(APR_IPV6_V6ONLY);
    V(APR_TCP_DEFER_ACCEPT);
    V(APR_SO_BROADCAST);
    V(APR_SO_FREEBIND);
    V(APR_SHUTDOWN_READ);
    V(APR_SHUTDOWN_WRITE);
    V(APR_SHUTDOWN_READWRITE);
    V(APR_IPV4_ADDR_OK);
    V(APR_IPV6_ADDR_OK);
    V(APR_INADDR_NONE);
    V(APR_INET);
    V(APR_INET6);
    V(APR_PROTO_TCP);
    V(APR_PROTO_UDP);
    V(APR_PROTO_SCTP);
    V(APR_LOCAL);
    V(APR_REMOTE);
    V(APR_SENDFILE_DISCONNECT_SOCKET);
    V(APR_HAS_SENDFILE);
    V(APR_HAS_SO_ACCEPTFILTER);
    V(APR_TCP_NOPUSH_FLAG);
    V(APR_TCP_NODELAY_INHERITED);
    V(APR_O_NONBLOCK_INHERITED);
    V(APR_HAVE_CORKABLE_TCP);
    /* apr_file_io.h */
    V(APR_FOPEN_READ);
    V(APR_FOPEN_WRITE);
    V(APR_FOPEN_CREATE);
    V(APR_FOPEN_APPEND);
    V(APR_FOPEN_TRUNCATE);
    V(APR_FOPEN_BINARY);
    V(APR_FOPEN_EXCL);
    V(APR_FOPEN_BUFFERED);
    V(APR_FOPEN_DELONCLOSE);
    V(APR_FOPEN_XTHREAD);
    V(APR_FOPEN_SHARELOCK);
    V(APR_FOPEN_NOCLEANUP);
    V(APR_FOPEN_SENDFILE_ENABLED);
    V(APR_FOPEN_LARGEFILE);
    V(APR_FOPEN_SPARSE);
    V(APR_FOPEN_NONBLOCK);
    V(APR_READ);
    V(APR_WRITE);
    V(APR_CREATE);
    V(APR_APPEND);
    V(APR_TRUNCATE);
    V(APR_BINARY);
    V(APR_EXCL);
    V(APR_BUFFERED);
    V(APR_DELONCLOSE);
    V(APR_XTHREAD);
    V(APR_SHARELOCK);
    V(APR_FILE_NOCLEANUP);
    V(APR_SENDFILE_ENABLED);
    V(APR_LARGEFILE);
    V(APR_SET);
    V(APR_CUR);
    V(APR_END);
    V(APR_FILE_ATTR_READONLY);
    V(APR_FILE_ATTR_EXECUTABLE);
    V(APR_FILE_ATTR_HIDDEN);
    V(APR_MAX_IOVEC_SIZE);
    V(APR_FLOCK_SHARED);
    V(APR_FLOCK_EXCLUSIVE);
    V(APR_FLOCK_TYPEMASK);
    V(APR_FLOCK_NONBLOCK);
    S(apr_fileattrs_t);
    S(apr_seek_where_t);
    /* apr_file_info.h, apr_perms_set.h */
    S(apr_finfo_t);
    O(apr_finfo_t, pool);
    O(apr_finfo_t, valid);
    O(apr_finfo_t, protection);
    O(apr_finfo_t, filetype);
    O(apr_finfo_t, user);
    O(apr_finfo_t, group);
    O(apr_finfo_t, inode);
    O(apr_finfo_t, device);
    O(apr_finfo_t, nlink);
    O(apr_finfo_t, size);
    O(apr_finfo_t, csize);
    O(apr_finfo_t, atime);
    O(apr_finfo_t, mtime);
    O(apr_finfo_t, ctime);
    O(apr_finfo_t, fname);
    O(apr_finfo_t, name);
    O(apr_finfo_t, filehand);
    S(apr_filetype_e);
    S(apr_fileperms_t);
    S(apr_dev_t);
    S(apr_ino_t);
    V(APR_NOFILE);
    V(APR_REG);
    V(APR_DIR);
    V(APR_CHR);
    V(APR_BLK);
    V(APR_PIPE);
    V(APR_LNK);
    V(APR_SOCK);
    V(APR_UNKFILE);
    V(APR_FPROT_USETID);
    V(APR_FPROT_UREAD);
    V(APR_FPROT_UWRITE);
    V(APR_FPROT_UEXECUTE);
    V(APR_FPROT_GSETID);
    V(APR_FPROT_GREAD);
    V(APR_FPROT_GWRITE);
    V(APR_FPROT_GEXECUTE);
    V(APR_FPROT_WSTICKY);
    V(APR_FPROT_WREAD);
    V(APR_FPROT_WWRITE);
    V(APR_FPROT_WEXECUTE);
    V(APR_FPROT_OS_DEFAULT);
    V(APR_FPROT_FILE_SOURCE_PERMS);
    V(APR_USETID);
    V(APR_UREAD);
    V(APR_UWRITE);
    V(APR_UEXECUTE);
    V(APR_GSETID);
    V(APR_GREAD);
    V(APR_GWRITE);
    V(APR_GEXECUTE);
    V(APR_WSTICKY);
    V(APR_WREAD);
    V(APR_WWRITE);
    V(APR_WEXECUTE);
    V(APR_OS_DEFAULT);
    V(APR_FILE_SOURCE_PERMS);
    V(APR_FINFO_LINK);
    V(APR_FINFO_MTIME);
    V(APR_FINFO_CTIME);
    V(APR_FINFO_ATIME);
    V(APR_FINFO_SIZE);
    V(APR_FINFO_CSIZE);
    V(APR_FINFO_DEV);
    V(APR_FINFO_INODE);
    V(APR_FINFO_NLINK);
    V(APR_FINFO_TYPE);
    V(APR_FINFO_USER);
    V(APR_FINFO_GROUP);
    V(APR_FINFO_UPROT);
    V(APR_FINFO_GPROT);
    V(APR_FINFO_WPROT);
    V(APR_FINFO_ICASE);
    V(APR_FINFO_NAME);
    V(APR_FINFO_MIN);
    V(APR_FINFO_IDENT);
    V(APR_FINFO_OWNER);
    V(APR_FINFO_PROT);
    V(APR_FINFO_NORM);
    V(APR_FINFO_DIRENT);
    V(APR_FILEPATH_NOTABOVEROOT);
    V(APR_FILEPATH_SECUREROOTTEST);
    V(APR_FILEPATH_SECUREROOT);
    V(APR_FILEPATH_NOTRELATIVE);
    V(APR_FILEPATH_NOTABSOLUTE);
    V(APR_FILEPATH_NATIVE);
    V(APR_FILEPATH_TRUENAME);
    V(APR_FILEPATH_ENCODING_UNKNOWN);
    V(APR_FILEPATH_ENCODING_LOCALE);
    V(APR_FILEPATH_ENCODING_UTF8);
    S(apr_perms_setfn_t *);
    /* apr_shm.h, apr_dso.h */
    V(APR_SHM_NS_LOCAL);
    V(APR_SHM_NS_GLOBAL);
    V(APR_HAS_SHARED_MEMORY);
    V(APR_HAS_DSO);
    S(apr_dso_handle_sym_t);
    S(apr_os_shm_t);
    S(apr_os_dso_handle_t);

    /* apr_signal.h, apr_atomic.h, apr_thread_cond.h, apr_thread_rwlock.h:
     * opaque types and functions only, but a handler pointer is passed. */
    S(apr_sigfunc_t *);
    /* apr_proc_mutex.h, apr_global_mutex.h */
    V(APR_LOCK_FCNTL);
    V(APR_LOCK_FLOCK);
    V(APR_LOCK_SYSVSEM);
    V(APR_LOCK_PROC_PTHREAD);
    V(APR_LOCK_POSIXSEM);
    V(APR_LOCK_DEFAULT);
    V(APR_LOCK_DEFAULT_TIMED);
    S(apr_lockmech_e);
    V(APR_HAS_FCNTL_SERIALIZE);
    V(APR_HAS_FLOCK_SERIALIZE);
    V(APR_HAS_SYSVSEM_SERIALIZE);
    V(APR_HAS_POSIXSEM_SERIALIZE);
    V(APR_HAS_PROC_PTHREAD_SERIALIZE);
    V(APR_USE_PROC_PTHREAD_SERIALIZE);
    V(APR_PROC_MUTEX_IS_GLOBAL);
    V(APR_HAS_TIMEDLOCKS);

    /* apr_thread_proc.h */
    S(apr_proc_t);
    O(apr_proc_t, pid);
    O(apr_proc_t, in);
    O(apr_proc_t, out);
    O(apr_proc_t, err);
    S(apr_cmdtype_e);
    V(APR_SHELLCMD);
    V(APR_PROGRAM);
    V(APR_PROGRAM_ENV);
    V(APR_PROGRAM_PATH);
    V(APR_SHELLCMD_ENV);
    V(APR_WAIT);
    V(APR_NOWAIT);
    S(apr_exit_why_e);
    V(APR_PROC_EXIT);
    V(APR_PROC_SIGNAL);
    V(APR_PROC_SIGNAL_CORE);
    V(APR_PROC_CHECK_EXIT(APR_PROC_EXIT));
    V(APR_PROC_CHECK_SIGNALED(APR_PROC_SIGNAL));
    V(APR_PROC_CHECK_CORE_DUMP(APR_PROC_SIGNAL_CORE));
    V(APR_NO_PIPE);
    V(APR_FULL_BLOCK);
    V(APR_FULL_NONBLOCK);
    V(APR_PARENT_BLOCK);
    V(APR_CHILD_BLOCK);
    V(APR_NO_FILE);
    V(APR_READ_BLOCK);
    V(APR_WRITE_BLOCK);
    V(APR_LIMIT_CPU);
    V(APR_LIMIT_MEM);
    V(APR_LIMIT_NPROC);
    V(APR_LIMIT_NOFILE);
    V(APR_OC_REASON_DEATH);
    V(APR_OC_REASON_UNWRITABLE);
    V(APR_OC_REASON_RESTART);
    V(APR_OC_REASON_UNREGISTER);
    V(APR_OC_REASON_LOST);
    V(APR_OC_REASON_RUNNING);
    S(apr_kill_conditions_e);
    V(APR_KILL_NEVER);
    V(APR_KILL_ALWAYS);
    V(APR_KILL_AFTER_TIMEOUT);
    V(APR_JUST_WAIT);
    V(APR_KILL_ONLY_ONCE);
    V(APR_PROC_DETACH_FOREGROUND);
    V(APR_PROC_DETACH_DAEMONIZE);
    V(APR_HAS_PROC_INVOKED);
    S(apr_thread_start_t);
    S(apr_child_errfn_t *);
    S(apr_os_thread_t);
    S(apr_os_threadkey_t);
    S(apr_os_proc_t);
    return 0;
}
