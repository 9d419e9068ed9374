/*
 * httpd.h path helpers: "." and ".." resolution (ap_getparents,
 * ap_normalize_path with each flag), slash merging, directory prefixes,
 * joining, URL detection, directory tests and the wildcard walk used by
 * Include (ap_dir_fnmatch: sorted, optional, recursive).
 */
#include "testutil.h"

#include <string.h>

#include "apr_file_io.h"
#include "apr_strings.h"

#include "httpd.h"

static char *norm(const char *in, unsigned int flags, int *ok)
{
    char *s = apr_pstrdup(p, in);

    *ok = ap_normalize_path(s, flags);
    return s;
}

static char *parents(const char *in)
{
    char *s = apr_pstrdup(p, in);

    ap_getparents(s);
    return s;
}

START_TEST(test_getparents)
{
    ck_assert_str_eq(parents("/a/b/../c/./d"), "/a/c/d");
    ck_assert_str_eq(parents("/../a"), "/a");
    ck_assert_str_eq(parents("/a/.."), "/");
    ck_assert_str_eq(parents("/a/b/.."), "/a/");
    ck_assert_str_eq(parents("/a/."), "/a/");
    ck_assert_str_eq(parents("a/../../b"), "b");
    ck_assert_str_eq(parents("/a..b/.c/"), "/a..b/.c/");
    ck_assert_str_eq(parents("/a//b"), "/a//b"); /* slashes untouched */
}
END_TEST

START_TEST(test_normalize)
{
    int ok;

    ck_assert_str_eq(norm("/a/%2e%2e/b", AP_NORMALIZE_DECODE_UNRESERVED, &ok),
                     "/b");
    ck_assert(ok);
    ck_assert_str_eq(norm("/a/.%2E/b", AP_NORMALIZE_DECODE_UNRESERVED, &ok),
                     "/b");
    ck_assert_str_eq(norm("/%7euser/%41", AP_NORMALIZE_DECODE_UNRESERVED, &ok),
                     "/~user/A");
    ck_assert_str_eq(norm("/a/%2e%2e/b", 0, &ok), "/a/%2e%2e/b");
    ck_assert_str_eq(norm("/a%2fb", AP_NORMALIZE_DECODE_UNRESERVED, &ok),
                     "/a%2fb"); /* '/' is reserved: stays encoded */

    norm("/../a", AP_NORMALIZE_NOT_ABOVE_ROOT, &ok);
    ck_assert(!ok);
    ck_assert_str_eq(norm("/../a", 0, &ok), "/a");
    ck_assert(ok);

    norm("a/b", 0, &ok);
    ck_assert(!ok);
    ck_assert_str_eq(norm("a/./b", AP_NORMALIZE_ALLOW_RELATIVE, &ok), "a/b");
    ck_assert(ok);
    norm("", AP_NORMALIZE_ALLOW_RELATIVE, &ok);
    ck_assert(!ok);
    ck_assert_str_eq(norm("*", 0, &ok), "*");
    ck_assert(ok);

    ck_assert_str_eq(norm("//a///b/./c", AP_NORMALIZE_MERGE_SLASHES, &ok),
                     "/a/b/c");
    ck_assert_str_eq(norm("//a//b", 0, &ok), "//a//b");

    norm("/a%zz", AP_NORMALIZE_DECODE_UNRESERVED, &ok);
    ck_assert(!ok);
    norm("/a%2", AP_NORMALIZE_DECODE_UNRESERVED, &ok);
    ck_assert(!ok);
}
END_TEST

START_TEST(test_slashes_and_dirs)
{
    char a[] = "//a///b/";
    char buf[64];
    char *end;

    ap_no2slash(a);
    ck_assert_str_eq(a, "/a/b/");

    ck_assert_int_eq(ap_count_dirs("/a/b/c"), 3);
    ck_assert_int_eq(ap_count_dirs("abc"), 0);

    end = ap_make_dirstr_prefix(buf, "/a/b/c", 2);
    ck_assert_str_eq(buf, "/a/");
    ck_assert_ptr_eq(end, buf + 3);
    ap_make_dirstr_prefix(buf, "/a/b/c", 1);
    ck_assert_str_eq(buf, "/");
    ap_make_dirstr_prefix(buf, "/a/b/c", 0);
    ck_assert_str_eq(buf, "/");
    ap_make_dirstr_prefix(buf, "/a/b/c", 10);
    ck_assert_str_eq(buf, "/a/b/c/");

    ck_assert_str_eq(ap_make_dirstr_parent(p, "/a/b/c"), "/a/b/");
    ck_assert_str_eq(ap_make_dirstr_parent(p, "/a/b/"), "/a/b/");
    ck_assert_str_eq(ap_make_dirstr_parent(p, "abc"), "");

    ck_assert_str_eq(ap_make_full_path(p, "/a", "b"), "/a/b");
    ck_assert_str_eq(ap_make_full_path(p, "/a/", "b"), "/a/b");
    ck_assert_str_eq(ap_make_full_path(p, "", "b"), "/b");
    ck_assert_str_eq(ap_make_full_path(p, "/a", ""), "/a/");
    ck_assert_str_eq(ap_make_full_path(p, "/a", "/b"), "/a//b");

    ck_assert(ap_os_is_path_absolute(p, "/etc"));
    ck_assert(!ap_os_is_path_absolute(p, "etc"));

    ck_assert(ap_is_url("http://example.com/"));
    ck_assert(ap_is_url("a+b.c-d:x"));
    ck_assert(!ap_is_url("://x"));
    ck_assert(!ap_is_url("/a:b"));
    ck_assert(!ap_is_url("noscheme"));
}
END_TEST

/* A scratch directory: dir/{b.conf, a.conf, c.txt, .hidden.conf, sub/d.conf} */
static const char *make_tree(void)
{
    const char *tmp = NULL;
    char *dir;
    static const char *const files[] = {
        "b.conf", "a.conf", "c.txt", ".hidden.conf", "sub/d.conf"
    };
    apr_size_t i;

    ck_assert_int_eq(apr_temp_dir_get(&tmp, p), APR_SUCCESS);
    dir = apr_psprintf(p, "%s/test_util_path.%d", tmp, (int)apr_time_now());
    ck_assert_int_eq(apr_dir_make(dir, APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    ck_assert_int_eq(apr_dir_make(apr_pstrcat(p, dir, "/sub", NULL),
                                  APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        apr_file_t *f;

        ck_assert_int_eq(apr_file_open(&f, apr_pstrcat(p, dir, "/", files[i],
                                                        NULL),
                                       APR_FOPEN_CREATE | APR_FOPEN_WRITE,
                                       APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
        apr_file_close(f);
    }
    return dir;
}

static void remove_tree(const char *dir)
{
    static const char *const files[] = {
        "b.conf", "a.conf", "c.txt", ".hidden.conf", "sub/d.conf"
    };
    apr_size_t i;

    for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
        apr_file_remove(apr_pstrcat(p, dir, "/", files[i], NULL), p);
    apr_dir_remove(apr_pstrcat(p, dir, "/sub", NULL), p);
    apr_dir_remove(dir, p);
}

static const char *collect(ap_dir_match_t *w, const char *fname)
{
    apr_array_header_t *seen = w->ctx;
    const char *base = strrchr(fname, '/');

    APR_ARRAY_PUSH(seen, const char *) = base ? base + 1 : fname;
    return NULL;
}

static apr_array_header_t *walk(const char *dir, const char *pattern,
                                int flags, const char **err)
{
    apr_array_header_t *seen = apr_array_make(p, 4, sizeof(char *));
    ap_dir_match_t w;

    memset(&w, 0, sizeof(w));
    w.p = p;
    w.ptemp = p;
    w.prefix = "Include: ";
    w.cb = collect;
    w.ctx = seen;
    w.flags = flags;
    *err = ap_dir_fnmatch(&w, dir, pattern);
    return seen;
}

static const char *joined(apr_array_header_t *a)
{
    return apr_array_pstrcat(p, a, ',');
}

START_TEST(test_directories_and_walk)
{
    const char *dir = make_tree();
    const char *err;
    apr_array_header_t *seen;

    ck_assert(ap_is_directory(p, dir));
    ck_assert(ap_is_rdirectory(p, dir));
    ck_assert(!ap_is_directory(p, apr_pstrcat(p, dir, "/a.conf", NULL)));
    ck_assert(!ap_is_rdirectory(p, apr_pstrcat(p, dir, "/nope", NULL)));

    seen = walk(dir, "*.conf", AP_DIR_FLAG_NONE, &err);
    ck_assert_ptr_null(err);
    ck_assert_str_eq(joined(seen), "a.conf,b.conf"); /* sorted, no dotfile */

    seen = walk(dir, "*/d.conf", AP_DIR_FLAG_NONE, &err);
    ck_assert_ptr_null(err);
    ck_assert_str_eq(joined(seen), "d.conf");

    seen = walk(dir, "sub", AP_DIR_FLAG_RECURSIVE, &err);
    ck_assert_ptr_null(err);
    ck_assert_str_eq(joined(seen), "d.conf");

    seen = walk(dir, "none*.conf", AP_DIR_FLAG_NONE, &err);
    ck_assert_ptr_nonnull(err);
    ck_assert_ptr_nonnull(strstr(err, "Include: No matches for the wildcard"));
    seen = walk(dir, "none*.conf", AP_DIR_FLAG_OPTIONAL, &err);
    ck_assert_ptr_null(err);
    ck_assert_int_eq(seen->nelts, 0);
    seen = walk(dir, "missing.conf", AP_DIR_FLAG_OPTIONAL, &err);
    ck_assert_ptr_null(err);
    ck_assert_int_eq(seen->nelts, 0);
    seen = walk(dir, "missing.conf", AP_DIR_FLAG_NONE, &err);
    ck_assert_ptr_null(err); /* the callback reports missing files */
    ck_assert_int_eq(seen->nelts, 1);
    remove_tree(dir);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("util_path");
    TCase *tc = apr_test_tcase("util_path");

    tcase_add_test(tc, test_getparents);
    tcase_add_test(tc, test_normalize);
    tcase_add_test(tc, test_slashes_and_dirs);
    tcase_add_test(tc, test_directories_and_walk);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
