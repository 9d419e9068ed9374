/*
 * sdbm_hash.c: the sdbm hash, h = c + 65599 * h over the bytes. The bytes
 * are taken as `char`, as APR-util does, so that the page a key lands in
 * (and hence the file format) is the same as APR-util's on this platform.
 */
#include "sdbm_private.h"

apr_uint32_t apu__sdbm_hash(const char *str, int len)
{
    apr_uint32_t n = 0;

    while (len-- > 0)
        n = (apr_uint32_t)(long)*str++ + 65599u * n;
    return n;
}
