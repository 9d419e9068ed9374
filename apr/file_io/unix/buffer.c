/*
 * Giving a file a buffer of the caller's, or taking it away.
 */
#include "apr_arch_file_io.h"

APR_DECLARE(apr_status_t) apr_file_buffer_set(apr_file_t *thefile,
                                              char *buffer,
                                              apr_size_t bufsize)
{
    apr_status_t rv = APR_SUCCESS;

    APR__FILE_LOCK(thefile);
    if (thefile->buffered) {
        rv = apr__file_flush_locked(thefile);
        if (rv != APR_SUCCESS) {
            APR__FILE_UNLOCK(thefile);
            return rv;
        }
        /* Bytes read ahead are given back to the descriptor (APR drops
         * them, moving the position). */
        if (thefile->direction == APR__FILE_READ &&
            thefile->bufpos < thefile->dataRead) {
            apr_off_t pos = thefile->filePtr - (apr_off_t)thefile->dataRead +
                            (apr_off_t)thefile->bufpos;
            if (lseek(thefile->filedes, pos, SEEK_SET) != -1)
                thefile->filePtr = pos;
        }
    }
    thefile->buffer = buffer;
    thefile->bufsize = bufsize;
    thefile->bufpos = thefile->dataRead = 0;
    thefile->direction = APR__FILE_READ;
    /* A size of 0 turns buffering off. */
    thefile->buffered = bufsize != 0;
    APR__FILE_UNLOCK(thefile);
    return APR_SUCCESS;
}

APR_DECLARE(apr_size_t) apr_file_buffer_size_get(apr_file_t *thefile)
{
    return thefile->bufsize;
}
