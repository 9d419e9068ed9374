/*
 * apr_tables.h: arrays and string tables.
 */
#include <string.h>

#include "testutil.h"
#include "apr_tables.h"
#include "apr_strings.h"

/* ---- arrays ---------------------------------------------------------- */

START_TEST(array_make_push_pop)
{
    apr_array_header_t *a = apr_array_make(p, 2, sizeof(int));
    int i, *ip;

    ck_assert_ptr_eq(a->pool, p);
    ck_assert_int_eq(a->elt_size, (int)sizeof(int));
    ck_assert_int_eq(a->nelts, 0);
    ck_assert_int_eq(a->nalloc, 2);
    ck_assert(apr_is_empty_array(a));
    ck_assert(apr_is_empty_array(NULL));
    ck_assert_ptr_null(apr_array_pop(a));

    for (i = 0; i < 1000; i++)
        APR_ARRAY_PUSH(a, int) = i * 3;
    ck_assert_int_eq(a->nelts, 1000);
    ck_assert_int_ge(a->nalloc, 1000);
    ck_assert(!apr_is_empty_array(a));
    for (i = 0; i < 1000; i++)
        ck_assert_int_eq(APR_ARRAY_IDX(a, i, int), i * 3);

    ip = apr_array_pop(a);
    ck_assert_ptr_nonnull(ip);
    ck_assert_int_eq(*ip, 999 * 3);
    ck_assert_int_eq(a->nelts, 999);

    apr_array_clear(a);
    ck_assert_int_eq(a->nelts, 0);
    ck_assert_int_ge(a->nalloc, 1000);
    ck_assert_ptr_null(apr_array_pop(a));
}
END_TEST

START_TEST(array_make_zero_size)
{
    /* A request for 0 elements still gives usable storage. */
    apr_array_header_t *a = apr_array_make(p, 0, sizeof(char *));
    ck_assert_int_eq(a->nelts, 0);
    ck_assert_int_ge(a->nalloc, 1);
    APR_ARRAY_PUSH(a, const char *) = "x";
    APR_ARRAY_PUSH(a, const char *) = "y";
    ck_assert_str_eq(APR_ARRAY_IDX(a, 1, const char *), "y");
}
END_TEST

START_TEST(array_push_zeroed)
{
    /* Freshly grown slots are zero-filled. */
    apr_array_header_t *a = apr_array_make(p, 1, sizeof(long));
    long *l;
    int i;
    for (i = 0; i < 20; i++) {
        l = apr_array_push(a);
        ck_assert_int_eq(*l, 0);
        *l = 7;
    }
}
END_TEST

static apr_array_header_t *int_array(int from, int n)
{
    apr_array_header_t *a = apr_array_make(p, 1, sizeof(int));
    int i;
    for (i = 0; i < n; i++)
        APR_ARRAY_PUSH(a, int) = from + i;
    return a;
}

START_TEST(array_cat_copy_append)
{
    apr_array_header_t *a = int_array(0, 5), *b = int_array(100, 7);
    apr_array_header_t *c, *h, *ap;
    int i;

    apr_array_cat(a, b);
    ck_assert_int_eq(a->nelts, 12);
    for (i = 0; i < 5; i++)
        ck_assert_int_eq(APR_ARRAY_IDX(a, i, int), i);
    for (i = 0; i < 7; i++)
        ck_assert_int_eq(APR_ARRAY_IDX(a, 5 + i, int), 100 + i);
    ck_assert_int_eq(b->nelts, 7);

    /* cat with an empty source changes nothing */
    apr_array_cat(a, apr_array_make(p, 3, sizeof(int)));
    ck_assert_int_eq(a->nelts, 12);

    c = apr_array_copy(p, a);
    ck_assert_int_eq(c->nelts, 12);
    ck_assert_int_eq(c->elt_size, (int)sizeof(int));
    ck_assert_ptr_ne(c->elts, a->elts);
    APR_ARRAY_IDX(a, 0, int) = 42;
    ck_assert_int_eq(APR_ARRAY_IDX(c, 0, int), 0);

    h = apr_array_copy_hdr(p, a);
    ck_assert_int_eq(h->nelts, 12);
    ck_assert_ptr_eq(h->elts, a->elts); /* shared until it grows */
    APR_ARRAY_PUSH(h, int) = 999;
    ck_assert_ptr_ne(h->elts, a->elts);
    ck_assert_int_eq(h->nelts, 13);
    ck_assert_int_eq(a->nelts, 12);
    ck_assert_int_eq(APR_ARRAY_IDX(h, 0, int), 42);
    ck_assert_int_eq(APR_ARRAY_IDX(h, 12, int), 999);

    ap = apr_array_append(p, b, int_array(50, 2));
    ck_assert_int_eq(ap->nelts, 9);
    ck_assert_int_eq(APR_ARRAY_IDX(ap, 0, int), 100);
    ck_assert_int_eq(APR_ARRAY_IDX(ap, 7, int), 50);
    ck_assert_int_eq(APR_ARRAY_IDX(ap, 8, int), 51);
    ck_assert_int_eq(b->nelts, 7);

    ap = apr_array_append(p, apr_array_make(p, 1, sizeof(int)), b);
    ck_assert_int_eq(ap->nelts, 7);
    ck_assert_int_eq(APR_ARRAY_IDX(ap, 6, int), 106);
}
END_TEST

START_TEST(array_cat_self)
{
    apr_array_header_t *a = int_array(1, 3);
    apr_array_cat(a, a);
    ck_assert_int_eq(a->nelts, 6);
    ck_assert_int_eq(APR_ARRAY_IDX(a, 3, int), 1);
    ck_assert_int_eq(APR_ARRAY_IDX(a, 5, int), 3);
}
END_TEST

START_TEST(array_pstrcat)
{
    apr_array_header_t *a = apr_array_make(p, 1, sizeof(const char *));

    ck_assert_str_eq(apr_array_pstrcat(p, a, ','), "");
    APR_ARRAY_PUSH(a, const char *) = "one";
    ck_assert_str_eq(apr_array_pstrcat(p, a, ','), "one");
    APR_ARRAY_PUSH(a, const char *) = "two";
    APR_ARRAY_PUSH(a, const char *) = NULL;
    APR_ARRAY_PUSH(a, const char *) = "";
    APR_ARRAY_PUSH(a, const char *) = "three";
    ck_assert_str_eq(apr_array_pstrcat(p, a, ','), "one,two,,,three");
    ck_assert_str_eq(apr_array_pstrcat(p, a, '\0'), "onetwothree");
}
END_TEST

/* ---- tables ---------------------------------------------------------- */

static int nelts(const apr_table_t *t)
{
    return apr_table_elts(t)->nelts;
}

static const apr_table_entry_t *entry(const apr_table_t *t, int i)
{
    return &APR_ARRAY_IDX(apr_table_elts(t), i, apr_table_entry_t);
}

/* "k1=v1;k2=v2;" in table order */
static const char *dump(const apr_table_t *t)
{
    apr_array_header_t *parts = apr_array_make(p, 8, sizeof(const char *));
    int i;
    for (i = 0; i < nelts(t); i++) {
        const apr_table_entry_t *e = entry(t, i);
        APR_ARRAY_PUSH(parts, const char *) = e->key;
        APR_ARRAY_PUSH(parts, const char *) = "=";
        APR_ARRAY_PUSH(parts, const char *) = e->val;
        APR_ARRAY_PUSH(parts, const char *) = ";";
    }
    return apr_array_pstrcat(p, parts, '\0');
}

START_TEST(table_basic)
{
    apr_table_t *t = apr_table_make(p, 0);

    ck_assert(apr_is_empty_table(t));
    ck_assert(apr_is_empty_table(NULL));
    ck_assert_ptr_null(apr_table_get(t, "missing"));
    ck_assert_ptr_null(apr_table_get(t, NULL));

    apr_table_set(t, "Content-Type", "text/html");
    ck_assert(!apr_is_empty_table(t));
    ck_assert_str_eq(apr_table_get(t, "content-type"), "text/html");
    ck_assert_str_eq(apr_table_get(t, "CONTENT-TYPE"), "text/html");
    ck_assert_ptr_null(apr_table_get(t, "Content-Typ"));
    ck_assert_ptr_null(apr_table_get(t, "Content-Types"));
    ck_assert_ptr_null(apr_table_get(t, ""));

    apr_table_set(t, "", "empty key");
    ck_assert_str_eq(apr_table_get(t, ""), "empty key");
    ck_assert_int_eq(nelts(t), 2);

    apr_table_clear(t);
    ck_assert(apr_is_empty_table(t));
    ck_assert_ptr_null(apr_table_get(t, "content-type"));
    apr_table_set(t, "a", "b");
    ck_assert_str_eq(apr_table_get(t, "A"), "b");
}
END_TEST

START_TEST(table_set_copies_setn_does_not)
{
    apr_table_t *t = apr_table_make(p, 2);
    char key[] = "Key", val[] = "value";
    char nkey[] = "NKey", nval[] = "nvalue";

    apr_table_set(t, key, val);
    apr_table_setn(t, nkey, nval);
    key[0] = 'X';
    val[0] = 'X';
    nval[0] = 'Y';
    ck_assert_str_eq(apr_table_get(t, "key"), "value");
    ck_assert_ptr_ne(entry(t, 0)->key, key);
    ck_assert_ptr_eq(apr_table_get(t, "nkey"), nval);
    ck_assert_str_eq(apr_table_get(t, "nkey"), "Yvalue");
    ck_assert_ptr_eq(entry(t, 1)->key, nkey);

    apr_table_add(t, key, val);
    ck_assert_ptr_ne(entry(t, 2)->key, key);
    ck_assert_ptr_ne(entry(t, 2)->val, val);
    apr_table_addn(t, nkey, nval);
    ck_assert_ptr_eq(entry(t, 3)->key, nkey);
    ck_assert_ptr_eq(entry(t, 3)->val, nval);
}
END_TEST

START_TEST(table_set_replaces_all)
{
    apr_table_t *t = apr_table_make(p, 2);

    apr_table_add(t, "Accept", "a1");
    apr_table_add(t, "Host", "h");
    apr_table_add(t, "ACCEPT", "a2");
    apr_table_add(t, "Via", "v");
    apr_table_add(t, "accept", "a3");
    apr_table_add(t, "Accept-Encoding", "gzip");
    ck_assert_int_eq(nelts(t), 6);
    ck_assert_str_eq(apr_table_get(t, "accept"), "a1");

    /* set keeps the first entry's position and spelling, drops the rest */
    apr_table_set(t, "aCCept", "new");
    ck_assert_str_eq(dump(t), "Accept=new;Host=h;Via=v;Accept-Encoding=gzip;");
    ck_assert_str_eq(apr_table_get(t, "Via"), "v");
    ck_assert_str_eq(apr_table_get(t, "accept-encoding"), "gzip");

    /* set of a new key appends */
    apr_table_set(t, "Zeta", "z");
    ck_assert_str_eq(entry(t, 4)->key, "Zeta");
}
END_TEST

START_TEST(table_unset)
{
    apr_table_t *t = apr_table_make(p, 2);

    apr_table_add(t, "a", "1");
    apr_table_add(t, "b", "2");
    apr_table_add(t, "A", "3");
    apr_table_add(t, "c", "4");
    apr_table_add(t, "a", "5");
    apr_table_unset(t, "x"); /* absent: nothing happens */
    ck_assert_int_eq(nelts(t), 5);
    apr_table_unset(t, "a");
    ck_assert_str_eq(dump(t), "b=2;c=4;");
    ck_assert_ptr_null(apr_table_get(t, "a"));
    ck_assert_str_eq(apr_table_get(t, "C"), "4");
    apr_table_unset(t, "B");
    apr_table_unset(t, "c");
    ck_assert(apr_is_empty_table(t));
    apr_table_set(t, "c", "again");
    ck_assert_str_eq(apr_table_get(t, "c"), "again");
}
END_TEST

START_TEST(table_merge)
{
    apr_table_t *t = apr_table_make(p, 2);
    char val[] = "second";

    apr_table_merge(t, "Cache-Control", "no-cache");   /* acts as add */
    ck_assert_str_eq(apr_table_get(t, "cache-control"), "no-cache");
    apr_table_merge(t, "cache-control", val);
    val[0] = 'X';
    ck_assert_str_eq(apr_table_get(t, "Cache-Control"), "no-cache, second");
    apr_table_add(t, "CACHE-CONTROL", "dup");
    /* merge only touches the first match */
    apr_table_mergen(t, "Cache-control", "third");
    ck_assert_str_eq(dump(t),
        "Cache-Control=no-cache, second, third;CACHE-CONTROL=dup;");

    {
        char nkey[] = "New", nval[] = "nv";
        apr_table_mergen(t, nkey, nval);   /* acts as addn */
        ck_assert_ptr_eq(entry(t, 2)->key, nkey);
        ck_assert_ptr_eq(entry(t, 2)->val, nval);
    }
    apr_table_merge(t, "empty", "");
    apr_table_merge(t, "empty", "");
    ck_assert_str_eq(apr_table_get(t, "empty"), ", ");
}
END_TEST

START_TEST(table_getm)
{
    apr_table_t *t = apr_table_make(p, 2);
    const char *v;

    ck_assert_ptr_null(apr_table_getm(p, t, "x"));
    apr_table_addn(t, "Accept", "text/html");
    v = apr_table_getm(p, t, "accept");
    ck_assert_str_eq(v, "text/html");
    apr_table_add(t, "Other", "o");
    apr_table_add(t, "ACCEPT", "image/png");
    apr_table_add(t, "accept", "*/*");
    /* The real APR 1.7 joins with "," (no space), unlike apr_table_merge;
     * its header only promises "a comma separated list". */
    ck_assert_str_eq(apr_table_getm(p, t, "Accept"), "text/html,image/png,*/*");
    ck_assert_str_eq(apr_table_getm(p, t, "other"), "o");
    ck_assert_ptr_null(apr_table_getm(p, t, "Accep"));
}
END_TEST

START_TEST(table_copy_clone)
{
    apr_table_t *t = apr_table_make(p, 1), *c, *k;
    char val[] = "orig";
    int i;

    apr_table_setn(t, "K", val);
    for (i = 0; i < 40; i++)
        apr_table_add(t, apr_psprintf(p, "key%d", i), apr_psprintf(p, "%d", i));

    c = apr_table_copy(p, t);
    k = apr_table_clone(p, t);
    ck_assert_int_eq(nelts(c), 41);
    ck_assert_int_eq(nelts(k), 41);
    ck_assert_str_eq(dump(c), dump(t));
    ck_assert_str_eq(dump(k), dump(t));
    ck_assert_ptr_eq(apr_table_get(c, "k"), val);  /* copy shares strings */
    ck_assert_ptr_ne(apr_table_get(k, "k"), val);  /* clone duplicates */
    ck_assert_ptr_ne(entry(k, 5)->key, entry(t, 5)->key);
    ck_assert_str_eq(apr_table_get(k, "KEY39"), "39");

    /* changing the copy leaves the original alone */
    apr_table_set(c, "key3", "changed");
    apr_table_unset(c, "key4");
    apr_table_add(c, "extra", "e");
    ck_assert_str_eq(apr_table_get(t, "key3"), "3");
    ck_assert_str_eq(apr_table_get(t, "key4"), "4");
    ck_assert_ptr_null(apr_table_get(t, "extra"));
    ck_assert_int_eq(nelts(t), 41);
}
END_TEST

START_TEST(table_overlay)
{
    apr_table_t *o = apr_table_make(p, 1), *b = apr_table_make(p, 1), *r;

    apr_table_add(o, "A", "o1");
    apr_table_add(o, "B", "o2");
    apr_table_add(b, "a", "b1");
    apr_table_add(b, "C", "b2");
    r = apr_table_overlay(p, o, b);
    ck_assert_str_eq(dump(r), "A=o1;B=o2;a=b1;C=b2;");
    ck_assert_str_eq(apr_table_get(r, "a"), "o1");
    ck_assert_str_eq(apr_table_get(r, "c"), "b2");
    ck_assert_str_eq(apr_table_getm(p, r, "a"), "o1,b1");
    apr_table_set(r, "c", "x");
    ck_assert_str_eq(apr_table_get(b, "C"), "b2");
    ck_assert_int_eq(nelts(o), 2);
    ck_assert_int_eq(nelts(b), 2);

    r = apr_table_overlay(p, apr_table_make(p, 0), apr_table_make(p, 0));
    ck_assert(apr_is_empty_table(r));
    apr_table_set(r, "x", "y");
    ck_assert_str_eq(apr_table_get(r, "X"), "y");
}
END_TEST

typedef struct {
    int calls;
    int stop_at;
    char buf[512];
} do_rec;

static int do_cb(void *data, const char *key, const char *val)
{
    do_rec *r = data;
    r->calls++;
    strcat(r->buf, key);
    strcat(r->buf, "=");
    strcat(r->buf, val);
    strcat(r->buf, ";");
    return r->calls != r->stop_at;
}

static int vdo_helper(do_rec *r, const apr_table_t *t, ...)
{
    va_list vp;
    int rv;
    va_start(vp, t);
    rv = apr_table_vdo(do_cb, r, t, vp);
    va_end(vp);
    return rv;
}

START_TEST(table_do)
{
    apr_table_t *t = apr_table_make(p, 1);
    do_rec r;

    memset(&r, 0, sizeof(r));
    ck_assert_int_eq(apr_table_do(do_cb, &r, t, NULL), 1);
    ck_assert_int_eq(r.calls, 0);

    apr_table_add(t, "a", "1");
    apr_table_add(t, "b", "2");
    apr_table_add(t, "A", "3");
    apr_table_add(t, "c", "4");

    memset(&r, 0, sizeof(r));
    ck_assert_int_eq(apr_table_do(do_cb, &r, t, NULL), 1);
    ck_assert_str_eq(r.buf, "a=1;b=2;A=3;c=4;");

    /* filter: keys in argument order, entries in table order */
    memset(&r, 0, sizeof(r));
    ck_assert_int_eq(apr_table_do(do_cb, &r, t, "c", "a", "zz", NULL), 1);
    ck_assert_str_eq(r.buf, "c=4;a=1;A=3;");

    /* early stop over the whole table */
    memset(&r, 0, sizeof(r));
    r.stop_at = 2;
    ck_assert_int_eq(apr_table_do(do_cb, &r, t, NULL), 0);
    ck_assert_str_eq(r.buf, "a=1;b=2;");

    /* a stop ends the current key only; later keys still run */
    memset(&r, 0, sizeof(r));
    r.stop_at = 1;
    ck_assert_int_eq(apr_table_do(do_cb, &r, t, "A", "b", NULL), 0);
    ck_assert_str_eq(r.buf, "a=1;b=2;");

    memset(&r, 0, sizeof(r));
    ck_assert_int_eq(vdo_helper(&r, t, "B", "C", NULL), 1);
    ck_assert_str_eq(r.buf, "b=2;c=4;");
    memset(&r, 0, sizeof(r));
    ck_assert_int_eq(vdo_helper(&r, t, NULL), 1);
    ck_assert_int_eq(r.calls, 4);
}
END_TEST

START_TEST(table_compress)
{
    apr_table_t *t = apr_table_make(p, 1), *s;

    apr_table_add(t, "a", "1");
    apr_table_add(t, "b", "2");
    apr_table_add(t, "A", "3");
    apr_table_add(t, "c", "4");
    apr_table_add(t, "a", "5");
    apr_table_add(t, "B", "6");
    s = apr_table_copy(p, t);

    apr_table_compress(t, APR_OVERLAP_TABLES_ADD);
    ck_assert_int_eq(nelts(t), 6);

    apr_table_compress(t, APR_OVERLAP_TABLES_MERGE);
    ck_assert_str_eq(dump(t), "a=1, 3, 5;b=2, 6;c=4;");
    ck_assert_str_eq(apr_table_get(t, "B"), "2, 6");

    apr_table_compress(s, APR_OVERLAP_TABLES_SET);
    ck_assert_str_eq(dump(s), "a=5;b=6;c=4;");
    ck_assert_str_eq(apr_table_get(s, "A"), "5");

    /* nothing to fold */
    apr_table_compress(s, APR_OVERLAP_TABLES_MERGE);
    ck_assert_str_eq(dump(s), "a=5;b=6;c=4;");
    apr_table_compress(apr_table_make(p, 0), APR_OVERLAP_TABLES_MERGE);
}
END_TEST

START_TEST(table_compress_large)
{
    apr_table_t *t = apr_table_make(p, 1);
    int i;

    for (i = 0; i < 3000; i++)
        apr_table_addn(t, apr_psprintf(p, "K%d", i % 1000),
                       apr_psprintf(p, "%d", i));
    apr_table_compress(t, APR_OVERLAP_TABLES_MERGE);
    ck_assert_int_eq(nelts(t), 1000);
    ck_assert_str_eq(entry(t, 7)->key, "K7");
    ck_assert_str_eq(apr_table_get(t, "k7"), "7, 1007, 2007");
    ck_assert_str_eq(apr_table_get(t, "K999"), "999, 1999, 2999");
}
END_TEST

START_TEST(table_overlap)
{
    apr_table_t *a, *b;
    int flags;

    for (flags = 0; flags <= 2; flags++) {
        a = apr_table_make(p, 1);
        b = apr_table_make(p, 1);
        apr_table_add(a, "X", "a1");
        apr_table_add(a, "Y", "a2");
        apr_table_add(a, "x", "a3");
        apr_table_add(b, "y", "b1");
        apr_table_add(b, "Z", "b2");
        apr_table_add(b, "Y", "b3");
        apr_table_overlap(a, b, (unsigned)flags);
        if (flags == APR_OVERLAP_TABLES_SET)
            ck_assert_str_eq(dump(a), "X=a3;Y=b3;Z=b2;");
        else if (flags == APR_OVERLAP_TABLES_MERGE)
            ck_assert_str_eq(dump(a), "X=a1, a3;Y=a2, b1, b3;Z=b2;");
        else
            ck_assert_str_eq(dump(a), "X=a1;Y=a2;x=a3;y=b1;Z=b2;Y=b3;");
        ck_assert_str_eq(dump(b), "y=b1;Z=b2;Y=b3;");
        ck_assert_str_eq(apr_table_get(a, "z"), "b2");
    }

    /* into an empty table */
    a = apr_table_make(p, 0);
    apr_table_overlap(a, b, APR_OVERLAP_TABLES_SET);
    ck_assert_str_eq(dump(a), "y=b3;Z=b2;");
    apr_table_overlap(a, apr_table_make(p, 0), APR_OVERLAP_TABLES_MERGE);
    ck_assert_str_eq(dump(a), "y=b3;Z=b2;");
}
END_TEST

START_TEST(table_many)
{
    apr_table_t *t = apr_table_make(p, 4);
    int i;

    for (i = 0; i < 5000; i++)
        apr_table_set(t, apr_psprintf(p, "Header-%d", i),
                      apr_psprintf(p, "v%d", i));
    ck_assert_int_eq(nelts(t), 5000);
    for (i = 0; i < 5000; i += 7)
        ck_assert_str_eq(apr_table_get(t, apr_psprintf(p, "HEADER-%d", i)),
                         apr_psprintf(p, "v%d", i));
    for (i = 0; i < 5000; i += 2)
        apr_table_unset(t, apr_psprintf(p, "header-%d", i));
    ck_assert_int_eq(nelts(t), 2500);
    ck_assert_ptr_null(apr_table_get(t, "Header-10"));
    ck_assert_str_eq(apr_table_get(t, "Header-11"), "v11");
    ck_assert_str_eq(entry(t, 0)->key, "Header-1");
    ck_assert_str_eq(entry(t, 2499)->key, "Header-4999");
}
END_TEST

START_TEST(table_case_edge)
{
    /* Only ASCII letters fold: '@' and '`' differ by the case bit but are
     * not the same key; neither are '[' and '{'. */
    apr_table_t *t = apr_table_make(p, 1);
    apr_table_set(t, "a@b", "1");
    apr_table_set(t, "a`b", "2");
    apr_table_set(t, "[", "3");
    apr_table_set(t, "{", "4");
    ck_assert_int_eq(nelts(t), 4);
    ck_assert_str_eq(apr_table_get(t, "A@B"), "1");
    ck_assert_str_eq(apr_table_get(t, "A`B"), "2");
    ck_assert_str_eq(apr_table_get(t, "["), "3");
    ck_assert_str_eq(apr_table_get(t, "{"), "4");
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("tables");
    TCase *tc = apr_test_tcase("arrays");
    tcase_add_test(tc, array_make_push_pop);
    tcase_add_test(tc, array_make_zero_size);
    tcase_add_test(tc, array_push_zeroed);
    tcase_add_test(tc, array_cat_copy_append);
    tcase_add_test(tc, array_cat_self);
    tcase_add_test(tc, array_pstrcat);
    suite_add_tcase(s, tc);

    tc = apr_test_tcase("tables");
    tcase_add_test(tc, table_basic);
    tcase_add_test(tc, table_set_copies_setn_does_not);
    tcase_add_test(tc, table_set_replaces_all);
    tcase_add_test(tc, table_unset);
    tcase_add_test(tc, table_merge);
    tcase_add_test(tc, table_getm);
    tcase_add_test(tc, table_copy_clone);
    tcase_add_test(tc, table_overlay);
    tcase_add_test(tc, table_do);
    tcase_add_test(tc, table_compress);
    tcase_add_test(tc, table_compress_large);
    tcase_add_test(tc, table_overlap);
    tcase_add_test(tc, table_many);
    tcase_add_test(tc, table_case_edge);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
