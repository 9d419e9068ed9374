/*
 * apr_rmm.c: an allocator whose every byte of state lives in the managed
 * block, named by offsets so that processes mapping it at different
 * addresses agree.
 *
 * Layout (all offsets from the block's start; 0 means "none"):
 *   [hdr: abssize, firstused, firstfree] [blk][data] [blk][data] ...
 * Each blk carries its total size (header included) and prev/next offsets
 * in one of two lists, used or free, each kept sorted by offset so that a
 * freed block can be merged with free neighbours. Allocation is best fit,
 * splitting the chosen free block when the rest is worth a header. This is
 * the layout APR-util uses, so the offsets handed out are the same.
 */
#include <string.h>

#include "apr_rmm.h"

typedef struct {
    apr_size_t abssize;
    apr_rmm_off_t firstused;
    apr_rmm_off_t firstfree;
} rmm_hdr_t;

typedef struct {
    apr_size_t size;
    apr_rmm_off_t prev;
    apr_rmm_off_t next;
} rmm_blk_t;

#define HDR_SIZE APR_ALIGN_DEFAULT(sizeof(rmm_hdr_t))
#define BLK_SIZE APR_ALIGN_DEFAULT(sizeof(rmm_blk_t))

struct apr_rmm_t {
    apr_pool_t *p;
    rmm_hdr_t *base;
    apr_size_t size;
    apr_anylock_t lock;
};

#define BLK(rmm, off) ((rmm_blk_t *)((char *)(rmm)->base + (off)))

/* Best-fit free block of at least `size` bytes, split if worthwhile. */
static apr_rmm_off_t find_free(apr_rmm_t *rmm, apr_size_t size)
{
    apr_rmm_off_t off = rmm->base->firstfree, best = 0;
    apr_size_t bestsize = 0;

    while (off) {
        rmm_blk_t *blk = BLK(rmm, off);

        if (blk->size == size)
            return off;
        if (blk->size > size && (!bestsize || blk->size < bestsize)) {
            bestsize = blk->size;
            best = off;
        }
        off = blk->next;
    }
    if (best && bestsize > BLK_SIZE + size) {
        rmm_blk_t *blk = BLK(rmm, best);
        rmm_blk_t *rest = BLK(rmm, best + size);

        rest->size = blk->size - size;
        rest->next = blk->next;
        rest->prev = best;
        blk->size = size;
        blk->next = best + size;
        if (rest->next)
            BLK(rmm, rest->next)->prev = best + size;
    }
    return best;
}

/* Take block `off` out of its list and put it, sorted, in the other one;
 * into the free list it is merged with adjacent free blocks. */
static void move_block(apr_rmm_t *rmm, apr_rmm_off_t off, int to_free)
{
    rmm_blk_t *blk = BLK(rmm, off);
    apr_rmm_off_t *head = to_free ? &rmm->base->firstfree
                                  : &rmm->base->firstused;
    apr_rmm_off_t prev = 0, next = *head;

    /* unlink */
    if (blk->prev)
        BLK(rmm, blk->prev)->next = blk->next;
    else if (to_free)
        rmm->base->firstused = blk->next;
    else
        rmm->base->firstfree = blk->next;
    if (blk->next)
        BLK(rmm, blk->next)->prev = blk->prev;

    /* find the neighbours by offset in the target list */
    while (next && next < off) {
        prev = next;
        next = BLK(rmm, next)->next;
    }
    blk->prev = prev;
    blk->next = next;
    if (prev)
        BLK(rmm, prev)->next = off;
    else
        *head = off;
    if (next)
        BLK(rmm, next)->prev = off;
    if (!to_free)
        return;

    if (next && off + blk->size == next) {     /* merge the next one in */
        rmm_blk_t *nb = BLK(rmm, next);

        blk->size += nb->size;
        blk->next = nb->next;
        if (nb->next)
            BLK(rmm, nb->next)->prev = off;
    }
    if (prev && prev + BLK(rmm, prev)->size == off) {  /* join previous */
        rmm_blk_t *pb = BLK(rmm, prev);

        pb->size += blk->size;
        pb->next = blk->next;
        if (blk->next)
            BLK(rmm, blk->next)->prev = prev;
    }
}

APU_DECLARE(apr_status_t) apr_rmm_init(apr_rmm_t **rmm, apr_anylock_t *lock,
                                       void *membuf, apr_size_t memsize,
                                       apr_pool_t *cont)
{
    apr_rmm_t *r;
    rmm_blk_t *blk;
    apr_status_t rv;

    if (memsize < HDR_SIZE + BLK_SIZE)
        return APR_EINVAL;
    r = apr_pcalloc(cont, sizeof(*r));
    r->p = cont;
    r->base = membuf;
    r->size = memsize;
    if (lock)
        r->lock = *lock;
    else
        r->lock.type = apr_anylock_none;
    if ((rv = APR_ANYLOCK_LOCK(&r->lock)) != APR_SUCCESS)
        return rv;
    r->base->abssize = memsize;
    r->base->firstused = 0;
    r->base->firstfree = HDR_SIZE;
    blk = BLK(r, HDR_SIZE);
    blk->size = memsize - HDR_SIZE;
    blk->prev = 0;
    blk->next = 0;
    *rmm = r;
    return APR_ANYLOCK_UNLOCK(&r->lock);
}

APU_DECLARE(apr_status_t) apr_rmm_destroy(apr_rmm_t *rmm)
{
    apr_status_t rv;

    if ((rv = APR_ANYLOCK_LOCK(&rmm->lock)) != APR_SUCCESS)
        return rv;
    rmm->base->abssize = 0;
    rmm->base->firstused = 0;
    rmm->base->firstfree = 0;
    rmm->size = 0;
    return APR_ANYLOCK_UNLOCK(&rmm->lock);
}

APU_DECLARE(apr_status_t) apr_rmm_attach(apr_rmm_t **rmm, apr_anylock_t *lock,
                                         void *membuf, apr_pool_t *cont)
{
    apr_rmm_t *r = apr_pcalloc(cont, sizeof(*r));

    r->p = cont;
    r->base = membuf;
    r->size = r->base->abssize;
    if (lock)
        r->lock = *lock;
    else
        r->lock.type = apr_anylock_none;
    *rmm = r;
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_rmm_detach(apr_rmm_t *rmm)
{
    /* Nothing in the block refers to this process's handle. */
    (void)rmm;
    return APR_SUCCESS;
}

APU_DECLARE(apr_rmm_off_t) apr_rmm_malloc(apr_rmm_t *rmm, apr_size_t reqsize)
{
    apr_size_t size = APR_ALIGN_DEFAULT(reqsize) + BLK_SIZE;
    apr_rmm_off_t off;

    if (size < reqsize)         /* wrapped round */
        return 0;
    if (APR_ANYLOCK_LOCK(&rmm->lock) != APR_SUCCESS)
        return 0;
    off = find_free(rmm, size);
    if (off) {
        move_block(rmm, off, 0);
        off += BLK_SIZE;
    }
    APR_ANYLOCK_UNLOCK(&rmm->lock);
    return off;
}

APU_DECLARE(apr_rmm_off_t) apr_rmm_calloc(apr_rmm_t *rmm, apr_size_t reqsize)
{
    apr_rmm_off_t off = apr_rmm_malloc(rmm, reqsize);

    if (off)
        memset(apr_rmm_addr_get(rmm, off), 0, APR_ALIGN_DEFAULT(reqsize));
    return off;
}

APU_DECLARE(apr_rmm_off_t) apr_rmm_realloc(apr_rmm_t *rmm, void *entity,
                                           apr_size_t reqsize)
{
    apr_rmm_off_t old, off;
    apr_size_t oldsize, size = APR_ALIGN_DEFAULT(reqsize);

    if (!entity)
        return apr_rmm_malloc(rmm, reqsize);
    if (size < reqsize)
        return 0;
    old = apr_rmm_offset_get(rmm, entity);
    off = apr_rmm_malloc(rmm, size);
    if (!off)
        return 0;
    /* Copy the old data, not its block header (APR-util copies header-size
     * bytes too many; the extra bytes were never the caller's). */
    oldsize = BLK(rmm, old - BLK_SIZE)->size - BLK_SIZE;
    memcpy(apr_rmm_addr_get(rmm, off), entity, oldsize < size ? oldsize : size);
    apr_rmm_free(rmm, old);
    return off;
}

APU_DECLARE(apr_status_t) apr_rmm_free(apr_rmm_t *rmm, apr_rmm_off_t entity)
{
    apr_rmm_off_t off;
    rmm_blk_t *blk;
    apr_status_t rv;

    if (entity < HDR_SIZE + BLK_SIZE || entity >= rmm->size)
        return APR_EINVAL;
    off = entity - BLK_SIZE;
    blk = BLK(rmm, off);
    if ((rv = APR_ANYLOCK_LOCK(&rmm->lock)) != APR_SUCCESS)
        return rv;
    /* A live allocation is linked in the used list: its predecessor
     * points to it, or it is the list's head. */
    if (blk->prev ? (blk->prev >= rmm->size
                     || BLK(rmm, blk->prev)->next != off)
                  : rmm->base->firstused != off) {
        APR_ANYLOCK_UNLOCK(&rmm->lock);
        return APR_EINVAL;
    }
    move_block(rmm, off, 1);
    return APR_ANYLOCK_UNLOCK(&rmm->lock);
}

APU_DECLARE(void *) apr_rmm_addr_get(apr_rmm_t *rmm, apr_rmm_off_t entity)
{
    return (char *)rmm->base + entity;
}

APU_DECLARE(apr_rmm_off_t) apr_rmm_offset_get(apr_rmm_t *rmm, void *entity)
{
    return (apr_rmm_off_t)((char *)entity - (char *)rmm->base);
}

APU_DECLARE(apr_size_t) apr_rmm_overhead_get(int n)
{
    /* The block header, then per allocation its header and, at worst,
     * the alignment padding of its data. */
    return HDR_SIZE + (apr_size_t)n * (BLK_SIZE + APR_ALIGN_DEFAULT(1));
}
