/*
 * Escaping and unescaping (apr_escape.h).
 *
 * Every escaper is one loop writing through a `sink`: with a NULL buffer
 * the sink only counts, so measuring and writing share the same code and
 * can never disagree about the size.
 *
 * Input is read up to the NUL or the caller's length, whichever comes
 * first, and never past either. Where APR 1.7 reads past an explicit
 * length (a %xx or &#NN; straddling it, a ':' after it for apr_escape_path)
 * we stop at the length instead; for NUL-terminated input (the common
 * case, and all the apr_p*() functions) the output is byte for byte the
 * reference library's.
 */
#include <string.h>

#include "apr_escape.h"
#include "apr_pools.h"
#include "apr_escape_classes.h"
#include "apr_escape_test_char.h"

#define TEST_CHAR(c, f) (test_char_table[(unsigned char)(c)] & (f))

static const char hex_lower[] = "0123456789abcdef";

/* Where output goes: `d` is NULL when the caller only wants the size. */
typedef struct {
    char *d;
    apr_size_t size;
} sink_t;

static inline void emit(sink_t *o, char c)
{
    if (o->d)
        *o->d++ = c;
    o->size++;
}

/* `prefix` then the byte as two lower-case hex digits. */
static inline void emit_hex(sink_t *o, char prefix, unsigned char c)
{
    emit(o, prefix);
    emit(o, hex_lower[c >> 4]);
    emit(o, hex_lower[c & 0xf]);
}

/* Terminate the output; the NUL is counted in the size. */
static inline void emit_end(sink_t *o)
{
    if (o->d)
        *o->d = '\0';
    o->size++;
}

/* The number of input bytes the caller allows: a negative slen (such as
 * APR_ESCAPE_STRING) means no limit but the NUL. */
static inline apr_size_t budget(apr_ssize_t slen)
{
    return slen < 0 ? (apr_size_t)-1 : (apr_size_t)slen;
}

/* Value of an ASCII hex digit, or -1. Locale-independent on purpose. */
static inline int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* A NULL input: nothing written, the size of an empty string reported. */
static apr_status_t null_input(apr_size_t *len)
{
    if (len)
        *len = 1;
    return APR_NOTFOUND;
}

static apr_status_t finish(sink_t *o, int found, apr_size_t *len)
{
    emit_end(o);
    if (len)
        *len = o->size;
    return found ? APR_SUCCESS : APR_NOTFOUND;
}

/* The escapers that replace each byte of class `cls` by prefix + 2 hex
 * digits and copy the rest. */
static apr_status_t escape_class(const char *str, apr_ssize_t slen,
                                 unsigned cls, char prefix, int found,
                                 sink_t *o, apr_size_t *len)
{
    const unsigned char *s = (const unsigned char *)str;
    apr_size_t n = budget(slen);

    for (; n && *s; s++, n--) {
        if (TEST_CHAR(*s, cls)) {
            emit_hex(o, prefix, *s);
            found = 1;
        }
        else {
            emit(o, (char)*s);
        }
    }
    return finish(o, found, len);
}

APR_DECLARE(apr_status_t) apr_escape_shell(char *escaped, const char *str,
        apr_ssize_t slen, apr_size_t *len)
{
    sink_t o = {escaped, 0};
    apr_size_t n = budget(slen);
    int found = 0;

    if (!str)
        return null_input(len);
    for (; n && *str; str++, n--) {
        if (TEST_CHAR(*str, T_ESCAPE_SHELL_CMD)) {
            emit(&o, '\\');
            found = 1;
        }
        emit(&o, *str);
    }
    return finish(&o, found, len);
}

APR_DECLARE(apr_status_t) apr_unescape_url(char *escaped, const char *url,
        apr_ssize_t slen, const char *forbid, const char *reserved, int plus,
        apr_size_t *len)
{
    sink_t o = {escaped, 0};
    apr_size_t n = budget(slen);
    int found = 0, badesc = 0, badpath = 0;
    const char *s = url;

    if (!url)
        return APR_NOTFOUND;
    while (n && *s) {
        char c = *s;
        int hi, lo;

        if (plus && c == '+') {
            emit(&o, ' ');
            found = 1;
        }
        else if (c != '%') {
            emit(&o, c);
        }
        else if (n < 3 || (hi = hex_value((unsigned char)s[1])) < 0 ||
                 (lo = hex_value((unsigned char)s[2])) < 0) {
            /* Not a %xx sequence: kept as is, reported at the end. */
            emit(&o, '%');
            badesc = 1;
        }
        else {
            char decoded = (char)(hi << 4 | lo);

            if (decoded == '\0' || (forbid && strchr(forbid, decoded))) {
                emit(&o, decoded);
                badpath = 1;
            }
            else if (reserved && strchr(reserved, decoded)) {
                emit(&o, s[0]);
                emit(&o, s[1]);
                emit(&o, s[2]);
            }
            else {
                emit(&o, decoded);
                found = 1;
            }
            s += 2;
            n -= 2;
        }
        s++;
        n--;
    }
    emit_end(&o);
    if (len)
        *len = o.size;
    if (badesc)
        return APR_EINVAL;
    if (badpath)
        return APR_BADCH;
    return found ? APR_SUCCESS : APR_NOTFOUND;
}

APR_DECLARE(apr_status_t) apr_escape_path_segment(char *escaped,
        const char *str, apr_ssize_t slen, apr_size_t *len)
{
    sink_t o = {escaped, 0};

    if (!str)
        return null_input(len);
    return escape_class(str, slen, T_ESCAPE_PATH_SEGMENT, '%', 0, &o, len);
}

/* The path's first ':' comes before any '/' (within the first n bytes). */
static int colon_before_slash(const char *path, apr_size_t n)
{
    for (; n && *path; path++, n--) {
        if (*path == '/')
            return 0;
        if (*path == ':')
            return 1;
    }
    return 0;
}

APR_DECLARE(apr_status_t) apr_escape_path(char *escaped, const char *path,
        apr_ssize_t slen, int partial, apr_size_t *len)
{
    sink_t o = {escaped, 0};
    int found = 0;

    if (!path)
        return APR_NOTFOUND;
    if (!partial && colon_before_slash(path, budget(slen))) {
        emit(&o, '.');
        emit(&o, '/');
        found = 1;
    }
    return escape_class(path, slen, T_OS_ESCAPE_PATH, '%', found, &o, len);
}

APR_DECLARE(apr_status_t) apr_escape_urlencoded(char *escaped, const char *str,
        apr_ssize_t slen, apr_size_t *len)
{
    sink_t o = {escaped, 0};
    apr_size_t n = budget(slen);
    const unsigned char *s = (const unsigned char *)str;
    int found = 0;

    if (!str)
        return null_input(len);
    for (; n && *s; s++, n--) {
        if (TEST_CHAR(*s, T_ESCAPE_URLENCODED)) {
            emit_hex(&o, '%', *s);
            found = 1;
        }
        else if (*s == ' ') {
            emit(&o, '+');
            found = 1;
        }
        else {
            emit(&o, (char)*s);
        }
    }
    return finish(&o, found, len);
}

static void emit_str(sink_t *o, const char *s)
{
    while (*s)
        emit(o, *s++);
}

APR_DECLARE(apr_status_t) apr_escape_entity(char *escaped, const char *str,
        apr_ssize_t slen, int toasc, apr_size_t *len)
{
    sink_t o = {escaped, 0};
    apr_size_t n = budget(slen);
    const unsigned char *s = (const unsigned char *)str;
    int found = 0;

    if (!str)
        return null_input(len);
    for (; n && *s; s++, n--) {
        unsigned char c = *s;

        if (TEST_CHAR(c, T_ESCAPE_XML)) {
            emit_str(&o, c == '<' ? "&lt;" : c == '>' ? "&gt;"
                         : c == '&' ? "&amp;" : "&quot;");
            found = 1;
        }
        else if (toasc && c > 0x7f) {
            /* "&#ddd" without the ';': APR 1.7 truncates its own output
             * here, and callers may depend on the exact bytes. */
            emit(&o, '&');
            emit(&o, '#');
            emit(&o, (char)('0' + c / 100));
            emit(&o, (char)('0' + c / 10 % 10));
            emit(&o, (char)('0' + c % 10));
            found = 1;
        }
        else {
            emit(&o, (char)c);
        }
    }
    return finish(&o, found, len);
}

/* The named entities apr_unescape_entity() knows: the markup ones and the
 * ISO-8859-1 letters (APR 1.7's set; &apos; and &nbsp; are not in it). */
static const struct {
    const char *name;
    unsigned char code;
} entities[] = {
    {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'},
    {"Agrave", 0xc0}, {"Aacute", 0xc1}, {"Acirc", 0xc2}, {"Atilde", 0xc3},
    {"Auml", 0xc4}, {"Aring", 0xc5}, {"AElig", 0xc6}, {"Ccedil", 0xc7},
    {"Egrave", 0xc8}, {"Eacute", 0xc9}, {"Ecirc", 0xca}, {"Euml", 0xcb},
    {"Igrave", 0xcc}, {"Iacute", 0xcd}, {"Icirc", 0xce}, {"Iuml", 0xcf},
    {"ETH", 0xd0}, {"Ntilde", 0xd1}, {"Ograve", 0xd2}, {"Oacute", 0xd3},
    {"Ocirc", 0xd4}, {"Otilde", 0xd5}, {"Ouml", 0xd6}, {"Oslash", 0xd8},
    {"Ugrave", 0xd9}, {"Uacute", 0xda}, {"Ucirc", 0xdb}, {"Uuml", 0xdc},
    {"Yacute", 0xdd}, {"THORN", 0xde}, {"szlig", 0xdf},
    {"agrave", 0xe0}, {"aacute", 0xe1}, {"acirc", 0xe2}, {"atilde", 0xe3},
    {"auml", 0xe4}, {"aring", 0xe5}, {"aelig", 0xe6}, {"ccedil", 0xe7},
    {"egrave", 0xe8}, {"eacute", 0xe9}, {"ecirc", 0xea}, {"euml", 0xeb},
    {"igrave", 0xec}, {"iacute", 0xed}, {"icirc", 0xee}, {"iuml", 0xef},
    {"eth", 0xf0}, {"ntilde", 0xf1}, {"ograve", 0xf2}, {"oacute", 0xf3},
    {"ocirc", 0xf4}, {"otilde", 0xf5}, {"ouml", 0xf6}, {"oslash", 0xf8},
    {"ugrave", 0xf9}, {"uacute", 0xfa}, {"ucirc", 0xfb}, {"uuml", 0xfc},
    {"yacute", 0xfd}, {"thorn", 0xfe}, {"yuml", 0xff},
};

/* The code of the entity name [name, name + n), or -1. */
static int entity_code(const char *name, apr_size_t n)
{
    size_t i;

    for (i = 0; i < sizeof(entities) / sizeof(entities[0]); i++) {
        if (strlen(entities[i].name) == n &&
            memcmp(entities[i].name, name, n) == 0)
            return entities[i].code;
    }
    return -1;
}

/* The byte a decimal reference "#digits" of length n stands for, or -1 to
 * delete it (not all digits, or a control, DEL, C1 or NBSP, or > 255). The
 * value wraps modulo 2^32 as in APR 1.7, so results match it exactly. */
static int numeric_code(const char *ref, apr_size_t n)
{
    unsigned int v = 0;
    apr_size_t j;
    int val;

    for (j = 1; j < n; j++) {
        if (ref[j] < '0' || ref[j] > '9')
            return -1;
        v = v * 10u + (unsigned int)(ref[j] - '0');
    }
    val = (int)v;
    if (val <= 8 || (val >= 11 && val <= 31) || (val >= 127 && val <= 160) ||
        val >= 256)
        return -1;
    return val;
}

APR_DECLARE(apr_status_t) apr_unescape_entity(char *unescaped, const char *str,
        apr_ssize_t slen, apr_size_t *len)
{
    sink_t o = {unescaped, 0};
    apr_size_t n = budget(slen);
    const char *s = str;
    int found = 0;

    if (!str)
        return null_input(len);
    while (n && *s) {
        apr_size_t i;
        int code;

        if (*s != '&') {
            emit(&o, *s++);
            n--;
            continue;
        }
        for (i = 1; i < n && s[i] != ';' && s[i] != '\0'; i++)
            ;
        if (i >= n || s[i] != ';') {
            /* Unterminated: plain data. */
            emit(&o, *s++);
            n--;
            continue;
        }
        if (s[1] == '#') {
            /* Decimal reference: decoded, or dropped if out of range. A
             * drop alone is not reported as a change (APR 1.7). */
            code = numeric_code(s + 1, i - 1);
            if (code >= 0) {
                emit(&o, (char)code);
                found = 1;
            }
        }
        else {
            code = entity_code(s + 1, i - 1);
            if (code < 0) {
                /* Unknown name: copy the '&', the rest follows as data. */
                emit(&o, *s++);
                n--;
                continue;
            }
            emit(&o, (char)code);
            found = 1;
        }
        s += i + 1;
        n -= i + 1;
    }
    return finish(&o, found, len);
}

APR_DECLARE(apr_status_t) apr_escape_echo(char *escaped, const char *str,
        apr_ssize_t slen, int quote, apr_size_t *len)
{
    static const char controls[] = "\a\b\f\n\r\t\v\\\"";
    static const char letters[] = "abfnrtv\\\"";
    sink_t o = {escaped, 0};
    apr_size_t n = budget(slen);
    const unsigned char *s = (const unsigned char *)str;
    int found = 0;

    if (!str)
        return null_input(len);
    for (; n && *s; s++, n--) {
        const char *named;

        if (!TEST_CHAR(*s, T_ESCAPE_ECHO) || (*s == '"' && !quote)) {
            emit(&o, (char)*s);
            continue;
        }
        found = 1;
        named = strchr(controls, *s);
        if (named) {
            emit(&o, '\\');
            emit(&o, letters[named - controls]);
        }
        else {
            emit(&o, '\\');
            emit_hex(&o, 'x', *s);
        }
    }
    return finish(&o, found, len);
}

APR_DECLARE(apr_status_t) apr_escape_hex(char *dest, const void *src,
        apr_size_t srclen, int colon, apr_size_t *len)
{
    const unsigned char *in = src;
    apr_size_t i;

    if (!src)
        return APR_NOTFOUND;
    if (dest) {
        for (i = 0; i < srclen; i++) {
            if (colon && i)
                *dest++ = ':';
            *dest++ = hex_lower[in[i] >> 4];
            *dest++ = hex_lower[in[i] & 0xf];
        }
        *dest = '\0';
    }
    if (len)
        *len = (colon && srclen) ? srclen * 3 : srclen * 2 + 1;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_unescape_hex(void *dest, const char *str,
        apr_ssize_t slen, int colon, apr_size_t *len)
{
    unsigned char *d = dest;
    const unsigned char *s = (const unsigned char *)str;
    apr_size_t n = budget(slen), size = 0;
    int high = -1;

    if (!str) {
        if (len)
            *len = 0;
        return APR_NOTFOUND;
    }
    for (; n && *s; s++, n--) {
        int v;

        if (colon && *s == ':' && high < 0)
            continue;
        v = hex_value(*s);
        if (v < 0)
            return APR_BADCH;
        if (high < 0) {
            high = v;
            continue;
        }
        if (d)
            d[size] = (unsigned char)(high << 4 | v);
        size++;
        high = -1;
    }
    /* A lone trailing digit is dropped. APR 1.7 stores it as a half byte
     * just past the reported length; we store nothing there. */
    if (len)
        *len = size;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_escape_ldap(char *dest, const void *src,
        apr_ssize_t srclen, int flags, apr_size_t *len)
{
    sink_t o = {dest, 0};
    const unsigned char *s = src;
    unsigned cls = 0;
    int found = 0;

    if (!src)
        return null_input(len);
    if (flags & APR_ESCAPE_LDAP_DN)
        cls |= T_ESCAPE_LDAP_DN;
    if (flags & APR_ESCAPE_LDAP_FILTER)
        cls |= T_ESCAPE_LDAP_FILTER;
    /* With a length the input is binary: a NUL is data, not the end. */
    for (; srclen < 0 ? *s != '\0' : srclen > 0; s++, srclen--) {
        if (TEST_CHAR(*s, cls)) {
            emit_hex(&o, '\\', *s);
            found = 1;
        }
        else {
            emit(&o, (char)*s);
        }
    }
    return finish(&o, found, len);
}

/* ------------------------------------------------------------------------
 * Pool variants: measure, allocate exactly, write. The input itself is
 * returned when nothing changes.
 */

APR_DECLARE(const char *) apr_pescape_shell(apr_pool_t *p, const char *str)
{
    apr_size_t len;
    char *out;

    if (apr_escape_shell(NULL, str, APR_ESCAPE_STRING, &len) != APR_SUCCESS)
        return str;
    out = apr_palloc(p, len);
    apr_escape_shell(out, str, APR_ESCAPE_STRING, NULL);
    return out;
}

APR_DECLARE(const char *) apr_punescape_url(apr_pool_t *p, const char *url,
        const char *forbid, const char *reserved, int plus)
{
    apr_size_t len;
    char *out;

    switch (apr_unescape_url(NULL, url, APR_ESCAPE_STRING, forbid, reserved,
                             plus, &len)) {
    case APR_SUCCESS:
        out = apr_palloc(p, len);
        apr_unescape_url(out, url, APR_ESCAPE_STRING, forbid, reserved, plus,
                         NULL);
        return out;
    case APR_NOTFOUND:
        return url;
    default:
        return NULL;
    }
}

APR_DECLARE(const char *) apr_pescape_path_segment(apr_pool_t *p,
        const char *str)
{
    apr_size_t len;
    char *out;

    if (apr_escape_path_segment(NULL, str, APR_ESCAPE_STRING, &len) !=
        APR_SUCCESS)
        return str;
    out = apr_palloc(p, len);
    apr_escape_path_segment(out, str, APR_ESCAPE_STRING, NULL);
    return out;
}

APR_DECLARE(const char *) apr_pescape_path(apr_pool_t *p, const char *str,
        int partial)
{
    apr_size_t len;
    char *out;

    if (apr_escape_path(NULL, str, APR_ESCAPE_STRING, partial, &len) !=
        APR_SUCCESS)
        return str;
    out = apr_palloc(p, len);
    apr_escape_path(out, str, APR_ESCAPE_STRING, partial, NULL);
    return out;
}

APR_DECLARE(const char *) apr_pescape_urlencoded(apr_pool_t *p,
        const char *str)
{
    apr_size_t len;
    char *out;

    if (apr_escape_urlencoded(NULL, str, APR_ESCAPE_STRING, &len) !=
        APR_SUCCESS)
        return str;
    out = apr_palloc(p, len);
    apr_escape_urlencoded(out, str, APR_ESCAPE_STRING, NULL);
    return out;
}

APR_DECLARE(const char *) apr_pescape_entity(apr_pool_t *p, const char *str,
        int toasc)
{
    apr_size_t len;
    char *out;

    if (apr_escape_entity(NULL, str, APR_ESCAPE_STRING, toasc, &len) !=
        APR_SUCCESS)
        return str;
    out = apr_palloc(p, len);
    apr_escape_entity(out, str, APR_ESCAPE_STRING, toasc, NULL);
    return out;
}

APR_DECLARE(const char *) apr_punescape_entity(apr_pool_t *p, const char *str)
{
    apr_size_t len;
    char *out;

    if (apr_unescape_entity(NULL, str, APR_ESCAPE_STRING, &len) !=
        APR_SUCCESS)
        return str;
    out = apr_palloc(p, len);
    apr_unescape_entity(out, str, APR_ESCAPE_STRING, NULL);
    return out;
}

APR_DECLARE(const char *) apr_pescape_echo(apr_pool_t *p, const char *str,
        int quote)
{
    apr_size_t len;
    char *out;

    if (apr_escape_echo(NULL, str, APR_ESCAPE_STRING, quote, &len) !=
        APR_SUCCESS)
        return str;
    out = apr_palloc(p, len);
    apr_escape_echo(out, str, APR_ESCAPE_STRING, quote, NULL);
    return out;
}

APR_DECLARE(const char *) apr_pescape_hex(apr_pool_t *p, const void *src,
        apr_size_t slen, int colon)
{
    apr_size_t len;
    char *out;

    if (apr_escape_hex(NULL, src, slen, colon, &len) != APR_SUCCESS)
        return src;
    out = apr_palloc(p, len);
    apr_escape_hex(out, src, slen, colon, NULL);
    return out;
}

APR_DECLARE(const void *) apr_punescape_hex(apr_pool_t *p, const char *str,
        int colon, apr_size_t *len)
{
    apr_size_t size;
    void *out;

    if (apr_unescape_hex(NULL, str, APR_ESCAPE_STRING, colon, &size) !=
        APR_SUCCESS)
        return NULL;
    /* One spare byte so an empty result is still a distinct, valid
     * pointer. */
    out = apr_palloc(p, size + 1);
    apr_unescape_hex(out, str, APR_ESCAPE_STRING, colon, len);
    return out;
}

APR_DECLARE(const char *) apr_pescape_ldap(apr_pool_t *p, const void *src,
        apr_ssize_t slen, int flags)
{
    apr_size_t len;
    char *out;

    if (apr_escape_ldap(NULL, src, slen, flags, &len) != APR_SUCCESS)
        return src;
    out = apr_palloc(p, len);
    apr_escape_ldap(out, src, slen, flags, NULL);
    return out;
}
