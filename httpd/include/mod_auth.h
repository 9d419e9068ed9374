/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  mod_auth.h
 * @brief The authentication (authn) and authorization (authz) provider
 *        interfaces.
 */

#ifndef APACHE_MOD_AUTH_H
#define APACHE_MOD_AUTH_H

#include "apr_pools.h"
#include "apr_hash.h"
#include "apr_optional.h"
#include "httpd.h"
#include "http_config.h"

#ifdef __cplusplus
extern "C" {
#endif

/** provider groups and versions (ap_register_auth_provider) */
#define AUTHN_PROVIDER_GROUP "authn"
#define AUTHZ_PROVIDER_GROUP "authz"
#define AUTHN_PROVIDER_VERSION "0"
#define AUTHZ_PROVIDER_VERSION "0"
/** AuthBasicProvider default */
#define AUTHN_DEFAULT_PROVIDER "file"

/** request notes naming the provider that decided */
#define AUTHN_PROVIDER_NAME_NOTE "authn_provider_name"
#define AUTHZ_PROVIDER_NAME_NOTE "authz_provider_name"

/** environment prefixes for values a provider exports */
#define AUTHN_PREFIX "AUTHENTICATE_"
#define AUTHZ_PREFIX "AUTHORIZE_"

#ifndef SATISFY_ALL
#define SATISFY_ALL    0
#endif
#ifndef SATISFY_ANY
#define SATISFY_ANY    1
#endif
#ifndef SATISFY_NOSPEC
#define SATISFY_NOSPEC 2
#endif

/** Result of an authn provider. */
typedef enum {
    AUTH_DENIED,
    AUTH_GRANTED,
    AUTH_USER_FOUND,
    AUTH_USER_NOT_FOUND,
    AUTH_GENERAL_ERROR
} authn_status;

/** Result of an authz provider. */
typedef enum {
    AUTHZ_DENIED,
    AUTHZ_GRANTED,
    AUTHZ_NEUTRAL,
    AUTHZ_GENERAL_ERROR,
    AUTHZ_DENIED_NO_USER
} authz_status;

/** An authentication provider (e.g. "file", "dbm"). */
typedef struct {
    /** Basic auth: check @a password of @a user */
    authn_status (*check_password)(request_rec *r, const char *user,
                                   const char *password);
    /** Digest auth: the hash of user:realm:password in *rethash */
    authn_status (*get_realm_hash)(request_rec *r, const char *user,
                                   const char *realm, char **rethash);
} authn_provider;

/** list of providers configured for a directory */
typedef struct authn_provider_list authn_provider_list;

/** One provider in a list. */
struct authn_provider_list {
    const char *provider_name;
    const authn_provider *provider;
    authn_provider_list *next;
};

/** An authorization provider (a Require keyword). */
typedef struct {
    /** decide for @a r given the Require arguments */
    authz_status (*check_authorization)(request_rec *r,
                                        const char *require_line,
                                        const void *parsed_require_line);
    /** optional: pre-parse the arguments at config time */
    const char *(*parse_require_line)(cmd_parms *cmd,
                                      const char *require_line,
                                      const void **parsed_require_line);
} authz_provider;

/** mod_authn_socache: remember (request, module, user, realm, hash) */
APR_DECLARE_OPTIONAL_FN(void, ap_authn_cache_store,
                        (request_rec *, const char *, const char *,
                         const char *, const char *));

#ifdef __cplusplus
}
#endif

#endif /* APACHE_MOD_AUTH_H */
