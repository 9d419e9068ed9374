/*
 * Directive invocation and the configuration tree: a toy module with one
 * directive of every args_how, built from in-memory text with
 * ap_build_config() and run with ap_walk_config().  The error texts are
 * Apache 2.4's (checked against Debian's apache2 -t), e.g.
 * "X takes one argument, <help>", "Invalid command 'X', perhaps misspelled
 * or defined by a module not included in the server configuration",
 * "X not allowed in <Sect> context", "Expected </A> but saw </B>".
 */
#include "testutil.h"

#include <string.h>

#include "apr_file_io.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "config_private.h"

typedef struct {
    const char *str;
    int num;
    int flag;
} toy_dir;

/* What the handlers saw, "Name(arg,arg)" joined by ' '. */
static const char *seen;

static void record(cmd_parms *cmd, const char *a, const char *b,
                   const char *c)
{
    seen = apr_psprintf(p, "%s%s%s(%s%s%s%s%s)", seen, *seen ? " " : "",
                        cmd->cmd->name, a ? a : "-", b ? "," : "",
                        b ? b : "", c ? "," : "", c ? c : "");
}

static const char *h_take1(cmd_parms *cmd, void *d, const char *a)
{
    record(cmd, a, NULL, NULL);
    return NULL;
}

static const char *h_take2(cmd_parms *cmd, void *d, const char *a,
                           const char *b)
{
    record(cmd, a, b ? b : "-", NULL);
    return NULL;
}

static const char *h_take3(cmd_parms *cmd, void *d, const char *a,
                           const char *b, const char *c)
{
    record(cmd, a, b ? b : "-", c ? c : "-");
    return NULL;
}

static const char *h_flag(cmd_parms *cmd, void *d, int on)
{
    record(cmd, on ? "on" : "off", NULL, NULL);
    return NULL;
}

static const char *h_none(cmd_parms *cmd, void *d)
{
    record(cmd, NULL, NULL, NULL);
    return NULL;
}

static const char *h_raw(cmd_parms *cmd, void *d, const char *args)
{
    record(cmd, args, NULL, NULL);
    return NULL;
}

static const char *h_argv(cmd_parms *cmd, void *d, int argc,
                          char *const argv[])
{
    int i;
    const char *all = apr_itoa(p, argc);

    for (i = 0; i < argc; i++) {
        all = apr_pstrcat(p, all, ":", argv[i], NULL);
    }
    record(cmd, all, NULL, NULL);
    return NULL;
}

static const char *h_global(cmd_parms *cmd, void *d, const char *a)
{
    return ap_check_cmd_context(cmd, GLOBAL_ONLY);
}

static const char *h_decline(cmd_parms *cmd, void *d, const char *a)
{
    return DECLINE_CMD;
}

/* <Sect x>: like <Directory>, a directory context for its children. */
static const char *h_sect(cmd_parms *cmd, void *d, const char *args)
{
    int old_override = cmd->override;
    char *old_path = cmd->path;
    const char *err;

    cmd->path = "sect";
    cmd->override = ACCESS_CONF | OR_ALL;
    err = ap_walk_config(cmd->directive->first_child, cmd,
                         ap_create_per_dir_config(cmd->pool));
    cmd->override = old_override;
    cmd->path = old_path;
    return err;
}

static void *toy_create_dir(apr_pool_t *pool, char *dir)
{
    return apr_pcalloc(pool, sizeof(toy_dir));
}

static const command_rec toy_cmds[] = {
    AP_INIT_TAKE1("T1", h_take1, NULL, RSRC_CONF, "help1"),
    AP_INIT_TAKE2("T2", h_take2, NULL, RSRC_CONF, "help2"),
    AP_INIT_TAKE12("T12", h_take2, NULL, RSRC_CONF, "help12"),
    AP_INIT_TAKE3("T3", h_take3, NULL, RSRC_CONF, "help3"),
    AP_INIT_TAKE23("T23", h_take3, NULL, RSRC_CONF, "help23"),
    AP_INIT_TAKE123("T123", h_take3, NULL, RSRC_CONF, "help123"),
    AP_INIT_TAKE13("T13", h_take3, NULL, RSRC_CONF, "help13"),
    AP_INIT_ITERATE("It", h_take1, NULL, RSRC_CONF, "helpit"),
    AP_INIT_ITERATE2("It2", h_take2, NULL, RSRC_CONF, "helpit2"),
    AP_INIT_FLAG("Fl", h_flag, NULL, RSRC_CONF, "helpfl"),
    { "None", { .no_args = h_none }, NULL, RSRC_CONF, NO_ARGS, "helpn" },
    AP_INIT_RAW_ARGS("Raw", h_raw, NULL, RSRC_CONF, "helpraw"),
    AP_INIT_TAKE_ARGV("Argv", h_argv, NULL, RSRC_CONF, "helpargv"),
    AP_INIT_TAKE1("DirOnly", h_take1, NULL, ACCESS_CONF, NULL),
    AP_INIT_TAKE1("Fi", h_take1, NULL, OR_FILEINFO, NULL),
    AP_INIT_TAKE1("Au", h_take1, NULL, OR_AUTHCFG, NULL),
    AP_INIT_TAKE1("Global", h_global, NULL, RSRC_CONF | ACCESS_CONF, NULL),
    AP_INIT_TAKE1("Declined", h_decline, NULL, RSRC_CONF, NULL),
    AP_INIT_TAKE1("Old", ap_set_deprecated, NULL, RSRC_CONF,
                  "Old is gone, use New"),
    AP_INIT_TAKE1("Str", ap_set_string_slot,
                  (void *)APR_OFFSETOF(toy_dir, str), ACCESS_CONF, NULL),
    AP_INIT_TAKE1("Num", ap_set_int_slot,
                  (void *)APR_OFFSETOF(toy_dir, num), ACCESS_CONF, NULL),
    AP_INIT_FLAG("Flg", ap_set_flag_slot,
                 (void *)APR_OFFSETOF(toy_dir, flag), ACCESS_CONF, NULL),
    AP_INIT_RAW_ARGS("<Sect", h_sect, NULL, RSRC_CONF, NULL),
    AP_INIT_TAKE1("Include", ap__cmd_include, NULL,
                  RSRC_CONF | ACCESS_CONF | EXEC_ON_READ, "inc"),
    AP_INIT_TAKE1("IncludeOptional", ap__cmd_include, (void *)1,
                  RSRC_CONF | ACCESS_CONF | EXEC_ON_READ, "incopt"),
    AP_INIT_TAKE12("Define", ap__cmd_define, NULL,
                   EXEC_ON_READ | ACCESS_CONF | RSRC_CONF, "def"),
    AP_INIT_RAW_ARGS("<IfDefine", ap__cmd_ifdefine, NULL,
                     EXEC_ON_READ | OR_ALL, NULL),
    AP_INIT_RAW_ARGS("<IfModule", ap__cmd_ifmodule, NULL,
                     EXEC_ON_READ | OR_ALL, NULL),
    AP_INIT_RAW_ARGS("<IfDirective", ap__cmd_ifdirective, NULL,
                     EXEC_ON_READ | OR_ALL, NULL),
    { NULL }
};

static module toy_module = {
    MODULE_MAGIC_NUMBER_MAJOR, MODULE_MAGIC_NUMBER_MINOR, -1, "mod_toy.c",
    NULL, NULL, MODULE_MAGIC_COOKIE, NULL,
    toy_create_dir, NULL, NULL, NULL, toy_cmds, NULL, 0
};

static server_rec *srv;
static apr_pool_t *ptemp;

static void setup(void)
{
    apr_test_setup();
    ck_assert_int_eq(apr_pool_create(&ptemp, p), APR_SUCCESS);
    ck_assert_ptr_null(ap_add_module(&toy_module, p, "toy_module"));
    srv = apr_pcalloc(p, sizeof(*srv));
    srv->module_config = ap_create_per_dir_config(p);
    srv->lookup_defaults = ap_create_per_dir_config(p);
    seen = "";
}

static void teardown(void)
{
    apr_test_teardown();
}

typedef struct {
    const char *s;
    apr_size_t pos;
} strsrc;

static apr_status_t str_getstr(void *buf, apr_size_t size, void *param)
{
    strsrc *src = param;
    char *out = buf;
    apr_size_t n = 0;

    if (src->s[src->pos] == '\0') {
        return APR_EOF;
    }
    while (n + 1 < size && src->s[src->pos]) {
        out[n] = src->s[src->pos++];
        if (out[n++] == '\n') {
            break;
        }
    }
    out[n] = '\0';
    return APR_SUCCESS;
}

static ap_directive_t *tree;

/* Builds and walks text; "OK", or "<line>: <error>" (0: no directive). */
static const char *run(const char *text)
{
    strsrc *src = apr_pcalloc(p, sizeof(*src));
    cmd_parms parms;
    const char *err;

    src->s = text;
    ap__init_cmd_parms(&parms, srv, p, ptemp);
    parms.config_file = ap_pcfg_open_custom(p, "t.conf", src, NULL,
                                            str_getstr, NULL);
    tree = NULL;
    err = ap_build_config(&parms, p, ptemp, &tree);
    if (err == NULL) {
        parms.err_directive = NULL;     /* as ap_process_config_tree */
        err = ap_walk_config(tree, &parms, srv->lookup_defaults);
    }
    if (err == NULL) {
        return "OK";
    }
    return apr_psprintf(p, "%d: %s", parms.err_directive
                        ? parms.err_directive->line_num : 0, err);
}

START_TEST(test_take_n)
{
    ck_assert_str_eq(run("T1 a\nT2 a b\nT12 a\nT12 a b\n"), "OK");
    ck_assert_str_eq(seen, "T1(a) T2(a,b) T12(a,-) T12(a,b)");
    seen = "";
    ck_assert_str_eq(run("T3 a b c\nT23 a b\nT23 a b c\nT123 a\n"
                         "T123 a b c\nT13 a\nT13 a b c\n"), "OK");
    ck_assert_str_eq(seen, "T3(a,b,c) T23(a,b,-) T23(a,b,c) T123(a,-,-) "
                     "T123(a,b,c) T13(a,-,-) T13(a,b,c)");
    ck_assert_str_eq(run("T1"), "1: T1 takes one argument, help1");
    ck_assert_str_eq(run("\nT1 a b"), "2: T1 takes one argument, help1");
    ck_assert_str_eq(run("T1 a \"\""), "1: T1 takes one argument, help1");
    ck_assert_str_eq(run("T2 a"), "1: T2 takes two arguments, help2");
    ck_assert_str_eq(run("T2 a b c"), "1: T2 takes two arguments, help2");
    ck_assert_str_eq(run("T12"), "1: T12 takes 1-2 arguments, help12");
    ck_assert_str_eq(run("T12 a b c"), "1: T12 takes 1-2 arguments, help12");
    ck_assert_str_eq(run("T3 a b"), "1: T3 takes three arguments, help3");
    ck_assert_str_eq(run("T23 a"),
                     "1: T23 takes two or three arguments, help23");
    ck_assert_str_eq(run("T123 a b c d"),
                     "1: T123 takes one, two or three arguments, help123");
    ck_assert_str_eq(run("T13 a b"),
                     "1: T13 takes one or three arguments, help13");
    ck_assert_str_eq(run("T1 \"quoted arg\""), "OK");
}
END_TEST

START_TEST(test_iterate_flag_raw)
{
    ck_assert_str_eq(run("It a b c\nIt2 k v1 v2\n"), "OK");
    ck_assert_str_eq(seen, "It(a) It(b) It(c) It2(k,v1) It2(k,v2)");
    ck_assert_str_eq(run("It"), "1: It requires at least one argument, "
                     "helpit");
    ck_assert_str_eq(run("It2 k"), "1: It2 requires at least two arguments, "
                     "helpit2");
    seen = "";
    ck_assert_str_eq(run("Fl on\nFl OFF\nFl On extra\n"), "OK");
    ck_assert_str_eq(seen, "Fl(on) Fl(off) Fl(on)");
    ck_assert_str_eq(run("Fl maybe"), "1: Fl must be On or Off");
    ck_assert_str_eq(run("Fl"), "1: Fl must be On or Off");
    seen = "";
    ck_assert_str_eq(run("None\nRaw  a \"b c\"  d\nArgv x \"y z\" w\n"
                         "Argv\n"), "OK");
    ck_assert_str_eq(seen, "None(-) Raw(a \"b c\"  d) Argv(3:x:y z:w) "
                     "Argv(0)");
    ck_assert_str_eq(run("None x"), "1: None takes no arguments");
}
END_TEST

START_TEST(test_unknown_and_context)
{
    ck_assert_str_eq(run("# comment\n\nBogus x\n"),
                     "3: Invalid command 'Bogus', perhaps misspelled or "
                     "defined by a module not included in the server "
                     "configuration");
    /* names are matched case-insensitively */
    ck_assert_str_eq(run("t1 x"), "OK");
    ck_assert_str_eq(run("DirOnly x"), "1: DirOnly not allowed here");
    ck_assert_str_eq(run("<Sect x>\nDirOnly y\n</Sect>\n"), "OK");
    ck_assert_str_eq(run("<Sect x>\nT1 y\n</Sect>\n"),
                     "2: T1 not allowed in <Sect> context");
    ck_assert_str_eq(run("<Sect x>\n\n<Sect y>\n</Sect>\n</Sect>\n"),
                     "3: <Sect not allowed in <Sect> context");
    ck_assert_str_eq(run("Global x"), "OK");
    ck_assert_str_eq(run("<Sect x>\nGlobal y\n</Sect>\n"),
                     "2: Global cannot occur within directory context");
    ck_assert_str_eq(run("Declined x"), "OK");
    ck_assert_str_eq(run("Old x"), "1: Old is gone, use New");
}
END_TEST

START_TEST(test_sections)
{
    ck_assert_str_eq(run("<Sect x>\nT1 a\n"),
                     "1: t.conf:1: <Sect> was not closed.");
    ck_assert_str_eq(run("<Sect x>\n<Sect y>\n"),
                     "1: t.conf:2: <Sect> was not closed." APR_EOL_STR
                     "t.conf:1: <Sect> was not closed.");
    ck_assert_str_eq(run("T1 a\n</Sect>\n"),
                     "2: </Sect> without matching <Sect> section");
    ck_assert_str_eq(run("<Sect x>\n</Other>\n"),
                     "2: Expected </Sect> but saw </Other>");
    ck_assert_str_eq(run("<Sect x>\n</Sect\n"),
                     "2: </Sect> directive missing closing '>'");
    /* the tree: names, arguments, lines and nesting */
    ck_assert_str_eq(run("T1 a\n<sect   \"a b\">\n  T1 \\\n  b\n</SECT>\n"
                         "T2 c d\n"), "4: T1 not allowed in <Sect> context");
    ck_assert_str_eq(tree->directive, "T1");
    ck_assert_str_eq(tree->next->directive, "<Sect");
    ck_assert_str_eq(tree->next->args, "\"a b\">");
    ck_assert_int_eq(tree->next->line_num, 2);
    ck_assert_str_eq(tree->next->first_child->args, "b");
    ck_assert_int_eq(tree->next->first_child->line_num, 4);
    ck_assert_ptr_eq(tree->next->first_child->parent, tree->next);
    ck_assert_str_eq(tree->next->next->directive, "T2");
    ck_assert_ptr_null(tree->next->next->parent);
    /* "<Sect>" without arguments hands ">" to the handler */
    ck_assert_str_eq(run("<Sect>\n</Sect>\n"), "OK");
}
END_TEST

START_TEST(test_slots)
{
    toy_dir *d;

    ck_assert_str_eq(run("<Sect x>\nStr hello\nNum 42\nFlg on\n</Sect>\n"),
                     "OK");
    ck_assert_str_eq(run("<Sect x>\nNum 4x2\n</Sect>\n"),
                     "2: Invalid value for directive Num, expected integer");
    ck_assert_str_eq(run("<Sect x>\nNum 99999999999999\n</Sect>\n"),
                     "2: Invalid value for directive Num, expected integer");
    d = apr_pcalloc(p, sizeof(*d));
    {
        cmd_parms cmd;
        memset(&cmd, 0, sizeof(cmd));
        cmd.pool = p;
        cmd.info = (void *)APR_OFFSETOF(toy_dir, str);
        ck_assert_ptr_null(ap_set_string_slot(&cmd, d, "v"));
        ck_assert_str_eq(d->str, "v");
        ck_assert_ptr_null(ap_set_string_slot_lower(&cmd, d, "MiXed"));
        ck_assert_str_eq(d->str, "mixed");
        cmd.info = (void *)APR_OFFSETOF(toy_dir, flag);
        ck_assert_ptr_null(ap_set_flag_slot(&cmd, d, 7));
        ck_assert_int_eq(d->flag, 1);
        cmd.info = (void *)APR_OFFSETOF(toy_dir, str);
        ck_assert_ptr_null(ap_set_file_slot(&cmd, d, "/abs/file"));
        ck_assert_str_eq(d->str, "/abs/file");
    }
}
END_TEST

START_TEST(test_exec_on_read)
{
    ck_assert_str_eq(run("Define V val\nT1 ${V}\n"
                         "<IfDefine V>\nT1 yes\n</IfDefine>\n"
                         "<IfDefine !V>\nBogus\n</IfDefine>\n"
                         "<IfModule mod_toy.c>\nT1 mod\n</IfModule>\n"
                         "<IfModule !mod_toy.c>\n<Nested>\nBogus\n</Nested>\n"
                         "</IfModule>\n"
                         "<IfDirective T3>\nT1 dir\n</IfDirective>\n"
                         "<IfDirective !T3>\nBogus\n</IfDirective>\n"
                         "T1 end\n"), "OK");
    ck_assert_str_eq(seen, "T1(val) T1(yes) T1(mod) T1(dir) T1(end)");
    ck_assert_str_eq(run("<IfDefine>\n</IfDefine>\n"),
                     "1: <IfDefine> directive requires additional arguments");
    ck_assert_str_eq(run("<IfDefine X\n"),
                     "1: <IfDefine> directive missing closing '>'");
    ck_assert_str_eq(run("<IfDefine NOPE>\nT1 a\n"),
                     "1: Expected </IfDefine> before end of configuration");
    ck_assert_str_eq(run("<IfDefine NOPE>\n</IfDefine x>\n"),
                     "1: Expected </IfDefine> but saw </IfDefin>");
    ck_assert_str_eq(run("Define\n"),
                     "1: Define takes 1-2 arguments, def");
    /* the body of a true section is spliced in place, with its parent */
    ck_assert_str_eq(run("<Sect a>\n<IfDefine V>\nT1 x\n</IfDefine>\n"
                         "</Sect>\n"), "3: T1 not allowed in <Sect> context");
}
END_TEST

/* Writes name (under dir) with the given content. */
static void put(const char *dir, const char *name, const char *content)
{
    apr_file_t *f;
    const char *path = apr_pstrcat(p, dir, "/", name, NULL);

    ck_assert_int_eq(apr_file_open(&f, path, APR_FOPEN_WRITE
                                   | APR_FOPEN_CREATE | APR_FOPEN_TRUNCATE,
                                   APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    apr_file_puts(content, f);
    apr_file_close(f);
}

static const char *make_tree(void)
{
    const char *tmp = NULL;
    apr_file_t *f;
    char *dir;

    ck_assert_int_eq(apr_temp_dir_get(&tmp, p), APR_SUCCESS);
    /* a unique name from a temporary file, turned into a directory */
    dir = apr_pstrcat(p, tmp, "/cfgcmdXXXXXX", NULL);
    ck_assert_int_eq(apr_file_mktemp(&f, dir, APR_FOPEN_CREATE
                                     | APR_FOPEN_WRITE | APR_FOPEN_EXCL, p),
                     APR_SUCCESS);
    apr_file_close(f);
    apr_file_remove(dir, p);
    ck_assert_int_eq(apr_dir_make(dir, APR_FPROT_OS_DEFAULT, p), APR_SUCCESS);
    apr_dir_make(apr_pstrcat(p, dir, "/a", NULL), APR_FPROT_OS_DEFAULT, p);
    apr_dir_make(apr_pstrcat(p, dir, "/b", NULL), APR_FPROT_OS_DEFAULT, p);
    apr_dir_make(apr_pstrcat(p, dir, "/d", NULL), APR_FPROT_OS_DEFAULT, p);
    put(dir, "a/2.conf", "T1 a2\n");
    put(dir, "a/1.conf", "T1 a1\n");
    put(dir, "b/1.conf", "T1 b1\n");
    put(dir, "b/skip.txt", "T1 txt\n");
    put(dir, "d/z", "T1 dz\n");
    put(dir, "d/y", "T1 dy\n");
    put(dir, "bad.conf", "T1 ok\n\nBogus here\n");
    put(dir, "self.conf", apr_pstrcat(p, "Include ", dir, "/self.conf\n",
                                      NULL));
    return dir;
}

START_TEST(test_include)
{
    const char *dir = make_tree();
    const char *e;

    ck_assert_str_eq(run(apr_psprintf(p, "Include %s/[ab]/*.conf\n"
                                      "Include %s/d\nT1 end\n", dir, dir)),
                     "OK");
    ck_assert_str_eq(seen, "T1(a1) T1(a2) T1(b1) T1(dy) T1(dz) T1(end)");
    seen = "";
    /* every directory a wildcard matches must hold a match (d has none) */
    ck_assert_str_eq(run(apr_psprintf(p, "Include %s/*/*.conf\n", dir)),
                     apr_psprintf(p, "1: Include/IncludeOptional: No matches "
                                  "for the wildcard '*.conf' in '%s/d', "
                                  "failing", dir));
    seen = "";
    ck_assert_str_eq(run(apr_psprintf(p, "Include %s/[ab]/1.conf\n"
                                      "IncludeOptional %s/*/none.conf\n"
                                      "IncludeOptional %s/nodir/*.conf\n"
                                      "IncludeOptional %s/none.conf\n",
                                      dir, dir, dir, dir)), "OK");
    ck_assert_str_eq(seen, "T1(a1) T1(b1)");
    ck_assert_str_eq(run(apr_psprintf(p, "Include %s/a/*.none\n", dir)),
                     apr_psprintf(p, "1: Include/IncludeOptional: No matches "
                                  "for the wildcard '*.none' in '%s/a', "
                                  "failing", dir));
    ck_assert_str_eq(run(apr_psprintf(p, "Include %s/nodir/*.conf\n", dir)),
                     apr_psprintf(p, "1: Include/IncludeOptional: Could not "
                                  "open directory %s/nodir: No such file or "
                                  "directory", dir));
    ck_assert_str_eq(run(apr_psprintf(p, "Include %s/none.conf\n", dir)),
                     apr_psprintf(p, "1: Could not open configuration file "
                                  "%s/none.conf: No such file or directory",
                                  dir));
    /* Include makes names absolute under ServerRoot first */
    ck_assert_str_eq(ap_process_fnmatch_configs(srv, "relative/*.conf",
                                                &tree, p, ptemp, 0),
                     "Include must have an absolute path, relative/*.conf");
    /* errors inside included files are reported where they are */
    e = run(apr_psprintf(p, "\nInclude %s/bad.conf\n", dir));
    ck_assert_str_eq(e, apr_psprintf(p, "3: Invalid command 'Bogus', perhaps "
                                     "misspelled or defined by a module not "
                                     "included in the server configuration"));
    ck_assert_str_eq(tree->filename, apr_pstrcat(p, dir, "/bad.conf", NULL));
    /* a file including itself stops at the depth limit */
    e = run(apr_psprintf(p, "Include %s/self.conf\n", dir));
    ck_assert_ptr_nonnull(strstr(e, "Exceeded maximum include depth of 128, "
                                 "There appears to be a recursion."));
    ck_assert_ptr_nonnull(strstr(e, apr_psprintf(p, "Syntax error on line 1 "
                                                 "of %s/self.conf: ", dir)));
}
END_TEST

START_TEST(test_process_resource_config)
{
    const char *dir = make_tree();
    ap_directive_t *t = NULL;

    ck_assert_ptr_null(ap_process_resource_config(srv, apr_pstrcat(p, dir,
                       "/a/1.conf", NULL), &t, p, ptemp));
    ck_assert_ptr_null(ap_process_resource_config(srv, apr_pstrcat(p, dir,
                       "/a/2.conf", NULL), &t, p, ptemp));
    /* two files are chained into one tree */
    ck_assert_str_eq(t->args, "a1");
    ck_assert_str_eq(t->next->args, "a2");
    ck_assert_str_eq(ap_process_resource_config(srv, apr_pstrcat(p, dir,
                     "/nothere.conf", NULL), &t, p, ptemp),
                     apr_psprintf(p, "Could not open configuration file "
                                  "%s/nothere.conf: No such file or "
                                  "directory", dir));
    ck_assert_int_eq(ap_process_config_tree(srv, t, p, ptemp), OK);
    ck_assert_str_eq(seen, "T1(a1) T1(a2)");
}
END_TEST

START_TEST(test_vectors_and_registry)
{
    ap_conf_vector_t *a = ap_create_per_dir_config(p);
    ap_conf_vector_t *b = ap_create_per_dir_config(p);
    ap_conf_vector_t *m;
    int x = 1, y = 2;

    ap_set_module_config(a, &toy_module, &x);
    m = ap_merge_per_dir_configs(p, a, b);
    ck_assert_ptr_eq(ap_get_module_config(m, &toy_module), &x);
    ap_set_module_config(b, &toy_module, &y);
    m = ap_merge_per_dir_configs(p, a, b);
    ck_assert_ptr_eq(ap_get_module_config(m, &toy_module), &y);
    ck_assert_ptr_eq(ap_find_linked_module("mod_toy.c"), &toy_module);
    ck_assert_ptr_null(ap_find_linked_module("mod_none.c"));
    ck_assert_str_eq(ap_find_module_short_name(toy_module.module_index),
                     "toy");
    ck_assert_str_eq(ap_find_module_name(&toy_module), "mod_toy.c");
    ck_assert(ap_exists_directive(p, "t23"));
    ck_assert(!ap_exists_directive(p, "T24"));
    ck_assert_ptr_eq(ap_find_command("it2", toy_cmds), &toy_cmds[8]);
    ck_assert_ptr_null(ap_find_command("nope", toy_cmds));
    ck_assert_int_eq(ap_get_module_flags(&toy_module), 0);
}
END_TEST

static request_rec *make_request(void)
{
    request_rec *r = apr_pcalloc(p, sizeof(*r));
    conn_rec *c = apr_pcalloc(p, sizeof(*c));

    c->pool = p;
    c->base_server = srv;
    c->client_ip = "127.0.0.1";
    r->pool = p;
    r->connection = c;
    r->server = srv;
    r->notes = apr_table_make(p, 4);
    r->headers_in = apr_table_make(p, 4);
    r->subprocess_env = apr_table_make(p, 4);
    return r;
}

START_TEST(test_htaccess)
{
    const char *dir = make_tree();
    const char *sub = apr_pstrcat(p, dir, "/h", NULL);
    request_rec *r = make_request();
    ap_conf_vector_t *res = NULL, *again = NULL;
    apr_table_t *list = apr_table_make(p, 2);

    apr_dir_make(sub, APR_FPROT_OS_DEFAULT, p);
    put(sub, ".ht", "Fi one\n<IfDefine !NOPE>\nFi two\n</IfDefine>\n");
    put(dir, ".ht", "Au x\n");
    ck_assert_int_eq(ap_parse_htaccess(&res, r, OR_FILEINFO, 0, NULL, sub,
                                       ".none .ht"), OK);
    ck_assert_ptr_nonnull(res);
    ck_assert_str_eq(seen, "Fi(one) Fi(two)");
    /* the same directory and overrides again: from the cache */
    seen = "";
    ck_assert_int_eq(ap_parse_htaccess(&again, r, OR_FILEINFO, 0, NULL, sub,
                                       ".ht"), OK);
    ck_assert_ptr_eq(again, res);
    ck_assert_str_eq(seen, "");
    /* AuthConfig not allowed: a server error */
    res = NULL;
    ck_assert_int_eq(ap_parse_htaccess(&res, r, OR_FILEINFO, 0, NULL, dir,
                                       ".ht"), HTTP_INTERNAL_SERVER_ERROR);
    /* ... unless AllowOverrideList names it */
    apr_table_setn(list, "Au", "");
    ck_assert_int_eq(ap_parse_htaccess(&res, r, OR_FILEINFO, 0, list, dir,
                                       ".ht"), OK);
    ck_assert_str_eq(seen, "Au(x)");
    /* ... or the violation is declared non-fatal */
    seen = "";
    ck_assert_int_eq(ap_parse_htaccess(&res, r, OR_FILEINFO
                                       | NONFATAL_OVERRIDE, 0, NULL, dir,
                                       ".ht"), OK);
    ck_assert_str_eq(seen, "");
    /* no file at all is fine and leaves the result alone */
    res = NULL;
    ck_assert_int_eq(ap_parse_htaccess(&res, r, OR_ALL, 0, NULL, dir,
                                       ".missing"), OK);
    ck_assert_ptr_null(res);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("config_cmd");
    TCase *tc = tcase_create("config_cmd");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_take_n);
    tcase_add_test(tc, test_iterate_flag_raw);
    tcase_add_test(tc, test_unknown_and_context);
    tcase_add_test(tc, test_sections);
    tcase_add_test(tc, test_slots);
    tcase_add_test(tc, test_exec_on_read);
    tcase_add_test(tc, test_include);
    tcase_add_test(tc, test_process_resource_config);
    tcase_add_test(tc, test_vectors_and_registry);
    tcase_add_test(tc, test_htaccess);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
