/* core_containers.c: the core sections <Directory>, <DirectoryMatch>,
 * <Location>, <LocationMatch>, <Files>, <FilesMatch>, <VirtualHost> and
 * <If>/<ElseIf>/<Else>. Each builds a per-directory config vector from the
 * directives inside it and files it where the walks will find it. */
#include "apr_strings.h"
#include "apr_fnmatch.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_vhost.h"
#include "ap_regex.h"
#include "ap_expr.h"

#include "core_private.h"

APLOG_USE_MODULE(core);

/* A parsed section head: its argument without the '>', and the saved
 * state of cmd to restore after walking the children. */
typedef struct {
    const char *rest;
    char *old_path;
    int old_override;
} section_head;

static const char *open_section(cmd_parms *cmd, const char *arg,
                                section_head *h)
{
    const char *end = strrchr(arg, '>');

    if (!end) {
        return apr_pstrcat(cmd->pool, cmd->cmd->name,
                           "> directive missing closing '>'", NULL);
    }
    h->rest = apr_pstrmemdup(cmd->temp_pool, arg, end - arg);
    if (!h->rest[0]) {
        return apr_pstrcat(cmd->pool, cmd->cmd->name,
                           "> directive requires additional arguments", NULL);
    }
    h->old_path = cmd->path;
    h->old_override = cmd->override;
    return NULL;
}

static const char *close_section(cmd_parms *cmd, const section_head *h)
{
    cmd->path = h->old_path;
    cmd->override = h->old_override;
    if (*h->rest) {
        return apr_pstrcat(cmd->pool, "Multiple ", cmd->cmd->name,
                           "> arguments not (yet) supported.", NULL);
    }
    return NULL;
}

/* The pattern of a section, regex when it is a *Match section or the
 * first word is "~". Leaves cmd->path as the section's path text. */
static const char *section_pattern(cmd_parms *cmd, section_head *h,
                                   int cflags, ap_regex_t **r)
{
    cmd->path = ap_getword_conf(cmd->pool, &h->rest);
    *r = NULL;
    if (!strcmp(cmd->path, "~")) {
        cmd->path = ap_getword_conf(cmd->pool, &h->rest);
        if (!cmd->path[0]) {
            return apr_pstrcat(cmd->pool, cmd->cmd->name,
                               " ~ > block must specify a path", NULL);
        }
    }
    else if (!cmd->cmd->cmd_data) {
        return NULL;
    }
    *r = ap_pregcomp(cmd->pool, cmd->path, cflags);
    if (!*r) {
        return apr_pstrcat(cmd->pool, "Regex could not be compiled: ",
                           cmd->path, NULL);
    }
    return NULL;
}

/* Records what the section matches. Named groups of a regex become
 * MATCH_<NAME> environment variables when the section applies. */
static void describe_section(cmd_parms *cmd, core_dir_config *conf,
                             const char *path, ap_regex_t *r)
{
    conf->d = (char *)path;
    conf->d_is_fnmatch = apr_fnmatch_test(path) != 0;
    conf->r = r;
    if (r) {
        conf->refs = apr_array_make(cmd->pool, 4, sizeof(char *));
        ap_regname(r, conf->refs, AP_REG_MATCH, 1);
    }
}

/* <Directory> paths are made canonical and end with '/'. */
static const char *canonical_dir(cmd_parms *cmd)
{
    char *path;
    apr_status_t rv;

    if (!strcmp(cmd->path, "/")) {
        return NULL;
    }
    rv = apr_filepath_merge(&path, NULL, cmd->path, APR_FILEPATH_TRUENAME,
                            cmd->pool);
    if (rv != APR_SUCCESS && rv != APR_EPATHWILD) {
        return apr_pstrcat(cmd->pool, "<Directory \"", cmd->path,
                           "\"> path is invalid.", NULL);
    }
    if (path[0] && path[strlen(path) - 1] != '/') {
        path = apr_pstrcat(cmd->pool, path, "/", NULL);
    }
    cmd->path = path;
    return NULL;
}

const char *ap__core_dirsection(cmd_parms *cmd, void *d, const char *arg)
{
    ap_conf_vector_t *v = ap_create_per_dir_config(cmd->pool);
    core_dir_config *conf;
    section_head h;
    ap_regex_t *r;
    const char *err;

    if ((err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT))
        || (err = open_section(cmd, arg, &h))
        || (err = section_pattern(cmd, &h, 0, &r))
        || (!r && (err = canonical_dir(cmd)))) {
        return err;
    }
    cmd->override = OR_ALL | ACCESS_CONF;
    conf = ap_set_config_vectors(cmd->server, v, cmd->path, &core_module,
                                 cmd->pool);
    if ((err = ap_walk_config(cmd->directive->first_child, cmd, v))) {
        return err;
    }
    describe_section(cmd, conf, cmd->path, r);
    /* "/" always merges first: zero components. */
    conf->d_components = strcmp(conf->d, "/") ? ap_count_dirs(conf->d) : 0;
    ap_add_per_dir_conf(cmd->server, v);
    return close_section(cmd, &h);
}

const char *ap__core_urlsection(cmd_parms *cmd, void *d, const char *arg)
{
    ap_conf_vector_t *v = ap_create_per_dir_config(cmd->pool);
    core_dir_config *conf;
    section_head h;
    ap_regex_t *r;
    const char *err;

    if ((err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT))
        || (err = open_section(cmd, arg, &h))
        || (err = section_pattern(cmd, &h, 0, &r))) {
        return err;
    }
    cmd->override = OR_ALL | ACCESS_CONF;
    conf = ap_set_config_vectors(cmd->server, v, cmd->path, &core_module,
                                 cmd->pool);
    if ((err = ap_walk_config(cmd->directive->first_child, cmd, v))) {
        return err;
    }
    describe_section(cmd, conf, apr_pstrdup(cmd->pool, cmd->path), r);
    ap_add_per_url_conf(cmd->server, v);
    return close_section(cmd, &h);
}

const char *ap__core_filesection(cmd_parms *cmd, void *d, const char *arg)
{
    ap_conf_vector_t *v = ap_create_per_dir_config(cmd->pool);
    core_dir_config *conf;
    section_head h;
    ap_regex_t *r;
    const char *err;
    char *path;

    if ((err = ap_check_cmd_context(cmd, NOT_IN_LOCATION | NOT_IN_LIMIT))
        || (err = open_section(cmd, arg, &h))
        || (err = section_pattern(cmd, &h, 0, &r))) {
        return err;
    }
    if (!h.old_path) { /* not inside .htaccess */
        cmd->override = OR_ALL | ACCESS_CONF;
    }
    if (!r) {
        if (apr_filepath_merge(&path, "", cmd->path, 0, cmd->pool)
            != APR_SUCCESS) {
            return apr_pstrcat(cmd->pool, "<Files \"", cmd->path,
                               "\"> is invalid.", NULL);
        }
        cmd->path = path;
    }
    conf = ap_set_config_vectors(cmd->server, v, cmd->path, &core_module,
                                 cmd->pool);
    if ((err = ap_walk_config(cmd->directive->first_child, cmd, v))) {
        return err;
    }
    describe_section(cmd, conf, cmd->path, r);
    ap_add_file_conf(cmd->pool, (core_dir_config *)d, v);
    return close_section(cmd, &h);
}

/* <If "expr">, <ElseIf "expr">, <Else>: the section applies to a request
 * when its condition (parsed once, here) holds; cmd->info says which of
 * the three it is. ap_if_walk evaluates them. */
const char *ap__core_ifsection(cmd_parms *cmd, void *d, const char *arg)
{
    unsigned int kind = (unsigned int)(apr_uintptr_t)cmd->info;
    ap_conf_vector_t *v = ap_create_per_dir_config(cmd->pool);
    core_dir_config *conf;
    section_head h;
    const char *err;

    if ((err = ap_check_cmd_context(cmd, NOT_IN_LIMIT))) {
        return err;
    }
    if (kind == AP_CONDITION_ELSE) {
        const char *end = strrchr(arg, '>');

        if (!end) {
            return apr_pstrcat(cmd->pool, cmd->cmd->name,
                               "> directive missing closing '>'", NULL);
        }
        if (end != arg) {
            return "<Else> does not take an argument";
        }
        h.rest = "";
        h.old_path = cmd->path;
        h.old_override = cmd->override;
    }
    else if ((err = open_section(cmd, arg, &h))) {
        return err;
    }
    if (!h.old_path) { /* not inside .htaccess */
        cmd->override = OR_ALL | ACCESS_CONF;
    }
    cmd->path = "*If";
    conf = ap_set_config_vectors(cmd->server, v, cmd->path, &core_module,
                                 cmd->pool);
    conf->d = cmd->path;
    conf->condition_ifelse = kind;
    if (kind != AP_CONDITION_ELSE) {
        const char *expr = ap_getword_conf(cmd->pool, &h.rest);

        conf->condition = ap_expr_parse_cmd(cmd, expr, 0, &err, NULL);
        if (err) {
            return apr_pstrcat(cmd->pool, "Cannot parse condition clause: ",
                               err, NULL);
        }
    }
    if ((err = ap_walk_config(cmd->directive->first_child, cmd, v))) {
        return err;
    }
    if ((err = ap_add_if_conf(cmd->pool, (core_dir_config *)d, v))) {
        return err;
    }
    return close_section(cmd, &h);
}

const char *ap__core_virtualhost_section(cmd_parms *cmd, void *d,
                                         const char *arg)
{
    server_rec *main_server = cmd->server;
    server_rec *s = NULL;
    section_head h;
    const char *err;

    if ((err = ap_check_cmd_context(cmd, GLOBAL_ONLY))
        || (err = open_section(cmd, arg, &h))) {
        return err;
    }
    if (main_server->is_virtual) {
        return "<VirtualHost> doesn't nest!";
    }
    if ((err = ap_init_virtual_host(cmd->pool, h.rest, main_server, &s))) {
        return err;
    }
    /* ap_init_virtual_host normally parses the addresses itself. */
    if (!s->addrs && (err = ap_parse_vhost_addrs(cmd->pool, h.rest, s))) {
        return err;
    }
    s->next = main_server->next;
    main_server->next = s;
    s->defn_name = cmd->directive->filename;
    s->defn_line_number = cmd->directive->line_num;

    cmd->server = s;
    err = ap_walk_config(cmd->directive->first_child, cmd,
                         s->lookup_defaults);
    cmd->server = main_server;
    return err;
}
