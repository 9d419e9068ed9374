/* apr_md5.h: the RFC 1321 test suite, long and incremental input, the
 * context layout, and apr_md5_encode ("$apr1$"). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "apr_md5.h"

static const char *hex(const unsigned char *d, size_t n, char *buf)
{
    size_t i;

    for (i = 0; i < n; i++)
        sprintf(buf + 2 * i, "%02x", d[i]);
    return buf;
}

/* RFC 1321 appendix A.5. */
static const char *const rfc_in[] = {
    "", "a", "abc", "message digest", "abcdefghijklmnopqrstuvwxyz",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    /* (one literal, wrapped) */
    ("1234567890123456789012345678901234567890"
     "1234567890123456789012345678901234567890"),
};
static const char *const rfc_out[] = {
    "d41d8cd98f00b204e9800998ecf8427e", "0cc175b9c0f1b6a831c399e269772661",
    "900150983cd24fb0d6963f7d28e17f72", "f96b697d7cb7938d525a2f31aaf161d0",
    "c3fcd3d76192e4007dfb496cca67e13b", "d174ab98d277d9f5a5611c2c9f419d9f",
    "57edf4a22be3c955ac49da2e2107b67a",
};

START_TEST(test_rfc1321)
{
    unsigned char d[APR_MD5_DIGESTSIZE];
    char buf[2 * APR_MD5_DIGESTSIZE + 1];
    int i;

    ck_assert_int_eq(APR_MD5_DIGESTSIZE, 16);
    for (i = 0; i < 7; i++) {
        ck_assert_int_eq(apr_md5(d, rfc_in[i], strlen(rfc_in[i])),
                         APR_SUCCESS);
        ck_assert_str_eq(hex(d, sizeof d, buf), rfc_out[i]);
    }
}
END_TEST

/* A million 'a', fed in uneven pieces, some from odd addresses. */
START_TEST(test_million_a)
{
    char *a = malloc(1000001);
    unsigned char d[16];
    char buf[33];
    apr_md5_ctx_t ctx;
    size_t done = 0, step = 1;

    memset(a, 'a', 1000001);
    apr_md5(d, a, 1000000);
    ck_assert_str_eq(hex(d, 16, buf), "7707d6ae4e027c70eea2a935c2296f21");

    apr_md5_init(&ctx);
    while (done < 1000000) {
        size_t n = step < 1000000 - done ? step : 1000000 - done;

        apr_md5_update(&ctx, a + 1 + done % 3, n);
        done += n;
        step = step * 3 + 1;
    }
    apr_md5_final(d, &ctx);
    ck_assert_str_eq(hex(d, 16, buf), "7707d6ae4e027c70eea2a935c2296f21");
    free(a);
}
END_TEST

START_TEST(test_incremental)
{
    unsigned char msg[200], whole[16], part[16];
    apr_md5_ctx_t ctx;
    size_t cut;

    for (cut = 0; cut < sizeof msg; cut++)
        msg[cut] = (unsigned char)(cut * 13 + 5);
    apr_md5(whole, msg, sizeof msg);
    for (cut = 0; cut <= sizeof msg; cut++) {
        ck_assert_int_eq(apr_md5_init(&ctx), APR_SUCCESS);
        ck_assert_int_eq(apr_md5_update(&ctx, msg, cut), APR_SUCCESS);
        apr_md5_update(&ctx, msg + cut, sizeof msg - cut);
        ck_assert_int_eq(apr_md5_final(part, &ctx), APR_SUCCESS);
        ck_assert(memcmp(whole, part, 16) == 0);
    }
}
END_TEST

START_TEST(test_context)
{
    apr_md5_ctx_t ctx;
    unsigned char d[16];
    size_t i;
    int nonzero = 0;

    /* APR's layout (the same with Debian's headers, on LP64: 96 bytes). */
    ck_assert_uint_eq(offsetof(apr_md5_ctx_t, state), 0);
    ck_assert_uint_eq(offsetof(apr_md5_ctx_t, count), 16);
    ck_assert_uint_eq(offsetof(apr_md5_ctx_t, buffer), 24);
    ck_assert_uint_eq(offsetof(apr_md5_ctx_t, xlate), 88);
    ck_assert_uint_eq(sizeof(apr_md5_ctx_t), 88 + sizeof(void *));

    apr_md5_init(&ctx);
    ck_assert_uint_eq(ctx.state[0], 0x67452301);
    ck_assert_uint_eq(ctx.state[3], 0x10325476);
    ck_assert_ptr_null(ctx.xlate);
    apr_md5_update(&ctx, "abc", 3);
    ck_assert_uint_eq(ctx.count[0], 24);
    ck_assert_int_eq(ctx.buffer[0], 'a');
    apr_md5_final(d, &ctx);
    for (i = 0; i < sizeof(ctx.buffer); i++)
        nonzero |= ctx.buffer[i];
    ck_assert_int_eq(nonzero, 0);
    ck_assert_uint_eq(ctx.state[0], 0);
#if !APR_HAS_XLATE
    apr_md5_init(&ctx);
    ck_assert_int_eq(apr_md5_set_xlate(&ctx, NULL), APR_ENOTIMPL);
#endif
}
END_TEST

/* "$apr1$" hashes made by Debian's libaprutil (1.6.3) and htpasswd. */
START_TEST(test_encode_known)
{
    char out[120];

    ck_assert_int_eq(apr_md5_encode("password", "$apr1$abcdefgh", out,
                                    sizeof out), APR_SUCCESS);
    ck_assert_str_eq(out, "$apr1$abcdefgh$FBwExRW4dCc8aL.OvjpIE1");
    /* htpasswd -nbm user password */
    apr_md5_encode("password", "KriB7Ait", out, sizeof out);
    ck_assert_str_eq(out, "$apr1$KriB7Ait$InqLkMx6htAbmH8KaIhw30");
    /* htpasswd -nbm user '' */
    apr_md5_encode("", "$apr1$HRkl4M1k$", out, sizeof out);
    ck_assert_str_eq(out, "$apr1$HRkl4M1k$dmbOUTyNzLYxwp56jibuE0");
    /* htpasswd -nbm user 'a-much-longer-password-than-sixteen-bytes' */
    apr_md5_encode("a-much-longer-password-than-sixteen-bytes",
                   "$apr1$zCHJd7dm$A8eI1.gj/.Rfnm3RtiJQl1", out, sizeof out);
    ck_assert_str_eq(out, "$apr1$zCHJd7dm$A8eI1.gj/.Rfnm3RtiJQl1");
}
END_TEST

/* The salt: after an optional "$apr1$", up to 8 characters, a '$' or the
 * end. */
START_TEST(test_encode_salt)
{
    char out[120];

    apr_md5_encode("password", "abcdefgh", out, sizeof out);
    ck_assert_str_eq(out, "$apr1$abcdefgh$FBwExRW4dCc8aL.OvjpIE1");
    apr_md5_encode("password", "$apr1$abcdefghijkl", out, sizeof out);
    ck_assert_str_eq(out, "$apr1$abcdefgh$FBwExRW4dCc8aL.OvjpIE1");
    apr_md5_encode("password", "$apr1$abcdefgh$junk", out, sizeof out);
    ck_assert_str_eq(out, "$apr1$abcdefgh$FBwExRW4dCc8aL.OvjpIE1");
    apr_md5_encode("password", "$apr1$abc$xyz", out, sizeof out);
    ck_assert_str_eq(out, "$apr1$abc$mehJE/UcwZsj.w5DYe.b5.");
    apr_md5_encode("password", "$apr1$a", out, sizeof out);
    ck_assert_str_eq(out, "$apr1$a$uaXsIQMLByuJ96Y9RmVGM.");
    apr_md5_encode("password", "", out, sizeof out);
    ck_assert_str_eq(out, "$apr1$$qjtLUZpoiD4RwXIYf4qVb0");
    /* Only "$apr1$" is skipped: "$1$..." is an empty salt. */
    apr_md5_encode("password", "$1$abcdefgh", out, sizeof out);
    ck_assert_str_eq(out, "$apr1$$qjtLUZpoiD4RwXIYf4qVb0");
}
END_TEST

/* APR writes at most nbytes - 2 characters and a NUL, and never fails. */
START_TEST(test_encode_short_buffer)
{
    char out[64];

    memset(out, '#', sizeof out);
    ck_assert_int_eq(apr_md5_encode("password", "abcdefgh", out, 39),
                     APR_SUCCESS);
    ck_assert_str_eq(out, "$apr1$abcdefgh$FBwExRW4dCc8aL.OvjpIE1");
    memset(out, '#', sizeof out);
    ck_assert_int_eq(apr_md5_encode("password", "abcdefgh", out, 38),
                     APR_SUCCESS);
    ck_assert_str_eq(out, "$apr1$abcdefgh$FBwExRW4dCc8aL.OvjpIE");
    memset(out, '#', sizeof out);
    apr_md5_encode("password", "abcdefgh", out, 10);
    ck_assert_str_eq(out, "$apr1$ab");
    ck_assert_int_eq(out[9], '#');
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("md5");
    TCase *tc = apr_test_tcase("md5");

    tcase_add_test(tc, test_rfc1321);
    tcase_add_test(tc, test_million_a);
    tcase_add_test(tc, test_incremental);
    tcase_add_test(tc, test_context);
    tcase_add_test(tc, test_encode_known);
    tcase_add_test(tc, test_encode_salt);
    tcase_add_test(tc, test_encode_short_buffer);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
