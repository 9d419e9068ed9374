/* core_filters_send.c: writing a brigade to the client socket. In-memory
 * buckets are gathered into one iovec array and go out in one writev (the
 * response headers with a small body); a file bucket with sendfile
 * enabled goes out with apr_socket_sendfile, the gathered iovecs riding
 * along as its header. What was written is deleted from the brigade,
 * which destroys EOR buckets (and so requests) only once their response
 * has left. */
#include <string.h>

#include "apr_buckets.h"
#include "apr_file_io.h"
#include "apr_network_io.h"

#include "httpd.h"
#include "http_core.h"
#include "request_private.h"

#define MAX_IOVEC 64                 /* iovecs gathered per write */
/* Below this a file is read() and goes out in the same writev as the
 * headers: one read instead of sendfile plus the TCP_CORK on and off
 * around it (three system calls). */
#define MIN_SENDFILE_BYTES (16 * 1024)
/* Below this a file is read() rather than mmap()ed: in a threaded server
 * each munmap costs a TLB shootdown on every CPU, more than copying. */
#define MIN_MMAP_BYTES (64 * 1024)

typedef struct {
    struct iovec vec[MAX_IOVEC];
    int nvec;
} iov_batch;

/* Skip @a n sent bytes in the iovecs from *first on. */
static void iov_advance(struct iovec *vec, int nvec, int *first,
                        apr_size_t n)
{
    int i = *first;

    while (i < nvec && n >= vec[i].iov_len) {
        n -= vec[i].iov_len;
        i++;
    }
    if (i < nvec && n) {
        vec[i].iov_base = (char *)vec[i].iov_base + n;
        vec[i].iov_len -= n;
    }
    *first = i;
}

/* Write every iovec, looping over partial writes. */
static apr_status_t writev_all(apr_socket_t *s, iov_batch *batch,
                               apr_size_t *sent)
{
    int first = 0;

    *sent = 0;
    while (first < batch->nvec) {
        apr_size_t n = 0;
        apr_status_t rv = apr_socket_sendv(s, batch->vec + first,
                                           batch->nvec - first, &n);

        *sent += n;
        iov_advance(batch->vec, batch->nvec, &first, n);
        if (rv != APR_SUCCESS) {
            return rv;
        }
        if (n == 0 && first < batch->nvec) {
            return APR_EAGAIN;  /* should not happen; never spin */
        }
    }
    return APR_SUCCESS;
}

#if APR_HAS_SENDFILE
static int can_sendfile(const apr_bucket *e)
{
    apr_bucket_file *a;

    if (!APR_BUCKET_IS_FILE(e) || e->length == (apr_size_t)-1
        || e->length < MIN_SENDFILE_BYTES) {
        return 0;
    }
    a = e->data;
    return (apr_file_flags_get(a->fd) & APR_SENDFILE_ENABLED) != 0;
}

/* Send the batch as header, then the file bucket's range. */
static apr_status_t sendfile_all(apr_socket_t *s, iov_batch *batch,
                                 apr_bucket *e, apr_size_t *sent)
{
    apr_bucket_file *a = e->data;
    apr_off_t off = e->start;
    apr_size_t left = e->length;
    apr_hdtr_t hdtr;
    int first = 0;

    memset(&hdtr, 0, sizeof(hdtr));
    *sent = 0;
    while (left > 0) {
        apr_size_t hbytes = 0, n;
        apr_status_t rv;
        int i;

        for (i = first; i < batch->nvec; i++) {
            hbytes += batch->vec[i].iov_len;
        }
        hdtr.headers = batch->vec + first;
        hdtr.numheaders = batch->nvec - first;
        n = left;
        rv = apr_socket_sendfile(s, a->fd, &hdtr, &off, &n, 0);
        *sent += n;
        if (n > hbytes) {
            off += (apr_off_t)(n - hbytes);
            left -= n - hbytes;
            first = batch->nvec;
        }
        else {
            iov_advance(batch->vec, batch->nvec, &first, n);
        }
        if (rv != APR_SUCCESS) {
            return rv;
        }
        if (n == 0) {
            return APR_EAGAIN;
        }
    }
    return APR_SUCCESS;
}
#else
static int can_sendfile(const apr_bucket *e)
{
    return 0;
}

static apr_status_t sendfile_all(apr_socket_t *s, iov_batch *batch,
                                 apr_bucket *e, apr_size_t *sent)
{
    *sent = 0;
    return APR_ENOTIMPL;
}
#endif

/* Delete from the front of @a bb the @a n bytes that were sent, plus the
 * metadata buckets that are then at the front. */
static void consume(apr_bucket_brigade *bb, apr_size_t n)
{
    while (!APR_BRIGADE_EMPTY(bb)) {
        apr_bucket *e = APR_BRIGADE_FIRST(bb);

        if (APR_BUCKET_IS_METADATA(e) || e->length == 0) {
            apr_bucket_delete(e);
            continue;
        }
        if (n == 0) {
            return;
        }
        if (e->length <= n) {
            n -= e->length;
            apr_bucket_delete(e);
            continue;
        }
        apr_bucket_split(e, n);
        apr_bucket_delete(e);
        return;
    }
}

/* Write what was gathered (or the batch plus file bucket @a fe). */
static apr_status_t flush_batch(apr_socket_t *s, apr_bucket_brigade *bb,
                                iov_batch *batch, apr_bucket *fe,
                                apr_off_t *written)
{
    apr_size_t sent = 0;
    apr_status_t rv = fe ? sendfile_all(s, batch, fe, &sent)
                         : writev_all(s, batch, &sent);

    *written += (apr_off_t)sent;
    consume(bb, sent);
    batch->nvec = 0;
    return rv;
}

/* Gather in-memory data from the front of @a bb into @a batch, stopping
 * at a sendfile-able file (returned in *fe), a full batch, a bucket that
 * would block, or the end. */
static apr_status_t gather(apr_bucket_brigade *bb, iov_batch *batch,
                           int nonblock, apr_bucket **fe)
{
    apr_bucket *e;

    *fe = NULL;
    for (e = APR_BRIGADE_FIRST(bb); e != APR_BRIGADE_SENTINEL(bb);
         e = APR_BUCKET_NEXT(e)) {
        const char *data;
        apr_size_t len;
        apr_status_t rv;

        if (APR_BUCKET_IS_METADATA(e)) {
            continue;
        }
        if (can_sendfile(e)) {
            *fe = e;
            return APR_SUCCESS;
        }
        if (APR_BUCKET_IS_FILE(e) && e->length < MIN_MMAP_BYTES) {
            apr_bucket_file_enable_mmap(e, 0);
        }
        rv = apr_bucket_read(e, &data, &len,
                             nonblock ? APR_NONBLOCK_READ : APR_BLOCK_READ);
        if (rv != APR_SUCCESS) {
            return rv;  /* EAGAIN from a pipe: send what we have */
        }
        if (len == 0) {
            continue;
        }
        batch->vec[batch->nvec].iov_base = (void *)data;
        batch->vec[batch->nvec].iov_len = len;
        if (++batch->nvec == MAX_IOVEC) {
            return APR_SUCCESS;
        }
    }
    return APR_SUCCESS;
}

apr_status_t ap__core_send_brigade(conn_rec *c, apr_socket_t *sock,
                                   apr_bucket_brigade *bb, int nonblock,
                                   apr_off_t *bytes_written)
{
    iov_batch batch;

    batch.nvec = 0;
    while (!APR_BRIGADE_EMPTY(bb)) {
        apr_bucket *fe;
        apr_status_t grv = gather(bb, &batch, nonblock, &fe);
        apr_status_t rv;

        if (batch.nvec == 0 && !fe) {
            consume(bb, 0);     /* only metadata / empty buckets left */
            if (grv != APR_SUCCESS) {
                return grv;
            }
            if (!APR_BRIGADE_EMPTY(bb)) {
                continue;
            }
            return APR_SUCCESS;
        }
        rv = flush_batch(sock, bb, &batch, fe, bytes_written);
        if (rv != APR_SUCCESS) {
            return rv;
        }
        if (grv != APR_SUCCESS) {
            return grv;
        }
    }
    return APR_SUCCESS;
}
