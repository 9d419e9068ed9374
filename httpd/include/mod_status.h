/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  mod_status.h
 * @brief mod_status's hook for modules that add to the status page.
 */

#ifndef MOD_STATUS_H
#define MOD_STATUS_H

#include "ap_config.h"
#include "httpd.h"

/** status_hook flags: ?auto (machine-readable) output */
#define AP_STATUS_SHORT    (0x1)
/** ?notable output */
#define AP_STATUS_NOTABLE  (0x2)
/** ExtendedStatus is on */
#define AP_STATUS_EXTENDED (0x4)

/* symbol decoration of mod_status's exports (plain on Unix) */
#define STATUS_DECLARE(type)        type
#define STATUS_DECLARE_NONSTD(type) type
#define STATUS_DECLARE_DATA

#ifdef __cplusplus
extern "C" {
#endif

/** Hook: print a section of the status page for @a r. */
APR_DECLARE_EXTERNAL_HOOK(ap, STATUS, int, status_hook,
                          (request_rec *r, int flags))

#ifdef __cplusplus
}
#endif

#endif /* MOD_STATUS_H */
