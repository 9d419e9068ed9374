/*
 * apr_generate_random_bytes() on Unix: the kernel's CSPRNG through
 * getrandom() where the C library has it, else (or when the kernel lacks
 * the system call) by reading /dev/urandom.
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "apr_private_config.h"
#include "apr_general.h"
#include "apr_errno.h"

#if HAVE_SYS_RANDOM_H
#include <sys/random.h>
#endif

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

/* Fill buf from /dev/urandom, retrying interrupted and short reads. */
static apr_status_t from_dev_urandom(unsigned char *buf, apr_size_t length)
{
    int fd, err;

    do {
        fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return errno;
    while (length > 0) {
        ssize_t n = read(fd, buf, length);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            err = n < 0 ? errno : 0;
            close(fd);
            return err ? err : APR_EGENERAL; /* EOF: not a random device */
        }
        buf += n;
        length -= (apr_size_t)n;
    }
    close(fd);
    return APR_SUCCESS;
}

#if HAVE_GETRANDOM
/* Fill buf with getrandom(). Large requests come back short (the kernel
 * caps one call near 32 MiB) and signals may interrupt: loop on both.
 * ENOSYS (an older kernel than the C library) falls back to the device. */
static apr_status_t from_getrandom(unsigned char *buf, apr_size_t length)
{
    while (length > 0) {
        ssize_t n = getrandom(buf, length, 0);

        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == ENOSYS)
                return from_dev_urandom(buf, length);
            return errno;
        }
        buf += n;
        length -= (apr_size_t)n;
    }
    return APR_SUCCESS;
}
#else
#define from_getrandom from_dev_urandom
#endif

APR_DECLARE(apr_status_t) apr_generate_random_bytes(unsigned char *buf,
                                                    apr_size_t length)
{
    return from_getrandom(buf, length);
}
