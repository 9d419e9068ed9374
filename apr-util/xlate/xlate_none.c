/*
 * apr_xlate.h in a build without character set conversion (APR_HAS_XLATE
 * is 0): the calls exist and say so, as APR-util's do in that case. A
 * build with iconv would choose an iconv-based file here instead.
 */
#include "apr_xlate.h"

APU_DECLARE(apr_status_t) apr_xlate_open(apr_xlate_t **convset,
                                         const char *topage,
                                         const char *frompage,
                                         apr_pool_t *pool)
{
    (void)topage;
    (void)frompage;
    (void)pool;
    *convset = NULL;
    return APR_ENOTIMPL;
}

APU_DECLARE(apr_status_t) apr_xlate_sb_get(apr_xlate_t *convset, int *onoff)
{
    (void)convset;
    (void)onoff;
    return APR_ENOTIMPL;
}

APU_DECLARE(apr_status_t) apr_xlate_conv_buffer(apr_xlate_t *convset,
                                                const char *inbuf,
                                                apr_size_t *inbytes_left,
                                                char *outbuf,
                                                apr_size_t *outbytes_left)
{
    (void)convset;
    (void)inbuf;
    (void)inbytes_left;
    (void)outbuf;
    (void)outbytes_left;
    return APR_ENOTIMPL;
}

APU_DECLARE(apr_int32_t) apr_xlate_conv_byte(apr_xlate_t *convset,
                                             unsigned char inchar)
{
    (void)convset;
    (void)inchar;
    return -1;
}

APU_DECLARE(apr_status_t) apr_xlate_close(apr_xlate_t *convset)
{
    (void)convset;
    return APR_ENOTIMPL;
}
