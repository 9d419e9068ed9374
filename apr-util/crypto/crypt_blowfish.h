/*
 * bcrypt (Provos and Mazieres, "A Future-Adaptable Password Scheme",
 * USENIX 1999): the "$2a$", "$2b$" and "$2y$" password hashes built on
 * EksBlowfish. Private to libaprutil; apr_passwd.c is the caller.
 */
#ifndef APU_CRYPT_BLOWFISH_H
#define APU_CRYPT_BLOWFISH_H

#include "apr.h"

/** Words of the initial Blowfish state: the P-array then the 4 S-boxes. */
#define APU__BF_PI_WORDS (18 + 4 * 256)

/** The initial Blowfish state, the fractional hex digits of pi
 *  (generated at build time by gen_blowfish_pi.py). */
extern const apr_uint32_t apu__blowfish_pi[APU__BF_PI_WORDS];

/** Length of a bcrypt hash: "$2y$NN$", 22 salt and 31 hash characters. */
#define APU__BCRYPT_LEN 60

/** Length of a bcrypt setting: "$2y$NN$" and 22 salt characters. */
#define APU__BCRYPT_SETTING_LEN 29

/**
 * Write the setting "$2<variant>$<cost>$<salt>" (29 characters and a NUL)
 * for 16 salt bytes. @a variant is 'a', 'b' or 'y'; @a cost is 4..31.
 */
void apu__bcrypt_setting(char out[APU__BCRYPT_SETTING_LEN + 1], char variant,
                         unsigned int cost, const unsigned char salt[16]);

/**
 * Hash @a key with the variant, cost and salt of @a setting (a setting or
 * a whole hash: what follows the salt is ignored) into @a out, 60
 * characters and a NUL. The salt's last character is written in its
 * canonical form.
 * @return 0, or -1 when @a setting is not "$2a$", "$2b$" or "$2y$", a
 * cost of 04..31, "$" and 22 characters of the bcrypt alphabet
 */
int apu__bcrypt(const char *key, const char *setting,
                char out[APU__BCRYPT_LEN + 1]);

#endif
