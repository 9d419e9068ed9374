/*
 * ap_expr: parsing (including the error messages Debian's apache2 prints
 * for the same input), evaluation of conditions and string expressions
 * against a request built by hand, regex back-references, Vary tracking,
 * restricted mode and custom lookups.
 */
#include "testutil.h"

#include <string.h>

#include "apr_strings.h"
#include "apr_file_io.h"
#include "apr_network_io.h"

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "ap_expr.h"

static struct ap_logconf quiet = { NULL, APLOG_EMERG };

static request_rec *fake_request(void)
{
    request_rec *r = apr_pcalloc(p, sizeof(*r));
    conn_rec *c = apr_pcalloc(p, sizeof(*c));
    server_rec *s = apr_pcalloc(p, sizeof(*s));

    s->server_admin = "admin@example.com";
    s->server_hostname = "www.example.com";
    s->log = quiet;
    c->pool = p;
    c->base_server = s;
    c->client_ip = "192.168.1.20";
    c->log_id = "conn-id";
    ck_assert_int_eq(apr_sockaddr_info_get(&c->client_addr, c->client_ip,
                                           APR_INET, 4242, 0, p),
                     APR_SUCCESS);
    r->pool = p;
    r->connection = c;
    r->server = s;
    r->log = &quiet;
    r->headers_in = apr_table_make(p, 4);
    r->headers_out = apr_table_make(p, 4);
    r->err_headers_out = apr_table_make(p, 4);
    r->subprocess_env = apr_table_make(p, 4);
    r->notes = apr_table_make(p, 4);
    r->method = "GET";
    r->uri = "/dir/index.html";
    r->args = "a=1&b=2";
    r->the_request = "GET /dir/index.html?a=1&b=2 HTTP/1.1";
    r->protocol = "HTTP/1.1";
    r->proto_num = 1001;
    r->status = 200;
    r->log_id = "req-id";
    r->useragent_ip = c->client_ip;
    r->useragent_addr = c->client_addr;
    r->content_type = "text/html";
    r->handler = "default-handler";
    r->finfo.filetype = APR_NOFILE;
    apr_table_setn(r->headers_in, "Host", "example.com");
    apr_table_setn(r->headers_in, "User-Agent", "Mozilla/5.0 Test");
    apr_table_setn(r->headers_in, "X-Foo", "bar");
    apr_table_setn(r->subprocess_env, "MYVAR", "envval");
    apr_table_setn(r->notes, "mynote", "noteval");
    return r;
}

static ap_expr_info_t *parse_flags(const char *expr, unsigned flags,
                                   const char **err)
{
    ap_expr_info_t *info = apr_pcalloc(p, sizeof(*info));

    info->filename = "test.conf";
    info->line_number = 1;
    info->flags = flags;
    *err = ap_expr_parse(p, p, info, expr, NULL);
    return *err ? NULL : info;
}

static int eval(request_rec *r, const char *expr)
{
    const char *err;
    ap_expr_info_t *info = parse_flags(expr, 0, &err);
    int rc;

    ck_assert_msg(err == NULL, "parse of [%s] failed: %s", expr, err);
    rc = ap_expr_exec(r, info, &err);
    ck_assert_msg(err == NULL, "eval of [%s] failed: %s", expr, err);
    return rc;
}

static const char *str_eval(request_rec *r, const char *expr)
{
    const char *err, *s;
    ap_expr_info_t *info = parse_flags(expr, AP_EXPR_FLAG_STRING_RESULT,
                                       &err);

    ck_assert_msg(err == NULL, "parse of [%s] failed: %s", expr, err);
    s = ap_expr_str_exec(r, info, &err);
    ck_assert_msg(err == NULL, "eval of [%s] failed: %s", expr, err);
    ck_assert_ptr_nonnull(s);
    return s;
}

#define TRUE_(e)  ck_assert_msg(eval(r, e) == 1, "expected true: %s", e)
#define FALSE_(e) ck_assert_msg(eval(r, e) == 0, "expected false: %s", e)

START_TEST(test_parse_errors)
{
    static const struct {
        const char *expr;
        const char *msg;
    } cases[] = {
        /* messages as printed by Debian's apache2 -t for <If "..."> */
        { "%{HTTP_HOST} == ", "syntax error, unexpected $end" },
        { "foo", "syntax error, unexpected $end, expecting '('" },
        { "%{FOO} == 'a'", "Variable 'FOO' does not exist" },
        { "'a' -foo 'b'", "Binary operator '-foo' does not exist" },
        { "tolower('a', 'b')",
          "syntax error, unexpected ',', expecting T_OP_CONCAT or ')'" },
        { "nosuch('a') == 'b'", "Function 'nosuch' does not exist" },
        { "'a' =~ /(/", "Failed to compile regular expression" },
        { "(true", "syntax error, unexpected $end, expecting T_OP_OR or "
                   "T_OP_AND or ')'" },
        { "true &&", "syntax error, unexpected $end" },
        { "'abc", "Unterminated string or variable" },
        { "$x == 'a'", "Parse error near '$'" },
        { "true false", "syntax error, unexpected T_FALSE, expecting $end" },
        { "'a' == 'b' == 'c'",
          "syntax error, unexpected T_OP_STR_EQ, expecting $end" },
        { "%{HTTP_X_FOO} == 'a'", "Variable 'HTTP_X_FOO' does not exist" },
        { "'a/b' =~ /a\\/b/", "Failed to compile regular expression" },
        { "'a' -in {}", "syntax error, unexpected '}'" },
        { "'1.2.3.4' -ipmatch 'foo'", "parsing of subnet/netmask failed" },
        { "filemod('/etc/passwd') -gt 0", "Function 'filemod' does not exist" },
        { "", "syntax error, unexpected $end" },
        { "'a' =~ /x", "Unterminated regexp" },
        { "'a' =~ 'x'", "syntax error" },
        { "'x' -in nolist('a')", "List function 'nolist' does not exist" },
    };
    apr_size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const char *err = NULL;
        parse_flags(cases[i].expr, 0, &err);
        ck_assert_msg(err != NULL, "[%s] parsed", cases[i].expr);
        ck_assert_msg(strncmp(err, cases[i].msg, strlen(cases[i].msg)) == 0,
                      "[%s]: got '%s', want '%s'", cases[i].expr, err,
                      cases[i].msg);
    }
}
END_TEST

START_TEST(test_parse_ok)
{
    static const char *const ok[] = {
        "%{ENV:x} == 'a'", "%{http:host} == 'a'", "%{request_uri} == 'a'",
        "-f 'x'", "ldap('x') == 'y'", "'a' . 'b' == 'ab'",
        "toLower('a') == 'a'", "'a\\q' == 'a'", "%{TIME} == ''",
        "%{HTTP:X-example-header} in { 'foo', 'bar', 'baz' }",
        "! reqenv('REDIRECT_FOO') =~ /bar/",
        "%{REQUEST_URI} =~ m#^/special_path\\.php$#",
        "%{REQUEST_STATUS} -in {'405','410'}",
        "%{TIME_HOUR} -gt 9 && %{TIME_HOUR} -lt 17",
        "-R '192.168.1.0/24'", "md5('foo') == 'acbd18db4cc2f85cedef654fccc4a4d8'",
    };
    apr_size_t i;

    for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        const char *err = NULL;
        parse_flags(ok[i], 0, &err);
        ck_assert_msg(err == NULL, "[%s]: %s", ok[i], err);
    }
}
END_TEST

START_TEST(test_logic_and_compare)
{
    request_rec *r = fake_request();

    TRUE_("true");
    FALSE_("false");
    TRUE_("!false");
    FALSE_("!!false");
    TRUE_("true && true");
    FALSE_("true && false");
    TRUE_("false || true");
    TRUE_("false || false || true");
    TRUE_("! (true && false)");
    TRUE_("true || false && false");
    FALSE_("(true || false) && false");
    TRUE_("'abc' == 'abc'");
    TRUE_("'abc' = 'abc'");
    TRUE_("'abc' != 'abd'");
    TRUE_("'abc' < 'abd'");
    TRUE_("'b' > 'abc'");
    TRUE_("'a' <= 'a' && 'a' >= 'a'");
    TRUE_("10 -gt 9");
    FALSE_("'10' > '9'");
    TRUE_("10 gt 9 && 3 -lt 4 && 5 -eq 05 && 5 ne 6 && 1 -le 1 && 2 ge 1");
    TRUE_("'-5' -lt 0");
    TRUE_("'a' . 'b' . 'c' == 'abc'");
    TRUE_("\"dq\" == 'dq'");
    TRUE_("'it\\'s' == \"it's\"");
    TRUE_("'tab\\tx' == 'tab\\011x'");
}
END_TEST

START_TEST(test_variables)
{
    request_rec *r = fake_request();

    TRUE_("%{HTTP_HOST} == 'example.com'");
    TRUE_("%{HTTP_USER_AGENT} =~ /mozilla/i");
    TRUE_("%{REQUEST_METHOD} == 'GET'");
    TRUE_("%{REQUEST_URI} == '/dir/index.html'");
    TRUE_("%{DOCUMENT_URI} == '/dir/index.html'");
    TRUE_("%{REQUEST_FILENAME} == '/dir/index.html'");
    TRUE_("%{QUERY_STRING} == 'a=1&b=2'");
    TRUE_("%{THE_REQUEST} == 'GET /dir/index.html?a=1&b=2 HTTP/1.1'");
    TRUE_("%{REMOTE_ADDR} == '192.168.1.20'");
    TRUE_("%{REMOTE_PORT} -eq 4242");
    TRUE_("%{CONN_REMOTE_ADDR} == '192.168.1.20'");
    TRUE_("%{SERVER_ADMIN} == 'admin@example.com'");
    TRUE_("%{SERVER_PROTOCOL} == 'HTTP/1.1'");
    TRUE_("%{REQUEST_STATUS} -eq 200");
    TRUE_("%{HANDLER} == 'default-handler'");
    TRUE_("%{CONTENT_TYPE} == 'text/html'");
    TRUE_("%{IS_SUBREQ} == 'false'");
    TRUE_("%{IPV6} == 'off'");
    TRUE_("%{HTTP2} == 'off'");
    TRUE_("%{REQUEST_LOG_ID} == 'req-id' && %{CONN_LOG_ID} == 'conn-id'");
    TRUE_("%{REMOTE_USER} == ''");
    TRUE_("%{PATH_INFO} == ''");
    TRUE_("%{API_VERSION} =~ /^[0-9]+:[0-9]+$/");
    TRUE_("%{TIME} =~ /^[0-9]{14}$/");
    TRUE_("%{TIME_YEAR} -ge 2020 && %{TIME_MON} -le 12");
    TRUE_("%{TIME_WDAY} -ge 0 && %{TIME_WDAY} -le 6");
    TRUE_("%{request_method} == 'GET'");
}
END_TEST

START_TEST(test_functions)
{
    request_rec *r = fake_request();

    TRUE_("req('x-foo') == 'bar'");
    TRUE_("http('X-Foo') == 'bar'");
    TRUE_("%{HTTP:X-Foo} == 'bar'");
    TRUE_("req_novary('Host') == 'example.com'");
    TRUE_("req('missing') == ''");
    TRUE_("reqenv('MYVAR') == 'envval' && v('MYVAR') == 'envval'");
    TRUE_("note('mynote') == 'noteval'");
    TRUE_("env('mynote') == 'noteval' && env('MYVAR') == 'envval'");
    TRUE_("%{ENV:MYVAR} == 'envval'");
    TRUE_("osenv('EXPR_TEST_NO_SUCH_VARIABLE') == ''");
    TRUE_("tolower('AbC') == 'abc' && toupper('AbC') == 'ABC'");
    TRUE_("escape('a b') == 'a%20b'");
    TRUE_("unescape('a%20b') == 'a b'");
    TRUE_("unescape('a%2fb') == 'a%2fb'");
    TRUE_("base64('foo') == 'Zm9v' && unbase64('Zm9v') == 'foo'");
    TRUE_("md5('foo') == 'acbd18db4cc2f85cedef654fccc4a4d8'");
    TRUE_("sha1('foo') == '0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33'");
    TRUE_("ldap('a*b') == 'a\\\\2ab'");
    TRUE_("tolower(toupper('x') . 'Y') == 'xy'");
    TRUE_("%{tolower:ABC} == 'abc'");
}
END_TEST

START_TEST(test_unary_binary)
{
    request_rec *r = fake_request();

    TRUE_("-n 'x' && -z '' && ! -z 'x'");
    TRUE_("-T 'yes' && ! -T 'off' && ! -T '0' && ! -T 'FALSE' && ! -T ''");
    TRUE_("-R '192.168.1.0/24'");
    FALSE_("-R '10.0.0.0/8'");
    TRUE_("'10.1.2.3' -ipmatch '10.0.0.0/8'");
    FALSE_("'11.1.2.3' -ipmatch '10.0.0.0/8'");
    FALSE_("'host.name' -ipmatch '10.0.0.0/8'");
    TRUE_("%{REMOTE_ADDR} -ipmatch '192.168.1.20'");
    TRUE_("'foo.html' -strmatch '*.html'");
    FALSE_("'foo.HTML' -strmatch '*.html'");
    TRUE_("'foo.HTML' -strcmatch '*.html'");
    TRUE_("'a/b.c' -strmatch '*.c'");
    FALSE_("'a/b.c' -fnmatch '*.c'");
    TRUE_("'b.c' -fnmatch '*.c'");
    TRUE_("'b' -in {'a', 'b', 'c'}");
    TRUE_("'b' in {'a', 'b'}");
    FALSE_("'d' -in {'a', 'b', 'c'}");
    TRUE_("%{REQUEST_STATUS} -in {'200','304'}");
}
END_TEST

START_TEST(test_files)
{
    request_rec *r = fake_request();
    const char *dir, *file, *e;
    apr_file_t *f;
    apr_size_t n = 5;

    ck_assert_int_eq(apr_temp_dir_get(&dir, p), APR_SUCCESS);
    file = apr_psprintf(p, "%s/expr_test_XXXXXX", dir);
    ck_assert_int_eq(apr_file_mktemp(&f, (char *)file,
                     APR_FOPEN_CREATE | APR_FOPEN_READ | APR_FOPEN_WRITE
                     | APR_FOPEN_EXCL, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_write(f, "hello", &n), APR_SUCCESS);
    apr_file_close(f);

    e = apr_psprintf(p, "-f '%s' && -e '%s' && -s '%s' && ! -d '%s'",
                     file, file, file, file);
    TRUE_(e);
    TRUE_(apr_psprintf(p, "-d '%s'", dir));
    TRUE_(apr_psprintf(p, "file('%s') == 'hello'", file));
    TRUE_(apr_psprintf(p, "filesize('%s') -eq 5", file));
    TRUE_("filesize('/nonexistent/expr/test') == '0'");
    FALSE_("-e '/nonexistent/expr/test'");
    FALSE_("-L '/nonexistent/expr/test'");
    apr_file_remove(file, p);
}
END_TEST

START_TEST(test_regex_backrefs)
{
    request_rec *r = fake_request();
    ap_regmatch_t m[AP_MAX_REG_MATCH];
    const char *err, *src = NULL, *s;
    ap_expr_info_t *info, *sinfo;

    TRUE_("%{REQUEST_URI} =~ m#^/(dir)/(.*)$# && $2 == 'index.html'");
    TRUE_("'ABC' =~ /b/i");
    FALSE_("'ABC' =~ /b/");
    TRUE_("'ABC' !~ /b/");
    TRUE_("'x' =~ /(y)?x/ && $1 == ''");
    TRUE_("$1 == ''");

    info = parse_flags("%{QUERY_STRING} =~ /a=([0-9]+)/", 0, &err);
    ck_assert_ptr_null(err);
    ck_assert_int_eq(ap_expr_exec_re(r, info, AP_MAX_REG_MATCH, m, &src,
                                     &err), 1);
    ck_assert_ptr_null(err);
    ck_assert_str_eq(src, "a=1&b=2");
    ck_assert_int_eq(m[1].rm_so, 2);
    ck_assert_int_eq(m[1].rm_eo, 3);

    /* A string expression sees the groups of the earlier match. */
    sinfo = parse_flags("n=$1;", AP_EXPR_FLAG_STRING_RESULT, &err);
    ck_assert_ptr_null(err);
    s = ap_expr_str_exec_re(r, sinfo, AP_MAX_REG_MATCH, m, &src, &err);
    ck_assert_ptr_null(err);
    ck_assert_str_eq(s, "n=1;");
}
END_TEST

START_TEST(test_string_expressions)
{
    request_rec *r = fake_request();

    ck_assert_str_eq(str_eval(r, "plain text"), "plain text");
    ck_assert_str_eq(str_eval(r, ""), "");
    ck_assert_str_eq(str_eval(r, "uri=%{REQUEST_URI}!"),
                     "uri=/dir/index.html!");
    ck_assert_str_eq(str_eval(r, "%{md5:foo}"),
                     "acbd18db4cc2f85cedef654fccc4a4d8");
    ck_assert_str_eq(str_eval(r, "%{HTTP:X-Foo}-%{REQUEST_METHOD}"),
                     "bar-GET");
    ck_assert_str_eq(str_eval(r, "100% 'quoted' \"x\" $ {}"),
                     "100% 'quoted' \"x\" $ {}");
    ck_assert_str_eq(str_eval(r, "a\\nb"), "a\nb");
    ck_assert_str_eq(str_eval(r, "$1"), "");
}
END_TEST

START_TEST(test_vary)
{
    request_rec *r = fake_request();
    const char *err;
    ap_expr_info_t *info;

    TRUE_("%{HTTP_HOST} == 'example.com' && req('X-Foo') == 'bar'");
    ck_assert_str_eq(apr_table_get(r->headers_out, "Vary"), "Host, X-Foo");

    r = fake_request();
    TRUE_("req_novary('Host') == 'example.com'");
    ck_assert_ptr_null(apr_table_get(r->headers_out, "Vary"));

    r = fake_request();
    info = parse_flags("%{HTTP_HOST} == 'example.com'",
                       AP_EXPR_FLAG_DONT_VARY, &err);
    ck_assert_ptr_null(err);
    ck_assert_int_eq(ap_expr_exec(r, info, &err), 1);
    ck_assert_ptr_null(apr_table_get(r->headers_out, "Vary"));
}
END_TEST

START_TEST(test_restricted)
{
    const char *err;

    parse_flags("file('/etc/passwd') == ''", AP_EXPR_FLAG_RESTRICTED, &err);
    ck_assert_ptr_nonnull(err);
    ck_assert_ptr_nonnull(strstr(err, "restricted"));
    parse_flags("-f '/etc/passwd'", AP_EXPR_FLAG_RESTRICTED, &err);
    ck_assert_ptr_nonnull(err);
    parse_flags("filesize('/x') == 0", AP_EXPR_FLAG_RESTRICTED_FILE_FUNC,
                &err);
    ck_assert_ptr_nonnull(err);
    parse_flags("-n 'x' && md5('x') == ''", AP_EXPR_FLAG_RESTRICTED, &err);
    ck_assert_ptr_null(err);
}
END_TEST

START_TEST(test_ssl_compat)
{
    request_rec *r = fake_request();
    const char *err;
    ap_expr_info_t *info;
    static const struct {
        const char *expr;
        int want;
    } cases[] = {
        { "'b' < 'aa'", 1 },            /* shorter first */
        { "'b' lt 'aa'", 1 },           /* lt is < here */
        { "'10' gt '9'", 1 },
        { "'abc' eq 'abc' and 'x' ne 'y'", 1 },
        { "false or 'ab' le 'ab'", 1 },
        { "%{REMOTE_ADDR} =~ m/^192\\.168\\./ and true", 1 },
    };
    apr_size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        info = parse_flags(cases[i].expr, AP_EXPR_FLAG_SSL_EXPR_COMPAT, &err);
        ck_assert_msg(err == NULL, "[%s]: %s", cases[i].expr, err);
        ck_assert_msg(ap_expr_exec(r, info, &err) == cases[i].want,
                      "[%s]", cases[i].expr);
    }
    /* Without the flag, "and" is just a function name. */
    parse_flags("true and true", 0, &err);
    ck_assert_ptr_nonnull(err);
}
END_TEST

/* A lookup adding one variable, one list function and one operator. */
static const char *magic_var(ap_expr_eval_ctx_t *ctx, const void *data)
{
    return data;
}

static apr_array_header_t *letters(ap_expr_eval_ctx_t *ctx,
                                   const void *data, const char *arg)
{
    apr_array_header_t *a = apr_array_make(ctx->p, 4, sizeof(char *));
    const char *s;

    for (s = arg; *s; s++) {
        APR_ARRAY_PUSH(a, char *) = apr_pstrndup(ctx->p, s, 1);
    }
    return a;
}

static int longer(ap_expr_eval_ctx_t *ctx, const void *data,
                  const char *a, const char *b)
{
    return strlen(a) > strlen(b);
}

static int my_lookup(ap_expr_lookup_parms *parms)
{
    union { const void *p; ap_expr_var_func_t *v;
            ap_expr_list_func_t *l; ap_expr_op_binary_t *b; } u;

    if (parms->type == AP_EXPR_FUNC_VAR && strcmp(parms->name, "MAGIC") == 0) {
        u.v = magic_var;
        *parms->func = u.p;
        *parms->data = "42";
        return OK;
    }
    if (parms->type == AP_EXPR_FUNC_LIST
        && strcmp(parms->name, "letters") == 0) {
        u.l = letters;
        *parms->func = u.p;
        *parms->data = NULL;
        return OK;
    }
    if (parms->type == AP_EXPR_FUNC_OP_BINARY
        && strcmp(parms->name, "longer") == 0) {
        u.b = longer;
        *parms->func = u.p;
        *parms->data = NULL;
        return OK;
    }
    return ap_expr_lookup_default(parms);
}

START_TEST(test_custom_lookup)
{
    request_rec *r = fake_request();
    ap_expr_info_t info;
    const char *err;

    memset(&info, 0, sizeof(info));
    err = ap_expr_parse(p, p, &info,
                        "%{MAGIC} -eq 42 && 'b' -in letters('abc') && "
                        "! 'z' -in letters('abc') && 'abc' -longer 'ab' && "
                        "%{REQUEST_METHOD} == 'GET'", my_lookup);
    ck_assert_ptr_null(err);
    ck_assert_int_eq(ap_expr_exec(r, &info, &err), 1);
}
END_TEST

START_TEST(test_exec_ctx_without_request)
{
    ap_expr_eval_ctx_t ctx;
    const char *err = NULL, *result = NULL;
    ap_expr_info_t *info = parse_flags("%{REQUEST_URI} == '' && "
                                       "%{TIME_YEAR} -gt 2000", 0, &err);

    ck_assert_ptr_null(err);
    memset(&ctx, 0, sizeof(ctx));
    ctx.p = p;
    ctx.err = &err;
    ctx.info = info;
    ck_assert_int_eq(ap_expr_exec_ctx(&ctx), 1);

    /* Errors during evaluation: -1 and a message. */
    info = parse_flags("file('/nonexistent/expr/file') == ''", 0, &err);
    ck_assert_ptr_null(err);
    ctx.info = info;
    ck_assert_int_eq(ap_expr_exec_ctx(&ctx), -1);
    ck_assert_ptr_nonnull(err);

    info = parse_flags("x%{REQUEST_METHOD}y", AP_EXPR_FLAG_STRING_RESULT,
                       &err);
    ck_assert_ptr_null(err);
    ctx.info = info;
    ctx.result_string = &result;
    ck_assert_int_eq(ap_expr_exec_ctx(&ctx), 1);
    ck_assert_str_eq(result, "xy");
}
END_TEST

START_TEST(test_limits)
{
    const char *err;
    char *deep = apr_palloc(p, 2 * 1000 + 8), *q = deep;
    apr_size_t i;
    request_rec *r = fake_request();
    const char *chain = "true";

    for (i = 0; i < 1000; i++) {
        *q++ = '(';
    }
    strcpy(q, "true");
    parse_flags(deep, 0, &err);
    ck_assert_ptr_nonnull(err);
    ck_assert_ptr_nonnull(strstr(err, "too deeply"));

    /* Long flat chains are fine: they are evaluated iteratively. */
    for (i = 0; i < 3000; i++) {
        chain = apr_pstrcat(p, chain, " && 'a' . 'b' == 'ab'", NULL);
    }
    TRUE_(chain);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("expr");
    TCase *tc = apr_test_tcase("expr");

    tcase_add_test(tc, test_parse_errors);
    tcase_add_test(tc, test_parse_ok);
    tcase_add_test(tc, test_logic_and_compare);
    tcase_add_test(tc, test_variables);
    tcase_add_test(tc, test_functions);
    tcase_add_test(tc, test_unary_binary);
    tcase_add_test(tc, test_files);
    tcase_add_test(tc, test_regex_backrefs);
    tcase_add_test(tc, test_string_expressions);
    tcase_add_test(tc, test_vary);
    tcase_add_test(tc, test_restricted);
    tcase_add_test(tc, test_ssl_compat);
    tcase_add_test(tc, test_custom_lookup);
    tcase_add_test(tc, test_exec_ctx_without_request);
    tcase_add_test(tc, test_limits);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
