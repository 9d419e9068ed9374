/* apr_sha1.h: FIPS 180 / RFC 3174 vectors (with the million 'a'),
 * incremental updates, the context layout, the "{SHA}" format. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "apr_sha1.h"

static const char *hex(const unsigned char *d, size_t n, char *buf)
{
    size_t i;

    for (i = 0; i < n; i++)
        sprintf(buf + 2 * i, "%02x", d[i]);
    return buf;
}

static const char *sha1_hex(const char *msg, size_t len, char *buf)
{
    apr_sha1_ctx_t ctx;
    unsigned char d[APR_SHA1_DIGESTSIZE];

    apr_sha1_init(&ctx);
    apr_sha1_update(&ctx, msg, (unsigned int)len);
    apr_sha1_final(d, &ctx);
    return hex(d, sizeof d, buf);
}

START_TEST(test_vectors)
{
    char buf[41], rep[641];
    int i;

    ck_assert_int_eq(APR_SHA1_DIGESTSIZE, 20);
    ck_assert_str_eq(sha1_hex("", 0, buf),
                     "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    /* FIPS 180-2 appendix A / RFC 3174 TEST1 and TEST2. */
    ck_assert_str_eq(sha1_hex("abc", 3, buf),
                     "a9993e364706816aba3e25717850c26c9cd0d89d");
    ck_assert_str_eq(sha1_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmn"
                              "lmnomnopnopq", 56, buf),
                     "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    /* RFC 3174 TEST4: "01234567" * 80. */
    for (i = 0; i < 80; i++)
        memcpy(rep + 8 * i, "01234567", 8);
    ck_assert_str_eq(sha1_hex(rep, 640, buf),
                     "dea356a2cddd90c7a7ecedc5ebb563934f460452");
    ck_assert_str_eq(sha1_hex("The quick brown fox jumps over the lazy dog",
                              43, buf),
                     "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12");
}
END_TEST

/* RFC 3174 TEST3: a million 'a', in one call and in uneven pieces. */
START_TEST(test_million_a)
{
    char *a = malloc(1000001), buf[41];
    unsigned char d[20];
    apr_sha1_ctx_t ctx;
    unsigned int done = 0, step = 1;

    memset(a, 'a', 1000001);
    ck_assert_str_eq(sha1_hex(a, 1000000, buf),
                     "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
    apr_sha1_init(&ctx);
    while (done < 1000000) {
        unsigned int n = step < 1000000 - done ? step : 1000000 - done;

        apr_sha1_update_binary(&ctx, (unsigned char *)a + 1 + done % 3, n);
        done += n;
        step = step * 2 + 3;
    }
    apr_sha1_final(d, &ctx);
    ck_assert_str_eq(hex(d, 20, buf),
                     "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
    free(a);
}
END_TEST

START_TEST(test_incremental)
{
    unsigned char msg[200], whole[20], part[20];
    apr_sha1_ctx_t ctx;
    unsigned int cut;

    for (cut = 0; cut < sizeof msg; cut++)
        msg[cut] = (unsigned char)(cut * 11 + 3);
    apr_sha1_init(&ctx);
    apr_sha1_update_binary(&ctx, msg, sizeof msg);
    apr_sha1_final(whole, &ctx);
    for (cut = 0; cut <= sizeof msg; cut++) {
        apr_sha1_init(&ctx);
        apr_sha1_update_binary(&ctx, msg, cut);
        apr_sha1_update(&ctx, (const char *)msg + cut,
                        (unsigned int)sizeof msg - cut);
        apr_sha1_final(part, &ctx);
        ck_assert(memcmp(whole, part, 20) == 0);
    }
}
END_TEST

START_TEST(test_context)
{
    apr_sha1_ctx_t ctx;
    unsigned char d[20];

    /* APR's layout: 96 bytes, the same with Debian's headers. */
    ck_assert_uint_eq(offsetof(apr_sha1_ctx_t, digest), 0);
    ck_assert_uint_eq(offsetof(apr_sha1_ctx_t, count_lo), 20);
    ck_assert_uint_eq(offsetof(apr_sha1_ctx_t, count_hi), 24);
    ck_assert_uint_eq(offsetof(apr_sha1_ctx_t, data), 28);
    ck_assert_uint_eq(offsetof(apr_sha1_ctx_t, local), 92);
    ck_assert_uint_eq(sizeof(apr_sha1_ctx_t), 96);

    apr_sha1_init(&ctx);
    ck_assert_uint_eq(ctx.digest[0], 0x67452301);
    ck_assert_uint_eq(ctx.digest[4], 0xc3d2e1f0);
    ck_assert_uint_eq(ctx.count_lo, 0);
    ck_assert_uint_eq(ctx.count_hi, 0);
    ck_assert_int_eq(ctx.local, 0);
    apr_sha1_update(&ctx, "abcdefghij", 10);
    ck_assert_uint_eq(ctx.count_lo, 80);
    ck_assert_int_eq(ctx.local, 10);
    ck_assert(memcmp(ctx.data, "abcdefghij", 10) == 0);
    apr_sha1_final(d, &ctx);
    ck_assert_uint_eq(d[0], 0xd6);
    ck_assert_uint_eq(d[19], 0x63);
}
END_TEST

START_TEST(test_sha1_base64)
{
    char out[64];

    ck_assert_str_eq(APR_SHA1PW_ID, "{SHA}");
    ck_assert_int_eq(APR_SHA1PW_IDLEN, 5);
    /* htpasswd -nbs user password */
    memset(out, '#', sizeof out);
    apr_sha1_base64("password", 8, out);
    ck_assert_str_eq(out, "{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=");
#if !APR_TEST_AGAINST_SYSTEM
    /* APR writes a second NUL after the string (out[34]); ours stops at
     * the 34 bytes its documentation promises. */
    ck_assert_int_eq(out[34], '#');
#endif
    /* htpasswd -nbs user secret */
    apr_sha1_base64("secret", 6, out);
    ck_assert_str_eq(out, "{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=");
    /* The length counts, not a NUL; a "{SHA}" prefix is hashed too. */
    apr_sha1_base64("secretXYZ", 6, out);
    ck_assert_str_eq(out, "{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=");
    apr_sha1_base64("{SHA}password", 8, out);
    ck_assert_str_eq(out, "{SHA}A+fPT+UTfFYIY7SV0bAMeCIdLQ0=");
    apr_sha1_base64("", 0, out);
    ck_assert_str_eq(out, "{SHA}2jmj7l5rSw0yVb/vlWAYkK/YBwk=");
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("sha1");
    TCase *tc = apr_test_tcase("sha1");

    tcase_add_test(tc, test_vectors);
    tcase_add_test(tc, test_million_a);
    tcase_add_test(tc, test_incremental);
    tcase_add_test(tc, test_context);
    tcase_add_test(tc, test_sha1_base64);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
