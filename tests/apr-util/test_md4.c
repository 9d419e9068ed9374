/* apr_md4.h: the RFC 1320 test suite, incremental updates, the context. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"
#include "apr_md4.h"

static const char *hex(const unsigned char *d, size_t n, char *buf)
{
    size_t i;

    for (i = 0; i < n; i++)
        sprintf(buf + 2 * i, "%02x", d[i]);
    return buf;
}

/* RFC 1320 appendix A.5. */
static const char *const rfc_in[] = {
    "", "a", "abc", "message digest", "abcdefghijklmnopqrstuvwxyz",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    /* (one literal, wrapped) */
    ("1234567890123456789012345678901234567890"
     "1234567890123456789012345678901234567890"),
};
static const char *const rfc_out[] = {
    "31d6cfe0d16ae931b73c59d7e0c089c0", "bde52cb31de33e46245e05fbdbd6fb24",
    "a448017aaf21d8525fc10ae87aa6729d", "d9130a8164549fe818874806e1c7014b",
    "d79e1c308aa5bbcdeea8ed63df412da9", "043f8582f241db351ce627e153e7f0e4",
    "e33b4ddc9c38f2199c3e7b164fcc0536",
};

START_TEST(test_rfc1320)
{
    unsigned char d[APR_MD4_DIGESTSIZE];
    char buf[2 * APR_MD4_DIGESTSIZE + 1];
    int i;

    ck_assert_int_eq(APR_MD4_DIGESTSIZE, 16);
    for (i = 0; i < 7; i++) {
        ck_assert_int_eq(apr_md4(d, (const unsigned char *)rfc_in[i],
                                 strlen(rfc_in[i])), APR_SUCCESS);
        ck_assert_str_eq(hex(d, sizeof d, buf), rfc_out[i]);
    }
}
END_TEST

/* Any split of the input into two updates gives the one-shot digest. */
START_TEST(test_incremental)
{
    unsigned char msg[200], whole[16], part[16];
    apr_md4_ctx_t ctx;
    size_t cut;

    for (cut = 0; cut < sizeof msg; cut++)
        msg[cut] = (unsigned char)(cut * 7);
    apr_md4(whole, msg, sizeof msg);
    for (cut = 0; cut <= sizeof msg; cut++) {
        ck_assert_int_eq(apr_md4_init(&ctx), APR_SUCCESS);
        ck_assert_int_eq(apr_md4_update(&ctx, msg, cut), APR_SUCCESS);
        apr_md4_update(&ctx, msg + cut, 0);
        apr_md4_update(&ctx, msg + cut, sizeof msg - cut);
        ck_assert_int_eq(apr_md4_final(part, &ctx), APR_SUCCESS);
        ck_assert(memcmp(whole, part, 16) == 0);
    }
}
END_TEST

START_TEST(test_context)
{
    apr_md4_ctx_t ctx;
    unsigned char d[16];
    size_t i;
    int nonzero = 0;

    /* The fields are APR's: a 128-bit state, a 64-bit bit count. */
    ck_assert_uint_eq(sizeof(ctx.state), 16);
    ck_assert_uint_eq(sizeof(ctx.count), 8);
    ck_assert_uint_eq(sizeof(ctx.buffer), 64);
    apr_md4_init(&ctx);
    ck_assert_uint_eq(ctx.state[0], 0x67452301);
    ck_assert_uint_eq(ctx.count[0], 0);
    apr_md4_update(&ctx, (const unsigned char *)"abc", 3);
    ck_assert_uint_eq(ctx.count[0], 24);
    ck_assert_uint_eq(ctx.count[1], 0);
    apr_md4_final(d, &ctx);
    /* final wipes the context. */
    for (i = 0; i < sizeof(ctx.buffer); i++)
        nonzero |= ctx.buffer[i];
    ck_assert_int_eq(nonzero, 0);
    ck_assert_uint_eq(ctx.state[0], 0);
#if !APR_HAS_XLATE
    ck_assert_int_eq(apr_md4_set_xlate(&ctx, NULL), APR_ENOTIMPL);
#endif
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("md4");
    TCase *tc = apr_test_tcase("md4");

    tcase_add_test(tc, test_rfc1320);
    tcase_add_test(tc, test_incremental);
    tcase_add_test(tc, test_context);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
