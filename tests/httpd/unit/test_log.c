/*
 * The error log: ErrorLogFormat compilation (the error texts are Apache
 * 2.4's, checked with Debian's apache2 -t), building lines (fields dropped
 * when an item is empty, '-', '+' and level modifiers, "% " and "\ "),
 * the default format as Debian's apache2 writes it, error-log escaping and
 * level names.
 */
#include "testutil.h"

#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_core.h"
#include "http_log.h"
#include "http_main.h"
#include "log_private.h"

static server_rec *srv;
static conn_rec *conn;
static request_rec *req;

static void setup(void)
{
    apr_test_setup();
    ap__log_register_builtin_items(p);
    srv = apr_pcalloc(p, sizeof(*srv));
    srv->server_hostname = "www.example.com";
    conn = apr_pcalloc(p, sizeof(*conn));
    conn->pool = p;
    conn->base_server = srv;
    conn->client_ip = "127.0.0.1";
    conn->local_ip = "127.0.0.2";
    apr_sockaddr_info_get(&conn->client_addr, "127.0.0.1", APR_INET, 48978,
                          0, p);
    apr_sockaddr_info_get(&conn->local_addr, "127.0.0.2", APR_INET, 80, 0,
                          p);
    conn->keepalives = 3;
    req = apr_pcalloc(p, sizeof(*req));
    req->pool = p;
    req->connection = conn;
    req->server = srv;
    req->useragent_ip = conn->client_ip;
    req->useragent_addr = conn->client_addr;
    req->headers_in = apr_table_make(p, 4);
    req->notes = apr_table_make(p, 4);
    req->subprocess_env = apr_table_make(p, 4);
}

static ap_errorlog_info make_info(int level, apr_status_t st, int with_r)
{
    ap_errorlog_info info;

    memset(&info, 0, sizeof(info));
    info.s = srv;
    info.c = with_r ? conn : NULL;
    info.r = with_r ? req : NULL;
    info.pool = p;
    info.file = "/src/server/protocol.c";
    info.line = 919;
    info.module_index = APLOG_NO_MODULE;
    info.level = level;
    info.status = st;
    return info;
}

/* Formats "msg" with @a fmt; "<dropped>" when a '+' item was empty. */
static const char *line_of(const char *fmt, const ap_errorlog_info *info,
                           int is_main, const char *msg, ...)
{
    apr_array_header_t *items =
        apr_array_make(p, 8, sizeof(ap_errorlog_format_item));
    char *buf = apr_palloc(p, AP__LOG_LINE_MAX);
    const char *err = ap__log_parse_format(p, fmt, items, is_main);
    int ms, me, len;
    va_list ap;

    ck_assert_msg(err == NULL, "parse of '%s' failed: %s", fmt, err);
    va_start(ap, msg);
    len = ap__log_format_line(info, items, buf, AP__LOG_LINE_MAX, &ms, &me,
                              msg, &ap);
    va_end(ap);
    return len ? buf : "<dropped>";
}

static const char *parse_error(const char *fmt, int is_main)
{
    apr_array_header_t *items =
        apr_array_make(p, 8, sizeof(ap_errorlog_format_item));
    const char *err = ap__log_parse_format(p, fmt, items, is_main);

    return err ? err : "<ok>";
}

START_TEST(parse_errors)
{
    ck_assert_str_eq(parse_error("%Z", 1),
                     "Unrecognized error log format directive %Z");
    ck_assert_str_eq(parse_error("%{x", 1),
                     "Ran off end of error log format parsing args to "
                     "some directive");
    ck_assert_str_eq(parse_error("abc %", 1),
                     "Ran off end of error log format parsing args to "
                     "some directive");
    ck_assert_str_eq(parse_error("%+M", 1),
                     "The '+' flag cannot be used in the main error log "
                     "format");
    ck_assert_str_eq(parse_error("%M", 0),
                     "%M cannot be used in once-per-request or "
                     "once-per-connection formats");
    ck_assert_str_eq(parse_error("%20M", 1),
                     "The specified loglevel modifier is out of range");
    ck_assert_str_eq(parse_error("%+a %{Referer}i", 0), "<ok>");
    ck_assert_str_eq(parse_error("[%{cu}t] [%-m:%-l] %7F: %E: %M", 1),
                     "<ok>");
}
END_TEST

START_TEST(simple_items)
{
    ap_errorlog_info info = make_info(APLOG_ERR, 0, 1);

    ck_assert_str_eq(line_of("[%l] %M", &info, 1, "hello %d", 42),
                     "[error] hello 42");
    ck_assert_str_eq(line_of("%a %{c}a %A %k %v %%", &info, 1, NULL),
                     "127.0.0.1:48978 127.0.0.1:48978 127.0.0.2:80 3 "
                     "www.example.com %");
    ck_assert_str_eq(line_of("%-m:%l", &info, 1, NULL), "-:error");
    info.level = APLOG_TRACE8;
    ck_assert_str_eq(line_of("%l", &info, 1, NULL), "trace8");
}
END_TEST

START_TEST(fields_dropped)
{
    ap_errorlog_info info = make_info(APLOG_ERR, 0, 0);

    /* no client: the whole "[client\ %a] " field goes */
    ck_assert_str_eq(line_of("[%l] [client\\ %a] %M", &info, 1, "hello"),
                     "[error] hello");
    /* an unescaped space starts a new field: only "%a] " goes */
    ck_assert_str_eq(line_of("[%l] [client %a] %M", &info, 1, "hello"),
                     "[error] [client hello");
    /* "% " is a field boundary producing nothing */
    ck_assert_str_eq(line_of("%M% ,\\ referer:\\ %{Referer}i", &info, 1,
                             "hello"), "hello");
    info = make_info(APLOG_ERR, 0, 1);
    apr_table_setn(req->headers_in, "Referer", "http://x/y");
    ck_assert_str_eq(line_of("%M% ,\\ referer:\\ %{Referer}i", &info, 1,
                             "hello"), "hello, referer: http://x/y");
}
END_TEST

START_TEST(modifiers)
{
    ap_errorlog_info info = make_info(APLOG_ERR, 0, 1);

    ck_assert_str_eq(line_of("[%-{X-None}i] %M", &info, 1, "m"), "[-] m");
    /* '+': an empty required item drops the whole line */
    ck_assert_str_eq(line_of("UA:'%+{User-Agent}i'", &info, 0, NULL),
                     "<dropped>");
    apr_table_setn(req->headers_in, "User-Agent", "curl");
    ck_assert_str_eq(line_of("UA:'%+{User-Agent}i'", &info, 0, NULL),
                     "UA:'curl'");
    /* a level number: the item only for messages that verbose */
    ck_assert_str_eq(line_of("%7F: %M", &info, 1, "m"), "m");
    info.level = APLOG_DEBUG;
    ck_assert_str_eq(line_of("%7F: %M", &info, 1, "m"),
                     "protocol.c(919): m");
    ck_assert_str_eq(line_of("%{/}F", &info, 1, NULL),
                     "/src/server/protocol.c(919)");
}
END_TEST

START_TEST(status_item)
{
    ap_errorlog_info info = make_info(APLOG_ERR, APR_ENOENT, 0);
    char err[120];
    const char *want;

    apr_strerror(APR_ENOENT, err, sizeof(err));
    want = apr_psprintf(p, "(%d)%s: AH00128: gone", APR_ENOENT, err);
    ck_assert_str_eq(line_of("%E: %M", &info, 1, "AH00128: gone"), want);
    info.status = 0;
    ck_assert_str_eq(line_of("%E: %M", &info, 1, "AH00128: gone"),
                     "AH00128: gone");
}
END_TEST

START_TEST(default_format)
{
    ap_errorlog_info info = make_info(APLOG_INFO, 0, 1);
    const apr_array_header_t *items;
    char buf[AP__LOG_LINE_MAX];
    const char *tail, *want;
    int ms, me, len;
    va_list *none = NULL;

    ap_pglobal = p;
    items = ap__log_default_format();
    ck_assert_ptr_nonnull(items);
    apr_table_setn(req->headers_in, "Referer", "http://x/y");
    len = ap__log_format_line(&info, items, buf, sizeof(buf), &ms, &me,
                              NULL, none);
    ck_assert_int_gt(len, 0);
    /* "[Sun Nov 22 00:37:07.731764 2026] [-:info] [pid N:tid M] ..." */
    ck_assert_int_eq(buf[0], '[');
    ck_assert_int_eq(buf[11], ' ');
    ck_assert_int_eq(buf[20], '.');
    ck_assert_ptr_nonnull(strstr(buf, "] [-:info] [pid "));
    ck_assert_ptr_nonnull(strstr(buf, ":tid "));
    tail = strstr(buf, "] [client ");
    ck_assert_ptr_nonnull(tail);
    want = "] [client 127.0.0.1:48978] , referer: http://x/y";
    ck_assert_str_eq(tail, want);
    /* the message lands right after the client field */
    ck_assert_int_eq(ms, (int)(tail - buf) + 27);
    ck_assert_int_eq(me, ms);
}
END_TEST

START_TEST(escaping)
{
    char out[64];
    int n = ap__log_escape(out, sizeof(out), "a\\b\"c\td\xc3\xa9\x01\n");

    out[n] = '\0';
    /* quotes stay, backslashes double, the rest as Debian's apache2 */
    ck_assert_str_eq(out, "a\\\\b\"c\\td\\xc3\\xa9\\x01\\n");
    /* never overruns: stops before an escape that does not fit */
    n = ap__log_escape(out, 5, "ab\x01");
    ck_assert_int_eq(n, 2);
}
END_TEST

START_TEST(level_names)
{
    ck_assert_int_eq(ap__log_level_by_name("emerg"), APLOG_EMERG);
    ck_assert_int_eq(ap__log_level_by_name("warn"), APLOG_WARNING);
    ck_assert_int_eq(ap__log_level_by_name("ERROR"), APLOG_ERR);
    ck_assert_int_eq(ap__log_level_by_name("trace8"), APLOG_TRACE8);
    ck_assert_int_eq(ap__log_level_by_name("warning"), -1);
    ck_assert_int_eq(ap__log_level_by_name(""), -1);
    ck_assert_str_eq(ap__log_level_names[APLOG_NOTICE], "notice");
}
END_TEST

START_TEST(level_macros)
{
    const server_rec *nosrv = NULL;

    /* levels up to NOTICE always pass; above, the server's level rules */
    srv->log.level = APLOG_WARNING;
    ck_assert(APLOG_MODULE_IS_LEVEL(srv, APLOG_NO_MODULE, APLOG_NOTICE));
    ck_assert(!APLOG_MODULE_IS_LEVEL(srv, APLOG_NO_MODULE, APLOG_INFO));
    ck_assert(APLOG_MODULE_IS_LEVEL(nosrv, APLOG_NO_MODULE, APLOG_TRACE8));
    srv->log.level = APLOG_DEBUG;
    ck_assert(APLOG_MODULE_IS_LEVEL(srv, APLOG_NO_MODULE,
                                    APLOG_DEBUG | APLOG_TOCLIENT));
    ck_assert_str_eq(APLOGNO(01234) "x", "AH01234: x");
}
END_TEST

static const char *loglevel(struct ap_logconf *dir, const char *args)
{
    cmd_parms cmd;
    char **argv;
    int argc = 0;
    core_dir_config dconf;

    memset(&cmd, 0, sizeof(cmd));
    memset(&dconf, 0, sizeof(dconf));
    cmd.pool = p;
    cmd.temp_pool = p;
    cmd.server = srv;
    dconf.log = dir;
    if (dir) {
        cmd.path = "/dir";
    }
    apr_tokenize_to_argv(args, &argv, p);
    while (argv[argc]) {
        argc++;
    }
    return ap__cmd_loglevel(&cmd, &dconf, argc, argv);
}

START_TEST(loglevel_directive)
{
    srv->log.level = APLOG_WARNING;
    ck_assert_ptr_null(loglevel(NULL, "info"));
    ck_assert_int_eq(srv->log.level, APLOG_INFO);
    ck_assert_ptr_null(loglevel(NULL, "TRACE3"));
    ck_assert_int_eq(srv->log.level, APLOG_TRACE3);
    ck_assert_str_eq(loglevel(NULL, "foo"),
                     "Log level keyword must be one of emerg/alert/crit/"
                     "error/warn/notice/info/debug/trace1/.../trace8");
    ck_assert_str_eq(loglevel(NULL, "nosuch:info"),
                     "Cannot find module nosuch");
    ck_assert_str_eq(loglevel(NULL, "warn core:"),
                     "Module specifier 'core' must be followed by a log "
                     "level keyword");
}
END_TEST

START_TEST(module_levels)
{
    struct ap_logconf base = { NULL, APLOG_WARNING };
    struct ap_logconf *dir = ap_new_log_config(p, NULL);

    ap_set_module_loglevel(p, &base, 3, APLOG_DEBUG);
    ck_assert_int_eq(ap_get_module_loglevel(&base, 3), APLOG_DEBUG);
    ck_assert_int_eq(ap_get_module_loglevel(&base, 4), APLOG_WARNING);
    ck_assert_int_eq(ap_get_module_loglevel(&base, APLOG_NO_MODULE),
                     APLOG_WARNING);
    /* a per-dir config with only a module level inherits the rest */
    ap_set_module_loglevel(p, dir, 4, APLOG_ERR);
    ap_merge_log_config(&base, dir);
    ck_assert_int_eq(dir->level, APLOG_WARNING);
    ck_assert_int_eq(ap_get_module_loglevel(dir, 3), APLOG_DEBUG);
    ck_assert_int_eq(ap_get_module_loglevel(dir, 4), APLOG_ERR);
    /* a plain level resets every module level set before it */
    ap_reset_module_loglevels(&base, -1);
    ck_assert_int_eq(ap_get_module_loglevel(&base, 3), APLOG_WARNING);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("log");
    TCase *tc = tcase_create("errorlog");

    tcase_add_checked_fixture(tc, setup, apr_test_teardown);
    tcase_add_test(tc, parse_errors);
    tcase_add_test(tc, simple_items);
    tcase_add_test(tc, fields_dropped);
    tcase_add_test(tc, modifiers);
    tcase_add_test(tc, status_item);
    tcase_add_test(tc, default_format);
    tcase_add_test(tc, escaping);
    tcase_add_test(tc, level_names);
    tcase_add_test(tc, level_macros);
    tcase_add_test(tc, loglevel_directive);
    tcase_add_test(tc, module_levels);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
