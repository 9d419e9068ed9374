/*
 * libFuzzer target for apr_uri.h. The input, up to its first NUL, is the
 * string parsed by apr_uri_parse and by apr_uri_parse_hostinfo.
 *
 * Checked on every input:
 *  - neither parser crashes; both set is_initialized and copy hostinfo;
 *  - after a successful parse, the port agrees with port_str: 0 without
 *    one, the scheme's default when it is empty, else strtol's value
 *    (wrapped to 16 bits) of a string strtol consumes entirely;
 *  - apr_uri_unparse gives a NUL-terminated string for every flag set,
 *    never longer than the parts it may show and its punctuation;
 *  - parse(unparse(parse(x))) succeeds and gives the same scheme, user,
 *    password, hostname, path, query and fragment, and the same port when
 *    unparse kept it. Two inputs APR-util itself cannot round-trip are
 *    left out: a hostname starting with '[' (brackets are only written
 *    around hostnames containing ':'), and an empty authority without a
 *    scheme followed by a path ("//:/p" unparses as "///p", a path).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "apr_general.h"
#include "apr_pools.h"
#include "apr_uri.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static apr_pool_t *pool;

static void setup(void)
{
    if (pool)
        return;
    CHECK(apr_initialize() == APR_SUCCESS);
    CHECK(apr_pool_create(&pool, NULL) == APR_SUCCESS);
}

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static size_t len0(const char *s)
{
    return s ? strlen(s) : 0;
}

static void check_port(const apr_uri_t *u)
{
    char *end;
    long v;

    if (!u->port_str) {
        CHECK(u->port == 0);
        return;
    }
    if (u->port_str[0] == '\0') {
        CHECK(u->port == apr_uri_port_of_scheme(u->scheme));
        return;
    }
    v = strtol(u->port_str, &end, 10);
    CHECK(*end == '\0');
    CHECK(u->port == (apr_port_t)v);
}

static void check_unparse(const apr_uri_t *u)
{
    size_t most = len0(u->scheme) + len0(u->user) + len0(u->password) +
                  len0(u->hostname) + len0(u->port_str) + len0(u->path) +
                  len0(u->query) + len0(u->fragment) +
                  strlen("XXXXXXXX") + strlen("://:@[]:?#");
    unsigned flags;

    for (flags = 0; flags < 64; flags++) {
        const char *s = apr_uri_unparse(pool, u, flags);

        CHECK(s != NULL);
        CHECK(strlen(s) <= most);
    }
}

static int round_trips(const apr_uri_t *u, const char *unparsed)
{
    if (u->hostname && u->hostname[0] == '[')
        return 0;
    if (!u->scheme && u->hostname && !u->hostname[0] &&
        strncmp(unparsed, "///", 3) == 0)
        return 0;
    return 1;
}

static void check_reparse(const apr_uri_t *u)
{
    const char *s = apr_uri_unparse(pool, u, APR_URI_UNP_REVEALPASSWORD);
    apr_uri_t again;

    if (!round_trips(u, s))
        return;
    CHECK(apr_uri_parse(pool, s, &again) == APR_SUCCESS);
    CHECK(same(u->scheme, again.scheme));
    CHECK(same(u->user, again.user));
    CHECK(same(u->password, again.password));
    CHECK(same(u->hostname, again.hostname));
    CHECK(same(u->path, again.path));
    CHECK(same(u->query, again.query));
    CHECK(same(u->fragment, again.fragment));
    if (again.port_str) {
        CHECK(same(u->port_str, again.port_str));
        CHECK(u->port == again.port);
    }
    check_port(&again);
    /* and from there on it is a fixed point */
    CHECK(strcmp(apr_uri_unparse(pool, &again, APR_URI_UNP_REVEALPASSWORD),
                 s) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *in = malloc(size + 1);
    apr_uri_t u;

    setup();
    CHECK(in != NULL);
    memcpy(in, data, size);
    in[size] = '\0';

    if (apr_uri_parse(pool, in, &u) == APR_SUCCESS) {
        CHECK(u.is_initialized);
        check_port(&u);
        check_unparse(&u);
        check_reparse(&u);
    }
    else {
        CHECK(u.is_initialized);
    }

    if (apr_uri_parse_hostinfo(pool, in, &u) == APR_SUCCESS) {
        CHECK(u.hostname != NULL && u.port_str != NULL);
        CHECK(u.port_str[0] != '\0');
        check_port(&u);
        check_unparse(&u);
    }
    CHECK(u.is_initialized && strcmp(u.hostinfo, in) == 0);

    free(in);
    apr_pool_clear(pool);
    return 0;
}
