/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/* MD5 digests as strings (util_md5.h). */
#include "util_private.h"
#include "util_md5.h"
#include "apr_base64.h"

AP_DECLARE(char *) ap_md5_binary(apr_pool_t *p, const unsigned char *buf,
                                 int length)
{
    unsigned char digest[APR_MD5_DIGESTSIZE];
    char *hex = apr_palloc(p, 2 * APR_MD5_DIGESTSIZE + 1);

    apr_md5(digest, buf, length < 0 ? 0 : (apr_size_t)length);
    ap_bin2hex(digest, sizeof(digest), hex);
    return hex;
}

AP_DECLARE(char *) ap_md5(apr_pool_t *p, const unsigned char *string)
{
    return ap_md5_binary(p, string, (int)strlen((const char *)string));
}

AP_DECLARE(char *) ap_md5contextTo64(apr_pool_t *p, apr_md5_ctx_t *context)
{
    unsigned char digest[APR_MD5_DIGESTSIZE];
    char *encoded = apr_palloc(p, apr_base64_encode_len(APR_MD5_DIGESTSIZE));

    apr_md5_final(digest, context);
    apr_base64_encode_binary(encoded, digest, APR_MD5_DIGESTSIZE);
    return encoded;
}

AP_DECLARE(char *) ap_md5digest(apr_pool_t *p, apr_file_t *infile)
{
    unsigned char buf[4096]; /* a multiple of MD5's 64-byte block */
    apr_size_t nbytes = sizeof(buf);
    apr_off_t offset = 0;
    apr_md5_ctx_t context;

    apr_md5_init(&context);
    while (apr_file_read(infile, buf, &nbytes) == APR_SUCCESS) {
        apr_md5_update(&context, buf, nbytes);
        nbytes = sizeof(buf);
    }
    apr_file_seek(infile, APR_SET, &offset);
    return ap_md5contextTo64(p, &context);
}
