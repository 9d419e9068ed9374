/*
 * apr_tables.h: growable arrays of fixed-size elements, and string tables
 * (ordered lists of key/value string pairs with case-insensitive keys, as
 * used for HTTP headers and environments).
 *
 * Ownership: an array or table belongs to the pool it was made in; its
 * storage lives until that pool is cleared or destroyed. Nothing here frees
 * memory; nothing is thread-safe (one owner at a time).
 */
#ifndef APR_TABLES_H
#define APR_TABLES_H

#include "apr.h"
#include "apr_pools.h"

#if APR_HAVE_STDARG_H
#include <stdarg.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** A string table; opaque, read its entries through apr_table_elts(). */
typedef struct apr_table_t apr_table_t;

/** A growable array; the header below is public and may be read directly. */
typedef struct apr_array_header_t apr_array_header_t;

/** The array header: elements live contiguously at elts. */
struct apr_array_header_t {
    /** Pool that owns the element storage (used when the array grows). */
    apr_pool_t *pool;
    /** Size in bytes of one element. */
    int elt_size;
    /** Number of elements in use. */
    int nelts;
    /** Number of elements the storage at elts can hold. */
    int nalloc;
    /** The elements: nelts used slots of elt_size bytes each. */
    char *elts;
};

/** One key/value pair of a table, as seen through apr_table_elts(). */
typedef struct apr_table_entry_t apr_table_entry_t;

/** A table entry; iterate with apr_table_elts(t)->elts cast to this type. */
struct apr_table_entry_t {
    /** The key (skip entries whose key is NULL when iterating). */
    char *key;
    /** The value. */
    char *val;
    /** Internal fast-compare hash of the key; do not interpret. */
    apr_uint32_t key_checksum;
};

/** The entries of table t as an array of apr_table_entry_t, in order. */
APR_DECLARE(const apr_array_header_t *) apr_table_elts(const apr_table_t *t);

/** Non-zero when table t is NULL or has no entries. */
APR_DECLARE(int) apr_is_empty_table(const apr_table_t *t);

/** Non-zero when array a is NULL or has no elements. */
APR_DECLARE(int) apr_is_empty_array(const apr_array_header_t *a);

/**
 * A new empty array in pool p with room for nelts (at least 1) elements of
 * elt_size bytes each; the initial storage is zero-filled.
 */
APR_DECLARE(apr_array_header_t *) apr_array_make(apr_pool_t *p,
                                                 int nelts, int elt_size);

/**
 * Appends one element slot (growing the storage as needed) and returns its
 * address for the caller to fill in.
 */
APR_DECLARE(void *) apr_array_push(apr_array_header_t *arr);

/** Element i of array ary, viewed as type. */
#define APR_ARRAY_IDX(ary, i, type) (((type *)(ary)->elts)[i])

/** The new element slot of ary as an lvalue of type (pushes one element). */
#define APR_ARRAY_PUSH(ary, type) (*((type *)apr_array_push(ary)))

/**
 * Removes the last element and returns its address (still valid until the
 * next push), or NULL when the array is empty.
 */
APR_DECLARE(void *) apr_array_pop(apr_array_header_t *arr);

/** Empties the array; its storage is kept for reuse. */
APR_DECLARE(void) apr_array_clear(apr_array_header_t *arr);

/** Appends the elements of src to dst (which grows in dst's pool). */
APR_DECLARE(void) apr_array_cat(apr_array_header_t *dst,
                                const apr_array_header_t *src);

/** A copy of arr in pool p, with its own storage of the same capacity. */
APR_DECLARE(apr_array_header_t *) apr_array_copy(apr_pool_t *p,
                                      const apr_array_header_t *arr);

/**
 * A copy of arr's header in pool p that shares arr's elements until the
 * copy grows (its first push or cat copies the elements).
 */
APR_DECLARE(apr_array_header_t *) apr_array_copy_hdr(apr_pool_t *p,
                                      const apr_array_header_t *arr);

/** A new array in pool p holding first's elements followed by second's. */
APR_DECLARE(apr_array_header_t *) apr_array_append(apr_pool_t *p,
                                      const apr_array_header_t *first,
                                      const apr_array_header_t *second);

/**
 * Joins an array of (char *) into one string allocated in p, with sep
 * between elements unless sep is '\0'; NULL elements count as empty.
 * An empty array gives "".
 */
APR_DECLARE(char *) apr_array_pstrcat(apr_pool_t *p,
                                      const apr_array_header_t *arr,
                                      const char sep);

/** A new empty table in pool p with room for nelts entries. */
APR_DECLARE(apr_table_t *) apr_table_make(apr_pool_t *p, int nelts);

/** A copy of t in pool p; keys and values are shared, not duplicated. */
APR_DECLARE(apr_table_t *) apr_table_copy(apr_pool_t *p,
                                          const apr_table_t *t);

/** A deep copy of t in pool p: keys and values are duplicated too. */
APR_DECLARE(apr_table_t *) apr_table_clone(apr_pool_t *p,
                                           const apr_table_t *t);

/** Removes every entry of t. */
APR_DECLARE(void) apr_table_clear(apr_table_t *t);

/**
 * The value of the first entry whose key matches key without regard to
 * ASCII case, or NULL.
 */
APR_DECLARE(const char *) apr_table_get(const apr_table_t *t,
                                        const char *key);

/**
 * Like apr_table_get(), but when several entries match, their values are
 * joined in table order with "," (no space, as APR 1.7 does) into a string
 * allocated in p; a single match is returned as is.
 */
APR_DECLARE(const char *) apr_table_getm(apr_pool_t *p, const apr_table_t *t,
                                         const char *key);

/**
 * Sets key to val: the first matching entry gets the value (keeping its
 * position and key spelling), other matching entries are removed; when
 * none matches, the pair is appended. Key and value are copied.
 */
APR_DECLARE(void) apr_table_set(apr_table_t *t, const char *key,
                                const char *val);

/** Like apr_table_set() but stores key and val without copying them. */
APR_DECLARE(void) apr_table_setn(apr_table_t *t, const char *key,
                                 const char *val);

/** Removes every entry whose key matches key (case-insensitively). */
APR_DECLARE(void) apr_table_unset(apr_table_t *t, const char *key);

/**
 * Appends ", " and val to the value of the first entry matching key, or
 * adds the pair like apr_table_add() when none matches. Copies val (and
 * key when added).
 */
APR_DECLARE(void) apr_table_merge(apr_table_t *t, const char *key,
                                  const char *val);

/**
 * Like apr_table_merge(), but when no entry matches the pair is added
 * without copying, like apr_table_addn().
 */
APR_DECLARE(void) apr_table_mergen(apr_table_t *t, const char *key,
                                   const char *val);

/** Appends a key/value pair even if the key is present; copies both. */
APR_DECLARE(void) apr_table_add(apr_table_t *t, const char *key,
                                const char *val);

/** Like apr_table_add() but stores key and val without copying them. */
APR_DECLARE(void) apr_table_addn(apr_table_t *t, const char *key,
                                 const char *val);

/**
 * A new table in pool p holding overlay's entries followed by base's
 * (duplicates are kept; apr_table_get() thus prefers overlay's values).
 */
APR_DECLARE(apr_table_t *) apr_table_overlay(apr_pool_t *p,
                                             const apr_table_t *overlay,
                                             const apr_table_t *base);

/**
 * Callback of apr_table_do()/apr_table_vdo(): called with the caller's rec
 * and one entry; return non-zero to go on, zero to stop.
 */
typedef int (apr_table_do_callback_fn_t)(void *rec, const char *key,
                                         const char *value);

/**
 * Calls comp for entries of t in table order. The variable arguments are
 * zero or more keys ending with NULL: with none, every entry is visited;
 * otherwise, for each key in turn, the entries matching it. A zero return
 * from comp stops the scan of the current key (or of the whole table) and
 * makes the result 0; the result is 1 when comp never returned zero.
 */
APR_DECLARE_NONSTD(int) apr_table_do(apr_table_do_callback_fn_t *comp,
                                     void *rec, const apr_table_t *t, ...)
#if defined(__GNUC__) && __GNUC__ >= 4
    __attribute__((sentinel))
#endif
    ;

/** apr_table_do() with the key list as a va_list. */
APR_DECLARE(int) apr_table_vdo(apr_table_do_callback_fn_t *comp,
                               void *rec, const apr_table_t *t, va_list vp);

/** apr_table_overlap()/compress(): the later value replaces earlier ones. */
#define APR_OVERLAP_TABLES_SET   (0)
/** apr_table_overlap()/compress(): values are joined with ", ". */
#define APR_OVERLAP_TABLES_MERGE (1)
/** apr_table_overlap(): entries are appended, duplicates kept. */
#define APR_OVERLAP_TABLES_ADD   (2)

/**
 * Adds every entry of b to a, as if by apr_table_setn(), apr_table_mergen()
 * or apr_table_addn() per flags, except that with SET or MERGE duplicate
 * keys already in a are folded as well (as apr_table_compress() does).
 * Keys and values of b are not copied: b's storage must outlive a.
 */
APR_DECLARE(void) apr_table_overlap(apr_table_t *a, const apr_table_t *b,
                                    unsigned flags);

/**
 * Folds entries with equal keys into the first of them (keeping its
 * position and key spelling): with APR_OVERLAP_TABLES_MERGE the values are
 * joined in table order with ", ", with APR_OVERLAP_TABLES_SET the last
 * value wins; APR_OVERLAP_TABLES_ADD leaves the table unchanged.
 */
APR_DECLARE(void) apr_table_compress(apr_table_t *t, unsigned flags);

#ifdef __cplusplus
}
#endif

#endif /* APR_TABLES_H */
