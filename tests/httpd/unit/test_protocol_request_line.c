/* test_protocol_request_line.c: ap_parse_request_line / ap_parse_uri under
 * HttpProtocolOptions (Strict|Unsafe, RegisteredMethods, Allow0.9|
 * Require1.0), with the outcomes Debian's apache2 2.4 gives. */
#include <check.h>
#include <stdlib.h>

#include "test_protocol_fake.h"

static apr_pool_t *pool;
static fake_env env;

static void setup(void)
{
    apr_initialize();
    apr_pool_create(&pool, NULL);
    fake_env_init(&env, pool);
    env.r->method = NULL;
    env.r->protocol = NULL;
    env.r->method_number = M_INVALID;
    env.r->proto_num = 0;
}

static void teardown(void)
{
    apr_pool_destroy(pool);
    apr_terminate();
}

static int parse(const char *line)
{
    env.r->the_request = apr_pstrdup(pool, line);
    return ap_parse_request_line(env.r);
}

START_TEST(simple_get)
{
    ck_assert_int_eq(parse("GET /index.html HTTP/1.1"), 1);
    ck_assert_str_eq(env.r->method, "GET");
    ck_assert_int_eq(env.r->method_number, M_GET);
    ck_assert_int_eq(env.r->header_only, 0);
    ck_assert_int_eq(env.r->proto_num, HTTP_VERSION(1, 1));
    ck_assert_str_eq(env.r->protocol, "HTTP/1.1");
    ck_assert_str_eq(env.r->uri, "/index.html");
    ck_assert_str_eq(env.r->unparsed_uri, "/index.html");
    ck_assert_ptr_null(env.r->args);
    ck_assert_int_eq(env.r->assbackwards, 0);
}
END_TEST

START_TEST(head_and_args)
{
    ck_assert_int_eq(parse("HEAD /a/b?x=1&y HTTP/1.0"), 1);
    ck_assert_str_eq(env.r->method, "HEAD");
    ck_assert_int_eq(env.r->method_number, M_GET);
    ck_assert_int_eq(env.r->header_only, 1);
    ck_assert_int_eq(env.r->proto_num, HTTP_VERSION(1, 0));
    ck_assert_str_eq(env.r->uri, "/a/b");
    ck_assert_str_eq(env.r->args, "x=1&y");
}
END_TEST

START_TEST(absolute_form)
{
    ck_assert_int_eq(parse("GET http://Example.COM:8080/x?q HTTP/1.1"), 1);
    ck_assert_str_eq(env.r->hostname, "Example.COM");
    ck_assert_str_eq(env.r->uri, "/x");
    ck_assert_str_eq(env.r->args, "q");
    ck_assert_int_eq(env.r->parsed_uri.port, 8080);
}
END_TEST

START_TEST(other_methods)
{
    ck_assert_int_eq(parse("OPTIONS * HTTP/1.1"), 1);
    ck_assert_int_eq(env.r->method_number, M_OPTIONS);
    ck_assert_int_eq(parse("PROPFIND /d HTTP/1.1"), 1);
    ck_assert_int_eq(env.r->method_number, M_PROPFIND);
    ck_assert_int_eq(parse("VERSION-CONTROL /d HTTP/1.1"), 1);
    ck_assert_int_eq(env.r->method_number, M_VERSION_CONTROL);
}
END_TEST

START_TEST(unknown_method_lenient_and_registered)
{
    /* LenientMethods (default): the handler answers 501 later */
    ck_assert_int_eq(parse("FOO / HTTP/1.1"), 1);
    ck_assert_int_eq(env.r->method_number, M_INVALID);
    ck_assert_str_eq(env.r->method, "FOO");
    /* methods are case-sensitive: "get" is unknown, as in Apache */
    ck_assert_int_eq(parse("get / HTTP/1.1"), 1);
    ck_assert_int_eq(env.r->method_number, M_INVALID);

    env.csc->http_methods = AP_HTTP_METHODS_REGISTERED;
    env.r->status = HTTP_OK;
    ck_assert_int_eq(parse("FOO / HTTP/1.1"), 0);
    ck_assert_int_eq(env.r->status, HTTP_NOT_IMPLEMENTED);
}
END_TEST

START_TEST(registered_extension_method)
{
    int n;

    ap_method_registry_init(pool);
    n = ap_method_register(pool, "BREW");
    ck_assert_int_gt(n, M_INVALID);
    ck_assert_int_eq(ap_method_register(pool, "BREW"), n);
    ck_assert_int_eq(ap_method_number_of("BREW"), n);
    ck_assert_str_eq(ap_method_name_of(pool, n), "BREW");
    env.csc->http_methods = AP_HTTP_METHODS_REGISTERED;
    ck_assert_int_eq(parse("BREW /pot HTTP/1.1"), 1);
    ck_assert_int_eq(env.r->method_number, n);
}
END_TEST

START_TEST(strict_whitespace)
{
    ck_assert_int_eq(parse("GET  / HTTP/1.1"), 0);
    ck_assert_int_eq(env.r->status, HTTP_BAD_REQUEST);
    env.r->status = HTTP_OK;
    ck_assert_int_eq(parse("GET / HTTP/1.1 "), 0);
    env.r->status = HTTP_OK;
    ck_assert_int_eq(parse(" GET / HTTP/1.1"), 0);
    env.r->status = HTTP_OK;
    ck_assert_int_eq(parse("GET\t/ HTTP/1.1"), 0);
    env.r->status = HTTP_OK;
    ck_assert_int_eq(parse("GET / HTTP/1.1 junk"), 0);
}
END_TEST

START_TEST(unsafe_whitespace)
{
    env.csc->http_conformance = AP_HTTP_CONFORMANCE_UNSAFE;
    ck_assert_int_eq(parse("GET  /x \t HTTP/1.1"), 1);
    ck_assert_str_eq(env.r->uri, "/x");
    ck_assert_int_eq(env.r->proto_num, HTTP_VERSION(1, 1));
    ck_assert_int_eq(parse("GET / http/1.0"), 1);
    ck_assert_int_eq(env.r->proto_num, HTTP_VERSION(1, 0));
    ck_assert_int_eq(parse("GET / HTTP/1.10"), 1);
    ck_assert_int_eq(env.r->proto_num, HTTP_VERSION(1, 10));
}
END_TEST

START_TEST(bad_protocols)
{
    ck_assert_int_eq(parse("GET / http/1.1"), 0);
    ck_assert_int_eq(env.r->status, HTTP_BAD_REQUEST);
    env.r->status = HTTP_OK;
    ck_assert_int_eq(parse("GET / HTTP/2.0"), 0); /* Debian: 400 */
    env.r->status = HTTP_OK;
    ck_assert_int_eq(parse("GET / HTTP/1"), 0);
    env.r->status = HTTP_OK;
    ck_assert_int_eq(parse("GET / FOO/1.1"), 0);
    env.r->status = HTTP_OK;
    ck_assert_int_eq(parse("GET / HTTP/1.2"), 1);
    ck_assert_int_eq(env.r->proto_num, HTTP_VERSION(1, 2));
}
END_TEST

START_TEST(control_chars_in_target)
{
    ck_assert_int_eq(parse("GET /a\001b HTTP/1.1"), 0);
    ck_assert_int_eq(env.r->status, HTTP_BAD_REQUEST);
    env.r->status = HTTP_OK;
    ck_assert_int_eq(parse("G(T / HTTP/1.1"), 0);
    env.r->status = HTTP_OK;
    ck_assert_int_eq(parse(""), 0);
    env.r->status = HTTP_OK;
    ck_assert_int_eq(parse("GET"), 0);
}
END_TEST

START_TEST(http09)
{
    ck_assert_int_eq(parse("GET /index.html"), 1);
    ck_assert_int_eq(env.r->assbackwards, 1);
    ck_assert_int_eq(env.r->proto_num, HTTP_VERSION(0, 9));
    ck_assert_str_eq(env.r->protocol, "HTTP/0.9");

    env.r->assbackwards = 0;
    ck_assert_int_eq(parse("POST /index.html"), 0); /* only GET in 0.9 */
    ck_assert_int_eq(env.r->status, HTTP_BAD_REQUEST);

    env.r->status = HTTP_OK;
    env.r->assbackwards = 0;
    env.csc->http09_enable = AP_HTTP09_DISABLE;  /* Require1.0 */
    ck_assert_int_eq(parse("GET /index.html"), 0);
    ck_assert_int_eq(env.r->status, HTTP_BAD_REQUEST);
    /* the error response must not be a 0.9 one */
    ck_assert_int_eq(env.r->assbackwards, 0);
    ck_assert_int_eq(env.r->proto_num, HTTP_VERSION(1, 0));
}
END_TEST

START_TEST(method_list_api)
{
    ap_method_list_t *ml = ap_make_method_list(pool, 2);
    ap_method_list_t *cp = ap_make_method_list(pool, 2);

    ap_method_list_add(ml, "GET");
    ap_method_list_add(ml, "X-CUSTOM");
    ck_assert(ap_method_in_list(ml, "GET"));
    ck_assert(ap_method_in_list(ml, "HEAD")); /* HEAD is GET */
    ck_assert(ap_method_in_list(ml, "X-CUSTOM"));
    ck_assert(!ap_method_in_list(ml, "PUT"));
    ap_copy_method_list(cp, ml);
    ap_method_list_remove(ml, "X-CUSTOM");
    ck_assert(!ap_method_in_list(ml, "X-CUSTOM"));
    ck_assert(ap_method_in_list(cp, "X-CUSTOM"));
    ap_clear_method_list(cp);
    ck_assert(!ap_method_in_list(cp, "GET"));
}
END_TEST

START_TEST(status_lines)
{
    ck_assert_str_eq(ap_get_status_line(200), "200 OK");
    ck_assert_str_eq(ap_get_status_line(404), "404 Not Found");
    ck_assert_str_eq(ap_get_status_line(416),
                     "416 Requested Range Not Satisfiable");
    ck_assert_str_eq(ap_get_status_line(226), "226 IM Used");
    ck_assert_str_eq(ap_get_status_line(511),
                     "511 Network Authentication Required");
    ck_assert_str_eq(ap_get_status_line(999), "500 Internal Server Error");
    ck_assert_str_eq(ap_get_status_line(499), "400 Bad Request");
    ck_assert_str_eq(ap_get_status_line_ex(pool, 499), "499 Status 499");
    ck_assert_int_eq(ap_index_of_response(100), 0);
    ck_assert_int_lt(ap_index_of_response(511), RESPONSE_CODES);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("protocol_request_line");
    TCase *tc = tcase_create("core");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, simple_get);
    tcase_add_test(tc, head_and_args);
    tcase_add_test(tc, absolute_form);
    tcase_add_test(tc, other_methods);
    tcase_add_test(tc, unknown_method_lenient_and_registered);
    tcase_add_test(tc, registered_extension_method);
    tcase_add_test(tc, strict_whitespace);
    tcase_add_test(tc, unsafe_whitespace);
    tcase_add_test(tc, bad_protocols);
    tcase_add_test(tc, control_chars_in_target);
    tcase_add_test(tc, http09);
    tcase_add_test(tc, method_list_api);
    tcase_add_test(tc, status_lines);
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
