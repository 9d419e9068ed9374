/*
 * The operating system side of the %pI and %pT/%pt formats: socket
 * addresses as text and thread ids as numbers (unix: pthread_t).
 */
#include "../apr_strings_internal.h"
#include "apr_network_io.h"

#include <arpa/inet.h>
#include <pthread.h>
#include <string.h>

#define V4MAPPED_PREFIX "::ffff:"
#define V4MAPPED_LEN (sizeof(V4MAPPED_PREFIX) - 1)

/* The address as text into tmp (at most @limit bytes with the NUL, the
 * limit APR takes from addr_str_len). */
static int raw_text(const apr_sockaddr_t *sa, char *tmp, apr_size_t limit)
{
    apr_size_t n;

    if (sa->family == AF_UNIX) {
        n = strnlen(sa->ipaddr_ptr, limit);
        if (n >= limit)
            return -1;
        memcpy(tmp, sa->ipaddr_ptr, n + 1);
        return (int)n;
    }
    if (!inet_ntop(sa->family, sa->ipaddr_ptr, tmp, (socklen_t)limit))
        return -1;
    return (int)strlen(tmp);
}

int apr__sockaddr_text(const void *sockaddr, char *buf, apr_size_t size)
{
    const apr_sockaddr_t *sa = sockaddr;
    char tmp[128];
    apr_size_t limit;
    int n, v6 = 0;
    const char *text = tmp;

    if (sa->ipaddr_ptr == NULL || sa->addr_str_len <= 0)
        return -1;
    limit = (apr_size_t)sa->addr_str_len;
    if (limit > sizeof tmp)
        limit = sizeof tmp;
    n = raw_text(sa, tmp, limit);
    if (n < 0)
        return -1;
    if (sa->family == AF_INET6) {
        if (IN6_IS_ADDR_V4MAPPED((const struct in6_addr *)sa->ipaddr_ptr)
            && strncmp(tmp, V4MAPPED_PREFIX, V4MAPPED_LEN) == 0) {
            /* Shown as the IPv4 address it carries, without brackets. */
            text += V4MAPPED_LEN;
            n -= (int)V4MAPPED_LEN;
        }
        else {
            v6 = 1;
        }
    }
    if ((apr_size_t)n + 2 * v6 >= size)
        return -1;
    if (v6)
        *buf++ = '[';
    memcpy(buf, text, (apr_size_t)n);
    if (v6)
        buf[n] = ']';
    return n + 2 * v6;
}

unsigned int apr__sockaddr_port(const void *sockaddr)
{
    return ((const apr_sockaddr_t *)sockaddr)->port;
}

apr_uint64_t apr__os_thread_value(const void *tid)
{
    pthread_t t;

    memcpy(&t, tid, sizeof t);
    if (sizeof t == sizeof(apr_uint32_t)) {
        apr_uint32_t v;
        memcpy(&v, &t, sizeof v);
        return v;
    }
    if (sizeof t == sizeof(apr_uint64_t)) {
        apr_uint64_t v;
        memcpy(&v, &t, sizeof v);
        return v;
    }
    return 0;
}
