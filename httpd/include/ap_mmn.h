/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file ap_mmn.h
 * @brief The module magic number: the binary interface version modules
 * are checked against when loaded.
 *
 * The values are those of Apache httpd 2.4.64+, so that a module built
 * against either set of headers reports the same interface.
 */
#ifndef APACHE_AP_MMN_H
#define APACHE_AP_MMN_H

/** Marks a module structure as a 2.4 module ("AP24"). */
#define MODULE_MAGIC_COOKIE 0x41503234UL

#ifndef MODULE_MAGIC_NUMBER_MAJOR
/** Changes when the interface changes incompatibly. */
#define MODULE_MAGIC_NUMBER_MAJOR 20120211
#endif
/** Grows with each compatible addition to the interface. */
#define MODULE_MAGIC_NUMBER_MINOR 142

/** True if the server's interface is at least major.minor. */
#define AP_MODULE_MAGIC_AT_LEAST(major, minor)          \
    ((major) < MODULE_MAGIC_NUMBER_MAJOR                \
     || ((major) == MODULE_MAGIC_NUMBER_MAJOR           \
         && (minor) <= MODULE_MAGIC_NUMBER_MINOR))

/** Old name of MODULE_MAGIC_NUMBER_MAJOR. */
#define MODULE_MAGIC_NUMBER MODULE_MAGIC_NUMBER_MAJOR
/** Removed: its comparison was wrong; use AP_MODULE_MAGIC_AT_LEAST. */
#define MODULE_MAGIC_AT_LEAST old_broken_macro_we_hope_you_are_not_using

#endif /* APACHE_AP_MMN_H */
