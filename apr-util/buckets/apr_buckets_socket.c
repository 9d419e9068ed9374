/*
 * SOCKET buckets: what a socket will deliver, of unknown length.
 *
 * A read receives up to APR_BUCKET_BUFF_SIZE bytes into a buffer, turns
 * the bucket into a HEAP bucket holding them and inserts a new SOCKET
 * bucket after it for the rest of the stream. At end of stream the bucket
 * becomes an empty IMMORTAL bucket. A non-blocking read sets the socket's
 * timeout to 0 for the call (APR_EAGAIN when nothing is there). The
 * socket's pool, not the bucket, closes it.
 */
#include "apr_buckets.h"

static apr_status_t socket_bucket_read(apr_bucket *a, const char **str,
                                       apr_size_t *len, apr_read_type_e block)
{
    apr_socket_t *sock = a->data;
    apr_interval_time_t timeout = 0;
    apr_bucket *rest;
    apr_status_t rv;
    char *buf;

    *str = NULL;
    buf = apr_bucket_alloc(APR_BUCKET_BUFF_SIZE, a->list);
    if (buf == NULL)
        return APR_ENOMEM;
    if (block == APR_NONBLOCK_READ) {
        apr_socket_timeout_get(sock, &timeout);
        apr_socket_timeout_set(sock, 0);
    }
    *len = APR_BUCKET_BUFF_SIZE;
    rv = apr_socket_recv(sock, buf, len);
    if (block == APR_NONBLOCK_READ)
        apr_socket_timeout_set(sock, timeout);

    if (rv != APR_SUCCESS && rv != APR_EOF) {
        apr_bucket_free(buf);
        return rv;
    }
    if (*len == 0) {
        apr_bucket_free(buf);
        apr_bucket_immortal_make(a, "", 0);
        *str = a->data;
        return APR_SUCCESS;
    }
    /* The rest of the stream, then the bytes read (the allocator's
     * abort function has run if either allocation fails). */
    rest = apr_bucket_socket_create(sock, a->list);
    if (rest == NULL || !apr_bucket_heap_make(a, buf, *len, apr_bucket_free)) {
        if (rest)
            apr_bucket_free(rest);
        apr_bucket_free(buf);
        return APR_ENOMEM;
    }
    /* The whole buffer is ours: later writes may fill it up. */
    ((apr_bucket_heap *)a->data)->alloc_len = APR_BUCKET_BUFF_SIZE;
    *str = buf;
    APR_BUCKET_INSERT_AFTER(a, rest);
    return APR_SUCCESS;
}

APU_DECLARE(apr_bucket *) apr_bucket_socket_make(apr_bucket *b,
                                                 apr_socket_t *sock)
{
    b->type = &apr_bucket_type_socket;
    b->length = (apr_size_t)-1;
    b->start = -1;
    b->data = sock;
    return b;
}

APU_DECLARE(apr_bucket *) apr_bucket_socket_create(apr_socket_t *sock,
                                                   apr_bucket_alloc_t *list)
{
    apr_bucket *b = apr_bucket_alloc(sizeof(*b), list);

    if (b == NULL)
        return NULL;
    APR_BUCKET_INIT(b);
    b->free = apr_bucket_free;
    b->list = list;
    return apr_bucket_socket_make(b, sock);
}

APU_DECLARE_DATA const apr_bucket_type_t apr_bucket_type_socket = {
    "SOCKET", 5, APR_BUCKET_DATA,
    apr_bucket_destroy_noop,
    socket_bucket_read,
    apr_bucket_setaside_notimpl,
    apr_bucket_split_notimpl,
    apr_bucket_copy_notimpl
};
