/*
 * apr_password_get on unix: prompt on the terminal and read a line with
 * echo turned off (termios), falling back to stdin/stderr when there is
 * no controlling terminal.
 */
#include "apr_lib.h"
#include "apr_strings.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* Read one line from @fd into buf (NUL-terminated, newline removed).
 * Returns 1 if the line did not fit, 0 if it did, -1 on error/EOF. */
static int read_line(int fd, char *buf, apr_size_t size)
{
    apr_size_t n = 0;
    int truncated = 0;
    char c;

    for (;;) {
        ssize_t r = read(fd, &c, 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            if (n == 0 && !truncated)
                return -1;
            break;
        }
        if (c == '\n' || c == '\r')
            break;
        if (n + 1 < size)
            buf[n++] = c;
        else
            truncated = 1;
    }
    if (size)
        buf[n] = '\0';
    return truncated;
}

APR_DECLARE(apr_status_t) apr_password_get(const char *prompt, char *pwbuf,
                                           apr_size_t *bufsize)
{
    struct termios saved, quiet;
    int fd = open("/dev/tty", O_RDWR | O_NOCTTY);
    int in = fd >= 0 ? fd : STDIN_FILENO;
    int out = fd >= 0 ? fd : STDERR_FILENO;
    int echo_off = 0, r;
    apr_status_t rv = APR_SUCCESS;

    if (write(out, prompt, strlen(prompt)) < 0) {
        /* The prompt is a courtesy: read anyway. */
    }
    if (tcgetattr(in, &saved) == 0) {
        quiet = saved;
        quiet.c_lflag &= (tcflag_t)~(ECHO | ECHONL);
        echo_off = tcsetattr(in, TCSAFLUSH, &quiet) == 0;
    }
    r = read_line(in, pwbuf, *bufsize);
    if (echo_off) {
        tcsetattr(in, TCSAFLUSH, &saved);
        if (write(out, "\n", 1) < 0) {
            /* nothing useful to do */
        }
    }
    if (r < 0)
        rv = errno ? errno : APR_EOF;
    else if (r > 0)
        rv = APR_ENAMETOOLONG;
    if (fd >= 0)
        close(fd);
    return rv;
}
