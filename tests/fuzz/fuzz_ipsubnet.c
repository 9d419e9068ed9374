/*
 * libFuzzer target for apr_ipsubnet_create and apr_ipsubnet_test. The
 * input is "address" or "address/mask" (up to the first NUL).
 *
 * Checked on every input:
 *  - the status is one of APR_SUCCESS, APR_EINVAL, APR_EBADIP,
 *    APR_EBADMASK;
 *  - on success, testing a handful of fixed addresses of both families
 *    does not crash, and a plain IPv4/IPv6 address is inside its own
 *    subnet, whatever the mask.
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
static apr_sockaddr_t *fixed[6];

/* A numeric address as an apr_sockaddr_t, built by hand (no resolver). */
static int make_addr(apr_sockaddr_t *sa, const char *ip)
{
    memset(sa, 0, sizeof *sa);
    if (inet_pton(AF_INET, ip, &sa->sa.sin.sin_addr) == 1) {
        sa->family = sa->sa.sin.sin_family = AF_INET;
        sa->ipaddr_ptr = &sa->sa.sin.sin_addr;
        sa->ipaddr_len = 4;
        return 1;
    }
    if (inet_pton(AF_INET6, ip, &sa->sa.sin6.sin6_addr) == 1) {
        sa->family = sa->sa.sin6.sin6_family = AF_INET6;
        sa->ipaddr_ptr = &sa->sa.sin6.sin6_addr;
        sa->ipaddr_len = 16;
        return 1;
    }
    return 0;
}

static void setup(void)
{
    static apr_sockaddr_t store[6];
    static const char *ips[6] = {"127.0.0.1", "10.1.2.3", "0.0.0.0", "::1",
                                 "::ffff:10.1.2.3", "fe80::1"};
    int i;

    if (pool)
        return;
    CHECK(apr_initialize() == APR_SUCCESS);
    CHECK(apr_pool_create(&pool, NULL) == APR_SUCCESS);
    for (i = 0; i < 6; i++) {
        CHECK(make_addr(&store[i], ips[i]));
        fixed[i] = &store[i];
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *in = malloc(size + 1), *mask;
    apr_ipsubnet_t *sn = NULL;
    apr_sockaddr_t self;
    apr_status_t rv;
    int i;

    setup();
    CHECK(in != NULL);
    memcpy(in, data, size);
    in[size] = '\0';
    mask = strchr(in, '/');
    if (mask)
        *mask++ = '\0';

    rv = apr_ipsubnet_create(&sn, in, mask, pool);
    CHECK(rv == APR_SUCCESS || rv == APR_EINVAL || rv == APR_EBADIP
          || rv == APR_EBADMASK);
    if (rv == APR_SUCCESS) {
        CHECK(sn != NULL);
        for (i = 0; i < 6; i++)
            (void)apr_ipsubnet_test(sn, fixed[i]);
        if (make_addr(&self, in)) {
            struct in6_addr a6;

            /* IPv4-mapped forms are refused at creation. */
            if (!(self.family == AF_INET6
                  && IN6_IS_ADDR_V4MAPPED(&self.sa.sin6.sin6_addr)))
                CHECK(apr_ipsubnet_test(sn, &self));
            (void)a6;
        }
    }

    free(in);
    apr_pool_clear(pool);
    return 0;
}
