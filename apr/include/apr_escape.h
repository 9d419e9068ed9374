/*
 * apr_escape.h: escaping and unescaping of strings for shells, URLs, HTML,
 * echo, hex and LDAP.
 *
 * Every function follows one pattern. The caller passes an optional output
 * buffer; with a NULL buffer the function only measures. `len`, when not
 * NULL, receives the size the output needs. For the string functions that
 * size counts the terminating NUL; for the hex and LDAP functions see each
 * declaration. A function returns APR_NOTFOUND when its input is NULL or
 * when the output would equal the input, so a caller can skip the copy. The
 * apr_p*() variants allocate exactly the needed size from a pool, and
 * return the input pointer itself when nothing had to change.
 *
 * String input is read up to its NUL or `slen` bytes, whichever comes
 * first; APR_ESCAPE_STRING (any negative `slen`) means "up to the NUL".
 */
#ifndef APR_ESCAPE_H
#define APR_ESCAPE_H

#include "apr.h"
#include "apr_general.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_Util_Escaping Escape functions
 * @ingroup APR
 * @{
 */

/** An `slen` meaning: the input is NUL-terminated, measure it. */
#define APR_ESCAPE_STRING      (-1)

/** apr_escape_ldap() flag: escape for a distinguished name (RFC 4514). */
#define APR_ESCAPE_LDAP_DN     (0x01)

/** apr_escape_ldap() flag: escape for a search filter (RFC 4515). */
#define APR_ESCAPE_LDAP_FILTER (0x02)

/** apr_escape_ldap() flag: both APR_ESCAPE_LDAP_DN and _FILTER. */
#define APR_ESCAPE_LDAP_ALL    (0x03)

/**
 * Put a backslash before each shell metacharacter of @a str
 * (& ; ` ' " | * ? ~ < > ^ ( ) [ ] { } $ \ and newline).
 * @param escaped Output buffer, or NULL to only compute @a len
 * @param str Input string (may be NULL)
 * @param slen Input length, or APR_ESCAPE_STRING
 * @param len If not NULL, receives the output size including the NUL
 * @return APR_SUCCESS, or APR_NOTFOUND when nothing needed escaping or
 * @a str was NULL
 */
APR_DECLARE(apr_status_t) apr_escape_shell(char *escaped, const char *str,
        apr_ssize_t slen, apr_size_t *len);

/**
 * apr_escape_shell() into a string allocated from @a p.
 * @return The escaped copy, or @a str itself when nothing changed or @a str
 * was NULL
 */
APR_DECLARE(const char *) apr_pescape_shell(apr_pool_t *p, const char *str)
        __attribute__((nonnull(1)));

/**
 * Decode %XX sequences (and '+' when @a plus is set) in @a url.
 *
 * A decoded byte found in @a reserved is left encoded, as its three
 * original characters. A decoded NUL, or a decoded byte found in
 * @a forbid, is an error; it is still written to the output. A '%' not
 * followed by two hex digits is copied as is and is also an error.
 * @param escaped Output buffer, or NULL to only compute @a len
 * @param url Input string (may be NULL)
 * @param slen Input length, or APR_ESCAPE_STRING
 * @param forbid Bytes that must not appear encoded, or NULL
 * @param reserved Bytes to leave encoded, or NULL
 * @param plus Non-zero to decode '+' as a space (form encoding)
 * @param len If not NULL, receives the output size including the NUL
 * @return APR_SUCCESS; APR_EINVAL for a bad % sequence (checked first);
 * APR_BADCH for a forbidden or NUL byte; APR_NOTFOUND when nothing was
 * decoded or @a url was NULL
 */
APR_DECLARE(apr_status_t) apr_unescape_url(char *escaped, const char *url,
        apr_ssize_t slen, const char *forbid, const char *reserved, int plus,
        apr_size_t *len);

/**
 * apr_unescape_url() into a string allocated from @a p.
 * @return The decoded copy; @a url itself when nothing was decoded; NULL on
 * a bad sequence, a forbidden byte, or a NULL @a url
 */
APR_DECLARE(const char *) apr_punescape_url(apr_pool_t *p, const char *url,
        const char *forbid, const char *reserved, int plus)
        __attribute__((nonnull(1)));

/**
 * Percent-encode (lower-case hex) every byte of @a str that may not appear
 * in an RFC 1808 path segment: everything but letters, digits and
 * $ - _ . + ! * ' ( ) , : @ & = ~ (so '/' is encoded).
 * @param escaped Output buffer, or NULL to only compute @a len
 * @param str Input string (may be NULL)
 * @param slen Input length, or APR_ESCAPE_STRING
 * @param len If not NULL, receives the output size including the NUL
 * @return APR_SUCCESS, or APR_NOTFOUND when nothing changed or @a str was
 * NULL
 */
APR_DECLARE(apr_status_t) apr_escape_path_segment(char *escaped,
        const char *str, apr_ssize_t slen, apr_size_t *len);

/**
 * apr_escape_path_segment() into a string allocated from @a p.
 * @return The escaped copy, or @a str itself when nothing changed or @a str
 * was NULL
 */
APR_DECLARE(const char *) apr_pescape_path_segment(apr_pool_t *p,
        const char *str) __attribute__((nonnull(1)));

/**
 * Turn an OS path into a URL path (RFC 1808): like
 * apr_escape_path_segment() but '/' is kept. Unless @a partial is set, a
 * path whose first ':' comes before its first '/' gets a "./" prefix, so the
 * part before the colon cannot be read as a URL scheme.
 * @param escaped Output buffer, or NULL to only compute @a len
 * @param path Input string (may be NULL)
 * @param slen Input length, or APR_ESCAPE_STRING
 * @param partial Non-zero when the result is appended after a '/' (no
 * "./" prefix)
 * @param len If not NULL, receives the output size including the NUL
 * @return APR_SUCCESS, or APR_NOTFOUND when nothing changed or @a path was
 * NULL
 */
APR_DECLARE(apr_status_t) apr_escape_path(char *escaped, const char *path,
        apr_ssize_t slen, int partial, apr_size_t *len);

/**
 * apr_escape_path() into a string allocated from @a p.
 * @return The escaped copy, or @a str itself when nothing changed or @a str
 * was NULL
 */
APR_DECLARE(const char *) apr_pescape_path(apr_pool_t *p, const char *str,
        int partial) __attribute__((nonnull(1)));

/**
 * Encode @a str as application/x-www-form-urlencoded (HTML 4.01, 17.13.4):
 * a space becomes '+', every byte but letters, digits and . - * _ becomes
 * %xx (lower-case hex).
 * @param escaped Output buffer, or NULL to only compute @a len
 * @param str Input string (may be NULL)
 * @param slen Input length, or APR_ESCAPE_STRING
 * @param len If not NULL, receives the output size including the NUL
 * @return APR_SUCCESS, or APR_NOTFOUND when nothing changed or @a str was
 * NULL
 */
APR_DECLARE(apr_status_t) apr_escape_urlencoded(char *escaped, const char *str,
        apr_ssize_t slen, apr_size_t *len);

/**
 * apr_escape_urlencoded() into a string allocated from @a p.
 * @return The encoded copy, or @a str itself when nothing changed or @a str
 * was NULL
 */
APR_DECLARE(const char *) apr_pescape_urlencoded(apr_pool_t *p,
        const char *str) __attribute__((nonnull(1)));

/**
 * Replace the HTML/XML special characters of @a str by entities:
 * < > & and the double quote become &lt; &gt; &amp; &quot;.
 *
 * APR 1.7 behaviour, kept: the single quote is left alone, and with
 * @a toasc each byte above 127 becomes "&#ddd" (three decimal digits and,
 * as in the reference library, no closing ';').
 * @param escaped Output buffer, or NULL to only compute @a len
 * @param str Input string (may be NULL)
 * @param slen Input length, or APR_ESCAPE_STRING
 * @param toasc Non-zero to also encode non-ASCII bytes
 * @param len If not NULL, receives the output size including the NUL
 * @return APR_SUCCESS, or APR_NOTFOUND when nothing changed or @a str was
 * NULL
 */
APR_DECLARE(apr_status_t) apr_escape_entity(char *escaped, const char *str,
        apr_ssize_t slen, int toasc, apr_size_t *len);

/**
 * apr_escape_entity() into a string allocated from @a p.
 * @return The escaped copy, or @a str itself when nothing changed or @a str
 * was NULL
 */
APR_DECLARE(const char *) apr_pescape_entity(apr_pool_t *p, const char *str,
        int toasc) __attribute__((nonnull(1)));

/**
 * Decode the HTML entities of @a str: &lt; &gt; &amp; &quot; and the
 * ISO-8859-1 letter entities (&eacute;, &Auml;, &szlig;, &THORN;, ...), plus
 * decimal references &#NNN; for 9, 10, 32-126 and 161-255.
 *
 * An unknown or unterminated entity is copied unchanged. A decimal
 * reference to any other value (including &#0; and hexadecimal &#x..;
 * forms, which are not understood) is deleted; a deletion alone does not
 * count as a change for the return value.
 * @param unescaped Output buffer, or NULL to only compute @a len
 * @param str Input string (may be NULL)
 * @param slen Input length, or APR_ESCAPE_STRING
 * @param len If not NULL, receives the output size including the NUL
 * @return APR_SUCCESS, or APR_NOTFOUND when nothing was decoded or @a str
 * was NULL
 */
APR_DECLARE(apr_status_t) apr_unescape_entity(char *unescaped, const char *str,
        apr_ssize_t slen, apr_size_t *len);

/**
 * apr_unescape_entity() into a string allocated from @a p.
 * @return The decoded copy, or @a str itself when nothing was decoded or
 * @a str was NULL
 */
APR_DECLARE(const char *) apr_punescape_entity(apr_pool_t *p, const char *str)
        __attribute__((nonnull(1)));

/**
 * Escape @a str as the shell's echo would read it back: \\a \\b \\f \\n
 * \\r \\t \\v for those controls, \\\\ for the backslash, \\xhh (lower-case)
 * for any other byte that is not printable ASCII, and \\" for the double
 * quote when @a quote is set.
 * @param escaped Output buffer, or NULL to only compute @a len
 * @param str Input string (may be NULL)
 * @param slen Input length, or APR_ESCAPE_STRING
 * @param quote Non-zero to escape double quotes too
 * @param len If not NULL, receives the output size including the NUL
 * @return APR_SUCCESS, or APR_NOTFOUND when nothing changed or @a str was
 * NULL
 */
APR_DECLARE(apr_status_t) apr_escape_echo(char *escaped, const char *str,
        apr_ssize_t slen, int quote, apr_size_t *len);

/**
 * apr_escape_echo() into a string allocated from @a p.
 * @return The escaped copy, or @a str itself when nothing changed or @a str
 * was NULL
 */
APR_DECLARE(const char *) apr_pescape_echo(apr_pool_t *p, const char *str,
        int quote);

/**
 * Write @a srclen bytes of @a src as lower-case hex digits, two per byte,
 * with a ':' between bytes when @a colon is set, NUL-terminated.
 * @param dest Output buffer, or NULL to only compute @a len
 * @param src Input bytes (may be NULL)
 * @param srclen Number of input bytes
 * @param colon Non-zero to separate bytes with ':'
 * @param len If not NULL, receives the output size: 2n+1 without colons,
 * 3n with colons (n > 0), both counting the NUL
 * @return APR_SUCCESS, or APR_NOTFOUND when @a src was NULL
 */
APR_DECLARE(apr_status_t) apr_escape_hex(char *dest, const void *src,
        apr_size_t srclen, int colon, apr_size_t *len);

/**
 * apr_escape_hex() into a string allocated from @a p.
 * @return The hex string, or NULL when @a src was NULL
 */
APR_DECLARE(const char *) apr_pescape_hex(apr_pool_t *p, const void *src,
        apr_size_t slen, int colon) __attribute__((nonnull(1)));

/**
 * Decode hex digits (either case) of @a str into bytes. With @a colon, any
 * number of ':' may stand between (never inside) byte pairs. A trailing odd
 * digit is ignored (it is not counted in @a len and not stored).
 * @param dest Output buffer, or NULL to only compute @a len
 * @param str Input string (may be NULL)
 * @param slen Input length, or APR_ESCAPE_STRING
 * @param colon Non-zero to skip ':' separators
 * @param len If not NULL, receives the number of bytes decoded (no NUL is
 * written); left untouched on error
 * @return APR_SUCCESS; APR_BADCH for any other character; APR_NOTFOUND when
 * @a str was NULL
 */
APR_DECLARE(apr_status_t) apr_unescape_hex(void *dest, const char *str,
        apr_ssize_t slen, int colon, apr_size_t *len);

/**
 * apr_unescape_hex() into a buffer allocated from @a p.
 * @param len If not NULL, receives the number of bytes decoded
 * @return The bytes, or NULL when @a str was NULL or held a bad character
 */
APR_DECLARE(const void *) apr_punescape_hex(apr_pool_t *p, const char *str,
        int colon, apr_size_t *len);

/**
 * Escape bytes as \\hh (lower-case hex) for LDAP. APR_ESCAPE_LDAP_DN
 * escapes " + , ; < > \\ and every byte that is not printable ASCII;
 * APR_ESCAPE_LDAP_FILTER escapes * ( ) \\ and every byte that is not
 * printable ASCII. With a non-negative @a srclen the input is binary: NUL
 * bytes are escaped too, not taken as the end.
 * @param dest Output buffer, or NULL to only compute @a len
 * @param src Input bytes (may be NULL)
 * @param srclen Input length, or APR_ESCAPE_STRING
 * @param flags APR_ESCAPE_LDAP_DN, APR_ESCAPE_LDAP_FILTER or _ALL
 * @param len If not NULL, receives the output size including the NUL
 * @return APR_SUCCESS, or APR_NOTFOUND when nothing changed or @a src was
 * NULL
 */
APR_DECLARE(apr_status_t) apr_escape_ldap(char *dest, const void *src,
        apr_ssize_t srclen, int flags, apr_size_t *len);

/**
 * apr_escape_ldap() into a string allocated from @a p.
 * @return The escaped copy, or @a src itself when nothing changed or @a src
 * was NULL
 */
APR_DECLARE(const char *) apr_pescape_ldap(apr_pool_t *p, const void *src,
        apr_ssize_t slen, int flags) __attribute__((nonnull(1)));

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_ESCAPE_H */
