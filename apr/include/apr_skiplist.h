/*
 * apr_skiplist.h: ordered collections of pointers (skip lists), with
 * optional secondary orderings ("indexes").
 *
 * A skip list keeps caller-owned elements (void *) sorted by a comparison
 * function. Two functions are set: `compare(a, b)` orders two elements
 * when inserting; `comparek(key, elem)` compares a search key with an
 * element when finding or removing. Both return <0, 0 or >0 like strcmp.
 *
 * Ownership: the list's nodes come from the pool given to
 * apr_skiplist_init(), or from the C heap when that pool is NULL (then
 * apr_skiplist_destroy() frees the list and its heap memory). Elements are never
 * freed by the list except through the caller's apr_skiplist_freefunc.
 * Not thread-safe.
 */
#ifndef APR_SKIPLIST_H
#define APR_SKIPLIST_H

#include <stdlib.h>

#include "apr.h"
#include "apr_errno.h"
#include "apr_pools.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Orders two elements (or a key and an element): <0, 0 or >0. */
typedef int (*apr_skiplist_compare)(void *, void *);

/** Called on an element when the list removes it. */
typedef void (*apr_skiplist_freefunc)(void *);

/** A skip list (opaque). */
typedef struct apr_skiplist apr_skiplist;

/** A position in a skip list, holding one element (opaque). */
typedef struct apr_skiplistnode apr_skiplistnode;

/**
 * size bytes from the list's allocator: its pool (reusing blocks given
 * back with apr_skiplist_free()) or, without a pool, malloc().
 */
APR_DECLARE(void *) apr_skiplist_alloc(apr_skiplist *sl, size_t size);

/**
 * Gives back mem from apr_skiplist_alloc(): kept for reuse by later
 * allocations of the same size when the list has a pool, free()d otherwise.
 */
APR_DECLARE(void) apr_skiplist_free(apr_skiplist *sl, void *mem);

/**
 * Creates an empty list in *sl with no comparison functions set. p may be
 * NULL to use the C heap. Returns APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_skiplist_init(apr_skiplist **sl, apr_pool_t *p);

/**
 * Sets the list's element and key comparison functions. If both are set
 * already, this adds an index ordered by the new pair instead (see
 * apr_skiplist_add_index()).
 */
APR_DECLARE(void) apr_skiplist_set_compare(apr_skiplist *sl,
                                           apr_skiplist_compare XXX1,
                                           apr_skiplist_compare XXX2);

/**
 * Adds a secondary ordering of the same elements by XXX1 (elements) and
 * XXX2 (keys), filled with the current elements and kept up to date by
 * later insertions and removals. Nothing happens if an index with the
 * element function XXX1 exists. Use it through the *_compare functions
 * with XXX1 as their comparison argument.
 */
APR_DECLARE(void) apr_skiplist_add_index(apr_skiplist *sl,
                                         apr_skiplist_compare XXX1,
                                         apr_skiplist_compare XXX2);

/** The first node of the list (in its main order), or NULL when empty. */
APR_DECLARE(apr_skiplistnode *) apr_skiplist_getlist(apr_skiplist *sl);

/**
 * Finds the first element that key function of the ordering selected by
 * func reports equal to data: func must be the list's element function
 * (main order) or an index's. Stores its node in *iter (if iter is not
 * NULL; NULL when not found) and returns the element, or NULL.
 */
APR_DECLARE(void *) apr_skiplist_find_compare(apr_skiplist *sl, void *data,
                                              apr_skiplistnode **iter,
                                              apr_skiplist_compare func);

/** apr_skiplist_find_compare() in the list's main order. */
APR_DECLARE(void *) apr_skiplist_find(apr_skiplist *sl, void *data,
                                      apr_skiplistnode **iter);

/**
 * Like apr_skiplist_find_compare(), but finds the last of the elements
 * equal to data.
 */
APR_DECLARE(void *) apr_skiplist_last_compare(apr_skiplist *sl, void *data,
                                              apr_skiplistnode **iter,
                                              apr_skiplist_compare comp);

/** apr_skiplist_last_compare() in the list's main order. */
APR_DECLARE(void *) apr_skiplist_last(apr_skiplist *sl, void *data,
                                      apr_skiplistnode **iter);

/**
 * Moves *iter to the next node and returns its element; returns NULL at
 * the end or when *iter is NULL.
 */
APR_DECLARE(void *) apr_skiplist_next(apr_skiplist *sl,
                                      apr_skiplistnode **iter);

/**
 * Moves *iter to the previous node and returns its element; returns NULL
 * before the first node or when *iter is NULL.
 */
APR_DECLARE(void *) apr_skiplist_previous(apr_skiplist *sl,
                                          apr_skiplistnode **iter);

/** The element held by node iter. */
APR_DECLARE(void *) apr_skiplist_element(apr_skiplistnode *iter);

/**
 * Inserts data ordered by comp unless an element comp reports equal is
 * present. Returns the new node, or NULL (duplicate, or comp NULL).
 */
APR_DECLARE(apr_skiplistnode *) apr_skiplist_insert_compare(apr_skiplist *sl,
                                  void *data, apr_skiplist_compare comp);

/** apr_skiplist_insert_compare() with the list's element function. */
APR_DECLARE(apr_skiplistnode *) apr_skiplist_insert(apr_skiplist *sl,
                                                    void *data);

/**
 * Inserts data ordered by comp, after any equal elements (duplicates are
 * kept in insertion order). Returns the new node, or NULL if comp is NULL.
 */
APR_DECLARE(apr_skiplistnode *) apr_skiplist_add_compare(apr_skiplist *sl,
                                  void *data, apr_skiplist_compare comp);

/** apr_skiplist_add_compare() with the list's element function. */
APR_DECLARE(apr_skiplistnode *) apr_skiplist_add(apr_skiplist *sl,
                                                 void *data);

/**
 * Removes every element comp reports equal to data (calling myfree, if not
 * NULL, on each), then inserts data. Returns the new node, or NULL if
 * comp is NULL.
 */
APR_DECLARE(apr_skiplistnode *) apr_skiplist_replace_compare(apr_skiplist *sl,
                                  void *data, apr_skiplist_freefunc myfree,
                                  apr_skiplist_compare comp);

/** apr_skiplist_replace_compare() with the list's element function. */
APR_DECLARE(apr_skiplistnode *) apr_skiplist_replace(apr_skiplist *sl,
                                  void *data, apr_skiplist_freefunc myfree);

/**
 * Removes the element at node iter (found in the main order or an index)
 * from the list and its indexes, calling myfree on it if not NULL.
 * Returns the list's height afterwards (at least 1), or 0 if iter is NULL.
 */
APR_DECLARE(int) apr_skiplist_remove_node(apr_skiplist *sl,
                                          apr_skiplistnode *iter,
                                          apr_skiplist_freefunc myfree);

/**
 * Removes the first element that comp reports equal to data, where comp is
 * the list's key function (main order) or an index's element function.
 * Calls myfree on it if not NULL. Returns the height afterwards (at least
 * 1), or 0 when nothing was removed.
 */
APR_DECLARE(int) apr_skiplist_remove_compare(apr_skiplist *sl, void *data,
                                             apr_skiplist_freefunc myfree,
                                             apr_skiplist_compare comp);

/** apr_skiplist_remove_compare() with the list's key function. */
APR_DECLARE(int) apr_skiplist_remove(apr_skiplist *sl, void *data,
                                     apr_skiplist_freefunc myfree);

/** Removes every element, calling myfree on each if not NULL. */
APR_DECLARE(void) apr_skiplist_remove_all(apr_skiplist *sl,
                                          apr_skiplist_freefunc myfree);

/**
 * Removes every element (calling myfree on each if not NULL) and every
 * index. A list made without a pool is freed entirely (sl must not be used
 * afterwards); a pool's list stays usable, empty.
 */
APR_DECLARE(void) apr_skiplist_destroy(apr_skiplist *sl,
                                       apr_skiplist_freefunc myfree);

/**
 * Removes and returns the first element (calling myfree on it if not NULL
 * before returning it), or NULL when the list is empty.
 */
APR_DECLARE(void *) apr_skiplist_pop(apr_skiplist *sl,
                                     apr_skiplist_freefunc myfree);

/** The first element, left in place, or NULL when the list is empty. */
APR_DECLARE(void *) apr_skiplist_peek(apr_skiplist *sl);

/** The number of elements, in O(1). */
APR_DECLARE(size_t) apr_skiplist_size(const apr_skiplist *sl);

/** The number of levels in use (at least 1), in O(1). */
APR_DECLARE(int) apr_skiplist_height(const apr_skiplist *sl);

/** The fixed maximum node height, or 0 when heights adapt to the list. */
APR_DECLARE(int) apr_skiplist_preheight(const apr_skiplist *sl);

/**
 * Fixes the maximum height of nodes inserted from now on to `to`, or with
 * to <= 0 lets it adapt (up to the current height plus one). Best called
 * before the first insertion.
 */
APR_DECLARE(void) apr_skiplist_set_preheight(apr_skiplist *sl, int to);

/**
 * Moves the elements of sl2 into sl1 and returns sl1; sl2 is left empty.
 * When sl1 is empty it takes all of sl2's elements; otherwise each of
 * sl2's elements is inserted like apr_skiplist_insert() (so those equal to
 * an element already in sl1 are dropped, without a free function call).
 * Portable code should only merge into an empty sl1: APR 1.7 itself
 * replaces a non-empty sl1's elements with sl2's.
 */
APR_DECLARE(apr_skiplist *) apr_skiplist_merge(apr_skiplist *sl1,
                                               apr_skiplist *sl2);

#ifdef __cplusplus
}
#endif

#endif /* APR_SKIPLIST_H */
