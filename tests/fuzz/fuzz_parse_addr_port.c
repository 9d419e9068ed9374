/*
 * libFuzzer target for apr_parse_addr_port. The input, up to its first NUL,
 * is the string parsed.
 *
 * Checked on every input:
 *  - failure leaves *addr and *scope_id NULL and *port 0;
 *  - success: a port, if any, is 1..65535 and is the number the input ends
 *    with; no address means the input is only digits; an address is
 *    shorter than the input; a scope id only comes with a bracketed IPv6
 *    address, which then is valid IPv6.
 */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "apr_general.h"
#include "apr_network_io.h"
#include "apr_pools.h"

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

/* The number the string ends with (leading zeros allowed), or -1. */
static long trailing_number(const char *s, size_t len)
{
    size_t i = len;
    long v = 0;

    while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
        i--;
    if (i == len)
        return -1;
    for (; i < len; i++) {
        v = v * 10 + (s[i] - '0');
        if (v > 100000)
            return 100000;
    }
    return v;
}

static void check_success(const char *in, size_t len, const char *addr,
                          const char *scope, apr_port_t port)
{
    if (port != 0)
        CHECK(trailing_number(in, len) == port);
    if (addr == NULL) {
        size_t i;

        CHECK(scope == NULL && port != 0);
        for (i = 0; i < len; i++)
            CHECK(in[i] >= '0' && in[i] <= '9');
        return;
    }
    CHECK(strlen(addr) < len || (port == 0 && strlen(addr) == len));
    if (scope) {
        struct in6_addr a6;

        CHECK(in[0] == '[');
        CHECK(strlen(scope) > 0 && strlen(scope) < len);
        CHECK(inet_pton(AF_INET6, addr, &a6) == 1);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *in = malloc(size + 1);
    char *addr = (char *)"x", *scope = (char *)"x";
    apr_port_t port = 4242;
    apr_status_t rv;
    size_t len;

    setup();
    CHECK(in != NULL);
    memcpy(in, data, size);
    in[size] = '\0';
    len = strlen(in);

    rv = apr_parse_addr_port(&addr, &scope, &port, in, pool);
    if (rv == APR_SUCCESS)
        check_success(in, len, addr, scope, port);
    else
        CHECK(rv == APR_EINVAL && addr == NULL && scope == NULL && port == 0);

    free(in);
    apr_pool_clear(pool);
    return 0;
}
