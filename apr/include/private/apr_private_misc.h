/*
 * Internal declarations of apr/misc shared between the platform-neutral
 * and per-OS files. Not installed.
 */
#ifndef APR_PRIVATE_MISC_H
#define APR_PRIVATE_MISC_H

#include "apr_errno.h"

/* The text of one of APR's own codes (APR_OS_START_ERROR up to
 * APR_OS_START_USERERR), or NULL for a code APR does not define. */
const char *apr__error_string(apr_status_t statcode);

#endif
