/* config_private.h: symbols shared between the files of the configuration
 * engine (server/config*.c, server/util_cfg*.c, modules/core/mod_so.c) and
 * the directive handlers CORE puts in core_module's command table.
 * Nothing here is module API. */
#ifndef AP_CONFIG_PRIVATE_H
#define AP_CONFIG_PRIVATE_H

#include "apr_hash.h"
#include "httpd.h"
#include "http_config.h"
#include "http_log.h"

/* Longest line of a main configuration file (a sanity bound, Apache's
 * VARBUF_MAX_LEN); .htaccess files are held to HUGE_STRING_LEN. */
#define AP__CFG_MAX_LINE_LEN   (16 * 1024 * 1024)
/* Initial size of the line buffer while reading configuration. */
#define AP__CFG_INIT_LINE_LEN  200
/* Nesting limit of Include inside included files. */
#define AP__MAX_INCLUDE_DEPTH  128
/* Nesting limit of directories reached through Include. */
#define AP__MAX_INCLUDE_DIR_DEPTH 128

/* --- Directive handlers CORE lists in core_module's command table. ---
 *
 * CORE must declare them exactly like this (all are EXEC_ON_READ: they run
 * while the tree is being built, not when it is walked):
 *
 *   AP_INIT_TAKE1("Include", ap__cmd_include, NULL,
 *                 RSRC_CONF | ACCESS_CONF | EXEC_ON_READ, "...")
 *   AP_INIT_TAKE1("IncludeOptional", ap__cmd_include, (void *)1,
 *                 RSRC_CONF | ACCESS_CONF | EXEC_ON_READ, "...")
 *   AP_INIT_TAKE12("Define", ap__cmd_define, NULL,
 *                  EXEC_ON_READ | ACCESS_CONF | RSRC_CONF, "...")
 *   AP_INIT_TAKE1("UnDefine", ap__cmd_undefine, NULL,
 *                 EXEC_ON_READ | ACCESS_CONF | RSRC_CONF, "...")
 *   AP_INIT_RAW_ARGS("<IfModule", ap__cmd_ifmodule, NULL,
 *                    EXEC_ON_READ | OR_ALL, "...")
 *   AP_INIT_RAW_ARGS("<IfDefine", ap__cmd_ifdefine, NULL,
 *                    EXEC_ON_READ | OR_ALL, "...")
 *   AP_INIT_RAW_ARGS("<IfDirective", ap__cmd_ifdirective, NULL,
 *                    EXEC_ON_READ | OR_ALL, "...")
 *   AP_INIT_RAW_ARGS("<IfFile", ap__cmd_iffile, NULL,
 *                    EXEC_ON_READ | OR_ALL, "...")
 *
 * Apache's help texts (they appear in "takes one argument, <help>"):
 *   Include: "Name(s) of the config file(s) to be included; fails if the
 *             wildcard does not match at least one file"
 *   IncludeOptional: "Name or pattern of the config file(s) to be
 *             included; ignored if the file does not exist or the pattern
 *             does not match any files"
 *   Define: "Define a variable, optionally to a value.  Same as passing -D
 *            to the command line."
 *   UnDefine: "Undefine the existence of a variable. Undo a Define."
 */
const char *ap__cmd_include(cmd_parms *cmd, void *mconfig, const char *name);
const char *ap__cmd_define(cmd_parms *cmd, void *mconfig, const char *name,
                           const char *value);
const char *ap__cmd_undefine(cmd_parms *cmd, void *mconfig,
                             const char *name);
const char *ap__cmd_ifmodule(cmd_parms *cmd, void *mconfig, const char *arg);
const char *ap__cmd_ifdefine(cmd_parms *cmd, void *mconfig, const char *arg);
const char *ap__cmd_ifdirective(cmd_parms *cmd, void *mconfig,
                                const char *arg);
const char *ap__cmd_iffile(cmd_parms *cmd, void *mconfig, const char *arg);

/* Log level "not configured here" (a vhost or section without LogLevel),
 * the value log_config.c (HDR-B) tests in ap_merge_log_config().
 */
#define AP__APLOG_UNSET (-1)

/* --- Module registry (config_modules.c). --- */

/* Merge function of one module's per-directory configuration. */
typedef void *(*ap__merger_func)(apr_pool_t *p, void *base, void *add);

/* Number of module slots in use and length of every config vector. */
extern int ap__total_modules;
extern int ap__conf_vector_length;
/* merge_dir_config of each module by index (NULL: keep the newer). */
extern ap__merger_func *ap__merger_func_cache;

/* --- Directive lookup (config_cmdhash.c). --- */

/* One module's handler for a directive name; several modules may
 * implement the same directive and are tried in turn. */
typedef struct ap__mod_list ap__mod_list;
struct ap__mod_list {
    ap__mod_list *next;
    module *m;
    const command_rec *cmd;
};

/* Handlers registered for a directive name, matched case-insensitively;
 * NULL when no loaded module knows it.  If the hash does not exist yet it
 * is built in scratch, so callers reading a configuration make sure it
 * exists first (ap_read_config does) lest it die with a temporary pool. */
const ap__mod_list *ap__find_directive(apr_pool_t *scratch,
                                       const char *name);
/* Adds/removes a module's command table to/from the lookup hash. */
void ap__add_module_commands(module *m, apr_pool_t *p);
void ap__remove_module_commands(module *m);
/* Makes a fresh hash in p from the active modules; it is set to NULL by
 * p's cleanup. */
void ap__rebuild_conf_hash(apr_pool_t *p);
/* Builds the hash in pconf if there is none (after a restart cleared the
 * previous configuration pool). */
void ap__ensure_conf_hash(apr_pool_t *pconf);

/* --- Config vectors (config_dir.c). --- */

/* A zeroed vector of ap__conf_vector_length slots. */
ap_conf_vector_t *ap__create_empty_config(apr_pool_t *p);
/* Vectors filled by every loaded module's create functions. */
ap_conf_vector_t *ap__create_server_config(apr_pool_t *p, server_rec *s);
ap_conf_vector_t *ap__create_default_per_dir_config(apr_pool_t *p);

/* --- Directive invocation (config_cmd.c). --- */

/* Calls cmd's handler with the words of args split per cmd->args_how;
 * returns NULL, DECLINE_CMD or an error text for the user. */
const char *ap__invoke_cmd(const command_rec *cmd, cmd_parms *parms,
                           void *mconfig, const char *args);

/* --- Tree building (config_build.c). --- */

/* Error text Apache gives for a directive nobody implements. */
const char *ap__invalid_command(apr_pool_t *p, const char *name);
/* Adds one logical line to the tree being built. */
const char *ap__build_config_sub(apr_pool_t *p, apr_pool_t *temp_pool,
                                 const char *line, cmd_parms *parms,
                                 ap_directive_t **current,
                                 ap_directive_t **curr_parent,
                                 ap_directive_t **conftree);

/* --- Defines and ${VAR} (config_defines.c). --- */

/* Values given by "Define name value" (NULL until the first one). */
extern apr_table_t *ap__config_defined_vars;

/* --- The line reader (util_cfg_getline.c). --- */

/* A line buffer that may grow up to max_len bytes (grow == NULL: fixed). */
typedef struct ap__cfg_linebuf {
    char *buf;
    apr_size_t size;
    apr_size_t max_len;
    apr_status_t (*grow)(struct ap__cfg_linebuf *lb, apr_size_t new_size);
    void *ctx;
} ap__cfg_linebuf;

/* Reads one logical line (backslash-newline continued) into lb, without
 * trimming; APR_ENOSPC when it does not fit, APR_EOF at the end. */
apr_status_t ap__cfg_getline_raw(ap__cfg_linebuf *lb, ap_configfile_t *cfp);
/* Strips leading and trailing white space in place. */
void ap__cfg_trim_line(char *buf);

/* --- The main configuration file (config_read.c). --- */

/* Default cmd_parms for reading main configuration files. */
void ap__init_cmd_parms(cmd_parms *parms, server_rec *s, apr_pool_t *p,
                        apr_pool_t *ptemp);

/** Vectors are made with room for every module that LoadModule may still
 * add (open, at the start of ap_read_config) or, once the configuration is
 * read, for just the modules loaded (close): the per-request vectors stay
 * small. */
void ap__conf_vectors_open(void);
void ap__conf_vectors_close(void);

#endif /* AP_CONFIG_PRIVATE_H */
