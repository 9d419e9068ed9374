/*
 * apr_hash.h: hash tables.
 */
#include <string.h>

#include "testutil.h"
#include "apr_hash.h"
#include "apr_strings.h"

START_TEST(hash_set_get)
{
    apr_hash_t *h = apr_hash_make(p);
    int one = 1, two = 2;
    char key[] = "key";

    ck_assert_ptr_eq(apr_hash_pool_get(h), p);
    ck_assert_uint_eq(apr_hash_count(h), 0);
    ck_assert_ptr_null(apr_hash_get(h, "key", APR_HASH_KEY_STRING));
    ck_assert_ptr_null(apr_hash_first(p, h));
    ck_assert_ptr_null(apr_hash_first(NULL, h));

    apr_hash_set(h, key, APR_HASH_KEY_STRING, &one);
    ck_assert_uint_eq(apr_hash_count(h), 1);
    ck_assert_ptr_eq(apr_hash_get(h, "key", APR_HASH_KEY_STRING), &one);
    ck_assert_ptr_eq(apr_hash_get(h, "key", 3), &one);
    ck_assert_ptr_null(apr_hash_get(h, "ke", 2));
    ck_assert_ptr_null(apr_hash_get(h, "KEY", APR_HASH_KEY_STRING));

    /* replacing keeps the count and the original key pointer */
    apr_hash_set(h, "key", 3, &two);
    ck_assert_uint_eq(apr_hash_count(h), 1);
    ck_assert_ptr_eq(apr_hash_get(h, "key", APR_HASH_KEY_STRING), &two);
    ck_assert_ptr_eq(apr_hash_this_key(apr_hash_first(p, h)), key);

    /* NULL deletes; deleting an absent key is harmless */
    apr_hash_set(h, "key", APR_HASH_KEY_STRING, NULL);
    apr_hash_set(h, "nope", APR_HASH_KEY_STRING, NULL);
    ck_assert_uint_eq(apr_hash_count(h), 0);
    ck_assert_ptr_null(apr_hash_get(h, "key", 3));
}
END_TEST

START_TEST(hash_binary_keys)
{
    apr_hash_t *h = apr_hash_make(p);
    const char k1[] = {'a', 0, 'b'}, k2[] = {'a', 0, 'c'};
    int i1 = 1, i2 = 2, i3 = 3, ik = 4;
    int ikey = 12345;

    apr_hash_set(h, k1, 3, &i1);
    apr_hash_set(h, k2, 3, &i2);
    apr_hash_set(h, "a", APR_HASH_KEY_STRING, &i3);
    apr_hash_set(h, "", 0, &ik);
    ck_assert_uint_eq(apr_hash_count(h), 4);
    ck_assert_ptr_eq(apr_hash_get(h, k1, 3), &i1);
    ck_assert_ptr_eq(apr_hash_get(h, k2, 3), &i2);
    ck_assert_ptr_eq(apr_hash_get(h, "a", 1), &i3);
    ck_assert_ptr_eq(apr_hash_get(h, "", APR_HASH_KEY_STRING), &ik);

    apr_hash_set(h, &ikey, sizeof(ikey), &i1);
    {
        int copy = 12345;
        ck_assert_ptr_eq(apr_hash_get(h, &copy, sizeof(copy)), &i1);
    }
}
END_TEST

START_TEST(hash_10000)
{
    apr_hash_t *h = apr_hash_make(p);
    char **keys = apr_palloc(p, sizeof(char *) * 10000);
    int i;

    for (i = 0; i < 10000; i++) {
        keys[i] = apr_psprintf(p, "k%d", i);
        apr_hash_set(h, keys[i], APR_HASH_KEY_STRING, keys[i]);
    }
    ck_assert_uint_eq(apr_hash_count(h), 10000);
    for (i = 0; i < 10000; i++)
        ck_assert_ptr_eq(apr_hash_get(h, apr_psprintf(p, "k%d", i),
                                      APR_HASH_KEY_STRING), keys[i]);
    ck_assert_ptr_null(apr_hash_get(h, "k10000", APR_HASH_KEY_STRING));
    for (i = 0; i < 10000; i += 2)
        apr_hash_set(h, keys[i], APR_HASH_KEY_STRING, NULL);
    ck_assert_uint_eq(apr_hash_count(h), 5000);
    for (i = 0; i < 10000; i++)
        ck_assert_ptr_eq(apr_hash_get(h, keys[i], APR_HASH_KEY_STRING),
                         (i & 1) ? keys[i] : NULL);
    /* removed entries are recycled on re-insertion */
    for (i = 0; i < 10000; i += 2)
        apr_hash_set(h, keys[i], APR_HASH_KEY_STRING, keys[i]);
    ck_assert_uint_eq(apr_hash_count(h), 10000);
}
END_TEST

START_TEST(hash_iterate)
{
    apr_hash_t *h = apr_hash_make(p);
    apr_hash_index_t *hi;
    int seen[100] = {0}, n = 0, i;
    long vals[100];

    for (i = 0; i < 100; i++) {
        vals[i] = i;
        apr_hash_set(h, apr_psprintf(p, "%d", i), APR_HASH_KEY_STRING,
                     &vals[i]);
    }
    for (hi = apr_hash_first(p, h); hi; hi = apr_hash_next(hi)) {
        const void *k;
        apr_ssize_t klen;
        void *v;
        apr_hash_this(hi, &k, &klen, &v);
        ck_assert_int_eq(klen, (apr_ssize_t)strlen(k));
        ck_assert_ptr_eq(apr_hash_this_key(hi), k);
        ck_assert_int_eq(apr_hash_this_key_len(hi), klen);
        ck_assert_ptr_eq(apr_hash_this_val(hi), v);
        ck_assert_int_eq(atoi(k), (int)*(long *)v);
        seen[*(long *)v]++;
        n++;
        apr_hash_this(hi, NULL, NULL, NULL); /* all outputs optional */
    }
    ck_assert_int_eq(n, 100);
    for (i = 0; i < 100; i++)
        ck_assert_int_eq(seen[i], 1);
}
END_TEST

START_TEST(hash_delete_while_iterating)
{
    apr_hash_t *h = apr_hash_make(p);
    apr_hash_index_t *hi;
    int i, visited = 0;

    for (i = 0; i < 1000; i++)
        apr_hash_set(h, apr_psprintf(p, "key-%d", i), APR_HASH_KEY_STRING,
                     (void *)(apr_uintptr_t)(i + 1));
    /* the built-in iterator (pool NULL) */
    for (hi = apr_hash_first(NULL, h); hi; hi = apr_hash_next(hi)) {
        apr_uintptr_t v = (apr_uintptr_t)apr_hash_this_val(hi);
        visited++;
        if (v % 3 == 0)
            apr_hash_set(h, apr_hash_this_key(hi), apr_hash_this_key_len(hi),
                         NULL);
    }
    ck_assert_int_eq(visited, 1000);
    ck_assert_uint_eq(apr_hash_count(h), 1000 - 333);
    ck_assert_ptr_null(apr_hash_get(h, "key-2", APR_HASH_KEY_STRING));
    ck_assert_ptr_nonnull(apr_hash_get(h, "key-3", APR_HASH_KEY_STRING));

    /* remove everything while iterating */
    visited = 0;
    for (hi = apr_hash_first(p, h); hi; hi = apr_hash_next(hi)) {
        const void *k;
        apr_ssize_t kl;
        apr_hash_this(hi, &k, &kl, NULL);
        apr_hash_set(h, k, kl, NULL);
        visited++;
    }
    ck_assert_int_eq(visited, 667);
    ck_assert_uint_eq(apr_hash_count(h), 0);
    ck_assert_ptr_null(apr_hash_first(p, h));
}
END_TEST

START_TEST(hash_clear_copy)
{
    apr_hash_t *h = apr_hash_make(p), *c;
    int i;

    for (i = 0; i < 50; i++)
        apr_hash_set(h, apr_psprintf(p, "%d", i), APR_HASH_KEY_STRING,
                     apr_psprintf(p, "v%d", i));
    c = apr_hash_copy(p, h);
    ck_assert_uint_eq(apr_hash_count(c), 50);
    ck_assert_str_eq(apr_hash_get(c, "7", 1), "v7");
    apr_hash_set(c, "7", 1, NULL);
    apr_hash_set(c, "new", 3, "x");
    ck_assert_str_eq(apr_hash_get(h, "7", 1), "v7");
    ck_assert_ptr_null(apr_hash_get(h, "new", 3));
    ck_assert_uint_eq(apr_hash_count(h), 50);

    apr_hash_clear(h);
    ck_assert_uint_eq(apr_hash_count(h), 0);
    ck_assert_ptr_null(apr_hash_get(h, "1", 1));
    ck_assert_ptr_null(apr_hash_first(NULL, h));
    apr_hash_set(h, "1", 1, "again");
    ck_assert_str_eq(apr_hash_get(h, "1", 1), "again");
    ck_assert_uint_eq(apr_hash_count(c), 50);

    c = apr_hash_copy(p, apr_hash_make(p));
    ck_assert_uint_eq(apr_hash_count(c), 0);
}
END_TEST

static void *merger(apr_pool_t *pool, const void *key, apr_ssize_t klen,
                    const void *h1_val, const void *h2_val, const void *data)
{
    return apr_psprintf(pool, "%s:%s+%s", (const char *)data,
                        (const char *)h1_val, (const char *)h2_val);
}

START_TEST(hash_overlay_merge)
{
    apr_hash_t *a = apr_hash_make(p), *b = apr_hash_make(p), *r;

    apr_hash_set(a, "both", 4, "a-both");
    apr_hash_set(a, "onlya", 5, "a");
    apr_hash_set(b, "both", 4, "b-both");
    apr_hash_set(b, "onlyb", 5, "b");

    r = apr_hash_overlay(p, a, b);
    ck_assert_uint_eq(apr_hash_count(r), 3);
    ck_assert_str_eq(apr_hash_get(r, "both", 4), "a-both"); /* overlay wins */
    ck_assert_str_eq(apr_hash_get(r, "onlya", 5), "a");
    ck_assert_str_eq(apr_hash_get(r, "onlyb", 5), "b");
    ck_assert_uint_eq(apr_hash_count(a), 2);
    ck_assert_uint_eq(apr_hash_count(b), 2);

    r = apr_hash_merge(p, a, b, merger, "d");
    ck_assert_uint_eq(apr_hash_count(r), 3);
    ck_assert_str_eq(apr_hash_get(r, "both", 4), "d:a-both+b-both");
    ck_assert_str_eq(apr_hash_get(r, "onlya", 5), "a");
    ck_assert_str_eq(apr_hash_get(r, "onlyb", 5), "b");

    r = apr_hash_merge(p, a, b, NULL, NULL);
    ck_assert_str_eq(apr_hash_get(r, "both", 4), "a-both");

    /* the result is an independent, growable table */
    apr_hash_set(r, "z", 1, "z");
    ck_assert_ptr_null(apr_hash_get(a, "z", 1));
    ck_assert_ptr_null(apr_hash_get(b, "z", 1));

    r = apr_hash_overlay(p, apr_hash_make(p), apr_hash_make(p));
    ck_assert_uint_eq(apr_hash_count(r), 0);
}
END_TEST

START_TEST(hash_overlay_large)
{
    apr_hash_t *a = apr_hash_make(p), *b = apr_hash_make(p), *r;
    int i;

    for (i = 0; i < 3000; i++)
        apr_hash_set(a, apr_psprintf(p, "%d", i), APR_HASH_KEY_STRING, "a");
    for (i = 2000; i < 6000; i++)
        apr_hash_set(b, apr_psprintf(p, "%d", i), APR_HASH_KEY_STRING, "b");
    r = apr_hash_overlay(p, a, b);
    ck_assert_uint_eq(apr_hash_count(r), 6000);
    ck_assert_str_eq(apr_hash_get(r, "2500", 4), "a");
    ck_assert_str_eq(apr_hash_get(r, "5999", 4), "b");
    ck_assert_str_eq(apr_hash_get(r, "0", 1), "a");
}
END_TEST

/* A deliberately terrible hash that puts every key in one bucket. */
static int custom_calls;

static unsigned int len_hash(const char *key, apr_ssize_t *klen)
{
    custom_calls++;
    if (*klen == APR_HASH_KEY_STRING)
        *klen = (apr_ssize_t)strlen(key);
    return 7;
}

START_TEST(hash_custom)
{
    apr_hash_t *h = apr_hash_make_custom(p, len_hash), *c;
    int i;

    custom_calls = 0;
    for (i = 0; i < 200; i++)
        apr_hash_set(h, apr_psprintf(p, "%d", i), APR_HASH_KEY_STRING,
                     (void *)(apr_uintptr_t)(i + 1));
    ck_assert_int_ge(custom_calls, 200);
    ck_assert_uint_eq(apr_hash_count(h), 200);
    for (i = 0; i < 200; i++)
        ck_assert_uint_eq((apr_uintptr_t)apr_hash_get(h,
                              apr_psprintf(p, "%d", i), APR_HASH_KEY_STRING),
                          (apr_uintptr_t)(i + 1));
    custom_calls = 0;
    ck_assert_ptr_null(apr_hash_get(h, "x", 1));
    ck_assert_int_eq(custom_calls, 1);

    /* copies and merges keep using the custom function */
    c = apr_hash_copy(p, h);
    custom_calls = 0;
    ck_assert_uint_eq((apr_uintptr_t)apr_hash_get(c, "42", 2), 43);
    ck_assert_int_eq(custom_calls, 1);
    c = apr_hash_overlay(p, h, h);
    ck_assert_uint_eq(apr_hash_count(c), 200);
    custom_calls = 0;
    ck_assert_uint_eq((apr_uintptr_t)apr_hash_get(c, "199", 3), 200);
    ck_assert_int_eq(custom_calls, 1);
}
END_TEST

START_TEST(hash_default_func)
{
    apr_ssize_t len = APR_HASH_KEY_STRING;
    unsigned int v = apr_hashfunc_default("abc", &len);
    /* "times 33": ((0*33 + 'a')*33 + 'b')*33 + 'c' */
    ck_assert_int_eq(len, 3);
    ck_assert_uint_eq(v, ((97u * 33 + 98) * 33 + 99));
    len = 2;
    ck_assert_uint_eq(apr_hashfunc_default("abc", &len), 97u * 33 + 98);
    ck_assert_int_eq(len, 2);
    len = APR_HASH_KEY_STRING;
    ck_assert_uint_eq(apr_hashfunc_default("", &len), 0);
    ck_assert_int_eq(len, 0);

    /* usable as a custom hash function */
    {
        apr_hash_t *h = apr_hash_make_custom(p, apr_hashfunc_default);
        apr_hash_set(h, "k", APR_HASH_KEY_STRING, "v");
        ck_assert_str_eq(apr_hash_get(h, "k", 1), "v");
    }
}
END_TEST

typedef struct {
    int calls, stop_at;
    long sum;
} hdo_rec;

static int hdo_cb(void *rec, const void *key, apr_ssize_t klen,
                  const void *value)
{
    hdo_rec *r = rec;
    ck_assert_int_eq(klen, (apr_ssize_t)strlen(key));
    r->calls++;
    r->sum += (long)(apr_uintptr_t)value;
    return r->calls != r->stop_at;
}

START_TEST(hash_do)
{
    apr_hash_t *h = apr_hash_make(p);
    hdo_rec r = {0, 0, 0};
    int i;

    ck_assert_int_eq(apr_hash_do(hdo_cb, &r, h), 1);
    ck_assert_int_eq(r.calls, 0);
    for (i = 1; i <= 20; i++)
        apr_hash_set(h, apr_psprintf(p, "%d", i), APR_HASH_KEY_STRING,
                     (void *)(apr_uintptr_t)i);
    ck_assert_int_eq(apr_hash_do(hdo_cb, &r, h), 1);
    ck_assert_int_eq(r.calls, 20);
    ck_assert_int_eq(r.sum, 210);

    r.calls = 0;
    r.stop_at = 5;
    ck_assert_int_eq(apr_hash_do(hdo_cb, &r, h), 0);
    ck_assert_int_eq(r.calls, 5);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("hash");
    TCase *tc = apr_test_tcase("hash");
    tcase_add_test(tc, hash_set_get);
    tcase_add_test(tc, hash_binary_keys);
    tcase_add_test(tc, hash_10000);
    tcase_add_test(tc, hash_iterate);
    tcase_add_test(tc, hash_delete_while_iterating);
    tcase_add_test(tc, hash_clear_copy);
    tcase_add_test(tc, hash_overlay_merge);
    tcase_add_test(tc, hash_overlay_large);
    tcase_add_test(tc, hash_custom);
    tcase_add_test(tc, hash_default_func);
    tcase_add_test(tc, hash_do);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
