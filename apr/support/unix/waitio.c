/* apr__wait_for_io: poll() on one descriptor, restarted after signals. */
#include "apr_arch_waitio.h"

#include <errno.h>
#include <poll.h>

apr_status_t apr__wait_for_io(int fd, apr_interval_time_t timeout,
                              int for_read)
{
    struct pollfd pfd;
    apr_time_t deadline = 0;
    int ms, rc;

    pfd.fd = fd;
    pfd.events = for_read ? POLLIN : POLLOUT;
    if (timeout > 0)
        deadline = apr_time_now() + timeout;
    for (;;) {
        if (timeout < 0) {
            ms = -1;
        }
        else {
            apr_interval_time_t left = timeout > 0 ? deadline - apr_time_now() : 0;
            if (left < 0)
                left = 0;
            /* Round up: a wait of 1us must not become a busy poll of 0ms. */
            ms = left > (apr_interval_time_t)APR_INT32_MAX * 1000
                     ? APR_INT32_MAX : (int)((left + 999) / 1000);
        }
        pfd.revents = 0;
        rc = poll(&pfd, 1, ms);
        if (rc > 0)
            return APR_SUCCESS;
        if (rc == 0)
            return APR_TIMEUP;
        if (errno != EINTR)
            return errno;
    }
}
