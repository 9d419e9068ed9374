/*
 * The system's crypt(3), behind one function chosen by the build:
 * unix/crypt_r.c where the C library (or libcrypt) has crypt_r(),
 * crypt_none.c elsewhere.
 */
#ifndef APU_PASSWD_INTERNAL_H
#define APU_PASSWD_INTERNAL_H

#include "apr.h"
#include "apr_errno.h"

/**
 * What apr_password_validate() compares a foreign @a hash with: the
 * system's crypt(@a passwd, @a hash) where there is one, else @a passwd
 * itself (clear text). Written to @a out (NUL-terminated, truncated to
 * @a outlen - 1 characters).
 * @return APR_SUCCESS, or APR_EMISMATCH when crypt(3) refused the hash
 */
apr_status_t apu__system_crypt(const char *passwd, const char *hash,
                               char *out, apr_size_t outlen);

#endif
