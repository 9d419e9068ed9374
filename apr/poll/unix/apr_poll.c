/*
 * apr_poll(): one poll(2) over the caller's array. Up to SMALL_SET
 * entries use a stack array; larger sets a temporary heap one.
 */
#include "apr_arch_poll_private.h"

#include <errno.h>
#include <stdlib.h>

#define SMALL_SET 64

APR_DECLARE(apr_status_t) apr_poll(apr_pollfd_t *aprset, apr_int32_t numsock,
                                   apr_int32_t *nsds,
                                   apr_interval_time_t timeout)
{
    struct pollfd small[SMALL_SET], *pfds = small;
    apr_int32_t i, n = 0;
    int rc;

    if (numsock > SMALL_SET) {
        pfds = malloc((apr_size_t)numsock * sizeof *pfds);
        if (!pfds)
            return APR_ENOMEM;
    }
    /* An entry that is neither a socket nor a file (APR_POLL_LASTDESC
     * of old callers, APR_NO_DESC) ends the array, as in APR. */
    for (; n < numsock; n++) {
        if (aprset[n].desc_type != APR_POLL_SOCKET
            && aprset[n].desc_type != APR_POLL_FILE)
            break;
        pfds[n].fd = apr__pollfd_os(&aprset[n]);
        pfds[n].events = apr__poll_to_os(aprset[n].reqevents);
        pfds[n].revents = 0;
    }
    rc = poll(pfds, (nfds_t)n, apr__poll_ms(timeout));
    *nsds = rc > 0 ? rc : 0;
    if (rc > 0) {
        for (i = 0; i < n; i++)
            aprset[i].rtnevents = apr__poll_from_os(pfds[i].revents);
    }
    if (pfds != small)
        free(pfds);
    if (rc < 0)
        return errno;
    return rc == 0 ? APR_TIMEUP : APR_SUCCESS;
}
