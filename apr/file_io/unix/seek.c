/*
 * Moving the position of a file, and truncating it. On a buffered file a
 * position inside the bytes already read keeps the buffer.
 */
#include "apr_arch_file_io.h"

#include <errno.h>

/* Move a buffered file (its lock held) to absolute position pos. */
static apr_status_t setptr(apr_file_t *f, apr_off_t pos)
{
    apr_off_t start;
    apr_status_t rv;

    if (f->direction == APR__FILE_WRITE) {
        rv = apr__file_flush_locked(f);
        if (rv != APR_SUCCESS)
            return rv;
        f->bufpos = f->dataRead = 0;
        f->direction = APR__FILE_READ;
    }
    start = f->filePtr - (apr_off_t)f->dataRead;
    if (pos >= start && pos <= f->filePtr) {
        f->bufpos = (apr_size_t)(pos - start);
        return APR_SUCCESS;
    }
    if (lseek(f->filedes, pos, SEEK_SET) == -1)
        return errno;
    f->bufpos = f->dataRead = 0;
    f->filePtr = pos;
    return APR_SUCCESS;
}

static apr_status_t seek_buffered(apr_file_t *f, apr_seek_where_t where,
                                  apr_off_t *offset)
{
    apr_off_t cur = f->filePtr - (apr_off_t)f->dataRead + (apr_off_t)f->bufpos;
    apr_status_t rv;
    struct stat st;

    switch (where) {
    case APR_SET:
        rv = setptr(f, *offset);
        break;
    case APR_CUR:
        rv = setptr(f, cur + *offset);
        break;
    case APR_END:
        rv = apr__file_flush_locked(f);
        if (rv == APR_SUCCESS)
            rv = fstat(f->filedes, &st) == 0 ? APR_SUCCESS : errno;
        if (rv == APR_SUCCESS)
            rv = setptr(f, st.st_size + *offset);
        break;
    default:
        rv = APR_EINVAL;
        break;
    }
    *offset = f->filePtr - (apr_off_t)f->dataRead + (apr_off_t)f->bufpos;
    return rv;
}

APR_DECLARE(apr_status_t) apr_file_seek(apr_file_t *thefile,
                                        apr_seek_where_t where,
                                        apr_off_t *offset)
{
    apr_off_t pos;
    apr_status_t rv;

    thefile->eof_hit = 0;
    if (thefile->buffered) {
        APR__FILE_LOCK(thefile);
        rv = seek_buffered(thefile, where, offset);
        APR__FILE_UNLOCK(thefile);
        return rv;
    }
    pos = lseek(thefile->filedes, *offset, where);
    if (pos == -1) {
        *offset = -1;
        return errno;
    }
    *offset = pos;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_file_trunc(apr_file_t *fp, apr_off_t offset)
{
    apr_status_t rv = APR_SUCCESS;

    if (fp->buffered) {
        APR__FILE_LOCK(fp);
        if (fp->direction == APR__FILE_WRITE && fp->bufpos) {
            /* Pending bytes past the new end are dropped, not written. */
            apr_off_t end = fp->filePtr + (apr_off_t)fp->bufpos;
            if (offset < end) {
                apr_off_t cut = end - offset;
                fp->bufpos = cut <= (apr_off_t)fp->bufpos
                                 ? fp->bufpos - (apr_size_t)cut : 0;
            }
            rv = apr__file_flush_locked(fp);
            fp->bufpos = fp->dataRead = 0;
            fp->direction = APR__FILE_READ;
        }
        else if (fp->direction == APR__FILE_READ) {
            fp->bufpos = fp->dataRead = 0;
        }
        APR__FILE_UNLOCK(fp);
        if (rv != APR_SUCCESS)
            return rv;
    }
    if (ftruncate(fp->filedes, offset) == -1)
        return errno;
    return apr_file_seek(fp, APR_SET, &offset);
}
