/*
 * apr_socket_accept_filter: BSD's SO_ACCEPTFILTER (built only where the
 * system has it, APR_HAS_SO_ACCEPTFILTER).
 */
#include "apr_arch_networkio.h"

#include <errno.h>
#include <string.h>

apr_status_t apr_socket_accept_filter(apr_socket_t *sock, char *name,
                                      char *args)
{
    struct accept_filter_arg af;
    const void *optval = NULL;
    socklen_t optlen = 0;

    if (name && *name) {
        memset(&af, 0, sizeof af);
        strncpy(af.af_name, name, sizeof af.af_name - 1);
        if (args)
            strncpy(af.af_arg, args, sizeof af.af_arg - 1);
        optval = &af;
        optlen = sizeof af;
    }
    if (setsockopt(sock->socketdes, SOL_SOCKET, SO_ACCEPTFILTER, optval,
                   optlen) == -1)
        return errno;
    return APR_SUCCESS;
}
