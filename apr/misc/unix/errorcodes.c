/*
 * apr_strerror on errno platforms: errno values through strerror_r(),
 * resolver errors through gai_strerror(), APR's own codes from errstr.c.
 */
#include "apr_private_config.h"
#include "apr_errno.h"
#include "apr_private_misc.h"

#include <string.h>
#include <netdb.h>

/* Copy src into buf (of size n >= 1), truncating; returns buf. */
static char *copy_out(char *buf, apr_size_t n, const char *src)
{
    apr_size_t len = strlen(src);

    if (len >= n)
        len = n - 1;
    memcpy(buf, src, len);
    buf[len] = '\0';
    return buf;
}

static const char *native_string(int err, char *buf, apr_size_t n)
{
#if HAVE_STRERROR_R_CHAR_P
    /* GNU strerror_r may return a static string instead of filling buf. */
    return strerror_r(err, buf, n);
#else
    if (strerror_r(err, buf, n) != 0)
        return "APR does not understand this error code";
    return buf;
#endif
}

static const char *resolver_string(int code)
{
#if defined(EAI_FAIL) && EAI_FAIL < 0
    /* glibc's EAI_* values are negative: they were folded as -code. */
    code = -code;
#endif
    return gai_strerror(code);
}

APR_DECLARE(char *) apr_strerror(apr_status_t statcode, char *buf,
                                 apr_size_t bufsize)
{
    const char *msg;

    if (buf == NULL || bufsize == 0)
        return buf;
    if (statcode < APR_OS_START_ERROR) {
        char tmp[256];
        return copy_out(buf, bufsize, native_string(statcode, tmp, sizeof tmp));
    }
    if (statcode < APR_OS_START_USERERR) {
        msg = apr__error_string(statcode);
        return copy_out(buf, bufsize, msg ? msg : "Error string not specified yet");
    }
    if (statcode < APR_OS_START_EAIERR)
        return copy_out(buf, bufsize, "APR does not understand this error code");
    if (statcode < APR_OS_START_SYSERR) {
        msg = resolver_string(statcode - APR_OS_START_EAIERR);
        return copy_out(buf, bufsize, msg ? msg : "Unrecognized resolver error");
    }
    return copy_out(buf, bufsize, "APR does not understand this error code");
}
