/*
 * apr_match_glob on unix: read the directory with opendir/readdir (the
 * apr_dir_* functions arrive with the file_io module).
 */
#include "apr_fnmatch.h"
#include "apr_strings.h"
#include "apr_tables.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>

APR_DECLARE(apr_status_t) apr_match_glob(const char *dir_pattern,
                                         apr_array_header_t **result,
                                         apr_pool_t *p)
{
    const char *sep = strrchr(dir_pattern, '/');
    const char *dir = ".", *pattern = dir_pattern;
    struct dirent *ent;
    DIR *d;

    if (sep == NULL)
        sep = strrchr(dir_pattern, '\\');
    if (sep != NULL) {
        dir = apr_pstrmemdup(p, dir_pattern, (apr_size_t)(sep - dir_pattern));
        pattern = sep + 1;
    }
    *result = apr_array_make(p, 0, sizeof(char *));
    d = opendir(dir);
    if (d == NULL)
        return errno;
    while ((ent = readdir(d)) != NULL) {
        if (apr_fnmatch(pattern, ent->d_name, 0) == APR_SUCCESS)
            *(char **)apr_array_push(*result) = apr_pstrdup(p, ent->d_name);
    }
    closedir(d);
    return APR_SUCCESS;
}
