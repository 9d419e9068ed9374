/*
 * mod_mime.c: the mime_module.  Maps file name extensions to a media
 * type, content encoding, languages, charset, handler and filters.
 * Configuration (this file), the TypesConfig reader (mod_mime_types.c),
 * name splitting (mod_mime_ext.c) and the type_checker hook
 * (mod_mime_lookup.c) are separate.
 */
#include <stddef.h>
#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_request.h"

#include "mod_mime_private.h"

APLOG_USE_MODULE(mime);


static void *create_dir(apr_pool_t *p, char *dir)
{
    ap__mime_dir_conf *c = apr_pcalloc(p, sizeof(*c));

    c->use_path_info = -1;
    return c;
}

/* A new info: @a over's set fields on top of @a base's. */
static ap__mime_ext_info *overlay_info(apr_pool_t *p,
                                       const ap__mime_ext_info *base,
                                       const ap__mime_ext_info *over)
{
    static const apr_size_t fields[] = {
        offsetof(ap__mime_ext_info, forced_type),
        offsetof(ap__mime_ext_info, encoding_type),
        offsetof(ap__mime_ext_info, language_type),
        offsetof(ap__mime_ext_info, handler),
        offsetof(ap__mime_ext_info, charset_type),
        offsetof(ap__mime_ext_info, input_filters),
        offsetof(ap__mime_ext_info, output_filters),
    };
    ap__mime_ext_info *n = apr_pmemdup(p, base, sizeof(*n));
    apr_size_t i;

    for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        const char *v = *(const char *const *)((const char *)over + fields[i]);
        if (v) {
            *(const char **)((char *)n + fields[i]) = v;
        }
    }
    return n;
}

static void *overlay_cb(apr_pool_t *p, const void *key, apr_ssize_t klen,
                        const void *over, const void *base, const void *data)
{
    return overlay_info(p, base, over);
}

/* Apply a context's Remove* directives to the merged map, copying each
 * touched entry so the parent's map is never modified.  RemoveType leaves
 * "" rather than NULL: it also hides the TypesConfig mapping. */
static void apply_removals(apr_pool_t *p, apr_hash_t *map,
                           const apr_array_header_t *removals)
{
    const ap__mime_removal *rm = (const ap__mime_removal *)removals->elts;
    int i;

    for (i = 0; i < removals->nelts; i++) {
        const ap__mime_ext_info *old = apr_hash_get(map, rm[i].ext,
                                                    APR_HASH_KEY_STRING);
        ap__mime_ext_info *n = old ? apr_pmemdup(p, old, sizeof(*n))
                                   : apr_pcalloc(p, sizeof(*n));
        int is_type = rm[i].offset == offsetof(ap__mime_ext_info,
                                               forced_type);

        *(const char **)((char *)n + rm[i].offset) = is_type ? "" : NULL;
        apr_hash_set(map, rm[i].ext, APR_HASH_KEY_STRING, n);
    }
}

static void *merge_dir(apr_pool_t *p, void *basev, void *addv)
{
    const ap__mime_dir_conf *base = basev, *add = addv;
    ap__mime_dir_conf *n = apr_pcalloc(p, sizeof(*n));

    if (base->ext_map && add->ext_map) {
        n->ext_map = apr_hash_merge(p, add->ext_map, base->ext_map,
                                    overlay_cb, NULL);
    }
    else {
        n->ext_map = add->ext_map ? add->ext_map : base->ext_map;
    }
    if (add->removals) {
        n->ext_map = n->ext_map ? apr_hash_copy(p, n->ext_map)
                                : apr_hash_make(p);
        apply_removals(p, n->ext_map, add->removals);
    }
    n->default_language = add->default_language ? add->default_language
                                                : base->default_language;
    n->multimatch = add->multimatch ? add->multimatch : base->multimatch;
    n->use_path_info = add->use_path_info != -1 ? add->use_path_info
                                                : base->use_path_info;
    return n;
}

/* Extensions may be written ".html" or "html"; keys are lowercase. */
static char *ext_key(apr_pool_t *p, const char *ext)
{
    char *key;

    if (*ext == '.') {
        ext++;
    }
    key = apr_pstrdup(p, ext);
    ap_str_tolower(key);
    return key;
}

/* Add* directives: cmd->info is the offset of the field to set; the value
 * is lowercased except for filter names, as Apache does. */
static const char *add_ext_info(cmd_parms *cmd, void *dv, const char *value,
                                const char *ext)
{
    ap__mime_dir_conf *c = dv;
    apr_size_t off = (apr_size_t)(apr_uintptr_t)cmd->info;
    const char *key = ext_key(cmd->pool, ext);
    ap__mime_ext_info *info;
    char *v = apr_pstrdup(cmd->pool, value);

    if (off != offsetof(ap__mime_ext_info, input_filters)
        && off != offsetof(ap__mime_ext_info, output_filters)) {
        ap_str_tolower(v);
    }
    if (c->ext_map == NULL) {
        c->ext_map = apr_hash_make(cmd->pool);
    }
    info = apr_hash_get(c->ext_map, key, APR_HASH_KEY_STRING);
    if (info == NULL) {
        info = apr_pcalloc(cmd->pool, sizeof(*info));
        apr_hash_set(c->ext_map, key, APR_HASH_KEY_STRING, info);
    }
    *(const char **)((char *)info + off) = v;
    return NULL;
}

/* Remove* directives: remembered and applied when merging, so that they
 * undo what an enclosing context added. */
static const char *remove_ext_info(cmd_parms *cmd, void *dv, const char *ext)
{
    ap__mime_dir_conf *c = dv;
    ap__mime_removal *rm;

    if (c->removals == NULL) {
        c->removals = apr_array_make(cmd->pool, 4, sizeof(*rm));
    }
    rm = apr_array_push(c->removals);
    rm->ext = ext_key(cmd->pool, ext);
    rm->offset = (apr_size_t)(apr_uintptr_t)cmd->info;
    return NULL;
}

static const char *set_types_config(cmd_parms *cmd, void *dv, const char *arg)
{
    /* Like Apache, the server-config slot holds the file name itself;
     * only the main server's is read. */
    ap_set_module_config(cmd->server->module_config, &mime_module,
                         (void *)arg);
    return NULL;
}

static const char *set_multimatch(cmd_parms *cmd, void *dv, const char *arg)
{
    static const struct {
        const char *name;
        int bit;
        int excludes;
        const char *conflict;
    } words[] = {
        { "Any", AP__MIME_MULTI_ANY, ~AP__MIME_MULTI_ANY,
          "Any is incompatible with NegotiatedOnly, Filters and Handlers" },
        { "NegotiatedOnly", AP__MIME_MULTI_NEGOTIATED,
          ~AP__MIME_MULTI_NEGOTIATED, "NegotiatedOnly is incompatible with "
          "Any, Filters and Handlers" },
        { "Filters", AP__MIME_MULTI_FILTERS,
          AP__MIME_MULTI_ANY | AP__MIME_MULTI_NEGOTIATED,
          "Filters is incompatible with Any and NegotiatedOnly" },
        { "Handlers", AP__MIME_MULTI_HANDLERS,
          AP__MIME_MULTI_ANY | AP__MIME_MULTI_NEGOTIATED,
          "Handlers is incompatible with Any and NegotiatedOnly" },
    };
    ap__mime_dir_conf *c = dv;
    apr_size_t i;

    for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        if (strcasecmp(arg, words[i].name) == 0) {
            if (c->multimatch & words[i].excludes) {
                return words[i].conflict;
            }
            c->multimatch |= words[i].bit;
            return NULL;
        }
    }
    return apr_pstrcat(cmd->pool, "Unrecognized option '", arg, "'", NULL);
}

#define FIELD(f) ((void *)(apr_uintptr_t)offsetof(ap__mime_ext_info, f))
#define ADD(name, f, help) \
    AP_INIT_ITERATE2(name, add_ext_info, FIELD(f), OR_FILEINFO, help)
#define REMOVE(name, f, help) \
    AP_INIT_ITERATE(name, remove_ext_info, FIELD(f), OR_FILEINFO, help)

static const command_rec mime_cmds[] = {
    ADD("AddCharset", charset_type,
        "a charset (e.g., iso-2022-jp), followed by one or more extensions"),
    ADD("AddEncoding", encoding_type,
        "an encoding (e.g., gzip), followed by one or more extensions"),
    ADD("AddHandler", handler,
        "a handler name followed by one or more extensions"),
    ADD("AddInputFilter", input_filters,
        "input filter name (or ; delimited names) followed by one or more "
        "extensions"),
    ADD("AddLanguage", language_type,
        "a language (e.g., fr), followed by one or more extensions"),
    ADD("AddOutputFilter", output_filters,
        "output filter name (or ; delimited names) followed by one or more "
        "extensions"),
    ADD("AddType", forced_type,
        "a mime type followed by one or more extensions"),
    AP_INIT_TAKE1("DefaultLanguage", ap_set_string_slot,
        (void *)APR_OFFSETOF(ap__mime_dir_conf, default_language),
        OR_FILEINFO, "language to use for documents with no other language "
        "file extension"),
    AP_INIT_ITERATE("MultiviewsMatch", set_multimatch, NULL, OR_FILEINFO,
        "NegotiatedOnly (default), Handlers and/or Filters, or Any"),
    REMOVE("RemoveCharset", charset_type,
        "one or more file extensions"),
    REMOVE("RemoveEncoding", encoding_type,
        "one or more file extensions"),
    REMOVE("RemoveHandler", handler,
        "one or more file extensions"),
    REMOVE("RemoveInputFilter", input_filters,
        "one or more file extensions"),
    REMOVE("RemoveLanguage", language_type,
        "one or more file extensions"),
    REMOVE("RemoveOutputFilter", output_filters,
        "one or more file extensions"),
    REMOVE("RemoveType", forced_type,
        "one or more file extensions"),
    AP_INIT_TAKE1("TypesConfig", set_types_config, NULL, RSRC_CONF,
        "the MIME types config file"),
    AP_INIT_FLAG("ModMimeUsePathInfo", ap_set_flag_slot,
        (void *)APR_OFFSETOF(ap__mime_dir_conf, use_path_info), ACCESS_CONF,
        "Set to 'yes' to allow mod_mime to use path info for type checking"),
    { NULL }
};

static int mime_post_config(apr_pool_t *p, apr_pool_t *plog,
                            apr_pool_t *ptemp, server_rec *s)
{
    const char *name = ap_get_module_config(s->module_config, &mime_module);
    const char *path;
    apr_status_t rv;

    if (name == NULL) {
        name = AP_TYPES_CONFIG_FILE;
    }
    path = ap_server_root_relative(p, name);
    if (path == NULL) {
        ap_log_error(APLOG_MARK, APLOG_ERR, APR_EBADPATH, s, APLOGNO(01596)
                     "Invalid mime types config path %s", name);
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    rv = ap__mime_types_read(p, path, &ap__mime_types);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, s, APLOGNO(01597)
                     "could not open mime types config file %s.", path);
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    return OK;
}

static void register_hooks(apr_pool_t *p)
{
    ap_hook_post_config(mime_post_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_type_checker(ap__mime_find_ct, NULL, NULL, APR_HOOK_MIDDLE);
}

module AP_MODULE_DECLARE_DATA mime_module = {
    STANDARD20_MODULE_STUFF,
    create_dir,         /* per-directory config */
    merge_dir,          /* merge per-directory */
    NULL,               /* server config: the slot holds TypesConfig */
    NULL,
    mime_cmds,
    register_hooks
};
