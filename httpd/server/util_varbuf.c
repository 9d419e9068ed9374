/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * Growable buffers (util_varbuf.h). Up to VARBUF_SMALL bytes the buffer
 * lives in the pool; beyond, it is a node taken from the pool's allocator
 * so that growing again or ap_varbuf_free() gives the old block back at
 * once instead of leaving it in the pool until the pool is cleared.
 */
#include "util_private.h"
#include "util_varbuf.h"
#include "apr_allocator.h"
#include "apr_strings.h"

#define VARBUF_SMALL 2048
#define INFO_SIZE APR_ALIGN_DEFAULT(sizeof(struct ap_varbuf_info))
#define VARBUF_MAX (APR_SIZE_MAX - 1 - INFO_SIZE)

/* A large buffer's node and the allocator it came from. */
struct ap_varbuf_info {
    apr_memnode_t *node;
    apr_allocator_t *allocator;
};

/* The empty string an unallocated buffer points at (never written). */
static char varbuf_empty[1];

static apr_status_t varbuf_cleanup(void *data)
{
    struct ap_varbuf_info *info = data;

    info->node->next = NULL;
    apr_allocator_free(info->allocator, info->node);
    return APR_SUCCESS;
}

static void varbuf_oom(struct ap_varbuf *vb)
{
    apr_abortfunc_t abort_fn = apr_pool_abort_get(vb->pool);

    if (abort_fn)
        abort_fn(APR_ENOMEM);
    ap_abort_on_oom();
}

AP_DECLARE(void) ap_varbuf_init(apr_pool_t *p, struct ap_varbuf *vb,
                                apr_size_t init_size)
{
    vb->buf = varbuf_empty;
    vb->avail = 0;
    vb->strlen = AP_VARBUF_UNKNOWN;
    vb->pool = p;
    vb->info = NULL;
    ap_varbuf_grow(vb, init_size);
}

/* Bytes of the current content worth copying (with the NUL). */
static apr_size_t content_size(const struct ap_varbuf *vb)
{
    if (!vb->avail || vb->strlen == 0)
        return 0;
    return vb->strlen == AP_VARBUF_UNKNOWN ? vb->avail + 1 : vb->strlen + 1;
}

/* Take a large block from the allocator; returns its usable size. */
static char *alloc_large(struct ap_varbuf *vb, apr_size_t size,
                         struct ap_varbuf_info **pinfo, apr_size_t *got)
{
    apr_allocator_t *allocator = apr_pool_allocator_get(vb->pool);
    apr_memnode_t *node;
    struct ap_varbuf_info *info;

    if (allocator == NULL && apr_allocator_create(&allocator) != APR_SUCCESS)
        return NULL;
    node = apr_allocator_alloc(allocator, size + INFO_SIZE);
    if (node == NULL)
        return NULL;
    info = (struct ap_varbuf_info *)node->first_avail;
    node->first_avail += INFO_SIZE;
    info->node = node;
    info->allocator = allocator;
    *pinfo = info;
    *got = (apr_size_t)(node->endp - node->first_avail);
    return node->first_avail;
}

AP_DECLARE(void) ap_varbuf_grow(struct ap_varbuf *vb, apr_size_t new_len)
{
    struct ap_varbuf_info *info = NULL;
    apr_size_t copy = content_size(vb);
    apr_size_t size;
    char *buf;

    if (new_len <= vb->avail)
        return;
    if (new_len > VARBUF_MAX) {
        varbuf_oom(vb);
        return;
    }
    /* at least double, so that appending is amortised O(1) */
    if (new_len < 2 * vb->avail && vb->avail < VARBUF_MAX / 2)
        new_len = 2 * vb->avail;
    size = new_len + 1; /* the NUL */
    if (size <= VARBUF_SMALL) {
        size = APR_ALIGN_DEFAULT(size);
        buf = apr_palloc(vb->pool, size);
    }
    else if ((buf = alloc_large(vb, size, &info, &size)) == NULL) {
        varbuf_oom(vb);
        return;
    }
    if (copy)
        memcpy(buf, vb->buf, copy);
    else
        *buf = '\0';
    if (vb->info) /* the old large block is not needed any more */
        apr_pool_cleanup_run(vb->pool, vb->info, varbuf_cleanup);
    if (info)
        apr_pool_cleanup_register(vb->pool, info, varbuf_cleanup,
                                  apr_pool_cleanup_null);
    vb->info = info;
    vb->buf = buf;
    vb->avail = size - 1;
}

AP_DECLARE(void) ap_varbuf_free(struct ap_varbuf *vb)
{
    if (vb->info) {
        apr_pool_cleanup_run(vb->pool, vb->info, varbuf_cleanup);
        vb->info = NULL;
    }
    vb->buf = NULL;
    vb->avail = 0;
}

/* Make strlen known. */
static void varbuf_sync_len(struct ap_varbuf *vb)
{
    if (vb->strlen == AP_VARBUF_UNKNOWN)
        vb->strlen = vb->avail ? strlen(vb->buf) : 0;
}

AP_DECLARE(void) ap_varbuf_strmemcat(struct ap_varbuf *vb, const char *str,
                                     int len)
{
    apr_size_t n = len < 0 ? strlen(str) : (apr_size_t)len;

    if (n == 0)
        return;
    varbuf_sync_len(vb);
    ap_varbuf_grow(vb, vb->strlen + n);
    memcpy(vb->buf + vb->strlen, str, n);
    vb->strlen += n;
    vb->buf[vb->strlen] = '\0';
}

AP_DECLARE(char *) ap_varbuf_pdup(apr_pool_t *p, struct ap_varbuf *vb,
                                  const char *prepend, apr_size_t prepend_len,
                                  const char *append, apr_size_t append_len,
                                  apr_size_t *new_len)
{
    apr_size_t mid, total;
    char *out, *d;

    varbuf_sync_len(vb);
    mid = vb->avail ? vb->strlen : 0;
    if (!prepend)
        prepend_len = 0;
    if (!append)
        append_len = 0;
    total = prepend_len + mid + append_len;
    out = d = apr_palloc(p, total + 1);
    memcpy(d, prepend ? prepend : "", prepend_len);
    d += prepend_len;
    if (mid)
        memcpy(d, vb->buf, mid);
    d += mid;
    memcpy(d, append ? append : "", append_len);
    out[total] = '\0';
    if (new_len)
        *new_len = total;
    return out;
}

AP_DECLARE(apr_status_t) ap_varbuf_regsub(struct ap_varbuf *vb,
                                          const char *input,
                                          const char *source,
                                          apr_size_t nmatch,
                                          ap_regmatch_t pmatch[],
                                          apr_size_t maxlen)
{
    apr_size_t len;
    apr_status_t rv;

    rv = ap__regsub(NULL, &len, input, source, nmatch, pmatch, maxlen);
    if (rv != APR_SUCCESS)
        return rv;
    varbuf_sync_len(vb);
    ap_varbuf_grow(vb, vb->strlen + len);
    rv = ap__regsub(vb->buf + vb->strlen, &len, input, source, nmatch,
                    pmatch, maxlen);
    if (rv == APR_SUCCESS)
        vb->strlen += len;
    return rv;
}

/* Read more of the current physical line into the buffer's free space.
 * Returns APR_EOF only if nothing at all was read. */
static apr_status_t cfg_read_more(struct ap_varbuf *vb, ap_configfile_t *cfp)
{
    char *dst = vb->buf + vb->strlen;
    apr_size_t room = vb->avail - vb->strlen + 1; /* with the NUL */
    apr_status_t rv;

    if (cfp->getstr) {
        rv = cfp->getstr(dst, room, cfp->param);
        if (rv == APR_SUCCESS)
            vb->strlen += strlen(dst);
        return rv;
    }
    while (room > 1) { /* character by character */
        char ch;

        rv = cfp->getch(&ch, cfp->param);
        if (rv != APR_SUCCESS)
            return (rv == APR_EOF && dst != vb->buf + vb->strlen)
                   ? APR_SUCCESS : rv;
        *dst++ = ch;
        vb->strlen++;
        room--;
        if (ch == '\n')
            break;
    }
    *dst = '\0';
    return APR_SUCCESS;
}

/* Remove leading and trailing white space in place; returns the length. */
static apr_size_t trim_line(char *buf, apr_size_t len)
{
    apr_size_t start = 0;

    while (len && apr_isspace(buf[len - 1]))
        len--;
    while (start < len && apr_isspace(buf[start]))
        start++;
    memmove(buf, buf + start, len - start);
    buf[len - start] = '\0';
    return len - start;
}

/* After reading up to a newline: drop it (and a CR); if a backslash
 * precedes it, drop that too and report that the line continues. */
static int strip_newline(struct ap_varbuf *vb)
{
    char *b = vb->buf;
    apr_size_t n = vb->strlen;

    n--; /* the '\n' */
    if (n && b[n - 1] == '\r')
        n--;
    vb->strlen = n;
    b[n] = '\0';
    if (n && b[n - 1] == '\\') {
        vb->strlen = n - 1;
        b[n - 1] = '\0';
        return 1;
    }
    return 0;
}

AP_DECLARE(apr_status_t) ap_varbuf_cfg_getline(struct ap_varbuf *vb,
                                               ap_configfile_t *cfp,
                                               apr_size_t max_len)
{
    apr_status_t rv;
    int any = 0;

    if (vb->avail < 3)
        ap_varbuf_grow(vb, max_len < 80 ? (max_len < 3 ? 3 : max_len) : 80);
    vb->strlen = 0;
    vb->buf[0] = '\0';
    for (;;) {
        rv = cfg_read_more(vb, cfp);
        if (rv == APR_EOF && any) {
            cfp->line_number++; /* last line, without a newline */
            break;
        }
        if (rv != APR_SUCCESS)
            return rv;
        any = 1;
        if (vb->strlen && vb->buf[vb->strlen - 1] == '\n') {
            cfp->line_number++;
            if (!strip_newline(vb))
                break;
            continue; /* continuation line */
        }
        if (vb->strlen < vb->avail) /* short read without newline: end */
            continue;
        if (vb->avail >= max_len)
            return APR_ENOSPC;
        ap_varbuf_grow(vb, vb->avail * 2 > max_len ? max_len : vb->avail * 2);
    }
    if (vb->strlen > max_len)
        return APR_ENOSPC;
    vb->strlen = trim_line(vb->buf, vb->strlen);
    return APR_SUCCESS;
}
