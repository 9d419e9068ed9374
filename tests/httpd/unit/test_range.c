/* test_range.c: Range parsing (RFC 9110 section 14) with Apache's merging
 * and the MaxRanges / MaxRangeOverlaps / MaxRangeReversals limits, and the
 * BYTERANGE filter's 206 / multipart / 416 output. Expected results are
 * those of Debian's apache2 2.4 on a 6-byte file ("hello\n"). */
#include <check.h>
#include <stdlib.h>

#include "mod_core.h"
#include "protocol_private.h"
#include "test_protocol_fake.h"

static apr_pool_t *pool;
static fake_env env;
static apr_array_header_t *ranges;

static void setup(void)
{
    apr_initialize();
    apr_pool_create(&pool, NULL);
    fake_env_init(&env, pool);
    ranges = NULL;
}

static void teardown(void)
{
    apr_pool_destroy(pool);
    apr_terminate();
}

static int parse(const char *h)
{
    return ap__parse_byteranges(pool, h, 6, 200, 20, 20, &ranges);
}

static void expect_range(int i, apr_off_t start, apr_off_t end)
{
    ap__range_t *rg = &APR_ARRAY_IDX(ranges, i, ap__range_t);

    ck_assert_int_eq(rg->start, start);
    ck_assert_int_eq(rg->end, end);
}

START_TEST(single_ranges)
{
    ck_assert_int_eq(parse("bytes=0-1"), 1);
    expect_range(0, 0, 1);
    ck_assert_int_eq(parse("bytes=1-"), 1);
    expect_range(0, 1, 5);
    ck_assert_int_eq(parse("bytes=-2"), 1);
    expect_range(0, 4, 5);
    ck_assert_int_eq(parse("bytes=-100"), 1);
    expect_range(0, 0, 5);
    ck_assert_int_eq(parse("bytes=2-100"), 1);
    expect_range(0, 2, 5);
    ck_assert_int_eq(parse("Bytes=0-0"), 1);
    expect_range(0, 0, 0);
}
END_TEST

START_TEST(merging_as_apache)
{
    ck_assert_int_eq(parse("bytes=0-1,1-3"), 1);    /* overlap */
    expect_range(0, 0, 3);
    ck_assert_int_eq(parse("bytes=0-1,2-3"), 1);    /* adjacent */
    expect_range(0, 0, 3);
    ck_assert_int_eq(parse("bytes=3-4,0-1"), 2);    /* kept in order */
    expect_range(0, 3, 4);
    expect_range(1, 0, 1);
    ck_assert_int_eq(parse("bytes=1-2,,3-3"), 1);   /* empty element */
    expect_range(0, 1, 3);
    ck_assert_int_eq(parse("bytes=0-,2-3"), 1);     /* "0-" is all */
    expect_range(0, 0, 5);
    ck_assert_int_eq(parse("bytes=10-20,1-1"), 1);  /* unsatisfiable one */
    expect_range(0, 1, 1);
}
END_TEST

START_TEST(ignored_or_unsatisfiable)
{
    ck_assert_int_eq(parse("bytes=-0"), 0);
    ck_assert_int_eq(parse("bytes=1-0"), 0);
    ck_assert_int_eq(parse("bytes= 1-2"), 0);
    ck_assert_int_eq(parse("bytes=1-2, 4-4"), 0);
    ck_assert_int_eq(parse("bytes=abc"), 0);
    ck_assert_int_eq(parse("items=0-1"), 0);
    ck_assert_int_eq(parse("bytes=1-2-3"), 0);
    ck_assert_int_eq(parse("bytes=99999999999999999999-"), 0);
    ck_assert_int_eq(parse("bytes="), 0);
    ck_assert_int_eq(parse("bytes=10-"), -1);
    ck_assert_int_eq(parse("bytes=6-7,8-9"), -1);
    ck_assert_int_eq(ap__parse_byteranges(pool, "bytes=0-1", 0, 200, 20, 20,
                                          &ranges), 0);
}
END_TEST

START_TEST(limits)
{
    /* MaxRanges 2: three ranges give the whole file */
    ck_assert_int_eq(ap__parse_byteranges(pool, "bytes=0-0,2-2,4-4", 6, 2,
                                          20, 20, &ranges), 0);
    ck_assert_int_eq(ap__parse_byteranges(pool, "bytes=0-0,2-2", 6, 2,
                                          20, 20, &ranges), 2);
    /* MaxRanges none (0): ranges ignored */
    ck_assert_int_eq(ap__parse_byteranges(pool, "bytes=0-0", 6, 0,
                                          20, 20, &ranges), 0);
    /* unlimited */
    ck_assert_int_eq(ap__parse_byteranges(pool, "bytes=0-0,2-2,4-4", 6,
                     AP_MAXRANGES_UNLIMITED, AP_MAXRANGES_UNLIMITED,
                     AP_MAXRANGES_UNLIMITED, &ranges), 3);
    /* MaxRangeOverlaps 0 */
    ck_assert_int_eq(ap__parse_byteranges(pool, "bytes=0-2,1-3", 6, 200,
                                          0, 20, &ranges), 0);
    ck_assert_int_eq(ap__parse_byteranges(pool, "bytes=0-2,1-3", 6, 200,
                                          1, 20, &ranges), 1);
    /* MaxRangeReversals 0 */
    ck_assert_int_eq(ap__parse_byteranges(pool, "bytes=3-4,0-1", 6, 200,
                                          20, 0, &ranges), 0);
    ck_assert_int_eq(ap__parse_byteranges(pool, "bytes=3-4,0-1", 6, 200,
                                          20, 1, &ranges), 2);
}
END_TEST

/* Run the BYTERANGE filter on "hello\n" with the given Range. */
static apr_status_t run_filter(const char *range)
{
    ap_filter_rec_t rec;
    ap_filter_t f;
    apr_bucket_brigade *bb = apr_brigade_create(pool, env.c->bucket_alloc);

    memset(&rec, 0, sizeof(rec));
    memset(&f, 0, sizeof(f));
    rec.name = "BYTERANGE";
    rec.filter_func.out_func = ap_byterange_filter;
    f.frec = &rec;
    f.r = env.r;
    f.c = env.c;
    f.next = &env.out_f;
    env.r->output_filters = &f;
    if (range) {
        apr_table_setn(env.r->headers_in, "Range", range);
    }
    env.r->content_type = "text/plain";
    /* two buckets, so that ranges cross bucket boundaries */
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_immortal_create("hel", 3,
                                                           bb->bucket_alloc));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_immortal_create("lo\n", 3,
                                                           bb->bucket_alloc));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_eos_create(bb->bucket_alloc));
    return ap_pass_brigade(&f, bb);
}

START_TEST(filter_no_range)
{
    ck_assert_int_eq(run_filter(NULL), APR_SUCCESS);
    ck_assert_str_eq(fake_output_str(&env), "hello\n");
    ck_assert_int_eq(env.r->status, HTTP_OK);
}
END_TEST

START_TEST(filter_single)
{
    ck_assert_int_eq(run_filter("bytes=2-3"), APR_SUCCESS);
    ck_assert_int_eq(env.r->status, HTTP_PARTIAL_CONTENT);
    ck_assert_str_eq(fake_output_str(&env), "ll");
    ck_assert_str_eq(apr_table_get(env.r->headers_out, "Content-Range"),
                     "bytes 2-3/6");
    ck_assert_int_eq(env.outc.eos, 1);
}
END_TEST

START_TEST(filter_multipart)
{
    const char *ct, *b;
    char *expect;

    ck_assert_int_eq(run_filter("bytes=0-1,3-4"), APR_SUCCESS);
    ck_assert_int_eq(env.r->status, HTTP_PARTIAL_CONTENT);
    ct = env.r->content_type;
    ck_assert_ptr_nonnull(strstr(ct, "multipart/byteranges; boundary="));
    b = strchr(ct, '=') + 1;
    expect = apr_pstrcat(pool,
        "\r\n--", b, "\r\nContent-type: text/plain\r\n"
        "Content-range: bytes 0-1/6\r\n\r\nhe",
        "\r\n--", b, "\r\nContent-type: text/plain\r\n"
        "Content-range: bytes 3-4/6\r\n\r\nlo",
        "\r\n--", b, "--\r\n", NULL);
    ck_assert_str_eq(fake_output_str(&env), expect);
}
END_TEST

START_TEST(filter_416)
{
    ck_assert_int_eq(run_filter("bytes=10-"), APR_SUCCESS);
    ck_assert_int_eq(env.outc.error_status, HTTP_RANGE_NOT_SATISFIABLE);
    ck_assert_str_eq(apr_table_get(env.r->err_headers_out, "Content-Range"),
                     "bytes */6");
    ck_assert_str_eq(fake_output_str(&env), "");
}
END_TEST

START_TEST(filter_if_range)
{
    apr_table_setn(env.r->headers_out, "ETag", "\"abc\"");
    apr_table_setn(env.r->headers_in, "If-Range", "\"other\"");
    ck_assert_int_eq(run_filter("bytes=0-1"), APR_SUCCESS);
    ck_assert_int_eq(env.r->status, HTTP_OK);
    ck_assert_str_eq(fake_output_str(&env), "hello\n");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("range");
    TCase *tc = tcase_create("core");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, single_ranges);
    tcase_add_test(tc, merging_as_apache);
    tcase_add_test(tc, ignored_or_unsatisfiable);
    tcase_add_test(tc, limits);
    tcase_add_test(tc, filter_no_range);
    tcase_add_test(tc, filter_single);
    tcase_add_test(tc, filter_multipart);
    tcase_add_test(tc, filter_416);
    tcase_add_test(tc, filter_if_range);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
