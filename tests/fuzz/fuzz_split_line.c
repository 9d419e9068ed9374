/*
 * libFuzzer target for apr_brigade_split_line(), the line reader of every
 * request: the input is cut into buckets of varying sizes and types
 * (heap, transient, immortal, pool, file, with flush/eos metadata and
 * empty buckets between them), and split_line is applied until the brigade
 * is empty.
 *
 * Checked on every input:
 *  - the lines, concatenated, equal the input byte for byte;
 *  - a line holds at most one LF, at its end; a line without one is the
 *    last, or reached maxbytes;
 *  - every call makes progress (the brigade shrinks).
 *
 * The first input byte picks maxbytes, the second seeds the cutting, the
 * third picks options (file buckets, whether the pool of the pool buckets
 * is destroyed after the first line); the rest is the data.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "apr_general.h"
#include "apr_pools.h"
#include "apr_file_io.h"
#include "apr_strings.h"
#include "apr_buckets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static apr_pool_t *pool;
static apr_file_t *file;    /* holds the data for file buckets */

static void setup(void)
{
    const char *dir;
    char *name;

    if (pool)
        return;
    CHECK(apr_initialize() == APR_SUCCESS);
    CHECK(apr_pool_create(&pool, NULL) == APR_SUCCESS);
    CHECK(apr_temp_dir_get(&dir, pool) == APR_SUCCESS);
    name = apr_pstrcat(pool, dir, "/fuzz_split_line.XXXXXX", NULL);
    CHECK(apr_file_mktemp(&file, name, APR_FOPEN_CREATE | APR_FOPEN_READ |
                          APR_FOPEN_WRITE | APR_FOPEN_EXCL |
                          APR_FOPEN_DELONCLOSE, pool) == APR_SUCCESS);
}

static uint32_t next_rand(uint32_t *state)
{
    /* xorshift32: any state but 0. */
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

/* Cuts data[0..len) into buckets appended to @a bb: pool buckets with
 * their bytes in @a datapool, file buckets reading in @a readpool. */
static void cut(apr_bucket_brigade *bb, const char *data, apr_size_t len,
                uint32_t seed, int use_file, apr_pool_t *datapool,
                apr_pool_t *readpool)
{
    apr_bucket_alloc_t *ba = bb->bucket_alloc;
    char *pool_copy = apr_palloc(datapool, len + 1);
    apr_size_t off = 0;
    uint32_t st = seed ? seed : 0x9e3779b9u;

    if (len)
        memcpy(pool_copy, data, len);

    while (off < len) {
        uint32_t r = next_rand(&st);
        apr_size_t n = (r & 0x100) ? (r >> 9) % 3000 : (r >> 9) % 17;
        apr_bucket *e;

        if (n > len - off)
            n = len - off;
        switch (r % 7) {
        case 0:
            e = apr_bucket_heap_create(data + off, n, NULL, ba);
            break;
        case 1:
            e = apr_bucket_transient_create(data + off, n, ba);
            break;
        case 2:
            e = apr_bucket_immortal_create(data + off, n, ba);
            break;
        case 3:
            e = apr_bucket_pool_create(pool_copy + off, n, datapool, ba);
            break;
        case 4:
            if (use_file) {
                e = apr_bucket_file_create(file, (apr_off_t)off, n, readpool,
                                           ba);
                apr_bucket_file_enable_mmap(e, (r >> 3) & 1);
                break;
            }
            /* fall through */
        default:
            e = apr_bucket_heap_create(data + off, n, NULL, ba);
            break;
        }
        APR_BRIGADE_INSERT_TAIL(bb, e);
        off += n;
        if ((r & 0xf000) == 0)
            APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_flush_create(ba));
        if ((r & 0xf0000) == 0)
            APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_eos_create(ba));
    }
}

static apr_off_t brigade_len(apr_bucket_brigade *bb)
{
    apr_off_t len;

    CHECK(apr_brigade_length(bb, 1, &len) == APR_SUCCESS);
    return len;
}

static int bucket_count(apr_bucket_brigade *bb)
{
    apr_bucket *e;
    int n = 0;

    for (e = APR_BRIGADE_FIRST(bb); e != APR_BRIGADE_SENTINEL(bb);
         e = APR_BUCKET_NEXT(e))
        n++;
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *sub, *bucket_pool;
    apr_bucket_alloc_t *ba;
    apr_bucket_brigade *in, *out;
    const char *payload;
    apr_size_t len, done = 0;
    apr_off_t maxbytes;
    int use_file, kill_pool, first = 1;

    setup();
    if (size < 3)
        return 0;
    maxbytes = data[0] < 128 ? data[0] : (apr_off_t)(data[0] - 128) * 64;
    use_file = data[2] & 1;
    kill_pool = data[2] & 2;
    payload = (const char *)data + 3;
    len = size - 3;

    CHECK(apr_pool_create(&sub, pool) == APR_SUCCESS);
    CHECK(apr_pool_create(&bucket_pool, sub) == APR_SUCCESS);
    ba = apr_bucket_alloc_create(sub);
    in = apr_brigade_create(sub, ba);
    out = apr_brigade_create(sub, ba);
    if (use_file) {
        apr_off_t zero = 0;
        CHECK(apr_file_trunc(file, 0) == APR_SUCCESS);
        CHECK(apr_file_seek(file, APR_SET, &zero) == APR_SUCCESS);
        CHECK(apr_file_write_full(file, payload, len, NULL) == APR_SUCCESS);
    }
    cut(in, payload, len, data[1] * 2654435761u, use_file, bucket_pool, sub);

    while (!APR_BRIGADE_EMPTY(in)) {
        apr_off_t before = brigade_len(in);
        int buckets_before = bucket_count(in);
        char *line;
        apr_size_t n;
        const char *lf;

        CHECK(apr_brigade_split_line(out, in, APR_BLOCK_READ, maxbytes)
              == APR_SUCCESS);
        CHECK(apr_brigade_pflatten(out, &line, &n, sub) == APR_SUCCESS);
        CHECK(brigade_len(in) + (apr_off_t)n == before);
        CHECK(n > 0 || bucket_count(in) < buckets_before);
        CHECK(done + n <= len);
        CHECK(n == 0 || memcmp(line, payload + done, n) == 0);
        lf = n ? memchr(line, '\n', n) : NULL;
        if (lf)
            CHECK(lf == line + n - 1);
        else
            CHECK(brigade_len(in) == 0 || (apr_off_t)n >= maxbytes);
        done += n;
        apr_brigade_cleanup(out);
        if (first && kill_pool) {
            /* The pool buckets' bytes move to the heap. */
            apr_pool_destroy(bucket_pool);
            first = 0;
        }
    }
    CHECK(done == len);
    apr_pool_destroy(sub);
    return 0;
}
