/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file ap_compat.h
 * @brief Old names kept for modules written for earlier versions.
 */
#ifndef AP_COMPAT_H
#define AP_COMPAT_H

/** Old name of AP_MODULE_DECLARE_DATA. */
#define MODULE_VAR_EXPORT AP_MODULE_DECLARE_DATA

/** Headers are now sent by a filter: calling this does nothing. */
#define ap_send_http_header(r) ;

#endif /* AP_COMPAT_H */
