/*
 * Skip lists. Each element has one node: a "tower" of height h with a
 * next and a prev link per level (links[2 * level] and links[2 * level +
 * 1]), so a node can be unlinked in O(h) without searching. The list head
 * is an array of first nodes per level.
 *
 * Indexes (secondary orderings) are separate skip lists holding the same
 * elements; the nodes of one element are chained main -> index 1 -> index
 * 2 ... through nextindex/previndex, so removing through any of them
 * removes the element everywhere.
 *
 * Nodes come from the pool (or malloc() without one) and are recycled
 * through per-height free lists; apr_skiplist_alloc() blocks through
 * per-size free lists.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "apr_skiplist.h"

#define MAX_HEIGHT 32

struct apr_skiplistnode {
    void *data;
    apr_skiplist *sl;
    apr_skiplistnode *previndex, *nextindex;
    int height;
    apr_skiplistnode *links[]; /* next, prev per level */
};

#define NEXT(n, l) ((n)->links[2 * (l)])
#define PREV(n, l) ((n)->links[2 * (l) + 1])

/* A free list of apr_skiplist_alloc() blocks of one size. */
typedef struct {
    size_t size;
    void *free;
} block_class;

/* Header before each pool block from apr_skiplist_alloc(); two words, so
 * blocks keep the pool's alignment. */
typedef struct {
    struct {
        size_t size;
        void *next;
    } h;
} block_hdr;

struct apr_skiplist {
    apr_skiplist_compare compare, comparek;
    apr_pool_t *pool;
    size_t size;
    int height;    /* levels in use, at least 1 */
    int preheight; /* 0: adaptive */
    int is_index;
    apr_skiplistnode *head[MAX_HEIGHT];
    apr_skiplistnode *free_nodes[MAX_HEIGHT + 1];
    apr_skiplist **indexes; /* secondary orderings (main lists only) */
    int nindexes, indexes_cap;
    block_class *classes;
    int nclasses, classes_cap;
    apr_uint64_t rng;
};

static void *sl_malloc(apr_skiplist *sl, size_t size)
{
    void *mem = sl->pool ? apr_palloc(sl->pool, size) : malloc(size);

    if (!mem)
        abort(); /* no pool: out of heap memory, as the pool would abort */
    return mem;
}

static int coin(apr_skiplist *sl)
{
    /* xorshift64* */
    apr_uint64_t x = sl->rng;

    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    sl->rng = x;
    return (int)((x * 0x2545F4914F6CDD1Dull) >> 63);
}

static void list_init(apr_skiplist *sl, apr_pool_t *p)
{
    static unsigned int counter;

    memset(sl, 0, sizeof(*sl));
    sl->pool = p;
    sl->height = 1;
    sl->rng = ((apr_uint64_t)(apr_uintptr_t)sl * 0x9E3779B97F4A7C15ull)
              ^ ((apr_uint64_t)++counter << 32) ^ 0x853C49E6748FEA9Bull;
    if (!sl->rng)
        sl->rng = 1;
}

static apr_skiplist *list_new(apr_pool_t *p)
{
    apr_skiplist *sl = p ? apr_palloc(p, sizeof(*sl)) : malloc(sizeof(*sl));

    if (!sl)
        abort();
    list_init(sl, p);
    return sl;
}

APR_DECLARE(apr_status_t) apr_skiplist_init(apr_skiplist **sl, apr_pool_t *p)
{
    *sl = list_new(p);
    return APR_SUCCESS;
}

/* ---- memory ------------------------------------------------------------ */

APR_DECLARE(void *) apr_skiplist_alloc(apr_skiplist *sl, size_t size)
{
    block_hdr *b;
    int i;

    if (!sl->pool)
        return malloc(size);
    for (i = 0; i < sl->nclasses; i++) {
        if (sl->classes[i].size == size && sl->classes[i].free) {
            b = sl->classes[i].free;
            sl->classes[i].free = b->h.next;
            return b + 1;
        }
    }
    b = apr_palloc(sl->pool, sizeof(*b) + size);
    b->h.size = size;
    return b + 1;
}

APR_DECLARE(void) apr_skiplist_free(apr_skiplist *sl, void *mem)
{
    block_hdr *b;
    int i;

    if (!sl->pool) {
        free(mem);
        return;
    }
    if (!mem)
        return;
    b = (block_hdr *)mem - 1;
    for (i = 0; i < sl->nclasses; i++)
        if (sl->classes[i].size == b->h.size)
            break;
    if (i == sl->nclasses) {
        if (sl->nclasses == sl->classes_cap) {
            int cap = sl->classes_cap ? sl->classes_cap * 2 : 4;
            block_class *c = apr_palloc(sl->pool, sizeof(*c) * (size_t)cap);
            if (sl->nclasses)
                memcpy(c, sl->classes, sizeof(*c) * (size_t)sl->nclasses);
            sl->classes = c;
            sl->classes_cap = cap;
        }
        sl->classes[i].size = b->h.size;
        sl->classes[i].free = NULL;
        sl->nclasses++;
    }
    b->h.next = sl->classes[i].free;
    sl->classes[i].free = b;
}

static apr_skiplistnode *node_get(apr_skiplist *sl, int height, void *data)
{
    apr_skiplistnode *n = sl->free_nodes[height];

    if (n)
        sl->free_nodes[height] = NEXT(n, 0);
    else
        n = sl_malloc(sl, offsetof(apr_skiplistnode, links)
                          + sizeof(apr_skiplistnode *) * 2 * (size_t)height);
    n->data = data;
    n->sl = sl;
    n->previndex = n->nextindex = NULL;
    n->height = height;
    return n;
}

static void node_put(apr_skiplist *sl, apr_skiplistnode *n)
{
    NEXT(n, 0) = sl->free_nodes[n->height];
    sl->free_nodes[n->height] = n;
}

/* ---- search ------------------------------------------------------------ */

static APR_INLINE apr_skiplistnode *next_of(apr_skiplist *sl,
                                            apr_skiplistnode *n, int l)
{
    return n ? NEXT(n, l) : sl->head[l];
}

/* The first (last when last is set) node whose element comp reports equal
 * to data, or NULL. */
static apr_skiplistnode *find_node(apr_skiplist *sl, void *data,
                                   apr_skiplist_compare comp, int last)
{
    apr_skiplistnode *x = NULL, *nx;
    int l;

    if (!comp)
        return NULL;
    for (l = sl->height - 1; l >= 0; l--) {
        while ((nx = next_of(sl, x, l)) != NULL) {
            int c = comp(data, nx->data);
            if (c < 0 || (c == 0 && !last))
                break;
            x = nx;
        }
    }
    if (last)
        return (x && comp(data, x->data) == 0) ? x : NULL;
    nx = next_of(sl, x, 0);
    return (nx && comp(data, nx->data) == 0) ? nx : NULL;
}

/* The list an ordering function selects: the list itself for its own
 * function (want), else the index whose element function is comp. */
static apr_skiplist *select_list(apr_skiplist *sl, apr_skiplist_compare comp,
                                 apr_skiplist_compare want)
{
    int i;

    if (comp == want || sl->is_index)
        return sl;
    for (i = 0; i < sl->nindexes; i++)
        if (sl->indexes[i]->compare == comp)
            return sl->indexes[i];
    return NULL;
}

static void *find_compare(apr_skiplist *sl, void *data,
                          apr_skiplistnode **iter, apr_skiplist_compare comp,
                          int last)
{
    apr_skiplist *target = comp ? select_list(sl, comp, sl->compare) : NULL;
    apr_skiplistnode *n = NULL;

    if (target)
        n = find_node(target, data, target->comparek, last);
    if (iter)
        *iter = n;
    return n ? n->data : NULL;
}

APR_DECLARE(void *) apr_skiplist_find_compare(apr_skiplist *sl, void *data,
                                              apr_skiplistnode **iter,
                                              apr_skiplist_compare func)
{
    return find_compare(sl, data, iter, func, 0);
}

APR_DECLARE(void *) apr_skiplist_find(apr_skiplist *sl, void *data,
                                      apr_skiplistnode **iter)
{
    return find_compare(sl, data, iter, sl->compare, 0);
}

APR_DECLARE(void *) apr_skiplist_last_compare(apr_skiplist *sl, void *data,
                                              apr_skiplistnode **iter,
                                              apr_skiplist_compare comp)
{
    return find_compare(sl, data, iter, comp, 1);
}

APR_DECLARE(void *) apr_skiplist_last(apr_skiplist *sl, void *data,
                                      apr_skiplistnode **iter)
{
    return find_compare(sl, data, iter, sl->compare, 1);
}

APR_DECLARE(apr_skiplistnode *) apr_skiplist_getlist(apr_skiplist *sl)
{
    return sl->head[0];
}

APR_DECLARE(void *) apr_skiplist_next(apr_skiplist *sl,
                                      apr_skiplistnode **iter)
{
    if (!*iter)
        return NULL;
    *iter = NEXT(*iter, 0);
    return *iter ? (*iter)->data : NULL;
}

APR_DECLARE(void *) apr_skiplist_previous(apr_skiplist *sl,
                                          apr_skiplistnode **iter)
{
    if (!*iter)
        return NULL;
    *iter = PREV(*iter, 0);
    return *iter ? (*iter)->data : NULL;
}

APR_DECLARE(void *) apr_skiplist_element(apr_skiplistnode *iter)
{
    return iter ? iter->data : NULL;
}

APR_DECLARE(void *) apr_skiplist_peek(apr_skiplist *sl)
{
    return sl->head[0] ? sl->head[0]->data : NULL;
}

APR_DECLARE(size_t) apr_skiplist_size(const apr_skiplist *sl)
{
    return sl->size;
}

APR_DECLARE(int) apr_skiplist_height(const apr_skiplist *sl)
{
    return sl->height;
}

APR_DECLARE(int) apr_skiplist_preheight(const apr_skiplist *sl)
{
    return sl->preheight;
}

APR_DECLARE(void) apr_skiplist_set_preheight(apr_skiplist *sl, int to)
{
    sl->preheight = to > 0 ? to : 0;
}

/* ---- removal ----------------------------------------------------------- */

/* Unlinks node n (of its own list) and, first, its index nodes; calls
 * myfree on the element. Returns the list's height afterwards. */
static int remove_node(apr_skiplistnode *n, apr_skiplist_freefunc myfree)
{
    apr_skiplist *sl = n->sl;
    int l;

    if (n->nextindex)
        remove_node(n->nextindex, NULL);
    if (n->previndex)
        n->previndex->nextindex = NULL;
    for (l = 0; l < n->height; l++) {
        if (PREV(n, l))
            NEXT(PREV(n, l), l) = NEXT(n, l);
        else
            sl->head[l] = NEXT(n, l);
        if (NEXT(n, l))
            PREV(NEXT(n, l), l) = PREV(n, l);
    }
    if (myfree && n->data)
        myfree(n->data);
    node_put(sl, n);
    sl->size--;
    while (sl->height > 1 && !sl->head[sl->height - 1])
        sl->height--;
    return sl->height;
}

APR_DECLARE(int) apr_skiplist_remove_node(apr_skiplist *sl,
                                          apr_skiplistnode *iter,
                                          apr_skiplist_freefunc myfree)
{
    if (!iter)
        return 0;
    while (iter->previndex)
        iter = iter->previndex;
    return remove_node(iter, myfree);
}

APR_DECLARE(int) apr_skiplist_remove_compare(apr_skiplist *sl, void *data,
                                             apr_skiplist_freefunc myfree,
                                             apr_skiplist_compare comp)
{
    apr_skiplist *target;
    apr_skiplistnode *n;

    if (!comp)
        return 0;
    /* As in APR: comp selects the main order when it is the key function,
     * an index when it is that index's element function; the search then
     * uses comp itself. */
    target = select_list(sl, comp, sl->comparek);
    if (!target || !(n = find_node(target, data, comp, 0)))
        return 0;
    return apr_skiplist_remove_node(sl, n, myfree);
}

APR_DECLARE(int) apr_skiplist_remove(apr_skiplist *sl, void *data,
                                     apr_skiplist_freefunc myfree)
{
    return apr_skiplist_remove_compare(sl, data, myfree, sl->comparek);
}

/* Empties one list (not its indexes), calling myfree on each element. */
static void clear_list(apr_skiplist *sl, apr_skiplist_freefunc myfree)
{
    apr_skiplistnode *n = sl->head[0], *next;

    while (n) {
        next = NEXT(n, 0);
        if (myfree && n->data)
            myfree(n->data);
        node_put(sl, n);
        n = next;
    }
    memset(sl->head, 0, sizeof(sl->head));
    sl->size = 0;
    sl->height = 1;
}

APR_DECLARE(void) apr_skiplist_remove_all(apr_skiplist *sl,
                                          apr_skiplist_freefunc myfree)
{
    int i;

    for (i = 0; i < sl->nindexes; i++)
        clear_list(sl->indexes[i], NULL);
    clear_list(sl, myfree);
}

APR_DECLARE(void *) apr_skiplist_pop(apr_skiplist *sl,
                                     apr_skiplist_freefunc myfree)
{
    apr_skiplistnode *n = sl->head[0];
    void *data;

    if (!n)
        return NULL;
    data = n->data;
    remove_node(n, myfree);
    return data;
}

/* Gives the heap memory of a pool-less list back (not the struct). */
static void release_heap(apr_skiplist *sl)
{
    apr_skiplistnode *n;
    int h;

    if (sl->pool)
        return;
    for (h = 0; h <= MAX_HEIGHT; h++) {
        while ((n = sl->free_nodes[h]) != NULL) {
            sl->free_nodes[h] = NEXT(n, 0);
            free(n);
        }
    }
}

APR_DECLARE(void) apr_skiplist_destroy(apr_skiplist *sl,
                                       apr_skiplist_freefunc myfree)
{
    int i;

    apr_skiplist_remove_all(sl, myfree);
    for (i = 0; i < sl->nindexes; i++) {
        release_heap(sl->indexes[i]);
        if (!sl->pool)
            free(sl->indexes[i]);
    }
    if (!sl->pool)
        free(sl->indexes);
    sl->indexes = NULL;
    sl->nindexes = sl->indexes_cap = 0;
    release_heap(sl);
    if (!sl->pool)
        free(sl); /* as APR does: a pool-less list is gone after this */
}

/* ---- insertion --------------------------------------------------------- */

enum { MODE_INSERT, MODE_ADD, MODE_REPLACE };

static int new_height(apr_skiplist *sl)
{
    int max, h = 1;

    if (sl->preheight > 0)
        max = sl->preheight;
    else
        max = sl->size ? sl->height + 1 : 1;
    if (max > MAX_HEIGHT)
        max = MAX_HEIGHT;
    while (h < max && coin(sl))
        h++;
    return h;
}

/* Links a new node for data after all elements comp orders at or before
 * it (ignoring duplicates: the caller checked). */
static apr_skiplistnode *link_node(apr_skiplist *sl, void *data,
                                   apr_skiplist_compare comp)
{
    apr_skiplistnode *update[MAX_HEIGHT], *x = NULL, *nx, *n;
    int l, h = new_height(sl);

    for (l = MAX_HEIGHT - 1; l >= sl->height; l--)
        update[l] = NULL;
    for (l = sl->height - 1; l >= 0; l--) {
        while ((nx = next_of(sl, x, l)) != NULL && comp(data, nx->data) >= 0)
            x = nx;
        update[l] = x;
    }
    n = node_get(sl, h, data);
    for (l = 0; l < h; l++) {
        PREV(n, l) = update[l];
        NEXT(n, l) = next_of(sl, update[l], l);
        if (update[l])
            NEXT(update[l], l) = n;
        else
            sl->head[l] = n;
        if (NEXT(n, l))
            PREV(NEXT(n, l), l) = n;
    }
    if (h > sl->height)
        sl->height = h;
    sl->size++;
    return n;
}

static apr_skiplistnode *insert_mode(apr_skiplist *sl, void *data,
                                     apr_skiplist_compare comp, int mode,
                                     apr_skiplist_freefunc myfree)
{
    apr_skiplistnode *n, *prev;
    int i;

    if (!comp)
        return NULL;
    if (mode == MODE_INSERT && find_node(sl, data, comp, 0))
        return NULL;
    if (mode == MODE_REPLACE)
        while ((n = find_node(sl, data, comp, 0)) != NULL)
            apr_skiplist_remove_node(sl, n, myfree);

    n = link_node(sl, data, comp);
    for (prev = n, i = 0; i < sl->nindexes; i++) {
        apr_skiplist *ix = sl->indexes[i];
        apr_skiplistnode *ni = link_node(ix, data, ix->compare);
        prev->nextindex = ni;
        ni->previndex = prev;
        prev = ni;
    }
    return n;
}

APR_DECLARE(apr_skiplistnode *) apr_skiplist_insert_compare(apr_skiplist *sl,
                                  void *data, apr_skiplist_compare comp)
{
    return insert_mode(sl, data, comp, MODE_INSERT, NULL);
}

APR_DECLARE(apr_skiplistnode *) apr_skiplist_insert(apr_skiplist *sl,
                                                    void *data)
{
    return insert_mode(sl, data, sl->compare, MODE_INSERT, NULL);
}

APR_DECLARE(apr_skiplistnode *) apr_skiplist_add_compare(apr_skiplist *sl,
                                  void *data, apr_skiplist_compare comp)
{
    return insert_mode(sl, data, comp, MODE_ADD, NULL);
}

APR_DECLARE(apr_skiplistnode *) apr_skiplist_add(apr_skiplist *sl, void *data)
{
    return insert_mode(sl, data, sl->compare, MODE_ADD, NULL);
}

APR_DECLARE(apr_skiplistnode *) apr_skiplist_replace_compare(apr_skiplist *sl,
                                  void *data, apr_skiplist_freefunc myfree,
                                  apr_skiplist_compare comp)
{
    return insert_mode(sl, data, comp, MODE_REPLACE, myfree);
}

APR_DECLARE(apr_skiplistnode *) apr_skiplist_replace(apr_skiplist *sl,
                                  void *data, apr_skiplist_freefunc myfree)
{
    return insert_mode(sl, data, sl->compare, MODE_REPLACE, myfree);
}

/* ---- orderings --------------------------------------------------------- */

APR_DECLARE(void) apr_skiplist_add_index(apr_skiplist *sl,
                                         apr_skiplist_compare XXX1,
                                         apr_skiplist_compare XXX2)
{
    apr_skiplist *ix;
    apr_skiplistnode *m, *tail, *ni;
    int i;

    for (i = 0; i < sl->nindexes; i++)
        if (sl->indexes[i]->compare == XXX1)
            return;
    if (!XXX1)
        return;
    if (sl->nindexes == sl->indexes_cap) {
        int cap = sl->indexes_cap ? sl->indexes_cap * 2 : 2;
        apr_skiplist **a = sl_malloc(sl, sizeof(*a) * (size_t)cap);
        if (sl->nindexes)
            memcpy(a, sl->indexes, sizeof(*a) * (size_t)sl->nindexes);
        if (!sl->pool)
            free(sl->indexes);
        sl->indexes = a;
        sl->indexes_cap = cap;
    }
    ix = list_new(sl->pool);
    ix->is_index = 1;
    ix->compare = XXX1;
    ix->comparek = XXX2;
    sl->indexes[sl->nindexes++] = ix;

    for (m = sl->head[0]; m; m = NEXT(m, 0)) {
        ni = link_node(ix, m->data, XXX1);
        for (tail = m; tail->nextindex; tail = tail->nextindex)
            ;
        tail->nextindex = ni;
        ni->previndex = tail;
    }
}

APR_DECLARE(void) apr_skiplist_set_compare(apr_skiplist *sl,
                                           apr_skiplist_compare XXX1,
                                           apr_skiplist_compare XXX2)
{
    if (sl->compare && sl->comparek) {
        apr_skiplist_add_index(sl, XXX1, XXX2);
        return;
    }
    sl->compare = XXX1;
    sl->comparek = XXX2;
}

APR_DECLARE(apr_skiplist *) apr_skiplist_merge(apr_skiplist *sl1,
                                               apr_skiplist *sl2)
{
    /* Note: APR 1.7's merge keeps only sl2's elements whenever sl1 is
     * non-empty (it checks a tail pointer it never maintains); this one
     * does what its code intends: insert sl2's elements into sl1. */
    int take_all = sl1->size == 0;
    apr_skiplistnode *n;

    if (!sl1->compare && !sl1->comparek) {
        sl1->compare = sl2->compare;
        sl1->comparek = sl2->comparek;
    }
    for (n = sl2->head[0]; n; n = NEXT(n, 0))
        insert_mode(sl1, n->data, sl1->compare,
                    take_all ? MODE_ADD : MODE_INSERT, NULL);
    apr_skiplist_remove_all(sl2, NULL);
    return sl1;
}
