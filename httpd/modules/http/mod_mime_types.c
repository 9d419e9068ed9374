/*
 * mod_mime_types.c: reading a TypesConfig file (mime.types format) into
 * one hash, extension -> media type, shared by every server.
 */
#include "apr_strings.h"
#include "apr_lib.h"

#include "httpd.h"
#include "http_config.h"

#include "mod_mime_private.h"

apr_hash_t *ap__mime_types = NULL;

/* Copy [s, e) lowercased into a pool string. */
static char *lower_dup(apr_pool_t *p, const char *s, const char *e)
{
    char *out = apr_pstrmemdup(p, s, (apr_size_t)(e - s));
    ap_str_tolower(out);
    return out;
}

static const char *skip_space(const char *s)
{
    while (*s && apr_isspace(*s)) {
        s++;
    }
    return s;
}

static const char *word_end(const char *s)
{
    while (*s && !apr_isspace(*s) && *s != '#') {
        s++;
    }
    return s;
}

void ap__mime_types_line(apr_pool_t *p, const char *line, apr_hash_t *types)
{
    const char *s = skip_space(line), *e;
    const char *type;

    if (*s == '#' || *s == '\0') {
        return;
    }
    e = word_end(s);
    type = lower_dup(p, s, e);
    for (s = skip_space(e); *s && *s != '#'; s = skip_space(e)) {
        e = word_end(s);
        if (*s == '.') {     /* tolerate ".html" as well as "html" */
            s++;
        }
        if (e > s) {
            /* later lines win, as Apache's hash_set does */
            apr_hash_set(types, lower_dup(p, s, e), APR_HASH_KEY_STRING, type);
        }
    }
}

apr_status_t ap__mime_types_read(apr_pool_t *p, const char *fname,
                                 apr_hash_t **out)
{
    ap_configfile_t *f;
    char line[MAX_STRING_LEN];
    apr_hash_t *types;
    apr_status_t rv = ap_pcfg_openfile(&f, p, fname);

    if (rv != APR_SUCCESS) {
        return rv;
    }
    types = apr_hash_make(p);
    while (ap_cfg_getline(line, sizeof(line), f) == APR_SUCCESS) {
        ap__mime_types_line(p, line, types);
    }
    ap_cfg_closefile(f);
    *out = types;
    return APR_SUCCESS;
}
