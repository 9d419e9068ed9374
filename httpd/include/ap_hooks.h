/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file ap_hooks.h
 * @brief The server's hook macros: thin wrappers over APR-util's hook
 * machinery with the namespace "ap" and the linkage macro AP_DECLARE.
 *
 * A hook is declared once in a public header with AP_DECLARE_HOOK, and
 * implemented once (in the file owning the hook's APR_HOOK_STRUCT) with one
 * of the AP_IMPLEMENT_HOOK_* macros.
 */
#ifndef AP_HOOKS_H
#define AP_HOOKS_H

#include "apr.h"
#include "apr_hooks.h"
#include "apr_optional_hooks.h"

/**
 * Declare a hook: the prototype typedef ap_HOOK_name_t, the registration
 * function ap_hook_name(), the runner ap_run_name() and the accessor
 * ap_hook_get_name().
 */
#define AP_DECLARE_HOOK(ret, name, args) \
    APR_DECLARE_EXTERNAL_HOOK(ap, AP, ret, name, args)

/** Implement the registration and accessor functions of a hook only. */
#define AP_IMPLEMENT_HOOK_BASE(name) \
    APR_IMPLEMENT_EXTERNAL_HOOK_BASE(ap, AP, name)

/** Implement a void hook: every registered function runs, in order. */
#define AP_IMPLEMENT_HOOK_VOID(name, args_decl, args_use) \
    APR_IMPLEMENT_EXTERNAL_HOOK_VOID(ap, AP, name, args_decl, args_use)

/**
 * Implement a hook whose functions all run until one returns neither
 * @a ok nor @a decline; that value is returned, else @a ok.
 */
#define AP_IMPLEMENT_HOOK_RUN_ALL(ret, name, args_decl, args_use, ok, decline) \
    APR_IMPLEMENT_EXTERNAL_HOOK_RUN_ALL(ap, AP, ret, name, args_decl,          \
                                        args_use, ok, decline)

/** Implement a hook that stops at the first function not returning @a decline. */
#define AP_IMPLEMENT_HOOK_RUN_FIRST(ret, name, args_decl, args_use, decline) \
    APR_IMPLEMENT_EXTERNAL_HOOK_RUN_FIRST(ap, AP, ret, name, args_decl,      \
                                          args_use, decline)

/** Implement an optional hook (one a module may provide) of the RUN_ALL kind. */
#define AP_IMPLEMENT_OPTIONAL_HOOK_RUN_ALL(ret, name, args_decl, args_use, ok, \
                                           decline)                          \
    APR_IMPLEMENT_OPTIONAL_HOOK_RUN_ALL(ap, AP, ret, name, args_decl,         \
                                        args_use, ok, decline)

/** Register @a fn on the optional hook @a name. */
#define AP_OPTIONAL_HOOK(name, fn, pre, succ, order) \
    APR_OPTIONAL_HOOK(ap, name, fn, pre, succ, order)

#endif /* AP_HOOKS_H */
