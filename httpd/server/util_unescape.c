/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * %XX decoding in place. A bad escape is copied as is and reported as
 * HTTP_BAD_REQUEST; a decoded NUL (or a forbidden character) is reported
 * as HTTP_NOT_FOUND, since no resource can have such a name.
 */
#include "util_private.h"

/* How one decoding treats special characters. */
typedef struct {
    int forbid_slash;    /* decoded '/' is an error */
    int keep_slash;      /* %2F stays encoded */
    int keep_unreserved; /* %XX of unreserved characters stays encoded */
} unescape_rules;

static int unescape(char *url, const unescape_rules *rules)
{
    char *in, *out;
    int badesc = 0, badpath = 0;

    if (url == NULL || (in = strchr(url, '%')) == NULL)
        return OK;
    for (out = in; *in; ) {
        int hi, lo;
        unsigned char c;

        if (*in != '%') {
            *out++ = *in++;
            continue;
        }
        hi = ap__hexval((unsigned char)in[1]);
        lo = hi < 0 ? -1 : ap__hexval((unsigned char)in[2]);
        if (lo < 0) {
            badesc = 1;
            *out++ = *in++;
            continue;
        }
        c = (unsigned char)(hi << 4 | lo);
        if (c == '\0' || (c == '/' && rules->forbid_slash)) {
            badpath = 1;
        }
        else if ((c == '/' && rules->keep_slash)
                 || (rules->keep_unreserved
                     && AP__TEST_CHAR(c, AP__T_URI_UNRES))) {
            memmove(out, in, 3);
            out += 3;
            in += 3;
            continue;
        }
        *out++ = (char)c;
        in += 3;
    }
    *out = '\0';
    if (badesc)
        return HTTP_BAD_REQUEST;
    return badpath ? HTTP_NOT_FOUND : OK;
}

AP_DECLARE(int) ap_unescape_url(char *url)
{
    static const unescape_rules rules = { 1, 0, 0 };

    return unescape(url, &rules);
}

AP_DECLARE(int) ap_unescape_url_keep2f(char *url, int decode_slashes)
{
    static const unescape_rules decode = { 0, 0, 0 };
    static const unescape_rules keep = { 0, 1, 0 };

    return unescape(url, decode_slashes ? &decode : &keep);
}

AP_DECLARE(int) ap_unescape_url_ex(char *url, unsigned int flags)
{
    unescape_rules rules;

    rules.forbid_slash = (flags & AP_UNESCAPE_URL_FORBID_SLASHES) != 0;
    rules.keep_slash = (flags & AP_UNESCAPE_URL_KEEP_SLASHES) != 0;
    rules.keep_unreserved = (flags & AP_UNESCAPE_URL_KEEP_UNRESERVED) != 0;
    return unescape(url, &rules);
}

AP_DECLARE(int) ap_unescape_all(char *url)
{
    static const unescape_rules rules = { 0, 0, 0 };

    return unescape(url, &rules);
}

AP_DECLARE(int) ap_unescape_urlencoded(char *query)
{
    char *s;

    if (query == NULL)
        return OK;
    for (s = query; *s; ++s)
        if (*s == '+')
            *s = ' ';
    return ap_unescape_all(query);
}
