/*
 * apr_vformatter(): the printf engine behind apr_snprintf, apr_psprintf and
 * every APR/httpd printf-style function, with APR's %p extensions.
 *
 * Output goes through the caller's window (apr_vformatter_buff_t): literal
 * runs and converted fields are copied with memcpy while they fit, and the
 * flush callback is asked for room only when a byte must be written at
 * endpos. A NULL curpos means "count only". The details of padding,
 * precision and the odd corners (unknown conversions, "%-05d", NULL
 * arguments) follow APR 1.7's output byte for byte.
 */
#include "apr_strings_internal.h"
#include "apr_lib.h"
#include "apr_strings.h"
#include "apr_errno.h"

#include <limits.h>
#include <math.h>
#include <string.h>

/* Room for one converted field: integer precision is capped so that the
 * digits fit (NUM_BUF_SIZE - 1), plus a sign or "0x". */
#define NUM_BUF_SIZE 512
#define FLOAT_DIGITS 6

static const char null_text[] = "(null)";

enum var_type { IS_INT, IS_SHORT, IS_LONG, IS_QUAD, IS_SIZE };

/* One parsed conversion specification. */
struct spec {
    int left, sign, blank, alt;
    char pad;
    int has_width, has_prec;
    apr_size_t width;
    int prec;
    enum var_type type;
};

/* The text of a converted field, before padding. */
struct field {
    char *s;
    apr_size_t len;
    char prefix;
};

/* A decimal number, saturating instead of overflowing. */
static const char *parse_num(const char *fmt, int *out)
{
    long v = 0;

    while (*fmt >= '0' && *fmt <= '9') {
        if (v < INT_MAX)
            v = v * 10 + (*fmt - '0');
        fmt++;
    }
    *out = v > INT_MAX ? INT_MAX : (int)v;
    return fmt;
}

/* Flags, width, precision and length modifier; returns the conversion. */
static const char *parse_spec(const char *fmt, struct spec *f, va_list *ap)
{
    int n;

    f->left = f->sign = f->blank = f->alt = 0;
    f->pad = ' ';
    for (;; fmt++) {
        if (*fmt == '-')
            f->left = 1;
        else if (*fmt == '+')
            f->sign = 1;
        else if (*fmt == '#')
            f->alt = 1;
        else if (*fmt == ' ')
            f->blank = 1;
        else if (*fmt == '0')
            f->pad = '0';
        else
            break;
    }
    f->has_width = 0;
    f->width = 0;
    f->prec = 0;
    if (*fmt >= '1' && *fmt <= '9') {
        fmt = parse_num(fmt, &n);
        f->has_width = 1;
        f->width = (apr_size_t)n;
    }
    else if (*fmt == '*') {
        n = va_arg(*ap, int);
        fmt++;
        f->has_width = 1;
        if (n < 0) {
            f->left = 1;
            f->width = n == INT_MIN ? (apr_size_t)INT_MAX + 1
                                    : (apr_size_t)-n;
        }
        else {
            f->width = (apr_size_t)n;
        }
    }
    f->has_prec = 0;
    if (*fmt == '.') {
        f->has_prec = 1;
        fmt++;
        f->prec = 0;
        if (*fmt >= '0' && *fmt <= '9') {
            fmt = parse_num(fmt, &f->prec);
        }
        else if (*fmt == '*') {
            f->prec = va_arg(*ap, int);
            if (f->prec < 0)
                f->prec = 0;
            fmt++;
        }
    }
    f->type = IS_INT;
    if (*fmt == 'q') {
        f->type = IS_QUAD;
        fmt++;
    }
    else if (*fmt == 'l') {
        /* "ll" is accepted as well (real APR on LP64 only knows "l"). */
        f->type = fmt[1] == 'l' ? IS_QUAD : IS_LONG;
        fmt += fmt[1] == 'l' ? 2 : 1;
    }
    else if (*fmt == 'h') {
        f->type = IS_SHORT;
        fmt++;
    }
    else if (*fmt == 'z') {
        f->type = IS_SIZE;
        fmt++;
    }
    return fmt;
}

static apr_uint64_t get_unsigned(enum var_type t, va_list *ap)
{
    switch (t) {
    case IS_QUAD:
        return va_arg(*ap, apr_uint64_t);
    case IS_LONG:
        return va_arg(*ap, unsigned long);
    case IS_SIZE:
        return va_arg(*ap, apr_size_t);
    case IS_SHORT:
        return (unsigned short)va_arg(*ap, unsigned int);
    default:
        return va_arg(*ap, unsigned int);
    }
}

static apr_int64_t get_signed(enum var_type t, va_list *ap)
{
    switch (t) {
    case IS_QUAD:
        return va_arg(*ap, apr_int64_t);
    case IS_LONG:
        return va_arg(*ap, long);
    case IS_SIZE:
        return va_arg(*ap, apr_ssize_t);
    case IS_SHORT:
        return (short)va_arg(*ap, int);
    default:
        return va_arg(*ap, int);
    }
}

/* Decimal digits of @v, written backwards ending at @end. */
static char *dec_digits(apr_uint64_t v, char *end)
{
    if (v <= 0xffffffffU) {
        apr_uint32_t w = (apr_uint32_t)v;
        do {
            *--end = (char)('0' + w % 10);
            w /= 10;
        } while (w);
        return end;
    }
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return end;
}

/* Octal (shift 3) or hexadecimal (shift 4) digits of @v. */
static char *p2_digits(apr_uint64_t v, int shift, int upper, char *end)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned int mask = (1u << shift) - 1;

    do {
        *--end = digits[v & mask];
        v >>= shift;
    } while (v);
    return end;
}

/* Zero-pad integer digits to the precision (capped as APR caps it). */
static void fix_precision(const struct spec *f, struct field *out)
{
    apr_size_t want;

    if (!f->has_prec)
        return;
    want = (apr_size_t)f->prec + 1 < NUM_BUF_SIZE ? (apr_size_t)f->prec
                                                   : NUM_BUF_SIZE - 1;
    while (out->len < want) {
        *--out->s = '0';
        out->len++;
    }
}

static void conv_int(char c, const struct spec *f, va_list *ap, char *end,
                     struct field *out)
{
    apr_uint64_t v;

    if (c == 'd' || c == 'i') {
        apr_int64_t sv = get_signed(f->type, ap);
        v = sv < 0 ? (apr_uint64_t)0 - (apr_uint64_t)sv : (apr_uint64_t)sv;
        out->s = dec_digits(v, end);
        out->len = (apr_size_t)(end - out->s);
        fix_precision(f, out);
        out->prefix = sv < 0 ? '-' : f->sign ? '+' : f->blank ? ' ' : 0;
        return;
    }
    v = get_unsigned(f->type, ap);
    if (c == 'u')
        out->s = dec_digits(v, end);
    else
        out->s = p2_digits(v, c == 'o' ? 3 : 4, c == 'X', end);
    out->len = (apr_size_t)(end - out->s);
    fix_precision(f, out);
    if (c == 'o' && f->alt && *out->s != '0') {
        *--out->s = '0';
        out->len++;
    }
    else if ((c == 'x' || c == 'X') && f->alt && v != 0) {
        *--out->s = c;
        *--out->s = '0';
        out->len += 2;
    }
}

static void conv_float(char c, const struct spec *f, va_list *ap,
                       char *buf, struct field *out)
{
    double num = va_arg(*ap, double);
    int neg = 0;

    if (c == 'g' || c == 'G') {
        int prec = !f->has_prec ? FLOAT_DIGITS : f->prec == 0 ? 1 : f->prec;
        char *s = apr__gcvt(num, prec, buf + 1, f->alt);
        if (*s == '-') {
            neg = 1;
            s++;
        }
        out->len = strlen(s);
        if (f->alt && apr_isdigit(*s) && !strchr(s, '.')) {
            s[out->len++] = '.';
            s[out->len] = '\0';
        }
        if (c == 'G' && (buf = strchr(s, 'e')) != NULL)
            *buf = 'E';
        out->s = s;
    }
    else if (isnan(num) || isinf(num)) {
        /* APR prints these without sign, whatever the flags. */
        out->s = (char *)(isnan(num) ? "nan" : "inf");
        out->len = 3;
        return;
    }
    else {
        out->len = apr__conv_fp(c == 'f' ? 'f' : c, num, f->alt,
                                f->has_prec ? f->prec : FLOAT_DIGITS, &neg,
                                buf + 1);
        out->s = buf + 1;
    }
    out->prefix = neg ? '-' : f->sign ? '+' : f->blank ? ' ' : 0;
}

/* %pA: a.b.c.d from the network-order bytes. */

static char *in_addr_text(const void *addr, char *end)
{
    const unsigned char *b = addr;
    int i;

    for (i = 3; i >= 0; i--) {
        end = dec_digits(b[i], end);
        if (i)
            *--end = '.';
    }
    return end;
}

/* %pI: address:port, or "?:port" when the address cannot be written. */
static char *sockaddr_text(const void *sa, char *buf, char *end)
{
    char *s = dec_digits(apr__sockaddr_port(sa), end);
    int n;

    *--s = ':';
    n = apr__sockaddr_text(sa, buf, (apr_size_t)(s - buf));
    if (n < 0) {
        *--s = '?';
        return s;
    }
    s -= n;
    memmove(s, buf, (apr_size_t)n);
    return s;
}

/* The %p extensions; @c is the character after 'p'. */
static void conv_pext(char c, const struct spec *f, va_list *ap, char *buf,
                      char *end, struct field *out)
{
    void *arg = va_arg(*ap, void *);

    out->s = (char *)null_text;
    out->len = sizeof(null_text) - 1;
    switch (c) {
    case 'p':
        out->s = p2_digits((apr_uintptr_t)arg, 4, 0, end);
        break;
    case 'A':
        if (arg)
            out->s = in_addr_text(arg, end);
        break;
    case 'I':
        if (arg)
            out->s = sockaddr_text(arg, buf, end);
        break;
    case 'T':
    case 't':
        if (arg)
            out->s = c == 'T' ? dec_digits(apr__os_thread_value(arg), end)
                       : p2_digits(apr__os_thread_value(arg), 4, 0, end);
        break;
    case 'm':
        if (arg) {
            apr_strerror(*(apr_status_t *)arg, buf, NUM_BUF_SIZE);
            out->s = buf;
            out->len = strlen(buf);
            return;
        }
        break;
    case 'B':
    case 'F':
    case 'S': {
        apr_off_t size = 0;
        if (arg && c == 'B')
            size = *(apr_uint32_t *)arg;
        else if (arg && c == 'F')
            size = *(apr_off_t *)arg;
        else if (arg)
            size = (apr_off_t)*(apr_size_t *)arg;
        out->s = apr_strfsize(size, buf);
        out->len = strlen(out->s);
        return;
    }
    default:
        out->s = (char *)"bogus %p";
        out->len = 8;
        return;
    }
    if (out->s != null_text)
        out->len = (apr_size_t)(end - out->s);
}

static void store_count(const struct spec *f, va_list *ap, apr_size_t cc)
{
    switch (f->type) {
    case IS_QUAD:
        *va_arg(*ap, apr_int64_t *) = (apr_int64_t)cc;
        break;
    case IS_LONG:
        *va_arg(*ap, long *) = (long)cc;
        break;
    case IS_SIZE:
        *va_arg(*ap, apr_size_t *) = cc;
        break;
    case IS_SHORT:
        *va_arg(*ap, short *) = (short)cc;
        break;
    default:
        *va_arg(*ap, int *) = (int)cc;
    }
}

/*
 * Convert one field. Returns 0 when nothing is to be printed (%n), 1
 * otherwise, -1 at a premature end of the format ("%", "%5", "%p").
 */
static int convert(const char **fmtp, struct spec *f, va_list *ap,
                   char *buf, apr_size_t cc, struct field *out)
{
    char *end = buf + NUM_BUF_SIZE + 8;
    char c = **fmtp;

    out->prefix = 0;
    switch (c) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        conv_int(c, f, ap, end, out);
        return 1;
    case 'f': case 'e': case 'E': case 'g': case 'G':
        conv_float(c, f, ap, buf, out);
        return 1;
    case 's':
        f->pad = ' ';
        out->s = va_arg(*ap, char *);
        if (out->s == NULL) {
            out->s = (char *)null_text;
            out->len = sizeof(null_text) - 1;
        }
        else {
            out->len = f->has_prec ? strnlen(out->s, (apr_size_t)f->prec)
                                   : strlen(out->s);
        }
        return 1;
    case 'c':
        f->pad = ' ';
        buf[0] = (char)va_arg(*ap, int);
        out->s = buf;
        out->len = 1;
        return 1;
    case 'n':
        store_count(f, ap, cc);
        return 0;
    case 'p':
        c = *++*fmtp;
        if (c == '\0')
            return -1;
        f->pad = ' ';
        conv_pext(c, f, ap, buf, end, out);
        return 1;
    case '\0':
        return -1;
    default:
        /* "%%", and unknown conversions shown as themselves. */
        f->pad = ' ';
        buf[0] = '%';
        buf[1] = c;
        out->s = buf;
        out->len = c == '%' ? 1 : 2;
        return 1;
    }
}

/* Give the caller's window back and ask for more room. */
#define FLUSH()                                                           \
    do {                                                                  \
        vbuff->curpos = sp;                                               \
        if (flush_func(vbuff))                                            \
            return -1;                                                    \
        sp = vbuff->curpos;                                               \
        bep = vbuff->endpos;                                              \
    } while (0)

/* Append @n bytes from @src (memcpy) or of value @ch (memset, src NULL). */
#define PUT(src, ch, n)                                                   \
    do {                                                                  \
        const char *src_ = (src);                                         \
        apr_size_t n_ = (n);                                              \
        cc += n_;                                                         \
        if (sp && (apr_size_t)(bep - sp) >= n_) {                         \
            /* Fits: short runs are copied inline, no call. */            \
            if (src_ && n_ <= 16) {                                       \
                while (n_--)                                              \
                    *sp++ = *src_++;                                      \
            }                                                             \
            else if (src_) {                                              \
                memcpy(sp, src_, n_);                                     \
                sp += n_;                                                 \
            }                                                             \
            else {                                                        \
                memset(sp, (ch), n_);                                     \
                sp += n_;                                                 \
            }                                                             \
            n_ = 0;                                                       \
        }                                                                 \
        while (sp && n_) {                                                \
            apr_size_t room_;                                             \
            if (sp >= bep)                                                \
                FLUSH();                                                  \
            room_ = bep > sp ? (apr_size_t)(bep - sp) : 1;                \
            if (room_ > n_)                                               \
                room_ = n_;                                               \
            if (src_) {                                                   \
                memcpy(sp, src_, room_);                                  \
                src_ += room_;                                            \
            }                                                             \
            else {                                                        \
                memset(sp, (ch), room_);                                  \
            }                                                             \
            sp += room_;                                                  \
            n_ -= room_;                                                  \
        }                                                                 \
    } while (0)

APR_DECLARE(int) apr_vformatter(int (*flush_func)(apr_vformatter_buff_t *),
                                apr_vformatter_buff_t *vbuff,
                                const char *fmt, va_list ap)
{
    char *sp = vbuff->curpos;
    char *bep = vbuff->endpos;
    apr_size_t cc = 0;
    char buf[NUM_BUF_SIZE + 8];
    struct spec f;
    struct field out;
    va_list aq;
    int rv;

    va_copy(aq, ap);
    while (*fmt) {
        if (*fmt != '%') {
            const char *q = fmt + 1;
            while (*q && *q != '%')
                q++;
            PUT(fmt, 0, (apr_size_t)(q - fmt));
            fmt = q;
            continue;
        }
        if (fmt[1] == 's') {
            /* The most common conversion, without flags: no parsing. */
            const char *str = va_arg(aq, const char *);
            if (str == NULL)
                str = null_text;
            PUT(str, 0, strlen(str));
            fmt += 2;
            continue;
        }
        if (fmt[1] == 'd') {
            int v = va_arg(aq, int);
            char *end = buf + sizeof buf;
            char *s = dec_digits(v < 0 ? 0U - (unsigned int)v
                                       : (unsigned int)v, end);
            if (v < 0)
                *--s = '-';
            PUT(s, 0, (apr_size_t)(end - s));
            fmt += 2;
            continue;
        }
        fmt = parse_spec(fmt + 1, &f, &aq);
        rv = convert(&fmt, &f, &aq, buf, cc, &out);
        if (rv < 0)
            break;
        fmt++;
        if (rv == 0)
            continue;
        if (out.prefix) {
            *--out.s = out.prefix;
            out.len++;
        }
        if (f.has_width && !f.left && f.width > out.len) {
            if (f.pad == '0' && out.prefix) {
                PUT(out.s, 0, 1);
                out.s++;
                out.len--;
                f.width--;
            }
            PUT(NULL, f.pad, f.width - out.len);
        }
        PUT(out.s, 0, out.len);
        if (f.has_width && f.left && f.width > out.len)
            PUT(NULL, f.pad, f.width - out.len);
    }
    va_end(aq);
    vbuff->curpos = sp;
    return (int)cc;
}

/* apr_snprintf has nowhere to flush to: a full buffer ends the output. */
static int snprintf_flush(apr_vformatter_buff_t *vbuff)
{
    (void)vbuff;
    return -1;
}

APR_DECLARE(int) apr_vsnprintf(char *buf, apr_size_t len, const char *format,
                               va_list ap)
{
    apr_vformatter_buff_t vbuff;
    int cc;

    /* len 0: count only (buf may be NULL). Otherwise keep a byte for the
     * NUL. */
    vbuff.curpos = len ? buf : NULL;
    vbuff.endpos = len ? buf + len - 1 : NULL;
    cc = apr_vformatter(snprintf_flush, &vbuff, format, ap);
    if (len == 0)
        return cc;
    *vbuff.curpos = '\0';
    return cc == -1 ? (int)(len - 1) : cc;
}

APR_DECLARE_NONSTD(int) apr_snprintf(char *buf, apr_size_t len,
                                     const char *format, ...)
{
    va_list ap;
    int cc;

    va_start(ap, format);
    cc = apr_vsnprintf(buf, len, format, ap);
    va_end(ap);
    return cc;
}
