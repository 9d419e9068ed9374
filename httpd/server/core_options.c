/* core_options.c: the Options, AllowOverride and AllowOverrideList
 * directives, whose parsing rules decide what .htaccess files may do. */
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"

#include "core_private.h"

APLOG_USE_MODULE(core);

static const char mixed_msg[] =
    "Either all Options must start with + or -, or no Option may.";

struct option_name {
    const char *name;
    allow_options_t bits;
};

static const struct option_name option_names[] = {
    { "Indexes",              OPT_INDEXES },
    { "Includes",             OPT_INCLUDES | OPT_INC_WITH_EXEC },
    { "IncludesNOEXEC",       OPT_INCLUDES },
    { "FollowSymLinks",       OPT_SYM_LINKS },
    { "SymLinksIfOwnerMatch", OPT_SYM_OWNER },
    { "ExecCGI",              OPT_EXECCGI },
    { "MultiViews",           OPT_MULTI },
    { "RunScripts",           OPT_MULTI }, /* historical spelling */
    { NULL, 0 }
};

/* Returns 1 and sets *bits for a known single option name. */
static int lookup_option(const char *w, allow_options_t *bits)
{
    const struct option_name *o;

    for (o = option_names; o->name; o++) {
        if (!strcasecmp(w, o->name)) {
            *bits = o->bits;
            return 1;
        }
    }
    return 0;
}

/* "All" and "None" are only valid alone at the start, never with +/-. */
static const char *check_all_none(const char *w, int first, int merge)
{
    if (!strcasecmp(w, "None")) {
        if (!first) {
            return "'Options None' must be the first Option given.";
        }
        return merge ? "You may not use 'Options +None' or 'Options -None'."
                     : NULL;
    }
    if (!first) {
        return "'Options All' must be the first option given.";
    }
    return merge ? "You may not use 'Options +All' or 'Options -All'." : NULL;
}

static void apply_option(core_dir_config *d, char action,
                         allow_options_t opt)
{
    if (action == '-') {
        d->opts_remove |= opt;
        d->opts_add &= ~opt;
        d->opts &= ~opt;
    }
    else if (action == '+') {
        d->opts_add |= opt;
        d->opts_remove &= ~opt;
        d->opts |= opt;
    }
    else {
        d->opts |= opt;
    }
}

const char *ap__core_set_options(cmd_parms *cmd, void *d_, const char *l)
{
    core_dir_config *d = d_;
    int first = 1, merge = 0, all_none = 0;

    while (l[0]) {
        char *w = ap_getword_conf(cmd->temp_pool, &l);
        char action = '\0';
        allow_options_t opt;

        if (*w == '+' || *w == '-') {
            action = *w++;
            if (!merge && !first && !all_none) {
                return mixed_msg;
            }
            merge = 1;
        }
        else if (first) {
            d->opts = OPT_NONE; /* an absolute list replaces, clears UNSET */
        }
        else if (merge) {
            return mixed_msg;
        }

        if (!strcasecmp(w, "None") || !strcasecmp(w, "All")) {
            const char *err = check_all_none(w, first, merge);
            if (err) {
                return err;
            }
            opt = strcasecmp(w, "All") ? OPT_NONE : OPT_ALL;
            all_none = 1;
        }
        else if (!lookup_option(w, &opt)) {
            return apr_pstrcat(cmd->pool, "Illegal option ", w, NULL);
        }

        /* In .htaccess, AllowOverride Options=... limits what is allowed. */
        if ((cmd->override_opts & opt) != opt) {
            return apr_pstrcat(cmd->pool, "Option ", w, " not allowed here",
                               NULL);
        }
        apply_option(d, action, opt);
        first = 0;
    }
    return NULL;
}

/* The comma list after "AllowOverride Options=". */
static const char *set_allow_opts(cmd_parms *cmd, allow_options_t *opts,
                                  const char *l)
{
    char *list = apr_pstrdup(cmd->temp_pool, l);
    char *state = NULL;
    char *w;

    *opts = OPT_NONE;
    for (w = apr_strtok(list, ",", &state); w;
         w = apr_strtok(NULL, ",", &state)) {
        allow_options_t opt;

        if (!strcasecmp(w, "None")) {
            opt = OPT_NONE;
        }
        else if (!strcasecmp(w, "All")) {
            opt = OPT_ALL;
        }
        else if (!lookup_option(w, &opt)) {
            return apr_pstrcat(cmd->pool, "Illegal option ", w, NULL);
        }
        *opts |= opt;
    }
    *opts &= ~OPT_UNSET;
    return NULL;
}

static const char *set_nonfatal(cmd_parms *cmd, core_dir_config *d,
                                const char *w, const char *v)
{
    if (!v) {
        return apr_pstrcat(cmd->pool,
                           "=Override, =Unknown or =All expected after ", w,
                           NULL);
    }
    if (!strcasecmp(v, "Override")) {
        d->override |= NONFATAL_OVERRIDE;
    }
    else if (!strcasecmp(v, "Unknown")) {
        d->override |= NONFATAL_UNKNOWN;
    }
    else if (!strcasecmp(v, "All")) {
        d->override |= NONFATAL_ALL;
    }
    /* Any other value is ignored, as Apache 2.4 does. */
    return NULL;
}

static const char *override_word(cmd_parms *cmd, core_dir_config *d,
                                 char *w)
{
    char *v = strchr(w, '=');

    if (v) {
        *v++ = '\0';
    }
    if (!strcasecmp(w, "Options")) {
        d->override |= OR_OPTIONS;
        if (v) {
            return set_allow_opts(cmd, &d->override_opts, v);
        }
        d->override_opts = OPT_ALL | OPT_SYM_OWNER | OPT_MULTI;
        return NULL;
    }
    if (!strcasecmp(w, "Nonfatal")) {
        return set_nonfatal(cmd, d, w, v);
    }
    if (v) {
        return apr_pstrcat(cmd->pool, "Illegal override option ", w, NULL);
    }
    if (!strcasecmp(w, "Limit")) {
        d->override |= OR_LIMIT;
    }
    else if (!strcasecmp(w, "FileInfo")) {
        d->override |= OR_FILEINFO;
    }
    else if (!strcasecmp(w, "AuthConfig")) {
        d->override |= OR_AUTHCFG;
    }
    else if (!strcasecmp(w, "Indexes")) {
        d->override |= OR_INDEXES;
    }
    else if (!strcasecmp(w, "None")) {
        d->override = OR_NONE;
    }
    else if (!strcasecmp(w, "All")) {
        d->override = OR_ALL;
    }
    else {
        return apr_pstrcat(cmd->pool, "Illegal override option ", w, NULL);
    }
    return NULL;
}

const char *ap__core_set_override(cmd_parms *cmd, void *d_, const char *l)
{
    core_dir_config *d = d_;
    const char *err;

    /* .htaccess files are looked up per directory only. */
    if (ap_check_cmd_context(cmd, NOT_IN_LOCATION | NOT_IN_FILES)) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, cmd->server,
                     APLOGNO(00114) "Useless use of AllowOverride in line "
                     "%d of %s.", cmd->directive->line_num,
                     cmd->directive->filename);
    }
    if ((err = ap_check_cmd_context(cmd, NOT_IN_HTACCESS)) != NULL) {
        return err;
    }
    d->override = OR_NONE;
    while (l[0]) {
        char *w = ap_getword_conf(cmd->temp_pool, &l);
        if ((err = override_word(cmd, d, w)) != NULL) {
            return err;
        }
    }
    d->override &= ~OR_UNSET;
    return NULL;
}

const char *ap__core_set_override_list(cmd_parms *cmd, void *d_, int argc,
                                       char *const argv[])
{
    core_dir_config *d = d_;
    const char *err;
    int i;

    if (ap_check_cmd_context(cmd, NOT_IN_LOCATION | NOT_IN_FILES)) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, cmd->server,
                     APLOGNO(00115) "Useless use of AllowOverrideList at "
                     "line %d of %s.", cmd->directive->line_num,
                     cmd->directive->filename);
    }
    if ((err = ap_check_cmd_context(cmd, NOT_IN_HTACCESS)) != NULL) {
        return err;
    }
    d->override_list = apr_table_make(cmd->pool, argc);
    for (i = 0; i < argc; i++) {
        if (!strcasecmp(argv[i], "None")) {
            if (argc != 1) {
                return "'None' not allowed with other directives in "
                       "AllowOverrideList";
            }
            return NULL;
        }
        /* The value is unused; the key is the directive's name. */
        apr_table_setn(d->override_list, argv[i], "1");
    }
    return NULL;
}
