/* apr_errno.h: code ranges, canonical errors, apr_strerror. */
#include <string.h>
#include "testutil.h"
#include "apr_errno.h"
#include <netdb.h>

START_TEST(test_ranges)
{
    ck_assert_int_eq(APR_OS_START_ERROR, 20000);
    ck_assert_int_eq(APR_OS_START_STATUS, 70000);
    ck_assert_int_eq(APR_UTIL_START_STATUS, 100000);
    ck_assert_int_eq(APR_OS_START_USERERR, 120000);
    ck_assert_int_eq(APR_OS_START_USEERR, APR_OS_START_USERERR);
    ck_assert_int_eq(APR_OS_START_CANONERR, 620000);
    ck_assert_int_eq(APR_OS_START_EAIERR, 670000);
    ck_assert_int_eq(APR_OS_START_SYSERR, 720000);
    ck_assert_int_eq(APR_SUCCESS, 0);
}
END_TEST

START_TEST(test_values)
{
    /* The numbers are part of the ABI: programs store and compare them. */
    ck_assert_int_eq(APR_ENOSTAT, 20001);
    ck_assert_int_eq(APR_EGENERAL, 20014);
    ck_assert_int_eq(APR_EDSOOPEN, 20019);
    ck_assert_int_eq(APR_ENOTENOUGHENTROPY, 20028);
    ck_assert_int_eq(APR_TIMEUP, 70007);
    ck_assert_int_eq(APR_BADCH, 70012);
    ck_assert_int_eq(APR_EOF, 70014);
    ck_assert_int_eq(APR_NOTFOUND, 70015);
    ck_assert_int_eq(APR_ENOTIMPL, 70023);
    ck_assert_int_eq(APR_EBUSY, 70025);
    ck_assert_int_eq(APR_ENOENT, ENOENT);
    ck_assert_int_eq(APR_EAGAIN, EAGAIN);
    ck_assert_int_eq(APR_ERANGE, ERANGE);
}
END_TEST

START_TEST(test_status_is)
{
    ck_assert(APR_STATUS_IS_ENOENT(ENOENT));
    ck_assert(!APR_STATUS_IS_ENOENT(EACCES));
    ck_assert(APR_STATUS_IS_EAGAIN(EWOULDBLOCK));
    ck_assert(APR_STATUS_IS_TIMEUP(APR_TIMEUP));
    ck_assert(APR_STATUS_IS_EOF(APR_EOF));
    ck_assert(APR_STATUS_IS_ENOTEMPTY(APR_EEXIST));
    ck_assert(APR_STATUS_IS_ENOTEMPTY(ENOTEMPTY));
    ck_assert(APR_STATUS_IS_ECONNABORTED(EPROTO));
    ck_assert(APR_STATUS_IS_EBUSY(APR_EBUSY));
    ck_assert(!APR_STATUS_IS_EBUSY(APR_SUCCESS));
    ck_assert_int_eq(APR_FROM_OS_ERROR(EINVAL), EINVAL);
    ck_assert_int_eq(APR_TO_OS_ERROR(APR_FROM_OS_ERROR(EPIPE)), EPIPE);
    errno = EMFILE;
    ck_assert_int_eq(apr_get_os_error(), EMFILE);
    apr_set_os_error(ENOSPC);
    ck_assert_int_eq(errno, ENOSPC);
    ck_assert_int_eq(apr_get_netos_error(), ENOSPC);
}
END_TEST

START_TEST(test_strerror_apr)
{
    char buf[256];

    ck_assert_str_eq(apr_strerror(APR_TIMEUP, buf, sizeof buf),
                     "The timeout specified has expired");
    ck_assert_str_eq(apr_strerror(APR_EOF, buf, sizeof buf),
                     "End of file found");
    ck_assert_str_eq(apr_strerror(APR_ENOSTAT, buf, sizeof buf),
                     "Could not perform a stat on the file.");
    ck_assert_str_eq(apr_strerror(APR_EGENERAL, buf, sizeof buf),
                     "Internal error (specific information not available)");
    ck_assert_str_eq(apr_strerror(APR_EMISMATCH, buf, sizeof buf),
                     "passwords do not match");
    /* An unused code inside APR's range, and one outside every range. */
    ck_assert_str_eq(apr_strerror(APR_OS_START_ERROR + 3, buf, sizeof buf),
                     "Error string not specified yet");
    ck_assert_str_eq(apr_strerror(APR_OS_START_USERERR + 5, buf, sizeof buf),
                     "APR does not understand this error code");
}
END_TEST

START_TEST(test_strerror_native)
{
    char buf[256];

    ck_assert_str_eq(apr_strerror(ENOENT, buf, sizeof buf),
                     strerror(ENOENT));
    ck_assert_str_eq(apr_strerror(EACCES, buf, sizeof buf),
                     strerror(EACCES));
}
END_TEST

START_TEST(test_strerror_resolver)
{
    char buf[256];
    /* A name that cannot be resolved folds EAI_NONAME above
     * APR_OS_START_EAIERR (negated where the C library's codes are
     * negative). */
    int code = EAI_NONAME < 0 ? -EAI_NONAME : EAI_NONAME;

    ck_assert_str_eq(apr_strerror(APR_OS_START_EAIERR + code, buf, sizeof buf),
                     gai_strerror(EAI_NONAME));
}
END_TEST

START_TEST(test_strerror_truncates)
{
    char buf[8];

    memset(buf, 'x', sizeof buf);
    apr_strerror(APR_TIMEUP, buf, sizeof buf);
    ck_assert_str_eq(buf, "The tim");
    memset(buf, 'x', sizeof buf);
    apr_strerror(ENOENT, buf, 4);
    ck_assert_int_eq(buf[3], '\0');
    ck_assert_int_eq(strlen(buf), 3);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("errno");
    TCase *tc = apr_test_tcase("errno");

    tcase_add_test(tc, test_ranges);
    tcase_add_test(tc, test_values);
    tcase_add_test(tc, test_status_is);
    tcase_add_test(tc, test_strerror_apr);
    tcase_add_test(tc, test_strerror_native);
    tcase_add_test(tc, test_strerror_resolver);
    tcase_add_test(tc, test_strerror_truncates);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
