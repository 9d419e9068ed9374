/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  util_mutex.h
 * @brief Named mutex types configured with the Mutex directive.
 *
 * Modules register a mutex type at pre_config (ap_mutex_register), the
 * administrator may pick its mechanism and lock-file directory with
 * "Mutex mech[:dir] type...", and the module creates it with
 * ap_global_mutex_create / ap_proc_mutex_create.
 */

#ifndef UTIL_MUTEX_H
#define UTIL_MUTEX_H

#include "httpd.h"
#include "http_config.h"
#include "apr_global_mutex.h"

/* pieces of the "mechanisms are ..." help text, per what APR offers */
#if APR_HAS_FLOCK_SERIALIZE
#define AP_LIST_FLOCK_SERIALIZE ", 'flock:/path/to/file'"
#else
#define AP_LIST_FLOCK_SERIALIZE
#endif
#if APR_HAS_FCNTL_SERIALIZE
#define AP_LIST_FCNTL_SERIALIZE ", 'fcntl:/path/to/file'"
#else
#define AP_LIST_FCNTL_SERIALIZE
#endif
#if APR_HAS_SYSVSEM_SERIALIZE
#define AP_LIST_SYSVSEM_SERIALIZE ", 'sysvsem'"
#else
#define AP_LIST_SYSVSEM_SERIALIZE
#endif
#if APR_HAS_POSIXSEM_SERIALIZE
#define AP_LIST_POSIXSEM_SERIALIZE ", 'posixsem'"
#else
#define AP_LIST_POSIXSEM_SERIALIZE
#endif
#if APR_HAS_PROC_PTHREAD_SERIALIZE
#define AP_LIST_PTHREAD_SERIALIZE ", 'pthread'"
#else
#define AP_LIST_PTHREAD_SERIALIZE
#endif
#if APR_HAS_FLOCK_SERIALIZE || APR_HAS_FCNTL_SERIALIZE
#define AP_LIST_FILE_SERIALIZE ", 'file:/path/to/file'"
#else
#define AP_LIST_FILE_SERIALIZE
#endif
#if APR_HAS_SYSVSEM_SERIALIZE || APR_HAS_POSIXSEM_SERIALIZE
#define AP_LIST_SEM_SERIALIZE ", 'sem'"
#else
#define AP_LIST_SEM_SERIALIZE
#endif

/** help text listing every mechanism, 'none' included */
#define AP_ALL_AVAILABLE_MUTEXES_STRING                          \
    "Mutex mechanisms are: 'none', 'default'"                    \
    AP_LIST_FLOCK_SERIALIZE AP_LIST_FCNTL_SERIALIZE              \
    AP_LIST_FILE_SERIALIZE AP_LIST_PTHREAD_SERIALIZE             \
    AP_LIST_SYSVSEM_SERIALIZE AP_LIST_POSIXSEM_SERIALIZE         \
    AP_LIST_SEM_SERIALIZE

/** help text listing the mechanisms, without 'none' */
#define AP_AVAILABLE_MUTEXES_STRING                              \
    "Mutex mechanisms are: 'default'"                            \
    AP_LIST_FLOCK_SERIALIZE AP_LIST_FCNTL_SERIALIZE              \
    AP_LIST_FILE_SERIALIZE AP_LIST_PTHREAD_SERIALIZE             \
    AP_LIST_SYSVSEM_SERIALIZE AP_LIST_POSIXSEM_SERIALIZE         \
    AP_LIST_SEM_SERIALIZE

#ifdef __cplusplus
extern "C" {
#endif

/** Parse "mech[:file]" into an APR mechanism and optional file;
 *  APR_ENOLOCK for "none", APR_BADARG for an unknown mechanism,
 *  APR_ENOTIMPL for one this platform lacks. */
AP_DECLARE(apr_status_t) ap_parse_mutex(const char *arg, apr_pool_t *pool,
                                        apr_lockmech_e *mutexmech,
                                        const char **mutexfile);

/** The Mutex directive handler (RAW_ARGS, RSRC_CONF). */
AP_DECLARE_NONSTD(const char *) ap_set_mutex(cmd_parms *cmd, void *dummy,
                                             const char *arg);

/** Set up the mutex registry (called from pre_config). */
AP_DECLARE_NONSTD(void) ap_mutex_init(apr_pool_t *p);

/** ap_mutex_register option: "none" is allowed */
#define AP_MUTEX_ALLOW_NONE    1
/** ap_mutex_register option: no mutex unless configured */
#define AP_MUTEX_DEFAULT_NONE  2

/** Register mutex @a type with its defaults; call in pre_config. */
AP_DECLARE(apr_status_t) ap_mutex_register(apr_pool_t *pconf,
                                           const char *type,
                                           const char *default_dir,
                                           apr_lockmech_e default_mech,
                                           apr_int32_t options);

/** Create the global mutex of @a type (instance @a instance_id may be
 *  NULL); *name gets the lock file, if any.  Logs failures with context;
 *  *mutex is NULL and APR_SUCCESS returned when the type is "none". */
AP_DECLARE(apr_status_t) ap_global_mutex_create(apr_global_mutex_t **mutex,
                                                const char **name,
                                                const char *type,
                                                const char *instance_id,
                                                server_rec *server,
                                                apr_pool_t *pool,
                                                apr_int32_t options);

/** As ap_global_mutex_create for an inter-process mutex. */
AP_DECLARE(apr_status_t) ap_proc_mutex_create(apr_proc_mutex_t **mutex,
                                              const char **name,
                                              const char *type,
                                              const char *instance_id,
                                              server_rec *server,
                                              apr_pool_t *pool,
                                              apr_int32_t options);

/** Print the mutex configuration (-t -D DUMP_RUN_CFG). */
AP_CORE_DECLARE(void) ap_dump_mutexes(apr_pool_t *p, server_rec *s,
                                      apr_file_t *out);

#ifdef __cplusplus
}
#endif

#endif /* UTIL_MUTEX_H */
