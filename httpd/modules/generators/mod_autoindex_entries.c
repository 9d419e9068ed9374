/*
 * mod_autoindex_entries.c: what goes into a listing: IndexIgnore, icons,
 * alt texts and descriptions per entry, the query arguments and the sort
 * order.
 */
#include <string.h>

#include "apr_strings.h"
#include "apr_fnmatch.h"
#include "apr_lib.h"
#include "apr_file_io.h"

#include "httpd.h"
#include "http_config.h"
#include "http_request.h"

#include "mod_autoindex_private.h"

APLOG_USE_MODULE(autoindex);

const char *ap__ai_find_item(const char *ctype, const char *cenc,
                             const char *path, const apr_array_header_t *list,
                             int path_only)
{
    const ai_item *items = (const ai_item *)list->elts;
    int i;

    for (i = 0; i < list->nelts; i++) {
        const ai_item *p = &items[i];

        /* "^^DIRECTORY^^" and "^^BLANKICON^^" match in any directory */
        if (path[0] != '^' && ap_strcmp_match(path, p->apply_path)) {
            continue;
        }
        if (*p->apply_to == '\0') {
            return p->data;
        }
        if (p->type == AI_BY_PATH || path[0] == '^') {
            if (!ap_strcmp_match(path, p->apply_to)) {
                return p->data;
            }
        }
        else if (!path_only) {
            /* an encoded file is matched by its encoding only */
            if (cenc == NULL && p->type == AI_BY_TYPE && ctype
                && !ap_strcasecmp_match(ctype, p->apply_to)) {
                return p->data;
            }
            if (cenc && p->type == AI_BY_ENCODING
                && !ap_strcasecmp_match(cenc, p->apply_to)) {
                return p->data;
            }
        }
    }
    return NULL;
}

const char *ap__ai_find_desc(const ai_config *d, const char *path)
{
    const ai_desc *list = (const ai_desc *)d->desc_list->elts;
    const char *base = strrchr(path, '/');
    int i;

    base = base ? base + 1 : path;
    for (i = 0; i < d->desc_list->nelts; i++) {
        const char *name = list[i].full_path ? path : base;
        int found = list[i].wildcards
                    ? apr_fnmatch(list[i].pattern, name, 0) == APR_SUCCESS
                    : strstr(name, list[i].pattern) != NULL;
        if (found) {
            return list[i].description;
        }
    }
    return NULL;
}

int ap__ai_ignore(const ai_config *d, const char *path)
{
    const ai_item *items = (const ai_item *)d->ign_list->elts;
    const char *tt = strrchr(path, '/');
    int i;

    tt = tt ? tt + 1 : path;
    for (i = 0; i < d->ign_list->nelts; i++) {
        const char *ap = strrchr(items[i].apply_to, '/');

        ap = ap ? ap + 1 : items[i].apply_to;
        if (!ap_strcmp_match(path, items[i].apply_path)
            && !ap_strcmp_match(tt, ap)) {
            return 1;
        }
    }
    return 0;
}

/* Names compare naturally with VersionSort, case-blind first with
 * IgnoreCase, and always end on strcmp so the order is deterministic. */
static int compare_names(const ai_ent *c1, const ai_ent *c2)
{
    int result = 0;

    if (c1->version_sort) {
        if (c1->ignore_case) {
            result = apr_strnatcasecmp(c1->name, c2->name);
        }
        if (!result) {
            result = apr_strnatcmp(c1->name, c2->name);
        }
    }
    if (!result && c1->ignore_case) {
        result = strcasecmp(c1->name, c2->name);
    }
    return result ? result : strcmp(c1->name, c2->name);
}

static int compare_key(const ai_ent *c1, const ai_ent *c2)
{
    switch (c1->key) {
    case AI_K_LAST_MOD:
        return c1->lm > c2->lm ? 1 : c1->lm < c2->lm ? -1 : 0;
    case AI_K_SIZE:
        return c1->size > c2->size ? 1 : c1->size < c2->size ? -1 : 0;
    case AI_K_DESC:
        return c1->version_sort
               ? apr_strnatcmp(c1->desc ? c1->desc : "",
                               c2->desc ? c2->desc : "")
               : strcmp(c1->desc ? c1->desc : "", c2->desc ? c2->desc : "");
    default:
        return 0;
    }
}

int ap__ai_compare(const void *a, const void *b)
{
    const ai_ent *e1 = *(ai_ent *const *)a, *e2 = *(ai_ent *const *)b;
    const ai_ent *c1, *c2;
    int result;

    if (e1->name[0] == '/') {
        return -1;
    }
    if (e2->name[0] == '/') {
        return 1;
    }
    if (e1->isdir != e2->isdir) {
        return e1->isdir ? -1 : 1;
    }
    c1 = e1->ascending ? e1 : e2;
    c2 = e1->ascending ? e2 : e1;
    result = compare_key(c1, c2);
    return result ? result : compare_names(c1, c2);
}

/* "X=c" followed by ';', '&' or the end, c one of @a valid. */
static int query_flag(const char *q, char name, const char *valid)
{
    return q[0] == name && q[1] == '=' && q[2] && strchr(valid, q[2])
           && (q[3] == '&' || q[3] == ';' || q[3] == '\0');
}

/* P=pattern: returns where parsing continues. */
static const char *query_pattern(apr_pool_t *p, const char *q, ai_query *out,
                                 const char **ppre)
{
    const char *start = q + 2, *eos = start;
    char *pat;

    while (*eos && *eos != '&' && *eos != ';') {
        eos++;
    }
    out->pattern = NULL;
    *ppre = "";
    if (eos > start) {
        pat = apr_pstrmemdup(p, start, (apr_size_t)(eos - start));
        if (ap_unescape_url(pat) == OK) {   /* a bad pattern is ignored */
            out->pattern = pat;
            *ppre = apr_pstrcat(p, ";P=", ap_escape_uri(p, pat), NULL);
        }
    }
    return *eos ? eos + 1 : eos;
}

static void apply_format(ai_query *q, char f)
{
    if (f == '0') {
        q->opts &= ~(AI_FANCY_INDEXING | AI_TABLE_INDEXING);
    }
    else if (f == '1') {
        q->opts = (q->opts | AI_FANCY_INDEXING) & ~AI_TABLE_INDEXING;
    }
    else {
        q->opts |= AI_FANCY_INDEXING | AI_TABLE_INDEXING;
    }
}

void ap__ai_parse_query(apr_pool_t *p, const char *args, ai_query *q)
{
    char fval[5] = "", vval[5] = "";
    const char *ppre = "";

    while (args && *args) {
        if (query_flag(args, 'C', "NMSD")) {
            q->keyid = args[2];
        }
        else if (query_flag(args, 'O', "AD")) {
            q->direction = args[2];
        }
        else if (query_flag(args, 'F', "012")) {
            apply_format(q, args[2]);
            memcpy(fval, ";F=", 3);
            fval[3] = args[2];
            fval[4] = '\0';
        }
        else if (query_flag(args, 'V', "01")) {
            q->opts = args[2] == '0' ? (q->opts & ~AI_VERSION_SORT)
                                     : (q->opts | AI_VERSION_SORT);
            memcpy(vval, ";V=", 3);
            vval[3] = args[2];
            vval[4] = '\0';
        }
        else if (args[0] == 'P' && args[1] == '=') {
            args = query_pattern(p, args, q, &ppre);
            continue;
        }
        else {
            break;      /* a syntax error: ignore the rest */
        }
        args += args[3] ? 4 : 3;
    }
    q->colargs = apr_pstrcat(p, fval, vval, ppre, NULL);
}

static void init_entry(ai_ent *e, const ai_query *q)
{
    e->size = -1;
    e->lm = -1;
    e->key = (char)apr_toupper(q->keyid);
    e->ascending = apr_toupper(q->direction) == AI_D_ASCENDING;
    e->version_sort = (q->opts & AI_VERSION_SORT) != 0;
    e->ignore_case = (q->opts & AI_IGNORE_CASE) != 0;
}

/* The parent of URI path @a uri ("/a/b/" -> "/a/"), NULL at the root. */
static char *parent_uri(apr_pool_t *p, const char *uri)
{
    apr_size_t len = strlen(uri);

    while (len > 0 && uri[len - 1] == '/') {
        len--;
    }
    while (len > 0 && uri[len - 1] != '/') {
        len--;
    }
    return len ? apr_pstrmemdup(p, uri, len) : NULL;
}

ai_ent *ap__ai_parent_entry(request_rec *r, const ai_config *d,
                            const ai_query *q)
{
    /* icons, alts, descriptions and IndexIgnore see "/this/dir/.." */
    const char *testpath = ap_make_full_path(r->pool, r->filename, "..");
    char *name = parent_uri(r->pool, r->uri);
    ai_ent *e;

    if (name == NULL || ap__ai_ignore(d, testpath)) {
        return NULL;
    }
    e = apr_pcalloc(r->pool, sizeof(*e));
    e->name = name;
    init_entry(e, q);
    e->ignore_case = 0;
    if (q->opts & AI_FANCY_INDEXING) {
        e->icon = ap__ai_find_item(NULL, NULL, testpath, d->icon_list, 1);
        if (e->icon == NULL) {
            e->icon = ap__ai_find_item(NULL, NULL, "^^DIRECTORY^^",
                                       d->icon_list, 1);
        }
        e->alt = ap__ai_find_item(NULL, NULL, testpath, d->alt_list, 1);
        if (e->alt == NULL) {
            e->alt = ap__ai_find_item(NULL, NULL, "^^DIRECTORY^^",
                                      d->alt_list, 1);
        }
        if (e->alt == NULL) {
            e->alt = "PARENTDIR";
        }
        e->desc = (char *)ap__ai_find_desc(d, testpath);
    }
    return e;
}

/* ScanHTMLTitles: the <title> of an HTML file, from its first 8 KiB. */
static char *find_title(request_rec *rr)
{
    char buf[MAX_STRING_LEN];
    apr_size_t n = sizeof(buf) - 1;
    apr_file_t *f;
    char *t, *end, *c;

    if (rr->content_type == NULL || rr->content_encoding
        || strcasecmp(ap_field_noparam(rr->pool, rr->content_type),
                      "text/html")) {
        return NULL;
    }
    if (apr_file_open(&f, rr->filename, APR_READ, APR_OS_DEFAULT, rr->pool)
        != APR_SUCCESS) {
        return NULL;
    }
    if (apr_file_read(f, buf, &n) != APR_SUCCESS) {
        n = 0;
    }
    apr_file_close(f);
    buf[n] = '\0';
    t = ap_strcasestr(buf, "<title>");
    if (t == NULL) {
        return NULL;
    }
    t += 7;
    if ((end = strchr(t, '<')) != NULL) {
        *end = '\0';
    }
    while (*t == '\r' || *t == '\n') {
        t++;
    }
    for (c = t; *c; c++) {
        if (*c == '\r' || *c == '\n') {
            *c = ' ';
        }
    }
    return apr_pstrdup(rr->pool, t);
}

/* Icon, alt and description of a listed member (fancy listings only). */
static void describe(request_rec *rr, const ai_config *d, ai_ent *e,
                     const apr_finfo_t *dirent, apr_int32_t opts)
{
    const char *ctype = rr->content_type
                        ? ap_field_noparam(rr->pool, rr->content_type) : NULL;

    e->lm = rr->finfo.mtime;
    if (dirent->filetype == APR_DIR) {
        char *fn = ap_make_dirstr_parent(rr->pool, rr->filename);
        apr_size_t len = strlen(fn);

        if (len) {
            fn[len - 1] = '\0';     /* no trailing slash, as 1.3 did */
        }
        rr->filename = fn;
        e->isdir = (opts & AI_FOLDERS_FIRST) != 0;
        e->icon = ap__ai_find_item(ctype, rr->content_encoding, fn,
                                   d->icon_list, 1);
        if (e->icon == NULL) {
            e->icon = ap__ai_find_item(NULL, NULL, "^^DIRECTORY^^",
                                       d->icon_list, 1);
        }
        e->alt = ap__ai_find_item(ctype, rr->content_encoding, fn,
                                  d->alt_list, 1);
        if (e->alt == NULL) {
            e->alt = ap__ai_find_item(NULL, NULL, "^^DIRECTORY^^",
                                      d->alt_list, 1);
        }
        if (e->alt == NULL) {
            e->alt = "DIR";
        }
    }
    else {
        e->icon = ap__ai_find_item(ctype, rr->content_encoding, rr->filename,
                                   d->icon_list, 0);
        e->alt = ap__ai_find_item(ctype, rr->content_encoding, rr->filename,
                                  d->alt_list, 0);
        e->size = rr->finfo.size;
    }
    e->desc = (char *)ap__ai_find_desc(d, rr->filename);
    if (e->desc == NULL && (opts & AI_SCAN_HTML_TITLES)) {
        e->desc = find_title(rr);
        if (e->desc) {
            e->desc = apr_pstrdup(rr->main->pool, e->desc);
        }
    }
}

/* Only members the sub-request could serve (or ShowForbidden ones). */
static int listable(const request_rec *rr, apr_int32_t opts)
{
    int forbidden_shown = (opts & AI_SHOW_FORBIDDEN)
        && (rr->status == HTTP_UNAUTHORIZED || rr->status == HTTP_FORBIDDEN);

    if (rr->finfo.filetype != APR_DIR && rr->finfo.filetype != APR_REG) {
        return 0;
    }
    return rr->status == OK || ap_is_HTTP_SUCCESS(rr->status)
           || ap_is_HTTP_REDIRECT(rr->status) || forbidden_shown;
}

ai_ent *ap__ai_dir_entry(request_rec *r, const ai_config *d,
                         const ai_query *q, const apr_finfo_t *dirent)
{
    const char *n = dirent->name;
    request_rec *rr;
    ai_ent *e;

    if (n[0] == '.' && (!n[1] || (n[1] == '.' && !n[2]))) {
        return NULL;    /* "." never; ".." is the parent entry */
    }
    if (q->pattern && apr_fnmatch(q->pattern, n, APR_FNM_NOESCAPE
                                                 | APR_FNM_PERIOD)) {
        return NULL;
    }
    if (ap__ai_ignore(d, ap_make_full_path(r->pool, r->filename, n))) {
        return NULL;
    }
    rr = ap_sub_req_lookup_dirent(dirent, r, AP_SUBREQ_NO_ARGS, NULL);
    if (rr == NULL) {
        return NULL;
    }
    if (!listable(rr, q->opts)) {
        ap_destroy_sub_req(rr);
        return NULL;
    }
    e = apr_pcalloc(r->pool, sizeof(*e));
    e->name = dirent->filetype == APR_DIR
              ? apr_pstrcat(r->pool, n, "/", NULL) : apr_pstrdup(r->pool, n);
    init_entry(e, q);
    if (q->opts & (AI_FANCY_INDEXING | AI_TABLE_INDEXING)) {
        describe(rr, d, e, dirent, q->opts);
    }
    ap_destroy_sub_req(rr);
    if (q->keyid == AI_K_LAST_MOD && e->lm < 0) {
        e->lm = 0;
    }
    return e;
}
