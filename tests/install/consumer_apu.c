/* A program written against APR-util 1.6, built with
 * `pkg-config --cflags --libs apr-util-1` against the installed library. */
#include <stdio.h>
#include <string.h>

#include "apr_general.h"
#include "apr_uri.h"
#include "apr_md5.h"
#include "apu_version.h"

int main(void)
{
    apr_pool_t *pool;
    apr_uri_t uri;
    unsigned char digest[APR_MD5_DIGESTSIZE];
    int ok;

    if (apr_initialize() != APR_SUCCESS || apr_pool_create(&pool, NULL))
        return 1;
    ok = apr_uri_parse(pool, "http://example.com:8080/a?b", &uri) == APR_SUCCESS
         && uri.port == 8080 && strcmp(uri.path, "/a") == 0
         && apr_md5(digest, "abc", 3) == APR_SUCCESS
         && digest[0] == 0x90 && digest[15] == 0x72;
    printf("apr-util %s: %s\n", apu_version_string(), ok ? "ok" : "wrong");
    apr_pool_destroy(pool);
    apr_terminate();
    return ok ? 0 : 1;
}
