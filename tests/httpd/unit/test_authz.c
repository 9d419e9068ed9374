/*
 * mod_authz_core: the evaluation of Require trees (<RequireAll>,
 * <RequireAny>, <RequireNone>, Require not, method limits), the rules
 * for attaching children, and AuthMerging, with expectations taken from
 * Apache 2.4's behaviour.
 */
#include "testutil.h"

#include <string.h>

#include "apr_strings.h"
#include "apr_network_io.h"

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_protocol.h"
#include "ap_provider.h"
#include "mod_auth.h"
#include "../../../httpd/modules/aaa/mod_authz_core_private.h"

extern module AP_MODULE_DECLARE_DATA authz_host_module;

static authz_status fixed(request_rec *r, const char *line, const void *v)
{
    return (authz_status)(apr_uintptr_t)v;
}

static const authz_provider fixed_provider = { fixed, NULL };

/* A Require line whose provider returns @a st. */
static ap__authz_section *leaf(authz_status st, int negate)
{
    ap__authz_section *s = apr_pcalloc(p, sizeof(*s));

    s->provider_name = "fixed";
    s->provider_args = "";
    s->provider = &fixed_provider;
    s->provider_parsed_args = (const void *)(apr_uintptr_t)st;
    s->limited = -1;
    s->negate = negate;
    return s;
}

static ap__authz_section *container(ap__authz_op op, int negate)
{
    ap__authz_section *s = apr_pcalloc(p, sizeof(*s));

    s->op = op;
    s->negate = negate;
    return s;
}

static void add(ap__authz_section *parent, ap__authz_section *child)
{
    const char *err = ap__authz_add_child(p, &parent, child, "Require");
    ck_assert_ptr_null(err);
}

static struct ap_logconf quiet = { NULL, APLOG_WARNING };

static request_rec *request(int method)
{
    request_rec *r = apr_pcalloc(p, sizeof(*r));

    r->pool = p;
    r->notes = apr_table_make(p, 2);
    r->log = &quiet;
    r->method_number = method;
    r->uri = "/x";
    return r;
}

#define EVAL(s) ap__authz_apply(request(M_GET), (s), AP__AUTHZ_AND)

START_TEST(test_all_and_any)
{
    ap__authz_section *all = container(AP__AUTHZ_AND, 0);
    ap__authz_section *any = container(AP__AUTHZ_OR, 0);

    add(all, leaf(AUTHZ_GRANTED, 0));
    add(all, leaf(AUTHZ_DENIED, 0));
    ck_assert_int_eq(EVAL(all), AUTHZ_DENIED);

    add(any, leaf(AUTHZ_DENIED, 0));
    add(any, leaf(AUTHZ_GRANTED, 0));
    ck_assert_int_eq(EVAL(any), AUTHZ_GRANTED);

    /* an empty container is neutral (the config refuses to build one);
     * one that applies to no method is transparent */
    all = container(AP__AUTHZ_AND, 0);
    all->limited = -1;
    ck_assert_int_eq(EVAL(all), AUTHZ_NEUTRAL);
    all->limited = 0;
    ck_assert_int_eq(EVAL(all), AUTHZ_GRANTED);
}
END_TEST

START_TEST(test_negation)
{
    ap__authz_section *all = container(AP__AUTHZ_AND, 0);
    ap__authz_section *all2 = container(AP__AUTHZ_AND, 0);
    ap__authz_section *none = container(AP__AUTHZ_OR, 1);

    /* "Require not" of a denial is neutral, never a grant */
    add(all, leaf(AUTHZ_GRANTED, 0));
    add(all, leaf(AUTHZ_DENIED, 1));
    ck_assert_int_eq(EVAL(all), AUTHZ_GRANTED);
    ck_assert_int_eq(EVAL(leaf(AUTHZ_DENIED, 1)), AUTHZ_NEUTRAL);
    ck_assert_int_eq(EVAL(leaf(AUTHZ_GRANTED, 1)), AUTHZ_DENIED);

    /* RequireAll { all granted; RequireNone { matching ip } } -> denied */
    add(none, leaf(AUTHZ_GRANTED, 0));
    add(all2, leaf(AUTHZ_GRANTED, 0));
    add(all2, none);
    ck_assert_int_eq(EVAL(all2), AUTHZ_DENIED);
    ck_assert_int_eq(EVAL(none), AUTHZ_DENIED);
}
END_TEST

START_TEST(test_denied_no_user)
{
    ap__authz_section *any = container(AP__AUTHZ_OR, 0);
    ap__authz_section *all = container(AP__AUTHZ_AND, 0);
    ap__authz_section *all2 = container(AP__AUTHZ_AND, 0);

    /* a user might still grant: the "no user" denial wins under OR */
    add(any, leaf(AUTHZ_DENIED, 0));
    add(any, leaf(AUTHZ_DENIED_NO_USER, 0));
    ck_assert_int_eq(EVAL(any), AUTHZ_DENIED_NO_USER);

    /* under AND a plain denial is final */
    add(all, leaf(AUTHZ_DENIED_NO_USER, 0));
    add(all, leaf(AUTHZ_DENIED, 0));
    ck_assert_int_eq(EVAL(all), AUTHZ_DENIED);

    add(all2, leaf(AUTHZ_GRANTED, 0));
    add(all2, leaf(AUTHZ_DENIED_NO_USER, 0));
    ck_assert_int_eq(EVAL(all2), AUTHZ_DENIED_NO_USER);
    ck_assert_int_eq(EVAL(leaf(AUTHZ_DENIED_NO_USER, 1)), AUTHZ_NEUTRAL);
}
END_TEST

START_TEST(test_error_propagates)
{
    ap__authz_section *any = container(AP__AUTHZ_OR, 0);

    add(any, leaf(AUTHZ_GENERAL_ERROR, 0));
    add(any, leaf(AUTHZ_GRANTED, 0));
    ck_assert_int_eq(EVAL(any), AUTHZ_GENERAL_ERROR);
}
END_TEST

START_TEST(test_method_limits)
{
    ap__authz_section *s = leaf(AUTHZ_DENIED, 0);

    s->limited = AP_METHOD_BIT << M_POST;   /* <Limit POST> */
    ck_assert_int_eq(ap__authz_apply(request(M_POST), s, AP__AUTHZ_AND),
                     AUTHZ_DENIED);
    /* other methods: transparent, granted under AND, neutral under OR */
    ck_assert_int_eq(ap__authz_apply(request(M_GET), s, AP__AUTHZ_AND),
                     AUTHZ_GRANTED);
    ck_assert_int_eq(ap__authz_apply(request(M_GET), s, AP__AUTHZ_OR),
                     AUTHZ_NEUTRAL);
}
END_TEST

START_TEST(test_attach_rules)
{
    ap__authz_section *top = NULL;
    ap__authz_section *all = container(AP__AUTHZ_AND, 0);
    ap__authz_section *inner = container(AP__AUTHZ_AND, 0);
    const char *err;

    /* the implicit top level is a <RequireAny> */
    err = ap__authz_add_child(p, &top, leaf(AUTHZ_GRANTED, 1), "Require");
    ck_assert_str_eq(err, "negative Require directive has no effect in "
                          "<RequireAny> directive");
    ck_assert_ptr_nonnull(top);
    ck_assert_int_eq(top->op, AP__AUTHZ_OR);
    err = ap__authz_add_child(p, &top, container(AP__AUTHZ_OR, 1),
                              "<RequireNone");
    ck_assert_str_eq(err, "<RequireNone> directive has no effect in "
                          "<RequireAny> directive");

    /* RequireAll inside RequireAll is flattened */
    add(inner, leaf(AUTHZ_GRANTED, 0));
    add(inner, leaf(AUTHZ_DENIED, 1));
    add(all, leaf(AUTHZ_GRANTED, 0));
    add(all, inner);
    ck_assert_ptr_eq(all->first->next, inner->first);
    ck_assert_int_eq(all->first->next->next->negate, 1);
}
END_TEST

START_TEST(test_format)
{
    ap__authz_section *s = leaf(AUTHZ_GRANTED, 1);

    s->provider_name = "ip";
    s->provider_args = "10.0.0.0/8";
    ck_assert_str_eq(ap__authz_format(p, s), "Require not ip 10.0.0.0/8");
    ck_assert_str_eq(ap__authz_format(p, container(AP__AUTHZ_AND, 0)),
                     "<RequireAll>");
    ck_assert_str_eq(ap__authz_format(p, container(AP__AUTHZ_OR, 0)),
                     "<RequireAny>");
    ck_assert_str_eq(ap__authz_format(p, container(AP__AUTHZ_OR, 1)),
                     "<RequireNone>");
    ck_assert_str_eq(ap__authz_result_name(AUTHZ_NEUTRAL), "neutral");
}
END_TEST

static ap__authz_dir_conf *dir_conf(ap__authz_section *s, ap__authz_op op)
{
    ap__authz_dir_conf *c = apr_pcalloc(p, sizeof(*c));

    c->section = s;
    c->op = op;
    c->forbidden_on_fail = -1;
    return c;
}

START_TEST(test_auth_merging)
{
    ap__authz_section *base_s = leaf(AUTHZ_DENIED, 0);
    ap__authz_section *add_s = leaf(AUTHZ_GRANTED, 0);
    ap__authz_dir_conf *m;
    ap__authz_dir_conf *fof;

    /* Off (default): the new section replaces the inherited one */
    m = ap__authz_merge_dir(p, dir_conf(base_s, AP__AUTHZ_UNSET),
                            dir_conf(add_s, AP__AUTHZ_UNSET));
    ck_assert_ptr_eq(m->section, add_s);

    /* Or: both under a merged RequireAny */
    m = ap__authz_merge_dir(p, dir_conf(base_s, AP__AUTHZ_UNSET),
                            dir_conf(add_s, AP__AUTHZ_OR));
    ck_assert_int_eq(m->section->is_merged, 1);
    ck_assert_str_eq(ap__authz_format(p, m->section), "AuthMerging Any");
    ck_assert_int_eq(EVAL(m->section), AUTHZ_GRANTED);

    /* And: denied */
    m = ap__authz_merge_dir(p, dir_conf(base_s, AP__AUTHZ_UNSET),
                            dir_conf(add_s, AP__AUTHZ_AND));
    ck_assert_int_eq(EVAL(m->section), AUTHZ_DENIED);

    /* only AuthzSendForbiddenOnFailure: inherit the section */
    fof = dir_conf(NULL, AP__AUTHZ_UNSET);
    fof->forbidden_on_fail = 1;
    m = ap__authz_merge_dir(p, dir_conf(base_s, AP__AUTHZ_UNSET), fof);
    ck_assert_ptr_eq(m->section, base_s);
    ck_assert_int_eq(m->forbidden_on_fail, 1);

    /* no Require anywhere: nothing to evaluate (granted by default) */
    m = ap__authz_merge_dir(p, dir_conf(NULL, AP__AUTHZ_UNSET),
                            dir_conf(NULL, AP__AUTHZ_UNSET));
    ck_assert_ptr_null(m->section);
}
END_TEST

/* The registered provider @a name, with @a line parsed. */
static const authz_provider *provider(const char *name, const char *line,
                                      const void **parsed,
                                      const char **err)
{
    const authz_provider *prov;
    cmd_parms cmd;

    ap__authz_register_builtin(p);
    authz_host_module.register_hooks(p);
    prov = ap_lookup_provider(AUTHZ_PROVIDER_GROUP, name,
                              AUTHZ_PROVIDER_VERSION);
    ck_assert_ptr_nonnull(prov);
    memset(&cmd, 0, sizeof(cmd));
    cmd.pool = p;
    cmd.temp_pool = p;
    *parsed = NULL;
    *err = prov->parse_require_line
           ? prov->parse_require_line(&cmd, line, parsed) : NULL;
    return prov;
}

static request_rec *from(const char *client, const char *local)
{
    request_rec *r = request(M_GET);
    conn_rec *c = apr_pcalloc(p, sizeof(*c));

    ck_assert_int_eq(apr_sockaddr_info_get(&r->useragent_addr, client,
                                           APR_UNSPEC, 0, 0, p),
                     APR_SUCCESS);
    r->useragent_ip = apr_pstrdup(p, client);
    if (local) {
        ck_assert_int_eq(apr_sockaddr_info_get(&c->local_addr, local,
                                               APR_UNSPEC, 80, 0, p),
                         APR_SUCCESS);
    }
    r->connection = c;
    r->subprocess_env = apr_table_make(p, 2);
    return r;
}

START_TEST(test_provider_all_env_method)
{
    const void *v;
    const char *err;
    const authz_provider *all = provider("all", "granted", &v, &err);
    request_rec *r = from("10.0.0.1", NULL);

    ck_assert_ptr_null(err);
    ck_assert_int_eq(all->check_authorization(r, "granted", v),
                     AUTHZ_GRANTED);
    provider("all", "Denied", &v, &err);
    ck_assert_ptr_null(err);
    ck_assert_int_eq(all->check_authorization(r, "Denied", v),
                     AUTHZ_DENIED);
    provider("all", "maybe", &v, &err);
    ck_assert_str_eq(err, "Argument for 'Require all' must be 'granted' "
                          "or 'denied'");

    {
        const authz_provider *env = provider("env", "A B", &v, &err);
        ck_assert_int_eq(env->check_authorization(r, "A B", v),
                         AUTHZ_DENIED);
        apr_table_setn(r->subprocess_env, "B", "1");
        ck_assert_int_eq(env->check_authorization(r, "A B", v),
                         AUTHZ_GRANTED);
    }
    {
        const authz_provider *m = provider("method", "GET POST", &v, &err);
        ck_assert_ptr_null(err);
        ck_assert_int_eq(m->check_authorization(r, "GET POST", v),
                         AUTHZ_GRANTED);
        r->method_number = M_PUT;
        ck_assert_int_eq(m->check_authorization(r, "GET POST", v),
                         AUTHZ_DENIED);
        provider("method", "GET FOO", &v, &err);
        ck_assert_str_eq(err, "Invalid Method 'FOO'");
    }
}
END_TEST

START_TEST(test_provider_ip)
{
    static const char line[] = "10.0.0.0/8 192.168.1 172.16.0.0/255.255.0.0";
    const void *v;
    const char *err;
    const authz_provider *ip = provider("ip", line, &v, &err);

    ck_assert_ptr_null(err);
    ck_assert_int_eq(ip->check_authorization(from("10.200.3.4", NULL), line,
                                             v), AUTHZ_GRANTED);
    ck_assert_int_eq(ip->check_authorization(from("192.168.1.77", NULL),
                                             line, v), AUTHZ_GRANTED);
    ck_assert_int_eq(ip->check_authorization(from("172.16.9.9", NULL), line,
                                             v), AUTHZ_GRANTED);
    ck_assert_int_eq(ip->check_authorization(from("192.168.2.1", NULL),
                                             line, v), AUTHZ_DENIED);
    ck_assert_int_eq(ip->check_authorization(from("11.0.0.1", NULL), line,
                                             v), AUTHZ_DENIED);

    provider("ip", "", &v, &err);
    ck_assert_str_eq(err, "'require ip' requires an argument");
    provider("ip", "1.2.3.4 not-an-ip", &v, &err);
    ck_assert_ptr_nonnull(err);
    ck_assert_ptr_nonnull(strstr(err, "ip address 'not-an-ip' appears to be "
                                      "invalid"));
}
END_TEST

START_TEST(test_provider_local)
{
    const void *v;
    const char *err;
    const authz_provider *local = provider("local", "", &v, &err);

    ck_assert_int_eq(local->check_authorization(from("127.0.0.5", "10.0.0.1"),
                                                "", v), AUTHZ_GRANTED);
    ck_assert_int_eq(local->check_authorization(from("10.0.0.1", "10.0.0.1"),
                                                "", v), AUTHZ_GRANTED);
    ck_assert_int_eq(local->check_authorization(from("10.0.0.2", "10.0.0.1"),
                                                "", v), AUTHZ_DENIED);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("authz");
    TCase *tc = apr_test_tcase("authz");

    tcase_add_test(tc, test_all_and_any);
    tcase_add_test(tc, test_negation);
    tcase_add_test(tc, test_denied_no_user);
    tcase_add_test(tc, test_error_propagates);
    tcase_add_test(tc, test_method_limits);
    tcase_add_test(tc, test_attach_rules);
    tcase_add_test(tc, test_format);
    tcase_add_test(tc, test_auth_merging);
    tcase_add_test(tc, test_provider_all_env_method);
    tcase_add_test(tc, test_provider_ip);
    tcase_add_test(tc, test_provider_local);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
