/*
 * apr_perms_set.h: a common shape for "set the permissions and owner of
 * this object" functions (shared memory, mutexes, ...), so that a caller
 * can hold any of them in one function pointer.
 */
#ifndef APR_PERMS_SET_H
#define APR_PERMS_SET_H

/**
 * @file apr_perms_set.h
 * @brief APR object permission setting
 * @defgroup apr_perms_set Object permission set functions
 * @ingroup APR
 * @{
 */

#include "apr.h"
#include "apr_pools.h"
#include "apr_errno.h"
#include "apr_user.h"
#include "apr_file_info.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Gives @a object the APR_FPROT_* permissions @a perms and the owner
 * @a uid / @a gid.
 */
typedef apr_status_t(apr_perms_setfn_t)(void *object, apr_fileperms_t perms,
                                        apr_uid_t uid, apr_gid_t gid);

/**
 * Starts the definition of apr_<type>_perms_set(void *the<type>, perms,
 * uid, gid), a function of shape apr_perms_setfn_t; the body follows.
 */
#define APR_PERMS_SET_IMPLEMENT(type)                                         \
    APR_DECLARE(apr_status_t)                                                 \
    apr_##type##_perms_set(void *the##type, apr_fileperms_t perms,            \
                           apr_uid_t uid, apr_gid_t gid)

/** Defines apr_<type>_perms_set as a function returning APR_ENOTIMPL. */
#define APR_PERMS_SET_ENOTIMPL(type)                                          \
    APR_DECLARE(apr_status_t)                                                 \
    apr_##type##_perms_set(void *the##type, apr_fileperms_t perms,            \
                           apr_uid_t uid, apr_gid_t gid)                      \
    {                                                                         \
        return APR_ENOTIMPL;                                                  \
    }

/** The name of apr_<type>_perms_set, e.g. to store it in a pointer. */
#define APR_PERMS_SET_FN(type) apr_##type##_perms_set

#ifdef __cplusplus
}
#endif

/** @} */

#endif /* APR_PERMS_SET_H */
