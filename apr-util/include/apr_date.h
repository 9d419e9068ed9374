/*
 * apr_date.h: parsing the dates found in HTTP headers and mail.
 *
 * Both parsers take a NUL-terminated string, never read past its NUL, and
 * return APR_DATE_BAD for anything they do not accept: an unknown layout,
 * a field out of range (a 31st of April, a 29th of February outside a leap
 * year, hour 24, minute 60, second 62), a 4-digit year before 1900, or a
 * moment before the epoch (before any zone offset is applied).
 */
#ifndef APR_DATE_H
#define APR_DATE_H

/**
 * @file apr_date.h
 * @brief APR-UTIL date routines
 */

#include "apu.h"
#include "apr_time.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_Util_Date Date routines
 * @ingroup APR_Util
 * @{
 */

/** The value the parsers return for a date they reject (the epoch). */
#define APR_DATE_BAD ((apr_time_t)0)

/**
 * Match @a data against a mask, one character at a time.
 *
 * Mask characters: '@' an upper-case letter, '$' a lower-case letter,
 * '&' a hex digit, '#' a digit, '~' a digit or a space, '*' accepts the
 * rest of @a data (whatever it is, even nothing). Any other mask character
 * must appear literally. Without a '*' the mask must cover all of @a data.
 * A mask longer than 256 characters never matches.
 * @param data The string to test
 * @param mask The mask
 * @return 1 if @a data matches @a mask, 0 otherwise
 */
APU_DECLARE(int) apr_date_checkmask(const char *data, const char *mask);

/**
 * Parse a date in one of the layouts HTTP allows. Leading white space and
 * the day name (anything up to the first space) are skipped unchecked;
 * whatever follows the time is ignored (the zone is taken to be GMT):
 * <PRE>
 *     Sun, 06 Nov 1994 08:49:37 GMT   RFC 1123 (a space must follow the time)
 *     Sun, 6 Nov 1994 08:49:37 GMT    the same with a one-digit day
 *     Sunday, 06-Nov-94 08:49:37 GMT  RFC 850 (years 70-99 are 19xx,
 *                                     00-69 20xx)
 *     Sun Nov  6 08:49:37 1994        asctime
 * </PRE>
 * Month names are case-sensitive ("Nov"); seconds may go up to 61.
 * @param date The date string (NULL gives APR_DATE_BAD)
 * @return The time in microseconds since the epoch, or APR_DATE_BAD
 */
APU_DECLARE(apr_time_t) apr_date_parse_http(const char *date);

/**
 * Parse a date the way mail and news software writes them: everything
 * apr_date_parse_http() accepts, plus the lenient forms seen in the wild,
 * with a two-digit year, a day padded with a space, no seconds, a one-digit
 * hour, or dashes and a four-digit year:
 * <PRE>
 *     Sun, 06 Nov 94 08:49:37 GMT      Sun, 6 Nov 94 08:49:37 GMT
 *     Sun, 06 Nov 94 08:49 GMT         Sun, 6 Nov 94 08:49 GMT
 *     Sun, 06 Nov 94 8:49:37 GMT       Sun, 6 Nov 94 8:49:37 GMT
 *     Sun,  6 Nov 1994 08:49:37 GMT    Sun,  6 Nov 94 08:49:37 GMT
 *     Sun, 06-Nov-1994 08:49:37 GMT
 * </PRE>
 * The day name may be left out when the date starts with a digit. In the
 * layouts with seconds (asctime excepted), a sign right after the space
 * that follows the time is a zone offset, read as a decimal number hhmm
 * ("+0100" one hour east, "-0530", "+1" one minute) and applied, so the
 * result may even lie before the epoch; anything else there (a zone name)
 * counts as GMT.
 * @param date The date string (NULL gives APR_DATE_BAD)
 * @return The time in microseconds since the epoch, or APR_DATE_BAD
 */
APU_DECLARE(apr_time_t) apr_date_parse_rfc(const char *date);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_DATE_H */
