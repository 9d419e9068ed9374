/* util_cfg_getline.c: reading logical lines of configuration.
 *
 * A logical line is one or more physical lines, each but the last ending
 * in a backslash right before the newline (CR LF or LF).  The backslash and
 * the newline are removed, the next line is appended as it is.  Every
 * physical line counts in cfp->line_number, so errors name the last line
 * of a continued directive, as Apache does. */
#include <string.h>

#include "apr_lib.h"

#include "httpd.h"
#include "http_config.h"

#include "config_private.h"

/* Doubles the buffer up to its maximum, or says the line is too long. */
static apr_status_t linebuf_grow(ap__cfg_linebuf *lb)
{
    apr_size_t want;

    if (lb->grow == NULL || lb->size >= lb->max_len) {
        return APR_ENOSPC;
    }
    want = lb->size * 2;
    if (want > lb->max_len || want < lb->size) {
        want = lb->max_len;
    }
    return lb->grow(lb, want);
}

/* Reads characters one by one when the source has no getstr. */
static apr_status_t getch_chunk(ap_configfile_t *cfp, char *buf,
                                apr_size_t size, apr_size_t *got)
{
    apr_size_t n = 0;
    apr_status_t rv = APR_SUCCESS;

    while (n + 1 < size) {
        char c;

        rv = cfp->getch(&c, cfp->param);
        if (rv != APR_SUCCESS) {
            break;
        }
        buf[n++] = c;
        if (c == '\n') {
            break;
        }
    }
    buf[n] = '\0';
    *got = n;
    if (n > 0) {
        return APR_SUCCESS;
    }
    return rv == APR_SUCCESS ? APR_EOF : rv;
}

static apr_status_t read_chunk(ap_configfile_t *cfp, char *buf,
                               apr_size_t size, apr_size_t *got)
{
    apr_status_t rv;

    if (cfp->getstr == NULL) {
        return getch_chunk(cfp, buf, size, got);
    }
    buf[0] = '\0';
    rv = cfp->getstr(buf, size, cfp->param);
    buf[size - 1] = '\0';           /* never trust a custom source */
    *got = (rv == APR_SUCCESS) ? strlen(buf) : 0;
    return rv;
}

/* Appends one physical line at lb->buf + off; *end is its end.  An
 * embedded NUL ends the chunk early: the rest of that chunk is lost,
 * which is harmless and keeps the reader from looping. */
static apr_status_t read_physical(ap__cfg_linebuf *lb, ap_configfile_t *cfp,
                                  apr_size_t off, apr_size_t *end)
{
    apr_size_t pos = off;

    for (;;) {
        apr_size_t got;
        apr_status_t rv;

        if (lb->size - pos < 2) {
            lb->buf[pos] = '\0';
            rv = linebuf_grow(lb);
            if (rv != APR_SUCCESS) {
                *end = pos;
                return rv;
            }
        }
        rv = read_chunk(cfp, lb->buf + pos, lb->size - pos, &got);
        if (rv == APR_EOF) {
            lb->buf[pos] = '\0';
            *end = pos;
            return pos > off ? APR_SUCCESS : APR_EOF;
        }
        if (rv != APR_SUCCESS) {
            return rv;
        }
        pos += got;
        /* a chunk that did not fill the buffer is the whole line (the
         * last one of a file may lack its newline) */
        if (got == 0 || lb->buf[pos - 1] == '\n' || pos + 1 < lb->size) {
            *end = pos;
            return APR_SUCCESS;
        }
    }
}

/* Length of the line without its newline if it asks for continuation,
 * or 0 when it does not. */
static apr_size_t continued_at(const char *buf, apr_size_t end)
{
    if (end == 0 || buf[end - 1] != '\n') {
        return 0;
    }
    --end;
    if (end > 0 && buf[end - 1] == '\r') {
        --end;
    }
    if (end > 0 && buf[end - 1] == '\\') {
        return end;
    }
    return 0;
}

apr_status_t ap__cfg_getline_raw(ap__cfg_linebuf *lb, ap_configfile_t *cfp)
{
    apr_size_t off = 0;
    int joined = 0;

    if (lb->size < 2) {
        return APR_ENOSPC;
    }
    lb->buf[0] = '\0';
    for (;;) {
        apr_size_t end, cont;
        apr_status_t rv;

        ++cfp->line_number;
        rv = read_physical(lb, cfp, off, &end);
        if (rv == APR_EOF && joined) {
            lb->buf[off] = '\0';
            return APR_SUCCESS;
        }
        if (rv != APR_SUCCESS) {
            return rv;
        }
        cont = continued_at(lb->buf, end);
        if (cont == 0) {
            return APR_SUCCESS;
        }
        off = cont - 1;             /* drop the backslash too */
        lb->buf[off] = '\0';
        joined = 1;
    }
}

void ap__cfg_trim_line(char *buf)
{
    char *start = buf;
    apr_size_t len;

    while (apr_isspace(*start)) {
        ++start;
    }
    len = strlen(start);
    while (len > 0 && apr_isspace(start[len - 1])) {
        --len;
    }
    if (start != buf) {
        memmove(buf, start, len);
    }
    buf[len] = '\0';
}

AP_DECLARE(apr_status_t) ap_cfg_getline(char *buf, apr_size_t bufsize,
                                        ap_configfile_t *cfp)
{
    ap__cfg_linebuf lb;
    apr_status_t rv;

    lb.buf = buf;
    lb.size = bufsize;
    lb.max_len = bufsize;
    lb.grow = NULL;
    lb.ctx = NULL;
    rv = ap__cfg_getline_raw(&lb, cfp);
    if (rv == APR_SUCCESS) {
        ap__cfg_trim_line(buf);
    }
    return rv;
}
