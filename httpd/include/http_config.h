/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file http_config.h
 * @brief Modules, directives and configuration: the module structure,
 * command tables, per-server/per-directory configuration vectors, the
 * configuration reader, and the configuration-phase hooks.
 */
#ifndef APACHE_HTTP_CONFIG_H
#define APACHE_HTTP_CONFIG_H

#include "httpd.h"
#include "util_cfgtree.h"
#include "ap_config.h"
#include "apr_tables.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How a directive's arguments are parsed before its handler is called. */
enum cmd_how {
    RAW_ARGS,   /**< the whole argument string, unparsed */
    TAKE1,      /**< exactly one word */
    TAKE2,      /**< exactly two words */
    ITERATE,    /**< one or more words: the handler runs once per word */
    ITERATE2,   /**< a word then one or more: runs once per later word */
    FLAG,       /**< On or Off */
    NO_ARGS,    /**< none */
    TAKE12,     /**< one or two words */
    TAKE3,      /**< exactly three words */
    TAKE23,     /**< two or three words */
    TAKE123,    /**< one to three words */
    TAKE13,     /**< one or three words */
    TAKE_ARGV   /**< any number of words, as argc/argv */
};

/** The state a directive handler is called with. */
typedef struct cmd_parms_struct cmd_parms;

#if defined(AP_HAVE_DESIGNATED_INITIALIZER)

/** A directive handler, by argument kind. */
typedef union {
    /** NO_ARGS */
    const char *(*no_args) (cmd_parms *parms, void *mconfig);
    /** RAW_ARGS */
    const char *(*raw_args) (cmd_parms *parms, void *mconfig,
                             const char *args);
    /** TAKE_ARGV */
    const char *(*take_argv) (cmd_parms *parms, void *mconfig,
                              int argc, char *const argv[]);
    /** TAKE1, ITERATE */
    const char *(*take1) (cmd_parms *parms, void *mconfig, const char *w);
    /** TAKE2, TAKE12, ITERATE2 */
    const char *(*take2) (cmd_parms *parms, void *mconfig, const char *w,
                          const char *w2);
    /** TAKE3, TAKE13, TAKE23, TAKE123 */
    const char *(*take3) (cmd_parms *parms, void *mconfig, const char *w,
                          const char *w2, const char *w3);
    /** FLAG */
    const char *(*flag) (cmd_parms *parms, void *mconfig, int on);
} cmd_func;

/* Member of cmd_func for each kind. */
#define AP_NO_ARGS   func.no_args
#define AP_RAW_ARGS  func.raw_args
#define AP_TAKE_ARGV func.take_argv
#define AP_TAKE1     func.take1
#define AP_TAKE2     func.take2
#define AP_TAKE3     func.take3
#define AP_FLAG      func.flag

/* Command table entries: name, handler, cmd_data, where allowed, help. */
#define AP_INIT_NO_ARGS(directive, func, mconfig, where, help) \
    { directive, { .no_args = func }, mconfig, where, RAW_ARGS, help }
#define AP_INIT_RAW_ARGS(directive, func, mconfig, where, help) \
    { directive, { .raw_args = func }, mconfig, where, RAW_ARGS, help }
#define AP_INIT_TAKE_ARGV(directive, func, mconfig, where, help) \
    { directive, { .take_argv = func }, mconfig, where, TAKE_ARGV, help }
#define AP_INIT_TAKE1(directive, func, mconfig, where, help) \
    { directive, { .take1 = func }, mconfig, where, TAKE1, help }
#define AP_INIT_ITERATE(directive, func, mconfig, where, help) \
    { directive, { .take1 = func }, mconfig, where, ITERATE, help }
#define AP_INIT_TAKE2(directive, func, mconfig, where, help) \
    { directive, { .take2 = func }, mconfig, where, TAKE2, help }
#define AP_INIT_TAKE12(directive, func, mconfig, where, help) \
    { directive, { .take2 = func }, mconfig, where, TAKE12, help }
#define AP_INIT_ITERATE2(directive, func, mconfig, where, help) \
    { directive, { .take2 = func }, mconfig, where, ITERATE2, help }
#define AP_INIT_TAKE13(directive, func, mconfig, where, help) \
    { directive, { .take3 = func }, mconfig, where, TAKE13, help }
#define AP_INIT_TAKE23(directive, func, mconfig, where, help) \
    { directive, { .take3 = func }, mconfig, where, TAKE23, help }
#define AP_INIT_TAKE123(directive, func, mconfig, where, help) \
    { directive, { .take3 = func }, mconfig, where, TAKE123, help }
#define AP_INIT_TAKE3(directive, func, mconfig, where, help) \
    { directive, { .take3 = func }, mconfig, where, TAKE3, help }
#define AP_INIT_FLAG(directive, func, mconfig, where, help) \
    { directive, { .flag = func }, mconfig, where, FLAG, help }

#else /* compilers without designated initializers (C++) */

typedef const char *(*cmd_func) ();
#define AP_NO_ARGS   func
#define AP_RAW_ARGS  func
#define AP_TAKE_ARGV func
#define AP_TAKE1     func
#define AP_TAKE2     func
#define AP_TAKE3     func
#define AP_FLAG      func
#define AP_INIT_NO_ARGS(directive, func, mconfig, where, help) \
    { directive, func, mconfig, where, RAW_ARGS, help }
#define AP_INIT_RAW_ARGS(directive, func, mconfig, where, help) \
    { directive, func, mconfig, where, RAW_ARGS, help }
#define AP_INIT_TAKE_ARGV(directive, func, mconfig, where, help) \
    { directive, func, mconfig, where, TAKE_ARGV, help }
#define AP_INIT_TAKE1(directive, func, mconfig, where, help) \
    { directive, func, mconfig, where, TAKE1, help }
#define AP_INIT_ITERATE(directive, func, mconfig, where, help) \
    { directive, func, mconfig, where, ITERATE, help }
#define AP_INIT_TAKE2(directive, func, mconfig, where, help) \
    { directive, func, mconfig, where, TAKE2, help }
#define AP_INIT_TAKE12(directive, func, mconfig, where, help) \
    { directive, func, mconfig, where, TAKE12, help }
#define AP_INIT_ITERATE2(directive, func, mconfig, where, help) \
    { directive, func, mconfig, where, ITERATE2, help }
#define AP_INIT_TAKE13(directive, func, mconfig, where, help) \
    { directive, func, mconfig, where, TAKE13, help }
#define AP_INIT_TAKE23(directive, func, mconfig, where, help) \
    { directive, func, mconfig, where, TAKE23, help }
#define AP_INIT_TAKE123(directive, func, mconfig, where, help) \
    { directive, func, mconfig, where, TAKE123, help }
#define AP_INIT_TAKE3(directive, func, mconfig, where, help) \
    { directive, func, mconfig, where, TAKE3, help }
#define AP_INIT_FLAG(directive, func, mconfig, where, help) \
    { directive, func, mconfig, where, FLAG, help }

#endif

/** A directive a module understands. Tables end with an entry whose
 * name is NULL. */
typedef struct command_struct command_rec;

struct command_struct {
    const char *name;       /**< directive name */
    cmd_func func;          /**< handler */
    void *cmd_data;         /**< passed as cmd->info */
    int req_override;       /**< where allowed: OR_* / ACCESS_CONF / RSRC_CONF */
    enum cmd_how args_how;  /**< argument kind */
    const char *errmsg;     /**< usage text */
};

/* Where a directive may appear (req_override bits). AllowOverride
 * categories first: */
#define OR_NONE 0
#define OR_LIMIT 1          /**< AllowOverride Limit */
#define OR_OPTIONS 2        /**< AllowOverride Options */
#define OR_FILEINFO 4       /**< AllowOverride FileInfo */
#define OR_AUTHCFG 8        /**< AllowOverride AuthConfig */
#define OR_INDEXES 16       /**< AllowOverride Indexes */
#define OR_UNSET 32         /**< not set (merging) */
#define ACCESS_CONF 64      /**< <Directory>, <Location>, <Files> sections */
#define RSRC_CONF 128       /**< server config and <VirtualHost> */
#define EXEC_ON_READ 256    /**< run while the files are read (IfModule...) */
#define NONFATAL_OVERRIDE 512 /**< in .htaccess, refused override only warns */
#define NONFATAL_UNKNOWN 1024 /**< in .htaccess, unknown directive only warns */
#define NONFATAL_ALL (NONFATAL_OVERRIDE|NONFATAL_UNKNOWN)
#define PROXY_CONF 2048     /**< <Proxy> sections */
/** Every AllowOverride category. */
#define OR_ALL (OR_LIMIT|OR_OPTIONS|OR_FILEINFO|OR_AUTHCFG|OR_INDEXES)

/** A handler returns this to let another module's directive of the same
 * name handle it. */
#define DECLINE_CMD "\a\b"

/** A configuration source (file or custom reader). */
typedef struct ap_configfile_t ap_configfile_t;

struct ap_configfile_t {
    /** Read one character. */
    apr_status_t (*getch) (char *ch, void *param);
    /** Read a line of at most bufsiz - 1 characters. */
    apr_status_t (*getstr) (void *buf, apr_size_t bufsiz, void *param);
    /** Close the source. */
    apr_status_t (*close) (void *param);
    void *param;            /**< for the functions above */
    const char *name;       /**< file name, for messages */
    unsigned line_number;   /**< current line */
};

/** What a directive handler knows about where it runs. */
struct cmd_parms_struct {
    void *info;                    /**< command_rec.cmd_data */
    int override;                  /**< overrides allowed here */
    int override_opts;             /**< Options allowed by AllowOverride */
    apr_table_t *override_list;    /**< AllowOverrideList */
    apr_int64_t limited;           /**< methods of an enclosing <Limit> */
    apr_array_header_t *limited_xmethods; /**< its extension methods */
    ap_method_list_t *xlimited;    /**< all of them */
    ap_configfile_t *config_file;  /**< the source being read */
    ap_directive_t *directive;     /**< the directive */
    apr_pool_t *pool;              /**< configuration pool */
    apr_pool_t *temp_pool;         /**< scratch pool of the reading */
    server_rec *server;            /**< server being configured */
    char *path;                    /**< path of an enclosing section, or NULL */
    const command_rec *cmd;        /**< the command entry */
    struct ap_conf_vector_t *context; /**< per-dir configuration in effect */
    const ap_directive_t *err_directive; /**< directive to blame in errors */
};

/* Module flags (module.flags). */
#define AP_MODULE_FLAG_NONE         (0)
/** Merge the module's per-dir configuration even when it has none here. */
#define AP_MODULE_FLAG_ALWAYS_MERGE (1 << 0)

/** A module: its identity, configuration callbacks, directives and hooks. */
typedef struct module_struct module;

struct module_struct {
    int version;               /**< MODULE_MAGIC_NUMBER_MAJOR built against */
    int minor_version;         /**< MODULE_MAGIC_NUMBER_MINOR built against */
    int module_index;          /**< slot in configuration vectors */
    const char *name;          /**< source file name */
    void *dynamic_load_handle; /**< DSO handle */
    struct module_struct *next; /**< next active module */
    unsigned long magic;       /**< MODULE_MAGIC_COOKIE */
    /** Rewrite the command line (MPMs). */
    void (*rewrite_args) (process_rec *process);
    /** Create the per-directory configuration. */
    void *(*create_dir_config) (apr_pool_t *p, char *dir);
    /** Merge per-directory configurations. */
    void *(*merge_dir_config) (apr_pool_t *p, void *base_conf, void *new_conf);
    /** Create the per-server configuration. */
    void *(*create_server_config) (apr_pool_t *p, server_rec *s);
    /** Merge per-server configurations. */
    void *(*merge_server_config) (apr_pool_t *p, void *base_conf,
                                  void *new_conf);
    /** Directives. */
    const command_rec *cmds;
    /** Register the module's hooks. */
    void (*register_hooks) (apr_pool_t *p);
    /** AP_MODULE_FLAG_*. */
    int flags;
};

/** Mark a declaration that may be unused without a warning. */
#ifdef AP_MAYBE_UNUSED
#elif defined(__GNUC__)
#define AP_MAYBE_UNUSED(x) x __attribute__((unused))
#else
#define AP_MAYBE_UNUSED(x) x
#endif

/** Put at the top of a module's files so that its log lines use the
 * module's LogLevel. */
#define APLOG_USE_MODULE(foo) \
    extern module AP_MODULE_DECLARE_DATA foo##_module;                  \
    AP_MAYBE_UNUSED(static int * const aplog_module_index) = &(foo##_module.module_index)

/** Define the module structure foo_module (followed by its initializer). */
#define AP_DECLARE_MODULE(foo) \
    APLOG_USE_MODULE(foo);                         \
    module AP_MODULE_DECLARE_DATA foo##_module

/** 1.3 modules do not compile: they need porting. */
#define STANDARD_MODULE_STUFF this_module_needs_to_be_ported_to_apache_2_0

/** The first members of a module structure. */
#define STANDARD20_MODULE_STUFF MODULE_MAGIC_NUMBER_MAJOR, \
                                MODULE_MAGIC_NUMBER_MINOR, \
                                -1, \
                                __FILE__, \
                                NULL, \
                                NULL, \
                                MODULE_MAGIC_COOKIE, \
                                NULL      /* rewrite args spot */

/** The first members of an MPM's module structure (it has rewrite_args). */
#define MPM20_MODULE_STUFF      MODULE_MAGIC_NUMBER_MAJOR, \
                                MODULE_MAGIC_NUMBER_MINOR, \
                                -1, \
                                __FILE__, \
                                NULL, \
                                NULL, \
                                MODULE_MAGIC_COOKIE

/** A configuration vector: one slot per module. */
typedef struct ap_conf_vector_t ap_conf_vector_t;

/** The module's entry of a configuration vector. */
AP_DECLARE(void *) ap_get_module_config(const ap_conf_vector_t *cv,
                                        const module *m);

/** Set the module's entry of a configuration vector. */
AP_DECLARE(void) ap_set_module_config(ap_conf_vector_t *cv, const module *m,
                                      void *val);

/** The interface version that introduced module.flags. */
#define AP_MODULE_FLAGS_MMN_MAJOR 20120211
#define AP_MODULE_FLAGS_MMN_MINOR 70
/** Was the server built with module.flags? */
#define AP_MODULE_HAS_FLAGS(m) \
    AP_MODULE_MAGIC_AT_LEAST(AP_MODULE_FLAGS_MMN_MAJOR, \
                             AP_MODULE_FLAGS_MMN_MINOR)

/** The module's flags (0 for modules built before flags existed). */
AP_DECLARE(int) ap_get_module_flags(const module *m);

#if !defined(AP_DEBUG)
#define ap_get_module_config(v, m) \
    (((void **)(v))[(m)->module_index])
#define ap_set_module_config(v, m, val) \
    ((((void **)(v))[(m)->module_index]) = (val))
#endif

/** Log level of module @a index for server @a s. */
AP_DECLARE(int) ap_get_server_module_loglevel(const server_rec *s, int index);

/** Log level of module @a index for connection @a c. */
AP_DECLARE(int) ap_get_conn_module_loglevel(const conn_rec *c, int index);

/** Log level of module @a index for connection @a c in server @a s. */
AP_DECLARE(int) ap_get_conn_server_module_loglevel(const conn_rec *c,
                                                   const server_rec *s,
                                                   int index);

/** Log level of module @a index for request @a r. */
AP_DECLARE(int) ap_get_request_module_loglevel(const request_rec *r,
                                               int index);

/** Set the log level of module @a index in @a l. */
AP_DECLARE(void) ap_set_module_loglevel(apr_pool_t *p, struct ap_logconf *l,
                                        int index, int level);

#if !defined(AP_DEBUG)
#define ap_get_conn_logconf(c)                     \
    ((c)->log             ? (c)->log             : \
     &(c)->base_server->log)

#define ap_get_conn_server_logconf(c, s)                            \
    ( ( (c)->log != &(c)->base_server->log && (c)->log != NULL )  ? \
      (c)->log                                                    : \
      &(s)->log )

#define ap_get_request_logconf(r)                  \
    ((r)->log             ? (r)->log             : \
     (r)->connection->log ? (r)->connection->log : \
     &(r)->server->log)

#define ap_get_module_loglevel(l, i)                                    \
    (((i) < 0 || (l)->module_levels == NULL || (l)->module_levels[i] < 0) ? \
     (l)->level :                                                       \
     (l)->module_levels[i])

#define ap_get_server_module_loglevel(s, i) \
    (ap_get_module_loglevel(&(s)->log, i))

#define ap_get_conn_module_loglevel(c, i) \
    (ap_get_module_loglevel(ap_get_conn_logconf(c), i))

#define ap_get_conn_server_module_loglevel(c, s, i) \
    (ap_get_module_loglevel(ap_get_conn_server_logconf(c, s), i))

#define ap_get_request_module_loglevel(r, i) \
    (ap_get_module_loglevel(ap_get_request_logconf(r), i))
#endif

/** Set every module's level in @a l to @a val. */
AP_DECLARE(void) ap_reset_module_loglevels(struct ap_logconf *l, int val);

/* Generic directive handlers: cmd_data is the offsetof() the field in the
 * per-directory structure. */

/** Store the argument as a string. */
AP_DECLARE_NONSTD(const char *) ap_set_string_slot(cmd_parms *cmd,
                                                   void *struct_ptr,
                                                   const char *arg);

/** Store the argument as an int. */
AP_DECLARE_NONSTD(const char *) ap_set_int_slot(cmd_parms *cmd,
                                                void *struct_ptr,
                                                const char *arg);

/** Parse a log level name into *@a val; NULL or an error message. */
AP_DECLARE(const char *) ap_parse_log_level(const char *str, int *val);

/** Is @a method limited by an enclosing <Limit>/<LimitExcept>? */
AP_DECLARE(int) ap_method_is_limited(cmd_parms *cmd, const char *method);

/** Store the argument lower-cased. */
AP_DECLARE_NONSTD(const char *) ap_set_string_slot_lower(cmd_parms *cmd,
                                                         void *struct_ptr,
                                                         const char *arg);

/** Store an On/Off flag as an int. */
AP_DECLARE_NONSTD(const char *) ap_set_flag_slot(cmd_parms *cmd,
                                                 void *struct_ptr,
                                                 int arg);

/** Store an On/Off flag as a char. */
AP_DECLARE_NONSTD(const char *) ap_set_flag_slot_char(cmd_parms *cmd,
                                                      void *struct_ptr,
                                                      int arg);

/** Store a file name made absolute relative to ServerRoot. */
AP_DECLARE_NONSTD(const char *) ap_set_file_slot(cmd_parms *cmd,
                                                 void *struct_ptr,
                                                 const char *arg);

/** Handler of a removed directive: returns cmd_data as the error. */
AP_DECLARE_NONSTD(const char *) ap_set_deprecated(cmd_parms *cmd,
                                                  void *struct_ptr,
                                                  const char *arg);

/** @a fname made absolute relative to ServerRoot (NULL if invalid). */
AP_DECLARE(char *) ap_server_root_relative(apr_pool_t *p, const char *fname);

/** @a fname made absolute relative to DefaultRuntimeDir. */
AP_DECLARE(char *) ap_runtime_dir_relative(apr_pool_t *p, const char *fname);

/* Module registry. */

/** Add a module to the active list; NULL or an error. */
AP_DECLARE(const char *) ap_add_module(module *m, apr_pool_t *p,
                                       const char *s);

/** Remove a module from the active list. */
AP_DECLARE(void) ap_remove_module(module *m);

/** Add a module and record it as loaded. */
AP_DECLARE(const char *) ap_add_loaded_module(module *mod, apr_pool_t *p,
                                              const char *s);

/** Remove a loaded module. */
AP_DECLARE(void) ap_remove_loaded_module(module *mod);

/** The module's name ("mod_foo.c"). */
AP_DECLARE(const char *) ap_find_module_name(module *m);

/** The module's short name ("foo") by index, for log lines. */
AP_DECLARE(const char *) ap_find_module_short_name(int module_index);

/** The active module named @a name ("mod_foo.c"), or NULL. */
AP_DECLARE(module *) ap_find_linked_module(const char *name);

/* Configuration sources. */

/** Open a file for reading configuration. */
AP_DECLARE(apr_status_t) ap_pcfg_openfile(ap_configfile_t **ret_cfg,
                                          apr_pool_t *p, const char *name);

/** Make a configuration source from custom reading functions. */
AP_DECLARE(ap_configfile_t *) ap_pcfg_open_custom(apr_pool_t *p,
    const char *descr,
    void *param,
    apr_status_t (*getc_func) (char *ch, void *param),
    apr_status_t (*gets_func) (void *buf, apr_size_t bufsiz, void *param),
    apr_status_t (*close_func) (void *param));

/** Read the next logical line (continuations joined, white space
 * trimmed). APR_ENOSPC if it does not fit, APR_EOF at the end. */
AP_DECLARE(apr_status_t) ap_cfg_getline(char *buf, apr_size_t bufsize,
                                        ap_configfile_t *cfp);

/** Read one character. */
AP_DECLARE(apr_status_t) ap_cfg_getc(char *ch, ap_configfile_t *cfp);

/** Close a configuration source. */
AP_DECLARE(int) ap_cfg_closefile(ap_configfile_t *cfp);

/** Describe a reading error with the file and line. */
AP_DECLARE(const char *) ap_pcfg_strerror(apr_pool_t *p, ap_configfile_t *cfp,
                                          apr_status_t rc);

/** Skip to the end of the current section. */
AP_DECLARE(const char *) ap_soak_end_container(cmd_parms *cmd,
                                               char *directive);

/** Read a section's content into the tree. */
AP_DECLARE(const char *) ap_build_cont_config(apr_pool_t *p,
                                              apr_pool_t *temp_pool,
                                              cmd_parms *parms,
                                              ap_directive_t **current,
                                              ap_directive_t **curr_parent,
                                              char *orig_directive);

/** Read a configuration source into a tree. */
AP_DECLARE(const char *) ap_build_config(cmd_parms *parms,
                                         apr_pool_t *conf_pool,
                                         apr_pool_t *temp_pool,
                                         ap_directive_t **conftree);

/** Run the directives of a tree. */
AP_DECLARE(const char *) ap_walk_config(ap_directive_t *conftree,
                                        cmd_parms *parms,
                                        ap_conf_vector_t *section_vector);

/** Prepare an ap_dir_match_t for a directive's wildcard argument. */
AP_DECLARE(ap_dir_match_t *) ap_dir_cfgmatch(cmd_parms *cmd, int flags,
        const char *(*cb)(ap_dir_match_t *w, const char *fname), void *ctx)
        __attribute__((nonnull(1, 3)));

/** NULL if the directive may appear here, else the error message.
 * @a forbidden is a set of NOT_IN_* bits. */
AP_DECLARE(const char *) ap_check_cmd_context(cmd_parms *cmd,
                                              unsigned forbidden);

#define NOT_IN_VIRTUALHOST  0x01 /**< not in <VirtualHost> */
#define NOT_IN_LIMIT        0x02 /**< not in <Limit> */
#define NOT_IN_DIRECTORY    0x04 /**< not in <Directory> */
#define NOT_IN_LOCATION     0x08 /**< not in <Location> */
#define NOT_IN_FILES        0x10 /**< not in <Files> */
#define NOT_IN_HTACCESS     0x20 /**< not in .htaccess */
#define NOT_IN_PROXY        0x40 /**< not in <Proxy> */
#define NOT_IN_DIR_LOC_FILE (NOT_IN_DIRECTORY|NOT_IN_LOCATION|NOT_IN_FILES)
#define NOT_IN_DIR_CONTEXT  (NOT_IN_LIMIT|NOT_IN_DIR_LOC_FILE|NOT_IN_PROXY)
#define GLOBAL_ONLY         (NOT_IN_VIRTUALHOST|NOT_IN_DIR_CONTEXT)

/** A statically linked module and its symbol name. */
typedef struct {
    const char *name; /**< "foo_module" */
    module *modp;     /**< the module */
} ap_module_symbol_t;

/** Head of the active module list. */
AP_DECLARE_DATA extern module *ap_top_module;
/** Statically linked modules (NULL-terminated). */
AP_DECLARE_DATA extern module *ap_prelinked_modules[];
/** Their symbol names. */
AP_DECLARE_DATA extern ap_module_symbol_t ap_prelinked_module_symbols[];
/** Modules active by default (NULL-terminated). */
AP_DECLARE_DATA extern module *ap_preloaded_modules[];
/** Every module, by index. */
AP_DECLARE_DATA extern module **ap_loaded_modules;

/** Create a module's configurations for a server added late. */
AP_DECLARE(void) ap_single_module_configure(apr_pool_t *p, server_rec *s,
                                            module *m);

/** Activate the preloaded modules. */
AP_DECLARE(const char *) ap_setup_prelinked_modules(process_rec *process);

/** Print every directive (-L). */
AP_DECLARE(void) ap_show_directives(void);

/** Does some module define the directive @a name? */
AP_DECLARE(int) ap_exists_directive(apr_pool_t *p, const char *name);

/** Print the compiled-in modules (-l). */
AP_DECLARE(void) ap_show_modules(void);

/** The MPM's name. */
AP_DECLARE(const char *) ap_show_mpm(void);

/** Read the configuration files into a tree; the main server. */
AP_DECLARE(server_rec *) ap_read_config(process_rec *process,
                                        apr_pool_t *temp_pool,
                                        const char *config_name,
                                        ap_directive_t **conftree);

/** Call each module's rewrite_args. */
AP_DECLARE(void) ap_run_rewrite_args(process_rec *process);

/** Call a module's register_hooks. */
AP_DECLARE(void) ap_register_hooks(module *m, apr_pool_t *p);

/** Merge the main server's configuration into the virtual hosts. */
AP_DECLARE(void) ap_fixup_virtual_hosts(apr_pool_t *p,
                                        server_rec *main_server);

/** Reserve configuration slots for @a count more modules. */
AP_DECLARE(void) ap_reserve_module_slots(int count);

/** Reserve slots for the modules a directive (LoadModule) will add. */
AP_DECLARE(void) ap_reserve_module_slots_directive(const char *directive);

/* Configuration vectors. */

/** An empty per-request vector. */
AP_DECLARE(ap_conf_vector_t*) ap_create_request_config(apr_pool_t *p);

/** The modules' default per-dir configuration. */
AP_CORE_DECLARE(ap_conf_vector_t *) ap_create_per_dir_config(apr_pool_t *p);

/** Merge two per-dir vectors. */
AP_CORE_DECLARE(ap_conf_vector_t*) ap_merge_per_dir_configs(apr_pool_t *p,
                                           ap_conf_vector_t *base,
                                           ap_conf_vector_t *new_conf);

/** A copy of @a old (or a fresh log configuration). */
AP_DECLARE(struct ap_logconf *) ap_new_log_config(apr_pool_t *p,
                                                  const struct ap_logconf *old);

/** Inherit in @a new_conf what it does not set from @a old_conf. */
AP_DECLARE(void) ap_merge_log_config(const struct ap_logconf *old_conf,
                                     struct ap_logconf *new_conf);

/** An empty per-connection vector. */
AP_CORE_DECLARE(ap_conf_vector_t*) ap_create_conn_config(apr_pool_t *p);

/** Read the .htaccess file of @a path (cached per request chain). */
AP_CORE_DECLARE(int) ap_parse_htaccess(ap_conf_vector_t **result,
                                       request_rec *r,
                                       int override,
                                       int override_opts,
                                       apr_table_t *override_list,
                                       const char *path,
                                       const char *access_name);

/** Create a virtual host for <VirtualHost hostname>. */
AP_CORE_DECLARE(const char *) ap_init_virtual_host(apr_pool_t *p,
                                                   const char *hostname,
                                                   server_rec *main_server,
                                                   server_rec **ps);

/** Read a file (or wildcard, or directory) into the tree. */
AP_DECLARE(const char *) ap_process_resource_config(server_rec *s,
                                                    const char *fname,
                                                    ap_directive_t **conftree,
                                                    apr_pool_t *p,
                                                    apr_pool_t *ptemp);

/** Read every file matching a wildcard path into the tree. */
AP_DECLARE(const char *) ap_process_fnmatch_configs(server_rec *s,
                                                    const char *fname,
                                                    ap_directive_t **conftree,
                                                    apr_pool_t *p,
                                                    apr_pool_t *ptemp,
                                                    int optional);

/** Run the tree's directives. @return OK or an exit status */
AP_DECLARE(int) ap_process_config_tree(server_rec *s,
                                       ap_directive_t *conftree,
                                       apr_pool_t *p,
                                       apr_pool_t *ptemp);

/** Zeroed memory that survives restarts, created under @a key. */
AP_DECLARE(void *) ap_retained_data_create(const char *key, apr_size_t size);

/** Memory created by ap_retained_data_create(), or NULL. */
AP_DECLARE(void *) ap_retained_data_get(const char *key);

/* For the core. */

/** Run the handler hook for a request. */
AP_CORE_DECLARE(int) ap_invoke_handler(request_rec *r);

/** The entry of @a cmds named @a name, or NULL. */
AP_CORE_DECLARE(const command_rec *) ap_find_command(const char *name,
                                                     const command_rec *cmds);

/** The entry named @a cmd_name in the modules from *@a mod on. */
AP_CORE_DECLARE(const command_rec *) ap_find_command_in_modules(
                                                     const char *cmd_name,
                                                     module **mod);

/** The module's configuration in @a section_vector, created if needed. */
AP_CORE_DECLARE(void *) ap_set_config_vectors(server_rec *server,
                                              ap_conf_vector_t *section_vector,
                                              const char *section,
                                              module *mod, apr_pool_t *pconf);

/* Hooks of the configuration phases. */

/** Look at the request headers (after translation). */
AP_DECLARE_HOOK(int, header_parser, (request_rec *r))

/** Before the configuration is read. */
AP_DECLARE_HOOK(int, pre_config, (apr_pool_t *pconf, apr_pool_t *plog,
                                  apr_pool_t *ptemp))

/** After reading, before logs are opened: check the configuration. */
AP_DECLARE_HOOK(int, check_config, (apr_pool_t *pconf, apr_pool_t *plog,
                                    apr_pool_t *ptemp, server_rec *s))

/** With -t: report on the configuration. */
AP_DECLARE_HOOK(void, test_config, (apr_pool_t *pconf, server_rec *s))

/** After the logs are open. */
AP_DECLARE_HOOK(int, post_config, (apr_pool_t *pconf, apr_pool_t *plog,
                                   apr_pool_t *ptemp, server_rec *s))

/** Open log files. */
AP_DECLARE_HOOK(int, open_logs, (apr_pool_t *pconf, apr_pool_t *plog,
                                 apr_pool_t *ptemp, server_rec *s))

/** In each child, once it starts. */
AP_DECLARE_HOOK(void, child_init, (apr_pool_t *pchild, server_rec *s))

/** Generate the response. */
AP_DECLARE_HOOK(int, handler, (request_rec *r))

/** Serve a request before the normal processing (caches). */
AP_DECLARE_HOOK(int, quick_handler, (request_rec *r, int lookup_uri))

/** Look up optional functions (after every module registered). */
AP_DECLARE_HOOK(void, optional_fn_retrieve, (void))

/** Open a .htaccess file. */
AP_DECLARE_HOOK(apr_status_t, open_htaccess,
                (request_rec *r, const char *dir_name, const char *access_name,
                 ap_configfile_t **conffile, const char **full_name))

/** The core's open_htaccess implementation. */
apr_status_t ap_open_htaccess(request_rec *r, const char *dir_name,
        const char *access_name, ap_configfile_t **conffile,
        const char **full_name);

/** A pool cleanup that sets the pointer at @a data to NULL. */
AP_DECLARE_NONSTD(apr_status_t) ap_pool_cleanup_set_null(void *data);

#ifdef __cplusplus
}
#endif

#endif /* APACHE_HTTP_CONFIG_H */
