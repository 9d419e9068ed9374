/* test_protocol_read_request.c: ap_read_request end to end over a fake
 * connection, with the filters http_core would add (CONTENT_LENGTH,
 * HTTP_HEADER, HTTP_IN): good requests, blank lines before the request
 * line, and the refusals Debian's apache2 sends (400, 414, 417) with
 * "Connection: close". */
#include <check.h>
#include <stdlib.h>

#include "apr_hooks.h"
#include "http_request.h"
#include "mod_core.h"
#include "test_protocol_fake.h"

static apr_pool_t *pool;
static fake_env env;
static ap_filter_rec_t *cl_handle, *hdr_handle;

/* What core + http_core do in create_request: the core's request config
 * and the protocol output filters. */
static int create_request(request_rec *r)
{
    void **rconf = apr_pcalloc(r->pool, sizeof(void *) * 64);

    rconf[0] = apr_pcalloc(r->pool, sizeof(core_request_config));
    r->request_config = (ap_conf_vector_t *)rconf;
    ap_add_output_filter_handle(cl_handle, NULL, r, r->connection);
    ap_add_output_filter_handle(hdr_handle, NULL, r, r->connection);
    return OK;
}

static void setup(void)
{
    static apr_pool_t *global;

    /* hooks and filter registrations outlive each test: keep them in one
     * pool for the whole run (also when Check does not fork) */
    if (global == NULL) {
        apr_initialize();
        apr_pool_create(&global, NULL);
        apr_hook_global_pool = global;
        ap_hook_create_request(create_request, NULL, NULL, APR_HOOK_MIDDLE);
    }
    apr_pool_create(&pool, NULL);
    fake_env_init(&env, pool);
    ap_old_write_func = ap_register_output_filter("OLD_WRITE",
        ap_old_write_filter, NULL, AP_FTYPE_RESOURCE - 10);
    ap_chunk_filter_handle = ap_register_output_filter("CHUNK",
        ap_http_chunk_filter, NULL, AP_FTYPE_TRANSCODE);
    cl_handle = ap_register_output_filter("CONTENT_LENGTH",
        ap_content_length_filter, NULL, AP_FTYPE_PROTOCOL);
    hdr_handle = ap_register_output_filter("HTTP_HEADER",
        ap_http_header_filter, NULL, AP_FTYPE_PROTOCOL);
    ap_http_input_filter_handle = ap_register_input_filter("HTTP_IN",
        ap_http_filter, NULL, AP_FTYPE_PROTOCOL);
}

static void teardown(void)
{
    apr_pool_destroy(pool);
}

static request_rec *read_req(const char *input)
{
    fake_set_input(&env, input, 5);
    return ap_read_request(env.c);
}

START_TEST(good_request)
{
    request_rec *r = read_req("\r\nGET /a?b HTTP/1.1\r\nHost: localhost\r\n"
                              "Content-Length: 3\r\n\r\nabcNEXT");

    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(r->the_request, "GET /a?b HTTP/1.1");
    ck_assert_str_eq(r->uri, "/a");
    ck_assert_str_eq(r->args, "b");
    ck_assert_str_eq(apr_table_get(r->headers_in, "Content-Length"), "3");
    ck_assert_int_eq(r->status, HTTP_OK);
    ck_assert_int_ne(r->request_time, 0);
    /* the body is read through HTTP_IN, then the next request remains */
    ck_assert_int_eq(ap_discard_request_body(r), OK);
    ck_assert_str_eq(env.in.data + env.in.pos, "NEXT");
}
END_TEST

START_TEST(closed_connection_is_silent)
{
    ck_assert_ptr_null(read_req(""));
    ck_assert_str_eq(fake_output_str(&env), "");
}
END_TEST

static const char *refused(const char *input)
{
    ck_assert_ptr_null(read_req(input));
    return fake_output_str(&env);
}

START_TEST(uri_too_long)
{
    const char *resp;

    env.s->limit_req_line = 20;
    resp = refused("GET /0123456789012345678 HTTP/1.1\r\n\r\n");
    ck_assert_ptr_nonnull(strstr(resp, "HTTP/1.1 414 Request-URI Too Long"));
    ck_assert_ptr_nonnull(strstr(resp, "\r\nConnection: close\r\n"));
    ck_assert_int_eq(env.c->keepalive, AP_CONN_CLOSE);
}
END_TEST

START_TEST(bad_request_line)
{
    const char *resp = refused("GET  / HTTP/1.1\r\n\r\n");

    ck_assert_ptr_nonnull(strstr(resp, "HTTP/1.1 400 Bad Request\r\n"));
    ck_assert_ptr_nonnull(strstr(resp, "Content-Length: 266\r\n"));
}
END_TEST

START_TEST(header_field_too_long)
{
    const char *resp;

    env.s->limit_req_fieldsize = 10;
    resp = refused("GET / HTTP/1.1\r\nX: 0123456789\r\n\r\n");
    ck_assert_ptr_nonnull(strstr(resp, "HTTP/1.1 400 Bad Request\r\n"));
    ck_assert_ptr_nonnull(strstr(resp, "Size of a request header field "
                                       "exceeds server limit.</p>"));
}
END_TEST

START_TEST(unknown_transfer_coding)
{
    const char *resp = refused("POST / HTTP/1.1\r\nHost: x\r\n"
                               "Transfer-Encoding: gzip\r\n\r\n");

    ck_assert_ptr_nonnull(strstr(resp, "HTTP/1.1 400 Bad Request\r\n"));
}
END_TEST

START_TEST(missing_host_in_http11)
{
    const char *resp = refused("GET / HTTP/1.1\r\n\r\n");

    ck_assert_ptr_nonnull(strstr(resp, "HTTP/1.1 400 Bad Request\r\n"));
}
END_TEST

START_TEST(bad_expectation)
{
    const char *resp = refused("GET / HTTP/1.1\r\nHost: localhost\r\n"
                               "Expect: foo\r\n\r\n");

    ck_assert_ptr_nonnull(strstr(resp, "HTTP/1.1 417 Expectation Failed"));
    ck_assert_ptr_nonnull(strstr(resp, "    Expect: foo\n</pre>"));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("protocol_read_request");
    TCase *tc = tcase_create("core");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, good_request);
    tcase_add_test(tc, closed_connection_is_silent);
    tcase_add_test(tc, uri_too_long);
    tcase_add_test(tc, bad_request_line);
    tcase_add_test(tc, header_field_too_long);
    tcase_add_test(tc, unknown_transfer_coding);
    tcase_add_test(tc, missing_host_in_http11);
    tcase_add_test(tc, bad_expectation);
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
