/*
 * apr_socket_sendfile with Linux sendfile(2). With headers or trailers the
 * socket is corked (APR_TCP_NOPUSH) around the whole send, so that the
 * headers, the file and the trailers leave in full segments.
 */
#include "apr_arch_networkio.h"
#include "apr_arch_file_io.h"
#include "apr_arch_waitio.h"

#include <errno.h>
#include <sys/sendfile.h>

static apr_size_t iov_total(const struct iovec *vec, int n)
{
    apr_size_t total = 0;
    int i;

    for (i = 0; i < n; i++)
        total += vec[i].iov_len;
    return total;
}

/* Uncork, keeping the first error. */
static apr_status_t uncork(apr_socket_t *sock, apr_status_t rv)
{
    apr_status_t urv = apr_socket_opt_set(sock, APR_TCP_NOPUSH, 0);

    return rv != APR_SUCCESS ? rv : urv;
}

static ssize_t send_part(apr_socket_t *sock, int fd, off_t *off,
                         apr_size_t len)
{
    ssize_t rv;

    do {
        rv = sendfile(sock->socketdes, fd, off, len);
    } while (rv == -1 && errno == EINTR);
    return rv;
}

/* The file part: one sendfile() as APR does, waiting (with a timeout) when
 * the socket is full. Returns the count sent, or -1 with *status set. */
static ssize_t send_file_part(apr_socket_t *sock, apr_file_t *file,
                              apr_off_t offset, apr_size_t len,
                              apr_status_t *status)
{
    off_t off = (off_t)offset;
    ssize_t rv = -1;
    int first_wait = 0;

    if (sock->options & APR_INCOMPLETE_WRITE) {
        sock->options &= ~APR_INCOMPLETE_WRITE;
        first_wait = 1;
    }
    if (!first_wait)
        rv = send_part(sock, file->filedes, &off, len);
    while (first_wait || (rv == -1 && (errno == EAGAIN || errno == EWOULDBLOCK)
                          && sock->timeout > 0)) {
        apr_status_t arv = apr__wait_for_io(sock->socketdes, sock->timeout, 0);

        first_wait = 0;
        if (arv != APR_SUCCESS) {
            *status = arv;
            return -1;
        }
        rv = send_part(sock, file->filedes, &off, len);
    }
    if (rv == -1)
        *status = errno;
    return rv;
}

APR_DECLARE(apr_status_t) apr_socket_sendfile(apr_socket_t *sock,
                                              apr_file_t *file,
                                              apr_hdtr_t *hdtr,
                                              apr_off_t *offset,
                                              apr_size_t *len,
                                              apr_int32_t flags)
{
    static apr_hdtr_t no_hdtr;
    apr_size_t nbytes = 0, part;
    apr_status_t rv;
    ssize_t sent;

    (void)flags; /* APR_SENDFILE_DISCONNECT_SOCKET means nothing here */
    if (hdtr == NULL)
        hdtr = &no_hdtr;

    if (hdtr->numheaders > 0) {
        rv = apr_socket_opt_set(sock, APR_TCP_NOPUSH, 1);
        if (rv != APR_SUCCESS)
            return rv;
        rv = apr_socket_sendv(sock, hdtr->headers, hdtr->numheaders, &part);
        if (rv != APR_SUCCESS) {
            *len = 0;
            return uncork(sock, rv);
        }
        nbytes += part;
        if (part < iov_total(hdtr->headers, hdtr->numheaders)) {
            /* A partial write: the socket is full; the caller comes back. */
            *len = nbytes;
            return uncork(sock, APR_SUCCESS);
        }
    }

    sent = send_file_part(sock, file, *offset, *len, &rv);
    if (sent == -1) {
        *len = nbytes;
        return uncork(sock, rv);
    }
    nbytes += (apr_size_t)sent;
    if ((apr_size_t)sent < *len) {
        *len = nbytes;
        rv = uncork(sock, APR_SUCCESS);
        if (sent == 0)
            return APR_EOF; /* the file is shorter than it was said to be */
        if (sock->timeout > 0)
            sock->options |= APR_INCOMPLETE_WRITE;
        return rv;
    }

    if (hdtr->numtrailers > 0) {
        rv = apr_socket_sendv(sock, hdtr->trailers, hdtr->numtrailers, &part);
        nbytes += part;
        if (rv != APR_SUCCESS) {
            *len = nbytes;
            return uncork(sock, rv);
        }
    }
    *len = nbytes;
    return uncork(sock, APR_SUCCESS);
}
