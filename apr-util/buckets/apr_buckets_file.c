/*
 * FILE buckets: a segment of an open file, read on demand and shared by
 * the buckets split or copied from one another.
 *
 * A read turns the bucket into the data it read and, when more of the
 * segment is left, inserts a FILE bucket for the rest after it:
 *  - with mapping allowed (the default), a segment of APR_MMAP_THRESHOLD
 *    bytes or more is mapped in the read pool, APR_MMAP_LIMIT at most at a
 *    time, and the bucket becomes an MMAP bucket: no copy at all;
 *  - otherwise read_size bytes at most (APR_BUCKET_BUFF_SIZE unless
 *    apr_bucket_file_set_buf_size() said otherwise) are read into a buffer
 *    and the bucket becomes a HEAP bucket.
 * The file's pool, not the bucket, closes the file.
 */
#include "apr_buckets.h"

static void file_bucket_destroy(void *data)
{
    apr_bucket_file *f = data;

    if (apr_bucket_shared_destroy(f))
        apr_bucket_free(f);
}

#if APR_HAS_MMAP
/* Turns @a e into an MMAP bucket of the first APR_MMAP_LIMIT bytes at
 * most (splitting off the rest); 0 when mapping is off, not worth it or
 * failed, so that the caller reads instead. */
static int file_make_mmap(apr_bucket *e, apr_bucket_file *a)
{
    apr_size_t len = e->length;
    apr_mmap_t *mm;

    if (!a->can_mmap || len < APR_MMAP_THRESHOLD)
        return 0;
    if (len > APR_MMAP_LIMIT)
        len = APR_MMAP_LIMIT;
    if (apr_mmap_create(&mm, a->fd, e->start, len, APR_MMAP_READ,
                        a->readpool) != APR_SUCCESS)
        return 0;
    if (len < e->length && apr_bucket_split(e, len) != APR_SUCCESS) {
        apr_mmap_delete(mm);
        return 0;
    }
    if (apr_bucket_mmap_make(e, mm, 0, len) == NULL) {
        apr_mmap_delete(mm);
        return 0;
    }
    file_bucket_destroy(a);
    return 1;
}
#else
static int file_make_mmap(apr_bucket *e, apr_bucket_file *a)
{
    (void)e;
    (void)a;
    return 0;
}
#endif

/* APR's Unix files cannot be shared between threads when opened with
 * APR_FOPEN_XTHREAD on systems without native support: such a file is
 * reopened in the read pool first, as APR-util does. */
#if APR_HAS_THREADS && !APR_HAS_XTHREAD_FILES
static apr_status_t file_for_reading(apr_bucket_file *a)
{
    apr_int32_t flags = apr_file_flags_get(a->fd);
    const char *fname;
    apr_file_t *f;
    apr_status_t rv;

    if (!(flags & APR_FOPEN_XTHREAD))
        return APR_SUCCESS;
    rv = apr_file_name_get(&fname, a->fd);
    if (rv == APR_SUCCESS)
        rv = apr_file_open(&f, fname, flags & ~APR_FOPEN_XTHREAD, 0,
                           a->readpool);
    if (rv == APR_SUCCESS)
        a->fd = f;
    return rv;
}
#else
static apr_status_t file_for_reading(apr_bucket_file *a)
{
    (void)a;
    return APR_SUCCESS;
}
#endif

static apr_status_t file_bucket_read(apr_bucket *e, const char **str,
                                     apr_size_t *len, apr_read_type_e block)
{
    apr_bucket_file *a = e->data;
    apr_size_t left = e->length;
    apr_off_t offset = e->start;
    apr_bucket *rest;
    apr_status_t rv;
    char *buf;

    if (file_make_mmap(e, a))
        return apr_bucket_read(e, str, len, block);

    *str = NULL;
    rv = file_for_reading(a);
    if (rv != APR_SUCCESS)
        return rv;
    *len = left < a->read_size ? left : a->read_size;
    buf = apr_bucket_alloc(*len, e->list);
    if (buf == NULL)
        return APR_ENOMEM;
    rv = apr_file_seek(a->fd, APR_SET, &offset);
    if (rv == APR_SUCCESS)
        rv = apr_file_read(a->fd, buf, len);
    if (rv != APR_SUCCESS && rv != APR_EOF) {
        apr_bucket_free(buf);
        return rv;
    }
    left -= *len;

    /* What is left (unless the file ended early) keeps the shared data:
     * a new bucket structure on the same apr_bucket_file. */
    rest = NULL;
    if (left > 0 && rv != APR_EOF) {
        rest = apr_bucket_alloc(sizeof(*rest), e->list);
        if (rest == NULL) {
            apr_bucket_free(buf);
            return APR_ENOMEM;
        }
    }
    if (apr_bucket_heap_make(e, buf, *len, apr_bucket_free) == NULL) {
        if (rest)
            apr_bucket_free(rest);
        apr_bucket_free(buf);
        return APR_ENOMEM;
    }
    if (rest) {
        rest->type = &apr_bucket_type_file;
        rest->start = offset + (apr_off_t)*len;
        rest->length = left;
        rest->data = a;
        rest->free = apr_bucket_free;
        rest->list = e->list;
        APR_BUCKET_INSERT_AFTER(e, rest);
    }
    else {
        file_bucket_destroy(a);
    }
    *str = buf;
    return rv;
}

/* The file must stay open as long as @a reqpool. When its pool might go
 * first: a file only this bucket uses is moved to @a reqpool with
 * apr_file_setaside(); a file shared with other buckets is duplicated
 * into @a reqpool for this bucket alone (as APR-util 1.6.3 does), so the
 * others keep theirs. */
static apr_status_t file_bucket_setaside(apr_bucket *e, apr_pool_t *reqpool)
{
    apr_bucket_file *a = e->data, *mine;
    apr_file_t *fd = NULL;
    apr_status_t rv;

    if (apr_pool_is_ancestor(apr_file_pool_get(a->fd), reqpool))
        return APR_SUCCESS;
    if (a->refcount.refcount == 1) {
        rv = apr_file_setaside(&fd, a->fd, reqpool);
        if (rv != APR_SUCCESS)
            return rv;
        if (!apr_pool_is_ancestor(a->readpool, reqpool))
            a->readpool = reqpool;
        a->fd = fd;
        return APR_SUCCESS;
    }
    rv = apr_file_dup(&fd, a->fd, reqpool);
    if (rv != APR_SUCCESS)
        return rv;
    mine = apr_bucket_alloc(sizeof(*mine), e->list);
    if (mine == NULL)
        return APR_ENOMEM;
    *mine = *a;
    mine->refcount.refcount = 1;
    mine->fd = fd;
    mine->readpool = reqpool;
    a->refcount.refcount--;
    e->data = mine;
    return APR_SUCCESS;
}

APU_DECLARE(apr_bucket *) apr_bucket_file_make(apr_bucket *b, apr_file_t *fd,
                                               apr_off_t offset,
                                               apr_size_t len, apr_pool_t *p)
{
    apr_bucket_file *f = apr_bucket_alloc(sizeof(*f), b->list);

    if (f == NULL)
        return NULL;
    f->fd = fd;
    f->readpool = p;
#if APR_HAS_MMAP
    f->can_mmap = 1;
#endif
    f->read_size = APR_BUCKET_BUFF_SIZE;
    b = apr_bucket_shared_make(b, f, offset, len);
    b->type = &apr_bucket_type_file;
    return b;
}

APU_DECLARE(apr_bucket *) apr_bucket_file_create(apr_file_t *fd,
                                                 apr_off_t offset,
                                                 apr_size_t len, apr_pool_t *p,
                                                 apr_bucket_alloc_t *list)
{
    apr_bucket *b = apr_bucket_alloc(sizeof(*b), list);

    if (b == NULL)
        return NULL;
    APR_BUCKET_INIT(b);
    b->free = apr_bucket_free;
    b->list = list;
    if (apr_bucket_file_make(b, fd, offset, len, p) == NULL) {
        apr_bucket_free(b);
        return NULL;
    }
    return b;
}

#if APR_HAS_MMAP
APU_DECLARE(apr_status_t) apr_bucket_file_enable_mmap(apr_bucket *e,
                                                      int enabled)
{
    apr_bucket_file *a = e->data;

    a->can_mmap = enabled;
    return APR_SUCCESS;
}
#else
APU_DECLARE(apr_status_t) apr_bucket_file_enable_mmap(apr_bucket *e,
                                                      int enabled)
{
    (void)e;
    (void)enabled;
    return APR_ENOTIMPL;
}
#endif

APU_DECLARE(apr_status_t) apr_bucket_file_set_buf_size(apr_bucket *e,
                                                       apr_size_t size)
{
    apr_bucket_file *a = e->data;

    if (size <= APR_BUCKET_BUFF_SIZE) {
        a->read_size = APR_BUCKET_BUFF_SIZE;
    }
    else {
        /* As much as the allocator block for size can hold, no more
         * than asked. */
        apr_size_t floor = apr_bucket_alloc_aligned_floor(e->list, size);
        a->read_size = size < floor ? size : floor;
    }
    return APR_SUCCESS;
}

APU_DECLARE_DATA const apr_bucket_type_t apr_bucket_type_file = {
    "FILE", 5, APR_BUCKET_DATA,
    file_bucket_destroy,
    file_bucket_read,
    file_bucket_setaside,
    apr_bucket_shared_split,
    apr_bucket_shared_copy
};
