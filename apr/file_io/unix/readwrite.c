/*
 * Reading and writing files and pipes, buffered or not.
 *
 * A buffered file's buffer is used in one direction at a time: reading
 * (bytes [bufpos, dataRead) are read ahead of the caller) or writing
 * (bytes [0, bufpos) wait to be written). filePtr is where the descriptor
 * is, so the caller's position is filePtr - dataRead + bufpos.
 */
#include "apr_arch_file_io.h"
#include "apr_arch_waitio.h"
#include "apr_strings.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>

/* EAGAIN from a descriptor whose file says it may wait (timeout not 0):
 * wait for it within the timeout. APR_SUCCESS means try again. */
static apr_status_t wait_if_allowed(apr_file_t *f, int for_read)
{
    if (errno != EAGAIN && errno != EWOULDBLOCK)
        return errno;
    if (f->timeout == 0)
        return APR_EAGAIN;
    return apr__wait_for_io(f->filedes, f->timeout, for_read);
}

/* read(2) with EINTR restarted and the file's timeout honoured. Returns
 * the count, 0 at the end, or -1 with *rv set. */
static apr_ssize_t read_fd(apr_file_t *f, void *buf, apr_size_t n,
                           apr_status_t *rv)
{
    for (;;) {
        apr_ssize_t got = read(f->filedes, buf, n);

        if (got >= 0)
            return got;
        if (errno == EINTR)
            continue;
        *rv = wait_if_allowed(f, 1);
        if (*rv != APR_SUCCESS)
            return -1;
    }
}

/* write(2) likewise. A non-blocking pipe refuses a write of up to
 * PIPE_BUF bytes that does not fit whole, even after poll() said it was
 * writable: then shorter writes are tried. */
static apr_ssize_t write_fd(apr_file_t *f, const void *buf, apr_size_t n,
                            apr_status_t *rv)
{
    int waited = 0;

    for (;;) {
        apr_ssize_t put = write(f->filedes, buf, n);

        if (put >= 0)
            return put;
        if (errno == EINTR)
            continue;
        if (waited && (errno == EAGAIN || errno == EWOULDBLOCK) && n > 1) {
            n /= 2;
            continue;
        }
        *rv = wait_if_allowed(f, 0);
        if (*rv != APR_SUCCESS)
            return -1;
        waited = 1;
    }
}

/* Refill the read buffer. APR_EOF at the end of the file. */
static apr_status_t fill_buffer(apr_file_t *f)
{
    apr_status_t rv = APR_SUCCESS;
    apr_ssize_t got = read_fd(f, f->buffer, f->bufsize, &rv);

    if (got < 0)
        return rv;
    if (got == 0) {
        f->eof_hit = 1;
        return APR_EOF;
    }
    f->filePtr += got;
    f->dataRead = (apr_size_t)got;
    f->bufpos = 0;
    return APR_SUCCESS;
}

apr_status_t apr__file_flush_locked(apr_file_t *thefile)
{
    apr_size_t done = 0;
    apr_status_t rv = APR_SUCCESS;

    if (thefile->direction != APR__FILE_WRITE || thefile->bufpos == 0)
        return APR_SUCCESS;
    while (done < thefile->bufpos) {
        apr_ssize_t put = write_fd(thefile, thefile->buffer + done,
                                   thefile->bufpos - done, &rv);
        if (put < 0)
            break;
        done += (apr_size_t)put;
    }
    thefile->filePtr += done;
    if (done < thefile->bufpos) {
        /* Keep what was not written, for the next flush. */
        memmove(thefile->buffer, thefile->buffer + done,
                thefile->bufpos - done);
        thefile->bufpos -= done;
        return rv;
    }
    thefile->bufpos = 0;
    return APR_SUCCESS;
}

/* Switch a buffered file to reading. */
static apr_status_t to_read_mode(apr_file_t *f)
{
    apr_status_t rv = apr__file_flush_locked(f);

    if (rv != APR_SUCCESS)
        return rv;
    f->direction = APR__FILE_READ;
    f->bufpos = f->dataRead = 0;
    return APR_SUCCESS;
}

/* Switch a buffered file to writing: bytes read ahead are given back by
 * moving the descriptor to the caller's position. */
static void to_write_mode(apr_file_t *f)
{
    apr_off_t pos = f->filePtr - (apr_off_t)f->dataRead + (apr_off_t)f->bufpos;

    if (pos != f->filePtr && lseek(f->filedes, pos, SEEK_SET) != -1)
        f->filePtr = pos;
    f->bufpos = f->dataRead = 0;
    f->direction = APR__FILE_WRITE;
}

static apr_status_t read_buffered(apr_file_t *f, char *buf, apr_size_t *nbytes)
{
    char *pos = buf;
    apr_size_t size = *nbytes;
    apr_status_t rv = APR_SUCCESS;

    if (f->direction == APR__FILE_WRITE) {
        rv = to_read_mode(f);
        if (rv != APR_SUCCESS) {
            *nbytes = 0;
            return rv;
        }
    }
    if (f->ungetchar != -1 && size > 0) {
        *pos++ = (char)f->ungetchar;
        f->ungetchar = -1;
        size--;
    }
    /* As in APR, a buffered read goes on until the request is filled or
     * the file ends, not just until one read(2) returned something. */
    while (size > 0) {
        apr_size_t avail = f->dataRead - f->bufpos;

        if (avail == 0) {
            if (size >= f->bufsize) {
                /* A large request bypasses the buffer. */
                apr_ssize_t got = read_fd(f, pos, size, &rv);
                if (got <= 0) {
                    if (got == 0) {
                        f->eof_hit = 1;
                        rv = APR_EOF;
                    }
                    break;
                }
                f->filePtr += got;
                f->bufpos = f->dataRead = 0;
                pos += got;
                size -= (apr_size_t)got;
                continue;
            }
            rv = fill_buffer(f);
            if (rv != APR_SUCCESS)
                break;
            avail = f->dataRead;
        }
        if (avail > size)
            avail = size;
        memcpy(pos, f->buffer + f->bufpos, avail);
        f->bufpos += avail;
        pos += avail;
        size -= avail;
    }
    *nbytes = (apr_size_t)(pos - buf);
    return *nbytes ? APR_SUCCESS : rv;
}

static apr_status_t read_unbuffered(apr_file_t *f, char *buf,
                                    apr_size_t *nbytes)
{
    apr_size_t done = 0;
    apr_status_t rv = APR_SUCCESS;
    apr_ssize_t got;

    if (f->ungetchar != -1) {
        *buf++ = (char)f->ungetchar;
        f->ungetchar = -1;
        done = 1;
        if (--*nbytes == 0) {
            *nbytes = 1;
            return APR_SUCCESS;
        }
    }
    got = read_fd(f, buf, *nbytes, &rv);
    *nbytes = done;
    if (got < 0)
        return rv;
    if (got == 0) {
        /* As in APR: APR_EOF even when the given-back char was returned. */
        f->eof_hit = 1;
        return APR_EOF;
    }
    *nbytes += (apr_size_t)got;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_file_read(apr_file_t *thefile, void *buf,
                                        apr_size_t *nbytes)
{
    apr_status_t rv;

    if (*nbytes == 0)
        return APR_SUCCESS;
    if (!thefile->buffered)
        return read_unbuffered(thefile, buf, nbytes);

#if APR_HAS_THREADS
    if (thefile->thlock == NULL)
#endif
    {
        /* The common case: the bytes are already in the buffer. */
        apr_size_t n = *nbytes;
        if (thefile->direction == APR__FILE_READ &&
            thefile->ungetchar == -1 &&
            thefile->dataRead - thefile->bufpos >= n) {
            memcpy(buf, thefile->buffer + thefile->bufpos, n);
            thefile->bufpos += n;
            return APR_SUCCESS;
        }
    }
    APR__FILE_LOCK(thefile);
    rv = read_buffered(thefile, buf, nbytes);
    APR__FILE_UNLOCK(thefile);
    return rv;
}

static apr_status_t write_buffered(apr_file_t *f, const char *buf,
                                   apr_size_t *nbytes)
{
    const char *pos = buf;
    apr_size_t size = *nbytes;
    apr_status_t rv = APR_SUCCESS;

    if (f->direction == APR__FILE_READ)
        to_write_mode(f);
    while (size > 0) {
        apr_size_t room;

        if (f->bufpos == f->bufsize) {
            rv = apr__file_flush_locked(f);
            if (rv != APR_SUCCESS)
                break;
        }
        if (f->bufpos == 0 && size >= f->bufsize) {
            /* A large write bypasses the (empty) buffer. */
            apr_ssize_t put = write_fd(f, pos, size, &rv);
            if (put < 0)
                break;
            f->filePtr += put;
            pos += put;
            size -= (apr_size_t)put;
            continue;
        }
        room = f->bufsize - f->bufpos;
        if (room > size)
            room = size;
        memcpy(f->buffer + f->bufpos, pos, room);
        f->bufpos += room;
        pos += room;
        size -= room;
    }
    *nbytes = (apr_size_t)(pos - buf);
    return rv;
}

APR_DECLARE(apr_status_t) apr_file_write(apr_file_t *thefile, const void *buf,
                                         apr_size_t *nbytes)
{
    apr_status_t rv = APR_SUCCESS;
    apr_ssize_t put;

    if (thefile->buffered) {
#if APR_HAS_THREADS
        if (thefile->thlock == NULL)
#endif
        {
            /* The common case: the bytes fit in the buffer. */
            apr_size_t n = *nbytes;
            if (thefile->direction == APR__FILE_WRITE &&
                thefile->bufsize - thefile->bufpos >= n) {
                memcpy(thefile->buffer + thefile->bufpos, buf, n);
                thefile->bufpos += n;
                return APR_SUCCESS;
            }
        }
        APR__FILE_LOCK(thefile);
        rv = write_buffered(thefile, buf, nbytes);
        APR__FILE_UNLOCK(thefile);
        return rv;
    }
    put = write_fd(thefile, buf, *nbytes, &rv);
    if (put < 0) {
        *nbytes = 0;
        return rv;
    }
    *nbytes = (apr_size_t)put;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_file_writev(apr_file_t *thefile,
                                          const struct iovec *vec,
                                          apr_size_t nvec, apr_size_t *nbytes)
{
    apr_ssize_t put;
    apr_status_t rv;

    *nbytes = 0;
    if (thefile->buffered) {
        /* Pending bytes go first; then the vector goes straight out. */
        APR__FILE_LOCK(thefile);
        rv = apr__file_flush_locked(thefile);
        if (rv == APR_SUCCESS && thefile->direction == APR__FILE_READ)
            to_write_mode(thefile);
        APR__FILE_UNLOCK(thefile);
        if (rv != APR_SUCCESS)
            return rv;
    }
    if (nvec > APR_MAX_IOVEC_SIZE)
        nvec = APR_MAX_IOVEC_SIZE;
    for (;;) {
        put = writev(thefile->filedes, vec, (int)nvec);
        if (put >= 0)
            break;
        if (errno == EINTR)
            continue;
        rv = wait_if_allowed(thefile, 0);
        if (rv != APR_SUCCESS)
            return rv;
    }
    if (thefile->buffered)
        thefile->filePtr += put;
    *nbytes = (apr_size_t)put;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_file_putc(char ch, apr_file_t *thefile)
{
    apr_size_t n = 1;

    return apr_file_write(thefile, &ch, &n);
}

APR_DECLARE(apr_status_t) apr_file_getc(char *ch, apr_file_t *thefile)
{
    apr_size_t n = 1;

    return apr_file_read(thefile, ch, &n);
}

APR_DECLARE(apr_status_t) apr_file_ungetc(char ch, apr_file_t *thefile)
{
    thefile->ungetchar = (unsigned char)ch;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_file_puts(const char *str, apr_file_t *thefile)
{
    return apr_file_write_full(thefile, str, strlen(str), NULL);
}

/* gets on a buffered file: copy from the buffer up to a newline. */
static apr_status_t gets_buffered(apr_file_t *f, char **strp, char *final)
{
    char *str = *strp;
    apr_status_t rv = APR_SUCCESS;

    if (f->direction == APR__FILE_WRITE) {
        rv = to_read_mode(f);
        if (rv != APR_SUCCESS)
            return rv;
    }
    if (f->ungetchar != -1 && str < final) {
        *str = (char)f->ungetchar;
        f->ungetchar = -1;
        if (*str++ == '\n') {
            *strp = str;
            return APR_SUCCESS;
        }
    }
    while (str < final) {
        apr_size_t n = f->dataRead - f->bufpos;
        const char *src, *nl;

        if (n == 0) {
            rv = fill_buffer(f);
            if (rv != APR_SUCCESS)
                break;
            n = f->dataRead;
        }
        if (n > (apr_size_t)(final - str))
            n = (apr_size_t)(final - str);
        src = f->buffer + f->bufpos;
        nl = memchr(src, '\n', n);
        if (nl)
            n = (apr_size_t)(nl - src) + 1;
        memcpy(str, src, n);
        str += n;
        f->bufpos += n;
        if (nl)
            break;
    }
    *strp = str;
    return rv;
}

APR_DECLARE(apr_status_t) apr_file_gets(char *str, int len,
                                        apr_file_t *thefile)
{
    char *start = str, *final = str + len - 1;
    apr_status_t rv = APR_SUCCESS;

    /* Like fgets with no room: nothing stored, and no error (as APR). */
    if (len <= 1)
        return APR_SUCCESS;
    if (thefile->buffered) {
        APR__FILE_LOCK(thefile);
        rv = gets_buffered(thefile, &str, final);
        APR__FILE_UNLOCK(thefile);
    }
    else {
        while (str < final) {
            apr_size_t n = 1;
            rv = apr_file_read(thefile, str, &n);
            if (rv != APR_SUCCESS)
                break;
            if (*str++ == '\n')
                break;
        }
    }
    *str = '\0';
    /* What was read is returned; the error shows on the next call. */
    return str > start ? APR_SUCCESS : rv;
}

APR_DECLARE(apr_status_t) apr_file_flush(apr_file_t *thefile)
{
    apr_status_t rv;

    if (!thefile->buffered)
        return APR_SUCCESS;
    APR__FILE_LOCK(thefile);
    rv = apr__file_flush_locked(thefile);
    APR__FILE_UNLOCK(thefile);
    return rv;
}

static apr_status_t sync_with(apr_file_t *f, int (*fn)(int))
{
    apr_status_t rv = APR_SUCCESS;

    APR__FILE_LOCK(f);
    if (f->buffered)
        rv = apr__file_flush_locked(f);
    if (rv == APR_SUCCESS && fn(f->filedes) != 0)
        rv = errno;
    APR__FILE_UNLOCK(f);
    return rv;
}

APR_DECLARE(apr_status_t) apr_file_sync(apr_file_t *thefile)
{
    return sync_with(thefile, fsync);
}

APR_DECLARE(apr_status_t) apr_file_datasync(apr_file_t *thefile)
{
    return sync_with(thefile, fdatasync);
}

/* apr_file_printf: format in a heap buffer, written out whenever it
 * fills up. */
struct printf_data {
    apr_vformatter_buff_t vbuff;
    apr_file_t *file;
    char *buf;
    int failed;
};

static int printf_flush(apr_vformatter_buff_t *vbuff)
{
    struct printf_data *d = (struct printf_data *)vbuff;
    apr_size_t n = (apr_size_t)(vbuff->curpos - d->buf);

    if (n && apr_file_write_full(d->file, d->buf, n, NULL) != APR_SUCCESS) {
        d->failed = 1;
        return -1;
    }
    vbuff->curpos = d->buf;
    return 0;
}

APR_DECLARE_NONSTD(int) apr_file_printf(apr_file_t *fptr,
                                        const char *format, ...)
{
    struct printf_data d;
    va_list ap;
    int count;

    d.buf = malloc(HUGE_STRING_LEN);
    if (d.buf == NULL)
        return -1;
    d.vbuff.curpos = d.buf;
    d.vbuff.endpos = d.buf + HUGE_STRING_LEN;
    d.file = fptr;
    d.failed = 0;
    va_start(ap, format);
    count = apr_vformatter(printf_flush, &d.vbuff, format, ap);
    va_end(ap);
    /* apr_vformatter leaves the last piece in the buffer. */
    if (count >= 0 && printf_flush(&d.vbuff) < 0)
        count = -1;
    free(d.buf);
    return d.failed ? -1 : count;
}
