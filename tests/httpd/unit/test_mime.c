/*
 * mod_mime: splitting file names into extensions, reading mime.types
 * lines, the Add and Remove directives and their merging, and the
 * type_checker for the parts that do not need a content type.
 * Expectations follow Debian's apache2 (e.g. "f.txt.fr.de" is text/plain
 * in fr and de; RemoveType also hides the TypesConfig entry).
 */
#include "testutil.h"

#include <string.h>

#include "apr_strings.h"
#include "apr_file_io.h"

#include "httpd.h"
#include "http_config.h"
#include "../../../httpd/modules/http/mod_mime_private.h"

extern module AP_MODULE_DECLARE_DATA mime_module;

/* The extensions of @a name, joined by '|'. */
static const char *exts(const char *name)
{
    const char *cur = name + ap__mime_base_len(name);
    const char *e;
    apr_size_t len;
    char *out = "";

    while (ap__mime_next_ext(&cur, &e, &len)) {
        out = apr_pstrcat(p, out, *out ? "|" : "",
                          apr_pstrmemdup(p, e, len), NULL);
    }
    return out;
}

START_TEST(test_base_and_extensions)
{
    ck_assert_uint_eq(ap__mime_base_len("index.html"), 5);
    ck_assert_uint_eq(ap__mime_base_len(".htaccess"), 9);
    ck_assert_uint_eq(ap__mime_base_len(".png"), 4);
    ck_assert_uint_eq(ap__mime_base_len("..x.y"), 3);
    ck_assert_uint_eq(ap__mime_base_len("Makefile"), 8);
    ck_assert_uint_eq(ap__mime_base_len(""), 0);

    ck_assert_str_eq(exts("index.html"), "html");
    ck_assert_str_eq(exts("arch.tar.gz"), "tar|gz");
    ck_assert_str_eq(exts("welcome.html.fr"), "html|fr");
    ck_assert_str_eq(exts("bad..html."), "html");
    ck_assert_str_eq(exts(".hidden"), "");
    ck_assert_str_eq(exts(".hidden.TXT"), "TXT");
    ck_assert_str_eq(exts("noext"), "");
}
END_TEST

START_TEST(test_types_lines)
{
    apr_hash_t *h = apr_hash_make(p);

    ap__mime_types_line(p, "# text/x-comment cmt", h);
    ap__mime_types_line(p, "   ", h);
    ap__mime_types_line(p, "Text/HTML\thtml HTM  # trailing comment", h);
    ap__mime_types_line(p, "application/x-none", h);
    ap__mime_types_line(p, "text/plain .txt text", h);
    ap__mime_types_line(p, "text/x-later htm", h);

    ck_assert_uint_eq(apr_hash_count(h), 4);
    ck_assert_str_eq(apr_hash_get(h, "html", APR_HASH_KEY_STRING),
                     "text/html");
    /* a later line wins */
    ck_assert_str_eq(apr_hash_get(h, "htm", APR_HASH_KEY_STRING),
                     "text/x-later");
    ck_assert_str_eq(apr_hash_get(h, "txt", APR_HASH_KEY_STRING),
                     "text/plain");
    ck_assert_ptr_null(apr_hash_get(h, "cmt", APR_HASH_KEY_STRING));
    ck_assert_ptr_null(apr_hash_get(h, "trailing", APR_HASH_KEY_STRING));
}
END_TEST

START_TEST(test_types_file)
{
    const char *dir = NULL;
    char *name;
    apr_file_t *f;
    apr_hash_t *h = NULL;
    static const char text[] = "# ours\nimage/png png\nfont/woff2 woff2\n";
    apr_size_t n = sizeof(text) - 1;

    ck_assert_int_eq(apr_temp_dir_get(&dir, p), APR_SUCCESS);
    name = apr_pstrcat(p, dir, "/test_mime_XXXXXX", NULL);
    ck_assert_int_eq(apr_file_mktemp(&f, name, APR_FOPEN_CREATE
                                     | APR_FOPEN_READ | APR_FOPEN_WRITE
                                     | APR_FOPEN_EXCL, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_write(f, text, &n), APR_SUCCESS);
    apr_file_close(f);

    ck_assert_int_eq(ap__mime_types_read(p, name, &h), APR_SUCCESS);
    ck_assert_str_eq(apr_hash_get(h, "woff2", APR_HASH_KEY_STRING),
                     "font/woff2");
    ck_assert_str_eq(apr_hash_get(h, "png", APR_HASH_KEY_STRING),
                     "image/png");
    apr_file_remove(name, p);
    ck_assert_int_ne(ap__mime_types_read(p, name, &h), APR_SUCCESS);
}
END_TEST

/* Run directive @a name of mod_mime with the given arguments. */
static const char *directive(ap__mime_dir_conf *c, const char *name,
                             const char *a1, const char *a2)
{
    const command_rec *cmd;
    cmd_parms parms;

    for (cmd = mime_module.cmds; cmd->name; cmd++) {
        if (!strcasecmp(cmd->name, name)) {
            break;
        }
    }
    ck_assert_ptr_nonnull(cmd->name);
    memset(&parms, 0, sizeof(parms));
    parms.pool = p;
    parms.temp_pool = p;
    parms.info = (void *)cmd->cmd_data;
    parms.cmd = cmd;
    if (cmd->args_how == ITERATE2) {
        return cmd->AP_TAKE2(&parms, c, a1, a2);
    }
    return cmd->AP_TAKE1(&parms, c, a1);
}

static ap__mime_dir_conf *new_conf(void)
{
    return mime_module.create_dir_config(p, NULL);
}

static const ap__mime_ext_info *info(const ap__mime_dir_conf *c,
                                     const char *ext)
{
    ck_assert_ptr_nonnull(c->ext_map);
    return apr_hash_get(c->ext_map, ext, APR_HASH_KEY_STRING);
}

START_TEST(test_add_directives)
{
    ap__mime_dir_conf *c = new_conf();

    ck_assert_ptr_null(directive(c, "AddType", "Text/X-Foo", ".FOO"));
    ck_assert_ptr_null(directive(c, "AddCharset", "EUC-JP", "euc"));
    ck_assert_ptr_null(directive(c, "AddHandler", "CGI-Script", ".cgi"));
    ck_assert_ptr_null(directive(c, "AddEncoding", "X-Gzip", ".gz"));
    ck_assert_ptr_null(directive(c, "AddOutputFilter", "INCLUDES;DEFLATE",
                                 ".shtml"));
    /* values lowercased as Apache does (filter names kept) */
    ck_assert_str_eq(info(c, "foo")->forced_type, "text/x-foo");
    ck_assert_str_eq(info(c, "euc")->charset_type, "euc-jp");
    ck_assert_str_eq(info(c, "cgi")->handler, "cgi-script");
    ck_assert_str_eq(info(c, "gz")->encoding_type, "x-gzip");
    ck_assert_str_eq(info(c, "shtml")->output_filters, "INCLUDES;DEFLATE");
    ck_assert_ptr_null(info(c, "foo")->handler);

    ck_assert_ptr_null(directive(c, "MultiviewsMatch", "Handlers", NULL));
    ck_assert_ptr_null(directive(c, "MultiviewsMatch", "Filters", NULL));
    ck_assert_ptr_nonnull(directive(c, "MultiviewsMatch", "Any", NULL));
    ck_assert_ptr_nonnull(directive(c, "MultiviewsMatch", "Bogus", NULL));
}
END_TEST

START_TEST(test_merge_and_remove)
{
    ap__mime_dir_conf *base = new_conf(), *add = new_conf();
    ap__mime_dir_conf *m;

    directive(base, "AddType", "text/x-foo", ".foo");
    directive(base, "AddHandler", "cgi-script", ".foo");
    directive(base, "AddLanguage", "fr", ".fr");
    directive(add, "AddLanguage", "de", ".fr");
    directive(add, "RemoveHandler", ".foo", NULL);
    directive(add, "RemoveType", ".txt", NULL);

    m = mime_module.merge_dir_config(p, base, add);
    ck_assert_str_eq(info(m, "foo")->forced_type, "text/x-foo");
    ck_assert_ptr_null(info(m, "foo")->handler);
    ck_assert_str_eq(info(m, "fr")->language_type, "de");
    /* RemoveType leaves "" so that TypesConfig's entry is hidden too */
    ck_assert_str_eq(info(m, "txt")->forced_type, "");
    /* the parent is untouched */
    ck_assert_str_eq(info(base, "foo")->handler, "cgi-script");
    ck_assert_str_eq(info(base, "fr")->language_type, "fr");
}
END_TEST

/* A request for file @a fn under configuration @a c. */
static request_rec *request(ap__mime_dir_conf *c, const char *fn)
{
    request_rec *r = apr_pcalloc(p, sizeof(*r));
    void **vec = apr_pcalloc(p, sizeof(void *));

    mime_module.module_index = 0;
    vec[0] = c;
    r->pool = p;
    r->per_dir_config = (ap_conf_vector_t *)vec;
    r->notes = apr_table_make(p, 2);
    r->filename = apr_pstrdup(p, fn);
    r->finfo.filetype = APR_REG;
    return r;
}

START_TEST(test_type_checker_metadata)
{
    ap__mime_dir_conf *c = new_conf(), *m;
    request_rec *r;

    ap__mime_types = apr_hash_make(p);
    directive(c, "AddLanguage", "fr", ".fr");
    directive(c, "AddLanguage", "de", ".de");
    directive(c, "AddEncoding", "x-gzip", ".gz");
    directive(c, "AddHandler", "cgi-script", ".cgi");
    m = mime_module.merge_dir_config(p, new_conf(), c);

    r = request(m, "/srv/f.FR.de");
    ck_assert_int_eq(ap__mime_find_ct(r), DECLINED);   /* no type */
    ck_assert_int_eq(r->content_languages->nelts, 2);
    ck_assert_str_eq(APR_ARRAY_IDX(r->content_languages, 0, char *), "fr");
    ck_assert_str_eq(APR_ARRAY_IDX(r->content_languages, 1, char *), "de");

    r = request(m, "/srv/a.gz.gz");
    ap__mime_find_ct(r);
    ck_assert_str_eq(r->content_encoding, "x-gzip, x-gzip");

    r = request(m, "/srv/x.cgi.unknown");
    ap__mime_find_ct(r);
    ck_assert_str_eq(r->handler, "cgi-script");
    ck_assert_ptr_null(r->content_type);

    /* a proxied request never gets a handler from AddHandler */
    r = request(m, "/srv/x.cgi");
    r->proxyreq = PROXYREQ_REVERSE;
    ap__mime_find_ct(r);
    ck_assert_ptr_null(r->handler);

    /* dots of the directory do not count */
    r = request(m, "/srv.fr/plain");
    ap__mime_find_ct(r);
    ck_assert_ptr_null(r->content_languages);

    ck_assert_ptr_null(directive(m, "DefaultLanguage", "en", NULL));
    r = request(m, "/srv/plain");
    ap__mime_find_ct(r);
    ck_assert_str_eq(APR_ARRAY_IDX(r->content_languages, 0, char *), "en");

    r = request(m, "/srv/f.txt");
    r->filename = NULL;
    ck_assert_int_eq(ap__mime_find_ct(r), DECLINED);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("mime");
    TCase *tc = apr_test_tcase("mime");

    tcase_add_test(tc, test_base_and_extensions);
    tcase_add_test(tc, test_types_lines);
    tcase_add_test(tc, test_types_file);
    tcase_add_test(tc, test_add_directives);
    tcase_add_test(tc, test_merge_and_remove);
    tcase_add_test(tc, test_type_checker_metadata);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
