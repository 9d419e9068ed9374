/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file mod_so.h
 * @brief mod_so's optional function: find the module structure a
 * LoadModule directive loaded.
 */
#ifndef MOD_SO_H
#define MOD_SO_H 1

#include "apr_optional.h"
#include "httpd.h"
#include "http_config.h"

/** The module loaded under @a modname ("foo_module"), or NULL. */
APR_DECLARE_OPTIONAL_FN(module *, ap_find_loaded_module_symbol,
                        (server_rec *s, const char *modname));

#endif /* MOD_SO_H */
