/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  mod_unixd.h
 * @brief Dropping privileges in a new child.
 */

#ifndef MOD_UNIXD_H
#define MOD_UNIXD_H

#include "ap_config.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Switch to User/Group (and ChrootDir) if running as root; 0 on
 *  success, -1 on failure (logged). */
AP_DECLARE(int) ap_unixd_setup_child(void);

#ifdef __cplusplus
}
#endif

#endif /* MOD_UNIXD_H */
