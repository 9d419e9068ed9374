/*
 * Fixed-pattern search with Boyer-Moore-Horspool (apr_strmatch.h).
 *
 * The compiled pattern's context is a `bmh_t`: for every byte value, how
 * far the window may move when that byte is under the window's last
 * position. Case-insensitive patterns keep a lower-cased copy of the
 * pattern there too and fold ASCII letters only (as APR-util does in the
 * C locale). An empty pattern matches at the start of any buffer.
 */
#include <string.h>

#include "apr_strmatch.h"

typedef struct {
    apr_size_t shift[256];
    char lower[1];      /* the folded pattern (case-insensitive only) */
} bmh_t;

static unsigned char fold(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

static const char *match_empty(const apr_strmatch_pattern *pat,
                               const char *s, apr_size_t slen)
{
    (void)pat;
    (void)slen;
    return s;
}

static const char *match_case(const apr_strmatch_pattern *pat,
                              const char *s, apr_size_t slen)
{
    const bmh_t *t = pat->context;
    const unsigned char *p = (const unsigned char *)pat->pattern;
    const unsigned char *text = (const unsigned char *)s;
    apr_size_t last = pat->length - 1, pos = 0;

    if (slen < pat->length)
        return NULL;
    while (pos <= slen - pat->length) {
        const unsigned char *w = text + pos;
        unsigned char c = w[last];
        apr_size_t k = last;

        if (c == p[last]) {
            while (k > 0 && w[k - 1] == p[k - 1])
                k--;
            if (k == 0)
                return (const char *)w;
        }
        pos += t->shift[c];
    }
    return NULL;
}

static const char *match_nocase(const apr_strmatch_pattern *pat,
                                const char *s, apr_size_t slen)
{
    const bmh_t *t = pat->context;
    const unsigned char *p = (const unsigned char *)t->lower;
    const unsigned char *text = (const unsigned char *)s;
    apr_size_t last = pat->length - 1, pos = 0;

    if (slen < pat->length)
        return NULL;
    while (pos <= slen - pat->length) {
        const unsigned char *w = text + pos;
        unsigned char c = fold(w[last]);
        apr_size_t k = last;

        if (c == p[last]) {
            while (k > 0 && fold(w[k - 1]) == p[k - 1])
                k--;
            if (k == 0)
                return (const char *)w;
        }
        pos += t->shift[c];
    }
    return NULL;
}

APU_DECLARE(const apr_strmatch_pattern *) apr_strmatch_precompile(
        apr_pool_t *p, const char *s, int case_sensitive)
{
    apr_strmatch_pattern *pat = apr_palloc(p, sizeof *pat);
    apr_size_t i, len = strlen(s);
    bmh_t *t;

    if (!pat)
        return NULL;
    pat->pattern = s;
    pat->length = len;
    if (len == 0) {
        pat->compare = match_empty;
        pat->context = NULL;
        return pat;
    }
    t = apr_palloc(p, sizeof *t + (case_sensitive ? 0 : len));
    if (!t)
        return NULL;
    for (i = 0; i < 256; i++)
        t->shift[i] = len;
    for (i = 0; i + 1 < len; i++) {
        unsigned char c = (unsigned char)s[i];

        if (!case_sensitive) {
            c = fold(c);
            /* An upper-case text byte is folded before the lookup. */
            t->lower[i] = (char)c;
        }
        t->shift[c] = len - 1 - i;
    }
    if (!case_sensitive)
        t->lower[len - 1] = (char)fold((unsigned char)s[len - 1]);
    pat->compare = case_sensitive ? match_case : match_nocase;
    pat->context = t;
    return pat;
}
