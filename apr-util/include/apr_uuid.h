/*
 * apr_uuid.h: generating, formatting and parsing UUIDs (RFC 4122).
 */
#ifndef APR_UUID_H
#define APR_UUID_H

/**
 * @file apr_uuid.h
 * @brief APR UUID library
 */

#include "apu.h"
#include "apr_errno.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_UUID UUID Handling
 * @ingroup APR
 * @{
 */

/** A UUID: its 16 bytes in network order. */
typedef struct {
    unsigned char data[16]; /**< The bytes of the UUID */
} apr_uuid_t;

/** The length of a formatted UUID, 00112233-4455-6677-8899-aabbccddeeff,
 *  without its NUL. */
#define APR_UUID_FORMATTED_LENGTH 36

/**
 * Generate a new UUID, different from every other one this process has
 * generated. Where the OS provides UUIDs they are used; otherwise it is a
 * time-based (version 1) UUID with a random node id and clock sequence.
 * Safe to call from several threads.
 * @param uuid Receives the UUID
 */
APU_DECLARE(void) apr_uuid_get(apr_uuid_t *uuid);

/**
 * Write a UUID in its standard form, lower-case hex, with a NUL.
 * @param buffer At least APR_UUID_FORMATTED_LENGTH + 1 bytes
 * @param uuid The UUID
 */
APU_DECLARE(void) apr_uuid_format(char *buffer, const apr_uuid_t *uuid);

/**
 * Read a UUID in the standard form (hex digits of either case), which must
 * be the whole string. As in APR-util, a hex digit is also accepted (and
 * ignored) where a dash belongs.
 * @param uuid Receives the UUID (untouched on failure)
 * @param uuid_str The formatted UUID
 * @return APR_SUCCESS, or APR_BADARG for anything else
 */
APU_DECLARE(apr_status_t) apr_uuid_parse(apr_uuid_t *uuid,
                                         const char *uuid_str);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_UUID_H */
