/*
 * Password hashing and checking for apr_md5.h: the "$apr1$" scheme,
 * bcrypt, and apr_password_validate().
 *
 * "$apr1$" is Poul-Henning Kamp's MD5-based crypt ("$1$" in FreeBSD and
 * glibc) with Apache's magic string in place of "$1$": the same salt and
 * the same password give different "$1$" and "$apr1$" hashes.
 */
#include <errno.h>
#include <string.h>

#include "apr_md5.h"
#include "apr_sha1.h"
#include "apr_strings.h"
#include "crypt_blowfish.h"
#include "passwd_internal.h"

#define APR1_ID "$apr1$"
#define APR1_ID_LEN (sizeof(APR1_ID) - 1)
#define APR1_SALT_MAX 8
/* "$apr1$", 8 salt characters, "$", 22 hash characters. */
#define APR1_HASH_MAX (APR1_ID_LEN + APR1_SALT_MAX + 1 + 22)

/* The crypt alphabet; to64() writes the low 6 bits first. */
static const char itoa64[] =
    "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

static char *to64(char *out, apr_uint32_t v, int n)
{
    while (n-- > 0) {
        *out++ = itoa64[v & 63];
        v >>= 6;
    }
    return out;
}

/* The MD5 stretching of MD5-crypt: 1000 rounds mixing password, salt and
 * the previous digest in a pattern fixed by the round number. */
static void apr1_stretch(unsigned char final[APR_MD5_DIGESTSIZE],
                         const char *pw, apr_size_t pwlen,
                         const char *salt, apr_size_t saltlen)
{
    apr_md5_ctx_t ctx;
    int i;

    for (i = 0; i < 1000; i++) {
        apr_md5_init(&ctx);
        if (i & 1)
            apr_md5_update(&ctx, pw, pwlen);
        else
            apr_md5_update(&ctx, final, APR_MD5_DIGESTSIZE);
        if (i % 3)
            apr_md5_update(&ctx, salt, saltlen);
        if (i % 7)
            apr_md5_update(&ctx, pw, pwlen);
        if (i & 1)
            apr_md5_update(&ctx, final, APR_MD5_DIGESTSIZE);
        else
            apr_md5_update(&ctx, pw, pwlen);
        apr_md5_final(final, &ctx);
    }
}

APU_DECLARE(apr_status_t) apr_md5_encode(const char *pw, const char *salt,
                                         char *result, apr_size_t nbytes)
{
    char out[APR1_HASH_MAX + 1], *p;
    unsigned char final[APR_MD5_DIGESTSIZE];
    apr_size_t pwlen = strlen(pw), saltlen, n;
    apr_md5_ctx_t ctx, alt;
    static const unsigned char zero = 0;

    if (strncmp(salt, APR1_ID, APR1_ID_LEN) == 0)
        salt += APR1_ID_LEN;
    for (saltlen = 0; saltlen < APR1_SALT_MAX && salt[saltlen] != '\0'
                      && salt[saltlen] != '$'; saltlen++)
        ;

    /* The alternate sum: password, salt, password. */
    apr_md5_init(&alt);
    apr_md5_update(&alt, pw, pwlen);
    apr_md5_update(&alt, salt, saltlen);
    apr_md5_update(&alt, pw, pwlen);
    apr_md5_final(final, &alt);

    /* Password, magic, salt, as many bytes of the alternate sum as the
     * password has, then per bit of the password length (low bit first)
     * a NUL for a 1 and the first password byte for a 0. */
    apr_md5_init(&ctx);
    apr_md5_update(&ctx, pw, pwlen);
    apr_md5_update(&ctx, APR1_ID, APR1_ID_LEN);
    apr_md5_update(&ctx, salt, saltlen);
    for (n = pwlen; n > 0; n -= n > 16 ? 16 : n)
        apr_md5_update(&ctx, final, n > 16 ? 16 : n);
    for (n = pwlen; n > 0; n >>= 1)
        apr_md5_update(&ctx, (n & 1) ? &zero : (const unsigned char *)pw, 1);
    apr_md5_final(final, &ctx);

    apr1_stretch(final, pw, pwlen, salt, saltlen);

    memcpy(out, APR1_ID, APR1_ID_LEN);
    memcpy(out + APR1_ID_LEN, salt, saltlen);
    p = out + APR1_ID_LEN + saltlen;
    *p++ = '$';
    p = to64(p, (apr_uint32_t)final[0] << 16 | final[6] << 8 | final[12], 4);
    p = to64(p, (apr_uint32_t)final[1] << 16 | final[7] << 8 | final[13], 4);
    p = to64(p, (apr_uint32_t)final[2] << 16 | final[8] << 8 | final[14], 4);
    p = to64(p, (apr_uint32_t)final[3] << 16 | final[9] << 8 | final[15], 4);
    p = to64(p, (apr_uint32_t)final[4] << 16 | final[10] << 8 | final[5], 4);
    p = to64(p, final[11], 2);
    *p = '\0';

    /* APR copies at most nbytes - 2 characters (apr_cpystrn with
     * nbytes - 1); with nbytes 0 it would overrun, so nothing is written
     * below 2. */
    if (nbytes >= 2)
        apr_cpystrn(result, out, nbytes - 1);
    memset(final, 0, sizeof(final));
    memset(out, 0, sizeof(out));
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_bcrypt_encode(const char *pw,
                                            unsigned int count,
                                            const unsigned char *salt,
                                            apr_size_t salt_len,
                                            char *out, apr_size_t out_len)
{
    char setting[APU__BCRYPT_SETTING_LEN + 1];
    char hash[APU__BCRYPT_LEN + 1];

    if (count == 0)
        count = 5;
    if (count < 4 || count > 31 || salt_len < 16)
        return APR_EINVAL;
    if (out_len < sizeof(hash)) {
        /* As crypt_blowfish: the failure token, when it fits. */
        if (out_len >= 3)
            memcpy(out, "*0", 3);
        return APR_FROM_OS_ERROR(ERANGE);
    }
    apu__bcrypt_setting(setting, 'y', count, salt);
    if (apu__bcrypt(pw, setting, hash) != 0)
        return APR_EINVAL;
    memcpy(out, hash, sizeof(hash));
    memset(hash, 0, sizeof(hash));
    return APR_SUCCESS;
}

/* strcmp() == 0 in time independent of where the strings differ. */
static int same_string(const char *a, const char *b)
{
    apr_size_t la = strlen(a), lb = strlen(b), i;
    unsigned char diff = la != lb;

    for (i = 0; i < la && i < lb; i++)
        diff |= (unsigned char)(a[i] ^ b[i]);
    return diff == 0;
}

APU_DECLARE(apr_status_t) apr_password_validate(const char *passwd,
                                                const char *hash)
{
    char sample[200];
    apr_status_t rv = APR_SUCCESS;
    int same;

    if (strncmp(hash, "$2a$", 4) == 0 || strncmp(hash, "$2y$", 4) == 0) {
        /* APR's own bcrypt: a malformed hash is an error. */
        if (apu__bcrypt(passwd, hash, sample) != 0)
            return APR_EINVAL;
    }
    else if (strncmp(hash, "$2b$", 4) == 0) {
        /* APR passes "$2b$" to crypt(3), which rejects a malformed one as
         * a mismatch; ours is the same algorithm, with no crypt needed. */
        if (apu__bcrypt(passwd, hash, sample) != 0)
            return APR_EMISMATCH;
    }
    else if (strncmp(hash, APR1_ID, APR1_ID_LEN) == 0)
        apr_md5_encode(passwd, hash, sample, sizeof(sample));
    else if (strncmp(hash, APR_SHA1PW_ID, APR_SHA1PW_IDLEN) == 0)
        apr_sha1_base64(passwd, (int)strlen(passwd), sample);
    else
        rv = apu__system_crypt(passwd, hash, sample, sizeof(sample) - 1);

    same = rv == APR_SUCCESS && same_string(sample, hash);
    memset(sample, 0, sizeof(sample));
    if (rv != APR_SUCCESS && rv != APR_EMISMATCH)
        return rv;
    return same ? APR_SUCCESS : APR_EMISMATCH;
}
