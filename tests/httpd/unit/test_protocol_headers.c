/* test_protocol_headers.c: ap_rgetline_core, ap_getline and
 * ap_get_mime_headers_core over a fake connection: limits, obs-fold,
 * Strict/Unsafe field syntax, Apache's error notes; ap_check_request_header
 * for Expect. */
#include <check.h>
#include <stdlib.h>

#include "test_protocol_fake.h"

static apr_pool_t *pool;
static fake_env env;
static apr_bucket_brigade *bb;

static void setup(void)
{
    apr_initialize();
    apr_pool_create(&pool, NULL);
    fake_env_init(&env, pool);
    bb = apr_brigade_create(pool, env.c->bucket_alloc);
}

static void teardown(void)
{
    apr_pool_destroy(pool);
    apr_terminate();
}

static int headers(const char *input, apr_size_t chunk)
{
    fake_set_input(&env, input, chunk);
    env.r->status = HTTP_OK;
    apr_table_clear(env.r->headers_in);
    apr_table_clear(env.r->notes);
    ap_get_mime_headers_core(env.r, bb);
    return env.r->status;
}

static const char *note(void)
{
    return apr_table_get(env.r->notes, "error-notes");
}

START_TEST(rgetline_basic_and_split)
{
    char *s = NULL;
    apr_size_t len;

    fake_set_input(&env, "hello world\r\nnext\n", 3);
    ck_assert_int_eq(ap_rgetline_core(&s, 100, &len, env.r, 0, bb),
                     APR_SUCCESS);
    ck_assert_str_eq(s, "hello world");
    ck_assert_uint_eq(len, 11);
    s = NULL;
    ck_assert_int_eq(ap_rgetline_core(&s, 100, &len, env.r, 0, bb),
                     APR_SUCCESS);
    ck_assert_str_eq(s, "next");
    s = NULL;
    ck_assert_int_eq(ap_rgetline_core(&s, 100, &len, env.r, 0, bb),
                     APR_EOF);
}
END_TEST

START_TEST(rgetline_crlf_and_limits)
{
    char *s = NULL;
    apr_size_t len;
    char buf[8];

    fake_set_input(&env, "bare\n", 0);
    ck_assert_int_eq(ap_rgetline_core(&s, 100, &len, env.r,
                                      AP_GETLINE_CRLF, bb), APR_EINVAL);
    /* exactly the limit (content + CRLF == n) fits */
    s = NULL;
    fake_set_input(&env, "abcdef\r\n", 0);
    ck_assert_int_eq(ap_rgetline_core(&s, 8, &len, env.r, 0, bb),
                     APR_SUCCESS);
    ck_assert_str_eq(s, "abcdef");
    s = NULL;
    fake_set_input(&env, "abcdefg\r\n", 0);
    ck_assert_int_eq(ap_rgetline_core(&s, 8, &len, env.r, 0, bb),
                     APR_ENOSPC);
    ck_assert_uint_eq(len, 8);

    fake_set_input(&env, "0123456789\r\nok\r\n", 0);
    ck_assert_int_eq(ap_getline(buf, sizeof(buf), env.r, 0), 8);
    fake_set_input(&env, "ok\r\n", 0);
    ck_assert_int_eq(ap_getline(buf, sizeof(buf), env.r, 0), 2);
    ck_assert_str_eq(buf, "ok");
}
END_TEST

START_TEST(plain_headers)
{
    ck_assert_int_eq(headers("Host: example.com\r\nX-A:  v a  \r\n"
                             "Empty:\r\n\r\nBODY", 0), HTTP_OK);
    ck_assert_str_eq(apr_table_get(env.r->headers_in, "host"),
                     "example.com");
    ck_assert_str_eq(apr_table_get(env.r->headers_in, "X-A"), "v a");
    ck_assert_str_eq(apr_table_get(env.r->headers_in, "Empty"), "");
    /* the body is left unread */
    ck_assert_str_eq(env.in.data + env.in.pos, "BODY");
}
END_TEST

START_TEST(split_reads_and_duplicates)
{
    ck_assert_int_eq(headers("Accept: a\r\nX: 1\r\naccept: b\r\n\r\n", 2),
                     HTTP_OK);
    ck_assert_str_eq(apr_table_get(env.r->headers_in, "Accept"), "a, b");
    ck_assert_str_eq(apr_table_get(env.r->headers_in, "X"), "1");
}
END_TEST

START_TEST(obs_fold)
{
    ck_assert_int_eq(headers("X: a\r\n  b\r\n\tc\r\nY: z\r\n\r\n", 0),
                     HTTP_OK);
    ck_assert_str_eq(apr_table_get(env.r->headers_in, "X"), "a b c");
    ck_assert_str_eq(apr_table_get(env.r->headers_in, "Y"), "z");
    /* Debian: a fold before any field is 400 */
    ck_assert_int_eq(headers("  Foo: x\r\n\r\n", 0), HTTP_BAD_REQUEST);
}
END_TEST

START_TEST(strict_field_syntax)
{
    ck_assert_int_eq(headers("X : y\r\n\r\n", 0), HTTP_BAD_REQUEST);
    ck_assert_ptr_null(note());
    ck_assert_int_eq(headers("Foo\r\n\r\n", 0), HTTP_BAD_REQUEST);
    ck_assert_int_eq(headers("Foo: a\001b\r\n\r\n", 0), HTTP_BAD_REQUEST);
    ck_assert_int_eq(headers("Foo: x\n\n", 0), HTTP_BAD_REQUEST);
    ck_assert_int_eq(headers("Fo o: x\r\n\r\n", 0), HTTP_BAD_REQUEST);
}
END_TEST

START_TEST(unsafe_field_syntax)
{
    env.csc->http_conformance = AP_HTTP_CONFORMANCE_UNSAFE;
    ck_assert_int_eq(headers("X : y\nZ: w\n\n", 0), HTTP_OK);
    ck_assert_str_eq(apr_table_get(env.r->headers_in, "X"), "y");
    ck_assert_str_eq(apr_table_get(env.r->headers_in, "Z"), "w");
    ck_assert_int_eq(headers("NoColon\r\n\r\n", 0), HTTP_BAD_REQUEST);
}
END_TEST

START_TEST(field_size_limit)
{
    env.s->limit_req_fieldsize = 20;
    ck_assert_int_eq(headers("X: 01234567890123456\r\n\r\n", 0), HTTP_OK);
    ck_assert_int_eq(headers("X: 012345678901234567\r\n\r\n", 0),
                     HTTP_BAD_REQUEST);
    ck_assert_str_eq(note(),
                     "Size of a request header field exceeds server limit.");
    /* folding cannot be used to pass the limit */
    ck_assert_int_eq(headers("X: 0123456789\r\n 0123456789\r\n\r\n", 0),
                     HTTP_BAD_REQUEST);
    ck_assert_str_eq(note(),
                     "Size of a request header field exceeds server limit.");
}
END_TEST

START_TEST(field_count_limit)
{
    env.s->limit_req_fields = 2;
    ck_assert_int_eq(headers("A: 1\r\nB: 2\r\n\r\n", 0), HTTP_OK);
    ck_assert_int_eq(headers("A: 1\r\nB: 2\r\nC: 3\r\n\r\n", 0),
                     HTTP_BAD_REQUEST);
    ck_assert_str_eq(note(), "The number of request header fields exceeds "
                             "this server's limit.");
}
END_TEST

START_TEST(eof_in_headers)
{
    ck_assert_int_eq(headers("A: 1\r\nB: 2", 0), HTTP_BAD_REQUEST);
}
END_TEST

START_TEST(expect_header)
{
    /* ap_check_request_header also runs the vhost/Host logic; here we
     * only look at Expect with a host already known */
    env.r->hostname = "localhost";
    apr_table_setn(env.r->headers_in, "Host", "localhost");
    apr_table_setn(env.r->headers_in, "Expect", "100-Continue");
    env.r->status = HTTP_OK;
    ck_assert_int_eq(ap_check_request_header(env.r), 1);
    ck_assert_int_eq(env.r->expecting_100, 1);

    env.r->expecting_100 = 0;
    apr_table_setn(env.r->headers_in, "Expect", "foo");
    ck_assert_int_eq(ap_check_request_header(env.r), 0);
    ck_assert_int_eq(env.r->status, HTTP_EXPECTATION_FAILED);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("protocol_headers");
    TCase *tc = tcase_create("core");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, rgetline_basic_and_split);
    tcase_add_test(tc, rgetline_crlf_and_limits);
    tcase_add_test(tc, plain_headers);
    tcase_add_test(tc, split_reads_and_duplicates);
    tcase_add_test(tc, obs_fold);
    tcase_add_test(tc, strict_field_syntax);
    tcase_add_test(tc, unsafe_field_syntax);
    tcase_add_test(tc, field_size_limit);
    tcase_add_test(tc, field_count_limit);
    tcase_add_test(tc, eof_in_headers);
    tcase_add_test(tc, expect_header);
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
