/*
 * apu__system_crypt() where the system has no crypt(3): as APR does on
 * such platforms, a hash of no scheme APR knows is taken to be the
 * password in clear text.
 */
#include "apr_strings.h"
#include "passwd_internal.h"

apr_status_t apu__system_crypt(const char *passwd, const char *hash,
                               char *out, apr_size_t outlen)
{
    (void)hash;
    apr_cpystrn(out, passwd, outlen);
    return APR_SUCCESS;
}
