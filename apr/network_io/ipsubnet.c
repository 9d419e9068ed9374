/*
 * IP subnets: apr_ipsubnet_create() parses "a.b.c.d", "a.b" (a network
 * prefix, without a mask), IPv6 addresses, with a bit count or an IPv4
 * netmask; apr_ipsubnet_test() matches an address against it.
 */
#include "apr_arch_networkio.h"

#include <stdlib.h>
#include <string.h>

struct apr_ipsubnet_t {
    int family;
    apr_uint32_t sub[4];   /* network byte order; IPv4 uses [0] */
    apr_uint32_t mask[4];
};

/* The legacy prefix form: "10.1" or "10.1." is 10.1.0.0/16. */
static apr_status_t parse_network(apr_ipsubnet_t *ipsub, const char *s)
{
    apr_uint32_t sub = 0, mask = 0;
    int shift = 24;

    if (strlen(s) >= sizeof "255.255.255.255")
        return APR_EBADIP;
    while (*s) {
        int octet = 0, ndigits = 0;

        while (apr_isdigit(*s)) {
            octet = octet * 10 + (*s++ - '0');
            if (octet > 255)
                octet = 256; /* too big; do not overflow */
            ndigits++;
        }
        if (ndigits == 0 || (*s && *s != '.') || shift < 0 || octet > 255)
            return APR_EBADIP;
        if (*s == '.')
            s++;
        sub |= (apr_uint32_t)octet << shift;
        mask |= 0xFFu << shift;
        shift -= 8;
    }
    ipsub->sub[0] = htonl(sub);
    ipsub->mask[0] = htonl(mask);
    ipsub->family = AF_INET;
    return APR_SUCCESS;
}

static apr_status_t parse_ip(apr_ipsubnet_t *ipsub, const char *ipstr,
                             int network_allowed)
{
#if APR_HAVE_IPV6
    if (inet_pton(AF_INET6, ipstr, ipsub->sub) == 1) {
        /* apr_ipsubnet_test() tests mapped addresses as IPv4: an IPv4
         * subnet must be written as IPv4. */
        if (IN6_IS_ADDR_V4MAPPED((struct in6_addr *)ipsub->sub))
            return APR_EBADIP;
        ipsub->family = AF_INET6;
        return APR_SUCCESS;
    }
#endif
    if (inet_pton(AF_INET, ipstr, ipsub->sub) == 1) {
        ipsub->family = AF_INET;
        return APR_SUCCESS;
    }
    return network_allowed ? parse_network(ipsub, ipstr) : APR_EBADIP;
}

/* Anything else is probably a host name (APR_EINVAL for the caller). */
static int looks_like_ip(const char *s)
{
    if (*s == '\0')
        return 0;
    if (strchr(s, ':'))
        return 1;
    while (*s == '.' || apr_isdigit(*s))
        s++;
    return *s == '\0';
}

static void set_mask_bits(apr_ipsubnet_t *ipsub, long bits)
{
    int i;

    memset(ipsub->mask, 0, sizeof ipsub->mask);
    for (i = 0; bits > 0; i++, bits -= 32) {
        apr_uint32_t m = bits >= 32 ? 0xFFFFFFFFu
                                    : ~(0xFFFFFFFFu >> bits);
        ipsub->mask[i] = htonl(m);
    }
}

APR_DECLARE(apr_status_t) apr_ipsubnet_create(apr_ipsubnet_t **ipsub,
                                              const char *ipstr,
                                              const char *mask_or_numbits,
                                              apr_pool_t *p)
{
    apr_ipsubnet_t *sn;
    apr_status_t rv;
    int i;

    if (!looks_like_ip(ipstr))
        return APR_EINVAL;
    *ipsub = sn = apr_pcalloc(p, sizeof *sn);
    /* Without a mask: a single address. */
    memset(sn->mask, 0xFF, sizeof sn->mask);
    rv = parse_ip(sn, ipstr, mask_or_numbits == NULL);
    if (rv != APR_SUCCESS)
        return rv;

    if (mask_or_numbits) {
        long maxbits = sn->family == AF_INET ? 32 : 128;
        char *end;
        long bits = strtol(mask_or_numbits, &end, 10);

        if (end != mask_or_numbits && *end == '\0' && bits > 0
            && bits <= maxbits)
            set_mask_bits(sn, bits);
        else if (sn->family != AF_INET
                 || inet_pton(AF_INET, mask_or_numbits, sn->mask) != 1)
            return APR_EBADMASK;
    }
    /* Bits of the address outside the mask do not count. */
    for (i = 0; i < 4; i++)
        sn->sub[i] &= sn->mask[i];
    return APR_SUCCESS;
}

APR_DECLARE(int) apr_ipsubnet_test(apr_ipsubnet_t *ipsub, apr_sockaddr_t *sa)
{
    const apr_uint32_t *a = sa->ipaddr_ptr;
    int i;

    if (sa->family == AF_INET)
        return ipsub->family == AF_INET
               && (sa->sa.sin.sin_addr.s_addr & ipsub->mask[0])
                      == ipsub->sub[0];
#if APR_HAVE_IPV6
    if (sa->family != AF_INET6)
        return 0;
    if (IN6_IS_ADDR_V4MAPPED((const struct in6_addr *)sa->ipaddr_ptr))
        return ipsub->family == AF_INET
               && (a[3] & ipsub->mask[0]) == ipsub->sub[0];
    if (ipsub->family != AF_INET6)
        return 0;
    for (i = 0; i < 4; i++) {
        if ((a[i] & ipsub->mask[i]) != ipsub->sub[i])
            return 0;
    }
    return 1;
#else
    (void)a;
    (void)i;
    return 0;
#endif
}
