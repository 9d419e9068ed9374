/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file ap_config.h
 * @brief Linkage macros, build configuration and compiler attributes that
 * every server and module source sees first.
 */
#ifndef AP_CONFIG_H
#define AP_CONFIG_H

#include "ap_hooks.h"

/* The server and the modules are compiled with -fvisibility=hidden: what
 * is declared through the macros below is what the executable exports to
 * loadable modules (and what a module exports to the server). */
#if defined(__GNUC__)
#define AP__VISIBLE __attribute__((visibility("default")))
#else
#define AP__VISIBLE
#endif

/** Declare a public server function: `AP_DECLARE(type) ap_func(args)`. */
#define AP_DECLARE(type)            AP__VISIBLE type
/** Declare a public server function taking variable arguments. */
#define AP_DECLARE_NONSTD(type)     AP__VISIBLE type
/** Declare a public server variable (declaration and definition). */
#define AP_DECLARE_DATA             AP__VISIBLE

/** Declare a function a module exports. */
#define AP_MODULE_DECLARE(type)         AP__VISIBLE type
/** Declare a variadic function a module exports. */
#define AP_MODULE_DECLARE_NONSTD(type)  AP__VISIBLE type
/** Declare data a module exports (its module structure, found by dlsym). */
#define AP_MODULE_DECLARE_DATA          AP__VISIBLE

#include "os.h"
#include "ap_config_auto.h"
#include "ap_config_layout.h"

/** Where the parent process writes its pid, relative to ServerRoot. */
#ifndef DEFAULT_PIDLOG
#define DEFAULT_PIDLOG DEFAULT_REL_RUNTIMEDIR "/httpd.pid"
#endif

/** APR can watch piped loggers and restart them when they die. */
#if APR_HAS_OTHER_CHILD
#define AP_HAVE_RELIABLE_PIPED_LOGS TRUE
#endif

/** We compile as C11, which includes C99. */
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L
#define AP_HAVE_C99
#endif

/** Command tables may use designated initializers (AP_INIT_* macros). */
#if (defined(__GNUC__) && !defined(__cplusplus)) || defined(AP_HAVE_C99)
#define AP_HAVE_DESIGNATED_INITIALIZER
#endif

#if defined(__GNUC__) && __GNUC__ >= 4
/** The variadic function's argument list ends with a NULL pointer. */
#define AP_FN_ATTR_SENTINEL __attribute__((sentinel))
/** The caller must use the return value. */
#define AP_FN_ATTR_WARN_UNUSED_RESULT __attribute__((warn_unused_result))
/** The returned block has the size given by argument x. */
#define AP_FN_ATTR_ALLOC_SIZE(x) __attribute__((alloc_size(x)))
/** The returned block has the size (argument x) * (argument y). */
#define AP_FN_ATTR_ALLOC_SIZE2(x, y) __attribute__((alloc_size(x, y)))
#else
#define AP_FN_ATTR_SENTINEL
#define AP_FN_ATTR_WARN_UNUSED_RESULT
#define AP_FN_ATTR_ALLOC_SIZE(x)
#define AP_FN_ATTR_ALLOC_SIZE2(x, y)
#endif

#endif /* AP_CONFIG_H */
