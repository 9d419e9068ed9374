/* test_protocol_default_handler.c: ap__default_handler on a real file
 * through CONTENT_LENGTH + HTTP_HEADER: 200 with validators, HEAD, 304 and
 * 412, ranges, and the statuses Debian's apache2 gives for other methods,
 * missing files, directories and path_info. */
#include <check.h>
#include <stdlib.h>

#include "apr_file_io.h"
#include "apr_hooks.h"
#include "mod_core.h"
#include "protocol_private.h"
#include "test_protocol_fake.h"

static apr_pool_t *pool;
static fake_env env;
static ap_filter_rec_t hdr_rec, cl_rec, in_rec;
static ap_filter_t hdr_f, cl_f, in_f;
static char path[] = "/tmp/test_protocol_dh_XXXXXX";

static void chain(ap_filter_t *f, ap_filter_rec_t *rec, const char *name,
                  ap_out_filter_func func, ap_filter_t *next)
{
    memset(f, 0, sizeof(*f));
    rec->name = name;
    rec->ftype = AP_FTYPE_PROTOCOL;
    rec->filter_func.out_func = func;
    f->frec = rec;
    f->r = env.r;
    f->c = env.c;
    f->next = next;
}

static void setup(void)
{
    apr_file_t *fd;
    apr_size_t n = 6;

    apr_initialize();
    apr_pool_create(&pool, NULL);
    apr_hook_global_pool = pool;
    fake_env_init(&env, pool);
    ap_old_write_func = ap_register_output_filter("OLD_WRITE",
        ap_old_write_filter, NULL, AP_FTYPE_RESOURCE - 10);
    chain(&hdr_f, &hdr_rec, "HTTP_HEADER", ap_http_header_filter,
          &env.out_f);
    chain(&cl_f, &cl_rec, "CONTENT_LENGTH", ap_content_length_filter,
          &hdr_f);
    env.r->output_filters = env.r->proto_output_filters = &cl_f;
    /* HTTP_IN in front of the network: no body, so EOS at once */
    memset(&in_f, 0, sizeof(in_f));
    in_rec.name = "HTTP_IN";
    in_rec.filter_func.in_func = ap_http_filter;
    in_f.frec = &in_rec;
    in_f.r = env.r;
    in_f.c = env.c;
    in_f.next = &env.in_f;
    env.r->input_filters = &in_f;
    env.r->the_request = (char *)"GET /f HTTP/1.1";
    env.r->uri = (char *)"/f";
    ck_assert_int_eq(apr_file_mktemp(&fd, path, APR_FOPEN_CREATE
                                     | APR_FOPEN_READ | APR_FOPEN_WRITE
                                     | APR_FOPEN_EXCL, pool), APR_SUCCESS);
    apr_file_write(fd, "hello\n", &n);
    apr_file_close(fd);
    env.r->filename = path;
    apr_stat(&env.r->finfo, path, APR_FINFO_NORM, pool);
    env.r->request_time = env.r->finfo.mtime + apr_time_from_sec(10);
}

static void teardown(void)
{
    apr_file_remove(path, pool);
    strcpy(path, "/tmp/test_protocol_dh_XXXXXX");
    apr_pool_destroy(pool);
    apr_terminate();
}

static const char *body_of(const char *resp)
{
    const char *p = strstr(resp, "\r\n\r\n");

    return p ? p + 4 : "";
}

START_TEST(get_file)
{
    const char *resp;
    char *etag;

    ck_assert_int_eq(ap__default_handler(env.r), OK);
    resp = fake_output_str(&env);
    ck_assert_ptr_nonnull(strstr(resp, "HTTP/1.1 200 OK\r\n"));
    ck_assert_ptr_nonnull(strstr(resp, "\r\nLast-Modified: "));
    etag = apr_psprintf(pool, "\r\nETag: \"6-%" APR_UINT64_T_HEX_FMT "\"\r\n",
                        (apr_uint64_t)env.r->finfo.mtime);
    ck_assert_ptr_nonnull(strstr(resp, etag));
    ck_assert_ptr_nonnull(strstr(resp, "\r\nAccept-Ranges: bytes\r\n"
                                       "Content-Length: 6\r\n"));
    ck_assert_str_eq(body_of(resp), "hello\n");
}
END_TEST

START_TEST(head_file)
{
    const char *resp;

    env.r->header_only = 1;
    ck_assert_int_eq(ap__default_handler(env.r), OK);
    resp = fake_output_str(&env);
    ck_assert_ptr_nonnull(strstr(resp, "\r\nContent-Length: 6\r\n"));
    ck_assert_str_eq(body_of(resp), "");
}
END_TEST

START_TEST(post_serves_file_as_apache)
{
    env.r->method = "POST";
    env.r->method_number = M_POST;
    ck_assert_int_eq(ap__default_handler(env.r), OK);
    ck_assert_str_eq(body_of(fake_output_str(&env)), "hello\n");
}
END_TEST

START_TEST(not_modified)
{
    apr_table_setn(env.r->headers_in, "If-None-Match",
                   apr_psprintf(pool, "\"6-%" APR_UINT64_T_HEX_FMT "\"",
                                (apr_uint64_t)env.r->finfo.mtime));
    ck_assert_int_eq(ap__default_handler(env.r), OK);
    ck_assert_int_eq(env.r->status, HTTP_NOT_MODIFIED);
    ck_assert_ptr_nonnull(strstr(fake_output_str(&env),
                                 "HTTP/1.1 304 Not Modified\r\n"));
    ck_assert_str_eq(body_of(fake_output_str(&env)), "");
}
END_TEST

START_TEST(precondition_failed)
{
    const char *resp;

    apr_table_setn(env.r->headers_in, "If-Match", "\"zz\"");
    ck_assert_int_eq(ap__default_handler(env.r), OK);
    resp = fake_output_str(&env);
    /* Debian: 412 with Content-Length: 0 and no page */
    ck_assert_ptr_nonnull(strstr(resp, "HTTP/1.1 412 Precondition Failed"));
    ck_assert_ptr_nonnull(strstr(resp, "\r\nContent-Length: 0\r\n"));
    ck_assert_str_eq(body_of(resp), "");
}
END_TEST

START_TEST(statuses)
{
    env.r->method = "PUT";
    env.r->method_number = M_PUT;
    ck_assert_int_eq(ap__default_handler(env.r), HTTP_METHOD_NOT_ALLOWED);
    env.r->method = "FOO";
    env.r->method_number = M_INVALID;
    ck_assert_int_eq(ap__default_handler(env.r), HTTP_NOT_IMPLEMENTED);
    env.r->method = "GET";
    env.r->method_number = M_GET;
    env.r->path_info = (char *)"/extra";
    env.r->used_path_info = AP_REQ_DEFAULT_PATH_INFO; /* AcceptPathInfo
                                                         default */
    ck_assert_int_eq(ap__default_handler(env.r), HTTP_NOT_FOUND);
    env.r->used_path_info = AP_REQ_ACCEPT_PATH_INFO;
    ck_assert_int_eq(ap__default_handler(env.r), OK);
    env.r->path_info = NULL;
    env.r->finfo.filetype = APR_DIR;
    ck_assert_int_eq(ap__default_handler(env.r), HTTP_NOT_FOUND);
    env.r->finfo.filetype = APR_NOFILE;
    ck_assert_int_eq(ap__default_handler(env.r), HTTP_NOT_FOUND);
}
END_TEST

START_TEST(options)
{
    env.r->method = "OPTIONS";
    env.r->method_number = M_OPTIONS;
    ck_assert_int_eq(ap__default_handler(env.r), OK);
    ck_assert_str_eq(apr_table_get(env.r->headers_out, "Allow"),
                     "GET,POST,OPTIONS,HEAD,TRACE");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("protocol_default_handler");
    TCase *tc = tcase_create("core");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, get_file);
    tcase_add_test(tc, head_file);
    tcase_add_test(tc, post_serves_file_as_apache);
    tcase_add_test(tc, not_modified);
    tcase_add_test(tc, precondition_failed);
    tcase_add_test(tc, statuses);
    tcase_add_test(tc, options);
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
