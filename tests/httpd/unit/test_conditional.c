/* test_conditional.c: ap_meets_conditions in RFC 9110 section 13.2.2
 * order, the ap_condition_* evaluators, ETags per FileETag (weak when the
 * file is younger than a second) and Last-Modified. */
#include <check.h>
#include <stdlib.h>

#include "apr_date.h"
#include "test_protocol_fake.h"

static apr_pool_t *pool;
static fake_env env;
static apr_time_t mtime;
static char lm[APR_RFC822_DATE_LEN];

static void setup(void)
{
    apr_initialize();
    apr_pool_create(&pool, NULL);
    fake_env_init(&env, pool);
    mtime = apr_time_from_sec(1700000000);
    env.r->mtime = mtime;
    env.r->request_time = mtime + apr_time_from_sec(3600);
    apr_rfc822_date(lm, mtime);
    apr_table_setn(env.r->headers_out, "ETag", "\"6-abc\"");
    apr_table_setn(env.r->headers_out, "Last-Modified", lm);
}

static void teardown(void)
{
    apr_pool_destroy(pool);
    apr_terminate();
}

static void in(const char *k, const char *v)
{
    apr_table_setn(env.r->headers_in, k, v);
}

static const char *date_at(apr_time_t t)
{
    char *d = apr_palloc(pool, APR_RFC822_DATE_LEN);

    apr_rfc822_date(d, t);
    return d;
}

START_TEST(no_conditions)
{
    ck_assert_int_eq(ap_meets_conditions(env.r), OK);
}
END_TEST

START_TEST(if_match)
{
    in("If-Match", "\"x\", \"6-abc\"");
    ck_assert_int_eq(ap_meets_conditions(env.r), OK);
    in("If-Match", "\"zz\"");
    ck_assert_int_eq(ap_meets_conditions(env.r), HTTP_PRECONDITION_FAILED);
    in("If-Match", "*");
    ck_assert_int_eq(ap_meets_conditions(env.r), OK);
    /* strong comparison: a weak tag never matches */
    in("If-Match", "W/\"6-abc\"");
    ck_assert_int_eq(ap_meets_conditions(env.r), HTTP_PRECONDITION_FAILED);
}
END_TEST

START_TEST(if_unmodified_since)
{
    in("If-Unmodified-Since", date_at(mtime - apr_time_from_sec(10)));
    ck_assert_int_eq(ap_meets_conditions(env.r), HTTP_PRECONDITION_FAILED);
    in("If-Unmodified-Since", lm);
    ck_assert_int_eq(ap_meets_conditions(env.r), OK);
    in("If-Unmodified-Since", "garbage");
    ck_assert_int_eq(ap_meets_conditions(env.r), OK);
    /* If-Match present: If-Unmodified-Since is not evaluated */
    in("If-Unmodified-Since", date_at(mtime - apr_time_from_sec(10)));
    in("If-Match", "\"6-abc\"");
    ck_assert_int_eq(ap_meets_conditions(env.r), OK);
}
END_TEST

START_TEST(if_none_match)
{
    in("If-None-Match", "\"6-abc\"");
    ck_assert_int_eq(ap_meets_conditions(env.r), HTTP_NOT_MODIFIED);
    in("If-None-Match", "\"a\" , W/\"6-abc\"");  /* weak comparison */
    ck_assert_int_eq(ap_meets_conditions(env.r), HTTP_NOT_MODIFIED);
    in("If-None-Match", "*");
    ck_assert_int_eq(ap_meets_conditions(env.r), HTTP_NOT_MODIFIED);
    in("If-None-Match", "\"other\"");
    ck_assert_int_eq(ap_meets_conditions(env.r), OK);
    /* not GET/HEAD: 412 instead of 304 */
    env.r->method_number = M_PUT;
    in("If-None-Match", "\"6-abc\"");
    ck_assert_int_eq(ap_meets_conditions(env.r), HTTP_PRECONDITION_FAILED);
}
END_TEST

START_TEST(if_modified_since)
{
    in("If-Modified-Since", lm);
    ck_assert_int_eq(ap_meets_conditions(env.r), HTTP_NOT_MODIFIED);
    in("If-Modified-Since", date_at(mtime - apr_time_from_sec(1)));
    ck_assert_int_eq(ap_meets_conditions(env.r), OK);
    /* a date after the request time is invalid and ignored */
    in("If-Modified-Since", date_at(env.r->request_time
                                    + apr_time_from_sec(100)));
    ck_assert_int_eq(ap_meets_conditions(env.r), OK);
    in("If-Modified-Since", "not a date");
    ck_assert_int_eq(ap_meets_conditions(env.r), OK);
    /* only for GET/HEAD */
    env.r->method_number = M_POST;
    in("If-Modified-Since", lm);
    ck_assert_int_eq(ap_meets_conditions(env.r), OK);
}
END_TEST

START_TEST(none_match_overrides_modified_since)
{
    /* RFC 9110 13.2.2: with If-None-Match, If-Modified-Since is ignored */
    in("If-None-Match", "\"other\"");
    in("If-Modified-Since", lm);
    ck_assert_int_eq(ap_meets_conditions(env.r), OK);
}
END_TEST

START_TEST(not_for_errors_or_subrequests)
{
    in("If-Match", "\"zz\"");
    env.r->status = HTTP_NOT_FOUND;
    ck_assert_int_eq(ap_meets_conditions(env.r), OK);
    env.r->status = HTTP_OK;
    env.r->no_local_copy = 1;
    ck_assert_int_eq(ap_meets_conditions(env.r), OK);
}
END_TEST

START_TEST(if_range)
{
    ck_assert_int_eq(ap_condition_if_range(env.r, env.r->headers_out),
                     AP_CONDITION_NONE);
    in("Range", "bytes=0-1");
    ck_assert_int_eq(ap_condition_if_range(env.r, env.r->headers_out),
                     AP_CONDITION_NONE);
    in("If-Range", "\"6-abc\"");
    ck_assert_int_eq(ap_condition_if_range(env.r, env.r->headers_out),
                     AP_CONDITION_STRONG);
    in("If-Range", "\"nope\"");
    ck_assert_int_eq(ap_condition_if_range(env.r, env.r->headers_out),
                     AP_CONDITION_NOMATCH);
    in("If-Range", lm);
    ck_assert_int_eq(ap_condition_if_range(env.r, env.r->headers_out),
                     AP_CONDITION_STRONG);
    in("If-Range", date_at(mtime - apr_time_from_sec(5)));
    ck_assert_int_eq(ap_condition_if_range(env.r, env.r->headers_out),
                     AP_CONDITION_NOMATCH);
}
END_TEST

START_TEST(etags)
{
    char *etag;

    env.r->finfo.filetype = APR_REG;
    env.r->finfo.valid = APR_FINFO_INODE | APR_FINFO_SIZE | APR_FINFO_MTIME;
    env.r->finfo.inode = 0x1234;
    env.r->finfo.size = 6;
    env.r->finfo.mtime = 0x660d29ca5ecd6LL;
    env.r->request_time = env.r->finfo.mtime + apr_time_from_sec(10);
    /* FileETag unset: MTime Size, as the Debian default "6-660d29ca5ecd6" */
    ck_assert_str_eq(ap_make_etag(env.r, 0), "\"6-660d29ca5ecd6\"");
    ck_assert_str_eq(ap_make_etag(env.r, 1), "W/\"6-660d29ca5ecd6\"");
    env.cdc->etag_bits = ETAG_ALL;
    ck_assert_str_eq(ap_make_etag(env.r, 0), "\"1234-6-660d29ca5ecd6\"");
    env.cdc->etag_remove = ETAG_INODE;
    ck_assert_str_eq(ap_make_etag(env.r, 0), "\"6-660d29ca5ecd6\"");
    /* modified less than a second before the request: weak */
    env.cdc->etag_remove = 0;
    env.cdc->etag_bits = ETAG_MTIME;
    env.r->request_time = env.r->finfo.mtime + 1000;
    etag = ap_make_etag(env.r, 0);
    ck_assert_str_eq(etag, "W/\"660d29ca5ecd6\"");
    /* FileETag None: no header */
    env.cdc->etag_bits = ETAG_NONE;
    apr_table_unset(env.r->headers_out, "ETag");
    ap_set_etag(env.r);
    ck_assert_ptr_null(apr_table_get(env.r->headers_out, "ETag"));
    ck_assert_str_eq(apr_table_get(env.r->notes, "no-etag"), "omit");
}
END_TEST

START_TEST(last_modified)
{
    apr_table_unset(env.r->headers_out, "Last-Modified");
    ap_set_last_modified(env.r);
    ck_assert_str_eq(apr_table_get(env.r->headers_out, "Last-Modified"), lm);
    /* a future mtime is reported as "now", never in the future */
    env.r->mtime = apr_time_now() + apr_time_from_sec(100000);
    ck_assert_int_le(ap_rationalize_mtime(env.r, env.r->mtime),
                     apr_time_now());
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("conditional");
    TCase *tc = tcase_create("core");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, no_conditions);
    tcase_add_test(tc, if_match);
    tcase_add_test(tc, if_unmodified_since);
    tcase_add_test(tc, if_none_match);
    tcase_add_test(tc, if_modified_since);
    tcase_add_test(tc, none_match_overrides_modified_since);
    tcase_add_test(tc, not_for_errors_or_subrequests);
    tcase_add_test(tc, if_range);
    tcase_add_test(tc, etags);
    tcase_add_test(tc, last_modified);
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
