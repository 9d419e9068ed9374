/* apr_password_validate() and apr_bcrypt_encode(): hashes made by
 * Debian's htpasswd (apache2-utils 2.4) and by crypt(3), the bcrypt test
 * vectors of the openwall crypt_blowfish suite, and the error cases. */
#include <errno.h>
#include <string.h>
#include "testutil.h"
#include "apr_md5.h"
#include "apr_sha1.h"

struct known {
    const char *password;
    const char *hash;
};

/* Each made by the command in its comment ("user:" dropped). */
static const struct known htpasswd_hashes[] = {
    /* htpasswd -nbm user password */
    { "password", "$apr1$KriB7Ait$InqLkMx6htAbmH8KaIhw30" },
    /* htpasswd -nbm user '' */
    { "", "$apr1$HRkl4M1k$dmbOUTyNzLYxwp56jibuE0" },
    /* htpasswd -nbm user 'a-much-longer-password-than-sixteen-bytes' */
    { "a-much-longer-password-than-sixteen-bytes",
      "$apr1$zCHJd7dm$A8eI1.gj/.Rfnm3RtiJQl1" },
    /* htpasswd -nbB user password */
    { "password",
      "$2y$05$uQYbvzNP.l2UOllV5/boYOu7v7DEICrIKSFR/EQxO86kS8mik6UCi" },
    /* htpasswd -nbB -C 4 user 'correct horse' */
    { "correct horse",
      "$2y$04$SDvY72LtS7WBbaocsDxE9emCJrlXHaLxsqa9Ph/JQg.zKmM/MECpC" },
    /* htpasswd -nbs user password */
    { "password", "{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=" },
    /* htpasswd -nbs user secret */
    { "secret", "{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=" },
};

START_TEST(test_htpasswd)
{
    size_t i;

    for (i = 0; i < sizeof htpasswd_hashes / sizeof *htpasswd_hashes; i++) {
        const struct known *k = &htpasswd_hashes[i];

        ck_assert_int_eq(apr_password_validate(k->password, k->hash),
                         APR_SUCCESS);
        ck_assert_int_eq(apr_password_validate("wrong", k->hash),
                         APR_EMISMATCH);
        ck_assert_int_eq(apr_password_validate("Password", k->hash),
                         APR_EMISMATCH);
    }
}
END_TEST

/* Hashes of the system's crypt(3) (glibc's libcrypt), accepted where the
 * system has it: DES (htpasswd -nbd user password), MD5 "$1$", SHA-256
 * "$5$", SHA-512 "$6$" (made with crypt_r("password", "$N$saltsalt$")). */
START_TEST(test_crypt)
{
#if defined(__GLIBC__)
    static const char *const hashes[] = {
        "E5xcwSvbZHMqY",
        "abJnggxhB/yWI",
        "$1$saltsalt$qjXMvbEw8oaL.CzflDtaK/",
        "$5$saltsalt$gOjOtoMpVhru2uyjeJSEc/JaLQWOXMNmlOnj6T4AtC.",
        ("$6$saltsalt$qFmFH.bQmmtXzyBY0s9v7Oicd2z4XSIecDzlB5KiA2/jctKu9YterLp8"
         "wwnSq.qc.eoxqOmSuNp2xS0ktL3nh/"),
    };
    size_t i;

    for (i = 0; i < sizeof hashes / sizeof *hashes; i++) {
        ck_assert_int_eq(apr_password_validate("password", hashes[i]),
                         APR_SUCCESS);
        ck_assert_int_eq(apr_password_validate("passwore", hashes[i]),
                         APR_EMISMATCH);
    }
    /* With crypt(3) there is no clear-text fallback. */
    ck_assert_int_eq(apr_password_validate("password", "password"),
                     APR_EMISMATCH);
    ck_assert_int_eq(apr_password_validate("", ""), APR_EMISMATCH);
    ck_assert_int_eq(apr_password_validate("password", "pa"), APR_EMISMATCH);
#else
    ck_assert_int_eq(apr_password_validate("password", "{SHA}"),
                     APR_EMISMATCH);
#endif
}
END_TEST

/* The openwall crypt_blowfish test vectors (wrapper.c), including the
 * 8-bit password cases where "$2a$" and "$2y$" differ. */
static const struct known bcrypt_vectors[] = {
    { "U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW" },
    { "U*U*", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK" },
    { "U*U*U",
      "$2a$05$XXXXXXXXXXXXXXXXXXXXXOAcXxm9kjPGEMsLznoKqmqw7tc8WCx4a" },
    { "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
      "0123456789chars after 72 are ignored",
      "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui" },
    { "\xa3", "$2a$05$/OK.fbVrR/bpIqNJ5ianF.Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq" },
    { "\xa3", "$2y$05$/OK.fbVrR/bpIqNJ5ianF.Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq" },
    { "\xff\xa3" "34" "\xff\xff\xff\xa3" "345",
      "$2y$05$/OK.fbVrR/bpIqNJ5ianF.o./n25XVfn6oAPaUvHe.Csk4zRfsYPi" },
    { "\xff\xa3" "34" "\xff\xff\xff\xa3" "345",
      "$2a$05$/OK.fbVrR/bpIqNJ5ianF.ZC1JEJ8Z4gPfpe1JOr/oyPXTWl9EFd." },
    { "\xff\xa3" "345",
      "$2y$05$/OK.fbVrR/bpIqNJ5ianF.nRht2l/HRhr6zmCp9vYUvvsqynflf9e" },
    { "\xff\xa3" "345",
      "$2a$05$/OK.fbVrR/bpIqNJ5ianF.nRht2l/HRhr6zmCp9vYUvvsqynflf9e" },
    { "\xa3" "ab",
      "$2a$05$/OK.fbVrR/bpIqNJ5ianF.6IflQkJytoRVc1yuaNtHfiuq.FRlSIS" },
    { "\xa3" "ab",
      "$2y$05$/OK.fbVrR/bpIqNJ5ianF.6IflQkJytoRVc1yuaNtHfiuq.FRlSIS" },
    { "", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy" },
    /* "$2b$" names the same algorithm (APR hands it to crypt(3)). */
    { "U*U", "$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW" },
};

START_TEST(test_bcrypt_vectors)
{
    size_t i;

    for (i = 0; i < sizeof bcrypt_vectors / sizeof *bcrypt_vectors; i++) {
        const struct known *k = &bcrypt_vectors[i];

        ck_assert_msg(apr_password_validate(k->password, k->hash)
                      == APR_SUCCESS, "vector %u: %s", (unsigned)i, k->hash);
        ck_assert_int_eq(apr_password_validate("U*U*U*", k->hash),
                         APR_EMISMATCH);
    }
}
END_TEST

/* Only the first 72 bytes of a password count. */
START_TEST(test_bcrypt_72)
{
    static const char *const h =
        "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui";

    ck_assert_int_eq(apr_password_validate(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
        "0123456789", h), APR_SUCCESS);
    ck_assert_int_eq(apr_password_validate(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
        "012345678", h), APR_EMISMATCH);
}
END_TEST

START_TEST(test_bcrypt_encode)
{
    unsigned char salt[17];
    char out[80];
    int i;

    for (i = 0; i < 17; i++)
        salt[i] = (unsigned char)i;
    /* Debian's libaprutil 1.6.3 gives these for salt bytes 00..0f. */
    ck_assert_int_eq(apr_bcrypt_encode("password", 5, salt, 16, out,
                                       sizeof out), APR_SUCCESS);
    ck_assert_str_eq(out, "$2y$05$..CA.uOD/eaGAOmJB.yMBux9gmpFtY1O.Z.LHr66l"
                          "i5OvHe8MWEvy");
    ck_assert_int_eq(apr_password_validate("password", out), APR_SUCCESS);
    ck_assert_int_eq(apr_bcrypt_encode("password", 4, salt, 16, out, 61),
                     APR_SUCCESS);
    ck_assert_str_eq(out, "$2y$04$..CA.uOD/eaGAOmJB.yMBubqEtzdkvfegxfotQ8UA"
                          "MQWLlq7JbHJW");
    /* Cost 0 is the default, 5; salt bytes past 16 are not used. */
    ck_assert_int_eq(apr_bcrypt_encode("password", 0, salt, 17, out,
                                       sizeof out), APR_SUCCESS);
    ck_assert_str_eq(out, "$2y$05$..CA.uOD/eaGAOmJB.yMBux9gmpFtY1O.Z.LHr66l"
                          "i5OvHe8MWEvy");
}
END_TEST

START_TEST(test_bcrypt_encode_errors)
{
    unsigned char salt[16] = { 0 };
    char out[80];

    memset(out, '#', sizeof out);
    ck_assert_int_eq(apr_bcrypt_encode("pw", 3, salt, 16, out, sizeof out),
                     APR_EINVAL);
    ck_assert_int_eq(apr_bcrypt_encode("pw", 1, salt, 16, out, sizeof out),
                     APR_EINVAL);
    ck_assert_int_eq(apr_bcrypt_encode("pw", 32, salt, 16, out, sizeof out),
                     APR_EINVAL);
    ck_assert_int_eq(apr_bcrypt_encode("pw", 5, salt, 15, out, sizeof out),
                     APR_EINVAL);
    ck_assert_int_eq(out[0], '#');
    /* A hash needs 61 bytes: a shorter buffer gets crypt_blowfish's
     * failure token "*0" when it holds it. */
    ck_assert_int_eq(apr_bcrypt_encode("pw", 4, salt, 16, out, 60),
                     APR_FROM_OS_ERROR(ERANGE));
    ck_assert_str_eq(out, "*0");
    memset(out, '#', sizeof out);
    ck_assert_int_eq(apr_bcrypt_encode("pw", 4, salt, 16, out, 2),
                     APR_FROM_OS_ERROR(ERANGE));
    ck_assert_int_eq(out[0], '#');
}
END_TEST

/* A malformed "$2y$"/"$2a$" hash is an error; the rest just mismatch. */
START_TEST(test_malformed)
{
    static const char *const bad_bcrypt[] = {
        "$2y$", "$2y$03$......................",
        "$2y$32$......................", "$2y$5$.......................",
        "$2y$05$.....................!", "$2y$05$.....................",
        "$2a$05$",
    };
    size_t i;

    for (i = 0; i < sizeof bad_bcrypt / sizeof *bad_bcrypt; i++)
        ck_assert_int_eq(apr_password_validate("password", bad_bcrypt[i]),
                         APR_EINVAL);
    /* A well-formed setting without the hash part: a mismatch. */
    ck_assert_int_eq(apr_password_validate("password",
                         "$2y$05$..CA.uOD/eaGAOmJB.yMBu"), APR_EMISMATCH);
    /* The salt's last character must be the canonical one. */
    ck_assert_int_eq(apr_password_validate("password",
                         "$2y$05$..CA.uOD/eaGAOmJB.yMBvx9gmpFtY1O.Z.LHr66li5Ov"
                         "He8MWEvy"), APR_EMISMATCH);
    ck_assert_int_eq(apr_password_validate("password",
                         "$2b$03$......................"), APR_EMISMATCH);
    ck_assert_int_eq(apr_password_validate("password", "$apr1$abcdefgh"),
                     APR_EMISMATCH);
    ck_assert_int_eq(apr_password_validate("password", "{SHA}"),
                     APR_EMISMATCH);
    ck_assert_int_eq(apr_password_validate("password",
                         "$apr1$abcdefgh$FBwExRW4dCc8aL.OvjpIE1"),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_password_validate("password",
                         "$apr1$abcdefgh$FBwExRW4dCc8aL.OvjpIE"),
                     APR_EMISMATCH);
    ck_assert_int_eq(apr_password_validate("password",
                         "$apr1$abcdefgh$FBwExRW4dCc8aL.OvjpIE1x"),
                     APR_EMISMATCH);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("passwords");
    TCase *tc = apr_test_tcase("passwords");

    tcase_add_test(tc, test_htpasswd);
    tcase_add_test(tc, test_crypt);
    tcase_add_test(tc, test_bcrypt_vectors);
    tcase_add_test(tc, test_bcrypt_72);
    tcase_add_test(tc, test_bcrypt_encode);
    tcase_add_test(tc, test_bcrypt_encode_errors);
    tcase_add_test(tc, test_malformed);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
