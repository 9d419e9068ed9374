/*
 * apr_user.h: user and group identities and their names.
 */
#ifndef APR_USER_H
#define APR_USER_H

/**
 * @file apr_user.h
 * @brief APR user and group ID services.
 * @defgroup apr_user User and Group ID Services
 * @ingroup APR
 * @{
 */

#include "apr.h"
#include "apr_errno.h"
#include "apr_pools.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef WIN32
/** A user identity. */
typedef PSID apr_uid_t;
/** A group identity. */
typedef PSID apr_gid_t;
#else
/** A user identity. */
typedef uid_t apr_uid_t;
/** A group identity. */
typedef gid_t apr_gid_t;
#endif

#if APR_HAS_USER

/** Sets the real user and group ids of the calling process. */
APR_DECLARE(apr_status_t) apr_uid_current(apr_uid_t *userid,
                                          apr_gid_t *groupid, apr_pool_t *p);

/**
 * Sets @a *username to the name of user @a userid, allocated from @a p;
 * APR_ENOENT if there is no such user, the lookup's error otherwise.
 */
APR_DECLARE(apr_status_t) apr_uid_name_get(char **username, apr_uid_t userid,
                                           apr_pool_t *p);

/**
 * Sets the user id and primary group id of user @a username; APR_ENOENT if
 * there is no such user.
 */
APR_DECLARE(apr_status_t) apr_uid_get(apr_uid_t *userid, apr_gid_t *groupid,
                                      const char *username, apr_pool_t *p);

/**
 * Sets @a *dirname to the home directory of user @a username, allocated from
 * @a p; APR_ENOENT if there is no such user.
 */
APR_DECLARE(apr_status_t) apr_uid_homepath_get(char **dirname,
                                               const char *username,
                                               apr_pool_t *p);

#if defined(WIN32)
/** APR_SUCCESS if both ids name the same user, APR_EMISMATCH if not. */
APR_DECLARE(apr_status_t) apr_uid_compare(apr_uid_t left, apr_uid_t right);
#else
/** APR_SUCCESS if both ids name the same user, APR_EMISMATCH if not. */
#define apr_uid_compare(left, right)                                          \
    (((left) == (right)) ? APR_SUCCESS : APR_EMISMATCH)
#endif

/**
 * Sets @a *groupname to the name of group @a groupid, allocated from @a p;
 * APR_ENOENT if there is no such group.
 */
APR_DECLARE(apr_status_t) apr_gid_name_get(char **groupname,
                                           apr_gid_t groupid, apr_pool_t *p);

/** Sets the id of group @a groupname; APR_ENOENT if there is none. */
APR_DECLARE(apr_status_t) apr_gid_get(apr_gid_t *groupid,
                                      const char *groupname, apr_pool_t *p);

#if defined(WIN32)
/** APR_SUCCESS if both ids name the same group, APR_EMISMATCH if not. */
APR_DECLARE(apr_status_t) apr_gid_compare(apr_gid_t left, apr_gid_t right);
#else
/** APR_SUCCESS if both ids name the same group, APR_EMISMATCH if not. */
#define apr_gid_compare(left, right)                                          \
    (((left) == (right)) ? APR_SUCCESS : APR_EMISMATCH)
#endif

#endif /* APR_HAS_USER */

#ifdef __cplusplus
}
#endif

/** @} */

#endif /* APR_USER_H */
