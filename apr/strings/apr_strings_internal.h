/*
 * Internal interface between the files of apr/strings: the floating point
 * conversions used by apr_vformatter() and the per-OS pieces of the %p
 * extensions (apr/strings/<os>/format_os.c).
 */
#ifndef APR_STRINGS_INTERNAL_H
#define APR_STRINGS_INTERNAL_H

#include "apr.h"

/* Digits APR's conversions produce at most: precision is capped at
 * APR__NDIG - 2 as in APR 1.7. */
#define APR__NDIG 80

/*
 * Convert @num for %f (format 'f') or %e/%E (format 'e'/'E') into @buf
 * (at least 512 bytes), without sign. @add_dp keeps the decimal point when
 * the precision is 0 (the '#' flag). Returns the length written; the sign
 * goes to *is_negative.
 */
apr_size_t apr__conv_fp(char format, double num, int add_dp, int precision,
                        int *is_negative, char *buf);

/*
 * Write @num for %g into @buf (at least 512 bytes) with @ndigit significant
 * digits, APR style (trailing zeros dropped, exponent without padding,
 * "0." dropped before fractions). Returns @buf.
 */
char *apr__gcvt(double num, int ndigit, char *buf, int altform);

/*
 * Write the address of an apr_sockaddr_t (%pI, without the port) into
 * @buf of @size bytes: "a.b.c.d", "[v6]" (brackets included; IPv4-mapped
 * addresses as IPv4), the path of a unix socket. As in APR, the text must
 * fit in the struct's addr_str_len. Returns the length, or -1 if the
 * address cannot be written (then %pI prints "?:port").
 */
int apr__sockaddr_text(const void *sockaddr, char *buf, apr_size_t size);

/* The port of an apr_sockaddr_t. */
unsigned int apr__sockaddr_port(const void *sockaddr);

/* The value of the apr_os_thread_t at @tid, as an integer (%pT, %pt). */
apr_uint64_t apr__os_thread_value(const void *tid);

#endif /* APR_STRINGS_INTERNAL_H */
