/*
 * libFuzzer target for apr_escape.h: every escaper and unescaper runs on
 * the input, as a NUL-terminated string and as an exact-size buffer with an
 * explicit length (so reading one byte too far is an ASan error), into
 * output buffers of exactly the measured size.
 *
 * Checked on every input:
 *  - the NULL-buffer measurement equals the size actually written, and
 *    string outputs are NUL-terminated exactly there;
 *  - the apr_p*() variants agree with the buffer variants, and return their
 *    input when nothing changed;
 *  - round trips: unescape_url(escape_path_segment(s)) == s, the same for
 *    escape_path(partial) and escape_urlencoded (with plus),
 *    unescape_entity(escape_entity(s)) == s, unescape_hex(escape_hex(b)) ==
 *    b, shell and LDAP escapes decode back by hand;
 *  - escape_echo output is printable ASCII.
 *
 * The first input byte picks options (flags, plus, colon, forbid and
 * reserved sets); the rest is the data.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "apr_general.h"
#include "apr_pools.h"
#include "apr_escape.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static apr_pool_t *pool;

static void setup(void)
{
    if (pool)
        return;
    CHECK(apr_initialize() == APR_SUCCESS);
    CHECK(apr_pool_create(&pool, NULL) == APR_SUCCESS);
}

typedef apr_status_t (*str_fn)(char *, const char *, apr_ssize_t,
                               apr_size_t *, int);

/* Adapters giving the string escapers one shape (opt = toasc/quote/...). */
static apr_status_t do_shell(char *d, const char *s, apr_ssize_t n,
                             apr_size_t *len, int opt)
{
    (void)opt;
    return apr_escape_shell(d, s, n, len);
}

static apr_status_t do_segment(char *d, const char *s, apr_ssize_t n,
                               apr_size_t *len, int opt)
{
    (void)opt;
    return apr_escape_path_segment(d, s, n, len);
}

static apr_status_t do_path(char *d, const char *s, apr_ssize_t n,
                            apr_size_t *len, int opt)
{
    return apr_escape_path(d, s, n, opt, len);
}

static apr_status_t do_urlencoded(char *d, const char *s, apr_ssize_t n,
                                  apr_size_t *len, int opt)
{
    (void)opt;
    return apr_escape_urlencoded(d, s, n, len);
}

static apr_status_t do_entity(char *d, const char *s, apr_ssize_t n,
                              apr_size_t *len, int opt)
{
    return apr_escape_entity(d, s, n, opt, len);
}

static apr_status_t do_unentity(char *d, const char *s, apr_ssize_t n,
                                apr_size_t *len, int opt)
{
    (void)opt;
    return apr_unescape_entity(d, s, n, len);
}

static apr_status_t do_echo(char *d, const char *s, apr_ssize_t n,
                            apr_size_t *len, int opt)
{
    return apr_escape_echo(d, s, n, opt, len);
}

static apr_status_t do_ldap(char *d, const char *s, apr_ssize_t n,
                            apr_size_t *len, int opt)
{
    return apr_escape_ldap(d, s, n, opt, len);
}

/* Measure, then write into a buffer of exactly that size; the two passes
 * must agree. Returns the heap output (caller frees) and its status. */
static char *run(str_fn fn, const char *s, apr_ssize_t n, int opt,
                 apr_status_t *rv, apr_size_t *outlen)
{
    apr_size_t len = 0, len2 = 0;
    apr_status_t r1, r2;
    char *out;

    r1 = fn(NULL, s, n, &len, opt);
    CHECK(len >= 1);
    out = malloc(len);
    CHECK(out != NULL);
    r2 = fn(out, s, n, &len2, opt);
    CHECK(r1 == r2);
    CHECK(len == len2);
    CHECK(out[len - 1] == '\0');
    *rv = r1;
    *outlen = len;
    return out;
}

/* Run fn on s both ways (NUL-terminated, and exact buffer of n bytes). */
static char *run_both(str_fn fn, const char *s, const char *exact, size_t n,
                      int opt, apr_status_t *rv, apr_size_t *outlen)
{
    apr_status_t rv2;
    apr_size_t len2;
    char *out2 = run(fn, exact, (apr_ssize_t)n, opt, &rv2, &len2);

    free(out2);
    return run(fn, s, APR_ESCAPE_STRING, opt, rv, outlen);
}

static void check_url_round_trip(const char *s, const char *esc, int plus)
{
    apr_size_t len = 0;
    char *back;

    CHECK(apr_unescape_url(NULL, esc, APR_ESCAPE_STRING, NULL, NULL, plus,
                           &len) != APR_EINVAL);
    back = malloc(len);
    CHECK(back != NULL);
    apr_unescape_url(back, esc, APR_ESCAPE_STRING, NULL, NULL, plus, NULL);
    CHECK(strcmp(back, s) == 0);
    free(back);
}

static void check_shell_round_trip(const char *s, const char *esc)
{
    size_t i = 0;

    for (; *esc; esc++) {
        if (*esc == '\\')
            esc++;
        CHECK(*esc != '\0');
        CHECK(s[i++] == *esc);
    }
    CHECK(s[i] == '\0');
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                                                 : -1;
}

/* LDAP output (elen bytes): with any flag (both escape '\\'), every '\\'
 * starts two lower-case hex digits; with none, the output is the input
 * (NUL bytes included). */
static void check_ldap_decode(const unsigned char *in, size_t n,
                              const char *esc, size_t elen, int flags)
{
    size_t i = 0, k;

    for (k = 0; k < elen; k++) {
        unsigned char c = (unsigned char)esc[k];

        if (c == '\\' && flags) {
            CHECK(k + 2 < elen);
            CHECK(hexval(esc[k + 1]) >= 0 && hexval(esc[k + 2]) >= 0);
            c = (unsigned char)(hexval(esc[k + 1]) << 4 | hexval(esc[k + 2]));
            k += 2;
        }
        else if (flags) {
            CHECK(c != '\0');
        }
        CHECK(i < n && in[i++] == c);
    }
    CHECK(i == n);
}

static void check_hex(const unsigned char *in, size_t n, int colon)
{
    apr_size_t len = 0, blen = 0;
    char *hex;
    unsigned char *back;

    CHECK(apr_escape_hex(NULL, in, n, colon, &len) == APR_SUCCESS);
    hex = malloc(len);
    CHECK(hex != NULL);
    CHECK(apr_escape_hex(hex, in, n, colon, NULL) == APR_SUCCESS);
    CHECK(strlen(hex) + 1 == len);
    CHECK(apr_unescape_hex(NULL, hex, APR_ESCAPE_STRING, colon, &blen) ==
          APR_SUCCESS);
    CHECK(blen == n);
    back = malloc(blen + 1);
    CHECK(back != NULL);
    CHECK(apr_unescape_hex(back, hex, APR_ESCAPE_STRING, colon, &blen) ==
          APR_SUCCESS);
    CHECK(memcmp(back, in, n) == 0);
    CHECK(strcmp(apr_pescape_hex(pool, in, n, colon), hex) == 0);
    free(back);
    free(hex);
}

/* The unescapers on arbitrary input: only self-consistency. */
static void fuzz_unescapers(const char *s, const char *exact, size_t n,
                            uint8_t opt)
{
    static const char *const sets[] = {NULL, "/", "/;?%", "+&= "};
    const char *forbid = sets[opt & 3], *reserved = sets[(opt >> 2) & 3];
    int plus = (opt >> 4) & 1, colon = (opt >> 5) & 1;
    apr_size_t len = 0, len2 = 0;
    apr_status_t r1, r2;
    const char *pr;
    char *out;

    r1 = apr_unescape_url(NULL, s, APR_ESCAPE_STRING, forbid, reserved, plus,
                          &len);
    out = malloc(len);
    CHECK(out != NULL);
    r2 = apr_unescape_url(out, s, APR_ESCAPE_STRING, forbid, reserved, plus,
                          &len2);
    CHECK(r1 == r2 && len == len2 && out[len - 1] == '\0');
    pr = apr_punescape_url(pool, s, forbid, reserved, plus);
    if (r1 == APR_NOTFOUND)
        CHECK(pr == s);
    else if (r1 == APR_SUCCESS)
        CHECK(pr && memcmp(pr, out, len) == 0);
    else
        CHECK(pr == NULL);
    free(out);
    r1 = apr_unescape_url(NULL, exact, (apr_ssize_t)n, forbid, reserved,
                          plus, &len);
    out = malloc(len);
    CHECK(out != NULL);
    r2 = apr_unescape_url(out, exact, (apr_ssize_t)n, forbid, reserved, plus,
                          &len2);
    CHECK(r1 == r2 && len == len2 && out[len - 1] == '\0');
    free(out);

    /* Hex decoding: measured size == written size. */
    r1 = apr_unescape_hex(NULL, exact, (apr_ssize_t)n, colon, &len);
    if (r1 == APR_SUCCESS) {
        out = malloc(len + 1);
        CHECK(out != NULL);
        CHECK(apr_unescape_hex(out, exact, (apr_ssize_t)n, colon, &len2) ==
              APR_SUCCESS);
        CHECK(len == len2);
        free(out);
    }
    r1 = apr_unescape_hex(NULL, s, APR_ESCAPE_STRING, colon, &len);
    pr = apr_punescape_hex(pool, s, colon, &len2);
    CHECK((r1 == APR_SUCCESS) == (pr != NULL));
    if (pr)
        CHECK(len == len2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t opt;
    size_t n;
    char *s, *exact, *out, *back;
    apr_size_t len;
    apr_status_t rv;
    int flag;

    setup();
    if (size == 0)
        return 0;
    opt = data[0];
    data++;
    n = size - 1;
    s = malloc(n + 1);          /* NUL-terminated copy */
    exact = malloc(n ? n : 1);  /* exact copy, no terminator */
    CHECK(s && exact);
    memcpy(s, data, n);
    s[n] = '\0';
    memcpy(exact, data, n);

    out = run_both(do_shell, s, exact, n, 0, &rv, &len);
    check_shell_round_trip(s, out);
    CHECK((rv == APR_NOTFOUND) == (strcmp(out, s) == 0));
    CHECK(rv == APR_SUCCESS ? strcmp(apr_pescape_shell(pool, s), out) == 0
                            : apr_pescape_shell(pool, s) == s);
    free(out);

    out = run_both(do_segment, s, exact, n, 0, &rv, &len);
    check_url_round_trip(s, out, 0);
    CHECK(rv == APR_SUCCESS
              ? strcmp(apr_pescape_path_segment(pool, s), out) == 0
              : apr_pescape_path_segment(pool, s) == s);
    free(out);

    for (flag = 0; flag < 2; flag++) {
        out = run_both(do_path, s, exact, n, flag, &rv, &len);
        if (flag)
            check_url_round_trip(s, out, 0);
        CHECK(rv == APR_SUCCESS
                  ? strcmp(apr_pescape_path(pool, s, flag), out) == 0
                  : apr_pescape_path(pool, s, flag) == s);
        free(out);
    }

    out = run_both(do_urlencoded, s, exact, n, 0, &rv, &len);
    check_url_round_trip(s, out, 1);
    CHECK(rv == APR_SUCCESS
              ? strcmp(apr_pescape_urlencoded(pool, s), out) == 0
              : apr_pescape_urlencoded(pool, s) == s);
    free(out);

    for (flag = 0; flag < 2; flag++) {
        out = run_both(do_entity, s, exact, n, flag, &rv, &len);
        if (!flag) {
            back = run(do_unentity, out, APR_ESCAPE_STRING, 0, &rv, &len);
            CHECK(strcmp(back, s) == 0);
            free(back);
        }
        free(out);
        out = run_both(do_echo, s, exact, n, flag, &rv, &len);
        for (back = out; *back; back++)
            CHECK(*back >= 0x20 && *back < 0x7f);
        CHECK(rv == APR_SUCCESS
                  ? strcmp(apr_pescape_echo(pool, s, flag), out) == 0
                  : apr_pescape_echo(pool, s, flag) == s);
        free(out);
    }

    out = run_both(do_unentity, s, exact, n, 0, &rv, &len);
    CHECK(rv == APR_SUCCESS
              ? strcmp(apr_punescape_entity(pool, s), out) == 0
              : apr_punescape_entity(pool, s) == s);
    free(out);

    for (flag = 0; flag < 4; flag++) {
        /* Binary input with a length: every byte, NULs included. */
        out = run(do_ldap, exact, (apr_ssize_t)n, flag, &rv, &len);
        check_ldap_decode(data, n, out, len - 1, flag);
        CHECK(rv == APR_SUCCESS
                  ? memcmp(apr_pescape_ldap(pool, exact, (apr_ssize_t)n, flag),
                           out, len) == 0
                  : apr_pescape_ldap(pool, exact, (apr_ssize_t)n, flag) ==
                        exact);
        free(out);
        out = run(do_ldap, s, APR_ESCAPE_STRING, flag, &rv, &len);
        check_ldap_decode((const unsigned char *)s, strlen(s), out, len - 1,
                          flag);
        free(out);
    }

    check_hex(data, n, opt & 1);
    fuzz_unescapers(s, exact, n, opt);

    free(exact);
    free(s);
    apr_pool_clear(pool);
    return 0;
}
