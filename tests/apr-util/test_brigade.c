/*
 * apr_buckets.h, the brigade functions: create/cleanup/destroy, split,
 * partition at every offset of a brigade of mixed bucket types, length,
 * flatten, pflatten, split_line, to_iovec, the writers (write, writev,
 * puts, putc, putstrs, printf) with and without flush functions, and
 * insert_file (with offsets past 4 GiB).
 */
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "apr_buckets.h"
#include "apr_file_io.h"
#include "apr_mmap.h"
#include "apr_strings.h"

static apr_bucket_alloc_t *ba;

static void setup_alloc(void)
{
    ba = apr_bucket_alloc_create(p);
    ck_assert_ptr_nonnull(ba);
}

/* The brigade's bytes, read with blocking reads (NUL-terminated copy). */
static char *contents(apr_bucket_brigade *bb, apr_size_t *lenp)
{
    char *c;
    apr_size_t len;

    ck_assert_int_eq(apr_brigade_pflatten(bb, &c, &len, p), APR_SUCCESS);
    if (lenp)
        *lenp = len;
    return apr_pstrmemdup(p, c, len);
}

static int count_buckets(apr_bucket_brigade *bb)
{
    apr_bucket *e;
    int n = 0;

    for (e = APR_BRIGADE_FIRST(bb); e != APR_BRIGADE_SENTINEL(bb);
         e = APR_BUCKET_NEXT(e))
        n++;
    return n;
}

/* An unlinked file in @a pool holding @a len bytes from @a data. */
static apr_file_t *data_file(apr_pool_t *pool, const char *data,
                             apr_size_t len)
{
    char *name = apr_psprintf(p, "/tmp/apu_test_brigade.%ld", (long)getpid());
    apr_file_t *f;

    ck_assert_int_eq(apr_file_open(&f, name,
                                   APR_FOPEN_CREATE | APR_FOPEN_TRUNCATE |
                                   APR_FOPEN_READ | APR_FOPEN_WRITE,
                                   APR_FPROT_OS_DEFAULT, pool), APR_SUCCESS);
    apr_file_remove(name, p);
    ck_assert_int_eq(apr_file_write_full(f, data, len, NULL), APR_SUCCESS);
    return f;
}

/* The text every mixed brigade holds, and the brigade: one bucket of each
 * data type (heap, pool, transient, immortal, file, mmap, pipe) with eos
 * and flush buckets in between. A pipe is included only when @a with_pipe
 * (its bytes are then already written and the writer closed). */
static const char mixed_text[] =
    "heap:0123|pool:abcdefgh|transient|immortal:xy|file:FILEDATA|"
    "mmap:MMAPDATA|pipe:end";
/* (Without the pipe, the mapping covers "pipe:end" too.) */
#define MIXED_LEN (sizeof(mixed_text) - 1)

static char transient_buf[32];

static apr_bucket_brigade *mixed_brigade(apr_pool_t *pool, int with_pipe)
{
    apr_bucket_brigade *bb = apr_brigade_create(pool, ba);
    static const char filebytes[] = "..file:FILEDATA|..";
    static const char mapbytes[] = "mmap:MMAPDATA|pipe:end";
    apr_file_t *f = data_file(pool, filebytes, sizeof(filebytes) - 1);
    apr_size_t maplen = with_pipe ? 14 : 22;
    apr_mmap_t *mm;
    apr_file_t *mf;

    strcpy(transient_buf, "transient|");
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_heap_create("heap:0123|", 10,
                                                       NULL, ba));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_flush_create(ba));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_pool_create(
                                    apr_pstrdup(pool, "pool:abcdefgh|"), 14,
                                    pool, ba));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_transient_create(transient_buf, 10,
                                                            ba));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_immortal_create("immortal:xy|", 12,
                                                           ba));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_file_create(f, 2, 14, pool, ba));
    mf = data_file(pool, mapbytes, sizeof(mapbytes) - 1);
    ck_assert_int_eq(apr_mmap_create(&mm, mf, 0, maplen, APR_MMAP_READ, pool),
                     APR_SUCCESS);
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_mmap_create(mm, 0, maplen, ba));
    if (with_pipe) {
        apr_file_t *in, *out;
        apr_size_t n = 8;

        ck_assert_int_eq(apr_file_pipe_create(&in, &out, pool), APR_SUCCESS);
        ck_assert_int_eq(apr_file_write(out, "pipe:end", &n), APR_SUCCESS);
        apr_file_close(out);
        APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_pipe_create(in, ba));
    }
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_eos_create(ba));
    return bb;
}

/* ---- life cycle ------------------------------------------------------ */

static int frees;

static void count_free(void *data)
{
    frees++;
    free(data);
}

static apr_bucket *counted_bucket(const char *text)
{
    return apr_bucket_heap_create(strdup(text), strlen(text), count_free, ba);
}

START_TEST(create_cleanup_destroy)
{
    apr_pool_t *sub;
    apr_bucket_brigade *bb;

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    bb = apr_brigade_create(sub, ba);
    ck_assert_ptr_eq(bb->p, sub);
    ck_assert_ptr_eq(bb->bucket_alloc, ba);
    ck_assert(APR_BRIGADE_EMPTY(bb));
    ck_assert_ptr_eq(APR_BRIGADE_FIRST(bb), APR_BRIGADE_SENTINEL(bb));
    ck_assert_ptr_eq(APR_BRIGADE_LAST(bb), APR_BRIGADE_SENTINEL(bb));

    frees = 0;
    APR_BRIGADE_INSERT_TAIL(bb, counted_bucket("a"));
    APR_BRIGADE_INSERT_TAIL(bb, counted_bucket("b"));
    ck_assert_int_eq(apr_brigade_cleanup(bb), APR_SUCCESS);
    ck_assert_int_eq(frees, 2);
    ck_assert(APR_BRIGADE_EMPTY(bb));

    /* The pool cleanup empties the brigade... */
    APR_BRIGADE_INSERT_TAIL(bb, counted_bucket("c"));
    apr_pool_clear(sub);
    ck_assert_int_eq(frees, 3);

    /* ... unless apr_brigade_destroy() killed it. */
    bb = apr_brigade_create(sub, ba);
    APR_BRIGADE_INSERT_TAIL(bb, counted_bucket("d"));
    ck_assert_int_eq(apr_brigade_destroy(bb), APR_SUCCESS);
    ck_assert_int_eq(frees, 4);
    APR_BRIGADE_INSERT_TAIL(bb, counted_bucket("e"));
    apr_pool_destroy(sub);
    ck_assert_int_eq(frees, 4);
    apr_brigade_cleanup(bb);
    ck_assert_int_eq(frees, 5);
}
END_TEST

START_TEST(ring_macros)
{
    apr_bucket_brigade *a = apr_brigade_create(p, ba);
    apr_bucket_brigade *b = apr_brigade_create(p, ba);
    apr_bucket *e1 = apr_bucket_immortal_create("1", 1, ba);
    apr_bucket *e2 = apr_bucket_immortal_create("2", 1, ba);
    apr_bucket *e3 = apr_bucket_immortal_create("3", 1, ba);
    apr_bucket *e4 = apr_bucket_immortal_create("4", 1, ba);

    APR_BRIGADE_INSERT_TAIL(a, e2);
    APR_BRIGADE_INSERT_HEAD(a, e1);
    APR_BUCKET_INSERT_AFTER(e2, e4);
    APR_BUCKET_INSERT_BEFORE(e4, e3);
    ck_assert_str_eq(contents(a, NULL), "1234");
    ck_assert_ptr_eq(APR_BRIGADE_FIRST(a), e1);
    ck_assert_ptr_eq(APR_BRIGADE_LAST(a), e4);
    ck_assert_ptr_eq(APR_BUCKET_NEXT(e1), e2);
    ck_assert_ptr_eq(APR_BUCKET_PREV(e3), e2);
    APR_BUCKET_REMOVE(e2);
    APR_BUCKET_INIT(e2);
    APR_BRIGADE_INSERT_TAIL(b, e2);
    ck_assert_str_eq(contents(a, NULL), "134");
    APR_BRIGADE_CONCAT(a, b);
    ck_assert(APR_BRIGADE_EMPTY(b));
    ck_assert_str_eq(contents(a, NULL), "1342");
    apr_bucket_delete(e4);
    APR_BRIGADE_INSERT_TAIL(b, apr_bucket_immortal_create("0", 1, ba));
    APR_BRIGADE_PREPEND(a, b);
    ck_assert(APR_BRIGADE_EMPTY(b));
    ck_assert_str_eq(contents(a, NULL), "0132");
    APR_BRIGADE_CHECK_CONSISTENCY(a);
    APR_BUCKET_CHECK_CONSISTENCY(e1);
}
END_TEST

START_TEST(split_and_split_ex)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, ba), *tail, *reuse;
    static const char letters[] = "abcd";
    apr_bucket *e[4];
    int i;

    for (i = 0; i < 4; i++) {
        e[i] = apr_bucket_immortal_create(letters + i, 1, ba);
        APR_BRIGADE_INSERT_TAIL(bb, e[i]);
    }
    tail = apr_brigade_split(bb, e[2]);
    ck_assert_ptr_eq(tail->p, p);
    ck_assert_ptr_eq(tail->bucket_alloc, ba);
    ck_assert_str_eq(contents(bb, NULL), "ab");
    ck_assert_str_eq(contents(tail, NULL), "cd");

    /* The sentinel moves nothing; the target is emptied first. */
    reuse = apr_brigade_create(p, ba);
    APR_BRIGADE_INSERT_TAIL(reuse, apr_bucket_immortal_create("zz", 2, ba));
    ck_assert_ptr_eq(apr_brigade_split_ex(bb, APR_BRIGADE_SENTINEL(bb),
                                          reuse), reuse);
    ck_assert(APR_BRIGADE_EMPTY(reuse));
    ck_assert_str_eq(contents(bb, NULL), "ab");
    ck_assert_ptr_eq(apr_brigade_split_ex(bb, e[0], reuse), reuse);
    ck_assert(APR_BRIGADE_EMPTY(bb));
    ck_assert_str_eq(contents(reuse, NULL), "ab");
    ck_assert_ptr_eq(APR_BRIGADE_LAST(reuse), e[1]);
}
END_TEST

/* ---- partition, length, flatten ------------------------------------- */

/* Partition a fresh mixed brigade at every offset: the bytes before the
 * returned bucket are the text's prefix, those after its suffix. */
static void partition_everywhere(int with_pipe)
{
    apr_size_t total = MIXED_LEN, off;

    for (off = 0; off <= total + 1; off++) {
        apr_pool_t *sub;
        apr_bucket_brigade *bb, *rest;
        apr_bucket *after;
        apr_status_t rv;
        apr_size_t len;
        char *s;

        ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
        bb = mixed_brigade(sub, with_pipe);
        rv = apr_brigade_partition(bb, (apr_off_t)off, &after);
        if (off > total) {
            ck_assert_int_eq(rv, APR_INCOMPLETE);
            ck_assert_ptr_eq(after, APR_BRIGADE_SENTINEL(bb));
            apr_pool_destroy(sub);
            continue;
        }
        ck_assert_int_eq(rv, APR_SUCCESS);
        rest = apr_brigade_split(bb, after);
        s = contents(bb, &len);
        ck_assert_uint_eq(len, off);
        ck_assert(memcmp(s, mixed_text, off) == 0);
        s = contents(rest, &len);
        ck_assert_uint_eq(len, total - off);
        ck_assert(memcmp(s, mixed_text + off, len) == 0);
        ck_assert(APR_BUCKET_IS_EOS(APR_BRIGADE_LAST(rest)));
        apr_pool_destroy(sub);
    }
}

START_TEST(partition_every_offset)
{
    partition_everywhere(0);
}
END_TEST

START_TEST(partition_every_offset_pipe)
{
    partition_everywhere(1);
}
END_TEST

START_TEST(partition_edges)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);
    apr_bucket *e1 = apr_bucket_immortal_create("abc", 3, ba);
    apr_bucket *e2 = apr_bucket_immortal_create("de", 2, ba);
    apr_bucket *after;

    ck_assert_int_eq(apr_brigade_partition(bb, 0, &after), APR_SUCCESS);
    ck_assert_ptr_eq(after, APR_BRIGADE_SENTINEL(bb));
    ck_assert_int_eq(apr_brigade_partition(bb, 1, &after), APR_INCOMPLETE);
    ck_assert_ptr_eq(after, APR_BRIGADE_SENTINEL(bb));
    APR_BRIGADE_INSERT_TAIL(bb, e1);
    APR_BRIGADE_INSERT_TAIL(bb, e2);
    ck_assert_int_eq(apr_brigade_partition(bb, -1, &after), APR_EINVAL);
    ck_assert_int_eq(apr_brigade_partition(bb, 0, &after), APR_SUCCESS);
    ck_assert_ptr_eq(after, e1);
    /* At a bucket boundary nothing is split. */
    ck_assert_int_eq(apr_brigade_partition(bb, 3, &after), APR_SUCCESS);
    ck_assert_ptr_eq(after, e2);
    ck_assert_int_eq(apr_brigade_partition(bb, 5, &after), APR_SUCCESS);
    ck_assert_ptr_eq(after, APR_BRIGADE_SENTINEL(bb));
    ck_assert_int_eq(count_buckets(bb), 2);
    ck_assert_int_eq(apr_brigade_partition(bb, 6, &after), APR_INCOMPLETE);
    ck_assert_ptr_eq(after, APR_BRIGADE_SENTINEL(bb));
    ck_assert_int_eq(apr_brigade_partition(bb, 4, &after), APR_SUCCESS);
    ck_assert_int_eq(count_buckets(bb), 3);
    ck_assert_ptr_eq(APR_BUCKET_PREV(after), e2);
    ck_assert_uint_eq(after->length, 1);
}
END_TEST

START_TEST(length_read_all)
{
    apr_bucket_brigade *bb = mixed_brigade(p, 1);
    apr_off_t len = 12345;

    ck_assert_int_eq(apr_brigade_length(bb, 0, &len), APR_SUCCESS);
    ck_assert_int_eq(len, -1);
    ck_assert(APR_BUCKET_IS_PIPE(APR_BUCKET_PREV(APR_BRIGADE_LAST(bb))));
    ck_assert_int_eq(apr_brigade_length(bb, 1, &len), APR_SUCCESS);
    ck_assert_int_eq(len, (apr_off_t)MIXED_LEN);
    ck_assert_int_eq(apr_brigade_length(bb, 0, &len), APR_SUCCESS);
    ck_assert_int_eq(len, (apr_off_t)MIXED_LEN);
    apr_brigade_cleanup(bb);
    ck_assert_int_eq(apr_brigade_length(bb, 0, &len), APR_SUCCESS);
    ck_assert_int_eq(len, 0);
}
END_TEST

START_TEST(flatten_sizes)
{
    apr_bucket_brigade *bb = mixed_brigade(p, 1);
    char buf[200];
    apr_size_t len, n;

    for (n = 0; n <= MIXED_LEN + 5; n++) {
        memset(buf, '#', sizeof(buf));
        len = n;
        ck_assert_int_eq(apr_brigade_flatten(bb, buf, &len), APR_SUCCESS);
        ck_assert_uint_eq(len, n < MIXED_LEN ? n : MIXED_LEN);
        ck_assert(memcmp(buf, mixed_text, len) == 0);
        ck_assert_int_eq(buf[len], '#');
    }
    /* The brigade is unchanged (apart from reads turning types). */
    ck_assert_str_eq(contents(bb, &len), mixed_text);
    ck_assert_uint_eq(len, MIXED_LEN);
}
END_TEST

START_TEST(pflatten_empty_and_mixed)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);
    char *c = NULL;
    apr_size_t len = 99;

    ck_assert_int_eq(apr_brigade_pflatten(bb, &c, &len, p), APR_SUCCESS);
    ck_assert_uint_eq(len, 0);
    bb = mixed_brigade(p, 0);
    ck_assert_int_eq(apr_brigade_pflatten(bb, &c, &len, p), APR_SUCCESS);
    ck_assert_uint_eq(len, MIXED_LEN);
    ck_assert(memcmp(c, mixed_text, len) == 0);
}
END_TEST

START_TEST(to_iovec)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);
    struct iovec vec[8];
    int n = 8;

    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_immortal_create("abc", 3, ba));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_flush_create(ba));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_heap_create("defg", 4, NULL, ba));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_eos_create(ba));
    ck_assert_int_eq(apr_brigade_to_iovec(bb, vec, &n), APR_SUCCESS);
    ck_assert_int_eq(n, 4);
    ck_assert_uint_eq(vec[0].iov_len, 3);
    ck_assert(memcmp(vec[0].iov_base, "abc", 3) == 0);
    ck_assert_uint_eq(vec[1].iov_len, 0);
    ck_assert_uint_eq(vec[2].iov_len, 4);
    ck_assert(memcmp(vec[2].iov_base, "defg", 4) == 0);
    ck_assert_uint_eq(vec[3].iov_len, 0);
    n = 2;
    ck_assert_int_eq(apr_brigade_to_iovec(bb, vec, &n), APR_SUCCESS);
    ck_assert_int_eq(n, 2);
    n = 0;
    ck_assert_int_eq(apr_brigade_to_iovec(bb, vec, &n), APR_SUCCESS);
    ck_assert_int_eq(n, 0);
}
END_TEST

START_TEST(to_iovec_pipe_eagain)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);
    apr_file_t *in, *out;
    struct iovec vec[4];
    int n = 4;

    ck_assert_int_eq(apr_file_pipe_create(&in, &out, p), APR_SUCCESS);
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_immortal_create("abc", 3, ba));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_pipe_create(in, ba));
    ck_assert_int_eq(apr_brigade_to_iovec(bb, vec, &n), APR_EAGAIN);
}
END_TEST

/* ---- split_line ------------------------------------------------------ */

START_TEST(split_line_across_buckets)
{
    static const char *pieces[] = {
        "GET / HT", "TP/1.1\r", "\nHost: a\r\nAcc", "ept: */*", "\r\n",
        "\r\n", "tail without newline"
    };
    static const char *lines[] = {
        "GET / HTTP/1.1\r\n", "Host: a\r\n", "Accept: */*\r\n", "\r\n",
        "tail without newline"
    };
    apr_bucket_brigade *in = apr_brigade_create(p, ba);
    apr_bucket_brigade *out = apr_brigade_create(p, ba);
    unsigned i;

    for (i = 0; i < sizeof(pieces) / sizeof(pieces[0]); i++) {
        apr_bucket *e = i % 2
            ? apr_bucket_immortal_create(pieces[i], strlen(pieces[i]), ba)
            : apr_bucket_heap_create(pieces[i], strlen(pieces[i]), NULL, ba);
        APR_BRIGADE_INSERT_TAIL(in, e);
        if (i == 2)
            APR_BRIGADE_INSERT_TAIL(in, apr_bucket_flush_create(ba));
    }
    for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
        ck_assert_int_eq(apr_brigade_split_line(out, in, APR_BLOCK_READ,
                                                 8192), APR_SUCCESS);
        ck_assert_str_eq(contents(out, NULL), lines[i]);
        apr_brigade_cleanup(out);
    }
    /* Nothing left but empty buckets: an empty result. */
    ck_assert_int_eq(apr_brigade_split_line(out, in, APR_BLOCK_READ, 8192),
                     APR_SUCCESS);
    ck_assert_str_eq(contents(out, NULL), "");
    ck_assert(APR_BRIGADE_EMPTY(in));
}
END_TEST

START_TEST(split_line_bucket_shapes)
{
    /* As APR-util: the bucket with the LF is split after it and moved;
     * small buckets before it are copied into one heap bucket, metadata
     * and large buckets move as they are. */
    apr_bucket_brigade *in = apr_brigade_create(p, ba);
    apr_bucket_brigade *out = apr_brigade_create(p, ba);
    static char big[APR_BUCKET_BUFF_SIZE];
    apr_bucket *e;

    memset(big, 'b', sizeof(big));
    APR_BRIGADE_INSERT_TAIL(in, apr_bucket_immortal_create("ab", 2, ba));
    APR_BRIGADE_INSERT_TAIL(in, apr_bucket_immortal_create("cd", 2, ba));
    APR_BRIGADE_INSERT_TAIL(in, apr_bucket_flush_create(ba));
    APR_BRIGADE_INSERT_TAIL(in, apr_bucket_immortal_create(big, sizeof(big),
                                                           ba));
    APR_BRIGADE_INSERT_TAIL(in, apr_bucket_immortal_create("ef\ngh", 5, ba));
    ck_assert_int_eq(apr_brigade_split_line(out, in, APR_BLOCK_READ, 100000),
                     APR_SUCCESS);
    e = APR_BRIGADE_FIRST(out);
    ck_assert(APR_BUCKET_IS_HEAP(e));
    ck_assert_uint_eq(e->length, 4);
    e = APR_BUCKET_NEXT(e);
    ck_assert(APR_BUCKET_IS_FLUSH(e));
    e = APR_BUCKET_NEXT(e);
    ck_assert(APR_BUCKET_IS_IMMORTAL(e));
    ck_assert_uint_eq(e->length, sizeof(big));
    e = APR_BUCKET_NEXT(e);
    ck_assert(APR_BUCKET_IS_IMMORTAL(e));
    ck_assert_uint_eq(e->length, 3);
    ck_assert_ptr_eq(APR_BUCKET_NEXT(e), APR_BRIGADE_SENTINEL(out));
    ck_assert_int_eq(count_buckets(in), 1);
    ck_assert_str_eq(contents(in, NULL), "gh");
}
END_TEST

START_TEST(split_line_maxbytes)
{
    apr_bucket_brigade *in = apr_brigade_create(p, ba);
    apr_bucket_brigade *out = apr_brigade_create(p, ba);

    APR_BRIGADE_INSERT_TAIL(in, apr_bucket_immortal_create("abcdef", 6, ba));
    APR_BRIGADE_INSERT_TAIL(in, apr_bucket_immortal_create("ghij\nk", 6, ba));
    /* The limit is checked after each bucket: the first one is taken
     * whole, and no more. */
    ck_assert_int_eq(apr_brigade_split_line(out, in, APR_BLOCK_READ, 3),
                     APR_SUCCESS);
    ck_assert_str_eq(contents(out, NULL), "abcdef");
    /* A LF in the next bucket still ends the line, whatever the limit. */
    ck_assert_int_eq(apr_brigade_split_line(out, in, APR_BLOCK_READ, 0),
                     APR_SUCCESS);
    ck_assert_str_eq(contents(out, NULL), "abcdefghij\n");
    ck_assert_str_eq(contents(in, NULL), "k");
    apr_brigade_cleanup(out);
    ck_assert_int_eq(apr_brigade_split_line(out, in, APR_BLOCK_READ, 10),
                     APR_SUCCESS);
    ck_assert_str_eq(contents(out, NULL), "k");
    ck_assert(APR_BRIGADE_EMPTY(in));
}
END_TEST

START_TEST(split_line_pipe_nonblock)
{
    apr_bucket_brigade *in = apr_brigade_create(p, ba);
    apr_bucket_brigade *out = apr_brigade_create(p, ba);
    apr_file_t *rd, *wr;
    apr_size_t n;

    ck_assert_int_eq(apr_file_pipe_create(&rd, &wr, p), APR_SUCCESS);
    APR_BRIGADE_INSERT_TAIL(in, apr_bucket_pipe_create(rd, ba));
    n = 6;
    ck_assert_int_eq(apr_file_write(wr, "partia", &n), APR_SUCCESS);
    /* What is there moves; then the empty pipe says EAGAIN. */
    ck_assert_int_eq(apr_brigade_split_line(out, in, APR_NONBLOCK_READ, 100),
                     APR_EAGAIN);
    ck_assert_str_eq(contents(out, NULL), "partia");
    ck_assert(APR_BUCKET_IS_PIPE(APR_BRIGADE_FIRST(in)));
    n = 7;
    ck_assert_int_eq(apr_file_write(wr, "l\nnext\n", &n), APR_SUCCESS);
    ck_assert_int_eq(apr_brigade_split_line(out, in, APR_NONBLOCK_READ, 100),
                     APR_SUCCESS);
    ck_assert_str_eq(contents(out, NULL), "partial\n");
    apr_brigade_cleanup(out);
    ck_assert_int_eq(apr_brigade_split_line(out, in, APR_BLOCK_READ, 100),
                     APR_SUCCESS);
    ck_assert_str_eq(contents(out, NULL), "next\n");
    apr_brigade_cleanup(out);
    apr_file_close(wr);
    ck_assert_int_eq(apr_brigade_split_line(out, in, APR_BLOCK_READ, 100),
                     APR_SUCCESS);
    ck_assert_str_eq(contents(out, NULL), "");
    ck_assert(APR_BRIGADE_EMPTY(in));
}
END_TEST

/* ---- writers --------------------------------------------------------- */

typedef struct {
    int calls;
    apr_status_t rv;
    apr_bucket_brigade *sink;   /* what was flushed, moved here */
} flush_ctx;

static apr_status_t flush_fn(apr_bucket_brigade *bb, void *data)
{
    flush_ctx *fc = data;
    apr_bucket *e;

    fc->calls++;
    if (fc->rv != APR_SUCCESS)
        return fc->rv;
    /* Like a filter passing the brigade on: transient data is set aside
     * before the caller's buffer goes away. */
    for (e = APR_BRIGADE_FIRST(bb); e != APR_BRIGADE_SENTINEL(bb);
         e = APR_BUCKET_NEXT(e))
        ck_assert_int_eq(apr_bucket_setaside(e, p), APR_SUCCESS);
    APR_BRIGADE_CONCAT(fc->sink, bb);
    return APR_SUCCESS;
}

START_TEST(write_coalesces)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);
    apr_bucket_heap *h;
    apr_bucket *e;
    char *expect = apr_palloc(p, 9000);
    int i;

    for (i = 0; i < 1000; i++) {
        ck_assert_int_eq(apr_brigade_write(bb, NULL, NULL, "123456789", 9),
                         APR_SUCCESS);
        memcpy(expect + i * 9, "123456789", 9);
    }
    e = APR_BRIGADE_FIRST(bb);
    ck_assert(APR_BUCKET_IS_HEAP(e));
    h = e->data;
    ck_assert_uint_eq(h->alloc_len, APR_BUCKET_BUFF_SIZE);
    ck_assert_uint_eq(e->length, 7992);
#if APR_TEST_AGAINST_SYSTEM
    /* APR-util: once the buffer is full, every 9-byte write is copied
     * into a bucket of its own. */
    ck_assert_int_eq(count_buckets(bb), 113);
    ck_assert_uint_eq(APR_BRIGADE_LAST(bb)->length, 9);
#else
    /* Ours: they go on into a second buffer (a deliberate difference:
     * APR-util's way allocates three blocks per small write). */
    ck_assert_int_eq(count_buckets(bb), 2);
    ck_assert_uint_eq(APR_BRIGADE_LAST(bb)->length, 1008);
    h = APR_BRIGADE_LAST(bb)->data;
    ck_assert_uint_eq(h->alloc_len, APR_BUCKET_BUFF_SIZE);
#endif
    {
        apr_size_t len;
        char *s = contents(bb, &len);
        ck_assert_uint_eq(len, 9000);
        ck_assert(memcmp(s, expect, 9000) == 0);
    }

    /* A shared last bucket is not written into. */
    apr_brigade_cleanup(bb);
    ck_assert_int_eq(apr_brigade_putc(bb, NULL, NULL, 'x'), APR_SUCCESS);
    e = APR_BRIGADE_LAST(bb);
    ck_assert_int_eq(apr_bucket_split(e, 1), APR_SUCCESS);
    ck_assert_int_eq(apr_brigade_putc(bb, NULL, NULL, 'y'), APR_SUCCESS);
    ck_assert_int_eq(count_buckets(bb), 3);
    ck_assert_str_eq(contents(bb, NULL), "xy");

    /* Nor is any other type: a new buffer follows it. */
    apr_brigade_cleanup(bb);
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_immortal_create("im", 2, ba));
    ck_assert_int_eq(apr_brigade_puts(bb, NULL, NULL, "more"), APR_SUCCESS);
    ck_assert_int_eq(count_buckets(bb), 2);
    ck_assert_str_eq(contents(bb, NULL), "immore");
}
END_TEST

START_TEST(write_large_without_flush)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);
    static char big[20000];
    apr_bucket *e;
    apr_size_t len;

    memset(big, 'L', sizeof(big));
    ck_assert_int_eq(apr_brigade_write(bb, NULL, NULL, "head", 4),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_brigade_write(bb, NULL, NULL, big, sizeof(big)),
                     APR_SUCCESS);
    ck_assert_int_eq(count_buckets(bb), 2);
    e = APR_BRIGADE_LAST(bb);
    ck_assert(APR_BUCKET_IS_HEAP(e));
    ck_assert_uint_eq(e->length, sizeof(big));
    ck_assert_uint_eq(((apr_bucket_heap *)e->data)->alloc_len, sizeof(big));
    memset(big, 'X', sizeof(big));    /* it was a copy */
    contents(bb, &len);
    ck_assert_uint_eq(len, sizeof(big) + 4);
    ck_assert_int_eq(contents(bb, NULL)[4], 'L');
}
END_TEST

START_TEST(write_with_flush)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);
    flush_ctx fc = { 0, APR_SUCCESS, apr_brigade_create(p, ba) };
    static char big[9000];
    apr_size_t len;
    char *s;

    memset(big, 'F', sizeof(big));
    /* Small writes never flush. */
    ck_assert_int_eq(apr_brigade_write(bb, flush_fn, &fc, "ab", 2),
                     APR_SUCCESS);
    ck_assert_int_eq(fc.calls, 0);
    /* A write that does not fit goes to the flush function, uncopied. */
    ck_assert_int_eq(apr_brigade_write(bb, flush_fn, &fc, big, sizeof(big)),
                     APR_SUCCESS);
    ck_assert_int_eq(fc.calls, 1);
    ck_assert(APR_BRIGADE_EMPTY(bb));
    s = contents(fc.sink, &len);
    ck_assert_uint_eq(len, sizeof(big) + 2);
    ck_assert(memcmp(s, "abFFF", 5) == 0);

    /* Filling the buffer up exactly does not flush; one more byte does. */
    apr_brigade_cleanup(fc.sink);
    ck_assert_int_eq(apr_brigade_write(bb, flush_fn, &fc, big,
                                       APR_BUCKET_BUFF_SIZE), APR_SUCCESS);
    ck_assert_int_eq(fc.calls, 1);
    ck_assert_int_eq(apr_brigade_putc(bb, flush_fn, &fc, 'z'), APR_SUCCESS);
    ck_assert_int_eq(fc.calls, 2);
    s = contents(fc.sink, &len);
    ck_assert_uint_eq(len, APR_BUCKET_BUFF_SIZE + 1);
    ck_assert_int_eq(s[len - 1], 'z');

    /* The flush function's error is returned. */
    fc.rv = APR_EGENERAL;
    ck_assert_int_eq(apr_brigade_write(bb, flush_fn, &fc, big, sizeof(big)),
                     APR_EGENERAL);
    ck_assert_int_eq(fc.calls, 3);
}
END_TEST

START_TEST(writev_cases)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);
    flush_ctx fc = { 0, APR_SUCCESS, apr_brigade_create(p, ba) };
    static char big[APR_BUCKET_BUFF_SIZE];
    static char one[] = "one,", two[] = "two,", three[] = "three";
    static char digits[] = "0123456", letters[] = "abcdef", tail[] = "tail";
    struct iovec v[3];
    apr_size_t len;
    char *s;

    memset(big, 'V', sizeof(big));
    v[0].iov_base = one;
    v[0].iov_len = 4;
    v[1].iov_base = two;
    v[1].iov_len = 4;
    v[2].iov_base = three;
    v[2].iov_len = 5;
    ck_assert_int_eq(apr_brigade_writev(bb, NULL, NULL, v, 3), APR_SUCCESS);
    ck_assert_int_eq(count_buckets(bb), 1);
    ck_assert_int_eq(apr_brigade_writev(bb, NULL, NULL, v, 2), APR_SUCCESS);
    ck_assert_int_eq(count_buckets(bb), 1);
    ck_assert_str_eq(contents(bb, NULL), "one,two,threeone,two,");
    ck_assert_int_eq(apr_brigade_writev(bb, NULL, NULL, v, 0), APR_SUCCESS);

    /* Partly fitting: the rest goes to a second buffer (after a flush). */
    apr_brigade_cleanup(bb);
    v[0].iov_base = big;
    v[0].iov_len = APR_BUCKET_BUFF_SIZE - 10;
    ck_assert_int_eq(apr_brigade_writev(bb, flush_fn, &fc, v, 1),
                     APR_SUCCESS);
    v[0].iov_base = digits;
    v[0].iov_len = 7;
    v[1].iov_base = letters;
    v[1].iov_len = 6;
    ck_assert_int_eq(apr_brigade_writev(bb, flush_fn, &fc, v, 2),
                     APR_SUCCESS);
    ck_assert_int_eq(fc.calls, 1);
    APR_BRIGADE_CONCAT(fc.sink, bb);
    s = contents(fc.sink, &len);
    ck_assert_uint_eq(len, APR_BUCKET_BUFF_SIZE + 3);
    ck_assert(memcmp(s + APR_BUCKET_BUFF_SIZE - 10, "0123456abcdef", 13) == 0);

    /* Over APR_BUCKET_BUFF_SIZE in all: a bucket per buffer. */
    apr_brigade_cleanup(fc.sink);
    v[0].iov_base = big;
    v[0].iov_len = sizeof(big);
    v[1].iov_base = tail;
    v[1].iov_len = 4;
    ck_assert_int_eq(apr_brigade_writev(bb, NULL, NULL, v, 2), APR_SUCCESS);
    ck_assert_int_eq(count_buckets(bb), 2);
    ck_assert(APR_BUCKET_IS_HEAP(APR_BRIGADE_FIRST(bb)));
    ck_assert_uint_eq(contents(bb, &len)[len - 1], 'l');
    ck_assert_uint_eq(len, sizeof(big) + 4);
    apr_brigade_cleanup(bb);
    ck_assert_int_eq(apr_brigade_writev(bb, flush_fn, &fc, v, 2),
                     APR_SUCCESS);
    ck_assert_int_eq(fc.calls, 2);
    contents(fc.sink, &len);
    ck_assert_uint_eq(len, sizeof(big) + 4);
}
END_TEST

START_TEST(puts_putc_putstrs)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);

    ck_assert_int_eq(apr_brigade_puts(bb, NULL, NULL, "Hello"), APR_SUCCESS);
    ck_assert_int_eq(apr_brigade_putc(bb, NULL, NULL, ','), APR_SUCCESS);
    ck_assert_int_eq(apr_brigade_putstrs(bb, NULL, NULL, " ", "wor", "",
                                         "ld", NULL), APR_SUCCESS);
    ck_assert_int_eq(apr_brigade_puts(bb, NULL, NULL, ""), APR_SUCCESS);
    ck_assert_int_eq(count_buckets(bb), 1);
    ck_assert_str_eq(contents(bb, NULL), "Hello, world");
}
END_TEST

START_TEST(printf_small_and_large)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);
    flush_ctx fc = { 0, APR_SUCCESS, apr_brigade_create(p, ba) };
    char *big = apr_palloc(p, 20001);
    apr_size_t len;
    char *s;

    ck_assert_int_eq(apr_brigade_printf(bb, NULL, NULL, "%d-%s-%c|%05.1f",
                                        42, "str", 'c', 3.14159), APR_SUCCESS);
    ck_assert_str_eq(contents(bb, NULL), "42-str-c|003.1");

    memset(big, 'P', 20000);
    big[20000] = '\0';
    apr_brigade_cleanup(bb);
    ck_assert_int_eq(apr_brigade_printf(bb, NULL, NULL, "<%s>", big),
                     APR_SUCCESS);
    s = contents(bb, &len);
    ck_assert_uint_eq(len, 20002);
    ck_assert_int_eq(s[0], '<');
    ck_assert_int_eq(s[20001], '>');
    ck_assert_int_eq(s[12345], 'P');

    apr_brigade_cleanup(bb);
    ck_assert_int_eq(apr_brigade_printf(bb, flush_fn, &fc, "<%s>", big),
                     APR_SUCCESS);
    ck_assert_int_ge(fc.calls, 1);
    APR_BRIGADE_CONCAT(fc.sink, bb);
    s = contents(fc.sink, &len);
    ck_assert_uint_eq(len, 20002);
    ck_assert_int_eq(s[20001], '>');

    /* A failing flush fails the printf (APR-util returns -1, we the
     * flush function's status: either is an error). */
    fc.rv = APR_EGENERAL;
    ck_assert_int_ne(apr_brigade_printf(bb, flush_fn, &fc, "%s", big),
                     APR_SUCCESS);
}
END_TEST

/* ---- insert_file ----------------------------------------------------- */

START_TEST(insert_file_small)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, ba);
    apr_file_t *f = data_file(p, "0123456789", 10);
    apr_bucket *e = apr_brigade_insert_file(bb, f, 3, 5, p);

    ck_assert_ptr_eq(e, APR_BRIGADE_LAST(bb));
    ck_assert(APR_BUCKET_IS_FILE(e));
    ck_assert_int_eq(e->start, 3);
    ck_assert_uint_eq(e->length, 5);
    ck_assert_str_eq(contents(bb, NULL), "34567");
}
END_TEST

START_TEST(insert_file_past_4gib)
{
    /* A sparse file of 5 GiB and a tail: the segment is one bucket where
     * apr_size_t is 64-bit (APR-util cuts at 1 GiB only when apr_off_t is
     * wider than apr_size_t), and its tail bytes read back at offsets
     * past 4 GiB. */
    char *name = apr_psprintf(p, "/tmp/apu_test_big.%ld", (long)getpid());
    apr_off_t size = ((apr_off_t)5 << 30) + 7, at = (apr_off_t)5 << 30;
    apr_bucket_brigade *bb = apr_brigade_create(p, ba), *rest;
    apr_off_t len;
    apr_bucket *e, *after;
    apr_file_t *f;
    int expect_buckets;

    ck_assert_int_eq(apr_file_open(&f, name,
                                   APR_FOPEN_CREATE | APR_FOPEN_TRUNCATE |
                                   APR_FOPEN_READ | APR_FOPEN_WRITE,
                                   APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    apr_file_remove(name, p);
    ck_assert_int_eq(apr_file_seek(f, APR_SET, &at), APR_SUCCESS);
    ck_assert_int_eq(apr_file_write_full(f, "TAILEND", 7, NULL), APR_SUCCESS);

    e = apr_brigade_insert_file(bb, f, 0, size, p);
    ck_assert_ptr_eq(e, APR_BRIGADE_LAST(bb));
    expect_buckets = sizeof(apr_off_t) > sizeof(apr_size_t) ? 6 : 1;
    ck_assert_int_eq(count_buckets(bb), expect_buckets);
    ck_assert_int_eq(apr_brigade_length(bb, 0, &len), APR_SUCCESS);
    ck_assert_int_eq(len, size);

    /* Partition just before the tail and read it. */
    ck_assert_int_eq(apr_brigade_partition(bb, size - 9, &after),
                     APR_SUCCESS);
    ck_assert(APR_BUCKET_IS_FILE(after));
    ck_assert_int_eq(after->start, size - 9);
    rest = apr_brigade_split(bb, after);
    ck_assert_int_eq(apr_brigade_length(rest, 0, &len), APR_SUCCESS);
    ck_assert_int_eq(len, 9);
    {
        char buf[9];
        apr_size_t n = sizeof(buf);
        ck_assert_int_eq(apr_brigade_flatten(rest, buf, &n), APR_SUCCESS);
        ck_assert_uint_eq(n, 9);
        ck_assert(memcmp(buf, "\0\0TAILEND", 9) == 0);
    }

    /* A segment starting past 4 GiB, read without mapping. */
    apr_brigade_cleanup(rest);
    e = apr_brigade_insert_file(rest, f, at + 2, 5, p);
    apr_bucket_file_enable_mmap(e, 0);
    ck_assert_str_eq(contents(rest, NULL), "ILEND");
    ck_assert(APR_BUCKET_IS_HEAP(APR_BRIGADE_FIRST(rest)));
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("brigade");
    TCase *tc = apr_test_tcase("brigade");

    tcase_add_checked_fixture(tc, setup_alloc, NULL);
    tcase_add_test(tc, create_cleanup_destroy);
    tcase_add_test(tc, ring_macros);
    tcase_add_test(tc, split_and_split_ex);
    tcase_add_test(tc, partition_every_offset);
    tcase_add_test(tc, partition_every_offset_pipe);
    tcase_add_test(tc, partition_edges);
    tcase_add_test(tc, length_read_all);
    tcase_add_test(tc, flatten_sizes);
    tcase_add_test(tc, pflatten_empty_and_mixed);
    tcase_add_test(tc, to_iovec);
    tcase_add_test(tc, to_iovec_pipe_eagain);
    tcase_add_test(tc, split_line_across_buckets);
    tcase_add_test(tc, split_line_bucket_shapes);
    tcase_add_test(tc, split_line_maxbytes);
    tcase_add_test(tc, split_line_pipe_nonblock);
    tcase_add_test(tc, write_coalesces);
    tcase_add_test(tc, write_large_without_flush);
    tcase_add_test(tc, write_with_flush);
    tcase_add_test(tc, writev_cases);
    tcase_add_test(tc, puts_putc_putstrs);
    tcase_add_test(tc, printf_small_and_large);
    tcase_add_test(tc, insert_file_small);
    tcase_add_test(tc, insert_file_past_4gib);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
