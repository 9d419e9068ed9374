/* test_chunked.c: HTTP_IN (ap_http_filter) over a fake connection:
 * Content-Length and chunked bodies (extensions, trailers, split reads),
 * LimitRequestBody (413), malformed framing (400), 100-continue; and the
 * CHUNK output filter's framing. */
#include <check.h>
#include <stdlib.h>

#include "mod_core.h"
#include "protocol_private.h"
#include "test_protocol_fake.h"

static apr_pool_t *pool;
static fake_env env;
static ap_filter_rec_t http_in_rec;
static ap_filter_t http_in;

static void setup(void)
{
    apr_initialize();
    apr_pool_create(&pool, NULL);
    fake_env_init(&env, pool);
    env.cdc->limit_req_body = 0;   /* unlimited unless a test sets it */
    memset(&http_in, 0, sizeof(http_in));
    http_in_rec.name = "HTTP_IN";
    http_in_rec.filter_func.in_func = ap_http_filter;
    http_in.frec = &http_in_rec;
    http_in.r = env.r;
    http_in.c = env.c;
    http_in.next = &env.in_f;
    env.r->input_filters = &http_in;
}

static void teardown(void)
{
    apr_pool_destroy(pool);
    apr_terminate();
}

/* Read the whole body via ap_get_brigade(READBYTES, readbytes) into a
 * string; *rv receives the first failure. */
static char *read_body(apr_off_t readbytes, apr_status_t *rv)
{
    apr_bucket_brigade *bb = apr_brigade_create(pool, env.c->bucket_alloc);
    apr_bucket_brigade *all = apr_brigade_create(pool, env.c->bucket_alloc);
    int eos = 0, rounds = 0;
    char *s;
    apr_size_t len;

    *rv = APR_SUCCESS;
    while (!eos && rounds++ < 1000) {
        *rv = ap_get_brigade(env.r->input_filters, bb, AP_MODE_READBYTES,
                             APR_BLOCK_READ, readbytes);
        if (*rv != APR_SUCCESS) {
            break;
        }
        if (!APR_BRIGADE_EMPTY(bb) && APR_BUCKET_IS_EOS(APR_BRIGADE_LAST(bb))) {
            eos = 1;
            apr_bucket_delete(APR_BRIGADE_LAST(bb));
        }
        APR_BRIGADE_CONCAT(all, bb);
    }
    apr_brigade_pflatten(all, &s, &len, pool);
    return apr_pstrmemdup(pool, s, len);
}

static void hdr(const char *k, const char *v)
{
    apr_table_setn(env.r->headers_in, k, v);
}

START_TEST(content_length)
{
    apr_status_t rv;

    hdr("Content-Length", "5");
    fake_set_input(&env, "helloGET / HTTP/1.1\r\n", 2);
    ck_assert_str_eq(read_body(3, &rv), "hello");
    ck_assert_int_eq(rv, APR_SUCCESS);
    /* the next request stays in the stream */
    ck_assert_str_eq(env.in.data + env.in.pos, "GET / HTTP/1.1\r\n");
}
END_TEST

START_TEST(no_body)
{
    apr_status_t rv;

    fake_set_input(&env, "GET / HTTP/1.1\r\n", 0);
    ck_assert_str_eq(read_body(100, &rv), "");
    ck_assert_int_eq(rv, APR_SUCCESS);
    ck_assert_uint_eq(env.in.pos, 0);
}
END_TEST

START_TEST(chunked_with_ext_and_trailers)
{
    apr_status_t rv;

    hdr("Transfer-Encoding", "chunked");
    fake_set_input(&env, "5\r\nhello\r\n6;name=\"v;x\"\r\n world\r\n"
                   "A ; e\r\n0123456789\r\n0\r\nX-T: tv\r\nY-T:  w \r\n\r\n"
                   "NEXT", 3);
    ck_assert_str_eq(read_body(4, &rv), "hello world0123456789");
    ck_assert_int_eq(rv, APR_SUCCESS);
    ck_assert_str_eq(apr_table_get(env.r->trailers_in, "X-T"), "tv");
    ck_assert_str_eq(apr_table_get(env.r->trailers_in, "Y-T"), "w");
    ck_assert_ptr_null(apr_table_get(env.r->headers_in, "X-T"));
    ck_assert_str_eq(env.in.data + env.in.pos, "NEXT");
}
END_TEST

START_TEST(chunked_merge_trailers)
{
    apr_status_t rv;

    env.csc->merge_trailers = AP_MERGE_TRAILERS_ENABLE;
    hdr("Transfer-Encoding", "chunked");
    fake_set_input(&env, "1\r\na\r\n0\r\nX-T: tv\r\n\r\n", 0);
    ck_assert_str_eq(read_body(100, &rv), "a");
    ck_assert_str_eq(apr_table_get(env.r->headers_in, "X-T"), "tv");
}
END_TEST

static void expect_error(const char *input, int status)
{
    apr_status_t rv;

    hdr("Transfer-Encoding", "chunked");
    fake_set_input(&env, input, 0);
    env.outc.error_status = 0;
    read_body(100, &rv);
    ck_assert_int_eq(rv, AP_FILTER_ERROR);
    ck_assert_int_eq(env.outc.error_status, status);
    ck_assert_int_eq(env.c->keepalive, AP_CONN_CLOSE);
}

START_TEST(bad_chunk_size)
{
    expect_error("zz\r\nhello\r\n0\r\n\r\n", HTTP_BAD_REQUEST);
}
END_TEST

START_TEST(bare_lf_chunk_line)
{
    expect_error("5\nhello\r\n0\r\n\r\n", HTTP_BAD_REQUEST);
}
END_TEST

START_TEST(missing_crlf_after_data)
{
    expect_error("5\r\nhelloX\r\n0\r\n\r\n", HTTP_BAD_REQUEST);
}
END_TEST

START_TEST(chunk_size_overflow)
{
    expect_error("fffffffffffffffffff\r\n", HTTP_REQUEST_ENTITY_TOO_LARGE);
}
END_TEST

START_TEST(bad_trailer)
{
    expect_error("1\r\na\r\n0\r\nnot a field\r\n\r\n", HTTP_BAD_REQUEST);
}
END_TEST

START_TEST(limit_request_body)
{
    apr_status_t rv;

    env.cdc->limit_req_body = 10;
    hdr("Content-Length", "11");
    fake_set_input(&env, "01234567890", 0);
    read_body(100, &rv);
    ck_assert_int_eq(rv, AP_FILTER_ERROR);
    ck_assert_int_eq(env.outc.error_status, HTTP_REQUEST_ENTITY_TOO_LARGE);
}
END_TEST

START_TEST(limit_request_body_chunked)
{
    env.cdc->limit_req_body = 10;
    expect_error("6\r\n012345\r\n6\r\n678901\r\n0\r\n\r\n",
                 HTTP_REQUEST_ENTITY_TOO_LARGE);
}
END_TEST

START_TEST(premature_eof)
{
    apr_status_t rv;

    hdr("Content-Length", "10");
    fake_set_input(&env, "short", 0);
    read_body(100, &rv);
    ck_assert_int_ne(rv, APR_SUCCESS);
}
END_TEST

START_TEST(continue_sent_once)
{
    apr_status_t rv;

    env.r->expecting_100 = 1;
    hdr("Content-Length", "2");
    fake_set_input(&env, "ok", 0);
    ck_assert_str_eq(read_body(100, &rv), "ok");
    ck_assert_str_eq(fake_output_str(&env), "HTTP/1.1 100 Continue\r\n\r\n");
    ck_assert_int_eq(env.r->expecting_100, 0);
}
END_TEST

START_TEST(no_continue_after_error)
{
    apr_status_t rv;

    env.r->expecting_100 = 1;
    env.r->status = HTTP_UNAUTHORIZED;
    hdr("Content-Length", "2");
    fake_set_input(&env, "ok", 0);
    ck_assert_str_eq(read_body(100, &rv), "");
    ck_assert_str_eq(fake_output_str(&env), "");
    ck_assert_int_eq(env.c->keepalive, AP_CONN_CLOSE);
}
END_TEST

START_TEST(parse_chunk_size_unit)
{
    apr_off_t n;

    ck_assert_int_eq(ap__parse_chunk_size("1a", 2, &n), APR_SUCCESS);
    ck_assert_int_eq(n, 26);
    ck_assert_int_eq(ap__parse_chunk_size("FF;x=y", 6, &n), APR_SUCCESS);
    ck_assert_int_eq(n, 255);
    ck_assert_int_eq(ap__parse_chunk_size("0 ;a", 4, &n), APR_SUCCESS);
    ck_assert_int_eq(ap__parse_chunk_size("", 0, &n), APR_EINVAL);
    ck_assert_int_eq(ap__parse_chunk_size(" 1", 2, &n), APR_EINVAL);
    ck_assert_int_eq(ap__parse_chunk_size("1x", 2, &n), APR_EINVAL);
    ck_assert_int_eq(ap__parse_chunk_size("1;\001", 3, &n), APR_EINVAL);
    ck_assert_int_eq(ap__parse_chunk_size("8000000000000000", 16, &n),
                     APR_ENOSPC);
}
END_TEST

START_TEST(chunk_output_filter)
{
    ap_filter_rec_t rec;
    ap_filter_t f;
    apr_bucket_brigade *bb = apr_brigade_create(pool, env.c->bucket_alloc);

    memset(&rec, 0, sizeof(rec));
    memset(&f, 0, sizeof(f));
    rec.filter_func.out_func = ap_http_chunk_filter;
    f.frec = &rec;
    f.r = env.r;
    f.c = env.c;
    f.next = &env.out_f;
    env.r->output_filters = &f;
    apr_brigade_puts(bb, NULL, NULL, "hello world, 16!");
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_flush_create(bb->bucket_alloc));
    apr_brigade_puts(bb, NULL, NULL, "abc");
    ck_assert_int_eq(ap_pass_brigade(&f, bb), APR_SUCCESS);
    apr_table_setn(env.r->trailers_out, "X-Sum", "1");
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_eos_create(bb->bucket_alloc));
    ck_assert_int_eq(ap_pass_brigade(&f, bb), APR_SUCCESS);
    ck_assert_str_eq(fake_output_str(&env),
                     "10\r\nhello world, 16!\r\n3\r\nabc\r\n"
                     "0\r\nX-Sum: 1\r\n\r\n");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("chunked");
    TCase *tc = tcase_create("core");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, content_length);
    tcase_add_test(tc, no_body);
    tcase_add_test(tc, chunked_with_ext_and_trailers);
    tcase_add_test(tc, chunked_merge_trailers);
    tcase_add_test(tc, bad_chunk_size);
    tcase_add_test(tc, bare_lf_chunk_line);
    tcase_add_test(tc, missing_crlf_after_data);
    tcase_add_test(tc, chunk_size_overflow);
    tcase_add_test(tc, bad_trailer);
    tcase_add_test(tc, limit_request_body);
    tcase_add_test(tc, limit_request_body_chunked);
    tcase_add_test(tc, premature_eof);
    tcase_add_test(tc, continue_sent_once);
    tcase_add_test(tc, no_continue_after_error);
    tcase_add_test(tc, parse_chunk_size_unit);
    tcase_add_test(tc, chunk_output_filter);
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
