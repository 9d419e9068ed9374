/*
 * apr_sdbm.h: store/fetch/delete/iterate at scale, INSERT/REPLACE/
 * INSERTDUP, size limits, locking (also across processes), and corrupted
 * page files (an error status, never a crash).
 *
 * Concurrent readers are plain fork() children: apr_proc_fork is part of
 * the processes issue, not yet available to every build of these tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"
#include "apr_sdbm.h"
#include "apr_strings.h"
#include "apr_file_io.h"
#include "apr_file_info.h"

#define RW (APR_FOPEN_READ | APR_FOPEN_WRITE | APR_FOPEN_CREATE)

/* Remove the test's directory (flat) when the test pool goes. */
static apr_status_t remove_dir(void *data)
{
    const char *dir = data;
    apr_pool_t *tp;
    apr_dir_t *d;
    apr_finfo_t fi;

    if (apr_pool_create(&tp, NULL) != APR_SUCCESS)
        return APR_SUCCESS;
    if (apr_dir_open(&d, dir, tp) == APR_SUCCESS) {
        while (apr_dir_read(&fi, APR_FINFO_NAME | APR_FINFO_TYPE, d)
               == APR_SUCCESS)
            if (fi.filetype == APR_REG)
                apr_file_remove(apr_pstrcat(tp, dir, "/", fi.name, NULL), tp);
        apr_dir_close(d);
    }
    apr_dir_remove(dir, tp);
    apr_pool_destroy(tp);
    return APR_SUCCESS;
}

static const char *tmpname(const char *base)
{
    char dir[] = "/tmp/test_sdbm_XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    apr_pool_cleanup_register(p, apr_pstrdup(p, dir), remove_dir,
                              apr_pool_cleanup_null);
    return apr_pstrcat(p, dir, "/", base, NULL);
}

static apr_sdbm_datum_t dat(const char *s)
{
    apr_sdbm_datum_t d;
    d.dptr = (char *)s;
    d.dsize = (int)strlen(s);
    return d;
}

static apr_sdbm_t *open_db(const char *name, apr_int32_t mode)
{
    apr_sdbm_t *db = NULL;
    ck_assert_int_eq(apr_sdbm_open(&db, name, mode, APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    return db;
}

static void assert_value(apr_sdbm_t *db, const char *key, const char *want)
{
    apr_sdbm_datum_t v;
    ck_assert_int_eq(apr_sdbm_fetch(db, &v, dat(key)), APR_SUCCESS);
    if (want == NULL) {
        ck_assert_ptr_null(v.dptr);
        return;
    }
    ck_assert_ptr_nonnull(v.dptr);
    ck_assert_int_eq(v.dsize, (int)strlen(want));
    ck_assert_mem_eq(v.dptr, want, strlen(want));
}

/* Count the keys of an iteration, checking that "key%d" keys below n are
 * each seen once. */
static int count_keys(apr_sdbm_t *db, int n)
{
    char *seen = calloc((size_t)n + 1, 1);
    apr_sdbm_datum_t k;
    apr_status_t rv;
    int count = 0;

    for (rv = apr_sdbm_firstkey(db, &k); rv == APR_SUCCESS && k.dptr;
         rv = apr_sdbm_nextkey(db, &k)) {
        char buf[32];
        int i;
        ck_assert_int_lt(k.dsize, (int)sizeof(buf));
        memcpy(buf, k.dptr, (size_t)k.dsize);
        buf[k.dsize] = '\0';
        ck_assert_int_eq(sscanf(buf, "key%d", &i), 1);
        ck_assert_int_ge(i, 0);
        ck_assert_int_lt(i, n);
        ck_assert_int_eq(seen[i], 0);
        seen[i] = 1;
        count++;
    }
    ck_assert_int_eq(rv, APR_EOF);
    ck_assert_ptr_null(k.dptr);
    free(seen);
    return count;
}

#define MANY 100000

START_TEST(many_keys)
{
    const char *name = tmpname("many");
    apr_sdbm_t *db = open_db(name, RW);
    apr_sdbm_datum_t k;
    char key[32], val[32];
    int i;

    for (i = 0; i < MANY; i++) {
        snprintf(key, sizeof(key), "key%d", i);
        snprintf(val, sizeof(val), "value-%d", i * 7);
        ck_assert_int_eq(apr_sdbm_store(db, dat(key), dat(val),
                                        APR_SDBM_INSERT), APR_SUCCESS);
    }
    for (i = 0; i < MANY; i++) {
        snprintf(key, sizeof(key), "key%d", i);
        snprintf(val, sizeof(val), "value-%d", i * 7);
        assert_value(db, key, val);
    }
    ck_assert_int_eq(count_keys(db, MANY), MANY);
    ck_assert_int_eq(apr_sdbm_close(db), APR_SUCCESS);

    db = open_db(name, APR_FOPEN_READ);
    ck_assert_int_ne(apr_sdbm_rdonly(db), 0);
    for (i = 0; i < MANY; i += 97) {
        snprintf(key, sizeof(key), "key%d", i);
        snprintf(val, sizeof(val), "value-%d", i * 7);
        assert_value(db, key, val);
    }
    ck_assert_int_eq(count_keys(db, MANY), MANY);
    ck_assert_int_eq(apr_sdbm_close(db), APR_SUCCESS);

    db = open_db(name, APR_FOPEN_READ | APR_FOPEN_WRITE);
    ck_assert_int_eq(apr_sdbm_rdonly(db), 0);
    for (i = 0; i < MANY; i += 2) {
        snprintf(key, sizeof(key), "key%d", i);
        ck_assert_int_eq(apr_sdbm_delete(db, dat(key)), APR_SUCCESS);
    }
    ck_assert_int_eq(count_keys(db, MANY), MANY / 2);
    ck_assert_int_eq(apr_sdbm_close(db), APR_SUCCESS);

    db = open_db(name, APR_FOPEN_READ | APR_FOPEN_WRITE);
    for (i = 0; i < MANY; i++) {
        snprintf(key, sizeof(key), "key%d", i);
        snprintf(val, sizeof(val), "value-%d", i * 7);
        assert_value(db, key, i % 2 ? val : NULL);
        if (i % 2)
            ck_assert_int_eq(apr_sdbm_delete(db, dat(key)), APR_SUCCESS);
    }
    ck_assert_int_eq(apr_sdbm_firstkey(db, &k), APR_EOF);
    ck_assert_ptr_null(k.dptr);
    ck_assert_int_eq(apr_sdbm_close(db), APR_SUCCESS);
}
END_TEST

START_TEST(insert_replace)
{
    apr_sdbm_t *db = open_db(tmpname("ins"), RW | APR_FOPEN_TRUNCATE);
    apr_sdbm_datum_t k;

    ck_assert_int_eq(apr_sdbm_firstkey(db, &k), APR_EOF);
    ck_assert_ptr_null(k.dptr);
    assert_value(db, "key1", NULL);
    ck_assert_int_eq(apr_sdbm_store(db, dat("key1"), dat("one"),
                                    APR_SDBM_INSERT), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_store(db, dat("key1"), dat("uno"),
                                    APR_SDBM_INSERT), APR_EEXIST);
    assert_value(db, "key1", "one");
    ck_assert_int_eq(apr_sdbm_store(db, dat("key1"), dat("eins"),
                                    APR_SDBM_REPLACE), APR_SUCCESS);
    assert_value(db, "key1", "eins");
    ck_assert_int_eq(count_keys(db, 2), 1);
    /* An empty value is a value. */
    ck_assert_int_eq(apr_sdbm_store(db, dat("key0"), dat(""),
                                    APR_SDBM_INSERT), APR_SUCCESS);
    assert_value(db, "key0", "");
    /* INSERTDUP adds a second pair under the same key. */
    ck_assert_int_eq(apr_sdbm_store(db, dat("key1"), dat("dup"),
                                    APR_SDBM_INSERTDUP), APR_SUCCESS);
    {
        apr_status_t rv;
        int n = 0;
        for (rv = apr_sdbm_firstkey(db, &k); rv == APR_SUCCESS;
             rv = apr_sdbm_nextkey(db, &k))
            n++;
        ck_assert_int_eq(n, 3);
    }
    ck_assert_int_eq(apr_sdbm_delete(db, dat("key1")), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_delete(db, dat("key1")), APR_SUCCESS);
    assert_value(db, "key1", NULL);
    /* APR-util reports a missing key (its doc says it is no error). */
    ck_assert_int_eq(apr_sdbm_delete(db, dat("key1")), APR_EGENERAL);
    ck_assert_int_eq(apr_sdbm_close(db), APR_SUCCESS);
}
END_TEST

START_TEST(size_limits)
{
    const char *name = tmpname("big");
    apr_sdbm_t *db = open_db(name, RW);
    static char big[4096];
    apr_sdbm_datum_t k = { big, 1000 }, v = { big, 8 }, null = { NULL, 0 };
    apr_sdbm_datum_t out;

    memset(big, 'x', sizeof(big));
    /* 1008 bytes of key + value fit in a page; one more does not. */
    ck_assert_int_eq(apr_sdbm_store(db, k, v, APR_SDBM_INSERT), APR_SUCCESS);
    v.dsize = 9;
    ck_assert_int_eq(apr_sdbm_store(db, k, v, APR_SDBM_REPLACE), APR_EINVAL);
    k.dsize = 1009;
    v.dsize = 0;
    ck_assert_int_eq(apr_sdbm_store(db, k, v, APR_SDBM_INSERT), APR_EINVAL);
    k.dsize = 10;
    v.dsize = 4000;
    ck_assert_int_eq(apr_sdbm_store(db, k, v, APR_SDBM_INSERT), APR_EINVAL);
    k.dsize = -1;
    ck_assert_int_eq(apr_sdbm_store(db, k, v, APR_SDBM_INSERT), APR_EINVAL);
    ck_assert_int_eq(apr_sdbm_store(db, null, dat("v"), APR_SDBM_INSERT),
                     APR_EINVAL);
    ck_assert_int_eq(apr_sdbm_store(db, dat(""), dat("v"), APR_SDBM_INSERT),
                     APR_EINVAL);
    ck_assert_int_eq(apr_sdbm_fetch(db, &out, null), APR_EINVAL);
    ck_assert_int_eq(apr_sdbm_delete(db, null), APR_EINVAL);
    /* The big pair is intact. */
    k.dsize = 1000;
    ck_assert_int_eq(apr_sdbm_fetch(db, &out, k), APR_SUCCESS);
    ck_assert_int_eq(out.dsize, 8);
    ck_assert_int_eq(apr_sdbm_close(db), APR_SUCCESS);

    /* Read-only: no store, no delete. */
    db = open_db(name, APR_FOPEN_READ);
    ck_assert_int_eq(apr_sdbm_store(db, dat("a"), dat("b"), APR_SDBM_REPLACE),
                     APR_EINVAL);
    ck_assert_int_eq(apr_sdbm_delete(db, k), APR_EINVAL);
    ck_assert_int_eq(apr_sdbm_close(db), APR_SUCCESS);
}
END_TEST

START_TEST(open_errors)
{
    const char *name = tmpname("open");
    apr_sdbm_t *db;
    apr_finfo_t fi;

    ck_assert_int_eq(APR_STATUS_IS_ENOENT(apr_sdbm_open(&db, name,
                     APR_FOPEN_READ, APR_FPROT_OS_DEFAULT, p)), 1);
    db = open_db(name, RW);
    ck_assert_int_eq(apr_stat(&fi, apr_pstrcat(p, name, APR_SDBM_DIRFEXT,
                                               NULL), APR_FINFO_TYPE, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_stat(&fi, apr_pstrcat(p, name, APR_SDBM_PAGFEXT,
                                               NULL), APR_FINFO_TYPE, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_close(db), APR_SUCCESS);
    ck_assert_int_eq(APR_STATUS_IS_EEXIST(apr_sdbm_open(&db, name,
                     RW | APR_FOPEN_EXCL, APR_FPROT_OS_DEFAULT, p)), 1);
}
END_TEST

START_TEST(locks)
{
    const char *name = tmpname("lock");
    apr_sdbm_t *db = open_db(name, RW | APR_FOPEN_SHARELOCK);

    ck_assert_int_eq(apr_sdbm_lock(db, 99), APR_EINVAL);
    ck_assert_int_eq(apr_sdbm_unlock(db), APR_EINVAL);
    ck_assert_int_eq(apr_sdbm_store(db, dat("a"), dat("1"), APR_SDBM_INSERT),
                     APR_SUCCESS);
    /* Shared: reads work, writes and upgrades do not. */
    ck_assert_int_eq(apr_sdbm_lock(db, APR_FLOCK_SHARED), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_lock(db, APR_FLOCK_SHARED), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_lock(db, APR_FLOCK_EXCLUSIVE), APR_EINVAL);
    assert_value(db, "a", "1");
    ck_assert_int_eq(apr_sdbm_store(db, dat("b"), dat("2"), APR_SDBM_INSERT),
                     APR_EINVAL);
    ck_assert_int_eq(apr_sdbm_delete(db, dat("a")), APR_EINVAL);
    ck_assert_int_eq(apr_sdbm_unlock(db), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_store(db, dat("b"), dat("2"), APR_SDBM_INSERT),
                     APR_EINVAL);
    ck_assert_int_eq(apr_sdbm_unlock(db), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_unlock(db), APR_EINVAL);
    /* Exclusive nests, and a shared request inside it is granted. */
    ck_assert_int_eq(apr_sdbm_lock(db, APR_FLOCK_EXCLUSIVE), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_lock(db, APR_FLOCK_SHARED), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_store(db, dat("b"), dat("2"), APR_SDBM_INSERT),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_unlock(db), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_delete(db, dat("a")), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_unlock(db), APR_SUCCESS);
    assert_value(db, "a", NULL);
    assert_value(db, "b", "2");
    ck_assert_int_eq(apr_sdbm_close(db), APR_SUCCESS);

    /* Without APR_FOPEN_SHARELOCK, locking is a no-op (as in APR-util). */
    db = open_db(name, RW);
    ck_assert_int_eq(apr_sdbm_lock(db, APR_FLOCK_SHARED), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_store(db, dat("c"), dat("3"), APR_SDBM_INSERT),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_unlock(db), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_unlock(db), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_close(db), APR_SUCCESS);
}
END_TEST

#define READERS 4
#define SHARED_KEYS 2000

/* A child: open the database itself, read every key under implicit shared
 * locks and iterate under an explicit one. Exit status 0 when all is
 * well. */
static int reader_child(const char *name)
{
    apr_pool_t *cp;
    apr_sdbm_t *db;
    apr_sdbm_datum_t k, v;
    char key[32], val[32];
    int i, n = 0;

    if (apr_pool_create(&cp, NULL) != APR_SUCCESS
        || apr_sdbm_open(&db, name, APR_FOPEN_READ | APR_FOPEN_SHARELOCK,
                         APR_FPROT_OS_DEFAULT, cp) != APR_SUCCESS)
        return 1;
    for (i = 0; i < SHARED_KEYS; i++) {
        snprintf(key, sizeof(key), "key%d", i);
        snprintf(val, sizeof(val), "v%d", i);
        if (apr_sdbm_fetch(db, &v, dat(key)) != APR_SUCCESS || !v.dptr
            || v.dsize != (int)strlen(val)
            || memcmp(v.dptr, val, strlen(val)) != 0)
            return 2;
    }
    if (apr_sdbm_lock(db, APR_FLOCK_SHARED) != APR_SUCCESS)
        return 3;
    for (apr_status_t rv = apr_sdbm_firstkey(db, &k); rv == APR_SUCCESS;
         rv = apr_sdbm_nextkey(db, &k))
        n++;
    if (n != SHARED_KEYS || apr_sdbm_unlock(db) != APR_SUCCESS)
        return 4;
    return apr_sdbm_close(db) == APR_SUCCESS ? 0 : 5;
}

START_TEST(concurrent_readers)
{
    const char *name = tmpname("conc");
    apr_sdbm_t *db = open_db(name, RW | APR_FOPEN_SHARELOCK);
    pid_t pids[READERS];
    char key[32], val[32];
    int i;

    for (i = 0; i < SHARED_KEYS; i++) {
        snprintf(key, sizeof(key), "key%d", i);
        snprintf(val, sizeof(val), "v%d", i);
        ck_assert_int_eq(apr_sdbm_store(db, dat(key), dat(val),
                                        APR_SDBM_INSERT), APR_SUCCESS);
    }
    /* The parent holds a shared lock the whole time: the readers' shared
     * locks are granted alongside it. */
    ck_assert_int_eq(apr_sdbm_lock(db, APR_FLOCK_SHARED), APR_SUCCESS);
    for (i = 0; i < READERS; i++) {
        pids[i] = fork();
        ck_assert_int_ge(pids[i], 0);
        if (pids[i] == 0)
            _exit(reader_child(name));
    }
    for (i = 0; i < READERS; i++) {
        int status;
        ck_assert_int_eq(waitpid(pids[i], &status, 0), pids[i]);
        ck_assert(WIFEXITED(status));
        ck_assert_int_eq(WEXITSTATUS(status), 0);
    }
    assert_value(db, "key7", "v7");
    ck_assert_int_eq(apr_sdbm_unlock(db), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_close(db), APR_SUCCESS);
}
END_TEST

/* Overwrite the first page of NAME.pag with len bytes. */
static void clobber(const char *name, const void *bytes, size_t len)
{
    FILE *f = fopen(apr_pstrcat(p, name, APR_SDBM_PAGFEXT, NULL), "r+b");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(bytes, 1, len, f), len);
    fclose(f);
}

START_TEST(corrupted_page)
{
    const char *name = tmpname("bad");
    apr_sdbm_t *db = open_db(name, RW);
    apr_sdbm_datum_t k, v;
    unsigned char junk[1024];
    short hdr[3];
    size_t i;

    /* A few small pairs: one page, no split, so every key is on page 0. */
    ck_assert_int_eq(apr_sdbm_store(db, dat("k1"), dat("v1"),
                                    APR_SDBM_INSERT), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_store(db, dat("k2"), dat("v2"),
                                    APR_SDBM_INSERT), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_close(db), APR_SUCCESS);

    memset(junk, 0xff, sizeof(junk)); /* a negative pair count */
    clobber(name, junk, sizeof(junk));
    db = open_db(name, APR_FOPEN_READ);
    /* (APR-util leaves k as it was on this failure: not checked.) */
    ck_assert_int_ne(apr_sdbm_firstkey(db, &k), APR_SUCCESS);
    ck_assert_int_ne(apr_sdbm_fetch(db, &v, dat("k1")), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_close(db), APR_SUCCESS);

    for (i = 0; i < sizeof(junk); i++) /* pseudo-random bytes */
        junk[i] = (unsigned char)((i * 2654435761u) >> 13);
    junk[0] = 9; /* an odd, hence impossible, entry count */
    junk[1] = 0;
    clobber(name, junk, sizeof(junk));
    db = open_db(name, APR_FOPEN_READ);
    ck_assert_int_ne(apr_sdbm_firstkey(db, &k), APR_SUCCESS);
    ck_assert_int_ne(apr_sdbm_fetch(db, &v, dat("k2")), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_close(db), APR_SUCCESS);

    hdr[0] = 2;      /* one pair ... */
    hdr[1] = 1000;
    hdr[2] = 2000;   /* ... whose value lies past the page */
    clobber(name, hdr, sizeof(hdr));
    db = open_db(name, APR_FOPEN_READ | APR_FOPEN_WRITE);
    ck_assert_int_ne(apr_sdbm_firstkey(db, &k), APR_SUCCESS);
    ck_assert_int_ne(apr_sdbm_fetch(db, &v, dat("k1")), APR_SUCCESS);
    ck_assert_int_ne(apr_sdbm_store(db, dat("k3"), dat("v3"),
                                    APR_SDBM_REPLACE), APR_SUCCESS);
    ck_assert_int_ne(apr_sdbm_delete(db, dat("k1")), APR_SUCCESS);
    ck_assert_int_eq(apr_sdbm_close(db), APR_SUCCESS);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("sdbm");
    TCase *tc = apr_test_tcase("sdbm");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, many_keys);
    tcase_add_test(tc, insert_replace);
    tcase_add_test(tc, size_limits);
    tcase_add_test(tc, open_errors);
    tcase_add_test(tc, locks);
    tcase_add_test(tc, concurrent_readers);
    tcase_add_test(tc, corrupted_page);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
