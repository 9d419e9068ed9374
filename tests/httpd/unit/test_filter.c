/*
 * util_filter: the registry (case-insensitive names), the order of a
 * chain by filter type with its three heads (resource, protocol,
 * connection), passing and getting brigades through toy filters, filter
 * removal, ap_save_brigade, and the buffering of ap_fwrite & co.
 */
#include "testutil.h"

#include <string.h>

#include "apr_buckets.h"
#include "apr_hooks.h"
#include "apr_lib.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_request.h"
#include "util_filter.h"

/* ---- a fake connection and request ---- */

static conn_rec *conn;
static request_rec *req;

static void setup(void)
{
    apr_test_setup();
    apr_hook_global_pool = p;
    conn = apr_pcalloc(p, sizeof(*conn));
    conn->pool = p;
    conn->bucket_alloc = apr_bucket_alloc_create(p);
    req = apr_pcalloc(p, sizeof(*req));
    req->pool = p;
    req->connection = conn;
}

static void teardown(void)
{
    apr_test_teardown();
    apr_hook_global_pool = NULL;
}

static TCase *tcase(const char *name)
{
    TCase *tc = tcase_create(name);

    tcase_add_checked_fixture(tc, setup, teardown);
    return tc;
}

/* ---- toy output filters: each appends its name to a trace ---- */

static char trace[256];

static apr_status_t tracing_out(ap_filter_t *f, apr_bucket_brigade *bb)
{
    apr_cpystrn(trace + strlen(trace), f->frec->name,
                sizeof(trace) - strlen(trace));
    apr_cpystrn(trace + strlen(trace), ",", sizeof(trace) - strlen(trace));
    return ap_pass_brigade(f->next, bb);
}

/* The end of the chain: collects the bytes and counts calls. */
typedef struct {
    int calls;
    int flushes;
    char data[16384];
    apr_size_t len;
} sink_ctx;

static apr_status_t sink_out(ap_filter_t *f, apr_bucket_brigade *bb)
{
    sink_ctx *s = f->ctx;
    apr_bucket *e;

    s->calls++;
    for (e = APR_BRIGADE_FIRST(bb); e != APR_BRIGADE_SENTINEL(bb);
         e = APR_BUCKET_NEXT(e)) {
        const char *d;
        apr_size_t n;

        if (APR_BUCKET_IS_FLUSH(e)) {
            s->flushes++;
        }
        ck_assert_int_eq(apr_bucket_read(e, &d, &n, APR_BLOCK_READ),
                         APR_SUCCESS);
        ck_assert_uint_le(s->len + n, sizeof(s->data));
        memcpy(s->data + s->len, d, n);
        s->len += n;
    }
    apr_brigade_cleanup(bb);
    return APR_SUCCESS;
}

static ap_filter_rec_t *reg_out(const char *name, ap_filter_type t)
{
    return ap_register_output_filter(name, tracing_out, NULL, t);
}

/* Names along the chain from @a f, comma-separated. */
static const char *chain(ap_filter_t *f)
{
    const char *s = "";

    for (; f; f = f->next) {
        s = apr_pstrcat(p, s, *s ? "," : "", f->frec->name, NULL);
    }
    return s;
}

START_TEST(test_registry_case_insensitive)
{
    ap_filter_rec_t *a = reg_out("MyFilter", AP_FTYPE_RESOURCE);
    ap_filter_rec_t *in = ap_register_input_filter("MyFilter", NULL, NULL,
                                                   AP_FTYPE_PROTOCOL);

    ck_assert_ptr_nonnull(a);
    ck_assert_str_eq(a->name, "myfilter");
    ck_assert_ptr_eq(ap_get_output_filter_handle("myfilter"), a);
    ck_assert_ptr_eq(ap_get_output_filter_handle("MYFILTER"), a);
    ck_assert_ptr_eq(ap_get_output_filter_handle("MyFilter"), a);
    ck_assert_ptr_null(ap_get_output_filter_handle("nosuch"));
    /* input and output registries are separate */
    ck_assert_ptr_eq(ap_get_input_filter_handle("MYfilter"), in);
    ck_assert_ptr_ne(in, a);
    ck_assert_int_eq(in->ftype, AP_FTYPE_PROTOCOL);
    /* registering again updates the same record */
    ck_assert_ptr_eq(reg_out("MYFILTER", AP_FTYPE_CONTENT_SET), a);
    ck_assert_int_eq(a->ftype, AP_FTYPE_CONTENT_SET);
    /* protocol flags */
    a = ap_register_output_filter_protocol("P", tracing_out, NULL,
                                           AP_FTYPE_RESOURCE,
                                           AP_FILTER_PROTO_CHANGE);
    ck_assert_uint_eq(a->proto_flags, AP_FILTER_PROTO_CHANGE);
}
END_TEST

START_TEST(test_add_unknown_name)
{
    /* a log line, and NULL: never a crash */
    ck_assert_ptr_null(ap_add_output_filter("nosuch", NULL, req, conn));
    ck_assert_ptr_null(ap_add_input_filter("nosuch", NULL, NULL, conn));
    ck_assert_ptr_null(conn->output_filters);
}
END_TEST

/* Seat a request on the connection the way ap_create_request does. */
static void seat_request(void)
{
    req->output_filters = conn->output_filters;
    req->proto_output_filters = conn->output_filters;
    req->input_filters = conn->input_filters;
    req->proto_input_filters = conn->input_filters;
}

START_TEST(test_order_by_type)
{
    reg_out("net", AP_FTYPE_NETWORK);
    reg_out("conn", AP_FTYPE_CONNECTION);
    reg_out("proto", AP_FTYPE_PROTOCOL);
    reg_out("transcode", AP_FTYPE_TRANSCODE);
    reg_out("content", AP_FTYPE_CONTENT_SET);
    reg_out("res1", AP_FTYPE_RESOURCE);
    reg_out("res2", AP_FTYPE_RESOURCE);

    ap_add_output_filter("NET", NULL, NULL, conn);
    ap_add_output_filter("conn", NULL, NULL, conn);
    ck_assert_str_eq(chain(conn->output_filters), "conn,net");
    seat_request();
    ap_add_output_filter("content", NULL, req, conn);
    ap_add_output_filter("proto", NULL, req, conn);
    ap_add_output_filter("res1", NULL, req, conn);
    ap_add_output_filter("transcode", NULL, req, conn);
    ap_add_output_filter("res2", NULL, req, conn);

    /* same type: in the order added */
    ck_assert_str_eq(chain(req->output_filters),
                     "res1,res2,content,proto,transcode,conn,net");
    ck_assert_str_eq(chain(req->proto_output_filters),
                     "proto,transcode,conn,net");
    ck_assert_str_eq(chain(conn->output_filters), "conn,net");
    /* request filters know their request, connection filters do not */
    ck_assert_ptr_eq(req->output_filters->r, req);
    ck_assert_ptr_null(conn->output_filters->r);
    ck_assert_ptr_eq(conn->output_filters->c, conn);
}
END_TEST

START_TEST(test_protocol_before_resource_added_first)
{
    reg_out("net", AP_FTYPE_NETWORK);
    reg_out("res", AP_FTYPE_RESOURCE);
    reg_out("proto", AP_FTYPE_PROTOCOL);

    ap_add_output_filter("net", NULL, NULL, conn);
    seat_request();
    ap_add_output_filter("res", NULL, req, conn);
    ck_assert_str_eq(chain(req->output_filters), "res,net");
    /* a protocol filter added later still goes after the resource one */
    ap_add_output_filter("proto", NULL, req, conn);
    ck_assert_str_eq(chain(req->output_filters), "res,proto,net");
    ck_assert_str_eq(chain(req->proto_output_filters), "proto,net");
}
END_TEST

START_TEST(test_connection_filter_added_late)
{
    reg_out("net", AP_FTYPE_NETWORK);
    reg_out("proto", AP_FTYPE_PROTOCOL);
    reg_out("ssl", AP_FTYPE_CONNECTION);

    ap_add_output_filter("net", NULL, NULL, conn);
    seat_request();
    ap_add_output_filter("proto", NULL, req, conn);
    /* added with the request at hand: the request chain is relinked */
    ap_add_output_filter("ssl", NULL, req, conn);
    ck_assert_str_eq(chain(conn->output_filters), "ssl,net");
    ck_assert_str_eq(chain(req->output_filters), "proto,ssl,net");
}
END_TEST

START_TEST(test_pass_order_and_eos)
{
    sink_ctx *s = apr_pcalloc(p, sizeof(*s));
    apr_bucket_brigade *bb = apr_brigade_create(p, conn->bucket_alloc);

    ap_register_output_filter("sink", sink_out, NULL, AP_FTYPE_NETWORK);
    reg_out("B", AP_FTYPE_CONTENT_SET);
    reg_out("A", AP_FTYPE_RESOURCE);
    ap_add_output_filter("sink", s, NULL, conn);
    seat_request();
    ap_add_output_filter("b", NULL, req, conn);
    ap_add_output_filter("a", NULL, req, conn);

    trace[0] = '\0';
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_immortal_create("hi", 2,
                                                           conn->bucket_alloc));
    ck_assert_int_eq(ap_pass_brigade(req->output_filters, bb), APR_SUCCESS);
    ck_assert_str_eq(trace, "a,b,");
    ck_assert_int_eq(s->calls, 1);
    ck_assert_uint_eq(s->len, 2);
    ck_assert_int_eq(req->eos_sent, 0);

    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_eos_create(conn->bucket_alloc));
    ck_assert_int_eq(ap_pass_brigade(req->output_filters, bb), APR_SUCCESS);
    ck_assert_int_eq(req->eos_sent, 1);

    /* the end of a chain */
    ck_assert_int_eq(ap_pass_brigade(NULL, bb), AP_NOBODY_WROTE);
    ck_assert_int_eq(ap_get_brigade(NULL, bb, AP_MODE_READBYTES,
                                    APR_BLOCK_READ, 10), AP_NOBODY_READ);
}
END_TEST

START_TEST(test_pass_brigade_fchk)
{
    sink_ctx *s = apr_pcalloc(p, sizeof(*s));
    apr_bucket_brigade *bb = apr_brigade_create(p, conn->bucket_alloc);

    ap_register_output_filter("sink", sink_out, NULL, AP_FTYPE_NETWORK);
    ap_add_output_filter("sink", s, NULL, conn);
    seat_request();
    ck_assert_int_eq(ap_pass_brigade_fchk(req, bb, "ctx %d", 1), OK);
    ck_assert_int_eq(s->calls, 1);
}
END_TEST

/* ---- input: a source that yields its ctx string, and an upper-caser */

static apr_status_t source_in(ap_filter_t *f, apr_bucket_brigade *bb,
                              ap_input_mode_t mode, apr_read_type_e block,
                              apr_off_t readbytes)
{
    const char *s = f->ctx;
    apr_size_t n = strlen(s);

    if ((apr_off_t)n > readbytes) {
        n = (apr_size_t)readbytes;
    }
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_heap_create(s, n, NULL,
                                                       f->c->bucket_alloc));
    return APR_SUCCESS;
}

static apr_status_t upper_in(ap_filter_t *f, apr_bucket_brigade *bb,
                             ap_input_mode_t mode, apr_read_type_e block,
                             apr_off_t readbytes)
{
    apr_status_t rv = ap_get_brigade(f->next, bb, mode, block, readbytes);
    char buf[64];
    apr_size_t len = sizeof(buf) - 1;
    apr_size_t i;

    if (rv != APR_SUCCESS) {
        return rv;
    }
    apr_brigade_flatten(bb, buf, &len);
    apr_brigade_cleanup(bb);
    for (i = 0; i < len; i++) {
        buf[i] = (char)apr_toupper(buf[i]);
    }
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_heap_create(buf, len, NULL,
                                                       f->c->bucket_alloc));
    return APR_SUCCESS;
}

START_TEST(test_get_through_chain)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, conn->bucket_alloc);
    char buf[64];
    apr_size_t len = sizeof(buf);

    ap_register_input_filter("source", source_in, NULL, AP_FTYPE_NETWORK);
    ap_register_input_filter("upper", upper_in, NULL, AP_FTYPE_PROTOCOL);
    ap_add_input_filter("source", "hello world", NULL, conn);
    seat_request();
    ap_add_input_filter("upper", NULL, req, conn);
    ck_assert_str_eq(chain(req->input_filters), "upper,source");
    ck_assert_str_eq(chain(req->proto_input_filters), "upper,source");

    ck_assert_int_eq(ap_get_brigade(req->input_filters, bb,
                                    AP_MODE_READBYTES, APR_BLOCK_READ, 5),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_brigade_flatten(bb, buf, &len), APR_SUCCESS);
    ck_assert_uint_eq(len, 5);
    ck_assert(memcmp(buf, "HELLO", 5) == 0);
}
END_TEST

START_TEST(test_remove)
{
    ap_filter_t *res, *proto, *net;

    reg_out("net", AP_FTYPE_NETWORK);
    reg_out("proto", AP_FTYPE_PROTOCOL);
    reg_out("proto2", AP_FTYPE_PROTOCOL);
    reg_out("res", AP_FTYPE_RESOURCE);
    net = ap_add_output_filter("net", NULL, NULL, conn);
    seat_request();
    proto = ap_add_output_filter("proto", NULL, req, conn);
    ap_add_output_filter("proto2", NULL, req, conn);
    res = ap_add_output_filter("res", NULL, req, conn);
    ck_assert_str_eq(chain(req->output_filters), "res,proto,proto2,net");

    /* the head of the resource chain */
    ap_remove_output_filter(res);
    ck_assert_str_eq(chain(req->output_filters), "proto,proto2,net");
    /* the head of both the resource and the protocol chains */
    ap_remove_output_filter(proto);
    ck_assert_str_eq(chain(req->output_filters), "proto2,net");
    ck_assert_str_eq(chain(req->proto_output_filters), "proto2,net");

    ck_assert_int_eq(ap_remove_output_filter_byhandle(req->output_filters,
                                                      "PROTO2"),
                     APR_SUCCESS);
    ck_assert_str_eq(chain(req->proto_output_filters), "net");
    ck_assert_int_eq(ap_remove_output_filter_byhandle(req->output_filters,
                                                      "proto2"),
                     APR_NOTFOUND);
    ck_assert_int_eq(ap_remove_output_filter_byhandle(req->output_filters,
                                                      "unregistered"),
                     APR_NOTFOUND);
    ap_remove_output_filter(net);
    ck_assert_ptr_null(conn->output_filters);
}
END_TEST

START_TEST(test_remove_input)
{
    ap_filter_t *up;

    ap_register_input_filter("source", source_in, NULL, AP_FTYPE_NETWORK);
    ap_register_input_filter("upper", upper_in, NULL, AP_FTYPE_PROTOCOL);
    ap_add_input_filter("source", "x", NULL, conn);
    seat_request();
    up = ap_add_input_filter("upper", NULL, req, conn);
    ap_remove_input_filter(up);
    ck_assert_str_eq(chain(req->input_filters), "source");
    ck_assert_str_eq(chain(req->proto_input_filters), "source");
    ck_assert_int_eq(ap_remove_input_filter_byhandle(req->input_filters,
                                                     "SOURCE"), APR_SUCCESS);
    ck_assert_ptr_null(conn->input_filters);
}
END_TEST

START_TEST(test_save_brigade)
{
    apr_bucket_brigade *bb = apr_brigade_create(p, conn->bucket_alloc);
    apr_bucket_brigade *saved = NULL;
    apr_pool_t *keep;
    ap_filter_t f;
    char volatile_buf[16] = "transient";
    char out[32];
    apr_size_t len = sizeof(out);

    memset(&f, 0, sizeof(f));
    f.c = conn;
    apr_pool_create(&keep, p);
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_transient_create(
        volatile_buf, strlen(volatile_buf), conn->bucket_alloc));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_flush_create(conn->bucket_alloc));

    ck_assert_int_eq(ap_save_brigade(&f, &saved, &bb, keep), APR_SUCCESS);
    ck_assert_ptr_nonnull(saved);
    ck_assert(APR_BRIGADE_EMPTY(bb));
    /* the caller's buffer may now change: the saved copy must not */
    strcpy(volatile_buf, "XXXXXXXXX");
    ck_assert_int_eq(apr_brigade_flatten(saved, out, &len), APR_SUCCESS);
    ck_assert_uint_eq(len, 9);
    ck_assert(memcmp(out, "transient", 9) == 0);
    ck_assert(APR_BUCKET_IS_FLUSH(APR_BRIGADE_LAST(saved)));

    /* a second save appends */
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_immortal_create("!", 1,
                                                           conn->bucket_alloc));
    ck_assert_int_eq(ap_save_brigade(&f, &saved, &bb, keep), APR_SUCCESS);
    len = sizeof(out);
    apr_brigade_flatten(saved, out, &len);
    ck_assert_uint_eq(len, 10);
    ck_assert_int_eq(out[9], '!');
}
END_TEST

START_TEST(test_fwrite_buffers_until_flush)
{
    sink_ctx *s = apr_pcalloc(p, sizeof(*s));
    apr_bucket_brigade *bb = apr_brigade_create(p, conn->bucket_alloc);
    ap_filter_t *f;
    char big[10000];
    int i;

    ap_register_output_filter("sink", sink_out, NULL, AP_FTYPE_NETWORK);
    f = ap_add_output_filter("sink", s, NULL, conn);
    for (i = 0; i < 100; i++) {
        ck_assert_int_eq(ap_fwrite(f, bb, "0123456789", 10), APR_SUCCESS);
    }
    /* small writes gather in the brigade: nothing passed yet */
    ck_assert_int_eq(s->calls, 0);
    ck_assert_int_eq(ap_fputs(f, bb, "<end>"), APR_SUCCESS);
    ck_assert_int_eq(ap_fputc(f, bb, '.'), APR_SUCCESS);
    ck_assert_int_eq(s->calls, 0);
    ck_assert_int_eq(ap_fflush(f, bb), APR_SUCCESS);
    ck_assert_int_eq(s->calls, 1);
    ck_assert_int_eq(s->flushes, 1);
    ck_assert_uint_eq(s->len, 1006);
    ck_assert(memcmp(s->data + 990, "0123456789<end>.", 16) == 0);

    /* a large write is passed on through ap_filter_flush */
    memset(big, 'b', sizeof(big));
    ck_assert_int_eq(ap_fwrite(f, bb, big, sizeof(big)), APR_SUCCESS);
    ck_assert_int_ge(s->calls, 2);
    ck_assert_int_eq(ap_fflush(f, bb), APR_SUCCESS);
    ck_assert_uint_eq(s->len, 1006 + sizeof(big));
}
END_TEST

START_TEST(test_fprintf_and_fputstrs)
{
    sink_ctx *s = apr_pcalloc(p, sizeof(*s));
    apr_bucket_brigade *bb = apr_brigade_create(p, conn->bucket_alloc);
    ap_filter_t *f;

    ap_register_output_filter("sink", sink_out, NULL, AP_FTYPE_NETWORK);
    f = ap_add_output_filter("sink", s, NULL, conn);
    ck_assert_int_eq(ap_fprintf(f, bb, "%d-%s|", 42, "x"), APR_SUCCESS);
    ck_assert_int_eq(ap_fputstrs(f, bb, "a", "b", "c", NULL), APR_SUCCESS);
    ck_assert_int_eq(ap_fflush(f, bb), APR_SUCCESS);
    s->data[s->len] = '\0';
    ck_assert_str_eq(s->data, "42-x|abc");
}
END_TEST

START_TEST(test_filter_protocol_flags)
{
    ap_filter_t *f;

    reg_out("deflate", AP_FTYPE_CONTENT_SET);
    f = ap_add_output_filter("deflate", NULL, NULL, conn);
    ap_filter_protocol(f, AP_FILTER_PROTO_CHANGE
                          | AP_FILTER_PROTO_CHANGE_LENGTH);
    ck_assert_uint_eq(f->frec->proto_flags,
                      AP_FILTER_PROTO_CHANGE | AP_FILTER_PROTO_CHANGE_LENGTH);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("util_filter");
    TCase *tc = tcase("filter");

    tcase_add_test(tc, test_registry_case_insensitive);
    tcase_add_test(tc, test_add_unknown_name);
    tcase_add_test(tc, test_order_by_type);
    tcase_add_test(tc, test_protocol_before_resource_added_first);
    tcase_add_test(tc, test_connection_filter_added_late);
    tcase_add_test(tc, test_pass_order_and_eos);
    tcase_add_test(tc, test_pass_brigade_fchk);
    tcase_add_test(tc, test_get_through_chain);
    tcase_add_test(tc, test_remove);
    tcase_add_test(tc, test_remove_input);
    tcase_add_test(tc, test_save_brigade);
    tcase_add_test(tc, test_fwrite_buffers_until_flush);
    tcase_add_test(tc, test_fprintf_and_fputstrs);
    tcase_add_test(tc, test_filter_protocol_flags);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
