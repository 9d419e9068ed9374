/*
 * apr_xlate.h: character set conversion.
 *
 * Whether a build converts at all is APR_HAS_XLATE (apu.h). Where it is 0,
 * as in this build, every call is there but reports APR_ENOTIMPL (and
 * apr_xlate_conv_byte -1), so programs written for both configurations
 * compile and find out at run time.
 */
#ifndef APR_XLATE_H
#define APR_XLATE_H

#include "apu.h"
#include "apr_pools.h"
#include "apr_errno.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_XLATE I18N translation library
 * @ingroup APR
 * @{
 */

/* Also declared by apr_md4.h and apr_md5.h, under the same guard. */
#ifndef APU__XLATE_T_DECLARED
#define APU__XLATE_T_DECLARED
/** A conversion handle, from apr_xlate_open(). */
typedef struct apr_xlate_t apr_xlate_t;
#endif

/**
 * Open a conversion from one character set to another.
 * @param convset Receives the handle.
 * @param topage The target character set, or APR_DEFAULT_CHARSET /
 *        APR_LOCALE_CHARSET.
 * @param frompage The source character set, likewise.
 * @param pool Where the handle lives; it is closed with the pool.
 * @return APR_SUCCESS, APR_EINVAL when the conversion is not available, or
 *         APR_ENOTIMPL where the build has no conversion (APR_HAS_XLATE 0).
 */
APU_DECLARE(apr_status_t) apr_xlate_open(apr_xlate_t **convset,
                                         const char *topage,
                                         const char *frompage,
                                         apr_pool_t *pool);

/** The character set the source code was written in. */
#define APR_DEFAULT_CHARSET (const char *)0
/** The character set of the current locale. */
#define APR_LOCALE_CHARSET (const char *)1

/**
 * Whether the conversion maps single bytes to single bytes.
 * @param convset The handle.
 * @param onoff Receives 1 or 0.
 * @return APR_SUCCESS, or APR_ENOTIMPL where the build has no conversion.
 */
APU_DECLARE(apr_status_t) apr_xlate_sb_get(apr_xlate_t *convset, int *onoff);

/**
 * Convert a buffer.
 * @param convset The handle.
 * @param inbuf The input; NULL (with inbytes_left NULL) after the last
 *        input, to end the output of stateful encodings.
 * @param inbytes_left In: the input's length; out: what was not converted.
 * @param outbuf Where the output goes.
 * @param outbytes_left In: its size; out: what is left of it.
 * @return APR_SUCCESS, APR_INCOMPLETE when the input ends inside a
 *         character, APR_EINVAL for input not valid in the source set, or
 *         APR_ENOTIMPL where the build has no conversion.
 */
APU_DECLARE(apr_status_t) apr_xlate_conv_buffer(apr_xlate_t *convset,
                                                const char *inbuf,
                                                apr_size_t *inbytes_left,
                                                char *outbuf,
                                                apr_size_t *outbytes_left);

/**
 * Convert one byte of a single-byte conversion.
 * @param convset The handle.
 * @param inchar The byte.
 * @return The converted byte, or -1 when it cannot be converted (or the
 *         build has no conversion).
 */
APU_DECLARE(apr_int32_t) apr_xlate_conv_byte(apr_xlate_t *convset,
                                             unsigned char inchar);

/**
 * Close a handle before its pool goes.
 * @param convset The handle.
 * @return APR_SUCCESS, or APR_ENOTIMPL where the build has no conversion.
 */
APU_DECLARE(apr_status_t) apr_xlate_close(apr_xlate_t *convset);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_XLATE_H */
