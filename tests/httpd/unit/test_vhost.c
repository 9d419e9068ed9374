/*
 * Virtual hosts: <VirtualHost> address parsing, the tables built by
 * ap_fini_vhost_config, the choice of a connection's base server by local
 * address and port, name-based selection by Host (ServerName, ServerAlias,
 * wildcards, case, trailing dot, port), Host validation (400 for
 * malformed names, as Apache), StrictHostCheck, ServerPath, and the -S
 * dump layout (compared with Debian's apache2 -S on the same layout).
 *
 * The configuration mirrors:
 *   ServerName main.example
 *   <VirtualHost *:8080>        ServerName a.example
 *       ServerAlias www.a.example *.wild.example      (test.conf:10)
 *   <VirtualHost *:8080>        ServerName b.example  (test.conf:14)
 *   <VirtualHost 127.0.0.1:8081> ServerName c.example (test.conf:17)
 *   <VirtualHost _default_:8082> (no ServerName)      (test.conf:20)
 */
#include "testutil.h"

#include <string.h>

#include "apr_strings.h"
#include "apr_file_io.h"
#include "apr_tables.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_vhost.h"
#include "core_private.h"

static server_rec *main_s, *va, *vb, *vc, *vd;

static server_rec *new_server(const char *name, int is_virtual)
{
    server_rec *s = apr_pcalloc(p, sizeof(*s));
    void **cfg = apr_pcalloc(p, sizeof(void *) * 4);

    s->is_virtual = (char)is_virtual;
    s->server_hostname = name ? apr_pstrdup(p, name) : NULL;
    s->names = apr_array_make(p, 2, sizeof(char *));
    s->wild_names = apr_array_make(p, 2, sizeof(char *));
    s->module_config = (ap_conf_vector_t *)cfg;
    /* the core's server config sits at index 0 (AP_CORE_MODULE_INDEX) */
    cfg[0] = ap__core_create_server_config(p, s);
    return s;
}

static server_rec *add_vhost(const char *addrs, const char *name, int line)
{
    server_rec *s = new_server(name, 1);
    const char *err;

    s->port = main_s->port;
    err = ap_parse_vhost_addrs(p, addrs, s);
    ck_assert_msg(err == NULL, "%s: %s", addrs, err);
    s->defn_name = "test.conf";
    s->defn_line_number = line;
    /* <VirtualHost> pushes at the front, as core's section handler does */
    s->next = main_s->next;
    main_s->next = s;
    return s;
}

static void build(void)
{
    main_s = new_server("main.example", 0);
    main_s->port = 80;
    ap_init_vhost_config(p);
    va = add_vhost("*:8080", "a.example", 10);
    *(const char **)apr_array_push(va->names) = "www.a.example";
    *(const char **)apr_array_push(va->wild_names) = "*.wild.example";
    vb = add_vhost("*:8080", "b.example", 14);
    vc = add_vhost("127.0.0.1:8081", "c.example", 17);
    vd = add_vhost("_default_:8082", NULL, 20);
    ap_fini_vhost_config(p, main_s);
}

static conn_rec *new_conn(const char *ip, apr_port_t port)
{
    conn_rec *c = apr_pcalloc(p, sizeof(*c));

    c->pool = p;
    ck_assert_int_eq(apr_sockaddr_info_get(&c->local_addr, ip, APR_INET,
                                           port, 0, p), APR_SUCCESS);
    c->base_server = main_s;
    ap_update_vhost_given_ip(c);
    return c;
}

static request_rec *new_request(conn_rec *c, const char *host)
{
    request_rec *r = apr_pcalloc(p, sizeof(*r));

    r->pool = p;
    r->connection = c;
    r->server = c->base_server;
    r->status = HTTP_OK;
    r->headers_in = apr_table_make(p, 4);
    r->uri = "/";
    if (host) {
        apr_table_setn(r->headers_in, "Host", host);
    }
    return r;
}

/* Which server does a request with this Host on this port reach? */
static request_rec *route(apr_port_t port, const char *host)
{
    request_rec *r = new_request(new_conn("127.0.0.1", port), host);

    ap_update_vhost_from_headers(r);
    return r;
}

START_TEST(test_parse_addrs)
{
    server_rec *s;

    build();
    ck_assert_ptr_nonnull(va->addrs);
    ck_assert_int_eq(va->addrs->host_port, 8080);
    ck_assert_str_eq(va->addrs->virthost, "*");
    ck_assert_int_eq(va->port, 8080);
    ck_assert_str_eq(vc->addrs->virthost, "127.0.0.1");
    /* a port-less address inherits the main server's port */
    s = new_server("x", 1);
    s->port = 80;
    ck_assert_ptr_null(ap_parse_vhost_addrs(p, "127.0.0.1", s));
    ck_assert_int_eq(s->addrs->host_port, 80);
    /* "addr:*" is a wildcard port */
    s = new_server("y", 1);
    s->port = 80;
    ck_assert_ptr_null(ap_parse_vhost_addrs(p, "127.0.0.1:*", s));
    ck_assert_int_eq(s->addrs->host_port, 0);
    /* errors as Apache words them */
    s = new_server("z", 1);
    ck_assert_str_eq(ap_parse_vhost_addrs(p, "127.0.0.1:99999", s),
                     "The address or port is invalid");
    ck_assert_str_eq(ap_parse_vhost_addrs(p, ":80", s),
                     "The address or port is invalid");
    ck_assert_str_eq(ap_parse_vhost_addrs(p, "8080", s),
                     "Missing address for VirtualHost");
}
END_TEST

START_TEST(test_base_server_by_address)
{
    conn_rec *c;

    build();
    /* name-based *:8080: the first listed is the default */
    c = new_conn("127.0.0.1", 8080);
    ck_assert_ptr_eq(c->base_server, va);
    ck_assert_ptr_nonnull(c->vhost_lookup_data);
    /* IP-based 127.0.0.1:8081: one server, no name lookup */
    c = new_conn("127.0.0.1", 8081);
    ck_assert_ptr_eq(c->base_server, vc);
    ck_assert_ptr_null(c->vhost_lookup_data);
    /* 127.0.0.2:8081 is not that address: main server */
    c = new_conn("127.0.0.2", 8081);
    ck_assert_ptr_eq(c->base_server, main_s);
    /* _default_:8082 */
    c = new_conn("10.1.2.3", 8082);
    ck_assert_ptr_eq(c->base_server, vd);
    /* nothing on 9999 */
    c = new_conn("127.0.0.1", 9999);
    ck_assert_ptr_eq(c->base_server, main_s);
    ck_assert_ptr_null(c->vhost_lookup_data);
}
END_TEST

START_TEST(test_default_names)
{
    build();
    /* a wildcard vhost without ServerName takes the main server's */
    ck_assert_str_eq(vd->server_hostname, "main.example");
}
END_TEST

START_TEST(test_name_based)
{
    request_rec *r;

    build();
    ck_assert_ptr_eq(route(8080, "b.example")->server, vb);
    ck_assert_ptr_eq(route(8080, "a.example")->server, va);
    ck_assert_ptr_eq(route(8080, "www.a.example")->server, va);
    /* case and one trailing dot do not matter */
    r = route(8080, "B.Example.");
    ck_assert_ptr_eq(r->server, vb);
    ck_assert_str_eq(r->hostname, "b.example");
    /* wildcard alias */
    ck_assert_ptr_eq(route(8080, "x.wild.example")->server, va);
    ck_assert_ptr_eq(route(8080, "y.x.wild.example")->server, va);
    ck_assert_ptr_eq(route(8080, "wild.example")->server, va); /* default */
    /* unknown names and no Host at all get the default (first) vhost */
    ck_assert_ptr_eq(route(8080, "nope.example")->server, va);
    ck_assert_ptr_eq(route(8080, NULL)->server, va);
    /* names only count on their own address:port */
    ck_assert_ptr_eq(route(8081, "b.example")->server, vc);
}
END_TEST

START_TEST(test_host_port)
{
    request_rec *r;

    build();
    r = route(8080, "b.example:8080");
    ck_assert_ptr_eq(r->server, vb);
    ck_assert_str_eq(r->hostname, "b.example");
    ck_assert_int_eq(r->parsed_uri.port, 8080);
    ck_assert_str_eq(r->parsed_uri.port_str, "8080");
    /* the Host port does not select the vhost: the socket's port does */
    r = route(8080, "b.example:9999");
    ck_assert_ptr_eq(r->server, vb);
    /* IPv6 literal */
    r = route(8080, "[::1]:8080");
    ck_assert_int_eq(r->status, HTTP_OK);
    ck_assert_str_eq(r->hostname, "::1");
}
END_TEST

START_TEST(test_bad_hosts)
{
    static const char *const bad[] = {
        "a/b.example", "a\\b", "..example", "a..b.example", "1234",
        "1.2.3", "01.2.3.4", "bad,host.example", "exa mple", "[::1",
        "[1:2:3::4::5]", "host.123", NULL
    };
    int i;

    build();
    for (i = 0; bad[i]; i++) {
        request_rec *r = route(8080, bad[i]);
        ck_assert_msg(r->status == HTTP_BAD_REQUEST,
                      "Host '%s' gave %d, expected 400", bad[i], r->status);
    }
    /* what Apache accepts */
    ck_assert_int_eq(route(8080, "127.0.0.1")->status, HTTP_OK);
    ck_assert_int_eq(route(8080, "under_score.example")->status, HTTP_OK);
    ck_assert_int_eq(route(8080, "localhost")->status, HTTP_OK);
    ck_assert_int_eq(route(8080, "")->status, HTTP_OK);
}
END_TEST

START_TEST(test_unsafe_allows_numeric)
{
    core_server_config *sc;
    request_rec *r;

    build();
    r = new_request(new_conn("127.0.0.1", 8080), "1234");
    sc = ap_get_core_module_config(r->server->module_config);
    sc->http_conformance = AP_HTTP_CONFORMANCE_UNSAFE;
    ap_update_vhost_from_headers(r);
    ck_assert_int_eq(r->status, HTTP_OK);
    ck_assert_str_eq(r->hostname, "1234");
}
END_TEST

START_TEST(test_strict_host_check)
{
    request_rec *r;

    build();
    r = new_request(new_conn("127.0.0.1", 8080), "nope.example");
    ck_assert_int_eq(ap_update_vhost_from_headers_ex(r, 1), HTTP_BAD_REQUEST);
    r = new_request(new_conn("127.0.0.1", 8080), "b.example");
    ck_assert_int_eq(ap_update_vhost_from_headers_ex(r, 1), HTTP_OK);
    ck_assert_ptr_eq(r->server, vb);
    /* main server only: its own names */
    r = new_request(new_conn("127.0.0.1", 9999), "main.example");
    ck_assert_int_eq(ap_update_vhost_from_headers_ex(r, 1), HTTP_OK);
    r = new_request(new_conn("127.0.0.1", 9999), "other.example");
    ck_assert_int_eq(ap_update_vhost_from_headers_ex(r, 1), HTTP_BAD_REQUEST);
}
END_TEST

START_TEST(test_absolute_uri_wins)
{
    request_rec *r;

    build();
    r = new_request(new_conn("127.0.0.1", 8080), "a.example");
    r->hostname = "b.example";
    ap_update_vhost_from_headers(r);
    ck_assert_ptr_eq(r->server, vb);
    ck_assert_str_eq(apr_table_get(r->headers_in, "Host"), "b.example");
}
END_TEST

START_TEST(test_server_path)
{
    request_rec *r;

    build();
    vb->path = "/bee";
    vb->pathlen = 4;
    r = new_request(new_conn("127.0.0.1", 8080), NULL);
    r->uri = "/bee/x.html";
    ap_update_vhost_from_headers(r);
    ck_assert_ptr_eq(r->server, vb);
    r = new_request(new_conn("127.0.0.1", 8080), NULL);
    r->uri = "/beehive";
    ap_update_vhost_from_headers(r);
    ck_assert_ptr_eq(r->server, va);
}
END_TEST

START_TEST(test_matches_request_vhost)
{
    request_rec *r;

    build();
    r = route(8080, "b.example");
    ck_assert_int_eq(ap_matches_request_vhost(r, "b.example", 8080), 1);
    ck_assert_int_eq(ap_matches_request_vhost(r, "B.EXAMPLE", 8080), 1);
    ck_assert_int_eq(ap_matches_request_vhost(r, "b.example", 81), 0);
    ck_assert_int_eq(ap_matches_request_vhost(r, "a.example", 8080), 0);
    /* the <VirtualHost> address word itself ("*") with any port */
    r = route(8081, "c.example");
    ck_assert_int_eq(ap_matches_request_vhost(r, "127.0.0.1", 8081), 1);
    ck_assert_int_eq(ap_matches_request_vhost(r, "127.0.0.1", 8082), 0);
}
END_TEST

static int count_cb(void *baton, conn_rec *c, server_rec *s)
{
    apr_array_header_t *seen = baton;

    *(server_rec **)apr_array_push(seen) = s;
    return 0;
}

START_TEST(test_iterate_given_conn)
{
    apr_array_header_t *seen = apr_array_make(p, 4, sizeof(server_rec *));

    build();
    ck_assert_int_eq(ap_vhost_iterate_given_conn(new_conn("127.0.0.1", 8080),
                                                 count_cb, seen), 0);
    ck_assert_int_eq(seen->nelts, 2);
    ck_assert_ptr_eq(APR_ARRAY_IDX(seen, 0, server_rec *), va);
    ck_assert_ptr_eq(APR_ARRAY_IDX(seen, 1, server_rec *), vb);
    apr_array_clear(seen);
    ap_vhost_iterate_given_conn(new_conn("127.0.0.1", 8081), count_cb, seen);
    ck_assert_int_eq(seen->nelts, 1);
    ck_assert_ptr_eq(APR_ARRAY_IDX(seen, 0, server_rec *), vc);
}
END_TEST

START_TEST(test_dump_layout)
{
    const char *expected =
        "VirtualHost configuration:\n"
        "127.0.0.1:8081         c.example (test.conf:17)\n"
        "*:8080                 is a NameVirtualHost\n"
        "         default server a.example (test.conf:10)\n"
        "         port 8080 namevhost a.example (test.conf:10)\n"
        "                 alias www.a.example\n"
        "                 wild alias *.wild.example\n"
        "         port 8080 namevhost b.example (test.conf:14)\n"
        "*:8082                 main.example (test.conf:20)\n";
    char template[] = "/tmp/test_vhost_XXXXXX";
    char buf[2048];
    apr_size_t len = sizeof(buf) - 1;
    apr_off_t off = 0;
    apr_file_t *f;

    build();
    ck_assert_int_eq(apr_file_mktemp(&f, template,
                                     APR_FOPEN_CREATE | APR_FOPEN_READ
                                     | APR_FOPEN_WRITE
                                     | APR_FOPEN_DELONCLOSE, p),
                     APR_SUCCESS);
    ap__vhost_dump(f);
    apr_file_seek(f, APR_SET, &off);
    apr_file_read(f, buf, &len);
    buf[len] = '\0';
    ck_assert_str_eq(buf, expected);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("vhost");
    TCase *tc = apr_test_tcase("vhost");

    tcase_add_test(tc, test_parse_addrs);
    tcase_add_test(tc, test_base_server_by_address);
    tcase_add_test(tc, test_default_names);
    tcase_add_test(tc, test_name_based);
    tcase_add_test(tc, test_host_port);
    tcase_add_test(tc, test_bad_hosts);
    tcase_add_test(tc, test_unsafe_allows_numeric);
    tcase_add_test(tc, test_strict_host_check);
    tcase_add_test(tc, test_absolute_uri_wins);
    tcase_add_test(tc, test_server_path);
    tcase_add_test(tc, test_matches_request_vhost);
    tcase_add_test(tc, test_iterate_given_conn);
    tcase_add_test(tc, test_dump_layout);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
