/*
 * mod_autoindex_output.c: the HTML of a listing: preamble, HeaderName
 * and ReadmeName (through sub-requests), and the entries as an HTML
 * table, a fancy <pre> block or a plain list, byte for byte as Apache
 * 2.4 writes them.
 */
#include <stdlib.h>
#include <string.h>

#include "apr_strings.h"
#include "apr_lib.h"
#include "apr_file_io.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "util_filter.h"

#include "mod_autoindex_private.h"

APLOG_USE_MODULE(autoindex);

static void emit_preamble(request_rec *r, const ai_config *d, int xhtml,
                          const char *title)
{
    if (xhtml) {
        ap_rvputs(r, DOCTYPE_XHTML_1_0T,
                  "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n"
                  " <head>\n  <title>Index of ", title, "</title>\n", NULL);
    }
    else {
        ap_rvputs(r, DOCTYPE_HTML_4_01, "<html>\n <head>\n"
                  "  <title>Index of ", title, "</title>\n", NULL);
    }
    if (d->style_sheet) {
        ap_rvputs(r, "  <link rel=\"stylesheet\" href=\"", d->style_sheet,
                  "\" type=\"text/css\"", xhtml ? " />\n" : ">\n", NULL);
    }
    if (d->head_insert) {
        ap_rputs(d->head_insert, r);
    }
    ap_rputs(" </head>\n <body>\n", r);
}

/* A text file inside <pre>, with <, > and & escaped. */
static void emit_plain(request_rec *r, apr_file_t *f)
{
    char buf[AP_IOBUFSIZE];

    ap_rputs("<pre>\n", r);
    for (;;) {
        apr_size_t n = sizeof(buf), i, c = 0;

        if (apr_file_read(f, buf, &n) != APR_SUCCESS || n == 0) {
            break;
        }
        for (i = 0; i < n; i++) {
            const char *esc = buf[i] == '<' ? "&lt;" : buf[i] == '>' ? "&gt;"
                            : buf[i] == '&' ? "&amp;" : NULL;
            if (esc) {
                ap_rwrite(buf + c, (int)(i - c), r);
                ap_rputs(esc, r);
                c = i + 1;
            }
        }
        ap_rwrite(buf + c, (int)(n - c), r);
    }
    ap_rputs("</pre>\n", r);
}

static int response_is_html(request_rec *rr)
{
    char *ct = ap_field_noparam(rr->pool, rr->content_type);

    return !strcasecmp(ct, "text/html")
           || !strcasecmp(ct, "application/xhtml+xml");
}

/* Send the sub-request's output down our own filter chain: it was built
 * before ap_r* inserted their buffering filter on r. */
static int run_html(request_rec *r, request_rec *rr)
{
    ap_filter_t *f;

    for (f = rr->output_filters; f; f = f->next) {
        if (f->frec == ap_subreq_core_filter_handle) {
            f->next = r->output_filters;
            break;
        }
    }
    return ap_run_sub_req(rr);
}

/* The HeaderName or ReadmeName file, if it is a regular file. */
static request_rec *lookup_file(request_rec *r, const char *name)
{
    request_rec *rr;

    if (name == NULL) {
        return NULL;
    }
    rr = ap_sub_req_lookup_uri(name, r, r->output_filters);
    if (rr->status == HTTP_OK && rr->filename && rr->finfo.filetype
        == APR_REG && rr->content_type) {
        return rr;
    }
    ap_destroy_sub_req(rr);
    return NULL;
}

/* Emit a text file (any text type) in <pre>; 1 if it could be read. */
static int emit_text_file(request_rec *r, request_rec *rr)
{
    apr_file_t *f;

    if (strncasecmp(rr->content_type, "text/", 5)
        || apr_file_open(&f, rr->filename, APR_READ, APR_OS_DEFAULT,
                         r->pool) != APR_SUCCESS) {
        return 0;
    }
    emit_plain(r, f);
    apr_file_close(f);
    return 1;
}

static void emit_head(request_rec *r, const ai_config *d,
                      apr_int32_t opts, const char *title)
{
    int suppress = (opts & AI_SUPPRESS_PREAMBLE) != 0;
    int xhtml = (opts & AI_EMIT_XHTML) != 0;
    int amble = 1, h1 = 1;
    const char *accept = apr_table_get(r->headers_in, "Accept");
    const char *accept_enc = apr_table_get(r->headers_in, "Accept-Encoding");
    const char *name = d->header;
    request_rec *rr;

    /* the header must come out as something we can embed */
    apr_table_setn(r->headers_in, "Accept", "text/html, text/plain");
    apr_table_unset(r->headers_in, "Accept-Encoding");
    if (name && r->args) {
        name = apr_pstrcat(r->pool, name, "?", r->args, NULL);
    }
    rr = lookup_file(r, name);
    if (rr && response_is_html(rr)) {
        amble = h1 = 0;
        if (!suppress) {
            emit_preamble(r, d, xhtml, title);
        }
        if (run_html(r, rr) != OK) {
            amble = suppress;
            h1 = 1;
        }
    }
    else if (rr && !strncasecmp(rr->content_type, "text/", 5)) {
        apr_file_t *f;
        if (apr_file_open(&f, rr->filename, APR_READ, APR_OS_DEFAULT,
                          r->pool) == APR_SUCCESS) {
            emit_preamble(r, d, xhtml, title);
            amble = h1 = 0;
            emit_plain(r, f);
            apr_file_close(f);
        }
    }
    if (accept) {
        apr_table_setn(r->headers_in, "Accept", accept);
    }
    else {
        apr_table_unset(r->headers_in, "Accept");
    }
    if (accept_enc) {
        apr_table_setn(r->headers_in, "Accept-Encoding", accept_enc);
    }
    if (amble) {
        emit_preamble(r, d, xhtml, title);
    }
    if (h1) {
        ap_rvputs(r, d->style_sheet ? "  <h1 id=\"indextitle\">Index of "
                                    : "<h1>Index of ", title, "</h1>\n",
                  NULL);
    }
    if (rr) {
        ap_destroy_sub_req(rr);
    }
}

static void emit_tail(request_rec *r, const ai_config *d, apr_int32_t opts)
{
    int suppress_sig = 0, suppress_post = 0;
    request_rec *rr = lookup_file(r, d->readme);

    if (rr && response_is_html(rr)) {
        if (run_html(r, rr) == OK) {
            suppress_sig = 1;
            suppress_post = (opts & AI_SUPPRESS_PREAMBLE) != 0;
        }
    }
    else if (rr && emit_text_file(r, rr)) {
        suppress_sig = 1;
    }
    if (!suppress_sig) {
        ap_rputs(ap_psignature("", r), r);
    }
    if (!suppress_post) {
        ap_rputs("</body></html>\n", r);
    }
    if (rr) {
        ap_destroy_sub_req(rr);
    }
}

static void set_type(request_rec *r, const ai_config *d)
{
    const char *ctype = d->ctype ? d->ctype : "text/html";
    /* APR has no Unicode file system on Unix: names are bytes */
    const char *charset = d->charset ? d->charset : "ISO-8859-1";

    ap_set_content_type(r, *charset
        ? apr_pstrcat(r->pool, ctype, ";charset=", charset, NULL) : ctype);
}

/* Read the directory into an array of entries (parent first). */
static int collect(request_rec *r, const ai_config *d, const ai_query *q,
                   apr_dir_t *dir, ai_ent ***out)
{
    apr_array_header_t *arr = apr_array_make(r->pool, 32, sizeof(ai_ent *));
    ai_ent *e = ap__ai_parent_entry(r, d, q);
    apr_finfo_t dirent;
    apr_status_t rv;

    if (e) {
        *(ai_ent **)apr_array_push(arr) = e;
    }
    /* APR_INCOMPLETE still brings the name and the type */
    while ((rv = apr_dir_read(&dirent, APR_FINFO_MIN | APR_FINFO_NAME, dir))
           == APR_SUCCESS || rv == APR_INCOMPLETE) {
        if (!(dirent.valid & APR_FINFO_NAME) || dirent.name == NULL) {
            continue;
        }
        if (dirent.filetype == APR_LNK) {   /* list what links point to */
            const char *name = dirent.name;
            char *full = ap_make_full_path(r->pool, r->filename, name);
            if (apr_stat(&dirent, full, APR_FINFO_MIN, r->pool)
                != APR_SUCCESS) {
                continue;
            }
            dirent.name = name;
            dirent.valid |= APR_FINFO_NAME;
        }
        if ((e = ap__ai_dir_entry(r, d, q, &dirent)) != NULL) {
            *(ai_ent **)apr_array_push(arr) = e;
        }
    }
    *out = (ai_ent **)arr->elts;
    if (arr->nelts > 1) {
        qsort(arr->elts, (size_t)arr->nelts, sizeof(ai_ent *),
              ap__ai_compare);
    }
    return arr->nelts;
}

/* The title is the escaped URI without its trailing slashes. */
static char *title_of(request_rec *r)
{
    char *t = ap_escape_html(r->pool, r->uri);
    apr_size_t len = strlen(t);

    while (len > 1 && t[len - 1] == '/') {
        t[--len] = '\0';
    }
    return t;
}

int ap__ai_index_directory(request_rec *r, const ai_config *d)
{
    apr_dir_t *dir;
    ai_query q;
    ai_ent **ar;
    int n;
    apr_status_t rv = apr_dir_open(&dir, r->filename, r->pool);

    if (rv != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, rv, r, APLOGNO(01275)
                      "Can't open directory for index: %s", r->filename);
        return HTTP_FORBIDDEN;
    }
    set_type(r, d);
    q.opts = d->opts;
    if (q.opts & AI_TRACK_MODIFIED) {
        ap_update_mtime(r, r->finfo.mtime);
        ap_set_last_modified(r);
        ap_set_etag(r);
    }
    if (r->header_only) {
        apr_dir_close(dir);
        return OK;
    }
    q.keyid = d->default_keyid ? d->default_keyid : AI_K_NAME;
    q.direction = d->default_direction ? d->default_direction
                                       : AI_D_ASCENDING;
    q.pattern = NULL;
    q.colargs = "";
    if (q.opts & AI_IGNORE_CLIENT) {
        q.opts |= AI_SUPPRESS_COLSORT;
    }
    else {
        ap__ai_parse_query(r->pool, r->args, &q);
    }
    emit_head(r, d, q.opts, title_of(r));
    n = collect(r, d, &q, dir, &ar);
    ap__ai_output(r, d, ar, n, &q);
    apr_dir_close(dir);
    emit_tail(r, d, q.opts);
    return OK;
}
