/*
 * mod_authz_core_private.h: the authorization tree of mod_authz_core,
 * shared by its files and its unit tests.  Not installed.
 */
#ifndef MOD_AUTHZ_CORE_PRIVATE_H
#define MOD_AUTHZ_CORE_PRIVATE_H

#include "apr_pools.h"
#include "httpd.h"
#include "http_config.h"
#include "mod_auth.h"

/** How the children of a section combine (and AuthMerging values). */
typedef enum {
    AP__AUTHZ_AND,      /* <RequireAll>, AuthMerging And */
    AP__AUTHZ_OR,       /* <RequireAny>, AuthMerging Or, the top level */
    AP__AUTHZ_OFF,      /* AuthMerging Off */
    AP__AUTHZ_UNSET
} ap__authz_op;

typedef struct ap__authz_section ap__authz_section;

/**
 * A node of the tree: a Require line (provider set) or a container
 * (children in first/next).  Nodes are shared between merged configs and
 * never modified after configuration.
 */
struct ap__authz_section {
    const char *provider_name;
    const char *provider_args;
    const void *provider_parsed_args;
    const authz_provider *provider;
    apr_int64_t limited;        /* methods it applies to (AP_METHOD_BIT) */
    ap__authz_op op;
    int negate;                 /* Require not / <RequireNone> */
    int is_merged;              /* made by AuthMerging, for messages */
    ap__authz_section *first;
    ap__authz_section *next;
};

/** Per-directory configuration. */
typedef struct {
    ap__authz_section *section;     /* NULL: no Require at all */
    ap__authz_op op;                /* AuthMerging */
    signed char forbidden_on_fail;  /* AuthzSendForbiddenOnFailure, -1 unset */
} ap__authz_dir_conf;

/**
 * Evaluate @a section for @a r; @a parent_op decides what a section
 * limited to other methods yields (granted under AND, neutral under OR).
 */
authz_status ap__authz_apply(request_rec *r, const ap__authz_section *section,
                             ap__authz_op parent_op);

/** "Require not ip 1.2.3.4", "<RequireAll>", "AuthMerging Or"... */
const char *ap__authz_format(apr_pool_t *p, const ap__authz_section *s);

/** "granted", "denied", "neutral"... */
const char *ap__authz_result_name(authz_status st);

/**
 * Append @a child to the section *@a parent (creating the implicit
 * top-level <RequireAny> if NULL), with Apache's rules: a negated child
 * has no effect under an OR parent (error message returned), and a
 * non-negated container with its parent's op is flattened.
 */
const char *ap__authz_add_child(apr_pool_t *p, ap__authz_section **parent,
                                ap__authz_section *child,
                                const char *cmd_name);

/** Merge per-directory configs, applying AuthMerging. */
void *ap__authz_merge_dir(apr_pool_t *p, void *basev, void *addv);

/** Register the "all", "env" and "method" providers. */
void ap__authz_register_builtin(apr_pool_t *p);

#endif
