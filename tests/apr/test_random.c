/*
 * apr_random.h and apr_generate_random_bytes(). The generator is
 * deterministic given its entropy, so the expected bytes below come from
 * Debian's libapr 1.7 fed the same entropy (this suite also builds with
 * -Dtest_against=system).
 */
#include <string.h>
#include <sys/types.h>

#include "testutil.h"
#include "apr_random.h"

static void hex(char *out, const unsigned char *b, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    size_t i;

    for (i = 0; i < n; i++) {
        out[2 * i] = digits[b[i] >> 4];
        out[2 * i + 1] = digits[b[i] & 15];
    }
    out[2 * n] = '\0';
}

/* ---------------------------------------------------------- system bytes */

START_TEST(generate_zero_and_one)
{
    unsigned char b[2] = {0x5a, 0x5a};
    int i, seen_other = 0;

    ck_assert_int_eq(apr_generate_random_bytes(b, 0), APR_SUCCESS);
    ck_assert_int_eq(b[0], 0x5a);   /* untouched */
    /* One byte at a time: over 64 draws not all can be equal. */
    for (i = 0; i < 64; i++) {
        unsigned char prev = b[0];

        ck_assert_int_eq(apr_generate_random_bytes(b, 1), APR_SUCCESS);
        ck_assert_int_eq(b[1], 0x5a);   /* only one byte written */
        if (i && b[0] != prev)
            seen_other = 1;
    }
    ck_assert(seen_other);
}
END_TEST

START_TEST(generate_large)
{
    const apr_size_t n = 1024 * 1024;
    unsigned char *a = apr_palloc(p, n), *b = apr_palloc(p, n);
    apr_size_t i, counts[256] = {0}, zeros = 0;

    memset(a, 0, n);
    memset(b, 0, n);
    ck_assert_int_eq(apr_generate_random_bytes(a, n), APR_SUCCESS);
    ck_assert_int_eq(apr_generate_random_bytes(b, n), APR_SUCCESS);
    ck_assert_int_ne(memcmp(a, b, n), 0);
    /* The whole buffer is filled: each byte value about n/256 times. */
    for (i = 0; i < n; i++)
        counts[a[i]]++;
    for (i = 0; i < 256; i++) {
        ck_assert_uint_gt(counts[i], n / 256 / 2);
        ck_assert_uint_lt(counts[i], n / 256 * 2);
    }
    for (i = n - 4096; i < n; i++)
        zeros += a[i] == 0;
    ck_assert_uint_lt(zeros, 64);
}
END_TEST

/* ---------------------------------------------------------------- SHA-256 */

static void sha256_hex(char *out, const void *data, apr_size_t n,
                       apr_size_t chunk)
{
    apr_crypto_hash_t *h = apr_crypto_sha256_new(p);
    const unsigned char *d = data;
    unsigned char digest[32];

    h->init(h);
    while (n > 0) {
        apr_size_t take = n < chunk ? n : chunk;

        h->add(h, d, take);
        d += take;
        n -= take;
    }
    h->finish(h, digest);
    hex(out, digest, 32);
}

START_TEST(sha256_vectors)
{
    static const char two_blocks[] =
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    apr_crypto_hash_t *h = apr_crypto_sha256_new(p);
    char out[65];
    char *million;
    apr_size_t chunk;

    ck_assert_uint_eq(h->size, 32);
    ck_assert_ptr_nonnull(h->data);
    sha256_hex(out, "", 0, 1);
    ck_assert_str_eq(out, "e3b0c44298fc1c149afbf4c8996fb924"
                          "27ae41e4649b934ca495991b7852b855");
    sha256_hex(out, "abc", 3, 3);
    ck_assert_str_eq(out, "ba7816bf8f01cfea414140de5dae2223"
                          "b00361a396177a9cb410ff61f20015ad");
    /* Same digest however the input is split. */
    for (chunk = 1; chunk < 70; chunk += 13) {
        sha256_hex(out, two_blocks, strlen(two_blocks), chunk);
        ck_assert_str_eq(out, "248d6a61d20638b8e5c026930c3e6039"
                              "a33ce45964ff2167f6ecedd419db06c1");
    }
    million = apr_palloc(p, 1000000);
    memset(million, 'a', 1000000);
    sha256_hex(out, million, 1000000, 4099);
    ck_assert_str_eq(out, "cdc76e5c9914fb9281a1c7e284d73e67"
                          "f1809a48a497200e046d39ccc7112cd0");
}
END_TEST

/* -------------------------------------------------------------- generator */

/* Feed 1 KiB blocks (one reseed each) until `ready` says so; the count. */
static int feed_until(apr_random_t *r, apr_status_t (*ready)(apr_random_t *),
                      int mult, int *calls)
{
    unsigned char e[1024];
    int n = 0, i;

    while (ready(r) != APR_SUCCESS) {
        for (i = 0; i < 1024; i++)
            e[i] = (unsigned char)(i * mult + *calls);
        apr_random_add_entropy(r, e, sizeof(e));
        (*calls)++;
        n++;
        ck_assert_int_lt(n, 100000);
    }
    return n;
}

START_TEST(random_ready_flow)
{
    apr_random_t *r = apr_random_standard_new(p);
    unsigned char out[64];
    char h[129];
    int calls = 0;

    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(apr_random_insecure_ready(r), APR_ENOTENOUGHENTROPY);
    ck_assert_int_eq(apr_random_secure_ready(r), APR_ENOTENOUGHENTROPY);
    memset(out, 0x77, sizeof(out));
    ck_assert_int_eq(apr_random_insecure_bytes(r, out, 8),
                     APR_ENOTENOUGHENTROPY);
    ck_assert_int_eq(apr_random_secure_bytes(r, out, 8),
                     APR_ENOTENOUGHENTROPY);
    ck_assert_int_eq(out[0], 0x77);

    /* 33 reseeds for insecure output... */
    ck_assert_int_eq(feed_until(r, apr_random_insecure_ready, 7, &calls), 33);
    ck_assert_int_eq(apr_random_secure_ready(r), APR_ENOTENOUGHENTROPY);
    ck_assert_int_eq(apr_random_secure_bytes(r, out, 10),
                     APR_ENOTENOUGHENTROPY);
    ck_assert_int_eq(apr_random_insecure_bytes(r, out, 20), APR_SUCCESS);
    hex(h, out, 20);
    ck_assert_str_eq(h, "21edf82693aee733988ebff286e769a7cd11163e");

    /* ...and 321 more for secure output. */
    ck_assert_int_eq(feed_until(r, apr_random_secure_ready, 13, &calls), 321);
    ck_assert_int_eq(calls, 354);
    ck_assert_int_eq(apr_random_secure_bytes(r, out, 20), APR_SUCCESS);

    /* A barrier withdraws secure output until 321 reseeds more. */
    apr_random_barrier(r);
    ck_assert_int_eq(apr_random_secure_ready(r), APR_ENOTENOUGHENTROPY);
    ck_assert_int_eq(apr_random_insecure_ready(r), APR_SUCCESS);
    ck_assert_int_eq(apr_random_secure_bytes(r, out, 10),
                     APR_ENOTENOUGHENTROPY);
    ck_assert_int_eq(apr_random_insecure_bytes(r, out, 10), APR_SUCCESS);
    calls = 0;
    ck_assert_int_eq(feed_until(r, apr_random_secure_ready, 3, &calls), 321);
    ck_assert_int_eq(apr_random_secure_bytes(r, out, 1), APR_SUCCESS);
}
END_TEST

START_TEST(random_vectors)
{
    apr_random_t *r = apr_random_standard_new(p);
    apr_random_t *r2 = apr_random_standard_new(p);
    unsigned char out[100], out2[100];
    char h[201];
    int calls = 0, calls2 = 0;

    feed_until(r, apr_random_insecure_ready, 7, &calls);
    feed_until(r2, apr_random_insecure_ready, 7, &calls2);
    /* Same entropy, same output. */
    ck_assert_int_eq(apr_random_insecure_bytes(r, out, 40), APR_SUCCESS);
    ck_assert_int_eq(apr_random_insecure_bytes(r2, out2, 40), APR_SUCCESS);
    ck_assert_int_eq(memcmp(out, out2, 40), 0);
    hex(h, out, 40);
    ck_assert_str_eq(h, "21edf82693aee733988ebff286e769a7cd11163e5ec1c27b"
                        "4807b31382272e8430ece7e2f6ce0560");
    /* Reads continue inside and across 32-byte blocks. */
    apr_random_insecure_bytes(r, out, 7);
    hex(h, out, 7);
    ck_assert_str_eq(h, "e6066dd1df77dd");
    apr_random_insecure_bytes(r, out, 33);
    hex(h, out, 33);
    ck_assert_str_eq(h, "512213fdda3d47599acb1702d5dbeec513dc9e461783cd49"
                        "4cfa283e0ec1a0ef8c");

    feed_until(r, apr_random_secure_ready, 13, &calls);
    ck_assert_int_eq(apr_random_secure_bytes(r, out, 50), APR_SUCCESS);
    hex(h, out, 50);
    ck_assert_str_eq(h, "2a77581c001925b7d31c005ea9b02474cef873c85f06b25d"
                        "9a22e16a7b913611a8fd841d149e22617472eab800cae2a4"
                        "ce8e");
    apr_random_barrier(r);
    apr_random_insecure_bytes(r, out, 20);
    hex(h, out, 20);
    ck_assert_str_eq(h, "1487da7aec2419bf829620085cbed7d02300802b");
    calls = 0;
    feed_until(r, apr_random_secure_ready, 3, &calls);
    apr_random_secure_bytes(r, out, 20);
    hex(h, out, 20);
    ck_assert_str_eq(h, "d6e7ef58eade15a7ef27f17543c86884f27943ba");
}
END_TEST

START_TEST(random_bytewise_and_bulk)
{
    apr_random_t *r = apr_random_standard_new(p);
    unsigned char out[20], *big;
    char h[41];
    long n = 0;
    int i, calls = 0;

    /* One byte per call: a reseed every 1024 bytes, the first after 993. */
    while (apr_random_insecure_ready(r) != APR_SUCCESS) {
        unsigned char b = (unsigned char)(n * 31);

        apr_random_add_entropy(r, &b, 1);
        n++;
    }
    ck_assert_int_eq(n, 33761);
    apr_random_insecure_bytes(r, out, 20);
    hex(h, out, 20);
    ck_assert_str_eq(h, "ddfde0e74abcb39434be01a432bc8efa4b248457");

    /* 1 MiB per call: pools overflow and get compressed, but still one
     * reseed per call. */
    big = apr_palloc(p, 1 << 20);
    for (i = 0; i < (1 << 20); i++)
        big[i] = (unsigned char)(i ^ (i >> 8));
    r = apr_random_standard_new(p);
    while (apr_random_insecure_ready(r) != APR_SUCCESS) {
        apr_random_add_entropy(r, big, 1 << 20);
        calls++;
    }
    ck_assert_int_eq(calls, 33);
    apr_random_insecure_bytes(r, out, 20);
    hex(h, out, 20);
    ck_assert_str_eq(h, "70bf59584981b5dd3b669dc5cc7018bb9f8c2a71");
}
END_TEST

/* Stands for apr_proc_t, whose first member is the pid. */
struct fake_proc {
    pid_t pid;
    void *pad[8];
};

START_TEST(random_after_fork)
{
    apr_random_t *r = apr_random_standard_new(p);
    apr_random_t *twin = apr_random_standard_new(p);
    struct fake_proc child = {4242, {0}};
    unsigned char a[20], b[20];
    char h[41];
    int calls = 0, calls2 = 0;

    feed_until(r, apr_random_insecure_ready, 7, &calls);
    feed_until(twin, apr_random_insecure_ready, 7, &calls2);
    apr_random_insecure_bytes(r, a, 5);
    apr_random_insecure_bytes(twin, b, 5);
    ck_assert_int_eq(memcmp(a, b, 5), 0);
    /* Mixing the pid changes both generators' streams, identically. */
    apr_random_after_fork((apr_proc_t *)(void *)&child);
    apr_random_insecure_bytes(r, a, 20);
    apr_random_insecure_bytes(twin, b, 20);
    ck_assert_int_eq(memcmp(a, b, 20), 0);
    hex(h, a, 20);
    ck_assert_str_eq(h, "773581aa432e1c9d8e67d6066db159eb73ffc4a3");
}
END_TEST

/* A hash object that counts its calls around the real SHA-256. */
typedef struct {
    apr_crypto_hash_t *inner;
    int inits, adds, finishes;
} counting_t;

static void c_init(apr_crypto_hash_t *h)
{
    counting_t *c = h->data;

    c->inits++;
    c->inner->init(c->inner);
}

static void c_add(apr_crypto_hash_t *h, const void *d, apr_size_t n)
{
    counting_t *c = h->data;

    c->adds++;
    c->inner->add(c->inner, d, n);
}

static void c_finish(apr_crypto_hash_t *h, unsigned char *out)
{
    counting_t *c = h->data;

    c->finishes++;
    c->inner->finish(c->inner, out);
}

START_TEST(random_custom_hashes)
{
    apr_random_t *r = apr_random_standard_new(p);
    counting_t cp = {apr_crypto_sha256_new(p), 0, 0, 0};
    counting_t ck = {apr_crypto_sha256_new(p), 0, 0, 0};
    counting_t cr = {apr_crypto_sha256_new(p), 0, 0, 0};
    apr_crypto_hash_t hp = {c_init, c_add, c_finish, 32, &cp};
    apr_crypto_hash_t hk = {c_init, c_add, c_finish, 32, &ck};
    apr_crypto_hash_t hr = {c_init, c_add, c_finish, 32, &cr};
    unsigned char e[1024] = {0}, out[40];
    int calls = 0;

    apr_random_init(r, p, &hp, &hk, &hr);
    ck_assert_int_eq(apr_random_insecure_ready(r), APR_ENOTENOUGHENTROPY);
    feed_until(r, apr_random_insecure_ready, 1, &calls);
    ck_assert_int_eq(calls, 33);
    ck_assert_int_eq(ck.finishes, 33);          /* one key per reseed */
    ck_assert_int_eq(cr.finishes, 0);           /* no output yet */
    apr_random_add_entropy(r, e, 10);           /* no reseed */
    ck_assert_int_eq(ck.finishes, 33);
    apr_random_insecure_bytes(r, out, 40);      /* two blocks, two hashes */
    ck_assert_int_eq(cr.finishes, 4);
    ck_assert_int_eq(cr.inits, 4);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("random");
    TCase *tc = apr_test_tcase("random");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, generate_zero_and_one);
    tcase_add_test(tc, generate_large);
    tcase_add_test(tc, sha256_vectors);
    tcase_add_test(tc, random_ready_flow);
    tcase_add_test(tc, random_vectors);
    tcase_add_test(tc, random_bytewise_and_bulk);
    tcase_add_test(tc, random_after_fork);
    tcase_add_test(tc, random_custom_hashes);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
