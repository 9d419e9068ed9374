/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * ap_regex.h on PCRE2. Matching reuses one match-data block per thread
 * (grown on demand), so a match costs no allocation once warm.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <limits.h>

#include "util_private.h"
#include "apr_strings.h"

/* Options every compilation gets unless AP_REG_NO_DEFAULT is passed;
 * changed at configuration time only (RegexDefaultOptions). */
static int default_cflags = AP_REG_DEFAULT;

AP_DECLARE(int) ap_regcomp_get_default_cflags(void)
{
    return default_cflags;
}

AP_DECLARE(void) ap_regcomp_set_default_cflags(int cflags)
{
    default_cflags = cflags;
}

AP_DECLARE(int) ap_regcomp_default_cflag_by_name(const char *name)
{
    static const struct {
        const char *name;
        int cflag;
    } names[] = {
        { "ICASE", AP_REG_ICASE },
        { "DOTALL", AP_REG_DOTALL },
        { "DOLLAR_ENDONLY", AP_REG_DOLLAR_ENDONLY },
    };
    apr_size_t i;

    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (ap_cstr_casecmp(name, names[i].name) == 0)
            return names[i].cflag;
    return 0;
}

AP_DECLARE(const char *) ap_pcre_version_string(int which)
{
    static char loaded[64];

    if (which == AP_REG_PCRE_COMPILED)
        return APR_STRINGIFY(PCRE2_MAJOR) "." APR_STRINGIFY(PCRE2_MINOR)
               " " APR_STRINGIFY(PCRE2_DATE);
    if (which != AP_REG_PCRE_LOADED)
        return "Unknown";
    if (!loaded[0]) /* the same text whichever thread writes it first */
        pcre2_config(PCRE2_CONFIG_VERSION, loaded);
    return loaded;
}

static uint32_t pcre_options(int cflags)
{
    uint32_t options = 0;

    if (cflags & AP_REG_ICASE)
        options |= PCRE2_CASELESS;
    if (cflags & AP_REG_NEWLINE)
        options |= PCRE2_MULTILINE;
    if (cflags & AP_REG_DOTALL)
        options |= PCRE2_DOTALL;
    if (cflags & AP_REG_DOLLAR_ENDONLY)
        options |= PCRE2_DOLLAR_ENDONLY;
    return options;
}

AP_DECLARE(int) ap_regcomp(ap_regex_t *preg, const char *pattern, int cflags)
{
    int errcode = 0;
    PCRE2_SIZE erroffset = 0;
    uint32_t capcount = 0;
    pcre2_code *re;

    if (!(cflags & AP_REG_NO_DEFAULT))
        cflags |= default_cflags;
    re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                       pcre_options(cflags), &errcode, &erroffset, NULL);
    preg->re_pcre = re;
    preg->re_erroffset = erroffset;
    preg->re_nsub = 0;
    if (re == NULL)
        return errcode == PCRE2_ERROR_HEAPLIMIT ? AP_REG_ESPACE
                                                : AP_REG_INVARG;
    pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &capcount);
    preg->re_nsub = (int)capcount;
    return 0;
}

AP_DECLARE(void) ap_regfree(ap_regex_t *preg)
{
    pcre2_code_free(preg->re_pcre);
    preg->re_pcre = NULL;
}

#if AP_HAS_THREAD_LOCAL
/* This thread's match data, large enough for the biggest match so far.
 * It lives as long as the thread: one small block per thread. */
static AP_THREAD_LOCAL pcre2_match_data *tls_md;
static AP_THREAD_LOCAL uint32_t tls_md_pairs;

static pcre2_match_data *get_match_data(uint32_t pairs, int *owned)
{
    *owned = 0;
    if (tls_md && tls_md_pairs >= pairs)
        return tls_md;
    if (pairs < AP_MAX_REG_MATCH)
        pairs = AP_MAX_REG_MATCH; /* avoid regrowing for small patterns */
    pcre2_match_data_free(tls_md);
    tls_md = pcre2_match_data_create(pairs, NULL);
    tls_md_pairs = tls_md ? pairs : 0;
    return tls_md;
}
#else
static pcre2_match_data *get_match_data(uint32_t pairs, int *owned)
{
    *owned = 1;
    return pcre2_match_data_create(pairs, NULL);
}
#endif

static int map_match_error(int rc)
{
    switch (rc) {
    case PCRE2_ERROR_NOMATCH:
        return AP_REG_NOMATCH;
    case PCRE2_ERROR_NOMEMORY:
    case PCRE2_ERROR_MATCHLIMIT:
    case PCRE2_ERROR_DEPTHLIMIT:
    case PCRE2_ERROR_HEAPLIMIT:
        return AP_REG_ESPACE;
    case PCRE2_ERROR_NULL:
    case PCRE2_ERROR_BADOPTION:
    case PCRE2_ERROR_BADMAGIC:
    case PCRE2_ERROR_BADOFFSET:
        return AP_REG_INVARG;
    default:
        return AP_REG_ASSERT;
    }
}

static int to_int_offset(PCRE2_SIZE off)
{
    return off == PCRE2_UNSET ? -1 : (int)off;
}

AP_DECLARE(int) ap_regexec_len(const ap_regex_t *preg, const char *buff,
                               apr_size_t len, apr_size_t nmatch,
                               ap_regmatch_t *pmatch, int eflags)
{
    uint32_t options = 0;
    uint32_t pairs = (uint32_t)preg->re_nsub + 1;
    pcre2_match_data *md;
    PCRE2_SIZE *ovector;
    apr_size_t i;
    int rc, owned;

    if (preg->re_pcre == NULL || buff == NULL || len > INT_MAX)
        return AP_REG_INVARG;
    if (eflags & AP_REG_NOTBOL)
        options |= PCRE2_NOTBOL;
    if (eflags & AP_REG_NOTEOL)
        options |= PCRE2_NOTEOL;
    md = get_match_data(pairs, &owned);
    if (md == NULL)
        return AP_REG_ESPACE;
    rc = pcre2_match(preg->re_pcre, (PCRE2_SPTR)buff, len, 0, options, md,
                     NULL);
    if (rc < 0) {
        if (owned)
            pcre2_match_data_free(md);
        return map_match_error(rc);
    }
    ovector = pcre2_get_ovector_pointer(md);
    if (rc == 0) /* cannot happen: the block holds every group */
        rc = (int)pairs;
    for (i = 0; i < nmatch; i++) {
        int set = i < (apr_size_t)rc;

        pmatch[i].rm_so = set ? to_int_offset(ovector[2 * i]) : -1;
        pmatch[i].rm_eo = set ? to_int_offset(ovector[2 * i + 1]) : -1;
    }
    if (owned)
        pcre2_match_data_free(md);
    return 0;
}

AP_DECLARE(int) ap_regexec(const ap_regex_t *preg, const char *string,
                           apr_size_t nmatch, ap_regmatch_t *pmatch,
                           int eflags)
{
    if (string == NULL)
        return AP_REG_INVARG;
    return ap_regexec_len(preg, string, strlen(string), nmatch, pmatch,
                          eflags);
}

AP_DECLARE(apr_size_t) ap_regerror(int errcode, const ap_regex_t *preg,
                                   char *errbuf, apr_size_t errbuf_size)
{
    static const char *const text[] = {
        "",
        "internal error",          /* AP_REG_ASSERT */
        "out of memory",           /* AP_REG_ESPACE */
        "invalid pattern or argument", /* AP_REG_INVARG */
        "no match",                /* AP_REG_NOMATCH */
    };
    const char *msg = (errcode >= 0
                       && errcode < (int)(sizeof(text) / sizeof(text[0])))
                      ? text[errcode] : "unknown error code";
    char full[128];
    apr_size_t need;

    if (preg && preg->re_pcre == NULL && errcode == AP_REG_INVARG)
        apr_snprintf(full, sizeof(full), "%s at offset %lu", msg,
                     (unsigned long)preg->re_erroffset);
    else
        apr_cpystrn(full, msg, sizeof(full));
    need = strlen(full) + 1;
    if (errbuf_size > 0)
        apr_cpystrn(errbuf, full, errbuf_size);
    return need;
}

AP_DECLARE(int) ap_regname(const ap_regex_t *preg,
                           apr_array_header_t *names, const char *prefix,
                           int upper)
{
    uint32_t count = 0, entry_size = 0, i;
    PCRE2_SPTR table = NULL;

    pcre2_pattern_info(preg->re_pcre, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(preg->re_pcre, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    pcre2_pattern_info(preg->re_pcre, PCRE2_INFO_NAMETABLE, &table);
    for (i = 0; i < count; i++) {
        /* each entry: group number (2 bytes, big endian), NUL-ended name */
        const unsigned char *entry = table + i * entry_size;
        int group = (entry[0] << 8) | entry[1];
        const char *name = (const char *)entry + 2;
        char *copy;

        while (names->nelts <= group)
            *(const char **)apr_array_push(names) = NULL;
        if (!prefix && !upper) {
            APR_ARRAY_IDX(names, group, const char *) = name;
            continue;
        }
        copy = apr_pstrcat(names->pool, prefix ? prefix : "", name, NULL);
        if (upper)
            ap_str_toupper(copy);
        APR_ARRAY_IDX(names, group, const char *) = copy;
    }
    return (int)count;
}
