/*
 * libFuzzer target for apr_sdbm.h's page reader. The input is a database:
 * its first two bytes are the length L of the .dir file (little-endian;
 * the next L bytes, as far as there are any), the rest is the .pag file. Both are written to a
 * private temporary directory and the database is opened read-only,
 * iterated (at most a few thousand keys) and every key found is fetched,
 * as are a few fixed keys.
 *
 * Checked on every input: nothing crashes or reads out of bounds (the
 * sanitizers' business); every key and value handed out lies within a
 * page (dsize between 0 and 1024); an iteration ends (APR_EOF or an error
 * status, never an endless loop); fetch of an iterated key succeeds or
 * fails cleanly.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "apr_general.h"
#include "apr_pools.h"
#include "apr_strings.h"
#include "apr_sdbm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)
#define MAX_KEYS 5000

static apr_pool_t *pool;
static char dir[64];

static void remove_files(void)
{
    char path[96];

    snprintf(path, sizeof(path), "%s/db%s", dir, APR_SDBM_DIRFEXT);
    unlink(path);
    snprintf(path, sizeof(path), "%s/db%s", dir, APR_SDBM_PAGFEXT);
    unlink(path);
    rmdir(dir);
}

static void setup(void)
{
    if (pool)
        return;
    CHECK(apr_initialize() == APR_SUCCESS);
    CHECK(apr_pool_create(&pool, NULL) == APR_SUCCESS);
    strcpy(dir, "/tmp/fuzz_sdbm_XXXXXX");
    CHECK(mkdtemp(dir) != NULL);
    atexit(remove_files);
}

static void write_file(const char *path, const uint8_t *bytes, size_t len)
{
    FILE *f = fopen(path, "wb");

    CHECK(f != NULL);
    CHECK(fwrite(bytes, 1, len, f) == len);
    CHECK(fclose(f) == 0);
}

static void check_datum(apr_sdbm_datum_t d)
{
    if (d.dptr != NULL) {
        volatile char sink = 0;
        int i;
        CHECK(d.dsize >= 0 && d.dsize <= 1024);
        for (i = 0; i < d.dsize; i++) /* touch every byte (ASan) */
            sink ^= d.dptr[i];
        (void)sink;
    }
}

static void fetch(apr_sdbm_t *db, const char *bytes, int len)
{
    apr_sdbm_datum_t key, val;

    key.dptr = (char *)bytes;
    key.dsize = len;
    if (apr_sdbm_fetch(db, &val, key) == APR_SUCCESS)
        check_datum(val);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p;
    apr_sdbm_t *db;
    apr_sdbm_datum_t key;
    apr_status_t rv;
    size_t dirlen;
    const char *name;
    int n = 0;

    setup();
    if (size < 2)
        return 0;
    dirlen = (size_t)data[0] | (size_t)data[1] << 8;
    if (dirlen > size - 2)
        dirlen = size - 2;
    data += 2;
    size -= 2;
    CHECK(apr_pool_create(&p, pool) == APR_SUCCESS);
    name = apr_pstrcat(p, dir, "/db", NULL);
    write_file(apr_pstrcat(p, name, APR_SDBM_DIRFEXT, NULL), data,
               dirlen);
    write_file(apr_pstrcat(p, name, APR_SDBM_PAGFEXT, NULL),
               data + dirlen, size - dirlen);

    if (apr_sdbm_open(&db, name, APR_FOPEN_READ, APR_FPROT_OS_DEFAULT, p)
        == APR_SUCCESS) {
        for (rv = apr_sdbm_firstkey(db, &key);
             rv == APR_SUCCESS && n < MAX_KEYS;
             rv = apr_sdbm_nextkey(db, &key), n++) {
            char copy[1024];
            CHECK(key.dptr != NULL);
            check_datum(key);
            memcpy(copy, key.dptr, (size_t)key.dsize);
            if (key.dsize > 0)
                fetch(db, copy, key.dsize);
        }
        fetch(db, "key", 3);
        fetch(db, "a", 1);
        fetch(db, (const char *)data, size < 64 ? (int)size : 64);
        CHECK(apr_sdbm_close(db) == APR_SUCCESS);
    }
    apr_pool_destroy(p);
    return 0;
}
