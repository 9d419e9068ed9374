/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * Function versions of the ap_strchr() family. httpd.h maps them to the
 * C library macros in normal builds; modules built with AP_DEBUG call
 * these instead (they catch writes through a const string at compile time).
 */
#include "util_private.h"

#undef ap_strchr
#undef ap_strchr_c
#undef ap_strrchr
#undef ap_strrchr_c
#undef ap_strstr
#undef ap_strstr_c
#undef strchr
#undef strrchr
#undef strstr

AP_DECLARE(char *) ap_strchr(char *s, int c)
{
    return strchr(s, c);
}

AP_DECLARE(const char *) ap_strchr_c(const char *s, int c)
{
    return strchr(s, c);
}

AP_DECLARE(char *) ap_strrchr(char *s, int c)
{
    return strrchr(s, c);
}

AP_DECLARE(const char *) ap_strrchr_c(const char *s, int c)
{
    return strrchr(s, c);
}

AP_DECLARE(char *) ap_strstr(char *s, const char *c)
{
    return strstr(s, c);
}

AP_DECLARE(const char *) ap_strstr_c(const char *s, const char *c)
{
    return strstr(s, c);
}
