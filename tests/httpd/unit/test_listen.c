/*
 * Listen and friends: parsing of "[addr:]port [protocol]" with Apache's
 * error texts (checked against Debian's apache2 -t), binding with
 * ap_setup_listeners, reuse of a bound socket across a restart
 * (ap_listen_pre_config + the same Listen again), closing of listeners
 * the new configuration dropped, and the buffer/backlog directives.
 */
#include "testutil.h"

#include <string.h>

#include "apr_strings.h"
#include "apr_network_io.h"

#include "httpd.h"
#include "http_config.h"
#include "ap_listen.h"
#include "mpm_common.h"
#include "mpm_private.h"

#define PORT_A 18391
#define PORT_B 18392

static process_rec proc;
static server_rec serv;
static command_rec cmdrec;
static ap_directive_t directive;
static apr_pool_t *ptemp;

static cmd_parms *make_cmd(const char *name)
{
    cmd_parms *cmd = apr_pcalloc(p, sizeof(*cmd));

    proc.pool = p;
    proc.pconf = p;
    serv.process = &proc;
    cmdrec.name = name;
    cmd->cmd = &cmdrec;
    cmd->pool = p;
    apr_pool_create(&ptemp, p);
    cmd->temp_pool = ptemp;
    cmd->server = &serv;
    cmd->limited = -1;
    directive.directive = name;
    cmd->directive = &directive;
    return cmd;
}

static const char *listen1(const char *a)
{
    char *argv[1];

    argv[0] = apr_pstrdup(p, a);
    return ap_set_listener(make_cmd("Listen"), NULL, 1, argv);
}

static const char *listen2(const char *a, const char *b)
{
    char *argv[2];

    argv[0] = apr_pstrdup(p, a);
    argv[1] = apr_pstrdup(p, b);
    return ap_set_listener(make_cmd("Listen"), NULL, 2, argv);
}

static int count_listeners(void)
{
    ap_listen_rec *lr;
    int n = 0;

    for (lr = ap_listeners; lr; lr = lr->next) {
        n++;
    }
    return n;
}

START_TEST(test_parse_addr)
{
    char *host;
    apr_port_t port;

    ck_assert_ptr_null(ap__listen_parse_addr(p, "8080", &host, &port));
    ck_assert_ptr_null(host);
    ck_assert_int_eq(port, 8080);
    ck_assert_ptr_null(ap__listen_parse_addr(p, "10.1.2.3:80", &host, &port));
    ck_assert_str_eq(host, "10.1.2.3");
    ck_assert_int_eq(port, 80);
    ck_assert_ptr_null(ap__listen_parse_addr(p, "[::1]:8080", &host, &port));
    ck_assert_str_eq(host, "::1");
    ck_assert_int_eq(port, 8080);
    ck_assert_ptr_null(ap__listen_parse_addr(p, "*:81", &host, &port));
    ck_assert_ptr_null(host);
    ck_assert_int_eq(port, 81);
}
END_TEST

START_TEST(test_parse_errors)
{
    char *host;
    apr_port_t port;

    /* The texts Debian's apache2 -t prints for these lines. */
    ck_assert_str_eq(ap__listen_parse_addr(p, "foo", &host, &port),
                     "Port must be specified");
    ck_assert_str_eq(ap__listen_parse_addr(p, "1.2.3.4", &host, &port),
                     "Port must be specified");
    ck_assert_str_eq(ap__listen_parse_addr(p, "[::1]", &host, &port),
                     "Port must be specified");
    ck_assert_str_eq(ap__listen_parse_addr(p, "1.2.3.4:0", &host, &port),
                     "Invalid address or port");
    ck_assert_str_eq(ap__listen_parse_addr(p, "99999", &host, &port),
                     "Invalid address or port");
}
END_TEST

START_TEST(test_default_protocol)
{
    ck_assert_str_eq(ap__listen_default_protocol(443), "https");
    ck_assert_str_eq(ap__listen_default_protocol(80), "http");
    ck_assert_str_eq(ap__listen_default_protocol(8443), "http");
}
END_TEST

START_TEST(test_listen_directive)
{
    char *none[1] = { NULL };
    char *three[3] = { "80", "http", "x" };

    ap_listen_pre_config();
    ck_assert_str_eq(ap_set_listener(make_cmd("Listen"), NULL, 0, none),
                     "Listen requires 1 or 2 arguments.");
    ck_assert_str_eq(ap_set_listener(make_cmd("Listen"), NULL, 3, three),
                     "Listen requires 1 or 2 arguments.");
    ck_assert_ptr_null(listen2("127.0.0.1:18393", "HTTPS"));
    ck_assert_int_eq(count_listeners(), 1);
    ck_assert_str_eq(ap_listeners->protocol, "https");
    ck_assert_int_eq(ap_listeners->bind_addr->port, 18393);
    ck_assert_str_eq(listen1("127.0.0.1:18393"),
                     "Cannot define multiple Listeners on the same IP:port");
    ck_assert_ptr_null(listen1("127.0.0.1:443"));
    ck_assert_str_eq(ap_listeners->protocol, "https");
    ck_assert_ptr_null(listen1("127.0.0.1:8080"));
    ck_assert_str_eq(ap_listeners->protocol, "http");
    ck_assert_int_eq(count_listeners(), 3);
    ap_listen_pre_config();     /* drop them for the next test */
    ap_setup_listeners(&serv);
}
END_TEST

static int can_connect(int port)
{
    apr_sockaddr_t *sa;
    apr_socket_t *s;
    apr_status_t rv;

    apr_sockaddr_info_get(&sa, "127.0.0.1", APR_INET, (apr_port_t)port, 0, p);
    apr_socket_create(&s, APR_INET, SOCK_STREAM, APR_PROTO_TCP, p);
    apr_socket_timeout_set(s, apr_time_from_sec(2));
    rv = apr_socket_connect(s, sa);
    apr_socket_close(s);
    return rv == APR_SUCCESS;
}

START_TEST(test_setup_and_reuse)
{
    apr_socket_t *first;

    ap_listen_pre_config();
    ck_assert_ptr_null(listen1("127.0.0.1:" APR_STRINGIFY(PORT_A)));
    ck_assert_int_eq(ap_setup_listeners(&serv), 1);
    ck_assert_ptr_nonnull(ap_listeners->sd);
    ck_assert_int_eq(ap_listeners->active, 1);
    ck_assert(can_connect(PORT_A));
    first = ap_listeners->sd;

    /* A restart naming the same address keeps the very same socket. */
    ap_listen_pre_config();
    ck_assert_ptr_null(ap_listeners);
    ck_assert_ptr_null(listen1("127.0.0.1:" APR_STRINGIFY(PORT_A)));
    ck_assert_ptr_eq(ap_listeners->sd, first);
    ck_assert_ptr_null(listen1("127.0.0.1:" APR_STRINGIFY(PORT_B)));
    ck_assert_int_eq(ap_setup_listeners(&serv), 2);
    ck_assert(can_connect(PORT_A));
    ck_assert(can_connect(PORT_B));

    /* A restart without PORT_A closes it. */
    ap_listen_pre_config();
    ck_assert_ptr_null(listen1("127.0.0.1:" APR_STRINGIFY(PORT_B)));
    ck_assert_int_eq(ap_setup_listeners(&serv), 1);
    ck_assert(!can_connect(PORT_A));
    ck_assert(can_connect(PORT_B));

    ap_close_listeners();
    ck_assert_ptr_null(ap_listeners->sd);
    ck_assert(!can_connect(PORT_B));
}
END_TEST

START_TEST(test_bind_failure)
{
    apr_socket_t *busy;
    apr_sockaddr_t *sa;

    /* Someone else holds the port: no listener, ap_setup_listeners 0. */
    apr_sockaddr_info_get(&sa, "127.0.0.1", APR_INET, 18394, 0, p);
    apr_socket_create(&busy, APR_INET, SOCK_STREAM, APR_PROTO_TCP, p);
    ck_assert_int_eq(apr_socket_bind(busy, sa), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_listen(busy, 5), APR_SUCCESS);
    ap_listen_pre_config();
    ck_assert_ptr_null(listen1("127.0.0.1:18394"));
    ck_assert_int_eq(ap_setup_listeners(&serv), 0);
    ck_assert_ptr_null(ap_listeners->sd);
    apr_socket_close(busy);
}
END_TEST

START_TEST(test_other_directives)
{
    ck_assert_str_eq(ap_set_listenbacklog(make_cmd("ListenBacklog"), NULL,
                                          "0"),
                     "ListenBacklog must be > 0");
    ck_assert_ptr_null(ap_set_listenbacklog(make_cmd("ListenBacklog"), NULL,
                                            "128"));
    ck_assert_int_eq(ap__listen_settings.backlog, 128);
    ck_assert_str_eq(ap_set_send_buffer_size(make_cmd("SendBufferSize"),
                                             NULL, "100"),
                     "SendBufferSize must be >= 512 bytes, or 0 for system "
                     "default.");
    ck_assert_ptr_null(ap_set_send_buffer_size(make_cmd("SendBufferSize"),
                                               NULL, "65536"));
    ck_assert_int_eq(ap__listen_settings.send_buffer_size, 65536);
    ck_assert_ptr_null(ap_set_receive_buffer_size(
                           make_cmd("ReceiveBufferSize"), NULL, "0"));
    ck_assert_ptr_null(ap_set_listencbratio(make_cmd("ListenCoresBucketsRatio"),
                                            NULL, "4"));
    ap_listen_pre_config();
    ck_assert_int_eq(ap__listen_settings.backlog, DEFAULT_LISTENBACKLOG);
    ck_assert_int_eq(ap__listen_settings.send_buffer_size, 0);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("listen");
    TCase *tc = apr_test_tcase("listen");

    tcase_add_test(tc, test_parse_addr);
    tcase_add_test(tc, test_parse_errors);
    tcase_add_test(tc, test_default_protocol);
    tcase_add_test(tc, test_listen_directive);
    tcase_add_test(tc, test_setup_and_reuse);
    tcase_add_test(tc, test_bind_failure);
    tcase_add_test(tc, test_other_directives);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
