/* http_protocol_status.c: the status-line table (RESPONSE_CODES entries,
 * sparse per hundred) and its lookups.
 */
#include "apr_strings.h"
#include "httpd.h"
#include "http_protocol.h"

/* First index of each class 1xx..5xx inside status_lines, plus the end. */
static const int class_start[6] = { 0, 4, 31, 40, 92, RESPONSE_CODES };

static const char *const status_lines[RESPONSE_CODES] = {
    "100 Continue", "101 Switching Protocols", "102 Processing",
    "103 Early Hints",
    /* 200..226 */
    "200 OK", "201 Created", "202 Accepted",
    "203 Non-Authoritative Information", "204 No Content",
    "205 Reset Content", "206 Partial Content", "207 Multi-Status",
    "208 Already Reported", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "226 IM Used",
    /* 300..308 */
    "300 Multiple Choices", "301 Moved Permanently", "302 Found",
    "303 See Other", "304 Not Modified", "305 Use Proxy", NULL,
    "307 Temporary Redirect", "308 Permanent Redirect",
    /* 400..451 */
    "400 Bad Request", "401 Unauthorized", "402 Payment Required",
    "403 Forbidden", "404 Not Found", "405 Method Not Allowed",
    "406 Not Acceptable", "407 Proxy Authentication Required",
    "408 Request Timeout", "409 Conflict", "410 Gone",
    "411 Length Required", "412 Precondition Failed",
    "413 Request Entity Too Large", "414 Request-URI Too Long",
    "415 Unsupported Media Type", "416 Requested Range Not Satisfiable",
    "417 Expectation Failed", NULL, NULL, NULL, "421 Misdirected Request",
    "422 Unprocessable Entity", "423 Locked", "424 Failed Dependency", NULL,
    "426 Upgrade Required", NULL, "428 Precondition Required",
    "429 Too Many Requests", NULL, "431 Request Header Fields Too Large",
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    "451 Unavailable For Legal Reasons",
    /* 500..511 */
    "500 Internal Server Error", "501 Not Implemented", "502 Bad Gateway",
    "503 Service Unavailable", "504 Gateway Timeout",
    "505 HTTP Version Not Supported", "506 Variant Also Negotiates",
    "507 Insufficient Storage", "508 Loop Detected", NULL,
    "510 Not Extended", "511 Network Authentication Required"
};

/* Index of a known status, -1 otherwise. */
static int index_of(int status)
{
    int cls, pos;

    if (status < 100 || status >= 600) {
        return -1;
    }
    cls = status / 100 - 1;
    pos = class_start[cls] + status % 100;
    if (pos >= class_start[cls + 1] || status_lines[pos] == NULL) {
        return -1;
    }
    return pos;
}

AP_DECLARE(int) ap_index_of_response(int status)
{
    int i = index_of(status);

    /* unknown codes are reported as the class's first code, and anything
     * outside 100..599 as 500, as callers expect a valid index */
    if (i >= 0) {
        return i;
    }
    if (status < 100 || status >= 600) {
        return class_start[4];
    }
    return class_start[status / 100 - 1];
}

AP_DECLARE(const char *) ap_get_status_line(int status)
{
    return status_lines[ap_index_of_response(status)];
}

AP_DECLARE(const char *) ap_get_status_line_ex(apr_pool_t *p, int status)
{
    int i = index_of(status);

    if (i >= 0) {
        return status_lines[i];
    }
    if (status < 100 || status >= 600) {
        return status_lines[class_start[4]];
    }
    return apr_psprintf(p, "%i Status %i", status, status);
}
