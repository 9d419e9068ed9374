/*
 * Search path lists ("/bin:/usr/bin"): splitting and joining with the
 * system's separator, which the per-OS private header names.
 */
#include "apr_arch_file_io.h"
#include "apr_strings.h"
#include "apr_tables.h"

#include <string.h>

APR_DECLARE(apr_status_t) apr_filepath_list_split(apr_array_header_t **pathelts,
                                                  const char *liststr,
                                                  apr_pool_t *p)
{
    static const char sep[2] = {APR__FILEPATH_LIST_SEPARATOR, '\0'};
    char *copy = apr_pstrdup(p, liststr);
    apr_array_header_t *elts;
    const char *c;
    char *part, *last;
    int count = 1;

    for (c = copy; (c = strchr(c, sep[0])) != NULL; c++)
        count++;
    elts = apr_array_make(p, count, sizeof(char *));

    /* apr_strtok skips runs of separators: no empty element comes out. */
    for (part = apr_strtok(copy, sep, &last); part != NULL;
         part = apr_strtok(NULL, sep, &last))
        *(char **)apr_array_push(elts) = part;

    *pathelts = elts;
    return APR_SUCCESS;
}

/*
 * Empty elements are skipped, but as in APR a separator is written before
 * every non-empty element except the first of the array: ["", "a"] gives
 * ":a".
 */
APR_DECLARE(apr_status_t) apr_filepath_list_merge(char **liststr,
                                                  apr_array_header_t *pathelts,
                                                  apr_pool_t *p)
{
    char **elts = (char **)pathelts->elts;
    apr_size_t size = 0;
    char *out;
    int i;

    if (pathelts->elt_size != sizeof(char *))
        return APR_EINVAL;

    for (i = 0; i < pathelts->nelts; i++)
        size += strlen(elts[i]);
    if (size == 0) {
        *liststr = NULL;
        return APR_SUCCESS;
    }
    size += (apr_size_t)pathelts->nelts - 1;

    out = *liststr = apr_palloc(p, size + 1);
    for (i = 0; i < pathelts->nelts; i++) {
        apr_size_t len = strlen(elts[i]);

        if (len == 0)
            continue;
        if (i > 0)
            *out++ = APR__FILEPATH_LIST_SEPARATOR;
        memcpy(out, elts[i], len);
        out += len;
    }
    *out = '\0';
    return APR_SUCCESS;
}
