/*
 * The core network filters on a real loopback connection: CORE writes
 * heap buckets and files (with and without sendfile) and honours FLUSH;
 * CORE_IN answers GETLINE, SPECULATIVE (data stays), READBYTES, EATCRLF
 * and reports EOF with an EOS; the EOR bucket logs and frees its request
 * when destroyed; EOC and ERROR buckets are empty metadata.
 */
#include "testutil.h"

#include <string.h>

#include "apr_buckets.h"
#include "apr_file_io.h"
#include "apr_hooks.h"
#include "apr_network_io.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_connection.h"
#include "http_core.h"
#include "http_protocol.h"
#include "http_request.h"
#include "util_filter.h"

static conn_rec *conn;
static apr_socket_t *server_sock;   /* the accepted side: the filters' */
static apr_socket_t *client_sock;   /* the test plays the client */
static core_net_rec *net;

/* Log hooks run when an EOR bucket goes: count them. */
static int logged;

static int count_log(request_rec *r)
{
    logged++;
    return OK;
}

static void connect_pair(void)
{
    apr_socket_t *lsock;
    apr_sockaddr_t *sa;

    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "127.0.0.1", APR_INET, 0, 0,
                                           p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_create(&lsock, APR_INET, SOCK_STREAM,
                                       APR_PROTO_TCP, p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_bind(lsock, sa), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_listen(lsock, 5), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_addr_get(&sa, APR_LOCAL, lsock),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_socket_create(&client_sock, APR_INET, SOCK_STREAM,
                                       APR_PROTO_TCP, p), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_connect(client_sock, sa), APR_SUCCESS);
    ck_assert_int_eq(apr_socket_accept(&server_sock, lsock, p), APR_SUCCESS);
    apr_socket_timeout_set(server_sock, apr_time_from_sec(5));
    apr_socket_timeout_set(client_sock, apr_time_from_sec(5));
}

static void setup(void)
{
    server_rec *s;
    core_server_config *sconf;
    void **cfg;

    apr_test_setup();
    apr_hook_global_pool = p;
    connect_pair();
    s = apr_pcalloc(p, sizeof(*s));
    sconf = apr_pcalloc(p, sizeof(*sconf));
    cfg = apr_pcalloc(p, sizeof(void *) * 4);
    cfg[0] = sconf;                 /* core_module's slot */
    s->module_config = (ap_conf_vector_t *)cfg;
    s->timeout = apr_time_from_sec(5);
    conn = apr_pcalloc(p, sizeof(*conn));
    conn->pool = p;
    conn->base_server = s;
    conn->bucket_alloc = apr_bucket_alloc_create(p);
    conn->notes = apr_table_make(p, 1);
    net = apr_pcalloc(p, sizeof(*net));
    net->c = conn;
    net->client_socket = server_sock;
    ap_add_output_filter_handle(
        ap_register_output_filter("CORE", ap_core_output_filter, NULL,
                                  AP_FTYPE_NETWORK), net, NULL, conn);
    ap_add_input_filter_handle(
        ap_register_input_filter("CORE_IN", ap_core_input_filter, NULL,
                                 AP_FTYPE_NETWORK), net, NULL, conn);
    ap_hook_log_transaction(count_log, NULL, NULL, APR_HOOK_MIDDLE);
    logged = 0;
}

static void teardown(void)
{
    apr_test_teardown();
    apr_hook_global_pool = NULL;
}

/* Read exactly @a want bytes from the client side. */
static char *client_read(apr_size_t want)
{
    char *buf = apr_palloc(p, want + 1);
    apr_size_t got = 0;

    while (got < want) {
        apr_size_t n = want - got;

        ck_assert_int_eq(apr_socket_recv(client_sock, buf + got, &n),
                         APR_SUCCESS);
        got += n;
    }
    buf[got] = '\0';
    return buf;
}

static void client_write(const char *s)
{
    apr_size_t n = strlen(s);

    ck_assert_int_eq(apr_socket_send(client_sock, s, &n), APR_SUCCESS);
    ck_assert_uint_eq(n, strlen(s));
}

/* A temporary file of @a len bytes 'a'..'z' repeating. */
static apr_file_t *temp_file(apr_size_t len, apr_int32_t extra_flags)
{
    char tmpl[] = "/tmp/test_filter_coreXXXXXX";
    apr_file_t *f;
    char *data = apr_palloc(p, len);
    apr_size_t i, n = len;
    const char *name;

    for (i = 0; i < len; i++) {
        data[i] = (char)('a' + i % 26);
    }
    ck_assert_int_eq(apr_file_mktemp(&f, tmpl, APR_FOPEN_CREATE | APR_FOPEN_READ
                                     | APR_FOPEN_WRITE | APR_FOPEN_EXCL, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_write(f, data, &n), APR_SUCCESS);
    apr_file_name_get(&name, f);
    name = apr_pstrdup(p, name);
    apr_file_close(f);
    ck_assert_int_eq(apr_file_open(&f, name, APR_FOPEN_READ | extra_flags,
                                   APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    apr_file_remove(name, p);
    return f;
}

static void send_file_response(apr_int32_t flags)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, conn->bucket_alloc);
    apr_file_t *f = temp_file(5000, flags);
    const char *hdr = "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n";
    char *got;

    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_heap_create(hdr, strlen(hdr), NULL,
                                                       conn->bucket_alloc));
    apr_brigade_insert_file(bb, f, 0, 5000, p);
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_eos_create(conn->bucket_alloc));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_flush_create(conn->bucket_alloc));
    ck_assert_int_eq(ap_pass_brigade(conn->output_filters, bb), APR_SUCCESS);
    ck_assert(APR_BRIGADE_EMPTY(bb));
    ck_assert_int_eq(conn->data_in_output_filters, 0);
    got = client_read(strlen(hdr) + 5000);
    ck_assert(strncmp(got, hdr, strlen(hdr)) == 0);
    ck_assert_int_eq(got[strlen(hdr)], 'a');
    ck_assert_int_eq(got[strlen(hdr) + 4999], 'a' + 4999 % 26);
}

START_TEST(test_output_headers_and_sendfile)
{
    send_file_response(APR_FOPEN_SENDFILE_ENABLED);
}
END_TEST

START_TEST(test_output_headers_and_read_file)
{
    send_file_response(0);
}
END_TEST

START_TEST(test_output_many_small_buckets)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, conn->bucket_alloc);
    char expect[2001];
    int i;

    /* more buckets than one writev takes */
    for (i = 0; i < 200; i++) {
        char *s = apr_psprintf(p, "%09d\n", i);

        memcpy(expect + i * 10, s, 10);
        APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_pool_create(s, 10, p,
                                                     conn->bucket_alloc));
    }
    expect[2000] = '\0';
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_flush_create(conn->bucket_alloc));
    ck_assert_int_eq(ap_pass_brigade(conn->output_filters, bb), APR_SUCCESS);
    ck_assert_str_eq(client_read(2000), expect);
}
END_TEST

START_TEST(test_output_without_flush_is_still_written)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, conn->bucket_alloc);
    char data[] = "small response";

    /* a transient bucket: the caller's buffer dies after the call */
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_transient_create(
        data, strlen(data), conn->bucket_alloc));
    ck_assert_int_eq(ap_pass_brigade(conn->output_filters, bb), APR_SUCCESS);
    memset(data, 'X', strlen(data));
    ck_assert_str_eq(client_read(14), "small response");
    /* write completion's call with nothing new */
    ck_assert_int_eq(ap_core_output_filter(conn->output_filters, NULL),
                     APR_SUCCESS);
    ck_assert_int_eq(conn->data_in_output_filters, 0);
}
END_TEST

START_TEST(test_output_eor_frees_request)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, conn->bucket_alloc);
    request_rec *r;
    apr_pool_t *rp;

    apr_pool_create(&rp, p);
    r = apr_pcalloc(rp, sizeof(*r));
    r->pool = rp;
    r->connection = conn;
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_pool_create(
        apr_pstrdup(rp, "body"), 4, rp, conn->bucket_alloc));
    APR_BRIGADE_INSERT_TAIL(bb, ap_bucket_eor_create(conn->bucket_alloc, r));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_flush_create(conn->bucket_alloc));
    ck_assert_int_eq(ap_pass_brigade(conn->output_filters, bb), APR_SUCCESS);
    ck_assert_str_eq(client_read(4), "body");
    /* written, so the EOR went: the request was logged once */
    ck_assert_int_eq(logged, 1);
}
END_TEST

START_TEST(test_eor_destroyed_with_pool_logs_once)
{
    request_rec *r;
    apr_pool_t *rp;
    apr_bucket *b;

    apr_pool_create(&rp, p);
    r = apr_pcalloc(rp, sizeof(*r));
    r->pool = rp;
    r->connection = conn;
    b = ap_bucket_eor_create(conn->bucket_alloc, r);
    ck_assert(AP_BUCKET_IS_EOR(b));
    ck_assert(APR_BUCKET_IS_METADATA(b));
    /* the pool goes first: logged then, not again by the bucket */
    apr_pool_destroy(rp);
    ck_assert_int_eq(logged, 1);
    apr_bucket_destroy(b);
    ck_assert_int_eq(logged, 1);
}
END_TEST

START_TEST(test_eoc_and_error_buckets)
{
    apr_bucket *b = ap_bucket_eoc_create(conn->bucket_alloc);
    const char *s = "x";
    apr_size_t n = 1;
    ap_bucket_error *e;

    ck_assert(AP_BUCKET_IS_EOC(b));
    ck_assert(APR_BUCKET_IS_METADATA(b));
    ck_assert_int_eq(apr_bucket_read(b, &s, &n, APR_BLOCK_READ), APR_SUCCESS);
    ck_assert_uint_eq(n, 0);
    apr_bucket_destroy(b);

    b = ap_bucket_error_create(HTTP_BAD_GATEWAY, "upstream", p,
                               conn->bucket_alloc);
    ck_assert(AP_BUCKET_IS_ERROR(b));
    e = b->data;
    ck_assert_int_eq(e->status, HTTP_BAD_GATEWAY);
    ck_assert_str_eq(e->data, "upstream");
    apr_bucket_destroy(b);
}
END_TEST

/* Flatten what one ap_get_brigade returns. */
static const char *get(ap_input_mode_t mode, apr_read_type_e block,
                       apr_off_t n, apr_status_t *rv, int *eos)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, conn->bucket_alloc);
    char buf[256];
    apr_size_t len = sizeof(buf) - 1;

    *rv = ap_get_brigade(conn->input_filters, bb, mode, block, n);
    *eos = !APR_BRIGADE_EMPTY(bb)
           && APR_BUCKET_IS_EOS(APR_BRIGADE_LAST(bb));
    apr_brigade_flatten(bb, buf, &len);
    buf[len] = '\0';
    return apr_pstrdup(p, buf);
}

START_TEST(test_input_modes)
{
    apr_status_t rv;
    int eos;

    client_write("GET / HTTP/1.1\r\nHost: x\r\n\r\n\r\nNEXT");
    apr_sleep(apr_time_from_msec(50));
    ck_assert_int_eq(ap_get_brigade(conn->input_filters, NULL, AP_MODE_INIT,
                                    APR_BLOCK_READ, 0), APR_SUCCESS);
    ck_assert_str_eq(get(AP_MODE_GETLINE, APR_BLOCK_READ, 0, &rv, &eos),
                     "GET / HTTP/1.1\r\n");
    ck_assert_int_eq(rv, APR_SUCCESS);
    /* speculative reads leave the data in place */
    ck_assert_str_eq(get(AP_MODE_SPECULATIVE, APR_BLOCK_READ, 4, &rv, &eos),
                     "Host");
    ck_assert_str_eq(get(AP_MODE_SPECULATIVE, APR_NONBLOCK_READ, 6, &rv,
                         &eos), "Host: ");
    ck_assert_str_eq(get(AP_MODE_READBYTES, APR_BLOCK_READ, 4, &rv, &eos),
                     "Host");
    ck_assert_str_eq(get(AP_MODE_GETLINE, APR_BLOCK_READ, 0, &rv, &eos),
                     ": x\r\n");
    /* blank lines before the next request go */
    ck_assert_int_eq(ap_get_brigade(conn->input_filters,
                                    apr_brigade_create(p, conn->bucket_alloc),
                                    AP_MODE_EATCRLF, APR_NONBLOCK_READ, 0),
                     APR_SUCCESS);
    ck_assert_str_eq(get(AP_MODE_READBYTES, APR_BLOCK_READ, 100, &rv, &eos),
                     "NEXT");
    ck_assert_int_eq(eos, 0);
    /* nothing more yet: a non-blocking read returns nothing */
    ck_assert_str_eq(get(AP_MODE_READBYTES, APR_NONBLOCK_READ, 10, &rv,
                         &eos), "");
    ck_assert_int_eq(rv, APR_SUCCESS);
    /* the client closes: EOS */
    apr_socket_close(client_sock);
    ck_assert_str_eq(get(AP_MODE_READBYTES, APR_BLOCK_READ, 10, &rv, &eos),
                     "");
    ck_assert_int_eq(rv, APR_SUCCESS);
    ck_assert_int_eq(eos, 1);
    get(AP_MODE_GETLINE, APR_BLOCK_READ, 0, &rv, &eos);
    ck_assert_int_eq(rv, APR_EOF);
}
END_TEST

START_TEST(test_input_timeout)
{
    apr_status_t rv;
    int eos;

    apr_socket_timeout_set(server_sock, apr_time_from_msec(100));
    get(AP_MODE_GETLINE, APR_BLOCK_READ, 0, &rv, &eos);
    ck_assert(APR_STATUS_IS_TIMEUP(rv) || APR_STATUS_IS_EAGAIN(rv));
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("core_filters");
    TCase *tc = tcase_create("core");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_output_headers_and_sendfile);
    tcase_add_test(tc, test_output_headers_and_read_file);
    tcase_add_test(tc, test_output_many_small_buckets);
    tcase_add_test(tc, test_output_without_flush_is_still_written);
    tcase_add_test(tc, test_output_eor_frees_request);
    tcase_add_test(tc, test_eor_destroyed_with_pool_logs_once);
    tcase_add_test(tc, test_eoc_and_error_buckets);
    tcase_add_test(tc, test_input_modes);
    tcase_add_test(tc, test_input_timeout);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
