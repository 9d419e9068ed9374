/*
 * send/recv/sendto/recvfrom/sendv. The hot path is one system call: a
 * socket with a positive timeout is non-blocking, and only when the call
 * would block is there a poll() (apr__wait_for_io) and a second try.
 *
 * After a partial transfer with a timeout, APR_INCOMPLETE_READ/WRITE make
 * the next call wait first, since the buffer is most likely empty/full.
 */
#include "apr_arch_networkio.h"
#include "apr_arch_waitio.h"

#include <errno.h>
#include <sys/uio.h>
#include <unistd.h>

#define WOULD_BLOCK(e) ((e) == EAGAIN || (e) == EWOULDBLOCK)

APR_DECLARE(apr_status_t) apr_socket_send(apr_socket_t *sock,
                                          const char *buf, apr_size_t *len)
{
    ssize_t rv = -1;
    int first_wait = 0;

    if (sock->options & APR_INCOMPLETE_WRITE) {
        sock->options &= ~APR_INCOMPLETE_WRITE;
        first_wait = 1;
    }
    if (!first_wait) {
        do {
            rv = write(sock->socketdes, buf, *len);
        } while (rv == -1 && errno == EINTR);
    }
    while (first_wait
           || (rv == -1 && WOULD_BLOCK(errno) && sock->timeout > 0)) {
        apr_status_t arv = apr__wait_for_io(sock->socketdes, sock->timeout, 0);

        first_wait = 0;
        if (arv != APR_SUCCESS) {
            *len = 0;
            return arv;
        }
        do {
            rv = write(sock->socketdes, buf, *len);
        } while (rv == -1 && errno == EINTR);
    }
    if (rv == -1) {
        *len = 0;
        return errno;
    }
    if (sock->timeout > 0 && (apr_size_t)rv < *len)
        sock->options |= APR_INCOMPLETE_WRITE;
    *len = (apr_size_t)rv;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_recv(apr_socket_t *sock, char *buf,
                                          apr_size_t *len)
{
    ssize_t rv = -1;
    int first_wait = 0;

    if (sock->options & APR_INCOMPLETE_READ) {
        sock->options &= ~APR_INCOMPLETE_READ;
        first_wait = 1;
    }
    if (!first_wait) {
        do {
            rv = read(sock->socketdes, buf, *len);
        } while (rv == -1 && errno == EINTR);
    }
    while (first_wait
           || (rv == -1 && WOULD_BLOCK(errno) && sock->timeout > 0)) {
        apr_status_t arv = apr__wait_for_io(sock->socketdes, sock->timeout, 1);

        first_wait = 0;
        if (arv != APR_SUCCESS) {
            *len = 0;
            return arv;
        }
        do {
            rv = read(sock->socketdes, buf, *len);
        } while (rv == -1 && errno == EINTR);
    }
    if (rv == -1) {
        *len = 0;
        return errno;
    }
    if (sock->timeout > 0 && (apr_size_t)rv < *len)
        sock->options |= APR_INCOMPLETE_READ;
    *len = (apr_size_t)rv;
    return rv == 0 ? APR_EOF : APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_sendto(apr_socket_t *sock,
                                            apr_sockaddr_t *where,
                                            apr_int32_t flags,
                                            const char *buf, apr_size_t *len)
{
    ssize_t rv;

    for (;;) {
        do {
            rv = sendto(sock->socketdes, buf, *len, flags,
                        (const struct sockaddr *)&where->sa, where->salen);
        } while (rv == -1 && errno == EINTR);
        if (rv == -1 && WOULD_BLOCK(errno) && sock->timeout > 0) {
            apr_status_t arv =
                apr__wait_for_io(sock->socketdes, sock->timeout, 0);

            if (arv != APR_SUCCESS) {
                *len = 0;
                return arv;
            }
            continue;
        }
        break;
    }
    if (rv == -1) {
        *len = 0;
        return errno;
    }
    *len = (apr_size_t)rv;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_recvfrom(apr_sockaddr_t *from,
                                              apr_socket_t *sock,
                                              apr_int32_t flags, char *buf,
                                              apr_size_t *len)
{
    ssize_t rv;

    for (;;) {
        from->salen = sizeof from->sa;
        do {
            rv = recvfrom(sock->socketdes, buf, *len, flags,
                          (struct sockaddr *)&from->sa, &from->salen);
        } while (rv == -1 && errno == EINTR);
        if (rv == -1 && WOULD_BLOCK(errno) && sock->timeout > 0) {
            apr_status_t arv =
                apr__wait_for_io(sock->socketdes, sock->timeout, 1);

            if (arv != APR_SUCCESS) {
                *len = 0;
                return arv;
            }
            continue;
        }
        break;
    }
    if (rv == -1) {
        *len = 0;
        return errno;
    }
    /* A connected stream socket may not fill in the address (MSG_PEEK,
     * for one). */
    if (from->salen > offsetof(struct sockaddr_in, sin_port))
        apr__sockaddr_vars_set(from, from->sa.sin.sin_family,
                               ntohs(from->sa.sin.sin_port));
    *len = (apr_size_t)rv;
    if (rv == 0 && sock->type == SOCK_STREAM)
        return APR_EOF;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_socket_sendv(apr_socket_t *sock,
                                           const struct iovec *vec,
                                           apr_int32_t nvec, apr_size_t *len)
{
    apr_size_t requested = 0;
    ssize_t rv = -1;
    int first_wait = 0;
    apr_int32_t i;

    for (i = 0; i < nvec; i++)
        requested += vec[i].iov_len;
    if (sock->options & APR_INCOMPLETE_WRITE) {
        sock->options &= ~APR_INCOMPLETE_WRITE;
        first_wait = 1;
    }
    if (!first_wait) {
        do {
            rv = writev(sock->socketdes, vec, nvec);
        } while (rv == -1 && errno == EINTR);
    }
    while (first_wait
           || (rv == -1 && WOULD_BLOCK(errno) && sock->timeout > 0)) {
        apr_status_t arv = apr__wait_for_io(sock->socketdes, sock->timeout, 0);

        first_wait = 0;
        if (arv != APR_SUCCESS) {
            *len = 0;
            return arv;
        }
        do {
            rv = writev(sock->socketdes, vec, nvec);
        } while (rv == -1 && errno == EINTR);
    }
    if (rv == -1) {
        *len = 0;
        return errno;
    }
    if (sock->timeout > 0 && (apr_size_t)rv < requested)
        sock->options |= APR_INCOMPLETE_WRITE;
    *len = (apr_size_t)rv;
    return APR_SUCCESS;
}
