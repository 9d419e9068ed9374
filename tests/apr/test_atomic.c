/*
 * Atomic operations (apr_atomic.h): the documented return values, wrap
 * around at the type's limit, and exact totals when 8 threads hammer the
 * same words.
 *
 * The threads are plain pthreads: apr_thread_create belongs to the
 * threads suite and this suite tests only the atomics.
 */
#include "testutil.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "apr_atomic.h"

#define NTHREADS 8
#define ROUNDS 20000

START_TEST(init_succeeds)
{
    ck_assert_int_eq(apr_atomic_init(p), APR_SUCCESS);
}
END_TEST

START_TEST(semantics_32)
{
    volatile apr_uint32_t v = 0;

    apr_atomic_set32(&v, 7);
    ck_assert_uint_eq(apr_atomic_read32(&v), 7);
    /* add and inc return the old value */
    ck_assert_uint_eq(apr_atomic_add32(&v, 5), 7);
    ck_assert_uint_eq(v, 12);
    ck_assert_uint_eq(apr_atomic_inc32(&v), 12);
    ck_assert_uint_eq(v, 13);
    apr_atomic_sub32(&v, 3);
    ck_assert_uint_eq(v, 10);
    /* dec: non-zero until the value reaches zero */
    apr_atomic_set32(&v, 2);
    ck_assert_int_ne(apr_atomic_dec32(&v), 0);
    ck_assert_uint_eq(v, 1);
    ck_assert_int_eq(apr_atomic_dec32(&v), 0);
    ck_assert_uint_eq(v, 0);
    /* cas returns the old value whether or not it swapped */
    apr_atomic_set32(&v, 100);
    ck_assert_uint_eq(apr_atomic_cas32(&v, 200, 99), 100);
    ck_assert_uint_eq(v, 100);
    ck_assert_uint_eq(apr_atomic_cas32(&v, 200, 100), 100);
    ck_assert_uint_eq(v, 200);
    /* xchg returns the old value */
    ck_assert_uint_eq(apr_atomic_xchg32(&v, 300), 200);
    ck_assert_uint_eq(apr_atomic_read32(&v), 300);
}
END_TEST

START_TEST(wraparound_32)
{
    volatile apr_uint32_t v = UINT32_MAX;

    ck_assert_uint_eq(apr_atomic_inc32(&v), UINT32_MAX);
    ck_assert_uint_eq(v, 0);
    ck_assert_int_ne(apr_atomic_dec32(&v), 0); /* 0 -> UINT32_MAX */
    ck_assert_uint_eq(v, UINT32_MAX);
    ck_assert_uint_eq(apr_atomic_add32(&v, 3), UINT32_MAX);
    ck_assert_uint_eq(v, 2);
    apr_atomic_sub32(&v, 5);
    ck_assert_uint_eq(v, UINT32_MAX - 2);
    /* adding the two's complement subtracts */
    ck_assert_uint_eq(apr_atomic_add32(&v, (apr_uint32_t)-1), UINT32_MAX - 2);
    ck_assert_uint_eq(v, UINT32_MAX - 3);
    ck_assert_uint_eq(apr_atomic_cas32(&v, 0, UINT32_MAX - 3), UINT32_MAX - 3);
    ck_assert_uint_eq(v, 0);
}
END_TEST

START_TEST(semantics_64)
{
    const apr_uint64_t big = APR_UINT64_C(0x100000000);
    volatile apr_uint64_t v = 0;

    apr_atomic_set64(&v, big + 7);
    ck_assert_uint_eq(apr_atomic_read64(&v), big + 7);
    ck_assert_uint_eq(apr_atomic_add64(&v, big), big + 7);
    ck_assert_uint_eq(v, 2 * big + 7);
    ck_assert_uint_eq(apr_atomic_inc64(&v), 2 * big + 7);
    ck_assert_uint_eq(v, 2 * big + 8);
    apr_atomic_sub64(&v, big + 8);
    ck_assert_uint_eq(v, big);
    apr_atomic_set64(&v, 2);
    ck_assert_int_ne(apr_atomic_dec64(&v), 0);
    ck_assert_int_eq(apr_atomic_dec64(&v), 0);
    ck_assert_uint_eq(v, 0);
    apr_atomic_set64(&v, big + 1);
    /* a mismatch in the high half alone must not swap */
    ck_assert_uint_eq(apr_atomic_cas64(&v, 5, 1), big + 1);
    ck_assert_uint_eq(v, big + 1);
    ck_assert_uint_eq(apr_atomic_cas64(&v, 5, big + 1), big + 1);
    ck_assert_uint_eq(v, 5);
    ck_assert_uint_eq(apr_atomic_xchg64(&v, UINT64_MAX), 5);
    ck_assert_uint_eq(apr_atomic_read64(&v), UINT64_MAX);
}
END_TEST

START_TEST(wraparound_64)
{
    volatile apr_uint64_t v = UINT64_MAX;

    ck_assert_uint_eq(apr_atomic_inc64(&v), UINT64_MAX);
    ck_assert_uint_eq(v, 0);
    ck_assert_int_ne(apr_atomic_dec64(&v), 0);
    ck_assert_uint_eq(v, UINT64_MAX);
    ck_assert_uint_eq(apr_atomic_add64(&v, 2), UINT64_MAX);
    ck_assert_uint_eq(v, 1);
    apr_atomic_sub64(&v, 2);
    ck_assert_uint_eq(v, UINT64_MAX);
    /* Crossing 2^32 carries into the high half. */
    apr_atomic_set64(&v, UINT32_MAX);
    ck_assert_uint_eq(apr_atomic_inc64(&v), UINT32_MAX);
    ck_assert_uint_eq(v, APR_UINT64_C(0x100000000));
    ck_assert_int_ne(apr_atomic_dec64(&v), 0);
    ck_assert_uint_eq(v, UINT32_MAX);
}
END_TEST

#if !APR_TEST_AGAINST_SYSTEM
/* APR returns the new value cut to an int: from 2^32 + 1 the counter
 * becomes 2^32 and APR says "zero". Ours tells the truth. */
START_TEST(dec64_high_half_is_not_zero)
{
    volatile apr_uint64_t v = APR_UINT64_C(0x100000001);

    ck_assert_int_ne(apr_atomic_dec64(&v), 0);
    ck_assert_uint_eq(v, APR_UINT64_C(0x100000000));
}
END_TEST
#endif

START_TEST(pointers)
{
    int a = 0, b = 0, c = 0;
    volatile void *slot = &a;

    /* cas returns the old pointer whether or not it swapped */
    ck_assert_ptr_eq(apr_atomic_casptr(&slot, &b, &c), &a);
    ck_assert_ptr_eq((void *)slot, &a);
    ck_assert_ptr_eq(apr_atomic_casptr(&slot, &b, &a), &a);
    ck_assert_ptr_eq((void *)slot, &b);
    ck_assert_ptr_eq(apr_atomic_xchgptr(&slot, NULL), &b);
    ck_assert_ptr_null((void *)slot);
    ck_assert_ptr_null(apr_atomic_casptr(&slot, &c, NULL));
    ck_assert_ptr_eq((void *)slot, &c);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Contention                                                          */

static struct {
    volatile apr_uint32_t inc, dec, add, cas, wrap, zeros;
    volatile apr_uint64_t inc64, dec64, add64, cas64;
    volatile void *slot;
    int tokens[NTHREADS][ROUNDS];
    void *taken[NTHREADS][ROUNDS];
} h;

static void *hammer(void *arg)
{
    int id = (int)(intptr_t)arg;
    int i;

    for (i = 0; i < ROUNDS; i++) {
        apr_uint32_t old, seen;
        apr_uint64_t old64, seen64;

        apr_atomic_inc32(&h.inc);
        if (apr_atomic_dec32(&h.dec) == 0)
            apr_atomic_inc32(&h.zeros);
        apr_atomic_add32(&h.add, 3);
        apr_atomic_sub32(&h.add, 1);
        apr_atomic_inc32(&h.wrap);

        do {
            old = apr_atomic_read32(&h.cas);
            seen = apr_atomic_cas32(&h.cas, old + 1, old);
        } while (seen != old);

        apr_atomic_inc64(&h.inc64);
        apr_atomic_dec64(&h.dec64);
        apr_atomic_add64(&h.add64, APR_UINT64_C(0x100000001));
        apr_atomic_sub64(&h.add64, 1);
        do {
            old64 = apr_atomic_read64(&h.cas64);
            seen64 = apr_atomic_cas64(&h.cas64, old64 + 1, old64);
        } while (seen64 != old64);

        h.taken[id][i] = apr_atomic_xchgptr(&h.slot, &h.tokens[id][i]);
    }
    return NULL;
}

/* Which token a pointer is (as a flat index), or -1 for none. */
static long token_index(const void *ptr)
{
    const int *t = ptr;

    if (t < &h.tokens[0][0] || t >= &h.tokens[0][0] + NTHREADS * ROUNDS)
        return -1;
    return t - &h.tokens[0][0];
}

START_TEST(hammer_exact_totals)
{
    const apr_uint64_t n = (apr_uint64_t)NTHREADS * ROUNDS;
    pthread_t th[NTHREADS];
    static unsigned char seen[NTHREADS * ROUNDS + 1];
    long i;

    memset(&h, 0, sizeof(h));
    apr_atomic_set32(&h.dec, (apr_uint32_t)n);
    apr_atomic_set32(&h.wrap, UINT32_MAX - 1000);
    apr_atomic_set64(&h.dec64, APR_UINT64_C(0x100000000) + n);
    apr_atomic_set64(&h.cas64, UINT32_MAX - 10);
    h.slot = NULL;

    for (i = 0; i < NTHREADS; i++)
        ck_assert_int_eq(pthread_create(&th[i], NULL, hammer, (void *)(intptr_t)i), 0);
    for (i = 0; i < NTHREADS; i++)
        ck_assert_int_eq(pthread_join(th[i], NULL), 0);

    ck_assert_uint_eq(apr_atomic_read32(&h.inc), n);
    ck_assert_uint_eq(apr_atomic_read32(&h.dec), 0);
    ck_assert_uint_eq(apr_atomic_read32(&h.zeros), 1); /* exactly one saw 0 */
    ck_assert_uint_eq(apr_atomic_read32(&h.add), 2 * n);
    ck_assert_uint_eq(apr_atomic_read32(&h.cas), n);
    ck_assert_uint_eq(apr_atomic_read32(&h.wrap),
                      (apr_uint32_t)(UINT32_MAX - 1000 + n));
    ck_assert_uint_eq(apr_atomic_read64(&h.inc64), n);
    ck_assert_uint_eq(apr_atomic_read64(&h.dec64), APR_UINT64_C(0x100000000));
    ck_assert_uint_eq(apr_atomic_read64(&h.add64),
                      n * APR_UINT64_C(0x100000000));
    ck_assert_uint_eq(apr_atomic_read64(&h.cas64), UINT32_MAX - 10 + n);

    /* Every token went into the slot once and came out once: the values
     * taken out plus the one left are the n tokens and the initial NULL,
     * each exactly once. */
    memset(seen, 0, sizeof(seen));
    for (i = 0; i < (long)n; i++) {
        long k = token_index(h.taken[i / ROUNDS][i % ROUNDS]);

        if (h.taken[i / ROUNDS][i % ROUNDS] == NULL)
            k = (long)n;
        ck_assert_int_ge(k, 0);
        ck_assert_int_eq(seen[k], 0);
        seen[k] = 1;
    }
    i = token_index((void *)h.slot);
    ck_assert_int_ge(i, 0);
    ck_assert_int_eq(seen[i], 0);
    seen[i] = 1;
    for (i = 0; i <= (long)n; i++)
        ck_assert_int_eq(seen[i], 1);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("atomic");
    TCase *tc = apr_test_tcase("atomic");

    tcase_add_test(tc, init_succeeds);
    tcase_add_test(tc, semantics_32);
    tcase_add_test(tc, wraparound_32);
    tcase_add_test(tc, semantics_64);
    tcase_add_test(tc, wraparound_64);
#if !APR_TEST_AGAINST_SYSTEM
    tcase_add_test(tc, dec64_high_half_is_not_zero);
#endif
    tcase_add_test(tc, pointers);
    tcase_add_test(tc, hammer_exact_totals);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
