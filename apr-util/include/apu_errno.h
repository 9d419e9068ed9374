/*
 * apu_errno.h: APR-util's own status codes, in the range APR reserves for
 * it (APR_UTIL_START_STATUS). As in APR, apr_strerror() has no text of its
 * own for them.
 */
#ifndef APU_ERRNO_H
#define APU_ERRNO_H

#include "apr.h"
#include "apr_errno.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_Util_Error APR_Util Error Values
 * @ingroup APR_Util
 * @{
 */

/** The key was not provided. */
#define APR_ENOKEY           (APR_UTIL_START_STATUS + 1)
/** The initialisation vector was not provided. */
#define APR_ENOIV            (APR_UTIL_START_STATUS + 2)
/** The key type is not known. */
#define APR_EKEYTYPE         (APR_UTIL_START_STATUS + 3)
/** There is not enough space for the result. */
#define APR_ENOSPACE         (APR_UTIL_START_STATUS + 4)
/** An error in the cryptography library. */
#define APR_ECRYPT           (APR_UTIL_START_STATUS + 5)
/** The padding is not valid. */
#define APR_EPADDING         (APR_UTIL_START_STATUS + 6)
/** The key length is wrong. */
#define APR_EKEYLENGTH       (APR_UTIL_START_STATUS + 7)
/** The cipher is not known. */
#define APR_ENOCIPHER        (APR_UTIL_START_STATUS + 8)
/** The digest is not known. */
#define APR_ENODIGEST        (APR_UTIL_START_STATUS + 9)
/** The crypto engine is not known. */
#define APR_ENOENGINE        (APR_UTIL_START_STATUS + 10)
/** The crypto engine failed to initialise. */
#define APR_EINITENGINE      (APR_UTIL_START_STATUS + 11)
/** The library was initialised already, differently. */
#define APR_EREINIT          (APR_UTIL_START_STATUS + 12)

#define APR_STATUS_IS_ENOKEY(s)        ((s) == APR_ENOKEY)
#define APR_STATUS_IS_ENOIV(s)         ((s) == APR_ENOIV)
#define APR_STATUS_IS_EKEYTYPE(s)      ((s) == APR_EKEYTYPE)
#define APR_STATUS_IS_ENOSPACE(s)      ((s) == APR_ENOSPACE)
#define APR_STATUS_IS_ECRYPT(s)        ((s) == APR_ECRYPT)
#define APR_STATUS_IS_EPADDING(s)      ((s) == APR_EPADDING)
#define APR_STATUS_IS_EKEYLENGTH(s)    ((s) == APR_EKEYLENGTH)
#define APR_STATUS_IS_ENOCIPHER(s)     ((s) == APR_ENOCIPHER)
#define APR_STATUS_IS_ENODIGEST(s)     ((s) == APR_ENODIGEST)
#define APR_STATUS_IS_ENOENGINE(s)     ((s) == APR_ENOENGINE)
#define APR_STATUS_IS_EINITENGINE(s)   ((s) == APR_EINITENGINE)
#define APR_STATUS_IS_EREINIT(s)       ((s) == APR_EREINIT)

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APU_ERRNO_H */
