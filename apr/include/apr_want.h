/*
 * apr_want.h: pull in standard headers portably.
 *
 * Define one or more of these before including this file, and it includes
 * the system headers that provide them on this platform (and undefines the
 * request, so the file can be included again with other requests):
 *
 *   APR_WANT_STRFUNC   string functions (strcpy, strcasecmp, ...)
 *   APR_WANT_MEMFUNC   memory functions (memcpy, memset, ...)
 *   APR_WANT_STDIO     stdio
 *   APR_WANT_IOVEC     struct iovec
 *   APR_WANT_BYTEFUNC  htons, htonl, ntohs, ntohl
 *
 * There is deliberately no include guard.
 */

#include "apr.h"

#ifdef APR_WANT_STRFUNC
#if APR_HAVE_STRING_H
#include <string.h>
#endif
#if APR_HAVE_STRINGS_H
#include <strings.h>
#endif
#undef APR_WANT_STRFUNC
#endif

#ifdef APR_WANT_MEMFUNC
#if APR_HAVE_STRING_H
#include <string.h>
#endif
#undef APR_WANT_MEMFUNC
#endif

#ifdef APR_WANT_STDIO
#if APR_HAVE_STDIO_H
#include <stdio.h>
#endif
#undef APR_WANT_STDIO
#endif

#ifdef APR_WANT_IOVEC
#if APR_HAVE_IOVEC
#if APR_HAVE_SYS_UIO_H
#include <sys/uio.h>
#endif
#elif !defined(APR_IOVEC_DEFINED)
#define APR_IOVEC_DEFINED
/** A buffer of a scatter/gather operation, where the platform has none. */
struct iovec {
    void *iov_base;
    size_t iov_len;
};
#endif
#undef APR_WANT_IOVEC
#endif

#ifdef APR_WANT_BYTEFUNC
#if APR_HAVE_NETINET_IN_H
#include <netinet/in.h>
#endif
#if APR_HAVE_ARPA_INET_H
#include <arpa/inet.h>
#endif
#undef APR_WANT_BYTEFUNC
#endif
