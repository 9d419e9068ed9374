/*
 * apr_strtok: a strtok that keeps its state in the caller's pointer.
 */
#include "apr_strings.h"

#include <string.h>

APR_DECLARE(char *) apr_strtok(char *str, const char *sep, char **last)
{
    char *token;

    if (str == NULL)
        str = *last;
    str += strspn(str, sep);
    if (*str == '\0') {
        *last = str;
        return NULL;
    }
    token = str;
    str += strcspn(str, sep);
    if (*str != '\0')
        *str++ = '\0';
    *last = str;
    return token;
}
