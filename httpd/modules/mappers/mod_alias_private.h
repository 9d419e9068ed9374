/*
 * mod_alias_private.h: shared between the files of mod_alias (and its
 * unit tests).  Not installed.
 */
#ifndef MOD_ALIAS_PRIVATE_H
#define MOD_ALIAS_PRIVATE_H

#include "httpd.h"
#include "http_config.h"
#include "ap_regex.h"

/** One Alias/ScriptAlias/AliasMatch/Redirect*: fake URL -> real target. */
typedef struct {
    const char *real;       /* path or URL; NULL for statuses like gone */
    const char *fake;       /* URL prefix, or the pattern text */
    char *handler;          /* "cgi-script" for ScriptAlias* */
    ap_regex_t *regexp;     /* for the *Match forms */
    int redir_status;       /* 301, 302, 303, 410...; 0 for an alias */
} ap__alias_entry;

/** Server config: the global aliases and redirects, in config order. */
typedef struct {
    apr_array_header_t *aliases;
    apr_array_header_t *redirects;
} ap__alias_server_conf;

/** Directory config: Redirect in directories, and the one-argument
 * forms inside <Location> (the whole URL maps to one target). */
typedef struct {
    unsigned int alias_set:1;
    unsigned int redirect_set:1;
    apr_array_header_t *redirects;
    const char *alias;
    char *handler;
    const char *redirect;
    int redirect_status;
} ap__alias_dir_conf;

/**
 * How many characters of @a uri the alias prefix @a fake matches, or 0.
 * Runs of '/' in either match runs of '/' in the other, and the match
 * must end at a path segment boundary (unless @a fake ends with '/').
 */
int ap__alias_matches(const char *uri, const char *fake);

/** translate_name hook: server-wide redirects, then aliases. */
int ap__alias_translate(request_rec *r);

/** fixups hook: Redirect given in directory context. */
int ap__alias_fixup_redir(request_rec *r);

#endif
