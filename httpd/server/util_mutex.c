/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* util_mutex.c: named mutex types and the Mutex directive.
 *
 * Each type registered by a module (ap_mutex_register, at pre_config)
 * gets a record; "Mutex mech[:dir] [type...] [OmitPID]" overrides it.
 * When a mutex is created, the settings come from, in order: a Mutex line
 * for that type, a Mutex line for "default", the module's registration,
 * the built-in default. */

#include <string.h>

#include "apr_strings.h"
#include "apr_hash.h"
#include "apr_global_mutex.h"
#include "apr_proc_mutex.h"

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_main.h"
#include "util_mutex.h"
#include "unixd.h"

#include "log_private.h"

APLOG_USE_MODULE(core);

typedef struct {
    apr_int32_t options;   /* AP_MUTEX_* of the registration */
    int set;               /* configured by a Mutex line */
    int none;              /* no mutex at all */
    int omit_pid;          /* lock file name without ".pid" */
    apr_lockmech_e mech;
    const char *dir;       /* lock file directory, or NULL */
} mutex_cfg;

/* type name -> mutex_cfg; lives in pconf, reset when it is cleared */
static apr_hash_t *by_type;

static apr_status_t forget_types(void *unused)
{
    by_type = NULL;
    return APR_SUCCESS;
}

/* ---- parsing ---------------------------------------------------------- */

static int mech_by_name(const char *meth, apr_lockmech_e *mech)
{
    static const struct {
        const char *name;
        apr_lockmech_e mech;
        int available;
    } mechs[] = {
        { "default",  APR_LOCK_DEFAULT,      1 },
        { "yes",      APR_LOCK_DEFAULT,      1 },
        { "fcntl",    APR_LOCK_FCNTL,        APR_HAS_FCNTL_SERIALIZE },
        { "file",     APR_LOCK_FCNTL,        APR_HAS_FCNTL_SERIALIZE },
        { "flock",    APR_LOCK_FLOCK,        APR_HAS_FLOCK_SERIALIZE },
        { "file",     APR_LOCK_FLOCK,        APR_HAS_FLOCK_SERIALIZE },
        { "posixsem", APR_LOCK_POSIXSEM,     APR_HAS_POSIXSEM_SERIALIZE },
        { "sem",      APR_LOCK_POSIXSEM,     APR_HAS_POSIXSEM_SERIALIZE },
        { "sysvsem",  APR_LOCK_SYSVSEM,      APR_HAS_SYSVSEM_SERIALIZE },
        { "sem",      APR_LOCK_SYSVSEM,      APR_HAS_SYSVSEM_SERIALIZE },
        { "pthread",  APR_LOCK_PROC_PTHREAD, APR_HAS_PROC_PTHREAD_SERIALIZE },
    };
    apr_size_t i;

    for (i = 0; i < sizeof(mechs) / sizeof(mechs[0]); i++) {
        if (mechs[i].available && !strcasecmp(meth, mechs[i].name)) {
            *mech = mechs[i].mech;
            return 1;
        }
    }
    return 0;
}

AP_DECLARE(apr_status_t) ap_parse_mutex(const char *arg, apr_pool_t *pool,
                                        apr_lockmech_e *mutexmech,
                                        const char **mutexfile)
{
    char *meth = apr_pstrdup(pool, arg);
    char *file = strchr(meth, ':');

    if (file) {
        *file++ = '\0';
        if (!*file) {
            file = NULL;
        }
    }
    *mutexfile = NULL;
    if (!strcasecmp(meth, "none")) {
        return APR_ENOLOCK;
    }
    if (!mech_by_name(meth, mutexmech)) {
        return APR_ENOTIMPL;
    }
    if (*mutexmech == APR_LOCK_POSIXSEM) {
        /* semaphores have names, not files: pass it on as given */
        *mutexfile = file ? apr_pstrdup(pool, file) : NULL;
        return APR_SUCCESS;
    }
    if (file) {
        *mutexfile = ap_server_root_relative(pool, file);
        if (!*mutexfile) {
            return APR_BADARG;
        }
    }
    return APR_SUCCESS;
}

/* ---- registry and directive ------------------------------------------- */

AP_DECLARE_NONSTD(void) ap_mutex_init(apr_pool_t *p)
{
    mutex_cfg *def;

    if (by_type) {
        return;
    }
    by_type = apr_hash_make(p);
    apr_pool_cleanup_register(p, NULL, forget_types, apr_pool_cleanup_null);
    def = apr_pcalloc(p, sizeof(*def));
    def->mech = APR_LOCK_DEFAULT;
    def->dir = ap_runtime_dir_relative(p, "");
    apr_hash_set(by_type, "default", APR_HASH_KEY_STRING, def);
}

AP_DECLARE(apr_status_t) ap_mutex_register(apr_pool_t *pconf,
                                           const char *type,
                                           const char *default_dir,
                                           apr_lockmech_e default_mech,
                                           apr_int32_t options)
{
    mutex_cfg *m;

    if (options & ~(AP_MUTEX_ALLOW_NONE | AP_MUTEX_DEFAULT_NONE)) {
        return APR_EINVAL;
    }
    /* a module's pre_config may run before the core's */
    ap_mutex_init(pconf);
    m = apr_pcalloc(pconf, sizeof(*m));
    m->options = options;
    m->none = (options & AP_MUTEX_DEFAULT_NONE) != 0;
    m->dir = default_dir;
    m->mech = default_mech;
    apr_hash_set(by_type, type, APR_HASH_KEY_STRING, m);
    return APR_SUCCESS;
}

static const char *apply_to_type(cmd_parms *cmd, const char *type,
                                 int no_mutex, int omit_pid,
                                 apr_lockmech_e mech, const char *dir)
{
    mutex_cfg *m = by_type ? apr_hash_get(by_type, type, APR_HASH_KEY_STRING)
                           : NULL;

    if (!m) {
        return apr_psprintf(cmd->pool, "Mutex type %s is not valid", type);
    }
    m->none = 0;
    m->omit_pid = omit_pid;
    m->set = 1;
    if (no_mutex) {
        if (!(m->options & AP_MUTEX_ALLOW_NONE)) {
            return apr_psprintf(cmd->pool, "None is not allowed for mutex "
                                "type %s", type);
        }
        m->none = 1;
        return NULL;
    }
    m->mech = mech;
    if (dir) {
        m->dir = dir;
    }
    return NULL;
}

AP_DECLARE_NONSTD(const char *) ap_set_mutex(cmd_parms *cmd, void *dummy,
                                             const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    const char *mechdir, *dir = NULL;
    apr_array_header_t *types;
    apr_lockmech_e mech = APR_LOCK_DEFAULT;
    int no_mutex = 0, omit_pid = 0, i;
    apr_status_t rv;

    if (err) {
        return err;
    }
    mechdir = ap_getword_conf(cmd->pool, &arg);
    if (!*mechdir) {
        return "Mutex requires at least a mechanism argument ("
               AP_ALL_AVAILABLE_MUTEXES_STRING ")";
    }
    rv = ap_parse_mutex(mechdir, cmd->pool, &mech, &dir);
    if (rv == APR_ENOTIMPL) {
        return apr_pstrcat(cmd->pool, "Invalid Mutex argument ", mechdir,
                           " (" AP_ALL_AVAILABLE_MUTEXES_STRING ")", NULL);
    }
    if (rv == APR_BADARG
        || (dir && mech != APR_LOCK_POSIXSEM
            && !ap_is_directory(cmd->temp_pool, dir))) {
        return apr_pstrcat(cmd->pool, "Invalid Mutex directory in argument ",
                           mechdir, NULL);
    }
    no_mutex = rv == APR_ENOLOCK;

    types = apr_array_make(cmd->temp_pool, 4, sizeof(const char *));
    while (*arg) {
        const char *w = ap_getword_conf(cmd->pool, &arg);
        if (!strcasecmp(w, "omitpid")) {
            omit_pid = 1;
        }
        else if (*w) {
            *(const char **)apr_array_push(types) = w;
        }
    }
    if (types->nelts == 0) {
        *(const char **)apr_array_push(types) = "default";
    }
    for (i = 0; i < types->nelts; i++) {
        err = apply_to_type(cmd, ((const char **)types->elts)[i], no_mutex,
                            omit_pid, mech, dir);
        if (err) {
            return err;
        }
    }
    return NULL;
}

/* ---- creating --------------------------------------------------------- */

static int needs_file(apr_lockmech_e mech)
{
    if (mech == APR_LOCK_FLOCK || mech == APR_LOCK_FCNTL) {
        return 1;
    }
    return mech == APR_LOCK_DEFAULT
           && (APR_USE_FLOCK_SERIALIZE || APR_USE_FCNTL_SERIALIZE);
}

/* The settings in effect for @a type (see the precedence above). */
static mutex_cfg *lookup(apr_pool_t *p, const char *type)
{
    mutex_cfg *def, *m, *use;

    if (!by_type) {
        return NULL;
    }
    def = apr_hash_get(by_type, "default", APR_HASH_KEY_STRING);
    m = apr_hash_get(by_type, type, APR_HASH_KEY_STRING);
    if (!m || !def) {
        return NULL;
    }
    use = m->set ? m
        : def->set ? def
        : (m->none || m->mech != APR_LOCK_DEFAULT) ? m
        : def;
    if (!use->none && needs_file(use->mech) && !use->dir) {
        /* a file-based mechanism without a directory: borrow one */
        use = apr_pmemdup(p, use, sizeof(*use));
        use->dir = (def->set && def->dir) ? def->dir
                 : m->dir ? m->dir : def->dir;
    }
    return use;
}

static const char *lock_file_name(apr_pool_t *p, const mutex_cfg *m,
                                  const char *type, const char *instance)
{
    const char *pid = "";

    if (!needs_file(m->mech)) {
        return NULL;
    }
    if (!m->omit_pid) {
        /* several servers may share the directory */
        pid = apr_psprintf(p, ".%lu", ap__log_pid());
    }
    return ap_server_root_relative(p, apr_pstrcat(p, m->dir ? m->dir : "",
                                   "/", type, instance ? "-" : "",
                                   instance ? instance : "", pid, NULL));
}

/* Common checks; returns the settings or NULL with *rv set. */
static const mutex_cfg *prepare(apr_pool_t *p, server_rec *s,
                                const char *type, apr_int32_t options,
                                apr_status_t *rv)
{
    const mutex_cfg *m;

    *rv = APR_EINVAL;
    if (options) {
        ap_log_error(APLOG_MARK, APLOG_EMERG, 0, s, APLOGNO(00021)
                     "Invalid options were specified when creating the %s "
                     "mutex", type);
        return NULL;
    }
    m = lookup(p, type);
    if (!m) {
        ap_log_error(APLOG_MARK, APLOG_EMERG, 0, s, APLOGNO(00022)
                     "Can't create mutex of unknown type %s", type);
        return NULL;
    }
    *rv = APR_SUCCESS;
    return m;
}

static void log_create_failure(apr_status_t rv, server_rec *s,
                               const char *type, const char *fname)
{
    ap_log_error(APLOG_MARK, APLOG_EMERG, rv, s, APLOGNO(00023)
                 "Couldn't create the %s mutex %s%s%s", type,
                 fname ? "(file " : "", fname ? fname : "",
                 fname ? ")" : "");
}

static void log_perms_failure(apr_status_t rv, server_rec *s,
                              const char *type)
{
    ap_log_error(APLOG_MARK, APLOG_EMERG, rv, s, APLOGNO(00024)
                 "Couldn't set permissions on the %s mutex; check User "
                 "and Group directives", type);
}

/* What both kinds of mutex need before they are made: the configured
 * mechanism and lock file of @a type. NULL with *rv set when the mutex
 * cannot be made; *none set when it is configured "none". */
static const mutex_cfg *setup(apr_pool_t *p, server_rec *s, const char *type,
                              const char *instance_id, apr_int32_t options,
                              const char **fname, int *none,
                              apr_status_t *rv)
{
    const mutex_cfg *m = prepare(p, s, type, options, rv);

    *none = m && m->none;
    if (m && !m->none) {
        *fname = lock_file_name(p, m, type, instance_id);
    }
    return m;
}

/* After apr made it: report the name, and hand it to User when needed. */
static apr_status_t made(apr_status_t rv, server_rec *s, const char *type,
                         const char *fname, const char **name,
                         apr_status_t (*set_perms)(void *), void *mutex)
{
    if (rv != APR_SUCCESS) {
        log_create_failure(rv, s, type, fname);
        return rv;
    }
    if (name) {
        *name = fname;
    }
#if defined(AP_NEED_SET_MUTEX_PERMS) && AP_NEED_SET_MUTEX_PERMS
    rv = set_perms(mutex);
    if (rv != APR_SUCCESS) {
        log_perms_failure(rv, s, type);
    }
#endif
    return rv;
}

#if defined(AP_NEED_SET_MUTEX_PERMS) && AP_NEED_SET_MUTEX_PERMS
static apr_status_t global_perms(void *mutex)
{
    return ap_unixd_set_global_mutex_perms(mutex);
}

static apr_status_t proc_perms(void *mutex)
{
    return ap_unixd_set_proc_mutex_perms(mutex);
}
#else
#define global_perms NULL
#define proc_perms NULL
#endif

AP_DECLARE(apr_status_t) ap_global_mutex_create(apr_global_mutex_t **mutex,
                                                const char **name,
                                                const char *type,
                                                const char *instance_id,
                                                server_rec *s,
                                                apr_pool_t *p,
                                                apr_int32_t options)
{
    const char *fname = NULL;
    apr_status_t rv;
    int none;
    const mutex_cfg *m = setup(p, s, type, instance_id, options, &fname,
                               &none, &rv);

    if (!m || none) {
        *mutex = NULL;
        return m ? APR_SUCCESS : rv;
    }
    rv = apr_global_mutex_create(mutex, fname, m->mech, p);
    return made(rv, s, type, fname, name, global_perms, *mutex);
}

AP_DECLARE(apr_status_t) ap_proc_mutex_create(apr_proc_mutex_t **mutex,
                                              const char **name,
                                              const char *type,
                                              const char *instance_id,
                                              server_rec *s, apr_pool_t *p,
                                              apr_int32_t options)
{
    const char *fname = NULL;
    apr_status_t rv;
    int none;
    const mutex_cfg *m = setup(p, s, type, instance_id, options, &fname,
                               &none, &rv);

    if (!m || none) {
        *mutex = NULL;
        return m ? APR_SUCCESS : rv;
    }
    rv = apr_proc_mutex_create(mutex, fname, m->mech, p);
    return made(rv, s, type, fname, name, proc_perms, *mutex);
}

/* ---- -t -D DUMP_RUN_CFG ----------------------------------------------- */

static const char *mech_name(apr_lockmech_e mech)
{
    switch (mech) {
    case APR_LOCK_DEFAULT:      return "default";
    case APR_LOCK_FCNTL:        return "fcntl";
    case APR_LOCK_FLOCK:        return "flock";
    case APR_LOCK_POSIXSEM:     return "posixsem";
    case APR_LOCK_SYSVSEM:      return "sysvsem";
    case APR_LOCK_PROC_PTHREAD: return "pthread";
    default:                    return "<unknown>";
    }
}

AP_CORE_DECLARE(void) ap_dump_mutexes(apr_pool_t *p, server_rec *s,
                                      apr_file_t *out)
{
    apr_hash_index_t *hi;
    const mutex_cfg *def;

    if (!by_type) {
        return;
    }
    def = apr_hash_get(by_type, "default", APR_HASH_KEY_STRING);
    for (hi = apr_hash_first(p, by_type); hi; hi = apr_hash_next(hi)) {
        const void *key;
        const char *type, *dir = "";
        const mutex_cfg *m;

        apr_hash_this(hi, &key, NULL, NULL);
        type = key;
        m = lookup(p, type);
        if (m == def && strcmp(type, "default")) {
            apr_file_printf(out, "Mutex %s: using_defaults\n", type);
            continue;
        }
        if (m->none) {
            apr_file_printf(out, "Mutex %s: none\n", type);
            continue;
        }
        if (m->dir) {
            dir = ap_server_root_relative(p, m->dir);
        }
        apr_file_printf(out, "Mutex %s: dir=\"%s\" mechanism=%s %s\n",
                        type, dir, mech_name(m->mech),
                        m->omit_pid ? "[OmitPid]" : "");
    }
}
