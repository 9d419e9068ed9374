/*
 * The bucket allocator: memory for bucket structures, their private data
 * and the buffers of heap buckets, taken from an apr_allocator_t.
 *
 * Every block handed out starts with a node header naming its allocator,
 * so apr_bucket_free() needs only the pointer. Requests up to
 * APR_BUCKET_ALLOC_SIZE are served as one fixed-size "small node", carved
 * from 8 KiB memnodes and recycled through a free list: creating and
 * destroying buckets costs a few pointer moves. Larger requests get a
 * memnode of their own, given back to the apr_allocator_t when freed, so
 * big buffers do not pile up as they would in a pool.
 *
 * No locking: an allocator has one user thread at a time (the header
 * says so), typically one per connection.
 */
#include <stdlib.h>

#include "apr_buckets.h"
#include "apr_allocator.h"

/* The header in front of every block. Its 32 bytes (on LP64) and the
 * sizes derived from it match APR-util's, so that the results of
 * apr_bucket_alloc_aligned_floor() are the same as there. */
typedef struct node_header_t {
    apr_size_t size;                /* SMALL_NODE_SIZE, or the request */
    apr_bucket_alloc_t *alloc;      /* the owner */
    apr_memnode_t *memnode;         /* the memnode holding the block */
    struct node_header_t *next;     /* free-list link (small nodes) */
} node_header_t;

#define NODE_HEADER_SIZE APR_ALIGN_DEFAULT(sizeof(node_header_t))
#define SMALL_NODE_SIZE  (APR_BUCKET_ALLOC_SIZE + NODE_HEADER_SIZE)

/* The memnodes small nodes are carved from: 8 KiB with their header. */
#define BLOCK_SIZE (8192 - APR_MEMNODE_T_SIZE)

struct apr_bucket_alloc_t {
    apr_pool_t *pool;               /* set by apr_bucket_alloc_create() */
    apr_allocator_t *allocator;
    node_header_t *freelist;        /* free small nodes */
    apr_memnode_t *blocks;          /* memnodes carved from; first active */
};

/* Out of memory: let the pool's abort function decide (it may not
 * return); otherwise the caller gets NULL. */
static void alloc_failed(apr_bucket_alloc_t *list)
{
    if (list->pool) {
        apr_abortfunc_t fn = apr_pool_abort_get(list->pool);
        if (fn)
            fn(APR_ENOMEM);
    }
}

static apr_status_t alloc_cleanup(void *data)
{
    apr_bucket_alloc_t *list = data;

    /* The structure lives in the last memnode of the list: freeing the
     * list frees it too. */
    apr_allocator_free(list->allocator, list->blocks);
    return APR_SUCCESS;
}

APU_DECLARE_NONSTD(apr_bucket_alloc_t *) apr_bucket_alloc_create(apr_pool_t *p)
{
    apr_bucket_alloc_t *list;

    list = apr_bucket_alloc_create_ex(apr_pool_allocator_get(p));
    if (list == NULL) {
        apr_abortfunc_t fn = apr_pool_abort_get(p);
        if (fn)
            fn(APR_ENOMEM);
        abort();
    }
    list->pool = p;
    apr_pool_cleanup_register(p, list, alloc_cleanup, apr_pool_cleanup_null);
    return list;
}

APU_DECLARE_NONSTD(apr_bucket_alloc_t *) apr_bucket_alloc_create_ex(
                                                 apr_allocator_t *allocator)
{
    apr_memnode_t *block = apr_allocator_alloc(allocator, BLOCK_SIZE);
    apr_bucket_alloc_t *list;

    if (block == NULL)
        return NULL;
    list = (apr_bucket_alloc_t *)(void *)block->first_avail;
    list->pool = NULL;
    list->allocator = allocator;
    list->freelist = NULL;
    list->blocks = block;
    block->first_avail += APR_ALIGN_DEFAULT(sizeof(*list));
    return list;
}

APU_DECLARE_NONSTD(void) apr_bucket_alloc_destroy(apr_bucket_alloc_t *list)
{
    if (list->pool)
        apr_pool_cleanup_kill(list->pool, list, alloc_cleanup);
    apr_allocator_free(list->allocator, list->blocks);
}

APU_DECLARE_NONSTD(apr_size_t) apr_bucket_alloc_aligned_floor(
                                                 apr_bucket_alloc_t *list,
                                                 apr_size_t size)
{
    if (size <= SMALL_NODE_SIZE) {
        size = SMALL_NODE_SIZE;
    }
    else {
        /* The memnode apr_allocator_alloc() would give for this size,
         * less its header. */
        apr_size_t usable = size < APR_MEMNODE_T_SIZE
                            ? 0 : size - APR_MEMNODE_T_SIZE;
        size = apr_allocator_align(list->allocator, usable)
               - APR_MEMNODE_T_SIZE;
    }
    return size - NODE_HEADER_SIZE;
}

/* A small node: from the free list, else carved from the active memnode
 * (a fresh one when it is full). */
static node_header_t *small_node(apr_bucket_alloc_t *list)
{
    apr_memnode_t *active = list->blocks;
    node_header_t *node = list->freelist;

    if (node) {
        list->freelist = node->next;
        return node;
    }
    if ((apr_size_t)(active->endp - active->first_avail) < SMALL_NODE_SIZE) {
        apr_memnode_t *fresh = apr_allocator_alloc(list->allocator,
                                                   BLOCK_SIZE);
        if (fresh == NULL)
            return NULL;
        fresh->next = active;
        list->blocks = active = fresh;
    }
    node = (node_header_t *)(void *)active->first_avail;
    active->first_avail += SMALL_NODE_SIZE;
    node->size = SMALL_NODE_SIZE;
    node->alloc = list;
    node->memnode = active;
    return node;
}

APU_DECLARE_NONSTD(void *) apr_bucket_alloc(apr_size_t size,
                                            apr_bucket_alloc_t *list)
{
    node_header_t *node;

    if (size <= APR_BUCKET_ALLOC_SIZE) {
        node = small_node(list);
    }
    else {
        apr_memnode_t *memnode = NULL;

        if (size <= APR_SIZE_MAX - NODE_HEADER_SIZE)
            memnode = apr_allocator_alloc(list->allocator,
                                          size + NODE_HEADER_SIZE);
        node = NULL;
        if (memnode) {
            node = (node_header_t *)(void *)memnode->first_avail;
            node->size = size + NODE_HEADER_SIZE;
            node->alloc = list;
            node->memnode = memnode;
        }
    }
    if (node == NULL) {
        alloc_failed(list);
        return NULL;
    }
    return (char *)node + NODE_HEADER_SIZE;
}

APU_DECLARE_NONSTD(void) apr_bucket_free(void *mem)
{
    node_header_t *node = (node_header_t *)(void *)
                          ((char *)mem - NODE_HEADER_SIZE);
    apr_bucket_alloc_t *list = node->alloc;

    if (node->size == SMALL_NODE_SIZE) {
        node->next = list->freelist;
        list->freelist = node;
    }
    else {
        apr_allocator_free(list->allocator, node->memnode);
    }
}
