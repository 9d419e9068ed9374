/*
 * apr_filepath_name_get on unix: the separator is '/'.
 */
#include "apr_lib.h"

#include <string.h>

APR_DECLARE(const char *) apr_filepath_name_get(const char *pathname)
{
    const char *s = strrchr(pathname, '/');

    return s ? s + 1 : pathname;
}
