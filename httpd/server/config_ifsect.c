/* config_ifsect.c: the conditional sections <IfModule>, <IfDefine>,
 * <IfDirective> and <IfFile>.
 *
 * They run while the tree is built (EXEC_ON_READ, RAW_ARGS): a true
 * condition reads the body into a subtree that replaces the section, a
 * false one skips the body up to the matching end tag.  The argument is
 * the first word before the closing '>' (quotes allowed), "!" negates. */
#include <string.h>

#include "apr_file_info.h"
#include "apr_optional.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_main.h"
#include "mod_so.h"

#include "config_private.h"

/* Splits "[!]word ...>" into the word and the negation. */
static const char *section_arg(cmd_parms *cmd, const char *arg,
                               const char **word, int *negate)
{
    const char *end = strrchr(arg, '>');
    const char *w;

    if (end == NULL) {
        return apr_pstrcat(cmd->pool, cmd->cmd->name,
                           "> directive missing closing '>'", NULL);
    }
    w = apr_pstrmemdup(cmd->temp_pool, arg, (apr_size_t)(end - arg));
    *negate = 0;
    while (*w == ' ' || *w == '\t') {
        w++;
    }
    if (*w == '!') {
        *negate = 1;
        w++;
    }
    w = ap_getword_conf(cmd->temp_pool, &w);
    if (*w == '!' && !*negate) {
        *negate = 1;                /* <IfModule "!mod_x.c"> */
        w++;
    }
    if (*w == '\0') {
        return apr_pstrcat(cmd->pool, cmd->cmd->name,
                           "> directive requires additional arguments", NULL);
    }
    *word = w;
    return NULL;
}

/* Reads or skips the body depending on the outcome of the test. */
static const char *section_body(cmd_parms *cmd, void *mconfig, int take)
{
    ap_directive_t *current = NULL, *parent = NULL;
    const char *err;

    if (!take) {
        *(ap_directive_t **)mconfig = NULL;
        return ap_soak_end_container(cmd, (char *)cmd->cmd->name);
    }
    err = ap_build_cont_config(cmd->pool, cmd->temp_pool, cmd, &current,
                               &parent, (char *)cmd->cmd->name);
    *(ap_directive_t **)mconfig = current;
    return err;
}

/* A module by file name ("mod_mime.c") or symbol ("mime_module"). */
static module *find_module(server_rec *s, const char *name)
{
    APR_OPTIONAL_FN_TYPE(ap_find_loaded_module_symbol) *loaded;
    const ap_module_symbol_t *sym;
    module *m = ap_find_linked_module(name);

    if (m) {
        return m;
    }
    for (sym = ap_prelinked_module_symbols; sym->name; ++sym) {
        if (strcmp(sym->name, name) == 0) {
            return sym->modp;
        }
    }
    loaded = APR_RETRIEVE_OPTIONAL_FN(ap_find_loaded_module_symbol);
    return loaded ? loaded(s ? s : ap_server_conf, name) : NULL;
}

const char *ap__cmd_ifmodule(cmd_parms *cmd, void *mconfig, const char *arg)
{
    const char *name;
    int negate;
    const char *err = section_arg(cmd, arg, &name, &negate);

    if (err) {
        return err;
    }
    return section_body(cmd, mconfig,
                        (find_module(cmd->server, name) != NULL) != negate);
}

const char *ap__cmd_ifdefine(cmd_parms *cmd, void *mconfig, const char *arg)
{
    const char *name;
    int negate;
    const char *err = section_arg(cmd, arg, &name, &negate);

    if (err) {
        return err;
    }
    return section_body(cmd, mconfig,
                        ap_exists_config_define(name) != negate);
}

const char *ap__cmd_ifdirective(cmd_parms *cmd, void *mconfig,
                                const char *arg)
{
    const char *name;
    int negate;
    const char *err = section_arg(cmd, arg, &name, &negate);

    if (err) {
        return err;
    }
    return section_body(cmd, mconfig,
                        ap_exists_directive(cmd->temp_pool, name) != negate);
}

static int file_exists(apr_pool_t *p, const char *name)
{
    const char *path = ap_server_root_relative(p, name);
    apr_finfo_t fi;

    return path && apr_stat(&fi, path, APR_FINFO_TYPE, p) == APR_SUCCESS;
}

const char *ap__cmd_iffile(cmd_parms *cmd, void *mconfig, const char *arg)
{
    const char *name;
    int negate;
    const char *err = section_arg(cmd, arg, &name, &negate);

    if (err) {
        return err;
    }
    return section_body(cmd, mconfig,
                        file_exists(cmd->temp_pool, name) != negate);
}
