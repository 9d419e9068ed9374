/*
 * A program written against APR 1.7, built the two ways README.md
 * describes: with pkg-config against the installed library, and with the
 * library as a meson subproject.
 */
#include <stdio.h>
#include <string.h>

#include "apr_general.h"
#include "apr_pools.h"
#include "apr_strings.h"
#include "apr_tables.h"
#include "apr_time.h"
#include "apr_version.h"

int main(void)
{
    apr_pool_t *pool;
    apr_table_t *t;
    char date[APR_RFC822_DATE_LEN];
    const char *s;
    int ok;

    if (apr_initialize() != APR_SUCCESS || apr_pool_create(&pool, NULL))
        return 1;
    t = apr_table_make(pool, 4);
    apr_table_set(t, "Host", "example.com");
    apr_rfc822_date(date, apr_time_from_sec(0));
    s = apr_psprintf(pool, "%s %s %" APR_SIZE_T_FMT " %s",
                     apr_version_string(), apr_table_get(t, "host"),
                     (apr_size_t)42, date);
    puts(s);
    ok = strcmp(s + strlen(s) - 3, "GMT") == 0;
    apr_pool_destroy(pool);
    apr_terminate();
    return ok ? 0 : 1;
}
