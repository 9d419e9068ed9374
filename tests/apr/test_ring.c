/*
 * apr_ring.h: ring macros on a small element struct.
 */
#define APR_RING_DEBUG 1 /* makes the CONSISTENCY macros assert() */

#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "apr_ring.h"

typedef struct item item;
struct item {
    APR_RING_ENTRY(item) link;
    int v;
    APR_RING_ENTRY(item) other; /* a second ring through the same items */
};

APR_RING_HEAD(item_ring, item);

/* The values in ring order, checking both directions and the links. */
static const char *dump(struct item_ring *r)
{
    static char buf[256];
    item *ep;
    size_t n = 0;
    int forward = 0, backward = 0;

    APR_RING_CHECK_CONSISTENCY(r, item, link);
    buf[0] = '\0';
    APR_RING_FOREACH(ep, r, item, link) {
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%d", ep->v);
        forward++;
    }
    for (ep = APR_RING_LAST(r); ep != APR_RING_SENTINEL(r, item, link);
         ep = APR_RING_PREV(ep, link))
        backward++;
    ck_assert_int_eq(forward, backward);
    return buf;
}

static item *mk(int v)
{
    item *e = apr_pcalloc(p, sizeof(*e));
    e->v = v;
    APR_RING_ELEM_INIT(e, link);
    return e;
}

START_TEST(ring_init_empty)
{
    struct item_ring r;
    item *e = mk(1);

    APR_RING_INIT(&r, item, link);
    ck_assert(APR_RING_EMPTY(&r, item, link));
    ck_assert_ptr_eq(APR_RING_FIRST(&r), APR_RING_SENTINEL(&r, item, link));
    ck_assert_ptr_eq(APR_RING_LAST(&r), APR_RING_SENTINEL(&r, item, link));
    /* the sentinel's link field is the head itself */
    ck_assert_ptr_eq((void *)&(APR_RING_SENTINEL(&r, item, link))->link,
                     (void *)&r);
    ck_assert_str_eq(dump(&r), "");

    ck_assert_ptr_eq(APR_RING_NEXT(e, link), e);
    ck_assert_ptr_eq(APR_RING_PREV(e, link), e);
    APR_RING_CHECK_ELEM_CONSISTENCY(e, item, link);
}
END_TEST

START_TEST(ring_insert_head_tail)
{
    struct item_ring r;
    item *a = mk(1), *b = mk(2), *c = mk(3), *d = mk(4), *e = mk(5);

    APR_RING_INIT(&r, item, link);
    APR_RING_INSERT_TAIL(&r, b, item, link);
    ck_assert(!APR_RING_EMPTY(&r, item, link));
    APR_RING_INSERT_HEAD(&r, a, item, link);
    APR_RING_INSERT_TAIL(&r, c, item, link);
    ck_assert_str_eq(dump(&r), "123");
    ck_assert_ptr_eq(APR_RING_FIRST(&r), a);
    ck_assert_ptr_eq(APR_RING_LAST(&r), c);
    ck_assert_ptr_eq(APR_RING_NEXT(a, link), b);
    ck_assert_ptr_eq(APR_RING_PREV(c, link), b);
    ck_assert_ptr_eq(APR_RING_NEXT(c, link), APR_RING_SENTINEL(&r, item, link));
    ck_assert_ptr_eq(APR_RING_PREV(a, link), APR_RING_SENTINEL(&r, item, link));

    APR_RING_INSERT_BEFORE(b, d, link);
    ck_assert_str_eq(dump(&r), "1423");
    APR_RING_INSERT_AFTER(c, e, link);
    ck_assert_str_eq(dump(&r), "14235");
    ck_assert_ptr_eq(APR_RING_LAST(&r), e);
}
END_TEST

START_TEST(ring_remove)
{
    struct item_ring r;
    item *e[5], *ep, *tmp;
    int i;

    APR_RING_INIT(&r, item, link);
    for (i = 0; i < 5; i++) {
        e[i] = mk(i);
        APR_RING_INSERT_TAIL(&r, e[i], item, link);
    }
    APR_RING_REMOVE(e[0], link);
    ck_assert_str_eq(dump(&r), "1234");
    APR_RING_REMOVE(e[4], link);
    ck_assert_str_eq(dump(&r), "123");
    APR_RING_REMOVE(e[2], link);
    ck_assert_str_eq(dump(&r), "13");

    /* removing while iterating needs the SAFE form */
    APR_RING_FOREACH_SAFE(ep, tmp, &r, item, link) {
        APR_RING_REMOVE(ep, link);
    }
    ck_assert(APR_RING_EMPTY(&r, item, link));
    ck_assert_str_eq(dump(&r), "");

    /* an element may be re-inserted after removal */
    APR_RING_ELEM_INIT(e[2], link);
    APR_RING_INSERT_HEAD(&r, e[2], item, link);
    ck_assert_str_eq(dump(&r), "2");
}
END_TEST

START_TEST(ring_splice)
{
    struct item_ring r, s;
    item *e[8];
    int i;

    APR_RING_INIT(&r, item, link);
    APR_RING_INIT(&s, item, link);
    for (i = 0; i < 8; i++)
        e[i] = mk(i);
    APR_RING_INSERT_TAIL(&r, e[0], item, link);
    APR_RING_INSERT_TAIL(&r, e[1], item, link);
    for (i = 2; i < 8; i++)
        APR_RING_INSERT_TAIL(&s, e[i], item, link);
    ck_assert_str_eq(dump(&s), "234567");

    /* move the chain 3..4 out of s and to the tail of r */
    APR_RING_UNSPLICE(e[3], e[4], link);
    ck_assert_str_eq(dump(&s), "2567");
    APR_RING_SPLICE_TAIL(&r, e[3], e[4], item, link);
    ck_assert_str_eq(dump(&r), "0134");

    /* chain 5..6 to the head of r */
    APR_RING_UNSPLICE(e[5], e[6], link);
    APR_RING_SPLICE_HEAD(&r, e[5], e[6], item, link);
    ck_assert_str_eq(dump(&r), "560134");
    ck_assert_str_eq(dump(&s), "27");

    /* chain 5..6 between 1 and 3 (after 1), then 0..1 before 4 */
    APR_RING_UNSPLICE(e[5], e[6], link);
    APR_RING_SPLICE_AFTER(e[1], e[5], e[6], link);
    ck_assert_str_eq(dump(&r), "015634");
    APR_RING_UNSPLICE(e[0], e[1], link);
    APR_RING_SPLICE_BEFORE(e[4], e[0], e[1], link);
    ck_assert_str_eq(dump(&r), "563014");
}
END_TEST

START_TEST(ring_concat_prepend)
{
    struct item_ring a, b;
    item *ep;
    int i;

    APR_RING_INIT(&a, item, link);
    APR_RING_INIT(&b, item, link);
    /* (the macros evaluate their arguments several times: no mk() inside) */
    for (i = 0; i < 6; i++) {
        ep = mk(i);
        APR_RING_INSERT_TAIL(i < 3 ? &a : &b, ep, item, link);
    }

    APR_RING_CONCAT(&a, &b, item, link);
    ck_assert_str_eq(dump(&a), "012345");
    ck_assert(APR_RING_EMPTY(&b, item, link));
    APR_RING_CONCAT(&a, &b, item, link); /* empty h2: no change */
    ck_assert_str_eq(dump(&a), "012345");

    ep = mk(8);
    APR_RING_INSERT_TAIL(&b, ep, item, link);
    ep = mk(9);
    APR_RING_INSERT_TAIL(&b, ep, item, link);
    APR_RING_PREPEND(&a, &b, item, link);
    ck_assert_str_eq(dump(&a), "89012345");
    ck_assert(APR_RING_EMPTY(&b, item, link));
    APR_RING_PREPEND(&a, &b, item, link);
    ck_assert_str_eq(dump(&a), "89012345");

    /* into an empty ring */
    APR_RING_CONCAT(&b, &a, item, link);
    ck_assert_str_eq(dump(&b), "89012345");
    ck_assert(APR_RING_EMPTY(&a, item, link));
}
END_TEST

START_TEST(ring_two_links)
{
    /* The "other" link is not first in item, so its head must live in a
     * larger object (see apr_ring.h): the sentinel lies before the head. */
    struct {
        item room;
        struct item_ring head;
    } *holder = apr_pcalloc(p, sizeof(*holder));
    struct item_ring r1, *r2p = &holder->head;
    item *e[4], *ep;
    int i, sum = 0;

    APR_RING_INIT(&r1, item, link);
    APR_RING_INIT(r2p, item, other);
    for (i = 0; i < 4; i++) {
        e[i] = mk(i);
        APR_RING_INSERT_TAIL(&r1, e[i], item, link);
        APR_RING_INSERT_HEAD(r2p, e[i], item, other);
    }
    APR_RING_CHECK_CONSISTENCY(r2p, item, other);
    ck_assert_str_eq(dump(&r1), "0123");
    ck_assert_ptr_eq(APR_RING_FIRST(r2p), e[3]);
    i = 3;
    APR_RING_FOREACH(ep, r2p, item, other) {
        ck_assert_int_eq(ep->v, i--);
        sum += ep->v;
    }
    ck_assert_int_eq(sum, 6);
    APR_RING_REMOVE(e[1], other);
    ck_assert_str_eq(dump(&r1), "0123"); /* other ring untouched */
    ck_assert_ptr_eq(APR_RING_NEXT(e[2], other), e[0]);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("ring");
    TCase *tc = apr_test_tcase("ring");
    tcase_add_test(tc, ring_init_empty);
    tcase_add_test(tc, ring_insert_head_tail);
    tcase_add_test(tc, ring_remove);
    tcase_add_test(tc, ring_splice);
    tcase_add_test(tc, ring_concat_prepend);
    tcase_add_test(tc, ring_two_links);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
