/*
 * mod_mime_ext.c: splitting a file name into its base name and its
 * extensions, without allocating.
 */
#include <string.h>

#include "httpd.h"

#include "mod_mime_private.h"

apr_size_t ap__mime_base_len(const char *name)
{
    const char *s = name;
    const char *dot;

    while (*s == '.') {     /* ".htaccess" is a base name, not an extension */
        s++;
    }
    dot = strchr(s, '.');
    return dot ? (apr_size_t)(dot - name) : strlen(name);
}

int ap__mime_next_ext(const char **cursor, const char **ext, apr_size_t *len)
{
    const char *s = *cursor;
    const char *e;

    while (*s == '.') {     /* "a..html": empty extensions are skipped */
        s++;
    }
    if (*s == '\0') {
        *cursor = s;
        return 0;
    }
    e = strchr(s, '.');
    if (e == NULL) {
        e = s + strlen(s);
    }
    *ext = s;
    *len = (apr_size_t)(e - s);
    *cursor = e;
    return 1;
}
