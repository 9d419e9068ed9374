/*
 * apr_lib.h: the odds and ends of APR: the generic formatter behind every
 * APR printf-style function, locale-safe character class macros, reading a
 * password from the terminal and the last element of a path.
 */
#ifndef APR_LIB_H
#define APR_LIB_H

/**
 * @file apr_lib.h
 * @brief APR general purpose library routines
 */

#include "apr.h"
#include "apr_errno.h"

#if APR_HAVE_CTYPE_H
#include <ctype.h>
#endif
#if APR_HAVE_STDARG_H
#include <stdarg.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_lib General Purpose Library Routines
 * @ingroup APR
 * @{
 */

/** A buffer size large enough for most lines APR programs build. */
#define HUGE_STRING_LEN 8192

/** @see apr_vformatter_buff_t */
typedef struct apr_vformatter_buff_t apr_vformatter_buff_t;

/**
 * The output window of apr_vformatter(): bytes go to curpos, which advances
 * until it reaches endpos; then the flush function is asked for more room.
 */
struct apr_vformatter_buff_t {
    /** Where the next byte is written. */
    char *curpos;
    /** One past the last byte that may be written. */
    char *endpos;
};

/**
 * The last element of a path: the part after the final '/' ("" when the
 * path ends with a separator, the whole string when there is none).
 * @param pathname The path
 * @return A pointer into @a pathname
 */
APR_DECLARE(const char *) apr_filepath_name_get(const char *pathname);

/** Send signal @a y to process group @a x. */
#ifdef WIN32
#define apr_killpg(x, y)
#elif defined(NO_KILLPG)
#define apr_killpg(x, y)        (kill(-(x), (y)))
#else
#define apr_killpg(x, y)        (killpg((x), (y)))
#endif

/**
 * printf-style formatting to an arbitrary sink.
 *
 * Understands the C conversions d i u o x X c s e E f g G % with the flags
 * "-+ #0", width and precision (both may be '*'), the length modifiers h, l
 * and q (l and q take an apr_int64_t where long is 64 bits; use the
 * APR_*_FMT macros for APR types), and these extensions, each taking one
 * pointer argument:
 * - %pA struct in_addr *: a.b.c.d
 * - %pI apr_sockaddr_t *: a.b.c.d:port or [ipv6]:port
 * - %pT apr_os_thread_t *: the thread id in decimal
 * - %pt apr_os_thread_t *: the thread id in hexadecimal
 * - %pm apr_status_t *: the error text from apr_strerror()
 * - %pp void *: the pointer in hexadecimal
 * - %pB apr_uint32_t *, %pF apr_off_t *, %pS apr_size_t *: the size as
 *   apr_strfsize() writes it
 * A NULL %s or %p argument prints "(null)"; an unknown %p<c> prints
 * "bogus %p"; any other unknown conversion prints itself ("%y").
 *
 * Output goes to c->curpos; when c->curpos reaches c->endpos and another
 * byte must be written, @a flush_func is called: it returns 0 after making
 * room (resetting curpos and endpos) or -1 to stop, in which case
 * apr_vformatter returns -1. When c->curpos is NULL nothing is written and
 * only the length is counted. The formatter calls no other APR function
 * that could allocate, so a caller may format into the unused end of a
 * pool block.
 * @param flush_func Called when the buffer is full
 * @param c The output window
 * @param fmt The format string
 * @param ap The arguments
 * @return The number of bytes produced, or -1 if @a flush_func gave up
 */
APR_DECLARE(int) apr_vformatter(int (*flush_func)(apr_vformatter_buff_t *b),
                                apr_vformatter_buff_t *c, const char *fmt,
                                va_list ap);

/**
 * Show @a prompt on the terminal and read a password without echo.
 * @param prompt The prompt
 * @param pwbuf Receives the NUL-terminated password
 * @param bufsize The size of @a pwbuf (read only, never modified)
 * @return APR_SUCCESS, APR_ENAMETOOLONG when the password was truncated to
 * fit, or the error that prevented reading
 */
APR_DECLARE(apr_status_t) apr_password_get(const char *prompt, char *pwbuf,
                                           apr_size_t *bufsize);

/** @} */

/**
 * @defgroup apr_ctype ctype functions
 * The <ctype.h> classes for any char value, including negative ones (the
 * argument is converted to unsigned char first). EOF is not accepted.
 * @{
 */
/** isalnum() for any char */
#define apr_isalnum(c) (isalnum(((unsigned char)(c))))
/** isalpha() for any char */
#define apr_isalpha(c) (isalpha(((unsigned char)(c))))
/** iscntrl() for any char */
#define apr_iscntrl(c) (iscntrl(((unsigned char)(c))))
/** isdigit() for any char */
#define apr_isdigit(c) (isdigit(((unsigned char)(c))))
/** isgraph() for any char */
#define apr_isgraph(c) (isgraph(((unsigned char)(c))))
/** islower() for any char */
#define apr_islower(c) (islower(((unsigned char)(c))))
/** Whether the value is a 7-bit ASCII code */
#ifdef isascii
#define apr_isascii(c) (isascii(((unsigned char)(c))))
#else
#define apr_isascii(c) (((c) & ~0x7f) == 0)
#endif
/** isprint() for any char */
#define apr_isprint(c) (isprint(((unsigned char)(c))))
/** ispunct() for any char */
#define apr_ispunct(c) (ispunct(((unsigned char)(c))))
/** isspace() for any char */
#define apr_isspace(c) (isspace(((unsigned char)(c))))
/** isupper() for any char */
#define apr_isupper(c) (isupper(((unsigned char)(c))))
/** isxdigit() for any char */
#define apr_isxdigit(c) (isxdigit(((unsigned char)(c))))
/** tolower() for any char */
#define apr_tolower(c) (tolower(((unsigned char)(c))))
/** toupper() for any char */
#define apr_toupper(c) (toupper(((unsigned char)(c))))
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_LIB_H */
