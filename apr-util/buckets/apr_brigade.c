/*
 * Brigades: creating, emptying, splitting, measuring, flattening and
 * writing to rings of buckets.
 *
 * The writers (apr_brigade_write and the functions built on it) keep
 * small writes cheap: bytes are copied into the free room of the
 * brigade's last HEAP bucket while it is not shared, otherwise into a new
 * APR_BUCKET_BUFF_SIZE buffer from the bucket allocator, so a response
 * written in small pieces becomes a few 8000-byte buckets and no
 * allocation happens per call. A write that does not fit is handed to the
 * flush function as a TRANSIENT bucket (no copy); without one, it goes to
 * a new buffer, or when larger than a buffer to a HEAP bucket of its own.
 */
#include <string.h>

#include "apr_buckets.h"
#include "apr_lib.h"

/* apr_brigade_insert_file() cuts segments into buckets of this size where
 * apr_size_t is narrower than apr_off_t (APR-util's limit). */
#define INSERT_FILE_MAX ((apr_off_t)1 << 30)

static apr_status_t brigade_cleanup(void *data)
{
    return apr_brigade_cleanup(data);
}

APU_DECLARE(apr_status_t) apr_brigade_cleanup(void *data)
{
    apr_bucket_brigade *b = data;

    while (!APR_BRIGADE_EMPTY(b)) {
        apr_bucket *e = APR_BRIGADE_FIRST(b);
        apr_bucket_delete(e);
    }
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_brigade_destroy(apr_bucket_brigade *b)
{
    apr_pool_cleanup_kill(b->p, b, brigade_cleanup);
    return apr_brigade_cleanup(b);
}

APU_DECLARE(apr_bucket_brigade *) apr_brigade_create(apr_pool_t *p,
                                                     apr_bucket_alloc_t *list)
{
    apr_bucket_brigade *b = apr_palloc(p, sizeof(*b));

    b->p = p;
    b->bucket_alloc = list;
    APR_RING_INIT(&b->list, apr_bucket, link);
    apr_pool_cleanup_register(p, b, brigade_cleanup, apr_pool_cleanup_null);
    return b;
}

APU_DECLARE(apr_bucket_brigade *) apr_brigade_split_ex(apr_bucket_brigade *b,
                                                       apr_bucket *e,
                                                       apr_bucket_brigade *a)
{
    if (a == NULL)
        a = apr_brigade_create(b->p, b->bucket_alloc);
    else if (!APR_BRIGADE_EMPTY(a))
        apr_brigade_cleanup(a);

    if (e != APR_BRIGADE_SENTINEL(b)) {
        apr_bucket *last = APR_BRIGADE_LAST(b);

        APR_RING_UNSPLICE(e, last, link);
        APR_RING_SPLICE_HEAD(&a->list, e, last, apr_bucket, link);
    }
    APR_BRIGADE_CHECK_CONSISTENCY(a);
    APR_BRIGADE_CHECK_CONSISTENCY(b);
    return a;
}

APU_DECLARE(apr_bucket_brigade *) apr_brigade_split(apr_bucket_brigade *b,
                                                    apr_bucket *e)
{
    return apr_brigade_split_ex(b, e, NULL);
}

/* Splits bucket @a e, which holds offset @a point (or has unknown
 * length), at that offset; a type that cannot split is read first (which
 * gives it a known length, and maybe a new type that can). */
static apr_status_t partition_bucket(apr_bucket *e, apr_uint64_t point,
                                     apr_bucket **after_point, int *done)
{
    const char *s;
    apr_size_t len;
    apr_status_t rv;

    *done = 1;
    rv = apr_bucket_split(e, (apr_size_t)point);
    if (rv != APR_ENOTIMPL) {
        *after_point = APR_BUCKET_NEXT(e);
        return rv;
    }
    rv = apr_bucket_read(e, &s, &len, APR_BLOCK_READ);
    if (rv != APR_SUCCESS) {
        *after_point = e;
        return rv;
    }
    if (point < (apr_uint64_t)e->length) {
        rv = apr_bucket_split(e, (apr_size_t)point);
        *after_point = APR_BUCKET_NEXT(e);
        return rv;
    }
    *done = 0;   /* the read bucket ends before (or at) the point */
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_brigade_partition(apr_bucket_brigade *b,
                                                apr_off_t point,
                                                apr_bucket **after_point)
{
    apr_uint64_t left;
    apr_bucket *e;
    apr_status_t rv;

    if (point < 0)
        return APR_EINVAL;
    if (point == 0) {
        *after_point = APR_BRIGADE_FIRST(b);
        return APR_SUCCESS;
    }
    left = (apr_uint64_t)point;
    APR_BRIGADE_CHECK_CONSISTENCY(b);

    for (e = APR_BRIGADE_FIRST(b); e != APR_BRIGADE_SENTINEL(b);
         e = APR_BUCKET_NEXT(e)) {
        int unknown = e->length == (apr_size_t)-1;

        if (unknown && left > (apr_uint64_t)APR_SIZE_MAX) {
            /* Too far to split here: learn this bucket's length. */
            const char *s;
            apr_size_t len;

            rv = apr_bucket_read(e, &s, &len, APR_BLOCK_READ);
            if (rv != APR_SUCCESS) {
                *after_point = e;
                return rv;
            }
        }
        else if (unknown || left < (apr_uint64_t)e->length) {
            int done;

            rv = partition_bucket(e, left, after_point, &done);
            if (done)
                return rv;
        }
        if (left == (apr_uint64_t)e->length) {
            *after_point = APR_BUCKET_NEXT(e);
            return APR_SUCCESS;
        }
        left -= (apr_uint64_t)e->length;
    }
    *after_point = APR_BRIGADE_SENTINEL(b);
    return APR_INCOMPLETE;
}

APU_DECLARE(apr_status_t) apr_brigade_length(apr_bucket_brigade *bb,
                                             int read_all,
                                             apr_off_t *length)
{
    apr_off_t total = 0;
    apr_status_t rv = APR_SUCCESS;
    apr_bucket *e;

    for (e = APR_BRIGADE_FIRST(bb); e != APR_BRIGADE_SENTINEL(bb);
         e = APR_BUCKET_NEXT(e)) {
        if (e->length == (apr_size_t)-1) {
            const char *s;
            apr_size_t len;

            if (!read_all) {
                total = -1;
                break;
            }
            rv = apr_bucket_read(e, &s, &len, APR_BLOCK_READ);
            if (rv != APR_SUCCESS)
                break;
        }
        total += (apr_off_t)e->length;
    }
    *length = total;
    return rv;
}

APU_DECLARE(apr_status_t) apr_brigade_flatten(apr_bucket_brigade *bb,
                                              char *c, apr_size_t *len)
{
    apr_size_t room = *len, done = 0;
    apr_bucket *e;

    for (e = APR_BRIGADE_FIRST(bb);
         e != APR_BRIGADE_SENTINEL(bb) && done < room;
         e = APR_BUCKET_NEXT(e)) {
        const char *s;
        apr_size_t n;
        apr_status_t rv = apr_bucket_read(e, &s, &n, APR_BLOCK_READ);

        if (rv != APR_SUCCESS)
            return rv;
        if (n > room - done)
            n = room - done;
        if (n)
            memcpy(c + done, s, n);
        done += n;
    }
    *len = done;
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_brigade_pflatten(apr_bucket_brigade *bb,
                                               char **c, apr_size_t *len,
                                               apr_pool_t *pool)
{
    apr_off_t total;
    apr_size_t n;
    apr_status_t rv;

    rv = apr_brigade_length(bb, 1, &total);
    if (rv != APR_SUCCESS)
        return rv;
    if ((apr_uint64_t)total > (apr_uint64_t)APR_SIZE_MAX)
        return APR_ENOMEM;
    n = (apr_size_t)total;
    *c = apr_palloc(pool, n);
    rv = apr_brigade_flatten(bb, *c, &n);
    if (rv != APR_SUCCESS)
        return rv;
    *len = n;
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_brigade_split_line(apr_bucket_brigade *bbOut,
                                                 apr_bucket_brigade *bbIn,
                                                 apr_read_type_e block,
                                                 apr_off_t maxbytes)
{
    apr_off_t seen = 0;

    while (!APR_BRIGADE_EMPTY(bbIn)) {
        apr_bucket *e = APR_BRIGADE_FIRST(bbIn);
        const char *str, *lf;
        apr_size_t len;
        apr_status_t rv;

        rv = apr_bucket_read(e, &str, &len, block);
        if (rv != APR_SUCCESS)
            return rv;
        lf = len ? memchr(str, APR_ASCII_LF, len) : NULL;
        if (lf) {
            /* Split just after the LF: the head is the end of the line. */
            rv = apr_bucket_split(e, (apr_size_t)(lf - str) + 1);
            if (rv != APR_SUCCESS)
                return rv;
            APR_BUCKET_REMOVE(e);
            APR_BRIGADE_INSERT_TAIL(bbOut, e);
            return APR_SUCCESS;
        }
        APR_BUCKET_REMOVE(e);
        if (APR_BUCKET_IS_METADATA(e) || len > APR_BUCKET_BUFF_SIZE / 4) {
            APR_BRIGADE_INSERT_TAIL(bbOut, e);
        }
        else {
            /* Small pieces (a line arriving a few bytes at a time) are
             * gathered into one heap buffer rather than kept as buckets. */
            if (len) {
                rv = apr_brigade_write(bbOut, NULL, NULL, str, len);
                if (rv != APR_SUCCESS) {
                    APR_BRIGADE_INSERT_HEAD(bbIn, e);
                    return rv;
                }
            }
            apr_bucket_destroy(e);
        }
        seen += (apr_off_t)len;
        if (seen >= maxbytes)
            break;
    }
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_brigade_to_iovec(apr_bucket_brigade *b,
                                               struct iovec *vec, int *nvec)
{
    int n = 0;
    apr_bucket *e;

    for (e = APR_BRIGADE_FIRST(b);
         e != APR_BRIGADE_SENTINEL(b) && n < *nvec;
         e = APR_BUCKET_NEXT(e)) {
        const char *s;
        apr_size_t len;
        apr_status_t rv = apr_bucket_read(e, &s, &len, APR_NONBLOCK_READ);

        if (rv != APR_SUCCESS)
            return rv;
        vec[n].iov_base = (void *)(apr_uintptr_t)s;
        vec[n].iov_len = len;
        n++;
    }
    *nvec = n;
    return APR_SUCCESS;
}

/* The free room at the end of the brigade's last bucket, if that is an
 * unshared HEAP bucket; NULL (and 0) otherwise. */
static char *tail_room(apr_bucket_brigade *b, apr_size_t *room)
{
    apr_bucket *e = APR_BRIGADE_LAST(b);
    apr_bucket_heap *h;
    apr_size_t used;

    *room = 0;
    if (APR_BRIGADE_EMPTY(b) || !APR_BUCKET_IS_HEAP(e))
        return NULL;
    h = e->data;
    if (h->refcount.refcount != 1)
        return NULL;
    /* A heap bucket's start is an offset in memory: it fits a size_t. */
    used = (apr_size_t)e->start + e->length;
    *room = h->alloc_len - used;
    return h->base + used;
}

/* Appends an empty HEAP bucket over a new APR_BUCKET_BUFF_SIZE buffer,
 * returning the buffer (NULL when out of memory). */
static char *new_buffer(apr_bucket_brigade *b)
{
    char *buf = apr_bucket_alloc(APR_BUCKET_BUFF_SIZE, b->bucket_alloc);
    apr_bucket *e;

    if (buf == NULL)
        return NULL;
    e = apr_bucket_heap_create(buf, APR_BUCKET_BUFF_SIZE, apr_bucket_free,
                               b->bucket_alloc);
    if (e == NULL) {
        apr_bucket_free(buf);
        return NULL;
    }
    e->length = 0;
    APR_BRIGADE_INSERT_TAIL(b, e);
    return buf;
}

/* Appends @a str without copying when a flush function takes it now,
 * else as a copy in a HEAP bucket of its own. */
static apr_status_t write_large(apr_bucket_brigade *b,
                                apr_brigade_flush flush, void *ctx,
                                const char *str, apr_size_t nbyte)
{
    apr_bucket *e;

    if (flush)
        e = apr_bucket_transient_create(str, nbyte, b->bucket_alloc);
    else
        e = apr_bucket_heap_create(str, nbyte, NULL, b->bucket_alloc);
    if (e == NULL)
        return APR_ENOMEM;
    APR_BRIGADE_INSERT_TAIL(b, e);
    return flush ? flush(b, ctx) : APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_brigade_write(apr_bucket_brigade *b,
                                            apr_brigade_flush flush, void *ctx,
                                            const char *str, apr_size_t nbyte)
{
    apr_size_t room;
    char *buf = tail_room(b, &room);

    if (buf == NULL)
        room = APR_BUCKET_BUFF_SIZE;   /* what a new buffer would hold */
    if (nbyte > room) {
        /* Without a flush function, APR-util copies a write that misses
         * the room left into a bucket of its exact size, so that every
         * later small write gets a bucket of its own too. A new buffer
         * keeps them gathered (only the bucket shapes differ). */
        if (flush || nbyte > APR_BUCKET_BUFF_SIZE)
            return write_large(b, flush, ctx, str, nbyte);
        buf = NULL;
    }
    if (buf == NULL && (buf = new_buffer(b)) == NULL)
        return APR_ENOMEM;
    if (nbyte)
        memcpy(buf, str, nbyte);
    APR_BRIGADE_LAST(b)->length += nbyte;
    return APR_SUCCESS;
}

/* Copies the buffers vec[*i], vec[*i + 1], ... that fit whole into the
 * @a room bytes at @a buf; returns the bytes copied, advancing *i. */
static apr_size_t copy_vecs(char *buf, apr_size_t room,
                            const struct iovec *vec, apr_size_t nvec,
                            apr_size_t *i)
{
    apr_size_t done = 0;

    for (; *i < nvec && vec[*i].iov_len <= room - done; (*i)++) {
        if (vec[*i].iov_len)
            memcpy(buf + done, vec[*i].iov_base, vec[*i].iov_len);
        done += vec[*i].iov_len;
    }
    return done;
}

APU_DECLARE(apr_status_t) apr_brigade_writev(apr_bucket_brigade *b,
                                             apr_brigade_flush flush,
                                             void *ctx,
                                             const struct iovec *vec,
                                             apr_size_t nvec)
{
    apr_size_t total = 0, i = 0, room;
    apr_status_t rv;
    char *buf;

    for (i = 0; i < nvec; i++)
        total += vec[i].iov_len;

    if (total > APR_BUCKET_BUFF_SIZE) {
        /* Too much to gather: one bucket per buffer, as in write(). */
        for (i = 0; i < nvec; i++) {
            apr_bucket *e = flush
                ? apr_bucket_transient_create(vec[i].iov_base,
                                              vec[i].iov_len, b->bucket_alloc)
                : apr_bucket_heap_create(vec[i].iov_base, vec[i].iov_len,
                                         NULL, b->bucket_alloc);
            if (e == NULL)
                return APR_ENOMEM;
            APR_BRIGADE_INSERT_TAIL(b, e);
        }
        return flush ? flush(b, ctx) : APR_SUCCESS;
    }

    i = 0;
    buf = tail_room(b, &room);
    if (buf) {
        /* Fill the last heap bucket with the buffers that fit whole; the
         * rest (under APR_BUCKET_BUFF_SIZE) goes to one new buffer, after
         * the brigade so far was flushed. */
        apr_size_t done = copy_vecs(buf, room, vec, nvec, &i);

        APR_BRIGADE_LAST(b)->length += done;
        if (i == nvec)
            return APR_SUCCESS;
        if (flush && (rv = flush(b, ctx)) != APR_SUCCESS)
            return rv;
    }
    buf = new_buffer(b);
    if (buf == NULL)
        return APR_ENOMEM;
    APR_BRIGADE_LAST(b)->length = copy_vecs(buf, APR_BUCKET_BUFF_SIZE, vec,
                                            nvec, &i);
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_brigade_putc(apr_bucket_brigade *b,
                                           apr_brigade_flush flush, void *ctx,
                                           const char c)
{
    return apr_brigade_write(b, flush, ctx, &c, 1);
}

APU_DECLARE(apr_status_t) apr_brigade_puts(apr_bucket_brigade *bb,
                                           apr_brigade_flush flush, void *ctx,
                                           const char *str)
{
    return apr_brigade_write(bb, flush, ctx, str, strlen(str));
}

APU_DECLARE(apr_status_t) apr_brigade_vputstrs(apr_bucket_brigade *b,
                                               apr_brigade_flush flush,
                                               void *ctx, va_list va)
{
    const char *s;

    while ((s = va_arg(va, const char *)) != NULL) {
        apr_status_t rv = apr_brigade_write(b, flush, ctx, s, strlen(s));

        if (rv != APR_SUCCESS)
            return rv;
    }
    return APR_SUCCESS;
}

APU_DECLARE_NONSTD(apr_status_t) apr_brigade_putstrs(apr_bucket_brigade *b,
                                                     apr_brigade_flush flush,
                                                     void *ctx, ...)
{
    va_list va;
    apr_status_t rv;

    va_start(va, ctx);
    rv = apr_brigade_vputstrs(b, flush, ctx, va);
    va_end(va);
    return rv;
}

/* apr_vformatter() output goes to a stack buffer, written to the brigade
 * each time it fills and once at the end. */
typedef struct {
    apr_vformatter_buff_t vbuff;    /* first: the formatter's view */
    apr_bucket_brigade *b;
    apr_brigade_flush flush;
    void *ctx;
    char *buf;
    apr_status_t rv;                /* the write's error, if any */
} vprintf_data;

static int vprintf_flush(apr_vformatter_buff_t *vbuff)
{
    vprintf_data *vd = (vprintf_data *)(void *)vbuff;

    vd->rv = apr_brigade_write(vd->b, vd->flush, vd->ctx, vd->buf,
                               (apr_size_t)(vbuff->curpos - vd->buf));
    if (vd->rv != APR_SUCCESS)
        return -1;
    vbuff->curpos = vd->buf;
    return 0;
}

APU_DECLARE(apr_status_t) apr_brigade_vprintf(apr_bucket_brigade *b,
                                              apr_brigade_flush flush,
                                              void *ctx,
                                              const char *fmt, va_list va)
{
    char buf[APR_BUCKET_BUFF_SIZE];
    vprintf_data vd;

    vd.vbuff.curpos = buf;
    vd.vbuff.endpos = buf + sizeof(buf);
    vd.b = b;
    vd.flush = flush;
    vd.ctx = ctx;
    vd.buf = buf;
    vd.rv = APR_SUCCESS;
    /* APR-util returns -1 when a write fails; the write's own status says
     * more (and is what the documentation promises). */
    if (apr_vformatter(vprintf_flush, &vd.vbuff, fmt, va) < 0)
        return vd.rv != APR_SUCCESS ? vd.rv : APR_EGENERAL;
    return apr_brigade_write(b, flush, ctx, buf,
                             (apr_size_t)(vd.vbuff.curpos - buf));
}

APU_DECLARE_NONSTD(apr_status_t) apr_brigade_printf(apr_bucket_brigade *b,
                                                    apr_brigade_flush flush,
                                                    void *ctx,
                                                    const char *fmt, ...)
{
    va_list va;
    apr_status_t rv;

    va_start(va, fmt);
    rv = apr_brigade_vprintf(b, flush, ctx, fmt, va);
    va_end(va);
    return rv;
}

APU_DECLARE(apr_bucket *) apr_brigade_insert_file(apr_bucket_brigade *bb,
                                                  apr_file_t *f,
                                                  apr_off_t start,
                                                  apr_off_t length,
                                                  apr_pool_t *p)
{
    apr_bucket *e;

    if (sizeof(apr_off_t) == sizeof(apr_size_t) || length < INSERT_FILE_MAX) {
        e = apr_bucket_file_create(f, start, (apr_size_t)length, p,
                                   bb->bucket_alloc);
        APR_BRIGADE_INSERT_TAIL(bb, e);
        return e;
    }
    /* apr_size_t cannot hold the length: copies of one bucket (sharing the
     * file) cover INSERT_FILE_MAX bytes each, the last the remainder. */
    e = apr_bucket_file_create(f, start, (apr_size_t)INSERT_FILE_MAX, p,
                               bb->bucket_alloc);
    while (length > INSERT_FILE_MAX) {
        apr_bucket *ce;

        apr_bucket_copy(e, &ce);
        APR_BRIGADE_INSERT_TAIL(bb, ce);
        e->start += INSERT_FILE_MAX;
        length -= INSERT_FILE_MAX;
    }
    e->length = (apr_size_t)length;
    APR_BRIGADE_INSERT_TAIL(bb, e);
    return e;
}
