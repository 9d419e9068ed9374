/*
 * apr_buckets.h, bucket by bucket: the allocator, the shared helpers and
 * every bucket type (immortal, transient, heap, pool, mmap, file, socket,
 * pipe, eos, flush): reads, splits, copies, setasides and the way reads
 * turn buckets into other types. The brigade functions are in
 * test_brigade.c.
 */
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "apr_buckets.h"
#include "apr_file_io.h"
#include "apr_mmap.h"
#include "apr_network_io.h"
#include "apr_strings.h"

static apr_bucket_alloc_t *ba;

static void setup_alloc(void)
{
    ba = apr_bucket_alloc_create(p);
    ck_assert_ptr_nonnull(ba);
}

/* Reads bucket @a e (blocking) and checks it holds exactly @a want. */
static void check_read(apr_bucket *e, const char *want, apr_size_t wlen)
{
    const char *s;
    apr_size_t len;

    ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_BLOCK_READ),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, wlen);
    ck_assert_uint_eq(e->length, wlen);
    if (wlen)
        ck_assert(memcmp(s, want, wlen) == 0);
}

/* A file holding @a len bytes of a pattern (also stored in @a out). */
static apr_file_t *pattern_file(char *out, apr_size_t len, apr_pool_t *pool,
                                apr_int32_t extra_flags)
{
    char *name = apr_psprintf(p, "/tmp/apu_test_buckets.%ld", (long)getpid());
    apr_file_t *f;
    apr_size_t i, n = len;

    for (i = 0; i < len; i++)
        out[i] = (char)('a' + (i * 7 + i / 26) % 26);
    ck_assert_int_eq(apr_file_open(&f, name,
                                   APR_FOPEN_CREATE | APR_FOPEN_TRUNCATE |
                                   APR_FOPEN_READ | APR_FOPEN_WRITE |
                                   extra_flags,
                                   APR_FPROT_OS_DEFAULT, pool), APR_SUCCESS);
    apr_file_remove(name, p);
    ck_assert_int_eq(apr_file_write_full(f, out, n, NULL), APR_SUCCESS);
    return f;
}

/* ---- the allocator --------------------------------------------------- */

START_TEST(alloc_reuse)
{
    void *a = apr_bucket_alloc(10, ba), *b, *c, *big;

    ck_assert_ptr_nonnull(a);
    memset(a, 1, APR_BUCKET_ALLOC_SIZE);
    apr_bucket_free(a);
    /* A freed small block is the next one handed out, whatever its size
     * up to APR_BUCKET_ALLOC_SIZE. */
    b = apr_bucket_alloc(APR_BUCKET_ALLOC_SIZE, ba);
    ck_assert_ptr_eq(a, b);
    c = apr_bucket_alloc(1, ba);
    ck_assert_ptr_ne(b, c);
    apr_bucket_free(c);
    apr_bucket_free(b);
    ck_assert_ptr_eq(apr_bucket_alloc(sizeof(apr_bucket), ba), b);
    ck_assert_ptr_eq(apr_bucket_alloc(0, ba), c);

    /* Large blocks come from the apr_allocator_t and go back to it. */
    big = apr_bucket_alloc(100000, ba);
    ck_assert_ptr_nonnull(big);
    memset(big, 2, 100000);
    apr_bucket_free(big);
}
END_TEST

START_TEST(alloc_many)
{
    /* More small blocks than one 8 KiB block holds, all distinct and
     * writable, all reused after being freed. */
    void *blocks[300];
    int i, j;

    for (i = 0; i < 300; i++) {
        blocks[i] = apr_bucket_alloc(APR_BUCKET_ALLOC_SIZE, ba);
        ck_assert_ptr_nonnull(blocks[i]);
        memset(blocks[i], i & 0xff, APR_BUCKET_ALLOC_SIZE);
    }
    for (i = 0; i < 300; i++)
        ck_assert_int_eq(((unsigned char *)blocks[i])[APR_BUCKET_ALLOC_SIZE - 1],
                         i & 0xff);
    for (i = 0; i < 300; i++)
        apr_bucket_free(blocks[i]);
    for (i = 0; i < 300; i++) {
        void *again = apr_bucket_alloc(1, ba);
        int found = 0;
        for (j = 0; j < 300 && !found; j++)
            found = again == blocks[j];
        ck_assert(found);
    }
}
END_TEST

START_TEST(alloc_aligned_floor)
{
    apr_size_t f;

    /* Small sizes: the fixed small block. */
    ck_assert_uint_eq(apr_bucket_alloc_aligned_floor(ba, 0),
                      APR_BUCKET_ALLOC_SIZE);
    ck_assert_uint_eq(apr_bucket_alloc_aligned_floor(ba, 1),
                      APR_BUCKET_ALLOC_SIZE);
    ck_assert_uint_eq(apr_bucket_alloc_aligned_floor(ba, 100),
                      APR_BUCKET_ALLOC_SIZE);
    /* Larger: what the 8 KiB node left after the headers (8120 on LP64 in
     * both libraries), the same for everything up to 8 KiB. */
    f = apr_bucket_alloc_aligned_floor(ba, 8192);
    ck_assert_uint_lt(f, 8192);
    ck_assert_uint_ge(f, 8000);
    ck_assert_uint_eq(apr_bucket_alloc_aligned_floor(ba, 300), f);
    ck_assert_uint_eq(apr_bucket_alloc_aligned_floor(ba, 8000), f);
    /* Past one node: the next 4 KiB boundary, minus the headers. */
    ck_assert_uint_eq(apr_bucket_alloc_aligned_floor(ba, 8200), f + 4096);
    ck_assert_uint_eq(apr_bucket_alloc_aligned_floor(ba, 65536),
                      f + 65536 - 8192);
    /* Allocating the floor is allowed and gives usable memory. */
    {
        char *m = apr_bucket_alloc(f, ba);
        memset(m, 3, f);
        apr_bucket_free(m);
    }
}
END_TEST

START_TEST(alloc_create_ex)
{
    apr_allocator_t *allocator;
    apr_bucket_alloc_t *list;
    apr_bucket *e;

    ck_assert_int_eq(apr_allocator_create(&allocator), APR_SUCCESS);
    list = apr_bucket_alloc_create_ex(allocator);
    ck_assert_ptr_nonnull(list);
    e = apr_bucket_heap_create("abc", 3, NULL, list);
    ck_assert_ptr_eq(e->list, list);
    check_read(e, "abc", 3);
    apr_bucket_destroy(e);
    apr_bucket_alloc_destroy(list);
    apr_allocator_destroy(allocator);
}
END_TEST

START_TEST(alloc_destroy_early)
{
    /* Destroying a pool allocator by hand kills its pool cleanup. */
    apr_pool_t *sub;
    apr_bucket_alloc_t *list;

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    list = apr_bucket_alloc_create(sub);
    apr_bucket_free(apr_bucket_alloc(1000, list));
    apr_bucket_alloc_destroy(list);
    apr_pool_destroy(sub);
}
END_TEST

/* ---- immortal and transient ----------------------------------------- */

START_TEST(immortal_no_copy)
{
    static const char text[] = "hello, world";
    apr_bucket *e = apr_bucket_immortal_create(text, 12, ba), *c;
    const char *s;
    apr_size_t len;

    ck_assert(APR_BUCKET_IS_IMMORTAL(e));
    ck_assert(!APR_BUCKET_IS_METADATA(e));
    ck_assert_str_eq(e->type->name, "IMMORTAL");
    ck_assert_int_eq(e->type->num_func, 5);
    ck_assert_ptr_eq(e->list, ba);
    ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_NONBLOCK_READ),
                     APR_SUCCESS);
    ck_assert_ptr_eq(s, text);
    ck_assert_uint_eq(len, 12);
    ck_assert_int_eq(apr_bucket_setaside(e, p), APR_SUCCESS);
    ck_assert(APR_BUCKET_IS_IMMORTAL(e));
    ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_BLOCK_READ),
                     APR_SUCCESS);
    ck_assert_ptr_eq(s, text);

    ck_assert_int_eq(apr_bucket_copy(e, &c), APR_SUCCESS);
    ck_assert_ptr_ne(c, e);
    ck_assert_int_eq(apr_bucket_read(c, &s, &len, APR_BLOCK_READ),
                     APR_SUCCESS);
    ck_assert_ptr_eq(s, text);
    apr_bucket_destroy(c);
    apr_bucket_destroy(e);
}
END_TEST

START_TEST(simple_split_copy)
{
    static const char text[] = "0123456789";
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);
    apr_bucket *e = apr_bucket_immortal_create(text, 10, ba), *n;

    APR_BRIGADE_INSERT_TAIL(bb, e);
    ck_assert_int_eq(apr_bucket_split(e, 11), APR_EINVAL);
    ck_assert_int_eq(apr_bucket_split(e, 4), APR_SUCCESS);
    n = APR_BUCKET_NEXT(e);
    ck_assert_ptr_ne(n, APR_BRIGADE_SENTINEL(bb));
    ck_assert(APR_BUCKET_IS_IMMORTAL(n));
    check_read(e, "0123", 4);
    check_read(n, "456789", 6);
    ck_assert_int_eq(n->start, 4);
    ck_assert_ptr_eq(APR_BUCKET_NEXT(n), APR_BRIGADE_SENTINEL(bb));
    /* Splitting at the very end leaves an empty second bucket. */
    ck_assert_int_eq(apr_bucket_split(n, 6), APR_SUCCESS);
    check_read(APR_BUCKET_NEXT(n), "", 0);
    /* The helpers work on any bucket. */
    ck_assert_int_eq(apr_bucket_simple_split(e, 2), APR_SUCCESS);
    check_read(e, "01", 2);
    check_read(APR_BUCKET_NEXT(e), "23", 2);
    ck_assert_int_eq(apr_bucket_simple_copy(e, &n), APR_SUCCESS);
    check_read(n, "01", 2);
    apr_bucket_destroy(n);
}
END_TEST

START_TEST(transient_setaside_copies)
{
    char buf[16];
    apr_bucket *e;
    const char *s;
    apr_size_t len;

    strcpy(buf, "transient data");
    e = apr_bucket_transient_create(buf, 14, ba);
    ck_assert(APR_BUCKET_IS_TRANSIENT(e));
    ck_assert_str_eq(e->type->name, "TRANSIENT");
    ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_BLOCK_READ),
                     APR_SUCCESS);
    ck_assert_ptr_eq(s, buf);

    /* A split part keeps its offset through the setaside. */
    ck_assert_int_eq(apr_bucket_split(e, 10), APR_SUCCESS);
    {
        apr_bucket *tail = APR_BUCKET_NEXT(e);
        ck_assert_int_eq(apr_bucket_setaside(tail, p), APR_SUCCESS);
        ck_assert(APR_BUCKET_IS_HEAP(tail));
        check_read(tail, "data", 4);
        apr_bucket_destroy(tail);
    }
    ck_assert_int_eq(apr_bucket_setaside(e, p), APR_SUCCESS);
    ck_assert(APR_BUCKET_IS_HEAP(e));
    ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_BLOCK_READ),
                     APR_SUCCESS);
    ck_assert_ptr_ne(s, buf);
    memset(buf, 'x', sizeof(buf));
    check_read(e, "transient ", 10);
    apr_bucket_destroy(e);
}
END_TEST

/* ---- heap ------------------------------------------------------------ */

static int frees;
static void *freed;

static void count_free(void *data)
{
    frees++;
    freed = data;
    free(data);
}

START_TEST(heap_copy_or_take)
{
    static const char text[] = "heap bytes";
    apr_bucket *e, *c;
    apr_bucket_heap *h;
    const char *s;
    apr_size_t len;
    char *mine;

    /* No free function: the bytes are copied. */
    e = apr_bucket_heap_create(text, 10, NULL, ba);
    ck_assert(APR_BUCKET_IS_HEAP(e));
    ck_assert_str_eq(e->type->name, "HEAP");
    h = e->data;
    ck_assert_ptr_ne(h->base, text);
    ck_assert_uint_eq(h->alloc_len, 10);
    ck_assert_int_eq(h->refcount.refcount, 1);
    ck_assert(h->free_func == apr_bucket_free);
    check_read(e, text, 10);
    ck_assert_int_eq(apr_bucket_setaside(e, p), APR_SUCCESS);
    apr_bucket_destroy(e);

    /* With one, the buffer is taken over and freed with the last bucket
     * sharing it. */
    mine = malloc(20);
    memcpy(mine, "0123456789abcdefghij", 20);
    frees = 0;
    e = apr_bucket_heap_create(mine, 20, count_free, ba);
    ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_BLOCK_READ),
                     APR_SUCCESS);
    ck_assert_ptr_eq(s, mine);
    h = e->data;
    ck_assert_int_eq(apr_bucket_copy(e, &c), APR_SUCCESS);
    ck_assert_int_eq(h->refcount.refcount, 2);
    ck_assert_ptr_eq(c->data, h);
    {
        apr_bucket_brigade *bb = apr_brigade_create(p, ba);
        APR_BRIGADE_INSERT_TAIL(bb, c);
        ck_assert_int_eq(apr_bucket_split(c, 15), APR_SUCCESS);
        ck_assert_int_eq(h->refcount.refcount, 3);
        check_read(APR_BUCKET_NEXT(c), "fghij", 5);
        apr_brigade_destroy(bb);
    }
    ck_assert_int_eq(frees, 0);
    ck_assert_int_eq(h->refcount.refcount, 1);
    apr_bucket_destroy(e);
    ck_assert_int_eq(frees, 1);
    ck_assert_ptr_eq(freed, mine);
}
END_TEST

START_TEST(shared_helpers)
{
    apr_bucket_heap *h = apr_bucket_alloc(sizeof(*h), ba);
    apr_bucket *e = apr_bucket_alloc(sizeof(*e), ba), *c;

    APR_BUCKET_INIT(e);
    e->free = apr_bucket_free;
    e->list = ba;
    h->base = apr_pstrdup(p, "shared-data");
    h->alloc_len = 11;
    h->free_func = apr_bucket_destroy_noop;
    ck_assert_ptr_eq(apr_bucket_shared_make(e, h, 2, 5), e);
    e->type = &apr_bucket_type_heap;
    ck_assert_int_eq(h->refcount.refcount, 1);
    ck_assert_int_eq(e->start, 2);
    check_read(e, "ared-", 5);
    ck_assert_int_eq(apr_bucket_shared_copy(e, &c), APR_SUCCESS);
    ck_assert_int_eq(h->refcount.refcount, 2);
    ck_assert_int_eq(apr_bucket_shared_split(c, 6), APR_EINVAL);
    ck_assert_int_eq(h->refcount.refcount, 2);
    ck_assert_int_eq(apr_bucket_shared_destroy(h), 0);
    ck_assert_int_eq(h->refcount.refcount, 1);
    apr_bucket_free(c);
    apr_bucket_destroy(e);   /* the last reference frees h */
}
END_TEST

/* ---- pool ------------------------------------------------------------ */

START_TEST(pool_bucket_outlives_pool)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);
    apr_pool_t *sub;
    apr_bucket *e, *n;
    const char *data;
    apr_bucket_pool *pd;

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    data = apr_pstrdup(sub, "pool bucket bytes");
    e = apr_bucket_pool_create(data, 17, sub, ba);
    ck_assert(APR_BUCKET_IS_POOL(e));
    ck_assert_str_eq(e->type->name, "POOL");
    pd = e->data;
    ck_assert_ptr_eq(pd->base, data);
    ck_assert_ptr_eq(pd->pool, sub);
    APR_BRIGADE_INSERT_TAIL(bb, e);
    {
        const char *s;
        apr_size_t len;
        ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_BLOCK_READ),
                         APR_SUCCESS);
        ck_assert_ptr_eq(s, data);   /* no copy while the pool lives */
    }
    ck_assert_int_eq(apr_bucket_setaside(e, p), APR_SUCCESS);
    ck_assert_int_eq(apr_bucket_split(e, 5), APR_SUCCESS);
    n = APR_BUCKET_NEXT(e);
    ck_assert_int_eq(pd->heap.refcount.refcount, 2);

    /* The pool goes: the bytes move to the heap, and each bucket becomes
     * a heap bucket when next read. */
    apr_pool_destroy(sub);
    ck_assert_ptr_null(pd->pool);
    ck_assert_ptr_null(pd->base);
    ck_assert(APR_BUCKET_IS_POOL(e));
    check_read(e, "pool ", 5);
    ck_assert(APR_BUCKET_IS_HEAP(e));
    ck_assert(APR_BUCKET_IS_POOL(n));
    apr_bucket_delete(e);    /* a heap bucket sharing with a pool one */
    check_read(n, "bucket bytes", 12);
    ck_assert(APR_BUCKET_IS_HEAP(n));
    apr_brigade_destroy(bb);
}
END_TEST

START_TEST(pool_bucket_destroyed_unread)
{
    /* Destroyed after its pool, never read: still a POOL bucket, freed
     * through the heap code. */
    apr_pool_t *sub;
    apr_bucket *e, *c;

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    e = apr_bucket_pool_create(apr_pstrdup(sub, "xyz"), 3, sub, ba);
    ck_assert_int_eq(apr_bucket_copy(e, &c), APR_SUCCESS);
    apr_pool_destroy(sub);
    apr_bucket_destroy(e);
    check_read(c, "xyz", 3);
    apr_bucket_destroy(c);

    /* Destroyed before its pool: the pool cleanup is gone with it. */
    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    e = apr_bucket_pool_create(apr_pstrdup(sub, "abc"), 3, sub, ba);
    check_read(e, "abc", 3);
    apr_bucket_destroy(e);
    apr_pool_destroy(sub);
}
END_TEST

/* ---- mmap ------------------------------------------------------------ */

START_TEST(mmap_bucket)
{
    char data[10000];
    apr_pool_t *sub, *other;
    apr_file_t *f = pattern_file(data, sizeof(data), p, 0);
    apr_mmap_t *mm;
    apr_bucket *e, *n;
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    ck_assert_int_eq(apr_mmap_create(&mm, f, 0, sizeof(data), APR_MMAP_READ,
                                     sub), APR_SUCCESS);
    e = apr_bucket_mmap_create(mm, 0, sizeof(data), ba);
    ck_assert(APR_BUCKET_IS_MMAP(e));
    ck_assert_str_eq(e->type->name, "MMAP");
    ck_assert_ptr_eq(((apr_bucket_mmap *)e->data)->mmap, mm);
    APR_BRIGADE_INSERT_TAIL(bb, e);
    {
        const char *s;
        apr_size_t len;
        ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_BLOCK_READ),
                         APR_SUCCESS);
        ck_assert_ptr_eq(s, mm->mm);   /* the mapping itself */
    }
    check_read(e, data, sizeof(data));
    ck_assert_int_eq(apr_bucket_split(e, 5000), APR_SUCCESS);
    n = APR_BUCKET_NEXT(e);
    check_read(n, data + 5000, 5000);

    /* Setting aside into a pool that may outlive the mapping's moves the
     * bucket to a duplicate mapping there. */
    ck_assert_int_eq(apr_pool_create(&other, p), APR_SUCCESS);
    ck_assert_int_eq(apr_bucket_setaside(n, other), APR_SUCCESS);
    ck_assert_ptr_ne(((apr_bucket_mmap *)n->data)->mmap, mm);
    /* ... while a descendant of its pool needs nothing. */
    {
        apr_pool_t *child;
        ck_assert_int_eq(apr_pool_create(&child, sub), APR_SUCCESS);
        ck_assert_int_eq(apr_bucket_setaside(e, child), APR_SUCCESS);
        ck_assert_ptr_eq(((apr_bucket_mmap *)e->data)->mmap, mm);
    }

    /* The mapping's pool goes: the bucket still on it can no longer be
     * read, the one set aside can. */
    apr_pool_destroy(sub);
    {
        const char *s;
        apr_size_t len;
        ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_BLOCK_READ),
                         APR_EINVAL);
    }
    check_read(n, data + 5000, 5000);
    apr_brigade_destroy(bb);
    apr_pool_destroy(other);
}
END_TEST

/* ---- file ------------------------------------------------------------ */

START_TEST(file_bucket_read_heap)
{
    char data[20000];
    apr_file_t *f = pattern_file(data, sizeof(data), p, 0);
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);
    apr_bucket *e = apr_bucket_file_create(f, 100, 19900, p, ba), *n;
    apr_bucket_file *a = e->data;
    apr_size_t off = 100;

    ck_assert(APR_BUCKET_IS_FILE(e));
    ck_assert_str_eq(e->type->name, "FILE");
    ck_assert_ptr_eq(a->fd, f);
    ck_assert_ptr_eq(a->readpool, p);
    ck_assert_int_eq(a->can_mmap, 1);
    ck_assert_uint_eq(a->read_size, APR_BUCKET_BUFF_SIZE);
    ck_assert_int_eq(e->start, 100);
    ck_assert_int_eq(apr_bucket_file_enable_mmap(e, 0), APR_SUCCESS);
    ck_assert_int_eq(a->can_mmap, 0);
    APR_BRIGADE_INSERT_TAIL(bb, e);

    /* Each read takes APR_BUCKET_BUFF_SIZE bytes into a heap bucket and
     * leaves a file bucket for the rest. */
    while (off < sizeof(data)) {
        apr_size_t want = sizeof(data) - off;
        if (want > APR_BUCKET_BUFF_SIZE)
            want = APR_BUCKET_BUFF_SIZE;
        ck_assert(APR_BUCKET_IS_FILE(e));
        ck_assert_int_eq(e->start, (apr_off_t)off);
        check_read(e, data + off, want);
        ck_assert(APR_BUCKET_IS_HEAP(e));
        ck_assert_uint_eq(((apr_bucket_heap *)e->data)->alloc_len, want);
        off += want;
        n = APR_BUCKET_NEXT(e);
        if (off < sizeof(data)) {
            ck_assert(APR_BUCKET_IS_FILE(n));
            ck_assert_uint_eq(n->length, sizeof(data) - off);
            ck_assert_ptr_eq(n->data, a);
        }
        else {
            ck_assert_ptr_eq(n, APR_BRIGADE_SENTINEL(bb));
        }
        e = n;
    }
    apr_brigade_destroy(bb);
}
END_TEST

START_TEST(file_bucket_buf_size)
{
    char data[30000];
    apr_file_t *f = pattern_file(data, sizeof(data), p, 0);
    apr_bucket *e = apr_bucket_file_create(f, 0, sizeof(data), p, ba);
    apr_bucket_file *a = e->data;
    apr_size_t floor;

    apr_bucket_file_enable_mmap(e, 0);
    ck_assert_int_eq(apr_bucket_file_set_buf_size(e, 100), APR_SUCCESS);
    ck_assert_uint_eq(a->read_size, APR_BUCKET_BUFF_SIZE);
    ck_assert_int_eq(apr_bucket_file_set_buf_size(e, 20000), APR_SUCCESS);
    ck_assert_uint_eq(a->read_size, 20000);
    /* Sizes are floored to what the allocator block holds. */
    floor = apr_bucket_alloc_aligned_floor(ba, 8192);
    ck_assert_int_eq(apr_bucket_file_set_buf_size(e, 8192), APR_SUCCESS);
    ck_assert_uint_eq(a->read_size, floor);
    ck_assert_int_eq(apr_bucket_file_set_buf_size(e, 20000), APR_SUCCESS);
    {
        apr_bucket_brigade *bb = apr_brigade_create(p, ba);
        APR_BRIGADE_INSERT_TAIL(bb, e);
        check_read(e, data, 20000);
        ck_assert(APR_BUCKET_IS_FILE(APR_BUCKET_NEXT(e)));
        check_read(APR_BUCKET_NEXT(e), data + 20000, 10000);
        apr_brigade_destroy(bb);
    }
}
END_TEST

START_TEST(file_bucket_read_mmap)
{
    static char data[20000];
    apr_file_t *f = pattern_file(data, sizeof(data), p, 0);
    apr_bucket *e = apr_bucket_file_create(f, 0, sizeof(data), p, ba);
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);

    APR_BRIGADE_INSERT_TAIL(bb, e);
    check_read(e, data, sizeof(data));
#if APR_HAS_MMAP
    /* Mapping is on by default: the whole segment, no copy. */
    ck_assert(APR_BUCKET_IS_MMAP(e));
#endif
    ck_assert_ptr_eq(APR_BUCKET_NEXT(e), APR_BRIGADE_SENTINEL(bb));
    apr_brigade_destroy(bb);
}
END_TEST

START_TEST(file_bucket_mmap_limit)
{
    /* A segment past APR_MMAP_LIMIT is mapped a limit at a time. */
    apr_size_t size = APR_MMAP_LIMIT + 5000;
    char *data = malloc(size);
    apr_file_t *f = pattern_file(data, size, p, 0);
    apr_bucket *e = apr_bucket_file_create(f, 0, size, p, ba), *n;
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);

    APR_BRIGADE_INSERT_TAIL(bb, e);
    check_read(e, data, APR_MMAP_LIMIT);
    ck_assert(APR_BUCKET_IS_MMAP(e));
    n = APR_BUCKET_NEXT(e);
    ck_assert(APR_BUCKET_IS_FILE(n));
    ck_assert_int_eq(n->start, APR_MMAP_LIMIT);
    check_read(n, data + APR_MMAP_LIMIT, 5000);
    apr_brigade_destroy(bb);
    free(data);
}
END_TEST

START_TEST(file_bucket_setaside)
{
    char data[3000];
    apr_pool_t *sub, *other;
    apr_file_t *f;
    apr_bucket *e;
    apr_bucket_file *a;

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    ck_assert_int_eq(apr_pool_create(&other, p), APR_SUCCESS);
    f = pattern_file(data, sizeof(data), sub, 0);
    e = apr_bucket_file_create(f, 1000, 2000, sub, ba);
    a = e->data;
    /* Into a descendant of the file's pool: nothing to do. */
    {
        apr_pool_t *child;
        ck_assert_int_eq(apr_pool_create(&child, sub), APR_SUCCESS);
        ck_assert_int_eq(apr_bucket_setaside(e, child), APR_SUCCESS);
        ck_assert_ptr_eq(a->fd, f);
        ck_assert_ptr_eq(a->readpool, sub);
    }
    /* Elsewhere: the file moves there. */
    ck_assert_int_eq(apr_bucket_setaside(e, other), APR_SUCCESS);
    ck_assert_ptr_eq(e->data, a);
    ck_assert_ptr_ne(a->fd, f);
    ck_assert_ptr_eq(a->readpool, other);
    ck_assert_ptr_eq(apr_file_pool_get(a->fd), other);
    apr_pool_destroy(sub);
    apr_bucket_file_enable_mmap(e, 0);
    check_read(e, data + 1000, 2000);
    apr_bucket_destroy(e);
    apr_pool_destroy(other);
}
END_TEST

START_TEST(file_bucket_setaside_shared)
{
    /* A file shared by several buckets is duplicated for the one set
     * aside; the others keep the original. */
    char data[3000];
    apr_pool_t *sub, *other;
    apr_file_t *f;
    apr_bucket *e, *c;
    apr_bucket_file *a, *mine;

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    ck_assert_int_eq(apr_pool_create(&other, p), APR_SUCCESS);
    f = pattern_file(data, sizeof(data), sub, 0);
    e = apr_bucket_file_create(f, 1000, 2000, sub, ba);
    a = e->data;
    ck_assert_int_eq(apr_bucket_copy(e, &c), APR_SUCCESS);
    ck_assert_int_eq(a->refcount.refcount, 2);
    ck_assert_int_eq(apr_bucket_setaside(e, other), APR_SUCCESS);
    mine = e->data;
    ck_assert_ptr_ne(mine, a);
    ck_assert_int_eq(mine->refcount.refcount, 1);
    ck_assert_int_eq(a->refcount.refcount, 1);
    ck_assert_ptr_eq(c->data, a);
    ck_assert_ptr_eq(a->fd, f);
    ck_assert_ptr_ne(mine->fd, f);
    ck_assert_ptr_eq(mine->readpool, other);
    ck_assert_ptr_eq(apr_file_pool_get(mine->fd), other);
    apr_bucket_file_enable_mmap(c, 0);
    check_read(c, data + 1000, 2000);
    apr_bucket_destroy(c);
    apr_pool_destroy(sub);
    apr_bucket_file_enable_mmap(e, 0);
    check_read(e, data + 1000, 2000);
    apr_bucket_destroy(e);
    apr_pool_destroy(other);
}
END_TEST

START_TEST(file_bucket_short_file)
{
    /* A bucket longer than the file: the read that meets the end returns
     * APR_EOF with what it got. */
    char data[100];
    apr_file_t *f = pattern_file(data, sizeof(data), p, 0);
    apr_bucket *e = apr_bucket_file_create(f, 50, 1000, p, ba);
    const char *s;
    apr_size_t len;
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);

    apr_bucket_file_enable_mmap(e, 0);
    APR_BRIGADE_INSERT_TAIL(bb, e);
    ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_BLOCK_READ),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 50);
    ck_assert(memcmp(s, data + 50, 50) == 0);
    e = APR_BUCKET_NEXT(e);
    ck_assert(APR_BUCKET_IS_FILE(e));
    ck_assert_uint_eq(e->length, 950);
    ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_BLOCK_READ), APR_EOF);
    ck_assert_uint_eq(len, 0);
    ck_assert(APR_BUCKET_IS_HEAP(e));
    ck_assert_ptr_eq(APR_BUCKET_NEXT(e), APR_BRIGADE_SENTINEL(bb));
    apr_brigade_destroy(bb);
}
END_TEST

START_TEST(file_bucket_xthread)
{
    /* A file opened for use by several threads is reopened for reading. */
    char data[500];
    apr_file_t *f = NULL;
    char *name = apr_psprintf(p, "/tmp/apu_test_xthread.%ld", (long)getpid());
    apr_bucket *e;
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);

    pattern_file(data, sizeof(data), p, 0);
    ck_assert_int_eq(apr_file_open(&f, name, APR_FOPEN_CREATE |
                                   APR_FOPEN_WRITE | APR_FOPEN_TRUNCATE,
                                   APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_write_full(f, data, sizeof(data), NULL),
                     APR_SUCCESS);
    apr_file_close(f);
    ck_assert_int_eq(apr_file_open(&f, name, APR_FOPEN_READ |
                                   APR_FOPEN_XTHREAD, 0, p), APR_SUCCESS);
    e = apr_bucket_file_create(f, 10, 490, p, ba);
    apr_bucket_file_enable_mmap(e, 0);
    APR_BRIGADE_INSERT_TAIL(bb, e);
    check_read(e, data + 10, 490);
    apr_brigade_destroy(bb);
    apr_file_remove(name, p);
}
END_TEST

/* ---- socket and pipe ------------------------------------------------- */

/* A connected pair of TCP sockets on the loopback. */
static void socket_pair(apr_socket_t **server, apr_socket_t **client)
{
    apr_socket_t *listener;
    apr_sockaddr_t *sa;

    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "127.0.0.1", APR_INET, 0, 0,
                                           p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_create(&listener, APR_INET, SOCK_STREAM,
                                       APR_PROTO_TCP, p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_bind(listener, sa), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_listen(listener, 1), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_addr_get(&sa, APR_LOCAL, listener),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_create(client, APR_INET, SOCK_STREAM,
                                       APR_PROTO_TCP, p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_connect(*client, sa), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_accept(server, listener, p), APR_SUCCESS);
    apr_socket_close(listener);
}

START_TEST(socket_bucket)
{
    apr_socket_t *server, *client;
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);
    apr_bucket *e, *c;
    apr_interval_time_t t;
    const char *s;
    apr_size_t len = 5;

    socket_pair(&server, &client);
    ck_assert_int_eq(apr_socket_timeout_set(server, apr_time_from_sec(30)),
                     APR_SUCCESS);
    e = apr_bucket_socket_create(server, ba);
    ck_assert(APR_BUCKET_IS_SOCKET(e));
    ck_assert_str_eq(e->type->name, "SOCKET");
    ck_assert_uint_eq(e->length, (apr_size_t)-1);
    ck_assert_int_eq(e->start, -1);
    ck_assert_ptr_eq(e->data, server);
    ck_assert_int_eq(apr_bucket_split(e, 1), APR_ENOTIMPL);
    ck_assert_int_eq(apr_bucket_copy(e, &c), APR_ENOTIMPL);
    ck_assert_int_eq(apr_bucket_setaside(e, p), APR_ENOTIMPL);
    APR_BRIGADE_INSERT_TAIL(bb, e);

    /* Nothing sent yet: a non-blocking read says so, changes nothing and
     * puts the timeout back. */
    ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_NONBLOCK_READ),
                     APR_EAGAIN);
    ck_assert(APR_BUCKET_IS_SOCKET(e));
    ck_assert_int_eq(apr_socket_timeout_get(server, &t), APR_SUCCESS);
    ck_assert_int_eq(t, apr_time_from_sec(30));

    len = 5;
    ck_assert_int_eq(apr_socket_send(client, "hello", &len), APR_SUCCESS);
    ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_BLOCK_READ),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 5);
    ck_assert(memcmp(s, "hello", 5) == 0);
    ck_assert(APR_BUCKET_IS_HEAP(e));
    ck_assert_uint_eq(e->length, 5);
    ck_assert_uint_eq(((apr_bucket_heap *)e->data)->alloc_len,
                      APR_BUCKET_BUFF_SIZE);
    e = APR_BUCKET_NEXT(e);
    ck_assert(APR_BUCKET_IS_SOCKET(e));
    ck_assert_ptr_eq(APR_BUCKET_NEXT(e), APR_BRIGADE_SENTINEL(bb));

    ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_NONBLOCK_READ),
                     APR_EAGAIN);
    ck_assert(APR_BUCKET_IS_SOCKET(e));

    /* End of stream: an empty immortal bucket, nothing after it. */
    apr_socket_close(client);
    ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_BLOCK_READ),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 0);
    ck_assert_ptr_nonnull(s);
    ck_assert(APR_BUCKET_IS_IMMORTAL(e));
    ck_assert_uint_eq(e->length, 0);
    ck_assert_ptr_eq(APR_BUCKET_NEXT(e), APR_BRIGADE_SENTINEL(bb));
    apr_brigade_destroy(bb);
}
END_TEST

START_TEST(socket_bucket_large)
{
    /* More than one buffer waiting: each read takes APR_BUCKET_BUFF_SIZE
     * at most; the bytes arrive whole and in order. */
    apr_socket_t *server, *client;
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);
    static char data[20000], got[20000];
    apr_size_t i, len = sizeof(data), have = 0;
    apr_bucket *e;

    for (i = 0; i < sizeof(data); i++)
        data[i] = (char)(i * 31 + 7);
    socket_pair(&server, &client);
    ck_assert_int_eq(apr_socket_timeout_set(server, apr_time_from_sec(30)),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_send(client, data, &len), APR_SUCCESS);
    ck_assert_uint_eq(len, sizeof(data));
    apr_socket_close(client);
    e = apr_bucket_socket_create(server, ba);
    APR_BRIGADE_INSERT_TAIL(bb, e);
    while (e != APR_BRIGADE_SENTINEL(bb)) {
        const char *s;
        ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_BLOCK_READ),
                         APR_SUCCESS);
        ck_assert_uint_le(len, APR_BUCKET_BUFF_SIZE);
        ck_assert_uint_le(have + len, sizeof(got));
        memcpy(got + have, s, len);
        have += len;
        e = APR_BUCKET_NEXT(e);
    }
    ck_assert_uint_eq(have, sizeof(data));
    ck_assert(memcmp(got, data, have) == 0);
    apr_brigade_destroy(bb);
}
END_TEST

START_TEST(pipe_bucket)
{
    apr_file_t *in, *out;
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);
    apr_bucket *e, *c;
    apr_interval_time_t t;
    const char *s;
    apr_size_t len = 3;

    ck_assert_int_eq(apr_file_pipe_create(&in, &out, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_pipe_timeout_set(in, apr_time_from_sec(30)),
                     APR_SUCCESS);
    e = apr_bucket_pipe_create(in, ba);
    ck_assert(APR_BUCKET_IS_PIPE(e));
    ck_assert_str_eq(e->type->name, "PIPE");
    ck_assert_uint_eq(e->length, (apr_size_t)-1);
    ck_assert_int_eq(e->start, -1);
    ck_assert_int_eq(apr_bucket_split(e, 1), APR_ENOTIMPL);
    ck_assert_int_eq(apr_bucket_copy(e, &c), APR_ENOTIMPL);
    ck_assert_int_eq(apr_bucket_setaside(e, p), APR_ENOTIMPL);
    APR_BRIGADE_INSERT_TAIL(bb, e);

    ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_NONBLOCK_READ),
                     APR_EAGAIN);
    ck_assert(APR_BUCKET_IS_PIPE(e));
    ck_assert_int_eq(apr_file_pipe_timeout_get(in, &t), APR_SUCCESS);
    ck_assert_int_eq(t, apr_time_from_sec(30));

    len = 3;
    ck_assert_int_eq(apr_file_write(out, "abc", &len), APR_SUCCESS);
    ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_NONBLOCK_READ),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 3);
    ck_assert(memcmp(s, "abc", 3) == 0);
    ck_assert(APR_BUCKET_IS_HEAP(e));
    ck_assert_uint_eq(((apr_bucket_heap *)e->data)->alloc_len,
                      APR_BUCKET_BUFF_SIZE);
    e = APR_BUCKET_NEXT(e);
    ck_assert(APR_BUCKET_IS_PIPE(e));

    len = 2;
    ck_assert_int_eq(apr_file_write(out, "de", &len), APR_SUCCESS);
    check_read(e, "de", 2);
    e = APR_BUCKET_NEXT(e);
    ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_NONBLOCK_READ),
                     APR_EAGAIN);

    /* End of file: an empty immortal bucket (and the pipe is closed). */
    apr_file_close(out);
    ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_BLOCK_READ),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 0);
    ck_assert(APR_BUCKET_IS_IMMORTAL(e));
    ck_assert_uint_eq(e->length, 0);
    ck_assert_ptr_eq(APR_BUCKET_NEXT(e), APR_BRIGADE_SENTINEL(bb));
    apr_brigade_destroy(bb);
}
END_TEST

/* ---- metadata -------------------------------------------------------- */

static void check_metadata(apr_bucket *e, const char *name)
{
    apr_bucket *c;
    const char *s = "x";
    apr_size_t len = 99;

    ck_assert(APR_BUCKET_IS_METADATA(e));
    ck_assert_int_eq(e->type->is_metadata, APR_BUCKET_METADATA);
    ck_assert_str_eq(e->type->name, name);
    ck_assert_uint_eq(e->length, 0);
    ck_assert_int_eq(e->start, 0);
    ck_assert_ptr_null(e->data);
    ck_assert_int_eq(apr_bucket_read(e, &s, &len, APR_BLOCK_READ),
                     APR_SUCCESS);
    ck_assert_ptr_null(s);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(apr_bucket_split(e, 0), APR_ENOTIMPL);
    ck_assert_int_eq(apr_bucket_setaside(e, p), APR_SUCCESS);
    ck_assert_int_eq(apr_bucket_copy(e, &c), APR_SUCCESS);
    ck_assert_ptr_eq(c->type, e->type);
    apr_bucket_destroy(c);
}

START_TEST(eos_flush)
{
    apr_bucket *eos = apr_bucket_eos_create(ba);
    apr_bucket *fl = apr_bucket_flush_create(ba);
    apr_bucket *h = apr_bucket_heap_create("ab", 2, NULL, ba);

    ck_assert(APR_BUCKET_IS_EOS(eos));
    ck_assert(!APR_BUCKET_IS_FLUSH(eos));
    ck_assert(APR_BUCKET_IS_FLUSH(fl));
    ck_assert(!APR_BUCKET_IS_EOS(fl));
    check_metadata(eos, "EOS");
    check_metadata(fl, "FLUSH");
    ck_assert_int_eq(apr_bucket_type_heap.is_metadata, APR_BUCKET_DATA);

    /* _make turns an existing bucket into one (its old data is the
     * caller's business). */
    h->type->destroy(h->data);
    ck_assert_ptr_eq(apr_bucket_flush_make(h), h);
    check_metadata(h, "FLUSH");
    ck_assert_ptr_eq(apr_bucket_eos_make(h), h);
    check_metadata(h, "EOS");
    apr_bucket_destroy(h);
    apr_bucket_destroy(eos);
    apr_bucket_destroy(fl);
}
END_TEST

START_TEST(make_functions)
{
    apr_bucket *e = apr_bucket_immortal_create("abc", 3, ba);
    char *buf = apr_bucket_alloc(4, ba);

    memcpy(buf, "wxyz", 4);
    ck_assert_ptr_eq(apr_bucket_transient_make(e, "defg", 4), e);
    ck_assert(APR_BUCKET_IS_TRANSIENT(e));
    check_read(e, "defg", 4);
    ck_assert_ptr_eq(apr_bucket_heap_make(e, buf, 4, apr_bucket_free), e);
    ck_assert(APR_BUCKET_IS_HEAP(e));
    check_read(e, "wxyz", 4);
    e->type->destroy(e->data);
    ck_assert_ptr_eq(apr_bucket_immortal_make(e, "hi", 2), e);
    check_read(e, "hi", 2);
    ck_assert_ptr_eq(apr_bucket_pool_make(e, "pool", 4, p), e);
    ck_assert(APR_BUCKET_IS_POOL(e));
    check_read(e, "pool", 4);
    apr_bucket_destroy(e);
}
END_TEST

START_TEST(notimpl_helpers)
{
    apr_bucket *e = apr_bucket_immortal_create("abc", 3, ba), *c = NULL;

    ck_assert_int_eq(apr_bucket_setaside_noop(e, p), APR_SUCCESS);
    ck_assert_int_eq(apr_bucket_setaside_notimpl(e, p), APR_ENOTIMPL);
    ck_assert_int_eq(apr_bucket_split_notimpl(e, 1), APR_ENOTIMPL);
    ck_assert_int_eq(apr_bucket_copy_notimpl(e, &c), APR_ENOTIMPL);
    ck_assert_ptr_null(c);
    apr_bucket_destroy_noop(e->data);
    check_read(e, "abc", 3);
    apr_bucket_destroy(e);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("buckets");
    TCase *tc = apr_test_tcase("buckets");

    tcase_add_checked_fixture(tc, setup_alloc, NULL);
    tcase_add_test(tc, alloc_reuse);
    tcase_add_test(tc, alloc_many);
    tcase_add_test(tc, alloc_aligned_floor);
    tcase_add_test(tc, alloc_create_ex);
    tcase_add_test(tc, alloc_destroy_early);
    tcase_add_test(tc, immortal_no_copy);
    tcase_add_test(tc, simple_split_copy);
    tcase_add_test(tc, transient_setaside_copies);
    tcase_add_test(tc, heap_copy_or_take);
    tcase_add_test(tc, shared_helpers);
    tcase_add_test(tc, pool_bucket_outlives_pool);
    tcase_add_test(tc, pool_bucket_destroyed_unread);
    tcase_add_test(tc, mmap_bucket);
    tcase_add_test(tc, file_bucket_read_heap);
    tcase_add_test(tc, file_bucket_buf_size);
    tcase_add_test(tc, file_bucket_read_mmap);
    tcase_add_test(tc, file_bucket_mmap_limit);
    tcase_add_test(tc, file_bucket_setaside);
    tcase_add_test(tc, file_bucket_setaside_shared);
    tcase_add_test(tc, file_bucket_short_file);
    tcase_add_test(tc, file_bucket_xthread);
    tcase_add_test(tc, socket_bucket);
    tcase_add_test(tc, socket_bucket_large);
    tcase_add_test(tc, pipe_bucket);
    tcase_add_test(tc, eos_flush);
    tcase_add_test(tc, make_functions);
    tcase_add_test(tc, notimpl_helpers);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
