/*
 * Waiting for a descriptor to become readable or writable within a
 * timeout: how sockets and pipes with a positive timeout block. Not
 * installed. Owner: the lead (support/unix/waitio.c).
 */
#ifndef APR_ARCH_WAITIO_H
#define APR_ARCH_WAITIO_H

#include "apr.h"
#include "apr_errno.h"
#include "apr_time.h"

/*
 * Wait until fd is readable (for_read != 0) or writable, for at most
 * timeout microseconds (negative: without limit). Returns APR_SUCCESS when
 * it is (or has an error or hang-up pending, which the next call reports),
 * APR_TIMEUP when the time ran out, or the error of poll(). EINTR restarts
 * the wait with what is left of the timeout.
 */
apr_status_t apr__wait_for_io(int fd, apr_interval_time_t timeout,
                              int for_read);

#endif /* APR_ARCH_WAITIO_H */
