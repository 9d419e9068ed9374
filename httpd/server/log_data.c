/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* log_data.c: hex dumps in the error log (ap_log_data and friends):
 * 16 bytes a line, hex then printable characters. */

#include <string.h>

#include "apr_lib.h"

#include "httpd.h"
#include "http_log.h"

#include "log_private.h"

#define BYTES_PER_LINE 16
/* dumps are for debugging: cap what a careless caller can flood */
#define MAX_DUMP 0xffff

/* One line: "47 45 54 20 ...  GET ..." */
static void format_row(char *out, const unsigned char *d, apr_size_t n)
{
    static const char hex[] = "0123456789abcdef";
    apr_size_t i;
    char *q = out;

    for (i = 0; i < BYTES_PER_LINE; i++) {
        if (i < n) {
            *q++ = hex[d[i] >> 4];
            *q++ = hex[d[i] & 0xf];
        }
        else {
            *q++ = ' ';
            *q++ = ' ';
        }
        *q++ = ' ';
        if (i == 7) {
            *q++ = ' ';
        }
    }
    *q++ = ' ';
    for (i = 0; i < n; i++) {
        *q++ = apr_isprint(d[i]) ? (char)d[i] : '.';
    }
    *q = '\0';
}

static void log_data_core(const char *file, int line, int module_index,
                          int level, const server_rec *s, const conn_rec *c,
                          const request_rec *r, const char *label,
                          const void *data, apr_size_t len,
                          unsigned int flags)
{
    char row[BYTES_PER_LINE * 4 + 8];
    const unsigned char *d = data;
    apr_size_t off;

    if (len > MAX_DUMP) {
        len = MAX_DUMP;
    }
    if (label) {
        ap__log_core(file, line, module_index, level, APR_SUCCESS, s, c, r,
                     "%s (%lu bytes)", label, (unsigned long)len);
    }
    for (off = 0; off < len; off += BYTES_PER_LINE) {
        apr_size_t n = len - off < BYTES_PER_LINE ? len - off
                                                  : BYTES_PER_LINE;
        format_row(row, d + off, n);
        if (flags & AP_LOG_DATA_SHOW_OFFSET) {
            ap__log_core(file, line, module_index, level, APR_SUCCESS, s, c,
                         r, "%04x: %s", (unsigned int)off, row);
        }
        else {
            ap__log_core(file, line, module_index, level, APR_SUCCESS, s, c,
                         r, "%s", row);
        }
    }
}

AP_DECLARE(void) ap_log_data_(const char *file, int line, int module_index,
                              int level, const server_rec *s,
                              const char *label, const void *data,
                              apr_size_t len, unsigned int flags)
{
    log_data_core(file, line, module_index, level, s, NULL, NULL, label,
                  data, len, flags);
}

AP_DECLARE(void) ap_log_rdata_(const char *file, int line, int module_index,
                               int level, const request_rec *r,
                               const char *label, const void *data,
                               apr_size_t len, unsigned int flags)
{
    log_data_core(file, line, module_index, level, NULL, NULL, r, label,
                  data, len, flags);
}

AP_DECLARE(void) ap_log_cdata_(const char *file, int line, int module_index,
                               int level, const conn_rec *c,
                               const char *label, const void *data,
                               apr_size_t len, unsigned int flags)
{
    log_data_core(file, line, module_index, level, NULL, c, NULL, label,
                  data, len, flags);
}

AP_DECLARE(void) ap_log_csdata_(const char *file, int line, int module_index,
                                int level, const conn_rec *c,
                                const server_rec *s, const char *label,
                                const void *data, apr_size_t len,
                                unsigned int flags)
{
    log_data_core(file, line, module_index, level, s, c, NULL, label,
                  data, len, flags);
}
