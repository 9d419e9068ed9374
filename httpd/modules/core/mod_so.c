/* mod_so.c: LoadModule and LoadFile, modules and libraries loaded from
 * shared objects at configuration time.
 *
 * A loaded module is added to the server like a static one; a cleanup on
 * the configuration pool removes it again before APR unloads the shared
 * object, so a restart starts from the static modules and reloads what
 * the new configuration asks for. */
#include <string.h>

#include "apr_dso.h"
#include "apr_optional.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "mod_so.h"

module AP_MODULE_DECLARE_DATA so_module;

typedef struct {
    const char *name;           /* symbol, e.g. "mime_module" */
    module *modp;               /* NULL once unloaded */
} so_loaded;

typedef struct {
    apr_array_header_t *loaded; /* so_loaded, in load order */
} so_server_conf;

static void *so_create_server_config(apr_pool_t *p, server_rec *s)
{
    so_server_conf *conf = apr_pcalloc(p, sizeof(*conf));

    conf->loaded = apr_array_make(p, 16, sizeof(so_loaded));
    return conf;
}

static so_server_conf *so_conf(server_rec *s)
{
    return s ? ap_get_module_config(s->module_config, &so_module) : NULL;
}

static apr_status_t unload_module(void *data)
{
    so_loaded *entry = data;

    if (entry->modp == NULL) {
        return APR_SUCCESS;
    }
    ap_remove_loaded_module(entry->modp);
    entry->modp = NULL;
    entry->name = NULL;
    return APR_SUCCESS;
}

/* Opens the shared object: relative to ServerRoot, or, for a bare file
 * name, also through the system's library search path. */
static const char *dso_load(cmd_parms *cmd, apr_dso_handle_t **handle,
                            const char *filename, const char **used)
{
    const char *full = ap_server_root_relative(cmd->temp_pool, filename);
    int bare = strchr(filename, '/') == NULL;
    char err[256];

    if (full == NULL && !bare) {
        return apr_psprintf(cmd->temp_pool, "Invalid %s path %s",
                            cmd->cmd->name, filename);
    }
    *handle = NULL;
    *used = full;
    if (full && apr_dso_load(handle, full, cmd->pool) == APR_SUCCESS) {
        return NULL;
    }
    if (bare) {
        *used = filename;
        if (apr_dso_load(handle, filename, cmd->pool) == APR_SUCCESS) {
            return NULL;
        }
    }
    return apr_pstrcat(cmd->temp_pool, "Cannot load ", filename,
                       " into server: ",
                       apr_dso_error(*handle, err, sizeof(err)), NULL);
}

/* "mime_module" against a static "mod_mime.c". */
static int is_builtin(const char *modname)
{
    size_t sfx = sizeof("_module") - 1;
    size_t len = strlen(modname);
    int i;

    if (len <= sfx || strcmp(modname + len - sfx, "_module") != 0) {
        return 0;
    }
    len -= sfx;
    for (i = 0; ap_preloaded_modules[i]; i++) {
        const char *n = ap_preloaded_modules[i]->name;

        if (strncmp(n, "mod_", 4) == 0 && strlen(n + 4) == len + 2
            && memcmp(n + 4, modname, len) == 0) {
            return 1;
        }
    }
    return 0;
}

static int already_loaded(so_server_conf *conf, const char *modname)
{
    const so_loaded *e = (const so_loaded *)conf->loaded->elts;
    int i;

    for (i = 0; i < conf->loaded->nelts; i++) {
        if (e[i].name && strcmp(e[i].name, modname) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Finds and checks the module structure, then registers it. */
static const char *attach_module(cmd_parms *cmd, so_loaded *entry,
                                 apr_dso_handle_t *handle, const char *file)
{
    apr_dso_handle_sym_t sym;
    module *modp;
    const char *err;
    char ebuf[256];

    if (apr_dso_sym(&sym, handle, entry->name) != APR_SUCCESS) {
        return apr_pstrcat(cmd->pool, "Can't locate API module structure `",
                           entry->name, "' in file ", file, ": ",
                           apr_dso_error(handle, ebuf, sizeof(ebuf)), NULL);
    }
    modp = (module *)sym;
    if (modp->magic != MODULE_MAGIC_COOKIE) {
        return apr_psprintf(cmd->pool, "API module structure '%s' in file %s "
                            "is garbled - expected signature %08lx but saw "
                            "%08lx - perhaps this is not an Apache module "
                            "DSO, or was compiled for a different Apache "
                            "version?", entry->name, file,
                            (unsigned long)MODULE_MAGIC_COOKIE, modp->magic);
    }
    modp->dynamic_load_handle = handle;
    err = ap_add_loaded_module(modp, cmd->pool, entry->name);
    if (err) {
        return err;
    }
    entry->modp = modp;
    /* registered after apr_dso_load's own cleanup, so it runs first */
    apr_pool_cleanup_register(cmd->pool, entry, unload_module,
                              apr_pool_cleanup_null);
    ap_single_module_configure(cmd->pool, cmd->server, modp);
    return NULL;
}

static const char *load_module(cmd_parms *cmd, void *mconfig,
                               const char *modname, const char *filename)
{
    so_server_conf *conf = so_conf(cmd->server);
    apr_dso_handle_t *handle;
    const char *file, *err;
    so_loaded *entry;

    *(ap_directive_t **)mconfig = NULL;     /* nothing to splice in */
    if (conf == NULL) {
        return "LoadModule: mod_so has no configuration here";
    }
    if (already_loaded(conf, modname)) {
        ap_log_perror(APLOG_MARK, APLOG_WARNING, 0, cmd->pool, APLOGNO(01574)
                      "module %s is already loaded, skipping", modname);
        return NULL;
    }
    if (is_builtin(modname)) {
        return apr_pstrcat(cmd->pool, "module ", modname,
                           " is built-in and can't be loaded", NULL);
    }
    entry = apr_array_push(conf->loaded);
    entry->name = apr_pstrdup(cmd->pool, modname);
    entry->modp = NULL;
    err = dso_load(cmd, &handle, filename, &file);
    if (err) {
        return err;
    }
    ap_log_perror(APLOG_MARK, APLOG_DEBUG, 0, cmd->pool, APLOGNO(01575)
                  "loaded module %s from %s", modname, file);
    return attach_module(cmd, entry, handle, file);
}

static const char *load_file(cmd_parms *cmd, void *mconfig,
                             const char *filename)
{
    apr_dso_handle_t *handle;
    const char *used;
    const char *err = dso_load(cmd, &handle, filename, &used);

    *(ap_directive_t **)mconfig = NULL;
    if (err) {
        return err;
    }
    ap_log_error(APLOG_MARK, APLOG_DEBUG, 0, NULL, APLOGNO(01576)
                 "loaded file %s", used);
    return NULL;
}

static module *ap_find_loaded_module_symbol(server_rec *s,
                                            const char *modname)
{
    so_server_conf *conf = so_conf(s);
    const so_loaded *e;
    int i;

    if (conf == NULL) {
        return NULL;
    }
    e = (const so_loaded *)conf->loaded->elts;
    for (i = 0; i < conf->loaded->nelts; i++) {
        if (e[i].name && strcmp(e[i].name, modname) == 0) {
            return e[i].modp;
        }
    }
    return NULL;
}

/* httpd -M: every module, static then shared. */
static void dump_loaded_modules(apr_pool_t *p, server_rec *s)
{
    so_server_conf *conf = so_conf(s);
    const ap_module_symbol_t *sym;
    apr_file_t *out = NULL;
    int i;

    if (!ap_exists_config_define("DUMP_MODULES")) {
        return;
    }
    apr_file_open_stdout(&out, p);
    apr_file_printf(out, "Loaded Modules:\n");
    for (sym = ap_prelinked_module_symbols; sym->name; sym++) {
        apr_file_printf(out, " %s (static)\n", sym->name);
    }
    for (i = 0; conf && i < conf->loaded->nelts; i++) {
        const so_loaded *e = &((const so_loaded *)conf->loaded->elts)[i];

        if (e->name) {
            apr_file_printf(out, " %s (shared)\n", e->name);
        }
    }
}

static void so_register_hooks(apr_pool_t *p)
{
    APR_REGISTER_OPTIONAL_FN(ap_find_loaded_module_symbol);
    ap_hook_test_config(dump_loaded_modules, NULL, NULL, APR_HOOK_MIDDLE);
}

static const command_rec so_cmds[] = {
    AP_INIT_TAKE2("LoadModule", load_module, NULL, RSRC_CONF | EXEC_ON_READ,
                  "a module name and the name of a shared object file to "
                  "load it from"),
    AP_INIT_ITERATE("LoadFile", load_file, NULL, RSRC_CONF | EXEC_ON_READ,
                    "shared object file or library to load into the server "
                    "at runtime"),
    { NULL }
};

AP_DECLARE_MODULE(so) = {
    STANDARD20_MODULE_STUFF,
    NULL,                       /* per-directory config */
    NULL,                       /* merge per-directory config */
    so_create_server_config,    /* per-server config */
    NULL,                       /* merge per-server config */
    so_cmds,
    so_register_hooks
};
