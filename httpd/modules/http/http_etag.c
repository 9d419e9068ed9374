/* http_etag.c: entity tags for files (FileETag INode MTime Size All
 * None, default MTime Size) and for generated content (mtime only).
 *
 * The tag is hex fields joined by '-' inside quotes, e.g. "6-660d29ca5ecd6"
 * (size, then mtime in microseconds). A file modified less than a second
 * before the request may change again within the same second, so its tag
 * is weak ("W/" prefix) unless the request asked for strong tags.
 */
#include <string.h>

#include "apr_strings.h"
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_protocol.h"

static etag_components_t etag_bits(request_rec *r)
{
    core_dir_config *d = ap_get_core_module_config(r->per_dir_config);
    etag_components_t bits = (d->etag_bits & ~d->etag_remove) | d->etag_add;

    if (bits == ETAG_UNSET) {
        bits = ETAG_BACKWARD;
    }
    return bits;
}

/* Append "-<hex>" (or "<hex>" first) to buf at *pos. */
static void put_hex(char *buf, apr_size_t *pos, apr_size_t cap,
                    apr_uint64_t v)
{
    int n = apr_snprintf(buf + *pos, cap - *pos, "%s%" APR_UINT64_T_HEX_FMT,
                         buf[*pos - 1] == '"' ? "" : "-", v);

    *pos += (apr_size_t)n;
}

static char *file_etag(request_rec *r, etag_rec *er, etag_components_t bits,
                       int weak)
{
    char buf[96];
    apr_size_t pos = 0;
    const apr_finfo_t *fi = er->finfo;

    if (weak) {
        memcpy(buf, "W/", 2);
        pos = 2;
    }
    buf[pos++] = '"';
    if ((bits & ETAG_INODE) && (fi->valid & APR_FINFO_INODE)) {
        put_hex(buf, &pos, sizeof(buf), (apr_uint64_t)fi->inode);
    }
    if ((bits & ETAG_SIZE) && fi->size >= 0) {
        put_hex(buf, &pos, sizeof(buf), (apr_uint64_t)fi->size);
    }
    if (bits & ETAG_MTIME) {
        put_hex(buf, &pos, sizeof(buf), (apr_uint64_t)fi->mtime);
    }
    buf[pos++] = '"';
    return apr_pstrmemdup(r->pool, buf, pos);
}

/* Insert ";vlist" before the closing quote (mod_negotiation variants). */
static char *add_vlist(request_rec *r, char *etag, const char *vlist)
{
    apr_size_t len = strlen(etag);
    const char *v = vlist;
    apr_size_t vlen;

    if (len < 2 || etag[len - 1] != '"') {
        return etag;
    }
    if (*v == '"') {
        v++;
    }
    vlen = strlen(v);
    if (vlen && v[vlen - 1] == '"') {
        vlen--;
    }
    return apr_pstrcat(r->pool, apr_pstrmemdup(r->pool, etag, len - 1), ";",
                       apr_pstrmemdup(r->pool, v, vlen), "\"", NULL);
}

AP_DECLARE(char *) ap_make_etag_ex(request_rec *r, etag_rec *er)
{
    etag_components_t bits = etag_bits(r);
    int weak = er->force_weak;
    char *etag;

    if (bits & ETAG_NONE) {
        apr_table_setn(r->notes, "no-etag", "omit");
        return (char *)"";
    }
    if (!AP_REQUEST_IS_STRONG_ETAG(r) && er->finfo
        && er->request_time - er->finfo->mtime < apr_time_from_sec(1)) {
        weak = 1;
    }
    if (er->finfo && er->finfo->filetype != APR_NOFILE) {
        etag = file_etag(r, er, bits, weak);
    }
    else {
        etag = apr_psprintf(r->pool, "%s\"%" APR_UINT64_T_HEX_FMT "\"",
                            weak ? "W/" : "", (apr_uint64_t)r->mtime);
    }
    if (er->vlist_validator) {
        etag = add_vlist(r, etag, er->vlist_validator);
    }
    return etag;
}

AP_DECLARE(char *) ap_make_etag(request_rec *r, int force_weak)
{
    etag_rec er;

    er.vlist_validator = NULL;
    er.request_time = r->request_time;
    er.finfo = &r->finfo;
    er.pathname = r->filename;
    er.fd = NULL;
    er.force_weak = force_weak;
    return ap_make_etag_ex(r, &er);
}

static void set_etag(request_rec *r, apr_file_t *fd)
{
    etag_rec er;
    char *etag;

    er.vlist_validator = r->vlist_validator;
    er.request_time = r->request_time;
    er.finfo = &r->finfo;
    er.pathname = r->filename;
    er.fd = fd;
    er.force_weak = 0;
    etag = ap_make_etag_ex(r, &er);
    if (etag[0] != '\0') {
        apr_table_setn(r->headers_out, "ETag", etag);
    }
}

AP_DECLARE(void) ap_set_etag(request_rec *r)
{
    set_etag(r, NULL);
}

AP_DECLARE(void) ap_set_etag_fd(request_rec *r, apr_file_t *fd)
{
    set_etag(r, fd);
}
