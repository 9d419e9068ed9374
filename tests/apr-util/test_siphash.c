/* apr_siphash.h: the reference SipHash-2-4 vectors, SipHash-4-8, the
 * generic c-d form and the little-endian MAC form. */
#include <string.h>
#include "testutil.h"
#include "apr_siphash.h"

/* SipHash-2-4 with key 00 01 .. 0f of the messages 00 01 .. (len - 1),
 * len = 0..63: the reference implementation's vectors.h, read as
 * little-endian words. Entry 15 is the worked example of the paper's
 * appendix A. */
static const apr_uint64_t vectors24[64] = {
    0x726fdb47dd0e0e31ULL, 0x74f839c593dc67fdULL, 0x0d6c8009d9a94f5aULL,
    0x85676696d7fb7e2dULL, 0xcf2794e0277187b7ULL, 0x18765564cd99a68dULL,
    0xcbc9466e58fee3ceULL, 0xab0200f58b01d137ULL, 0x93f5f5799a932462ULL,
    0x9e0082df0ba9e4b0ULL, 0x7a5dbbc594ddb9f3ULL, 0xf4b32f46226bada7ULL,
    0x751e8fbc860ee5fbULL, 0x14ea5627c0843d90ULL, 0xf723ca908e7af2eeULL,
    0xa129ca6149be45e5ULL, 0x3f2acc7f57c29bdbULL, 0x699ae9f52cbe4794ULL,
    0x4bc1b3f0968dd39cULL, 0xbb6dc91da77961bdULL, 0xbed65cf21aa2ee98ULL,
    0xd0f2cbb02e3b67c7ULL, 0x93536795e3a33e88ULL, 0xa80c038ccd5ccec8ULL,
    0xb8ad50c6f649af94ULL, 0xbce192de8a85b8eaULL, 0x17d835b85bbb15f3ULL,
    0x2f2e6163076bcfadULL, 0xde4daaaca71dc9a5ULL, 0xa6a2506687956571ULL,
    0xad87a3535c49ef28ULL, 0x32d892fad841c342ULL, 0x7127512f72f27cceULL,
    0xa7f32346f95978e3ULL, 0x12e0b01abb051238ULL, 0x15e034d40fa197aeULL,
    0x314dffbe0815a3b4ULL, 0x027990f029623981ULL, 0xcadcd4e59ef40c4dULL,
    0x9abfd8766a33735cULL, 0x0e3ea96b5304a7d0ULL, 0xad0c42d6fc585992ULL,
    0x187306c89bc215a9ULL, 0xd4a60abcf3792b95ULL, 0xf935451de4f21df2ULL,
    0xa9538f0419755787ULL, 0xdb9acddff56ca510ULL, 0xd06c98cd5c0975ebULL,
    0xe612a3cb9ecba951ULL, 0xc766e62cfcadaf96ULL, 0xee64435a9752fe72ULL,
    0xa192d576b245165aULL, 0x0a8787bf8ecb74b2ULL, 0x81b3e73d20b49b6fULL,
    0x7fa8220ba3b2eceaULL, 0x245731c13ca42499ULL, 0xb78dbfaf3a8d83bdULL,
    0xea1ad565322a1a0bULL, 0x60e61c23a3795013ULL, 0x6606d7e446282b93ULL,
    0x6ca4ecb15c5f91e1ULL, 0x9f626da15c9625f3ULL, 0xe51b38608ef25f57ULL,
    0x958a324ceb064572ULL,
};

/* SipHash-4-8 of the same inputs (no published vectors: these are
 * Debian's libaprutil 1.6.3 outputs), len = 0..15. */
static const apr_uint64_t vectors48[16] = {
    0xc879052b9938da41ULL, 0xc85914f95295b851ULL, 0x33c3ddbef0163792ULL,
    0x05c147657dd4466aULL, 0x48fac14a2b5938c2ULL, 0xe14752cfd9d7c2f6ULL,
    0x8e5535c834bcb66bULL, 0x4efdbe5a713fd747ULL, 0x50db2f079c8bb520ULL,
    0x5312e15ef39a3136ULL, 0x8f848d0adbd0a948ULL, 0x810a0436603969ccULL,
    0x6197a77a53686d4bULL, 0x6950c9f2e9963729ULL, 0x689a62a7ea1b4388ULL,
    0x83d389d57da9a6e0ULL,
};

static unsigned char key[APR_SIPHASH_KSIZE];
static unsigned char msg[64 + 1];

static void fill(void)
{
    int i;

    for (i = 0; i < APR_SIPHASH_KSIZE; i++)
        key[i] = (unsigned char)i;
    for (i = 0; i < 64; i++)
        msg[i] = (unsigned char)i;
}

START_TEST(test_siphash24_vectors)
{
    unsigned char out[APR_SIPHASH_DSIZE];
    int len, i;

    ck_assert_int_eq(APR_SIPHASH_DSIZE, 8);
    ck_assert_int_eq(APR_SIPHASH_KSIZE, 16);
    fill();
    for (len = 0; len < 64; len++) {
        ck_assert_uint_eq(apr_siphash24(msg, (apr_size_t)len, key),
                          vectors24[len]);
        ck_assert_uint_eq(apr_siphash(msg, (apr_size_t)len, key, 2, 4),
                          vectors24[len]);
        apr_siphash24_auth(out, msg, (apr_size_t)len, key);
        for (i = 0; i < 8; i++)
            ck_assert_uint_eq(out[i], (vectors24[len] >> (8 * i)) & 0xff);
        apr_siphash_auth(out, msg, (apr_size_t)len, key, 2, 4);
        ck_assert_uint_eq(out[0], vectors24[len] & 0xff);
    }
}
END_TEST

START_TEST(test_siphash48_vectors)
{
    unsigned char out[APR_SIPHASH_DSIZE];
    int len, i;

    fill();
    for (len = 0; len < 16; len++) {
        ck_assert_uint_eq(apr_siphash48(msg, (apr_size_t)len, key),
                          vectors48[len]);
        ck_assert_uint_eq(apr_siphash(msg, (apr_size_t)len, key, 4, 8),
                          vectors48[len]);
        apr_siphash48_auth(out, msg, (apr_size_t)len, key);
        for (i = 0; i < 8; i++)
            ck_assert_uint_eq(out[i], (vectors48[len] >> (8 * i)) & 0xff);
    }
    /* Other round counts are honoured (Debian's output for c=1, d=3). */
    ck_assert_uint_eq(apr_siphash(msg, 15, key, 1, 3), 0xd320d86d2a519956ULL);
}
END_TEST

/* Neither the message nor the MAC output need alignment. */
START_TEST(test_unaligned)
{
    unsigned char shifted[64 + 1], out[9 + APR_SIPHASH_DSIZE];
    int len;

    fill();
    for (len = 0; len < 64; len++) {
        memcpy(shifted + 1, msg, (size_t)len);
        ck_assert_uint_eq(apr_siphash24(shifted + 1, (apr_size_t)len, key),
                          vectors24[len]);
    }
    memset(out, 0xee, sizeof out);
    apr_siphash24_auth(out + 1, msg, 15, key);
    ck_assert_uint_eq(out[0], 0xee);
    ck_assert_uint_eq(out[1], 0xe5);
    ck_assert_uint_eq(out[8], 0xa1);
    ck_assert_uint_eq(out[9], 0xee);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("siphash");
    TCase *tc = apr_test_tcase("siphash");

    tcase_add_test(tc, test_siphash24_vectors);
    tcase_add_test(tc, test_siphash48_vectors);
    tcase_add_test(tc, test_unaligned);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
