/* test_protocol_response.c: the response side: HTTP_HEADER (status line,
 * Date, Server, keep-alive, chunking decision, HEAD, 304) and the default
 * error pages of ap_send_error_response, compared with the bodies Debian's
 * apache2 2.4 sends. */
#include <check.h>
#include <stdlib.h>

#include "apr_hooks.h"
#include "mod_core.h"
#include "protocol_private.h"
#include "test_protocol_fake.h"

#define HEAD_4_01 "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" " \
    "\"http://www.w3.org/TR/html4/strict.dtd\">\n<html><head>\n"

static apr_pool_t *pool;
static fake_env env;
static ap_filter_rec_t hdr_rec, cl_rec;
static ap_filter_t hdr_f, cl_f;

static void setup(void)
{
    apr_initialize();
    apr_pool_create(&pool, NULL);
    fake_env_init(&env, pool);
    /* what http_core / core register at start-up (in the hook pool) */
    apr_hook_global_pool = pool;
    ap_old_write_func = ap_register_output_filter("OLD_WRITE",
        ap_old_write_filter, NULL, AP_FTYPE_RESOURCE - 10);
    ap_chunk_filter_handle = ap_register_output_filter("CHUNK",
        ap_http_chunk_filter, NULL, AP_FTYPE_TRANSCODE);
    memset(&hdr_f, 0, sizeof(hdr_f));
    hdr_rec.name = "HTTP_HEADER";
    hdr_rec.filter_func.out_func = ap_http_header_filter;
    hdr_f.frec = &hdr_rec;
    hdr_f.r = env.r;
    hdr_f.c = env.c;
    hdr_f.next = &env.out_f;
    /* CONTENT_LENGTH -> HTTP_HEADER -> capture, as http_core sets up */
    memset(&cl_f, 0, sizeof(cl_f));
    cl_rec.name = "CONTENT_LENGTH";
    cl_rec.ftype = AP_FTYPE_PROTOCOL;
    hdr_rec.ftype = AP_FTYPE_PROTOCOL;
    cl_rec.filter_func.out_func = ap_content_length_filter;
    cl_f.frec = &cl_rec;
    cl_f.r = env.r;
    cl_f.c = env.c;
    cl_f.next = &hdr_f;
    env.r->output_filters = &cl_f;
    env.r->proto_output_filters = &cl_f;
    env.r->the_request = (char *)"GET /x HTTP/1.1";
    env.r->uri = (char *)"/x";
    env.s->server_admin = (char *)"me@<x>";
    apr_table_setn(env.r->headers_in, "Host", "localhost");
}

static void teardown(void)
{
    apr_pool_destroy(pool);
    apr_terminate();
}

/* The body after the blank line. */
static const char *body_of(const char *resp)
{
    const char *p = strstr(resp, "\r\n\r\n");

    return p ? p + 4 : "";
}

static const char *error_page(int status)
{
    env.r->status = status;
    ap_send_error_response(env.r, 0);
    return fake_output_str(&env);
}

START_TEST(not_found_page)
{
    const char *resp = error_page(HTTP_NOT_FOUND);

    ck_assert_ptr_nonnull(strstr(resp, "HTTP/1.1 404 Not Found\r\n"));
    ck_assert_ptr_nonnull(strstr(resp, "\r\nDate: "));
    ck_assert_ptr_nonnull(strstr(resp, "\r\nContent-Type: text/html; "
                                       "charset=iso-8859-1\r\n"));
    ck_assert_str_eq(body_of(resp), HEAD_4_01
        "<title>404 Not Found</title>\n</head><body>\n"
        "<h1>Not Found</h1>\n"
        "<p>The requested URL was not found on this server.</p>\n"
        "</body></html>\n");
}
END_TEST

START_TEST(redirect_page_escapes_location)
{
    const char *resp;

    apr_table_setn(env.r->headers_out, "Location", "http://localhost/y\"<z>");
    resp = error_page(HTTP_MOVED_PERMANENTLY);
    ck_assert_ptr_nonnull(strstr(resp,
        "\r\nLocation: http://localhost/y\"<z>\r\n"));
    ck_assert_str_eq(body_of(resp), HEAD_4_01
        "<title>301 Moved Permanently</title>\n</head><body>\n"
        "<h1>Moved Permanently</h1>\n<p>The document has moved <a href=\""
        "http://localhost/y&quot;&lt;z&gt;\">here</a>.</p>\n"
        "</body></html>\n");
}
END_TEST

START_TEST(bad_request_with_notes)
{
    const char *resp;

    apr_table_setn(env.r->notes, "error-notes",
                   "Size of a request header field exceeds server limit.");
    resp = error_page(HTTP_BAD_REQUEST);
    ck_assert_str_eq(body_of(resp), HEAD_4_01
        "<title>400 Bad Request</title>\n</head><body>\n"
        "<h1>Bad Request</h1>\n"
        "<p>Your browser sent a request that this server could not "
        "understand.<br />\n"
        "Size of a request header field exceeds server limit.</p>\n"
        "</body></html>\n");
}
END_TEST

START_TEST(server_error_page)
{
    const char *resp = error_page(HTTP_INTERNAL_SERVER_ERROR);

    ck_assert_ptr_nonnull(strstr(body_of(resp),
        "<p>Please contact the server administrator at \n"
        " me@&lt;x&gt; to inform them of the time this error occurred,\n"
        " and the actions you performed just before this error.</p>\n"));
}
END_TEST

START_TEST(method_not_allowed_has_allow)
{
    const char *resp;

    env.r->method = "PUT";
    env.r->method_number = M_PUT;
    env.r->allowed = (AP_METHOD_BIT << M_GET) | (AP_METHOD_BIT << M_POST)
                     | (AP_METHOD_BIT << M_OPTIONS);
    resp = error_page(HTTP_METHOD_NOT_ALLOWED);
    ck_assert_ptr_nonnull(strstr(resp,
        "\r\nAllow: GET,POST,OPTIONS,HEAD,TRACE\r\n"));
    ck_assert_ptr_nonnull(strstr(body_of(resp),
        "<p>The requested method PUT is not allowed for this URL.</p>\n"));
}
END_TEST

START_TEST(expectation_failed_page)
{
    const char *resp;

    apr_table_setn(env.r->headers_in, "Expect", "foo<");
    resp = error_page(HTTP_EXPECTATION_FAILED);
    ck_assert_ptr_nonnull(strstr(body_of(resp),
        "The client sent<pre>\n    Expect: foo&lt;\n</pre>\n"
        "</p><p>Only the 100-continue expectation is supported.</p>\n"));
}
END_TEST

START_TEST(errordocument_string)
{
    /* ap_response_code_string() is CORE's; a string ErrorDocument starts
     * with a quote, and only the text after it is sent */
    core_request_config *rc = env.crc;

    rc->response_code_strings = apr_pcalloc(pool, sizeof(char *)
                                                  * RESPONSE_CODES);
    rc->response_code_strings[ap_index_of_response(404)] =
        (char *)"\"gone fishing";
    ck_assert_str_eq(body_of(error_page(HTTP_NOT_FOUND)), "gone fishing");
}
END_TEST

static const char *send_body(const char *body, int with_eos)
{
    apr_bucket_brigade *bb = apr_brigade_create(pool, env.c->bucket_alloc);

    if (body) {
        apr_brigade_puts(bb, NULL, NULL, body);
    }
    if (with_eos) {
        APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_eos_create(bb->bucket_alloc));
    }
    ap_pass_brigade(env.r->output_filters, bb);
    return fake_output_str(&env);
}

START_TEST(http10_keepalive)
{
    const char *resp;

    env.r->proto_num = HTTP_VERSION(1, 0);
    apr_table_setn(env.r->headers_in, "Connection", "keep-alive");
    ap_set_content_length(env.r, 5);
    resp = send_body("hello", 1);
    ck_assert_ptr_nonnull(strstr(resp, "HTTP/1.1 200 OK\r\n"));
    ck_assert_ptr_nonnull(strstr(resp,
        "\r\nKeep-Alive: timeout=5, max=100\r\nConnection: Keep-Alive\r\n"));
    ck_assert_str_eq(body_of(resp), "hello");
    ck_assert_int_eq(env.c->keepalive, AP_CONN_KEEPALIVE);
    ck_assert_int_eq(env.c->keepalives, 1);
}
END_TEST

START_TEST(http10_without_length_closes)
{
    const char *resp;

    env.r->proto_num = HTTP_VERSION(1, 0);
    apr_table_setn(env.r->headers_in, "Connection", "keep-alive");
    resp = send_body("hello", 0);
    ck_assert_ptr_nonnull(strstr(resp, "\r\nConnection: close\r\n"));
    ck_assert_int_eq(env.c->keepalive, AP_CONN_CLOSE);
}
END_TEST

START_TEST(http11_unknown_length_is_chunked)
{
    env.r->content_type = "text/plain";
    send_body(NULL, 0);
    ck_assert_int_eq(env.r->chunked, 1);
    ck_assert_ptr_nonnull(strstr(fake_output_str(&env),
        "\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"));
}
END_TEST

START_TEST(head_has_no_body)
{
    const char *resp;

    env.r->header_only = 1;
    ap_set_content_length(env.r, 5);
    resp = send_body("hello", 1);
    ck_assert_ptr_nonnull(strstr(resp, "\r\nContent-Length: 5\r\n"));
    ck_assert_str_eq(body_of(resp), "");
    ck_assert_int_eq(env.outc.eos, 1);
}
END_TEST

START_TEST(not_modified_drops_entity_headers)
{
    const char *resp;

    env.r->status = HTTP_NOT_MODIFIED;
    env.r->content_type = "text/html";
    apr_table_setn(env.r->headers_out, "ETag", "\"x\"");
    ap_set_content_length(env.r, 5);
    resp = send_body("hello", 1);
    ck_assert_ptr_nonnull(strstr(resp, "HTTP/1.1 304 Not Modified\r\n"));
    ck_assert_ptr_nonnull(strstr(resp, "\r\nETag: \"x\"\r\n"));
    ck_assert_ptr_null(strstr(resp, "Content-Length"));
    ck_assert_ptr_null(strstr(resp, "Content-Type"));
    ck_assert_str_eq(body_of(resp), "");
}
END_TEST

START_TEST(header_injection_gives_500)
{
    const char *resp;

    apr_table_setn(env.r->headers_out, "X-Bad", "a\r\nSet-Cookie: x=1");
    resp = send_body("hello", 1);
    ck_assert_ptr_null(strstr(resp, "Set-Cookie"));
    ck_assert_ptr_nonnull(strstr(resp, "500"));
}
END_TEST

START_TEST(interim_response)
{
    env.r->status = HTTP_CONTINUE;
    env.r->expecting_100 = 0;
    ap_send_interim_response(env.r, 0);
    ck_assert_str_eq(fake_output_str(&env), "");
    env.r->expecting_100 = 1;
    ap_send_interim_response(env.r, 0);
    ck_assert_str_eq(fake_output_str(&env), "HTTP/1.1 100 Continue\r\n\r\n");
}
END_TEST

START_TEST(content_type_charset)
{
    env.cdc->add_default_charset = ADD_DEFAULT_CHARSET_ON;
    env.cdc->add_default_charset_name = "utf-8";
    ck_assert_str_eq(ap_make_content_type(env.r, "text/html"),
                     "text/html; charset=utf-8");
    ck_assert_str_eq(ap_make_content_type(env.r, "text/plain; charset=x"),
                     "text/plain; charset=x");
    ck_assert_str_eq(ap_make_content_type(env.r, "image/png"), "image/png");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("protocol_response");
    TCase *tc = tcase_create("core");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, not_found_page);
    tcase_add_test(tc, redirect_page_escapes_location);
    tcase_add_test(tc, bad_request_with_notes);
    tcase_add_test(tc, server_error_page);
    tcase_add_test(tc, method_not_allowed_has_allow);
    tcase_add_test(tc, expectation_failed_page);
    tcase_add_test(tc, errordocument_string);
    tcase_add_test(tc, http10_keepalive);
    tcase_add_test(tc, http10_without_length_closes);
    tcase_add_test(tc, http11_unknown_length_is_chunked);
    tcase_add_test(tc, head_has_no_body);
    tcase_add_test(tc, not_modified_drops_entity_headers);
    tcase_add_test(tc, header_injection_gives_500);
    tcase_add_test(tc, interim_response);
    tcase_add_test(tc, content_type_charset);
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
