/*
 * apu__system_crypt() with crypt_r(3): glibc's libcrypt (libxcrypt on
 * current Debian) knows DES, "$1$", "$5$", "$6$", bcrypt, yescrypt...
 * The reentrant form is used, so validation is thread-safe; its state is
 * large (tens of kilobytes), so it is taken from the heap, not the stack.
 */
#include <crypt.h>
#include <stdlib.h>
#include <string.h>

#include "apr_strings.h"
#include "../passwd_internal.h"

apr_status_t apu__system_crypt(const char *passwd, const char *hash,
                               char *out, apr_size_t outlen)
{
    struct crypt_data *data = calloc(1, sizeof(*data));
    const char *result;
    apr_status_t rv = APR_SUCCESS;

    if (data == NULL)
        return APR_ENOMEM;
    result = crypt_r(passwd, hash, data);
    if (result == NULL)
        rv = APR_EMISMATCH;
    else
        apr_cpystrn(out, result, outlen);
    memset(data, 0, sizeof(*data));
    free(data);
    return rv;
}
