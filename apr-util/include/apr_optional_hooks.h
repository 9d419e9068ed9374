/*
 * apr_optional_hooks.h: hooks looked up by name at run time, so that a
 * module can offer a hook that other modules use without linking to it.
 *
 * The hook is declared as usual (APR_DECLARE_EXTERNAL_HOOK gives the
 * function and link types); users register with APR_OPTIONAL_HOOK, and the
 * owner implements the runner with APR_IMPLEMENT_OPTIONAL_HOOK_RUN_ALL.
 * Each named list is sorted by apr_hook_sort_all() like the others and
 * lives in apr_hook_global_pool. Optional hooks have no probes.
 */
#ifndef APR_OPTIONAL_HOOK_H
#define APR_OPTIONAL_HOOK_H

#include "apu.h"
#include "apr_tables.h"

/**
 * @file apr_optional_hooks.h
 * @brief Optional hooks: hooks registered and run by name.
 */

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_Util_OPT_HOOK Optional Hook Functions
 * @ingroup APR_Util_Hook
 * @{
 */

/**
 * Appends pfn to the optional hook szName, creating the list (and
 * registering it for sorting) on first use (internal: use
 * APR_OPTIONAL_HOOK). The module name recorded is apr_hook_debug_current.
 * @param szName the hook's name; must stay valid
 * @param pfn the function, cast to the generic type
 * @param aszPre NULL-terminated names of modules to run before, or NULL
 * @param aszSucc NULL-terminated names of modules to run after, or NULL
 * @param nOrder APR_HOOK_FIRST ... APR_HOOK_LAST
 */
APU_DECLARE(void) apr_optional_hook_add(const char *szName, void (*pfn)(void),
                                        const char *const *aszPre,
                                        const char *const *aszSucc,
                                        int nOrder);

/** Registers pfn (of type ns_HOOK_name_t) on the optional hook `name`. */
#define APR_OPTIONAL_HOOK(ns, name, pfn, aszPre, aszSucc, nOrder)           \
    do {                                                                    \
        ns##_HOOK_##name##_t *apu__hook = pfn;                              \
        apr_optional_hook_add(#name, (void (*)(void))apu__hook, aszPre,     \
                              aszSucc, nOrder);                             \
    } while (0)

/** The list (of link structs) of the optional hook szName, or NULL when
 * nothing was registered on it (internal). */
APU_DECLARE(apr_array_header_t *) apr_optional_hook_get(const char *szName);

/**
 * Implements ns_run_name for an optional hook: calls the functions in order
 * while each returns `ok` or `decline`, returns the first other value, else
 * `ok` (also when nothing is registered).
 */
#define APR_IMPLEMENT_OPTIONAL_HOOK_RUN_ALL(ns, link, ret, name, args_decl,  \
                                            args_use, ok, decline)          \
    link##_DECLARE(ret) ns##_run_##name args_decl                           \
    {                                                                       \
        ns##_LINK_##name##_t *pHook;                                        \
        int n;                                                              \
        ret rv;                                                             \
        apr_array_header_t *pHookArray = apr_optional_hook_get(#name);      \
        if (!pHookArray)                                                    \
            return ok;                                                      \
        pHook = (ns##_LINK_##name##_t *)pHookArray->elts;                   \
        for (n = 0; n < pHookArray->nelts; ++n) {                           \
            rv = (pHook[n].pFunc)args_use;                                  \
            if (rv != ok && rv != decline)                                  \
                return rv;                                                  \
        }                                                                   \
        return ok;                                                          \
    }

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_OPTIONAL_HOOK_H */
