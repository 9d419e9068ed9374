/*
 * apr_parse_addr_port: "host", "host:port", "port", "[v6]:port",
 * "[v6%scope]:port". Pure string work plus an IPv6 syntax check.
 */
#include "apr_arch_networkio.h"
#include "apr_strings.h"

#include <string.h>

/* The digits in [s, end) as a port: 1..65535, else -1. (APR uses atoi(),
 * which wraps huge numbers into range: "h:4294967376" is port 80 there;
 * here it is an error.) */
static long port_of(const char *s, const char *end)
{
    long v = 0;

    for (; s < end; s++) {
        v = v * 10 + (*s - '0');
        if (v > 65535)
            return -1;
    }
    return v >= 1 ? v : -1;
}

#if APR_HAVE_IPV6
/* "[addr]" or "[addr%scope]", the whole of [str, str + len). */
static apr_status_t parse_bracketed(char **addr, char **scope_id,
                                    const char *str, apr_size_t len,
                                    apr_pool_t *p)
{
    const char *close = memchr(str, ']', len);
    const char *pct;
    struct in6_addr ip6;
    apr_size_t addrlen;

    if (close == NULL || close != str + len - 1)
        return APR_EINVAL;
    pct = memchr(str, '%', len);
    if (pct) {
        if (pct == close - 1)
            return APR_EINVAL; /* '%' without a scope */
        addrlen = (apr_size_t)(pct - str - 1);
        *scope_id = apr_pstrmemdup(p, pct + 1, (apr_size_t)(close - pct - 1));
    }
    else {
        addrlen = len - 2;
    }
    *addr = apr_pstrmemdup(p, str + 1, addrlen);
    if (inet_pton(AF_INET6, *addr, &ip6) != 1) {
        *addr = NULL;
        *scope_id = NULL;
        return APR_EINVAL;
    }
    return APR_SUCCESS;
}
#endif

APR_DECLARE(apr_status_t) apr_parse_addr_port(char **addr, char **scope_id,
                                              apr_port_t *port,
                                              const char *str, apr_pool_t *p)
{
    apr_size_t len = strlen(str), hostlen;
    const char *digits = str + len;
    apr_status_t rv;
    long n;

    *addr = NULL;
    *scope_id = NULL;
    *port = 0;

    /* The trailing digits: maybe the whole string is a port. */
    while (digits > str && apr_isdigit(digits[-1]))
        --digits;
    if (digits == str) {
        n = port_of(str, str + len);
        if (n < 0)
            return APR_EINVAL;
        *port = (apr_port_t)n;
        return APR_SUCCESS;
    }
    hostlen = len;
    if (digits < str + len && digits[-1] == ':') {
        if (digits - 1 == str)
            return APR_EINVAL; /* ":port" without a host */
        n = port_of(digits, str + len);
        if (n < 0)
            return APR_EINVAL;
        *port = (apr_port_t)n;
        hostlen = (apr_size_t)(digits - 1 - str);
    }

#if APR_HAVE_IPV6
    if (*str == '[') {
        rv = parse_bracketed(addr, scope_id, str, hostlen, p);
        if (rv != APR_SUCCESS)
            *port = 0;
        return rv;
    }
#endif
    (void)rv;
    *addr = apr_pstrmemdup(p, str, hostlen);
    return APR_SUCCESS;
}
