/*
 * apr_skiplist.h: skip lists.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "apr_skiplist.h"

typedef struct {
    int k;
    int id;
} item;

static int cmp(void *a, void *b)
{
    const item *x = a, *y = b;
    return x->k < y->k ? -1 : x->k > y->k;
}

/* The key function must be a distinct pointer in some tests. */
static int cmpk(void *a, void *b)
{
    return cmp(a, b);
}

static int cmp_id(void *a, void *b)
{
    const item *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

static int nfreed;
static void count_free(void *x)
{
    (void)x;
    nfreed++;
}

static apr_skiplist *new_list(apr_pool_t *pool)
{
    apr_skiplist *sl = NULL;
    ck_assert_int_eq(apr_skiplist_init(&sl, pool), APR_SUCCESS);
    ck_assert_ptr_nonnull(sl);
    apr_skiplist_set_compare(sl, cmp, cmpk);
    return sl;
}

/* "k/id k/id ..." in list order */
static const char *dump(apr_skiplist *sl)
{
    static char buf[4096];
    apr_skiplistnode *it;
    size_t n = 0;

    buf[0] = '\0';
    for (it = apr_skiplist_getlist(sl); it; apr_skiplist_next(sl, &it)) {
        item *e = apr_skiplist_element(it);
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%d/%d",
                              n ? " " : "", e->k, e->id);
    }
    return buf;
}

START_TEST(skiplist_empty)
{
    apr_skiplist *sl = NULL;
    apr_skiplistnode *it = (apr_skiplistnode *)&it;
    item x = {1, 1};

    ck_assert_int_eq(apr_skiplist_init(&sl, p), APR_SUCCESS);
    ck_assert_uint_eq(apr_skiplist_size(sl), 0);
    ck_assert_int_eq(apr_skiplist_height(sl), 1);
    ck_assert_int_eq(apr_skiplist_preheight(sl), 0);
    ck_assert_ptr_null(apr_skiplist_getlist(sl));
    ck_assert_ptr_null(apr_skiplist_peek(sl));
    ck_assert_ptr_null(apr_skiplist_pop(sl, NULL));
    /* no comparison function yet: nothing is inserted */
    ck_assert_ptr_null(apr_skiplist_insert(sl, &x));
    ck_assert_ptr_null(apr_skiplist_add(sl, &x));
    ck_assert_uint_eq(apr_skiplist_size(sl), 0);
    ck_assert_ptr_null(apr_skiplist_find(sl, &x, &it));
    ck_assert_ptr_null(it);
    ck_assert_int_eq(apr_skiplist_remove(sl, &x, NULL), 0);

    apr_skiplist_set_compare(sl, cmp, cmpk);
    ck_assert_ptr_null(apr_skiplist_find(sl, &x, &it));
    ck_assert_ptr_null(it);
    ck_assert_int_eq(apr_skiplist_remove(sl, &x, NULL), 0);
    it = NULL;
    ck_assert_ptr_null(apr_skiplist_next(sl, &it));
    ck_assert_ptr_null(apr_skiplist_previous(sl, &it));
}
END_TEST

static int int_cmp(void *a, void *b)
{
    int x = *(int *)a, y = *(int *)b;
    return x < y ? -1 : x > y;
}

START_TEST(skiplist_random_10000)
{
    apr_skiplist *sl;
    int *vals = apr_palloc(p, sizeof(int) * 10000);
    int i, prev, n = 0, unique = 0, h;
    apr_skiplistnode *it;
    char *seen = apr_pcalloc(p, 5000);

    apr_skiplist_init(&sl, p);
    apr_skiplist_set_compare(sl, int_cmp, int_cmp);
    srand(12345);
    for (i = 0; i < 10000; i++) {
        vals[i] = rand() % 5000;
        if (apr_skiplist_insert(sl, &vals[i])) {
            ck_assert(!seen[vals[i]]);
            seen[vals[i]] = 1;
            unique++;
        }
        else {
            ck_assert(seen[vals[i]]); /* insert refuses duplicates */
        }
    }
    ck_assert_uint_eq(apr_skiplist_size(sl), (size_t)unique);
    h = apr_skiplist_height(sl);
    ck_assert_int_ge(h, 2);
    ck_assert_int_le(h, 64);

    prev = -1;
    for (it = apr_skiplist_getlist(sl); it; apr_skiplist_next(sl, &it)) {
        int v = *(int *)apr_skiplist_element(it);
        ck_assert_int_gt(v, prev);
        prev = v;
        n++;
    }
    ck_assert_int_eq(n, unique);

    for (i = 0; i < 5000; i++) {
        int *f = apr_skiplist_find(sl, &i, NULL);
        if (seen[i]) {
            ck_assert_ptr_nonnull(f);
            ck_assert_int_eq(*f, i);
        }
        else {
            ck_assert_ptr_null(f);
        }
    }

    /* pop yields ascending order */
    prev = -1;
    for (n = 0; apr_skiplist_peek(sl); n++) {
        int *top = apr_skiplist_peek(sl);
        int *v = apr_skiplist_pop(sl, NULL);
        ck_assert_ptr_eq(top, v);
        ck_assert_int_gt(*v, prev);
        prev = *v;
    }
    ck_assert_int_eq(n, unique);
    ck_assert_uint_eq(apr_skiplist_size(sl), 0);
    ck_assert_int_eq(apr_skiplist_height(sl), 1);
}
END_TEST

START_TEST(skiplist_duplicates)
{
    apr_skiplist *sl = new_list(p);
    item it_[6], key = {1, -1};
    apr_skiplistnode *it = NULL;
    item *f;
    int i;

    for (i = 5; i >= 0; i--) {
        it_[i].k = i / 2;
        it_[i].id = i;
    }
    /* added out of order: 2/4 2/5 then 0/0 0/1 1/2 1/3 */
    for (i = 4; i < 6; i++)
        ck_assert_ptr_nonnull(apr_skiplist_add(sl, &it_[i]));
    for (i = 0; i < 4; i++)
        ck_assert_ptr_nonnull(apr_skiplist_add(sl, &it_[i]));
    ck_assert_str_eq(dump(sl), "0/0 0/1 1/2 1/3 2/4 2/5");
    ck_assert_uint_eq(apr_skiplist_size(sl), 6);

    /* insert refuses an equal element, add keeps it after the others */
    ck_assert_ptr_null(apr_skiplist_insert(sl, &key));
    ck_assert_ptr_nonnull(apr_skiplist_add(sl, &key));
    ck_assert_str_eq(dump(sl), "0/0 0/1 1/2 1/3 1/-1 2/4 2/5");

    f = apr_skiplist_find(sl, &key, &it);
    ck_assert_int_eq(f->id, 2);      /* first of the equals */
    ck_assert_ptr_eq(apr_skiplist_element(it), f);
    f = apr_skiplist_last(sl, &key, &it);
    ck_assert_int_eq(f->id, -1);     /* last of the equals */
    f = apr_skiplist_next(sl, &it);
    ck_assert_int_eq(f->id, 4);
    f = apr_skiplist_previous(sl, &it);
    ck_assert_int_eq(f->id, -1);
    f = apr_skiplist_find(sl, &key, NULL);
    ck_assert_int_eq(f->id, 2);
    ck_assert_int_eq(((item *)apr_skiplist_find_compare(sl, &key, &it, cmp))->id, 2);
    ck_assert_int_eq(((item *)apr_skiplist_last_compare(sl, &key, &it, cmp))->id, -1);

    /* previous from the first node gives NULL */
    it = apr_skiplist_getlist(sl);
    ck_assert_ptr_null(apr_skiplist_previous(sl, &it));

    /* remove takes the first equal element */
    nfreed = 0;
    ck_assert_int_ge(apr_skiplist_remove(sl, &key, count_free), 1);
    ck_assert_str_eq(dump(sl), "0/0 0/1 1/3 1/-1 2/4 2/5");
    ck_assert_int_ge(apr_skiplist_remove_compare(sl, &key, count_free, cmpk), 1);
    ck_assert_str_eq(dump(sl), "0/0 0/1 1/-1 2/4 2/5");
    ck_assert_int_eq(nfreed, 2);

    /* replace drops every equal element */
    {
        item r = {0, 99};
        ck_assert_ptr_nonnull(apr_skiplist_replace(sl, &r, count_free));
        ck_assert_str_eq(dump(sl), "0/99 1/-1 2/4 2/5");
        ck_assert_int_eq(nfreed, 4);
        ck_assert_uint_eq(apr_skiplist_size(sl), 4);
    }
}
END_TEST

START_TEST(skiplist_remove_compare)
{
    apr_skiplist *sl = new_list(p);
    item a[10], key;
    int i, h;

    for (i = 0; i < 10; i++) {
        a[i].k = i;
        a[i].id = 100 + i;
        apr_skiplist_insert(sl, &a[i]);
    }
    key.k = 4;
    key.id = 0;
    /* The key function selects the main order; a function that is neither
     * the key function nor an index's removes nothing. */
    ck_assert_int_eq(apr_skiplist_remove_compare(sl, &key, NULL, cmp_id), 0);
    ck_assert_uint_eq(apr_skiplist_size(sl), 10);
    h = apr_skiplist_remove_compare(sl, &key, NULL, cmpk);
    ck_assert_int_ge(h, 1);
    ck_assert_int_eq(h, apr_skiplist_height(sl));
    ck_assert_uint_eq(apr_skiplist_size(sl), 9);
    ck_assert_ptr_null(apr_skiplist_find(sl, &key, NULL));
    ck_assert_int_eq(apr_skiplist_remove_compare(sl, &key, NULL, cmpk), 0);
    ck_assert_int_eq(apr_skiplist_remove_compare(sl, &key, NULL, NULL), 0);
    ck_assert_str_eq(dump(sl), "0/100 1/101 2/102 3/103 5/105 6/106 7/107 8/108 9/109");

    /* remove_node */
    {
        apr_skiplistnode *it;
        key.k = 7;
        apr_skiplist_find(sl, &key, &it);
        ck_assert_ptr_nonnull(it);
        ck_assert_int_ge(apr_skiplist_remove_node(sl, it, NULL), 1);
        ck_assert_int_eq(apr_skiplist_remove_node(sl, NULL, NULL), 0);
        ck_assert_str_eq(dump(sl), "0/100 1/101 2/102 3/103 5/105 6/106 8/108 9/109");
    }

    /* the last element: height stays 1 */
    while (apr_skiplist_size(sl) > 1)
        apr_skiplist_pop(sl, NULL);
    key.k = 9;
    ck_assert_int_eq(apr_skiplist_remove(sl, &key, NULL), 1);
    ck_assert_int_eq(apr_skiplist_height(sl), 1);
    ck_assert_ptr_null(apr_skiplist_getlist(sl));
}
END_TEST

START_TEST(skiplist_pop_order)
{
    apr_skiplist *sl = new_list(p);
    item a[8] = {{5, 0}, {1, 1}, {5, 2}, {3, 3}, {1, 4}, {9, 5}, {3, 6}, {0, 7}};
    const int expect[8] = {7, 1, 4, 3, 6, 0, 2, 5};
    int i;

    for (i = 0; i < 8; i++)
        apr_skiplist_add(sl, &a[i]);
    nfreed = 0;
    for (i = 0; i < 8; i++) {
        item *e = apr_skiplist_pop(sl, count_free);
        ck_assert_int_eq(e->id, expect[i]);
    }
    ck_assert_int_eq(nfreed, 8);
    ck_assert_ptr_null(apr_skiplist_pop(sl, count_free));
    ck_assert_int_eq(nfreed, 8);
}
END_TEST

START_TEST(skiplist_index)
{
    apr_skiplist *sl = new_list(p);
    item a[5] = {{3, 40}, {1, 10}, {2, 50}, {0, 30}, {4, 20}};
    item key;
    apr_skiplistnode *it;
    char buf[64];
    size_t n = 0;
    int i;

    for (i = 0; i < 3; i++)
        apr_skiplist_insert(sl, &a[i]);
    apr_skiplist_add_index(sl, cmp_id, cmp_id);
    apr_skiplist_add_index(sl, cmp_id, cmp_id); /* already there */
    for (; i < 5; i++)
        apr_skiplist_insert(sl, &a[i]);        /* kept in the index too */
    ck_assert_str_eq(dump(sl), "0/30 1/10 2/50 3/40 4/20");

    /* the index orders by id */
    key.k = -1;
    key.id = 10;
    ck_assert_ptr_eq(apr_skiplist_find_compare(sl, &key, &it, cmp_id), &a[1]);
    buf[0] = '\0';
    for (; it; apr_skiplist_next(sl, &it))
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%d ",
                              ((item *)apr_skiplist_element(it))->id);
    ck_assert_str_eq(buf, "10 20 30 40 50 ");

    /* removing through the index removes from the main order as well */
    key.id = 40;
    ck_assert_int_ge(apr_skiplist_remove_compare(sl, &key, NULL, cmp_id), 1);
    ck_assert_str_eq(dump(sl), "0/30 1/10 2/50 4/20");
    /* (APR 1.7 leaves removed elements in its indexes, stale; whether the
     * index still finds them is not asserted either way.) */

    /* and through the main order removes from the index */
    key.k = 0;
    ck_assert_int_ge(apr_skiplist_remove(sl, &key, NULL), 1);
    ck_assert_str_eq(dump(sl), "1/10 2/50 4/20");
    key.id = 50;
    ck_assert_ptr_eq(apr_skiplist_find_compare(sl, &key, NULL, cmp_id), &a[2]);
    ck_assert_ptr_eq(apr_skiplist_last_compare(sl, &key, NULL, cmp_id), &a[2]);

    /* a node found in the index can be removed */
    key.id = 20;
    apr_skiplist_find_compare(sl, &key, &it, cmp_id);
    ck_assert_ptr_nonnull(it);
    apr_skiplist_remove_node(sl, it, NULL);
    ck_assert_str_eq(dump(sl), "1/10 2/50");

    /* set_compare on a list that has one adds an index */
    apr_skiplist_set_compare(sl, cmp_id, cmp_id);
    ck_assert_str_eq(dump(sl), "1/10 2/50");

    apr_skiplist_remove_all(sl, NULL);
    ck_assert_uint_eq(apr_skiplist_size(sl), 0);
    ck_assert_ptr_null(apr_skiplist_getlist(sl));
    apr_skiplist_insert(sl, &a[0]);
    ck_assert_str_eq(dump(sl), "3/40");
}
END_TEST

START_TEST(skiplist_remove_all_destroy)
{
    apr_skiplist *sl = new_list(p);
    item a[20];
    int i;

    for (i = 0; i < 20; i++) {
        a[i].k = i;
        a[i].id = i;
        apr_skiplist_insert(sl, &a[i]);
    }
    nfreed = 0;
    apr_skiplist_remove_all(sl, count_free);
    ck_assert_int_eq(nfreed, 20);
    ck_assert_uint_eq(apr_skiplist_size(sl), 0);
    ck_assert_int_eq(apr_skiplist_height(sl), 1);
    ck_assert_ptr_null(apr_skiplist_peek(sl));

    for (i = 0; i < 20; i++)
        apr_skiplist_insert(sl, &a[i]);
    ck_assert_uint_eq(apr_skiplist_size(sl), 20);
    nfreed = 0;
    apr_skiplist_destroy(sl, count_free);
    ck_assert_int_eq(nfreed, 20);
    ck_assert_uint_eq(apr_skiplist_size(sl), 0);
}
END_TEST

START_TEST(skiplist_no_pool)
{
    apr_skiplist *sl = new_list(NULL);
    item a[100];
    void *m1, *m2;
    int i;

    for (i = 0; i < 100; i++) {
        a[i].k = 99 - i;
        a[i].id = i;
        ck_assert_ptr_nonnull(apr_skiplist_insert(sl, &a[i]));
    }
    ck_assert_uint_eq(apr_skiplist_size(sl), 100);
    ck_assert_int_eq(((item *)apr_skiplist_peek(sl))->id, 99);
    for (i = 0; i < 50; i++)
        apr_skiplist_pop(sl, NULL);
    ck_assert_int_eq(((item *)apr_skiplist_peek(sl))->k, 50);
    m1 = apr_skiplist_alloc(sl, 32);
    ck_assert_ptr_nonnull(m1);
    memset(m1, 1, 32);
    apr_skiplist_free(sl, m1);
    m2 = apr_skiplist_alloc(sl, 100);
    ck_assert_ptr_nonnull(m2);
    apr_skiplist_free(sl, m2);
    nfreed = 0;
    apr_skiplist_destroy(sl, count_free); /* frees sl itself too */
    ck_assert_int_eq(nfreed, 50);
}
END_TEST

START_TEST(skiplist_alloc_reuse)
{
    apr_skiplist *sl = new_list(p);
    void *a = apr_skiplist_alloc(sl, 40), *b, *c;

    ck_assert_ptr_nonnull(a);
    memset(a, 0xab, 40);
    apr_skiplist_free(sl, a);
    b = apr_skiplist_alloc(sl, 40);
    ck_assert_ptr_eq(a, b); /* same size: reused */
    c = apr_skiplist_alloc(sl, 40);
    ck_assert_ptr_ne(c, b);
    memset(c, 0, 40);
}
END_TEST

START_TEST(skiplist_preheight)
{
    apr_skiplist *sl = new_list(p);
    int *vals = apr_palloc(p, sizeof(int) * 2000), i;

    apr_skiplist_set_preheight(sl, 3);
    ck_assert_int_eq(apr_skiplist_preheight(sl), 3);
    apr_skiplist_set_compare(sl, int_cmp, int_cmp); /* an index, not a change */
    {
        apr_skiplist *l2;
        apr_skiplist_init(&l2, p);
        apr_skiplist_set_preheight(l2, 3);
        apr_skiplist_set_compare(l2, int_cmp, int_cmp);
        for (i = 0; i < 2000; i++) {
            vals[i] = i;
            apr_skiplist_insert(l2, &vals[i]);
        }
        ck_assert_int_le(apr_skiplist_height(l2), 3);
        ck_assert_int_ge(apr_skiplist_height(l2), 2);
        ck_assert_uint_eq(apr_skiplist_size(l2), 2000);
    }
    apr_skiplist_set_preheight(sl, -3);
    ck_assert_int_eq(apr_skiplist_preheight(sl), 0);
    apr_skiplist_set_preheight(sl, 0);
    ck_assert_int_eq(apr_skiplist_preheight(sl), 0);
}
END_TEST

START_TEST(skiplist_merge)
{
    /* APR 1.7 only merges as documented into an empty sl1 (otherwise it
     * replaces sl1's elements with sl2's), so only that case is checked. */
    apr_skiplist *s1 = new_list(p), *s2 = new_list(p), *r;
    item a[4] = {{2, 0}, {0, 1}, {2, 2}, {1, 3}};
    int i;

    for (i = 0; i < 4; i++)
        apr_skiplist_add(s2, &a[i]);
    r = apr_skiplist_merge(s1, s2);
    ck_assert_ptr_eq(r, s1);
    ck_assert_str_eq(dump(s1), "0/1 1/3 2/0 2/2");
    ck_assert_uint_eq(apr_skiplist_size(s1), 4);
    ck_assert_uint_eq(apr_skiplist_size(s2), 0);

    /* both empty */
    r = apr_skiplist_merge(s2, new_list(p));
    ck_assert_ptr_eq(r, s2);
    ck_assert_uint_eq(apr_skiplist_size(s2), 0);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("skiplist");
    TCase *tc = apr_test_tcase("skiplist");
    tcase_add_test(tc, skiplist_empty);
    tcase_add_test(tc, skiplist_random_10000);
    tcase_add_test(tc, skiplist_duplicates);
    tcase_add_test(tc, skiplist_remove_compare);
    tcase_add_test(tc, skiplist_pop_order);
    tcase_add_test(tc, skiplist_index);
    tcase_add_test(tc, skiplist_remove_all_destroy);
    tcase_add_test(tc, skiplist_no_pool);
    tcase_add_test(tc, skiplist_alloc_reuse);
    tcase_add_test(tc, skiplist_preheight);
    tcase_add_test(tc, skiplist_merge);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
