/*
 * apr_errno.h: status codes.
 *
 * One integer type carries every result: APR_SUCCESS (0), an errno value of
 * the platform, or one of APR's own codes in the ranges laid out below. Test
 * a result with the APR_STATUS_IS_* macros, never with ==, because on some
 * platforms several native codes mean the same thing.
 */
#ifndef APR_ERRNO_H
#define APR_ERRNO_H

#include "apr.h"

#if APR_HAVE_ERRNO_H
#include <errno.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_errno Error Codes
 * @ingroup APR
 * @{
 */

/** The result of an APR call: APR_SUCCESS or an error or status code. */
typedef int apr_status_t;

/**
 * Describe a status code in words.
 * @param statcode The code (APR's own, an errno value, or a folded
 *        resolver error).
 * @param buf Where the text is written, always NUL-terminated.
 * @param bufsize The size of buf.
 * @return buf.
 */
APR_DECLARE(char *) apr_strerror(apr_status_t statcode, char *buf,
                                 apr_size_t bufsize);

/*
 * The code space:
 *
 *         0  APR_SUCCESS; below 20,000 the platform's errno values
 *    20,000  APR_OS_START_ERROR     APR's errors
 *    70,000  APR_OS_START_STATUS    APR's statuses
 *   100,000  APR_UTIL_START_STATUS  APR-util's codes
 *   120,000  APR_OS_START_USERERR   applications' own codes (500,000 wide)
 *   620,000  APR_OS_START_CANONERR  errno values the platform lacks
 *   670,000  APR_OS_START_EAIERR    getaddrinfo() EAI_* errors
 *   720,000  APR_OS_START_SYSERR    native errors on non-errno platforms
 */

/** Where APR's own error codes start. */
#define APR_OS_START_ERROR     20000
/** The width of each range (APR_OS_START_USERERR's is ten times wider). */
#define APR_OS_ERRSPACE_SIZE   50000
/** The part of APR's status range reserved for APR-util. */
#define APR_UTIL_ERRSPACE_SIZE 20000
/** Where APR's status codes start. */
#define APR_OS_START_STATUS    (APR_OS_START_ERROR + APR_OS_ERRSPACE_SIZE)
/** Where APR-util's codes start. */
#define APR_UTIL_START_STATUS  (APR_OS_START_STATUS + \
                                (APR_OS_ERRSPACE_SIZE - APR_UTIL_ERRSPACE_SIZE))
/**
 * Where applications layering their own codes on APR's start. The range is
 * ten spaces wide; Apache httpd uses +2000 to +2999 of it.
 */
#define APR_OS_START_USERERR   (APR_OS_START_STATUS + APR_OS_ERRSPACE_SIZE)
/** Obsolete spelling of APR_OS_START_USERERR. */
#define APR_OS_START_USEERR    APR_OS_START_USERERR
/** Where APR defines the errno values the platform does not have. */
#define APR_OS_START_CANONERR  (APR_OS_START_USERERR \
                                + (APR_OS_ERRSPACE_SIZE * 10))
/** Where getaddrinfo()'s EAI_* errors are folded in. */
#define APR_OS_START_EAIERR    (APR_OS_START_CANONERR + APR_OS_ERRSPACE_SIZE)
/** Where native errors are folded in on platforms whose errors are not errno. */
#define APR_OS_START_SYSERR    (APR_OS_START_EAIERR + APR_OS_ERRSPACE_SIZE)

/** No error. */
#define APR_SUCCESS 0

/* APR's errors. Gaps in the numbering are retired codes. */

/** Could not stat the file. */
#define APR_ENOSTAT        (APR_OS_START_ERROR + 1)
/** No pool was given where one was needed. */
#define APR_ENOPOOL        (APR_OS_START_ERROR + 2)
/** An invalid date. */
#define APR_EBADDATE       (APR_OS_START_ERROR + 4)
/** An invalid socket. */
#define APR_EINVALSOCK     (APR_OS_START_ERROR + 5)
/** No process structure was given. */
#define APR_ENOPROC        (APR_OS_START_ERROR + 6)
/** No time structure was given. */
#define APR_ENOTIME        (APR_OS_START_ERROR + 7)
/** No directory structure was given. */
#define APR_ENODIR         (APR_OS_START_ERROR + 8)
/** No lock structure was given. */
#define APR_ENOLOCK        (APR_OS_START_ERROR + 9)
/** No poll structure was given. */
#define APR_ENOPOLL        (APR_OS_START_ERROR + 10)
/** No socket was given. */
#define APR_ENOSOCKET      (APR_OS_START_ERROR + 11)
/** No thread structure was given. */
#define APR_ENOTHREAD      (APR_OS_START_ERROR + 12)
/** No thread key structure was given. */
#define APR_ENOTHDKEY      (APR_OS_START_ERROR + 13)
/** A general failure with no more specific information. */
#define APR_EGENERAL       (APR_OS_START_ERROR + 14)
/** No more shared memory is available. */
#define APR_ENOSHMAVAIL    (APR_OS_START_ERROR + 15)
/** An invalid IP address. */
#define APR_EBADIP         (APR_OS_START_ERROR + 16)
/** An invalid network mask. */
#define APR_EBADMASK       (APR_OS_START_ERROR + 17)
/** A shared object could not be opened: apr_dso_error() says why. */
#define APR_EDSOOPEN       (APR_OS_START_ERROR + 19)
/** The path is absolute. */
#define APR_EABSOLUTE      (APR_OS_START_ERROR + 20)
/** The path is relative. */
#define APR_ERELATIVE      (APR_OS_START_ERROR + 21)
/** The path is incomplete. */
#define APR_EINCOMPLETE    (APR_OS_START_ERROR + 22)
/** The path leads above its root. */
#define APR_EABOVEROOT     (APR_OS_START_ERROR + 23)
/** The path is malformed. */
#define APR_EBADPATH       (APR_OS_START_ERROR + 24)
/** The path holds wildcard characters. */
#define APR_EPATHWILD      (APR_OS_START_ERROR + 25)
/** A symbol was not found in a shared object. */
#define APR_ESYMNOTFOUND   (APR_OS_START_ERROR + 26)
/** The process was not recognised by APR. */
#define APR_EPROC_UNKNOWN  (APR_OS_START_ERROR + 27)
/** Not enough entropy to go on. */
#define APR_ENOTENOUGHENTROPY (APR_OS_START_ERROR + 28)

#define APR_STATUS_IS_ENOSTAT(s)        ((s) == APR_ENOSTAT)
#define APR_STATUS_IS_ENOPOOL(s)        ((s) == APR_ENOPOOL)
#define APR_STATUS_IS_EBADDATE(s)       ((s) == APR_EBADDATE)
#define APR_STATUS_IS_EINVALSOCK(s)     ((s) == APR_EINVALSOCK)
#define APR_STATUS_IS_ENOPROC(s)        ((s) == APR_ENOPROC)
#define APR_STATUS_IS_ENOTIME(s)        ((s) == APR_ENOTIME)
#define APR_STATUS_IS_ENODIR(s)         ((s) == APR_ENODIR)
#define APR_STATUS_IS_ENOLOCK(s)        ((s) == APR_ENOLOCK)
#define APR_STATUS_IS_ENOPOLL(s)        ((s) == APR_ENOPOLL)
#define APR_STATUS_IS_ENOSOCKET(s)      ((s) == APR_ENOSOCKET)
#define APR_STATUS_IS_ENOTHREAD(s)      ((s) == APR_ENOTHREAD)
#define APR_STATUS_IS_ENOTHDKEY(s)      ((s) == APR_ENOTHDKEY)
#define APR_STATUS_IS_EGENERAL(s)       ((s) == APR_EGENERAL)
#define APR_STATUS_IS_ENOSHMAVAIL(s)    ((s) == APR_ENOSHMAVAIL)
#define APR_STATUS_IS_EBADIP(s)         ((s) == APR_EBADIP)
#define APR_STATUS_IS_EBADMASK(s)       ((s) == APR_EBADMASK)
#if defined(WIN32)
#define APR_STATUS_IS_EDSOOPEN(s)       ((s) == APR_EDSOOPEN \
                || APR_TO_OS_ERROR(s) == ERROR_MOD_NOT_FOUND)
#else
#define APR_STATUS_IS_EDSOOPEN(s)       ((s) == APR_EDSOOPEN)
#endif
#define APR_STATUS_IS_EABSOLUTE(s)      ((s) == APR_EABSOLUTE)
#define APR_STATUS_IS_ERELATIVE(s)      ((s) == APR_ERELATIVE)
#define APR_STATUS_IS_EINCOMPLETE(s)    ((s) == APR_EINCOMPLETE)
#define APR_STATUS_IS_EABOVEROOT(s)     ((s) == APR_EABOVEROOT)
#define APR_STATUS_IS_EBADPATH(s)       ((s) == APR_EBADPATH)
#define APR_STATUS_IS_EPATHWILD(s)      ((s) == APR_EPATHWILD)
#if defined(WIN32)
#define APR_STATUS_IS_ESYMNOTFOUND(s)   ((s) == APR_ESYMNOTFOUND \
                || APR_TO_OS_ERROR(s) == ERROR_PROC_NOT_FOUND)
#else
#define APR_STATUS_IS_ESYMNOTFOUND(s)   ((s) == APR_ESYMNOTFOUND)
#endif
#define APR_STATUS_IS_EPROC_UNKNOWN(s)  ((s) == APR_EPROC_UNKNOWN)
#define APR_STATUS_IS_ENOTENOUGHENTROPY(s) ((s) == APR_ENOTENOUGHENTROPY)

/* APR's statuses: results that are not failures of the call. */

/** Running in the child (after a fork). */
#define APR_INCHILD        (APR_OS_START_STATUS + 1)
/** Running in the parent (after a fork). */
#define APR_INPARENT       (APR_OS_START_STATUS + 2)
/** The thread is detached. */
#define APR_DETACH         (APR_OS_START_STATUS + 3)
/** The thread is not detached. */
#define APR_NOTDETACH      (APR_OS_START_STATUS + 4)
/** The child has exited. */
#define APR_CHILD_DONE     (APR_OS_START_STATUS + 5)
/** The child is still running. */
#define APR_CHILD_NOTDONE  (APR_OS_START_STATUS + 6)
/** The timeout expired before the operation completed. */
#define APR_TIMEUP         (APR_OS_START_STATUS + 7)
/** Partly done: the results so far are valid. */
#define APR_INCOMPLETE     (APR_OS_START_STATUS + 8)
/** getopt met an option that is not in the option string. */
#define APR_BADCH          (APR_OS_START_STATUS + 12)
/** getopt met an option whose required argument is missing. */
#define APR_BADARG         (APR_OS_START_STATUS + 13)
/** End of file. */
#define APR_EOF            (APR_OS_START_STATUS + 14)
/** Not found (a descriptor in a pollset, a key, ...). */
#define APR_NOTFOUND       (APR_OS_START_STATUS + 15)
/** Shared memory is anonymous. */
#define APR_ANONYMOUS      (APR_OS_START_STATUS + 19)
/** Shared memory is named by a file. */
#define APR_FILEBASED      (APR_OS_START_STATUS + 20)
/** Shared memory is named by a key. */
#define APR_KEYBASED       (APR_OS_START_STATUS + 21)
/** Initial value for a status variable that nothing has set yet. */
#define APR_EINIT          (APR_OS_START_STATUS + 22)
/** Not implemented on this platform (yet, or at all). */
#define APR_ENOTIMPL       (APR_OS_START_STATUS + 23)
/** Two values that must match do not (e.g. passwords). */
#define APR_EMISMATCH      (APR_OS_START_STATUS + 24)
/** The resource is busy (a trylock that would block). */
#define APR_EBUSY          (APR_OS_START_STATUS + 25)

#define APR_STATUS_IS_INCHILD(s)        ((s) == APR_INCHILD)
#define APR_STATUS_IS_INPARENT(s)       ((s) == APR_INPARENT)
#define APR_STATUS_IS_DETACH(s)         ((s) == APR_DETACH)
#define APR_STATUS_IS_NOTDETACH(s)      ((s) == APR_NOTDETACH)
#define APR_STATUS_IS_CHILD_DONE(s)     ((s) == APR_CHILD_DONE)
#define APR_STATUS_IS_CHILD_NOTDONE(s)  ((s) == APR_CHILD_NOTDONE)
#define APR_STATUS_IS_TIMEUP(s)         ((s) == APR_TIMEUP)
#define APR_STATUS_IS_INCOMPLETE(s)     ((s) == APR_INCOMPLETE)
#define APR_STATUS_IS_BADCH(s)          ((s) == APR_BADCH)
#define APR_STATUS_IS_BADARG(s)         ((s) == APR_BADARG)
#define APR_STATUS_IS_EOF(s)            ((s) == APR_EOF)
#define APR_STATUS_IS_NOTFOUND(s)       ((s) == APR_NOTFOUND)
#define APR_STATUS_IS_ANONYMOUS(s)      ((s) == APR_ANONYMOUS)
#define APR_STATUS_IS_FILEBASED(s)      ((s) == APR_FILEBASED)
#define APR_STATUS_IS_KEYBASED(s)       ((s) == APR_KEYBASED)
#define APR_STATUS_IS_EINIT(s)          ((s) == APR_EINIT)
#define APR_STATUS_IS_ENOTIMPL(s)       ((s) == APR_ENOTIMPL)
#define APR_STATUS_IS_EMISMATCH(s)      ((s) == APR_EMISMATCH)
#define APR_STATUS_IS_EBUSY(s)          ((s) == APR_EBUSY)

/*
 * The canonical errors: the platform's errno value where it has one, a code
 * of APR's own in APR_OS_START_CANONERR's range where it does not.
 */
#define APR__CANON(n)      (APR_OS_START_CANONERR + (n))

#ifdef EACCES
#define APR_EACCES         EACCES
#else
#define APR_EACCES         APR__CANON(1)
#endif
#ifdef EEXIST
#define APR_EEXIST         EEXIST
#else
#define APR_EEXIST         APR__CANON(2)
#endif
#ifdef ENAMETOOLONG
#define APR_ENAMETOOLONG   ENAMETOOLONG
#else
#define APR_ENAMETOOLONG   APR__CANON(3)
#endif
#ifdef ENOENT
#define APR_ENOENT         ENOENT
#else
#define APR_ENOENT         APR__CANON(4)
#endif
#ifdef ENOTDIR
#define APR_ENOTDIR        ENOTDIR
#else
#define APR_ENOTDIR        APR__CANON(5)
#endif
#ifdef ENOSPC
#define APR_ENOSPC         ENOSPC
#else
#define APR_ENOSPC         APR__CANON(6)
#endif
#ifdef ENOMEM
#define APR_ENOMEM         ENOMEM
#else
#define APR_ENOMEM         APR__CANON(7)
#endif
#ifdef EMFILE
#define APR_EMFILE         EMFILE
#else
#define APR_EMFILE         APR__CANON(8)
#endif
#ifdef ENFILE
#define APR_ENFILE         ENFILE
#else
#define APR_ENFILE         APR__CANON(9)
#endif
#ifdef EBADF
#define APR_EBADF          EBADF
#else
#define APR_EBADF          APR__CANON(10)
#endif
#ifdef EINVAL
#define APR_EINVAL         EINVAL
#else
#define APR_EINVAL         APR__CANON(11)
#endif
#ifdef ESPIPE
#define APR_ESPIPE         ESPIPE
#else
#define APR_ESPIPE         APR__CANON(12)
#endif
#if defined(EAGAIN)
#define APR_EAGAIN         EAGAIN
#elif defined(EWOULDBLOCK)
#define APR_EAGAIN         EWOULDBLOCK
#else
#define APR_EAGAIN         APR__CANON(13)
#endif
#ifdef EINTR
#define APR_EINTR          EINTR
#else
#define APR_EINTR          APR__CANON(14)
#endif
#ifdef ENOTSOCK
#define APR_ENOTSOCK       ENOTSOCK
#else
#define APR_ENOTSOCK       APR__CANON(15)
#endif
#ifdef ECONNREFUSED
#define APR_ECONNREFUSED   ECONNREFUSED
#else
#define APR_ECONNREFUSED   APR__CANON(16)
#endif
#ifdef EINPROGRESS
#define APR_EINPROGRESS    EINPROGRESS
#else
#define APR_EINPROGRESS    APR__CANON(17)
#endif
#ifdef ECONNABORTED
#define APR_ECONNABORTED   ECONNABORTED
#else
#define APR_ECONNABORTED   APR__CANON(18)
#endif
#ifdef ECONNRESET
#define APR_ECONNRESET     ECONNRESET
#else
#define APR_ECONNRESET     APR__CANON(19)
#endif
#ifdef ETIMEDOUT
#define APR_ETIMEDOUT      ETIMEDOUT
#else
#define APR_ETIMEDOUT      APR__CANON(20)
#endif
#ifdef EHOSTUNREACH
#define APR_EHOSTUNREACH   EHOSTUNREACH
#else
#define APR_EHOSTUNREACH   APR__CANON(21)
#endif
#ifdef ENETUNREACH
#define APR_ENETUNREACH    ENETUNREACH
#else
#define APR_ENETUNREACH    APR__CANON(22)
#endif
#ifdef EFTYPE
#define APR_EFTYPE         EFTYPE
#else
#define APR_EFTYPE         APR__CANON(23)
#endif
#ifdef EPIPE
#define APR_EPIPE          EPIPE
#else
#define APR_EPIPE          APR__CANON(24)
#endif
#ifdef EXDEV
#define APR_EXDEV          EXDEV
#else
#define APR_EXDEV          APR__CANON(25)
#endif
#ifdef ENOTEMPTY
#define APR_ENOTEMPTY      ENOTEMPTY
#else
#define APR_ENOTEMPTY      APR__CANON(26)
#endif
#ifdef EAFNOSUPPORT
#define APR_EAFNOSUPPORT   EAFNOSUPPORT
#else
#define APR_EAFNOSUPPORT   APR__CANON(27)
#endif
#ifdef EOPNOTSUPP
#define APR_EOPNOTSUPP     EOPNOTSUPP
#else
#define APR_EOPNOTSUPP     APR__CANON(28)
#endif
#ifdef ERANGE
#define APR_ERANGE         ERANGE
#else
#define APR_ERANGE         APR__CANON(29)
#endif

#if defined(WIN32)

/* Windows: native errors come from GetLastError()/WSAGetLastError() and are
 * folded above APR_OS_START_SYSERR. The Windows port defines the complete
 * APR_STATUS_IS_* mapping in its own header. */
#define APR_FROM_OS_ERROR(e)  ((e) == 0 ? APR_SUCCESS : (e) + APR_OS_START_SYSERR)
#define APR_TO_OS_ERROR(e)    ((e) == 0 ? APR_SUCCESS : (e) - APR_OS_START_SYSERR)
#define apr_get_os_error()    (APR_FROM_OS_ERROR(GetLastError()))
#define apr_set_os_error(e)   (SetLastError(APR_TO_OS_ERROR(e)))
#define apr_get_netos_error() (APR_FROM_OS_ERROR(WSAGetLastError()))
#define apr_set_netos_error(e) (WSASetLastError(APR_TO_OS_ERROR(e)))

#else /* errno platforms */

/**
 * Fold a native error into an apr_status_t. On errno platforms the value
 * is the errno itself. The argument may be evaluated more than once.
 */
#define APR_FROM_OS_ERROR(e)  (e)
/** Unfold an apr_status_t made by APR_FROM_OS_ERROR back to the native error. */
#define APR_TO_OS_ERROR(e)    (e)

/** The last error of a system call, folded. Not for socket calls. */
#define apr_get_os_error()    (errno)
/** Set the platform's last error from a folded status. */
#define apr_set_os_error(e)   (errno = (e))
/** The last error of a socket call, folded. */
#define apr_get_netos_error() (errno)
/** Set the platform's last socket error from a folded status. */
#define apr_set_netos_error(e) (errno = (e))

#endif

/* Tests for the canonical errors. Some accept more than one native code. */

/** Permission denied. */
#define APR_STATUS_IS_EACCES(s)         ((s) == APR_EACCES)
/** The file exists. */
#define APR_STATUS_IS_EEXIST(s)         ((s) == APR_EEXIST)
/** The path name is too long. */
#define APR_STATUS_IS_ENAMETOOLONG(s)   ((s) == APR_ENAMETOOLONG)
/** No such file or directory (z/OS's automounter also says EMVSCATLG). */
#ifdef EMVSCATLG
#define APR_STATUS_IS_ENOENT(s)         ((s) == APR_ENOENT || (s) == EMVSCATLG)
#else
#define APR_STATUS_IS_ENOENT(s)         ((s) == APR_ENOENT)
#endif
/** Not a directory. */
#define APR_STATUS_IS_ENOTDIR(s)        ((s) == APR_ENOTDIR)
/** No space left on the device, or over quota. */
#ifdef EDQUOT
#define APR_STATUS_IS_ENOSPC(s)         ((s) == APR_ENOSPC || (s) == EDQUOT)
#else
#define APR_STATUS_IS_ENOSPC(s)         ((s) == APR_ENOSPC)
#endif
/** Out of memory. */
#define APR_STATUS_IS_ENOMEM(s)         ((s) == APR_ENOMEM)
/** Too many open files in this process. */
#define APR_STATUS_IS_EMFILE(s)         ((s) == APR_EMFILE)
/** Too many open files in the system. */
#define APR_STATUS_IS_ENFILE(s)         ((s) == APR_ENFILE)
/** A bad file descriptor. */
#define APR_STATUS_IS_EBADF(s)          ((s) == APR_EBADF)
/** An invalid argument. */
#define APR_STATUS_IS_EINVAL(s)         ((s) == APR_EINVAL)
/** An illegal seek. */
#define APR_STATUS_IS_ESPIPE(s)         ((s) == APR_ESPIPE)
/** The operation would block. */
#if defined(EWOULDBLOCK) && defined(EAGAIN) && EWOULDBLOCK != EAGAIN
#define APR_STATUS_IS_EAGAIN(s)         ((s) == APR_EAGAIN || (s) == EWOULDBLOCK)
#else
#define APR_STATUS_IS_EAGAIN(s)         ((s) == APR_EAGAIN)
#endif
/** An interrupted system call. */
#define APR_STATUS_IS_EINTR(s)          ((s) == APR_EINTR)
/** A socket operation on something that is not a socket. */
#define APR_STATUS_IS_ENOTSOCK(s)       ((s) == APR_ENOTSOCK)
/** The connection was refused. */
#define APR_STATUS_IS_ECONNREFUSED(s)   ((s) == APR_ECONNREFUSED)
/** The operation is in progress. */
#define APR_STATUS_IS_EINPROGRESS(s)    ((s) == APR_EINPROGRESS)
/** The connection was aborted. Older kernels report EPROTO for it. */
#ifdef EPROTO
#define APR_STATUS_IS_ECONNABORTED(s)   ((s) == APR_ECONNABORTED || (s) == EPROTO)
#else
#define APR_STATUS_IS_ECONNABORTED(s)   ((s) == APR_ECONNABORTED)
#endif
/** The connection was reset by the peer. */
#define APR_STATUS_IS_ECONNRESET(s)     ((s) == APR_ECONNRESET)
/** The operation timed out. Deprecated: prefer APR_STATUS_IS_TIMEUP. */
#define APR_STATUS_IS_ETIMEDOUT(s)      ((s) == APR_ETIMEDOUT)
/** No route to the host. */
#define APR_STATUS_IS_EHOSTUNREACH(s)   ((s) == APR_EHOSTUNREACH)
/** The network is unreachable. */
#define APR_STATUS_IS_ENETUNREACH(s)    ((s) == APR_ENETUNREACH)
/** An inappropriate file type or format. */
#define APR_STATUS_IS_EFTYPE(s)         ((s) == APR_EFTYPE)
/** A broken pipe. */
#define APR_STATUS_IS_EPIPE(s)          ((s) == APR_EPIPE)
/** A link across devices. */
#define APR_STATUS_IS_EXDEV(s)          ((s) == APR_EXDEV)
/** The directory is not empty (some systems say EEXIST). */
#define APR_STATUS_IS_ENOTEMPTY(s)      ((s) == APR_ENOTEMPTY || (s) == APR_EEXIST)
/** The address family is not supported. */
#define APR_STATUS_IS_EAFNOSUPPORT(s)   ((s) == APR_EAFNOSUPPORT)
/** The operation is not supported on the socket. */
#define APR_STATUS_IS_EOPNOTSUPP(s)     ((s) == APR_EOPNOTSUPP)
/** A numeric value out of range. */
#define APR_STATUS_IS_ERANGE(s)         ((s) == APR_ERANGE)

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_ERRNO_H */
