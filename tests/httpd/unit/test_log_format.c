/*
 * mod_log_config: LogFormat compilation (error texts as Debian's apache2
 * -t prints them), the %-directives on a synthetic request (expectations
 * from Debian's apache2 access logs: "-" for missing values, %b vs %B,
 * %q with its '?', status conditions, '<' / '>' on internal redirects,
 * %{...}t variants) and access-log escaping.
 */
#include "testutil.h"

#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "../../../httpd/modules/loggers/mod_log_config_private.h"

static server_rec *srv;
static conn_rec *conn;
static request_rec *req;

static request_rec *new_request(void)
{
    request_rec *r = apr_pcalloc(p, sizeof(*r));

    r->pool = p;
    r->connection = conn;
    r->server = srv;
    r->useragent_ip = conn->client_ip;
    r->useragent_addr = conn->client_addr;
    r->headers_in = apr_table_make(p, 4);
    r->headers_out = apr_table_make(p, 4);
    r->err_headers_out = apr_table_make(p, 4);
    r->notes = apr_table_make(p, 4);
    r->subprocess_env = apr_table_make(p, 4);
    r->request_config = apr_pcalloc(p, sizeof(void *) * 8);
    r->method = "GET";
    r->protocol = "HTTP/1.1";
    r->the_request = "GET /index.html?q=1 HTTP/1.1";
    r->uri = "/index.html";
    r->args = "q=1";
    r->status = 200;
    r->request_time = apr_time_from_sec(1000) + 123456;
    return r;
}

static void setup(void)
{
    apr_test_setup();
    log_config_module.module_index = 0;
    ap__lc_reset_handlers(p);
    ap__lc_register_builtins(p);
    srv = apr_pcalloc(p, sizeof(*srv));
    srv->server_hostname = "www.example.com";
    srv->keep_alive_max = 100;
    srv->port = 80;
    conn = apr_pcalloc(p, sizeof(*conn));
    conn->pool = p;
    conn->base_server = srv;
    conn->client_ip = "127.0.0.1";
    conn->local_ip = "127.0.0.2";
    apr_sockaddr_info_get(&conn->client_addr, "127.0.0.1", APR_INET, 48964,
                          0, p);
    apr_sockaddr_info_get(&conn->local_addr, "127.0.0.2", APR_INET, 80, 0,
                          p);
    conn->keepalives = 1;
    conn->keepalive = AP_CONN_KEEPALIVE;
    req = new_request();
}

/* The log line @a fmt gives for @a r (without its newline). */
static const char *render(request_rec *r, const char *fmt)
{
    const char *err;
    apr_array_header_t *a = ap__lc_parse_format(p, fmt, &err);
    const ap__lc_item *it;
    request_rec *orig = r, *last = r;
    char *out = "";
    int i;

    ck_assert_msg(a != NULL, "parse of '%s' failed: %s", fmt, err);
    while (orig->prev) {
        orig = orig->prev;
    }
    while (last->next) {
        last = last->next;
    }
    it = (const ap__lc_item *)a->elts;
    for (i = 0; i < a->nelts; i++) {
        out = apr_pstrcat(p, out, ap__lc_run_item(last, orig, &it[i]),
                          NULL);
    }
    ck_assert_int_eq(out[strlen(out) - 1], '\n');
    out[strlen(out) - 1] = '\0';
    return out;
}

static const char *parse_error(const char *fmt)
{
    const char *err;

    return ap__lc_parse_format(p, fmt, &err) ? "<ok>" : err;
}

START_TEST(parse_errors)
{
    ck_assert_str_eq(parse_error("%Z"), "Unrecognized LogFormat directive %Z");
    ck_assert_str_eq(parse_error("%{x"),
                     "Ran off end of LogFormat parsing args to some "
                     "directive");
    ck_assert_str_eq(parse_error("%h %!"),
                     "Ran off end of LogFormat parsing args to some "
                     "directive");
    ck_assert_str_eq(parse_error("%400,501{X}i %^ti %<s %>s"), "<ok>");
    ck_assert_str_eq(parse_error("combined"), "<ok>");
}
END_TEST

START_TEST(request_items)
{
    ck_assert_str_eq(render(req, "%a %{c}a %A %m %H %U %q \"%r\" %s"),
                     "127.0.0.1 127.0.0.1 127.0.0.2 GET HTTP/1.1 "
                     "/index.html ?q=1 \"GET /index.html?q=1 HTTP/1.1\" "
                     "200");
    req->args = NULL;
    ck_assert_str_eq(render(req, "[%q] %f %R %u %L %v"),
                     "[] - - - - www.example.com");
    ck_assert_str_eq(render(req, "%p %{local}p %{remote}p %{bogus}p"),
                     "80 80 48964 bogus");
}
END_TEST

START_TEST(bytes)
{
    ck_assert_str_eq(render(req, "%b %B"), "- 0");
    req->sent_bodyct = 1;
    req->bytes_sent = 236;
    ck_assert_str_eq(render(req, "%b %B"), "236 236");
}
END_TEST

START_TEST(users_and_connection)
{
    req->user = "";
    ck_assert_str_eq(render(req, "%u"), "\"\"");
    req->user = "bob";
    ck_assert_str_eq(render(req, "%u %k %X"), "bob 0 +");
    conn->keepalives = 4;
    conn->keepalive = AP_CONN_CLOSE;
    ck_assert_str_eq(render(req, "%k %X"), "3 -");
    conn->aborted = 1;
    ck_assert_str_eq(render(req, "%X"), "X");
}
END_TEST

START_TEST(tables)
{
    apr_table_setn(req->headers_in, "User-Agent", "a\"b\\c");
    apr_table_setn(req->headers_in, "Cookie",
                   "a=1; foo = bar baz ; c=3");
    apr_table_setn(req->notes, "n1", "note");
    apr_table_setn(req->subprocess_env, "E1", "env");
    apr_table_addn(req->headers_out, "Set-Cookie", "x=1");
    apr_table_addn(req->headers_out, "Set-Cookie", "y=2");
    req->content_type = "text/html; charset=UTF-8";
    ck_assert_str_eq(render(req, "\"%{User-agent}i\" %{X-None}i"),
                     "\"a\\\"b\\\\c\" -");
    ck_assert_str_eq(render(req, "%{foo}C|%{c}C|%{zz}C"), "bar baz|3|-");
    ck_assert_str_eq(render(req, "%{n1}n %{E1}e %{none}e"), "note env -");
    ck_assert_str_eq(render(req, "%{Content-Type}o|%{Set-Cookie}o"),
                     "text/html|x=1, y=2");
}
END_TEST

START_TEST(conditions)
{
    apr_table_setn(req->headers_in, "User-Agent", "curl");
    req->status = 404;
    ck_assert_str_eq(render(req, "%400,501{User-agent}i %!200{User-agent}i"),
                     "- curl");
    req->status = 501;
    ck_assert_str_eq(render(req, "%400,501{User-agent}i %!200,501{User-agent}i"),
                     "curl -");
}
END_TEST

START_TEST(redirects)
{
    request_rec *next = new_request();

    req->status = 302;
    req->uri = "/old";
    req->next = next;
    next->prev = req;
    next->status = 200;
    next->uri = "/new";
    /* %s and %U default to the original request, %>s to the final one */
    ck_assert_str_eq(render(req, "%s %>s %<s %U %>U"), "302 200 302 /old /new");
}
END_TEST

START_TEST(times)
{
    const char *clf;

    ck_assert_str_eq(render(req, "%{sec}t %{msec}t %{usec}t"),
                     "1000 1000123 1000123456");
    ck_assert_str_eq(render(req, "%{msec_frac}t %{usec_frac}t"),
                     "123 123456");
    ck_assert_str_eq(render(req, "%{begin:sec}t"), "1000");
    /* "[01/Jan/1970:00:16:40 +0000]" in UTC: bracketed, fixed width */
    clf = render(req, "%t");
    ck_assert_int_eq(strlen(clf), 28);
    ck_assert_int_eq(clf[0], '[');
    ck_assert_int_eq(clf[3], '/');
    ck_assert_int_eq(clf[21], ' ');
    ck_assert_int_eq(clf[27], ']');
    ck_assert_int_eq(strlen(render(req, "%{%Y-%m}t")), 7);
}
END_TEST

START_TEST(durations)
{
    req->request_time = apr_time_now() - apr_time_from_sec(5);
    ck_assert_str_eq(render(req, "%T %{s}T"), "5 5");
    ck_assert_int_ge(atoi(render(req, "%{ms}T")), 5000);
    ck_assert_int_ge(atol(render(req, "%D")), 5000000);
}
END_TEST

START_TEST(literals)
{
    ck_assert_str_eq(render(req, "100%% a\\tb\\\\c \\q"),
                     "100% a\tb\\c \\q");
}
END_TEST

START_TEST(escaping)
{
    const char *plain = "GET / HTTP/1.1";

    /* nothing to escape: the same string, no copy */
    ck_assert_ptr_eq(ap__lc_escape(p, plain), plain);
    ck_assert_ptr_null(ap__lc_escape(p, NULL));
    ck_assert_str_eq(ap__lc_escape(p, "a\"b\\c"), "a\\\"b\\\\c");
    ck_assert_str_eq(ap__lc_escape(p, "/\x01\xff\n\t"),
                     "/\\x01\\xff\\n\\t");
    ck_assert_str_eq(ap__lc_escape(p, "d\xc3\xa9"), "d\\xc3\\xa9");
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("log_format");
    TCase *tc = tcase_create("logformat");

    tcase_add_checked_fixture(tc, setup, apr_test_teardown);
    tcase_add_test(tc, parse_errors);
    tcase_add_test(tc, request_items);
    tcase_add_test(tc, bytes);
    tcase_add_test(tc, users_and_connection);
    tcase_add_test(tc, tables);
    tcase_add_test(tc, conditions);
    tcase_add_test(tc, redirects);
    tcase_add_test(tc, times);
    tcase_add_test(tc, durations);
    tcase_add_test(tc, literals);
    tcase_add_test(tc, escaping);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
