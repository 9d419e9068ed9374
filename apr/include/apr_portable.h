/*
 * apr_portable.h: the native handles behind APR's objects.
 *
 * The apr_os_*_t types name what the operating system uses for a file,
 * socket, directory, thread, lock, time, shared memory segment or loaded
 * library; the *_get functions read the native handle out of an APR object,
 * the *_put functions wrap a native handle into a new (or reused) APR
 * object allocated from the given pool. An object made by a *_put function
 * does not own its handle unless the function says so: closing it is the
 * caller's business.
 *
 * This is the one public header that is allowed to differ per operating
 * system; the unix definitions are below (a Windows port adds its own).
 */
#ifndef APR_PORTABLE_H
#define APR_PORTABLE_H

/**
 * @file apr_portable.h
 * @brief APR portability routines: native handles of APR objects
 */

#include "apr.h"
#include "apr_pools.h"
#include "apr_errno.h"
#include "apr_time.h"
#include "apr_thread_mutex.h"
#include "apr_file_io.h"
#include "apr_network_io.h"

#include "apr_thread_proc.h"
#include "apr_proc_mutex.h"
#include "apr_global_mutex.h"
#include "apr_shm.h"
#include "apr_dso.h"

#if APR_HAVE_DIRENT_H
#include <dirent.h>
#endif
#if APR_HAVE_FCNTL_H
#include <fcntl.h>
#endif
#if APR_HAVE_PTHREAD_H
#include <pthread.h>
#endif
#if APR_HAVE_SEMAPHORE_H
#include <semaphore.h>
#endif
#if APR_HAVE_SYS_TIME_H
#include <sys/time.h>
#endif
#if APR_HAVE_SYS_TYPES_H
#include <sys/types.h>
#endif
#if APR_HAVE_SYS_SOCKET_H
#include <sys/socket.h>
#endif
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_portabile Portability Routines
 * @ingroup APR
 * @{
 */

/**
 * The native pieces of a process mutex. Which members exist depends on
 * the locking mechanisms the platform has; the mechanism in use decides
 * which member is meaningful.
 */
struct apr_os_proc_mutex_t {
#if APR_HAS_SYSVSEM_SERIALIZE || APR_HAS_FCNTL_SERIALIZE || \
    APR_HAS_FLOCK_SERIALIZE
    /** The descriptor or semaphore id of the fcntl, flock and SysV
     *  semaphore mechanisms */
    int crossproc;
#endif
#if APR_HAS_PROC_PTHREAD_SERIALIZE
    /** The mutex in shared memory of the process-shared pthread
     *  mechanism */
    pthread_mutex_t *pthread_interproc;
#endif
#if APR_HAS_THREADS && APR_USE_PTHREAD_SERIALIZE
    /** Kept for layout compatibility; APR does not use it */
    pthread_mutex_t *intraproc;
#endif
#if APR_HAS_POSIXSEM_SERIALIZE
    /** The semaphore of the POSIX semaphore mechanism */
    sem_t *psem_interproc;
#endif
};

/** A native file: a descriptor. */
typedef int apr_os_file_t;
/** A native directory stream. */
typedef DIR apr_os_dir_t;
/** A native socket: a descriptor. */
typedef int apr_os_sock_t;
/** A native process mutex. */
typedef struct apr_os_proc_mutex_t apr_os_proc_mutex_t;
#if APR_HAS_THREADS && APR_HAVE_PTHREAD_H
/** A native thread. */
typedef pthread_t apr_os_thread_t;
/** A native thread-private data key. */
typedef pthread_key_t apr_os_threadkey_t;
#endif
/** A native process id. */
typedef pid_t apr_os_proc_t;
/** A native point in time (seconds and microseconds since the epoch). */
typedef struct timeval apr_os_imp_time_t;
/** A native broken-down time. */
typedef struct tm apr_os_exp_time_t;
/** A native loaded-library handle, as dlopen() returns it. */
typedef void *apr_os_dso_handle_t;
/** A native shared memory segment: its base address. */
typedef void *apr_os_shm_t;

/**
 * What apr_os_sock_make() needs to know of an open socket. The addresses
 * are copied; the descriptor is taken over by the new apr_socket_t.
 */
struct apr_os_sock_info_t {
    /** The descriptor (required) */
    apr_os_sock_t *os_sock;
    /** The local address, or NULL if the socket is not bound */
    struct sockaddr *local;
    /** The peer's address, or NULL if the socket is not connected */
    struct sockaddr *remote;
    /** The address family, APR_INET, APR_INET6, ... (required) */
    int family;
    /** SOCK_STREAM, SOCK_DGRAM, ... (required) */
    int type;
    /** The protocol (APR_PROTO_TCP, ...) or 0 */
    int protocol;
};

/** @see struct apr_os_sock_info_t */
typedef struct apr_os_sock_info_t apr_os_sock_info_t;

#if APR_PROC_MUTEX_IS_GLOBAL
/** Where a process mutex also excludes threads, a global mutex is one. */
#define apr_os_global_mutex_t apr_os_proc_mutex_t
/** Read the native mutex of a global mutex. */
#define apr_os_global_mutex_get apr_os_proc_mutex_get
#else
/**
 * The pieces of a global mutex: a process mutex, plus a thread mutex where
 * the process mutex does not exclude the threads of its own process.
 */
struct apr_os_global_mutex_t {
    /** The pool the global mutex lives in */
    apr_pool_t *pool;
    /** The process mutex */
    apr_proc_mutex_t *proc_mutex;
#if APR_HAS_THREADS
    /** The thread mutex, or NULL */
    apr_thread_mutex_t *thread_mutex;
#endif
};
/** @see struct apr_os_global_mutex_t */
typedef struct apr_os_global_mutex_t apr_os_global_mutex_t;

/**
 * Read the pieces of a global mutex.
 * @param ospmutex Receives them.
 * @param pmutex The global mutex.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_global_mutex_get(
    apr_os_global_mutex_t *ospmutex, apr_global_mutex_t *pmutex);
#endif

/**
 * Read the descriptor of a file.
 * @param thefile Receives the descriptor (still owned by file).
 * @param file The file.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_file_get(apr_os_file_t *thefile,
                                          apr_file_t *file);

/**
 * Read the directory stream of a directory.
 * @param thedir Receives the DIR pointer (still owned by dir).
 * @param dir The directory.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_dir_get(apr_os_dir_t **thedir,
                                         apr_dir_t *dir);

/**
 * Read the descriptor of a socket.
 * @param thesock Receives the descriptor (still owned by sock).
 * @param sock The socket.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_sock_get(apr_os_sock_t *thesock,
                                          apr_socket_t *sock);

/**
 * Read the native pieces of a process mutex.
 * @param ospmutex Receives them.
 * @param pmutex The process mutex.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_proc_mutex_get(
    apr_os_proc_mutex_t *ospmutex, apr_proc_mutex_t *pmutex);

/**
 * Read the native pieces of a process mutex and its mechanism.
 * @param ospmutex Receives them.
 * @param pmutex The process mutex.
 * @param mech Receives the mechanism, unless NULL.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_proc_mutex_get_ex(
    apr_os_proc_mutex_t *ospmutex, apr_proc_mutex_t *pmutex,
    apr_lockmech_e *mech);

/**
 * Convert an apr_time_exp_t into a struct tm.
 * @param ostime Points to the struct tm to fill (*ostime must not be
 *        NULL).
 * @param aprtime The exploded time; its microseconds are dropped.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_exp_time_get(apr_os_exp_time_t **ostime,
                                              apr_time_exp_t *aprtime);

/**
 * Convert an apr_time_t into a struct timeval.
 * @param ostime Points to the struct timeval to fill (*ostime must not be
 *        NULL).
 * @param aprtime The time.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_imp_time_get(apr_os_imp_time_t **ostime,
                                              apr_time_t *aprtime);

/**
 * Read the base address of a shared memory segment.
 * @param osshm Receives it.
 * @param shm The segment.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_shm_get(apr_os_shm_t *osshm,
                                         apr_shm_t *shm);

#if APR_HAS_THREADS
/**
 * @defgroup apr_os_thread Thread portability Routines
 * @{
 */

/**
 * Read the native thread of an APR thread.
 * @param thethd Receives a pointer to the pthread_t (owned by thd).
 * @param thd The thread.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_thread_get(apr_os_thread_t **thethd,
                                            apr_thread_t *thd);

/**
 * Read the native key of a thread-private data key.
 * @param thekey Receives the key.
 * @param key The APR key.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_threadkey_get(apr_os_threadkey_t *thekey,
                                               apr_threadkey_t *key);

/**
 * Wrap a native thread into an APR thread (which cannot be joined
 * through APR unless APR created it).
 * @param thd Receives the thread; if *thd is not NULL it is reused.
 * @param thethd The native thread.
 * @param cont The pool to allocate from.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_thread_put(apr_thread_t **thd,
                                            apr_os_thread_t *thethd,
                                            apr_pool_t *cont);

/**
 * Wrap a native thread-private data key into an APR key.
 * @param key Receives the key; if *key is not NULL it is reused.
 * @param thekey The native key.
 * @param cont The pool to allocate from.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_threadkey_put(apr_threadkey_t **key,
                                               apr_os_threadkey_t *thekey,
                                               apr_pool_t *cont);

/**
 * The calling thread's native id.
 * @return pthread_self().
 */
APR_DECLARE(apr_os_thread_t) apr_os_thread_current(void);

/**
 * Compare two native thread ids.
 * @param tid1 One thread.
 * @param tid2 The other.
 * @return Non-zero if they are the same thread, zero otherwise.
 */
APR_DECLARE(int) apr_os_thread_equal(apr_os_thread_t tid1,
                                     apr_os_thread_t tid2);

/** @} */
#endif /* APR_HAS_THREADS */

/**
 * Wrap a file descriptor into an apr_file_t. No cleanup is registered:
 * the descriptor stays open when the pool goes, unless apr_file_close()
 * is called.
 * @param file Receives the file.
 * @param thefile The descriptor.
 * @param flags The APR_FOPEN_* flags it behaves by (APR_FOPEN_BUFFERED
 *        gives it a buffer, APR_FOPEN_APPEND, ...).
 * @param cont The pool to allocate from.
 * @return APR_SUCCESS or APR_ENOMEM.
 */
APR_DECLARE(apr_status_t) apr_os_file_put(apr_file_t **file,
                                          apr_os_file_t *thefile,
                                          apr_int32_t flags,
                                          apr_pool_t *cont);

/**
 * Wrap a pipe descriptor into an apr_file_t, with no cleanup registered.
 * @param file Receives the pipe.
 * @param thefile The descriptor.
 * @param cont The pool to allocate from.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_pipe_put(apr_file_t **file,
                                          apr_os_file_t *thefile,
                                          apr_pool_t *cont);

/**
 * Wrap a pipe descriptor into an apr_file_t.
 * @param file Receives the pipe.
 * @param thefile The descriptor.
 * @param register_cleanup Non-zero: the pool's cleanup closes the pipe.
 * @param cont The pool to allocate from.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_pipe_put_ex(apr_file_t **file,
                                             apr_os_file_t *thefile,
                                             int register_cleanup,
                                             apr_pool_t *cont);

/**
 * Wrap a directory stream into an apr_dir_t.
 * @param dir Receives the directory; if *dir is not NULL it is reused.
 * @param thedir The DIR pointer.
 * @param cont The pool to allocate from.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_dir_put(apr_dir_t **dir,
                                         apr_os_dir_t *thedir,
                                         apr_pool_t *cont);

/**
 * Wrap a socket descriptor into an apr_socket_t. Its addresses are not
 * known (they are looked up when asked for); prefer apr_os_sock_make()
 * for a real socket.
 * @param sock Receives the socket; if *sock is not NULL it is reused.
 * @param thesock The descriptor.
 * @param cont The pool to allocate from.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_sock_put(apr_socket_t **sock,
                                          apr_os_sock_t *thesock,
                                          apr_pool_t *cont);

/**
 * Make an apr_socket_t of an open socket and what is known of it. The
 * pool's cleanup closes the descriptor.
 * @param apr_sock Receives the socket.
 * @param os_sock_info The descriptor, its addresses, family, type and
 *        protocol.
 * @param cont The pool to allocate from.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_sock_make(apr_socket_t **apr_sock,
                                           apr_os_sock_info_t *os_sock_info,
                                           apr_pool_t *cont);

/**
 * Wrap native process mutex pieces into an apr_proc_mutex_t of the
 * default mechanism.
 * @param pmutex Receives the mutex; if *pmutex is not NULL it is reused.
 * @param ospmutex The native pieces.
 * @param cont The pool to allocate from.
 * @return APR_SUCCESS, or APR_ENOTIMPL for a mechanism that cannot be
 *         wrapped.
 */
APR_DECLARE(apr_status_t) apr_os_proc_mutex_put(
    apr_proc_mutex_t **pmutex, apr_os_proc_mutex_t *ospmutex,
    apr_pool_t *cont);

/**
 * Wrap native process mutex pieces into an apr_proc_mutex_t of the
 * given mechanism.
 * @param pmutex Receives the mutex; if *pmutex is not NULL it is reused.
 * @param ospmutex The native pieces.
 * @param mech The mechanism they belong to.
 * @param register_cleanup Non-zero: destroying the APR mutex (or its
 *        pool) destroys the native one too.
 * @param cont The pool to allocate from.
 * @return APR_SUCCESS, or APR_ENOTIMPL for a mechanism that cannot be
 *         wrapped.
 */
APR_DECLARE(apr_status_t) apr_os_proc_mutex_put_ex(
    apr_proc_mutex_t **pmutex, apr_os_proc_mutex_t *ospmutex,
    apr_lockmech_e mech, int register_cleanup, apr_pool_t *cont);

/**
 * Convert a struct timeval into an apr_time_t.
 * @param aprtime Receives the time.
 * @param ostime Points to the struct timeval.
 * @param cont Unused.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_imp_time_put(apr_time_t *aprtime,
                                              apr_os_imp_time_t **ostime,
                                              apr_pool_t *cont);

/**
 * Convert a struct tm into an apr_time_exp_t (tm_usec becomes 0; the
 * GMT offset is copied where struct tm has one).
 * @param aprtime Receives the exploded time.
 * @param ostime Points to the struct tm.
 * @param cont Unused.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_exp_time_put(apr_time_exp_t *aprtime,
                                              apr_os_exp_time_t **ostime,
                                              apr_pool_t *cont);

/**
 * Wrap the base address of an existing shared memory mapping into an
 * apr_shm_t (whose size is unknown to APR).
 * @param shm Receives the segment; if *shm is not NULL it is reused.
 * @param osshm The base address.
 * @param cont The pool to allocate from.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_shm_put(apr_shm_t **shm,
                                         apr_os_shm_t *osshm,
                                         apr_pool_t *cont);

#if APR_HAS_DSO
/**
 * @defgroup apr_os_dso DSO (Dynamic Loading) Portability Routines
 * @{
 */

/**
 * Wrap a dlopen() handle into an apr_dso_handle_t.
 * @param dso Receives the handle.
 * @param thedso The native handle.
 * @param pool The pool to allocate from.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_dso_handle_put(apr_dso_handle_t **dso,
                                                apr_os_dso_handle_t thedso,
                                                apr_pool_t *pool);

/**
 * Read the dlopen() handle of a loaded library.
 * @param dso Receives the native handle.
 * @param aprdso The library.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_os_dso_handle_get(apr_os_dso_handle_t *dso,
                                                apr_dso_handle_t *aprdso);

/** @} */
#endif /* APR_HAS_DSO */

#if APR_HAS_OS_UUID
/**
 * Fill 16 bytes with a UUID from the system (used by apr-util's
 * apr_uuid when the platform has a generator).
 * @param uuid_data 16 bytes.
 * @return APR_SUCCESS or an error.
 */
APR_DECLARE(apr_status_t) apr_os_uuid_get(unsigned char *uuid_data);
#endif

/**
 * The name of the system's default character set.
 * @param pool The pool the name may be allocated from.
 * @return The name, never NULL (a constant string on unix).
 */
APR_DECLARE(const char *) apr_os_default_encoding(apr_pool_t *pool);

/**
 * The name of the character set of the current locale (LC_CTYPE), as
 * nl_langinfo(CODESET) gives it; apr_os_default_encoding() where the
 * locale does not say.
 * @param pool The pool the name is copied into.
 * @return The name, never NULL.
 */
APR_DECLARE(const char *) apr_os_locale_encoding(apr_pool_t *pool);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_PORTABLE_H */
