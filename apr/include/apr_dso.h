/*
 * apr_dso.h: loading shared libraries at run time.
 *
 * A handle belongs to the pool given to apr_dso_load(): clearing the pool
 * unloads the library, after which no symbol taken from it may be used.
 */
#ifndef APR_DSO_H
#define APR_DSO_H
/* The name APR 1.7's own header uses as its guard. */
#define APR_DSO_DOT_H

/**
 * @file apr_dso.h
 * @brief APR dynamic object handling
 */

#include "apr.h"
#include "apr_pools.h"
#include "apr_errno.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_dso Dynamic Object Handling
 * @ingroup APR
 * @{
 */

#if APR_HAS_DSO

/** A loaded library (opaque). */
typedef struct apr_dso_handle_t apr_dso_handle_t;

/** The address of a symbol found in a library. */
typedef void *apr_dso_handle_sym_t;

/**
 * Load a library; its symbols are resolved at once and made available to
 * the libraries loaded after it (RTLD_NOW | RTLD_GLOBAL on Unix).
 * @param res_handle Receives the handle. On failure it still receives a
 *        handle whose apr_dso_error() says why.
 * @param path The library's path (searched for as the system does when
 *        it has no slash).
 * @param ctx The pool owning the handle; its cleanup unloads the library.
 * @return APR_SUCCESS or APR_EDSOOPEN.
 */
APR_DECLARE(apr_status_t) apr_dso_load(apr_dso_handle_t **res_handle,
                                       const char *path, apr_pool_t *ctx);

/**
 * Unload a library now (a second unload does nothing).
 * @param handle The handle.
 * @return APR_SUCCESS or APR_EDSOOPEN (the system refused; see
 *         apr_dso_error()).
 */
APR_DECLARE(apr_status_t) apr_dso_unload(apr_dso_handle_t *handle);

/**
 * Find a function or variable in a loaded library.
 * @param ressym Receives its address.
 * @param handle The library.
 * @param symname The symbol's name.
 * @return APR_SUCCESS, APR_ESYMNOTFOUND (see apr_dso_error()), or
 *         APR_EINIT for a handle whose library is not loaded.
 */
APR_DECLARE(apr_status_t) apr_dso_sym(apr_dso_handle_sym_t *ressym,
                                      apr_dso_handle_t *handle,
                                      const char *symname);

/**
 * The system's explanation of the last failure on a handle.
 * @param dso The handle.
 * @param buf A buffer the text may be copied into.
 * @param bufsize Its size.
 * @return The text ("No Error" when nothing failed).
 */
APR_DECLARE(const char *) apr_dso_error(apr_dso_handle_t *dso, char *buf,
                                        apr_size_t bufsize);

#endif /* APR_HAS_DSO */

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_DSO_H */
