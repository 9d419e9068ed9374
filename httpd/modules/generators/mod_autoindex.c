/*
 * mod_autoindex.c: the autoindex_module.  Generates the listing of a
 * directory that has no DirectoryIndex file (handler httpd/unix-directory)
 * when Options Indexes allows it.  This file holds the configuration and
 * the handler; entries and sorting are in mod_autoindex_entries.c, the
 * HTML in mod_autoindex_output.c.
 */
#include <stdlib.h>
#include <string.h>

#include "apr_strings.h"
#include "apr_fnmatch.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"

#include "mod_autoindex_private.h"

APLOG_USE_MODULE(autoindex);

static void push_item(apr_array_header_t *arr, ai_by type, const char *to,
                      const char *path, const char *data)
{
    ai_item *p = apr_array_push(arr);

    to = to ? to : "";
    p->type = type;
    p->data = data ? apr_pstrdup(arr->pool, data) : NULL;
    p->apply_path = apr_pstrcat(arr->pool, path ? path : "", "*", NULL);
    /* ".txt" means any path ending in .txt */
    p->apply_to = (type == AI_BY_PATH && !ap_is_matchexp(to))
                  ? apr_pstrcat(arr->pool, "*", to, NULL)
                  : apr_pstrdup(arr->pool, to);
}

static const char *item_target(cmd_parms *cmd, const char *to)
{
    ai_by by = (ai_by)(apr_uintptr_t)cmd->info;

    if (by == AI_BY_PATH && strcmp(to, "**DIRECTORY**") == 0) {
        return "^^DIRECTORY^^";
    }
    if (by == AI_BY_ENCODING) {
        char *t = apr_pstrdup(cmd->temp_pool, to);
        ap_str_tolower(t);
        return t;
    }
    return to;
}

static const char *add_alt(cmd_parms *cmd, void *dv, const char *alt,
                           const char *to)
{
    ai_config *d = dv;

    push_item(d->alt_list, (ai_by)(apr_uintptr_t)cmd->info,
              item_target(cmd, to), cmd->path, alt);
    return NULL;
}

/* AddIcon* accept "(ALT,/icon.gif)" to set the alt text as well. */
static const char *add_icon(cmd_parms *cmd, void *dv, const char *icon,
                            const char *to)
{
    ai_config *d = dv;
    char *data = apr_pstrdup(cmd->temp_pool, icon);

    if (icon[0] == '(') {
        char *cl = strchr(data, ')');
        char *alt;

        if (cl == NULL) {
            return "missing closing paren";
        }
        alt = ap_getword_nc(cmd->temp_pool, &data, ',');
        *cl = '\0';
        add_alt(cmd, dv, alt + 1, to);
    }
    push_item(d->icon_list, (ai_by)(apr_uintptr_t)cmd->info,
              item_target(cmd, to), cmd->path, data);
    return NULL;
}

static const char *add_ignore(cmd_parms *cmd, void *dv, const char *ext)
{
    push_item(((ai_config *)dv)->ign_list, AI_BY_IGNORE, ext, cmd->path,
              NULL);
    return NULL;
}

static const char *add_desc(cmd_parms *cmd, void *dv, const char *desc,
                            const char *to)
{
    ai_config *d = dv;
    ai_desc *e = apr_array_push(d->desc_list);

    e->full_path = strchr(to, '/') != NULL;
    e->wildcards = e->full_path || apr_fnmatch_test(to);
    e->pattern = e->wildcards
        ? apr_pstrcat(cmd->pool, e->full_path ? "*/" : "*", to, "*", NULL)
        : apr_pstrdup(cmd->pool, to);
    e->description = apr_pstrdup(cmd->pool, desc);
    return NULL;
}

/* IndexOptions keywords that are plain bits. */
static const struct { const char *name; apr_int32_t bit; } opt_words[] = {
    { "FancyIndexing", AI_FANCY_INDEXING },
    { "FoldersFirst", AI_FOLDERS_FIRST },
    { "HTMLTable", AI_TABLE_INDEXING },
    { "IconsAreLinks", AI_ICONS_ARE_LINKS },
    { "IgnoreCase", AI_IGNORE_CASE },
    { "IgnoreClient", AI_IGNORE_CLIENT },
    { "ScanHTMLTitles", AI_SCAN_HTML_TITLES },
    { "SuppressColumnSorting", AI_SUPPRESS_COLSORT },
    { "SuppressDescription", AI_SUPPRESS_DESC },
    { "SuppressHTMLPreamble", AI_SUPPRESS_PREAMBLE },
    { "SuppressIcon", AI_SUPPRESS_ICON },
    { "SuppressLastModified", AI_SUPPRESS_LAST_MOD },
    { "SuppressSize", AI_SUPPRESS_SIZE },
    { "SuppressRules", AI_SUPPRESS_RULES },
    { "TrackModified", AI_TRACK_MODIFIED },
    { "VersionSort", AI_VERSION_SORT },
    { "XHTML", AI_EMIT_XHTML },
    { "ShowForbidden", AI_SHOW_FORBIDDEN },
    { "AddAltClass", AI_ADDALTCLASS },
};

/* "NameWidth=*", "NameWidth=n", "-NameWidth" and the DescriptionWidth
 * equivalents. */
static const char *set_width(apr_pool_t *pool, const char *w, char action,
                             const char *kw, int minimum, int dflt,
                             int *width, int *adjust)
{
    apr_size_t kl = strlen(kw);

    if (w[kl] == '\0') {
        if (action != '-') {
            return apr_psprintf(pool, "%s with no value may only appear as "
                                "'-%s'", kw, kw);
        }
        *width = dflt;
        *adjust = AI_K_NOADJUST;
        return NULL;
    }
    if (action == '-') {
        return apr_psprintf(pool, "Cannot combine '-' with %s=n", kw);
    }
    if (w[kl + 1] == '*') {
        *adjust = AI_K_ADJUST;
        return NULL;
    }
    *width = atoi(w + kl + 1);
    if (*width && *width < minimum) {
        return minimum == 5 ? "NameWidth value must be greater than 5"
                            : "DescriptionWidth value must be greater "
                              "than 12";
    }
    *adjust = AI_K_NOADJUST;
    return NULL;
}

/* Keywords with values; *handled is set when @a w was one of them. */
static const char *value_option(cmd_parms *cmd, ai_config *d, const char *w,
                                char action, int *handled)
{
    *handled = 1;
    if (!strncasecmp(w, "NameWidth", 9) && (w[9] == '\0' || w[9] == '=')) {
        return set_width(cmd->pool, w, action, "NameWidth", 5,
                         AI_DEFAULT_NAME_WIDTH, &d->name_width,
                         &d->name_adjust);
    }
    if (!strncasecmp(w, "DescriptionWidth", 16)
        && (w[16] == '\0' || w[16] == '=')) {
        return set_width(cmd->pool, w, action, "DescriptionWidth", 12,
                         AI_DEFAULT_DESC_WIDTH, &d->desc_width,
                         &d->desc_adjust);
    }
    if (!strcasecmp(w, "IconWidth") || !strcasecmp(w, "IconHeight")) {
        int *v = (w[4] == 'W' || w[4] == 'w') ? &d->icon_width
                                              : &d->icon_height;
        int dflt = v == &d->icon_width ? AI_DEFAULT_ICON_WIDTH
                                       : AI_DEFAULT_ICON_HEIGHT;
        *v = action == '-' ? 0 : dflt;
        return NULL;
    }
    if (!strncasecmp(w, "IconWidth=", 10) || !strncasecmp(w, "IconHeight=",
                                                          11)) {
        int is_w = (w[4] == 'W' || w[4] == 'w');
        if (action == '-') {
            return "Cannot combine '-' with IconWidth=n or IconHeight=n";
        }
        *(is_w ? &d->icon_width : &d->icon_height) = atoi(w + (is_w ? 10
                                                                    : 11));
        return NULL;
    }
    if (!strncasecmp(w, "Type=", 5)) {
        d->ctype = apr_pstrdup(cmd->pool, w + 5);
        return NULL;
    }
    if (!strncasecmp(w, "Charset=", 8)) {
        d->charset = apr_pstrdup(cmd->pool, w + 8);
        return NULL;
    }
    if (!strcasecmp(w, "UseOldDateFormat")) {
        d->datetime_format = "%d-%b-%Y %H:%M";
        return NULL;
    }
    *handled = 0;
    return NULL;
}

static apr_int32_t bit_option(const char *w)
{
    apr_size_t i;

    for (i = 0; i < sizeof(opt_words) / sizeof(opt_words[0]); i++) {
        if (!strcasecmp(w, opt_words[i].name)) {
            return opt_words[i].bit;
        }
    }
    return -1;
}

/* IndexOptions: plain keywords replace what is inherited, +/- ones
 * increment or decrement it (see merge_dir). */
static const char *add_opts(cmd_parms *cmd, void *dv, int argc,
                            char *const argv[])
{
    ai_config *d = dv;
    apr_int32_t opts = d->opts, add = d->incremented_opts;
    apr_int32_t rem = d->decremented_opts;
    int i;

    for (i = 0; i < argc; i++) {
        const char *w = argv[i];
        char action = (*w == '+' || *w == '-') ? *w++ : '\0';
        apr_int32_t option = 0;
        int handled;
        const char *err = value_option(cmd, d, w, action, &handled);

        if (err) {
            return err;
        }
        if (!handled && !strcasecmp(w, "None")) {
            if (action) {
                return "Cannot combine '+' or '-' with 'None' keyword";
            }
            opts = AI_NO_OPTIONS;
            add = rem = 0;
            continue;
        }
        if (!handled && (option = bit_option(w)) < 0) {
            return "Invalid directory indexing option";
        }
        if (action == '\0') {
            opts |= option;
            add = rem = 0;
        }
        else if (action == '+') {
            add |= option;
            rem &= ~option;
        }
        else {
            rem |= option;
            add &= ~option;
        }
    }
    if ((opts & AI_NO_OPTIONS) && (opts & ~AI_NO_OPTIONS)) {
        return "Cannot combine other IndexOptions keywords with 'None'";
    }
    d->opts = opts;
    d->incremented_opts = add;
    d->decremented_opts = rem;
    return NULL;
}

static const char *set_default_order(cmd_parms *cmd, void *dv,
                                     const char *direction, const char *key)
{
    static const struct { const char *word; char key; } keys[] = {
        { "Name", AI_K_NAME }, { "Date", AI_K_LAST_MOD },
        { "Size", AI_K_SIZE }, { "Description", AI_K_DESC },
    };
    ai_config *d = dv;
    apr_size_t i;

    if (!strcasecmp(direction, "Ascending")) {
        d->default_direction = AI_D_ASCENDING;
    }
    else if (!strcasecmp(direction, "Descending")) {
        d->default_direction = AI_D_DESCENDING;
    }
    else {
        return "First keyword must be 'Ascending' or 'Descending'";
    }
    for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        if (!strcasecmp(key, keys[i].word)) {
            d->default_keyid = keys[i].key;
            return NULL;
        }
    }
    return "Second keyword must be 'Name', 'Date', 'Size', or 'Description'";
}

#define BY(t) ((void *)(apr_uintptr_t)(t))
#define SLOT(f) ((void *)APR_OFFSETOF(ai_config, f))
#define DIR_CMD_PERMS OR_INDEXES

static const command_rec autoindex_cmds[] = {
    AP_INIT_ITERATE2("AddIcon", add_icon, BY(AI_BY_PATH), DIR_CMD_PERMS,
        "an icon URL followed by one or more filenames"),
    AP_INIT_ITERATE2("AddIconByType", add_icon, BY(AI_BY_TYPE),
        DIR_CMD_PERMS, "an icon URL followed by one or more MIME types"),
    AP_INIT_ITERATE2("AddIconByEncoding", add_icon, BY(AI_BY_ENCODING),
        DIR_CMD_PERMS, "an icon URL followed by one or more content "
        "encodings"),
    AP_INIT_ITERATE2("AddAlt", add_alt, BY(AI_BY_PATH), DIR_CMD_PERMS,
        "alternate descriptive text followed by one or more filenames"),
    AP_INIT_ITERATE2("AddAltByType", add_alt, BY(AI_BY_TYPE), DIR_CMD_PERMS,
        "alternate descriptive text followed by one or more MIME types"),
    AP_INIT_ITERATE2("AddAltByEncoding", add_alt, BY(AI_BY_ENCODING),
        DIR_CMD_PERMS, "alternate descriptive text followed by one or more "
        "content encodings"),
    AP_INIT_TAKE_ARGV("IndexOptions", add_opts, NULL, DIR_CMD_PERMS,
        "one or more index options [+|-][]"),
    AP_INIT_TAKE2("IndexOrderDefault", set_default_order, NULL,
        DIR_CMD_PERMS, "{Ascending,Descending} {Name,Size,Description,Date}"),
    AP_INIT_ITERATE("IndexIgnore", add_ignore, NULL, DIR_CMD_PERMS,
        "one or more file extensions"),
    AP_INIT_FLAG("IndexIgnoreReset", ap_set_flag_slot, SLOT(ign_noinherit),
        DIR_CMD_PERMS, "Reset the inherited list of IndexIgnore filenames"),
    AP_INIT_ITERATE2("AddDescription", add_desc, NULL, DIR_CMD_PERMS,
        "Descriptive text followed by one or more filenames"),
    AP_INIT_TAKE1("HeaderName", ap_set_string_slot, SLOT(header),
        DIR_CMD_PERMS, "a filename"),
    AP_INIT_TAKE1("ReadmeName", ap_set_string_slot, SLOT(readme),
        DIR_CMD_PERMS, "a filename"),
    AP_INIT_RAW_ARGS("FancyIndexing", ap_set_deprecated, NULL, OR_ALL,
        "The FancyIndexing directive is no longer supported. "
        "Use IndexOptions FancyIndexing."),
    AP_INIT_TAKE1("DefaultIcon", ap_set_string_slot, SLOT(default_icon),
        DIR_CMD_PERMS, "an icon URL"),
    AP_INIT_TAKE1("IndexStyleSheet", ap_set_string_slot, SLOT(style_sheet),
        DIR_CMD_PERMS, "URL to style sheet"),
    AP_INIT_TAKE1("IndexHeadInsert", ap_set_string_slot, SLOT(head_insert),
        DIR_CMD_PERMS, "String to insert in HTML HEAD section"),
    { NULL }
};

static void *create_dir(apr_pool_t *p, char *dummy)
{
    ai_config *d = apr_pcalloc(p, sizeof(*d));

    d->name_width = AI_DEFAULT_NAME_WIDTH;
    d->name_adjust = AI_K_UNSET;
    d->desc_width = AI_DEFAULT_DESC_WIDTH;
    d->desc_adjust = AI_K_UNSET;
    d->icon_list = apr_array_make(p, 4, sizeof(ai_item));
    d->alt_list = apr_array_make(p, 4, sizeof(ai_item));
    d->desc_list = apr_array_make(p, 4, sizeof(ai_desc));
    d->ign_list = apr_array_make(p, 4, sizeof(ai_item));
    return d;
}

#define PICK(f) (add->f ? add->f : base->f)

/* Plain IndexOptions in @a add replace everything inherited; +/- ones
 * accumulate down the tree. */
static void merge_opts(ai_config *n, const ai_config *base,
                       const ai_config *add)
{
    if (add->opts == AI_NO_OPTIONS) {
        n->opts = AI_NO_OPTIONS;
        return;
    }
    if (add->opts == 0) {
        n->incremented_opts = (base->incremented_opts
                               | add->incremented_opts)
                              & ~add->decremented_opts;
        n->decremented_opts = base->decremented_opts
                              | add->decremented_opts;
        n->opts = base->opts & ~AI_NO_OPTIONS;
    }
    else {
        n->opts = add->opts;
    }
    n->opts |= n->incremented_opts;
    n->opts &= ~n->decremented_opts;
}

static void *merge_dir(apr_pool_t *p, void *basev, void *addv)
{
    const ai_config *base = basev, *add = addv;
    ai_config *n = apr_pcalloc(p, sizeof(*n));

    n->default_icon = PICK(default_icon);
    n->style_sheet = PICK(style_sheet);
    n->head_insert = PICK(head_insert);
    n->header = PICK(header);
    n->readme = PICK(readme);
    n->icon_height = PICK(icon_height);
    n->icon_width = PICK(icon_width);
    n->ctype = PICK(ctype);
    n->charset = PICK(charset);
    n->datetime_format = PICK(datetime_format);
    n->default_keyid = PICK(default_keyid);
    n->default_direction = PICK(default_direction);
    n->alt_list = apr_array_append(p, add->alt_list, base->alt_list);
    n->ign_list = add->ign_noinherit
                  ? add->ign_list
                  : apr_array_append(p, add->ign_list, base->ign_list);
    n->desc_list = apr_array_append(p, add->desc_list, base->desc_list);
    n->icon_list = apr_array_append(p, add->icon_list, base->icon_list);
    merge_opts(n, base, add);
    if (add->name_adjust == AI_K_UNSET) {
        n->name_width = base->name_width;
        n->name_adjust = base->name_adjust;
    }
    else {
        n->name_width = add->name_width;
        n->name_adjust = add->name_adjust;
    }
    if (add->desc_adjust == AI_K_UNSET) {
        n->desc_width = base->desc_width;
        n->desc_adjust = base->desc_adjust;
    }
    else {
        n->desc_width = add->desc_width;
        n->desc_adjust = add->desc_adjust;
    }
    return n;
}

static int handle_autoindex(request_rec *r)
{
    const ai_config *d;

    if (r->handler == NULL
        || (strcmp(r->handler, DIR_MAGIC_TYPE)
            && !AP_IS_DEFAULT_HANDLER_NAME(r->handler))) {
        return DECLINED;
    }
    if (r->finfo.filetype != APR_DIR) {
        return DECLINED;
    }
    r->allowed |= (AP_METHOD_BIT << M_GET);
    if (r->method_number != M_GET) {
        return DECLINED;
    }
    if (!(ap_allow_options(r) & OPT_INDEXES)) {
        const char *tried = apr_table_get(r->notes, "dir-index-names");
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(01276)
                      "Cannot serve directory %s: No matching "
                      "DirectoryIndex (%s) found, and server-generated "
                      "directory index forbidden by Options directive",
                      r->filename, tried ? tried : "none");
        return HTTP_FORBIDDEN;
    }
    {
        int status = ap_discard_request_body(r);
        if (status != OK) {
            return status;
        }
    }
    /* sub-request lookups are relative to the directory itself */
    if (r->filename[0] == '\0' || r->filename[strlen(r->filename) - 1]
                                  != '/') {
        r->filename = apr_pstrcat(r->pool, r->filename, "/", NULL);
    }
    d = ap_get_module_config(r->per_dir_config, &autoindex_module);
    return ap__ai_index_directory(r, d);
}

static void register_hooks(apr_pool_t *p)
{
    ap_hook_handler(handle_autoindex, NULL, NULL, APR_HOOK_MIDDLE);
}

module AP_MODULE_DECLARE_DATA autoindex_module = {
    STANDARD20_MODULE_STUFF,
    create_dir,
    merge_dir,
    NULL,
    NULL,
    autoindex_cmds,
    register_hooks
};
