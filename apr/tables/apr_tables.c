/*
 * String tables: an apr_array_header_t of apr_table_entry_t kept in
 * insertion order, plus a small index for fast lookups.
 *
 * Every entry carries key_checksum, its first four key bytes folded to
 * upper case, so a lookup compares strings only when those are equal
 * (four byte loads are cheaper than hashing whole keys, and glibc's
 * strcasecmp settles the rest fast). The index splits keys into
 * TABLE_NBUCKETS buckets by a mix of the checksum and records, per bucket,
 * the first and last array position holding a key of that bucket; a
 * lookup scans just that span comparing 32-bit checksums. A bucket whose bit
 * is clear in index_initialized is empty, so making or clearing a table
 * never has to zero the index.
 */
#include <stdarg.h>
#include <string.h>
#include <strings.h>

#include "apr_tables.h"

#include "tables_internal.h"

#define TABLE_NBUCKETS 32
#define TABLE_BUCKET(h) ((int)(((h) * 0x9E3779B1u) >> 27))
#define BUCKET_USED(t, b) ((t)->index_initialized & (1u << (b)))

struct apr_table_t {
    /* Must stay first: apr_table_elts() hands out its address. */
    apr_array_header_t a;
    apr_uint32_t index_initialized;
    int index_first[TABLE_NBUCKETS];
    int index_last[TABLE_NBUCKETS];
};

#define ELTS(t) ((apr_table_entry_t *)(void *)(t)->a.elts)

/* The key checksum: the first four bytes of the key (fewer for a shorter
 * key) packed big-endian, with the ASCII case bit masked off. Keys equal
 * under an ASCII case-insensitive compare have equal checksums. */
static APR_INLINE apr_uint32_t key_checksum(const char *key)
{
    const unsigned char *k = (const unsigned char *)key;
    apr_uint32_t c = 0;

    if (k[0]) {
        c = (apr_uint32_t)k[0] << 24;
        if (k[1]) {
            c |= (apr_uint32_t)k[1] << 16;
            if (k[2]) {
                c |= (apr_uint32_t)k[2] << 8;
                c |= k[3];
            }
        }
    }
    return c & 0xdfdfdfdfu;
}

/* A hash of the whole key, ASCII case folded (for apr_table_compress,
 * where keys sharing their first four bytes must not pile up). */
static apr_uint32_t full_hash(const char *key)
{
    const unsigned char *k = (const unsigned char *)key;
    apr_uint32_t h = 5381;

    for (; *k; k++)
        h = h * 33 + (apr_uint32_t)(*k & 0xdf);
    return h;
}

/* Case-insensitive key equality; strcasecmp like APR (ASCII folding in
 * the C locale), which beats a byte loop thanks to glibc's SIMD version. */
static APR_INLINE int key_eq(const char *a, const char *b)
{
    return strcasecmp(a, b) == 0;
}

static char *mem_dup(apr_pool_t *p, const char *s, size_t len)
{
    char *d = apr_palloc(p, len + 1);

    memcpy(d, s, len + 1);
    return d;
}

static char *str_dup(apr_pool_t *p, const char *s)
{
    return mem_dup(p, s, strlen(s));
}

/* a + ", " + b in pool p. */
static char *join2(apr_pool_t *p, const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *d = apr_palloc(p, la + lb + 3);

    memcpy(d, a, la);
    d[la] = ',';
    d[la + 1] = ' ';
    memcpy(d + la + 2, b, lb + 1);
    return d;
}

static void table_reindex(apr_table_t *t)
{
    apr_table_entry_t *e = ELTS(t);
    int i, b;

    t->index_initialized = 0;
    for (i = 0; i < t->a.nelts; i++) {
        b = TABLE_BUCKET(e[i].key_checksum);
        t->index_last[b] = i;
        if (!BUCKET_USED(t, b)) {
            t->index_first[b] = i;
            t->index_initialized |= 1u << b;
        }
    }
}

/* Index of the first entry matching key (hash h, bucket b), or -1. */
static APR_INLINE int table_find(const apr_table_t *t, const char *key,
                                 apr_uint32_t h, int b)
{
    const apr_table_entry_t *e, *end;

    if (!BUCKET_USED(t, b))
        return -1;
    e = ELTS(t) + t->index_first[b];
    end = ELTS(t) + t->index_last[b];
    for (; e <= end; e++)
        if (e->key_checksum == h && key_eq(e->key, key))
            return (int)(e - ELTS(t));
    return -1;
}

static APR_INLINE void table_append(apr_table_t *t, char *key, char *val,
                                    apr_uint32_t h, int b)
{
    apr_table_entry_t *e;

    if (t->a.nelts == t->a.nalloc)
        apr__array_grow(&t->a, t->a.nelts + 1);
    t->index_last[b] = t->a.nelts;
    if (!BUCKET_USED(t, b)) {
        t->index_first[b] = t->a.nelts;
        t->index_initialized |= 1u << b;
    }
    e = ELTS(t) + t->a.nelts++;
    e->key = key;
    e->val = val;
    e->key_checksum = h;
}

/* Drops the entries at positions from..(the bucket's last one) that match
 * key, keeping the order of the rest. */
static void table_drop_from(apr_table_t *t, int from, const char *key,
                            apr_uint32_t h, int b)
{
    apr_table_entry_t *e = ELTS(t);
    int last = t->index_last[b], src, dst = -1;

    for (src = from; src <= last; src++) {
        if (e[src].key_checksum == h && key_eq(e[src].key, key)) {
            if (dst < 0)
                dst = src;
        }
        else if (dst >= 0) {
            e[dst++] = e[src];
        }
    }
    if (dst < 0)
        return;
    for (; src < t->a.nelts; src++)
        e[dst++] = e[src];
    t->a.nelts = dst;
    table_reindex(t);
}

APR_DECLARE(const apr_array_header_t *) apr_table_elts(const apr_table_t *t)
{
    return &t->a;
}

APR_DECLARE(int) apr_is_empty_table(const apr_table_t *t)
{
    return t == NULL || t->a.nelts == 0;
}

APR_DECLARE(apr_table_t *) apr_table_make(apr_pool_t *p, int nelts)
{
    apr_table_t *t = apr_palloc(p, sizeof(*t));

    apr__array_init(&t->a, p, nelts, (int)sizeof(apr_table_entry_t), 0);
    t->index_initialized = 0;
    return t;
}

APR_DECLARE(apr_table_t *) apr_table_copy(apr_pool_t *p, const apr_table_t *t)
{
    apr_table_t *n = apr_palloc(p, sizeof(*n));

    apr__array_init(&n->a, p, t->a.nalloc, (int)sizeof(apr_table_entry_t), 0);
    memcpy(n->a.elts, t->a.elts, (size_t)t->a.nelts * sizeof(apr_table_entry_t));
    n->a.nelts = t->a.nelts;
    n->index_initialized = t->index_initialized;
    memcpy(n->index_first, t->index_first, sizeof(n->index_first));
    memcpy(n->index_last, t->index_last, sizeof(n->index_last));
    return n;
}

APR_DECLARE(apr_table_t *) apr_table_clone(apr_pool_t *p, const apr_table_t *t)
{
    apr_table_t *n = apr_table_copy(p, t);
    apr_table_entry_t *e = ELTS(n);
    int i;

    for (i = 0; i < n->a.nelts; i++) {
        if (e[i].key)
            e[i].key = str_dup(p, e[i].key);
        if (e[i].val)
            e[i].val = str_dup(p, e[i].val);
    }
    return n;
}

APR_DECLARE(void) apr_table_clear(apr_table_t *t)
{
    t->a.nelts = 0;
    t->index_initialized = 0;
}

APR_DECLARE(const char *) apr_table_get(const apr_table_t *t, const char *key)
{
    apr_uint32_t h;
    int i;

    if (key == NULL)
        return NULL;
    h = key_checksum(key);
    i = table_find(t, key, h, TABLE_BUCKET(h));
    return i < 0 ? NULL : ELTS(t)[i].val;
}

APR_DECLARE(const char *) apr_table_getm(apr_pool_t *p, const apr_table_t *t,
                                         const char *key)
{
    const apr_table_entry_t *e;
    apr_uint32_t h;
    size_t len, total = 0;
    int i, b, last, count = 0;
    char *res, *d;

    if (key == NULL)
        return NULL;
    h = key_checksum(key);
    b = TABLE_BUCKET(h);
    i = table_find(t, key, h, b);
    if (i < 0)
        return NULL;
    e = ELTS(t);
    last = t->index_last[b];
    for (; i <= last; i++) {
        if (e[i].key_checksum == h && key_eq(e[i].key, key)) {
            total += strlen(e[i].val) + 1;
            count++;
        }
    }
    i = table_find(t, key, h, b);
    if (count == 1)
        return e[i].val;

    /* Several values: joined with "," (what APR 1.7 does, despite the
     * ", " of apr_table_merge). */
    d = res = apr_palloc(p, total);
    for (; i <= last; i++) {
        if (e[i].key_checksum == h && key_eq(e[i].key, key)) {
            if (d != res)
                *d++ = ',';
            len = strlen(e[i].val);
            memcpy(d, e[i].val, len);
            d += len;
        }
    }
    *d = '\0';
    return res;
}

static void table_set(apr_table_t *t, const char *key, const char *val,
                      int copy)
{
    apr_uint32_t h;
    int i, b;

    h = key_checksum(key);
    b = TABLE_BUCKET(h);
    i = table_find(t, key, h, b);
    if (i >= 0) {
        ELTS(t)[i].val = copy ? str_dup(t->a.pool, val) : (char *)val;
        table_drop_from(t, i + 1, key, h, b);
        return;
    }
    if (copy)
        table_append(t, str_dup(t->a.pool, key), str_dup(t->a.pool, val),
                     h, b);
    else
        table_append(t, (char *)key, (char *)val, h, b);
}

APR_DECLARE(void) apr_table_set(apr_table_t *t, const char *key,
                                const char *val)
{
    table_set(t, key, val, 1);
}

APR_DECLARE(void) apr_table_setn(apr_table_t *t, const char *key,
                                 const char *val)
{
    table_set(t, key, val, 0);
}

APR_DECLARE(void) apr_table_unset(apr_table_t *t, const char *key)
{
    apr_uint32_t h;
    int i, b;

    h = key_checksum(key);
    b = TABLE_BUCKET(h);
    i = table_find(t, key, h, b);
    if (i >= 0)
        table_drop_from(t, i, key, h, b);
}

static void table_merge(apr_table_t *t, const char *key, const char *val,
                        int copy)
{
    apr_uint32_t h;
    int i, b;

    h = key_checksum(key);
    b = TABLE_BUCKET(h);
    i = table_find(t, key, h, b);
    if (i >= 0) {
        ELTS(t)[i].val = join2(t->a.pool, ELTS(t)[i].val, val);
        return;
    }
    if (copy)
        table_append(t, str_dup(t->a.pool, key), str_dup(t->a.pool, val),
                     h, b);
    else
        table_append(t, (char *)key, (char *)val, h, b);
}

APR_DECLARE(void) apr_table_merge(apr_table_t *t, const char *key,
                                  const char *val)
{
    table_merge(t, key, val, 1);
}

APR_DECLARE(void) apr_table_mergen(apr_table_t *t, const char *key,
                                   const char *val)
{
    table_merge(t, key, val, 0);
}

APR_DECLARE(void) apr_table_add(apr_table_t *t, const char *key,
                                const char *val)
{
    apr_uint32_t h = key_checksum(key);

    table_append(t, str_dup(t->a.pool, key), str_dup(t->a.pool, val), h,
                 TABLE_BUCKET(h));
}

APR_DECLARE(void) apr_table_addn(apr_table_t *t, const char *key,
                                 const char *val)
{
    apr_uint32_t h = key_checksum(key);

    table_append(t, (char *)key, (char *)val, h, TABLE_BUCKET(h));
}

APR_DECLARE(apr_table_t *) apr_table_overlay(apr_pool_t *p,
                                             const apr_table_t *overlay,
                                             const apr_table_t *base)
{
    apr_table_t *t = apr_palloc(p, sizeof(*t));
    size_t n1 = (size_t)overlay->a.nelts, n2 = (size_t)base->a.nelts;

    apr__array_init(&t->a, p, (int)(n1 + n2), (int)sizeof(apr_table_entry_t),
                    0);
    memcpy(t->a.elts, overlay->a.elts, n1 * sizeof(apr_table_entry_t));
    memcpy(t->a.elts + n1 * sizeof(apr_table_entry_t), base->a.elts,
           n2 * sizeof(apr_table_entry_t));
    t->a.nelts = (int)(n1 + n2);
    table_reindex(t);
    return t;
}

/* Calls comp on every entry of t until it returns 0; returns 0 if it did,
 * 1 otherwise. Only the entries present when the walk starts are visited:
 * a callback that adds entries may move the array, so neither the array
 * nor its end is read again (APR rereads the count but not the array). */
static int table_walk(apr_table_do_callback_fn_t *comp, void *rec,
                      const apr_table_t *t)
{
    const apr_table_entry_t *e = ELTS(t), *end = e + t->a.nelts;

    for (; e < end; e++)
        if (e->key && !comp(rec, e->key, e->val))
            return 0;
    return 1;
}

/* Calls comp on the entries of t whose key is `key`, as table_walk. */
static int table_do_key(apr_table_do_callback_fn_t *comp, void *rec,
                        const apr_table_t *t, const char *key)
{
    const apr_table_entry_t *e = ELTS(t);
    apr_uint32_t h = key_checksum(key);
    int i, b = TABLE_BUCKET(h), last;

    if (!BUCKET_USED(t, b))
        return 1;
    last = t->index_last[b];
    for (i = t->index_first[b]; i <= last; i++)
        if (e[i].key && e[i].key_checksum == h && key_eq(e[i].key, key)
            && !comp(rec, e[i].key, e[i].val))
            return 0;
    return 1;
}

/* The keyed walks of apr_table_vdo, from the first key on. Each key is
 * walked even after a callback stopped an earlier one, as APR does. Kept
 * out of line so the common walk over everything stays a small function. */
static __attribute__((noinline)) int table_do_keys(
    apr_table_do_callback_fn_t *comp, void *rec, const apr_table_t *t,
    const char *key, va_list *vp)
{
    int rv = 1;

    for (; key != NULL; key = va_arg(*vp, const char *))
        if (!table_do_key(comp, rec, t, key))
            rv = 0;
    return rv;
}

APR_DECLARE(int) apr_table_vdo(apr_table_do_callback_fn_t *comp, void *rec,
                               const apr_table_t *t, va_list vp)
{
    const char *key = va_arg(vp, const char *);
    va_list ap;
    int rv;

    if (key == NULL)
        return table_walk(comp, rec, t);
    /* A va_list parameter may be an array that decayed to a pointer:
     * hand a copy on by address. */
    va_copy(ap, vp);
    rv = table_do_keys(comp, rec, t, key, &ap);
    va_end(ap);
    return rv;
}

APR_DECLARE_NONSTD(int) apr_table_do(apr_table_do_callback_fn_t *comp,
                                     void *rec, const apr_table_t *t, ...)
{
    va_list vp;
    const char *key;
    int rv;

    va_start(vp, t);
    key = va_arg(vp, const char *);
    rv = key == NULL ? table_walk(comp, rec, t)
                     : table_do_keys(comp, rec, t, key, &vp);
    va_end(vp);
    return rv;
}

/* Joins the values of the chain starting at leader (linked by next[]) with
 * ", " into a new string in pool p. */
static char *join_chain(apr_pool_t *p, const apr_table_entry_t *e,
                        const int *next, int leader)
{
    size_t total = 0, len;
    char *res, *d;
    int i;

    for (i = leader; i >= 0; i = next[i])
        total += strlen(e[i].val) + 2;
    d = res = apr_palloc(p, total); /* one byte spare */
    for (i = leader; i >= 0; i = next[i]) {
        if (i != leader) {
            *d++ = ',';
            *d++ = ' ';
        }
        len = strlen(e[i].val);
        memcpy(d, e[i].val, len);
        d += len;
    }
    *d = '\0';
    return res;
}

APR_DECLARE(void) apr_table_compress(apr_table_t *t, unsigned flags)
{
    enum { SMALL = 64 };
    int small_buf[SMALL * 5];
    apr_table_entry_t *e = ELTS(t);
    int n = t->a.nelts, i, s, mask, bits, dups = 0, dst;
    int *slots, *next, *tail;
    apr_uint32_t *hash;

    if (flags == APR_OVERLAP_TABLES_ADD || n <= 1)
        return;

    /* Open-addressing set of the first entry ("leader") of each key; each
     * leader chains its duplicates in table order via next[]. A tail[] of
     * -1 marks a duplicate. */
    for (mask = 1, bits = 0; mask < 2 * n; mask <<= 1)
        bits++;
    if (n <= SMALL)
        slots = small_buf;
    else
        slots = apr_palloc(t->a.pool, (size_t)(mask + 3 * n) * sizeof(int));
    next = slots + mask;
    tail = next + n;
    hash = (apr_uint32_t *)(tail + n);
    mask--;
    memset(slots, 0xff, (size_t)(mask + 1) * sizeof(int));

    for (i = 0; i < n; i++) {
        next[i] = -1;
        hash[i] = full_hash(e[i].key);
        for (s = (int)((hash[i] * 0x9E3779B1u) >> (32 - bits));
             slots[s] >= 0; s = (s + 1) & mask) {
            int l = slots[s];
            if (hash[l] == hash[i] && key_eq(e[l].key, e[i].key))
                break;
        }
        if (slots[s] < 0) {
            slots[s] = i;
            tail[i] = i;
            continue;
        }
        next[tail[slots[s]]] = i;
        tail[slots[s]] = i;
        tail[i] = -1;
        dups = 1;
    }
    if (!dups)
        return;

    for (i = 0; i < n; i++) {
        if (tail[i] < 0 || next[i] < 0)
            continue;
        if (flags == APR_OVERLAP_TABLES_MERGE)
            e[i].val = join_chain(t->a.pool, e, next, i);
        else
            e[i].val = e[tail[i]].val;
    }
    for (i = dst = 0; i < n; i++)
        if (tail[i] >= 0)
            e[dst++] = e[i];
    t->a.nelts = dst;
    table_reindex(t);
}

APR_DECLARE(void) apr_table_overlap(apr_table_t *a, const apr_table_t *b,
                                    unsigned flags)
{
    int n = a->a.nelts, m = b->a.nelts, i;

    if (n + m == 0)
        return;
    if (m > 0) {
        if (n + m > a->a.nalloc)
            apr__array_grow(&a->a, n + m);
        memcpy(a->a.elts + (size_t)n * sizeof(apr_table_entry_t), b->a.elts,
               (size_t)m * sizeof(apr_table_entry_t));
        a->a.nelts = n + m;
        for (i = 0; i < TABLE_NBUCKETS; i++) {
            if (!BUCKET_USED(b, i))
                continue;
            a->index_last[i] = b->index_last[i] + n;
            if (!BUCKET_USED(a, i))
                a->index_first[i] = b->index_first[i] + n;
        }
        a->index_initialized |= b->index_initialized;
    }
    apr_table_compress(a, flags);
}
