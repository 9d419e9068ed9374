/*
 * apr_network_io.h addresses: apr_parse_addr_port, apr_sockaddr_info_get
 * and friends, text forms, zones, equality, wildcards, subnets, reverse
 * lookups and services. Every expected value was checked against
 * Debian's libapr 1.7.
 */
#include "testutil.h"

#include "apr_network_io.h"
#include "apr_strings.h"

#include <net/if.h>
#include <netdb.h>
#include <string.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* apr_parse_addr_port                                                */

struct pap_case {
    const char *in;
    apr_status_t rv;
    const char *addr, *scope;
    apr_port_t port;
};

static const struct pap_case pap_cases[] = {
    {"8080", APR_SUCCESS, NULL, NULL, 8080},
    {"www.apache.org", APR_SUCCESS, "www.apache.org", NULL, 0},
    {"www.apache.org:8080", APR_SUCCESS, "www.apache.org", NULL, 8080},
    {"[fe80::1]:80", APR_SUCCESS, "fe80::1", NULL, 80},
    {"[fe80::1%eth0]", APR_SUCCESS, "fe80::1", "eth0", 0},
    {"[fe80::1%eth0]:8080", APR_SUCCESS, "fe80::1", "eth0", 8080},
    {"[::1]", APR_SUCCESS, "::1", NULL, 0},
    {"[::ffff:1.2.3.4]:5", APR_SUCCESS, "::ffff:1.2.3.4", NULL, 5},
    {"65535", APR_SUCCESS, NULL, NULL, 65535},
    {"host:080", APR_SUCCESS, "host", NULL, 80},
    {"1:2", APR_SUCCESS, "1", NULL, 2},
    /* Only a trailing ":digits" is a port; the rest is taken as it is. */
    {"abc:", APR_SUCCESS, "abc:", NULL, 0},
    {"::1", APR_SUCCESS, ":", NULL, 1},
    {"a:b:c", APR_SUCCESS, "a:b:c", NULL, 0},
    {"::1]", APR_SUCCESS, "::1]", NULL, 0},
    {"%", APR_SUCCESS, "%", NULL, 0},
    {"a%b:1", APR_SUCCESS, "a%b", NULL, 1},
    {":", APR_SUCCESS, ":", NULL, 0},
    /* Errors. */
    {"", APR_EINVAL, NULL, NULL, 0},
    {"0", APR_EINVAL, NULL, NULL, 0},
    {"65536", APR_EINVAL, NULL, NULL, 0},
    {"abc:65536", APR_EINVAL, NULL, NULL, 0},
    {"abc:0", APR_EINVAL, NULL, NULL, 0},
    {":80", APR_EINVAL, NULL, NULL, 0},
    {"x:99999999999999999999", APR_EINVAL, NULL, NULL, 0},
    {"[abc]", APR_EINVAL, NULL, NULL, 0},
    {"[::1]x", APR_EINVAL, NULL, NULL, 0},
    {"[::1]:", APR_EINVAL, NULL, NULL, 0},
    {"[::1", APR_EINVAL, NULL, NULL, 0},
    {"[%eth0]", APR_EINVAL, NULL, NULL, 0},
    {"[fe80::1%]", APR_EINVAL, NULL, NULL, 0},
    {"[1.2.3.4]", APR_EINVAL, NULL, NULL, 0},
    {"[]", APR_EINVAL, NULL, NULL, 0},
    {"[]:80", APR_EINVAL, NULL, NULL, 0},
};

START_TEST(parse_addr_port_table)
{
    size_t i;

    for (i = 0; i < sizeof pap_cases / sizeof pap_cases[0]; i++) {
        const struct pap_case *c = &pap_cases[i];
        char *addr = (char *)"x", *scope = (char *)"x";
        apr_port_t port = 1234;
        apr_status_t rv = apr_parse_addr_port(&addr, &scope, &port, c->in, p);

        ck_assert_msg(rv == c->rv, "'%s': rv %d, want %d", c->in, rv, c->rv);
        ck_assert_msg(port == c->port, "'%s': port %u", c->in, port);
        if (c->addr)
            ck_assert_msg(addr && strcmp(addr, c->addr) == 0,
                          "'%s': addr %s", c->in, addr ? addr : "NULL");
        else
            ck_assert_msg(addr == NULL, "'%s': addr %s", c->in, addr);
        if (c->scope)
            ck_assert_msg(scope && strcmp(scope, c->scope) == 0,
                          "'%s': scope %s", c->in, scope ? scope : "NULL");
        else
            ck_assert_msg(scope == NULL, "'%s': scope %s", c->in, scope);
    }
}
END_TEST

#if !APR_TEST_AGAINST_SYSTEM
/* APR reads the port with atoi(), which wraps 2^32 + 80 to 80; we refuse
 * it (deliberate difference). */
START_TEST(parse_addr_port_huge_port)
{
    char *addr, *scope;
    apr_port_t port;

    ck_assert_int_eq(apr_parse_addr_port(&addr, &scope, &port,
                                         "host:4294967376", p), APR_EINVAL);
    ck_assert_ptr_null(addr);
    ck_assert_int_eq(port, 0);
}
END_TEST
#endif

/* ------------------------------------------------------------------ */
/* apr_sockaddr_info_get                                              */

static char *ip_of(apr_sockaddr_t *sa)
{
    char *ip = NULL;

    ck_assert_int_eq(apr_sockaddr_ip_get(&ip, sa), APR_SUCCESS);
    return ip;
}

START_TEST(info_get_ipv4)
{
    apr_sockaddr_t *sa;

    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "127.0.0.1", APR_INET, 80, 0,
                                           p), APR_SUCCESS);
    ck_assert_ptr_eq(sa->pool, p);
    ck_assert_str_eq(sa->hostname, "127.0.0.1");
    ck_assert_ptr_null(sa->servname);
    ck_assert_int_eq(sa->port, 80);
    ck_assert_int_eq(sa->family, APR_INET);
    ck_assert_int_eq(sa->salen, sizeof(struct sockaddr_in));
    ck_assert_int_eq(sa->ipaddr_len, 4);
    ck_assert_int_eq(sa->addr_str_len, 16);
    ck_assert_ptr_eq(sa->ipaddr_ptr, &sa->sa.sin.sin_addr);
    ck_assert_int_eq(ntohs(sa->sa.sin.sin_port), 80);
    ck_assert_ptr_null(sa->next);
    ck_assert_str_eq(ip_of(sa), "127.0.0.1");
    ck_assert(!apr_sockaddr_is_wildcard(sa));
}
END_TEST

START_TEST(info_get_wildcards)
{
    apr_sockaddr_t *sa;

    ck_assert_int_eq(apr_sockaddr_info_get(&sa, NULL, APR_INET, 8080, 0, p),
                     APR_SUCCESS);
    ck_assert_ptr_null(sa->hostname);
    ck_assert_str_eq(ip_of(sa), "0.0.0.0");
    ck_assert_int_eq(sa->port, 8080);
    ck_assert(apr_sockaddr_is_wildcard(sa));
#if APR_HAVE_IPV6
    ck_assert_int_eq(apr_sockaddr_info_get(&sa, NULL, APR_INET6, 0, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(sa->family, APR_INET6);
    ck_assert_int_eq(sa->salen, sizeof(struct sockaddr_in6));
    ck_assert_int_eq(sa->ipaddr_len, 16);
    ck_assert_int_eq(sa->addr_str_len, 46);
    ck_assert_str_eq(ip_of(sa), "::");
    ck_assert(apr_sockaddr_is_wildcard(sa));
    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "::ffff:0.0.0.0", APR_INET6,
                                           0, 0, p), APR_SUCCESS);
    ck_assert(apr_sockaddr_is_wildcard(sa));
#endif
}
END_TEST

START_TEST(info_get_flags)
{
    apr_sockaddr_t *sa = (apr_sockaddr_t *)1;

    /* The preference flags need APR_UNSPEC and a host, and only one. */
    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "localhost", APR_INET, 0,
                                           APR_IPV4_ADDR_OK, p), APR_EINVAL);
    ck_assert_ptr_null(sa);
    ck_assert_int_eq(apr_sockaddr_info_get(&sa, NULL, APR_UNSPEC, 0,
                                           APR_IPV4_ADDR_OK, p), APR_EINVAL);
    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "x", APR_UNSPEC, 0,
                                           APR_IPV4_ADDR_OK
                                               | APR_IPV6_ADDR_OK, p),
                     APR_EINVAL);
    /* The preferred family first, the other when it finds nothing. */
    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "127.0.0.1", APR_UNSPEC, 1,
                                           APR_IPV6_ADDR_OK, p), APR_SUCCESS);
    ck_assert_int_eq(sa->family, APR_INET);
#if APR_HAVE_IPV6
    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "::1", APR_UNSPEC, 1,
                                           APR_IPV4_ADDR_OK, p), APR_SUCCESS);
    ck_assert_int_eq(sa->family, APR_INET6);
    ck_assert_str_eq(ip_of(sa), "::1");
#endif
}
END_TEST

START_TEST(info_get_errors)
{
    apr_sockaddr_t *sa;
    apr_status_t rv;

    /* Resolver errors are APR_OS_START_EAIERR + the EAI_ code. */
    rv = apr_sockaddr_info_get(&sa, "1.2.3.4.5", APR_INET, 0, 0, p);
    ck_assert_int_eq(rv, APR_OS_START_EAIERR
                             + (EAI_NONAME < 0 ? -EAI_NONAME : EAI_NONAME));
    ck_assert_ptr_null(sa);
    rv = apr_sockaddr_info_get(&sa, "1.2.3.4", 12345, 0, 0, p);
    ck_assert_int_eq(rv, APR_OS_START_EAIERR
                             + (EAI_FAMILY < 0 ? -EAI_FAMILY : EAI_FAMILY));
    rv = apr_sockaddr_info_get(&sa, "", APR_UNSPEC, 0, 0, p);
    ck_assert_int_gt(rv, APR_OS_START_EAIERR);
    ck_assert_int_lt(rv, APR_OS_START_EAIERR + 50000);
}
END_TEST

START_TEST(info_get_unix)
{
    apr_sockaddr_t *sa;

    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "/tmp/some.sock", APR_UNSPEC,
                                           80, 0, p), APR_SUCCESS);
    ck_assert_int_eq(sa->family, APR_UNIX);
    ck_assert_int_eq(sa->port, 0);
    ck_assert_str_eq(sa->hostname, "/tmp/some.sock");
    ck_assert_str_eq(sa->sa.unx.sun_path, "/tmp/some.sock");
    ck_assert_int_eq(sa->salen, sizeof(struct sockaddr_un));
    ck_assert_int_eq(sa->ipaddr_len, sizeof sa->sa.unx.sun_path);
    ck_assert_int_eq(sa->addr_str_len, sizeof sa->sa.unx.sun_path);
    ck_assert_str_eq(ip_of(sa), "/tmp/some.sock");
    ck_assert(!apr_sockaddr_is_wildcard(sa));
    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "/x", APR_UNIX, 0, 0, p),
                     APR_SUCCESS);
    /* Only absolute paths. */
    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "rel", APR_UNIX, 0, 0, p),
                     APR_ENOTIMPL);
    ck_assert_int_eq(apr_sockaddr_info_get(&sa, NULL, APR_UNIX, 0, 0, p),
                     APR_ENOTIMPL);
}
END_TEST

START_TEST(info_copy)
{
    apr_sockaddr_t *sa, *c, *s, *d;
    apr_pool_t *q;

    ck_assert_int_eq(apr_sockaddr_info_get(&sa, NULL, APR_UNSPEC, 81, 0, p),
                     APR_SUCCESS);
    sa->servname = (char *)"srv";
    ck_assert_int_eq(apr_pool_create(&q, p), APR_SUCCESS);
    ck_assert_int_eq(apr_sockaddr_info_copy(&c, sa, q), APR_SUCCESS);
    for (s = sa, d = c; s; s = s->next, d = d->next) {
        ck_assert_ptr_nonnull(d);
        ck_assert_ptr_ne(d, s);
        ck_assert_ptr_eq(d->pool, q);
        ck_assert_int_eq(d->family, s->family);
        ck_assert_int_eq(d->port, 81);
        ck_assert_ptr_eq(d->ipaddr_ptr,
                         d->family == APR_INET ? (void *)&d->sa.sin.sin_addr
                                               : (void *)&d->sa.sin6.sin6_addr);
        ck_assert(apr_sockaddr_equal(d, s));
    }
    ck_assert_ptr_null(d);
    ck_assert_str_eq(c->servname, "srv");
    ck_assert_ptr_ne(c->servname, sa->servname);

    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "/tmp/u.sock", APR_UNIX, 0, 0,
                                           p), APR_SUCCESS);
    ck_assert_int_eq(apr_sockaddr_info_copy(&c, sa, q), APR_SUCCESS);
    ck_assert_str_eq(c->hostname, "/tmp/u.sock");
    ck_assert_ptr_ne(c->hostname, sa->hostname);
    ck_assert_str_eq(ip_of(c), "/tmp/u.sock");
}
END_TEST

/* ------------------------------------------------------------------ */
/* Text forms, equality                                               */

START_TEST(ip_getbuf_sizes)
{
    apr_sockaddr_t *sa;
    char buf[64];

    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "1.2.3.4", APR_INET, 0, 0, p),
                     APR_SUCCESS);
    /* IPv4 wants room for the longest address. */
    ck_assert_int_eq(apr_sockaddr_ip_getbuf(buf, 15, sa), APR_ENOSPC);
    ck_assert_int_eq(apr_sockaddr_ip_getbuf(buf, 16, sa), APR_SUCCESS);
    ck_assert_str_eq(buf, "1.2.3.4");
#if APR_HAVE_IPV6
    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "::ffff:1.2.3.4", APR_INET6,
                                           0, 0, p), APR_SUCCESS);
    ck_assert_int_eq(apr_sockaddr_ip_getbuf(buf, 14, sa), APR_ENOSPC);
    ck_assert_int_eq(apr_sockaddr_ip_getbuf(buf, 15, sa), APR_SUCCESS);
    ck_assert_str_eq(buf, "1.2.3.4");
    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "2001:db8::1", APR_INET6, 0,
                                           0, p), APR_SUCCESS);
    ck_assert_int_eq(apr_sockaddr_ip_getbuf(buf, sizeof buf, sa),
                     APR_SUCCESS);
    ck_assert_str_eq(buf, "2001:db8::1");
    ck_assert_int_eq(apr_sockaddr_ip_getbuf(buf, 11, sa), APR_ENOSPC);
#endif
    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "/tmp/x", APR_UNIX, 0, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_sockaddr_ip_getbuf(buf, 7, sa), APR_SUCCESS);
    ck_assert_str_eq(buf, "/tmp/x");
    ck_assert_int_eq(apr_sockaddr_ip_getbuf(buf, 6, sa), APR_ENOSPC);
}
END_TEST

START_TEST(equal_and_mapped)
{
    apr_sockaddr_t *a, *b, *m;

    ck_assert_int_eq(apr_sockaddr_info_get(&a, "10.0.0.1", APR_INET, 1, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_sockaddr_info_get(&b, "10.0.0.1", APR_INET, 2, 0, p),
                     APR_SUCCESS);
    ck_assert(apr_sockaddr_equal(a, b)); /* ports do not count */
    ck_assert_int_eq(apr_sockaddr_info_get(&b, "10.0.0.2", APR_INET, 1, 0, p),
                     APR_SUCCESS);
    ck_assert(!apr_sockaddr_equal(a, b));
#if APR_HAVE_IPV6
    ck_assert_int_eq(apr_sockaddr_info_get(&m, "::ffff:10.0.0.1", APR_INET6,
                                           3, 0, p), APR_SUCCESS);
    ck_assert(apr_sockaddr_equal(a, m));
    ck_assert(apr_sockaddr_equal(m, a));
    ck_assert(!apr_sockaddr_equal(b, m));
    ck_assert_str_eq(ip_of(m), "10.0.0.1");
#else
    (void)m;
#endif
}
END_TEST

/* ------------------------------------------------------------------ */
/* Zones                                                              */

#if APR_HAVE_IPV6
START_TEST(zones)
{
    apr_sockaddr_t *sa, *plain;
    const char *name = NULL;
    apr_uint32_t id = 0;
    unsigned int lo = if_nametoindex("lo");
    size_t i;
    static const char *bad[] = {"0", "32768", "99999", "abc", "", "-1", "7x"};

    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "fe80::1", APR_INET6, 0, 0,
                                           p), APR_SUCCESS);
    ck_assert_int_eq(apr_sockaddr_zone_get(sa, &name, &id, p), APR_EBADIP);
    ck_assert_int_eq(apr_sockaddr_zone_set(sa, "32767"), APR_SUCCESS);
    ck_assert_int_eq(sa->sa.sin6.sin6_scope_id, 32767);
    ck_assert_int_eq(apr_sockaddr_zone_get(sa, NULL, &id, p), APR_SUCCESS);
    ck_assert_int_eq(id, 32767);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_msg(apr_sockaddr_zone_set(sa, bad[i]) == APR_EGENERAL,
                      "zone '%s'", bad[i]);
        ck_assert_int_eq(sa->sa.sin6.sin6_scope_id, 32767);
    }
    ck_assert_int_eq(apr_sockaddr_info_get(&plain, "fe80::1", APR_INET6, 0, 0,
                                           p), APR_SUCCESS);
    ck_assert(!apr_sockaddr_equal(sa, plain)); /* zones differ */

    if (lo != 0) {
        ck_assert_int_eq(apr_sockaddr_zone_set(sa, "lo"), APR_SUCCESS);
        ck_assert_int_eq(sa->sa.sin6.sin6_scope_id, lo);
        ck_assert_int_eq(apr_sockaddr_zone_get(sa, &name, &id, p),
                         APR_SUCCESS);
        ck_assert_str_eq(name, "lo");
        ck_assert_int_eq(id, lo);
        ck_assert_str_eq(ip_of(sa), "fe80::1%lo");
        {
            char buf[16];
            ck_assert_int_eq(apr_sockaddr_ip_getbuf(buf, 10, sa),
                             APR_ENOSPC);
            ck_assert_int_eq(apr_sockaddr_ip_getbuf(buf, 11, sa),
                             APR_SUCCESS);
            ck_assert_str_eq(buf, "fe80::1%lo");
        }
    }

    /* Only IPv6 link-local addresses have zones. */
    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "::1", APR_INET6, 0, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_sockaddr_zone_set(sa, "1"), APR_EBADIP);
    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "1.2.3.4", APR_INET, 0, 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_sockaddr_zone_set(sa, "1"), APR_EBADIP);
    ck_assert_int_eq(apr_sockaddr_zone_get(sa, NULL, NULL, p), APR_EBADIP);
}
END_TEST
#endif

/* ------------------------------------------------------------------ */
/* Subnets                                                            */

struct subnet_case {
    const char *ip, *mask;
    apr_status_t rv;
    const char *in, *out; /* an address inside, one outside, or NULL */
};

static const struct subnet_case subnet_cases[] = {
    {"10.1.2.3", NULL, APR_SUCCESS, "10.1.2.3", "10.1.2.4"},
    {"10.1", NULL, APR_SUCCESS, "10.1.200.3", "10.2.0.1"},
    {"10.1.", NULL, APR_SUCCESS, "10.1.200.3", "11.1.0.1"},
    {"1.2.3", NULL, APR_SUCCESS, "1.2.3.9", "1.2.4.9"},
    {"10.1.2.3", "8", APR_SUCCESS, "10.200.2.3", "11.1.2.3"},
    {"10.1.2.3", " 8", APR_SUCCESS, "10.9.9.9", NULL},
    {"1.2.3.4", "+8", APR_SUCCESS, "1.9.9.9", NULL},
    {"10.1.2.3", "255.255.0.0", APR_SUCCESS, "10.1.9.9", "10.2.1.2"},
    {"10.1.2.3", "255.0.255.0", APR_SUCCESS, "10.9.2.9", "10.9.3.9"},
    {"10.1.2.3", "24", APR_SUCCESS, "::ffff:10.1.2.9", "::ffff:10.1.3.9"},
    {"10.1.2.3", "32", APR_SUCCESS, "10.1.2.3", "10.1.2.2"},
    {"fe80::", "10", APR_SUCCESS, "fe80::1", "fec0::1"},
    {"::1", "128", APR_SUCCESS, "::1", "::2"},
    {"2001:db8::", "33", APR_SUCCESS, "2001:db8:7fff::1", "2001:db8:8000::"},
    {"10.1.2.3", NULL, APR_SUCCESS, NULL, "fe80::1"},
    {"fe80::", "10", APR_SUCCESS, NULL, "10.0.0.1"},
    {"10.1.2.3", "33", APR_EBADMASK, NULL, NULL},
    {"10.1.2.3", "0", APR_EBADMASK, NULL, NULL},
    {"10.1.2.3", "8x", APR_EBADMASK, NULL, NULL},
    {"1.2.3.4", "-1", APR_EBADMASK, NULL, NULL},
    {"1.2.3.4", "", APR_EBADMASK, NULL, NULL},
    {"fe80::", "255.255.0.0", APR_EBADMASK, NULL, NULL},
    {"::", "0", APR_EBADMASK, NULL, NULL},
    {"::", "129", APR_EBADMASK, NULL, NULL},
    {"::ffff:1.2.3.4", NULL, APR_EBADIP, NULL, NULL},
    {"1.2.3.4.5", NULL, APR_EBADIP, NULL, NULL},
    {"256.1", NULL, APR_EBADIP, NULL, NULL},
    {"1..2", NULL, APR_EBADIP, NULL, NULL},
    {"...", NULL, APR_EBADIP, NULL, NULL},
    {"1:2", NULL, APR_EBADIP, NULL, NULL},
    {"10.1", "8", APR_EBADIP, NULL, NULL}, /* no prefix form with a mask */
    {"foo", NULL, APR_EINVAL, NULL, NULL},
    {"", NULL, APR_EINVAL, NULL, NULL},
    {"1.2.3.4x", NULL, APR_EINVAL, NULL, NULL},
};

static int in_subnet(apr_ipsubnet_t *sn, const char *ip)
{
    apr_sockaddr_t *sa;

    ck_assert_int_eq(apr_sockaddr_info_get(&sa, ip, APR_UNSPEC, 0, 0, p),
                     APR_SUCCESS);
    return apr_ipsubnet_test(sn, sa);
}

START_TEST(ipsubnet_table)
{
    size_t i;

    for (i = 0; i < sizeof subnet_cases / sizeof subnet_cases[0]; i++) {
        const struct subnet_case *c = &subnet_cases[i];
        apr_ipsubnet_t *sn = NULL;
        apr_status_t rv = apr_ipsubnet_create(&sn, c->ip, c->mask, p);

        ck_assert_msg(rv == c->rv, "%s/%s: rv %d, want %d", c->ip,
                      c->mask ? c->mask : "NULL", rv, c->rv);
        if (c->in)
            ck_assert_msg(in_subnet(sn, c->in), "%s/%s should have %s",
                          c->ip, c->mask ? c->mask : "-", c->in);
        if (c->out)
            ck_assert_msg(!in_subnet(sn, c->out), "%s/%s should not have %s",
                          c->ip, c->mask ? c->mask : "-", c->out);
    }
}
END_TEST

/* ------------------------------------------------------------------ */
/* Names                                                              */

START_TEST(getnameinfo_loopback)
{
    apr_sockaddr_t *sa;
    char *name = NULL;

    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "127.0.0.1", APR_INET, 0, 0,
                                           p), APR_SUCCESS);
    ck_assert_int_eq(apr_getnameinfo(&name, sa, 0), APR_SUCCESS);
    ck_assert_ptr_nonnull(name);
    ck_assert_int_gt(strlen(name), 0);
    ck_assert_ptr_eq(sa->hostname, name); /* also stored in the address */

    /* A numeric answer only when asked for. */
    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "192.0.2.1", APR_INET, 0, 0,
                                           p), APR_SUCCESS);
    ck_assert_int_eq(apr_getnameinfo(&name, sa, NI_NUMERICHOST),
                     APR_SUCCESS);
    ck_assert_str_eq(name, "192.0.2.1");

    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "/tmp/n.sock", APR_UNIX, 0, 0,
                                           p), APR_SUCCESS);
    ck_assert_int_eq(apr_getnameinfo(&name, sa, 0), APR_SUCCESS);
    ck_assert_str_eq(name, "/tmp/n.sock");
}
END_TEST

START_TEST(servbyname)
{
    apr_sockaddr_t *sa;

    ck_assert_int_eq(apr_sockaddr_info_get(&sa, "127.0.0.1", APR_INET, 0, 0,
                                           p), APR_SUCCESS);
    ck_assert_int_eq(apr_getservbyname(sa, NULL), APR_EINVAL);
    ck_assert_int_eq(apr_getservbyname(sa, "no-such-service-xyz"),
                     APR_ENOENT);
    ck_assert_int_eq(sa->port, 0);
    if (access("/etc/services", R_OK) != 0)
        return; /* no services database on this machine */
    ck_assert_int_eq(apr_getservbyname(sa, "http"), APR_SUCCESS);
    ck_assert_int_eq(sa->port, 80);
    ck_assert_int_eq(ntohs(sa->sa.sin.sin_port), 80);
    ck_assert_str_eq(sa->servname, "http");
}
END_TEST

START_TEST(gethostname_sizes)
{
    char buf[APRMAXHOSTLEN + 1];

    ck_assert_int_eq(apr_gethostname(buf, sizeof buf, p), APR_SUCCESS);
    ck_assert_int_gt(strlen(buf), 0);
    ck_assert_int_ne(apr_gethostname(buf, 1, p), APR_SUCCESS);
    ck_assert_str_eq(buf, "");
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("sockaddr");
    TCase *tc = apr_test_tcase("sockaddr");

    tcase_add_test(tc, parse_addr_port_table);
#if !APR_TEST_AGAINST_SYSTEM
    tcase_add_test(tc, parse_addr_port_huge_port);
#endif
    tcase_add_test(tc, info_get_ipv4);
    tcase_add_test(tc, info_get_wildcards);
    tcase_add_test(tc, info_get_flags);
    tcase_add_test(tc, info_get_errors);
    tcase_add_test(tc, info_get_unix);
    tcase_add_test(tc, info_copy);
    tcase_add_test(tc, ip_getbuf_sizes);
    tcase_add_test(tc, equal_and_mapped);
#if APR_HAVE_IPV6
    tcase_add_test(tc, zones);
#endif
    tcase_add_test(tc, ipsubnet_table);
    tcase_add_test(tc, getnameinfo_loopback);
    tcase_add_test(tc, servbyname);
    tcase_add_test(tc, gethostname_sizes);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
