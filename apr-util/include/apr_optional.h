/*
 * apr_optional.h: functions one module exports to others by name, which
 * may or may not be present at run time (the module may not be loaded).
 *
 * The provider declares the type with APR_DECLARE_OPTIONAL_FN in a shared
 * header and registers its function with APR_REGISTER_OPTIONAL_FN (the
 * function may be static); a consumer gets it, typed, with
 * APR_RETRIEVE_OPTIONAL_FN, or NULL when nobody registered it. The
 * registry lives in apr_hook_global_pool and is emptied by
 * apr_hook_deregister_all(). Not thread-safe: register during start-up.
 */
#ifndef APR_OPTIONAL_H
#define APR_OPTIONAL_H

#include "apu.h"

/**
 * @file apr_optional.h
 * @brief Optional functions: typed registration and lookup by name.
 */

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_Util_Opt Optional Functions
 * @ingroup APR_Util
 * @{
 */

/** The function type of the optional function `name`. */
#define APR_OPTIONAL_FN_TYPE(name) apr_OFN_##name##_t

/** Declares the optional function `name`: `ret name args` (args in
 * parentheses), as the type APR_OPTIONAL_FN_TYPE(name). */
#define APR_DECLARE_OPTIONAL_FN(ret, name, args)                            \
    typedef ret(APR_OPTIONAL_FN_TYPE(name)) args

/** The generic function type the registry stores (internal). */
typedef void(apr_opt_fn_t)(void);

/** Registers pfn under szName, replacing an earlier registration; szName
 * must stay valid (internal: use APR_REGISTER_OPTIONAL_FN). */
APU_DECLARE_NONSTD(void) apr_dynamic_fn_register(const char *szName,
                                                 apr_opt_fn_t *pfn);

/** Registers the function `name` (which must have the type declared by
 * APR_DECLARE_OPTIONAL_FN(…, name, …)) under its own name. */
#define APR_REGISTER_OPTIONAL_FN(name)                                      \
    do {                                                                    \
        APR_OPTIONAL_FN_TYPE(name) *apu__opt = name;                        \
        apr_dynamic_fn_register(#name, (apr_opt_fn_t *)apu__opt);           \
    } while (0)

/** The function registered under szName, or NULL (internal: use
 * APR_RETRIEVE_OPTIONAL_FN). */
APU_DECLARE(apr_opt_fn_t *) apr_dynamic_fn_retrieve(const char *szName);

/** The optional function `name`, typed, or NULL when none is registered. */
#define APR_RETRIEVE_OPTIONAL_FN(name)                                      \
    (APR_OPTIONAL_FN_TYPE(name) *)apr_dynamic_fn_retrieve(#name)

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_OPTIONAL_H */
