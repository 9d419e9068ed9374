/* config_build.c: turning configuration text into the directive tree.
 *
 * Each logical line becomes a node: name, raw arguments (after ${VAR}
 * substitution), file and line.  "<Name ...>" opens a section whose lines
 * become children until "</Name>".  Directives flagged EXEC_ON_READ
 * (Include, Define, <IfModule>...) run at once, while reading, and what
 * they return (an included file's tree, a section's body) is spliced in
 * their place.  Nothing else runs here: ap_walk_config() does that. */
#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "util_cfgtree.h"

#include "config_private.h"

/* How deep EXEC_ON_READ sections may nest while one file is read. */
#define MAX_SECTION_DEPTH 512

/* per thread: .htaccess files are read by concurrent workers */
static _Thread_local unsigned int section_depth = 0;

const char *ap__invalid_command(apr_pool_t *p, const char *name)
{
    return apr_pstrcat(p, "Invalid command '", name, "', perhaps misspelled "
                       "or defined by a module not included in the server "
                       "configuration", NULL);
}

/* --- A line reader whose buffer grows in a pool. --- */

static apr_status_t grow_in_pool(ap__cfg_linebuf *lb, apr_size_t new_size)
{
    char *nbuf = apr_palloc(lb->ctx, new_size);

    memcpy(nbuf, lb->buf, lb->size);
    lb->buf = nbuf;
    lb->size = new_size;
    return APR_SUCCESS;
}

/* .htaccess files (read with p == temp pool) get the lower limit. */
static void reader_init(ap__cfg_linebuf *lb, apr_pool_t *p,
                        apr_pool_t *temp_pool)
{
    lb->max_len = (p == temp_pool ? HUGE_STRING_LEN : AP__CFG_MAX_LINE_LEN)
                  + 1;
    lb->size = AP__CFG_INIT_LINE_LEN;
    lb->buf = apr_palloc(temp_pool, lb->size);
    lb->grow = grow_in_pool;
    lb->ctx = temp_pool;
}

static apr_status_t reader_getline(ap__cfg_linebuf *lb, ap_configfile_t *cfp)
{
    apr_status_t rv = ap__cfg_getline_raw(lb, cfp);

    if (rv == APR_SUCCESS) {
        ap__cfg_trim_line(lb->buf);
    }
    return rv;
}

/* --- EXEC_ON_READ directives. --- */

/* Runs every handler of the directive; they build *sub_tree. */
static const char *execute_now(const ap__mod_list *ml, const char *args,
                               cmd_parms *parms, ap_directive_t **sub_tree)
{
    const char *err = NULL;

    for (; ml != NULL; ml = ml->next) {
        err = ap__invoke_cmd(ml->cmd, parms, sub_tree, args);
        if (err != NULL && strcmp(err, DECLINE_CMD) != 0) {
            return err;
        }
    }
    return NULL;
}

/* Puts the nodes an EXEC_ON_READ directive produced after *current. */
static void splice(ap_directive_t *sub_tree, ap_directive_t **current,
                   ap_directive_t **curr_parent, ap_directive_t **conftree)
{
    ap_directive_t *n;

    if (sub_tree == NULL) {
        return;
    }
    if (*current) {
        (*current)->next = sub_tree;
    }
    else if (*curr_parent) {
        (*curr_parent)->first_child = sub_tree;
    }
    if (*conftree == NULL) {
        *conftree = sub_tree;
    }
    for (n = sub_tree; ; n = n->next) {
        n->parent = *curr_parent;
        if (n->next == NULL) {
            break;
        }
    }
    *current = n;
}

/* "</Name>": closes the innermost open section. */
static const char *close_section(apr_pool_t *p, char *cmd_name,
                                 cmd_parms *parms, ap_directive_t *newdir,
                                 ap_directive_t **current,
                                 ap_directive_t **curr_parent)
{
    size_t len = strlen(cmd_name);

    parms->err_directive = newdir;
    if (*curr_parent == NULL) {
        return apr_pstrcat(p, cmd_name, " without matching <", cmd_name + 2,
                           " section", NULL);
    }
    if (cmd_name[len - 1] != '>') {
        return apr_pstrcat(p, cmd_name, "> directive missing closing '>'",
                           NULL);
    }
    cmd_name[len - 1] = '\0';
    if (ap_cstr_casecmp(cmd_name + 2, (*curr_parent)->directive + 1) != 0) {
        return apr_pstrcat(p, "Expected </", (*curr_parent)->directive + 1,
                           "> but saw ", cmd_name, ">", NULL);
    }
    *current = *curr_parent;
    *curr_parent = (*current)->parent;
    parms->err_directive = NULL;
    return NULL;
}

static ap_directive_t *new_node(apr_pool_t *p, cmd_parms *parms,
                                const char *name, const char *args)
{
    ap_directive_t *d = apr_pcalloc(p, sizeof(*d));

    d->filename = parms->config_file->name;
    d->line_num = (int)parms->config_file->line_number;
    d->directive = name;
    d->args = apr_pstrdup(p, args);
    return d;
}

const char *ap__build_config_sub(apr_pool_t *p, apr_pool_t *temp_pool,
                                 const char *line, cmd_parms *parms,
                                 ap_directive_t **current,
                                 ap_directive_t **curr_parent,
                                 ap_directive_t **conftree)
{
    const char *args;
    char *cmd_name;
    ap_directive_t *newdir;
    const ap__mod_list *ml;

    if (*line == '#' || *line == '\0') {
        return NULL;
    }
    args = ap_resolve_env(temp_pool, line);
    cmd_name = ap_getword_conf(p, &args);
    if (*cmd_name == '\0') {
        return NULL;
    }
    if (cmd_name[1] != '/') {
        /* "<Name>" with no argument: the handler still gets ">" */
        size_t len = strlen(cmd_name);

        if (cmd_name[len - 1] == '>') {
            cmd_name[len - 1] = '\0';
        }
        if (cmd_name[0] == '<' && *args == '\0') {
            args = ">";
        }
    }
    newdir = new_node(p, parms, cmd_name, args);
    ml = ap__find_directive(temp_pool, cmd_name);
    if (ml) {
        newdir->directive = ml->cmd->name;  /* the canonical spelling */
    }
    if (ml && (ml->cmd->req_override & EXEC_ON_READ)) {
        ap_directive_t *sub_tree = NULL;
        const char *err;

        parms->err_directive = newdir;
        parms->directive = newdir;
        newdir->parent = *curr_parent;
        err = execute_now(ml, newdir->args, parms, &sub_tree);
        splice(sub_tree, current, curr_parent, conftree);
        return err;
    }
    if (cmd_name[0] == '<' && cmd_name[1] == '/') {
        return close_section(p, cmd_name, parms, newdir, current,
                             curr_parent);
    }
    *current = ap_add_node(curr_parent, *current, newdir,
                           cmd_name[0] == '<');
    return NULL;
}

/* The last top-level node, using the cached pointer so that reading many
 * included files stays linear. */
static ap_directive_t *last_node(ap_directive_t *tree)
{
    ap_directive_t *cur = tree->last ? tree->last : tree;

    while (cur->next) {
        cur = cur->next;
    }
    tree->last = cur;
    return cur;
}

/* "<Directory> was not closed." for every open section, innermost first. */
static const char *unclosed(apr_pool_t *p, cmd_parms *parms,
                            ap_directive_t *open)
{
    const char *msg = "";

    for (; open != NULL; open = open->parent) {
        msg = apr_psprintf(p, "%s%s%s:%d: %s> was not closed.", msg,
                           *msg ? APR_EOL_STR : "", open->filename,
                           open->line_num, open->directive);
        parms->err_directive = open;
    }
    return msg;
}

AP_DECLARE(const char *) ap_build_config(cmd_parms *parms,
                                         apr_pool_t *p,
                                         apr_pool_t *temp_pool,
                                         ap_directive_t **conftree)
{
    ap_directive_t *current = *conftree ? last_node(*conftree) : NULL;
    ap_directive_t *curr_parent = NULL;
    ap__cfg_linebuf lb;
    apr_status_t rv;

    reader_init(&lb, p, temp_pool);
    while ((rv = reader_getline(&lb, parms->config_file)) == APR_SUCCESS) {
        const char *err = ap__build_config_sub(p, temp_pool, lb.buf, parms,
                                               &current, &curr_parent,
                                               conftree);
        if (err != NULL) {
            return err;
        }
        if (*conftree == NULL) {
            *conftree = curr_parent ? curr_parent : current;
        }
    }
    if (rv != APR_EOF) {
        parms->err_directive = NULL;
        return ap_pcfg_strerror(temp_pool, parms->config_file, rv);
    }
    if (curr_parent != NULL) {
        return unclosed(p, parms, curr_parent);
    }
    if (*conftree && current) {
        (*conftree)->last = current;
    }
    return NULL;
}

static int is_close_of(const char *line, const char *bracket)
{
    return line[0] == '<' && line[1] == '/'
           && ap_cstr_casecmp(line + 2, bracket) == 0;
}

static const char *build_cont(apr_pool_t *p, apr_pool_t *temp_pool,
                              cmd_parms *parms, ap_directive_t **current,
                              ap_directive_t **curr_parent,
                              const char *orig_directive)
{
    const char *bracket = apr_pstrcat(temp_pool, orig_directive + 1, ">",
                                      NULL);
    ap_directive_t *sub_tree = NULL;
    ap__cfg_linebuf lb;
    apr_status_t rv;

    reader_init(&lb, p, temp_pool);
    while ((rv = reader_getline(&lb, parms->config_file)) == APR_SUCCESS) {
        const char *err;

        if (*curr_parent == NULL && is_close_of(lb.buf, bracket)) {
            break;
        }
        err = ap__build_config_sub(p, temp_pool, lb.buf, parms, current,
                                   curr_parent, &sub_tree);
        if (err != NULL) {
            return err;
        }
        if (sub_tree == NULL) {
            sub_tree = *curr_parent ? *curr_parent : *current;
        }
    }
    if (rv != APR_EOF && rv != APR_SUCCESS) {
        return ap_pcfg_strerror(temp_pool, parms->config_file, rv);
    }
    /* like Apache, a missing end tag at EOF is tolerated here */
    *current = sub_tree;
    return NULL;
}

AP_DECLARE(const char *) ap_build_cont_config(apr_pool_t *p,
                                              apr_pool_t *temp_pool,
                                              cmd_parms *parms,
                                              ap_directive_t **current,
                                              ap_directive_t **curr_parent,
                                              char *orig_directive)
{
    const char *err;

    if (section_depth >= MAX_SECTION_DEPTH) {
        return apr_psprintf(p, "%s> sections nested deeper than %d",
                            orig_directive, MAX_SECTION_DEPTH);
    }
    ++section_depth;
    err = build_cont(p, temp_pool, parms, current, curr_parent,
                     orig_directive);
    --section_depth;
    return err;
}

/* --- Skipping a section whose condition is false. --- */

/* First word of a section line without its '>' ("<Foo>" -> "<Foo"). */
static char *section_name(apr_pool_t *p, const char *line)
{
    const char *args = line;
    char *name = ap_getword_conf(p, &args);
    size_t len = strlen(name);

    if (*args == '\0' && len > 1 && name[len - 1] == '>') {
        name[len - 1] = '\0';
    }
    return name;
}

/* Checks an end tag against the innermost open name; "</Foo x>" is seen as
 * "</Fo>" exactly as Apache reports it. */
static const char *check_end(cmd_parms *cmd, const char *line,
                             const char *open)
{
    const char *args = line;
    char *name = ap_getword_conf(cmd->temp_pool, &args);
    size_t len = strlen(name);

    name[len - 1] = '\0';
    if (ap_cstr_casecmp(name + 2, open + 1) != 0) {
        return apr_pstrcat(cmd->pool, "Expected </", open + 1, "> but saw ",
                           name, ">", NULL);
    }
    return NULL;
}

AP_DECLARE(const char *) ap_soak_end_container(cmd_parms *cmd,
                                               char *directive)
{
    apr_array_header_t *open = apr_array_make(cmd->temp_pool, 4,
                                              sizeof(const char *));
    ap__cfg_linebuf lb;
    apr_status_t rv;

    /* nested sections are tracked in a list, not by recursion */
    *(const char **)apr_array_push(open) = directive;
    reader_init(&lb, cmd->pool, cmd->temp_pool);
    while ((rv = reader_getline(&lb, cmd->config_file)) == APR_SUCCESS) {
        const char *top = ((const char **)open->elts)[open->nelts - 1];
        const char *err;

        if (lb.buf[0] != '<') {
            continue;
        }
        if (lb.buf[1] != '/') {
            *(const char **)apr_array_push(open) =
                section_name(cmd->temp_pool, lb.buf);
            continue;
        }
        err = check_end(cmd, lb.buf, top);
        if (err) {
            return err;
        }
        apr_array_pop(open);
        if (open->nelts == 0) {
            return NULL;
        }
    }
    if (rv != APR_EOF) {
        return ap_pcfg_strerror(cmd->temp_pool, cmd->config_file, rv);
    }
    return apr_pstrcat(cmd->pool, "Expected </",
                       ((const char **)open->elts)[open->nelts - 1] + 1,
                       "> before end of configuration", NULL);
}
