/*
 * apr_hooks.h: typed, ordered lists of callbacks ("hooks").
 *
 * A hook is declared once (APR_DECLARE_EXTERNAL_HOOK), implemented once in
 * the library that owns it (APR_IMPLEMENT_EXTERNAL_HOOK_*, which expands
 * to the registration function, the accessor of the registered list and
 * the function that runs them), and other code registers functions on it
 * with ns_hook_NAME(fn, predecessors, successors, order). Once every
 * function is registered, apr_hook_sort_all() orders each hook's list:
 * first by order (APR_HOOK_FIRST ... APR_HOOK_LAST, ties kept in
 * registration order), then so that each function runs after the modules
 * named in its predecessors and before those named in its successors; a
 * module's name is the value of apr_hook_debug_current when it registered.
 *
 * The names these macros generate (ns_HOOK_name_t, ns_LINK_name_t,
 * ns_hook_name, ns_hook_get_name, ns_run_name) and the layout of the link
 * structure are those of APR-util 1.6, so httpd-style AP_DECLARE_HOOK /
 * AP_IMPLEMENT_HOOK_* wrappers work unchanged.
 *
 * Memory comes from apr_hook_global_pool, which the program sets before
 * registering anything. None of this is thread-safe: registration and
 * sorting happen during single-threaded start-up.
 */
#ifndef APR_HOOKS_H
#define APR_HOOKS_H

#include "apu.h"
#include "apr_tables.h"

/**
 * @file apr_hooks.h
 * @brief Hook functions: ordered lists of callbacks.
 */

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_Util_Hook Hook Functions
 * @ingroup APR_Util
 * @{
 */

/*
 * Probes. A program that defines APR_HOOK_PROBES_ENABLED, and the four
 * APR_HOOK_PROBE_* macros, before including this header gets them called
 * by every hook implemented in that translation unit:
 *   APR_HOOK_PROBE_ENTRY(ud, ns, name, args)       before the first function;
 *                                                  may set `void *ud`;
 *   APR_HOOK_PROBE_INVOKE(ud, ns, name, src, args) before each function
 *                                                  (src: the registering
 *                                                  module's name);
 *   APR_HOOK_PROBE_COMPLETE(ud, ns, name, src, rv, args) after each one
 *                                                  (rv 0 for void hooks);
 *   APR_HOOK_PROBE_RETURN(ud, ns, name, rv, args)  when the hook returns.
 * `args` is the argument list in parentheses. Optional hooks have no probes.
 * Without APR_HOOK_PROBES_ENABLED they expand to nothing.
 */
#ifdef APR_HOOK_PROBES_ENABLED
/** Declares the probes' user data in each run function. */
#define APR_HOOK_INT_DCL_UD void *ud = NULL
#else
/** Declares the probes' user data in each run function (nothing here). */
#define APR_HOOK_INT_DCL_UD
/** Probe: the hook starts running (no-op unless enabled). */
#define APR_HOOK_PROBE_ENTRY(ud, ns, name, args)
/** Probe: the hook has run and returns rv (no-op unless enabled). */
#define APR_HOOK_PROBE_RETURN(ud, ns, name, rv, args)
/** Probe: a function registered by src is about to be called. */
#define APR_HOOK_PROBE_INVOKE(ud, ns, name, src, args)
/** Probe: a function registered by src returned rv. */
#define APR_HOOK_PROBE_COMPLETE(ud, ns, name, src, rv, args)
#endif

/** The prototype of ns_hook_get_name(), which returns the hook's list of
 * registered functions (an array of ns_LINK_name_t, or NULL when empty). */
#define APR_IMPLEMENT_HOOK_GET_PROTO(ns, link, name)                        \
    link##_DECLARE(apr_array_header_t *) ns##_hook_get_##name(void)

/**
 * Declares a hook: the function type ns_HOOK_name_t, the registration
 * function ns_hook_name(fn, predecessors, successors, order), the runner
 * ns_run_name args, the accessor ns_hook_get_name() and the list entry
 * struct ns_LINK_name_t. `link` selects the linkage macro link_DECLARE.
 */
#define APR_DECLARE_EXTERNAL_HOOK(ns, link, ret, name, args)                \
    typedef ret ns##_HOOK_##name##_t args;                                  \
    link##_DECLARE(void) ns##_hook_##name(ns##_HOOK_##name##_t *pf,         \
                                          const char *const *aszPre,        \
                                          const char *const *aszSucc,       \
                                          int nOrder);                      \
    link##_DECLARE(ret) ns##_run_##name args;                               \
    APR_IMPLEMENT_HOOK_GET_PROTO(ns, link, name);                           \
    typedef struct ns##_LINK_##name##_t {                                   \
        ns##_HOOK_##name##_t *pFunc;                                        \
        const char *szName;                                                 \
        const char *const *aszPredecessors;                                 \
        const char *const *aszSuccessors;                                   \
        int nOrder;                                                         \
    } ns##_LINK_##name##_t;

/** Defines the file-static `_hooks` struct holding the lists of the hooks
 * implemented in this file; members are APR_HOOK_LINK(name) entries. */
#define APR_HOOK_STRUCT(members) static struct { members } _hooks;

/** A member of APR_HOOK_STRUCT: the list of one hook. */
#define APR_HOOK_LINK(name) apr_array_header_t *link_##name;

/**
 * Implements ns_hook_name() (appends to the list, creating it in
 * apr_hook_global_pool and registering it for apr_hook_sort_all() on first
 * use, and records apr_hook_debug_current as the function's module name)
 * and ns_hook_get_name().
 */
#define APR_IMPLEMENT_EXTERNAL_HOOK_BASE(ns, link, name)                    \
    link##_DECLARE(void) ns##_hook_##name(ns##_HOOK_##name##_t *pf,         \
                                          const char *const *aszPre,        \
                                          const char *const *aszSucc,       \
                                          int nOrder)                       \
    {                                                                       \
        ns##_LINK_##name##_t *pHook;                                        \
        if (!_hooks.link_##name) {                                          \
            _hooks.link_##name = apr_array_make(apr_hook_global_pool, 1,    \
                                        sizeof(ns##_LINK_##name##_t));      \
            apr_hook_sort_register(#name, &_hooks.link_##name);             \
        }                                                                   \
        pHook = apr_array_push(_hooks.link_##name);                         \
        pHook->pFunc = pf;                                                  \
        pHook->aszPredecessors = aszPre;                                    \
        pHook->aszSuccessors = aszSucc;                                     \
        pHook->nOrder = nOrder;                                             \
        pHook->szName = apr_hook_debug_current;                             \
        if (apr_hook_debug_enabled)                                         \
            apr_hook_debug_show(#name, aszPre, aszSucc);                    \
    }                                                                       \
    APR_IMPLEMENT_HOOK_GET_PROTO(ns, link, name)                            \
    {                                                                       \
        return _hooks.link_##name;                                          \
    }

/**
 * Implements a hook without a result: ns_run_name calls every registered
 * function in order.
 * @param args_decl the parameter list, in parentheses, with types
 * @param args_use the argument names, in parentheses
 */
#define APR_IMPLEMENT_EXTERNAL_HOOK_VOID(ns, link, name, args_decl, args_use) \
    APR_IMPLEMENT_EXTERNAL_HOOK_BASE(ns, link, name)                        \
    link##_DECLARE(void) ns##_run_##name args_decl                          \
    {                                                                       \
        ns##_LINK_##name##_t *pHook;                                        \
        int n;                                                              \
        APR_HOOK_INT_DCL_UD;                                                \
        APR_HOOK_PROBE_ENTRY(ud, ns, name, args_use);                       \
        if (_hooks.link_##name) {                                           \
            pHook = (ns##_LINK_##name##_t *)_hooks.link_##name->elts;       \
            for (n = 0; n < _hooks.link_##name->nelts; ++n) {               \
                APR_HOOK_PROBE_INVOKE(ud, ns, name,                         \
                                      (char *)pHook[n].szName, args_use);   \
                pHook[n].pFunc args_use;                                    \
                APR_HOOK_PROBE_COMPLETE(ud, ns, name,                       \
                                        (char *)pHook[n].szName, 0,         \
                                        args_use);                          \
            }                                                               \
        }                                                                   \
        APR_HOOK_PROBE_RETURN(ud, ns, name, 0, args_use);                   \
    }

/**
 * Implements a hook that calls the functions in order while each returns
 * `ok` or `decline`, and stops at the first other value, which it returns.
 * It returns `ok` when every function returned ok or decline, and when no
 * function is registered (as APR-util does).
 */
#define APR_IMPLEMENT_EXTERNAL_HOOK_RUN_ALL(ns, link, ret, name, args_decl,  \
                                            args_use, ok, decline)          \
    APR_IMPLEMENT_EXTERNAL_HOOK_BASE(ns, link, name)                        \
    link##_DECLARE(ret) ns##_run_##name args_decl                           \
    {                                                                       \
        ns##_LINK_##name##_t *pHook;                                        \
        int n;                                                              \
        ret rv = ok;                                                        \
        APR_HOOK_INT_DCL_UD;                                                \
        APR_HOOK_PROBE_ENTRY(ud, ns, name, args_use);                       \
        if (_hooks.link_##name) {                                           \
            pHook = (ns##_LINK_##name##_t *)_hooks.link_##name->elts;       \
            for (n = 0; n < _hooks.link_##name->nelts; ++n) {               \
                APR_HOOK_PROBE_INVOKE(ud, ns, name,                         \
                                      (char *)pHook[n].szName, args_use);   \
                rv = pHook[n].pFunc args_use;                               \
                APR_HOOK_PROBE_COMPLETE(ud, ns, name,                       \
                                        (char *)pHook[n].szName, rv,        \
                                        args_use);                          \
                if (rv != ok && rv != decline)                              \
                    break;                                                  \
                rv = ok;                                                    \
            }                                                               \
        }                                                                   \
        APR_HOOK_PROBE_RETURN(ud, ns, name, rv, args_use);                  \
        return rv;                                                          \
    }

/**
 * Implements a hook that calls the functions in order until one returns
 * something other than `decline`, and returns that value; `decline` when
 * every function declined or none is registered.
 */
#define APR_IMPLEMENT_EXTERNAL_HOOK_RUN_FIRST(ns, link, ret, name,           \
                                              args_decl, args_use, decline) \
    APR_IMPLEMENT_EXTERNAL_HOOK_BASE(ns, link, name)                        \
    link##_DECLARE(ret) ns##_run_##name args_decl                           \
    {                                                                       \
        ns##_LINK_##name##_t *pHook;                                        \
        int n;                                                              \
        ret rv = decline;                                                   \
        APR_HOOK_INT_DCL_UD;                                                \
        APR_HOOK_PROBE_ENTRY(ud, ns, name, args_use);                       \
        if (_hooks.link_##name) {                                           \
            pHook = (ns##_LINK_##name##_t *)_hooks.link_##name->elts;       \
            for (n = 0; n < _hooks.link_##name->nelts; ++n) {               \
                APR_HOOK_PROBE_INVOKE(ud, ns, name,                         \
                                      (char *)pHook[n].szName, args_use);   \
                rv = pHook[n].pFunc args_use;                               \
                APR_HOOK_PROBE_COMPLETE(ud, ns, name,                       \
                                        (char *)pHook[n].szName, rv,        \
                                        args_use);                          \
                if (rv != decline)                                          \
                    break;                                                  \
            }                                                               \
        }                                                                   \
        APR_HOOK_PROBE_RETURN(ud, ns, name, rv, args_use);                  \
        return rv;                                                          \
    }

/* Orders: a function's nOrder; smaller runs earlier. */
/** Runs before everything else. */
#define APR_HOOK_REALLY_FIRST (-10)
/** Runs early. */
#define APR_HOOK_FIRST 0
/** Runs in the middle (the usual choice). */
#define APR_HOOK_MIDDLE 10
/** Runs late. */
#define APR_HOOK_LAST 20
/** Runs after everything else. */
#define APR_HOOK_REALLY_LAST 30

/** The pool all hook lists are allocated from; set it before registering.
 * Clearing it invalidates the lists: call apr_hook_deregister_all() too. */
APU_DECLARE_DATA extern apr_pool_t *apr_hook_global_pool;

/** When non-zero, registration and sorting print what they do to stdout. */
APU_DECLARE_DATA extern int apr_hook_debug_enabled;

/** The name of the module registering functions now (usually its source
 * file name); stored with each registration and matched against the
 * predecessor and successor names when sorting. */
APU_DECLARE_DATA extern const char *apr_hook_debug_current;

/**
 * Adds a hook's list to those apr_hook_sort_all() sorts. The list is
 * replaced by a sorted copy (allocated from apr_hook_global_pool).
 * @param szHookName the hook's name, printed when debugging
 * @param aHooks where the hook keeps its list
 */
APU_DECLARE(void) apr_hook_sort_register(const char *szHookName,
                                         apr_array_header_t **aHooks);

/**
 * Sorts the list of every registered hook: by nOrder (stable), then by the
 * predecessor/successor constraints. A cycle of constraints is broken (one
 * constraint of the cycle is ignored) rather than looping forever.
 */
APU_DECLARE(void) apr_hook_sort_all(void);

/**
 * Prints "  Hooked NAME pre(a,b) succ(c)" and a newline to stdout; the
 * pre/succ parts only when the arrays are not NULL.
 * @param szName the hook's name
 * @param aszPre NULL-terminated names of predecessors, or NULL
 * @param aszSucc NULL-terminated names of successors, or NULL
 */
APU_DECLARE(void) apr_hook_debug_show(const char *szName,
                                      const char *const *aszPre,
                                      const char *const *aszSucc);

/**
 * Forgets every registered function: each registered hook's list becomes
 * NULL, and the optional hooks and optional functions are forgotten too.
 * Memory is not freed (it belongs to apr_hook_global_pool).
 */
APU_DECLARE(void) apr_hook_deregister_all(void);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_HOOKS_H */
