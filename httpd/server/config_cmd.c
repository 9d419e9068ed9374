/* config_cmd.c: calling a directive's handler.
 *
 * The argument string is split per the command's args_how and checked
 * against it; the error texts are Apache's, since users (and scripts)
 * know them.  Before that, the directive must be allowed where it is:
 * parms->override holds the allowed bits (RSRC_CONF/ACCESS_CONF and, in
 * .htaccess, the AllowOverride classes), parms->override_list the names
 * AllowOverrideList lets through. */
#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_protocol.h"

#include "config_private.h"

APLOG_USE_MODULE(core);

/* Apache's cap on TAKE_ARGV words. */
#define MAX_ARGV 64

/* "<name> <what>[, <usage>]" */
static const char *arg_error(cmd_parms *parms, const command_rec *cmd,
                             const char *what)
{
    return apr_pstrcat(parms->pool, cmd->name, what,
                       cmd->errmsg ? ", " : NULL, cmd->errmsg, NULL);
}

static const char *not_allowed(cmd_parms *parms, const command_rec *cmd)
{
    if (parms->override & NONFATAL_OVERRIDE) {
        ap_log_perror(APLOG_MARK, APLOG_WARNING, 0, parms->temp_pool,
                      APLOGNO(02295) "%s in .htaccess forbidden by "
                      "AllowOverride", cmd->name);
        return NULL;
    }
    if (parms->directive && parms->directive->parent) {
        return apr_pstrcat(parms->pool, cmd->name, " not allowed in ",
                           parms->directive->parent->directive, ">",
                           " context", NULL);
    }
    return apr_pstrcat(parms->pool, cmd->name, " not allowed here", NULL);
}

static int allowed_here(const command_rec *cmd, cmd_parms *parms)
{
    if (parms->override & cmd->req_override) {
        return 1;
    }
    return parms->override_list
           && apr_table_get(parms->override_list, cmd->name) != NULL;
}

static const char *take_argv(const command_rec *cmd, cmd_parms *parms,
                             void *mconfig, const char *args)
{
    char *argv[MAX_ARGV];
    int argc = 0;

    while (argc < MAX_ARGV && *args != '\0') {
        char *w = ap_getword_conf(parms->pool, &args);

        if (*w == '\0' && *args == '\0') {
            break;                  /* a trailing "" is not an argument */
        }
        argv[argc++] = w;
    }
    return cmd->AP_TAKE_ARGV(parms, mconfig, argc, argv);
}

static const char *iterate(const command_rec *cmd, cmd_parms *parms,
                           void *mconfig, const char *args)
{
    const char *err = NULL;
    char *w = ap_getword_conf(parms->pool, &args);

    if (*w == '\0') {
        return arg_error(parms, cmd, " requires at least one argument");
    }
    for (; *w != '\0'; w = ap_getword_conf(parms->pool, &args)) {
        err = cmd->AP_TAKE1(parms, mconfig, w);
        if (err && strcmp(err, DECLINE_CMD) != 0) {
            return err;
        }
    }
    return err;
}

static const char *iterate2(const command_rec *cmd, cmd_parms *parms,
                            void *mconfig, const char *args)
{
    const char *err = NULL;
    char *w = ap_getword_conf(parms->pool, &args);
    char *w2;

    if (*w == '\0' || *args == '\0') {
        return arg_error(parms, cmd, " requires at least two arguments");
    }
    while (*(w2 = ap_getword_conf(parms->pool, &args)) != '\0') {
        err = cmd->AP_TAKE2(parms, mconfig, w, w2);
        if (err && strcmp(err, DECLINE_CMD) != 0) {
            return err;
        }
    }
    return err;
}

static const char *flag(const command_rec *cmd, cmd_parms *parms,
                        void *mconfig, const char *args)
{
    char *w = ap_getword_conf(parms->temp_pool, &args);
    int off = ap_cstr_casecmp(w, "off") == 0;

    if (!off && ap_cstr_casecmp(w, "on") != 0) {
        return apr_pstrcat(parms->pool, cmd->name, " must be On or Off",
                           NULL);
    }
    return cmd->AP_FLAG(parms, mconfig, !off);
}

static const char *or_null(const char *w)
{
    return *w ? w : NULL;
}

/* TAKE1/2/3/12/23/123/13: up to three words, checked per args_how. */
static const char *take_n(const command_rec *cmd, cmd_parms *parms,
                          void *mconfig, const char *args)
{
    char *w = ap_getword_conf(parms->pool, &args);
    enum cmd_how how = cmd->args_how;
    char *w2 = how == TAKE1 ? "" : ap_getword_conf(parms->pool, &args);
    char *w3 = how == TAKE1 || how == TAKE2 || how == TAKE12
               ? "" : ap_getword_conf(parms->pool, &args);
    int extra = *args != '\0';

    switch (how) {
    case TAKE1:
        if (*w == '\0' || extra)
            return arg_error(parms, cmd, " takes one argument");
        return cmd->AP_TAKE1(parms, mconfig, w);
    case TAKE2:
        if (*w == '\0' || *w2 == '\0' || extra)
            return arg_error(parms, cmd, " takes two arguments");
        return cmd->AP_TAKE2(parms, mconfig, w, w2);
    case TAKE12:
        if (*w == '\0' || extra)
            return arg_error(parms, cmd, " takes 1-2 arguments");
        return cmd->AP_TAKE2(parms, mconfig, w, or_null(w2));
    case TAKE3:
        if (*w == '\0' || *w2 == '\0' || *w3 == '\0' || extra)
            return arg_error(parms, cmd, " takes three arguments");
        return cmd->AP_TAKE3(parms, mconfig, w, w2, w3);
    case TAKE23:
        if (*w == '\0' || *w2 == '\0' || extra)
            return arg_error(parms, cmd, " takes two or three arguments");
        return cmd->AP_TAKE3(parms, mconfig, w, w2, or_null(w3));
    case TAKE123:
        if (*w == '\0' || extra)
            return arg_error(parms, cmd,
                             " takes one, two or three arguments");
        return cmd->AP_TAKE3(parms, mconfig, w, or_null(w2), or_null(w3));
    default: /* TAKE13 */
        if (*w == '\0' || (*w2 && !*w3) || extra)
            return arg_error(parms, cmd, " takes one or three arguments");
        return cmd->AP_TAKE3(parms, mconfig, w, or_null(w2), or_null(w3));
    }
}

const char *ap__invoke_cmd(const command_rec *cmd, cmd_parms *parms,
                           void *mconfig, const char *args)
{
    if (!allowed_here(cmd, parms)) {
        return not_allowed(parms, cmd);
    }
    parms->info = cmd->cmd_data;
    parms->cmd = cmd;
    switch (cmd->args_how) {
    case RAW_ARGS:
        return cmd->AP_RAW_ARGS(parms, mconfig, args);
    case TAKE_ARGV:
        return take_argv(cmd, parms, mconfig, args);
    case NO_ARGS:
        if (*args != '\0') {
            return apr_pstrcat(parms->pool, cmd->name, " takes no arguments",
                               NULL);
        }
        return cmd->AP_NO_ARGS(parms, mconfig);
    case TAKE1: case TAKE2: case TAKE12: case TAKE3: case TAKE23:
    case TAKE123: case TAKE13:
        return take_n(cmd, parms, mconfig, args);
    case ITERATE:
        return iterate(cmd, parms, mconfig, args);
    case ITERATE2:
        return iterate2(cmd, parms, mconfig, args);
    case FLAG:
        return flag(cmd, parms, mconfig, args);
    default:
        return apr_pstrcat(parms->pool, cmd->name, " is improperly "
                           "configured internally (server bug)", NULL);
    }
}

/* Nearest enclosing section named what, or NULL. */
static const ap_directive_t *find_parent(const ap_directive_t *d,
                                         const char *what)
{
    while (d && (d = d->parent) != NULL) {
        if (ap_cstr_casecmp(d->directive, what) == 0) {
            return d;
        }
    }
    return NULL;
}

static const ap_directive_t *find_parent_of(const ap_directive_t *d,
                                            const char *const *names)
{
    const ap_directive_t *found = NULL;

    for (; *names && found == NULL; names++) {
        found = find_parent(d, *names);
    }
    return found;
}

static const char *const dir_sections[] = {
    "<Directory", "<DirectoryMatch", NULL };
static const char *const loc_sections[] = {
    "<Location", "<LocationMatch", NULL };
static const char *const file_sections[] = {
    "<Files", "<FilesMatch", "<If", "<ElseIf", "<Else", NULL };
static const char *const proxy_sections[] = {
    "<Proxy", "<ProxyMatch", NULL };

static const ap_directive_t *forbidden_parent(cmd_parms *cmd,
                                              unsigned forbidden)
{
    const ap_directive_t *found = NULL;

    if (forbidden & NOT_IN_DIRECTORY) {
        found = find_parent_of(cmd->directive, dir_sections);
    }
    if (!found && (forbidden & NOT_IN_LOCATION)) {
        found = find_parent_of(cmd->directive, loc_sections);
    }
    if (!found && (forbidden & NOT_IN_FILES)) {
        found = find_parent_of(cmd->directive, file_sections);
    }
    if (!found && (forbidden & NOT_IN_PROXY)) {
        found = find_parent_of(cmd->directive, proxy_sections);
    }
    return found;
}

AP_DECLARE(const char *) ap_check_cmd_context(cmd_parms *cmd,
                                              unsigned forbidden)
{
    const char *name = cmd->cmd->name;
    size_t len = strlen(name);
    /* "<VirtualHost" is shown as "<VirtualHost>" */
    const char *gt = (name[0] == '<' && len && name[len - 1] != '>') ? ">"
                                                                    : "";
    const ap_directive_t *found;

    if ((forbidden & NOT_IN_VIRTUALHOST) && cmd->server->is_virtual) {
        return apr_pstrcat(cmd->pool, name, gt,
                           " cannot occur within <VirtualHost> section", NULL);
    }
    if ((forbidden & NOT_IN_DIR_CONTEXT) && cmd->limited != -1) {
        return apr_pstrcat(cmd->pool, name, gt, " cannot occur within "
                           "<Limit> or <LimitExcept> section", NULL);
    }
    if ((forbidden & NOT_IN_HTACCESS) && cmd->pool == cmd->temp_pool) {
        return apr_pstrcat(cmd->pool, name, gt,
                           " cannot occur within htaccess files", NULL);
    }
    if ((forbidden & NOT_IN_DIR_LOC_FILE) == NOT_IN_DIR_LOC_FILE) {
        if (cmd->path != NULL) {
            return apr_pstrcat(cmd->pool, name, gt,
                               " cannot occur within directory context",
                               NULL);
        }
        if (cmd->cmd->req_override & EXEC_ON_READ) {
            return NULL;    /* no tree parents while the tree is built */
        }
    }
    found = forbidden_parent(cmd, forbidden);
    if (found) {
        return apr_pstrcat(cmd->pool, name, gt, " cannot occur within ",
                           found->directive, "> section", NULL);
    }
    return NULL;
}

AP_DECLARE(int) ap_method_is_limited(cmd_parms *cmd, const char *method)
{
    int methnum = ap_method_number_of(method);

    if (methnum == M_INVALID) {
        return 0;
    }
    return (cmd->limited & (AP_METHOD_BIT << methnum)) ? 1 : 0;
}
