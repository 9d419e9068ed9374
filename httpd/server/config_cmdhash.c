/* config_cmdhash.c: finding the handlers of a directive by name.
 *
 * One hash, lower-cased directive name -> list of (module, command_rec),
 * newest module first.  It lives in the configuration pool and is set to
 * NULL by that pool's cleanup; it is rebuilt from the active modules the
 * next time a directive is looked up. */
#include <string.h>

#include "apr_file_io.h"
#include "apr_hash.h"
#include "apr_lib.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"

#include "config_private.h"

static apr_hash_t *config_hash = NULL;

static char *lower_dup(apr_pool_t *p, const char *name)
{
    char *s = apr_pstrdup(p, name);

    ap_str_tolower(s);
    return s;
}

static void hash_add(module *m, const command_rec *cmd)
{
    apr_pool_t *p = apr_hash_pool_get(config_hash);
    ap__mod_list *ml = apr_palloc(p, sizeof(*ml));
    char *key = lower_dup(p, cmd->name);

    ml->cmd = cmd;
    ml->m = m;
    ml->next = apr_hash_get(config_hash, key, APR_HASH_KEY_STRING);
    apr_hash_set(config_hash, key, APR_HASH_KEY_STRING, ml);
}

/* Adds the chain oldest first so that the newest module ends up first. */
static void add_chain(module *m)
{
    const command_rec *cmd;

    if (m == NULL) {
        return;
    }
    add_chain(m->next);
    for (cmd = m->cmds; cmd && cmd->name; ++cmd) {
        hash_add(m, cmd);
    }
}

void ap__rebuild_conf_hash(apr_pool_t *p)
{
    config_hash = apr_hash_make(p);
    apr_pool_cleanup_register(p, &config_hash, ap_pool_cleanup_set_null,
                              apr_pool_cleanup_null);
    add_chain(ap_top_module);
}

void ap__add_module_commands(module *m, apr_pool_t *p)
{
    const command_rec *cmd;

    if (config_hash == NULL) {
        ap__rebuild_conf_hash(p);   /* adds m too if it is already active */
        return;
    }
    for (cmd = m->cmds; cmd && cmd->name; ++cmd) {
        hash_add(m, cmd);
    }
}

void ap__remove_module_commands(module *m)
{
    const command_rec *cmd;

    if (config_hash == NULL) {
        return;
    }
    for (cmd = m->cmds; cmd && cmd->name; ++cmd) {
        char key[256];
        ap__mod_list *ml, **link;

        apr_cpystrn(key, cmd->name, sizeof(key));
        ap_str_tolower(key);
        ml = apr_hash_get(config_hash, key, APR_HASH_KEY_STRING);
        link = &ml;
        while (*link) {
            if ((*link)->m == m) {
                *link = (*link)->next;
            }
            else {
                link = &(*link)->next;
            }
        }
        apr_hash_set(config_hash, key, APR_HASH_KEY_STRING, ml);
    }
}

void ap__ensure_conf_hash(apr_pool_t *pconf)
{
    if (config_hash == NULL) {
        ap__rebuild_conf_hash(pconf);
    }
}

const ap__mod_list *ap__find_directive(apr_pool_t *scratch, const char *name)
{
    char small[128];
    const char *key;

    if (config_hash == NULL) {
        /* only without ap_read_config (tests, tools): see the header */
        ap__rebuild_conf_hash(scratch);
    }
    if (strlen(name) < sizeof(small)) {
        apr_cpystrn(small, name, sizeof(small));
        ap_str_tolower(small);
        key = small;
    }
    else {
        key = lower_dup(scratch, name);
    }
    return apr_hash_get(config_hash, key, APR_HASH_KEY_STRING);
}

AP_CORE_DECLARE(const command_rec *) ap_find_command(const char *name,
                                                     const command_rec *cmds)
{
    for (; cmds && cmds->name; ++cmds) {
        if (ap_cstr_casecmp(name, cmds->name) == 0) {
            return cmds;
        }
    }
    return NULL;
}

AP_CORE_DECLARE(const command_rec *) ap_find_command_in_modules(
    const char *cmd_name, module **mod)
{
    module *m;

    for (m = *mod; m; m = m->next) {
        const command_rec *cmd = ap_find_command(cmd_name, m->cmds);

        if (cmd) {
            *mod = m;
            return cmd;
        }
    }
    return NULL;
}

AP_DECLARE(int) ap_exists_directive(apr_pool_t *p, const char *name)
{
    return ap__find_directive(p, name) != NULL;
}

/* -L output: where a directive may appear (Apache's wording). */
static void show_where(apr_file_t *out, const command_rec *pc, module *pm)
{
    static const struct { int bit; const char *name; } ovr[] = {
        { OR_AUTHCFG, "AuthConfig" }, { OR_LIMIT, "Limit" },
        { OR_OPTIONS, "Options" }, { OR_FILEINFO, "FileInfo" },
        { OR_INDEXES, "Indexes" }
    };
    int how = pc->req_override;
    size_t i;
    int n = 0;

    apr_file_puts("\tAllowed in *.conf ", out);
    if ((how & (OR_OPTIONS | OR_FILEINFO | OR_INDEXES))
        || ((how & RSRC_CONF) && (how & (ACCESS_CONF | OR_AUTHCFG | OR_LIMIT)))) {
        apr_file_puts("anywhere", out);
    }
    else if (how & RSRC_CONF) {
        apr_file_puts("only outside <Directory>, <Files>, <Location>, or "
                      "<If>", out);
    }
    else {
        apr_file_puts("only inside <Directory>, <Files>, <Location>, or "
                      "<If>", out);
    }
    if ((how & (OR_ALL | ACCESS_CONF)) && !pm->create_dir_config) {
        apr_file_puts(" [no per-dir config]", out);
    }
    if (how & OR_ALL) {
        apr_file_puts(" and in .htaccess\n\twhen AllowOverride", out);
        if ((how & OR_ALL) == OR_ALL) {
            apr_file_puts(" isn't None", out);
        }
        else {
            apr_file_puts(" includes ", out);
            for (i = 0; i < sizeof(ovr) / sizeof(ovr[0]); i++) {
                if (how & ovr[i].bit) {
                    apr_file_printf(out, "%s%s", n++ ? " or " : "",
                                    ovr[i].name);
                }
            }
        }
    }
    apr_file_puts("\n", out);
}

static apr_file_t *stdout_file(apr_pool_t **pp)
{
    apr_file_t *out = NULL;

    if (apr_pool_create(pp, NULL) != APR_SUCCESS) {
        return NULL;
    }
    apr_file_open_stdout(&out, *pp);
    return out;
}

AP_DECLARE(void) ap_show_directives(void)
{
    apr_pool_t *p;
    apr_file_t *out = stdout_file(&p);
    int n;

    if (out == NULL || ap_loaded_modules == NULL) {
        return;
    }
    for (n = 0; ap_loaded_modules[n]; ++n) {
        module *m = ap_loaded_modules[n];
        const command_rec *pc;

        for (pc = m->cmds; pc && pc->name; ++pc) {
            apr_file_printf(out, "%s (%s)\n", pc->name, m->name);
            if (pc->errmsg) {
                apr_file_printf(out, "\t%s\n", pc->errmsg);
            }
            show_where(out, pc, m);
        }
    }
    apr_pool_destroy(p);
}

AP_DECLARE(void) ap_show_modules(void)
{
    apr_pool_t *p;
    apr_file_t *out = stdout_file(&p);
    int n;

    if (out == NULL) {
        return;
    }
    apr_file_puts("Compiled in modules:\n", out);
    for (n = 0; ap_loaded_modules && ap_loaded_modules[n]; ++n) {
        apr_file_printf(out, "  %s\n", ap_loaded_modules[n]->name);
    }
    apr_pool_destroy(p);
}
