/*
 * apr_uuid.h: apr_uuid_get, apr_uuid_format, apr_uuid_parse.
 *
 * Debian's libaprutil uses the OS's generator (libuuid: random, version 4
 * UUIDs); ours builds version 1 (time-based) ones where APR has none. The
 * tests accept either version and check what both promise.
 */
#include <string.h>

#include "testutil.h"
#include "apr_lib.h"
#include "apr_uuid.h"

/* RFC 4122 variant, and a version this library may produce. */
static void check_uuid(const apr_uuid_t *u)
{
    int version = u->data[6] >> 4;

    ck_assert_int_eq(u->data[8] & 0xc0, 0x80);
    ck_assert_msg(version == 1 || version == 4, "version %d", version);
}

START_TEST(test_consecutive_differ)
{
    apr_uuid_t a, b;

    apr_uuid_get(&a);
    apr_uuid_get(&b);
    check_uuid(&a);
    check_uuid(&b);
    ck_assert(memcmp(a.data, b.data, sizeof a.data) != 0);
}
END_TEST

/* Many in a row, faster than the clock ticks: all different. */
START_TEST(test_many_unique)
{
    enum { N = 5000 };
    apr_uuid_t *u = apr_palloc(p, N * sizeof *u);
    int i, j;

    for (i = 0; i < N; i++)
        apr_uuid_get(&u[i]);
    for (i = 0; i < N; i++) {
        check_uuid(&u[i]);
        /* Neighbours are the likeliest to collide; a full check of the
         * first few hundred pairs as well. */
        if (i > 0)
            ck_assert(memcmp(u[i].data, u[i - 1].data, 16) != 0);
        for (j = 0; j < i && i < 300; j++)
            ck_assert(memcmp(u[i].data, u[j].data, 16) != 0);
    }
}
END_TEST

START_TEST(test_format)
{
    apr_uuid_t u;
    char buf[APR_UUID_FORMATTED_LENGTH + 1];
    int i;

    for (i = 0; i < 16; i++)
        u.data[i] = (unsigned char)(i * 0x11);
    memset(buf, 'x', sizeof buf);
    apr_uuid_format(buf, &u);
    ck_assert_str_eq(buf, "00112233-4455-6677-8899-aabbccddeeff");
    ck_assert_int_eq(APR_UUID_FORMATTED_LENGTH, 36);

    apr_uuid_get(&u);
    apr_uuid_format(buf, &u);
    ck_assert_uint_eq(strlen(buf), APR_UUID_FORMATTED_LENGTH);
    for (i = 0; i < APR_UUID_FORMATTED_LENGTH; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23)
            ck_assert_int_eq(buf[i], '-');
        else
            ck_assert_msg(apr_isxdigit(buf[i]) && !apr_isupper(buf[i]),
                          "'%c' at %d", buf[i], i);
    }
}
END_TEST

START_TEST(test_round_trip)
{
    apr_uuid_t u, v;
    char buf[APR_UUID_FORMATTED_LENGTH + 1];
    int i;

    for (i = 0; i < 20; i++) {
        apr_uuid_get(&u);
        apr_uuid_format(buf, &u);
        memset(&v, 0, sizeof v);
        ck_assert_int_eq(apr_uuid_parse(&v, buf), APR_SUCCESS);
        ck_assert(memcmp(u.data, v.data, 16) == 0);
    }
    /* Upper case parses too, and formats back in lower case. */
    ck_assert_int_eq(
        apr_uuid_parse(&v, "01234567-89AB-CDEF-0123-456789ABCDEF"),
        APR_SUCCESS);
    ck_assert_int_eq(v.data[0], 0x01);
    ck_assert_int_eq(v.data[4], 0x89);
    ck_assert_int_eq(v.data[15], 0xef);
    apr_uuid_format(buf, &v);
    ck_assert_str_eq(buf, "01234567-89ab-cdef-0123-456789abcdef");
}
END_TEST

START_TEST(test_parse_rejects)
{
    static const char *const bad[] = {
        "",
        "01234567-89ab-cdef-0123-456789abcde",      /* one digit short */
        "01234567-89ab-cdef-0123-456789abcdef0",    /* one too many */
        "01234567-89ab-cdef-0123-456789abcdef\n",
        "01234567-89ab-cdef-0123-456789abcdeg",     /* not hex */
        "01234567_89ab-cdef-0123-456789abcdef",     /* not a dash */
        "0123456-789ab-cdef-0123-456789abcdef",     /* dash misplaced */
        "{1234567-89ab-cdef-0123-456789abcdef",
        " 1234567-89ab-cdef-0123-456789abcdef",
        "0123456789abcdef0123456789abcdef",         /* no dashes at all */
    };
    apr_uuid_t u;
    size_t i;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        memset(&u, 0x5a, sizeof u);
        ck_assert_msg(apr_uuid_parse(&u, bad[i]) == APR_BADARG, "\"%s\"",
                      bad[i]);
        /* Left untouched. */
        ck_assert_int_eq(u.data[0], 0x5a);
        ck_assert_int_eq(u.data[15], 0x5a);
    }
}
END_TEST

/* APR-util's parser lets a hex digit stand where a dash belongs (and
 * ignores it); we do the same. */
START_TEST(test_parse_digit_for_dash)
{
    apr_uuid_t u;
    char buf[APR_UUID_FORMATTED_LENGTH + 1];

    ck_assert_int_eq(
        apr_uuid_parse(&u, "012345670089ab0cdef00123045678912345"),
        APR_SUCCESS);
    apr_uuid_format(buf, &u);
    ck_assert_str_eq(buf, "01234567-089a-0cde-0012-045678912345");
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("uuid");
    TCase *tc = apr_test_tcase("uuid");

    tcase_add_test(tc, test_consecutive_differ);
    tcase_add_test(tc, test_many_unique);
    tcase_add_test(tc, test_format);
    tcase_add_test(tc, test_round_trip);
    tcase_add_test(tc, test_parse_rejects);
    tcase_add_test(tc, test_parse_digit_for_dash);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
