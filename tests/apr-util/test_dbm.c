/*
 * apr_dbm.h: the same operations through apr_dbm_open_ex for every
 * provider this build has (SDBM always; GDBM and DB when apu.h says so),
 * the file names each uses, open modes and errors, the "default" type.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "apr_dbm.h"
#include "apr_strings.h"
#include "apr_file_io.h"
#include "apr_file_info.h"

static const char *const types[] = {
    "SDBM",
#if APU_HAVE_GDBM
    "GDBM",
#endif
#if APU_HAVE_DB
    "DB",
#endif
};
#define NTYPES ((int)(sizeof(types) / sizeof(types[0])))
#define NKEYS 500

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
    char dir[] = "/tmp/test_dbm_XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    apr_pool_cleanup_register(p, apr_pstrdup(p, dir), remove_dir,
                              apr_pool_cleanup_null);
    return apr_pstrcat(p, dir, "/", base, NULL);
}

static apr_datum_t dat(const char *s)
{
    apr_datum_t d;
    d.dptr = (char *)s;
    d.dsize = strlen(s);
    return d;
}

static void assert_value(apr_dbm_t *db, const char *key, const char *want)
{
    apr_datum_t v;
    ck_assert_int_eq(apr_dbm_fetch(db, dat(key), &v), APR_SUCCESS);
    if (want == NULL) {
        ck_assert_ptr_null(v.dptr);
        ck_assert_int_eq(apr_dbm_exists(db, dat(key)), 0);
        return;
    }
    ck_assert_ptr_nonnull(v.dptr);
    ck_assert_uint_eq(v.dsize, strlen(want));
    ck_assert_mem_eq(v.dptr, want, strlen(want));
    ck_assert_int_ne(apr_dbm_exists(db, dat(key)), 0);
    apr_dbm_freedatum(db, v);
}

/* Iterate, passing each key back to nextkey (as GDBM needs); every
 * "key%d" below NKEYS must be seen once. Returns the count. */
static int count_keys(apr_dbm_t *db)
{
    char seen[NKEYS] = { 0 };
    apr_datum_t k;
    apr_status_t rv = apr_dbm_firstkey(db, &k);
    int n = 0;

    while (rv == APR_SUCCESS && k.dptr != NULL) {
        char buf[32];
        int i;
        ck_assert_uint_lt(k.dsize, sizeof(buf));
        memcpy(buf, k.dptr, k.dsize);
        buf[k.dsize] = '\0';
        ck_assert_int_eq(sscanf(buf, "key%d", &i), 1);
        ck_assert_int_ge(i, 0);
        ck_assert_int_lt(i, NKEYS);
        ck_assert_int_eq(seen[i], 0);
        seen[i] = 1;
        n++;
        rv = apr_dbm_nextkey(db, &k);
    }
    /* The end: dptr NULL (SDBM's firstkey on an empty database says
     * APR_EOF, as APR-util's does; every other end is APR_SUCCESS). */
    ck_assert_ptr_null(k.dptr);
    if (n > 0)
        ck_assert_int_eq(rv, APR_SUCCESS);
    else
        ck_assert(rv == APR_SUCCESS || rv == APR_EOF);
    return n;
}

START_TEST(operations)
{
    const char *type = types[_i];
    const char *name = tmpname("ops");
    apr_dbm_t *db;
    char key[32], val[32], err[128];
    int i, code = -1;
    apr_status_t rv;

    ck_assert_int_eq(apr_dbm_open_ex(&db, type, name, APR_DBM_RWCREATE,
                                     APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    apr_dbm_geterror(db, &code, err, sizeof(err));
    ck_assert_int_eq(code, 0);
    ck_assert_str_eq(err, "");
    for (i = 0; i < NKEYS; i++) {
        snprintf(key, sizeof(key), "key%d", i);
        snprintf(val, sizeof(val), "val%d", i);
        ck_assert_int_eq(apr_dbm_store(db, dat(key), dat(val)), APR_SUCCESS);
    }
    for (i = 0; i < NKEYS; i++) {
        snprintf(key, sizeof(key), "key%d", i);
        snprintf(val, sizeof(val), "val%d", i);
        assert_value(db, key, val);
    }
    assert_value(db, "missing", NULL);
    /* store replaces */
    ck_assert_int_eq(apr_dbm_store(db, dat("key3"), dat("three")),
                     APR_SUCCESS);
    assert_value(db, "key3", "three");
    ck_assert_int_eq(count_keys(db), NKEYS);

    for (i = 0; i < NKEYS; i += 2) {
        snprintf(key, sizeof(key), "key%d", i);
        ck_assert_int_eq(apr_dbm_delete(db, dat(key)), APR_SUCCESS);
    }
    /* Every provider of APR-util reports deleting a missing key. */
    rv = apr_dbm_delete(db, dat("key0"));
    ck_assert_int_ne(rv, APR_SUCCESS);
    apr_dbm_geterror(db, &code, err, sizeof(err));
    ck_assert_int_eq(code, rv);
    ck_assert_int_ne(strlen(err), 0);
    /* ... and a later success clears the error. */
    assert_value(db, "key1", "val1");
    apr_dbm_geterror(db, &code, err, sizeof(err));
    ck_assert_int_eq(code, 0);
    ck_assert_str_eq(err, "");
    ck_assert_int_eq(count_keys(db), NKEYS / 2);
    apr_dbm_close(db);

    /* Reopen read-only: the data is there, writes fail. */
    ck_assert_int_eq(apr_dbm_open_ex(&db, type, name, APR_DBM_READONLY,
                                     APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    for (i = 0; i < NKEYS; i++) {
        snprintf(key, sizeof(key), "key%d", i);
        snprintf(val, sizeof(val), "val%d", i);
        assert_value(db, key, i % 2 == 0 ? NULL : i == 3 ? "three" : val);
    }
    rv = apr_dbm_store(db, dat("new"), dat("x"));
    ck_assert_int_ne(rv, APR_SUCCESS);
    apr_dbm_geterror(db, &code, NULL, 0);
    ck_assert_int_eq(code, rv);
    apr_dbm_close(db);

    /* READWRITE keeps, RWTRUNC empties. */
    ck_assert_int_eq(apr_dbm_open_ex(&db, type, name, APR_DBM_READWRITE,
                                     APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    ck_assert_int_eq(count_keys(db), NKEYS / 2);
    apr_dbm_close(db);
    ck_assert_int_eq(apr_dbm_open_ex(&db, type, name, APR_DBM_RWTRUNC,
                                     APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    ck_assert_int_eq(count_keys(db), 0);
    assert_value(db, "key1", NULL);
    apr_dbm_close(db);
}
END_TEST

START_TEST(usednames)
{
    const char *type = types[_i];
    const char *name = tmpname("used");
    const char *u1 = NULL, *u2 = "unset";
    apr_dbm_t *db;
    apr_finfo_t fi;

    ck_assert_int_eq(apr_dbm_get_usednames_ex(p, type, name, &u1, &u2),
                     APR_SUCCESS);
    if (strcmp(type, "SDBM") == 0) {
        ck_assert_str_eq(u1, apr_pstrcat(p, name, ".dir", NULL));
        ck_assert_str_eq(u2, apr_pstrcat(p, name, ".pag", NULL));
    }
    else {
        ck_assert_str_eq(u1, name);
        ck_assert_ptr_null(u2);
    }
    /* The files do not exist yet; opening creates them. */
    ck_assert_int_ne(apr_stat(&fi, u1, APR_FINFO_TYPE, p), APR_SUCCESS);
    ck_assert_int_eq(apr_dbm_open_ex(&db, type, name, APR_DBM_RWCREATE,
                                     APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    ck_assert_int_eq(apr_dbm_store(db, dat("k"), dat("v")), APR_SUCCESS);
    apr_dbm_close(db);
    ck_assert_int_eq(apr_stat(&fi, u1, APR_FINFO_TYPE, p), APR_SUCCESS);
    if (u2 != NULL)
        ck_assert_int_eq(apr_stat(&fi, u2, APR_FINFO_TYPE, p), APR_SUCCESS);
}
END_TEST

START_TEST(open_errors)
{
    const char *type = types[_i];
    const char *name = tmpname("none");
    apr_dbm_t *db;

    ck_assert_int_ne(apr_dbm_open_ex(&db, type, name, APR_DBM_READONLY,
                                     APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    ck_assert_int_ne(apr_dbm_open_ex(&db, type, name, APR_DBM_READWRITE,
                                     APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    ck_assert_int_eq(apr_dbm_open_ex(&db, type, name, 9,
                                     APR_FPROT_OS_DEFAULT, p), APR_EINVAL);
}
END_TEST

START_TEST(default_type)
{
    const char *name = tmpname("def");
    const char *u1, *u2, *x1, *x2;
    apr_dbm_t *db;
    apr_finfo_t fi;

    apr_dbm_get_usednames(p, name, &u1, &u2);
    ck_assert_int_eq(apr_dbm_get_usednames_ex(p, "default", name, &x1, &x2),
                     APR_SUCCESS);
    ck_assert_str_eq(u1, x1);
    ck_assert_int_eq(u2 == NULL, x2 == NULL);
    if (u2)
        ck_assert_str_eq(u2, x2);

    ck_assert_int_ne(apr_dbm_open(&db, name, APR_DBM_READONLY,
                                  APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    ck_assert_int_eq(apr_dbm_open(&db, name, APR_DBM_RWCREATE,
                                  APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    ck_assert_int_eq(apr_dbm_store(db, dat("k"), dat("v")), APR_SUCCESS);
    assert_value(db, "k", "v");
    apr_dbm_close(db);
    ck_assert_int_eq(apr_stat(&fi, u1, APR_FINFO_TYPE, p), APR_SUCCESS);
    ck_assert_int_eq(apr_dbm_open_ex(&db, "default", name, APR_DBM_READONLY,
                                     APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    assert_value(db, "k", "v");
    apr_dbm_close(db);
}
END_TEST

START_TEST(type_names)
{
    const char *name = tmpname("names");
    const char *u1, *u2;
    apr_dbm_t *db;

    /* APR-util 1.x matches type names without case. */
    ck_assert_int_eq(apr_dbm_open_ex(&db, "sdbm", name, APR_DBM_RWCREATE,
                                     APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    apr_dbm_close(db);
    ck_assert_int_eq(apr_dbm_get_usednames_ex(p, "sdbm", name, &u1, &u2),
                     APR_SUCCESS);
#if APR_TEST_AGAINST_SYSTEM
    /* Debian's APR-util loads providers as DSOs: an unknown or missing
     * one fails with APR_EDSOOPEN; a build without DSOs (ours) says
     * APR_ENOTIMPL. */
    ck_assert_int_ne(apr_dbm_open_ex(&db, "NDBM", name, APR_DBM_RWCREATE,
                                     APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    ck_assert_int_ne(apr_dbm_open_ex(&db, "bogus", name, APR_DBM_RWCREATE,
                                     APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    ck_assert_int_ne(apr_dbm_get_usednames_ex(p, "bogus", name, &u1, &u2),
                     APR_SUCCESS);
#else
    ck_assert_int_eq(apr_dbm_open_ex(&db, "NDBM", name, APR_DBM_RWCREATE,
                                     APR_FPROT_OS_DEFAULT, p), APR_ENOTIMPL);
    ck_assert_int_eq(apr_dbm_open_ex(&db, "bogus", name, APR_DBM_RWCREATE,
                                     APR_FPROT_OS_DEFAULT, p), APR_ENOTIMPL);
    ck_assert_int_eq(apr_dbm_get_usednames_ex(p, "bogus", name, &u1, &u2),
                     APR_ENOTIMPL);
#endif
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("dbm");
    TCase *tc = apr_test_tcase("dbm");

    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, operations, 0, NTYPES);
    tcase_add_loop_test(tc, usednames, 0, NTYPES);
    tcase_add_loop_test(tc, open_errors, 0, NTYPES);
    tcase_add_test(tc, default_type);
    tcase_add_test(tc, type_names);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
