/*
 * MMAP buckets: segments of a memory-mapped file, shared by the buckets
 * split or copied from one another. The last of them deletes the mapping.
 *
 * The mapping belongs to a pool, which may delete it first: a cleanup on
 * that pool then clears the pointer, and the buckets can only be
 * destroyed (reads and setasides return APR_EINVAL).
 */
#include "apr_buckets.h"

#if APR_HAS_MMAP

static apr_status_t mmap_bucket_read(apr_bucket *b, const char **str,
                                     apr_size_t *length, apr_read_type_e block)
{
    apr_bucket_mmap *m = b->data;
    void *addr;
    apr_status_t rv;

    (void)block;
    if (m->mmap == NULL)
        return APR_EINVAL;
    rv = apr_mmap_offset(&addr, m->mmap, b->start);
    if (rv != APR_SUCCESS)
        return rv;
    *str = addr;
    *length = b->length;
    return APR_SUCCESS;
}

static apr_status_t mmap_bucket_cleanup(void *data)
{
    apr_bucket_mmap *m = data;

    m->mmap = NULL;
    return APR_SUCCESS;
}

static void mmap_bucket_destroy(void *data)
{
    apr_bucket_mmap *m = data;

    if (!apr_bucket_shared_destroy(m))
        return;
    if (m->mmap) {
        apr_pool_cleanup_kill(m->mmap->cntxt, m, mmap_bucket_cleanup);
        apr_mmap_delete(m->mmap);
    }
    apr_bucket_free(m);
}

/* The mapping must live as long as @a p: when its pool might not, the
 * bucket moves to a duplicate of the mapping made in @a p. */
static apr_status_t mmap_bucket_setaside(apr_bucket *b, apr_pool_t *p)
{
    apr_bucket_mmap *m = b->data;
    apr_mmap_t *mm = m->mmap;
    apr_mmap_t *dup;
    apr_status_t rv;

    if (mm == NULL)
        return APR_EINVAL;
    if (apr_pool_is_ancestor(mm->cntxt, p))
        return APR_SUCCESS;
    rv = apr_mmap_dup(&dup, mm, p);
    if (rv != APR_SUCCESS)
        return rv;
    mmap_bucket_destroy(m);
    apr_bucket_mmap_make(b, dup, b->start, b->length);
    return APR_SUCCESS;
}

APU_DECLARE(apr_bucket *) apr_bucket_mmap_make(apr_bucket *b, apr_mmap_t *mm,
                                               apr_off_t start,
                                               apr_size_t length)
{
    apr_bucket_mmap *m = apr_bucket_alloc(sizeof(*m), b->list);

    if (m == NULL)
        return NULL;
    m->mmap = mm;
    apr_pool_cleanup_register(mm->cntxt, m, mmap_bucket_cleanup,
                              apr_pool_cleanup_null);
    b = apr_bucket_shared_make(b, m, start, length);
    b->type = &apr_bucket_type_mmap;
    return b;
}

APU_DECLARE(apr_bucket *) apr_bucket_mmap_create(apr_mmap_t *mm,
                                                 apr_off_t start,
                                                 apr_size_t length,
                                                 apr_bucket_alloc_t *list)
{
    apr_bucket *b = apr_bucket_alloc(sizeof(*b), list);

    if (b == NULL)
        return NULL;
    APR_BUCKET_INIT(b);
    b->free = apr_bucket_free;
    b->list = list;
    if (apr_bucket_mmap_make(b, mm, start, length) == NULL) {
        apr_bucket_free(b);
        return NULL;
    }
    return b;
}

APU_DECLARE_DATA const apr_bucket_type_t apr_bucket_type_mmap = {
    "MMAP", 5, APR_BUCKET_DATA,
    mmap_bucket_destroy,
    mmap_bucket_read,
    mmap_bucket_setaside,
    apr_bucket_shared_split,
    apr_bucket_shared_copy
};

#else
/* ISO C wants a translation unit to declare something. */
typedef int apu__no_mmap_buckets;
#endif /* APR_HAS_MMAP */
