/*
 * Options and AllowOverride: parsing (the +/- mixing rules and Apache's
 * exact error texts, checked against Debian's apache2 -t) and the merge of
 * a section's Options with the enclosing ones (absolute lists replace,
 * +/- lists edit, IncludesNOEXEC below Includes drops exec).  Also
 * FileETag's +/- merge, which follows the same scheme.
 */
#include "testutil.h"

#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "core_private.h"

static apr_pool_t *ptemp;
static ap_directive_t directive;
static command_rec command = { "Options" };

/* A cmd_parms as the configuration walker gives a main-config section
 * (pool != temp_pool: not .htaccess). */
static cmd_parms *make_cmd(int override_opts)
{
    cmd_parms *cmd = apr_pcalloc(p, sizeof(*cmd));

    apr_pool_create(&ptemp, p);
    memset(&directive, 0, sizeof(directive));
    directive.directive = "Options";
    directive.filename = "test.conf";
    directive.line_num = 1;
    cmd->pool = p;
    cmd->temp_pool = ptemp;
    cmd->override = OR_ALL | ACCESS_CONF;
    cmd->override_opts = override_opts;
    cmd->directive = &directive;
    cmd->cmd = &command;
    cmd->limited = -1;
    return cmd;
}

static core_dir_config *dir_with(const char *options, const char **err)
{
    cmd_parms *cmd = make_cmd(OPT_ALL | OPT_SYM_OWNER | OPT_MULTI);
    core_dir_config *d = ap__core_create_dir_config(p, "/x/");

    *err = ap__core_set_options(cmd, d, options);
    return d;
}

static core_dir_config *dir_ok(const char *options)
{
    const char *err;
    core_dir_config *d = dir_with(options, &err);

    ck_assert_msg(err == NULL, "Options %s: unexpected error %s", options,
                  err);
    return d;
}

static core_dir_config *merge(core_dir_config *base, core_dir_config *add)
{
    return ap__core_merge_dir_config(p, base, add);
}

static void assert_err(const char *options, const char *expected)
{
    const char *err;

    dir_with(options, &err);
    ck_assert_msg(err != NULL, "Options %s: accepted", options);
    ck_assert_str_eq(err, expected);
}

START_TEST(test_absolute_list)
{
    core_dir_config *d = dir_ok("Indexes FollowSymLinks");

    ck_assert_int_eq(d->opts, OPT_INDEXES | OPT_SYM_LINKS);
    ck_assert_int_eq(d->opts_add, 0);
    ck_assert_int_eq(d->opts_remove, 0);
    d = dir_ok("Includes");
    ck_assert_int_eq(d->opts, OPT_INCLUDES | OPT_INC_WITH_EXEC);
    d = dir_ok("IncludesNOEXEC MultiViews");
    ck_assert_int_eq(d->opts, OPT_INCLUDES | OPT_MULTI);
    d = dir_ok("All");
    ck_assert_int_eq(d->opts, OPT_ALL);
    ck_assert(!(d->opts & OPT_MULTI)); /* All never includes MultiViews */
    d = dir_ok("None");
    ck_assert_int_eq(d->opts, OPT_NONE);
    d = dir_ok("indexes execcgi"); /* names are case-insensitive */
    ck_assert_int_eq(d->opts, OPT_INDEXES | OPT_EXECCGI);
}
END_TEST

START_TEST(test_relative_list)
{
    core_dir_config *d = dir_ok("+Indexes -FollowSymLinks");

    ck_assert(d->opts & OPT_UNSET); /* still inherits */
    ck_assert_int_eq(d->opts_add, OPT_INDEXES);
    ck_assert_int_eq(d->opts_remove, OPT_SYM_LINKS);
    /* a later -X cancels an earlier +X and vice versa */
    d = dir_ok("+Indexes -Indexes");
    ck_assert_int_eq(d->opts_add, 0);
    ck_assert_int_eq(d->opts_remove, OPT_INDEXES);
    /* None or All first, then +/- words, is allowed */
    d = dir_ok("None +Indexes");
    ck_assert_int_eq(d->opts, OPT_INDEXES);
}
END_TEST

START_TEST(test_errors)
{
    const char *mixed =
        "Either all Options must start with + or -, or no Option may.";

    assert_err("+Indexes FollowSymLinks", mixed);
    assert_err("FollowSymLinks +Indexes", mixed);
    assert_err("Indexes -ExecCGI", mixed);
    assert_err("+All", "You may not use 'Options +All' or 'Options -All'.");
    assert_err("-None",
               "You may not use 'Options +None' or 'Options -None'.");
    assert_err("Indexes All", "'Options All' must be the first option given.");
    assert_err("Indexes None",
               "'Options None' must be the first Option given.");
    assert_err("Bogus", "Illegal option Bogus");
    assert_err("+Bogus", "Illegal option Bogus");
}
END_TEST

START_TEST(test_not_allowed_here)
{
    /* .htaccess under "AllowOverride Options=Indexes" */
    cmd_parms *cmd = make_cmd(OPT_INDEXES);
    core_dir_config *d = ap__core_create_dir_config(p, "/x/");
    const char *err;

    ck_assert_ptr_null(ap__core_set_options(cmd, d, "+Indexes"));
    err = ap__core_set_options(cmd, d, "ExecCGI");
    ck_assert_ptr_nonnull(err);
    ck_assert_str_eq(err, "Option ExecCGI not allowed here");
    err = ap__core_set_options(cmd, d, "All");
    ck_assert_str_eq(err, "Option All not allowed here");
}
END_TEST

START_TEST(test_merge_relative)
{
    core_dir_config *base = dir_ok("Indexes FollowSymLinks");
    core_dir_config *m = merge(base, dir_ok("+ExecCGI -Indexes"));

    ck_assert_int_eq(m->opts, OPT_SYM_LINKS | OPT_EXECCGI);
    /* three levels: the edits accumulate */
    m = merge(merge(dir_ok("Indexes"), dir_ok("+FollowSymLinks")),
              dir_ok("-Indexes"));
    ck_assert_int_eq(m->opts, OPT_SYM_LINKS);
}
END_TEST

START_TEST(test_merge_absolute_replaces)
{
    core_dir_config *base = merge(dir_ok("Indexes"), dir_ok("+MultiViews"));
    core_dir_config *m = merge(base, dir_ok("ExecCGI"));

    ck_assert_int_eq(m->opts, OPT_EXECCGI);
    ck_assert_int_eq(m->opts_add, 0);
    /* an absolute list below a relative one keeps only itself, and a
     * later relative list applies on top of it */
    m = merge(m, dir_ok("+Indexes"));
    ck_assert_int_eq(m->opts, OPT_EXECCGI | OPT_INDEXES);
}
END_TEST

START_TEST(test_merge_server_default)
{
    /* The server-wide default follows symlinks (2.4). */
    core_dir_config *top = ap__core_create_dir_config(p, NULL);
    core_dir_config *unset = ap__core_create_dir_config(p, "/x/");
    core_dir_config *m;

    ck_assert(top->opts & OPT_SYM_LINKS);
    m = merge(top, dir_ok("+Indexes"));
    ck_assert_int_eq(m->opts & ~OPT_UNSET, OPT_SYM_LINKS | OPT_INDEXES);
    /* a section without Options inherits as is */
    m = merge(dir_ok("Indexes"), unset);
    ck_assert_int_eq(m->opts, OPT_INDEXES);
    /* AllowOverride default is None */
    ck_assert_int_eq(top->override & ~OR_UNSET, OR_NONE);
}
END_TEST

START_TEST(test_merge_includes_noexec)
{
    core_dir_config *m = merge(dir_ok("Includes"),
                               dir_ok("+IncludesNOEXEC"));

    ck_assert(m->opts & OPT_INCLUDES);
    ck_assert(!(m->opts & OPT_INC_WITH_EXEC));
}
END_TEST

static core_dir_config *override_with(const char *args, const char **err)
{
    cmd_parms *cmd = make_cmd(OPT_ALL);
    core_dir_config *d = ap__core_create_dir_config(p, "/x/");

    directive.directive = "AllowOverride";
    command.name = "AllowOverride";
    *err = ap__core_set_override(cmd, d, args);
    return d;
}

START_TEST(test_allow_override)
{
    const char *err;
    core_dir_config *d = override_with("AuthConfig Options=Indexes,MultiViews",
                                       &err);

    ck_assert_ptr_null(err);
    ck_assert_int_eq(d->override, OR_AUTHCFG | OR_OPTIONS);
    ck_assert_int_eq(d->override_opts, OPT_INDEXES | OPT_MULTI);
    d = override_with("All", &err);
    ck_assert_ptr_null(err);
    ck_assert_int_eq(d->override, OR_ALL);
    d = override_with("None", &err);
    ck_assert_ptr_null(err);
    ck_assert_int_eq(d->override, OR_NONE);
    d = override_with("FileInfo Nonfatal=Override", &err);
    ck_assert_ptr_null(err);
    ck_assert_int_eq(d->override, OR_FILEINFO | NONFATAL_OVERRIDE);
    d = override_with("Bogus", &err);
    ck_assert_str_eq(err, "Illegal override option Bogus");
    d = override_with("Nonfatal", &err);
    ck_assert_str_eq(err,
                     "=Override, =Unknown or =All expected after Nonfatal");
    d = override_with("Options=Indexes,Bogus", &err);
    ck_assert_str_eq(err, "Illegal option Bogus");
}
END_TEST

START_TEST(test_allow_override_merge)
{
    const char *err;
    core_dir_config *base = override_with("All", &err);
    core_dir_config *m = merge(base, ap__core_create_dir_config(p, "/y/"));

    ck_assert_int_eq(m->override, OR_ALL); /* unset inherits */
    m = merge(base, override_with("Limit", &err));
    ck_assert_int_eq(m->override, OR_LIMIT);
}
END_TEST

START_TEST(test_file_etag_merge)
{
    cmd_parms *cmd = make_cmd(OPT_ALL);
    core_dir_config *base = ap__core_create_dir_config(p, "/x/");
    core_dir_config *add = ap__core_create_dir_config(p, "/x/y/");
    core_dir_config *m;
    command_rec rec = { "FileETag" };

    cmd->cmd = &rec; /* the messages name the directive */
    ck_assert_ptr_null(ap__core_set_etag_bits(cmd, base, "MTime Size INode"));
    ck_assert_ptr_null(ap__core_set_etag_bits(cmd, add, "-INode"));
    m = merge(base, add);
    ck_assert_int_eq(m->etag_bits, ETAG_MTIME | ETAG_SIZE);
    ck_assert_str_eq(ap__core_set_etag_bits(cmd, add, "+All"),
                     "FileETag keyword 'All' cannot be used with '+' or '-'");
    ck_assert_str_eq(ap__core_set_etag_bits(cmd, add, "Bogus"),
                     "Unknown keyword 'Bogus' for FileETag directive");
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("core_options");
    TCase *tc = apr_test_tcase("core_options");

    tcase_add_test(tc, test_absolute_list);
    tcase_add_test(tc, test_relative_list);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_not_allowed_here);
    tcase_add_test(tc, test_merge_relative);
    tcase_add_test(tc, test_merge_absolute_replaces);
    tcase_add_test(tc, test_merge_server_default);
    tcase_add_test(tc, test_merge_includes_noexec);
    tcase_add_test(tc, test_allow_override);
    tcase_add_test(tc, test_allow_override_merge);
    tcase_add_test(tc, test_file_etag_merge);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
