/*
 * The configuration tokenizer: ap_cfg_getline (continuation lines, white
 * space, CR LF, line numbers, the length limit), both kinds of sources
 * (getstr and getch only), ap_getword_conf/ap_getword_conf2 quoting and
 * ap_resolve_env (Define'd variables, then the environment, unknown ones
 * kept).  Expectations follow Apache 2.4's util.c behaviour as seen with
 * Debian's apache2 (e.g. a line ending in "\\" continues even when the
 * backslash is itself escaped; no inline comments).
 */
#include "testutil.h"

#include <string.h>

#include "apr_env.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "config_private.h"

/* An in-memory source: getstr behaves like apr_file_gets. */
typedef struct {
    const char *data;
    apr_size_t len, pos;
} memsrc;

static apr_status_t mem_getstr(void *buf, apr_size_t bufsize, void *param)
{
    memsrc *m = param;
    char *out = buf;
    apr_size_t n = 0;

    if (m->pos >= m->len) {
        return APR_EOF;
    }
    while (n + 1 < bufsize && m->pos < m->len) {
        char c = m->data[m->pos++];

        out[n++] = c;
        if (c == '\n') {
            break;
        }
    }
    out[n] = '\0';
    return APR_SUCCESS;
}

static apr_status_t mem_getch(char *ch, void *param)
{
    memsrc *m = param;

    if (m->pos >= m->len) {
        return APR_EOF;
    }
    *ch = m->data[m->pos++];
    return APR_SUCCESS;
}

static ap_configfile_t *open_mem(const char *text, int use_getstr)
{
    memsrc *m = apr_pcalloc(p, sizeof(*m));

    m->data = text;
    m->len = strlen(text);
    return ap_pcfg_open_custom(p, "mem.conf", m, mem_getch,
                               use_getstr ? mem_getstr : NULL, NULL);
}

/* Reads every line of text joined by '|', each followed by ":<line>". */
static const char *all_lines(const char *text, int use_getstr)
{
    ap_configfile_t *cfg = open_mem(text, use_getstr);
    char buf[256];
    const char *out = "";

    while (ap_cfg_getline(buf, sizeof(buf), cfg) == APR_SUCCESS) {
        out = apr_psprintf(p, "%s%s%s:%u", out, *out ? "|" : "", buf,
                           cfg->line_number);
    }
    return out;
}

START_TEST(test_getline_whitespace)
{
    int g;

    for (g = 0; g < 2; g++) {
        ck_assert_str_eq(all_lines("  Foo bar  \n\tBaz\t\n", g),
                         "Foo bar:1|Baz:2");
        ck_assert_str_eq(all_lines("a  b   c\n", g), "a  b   c:1");
        ck_assert_str_eq(all_lines("\n   \nx\n", g), ":1|:2|x:3");
        ck_assert_str_eq(all_lines("crlf\r\nnext\r\n", g), "crlf:1|next:2");
        ck_assert_str_eq(all_lines("last line", g), "last line:1");
        ck_assert_str_eq(all_lines("", g), "");
        ck_assert_str_eq(all_lines("# comment stays\n", g),
                         "# comment stays:1");
    }
}
END_TEST

START_TEST(test_getline_continuation)
{
    int g;

    for (g = 0; g < 2; g++) {
        /* the next line is appended as it is, leading spaces included */
        ck_assert_str_eq(all_lines("Alias /a \\\n    /b\nNext\n", g),
                         "Alias /a     /b:2|Next:3");
        ck_assert_str_eq(all_lines("a\\\r\nb\r\n", g), "ab:2");
        ck_assert_str_eq(all_lines("a\\\nb\\\nc\nd\n", g), "abc:3|d:4");
        /* an escaped backslash still continues, as in Apache */
        ck_assert_str_eq(all_lines("a\\\\\nb\n", g), "a\\b:2");
        /* a backslash followed by a space is not a continuation */
        ck_assert_str_eq(all_lines("a\\ \nb\n", g), "a\\:1|b:2");
        /* continuation into the end of the file */
        ck_assert_str_eq(all_lines("x \\\n", g), "x:2");
        ck_assert_str_eq(all_lines("x \\\ny", g), "x y:2");
    }
}
END_TEST

START_TEST(test_getline_too_long)
{
    ap_configfile_t *cfg = open_mem("short\n0123456789abcdef\nok\n", 1);
    char buf[8];

    ck_assert_int_eq(ap_cfg_getline(buf, sizeof(buf), cfg), APR_SUCCESS);
    ck_assert_str_eq(buf, "short");
    ck_assert_int_eq(ap_cfg_getline(buf, sizeof(buf), cfg), APR_ENOSPC);
    ck_assert_str_eq(ap_pcfg_strerror(p, cfg, APR_ENOSPC),
                     "Error reading mem.conf at line 2: Line too long");
    /* exactly bufsize - 2 characters and the newline fit */
    cfg = open_mem("123456\n1234567\n", 0);
    ck_assert_int_eq(ap_cfg_getline(buf, sizeof(buf), cfg), APR_SUCCESS);
    ck_assert_str_eq(buf, "123456");
    ck_assert_int_eq(ap_cfg_getline(buf, sizeof(buf), cfg), APR_ENOSPC);
    /* a tiny buffer is refused, not overrun */
    ck_assert_int_eq(ap_cfg_getline(buf, 1, open_mem("x\n", 1)), APR_ENOSPC);
    ck_assert_ptr_null(ap_pcfg_strerror(p, cfg, APR_SUCCESS));
}
END_TEST

START_TEST(test_getline_eof_and_getc)
{
    ap_configfile_t *cfg = open_mem("a\nb\n", 1);
    char buf[16];
    char c;

    ck_assert_int_eq(ap_cfg_getline(buf, sizeof(buf), cfg), APR_SUCCESS);
    ck_assert_int_eq(ap_cfg_getline(buf, sizeof(buf), cfg), APR_SUCCESS);
    ck_assert_int_eq(ap_cfg_getline(buf, sizeof(buf), cfg), APR_EOF);
    ck_assert_int_eq(ap_cfg_getline(buf, sizeof(buf), cfg), APR_EOF);

    cfg = open_mem("x\ny", 0);
    ck_assert_int_eq(ap_cfg_getc(&c, cfg), APR_SUCCESS);
    ck_assert_int_eq(c, 'x');
    ck_assert_uint_eq(cfg->line_number, 0);
    ck_assert_int_eq(ap_cfg_getc(&c, cfg), APR_SUCCESS);
    ck_assert_uint_eq(cfg->line_number, 1);     /* counted at the LF */
    ck_assert_int_eq(ap_cfg_closefile(cfg), 0);
}
END_TEST

START_TEST(test_openfile)
{
    ap_configfile_t *cfg = NULL;
    const char *dir = NULL;
    const char *name;
    apr_file_t *f;
    char buf[64];

    ck_assert_int_eq(apr_temp_dir_get(&dir, p), APR_SUCCESS);
    /* a directory is not a configuration file */
    ck_assert_int_eq(ap_pcfg_openfile(&cfg, p, dir), APR_EBADF);
    ck_assert(APR_STATUS_IS_ENOENT(ap_pcfg_openfile(&cfg, p,
                                   "/nonexistent/dir/x.conf")));
    name = apr_pstrcat(p, dir, "/cfgtokXXXXXX", NULL);
    ck_assert_int_eq(apr_file_mktemp(&f, (char *)name,
                     APR_FOPEN_CREATE | APR_FOPEN_READ | APR_FOPEN_WRITE
                     | APR_FOPEN_EXCL, p), APR_SUCCESS);
    apr_file_puts("One two\\\n three\n", f);
    apr_file_close(f);
    ck_assert_int_eq(ap_pcfg_openfile(&cfg, p, name), APR_SUCCESS);
    ck_assert_str_eq(cfg->name, name);
    ck_assert_int_eq(ap_cfg_getline(buf, sizeof(buf), cfg), APR_SUCCESS);
    ck_assert_str_eq(buf, "One two three");
    ck_assert_uint_eq(cfg->line_number, 2);
    ck_assert_int_eq(ap_cfg_closefile(cfg), 0);
    apr_file_remove(name, p);
}
END_TEST

/* The words of line, joined by '|'. */
static const char *words(const char *line, int two)
{
    const char *out = "";
    int guard = 0;

    while (*line && guard++ < 64) {
        char *w = two ? ap_getword_conf2(p, &line) : ap_getword_conf(p, &line);

        out = apr_pstrcat(p, out, guard > 1 ? "|" : "", w, NULL);
    }
    return out;
}

START_TEST(test_getword_conf)
{
    const char *line = "   ";

    ck_assert_str_eq(ap_getword_conf(p, &line), "");
    ck_assert_str_eq(line, "");
    ck_assert_str_eq(words("a b\tc", 0), "a|b|c");
    ck_assert_str_eq(words("\"a b\" 'c d' e", 0), "a b|c d|e");
    ck_assert_str_eq(words("\"say \\\"hi\\\"\"", 0), "say \"hi\"");
    ck_assert_str_eq(words("'it\\'s'", 0), "it's");
    /* inside double quotes \' is kept as it is */
    ck_assert_str_eq(words("\"it\\'s\"", 0), "it\\'s");
    ck_assert_str_eq(words("\"back\\\\slash\"", 0), "back\\slash");
    /* outside quotes only \\ is special */
    ck_assert_str_eq(words("a\\\\b c\\d", 0), "a\\b|c\\d");
    /* a quote inside a word is just a character */
    ck_assert_str_eq(words("ab\"c d\"", 0), "ab\"c|d\"");
    /* an unterminated quote runs to the end */
    ck_assert_str_eq(words("\"abc def", 0), "abc def");
    /* an empty quoted word */
    ck_assert_str_eq(words("\"\" x", 0), "|x");
    /* quotes end a word even without a following space */
    ck_assert_str_eq(words("\"a\"b", 0), "a|b");
    line = "first   rest of it";
    ck_assert_str_eq(ap_getword_conf(p, &line), "first");
    ck_assert_str_eq(line, "rest of it");
}
END_TEST

START_TEST(test_getword_conf2)
{
    ck_assert_str_eq(words("{a {b} c} d", 1), "a {b} c|d");
    ck_assert_str_eq(words("\"q w\" {x}", 1), "q w|x");
    ck_assert_str_eq(words("{unterminated {x}", 1), "unterminated {x}");
    ck_assert_str_eq(words("plain", 1), "plain");
}
END_TEST

START_TEST(test_resolve_env)
{
    cmd_parms cmd;
    const char *s = "no variables here";

    memset(&cmd, 0, sizeof(cmd));
    cmd.pool = p;
    cmd.temp_pool = p;
    /* the same pointer when there is nothing to do */
    ck_assert_ptr_eq(ap_resolve_env(p, s), s);
    ck_assert_ptr_null(ap__cmd_define(&cmd, NULL, "CFGTEST_V", "val"));
    ck_assert_str_eq(ap_resolve_env(p, "x${CFGTEST_V}y${CFGTEST_V}"),
                     "xvalyval");
    ck_assert_int_eq(apr_env_set("CFGTEST_ENV", "env", p), APR_SUCCESS);
    ck_assert_str_eq(ap_resolve_env(p, "${CFGTEST_ENV}/a"), "env/a");
    /* a Define wins over the environment */
    ck_assert_ptr_null(ap__cmd_define(&cmd, NULL, "CFGTEST_ENV", "def"));
    ck_assert_str_eq(ap_resolve_env(p, "${CFGTEST_ENV}"), "def");
    /* unknown variables and broken references stay as written */
    ck_assert_str_eq(ap_resolve_env(p, "a${CFGTEST_NOPE}b"),
                     "a${CFGTEST_NOPE}b");
    ck_assert_str_eq(ap_resolve_env(p, "a${unterminated"), "a${unterminated");
    ck_assert_str_eq(ap_resolve_env(p, "$CFGTEST_V {x}"), "$CFGTEST_V {x}");
    /* values are not expanded again */
    ck_assert_ptr_null(ap__cmd_define(&cmd, NULL, "CFGTEST_R",
                                      "${CFGTEST_V}"));
    ck_assert_str_eq(ap_resolve_env(p, "${CFGTEST_R}"), "${CFGTEST_V}");
    ck_assert(ap_exists_config_define("CFGTEST_V"));
    ck_assert_ptr_null(ap__cmd_undefine(&cmd, NULL, "CFGTEST_V"));
    ck_assert(!ap_exists_config_define("CFGTEST_V"));
    ck_assert_str_eq(ap_resolve_env(p, "${CFGTEST_V}"), "${CFGTEST_V}");
    ck_assert_str_eq(ap__cmd_define(&cmd, NULL, "a:b", NULL),
                     "Variable name must not contain ':'");
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("config_tokenizer");
    TCase *tc = apr_test_tcase("config_tokenizer");

    tcase_add_test(tc, test_getline_whitespace);
    tcase_add_test(tc, test_getline_continuation);
    tcase_add_test(tc, test_getline_too_long);
    tcase_add_test(tc, test_getline_eof_and_getc);
    tcase_add_test(tc, test_openfile);
    tcase_add_test(tc, test_getword_conf);
    tcase_add_test(tc, test_getword_conf2);
    tcase_add_test(tc, test_resolve_env);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
