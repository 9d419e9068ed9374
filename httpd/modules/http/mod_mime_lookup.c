/*
 * mod_mime_lookup.c: the type_checker hook.  Each extension of the file
 * name is looked up (lowercased in a stack buffer) in the TypesConfig map
 * and in the per-directory Add* map; a plain "index.html" costs two hash
 * lookups and no allocation.
 */
#include <string.h>

#include "apr_strings.h"
#include "apr_lib.h"

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "util_filter.h"

#include "mod_mime_private.h"

APLOG_USE_MODULE(mime);

/* Longest name component list we remember for mod_negotiation. */
#define MAX_EXCEPTIONS 16

/* What the walk over the extensions gathered. */
typedef struct {
    const char *charset;
    int found_metadata;
    int n_exc;
    struct { const char *s; apr_size_t len; } exc[MAX_EXCEPTIONS];
} walk_state;

/* Lowercase an extension into buf, or into the pool when it is long. */
static const char *ext_key(request_rec *r, char *buf, const char *ext,
                           apr_size_t len)
{
    char *out = len < AP__MIME_EXT_MAX ? buf
                                       : apr_palloc(r->pool, len + 1);
    apr_size_t i;

    for (i = 0; i < len; i++) {
        out[i] = (char)apr_tolower((unsigned char)ext[i]);
    }
    out[len] = '\0';
    return out;
}

/* Add each filter of a ';'-separated list. */
static void add_filters(request_rec *r, const char *list, int output)
{
    const char *s = list;

    while (*s) {
        char *name = ap_getword(r->pool, &s, ';');
        if (*name == '\0') {
            continue;
        }
        if (output) {
            ap_add_output_filter(name, NULL, r, r->connection);
        }
        else {
            ap_add_input_filter(name, NULL, r, r->connection);
        }
    }
}

static void add_language(request_rec *r, const char *lang)
{
    if (r->content_languages == NULL) {
        r->content_languages = apr_array_make(r->pool, 2, sizeof(char *));
    }
    *(const char **)apr_array_push(r->content_languages) = lang;
}

static void add_encoding(request_rec *r, const char *enc)
{
    r->content_encoding = r->content_encoding
        ? apr_pstrcat(r->pool, r->content_encoding, ", ", enc, NULL)
        : enc;
}

/* Apply the Add* mapping of one extension; returns whether it counts as
 * metadata for MultiViews (handlers/filters only with MultiviewsMatch). */
static int apply_info(request_rec *r, const ap__mime_dir_conf *conf,
                      const ap__mime_ext_info *info, walk_state *st)
{
    int found = 0;
    int direct = r->proxyreq == PROXYREQ_NONE;

    if (info->forced_type && *info->forced_type) {
        ap_set_content_type(r, info->forced_type);
        found = 1;
    }
    if (info->language_type) {
        add_language(r, info->language_type);
        found = 1;
    }
    if (info->encoding_type) {
        add_encoding(r, info->encoding_type);
        found = 1;
    }
    if (info->charset_type) {
        st->charset = info->charset_type;
        found = 1;
    }
    if (info->handler && direct) {
        r->handler = info->handler;
        found |= (conf->multimatch & AP__MIME_MULTI_HANDLERS) != 0;
    }
    if (info->input_filters && direct) {
        add_filters(r, info->input_filters, 0);
        found |= (conf->multimatch & AP__MIME_MULTI_FILTERS) != 0;
    }
    if (info->output_filters && direct) {
        add_filters(r, info->output_filters, 1);
        found |= (conf->multimatch & AP__MIME_MULTI_FILTERS) != 0;
    }
    return found;
}

static void one_ext(request_rec *r, const ap__mime_dir_conf *conf,
                    const char *ext, apr_size_t len, walk_state *st)
{
    char buf[AP__MIME_EXT_MAX];
    const char *key = ext_key(r, buf, ext, len);
    const char *type = NULL;
    const ap__mime_ext_info *info = NULL;
    int found = 0;

    if (conf->ext_map) {
        info = apr_hash_get(conf->ext_map, key, (apr_ssize_t)len);
    }
    /* AddType wins over TypesConfig; RemoveType ("") hides both */
    if (ap__mime_types && (info == NULL || info->forced_type == NULL)) {
        type = apr_hash_get(ap__mime_types, key, (apr_ssize_t)len);
    }
    if (type) {
        ap_set_content_type(r, type);
        found = 1;
    }
    if (info) {
        found |= apply_info(r, conf, info, st);
    }
    if (found || (conf->multimatch & AP__MIME_MULTI_ANY)) {
        st->found_metadata = 1;
    }
    else if (st->n_exc < MAX_EXCEPTIONS) {
        st->exc[st->n_exc].s = ext;
        st->exc[st->n_exc].len = len;
        st->n_exc++;
    }
}

/* mod_negotiation reads "ap-mime-exceptions-list" (the base name and the
 * extensions that meant nothing) from the sub-requests it makes for the
 * MultiViews candidates; main requests do not need it. */
static void note_exceptions(request_rec *r, const char *name,
                            apr_size_t base_len, const walk_state *st)
{
    apr_array_header_t *list;
    int i;

    if (r->main == NULL || !st->found_metadata) {
        return;
    }
    list = apr_array_make(r->pool, st->n_exc + 1, sizeof(char *));
    *(char **)apr_array_push(list) = apr_pstrmemdup(r->pool, name, base_len);
    for (i = 0; i < st->n_exc; i++) {
        *(char **)apr_array_push(list) =
            apr_pstrmemdup(r->pool, st->exc[i].s, st->exc[i].len);
    }
    apr_table_setn(r->notes, "ap-mime-exceptions-list", (void *)list);
}

/* AddCharset adds "; charset=x" unless the type already names one. */
static void apply_charset(request_rec *r, const char *charset)
{
    const char *ct = r->content_type;
    const char *semi;

    if (ct == NULL || charset == NULL) {
        return;
    }
    semi = strchr(ct, ';');
    if (semi && ap_strcasestr(semi, "charset=")) {
        return;
    }
    ap_set_content_type(r, apr_pstrcat(r->pool, ct, "; charset=", charset,
                                       NULL));
}

static const char *file_name(request_rec *r, const ap__mime_dir_conf *conf)
{
    const char *fn = r->filename;
    const char *slash;

    if (conf->use_path_info == 1 && r->path_info && *r->path_info) {
        fn = apr_pstrcat(r->pool, r->filename, r->path_info, NULL);
    }
    slash = strrchr(fn, '/');
    return slash ? slash + 1 : fn;
}

int ap__mime_find_ct(request_rec *r)
{
    const ap__mime_dir_conf *conf;
    const char *name, *cursor, *ext;
    apr_size_t len, base_len;
    walk_state st;

    if (r->finfo.filetype == APR_DIR) {
        ap_set_content_type(r, DIR_MAGIC_TYPE);
        return OK;
    }
    if (r->filename == NULL) {
        return DECLINED;
    }
    conf = ap_get_module_config(r->per_dir_config, &mime_module);
    name = file_name(r, conf);
    base_len = ap__mime_base_len(name);
    cursor = name + base_len;
    st.charset = NULL;
    st.found_metadata = 0;
    st.n_exc = 0;
    while (ap__mime_next_ext(&cursor, &ext, &len)) {
        one_ext(r, conf, ext, len, &st);
    }
    note_exceptions(r, name, base_len, &st);
    apply_charset(r, st.charset);
    if (r->content_languages == NULL && conf->default_language) {
        add_language(r, conf->default_language);
    }
    return r->content_type ? OK : DECLINED;
}
