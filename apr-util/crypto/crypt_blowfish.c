/*
 * bcrypt, written from its published description (Provos and Mazieres,
 * USENIX 1999) and Blowfish's (Schneier, FSE 1993).
 *
 * EksBlowfishSetup(cost, salt, key):
 *     state = the digits of pi; ExpandKey(state, salt, key)
 *     repeat 2^cost times: ExpandKey(state, 0, key); ExpandKey(state, 0, salt)
 * then "OrpheanBeholderScryDoubt" is encrypted 64 times in ECB mode; the
 * first 23 of its 24 bytes are the hash.
 *
 * The key is the password's bytes with their terminating NUL, repeated to
 * fill 72 bytes (so only the first 72 bytes of a password count). "$2b$"
 * and "$2y$" name this exact algorithm. "$2a$" names it too, with one
 * guard taken from the widely used crypt_blowfish: an implementation once
 * sign-extended password bytes above 0x7f, so that such passwords hashed
 * differently; for a "$2a$" password where that bug would have changed
 * nothing although such a byte sits inside a key word, bit 16 of the
 * first P word of the initial state is flipped (before the first
 * ExpandKey only), so that no hash made by the buggy code can be mistaken
 * for a correct one. Every other "$2a$" hash equals "$2b$".
 *
 * The encoding is base64 with the alphabet "./A-Za-z0-9", bits taken most
 * significant first, no padding.
 */
#include <string.h>

#include "crypt_blowfish.h"
#include "digest_internal.h"

/* The whole state as one array: P[0..17], then S0, S1, S2, S3. */
typedef struct {
    apr_uint32_t w[APU__BF_PI_WORDS];
} bf_state;

#define S0(st) ((st)->w + 18)
#define S1(st) ((st)->w + 18 + 256)
#define S2(st) ((st)->w + 18 + 512)
#define S3(st) ((st)->w + 18 + 768)

#define BF_F(st, x)                                                       \
    (((S0(st)[(x) >> 24] + S1(st)[((x) >> 16) & 0xff])                    \
      ^ S2(st)[((x) >> 8) & 0xff]) + S3(st)[(x) & 0xff])

/* Two of Blowfish's 16 Feistel rounds, written so that no swap is needed. */
#define BF_2ROUNDS(st, l, r, i)                                           \
    do {                                                                  \
        (l) ^= (st)->w[(i)];                                              \
        (r) ^= BF_F((st), (l)) ^ (st)->w[(i) + 1];                        \
        (l) ^= BF_F((st), (r));                                           \
    } while (0)

/* Blowfish encryption of the block (l, r), fully unrolled: this is the
 * whole cost of bcrypt. */
#define BF_ENCRYPT(st, l, r)                                              \
    do {                                                                  \
        apr_uint32_t t_;                                                  \
        BF_2ROUNDS((st), (l), (r), 0);                                    \
        BF_2ROUNDS((st), (l), (r), 2);                                    \
        BF_2ROUNDS((st), (l), (r), 4);                                    \
        BF_2ROUNDS((st), (l), (r), 6);                                    \
        BF_2ROUNDS((st), (l), (r), 8);                                    \
        BF_2ROUNDS((st), (l), (r), 10);                                   \
        BF_2ROUNDS((st), (l), (r), 12);                                   \
        BF_2ROUNDS((st), (l), (r), 14);                                   \
        t_ = (r) ^ (st)->w[17];                                           \
        (r) = (l) ^ (st)->w[16];                                          \
        (l) = t_;                                                         \
    } while (0)

/* ExpandKey: XOR the key into P, then rewrite all of P and the S-boxes
 * with the running encryption, XORing each block with alternate halves of
 * the salt first when there is one (only in the first ExpandKey). */
static void bf_expand_salted(bf_state *st, const apr_uint32_t key[18],
                             const apr_uint32_t salt[4])
{
    apr_uint32_t l = 0, r = 0;
    int i;

    for (i = 0; i < 18; i++)
        st->w[i] ^= key[i];
    for (i = 0; i < APU__BF_PI_WORDS; i += 2) {
        l ^= salt[i & 2];
        r ^= salt[(i & 2) + 1];
        BF_ENCRYPT(st, l, r);
        st->w[i] = l;
        st->w[i + 1] = r;
    }
}

static void bf_expand(bf_state *st, const apr_uint32_t key[18])
{
    apr_uint32_t l = 0, r = 0;
    int i;

    for (i = 0; i < 18; i++)
        st->w[i] ^= key[i];
    for (i = 0; i < APU__BF_PI_WORDS; i += 2) {
        BF_ENCRYPT(st, l, r);
        st->w[i] = l;
        st->w[i + 1] = r;
    }
}

/* The 18 key words from the password, cycling over its bytes and NUL.
 * Returns what the "$2a$" guard described above XORs into the first P
 * word of the initial state (only there: not into the key itself). */
static apr_uint32_t bf_key_words(const char *pw, apr_uint32_t key[18])
{
    const unsigned char *p = (const unsigned char *)pw;
    apr_uint32_t differs = 0, high_inside = 0;
    int i, j;

    for (i = 0; i < 18; i++) {
        apr_uint32_t right = 0, buggy = 0;

        for (j = 0; j < 4; j++) {
            /* What the buggy code computed: the byte sign-extended. */
            apr_uint32_t ext = (*p & 0x80) ? (0xffffff00u | *p) : *p;

            right = right << 8 | *p;
            buggy = buggy << 8 | ext;
            if (j > 0 && (*p & 0x80))
                high_inside = 1;
            p = *p ? p + 1 : (const unsigned char *)pw;
        }
        differs |= right ^ buggy;
        key[i] = right;
    }
    return high_inside && !differs ? 0x10000 : 0;
}

static const char bf_alphabet[64] =
    "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/* Encodes `n` bytes; writes ceil(8n / 6) characters and returns past them. */
static char *bf_encode(char *out, const unsigned char *in, apr_size_t n)
{
    apr_size_t i;

    for (i = 0; i < n; i += 3) {
        apr_uint32_t w = (apr_uint32_t)in[i] << 16;

        if (i + 1 < n)
            w |= (apr_uint32_t)in[i + 1] << 8;
        if (i + 2 < n)
            w |= in[i + 2];
        *out++ = bf_alphabet[w >> 18];
        *out++ = bf_alphabet[(w >> 12) & 63];
        if (i + 1 < n)
            *out++ = bf_alphabet[(w >> 6) & 63];
        if (i + 2 < n)
            *out++ = bf_alphabet[w & 63];
    }
    return out;
}

static int bf_value(char c)
{
    const char *at = c ? memchr(bf_alphabet, c, sizeof(bf_alphabet)) : NULL;

    return at ? (int)(at - bf_alphabet) : -1;
}

/* Decodes the 22 salt characters into 16 bytes; -1 on a bad character. */
static int bf_decode_salt(const char *in, unsigned char salt[16])
{
    unsigned char buf[18];
    int i;

    for (i = 0; i < 24; i += 4) {
        int v[4], k;

        for (k = 0; k < 4; k++) {
            v[k] = i + k < 22 ? bf_value(in[i + k]) : 0;
            if (v[k] < 0)
                return -1;
        }
        buf[i / 4 * 3] = (unsigned char)(v[0] << 2 | v[1] >> 4);
        buf[i / 4 * 3 + 1] = (unsigned char)(v[1] << 4 | v[2] >> 2);
        buf[i / 4 * 3 + 2] = (unsigned char)(v[2] << 6 | v[3]);
    }
    memcpy(salt, buf, 16);
    return 0;
}

void apu__bcrypt_setting(char out[APU__BCRYPT_SETTING_LEN + 1], char variant,
                         unsigned int cost, const unsigned char salt[16])
{
    out[0] = '$';
    out[1] = '2';
    out[2] = variant;
    out[3] = '$';
    out[4] = (char)('0' + cost / 10);
    out[5] = (char)('0' + cost % 10);
    out[6] = '$';
    *bf_encode(out + 7, salt, 16) = '\0';
}

int apu__bcrypt(const char *key, const char *setting,
                char out[APU__BCRYPT_LEN + 1])
{
    static const char magic[] = "OrpheanBeholderScryDoubt";
    unsigned char salt_bytes[16], hash[24];
    apr_uint32_t salt[4], kw[18], sw[18], text[6], guard;
    apr_uint64_t rounds;
    unsigned int cost;
    bf_state st;
    int i;

    if (setting[0] != '$' || setting[1] != '2'
        || (setting[2] != 'a' && setting[2] != 'b' && setting[2] != 'y')
        || setting[3] != '$' || setting[4] < '0' || setting[4] > '3'
        || setting[5] < '0' || setting[5] > '9' || setting[6] != '$')
        return -1;
    cost = (unsigned int)(setting[4] - '0') * 10
           + (unsigned int)(setting[5] - '0');
    if (cost < 4 || cost > 31 || bf_decode_salt(setting + 7, salt_bytes))
        return -1;

    for (i = 0; i < 4; i++)
        salt[i] = apu__load_be32(salt_bytes + 4 * i);
    for (i = 0; i < 18; i++)
        sw[i] = salt[i % 4];
    guard = bf_key_words(key, kw);

    memcpy(st.w, apu__blowfish_pi, sizeof(st.w));
    if (setting[2] == 'a')
        st.w[0] ^= guard;
    bf_expand_salted(&st, kw, salt);
    for (rounds = (apr_uint64_t)1 << cost; rounds > 0; rounds--) {
        bf_expand(&st, kw);
        bf_expand(&st, sw);
    }

    for (i = 0; i < 6; i++)
        text[i] = apu__load_be32((const unsigned char *)magic + 4 * i);
    for (i = 0; i < 64; i++) {
        BF_ENCRYPT(&st, text[0], text[1]);
        BF_ENCRYPT(&st, text[2], text[3]);
        BF_ENCRYPT(&st, text[4], text[5]);
    }
    for (i = 0; i < 6; i++)
        apu__store_be32(hash + 4 * i, text[i]);

    apu__bcrypt_setting(out, setting[2], cost, salt_bytes);
    *bf_encode(out + APU__BCRYPT_SETTING_LEN, hash, 23) = '\0';

    memset(&st, 0, sizeof(st));
    memset(kw, 0, sizeof(kw));
    return 0;
}
