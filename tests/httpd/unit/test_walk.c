/*
 * The configuration walks on a real directory tree made by the test:
 * <Directory> sections by path segment with Options merging, path_info
 * split where a segment is a file, missing files, symlinks per Options
 * FollowSymLinks, <DirectoryMatch> with named groups (MATCH_*), the walk
 * cache (a second walk merges nothing), <Location>/<LocationMatch>
 * prefix rules and <Files> on the last segment. The sections are built
 * with core_module's own create/merge functions, as the config reader
 * does.
 */
#include "testutil.h"

#include <string.h>
#include <unistd.h>

#include "apr_file_io.h"
#include "apr_fnmatch.h"
#include "apr_hooks.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_request.h"
#include "ap_regex.h"

static server_rec *srv;
static core_server_config *sconf;
static conn_rec *conn;
static const char *root;    /* the test's directory tree */

static apr_status_t test_stat(apr_finfo_t *finfo, request_rec *r,
                              apr_int32_t wanted)
{
    return apr_stat(finfo, r->filename, wanted, r->pool);
}

static void mkfile(const char *path)
{
    apr_file_t *f;

    ck_assert_int_eq(apr_file_open(&f, path, APR_FOPEN_CREATE
                                   | APR_FOPEN_WRITE, APR_FPROT_OS_DEFAULT,
                                   p), APR_SUCCESS);
    apr_file_close(f);
}

/* root/a/b/file.txt, root/other/, root/link -> root/a */
static void make_tree(void)
{
    char *tmp;
    const char *dir;

    ck_assert_int_eq(apr_temp_dir_get(&dir, p), APR_SUCCESS);
    tmp = apr_psprintf(p, "%s/walkXXXXXX", dir);
    ck_assert_ptr_nonnull(mkdtemp(tmp));
    root = tmp;
    ck_assert_int_eq(apr_dir_make_recursive(apr_pstrcat(p, root, "/a/b",
                                                        NULL),
                                            APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_dir_make(apr_pstrcat(p, root, "/other", NULL),
                                  APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    mkfile(apr_pstrcat(p, root, "/a/b/file.txt", NULL));
    mkfile(apr_pstrcat(p, root, "/a/b/page.html", NULL));
    ck_assert_int_eq(symlink(apr_pstrcat(p, root, "/a", NULL),
                             apr_pstrcat(p, root, "/link", NULL)), 0);
}

static void remove_tree(void)
{
    static const char *const files[] = {
        "/link", "/a/b/file.txt", "/a/b/page.html", NULL
    };
    static const char *const dirs[] = { "/a/b", "/a", "/other", "", NULL };
    int i;

    if (!root) {
        return;
    }
    for (i = 0; files[i]; i++) {
        apr_file_remove(apr_pstrcat(p, root, files[i], NULL), p);
    }
    for (i = 0; dirs[i]; i++) {
        apr_dir_remove(apr_pstrcat(p, root, dirs[i], NULL), p);
    }
}

static ap_conf_vector_t *new_vector(void *core_conf)
{
    ap_conf_vector_t *v = ap_create_per_dir_config(p);

    ap_set_core_module_config(v, core_conf);
    return v;
}

static void setup(void)
{
    ap_conf_vector_t *defaults;

    apr_test_setup();
    apr_hook_global_pool = p;
    ck_assert_ptr_null(ap_add_module(&core_module, p, "core_module"));
    ap_hook_dirwalk_stat(test_stat, NULL, NULL, APR_HOOK_REALLY_LAST);
    apr_hook_sort_all();
    srv = apr_pcalloc(p, sizeof(*srv));
    srv->process = NULL;
    sconf = core_module.create_server_config(p, srv);
    srv->module_config = new_vector(sconf);
    defaults = new_vector(core_module.create_dir_config(p, NULL));
    srv->lookup_defaults = defaults;
    conn = apr_pcalloc(p, sizeof(*conn));
    conn->pool = p;
    conn->base_server = srv;
    make_tree();
}

static void teardown(void)
{
    remove_tree();
    apr_test_teardown();
    apr_hook_global_pool = NULL;
}

/* A request for @a filename (and @a uri) as translate_name leaves it. */
static request_rec *new_request(const char *uri, const char *filename)
{
    request_rec *r = apr_pcalloc(p, sizeof(*r));
    core_request_config *rc = apr_pcalloc(p, sizeof(*rc));

    r->pool = p;
    r->server = srv;
    r->connection = conn;
    r->per_dir_config = srv->lookup_defaults;
    r->request_config = ap_create_request_config(p);
    rc->notes = apr_pcalloc(p, sizeof(void *) * AP_NUM_STD_NOTES);
    ap_set_core_module_config(r->request_config, rc);
    r->subprocess_env = apr_table_make(p, 4);
    r->notes = apr_table_make(p, 4);
    r->uri = apr_pstrdup(p, uri);
    r->filename = filename ? apr_pstrdup(p, filename) : NULL;
    return r;
}

/* <Directory path> (or a regex one) with absolute or +/- options. */
static core_dir_config *section(apr_array_header_t *where, const char *path,
                                int is_regex)
{
    core_dir_config *c = core_module.create_dir_config(p, (char *)path);

    c->d = apr_pstrdup(p, path);
    if (is_regex) {
        c->r = ap_pregcomp(p, path, AP_REG_EXTENDED);
        ck_assert_ptr_nonnull(c->r);
    }
    else {
        c->d_is_fnmatch = apr_fnmatch_test(path) != 0;
        c->d_components = strcmp(path, "/") ? ap_count_dirs(path) : 0;
    }
    *(ap_conf_vector_t **)apr_array_push(where) = new_vector(c);
    return c;
}

static const char *dir(const char *rel)
{
    return apr_pstrcat(p, root, rel, NULL);
}

static int opts_of(request_rec *r)
{
    core_dir_config *d = ap_get_core_module_config(r->per_dir_config);

    return d->opts & ~OPT_UNSET;
}

START_TEST(test_file_with_path_info)
{
    request_rec *r = new_request("/x", dir("/a/b/file.txt/extra/more"));

    ck_assert_int_eq(ap_directory_walk(r), OK);
    ck_assert_str_eq(r->filename, dir("/a/b/file.txt"));
    ck_assert_str_eq(r->path_info, "/extra/more");
    ck_assert_int_eq(r->finfo.filetype, APR_REG);
    ck_assert_ptr_eq(r->canonical_filename, r->filename);
}
END_TEST

START_TEST(test_missing_file)
{
    request_rec *r = new_request("/x", dir("/a/nothere"));

    ck_assert_int_eq(ap_directory_walk(r), OK);
    ck_assert_str_eq(r->filename, dir("/a/nothere"));
    ck_assert_int_eq(r->finfo.filetype, APR_NOFILE);
    ck_assert(!r->path_info || !*r->path_info);
}
END_TEST

START_TEST(test_directory_request)
{
    request_rec *r = new_request("/x", dir("/a/b/"));

    ck_assert_int_eq(ap_directory_walk(r), OK);
    ck_assert_int_eq(r->finfo.filetype, APR_DIR);
    ck_assert(!r->path_info || !*r->path_info);
}
END_TEST

START_TEST(test_sections_merge_by_segment)
{
    request_rec *r;
    core_dir_config *c;

    /* sorted by segment count, as ap_core_reorder_directories leaves them */
    c = section(sconf->sec_dir, "/", 0);
    c->opts = OPT_SYM_LINKS;
    c = section(sconf->sec_dir, apr_pstrcat(p, dir("/a"), "/", NULL), 0);
    c->opts = OPT_INDEXES | OPT_SYM_LINKS;
    c = section(sconf->sec_dir, apr_pstrcat(p, dir("/other"), "/", NULL), 0);
    c->opts = OPT_INCLUDES;
    c = section(sconf->sec_dir, apr_pstrcat(p, dir("/a/b"), "/", NULL), 0);
    c->opts = OPT_UNSET;
    c->opts_add = OPT_EXECCGI;     /* Options +ExecCGI */

    r = new_request("/x", dir("/a/b/file.txt"));
    ck_assert_int_eq(ap_directory_walk(r), OK);
    ck_assert_int_eq(opts_of(r) & (OPT_INDEXES | OPT_EXECCGI | OPT_INCLUDES),
                     OPT_INDEXES | OPT_EXECCGI);

    r = new_request("/y", dir("/other/z"));
    ck_assert_int_eq(ap_directory_walk(r), OK);
    ck_assert_int_eq(opts_of(r) & (OPT_INDEXES | OPT_INCLUDES), OPT_INCLUDES);
}
END_TEST

START_TEST(test_symlinks_per_options)
{
    request_rec *r;
    core_dir_config *c = section(sconf->sec_dir, "/", 0);

    c->opts = OPT_NONE;             /* Options None: links refused */
    r = new_request("/x", dir("/link/b/file.txt"));
    ck_assert_int_eq(ap_directory_walk(r), HTTP_FORBIDDEN);

    c->opts = OPT_SYM_LINKS;
    r = new_request("/x", dir("/link/b/file.txt"));
    ck_assert_int_eq(ap_directory_walk(r), OK);
    ck_assert_str_eq(r->filename, dir("/link/b/file.txt"));
    ck_assert_int_eq(r->finfo.filetype, APR_REG);

    /* a link owned by us to a directory of ours */
    c->opts = OPT_SYM_OWNER;
    r = new_request("/x", dir("/link/b/file.txt"));
    ck_assert_int_eq(ap_directory_walk(r), OK);
}
END_TEST

START_TEST(test_directory_match_named_group)
{
    request_rec *r;
    core_dir_config *c;

    section(sconf->sec_dir, "/", 0)->opts = OPT_SYM_LINKS;
    c = section(sconf->sec_dir, "/(?<leaf>[a-z]+)/file\\.txt$", 1);
    c->opts = OPT_MULTI;
    c->refs = apr_array_make(p, 2, sizeof(const char *));
    *(const char **)apr_array_push(c->refs) = NULL;
    *(const char **)apr_array_push(c->refs) = "MATCH_LEAF";

    r = new_request("/x", dir("/a/b/file.txt"));
    ck_assert_int_eq(ap_directory_walk(r), OK);
    ck_assert_int_eq(opts_of(r) & OPT_MULTI, OPT_MULTI);
    ck_assert_str_eq(apr_table_get(r->subprocess_env, "MATCH_LEAF"), "b");

    r = new_request("/x", dir("/a/b/page.html"));
    ck_assert_int_eq(ap_directory_walk(r), OK);
    ck_assert_int_eq(opts_of(r) & OPT_MULTI, 0);
    ck_assert_ptr_null(apr_table_get(r->subprocess_env, "MATCH_LEAF"));
}
END_TEST

START_TEST(test_walk_cache_reuses_result)
{
    request_rec *r;
    ap_conf_vector_t *first;

    section(sconf->sec_dir, "/", 0)->opts = OPT_SYM_LINKS;
    section(sconf->sec_dir, apr_pstrcat(p, dir("/a"), "/", NULL), 0)->opts =
        OPT_INDEXES | OPT_SYM_LINKS;
    r = new_request("/x", dir("/a/b/file.txt"));
    ck_assert_int_eq(ap_directory_walk(r), OK);
    first = r->per_dir_config;
    ck_assert_ptr_ne(first, srv->lookup_defaults);
    /* as map_to_storage would run it again from the defaults */
    r->per_dir_config = srv->lookup_defaults;
    ck_assert_int_eq(ap_directory_walk(r), OK);
    ck_assert_ptr_eq(r->per_dir_config, first);
    /* a sibling file in the same directory: the same merged result */
    r->per_dir_config = srv->lookup_defaults;
    r->filename = apr_pstrdup(p, dir("/a/b/page.html"));
    r->finfo.filetype = APR_NOFILE;
    ck_assert_int_eq(ap_directory_walk(r), OK);
    ck_assert_ptr_eq(r->per_dir_config, first);
}
END_TEST

START_TEST(test_no_filename_is_tolerated)
{
    request_rec *r = new_request("/x", NULL);

    ck_assert_int_eq(ap_directory_walk(r), OK);
    ck_assert_int_eq(ap_file_walk(r), OK);
}
END_TEST

START_TEST(test_location_prefix_rules)
{
    request_rec *r;
    core_dir_config *c;

    section(sconf->sec_url, "/foo", 0)->opts = OPT_INDEXES;
    section(sconf->sec_url, "/bar/", 0)->opts = OPT_INCLUDES;
    c = section(sconf->sec_url, "^/(?<what>img|css)/", 1);
    c->opts = OPT_EXECCGI;
    c->refs = apr_array_make(p, 2, sizeof(const char *));
    *(const char **)apr_array_push(c->refs) = NULL;
    *(const char **)apr_array_push(c->refs) = "MATCH_WHAT";

    r = new_request("/foo", NULL);
    ck_assert_int_eq(ap_location_walk(r), OK);
    ck_assert_int_eq(opts_of(r) & OPT_INDEXES, OPT_INDEXES);
    r = new_request("/foo/x/y", NULL);
    ck_assert_int_eq(ap_location_walk(r), OK);
    ck_assert_int_eq(opts_of(r) & OPT_INDEXES, OPT_INDEXES);
    r = new_request("/foobar", NULL);
    ck_assert_int_eq(ap_location_walk(r), OK);
    ck_assert_int_eq(opts_of(r) & OPT_INDEXES, 0);
    /* a trailing slash in the section requires it in the URI */
    r = new_request("/bar", NULL);
    ck_assert_int_eq(ap_location_walk(r), OK);
    ck_assert_int_eq(opts_of(r) & OPT_INCLUDES, 0);
    r = new_request("/bar/z", NULL);
    ck_assert_int_eq(ap_location_walk(r), OK);
    ck_assert_int_eq(opts_of(r) & OPT_INCLUDES, OPT_INCLUDES);
    r = new_request("/css/site.css", NULL);
    ck_assert_int_eq(ap_location_walk(r), OK);
    ck_assert_int_eq(opts_of(r) & OPT_EXECCGI, OPT_EXECCGI);
    ck_assert_str_eq(apr_table_get(r->subprocess_env, "MATCH_WHAT"), "css");
}
END_TEST

START_TEST(test_location_walk_cached)
{
    request_rec *r;
    ap_conf_vector_t *after;

    section(sconf->sec_url, "/foo", 0)->opts = OPT_INDEXES;
    r = new_request("/foo/a", NULL);
    ck_assert_int_eq(ap_location_walk(r), OK);
    after = r->per_dir_config;
    /* nothing changed since: no new merge */
    ck_assert_int_eq(ap_location_walk(r), OK);
    ck_assert_ptr_eq(r->per_dir_config, after);
}
END_TEST

START_TEST(test_files_on_last_segment)
{
    request_rec *r;
    core_dir_config *d = ap_get_core_module_config(srv->lookup_defaults);

    d->sec_file = apr_array_make(p, 2, sizeof(ap_conf_vector_t *));
    section(d->sec_file, "*.txt", 0)->opts = OPT_INCLUDES;
    section(d->sec_file, "page.html", 0)->opts = OPT_MULTI;

    r = new_request("/x", dir("/a/b/file.txt"));
    ck_assert_int_eq(ap_file_walk(r), OK);
    ck_assert_int_eq(opts_of(r) & (OPT_INCLUDES | OPT_MULTI), OPT_INCLUDES);
    r = new_request("/x", dir("/a/b/page.html"));
    ck_assert_int_eq(ap_file_walk(r), OK);
    ck_assert_int_eq(opts_of(r) & (OPT_INCLUDES | OPT_MULTI), OPT_MULTI);
    r = new_request("/x", dir("/a/b/file.txt.bak"));
    ck_assert_int_eq(ap_file_walk(r), OK);
    ck_assert_int_eq(opts_of(r) & (OPT_INCLUDES | OPT_MULTI), 0);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("walk");
    TCase *tc = tcase_create("walk");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_file_with_path_info);
    tcase_add_test(tc, test_missing_file);
    tcase_add_test(tc, test_directory_request);
    tcase_add_test(tc, test_sections_merge_by_segment);
    tcase_add_test(tc, test_symlinks_per_options);
    tcase_add_test(tc, test_directory_match_named_group);
    tcase_add_test(tc, test_walk_cache_reuses_result);
    tcase_add_test(tc, test_no_filename_is_tolerated);
    tcase_add_test(tc, test_location_prefix_rules);
    tcase_add_test(tc, test_location_walk_cached);
    tcase_add_test(tc, test_files_on_last_segment);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
