/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * Small parsers and constructors of httpd.h: strict lengths, timeouts
 * with units, "host:port", base64 strings, pid-suffixed names.
 */
#include "util_private.h"
#include "http_protocol.h"
#include "mpm_private.h" /* ap__unixd_getpid() */
#include "apr_base64.h"
#include "apr_strings.h"

AP_DECLARE(int) ap_parse_strict_length(apr_off_t *len, const char *str)
{
    apr_off_t value = 0;
    const char *s = str;

    /* 1*DIGIT, nothing else: no sign, no white space, no overflow */
    if (!apr_isdigit(*s))
        return 0;
    for (; apr_isdigit(*s); ++s) {
        int d = *s - '0';

        if (value > (APR_INT64_MAX - d) / 10)
            return 0;
        value = value * 10 + d;
    }
    if (*s != '\0')
        return 0;
    *len = value;
    return 1;
}

/* Microseconds per unit, or 0 for an unknown unit ("ms", "s", "mi", "h";
 * only the letters that tell them apart are looked at, as in Apache). */
static apr_int64_t timeout_unit(const char *unit)
{
    switch (unit[0]) {
    case 's':
        return APR_USEC_PER_SEC;
    case 'h':
        return 3600 * APR_USEC_PER_SEC;
    case 'm':
        if (unit[1] == 's')
            return 1000;
        if (unit[1] == 'i')
            return 60 * APR_USEC_PER_SEC;
        return 0;
    default:
        return 0;
    }
}

AP_DECLARE(apr_status_t) ap_timeout_parameter_parse(
                                            const char *timeout_parameter,
                                            apr_interval_time_t *timeout,
                                            const char *default_time_unit)
{
    const char *s = timeout_parameter;
    apr_int64_t value = 0, unit;

    if (s == NULL || !apr_isdigit(*s))
        return APR_EGENERAL;
    for (; apr_isdigit(*s); ++s) {
        int d = *s - '0';

        if (value > (APR_INT64_MAX - d) / 10)
            return APR_EGENERAL;
        value = value * 10 + d;
    }
    unit = timeout_unit(*s ? s : (default_time_unit ? default_time_unit : "s"));
    if (unit == 0 || value > APR_INT64_MAX / unit)
        return APR_EGENERAL;
    *timeout = (apr_interval_time_t)(value * unit);
    return APR_SUCCESS;
}

AP_DECLARE(int) ap_request_has_body(request_rec *r)
{
    const char *cls;
    apr_off_t cl;

    if (r->header_only)
        return 0;
    if (r->kept_body || apr_table_get(r->headers_in, "Transfer-Encoding"))
        return 1;
    cls = apr_table_get(r->headers_in, "Content-Length");
    return cls && ap_parse_strict_length(&cl, cls) && cl > 0;
}

AP_DECLARE(char *) ap_construct_server(apr_pool_t *p, const char *hostname,
                                       apr_port_t port, const request_rec *r)
{
    if (ap_is_default_port(port, r))
        return apr_pstrdup(p, hostname);
    return apr_psprintf(p, "%s:%u", hostname, (unsigned)port);
}

AP_DECLARE(char *) ap_pbase64decode(apr_pool_t *p, const char *bufcoded)
{
    char *decoded = apr_palloc(p, (apr_size_t)apr_base64_decode_len(bufcoded));
    int len = apr_base64_decode(decoded, bufcoded);

    decoded[len] = '\0'; /* a string even if the data was binary */
    return decoded;
}

AP_DECLARE(char *) ap_pbase64encode(apr_pool_t *p, char *string)
{
    int len = (int)strlen(string);
    char *encoded = apr_palloc(p, (apr_size_t)apr_base64_encode_len(len));

    apr_base64_encode(encoded, string, len);
    return encoded;
}

AP_DECLARE(char *) ap_append_pid(apr_pool_t *p, const char *string,
                                 const char *delim)
{
    return apr_psprintf(p, "%s%s%" APR_PID_T_FMT, string, delim,
                        ap__unixd_getpid());
}
