/*
 * The node allocator and the memory pools.
 *
 * Allocator: blocks ("nodes") are multiples of 4 KiB pages, at least two
 * pages. A node of n pages has index n - 1. Freed nodes of index 1..19
 * wait in free[index]; bigger ones in free[0] (the "sink"), searched
 * first-fit. max_free bounds, in pages, how much is kept; the rest goes
 * back to malloc's heap.
 *
 * Pool: lives at the start of its first node ("self"). Its nodes form a
 * ring through next/ref: pool->active is where palloc carves, the nodes
 * after it are sorted by decreasing free space (free_index, in pages), so
 * when the active node is full the next one is the best candidate.
 *
 * Locking: an allocator with a mutex takes it around its free lists; a
 * pool takes its parent's allocator mutex to link into or out of the
 * parent's child list. When parent and child share the allocator (the
 * usual case), create and destroy do both under one lock.
 */
#include "apr.h"
#include "apr_general.h"
#include "apr_pools.h"
#include "apr_allocator.h"
#include "apr_thread_mutex.h"
#include "apr_arch_thread_mutex.h"
#include "apr_pools_private.h"

#include <stdlib.h>
#include <string.h>

#define BOUNDARY_INDEX 12
#define BOUNDARY_SIZE ((apr_size_t)1 << BOUNDARY_INDEX)
#define MIN_ALLOC (2 * BOUNDARY_SIZE)
#define MAX_INDEX 20

#if defined(__GNUC__)
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define LIKELY(x) (x)
#define UNLIKELY(x) (x)
#endif

/* ------------------------------------------------------------------ */
/* Allocator                                                          */

struct apr_allocator_t {
    apr_size_t max_index;          /* highest non-empty free[1..] list */
    apr_size_t max_free_index;     /* pages kept at most; 0 = unlimited */
    apr_size_t current_free_index; /* pages that may still be kept */
#if APR_HAS_THREADS
    apr_thread_mutex_t *mutex;
#endif
    apr_pool_t *owner;
    apr_memnode_t *free[MAX_INDEX];
};

#define SIZEOF_ALLOCATOR_T APR_ALIGN_DEFAULT(sizeof(apr_allocator_t))

#if APR_HAS_THREADS
static APR_INLINE void allocator_lock(apr_allocator_t *a)
{
    if (a->mutex)
        pthread_mutex_lock(&a->mutex->mutex);
}

static APR_INLINE void allocator_unlock(apr_allocator_t *a)
{
    if (a->mutex)
        pthread_mutex_unlock(&a->mutex->mutex);
}
#else
#define allocator_lock(a) ((void)(a))
#define allocator_unlock(a) ((void)(a))
#endif

APR_DECLARE(apr_status_t) apr_allocator_create(apr_allocator_t **allocator)
{
    apr_allocator_t *a = calloc(1, SIZEOF_ALLOCATOR_T);

    *allocator = a;
    return a ? APR_SUCCESS : APR_ENOMEM;
}

APR_DECLARE(void) apr_allocator_destroy(apr_allocator_t *allocator)
{
    apr_memnode_t *node, *next;
    apr_size_t i;

    for (i = 0; i < MAX_INDEX; i++) {
        for (node = allocator->free[i]; node; node = next) {
            next = node->next;
            free(node);
        }
    }
    free(allocator);
}

APR_DECLARE(void) apr_allocator_owner_set(apr_allocator_t *allocator,
                                          apr_pool_t *pool)
{
    allocator->owner = pool;
}

APR_DECLARE(apr_pool_t *) apr_allocator_owner_get(apr_allocator_t *allocator)
{
    return allocator->owner;
}

#if APR_HAS_THREADS
APR_DECLARE(void) apr_allocator_mutex_set(apr_allocator_t *allocator,
                                          apr_thread_mutex_t *mutex)
{
    allocator->mutex = mutex;
}

APR_DECLARE(apr_thread_mutex_t *) apr_allocator_mutex_get(
                                      apr_allocator_t *allocator)
{
    return allocator->mutex;
}
#endif

APR_DECLARE(void) apr_allocator_max_free_set(apr_allocator_t *allocator,
                                             apr_size_t in_size)
{
    apr_size_t max_free_index;

    allocator_lock(allocator);
    max_free_index = APR_ALIGN(in_size, BOUNDARY_SIZE) >> BOUNDARY_INDEX;
    /* What may still be kept moves by the change of the threshold. */
    allocator->current_free_index += max_free_index;
    allocator->current_free_index -= allocator->max_free_index;
    allocator->max_free_index = max_free_index;
    if (allocator->current_free_index > max_free_index)
        allocator->current_free_index = max_free_index;
    allocator_unlock(allocator);
}

/* Node size for `in_size` usable bytes, or 0 on overflow. */
static APR_INLINE apr_size_t node_size(apr_size_t in_size)
{
    apr_size_t size = APR_ALIGN(in_size + APR_MEMNODE_T_SIZE, BOUNDARY_SIZE);

    if (size < in_size)
        return 0;
    return size < MIN_ALLOC ? MIN_ALLOC : size;
}

APR_DECLARE(apr_size_t) apr_allocator_align(apr_allocator_t *allocator,
                                            apr_size_t size)
{
    (void)allocator;
    return node_size(size);
}

/* Account for a node leaving the free lists; caller holds the lock. */
static APR_INLINE void took_node(apr_allocator_t *a, apr_memnode_t *node)
{
    a->current_free_index += node->index + 1;
    if (a->current_free_index > a->max_free_index)
        a->current_free_index = a->max_free_index;
}

/*
 * A free node of at least `index` pages, or NULL; caller holds the lock.
 * Exact or bigger from the sized lists, first fit from the sink.
 */
static apr_memnode_t *freelist_get(apr_allocator_t *a, apr_size_t index)
{
    apr_memnode_t *node, **ref;
    apr_size_t i, max_index = a->max_index;

    if (index <= max_index) {
        for (i = index; i <= max_index; i++) {
            if ((node = a->free[i]) == NULL)
                continue;
            a->free[i] = node->next;
            if (node->next == NULL && i == max_index) {
                while (max_index > 0 && a->free[max_index] == NULL)
                    max_index--;
                a->max_index = max_index;
            }
            took_node(a, node);
            return node;
        }
        return NULL;
    }
    for (ref = &a->free[0]; (node = *ref) != NULL; ref = &node->next) {
        if (node->index >= index) {
            *ref = node->next;
            took_node(a, node);
            return node;
        }
    }
    return NULL;
}

/* A fresh node of `size` bytes from the system, or NULL. */
static apr_memnode_t *node_malloc(apr_size_t size)
{
    apr_memnode_t *node = malloc(size);

    if (node == NULL)
        return NULL;
    node->index = (apr_uint32_t)((size >> BOUNDARY_INDEX) - 1);
    node->endp = (char *)node + size;
    return node;
}

static APR_INLINE void node_reset(apr_memnode_t *node)
{
    node->next = NULL;
    node->first_avail = (char *)node + APR_MEMNODE_T_SIZE;
}

/* The index of a node size; sizes beyond 2^32 pages are refused. */
static APR_INLINE int size_index(apr_size_t size, apr_size_t *index)
{
    *index = (size >> BOUNDARY_INDEX) - 1;
    return size != 0 && *index <= APR_UINT32_MAX;
}

static apr_memnode_t *allocator_alloc(apr_allocator_t *a, apr_size_t in_size)
{
    apr_size_t size = node_size(in_size), index;
    apr_memnode_t *node = NULL;

    if (!size_index(size, &index))
        return NULL;
    if (index <= a->max_index || a->free[0]) {
        allocator_lock(a);
        node = freelist_get(a, index);
        allocator_unlock(a);
    }
    if (node == NULL && (node = node_malloc(size)) == NULL)
        return NULL;
    node_reset(node);
    return node;
}

/*
 * Put a NULL-terminated list of nodes back in the free lists; caller
 * holds the lock. Returns the nodes beyond the threshold, for free().
 */
static apr_memnode_t *freelist_put(apr_allocator_t *a, apr_memnode_t *node)
{
    apr_memnode_t *next, *release = NULL;
    apr_size_t index, max_index = a->max_index;
    apr_size_t max_free_index = a->max_free_index;
    apr_size_t current_free_index = a->current_free_index;

    for (; node; node = next) {
        next = node->next;
        index = node->index;
        if (max_free_index != APR_ALLOCATOR_MAX_FREE_UNLIMITED
            && index + 1 > current_free_index) {
            node->next = release;
            release = node;
            continue;
        }
        if (index < MAX_INDEX) {
            node->next = a->free[index];
            a->free[index] = node;
            if (index > max_index)
                max_index = index;
        }
        else {
            node->next = a->free[0];
            a->free[0] = node;
        }
        current_free_index = current_free_index >= index + 1
                             ? current_free_index - (index + 1) : 0;
    }
    a->max_index = max_index;
    a->current_free_index = current_free_index;
    return release;
}

static void release_nodes(apr_memnode_t *node)
{
    apr_memnode_t *next;

    for (; node; node = next) {
        next = node->next;
        free(node);
    }
}

static void allocator_free(apr_allocator_t *a, apr_memnode_t *node)
{
    apr_memnode_t *release;

    allocator_lock(a);
    release = freelist_put(a, node);
    allocator_unlock(a);
    release_nodes(release);
}

APR_DECLARE(apr_memnode_t *) apr_allocator_alloc(apr_allocator_t *allocator,
                                                 apr_size_t size)
{
    return allocator_alloc(allocator, size);
}

APR_DECLARE(void) apr_allocator_free(apr_allocator_t *allocator,
                                     apr_memnode_t *node)
{
    allocator_free(allocator, node);
}

/* ------------------------------------------------------------------ */
/* Pools                                                              */

typedef struct cleanup_t cleanup_t;
struct cleanup_t {
    cleanup_t *next;
    const void *data;
    apr_status_t (*plain_cleanup_fn)(void *data);
    apr_status_t (*child_cleanup_fn)(void *data);
};

typedef struct userdata_t userdata_t;
struct userdata_t {
    userdata_t *next;
    const char *key;
    const void *data;
};

struct apr_pool_t {
    apr_memnode_t *active;      /* first: palloc's fast path reads it */
    apr_pool_t *parent;
    apr_pool_t *child;          /* newest child first */
    apr_pool_t *sibling;
    apr_pool_t **ref;           /* the pointer that points to this pool */
    cleanup_t *cleanups;
    cleanup_t *free_cleanups;   /* killed cleanups, for reuse */
    cleanup_t *pre_cleanups;
    apr_allocator_t *allocator;
    struct apr__proc_chain *subprocesses;
    apr_abortfunc_t abort_fn;
    userdata_t *user_data;
    const char *tag;
    apr_memnode_t *self;        /* the node holding this structure */
    char *self_first_avail;     /* self's first byte after the structure */
};

#define SIZEOF_POOL_T APR_ALIGN_DEFAULT(sizeof(apr_pool_t))

void (*apr__pool_free_proc_chain)(struct apr__proc_chain *chain);

static apr_byte_t pools_initialized;
static apr_pool_t *global_pool;
static apr_allocator_t *global_allocator;

struct apr__proc_chain **apr__pool_subprocesses(apr_pool_t *pool)
{
    return &pool->subprocesses;
}

/* Node rings: insert `node` before `point`; unlink `node`. */
#define list_insert(node, point) do {   \
        (node)->ref = (point)->ref;     \
        *(node)->ref = (node);          \
        (node)->next = (point);         \
        (point)->ref = &(node)->next;   \
    } while (0)

#define list_remove(node) do {              \
        *(node)->ref = (node)->next;        \
        (node)->next->ref = (node)->ref;    \
    } while (0)

static APR_INLINE apr_size_t node_free_space(const apr_memnode_t *node)
{
    return (apr_size_t)(node->endp - node->first_avail);
}

/* Free space of a node in whole pages, as kept in free_index. */
static APR_INLINE apr_uint32_t node_free_index(const apr_memnode_t *node)
{
    return (apr_uint32_t)((APR_ALIGN(node_free_space(node) + 1, BOUNDARY_SIZE)
                           - BOUNDARY_SIZE) >> BOUNDARY_INDEX);
}

static void *pool_nomem(apr_pool_t *pool)
{
    if (pool->abort_fn)
        pool->abort_fn(APR_ENOMEM);
    return NULL;
}

/* palloc when the active node is too small. */
static void *pool_alloc_slow(apr_pool_t *pool, apr_size_t in_size)
{
    apr_size_t size = APR_ALIGN_DEFAULT(in_size);
    apr_memnode_t *active = pool->active, *node;
    apr_uint32_t free_index;
    char *mem;

    if (size < in_size)
        return pool_nomem(pool);
    node = active->next;
    if (size <= node_free_space(node)) {
        list_remove(node);
    }
    else if ((node = allocator_alloc(pool->allocator, size)) == NULL) {
        return pool_nomem(pool);
    }
    node->free_index = 0;
    mem = node->first_avail;
    node->first_avail += size;
    list_insert(node, active);
    pool->active = node;

    /* Re-sort the previous active node by its remaining free space. */
    free_index = node_free_index(active);
    active->free_index = free_index;
    node = active->next;
    if (free_index >= node->free_index)
        return mem;
    do {
        node = node->next;
    } while (free_index < node->free_index);
    list_remove(active);
    list_insert(active, node);
    return mem;
}

/*
 * The free space of a node is always a multiple of 8 (nodes are 4 KiB
 * multiples, the header and every allocation are rounded to 8), so
 * in_size <= free space implies the rounded size fits too, and cannot
 * have overflowed: one comparison decides the fast path.
 */
static APR_INLINE void *pool_alloc(apr_pool_t *pool, apr_size_t in_size)
{
    apr_memnode_t *active = pool->active;
    char *mem = active->first_avail;

    if (LIKELY(in_size <= (apr_size_t)(active->endp - mem))) {
        active->first_avail = mem + APR_ALIGN_DEFAULT(in_size);
        return mem;
    }
    return pool_alloc_slow(pool, in_size);
}

APR_DECLARE(void *) apr_palloc(apr_pool_t *pool, apr_size_t size)
{
    return pool_alloc(pool, size);
}

#undef apr_pcalloc
APR_DECLARE(void *) apr_pcalloc(apr_pool_t *pool, apr_size_t size)
{
    void *mem = pool_alloc(pool, size);

    if (mem)
        memset(mem, 0, size);
    return mem;
}

APR_DECLARE(void *) apr_palloc_debug(apr_pool_t *pool, apr_size_t size,
                                     const char *file_line)
{
    (void)file_line;
    return pool_alloc(pool, size);
}

APR_DECLARE(void *) apr_pcalloc_debug(apr_pool_t *pool, apr_size_t size,
                                      const char *file_line)
{
    (void)file_line;
    return apr_pcalloc(pool, size);
}

/* Lay a fresh pool out in the first bytes of `node`. */
static apr_pool_t *pool_init(apr_memnode_t *node, apr_allocator_t *allocator,
                             apr_abortfunc_t abort_fn)
{
    apr_pool_t *pool = (apr_pool_t *)node->first_avail;

    node->next = node;
    node->ref = &node->next;
    node->first_avail += SIZEOF_POOL_T;
    *pool = (apr_pool_t){
        .active = node,
        .allocator = allocator,
        .abort_fn = abort_fn,
        .self = node,
        .self_first_avail = node->first_avail,
    };
    return pool;
}

/* Link `pool` as the newest child of `parent`; caller holds the lock. */
static APR_INLINE void child_link(apr_pool_t *parent, apr_pool_t *pool)
{
    pool->parent = parent;
    if ((pool->sibling = parent->child) != NULL)
        pool->sibling->ref = &pool->sibling;
    parent->child = pool;
    pool->ref = &parent->child;
}

static APR_INLINE void child_unlink(apr_pool_t *pool)
{
    if ((*pool->ref = pool->sibling) != NULL)
        pool->sibling->ref = pool->ref;
}

/*
 * The common case of apr_pool_create_ex: the child uses its parent's
 * allocator, so taking a free node and linking happen under one lock.
 */
static apr_status_t create_shared(apr_pool_t **newpool, apr_pool_t *parent,
                                  apr_abortfunc_t abort_fn)
{
    apr_allocator_t *a = parent->allocator;
    apr_memnode_t *node = NULL;
    apr_pool_t *pool;

    allocator_lock(a);
    if (a->max_index >= 1)
        node = freelist_get(a, 1);
    if (node == NULL) {
        allocator_unlock(a);
        if ((node = node_malloc(MIN_ALLOC)) == NULL) {
            if (abort_fn)
                abort_fn(APR_ENOMEM);
            return APR_ENOMEM;
        }
        allocator_lock(a);
    }
    node_reset(node);
    pool = pool_init(node, a, abort_fn);
    child_link(parent, pool);
    allocator_unlock(a);
    *newpool = pool;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_pool_create_ex(apr_pool_t **newpool,
                                             apr_pool_t *parent,
                                             apr_abortfunc_t abort_fn,
                                             apr_allocator_t *allocator)
{
    apr_memnode_t *node;
    apr_pool_t *pool;

    *newpool = NULL;
    if (parent == NULL)
        parent = global_pool;
    if (parent != NULL) {
        if (abort_fn == NULL)
            abort_fn = parent->abort_fn;
        if (allocator == NULL || allocator == parent->allocator)
            return create_shared(newpool, parent, abort_fn);
    }
    if (allocator == NULL)
        return APR_ENOPOOL; /* no parent and no apr_pool_initialize() */

    if ((node = allocator_alloc(allocator, MIN_ALLOC - APR_MEMNODE_T_SIZE))
        == NULL) {
        if (abort_fn)
            abort_fn(APR_ENOMEM);
        return APR_ENOMEM;
    }
    pool = pool_init(node, allocator, abort_fn);
    if (parent != NULL) {
        allocator_lock(parent->allocator);
        child_link(parent, pool);
        allocator_unlock(parent->allocator);
    }
    *newpool = pool;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_pool_create_unmanaged_ex(apr_pool_t **newpool,
                                                       apr_abortfunc_t abort_fn,
                                                       apr_allocator_t *allocator)
{
    apr_allocator_t *own = NULL;
    apr_memnode_t *node;
    apr_pool_t *pool;

    *newpool = NULL;
    if (allocator == NULL) {
        if (apr_allocator_create(&own) != APR_SUCCESS) {
            if (abort_fn)
                abort_fn(APR_ENOMEM);
            return APR_ENOMEM;
        }
        allocator = own;
    }
    if ((node = allocator_alloc(allocator, MIN_ALLOC - APR_MEMNODE_T_SIZE))
        == NULL) {
        if (own)
            apr_allocator_destroy(own);
        if (abort_fn)
            abort_fn(APR_ENOMEM);
        return APR_ENOMEM;
    }
    pool = pool_init(node, allocator, abort_fn);
    if (own)
        own->owner = pool;
    *newpool = pool;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_pool_create_core_ex(apr_pool_t **newpool,
                                                  apr_abortfunc_t abort_fn,
                                                  apr_allocator_t *allocator)
{
    return apr_pool_create_unmanaged_ex(newpool, abort_fn, allocator);
}

APR_DECLARE(apr_status_t) apr_pool_create_ex_debug(apr_pool_t **newpool,
                                                   apr_pool_t *parent,
                                                   apr_abortfunc_t abort_fn,
                                                   apr_allocator_t *allocator,
                                                   const char *file_line)
{
    (void)file_line;
    return apr_pool_create_ex(newpool, parent, abort_fn, allocator);
}

APR_DECLARE(apr_status_t) apr_pool_create_core_ex_debug(apr_pool_t **newpool,
                                                   apr_abortfunc_t abort_fn,
                                                   apr_allocator_t *allocator,
                                                   const char *file_line)
{
    (void)file_line;
    return apr_pool_create_unmanaged_ex(newpool, abort_fn, allocator);
}

APR_DECLARE(apr_status_t) apr_pool_create_unmanaged_ex_debug(
                                                   apr_pool_t **newpool,
                                                   apr_abortfunc_t abort_fn,
                                                   apr_allocator_t *allocator,
                                                   const char *file_line)
{
    (void)file_line;
    return apr_pool_create_unmanaged_ex(newpool, abort_fn, allocator);
}

/* Run and unregister a cleanup list, head first (= last registered). */
static void run_cleanups(cleanup_t **cref)
{
    cleanup_t *c;

    while ((c = *cref) != NULL) {
        *cref = c->next;
        c->plain_cleanup_fn((void *)c->data);
    }
}

/* What clear and destroy share: everything but the memory. */
static void pool_empty(apr_pool_t *pool)
{
    run_cleanups(&pool->pre_cleanups);
    /* Each child unlinks itself, so this ends. */
    while (pool->child)
        apr_pool_destroy(pool->child);
    run_cleanups(&pool->cleanups);
    if (pool->subprocesses && apr__pool_free_proc_chain) {
        apr__pool_free_proc_chain(pool->subprocesses);
        pool->subprocesses = NULL;
    }
}

APR_DECLARE(void) apr_pool_clear(apr_pool_t *pool)
{
    apr_memnode_t *active;

    pool_empty(pool);
    pool->free_cleanups = NULL;
    pool->user_data = NULL;

    active = pool->active = pool->self;
    active->first_avail = pool->self_first_avail;
    if (active->next == active)
        return;
    *active->ref = NULL;
    allocator_free(pool->allocator, active->next);
    active->next = active;
    active->ref = &active->next;
}

APR_DECLARE(void) apr_pool_destroy(apr_pool_t *pool)
{
    apr_allocator_t *allocator = pool->allocator;
    apr_pool_t *parent = pool->parent;
    apr_memnode_t *nodes = pool->self, *release;
    int owner;

    pool_empty(pool);

    /* Break the ring: the nodes become a NULL-terminated list. */
    *nodes->ref = NULL;
    owner = allocator->owner == pool;
#if APR_HAS_THREADS
    /* An owned allocator's mutex lived in this pool: it is gone. */
    if (owner)
        allocator->mutex = NULL;
#endif
    if (parent != NULL && parent->allocator == allocator) {
        allocator_lock(allocator);
        child_unlink(pool);
        release = freelist_put(allocator, nodes);
        allocator_unlock(allocator);
        release_nodes(release);
    }
    else {
        if (parent != NULL) {
            allocator_lock(parent->allocator);
            child_unlink(pool);
            allocator_unlock(parent->allocator);
        }
        allocator_free(allocator, nodes);
    }
    if (owner)
        apr_allocator_destroy(allocator);
}

APR_DECLARE(void) apr_pool_clear_debug(apr_pool_t *pool,
                                       const char *file_line)
{
    (void)file_line;
    apr_pool_clear(pool);
}

APR_DECLARE(void) apr_pool_destroy_debug(apr_pool_t *pool,
                                         const char *file_line)
{
    (void)file_line;
    apr_pool_destroy(pool);
}

/* ------------------------------------------------------------------ */
/* Global pool                                                        */

APR_DECLARE(apr_status_t) apr_pool_initialize(void)
{
    apr_status_t rv;
#if APR_HAS_THREADS
    apr_thread_mutex_t *mutex;
#endif

    if (pools_initialized++)
        return APR_SUCCESS;

    if ((rv = apr_allocator_create(&global_allocator)) != APR_SUCCESS)
        goto fail;
    rv = apr_pool_create_ex(&global_pool, NULL, NULL, global_allocator);
    if (rv != APR_SUCCESS) {
        apr_allocator_destroy(global_allocator);
        goto fail;
    }
    apr_pool_tag(global_pool, "apr_global_pool");
    apr_allocator_owner_set(global_allocator, global_pool);
#if APR_HAS_THREADS
    rv = apr_thread_mutex_create(&mutex, APR_THREAD_MUTEX_DEFAULT,
                                 global_pool);
    if (rv != APR_SUCCESS) {
        apr_pool_destroy(global_pool);
        goto fail;
    }
    apr_allocator_mutex_set(global_allocator, mutex);
#endif
    return APR_SUCCESS;

fail:
    global_pool = NULL;
    global_allocator = NULL;
    pools_initialized = 0;
    return rv;
}

APR_DECLARE(void) apr_pool_terminate(void)
{
    if (!pools_initialized || --pools_initialized)
        return;
    apr_pool_destroy(global_pool); /* destroys global_allocator too */
    global_pool = NULL;
    global_allocator = NULL;
}

/* ------------------------------------------------------------------ */
/* Properties                                                         */

APR_DECLARE(void) apr_pool_abort_set(apr_abortfunc_t abort_fn,
                                     apr_pool_t *pool)
{
    pool->abort_fn = abort_fn;
}

APR_DECLARE(apr_abortfunc_t) apr_pool_abort_get(apr_pool_t *pool)
{
    return pool->abort_fn;
}

APR_DECLARE(apr_pool_t *) apr_pool_parent_get(apr_pool_t *pool)
{
    return pool->parent;
}

APR_DECLARE(apr_allocator_t *) apr_pool_allocator_get(apr_pool_t *pool)
{
    return pool->allocator;
}

APR_DECLARE(int) apr_pool_is_ancestor(apr_pool_t *a, apr_pool_t *b)
{
    if (a == NULL)
        return 1;
    for (; b; b = b->parent) {
        if (a == b)
            return 1;
    }
    return 0;
}

APR_DECLARE(void) apr_pool_tag(apr_pool_t *pool, const char *tag)
{
    pool->tag = tag;
}

/* ------------------------------------------------------------------ */
/* User data: a short list, newest first.                             */

static userdata_t **userdata_find(apr_pool_t *pool, const char *key)
{
    userdata_t **ref, *u;

    for (ref = &pool->user_data; (u = *ref) != NULL; ref = &u->next) {
        if (strcmp(u->key, key) == 0)
            break;
    }
    return ref;
}

static void userdata_store(apr_pool_t *pool, const void *data,
                           const char *key, int copy_key,
                           apr_status_t (*cleanup)(void *))
{
    userdata_t **ref = userdata_find(pool, key), *u = *ref;

    if (u != NULL) {
        if (data != NULL)
            u->data = data;
        else
            *ref = u->next;
    }
    else if (data != NULL) {
        u = pool_alloc(pool, sizeof(*u));
        if (copy_key) {
            apr_size_t len = strlen(key) + 1;
            char *copy = pool_alloc(pool, len);

            key = memcpy(copy, key, len);
        }
        u->key = key;
        u->data = data;
        u->next = pool->user_data;
        pool->user_data = u;
    }
    if (cleanup)
        apr_pool_cleanup_register(pool, data, cleanup, cleanup);
}

APR_DECLARE(apr_status_t) apr_pool_userdata_set(const void *data,
                                                const char *key,
                                                apr_status_t (*cleanup)(void *),
                                                apr_pool_t *pool)
{
    userdata_store(pool, data, key, 1, cleanup);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_pool_userdata_setn(const void *data,
                                                 const char *key,
                                                 apr_status_t (*cleanup)(void *),
                                                 apr_pool_t *pool)
{
    userdata_store(pool, data, key, 0, cleanup);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_pool_userdata_get(void **data, const char *key,
                                                apr_pool_t *pool)
{
    userdata_t *u = *userdata_find(pool, key);

    *data = u ? (void *)u->data : NULL;
    return APR_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* Cleanups                                                           */

static cleanup_t *cleanup_new(apr_pool_t *p)
{
    cleanup_t *c = p->free_cleanups;

    if (c != NULL) {
        p->free_cleanups = c->next;
        return c;
    }
    return pool_alloc(p, sizeof(*c));
}

APR_DECLARE(void) apr_pool_cleanup_register(apr_pool_t *p, const void *data,
                                            apr_status_t (*plain_cleanup)(void *),
                                            apr_status_t (*child_cleanup)(void *))
{
    cleanup_t *c;

    if (p == NULL || (c = cleanup_new(p)) == NULL)
        return;
    c->data = data;
    c->plain_cleanup_fn = plain_cleanup;
    c->child_cleanup_fn = child_cleanup;
    c->next = p->cleanups;
    p->cleanups = c;
}

APR_DECLARE(void) apr_pool_pre_cleanup_register(apr_pool_t *p,
                                                const void *data,
                                                apr_status_t (*plain_cleanup)(void *))
{
    cleanup_t *c;

    if (p == NULL || (c = cleanup_new(p)) == NULL)
        return;
    c->data = data;
    c->plain_cleanup_fn = plain_cleanup;
    c->child_cleanup_fn = NULL;
    c->next = p->pre_cleanups;
    p->pre_cleanups = c;
}

/* The link to the newest cleanup of a list matching data and fn. */
static cleanup_t **cleanup_find(cleanup_t **ref, const void *data,
                                apr_status_t (*fn)(void *))
{
    cleanup_t *c;

    for (; (c = *ref) != NULL; ref = &c->next) {
        if (c->data == data && c->plain_cleanup_fn == fn)
            return ref;
    }
    return NULL;
}

static void cleanup_unlink(apr_pool_t *p, cleanup_t **ref)
{
    cleanup_t *c = *ref;

    *ref = c->next;
    c->next = p->free_cleanups;
    p->free_cleanups = c;
}

APR_DECLARE(void) apr_pool_cleanup_kill(apr_pool_t *p, const void *data,
                                        apr_status_t (*cleanup)(void *))
{
    cleanup_t **ref;

    if (p == NULL)
        return;
    if ((ref = cleanup_find(&p->cleanups, data, cleanup)) != NULL)
        cleanup_unlink(p, ref);
    if ((ref = cleanup_find(&p->pre_cleanups, data, cleanup)) != NULL)
        cleanup_unlink(p, ref);
}

APR_DECLARE(void) apr_pool_child_cleanup_set(apr_pool_t *p, const void *data,
                                             apr_status_t (*plain_cleanup)(void *),
                                             apr_status_t (*child_cleanup)(void *))
{
    cleanup_t **ref;

    if (p == NULL)
        return;
    if ((ref = cleanup_find(&p->cleanups, data, plain_cleanup)) != NULL)
        (*ref)->child_cleanup_fn = child_cleanup;
}

APR_DECLARE(apr_status_t) apr_pool_cleanup_run(apr_pool_t *p, void *data,
                                               apr_status_t (*cleanup)(void *))
{
    apr_pool_cleanup_kill(p, data, cleanup);
    return cleanup(data);
}

APR_DECLARE_NONSTD(apr_status_t) apr_pool_cleanup_null(void *data)
{
    (void)data;
    return APR_SUCCESS;
}

static void run_child_cleanups(cleanup_t **cref)
{
    cleanup_t *c;

    while ((c = *cref) != NULL) {
        *cref = c->next;
        if (c->child_cleanup_fn)
            c->child_cleanup_fn((void *)c->data);
    }
}

static void cleanup_pool_for_exec(apr_pool_t *p)
{
    run_child_cleanups(&p->cleanups);
    for (p = p->child; p; p = p->sibling)
        cleanup_pool_for_exec(p);
}

APR_DECLARE(void) apr_pool_cleanup_for_exec(void)
{
    if (global_pool)
        cleanup_pool_for_exec(global_pool);
}
